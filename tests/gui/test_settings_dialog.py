"""Settings: bad values get messages next to their fields and nothing is saved; good ones are saved and applied."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from cowork_desktop.export.signing import create_certificate, load_signer, public_certificate_path
from cowork_desktop.services import export, trust
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui import recent, theme
from cowork_desktop.ui.main_window import MainWindow
from cowork_desktop.ui.settings_dialog import (
    SettingsDialog,
    machine_settings,
    restore_geometry,
)


def edit(dialog: SettingsDialog, key: str) -> QLineEdit:
    found = dialog.fields[key]
    assert isinstance(found, QLineEdit)
    return found


def test_bad_values_are_shown_next_to_their_fields_and_nothing_is_saved(qtbot: QtBot, ws: Workspace) -> None:
    dialog = SettingsDialog(ws)
    qtbot.addWidget(dialog)
    edit(dialog, "manager_name").setText("Amara Okafor")
    edit(dialog, "initial_meeting_days").setText("45")
    marking = dialog.fields["protective_marking"]
    assert isinstance(marking, QComboBox)
    marking.setEditText("M" * 50)
    edit(dialog, "logo_path").setText("/nowhere/logo.gif")
    edit(dialog, "idle_lock_minutes").setText("ten")
    assert not dialog.submit()
    shown = dialog.messages()
    assert set(shown) == {"initial_meeting_days", "protective_marking", "logo_path", "idle_lock_minutes"}
    assert "1 to 30" in shown["initial_meeting_days"]
    # the message is in the field's own row, and announced with it
    row = dialog.forms[0].rows["initial_meeting_days"]
    assert row.isAncestorOf(dialog.forms[0].errors["initial_meeting_days"])
    assert dialog.fields["initial_meeting_days"].accessibleDescription() == shown["initial_meeting_days"]
    assert dialog.tabs.currentIndex() == 0  # the first tab with a problem
    assert "Nothing was saved" in dialog.error.message()
    assert ws.store.get_setting("manager_name") is None
    assert ws.store.get_setting("initial_meeting_days") is None


def test_good_values_are_saved_and_the_look_applied(qtbot: QtBot, ws: Workspace, qapp: QApplication) -> None:
    dialog = SettingsDialog(ws)
    qtbot.addWidget(dialog)
    edit(dialog, "manager_name").setText("Amara Okafor")
    edit(dialog, "organisation").setText("Walsall Children's Services")
    edit(dialog, "initial_meeting_days").setText("7")
    nation = dialog.fields["nation"]
    assert isinstance(nation, QComboBox)
    nation.setCurrentIndex(nation.findData("scotland"))
    scale = dialog.fields["text_scale"]
    assert isinstance(scale, QComboBox)
    scale.setCurrentIndex(scale.findData(1.25))
    assert dialog.submit(), dialog.messages()
    assert ws.store.get_setting("manager_name") == "Amara Okafor"
    assert ws.store.get_setting("nation") == "scotland"
    assert ws.initial_meeting_days == 7
    assert theme.current_theme(qapp).text_scale == 1.25
    assert machine_settings()["text_scale"] == "1.25"
    again = SettingsDialog(ws)
    qtbot.addWidget(again)
    assert edit(again, "manager_name").text() == "Amara Okafor"


def test_ctrl_comma_opens_settings_from_the_file_menu(qtbot: QtBot, ws: Workspace) -> None:
    window = MainWindow(ws)
    qtbot.addWidget(window)
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert window.settings_action in file_menu.actions()


def test_window_geometry_is_remembered(qtbot: QtBot, ws: Workspace) -> None:
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    window.setGeometry(20, 30, 960, 700)  # the offscreen screen is small: stay inside it
    closed = window.geometry()
    window.close()
    again = MainWindow(ws)  # restores it itself
    qtbot.addWidget(again)
    assert again.size() == closed.size() != (1280, 800)
    assert restore_geometry(again, "mainWindow")


def test_the_last_database_is_remembered(tmp_path: Path) -> None:
    recent.remember(tmp_path / "team.db")  # File ▸ Open recent replaced the single "last database"
    assert recent.recent()[0] == tmp_path / "team.db"


def test_the_view_menu_ticks_follow_the_settings_dialog_and_back(
    qtbot: QtBot, ws: Workspace, qapp: QApplication
) -> None:
    window = MainWindow(ws)
    qtbot.addWidget(window)
    assert not window.high_contrast_action.isChecked() and window.text_scale_actions[1.0].isChecked()
    dialog = SettingsDialog(ws, parent=window)
    qtbot.addWidget(dialog)
    high = dialog.fields["high_contrast"]
    assert isinstance(high, QCheckBox)
    high.setChecked(True)
    scale = dialog.fields["text_scale"]
    assert isinstance(scale, QComboBox)
    scale.setCurrentIndex(scale.findData(1.5))
    mode = dialog.fields["theme_mode"]
    assert isinstance(mode, QComboBox)
    mode.setCurrentIndex(mode.findData("dark"))
    assert dialog.submit(), dialog.messages()
    assert window.high_contrast_action.isChecked()
    assert window.text_scale_actions[1.5].isChecked() and not window.text_scale_actions[1.0].isChecked()
    assert window.text_scale_group.checkedAction() is window.text_scale_actions[1.5]
    assert theme.colors().high_contrast  # high contrast wins over dark
    # and back: the menu's change is what the dialog shows next time, and the dark choice is kept
    window.high_contrast_action.setChecked(False)
    window.text_scale_actions[1.25].setChecked(True)
    assert theme.current_theme(qapp) == theme.ThemeSettings(False, 1.25, "dark")
    assert theme.colors() is theme.DARK
    again = SettingsDialog(ws, parent=window)
    qtbot.addWidget(again)
    assert again.values()["high_contrast"] == "false"
    assert again.values()["text_scale"] == "1.25"
    assert again.values()["theme_mode"] == "dark"


def test_the_theme_chosen_in_settings_is_applied(qtbot: QtBot, ws: Workspace, qapp: QApplication) -> None:
    dialog = SettingsDialog(ws)
    qtbot.addWidget(dialog)
    mode = dialog.fields["theme_mode"]
    assert isinstance(mode, QComboBox)
    mode.setCurrentIndex(mode.findData("dark"))
    assert dialog.submit(), dialog.messages()
    assert theme.colors() is theme.DARK
    assert machine_settings()["theme_mode"] == "dark"
    theme.apply_theme(qapp, False, 1.0, persist=False)
    assert theme.apply_saved_theme(qapp).appearance == "dark"  # what the app does at start
    assert theme.colors() is theme.DARK


# -- signing and trust ------------------------------------------------------------------------------------------
COLLEAGUE = "Łukasz Wiśniewski"


@pytest.fixture
def colleague_crt(tmp_path: Path) -> Path:
    """A colleague's public certificate, as create_certificate writes it beside their .p12."""
    p12 = create_certificate(
        COLLEAGUE, "Walsall Children's Services", tmp_path / "colleague" / "lw.p12", b"pass-word"
    )
    return public_certificate_path(p12)


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Stand in for QFileDialog.getOpenFileName: answer ``path``; the filters asked for are recorded."""
    asked: list[str] = []

    def fake(
        _parent: Any, _caption: str, _start: str = "", filters: str = "", *_a: Any, **_k: Any
    ) -> tuple[str, str]:
        asked.append(filters)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))
    return asked


def signing_dialog(qtbot: QtBot, ws: Workspace) -> SettingsDialog:
    dialog = SettingsDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.signing_tab)
    return dialog


def shown(dialog: SettingsDialog, table: str) -> list[list[str]]:
    view = dialog.known_table if table == "known" else dialog.trust_table
    model = view.model()
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]


def test_adding_a_colleagues_certificate_trusts_it_at_once(
    qtbot: QtBot, ws: Workspace, colleague_crt: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = choose_file(monkeypatch, colleague_crt)
    dialog = signing_dialog(qtbot, ws)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Signing and tr&ust"
    assert shown(dialog, "trust") == [] and dialog.trust_empty.isVisible()
    hint = dialog.findChild(QLabel, "trustHint")
    assert hint is not None and "without the signer's database" in hint.text()
    assert "take effect at once" in hint.text()
    qtbot.mouseClick(dialog.add_trusted_button, Qt.MouseButton.LeftButton)
    assert "*.crt" in asked[0] and "*.pem" in asked[0] and "*.cer" in asked[0]
    (found,) = trust.trusted()
    assert found.facts.common_name == COLLEAGUE
    (row,) = shown(dialog, "trust")
    assert row[0] == COLLEAGUE and row[1] == "Self-signed" and row[2] == found.facts.short_fingerprint
    assert not dialog.trust_empty.isVisible() and dialog.trust_error.message() == ""
    assert dialog.trust_note.text().startswith(f"Trusted: {COLLEAGUE}")
    assert dialog.selected_trusted() == found and dialog.remove_trusted_button.isEnabled()
    # a file, not a setting: Cancel does not undo it
    dialog.reject()
    assert [t.facts.fingerprint for t in trust.trusted()] == [found.facts.fingerprint]
    # the same file again: said so, nothing doubled
    again = signing_dialog(qtbot, ws)
    again.add_trusted()
    assert again.trust_note.text().startswith("Already trusted:") and len(shown(again, "trust")) == 1


def test_a_file_that_is_not_a_certificate_is_refused_in_one_line(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    junk = tmp_path / "notes.crt"
    junk.write_text("Meeting notes, not a certificate\n")
    choose_file(monkeypatch, junk)
    dialog = signing_dialog(qtbot, ws)
    assert dialog.add_trusted() is None
    message = dialog.trust_error.message()
    assert message.startswith("Not added:") and "is not a certificate" in message and "\n" not in message
    assert dialog.trust_error.isVisible() and dialog.trust_table.accessibleDescription() == message
    assert trust.trusted() == [] and shown(dialog, "trust") == []
    assert not trust.folder().exists() or list(trust.folder().iterdir()) == []


def test_removing_a_trusted_certificate_asks_first_and_deletes_its_file(
    qtbot: QtBot, ws: Workspace, colleague_crt: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept, _added = trust.add(colleague_crt)
    dialog = signing_dialog(qtbot, ws)
    assert not dialog.remove_trusted_button.isEnabled()  # nothing selected yet
    dialog.trust_table.selectRow(0)
    assert dialog.remove_trusted_button.isEnabled()
    questions: list[str] = []
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]

    def answer(box: QMessageBox) -> int:
        questions.append(f"{box.text()} {box.informativeText()}")
        assert box.button(QMessageBox.StandardButton.Yes).text() == "&Remove"
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    qtbot.mouseClick(dialog.remove_trusted_button, Qt.MouseButton.LeftButton)
    assert kept.path.exists() and len(shown(dialog, "trust")) == 1  # cancelled: still trusted
    assert COLLEAGUE in questions[0] and kept.facts.fingerprint[:2].upper() in questions[0]
    qtbot.mouseClick(dialog.remove_trusted_button, Qt.MouseButton.LeftButton)
    assert not kept.path.exists() and trust.trusted() == []
    assert shown(dialog, "trust") == [] and dialog.trust_empty.isVisible()
    assert dialog.trust_note.text() == f"No longer trusted: {COLLEAGUE}"
    assert not dialog.remove_trusted_button.isEnabled()


def test_the_certificates_the_database_knows_are_listed_read_only(
    qtbot: QtBot, ws: Workspace, colleague_crt: Path
) -> None:
    dialog = signing_dialog(qtbot, ws)
    assert shown(dialog, "known") == [] and dialog.known_empty.isVisible()
    signer = load_signer(colleague_crt.with_suffix(".p12"), b"pass-word")
    export.register_certificate(ws, signer.certificate_der, "created")
    again = signing_dialog(qtbot, ws)
    (row,) = shown(again, "known")
    facts = signer.facts
    assert row[0] == COLLEAGUE and row[1] == facts.short_fingerprint
    assert row[2] == facts.not_before.strftime("%d %b %Y") and row[3] == facts.not_after.strftime("%d %b %Y")
    assert row[4].startswith("Created here, ")
    assert not again.known_empty.isVisible()
    assert again.known_table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers


def test_the_signing_tab_is_reachable_by_keyboard(qtbot: QtBot, ws: Workspace, colleague_crt: Path) -> None:
    trust.add(colleague_crt)
    dialog = signing_dialog(qtbot, ws)
    dialog.trust_table.selectRow(0)
    # the headings' mnemonics go to their lists; every control has a name a screen reader can say
    for label, table in ((dialog.known_title, dialog.known_table), (dialog.trust_title, dialog.trust_table)):
        assert "&" in label.text() and label.buddy() is table and table.accessibleName()
    for button in (dialog.add_trusted_button, dialog.remove_trusted_button):
        assert "&" in button.text() and button.accessibleName()
    # Tab leaves a list for the next control (the arrows move between its rows)
    dialog.known_table.setFocus()
    reached = []
    for _ in range(4):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        reached.append(dialog.focusWidget())
    assert reached == [
        dialog.trust_table,
        dialog.add_trusted_button,
        dialog.remove_trusted_button,
        dialog.save_button,
    ]
