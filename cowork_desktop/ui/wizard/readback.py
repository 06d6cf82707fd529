"""The read-back before signing: the whole record as it will print, read with everyone present.

The text comes from ``services.export.build_case_note``, the case note the PDF is made from, so the words are
the PDF's: the record's facts, who was present, each section's prompts and answers ("Not answered" when
empty), and the tables (responsibilities, actions) row by row. One scrolling text, at the app's text size.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWizardPage

from cowork_desktop.domain.dates import long_date, short_date
from cowork_desktop.domain.models import RecordStatus
from cowork_desktop.services import sessions
from cowork_desktop.services.documents import (
    ActionsTable,
    CaseNote,
    NoteSection,
    QuestionAnswer,
    ResponsibilitiesTable,
)
from cowork_desktop.services.export import build_case_note
from cowork_desktop.services.printing import unprintable_in_answers
from cowork_desktop.ui.widgets import wrapped_label
from cowork_desktop.ui.wizard import style

if TYPE_CHECKING:
    from cowork_desktop.ui.wizard.owner import WizardOwner

READBACK_KEY = "_readback"
NOT_ANSWERED = "Not answered"


def _text(value: str) -> str:
    return escape(value.strip()).replace("\n", "<br>")


def _table(headers: Sequence[str] | None, rows: Sequence[Sequence[str]]) -> str:
    out = ['<table class="grid" cellspacing="0" cellpadding="5" width="100%">']
    if headers:
        out.append("<tr>" + "".join(f'<th align="left">{escape(h)}</th>' for h in headers) + "</tr>")
    for row in rows:
        cells = "".join(
            f'<th align="left" width="30%">{_text(c)}</th>'
            if n == 0 and not headers
            else f"<td>{_text(c)}</td>"
            for n, c in enumerate(row)
        )
        out.append(f"<tr>{cells}</tr>")
    out.append("</table>")
    return "".join(out)


def _responsibilities(item: ResponsibilitiesTable) -> str:
    out = f"<p class='prompt'><b>{_text(item.prompt)}</b></p>" if item.prompt else ""
    if not item.rows:
        return out + "<p><i>No responsibilities recorded.</i></p>"
    rows = [(r.task, r.lead, "Joint" if r.joint else "Sole") for r in item.rows]
    return out + _table(("Task", "Lead worker", "Joint or sole"), rows)


def _actions(item: ActionsTable) -> str:
    out = f"<p class='prompt'><b>{_text(item.prompt)}</b></p>" if item.prompt else ""
    if not item.rows:
        return out + "<p><i>No actions recorded.</i></p>"
    reviewed = any(r.done is not None for r in item.rows)
    headers = ("Action", "Owner", "Due", "Done") if reviewed else ("Action", "Owner", "Due")
    rows: list[list[str]] = []
    for r in item.rows:
        cells = [r.description, r.owner, short_date(r.due) if r.due else ""]
        if reviewed:
            cells.append("" if r.done is None else ("Yes" if r.done else "No"))
        rows.append(cells)
    return out + _table(headers, rows)


def _section(section: NoteSection) -> str:
    out = [f"<h2>{_text(section.title)}</h2>"]
    for item in section.items:
        if isinstance(item, QuestionAnswer):
            out.append(f"<p class='prompt'><b>{_text(item.prompt)}</b></p>")
            answer = item.answer.strip()
            out.append(f"<p>{_text(answer)}</p>" if answer else f"<p><i>{NOT_ANSWERED}</i></p>")
        elif isinstance(item, ResponsibilitiesTable):
            out.append(_responsibilities(item))
        else:
            out.append(_actions(item))
    return "".join(out)


def note_html(note: CaseNote, rule: str = "#767676", header: str = "") -> str:
    """The case note as rich text for a QTextBrowser; ``rule`` is the colour of the table lines, ``header`` the
    background of the header cells (as the PDF's header fill; none when empty)."""
    fill = f" th {{ background-color: {header}; }}" if header else ""
    out = [
        "<html><head><style>"
        f"table.grid {{ border-collapse: collapse; border: 1px solid {rule}; margin-bottom: 8px; }}"
        f" th, td {{ border: 1px solid {rule}; }}{fill}"
        " h1 { margin-bottom: 2px; } h2 { margin-top: 16px; margin-bottom: 4px; }"
        " p.prompt { margin-top: 10px; margin-bottom: 2px; }"
        "</style></head><body>",
        f"<h1>{_text(note.display_title)}</h1>",
    ]
    if note.display_title != note.record_kind:
        out.append(f"<p>{_text(note.record_kind)}</p>")
    if note.amendment is not None:
        out.append(
            f"<p><b>This is version {note.version}; it amends version {note.amendment.supersedes_version}."
            f"<br>Reason for the amendment: {_text(note.amendment.reason or 'not given')}</b></p>"
        )
    status = "Signed" if note.status == "signed" else "Draft (not signed)"
    facts = [
        ("Case reference", note.case_reference),
        ("Record type", note.record_kind),
        ("Meeting date", long_date(note.meeting_date)),
        ("Record", f"{note.display_number}, version {note.version}"),
        ("Status", status),
    ]
    out.append(_table(None, facts))
    out.append("<h2>Present</h2>")
    if note.present:
        out.append(_table(("Name", "Role"), [(a.name, a.role) for a in note.present]))
    else:
        out.append("<p><i>No one is recorded as present.</i></p>")
    out.extend(_section(section) for section in note.sections)
    out.append("</body></html>")
    return "".join(out)


def note_lines(note: CaseNote) -> list[str]:
    """What the read-back shows, as lines of text: each prompt, answer and table cell on its own (for tests and
    for comparing with the PDF)."""
    lines = [note.display_title]
    for section in note.sections:
        lines.append(section.title)
        for item in section.items:
            if isinstance(item, QuestionAnswer):
                lines.extend([item.prompt, item.answer.strip() or NOT_ANSWERED])
            elif isinstance(item, ResponsibilitiesTable):
                lines.append(item.prompt)
                for r in item.rows:
                    lines.extend([r.task, r.lead, "Joint" if r.joint else "Sole"])
            else:
                lines.append(item.prompt)
                for a in item.rows:
                    lines.extend([a.description, a.owner, short_date(a.due) if a.due else ""])
    return [line for line in lines if line]


class ReadBackPage(QWizardPage):
    """The record as it will print, read aloud with everyone present before anyone signs."""

    def __init__(self, owner: WizardOwner) -> None:
        super().__init__()
        self.owner = owner
        self.key = READBACK_KEY
        self.note: CaseNote | None = None
        self.setObjectName("page_readback")
        self.setTitle(self.tr("Read the record back"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.instruction = wrapped_label(
            "readBackInstruction", self.tr("Read the record with everyone present, then go on to sign.")
        )
        self.instruction.setFont(style.scaled_font(self.instruction, 1.1, bold=True))
        layout.addWidget(self.instruction)
        layout.addWidget(
            style.hint_label(
                self.tr(
                    "This is the record as it will print. To change something, go back to its page: the record "
                    "stays a draft until everyone has signed. Each person confirms it is accurate when they sign."
                )
            )
        )
        # characters the PDF cannot print, named before anyone signs (they would print as a replacement mark)
        self.unprintable = style.error_label()
        self.unprintable.setObjectName("readBackUnprintable")
        self.unprintable.setAccessibleName(self.tr("Characters that cannot be printed"))
        layout.addWidget(self.unprintable)
        self.view = QTextBrowser()  # the only scroll area on the page
        self.view.setObjectName("readBackText")
        self.view.setAccessibleName(self.tr("The record as it will print"))
        self.view.setOpenLinks(False)
        self.view.setTabChangesFocus(True)  # Tab goes on to the buttons: keyboard users are never trapped
        self.view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout.addWidget(self.view, 1)

    def initializePage(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        record_id = self.owner.record_id
        self.note = build_case_note(self.owner.ws, record_id)
        palette = self.view.palette()
        if style.high_contrast():
            rule, header = palette.color(QPalette.ColorRole.Text).name(), ""
        else:
            rule, header = "#767676", palette.color(QPalette.ColorRole.AlternateBase).name()
        self.view.setHtml(note_html(self.note, rule, header))
        self.show_unprintable()

    def show_unprintable(self) -> dict[str, list[str]]:
        """Name each character an answer holds that the PDF cannot print, with its question."""
        record = sessions.record(self.owner.ws, self.owner.record_id)
        found = unprintable_in_answers(record.answers)
        prompts = {q.id: q.prompt for q in self.owner.env.form.questions}
        if found:
            lines = [
                self.tr(
                    "These characters cannot be printed in the PDF and would show as �: change them before "
                    "signing, or sign knowing they will not print."
                )
            ]
            lines += [f"• {prompts.get(qid, qid)}: {', '.join(chars)}" for qid, chars in found.items()]
            self.unprintable.setText("\n".join(lines))
            self.unprintable.show()
        else:
            self.unprintable.hide()
        return found

    def text(self) -> str:
        return self.view.toPlainText()

    def cleanupPage(self) -> None:
        # "Back" to the questions: the record is a draft again (QWizard's reset on closing is not "Back")
        if not self.owner.closing and self.owner.env.record.status == RecordStatus.AWAITING_SIGNATURES:
            self.owner.back_to_draft()

    def nextId(self) -> int:
        return self.owner.next_page_id(self)
