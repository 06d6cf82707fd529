"""Passphrases, the idle lock and backups, in the GUI.

- :class:`NewDatabaseDialog`: the first-run choice, "Protect this database with a passphrase (recommended)" (the
  default) or "No encryption"; when SQLCipher does not work here it says so and offers the unencrypted store.
- :class:`PassphraseDialog`: asked at start for an encrypted database (:func:`ask_passphrase`, three tries).
- :class:`ChangePassphraseDialog`: re-keys the open database.
- :class:`IdleLock`: an application-wide event filter; after N idle minutes (setting ``idle_lock_minutes``,
  default 10) the main window shows a :class:`LockScreen` instead of its pages and every other window is hidden,
  until the passphrase is given again. Only for an encrypted database (a plain file can be read without the app).
- :func:`back_up_now`, :func:`restore_backup`: the File menu (the automatic backups: ``ui.backup_runner``).

The passphrase goes from the field to SQLCipher: it is never logged, stored or kept by these widgets.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain.backups import RestoreFacts, restore_summary
from cowork_desktop.domain.errors import CoworkError, DamagedDatabase, WrongPassphrase
from cowork_desktop.domain.settings import NUMBERS, stored_number
from cowork_desktop.services import backups, database
from cowork_desktop.services.database import Store
from cowork_desktop.ui.host import HostWindow
from cowork_desktop.ui.widgets import dialog_buttons, title_label, wrapped_label

SETTING_IDLE_MINUTES = "idle_lock_minutes"
DEFAULT_IDLE_MINUTES = NUMBERS[SETTING_IDLE_MINUTES].default
TRIES = 3


def _password_field(name: str, object_name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setObjectName(object_name)
    edit.setAccessibleName(name)
    return edit


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


def _show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def new_passphrase_problem(first: str, second: str) -> str:
    """Why a new database passphrase typed twice cannot be used ("" when it can): the app's one rule
    (:func:`cowork_desktop.domain.passphrases.new_passphrase_problem`, as the ``cowork`` command applies it),
    then the two must match."""
    from cowork_desktop.domain.passphrases import new_passphrase_problem as rule

    problem = rule(first)
    if problem is not None:
        return problem
    if first != second:
        return "The two passphrases are not the same."
    return ""


class PassphraseDialog(QDialog):
    """Ask for the passphrase of an encrypted database (at start and to unlock)."""

    def __init__(self, path: Path, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Passphrase"))
        self.setModal(True)
        self.setMinimumWidth(460)
        column = QVBoxLayout(self)
        intro = QLabel(message or f"{path.name} is encrypted. Type its passphrase to open it.")
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.edit = _password_field("Passphrase", "passphraseEdit")
        column.addWidget(self.edit)
        self.error = _error_label()
        column.addWidget(self.error)
        buttons = dialog_buttons(self, self.accept)
        column.addWidget(buttons)
        self.edit.setFocus()

    def passphrase(self) -> str:
        return self.edit.text()

    def set_error(self, text: str) -> None:
        _show_error(self.error, text)


def ask_passphrase(path: Path, parent: QWidget | None = None, tries: int = TRIES) -> str | None:
    """The passphrase that opens ``path``, asked up to ``tries`` times; None if cancelled or every try was wrong
    (a message box says so)."""
    dialog = PassphraseDialog(path, parent=parent)
    for attempt in range(1, tries + 1):
        dialog.edit.clear()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        value = dialog.passphrase()
        if value and database.passphrase_opens(path, value):
            return value
        left = tries - attempt
        dialog.set_error(
            f"Wrong passphrase: try again ({left} {'try' if left == 1 else 'tries'} left)." if left else ""
        )
    QMessageBox.critical(
        parent,
        QCoreApplication.translate("Security", "Wrong passphrase"),
        f"Wrong passphrase for {path}, {tries} times: not opened.",
    )
    return None


class NewDatabaseDialog(QDialog):
    """The first-run choice: a passphrase (twice) or no encryption."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newDatabaseDialog")
        self.setWindowTitle(self.tr("A new database"))
        self.setModal(True)
        self.setMinimumWidth(540)
        column = QVBoxLayout(self)
        intro = QLabel(
            f"cowork-desktop will keep its records in {path}. They are about children: protect the file so that "
            "only someone who knows the passphrase can read it, even from a lost laptop or a backup."
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.encrypt_radio = QRadioButton(self.tr("Protect this database with a passphrase (recommended)"))
        self.encrypt_radio.setObjectName("encryptChoice")
        self.plain_radio = QRadioButton(self.tr("No encryption"))
        self.plain_radio.setObjectName("plainChoice")
        column.addWidget(self.encrypt_radio)
        form = QFormLayout()
        self.first = _password_field("Passphrase", "newPassphrase")
        self.second = _password_field("Repeat the passphrase", "repeatPassphrase")
        form.addRow("&Passphrase:", self.first)
        form.addRow("&Repeat it:", self.second)
        column.addLayout(form)
        note = QLabel(
            self.tr(
                "There is no way to recover a forgotten passphrase: keep it where your team keeps such things."
            )
        )
        note.setWordWrap(True)
        column.addWidget(note)
        column.addWidget(self.plain_radio)
        self.unavailable = wrapped_label("encryptionUnavailable")
        self.unavailable.hide()
        column.addWidget(self.unavailable)
        self.error = _error_label()
        column.addWidget(self.error)
        buttons = dialog_buttons(self, self._check)
        column.addWidget(buttons)
        reason = database.encryption_unavailable()
        if reason is None:
            self.encrypt_radio.setChecked(True)
        else:
            self.encrypt_radio.setEnabled(False)
            self.plain_radio.setChecked(True)
            self.unavailable.setText(
                f"Encryption does not work on this computer ({reason}). You can use an unencrypted database; "
                "keep the computer's own disk encryption on."
            )
            self.unavailable.show()
        self.encrypt_radio.toggled.connect(self._toggled)
        self._toggled(self.encrypt_radio.isChecked())

    def _toggled(self, on: bool) -> None:
        self.first.setEnabled(on)
        self.second.setEnabled(on)

    def _check(self) -> None:
        if self.encrypt_radio.isChecked():
            problem = new_passphrase_problem(self.first.text(), self.second.text())
            if problem:
                _show_error(self.error, problem)
                return
        self.accept()

    def passphrase(self) -> str | None:
        """The new passphrase, or None for "No encryption"."""
        return self.first.text() if self.encrypt_radio.isChecked() else None


class ChangePassphraseDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("Change the passphrase"))
        self.setModal(True)
        self.setMinimumWidth(480)
        column = QVBoxLayout(self)
        form = QFormLayout()
        self.current = _password_field("Current passphrase", "currentPassphrase")
        self.first = _password_field("New passphrase", "newPassphrase")
        self.second = _password_field("Repeat the new passphrase", "repeatPassphrase")
        form.addRow("&Current passphrase:", self.current)
        form.addRow("&New passphrase:", self.first)
        form.addRow("&Repeat it:", self.second)
        column.addLayout(form)
        note = QLabel(self.tr("Backups taken before the change keep the old passphrase."))
        note.setWordWrap(True)
        column.addWidget(note)
        self.error = _error_label()
        column.addWidget(self.error)
        buttons = dialog_buttons(self, self._change)
        column.addWidget(buttons)

    def _change(self) -> None:
        problem = new_passphrase_problem(self.first.text(), self.second.text())
        if problem:
            _show_error(self.error, problem)
            return
        try:
            database.change_passphrase(self.store, self.current.text(), self.first.text())
        except WrongPassphrase:
            _show_error(self.error, "The current passphrase is wrong; nothing was changed.")
            return
        except CoworkError as exc:
            _show_error(self.error, str(exc))
            return
        self.accept()


