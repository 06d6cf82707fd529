"""File ▸ Settings… (Ctrl+,): every setting, in six tabs, each problem shown next to its field.

The checks are ``services.settings.validate``: nothing is saved unless every field passes. The database settings
are saved with ``services.settings.save`` (audited by the store); the look (theme, text size) is kept for this
computer with QSettings and applied at once. This module also keeps the other per-machine things: window
geometry (:func:`restore_geometry`/:func:`save_geometry`) and the last database.

The "Signing and trust" tab shows the signing certificates the database knows (read-only:
``services.export.known_certificates``) and the user's trust list (``services.trust``), where certificates are
added and removed at once: they are files, so Save and Cancel do not apply to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain.certificates import CertificateFacts, format_fingerprint
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.services import backups, trust
from cowork_desktop.services import settings as model
from cowork_desktop.services.changes import NOTHING, Changes
from cowork_desktop.services.database import KnownCertificate
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui import theme
from cowork_desktop.ui.widgets import (
    CompactTableView,
    FieldError,
    FormFields,
    RowsTableModel,
    button,
    combo,
    dialog_buttons,
    fmt_date,
    hint_label,
    line_edit,
    list_table,
    marking_combo,
    nation_combo,
    scroll_area,
    show_model,
    text_label,
    title_label,
    with_button,
    wrapped_label,
)

#: the kind of field a settings row holds (a line, a combo box...)
_Field = TypeVar("_Field", bound=QWidget)

# -- per-machine settings (QSettings) ---------------------------------------------------------------------------


def machine_settings() -> dict[str, str]:
    """``{field: text}`` of the per-machine settings, as saved (missing ones are left out)."""
    s = theme.qsettings()
    found: dict[str, str] = {}
    for name, key in model.MACHINE_KEYS.items():
        value = s.value(key)
        if value is not None:
            found[name] = str(value)
    return found


def save_machine_settings(settings: model.Settings) -> None:
    s = theme.qsettings()
    for key, value in model.machine_values(settings).items():
        s.setValue(key, value)
    s.sync()


def current_settings(store: Any) -> model.Settings:
    return model.load(store, machine_settings())


def apply_look(settings: model.Settings, app: QApplication | None = None) -> None:
    """Apply (and remember) the theme: light/dark/system, high contrast and text size."""
    found = app or QApplication.instance()
    if not isinstance(found, QApplication):
        return
    save_machine_settings(settings)
    theme.apply_theme(found, settings.high_contrast, settings.text_scale, appearance=settings.theme_mode)


def restore_geometry(widget: QWidget, name: str) -> bool:
    """Put a window back where it was (size and position); False the first time."""
    value = theme.qsettings().value(model.GEOMETRY_KEY.format(name=name))
    if isinstance(value, QByteArray) and not value.isEmpty():
        return bool(widget.restoreGeometry(value))
    return False


def save_geometry(widget: QWidget, name: str) -> None:
    s = theme.qsettings()
    s.setValue(model.GEOMETRY_KEY.format(name=name), widget.saveGeometry())
    s.sync()


# -- signing and trust ------------------------------------------------------------------------------------------

#: how a certificate became known to the database (``KnownCertificate.source``)
SOURCE_LABELS = {
    "created": "Created here",
    "imported": "Imported",
    "signed": "First used to sign",
}


def _issuer_name(issuer: str) -> str:
    """The common name in an RFC 4514 issuer (the whole text when it has none)."""
    found = re.search(r"(?:^|,)CN=((?:\\.|[^,])*)", issuer)
    return found.group(1).replace("\\", "") if found else issuer


def certificate_kind(facts: CertificateFacts) -> str:
    if facts.is_ca:
        return "Organisation CA"
    if facts.self_signed:
        return "Self-signed"
    return f"Issued by {_issuer_name(facts.issuer)}"


def _valid_to(value: datetime, now: datetime) -> str:
    text = value.strftime("%d %b %Y")
    return f"{text} (expired)" if value < now else text


def _parse(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _short(fingerprint: str) -> str:
    return format_fingerprint(fingerprint[:16])


class _Named(Protocol):
    @property
    def subject(self) -> str: ...
    @property
    def common_name(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...


_Cert = TypeVar("_Cert")


class _CertificatesModel(RowsTableModel[_Cert]):
    """A table of certificates: the name and fingerprint columns shown alike in every such table (the others,
    :meth:`other_cell`)."""

    COL_NAME: int
    COL_FINGERPRINT: int

    def named(self, row: _Cert) -> _Named:  # pragma: no cover - overridden
        raise NotImplementedError

    def other_cell(self, row: _Cert, col: int, role: int) -> Any:
        return None

    def cell(self, row: _Cert, col: int, role: int) -> Any:
        c = self.named(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_FINGERPRINT:
                return f"SHA-256 {format_fingerprint(c.fingerprint)}"
            if col == self.COL_NAME:
                return c.subject
        elif role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == self.COL_NAME:
                return c.common_name or c.subject
            if col == self.COL_FINGERPRINT:
                return _short(c.fingerprint)
        return self.other_cell(row, col, role)


class KnownCertificatesModel(_CertificatesModel[KnownCertificate]):
    """The signing certificates the database knows: read-only."""

    COL_NAME, COL_FINGERPRINT, COL_FROM, COL_TO, COL_KNOWN = range(5)
    HEADERS = ("Name", "SHA-256 (start)", "Valid from", "Valid to", "How and when")

    def certificate(self, row: int) -> KnownCertificate:
        return self._rows[row]

    def named(self, row: KnownCertificate) -> _Named:
        return row

    def other_cell(self, c: KnownCertificate, col: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if col == self.COL_FROM:
            return fmt_date(c.not_before[:10])
        if col == self.COL_TO:
            end = _parse(c.not_after)
            return _valid_to(end, datetime.now(UTC)) if end is not None else fmt_date(c.not_after[:10])
        if col == self.COL_KNOWN:
            how = SOURCE_LABELS.get(c.source, c.source.capitalize())
            return f"{how}, {fmt_date(c.added_at[:10])}" if c.added_at else how
        return None


class TrustedCertificatesModel(_CertificatesModel[trust.Trusted]):
    """The user's trust list (``services.trust``)."""

    COL_NAME, COL_KIND, COL_FINGERPRINT, COL_TO = range(4)
    HEADERS = ("Name", "Kind", "SHA-256 (start)", "Valid to")

    def _arrange(self, rows: Iterable[trust.Trusted]) -> list[trust.Trusted]:
        return sorted(
            rows, key=lambda t: ((t.facts.common_name or t.facts.subject).lower(), t.facts.not_after)
        )

    def trusted(self, row: int) -> trust.Trusted:
        return self._rows[row]

    def row_of(self, fingerprint: str) -> int:
        return next((i for i, t in enumerate(self._rows) if t.facts.fingerprint == fingerprint), -1)

    def named(self, row: trust.Trusted) -> _Named:
        return row.facts

    def other_cell(self, t: trust.Trusted, col: int, role: int) -> Any:
        facts = t.facts
        if role == Qt.ItemDataRole.ToolTipRole:
            return facts.issuer if col == self.COL_KIND else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if col == self.COL_KIND:
            return certificate_kind(facts)
        if col == self.COL_TO:
            return _valid_to(facts.not_after, datetime.now(UTC))
        return None


