"""A meeting's life on the ``coworked`` case: start, save, check, sign (manager last), lock, amend, review, resolve."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from helpers.records import MEETING, answers_for, make_signed, sign_by_workers

from cowork_desktop.domain.due import Severity
from cowork_desktop.domain.errors import CoworkError, LockedRecordError, ValidationError
from cowork_desktop.domain.models import Record, RecordKind, RecordStatus
from cowork_desktop.domain.records import AGREEMENT_STATEMENT, CANON_VERSION, content_hash
from cowork_desktop.services import integrity, sessions
from cowork_desktop.services.demo import flag_question
from cowork_desktop.services.sessions import Workspace


def test_initial_meeting_from_start_to_locked(ws: Workspace, coworked: dict[str, int]) -> None:
    store = ws.store
    record = sessions.start_record(ws, coworked["coallocation"], RecordKind.INITIAL_MEETING, MEETING).value
    assert record.id is not None and record.status == RecordStatus.DRAFT and record.version == 1
    rid = record.id
    form = sessions.form_for(ws, record)
    assert record.form_id == form.id and record.title == (form.mdr_title or form.title)
    # the draft starts with the co-workers as participants and the forms' default frequencies
    participants = form.find_role("participants")
    assert participants is not None
    assert record.answers[participants.id] == [coworked["experienced"], coworked["student"]]
    # starting again opens the same draft
    assert sessions.start_record(ws, coworked["coallocation"], RecordKind.INITIAL_MEETING).id == rid

    # a half-finished draft is saved as it is...
    partial = {participants.id: [coworked["experienced"], coworked["student"]]}
    sessions.save_draft(ws, rid, partial, based_on=ws.store.get_record(rid).revision)
    assert store.get_record(rid).answers == partial
    # ...but cannot go for signatures: the error names every required question still unanswered
    ca = store.get_coallocation(coworked["coallocation"])
    required = {
        q.id
        for q in form.visible_questions(partial, sessions.context_for(ws, ca))
        if q.required and q.id != participants.id
    }
    assert required
    with pytest.raises(ValidationError) as info:
        sessions.ready_for_signatures(ws, rid)
    assert set(info.value.errors) == required
    assert all(msg == "This question needs an answer." for msg in info.value.errors.values())
    for question_id in required:
        assert question_id in str(info.value)
    # signing is refused until the answers are complete
    with pytest.raises(CoworkError, match="not ready for signatures"):
        sessions.add_signature(
            ws, rid, worker_id=coworked["experienced"], name="Zoë", role="x", method="typed"
        )

    answers = answers_for(ws, coworked, store.get_record(rid))
    sessions.save_draft(ws, rid, answers, based_on=ws.store.get_record(rid).revision)
    assert sessions.check_complete(ws, store.get_record(rid)) == {}
    assert sessions.ready_for_signatures(ws, rid).value.status == RecordStatus.AWAITING_SIGNATURES

    # the manager signs last: refused while a worker has not signed, and nothing is added
    with pytest.raises(ValidationError, match="Łukasz Wiśniewski"):
        sessions.sign_off(ws, rid, manager_name="Amara Okafor")
    assert store.signatures_for(rid) == []
    worker = store.get_worker(coworked["experienced"])
    sessions.add_signature(
        ws, rid, worker_id=worker.id, name=worker.name, role=worker.role.label, method="typed"
    )
    with pytest.raises(ValidationError, match="already signed"):
        sessions.add_signature(ws, rid, worker_id=worker.id, name=worker.name, role="x", method="typed")
    with pytest.raises(ValidationError, match="Still to sign before the manager: Łukasz Wiśniewski"):
        sessions.sign_off(ws, rid, manager_name="Amara Okafor")
    assert len(store.signatures_for(rid)) == 1
    student = store.get_worker(coworked["student"])
    with pytest.raises(ValidationError, match="Draw the signature"):
        sessions.add_signature(ws, rid, worker_id=student.id, name=student.name, role="x", method="drawn")
    sessions.add_signature(
        ws,
        rid,
        worker_id=student.id,
        name=student.name,
        role=student.role.label,
        method="drawn",
        strokes=[[(0.1, 0.2), (0.4, 0.5)]],
        image_png=b"\x89PNG fake image",
    )
    signed = sessions.sign_off(ws, rid, manager_name="Amara Okafor").value

    assert signed.status == RecordStatus.SIGNED and signed.is_locked and signed.signed_at is not None
    signatures = store.signatures_for(rid)
    assert [s.signer_name for s in signatures] == ["Zoë Ó Súilleabháin", "Łukasz Wiśniewski", "Amara Okafor"]
    assert signatures[-1].worker_id is None and all(s.statement == AGREEMENT_STATEMENT for s in signatures)
    case = store.get_case(coworked["case"])
    assert len(signed.content_hash) == 64
    # the hash is that of the canonical content computed again from the rows, frame and actions included
    (inputs,) = store.signed_inputs([rid])
    assert signed.content_hash == content_hash(
        signed, case.reference, signatures, inputs.actions, inputs.form_sha256, CANON_VERSION
    )
    assert signed.signed_frame["people"][str(student.id)] == {"name": student.name, "role": "student"}
    assert set(signed.signed_frame["context"]) >= {"has_learner", "safety_risk"}
    assert integrity.check_store(store).ok

    # locked: no more saving, signing or discarding
    with pytest.raises(LockedRecordError):
        sessions.save_draft(ws, rid, {}, based_on=ws.store.get_record(rid).revision)
    with pytest.raises(CoworkError):
        sessions.add_signature(ws, rid, worker_id=None, name="Late", role="x", method="typed")
    with pytest.raises(LockedRecordError):
        sessions.ready_for_signatures(ws, rid)
    assert store.get_record(rid).answers == answers

    # the agreed actions are written, open, owned and dated
    actions = store.actions_for_record(rid)
    agreed = answers[form.find_role("actions").id]  # type: ignore[union-attr]
    assert [(a.description, a.owner_worker_id, a.due_date) for a in actions] == [
        (x["description"], x["owner"], date.fromisoformat(x["due"])) for x in agreed
    ]
    assert all(a.done_date is None for a in actions)
    assert store.open_actions(coworked["coallocation"]) == actions
    # and the facts the due rules need are kept
    next_review = form.find_role("next_review_date")
    assert next_review is not None
    assert sessions.record_facts(ws, signed).next_review_date == date.fromisoformat(answers[next_review.id])


def test_back_to_draft_clears_signatures(ws: Workspace, coworked: dict[str, int]) -> None:
    record = sessions.start_record(ws, coworked["coallocation"], RecordKind.INITIAL_MEETING, MEETING).value
    rid = record.id or 0
    sessions.save_draft(
        ws, rid, answers_for(ws, coworked, record), based_on=ws.store.get_record(rid).revision
    )
    sessions.ready_for_signatures(ws, rid)
    sign_by_workers(ws, coworked, rid)
    assert sessions.back_to_draft(ws, rid).value.status == RecordStatus.DRAFT
    assert ws.store.signatures_for(rid) == []


def test_amendment_is_version_two_linked_to_version_one(ws: Workspace, coworked: dict[str, int]) -> None:
    store = ws.store
    first = make_signed(ws, coworked, RecordKind.INITIAL_MEETING, MEETING)
    assert first.id is not None
    with pytest.raises(ValidationError, match="reason"):
        sessions.amend(ws, first.id, "  ")
    amended = sessions.amend(ws, first.id, "The wrong worker was named as recording the discussions").value
    assert amended.id is not None
    assert (amended.version, amended.supersedes_id, amended.status) == (2, first.id, RecordStatus.DRAFT)
    assert amended.amendment_reason == "The wrong worker was named as recording the discussions"
    assert amended.answers == first.answers and amended.meeting_date == first.meeting_date
    with pytest.raises(CoworkError, match="already been amended"):
        sessions.amend(ws, first.id, "again")
    with pytest.raises(CoworkError, match="only a signed record"):
        sessions.amend(ws, amended.id, "a draft")

    recorder = "discussion_recorder" if "discussion_recorder" in amended.answers else None
    changed = dict(amended.answers)
    if recorder:
        changed[recorder] = coworked["student"]
    sessions.save_draft(ws, amended.id, changed, based_on=ws.store.get_record(amended.id).revision)
    sessions.ready_for_signatures(ws, amended.id)
    sign_by_workers(ws, coworked, amended.id)
    second = sessions.sign_off(ws, amended.id, manager_name="Amara Okafor").value

    # both versions stay readable; the first is unchanged
    assert store.get_record(first.id) == first
    assert store.get_record(amended.id).answers == changed
    assert second.content_hash != first.content_hash
    versions = [(r.version, r.supersedes_id) for r in store.records_for_case(coworked["case"])]
    assert versions == [(1, None), (2, first.id)]


def test_an_amended_record_does_not_count_twice(ws: Workspace, coworked: dict[str, int]) -> None:
    """Once version 2 is signed, version 1's actions are not listed again as overdue."""
    first = make_signed(ws, coworked, RecordKind.INITIAL_MEETING, MEETING)
    amended = sessions.amend(ws, first.id or 0, "Typing error in the decision").value
    sessions.ready_for_signatures(ws, amended.id or 0)
    sign_by_workers(ws, coworked, amended.id or 0)
    sessions.sign_off(ws, amended.id or 0, manager_name="Amara Okafor")
    late = MEETING + timedelta(weeks=5)
    overdue = [i for i in sessions.due(ws, late) if i.kind == "action"]
    assert len(overdue) == 2
    # the correction left the actions alone: version 2 carries version 1's, with their identity
    carried = ws.store.record_actions(amended.id or 0)
    assert [a.id for a in carried] == [a.id for a in ws.store.actions_for_record(first.id or 0)]
    assert ws.store.actions_for_record(amended.id or 0) == []  # no copies
    assert {a.id for a in ws.store.open_actions(coworked["coallocation"])} == {a.id for a in carried}
    assert integrity.check_store(ws.store).ok


