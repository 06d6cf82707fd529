"""The everyday screens on a large service: the case search and the dashboard read what they show, by index.

Speed is measured by the benchmarks (``make bench``); these tests hold what makes it: the result is the same as
before, and the plans SQLite makes for the queries read no table whole that grows with the service.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers import due_oracle
from helpers.query_plans import full_scans, plan, traced

from benchmarks.generate import generate
from cowork_desktop.domain.models import Case, CoAllocation, PlanType, Reason, RecordKind, Role, Worker
from cowork_desktop.services import sessions
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store
from cowork_desktop.store.store import Store

START = date(2026, 11, 2)
TODAY = date(2026, 11, 23)


# -- the case search ---------------------------------------------------------------------------------------------


def _service(store: Store) -> dict[str, int]:
    a = store.add_worker(Worker("Zoë Ó Súilleabháin", Role.SOCIAL_WORKER))
    b = store.add_worker(Worker("Anna Berg", Role.STUDENT))
    c = store.add_worker(Worker("Kofi Mensah", Role.ASYE))
    ids = {"zoe": a.id or 0, "anna": b.id or 0, "kofi": c.id or 0}
    for n, (w1, w2) in enumerate(((a, b), (b, c), (a, c))):
        case = store.add_case(Case(f"CR-20{n}", 1, "", PlanType.CHILD_IN_NEED))
        assert case.id and w1.id and w2.id
        ca = store.add_coallocation(CoAllocation(case.id, w1.id, w2.id, w1.id, START, [Reason.DEVELOPMENT]))
        ids[f"case{n}"], ids[f"ca{n}"] = case.id, ca.id or 0
    return ids


def found(store: Store, term: str) -> list[str]:
    rows = [r.reference for r in store.list_cases(term)]
    assert store.count_cases(term) == len(rows)  # the count and the list say the same
    return rows


def test_a_case_is_found_by_its_coworkers_names_as_they_are_now(store: Store) -> None:
    ids = _service(store)
    assert found(store, "zoë") == ["CR-200", "CR-202"]
    assert found(store, "mensah") == ["CR-201", "CR-202"]
    assert found(store, "BERG") == ["CR-200", "CR-201"]
    assert found(store, "cr-2") == ["CR-200", "CR-201", "CR-202"]
    # a worker renamed: found by the new name, no longer by the old one
    kofi = store.get_worker(ids["kofi"])
    kofi.name = "Kofi Owusu-Mensah Boateng"
    store.update_worker(kofi)
    assert found(store, "boateng") == ["CR-201", "CR-202"]
    assert found(store, "mensah") == ["CR-201", "CR-202"] and found(store, "kofi m") == []
    # the co-allocation changes hands: the case follows its co-workers
    ca = store.get_coallocation(ids["ca0"])
    ca.worker2_id = ids["kofi"]
    store.update_coallocation(ca)
    assert found(store, "berg") == ["CR-201"]
    assert found(store, "boateng") == ["CR-200", "CR-201", "CR-202"]
    # a case matching by its reference and by a co-worker is counted once
    assert found(store, "2") == ["CR-200", "CR-201", "CR-202"]
    # the co-allocation ends and a later one of the same case has other workers: the case is found by both
    ended = store.get_coallocation(ids["ca2"])
    ended.end_date, ended.end_reason = date(2026, 11, 30), "Handed over"
    store.update_coallocation(ended)
    store.add_coallocation(
        CoAllocation(
            ids["case2"], ids["anna"], ids["kofi"], ids["anna"], date(2026, 12, 1), [Reason.COMPLEXITY]
        )
    )
    assert found(store, "berg") == ["CR-201", "CR-202"] and found(store, "zoë") == ["CR-200", "CR-202"]


def test_the_case_search_reads_the_coallocations_of_the_matching_workers_only(store: Store) -> None:
    _service(store)
    conn = store.db.conn
    for term in ("zoë", "cr-2", "nobody"):
        statements = traced(store)
        store.count_cases(term)
        store.list_cases(term)
        conn.set_trace_callback(None)
        reads = [sql for sql in statements if sql.lstrip().startswith(("SELECT", "WITH"))]
        assert len(reads) == 2
        for sql in reads:
            steps = plan(conn, sql)
            assert full_scans(steps, {"ca": "coallocations", "r": "records"}) == [], steps
            assert any("USING INDEX coallocations_worker1" in s for s in steps), steps


def test_the_case_list_finds_a_searchs_cases_once_for_its_count_and_every_page(store: Store) -> None:
    _service(store)
    conn = store.db.conn
    assert store.matching_case_ids("  ") is None  # no search: every case, read by page
    for term in ("zoë", "cr-2", "nobody", "2"):
        statements = traced(store)
        ids = store.matching_case_ids(term)
        conn.set_trace_callback(None)
        assert ids is not None
        listed = store.list_cases(term)
        assert ids == [row.id for row in listed]  # the same cases, in the same (reference) order
        assert store.case_rows_by_id(ids[1:]) == listed[1:]  # a later page, by id, in the order given
        (read,) = [sql for sql in statements if sql.lstrip().startswith(("SELECT", "WITH"))]
        steps = plan(conn, read)
        assert full_scans(steps, {"ca": "coallocations", "r": "records"}) == [], steps
        assert any("USING INDEX coallocations_worker1" in s for s in steps), steps


# -- the dashboard -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated service (fictional), as the benchmarks make them."""
    path = tmp_path_factory.mktemp("screens") / "service.db"
    generate(path, cases=600, seed=5, anchor=TODAY)
    return path


