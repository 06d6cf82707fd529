"""The agreed plan of a signed initial meeting or review, as plain data the UI prints (no Qt).

The plan is what the co-workers take away: who leads on each task, how often they discuss the case and who
records it, how often the manager supervises the case with both of them, when the arrangement is next
reviewed, the actions with owners and due dates, and the learning plan in brief. A review does not repeat the
responsibilities, so they come from the latest signed arrangement on or before the review (see
:func:`current_arrangement`). Case reference only: a child's name never appears.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from cowork_desktop.domain.dates import after_interval, describe_rrule
from cowork_desktop.domain.due import extract_facts
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.forms import FormDefinition, Question, QuestionKind, is_empty
from cowork_desktop.domain.models import (
    Action,
    CoAllocation,
    Record,
    RecordKind,
    RecordStatus,
    Role,
)
from cowork_desktop.domain.records import superseded_ids
from cowork_desktop.services.sessions import Workspace, context_for, form_for, last_signed_mdr

#: record kinds whose agreed plan can be printed
PLAN_KINDS = (RecordKind.INITIAL_MEETING, RecordKind.REVIEW)
DATE_FORMAT = "%d %b %Y"


@dataclass(frozen=True)
class TaskLead:
    task: str
    lead: str
    joint: bool


@dataclass(frozen=True)
class PlanAction:
    description: str
    owner: str
    due: date | None
    carried_forward: bool = False


@dataclass(frozen=True)
class Arrangement:
    """The co-working arrangement in force: from the latest signed record that set each part of it."""

    record_id: int
    record_title: str
    meeting_date: date
    responsibilities: tuple[TaskLead, ...] = ()
    discussion_frequency: str = ""
    discussion_rrule: str = ""
    discussion_recorder: str = ""
    supervision_frequency: str = ""
    supervision_rrule: str = ""


@dataclass(frozen=True)
class AgreedPlan:
    case_reference: str
    title: str
    kind_label: str
    meeting_date: date
    version: int
    amendment_reason: str
    signed_at: datetime | None
    workers: tuple[str, ...]
    responsibilities: tuple[TaskLead, ...]
    responsibilities_source: str
    discussion_frequency: str
    discussion_recorder: str
    discussion_recording: str
    supervision_frequency: str
    next_review_date: date | None
    actions: tuple[PlanAction, ...]
    learning: tuple[tuple[str, str], ...]
    decision: str
    signed_by: tuple[str, ...]


def fmt_day(value: date | None) -> str:
    return value.strftime(DATE_FORMAT) if value else ""


def worker_names(ws: Workspace) -> dict[int, str]:
    return {w.id: w.name for w in ws.store.list_workers() if w.id is not None}


def case_actions(ws: Workspace, case_id: int) -> dict[int, Action]:
    """Every action agreed in the case's records, by id (to describe the actions a review looked at)."""
    found: dict[int, Action] = {}
    for record in ws.store.records_for_case(case_id):
        if record.id is None:
            continue
        for action in ws.store.actions_for_record(record.id):
            if action.id is not None:
                found[action.id] = action
    return found


def answer_text(
    q: Question,
    value: Any,
    names: Mapping[int, str],
    actions: Mapping[int, Action] | None = None,
) -> str:
    """An answer as plain text (several lines for tables and lists); "" when unanswered."""
    if is_empty(value) or q.kind == QuestionKind.INFO:
        return ""
    kind = q.kind
    if kind == QuestionKind.YES_NO:
        return "Yes" if value == "yes" else "No" if value == "no" else str(value)
    if kind == QuestionKind.DATE:
        try:
            return fmt_day(date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if kind == QuestionKind.WORKER:
        return names.get(value, f"worker {value}") if isinstance(value, int) else str(value)
    if kind == QuestionKind.WORKERS:
        return (
            ", ".join(names.get(v, f"worker {v}") for v in value) if isinstance(value, list) else str(value)
        )
    if kind == QuestionKind.RECURRENCE:
        return describe_rrule(str(value))
    if kind == QuestionKind.RESPONSIBILITIES:
        return "\n".join(
            f"{t.task}: {t.lead or 'no lead'}{' (joint)' if t.joint else ''}"
            for t in responsibilities_rows(q, value, names)
        )
    if kind == QuestionKind.ACTIONS:
        return "\n".join(
            f"{a.description} ({a.owner or 'no owner'}, by {fmt_day(a.due) or 'no date'})"
            for a in action_rows(value, names)
        )
    if kind == QuestionKind.ACTION_REVIEW:
        lines = []
        for action_id, verdict in value.items() if isinstance(value, dict) else []:
            action = (actions or {}).get(int(action_id)) if str(action_id).isdigit() else None
            label = action.description if action else f"Action {action_id}"
            done = verdict.get("done") if isinstance(verdict, dict) else None
            note = str(verdict.get("note", "")).strip() if isinstance(verdict, dict) else ""
            status = "done" if done == "yes" else "not done" if done == "no" else "not answered"
            lines.append(f"{label}: {status}{' - ' + note if note else ''}")
        return "\n".join(lines)
    return str(value)


def responsibilities_rows(q: Question, value: Any, names: Mapping[int, str]) -> list[TaskLead]:
    if not isinstance(value, dict):
        return []
    rows = []
    for task in [*q.tasks, *(t for t in value if t not in q.tasks)]:  # the form's tasks, then those added
        entry = value.get(task)
        if not isinstance(entry, dict):
            continue
        lead = entry.get("lead")
        rows.append(
            TaskLead(task, names.get(lead, "") if isinstance(lead, int) else "", bool(entry.get("joint")))
        )
    return rows


def action_rows(value: Any, names: Mapping[int, str]) -> list[PlanAction]:
    rows = []
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict):
            continue
        owner = item.get("owner")
        try:
            due = date.fromisoformat(item["due"]) if item.get("due") else None
        except (ValueError, TypeError):
            due = None
        rows.append(
            PlanAction(
                str(item.get("description", "")).strip(),
                names.get(owner, "") if isinstance(owner, int) else "",
                due,
            )
        )
    return rows


