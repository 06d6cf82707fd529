"""Guided sessions: start a meeting's record, save its draft as it is typed, collect signatures, lock it, amend it.

Every function takes the :class:`Workspace` (store + forms + calendar) and returns what changed, so a view can
decide what to refresh.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from cowork_desktop import paths
from cowork_desktop.domain import dates, models
from cowork_desktop.domain.dates import WorkingCalendar
from cowork_desktop.domain.due import (
    NO_DUE_FACTS,
    CoAllocationState,
    DueFacts,
    DueItem,
    RecordFacts,
    RecordSummary,
    coming_up_for,
    due_facts_of,
    due_items,
    due_items_for,
    extract_facts,
    issue_words,
    resort_coming,
    resort_due,
    sort_coming,
    sort_due,
    unresolved_reviews,
)
from cowork_desktop.domain.errors import (
    CoworkError,
    LockedRecordError,
    NotFoundError,
    ProtectionsMissing,
    StoreError,
    ValidationError,
)
from cowork_desktop.domain.forms import (
    FormDefinition,
    QuestionKind,
    answers_shown,
    form_context,
    is_empty,
    validate_answers,
)
from cowork_desktop.domain.names import clean_name, name_problem, same_name
from cowork_desktop.domain.records import (
    AGREEMENT_STATEMENT,
    CANON_VERSION,
    carried_actions,
    content_hash,
    meeting_date_problem,
    missing_signers,
)
from cowork_desktop.domain.settings import NUMBERS, stored_number
from cowork_desktop.forms.loader import FormSet, load_forms
from cowork_desktop.services.calendar import load_calendar
from cowork_desktop.services.changes import NOTHING, Changes, Done
from cowork_desktop.services.reckoned import Reckoned
from cowork_desktop.store.rows import now_utc
from cowork_desktop.store.store import Store

DEFAULT_INITIAL_MEETING_DAYS = NUMBERS["initial_meeting_days"].default
#: the manager's name, as they sign records
SETTING_MANAGER_NAME = "manager_name"


@dataclass
class Workspace:
    """What every use case needs: the open store, the current forms and the working-days calendar."""

    store: Store
    forms: FormSet
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)

    @classmethod
    def open(cls, store: Store, forms_dir: Path | None = None) -> Workspace:
        folder = forms_dir or _forms_dir_setting(store) or paths.forms_dir()
        nation = store.get_setting("nation", "england-and-wales") or "england-and-wales"
        return cls(store, load_forms(folder), load_calendar(nation))

    @property
    def coming_up_days(self) -> int:
        return stored_number("coming_up_days", self.store.get_setting("coming_up_days"))

    @property
    def initial_meeting_days(self) -> int:
        return stored_number("initial_meeting_days", self.store.get_setting("initial_meeting_days"))


def calendar_note(ws: Workspace, on: date) -> str | None:
    """One sentence when the working days the due list reckons (up to the days coming up after ``on``) fall after
    the last year whose one-off bank holidays are known; None otherwise. Say it once, not per date."""
    return ws.calendar.note(on + timedelta(days=ws.coming_up_days))


def _forms_dir_setting(store: Store) -> Path | None:
    value = store.get_setting("forms_dir")
    return Path(value) if value else None


def due_inputs(
    ws: Workspace, on: date, case_id: int | None = None, *, only: list[int] | None = None, drift: bool = False
) -> list[tuple[CoAllocationState, DueFacts]]:
    """What the due rules need of the co-allocations active on ``on`` (one case's, or those with an id in
    ``only``), in id order: each snapshot (no records, no actions) with its :class:`DueFacts`. The facts
    kept at the co-allocation's mark are used as they are; the others are made from its signed records, and kept
    for next time (issue 14: a service's due list is reckoned from a few dates per co-allocation, its records
    read again only where one was written since). With ``drift``, the facts only the drift reads are read too
    (the due list leaves them unparsed)."""
    found = ws.store.due_states(on, case_id, only=only, drift=drift)
    stale = [state.coallocation_id for state, _mark, facts in found if facts is None]
    made: dict[int, DueFacts] = {}
    if stale:
        marks = {state.coallocation_id: mark for state, mark, _facts in found}
        for state in ws.store.coallocation_states(on, only=stale):
            made[state.coallocation_id] = due_facts_of(state)
        ws.store.keep_due_facts([(ca, marks[ca], facts) for ca, facts in made.items()])
    return [
        (state, facts if facts is not None else made.get(state.coallocation_id, NO_DUE_FACTS))
        for state, _mark, facts in found
    ]


def due(ws: Workspace, on: date, case_id: int | None = None, *, from_records: bool = False) -> list[DueItem]:
    """Everything due or overdue on ``on`` (for one case, or all), most urgent first.

    Reckoned from the facts kept per co-allocation (:func:`due_inputs`); ``from_records`` reckons
    from every signed record instead (for checks: the same items).
    """
    if from_records:
        states = ws.store.coallocation_states(on, case_id)
        return due_items(states, on, ws.calendar, ws.initial_meeting_days)
    first = ws.initial_meeting_days
    return sort_due(
        item
        for state, facts in due_inputs(ws, on, case_id)
        for item in due_items_for(state, on, ws.calendar, first, facts=facts)
    )


def coming_up(ws: Workspace, on: date, case_id: int | None = None, days: int | None = None) -> list[DueItem]:
    """What is expected after ``on`` within the next ``days`` (the setting ``coming_up_days``, 14 by default),
    for one case or all, soonest first."""
    return due_and_coming(ws, on, case_id, days)[1]


def due_and_coming(
    ws: Workspace, on: date, case_id: int | None = None, days: int | None = None
) -> tuple[list[DueItem], list[DueItem]]:
    """:func:`due` and :func:`coming_up` from one read of the co-allocations (the dashboard shows both)."""
    days = days or ws.coming_up_days
    calendar, first = ws.calendar, ws.initial_meeting_days
    due_now: list[DueItem] = []
    coming: list[DueItem] = []
    for state, facts in due_inputs(ws, on, case_id):
        due_now += due_items_for(state, on, calendar, first, facts=facts)
        coming += coming_up_for(state, on, days, calendar, first, facts=facts)
    return sort_due(due_now), sort_coming(coming)


#: active co-allocations the dashboard reads per step: a large service's are read in steps, the window painting
#: and answering between them (at 40,000 cases, 5,700 active co-allocations are 23 steps of 20-40 ms)
DASHBOARD_STEP = 250


#: the dashboard's due and coming-up items of each co-allocation, kept between its refreshes (services/reckoned.py)
DueMemo = Reckoned[tuple[list[DueItem], list[DueItem]]]

#: how many co-allocations reckoned again are put into the last ordered lists one by one, not all sorted again
RESORT_AT_MOST = 64


@dataclass(frozen=True)
class _Ordered:
    """The dashboard's last lists in order, and the co-allocations they were made of."""

    due: list[DueItem]
    coming: list[DueItem]
    coallocations: frozenset[int]


