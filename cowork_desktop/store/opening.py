"""Open a database: create it (0600), refuse a damaged, foreign or newer file without writing to it, configure
the connection (WAL, foreign keys), back it up before a migration and migrate it."""

from __future__ import annotations

import getpass
import glob
import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from cowork_desktop.atomic import make_private_folders
from cowork_desktop.domain.errors import DamagedDatabase, StoreError
from cowork_desktop.store import backup, crypto
from cowork_desktop.store.checks import (
    add_functions,
    check_file_pages,
    preflight,
    read_only_connection,
)
from cowork_desktop.store.migrations import migrations
from cowork_desktop.store.refusals import damaged, is_busy, is_damage
from cowork_desktop.store.store import Store


def damage_found(exc: BaseException, path: Path, passphrase: str | None = None) -> DamagedDatabase | None:
    """The refusal to give when reading the database failed because the file is damaged (a page the cheap
    checks on opening do not read), naming its latest good backup; None for any other error."""
    if not isinstance(exc, sqlite3.Error) or not is_damage(exc):
        return None
    return with_latest_backup(damaged(path, exc), path, passphrase)


def _create_private_file(path: Path) -> None:
    make_private_folders(path.parent)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _moved_aside(path: Path) -> Path | None:
    """The newest ``<name>.before-restore-<time>`` beside a database path: what a restore moved aside."""
    try:
        found = sorted(path.parent.glob(f"{glob.escape(path.name)}.before-restore-*"))
    except OSError:
        return None
    found = [f for f in found if not f.name.endswith(("-wal", "-shm"))]
    return found[-1] if found else None


def _tighten(path: Path) -> str | None:
    """A database readable (or writable) by other users of this computer is made its owner's only, with its
    -wal and -shm; the one-line note to show, or None when it was private already."""
    if os.name == "nt":  # pragma: no cover - Windows files follow their folder's access list
        return None
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        return None
    if not mode & 0o077:
        return None
    try:
        for target in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            if target.exists():
                os.chmod(target, 0o600)
    except OSError as exc:
        return f"{path} can be read by other users of this computer, and could not be made private ({exc.strerror or exc})"
    return f"{path} could be read by other users of this computer (mode {mode:o}); it is now yours only (600)"


