"""First use of signing: create the manager's own signing certificate, or import one issued by the organisation.

* Create: a self-signed certificate in the manager's name (prefilled from the ``manager_name`` setting) and
  organisation (``organisation``), in a PKCS#12 file protected by a passphrase typed twice (the app's one rule
  for a new passphrase, :mod:`cowork_desktop.domain.passphrases`), saved with mode 0600 at
  :func:`cowork_desktop.services.export.default_certificate_path`.
* Import: a .p12/.pfx file from the organisation, checked by opening it with its passphrase, then copied to the
  same place with mode 0600 (never half-written, never over an existing certificate).

A certificate that may not sign (expired, not yet valid, weak key, not meant for signing: the policy of
:mod:`cowork_desktop.domain.certificates`) is refused with the reason, and nothing is saved. A certificate made or
imported here is recorded as known to the open database (``created`` or ``imported``, audited), and its public
part is kept beside it as ``.crt`` (:func:`cowork_desktop.services.signing_keys.public_certificate_path`).

Each problem is shown next to its field. Passphrases are typed in password fields only: they are passed to the
signing code and cleared, never stored, never logged. On success the dialog shows the new certificate's SHA-256
fingerprint and where its ``.crt`` is, to give to colleagues, and :attr:`CertificateDialog.signer` holds the
loaded key, so the passphrase is not asked again in this session; closing the dialog then accepts it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain.certificates import format_fingerprint
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.passphrases import MIN_LENGTH, new_passphrase_problem
from cowork_desktop.services import export
from cowork_desktop.services.files import OutputExists, make_private_folders, os_reason, write_atomic
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.services.signing_keys import (
    certificate_pem,
    create_certificate,
    load_signer,
    public_certificate_path,
)
from cowork_desktop.ui.widgets import (
    FieldError,
    FormFields,
    button,
    dialog_buttons,
    hint_label,
    line_edit,
    radio_choices,
    title_label,
    with_button,
    wrapped_label,
)

if TYPE_CHECKING:
    from cowork_desktop.services.signing_keys import Signer

MIN_PASSPHRASE = MIN_LENGTH  # the one rule: cowork_desktop.domain.passphrases
WRONG_PASSPHRASE_PREFIX = "Wrong passphrase"


def is_wrong_passphrase(exc: CoworkError) -> bool:
    """load_signer's error for a passphrase that does not open the file (as opposed to a missing or bad file)."""
    return str(exc).startswith(WRONG_PASSPHRASE_PREFIX)


def passphrase_field(name: str) -> QLineEdit:
    """A password field: hidden echo, no copy, no predictive text."""
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setInputMethodHints(
        Qt.InputMethodHint.ImhHiddenText
        | Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
        | Qt.InputMethodHint.ImhNoAutoUppercase
    )
    return edit


def fingerprint_lines(fingerprint: str, per_line: int = 16) -> str:
    """A SHA-256 fingerprint as pairs of hex digits, ``per_line`` pairs a line: easier to read out and compare."""
    pairs = format_fingerprint(fingerprint).split(":")
    return "\n".join(":".join(pairs[i : i + per_line]) for i in range(0, len(pairs), per_line))