class DueAndComing:
    """:func:`due_and_coming` for every case, read ``step`` active co-allocations at a time: call :meth:`advance`
    until it returns True, then :meth:`result` holds the same lists, in the same order. The lists of a large
    service are put in order in a step of their own; a service with no more than ``step`` active co-allocations
    is read, and put in order, in one step. With a ``memo`` (the dashboard's), only the co-allocations whose
    mark moved since it was filled are read and reckoned again."""

    def __init__(
        self,
        ws: Workspace,
        on: date,
        days: int | None = None,
        step: int | None = None,
        memo: DueMemo | None = None,
    ) -> None:
        step = step or DASHBOARD_STEP
        self.ws = ws
        self.on = on
        self.days = days or ws.coming_up_days
        self.initial_meeting_days = ws.initial_meeting_days
        self.memo = memo if memo is not None else DueMemo()
        self.marks = ws.store.coallocation_marks(on)
        key = (on, self.days, self.initial_meeting_days, id(ws.calendar), str(ws.store.path))
        stale = self.memo.stale(key, self.marks)
        #: the co-allocations read in each step
        self.steps = [stale[i : i + step] for i in range(0, len(stale), step)]
        self.done_steps = 0
        self._result: tuple[list[DueItem], list[DueItem]] | None = None

    @property
    def fraction(self) -> float:
        """How much has been done, from 0 to 1."""
        if self._result is not None:
            return 1.0
        return self.done_steps / (len(self.steps) + 1)

    def advance(self) -> bool:
        """Do one more step; True once everything is read and in order."""
        if self.done_steps < len(self.steps):
            calendar, on, days, first = self.ws.calendar, self.on, self.days, self.initial_meeting_days
            for state, facts in due_inputs(self.ws, on, only=self.steps[self.done_steps]):
                self.memo.keep(
                    state.coallocation_id,
                    self.marks[state.coallocation_id],
                    (
                        due_items_for(state, on, calendar, first, facts=facts),
                        coming_up_for(state, on, days, calendar, first, facts=facts),
                    ),
                )
            self.done_steps += 1
            if len(self.steps) > 1:
                return False  # the order in a step of its own
        if self._result is None:
            self._result = self._in_order()
        return True

    def _in_order(self) -> tuple[list[DueItem], list[DueItem]]:
        """Every active co-allocation's items in order: what one reading of them all gives. When only a few were
        reckoned again (a meeting saved between two refreshes), the last lists with theirs put in their places."""
        kept = self.memo.current(self.marks)
        made = self.memo.made
        if isinstance(made, _Ordered):
            replaced = {ca for step in self.steps for ca in step} | (made.coallocations - self.marks.keys())
            if len(replaced) <= RESORT_AT_MOST:
                new = [self.memo.kept[ca][1] for ca in sorted(replaced) if ca in self.memo.kept]
                due = resort_due(made.due, replaced, (i for d, _c in new for i in d))
                coming = resort_coming(made.coming, replaced, (i for _d, c in new for i in c))
                self.memo.made = _Ordered(due, coming, frozenset(self.marks))
                return due, coming
        due = sort_due([i for d, _coming in kept for i in d])
        coming = sort_coming([i for _due, c in kept for i in c])
        self.memo.made = _Ordered(due, coming, frozenset(self.marks))
        return due, coming

    def result(self) -> tuple[list[DueItem], list[DueItem]]:
        """(due, coming up), as :func:`due_and_coming` returns them; everything is read first if it is not yet."""
        while not self.advance():
            pass
        assert self._result is not None
        return self._result


