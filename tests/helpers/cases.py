"""A case and its two co-workers, put in a store directly (the store tests, and tests that need one row of each)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cowork_desktop.domain.models import Case, CoAllocation, Reason, Worker
from cowork_desktop.store.store import Store

#: The co-allocations' first day (a Monday) unless a test says otherwise.
START = date(2026, 11, 2)


@dataclass(frozen=True)
class Coallocated:
    experienced: Worker
    learner: Worker
    case: Case
    coallocation: CoAllocation


def two_workers_and_a_case(
    store: Store, first: Worker, second: Worker, case: Case
) -> tuple[Worker, Worker, Case]:
    """``first``, ``second`` and ``case`` added in that order, as the store returned them (each with its id)."""
    w1 = store.add_worker(first)
    w2 = store.add_worker(second)
    added = store.add_case(case)
    assert w1.id and w2.id and added.id
    return w1, w2, added


def coallocate(
    store: Store, experienced: Worker, learner: Worker, case: Case, start: date = START
) -> Coallocated:
    """``experienced`` and ``learner`` added (in that order), then ``case``, then co-allocated to them from
    ``start`` for the learner's development, ``experienced`` leading: each as the store returned it."""
    w1, w2, added = two_workers_and_a_case(store, experienced, learner, case)
    assert w1.id and w2.id and added.id
    ca = store.add_coallocation(CoAllocation(added.id, w1.id, w2.id, w1.id, start, [Reason.DEVELOPMENT]))
    assert ca.id
    return Coallocated(w1, w2, added, ca)
