"""First use of signing: create the manager's own signing certificate, or import one issued by the organisation.

* Create: a self-signed certificate in the manager's name (prefilled from the ``manager_name`` setting) and
  organisation (``organisation``), in a PKCS#12 file protected by a passphrase typed twice (8 characters or
  more), saved with mode 0600 at :func:`cowork_desktop.services.export.default_certificate_path`.
* Import: a .p12/.pfx file from the organisation, checked by opening it with its passphrase, then copied to the
  same place with mode 0600 (never half-written, never over an existing certificate).

Each problem is shown next to its field. Passphrases are typed in password fields only: they are passed to the
signing code and cleared, never stored, never logged. On success :attr:`CertificateDialog.signer` holds the
loaded key, so the passphrase is not asked again in this session.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.export.signing import Signer, create_certificate, load_signer
from cowork_desktop.services import export
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.widgets import FieldError, FormFields, hint_label, title_label

MIN_PASSPHRASE = 8
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


def copy_private(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` with mode 0600, through a temporary file: never half a file, never over an
    existing one. CoworkError with the reason when it cannot be done."""
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise CoworkError(f"Cannot read {source}: {exc.strerror or exc}") from None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise CoworkError(f"Cannot write to {target.parent}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), 0o600)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, target)  # fails if a certificate appeared meanwhile: never replace one
        except FileExistsError:
            raise CoworkError(f"{target} already exists: a signing certificate is set up already.") from None
        except OSError:  # a file system without hard links
            if target.exists():
                raise CoworkError(
                    f"{target} already exists: a signing certificate is set up already."
                ) from None
            os.replace(tmp, target)
    except OSError as exc:
        raise CoworkError(f"Cannot write {target}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
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
        layout.addWidget(title_label(self.tr("Set up your signing certificate")))
        layout.addWidget(
            hint_label(
                self.tr(
                    "Signed case notes carry a digital signature made with your certificate, so anyone can check "
                    "who signed them and that they have not been changed. You need to do this once."
                )
            )
        )
        self.create_choice = QRadioButton(self.tr("&Create my signing certificate"))
        self.create_choice.setObjectName("createChoice")
        self.import_choice = QRadioButton(
            self.tr("&Import a certificate file (.p12/.pfx) from my organisation")
        )
        self.import_choice.setObjectName("importChoice")
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.create_choice, self.CREATE)
        self.choices.addButton(self.import_choice, self.IMPORT)
        self.create_choice.setChecked(True)
        layout.addWidget(self.create_choice)
        layout.addWidget(self.import_choice)

        # one page shown at a time; a hidden one takes no room (a QStackedWidget keeps the taller one's height)
        self.pages = [self._create_page(), self._import_page()]
        for page in self.pages:
            layout.addWidget(page)

        where = QLabel(f"Saved as: {self.path}")
        where.setObjectName("certificatePath")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setProperty("role", "hint")
        self.path_label = where
        layout.addWidget(where)
        self.error = FieldError(self.tr("Certificate"))
        self.error.setObjectName("fieldError")
        layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("certificateOk")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.choices.idToggled.connect(self._choice_toggled)
        self._choice_toggled(self.CREATE, True)

    # -- pages ------------------------------------------------------------------------------------
    def _settings(self, key: str) -> str:
        if self.ws is None:
            return ""
        return (self.ws.store.get_setting(key) or "").strip()

    def _create_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("createPage")
        form = QFormLayout(page)
        form.setContentsMargins(24, 4, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.create_fields = FormFields(form)
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
            hint=f"At least {MIN_PASSPHRASE} characters. It protects the certificate; it is never stored, "
            "and nobody can recover it for you.",
        )
        self.create_fields.add("repeat", self.tr("&Type it again:"), self.repeat_passphrase)
        return page

    def _import_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("importPage")
        form = QFormLayout(page)
        form.setContentsMargins(24, 4, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.import_fields = FormFields(form)
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("importFile")
        self.file_edit.setPlaceholderText(self.tr("manager.p12"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setObjectName("browseCertificate")
        self.browse_button.setAccessibleName(self.tr("Choose the certificate file"))
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
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
        labels need at its width, so the height is set from the layout's height for the current width."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalMinimumSize().height())
        if needed > self.height() or shrink:
            self.resize(self.width(), needed)

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

    # -- doing it ---------------------------------------------------------------------------------
    def submit(self) -> None:
        """Create or import; on success the dialog is accepted with :attr:`signer` loaded."""
        self.error.set_error("")
        signer = self.create_now() if self.mode() == self.CREATE else self.import_now()
        if signer is not None:
            self.signer = signer
            self.accept()
        else:
            self.fit_height()

    def create_now(self) -> Signer | None:
        errors: dict[str, str] = {}
        name = self.name_edit.text().strip()
        first, second = self.new_passphrase.text(), self.repeat_passphrase.text()
        if not name:
            errors["name"] = self.tr("Enter your name as it should appear on signed case notes.")
        if len(first) < MIN_PASSPHRASE:
            errors["passphrase"] = f"Use at least {MIN_PASSPHRASE} characters."
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
        finally:
            QApplication.restoreOverrideCursor()
            self.new_passphrase.clear()
            self.repeat_passphrase.clear()
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
                load_signer(source, secret)  # check it opens before copying anything
            except CoworkError as exc:
                if is_wrong_passphrase(exc):
                    self.import_fields.show(
                        {"passphrase": "Wrong passphrase: it does not open this certificate file."}
                    )
                else:
                    self.import_fields.show({"file": str(exc)})
                return None
            try:
                copy_private(source, self.path)
                return load_signer(self.path, secret)
            except CoworkError as exc:
                self.error.set_error(f"The certificate was not imported: {exc}")
                return None
        finally:
            QApplication.restoreOverrideCursor()
            self.import_passphrase.clear()
