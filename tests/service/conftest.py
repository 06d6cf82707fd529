"""The service tests' PostgreSQL: one throwaway cluster per test run (tests/helpers/pg.py), and a fresh
database with the service's schema for each test that asks (``service``)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from helpers.pg import Cluster, throwaway_cluster

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    with throwaway_cluster() as cluster:
        yield cluster


@dataclass(frozen=True)
class Service:
    """A database on the test cluster: ``admin_url`` logs in as the cluster's superuser (no password)."""

    cluster: Cluster
    dbname: str

    @property
    def admin_url(self) -> str:
        return self.cluster.url(dbname=self.dbname)

    def url(self, user: str) -> str:
        return self.cluster.url(user, self.dbname)


@pytest.fixture
def pg_database(pg_cluster: Cluster) -> Service:
    """A new empty database on the cluster (the cluster's roles are shared by every database)."""
    name = f"cowork_test_{next(_numbers)}"
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return Service(pg_cluster, name)