@pytest.mark.slow  # the oracle over a generated team
def test_the_dashboard_finds_the_same_items_as_the_rules_did_before(generated: Path) -> None:
    """The oracle (tests/helpers/due_oracle.py) is the due rules as they were, run on every signed record of every
    co-allocation; the dashboard reads only what the rules need, in steps, and finds the same items in the same
    order, on days from long before the generated service's day to after it."""
    with open_store(generated) as store:
        ws = Workspace.open(store)
        seen: Counter[str] = Counter()
        for days in (*range(-700, 0, 53), 0, 1, 9, 30):
            on = TODAY + timedelta(days=days)
            states = store.coallocation_states(on)
            expected_due = due_oracle.due_items(states, on, ws.calendar, ws.initial_meeting_days)
            expected_coming = due_oracle.coming_up(
                states, on, ws.coming_up_days, ws.calendar, ws.initial_meeting_days
            )
            assert sessions.due_and_coming(ws, on) == (expected_due, expected_coming), on
            assert sessions.due(ws, on) == expected_due
            stepped = sessions.DueAndComing(ws, on, step=7)
            assert stepped.result() == (expected_due, expected_coming), on
            assert stepped.done_steps == len(stepped.steps) and stepped.fraction == 1.0
            seen.update(i.kind for i in expected_due + expected_coming)
        # the days cover every kind of item the rules make
        assert set(seen) == {
            "initial_meeting",
            "review",
            "reflective_discussion",
            "issue_resolution",
            "action",
            "supervision",
        }, seen


