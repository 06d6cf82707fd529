"""The due rules as they were before issue 14 made them fast: the oracle the dashboard's items are checked against
(tests/unit/test_screens.py). A copy, kept as it was; only the names it needs are imported."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr

from cowork_desktop.domain.cadence import Agreed
from cowork_desktop.domain.dates import WorkingCalendar, describe_rrule, parse_rrule_safe, split_rrule
from cowork_desktop.domain.due import (
    SEVERITY_ORDER,
    CoAllocationState,
    DueItem,
    RecordSummary,
    Severity,
    issue_words,
    resolves,
)
from cowork_desktop.domain.models import RecordKind, RecordStatus

COMING_UP_DAYS = 14
DUE_SOON_DAYS = 7


def interval(rule: str) -> relativedelta:
    split = split_rrule(rule)
    if split is None:
        return relativedelta(months=1)
    every, unit = split
    return relativedelta(**{f"{unit}s": every})


_interval = interval
_describe_rrule = describe_rrule


def occurrences(rule: str, start: date, until: date) -> list[date]:
    if until < start:
        return []
    parsed = rrulestr(rule, dtstart=datetime.combine(start, datetime.min.time()))
    return [
        d.date()
        for d in parsed.between(
            datetime.combine(start, datetime.min.time()),
            datetime.combine(until, datetime.min.time()),
            inc=True,
        )
    ]


def occurrences_after(rule: str, start: date, after: date, until: date) -> list[date]:
    return [d for d in occurrences(rule, start, until) if d > after] if until > after else []


def _meeting_order(r: RecordSummary) -> tuple[date, int]:
    return (r.meeting_date, r.id)


def due_items_for(
    state: CoAllocationState, on: date, calendar: WorkingCalendar, initial_meeting_days: int = 5
) -> list[DueItem]:
    """Everything due or overdue for one co-allocation on day ``on``. Once it has ended only an unresolved issue
    stays (urgent until its issue-resolution MDR is signed): what else was open was handed over in its closing
    MDR, and an ended arrangement takes no new review, discussion or initial meeting."""
    if state.start_date > on:
        return []
    active = state.is_active(on)
    items: list[DueItem] = []

    def add(kind: str, sev: Severity, when: date | None, msg: str, **ids: int | None) -> None:
        items.append(
            DueItem(state.case_id, state.case_reference, state.coallocation_id, kind, sev, when, msg, **ids)
        )

    # signed records in meeting order, sorted once and split by kind
    signed = sorted((r for r in state.records if r.status == RecordStatus.SIGNED), key=_meeting_order)
    initials = [r for r in signed if r.kind == RecordKind.INITIAL_MEETING]
    reviews = [r for r in signed if r.kind in (RecordKind.INITIAL_MEETING, RecordKind.REVIEW)]

    if active and not initials:
        deadline = calendar.add_working_days(state.start_date, initial_meeting_days)
        if on > deadline:
            add(
                "initial_meeting",
                Severity.OVERDUE,
                deadline,
                f"Initial co-working meeting not held: due by {deadline:%d %b %Y} "
                f"({initial_meeting_days} working days after co-allocation)",
            )
        else:
            add(
                "initial_meeting",
                Severity.DUE,
                deadline,
                f"Initial co-working meeting due by {deadline:%d %b %Y}",
            )

    # Issues flagged in a signed review stay urgent until an issue-resolution MDR linked to that review is signed.
    for review in unresolved_reviews(signed):
        add(
            "issue_resolution",
            Severity.URGENT,
            review.meeting_date,
            f"Review of {review.meeting_date:%d %b %Y}, unresolved: {issue_words(review.facts.issues_flagged)}. "
            "Resolve urgently and record an issue-resolution MDR for it",
            record_id=review.id,
        )

    if active and reviews:
        last = reviews[-1]
        next_review = last.facts.next_review_date
        if next_review is None:
            supervision = agreed_rules(signed, "supervision")
            if supervision:
                next_review = last.meeting_date + _interval(supervision[-1].rule)
        if next_review is not None:
            if on > next_review:
                add(
                    "review",
                    Severity.OVERDUE,
                    next_review,
                    f"Review of co-working overdue since {next_review:%d %b %Y}",
                )
            elif next_review - on <= timedelta(days=DUE_SOON_DAYS):
                add("review", Severity.DUE, next_review, f"Review of co-working due {next_review:%d %b %Y}")

    agreed = agreed_rules(signed, "discussion")
    if active and initials and agreed:
        rule = agreed[-1].rule
        if rule:
            held = [r for r in signed if r.kind == RecordKind.REFLECTIVE_DISCUSSION]
            last_held = max([agreed[-1].since, *(r.meeting_date for r in held)])
            expected = last_held + _interval(rule)
            if on > expected:
                add(
                    "reflective_discussion",
                    Severity.OVERDUE,
                    expected,
                    f"No reflective case discussion recorded since {last_held:%d %b %Y} "
                    f"(agreed: {_describe_rrule(rule)})",
                )

    for action in state.actions if active else ():
        if action.done_date is None and action.due_date is not None and action.due_date < on:
            owner = f" ({action.owner_name})" if action.owner_name else ""
            add(
                "action",
                Severity.OVERDUE,
                action.due_date,
                f"Action overdue since {action.due_date:%d %b %Y}{owner}: {action.description}",
                action_id=action.id,
            )
    return items


def agreed_rules(records: Iterable[RecordSummary], which: str) -> list[Agreed]:
    """Every frequency of ``which`` ("discussion" or "supervision") agreed in the signed records, in meeting
    order. The last one is in force; each counts from its record's meeting date."""
    out = []
    for r in sorted((r for r in records if r.status == RecordStatus.SIGNED), key=_meeting_order):
        rule = r.facts.discussion_rrule if which == "discussion" else r.facts.supervision_rrule
        if rule:
            out.append(Agreed(r.meeting_date, r.id, rule))
    return out


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


