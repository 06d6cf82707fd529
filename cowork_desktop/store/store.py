"""The store: one connection to one database, its tables as repositories by aggregate and the screens' reads.

:class:`Store` composes them; each lives in its own module (``store/repos/``, ``store/queries.py``) on the shared
plumbing of :class:`~cowork_desktop.store.base.StoreBase` (the connection, the one transaction, the audit entry).
Opening a database is ``store/opening.py``.
"""

from __future__ import annotations

from cowork_desktop.store.queries import DueQueries
from cowork_desktop.store.repos.audit import AuditRepository
from cowork_desktop.store.repos.records import RecordRepository
from cowork_desktop.store.repos.retention import RetentionRepository
from cowork_desktop.store.repos.settings import SettingsRepository


class Store(RecordRepository, AuditRepository, SettingsRepository, RetentionRepository, DueQueries):
    """Every table's reads and writes (each write in one transaction with its audit entry)."""
