"""Help: F1 and "?" on a wizard question show its guidance; the Help menu's entries open; the translator loads."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWhatsThis, QWidget
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.models import RecordKind
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui import help
from cowork_desktop.ui.main_window import MainWindow
from cowork_desktop.ui.wizard import open_meeting
from cowork_desktop.ui.wizard.pages import FormPage
from cowork_desktop.ui.wizard.wizard import forget


@pytest.fixture(autouse=True)
def _no_whats_this_popup(monkeypatch: pytest.MonkeyPatch) -> None:
    # the pop-up itself is Qt's; left open past a test it crashes a later QApplication.setStyle offscreen
    monkeypatch.setattr(QWhatsThis, "showText", lambda *_a: None)


@pytest.fixture
def meeting(qtbot: QtBot, ws: Workspace, coworked: dict[str, int]) -> Iterator[QWidget]:
    """An initial meeting's wizard, deleted at the end (a parentless wizard is otherwise kept for its caller)."""
    wizard = open_meeting(ws, coworked["coallocation"], RecordKind.INITIAL_MEETING)
    wizard.activateWindow()
    yield wizard
    wizard.close()
    forget(wizard)
    wizard.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def test_f1_on_a_question_shows_its_guidance(meeting: Any) -> None:
    wizard = meeting
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


def test_f1_elsewhere_opens_the_protocol(meeting: Any) -> None:
    wizard = meeting
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
    assert "initial meeting" in protocol.text().lower()
    shortcuts = help.show_shortcuts(window)
    assert "Ctrl+," in shortcuts.text() and "Settings" in shortcuts.text()
    data = help.show_data(window)
    assert str(ws.store.path) in data.text() and "not encrypted" in data.text()
    assert "Database" in help.about_text(window)


def test_the_british_english_translator_loads(qapp: QApplication) -> None:
    translator = help.install_translator(qapp)
    assert translator is not None and not translator.isEmpty()
    assert QCoreApplication.translate("MainWindow", "&Settings…") == "&Settings…"


def test_wrapped_wizard_and_dialog_strings_are_in_the_translation_and_show_in_english(
    qapp: QApplication, qtbot: QtBot, ws: Workspace
) -> None:
    from cowork_desktop.ui.dialogs import CaseDialog

    translator = help.install_translator(qapp)
    assert translator is not None
    # in the compiled translation (an absent string translates to ""), and British English is the source
    for context, text in (
        ("CaseDialog", "Number of &children:"),
        ("CaseDialog", "New case"),
        ("SignOffPage", "I agree this is an accurate record"),
        ("MeetingWizard", "&Save and close"),
        ("Security", "Restore a backup"),
    ):
        assert translator.translate(context, text) == text, (context, text)
    dialog = CaseDialog(ws.store)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "New case"
    assert dialog.fields.labels["children_count"].text() == "Number of &children:"


def test_the_window_has_the_app_icon() -> None:
    assert not help.app_icon().isNull()