# -- the idle lock --------------------------------------------------------------------------------------------------


class LockScreen(QWidget):
    """Shown in the main window while it is locked: nothing of the records, a passphrase field."""

    unlocked = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("lockScreen")
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(title_label(self.tr("cowork-desktop is locked")))
        column.addWidget(QLabel(f"Type the passphrase of {store.path.name} to carry on."))
        self.edit = _password_field("Passphrase", "unlockPassphrase")
        self.edit.returnPressed.connect(self.try_unlock)
        column.addWidget(self.edit)
        self.error = _error_label()
        column.addWidget(self.error)
        self.button = QPushButton(self.tr("&Unlock"))
        self.button.setObjectName("unlockButton")
        self.button.clicked.connect(self.try_unlock)
        column.addWidget(self.button)
        column.addStretch(2)

    def try_unlock(self) -> bool:
        value = self.edit.text()
        self.edit.clear()
        if value and database.passphrase_opens(self.store.path, value):
            _show_error(self.error, "")
            self.unlocked.emit()
            return True
        _show_error(self.error, "Wrong passphrase.")
        return False


_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}


def idle_minutes(store: Store) -> int:
    """The idle minutes before the lock, as the settings dialog shows them (``domain.settings``)."""
    return stored_number(SETTING_IDLE_MINUTES, store.get_setting(SETTING_IDLE_MINUTES))


class IdleLock(QObject):
    """Locks ``window`` after ``minutes`` without keyboard, mouse or touch input anywhere in the app."""

    def __init__(self, window: HostWindow, minutes: float) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.timeout.connect(window.lock)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and not self.window.locked:
            self.timer.start()
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


# -- backups ----------------------------------------------------------------------------------------------------------


def back_up_now(window: HostWindow) -> Path | None:
    try:
        taken = backups.take(window.ws.store, backups.MANUAL)
    except CoworkError as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("Security", "Back up now"), f"No backup was taken: {exc}"
        )
        return None
    if window.backups is not None:
        window.backups.note_taken(taken)
    QMessageBox.information(
        window, QCoreApplication.translate("Security", "Back up now"), f"Backed up and checked:\n{taken.path}"
    )
    return taken.path