@dataclass(frozen=True)
class OpenIssue:
    """A signed review whose issues no linked issue-resolution MDR has resolved yet."""

    coallocation_id: int
    record_id: int
    meeting_date: date
    issues: str  # in words

    @property
    def label(self) -> str:
        return f"Review of {self.meeting_date:%d %b %Y}: {self.issues}"


def open_issues(ws: Workspace, coallocation_id: int) -> list[OpenIssue]:
    """The issues of the co-allocation still waiting for their issue-resolution MDR, oldest first."""
    ca = ws.store.get_coallocation(coallocation_id)
    summaries = [
        RecordSummary(r.id, r.kind, r.status, r.meeting_date, record_facts(ws, r), r.linked_record_id)
        for r in ws.store.records_for_case(ca.case_id)
        if r.coallocation_id == coallocation_id and r.id is not None
    ]
    return [
        OpenIssue(coallocation_id, r.id, r.meeting_date, issue_words(r.facts.issues_flagged))
        for r in unresolved_reviews(summaries)
    ]


def form_for(ws: Workspace, record: models.Record) -> FormDefinition:
    """The form version the record was captured with (the stored snapshot), never today's file."""
    return ws.store.form_definition(record.form_id, record.form_version)


def context_for(ws: Workspace, ca: models.CoAllocation) -> dict[str, bool]:
    roles = [ws.store.get_worker(w).role.value for w in ca.worker_ids]
    has_actions = bool(ca.id and ws.store.open_actions(ca.id))
    return form_context(roles, [r.value for r in ca.reasons], has_actions)


def allowed_workers(ws: Workspace, ca: models.CoAllocation) -> set[int]:
    return set(ca.worker_ids)


def last_signed_mdr(ws: Workspace, ca: models.CoAllocation) -> models.Record | None:
    """The latest signed arrangement: initial meeting, or a review that changed it."""
    assert ca.id is not None
    found = [
        r
        for r in ws.store.records_for_case(ca.case_id)
        if r.coallocation_id == ca.id
        and r.status == models.RecordStatus.SIGNED
        and r.kind in (models.RecordKind.INITIAL_MEETING, models.RecordKind.ISSUE_RESOLUTION)
    ]
    return found[-1] if found else None


