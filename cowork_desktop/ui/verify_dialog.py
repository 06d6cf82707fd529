"""Verify a signed PDF (a case note or a development log): whether it is valid, and why, with a preview.

The headline gives one of the three verdicts of :func:`cowork_desktop.services.export.verify_file`:

* **valid**: intact, signed by a certificate known here (the open database, or the user's trust list), and,
  given a database, exactly the record kept in it and exported from it;
* **NOT valid**: with every finding that stops it listed, one line each;
* **intact, but the signer is not known here**: the signature is sound but nothing on this computer vouches
  for the certificate, with the next step (open the manager's database, or trust their certificate).

Then the findings (✗), one line per check with a mark and words (✓ passed / ✗ a problem / • for
information; never colour alone), and the notes (•). A manager's own certificate, made by this app, is
self-signed: when the database knows it that is said calmly, as expected.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain.certificates import format_fingerprint
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.services import export
from cowork_desktop.services.export import MAX_VERIFY_BYTES, Verdict, VerifyReport
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui import recent
from cowork_desktop.ui.pdf_preview import PdfPreview
from cowork_desktop.ui.widgets import hint_label, scroll_area, set_role, text_label, title_label

TICK, CROSS, NOTE = "✓", "✗", "•"
#: the checks, in the order they are shown (``certified`` only for a certification signature)
CHECKS = ("signer", "trust", "time", "intact", "coverage", "certified", "record", "database", "exported")
#: the side panel's width in average characters (at least SIDE_MIN_WIDTH pixels): it grows with the text size
SIDE_CHARS, SIDE_MIN_WIDTH = 62, 420
PREVIEW_WIDTH = 700
ZERO_WIDTH_SPACE = "\u200b"
_LONG_RUN = re.compile(r"[^\s/]{40,}")


def _local_pdf(event: QDragEnterEvent | QDropEvent) -> Path | None:
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".pdf"):
            return Path(url.toLocalFile())
    return None


def breakable(text: str) -> str:
    """The text with a zero-width space every 16 characters of any long unbroken run (a fingerprint, a long
    file name), so that a word-wrapped label can break it instead of being cut off at the panel's edge."""
    return _LONG_RUN.sub(lambda m: ZERO_WIDTH_SPACE.join(re.findall(".{1,16}", m.group(0))), text)


