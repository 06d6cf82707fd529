"""The team view keeps each co-allocation's drift, and the dashboard its due and coming-up items, between refreshes,
and reckons again only those whose mark moved (migration m009's triggers move a mark on every write that changes
what is reckoned from a co-allocation, plain SQL included). Whatever changes, and however, a view with its memo
shows what a reckoning from nothing shows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from helpers.demo import DEMO_DAY, workspace_copy
from helpers.records import draft_amendment_of_the_initial_meeting, signed_by_everyone

from cowork_desktop.domain.errors import ProtectionsMissing
from cowork_desktop.domain.insights import Drift
from cowork_desktop.services import insights, sessions
from cowork_desktop.services.sessions import Workspace


@pytest.fixture
def ws(demo_template: Path, tmp_path: Path) -> Iterator[Workspace]:
    with workspace_copy(demo_template, tmp_path / "demo.db") as ws:
        yield ws


def _same(ws: Workspace, memo: insights.DriftMemo, reckoned: int | None = None) -> list[Drift]:
    """The memo's drift is a fresh reckoning's; ``reckoned`` co-allocations were reckoned again to get it."""
    kept = insights.team_drift(ws, DEMO_DAY, memo)
    assert kept == insights.team_drift(ws, DEMO_DAY)
    if reckoned is not None:
        assert memo.reckoned == reckoned, (memo.reckoned, reckoned)
    return kept


def _due_same(ws: Workspace, memo: sessions.DueMemo, reckoned: int | None = None, step: int = 2) -> None:
    """The dashboard's lists from its memo (read in steps of ``step``) are a fresh reading's."""
    reading = sessions.DueAndComing(ws, DEMO_DAY, step=step, memo=memo)
    assert reading.result() == sessions.due_and_coming(ws, DEMO_DAY)
    if reckoned is not None:
        assert memo.reckoned == reckoned, (memo.reckoned, reckoned)


def _plain(ws: Workspace, sql: str, *params: object) -> None:
    """A change made by another connection (another process, or plain SQL), under the store's feet."""
    conn = sqlite3.connect(ws.store.path)
    with conn:
        conn.execute(sql, params)
    conn.close()


def test_a_refresh_reckons_again_only_what_changed_whoever_changed_it(ws: Workspace) -> None:
    memo, due = insights.DriftMemo(), sessions.DueMemo()
    drifts = _same(ws, memo)
    assert len(drifts) >= 4 and memo.reckoned == len(drifts)
    _due_same(ws, due)
    assert due.reckoned == len(drifts)  # every active co-allocation, in steps of two
    _same(ws, memo, reckoned=0)  # nothing changed: nothing reckoned
    _due_same(ws, due, reckoned=0)

    # a record signed through the sessions (an amendment): its co-allocation alone
    case_id = drifts[0].case_id
    amended = draft_amendment_of_the_initial_meeting(ws, case_id)
    assert amended.id is not None
    _same(ws, memo, reckoned=1)  # a draft saved moves the mark too (it is what the next reckoning reads)
    _due_same(ws, due, reckoned=1)
    signed_by_everyone(ws, amended.id)
    _same(ws, memo, reckoned=1)
    _due_same(ws, due, reckoned=1)

    # a worker renamed by another connection: every active co-allocation of theirs (the names are shown)
    worker = ws.store.get_coallocation(drifts[1].coallocation_id).worker_ids[0]
    theirs = sum(1 for d in drifts if worker in ws.store.get_coallocation(d.coallocation_id).worker_ids)
    _plain(ws, "UPDATE workers SET name = name || ' Jr' WHERE id = ?", worker)
    renamed = _same(ws, memo, reckoned=theirs)
    assert any(n.endswith(" Jr") for d in renamed for n in d.worker_names)
    _due_same(ws, due, reckoned=theirs)

    # a case's reference, an action done and a co-allocation ended, each by plain SQL
    _plain(ws, "UPDATE cases SET reference = reference || '-X' WHERE id = ?", drifts[2].case_id)
    _same(ws, memo, reckoned=1)
    _due_same(ws, due, reckoned=1)
    active = tuple(d.coallocation_id for d in drifts)
    [(action,)] = ws.store.db.conn.execute(
        "SELECT a.id FROM actions a JOIN records r ON r.id = a.record_id WHERE a.done_date IS NULL"
        f" AND r.status = 'signed' AND r.coallocation_id IN ({', '.join('?' * len(active))}) LIMIT 1",
        active,
    ).fetchall()
    _plain(ws, "UPDATE actions SET done_date = ? WHERE id = ?", DEMO_DAY.isoformat(), action)
    _same(ws, memo, reckoned=1)
    _due_same(ws, due, reckoned=1)
    _plain(ws, "UPDATE coallocations SET end_date = start_date WHERE id = ?", drifts[3].coallocation_id)
    left = _same(ws, memo, reckoned=0)  # no longer active: not shown, nothing to reckon
    _due_same(ws, due, reckoned=0)
    assert drifts[3].coallocation_id not in {d.coallocation_id for d in left}


