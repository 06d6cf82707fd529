"""Records made through the services as a user makes them, on the ``coworked`` case (tests/conftest.py)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from cowork_desktop.domain.models import Record, RecordKind
from cowork_desktop.services import sessions
from cowork_desktop.services.demo import MANAGER_NAME, demo_answers, flag_question
from cowork_desktop.services.sessions import Workspace

MEETING = date(2026, 11, 5)  # co-allocated Monday 2 November 2026


def signed_initial_meeting(ws: Workspace, ids: dict[str, int]) -> Record:
    """The initial meeting of the ``coworked`` case, complete, signed by both workers and the manager."""
    ca = ws.store.get_coallocation(ids["coallocation"])
    record = sessions.start_record(ws, ids["coallocation"], RecordKind.INITIAL_MEETING, MEETING).value
    assert record.id is not None
    form = sessions.form_for(ws, record)
    answers = demo_answers(form, ca, sessions.context_for(ws, ca), MEETING, experienced_id=ids["experienced"])
    sessions.save_draft(ws, record.id, answers, based_on=ws.store.get_record(record.id).revision)
    sessions.ready_for_signatures(ws, record.id)
    for worker_id in ca.worker_ids:
        worker = ws.store.get_worker(worker_id)
        sessions.add_signature(
            ws, record.id, worker_id=worker_id, name=worker.name, role=worker.role.label, method="typed"
        )
    return sessions.sign_off(ws, record.id, manager_name="Amara Okafor").value


def answers_for(
    ws: Workspace, ids: dict[str, int], record: Record, overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    ca = ws.store.get_coallocation(ids["coallocation"])
    return demo_answers(
        sessions.form_for(ws, record),
        ca,
        sessions.context_for(ws, ca),
        record.meeting_date,
        overrides,
        experienced_id=ids["experienced"],
        open_actions=ws.store.open_actions(ids["coallocation"]),
    )


def sign_by_workers(ws: Workspace, ids: dict[str, int], record_id: int) -> None:
    for key in ("experienced", "student"):
        worker = ws.store.get_worker(ids[key])
        sessions.add_signature(
            ws, record_id, worker_id=worker.id, name=worker.name, role=worker.role.label, method="typed"
        )


def make_signed(
    ws: Workspace,
    ids: dict[str, int],
    kind: RecordKind,
    on: date,
    overrides: dict[str, Any] | None = None,
    linked: int | None = None,
) -> Record:
    record = sessions.start_record(ws, ids["coallocation"], kind, on, linked).value
    assert record.id is not None
    sessions.save_draft(
        ws,
        record.id,
        answers_for(ws, ids, record, overrides),
        based_on=ws.store.get_record(record.id).revision,
    )
    sessions.ready_for_signatures(ws, record.id)
    sign_by_workers(ws, ids, record.id)
    return sessions.sign_off(ws, record.id, manager_name="Amara Okafor").value


def review_with_a_disagreement(ws: Workspace, ids: dict[str, int], detail: str) -> Record:
    """The initial meeting on :data:`MEETING` signed, then a review six weeks on that flags a disagreement
    (``detail``), signed: it asks for an urgent issue-resolution meeting."""
    make_signed(ws, ids, RecordKind.INITIAL_MEETING, MEETING)
    flag = flag_question(ws.forms.for_kind("review"), "disagree")
    return make_signed(
        ws,
        ids,
        RecordKind.REVIEW,
        MEETING + timedelta(weeks=6),
        {flag.id: "yes", "disagreements_detail": detail},
    )


def signed_by_everyone(ws: Workspace, record_id: int, manager_name: str = MANAGER_NAME) -> Record:
    """The draft ``record_id`` made ready, signed by each signer it needs (typed) and signed off by the manager."""
    sessions.ready_for_signatures(ws, record_id)
    for worker_id in sessions.required_signers(ws, ws.store.get_record(record_id)):
        worker = ws.store.get_worker(worker_id)
        sessions.add_signature(
            ws, record_id, worker_id=worker_id, name=worker.name, role=worker.role.label, method="typed"
        )
    return sessions.sign_off(ws, record_id, manager_name=manager_name).value


def draft_amendment_of_the_initial_meeting(ws: Workspace, case_id: int) -> Record:
    """An amendment of the case's (first) initial meeting, its learning opportunities changed and saved: a draft."""
    first = next(r for r in ws.store.records_for_case(case_id) if r.kind == RecordKind.INITIAL_MEETING)
    assert first.id is not None
    amended = sessions.amend(ws, first.id, "Corrected a learning opportunity").value
    assert amended.id is not None
    answers = dict(amended.answers, learning_opportunities="Chair the core group with support")
    sessions.save_draft(ws, amended.id, answers, based_on=ws.store.get_record(amended.id).revision)
    return ws.store.get_record(amended.id)