def start_record(
    ws: Workspace,
    coallocation_id: int,
    kind: models.RecordKind,
    meeting_date: date | None = None,
    linked_record_id: int | None = None,
) -> Done[models.Record]:
    """Open the draft of this kind for the co-allocation, or start one (one draft per kind at a time).

    Refused (CoworkError, one line) for a co-allocation that has ended. A record started from another (an
    issue-resolution MDR from the review that flagged the issue) is linked to it and prefilled from it, as the
    form's follow-ups say (the manager does not type again what is already recorded)."""
    ca = ws.store.get_coallocation(coallocation_id)
    refusal = ca.refuses_new(kind, dates.today())
    if refusal:
        raise CoworkError(refusal)
    existing = ws.store.draft_for(coallocation_id, kind)
    if existing is not None and existing.supersedes_id is None:
        if linked_record_id is not None and existing.linked_record_id != linked_record_id and existing.id:
            # the draft started on its own is now what resolves this review: link it, and prefill what is empty
            linked = ws.store.get_record(linked_record_id)
            extra = prefill_from(form_for(ws, linked), linked.answers, existing.form_id)
            kept = {k: v for k, v in existing.answers.items() if not is_empty(v)}
            ws.store.link_record(existing.id, linked_record_id)
            save_draft(ws, existing.id, {**extra, **kept}, based_on=existing.revision + 1)
            return _record_changed(ws.store.get_record(existing.id))
        return Done(existing, NOTHING)  # opened again: nothing changed
    form = ws.forms.for_kind(kind.value)
    answers: dict[str, Any] = {}
    for q in form.questions:
        if q.kind == QuestionKind.RECURRENCE and q.default:
            answers[q.id] = q.default
        if q.kind == QuestionKind.WORKERS:
            answers[q.id] = list(ca.worker_ids)
    if linked_record_id is not None:
        linked = ws.store.get_record(linked_record_id)
        answers.update(prefill_from(form_for(ws, linked), linked.answers, form.id))
    record = models.Record(
        case_id=ca.case_id,
        coallocation_id=coallocation_id,
        kind=kind,
        form_id=form.id,
        form_version=form.version,
        meeting_date=meeting_date or dates.today(),
        answers=answers,
        title=form.mdr_title or form.title,
        linked_record_id=linked_record_id,
    )
    try:
        return _record_changed(ws.store.create_record(record, form))
    except StoreError:
        # another window started the same draft a moment ago: that one is this meeting's draft
        again = ws.store.draft_for(coallocation_id, kind)
        if again is None:
            raise
        return _record_changed(again)


def _record_changed(record: models.Record) -> Done[models.Record]:
    """A draft started, saved, frozen for signatures or signed by a co-worker: the record's views read again."""
    assert record.id is not None
    return Done(record, Changes(records=True, record_ids=frozenset({record.id})))


def prefill_from(source: FormDefinition, answers: dict[str, Any], target_form: str) -> dict[str, Any]:
    """The answers a record started from ``source`` begins with: for each follow-up of ``source`` that the
    answers triggered and that starts ``target_form``, its ``prefill`` (a value, or ``@question`` for the
    source's answer to it). The first triggered follow-up gives a choice; text answers of several are joined,
    each after the label of the issue it describes."""
    out: dict[str, Any] = {}
    for q in source.questions:
        for follow_up in q.follow_ups:
            if follow_up.form != target_form or str(answers.get(q.id)) not in follow_up.when:
                continue
            for target, value in follow_up.prefill.items():
                text = answers.get(value[1:]) if value.startswith("@") else value
                if not isinstance(text, str) or not text.strip():
                    continue
                if target not in out:
                    out[target] = text.strip()
                elif value.startswith("@"):
                    out[target] = f"{out[target]}\n\n{text.strip()}"
    return out


def save_draft(
    ws: Workspace,
    record_id: int,
    answers: dict[str, Any],
    meeting_date: date | None = None,
    *,
    based_on: int,
) -> Done[int]:
    """Called as the manager types: fast, never validates (a half-typed answer is still worth keeping).

    ``based_on`` is the draft's revision the answers were typed over (``Record.revision`` when it was opened, then
    what each save returns): when another window saved since, :class:`StaleDraft` and nothing is written.
    Returns the new revision (``Done.value``)."""
    record = ws.store.get_record(record_id)
    if record.status == models.RecordStatus.SIGNED:
        raise LockedRecordError("record is signed and locked: make an amendment instead")
    facts = extract_facts(form_for(ws, record), answers)
    revision = ws.store.save_answers(record_id, answers, meeting_date, facts, based_on=based_on)
    return Done(revision, Changes(records=True, record_ids=frozenset({record_id})))


