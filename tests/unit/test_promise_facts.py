"""The promises kept beside the records (store/derived.py): the store keeps them as it signs, and a hand that
changes them is found by ``cowork check`` and undone by ``cowork check --repair``, the records untouched.

Whether the team's promises read from them equal what the records give, record by record, on any day, is
``tests/unit/test_insights_queries.py``'s question (the implementation they replace is its oracle)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from helpers.cli import run
from helpers.demo import copy_database

from cowork_desktop.services import insights
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store import derived
from cowork_desktop.store.opening import open_store

DAY = date(2026, 11, 23)


def _tallies(path: Path) -> tuple[object, ...]:
    """The team's promises as ``cowork promises`` shows them (by case) and as the team view does (by worker)."""
    with open_store(path, actor="test-manager") as store:
        ws = Workspace.open(store)
        kept, shown = insights.team_promises(ws, DAY), insights.team_promises(ws, DAY, by_case=False)
        return (dict(kept.by_case), dict(kept.by_worker), kept.total, dict(shown.by_worker), shown.total)


def _records(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, status, answers, content_hash FROM records ORDER BY id").fetchall()
    finally:
        conn.close()


def test_the_demo_signed_through_the_sessions_keeps_them_as_the_records_give_them(demo_ws: Workspace) -> None:
    conn = demo_ws.store.db.conn
    facts, tally = conn.execute(
        "SELECT (SELECT count(*) FROM promise_facts),"
        " (SELECT sum(on_time + late + not_done + not_yet_due) FROM promise_case_tally)"
    ).fetchone()
    assert facts > 20 and tally == facts
    assert demo_ws.store.derived_problems() == []
    # what a rebuild from the records makes is what signing one record at a time kept
    before = conn.execute(f"SELECT {derived.COLUMNS} FROM promise_facts ORDER BY 1, 2, 4").fetchall()
    with demo_ws.store.tx():
        derived.rebuild(conn)
    assert conn.execute(f"SELECT {derived.COLUMNS} FROM promise_facts ORDER BY 1, 2, 4").fetchall() == before
    assert (
        demo_ws.store.protection_problems(fresh=True) == []
    )  # the tally's triggers are back as m009 made them


@pytest.mark.parametrize(
    ("change", "words"),
    [
        # an action's fact deleted (its trigger uncounts it: the tally still agrees with the facts)
        (
            "DELETE FROM promise_facts WHERE rowid = (SELECT min(rowid) FROM promise_facts)",
            "promises kept differ",
        ),
        # a late action made on time, in the fact and in the tally by hand
        (
            "UPDATE promise_facts SET outcome = 0, late = 0 WHERE rowid = (SELECT min(rowid) FROM promise_facts"
            " WHERE outcome = 2)",
            "promises kept differ",
        ),
        # the tally alone, with its triggers dropped and made again around the change
        (
            "UPDATE promise_case_tally SET late = late + 5 WHERE rowid = (SELECT min(rowid) FROM promise_case_tally)",
            "tally differs",
        ),
        # the team view's tally by worker, the same way
        ("UPDATE promise_owner_tally SET n = n - 1 WHERE rowid = 1", "tally differs"),
    ],
)
def test_a_hand_change_is_found_by_check_and_undone_by_repair(
    capsys: pytest.CaptureFixture[str], demo_template: Path, tmp_path: Path, change: str, words: str
) -> None:
    path = copy_database(demo_template, tmp_path / "demo.db")
    kept, records = _tallies(path), _records(path)
    conn = sqlite3.connect(path)
    with conn:
        triggers = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'promise_facts'"
        ).fetchall()
        if "_tally" in change:
            for (sql,) in triggers:
                conn.execute(f"DROP TRIGGER {sql.split()[2]}")
        conn.execute(change)
        for (sql,) in triggers if "_tally" in change else ():
            conn.execute(sql)
    conn.close()
    assert _tallies(path) != kept  # what the team view would show is wrong

    code, out, err = run(capsys, "check", "--db", path)
    assert code == 1 and err == "", (out, err)
    assert any(line.startswith("problem: ") and words in line for line in out.splitlines()), out
    assert "cowork check --repair" in out

    code, out, _err = run(capsys, "check", "--db", path, "--repair")
    assert code == 0, out
    assert "repaired: the promises, due facts and search index kept, made again from the records" in out
    assert out.rstrip().splitlines()[-1].startswith("OK: ")
    assert _tallies(path) == kept and _records(path) == records  # the records were never touched
    with open_store(path, actor="test-manager") as store:
        assert store.derived_problems() == []
        assert any(e["action"] == "rebuild" for e in store.audit_entries())
