"""What SQLite does for a query: its plan, the full table scans in it, and the statements a store runs."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from cowork_desktop.store.store import Store

#: tables that grow with the service: a plan may search them by an index, never scan them whole
GROWING = ("records", "coallocations", "actions", "signatures", "audit_log")


def plan(conn: sqlite3.Connection, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[str]:
    return [str(row[3]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]


def full_scans(steps: list[str], aliases: dict[str, str]) -> list[str]:
    """The steps of a plan that read a growing table whole (``SCAN ca`` with ``ca`` an alias of coallocations)."""
    growing = set(GROWING) | {alias for alias, table in aliases.items() if table in GROWING}
    return [s for s in steps if s.startswith("SCAN ") and s.split()[1] in growing]


def traced(store: Store) -> list[str]:
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    return statements