def check_complete(ws: Workspace, record: models.Record, section_id: str | None = None) -> dict[str, str]:
    ca = ws.store.get_coallocation(record.coallocation_id)
    return validate_answers(
        form_for(ws, record),
        record.answers,
        context_for(ws, ca),
        allowed_workers(ws, ca),
        record.meeting_date,
        section_id,
    )


def ready_for_signatures(ws: Workspace, record_id: int, *, today: date | None = None) -> Done[models.Record]:
    """Freeze the answers (after checking every required answer) so the people present can sign. Only the
    answers shown are kept (``domain.forms.answers_shown``): an answer to a question hidden again is dropped
    before anyone signs. Given ``today`` (the wizard: the day it is used), a meeting dated after it is refused
    (``domain.records.meeting_date_problem``); without it (the demo, imports, tests building records on dates of
    their own) the date is taken as given."""
    record = ws.store.get_record(record_id)
    if record.status == models.RecordStatus.SIGNED:
        raise LockedRecordError("record is already signed")
    errors = check_complete(ws, record)
    problem = meeting_date_problem(record.meeting_date, today) if today is not None else None
    if problem:
        errors = {"meeting_date": problem, **errors}
    if errors:
        raise ValidationError(errors)
    if record.status == models.RecordStatus.DRAFT:
        form = form_for(ws, record)
        kept = answers_shown(
            form, record.answers, context_for(ws, ws.store.get_coallocation(record.coallocation_id))
        )
        if kept != record.answers:
            ws.store.save_answers(
                record_id, kept, record.meeting_date, extract_facts(form, kept), based_on=record.revision
            )
        ws.store.set_record_status(record_id, models.RecordStatus.AWAITING_SIGNATURES)
    return _record_changed(ws.store.get_record(record_id))


def back_to_draft(ws: Workspace, record_id: int) -> Done[models.Record]:
    ws.store.set_record_status(record_id, models.RecordStatus.DRAFT)
    return _record_changed(ws.store.get_record(record_id))


def required_signers(ws: Workspace, record: models.Record) -> list[int]:
    """The co-workers present (workers listed in the participants question), who sign before the manager."""
    ca = ws.store.get_coallocation(record.coallocation_id)
    form = form_for(ws, record)
    q = form.find_role("participants")
    present = record.answers.get(q.id) if q else None
    if isinstance(present, list) and present:
        return [w for w in present if isinstance(w, int)]
    return list(ca.worker_ids)


def expected_signer_name(ws: Workspace, worker_id: int | None) -> str:
    """The name a signer must sign with: the worker's recorded name, or the manager's (setting
    ``manager_name``; empty until the manager first signs)."""
    if worker_id is not None:
        return ws.store.get_worker(worker_id).name
    return (ws.store.get_setting(SETTING_MANAGER_NAME) or "").strip()


def add_signature(
    ws: Workspace,
    record_id: int,
    *,
    worker_id: int | None,
    name: str,
    role: str,
    method: str,
    strokes: list[list[tuple[float, float]]] | None = None,
    image_png: bytes | None = None,
    statement: str = AGREEMENT_STATEMENT,
) -> Done[models.Signature]:
    """One signature. The name stored is the signer's recorded name (a co-worker's from the workers, the
    manager's from the settings): a typed name must be that name (compared by :func:`same_name`), else it is
    refused with a message naming the expected name. So what the screen shows is what is stored."""
    record = ws.store.get_record(record_id)
    if record.status != models.RecordStatus.AWAITING_SIGNATURES:
        raise CoworkError("the record is not ready for signatures: finish the questions first")
    if method not in ("drawn", "typed"):
        raise ValidationError({"method": "Sign by drawing or by typing your name."})
    if method == "drawn" and not strokes:
        raise ValidationError({"signature": "Draw the signature in the box, or type your name instead."})
    expected = expected_signer_name(ws, worker_id)
    if worker_id is not None:
        worker = ws.store.get_worker(worker_id)
        role = worker.role.label
        typed = name if method == "typed" else (name or expected)
    else:
        typed = name
    if not typed.strip():
        raise ValidationError({"name": "Type the name of the person signing."})
    problem = name_problem(typed, "A signature")
    if problem:
        raise ValidationError({"name": problem})
    if expected and not same_name(typed, expected):
        raise ValidationError(
            {"name": f"The name typed is not the signer's: type {expected} (as recorded) to sign."}
        )
    if worker_id is not None and any(s.worker_id == worker_id for s in ws.store.signatures_for(record_id)):
        raise ValidationError({"signature": f"{expected} has already signed this record."})
    sig = models.Signature(
        record_id=record_id,
        signer_name=clean_name(expected or typed),
        signer_role=role,
        method=method,
        statement=statement,
        signed_at=now_utc(),
        worker_id=worker_id,
        strokes=strokes or [],
        image_png=image_png,
    )
    return Done(ws.store.add_signature(sig), Changes(records=True, record_ids=frozenset({record_id})))


