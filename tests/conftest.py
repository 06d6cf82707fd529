"""Shared fixtures. Sets the Qt platform before anything imports Qt: without a display pytest would abort."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cowork_desktop.domain.models import CoAllocation, Reason, Role, Worker
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store
from cowork_desktop.store.store import Store


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "/tests/gui/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)


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


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
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
