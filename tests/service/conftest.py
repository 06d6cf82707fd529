"""The service tests' PostgreSQL fixtures (:mod:`helpers.pg`): one throwaway cluster per test run, a fresh database
for each test, with the service's schema made by ``cowork service init``."""

from __future__ import annotations

from helpers.pg import initialised, laptop, manager, pg_cluster, pg_database

__all__ = ["initialised", "laptop", "manager", "pg_cluster", "pg_database"]
