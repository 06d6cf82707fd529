"""Open the database (file mode 0600, WAL, foreign keys, migrations) and read/write its rows.

Every use case that writes runs in one transaction (``Store.tx()``) together with its audit-log entry.
A file that is not an SQLite database, is damaged, or was written by a newer version is refused with a
:class:`StoreError` and never modified.
"""

from __future__ import annotations

import getpass
import glob
import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from cowork_desktop.domain.audit import GENESIS, entry_hash
from cowork_desktop.domain.audit import Entry as AuditEntry
from cowork_desktop.domain.due import ActionSummary, CoAllocationState, RecordFacts, RecordSummary
from cowork_desktop.domain.errors import (
    DamagedDatabase,
    LockedRecordError,
    NotFoundError,
    PassphraseRequired,
    ProtectionsMissing,
    ReadOnlyDatabase,
    StaleDraft,
    StoreError,
    ValidationError,
    WrongPassphrase,
)
from cowork_desktop.domain.forms import FormDefinition
from cowork_desktop.domain.models import (
    Action,
    Case,
    CaseStatus,
    CoAllocation,
    PlanType,
    Reason,
    Record,
    RecordKind,
    RecordStatus,
    Role,
    Signature,
    Worker,
)
from cowork_desktop.domain.names import name_key
from cowork_desktop.forms.loader import definition_from_dict, definition_to_dict
from cowork_desktop.store import crypto, schema
from cowork_desktop.store.migrations import known_migration_names, migrations
from cowork_desktop.store.schema import SchemaProblem

SQLITE_HEADER = crypto.SQLITE_HEADER

#: A signed record replaced by a signed amendment no longer counts (its actions and facts are the amendment's).
NOT_SUPERSEDED = "NOT EXISTS (SELECT 1 FROM records n WHERE n.supersedes_id = r.id AND n.status = 'signed')"
#: An action ``a`` of record ``r`` is current when ``r`` is, or when a current signed amendment carries it.
CURRENT_ACTION = (
    f"({NOT_SUPERSEDED} OR EXISTS (SELECT 1 FROM action_carries c JOIN records k ON k.id = c.record_id"
    " WHERE c.action_id = a.id AND k.status = 'signed' AND NOT EXISTS (SELECT 1 FROM records n2"
    " WHERE n2.supersedes_id = k.id AND n2.status = 'signed')))"
)


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


#: stands in for a JSON column that no longer parses (a check then names the record, rather than stopping)
UNREADABLE = "\u0000unreadable"


def _readable(row: dict[str, Any]) -> dict[str, Any]:
    """A records row whose JSON columns parse; one that does not keeps its text under :data:`UNREADABLE`."""
    out = dict(row)
    for column in ("answers", "signed_frame"):
        text = out.get(column)
        if not text:
            continue
        try:
            json.loads(text)
        except ValueError:
            out[column] = json.dumps({UNREADABLE: text})
    return out


def _locked_message(exc: sqlite3.DatabaseError) -> str | None:
    text = str(exc)
    for marker in (
        "signed and locked",
        "cannot be changed",
        "cannot be deleted",
        "append-only",
        "frozen while signatures",
        "cannot take more",
        "signatures are added only",
        "needs signatures",
        "signed only after",
    ):
        if marker in text:
            return text
    return None


def _is_busy(msg: str) -> bool:
    return "locked" in msg or "busy" in msg


def damage_found(exc: sqlite3.Error, path: Path, passphrase: str | None = None) -> DamagedDatabase | None:
    """The refusal to give when reading the database failed because the file is damaged (a page the cheap
    checks on opening do not read), naming its latest good backup; None for any other error."""
    msg = str(exc)
    if not any(word in msg for word in ("malformed", "not a database", "disk image")):
        return None
    damaged = DamagedDatabase(f"{path}: the database file is damaged ({msg}); restore a backup", path)
    return with_latest_backup(damaged, path, passphrase)


def _check_pages(conn: sqlite3.Connection, path: Path, *, full: bool = False) -> None:
    """``PRAGMA quick_check`` (or ``integrity_check``): every page of the file reads back. Read-only."""
    check = "integrity_check" if full else "quick_check"
    rows = conn.execute(f"PRAGMA {check}").fetchall()
    result = "; ".join(str(r[0]) for r in rows[:3]) if rows else "no answer"
    if result != "ok":
        raise DamagedDatabase(f"{path}: the database file is damaged ({result}); restore a backup", path)


def _header_problem(header: bytes, size: int) -> str | None:
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


def _check_open(conn: sqlite3.Connection, path: Path, *, full: bool = False, pages: bool = True) -> None:
    """The read-only checks on an open connection: the whole file reads back (unless ``pages`` is False: the
    caller checks them later), it is ours, and not newer."""
    try:
        if pages:
            _check_pages(conn, path, full=full)
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
        if _is_busy(msg):
            raise StoreError(
                f"{path}: the database is locked by another program; close it and try again"
            ) from None
        raise DamagedDatabase(
            f"{path}: the database file is damaged ({msg}); restore a backup", path
        ) from None


def _preflight(path: Path, passphrase: str | None = None, *, full: bool = False, pages: bool = True) -> bool:
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
        problem = _header_problem(header, size)
        if problem is not None:
            raise DamagedDatabase(f"{path}: the database file is damaged ({problem}); restore a backup", path)
        try:
            conn = sqlite3.connect(crypto.read_only_uri(path), uri=True, timeout=5)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the database ({exc})") from None
        try:
            _check_open(conn, path, full=full, pages=pages)
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
            if _is_busy(str(exc)):
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
        _check_open(conn, path, full=full, pages=pages)
    finally:
        conn.close()
    return True


def _create_private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
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
    from cowork_desktop.store import backup

    try:
        found = backup.latest_good(path, passphrase)
    except Exception:  # looking for a backup must never hide the real problem
        found = None
    if found is None:
        return DamagedDatabase(str(exc), path, None)
    return DamagedDatabase(
        f"{exc}; the latest good backup is {found} (cowork restore --db {path} --from {found})", path, found
    )


def _functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the store's queries use, on every connection (plain, encrypted, read-only)."""
    conn.create_function(
        "cowork_key", 1, lambda v: name_key(v) if isinstance(v, str) else "", deterministic=True
    )


