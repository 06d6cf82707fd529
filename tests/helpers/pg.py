"""The service tests' PostgreSQL: one throwaway cluster per test run (:mod:`benchmarks.pg`, shared with the service
benchmarks), a fresh database for each test (``pg_database``) with the service's schema made by ``cowork service
init`` (``initialised``), a new login made as an administrator would, and a connection as it."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from benchmarks.pg import Cluster, throwaway_cluster
from helpers.cli import run
from helpers.demo import copy_database

_logins = itertools.count(1)
_numbers = itertools.count(1)


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


def add_login(
    service: Service,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *,
    team: str = "",
    head: bool = False,
) -> str:
    """A new login (names are the cluster's, so each is new) with its password in a variable, as an administrator
    would make it; returns its name. Its password is ``pw-NAME``."""
    name = f"{'head' if head else 'mgr'}_{next(_logins)}"
    monkeypatch.setenv("NEW_LOGIN_PASSWORD", f"pw-{name}")
    where = ["--head"] if head else ["--team", team]
    code, out, err = run(
        capsys,
        "service",
        "user",
        "add",
        name,
        *where,
        "--password-env",
        "NEW_LOGIN_PASSWORD",
        "--url",
        service.admin_url,
    )
    assert (code, err) == (0, ""), err
    assert f"added the login {name}" in out
    return name


def login(service: Service, name: str) -> psycopg.Connection[tuple[object, ...]]:
    """A connection as ``name``, its password given the libpq way (PGPASSWORD is read at connect time)."""
    return psycopg.connect(
        service.url(name), password=f"pw-{name}", autocommit=True, options="-c search_path=cowork"
    )


# -- fixtures (tests/service/conftest.py offers them to the service tests; another test module imports them) --


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One throwaway cluster per test run (per module that imports it outside tests/service)."""
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
    """A database with the service's schema, made by ``cowork service init``."""
    code, out, err = run(capsys, "service", "init", "--url", pg_database.admin_url)
    assert (code, err) == (0, ""), err
    assert "applied m001_initial" in out
    return pg_database


@pytest.fixture
def laptop(demo_template: Path, tmp_path: Path) -> Path:
    """A copy of the demo database: a manager's laptop with signed records and drafts."""
    return copy_database(demo_template, tmp_path / "laptop" / "cowork.db")


@pytest.fixture
def manager(initialised: Service, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """A manager of the team north, logged in with PGPASSWORD (libpq's convention)."""
    name = add_login(initialised, capsys, monkeypatch, team="north")
    monkeypatch.setenv("PGPASSWORD", f"pw-{name}")
    return name
