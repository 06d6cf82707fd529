"""What a view reckoned per co-allocation, kept between its refreshes (issue 14): the dashboard's due items and
the team view's drift are reckoned again only for the co-allocations whose mark moved
(:meth:`~cowork_desktop.store.store.Store.coallocation_marks`: migration m009's triggers set it anew on every write
that changes what is reckoned from a co-allocation, plain SQL included), and for all of them when what they are
reckoned with (the day, a setting, the calendar, the database) is another."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class Reckoned(Generic[T]):
    """A view's results per co-allocation with the mark each was reckoned at. One reckoning at a time."""

    key: tuple[object, ...] | None = None
    kept: dict[int, tuple[int, T]] = field(default_factory=dict)
    #: how many co-allocations the last reckoning reckoned again (the rest came from here)
    reckoned: int = 0
    #: what the view made of them all the last time (the dashboard's lists in order), while ``key`` holds
    made: object = None

    def stale(self, key: tuple[object, ...], marks: dict[int, int]) -> list[int]:
        """The co-allocations of ``marks`` (id: mark) to reckon again, in id order: those whose mark moved or that
        were never reckoned; every one when ``key`` (what they are reckoned with) is not the last one's."""
        if self.key != key:
            self.key, self.kept, self.made = key, {}, None
        found = sorted(ca for ca, mark in marks.items() if self.kept.get(ca, (None,))[0] != mark)
        self.reckoned = len(found)
        return found

    def keep(self, coallocation_id: int, mark: int, value: T) -> None:
        self.kept[coallocation_id] = (mark, value)

    def current(self, marks: dict[int, int]) -> list[T]:
        """The results of the co-allocations of ``marks``, in id order (what one reading of them all gives); the
        others (no longer active) are let go."""
        self.kept = {ca: self.kept[ca] for ca in sorted(marks) if ca in self.kept}
        return [value for _mark, value in self.kept.values()]
