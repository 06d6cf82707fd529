"""What the store makes of an ``sqlite3`` error: one of the app's own errors, so nothing above the store catches
``sqlite3.Error``.

The triggers that protect signed records, the audit log and the other append-only tables refuse with a tagged
message, ``cowork:E001 record is signed and locked: make an amendment instead`` (migration m007): the code picks
the error class and the one line shown from :data:`REFUSALS`, the one table of them. A test checks that every
trigger the migrations install is tagged with a code of this table and its text.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cowork_desktop.domain.errors import (
    CoworkError,
    DamagedDatabase,
    LockedRecordError,
    StoreError,
    UniqueConflict,
)

#: what starts every message a cowork trigger raises
PREFIX = "cowork:"
_TAG = re.compile(rf"{PREFIX}(E\d{{3}}) ")


@dataclass(frozen=True)
class Refusal:
    code: str
    error: type[CoworkError]
    message: str


REFUSALS: dict[str, Refusal] = {
    r.code: r
    for r in (
        Refusal("E001", LockedRecordError, "record is signed and locked: make an amendment instead"),
        Refusal("E002", LockedRecordError, "record is signed and locked: it cannot be deleted"),
        Refusal("E003", LockedRecordError, "a record is signed only after its signatures are added"),
        Refusal("E004", LockedRecordError, "a record needs signatures before it is signed"),
        Refusal("E005", LockedRecordError, "signatures cannot be changed"),
        Refusal("E006", LockedRecordError, "signatures of a signed record cannot be deleted"),
        Refusal("E007", LockedRecordError, "signatures are added only to a record awaiting signatures"),
        Refusal(
            "E008",
            LockedRecordError,
            "answers are frozen while signatures are collected: return the record to draft first",
        ),
        Refusal("E009", LockedRecordError, "actions agreed in a signed record cannot be changed"),
        Refusal("E010", LockedRecordError, "actions agreed in a signed record cannot be deleted"),
        Refusal("E011", LockedRecordError, "a signed record cannot take more actions"),
        Refusal("E012", LockedRecordError, "the audit log is append-only"),
        Refusal("E013", LockedRecordError, "a stored form version cannot change"),
        Refusal("E014", StoreError, "only an ended co-allocation can be purged"),
        Refusal("E015", StoreError, "a purge is authorised only right after its audit entry"),
        Refusal("E016", LockedRecordError, "a known certificate cannot be changed"),
        Refusal("E017", LockedRecordError, "a known certificate cannot be deleted"),
        Refusal("E018", LockedRecordError, "a signed chain head cannot be changed"),
        Refusal("E019", LockedRecordError, "a signed chain head cannot be deleted"),
        Refusal("E020", StoreError, "the audit log is a hash chain: a new entry must follow the last one"),
        Refusal("E021", LockedRecordError, "actions carried into a record cannot be changed"),
        Refusal("E022", LockedRecordError, "actions carried into a signed record cannot be deleted"),
        Refusal("E023", LockedRecordError, "a database keeps its identity"),
        Refusal("E024", LockedRecordError, "pulled history cannot be changed"),
        Refusal("E025", LockedRecordError, "pulled history cannot be deleted"),
        Refusal(
            "E026",
            StoreError,
            "pulled history is added only by a pull, right after its entry in the audit log",
        ),
    )
}


def refusal_of(exc: sqlite3.Error) -> Refusal | None:
    """The refusal a cowork trigger tagged this error with, or None."""
    found = _TAG.search(str(exc))
    return REFUSALS.get(found.group(1)) if found else None


def is_busy(exc: sqlite3.Error | str) -> bool:
    """Another connection holds the lock (or SQLite gave up waiting for it)."""
    msg = str(exc)
    return "locked" in msg or "busy" in msg


def is_damage(exc: sqlite3.Error) -> bool:
    """The file is damaged (a page that does not read back), or is not a database at all."""
    msg = str(exc)
    return any(word in msg for word in ("malformed", "not a database", "disk image"))


def damaged(path: Path, problem: object) -> DamagedDatabase:
    return DamagedDatabase(f"{path}: the database file is damaged ({problem}); restore a backup", path)


def translate(exc: sqlite3.Error, path: Path, *, writing: bool = False) -> CoworkError:
    """The app's own error for ``exc``, met reading (or, with ``writing``, writing in a transaction that was rolled
    back) the database at ``path``: the one line the user sees."""
    refusal = refusal_of(exc)
    if refusal is not None:
        return refusal.error(refusal.message)
    msg = str(exc)
    unsaved = "; nothing was saved" if writing else ""
    if isinstance(exc, sqlite3.IntegrityError) and msg.startswith("UNIQUE constraint failed: "):
        return UniqueConflict(f"{path}: {msg}{unsaved}", msg.removeprefix("UNIQUE constraint failed: "))
    if is_busy(exc):
        if writing:
            return StoreError(
                f"{path}: the database is locked by another program; nothing was saved, try again"
            )
        return StoreError(f"{path}: the database is locked by another program; close it and try again")
    if "readonly" in msg or "read-only" in msg:
        if writing:
            return StoreError(f"{path}: the database is read-only; nothing was saved")
        return StoreError(f"{path}: the database is read-only here; check the folder's permissions")
    if "disk is full" in msg or "disk I/O" in msg:
        return StoreError(f"{path}: the disk is full or failing{unsaved}")
    if is_damage(exc):
        return damaged(path, msg)
    return StoreError(f"{path}: {msg}{unsaved}")


@contextmanager
def app_errors(path: Path) -> Iterator[None]:
    """Inside: an error from SQLite comes out as the app's own (:func:`translate`), for the store's functions that
    work on a database file outside a :class:`~cowork_desktop.store.store.Store` method (backups, restores)."""
    try:
        yield
    except sqlite3.Error as exc:
        raise translate(exc, path) from None
