"""File ▸ Open recent (issue 15): the databases opened last on this computer, newest first; a missing one greyed
out; switching from the menu opens it; the list can be cleared."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store
from cowork_desktop.ui import recent
from cowork_desktop.ui.main_window import MainWindow


def test_open_recent_lists_opens_and_clears(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    other = tmp_path / "other team.db"
    open_store(other).close()
    gone = tmp_path / "gone.db"
    recent.remember(gone)
    recent.remember(other)
    recent.remember(ws.store.path)
    assert recent.recent()[:3] == [ws.store.path.resolve(), other.resolve(), gone.resolve()]
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.fill_recent_menu()
    actions = [a for a in window.recent_menu.actions() if not a.isSeparator()]
    labels = [a.text() for a in actions]
    assert (
        labels[0] == f"&1 {other.resolve()}" and labels[1] == f"&2 {gone.resolve()}"
    )  # the open one left out
    assert actions[0].isEnabled() and not actions[1].isEnabled()  # a file that has gone is greyed out
    actions[0].trigger()
    assert window.ws.store.path.resolve() == other.resolve()
    assert recent.recent()[0] == other.resolve()
    window.fill_recent_menu()
    clear = next(a for a in window.recent_menu.actions() if a.text() == "&Clear the list")
    clear.trigger()
    assert recent.recent() == []
