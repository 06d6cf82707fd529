"""Print the agreed plan: a 1-2 page summary for the co-workers, from services.plan.AgreedPlan.

The plan is rendered as simple HTML into a QTextDocument, printed with QPrintDialog or written straight to a
PDF file (QPrinter in PdfFormat, which works offscreen too). Case reference only: never a child's name.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.services.plan import AgreedPlan, fmt_day

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
        rows = "".join(
            f"<tr><td>{escape(t.task)}</td><td>{escape(t.lead or 'no lead')}</td>"
            f"<td>{'Yes' if t.joint else ''}</td></tr>"
            for t in plan.responsibilities
        )
        parts.append(
            "<table class='grid' cellspacing='0' cellpadding='4' width='100%'>"
            f"<tr><th>Task</th><th>Lead</th><th>Joint</th></tr>{rows}</table>"
        )
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
        rows = "".join(
            f"<tr><td>{escape(a.description)}{' <i>(carried forward)</i>' if a.carried_forward else ''}</td>"
            f"<td>{escape(a.owner or 'no owner')}</td><td>{fmt_day(a.due) or 'no date'}</td></tr>"
            for a in plan.actions
        )
        parts.append(
            "<table class='grid' cellspacing='0' cellpadding='4' width='100%'>"
            f"<tr><th>Action</th><th>Who</th><th>By when</th></tr>{rows}</table>"
        )
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


def _a4(printer: QPrinter) -> None:
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 16, 18, 16),
            QPageLayout.Unit.Millimeter,
        )
    )


def save_plan_pdf(plan: AgreedPlan, path: Path | str) -> Path:
    """Write the plan to a PDF file (no dialog)."""
    target = Path(path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setDocName(f"Agreed co-working plan {plan.case_reference}")
    printer.setCreator("cowork-desktop")
    _a4(printer)
    doc = plan_document(plan)
    doc.setPageSize(QSizeF(printer.pageRect(QPrinter.Unit.Point).size()))
    doc.print_(printer)
    return target


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

    def __init__(self, plan: AgreedPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
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
        self.status = QLabel()
        self.status.setObjectName("planStatus")
        self.status.setWordWrap(True)
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
            f"agreed-plan-{self.plan.case_reference.replace('/', '-')}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if not name:
            return None
        return self.save_pdf(Path(name))

    def save_pdf(self, path: Path) -> Path:
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        save_plan_pdf(self.plan, path)
        self.status.setText(f"Saved {path}")
        return path