def coming_up_for(
    state: CoAllocationState,
    on: date,
    days: int = COMING_UP_DAYS,
    calendar: WorkingCalendar | None = None,
    initial_meeting_days: int = 5,
) -> list[DueItem]:
    """What is expected for one active co-allocation after ``on`` and up to ``days`` days ahead: the initial
    meeting, the next review, the reflective discussions and joint supervisions the agreements in force expect
    (dates of their rules), and the actions due. Nothing for an ended co-allocation."""
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

    signed = sorted((r for r in state.records if r.status == RecordStatus.SIGNED), key=_meeting_order)
    initials = [r for r in signed if r.kind == RecordKind.INITIAL_MEETING]
    if not initials:
        deadline = (calendar or WorkingCalendar()).add_working_days(state.start_date, initial_meeting_days)
        add("initial_meeting", deadline, "Initial co-working meeting (due by then)")
        return sorted(items, key=lambda i: (i.due_date or date.max, i.kind))
    reviews = [r for r in signed if r.kind in (RecordKind.INITIAL_MEETING, RecordKind.REVIEW)]
    last = reviews[-1]
    next_review = last.facts.next_review_date
    supervision = agreed_rules(signed, "supervision")
    if next_review is None and supervision:
        next_review = last.meeting_date + _interval(supervision[-1].rule)
    if next_review is not None:
        add("review", next_review, "Review of co-working in formal supervision", record_id=last.id)
    for which, kind, words in (
        ("discussion", "reflective_discussion", "Reflective case discussion"),
        ("supervision", "supervision", "Joint supervision of the case"),
    ):
        agreed = agreed_rules(signed, which)
        if not agreed or parse_rrule_safe(agreed[-1].rule) is None:
            continue
        current = agreed[-1]
        for day in occurrences_after(current.rule, current.since, max(on, current.since), until):
            if not (which == "supervision" and day == next_review):
                add(
                    kind,
                    day,
                    f"{words} (agreed: {_describe_rrule(current.rule)})",
                    record_id=current.record_id,
                )
    for action in state.actions:
        if action.done_date is None and action.due_date is not None:
            owner = f" ({action.owner_name})" if action.owner_name else ""
            add("action", action.due_date, f"Action due{owner}: {action.description}", action_id=action.id)
    return sorted(items, key=lambda i: (i.due_date or date.max, i.kind))


def due_items(
    states: Iterable[CoAllocationState], on: date, calendar: WorkingCalendar, initial_meeting_days: int = 5
) -> list[DueItem]:
    found = [i for s in states for i in due_items_for(s, on, calendar, initial_meeting_days)]
    return sorted(found, key=lambda i: (SEVERITY_ORDER[i.severity], i.due_date or date.max, i.case_reference))


def coming_up(
    states: Iterable[CoAllocationState],
    on: date,
    days: int = COMING_UP_DAYS,
    calendar: WorkingCalendar | None = None,
    initial_meeting_days: int = 5,
) -> list[DueItem]:
    found = [i for s in states for i in coming_up_for(s, on, days, calendar, initial_meeting_days)]
    return sorted(found, key=lambda i: (i.due_date or date.max, i.case_reference, i.kind))
