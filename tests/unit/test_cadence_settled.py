"""What a cadence settles for good (domain.cadence.settle) gives, on every later day, the missed count that walking
every expected date gives (agreed_cadence): for random agreements, held dates and ends, and for every co-allocation
of a generated service on days before and after its records."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from benchmarks.generate import generate
from cowork_desktop.domain.cadence import Agreed, agreed_cadence, missed_on, settle
from cowork_desktop.domain.due import due_facts_of
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store

RULES = (
    "FREQ=WEEKLY",
    "FREQ=WEEKLY;INTERVAL=2",
    "FREQ=MONTHLY",
    "FREQ=DAILY;INTERVAL=10",
    "FREQ=MONTHLY;INTERVAL=2",
    "FREQ=YEARLY",
    "not a rule",
)
TODAY = date(2026, 11, 23)


def _walked(agreed: list[Agreed], held: list[date], on: date, end: date | None) -> int:
    found = agreed_cadence(agreed, held, on, end)
    return found.missed_count if found else 0


def test_random_agreements_held_dates_and_ends_count_the_same_on_every_later_day() -> None:
    rng = random.Random(14)
    checked = settled_days = 0
    for _ in range(400):
        start = date(2025, 1, 1) + timedelta(days=rng.randrange(400))
        agreed = []
        since = start
        for n in range(rng.choice((1, 1, 2, 3))):
            agreed.append(Agreed(since, n + 1, rng.choice(RULES)))
            since += timedelta(days=rng.randrange(20, 200))
        held = sorted(
            start + timedelta(days=rng.randrange(-10, 500)) for _ in range(rng.randrange(0, 30))
        )  # some before the start, some (perhaps) after the end
        end = start + timedelta(days=rng.randrange(30, 700)) if rng.random() < 0.4 else None
        parts = settle(agreed, held, end)
        for offset in range(0, 800, 7):
            on = start + timedelta(days=offset)
            fast = missed_on(parts, on)
            checked += 1
            if fast is None:
                continue  # before what is settled: the caller walks
            settled_days += 1
            assert fast == _walked(agreed, held, on, end), (agreed, held, end, on)
    assert settled_days > checked // 2  # most days are after what the records settle


def test_a_day_before_what_is_settled_is_walked() -> None:
    agreed = [Agreed(date(2026, 1, 5), 1, "FREQ=WEEKLY;INTERVAL=2")]
    held = [date(2026, 1, 19), date(2026, 3, 2)]
    parts = settle(agreed, held)
    assert missed_on(parts, date(2026, 2, 1)) is None  # before the last discussion held: walk it
    assert missed_on(parts, date(2026, 6, 1)) == _walked(agreed, held, date(2026, 6, 1), None) > 0


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated service (fictional), as the benchmarks make them."""
    path = tmp_path_factory.mktemp("cadence") / "service.db"
    generate(path, cases=300, seed=7, anchor=TODAY)
    return path


@pytest.mark.slow  # a generated service
def test_every_coallocation_of_a_service_counts_the_same(generated: Path) -> None:
    with open_store(generated) as store:
        ws = Workspace.open(store)
        states = store.coallocation_states(None)
        assert len(states) > 20
        for state in states:
            facts = due_facts_of(state)
            for days in (-400, -120, -30, 0, 1, 45, 200):
                on = TODAY + timedelta(days=days)
                for parts, agreed, held in (
                    (facts.discussion_settled, facts.discussion_agreed, facts.discussions_held),
                    (facts.supervision_settled, facts.supervision_agreed, facts.reviews_held),
                ):
                    fast = missed_on(parts, on)
                    if fast is not None:
                        assert fast == _walked(list(agreed), list(held), on, state.end_date)
        assert ws.store.path == generated