def current_arrangement(ws: Workspace, ca: CoAllocation, as_of: Record | None = None) -> Arrangement | None:
    """The arrangement in force: the latest signed MDR (:func:`last_signed_mdr`), each part taken from the
    newest signed record that set it (an issue-resolution MDR may not repeat the responsibilities).

    With ``as_of``, only records signed before that one (for printing an older review as it was)."""
    assert ca.id is not None
    names = worker_names(ws)
    records = [
        r
        for r in ws.store.records_for_case(ca.case_id)
        if r.coallocation_id == ca.id and r.status == RecordStatus.SIGNED
    ]
    superseded = superseded_ids(records)
    records = [r for r in records if r.id not in superseded]
    if as_of is not None:
        records = [
            r
            for r in records
            if r.id != as_of.id
            and r.supersedes_id != as_of.id
            and (r.meeting_date, r.id or 0) <= (as_of.meeting_date, as_of.id or 0)
        ]
    latest = last_signed_mdr(ws, ca) if as_of is None else None
    ordered = list(reversed(records))
    if latest is not None and latest.id not in superseded:
        ordered = [latest, *[r for r in ordered if r.id != latest.id]]
    if not ordered:
        return None
    found: dict[str, tuple[Record, Question, Any]] = {}
    for record in ordered:
        form = form_for(ws, record)
        for role in ("responsibilities", "discussion_frequency", "supervision_frequency"):
            if role in found:
                continue
            q = form.find_role(role)
            if q is not None and not is_empty(record.answers.get(q.id)):
                found[role] = (record, q, record.answers[q.id])
        if len(found) == 3:
            break
    if not found:
        return None
    source = (
        next(iter(found.values()))[0] if "responsibilities" not in found else found["responsibilities"][0]
    )
    responsibilities: tuple[TaskLead, ...] = ()
    if "responsibilities" in found:
        _, q, value = found["responsibilities"]
        responsibilities = tuple(responsibilities_rows(q, value, names))
    discussion = found.get("discussion_frequency")
    supervision = found.get("supervision_frequency")
    recorder = ""
    if discussion is not None:
        rec_form = form_for(ws, discussion[0])
        rq = next((x for x in rec_form.questions if x.id == "discussion_recorder"), None)
        if rq is not None:
            recorder = answer_text(rq, discussion[0].answers.get(rq.id), names)
    assert source.id is not None
    return Arrangement(
        record_id=source.id,
        record_title=source.kind.label,
        meeting_date=source.meeting_date,
        responsibilities=responsibilities,
        discussion_frequency=describe_rrule(str(discussion[2])) if discussion else "",
        discussion_rrule=str(discussion[2]) if discussion else "",
        discussion_recorder=recorder,
        supervision_frequency=describe_rrule(str(supervision[2])) if supervision else "",
        supervision_rrule=str(supervision[2]) if supervision else "",
    )


def proposed_next_review(meeting_date: date, supervision_rrule: str) -> date | None:
    """The next review proposed from the agreed supervision frequency: one interval after this meeting."""
    if not supervision_rrule:
        return None
    proposed: date = after_interval(meeting_date, supervision_rrule)
    return proposed


