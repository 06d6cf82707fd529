"""A small co-allocation signed through the sessions, month by month: the fixture ``small`` (a plugin of
tests/conftest.py, so every test can ask for it) and the day ``ON`` its figures are read on."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pytest

from cowork_desktop.domain.models import Record, RecordKind
from cowork_desktop.services import sessions
from cowork_desktop.services.demo import demo_answers
from cowork_desktop.services.sessions import Workspace
from helpers.records import signed_by_everyone

D = date.fromisoformat


def _sign(
    ws: Workspace,
    ca_id: int,
    kind: RecordKind,
    day: date,
    overrides: Mapping[str, Any] | None = None,
    linked: int | None = None,
) -> Record:
    ca = ws.store.get_coallocation(ca_id)
    record = sessions.start_record(ws, ca_id, kind, day, linked).value
    assert record.id is not None
    form = sessions.form_for(ws, record)
    answers = demo_answers(
        form, ca, sessions.context_for(ws, ca), day, overrides, open_actions=ws.store.open_actions(ca_id)
    )
    sessions.save_draft(ws, record.id, answers, day, based_on=ws.store.get_record(record.id).revision)
    return signed_by_everyone(ws, record.id)


ON = D("2027-01-06")


@pytest.fixture
def small(ws: Workspace, coworked: dict[str, int]) -> dict[str, int]:
    """Zoë (experienced, lead) and Łukasz (student), co-allocated on Monday 2 Nov 2026.

    Initial meeting 2 Nov: discussions weekly, joint supervision every 4 weeks, first review 30 Nov; actions A1
    (Zoë, due 9 Nov), A2 (Łukasz, due 16 Nov). Reflective discussions 10 and 24 Nov. Review 30 Nov: A1 done, A2
    not; a disagreement; ladder "Co-existence"; A3 (Łukasz, due 7 Dec). Issue resolution 1 Dec: A4 (Zoë, due
    10 Dec). Review 28 Dec: A2, A3, A4 done; ladder "Collaboration"; next review 25 Jan.
    """
    ca = coworked["coallocation"]
    zoe, lukasz = coworked["experienced"], coworked["student"]

    def act(owner: int, due: str, text: str = "Agreed action") -> dict[str, Any]:
        return {"description": text, "owner": owner, "due": due}

    _sign(
        ws,
        ca,
        RecordKind.INITIAL_MEETING,
        D("2026-11-02"),
        {
            "discussion_frequency": "FREQ=WEEKLY",
            "supervision_frequency": "FREQ=WEEKLY;INTERVAL=4",
            "next_review_date": "2026-11-30",
            "learning_opportunities": "- Observe Zoë chairing the core group\n- Lead a home visit with support\n"
            "- Present to court under supervision [PCF: Knowledge; skills_and_interventions]",
            "actions": [act(zoe, "2026-11-09"), act(lukasz, "2026-11-16")],
        },
    )
    a1, a2 = ws.store.open_actions(ca)
    _sign(
        ws,
        ca,
        RecordKind.REFLECTIVE_DISCUSSION,
        D("2026-11-10"),
        {"learning": "Reflected on how AB responded to challenge", "actions": []},
    )
    _sign(
        ws,
        ca,
        RecordKind.REFLECTIVE_DISCUSSION,
        D("2026-11-24"),
        {"learning": "Learned how the Children Act 1989 thresholds apply", "actions": []},
    )
    review = _sign(
        ws,
        ca,
        RecordKind.REVIEW,
        D("2026-11-30"),
        {
            "disagreements": "yes",
            "partnership_ladder": "Co-existence",
            "learner_development": "Wrote the assessment with the co-worker",
            "action_review": {
                str(a1.id): {"done": "yes", "note": ""},
                str(a2.id): {"done": "no", "note": ""},
            },
            "actions": [act(lukasz, "2026-12-07")],
            "next_review_date": "2026-12-28",
        },
    )
    _sign(
        ws, ca, RecordKind.ISSUE_RESOLUTION, D("2026-12-01"), {"actions": [act(zoe, "2026-12-10")]}, review.id
    )
    open_now = ws.store.open_actions(ca)
    assert len(open_now) == 3
    _sign(
        ws,
        ca,
        RecordKind.REVIEW,
        D("2026-12-28"),
        {
            "partnership_ladder": "Collaboration",
            "action_review": {str(a.id): {"done": "yes", "note": ""} for a in open_now},
            "actions": [],
            "next_review_date": "2027-01-25",
        },
    )
    return coworked
