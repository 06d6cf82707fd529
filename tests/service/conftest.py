"""The service tests' PostgreSQL: one throwaway cluster per test run (benchmarks/pg.py), and a fresh
database for each test (``pg_database``), with the service's schema made by ``cowork service init`` (``initialised``)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import psycopg
import pytest
from helpers.cli import run
from helpers.pg import Service

from benchmarks.pg import Cluster, throwaway_cluster

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    with throwaway_cluster() as cluster:
        yield cluster


@pytest.fixture
def pg_database(pg_cluster: Cluster) -> Service:
    """A new empty database on the cluster (the cluster's roles are shared by every database)."""
    name = f"cowork_test_{next(_numbers)}"
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return Service(pg_cluster, name)


@pytest.fixture
def initialised(pg_database: Service, capsys: pytest.CaptureFixture[str]) -> Service:
    code, out, err = run(capsys, "service", "init", "--url", pg_database.admin_url)
    assert (code, err) == (0, ""), err
    assert "applied m001_initial" in out
    return pg_database
