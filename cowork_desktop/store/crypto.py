"""Encryption at rest: SQLCipher 4 through ``sqlcipher3``, behind the same connection API as ``sqlite3``.

An encrypted database is opened with a passphrase (``PRAGMA key``); SQLCipher derives the key from it with
PBKDF2 and the salt stored in the file's first 16 bytes, so an encrypted file has no "SQLite format 3" header.

``sqlcipher3`` raises its own exception classes, which are not subclasses of ``sqlite3``'s. The connection and
cursor returned here translate them into the ``sqlite3`` class of the same name, so every ``except sqlite3.Error``
in the app (and in sqlite-utils, which uses them for feature detection) works on both kinds of database.

The passphrase is passed to SQLCipher and nowhere else: never logged, never written, never kept by this module.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

from cowork_desktop.domain.errors import EncryptionUnavailable, StoreError, WrongPassphrase
from cowork_desktop.store import owner, refusals

SQLITE_HEADER = b"SQLite format 3\x00"
#: SQLCipher pages are a multiple of 512 bytes (4096 by default) and its file starts with a random salt.
_PAGE_QUANTUM = 512
_MIN_DISTINCT_SALT_BYTES = (
    40  # of the first 64 bytes: random data has about 57 distinct values, text far fewer
)


class OpenDatabase(Protocol):
    """What :func:`change_passphrase` needs of an open store (a :class:`~cowork_desktop.store.store.Store`):
    named here, so this module, which the store's opening imports, does not import the store."""

    encrypted: bool
    path: Path
    owner: Any
    db: Any

    def require_pages(self) -> None: ...

    def tx(self) -> AbstractContextManager[Any]: ...

    def audit(self, action: str, entity: str, entity_id: int | None, **detail: Any) -> object: ...


T = TypeVar("T")


@functools.cache
def unavailable_reason() -> str | None:
    """None when SQLCipher works here; otherwise one line saying why (shown at first run, with the plain choice)."""
    try:
        import sqlcipher3
    except ImportError as exc:
        return f"the sqlcipher3 module is not installed ({exc})"
    try:
        conn = sqlcipher3.connect(":memory:")
        try:
            row = conn.execute("PRAGMA cipher_version").fetchone()
        finally:
            conn.close()
    except Exception as exc:  # a broken native library: say so, never crash
        return f"SQLCipher does not work here ({exc})"
    if not row or not row[0]:
        return "the sqlite library sqlcipher3 loaded has no encryption (no cipher_version)"
    return None


def available() -> bool:
    return unavailable_reason() is None


def require_available() -> None:
    reason = unavailable_reason()
    if reason is not None:
        raise EncryptionUnavailable(f"encryption is not available on this computer: {reason}")


# -- telling an encrypted file from a plain or a foreign one --------------------------------------------------


def _looks_random(header: bytes) -> bool:
    return len(header) >= 64 and len(set(header[:64])) >= _MIN_DISTINCT_SALT_BYTES


def classify(header: bytes, size: int) -> str:
    """See :func:`file_kind`, from the first 100 bytes and the size."""
    if size == 0:
        return "empty"
    if header.startswith(SQLITE_HEADER):
        return "sqlite"
    if _looks_random(header):
        return "encrypted" if size % _PAGE_QUANTUM == 0 else "encrypted-damaged"
    return "other"


def file_kind(path: Path) -> str:
    """``missing``, ``empty``, ``sqlite`` (plain), ``encrypted``, ``encrypted-damaged`` or ``other``.

    "encrypted" is a guess from the outside (no SQLite header, a random-looking start and a whole number of
    pages); only the passphrase proves it. A folder, or a file that cannot be read, is ``other``: whoever opens it
    says why in words.
    """
    try:
        if path.is_dir():
            return "other"
        size = path.stat().st_size
        with path.open("rb") as fh:
            header = fh.read(100)
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "other"
    return classify(header, size)


