"""Help: F1 and "?" on a wizard question show its guidance; the Help menu's entries open; the translator loads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWhatsThis
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.models import RecordKind
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui import help
from cowork_desktop.ui.main_window import MainWindow
from cowork_desktop.ui.wizard import open_meeting
from cowork_desktop.ui.wizard.pages import FormPage


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield
    QWhatsThis.hideText()


def test_f1_on_a_question_shows_its_guidance(qtbot: QtBot, ws: Workspace, coworked: dict[str, int]) -> None:
    wizard = open_meeting(ws, coworked["coallocation"], RecordKind.INITIAL_MEETING)
    qtbot.addWidget(wizard)
    wizard.activateWindow()
    while not isinstance(wizard.currentPage(), FormPage) or not any(
        r.question.guidance and r.isVisibleTo(wizard) for r in wizard.rows.values()
    ):
        wizard.next()
    row = next(r for r in wizard.rows.values() if r.question.guidance and r.isVisibleTo(wizard))
    row.widget.focus_target().setFocus()
    QApplication.processEvents()
    shown = help.wizard_f1(wizard)
    assert row.question.guidance.split()[0] in shown and row.question.prompt.split()[0] in shown
    assert row.property("cowork_guidance_shown") == shown
    # the "?" button beside the prompt shows the same
    assert row.guidance_button is not None
    assert row.question.prompt in row.guidance_button.accessibleName()
    row.setProperty("cowork_guidance_shown", "")
    row.guidance_button.click()
    assert row.property("cowork_guidance_shown") == shown


def test_f1_elsewhere_opens_the_protocol(qtbot: QtBot, ws: Workspace, coworked: dict[str, int]) -> None:
    wizard = open_meeting(ws, coworked["coallocation"], RecordKind.INITIAL_MEETING)
    qtbot.addWidget(wizard)
    wizard.setFocus()
    shown = help.wizard_f1(wizard)
    assert "parallel working" in shown


def test_help_menu_entries_open(qtbot: QtBot, ws: Workspace) -> None:
    window = MainWindow(ws)
    qtbot.addWidget(window)
    actions = window.help_actions
    assert set(actions) == {"protocol", "shortcuts", "data", "about"}
    assert actions["protocol"].shortcut().toString() == "F1"
    protocol = help.show_protocol(window)
    qtbot.addWidget(protocol)
    assert "initial meeting" in protocol.text().lower()
    shortcuts = help.show_shortcuts(window)
    qtbot.addWidget(shortcuts)
    assert "Ctrl+," in shortcuts.text() and "Settings" in shortcuts.text()
    data = help.show_data(window)
    qtbot.addWidget(data)
    assert str(ws.store.path) in data.text() and "not encrypted" in data.text()
    assert "Database" in help.about_text(window)


def test_the_british_english_translator_loads(qapp: QApplication) -> None:
    translator = help.install_translator(qapp)
    assert translator is not None and not translator.isEmpty()
    assert QCoreApplication.translate("MainWindow", "&Settings…") == "&Settings…"


def test_the_window_has_the_app_icon() -> None:
    assert not help.app_icon().isNull()
