"""Cases and people: add or change a worker, a case, a co-allocation; and what the views read of them.

Each write returns the saved object with the :class:`Changes` it made, so a view refreshes only what shows it.
The store checks the dataclass's ``validate()`` (a :class:`ValidationError` whose keys are the field names,
nothing written) and the rest (one active co-allocation per case, two different workers).
"""

from __future__ import annotations

from collections.abc import Sequence

from cowork_desktop.domain.models import Case, CoAllocation, Worker
from cowork_desktop.services.changes import Changes, Done
from cowork_desktop.store.repos.people import CaseRow as CaseRow
from cowork_desktop.store.store import Store as Store


def save_worker(store: Store, worker: Worker) -> Done[Worker]:
    """Add ``worker`` (no id yet) or change it. A new worker shows in the workers' list only; a changed one
    wherever that worker appears (their name on cases, records and the dashboard)."""
    if worker.id is None:
        saved = store.add_worker(worker)
        details = False
    else:
        saved = store.update_worker(worker)
        details = True
    assert saved.id is not None
    return Done(saved, Changes(workers=True, worker_details=details, worker_ids=frozenset({saved.id})))


def save_case(store: Store, case: Case) -> Done[Case]:
    """Add ``case`` (no id yet) or change its details."""
    saved = store.add_case(case) if case.id is None else store.update_case(case)
    assert saved.id is not None
    return Done(saved, Changes(cases=True, case_ids=frozenset({saved.id})))


def save_coallocation(store: Store, ca: CoAllocation) -> Done[CoAllocation]:
    """Co-allocate a case to two workers (no id yet), or change (or end) a co-allocation."""
    saved = store.add_coallocation(ca) if ca.id is None else store.update_coallocation(ca)
    assert saved.id is not None
    return Done(saved, Changes(coallocations=True, case_ids=frozenset({saved.case_id})))


def set_manager_name_if_unset(store: Store, name: str) -> Changes:
    """The manager's name, as they sign records, unless one is set already."""
    if not name or store.get_setting("manager_name"):
        return Changes()
    store.set_setting("manager_name", name)
    return Changes(settings=True)


# -- what the views read --------------------------------------------------------------------------------------


def workers(store: Store, *, active_only: bool = False) -> list[Worker]:
    return store.list_workers(active_only=active_only)


def worker(store: Store, worker_id: int) -> Worker:
    return store.get_worker(worker_id)


def case(store: Store, case_id: int) -> Case:
    return store.get_case(case_id)


def find_case(store: Store, reference: str) -> Case:
    """The case with ``reference`` (NotFoundError if none)."""
    return store.find_case(reference)


def case_rows(store: Store, search: str = "", limit: int = 500, offset: int = 0) -> list[CaseRow]:
    return store.list_cases(search, limit=limit, offset=offset)


def count_cases(store: Store, search: str = "") -> int:
    return store.count_cases(search)


def matching_case_ids(store: Store, search: str) -> list[int] | None:
    """The cases a search finds, in the case list's order (one pass for its count and every page); None for an
    empty search (every case, read by page)."""
    return store.matching_case_ids(search)


def case_rows_by_id(store: Store, case_ids: Sequence[int]) -> list[CaseRow]:
    return store.case_rows_by_id(case_ids)


def coallocation(store: Store, ca_id: int) -> CoAllocation:
    return store.get_coallocation(ca_id)


def coallocations_for_case(store: Store, case_id: int) -> list[CoAllocation]:
    """The case's co-allocations, oldest first."""
    return store.coallocations_for_case(case_id)


def is_empty(store: Store) -> bool:
    """No cases and no workers yet (the main window shows its welcome)."""
    return store.count_cases() == 0 and not store.list_workers()
