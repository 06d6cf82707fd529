"""The page check after the first paint, with real widgets offscreen and real database files: it runs on a thread
of its own (the window is usable meanwhile), then the evidence check starts; a damaged page is said by the window
and nothing is written to the file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from helpers.db_damage import damage_table
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.errors import DamagedDatabase
from cowork_desktop.domain.models import Role, Worker
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store
from cowork_desktop.ui.main_window import MainWindow


def _make(path: Path) -> None:
    with open_store(path) as store:
        store.add_worker(Worker("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER))


def _window(qtbot: QtBot, path: Path) -> MainWindow:
    store = open_store(path)
    window = MainWindow(Workspace.open(store))
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_page_check_runs_on_its_thread_then_the_evidence_check(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "cowork.db"
    _make(path)
    window = _window(qtbot, path)
    try:
        store = window.ws.store
        assert not store.pages_checked and window.integrity_check is None
        with qtbot.waitSignal(window.page_check_done, timeout=20000):
            window.start_checks(None)
            assert window.page_check is not None
        assert store.pages_checked and window.page_check.error is None
        assert window.integrity_check is not None  # the evidence check follows it
        window.integrity_check.worker.join(20)
        assert not window.integrity_check.worker.is_alive()
        window.ws.store.set_setting("manager_name", "Amara Okafor")  # writes go ahead
    finally:
        window.ws.store.close()


def test_a_damaged_page_found_after_the_first_paint_is_said_and_nothing_is_written(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "cowork.db"
    _make(path)
    damage_table(path, "audit_log")  # read by nothing on screen
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    window = _window(qtbot, path)
    try:
        with qtbot.waitSignal(window.database_damaged, timeout=20000) as said:
            window.start_checks(None)
        assert isinstance(said.args[0], DamagedDatabase) and "damaged" in str(said.args[0])
        assert window.integrity_check is None  # no evidence check of a damaged file
        with pytest.raises(DamagedDatabase, match="nothing was saved"):
            window.ws.store.set_setting("manager_name", "Amara Okafor")
    finally:
        window.ws.store.close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
