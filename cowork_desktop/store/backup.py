"""Backups you can trust: taken with SQLite's online backup API (never a file copy of a live database), checked
with ``PRAGMA integrity_check``, written under a temporary name and renamed into place, private (0600).

- automatically at start-up, once a day (:func:`daily_if_due`), and before every migration
  (:func:`before_migration`, called by ``open_store``);
- by hand: :func:`take` (into the backup folder) and :func:`backup_to_file` (``cowork backup --out FILE``);
- kept in rotation: the newest backup of each of the last 7 days and of each of the last 4 weeks (settings
  ``backup_keep_daily`` and ``backup_keep_weekly``), and the last 3 taken before a migration;
- in ``backups/`` beside the database unless the setting ``backup_folder`` names another folder; that choice is
  also remembered outside the database (``backup-folders.json`` in the data folder) so a damaged database's
  backups can still be found.

An encrypted database is backed up encrypted, with the same passphrase (``sqlcipher_export`` into a database
SQLCipher keys like the main one). :func:`restore` puts a backup in place of the database, after moving the current
file aside (never overwriting it).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cowork_desktop import paths
from cowork_desktop.domain.errors import CoworkError, PassphraseRequired, StoreError
from cowork_desktop.store import crypto

if TYPE_CHECKING:
    from cowork_desktop.store.db import Store

SETTING_FOLDER = "backup_folder"
SETTING_KEEP_DAILY = "backup_keep_daily"
SETTING_KEEP_WEEKLY = "backup_keep_weekly"
DEFAULT_KEEP_DAILY = 7
DEFAULT_KEEP_WEEKLY = 4
KEEP_PRE_MIGRATION = 3
LOCATIONS_FILE = "backup-folders.json"

DAILY = "daily"
MANUAL = "manual"
PRE_MIGRATION = "pre-migration"
_ROTATED = (DAILY, MANUAL)
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)-(?P<kind>daily|manual|pre-migration)(?:-(?P<n>\d+))?\.db$"
)


class BackupError(StoreError):
    """A backup could not be taken, checked or restored; the database itself is unchanged."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC
    kind: str

    @property
    def local_day(self) -> date:
        return self.taken_at.astimezone().date()


# -- where ------------------------------------------------------------------------------------------------------


