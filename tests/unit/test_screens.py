"""The everyday screens on a large service: the case search and the dashboard read what they show, by index.

Speed is measured by the benchmarks (``make bench``); these tests hold what makes it: the result is the same as
before, and the plans SQLite makes for the queries read no table whole that grows with the service.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from cowork_desktop.domain.models import Case, CoAllocation, PlanType, Reason, Role, Worker
from cowork_desktop.store.db import Store

START = date(2026, 11, 2)

#: tables that grow with the service: a plan may search them by an index, never scan them whole
GROWING = ("records", "coallocations", "actions", "signatures", "audit_log")


def plan(conn: sqlite3.Connection, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[str]:
    return [str(row[3]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]


def full_scans(steps: list[str], aliases: dict[str, str]) -> list[str]:
    """The steps of a plan that read a growing table whole (``SCAN ca`` with ``ca`` an alias of coallocations)."""
    growing = set(GROWING) | {alias for alias, table in aliases.items() if table in GROWING}
    return [s for s in steps if s.startswith("SCAN ") and s.split()[1] in growing]


def traced(store: Store) -> list[str]:
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    return statements


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
