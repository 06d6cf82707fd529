"""Form definitions (the protocol's questions) as domain objects, and the rules that apply them to answers.

The definitions are loaded from the data files in ``forms/`` by :mod:`cowork_desktop.forms.loader`; this module
knows nothing of files. Answer values are JSON-compatible:

========================  ===========================================================================
kind                      answer value
========================  ===========================================================================
text                      str
yes_no                    "yes" or "no"
choice                    one of the question's choices (str)
date                      "YYYY-MM-DD"
worker                    a worker id (int), limited to the co-workers (and the manager if allowed)
workers                   list of worker ids (who took part)
recurrence                an iCalendar RRULE string, e.g. "FREQ=WEEKLY;INTERVAL=2"
responsibilities          {task: {"lead": worker id, "joint": bool}}: each task has exactly one lead; the
                          form's tasks, and any task the meeting added (its name, up to 80 characters)
actions                   [{"description": str, "owner": worker id, "due": "YYYY-MM-DD"}]
action_review             {action id (str): {"done": "yes" | "no", "note": str}}
info                      no answer: read-only guidance or the last agreed arrangement
========================  ===========================================================================
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from cowork_desktop.domain.dates import day_or_none, parse_rrule_safe
from cowork_desktop.domain.models import for_development, is_learner_role


class QuestionKind(StrEnum):
    TEXT = "text"
    YES_NO = "yes_no"
    CHOICE = "choice"
    DATE = "date"
    WORKER = "worker"
    WORKERS = "workers"
    RECURRENCE = "recurrence"
    RESPONSIBILITIES = "responsibilities"
    ACTIONS = "actions"
    ACTION_REVIEW = "action_review"
    INFO = "info"


#: Context flags a condition may test, computed from the co-allocation (see :func:`form_context`).
CONTEXT_FLAGS = frozenset({"has_learner", "safety_risk", "has_previous_actions"})


@dataclass(frozen=True)
class Condition:
    """Show a question only when another answer (or a context flag) has one of the given values."""

    question: str | None = None
    context: str | None = None
    values: tuple[str, ...] = ("yes",)

    def holds(self, answers: Mapping[str, Any], context: Mapping[str, bool]) -> bool:
        if self.context is not None:
            return bool(context.get(self.context, False))
        value = answers.get(self.question or "")
        if isinstance(value, list):
            return any(str(v) in self.values for v in value)
        return value is not None and str(value) in self.values


@dataclass(frozen=True)
class FollowUp:
    """An answer that demands another record, e.g. "yes" to disagreements demands an issue-resolution MDR."""

    when: tuple[str, ...]
    form: str
    message: str
    urgent: bool = False
    #: the started record's answers, by its question id: a value, or "@question" for this record's answer to it
    prefill: Mapping[str, str] = field(default_factory=dict)


class _ShownIf:
    """What a question and a section share: shown only while its condition (if any) holds."""

    show_if: Condition | None

    def is_shown(self, answers: Mapping[str, Any], context: Mapping[str, bool]) -> bool:
        return self.show_if is None or self.show_if.holds(answers, context)


@dataclass(frozen=True)
class Question(_ShownIf):
    id: str
    prompt: str
    kind: QuestionKind
    guidance: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    tasks: tuple[str, ...] = ()
    show_if: Condition | None = None
    follow_ups: tuple[FollowUp, ...] = ()
    #: for date questions: the answer may not be before the meeting date (e.g. the next review)
    not_before_meeting: bool = False
    #: for recurrence questions: the default rule offered, as an RRULE
    default: str = ""
    #: a semantic tag the app uses (e.g. "next_review_date", "discussion_frequency", "partnership_ladder")
    role: str = ""


@dataclass(frozen=True)
class Section(_ShownIf):
    id: str
    title: str
    guidance: str = ""
    questions: tuple[Question, ...] = ()
    show_if: Condition | None = None


@dataclass(frozen=True)
class FormDefinition:
    id: str
    version: int
    title: str
    record_kind: str
    sections: tuple[Section, ...]
    description: str = ""
    #: MDRs made in supervision carry the standard MDR headings and the title "Supervision"
    mdr_title: str = ""
    source_file: str = ""
    _index: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for section in self.sections:
            for q in section.questions:
                self._index[q.id] = q

    @property
    def questions(self) -> list[Question]:
        return [q for s in self.sections for q in s.questions]

    def question(self, question_id: str) -> Question:
        return self._index[question_id]

    def find_role(self, role: str) -> Question | None:
        return next((q for q in self.questions if q.role == role), None)

    def visible_questions(self, answers: Mapping[str, Any], context: Mapping[str, bool]) -> list[Question]:
        return [
            q
            for s in self.sections
            if s.is_shown(answers, context)
            for q in s.questions
            if q.is_shown(answers, context)
        ]

    def triggered_follow_ups(self, answers: Mapping[str, Any], context: Mapping[str, bool]) -> list[FollowUp]:
        found = []
        for q in self.visible_questions(answers, context):
            value = answers.get(q.id)
            for fu in q.follow_ups:
                if value is not None and str(value) in fu.when:
                    found.append(fu)
        return found


def form_context(roles: list[str], reasons: list[str], has_previous_actions: bool = False) -> dict[str, bool]:
    """Context flags for conditions: the co-workers' roles and the reasons for co-working."""
    return {
        "has_learner": any(is_learner_role(r) for r in roles) or for_development(reasons),
        "safety_risk": "safety" in reasons,
        "has_previous_actions": has_previous_actions,
    }


