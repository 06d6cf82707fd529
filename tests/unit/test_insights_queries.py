"""The team view and the development log read a whole service in a bounded number of SQL statements, and give
exactly what the record-by-record implementation they replace gave.

The statements are counted with ``sqlite3``'s ``set_trace_callback`` on the store's own connection, on generated
databases of 3 and 30 cases (``benchmarks.generate``): the count must not grow with the cases. The old
implementation (one query per case, per record, per worker: kept below as ``_old_*``, verbatim but for names)
is the reference the new one is compared with, on generated databases, the demo (amendments, actions found not
done and done late, an ended co-working) and a small case built through the sessions with a signed amendment.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers.records import draft_amendment_of_the_initial_meeting, signed_by_everyone
from helpers.small_case import ON

from benchmarks.generate import generate
from cowork_desktop.domain.forms import FormDefinition
from cowork_desktop.domain.insights import (
    ActionFact,
    Drift,
    LearningEntry,
    PcfDomain,
    Promises,
    action_outcome,
    drift_for,
    promises,
    redact_initials,
    sort_by_drift,
    split_entries,
    tag_entry,
)
from cowork_desktop.domain.models import Action, Case, Record, RecordStatus, learner_ids
from cowork_desktop.services import insights
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store
from cowork_desktop.store.store import Store

TODAY = date(2026, 11, 23)

# --------------------------------------------------------------------------- the implementation replaced


class _Forms:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._cache: dict[tuple[str, int], FormDefinition] = {}

    def of(self, record: Record) -> FormDefinition:
        key = (record.form_id, record.form_version)
        if key not in self._cache:
            self._cache[key] = self.ws.store.form_definition(*key)
        return self._cache[key]


def _current_signed(records: Iterable[Record]) -> list[Record]:
    records = list(records)
    replaced = {r.supersedes_id for r in records if r.status == RecordStatus.SIGNED and r.supersedes_id}
    return sorted(
        (r for r in records if r.status == RecordStatus.SIGNED and r.id not in replaced),
        key=lambda r: (r.meeting_date, r.id or 0),
    )


def _all_cases(ws: Workspace) -> list[Case]:
    rows = ws.store.list_cases(limit=max(ws.store.count_cases(), 1))
    return [ws.store.get_case(r.id) for r in rows]


def _old_team_drift(ws: Workspace, on: date) -> list[Drift]:
    states = ws.store.coallocation_states(on)
    return sort_by_drift(
        drift_for(s, on, ws.calendar.add_working_days(s.start_date, ws.initial_meeting_days)) for s in states
    )


def _old_not_done_verdicts(forms: _Forms, records: Sequence[Record]) -> dict[int, list[date]]:
    found: dict[int, list[date]] = {}
    for r in records:
        q = forms.of(r).find_role("action_review")
        value = r.answers.get(q.id) if q is not None else None
        if not isinstance(value, dict):
            continue
        for action_id, verdict in value.items():
            if isinstance(verdict, dict) and verdict.get("done") == "no":
                try:
                    found.setdefault(int(action_id), []).append(r.meeting_date)
                except ValueError:
                    continue
    return found


def _old_action_facts(
    forms: _Forms, case: Case, records: Sequence[Record], actions: dict[int, list[Action]], on: date
) -> list[ActionFact]:
    verdicts = _old_not_done_verdicts(forms, records)
    facts = []
    for r in records:
        if r.meeting_date > on or r.id is None:
            continue
        for a in actions.get(r.id, []):
            if a.id is None:
                continue
            outcome = action_outcome(a.due_date, a.done_date, on, verdicts.get(a.id, ()))
            facts.append(
                ActionFact(
                    a.id, a.description, case.reference, a.owner_worker_id, a.due_date, a.done_date, outcome
                )
            )
    return facts


def _old_team_promises(ws: Workspace, on: date) -> Promises:
    forms = _Forms(ws)
    facts: list[ActionFact] = []
    for case in _all_cases(ws):
        assert case.id is not None
        records = _current_signed(ws.store.records_for_case(case.id))
        actions = {r.id: ws.store.record_actions(r.id) for r in records if r.id is not None}
        facts.extend(_old_action_facts(forms, case, records, actions, on))
    return promises(facts)


def _old_development_log(
    ws: Workspace,
    worker_id: int,
    *,
    since: date | None = None,
    until: date | None = None,
    domains: Sequence[PcfDomain] | None = None,
) -> insights.DevelopmentLog:
    store = ws.store
    worker = store.get_worker(worker_id)
    chosen = tuple(domains) if domains is not None else insights.load_domains(ws)
    forms = _Forms(ws)
    entries: list[LearningEntry] = []
    for case in _all_cases(ws):
        assert case.id is not None
        mine = []
        for ca in store.coallocations_for_case(case.id):
            if worker_id not in ca.worker_ids:
                continue
            roles = {w: store.get_worker(w).role for w in ca.worker_ids}
            if worker_id in learner_ids(roles, ca.lead_worker_id, ca.reasons):
                mine.append(ca.id)
        if not mine:
            continue
        for r in _current_signed(store.records_for_case(case.id)):
            if r.coallocation_id not in mine or r.id is None:
                continue
            if (since is not None and r.meeting_date < since) or (
                until is not None and r.meeting_date > until
            ):
                continue
            for q in forms.of(r).questions:
                value = r.answers.get(q.id)
                if q.role != "learning" or not isinstance(value, str):
                    continue
                for line in split_entries(value):
                    text, tags, explicit = tag_entry(redact_initials(line, case.children_initials), chosen)
                    entries.append(
                        LearningEntry(
                            r.meeting_date,
                            case.reference,
                            r.id,
                            r.kind.value,
                            r.kind.label,
                            q.id,
                            text,
                            tags,
                            explicit,
                        )
                    )
    entries.sort(key=lambda e: (e.meeting_date, e.case_reference, e.record_id, e.question_id))
    return insights.DevelopmentLog(
        worker_id, worker.name, worker.role.label, worker.team, chosen, tuple(entries), since, until
    )


# ------------------------------------------------------------------------------------------------ helpers


def _tallies(kept: Promises) -> tuple[Any, ...]:
    """What a team's promises show: per case, per worker and the total (not every action: see team_promises)."""
    return (list(kept.by_case.items()), dict(kept.by_worker), kept.total)