def is_encrypted(path: Path | str) -> bool:
    """True when the file at ``path`` looks like an SQLCipher database (so a passphrase must be asked for)."""
    return file_kind(Path(path)) in ("encrypted", "encrypted-damaged")


# -- the passphrase --------------------------------------------------------------------------------------------


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase SQLCipher cannot take (empty, or with a NUL character)."""
    if not passphrase:
        raise StoreError("the passphrase is empty")
    if "\x00" in passphrase:
        raise StoreError("the passphrase cannot contain a NUL character")


def _literal(passphrase: str) -> str:
    """An SQL string literal (PRAGMA takes no bound parameters)."""
    check_passphrase(passphrase)
    return "'" + passphrase.replace("'", "''") + "'"


# -- connections that raise sqlite3's exceptions ---------------------------------------------------------------


def translate(exc: BaseException) -> BaseException:
    """A ``sqlcipher3`` error as the ``sqlite3`` error of the same class name (other exceptions unchanged)."""
    module = type(exc).__module__ or ""
    if not module.startswith("sqlcipher3"):
        return exc
    cls = getattr(sqlite3, type(exc).__name__, None)
    if not (isinstance(cls, type) and issubclass(cls, Exception)):
        cls = sqlite3.DatabaseError
    new = cls(*exc.args)
    for attr in ("sqlite_errorcode", "sqlite_errorname"):
        if hasattr(exc, attr):
            with contextlib.suppress(AttributeError):
                setattr(new, attr, getattr(exc, attr))
    return new


def _call(fn: Callable[..., T], *args: Any) -> T:
    try:
        return fn(*args)
    except Exception as exc:
        new = translate(exc)
        if new is exc:
            raise
        raise new from None


@functools.cache
def _classes() -> tuple[type, type]:
    from sqlcipher3 import dbapi2

    class Cursor(dbapi2.Cursor):  # type: ignore[misc]
        def execute(self, sql: str, parameters: Any = ()) -> Cursor:
            return cast(Cursor, _call(super().execute, sql, parameters))

        def executemany(self, sql: str, seq: Iterable[Any]) -> Cursor:
            return cast(Cursor, _call(super().executemany, sql, seq))

        def executescript(self, script: str) -> Cursor:
            return cast(Cursor, _call(super().executescript, script))

        def fetchone(self) -> Any:
            return _call(super().fetchone)

        def fetchmany(self, *args: Any) -> list[Any]:
            return cast(list[Any], _call(super().fetchmany, *args))

        def fetchall(self) -> list[Any]:
            return cast(list[Any], _call(super().fetchall))

        def __iter__(self) -> Iterator[Any]:
            return self

        def __next__(self) -> Any:
            return _call(super().__next__)

    class Connection(dbapi2.Connection):  # type: ignore[misc]
        def cursor(self, factory: Any = Cursor) -> Any:
            return _call(super().cursor, factory)

        def execute(self, sql: str, parameters: Any = ()) -> Any:
            return self.cursor().execute(sql, parameters)

        def executemany(self, sql: str, seq: Iterable[Any]) -> Any:
            return self.cursor().executemany(sql, seq)

        def executescript(self, script: str) -> Any:
            return self.cursor().executescript(script)

        def commit(self) -> None:
            _call(super().commit)

        def rollback(self) -> None:
            _call(super().rollback)

        def __exit__(self, *exc: object) -> Any:
            return _call(super().__exit__, *exc)

    return Cursor, Connection


def read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` without writing anything beside it: with no write-ahead log present (no other
    connection open, no crash to recover) it is opened ``immutable``, so not even a -wal/-shm file appears next to a
    damaged database."""
    quoted = urllib.parse.quote(path.as_posix())
    if Path(f"{path}-wal").exists():
        return f"file:{quoted}?mode=ro"
    return f"file:{quoted}?mode=ro&immutable=1"