def default_folder(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def _locations_file() -> Path:
    return paths.data_dir() / LOCATIONS_FILE


def _locations() -> dict[str, str]:
    try:
        data = json.loads(_locations_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _key(db_path: Path) -> str:
    return str(Path(db_path).resolve())


def _remember(db_path: Path, folder: Path | None) -> None:
    found = _locations()
    if folder is None:
        found.pop(_key(db_path), None)
    else:
        found[_key(db_path)] = str(folder)
    target = _locations_file()
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(json.dumps(found, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(tmp, target)


def folder_for(store: Store) -> Path:
    """The backup folder for this database: the ``backup_folder`` setting, else ``backups/`` beside it."""
    value = store.get_setting(SETTING_FOLDER)
    return Path(value).expanduser() if value else default_folder(store.path)


def set_folder(store: Store, folder: Path | None) -> Path:
    """Choose the backup folder (None: back to the default). The folder is created and must be writable."""
    if folder is None:
        with store.tx():
            store.db.execute("DELETE FROM settings WHERE key = ?", [SETTING_FOLDER])
            store.audit("set", "setting", None, key=SETTING_FOLDER, value="")
        _remember(store.path, None)
        return default_folder(store.path)
    folder = Path(folder).expanduser().resolve()
    _ensure_folder(folder)
    store.set_setting(SETTING_FOLDER, str(folder))
    _remember(store.path, folder)
    return folder


def candidate_folders(db_path: Path) -> list[Path]:
    """Where backups of ``db_path`` may be, without opening it: the remembered folder, then the default one."""
    found: list[Path] = []
    remembered = _locations().get(_key(db_path))
    for folder in (Path(remembered) if remembered else None, default_folder(db_path)):
        if folder is not None and folder not in found:
            found.append(folder)
    return found


def keep_counts(store: Store) -> tuple[int, int]:
    def number(key: str, default: int) -> int:
        try:
            return max(0, int(store.get_setting(key, str(default)) or default))
        except ValueError:
            return default

    return number(SETTING_KEEP_DAILY, DEFAULT_KEEP_DAILY), number(SETTING_KEEP_WEEKLY, DEFAULT_KEEP_WEEKLY)


def _ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise BackupError(f"cannot use {folder} for backups ({exc.strerror or exc})") from None
    if not folder.is_dir():
        raise BackupError(f"cannot use {folder} for backups (not a folder)")


# -- copying ----------------------------------------------------------------------------------------------------


def _remove(*targets: Path) -> None:
    for target in targets:
        with contextlib.suppress(OSError):
            target.unlink()


def _fsync(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _disk_message(exc: BaseException, where: Path) -> str:
    text = str(exc)
    if isinstance(exc, OSError):
        text = exc.strerror or text
    if "full" in text.lower() or "no space" in text.lower():
        return f"cannot write the backup to {where}: the disk is full"
    if "readonly" in text or "read-only" in text.lower() or "permission" in text.lower():
        return f"cannot write the backup to {where}: the folder is read-only"
    return f"cannot write the backup to {where} ({text})"


def copy_database(conn: sqlite3.Connection, target: Path, *, encrypted: bool) -> None:
    """Copy the open database into ``target`` (which must not exist), check the copy, then rename it into place.

    Plain databases use the online backup API; encrypted ones ``sqlcipher_export`` (the copy keeps the key).
    Nothing is left behind on failure.
    """
    target = Path(target)
    if target.exists():
        raise BackupError(f"{target} already exists; a backup never replaces a file")
    _ensure_folder(target.parent)
    tmp = target.with_name(f".{target.name}.partial")
    leftovers = (tmp, Path(f"{tmp}-journal"), Path(f"{tmp}-wal"), Path(f"{tmp}-shm"))
    _remove(*leftovers)
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)  # private from the first byte
        os.close(fd)
        if encrypted:
            crypto.export_copy(conn, tmp)
            result = crypto.integrity_of_copy(conn, tmp)
        else:
            dest = sqlite3.connect(str(tmp))
            try:
                conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")  # a standalone file: no -wal beside it
            finally:
                dest.close()
            check = sqlite3.connect(crypto.read_only_uri(tmp), uri=True)
            try:
                rows = check.execute("PRAGMA integrity_check").fetchall()
            finally:
                check.close()
            result = "; ".join(str(r[0]) for r in rows[:3]) if rows else "no answer"
        if result != "ok":
            raise BackupError(f"the backup {target} failed its integrity check ({result}); it was not kept")
        _fsync(tmp)
        os.replace(tmp, target)
        _fsync(target.parent)
    except BackupError:
        _remove(*leftovers)
        raise
    except (sqlite3.Error, OSError) as exc:
        _remove(*leftovers)
        raise BackupError(_disk_message(exc, target.parent)) from None
    except BaseException:
        _remove(*leftovers)
        raise


def _name(stem: str, when: datetime, kind: str, n: int = 0) -> str:
    stamp = when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{stem}-{stamp}-{kind}{f'-{n}' if n else ''}.db"


def _unique(folder: Path, stem: str, when: datetime, kind: str) -> Path:
    n = 0
    while (folder / _name(stem, when, kind, n)).exists():
        n += 1
    return folder / _name(stem, when, kind, n)


def list_backups(db_path: Path, folder: Path | None = None) -> list[Backup]:
    """The backups of ``db_path`` in ``folder`` (default: every candidate folder), newest first."""
    stem = Path(db_path).stem
    folders: Iterable[Path] = [folder] if folder is not None else candidate_folders(Path(db_path))
    found: dict[Path, Backup] = {}
    for where in folders:
        try:
            entries = list(where.iterdir())
        except OSError:
            continue
        for entry in entries:
            m = _NAME.match(entry.name)
            if not m or m["stem"] != stem or not entry.is_file():
                continue
            taken = datetime.strptime(m["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            found[entry] = Backup(entry, taken, m["kind"])
    return sorted(found.values(), key=lambda b: (b.taken_at, b.path.name), reverse=True)


def rotation_keeps(backups: list[Backup], keep_daily: int, keep_weekly: int) -> set[Path]:
    """Grandfather-father-son: the newest backup of each of the last ``keep_daily`` days that have one, and of each
    of the last ``keep_weekly`` ISO weeks; the newest backup is always kept."""
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = {newest_first[0].path} if newest_first else set()
    days: list[date] = []
    weeks: list[tuple[int, int]] = []
    for b in newest_first:
        day = b.local_day
        if day not in days and len(days) < keep_daily:
            days.append(day)
            keep.add(b.path)
        week = day.isocalendar()[:2]
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.append((week[0], week[1]))
            keep.add(b.path)
    return keep


def rotate(
    folder: Path, db_path: Path, keep_daily: int, keep_weekly: int, protect: Path | None = None
) -> list[Path]:
    """Delete the daily and manual backups the rotation no longer keeps, and all but the last few pre-migration
    ones (never ``protect``, the backup just taken); returns what was deleted."""
    backups = list_backups(db_path, folder)
    rotated = [b for b in backups if b.kind in _ROTATED]
    keep = rotation_keeps(rotated, keep_daily, keep_weekly)
    if protect is not None:
        keep.add(protect)
    keep |= {b.path for b in [b for b in backups if b.kind == PRE_MIGRATION][:KEEP_PRE_MIGRATION]}
    removed = []
    for b in backups:
        if b.path not in keep:
            _remove(b.path)
            removed.append(b.path)
    return removed


# -- taking backups ---------------------------------------------------------------------------------------------


def take(store: Store, kind: str = MANUAL, *, now: datetime | None = None) -> Backup:
    """A checked backup into the backup folder, then the rotation. Raises :class:`BackupError`."""
    when = now or datetime.now(UTC)
    folder = folder_for(store)
    _ensure_folder(folder)
    target = _unique(folder, store.path.stem, when, kind)
    copy_database(store.db.conn, target, encrypted=store.encrypted)
    keep_daily, keep_weekly = keep_counts(store)
    rotate(folder, store.path, keep_daily, keep_weekly, protect=target)
    _remember(store.path, folder if folder != default_folder(store.path) else None)
    with contextlib.suppress(CoworkError, sqlite3.Error), store.tx():
        store.audit("backup", "database", None, kind=kind, file=target.name)
    return Backup(target, when, kind)


def daily_if_due(store: Store, *, now: datetime | None = None) -> Backup | None:
    """The start-up backup: taken when there is no daily or manual backup from today yet."""
    when = now or datetime.now(UTC)
    today = when.astimezone().date()
    for b in list_backups(store.path, folder_for(store)):
        if b.kind in _ROTATED and b.local_day == today:
            return None
    return take(store, DAILY, now=when)


def backup_to_file(store: Store, out: Path) -> Path:
    """``cowork backup --out FILE``: a checked copy at ``out`` (a folder: the usual name in it); never replaces."""
    out = Path(out).expanduser()
    if out.is_dir():
        out = _unique(out, store.path.stem, datetime.now(UTC), MANUAL)
    if out.exists():
        raise BackupError(f"{out} already exists; choose another file (a backup never replaces one)")
    if out.resolve() == store.path.resolve():
        raise BackupError("the backup file cannot be the database itself")
    copy_database(store.db.conn, out, encrypted=store.encrypted)
    with contextlib.suppress(CoworkError, sqlite3.Error), store.tx():
        store.audit("backup", "database", None, kind=MANUAL, file=out.name)
    return out


def before_migration(conn: sqlite3.Connection, db_path: Path, *, encrypted: bool) -> Path:
    """Called by ``open_store`` before a migration changes an existing database. Refuses (and so stops the
    migration) when the backup cannot be taken."""
    setting = None
    with contextlib.suppress(sqlite3.Error):
        row = conn.execute("SELECT value FROM settings WHERE key = ?", [SETTING_FOLDER]).fetchone()
        setting = row[0] if row else None
    folder = Path(setting).expanduser() if setting else default_folder(db_path)
    try:
        _ensure_folder(folder)
        target = _unique(folder, Path(db_path).stem, datetime.now(UTC), PRE_MIGRATION)
        copy_database(conn, target, encrypted=encrypted)
    except BackupError as exc:
        raise BackupError(f"{db_path}: not updated, because no backup could be taken first: {exc}") from None
    rotate(folder, db_path, DEFAULT_KEEP_DAILY, DEFAULT_KEEP_WEEKLY, protect=target)
    return target


# -- checking and restoring ---------------------------------------------------------------------------------------


def verify(path: Path, passphrase: str | None = None) -> bool:
    """Check a backup file fully (``integrity_check``, a cowork schema this version knows); True if encrypted.
    Raises :class:`StoreError` (:class:`PassphraseRequired` for an encrypted one without its passphrase)."""
    from cowork_desktop.store.db import _preflight

    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no backup file here")
    if path.stat().st_size == 0:
        raise BackupError(f"{path}: the backup file is empty")
    return _preflight(path, passphrase, full=True)


def latest_good(db_path: Path, passphrase: str | None = None) -> Path | None:
    """The newest backup of ``db_path`` that passes :func:`verify` (an encrypted one, without its passphrase:
    the newest that was checked when it was taken). Never raises."""
    for b in list_backups(Path(db_path)):
        try:
            verify(b.path, passphrase)
        except PassphraseRequired:
            return b.path
        except (CoworkError, OSError, sqlite3.Error):
            continue
        return b.path
    return None


def restore(
    db_path: Path, source: Path, passphrase: str | None = None, *, now: datetime | None = None
) -> Path | None:
    """Put the backup ``source`` in place of the database at ``db_path`` (closed: quit the app first).

    The backup is checked first; the current file (and its -wal/-shm) is moved aside to
    ``<name>.before-restore-<time>``, never overwritten or deleted. Returns that path (None if there was no file).
    """
    db_path = Path(db_path)
    source = Path(source).expanduser()
    if source.exists() and db_path.exists() and source.resolve() == db_path.resolve():
        raise BackupError("the backup to restore is the database itself")
    verify(source, passphrase)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    tmp = db_path.with_name(f".{db_path.name}.restoring")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _remove(tmp)
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        shutil.copyfile(source, tmp)  # a closed, checked backup: a file copy is safe here
        _fsync(tmp)
    except OSError as exc:
        _remove(tmp)
        raise BackupError(
            _disk_message(exc, db_path.parent).replace("the backup", "the restored database")
        ) from None
    aside: Path | None = None
    if db_path.exists():
        aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
        n = 1
        while aside.exists():
            aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}-{n}")
            n += 1
        try:
            os.replace(db_path, aside)
            for suffix in ("-wal", "-shm"):
                side = Path(f"{db_path}{suffix}")
                if side.exists():
                    os.replace(side, Path(f"{aside}{suffix}"))
        except OSError as exc:
            _remove(tmp)
            raise BackupError(
                f"cannot move {db_path} aside ({exc.strerror or exc}); nothing was restored"
            ) from None
    os.replace(tmp, db_path)
    _fsync(db_path.parent)
    return aside
