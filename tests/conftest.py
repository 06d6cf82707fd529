"""Shared fixtures. Sets the Qt platform before anything imports Qt: without a display pytest would abort."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Temporary files in memory where the machine has /dev/shm (unless TMPDIR says otherwise): the store syncs every
# commit to the disk (synchronous = FULL), which on a real disk was a large part of every test's time and proves
# nothing in a test. Set before pytest makes its first temporary folder; child processes inherit it.
if "TMPDIR" not in os.environ and os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK | os.X_OK):
    os.environ["TMPDIR"] = "/dev/shm"
    tempfile.tempdir = None  # asked again, from TMPDIR

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.demo import build_demo_database, copy_database, demo_workspace

from cowork_desktop.domain import dates
from cowork_desktop.domain.models import CoAllocation, Reason, Role, Worker
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store
from cowork_desktop.store.store import Store

# One day for the whole run: a run that crosses midnight would otherwise start a meeting on one day and check it
# against the next (the app reckons "today" by domain.dates.today; test modules take theirs when imported)
dates.pin_today(date.today())

# gui marked by what a test uses, and a run without gui loading no Qt; --shard=i/n (for `make unit`); the
# fixture `small` (a case with an action done late) for the insights tests
pytest_plugins = ["helpers.markers", "helpers.shards", "helpers.small_case"]


@pytest.fixture(scope="session")
def _data_dirs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data")


@pytest.fixture(autouse=True)
def _private_data_dir(_data_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Never touch the real user's data folder from a test; a log configured by a test (the CLI, the app) goes
    with it, so the next test's log is its own. (A new folder under one made per run: ``mktemp`` per test reads
    the whole temporary folder each time.)"""
    from cowork_desktop import logs

    monkeypatch.setenv("COWORK_DATA_DIR", tempfile.mkdtemp(prefix="data-", dir=_data_dirs))
    yield
    logs.unconfigure()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cowork.db"


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, empty database as ``open_store`` creates it, made once per run: copy it, never change it."""
    path = tmp_path_factory.mktemp("empty-template") / "cowork.db"
    open_store(path, actor="test-manager").close()
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.fixture
def store(db_path: Path, empty_database: Path) -> Iterator[Store]:
    """An empty database at ``db_path``: a copy of :func:`empty_database` (creating the schema takes longer than
    the typical test; the tests of creating a database use :func:`new_store`)."""
    s = open_store(copy_database(empty_database, db_path), create=False, actor="test-manager")
    yield s
    s.close()


@pytest.fixture
def new_store(db_path: Path) -> Iterator[Store]:
    """An empty database created at ``db_path`` by ``open_store`` during the test."""
    s = open_store(db_path, actor="test-manager")
    yield s
    s.close()


@pytest.fixture
def ws(store: Store) -> Workspace:
    return Workspace.open(store)


@pytest.fixture
def coworked(ws: Workspace) -> dict[str, int]:
    """A case co-allocated to an experienced worker and a student (fictional people), started 2026-11-02."""
    from cowork_desktop.domain.models import Case, PlanType

    s = ws.store
    sw = s.add_worker(Worker("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER, "Assessment Team 2"))
    st = s.add_worker(Worker("Łukasz Wiśniewski", Role.STUDENT, "Assessment Team 2"))
    mgr = s.add_worker(Worker("Amara Okafor", Role.TEAM_MANAGER, "Assessment Team 2"))
    case = s.add_case(Case("CR-100234", 2, "AB, CD", PlanType.CHILD_PROTECTION))
    assert sw.id and st.id and case.id and mgr.id
    ca = s.add_coallocation(
        CoAllocation(case.id, sw.id, st.id, sw.id, date(2026, 11, 2), [Reason.DEVELOPMENT, Reason.COMPLEXITY])
    )
    assert ca.id
    return {"experienced": sw.id, "student": st.id, "manager": mgr.id, "case": case.id, "coallocation": ca.id}


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database ``cowork demo --today 2026-11-23`` makes, built once per run: copy it
    (``helpers.demo.copy_database``), never change it."""
    folder = tmp_path_factory.mktemp("demo-template")
    return build_demo_database(folder / "demo.db", folder / "data")


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """The demo loaded around :data:`DEMO_DAY` by ``load_demo`` into a database of the module's own, open as
    ``test-manager``."""
    with demo_workspace(tmp_path_factory.mktemp("demo-ws") / "demo.db") as ws:
        yield ws