def test_a_review_marks_the_agreed_actions_done(ws: Workspace, coworked: dict[str, int]) -> None:
    store = ws.store
    initial = make_signed(ws, coworked, RecordKind.INITIAL_MEETING, MEETING)
    agreed = store.actions_for_record(initial.id or 0)
    assert len(agreed) == 2
    review_day = MEETING + timedelta(weeks=6)
    overdue = [i.action_id for i in sessions.due(ws, review_day) if i.kind == "action"]
    assert overdue == [a.id for a in agreed]

    record = sessions.start_record(ws, coworked["coallocation"], RecordKind.REVIEW, review_day).value
    form = sessions.form_for(ws, record)
    verdicts = {
        str(agreed[0].id): {"done": "yes", "note": ""},
        str(agreed[1].id): {"done": "no", "note": "Later"},
    }
    review_question = form.find_role("action_review")
    assert review_question is not None
    ca = store.get_coallocation(coworked["coallocation"])
    assert review_question in form.visible_questions({}, sessions.context_for(ws, ca))
    review = make_signed_from(ws, coworked, record, {"action_review": verdicts, "actions": []})
    assert review.status == RecordStatus.SIGNED

    done = store.actions_for_record(initial.id or 0)
    assert [a.done_date for a in done] == [review_day, None]
    assert [a.id for a in store.open_actions(coworked["coallocation"])] == [agreed[1].id]
    overdue = [i.action_id for i in sessions.due(ws, review_day + timedelta(days=1)) if i.kind == "action"]
    assert overdue == [agreed[1].id]


