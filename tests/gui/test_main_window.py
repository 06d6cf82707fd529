"""Dashboard, case list, case page, workers page and the main window, each built on its own; one app smoke test."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers.widgets import shown
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from cowork_desktop import app as app_module
from cowork_desktop.domain.models import Case, RecordKind, Role, Worker
from cowork_desktop.services import sessions
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.store import Store
from cowork_desktop.ui import main_window as main_window_module
from cowork_desktop.ui import theme
from cowork_desktop.ui.case_list import CaseListModel, CaseListPage
from cowork_desktop.ui.case_page import CasePage
from cowork_desktop.ui.dashboard import DashboardPage, DueItemsModel
from cowork_desktop.ui.main_window import WIZARD_MISSING, MainWindow
from cowork_desktop.ui.workers import WorkersPage

START = date(2026, 11, 2)  # the `coworked` fixture's co-allocation date


def _shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    return shown(qtbot, widget, 1100, 700)


def _capture(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """Replace QMessageBox.<name> by a recorder of the message text."""
    shown: list[str] = []

    def fake(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, name, staticmethod(fake))
    return shown


# -- dashboard --------------------------------------------------------------------------------------
def test_dashboard_counts_the_initial_meeting_due_then_overdue(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    page = DashboardPage(ws, on=date(2026, 11, 3))
    _shown(qtbot, page)
    assert page.counts_label.text() == "0 urgent, 0 overdue, 1 due soon"
    assert page.model.rowCount() == 1
    severity = page.model.index(0, DueItemsModel.COL_SEVERITY)
    assert "Due soon" in severity.data()  # the word, not only the colour
    assert severity.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert page.model.index(0, DueItemsModel.COL_CASE).data() == "CR-100234"
    page.set_date(date(2026, 11, 20))
    assert page.counts_label.text() == "0 urgent, 1 overdue, 0 due soon"
    assert "Overdue" in page.model.index(0, DueItemsModel.COL_SEVERITY).data()
    assert page.stack.currentWidget() is page.table


def test_dashboard_counts_match_the_service_for_a_store_with_several_items(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    other = ws.store.add_case(Case("CR-100300"))
    from cowork_desktop.domain.models import CoAllocation, Reason

    assert other.id
    ws.store.add_coallocation(
        CoAllocation(
            other.id,
            coworked["experienced"],
            coworked["manager"],
            coworked["manager"],
            date(2026, 11, 16),
            [Reason.COVER],
        )
    )
    on = date(2026, 11, 17)
    page = DashboardPage(ws, on=on)
    _shown(qtbot, page)
    assert len(sessions.due(ws, on)) == 2
    assert page.counts_label.text() == "0 urgent, 1 overdue, 1 due soon"


def test_dashboard_empty_state(qtbot: QtBot, ws: Workspace) -> None:
    page = DashboardPage(ws, on=date(2026, 11, 3))
    _shown(qtbot, page)
    assert page.counts_label.text() == "0 urgent, 0 overdue, 0 due soon"
    assert page.stack.currentWidget() is page.empty_label
    assert "Nothing is due or overdue on 03 Nov 2026" in page.empty_label.text()


def test_double_click_on_a_due_item_opens_its_case(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    page = DashboardPage(ws, on=date(2026, 11, 3))
    _shown(qtbot, page)
    rect = page.table.visualRect(page.model.index(0, DueItemsModel.COL_WHAT))
    # a real double-click is a press/release then a double-click event on the same item
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.case_opened, timeout=2000) as blocker:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [coworked["case"]]


# -- case list ----------------------------------------------------------------------------------------
def test_case_list_fetches_lazily_in_pages_of_200(store: Store) -> None:
    with store.tx():  # one transaction: 450 cases in well under a second
        for n in range(450):
            store.add_case(Case(f"CR-{n:06d}"))
    model = CaseListModel(store)
    assert model.total == 450
    assert model.rowCount() == 0
    sizes = []
    while model.canFetchMore():
        model.fetchMore()
        sizes.append(model.rowCount())
    assert sizes == [200, 400, 450]
    assert model.index(449, CaseListModel.COL_REFERENCE).data() == "CR-000449"
    model.set_search("CR-0001")
    assert (model.total, model.rowCount()) == (100, 0)
    model.fetchMore()
    assert model.rowCount() == 100 and not model.canFetchMore()


def test_case_list_filters_by_reference_and_worker_name_as_you_type(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    ws.store.add_case(Case("CR-200001"))
    ws.store.add_case(Case("CR-200002"))
    page = CaseListPage(ws.store)
    _shown(qtbot, page)
    assert page.model.rowCount() == 3
    qtbot.keyClicks(page.search_edit, "200002")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert page.model.index(0, CaseListModel.COL_REFERENCE).data() == "CR-200002"
    assert page.count_label.text() == "1 matching"
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "niewski")  # part of a co-worker's name
    qtbot.waitUntil(lambda: page.model.search == "niewski", timeout=2000)
    assert page.model.rowCount() == 1
    row = page.model.case_row(0)
    assert row.reference == "CR-100234"
    assert page.model.index(0, CaseListModel.COL_LEAD).data() == "Zoë Ó Súilleabháin"
    assert "Łukasz Wiśniewski" in page.model.index(0, CaseListModel.COL_WORKERS).data()


def test_enter_in_the_case_list_opens_the_case(qtbot: QtBot, ws: Workspace, coworked: dict[str, int]) -> None:
    page = CaseListPage(ws.store)
    _shown(qtbot, page)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    with qtbot.waitSignal(page.case_opened, timeout=2000) as blocker:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert blocker.args == [coworked["case"]]


# -- case page ----------------------------------------------------------------------------------------
def test_case_page_shows_the_case_and_asks_for_meetings(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    page = CasePage(ws, on=date(2026, 11, 3))
    _shown(qtbot, page)
    page.show_case(coworked["case"])
    assert page.title.text() == "Case CR-100234"
    assert "Child protection" in page.summary.text()
    assert "2 children (AB, CD)" in page.summary.text()
    assert page.coallocation_model.rowCount() == 1
    assert "Zoë Ó Súilleabháin — Senior practitioner" in page.coallocation_model.item(0, 0).text()
    assert page.due_model.rowCount() == 1
    assert all(b.isEnabled() for b in page.meeting_buttons.values())
    assert page.coallocation_button.text().replace("&", "") == "Edit co-allocation…"
    with qtbot.waitSignal(page.record_requested, timeout=2000) as blocker:
        qtbot.mouseClick(page.meeting_buttons[RecordKind.REVIEW], Qt.MouseButton.LeftButton)
    assert blocker.args == [coworked["coallocation"], "review"]


def test_case_page_lists_records_and_opens_the_selected_one(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    record = sessions.start_record(
        ws, coworked["coallocation"], RecordKind.INITIAL_MEETING, date(2026, 11, 4)
    ).value
    page = CasePage(ws, on=date(2026, 11, 5))
    _shown(qtbot, page)
    page.show_case(coworked["case"])
    assert page.records_model.rowCount() == 1
    assert page.records_model.index(0, 0).data() == "04 Nov 2026"
    assert page.records_model.index(0, 2).data() == "Draft"
    assert not page.open_record_button.isEnabled()
    page.records_table.selectRow(0)
    assert page.open_record_button.isEnabled()
    with qtbot.waitSignal(page.record_opened, timeout=2000) as blocker:
        qtbot.mouseClick(page.open_record_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [record.id]


def test_meeting_buttons_need_an_active_coallocation(qtbot: QtBot, ws: Workspace) -> None:
    case = ws.store.add_case(Case("CR-400001", 1, "EF"))
    assert case.id
    page = CasePage(ws)
    _shown(qtbot, page)
    page.show_case(case.id)
    assert not any(b.isEnabled() for b in page.meeting_buttons.values())
    assert page.coallocation_button.text().replace("&", "") == "New co-allocation…"
    assert page.no_coallocation.isVisible()


# -- workers page ---------------------------------------------------------------------------------------
def test_workers_page_lists_workers_with_role_labels(qtbot: QtBot, store: Store) -> None:
    store.add_worker(Worker("Priya Raman", Role.ASYE, "Team 2"))
    store.add_worker(Worker("Gareth Llewelyn", Role.SOCIAL_WORKER, active=False))
    page = WorkersPage(store)
    _shown(qtbot, page)
    rows = [[page.model.index(r, c).data() for c in range(4)] for r in range(page.model.rowCount())]
    assert rows == [
        ["Gareth Llewelyn", "Social worker", "—", "No (left or on leave)"],
        ["Priya Raman", "ASYE (newly qualified)", "Team 2", "Yes"],
    ]
    assert not page.edit_button.isEnabled()
    page.table.selectRow(0)
    assert page.edit_button.isEnabled()


# -- main window --------------------------------------------------------------------------------------
def test_empty_store_shows_the_welcome_panel(qtbot: QtBot, ws: Workspace) -> None:
    window = MainWindow(ws)
    _shown(qtbot, window)
    assert window.current_page() is window.welcome
    assert ws.store.path.name in window.windowTitle()
    assert "DEMO DATA" not in window.windowTitle()
    assert not window.demo_banner.isVisible()
    assert window.welcome.demo_button.text().replace("&", "") == "Load demo data"


def test_load_demo_data_from_the_welcome_panel(
    qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cowork_desktop.services import demo

    def fake_load_demo(w: Workspace, today: date) -> None:
        w.store.add_worker(Worker("Demo Worker", Role.SOCIAL_WORKER))
        w.store.set_setting("demo", "1")

    monkeypatch.setattr(demo, "load_demo", fake_load_demo)
    window = MainWindow(ws)
    _shown(qtbot, window)
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert "DEMO DATA" in window.windowTitle()
    assert window.demo_banner.isVisible()
    assert window.current_page() is window.dashboard


def test_navigation_and_opening_a_case_from_the_dashboard(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    window = MainWindow(ws)
    _shown(qtbot, window)
    assert window.current_page() is window.dashboard
    window.nav.setCurrentRow(1)
    assert window.current_page() is window.case_list
    window.nav.setCurrentRow(2)
    assert window.current_page() is window.workers_page
    window.dashboard.case_opened.emit(coworked["case"])
    assert window.current_page() is window.case_page
    assert window.case_page.case_id == coworked["case"]
    assert window.nav.currentRow() == 1


def test_meeting_request_without_the_wizard_says_so(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window_module, "_wizard_function", lambda name: None)
    shown = _capture(monkeypatch, "information")
    window = MainWindow(ws)
    _shown(qtbot, window)
    window.case_page.record_requested.emit(coworked["coallocation"], "initial_meeting")
    window.case_page.record_opened.emit(1)
    assert shown == [WIZARD_MISSING, WIZARD_MISSING]


class _FakeWizard(QWidget):
    record_changed = Signal(int)


def test_a_wizard_reporting_a_change_refreshes_the_pages(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[int, RecordKind]] = []
    wizard = _FakeWizard()
    qtbot.addWidget(wizard)

    def open_meeting(w: Workspace, coallocation_id: int, kind: RecordKind, parent: QWidget) -> QWidget:
        opened.append((coallocation_id, kind))
        return wizard

    fakes: dict[str, Callable[..., QWidget]] = {"open_meeting": open_meeting}
    monkeypatch.setattr(main_window_module, "_wizard_function", fakes.get)
    window = MainWindow(ws)
    _shown(qtbot, window)
    window.show_case(coworked["case"])
    window.case_page.record_requested.emit(coworked["coallocation"], "initial_meeting")
    assert opened == [(coworked["coallocation"], RecordKind.INITIAL_MEETING)]
    record = sessions.start_record(ws, coworked["coallocation"], RecordKind.INITIAL_MEETING).value
    assert window.case_page.records_model.rowCount() == 0
    wizard.record_changed.emit(record.id)
    assert window.case_page.records_model.rowCount() == 1


def test_view_menu_toggles_high_contrast_and_text_size(
    qtbot: QtBot, ws: Workspace, qapp: QApplication
) -> None:
    window = MainWindow(ws)
    _shown(qtbot, window)
    base = theme.base_point_size(qapp)
    window.high_contrast_action.setChecked(True)
    assert theme.colors().high_contrast
    window.text_scale_actions[1.5].setChecked(True)
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.5)
    assert theme.saved_theme() == theme.ThemeSettings(True, 1.5)
    window.high_contrast_action.setChecked(False)
    window.text_scale_actions[1.0].setChecked(True)
    assert not theme.colors().high_contrast


def test_opening_a_damaged_database_from_the_menu_keeps_the_current_one(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _capture(monkeypatch, "critical")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database" * 10)
    window = MainWindow(ws)
    _shown(qtbot, window)
    assert not window.switch_database(bad)
    assert len(shown) == 1 and "not a cowork database" in shown[0]
    assert window.ws is ws
    other = tmp_path / "other.db"
    assert window.switch_database(other)
    assert "other.db" in window.windowTitle()
    window.ws.store.close()


# -- the app ------------------------------------------------------------------------------------------
def test_app_main_on_a_damaged_database_shows_one_line_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _capture(monkeypatch, "critical")
    db = tmp_path / "corrupt.db"
    content = b"SQLite format 3\x00" + b"\xff" * 4000
    db.write_bytes(content)
    assert app_module.main(["--db", str(db), "--quit-after", "100"]) == 1
    assert len(shown) == 1
    assert "\n" not in shown[0] and "corrupt.db" in shown[0]
    assert "Traceback" not in shown[0]
    assert db.read_bytes() == content
