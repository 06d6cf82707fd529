"""The meeting wizard as its pages see it (``pages``, ``readback``): they are given the wizard that owns them
and call back through this protocol, so they need not import ``wizard``, which imports them: no cycle.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from cowork_desktop.domain.forms import FollowUp
from cowork_desktop.domain.models import RecordKind
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.wizard.env import WizardEnv


class WizardOwner(Protocol):
    """What a page of the meeting wizard uses of the wizard (``wizard.MeetingWizard``)."""

    ws: Workspace
    record_id: int
    env: WizardEnv
    #: the answers as typed so far, by question id
    answers: dict[str, Any]
    #: the wizard is closing: its pages' clean-up is not the manager going Back
    closing: bool

    def next(self) -> None: ...

    def next_page_id(self, page: Any) -> int: ...

    def validate_page(self, page: Any) -> bool: ...

    def signers(self) -> list[int]: ...

    def add_signature(
        self,
        signer: int,
        typed: str,
        method: str,
        strokes: list[list[tuple[float, float]]],
        png: bytes | None,
    ) -> str | None: ...

    def back_to_draft(self) -> None: ...

    def follow_ups(self) -> list[FollowUp]: ...

    def start_follow_up(self, kind: RecordKind) -> Any: ...

    def print_plan(self) -> QWidget: ...

    def export_pdf(self) -> QWidget | None: ...
