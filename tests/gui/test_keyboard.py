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


def _case_page(qtbot: QtBot, ws: Workspace, reference: str) -> QWidget:
    """The main window's case page, showing the case ``reference`` (the window is kept by ``qtbot``)."""
    window = _window(qtbot, ws)
    case = ws.store.find_case(reference)
    assert case.id is not None
    window.show_case(case.id)
    return window._page("case_page")


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
    page = _case_page(qtbot, ws, "CR-2026-0103")
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


def test_the_focus_indicator_is_at_least_two_pixels(qtbot: QtBot) -> None:
    """WCAG 2.2 2.4.11/2.4.13: the focused button and field are outlined 2 px deep in the accent colour (Fusion's
    own focus frame is 1 px), in the light theme as in the others."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QHBoxLayout, QLineEdit

    from cowork_desktop.ui import theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, False, 1.0, persist=False, appearance="light")
    host = QWidget()
    row = QHBoxLayout(host)
    first, second, field = QPushButton("First"), QPushButton("Second"), QLineEdit("text")
    for w in (first, second, field):
        row.addWidget(w)
    qtbot.addWidget(host)
    host.resize(480, 60)
    host.show()
    qtbot.waitExposed(host)

    def ring(widget: QWidget) -> int:
        """How many pixels deep, from the top edge at the middle, the accent colour goes."""
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda: widget.hasFocus())
        image = widget.grab().toImage()
        accent = QColor(theme.colors().accent)
        x = image.width() // 2
        depth = 0
        for y in range(6):
            pixel = image.pixelColor(x, y)
            near = all(
                abs(a - b) < 40
                for a, b in (
                    (pixel.red(), accent.red()),
                    (pixel.green(), accent.green()),
                    (pixel.blue(), accent.blue()),
                )
            )
            if near:
                depth += 1
            elif depth:
                break
        return depth

    assert ring(first) >= 2
    assert ring(field) >= 2


def test_enter_presses_the_focused_button_on_the_main_window(qtbot: QtBot, ws: Workspace) -> None:
    page = _case_page(qtbot, ws, "CR-2026-0101")
    pressed: list[str] = []
    button = next(b for b in page.findChildren(QPushButton) if b.isVisibleTo(page) and b.isEnabled())
    button.clicked.connect(lambda: pressed.append(button.objectName()))
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    QTest.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(pressed))
    assert pressed == [button.objectName()]


def test_the_focus_arrives_on_the_first_thing_to_do(qtbot: QtBot, ws: Workspace) -> None:
    """A case opened with Enter puts the focus on the first meeting that can be recorded (it used to stay on the
    list left behind, hidden); Back puts it on the page returned to; a worker's page on their log."""
    window = _window(qtbot, ws)
    window.go("cases")
    cases_page = window._page("case_list")
    table = cases_page.table  # type: ignore[attr-defined]
    table.setFocus(Qt.FocusReason.TabFocusReason)
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    QTest.keyClick(table, Qt.Key.Key_Return)
    case_page = window._page("case_page")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is case_page)
    focused = QApplication.focusWidget()
    assert focused is case_page.arrival()  # type: ignore[attr-defined]
    assert focused is not None and case_page.isAncestorOf(focused) and focused.isVisible()
    QTest.keyClick(case_page.back_button, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.stack.currentWidget() is cases_page)
    focused = QApplication.focusWidget()
    assert focused is not None and cases_page.isAncestorOf(focused)
    student = next(w for w in ws.store.list_workers() if w.role.value == "student")
    window.show_worker(student.id or 0)
    worker_page = window._page("worker_page")
    target, focused = worker_page.arrival(), QApplication.focusWidget()  # type: ignore[attr-defined]
    assert focused is not None and (focused is target or target.isAncestorOf(focused))  # its tabs' bar
    # the meeting the most urgent item due asks for: a case whose first due item is a meeting
    buttons = case_page.meeting_buttons  # type: ignore[attr-defined]
    for case in ws.store.list_cases():
        window.show_case(case.id or 0)
        asked = [i.kind for i in case_page.due_model.rows() if i.kind in {k.value for k in buttons}]  # type: ignore[attr-defined]
        if asked and buttons[next(k for k in buttons if k.value == asked[0])].isEnabled():
            wanted = buttons[next(k for k in buttons if k.value == asked[0])]
            assert QApplication.focusWidget() is wanted, (case.reference, asked[0])
            break
    else:
        raise AssertionError("no demo case has a meeting due")


def test_each_wizard_page_puts_the_focus_on_its_first_question(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    """Walked with the keyboard under Xvfb: after Next the focus stayed on the Next button, and what was typed
    went nowhere; each page now starts on its first question."""
    from helpers.wizard import fill_page, go_next, page, wizard_for

    from cowork_desktop.domain.models import RecordKind
    from cowork_desktop.ui.wizard.pages import FormPage

    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION)
    wizard.show()
    qtbot.waitExposed(wizard)
    for _ in range(3):
        current = page(wizard)
        target = current.arrival()
        assert target is not None
        qtbot.waitUntil(lambda t=target: wizard.focusWidget() is t)  # type: ignore[misc]
        fill_page(qtbot, wizard, {})
        go_next(wizard)
        if not isinstance(wizard.currentPage(), FormPage):
            break
    wizard.reject()


def test_once_signed_the_focus_is_on_the_next_thing_to_do(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    """Walked with the keyboard: once signed the focus sat on Close; it is now on the signed PDF (or the meeting
    a follow-up asks for)."""
    from helpers.wizard import signed_initial

    from cowork_desktop.ui.wizard.pages import DonePage

    wizard = signed_initial(qtbot, ws, coworked)
    wizard.show()
    done = wizard.currentPage()
    assert isinstance(done, DonePage)
    done.arrive()  # as the page does once shown (the wizard was hidden while the helper signed)
    qtbot.waitUntil(lambda: wizard.focusWidget() is done.arrival())
    assert done.arrival() in (done.export_button, *done.follow_buttons.values())