def _writable_here(path: Path) -> str | None:
    """Why an existing database cannot be written here (its folder or the file is read-only), or None."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"its folder {folder} is read-only here"
    if not os.access(path, os.W_OK):
        return "the file is read-only here"
    return None


def with_latest_backup(exc: DamagedDatabase, path: Path, passphrase: str | None) -> DamagedDatabase:
    """The same refusal, naming the latest good backup of this database when there is one."""
    try:
        found = backup.latest_good(path, passphrase)
    except Exception:  # looking for a backup must never hide the real problem
        found = None
    if found is None:
        return DamagedDatabase(str(exc), path, None)
    return DamagedDatabase(
        f"{exc}; the latest good backup is {found} (cowork restore --db {path} --from {found})", path, found
    )


def configure(conn: sqlite3.Connection, path: Path) -> None:
    """The same settings on a plain and on an encrypted connection."""
    add_functions(conn)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise StoreError(f"{path}: cannot use a write-ahead log here (journal mode {mode})")


def open_store(
    path: Path | str,
    *,
    create: bool = True,
    actor: str | None = None,
    passphrase: str | None = None,
    backup_before_migration: bool = True,
    check_pages: bool = False,
) -> Store:
    """Open (or create) the database at ``path`` and bring its schema up to date.

    An encrypted database needs its ``passphrase``; a new database is created encrypted when one is given (and
    plain when not). A passphrase given for an existing plain database is not needed and is ignored. Before a
    migration changes an existing database, a checked backup is taken (``store.backup``).

    Opening makes the cheap checks only (the file's header and size, its schema and migrations: a few pages
    read, whatever the size). The full page check (``PRAGMA quick_check``, which reads every page: about 3 s for
    2.4 GB) runs here with ``check_pages``, always before a migration, and otherwise before the store's first
    write (:meth:`Store.tx`), unless :meth:`Store.start_page_check` runs it on a thread of its own first (the
    app does, just after its first paint): a damaged file is refused before anything is written to it.
    """
    path = Path(path)
    if passphrase is not None:
        crypto.check_passphrase(passphrase)
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    encrypted = False
    pages_checked = check_pages
    if path.exists():
        empty = path.is_file() and path.stat().st_size == 0
        if empty and not create:
            raise StoreError(f"{path}: the database file is empty (run 'cowork init' to create a database)")
        if empty:
            encrypted = passphrase is not None
            if encrypted:
                crypto.require_available()
        else:
            try:
                encrypted = preflight(path, passphrase, pages=check_pages)
            except DamagedDatabase as exc:
                raise with_latest_backup(exc, path, passphrase) from None
    elif create:
        aside = _moved_aside(path)
        if aside is not None:
            raise StoreError(
                f"{path} is not there, but {aside.name} beside it is the database a restore moved aside: restore it "
                f"(cowork restore --db {path} --from {aside}) or move it away; no new database was made"
            )
        if passphrase is not None:
            crypto.require_available()
        try:
            _create_private_file(path)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create the database ({exc.strerror or exc})") from None
        encrypted = passphrase is not None
    else:
        aside = _moved_aside(path)
        if aside is not None:
            raise StoreError(
                f"{path} is not there, but {aside.name} beside it is the database a restore moved aside: restore it "
                f"(cowork restore --db {path} --from {aside})"
            )
        raise StoreError(f"{path}: no database here (run 'cowork demo' or 'cowork init' to create one)")
    if path.stat().st_size > 0:
        reason = _writable_here(path)
        if reason is not None:
            return _open_read_only_here(path, passphrase if encrypted else None, reason, actor)
    note = _tighten(path)
    conn: sqlite3.Connection | None = None
    try:
        if encrypted:
            assert passphrase is not None
            conn = crypto.connect(path, passphrase)
        else:
            conn = sqlite3.connect(str(path), timeout=5, check_same_thread=False)
        db = Database(conn, execute_plugins=False)
        configure(conn, path)
        pending, applied = migrations.pending(db), migrations.applied(db)
        if not applied:
            pages_checked = True  # a new database: no page of ours to check
        elif pending and not pages_checked:
            check_file_pages(conn, path)  # never migrate a file whose pages were not read back
            pages_checked = True
        if pending and applied and backup_before_migration:
            backup.before_migration(conn, path, encrypted=encrypted)
        migrations.apply(db)
    except sqlite3.OperationalError as exc:
        if conn is not None:
            conn.close()
        msg = str(exc)
        if is_busy(msg):
            raise StoreError(
                f"{path}: the database is locked by another program; close it and try again"
            ) from None
        if "readonly" in msg or "read-only" in msg:
            raise StoreError(
                f"{path}: the database is read-only here; check the folder's permissions"
            ) from None
        raise StoreError(f"{path}: cannot open the database ({msg})") from None
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        raise DamagedDatabase(
            f"{path}: the database file is damaged ({exc}); restore a backup", path
        ) from None
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    store = Store(db, path, actor or getpass.getuser(), encrypted=encrypted)
    if pages_checked:
        store.pages_passed()
    if note:
        store.notes.append(note)
    try:
        identity = store.identity()
    except DamagedDatabase as exc:  # a damaged page the cheap checks did not read
        store.close()
        raise with_latest_backup(exc, path, passphrase if encrypted else None) from None
    backup.remember_identity(path, identity)
    return store


def _open_read_only_here(path: Path, passphrase: str | None, reason: str, actor: str | None) -> Store:
    """An existing database that cannot be written here, opened to be read: refused when it needs an update."""
    store = open_read_only(path, passphrase, actor=actor or getpass.getuser())
    try:
        if migrations.pending(store.db):
            raise StoreError(
                f"{path}: this database needs an update, which cannot be written here ({reason}); "
                "open it where it can be written"
            )
    except sqlite3.Error as exc:
        store.close()
        raise StoreError(f"{path}: cannot open the database ({exc})") from None
    except StoreError:
        store.close()
        raise
    store.read_only = f"the database cannot be written here ({reason})"
    return store


def open_backup_source(path: Path | str, passphrase: str | None = None) -> Store:
    """A second connection to an open database, for backups taken on another thread: it reads (and exports an
    encrypted copy through SQLCipher's ATTACH) but writes nothing to the database (its store is read-only)."""
    path = Path(path)
    try:
        if passphrase is not None:
            conn = crypto.connect(path, passphrase)
        else:
            conn = sqlite3.connect(str(path), timeout=5, check_same_thread=False)
        add_functions(conn)
        conn.execute("PRAGMA busy_timeout = 5000")
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database for its backups ({exc})") from None
    store = Store(Database(conn, execute_plugins=False), path, "backup", encrypted=passphrase is not None)
    store.read_only = "a connection for backups only"
    return store


def open_read_only(path: Path | str, passphrase: str | None = None, *, actor: str = "check") -> Store:
    """A second, read-only connection to a database (or a backup) for checks that run beside the app, e.g. on
    another thread: nothing is written, not even a migration. StoreError when it cannot be opened."""
    path = Path(path)
    conn = read_only_connection(path, passphrase)
    store = Store(Database(conn, execute_plugins=False), path, actor, encrypted=passphrase is not None)
    # said, so that nothing tries to write through it (a write would first check every page, then be refused)
    store.read_only = "a read-only connection, for checks and views read beside the app"
    return store
