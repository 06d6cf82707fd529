"""The first start: a short welcome that sets the app up before real use.

Shown over the main window (window-modal, so ``--quit-after`` and the tests still close the app) when
``services.settings.needs_first_run`` says so: the database has no manager's name, no workers and no cases, and is
not the demo. Cancelling is fine: it comes back at the next start until it is finished (or work is entered).

Pages: welcome (what the app is for) → you (name, team, organisation, marking, bank holidays) → your data (where
it is, whether it is encrypted (chosen when the file was created), the backup folder) → signing certificate
(``CertificateDialog`` embedded: create or import; or later) → how to start (real work, or a separate demo
database clearly marked DEMO DATA).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.services import backups, signing_keys
from cowork_desktop.services import settings as model
from cowork_desktop.services.changes import Changes
from cowork_desktop.services.database import create_demo_database
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.certificate_dialog import CertificateDialog
from cowork_desktop.ui.widgets import (
    FieldError,
    FormFields,
    button,
    hint_label,
    line_edit,
    marking_combo,
    nation_combo,
    radio_choices,
    with_button,
    wrapped_label,
)
from cowork_desktop.ui.wizard.keys import return_in_page

WELCOME, YOU, DATA, CERTIFICATE, START = range(5)


def keep_room(errors: Iterable[QLabel]) -> None:
    """Keep a line for each field's message, so the fields do not move when a message appears or goes."""
    for error in errors:
        policy = error.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        error.setSizePolicy(policy)
        error.setMinimumHeight(error.fontMetrics().lineSpacing() + 2)


def demo_path_for(db_path: Path) -> Path:
    """The demo database lives beside the real one, under its own name: it never mixes with real records."""
    return db_path.with_name(f"{db_path.stem}-demo{db_path.suffix or '.db'}")


class WelcomePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("welcomePage")
        self.setTitle(self.tr("Welcome to cowork-desktop"))
        column = QVBoxLayout(self)
        column.setSpacing(12)
        about = QLabel(
            self.tr(
                "cowork-desktop helps you set up co-worked cases the way the co-working protocol asks: it leads "
                "you through the initial meeting with both co-workers, the reviews and the reflective "
                "discussions, and keeps track of what is due. It produces the signed MDR for the child's file, "
                "and everything stays on this computer."
            )
        )
        about.setWordWrap(True)
        about.setObjectName("welcomeText")
        column.addWidget(about)
        column.addWidget(
            hint_label(
                self.tr(
                    "This takes about two minutes: who you are, where your data is, your signing certificate, "
                    "and whether to look around with demo data first. You can change all of it later in "
                    "File ▸ Settings… (Ctrl+,). Press F1 at any time for help."
                )
            )
        )
        column.addStretch(1)


class YouPage(QWizardPage):
    def __init__(self, initial: model.Settings) -> None:
        super().__init__()
        self.setObjectName("youPage")
        self.setTitle(self.tr("About you"))
        self.setSubTitle(self.tr("These appear on every case note you sign."))
        self.fields = FormFields.new_form(self)
        self.name = line_edit("manager_name", text=initial.manager_name)
        self.team = line_edit("team", self.tr("e.g. Assessment Team 2"), text=initial.team)
        self.organisation = line_edit("organisation", text=initial.organisation)
        self.marking = marking_combo(initial.protective_marking)
        self.nation = nation_combo(self.tr)
        self.nation.setCurrentIndex(max(0, self.nation.findData(initial.nation)))
        self.fields.add(
            "manager_name", self.tr("&Your name:"), self.name, hint=self.tr("As you sign records.")
        )
        self.fields.add("team", self.tr("&Team:"), self.team)
        self.fields.add("organisation", self.tr("&Organisation:"), self.organisation)
        self.fields.add(
            "protective_marking",
            self.tr("Protective &marking:"),
            self.marking,
            hint=self.tr("Printed on every page. OFFICIAL-SENSITIVE is usual for children's records."),
        )
        self.fields.add(
            "nation",
            self.tr("Bank &holidays of:"),
            self.nation,
            hint=self.tr("Deadlines count working days, skipping these bank holidays."),
        )
        self.registerField("manager_name*", self.name)
        keep_room(self.fields.errors.values())

    def values(self) -> dict[str, str]:
        return {
            "manager_name": self.name.text(),
            "team": self.team.text(),
            "organisation": self.organisation.text(),
            "protective_marking": self.marking.currentText(),
            "nation": str(self.nation.currentData()),
        }

    def validatePage(self) -> bool:
        _checked, errors = model.validate(self.values(), require_name=True)
        self.fields.show(errors)
        return not errors


