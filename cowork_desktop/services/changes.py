"""What a use case changed, so a view refreshes only what shows it (as Anki's ``OpChanges``).

Every service that writes returns a :class:`Changes`. A view declares what it shows as a set of the flag names
(:data:`KINDS`), and asks :meth:`Changes.touches`; the main window refreshes only the pages a change touches.
Changes add up with ``|`` (an operation that does two things says both).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Generic, TypeVar

#: what can change, one flag each; a view depends on a set of these names
KINDS = frozenset(
    {
        "cases",  # a case was added, or its reference, status or plan changed
        "workers",  # the list of workers: one added, renamed, or made (in)active
        "worker_details",  # a worker's name or role as shown wherever the worker appears (not a new worker)
        "coallocations",  # a co-allocation was added, changed or ended
        "records",  # a record's draft, signatures, status or amendment; its actions
        "settings",  # a stored setting (names on records, the calendar, the thresholds)
        "audit",  # the audit log and signed chain heads (exports, checks)
        "database",  # another database (opened, switched, restored, demo data loaded): everything
    }
)


@dataclass(frozen=True)
class Changes:
    """The flags of what changed (:data:`KINDS`), and the ids touched where they are known."""

    cases: bool = False
    workers: bool = False
    worker_details: bool = False
    coallocations: bool = False
    records: bool = False
    settings: bool = False
    audit: bool = False
    database: bool = False
    case_ids: frozenset[int] = frozenset()
    worker_ids: frozenset[int] = frozenset()
    record_ids: frozenset[int] = frozenset()

    @classmethod
    def everything(cls) -> Changes:
        """Another database, or a change nobody described: every view reads again."""
        return cls(database=True)

    def __or__(self, other: Changes) -> Changes:
        merged: dict[str, object] = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            merged[f.name] = mine | theirs
        return Changes(**merged)  # type: ignore[arg-type]

    @property
    def kinds(self) -> frozenset[str]:
        """The names of the flags set (every kind when the database itself changed)."""
        if self.database:
            return KINDS
        return frozenset(name for name in KINDS if getattr(self, name))

    def touches(self, depends_on: frozenset[str]) -> bool:
        """True when a view showing ``depends_on`` (names from :data:`KINDS`) must read again."""
        unknown = depends_on - KINDS
        if unknown:
            raise ValueError(f"unknown kinds of change: {', '.join(sorted(unknown))}")
        return bool(self.kinds & depends_on)

    def __bool__(self) -> bool:
        return bool(self.kinds)


NOTHING = Changes()


T = TypeVar("T")


@dataclass(frozen=True)
class Done(Generic[T]):
    """What a write did: its result (the object saved, a draft's new revision) and the :class:`Changes` it made."""

    value: T
    changes: Changes

    @property
    def id(self) -> int:
        """The saved object's id (for a result that has one)."""
        ident = getattr(self.value, "id", None)
        assert isinstance(ident, int), f"{type(self.value).__name__} has no id"
        return ident
