"""What is due and overdue on a given day, from plain snapshots of each co-allocation.

The rules come from the co-working protocol:

* the manager meets both co-workers and records an MDR when a case is co-allocated (due within N working days);
* the co-working is reviewed in formal supervision (the next review date agreed last time, or the agreed joint
  supervision frequency);
* the co-workers hold reflective case discussions as often as agreed;
* delays, disagreements or uncertainty about roles found in a review are resolved urgently, in an MDR;
* people do what they promise: agreed actions are done by their due date.
"""

from __future__ import annotations

import json
from bisect import insort_right
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

from cowork_desktop.domain.cadence import Agreed, SettledPart, settle
from cowork_desktop.domain.dates import (
    WorkingCalendar,
    after_interval,
    describe_rrule,
    occurrences_after,
    parse_rrule_safe,
)
from cowork_desktop.domain.forms import FormDefinition
from cowork_desktop.domain.models import RecordKind, RecordStatus, action_overdue, active_on


class Severity(StrEnum):
    URGENT = "urgent"
    OVERDUE = "overdue"
    DUE = "due"
    COMING = "coming"  # expected within the next days (the dashboard's "Coming up")


SEVERITY_ORDER = {Severity.URGENT: 0, Severity.OVERDUE: 1, Severity.DUE: 2, Severity.COMING: 3}
#: how many days ahead "Coming up" looks by default (setting ``coming_up_days``)
COMING_UP_DAYS = 14

#: how many days ahead a review or discussion counts as "due soon"
DUE_SOON_DAYS = 7


@dataclass(frozen=True, slots=True)
class RecordFacts:
    """What the due rules need from a record's answers (kept as columns so the dashboard is one query)."""

    next_review_date: date | None = None
    discussion_rrule: str = ""
    supervision_rrule: str = ""
    issues_flagged: tuple[str, ...] = ()


def extract_facts(form: FormDefinition, answers: Mapping[str, Any]) -> RecordFacts:
    """Read the questions tagged with a ``role`` in the form, and the urgent follow-ups that were triggered."""
    next_review: date | None = None
    q = form.find_role("next_review_date")
    if q is not None and isinstance(answers.get(q.id), str):
        try:
            next_review = date.fromisoformat(answers[q.id])
        except ValueError:
            next_review = None

    def rule(role: str) -> str:
        found = form.find_role(role)
        value = answers.get(found.id) if found else None
        return value if isinstance(value, str) and parse_rrule_safe(value) else ""

    flagged = tuple(
        q.id
        for q in form.questions
        if any(fu.urgent and str(answers.get(q.id)) in fu.when for fu in q.follow_ups)
    )
    return RecordFacts(
        next_review_date=next_review,
        discussion_rrule=rule("discussion_frequency"),
        supervision_rrule=rule("supervision_frequency"),
        issues_flagged=flagged,
    )


@dataclass(frozen=True, slots=True)
class RecordSummary:
    id: int
    kind: RecordKind
    status: RecordStatus
    meeting_date: date
    facts: RecordFacts = RecordFacts()
    linked_record_id: int | None = None


@dataclass(frozen=True, slots=True)
class ActionSummary:
    id: int
    description: str
    due_date: date | None
    done_date: date | None
    owner_name: str = ""


@dataclass(slots=True)
class CoAllocationState:
    coallocation_id: int
    case_id: int
    case_reference: str
    start_date: date
    end_date: date | None
    worker_names: tuple[str, str] = ("", "")
    records: list[RecordSummary] = field(default_factory=list)
    actions: list[ActionSummary] = field(default_factory=list)

    def is_active(self, on: date) -> bool:
        return active_on(self.start_date, self.end_date, on)


@dataclass(frozen=True, slots=True)
class DueItem:
    case_id: int
    case_reference: str
    coallocation_id: int
    kind: str  # initial_meeting, review, reflective_discussion, issue_resolution, action
    severity: Severity
    due_date: date | None
    message: str
    record_id: int | None = None
    action_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "case_reference": self.case_reference,
            "coallocation_id": self.coallocation_id,
            "kind": self.kind,
            "severity": str(self.severity),
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "message": self.message,
            "record_id": self.record_id,
            "action_id": self.action_id,
        }


