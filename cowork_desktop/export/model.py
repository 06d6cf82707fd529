"""What a case note shows, already resolved to display values.

The export layer never reads the database: the caller (a service) turns a Record, its form, the workers and the
signatures into a :class:`CaseNote`, and :func:`cowork_desktop.export.pdf.render_case_note` lays it out.
A case note names the case by its reference only, never a child.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, NamedTuple

DEFAULT_PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE"
DEMO_MARKING = "DEMO DATA - NOT A REAL RECORD"

NoteStatus = Literal["signed", "draft"]


class Attendee(NamedTuple):
    """Someone present at the meeting, with their role label (e.g. "Senior practitioner")."""

    name: str
    role: str


class QuestionAnswer(NamedTuple):
    """A question's prompt and its answer as display text (worker ids, dates and rules already resolved).

    An empty answer is shown as "Not answered".
    """

    prompt: str
    answer: str


class ResponsibilityRow(NamedTuple):
    task: str
    lead: str  # the lead worker's name
    joint: bool  # True: "Joint", False: "Sole"


@dataclass(frozen=True)
class ResponsibilitiesTable:
    """Who leads each task; printed as a table whose header row repeats on every page it spans."""

    rows: tuple[ResponsibilityRow, ...]
    prompt: str = ""


class ActionRow(NamedTuple):
    description: str
    owner: str  # the owner's name
    due: date | None
    done: bool | None = None  # None: not reviewed yet (blank)


@dataclass(frozen=True)
class ActionsTable:
    rows: tuple[ActionRow, ...]
    prompt: str = ""


SectionItem = QuestionAnswer | ResponsibilitiesTable | ActionsTable


@dataclass(frozen=True)
class NoteSection:
    title: str
    items: tuple[SectionItem, ...]


@dataclass(frozen=True)
class SignatureBlock:
    """One person's signature on the record, as captured in the app."""

    name: str
    role: str
    method: str  # "drawn" or "typed"
    signed_at: datetime
    statement: str
    image_png: bytes | None = None  # the drawn signature, if any


@dataclass(frozen=True)
class Amendment:
    """This record amends an earlier signed version: which one (its version, and its own record id), when that
    one was signed, and why it was amended."""

    supersedes_version: int
    reason: str
    supersedes_record_id: int | None = None
    supersedes_signed_on: date | None = None


@dataclass(frozen=True)
class Supersession:
    """A later signed version replaces this one: printed on every page, so a reader never takes it as current."""

    version: int
    record_id: int
    signed_on: date


@dataclass(frozen=True)
class Resolution:
    """An issue-resolution MDR names the review (or other record) whose issues it resolves."""

    record_number: int  # as people know that record ("Record 9")
    version: int
    record_kind: str  # its kind's label, e.g. "Review of co-working"
    meeting_date: date
    issues: tuple[str, ...] = ()  # the issues it flagged, as labels ("Disagreement between the co-workers")


@dataclass(frozen=True)
class CaseNote:
    organisation: str
    case_reference: str
    record_kind: str  # the kind's label, e.g. "Initial co-working meeting (MDR)"
    meeting_date: date
    record_id: int | str
    version: int
    title: str = ""  # e.g. "Supervision" for an MDR made in supervision; defaults to record_kind
    status: NoteStatus = "draft"
    demo: bool = False
    protective_marking: str = DEFAULT_PROTECTIVE_MARKING
    present: tuple[Attendee, ...] = ()
    sections: tuple[NoteSection, ...] = ()
    signatures: tuple[SignatureBlock, ...] = ()
    content_hash: str = ""  # hex digest of the record's content, as stored in the database
    amendment: Amendment | None = None
    #: a later signed version has replaced this one (printed on every page); None: this is the current version
    superseded_by: Supersession | None = None
    #: for an issue-resolution MDR: the record whose issues it resolves
    resolves: Resolution | None = None
    #: the number people know the record by, whatever its version: the first version's id ("Record 1, version 2"
    #: for the amendment stored as record 4); None: ``record_id``
    record_number: int | None = None
    #: when the PDF was produced (PDF creation date); None: now
    generated_at: datetime | None = None
    #: printed in the PDF's Creator field
    producer: str = field(default="cowork-desktop")
    #: the organisation's logo (PNG or JPEG bytes), drawn at the top left of the first page; None: no logo
    logo_png: bytes | None = None

    def __post_init__(self) -> None:
        if self.status not in ("signed", "draft"):
            raise ValueError(f"status must be 'signed' or 'draft', not {self.status!r}")

    @property
    def display_number(self) -> int | str:
        """ "Record 1" in "Record 1, version 2": the first version's id (see ``record_number``)."""
        return self.record_number if self.record_number is not None else self.record_id

    @property
    def display_title(self) -> str:
        return self.title or self.record_kind

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"
