"""Agreed against held: how often the co-workers agreed to meet (reflective case discussions, joint supervision)
set against the meetings recorded, point by point (:func:`cadence`, :func:`agreed_cadence`), and the count of
those missed on any day from what was settled once (:func:`settle`, :func:`missed_on`): the drift of a service's
co-allocations is counted from that instead of walking every expected date since each started (issue 14).
Plain Python, no Qt, no SQL."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from cowork_desktop.domain.dates import (
    after_interval,
    describe_rrule,
    next_occurrence,
    occurrences_after,
    parse_rrule_safe,
)


class CadenceStatus(StrEnum):
    HELD = "held"
    MISSED = "missed"
    PENDING = "pending"  # its window is still open on the day looked at


@dataclass(frozen=True)
class CadencePoint:
    expected: date
    status: CadenceStatus
    held: date | None = None  # the held date matched to it


@dataclass(frozen=True)
class Cadence:
    """Agreed dates against held dates for one agreed frequency (discussions or joint supervision)."""

    rule: str
    anchor: date  # the initial meeting the rule was agreed in (the rule's start)
    until: date  # the last day looked at (the day, or the co-allocation's end)
    tolerance_days: int
    points: tuple[CadencePoint, ...] = ()
    #: held dates matched to no expected date (extra discussions: never a problem)
    extra_held: tuple[date, ...] = ()
    #: the next expected date after ``until`` (None when the rule has ended)
    next_expected: date | None = None

    @property
    def description(self) -> str:
        return describe_rrule(self.rule)

    @property
    def held_count(self) -> int:
        return sum(1 for p in self.points if p.status == CadenceStatus.HELD)

    @property
    def missed_count(self) -> int:
        return sum(1 for p in self.points if p.status == CadenceStatus.MISSED)

    @property
    def pending_count(self) -> int:
        return sum(1 for p in self.points if p.status == CadenceStatus.PENDING)

    @property
    def missed(self) -> tuple[date, ...]:
        return tuple(p.expected for p in self.points if p.status == CadenceStatus.MISSED)

    @property
    def share_held(self) -> float | None:
        """Held / (held + missed): None when nothing has fallen due yet."""
        settled = self.held_count + self.missed_count
        return self.held_count / settled if settled else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "description": self.description,
            "anchor": self.anchor.isoformat(),
            "until": self.until.isoformat(),
            "tolerance_days": self.tolerance_days,
            "held": self.held_count,
            "missed": self.missed_count,
            "pending": self.pending_count,
            "points": [
                {
                    "expected": p.expected.isoformat(),
                    "status": p.status.value,
                    "held": p.held.isoformat() if p.held else None,
                }
                for p in self.points
            ],
            "extra_held": [d.isoformat() for d in self.extra_held],
            "next_expected": self.next_expected.isoformat() if self.next_expected else None,
        }


def tolerance_days(rule: str, anchor: date) -> int:
    """Less than half the rule's first interval, in whole days: 6 for every 2 weeks, 3 weekly, 15 for a 31-day
    month, 13 for 28 days. A held date exactly half-way between two expected ones belongs to neither, and a
    missed date is counted as soon as its window has closed (5 weeks into a fortnightly rule: 2 missed)."""
    after: date = after_interval(anchor, rule)
    return ((after - anchor).days - 1) // 2


def cadence(
    rule: str, anchor: date, held: Iterable[date], on: date, end: date | None = None
) -> Cadence | None:
    """Agreed against held dates from the initial meeting (``anchor``) to ``on`` (or ``end``, if earlier).

    The expected dates are the rule's occurrences after the anchor up to that day. Each is matched to the
    unmatched held date nearest to it (the earlier on a tie) within :func:`tolerance_days` either side; held
    dates before the anchor are ignored. An unmatched expected date is *missed* once its window has closed
    (``expected + tolerance < on``), else *pending*. None when ``rule`` is not a valid RRULE.
    """
    if not rule or parse_rrule_safe(rule) is None:
        return None
    until = min(on, end) if end is not None else on
    tol = tolerance_days(rule, anchor)
    expected = occurrences_after(rule, anchor, anchor, until)
    pool = sorted(d for d in held if anchor <= d <= until)
    used = [False] * len(pool)
    points: list[CadencePoint] = []
    for day in expected:
        best: int | None = None
        # the held dates within the tolerance are a run of the sorted pool: look at those only
        for i in range(bisect_left(pool, day - timedelta(days=tol)), len(pool)):
            h = pool[i]
            if (h - day).days > tol:
                break
            if used[i]:
                continue
            if best is None or abs((h - day).days) < abs((pool[best] - day).days):
                best = i
        if best is not None:
            used[best] = True
            points.append(CadencePoint(day, CadenceStatus.HELD, pool[best]))
        elif day + timedelta(days=tol) < on:
            points.append(CadencePoint(day, CadenceStatus.MISSED))
        else:
            points.append(CadencePoint(day, CadenceStatus.PENDING))
    extra = tuple(h for i, h in enumerate(pool) if not used[i])
    following = next_occurrence(rule, anchor, max(until, anchor))
    return Cadence(rule, anchor, until, tol, tuple(points), extra, following)


@dataclass(frozen=True, slots=True)
class Agreed:
    """A frequency agreed in a signed record (an initial meeting, or a review that changed it), in force from
    that record's meeting date until the next one."""

    since: date
    record_id: int
    rule: str