class _Counter:
    """Counts the SQL statements run on a store's connection while it is active."""

    def __init__(self, store: Store) -> None:
        self.conn = store.db.conn
        self.statements: list[str] = []

    def __enter__(self) -> _Counter:
        self.conn.set_trace_callback(self.statements.append)
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.set_trace_callback(None)

    @property
    def count(self) -> int:
        return len(self.statements)


def _generated(folder: Path, cases: int, seed: int) -> Path:
    path = folder / f"gen-{cases}-{seed}.db"
    generate(path, cases=cases, seed=seed, anchor=TODAY)
    return path


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("sizes")
    return {cases: _generated(folder, cases, seed=2) for cases in (3, 30)}  # seed 2: 3 cases, one active


def _learners(store: Store) -> list[int]:
    """Every worker id, those with the most co-allocations first."""
    return [
        int(r[0])
        for r in store.db.conn.execute(
            "SELECT w.id FROM workers w LEFT JOIN coallocations ca ON w.id IN (ca.worker1_id, ca.worker2_id)"
            " GROUP BY w.id ORDER BY count(ca.id) DESC, w.id"
        )
    ]


def _counts(path: Path) -> dict[str, int]:
    with open_store(path, actor="test-manager") as store:
        ws = Workspace.open(store)
        worker = _learners(store)[0]
        found = {}
        for name, run in (
            ("team_drift", lambda: insights.team_drift(ws, TODAY)),
            ("team_promises", lambda: insights.team_promises(ws, TODAY)),
            ("development_log", lambda: insights.development_log(ws, worker)),
        ):
            with _Counter(store) as counter:
                run()
            found[name] = counter.count
        return found


# -------------------------------------------------------------------------------------------------- tests


def test_the_team_view_and_the_development_log_take_a_bounded_number_of_statements(
    generated: dict[int, Path],
) -> None:
    small, large = (_counts(generated[n]) for n in (3, 30))
    assert small == large, (small, large)
    assert all(n <= 20 for n in large.values()), large


