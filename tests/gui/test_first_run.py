"""The first start: the welcome wizard saves the settings, sets up the certificate and offers the demo."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QWizard
from pytestqt.qtbot import QtBot

from cowork_desktop import paths
from cowork_desktop.domain.models import Role, Worker
from cowork_desktop.services import export
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store
from cowork_desktop.ui import first_run
from cowork_desktop.ui.first_run import CERTIFICATE, DATA, START, YOU, FirstRunWizard, offer_first_run
from cowork_desktop.ui.main_window import MainWindow

PASSPHRASE = "correct horse battery"


def fill_you(wizard: FirstRunWizard, name: str = "Amara Okafor") -> None:
    wizard.you.name.setText(name)
    wizard.you.team.setText("Assessment Team 2")
    wizard.you.organisation.setText("Walsall Children's Services")
    wizard.you.marking.setEditText("OFFICIAL-SENSITIVE")


def test_driven_to_the_end_it_saves_the_settings_and_creates_the_certificate(
    qtbot: QtBot, ws: Workspace
) -> None:
    wizard = FirstRunWizard(ws)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == YOU
    wizard.next()  # no name: stays, with a message
    assert wizard.currentId() == YOU
    fill_you(wizard)
    wizard.you.marking.setEditText("X" * 41)
    wizard.next()
    assert wizard.currentId() == YOU
    assert "40 characters" in wizard.you.fields.errors["protective_marking"].message()
    wizard.you.marking.setEditText("OFFICIAL-SENSITIVE")
    wizard.next()
    assert wizard.currentId() == DATA
    wizard.next()
    assert wizard.currentId() == CERTIFICATE
    page = wizard.certificate
    assert page.dialog.name_edit.text() == "Amara Okafor"  # from the page before
    assert page.dialog.org_edit.text() == "Walsall Children's Services"
    page.dialog.new_passphrase.setText(PASSPHRASE)
    page.dialog.repeat_passphrase.setText("something else")
    wizard.next()
    assert wizard.currentId() == CERTIFICATE
    assert "different" in page.dialog.create_fields.errors["repeat"].message()
    page.dialog.new_passphrase.setText(PASSPHRASE)
    page.dialog.repeat_passphrase.setText(PASSPHRASE)
    wizard.next()
    assert wizard.currentId() == START
    certificate = export.default_certificate_path()
    assert certificate.exists() and certificate.is_relative_to(paths.data_dir())
    assert wizard.start.real.isChecked()
    wizard.accept()
    assert wizard.result() == QDialog.DialogCode.Accepted
    store = ws.store
    assert store.get_setting("manager_name") == "Amara Okafor"
    assert store.get_setting("team") == "Assessment Team 2"
    assert store.get_setting("organisation") == "Walsall Children's Services"
    assert wizard.demo_path is None


def test_the_certificate_can_wait_and_the_demo_opens_a_separate_marked_database(
    qtbot: QtBot, ws: Workspace
) -> None:
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    wizard = offer_first_run(window)
    assert wizard is not None and wizard.isVisible()
    real_path = ws.store.path
    wizard.next()
    fill_you(wizard)
    wizard.next()
    wizard.next()
    wizard.certificate.later.setChecked(True)
    wizard.next()
    assert wizard.currentId() == START
    assert not export.default_certificate_path().exists()
    wizard.start.demo.setChecked(True)
    wizard.accept()
    demo = first_run.demo_path_for(real_path)
    assert wizard.demo_path == demo and demo.exists()
    assert window.ws.store.path == demo
    assert window.windowTitle().startswith("DEMO DATA")
    assert window.ws.store.get_setting("demo") == "1"
    with open_store(real_path) as real:  # the real database has the settings and no demo data
        assert real.get_setting("manager_name") == "Amara Okafor"
        assert real.count_cases() == 0 and real.get_setting("demo") is None
    # delete what was closed now: a widget left half-deleted crashes a later QApplication.setStyle (offscreen)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_not_offered_once_there_is_a_manager_or_work(qtbot: QtBot, ws: Workspace) -> None:
    ws.store.add_worker(Worker("Priya Raman", Role.ASYE))
    window = MainWindow(ws)
    qtbot.addWidget(window)
    assert offer_first_run(window) is None


def test_every_field_has_an_accessible_name(qtbot: QtBot, ws: Workspace) -> None:
    wizard = FirstRunWizard(ws)
    qtbot.addWidget(wizard)
    for edit in (
        wizard.you.name,
        wizard.you.team,
        wizard.you.organisation,
        wizard.you.marking,
        wizard.you.nation,
        wizard.data.backup_folder,
        wizard.start.real,
        wizard.start.demo,
    ):
        text = "" if isinstance(edit, QComboBox) else edit.text()  # a combo box has no text()
        assert edit.accessibleName() or text, edit.objectName()


def test_the_welcome_names_the_menus_as_they_are(qtbot: QtBot, ws: Workspace) -> None:
    wizard = FirstRunWizard(ws)
    qtbot.addWidget(wizard)
    texts = " ".join(label.text() for label in wizard.findChildren(QLabel))
    assert "File ▸ Settings… (Ctrl+,)" in texts
    assert "Edit ▸" not in texts
    window = MainWindow(ws)
    qtbot.addWidget(window)
    assert window.settings_action.shortcut().toString() == "Ctrl+,"  # where the welcome says it is


def test_return_in_a_field_stays_on_the_page(qtbot: QtBot, ws: Workspace) -> None:
    wizard = FirstRunWizard(ws)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == YOU
    wizard.you.name.setFocus()
    qtbot.keyClicks(wizard.you.name, "Amara Okafor")
    qtbot.keyClick(wizard.you.name, Qt.Key.Key_Return)
    assert wizard.currentId() == YOU  # not Next: on to the next field
    assert wizard.focusWidget() is wizard.you.team
    qtbot.keyClick(wizard.you.team, Qt.Key.Key_Return)
    assert wizard.currentId() == YOU and wizard.focusWidget() is wizard.you.organisation
    # the buttons keep Return and their letters: Alt+N for Next only, Alt+S for Start only (test_mnemonics)
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Next >"


def test_a_message_does_not_move_the_fields(qtbot: QtBot, ws: Workspace) -> None:
    wizard = FirstRunWizard(ws)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    you = wizard.you
    fields = [you.name, you.team, you.organisation, you.marking, you.nation]

    def where() -> list[tuple[int, int]]:
        QApplication.processEvents()
        return [(f.mapTo(you, QPoint(0, 0)).x(), f.mapTo(you, QPoint(0, 0)).y()) for f in fields]

    before = where()
    wizard.next()  # no name
    assert you.fields.errors["manager_name"].message()
    assert where() == before
    fill_you(wizard)
    wizard.next()
    assert wizard.currentId() == DATA
