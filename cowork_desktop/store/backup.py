"""Backups you can trust: taken with SQLite's online backup API (never a file copy of a live database), checked
with ``PRAGMA integrity_check``, written under a temporary name and renamed into place, private (0600).

- automatically at start-up, once a day (:func:`daily_if_due`), after signing (the app: at most one every few
  minutes, ``domain/backups.py``), at exit when anything changed, before a retention purge, and before every
  migration (:func:`before_migration`, called by ``open_store``);
- by hand: :func:`take` (into the backup folder) and :func:`backup_to_file` (``cowork backup --out FILE``);
- kept in rotation: every backup of the last 24 hours (a signing's backup is not lost to the exit's an hour later),
  the newest of each of the last 7 days and of each of the last 4 weeks (settings ``backup_keep_daily`` and
  ``backup_keep_weekly``), and the last 3 taken before a migration;
- in ``backups/`` beside the database unless the setting ``backup_folder`` names another folder; that choice is
  also remembered outside the database (``backup-folders.json`` in the data folder) so a damaged database's
  backups can still be found.

Backups belong to their database. A database has an identity (a UUID made when it is created, migration m006)
that every backup carries inside and in its name: ``cowork-3f2a9c1e-20261202T101500Z-signed.db`` is a backup of
the database ``cowork.db`` whose identity starts ``3f2a9c1e``. Rotation, "the latest good backup" and restore
consider only the backups of the same database, so two databases with the same file name can share a backup
folder. Backups named before identities existed (no identity in the name) are taken as the database's own only in
the folder beside it, and never rotated away from a shared folder.

An encrypted database is backed up encrypted, with the same passphrase (``sqlcipher_export`` into a database
SQLCipher keys like the main one). :func:`restore` puts a backup in place of the database, after moving the current
file aside (never overwriting it); it refuses while the database is open elsewhere (``store/owner.py``), and asks
for ``force`` before restoring another database's backup or changing whether the database is encrypted.
:func:`plan_restore` says first what the restore would do (``domain.backups.RestoreFacts``).
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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from cowork_desktop import paths
from cowork_desktop.atomic import make_private_folders, sync_to_disk, write_atomic
from cowork_desktop.domain.backups import RestoreFacts
from cowork_desktop.domain.errors import CoworkError, PassphraseRequired, StoreError
from cowork_desktop.domain.settings import NUMBERS, stored_number
from cowork_desktop.store import crypto, owner
from cowork_desktop.store.checks import preflight
from cowork_desktop.store.refusals import app_errors, translate

if TYPE_CHECKING:
    from cowork_desktop.store.store import Store

SETTING_FOLDER = "backup_folder"
SETTING_KEEP_DAILY = "backup_keep_daily"
SETTING_KEEP_WEEKLY = "backup_keep_weekly"
DEFAULT_KEEP_DAILY = NUMBERS[SETTING_KEEP_DAILY].default
DEFAULT_KEEP_WEEKLY = NUMBERS[SETTING_KEEP_WEEKLY].default
KEEP_PRE_MIGRATION = 3
KEEP_ALL_HOURS = 24
LOCATIONS_FILE = "backup-folders.json"

DAILY = "daily"
MANUAL = "manual"
SIGNED = "signed"  # after signing
EXIT = "exit"  # when the app closes, if anything changed
PRE_PURGE = "pre-purge"  # before a retention purge
PRE_MIGRATION = "pre-migration"
_ROTATED = (DAILY, MANUAL, SIGNED, EXIT, PRE_PURGE)
_KINDS = "|".join(re.escape(k) for k in (*_ROTATED, PRE_MIGRATION))
#: a backup's name after the database's stem: the identity's first 8 hex digits (absent in older backups)
_TAIL = re.compile(
    rf"^(?:-(?P<ident>[0-9a-f]{{8}}))?-(?P<stamp>\d{{8}}T\d{{6}}Z)-(?P<kind>{_KINDS})(?:-(?P<n>\d+))?\.db$"
)
#: a backup being written (".<name>.partial"): one left by a killed backup is swept by the next backup
PARTIAL_GRACE_SECONDS = 600


class BackupError(StoreError):
    """A backup could not be taken, checked or restored; the database itself is unchanged."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC
    kind: str
    #: the first 8 hex digits of the database's identity, from the name ('' in a name from before identities)
    ident: str = ""

    @property
    def local_day(self) -> date:
        return self.taken_at.astimezone().date()