def make_signed_from(ws: Workspace, ids: dict[str, int], record: Record, overrides: dict[str, Any]) -> Record:
    rid = record.id or 0
    sessions.save_draft(
        ws, rid, answers_for(ws, ids, record, overrides), based_on=ws.store.get_record(rid).revision
    )
    sessions.ready_for_signatures(ws, rid)
    sign_by_workers(ws, ids, rid)
    return sessions.sign_off(ws, rid, manager_name="Amara Okafor").value


def test_disagreements_are_urgent_until_an_issue_resolution_mdr_is_signed(
    ws: Workspace, coworked: dict[str, int]
) -> None:
    make_signed(ws, coworked, RecordKind.INITIAL_MEETING, MEETING)
    review_day = MEETING + timedelta(weeks=6)
    review_form = ws.forms.for_kind("review")
    flag = flag_question(review_form, "disagree")
    review = make_signed(ws, coworked, RecordKind.REVIEW, review_day, {flag.id: "yes"})
    assert flag.id in sessions.record_facts(ws, review).issues_flagged
    triggered = review_form.triggered_follow_ups(review.answers, {})
    assert any(f.urgent and f.form == ws.forms.for_kind("issue_resolution").id for f in triggered)

    def urgent(on: date) -> list[tuple[str, int | None]]:
        return [(i.kind, i.record_id) for i in sessions.due(ws, on) if i.severity == Severity.URGENT]

    assert urgent(review_day) == [("issue_resolution", review.id)]
    # starting the MDR is not enough: it must be signed
    draft = sessions.start_record(
        ws, coworked["coallocation"], RecordKind.ISSUE_RESOLUTION, review_day, review.id
    ).value
    assert draft.linked_record_id == review.id
    assert urgent(review_day + timedelta(days=1)) == [("issue_resolution", review.id)]
    resolution = make_signed_from(ws, coworked, draft, {})
    assert resolution.linked_record_id == review.id and resolution.status == RecordStatus.SIGNED
    assert urgent(review_day + timedelta(days=1)) == []


def test_a_review_without_issues_is_not_urgent(ws: Workspace, coworked: dict[str, int]) -> None:
    make_signed(ws, coworked, RecordKind.INITIAL_MEETING, MEETING)
    review = make_signed(ws, coworked, RecordKind.REVIEW, MEETING + timedelta(weeks=6))
    assert sessions.record_facts(ws, review).issues_flagged == ()
    assert not [i for i in sessions.due(ws, MEETING + timedelta(weeks=6)) if i.severity == Severity.URGENT]


def test_workspace_settings(ws: Workspace) -> None:
    assert ws.initial_meeting_days == 5
    ws.store.set_setting("initial_meeting_days", "10")
    assert ws.initial_meeting_days == 10
    ws.store.set_setting("initial_meeting_days", "ten")
    assert ws.initial_meeting_days == 5