@pytest.mark.slow  # a generated service
def test_the_dashboard_reads_a_large_service_in_steps(generated: Path) -> None:
    with open_store(generated) as store:
        ws = Workspace.open(store)
        active = sorted(store.coallocation_marks(TODAY))  # the co-allocations active that day
        assert len(active) > 10
        with store.tx() as db:  # as on a service's first start: no due facts kept yet
            db.conn.execute("DELETE FROM due_facts")
        stepped = sessions.DueAndComing(ws, TODAY, step=4)
        assert len(stepped.steps) == -(-len(active) // 4) and stepped.fraction == 0.0
        assert stepped.advance() is False and 0 < stepped.fraction < 1
        statements = traced(store)
        calls = 2  # the first, and the one that says it is done
        while not stepped.advance():
            calls += 1
        store.db.conn.set_trace_callback(None)
        # one step per group of co-allocations, then one to put the lists in order
        assert calls == len(stepped.steps) + 1 and stepped.fraction == 1.0
        # a bounded number of statements per step: the first reading makes each co-allocation's due facts from
        # its records (three reads) and keeps them (one insert in a savepoint)
        writes = [sql for sql in statements if not sql.lstrip().startswith(("WITH", "SELECT"))]
        assert len(statements) - len(writes) == 4 * (len(stepped.steps) - 1)
        inserts = [sql for sql in writes if sql.startswith("INSERT INTO due_facts")]
        assert len(inserts) == len(stepped.steps) - 1
        # and nothing else is written: the facts' transaction, committed without a sync to disk
        others = [sql for sql in writes if sql not in inserts]
        assert all(
            sql.startswith(("PRAGMA synchronous", "BEGIN", "COMMIT", "SAVEPOINT", "RELEASE"))
            for sql in others
        ), others
        # from then on a fresh reading (the next start) reads the facts kept: one read a step, no write
        again = sessions.DueAndComing(ws, TODAY, step=4)
        statements = traced(store)
        assert again.result() == stepped.result()
        store.db.conn.set_trace_callback(None)
        assert len(statements) == len(again.steps)
        assert all(sql.lstrip().startswith(("WITH", "SELECT")) for sql in statements)
        # a service with no more active co-allocations than a step is read, and put in order, at once
        at_once = sessions.DueAndComing(ws, TODAY, step=len(active))
        assert at_once.advance() is True and at_once.result() == stepped.result()


@pytest.mark.slow  # a generated service
def test_the_dashboard_queries_read_the_active_coallocations_by_index(generated: Path) -> None:
    with open_store(generated) as store:
        ws = Workspace.open(store)
        with store.tx() as db:  # no due facts kept yet: the step reads them from the records
            db.conn.execute("DELETE FROM due_facts")
        statements = traced(store)
        stepped = sessions.DueAndComing(ws, TODAY, step=5)
        stepped.advance()
        store.db.conn.set_trace_callback(None)
        aliases = {"ca": "coallocations", "r": "records", "a": "actions", "n": "records", "k": "records"}
        # once per refresh, the active co-allocations from their dates, with their marks by id: the one read of
        # the whole table (its narrow rows, ~5 ms at 40,000 cases; no index on the dates serves "ended after, or
        # not ended")
        first, *reads = [
            sql
            for sql in statements
            if sql.startswith(("SELECT", "WITH")) and "settings" not in sql and "sqlite_master" not in sql
        ]
        assert plan(store.db.conn, first) == [
            "SCAN ca",
            "SEARCH m USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN",
        ]
        # the kept due facts, then the records and open actions the rules read (none kept yet)
        assert len(reads) == 4
        for sql in reads:
            steps = plan(store.db.conn, sql)
            # the co-allocations of the step by their ids; records and actions by the co-allocation's
            assert full_scans(steps, aliases) == [], (sql, steps)
            assert "SEARCH coallocations USING INTEGER PRIMARY KEY (rowid=?)" in steps, steps


@pytest.mark.slow  # over 0.7 s; make test runs it
def test_saving_a_draft_reads_and_writes_that_record_by_index(generated: Path) -> None:
    with open_store(generated) as store:
        ws = Workspace.open(store)
        ca = store.db.conn.execute(
            "SELECT id FROM coallocations WHERE end_date IS NULL AND id NOT IN (SELECT coallocation_id FROM records"
            " WHERE status <> 'signed') ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
        record = sessions.start_record(ws, ca, RecordKind.REFLECTIVE_DISCUSSION, TODAY).value
        assert record.id is not None
        statements = traced(store)
        sessions.save_draft(
            ws, record.id, dict(record.answers, note="one more word"), based_on=record.revision
        )
        store.db.conn.set_trace_callback(None)
        growing = [
            sql for sql in statements if sql.lstrip().startswith(("SELECT", "WITH", "UPDATE", "INSERT"))
        ]
        assert len(growing) < 15
        for sql in growing:
            steps = plan(store.db.conn, sql)
            if "FROM audit_log ORDER BY id DESC LIMIT 1" in sql:
                assert steps == ["SCAN audit_log"]  # the chain's head: the last row, in rowid order
                continue
            assert full_scans(steps, {}) == [], (sql, steps)