def _certificate_table(
    title: str, name: str, object_name: str, model: RowsTableModel[Any]
) -> tuple[QLabel, QTableView]:
    """A table of certificates and its title (the title's mnemonic moves to the table)."""
    table = list_table(name, object_name, CompactTableView(5), rows_fit_contents=True)
    show_model(table, model, 0)
    table.setTabKeyNavigation(False)  # Tab moves on to the next control; the arrows move between rows
    label = title_label(title, "subtitle")
    label.setBuddy(table)
    return label, table


# -- the dialog -------------------------------------------------------------------------------------------------


def _path_row(edit: QLineEdit, browse: Callable[[], None], name: str, accessible: str) -> QWidget:
    chooser = button(QApplication.translate("SettingsDialog", "&Browse…"), name, accessible, clicked=browse)
    return with_button(edit, chooser)


class SettingsDialog(QDialog):
    """The settings, in tabs: General / Records & PDFs / Data & backups / Appearance / Security / Service /
    Signing and trust."""

    def __init__(
        self, ws: Workspace, forms_override: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.forms_override = forms_override
        self.saved: model.Settings | None = None
        self.changed: list[str] = []
        self.changes: Changes = NOTHING  # what saving changed, for the pages that show it
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.initial = current_settings(ws.store)
        self.fields: dict[str, QWidget] = {}
        self.forms: list[FormFields] = []

        column = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setDocumentMode(True)
        column.addWidget(self.tabs, 1)
        self._general()
        self._records()
        self._data()
        self._appearance()
        self._security()
        self._service()
        self._signing()  # last: the tabs before it are self.forms, in order
        self.error = FieldError(self.tr("Settings"))
        column.addWidget(self.error)
        self.buttons = dialog_buttons(self, self.submit, save=True)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("settingsSave")
        column.addWidget(self.buttons)
        self.load(self.initial)
        height = self.fontMetrics().height()
        self.resize(max(680, 48 * height), max(560, 34 * height))

    # -- building ---------------------------------------------------------------------------------
    def _tab(self, name: str, title: str, intro: str) -> FormFields:
        page = QWidget()
        page.setObjectName(name)
        outer = QVBoxLayout(page)
        outer.addWidget(hint_label(intro))
        fields = FormFields.new_form()
        outer.addLayout(fields.form)
        outer.addStretch(1)
        scroll = scroll_area(across=True)
        scroll.setWidget(page)
        self.tabs.addTab(scroll, title)
        self.forms.append(fields)
        return fields

    def _line(
        self, fields: FormFields, key: str, label: str, hint: str = "", placeholder: str = ""
    ) -> QLineEdit:
        return self._setting(fields, key, label, line_edit(key, placeholder), hint)

    def _path(
        self,
        fields: FormFields,
        key: str,
        label: str,
        hint: str,
        browse: Callable[[], None],
        placeholder: str = "",
    ) -> QLineEdit:
        edit = line_edit(key, placeholder)
        plain = label.replace("&", "").rstrip(":")
        row = _path_row(edit, browse, f"browse_{key}", self.tr("Choose: %1").replace("%1", plain))
        return self._setting(fields, key, label, edit, hint, row=row)

    def _setting(
        self,
        fields: FormFields,
        key: str,
        label: str,
        field: _Field,
        hint: str = "",
        *,
        row: QWidget | None = None,
    ) -> _Field:
        """Add the row of the setting ``key`` (``row``: its field with what stands beside it) and keep the field
        to read and fill."""
        fields.add(key, label, row or field, hint=hint, focus=field if row is not None else None)
        self.fields[key] = field
        return field

    def _general(self) -> None:
        f = self._tab(
            "generalTab",
            self.tr("&General"),
            self.tr(
                "Who you are, as it appears on every case note, and the working-days rule for deadlines."
            ),
        )
        self._line(f, "manager_name", self.tr("Your &name:"), self.tr("As it appears on signed case notes."))
        self._line(f, "team", self.tr("&Team:"), placeholder=self.tr("e.g. Assessment Team 2"))
        self._line(f, "organisation", self.tr("&Organisation:"), self.tr("Printed at the top of every PDF."))
        self._setting(
            f,
            "nation",
            self.tr("&Bank holidays of:"),
            nation_combo(self.tr),
            self.tr("Working-day deadlines skip weekends and these bank holidays."),
        )
        self._line(
            f,
            "initial_meeting_days",
            self.tr("&Initial meeting within:"),
            self.tr("Working days after the co-allocation (1 to 30; the protocol's usual is 5)."),
        )
        self._line(
            f,
            "coming_up_days",
            self.tr("Coming up: the ne&xt days:"),
            self.tr("How far ahead the dashboard and case pages show what is coming (1 to 90 days)."),
        )

    def _records(self) -> None:
        f = self._tab(
            "recordsTab",
            self.tr("&Records && PDFs"),
            self.tr("What is printed on the case notes, which forms the meetings use, and your certificate."),
        )
        self._setting(
            f,
            "protective_marking",
            self.tr("Protective &marking:"),
            marking_combo(),
            self.tr("OFFICIAL, OFFICIAL-SENSITIVE, or your organisation's own (up to 40 characters)."),
        )
        self._path(
            f,
            "logo_path",
            self.tr("&Logo:"),
            self.tr("A PNG or JPEG under 1 MB, for the PDFs. Leave empty for none."),
            self._browse_logo,
        )
        self._path(
            f,
            "forms_dir",
            self.tr("&Forms folder:"),
            self.tr("Your team's own forms. Leave empty for the protocol's forms shipped with the app."),
            lambda: self._browse_folder("forms_dir", self.tr("Choose the forms folder")),
            placeholder=self.tr("The forms shipped with the app"),
        )
        self.certificate_status = text_label("certificateStatus")
        self.certificate_button = button(
            self.tr("&Set up…"),
            "setUpCertificate",
            self.tr("Set up your signing certificate"),
            clicked=self.set_up_certificate,
        )
        cert = with_button(self.certificate_status, self.certificate_button)
        f.add("certificate", self.tr("Signing &certificate:"), cert, focus=self.certificate_button)
        self._show_certificate()

    def _data(self) -> None:
        f = self._tab(
            "dataTab",
            self.tr("&Data && backups"),
            self.tr("Where your records are, and how many backups are kept."),
        )
        where = wrapped_label("databasePath", str(self.ws.store.path))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        f.add("database", self.tr("Database:"), where)
        self._path(
            f,
            "backup_folder",
            self.tr("&Backup folder:"),
            self.tr("A folder of your own, ideally on another disk. Leave empty for the default."),
            lambda: self._browse_folder("backup_folder", self.tr("Choose the backup folder")),
            placeholder=str(backups.default_folder(self.ws.store.path)),
        )
        self._line(f, "backup_keep_daily", self.tr("Keep &daily backups for:"), self.tr("Days (0 to 365)."))
        self._line(
            f, "backup_keep_weekly", self.tr("Keep &weekly backups for:"), self.tr("Weeks (0 to 520).")
        )
        self._line(
            f,
            "retention_months",
            self.tr("&Retention:"),
            self.tr("Months after the last export before ended co-allocations may be purged; empty: off."),
            placeholder=self.tr("Off"),
        )

    def _appearance(self) -> None:
        f = self._tab(
            "appearanceTab",
            self.tr("&Appearance"),
            self.tr("How the app looks on this computer. Changes show at once when you save."),
        )
        mode = combo(
            "theme_mode",
            (
                (self.tr("Follow the system (light or dark)"), "system"),
                (self.tr("Light"), "light"),
                (self.tr("Dark"), "dark"),
            ),
        )
        f.add("theme_mode", self.tr("&Theme:"), mode)
        self.fields["theme_mode"] = mode
        high = QCheckBox(self.tr("&High contrast (black, white and yellow)"))
        high.setObjectName("high_contrast")
        f.add("high_contrast", self.tr("Contrast:"), high)
        self.fields["high_contrast"] = high
        scale = combo(
            "text_scale",
            zip(
                (self.tr("Normal (100%)"), self.tr("Larger (125%)"), self.tr("Largest (150%)")),
                model.TEXT_SCALES,
                strict=True,
            ),
        )
        f.add("text_scale", self.tr("Te&xt size:"), scale)
        self.fields["text_scale"] = scale

    def _security(self) -> None:
        f = self._tab("securityTab", self.tr("S&ecurity"), self.tr("Encryption and the idle lock."))
        encrypted = bool(getattr(self.ws.store, "encrypted", False))
        state = QLabel(
            self.tr("Encrypted with your passphrase. File ▸ Change passphrase… changes it.")
            if encrypted
            else self.tr(
                "Not encrypted. An encrypted database is offered when the app first creates one; keep the "
                "computer's disk encryption on."
            )
        )
        state.setObjectName("encryptionState")
        state.setWordWrap(True)
        f.add("encryption", self.tr("Encryption:"), state)
        self._line(
            f,
            "idle_lock_minutes",
            self.tr("&Lock after:"),
            self.tr("Minutes without use before the app hides everything (1 to 240; encrypted databases)."),
        )

    def _service(self) -> None:
        f = self._tab(
            "serviceTab",
            self.tr("Ser&vice"),
            self.tr(
                "Your council's service keeps a copy of every signed record on its own server, for handover and "
                "oversight. Drafts, settings, backups and your signing key stay on this computer."
            ),
        )
        self._line(
            f,
            "service_url",
            self.tr("Service &address:"),
            self.tr(
                "The PostgreSQL address your IT team gave you, without a password, e.g. "
                "postgresql://you@db.council.example/cowork?sslmode=verify-full. The password is read from "
                "~/.pgpass, PGPASSWORD or a service file. Leave empty for none."
            ),
            placeholder=self.tr("None: the records stay on this computer"),
        )
        publish = QCheckBox(self.tr("&Publish signed records whenever the service can be reached"))
        publish.setObjectName("publish_when_reachable")
        f.add(
            "publish_when_reachable",
            self.tr("Publishing:"),
            publish,
            hint=self.tr(
                "In the background, never in your way; the status bar says how it went. Off: File ▸ Publish "
                "to the service now."
            ),
        )
        self.fields["publish_when_reachable"] = publish

    def _signing(self) -> None:
        page = QWidget()
        page.setObjectName("signingTab")
        outer = QVBoxLayout(page)
        outer.addWidget(
            hint_label(
                self.tr(
                    "Your signing certificates, as this database knows them, and the certificates you trust when "
                    "checking signed case notes."
                )
            )
        )

        self.known_model = KnownCertificatesModel(self)
        self.known_title, self.known_table = _certificate_table(
            self.tr("Certificates &known to this database"),
            self.tr("Certificates known to this database"),
            "knownCertificates",
            self.known_model,
        )
        outer.addWidget(self.known_title)
        outer.addWidget(
            hint_label(
                self.tr(
                    "Recorded when a certificate is created or imported here, or first signs a case note. They "
                    "stay on record, so case notes signed in the past can still be checked."
                )
            )
        )
        outer.addWidget(self.known_table)
        self.known_empty = QLabel(
            self.tr("None yet: your certificate is recorded when you set it up or first sign with it.")
        )
        self.known_empty.setObjectName("knownEmpty")
        self.known_empty.setWordWrap(True)
        outer.addWidget(self.known_empty)
        outer.addSpacing(self.fontMetrics().height())

        self.trust_model = TrustedCertificatesModel(self)
        self.trust_title, self.trust_table = _certificate_table(
            self.tr("&Trusted certificates (on this computer)"),
            self.tr("Trusted certificates"),
            "trustedCertificates",
            self.trust_model,
        )
        outer.addWidget(self.trust_title)
        trust_hint = hint_label(
            self.tr(
                "Case notes signed with a certificate in this list verify as valid without the signer's database. "
                "Add a colleague's .crt, or your organisation's CA certificate. Changes to this list take effect "
                "at once, whatever you do with Save or Cancel."
            )
        )
        trust_hint.setObjectName("trustHint")
        outer.addWidget(trust_hint)
        outer.addWidget(self.trust_table)
        self.trust_empty = wrapped_label("trustEmpty", self.tr("Your trust list is empty."))
        outer.addWidget(self.trust_empty)
        buttons = QHBoxLayout()
        self.add_trusted_button = QPushButton(self.tr("Add &certificate…"))
        self.add_trusted_button.setObjectName("addTrusted")
        self.add_trusted_button.setAccessibleName(self.tr("Add a certificate to the trust list"))
        self.add_trusted_button.clicked.connect(self.add_trusted)
        self.remove_trusted_button = QPushButton(self.tr("Re&move"))
        self.remove_trusted_button.setObjectName("removeTrusted")
        self.remove_trusted_button.setAccessibleName(
            self.tr("Remove the selected certificate from the trust list")
        )
        self.remove_trusted_button.clicked.connect(self.remove_trusted)
        buttons.addWidget(self.add_trusted_button)
        buttons.addWidget(self.remove_trusted_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.trust_error = FieldError(self.tr("Trusted certificates"))
        self.trust_error.setObjectName("fieldError")
        outer.addWidget(self.trust_error)
        self.trust_note = hint_label("")
        self.trust_note.setObjectName("trustNote")
        self.trust_note.hide()
        outer.addWidget(self.trust_note)
        outer.addStretch(1)

        scroll = scroll_area(across=True)
        scroll.setWidget(page)
        self.signing_tab = scroll
        self.tabs.addTab(scroll, self.tr("Signing and tr&ust"))
        selection = self.trust_table.selectionModel()
        selection.selectionChanged.connect(self._trust_selection_changed)
        self.refresh_signing()

    # -- values -----------------------------------------------------------------------------------
    def load(self, settings: model.Settings) -> None:
        texts = model.as_texts(settings)
        for key, widget in self.fields.items():
            text = texts.get(key, "")
            if isinstance(widget, QLineEdit):
                widget.setText(text)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(text == "true")
            elif isinstance(widget, QComboBox):
                index = widget.findData(getattr(settings, key))
                if index >= 0:
                    widget.setCurrentIndex(index)
                elif widget.isEditable():
                    widget.setEditText(text)

    def values(self) -> dict[str, str]:
        """The text of each field, as typed."""
        found: dict[str, str] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                found[key] = widget.text()
            elif isinstance(widget, QCheckBox):
                found[key] = "true" if widget.isChecked() else "false"
            elif isinstance(widget, QComboBox):
                found[key] = widget.currentText() if widget.isEditable() else str(widget.currentData())
        return found

    def messages(self) -> dict[str, str]:
        """The messages shown now, by field."""
        found: dict[str, str] = {}
        for fields in self.forms:
            for key, error in fields.errors.items():
                if error.message():
                    found[key] = error.message()
        return found

    def _show_errors(self, errors: dict[str, str]) -> None:
        first_tab = -1
        for index, fields in enumerate(self.forms):
            mine = {k: v for k, v in errors.items() if k in fields.errors}
            fields.show(mine)
            if mine and first_tab < 0:
                first_tab = index
        if first_tab >= 0:
            self.tabs.setCurrentIndex(first_tab)
            first = next(k for k in self.forms[first_tab].fields if k in errors)
            self.forms[first_tab].fields[first].setFocus()
        count = len(errors)
        self.error.set_error(
            self.tr("Nothing was saved: %n setting(s) need attention (shown in red).", "", count)
            if count
            else ""
        )

    def submit(self) -> bool:
        """Check everything; save and close only when all is well. True when saved."""
        checked, errors = model.validate(self.values())
        if checked is None:
            self._show_errors(errors)
            return False
        self._show_errors({})
        try:
            saved = model.save(self.ws.store, checked)
            self.changed, self.changes = saved.value, saved.changes
            if {"forms_dir", "nation"} & set(self.changed):
                model.apply_to_workspace(self.ws, checked, self.forms_override)
        except CoworkError as exc:
            self.error.set_error(self.tr("Not saved: %1").replace("%1", str(exc)))
            return False
        apply_look(checked)
        self.saved = checked
        self.accept()
        return True

    # -- browsing ---------------------------------------------------------------------------------
    def _line_edit(self, key: str) -> QLineEdit:
        edit = self.fields[key]
        assert isinstance(edit, QLineEdit)
        return edit

    def _browse_logo(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), str(Path.home()), self.tr("Pictures (*.png *.jpg *.jpeg)")
        )
        if name:
            self._line_edit("logo_path").setText(name)

    def _browse_folder(self, key: str, title: str) -> None:
        current = self._line_edit(key).text().strip()
        name = QFileDialog.getExistingDirectory(self, title, current or str(Path.home()))
        if name:
            self._line_edit(key).setText(name)

    def _show_certificate(self) -> None:
        from cowork_desktop.services import export  # pyHanko and reportlab: not at start-up

        path = export.default_certificate_path()
        if path.exists():
            self.certificate_status.setText(self.tr("Set up: %1").replace("%1", str(path)))
            self.certificate_button.setEnabled(False)
        else:
            self.certificate_status.setText(self.tr("Not set up yet. You need one to sign case notes."))
            self.certificate_button.setEnabled(True)

    def set_up_certificate(self) -> bool:
        from cowork_desktop.ui.certificate_dialog import CertificateDialog

        dialog = CertificateDialog(self.ws, parent=self)
        dialog.name_edit.setText(self._line_edit("manager_name").text().strip())
        dialog.org_edit.setText(self._line_edit("organisation").text().strip())
        done = dialog.exec() == QDialog.DialogCode.Accepted
        self._show_certificate()
        self.refresh_signing()  # a certificate made or imported is now known to the database
        return done

    # -- signing and trust ------------------------------------------------------------------------
    def refresh_signing(self, select: str = "") -> None:
        """Read the known certificates and the trust list again; ``select`` a trusted one by fingerprint."""
        from cowork_desktop.services import export  # pyHanko and reportlab: not at start-up

        self.known_model.set_rows(export.known_certificates(self.ws))
        self.known_empty.setVisible(self.known_model.rowCount() == 0)
        self.trust_model.set_rows(trust.trusted())
        self.trust_empty.setVisible(self.trust_model.rowCount() == 0)
        for table in (self.known_table, self.trust_table):
            if isinstance(table, CompactTableView):
                table.refit()
        row = self.trust_model.row_of(select) if select else -1
        if row >= 0:
            self.trust_table.selectRow(row)
        self._trust_selection_changed()

    def selected_trusted(self) -> trust.Trusted | None:
        rows = self.trust_table.selectionModel().selectedRows()
        return self.trust_model.trusted(rows[0].row()) if rows else None

    def _trust_selection_changed(self, *_args: Any) -> None:
        self.remove_trusted_button.setEnabled(self.selected_trusted() is not None)

    def _trust_message(self, error: str = "", note: str = "") -> None:
        self.trust_error.set_error(error)
        self.trust_table.setAccessibleDescription(error)
        self.trust_note.setText(note)
        self.trust_note.setVisible(bool(note))

    def add_trusted(self) -> trust.Trusted | None:
        """Add a .crt/.pem/.cer file to the trust list (at once, not on Save)."""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Add a trusted certificate"),
            str(Path.home()),
            self.tr("Certificates (*.crt *.pem *.cer);;All files (*)"),
        )
        if not name:
            return None
        try:
            found, added = trust.add(name)
        except CoworkError as exc:
            self._trust_message(error=self.tr("Not added: %1").replace("%1", str(exc)))
            self.trust_table.setFocus()
            return None
        who = f"{found.facts.common_name or found.facts.subject} (SHA-256 {found.facts.short_fingerprint}…)"
        self._trust_message(
            note=(self.tr("Trusted: %1") if added else self.tr("Already trusted: %1")).replace("%1", who)
        )
        self.refresh_signing(select=found.facts.fingerprint)
        self.trust_table.setFocus()
        return found

    def confirm_remove(self, found: trust.Trusted) -> bool:
        facts = found.facts
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove a trusted certificate"))
        box.setText(
            self.tr("Stop trusting the certificate of %1?").replace("%1", facts.common_name or facts.subject)
        )
        box.setInformativeText(
            self.tr(
                "SHA-256 %1\n\nCase notes signed with it will no longer verify as valid without the signer's "
                "database. You can add it again later."
            ).replace("%1", format_fingerprint(facts.fingerprint))
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Remove"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return bool(box.exec() == QMessageBox.StandardButton.Yes)

    def remove_trusted(self) -> trust.Trusted | None:
        """Remove the selected certificate from the trust list, once confirmed (at once, not on Save)."""
        found = self.selected_trusted()
        if found is None or not self.confirm_remove(found):
            return None
        try:
            removed = trust.remove(found.facts.fingerprint)
        except CoworkError as exc:
            self._trust_message(error=self.tr("Not removed: %1").replace("%1", str(exc)))
            return None
        facts = removed.facts
        self._trust_message(
            note=self.tr("No longer trusted: %1").replace("%1", facts.common_name or facts.subject)
        )
        self.refresh_signing()
        self.trust_table.setFocus()
        return removed


def open_settings(window: Any) -> SettingsDialog:
    """File ▸ Settings…: modal; on save the pages that show a changed setting read again (the theme is applied
    by the dialog)."""
    dialog = SettingsDialog(window.ws, getattr(window, "forms_dir", None), window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        apply = getattr(window, "apply_changes", None)
        if callable(apply):
            apply(dialog.changes)
        sync = getattr(window, "sync_theme_actions", None)
        if callable(sync):
            sync()
    return dialog
