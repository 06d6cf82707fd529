"""Guided supervision sessions: meeting wizards generated from the forms, and the read-only record view.

``open_meeting`` starts (or resumes) a meeting's draft and shows its wizard; ``open_record`` opens any record:
a draft or a record awaiting signatures resumes its wizard, a signed one opens read-only with "Amend..." and
"Print agreed plan".
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cowork_desktop.domain.models import RecordStatus
from cowork_desktop.services import sessions
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.wizard.record_view import AmendReasonDialog, RecordView
from cowork_desktop.ui.wizard.wizard import MeetingWizard, keep_open, open_meeting

__all__ = ["AmendReasonDialog", "MeetingWizard", "RecordView", "open_meeting", "open_record"]


def open_record(ws: Workspace, record_id: int, parent: QWidget | None = None) -> QWidget:
    record = sessions.record(ws, record_id)
    widget: QWidget
    if record.status == RecordStatus.SIGNED:
        widget = RecordView(ws, record_id, parent)
    else:
        widget = MeetingWizard(ws, record_id, parent)
    keep_open(widget)
    widget.show()
    return widget
