"""The due rules of the co-working protocol, on hand-made snapshots with dates worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from cowork_desktop.domain.dates import WorkingCalendar
from cowork_desktop.domain.due import (
    ActionSummary,
    CoAllocationState,
    DueItem,
    RecordFacts,
    RecordSummary,
    Severity,
    due_items,
    due_items_for,
    extract_facts,
)
from cowork_desktop.domain.models import RecordKind, RecordStatus
from cowork_desktop.forms import definition_from_dict

# England and Wales, Christmas 2026: Friday 25 December and Monday 28 December (Boxing Day substitute).
CAL = WorkingCalendar.from_dates([date(2026, 12, 25), date(2026, 12, 28), date(2027, 1, 1)])
FORTNIGHTLY = "FREQ=WEEKLY;INTERVAL=2"

_ids = iter(range(100, 10_000))


def state(start: date, end: date | None = None, reference: str = "CR-2026-0101") -> CoAllocationState:
    return CoAllocationState(1, 1, reference, start, end, ("Zoë Ó Súilleabháin", "عائشة خان"))


def signed(
    kind: RecordKind,
    on: date,
    facts: RecordFacts | None = None,
    linked: int | None = None,
    status: RecordStatus = RecordStatus.SIGNED,
) -> RecordSummary:
    return RecordSummary(next(_ids), kind, status, on, facts or RecordFacts(), linked)


def items(s: CoAllocationState, on: date, days: int = 5) -> list[tuple[str, Severity, date | None]]:
    return [(i.kind, i.severity, i.due_date) for i in due_items_for(s, on, CAL, days)]


# -- initial meeting ----------------------------------------------------------------------------------------


def test_initial_meeting_due_within_five_working_days_over_christmas() -> None:
    # Co-allocated Monday 21 Dec 2026: Tue 22 (1), Wed 23 (2), Thu 24 (3), [Fri 25, Sat, Sun, Mon 28], Tue 29 (4),
    # Wed 30 (5): due by Wednesday 30 December.
    s = state(date(2026, 12, 21))
    deadline = date(2026, 12, 30)
    assert items(s, date(2026, 12, 20)) == []  # not co-allocated yet
    assert items(s, date(2026, 12, 21)) == [("initial_meeting", Severity.DUE, deadline)]
    assert items(s, deadline) == [("initial_meeting", Severity.DUE, deadline)]
    assert items(s, date(2026, 12, 31)) == [("initial_meeting", Severity.OVERDUE, deadline)]
    message = due_items_for(s, date(2026, 12, 31), CAL)[0].message
    assert "30 Dec 2026" in message and "5 working days" in message


def test_initial_meeting_days_is_a_setting() -> None:
    s = state(date(2026, 12, 21))
    assert items(s, date(2026, 12, 29), days=3) == [("initial_meeting", Severity.OVERDUE, date(2026, 12, 24))]
    assert items(s, date(2026, 12, 29), days=10) == [("initial_meeting", Severity.DUE, date(2027, 1, 7))]


def test_a_signed_initial_meeting_satisfies_the_rule_but_a_draft_does_not() -> None:
    s = state(date(2026, 11, 2))
    s.records.append(signed(RecordKind.INITIAL_MEETING, date(2026, 11, 4), status=RecordStatus.DRAFT))
    assert items(s, date(2026, 11, 20)) == [("initial_meeting", Severity.OVERDUE, date(2026, 11, 9))]
    s.records.append(signed(RecordKind.INITIAL_MEETING, date(2026, 11, 12)))
    assert items(s, date(2026, 11, 20)) == []


def test_an_ended_coallocation_owes_no_meetings() -> None:
    s = state(date(2026, 11, 2), end=date(2026, 11, 5))
    assert items(s, date(2026, 11, 4)) == [("initial_meeting", Severity.DUE, date(2026, 11, 9))]
    assert items(s, date(2026, 11, 20)) == []


# -- reviews ------------------------------------------------------------------------------------------------


def test_review_from_the_agreed_next_review_date() -> None:
    s = state(date(2026, 11, 2))
    s.records.append(signed(RecordKind.INITIAL_MEETING, date(2026, 11, 4), RecordFacts(date(2026, 12, 16))))
    assert items(s, date(2026, 12, 8)) == []  # 8 days before
    assert items(s, date(2026, 12, 9)) == [("review", Severity.DUE, date(2026, 12, 16))]  # 7 days before
    assert items(s, date(2026, 12, 16)) == [("review", Severity.DUE, date(2026, 12, 16))]
    assert items(s, date(2026, 12, 17)) == [("review", Severity.OVERDUE, date(2026, 12, 16))]


def test_the_latest_review_sets_the_next_one() -> None:
    s = state(date(2026, 11, 2))
    s.records.append(signed(RecordKind.INITIAL_MEETING, date(2026, 11, 4), RecordFacts(date(2026, 12, 16))))
    s.records.append(signed(RecordKind.REVIEW, date(2026, 12, 14), RecordFacts(date(2027, 1, 25))))
    assert items(s, date(2026, 12, 20)) == []
    assert items(s, date(2027, 1, 26)) == [("review", Severity.OVERDUE, date(2027, 1, 25))]


def test_review_from_the_supervision_frequency_when_no_date_was_agreed() -> None:
    s = state(date(2026, 11, 2))
    s.records.append(
        signed(RecordKind.INITIAL_MEETING, date(2026, 11, 4), RecordFacts(supervision_rrule="FREQ=MONTHLY"))
    )
    assert items(s, date(2026, 12, 4)) == [("review", Severity.DUE, date(2026, 12, 4))]
    assert items(s, date(2026, 12, 5)) == [("review", Severity.OVERDUE, date(2026, 12, 4))]
    # a review with no next date (e.g. it decided to end co-working): one supervision interval after it
    s.records.append(signed(RecordKind.REVIEW, date(2026, 12, 1)))
    assert items(s, date(2027, 1, 2)) == [("review", Severity.OVERDUE, date(2027, 1, 1))]


# -- reflective discussions ---------------------------------------------------------------------------------


def test_reflective_discussion_missing() -> None:
    s = state(date(2026, 11, 2))
    s.records.append(
        signed(
            RecordKind.INITIAL_MEETING,
            date(2026, 11, 4),
            RecordFacts(date(2027, 2, 1), discussion_rrule=FORTNIGHTLY),
        )
    )
    assert items(s, date(2026, 11, 18)) == []  # due on the 18th: not missing yet
    assert items(s, date(2026, 11, 19)) == [("reflective_discussion", Severity.OVERDUE, date(2026, 11, 18))]
    message = due_items_for(s, date(2026, 11, 19), CAL)[0].message
    assert "04 Nov 2026" in message and "every 2 weeks" in message
    s.records.append(signed(RecordKind.REFLECTIVE_DISCUSSION, date(2026, 11, 13)))
    assert items(s, date(2026, 11, 27)) == []
    assert items(s, date(2026, 11, 28)) == [("reflective_discussion", Severity.OVERDUE, date(2026, 11, 27))]
    # a discussion still in draft does not count
    s.records.append(signed(RecordKind.REFLECTIVE_DISCUSSION, date(2026, 11, 26), status=RecordStatus.DRAFT))
    assert items(s, date(2026, 11, 28)) == [("reflective_discussion", Severity.OVERDUE, date(2026, 11, 27))]


# -- urgent issues ------------------------------------------------------------------------------------------


def test_issues_flagged_in_a_review_are_urgent_until_an_mdr_resolves_them() -> None:
    s = state(date(2026, 11, 2))
    s.records.append(signed(RecordKind.INITIAL_MEETING, date(2026, 11, 4), RecordFacts(date(2026, 12, 16))))
    review = signed(
        RecordKind.REVIEW,
        date(2026, 11, 30),
        RecordFacts(date(2027, 1, 11), issues_flagged=("disagreements",)),
    )
    s.records.append(review)
    found = due_items_for(s, date(2026, 12, 1), CAL)
    assert [(i.kind, i.severity, i.due_date, i.record_id) for i in found] == [
        ("issue_resolution", Severity.URGENT, date(2026, 11, 30), review.id)
    ]
    assert "unresolved: disagreement between the co-workers" in found[0].message
    assert "issue-resolution MDR" in found[0].message
    # an issue-resolution MDR from before the review, not linked to it, does not resolve it
    s.records.append(signed(RecordKind.ISSUE_RESOLUTION, date(2026, 11, 20)))
    assert items(s, date(2026, 12, 1)) == [("issue_resolution", Severity.URGENT, date(2026, 11, 30))]
    # a draft resolution does not either
    s.records.append(
        signed(RecordKind.ISSUE_RESOLUTION, date(2026, 12, 2), linked=review.id, status=RecordStatus.DRAFT)
    )
    assert items(s, date(2026, 12, 3)) == [("issue_resolution", Severity.URGENT, date(2026, 11, 30))]
    s.records.append(signed(RecordKind.ISSUE_RESOLUTION, date(2026, 12, 2), linked=review.id))
    assert items(s, date(2026, 12, 3)) == []


def test_an_urgent_issue_stays_urgent_after_co_working_ends() -> None:
    s = state(date(2026, 11, 2), end=date(2026, 12, 31))
    s.records.append(signed(RecordKind.INITIAL_MEETING, date(2026, 11, 4)))
    s.records.append(signed(RecordKind.REVIEW, date(2026, 11, 30), RecordFacts(issues_flagged=("delays",))))
    assert items(s, date(2027, 1, 5)) == [("issue_resolution", Severity.URGENT, date(2026, 11, 30))]


# -- actions ------------------------------------------------------------------------------------------------


def test_overdue_actions() -> None:
    s = state(date(2026, 11, 2))
    s.records.append(signed(RecordKind.INITIAL_MEETING, date(2026, 11, 4), RecordFacts(date(2027, 2, 1))))
    s.actions += [
        ActionSummary(1, "Book the joint visit", date(2026, 11, 18), None, "Łukasz Wiśniewski"),
        ActionSummary(2, "Share the plan", date(2026, 11, 25), None),
        ActionSummary(3, "Write up the core group", date(2026, 11, 10), date(2026, 11, 9)),
        ActionSummary(4, "No date given", None, None),
    ]
    assert items(s, date(2026, 11, 18)) == []  # due today is not overdue
    found = due_items_for(s, date(2026, 11, 19), CAL)
    assert [(i.kind, i.severity, i.due_date, i.action_id) for i in found] == [
        ("action", Severity.OVERDUE, date(2026, 11, 18), 1)
    ]
    assert found[0].message == "Action overdue since 18 Nov 2026 (Łukasz Wiśniewski): Book the joint visit"
    assert [i.action_id for i in due_items_for(s, date(2026, 12, 1), CAL)] == [1, 2]


# -- all together -------------------------------------------------------------------------------------------


def test_due_items_puts_urgent_first_then_overdue_then_due() -> None:
    waiting = state(date(2026, 11, 30), reference="CR-2026-0001")
    late = state(date(2026, 11, 2), reference="CR-2026-0002")
    flagged = state(date(2026, 10, 1), reference="CR-2026-0003")
    flagged.records.append(
        signed(RecordKind.INITIAL_MEETING, date(2026, 10, 2), RecordFacts(date(2027, 2, 1)))
    )
    flagged.records.append(
        signed(RecordKind.REVIEW, date(2026, 11, 20), RecordFacts(issues_flagged=("delays",)))
    )
    found = due_items([waiting, late, flagged], date(2026, 12, 1), CAL)
    assert [(i.case_reference, i.severity) for i in found] == [
        ("CR-2026-0003", Severity.URGENT),
        ("CR-2026-0002", Severity.OVERDUE),
        ("CR-2026-0001", Severity.DUE),
    ]
    as_dict = found[0].as_dict()
    assert as_dict["severity"] == "urgent" and as_dict["due_date"] == "2026-11-20"


def test_due_item_as_dict_is_plain_json() -> None:
    item = DueItem(1, "CR-2026-0001", 2, "action", Severity.OVERDUE, None, "x", action_id=5)
    assert item.as_dict() == {
        "case_id": 1,
        "case_reference": "CR-2026-0001",
        "coallocation_id": 2,
        "kind": "action",
        "severity": "overdue",
        "due_date": None,
        "message": "x",
        "record_id": None,
        "action_id": 5,
    }


# -- facts from answers -------------------------------------------------------------------------------------

FORM = definition_from_dict(
    {
        "id": "review",
        "version": 1,
        "title": "Review",
        "record_kind": "review",
        "sections": [
            {
                "id": "main",
                "title": "Main",
                "questions": [
                    {
                        "id": "disagreements",
                        "prompt": "Disagreements?",
                        "kind": "yes_no",
                        "follow_ups": [{"when": ["yes"], "form": "x", "message": "m", "urgent": True}],
                    },
                    {
                        "id": "decision",
                        "prompt": "Decision?",
                        "kind": "choice",
                        "choices": ["Continue", "End"],
                        "follow_ups": [{"when": ["End"], "form": "closing", "message": "m"}],
                    },
                    {"id": "next", "prompt": "Next?", "kind": "date", "role": "next_review_date"},
                    {"id": "talk", "prompt": "Talk?", "kind": "recurrence", "role": "discussion_frequency"},
                    {
                        "id": "sup",
                        "prompt": "Supervise?",
                        "kind": "recurrence",
                        "role": "supervision_frequency",
                    },
                ],
            }
        ],
    }
)


@pytest.mark.parametrize(
    ("answers", "facts"),
    [
        ({}, RecordFacts()),
        (
            {"disagreements": "yes", "next": "2026-12-16", "talk": FORTNIGHTLY, "sup": "FREQ=MONTHLY"},
            RecordFacts(date(2026, 12, 16), FORTNIGHTLY, "FREQ=MONTHLY", ("disagreements",)),
        ),
        ({"disagreements": "no", "decision": "End"}, RecordFacts()),  # not urgent: not flagged
        ({"next": "16/12/2026", "talk": "every so often", "sup": 3}, RecordFacts()),  # bad values are ignored
    ],
)
def test_extract_facts(answers: dict[str, object], facts: RecordFacts) -> None:
    assert extract_facts(FORM, answers) == facts