_describe_rrule = lru_cache(maxsize=256)(describe_rrule)


@lru_cache(maxsize=4096)
def _day(day: date) -> str:
    """``"05 Nov 2026"``, as the messages say a date (remembered: a service's items name the same days)."""
    return f"{day:%d %b %Y}"


def _meeting_order(r: RecordSummary) -> tuple[date, int]:
    return (r.meeting_date, r.id)


def _signed(state: CoAllocationState, *kinds: RecordKind) -> list[RecordSummary]:
    return sorted(
        (r for r in state.records if r.status == RecordStatus.SIGNED and r.kind in kinds),
        key=_meeting_order,
    )


#: the version of :class:`DueFacts` and of the rules that make them: facts kept by another version are made again
DUE_FACTS_VERSION = 4


@dataclass(frozen=True, slots=True)
class DueFacts:
    """What the due rules and the drift read of a co-allocation's signed, current records, the same on every day:
    the store keeps them per co-allocation (issue 14), so a day's items and drift are reckoned from these dates
    instead of the records. :func:`due_facts_of` makes them; :func:`due_items_for`, :func:`coming_up_for` and
    :func:`cowork_desktop.domain.insights.drift_for` read nothing else of the records."""

    has_initial: bool = False
    #: signed reviews that flagged an issue no signed issue-resolution MDR resolves yet, oldest first:
    #: (record id, meeting date, the questions that flagged it)
    unresolved: tuple[tuple[int, date, tuple[str, ...]], ...] = ()
    #: the review expected next (from the last initial meeting or review) and that record's id
    next_review: date | None = None
    review_record_id: int | None = None
    #: every frequency of reflective discussion and of joint supervision agreed, in meeting order (the last is
    #: in force: :attr:`discussion`, :attr:`supervision`)
    discussion_agreed: tuple[Agreed, ...] = ()
    supervision_agreed: tuple[Agreed, ...] = ()
    #: the days of the reflective discussions and of the reviews (made in joint supervision) held, in order
    discussions_held: tuple[date, ...] = ()
    reviews_held: tuple[date, ...] = ()
    #: how many signed reviews flagged an issue (resolved or not)
    flagged_reviews: int = 0
    #: what the cadences of discussions and of joint supervision have settled for good (their missed count on
    #: any later day: :func:`cowork_desktop.domain.cadence.missed_on`)
    discussion_settled: tuple[SettledPart, ...] = ()
    supervision_settled: tuple[SettledPart, ...] = ()
    #: the actions agreed in its signed, current records and not yet done, in id order
    actions: tuple[ActionSummary, ...] = ()
    #: False when read for the due list only (:meth:`from_json` without ``drift``): the drift cannot be reckoned
    drift_known: bool = field(default=True, compare=False)

    @property
    def discussion(self) -> Agreed | None:
        """The discussion frequency in force."""
        return self.discussion_agreed[-1] if self.discussion_agreed else None

    @property
    def supervision(self) -> Agreed | None:
        """The joint supervision frequency in force."""
        return self.supervision_agreed[-1] if self.supervision_agreed else None

    @property
    def discussion_last_held(self) -> date | None:
        """The day from which the next discussion is counted: the last one held, or the agreement in force
        when none has been held since it."""
        agreed = self.discussion
        if agreed is None:
            return None
        return max(agreed.since, self.discussions_held[-1]) if self.discussions_held else agreed.since

    def as_json(self) -> list[Any]:
        """A compact JSON-able form (what the store keeps; :meth:`from_json` reads it back): what the due rules
        read, then what only the drift reads as one JSON string, which a reader of the due list skips unparsed."""

        def agreed(found: tuple[Agreed, ...]) -> list[list[Any]]:
            return [[a.since.isoformat(), a.record_id, a.rule] for a in found]

        def last(found: tuple[Any, ...]) -> Any:
            return found[-1] if found else None

        held = last(self.discussions_held)
        drift = [
            agreed(self.discussion_agreed),
            agreed(self.supervision_agreed),
            [d.isoformat() for d in self.discussions_held],
            [d.isoformat() for d in self.reviews_held],
            self.flagged_reviews,
            [p.as_json() for p in self.discussion_settled],
            [p.as_json() for p in self.supervision_settled],
        ]
        return [
            int(self.has_initial),
            [[rid, day.isoformat(), list(flagged)] for rid, day, flagged in self.unresolved],
            self.next_review.isoformat() if self.next_review else None,
            self.review_record_id,
            agreed(self.discussion_agreed[-1:]),
            agreed(self.supervision_agreed[-1:]),
            held.isoformat() if held else None,
            [
                [a.id, a.description, a.due_date.isoformat() if a.due_date else None, a.owner_name]
                for a in self.actions
            ],
            json.dumps(drift, separators=(",", ":")),
        ]

    @classmethod
    def from_json(cls, data: list[Any], *, drift: bool = True) -> DueFacts:
        """The facts :meth:`as_json` wrote; without ``drift``, only what the due rules read (the agreements and
        discussions held cut to the last of each: what the due rules look at), and :attr:`drift_known` False."""
        fromiso = date.fromisoformat

        def agreed(found: list[list[Any]]) -> tuple[Agreed, ...]:
            return tuple(Agreed(fromiso(since), int(rid), str(rule)) for since, rid, rule in found)

        initial, unresolved, review, review_id, discussion, supervision, held, actions, drift_text = data
        due = {
            "has_initial": bool(initial),
            "unresolved": tuple((int(rid), fromiso(day), tuple(flagged)) for rid, day, flagged in unresolved),
            "next_review": fromiso(review) if review else None,
            "review_record_id": review_id,
            "actions": tuple(
                ActionSummary(int(aid), str(text), fromiso(due) if due else None, None, str(owner))
                for aid, text, due, owner in actions
            ),
        }
        if not drift:
            return cls(
                **due,
                discussion_agreed=agreed(discussion),
                supervision_agreed=agreed(supervision),
                discussions_held=(fromiso(held),) if held else (),
                drift_known=False,
            )
        discussions, supervisions, discussions_held, reviews_held, flagged, d_settled, s_settled = json.loads(
            drift_text
        )
        return cls(
            **due,
            discussion_agreed=agreed(discussions),
            supervision_agreed=agreed(supervisions),
            discussions_held=tuple(map(fromiso, discussions_held)),
            reviews_held=tuple(map(fromiso, reviews_held)),
            flagged_reviews=int(flagged),
            discussion_settled=tuple(map(SettledPart.from_json, d_settled)),
            supervision_settled=tuple(map(SettledPart.from_json, s_settled)),
        )


