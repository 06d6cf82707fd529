"""Connecting to the service, libpq's way: the URL names the server, the database and the login, never the
password, which comes from ``PGPASSWORD``, ``~/.pgpass`` or a service file (``PGSERVICEFILE``), as for ``psql``.
TLS is the URL's too (``sslmode=verify-full``, ``sslrootcert=...``). Every psycopg error leaves this package as
the app's :class:`~cowork_desktop.domain.errors.ServiceError`: one line, without the password.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import psycopg
from psycopg import conninfo

from cowork_desktop.domain.errors import ServiceError
from cowork_desktop.service_store.migrations import SCHEMA

#: how long a connection attempt may take (seconds) before the service counts as unreachable
CONNECT_TIMEOUT = 10


def check_url(url: str) -> dict[str, str]:
    """The URL's parts; refuses one that carries a password (it would be on the command line, in the shell's
    history and in the process list)."""
    try:
        parts = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise ServiceError(f"not a PostgreSQL URL: {_first_line(exc)}") from None
    if "password" in parts:
        raise ServiceError(
            "the service URL carries a password: leave it out and use PGPASSWORD, ~/.pgpass or a service file"
        )
    return {k: str(v) for k, v in parts.items() if v is not None}


def where(url: str) -> str:
    """The server and database a URL names, for messages."""
    parts = check_url(url)
    host = parts.get("host", "localhost")
    port = parts.get("port", "5432")
    return (
        f"{parts.get('dbname', '')}@{host}:{port}"
        if "service" not in parts
        else f"service {parts['service']}"
    )


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def translate(exc: psycopg.Error) -> ServiceError:
    return ServiceError(f"the service refused: {_first_line(exc)}")


@contextlib.contextmanager
def translating() -> Iterator[None]:
    """Any psycopg error inside becomes a :class:`ServiceError` (one line)."""
    try:
        yield
    except psycopg.Error as exc:
        raise translate(exc) from None


def connect(url: str) -> psycopg.Connection[tuple[object, ...]]:
    """A connection to the service (autocommit off; the caller runs each unit of work in ``conn.transaction()``)
    with the service's schema first on the search path."""
    check_url(url)
    try:
        conn = psycopg.connect(
            url, connect_timeout=CONNECT_TIMEOUT, options=f"-c search_path={SCHEMA},pg_catalog"
        )
    except psycopg.Error as exc:
        raise ServiceError(f"cannot reach the service at {where(url)}: {_first_line(exc)}") from None
    conn.autocommit = True  # each unit of work opens its own transaction (conn.transaction())
    return conn
