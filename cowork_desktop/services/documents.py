"""The documents the app writes, as the GUI shows them before they are written: the case note's model (read
back in the wizard), its draft PDF (the preview) and the development log's file name.

reportlab is imported only when a PDF is made (never at start-up, nor when the wizard opens).
"""

from __future__ import annotations

from datetime import date

from cowork_desktop.export.model import ActionsTable as ActionsTable
from cowork_desktop.export.model import CaseNote as CaseNote
from cowork_desktop.export.model import NoteSection as NoteSection
from cowork_desktop.export.model import QuestionAnswer as QuestionAnswer
from cowork_desktop.export.model import ResponsibilitiesTable as ResponsibilitiesTable


def render_case_note(note: CaseNote) -> bytes:
    """The case note as unsigned PDF bytes (a draft's preview and its printed copy)."""
    from cowork_desktop.export.pdf import render_case_note as render

    return render(note)


def devlog_filename(worker_name: str, on: date) -> str:
    """The development log's suggested file name (letters without accents; never anything else of theirs)."""
    from cowork_desktop.export.devlog_pdf import devlog_filename as name

    return name(worker_name, on)
