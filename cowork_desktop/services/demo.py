"""Fictional demo data that shows every state the app knows, made through the real use cases.

Every person, case reference and sentence here is invented. Cases are known by reference only (never a child's
name). Dates are relative to ``today`` so the demo always shows each state: an initial meeting that is due and
one that is overdue, reviews not yet due, due soon and overdue, an urgent unresolved disagreement, a resolved
issue, a missing reflective discussion, overdue actions, an ended co-working, a draft and a record awaiting
signatures.

Records are made with :mod:`cowork_desktop.services.sessions` (start, save, ready, sign, sign off), so they are
complete, signed and locked exactly as if a manager had made them. Answers are generated from the form
definitions themselves, so the demo keeps working when a form gains or loses a question.

Loading is idempotent: a case reference that already exists is left alone, so running the demo twice adds nothing
and running it on a database missing some demo cases tops it up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from cowork_desktop.domain.errors import CoworkError, NotFoundError
from cowork_desktop.domain.forms import FormDefinition, Question, QuestionKind
from cowork_desktop.domain.models import (
    Action,
    Case,
    CaseStatus,
    CoAllocation,
    PlanType,
    Reason,
    Record,
    RecordKind,
    Role,
    Worker,
    learner_ids,
)
from cowork_desktop.services import sessions
from cowork_desktop.services.sessions import Workspace

DEMO_TEAM = "Assessment Team 2 (demo)"

#: (name, role): fictional people, with names in several scripts to exercise fonts.
DEMO_WORKERS: tuple[tuple[str, Role], ...] = (
    ("Amara Okafor", Role.TEAM_MANAGER),
    ("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER),
    ("Łukasz Wiśniewski", Role.STUDENT),
    ("عائشة خان", Role.ASYE),
    ("Daniel Mensah", Role.SOCIAL_WORKER),
    ("Siobhán Nic Giolla Phádraig", Role.SENIOR_PRACTITIONER),
    ("Priya Raman", Role.ASYE),
    ("Tomás García-Núñez", Role.SOCIAL_WORKER),
    ("Mei Lin Chen", Role.STUDENT),
    ("Gareth Llewelyn", Role.SOCIAL_WORKER),
)
MANAGER_NAME = DEMO_WORKERS[0][0]

#: Plausible, invented answers for text questions, by question id; anything else gets the generic sentence.
TEXT_BANK: dict[str, str] = {
    "discussion_recording": "A 'discussion with colleague' case note on the child's record within two working days.",
    "learner_contribution": "Joins every visit and drafts sections of the assessment for the lead to review.",
    "analysis_recording": "In the 'discussion with colleague' case note, and brought to supervision.",
    "learning_evidence": "In the worker's supervision file, against the agreed learning plan.",
    "learning_opportunities": "Direct work with the children, chairing the core group, presenting to conference.",
    "joint_visits_detail": "All home visits are joint; the workers check in with the duty desk before and after.",
    "absence_cover": "The other co-worker covers visits and urgent tasks; the duty senior covers if both are away.",
    "decision": "Co-working agreed as set out above, with the experienced worker leading at first.",
    "facts_and_reflection": "The plan is clear and both workers understand their roles.",
    "risks_and_analysis": "Risk of inconsistent messages to the family; managed by a shared weekly update.",
    "timeframe": "For the next three months, reviewed in supervision.",
    "childs_voice": "The children said they want one worker they know to explain what happens next.",
    "handover": "Reports in progress and the next two visits pass to the lead worker; the family has been told.",
    "learning_summary": "Now plans and leads visits with confidence; evidence is in the supervision file.",
    "issue_description": "The co-workers gave the family different dates for the next meeting.",
    "effect_on_child": "The child was unsure who was visiting and when, which made them anxious.",
    "analysis": "The children seem more settled; the co-workers agree the plan is on track.",
    "plan_impact": "No change to the plan; raise school attendance at the next supervision.",
    "learning": "How to explain the plan to a parent who disagrees with it, without losing the relationship.",
    "plan_progress_detail": "Visits are on time and the assessment is on track for its deadline.",
    "delays_detail": "The assessment is two weeks late because visits were not arranged.",
    "disagreements_detail": "The workers disagree on whether the children should see their father this month.",
    "role_uncertainty_detail": "It is unclear who chairs the core group while the lead is on leave.",
    "learner_development": "Growing in confidence; now contributes to analysis in the assessment.",
    "changes": "The less experienced worker now leads on recording.",
}
GENERIC_TEXT = "Discussed and agreed in supervision (fictional demo text)."

#: Cosmetic answers that make a demo review read like a working arrangement; ignored if a form lacks them.
POSITIVE_REVIEW: dict[str, Any] = {
    "plan_progressing": "yes",
    "proactive_information_sharing": "yes",
    "proactive_tasks": "yes",
    "proactive_outcomes": "yes",
    "partnership_ladder": "Collaboration",
}


@dataclass
class DemoSummary:
    workers_added: int = 0
    cases_added: int = 0
    records_added: int = 0
    cases_present: int = 0
    case_references: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (
            f"{self.cases_added} demo case(s) added, {self.cases_present} already present; "
            f"{self.workers_added} worker(s) and {self.records_added} record(s) added"
        )


# -- answers -------------------------------------------------------------------------------------------------


def _override_for(q: Question, overrides: Mapping[str, Any]) -> tuple[bool, Any]:
    """An override names a question by its id or by its role."""
    if q.id in overrides:
        return True, overrides[q.id]
    if q.role and q.role in overrides:
        return True, overrides[q.role]
    return False, None


def _default_answer(
    q: Question,
    ca: CoAllocation,
    meeting_date: date,
    experienced_id: int,
    open_actions: Sequence[Action],
) -> Any:
    other_id = next(w for w in ca.worker_ids if w != experienced_id)
    kind = q.kind
    if kind == QuestionKind.TEXT:
        return TEXT_BANK.get(q.id, GENERIC_TEXT)
    if kind == QuestionKind.YES_NO:
        return "no"
    if kind == QuestionKind.CHOICE:
        return q.choices[0]
    if kind == QuestionKind.DATE:
        weeks = 6 if q.role == "next_review_date" else 2
        return (meeting_date + timedelta(weeks=weeks)).isoformat()
    if kind == QuestionKind.WORKER:
        return ca.lead_worker_id
    if kind == QuestionKind.WORKERS:
        return list(ca.worker_ids)
    if kind == QuestionKind.RECURRENCE:
        return q.default or "FREQ=WEEKLY;INTERVAL=2"
    if kind == QuestionKind.RESPONSIBILITIES:
        return {task: {"lead": experienced_id, "joint": n % 3 == 0} for n, task in enumerate(q.tasks)}
    if kind == QuestionKind.ACTIONS:
        return demo_actions(
            [experienced_id, other_id], [meeting_date + timedelta(weeks=2), meeting_date + timedelta(weeks=4)]
        )
    if kind == QuestionKind.ACTION_REVIEW:
        return {str(a.id): {"done": "yes", "note": "Done (demo)."} for a in open_actions}
    return None  # info: nothing to answer


def demo_actions(owners: Sequence[int], dues: Sequence[date]) -> list[dict[str, Any]]:
    """Actions (one per due date), owners taken in turn."""
    texts = (
        "Book the next joint home visit and tell the family who is coming",
        "Share the updated plan with the school and the health visitor",
        "Draft the assessment section on the children's views",
        "Write up the last core group in the case record",
    )
    return [
        {"description": texts[n % len(texts)], "owner": owners[n % len(owners)], "due": due.isoformat()}
        for n, due in enumerate(dues)
    ]


def demo_answers(
    form: FormDefinition,
    ca: CoAllocation,
    context: Mapping[str, bool],
    meeting_date: date,
    overrides: Mapping[str, Any] | None = None,
    *,
    experienced_id: int | None = None,
    open_actions: Sequence[Action] = (),
) -> dict[str, Any]:
    """Plausible fictional answers for every question shown, by kind, with ``overrides`` (by id or role) first.

    Questions appear and disappear with earlier answers, so the form is filled until no new question shows.
    """
    chosen = overrides or {}
    lead = experienced_id if experienced_id is not None else ca.lead_worker_id
    answers: dict[str, Any] = {}
    for q in form.questions:
        found, value = _override_for(q, chosen)
        if found and not (q.kind == QuestionKind.CHOICE and value not in q.choices):
            answers[q.id] = value
    while True:
        added = False
        for q in form.visible_questions(answers, context):
            if q.id in answers or q.kind == QuestionKind.INFO:
                continue
            answers[q.id] = _default_answer(q, ca, meeting_date, lead, open_actions)
            added = True
        if not added:
            break
    visible = {q.id for q in form.visible_questions(answers, context)}
    return {k: v for k, v in answers.items() if k in visible and v is not None}


def flag_question(form: FormDefinition, prefer: str = "disagree") -> Question:
    """The yes/no question whose "yes" demands an urgent issue-resolution MDR (preferring one about ``prefer``)."""
    flagging = [
        q
        for q in form.questions
        if q.kind == QuestionKind.YES_NO and any(fu.urgent and "yes" in fu.when for fu in q.follow_ups)
    ]
    if not flagging:
        raise CoworkError(f"form '{form.id}' has no question that flags an urgent issue")
    return next((q for q in flagging if prefer in q.id), flagging[0])


# -- making records ------------------------------------------------------------------------------------------


class _Maker:
    def __init__(self, ws: Workspace, workers: dict[str, Worker], summary: DemoSummary) -> None:
        self.ws = ws
        self.workers = workers
        self.summary = summary

    def experienced(self, ca: CoAllocation) -> int:
        roles = {w: self.ws.store.get_worker(w).role for w in ca.worker_ids}
        learners = learner_ids(roles, ca.lead_worker_id, ca.reasons)
        others = [w for w in ca.worker_ids if w not in learners]
        return ca.lead_worker_id if ca.lead_worker_id in others or not others else others[0]

    def draft(
        self,
        ca: CoAllocation,
        kind: RecordKind,
        meeting_date: date,
        overrides: Mapping[str, Any] | None = None,
        linked_record_id: int | None = None,
        record_id: int | None = None,
    ) -> Record:
        """A complete draft of ``kind`` (or new answers for the draft ``record_id``)."""
        assert ca.id is not None
        ws = self.ws
        if record_id is None:
            record = sessions.start_record(ws, ca.id, kind, meeting_date, linked_record_id).value
            self.summary.records_added += 1
        else:
            record = ws.store.get_record(record_id)
        form = sessions.form_for(ws, record)
        answers = demo_answers(
            form,
            ca,
            sessions.context_for(ws, ca),
            meeting_date,
            overrides,
            experienced_id=self.experienced(ca),
            open_actions=ws.store.open_actions(ca.id),
        )
        assert record.id is not None
        sessions.save_draft(ws, record.id, answers, meeting_date, based_on=record.revision)
        record = ws.store.get_record(record.id)
        errors = sessions.check_complete(ws, record)
        if errors:
            detail = "; ".join(f"{k}: {v}" for k, v in errors.items())
            raise CoworkError(f"demo answers for form '{form.id}' are incomplete ({detail})")
        return record

    def sign_workers(self, record: Record, only: Sequence[int] | None = None) -> None:
        assert record.id is not None
        sessions.ready_for_signatures(self.ws, record.id)
        for worker_id in sessions.required_signers(self.ws, record):
            if only is not None and worker_id not in only:
                continue
            worker = self.ws.store.get_worker(worker_id)
            sessions.add_signature(
                self.ws,
                record.id,
                worker_id=worker_id,
                name=worker.name,
                role=worker.role.label,
                method="typed",
            )

    def signed(
        self,
        ca: CoAllocation,
        kind: RecordKind,
        meeting_date: date,
        overrides: Mapping[str, Any] | None = None,
        linked_record_id: int | None = None,
    ) -> Record:
        record = self.draft(ca, kind, meeting_date, overrides, linked_record_id)
        self.sign_workers(record)
        assert record.id is not None
        return sessions.sign_off(self.ws, record.id, manager_name=MANAGER_NAME).value


# -- the scenarios ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scenario:
    reference: str
    initials: str
    plan: PlanType
    pair: tuple[str, str]  # names: (worker 1 = lead, worker 2)
    reasons: tuple[Reason, ...]
    start_days_ago: int
    build: Callable[[_Maker, CoAllocation, date], None]
    children: int = 1


def _future(ca: CoAllocation, m: _Maker, today: date, *days: int) -> list[dict[str, Any]]:
    lead = m.experienced(ca)
    other = next(w for w in ca.worker_ids if w != lead)
    return demo_actions([lead, other], [today + timedelta(days=d) for d in days])


def _awaiting_initial(m: _Maker, ca: CoAllocation, today: date) -> None:
    """Co-allocated yesterday: the initial meeting is due, not yet overdue."""


def _initial_overdue(m: _Maker, ca: CoAllocation, today: date) -> None:
    """Co-allocated three weeks ago and still no initial meeting."""


def _review_not_due(m: _Maker, ca: CoAllocation, today: date) -> None:
    """Initial MDR signed ten days ago; the first review is weeks away. The MDR was amended once (version 2)."""
    first = m.signed(ca, RecordKind.INITIAL_MEETING, today - timedelta(days=10))
    assert first.id is not None
    amended = sessions.amend(m.ws, first.id, "Corrected who records the case discussions").value
    m.summary.records_added += 1
    assert amended.id is not None
    other = next(w for w in ca.worker_ids if w != m.experienced(ca))
    m.draft(
        ca,
        RecordKind.INITIAL_MEETING,
        amended.meeting_date,
        {"discussion_recorder": other},
        record_id=amended.id,
    )
    m.sign_workers(amended)
    sessions.sign_off(m.ws, amended.id, manager_name=MANAGER_NAME)


def _review_due_soon(m: _Maker, ca: CoAllocation, today: date) -> None:
    m.signed(
        ca,
        RecordKind.INITIAL_MEETING,
        today - timedelta(days=39),
        {
            "next_review_date": (today + timedelta(days=3)).isoformat(),
            "actions": _future(ca, m, today, 10, 20),
        },
    )
    m.signed(ca, RecordKind.REFLECTIVE_DISCUSSION, today - timedelta(days=5), {"actions": []})


def _review_overdue(m: _Maker, ca: CoAllocation, today: date) -> None:
    m.signed(
        ca, RecordKind.INITIAL_MEETING, today - timedelta(days=60), {"actions": _future(ca, m, today, 10, 24)}
    )
    m.signed(ca, RecordKind.REFLECTIVE_DISCUSSION, today - timedelta(days=6), {"actions": []})


def _urgent_disagreement(m: _Maker, ca: CoAllocation, today: date) -> None:
    m.signed(ca, RecordKind.INITIAL_MEETING, today - timedelta(days=50))
    review_form = m.ws.forms.for_kind(RecordKind.REVIEW.value)
    flag = flag_question(review_form, "disagree")
    m.signed(ca, RecordKind.REVIEW, today - timedelta(days=8), {**POSITIVE_REVIEW, flag.id: "yes"})
    m.signed(ca, RecordKind.REFLECTIVE_DISCUSSION, today - timedelta(days=4), {"actions": []})


def _issue_resolved(m: _Maker, ca: CoAllocation, today: date) -> None:
    m.signed(ca, RecordKind.INITIAL_MEETING, today - timedelta(days=70))
    review_form = m.ws.forms.for_kind(RecordKind.REVIEW.value)
    flag = flag_question(review_form, "delay")
    review = m.signed(
        ca,
        RecordKind.REVIEW,
        today - timedelta(days=28),
        {**POSITIVE_REVIEW, flag.id: "yes", "actions": []},
    )
    m.signed(
        ca,
        RecordKind.ISSUE_RESOLUTION,
        today - timedelta(days=25),
        {"actions": _future(ca, m, today, 7, 21)},
        linked_record_id=review.id,
    )
    m.signed(ca, RecordKind.REFLECTIVE_DISCUSSION, today - timedelta(days=3), {"actions": []})


def _discussion_missing(m: _Maker, ca: CoAllocation, today: date) -> None:
    m.signed(
        ca, RecordKind.INITIAL_MEETING, today - timedelta(days=30), {"actions": _future(ca, m, today, 9, 30)}
    )


def _overdue_actions(m: _Maker, ca: CoAllocation, today: date) -> None:
    """Actions from the initial MDR: one done at the review, one still open and overdue."""
    m.signed(ca, RecordKind.INITIAL_MEETING, today - timedelta(days=45))
    open_actions = m.ws.store.open_actions(ca.id or 0)
    review = {str(a.id): {"done": "yes" if n == 0 else "no", "note": ""} for n, a in enumerate(open_actions)}
    for verdict in review.values():
        verdict["note"] = "Done (demo)." if verdict["done"] == "yes" else "Not done yet: carried forward."
    m.signed(
        ca,
        RecordKind.REVIEW,
        today - timedelta(days=14),
        {**POSITIVE_REVIEW, "action_review": review, "actions": _future(ca, m, today, 5, 19)},
    )
    m.signed(ca, RecordKind.REFLECTIVE_DISCUSSION, today - timedelta(days=5), {"actions": []})


def _ended(m: _Maker, ca: CoAllocation, today: date) -> None:
    """Co-working ended ten days ago with a signed closing MDR."""
    m.signed(ca, RecordKind.INITIAL_MEETING, today - timedelta(days=115))
    m.signed(ca, RecordKind.REVIEW, today - timedelta(days=73), POSITIVE_REVIEW)
    end = today - timedelta(days=10)
    m.signed(ca, RecordKind.CLOSING, end)
    ca.end_date = end
    ca.end_reason = "Student placement ended"
    m.ws.store.update_coallocation(ca)


def _draft_in_progress(m: _Maker, ca: CoAllocation, today: date) -> None:
    """The initial meeting is being recorded today: a draft with some answers."""
    assert ca.id is not None
    record = m.draft(ca, RecordKind.INITIAL_MEETING, today)
    assert record.id is not None
    form = sessions.form_for(m.ws, record)
    half = [q.id for q in form.questions][: len(form.questions) // 2]
    sessions.save_draft(
        m.ws,
        record.id,
        {k: v for k, v in record.answers.items() if k in half},
        today,
        based_on=record.revision,
    )


def _awaiting_signatures(m: _Maker, ca: CoAllocation, today: date) -> None:
    """A review held yesterday: the experienced worker has signed, the other worker has not."""
    m.signed(
        ca, RecordKind.INITIAL_MEETING, today - timedelta(days=20), {"actions": _future(ca, m, today, 8, 15)}
    )
    m.signed(ca, RecordKind.REFLECTIVE_DISCUSSION, today - timedelta(days=7), {"actions": []})
    review = m.draft(ca, RecordKind.REVIEW, today - timedelta(days=1), POSITIVE_REVIEW)
    m.sign_workers(review, only=[m.experienced(ca)])


SCENARIOS: tuple[_Scenario, ...] = (
    _Scenario(
        "CR-2026-0101",
        "AB",
        PlanType.ASSESSMENT,
        ("Zoë Ó Súilleabháin", "Łukasz Wiśniewski"),
        (Reason.DEVELOPMENT,),
        1,
        _awaiting_initial,
    ),
    _Scenario(
        "CR-2026-0102",
        "CD, EF",
        PlanType.CHILD_IN_NEED,
        ("Daniel Mensah", "عائشة خان"),
        (Reason.SIBLING_GROUP, Reason.DEVELOPMENT),
        21,
        _initial_overdue,
        children=2,
    ),
    _Scenario(
        "CR-2026-0103",
        "GH",
        PlanType.CHILD_PROTECTION,
        ("Siobhán Nic Giolla Phádraig", "Priya Raman"),
        (Reason.COMPLEXITY, Reason.DEVELOPMENT),
        14,
        _review_not_due,
    ),
    _Scenario(
        "CR-2026-0104",
        "JK",
        PlanType.LOOKED_AFTER,
        ("Tomás García-Núñez", "Gareth Llewelyn"),
        (Reason.COMPLEXITY,),
        42,
        _review_due_soon,
    ),
    _Scenario(
        "CR-2026-0105",
        "LM, NP, QR",
        PlanType.CHILD_PROTECTION,
        ("Zoë Ó Súilleabháin", "Mei Lin Chen"),
        (Reason.SIBLING_GROUP, Reason.DEVELOPMENT),
        63,
        _review_overdue,
        children=3,
    ),
    _Scenario(
        "CR-2026-0106",
        "ST",
        PlanType.PRE_PROCEEDINGS,
        ("Daniel Mensah", "Tomás García-Núñez"),
        (Reason.SAFETY, Reason.COMPLEXITY),
        53,
        _urgent_disagreement,
    ),
    _Scenario(
        "CR-2026-0107",
        "UV",
        PlanType.CHILD_IN_NEED,
        ("Siobhán Nic Giolla Phádraig", "عائشة خان"),
        (Reason.DEVELOPMENT,),
        72,
        _issue_resolved,
    ),
    _Scenario(
        "CR-2026-0108",
        "WX",
        PlanType.CARE_PROCEEDINGS,
        ("Gareth Llewelyn", "Priya Raman"),
        (Reason.COMPLEXITY, Reason.DEVELOPMENT),
        33,
        _discussion_missing,
    ),
    _Scenario(
        "CR-2026-0109",
        "YZ",
        PlanType.CHILD_PROTECTION,
        ("Tomás García-Núñez", "Łukasz Wiśniewski"),
        (Reason.DEVELOPMENT, Reason.COVER),
        47,
        _overdue_actions,
    ),
    _Scenario(
        "CR-2026-0110",
        "AC",
        PlanType.LOOKED_AFTER,
        ("Daniel Mensah", "Mei Lin Chen"),
        (Reason.DEVELOPMENT,),
        120,
        _ended,
    ),
    _Scenario(
        "CR-2026-0111",
        "BD, FG",
        PlanType.ASSESSMENT,
        ("Zoë Ó Súilleabháin", "Gareth Llewelyn"),
        (Reason.SIBLING_GROUP,),
        2,
        _draft_in_progress,
        children=2,
    ),
    _Scenario(
        "CR-2026-0112",
        "HJ",
        PlanType.CHILD_IN_NEED,
        ("Siobhán Nic Giolla Phádraig", "Daniel Mensah"),
        (Reason.COVER,),
        22,
        _awaiting_signatures,
    ),
)

DEMO_REFERENCES = tuple(s.reference for s in SCENARIOS)


def _ensure_workers(ws: Workspace, summary: DemoSummary) -> dict[str, Worker]:
    found: dict[str, Worker] = {}
    for name, role in DEMO_WORKERS:
        try:
            found[name] = ws.store.find_worker(name)
        except NotFoundError:
            found[name] = ws.store.add_worker(Worker(name, role, DEMO_TEAM))
            summary.workers_added += 1
    return found


def _case_exists(ws: Workspace, reference: str) -> bool:
    try:
        ws.store.find_case(reference)
    except NotFoundError:
        return False
    return True


DEMO_ORGANISATION = "Northbrook Borough Council (fictional)"


def load_demo(ws: Workspace, today: date) -> DemoSummary:
    """Add the demo workers and cases that are not there yet, and mark the database as a demo."""
    summary = DemoSummary(case_references=list(DEMO_REFERENCES))
    workers = _ensure_workers(ws, summary)
    maker = _Maker(ws, workers, summary)
    for scenario in SCENARIOS:
        if _case_exists(ws, scenario.reference):
            summary.cases_present += 1
            continue
        case = ws.store.add_case(
            Case(scenario.reference, scenario.children, scenario.initials, scenario.plan, CaseStatus.OPEN)
        )
        first, second = (workers[n] for n in scenario.pair)
        assert case.id is not None and first.id is not None and second.id is not None
        ca = ws.store.add_coallocation(
            CoAllocation(
                case.id,
                first.id,
                second.id,
                first.id,
                today - timedelta(days=scenario.start_days_ago),
                list(scenario.reasons),
            )
        )
        summary.cases_added += 1
        scenario.build(maker, ca, today)
    ws.store.set_setting("demo", "1")
    if not ws.store.get_setting("organisation"):
        ws.store.set_setting("organisation", DEMO_ORGANISATION)
    return summary