#: the facts of a co-allocation with no signed record
NO_DUE_FACTS = DueFacts()


def due_facts_of(state: CoAllocationState, signed: list[RecordSummary] | None = None) -> DueFacts:
    """The :class:`DueFacts` of a co-allocation's records (every signed, current one: ``signed``, its
    :func:`signed_in_order`, when the caller has it already)."""
    if signed is None:
        signed = signed_in_order(state)
    supervision_agreed = tuple(agreed_rules(signed, "supervision"))
    supervision = supervision_agreed[-1] if supervision_agreed else None
    last = _last_of(signed, RecordKind.INITIAL_MEETING, RecordKind.REVIEW)
    next_review = None
    if last is not None:
        next_review = last.facts.next_review_date
        if next_review is None and supervision is not None:
            next_review = after_interval(last.meeting_date, supervision.rule)
    reviews = [r for r in signed if r.kind == RecordKind.REVIEW]
    discussion_agreed = tuple(agreed_rules(signed, "discussion"))
    discussions_held = tuple(r.meeting_date for r in signed if r.kind == RecordKind.REFLECTIVE_DISCUSSION)
    reviews_held = tuple(r.meeting_date for r in reviews)
    return DueFacts(
        has_initial=any(r.kind == RecordKind.INITIAL_MEETING for r in signed),
        unresolved=tuple((r.id, r.meeting_date, r.facts.issues_flagged) for r in unresolved_reviews(signed)),
        next_review=next_review,
        review_record_id=last.id if last is not None else None,
        discussion_agreed=discussion_agreed,
        supervision_agreed=supervision_agreed,
        discussions_held=discussions_held,
        reviews_held=reviews_held,
        flagged_reviews=sum(1 for r in reviews if r.facts.issues_flagged),
        discussion_settled=settle(discussion_agreed, discussions_held, state.end_date),
        supervision_settled=settle(supervision_agreed, reviews_held, state.end_date),
        actions=tuple(a for a in state.actions if a.done_date is None),
    )