#: the longest text answer (the wizard counts down near it and stops there; a PDF prints it over pages)
MAX_TEXT_ANSWER = 20000
#: from this share of the limit the wizard shows how many characters are left
TEXT_COUNTER_FROM = 0.8


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _known_worker(value: object, allowed_workers: set[int]) -> bool:
    """A worker id among those allowed (an answer of another shape, e.g. a list, is simply not one)."""
    try:
        return value in allowed_workers
    except TypeError:
        return False


def validate_answer(q: Question, value: Any, allowed_workers: set[int], meeting_date: date) -> str | None:
    """One question's answer: None when valid, else the message to show next to the field."""
    if is_empty(value):
        if q.required and q.kind != QuestionKind.INFO:
            return "This question needs an answer."
        return None
    kind = q.kind
    if kind == QuestionKind.TEXT:
        if not isinstance(value, str):
            return "Enter text."
        if len(value) > MAX_TEXT_ANSWER:
            return f"This answer is too long (at most {MAX_TEXT_ANSWER:,} characters)."
        if q.required and not value.strip():
            return "This question needs an answer."
    elif kind == QuestionKind.YES_NO:
        if value not in ("yes", "no"):
            return "Answer yes or no."
    elif kind == QuestionKind.CHOICE:
        if value not in q.choices:
            return "Choose one of the options."
    elif kind == QuestionKind.DATE:
        day = day_or_none(value)
        if day is None:
            return "Enter a date as YYYY-MM-DD."
        if q.not_before_meeting and day < meeting_date:
            return "This date cannot be before the meeting."
    elif kind == QuestionKind.WORKER:
        if not _known_worker(value, allowed_workers):
            return "Choose one of the co-workers."
    elif kind == QuestionKind.WORKERS:
        if not isinstance(value, list) or not all(_known_worker(v, allowed_workers) for v in value):
            return "Choose from the workers listed."
    elif kind == QuestionKind.RECURRENCE:
        if not isinstance(value, str) or parse_rrule_safe(value) is None:
            return "Choose how often (for example every 2 weeks)."
    elif kind == QuestionKind.RESPONSIBILITIES:
        return _validate_responsibilities(q, value, allowed_workers)
    elif kind == QuestionKind.ACTIONS:
        return _validate_actions(value, allowed_workers, meeting_date)
    elif kind == QuestionKind.ACTION_REVIEW:
        return _validate_action_review(value)
    return None


