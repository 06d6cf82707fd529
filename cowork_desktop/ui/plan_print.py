"""Print the agreed plan: a 1-2 page summary for the co-workers, from services.plan.AgreedPlan.

The plan is rendered as simple HTML into a QTextDocument, printed with QPrintDialog or made into a PDF in memory
(QPdfWriter, which works offscreen too) and saved through the app's one writer: whole, private, never over an
existing file unless the manager says so, never over a database, a backup or a certificate. Case reference only:
never a child's name.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.services import files
from cowork_desktop.services.plan import AgreedPlan, build_plan, fmt_day
from cowork_desktop.ui import recent
from cowork_desktop.ui.widgets import confirm_replace, wrapped_label

if TYPE_CHECKING:
    from cowork_desktop.services.database import Store
    from cowork_desktop.services.sessions import Workspace

_CSS = """
body { font-size: 10pt; color: #000; }
h1 { font-size: 16pt; margin: 0 0 2pt 0; }
h2 { font-size: 12pt; margin: 12pt 0 4pt 0; border-bottom: 1px solid #444; }
p { margin: 2pt 0; }
table.grid { border-collapse: collapse; width: 100%; }
table.grid th { background: #e8e8e8; text-align: left; padding: 3pt 5pt; border: 1px solid #888; }
table.grid td { padding: 3pt 5pt; border: 1px solid #888; vertical-align: top; }
.muted { color: #333; }
"""


def _grid(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A ruled HTML table of ``rows`` (their cells already escaped) under ``headers``."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table class='grid' cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>{body}</table>"


def _p(label: str, value: str) -> str:
    return f"<p><b>{escape(label)}:</b> {escape(value) if value else '<i>not recorded</i>'}</p>"


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.splitlines())


def plan_html(plan: AgreedPlan) -> str:
    parts = [f"<html><head><style>{_CSS}</style></head><body>"]
    parts.append(f"<h1>Agreed co-working plan: case {escape(plan.case_reference)}</h1>")
    version = f", version {plan.version}" if plan.version > 1 else ""
    parts.append(
        f"<p class='muted'>From the {escape(plan.title.lower())} ({escape(plan.kind_label)}) of "
        f"{fmt_day(plan.meeting_date)}{version}, signed and locked"
        f"{' on ' + plan.signed_at.strftime('%d %b %Y') if plan.signed_at else ''}.</p>"
    )
    if plan.amendment_reason:
        parts.append(f"<p><b>Amended:</b> {escape(plan.amendment_reason)}</p>")
    parts.append(_p("Co-workers", "; ".join(plan.workers)))

    parts.append("<h2>Who does what</h2>")
    if plan.responsibilities:
        rows = [
            (escape(t.task), escape(t.lead or "no lead"), "Yes" if t.joint else "")
            for t in plan.responsibilities
        ]
        parts.append(_grid(("Task", "Lead", "Joint"), rows))
        if plan.responsibilities_source:
            parts.append(f"<p class='muted'>{escape(plan.responsibilities_source)}</p>")
    else:
        parts.append("<p><i>No responsibilities recorded.</i></p>")

    parts.append("<h2>How we keep in touch</h2>")
    parts.append(_p("Case discussions between the co-workers", plan.discussion_frequency))
    parts.append(_p("Who records them", plan.discussion_recorder))
    if plan.discussion_recording:
        parts.append(_p("How and where", plan.discussion_recording))
    parts.append(_p("Supervision of the case with the manager and both workers", plan.supervision_frequency))
    parts.append(_p("Next review", fmt_day(plan.next_review_date)))

    parts.append("<h2>Actions</h2>")
    if plan.actions:
        actions = [
            (
                escape(a.description) + (" <i>(carried forward)</i>" if a.carried_forward else ""),
                escape(a.owner or "no owner"),
                fmt_day(a.due) or "no date",
            )
            for a in plan.actions
        ]
        parts.append(_grid(("Action", "Who", "By when"), actions))
    else:
        parts.append("<p><i>No actions agreed.</i></p>")

    if plan.learning:
        parts.append("<h2>Learning plan in brief</h2>")
        parts.extend(f"<p><b>{escape(q)}</b><br>{_lines(a)}</p>" for q, a in plan.learning)
    if plan.decision:
        parts.append("<h2>Decision</h2>")
        parts.append(f"<p>{_lines(plan.decision)}</p>")
    if plan.signed_by:
        parts.append(f"<p class='muted'>Signed by: {escape('; '.join(plan.signed_by))}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def plan_document(plan: AgreedPlan) -> QTextDocument:
    doc = QTextDocument()
    font = QFont()
    font.setPointSizeF(10)
    # no "fi"/"fl" ligatures: the PDF's text stays searchable and copyable as typed
    font.setFeature(QFont.Tag("liga"), 0)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(plan_html(plan))
    return doc


def _a4(printer: QPagedPaintDevice) -> None:
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 16, 18, 16),
            QPageLayout.Unit.Millimeter,
        )
    )


def plan_pdf_bytes(plan: AgreedPlan) -> bytes:
    """The plan as a PDF, made in memory (QPdfWriter into a buffer: nothing touches the disk until the file is
    written whole)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(f"Agreed co-working plan {plan.case_reference}")
    writer.setCreator("cowork-desktop")
    _a4(writer)
    doc = plan_document(plan)
    doc.setPageSize(QSizeF(writer.pageLayout().paintRect(QPageLayout.Unit.Point).size()))
    doc.print_(writer)  # the painter ends here, which finishes the PDF in the buffer
    del writer
    data = bytes(buffer.data().data())
    buffer.close()
    return data


def save_plan_pdf(
    plan: AgreedPlan, path: Path | str, *, replace: bool = False, store: Store | None = None
) -> Path:
    """Write the plan to a PDF file (no dialog), through the app's one writer: whole, mode 0600, an existing
    file only with ``replace``, and never over a database, a backup or a certificate (CoworkError)."""
    target = Path(path)
    files.check_target(target, replace=replace, store=store)
    return files.write_output(target, plan_pdf_bytes(plan), replace=replace, store=store)


def print_plan(plan: AgreedPlan, parent: QWidget | None = None) -> bool:
    """Ask for a printer (QPrintDialog) and print; False if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _a4(printer)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("PlanPrint", "Print agreed plan"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    plan_document(plan).print_(printer)
    return True


class PlanPrintDialog(QDialog):
    """A preview of the plan with Print... and Save as PDF..."""

    def __init__(
        self, plan: AgreedPlan, parent: QWidget | None = None, *, store: Store | None = None
    ) -> None:
        """``store``: the open database, so the plan is never saved over it by name (any database file is
        recognised by its content anyway)."""
        super().__init__(parent)
        self.plan = plan
        self.store = store
        self.setObjectName("planPrintDialog")
        self.setWindowTitle(f"Agreed plan - case {plan.case_reference}")
        self.resize(720, 760)
        layout = QVBoxLayout(self)
        self.preview = QTextBrowser()
        self.preview.setObjectName("planPreview")
        self.preview.setAccessibleName(self.tr("Agreed plan preview"))
        # paper: black on white in every theme (the plan's own CSS is for print; on a dark or high-contrast
        # window's field colour its black text would vanish)
        self.preview.setStyleSheet("QTextBrowser#planPreview { background: #ffffff; color: #000000; }")
        self.preview.setHtml(plan_html(plan))
        layout.addWidget(self.preview, 1)
        self.status = wrapped_label("planStatus")
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print..."))
        self.print_button.setObjectName("printButton")
        self.pdf_button = QPushButton(self.tr("Save as PDF..."))
        self.pdf_button.setObjectName("pdfButton")
        close = QPushButton(self.tr("Close"))
        close.setObjectName("closeButton")
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(self.ask_pdf)
        close.clicked.connect(self.accept)

    def print_(self) -> bool:
        done = print_plan(self.plan, self)
        if done:
            self.status.setText(self.tr("Sent to the printer."))
        return done

    def ask_pdf(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save agreed plan as PDF"),
            recent.in_last_folder(f"agreed-plan-{self.plan.case_reference.replace('/', '-')}.pdf"),
            self.tr("PDF files (*.pdf)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # asked in save_pdf, for the name actually written
        )
        if not name:
            return None
        return self.save_pdf(Path(name))

    def save_pdf(self, path: Path) -> Path | None:
        """Save the plan as ``path`` (``.pdf`` added when missing). An existing file is replaced only when the
        manager says so (asked by name); the database, a backup or a certificate never. None when not saved
        (the reason is shown under the preview)."""
        chosen = path
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        # the file picked (the database, say) is refused by name, not quietly saved beside it as .pdf
        problem = files.protected_file(chosen, self.store) or files.protected_file(path, self.store)
        if problem is not None:
            self.status.setText(f"Not saved: {problem}. The app never writes over it; choose another file.")
            return None
        replace = False
        if os.path.lexists(path) and not path.is_dir():
            if not confirm_replace(self, path):
                self.status.setText(f"Not saved: {path} was kept as it is.")
                return None
            replace = True
        try:
            save_plan_pdf(self.plan, path, replace=replace, store=self.store)
        except CoworkError as exc:
            self.status.setText(f"Not saved: {exc}")
            return None
        self.status.setText(f"Saved {path}")
        recent.remember_folder(path.parent)
        return path


def show_plan(ws: Workspace, record_id: int, parent: QWidget) -> PlanPrintDialog:
    """Show the agreed plan of a signed record in its print preview (the wizard's and the record view's button)."""
    dialog = PlanPrintDialog(build_plan(ws, record_id), parent, store=ws.store)
    dialog.show()
    return dialog
