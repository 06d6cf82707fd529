"""Opening a database makes the cheap checks only (its header and size, its schema): a damaged page is caught by
the full page check (``PRAGMA quick_check``), which runs before the first write, on a thread of its own for the
app (a write meanwhile waits for it), in ``cowork check``, and before a migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers.db_damage import damage_table
from helpers.files import sha256

from cowork_desktop.cli import main
from cowork_desktop.domain.errors import DamagedDatabase
from cowork_desktop.domain.models import Role, Worker
from cowork_desktop.store.opening import open_store


def make_db(path: Path, padding_rows: int = 0) -> None:
    """A small database with one worker; ``padding_rows`` settings rows make its page check take a while."""
    with open_store(path) as store:
        store.add_worker(Worker("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER))
    if padding_rows:
        conn = sqlite3.connect(path)
        with conn:
            conn.executemany(
                "INSERT INTO settings (key, value) VALUES (?, ?)",
                [(f"padding_{i}", "x" * 200) for i in range(padding_rows)],
            )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()


# -- the cheap checks on every open -------------------------------------------------------------------------------


def test_a_file_cut_at_a_page_boundary_is_caught_by_the_header_check(tmp_path: Path) -> None:
    path = tmp_path / "cowork.db"
    make_db(path, padding_rows=2000)
    size = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 3 * size])  # whole pages missing: the header still counts them
    before = sha256(path)
    with pytest.raises(DamagedDatabase, match="cut short"):
        open_store(path)
    assert sha256(path) == before


def test_a_garbage_page_size_in_the_header_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "cowork.db"
    make_db(path)
    data = bytearray(path.read_bytes())
    data[16:18] = (1000).to_bytes(2, "big")  # not a power of two
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabase, match="page size"):
        open_store(path)


def test_opening_reads_no_page_check_a_write_does(tmp_path: Path) -> None:
    """The full page check is not paid by a read (the headless commands), but is by the first write."""
    path = tmp_path / "cowork.db"
    make_db(path)
    seen: list[str] = []
    with open_store(path) as store:
        store.db.conn.set_trace_callback(seen.append)
        store.list_workers()
        assert not any("quick_check" in s for s in seen)
        store.set_setting("manager_name", "Amara Okafor")
        assert [s for s in seen if "quick_check" in s] == ["PRAGMA quick_check"]
        assert store.pages_checked
        store.set_setting("team_name", "North")  # once a session
        assert len([s for s in seen if "quick_check" in s]) == 1


# -- the page check on its thread: writes wait for it --------------------------------------------------------------


def test_a_write_waits_for_the_page_check_running_on_its_thread(tmp_path: Path) -> None:
    path = tmp_path / "cowork.db"
    make_db(path, padding_rows=120_000)  # about 30 MB: its page check takes a while
    with open_store(path) as store:
        done_at_write: list[bool] = []

        def trace(statement: str) -> None:
            if statement.startswith(("INSERT", "UPDATE")) and not done_at_write:
                done_at_write.append(check.done)

        store.db.conn.set_trace_callback(trace)
        check = store.start_page_check()
        store.set_setting("manager_name", "Amara Okafor")  # started at once: it waits for the check
        assert done_at_write == [True]
        assert check.error is None and store.pages_checked
        seen: list[str] = []
        store.db.conn.set_trace_callback(seen.append)
        store.set_setting("team_name", "North")
        assert not any("quick_check" in s for s in seen)  # the thread's check counted: not run again


def test_a_damaged_page_found_on_the_thread_refuses_every_write(tmp_path: Path) -> None:
    path = tmp_path / "cowork.db"
    make_db(path)
    damage_table(path, "audit_log")
    before = sha256(path)
    reported: list[object] = []
    with open_store(path) as store:
        check = store.start_page_check(on_done=reported.append)
        assert check.wait(30)
        assert isinstance(check.error, DamagedDatabase) and reported == [check.error]
        for _ in range(2):
            with pytest.raises(DamagedDatabase, match=r"damaged.*nothing was saved"):
                store.set_setting("manager_name", "Amara Okafor")
        assert not store.pages_checked
    assert sha256(path) == before


# -- cowork check and the commands ------------------------------------------------------------------------------------


def test_cowork_check_reads_every_page_and_a_read_meeting_damage_names_the_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cowork.db"
    make_db(path)
    assert main(["backup", "--db", str(path)]) == 0
    damage_table(path, "audit_log")  # read by neither the open nor `workers`
    capsys.readouterr()
    before = sha256(path)
    assert main(["workers", "--db", str(path)]) == 0  # reads what it needs: the damage is elsewhere
    assert "Zoë" in capsys.readouterr().out
    assert main(["check", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cowork: error: ") and err.count("\n") == 1
    assert "damaged" in err and "cowork restore --db" in err
    assert main(["settings", "--db", str(path), "--set", "idle_lock_minutes=15"]) == 1  # a write: refused
    err = capsys.readouterr().err
    assert "damaged" in err and "nothing was saved" in err and "cowork restore --db" in err
    assert sha256(path) == before
