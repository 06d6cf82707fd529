"""Shared fixtures. Sets the Qt platform before anything imports Qt: without a display pytest would abort."""

from __future__ import annotations

import os
import sys
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
from helpers.demo import build_demo_database, copy_database
from helpers.markers import QT_SENTINELS, deselects_gui, needs_qt, qt_imports

from cowork_desktop.domain.models import CoAllocation, Reason, Role, Worker
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.db import Store, open_store

# --shard=i/n (for `make unit`); the fixture `small` (a case with an action done late) for the insights tests
pytest_plugins = ["helpers.shards", "helpers.small_case"]


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """``make unit`` runs with pytest-qt disabled (``-p no:pytest-qt``: the plugin imports Qt when it starts).
    Its settings in pyproject.toml are then declared here, unused, so ``--strict-config`` still passes."""
    if not pluginmanager.has_plugin("pytest-qt"):
        unused = "a pytest-qt setting; pytest-qt is disabled in this run"
        parser.addini("qt_api", unused)
        parser.addini("qt_log_level_fail", unused)
        parser.addini("qt_log_ignore", unused, type="linelist")


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """When ``-m`` deselects every gui test, a test file that imports Qt at its top is not even imported: a
    ``not gui`` run must not load Qt."""
    if (
        collection_path.suffix == ".py"
        and collection_path.name.startswith("test_")
        and deselects_gui(config.getoption("markexpr") or "")
        and qt_imports(collection_path)[0]
    ):
        return True
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``gui`` for every test that needs Qt (helpers/markers.py says how that is found), wherever it sits."""
    for item in items:
        function = getattr(item, "function", None)
        qualname = getattr(function, "__qualname__", None)
        if needs_qt(item.path, qualname, list(getattr(item, "fixturenames", ()))):
            item.add_marker(pytest.mark.gui)


def pytest_sessionstart(session: pytest.Session) -> None:
    session.stash[_QT_BEFORE] = _qt_loaded()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A run that deselects the gui tests must not have loaded Qt (pytest-qt loads it when it is enabled; then
    only the app's own Qt modules are checked): else a test that needs Qt is not marked gui."""
    if not deselects_gui(session.config.getoption("markexpr") or ""):
        return
    before: set[str] = session.stash[_QT_BEFORE]
    loaded = sorted(_qt_loaded() - before)
    if loaded:
        session.config.get_terminal_writer().line(
            f"\nERROR: this run deselects the gui tests, yet Qt was loaded ({', '.join(loaded)}): "
            "a test that needs Qt is not marked gui",
            red=True,
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_QT_BEFORE = pytest.StashKey[set[str]]()


def _qt_loaded() -> set[str]:
    return {name for name in QT_SENTINELS if name in sys.modules}


@pytest.fixture(autouse=True)
def _qt_only_in_gui_tests(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test not marked gui that loads Qt (through a helper, say) fails: mark it gui, or keep Qt out of it."""
    if request.node.get_closest_marker("gui") is not None:
        yield
        return
    before = _qt_loaded()
    yield
    loaded = sorted(_qt_loaded() - before)
    if loaded:
        pytest.fail(f"this test is not marked gui, yet it loaded Qt ({', '.join(loaded)})", pytrace=False)


@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Never touch the real user's data folder from a test; a log configured by a test (the CLI, the app) goes
    with it, so the next test's log is its own."""
    from cowork_desktop import logs

    monkeypatch.setenv("COWORK_DATA_DIR", str(tmp_path_factory.mktemp("data")))
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
