"""Cases ▸ Search records… (Ctrl+Shift+F), as a keyboard user meets it: type words, the records found come as one
types, Enter goes to them, Enter again opens the case of the one selected; the dialog stays for the next search."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cowork_desktop.services import demo, search
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui import accessibility
from cowork_desktop.ui.main_window import MainWindow
from cowork_desktop.ui.search_dialog import SearchDialog

DAY = date(2026, 11, 23)


def test_a_whole_search_with_the_keyboard(
    qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    accessibility.install()
    threads: list[bool] = []  # where each search with words ran: off the GUI thread (the window answers)
    real = search.search

    def watched(ws: Workspace, text: str, *args: Any) -> Any:
        if text.strip():
            threads.append(threading.current_thread() is threading.main_thread())
        return real(ws, text, *args)

    monkeypatch.setattr(search, "search", watched)
    demo.load_demo(ws, DAY)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.search_action.trigger()
    dialog = window.search_dialog
    assert isinstance(dialog, SearchDialog)
    qtbot.waitExposed(dialog)
    assert dialog.summary.text() == "Type a word to search the records."
    qtbot.waitUntil(lambda: dialog.words.hasFocus())

    qtbot.keyClicks(dialog.words, "colleague case not")  # the last word still being typed
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=3000)  # a pause in typing searches
    assert dialog.found.total == dialog.model.rowCount() > 1
    assert threads and not any(threads)  # every search with words in it, off the GUI thread
    assert "[note]" in dialog.model.hit(0).snippet.lower()
    first = dialog.model.hit(0)
    qtbot.keyClick(dialog.words, Qt.Key.Key_Return)  # searched again off the GUI thread, then the results
    qtbot.waitUntil(lambda: dialog.table.hasFocus() and not dialog.searching, timeout=3000)
    assert dialog.table.currentIndex().row() == 0
    assert (
        window.case_page.case is None
    )  # Enter in the words searches and goes to the results: nothing opened
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    second = dialog.model.hit(1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert window.case_page.case is not None and window.case_page.case.id == second.case_id != 0
    assert first.record_id != second.record_id
    assert dialog.isVisible()  # kept for the next search

    # the same menu entry brings the same dialog back, its words selected for the next search
    window.search_action.trigger()
    assert window.search_dialog is dialog
    dialog.words.clear()
    qtbot.keyClicks(dialog.words, "zebra crossing")
    qtbot.keyClick(dialog.words, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.summary.text() == "No record mentions “zebra crossing”.", timeout=3000)
    assert dialog.model.rowCount() == 0 and dialog.words.hasFocus()
    assert not dialog.open_button.isEnabled()
