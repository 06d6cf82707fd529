"""The due facts kept per co-allocation (migration m010, issue 14): the due list of any day is reckoned from them, and
they are what the signed records give, whoever wrote what. A fact kept at an older mark is never read; one changed
by hand is found by ``cowork check`` and made again by ``--repair``; a store that cannot write reckons the same
items and keeps nothing."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers import due_oracle
from helpers.demo import DEMO_DAY, workspace_copy
from helpers.records import draft_amendment_of_the_initial_meeting, signed_by_everyone

from cowork_desktop.domain.due import DUE_FACTS_VERSION, DueFacts, due_facts_of
from cowork_desktop.domain.models import Case, CoAllocation, Reason
from cowork_desktop.services import integrity, sessions
from cowork_desktop.services.sessions import Workspace


@pytest.fixture
def ws(demo_template: Path, tmp_path: Path) -> Iterator[Workspace]:
    with workspace_copy(demo_template, tmp_path / "demo.db") as ws:
        yield ws


def _oracle(ws: Workspace, on: date) -> tuple[list[object], list[object]]:
    """The day's lists from every signed record, by the rules as they were before any fact was kept."""
    states = ws.store.coallocation_states(on)
    return (
        list(due_oracle.due_items(states, on, ws.calendar, ws.initial_meeting_days)),
        list(due_oracle.coming_up(states, on, ws.coming_up_days, ws.calendar, ws.initial_meeting_days)),
    )


def _kept(ws: Workspace) -> dict[int, tuple[int, int, str]]:
    return {
        ca: (mark, version, facts)
        for ca, mark, version, facts in ws.store.db.conn.execute(
            "SELECT coallocation_id, mark, version, facts FROM due_facts"
        )
    }


def _plain(ws: Workspace, sql: str, *params: object) -> None:
    """A change made by another connection (another process, or plain SQL), under the store's feet."""
    conn = sqlite3.connect(ws.store.path)
    with conn:
        conn.execute(sql, params)
    conn.close()


def _same_as_records(ws: Workspace, on: date = DEMO_DAY) -> None:
    due, coming = sessions.due_and_coming(ws, on)
    assert (due, coming) == _oracle(ws, on), on
    assert sessions.DueAndComing(ws, on, step=2).result() == (due, coming)
    assert sessions.due(ws, on) == due == sessions.due(ws, on, from_records=True)


def test_the_facts_are_kept_once_and_give_every_day_what_the_records_give(ws: Workspace) -> None:
    assert _kept(ws) == {}
    _same_as_records(ws)
    kept = _kept(ws)
    assert set(kept) == set(ws.store.coallocation_marks(DEMO_DAY)) and len(kept) >= 4
    assert {version for _mark, version, _facts in kept.values()} == {DUE_FACTS_VERSION}
    # they do not depend on the day: other days read them as they are, and give the records' lists
    for days in (-200, -30, -1, 1, 7, 15, 90):
        _same_as_records(ws, DEMO_DAY + timedelta(days=days))
    assert {ca: row for ca, row in _kept(ws).items() if ca in kept} == kept


def test_a_record_signed_makes_its_coallocations_facts_again_and_only_those(ws: Workspace) -> None:
    _same_as_records(ws)
    before = _kept(ws)
    case_id = sessions.due(ws, DEMO_DAY)[0].case_id
    amended = draft_amendment_of_the_initial_meeting(ws, case_id)
    assert amended.id is not None and amended.coallocation_id is not None
    signed_by_everyone(ws, amended.id)
    _same_as_records(ws)
    after = _kept(ws)
    moved = {ca for ca in before if before[ca] != after.get(ca)}
    assert moved == {amended.coallocation_id}
    # a worker renamed by plain SQL (the open actions are shown with their owner's name): their co-allocations'
    # marks move, and their facts are made again, with the new name
    worker = ws.store.get_coallocation(amended.coallocation_id).worker_ids[0]
    _plain(ws, "UPDATE workers SET name = name || ' Jr' WHERE id = ?", worker)
    _same_as_records(ws)
    theirs = {ca for ca in after if worker in ws.store.get_coallocation(ca).worker_ids}
    renamed = _kept(ws)
    assert {ca for ca in after if renamed[ca][0] != after[ca][0]} == theirs
    assert any(" Jr" in renamed[ca][2] for ca in theirs)


def test_a_fact_changed_by_hand_is_found_by_the_check_and_made_again_by_repair(ws: Workspace) -> None:
    """The attack: the kept facts of a co-allocation overdue for review rewritten (the mark left as it was) so
    that the review seems not due for a year. The due list believes them (they are what it reads), so the check
    must find them, and the repair must put the records' lists back."""
    _same_as_records(ws)
    review = next(i for i in sessions.due(ws, DEMO_DAY) if i.kind == "review")
    text = _kept(ws)[review.coallocation_id][2]
    forged = replace(DueFacts.from_json(json.loads(text)), next_review=DEMO_DAY + timedelta(days=365))
    _plain(
        ws,
        "UPDATE due_facts SET facts = ? WHERE coallocation_id = ?",
        json.dumps(forged.as_json()),
        review.coallocation_id,
    )
    assert review not in sessions.due(ws, DEMO_DAY)  # what the attack does to the screen
    problems = ws.store.derived_problems()
    assert problems == [
        "the due facts kept differ from the signed records in 1 co-allocation(s): made again by cowork check "
        "--repair"
    ]
    report = integrity.check_store(ws.store)
    assert not report.ok and any("due facts" in str(f) for f in report.findings)
    ws.store.rebuild_derived()
    assert ws.store.derived_problems() == []
    assert review in sessions.due(ws, DEMO_DAY)
    _same_as_records(ws)


