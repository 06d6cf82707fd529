"""A change refreshes only the pages that show what it touched (``MainWindow.apply_changes``), and switching to
a damaged database offers its latest good backup, as at start-up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.errors import DamagedDatabase
from cowork_desktop.domain.models import RecordKind, RecordStatus, Role, Worker
from cowork_desktop.services import database, demo, sessions
from cowork_desktop.services.changes import Changes
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui import dialogs, security
from cowork_desktop.ui.main_window import MainWindow
from cowork_desktop.ui.wizard import MeetingWizard
from cowork_desktop.ui.wizard.pages import SignOffPage


def _window(qtbot: QtBot, ws: Workspace) -> MainWindow:
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _count_refreshes(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> dict[str, int]:
    """Every page built, each refresh counted by page name."""
    counts: dict[str, int] = {}
    for name in window.PAGE_NAMES:
        page = window._page(name)
        counts[name] = 0

        def counting(real: Callable[[], None] = page.refresh, name: str = name) -> None:  # type: ignore[attr-defined]
            counts[name] += 1
            real()

        monkeypatch.setattr(page, "refresh", counting)
    return counts


def test_every_page_says_what_it_shows(qtbot: QtBot, ws: Workspace) -> None:
    window = _window(qtbot, ws)
    for name in window.PAGE_NAMES:
        depends: frozenset[str] = window._page(name).DEPENDS_ON  # type: ignore[attr-defined]
        assert depends and Changes().touches(depends) is False  # known kinds (touches raises otherwise)
        assert Changes.everything().touches(depends)


def test_adding_a_worker_refreshes_the_workers_page_only(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, ws)
    window.show_case(coworked["case"])
    counts = _count_refreshes(monkeypatch, window)

    def exec_and_save(dialog: dialogs.WorkerDialog) -> int:
        dialog.name_edit.setText("Noor Haddad")
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.SOCIAL_WORKER.value))
        dialog.save()
        return int(QDialog.DialogCode.Accepted) if dialog.saved_id is not None else 0

    monkeypatch.setattr(dialogs.WorkerDialog, "exec", exec_and_save)
    window.new_worker()
    assert counts == {"dashboard": 0, "case_list": 0, "workers_page": 1, "case_page": 0, "worker_page": 0}
    assert "Noor Haddad" in [w.name for w in ws.store.list_workers()]
    assert window.workers_page.model.rowCount() == len(ws.store.list_workers())


def test_renaming_a_worker_refreshes_where_the_worker_appears(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, ws)
    counts = _count_refreshes(monkeypatch, window)
    worker = ws.store.get_worker(coworked["student"])
    changes = dialogs.WorkerDialog(ws.store, worker)
    changes.name_edit.setText("Łukasz Nowak")
    changes.save()
    window.apply_changes(changes.changes)
    assert counts["dashboard"] == counts["case_list"] == counts["case_page"] == counts["workers_page"] == 1


def test_signing_refreshes_the_pages_that_show_records(
    qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo.load_demo(ws, date.today())
    awaiting = [
        r
        for row in ws.store.list_cases(limit=100)
        for r in ws.store.records_for_case(row.id)
        if r.status == RecordStatus.AWAITING_SIGNATURES
    ]
    assert awaiting
    record = awaiting[0]
    assert record.id is not None
    window = _window(qtbot, ws)
    window.show_case(record.case_id)
    counts = _count_refreshes(monkeypatch, window)
    wizard = window.open_record(record.id)
    assert isinstance(wizard, MeetingWizard)  # kept open by the wizard module; closed after each test
    opened = dict(counts)
    signed = {s.worker_id for s in ws.store.signatures_for(record.id)}
    for worker_id in sessions.required_signers(ws, record):
        if worker_id not in signed:
            name = ws.store.get_worker(worker_id).name
            assert wizard.add_signature(worker_id, name, "typed", [], None) is None
            assert counts["case_page"] > opened["case_page"]  # a co-worker's signature shows on the case
    before = dict(counts)
    manager = ws.store.get_setting("manager_name") or "Amara Okafor"
    with qtbot.waitSignal(wizard.record_signed, timeout=5000):
        assert wizard.add_signature(SignOffPage.MANAGER, manager, "typed", [], None) is None
    assert ws.store.get_record(record.id).status == RecordStatus.SIGNED
    for name in ("dashboard", "case_page", "worker_page"):  # what signing changed, as sessions.sign_off says
        assert counts[name] == before[name] + 1, name
    closing = record.kind == RecordKind.CLOSING  # only a closing meeting ends the co-working
    assert counts["case_list"] == before["case_list"] + int(closing)
    assert counts["workers_page"] == opened["workers_page"]  # the list of workers shows no record


def test_a_damaged_database_opened_from_the_menu_offers_its_latest_backup(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.db"
    with database.open_database(other) as store:
        store.add_worker(Worker("Noor Haddad", Role.SOCIAL_WORKER))
    good = tmp_path / "good-backup.db"
    good.write_bytes(other.read_bytes())
    damaged = DamagedDatabase(
        f"{other}: the database file is damaged (malformed); restore a backup", other, good
    )
    offered: list[DamagedDatabase] = []
    real_open = database.open_workspace
    calls = {"n": 0}

    def open_workspace(path: Path, passphrase: str | None, **kw: Any) -> database.Opened:
        calls["n"] += 1
        if calls["n"] == 1:
            raise damaged
        return real_open(path, passphrase, **kw)

    def offer(parent: QWidget | None, exc: DamagedDatabase, *args: Any, **kw: Any) -> bool:
        offered.append(exc)
        return True  # the backup is in place

    monkeypatch.setattr(database, "open_workspace", open_workspace)
    monkeypatch.setattr(security, "offer_restore", offer)
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Ok)
    )
    window = _window(qtbot, ws)
    assert window.switch_database(other)
    assert offered == [damaged]
    assert window.ws.store.path == other and [w.name for w in window.ws.store.list_workers()] == [
        "Noor Haddad"
    ]
    window.ws.store.close()
    window.release_database()