def copy_private(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` with mode 0600 (its folder made 0700 if missing), through the app's one
    writer: never half a file, never over an existing one. CoworkError with the reason when it cannot be done."""
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise CoworkError(f"Cannot read {source}: {exc.strerror or exc}") from None
    make_private_folders(target.parent)
    try:
        write_atomic(target, data)
    except OutputExists:
        raise CoworkError(f"{target} already exists: a signing certificate is set up already.") from None
    return target


class CertificateDialog(QDialog):
    """Set up the manager's signing certificate: create one, or import the organisation's."""

    CREATE, IMPORT = 0, 1

    def __init__(self, ws: Workspace | None, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.path = Path(path) if path is not None else export.default_certificate_path()
        self.signer: Signer | None = None
        self.setObjectName("certificateDialog")
        self.setWindowTitle(self.tr("Your signing certificate"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.title = title_label(self.tr("Set up your signing certificate"))
        layout.addWidget(self.title)
        self.intro = hint_label(
            self.tr(
                "Signed case notes carry a digital signature made with your certificate, so anyone can check "
                "who signed them and that they have not been changed. You need to do this once."
            )
        )
        layout.addWidget(self.intro)
        self.create_choice = QRadioButton(self.tr("&Create my signing certificate"))
        self.create_choice.setObjectName("createChoice")
        self.import_choice = QRadioButton(
            self.tr("&Import a certificate file (.p12/.pfx) from my organisation")
        )
        self.import_choice.setObjectName("importChoice")
        self.choices = radio_choices(self, self.create_choice, self.import_choice)  # CREATE, IMPORT
        layout.addWidget(self.create_choice)
        layout.addWidget(self.import_choice)

        # one page shown at a time; a hidden one takes no room (a QStackedWidget keeps the taller one's height)
        self.pages = [self._create_page(), self._import_page()]
        for page in self.pages:
            layout.addWidget(page)
        # shown instead of the choices once the certificate is made or imported
        self.done_page = self._done_page()
        self.done_page.hide()
        layout.addWidget(self.done_page)

        where = wrapped_label("certificatePath", f"Saved as: {self.path}")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setProperty("role", "hint")
        self.path_label = where
        layout.addWidget(where)
        self.error = FieldError(self.tr("Certificate"))
        self.error.setObjectName("fieldError")
        layout.addWidget(self.error)

        self.buttons = dialog_buttons(self, self.submit)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("certificateOk")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.buttons)
        self.choices.idToggled.connect(self._choice_toggled)
        self._choice_toggled(self.CREATE, True)

    # -- pages ------------------------------------------------------------------------------------
    def _settings(self, key: str) -> str:
        if self.ws is None:
            return ""
        return (self.ws.store.get_setting(key) or "").strip()

    @staticmethod
    def _form_page(object_name: str, indent: int, *, wrap: bool = False) -> tuple[QWidget, FormFields]:
        """A page of the dialog's stack holding a form, ``indent`` pixels in (under the choice it follows)."""
        page = QWidget()
        page.setObjectName(object_name)
        fields = FormFields.new_form(page, wrap=wrap)
        fields.form.setContentsMargins(indent, 4, 0, 0)
        return page, fields

    def _create_page(self) -> QWidget:
        page, self.create_fields = self._form_page("createPage", 24)
        self.name_edit = QLineEdit(self._settings(export.SETTING_MANAGER))
        self.name_edit.setObjectName("certificateName")
        self.org_edit = QLineEdit(self._settings(export.SETTING_ORGANISATION))
        self.org_edit.setObjectName("certificateOrganisation")
        self.new_passphrase = passphrase_field("newPassphrase")
        self.repeat_passphrase = passphrase_field("repeatPassphrase")
        self.create_fields.add(
            "name",
            self.tr("Your &name:"),
            self.name_edit,
            hint=self.tr("As it appears on every signed case note."),
        )
        self.create_fields.add("organisation", self.tr("&Organisation:"), self.org_edit)
        self.create_fields.add(
            "passphrase",
            self.tr("&Passphrase:"),
            self.new_passphrase,
            hint=f"At least {MIN_PASSPHRASE} characters, not one character repeated. It protects the "
            "certificate; it is never stored, and nobody can recover it for you.",
        )
        self.create_fields.add("repeat", self.tr("&Type it again:"), self.repeat_passphrase)
        return page

    def _import_page(self) -> QWidget:
        page, self.import_fields = self._form_page("importPage", 24)
        self.file_edit = line_edit("importFile", self.tr("manager.p12"))
        self.browse_button = button(
            self.tr("&Browse…"),
            "browseCertificate",
            self.tr("Choose the certificate file"),
            clicked=self.browse,
        )
        file_row = with_button(self.file_edit, self.browse_button)
        self.import_passphrase = passphrase_field("importPassphrase")
        self.import_fields.add(
            "file",
            self.tr("Certificate &file:"),
            file_row,
            hint=self.tr("The .p12 or .pfx file your organisation gave you."),
            focus=self.file_edit,
        )
        self.import_fields.add(
            "passphrase",
            self.tr("&Passphrase:"),
            self.import_passphrase,
            hint=self.tr("The passphrase that came with the file. It is never stored."),
        )
        return page

    def _done_page(self) -> QWidget:
        # with larger text on a narrow screen the fingerprint goes under its label rather than off the edge
        page, self.done_fields = self._form_page("donePage", 0, wrap=True)

        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("certificateFingerprint")
        mono = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        mono.setPointSizeF(self.font().pointSizeF())  # the text size chosen in the app, in a fixed-width face
        self.fingerprint_label.setFont(mono)
        self.copy_fingerprint_button = button(
            self.tr("Co&py"),
            "copyFingerprint",
            self.tr("Copy the fingerprint"),
            clicked=self.copy_fingerprint,
        )
        self._copyable(
            "fingerprint",
            self.tr("SHA-256 fingerprint:"),
            self.fingerprint_label,
            self.copy_fingerprint_button,
            self.tr(
                "Read it to colleagues by phone or in person, so they can check that the file they were given "
                "is yours."
            ),
        )

        self.public_label = wrapped_label("publicCertificatePath")
        self.open_folder_button = button(
            self.tr("Open &folder"),
            "openCertificateFolder",
            self.tr("Open the folder of the public certificate"),
            clicked=self.open_folder,
        )
        self._copyable(
            "public",
            self.tr("Public certificate:"),
            self.public_label,
            self.open_folder_button,
            self.tr(
                "Give this .crt file to colleagues who check your case notes: they add it in Settings ▸ "
                "Signing and trust. It holds no secret; keep the .p12 file to yourself."
            ),
        )
        self.registered_note = hint_label("")
        self.registered_note.setObjectName("registeredNote")
        self.done_fields.form.addRow(self.registered_note)
        return page

    def _copyable(self, key: str, title: str, label: QLabel, action: QPushButton, hint: str) -> None:
        """A row of the finished page: ``label``'s text, selectable by mouse and keyboard, ``action`` beside it."""
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.done_fields.add(key, title, with_button(label, action, top=True), hint=hint, focus=label)

    def _choice_toggled(self, choice: int, checked: bool) -> None:
        if not checked:
            return
        for index, page in enumerate(self.pages):
            page.setVisible(index == choice)
        self.error.set_error("")
        self.fit_height(shrink=True)
        self.ok_button.setText(
            self.tr("Create certificate") if choice == self.CREATE else self.tr("Import certificate")
        )

    def fit_height(self, *, shrink: bool = False) -> None:
        """Make room for wrapped hints and messages: a window's layout does not ask for the height its wrapped
        labels need at its width, so the height is set from the layout's height for the current width. The
        width grows too when something that does not wrap (the fingerprint) needs more, within the screen."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        width = max(self.width(), layout.totalMinimumSize().width())
        screen = self.screen()
        if screen is not None:
            width = min(width, screen.availableGeometry().width())
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalMinimumSize().height())
        if needed > self.height() or shrink or width != self.width():
            self.resize(width, needed if needed > self.height() or shrink else self.height())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_height()

    def mode(self) -> int:
        return self.choices.checkedId()

    def browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose your certificate file"),
            str(Path.home()),
            self.tr("Certificate files (*.p12 *.pfx);;All files (*)"),
        )
        if name:
            self.file_edit.setText(name)
            self.import_fields.errors["file"].set_error("")

    def copy_fingerprint(self) -> None:
        if self.signer is not None:
            QApplication.clipboard().setText(format_fingerprint(self.signer.fingerprint))

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(public_certificate_path(self.path).parent)))

    # -- doing it ---------------------------------------------------------------------------------
    def submit(self) -> None:
        """Create or import; on success :attr:`signer` is loaded, the certificate recorded as known to the
        database, and its fingerprint and public certificate shown. Once done, submitting again accepts."""
        if self.signer is not None:
            self.accept()
            return
        self.error.set_error("")
        creating = self.mode() == self.CREATE
        signer = self.create_now() if creating else self.import_now()
        if signer is None:
            self.fit_height()
            return
        self.signer = signer
        self.show_done(signer, self.register(signer, "created" if creating else "imported"))

    def reject(self) -> None:
        """Cancel; once the certificate is made, closing the dialog (Esc, the window's close) is Done."""
        if self.signer is not None:
            self.accept()
            return
        super().reject()

    def register(self, signer: Signer, source: str) -> str:
        """Record the certificate as known to the open database; the note to show (empty without one)."""
        if self.ws is None:
            return ""
        try:
            _facts, added = export.register_certificate(self.ws, signer.certificate_der, source)
        except CoworkError as exc:
            self.error.set_error(
                f"The certificate is saved, but this database could not record it: {exc}. "
                "It is recorded when you first sign with it."
            )
            return ""
        if added:
            return self.tr("Recorded as known to this database: case notes signed with it verify here.")
        return self.tr("This database already knew this certificate.")

    def show_done(self, signer: Signer, note: str = "") -> None:
        """What was made: the fingerprint and where the public certificate is, for colleagues."""
        self.title.setText(self.tr("Your signing certificate is ready"))
        self.intro.hide()
        self.create_choice.hide()
        self.import_choice.hide()
        for page in self.pages:
            page.hide()
        self.fingerprint_label.setText(fingerprint_lines(signer.fingerprint))
        self.fingerprint_label.setAccessibleDescription(format_fingerprint(signer.fingerprint))
        public = public_certificate_path(self.path)
        self.public_label.setText(str(public) if public.is_file() else self.tr("Not saved."))
        self.open_folder_button.setEnabled(public.is_file())
        self.registered_note.setText(note)
        self.registered_note.setVisible(bool(note))
        self.done_page.show()
        self.cancel_button.hide()
        self.ok_button.setText(self.tr("Done"))
        self.ok_button.setFocus()
        self.fit_height(shrink=True)

    def create_now(self) -> Signer | None:
        errors: dict[str, str] = {}
        name = self.name_edit.text().strip()
        first, second = self.new_passphrase.text(), self.repeat_passphrase.text()
        if not name:
            errors["name"] = self.tr("Enter your name as it should appear on signed case notes.")
        problem = new_passphrase_problem(first)
        if problem is not None:
            errors["passphrase"] = problem
        elif first != second:
            errors["repeat"] = self.tr("The two passphrases are different: type the same one twice.")
        self.create_fields.show(errors)
        if errors:
            return None
        secret = first.encode("utf-8")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            create_certificate(name, self.org_edit.text().strip(), self.path, secret)
            signer = load_signer(self.path, secret)
        except CoworkError as exc:
            self.error.set_error(f"The certificate was not created: {exc}")
            return None
        except OSError as exc:
            self.error.set_error(
                f"The certificate was not created: cannot write to {self.path.parent}: {os_reason(exc)}"
            )
            return None
        finally:
            QApplication.restoreOverrideCursor()
            self.new_passphrase.clear()
            self.repeat_passphrase.clear()
        problems = signer.signing_problems()
        if problems:  # not for a certificate made just now, unless the computer's clock is far wrong
            for made in (self.path, public_certificate_path(self.path)):
                with contextlib.suppress(OSError):
                    made.unlink()
            self.error.set_error(f"The certificate was not created: {problems[0]}")
            return None
        return signer

    def import_now(self) -> Signer | None:
        errors: dict[str, str] = {}
        text = self.file_edit.text().strip()
        source = Path(text).expanduser() if text else None
        passphrase = self.import_passphrase.text()
        if source is None:
            errors["file"] = self.tr("Choose the certificate file your organisation gave you.")
        elif not source.is_file():
            errors["file"] = self.tr("There is no such file.")
        if not passphrase:
            errors["passphrase"] = self.tr("Enter the passphrase that came with the certificate.")
        self.import_fields.show(errors)
        if errors or source is None:
            return None
        secret = passphrase.encode("utf-8")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            try:
                checked = load_signer(source, secret)  # check it opens, and may sign, before copying anything
            except CoworkError as exc:
                if is_wrong_passphrase(exc):
                    self.import_fields.show(
                        {"passphrase": "Wrong passphrase: it does not open this certificate file."}
                    )
                else:
                    self.import_fields.show({"file": str(exc)})
                return None
            problems = checked.signing_problems()
            if problems:
                self.import_fields.show({"file": f"Not imported: {problems[0]}"})
                return None
            try:
                copy_private(source, self.path)
                signer = load_signer(self.path, secret)
            except CoworkError as exc:
                self.error.set_error(f"The certificate was not imported: {exc}")
                return None
            try:  # its public part beside it, for colleagues (as a created certificate has; an old one replaced)
                write_atomic(
                    public_certificate_path(self.path), certificate_pem(signer.certificate_der), replace=True
                )
            except CoworkError as exc:
                self.error.set_error(
                    f"The certificate was imported, but its public part was not saved: {exc}"
                )
            return signer
        finally:
            QApplication.restoreOverrideCursor()
            self.import_passphrase.clear()
