"""The one rule for "who is a learner" (domain/models.learner_ids): the devlog, the demo, the forms' has_learner
condition and the roles all read it, so they cannot disagree. Before, services/sessions.learner_ids counted only
students and ASYEs, so a co-allocation "for development" of two social workers had a learner for the development
log and the forms but none for the sessions copy."""

from __future__ import annotations

import itertools

import cowork_desktop.services.sessions as sessions
from cowork_desktop.domain.forms import form_context
from cowork_desktop.domain.models import Reason, Role, is_learner_role, learner_ids


def test_students_and_asyes_are_learners_by_role() -> None:
    assert {r for r in Role if r.is_learner} == {Role.STUDENT, Role.ASYE}
    assert all(is_learner_role(r.value) == r.is_learner for r in Role)  # a stored value reads the same


def test_development_makes_the_co_worker_who_is_not_the_lead_the_learner() -> None:
    both = {1: Role.SOCIAL_WORKER, 2: Role.SOCIAL_WORKER}
    assert learner_ids(both, 1, [Reason.DEVELOPMENT]) == (2,)
    assert learner_ids(both, 1, ["development"]) == (2,)
    assert learner_ids(both, 1, [Reason.COMPLEXITY]) == ()
    # a student or ASYE is the learner whatever the reasons and whoever leads
    assert learner_ids({1: Role.STUDENT, 2: Role.SENIOR_PRACTITIONER}, 1, [Reason.DEVELOPMENT]) == (1,)


def test_the_forms_has_learner_condition_agrees_with_the_rule_for_every_pair_of_roles_and_reasons() -> None:
    reason_sets: list[list[Reason]] = [[], [Reason.COMPLEXITY], [Reason.DEVELOPMENT], [Reason.SAFETY]]
    for first, second in itertools.product(Role, repeat=2):
        for reasons in reason_sets:
            learners = learner_ids({1: first, 2: second}, 1, reasons)
            context = form_context([first.value, second.value], [r.value for r in reasons])
            assert context["has_learner"] == bool(learners), (first, second, reasons)


def test_there_is_one_learner_ids() -> None:
    assert not hasattr(sessions, "learner_ids")  # the services use the domain rule, not a copy of their own
