"""The read-only checks a database file passes before it is used: its header, its pages, that it is ours and
not newer (:func:`preflight`), and the full page check on a thread of its own (:class:`PageCheck`)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from cowork_desktop.domain.errors import DamagedDatabase, PassphraseRequired, StoreError, WrongPassphrase
from cowork_desktop.domain.names import name_key
from cowork_desktop.store import crypto
from cowork_desktop.store.migrations import known_migration_names
from cowork_desktop.store.refusals import is_busy


def check_file_pages(conn: sqlite3.Connection, path: Path, *, full: bool = False) -> None:
    """``PRAGMA quick_check`` (or ``integrity_check``): every page of the file reads back. Read-only."""
    check = "integrity_check" if full else "quick_check"
    rows = conn.execute(f"PRAGMA {check}").fetchall()
    result = "; ".join(str(r[0]) for r in rows[:3]) if rows else "no answer"
    if result != "ok":
        raise DamagedDatabase(f"{path}: the database file is damaged ({result}); restore a backup", path)


def header_problem(header: bytes, size: int) -> str | None:
    """What is wrong with a plain SQLite file's 100-byte header, from the header and the file's size alone (no
    page is read): a page size SQLite never writes, or a file shorter than the pages its header counts. None
    when it looks whole. The cheap check every open makes; ``PRAGMA quick_check`` reads every page."""
    raw = int.from_bytes(header[16:18], "big")
    page_size = 65536 if raw == 1 else raw
    if page_size < 512 or page_size & (page_size - 1):
        return "its header names no valid page size"
    if size % page_size:
        return "it is not a whole number of pages: it was cut short"
    pages = int.from_bytes(header[28:32], "big")
    # the page count is kept in the header only when its "version valid for" matches the change counter
    if pages and header[92:96] == header[24:28] and size < pages * page_size:
        return f"it is cut short ({size // page_size} of its {pages} pages)"
    return None


def check_open(conn: sqlite3.Connection, path: Path, *, full: bool = False, pages: bool = True) -> None:
    """The read-only checks on an open connection: the whole file reads back (unless ``pages`` is False: the
    caller checks them later), it is ours, and not newer."""
    try:
        if pages:
            check_file_pages(conn, path, full=full)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "_sqlite_migrations" not in tables:
            raise StoreError(f"{path}: not a cowork database (an SQLite file from another program)")
        if "_sqlite_migrations" in tables:
            applied = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = 'cowork' ORDER BY rowid"
                )
            ]
            known = set(known_migration_names())
            unknown = [n for n in applied if n not in known]
            if unknown:
                raise StoreError(
                    f"{path}: this database was written by a newer version of cowork-desktop "
                    f"(schema {len(applied)}, this version knows {len(known)}); install the newer version"
                )
    except sqlite3.DatabaseError as exc:
        msg = str(exc)
        if is_busy(msg):
            raise StoreError(
                f"{path}: the database is locked by another program; close it and try again"
            ) from None
        raise DamagedDatabase(
            f"{path}: the database file is damaged ({msg}); restore a backup", path
        ) from None


def preflight(path: Path, passphrase: str | None = None, *, full: bool = False, pages: bool = True) -> bool:
    """Refuse, without writing anything, a file that is not an SQLite database or is damaged or newer.

    Returns True when the file is an encrypted (SQLCipher) database that ``passphrase`` opens. An encrypted
    file without a passphrase raises :class:`PassphraseRequired`; a wrong one :class:`WrongPassphrase`.
    ``full`` runs ``integrity_check`` instead of ``quick_check`` (backups and restores).
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            header = fh.read(100)
    except PermissionError:
        raise StoreError(f"{path}: cannot read the database file (permission denied)") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the database file ({exc.strerror or exc})") from None
    if len(header) == 0:
        return False  # an empty file: treated as a new database
    kind = crypto.classify(header, size)
    if kind == "sqlite":
        if len(header) < 100:
            raise DamagedDatabase(
                f"{path}: the database file is damaged (truncated header); restore a backup", path
            )
        problem = header_problem(header, size)
        if problem is not None:
            raise DamagedDatabase(f"{path}: the database file is damaged ({problem}); restore a backup", path)
        try:
            conn = sqlite3.connect(crypto.read_only_uri(path), uri=True, timeout=5)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the database ({exc})") from None
        try:
            check_open(conn, path, full=full, pages=pages)
        finally:
            conn.close()
        return False
    if passphrase is None:
        if kind == "encrypted":
            raise PassphraseRequired(
                f"{path}: this database is encrypted: give its passphrase (--passphrase-env VAR)"
            )
        if kind == "encrypted-damaged":
            raise DamagedDatabase(
                f"{path}: the database file is damaged (an encrypted file cut short); restore a backup", path
            )
        raise DamagedDatabase(f"{path}: not a cowork database (the file is not an SQLite database)", path)
    try:
        conn = crypto.connect(path, passphrase, read_only=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database ({exc})") from None
    try:
        try:
            opened = crypto.check_key(conn)
        except sqlite3.DatabaseError as exc:
            if is_busy(str(exc)):
                raise StoreError(
                    f"{path}: the database is locked by another program; close it and try again"
                ) from None
            opened = False
        if opened and kind == "encrypted-damaged":  # the key opens it, but its last page is cut short
            raise DamagedDatabase(
                f"{path}: the database file is damaged (an encrypted file cut short); restore a backup", path
            )
        if not opened:
            if kind == "encrypted":
                raise WrongPassphrase(f"wrong passphrase for {path}")
            if kind == "encrypted-damaged":
                raise DamagedDatabase(
                    f"{path}: the database file is damaged (an encrypted file cut short); restore a backup",
                    path,
                )
            raise DamagedDatabase(f"{path}: not a cowork database, or the passphrase is wrong", path)
        check_open(conn, path, full=full, pages=pages)
    finally:
        conn.close()
    return True


def read_only_connection(path: Path, passphrase: str | None = None) -> sqlite3.Connection:
    """A read-only connection (``query_only``) to a database or a backup, encrypted or not, with the store's SQL
    functions: nothing is written through it, not even a migration. StoreError when it cannot be opened."""
    try:
        if passphrase is not None and crypto.is_encrypted(path):
            conn = crypto.connect(path, passphrase, read_only=True)
        else:
            conn = sqlite3.connect(crypto.read_only_uri(path), uri=True, timeout=5, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA query_only = 1")
        add_functions(conn)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database to check it ({exc})") from None
    return conn


def add_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the store's queries use, on every connection (plain, encrypted, read-only)."""
    conn.create_function(
        "cowork_key", 1, lambda v: name_key(v) if isinstance(v, str) else "", deterministic=True
    )


class PageCheck:
    """The full page check (``PRAGMA quick_check``) of a database file on a thread of its own, through its own
    read-only connection, so a window stays responsive while every page is read (about 3 s for 2.4 GB).

    ``error`` is None once every page has read back; a :class:`DamagedDatabase` when one does not; another
    :class:`StoreError` when the check could not run (then the store checks on its own connection before it
    writes). ``on_done(error)`` is called on the check's thread. The passphrase is held only until the check's
    connection is open."""

    def __init__(
        self,
        path: Path,
        passphrase: str | None = None,
        on_done: Callable[[StoreError | None], None] | None = None,
    ) -> None:
        self.path = path
        self._passphrase = passphrase
        self._on_done = on_done
        self._finished = threading.Event()
        self.error: StoreError | None = None
        self.thread = threading.Thread(target=self._run, name="page-check", daemon=True)

    def start(self) -> PageCheck:
        self.thread.start()
        return self

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the check has finished (True) or ``timeout`` seconds have passed (False)."""
        return self._finished.wait(timeout)

    def _run(self) -> None:
        passphrase, self._passphrase = self._passphrase, None
        error: StoreError | None = None
        try:
            reader = read_only_connection(self.path, passphrase)
            try:
                check_file_pages(reader, self.path)
            finally:
                reader.close()
        except StoreError as exc:
            error = exc
        except sqlite3.DatabaseError as exc:
            if is_busy(str(exc)):
                error = StoreError(f"{self.path}: the page check could not run ({exc})")
            else:
                error = DamagedDatabase(
                    f"{self.path}: the database file is damaged ({exc}); restore a backup", self.path
                )
        except Exception as exc:  # never lost on a thread: the store checks again before it writes
            error = StoreError(f"{self.path}: the page check could not run ({exc})")
        self.error = error
        self._finished.set()
        on_done, self._on_done = self._on_done, None  # told once, and nothing it refers to is kept
        if on_done is not None:
            on_done(error)


# The case search (Store.count_cases, Store.list_cases). The keys are kept beside the reference and the name when
