"""Settings: bad values get messages next to their fields and nothing is saved; good ones are saved and applied."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui import theme
from cowork_desktop.ui.main_window import MainWindow
from cowork_desktop.ui.settings_dialog import (
    SettingsDialog,
    last_database,
    machine_settings,
    remember_database,
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
    assert window.settings_action in window.menuBar().actions()[0].menu().actions()


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
    remember_database(tmp_path / "team.db")
    assert last_database() == tmp_path / "team.db"


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