def due_items_for(
    state: CoAllocationState,
    on: date,
    calendar: WorkingCalendar,
    initial_meeting_days: int = 5,
    *,
    signed: list[RecordSummary] | None = None,
    facts: DueFacts | None = None,
) -> list[DueItem]:
    """Everything due or overdue for one co-allocation on day ``on``. Once it has ended only an unresolved issue
    stays (urgent until its issue-resolution MDR is signed): what else was open was handed over in its closing
    MDR, and an ended arrangement takes no new review, discussion or initial meeting. ``signed``: the state's
    :func:`signed_in_order`, when the caller has it already; ``facts``: its :func:`due_facts_of`, when the
    caller has them (then its records are not read)."""
    if state.start_date > on:
        return []
    active = state.is_active(on)
    items: list[DueItem] = []

    def add(kind: str, sev: Severity, when: date | None, msg: str, **ids: int | None) -> None:
        items.append(
            DueItem(state.case_id, state.case_reference, state.coallocation_id, kind, sev, when, msg, **ids)
        )

    if facts is None:
        facts = due_facts_of(state, signed)

    if active and not facts.has_initial:
        deadline = calendar.add_working_days(state.start_date, initial_meeting_days)
        if on > deadline:
            add(
                "initial_meeting",
                Severity.OVERDUE,
                deadline,
                f"Initial co-working meeting not held: due by {_day(deadline)} "
                f"({initial_meeting_days} working days after co-allocation)",
            )
        else:
            add(
                "initial_meeting",
                Severity.DUE,
                deadline,
                f"Initial co-working meeting due by {_day(deadline)}",
            )

    # Issues flagged in a signed review stay urgent until an issue-resolution MDR linked to that review is signed.
    for review_id, meeting, flagged in facts.unresolved:
        add(
            "issue_resolution",
            Severity.URGENT,
            meeting,
            f"Review of {_day(meeting)}, unresolved: {issue_words(flagged)}. "
            "Resolve urgently and record an issue-resolution MDR for it",
            record_id=review_id,
        )

    next_review = facts.next_review if active else None
    if next_review is not None:
        if on > next_review:
            add(
                "review",
                Severity.OVERDUE,
                next_review,
                f"Review of co-working overdue since {_day(next_review)}",
            )
        elif next_review - on <= timedelta(days=DUE_SOON_DAYS):
            add("review", Severity.DUE, next_review, f"Review of co-working due {_day(next_review)}")

    agreed = facts.discussion if active and facts.has_initial else None
    if agreed is not None and agreed.rule and facts.discussion_last_held is not None:
        expected = after_interval(facts.discussion_last_held, agreed.rule)
        if on > expected:
            add(
                "reflective_discussion",
                Severity.OVERDUE,
                expected,
                f"No reflective case discussion recorded since {_day(facts.discussion_last_held)} "
                f"(agreed: {_describe_rrule(agreed.rule)})",
            )

    for action in facts.actions if active else ():
        if action.due_date is not None and action_overdue(action.due_date, action.done_date, on):
            owner = f" ({action.owner_name})" if action.owner_name else ""
            add(
                "action",
                Severity.OVERDUE,
                action.due_date,
                f"Action overdue since {_day(action.due_date)}{owner}: {action.description}",
                action_id=action.id,
            )
    return items


