"""Database files as the tests look at them from outside the app."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

#: Noon on the demo's day, in UTC: when the backup tests take their backups.
NOON = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def workers_in(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM workers ORDER BY id")]
    finally:
        conn.close()