class DataPage(QWizardPage):
    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.setObjectName("dataPage")
        self.setTitle(self.tr("Your data"))
        self.setSubTitle(self.tr("Everything stays on this computer. Nothing is ever sent over the network."))
        self.fields = FormFields.new_form(self)
        where = wrapped_label("databasePath", str(ws.store.path))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields.add(
            "database",
            self.tr("Your records:"),
            where,
            hint=self.tr("One file, readable by you only. File ▸ Open database… opens another."),
        )
        encrypted = bool(getattr(ws.store, "encrypted", False))
        state = QLabel(
            self.tr("Encrypted with your passphrase: without it the file is unreadable.")
            if encrypted
            else self.tr(
                "Not encrypted. Keep this computer's disk encryption on. (An encrypted database is offered "
                "when the app creates its database at the very first start.)"
            )
        )
        state.setObjectName("encryptionState")
        state.setWordWrap(True)
        self.fields.add("encryption", self.tr("Encryption:"), state)
        self.backup_folder = line_edit("backup_folder", str(backups.default_folder(ws.store.path)))
        browse = button(
            self.tr("Bro&wse…"),
            "browseBackupFolder",
            self.tr("Choose the backup folder"),
            clicked=self._browse,
        )
        self.fields.add(
            "backup_folder",
            self.tr("Backups &go to:"),
            with_button(self.backup_folder, browse),
            hint=self.tr(
                "A checked backup is taken every day you start the app. Leave empty for the folder shown, or "
                "choose one on another disk."
            ),
            focus=self.backup_folder,
        )
        keep_room(self.fields.errors.values())

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Choose the backup folder"), str(Path.home()))
        if name:
            self.backup_folder.setText(name)

    def validatePage(self) -> bool:
        problem = model.folder_problem(self.backup_folder.text())
        self.fields.show({"backup_folder": problem} if problem else {})
        return not problem