def signed_in_order(state: CoAllocationState) -> list[RecordSummary]:
    """The co-allocation's signed records in meeting order."""
    return sorted((r for r in state.records if r.status == RecordStatus.SIGNED), key=_meeting_order)


def _last_of(in_order: list[RecordSummary], *kinds: RecordKind) -> RecordSummary | None:
    """The last record of one of ``kinds`` in records already in meeting order."""
    for r in reversed(in_order):
        if r.kind in kinds:
            return r
    return None


def agreed_rules(records: Iterable[RecordSummary], which: str) -> list[Agreed]:
    """Every frequency of ``which`` ("discussion" or "supervision") agreed in the signed records, in meeting
    order. The last one is in force; each counts from its record's meeting date."""
    out = []
    for r in sorted((r for r in records if r.status == RecordStatus.SIGNED), key=_meeting_order):
        rule = r.facts.discussion_rrule if which == "discussion" else r.facts.supervision_rrule
        if rule:
            out.append(Agreed(r.meeting_date, r.id, rule))
    return out


#: how the due list and the PDFs name the issues a review can flag (by the question that flagged them)
ISSUE_WORDS = {
    "delays": "delays",
    "disagreements": "disagreement between the co-workers",
    "role_uncertainty": "uncertainty about roles",
}


def issue_words(flagged: Iterable[str]) -> str:
    """The issues a review flagged, in words: "delays, uncertainty about roles"."""
    return ", ".join(ISSUE_WORDS.get(i, i.replace("_", " ")) for i in flagged)


def resolves(resolution: RecordSummary, review: RecordSummary) -> bool:
    """The one rule: an issue-resolution MDR resolves the review it is linked to, and no other."""
    return (
        resolution.kind == RecordKind.ISSUE_RESOLUTION
        and resolution.status == RecordStatus.SIGNED
        and resolution.linked_record_id == review.id
    )


def unresolved_reviews(records: Iterable[RecordSummary]) -> list[RecordSummary]:
    """Signed reviews that flagged an issue with no signed issue-resolution MDR linked to them, oldest first."""
    records = list(records)
    return sorted(
        (
            r
            for r in records
            if r.kind == RecordKind.REVIEW
            and r.status == RecordStatus.SIGNED
            and r.facts.issues_flagged
            and not any(resolves(x, r) for x in records)
        ),
        key=_meeting_order,
    )


def due_items(
    states: Iterable[CoAllocationState], on: date, calendar: WorkingCalendar, initial_meeting_days: int = 5
) -> list[DueItem]:
    """Due items for every co-allocation, most urgent first, then by date."""
    return sort_due([i for s in states for i in due_items_for(s, on, calendar, initial_meeting_days)])


def _due_order(i: DueItem) -> tuple[int, date, str, int]:
    return (SEVERITY_ORDER[i.severity], i.due_date or date.max, i.case_reference, i.coallocation_id)


def sort_due(items: Iterable[DueItem]) -> list[DueItem]:
    """Due items most urgent first, then by date, case and co-allocation (a co-allocation's own items as it gave
    them): the order of :func:`due_items`, for items gathered in steps."""
    return sorted(items, key=_due_order)


def _coming_order(i: DueItem) -> tuple[date, str, str, int]:
    return (i.due_date or date.max, i.case_reference, i.kind, i.coallocation_id)


def sort_coming(items: Iterable[DueItem]) -> list[DueItem]:
    """What is coming up, soonest first (the order of :func:`coming_up`, for items gathered in steps)."""
    return sorted(items, key=_coming_order)


def _resorted(
    ordered: Sequence[DueItem],
    replaced: Collection[int],
    new: Iterable[DueItem],
    key: Callable[[DueItem], tuple[Any, ...]],
) -> list[DueItem]:
    kept = [i for i in ordered if i.coallocation_id not in replaced]
    for (
        item
    ) in new:  # after the equal ones: each co-allocation's own items stay as it gave them, as sorted() keeps
        insort_right(kept, item, key=key)
    return kept


