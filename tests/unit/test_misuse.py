"""Nothing lost by ordinary misuse: backups that belong to their database, one owner at a time, one draft saved
over by another window, files left readable by others, a restore's leftovers, literal searches.

Every test uses real database files in a temporary folder, and checks both the message and that nothing was lost.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from helpers.cases import coallocate
from helpers.db_damage import damage_table
from helpers.files import NOON, sha256, workers_in
from helpers.records import MEETING, make_signed
from sqlite_utils import Database

from cowork_desktop.domain.backups import RestoreFacts, age_in_words, restore_summary, wait_after_signing
from cowork_desktop.domain.errors import (
    CoworkError,
    DamagedDatabase,
    HeldElsewhere,
    ReadOnlyDatabase,
    StaleDraft,
    StoreError,
)
from cowork_desktop.domain.models import Case, CoAllocation, PlanType, Reason, RecordKind, Role, Worker
from cowork_desktop.services import sessions
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store import backup, owner
from cowork_desktop.store.migrations import known_migration_names, migrations
from cowork_desktop.store.opening import open_store

# -- backups belong to their database ---------------------------------------------------------------------------


@pytest.fixture
def two_same_named(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Two databases called cowork.db in different folders, both backing up into one shared folder."""
    shared = tmp_path / "shared-backups"
    a, b = tmp_path / "team-a" / "cowork.db", tmp_path / "team-b" / "cowork.db"
    for path, name in ((a, "Worker of team A"), (b, "Worker of team B")):
        path.parent.mkdir()
        with open_store(path, actor="test") as s:
            s.add_worker(Worker(name, Role.SOCIAL_WORKER))
            backup.set_folder(s, shared)
    return a, b, shared


def _take(path: Path, kind: str, now: datetime) -> backup.Backup:
    """A backup of the database at ``path``, taken (and checked) as at ``now``."""
    with open_store(path) as s:
        return backup.take(s, kind, now=now)


def test_two_same_named_databases_keep_their_own_backups(two_same_named: tuple[Path, Path, Path]) -> None:
    a, b, _shared = two_same_named
    with open_store(a) as s:
        first_a = backup.take(s, backup.DAILY, now=NOON)
        ident_a = s.identity()
    with open_store(b) as s:
        ident_b = s.identity()
        for hours in range(3):  # the same day, again and again: the rotation keeps the newest of b's only
            backup.take(s, backup.DAILY, now=NOON + timedelta(hours=hours))
    assert ident_a != ident_b and first_a.path.name == f"cowork-{ident_a[:8]}-20261123T120000Z-daily.db"
    assert first_a.path.exists(), "b's rotation deleted a's only backup"
    assert [x.path for x in backup.list_backups(a)] == [first_a.path]
    assert all(x.ident == ident_b[:8] for x in backup.list_backups(b))
    assert backup.read_identity(first_a.path) == ident_a  # carried inside too
    assert backup.latest_good(a) == first_a.path
    assert backup.latest_good(b) != first_a.path


def test_a_damaged_database_is_offered_its_own_backup_not_its_namesakes(
    two_same_named: tuple[Path, Path, Path],
) -> None:
    a, b, _shared = two_same_named
    own = _take(a, backup.DAILY, NOON)
    _take(b, backup.DAILY, NOON + timedelta(hours=2))  # newer, same name, same folder
    for table in ("workers", "database_identity"):  # damaged pages: not even its identity can be read from it
        damage_table(a, table)
    assert backup.read_identity(a) == ""
    with pytest.raises(DamagedDatabase) as refused:
        open_store(a)
    assert refused.value.backup == own.path, "the latest good backup named is another database's"
    assert str(own.path) in str(refused.value)


