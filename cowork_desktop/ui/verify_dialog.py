"""Verify a signed case note: who signed it, when, whether it is intact and complete, whether its certificate
is trusted, and whether it is the record kept in the open database, with a preview of the file.

Each check is a line with a mark and words (✓ / ✗, never colour alone). A manager's own certificate, made by
this app, is self-signed and therefore "not trusted" by any outside authority: that is said calmly, as expected,
because what matters for a case note is that it is intact and matches the record.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.services import export
from cowork_desktop.services.export import VerifyReport
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.pdf_preview import PdfPreview
from cowork_desktop.ui.widgets import hint_label, set_role, title_label

TICK, CROSS, NOTE = "✓", "✗", "•"
CHECKS = ("signer", "time", "intact", "coverage", "trust", "database")
_SUPERSEDED = re.compile(r"superseded by version (\d+)")


def _local_pdf(event: QDragEnterEvent | QDropEvent) -> Path | None:
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".pdf"):
            return Path(url.toLocalFile())
    return None


class VerifyDialog(QDialog):
    """Choose (or drop) a PDF and see what its signature and the database say about it."""

    def __init__(self, ws: Workspace | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.path: Path | None = None
        self.report: VerifyReport | None = None
        self.setObjectName("verifyDialog")
        self.setWindowTitle(self.tr("Verify a signed PDF"))
        self.setAcceptDrops(True)
        self.resize(1080, 800)
        outer = QHBoxLayout(self)
        outer.setSpacing(16)
        side_box = QWidget()
        side_box.setObjectName("verifySide")
        side_box.setFixedWidth(400)
        side = QVBoxLayout(side_box)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(10)
        outer.addWidget(side_box)
        self.preview = PdfPreview()
        outer.addWidget(self.preview, 1)

        side.addWidget(title_label(self.tr("Verify a signed PDF")))
        side.addWidget(
            hint_label(
                self.tr(
                    "Choose a case note exported from cowork-desktop, or drop it on this window, to see who signed "
                    "it, when, and whether it is exactly the record kept in this database."
                )
            )
        )
        choose_row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("&Choose a PDF…"))
        self.choose_button.setObjectName("choosePdf")
        self.choose_button.setDefault(True)
        self.choose_button.clicked.connect(self.choose)
        choose_row.addWidget(self.choose_button)
        choose_row.addStretch(1)
        side.addLayout(choose_row)
        self.file_label = QLabel(self.tr("No file chosen yet."))
        self.file_label.setObjectName("verifyFile")
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side.addWidget(self.file_label)

        self.verdict = QLabel()
        self.verdict.setObjectName("verifyVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setProperty("role", "subtitle")
        self.verdict.hide()
        side.addWidget(self.verdict)

        self.checks_box = QFrame()
        self.checks_box.setObjectName("verifyChecks")
        self.checks_box.setProperty("role", "panel")
        checks = QVBoxLayout(self.checks_box)
        checks.setContentsMargins(12, 10, 12, 10)
        checks.setSpacing(8)
        self.rows: dict[str, QLabel] = {}
        for key in CHECKS:
            label = QLabel()
            label.setObjectName(f"check_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            checks.addWidget(label)
            self.rows[key] = label
        self.checks_box.hide()
        side.addWidget(self.checks_box)
        self.problems = QLabel()
        self.problems.setObjectName("verifyProblems")
        self.problems.setWordWrap(True)
        self.problems.hide()
        side.addWidget(self.problems)
        side.addStretch(1)
        close_row = QHBoxLayout()
        close_row.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        close_row.addWidget(self.close_button)
        side.addLayout(close_row)

    # -- choosing -----------------------------------------------------------------------------------
    def choose(self) -> VerifyReport | None:
        start = str(self.path.parent) if self.path is not None else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a signed PDF to verify"), start, self.tr("PDF files (*.pdf);;All files (*)")
        )
        if not name:
            return None
        return self.check_file(Path(name))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_pdf(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _local_pdf(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.check_file(path)

    # -- checking -----------------------------------------------------------------------------------
    def check_file(self, path: Path) -> VerifyReport | None:
        """Verify the file and show the outcome; None (with the reason) if it cannot be checked at all."""
        self.path = path
        self.report = None
        self.file_label.setText(f"File: {path}")
        failure = ""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            try:
                data = path.read_bytes()
            except OSError:
                data = b""
            try:
                report = export.verify_file(self.ws, path)
            except CoworkError as exc:
                report = None
                failure = str(exc)
        finally:
            QApplication.restoreOverrideCursor()
        if data:
            self.preview.set_pdf(data)
        else:
            self.preview.clear_pdf("The file cannot be read.")
        if report is None:
            self._show_failure(failure)
            return None
        self.report = report
        self._show_report(report)
        return report

    def _set_row(self, key: str, ok: bool | None, text: str) -> None:
        """A check's line: ✓ (ok), ✗ (a problem) or • (for information), always with words."""
        mark = TICK if ok is True else CROSS if ok is False else NOTE
        label = self.rows[key]
        label.setText(f"{mark} {text}")
        label.setAccessibleName(text)
        set_role(label, "error" if ok is False else "")

    def _show_failure(self, message: str) -> None:
        self.verdict.setText(f"{CROSS} This file cannot be verified. {message.rstrip('.')}.")
        set_role(self.verdict, "error")
        self.verdict.show()
        self.checks_box.hide()
        self.problems.hide()

    def _show_report(self, report: VerifyReport) -> None:
        result = report.result
        intact = result.intact and result.valid
        signer = result.signer_name or "an unnamed certificate"
        self._set_row("signer", None, f"Signed by {signer}")
        moment = result.signing_time
        when = moment.astimezone().strftime("%d %b %Y at %H:%M %Z").strip() if moment else "not stated"
        self._set_row("time", None, f"Signed on {when} (the time on the signing computer)")
        if intact:
            self._set_row("intact", True, "Intact: the content is exactly as it was signed.")
        else:
            self._set_row("intact", False, "Not intact: the file was changed after it was signed.")
        if result.covers_whole_file:
            self._set_row("coverage", True, "Covers the whole file: nothing was added after signing.")
        else:
            self._set_row(
                "coverage", False, "Does not cover the whole file: something was added after it was signed."
            )
        if result.trusted:
            self._set_row("trust", True, "Certificate trusted on this computer.")
        elif report.self_signed:
            text = (
                "Certificate not trusted (self-signed). This is expected for a manager's own certificate "
                "made by cowork-desktop: no outside authority vouches for the name"
            )
            text += (
                ", but the checks above show the file is unchanged since it was signed."
                if intact and result.covers_whole_file
                else "."
            )
            self._set_row("trust", None, text)
        else:
            self._set_row(
                "trust",
                None,
                "Certificate not trusted: it is not one this computer knows. Ask your organisation if you "
                "need to confirm who issued it.",
            )
        self._show_database(report, reliable=intact and result.covers_whole_file)
        problems = [p for p in report.problems if p]
        if problems:
            self.problems.setText("\n".join(f"{CROSS} {p}" for p in problems))
            set_role(self.problems, "error")
            self.problems.show()
        else:
            self.problems.hide()
        if not report.ok():
            reason = "it was changed after it was signed" if not intact else "see the checks below"
            if intact and not result.covers_whole_file:
                reason = "something was added after it was signed"
            elif intact and report.matches_database is False:
                reason = "it is not the record kept in this database"
            self.verdict.setText(f"{CROSS} Do not rely on this file: {reason}.")
            set_role(self.verdict, "error")
        elif report.matches_database is True:
            later = _SUPERSEDED.search(report.database_note)
            self.verdict.setText(
                f"{TICK} Genuine: intact, and the same as the record in this database"
                + (f" (an earlier version: version {later.group(1)} supersedes it)." if later else ".")
            )
            set_role(self.verdict, "subtitle")
        else:
            self.verdict.setText(f"{TICK} Intact, signed by {signer}; not compared with a database.")
            set_role(self.verdict, "subtitle")
        self.verdict.show()
        self.checks_box.show()

    def _show_database(self, report: VerifyReport, *, reliable: bool) -> None:
        note = report.database_note
        record = f"record {report.record_id}, version {report.record_version}"
        if report.matches_database is True and not reliable:
            self._set_row(
                "database",
                None,
                f"The file names {record} as kept in {self._db_name()}, but as it was changed after "
                "signing it cannot stand for that record.",
            )
        elif report.matches_database is True:
            text = f"Matches the database: the file is {record} as kept in {self._db_name()}."
            newer = _SUPERSEDED.search(note)
            if newer:
                text += (
                    f" Note: this version was later superseded by version {newer.group(1)}, which corrects "
                    "it; both stay on file."
                )
            self._set_row("database", True, text)
        elif report.matches_database is False:
            detail = " ".join(report.database_problems) or note
            self._set_row("database", False, f"Does not match the database. {detail}")
        else:
            reason = note.removeprefix("not checked").lstrip(": ").strip()
            self._set_row(
                "database", None, f"Not compared with the database: {reason or 'nothing to compare'}."
            )

    def _db_name(self) -> str:
        return self.ws.store.path.name if self.ws is not None else "the database"


def open_verify_dialog(ws: Workspace | None, parent: QWidget | None = None) -> VerifyDialog:
    """Show the verify dialog non-modally (deleted when closed)."""
    dialog = VerifyDialog(ws, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog
