"""Database files as the tests look at them from outside the app."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from cowork_desktop.domain.errors import StoreError
from cowork_desktop.store.opening import open_store

#: Noon on the demo's day, in UTC: when the backup tests take their backups.
NOON = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(path: Path, query: str, params: Sequence[object] = (), *, read_only: bool = False) -> list[Any]:
    """The rows ``query`` reads from the database file at ``path``, with plain sqlite3 as anyone with the file
    can (``read_only``: opened read-only, so a missing file is an error, not a new database)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True) if read_only else sqlite3.connect(path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def workers_in(path: Path) -> list[str]:
    return [r[0] for r in rows(path, "SELECT name FROM workers ORDER BY id", read_only=True)]


def refused_unchanged(path: Path, match: str, **options: Any) -> StoreError:
    """``open_store(path, **options)`` refuses with a one-line :class:`StoreError` matching ``match``, and the
    file is byte for byte as it was; the error."""
    before = sha256(path)
    with pytest.raises(StoreError, match=match) as info:
        open_store(path, **options)
    assert "\n" not in str(info.value)
    assert sha256(path) == before
    return info.value
