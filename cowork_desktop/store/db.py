"""The names the rest of the app imported from ``store.db`` before the store was split (issue 16), kept for this
release so the branches that use them merge cleanly. New code imports them from where they live:

- opening a database: :mod:`cowork_desktop.store.opening` (``open_store``, ``open_read_only``,
  ``open_backup_source``, ``with_latest_backup``, ``damage_found``);
- the checks on opening: :mod:`cowork_desktop.store.checks` (``preflight``, ``PageCheck``);
- the store: :mod:`cowork_desktop.store.store` (``Store``), its repositories in ``store/repos/`` (``CaseRow``,
  ``SignedInputs``, ``AuditRef``, ``AuditHead``, ``KnownCertificate``) and :mod:`cowork_desktop.store.rows`
  (``now_utc``, ``NOT_SUPERSEDED``, ``CURRENT_ACTION``).
"""

from __future__ import annotations

from cowork_desktop.store.base import AuditRef
from cowork_desktop.store.checks import PageCheck
from cowork_desktop.store.opening import (
    damage_found,
    open_backup_source,
    open_read_only,
    open_store,
    with_latest_backup,
)
from cowork_desktop.store.repos.audit import AuditHead
from cowork_desktop.store.repos.people import CaseRow
from cowork_desktop.store.repos.records import SignedInputs
from cowork_desktop.store.repos.settings import KnownCertificate
from cowork_desktop.store.rows import CURRENT_ACTION, NOT_SUPERSEDED, now_utc
from cowork_desktop.store.store import Store

__all__ = [
    "CURRENT_ACTION",
    "NOT_SUPERSEDED",
    "AuditHead",
    "AuditRef",
    "CaseRow",
    "KnownCertificate",
    "PageCheck",
    "SignedInputs",
    "Store",
    "damage_found",
    "now_utc",
    "open_backup_source",
    "open_read_only",
    "open_store",
    "with_latest_backup",
]