def _configure(conn: sqlite3.Connection, path: Path) -> None:
    """The same settings on a plain and on an encrypted connection."""
    _functions(conn)
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
                encrypted = _preflight(path, passphrase, pages=check_pages)
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
        _configure(conn, path)
        pending, applied = migrations.pending(db), migrations.applied(db)
        if not applied:
            pages_checked = True  # a new database: no page of ours to check
        elif pending and not pages_checked:
            _check_pages(conn, path)  # never migrate a file whose pages were not read back
            pages_checked = True
        if pending and applied and backup_before_migration:
            from cowork_desktop.store import backup

            backup.before_migration(conn, path, encrypted=encrypted)
        migrations.apply(db)
    except sqlite3.OperationalError as exc:
        if conn is not None:
            conn.close()
        msg = str(exc)
        if _is_busy(msg):
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
    from cowork_desktop.store import backup

    try:
        identity = store.identity()
    except sqlite3.DatabaseError as exc:  # a damaged page the cheap checks did not read
        store.close()
        raise with_latest_backup(
            DamagedDatabase(f"{path}: the database file is damaged ({exc}); restore a backup", path),
            path,
            passphrase if encrypted else None,
        ) from None
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
        _functions(conn)
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
    try:
        if passphrase is not None and crypto.is_encrypted(path):
            conn = crypto.connect(path, passphrase, read_only=True)
        else:
            conn = sqlite3.connect(crypto.read_only_uri(path), uri=True, timeout=5, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA query_only = 1")
        _functions(conn)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database to check it ({exc})") from None
    return Store(Database(conn, execute_plugins=False), path, actor, encrypted=passphrase is not None)


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
            reader = open_read_only(self.path, passphrase, actor="page check")
            try:
                _check_pages(reader.db.conn, self.path)
            finally:
                reader.close()
        except StoreError as exc:
            error = exc
        except sqlite3.DatabaseError as exc:
            if _is_busy(str(exc)):
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
# they are written (plain SQL, no Python per row); a row written without one (by plain SQL) is keyed as it is
# read. The co-allocations of the (few) matching workers come by the worker indexes: reading every co-allocation
# to look at its workers' names scanned the whole table, twice per search. Each takes the search key once per ?.
_CASE_KEY = "CASE c.search_key WHEN '' THEN cowork_key(c.reference) ELSE c.search_key END"
_MATCHING_WORKERS = (
    "SELECT w.id FROM workers w"
    " WHERE instr(CASE w.search_key WHEN '' THEN cowork_key(w.name) ELSE w.search_key END, ?) > 0"
)
_COWORKERS_CASES = (
    f"SELECT ca.case_id FROM coallocations ca WHERE ca.worker1_id IN ({_MATCHING_WORKERS})"
    f" UNION SELECT ca.case_id FROM coallocations ca WHERE ca.worker2_id IN ({_MATCHING_WORKERS})"
)


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list: only what that screen shows."""

    id: int
    reference: str
    plan_type: str
    status: str
    children_count: int
    workers: str
    lead: str
    start_date: str | None
    coallocation_ended: bool


_ENTRY_COLUMNS = "id, at, actor, action, entity, entity_id, detail, prev_hash, hash"
_CERT_COLUMNS = (
    "fingerprint, subject, common_name, issuer, serial, not_before, not_after, der, source, added_at"
)


@dataclass(frozen=True)
class SignedInputs:
    """What a signed record's canonical content is computed from (see :meth:`Store.signed_inputs`)."""

    record: Record
    case_reference: str
    signatures: tuple[Signature, ...]
    actions: tuple[Action, ...]
    form_sha256: str


@dataclass(frozen=True)
class AuditRef:
    """An audit entry's id and chained hash."""

    id: int
    hash: str


@dataclass(frozen=True)
class AuditHead:
    id: int
    audit_id: int
    head_hash: str
    fingerprint: str
    signature: bytes
    signed_at: str


@dataclass(frozen=True)
class KnownCertificate:
    """A signing certificate the database knows (see migration m004)."""

    fingerprint: str
    subject: str
    common_name: str
    issuer: str
    serial: str
    not_before: str
    not_after: str
    der: bytes
    source: str  # created, imported, signed
    added_at: str = ""


class Store:
    def __init__(self, db: Database, path: Path, actor: str, *, encrypted: bool = False) -> None:
        self.db = db
        self.path = path
        self.actor = actor
        #: an SQLCipher database (the passphrase itself is never kept)
        self.encrypted = encrypted
        self._protections: list[SchemaProblem] | None = None
        self._repairing = False
        #: how far the audit chain was walked and found whole in this session (services.integrity)
        self.verified_chain: AuditRef | None = None
        #: why nothing can be written (open in another window, a read-only folder); None when it can
        self.read_only: str | None = None
        #: the lock (store.owner.OwnerLock) held by whoever opened this store (the app), when one is held: it
        #: makes that window the owner for a restore, a passphrase change or a purge. Released by its holder.
        self.owner: Any = None
        #: one-line notes from opening it (e.g. its permissions were tightened), for the caller to show
        self.notes: list[str] = []
        #: every page of the file has read back (``PRAGMA quick_check``) in this session: see :meth:`tx`
        self._pages_checked = False
        self._page_check: PageCheck | None = None

    # -- plumbing ---------------------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def identity(self) -> str:
        """The database's identity (a UUID made when it was created; see migration m006), '' before it has one."""
        try:
            row = self.db.conn.execute("SELECT uuid FROM database_identity WHERE id = 1").fetchone()
        except sqlite3.OperationalError:
            return ""
        return str(row[0]) if row else ""

    def checkpoint(self) -> None:
        """Copy what the write-ahead log holds into the database file (as far as readers allow), so a lost
        -wal file cannot take it. Never raises: the next checkpoint does the rest."""
        if self.read_only is not None:
            return
        with suppress(sqlite3.Error):
            self.db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    @property
    def pages_checked(self) -> bool:
        """Every page of the file has read back in this session (or it is new): writes may go ahead."""
        return self._pages_checked

    def pages_passed(self) -> None:
        """Record that every page read back (a new database, or checked on opening)."""
        self._pages_checked = True

    def check_pages(self) -> None:
        """``PRAGMA quick_check`` on this connection (read-only, every page): DamagedDatabase when a page is bad.
        ``cowork check`` runs it; :meth:`tx` runs it before the first write unless a page check ran already."""
        try:
            _check_pages(self.db.conn, self.path)
        except sqlite3.DatabaseError as exc:
            raise DamagedDatabase(
                f"{self.path}: the database file is damaged ({exc}); restore a backup", self.path
            ) from None
        self._pages_checked = True

    def start_page_check(
        self, passphrase: str | None = None, on_done: Callable[[StoreError | None], None] | None = None
    ) -> PageCheck:
        """Check every page on a thread of its own (its own read-only connection; ``passphrase`` for an
        encrypted file). A write meanwhile waits for it (:meth:`tx`); ``on_done(error)`` runs on that thread."""

        def finished(error: StoreError | None) -> None:
            if error is None:
                self._pages_checked = True
            if on_done is not None:
                on_done(error)

        check = PageCheck(self.path, passphrase, finished)
        self._page_check = check
        return check.start()

    def require_pages(self) -> None:
        """Before a write (:meth:`tx` calls it; a write outside a transaction, e.g. a re-key, must): every page
        has read back. Waits for a page check running on its thread, else runs one
        here; a damaged file is refused (DamagedDatabase) and nothing is written."""
        if self._pages_checked:
            return
        check = self._page_check
        if check is not None:
            check.wait()
            if check.error is None:
                self._pages_checked = True
                return
            if isinstance(check.error, DamagedDatabase):
                raise DamagedDatabase(f"{check.error}; nothing was saved", self.path)
        try:
            self.check_pages()
        except DamagedDatabase as exc:
            raise DamagedDatabase(f"{exc}; nothing was saved", self.path) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def tx(self) -> Iterator[Database]:
        """One transaction; a trigger refusing a change becomes a LockedRecordError.

        Refused (:class:`ProtectionsMissing`, nothing written) while the database's triggers or indexes differ
        from those the migrations install: see :meth:`protection_problems` and :meth:`restore_protections`.
        Refused (:class:`ReadOnlyDatabase`) when the store was opened read-only."""
        if self.read_only is not None:
            raise ReadOnlyDatabase(f"{self.path}: {self.read_only}; nothing was saved")
        self.require_pages()
        if not self._repairing:
            problems = self.protection_problems()
            if problems:
                raise ProtectionsMissing(
                    f"{self.path}: {problems[0].message}"
                    + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else "")
                    + "; nothing was saved. Restore the protections (cowork check --repair) or a backup "
                    "that checks"
                )
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.IntegrityError as exc:
            locked = _locked_message(exc)
            if locked:
                raise LockedRecordError(locked) from None
            raise
        except sqlite3.OperationalError as exc:
            msg = str(exc)
            if "locked" in msg or "busy" in msg:
                raise StoreError(
                    f"{self.path}: the database is locked by another program; nothing was saved, try again"
                ) from None
            if "readonly" in msg or "read-only" in msg:
                raise StoreError(f"{self.path}: the database is read-only; nothing was saved") from None
            if "disk is full" in msg or "disk I/O" in msg:
                raise StoreError(f"{self.path}: the disk is full or failing; nothing was saved") from None
            raise

    # -- protections ------------------------------------------------------------------------------
    def protection_problems(self, *, fresh: bool = False) -> list[SchemaProblem]:
        """How the database's tables, indexes and triggers differ from the migrations' (read once, then kept;
        ``fresh`` reads them again, as signing and exporting do)."""
        if fresh or self._protections is None:
            self._protections = schema.schema_problems(self.db.conn)
        return self._protections

    def restore_protections(self) -> list[str]:
        """Re-create missing or altered indexes and triggers (and drop unexpected triggers), audited, in one
        transaction. Returns what was done; a changed table is left (StoreError: restore a backup)."""
        problems = self.protection_problems(fresh=True)
        tables = [p for p in problems if not p.repairable and p.kind != "unexpected"]
        if tables:
            raise StoreError(
                f"{self.path}: {tables[0].message}; this cannot be repaired here: restore a backup that checks"
            )
        if not problems:
            return []
        self._repairing = True
        try:
            with self.tx():
                done = schema.repair(self.db.conn, problems)
                self.audit("restore_protections", "schema", None, repaired=done)
        finally:
            self._repairing = False
            self._protections = None
        return done

    # -- the audit chain --------------------------------------------------------------------------
    def audit(self, action: str, entity: str, entity_id: int | None, **detail: Any) -> AuditRef:
        """Append an entry to the audit chain (inside the caller's transaction). Returns its id and hash."""
        last = self.db.conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        prev_id, prev_hash = (int(last[0]), str(last[1])) if last else (0, GENESIS)
        entry_id = prev_id + 1
        at = now_utc().isoformat()
        text = json.dumps(detail, sort_keys=True, default=str)
        digest = entry_hash(prev_hash, entry_id, at, self.actor, action, entity, entity_id, text)
        self.db.execute(
            "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, detail, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [entry_id, at, self.actor, action, entity, entity_id, text, prev_hash, digest],
        )
        return AuditRef(entry_id, digest)

    def chain_head(self) -> AuditRef:
        """The last audit entry's id and hash (id 0 and the genesis hash for an empty log)."""
        last = self.db.conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        return AuditRef(int(last[0]), str(last[1])) if last else AuditRef(0, GENESIS)

    def audit_entry(self, entry_id: int) -> AuditEntry | None:
        row = self.db.conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM audit_log WHERE id = ?", [entry_id]
        ).fetchone()
        return AuditEntry(*row) if row else None

    def chain_entries(self, after_id: int = 0) -> Iterator[AuditEntry]:
        """Every audit entry after ``after_id``, in id order, as the chain check reads them."""
        for row in self.db.conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id", [after_id]
        ):
            yield AuditEntry(*row)

    def entries_of(self, action: str, entity: str, entity_id: int | None = None) -> list[AuditEntry]:
        """The audit entries of one kind (``export`` of a ``record``, say), oldest first."""
        sql = f"SELECT {_ENTRY_COLUMNS} FROM audit_log WHERE action = ? AND entity = ?"
        params: list[Any] = [action, entity]
        if entity_id is not None:
            sql += " AND entity_id = ?"
            params.append(entity_id)
        return [AuditEntry(*row) for row in self.db.conn.execute(sql + " ORDER BY id", params)]

    def add_audit_head(self, audit_id: int, head_hash: str, fingerprint: str, signature: bytes) -> None:
        """Keep a chain head signed with the manager's key (inside the caller's transaction)."""
        self.db.execute(
            "INSERT INTO audit_heads (audit_id, head_hash, fingerprint, signature, signed_at) VALUES (?,?,?,?,?)",
            [audit_id, head_hash, fingerprint, signature, now_utc().isoformat()],
        )

    def audit_heads(self) -> list[AuditHead]:
        return [
            AuditHead(*row)
            for row in self.db.conn.execute(
                "SELECT id, audit_id, head_hash, fingerprint, signature, signed_at FROM audit_heads ORDER BY id"
            )
        ]

    # -- certificates -----------------------------------------------------------------------------
    def add_certificate(self, cert: KnownCertificate) -> bool:
        """Remember a signing certificate (audited); False when it was already known."""
        if self.get_certificate(cert.fingerprint) is not None:
            return False
        with self.tx():
            self.db.execute(
                "INSERT INTO certificates (fingerprint, subject, common_name, issuer, serial, not_before,"
                " not_after, der, source, added_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [
                    cert.fingerprint,
                    cert.subject,
                    cert.common_name,
                    cert.issuer,
                    cert.serial,
                    cert.not_before,
                    cert.not_after,
                    cert.der,
                    cert.source,
                    cert.added_at or now_utc().isoformat(),
                ],
            )
            self.audit(
                "add",
                "certificate",
                None,
                fingerprint=cert.fingerprint,
                subject=cert.subject,
                source=cert.source,
            )
        return True

    def get_certificate(self, fingerprint: str) -> KnownCertificate | None:
        row = self.db.conn.execute(
            f"SELECT {_CERT_COLUMNS} FROM certificates WHERE fingerprint = ?", [fingerprint]
        ).fetchone()
        return KnownCertificate(*row) if row else None

    def list_certificates(self) -> list[KnownCertificate]:
        return [
            KnownCertificate(*row)
            for row in self.db.conn.execute(f"SELECT {_CERT_COLUMNS} FROM certificates ORDER BY added_at")
        ]

    def schema_version(self) -> int:
        return len(migrations.applied(self.db))

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = list(self.db.query(sql, params))
        return rows[0] if rows else None

    # -- settings ---------------------------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self._one("SELECT value FROM settings WHERE key = ?", [key])
        return str(row["value"]) if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.tx():
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            self.audit("set", "setting", None, key=key, value=value)

    # -- workers ----------------------------------------------------------------------------------
    @staticmethod
    def _worker(row: dict[str, Any]) -> Worker:
        return Worker(
            name=row["name"],
            role=Role(row["role"]),
            team=row["team"],
            active=bool(row["active"]),
            id=row["id"],
        )

    def add_worker(self, worker: Worker) -> Worker:
        errors = worker.validate()
        if errors:
            raise ValidationError(errors)
        stamp = now_utc().isoformat()
        with self.tx():
            cur = self.db.execute(
                "INSERT INTO workers (name, role, team, active, created_at, updated_at, search_key)"
                " VALUES (?,?,?,?,?,?,?)",
                [
                    worker.name.strip(),
                    worker.role.value,
                    worker.team.strip(),
                    int(worker.active),
                    stamp,
                    stamp,
                    name_key(worker.name),
                ],
            )
            worker_id = int(cur.lastrowid or 0)
            self.audit("create", "worker", worker_id, name=worker.name.strip(), role=worker.role.value)
        return self.get_worker(worker_id)

    def update_worker(self, worker: Worker) -> Worker:
        if worker.id is None:
            raise NotFoundError("worker has no id")
        errors = worker.validate()
        if errors:
            raise ValidationError(errors)
        before = self.get_worker(worker.id)
        with self.tx():
            self.db.execute(
                "UPDATE workers SET name=?, role=?, team=?, active=?, updated_at=?, search_key=? WHERE id=?",
                [
                    worker.name.strip(),
                    worker.role.value,
                    worker.team.strip(),
                    int(worker.active),
                    now_utc().isoformat(),
                    name_key(worker.name),
                    worker.id,
                ],
            )
            self.audit(
                "update",
                "worker",
                worker.id,
                before=before.__dict__ | {"role": before.role.value},
                after={
                    "name": worker.name,
                    "role": worker.role.value,
                    "team": worker.team,
                    "active": worker.active,
                },
            )
        return self.get_worker(worker.id)

    def get_worker(self, worker_id: int) -> Worker:
        row = self._one("SELECT * FROM workers WHERE id = ?", [worker_id])
        if row is None:
            raise NotFoundError(f"no worker with id {worker_id}")
        return self._worker(row)

    def list_workers(self, active_only: bool = False) -> list[Worker]:
        where = "WHERE active = 1" if active_only else ""
        return [self._worker(r) for r in self.db.query(f"SELECT * FROM workers {where} ORDER BY name")]

    def find_worker(self, name: str) -> Worker:
        rows = list(self.db.query("SELECT * FROM workers WHERE name = ? COLLATE NOCASE", [name.strip()]))
        if not rows:
            raise NotFoundError(f"no worker named '{name}'")
        if len(rows) > 1:
            raise NotFoundError(f"more than one worker is named '{name}': use the worker id")
        return self._worker(rows[0])

    # -- cases ------------------------------------------------------------------------------------
    @staticmethod
    def _case(row: dict[str, Any]) -> Case:
        return Case(
            reference=row["reference"],
            children_count=row["children_count"],
            children_initials=row["children_initials"],
            plan_type=PlanType(row["plan_type"]),
            status=CaseStatus(row["status"]),
            id=row["id"],
        )

    def add_case(self, case: Case) -> Case:
        errors = case.validate()
        if errors:
            raise ValidationError(errors)
        if self._one("SELECT id FROM cases WHERE reference = ?", [case.reference.strip()]):
            raise ValidationError(
                {"reference": f"A case with reference {case.reference.strip()} already exists."}
            )
        stamp = now_utc().isoformat()
        with self.tx():
            cur = self.db.execute(
                "INSERT INTO cases (reference, children_count, children_initials, plan_type, status, created_at,"
                " updated_at, search_key) VALUES (?,?,?,?,?,?,?,?)",
                [
                    case.reference.strip(),
                    case.children_count,
                    case.children_initials.strip(),
                    case.plan_type.value,
                    case.status.value,
                    stamp,
                    stamp,
                    name_key(case.reference),
                ],
            )
            case_id = int(cur.lastrowid or 0)
            self.audit("create", "case", case_id, reference=case.reference.strip())
        return self.get_case(case_id)

    def update_case(self, case: Case) -> Case:
        if case.id is None:
            raise NotFoundError("case has no id")
        errors = case.validate()
        other = self._one(
            "SELECT id FROM cases WHERE reference = ? AND id <> ?", [case.reference.strip(), case.id]
        )
        if other:
            errors["reference"] = f"A case with reference {case.reference.strip()} already exists."
        if errors:
            raise ValidationError(errors)
        before = self.get_case(case.id)
        with self.tx():
            self.db.execute(
                "UPDATE cases SET reference=?, children_count=?, children_initials=?, plan_type=?, status=?,"
                " updated_at=?, search_key=? WHERE id=?",
                [
                    case.reference.strip(),
                    case.children_count,
                    case.children_initials.strip(),
                    case.plan_type.value,
                    case.status.value,
                    now_utc().isoformat(),
                    name_key(case.reference),
                    case.id,
                ],
            )
            self.audit(
                "update",
                "case",
                case.id,
                before={
                    "reference": before.reference,
                    "plan_type": before.plan_type.value,
                    "status": before.status.value,
                },
                after={
                    "reference": case.reference,
                    "plan_type": case.plan_type.value,
                    "status": case.status.value,
                },
            )
        return self.get_case(case.id)

    def get_case(self, case_id: int) -> Case:
        row = self._one("SELECT * FROM cases WHERE id = ?", [case_id])
        if row is None:
            raise NotFoundError(f"no case with id {case_id}")
        return self._case(row)

    def find_case(self, reference: str) -> Case:
        row = self._one("SELECT * FROM cases WHERE reference = ?", [reference.strip()])
        if row is None:
            raise NotFoundError(f"no case with reference '{reference}'")
        return self._case(row)

    def count_cases(self, search: str = "") -> int:
        key = name_key(search)
        if not key:
            row = self.db.conn.execute("SELECT count(*) FROM cases").fetchone()
        else:
            # the cases whose reference matches, and those of the matching co-workers, counted once each
            row = self.db.conn.execute(
                f"SELECT count(*) FROM (SELECT c.id FROM cases c WHERE instr({_CASE_KEY}, ?) > 0"
                f" UNION {_COWORKERS_CASES})",
                [key, key, key],
            ).fetchone()
        return int(row[0]) if row else 0

    @staticmethod
    def _case_filter(search: str) -> tuple[str, list[Any]]:
        """Cases whose reference, or a co-worker's name, contains the search as typed: literally (``%`` and ``_``
        are characters, never wildcards), whatever the case of any letter ("ZOË" finds "Zoë"), at any length."""
        key = name_key(search)
        if not key:
            return "", []
        return f"WHERE instr({_CASE_KEY}, ?) > 0 OR c.id IN ({_COWORKERS_CASES})", [key, key, key]

    def list_cases(self, search: str = "", limit: int = 500, offset: int = 0) -> list[CaseRow]:
        """The case list (reference order), with each case's latest co-allocation's workers."""
        where, params = self._case_filter(search)
        sql = f"""
            SELECT c.id, c.reference, c.plan_type, c.status, c.children_count,
                   w1.name AS w1, w2.name AS w2, wl.name AS lead, ca.start_date, ca.end_date
            FROM cases c
            LEFT JOIN coallocations ca ON ca.id = (
                SELECT id FROM coallocations WHERE case_id = c.id ORDER BY start_date DESC, id DESC LIMIT 1)
            LEFT JOIN workers w1 ON w1.id = ca.worker1_id
            LEFT JOIN workers w2 ON w2.id = ca.worker2_id
            LEFT JOIN workers wl ON wl.id = ca.lead_worker_id
            {where}
            ORDER BY c.reference
            LIMIT ? OFFSET ?
        """
        return [
            CaseRow(
                r["id"],
                r["reference"],
                r["plan_type"],
                r["status"],
                r["children_count"],
                " & ".join(n for n in (r["w1"], r["w2"]) if n),
                r["lead"] or "",
                r["start_date"],
                r["end_date"] is not None,
            )
            for r in self.db.query(sql, [*params, limit, offset])
        ]

    # -- co-allocations ---------------------------------------------------------------------------
    @staticmethod
    def _coallocation(row: dict[str, Any]) -> CoAllocation:
        return CoAllocation(
            case_id=row["case_id"],
            worker1_id=row["worker1_id"],
            worker2_id=row["worker2_id"],
            lead_worker_id=row["lead_worker_id"],
            start_date=date.fromisoformat(row["start_date"]),
            reasons=[Reason(r) for r in json.loads(row["reasons"])],
            end_date=_day(row["end_date"]),
            end_reason=row["end_reason"],
            id=row["id"],
        )

    def add_coallocation(self, ca: CoAllocation) -> CoAllocation:
        errors = ca.validate()
        for field_name in ("worker1_id", "worker2_id"):
            if field_name not in errors and not self._one(
                "SELECT id FROM workers WHERE id = ?", [getattr(ca, field_name)]
            ):
                errors[field_name] = "Choose an existing worker."
        self.get_case(ca.case_id)
        active = self._one(
            "SELECT id FROM coallocations WHERE case_id = ? AND end_date IS NULL", [ca.case_id]
        )
        if active:
            errors["case_id"] = "This case already has an active co-allocation: end it first."
        if errors:
            raise ValidationError(errors)
        stamp = now_utc().isoformat()
        with self.tx():
            cur = self.db.execute(
                "INSERT INTO coallocations (case_id, worker1_id, worker2_id, lead_worker_id, start_date, end_date,"
                " end_reason, reasons, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [
                    ca.case_id,
                    ca.worker1_id,
                    ca.worker2_id,
                    ca.lead_worker_id,
                    ca.start_date.isoformat(),
                    _iso(ca.end_date),
                    ca.end_reason,
                    json.dumps([r.value for r in ca.reasons]),
                    stamp,
                    stamp,
                ],
            )
            ca_id = int(cur.lastrowid or 0)
            self.audit(
                "create",
                "coallocation",
                ca_id,
                case_id=ca.case_id,
                workers=[ca.worker1_id, ca.worker2_id],
                lead=ca.lead_worker_id,
            )
        return self.get_coallocation(ca_id)

    def update_coallocation(self, ca: CoAllocation) -> CoAllocation:
        if ca.id is None:
            raise NotFoundError("co-allocation has no id")
        errors = ca.validate()
        if errors:
            raise ValidationError(errors)
        before = self.get_coallocation(ca.id)
        with self.tx():
            self.db.execute(
                "UPDATE coallocations SET worker1_id=?, worker2_id=?, lead_worker_id=?, start_date=?, end_date=?,"
                " end_reason=?, reasons=?, updated_at=? WHERE id=?",
                [
                    ca.worker1_id,
                    ca.worker2_id,
                    ca.lead_worker_id,
                    ca.start_date.isoformat(),
                    _iso(ca.end_date),
                    ca.end_reason,
                    json.dumps([r.value for r in ca.reasons]),
                    now_utc().isoformat(),
                    ca.id,
                ],
            )
            self.audit(
                "update",
                "coallocation",
                ca.id,
                before={"lead": before.lead_worker_id, "end_date": _iso(before.end_date)},
                after={"lead": ca.lead_worker_id, "end_date": _iso(ca.end_date)},
            )
        return self.get_coallocation(ca.id)

    def get_coallocation(self, ca_id: int) -> CoAllocation:
        row = self._one("SELECT * FROM coallocations WHERE id = ?", [ca_id])
        if row is None:
            raise NotFoundError(f"no co-allocation with id {ca_id}")
        return self._coallocation(row)

    def coallocations_for_case(self, case_id: int) -> list[CoAllocation]:
        return [
            self._coallocation(r)
            for r in self.db.query(
                "SELECT * FROM coallocations WHERE case_id = ? ORDER BY start_date, id", [case_id]
            )
        ]

    def latest_coallocations(self) -> dict[int, CoAllocation]:
        """Every case's latest co-allocation (as :meth:`coallocations_for_case`'s last), by case id: one query."""
        rows = self.db.query(
            "SELECT * FROM coallocations ca WHERE ca.id = (SELECT id FROM coallocations"
            " WHERE case_id = ca.case_id ORDER BY start_date DESC, id DESC LIMIT 1)"
        )
        return {r["case_id"]: self._coallocation(r) for r in rows}

    # -- form versions ----------------------------------------------------------------------------
    def ensure_form_version(self, form: FormDefinition) -> None:
        """Snapshot a form version the first time a record uses it; refuse a changed file with the same version."""
        definition = json.dumps(definition_to_dict(form), sort_keys=True, ensure_ascii=False)
        digest = hashlib.sha256(definition.encode()).hexdigest()
        row = self._one(
            "SELECT sha256 FROM form_versions WHERE form_id = ? AND version = ?", [form.id, form.version]
        )
        if row is not None:
            if row["sha256"] != digest:
                raise StoreError(
                    f"form '{form.id}' version {form.version} ({form.source_file}) differs from the version "
                    "already used by records: give the changed form a new version number"
                )
            return
        with self.tx():
            self.db.execute(
                "INSERT INTO form_versions (form_id, version, definition, sha256, first_used_at)"
                " VALUES (?,?,?,?,?)",
                [form.id, form.version, definition, digest, now_utc().isoformat()],
            )
            self.audit("snapshot", "form_version", form.version, form_id=form.id, sha256=digest)

    def form_definition(self, form_id: str, version: int) -> FormDefinition:
        row = self._one(
            "SELECT definition FROM form_versions WHERE form_id = ? AND version = ?", [form_id, version]
        )
        if row is None:
            raise NotFoundError(f"form '{form_id}' version {version} is not in this database")
        return definition_from_dict(json.loads(row["definition"]), f"{form_id} v{version} (stored)")

    def form_digests(self) -> dict[tuple[str, int], tuple[str, str]]:
        """Each stored form version's SHA-256, as recomputed from its definition and as stored beside it."""
        return {
            (form_id, version): (hashlib.sha256(definition.encode()).hexdigest(), stored)
            for form_id, version, definition, stored in self.db.conn.execute(
                "SELECT form_id, version, definition, sha256 FROM form_versions"
            )
        }

    # -- records ----------------------------------------------------------------------------------
    @staticmethod
    def _record(row: dict[str, Any]) -> Record:
        return Record(
            case_id=row["case_id"],
            coallocation_id=row["coallocation_id"],
            kind=RecordKind(row["kind"]),
            form_id=row["form_id"],
            form_version=row["form_version"],
            meeting_date=date.fromisoformat(row["meeting_date"]),
            answers=json.loads(row["answers"]),
            status=RecordStatus(row["status"]),
            title=row["title"],
            version=row["version"],
            supersedes_id=row["supersedes_id"],
            amendment_reason=row["amendment_reason"],
            linked_record_id=row["linked_record_id"],
            content_hash=row["content_hash"],
            signed_frame=json.loads(row["signed_frame"]) if row.get("signed_frame") else {},
            created_at=_dt(row["created_at"]),
            updated_at=_dt(row["updated_at"]),
            signed_at=_dt(row["signed_at"]),
            id=row["id"],
            revision=int(row.get("revision") or 0),
        )

    def create_record(self, record: Record, form: FormDefinition) -> Record:
        self.get_coallocation(record.coallocation_id)
        self.ensure_form_version(form)
        stamp = now_utc().isoformat()
        with self._one_draft(record), self.tx():
            cur = self.db.execute(
                "INSERT INTO records (case_id, coallocation_id, kind, form_id, form_version, title, meeting_date,"
                " answers, status, version, supersedes_id, amendment_reason, linked_record_id, created_at,"
                " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    record.case_id,
                    record.coallocation_id,
                    record.kind.value,
                    form.id,
                    form.version,
                    record.title,
                    record.meeting_date.isoformat(),
                    json.dumps(record.answers, ensure_ascii=False),
                    RecordStatus.DRAFT.value,
                    record.version,
                    record.supersedes_id,
                    record.amendment_reason,
                    record.linked_record_id,
                    stamp,
                    stamp,
                ],
            )
            record_id = int(cur.lastrowid or 0)
            self.audit(
                "create",
                "record",
                record_id,
                kind=record.kind.value,
                case_id=record.case_id,
                version=record.version,
                supersedes=record.supersedes_id,
            )
        return self.get_record(record_id)

    @contextmanager
    def _one_draft(self, record: Record) -> Iterator[None]:
        """The unique indexes' refusal, in words: another window started the same draft a moment ago."""
        try:
            yield
        except sqlite3.IntegrityError as exc:
            if "records.supersedes_id" in str(exc):
                raise StoreError(
                    f"record {record.supersedes_id} is already being amended (in another window?); "
                    "open that amendment from the case page"
                ) from None
            if "records.coallocation_id" in str(exc):
                raise StoreError(
                    f"a draft {record.kind.label.lower()} of this co-working was started in another window; "
                    "open it from the case page"
                ) from None
            raise

    def get_record(self, record_id: int) -> Record:
        row = self._one("SELECT * FROM records WHERE id = ?", [record_id])
        if row is None:
            raise NotFoundError(f"no record with id {record_id}")
        return self._record(row)

    def record_status(self, record_id: int) -> RecordStatus:
        row = self.db.conn.execute("SELECT status FROM records WHERE id = ?", [record_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no record with id {record_id}")
        return RecordStatus(row[0])

    def records_for_case(self, case_id: int) -> list[Record]:
        return [
            self._record(r)
            for r in self.db.query(
                "SELECT * FROM records WHERE case_id = ? ORDER BY meeting_date, id", [case_id]
            )
        ]

    def draft_for(self, coallocation_id: int, kind: RecordKind) -> Record | None:
        row = self._one(
            "SELECT * FROM records WHERE coallocation_id = ? AND kind = ? AND status <> 'signed' "
            "AND supersedes_id IS NULL AND set_aside_at IS NULL ORDER BY id DESC LIMIT 1",
            [coallocation_id, kind.value],
        )
        return self._record(row) if row else None

    def link_record(self, record_id: int, linked_record_id: int) -> None:
        """Link a draft to the record it follows up (an issue-resolution MDR to the review it resolves)."""
        with self.tx():
            self.db.execute(
                "UPDATE records SET linked_record_id = ?, updated_at = ?, revision = revision + 1"
                " WHERE id = ? AND status <> 'signed'",
                [linked_record_id, now_utc().isoformat(), record_id],
            )
            self.audit("link", "record", record_id, linked_record_id=linked_record_id)

    def save_answers(
        self,
        record_id: int,
        answers: dict[str, Any],
        meeting_date: date | None = None,
        facts: RecordFacts | None = None,
        *,
        based_on: int,
    ) -> int:
        """The draft save while typing: one small UPDATE in its own transaction (audited as 'draft saved').

        ``based_on`` is the revision the answers were typed over: when another window has saved since,
        :class:`StaleDraft` and nothing is written. Returns the draft's new revision."""
        row = self._one("SELECT status, revision FROM records WHERE id = ?", [record_id])
        if row is None:
            raise NotFoundError(f"no record with id {record_id}")
        if row["status"] == RecordStatus.SIGNED.value:
            raise LockedRecordError("record is signed and locked: make an amendment instead")
        text = json.dumps(answers, ensure_ascii=False)
        f = facts or RecordFacts()
        with self.tx():
            cur = self.db.execute(
                "UPDATE records SET answers = ?, meeting_date = coalesce(?, meeting_date), next_review_date = ?,"
                " discussion_rrule = ?, supervision_rrule = ?, issues_flagged = ?, updated_at = ?,"
                " revision = revision + 1 WHERE id = ? AND revision = ? AND status <> 'signed'",
                [
                    text,
                    _iso(meeting_date),
                    _iso(f.next_review_date),
                    f.discussion_rrule,
                    f.supervision_rrule,
                    ",".join(f.issues_flagged),
                    now_utc().isoformat(),
                    record_id,
                    based_on,
                ],
            )
            if cur.rowcount != 1:
                now = self._one("SELECT status FROM records WHERE id = ?", [record_id])
                if now is not None and now["status"] == RecordStatus.SIGNED.value:
                    raise LockedRecordError("record is signed and locked: make an amendment instead")
                raise StaleDraft("this draft was changed in another window; nothing was saved here")
            self.audit("draft_saved", "record", record_id)
        return based_on + 1

    def set_record_status(self, record_id: int, status: RecordStatus) -> None:
        """Move between draft and awaiting signatures (signing uses :meth:`sign_record`)."""
        if status == RecordStatus.SIGNED:
            raise ValueError("use sign_record")
        with self.tx():
            if status == RecordStatus.DRAFT:
                self.db.execute("DELETE FROM signatures WHERE record_id = ?", [record_id])
            self.db.execute(
                "UPDATE records SET status = ?, updated_at = ?, revision = revision + 1 WHERE id = ?",
                [status.value, now_utc().isoformat(), record_id],
            )
            self.audit("status", "record", record_id, status=status.value)

    def discard_draft(self, record_id: int) -> None:
        record = self.get_record(record_id)
        if record.is_locked:
            raise LockedRecordError("record is signed and locked: it cannot be deleted")
        with self.tx():
            self.db.execute("DELETE FROM signatures WHERE record_id = ?", [record_id])
            self.db.execute("DELETE FROM actions WHERE record_id = ?", [record_id])
            self.db.execute("DELETE FROM records WHERE id = ?", [record_id])
            self.audit("discard", "record", record_id, kind=record.kind.value, case_id=record.case_id)

    def add_signature(self, sig: Signature) -> Signature:
        with self.tx():
            cur = self.db.execute(
                "INSERT INTO signatures (record_id, worker_id, signer_name, signer_role, method, statement,"
                " strokes, image_png, signed_at) VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    sig.record_id,
                    sig.worker_id,
                    sig.signer_name,
                    sig.signer_role,
                    sig.method,
                    sig.statement,
                    json.dumps(sig.strokes),
                    sig.image_png,
                    sig.signed_at.isoformat(),
                ],
            )
            sig_id = int(cur.lastrowid or 0)
            self.audit(
                "sign",
                "record",
                sig.record_id,
                signer=sig.signer_name,
                role=sig.signer_role,
                method=sig.method,
            )
        sig.id = sig_id
        return sig

    def signatures_for(self, record_id: int) -> list[Signature]:
        return [
            Signature(
                record_id=r["record_id"],
                signer_name=r["signer_name"],
                signer_role=r["signer_role"],
                method=r["method"],
                statement=r["statement"],
                signed_at=datetime.fromisoformat(r["signed_at"]),
                worker_id=r["worker_id"],
                strokes=json.loads(r["strokes"]),
                image_png=r["image_png"],
                id=r["id"],
            )
            for r in self.db.query("SELECT * FROM signatures WHERE record_id = ? ORDER BY id", [record_id])
        ]

    def finalise_record(
        self,
        record_id: int,
        content_hash: str,
        facts: RecordFacts,
        actions: list[Action],
        completed: list[tuple[int, date]],
        canon: int = 2,
        frame: dict[str, Any] | None = None,
        carried: Sequence[int] = (),
        ends: tuple[date, str] | None = None,
    ) -> Record:
        """Lock the record: write its agreed actions, mark earlier actions done, set status signed. One transaction.

        The lock's audit entry keeps the content hash and the version of the canonical content it was computed
        with (``canon``), so ``cowork check`` recomputes it the same way. ``carried``: actions of the version it
        amends that it keeps as they are (their identity and completion stay). ``ends``: a closing record ends
        its co-allocation on that day, for that reason, in the same transaction."""
        signed_at = now_utc().isoformat()
        coallocation_id = self.get_record(record_id).coallocation_id
        with self.tx():
            self.db.execute("DELETE FROM actions WHERE record_id = ?", [record_id])
            self.db.execute("DELETE FROM action_carries WHERE record_id = ?", [record_id])
            for action_id in carried:
                self.db.execute(
                    "INSERT INTO action_carries (record_id, action_id) VALUES (?, ?)", [record_id, action_id]
                )
            for action in actions:
                self.db.execute(
                    "INSERT INTO actions (record_id, description, owner_worker_id, due_date) VALUES (?,?,?,?)",
                    [record_id, action.description, action.owner_worker_id, _iso(action.due_date)],
                )
            for action_id, done_on in completed:
                self.db.execute(
                    "UPDATE actions SET done_date = ?, done_in_record_id = ? WHERE id = ? "
                    "AND done_date IS NULL",
                    [done_on.isoformat(), record_id, action_id],
                )
            self.db.execute(
                "UPDATE records SET status = 'signed', content_hash = ?, signed_frame = ?, next_review_date = ?,"
                " discussion_rrule = ?, supervision_rrule = ?, issues_flagged = ?, signed_at = ?, updated_at = ?"
                " WHERE id = ?",
                [
                    content_hash,
                    json.dumps(frame, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
                    if frame
                    else "",
                    _iso(facts.next_review_date),
                    facts.discussion_rrule,
                    facts.supervision_rrule,
                    ",".join(facts.issues_flagged),
                    signed_at,
                    signed_at,
                    record_id,
                ],
            )
            self.audit(
                "lock",
                "record",
                record_id,
                content_hash=content_hash,
                canon=canon,
                coallocation_id=coallocation_id,
                actions=len(actions),
                carried=list(carried),
                completed=[a for a, _ in completed],
            )
            if ends is not None:
                end_day, reason = ends
                self.db.execute(
                    "UPDATE coallocations SET end_date = ?, end_reason = ?, updated_at = ? WHERE id = ?",
                    [end_day.isoformat(), reason, signed_at, coallocation_id],
                )
                self.audit(
                    "end",
                    "coallocation",
                    coallocation_id,
                    on=end_day.isoformat(),
                    reason=reason,
                    closing_record=record_id,
                )
        return self.get_record(record_id)

    # -- signed content, as the checks read it --------------------------------------------------------
    def signed_inputs(self, record_ids: Sequence[int] | None = None) -> Iterator[SignedInputs]:
        """Everything a signed record's canonical content is computed from, record by record (id order):
        the record, its case reference, signatures and agreed actions, and its form definition's SHA-256
        recomputed from the stored text. ``record_ids`` limits it to those records (signed or not)."""
        conn = self.db.conn
        digests = {key: actual for key, (actual, _stored) in self.form_digests().items()}
        if record_ids is None:
            which, params = "r.status = 'signed'", []
            references = dict(conn.execute("SELECT id, reference FROM cases").fetchall())
        else:
            which = f"r.id IN ({','.join('?' * len(record_ids))})"
            params = list(record_ids)
            references = dict(
                conn.execute(
                    f"SELECT c.id, c.reference FROM cases c JOIN records r ON r.case_id = c.id WHERE {which}",
                    params,
                ).fetchall()
            )
        record_rows = self.db.query(f"SELECT r.* FROM records r WHERE {which} ORDER BY r.id", params)
        sig_rows = conn.execute(
            "SELECT s.record_id, s.worker_id, s.signer_name, s.signer_role, s.method, s.statement, s.image_png,"
            f" s.signed_at, s.id FROM records r JOIN signatures s ON s.record_id = r.id WHERE {which}"
            " ORDER BY s.record_id, s.id",
            params,
        )
        action_rows = conn.execute(
            "SELECT x.record_id, a.description, a.owner_worker_id, a.due_date, a.done_date, a.id FROM ("
            f" SELECT a.record_id AS record_id, a.id AS action_id FROM records r JOIN actions a"
            f" ON a.record_id = r.id WHERE {which}"
            f" UNION ALL SELECT c.record_id, c.action_id FROM records r JOIN action_carries c"
            f" ON c.record_id = r.id WHERE {which}"
            ") x JOIN actions a ON a.id = x.action_id ORDER BY x.record_id, a.id",
            params + params,
        )
        next_sig = next(sig_rows, None)
        next_action = next(action_rows, None)
        for row in record_rows:
            record = self._record(_readable(row))
            rid = record.id
            signatures: list[Signature] = []
            while next_sig is not None and next_sig[0] <= rid:
                if next_sig[0] == rid:
                    r_id, worker, name, role, method, statement, image, at, sig_id = next_sig
                    signatures.append(
                        Signature(
                            r_id,
                            name,
                            role,
                            method,
                            statement,
                            datetime.fromisoformat(at),
                            worker,
                            image_png=image,
                            id=sig_id,
                        )
                    )
                next_sig = next(sig_rows, None)
            actions: list[Action] = []
            while next_action is not None and next_action[0] <= rid:
                if next_action[0] == rid:
                    r_id, description, owner, due, done, action_id = next_action
                    actions.append(Action(description, owner, _day(due), _day(done), r_id, action_id))
                next_action = next(action_rows, None)
            yield SignedInputs(
                record,
                str(references.get(record.case_id, "")),
                tuple(signatures),
                tuple(actions),
                digests.get((record.form_id, record.form_version), ""),
            )

    def count_signed_records(self) -> int:
        return int(self.db.conn.execute("SELECT count(*) FROM records WHERE status = 'signed'").fetchone()[0])

    # -- actions ----------------------------------------------------------------------------------
    @staticmethod
    def _action(row: dict[str, Any]) -> Action:
        return Action(
            description=row["description"],
            owner_worker_id=row["owner_worker_id"],
            due_date=_day(row["due_date"]),
            done_date=_day(row["done_date"]),
            record_id=row["record_id"],
            id=row["id"],
        )

    def record_actions(self, record_id: int) -> list[Action]:
        """The actions a record agreed: its own rows and those it carried from the version it amends."""
        return [
            self._action(r)
            for r in self.db.query(
                "SELECT * FROM actions WHERE record_id = ? OR id IN"
                " (SELECT action_id FROM action_carries WHERE record_id = ?) ORDER BY id",
                [record_id, record_id],
            )
        ]

    def record_number(self, record_id: int) -> int:
        """The number people know a record by, whatever its version: the id of its first version."""
        current = record_id
        for _ in range(1000):  # a chain of amendments, each superseding one before
            row = self.db.conn.execute("SELECT supersedes_id FROM records WHERE id = ?", [current]).fetchone()
            if row is None or row[0] is None:
                return current
            current = int(row[0])
        return current

    def actions_for_record(self, record_id: int) -> list[Action]:
        return [
            self._action(r)
            for r in self.db.query("SELECT * FROM actions WHERE record_id = ? ORDER BY id", [record_id])
        ]

    def action_owners_for_case(self, case_id: int) -> set[int]:
        """The workers who own an action agreed in any record of the case."""
        return {
            int(r[0])
            for r in self.db.conn.execute(
                "SELECT DISTINCT a.owner_worker_id FROM records r JOIN actions a ON a.record_id = r.id"
                " WHERE r.case_id = ? AND a.owner_worker_id IS NOT NULL",
                [case_id],
            )
        }

    def open_actions(self, coallocation_id: int) -> list[Action]:
        """Actions agreed in signed records of a co-allocation that are not yet done.

        Driven from the co-allocation's records (the records_due index), then each record's actions
        (actions_record): never from the service-wide open-actions index, which reads every open action."""
        return [
            self._action(r)
            for r in self.db.query(
                "SELECT a.* FROM records r INDEXED BY records_due CROSS JOIN actions a INDEXED BY actions_record"
                " ON a.record_id = r.id WHERE r.coallocation_id = ? AND r.status = 'signed'"
                f" AND a.done_date IS NULL AND {CURRENT_ACTION} ORDER BY a.due_date, a.id",
                [coallocation_id],
            )
        ]

    # -- what is due ------------------------------------------------------------------------------
    def coallocation_states(
        self,
        on: date,
        case_id: int | None = None,
        *,
        due_rules_only: bool = False,
        ids: tuple[int, int] | None = None,
    ) -> list[CoAllocationState]:
        """Snapshots of co-allocations active on ``on``, for the due rules (an ended one was handed over in its closing MDR).

        Each snapshot holds the co-allocation's signed, current (not superseded) records and its open actions.
        With ``due_rules_only`` (the dashboard) a snapshot holds only the records the rules in
        :mod:`cowork_desktop.domain.due` read (see :data:`~cowork_desktop.domain.due.RECORDS_THE_RULES_READ`):
        the same due items, from a few records per co-allocation instead of all of them.
        With ``ids`` (first, last) only the co-allocations with an id in that range (the dashboard reads a large
        service's in steps: see :meth:`active_coallocation_ids`).
        """
        first, last = ids if ids is not None else (None, None)
        params: dict[str, Any] = {"on": on.isoformat(), "case_id": case_id, "first": first, "last": last}
        active = (
            "WITH active AS (SELECT id FROM coallocations WHERE start_date <= :on"
            " AND (end_date IS NULL OR end_date >= :on)"
            + (" AND case_id = :case_id" if case_id is not None else "")
            + (" AND id BETWEEN :first AND :last" if ids is not None else "")
            + ")"
        )
        conn = self.db.conn
        fromiso = date.fromisoformat
        states: dict[int, CoAllocationState] = {}
        # plain tuples (not a dict per row): thousands of rows on a large service
        for ca_id, case, reference, start, end, n1, n2 in conn.execute(
            f"{active} SELECT ca.id, ca.case_id, c.reference, ca.start_date, ca.end_date, w1.name, w2.name"
            " FROM active JOIN coallocations ca ON ca.id = active.id JOIN cases c ON c.id = ca.case_id"
            " JOIN workers w1 ON w1.id = ca.worker1_id JOIN workers w2 ON w2.id = ca.worker2_id ORDER BY ca.id",
            params,
        ):
            states[ca_id] = CoAllocationState(
                ca_id, case, reference, fromiso(start), fromiso(end) if end else None, (n1, n2)
            )
        if not states:
            return []
        signed = (
            "SELECT r.id, r.coallocation_id, r.kind, r.status, r.meeting_date, r.next_review_date,"
            " r.discussion_rrule, r.supervision_rrule, r.issues_flagged, r.linked_record_id"
        )
        current = f"r.status = 'signed' AND {NOT_SUPERSEDED}"
        if due_rules_only:
            # every initial meeting and issue resolution, every review that flagged an issue, and the latest
            # initial-meeting-or-review and the latest reflective discussion (RECORDS_THE_RULES_READ); every
            # initial meeting is read already, so the latest review completes the latest of the two kinds
            def latest(kinds: str) -> str:
                return (
                    f" UNION {signed} FROM active CROSS JOIN records r ON r.id = (SELECT r.id FROM records r"
                    f" WHERE r.coallocation_id = active.id AND r.kind IN ({kinds}) AND {current}"
                    " ORDER BY r.meeting_date DESC, r.id DESC LIMIT 1)"
                )

            sql = (
                f"{active} {signed} FROM active CROSS JOIN records r ON r.coallocation_id = active.id"
                f" WHERE {current} AND (r.kind IN ('initial_meeting', 'issue_resolution')"
                " OR (r.kind = 'review' AND (r.issues_flagged <> '' OR r.discussion_rrule <> ''"
                " OR r.supervision_rrule <> '')))"
                + latest("'review'")
                + latest("'reflective_discussion'")
                + " ORDER BY 1"
            )
        else:
            sql = (
                f"{active} {signed} FROM active CROSS JOIN records r ON r.coallocation_id = active.id"
                f" WHERE {current} ORDER BY r.id"
            )
        kinds = {k.value: k for k in RecordKind}
        signed_status = RecordStatus.SIGNED
        no_facts = RecordFacts()  # frozen: one for every record without any
        for (
            rid,
            ca_id,
            kind,
            status,
            meeting,
            next_review,
            discussion,
            supervision,
            flagged,
            linked,
        ) in conn.execute(sql, params):
            state = states.get(ca_id)
            if state is None:
                continue
            if next_review or discussion or supervision or flagged:
                facts = RecordFacts(
                    fromiso(next_review) if next_review else None,
                    discussion,
                    supervision,
                    tuple(x for x in flagged.split(",") if x) if flagged else (),
                )
            else:
                facts = no_facts  # most records (discussions, resolutions) agree no date or frequency
            state.records.append(
                RecordSummary(
                    rid,
                    kinds[kind],
                    signed_status if status == "signed" else RecordStatus(status),
                    fromiso(meeting),
                    facts,
                    linked,
                )
            )
        for aid, description, due_date, done_date, ca_id, owner in conn.execute(
            f"{active} SELECT a.id, a.description, a.due_date, a.done_date, r.coallocation_id, w.name"
            " FROM active CROSS JOIN records r ON r.coallocation_id = active.id"
            " CROSS JOIN actions a ON a.record_id = r.id LEFT JOIN workers w ON w.id = a.owner_worker_id"
            f" WHERE r.status = 'signed' AND a.done_date IS NULL AND {CURRENT_ACTION} ORDER BY a.id",
            params,
        ):
            state = states.get(ca_id)
            if state is not None:
                state.actions.append(
                    ActionSummary(
                        aid,
                        description,
                        fromiso(due_date) if due_date else None,
                        fromiso(done_date) if done_date else None,
                        owner or "",
                    )
                )
        return list(states.values())

    # -- the screens: reads for the dashboard, the case list and the case page (issue 14) --------------------
    def active_coallocation_ids(self, on: date) -> list[int]:
        """The ids of the co-allocations active on ``on``, in order: what the dashboard reads in steps."""
        return [
            int(r[0])
            for r in self.db.conn.execute(
                "SELECT id FROM coallocations WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)"
                " ORDER BY id",
                [on.isoformat(), on.isoformat()],
            )
        ]

    # -- audit ------------------------------------------------------------------------------------
    def audit_entries(self, entity: str | None = None, entity_id: int | None = None) -> list[dict[str, Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if entity is not None:
            clauses.append("entity = ?")
            params.append(entity)
        if entity_id is not None:
            clauses.append("entity_id = ?")
            params.append(entity_id)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return list(self.db.query(f"SELECT * FROM audit_log {where} ORDER BY id", params))

    # == insights: the team view and the development log, read set-based ==============================
    # One statement each whatever the number of cases (issue 14): what the views show, computed in SQL from the
    # indexes (records_due, actions_record, records_case), answers read with json_extract only where a view
    # needs them. The rules stay in domain.insights; these return plain rows.

    def form_definitions(self) -> dict[tuple[str, int], FormDefinition]:
        """Every stored form version, read in one statement."""
        return {
            (form_id, version): definition_from_dict(json.loads(text), f"{form_id} v{version} (stored)")
            for form_id, version, text in self.db.conn.execute(
                "SELECT form_id, version, definition FROM form_versions"
            )
        }

    def promise_counts(
        self, on: date, action_review: Sequence[tuple[str, int, str]]
    ) -> list[tuple[str, int | None, int, int]]:
        """``(case reference, owner worker id, outcome, count)`` for every action agreed in a signed, current
        record dated on or before ``on`` (carried actions with the amendment that carries them), grouped.

        ``outcome`` follows :func:`cowork_desktop.domain.insights.action_outcome`: 0 done on time, 1 done late,
        2 not done, 3 not yet due. A done date after ``on`` is not known yet. An action done after its due date
        was done late when a current signed record of the case dated strictly between the two found it not done:
        its ``action_review`` answer (``action_review``: the form id, version and question id of each form that
        has one) holds ``{"<action id>": {"done": "no"}}``. Only those few records' answers are read."""
        forms = " UNION ALL ".join(f"SELECT :f{n}, :v{n}, :q{n}" for n in range(len(action_review)))
        params: dict[str, Any] = {"on": on.isoformat()}
        for n, (form_id, version, qid) in enumerate(action_review):
            params.update({f"f{n}": form_id, f"v{n}": version, f"q{n}": qid})
        known = "CASE WHEN a.done_date <= :on THEN a.done_date END"
        sql = (
            f"WITH paths(form_id, version, qid) AS ({forms or 'SELECT NULL, NULL, NULL'}),"
            " superseded AS (SELECT supersedes_id FROM records INDEXED BY records_supersedes"
            "  WHERE supersedes_id IS NOT NULL AND status = 'signed'),"
            " cur AS MATERIALIZED (SELECT r.id, ca.case_id FROM records r INDEXED BY records_due"
            "  JOIN coallocations ca ON ca.id = r.coallocation_id"
            "  WHERE r.status = 'signed' AND r.meeting_date <= :on AND r.id NOT IN superseded),"
            f" x AS (SELECT cur.case_id, a.id, a.owner_worker_id AS owner, a.due_date AS due, {known} AS done"
            "  FROM cur JOIN actions a ON a.record_id = cur.id"
            f"  UNION ALL SELECT cur.case_id, a.id, a.owner_worker_id, a.due_date, {known}"
            "  FROM cur JOIN action_carries k ON k.record_id = cur.id JOIN actions a ON a.id = k.action_id),"
            " o AS (SELECT case_id, owner, CASE"
            "  WHEN due IS NULL THEN CASE WHEN done IS NOT NULL THEN 0 ELSE 3 END"
            "  WHEN done IS NOT NULL THEN CASE WHEN done <= due THEN 0"
            "   WHEN EXISTS (SELECT 1 FROM records v INDEXED BY records_case"
            "    JOIN paths f ON f.form_id = v.form_id AND f.version = v.form_version"
            "    WHERE v.case_id = x.case_id AND v.meeting_date > x.due AND v.meeting_date < x.done"
            "    AND v.status = 'signed' AND v.id NOT IN superseded"
            "    AND json_extract(v.answers, '$.\"' || f.qid || '\".\"' || x.id || '\".done') = 'no')"
            "   THEN 1 ELSE 0 END"
            "  WHEN due < :on THEN 2 ELSE 3 END AS outcome FROM x),"
            " g AS (SELECT case_id, owner, outcome, count(*) AS n FROM o GROUP BY case_id, owner, outcome)"
            " SELECT c.reference, g.owner, g.outcome, g.n FROM g JOIN cases c ON c.id = g.case_id"
        )
        return [
            (str(ref), owner, int(outcome), int(n))
            for ref, owner, outcome, n in self.db.conn.execute(sql, params)
        ]

    def worker_coallocations(self, worker_id: int) -> list[tuple[int, dict[int, Role], int, list[str]]]:
        """``(co-allocation id, {worker id: role} of its two workers, lead worker id, reasons)`` of every
        co-allocation ``worker_id`` is one of the two workers of, in one statement."""
        return [
            (ca_id, {w1: Role(r1), w2: Role(r2)}, lead, list(json.loads(reasons)))
            for ca_id, w1, r1, w2, r2, lead, reasons in self.db.conn.execute(
                "SELECT ca.id, ca.worker1_id, w1.role, ca.worker2_id, w2.role, ca.lead_worker_id, ca.reasons"
                " FROM coallocations ca JOIN workers w1 ON w1.id = ca.worker1_id"
                " JOIN workers w2 ON w2.id = ca.worker2_id"
                " WHERE ca.worker1_id = :w UNION SELECT ca.id, ca.worker1_id, w1.role, ca.worker2_id, w2.role,"
                " ca.lead_worker_id, ca.reasons FROM coallocations ca JOIN workers w1 ON w1.id = ca.worker1_id"
                " JOIN workers w2 ON w2.id = ca.worker2_id WHERE ca.worker2_id = :w ORDER BY 1",
                {"w": worker_id},
            )
        ]

    def learning_answers(
        self,
        coallocation_ids: Sequence[int],
        questions: Sequence[tuple[str, int, int, str]],
        since: date | None = None,
        until: date | None = None,
    ) -> list[tuple[date, str, str, int, RecordKind, str, str]]:
        """``(meeting date, case reference, children's initials, record id, kind, question id, answer)`` for the
        text answers of the ``questions`` (form id, version, position in the form, question id) in the signed,
        current records of these co-allocations dated in ``[since, until]``; meeting date, record and position
        order. Only those answers are read from each record (json_extract), never the whole record."""
        if not coallocation_ids or not questions:
            return []
        forms = " UNION ALL ".join(f"SELECT :f{n}, :v{n}, :n{n}, :q{n}" for n in range(len(questions)))
        params: dict[str, Any] = {"ids": json.dumps(list(coallocation_ids))}
        for n, (form_id, version, position, qid) in enumerate(questions):
            params.update({f"f{n}": form_id, f"v{n}": version, f"n{n}": position, f"q{n}": qid})
        period = ""
        if since is not None:
            period += " AND r.meeting_date >= :since"
            params["since"] = since.isoformat()
        if until is not None:
            period += " AND r.meeting_date <= :until"
            params["until"] = until.isoformat()
        kinds = {k.value: k for k in RecordKind}
        fromiso = date.fromisoformat
        # "->" gives the answer's JSON text, as written: a string's starts with a quote, and only it is parsed
        return [
            (fromiso(meeting), reference, initials, rid, kinds[kind], qid, json.loads(value))
            for meeting, reference, initials, rid, kind, qid, value in self.db.conn.execute(
                f"WITH q(form_id, version, position, qid) AS ({forms})"
                " SELECT r.meeting_date, c.reference, c.children_initials, r.id, r.kind, q.qid,"
                " r.answers -> ('$.\"' || q.qid || '\"')"
                " FROM json_each(:ids) i CROSS JOIN records r INDEXED BY records_due"
                " ON r.coallocation_id = i.value AND r.status = 'signed'"
                " CROSS JOIN q ON q.form_id = r.form_id AND q.version = r.form_version"
                " JOIN cases c ON c.id = r.case_id"
                f" WHERE {NOT_SUPERSEDED}{period}"
                " ORDER BY r.meeting_date, r.id, q.position",
                params,
            )
            if value is not None and value.startswith('"')
        ]