def test_restore_refuses_another_databases_backup_naming_both(
    two_same_named: tuple[Path, Path, Path],
) -> None:
    a, b, _shared = two_same_named
    theirs = _take(b, backup.MANUAL, NOON)
    before = sha256(a)
    with pytest.raises(backup.RestoreNeedsConfirmation) as refused:
        backup.restore(a, theirs.path)
    message = str(refused.value)
    assert f"{theirs.path.name} is a backup of another database ({b.resolve()})" in message
    assert f"not of {a}" in message and "nothing was restored (--force restores it anyway)" in message
    assert sha256(a) == before and workers_in(a) == ["Worker of team A"]
    assert not list(a.parent.glob("*.before-restore-*"))
    aside = backup.restore(a, theirs.path, force=True)  # asked for: done, the current file kept aside
    assert (
        workers_in(a) == ["Worker of team B"]
        and aside is not None
        and workers_in(aside) == ["Worker of team A"]
    )


def test_restore_says_how_old_the_backup_is_and_what_is_not_in_it(
    ws: Workspace, coworked: dict[str, int]
) -> None:
    store = ws.store
    taken = backup.take(store, backup.MANUAL, now=datetime.now(UTC) - timedelta(hours=3))
    make_signed(ws, coworked, RecordKind.INITIAL_MEETING, MEETING)
    make_signed(ws, coworked, RecordKind.REFLECTIVE_DISCUSSION, MEETING + timedelta(days=2))
    sessions.start_record(ws, coworked["coallocation"], RecordKind.REVIEW, MEETING + timedelta(days=3))
    facts = backup.plan_restore(store.path, taken.path)
    assert (facts.newer_signed, facts.newer_drafts, facts.confirm) == (2, 1, [])
    lines = restore_summary(facts, datetime.now(UTC))
    assert lines[0].startswith(f"The backup {taken.path.name} was taken 3 hours ago (")
    assert (
        lines[1]
        == "2 signed records and 1 draft saved since are not in it; they stay in the file kept aside."
    )


def test_the_words_said_before_a_restore() -> None:
    assert [
        age_in_words(timedelta(seconds=s)) for s in (30, 60, 7200, 86400 * 3, 86400 * 20, 86400 * 100)
    ] == [
        "less than a minute",
        "1 minute",
        "2 hours",
        "3 days",
        "2 weeks",
        "3 months",
    ]
    none = RestoreFacts("x.db", NOON)
    assert restore_summary(none, NOON + timedelta(minutes=5))[1] == (
        "Everything signed or drafted in the database now is in the backup."
    )
    assert restore_summary(RestoreFacts("x.db", None, database_unread=True), NOON) == [
        "When the backup x.db was taken is not known.",
        "The database now could not be read, so what it holds that the backup lacks is not known.",
    ]
    assert wait_after_signing(None, NOON) == timedelta(0)
    assert wait_after_signing(NOON, NOON + timedelta(minutes=2)) == timedelta(minutes=3)
    assert wait_after_signing(NOON, NOON + timedelta(minutes=9)) == timedelta(0)


def test_restore_from_a_folder_is_one_sentence(store_path_with_backup: tuple[Path, Path]) -> None:
    db, taken = store_path_with_backup
    with pytest.raises(backup.BackupError) as refused:
        backup.restore(db, taken.parent)
    assert (
        str(refused.value) == f"{taken.parent} is a folder: give one backup file in it (the names end in .db)"
    )


@pytest.fixture
def store_path_with_backup(db_path: Path) -> tuple[Path, Path]:
    with open_store(db_path, actor="test") as s:
        s.add_worker(Worker("Kept worker", Role.SOCIAL_WORKER))
        taken = backup.take(s, backup.MANUAL, now=NOON)
    return db_path, taken.path


def test_a_killed_backups_leftovers_are_swept_by_the_next(db_path: Path) -> None:
    with open_store(db_path, actor="test") as s:
        folder = backup.folder_for(s)
        folder.mkdir(parents=True)
        old = folder / ".cowork-20261120T120000Z-daily.db.partial"
        old.write_bytes(b"\0" * 65536)
        os.utime(old, (time.time() - 3600, time.time() - 3600))
        fresh = folder / ".cowork-20261123T115959Z-daily.db.partial"  # another backup being written right now
        fresh.write_bytes(b"\0" * 1024)
        taken = backup.take(s, backup.MANUAL)
    assert not old.exists() and fresh.exists() and taken.path.exists()