def offer_restore(
    parent: QWidget | None,
    exc: DamagedDatabase,
    db_path: Path,
    passphrase: str | None,
    held: database.OwnerLock | None = None,
    *,
    title: str = "cowork-desktop",
) -> bool:
    """Say the file is damaged and offer its latest good backup; True once that backup is in place (the damaged
    file is kept beside it, never modified). False when there is none, the user declines, or it fails (each
    said in a message box). At start-up and when switching to a damaged database alike."""
    if exc.backup is None:
        QMessageBox.critical(parent, f"{title}: cannot open the database", str(exc))
        return False
    found = Path(str(exc.backup))
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        f"{title}: the database is damaged",
        str(exc).split("; the latest")[0],
        parent=parent,
    )
    box.setInformativeText(
        f"The latest good backup is {found.name}, in {found.parent}. Restore it? The damaged file is kept "
        "beside it, unchanged."
    )
    restore = box.addButton("Restore the latest good backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        database.restore_latest(exc, db_path, passphrase, held=held)
    except CoworkError as again:
        QMessageBox.critical(parent, f"{title}: cannot open the database", str(again))
        return False
    return True


def restore_question(facts: RestoreFacts, db_name: str) -> QMessageBox:
    """The question before a restore: the backup's age, what is not in it, and what must be confirmed."""
    box = QMessageBox(
        QMessageBox.Icon.Question, QCoreApplication.translate("Security", "Restore a backup"), ""
    )
    box.setObjectName("restoreQuestion")
    box.setText(f"Replace the database with the backup {facts.backup_name}?")
    lines = restore_summary(facts, datetime.now(UTC))
    if facts.confirm:
        box.setIcon(QMessageBox.Icon.Warning)
        lines = [f"{reason[0].upper()}{reason[1:]}." for reason in facts.confirm] + lines
    lines.append(f"The current file is kept beside it ({db_name}.before-restore-…), never deleted.")
    box.setInformativeText("\n\n".join(lines))
    label = "Restore &anyway" if facts.confirm else "&Restore"
    restore = box.addButton(QCoreApplication.translate("Security", label), QMessageBox.ButtonRole.AcceptRole)
    restore.setObjectName("restoreButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel if facts.confirm else restore)
    return box


def restore_backup(window: HostWindow, source: Path | None = None) -> bool:
    """Choose a backup; say how old it is and what is not in it (and ask again for another database's backup,
    or one that removes or adds encryption); close the database, restore (the current file is kept aside), reopen.
    """
    store = window.ws.store
    if store.read_only is not None:
        QMessageBox.information(
            window,
            QCoreApplication.translate("Security", "Restore a backup"),
            f"This window has the database read-only ({store.read_only}): restore it from the window that has it.",
        )
        return False
    if source is None:
        folder = backups.folder_for(store)
        chosen, _filter = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("Security", "Restore a backup"),
            str(folder),
            QCoreApplication.translate("Security", "cowork backups (*.db);;All files (*)"),
        )
        if not chosen:
            return False
        source = Path(chosen)
    passphrase: str | None = None
    if database.is_encrypted(source):
        passphrase = ask_passphrase(source, window)
        if passphrase is None:
            return False
    path = store.path
    try:
        facts = backups.restore_facts(store, source, passphrase)
    except (CoworkError, OSError) as exc:
        QMessageBox.critical(
            window,
            QCoreApplication.translate("Security", "Restore a backup"),
            f"This backup cannot be restored: {exc}",
        )
        return False
    box = restore_question(facts, path.name)
    box.exec()
    if box.clickedButton() is not box.findChild(QPushButton, "restoreButton"):
        return False
    if not window.close_wizards():
        return False  # a meeting with unsaved answers: the manager chose to stay
    window.finish_backups()
    store.close()
    try:
        aside = backups.restore(path, source, passphrase, held=store.owner, force=bool(facts.confirm))
    except CoworkError as exc:
        QMessageBox.critical(window, QCoreApplication.translate("Security", "Restore a backup"), str(exc))
        window.reopen(path, passphrase)
        return False
    ok = window.reopen(path, passphrase)
    if ok:
        kept = f"\nThe previous file was kept as {aside}." if aside else ""
        QMessageBox.information(
            window,
            QCoreApplication.translate("Security", "Restore a backup"),
            f"Restored {source.name}.{kept}",
        )
    return ok


def change_passphrase(window: HostWindow) -> bool:
    store = window.ws.store
    if not store.encrypted:
        QMessageBox.information(
            window,
            QCoreApplication.translate("Security", "Change passphrase"),
            QCoreApplication.translate(
                "Security", "This database is not encrypted, so it has no passphrase to change."
            ),
        )
        return False
    dialog = ChangePassphraseDialog(store, window)
    return dialog.exec() == QDialog.DialogCode.Accepted
