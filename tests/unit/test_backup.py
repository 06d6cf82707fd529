"""Backups: online (never a file copy of the live file), checked, private, rotated, taken before migrations, and
restored without ever overwriting the current file."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from helpers.cli import run
from helpers.files import NOON, refused_unchanged, sha256, workers_in
from sqlite_utils import Database

from cowork_desktop import paths
from cowork_desktop.domain.errors import PassphraseRequired, StoreError
from cowork_desktop.domain.models import Case, Role, Worker
from cowork_desktop.store import backup
from cowork_desktop.store.migrations import known_migration_names, migrations
from cowork_desktop.store.opening import open_store
from cowork_desktop.store.store import Store


def test_a_backup_is_online_checked_private_and_complete(store: Store, db_path: Path) -> None:
    store.add_worker(Worker("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER))
    # the store is open: the new row is (at least partly) in the write-ahead log, not yet in the main file
    assert Path(f"{db_path}-wal").exists()
    taken = backup.take(store, now=NOON)
    assert taken.path.parent == db_path.parent / "backups"
    assert taken.path.name == f"cowork-{store.identity()[:8]}-20261123T120000Z-manual.db"
    assert stat.S_IMODE(os.stat(taken.path).st_mode) == 0o600
    assert not Path(f"{taken.path}-wal").exists() and not list(taken.path.parent.glob(".*partial*"))
    assert workers_in(taken.path) == ["Zoë Ó Súilleabháin"]
    conn = sqlite3.connect(taken.path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert backup.verify(taken.path) is False
    assert any(e["action"] == "backup" for e in store.audit_entries())


def test_the_daily_backup_is_taken_once_a_day(store: Store) -> None:
    first = backup.daily_if_due(store, now=NOON)
    assert first is not None and first.kind == "daily"
    assert backup.daily_if_due(store, now=NOON + timedelta(hours=3)) is None
    nxt = backup.daily_if_due(store, now=NOON + timedelta(days=1))
    assert nxt is not None
    assert [b.path for b in backup.list_backups(store.path)] == [nxt.path, first.path]


def test_rotation_keeps_seven_days_and_four_weeks(store: Store) -> None:
    start = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
    for n in range(36):  # 36 days (six ISO weeks), two backups on each day
        backup.take(store, "daily", now=start + timedelta(days=n))
        backup.take(store, "manual", now=start + timedelta(days=n, hours=2))
    kept = backup.list_backups(store.path)
    days = sorted({b.local_day for b in kept}, reverse=True)
    newest_day = (start + timedelta(days=35, hours=2)).astimezone().date()
    assert days[:7] == [newest_day - timedelta(days=i) for i in range(7)]
    newest = kept[0].taken_at
    older = [b for b in kept if newest - b.taken_at >= timedelta(hours=24)]
    assert len({b.local_day for b in older}) == len(
        older
    )  # before the last 24 hours: one per day, the newest
    assert all(b.kind == "manual" for b in older)  # the newest of each day was the manual one
    assert sorted(b.kind for b in kept if b not in older) == ["daily", "manual"]  # the last 24 hours: all
    weeks = {b.local_day.isocalendar()[:2] for b in kept}
    assert len(weeks) == 4
    assert 7 + 1 <= len(kept) <= 7 + 4 + 1  # the last day twice


def test_every_backup_of_the_last_day_is_kept(store: Store) -> None:
    signed = backup.take(store, "signed", now=NOON)
    backup.take(store, "exit", now=NOON + timedelta(hours=5))
    assert [b.kind for b in backup.list_backups(store.path)] == ["exit", "signed"]
    backup.take(
        store, "daily", now=NOON + timedelta(days=1, hours=1)
    )  # 25 hours after the signing's: the day's newest
    assert signed.path not in {b.path for b in backup.list_backups(store.path)}
    assert [b.kind for b in backup.list_backups(store.path)] == ["daily", "exit"]


def test_rotation_keeps_what_the_settings_say(store: Store) -> None:
    store.set_setting(backup.SETTING_KEEP_DAILY, "2")
    store.set_setting(backup.SETTING_KEEP_WEEKLY, "0")
    for n in range(5):
        backup.take(store, "daily", now=NOON + timedelta(days=n))
    assert len(backup.list_backups(store.path)) == 2


def test_rotation_keeps_the_newest_of_each_week() -> None:
    made = [
        backup.Backup(Path(f"b{n}.db"), datetime(2026, 10, 1, 12, tzinfo=UTC) + timedelta(days=n), "daily")
        for n in range(50)
    ]
    keep = backup.rotation_keeps(made, 0, 4)
    assert len(keep) == 4
    assert made[-1].path in keep
    keep = backup.rotation_keeps(made, 3, 0)
    assert keep == {m.path for m in made[-3:]}


def test_the_backup_folder_can_be_changed_and_is_remembered(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere" / "backups"
    assert backup.set_folder(store, folder) == folder.resolve()
    taken = backup.take(store)
    assert taken.path.parent == folder.resolve()
    remembered = json.loads((paths.data_dir() / backup.LOCATIONS_FILE).read_text())
    assert remembered[str(store.path.resolve())]["folder"] == str(folder.resolve())
    assert backup.candidate_folders(store.path)[0] == folder.resolve()
    assert backup.set_folder(store, None) == store.path.parent / "backups"


def test_an_unusable_backup_folder_is_a_clear_error(store: Store, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot use"):
        backup.set_folder(store, blocker)
    store.db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [backup.SETTING_FOLDER, str(blocker)])
    store.db.conn.commit()
    with pytest.raises(backup.BackupError, match="cannot use"):
        backup.take(store)


def test_backup_to_a_file_never_replaces_one(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out.db"
    out.write_text("keep me")
    with pytest.raises(backup.BackupError, match="already exists"):
        backup.backup_to_file(store, out)
    assert out.read_text() == "keep me"
    into = tmp_path / "folder"
    into.mkdir()
    made = backup.backup_to_file(store, into)
    assert made.parent == into and backup.verify(made) is False


def _older_database(path: Path) -> None:
    """A database written by the previous version: every migration but the last applied."""
    db = Database(path)
    migrations.apply(db, stop_before=known_migration_names()[-1])
    db.execute(
        "INSERT INTO workers (name, role, created_at, updated_at) VALUES ('Daniel Mensah', 'asye', 'x', 'x')"
    )
    db.conn.commit()
    db.execute("PRAGMA journal_mode = WAL")
    db.close()


def test_a_backup_is_taken_before_a_migration(db_path: Path) -> None:
    _older_database(db_path)
    before = sha256(db_path)
    with open_store(db_path) as s:
        assert s.schema_version() == len(known_migration_names())
    found = backup.list_backups(db_path)
    assert [b.kind for b in found] == ["pre-migration"]
    assert sha256(db_path) != before  # migrated after the backup
    conn = sqlite3.connect(found[0].path)
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    conn.close()
    assert applied == known_migration_names()[:-1]
    assert workers_in(found[0].path) == ["Daniel Mensah"]
    with open_store(db_path):
        pass
    assert len(backup.list_backups(db_path)) == 1  # nothing to migrate: no new backup


def test_no_migration_without_a_backup(db_path: Path, tmp_path: Path) -> None:
    _older_database(db_path)
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the backup folder should be")
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [backup.SETTING_FOLDER, str(blocker)])
    conn.close()
    refused_unchanged(db_path, "not updated, because no backup could be taken first")


# -- restore ------------------------------------------------------------------------------------------------------


def test_restore_keeps_the_current_file_aside(store: Store, db_path: Path) -> None:
    store.add_worker(Worker("Before Backup", Role.SOCIAL_WORKER))
    taken = backup.take(store)
    store.add_worker(Worker("After Backup", Role.SOCIAL_WORKER))
    store.close()
    current = sha256(db_path)
    aside = backup.restore(db_path, taken.path, now=NOON)
    assert aside == db_path.with_name("cowork.db.before-restore-20261123T120000Z")
    assert sha256(aside) == current
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    with open_store(db_path, create=False) as s:
        assert [w.name for w in s.list_workers()] == ["Before Backup"]
    with open_store(aside, create=False) as s:
        assert sorted(w.name for w in s.list_workers()) == ["After Backup", "Before Backup"]
    second = backup.restore(db_path, taken.path, now=NOON)  # same second: another name, nothing replaced
    assert second is not None and second != aside and aside.exists()


def test_restore_refuses_a_bad_backup_and_moves_nothing(store: Store, db_path: Path, tmp_path: Path) -> None:
    store.close()
    before = sha256(db_path)
    for content in (b"", b"not a database at all\n" * 40):
        bad = tmp_path / "bad.db"
        bad.write_bytes(content)
        with pytest.raises(StoreError):
            backup.restore(db_path, bad)
        assert sha256(db_path) == before
        assert not list(tmp_path.glob("cowork.db.before-restore*"))
    with pytest.raises(StoreError, match="no backup file"):
        backup.restore(db_path, tmp_path / "missing.db")


def test_restore_of_an_encrypted_backup_needs_its_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "enc.db"
    with open_store(path, passphrase="pw one") as s:
        s.add_case(Case("CR-1", 1))
        taken = backup.take(s)
    with pytest.raises(PassphraseRequired):
        backup.restore(path, taken.path)
    assert not list(tmp_path.glob("enc.db.before-restore*"))
    backup.restore(path, taken.path, "pw one")
    with open_store(path, passphrase="pw one") as s:
        assert [c.reference for c in s.list_cases()] == ["CR-1"]


def test_restore_to_a_missing_database(store: Store, tmp_path: Path) -> None:
    taken = backup.take(store)
    target = tmp_path / "new" / "restored.db"
    assert backup.restore(target, taken.path) is None
    open_store(target, create=False).close()


# -- the cowork command -----------------------------------------------------------------------------------------------


def test_cli_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "team.db"
    with open_store(db) as s:
        s.add_worker(Worker("Priya Raman", Role.ASYE))
    out_file = tmp_path / "copy.db"
    code, out, err = run(capsys, "backup", "--db", str(db), "--out", str(out_file))
    assert (code, err) == (0, "") and "integrity checked" in out and str(out_file) in out
    code, _, err = run(capsys, "backup", "--db", str(db), "--out", str(out_file))
    assert (
        code == 1 and err.startswith("cowork: error: ") and "already exists" in err and err.count("\n") == 1
    )
    code, out, err = run(capsys, "backup", "--db", str(db))
    assert code == 0 and "/backups/team-" in out
    with open_store(db) as s:
        s.add_worker(Worker("Gareth Llewelyn", Role.SOCIAL_WORKER))
    code, out, err = run(capsys, "restore", "--db", str(db), "--from", str(out_file))
    assert (code, err) == (0, "") and "kept as" in out
    assert workers_in(db) == ["Priya Raman"]
    aside = next(tmp_path.glob("team.db.before-restore-*"))
    assert workers_in(aside) == ["Priya Raman", "Gareth Llewelyn"]


def test_cli_restore_refuses_a_bad_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "team.db"
    open_store(db).close()
    before = sha256(db)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00" * 5000)
    code, out, err = run(capsys, "restore", "--db", str(db), "--from", str(bad))
    assert code == 1 and out == "" and err.startswith("cowork: error: ") and err.count("\n") == 1
    assert sha256(db) == before
    code, _, err = run(capsys, "restore", "--db", str(db))
    assert code == 2 and "--from" in err


def test_rotation_uses_local_days() -> None:
    b = backup.Backup(Path("x.db"), NOON, "daily")
    assert isinstance(b.local_day, date)


def test_cli_settings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "team.db"
    open_store(db).close()
    folder = tmp_path / "bk"
    settings = ("--set", "idle_lock_minutes=5", "--set", f"backup_folder={folder}")
    code, out, err = run(capsys, "settings", "--db", str(db), *settings)
    assert (code, err) == (0, "") and "idle_lock_minutes" in out and str(folder) in out
    with open_store(db) as s:
        assert s.get_setting("idle_lock_minutes") == "5"
        assert backup.folder_for(s) == folder.resolve()
    code, _, err = run(capsys, "settings", "--db", str(db), "--set", "idle_lock_minutes=soon")
    assert code == 1 and "whole number" in err and err.count("\n") == 1
    code, _, err = run(capsys, "settings", "--db", str(db), "--set", "colour=red")
    assert code == 2 and "unknown setting" in err
