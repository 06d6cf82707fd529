"""Dates: frequencies as iCalendar RRULEs (python-dateutil) and working days that skip bank holidays.

Bank holidays are worked out by their rules for any year (:mod:`cowork_desktop.domain.holidays`), with the
one-off changes read from ``resources/bank_holidays.toml`` by the services layer; this module never reads files.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import takewhile
from typing import Any

from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

from cowork_desktop.domain.holidays import HolidayRules

#: the day taken for today when pinned (see :func:`pin_today`), else None: the calendar's
_pinned: date | None = None


def today() -> date:
    """Today, for everything the app reckons "today" (the one clock): the calendar's day, unless pinned."""
    return _pinned if _pinned is not None else date.today()


def pin_today(day: date | None) -> None:
    """Take ``day`` for today until pinned again (None: the calendar's again). The test suite pins the day it
    started, so that a run crossing midnight reckons one day throughout; the app never pins."""
    global _pinned
    _pinned = day


_UNITS = {"day": DAILY, "week": WEEKLY, "month": MONTHLY, "year": YEARLY}
_FREQ_NAMES = {DAILY: "day", WEEKLY: "week", MONTHLY: "month", YEARLY: "year"}
_FREQ_TOKENS = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}


def make_rrule(every: int, unit: str) -> str:
    """``make_rrule(2, "week")`` -> ``"FREQ=WEEKLY;INTERVAL=2"``."""
    if unit not in _UNITS:
        raise ValueError(f"unknown unit {unit!r}")
    if not 1 <= every <= 52:
        raise ValueError("every must be between 1 and 52")
    freq = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}[unit]
    return f"FREQ={freq}" if every == 1 else f"FREQ={freq};INTERVAL={every}"


@lru_cache(maxsize=512)
def split_rrule(rule: str) -> tuple[int, str] | None:
    """The (every, unit) of a simple rule, or None for a rule the friendly picker cannot show. Remembered per
    rule text, like :func:`parse_rrule_safe`."""
    parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
    unit = _FREQ_TOKENS.get(parts.get("FREQ", ""))
    if unit is None:
        return None
    try:
        every = int(parts.get("INTERVAL", "1"))
    except ValueError:
        return None
    return every, unit


@lru_cache(maxsize=512)
def parse_rrule_safe(rule: str) -> rrule | None:
    """The parsed rule, or None if it is not a valid RRULE (without DTSTART; that is given when expanding).
    Remembered per rule text (a service has a handful of distinct rules and asks thousands of times)."""
    if not isinstance(rule, str) or not rule.strip() or len(rule) > 200:
        return None
    try:
        parsed = rrulestr(rule, dtstart=datetime(2000, 1, 3), forceset=False)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return parsed if isinstance(parsed, rrule) else None


def describe_rrule(rule: str) -> str:
    """Friendly text: "every 2 weeks", "monthly"."""
    split = split_rrule(rule) if rule else None
    if split is None:
        return rule or "not set"
    every, unit = split
    if every == 1:
        return {"day": "daily", "week": "weekly", "month": "monthly", "year": "yearly"}[unit]
    return f"every {every} {unit}s"


def occurrences(rule: str, start: date, until: date) -> list[date]:
    """The dates a rule falls on from ``start`` (inclusive) to ``until`` (inclusive)."""
    if until < start:
        return []
    parsed = rrulestr(rule, dtstart=datetime.combine(start, datetime.min.time()))
    return [
        d.date()
        for d in parsed.between(
            datetime.combine(start, datetime.min.time()),
            datetime.combine(until, datetime.min.time()),
            inc=True,
        )
    ]


@lru_cache(maxsize=512)
def simple_rule(rule: str) -> tuple[int, str] | None:
    """The (every, unit) of a rule that says nothing but its frequency and interval (``FREQ=WEEKLY;INTERVAL=2``),
    which is what agreements are; None for any other rule. Remembered per rule text."""
    parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
    split = split_rrule(rule)
    if split is None or not set(parts) <= {"FREQ", "INTERVAL"} or split[0] < 1:
        return None
    return split


