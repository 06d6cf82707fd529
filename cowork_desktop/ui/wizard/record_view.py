"""A signed record, read-only: its answers, signatures and versions, with "Amend...", "Print agreed plan" and
"Export signed PDF..." (a record not signed yet offers "Print draft PDF..." instead)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain.errors import CoworkError, ValidationError
from cowork_desktop.domain.forms import QuestionKind
from cowork_desktop.domain.models import Record, RecordStatus
from cowork_desktop.services import cases, sessions
from cowork_desktop.services.plan import PLAN_KINDS, answer_text, case_actions, fmt_day, worker_names
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.wizard import style
from cowork_desktop.ui.wizard.wizard import MeetingWizard, keep_open


class AmendReasonDialog(QDialog):
    """Why is the record being amended? (Kept with the new version.)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("amendReasonDialog")
        self.setWindowTitle(self.tr("Amend a signed record"))
        layout = QVBoxLayout(self)
        prompt = QLabel(self.tr("Why is this record being amended?"))
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        layout.addWidget(
            style.hint_label(
                self.tr(
                    "The signed version stays as it is and readable; the amendment is a new version that is "
                    "signed again. Say what is corrected and why."
                )
            )
        )
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("amendReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName(self.tr("Why is this record being amended?"))
        prompt.setBuddy(self.reason)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Amend"))
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda: ok.setEnabled(bool(self.reason.toPlainText().strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> str | None:
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.toPlainText().strip() or None


class RecordView(QWidget):
    """Read-only view of a signed record (any version)."""

    record_changed = Signal(int)
    #: what the amendment's wizard (or starting it) changed: a ``services.changes.Changes``
    changes_made = Signal(object)

    def __init__(self, ws: Workspace, record_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.ws = ws
        self.record_id = record_id
        self.amendment_wizard: MeetingWizard | None = None
        self.plan_dialog: QWidget | None = None
        self.export_dialog: QWidget | None = None
        self.setObjectName("recordView")
        self.resize(820, 760)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("recordTitle")
        self.title.setWordWrap(True)
        self.title.setProperty("role", "title")
        self.title.setFont(style.scaled_font(self.title, 1.4, bold=True))
        layout.addWidget(self.title)
        self.meta = QLabel()
        self.meta.setObjectName("recordMeta")
        self.meta.setWordWrap(True)
        layout.addWidget(self.meta)
        self.version_note = QLabel()
        self.version_note.setObjectName("versionNote")
        self.version_note.setWordWrap(True)
        layout.addWidget(self.version_note)
        self.superseded_note = QLabel()
        self.superseded_note.setObjectName("supersededNote")
        self.superseded_note.setWordWrap(True)
        self.superseded_note.setFont(style.scaled_font(self.superseded_note, 1.0, bold=True))
        layout.addWidget(self.superseded_note)
        self.text = QTextBrowser()
        self.text.setObjectName("recordText")
        self.text.setAccessibleName(self.tr("The record"))
        layout.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        self.amend_button = QPushButton(self.tr("Amend..."))
        self.amend_button.setObjectName("amendButton")
        self.amend_button.setAccessibleDescription(
            self.tr("Correct this signed record: a new version is made, and this one stays readable.")
        )
        self.print_button = QPushButton(self.tr("Print agreed plan..."))
        self.print_button.setObjectName("printPlan")
        self.export_button = QPushButton(self.tr("Export signed PDF..."))
        self.export_button.setObjectName("exportPdf")
        self.copy_button = QPushButton(self.tr("Copy as &text"))
        self.copy_button.setObjectName("copyAsText")
        self.copy_button.setAccessibleDescription(
            self.tr("Copy the record as plain text, to paste into the case management system.")
        )
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        buttons.addWidget(self.amend_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.amend_button.clicked.connect(self.start_amendment)
        self.print_button.clicked.connect(self.print_plan)
        self.export_button.clicked.connect(self.export_pdf)
        self.copy_button.clicked.connect(self.copy_as_text)
        self.close_button.clicked.connect(self.close)
        self.refresh()

    # -- content ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        store = self.ws.store
        record = sessions.record(self.ws, self.record_id)
        self.record = record
        case = cases.case(store, record.case_id)
        self.setWindowTitle(f"{record.title} - case {case.reference}")
        self.title.setText(f"{record.title}: case {case.reference}")
        status = {
            RecordStatus.SIGNED: "Signed and locked",
            RecordStatus.AWAITING_SIGNATURES: "Awaiting signatures",
            RecordStatus.DRAFT: "Draft",
        }[record.status]
        self.meta.setText(f"{record.kind.label}. Meeting of {fmt_day(record.meeting_date)}. {status}.")
        if record.supersedes_id is not None:
            older = sessions.record(self.ws, record.supersedes_id)
            self.version_note.setText(
                f"Version {record.version}, amends version {older.version}: {record.amendment_reason}"
            )
        else:
            self.version_note.setText(f"Version {record.version}")
        newer = self._newer(record)
        if newer is None:
            self.superseded_note.hide()
        else:
            text = (
                f"Superseded by version {newer.version}"
                if newer.status == RecordStatus.SIGNED
                else f"An amendment (version {newer.version}) is being prepared"
            )
            self.superseded_note.setText(text)
            self.superseded_note.show()
        self.amend_button.setEnabled(record.status == RecordStatus.SIGNED and newer is None)
        self.print_button.setVisible(record.kind in PLAN_KINDS and record.status == RecordStatus.SIGNED)
        signed = record.status == RecordStatus.SIGNED
        self.export_button.setText(
            self.tr("Export signed PDF...") if signed else self.tr("Print draft PDF...")
        )
        self.export_button.setAccessibleDescription(
            self.tr("Save this record as a case-note PDF signed with your certificate, for the child's file.")
            if signed
            else self.tr("Save this record as an unsigned PDF marked DRAFT.")
        )
        self.text.setHtml(self.record_html(record))

    def _newer(self, record: Record) -> Record | None:
        newer = [
            r for r in sessions.records_for_case(self.ws, record.case_id) if r.supersedes_id == record.id
        ]
        return newer[-1] if newer else None

    def record_html(self, record: Record) -> str:
        form = sessions.form_for(self.ws, record)
        ca = cases.coallocation(self.ws.store, record.coallocation_id)
        context = sessions.context_for(self.ws, ca)
        review_q = form.find_role("action_review")
        if review_q is not None and record.answers.get(review_q.id):
            context["has_previous_actions"] = True
        names = worker_names(self.ws)
        actions = case_actions(self.ws, record.case_id)
        parts: list[str] = []
        for section in form.sections:
            if not section.is_shown(record.answers, context):
                continue
            items = []
            for q in section.questions:
                if q.kind == QuestionKind.INFO or not q.is_shown(record.answers, context):
                    continue
                text = answer_text(q, record.answers.get(q.id), names, actions)
                body = "<br>".join(escape(line) for line in text.splitlines()) if text else "<i>No answer</i>"
                items.append(f"<p><b>{escape(q.prompt)}</b><br>{body}</p>")
            if items:
                parts.append(f"<h3>{escape(section.title)}</h3>{''.join(items)}")
        assert record.id is not None
        signatures = sessions.signatures(self.ws, record.id)
        if signatures:
            lines = "".join(
                f"<li>{escape(s.signer_name)} ({escape(s.signer_role)}), {escape(s.method)}, "
                f"{s.signed_at:%d %b %Y %H:%M} UTC: &ldquo;{escape(s.statement)}&rdquo;</li>"
                for s in signatures
            )
            parts.append(f"<h3>Signatures</h3><ul>{lines}</ul>")
        if record.content_hash:
            parts.append(f"<p>Content fingerprint (SHA-256): <tt>{record.content_hash}</tt></p>")
        return "".join(parts)

    # -- actions ----------------------------------------------------------------------------------
    def start_amendment(self) -> MeetingWizard | None:
        reason = AmendReasonDialog.ask(self)
        if not reason:
            return None
        return self.amend(reason)

    def amend(self, reason: str) -> MeetingWizard | None:
        """Make the amendment (a new draft version) and open its wizard."""
        try:
            amended = sessions.amend(self.ws, self.record_id, reason)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Cannot amend"), " ".join(exc.errors.values()))
            return None
        except CoworkError as exc:
            QMessageBox.warning(self, self.tr("Cannot amend"), str(exc))
            return None
        new = amended.value
        assert new.id is not None
        wizard = MeetingWizard(self.ws, new.id, self.parentWidget())
        wizard.record_changed.connect(lambda _id: self.refresh())
        wizard.record_changed.connect(self.record_changed)
        wizard.changes_made.connect(self.changes_made)
        keep_open(wizard)
        wizard.show()
        self.amendment_wizard = wizard
        self.refresh()
        self.record_changed.emit(new.id)
        self.changes_made.emit(amended.changes)
        return wizard

    def print_plan(self) -> QWidget:
        from cowork_desktop.ui.plan_print import show_plan

        self.plan_dialog = show_plan(self.ws, self.record_id, self)
        return self.plan_dialog

    def copy_as_text(self) -> str | None:
        """The record as plain text on the clipboard (the same content and headings as its PDF); a draft is
        marked DRAFT. The text copied, or None when the record cannot be copied (said in a message)."""
        from cowork_desktop.services import export

        try:
            text = export.record_text(self.ws, self.record_id, draft=True)
        except CoworkError as exc:
            QMessageBox.warning(self, self.tr("Cannot copy the record"), str(exc))
            return None
        QApplication.clipboard().setText(text)
        self.copy_button.setText(self.tr("Copied as text"))
        button = self.copy_button  # the timer goes with the button when the view is closed first
        QTimer.singleShot(3000, button, lambda: button.setText(self.tr("Copy as &text")))
        return text

    def export_pdf(self) -> QWidget | None:
        """The export dialog: a signed PDF for a signed record, a DRAFT print otherwise."""
        from cowork_desktop.ui.export_dialog import open_export_dialog

        self.export_dialog = open_export_dialog(self.ws, self.record_id, self)
        return self.export_dialog