def test_unreadable_or_other_version_facts_are_made_again(ws: Workspace) -> None:
    _same_as_records(ws)
    first, second, *_ = sorted(_kept(ws))
    _plain(ws, "UPDATE due_facts SET facts = 'not json' WHERE coallocation_id = ?", first)
    _plain(ws, "UPDATE due_facts SET version = version + 1 WHERE coallocation_id = ?", second)
    _same_as_records(ws)
    kept = _kept(ws)
    assert kept[first][2] != "not json" and kept[second][1] == DUE_FACTS_VERSION


def test_facts_read_before_a_write_are_not_kept_at_the_newer_mark(ws: Workspace) -> None:
    """A reading races a write (another process signs, or renames): the facts it made from the records it read are
    kept only while the co-allocation's mark is still the one read before those records."""
    found = ws.store.due_states(DEMO_DAY)
    state, mark, _facts = found[0]
    made = due_facts_of(ws.store.coallocation_states(DEMO_DAY, only=[state.coallocation_id])[0])
    _plain(ws, "UPDATE cases SET reference = reference WHERE id = ?", state.case_id)  # the mark moves
    assert ws.store.keep_due_facts([(state.coallocation_id, mark, made)]) is True
    assert state.coallocation_id not in _kept(ws)
    fresh = ws.store.coallocation_marks(DEMO_DAY)[state.coallocation_id]
    assert fresh != mark
    ws.store.keep_due_facts([(state.coallocation_id, fresh, made)])
    assert _kept(ws)[state.coallocation_id][0] == fresh


def test_a_coallocation_added_is_marked_and_one_removed_takes_its_facts_with_it(ws: Workspace) -> None:
    """A co-allocation that takes the id of one removed must never be given that one's facts or memo."""
    case = ws.store.add_case(Case("CW-NEW-0001"))
    w1, w2, *_ = ws.store.list_workers()
    assert case.id is not None and w1.id is not None and w2.id is not None
    ca = ws.store.add_coallocation(
        CoAllocation(case.id, w1.id, w2.id, w1.id, DEMO_DAY, reasons=[Reason.DEVELOPMENT])
    )
    assert ca.id is not None
    assert ws.store.coallocation_marks(DEMO_DAY)[ca.id] != 0  # marked as it is added
    _same_as_records(ws)
    assert ca.id in _kept(ws)
    _plain(ws, "DELETE FROM coallocations WHERE id = ?", ca.id)
    assert ca.id not in _kept(ws)
    assert ws.store.db.conn.execute(
        "SELECT count(*) FROM coallocation_marks WHERE coallocation_id = ?", [ca.id]
    ).fetchone() == (0,)


def test_a_store_that_cannot_write_reckons_the_same_and_keeps_nothing(ws: Workspace) -> None:
    _plain(ws, "DROP TRIGGER mark_record_update")  # its protections missing: the store writes nothing
    assert ws.store.protection_problems(fresh=True)
    _same_as_records(ws)
    assert _kept(ws) == {}
    ws.store.restore_protections()
    ws.store.read_only = "opened read-only for this test"
    _same_as_records(ws)
    assert _kept(ws) == {}


def test_a_view_read_on_a_read_only_connection_never_tries_to_write(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The team view reads off the GUI thread on a second, read-only connection: its facts are made and used, and
    nothing tries to keep them there (a write would first check every page of the file: a second at 10,000
    cases, on every refresh)."""
    from cowork_desktop.services import insights
    from cowork_desktop.store.store import Store

    reader = insights.reader(ws)
    assert reader is not None and reader.store.read_only is not None

    check_pages = Store.check_pages

    def no_page_check(self: Store) -> None:
        assert self is not reader.store, "a page check on a read-only reader"
        check_pages(self)

    monkeypatch.setattr(Store, "check_pages", no_page_check)
    try:
        assert insights.team_drift(reader, DEMO_DAY) == insights.team_drift(ws, DEMO_DAY)
        assert sessions.due_and_coming(reader, DEMO_DAY) == _oracle(ws, DEMO_DAY)
    finally:
        reader.store.close()
    assert _kept(ws) != {}  # kept by the writable store's own reading, not the reader's


def test_the_due_list_reads_the_facts_without_what_only_the_drift_reads(ws: Workspace) -> None:
    from cowork_desktop.domain.due import coming_up_for, due_items_for
    from cowork_desktop.domain.insights import drift_for

    _same_as_records(ws)
    short = {s.coallocation_id: (s, f) for s, _m, f in ws.store.due_states(DEMO_DAY)}
    full = {s.coallocation_id: f for s, _m, f in ws.store.due_states(DEMO_DAY, drift=True)}
    assert short and set(short) == set(full)
    for ca, (state, facts) in short.items():
        whole = full[ca]
        assert facts is not None and whole is not None
        assert not facts.drift_known and whole.drift_known
        for on in (DEMO_DAY, DEMO_DAY + timedelta(days=20)):
            assert due_items_for(state, on, ws.calendar, facts=facts) == due_items_for(
                state, on, ws.calendar, facts=whole
            )
            assert coming_up_for(state, on, 14, ws.calendar, facts=facts) == coming_up_for(
                state, on, 14, ws.calendar, facts=whole
            )
        with pytest.raises(ValueError):
            drift_for(state, DEMO_DAY, None, facts)