def resort_due(
    ordered: Sequence[DueItem], replaced: Collection[int], new: Iterable[DueItem]
) -> list[DueItem]:
    """``ordered`` (in :func:`sort_due`'s order) with the items of the co-allocations ``replaced`` taken out and
    ``new`` (theirs, reckoned again) put in their places: what :func:`sort_due` of all of them gives (the order is
    total: the co-allocation's id decides a tie), without sorting them all again when a few changed."""
    return _resorted(ordered, replaced, new, _due_order)


def resort_coming(
    ordered: Sequence[DueItem], replaced: Collection[int], new: Iterable[DueItem]
) -> list[DueItem]:
    """:func:`resort_due` for what is coming up (:func:`sort_coming`'s order)."""
    return _resorted(ordered, replaced, new, _coming_order)


def coming_up_for(
    state: CoAllocationState,
    on: date,
    days: int = COMING_UP_DAYS,
    calendar: WorkingCalendar | None = None,
    initial_meeting_days: int = 5,
    *,
    signed: list[RecordSummary] | None = None,
    facts: DueFacts | None = None,
) -> list[DueItem]:
    """What is expected for one active co-allocation after ``on`` and up to ``days`` days ahead: the initial
    meeting, the next review, the reflective discussions and joint supervisions the agreements in force expect
    (dates of their rules), and the actions due. Nothing for an ended co-allocation. ``signed``: the state's
    :func:`signed_in_order`, when the caller has it already; ``facts``: its :func:`due_facts_of`, when the
    caller has them (then its records are not read)."""
    if not state.is_active(on) or state.start_date > on + timedelta(days=days):
        return []
    until = on + timedelta(days=days)
    if state.end_date is not None:
        until = min(until, state.end_date)
    items: list[DueItem] = []

    def add(kind: str, when: date, msg: str, **ids: int | None) -> None:
        if on < when <= until:
            items.append(
                DueItem(
                    state.case_id,
                    state.case_reference,
                    state.coallocation_id,
                    kind,
                    Severity.COMING,
                    when,
                    msg,
                    **ids,
                )
            )

    if facts is None:
        facts = due_facts_of(state, signed)
    if not facts.has_initial:
        deadline = (calendar or WorkingCalendar()).add_working_days(state.start_date, initial_meeting_days)
        add("initial_meeting", deadline, "Initial co-working meeting (due by then)")
        return sorted(items, key=lambda i: (i.due_date or date.max, i.kind))
    next_review = facts.next_review
    if next_review is not None:
        add(
            "review",
            next_review,
            "Review of co-working in formal supervision",
            record_id=facts.review_record_id,
        )
    for current, kind, words in (
        (facts.discussion, "reflective_discussion", "Reflective case discussion"),
        (facts.supervision, "supervision", "Joint supervision of the case"),
    ):
        if current is None or parse_rrule_safe(current.rule) is None:
            continue
        for day in occurrences_after(current.rule, current.since, max(on, current.since), until):
            if not (kind == "supervision" and day == next_review):
                add(
                    kind,
                    day,
                    f"{words} (agreed: {_describe_rrule(current.rule)})",
                    record_id=current.record_id,
                )
    for action in facts.actions:
        if action.due_date is not None and on < action.due_date <= until:
            owner = f" ({action.owner_name})" if action.owner_name else ""
            add("action", action.due_date, f"Action due{owner}: {action.description}", action_id=action.id)
    return sorted(items, key=lambda i: (i.due_date or date.max, i.kind))


def coming_up(
    states: Iterable[CoAllocationState],
    on: date,
    days: int = COMING_UP_DAYS,
    calendar: WorkingCalendar | None = None,
    initial_meeting_days: int = 5,
) -> list[DueItem]:
    """:func:`coming_up_for` for every co-allocation, soonest first."""
    return sort_coming(
        [i for s in states for i in coming_up_for(s, on, days, calendar, initial_meeting_days)]
    )