def _learning(
    form: FormDefinition, record: Record, ws: Workspace, names: Mapping[int, str]
) -> list[tuple[str, str]]:
    q = form.find_role("learning")
    if q is None:
        return []
    ca = ws.store.get_coallocation(record.coallocation_id)
    context = context_for(ws, ca)
    section = next(s for s in form.sections if any(x.id == q.id for x in s.questions))
    if not section.is_shown(record.answers, context):
        return []
    found = []
    for x in section.questions:
        if x.kind == QuestionKind.INFO or not x.is_shown(record.answers, context):
            continue
        text = answer_text(x, record.answers.get(x.id), names)
        if text:
            found.append((x.prompt, text))
    return found


def build_plan(ws: Workspace, record_id: int) -> AgreedPlan:
    """The agreed plan of a signed initial meeting or review."""
    record = ws.store.get_record(record_id)
    if record.kind not in PLAN_KINDS:
        raise CoworkError("an agreed plan is printed from an initial meeting or a review")
    if record.status != RecordStatus.SIGNED:
        raise CoworkError("the agreed plan is printed once the record is signed")
    form = form_for(ws, record)
    ca = ws.store.get_coallocation(record.coallocation_id)
    case = ws.store.get_case(record.case_id)
    names = worker_names(ws)
    answers = record.answers
    arrangement = current_arrangement(ws, ca, as_of=record)

    def role_value(role: str) -> tuple[Question | None, Any]:
        q = form.find_role(role)
        return q, answers.get(q.id) if q else None

    rq, rvalue = role_value("responsibilities")
    if rq is not None and not is_empty(rvalue):
        responsibilities = tuple(responsibilities_rows(rq, rvalue, names))
        source = "Agreed in this meeting."
    elif arrangement is not None:
        responsibilities = arrangement.responsibilities
        source = f"As agreed in the {arrangement.record_title} of {fmt_day(arrangement.meeting_date)}."
    else:
        responsibilities, source = (), ""

    _, discussion = role_value("discussion_frequency")
    _, supervision = role_value("supervision_frequency")
    recorder_q = next((q for q in form.questions if q.id == "discussion_recorder"), None)
    recording_q = next((q for q in form.questions if q.id == "discussion_recording"), None)
    if discussion:
        discussion_text = describe_rrule(str(discussion))
        recorder = answer_text(recorder_q, answers.get(recorder_q.id), names) if recorder_q else ""
    else:
        discussion_text = arrangement.discussion_frequency if arrangement else ""
        recorder = arrangement.discussion_recorder if arrangement else ""
    recording = str(answers.get(recording_q.id, "")).strip() if recording_q else ""
    supervision_text = (
        describe_rrule(str(supervision))
        if supervision
        else (arrangement.supervision_frequency if arrangement else "")
    )

    facts = extract_facts(form, answers)
    assert record.id is not None
    actions = [
        PlanAction(a.description, names.get(a.owner_worker_id or -1, ""), a.due_date)
        for a in ws.store.record_actions(record.id)
    ]
    if not actions:
        _, value = role_value("actions")
        actions = action_rows(value, names)
    review_q, review_value = role_value("action_review")
    if review_q is not None and isinstance(review_value, dict):
        known = case_actions(ws, record.case_id)
        for action_id, verdict in review_value.items():
            if isinstance(verdict, dict) and verdict.get("done") == "no" and str(action_id).isdigit():
                earlier = known.get(int(action_id))
                if earlier is not None:
                    actions.append(
                        PlanAction(
                            earlier.description,
                            names.get(earlier.owner_worker_id or -1, ""),
                            earlier.due_date,
                            carried_forward=True,
                        )
                    )

    decision_q, decision = role_value("decision")
    decision_text = answer_text(decision_q, decision, names) if decision_q else ""
    changes_q = next((q for q in form.questions if q.id == "changes"), None)
    if changes_q is not None and answers.get(changes_q.id):
        decision_text += f"\n{answers[changes_q.id]}"

    workers = tuple(f"{w.name} ({w.role.label})" for w in (ws.store.get_worker(i) for i in ca.worker_ids))
    signatures = ws.store.signatures_for(record.id)
    signed_by = tuple(f"{s.signer_name} ({s.signer_role or Role.TEAM_MANAGER.label})" for s in signatures)
    return AgreedPlan(
        case_reference=case.reference,
        title=record.title or form.title,
        kind_label=record.kind.label,
        meeting_date=record.meeting_date,
        version=record.version,
        amendment_reason=record.amendment_reason,
        signed_at=record.signed_at,
        workers=workers,
        responsibilities=responsibilities,
        responsibilities_source=source,
        discussion_frequency=discussion_text,
        discussion_recorder=recorder,
        discussion_recording=recording,
        supervision_frequency=supervision_text,
        next_review_date=facts.next_review_date,
        actions=tuple(actions),
        learning=tuple(_learning(form, record, ws, names)),
        decision=decision_text.strip(),
        signed_by=signed_by,
    )