class CertificatePage(QWizardPage):
    """Create or import the signing certificate, with the certificate dialog's own fields and checks."""

    def __init__(self, ws: Workspace, path: Path | None = None) -> None:
        super().__init__()
        self.ws = ws
        self.setObjectName("certificatePage")
        self.setTitle(self.tr("Your signing certificate"))
        self.setSubTitle(
            self.tr("You sign each MDR with it, so anyone can check who signed it and that it is unchanged.")
        )
        column = QVBoxLayout(self)
        self.ready = wrapped_label("certificateReady")
        self.ready.hide()
        column.addWidget(self.ready)
        self.dialog = CertificateDialog(ws, path, self)
        self.dialog.setWindowFlags(Qt.WindowType.Widget)
        self.dialog.buttons.hide()
        # its title and explanation repeat this page's
        for label in self.dialog.findChildren(QLabel, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if label.property("role") in ("title", "hint") and label is not self.dialog.path_label:
                label.hide()
        inner = self.dialog.layout()
        if inner is not None:
            inner.setContentsMargins(0, 0, 0, 0)
        # in the wizard Alt+N is Next and Alt+B is Back: the dialog's "Your &name" and "&Browse" take other letters
        self.dialog.create_fields.labels["name"].setText(self.tr("&Your name:"))
        self.dialog.browse_button.setText(self.tr("Bro&wse…"))
        keep_room(
            [
                *self.dialog.create_fields.errors.values(),
                *self.dialog.import_fields.errors.values(),
                self.dialog.error,
            ]
        )
        column.addWidget(self.dialog)
        self.later = QCheckBox(self.tr("&Later: ask me when I first sign a record"))
        self.later.setObjectName("certificateLater")
        self.later.toggled.connect(self.dialog.setDisabled)
        column.addWidget(self.later)
        column.addStretch(1)

    @property
    def path(self) -> Path:
        return self.dialog.path

    def initializePage(self) -> None:
        wizard = self.wizard()
        you = wizard.page(YOU) if wizard is not None else None
        if isinstance(you, YouPage):
            if not self.dialog.name_edit.text().strip():
                self.dialog.name_edit.setText(you.name.text().strip())
            if not self.dialog.org_edit.text().strip():
                self.dialog.org_edit.setText(you.organisation.text().strip())
        self._show_state()

    def _show_state(self) -> None:
        exists = self.path.exists()
        self.ready.setVisible(exists)
        self.dialog.setVisible(not exists)
        self.later.setVisible(not exists)
        if exists:
            self.ready.setText(self.tr("Your certificate is set up: %1").replace("%1", str(self.path)))

    def validatePage(self) -> bool:
        if self.path.exists() or self.later.isChecked():
            return True
        self.dialog.submit()
        if self.dialog.signer is None:
            return False
        # unlocked for this session: the first signed export does not ask for the passphrase again
        signing_keys.SIGNERS.put(self.path, self.dialog.signer)
        self._show_state()
        return True


class StartPage(QWizardPage):
    REAL, DEMO = 0, 1

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("startPage")
        self.setTitle(self.tr("How would you like to start?"))
        column = QVBoxLayout(self)
        column.setSpacing(10)
        self.real = QRadioButton(self.tr("Start with my &real work"))
        self.real.setObjectName("startReal")
        self.demo = QRadioButton(self.tr("&Look around with fictional demo data first"))
        self.demo.setObjectName("startDemo")
        self.choice = radio_choices(self, self.real, self.demo)  # REAL, DEMO
        column.addWidget(self.real)
        column.addWidget(
            hint_label(
                self.tr(
                    "Next: add the two co-workers (Workers ▸ New worker…), the case (Cases ▸ New case…), then "
                    "co-allocate it; the case page starts the initial meeting."
                )
            )
        )
        column.addWidget(self.demo)
        column.addWidget(
            hint_label(
                self.tr(
                    "Opens a separate demo database of fictional cases in every state, marked DEMO DATA in the "
                    "window title and on every PDF. Your own database stays empty; File ▸ Open database… "
                    "brings you back to it."
                )
            )
        )
        self.error = FieldError(self.tr("Start"))
        keep_room([self.error])
        column.addWidget(self.error)
        column.addStretch(1)

    def wants_demo(self) -> bool:
        return self.demo.isChecked()


class FirstRunWizard(QWizard):
    """The first start. On finish the settings are saved; :attr:`demo_path` is set when the demo was chosen."""

    def __init__(
        self, ws: Workspace, parent: QWidget | None = None, certificate_path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.saved: model.Settings | None = None
        self.demo_path: Path | None = None
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("Welcome to cowork-desktop"))
        # no setWizardStyle(): switching the wizard's style, then the app's (the theme), crashes Qt 6.11 in Fusion
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Start"))
        initial = model.load(ws.store)
        self.you = YouPage(initial)
        self.data = DataPage(ws)
        self.certificate = CertificatePage(ws, certificate_path)
        self.start = StartPage()
        for page_id, page in (
            (WELCOME, WelcomePage()),
            (YOU, self.you),
            (DATA, self.data),
            (CERTIFICATE, self.certificate),
            (START, self.start),
        ):
            self.setPage(page_id, page)
        from cowork_desktop.ui.help import install_wizard_help

        self.help_shortcut = install_wizard_help(self)
        height = self.fontMetrics().height()
        self.resize(max(720, 50 * height), max(560, 36 * height))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Return in a field goes to the next field, never Next or Start (Alt+N and Alt+S do those)
        if return_in_page(self, event):
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        if not self.finish():
            return
        super().accept()

    def finish(self) -> bool:
        """Save what was typed; make the demo database when chosen. False (with a message) if that failed."""
        current = model.load(self.ws.store)
        raw = model.as_texts(current) | self.you.values()
        raw["backup_folder"] = self.data.backup_folder.text()
        checked, errors = model.validate(raw, check_files=False, require_name=True)
        if checked is None:
            self.start.error.set_error("; ".join(errors.values()))
            return False
        try:
            model.save(self.ws.store, checked)
            if self.start.wants_demo():
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    self.demo_path = create_demo_database(
                        demo_path_for(self.ws.store.path), checked.manager_name
                    )
                finally:
                    QApplication.restoreOverrideCursor()
        except CoworkError as exc:
            self.start.error.set_error(self.tr("Not finished: %1").replace("%1", str(exc)))
            return False
        self.saved = checked
        return True


def offer_first_run(
    window: QWidget, on_done: Callable[[FirstRunWizard], None] | None = None
) -> FirstRunWizard | None:
    """Open the welcome over the main window when the database needs it (window-modal, not blocking)."""
    ws = getattr(window, "ws", None)
    if not isinstance(ws, Workspace) or not model.needs_first_run(ws.store):
        return None
    wizard = FirstRunWizard(ws, window)
    wizard.setWindowModality(Qt.WindowModality.WindowModal)

    def finished(result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            if wizard.demo_path is not None:
                switch = getattr(window, "switch_database", None)
                if callable(switch):
                    switch(wizard.demo_path)
            else:
                apply_changes = getattr(window, "apply_changes", None)
                if callable(apply_changes):
                    apply_changes(Changes(settings=True))
        if on_done is not None:
            on_done(wizard)
        wizard.deleteLater()  # done with: never left behind among the window's children

    wizard.finished.connect(finished)
    wizard.open()
    window.first_run_wizard = wizard  # type: ignore[attr-defined]  # kept while it is open
    return wizard


__all__ = [
    "FirstRunWizard",
    "create_demo_database",
    "demo_path_for",
    "offer_first_run",
]