def sign_off(
    ws: Workspace,
    record_id: int,
    *,
    manager_name: str,
    method: str = "typed",
    strokes: list[list[tuple[float, float]]] | None = None,
    image_png: bytes | None = None,
) -> Done[models.Record]:
    """The manager signs last; the record is then locked with its content hash, agreed actions and frame.

    ``manager_name`` is what the manager typed: it must be the manager's name in the settings; when none is set
    yet, it becomes that name. Refused while the database's protections are missing."""
    problems = ws.store.protection_problems(fresh=True)
    if problems:
        raise ProtectionsMissing(
            f"{ws.store.path}: {problems[0].message}; nothing can be signed until the protections are restored "
            "(cowork check --repair) or a backup that checks is restored"
        )
    record = ws.store.get_record(record_id)
    signatures = ws.store.signatures_for(record_id)
    missing = missing_signers(required_signers(ws, record), signatures)
    if missing:
        names = ", ".join(ws.store.get_worker(w).name for w in missing)
        raise ValidationError({"signature": f"Still to sign before the manager: {names}."})
    named_now = not expected_signer_name(ws, None)
    if named_now:
        problem = name_problem(manager_name, "The manager's name") or (
            "" if manager_name.strip() else "Type the manager's name."
        )
        if problem:
            raise ValidationError({"name": problem})
        ws.store.set_setting(SETTING_MANAGER_NAME, clean_name(manager_name))
    add_signature(
        ws,
        record_id,
        worker_id=None,
        name=manager_name,
        role=models.Role.TEAM_MANAGER.label,
        method=method,
        strokes=strokes,
        image_png=image_png,
    )
    record = ws.store.get_record(record_id)
    signatures = ws.store.signatures_for(record_id)
    form = form_for(ws, record)
    case = ws.store.get_case(record.case_id)
    ca = ws.store.get_coallocation(record.coallocation_id)
    agreed = _agreed_actions(form, record)
    earlier = ws.store.record_actions(record.supersedes_id) if record.supersedes_id is not None else []
    carried, new = carried_actions(earlier, agreed)
    completed = _completed_actions(form, record)
    record.signed_frame = signed_frame(ws, form, record, ca)
    form_sha = ws.store.form_digests()[(record.form_id, record.form_version)][0]
    kept = [a for a in earlier if a.id in set(carried)]
    digest = content_hash(record, case.reference, signatures, [*kept, *new], form_sha, CANON_VERSION)
    ends = (
        closing_end(form, record)
        if record.kind == models.RecordKind.CLOSING and ca.end_date is None
        else None
    )
    signed = ws.store.finalise_record(
        record_id,
        digest,
        extract_facts(form, record.answers),
        new,
        completed,
        CANON_VERSION,
        record.signed_frame,
        carried=carried,
        ends=ends,
    )
    ws.store.checkpoint()  # the signed record into the database file itself: a lost -wal cannot take it
    # signed: the record is locked, its actions agreed and done ones closed, the earlier version superseded, the
    # chain's head moved; a closing meeting ends the co-allocation; a first signature names the manager
    ids = frozenset({record_id} | ({record.supersedes_id} if record.supersedes_id is not None else set()))
    return Done(
        signed,
        Changes(
            records=True,
            audit=True,
            coallocations=ends is not None,
            settings=named_now,
            case_ids=frozenset({record.case_id}),
            record_ids=ids,
        ),
    )


def closing_end(form: FormDefinition, record: models.Record) -> tuple[date, str]:
    """A closing MDR ends its co-allocation on its meeting date, for the reason it gives."""
    question = form.find_role("end_reason") or next((q for q in form.questions if q.id == "end_reason"), None)
    reason = record.answers.get(question.id) if question is not None else None
    return record.meeting_date, str(reason).strip() if isinstance(reason, str) else ""