def test_the_backup_before_the_identity_migration_carries_the_identity_it_gets(db_path: Path) -> None:
    db = Database(db_path)
    migrations.apply(db, stop_before="m006_identity")
    db.execute(
        "INSERT INTO workers (name, role, created_at, updated_at) VALUES ('Older worker', 'asye', 'x', 'x')"
    )
    db.conn.commit()
    db.close()
    with open_store(db_path) as s:
        identity = s.identity()
        assert len(identity) == 36 and s.schema_version() == len(known_migration_names())
    (found,) = backup.list_backups(db_path)
    assert found.kind == "pre-migration" and found.ident == identity[:8]
    assert backup.read_identity(found.path) == ""  # taken before the migration: the file is as it was
    assert workers_in(db_path) == ["Older worker"]


def test_drafts_made_twice_before_the_one_draft_rule_are_both_kept(db_path: Path) -> None:
    with open_store(db_path, actor="test") as s:
        ws = Workspace.open(s)
        ca = coallocate(
            s,
            Worker("Worker one", Role.SOCIAL_WORKER),
            Worker("Worker two", Role.STUDENT),
            Case("CR-1", 1, "", PlanType.CHILD_IN_NEED),
        ).coallocation
        assert ca.id
        first = sessions.start_record(ws, ca.id, RecordKind.REVIEW, MEETING).value
    # as two windows did before the rule: a second draft of the same review, typed in
    conn = sqlite3.connect(db_path)
    conn.execute("DROP INDEX records_one_draft")
    conn.execute(
        "INSERT INTO records (case_id, coallocation_id, kind, form_id, form_version, title, meeting_date, answers,"
        " status, created_at, updated_at) SELECT case_id, coallocation_id, kind, form_id, form_version, title,"
        " meeting_date, '{\"typed\": \"in the second window\"}', 'draft', created_at, updated_at FROM records"
    )
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_identity'")
    for name in ("database_identity_no_update", "database_identity_no_delete"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP INDEX records_one_amendment")
    conn.execute("DROP TABLE database_identity")
    conn.execute("ALTER TABLE records DROP COLUMN revision")
    conn.execute("ALTER TABLE records DROP COLUMN set_aside_at")
    conn.execute("ALTER TABLE cases DROP COLUMN search_key")
    conn.execute("ALTER TABLE workers DROP COLUMN search_key")
    conn.commit()
    conn.close()
    with open_store(db_path) as s:
        rows = list(s.db.query("SELECT id, answers, set_aside_at, title FROM records ORDER BY id"))
        assert len(rows) == 2
        assert rows[0]["set_aside_at"] is not None and rows[0]["title"].endswith(
            "(a second draft, set aside)"
        )
        assert rows[1]["set_aside_at"] is None and json.loads(rows[1]["answers"]) == {
            "typed": "in the second window"
        }
        again = s.draft_for(first.coallocation_id, RecordKind.REVIEW)
        assert again is not None and again.id == rows[1]["id"]
        keys = [r[0] for r in s.db.execute("SELECT search_key FROM workers ORDER BY id")]
        assert keys == ["worker one", "worker two"]  # the search keys are made for what was there before


# -- one owner at a time ------------------------------------------------------------------------------------------

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from cowork_desktop.store.owner import OwnerLock
    lock = OwnerLock.acquire(Path(sys.argv[1]), program="cowork-desktop")
    print("held", flush=True)
    time.sleep(60)
    """
)


def _hold_in_another_process(db: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_restore_is_refused_while_the_app_holds_the_database(
    store_path_with_backup: tuple[Path, Path],
) -> None:
    db, taken = store_path_with_backup
    with open_store(db) as s:
        s.add_worker(Worker("Added after the backup", Role.ASYE))
    before = sha256(db)
    proc = _hold_in_another_process(db)
    try:
        found = owner.holder(db)
        assert found is not None and found.pid == proc.pid and found.program == "cowork-desktop"
        with pytest.raises(HeldElsewhere) as refused:
            backup.restore(db, taken)
        assert str(refused.value).startswith(f"{db} is open in cowork-desktop (process {proc.pid}, since ")
        assert str(refused.value).endswith("close it there before restoring a backup; nothing was changed")
        assert sha256(db) == before and not list(db.parent.glob("*.before-restore-*"))
    finally:
        proc.kill()
        proc.wait()
        assert proc.stdout is not None
        proc.stdout.close()
    # the app has gone (killed: its lock file is left behind, stale): the restore goes ahead
    assert owner.lock_path(db).exists() and owner.holder(db) is None
    backup.restore(db, taken)
    assert workers_in(db) == ["Kept worker"]


def test_a_stale_lock_after_a_crash_is_taken_over(db_path: Path) -> None:
    open_store(db_path).close()
    proc = _hold_in_another_process(db_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.stdout is not None
    proc.stdout.close()
    lock = owner.OwnerLock.acquire(db_path)
    try:
        assert lock.took_over is not None and lock.took_over.pid == proc.pid
        assert owner.holder(db_path) is not None
    finally:
        lock.release()
    assert not owner.lock_path(db_path).exists() and owner.holder(db_path) is None


def test_a_second_window_is_told_who_has_the_database(db_path: Path) -> None:
    open_store(db_path).close()
    first = owner.OwnerLock.acquire(db_path)
    try:
        with pytest.raises(HeldElsewhere) as refused:
            owner.OwnerLock.acquire(db_path)
        assert f"is open in cowork-desktop (process {os.getpid()}, since " in str(refused.value)
        # the window that holds it may restore: its own lock makes it the owner
        with owner.sole(db_path, "restoring a backup", held=first) as same:
            assert same is first
        assert stat.S_IMODE(owner.lock_path(db_path).stat().st_mode) == 0o600
    finally:
        first.release()


def test_a_store_opened_read_only_refuses_every_write_in_one_line(db_path: Path) -> None:
    with open_store(db_path, actor="test") as s:
        s.add_worker(Worker("Kept worker", Role.SOCIAL_WORKER))
    with open_store(db_path, actor="test") as s:
        s.read_only = "it is open in another window"
        with pytest.raises(ReadOnlyDatabase) as refused:
            s.add_worker(Worker("Never written", Role.ASYE))
        assert str(refused.value) == f"{db_path}: it is open in another window; nothing was saved"
    assert workers_in(db_path) == ["Kept worker"]


# -- two windows on one draft ---------------------------------------------------------------------------------------


def test_a_save_from_a_stale_window_is_refused_and_the_newer_answers_kept(
    ws: Workspace, coworked: dict[str, int]
) -> None:
    other = Workspace.open(open_store(ws.store.path, actor="window-2"))
    try:
        record = sessions.start_record(
            ws, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION, MEETING
        ).value
        same = sessions.start_record(
            other, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION, MEETING
        ).value
        assert record.id is not None and same.id == record.id and same.revision == record.revision
        newer = sessions.save_draft(
            ws, record.id, {"analysis": "typed in window 1"}, based_on=record.revision
        ).value
        assert newer == record.revision + 1
        with pytest.raises(
            StaleDraft, match=r"^this draft was changed in another window; nothing was saved here$"
        ):
            sessions.save_draft(other, record.id, {"analysis": "typed in window 2"}, based_on=same.revision)
        assert ws.store.get_record(record.id).answers == {"analysis": "typed in window 1"}
        # the stale window reloads (or chooses to keep its own): from the latest revision its save goes through
        latest = other.store.get_record(record.id).revision
        sessions.save_draft(other, record.id, {"analysis": "typed in window 2"}, based_on=latest)
        assert ws.store.get_record(record.id).answers == {"analysis": "typed in window 2"}
    finally:
        other.store.close()


def test_two_windows_starting_the_same_meeting_share_one_draft(
    ws: Workspace, coworked: dict[str, int]
) -> None:
    other = Workspace.open(open_store(ws.store.path, actor="window-2"))
    try:
        ids = {
            sessions.start_record(w, coworked["coallocation"], RecordKind.REVIEW, MEETING).id
            for w in (ws, other, ws)
        }
        assert len(ids) == 1
        # even a write that goes around the app cannot make a second draft of the same meeting
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            ws.store.db.execute(
                "INSERT INTO records (case_id, coallocation_id, kind, form_id, form_version, meeting_date, status,"
                " created_at, updated_at) SELECT case_id, coallocation_id, kind, form_id, form_version,"
                " meeting_date, 'draft', created_at, updated_at FROM records"
            )
        signed = make_signed(ws, coworked, RecordKind.INITIAL_MEETING, MEETING)
        assert signed.id is not None
        sessions.amend(ws, signed.id, "A date was wrong")
        with pytest.raises(CoworkError, match="already been amended"):
            sessions.amend(other, signed.id, "The same mistake, seen in the other window")
    finally:
        other.store.close()


# -- owner-only files, a restore's leftovers ----------------------------------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_a_database_readable_by_others_is_tightened_with_a_note(db_path: Path) -> None:
    with open_store(db_path, actor="test") as s:
        s.add_worker(Worker("Kept worker", Role.SOCIAL_WORKER))
    os.chmod(db_path, 0o644)
    with open_store(db_path) as s:
        assert s.notes == [
            f"{db_path} could be read by other users of this computer (mode 644); it is now yours only (600)"
        ]
        s.add_worker(Worker("Second worker", Role.ASYE))
        for path in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    with open_store(db_path) as s:
        assert s.notes == []
    assert workers_in(db_path) == ["Kept worker", "Second worker"]
    remembered = Path(os.environ["COWORK_DATA_DIR"]) / backup.LOCATIONS_FILE
    assert stat.S_IMODE(remembered.stat().st_mode) == 0o600


def test_a_missing_database_beside_a_moved_aside_one_is_never_made_empty(
    store_path_with_backup: tuple[Path, Path],
) -> None:
    db, taken = store_path_with_backup
    aside = backup.restore(db, taken)
    assert aside is not None
    db.unlink()  # say it was deleted by hand, or moved: the moved-aside file holds the data
    for create in (True, False):
        with pytest.raises(StoreError) as refused:
            open_store(db, create=create)
        assert str(refused.value).startswith(f"{db} is not there, but {aside.name} beside it is the database")
        assert not db.exists()


# -- search --------------------------------------------------------------------------------------------------------


def test_search_is_literal_and_ignores_the_case_of_every_letter(db_path: Path) -> None:
    with open_store(db_path, actor="test") as s:
        zoe = s.add_worker(Worker("Zoë Ó Súilleabháin", Role.SOCIAL_WORKER))
        other = s.add_worker(Worker("Anna Berg", Role.STUDENT))
        assert zoe.id and other.id
        for reference in ("CR-1000", "CR-1001", "CR_7", "CR-7"):
            case = s.add_case(Case(reference, 1, "", PlanType.CHILD_IN_NEED))
            assert case.id
            s.add_coallocation(
                CoAllocation(case.id, zoe.id, other.id, zoe.id, date(2026, 11, 2), [Reason.DEVELOPMENT])
            )

        def found(term: str) -> list[str]:
            return [r.reference for r in s.list_cases(term)]

        assert found("%") == [] and s.count_cases("%") == 0  # a character, not "anything"
        assert found("_") == ["CR_7"] and found("CR_") == ["CR_7"]
        assert found("cr-100") == ["CR-1000", "CR-1001"]
        assert len(found("ZOË")) == 4 and len(found("súilleabháin".upper())) == 4 and found("Zoe") == []
        assert found("x" * 100_000) == [] and s.count_cases("é" * 50_000) == 0
        # a case written by plain SQL, without its search key, is still found
        s.db.execute(
            "INSERT INTO cases (reference, plan_type, created_at, updated_at) VALUES ('CR-ÉTÉ-1', 'cin', 'x', 'x')"
        )
        assert found("cr-été") == ["CR-ÉTÉ-1"]
