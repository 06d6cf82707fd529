"""What a signed record does to the co-working and to later records (issue 12), through the services on a real
database file: closing ends the co-allocation, amendments keep the actions' history, an MDR resolves the issue it
is linked to (and is filled in from it), supersession and record numbers, and what is coming up."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers.records import MEETING, answers_for, make_signed, review_with_a_disagreement, sign_by_workers

from cowork_desktop.domain.due import Severity
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.models import RecordKind, RecordStatus
from cowork_desktop.services import export, insights, integrity, sessions
from cowork_desktop.services.demo import flag_question
from cowork_desktop.services.sessions import Workspace


def test_a_signed_closing_mdr_ends_the_co_allocation(ws: Workspace, coworked: dict[str, int]) -> None:
    make_signed(ws, coworked, RecordKind.INITIAL_MEETING, MEETING)
    end_day = MEETING + timedelta(weeks=3)
    closing = make_signed(ws, coworked, RecordKind.CLOSING, end_day, {"end_reason": "Student placement ends"})
    ca = ws.store.get_coallocation(coworked["coallocation"])
    assert (ca.end_date, ca.end_reason) == (end_day, "Student placement ends")
    (ended,) = ws.store.entries_of("end", "coallocation", ca.id)
    assert f'"closing_record": {closing.id}' in ended.detail
    # nothing is due for it after that day, and it takes no new meeting
    assert sessions.due(ws, end_day + timedelta(days=30), coworked["case"]) == []
    assert sessions.coming_up(ws, end_day + timedelta(days=1), coworked["case"]) == []
    for kind in (RecordKind.REVIEW, RecordKind.REFLECTIVE_DISCUSSION, RecordKind.INITIAL_MEETING):
        with pytest.raises(CoworkError, match=f"ended on {end_day:%d %b %Y} \\(Student placement ends\\)"):
            sessions.start_record(ws, ca.id or 0, kind, end_day + timedelta(days=1))
    assert integrity.check_store(ws.store).ok


def _promises_on(ws: Workspace, case_id: int, on: date) -> tuple[int, int]:
    total = insights.case_promises(ws, case_id, on).total
    return total.on_time, total.counted


def test_an_amendment_keeps_done_actions_done_and_promises_unchanged(
    ws: Workspace, coworked: dict[str, int]
) -> None:
    store = ws.store
    initial = make_signed(ws, coworked, RecordKind.INITIAL_MEETING, MEETING)
    agreed = store.actions_for_record(initial.id or 0)
    assert len(agreed) == 2
    review_day = MEETING + timedelta(weeks=6)
    verdicts = {
        str(agreed[0].id): {"done": "yes", "note": ""},
        str(agreed[1].id): {"done": "no", "note": "Later"},
    }
    make_signed(ws, coworked, RecordKind.REVIEW, review_day, {"action_review": verdicts, "actions": []})
    later = review_day + timedelta(days=1)
    before = (
        _promises_on(ws, coworked["case"], later),
        [a.id for a in store.open_actions(coworked["coallocation"])],
    )
    due_before = [i.action_id for i in sessions.due(ws, later) if i.kind == "action"]

    # a correction that leaves the actions alone
    amended = sessions.amend(ws, initial.id or 0, "Corrected the recording arrangement").value
    assert amended.id is not None
    sessions.ready_for_signatures(ws, amended.id)
    sign_by_workers(ws, coworked, amended.id)
    v2 = sessions.sign_off(ws, amended.id, manager_name="Amara Okafor").value
    assert v2.version == 2 and store.record_number(v2.id or 0) == initial.id
    after = (
        _promises_on(ws, coworked["case"], later),
        [a.id for a in store.open_actions(coworked["coallocation"])],
    )
    assert after == before  # same on-time count, same open actions
    assert [i.action_id for i in sessions.due(ws, later) if i.kind == "action"] == due_before
    done = store.get_record(initial.id or 0)
    assert store.actions_for_record(done.id or 0)[0].done_date == review_day  # still done, where it was

    # a correction that changes one action: only that one is new (and open)
    third = sessions.amend(ws, v2.id or 0, "The second action's date was wrong").value
    assert third.id is not None
    actions = third.answers["actions"]
    actions[1] = {**actions[1], "due": (MEETING + timedelta(weeks=10)).isoformat()}
    sessions.save_draft(
        ws, third.id, {**third.answers, "actions": actions}, based_on=ws.store.get_record(third.id).revision
    )
    sessions.ready_for_signatures(ws, third.id)
    sign_by_workers(ws, coworked, third.id)
    v3 = sessions.sign_off(ws, third.id, manager_name="Amara Okafor").value
    kept = store.record_actions(v3.id or 0)
    assert agreed[0].id in [a.id for a in kept]  # carried through two amendments, still done
    assert agreed[1].id not in [a.id for a in kept]  # changed: replaced by a new row
    assert len(store.actions_for_record(v3.id or 0)) == 1
    assert integrity.check_store(store).ok


def test_only_the_mdr_linked_to_a_review_resolves_it_and_it_is_filled_in_from_it(
    ws: Workspace, coworked: dict[str, int]
) -> None:
    review = review_with_a_disagreement(ws, coworked, "Whether the student visits alone.")
    review_day = MEETING + timedelta(weeks=6)
    urgent = [i for i in sessions.due(ws, review_day + timedelta(days=1)) if i.severity == Severity.URGENT]
    assert [i.record_id for i in urgent] == [review.id]
    assert "unresolved: disagreement between the co-workers" in urgent[0].message
    (issue,) = sessions.open_issues(ws, coworked["coallocation"])
    assert issue.record_id == review.id and "disagreement" in issue.label

    # an MDR about something else, not linked to the review, does not clear it
    make_signed(ws, coworked, RecordKind.ISSUE_RESOLUTION, review_day + timedelta(days=2))
    assert [
        i.record_id for i in sessions.due(ws, review_day + timedelta(days=3)) if i.severity == Severity.URGENT
    ] == [review.id]

    # started from the review: linked, and filled in with what the review recorded
    record = sessions.start_record(
        ws, coworked["coallocation"], RecordKind.ISSUE_RESOLUTION, review_day + timedelta(days=3), review.id
    ).value
    assert record.linked_record_id == review.id
    assert record.answers["issue_type"] == "Disagreement between co-workers"
    assert record.answers["issue_description"] == "Whether the student visits alone."
    answers = answers_for(ws, coworked, record, {"issue_type": record.answers["issue_type"]})
    answers["issue_description"] = record.answers["issue_description"]
    sessions.save_draft(ws, record.id or 0, answers, based_on=ws.store.get_record(record.id or 0).revision)
    sessions.ready_for_signatures(ws, record.id or 0)
    sign_by_workers(ws, coworked, record.id or 0)
    signed = sessions.sign_off(ws, record.id or 0, manager_name="Amara Okafor").value
    assert [
        i for i in sessions.due(ws, review_day + timedelta(days=4)) if i.severity == Severity.URGENT
    ] == []
    assert sessions.open_issues(ws, coworked["coallocation"]) == []
    # its case note names the review it resolves
    note = export.build_case_note(ws, signed.id or 0)
    assert note.resolves is not None and note.resolves.record_number == review.id
    assert note.resolves.issues == ("disagreement between the co-workers",)
    assert note.resolves.meeting_date == review_day


def test_an_unlinked_draft_becomes_linked_when_started_from_the_review(
    ws: Workspace, coworked: dict[str, int]
) -> None:
    make_signed(ws, coworked, RecordKind.INITIAL_MEETING, MEETING)
    flag = flag_question(ws.forms.for_kind("review"), "delay")
    review = make_signed(
        ws,
        coworked,
        RecordKind.REVIEW,
        MEETING + timedelta(weeks=6),
        {flag.id: "yes", "delays_detail": "Late."},
    )
    draft = sessions.start_record(ws, coworked["coallocation"], RecordKind.ISSUE_RESOLUTION).value
    assert draft.linked_record_id is None and "issue_type" not in draft.answers
    again = sessions.start_record(
        ws, coworked["coallocation"], RecordKind.ISSUE_RESOLUTION, None, review.id
    ).value
    assert again.id == draft.id and again.linked_record_id == review.id
    assert (again.answers["issue_type"], again.answers["issue_description"]) == ("Delay", "Late.")


def test_supersession_and_the_record_number(ws: Workspace, coworked: dict[str, int]) -> None:
    first = make_signed(ws, coworked, RecordKind.INITIAL_MEETING, MEETING)
    assert export.build_case_note(ws, first.id or 0).superseded_by is None
    amended = sessions.amend(ws, first.id or 0, "Corrected a date").value
    sessions.ready_for_signatures(ws, amended.id or 0)
    sign_by_workers(ws, coworked, amended.id or 0)
    second = sessions.sign_off(ws, amended.id or 0, manager_name="Amara Okafor").value
    old = export.build_case_note(ws, first.id or 0)
    assert old.superseded_by is not None
    assert (old.superseded_by.version, old.superseded_by.record_id) == (2, second.id)
    new = export.build_case_note(ws, second.id or 0)
    assert new.superseded_by is None and new.display_number == first.id and new.version == 2
    assert new.amendment is not None
    assert (new.amendment.supersedes_record_id, new.amendment.supersedes_version) == (first.id, 1)
    assert new.amendment.supersedes_signed_on == (first.signed_at.date() if first.signed_at else None)


def test_after_the_initial_meeting_the_first_review_and_discussions_are_coming_up(
    ws: Workspace, coworked: dict[str, int]
) -> None:
    initial = make_signed(
        ws,
        coworked,
        RecordKind.INITIAL_MEETING,
        MEETING,
        {"discussion_frequency": "FREQ=WEEKLY;INTERVAL=2", "next_review_date": "2026-11-16"},
    )
    assert initial.status == RecordStatus.SIGNED
    on = MEETING + timedelta(days=1)
    coming = sessions.coming_up(ws, on, coworked["case"])
    kinds = [(i.kind, i.due_date) for i in coming]
    assert ("review", date(2026, 11, 16)) in kinds
    assert ("reflective_discussion", date(2026, 11, 19)) in kinds  # two weeks after the meeting
    assert all(on < (i.due_date or on) <= on + timedelta(days=14) for i in coming)
    assert all(i.severity == Severity.COMING for i in coming)
    # the window is the setting
    ws.store.set_setting("coming_up_days", "5")
    assert [i.kind for i in sessions.coming_up(ws, on, coworked["case"])] == []
