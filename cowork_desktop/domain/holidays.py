"""UK bank holidays worked out by their rules, for any year; only the one-off changes are data.

Each nation's regular holidays follow fixed rules (GOV.UK, "UK bank holidays"; the Banking and Financial Dealings
Act 1971 and the royal proclamations that follow it each year):

- England and Wales: New Year's Day, Good Friday, Easter Monday, the early May bank holiday (first Monday in May),
  the spring bank holiday (last Monday in May), the summer bank holiday (last Monday in August), Christmas Day and
  Boxing Day.
- Scotland: New Year's Day, 2 January, Good Friday, the early May and spring bank holidays, the summer bank holiday
  (first Monday in August), St Andrew's Day (30 November, since 2007), Christmas Day and Boxing Day. No Easter Monday.
- Northern Ireland: as England and Wales, with St Patrick's Day (17 March) and the Battle of the Boyne (12 July).

A holiday on a fixed date that falls on a Saturday or Sunday moves to the next weekday that is not already a holiday
(so Christmas on a Saturday gives Monday 27 and Boxing Day Tuesday 28).

The one-off changes (a jubilee, a coronation, a state funeral, a holiday moved for an anniversary) cannot be worked
out: they are :class:`OneOffs`, read from the data file by the services layer. ``known_until`` is the last year
whose one-off changes the data file knows; after it the rules alone apply, and :meth:`HolidayRules.note` says so.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter

NATIONS = ("england-and-wales", "scotland", "northern-ireland")


def _first_monday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=-first.weekday() % 7)


def _last_monday(year: int, month: int) -> date:
    last = date(year, month, monthrange(year, month)[1])
    return last - timedelta(days=last.weekday())


def _fixed_days(nation: str, year: int) -> list[date]:
    """The holidays on a fixed day of the year, before any weekend substitute."""
    days = [date(year, 1, 1)]
    if nation == "scotland":
        days.append(date(year, 1, 2))
    if nation == "northern-ireland":
        days += [date(year, 3, 17), date(year, 7, 12)]
    if nation == "scotland" and year >= 2007:  # St Andrew's Day Bank Holiday (Scotland) Act 2007
        days.append(date(year, 11, 30))
    days += [date(year, 12, 25), date(year, 12, 26)]
    return days


def _moving_days(nation: str, year: int) -> list[date]:
    """The holidays that fall on a weekday by their rule (Easter, the Mondays)."""
    sunday = easter(year)
    days = [sunday - timedelta(days=2), _first_monday(year, 5), _last_monday(year, 5)]
    if nation != "scotland":
        days.append(sunday + timedelta(days=1))
    days.append(_first_monday(year, 8) if nation == "scotland" else _last_monday(year, 8))
    return days


@lru_cache(maxsize=1024)
def rule_holidays(nation: str, year: int) -> frozenset[date]:
    """The bank holidays of ``nation`` in ``year`` by the rules alone (no one-off changes)."""
    if nation not in NATIONS:
        raise ValueError(f"unknown nation {nation!r}")
    taken = set(_moving_days(nation, year))
    fixed = _fixed_days(nation, year)
    taken.update(d for d in fixed if d.weekday() < 5)
    for day in fixed:  # in date order, so Christmas takes the first free weekday before Boxing Day
        if day.weekday() >= 5:
            substitute = day
            while substitute.weekday() >= 5 or substitute in taken:
                substitute += timedelta(days=1)
            taken.add(substitute)
    return frozenset(taken)


@dataclass(frozen=True)
class OneOffs:
    """One nation's one-off changes to its rules: days added and days taken away."""

    added: frozenset[date] = frozenset()
    removed: frozenset[date] = frozenset()

    @classmethod
    def relative_to_rules(cls, nation: str, dates: Iterable[date]) -> OneOffs:
        """The one-offs that turn the rules into a full list of ``dates`` (every year the list covers)."""
        listed = set(dates)
        years = {d.year for d in listed}
        ruled = set().union(*(rule_holidays(nation, y) for y in years)) if years else set()
        return cls(frozenset(listed - ruled), frozenset(ruled - listed))


@dataclass
class HolidayRules:
    """A nation's bank holidays for any year: the rules, the one-offs, and how far the one-offs are known."""

    nation: str = "england-and-wales"
    one_offs: OneOffs = field(default_factory=OneOffs)
    known_until: int | None = None
    _years: dict[int, frozenset[date]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.nation not in NATIONS:
            raise ValueError(f"unknown nation {self.nation!r}")

    def for_year(self, year: int) -> frozenset[date]:
        found = self._years.get(year)
        if found is None:
            ruled = rule_holidays(self.nation, year)
            found = (ruled - self.one_offs.removed) | {d for d in self.one_offs.added if d.year == year}
            self._years[year] = found
        return found

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and day in self.for_year(day.year)

    def beyond_known(self, day: date) -> bool:
        """True when ``day``'s year is after the last year whose one-off changes are known."""
        return self.known_until is not None and day.year > self.known_until

    def note(self, day: date) -> str | None:
        """One gentle sentence when ``day`` is after the known one-offs, else None (say it once, not per date)."""
        if not self.beyond_known(day):
            return None
        return (
            f"Bank holidays after {self.known_until} are worked out by the usual rules; one-off changes "
            "(such as a royal occasion) are not known yet, so check deadlines near such a day."
        )


def one_offs_from_data(nation: str, table: Mapping[str, object]) -> OneOffs:
    """A nation's one-offs from its data table: ``added``/``removed`` lists, or a legacy full ``dates`` list.

    Raises ValueError with one line when the table has neither shape.
    """
    if "dates" in table:
        dates = _date_list(table["dates"], nation, "dates")
        return OneOffs.relative_to_rules(nation, dates)
    added = _date_list(table.get("added", []), nation, "added")
    removed = _date_list(table.get("removed", []), nation, "removed")
    return OneOffs(frozenset(added), frozenset(removed))


def _date_list(value: object, nation: str, key: str) -> list[date]:
    if not isinstance(value, list) or not all(type(d) is date for d in value):
        raise ValueError(f"[{nation}] needs '{key} = [YYYY-MM-DD, ...]'")
    return value