def test_another_day_or_setting_reckons_everything_again(ws: Workspace) -> None:
    memo, due = insights.DriftMemo(), sessions.DueMemo()
    count = len(_same(ws, memo))
    _due_same(ws, due, reckoned=count)
    later = insights.team_drift(ws, DEMO_DAY + timedelta(days=30), memo)
    assert later == insights.team_drift(ws, DEMO_DAY + timedelta(days=30))
    assert memo.reckoned == len(later)
    ws.store.set_setting("initial_meeting_days", "10")
    _same(ws, memo, reckoned=count)
    _due_same(ws, due, reckoned=count)
    ws.store.set_setting("coming_up_days", "30")
    _due_same(ws, due, reckoned=count)


def test_a_mark_trigger_dropped_stops_every_write_until_it_is_repaired(ws: Workspace) -> None:
    """The marks are what keep the memo true: without one of their triggers the store writes nothing (a change
    could then leave a view showing an old drift), until ``cowork check --repair`` puts it back."""
    _plain(ws, "DROP TRIGGER mark_record_update")
    assert any(p.name == "mark_record_update" for p in ws.store.protection_problems(fresh=True))
    case_id = insights.team_drift(ws, DEMO_DAY)[0].case_id
    with pytest.raises(ProtectionsMissing):
        draft_amendment_of_the_initial_meeting(ws, case_id)
    assert any("mark_record_update" in line for line in ws.store.restore_protections())
    memo = insights.DriftMemo()
    _same(ws, memo)
    draft_amendment_of_the_initial_meeting(ws, case_id)
    _same(ws, memo, reckoned=1)


def test_a_refresh_after_a_few_changes_puts_their_items_in_place_without_sorting_everything(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a few co-allocations reckoned again give is put into the last lists in order (the order is total: a
    tie goes by co-allocation), the same as sorting every item again; an ended co-allocation's items go."""
    memo = sessions.DueMemo()
    _due_same(ws, memo)
    drifts = insights.team_drift(ws, DEMO_DAY)
    amended = draft_amendment_of_the_initial_meeting(ws, drifts[0].case_id)
    assert amended.id is not None
    _plain(ws, "UPDATE coallocations SET end_date = start_date WHERE id = ?", drifts[1].coallocation_id)
    fresh = sessions.due_and_coming(ws, DEMO_DAY)
    assert any(i.coallocation_id == drifts[1].coallocation_id for i in memo.made.due + memo.made.coming)  # type: ignore[attr-defined]

    def everything_sorted(_items: object) -> list[object]:
        raise AssertionError("every item sorted again")

    monkeypatch.setattr(sessions, "sort_due", everything_sorted)
    monkeypatch.setattr(sessions, "sort_coming", everything_sorted)
    reading = sessions.DueAndComing(ws, DEMO_DAY, step=2, memo=memo)
    assert reading.result() == fresh and memo.reckoned == 1
    assert all(i.coallocation_id != drifts[1].coallocation_id for i in fresh[0] + fresh[1])
    # many changed at once (another day): everything is sorted again
    monkeypatch.undo()
    _due_same(ws, memo)
