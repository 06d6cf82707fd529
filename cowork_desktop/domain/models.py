"""The records the app keeps, as plain dataclasses, with their field-level validation.

Validation returns a dict of field name -> message so the UI can show each message next to its field and the
CLI can print them as one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Self

from cowork_desktop.domain.names import name_problem


class LabelledEnum(StrEnum):
    """A value as stored, with the words a person reads for it, declared together: ``NAME = "value", "Label"``."""

    _value_: str
    label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class Role(LabelledEnum):
    STUDENT = "student", "Student social worker"
    ASYE = "asye", "ASYE (newly qualified)"
    SOCIAL_WORKER = "social_worker", "Social worker"
    SENIOR_PRACTITIONER = "senior_practitioner", "Senior practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"

    @property
    def is_learner(self) -> bool:
        """Students and ASYEs are always the less experienced worker in a co-allocation."""
        return is_learner_role(self)


#: the roles whose holder is always the less experienced worker (a student or an ASYE)
LEARNER_ROLES = (Role.STUDENT, Role.ASYE)


def is_learner_role(role: Role | str) -> bool:
    """A student or an ASYE (``role`` a :class:`Role` or its stored value)."""
    return role in LEARNER_ROLES


class PlanType(LabelledEnum):
    ASSESSMENT = "assessment", "Assessment"
    CHILD_IN_NEED = "child_in_need", "Child in need"
    CHILD_PROTECTION = "child_protection", "Child protection"
    LOOKED_AFTER = "looked_after", "Looked after child"
    PRE_PROCEEDINGS = "pre_proceedings", "Pre-proceedings (PLO)"
    CARE_PROCEEDINGS = "care_proceedings", "Care proceedings"


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    TRANSFERRED = "transferred"


class Reason(LabelledEnum):
    """Why a case is co-allocated (the protocol's advantages of co-working)."""

    COMPLEXITY = "complexity", "High level of complexity"
    SIBLING_GROUP = "sibling_group", "Large sibling group"
    DEVELOPMENT = "development", "Development of a less experienced worker"
    SAFETY = "safety", "Risk to workers' safety"
    COVER = "cover", "Continuity and cover"


def for_development(reasons: Iterable[Reason | str]) -> bool:
    """Co-allocated for the development of a less experienced worker."""
    return any(str(r) == Reason.DEVELOPMENT.value for r in reasons)


def learner_ids(
    roles: Mapping[int, Role], lead_worker_id: int, reasons: Iterable[Reason | str] = ()
) -> tuple[int, ...]:
    """The less experienced worker(s) of a co-allocation: the one rule for "who is a learner".

    Every student or ASYE co-worker; with neither, and "development of a less experienced worker" among the
    reasons, the co-worker who is not the lead (the lead is the experienced worker modelling practice).
    """
    learners = tuple(w for w, role in roles.items() if role.is_learner)
    if learners:
        return learners
    if for_development(reasons):
        return tuple(w for w in roles if w != lead_worker_id)
    return ()


class RecordKind(LabelledEnum):
    INITIAL_MEETING = "initial_meeting", "Initial co-working meeting (MDR)"
    REVIEW = "review", "Review of co-working"
    REFLECTIVE_DISCUSSION = "reflective_discussion", "Reflective case discussion"
    ISSUE_RESOLUTION = "issue_resolution", "Issue-resolution MDR"
    CLOSING = "closing", "Closing MDR"

    @property
    def is_mdr(self) -> bool:
        return self in (RecordKind.INITIAL_MEETING, RecordKind.ISSUE_RESOLUTION, RecordKind.CLOSING)

    @property
    def manager_present(self) -> bool:
        """The manager holds this meeting with the co-workers (every kind but the co-workers' own reflective
        discussion, which the manager signs off without attending)."""
        return self != RecordKind.REFLECTIVE_DISCUSSION


class RecordStatus(StrEnum):
    DRAFT = "draft"
    AWAITING_SIGNATURES = "awaiting_signatures"
    SIGNED = "signed"


CASE_REFERENCE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.-]{1,31}$")
INITIALS_RE = re.compile(r"^[A-Z]{1,3}(?:[ ,]+[A-Z]{1,3})*$")


@dataclass
class Worker:
    name: str
    role: Role
    team: str = ""
    active: bool = True
    id: int | None = None

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        name = self.name.strip()
        if not name:
            errors["name"] = "Enter the worker's name."
        elif len(name) > 120:
            errors["name"] = "A name can be at most 120 characters."
        elif (problem := name_problem(name)) is not None:
            errors["name"] = problem
        if not isinstance(self.role, Role):
            errors["role"] = "Choose a role."
        if len(self.team) > 120:
            errors["team"] = "A team name can be at most 120 characters."
        return errors