def _wrapping_label(object_name: str) -> QLabel:
    label = text_label(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


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
        outer = QHBoxLayout(self)
        outer.setSpacing(16)
        side_box = QWidget()
        side_box.setObjectName("verifySide")
        side_width = max(SIDE_MIN_WIDTH, self.fontMetrics().averageCharWidth() * SIDE_CHARS)
        side_box.setFixedWidth(side_width)
        self.resize(side_width + PREVIEW_WIDTH, 820)  # the preview keeps its room at a larger text size
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
                    "Choose a case note or development log exported from cowork-desktop, or drop it on this "
                    "window, to see who signed it, when, whether it is intact, and whether it is exactly the "
                    "record kept in this database."
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
        # a colleague's file is not in this database: without the comparison it is checked against the trust list
        self.compare_box = QCheckBox(
            self.tr("Co&mpare with the open database ({name})").format(
                name=ws.store.path.name if ws is not None else ""
            )
        )
        self.compare_box.setObjectName("compareWithDatabase")
        self.compare_box.setToolTip(
            self.tr(
                "Untick to check a file from another database (a colleague's) by the signature and your trust "
                "list alone."
            )
        )
        self.compare_box.setChecked(ws is not None)
        self.compare_box.setVisible(ws is not None)
        self.compare_box.toggled.connect(self._compare_toggled)
        side.addWidget(self.compare_box)

        # what the file says scrolls, so that a long list of findings at a large text size is never cut off
        scroll = scroll_area("verifyScroll")
        content = QWidget()
        content.setObjectName("verifyContent")
        scroll.setWidget(content)
        side.addWidget(scroll, 1)
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 4, 0)
        body.setSpacing(10)

        self.file_label = _wrapping_label("verifyFile")
        self.file_label.setText(self.tr("No file chosen yet."))
        body.addWidget(self.file_label)

        self.verdict = _wrapping_label("verifyVerdict")
        self.verdict.setProperty("role", "subtitle")
        self.verdict.hide()
        body.addWidget(self.verdict)
        self.summary = _wrapping_label("verifySummary")
        self.summary.hide()
        body.addWidget(self.summary)

        # the findings first: when the file is not valid they are what matters
        self.problems, self.problem_labels = self._list_box(
            "verifyProblems", self.tr("What stops this file being valid:")
        )
        body.addWidget(self.problems)

        self.checks_box = QFrame()
        self.checks_box.setObjectName("verifyChecks")
        self.checks_box.setProperty("role", "panel")
        self.checks_box.setAccessibleName(self.tr("Checks"))
        checks = QVBoxLayout(self.checks_box)
        checks.setContentsMargins(12, 10, 12, 10)
        checks.setSpacing(8)
        self.rows: dict[str, QLabel] = {}
        for key in CHECKS:
            label = _wrapping_label(f"check_{key}")
            checks.addWidget(label)
            self.rows[key] = label
        self.checks_box.hide()
        body.addWidget(self.checks_box)

        self.notes, self.note_labels = self._list_box("verifyNotes", self.tr("Worth knowing:"))
        body.addWidget(self.notes)
        body.addStretch(1)

        close_row = QHBoxLayout()
        close_row.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        close_row.addWidget(self.close_button)
        side.addLayout(close_row)

    def _list_box(self, object_name: str, heading: str) -> tuple[QWidget, list[QLabel]]:
        """A titled list (the findings, or the notes), one label per line; hidden while empty."""
        box = QWidget()
        box.setObjectName(object_name)
        box.setAccessibleName(heading.rstrip(":"))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        title = _wrapping_label(f"{object_name}Heading")
        title.setText(heading)
        title.setProperty("role", "subtitle")
        layout.addWidget(title)
        box.hide()
        return box, []

    # -- choosing -----------------------------------------------------------------------------------
    def choose(self) -> VerifyReport | None:
        start = str(self.path.parent) if self.path is not None else str(recent.last_folder())
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a signed PDF to verify"), start, self.tr("PDF files (*.pdf);;All files (*)")
        )
        if not name:
            return None
        recent.remember_folder(Path(name).parent)
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
    @property
    def compared_ws(self) -> Workspace | None:
        """The database the file is compared with: the open one, unless the manager unticked the comparison."""
        return self.ws if self.ws is not None and self.compare_box.isChecked() else None

    def _compare_toggled(self, _on: bool) -> None:
        if self.path is not None:
            self.check_file(self.path)

    def check_file(self, path: Path) -> VerifyReport | None:
        """Verify the file and show the outcome; None (with the reason) if it cannot be checked at all."""
        self.path = path
        self.report = None
        shown = self.tr("File: {path}").format(path=path)
        self.file_label.setText(breakable(shown))
        self.file_label.setAccessibleName(shown)
        self.file_label.setToolTip(str(path))
        failure = ""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            try:  # the preview: never a file too large to be a case note (verify refuses it at once)
                data = path.read_bytes() if path.stat().st_size <= MAX_VERIFY_BYTES else b""
            except OSError:
                data = b""
            try:
                report = export.verify_file(self.compared_ws, path)
            except CoworkError as exc:
                report = None
                failure = str(exc)
        finally:
            QApplication.restoreOverrideCursor()
        if data:
            self.preview.set_pdf(data)
        else:
            self.preview.clear_pdf(self.tr("The file cannot be read."))
        if report is None:
            self._show_failure(failure)
            return None
        self.report = report
        self._show_report(report)
        return report

    def _set_row(self, key: str, ok: bool | None, text: str, tip: str = "") -> None:
        """A check's line: ✓ (passed), ✗ (a problem) or • (for information), always with words."""
        mark = TICK if ok is True else CROSS if ok is False else NOTE
        status = self.tr("Passed") if ok is True else self.tr("Problem") if ok is False else self.tr("Note")
        label = self.rows[key]
        label.setText(breakable(f"{mark} {text}"))
        label.setAccessibleName(f"{status}: {text}")
        label.setToolTip(tip)
        label.show()
        set_role(label, "error" if ok is False else "")

    def _set_headline(self, mark: str, headline: str, summary: str, role: str) -> None:
        self.verdict.setText(breakable(f"{mark} {headline}"))
        self.verdict.setAccessibleName(headline)
        set_role(self.verdict, role)
        self.verdict.show()
        self.summary.setText(breakable(summary))
        self.summary.setAccessibleName(summary)
        self.summary.setVisible(bool(summary))

    def _fill_list(self, box: QWidget, labels: list[QLabel], mark: str, lines: tuple[str, ...]) -> None:
        layout = box.layout()
        assert layout is not None
        for label in labels:
            label.hide()
            layout.removeWidget(label)
            label.deleteLater()
        labels.clear()
        for n, line in enumerate(lines):
            label = _wrapping_label(f"{box.objectName()}_{n}")
            label.setText(breakable(f"{mark} {line}"))
            label.setAccessibleName(line)
            if mark == CROSS:
                label.setProperty("role", "error")
            layout.addWidget(label)
            labels.append(label)
        box.setVisible(bool(lines))

    def _show_failure(self, message: str) -> None:
        self._set_headline(
            CROSS,
            self.tr("This file cannot be verified. {reason}.").format(reason=message.rstrip(".")),
            "",
            "error",
        )
        self.checks_box.hide()
        self.problems.hide()
        self.notes.hide()

    def _show_report(self, report: VerifyReport) -> None:
        self._show_signer(report)
        self._show_signature(report)
        self._show_record(report)
        self._fill_list(self.problems, self.problem_labels, CROSS, report.findings)
        self._fill_list(self.notes, self.note_labels, NOTE, report.notes)
        self._show_verdict(report)
        self.checks_box.show()

    # -- the rows -------------------------------------------------------------------------------------
    def _signer_name(self, report: VerifyReport) -> str:
        return report.result.signer_name or self.tr("an unnamed certificate")

    def _show_signer(self, report: VerifyReport) -> None:
        facts = report.result.certificate
        signer = self._signer_name(report)
        if facts is None:
            self._set_row(
                "signer",
                False,
                self.tr("Signed by {signer}, but the signature carries no certificate.").format(
                    signer=signer
                ),
            )
        else:
            tip = self.tr(
                "Certificate SHA-256 fingerprint:\n{fingerprint}\nSubject: {subject}\nIssued by: {issuer}\n"
                "Valid from {start:%d %b %Y} to {end:%d %b %Y}"
            ).format(
                fingerprint=format_fingerprint(facts.fingerprint),
                subject=facts.subject,
                issuer=facts.issuer,
                start=facts.not_before,
                end=facts.not_after,
            )
            self._set_row(
                "signer",
                None,
                self.tr("Signed by {signer}, certificate {fingerprint}… (SHA-256)").format(
                    signer=signer, fingerprint=facts.short_fingerprint
                ),
                tip,
            )
        note = report.trust_note
        if report.trust_basis is not None:
            text = self.tr("Signer trusted: {how}.").format(how=note)
            if report.trust_basis == "database" and facts is not None and facts.self_signed:
                text += " " + self.tr(
                    "The certificate is self-signed, as a manager's own certificate made by cowork-desktop "
                    "is: that is expected."
                )
            self._set_row("trust", True, text)
        elif self.compared_ws is None:
            self._set_row("trust", None, self.tr("Signer's certificate: {how}.").format(how=note))
        else:
            self._set_row("trust", False, self.tr("Signer's certificate: {how}.").format(how=note))
        moment = report.result.signing_time
        if moment is not None:
            when = moment.astimezone().strftime("%d %b %Y at %H:%M %Z").strip()
            self._set_row(
                "time", None, self.tr("Signed on {when} (by the signing computer's clock)").format(when=when)
            )
        else:
            self._set_row("time", None, self.tr("The signing time is not stated."))

    def _show_signature(self, report: VerifyReport) -> None:
        result = report.result
        if result.intact and result.valid:
            self._set_row("intact", True, self.tr("Intact: the content is exactly as it was signed."))
        else:
            self._set_row("intact", False, self.tr("Not intact: the file was changed after it was signed."))
        if result.covers_whole_file:
            self._set_row(
                "coverage", True, self.tr("Covers the whole file: nothing was added after signing.")
            )
        else:
            self._set_row(
                "coverage",
                False,
                self.tr("Does not cover the whole file: something was added after it was signed."),
            )
        if not result.certified:
            self.rows["certified"].hide()  # an approval signature: the notes say so
        elif result.docmdp_permission == 1:
            self._set_row("certified", True, self.tr("Certified: no changes are allowed after signing."))
        else:
            self._set_row(
                "certified",
                False,
                self.tr("Certified, but later changes are allowed (DocMDP permission {permission}).").format(
                    permission=result.docmdp_permission
                ),
            )

    def _record_words(self, report: VerifyReport) -> str:
        if report.document == export.DEVELOPMENT_LOG:
            return self.tr("a development log")
        if report.record_id is None:
            return ""
        words = self.tr("record {id}, version {version}").format(
            id=report.record_id, version=report.record_version if report.record_version is not None else "?"
        )
        if report.case_reference:
            words += self.tr(", case {reference}").format(reference=report.case_reference)
        return words

    def _show_record(self, report: VerifyReport) -> None:
        what = self._record_words(report)
        if what:
            self._set_row("record", None, self.tr("The file is {what}.").format(what=what))
        else:
            self._set_row("record", None, self.tr("The file names no record."))
        note = report.database_note
        if report.matches_database is True:
            if report.document == export.DEVELOPMENT_LOG:
                text = self.tr("Matches the database: {note}.").format(note=note.removeprefix("matches "))
            else:
                text = self.tr("Matches the database: the file is {what}, exactly as kept in {db}.").format(
                    what=self.tr("record {id}, version {version}").format(
                        id=report.record_id, version=report.record_version
                    ),
                    db=self._db_name(),
                )
            if report.superseded_by is not None:
                text += " " + self.tr(
                    "This version was later superseded by version {version} (record {id}), which corrects "
                    "it; both stay on file."
                ).format(version=report.superseded_by[1], id=report.superseded_by[0])
            self._set_row("database", True, text)
        elif report.matches_database is False:
            detail = note.removeprefix("does not match").strip(" :")
            text = self.tr("Does not match the database")
            self._set_row("database", False, f"{text}: {detail}." if detail else f"{text}.")
        elif self.compared_ws is None:
            self._set_row(
                "database",
                None,
                self.tr("Not compared with a database: none is open.")
                if self.ws is None
                else self.tr("Not compared with a database: the comparison is unticked."),
            )
        else:
            reason = note.removeprefix("not checked").strip(" :()")
            self._set_row(
                "database",
                None,
                self.tr("Not compared with the database: {reason}.").format(
                    reason=reason or self.tr("nothing to compare")
                ),
            )
        if report.exported_from_database is True:
            self._set_row(
                "exported",
                True,
                self.tr("Exported from this database: its audit log records saving this very file."),
            )
        elif report.exported_from_database is False:
            self._set_row(
                "exported",
                False,
                self.tr("Not exported from this database: this file's SHA-256 is not in its audit log."),
            )
        else:
            self._set_row(
                "exported", None, self.tr("Not checked whether this very file was exported from a database.")
            )

    # -- the headline ---------------------------------------------------------------------------------
    def _show_verdict(self, report: VerifyReport) -> None:
        result = report.result
        signer = self._signer_name(report)
        facts = result.certificate
        if report.verdict == Verdict.VALID:
            if report.matches_database is True:
                what = self._record_words(report) or self.tr("the record")
                summary = self.tr(
                    "Signed by {signer}, intact, and exactly {what}, as kept in {db} and exported from it."
                ).format(signer=signer, what=what, db=self._db_name())
                if report.superseded_by is not None:
                    summary += " " + self.tr("An earlier version: version {version} corrects it.").format(
                        version=report.superseded_by[1]
                    )
            else:
                how = {
                    "trust list": self.tr("whose certificate is in your trust list"),
                    "organisation CA": self.tr("whose certificate is issued by a CA in your trust list"),
                }.get(report.trust_basis or "", report.trust_note)
                summary = self.tr(
                    "Intact, and signed by {signer}, {how}. Not compared with a database: to check it is the "
                    "record kept there, open the manager's database and verify it again."
                ).format(signer=signer, how=how)
            self._set_headline(TICK, self.tr("Valid"), summary, "subtitle")
        elif report.verdict == Verdict.SUPERSEDED:
            assert report.superseded_by is not None
            what = self._record_words(report) or self.tr("the record")
            self._set_headline(
                NOTE,
                self.tr("Valid, but superseded: not the current record"),
                self.tr(
                    "Signed by {signer}, intact, and exactly {what}, as kept in {db}. A later version corrects "
                    "it: version {version} (record {record}). Rely on that one."
                ).format(
                    signer=signer,
                    what=what,
                    db=self._db_name(),
                    version=report.superseded_by[1],
                    record=report.superseded_by[0],
                ),
                "subtitle",
            )
        elif report.verdict == Verdict.SIGNER_NOT_KNOWN:
            fingerprint = facts.short_fingerprint if facts is not None else ""
            self._set_headline(
                NOTE,
                self.tr("Intact, but the signer is not known here"),
                self.tr(
                    "The signature is sound, but nothing on this computer shows that its certificate is "
                    "{signer}'s.\nTo prove it, open the manager's database (File ▸ Open database…) and "
                    "verify the file again; or ask {signer} for their certificate file (.crt), compare its "
                    "fingerprint ({fingerprint}…) with them, and trust it: File ▸ Settings… ▸ Signing and "
                    "trust ▸ Add certificate…, or the command cowork trust add FILE.crt"
                ).format(signer=signer, fingerprint=fingerprint),
                "subtitle",
            )
        else:
            self._set_headline(
                CROSS, self.tr("NOT valid: do not rely on this file"), self._reason(report), "error"
            )

    def _reason(self, report: VerifyReport) -> str:
        """Why the file is not valid, in a sentence (the findings below give each problem)."""
        result = report.result
        count = len(report.findings)
        listed = (
            self.tr("The problem is listed below.")
            if count == 1
            else self.tr("The problems are listed below.")
        )
        if not (result.intact and result.valid):
            reason = self.tr("It was changed after it was signed.")
        elif not result.covers_whole_file:
            reason = self.tr("Something was added after it was signed.")
        elif report.matches_database is False and report.trust_basis is None:
            reason = self.tr(
                "It is not a record kept in this database, nor signed by a certificate it knows: if it "
                "comes from another database, open that one and verify it again."
            )
        elif report.matches_database is False:
            reason = self.tr("It is not the record kept in this database.")
        else:
            reason = self.tr("It fails a check.")
        return f"{reason} {listed}" if count else reason

    def _db_name(self) -> str:
        compared = self.compared_ws
        return compared.store.path.name if compared is not None else self.tr("the database")


def open_verify_dialog(ws: Workspace | None, parent: QWidget | None = None) -> VerifyDialog:
    """Show the verify dialog non-modally (deleted when closed)."""
    dialog = VerifyDialog(ws, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog
