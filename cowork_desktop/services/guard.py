"""The app's errors, never ``sqlite3``'s, out of the services and the reads views make through the store.

Until the store translates every ``sqlite3`` error itself, a service (or a view reading through the store)
wraps what it does in :func:`store_errors`; afterwards it does nothing and goes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cowork_desktop.domain.errors import DamagedDatabase, StoreError


@contextmanager
def store_errors(path: Path | None = None) -> Iterator[None]:
    """Inside: an error from SQLite is a :class:`StoreError` (one line); with ``path``, one that says the file
    cannot be read (``sqlite3.DatabaseError``) is a :class:`DamagedDatabase` of that file."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        if path is not None:
            raise DamagedDatabase(
                f"{path}: the database file is damaged ({exc}); restore a backup", path
            ) from exc
        raise StoreError(str(exc)) from exc
    except sqlite3.Error as exc:
        raise StoreError(str(exc)) from exc
