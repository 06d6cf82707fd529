"""The store's plumbing, shared by every repository: the connection, the one transaction (:meth:`StoreBase.tx`)
and its audit entry, the page check before the first write and the protections (triggers, indexes)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from sqlite_utils import Database

from cowork_desktop.domain.audit import GENESIS, entry_hash
from cowork_desktop.domain.errors import (
    DamagedDatabase,
    NotFoundError,
    ProtectionsMissing,
    ReadOnlyDatabase,
    StoreError,
)
from cowork_desktop.store import schema
from cowork_desktop.store.checks import PageCheck, check_file_pages
from cowork_desktop.store.migrations import migrations
from cowork_desktop.store.refusals import translate
from cowork_desktop.store.rows import now_utc
from cowork_desktop.store.schema import SchemaProblem

#: an audit entry's columns, in the order :class:`cowork_desktop.domain.audit.Entry` takes them
ENTRY_COLUMNS = "id, at, actor, action, entity, entity_id, detail, prev_hash, hash"


@dataclass(frozen=True)
class AuditRef:
    """An audit entry's id and chained hash."""

    id: int
    hash: str


class StoreBase:
    """What every repository of the store stands on (see :class:`cowork_desktop.store.store.Store`)."""

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
            check_file_pages(self.db.conn, self.path)
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

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def tx(self) -> Iterator[Database]:
        """One transaction; an ``sqlite3`` error in it becomes the app's own (``store.refusals``): a trigger
        refusing a change a LockedRecordError, a unique index a UniqueConflict, and so on.

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
        except sqlite3.Error as exc:
            raise translate(exc, self.path, writing=True) from None

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

    def schema_version(self) -> int:
        return len(migrations.applied(self.db))

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = list(self.db.query(sql, params))
        return rows[0] if rows else None

    def _by_id(self, table: str, what: str, row_id: int) -> dict[str, Any]:
        """The row of ``table`` with this id; :class:`NotFoundError` ("no <what> with id …") when there is none."""
        row = self._one(f"SELECT * FROM {table} WHERE id = ?", [row_id])
        if row is None:
            raise NotFoundError(f"no {what} with id {row_id}")
        return row
