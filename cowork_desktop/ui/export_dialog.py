"""Export a record as a case-note PDF, with a preview: signed for a signed record, marked DRAFT otherwise.

* A signed record: the note is shown as it will be printed; "Save signed PDF…" unlocks the manager's
  certificate (created or imported on first use, see :mod:`cowork_desktop.ui.certificate_dialog`) with its
  passphrase, asked once per session: the loaded key is kept in ``services.signing_keys.SIGNERS`` until the app closes or locks. The file
  is written by :func:`cowork_desktop.services.export.export_record` (atomic, audited) and checked at once with
  ``verify_file``; the line under the buttons says who signed it, when, and that it is intact.
* "Export the whole case…" (a signed record) saves every signed record of its case, each a signed PDF, into a
  folder named after the case: on a thread (worker processes when there are many), with a progress dialog that
  can cancel it; all or nothing (:func:`cowork_desktop.services.export.export_cases`).
* A draft or a record awaiting signatures cannot be exported as signed: "Print draft PDF…" saves it unsigned,
  marked DRAFT on every page.

Wrong passphrase, no certificate, unwritable folder: one clear message each, and nothing is written. A file that
exists already is replaced only when the manager says so (asked by name); the database, a backup or a certificate
never (:func:`cowork_desktop.services.files.protected_file`).
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.models import Record, RecordStatus
from cowork_desktop.services import cases, documents, export, files, sessions
from cowork_desktop.services.export import VerifyReport
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.services.signing_keys import SIGNERS, SignerCache, warm_stamp_font
from cowork_desktop.ui import recent
from cowork_desktop.ui.certificate_dialog import CertificateDialog, is_wrong_passphrase, passphrase_field
from cowork_desktop.ui.pdf_preview import PdfPreview
from cowork_desktop.ui.widgets import (
    FieldError,
    confirm_replace,
    hint_label,
    text_label,
    title_label,
    wrapped_label,
)

if TYPE_CHECKING:
    from cowork_desktop.services.signing_keys import Signer

TICK, CROSS = "✓", "✗"


def format_moment(report: VerifyReport) -> str:
    moment = report.result.signing_time
    if moment is None:
        return "an unknown time"
    return moment.astimezone().strftime("%d %b %Y, %H:%M")


def confirmation(report: VerifyReport) -> str:
    """One line: who signed, when, and the verdict against the open database: valid, or (✗) why not in a few
    words (Tools ▸ Verify a signed PDF… lists every finding)."""
    translate = QCoreApplication.translate
    result = report.result
    signed = translate("ExportDialog", "Signed by {signer} at {when}").format(
        signer=result.signer_name or translate("ExportDialog", "an unnamed certificate"),
        when=format_moment(report),
    )
    if report.verdict == export.Verdict.VALID:
        return f"{TICK} " + translate(
            "ExportDialog",
            "{signed}; valid: intact, covers the whole file and matches the record in this database.",
        ).format(signed=signed)
    if report.verdict == export.Verdict.SUPERSEDED and report.superseded_by is not None:
        return f"{TICK} " + translate(
            "ExportDialog",
            "{signed}; valid: intact, covers the whole file and matches the record in this database. "
            "Superseded by version {version}: every page says it is not the current record.",
        ).format(signed=signed, version=report.superseded_by[1])
    reasons = []
    if not (result.intact and result.valid):
        reasons.append(translate("ExportDialog", "changed after signing"))
    if not result.covers_whole_file:
        reasons.append(translate("ExportDialog", "something was added after signing"))
    if report.matches_database is False:
        reasons.append(translate("ExportDialog", "does not match the record in this database"))
    if report.trust_basis is None:
        reasons.append(translate("ExportDialog", "the signer's certificate is not known to this database"))
    if not reasons and report.findings:
        reasons.append(report.findings[0].rstrip("."))
    why = "; ".join(reasons) or translate("ExportDialog", "see Tools ▸ Verify a signed PDF…")
    return f"{CROSS} " + translate("ExportDialog", "{signed}, but NOT valid: {why}.").format(
        signed=signed, why=why
    )


class CaseExport(QObject):
    """One case's signed records exported on a thread, with a progress dialog whose Cancel stops it (nothing is
    left then). ``finished`` carries the files written, or the error (an exception)."""

    progressed = Signal(int, int)
    finished = Signal(object)

    def __init__(self, ws: Workspace, reference: str, folder: Path, signer: Signer, parent: QWidget) -> None:
        super().__init__(parent)
        self.ws = ws
        self.reference = reference
        self.folder = folder
        self.signer = signer
        self.cancel = threading.Event()
        self.result: object = None
        self.dialog = QProgressDialog(
            self.tr("Signing the records of case %1…").replace("%1", reference),
            self.tr("Cancel"),
            0,
            0,
            parent,
        )
        self.dialog.setObjectName("caseExportProgress")
        self.dialog.setWindowTitle(self.tr("Export the whole case"))
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)  # nothing else uses the database
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel.set)
        self.progressed.connect(self._progressed)
        self.worker = threading.Thread(target=self._run, name="case-export", daemon=False)

    def start(self) -> None:
        self.dialog.show()
        self.worker.start()

    @property
    def running(self) -> bool:
        return self.worker.is_alive()

    def _run(self) -> None:
        try:
            result: object = export.export_cases(
                self.ws,
                [self.reference],
                self.folder,
                self.signer,
                progress=self.progressed.emit,
                cancelled=self.cancel.is_set,
            )
        except Exception as exc:  # shown in the dialog: an export must never take the app down
            result = exc
        with contextlib.suppress(RuntimeError):  # the dialog closed meanwhile
            self.finished.emit(result)

    def _progressed(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(
            self.tr("Signed %1 of %2 records of case %3…")
            .replace("%1", str(done))
            .replace("%2", str(total))
            .replace("%3", self.reference)
        )


class ExportDialog(QDialog):
    """Preview a record's case note and save it: signed (a signed record) or marked DRAFT (any other)."""

    def __init__(
        self,
        ws: Workspace,
        record_id: int,
        parent: QWidget | None = None,
        *,
        certificate_path: Path | None = None,
        signers: SignerCache | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.record_id = record_id
        self.certificate_path = (
            Path(certificate_path) if certificate_path is not None else export.default_certificate_path()
        )
        self.signers = signers if signers is not None else SIGNERS
        self.record: Record = sessions.record(ws, record_id)
        self.signed = self.record.status == RecordStatus.SIGNED
        self.saved_path: Path | None = None
        self.report: VerifyReport | None = None
        #: the manager agreed to replace the file chosen last (see :meth:`ask_path`)
        self.replace = False
        case = cases.case(ws.store, self.record.case_id)
        self.case_reference = case.reference

        self.setObjectName("exportDialog")
        title = "Export signed PDF" if self.signed else "Print draft PDF"
        self.setWindowTitle(f"{title} - case {case.reference}")
        self.resize(1080, 800)
        outer = QHBoxLayout(self)
        outer.setSpacing(16)
        side = QVBoxLayout()
        side.setSpacing(10)
        side_box = QWidget()
        side_box.setObjectName("exportSide")
        side_box.setLayout(side)
        side_box.setFixedWidth(360)
        outer.addWidget(side_box)
        self.preview = PdfPreview()
        outer.addWidget(self.preview, 1)

        side.addWidget(title_label(title))
        self.summary = wrapped_label("exportSummary", self._summary_text())
        side.addWidget(self.summary)

        self.certificate_box = QFrame()
        self.certificate_box.setObjectName("certificateBox")
        self.certificate_box.setProperty("role", "panel")
        cert = QVBoxLayout(self.certificate_box)
        cert.setContentsMargins(12, 10, 12, 10)
        cert.setSpacing(6)
        self.certificate_label = wrapped_label("certificateStatus")
        cert.addWidget(self.certificate_label)
        self.setup_button = QPushButton(self.tr("Set &up my certificate…"))
        self.setup_button.setObjectName("setUpCertificate")
        self.setup_button.setAutoDefault(False)
        self.setup_button.clicked.connect(self.set_up_certificate)
        cert.addWidget(self.setup_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.passphrase_row = QWidget()
        self.passphrase_row.setObjectName("passphraseRow")
        row = QVBoxLayout(self.passphrase_row)
        row.setContentsMargins(0, 4, 0, 0)
        row.setSpacing(3)
        prompt = QLabel(self.tr("Certificate &passphrase:"))
        self.passphrase = passphrase_field("exportPassphrase")
        self.passphrase.setAccessibleName(self.tr("Certificate passphrase"))
        prompt.setBuddy(self.passphrase)
        row.addWidget(prompt)
        row.addWidget(self.passphrase)
        row.addWidget(hint_label(self.tr("Asked once while the app is open. It is never stored.")))
        self.passphrase_error = FieldError(self.tr("Certificate passphrase"))
        row.addWidget(self.passphrase_error)
        cert.addWidget(self.passphrase_row)
        side.addWidget(self.certificate_box)

        self.draft_note = hint_label(
            self.tr(
                "Only a signed record can be exported as signed. This one can be printed as a PDF marked DRAFT on "
                "every page, unsigned: it is not a record for the child's file."
            )
        )
        self.draft_note.setObjectName("draftNote")
        side.addWidget(self.draft_note)

        self.error = FieldError(self.tr("Export"))
        side.addWidget(self.error)
        self.result_label = text_label("exportResult")
        self.result_label.hide()
        side.addWidget(self.result_label)
        side.addStretch(1)

        self.save_button = QPushButton(self.tr("&Save signed PDF…"))
        self.save_button.setObjectName("saveSigned")
        self.draft_button = QPushButton(self.tr("&Print draft PDF…"))
        self.draft_button.setObjectName("printDraft")
        self.case_button = QPushButton(self.tr("Export the &whole case…"))
        self.case_button.setObjectName("exportCase")
        self.case_button.setAutoDefault(False)
        self.case_button.setToolTip(
            self.tr("Every signed record of this case, each a signed PDF, in a folder named after the case")
        )
        #: the export of the whole case running (or last run), if any
        self.case_export: CaseExport | None = None
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setAutoDefault(False)
        for b in (self.save_button, self.draft_button):
            b.setAutoDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button if self.signed else self.draft_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        side.addWidget(self.case_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addLayout(buttons)
        self.case_button.setVisible(self.signed)
        self.save_button.setVisible(self.signed)
        self.draft_button.setVisible(not self.signed)
        self.certificate_box.setVisible(self.signed)
        self.draft_note.setVisible(not self.signed)
        (self.save_button if self.signed else self.draft_button).setDefault(True)

        self.save_button.clicked.connect(self.save_signed)
        self.draft_button.clicked.connect(self.save_draft)
        self.case_button.clicked.connect(self.save_case)
        self.close_button.clicked.connect(self.reject)
        self.passphrase.textEdited.connect(lambda _t: self.passphrase_error.set_error(""))

        self._update_certificate()
        self.load_preview()
        if self.signed and not self.passphrase_row.isHidden():
            self.passphrase.setFocus()  # type it, press Enter: "Save signed PDF…" is the default button
        if self.signed:
            warm_stamp_font()

    # -- what is shown ------------------------------------------------------------------------------
    def _summary_text(self) -> str:
        record = self.record
        state = {
            RecordStatus.SIGNED: "Signed and locked",
            RecordStatus.AWAITING_SIGNATURES: "Awaiting signatures",
            RecordStatus.DRAFT: "Draft",
        }[record.status]
        kind = record.kind.label
        name = kind if record.title in ("", kind) else f"{record.title}: {kind[:1].lower()}{kind[1:]}"
        version = f", version {record.version}" if record.version > 1 else ""
        return (
            f"{name}{version}, meeting of {record.meeting_date:%d %b %Y}, case {self.case_reference}. "
            f"{state}."
        )

    def load_preview(self) -> None:
        """The note as it will be printed (before the signature stamp is added), or the DRAFT print."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.signed:
                data = documents.render_case_note(export.build_case_note(self.ws, self.record_id))
            else:
                data = export.render_record(self.ws, self.record_id, draft=True)[1]
        except CoworkError as exc:
            self.preview.clear_pdf(f"The preview cannot be made: {exc}")
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.preview.set_pdf(data)

    def cached_signer(self) -> Signer | None:
        """The key unlocked earlier in this session, if its certificate file is still there."""
        signer = self.signers.get(self.certificate_path)
        if signer is not None and not self.certificate_path.is_file():
            self.signers.forget(self.certificate_path)
            return None
        return signer

    def _update_certificate(self) -> None:
        if not self.signed:
            return
        signer = self.cached_signer()
        exists = self.certificate_path.is_file()
        if signer is not None:
            self.certificate_label.setText(
                f"{TICK} Certificate unlocked for this session: signs as {signer.common_name or 'you'}."
            )
        elif exists:
            where = (
                "in your data folder"
                if self.certificate_path.parent == export.default_certificate_path().parent
                else f"in {self.certificate_path.parent}"
            )
            self.certificate_label.setText(f"Signing certificate: {self.certificate_path.name}, {where}.")
        else:
            self.certificate_label.setText(
                self.tr(
                    "No signing certificate yet. Create your own, or import the one your organisation gave you: "
                    "you will be asked when you save."
                )
            )
        self.setup_button.setVisible(signer is None and not exists)
        self.passphrase_row.setVisible(signer is None and exists)

    # -- certificate --------------------------------------------------------------------------------
    def set_up_certificate(self) -> Signer | None:
        """First use: create or import the certificate (its key is then unlocked for the session)."""
        dialog = CertificateDialog(self.ws, self.certificate_path, self)
        signer = None
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.signer is not None:
            signer = self.signers.put(self.certificate_path, dialog.signer)
        self._update_certificate()
        return signer

    def unlock(self) -> Signer | None:
        """The signing key: from this session, or unlocked now with the passphrase typed. None (with the
        message shown) when there is no certificate or the passphrase does not open it."""
        signer = self.cached_signer()
        if signer is not None:
            return signer
        if not self.certificate_path.is_file():
            signer = self.set_up_certificate()
            if signer is None:
                self.show_error(
                    "No signing certificate: a signed PDF needs your certificate. Nothing was saved."
                )
            return signer
        text = self.passphrase.text()
        if not text:
            self.passphrase_error.set_error(self.tr("Enter the passphrase of your signing certificate."))
            self.passphrase.setFocus()
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            signer = self.signers.unlock(self.certificate_path, text)
        except CoworkError as exc:
            if is_wrong_passphrase(exc):
                self.passphrase_error.set_error(
                    self.tr("Wrong passphrase: it does not open your certificate. Try again.")
                )
            else:
                self.show_error(str(exc))
            self.passphrase.setFocus()
            return None
        finally:
            QApplication.restoreOverrideCursor()
            self.passphrase.clear()
        self.passphrase_error.set_error("")
        self._update_certificate()
        return signer

    # -- saving -------------------------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        self.result_label.hide()
        self.error.set_error(message)

    def ask_path(self, caption: str, filename: str) -> Path | None:
        """Where to save; None when cancelled or refused. Sets :attr:`replace` when the manager agreed to
        replace an existing file (asked here, naming the file, after ``.pdf`` is added: the save dialog's own
        question is turned off, as it would not see the name actually written)."""
        self.replace = False
        folder = recent.last_folder()
        name, _filter = QFileDialog.getSaveFileName(
            self,
            caption,
            str(folder / filename),
            self.tr("PDF files (*.pdf)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return None
        chosen = path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        # the file picked (the database, say) is refused by name, not quietly saved beside it with .pdf added
        problem = files.protected_file(chosen, self.ws.store) or files.protected_file(path, self.ws.store)
        if problem is not None:
            self.show_error(f"Not saved: {problem}. The app never writes over it; choose another file.")
            return None
        if path.is_dir():
            self.show_error(f"Not saved: {path} is a folder. Choose a file name.")
            return None
        if os.path.lexists(path):
            if not confirm_replace(self, path):
                return None
            self.replace = True
        return path

    def save_signed(self) -> Path | None:
        """Unlock the key (once per session), ask where, write the signed PDF and check it."""
        self.error.set_error("")
        if not self.signed:
            self.show_error(
                "This record is not signed: it cannot be exported as signed. Print it as a draft."
            )
            return None
        signer = self.unlock()
        if signer is None:
            return None
        path = self.ask_path("Save signed PDF", export.record_filename(self.ws, self.record))
        if path is None:
            return None
        return self._write(path, signer=signer)

    def save_draft(self) -> Path | None:
        """Save the record unsigned, marked DRAFT."""
        self.error.set_error("")
        name = export.record_filename(self.ws, self.record).removesuffix(".pdf") + "_DRAFT.pdf"
        path = self.ask_path("Save draft PDF (unsigned, marked DRAFT)", name)
        if path is None:
            return None
        return self._write(path, draft=True)

    def save_case(self) -> CaseExport | None:
        """Unlock the key, ask for a folder, and export every signed record of the case into a folder named
        after it there, on a thread with a progress dialog (Cancel leaves nothing). Returns the export started."""
        self.error.set_error("")
        if self.case_export is not None and self.case_export.running:
            return None
        signer = self.unlock()
        if signer is None:
            return None
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Export the whole case into a folder"), str(recent.last_folder())
        )
        if not chosen:
            return None
        folder = Path(chosen) / export.case_folder_name(self.case_reference)
        try:
            planned = export.planned_files(self.ws, [self.case_reference], folder)
        except CoworkError as exc:
            self.show_error(f"Not saved: {str(exc).rstrip('.')}. Nothing was written.")
            return None
        signer.warm_up()
        runner = CaseExport(self.ws, self.case_reference, folder, signer, self)
        runner.dialog.setMaximum(len(planned))
        runner.finished.connect(self._case_done)
        self.case_export = runner
        self.case_button.setEnabled(False)
        runner.start()
        return runner

    def _case_done(self, result: object) -> None:
        runner = self.case_export
        if runner is not None:
            runner.worker.join()
            runner.result = result
            runner.dialog.close()
        self.case_button.setEnabled(True)
        if isinstance(result, export.ExportCancelled):
            self.show_error("Cancelled: no file was kept.")
        elif isinstance(result, Exception):
            self.show_error(f"Not saved: {str(result).rstrip('.')}. Nothing was kept.")
        elif isinstance(result, list) and result:
            folder = Path(result[0]).parent
            recent.remember_folder(folder.parent)
            self.result_label.setText(
                f"Saved {len(result)} signed PDF(s) of case {self.case_reference} in {folder}"
            )
            self.result_label.show()

    def done(self, result: int) -> None:
        """Closing waits for an export of the whole case, cancelled first."""
        if self.case_export is not None and self.case_export.running:
            self.case_export.cancel.set()
            self.case_export.worker.join()
        super().done(result)

    def _write(self, path: Path, *, signer: Signer | None = None, draft: bool = False) -> Path | None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if signer is not None:
                signer.warm_up()  # at once if the stamp font was built in the background
            try:
                out = export.export_record(
                    self.ws, self.record_id, path, signer=signer, draft=draft, replace=self.replace
                )
            except CoworkError as exc:
                self.show_error(f"Not saved: {str(exc).rstrip('.')}. Nothing was written.")
                return None
            self.saved_path = out
            recent.remember_folder(out.parent)
            report: VerifyReport | None = None
            problem = ""
            try:
                data = out.read_bytes()
                if signer is not None:
                    report = export.verify_file(self.ws, out)
            except (CoworkError, OSError) as exc:
                data = b""
                problem = f"Saved {out}, but it cannot be checked: {exc}"
        finally:
            QApplication.restoreOverrideCursor()
        self.report = report
        if problem:
            self.show_error(problem)
            return out
        self.preview.set_pdf(data)
        if report is not None:
            self.preview.show_page(-1)  # the signature stamp, on the last page
            self.result_label.setText(f"Saved {out}\n{confirmation(report)}")
        else:
            self.result_label.setText(f"Saved {out}\nUnsigned, marked DRAFT on every page.")
        self.result_label.show()
        return out


def open_export_dialog(ws: Workspace, record_id: int, parent: QWidget | None = None) -> ExportDialog | None:
    """Show the export dialog non-modally (None, with a message, if the record cannot be read)."""
    try:
        dialog = ExportDialog(ws, record_id, parent)
    except CoworkError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("ExportDialog", "Cannot export the record"), str(exc)
        )
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog
