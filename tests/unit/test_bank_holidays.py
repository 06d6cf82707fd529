"""The shipped bank-holiday file parses and holds the right dates for each UK nation."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta

import pytest
from dateutil.easter import easter

from cowork_desktop.domain.dates import NATIONS
from cowork_desktop.paths import resource

YEARS = range(2024, 2029)


@pytest.fixture(scope="module")
def holidays() -> dict[str, set[date]]:
    with resource("bank_holidays.toml").open("rb") as fh:
        data = tomllib.load(fh)
    assert data["updated"] == "2026-11-23"
    assert "GOV.UK" in data["source"] and "replace this file" in data["source"]
    found = {}
    for nation in NATIONS:
        dates = data[nation]["dates"]
        assert all(type(d) is date for d in dates), nation
        assert dates == sorted(dates) and len(set(dates)) == len(dates), nation
        found[nation] = set(dates)
    return found


def test_the_file_has_the_three_nations(holidays: dict[str, set[date]]) -> None:
    assert set(holidays) == {"england-and-wales", "scotland", "northern-ireland"}


def test_covers_2024_to_2028(holidays: dict[str, set[date]]) -> None:
    for nation, dates in holidays.items():
        assert {d.year for d in dates} == set(YEARS), nation


def test_no_bank_holiday_falls_at_a_weekend(holidays: dict[str, set[date]]) -> None:
    for nation, dates in holidays.items():
        assert all(d.weekday() < 5 for d in dates), nation


def test_england_and_wales_2026(holidays: dict[str, set[date]]) -> None:
    ew = holidays["england-and-wales"]
    assert date(2026, 12, 28) in ew  # Boxing Day falls on a Saturday: substitute Monday
    assert date(2026, 4, 6) in ew  # Easter Monday
    assert date(2026, 8, 31) in ew  # late summer bank holiday
    assert {d for d in ew if d.year == 2026} == {
        date(2026, 1, 1),
        date(2026, 4, 3),
        date(2026, 4, 6),
        date(2026, 5, 4),
        date(2026, 5, 25),
        date(2026, 8, 31),
        date(2026, 12, 25),
        date(2026, 12, 28),
    }


def test_scotland(holidays: dict[str, set[date]]) -> None:
    sc = holidays["scotland"]
    assert date(2026, 4, 6) not in sc  # no Easter Monday in Scotland
    assert date(2026, 8, 3) in sc  # first Monday in August
    assert date(2026, 1, 2) in sc
    assert date(2026, 11, 30) in sc  # St Andrew's Day
    assert date(2024, 12, 2) in sc  # St Andrew's Day on a Saturday: substitute Monday
    assert date(2027, 1, 4) in sc  # 2 January on a Saturday: substitute Monday


def test_northern_ireland(holidays: dict[str, set[date]]) -> None:
    ni = holidays["northern-ireland"]
    assert date(2026, 3, 17) in ni  # St Patrick's Day
    assert date(2026, 7, 13) in ni  # Battle of the Boyne on a Sunday: substitute Monday
    assert date(2024, 3, 18) in ni  # St Patrick's Day on a Sunday: substitute Monday
    assert holidays["england-and-wales"] <= ni


@pytest.mark.parametrize("year", YEARS)
def test_easter_dates(holidays: dict[str, set[date]], year: int) -> None:
    good_friday = easter(year) - timedelta(days=2)
    easter_monday = easter(year) + timedelta(days=1)
    for nation in NATIONS:
        assert good_friday in holidays[nation], (nation, year)
    assert easter_monday in holidays["england-and-wales"]
    assert easter_monday in holidays["northern-ireland"]
    assert easter_monday not in holidays["scotland"]