def _add_months(day: date, months: int) -> date:
    """``day + relativedelta(months=months)``: the same day of the month, or the month's last day if it has
    fewer days (31 January + 1 month is 28 or 29 February), by integer arithmetic."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if day.day <= 28:
        return date(year, month, day.day)
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def after_interval(day: date, rule: str) -> date:
    """``day + interval(rule)``: the day one gap of the rule after ``day`` (without building a relativedelta:
    the due rules ask for thousands)."""
    split = split_rrule(rule)
    if split is None:
        return _add_months(day, 1)
    every, unit = split
    if unit == "day":
        return day + timedelta(days=every)
    if unit == "week":
        return day + timedelta(weeks=every)
    return _add_months(day, every * (12 if unit == "year" else 1))


def _steps_after(rule: str, start: date, after: date) -> Iterator[date] | None:
    """The dates of a simple rule (anchored at ``start``, its first date) strictly after ``after``, by
    arithmetic: every N days or weeks, or every N months or years on the start's day of the month (a month without
    that day, the 31st or 29 February, has no date, as RFC 5545 says and dateutil does). None for any other rule
    (the caller walks the rule with dateutil). Endless: the caller stops it."""
    simple = simple_rule(rule)
    if simple is None:
        return None
    every, unit = simple
    if unit in ("day", "week"):
        step = every * (7 if unit == "week" else 1)

        def by_days() -> Iterator[date]:
            day = start + timedelta(days=max(0, (after - start).days // step + 1) * step)
            while True:
                yield day
                day += timedelta(days=step)

        return by_days()
    step = every * (12 if unit == "year" else 1)

    def by_months() -> Iterator[date]:
        months = (after.year - start.year) * 12 + (after.month - start.month)
        k = max(0, months // step - 1)
        while True:
            year, month = divmod(start.year * 12 + start.month - 1 + k * step, 12)
            month += 1
            k += 1
            if start.day > 28 and start.day > monthrange(year, month)[1]:
                continue
            day = date(year, month, start.day)
            if day > after:
                yield day

    return by_months()


def occurrences_after(rule: str, start: date, after: date, until: date) -> list[date]:
    """The dates a rule (anchored at ``start``) falls on strictly after ``after`` up to ``until``: the same dates
    as :func:`occurrences`, without walking every occurrence since ``start`` for the simple rules (every N days,
    weeks, months or years), which is what agreements are."""
    if until <= after:
        return []
    steps = _steps_after(rule, start, after)
    if steps is not None:
        return list(takewhile(lambda d: d <= until, steps))
    return [d for d in occurrences(rule, start, until) if d > after]


def next_occurrence(rule: str, start: date, after: date) -> date | None:
    """The first date of the rule (anchored at ``start``) strictly after ``after``."""
    steps = _steps_after(rule, start, after)
    if steps is not None:
        return next(steps)
    parsed = rrulestr(rule, dtstart=datetime.combine(start, datetime.min.time()))
    found = parsed.after(datetime.combine(after, datetime.min.time()), inc=False)
    return found.date() if found else None


@lru_cache(maxsize=512)
def interval(rule: str) -> relativedelta:
    """The gap between two occurrences of a simple rule (used for "missing in a period")."""
    split = split_rrule(rule)
    if split is None:
        return relativedelta(months=1)
    every, unit = split
    return relativedelta(**{f"{unit}s": every})


@dataclass
class WorkingCalendar:
    """Weekdays that are not bank holidays in the user's UK nation.

    ``holidays`` are extra days off given as data (tests, a one-off list); ``rules`` works out a nation's bank
    holidays for any year. A calendar with neither counts every weekday as a working day.
    """

    holidays: set[date] = field(default_factory=set)
    rules: HolidayRules | None = None

    @classmethod
    def from_dates(cls, days: Iterable[date]) -> WorkingCalendar:
        return cls(set(days))

    @classmethod
    def for_nation(cls, rules: HolidayRules) -> WorkingCalendar:
        return cls(rules=rules)

    def is_working_day(self, day: date) -> bool:
        if day.weekday() >= 5 or day in self.holidays:
            return False
        return self.rules is None or day not in self.rules.for_year(day.year)

    def note(self, day: date) -> str | None:
        """One sentence when the bank holidays around ``day`` rest on the rules alone (say it once)."""
        return self.rules.note(day) if self.rules is not None else None

    def add_working_days(self, start: date, n: int) -> date:
        """The date ``n`` working days after ``start`` (start itself does not count)."""
        day = start
        remaining = n
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 if end <= start)."""
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


#: the dates the app works with: what a user types (the CLI's ``--on``, ``--today``, ``--from``, ``--to``; the
#: date fields) must fall in this range. Far wider than any co-working case, narrow enough that adding a year
#: or a working day to a date can never overflow (``date.max`` is 9999-12-31).
DATE_MIN = date(2000, 1, 1)
DATE_MAX = date(2100, 12, 31)


def date_problem(day: date) -> str | None:
    """One sentence if ``day`` is outside :data:`DATE_MIN`..:data:`DATE_MAX`, else None (for the UI too)."""
    if DATE_MIN <= day <= DATE_MAX:
        return None
    return (
        f"{day.isoformat()} is outside the dates this app works with: "
        f"use a date from {DATE_MIN.isoformat()} to {DATE_MAX.isoformat()}"
    )


def parse_day(text: str) -> date:
    """A YYYY-MM-DD date from :data:`DATE_MIN` to :data:`DATE_MAX`, or ValueError with a message a user can act
    on (one line)."""
    try:
        day = date.fromisoformat(text.strip())
    except (ValueError, AttributeError, TypeError):
        shown = " ".join(str(text).split())[:40]
        raise ValueError(f"'{shown}' is not a date: use YYYY-MM-DD, for example 2026-11-23") from None
    problem = date_problem(day)
    if problem is not None:
        raise ValueError(problem)
    return day


def day_or_none(value: Any) -> date | None:
    """The lenient reading of a stored or typed day: a date as it is, an ISO ``YYYY-MM-DD`` text as its date,
    and None for anything else (nothing, blank, malformed, another type). Never raises; no range check (that
    is :func:`parse_day`, for what a user types)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def long_date(day: date) -> str:
    """A date as the text of a case note says it: "3 October 2026"."""
    return f"{day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    """A date in a note's table column: "3 Oct 2026"."""
    return f"{day.day} {day:%b %Y}"


def long_datetime(moment: datetime) -> str:
    """A moment as a note says it: "3 October 2026 at 14:05 UTC" (the zone when the moment has one)."""
    text = f"{long_date(moment)} at {moment:%H:%M}"
    zone = moment.tzname()
    return f"{text} {zone}" if zone else text
