"""Setting up the service (``cowork service init``, ``cowork service user add``): the use cases, over
:mod:`cowork_desktop.service_store.admin`. Imported only when a service command runs (psycopg loads with it)."""

from __future__ import annotations

from cowork_desktop.service_store.admin import InitReport, add_user, init_service
from cowork_desktop.service_store.connection import where

__all__ = ["InitReport", "add_user", "init_service", "where"]
