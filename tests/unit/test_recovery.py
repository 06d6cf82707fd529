"""Recovery without loss: a damaged file is refused with one clear line that offers the latest good backup and is
never modified; a full disk, a read-only database or another program's write lock during a save gives a clear
message and keeps the previous draft whole until a save succeeds."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers.files import sha256
from sqlite_utils import Database

from cowork_desktop.cli import main
from cowork_desktop.domain.errors import DamagedDatabase, StoreError
from cowork_desktop.domain.models import Case, CoAllocation, Reason, RecordKind, Role, Worker
from cowork_desktop.services import sessions
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store import backup
from cowork_desktop.store.opening import open_store
from cowork_desktop.store.store import Store

PASSPHRASE = "recovery test passphrase"


def make_db(path: Path, passphrase: str | None = None) -> Path:
    """A small real database with a backup taken, then closed."""
    with open_store(path, actor="setup", passphrase=passphrase) as s:
        s.add_worker(Worker("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER))
        s.add_case(Case("CR-2026-0700", 1, "AB"))
        taken = backup.take(s)
    return taken.path


def corrupt_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[0:16] = b"\x00" * 16
    path.write_bytes(bytes(data))


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def not_sqlite(path: Path) -> None:
    path.write_bytes("Name,Role\nZoë,senior\n".encode() * 60)


def corrupt_page(path: Path) -> None:
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'workers'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * size : root * size] = b"\xa5" * size
    path.write_bytes(bytes(data))


SPOILERS = {
    "corrupt-header": (corrupt_header, "not an SQLite database"),
    "truncated": (truncated, "damaged"),
    "not-sqlite": (not_sqlite, "not an SQLite database"),
    "corrupt-page": (corrupt_page, "damaged"),
}


@pytest.mark.parametrize("name", list(SPOILERS))
def test_a_damaged_file_offers_the_latest_good_backup_and_is_not_modified(tmp_path: Path, name: str) -> None:
    spoil, message = SPOILERS[name]
    path = tmp_path / "cowork.db"
    good = make_db(path)
    spoil(path)
    before = sha256(path)
    with pytest.raises(DamagedDatabase, match=message) as info:
        open_store(path, check_pages=True)  # opening reads the header and schema; the pages, when asked
    text = str(info.value)
    assert "\n" not in text and str(path) in text
    assert info.value.backup == good
    assert f"the latest good backup is {good}" in text and f"cowork restore --db {path} --from {good}" in text
    assert sha256(path) == before
    assert {p.name for p in tmp_path.iterdir()} == {"cowork.db", "backups"}  # no -wal/-shm created either


def test_with_no_backup_the_message_says_so_plainly(tmp_path: Path) -> None:
    path = tmp_path / "cowork.db"
    not_sqlite(path)
    with pytest.raises(DamagedDatabase) as info:
        open_store(path)
    assert info.value.backup is None and "latest good backup" not in str(info.value)


def test_a_damaged_backup_is_skipped_for_an_older_good_one(tmp_path: Path) -> None:
    path = tmp_path / "cowork.db"
    make_db(path)
    with open_store(path) as s:
        newest = backup.take(s, "daily").path
    older = sorted(backup.list_backups(path), key=lambda b: b.taken_at)[0].path
    truncated(newest)
    assert backup.latest_good(path) in (older,)  # the newest fails its check


def test_an_encrypted_damaged_file_offers_its_encrypted_backup(tmp_path: Path) -> None:
    path = tmp_path / "cowork.db"
    good = make_db(path, PASSPHRASE)
    data = path.read_bytes()
    path.write_bytes(data[:-1000])
    before = sha256(path)
    with pytest.raises(DamagedDatabase) as info:
        open_store(path, passphrase=PASSPHRASE)
    assert info.value.backup == good
    assert sha256(path) == before


def test_cli_damaged_file_is_one_line_then_restore_gets_everything_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cowork.db"
    good = make_db(path)
    corrupt_page(path)
    damaged = sha256(path)
    code = main(["workers", "--db", str(path)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.startswith("cowork: error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert "damaged" in err and f"cowork restore --db {path} --from {good}" in err
    code = main(["restore", "--db", str(path), "--from", str(good)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    code = main(["workers", "--db", str(path)])
    out, err = capsys.readouterr()
    assert code == 0 and "Zoë Ó Súilleabháin" in out
    kept = next(tmp_path.glob("cowork.db.before-restore-*"))
    assert sha256(kept) == damaged  # the damaged file is kept, byte for byte


# -- saving when the disk is full, the database read-only or locked ---------------------------------------------


@pytest.fixture(params=["plain", "encrypted"])
def saving(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Workspace, int]]:
    passphrase = PASSPHRASE if request.param == "encrypted" else None
    store = open_store(tmp_path / "cowork.db", actor="test", passphrase=passphrase)
    ws = Workspace.open(store)
    a = store.add_worker(Worker("Daniel Mensah", Role.SOCIAL_WORKER))
    b = store.add_worker(Worker("Priya Raman", Role.ASYE))
    case = store.add_case(Case("CR-2026-0701", 1, "AB"))
    assert a.id and b.id and case.id
    ca = store.add_coallocation(
        CoAllocation(
            case.id, a.id, b.id, a.id, __import__("datetime").date(2026, 11, 2), [Reason.DEVELOPMENT]
        )
    )
    assert ca.id
    record = sessions.start_record(ws, ca.id, RecordKind.REFLECTIVE_DISCUSSION).value
    assert record.id
    yield ws, record.id
    store.close()


def _first_text_question(ws: Workspace, record_id: int) -> str:
    form = sessions.form_for(ws, ws.store.get_record(record_id))
    return next(q.id for q in form.questions if q.kind.value in ("text", "long_text", "textarea"))


def _refuses(store: Store, record_id: int, save: Callable[[], object], message: str) -> None:
    answers_before = store.get_record(record_id).answers
    audit_before = len(store.audit_entries())
    with pytest.raises(StoreError, match=message) as info:
        save()
    assert "\n" not in str(info.value) and "nothing was saved" in str(info.value)
    assert store.get_record(record_id).answers == answers_before  # the last good draft, whole
    assert len(store.audit_entries()) == audit_before


def test_a_full_disk_keeps_the_draft_until_the_save_succeeds(saving: tuple[Workspace, int]) -> None:
    ws, record_id = saving
    store = ws.store
    qid = _first_text_question(ws, record_id)
    first = {qid: "The first part of the discussion."}
    sessions.save_draft(ws, record_id, first, based_on=ws.store.get_record(record_id).revision)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")  # SQLITE_FULL: "database or disk is full"
    typed = {qid: "The first part of the discussion. " + "And much more, typed as the disk filled. " * 4000}
    _refuses(
        store,
        record_id,
        lambda: (
            sessions.save_draft(ws, record_id, typed, based_on=ws.store.get_record(record_id).revision).value
        ),
        "disk is full",
    )
    assert store.get_record(record_id).answers == first
    store.db.execute("PRAGMA max_page_count = 1073741823")
    sessions.save_draft(
        ws, record_id, typed, based_on=ws.store.get_record(record_id).revision
    )  # the caller kept the answers in memory: the retry saves them all
    assert store.get_record(record_id).answers == typed


def test_a_read_only_database_refuses_the_save_clearly(saving: tuple[Workspace, int]) -> None:
    ws, record_id = saving
    qid = _first_text_question(ws, record_id)
    sessions.save_draft(
        ws, record_id, {qid: "saved before"}, based_on=ws.store.get_record(record_id).revision
    )
    path = ws.store.path
    if ws.store.encrypted:
        from cowork_desktop.store import crypto

        conn = crypto.connect(path, PASSPHRASE, read_only=True)
    else:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    read_only = Store(Database(conn), path, "test", encrypted=ws.store.encrypted)
    ro_ws = Workspace(read_only, ws.forms, ws.calendar)
    try:
        _refuses(
            read_only,
            record_id,
            lambda: (
                sessions.save_draft(
                    ro_ws,
                    record_id,
                    {qid: "typed later"},
                    based_on=ro_ws.store.get_record(record_id).revision,
                ).value
            ),
            "read-only",
        )
    finally:
        read_only.close()
    assert ws.store.get_record(record_id).answers == {qid: "saved before"}


LOCKER = textwrap.dedent(
    """
    import sys, time
    if sys.argv[2]:
        import sqlcipher3 as sqlite
    else:
        import sqlite3 as sqlite
    conn = sqlite.connect(sys.argv[1], isolation_level=None)
    if sys.argv[2]:
        conn.execute("PRAGMA key = '" + sys.argv[2] + "'")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO settings (key, value) VALUES ('held', 'by another program')")
    print("LOCKED", flush=True)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
    """
)


def test_a_write_lock_held_by_another_process(saving: tuple[Workspace, int]) -> None:
    ws, record_id = saving
    store = ws.store
    qid = _first_text_question(ws, record_id)
    sessions.save_draft(
        ws, record_id, {qid: "before the lock"}, based_on=ws.store.get_record(record_id).revision
    )
    store.db.execute("PRAGMA busy_timeout = 200")  # the real 5 s wait, shortened for the test
    key = PASSPHRASE if store.encrypted else ""
    with subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(store.path), key],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdout is not None and proc.stdin is not None
        try:
            assert proc.stdout.readline().strip() == "LOCKED"
            _refuses(
                store,
                record_id,
                lambda: (
                    sessions.save_draft(
                        ws, record_id, {qid: "while locked"}, based_on=ws.store.get_record(record_id).revision
                    ).value
                ),
                "locked by another program",
            )
            assert [w.name for w in store.list_workers()]  # reading still works
        finally:
            proc.stdin.write("\n")
            proc.stdin.flush()
            proc.wait(timeout=20)
    sessions.save_draft(
        ws, record_id, {qid: "while locked"}, based_on=ws.store.get_record(record_id).revision
    )
    assert store.get_record(record_id).answers == {qid: "while locked"}
