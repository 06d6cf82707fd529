"""Every form shipped in forms/ loads, and carries what the co-working protocol asks for."""

from __future__ import annotations

from typing import Any

import pytest
from helpers.forms import SHIPPED_TASKS as TASKS

from cowork_desktop.domain.forms import FormDefinition, QuestionKind, form_context
from cowork_desktop.domain.models import RecordKind
from cowork_desktop.forms import FormSet, definition_from_dict, definition_to_dict, load_forms
from cowork_desktop.paths import forms_dir

MDR_HEADINGS = (
    "decision",
    "facts_and_reflection",
    "risks_and_analysis",
    "actions",
    "timeframe",
    "childs_voice",
)
LADDER = (
    "Conflict",
    "Competition",
    "Co-existence",
    "Compliance",
    "Co-operation",
    "Co-ordination",
    "Collaboration",
    "Co-ownership",
    "Full partnership",
)
LEARNER = form_context(["student", "senior_practitioner"], [])
NO_LEARNER = form_context(["social_worker", "senior_practitioner"], ["complexity"])


@pytest.fixture(scope="module")
def forms() -> FormSet:
    return load_forms(forms_dir())


def _ids(questions: list[Any]) -> set[str]:
    return {q.id for q in questions}


def test_one_form_per_record_kind(forms: FormSet) -> None:
    kinds = [f.record_kind for f in forms]
    for kind in RecordKind:
        assert kinds.count(kind.value) == 1, kind
    assert len(kinds) == len(RecordKind)


def test_form_ids_match_record_kinds(forms: FormSet) -> None:
    for kind in RecordKind:
        assert forms.for_kind(kind.value).id == kind.value


def test_every_question_has_guidance_and_a_prompt(forms: FormSet) -> None:
    for form in forms:
        for q in form.questions:
            assert q.prompt.strip(), (form.id, q.id)
            assert q.guidance.strip(), (form.id, q.id)


def test_mdr_forms_have_the_supervision_title(forms: FormSet) -> None:
    for kind in RecordKind:
        form = forms.for_kind(kind.value)
        assert bool(form.mdr_title) == kind.is_mdr, form.id
        if kind.is_mdr:
            assert form.mdr_title == "Supervision"


def test_initial_meeting_has_the_nine_tasks(forms: FormSet) -> None:
    form = forms.get("initial_meeting")
    q = form.find_role("responsibilities")
    assert q is not None
    assert q.kind == QuestionKind.RESPONSIBILITIES
    assert q.required
    assert q.tasks == TASKS


def test_closing_has_the_same_nine_tasks(forms: FormSet) -> None:
    q = forms.get("closing").find_role("responsibilities")
    assert q is not None and q.required
    assert q.tasks == TASKS


def test_initial_meeting_frequencies_and_review(forms: FormSet) -> None:
    form = forms.get("initial_meeting")
    discussion = form.find_role("discussion_frequency")
    supervision = form.find_role("supervision_frequency")
    review = form.find_role("next_review_date")
    assert discussion is not None and discussion.default == "FREQ=WEEKLY;INTERVAL=2" and discussion.required
    assert supervision is not None and supervision.default == "FREQ=MONTHLY" and supervision.required
    assert review is not None and review.required and review.not_before_meeting
    assert review.kind == QuestionKind.DATE


@pytest.mark.parametrize("qid", ["delays", "disagreements", "role_uncertainty"])
def test_review_issues_demand_an_urgent_issue_resolution(forms: FormSet, qid: str) -> None:
    form = forms.get("review")
    q = form.question(qid)
    assert q.kind == QuestionKind.YES_NO
    assert q.required
    assert [(fu.when, fu.form, fu.urgent) for fu in q.follow_ups] == [(("yes",), "issue_resolution", True)]
    triggered = form.triggered_follow_ups({qid: "yes"}, NO_LEARNER)
    assert [fu.form for fu in triggered] == ["issue_resolution"]
    assert form.triggered_follow_ups({qid: "no"}, NO_LEARNER) == []


def test_review_partnership_ladder_has_the_nine_rungs_in_order(forms: FormSet) -> None:
    q = forms.get("review").find_role("partnership_ladder")
    assert q is not None and q.required
    assert q.kind == QuestionKind.CHOICE
    assert q.choices == LADDER


def test_review_next_date_only_when_co_working_continues(forms: FormSet) -> None:
    form = forms.get("review")
    assert form.find_role("next_review_date") is form.question("next_review_date")
    for decision, shown in [
        ("Continue as agreed", True),
        ("Change the arrangement", True),
        ("End co-working", False),
    ]:
        visible = _ids(form.visible_questions({"decision": decision}, NO_LEARNER))
        assert ("next_review_date" in visible) is shown, decision
        assert ("changes" in visible) is (decision == "Change the arrangement"), decision