def signed_frame(
    ws: Workspace, form: FormDefinition, record: models.Record, ca: models.CoAllocation
) -> dict[str, Any]:
    """What the record's display depends on, as it is now (see :attr:`Record.signed_frame`): the conditions
    that choose its questions, and the name and role of every worker it refers to (the co-workers, workers
    chosen in its answers, and the owners of actions agreed in its case)."""
    ids: set[int] = set(ca.worker_ids)
    for q in form.questions:
        value = record.answers.get(q.id)
        found: list[Any] = []
        if q.kind in (QuestionKind.WORKER, QuestionKind.WORKERS):
            found = value if isinstance(value, list) else [value]
        elif q.kind == QuestionKind.RESPONSIBILITIES and isinstance(value, dict):
            found = [e.get("lead") for e in value.values() if isinstance(e, dict)]
        elif q.kind == QuestionKind.ACTIONS and isinstance(value, list):
            found = [i.get("owner") for i in value if isinstance(i, dict)]
        ids.update(v for v in found if isinstance(v, int))
    ids.update(ws.store.action_owners_for_case(record.case_id))
    people: dict[str, dict[str, str]] = {}
    for worker_id in sorted(ids):
        try:
            worker = ws.store.get_worker(worker_id)
        except NotFoundError:
            continue
        people[str(worker_id)] = {"name": worker.name, "role": worker.role.value}
    return {"context": context_for(ws, ca), "people": people}


def _agreed_actions(form: FormDefinition, record: models.Record) -> list[models.Action]:
    found = []
    for q in form.questions:
        if q.kind != QuestionKind.ACTIONS:
            continue
        for item in record.answers.get(q.id) or []:
            found.append(
                models.Action(
                    description=str(item.get("description", "")).strip(),
                    owner_worker_id=item.get("owner") if isinstance(item.get("owner"), int) else None,
                    due_date=date.fromisoformat(item["due"]) if item.get("due") else None,
                )
            )
    return found


def _completed_actions(form: FormDefinition, record: models.Record) -> list[tuple[int, date]]:
    done = []
    for q in form.questions:
        if q.kind != QuestionKind.ACTION_REVIEW:
            continue
        for action_id, verdict in (record.answers.get(q.id) or {}).items():
            if isinstance(verdict, dict) and verdict.get("done") == "yes":
                done.append((int(action_id), record.meeting_date))
    return done


def amend(ws: Workspace, record_id: int, reason: str) -> Done[models.Record]:
    """A correction to a signed record: a new draft version linked to the one it supersedes."""
    original = ws.store.get_record(record_id)
    if original.status != models.RecordStatus.SIGNED:
        raise CoworkError("only a signed record is amended; a draft can simply be edited")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the record is being amended."})
    newer = [r for r in ws.store.records_for_case(original.case_id) if r.supersedes_id == record_id]
    if newer:
        raise CoworkError(f"record {record_id} has already been amended (version {newer[-1].version})")
    copy = models.Record(
        case_id=original.case_id,
        coallocation_id=original.coallocation_id,
        kind=original.kind,
        form_id=original.form_id,
        form_version=original.form_version,
        meeting_date=original.meeting_date,
        answers=dict(original.answers),
        title=original.title,
        version=original.version + 1,
        supersedes_id=original.id,
        amendment_reason=reason.strip(),
        linked_record_id=original.linked_record_id,
    )
    return _record_changed(ws.store.create_record(copy, form_for(ws, original)))


def record_facts(ws: Workspace, record: models.Record) -> RecordFacts:
    return extract_facts(form_for(ws, record), record.answers)


def sign_time() -> datetime:
    return now_utc()


# -- what the views read of records ------------------------------------------------------------------------------


def record(ws: Workspace, record_id: int) -> models.Record:
    return ws.store.get_record(record_id)


def records_for_case(ws: Workspace, case_id: int) -> list[models.Record]:
    """Every record of the case (every version), oldest first."""
    return ws.store.records_for_case(case_id)


def signatures(ws: Workspace, record_id: int) -> list[models.Signature]:
    return ws.store.signatures_for(record_id)


def open_actions(ws: Workspace, coallocation_id: int) -> list[models.Action]:
    """The agreed actions of the co-allocation not done yet, in due-date order."""
    return ws.store.open_actions(coallocation_id)