#: the longest name of a task added in a meeting (beside the form's own tasks)
MAX_TASK_NAME = 80


def task_name_problem(name: str, listed: Iterable[str]) -> str | None:
    """Why ``name`` cannot be a task added beside ``listed`` (the tasks there already), or None."""
    if not name.strip():
        return "Type the name of the task."
    if name != name.strip() or "\n" in name:
        return "A task's name is one line, without spaces around it."
    if len(name) > MAX_TASK_NAME:
        return f"A task's name is at most {MAX_TASK_NAME} characters."
    same = next((t for t in listed if t.casefold() == name.casefold()), None)
    if same is not None:
        return f"'{same}' is listed already."
    return None


def _validate_responsibilities(q: Question, value: Any, allowed: set[int]) -> str | None:
    """The form's tasks, then any the meeting added (a name of one line, not a form task again)."""
    if not isinstance(value, dict):
        return "Assign each task."
    listed = list(q.tasks)
    for task in value:
        if task in q.tasks:
            continue
        problem = task_name_problem(task, listed) if isinstance(task, str) else "Assign each task."
        if problem:
            return problem
        listed.append(task)
    missing = [t for t in listed if not isinstance(value.get(t), dict) or value[t].get("lead") is None]
    if missing and q.required:
        return f"Give each task one lead: {', '.join(missing)}."
    for task, entry in value.items():
        if isinstance(entry, dict) and entry.get("lead") is not None and entry["lead"] not in allowed:
            return f"The lead for '{task}' must be one of the co-workers."
    return None


def _validate_action_review(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "Say for each action whether it was done."
    for verdict in value.values():
        if not isinstance(verdict, dict) or verdict.get("done") not in ("yes", "no"):
            return "Say for each action whether it was done."
    return None


def _validate_actions(value: Any, allowed: set[int], meeting_date: date) -> str | None:
    if not isinstance(value, list):
        return "Add the actions as a list."
    for n, item in enumerate(value, start=1):
        if not isinstance(item, dict) or not str(item.get("description", "")).strip():
            return f"Action {n}: describe what will be done."
        if item.get("owner") not in allowed:
            return f"Action {n}: choose who will do it."
        due = day_or_none(item.get("due"))
        if due is None:
            return f"Action {n}: enter a due date."
        if due < meeting_date:
            return f"Action {n}: the due date cannot be before the meeting."
    return None


def validate_answers(
    form: FormDefinition,
    answers: Mapping[str, Any],
    context: Mapping[str, bool],
    allowed_workers: set[int],
    meeting_date: date,
    section_id: str | None = None,
) -> dict[str, str]:
    """Messages for every visible question (of one section, if given) whose answer is missing or invalid."""
    errors: dict[str, str] = {}
    for section in form.sections:
        if section_id is not None and section.id != section_id:
            continue
        if not section.is_shown(answers, context):
            continue
        for q in section.questions:
            if not q.is_shown(answers, context):
                continue
            msg = validate_answer(q, answers.get(q.id), allowed_workers, meeting_date)
            if msg:
                errors[q.id] = msg
    return errors


#: answers whose key starts with this are the app's own (the wizard's page), never part of a signed record
RESERVED_PREFIX = "_"


def is_reserved(key: str) -> bool:
    return key.startswith(RESERVED_PREFIX)


def answers_shown(
    form: FormDefinition, answers: Mapping[str, Any], context: Mapping[str, bool]
) -> dict[str, Any]:
    """Keep only the answers shown: a record going to be signed holds the answers to the questions its form shows
    for these answers (a follow-up hidden again by a later answer is dropped; never an information panel) and
    never the app's own keys."""
    shown = {q.id for q in form.visible_questions(answers, context) if q.kind != QuestionKind.INFO}
    return {k: v for k, v in answers.items() if k in shown and not is_reserved(k)}
