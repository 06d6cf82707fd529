"""Keyboard only (issue 15): Tab leaves every list, never trapped cell by cell, so every control after a list can
be reached; the walk is a real focus chain driven with QTest key presses."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from cowork_desktop.services import demo
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.main_window import MainWindow


def _window(qtbot: QtBot, ws: Workspace) -> MainWindow:
    demo.load_demo(ws, date(2026, 11, 23))
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _tab_walk(qtbot: QtBot, start: QWidget, presses: int) -> list[QWidget]:
    """The widgets that hold the focus after each Tab, starting from ``start``."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen: list[QWidget] = []
    for _ in range(presses):
        current = QApplication.focusWidget()
        assert current is not None
        QTest.keyClick(current, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        seen.append(focused)
    return seen


def test_tab_leaves_the_dashboards_lists(qtbot: QtBot, ws: Workspace) -> None:
    window = _window(qtbot, ws)
    window.go("dashboard")
    page = window._page("dashboard")
    for table in (page.table, page.coming_table):  # type: ignore[attr-defined]
        assert isinstance(table, QAbstractItemView) and table.model().rowCount() > 1
        walked = _tab_walk(qtbot, table, 1)
        assert walked[0] is not table  # one Tab and the focus has left the list (it used to go cell by cell)


def test_every_button_on_the_case_page_is_reached_with_tab(qtbot: QtBot, ws: Workspace) -> None:
    window = _window(qtbot, ws)
    case = ws.store.find_case("CR-2026-0103")
    assert case.id is not None
    window.show_case(case.id)
    page = window._page("case_page")
    buttons = [
        b
        for b in page.findChildren(QPushButton)
        if b.isVisibleTo(page) and b.isEnabled() and b.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    assert any(b.objectName() == "initialMeetingButton" for b in buttons)
    lists = [v for v in page.findChildren(QAbstractItemView) if v.isVisibleTo(page)]
    assert lists
    walked = _tab_walk(qtbot, lists[0], 80)
    missing = [b.objectName() or b.text() for b in buttons if b not in walked]
    assert missing == []