def connect(
    path: Path, passphrase: str, *, read_only: bool = False, timeout: float = 5
) -> sqlite3.Connection:
    """A keyed SQLCipher connection (duck-typed as ``sqlite3.Connection``). The key is checked lazily by SQLCipher:
    call :func:`check_key` (or read anything) to learn whether it was right."""
    require_available()
    import sqlcipher3

    literal = _literal(passphrase)
    _cursor, connection = _classes()
    target = read_only_uri(path) if read_only else str(path)
    conn = _call(
        functools.partial(
            sqlcipher3.connect,
            target,
            timeout=timeout,
            check_same_thread=False,
            factory=connection,
            uri=read_only,
        )
    )
    return cast(sqlite3.Connection, _finish_connect(conn, literal))


def _finish_connect(conn: Any, literal: str) -> Any:
    try:
        conn.execute(
            "PRAGMA cipher_log_level = NONE"
        )  # SQLCipher would print a wrong key's details on stderr
        conn.execute(f"PRAGMA key = {literal}")
    except BaseException:
        conn.close()
        raise
    return conn


def check_key(conn: sqlite3.Connection) -> bool:
    """True when the connection's key opens the file (False: wrong passphrase, or not an SQLCipher file)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "encrypted" in str(exc):
            return False
        raise
    return True


def rekey(conn: sqlite3.Connection, new_passphrase: str) -> None:
    """Re-encrypt every page with a key derived from the new passphrase (``PRAGMA rekey``)."""
    conn.execute(f"PRAGMA rekey = {_literal(new_passphrase)}")


def export_copy(conn: sqlite3.Connection, target: Path) -> None:
    """Copy the keyed database into ``target`` (a new file), encrypted with the same key: ``sqlcipher_export``
    into a database ATTACHed without a KEY clause, which SQLCipher keys like the main one, salt included, so the
    copy opens with the same passphrase. No passphrase is needed here, and none is kept."""
    conn.execute("ATTACH DATABASE ? AS cowork_copy", [str(target)])
    try:
        conn.execute("SELECT sqlcipher_export('cowork_copy')").fetchall()
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA cowork_copy.user_version = {int(version)}")
    finally:
        conn.execute("DETACH DATABASE cowork_copy")


def integrity_of_copy(conn: sqlite3.Connection, target: Path) -> str:
    """``PRAGMA integrity_check`` of an encrypted copy, read back from disk through the main connection's key."""
    conn.execute("ATTACH DATABASE ? AS cowork_check", [str(target)])
    try:
        rows = conn.execute("PRAGMA cowork_check.integrity_check").fetchall()
    finally:
        conn.execute("DETACH DATABASE cowork_check")
    return "; ".join(str(r[0]) for r in rows) if rows else "no answer"


def passphrase_opens(path: Path, passphrase: str) -> bool:
    """True when ``passphrase`` opens the encrypted database at ``path`` (a separate, read-only connection):
    used to unlock the app and to confirm the current passphrase before changing it."""
    try:
        check_passphrase(passphrase)
    except StoreError:
        return False
    try:
        conn = connect(path, passphrase, read_only=True)
        try:
            return check_key(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise refusals.translate(exc, path) from None


def change_passphrase(store: OpenDatabase, current: str, new: str) -> None:
    """Re-key the open encrypted database (``PRAGMA rekey``) after checking the current passphrase; audited
    (without either passphrase). Backups taken before keep the passphrase they were taken with."""
    if not store.encrypted:
        raise StoreError(f"{store.path}: this database is not encrypted, so it has no passphrase to change")
    check_passphrase(new)
    if not passphrase_opens(store.path, current):
        raise WrongPassphrase(f"wrong passphrase for {store.path}")
    # refused while the app (or another command) has the database open: it would go on with the old key
    with owner.sole(store.path, "changing the passphrase", held=store.owner):
        store.require_pages()  # re-keying rewrites every page: never a damaged file's
        try:
            rekey(store.db.conn, new)
        except sqlite3.Error as exc:
            raise StoreError(f"{store.path}: the passphrase was not changed ({exc})") from None
        with store.tx():
            store.audit("rekey", "database", None)
