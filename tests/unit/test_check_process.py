"""The evidence check in a process of its own gives the app what the check on a thread gave it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cowork_desktop.cli import main
from cowork_desktop.services.check_process import check_here, check_in_process

pytestmark = pytest.mark.slow  # each check runs in a child process


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path), "--today", "2026-11-23"]) == 0
    assert main(["backup", "--db", str(path)]) == 0
    return path


def test_the_child_process_answers_as_the_thread_did(demo: Path) -> None:
    report, found = check_in_process(demo)
    here, _ = check_here(demo)
    assert report.ok and found is None
    assert report.summary == here.summary and report.walked == here.walked


def test_a_database_that_does_not_check_comes_back_with_the_backup_that_does(demo: Path) -> None:
    conn = sqlite3.connect(demo)
    try:  # a signed record changed behind the app's back, its trigger dropped and put back
        trigger = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'records_signed_no_update'"
        ).fetchone()[0]
        record_id = conn.execute("SELECT min(id) FROM records WHERE status = 'signed'").fetchone()[0]
        with conn:
            conn.execute("DROP TRIGGER records_signed_no_update")
            conn.execute("UPDATE records SET answers = '{}' WHERE id = ?", [record_id])
            conn.execute(trigger)
    finally:
        conn.close()
    report, found = check_in_process(demo)
    assert not report.ok and report.findings
    assert found is not None and found.path.exists()


def test_a_check_that_cannot_run_says_why(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match=r"missing\.db"):
        check_in_process(tmp_path / "missing.db")
