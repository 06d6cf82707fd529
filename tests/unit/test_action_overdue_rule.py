"""The one rule for an overdue action (domain/models.action_overdue), used by the due list and the drift score."""

from __future__ import annotations

from datetime import date

from cowork_desktop.domain.models import action_overdue

ON = date(2026, 11, 10)


def test_an_action_is_overdue_only_when_not_done_and_past_its_due_date() -> None:
    assert action_overdue(date(2026, 11, 9), None, ON)
    assert not action_overdue(date(2026, 11, 10), None, ON)  # due today is not yet overdue
    assert not action_overdue(date(2026, 11, 9), date(2026, 11, 9), ON)  # done
    assert not action_overdue(None, None, ON)  # no due date