@dataclass
class Case:
    """A child's case, known by its reference only: never a child's name."""

    reference: str
    children_count: int = 1
    children_initials: str = ""
    plan_type: PlanType = PlanType.CHILD_IN_NEED
    status: CaseStatus = CaseStatus.OPEN
    id: int | None = None

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        ref = self.reference.strip()
        if not ref:
            errors["reference"] = "Enter the case reference from the case management system."
        elif not CASE_REFERENCE_RE.match(ref):
            errors["reference"] = (
                "Use the case reference only (2-32 letters, digits, / - _ or .), never a child's name."
            )
        if not 1 <= self.children_count <= 20:
            errors["children_count"] = "The number of children must be between 1 and 20."
        initials = self.children_initials.strip()
        if initials and not INITIALS_RE.match(initials):
            errors["children_initials"] = "Initials only, in capitals (for example 'AB, CD'): never names."
        return errors


#: what the case's page (and the CLI) says when a second open co-allocation is refused
ONE_OPEN_COALLOCATION = "This case already has an active co-allocation: end it first."


def active_on(start: date, end: date | None, on: date) -> bool:
    """The one rule for "active": a co-allocation is active from its start to its end date, both included."""
    return start <= on and (end is None or on <= end)


@dataclass
class CoAllocation:
    case_id: int
    worker1_id: int
    worker2_id: int
    lead_worker_id: int
    start_date: date
    reasons: list[Reason] = field(default_factory=list)
    end_date: date | None = None
    end_reason: str = ""
    id: int | None = None

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.worker1_id == self.worker2_id:
            errors["worker2_id"] = "Choose two different workers."
        if self.lead_worker_id not in (self.worker1_id, self.worker2_id):
            errors["lead_worker_id"] = "The lead worker must be one of the two co-workers."
        if not self.reasons:
            errors["reasons"] = "Choose at least one reason for co-working."
        if self.end_date is not None and self.end_date < self.start_date:
            errors["end_date"] = "The end date cannot be before the start date."
        return errors

    @property
    def worker_ids(self) -> tuple[int, int]:
        return (self.worker1_id, self.worker2_id)

    def is_active(self, on: date) -> bool:
        return active_on(self.start_date, self.end_date, on)

    @property
    def is_open(self) -> bool:
        """No end date is recorded: the case's current arrangement. A case has at most one open co-allocation
        (:meth:`open_clash`; the store holds it with the unique index ``coallocations_one_open``)."""
        return self.end_date is None

    def open_clash(self, others: Iterable[CoAllocation]) -> dict[str, str]:
        """The one rule for "one active co-allocation per case", given the case's co-allocations: while another
        of them is open, none is added and none is re-opened (its end date removed). The field errors, or none."""
        adding = self.id is None
        if (adding or self.is_open) and any(
            o.is_open and o.case_id == self.case_id and o.id != self.id for o in others
        ):
            return {"case_id": ONE_OPEN_COALLOCATION}
        return {}

    def has_ended(self, on: date) -> bool:
        """Its end is recorded and has come: it takes no new meeting (a new co-allocation starts a new
        arrangement); its signed records can still be amended."""
        return self.end_date is not None and self.end_date <= on

    def refuses_new(self, kind: RecordKind, on: date) -> str | None:
        """Why no new record of ``kind`` can be started for it on ``on`` (one sentence), or None. An ended
        co-allocation takes no new meeting, but an issue it left unresolved can still be resolved."""
        if not self.has_ended(on) or kind == RecordKind.ISSUE_RESOLUTION:
            return None
        assert self.end_date is not None
        why = f" ({self.end_reason.strip().rstrip('.')})" if self.end_reason.strip() else ""
        return (
            f"The co-working ended on {self.end_date:%d %b %Y}{why}: it takes no new meeting. "
            "Co-allocate the case again to start a new arrangement."
        )


@dataclass
class Action:
    description: str
    owner_worker_id: int | None
    due_date: date | None
    done_date: date | None = None
    record_id: int | None = None
    id: int | None = None


def action_overdue(due_date: date | None, done_date: date | None, on: date) -> bool:
    """An agreed action is overdue on ``on`` when it is not done and its due date has passed."""
    return done_date is None and due_date is not None and due_date < on


@dataclass
class Signature:
    record_id: int
    signer_name: str
    signer_role: str
    method: str  # "drawn" or "typed"
    statement: str
    signed_at: datetime
    worker_id: int | None = None
    strokes: list[list[tuple[float, float]]] = field(default_factory=list)
    image_png: bytes | None = None
    id: int | None = None


@dataclass
class Record:
    """One meeting's record: initial meeting, review, reflective discussion, issue resolution or closing MDR."""

    case_id: int
    coallocation_id: int
    kind: RecordKind
    form_id: str
    form_version: int
    meeting_date: date
    answers: dict[str, Any] = field(default_factory=dict)
    status: RecordStatus = RecordStatus.DRAFT
    title: str = ""
    version: int = 1
    supersedes_id: int | None = None
    amendment_reason: str = ""
    linked_record_id: int | None = None
    content_hash: str = ""
    #: what the display depended on when it was signed: {"context": {...}, "people": {"id": {"name", "role"}}}
    signed_frame: dict[str, Any] = field(default_factory=dict)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    signed_at: datetime | None = None
    id: int | None = None
    #: counts the draft's saves: a save names the revision it was based on (another window's is refused)
    revision: int = 0

    @property
    def is_locked(self) -> bool:
        return self.status == RecordStatus.SIGNED