def _compare(ws: Workspace, days: Iterable[date]) -> None:
    workers = _learners(ws.store)
    for on in days:
        assert insights.team_drift(ws, on) == _old_team_drift(ws, on), on
        old = _old_team_promises(ws, on)
        assert _tallies(insights.team_promises(ws, on)) == _tallies(old), on
        by_worker = insights.team_promises(ws, on, by_case=False)
        assert (by_worker.by_case, dict(by_worker.by_worker), by_worker.total) == (
            {},
            old.by_worker,
            old.total,
        )
    for worker in workers:
        assert insights.development_log(ws, worker) == _old_development_log(ws, worker), worker
    first, *_ = workers
    for since, until in ((TODAY - timedelta(days=60), None), (None, TODAY - timedelta(days=20))):
        new = insights.development_log(ws, first, since=since, until=until)
        assert new == _old_development_log(ws, first, since=since, until=until)


@pytest.mark.slow  # a generated service per seed; the demo's case is in make unit
@pytest.mark.parametrize("seed", [5, 11])
def test_a_generated_service_gives_what_it_gave_before(tmp_path: Path, seed: int) -> None:
    path = _generated(tmp_path, 40, seed)
    with open_store(path, actor="test-manager") as store:
        ws = Workspace.open(store)
        _compare(ws, [TODAY, TODAY - timedelta(days=45), TODAY - timedelta(days=400)])


def test_the_demo_gives_what_it_gave_before(demo_ws: Workspace) -> None:
    _compare(demo_ws, [TODAY + timedelta(days=n) for n in (-80, -40, -17, -3, 0, 30, 200)])


def test_a_case_with_an_action_done_late_and_an_amendment_gives_what_it_gave_before(
    ws: Workspace, small: dict[str, int]
) -> None:
    days = [ON + timedelta(days=n) for n in (-60, -47, -37, -30, -10, 0)]
    _compare(ws, days)
    assert _old_team_promises(ws, ON).total.late == 1
    amended = draft_amendment_of_the_initial_meeting(ws, small["case"])
    assert amended.id is not None
    _compare(ws, days)  # a draft amendment does not count yet
    signed_by_everyone(ws, amended.id)
    assert ws.store.db.conn.execute("SELECT count(*) FROM action_carries").fetchone()[0] > 0
    _compare(ws, days)


def test_the_views_read_off_the_gui_thread_on_a_second_read_only_connection(
    generated: dict[int, Path], tmp_path: Path
) -> None:
    with open_store(generated[30], actor="test-manager") as store:
        ws = Workspace.open(store)
        reader = insights.reader(ws)
        assert reader is not None and reader.store.db.conn is not store.db.conn
        try:
            figures = insights.team_figures(reader, TODAY)
            assert figures.drifts == insights.team_drift(ws, TODAY)
            assert _tallies(figures.promises) == _tallies(insights.team_promises(ws, TODAY, by_case=False))
            with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
                reader.store.db.conn.execute("DELETE FROM settings")
        finally:
            reader.store.close()
    # an encrypted database: its passphrase is not kept once open, so there is no second connection to make
    from cowork_desktop.store import crypto

    if crypto.available():
        with open_store(tmp_path / "locked.db", passphrase="a long enough passphrase 1") as store:
            assert insights.reader(Workspace.open(store)) is None


def test_a_database_made_before_the_promises_were_kept_counts_what_it_counted(tmp_path: Path) -> None:
    """The m006 fixture (made by an earlier version, never rebuilt) upgraded: m009 builds the promises kept from
    the records signed before it, and they give what the records give, on any day."""
    import shutil

    path = tmp_path / "m006.db"
    shutil.copyfile(Path(__file__).parents[1] / "fixtures" / "m006" / "m006.db", path)
    with open_store(path, actor="test-manager") as store:
        assert store.db.conn.execute("SELECT count(*) FROM promise_facts").fetchone()[0] > 0
        assert store.derived_problems() == []
        _compare(Workspace.open(store), [TODAY + timedelta(days=n) for n in (-60, -20, 0, 90)])