def test_review_action_review_only_with_previous_actions(forms: FormSet) -> None:
    form = forms.get("review")
    assert form.question("action_review").guidance == "People do what they promise"
    without = form_context(["social_worker", "senior_practitioner"], [], has_previous_actions=False)
    with_actions = form_context(["social_worker", "senior_practitioner"], [], has_previous_actions=True)
    assert "action_review" not in _ids(form.visible_questions({}, without))
    assert "action_review" in _ids(form.visible_questions({}, with_actions))


LEARNING_QUESTIONS = {
    "initial_meeting": {
        "experienced_leads_first",
        "key_work_holder",
        "learner_contribution",
        "reflective_commitment",
        "analysis_recording",
        "learning_evidence",
        "learning_opportunities",
    },
    "review": {"learner_development", "experienced_still_leads"},
    "reflective_discussion": {"learning"},
    "closing": {"learning_summary"},
}


@pytest.mark.parametrize("form_id", sorted(LEARNING_QUESTIONS))
def test_learning_questions_follow_the_has_learner_context(forms: FormSet, form_id: str) -> None:
    form = forms.get(form_id)
    expected = LEARNING_QUESTIONS[form_id]
    assert not expected & _ids(form.visible_questions({}, NO_LEARNER))
    assert expected <= _ids(form.visible_questions({}, LEARNER))
    # a worker in development (not a student or ASYE) is a learner too
    development = form_context(["social_worker", "senior_practitioner"], ["development"])
    assert expected <= _ids(form.visible_questions({}, development))


def test_learning_plan_lead_until_date_follows_the_answer(forms: FormSet) -> None:
    form = forms.get("initial_meeting")
    assert "experienced_leads_until" not in _ids(form.visible_questions({}, LEARNER))
    visible = _ids(form.visible_questions({"experienced_leads_first": "yes"}, LEARNER))
    assert "experienced_leads_until" in visible
    hidden = _ids(form.visible_questions({"experienced_leads_first": "yes"}, NO_LEARNER))
    assert "experienced_leads_until" not in hidden


def test_joint_visits_question_is_always_shown(forms: FormSet) -> None:
    form = forms.get("initial_meeting")
    safety = form_context(["social_worker", "senior_practitioner"], ["safety"])
    for context in (NO_LEARNER, safety):
        assert "joint_visits" in _ids(form.visible_questions({}, context))
    assert "safety_note" not in _ids(form.visible_questions({}, NO_LEARNER))
    assert "safety_note" in _ids(form.visible_questions({}, safety))
    assert "joint_visits_detail" in _ids(form.visible_questions({"joint_visits": "yes"}, NO_LEARNER))
    assert "joint_visits_detail" not in _ids(form.visible_questions({"joint_visits": "no"}, NO_LEARNER))


@pytest.mark.parametrize("form_id", ["initial_meeting", "issue_resolution", "closing"])
def test_mdr_forms_have_the_standard_headings(forms: FormSet, form_id: str) -> None:
    form = forms.get(form_id)
    ids = _ids(form.questions)
    assert set(MDR_HEADINGS) <= ids
    assert form.question("decision").role == "decision" and form.question("decision").required
    assert form.question("actions").role == "actions"
    assert form.question("actions").kind == QuestionKind.ACTIONS
    assert form.question("childs_voice").required
    for heading in MDR_HEADINGS:
        assert form.question(heading).show_if is None, heading


def test_issue_resolution_actions_are_required(forms: FormSet) -> None:
    assert forms.get("issue_resolution").question("actions").required


@pytest.mark.parametrize("kind", [k.value for k in RecordKind])
def test_every_form_records_who_took_part(forms: FormSet, kind: str) -> None:
    q = forms.for_kind(kind).find_role("participants")
    assert q is not None and q.required and q.kind == QuestionKind.WORKERS


@pytest.mark.parametrize("kind", [k.value for k in RecordKind])
def test_definition_round_trips(forms: FormSet, kind: str) -> None:
    form = forms.for_kind(kind)
    data = definition_to_dict(form)
    again = definition_from_dict(data, form.source_file)
    assert again == form
    assert definition_to_dict(again) == data


def test_round_trip_keeps_conditions_and_follow_ups(forms: FormSet) -> None:
    again: FormDefinition = definition_from_dict(definition_to_dict(forms.get("review")))
    assert again.question("delays").follow_ups == forms.get("review").question("delays").follow_ups
    assert (
        again.question("next_review_date").show_if == forms.get("review").question("next_review_date").show_if
    )