# -- where ------------------------------------------------------------------------------------------------------


def default_folder(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def _locations_file() -> Path:
    return paths.data_dir() / LOCATIONS_FILE


def _entries() -> dict[str, dict[str, str]]:
    """What is remembered of each database, by its path: its backup folder (when not the default) and identity.
    (A file written before identities maps a path to its folder.)"""
    try:
        data = json.loads(_locations_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    found: dict[str, dict[str, str]] = {}
    for key, value in data.items():
        if isinstance(value, str):
            found[str(key)] = {"folder": value}
        elif isinstance(value, dict):
            found[str(key)] = {str(k): v for k, v in value.items() if isinstance(v, str) and v}
    return found


def _locations() -> dict[str, str]:
    return {k: v["folder"] for k, v in _entries().items() if v.get("folder")}


def _key(db_path: Path) -> str:
    return str(Path(db_path).resolve())


def _save_entries(entries: dict[str, dict[str, str]]) -> None:
    target = _locations_file()
    with contextlib.suppress(OSError, CoworkError):
        make_private_folders(target.parent)
        text = json.dumps({k: v for k, v in entries.items() if v}, indent=2, sort_keys=True)
        write_atomic(target, text.encode("utf-8"), replace=True)  # 0600, like every file the app writes


def _remember(db_path: Path, folder: Path | None, identity: str = "") -> None:
    entries = _entries()
    entry = dict(entries.get(_key(db_path), {}))
    if folder is None:
        entry.pop("folder", None)
    else:
        entry["folder"] = str(folder)
    if identity:
        entry["identity"] = identity
    if entries.get(_key(db_path), {}) != entry:
        entries[_key(db_path)] = entry
        _save_entries(entries)


def remember_identity(db_path: Path, identity: str) -> None:
    """Keep the database's identity outside it too, so a damaged database's backups can still be told apart."""
    if identity and _entries().get(_key(db_path), {}).get("identity") != identity:
        entries = _entries()
        entries.setdefault(_key(db_path), {})["identity"] = identity
        _save_entries(entries)


def read_identity(path: Path, passphrase: str | None = None) -> str:
    """The identity inside a database or backup file, read without writing anything ('' when it has none or
    cannot be read)."""
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return ""
        if crypto.is_encrypted(path):
            if passphrase is None:
                return ""
            conn = crypto.connect(path, passphrase, read_only=True)
        else:
            conn = sqlite3.connect(crypto.read_only_uri(path), uri=True, timeout=5)
        try:
            row = conn.execute("SELECT uuid FROM database_identity WHERE id = 1").fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, OSError, CoworkError):
        return ""
    return str(row[0]) if row else ""


def identity_of(db_path: Path, passphrase: str | None = None) -> str:
    """The database's identity: read from it, else as remembered ('' when neither is known)."""
    return read_identity(db_path, passphrase) or _entries().get(_key(db_path), {}).get("identity", "")


def database_with_identity(identity: str) -> str:
    """The path of the database with this identity (or its first 8 hex digits), as remembered, or ''."""
    for key, entry in _entries().items():
        if identity and entry.get("identity", "").startswith(identity[:8]):
            return key
    return ""


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a.absolute() == b.absolute()


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
    _remember(store.path, folder, store.identity())
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
    """How many daily and weekly backups the rotation keeps (the settings, read by ``domain.settings``)."""
    daily = stored_number(SETTING_KEEP_DAILY, store.get_setting(SETTING_KEEP_DAILY))
    return daily, stored_number(SETTING_KEEP_WEEKLY, store.get_setting(SETTING_KEEP_WEEKLY))


def _ensure_folder(folder: Path) -> None:
    try:
        make_private_folders(folder)
    except CoworkError as exc:
        raise BackupError(f"cannot use {folder} for backups ({str(exc).rpartition(': ')[2]})") from None
    if not folder.is_dir():
        raise BackupError(f"cannot use {folder} for backups (not a folder)")


# -- copying ----------------------------------------------------------------------------------------------------


def _remove(*targets: Path) -> None:
    for target in targets:
        with contextlib.suppress(OSError):
            target.unlink()


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
        sync_to_disk(tmp)
        os.replace(tmp, target)
        sync_to_disk(target.parent)
    except BackupError:
        _remove(*leftovers)
        raise
    except (sqlite3.Error, OSError) as exc:
        _remove(*leftovers)
        raise BackupError(_disk_message(exc, target.parent)) from None
    except BaseException:
        _remove(*leftovers)
        raise


def _name(stem: str, ident: str, when: datetime, kind: str, n: int = 0) -> str:
    stamp = when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{stem}{f'-{ident[:8]}' if ident else ''}-{stamp}-{kind}{f'-{n}' if n else ''}.db"


def _unique(folder: Path, stem: str, ident: str, when: datetime, kind: str) -> Path:
    n = 0
    while os.path.lexists(folder / _name(stem, ident, when, kind, n)):
        n += 1
    return folder / _name(stem, ident, when, kind, n)


def parse_name(name: str, stem: str) -> Backup | None:
    """The backup a file name describes, if it is a backup of a database named ``stem`` (path left empty)."""
    if not name.startswith(stem):
        return None
    m = _TAIL.match(name[len(stem) :])
    if not m:
        return None
    taken = datetime.strptime(m["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    return Backup(Path(name), taken, m["kind"], m["ident"] or "")


def list_backups(db_path: Path, folder: Path | None = None, identity: str | None = None) -> list[Backup]:
    """The backups of ``db_path`` in ``folder`` (default: every candidate folder), newest first.

    Only this database's: those named with its identity (``identity``, default: read from the database or as
    remembered). A backup named before identities existed counts only in the folder beside the database; when the
    identity is not known at all, only the backups in that folder count."""
    db_path = Path(db_path)
    stem = db_path.stem
    ident = (identity_of(db_path) if identity is None else identity)[:8]
    beside = default_folder(db_path)
    folders: Iterable[Path] = [folder] if folder is not None else candidate_folders(db_path)
    found: dict[Path, Backup] = {}
    for where in folders:
        try:
            entries = list(where.iterdir())
        except OSError:
            continue
        is_beside = _same_folder(where, beside)
        for entry in entries:
            parsed = parse_name(entry.name, stem)
            if parsed is None or not entry.is_file():
                continue
            if parsed.ident:
                if (ident and parsed.ident != ident) or (not ident and not is_beside):
                    continue
            elif not is_beside:
                continue
            found[entry] = Backup(entry, parsed.taken_at, parsed.kind, parsed.ident)
    return sorted(found.values(), key=lambda b: (b.taken_at, b.path.name), reverse=True)


def rotation_keeps(backups: list[Backup], keep_daily: int, keep_weekly: int) -> set[Path]:
    """Grandfather-father-son: every backup of the :data:`KEEP_ALL_HOURS` before the newest, then the newest backup
    of each of the last ``keep_daily`` days that have one, and of each of the last ``keep_weekly`` ISO weeks."""
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    if not newest_first:
        return set()
    recent = newest_first[0].taken_at - timedelta(hours=KEEP_ALL_HOURS)
    keep = {b.path for b in newest_first if b.taken_at > recent}
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
    folder: Path,
    db_path: Path,
    keep_daily: int,
    keep_weekly: int,
    protect: Path | None = None,
    identity: str | None = None,
) -> list[Path]:
    """Delete this database's backups the rotation no longer keeps, and all but the last few pre-migration
    ones (never ``protect``, the backup just taken; never another database's); returns what was deleted."""
    backups = list_backups(db_path, folder, identity)
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


def sweep_partials(folder: Path, *, now: datetime | None = None) -> list[Path]:
    """Remove what killed backups left in ``folder`` (hidden ``.<name>.partial`` files, with their -journal,
    -wal and -shm), once nothing has written to them for :data:`PARTIAL_GRACE_SECONDS`: a backup still being
    written is left alone. Returns what was removed."""
    limit = (now or datetime.now(UTC)).timestamp() - PARTIAL_GRACE_SECONDS
    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and re.search(r"\.db\.partial(-journal|-wal|-shm)?$", name)):
            continue
        try:
            if entry.is_file() and entry.stat().st_mtime < limit:
                entry.unlink()
                removed.append(entry)
        except OSError:
            continue
    return removed


def take(store: Store, kind: str = MANUAL, *, now: datetime | None = None) -> Backup:
    """A checked backup into the backup folder, then the rotation. Raises :class:`BackupError` (or the store's
    own error: never ``sqlite3``'s)."""
    with app_errors(store.path):
        return _take(store, kind, now)


def _take(store: Store, kind: str, now: datetime | None) -> Backup:
    when = now or datetime.now(UTC)
    folder = folder_for(store)
    _ensure_folder(folder)
    sweep_partials(folder, now=when)
    identity = store.identity()
    target = _unique(folder, store.path.stem, identity, when, kind)
    copy_database(store.db.conn, target, encrypted=store.encrypted)
    keep_daily, keep_weekly = keep_counts(store)
    rotate(folder, store.path, keep_daily, keep_weekly, protect=target, identity=identity)
    _remember(store.path, folder if not _same_folder(folder, default_folder(store.path)) else None, identity)
    taken = Backup(target, when, kind, identity[:8])
    record(store, taken)
    return taken


def record(store: Store, taken: Backup) -> None:
    """The audit entry of a backup (none through a read-only store: a backup taken on another thread is recorded
    by the app's own store when it is done)."""
    with contextlib.suppress(CoworkError, sqlite3.Error), store.tx():
        store.audit("backup", "database", None, kind=taken.kind, file=taken.path.name)


def is_due_today(store: Store, *, now: datetime | None = None) -> bool:
    """No backup of this database from today yet (the start-up backup is then due)."""
    today = (now or datetime.now(UTC)).astimezone().date()
    return not any(
        b.kind in _ROTATED and b.local_day == today
        for b in list_backups(store.path, folder_for(store), store.identity())
    )


def latest(store: Store) -> Backup | None:
    """This database's newest backup in its backup folder, if any."""
    found = list_backups(store.path, folder_for(store), store.identity())
    return found[0] if found else None


def daily_if_due(store: Store, *, now: datetime | None = None) -> Backup | None:
    """The start-up backup: taken when there is no backup of this database from today yet."""
    when = now or datetime.now(UTC)
    return take(store, DAILY, now=when) if is_due_today(store, now=when) else None


def backup_to_file(store: Store, out: Path) -> Path:
    """``cowork backup --out FILE``: a checked copy at ``out`` (a folder: the usual name in it); never replaces."""
    out = Path(out).expanduser()
    if out.is_dir():
        out = _unique(out, store.path.stem, store.identity(), datetime.now(UTC), MANUAL)
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
    from cowork_desktop.store.migrations import pending_identity

    identity = pending_identity(
        conn
    )  # an older database gets its identity in this migration: named with it now
    try:
        _ensure_folder(folder)
        sweep_partials(folder)
        target = _unique(folder, Path(db_path).stem, identity, datetime.now(UTC), PRE_MIGRATION)
        copy_database(conn, target, encrypted=encrypted)
    except BackupError as exc:
        raise BackupError(f"{db_path}: not updated, because no backup could be taken first: {exc}") from None
    rotate(folder, db_path, DEFAULT_KEEP_DAILY, DEFAULT_KEEP_WEEKLY, protect=target, identity=identity)
    _remember(db_path, folder if setting else None, identity)
    return target


# -- checking and restoring ---------------------------------------------------------------------------------------


def verify(path: Path, passphrase: str | None = None) -> bool:
    """Check a backup file fully (``integrity_check``, a cowork schema this version knows); True if encrypted.
    Raises :class:`StoreError` (:class:`PassphraseRequired` for an encrypted one without its passphrase)."""
    path = Path(path)
    if path.is_dir():
        raise BackupError(f"{path} is a folder: give one backup file in it (the names end in .db)")
    if not path.is_file():
        raise BackupError(f"{path}: no backup file here")
    if path.stat().st_size == 0:
        raise BackupError(f"{path}: the backup file is empty")
    return preflight(path, passphrase, full=True)


def latest_good(db_path: Path, passphrase: str | None = None) -> Path | None:
    """The newest backup of ``db_path`` (this database's, by its identity) that passes :func:`verify` and carries
    the same identity inside (an encrypted one, without its passphrase: the newest that was checked when it was
    taken). Never raises."""
    identity = identity_of(Path(db_path), passphrase)
    for b in list_backups(Path(db_path), identity=identity):
        try:
            verify(b.path, passphrase)
        except PassphraseRequired:
            return b.path
        except (CoworkError, OSError, sqlite3.Error):
            continue
        inside = read_identity(b.path, passphrase)
        if identity and inside and inside != identity:
            continue
        return b.path
    return None


@dataclass(frozen=True)
class _Contents:
    """What a database or backup file holds, for comparing the two before a restore."""

    identity: str
    first_entry: str  # the audit log's first hash: shared by a database and its backups
    signed: frozenset[int]
    drafts: dict[int, str]  # unsigned records: id -> updated_at
    last_at: datetime | None  # the last audit entry's time


def _contents(path: Path, passphrase: str | None) -> _Contents:
    try:
        return _read_contents(path, passphrase)
    except sqlite3.Error as exc:
        raise translate(exc, path) from None


def _read_contents(path: Path, passphrase: str | None) -> _Contents:
    if crypto.is_encrypted(path):
        if passphrase is None:
            raise PassphraseRequired(f"{path}: encrypted")
        conn = crypto.connect(path, passphrase, read_only=True)
    else:
        conn = sqlite3.connect(crypto.read_only_uri(path), uri=True, timeout=5)
    try:
        try:
            row = conn.execute("SELECT uuid FROM database_identity WHERE id = 1").fetchone()
            identity = str(row[0]) if row else ""
        except sqlite3.OperationalError:
            identity = ""
        first = conn.execute("SELECT hash FROM audit_log ORDER BY id LIMIT 1").fetchone()
        last = conn.execute("SELECT at FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        signed = frozenset(int(r[0]) for r in conn.execute("SELECT id FROM records WHERE status = 'signed'"))
        drafts = {
            int(r[0]): str(r[1])
            for r in conn.execute("SELECT id, updated_at FROM records WHERE status <> 'signed'")
        }
    finally:
        conn.close()
    last_at = None
    if last:
        with contextlib.suppress(ValueError):
            last_at = datetime.fromisoformat(str(last[0]))
    return _Contents(identity, str(first[0]) if first and first[0] else "", signed, drafts, last_at)


def plan_restore(
    db_path: Path,
    source: Path,
    passphrase: str | None = None,
    *,
    db_passphrase: str | None = None,
) -> RestoreFacts:
    """What restoring ``source`` over ``db_path`` would do, found without changing anything: the backup is checked
    in full (:func:`verify`, raises when it cannot be restored), its age, the signed records and drafts the database
    has that it lacks, and what needs confirming (another database's backup; encryption removed or added).
    ``db_passphrase``: the database's own, when it differs from the backup's (default: the same)."""
    with app_errors(Path(source)):
        return _plan_restore(Path(db_path), Path(source).expanduser(), passphrase, db_passphrase)


def _plan_restore(
    db_path: Path, source: Path, passphrase: str | None, db_passphrase: str | None
) -> RestoreFacts:
    db_path = Path(db_path)
    source = Path(source).expanduser()
    backup_encrypted = verify(source, passphrase)
    held = _contents(source, passphrase)
    now_there = db_path.is_file() and db_path.stat().st_size > 0
    current: _Contents | None = None
    if now_there:
        try:
            current = _contents(db_path, db_passphrase if db_passphrase is not None else passphrase)
        except (CoworkError, sqlite3.Error, OSError):
            current = None  # damaged, or another passphrase: what it holds is not known
    named = parse_name(source.name, db_path.stem)
    db_identity = (current.identity if current else "") or identity_of(db_path)
    backup_identity = held.identity or (named.ident if named else "")
    confirm: list[str] = []
    if db_identity and backup_identity and not db_identity.startswith(backup_identity):
        other = database_with_identity(backup_identity)
        confirm.append(
            f"{source.name} is a backup of another database ({other or 'identity ' + backup_identity[:8]}), "
            f"not of {db_path} (identity {db_identity[:8]})"
        )
    elif current and current.first_entry and held.first_entry and current.first_entry != held.first_entry:
        confirm.append(
            f"{source.name} is a backup of another database (its audit log does not start as {db_path}'s does)"
        )
    if now_there:
        db_encrypted = crypto.is_encrypted(db_path)
        if db_encrypted and not backup_encrypted:
            confirm.append(
                f"{source.name} is not encrypted: restoring it leaves {db_path.name} readable without a passphrase"
            )
        elif backup_encrypted and not db_encrypted:
            confirm.append(
                f"{source.name} is encrypted: after the restore {db_path.name} opens only with its passphrase"
            )
    stamp = re.search(r"-(\d{8}T\d{6}Z)-", source.name)
    taken_at = datetime.strptime(stamp[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC) if stamp else held.last_at
    newer_signed = newer_drafts = 0
    if current is not None:
        newer_signed = len(current.signed - held.signed)
        newer_drafts = sum(1 for i, updated in current.drafts.items() if held.drafts.get(i, "") < updated)
    return RestoreFacts(
        backup_name=source.name,
        taken_at=taken_at,
        newer_signed=newer_signed,
        newer_drafts=newer_drafts,
        database_unread=now_there and current is None,
        confirm=confirm,
    )


class RestoreNeedsConfirmation(BackupError):
    """The restore would replace the database with another database's backup, or change whether it is
    encrypted: done only when confirmed (``force``)."""

    def __init__(self, message: str, facts: RestoreFacts) -> None:
        super().__init__(message)
        self.facts = facts


def restore(
    db_path: Path,
    source: Path,
    passphrase: str | None = None,
    *,
    force: bool = False,
    held: owner.OwnerLock | None = None,
    db_passphrase: str | None = None,
    now: datetime | None = None,
) -> Path | None:
    """Put the backup ``source`` in place of the database at ``db_path``.

    Refused (:class:`HeldElsewhere`) while the database is open in the app or another command (``held``: the
    caller's own lock, the app restoring the database it has open and has closed). The backup is checked first
    (:func:`plan_restore`); another database's backup, or one that would remove or add encryption, is refused
    (:class:`RestoreNeedsConfirmation`) unless ``force``. The current file (and its -wal/-shm) is moved aside to
    ``<name>.before-restore-<time>``, never overwritten or deleted. Returns that path (None if there was no file).
    """
    db_path = Path(db_path)
    source = Path(source).expanduser()
    if source.exists() and db_path.exists() and source.resolve() == db_path.resolve():
        raise BackupError("the backup to restore is the database itself")
    with owner.sole(db_path, "restoring a backup", held):
        facts = plan_restore(db_path, source, passphrase, db_passphrase=db_passphrase)
        if facts.confirm and not force:
            raise RestoreNeedsConfirmation(
                f"{facts.confirm[0]}; nothing was restored (--force restores it anyway)", facts
            )
        return _put_in_place(db_path, source, now)


def _put_in_place(db_path: Path, source: Path, now: datetime | None) -> Path | None:
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    tmp = db_path.with_name(f".{db_path.name}.restoring")
    try:
        make_private_folders(db_path.parent)
        _remove(tmp)
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        shutil.copyfile(source, tmp)  # a closed, checked backup: a file copy is safe here
        sync_to_disk(tmp)
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
    sync_to_disk(db_path.parent)
    return aside
