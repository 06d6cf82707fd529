"""What the generated wizard needs to know about one record: plain data gathered once from the services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cowork_desktop.domain.forms import RESERVED_PREFIX, FormDefinition, Question
from cowork_desktop.domain.models import Action, CoAllocation, Record, RecordKind, Worker
from cowork_desktop.services import cases, sessions
from cowork_desktop.services import plan as plan_service
from cowork_desktop.services.sessions import Workspace

#: the wizard's own answer (the page it stopped on): a reserved key, never a question (``domain.forms``)
PAGE_KEY = f"{RESERVED_PREFIX}page"


@dataclass
class WizardEnv:
    ws: Workspace
    record: Record
    form: FormDefinition
    ca: CoAllocation
    case_reference: str
    coworkers: list[Worker]
    context: dict[str, bool]
    names: dict[int, str]
    #: every action agreed in the case, by id; and the ids still open (in due-date order)
    actions: dict[int, Action] = field(default_factory=dict)
    open_action_ids: list[int] = field(default_factory=list)
    arrangement: plan_service.Arrangement | None = None

    @classmethod
    def load(cls, ws: Workspace, record_id: int) -> WizardEnv:
        record = sessions.record(ws, record_id)
        form = sessions.form_for(ws, record)
        ca = cases.coallocation(ws.store, record.coallocation_id)
        assert ca.id is not None
        case = cases.case(ws.store, record.case_id)
        coworkers = [cases.worker(ws.store, w) for w in ca.worker_ids]
        context = sessions.context_for(ws, ca)
        review_q = form.find_role("action_review")
        if review_q is not None and record.answers.get(review_q.id):
            # an amendment keeps the verdicts it had, even when those actions are now done
            context["has_previous_actions"] = True
        arrangement = None
        if record.kind != RecordKind.INITIAL_MEETING:
            arrangement = plan_service.current_arrangement(ws, ca)
        return cls(
            ws=ws,
            record=record,
            form=form,
            ca=ca,
            case_reference=case.reference,
            coworkers=coworkers,
            context=context,
            names=plan_service.worker_names(ws),
            actions=plan_service.case_actions(ws, record.case_id),
            open_action_ids=[a.id for a in sessions.open_actions(ws, ca.id) if a.id is not None],
            arrangement=arrangement,
        )

    @property
    def meeting_date(self) -> date:
        return self.record.meeting_date

    def worker_label(self, worker: Worker) -> str:
        return f"{worker.name} ({worker.role.label})"

    def proposed_date(self, q: Question, answers: dict[str, Any], meeting_date: date) -> date:
        """What a date question shows before it is answered: the next review from the agreed supervision
        frequency (this form's answer, else the arrangement in force), otherwise the meeting date."""
        if q.role == "next_review_date":
            rule = ""
            own = self.form.find_role("supervision_frequency")
            if own is not None and isinstance(answers.get(own.id), str):
                rule = answers[own.id]
            elif self.arrangement is not None:
                rule = self.arrangement.supervision_rrule
            proposed = plan_service.proposed_next_review(meeting_date, rule)
            if proposed is not None:
                return proposed
        return meeting_date

    def proposed_rule(self, q: Question) -> str:
        """What a frequency question shows before it is answered: the form's default, else the rule of the
        arrangement in force for the same role (a review changing it starts from the current one)."""
        if q.default:
            return q.default
        if self.arrangement is not None:
            if q.role == "discussion_frequency":
                return self.arrangement.discussion_rrule
            if q.role == "supervision_frequency":
                return self.arrangement.supervision_rrule
        return ""

    def review_action_ids(self, answers: dict[str, Any], q: Question) -> list[int]:
        """The actions an action_review question lists: those still open, and any it already has a verdict on."""
        ids = list(self.open_action_ids)
        value = answers.get(q.id)
        if isinstance(value, dict):
            for key in value:
                if str(key).isdigit() and int(key) in self.actions and int(key) not in ids:
                    ids.append(int(key))
        return ids