def agreed_cadence(
    agreed: Sequence[Agreed], held: Iterable[date], on: date, end: date | None = None
) -> Cadence | None:
    """Agreed against held dates when the agreement changed over time: each frequency counts from the record
    that agreed it until the next one did (a held date counts once, for the agreement in force then). The
    cadence is named by the agreement in force; its points run across them all."""
    usable = [a for a in agreed if parse_rrule_safe(a.rule) is not None]
    if not usable:
        return None
    held = sorted(held)
    points: list[CadencePoint] = []
    extra: list[date] = []
    last: Cadence | None = None
    for i, current in enumerate(usable):
        following = usable[i + 1].since if i + 1 < len(usable) else None
        stop = following - timedelta(days=1) if following is not None else end
        if stop is not None and end is not None:
            stop = min(stop, end)
        mine = [d for d in held if d >= current.since and (following is None or d < following)]
        part = cadence(current.rule, current.since, mine, on, stop)
        if part is None:
            continue
        points.extend(part.points)
        extra.extend(part.extra_held)
        last = part
    if last is None:
        return None
    return Cadence(
        last.rule,
        last.anchor,
        last.until,
        last.tolerance_days,
        tuple(points),
        tuple(extra),
        last.next_expected,
    )


# ------------------------------------------------------------------------------------ missed, from what is settled


@dataclass(frozen=True, slots=True)
class SettledPart:
    """What one agreement's cadence has settled for good, the same on every day from ``from_day`` on: the
    expected dates up to ``cut`` are each held or missed (``missed`` of them), and no held date is near any later
    one, so each later expected date is missed once its window has closed."""

    since: date
    rule: str
    stop: date | None  # the day before the next agreement, or the co-allocation's end
    tolerance: int
    cut: date
    missed: int
    from_day: date

    def as_json(self) -> list[Any]:
        return [
            self.since.isoformat(),
            self.rule,
            self.stop.isoformat() if self.stop else None,
            self.tolerance,
            self.cut.isoformat(),
            self.missed,
            self.from_day.isoformat(),
        ]

    @classmethod
    def from_json(cls, data: list[Any]) -> SettledPart:
        since, rule, stop, tolerance, cut, missed, from_day = data
        fromiso = date.fromisoformat
        return cls(
            fromiso(since),
            str(rule),
            fromiso(stop) if stop else None,
            int(tolerance),
            fromiso(cut),
            int(missed),
            fromiso(from_day),
        )


def _parts(agreed: Sequence[Agreed], end: date | None) -> list[tuple[Agreed, date | None, date | None]]:
    """Each usable agreement with the start of the next one (None: the last) and the last day it counts to."""
    usable = [a for a in agreed if parse_rrule_safe(a.rule) is not None]
    found = []
    for i, current in enumerate(usable):
        following = usable[i + 1].since if i + 1 < len(usable) else None
        stop = following - timedelta(days=1) if following is not None else end
        if stop is not None and end is not None:
            stop = min(stop, end)
        found.append((current, following, stop))
    return found


def settle(
    agreed: Sequence[Agreed], held: Iterable[date], end: date | None = None
) -> tuple[SettledPart, ...]:
    """What :func:`agreed_cadence` settles for good, per usable agreement (see :class:`SettledPart`): made once
    from the records (a co-allocation's due facts keep it), it gives :func:`missed_on` for any later day."""
    held = sorted(held)
    settled = []
    for current, following, stop in _parts(agreed, end):
        mine = [d for d in held if d >= current.since and (following is None or d < following)]
        tol = tolerance_days(current.rule, current.since)
        last_held = mine[-1] if mine else current.since
        near = occurrences_after(
            current.rule, current.since, current.since, min(stop or date.max, last_held + timedelta(days=tol))
        )
        cut = near[-1] if near else current.since
        # a day from which everything up to the cut is settled, and every held date is looked at
        from_day = max(cut + timedelta(days=tol + 1), last_held)
        part = cadence(current.rule, current.since, mine, from_day, stop)
        missed = (
            sum(1 for p in part.points if p.status == CadenceStatus.MISSED and p.expected <= cut)
            if part
            else 0
        )
        settled.append(SettledPart(current.since, current.rule, stop, tol, cut, missed, from_day))
    return tuple(settled)


def missed_on(parts: Sequence[SettledPart], on: date) -> int | None:
    """``agreed_cadence(...).missed_count`` on ``on`` from what :func:`settle` settled: the missed up to each
    part's cut, plus its expected dates after the cut whose window closed before ``on``. None when ``on`` is
    before a part's ``from_day`` (a day looked back at: the caller walks the cadence itself)."""
    total = 0
    for part in parts:
        if part.since > on:
            continue
        if on < part.from_day:
            return None
        last = on - timedelta(days=part.tolerance + 1)  # the window of an expected date closed before ``on``
        if part.stop is not None:
            last = min(last, part.stop)
        total += part.missed + (
            len(occurrences_after(part.rule, part.since, part.cut, last)) if last > part.cut else 0
        )
    return total
