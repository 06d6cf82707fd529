"""Bank holidays worked out by their rules, checked against GOV.UK's published lists and hand-worked later years.

The oracle for 2024-2028 is GOV.UK's list as it was shipped before the rules existed
(``tests/fixtures/bank_holidays_published_2024_2028.toml``): independent of the code under test.
"""

from __future__ import annotations

import json
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest
from dateutil.easter import easter

from cowork_desktop.domain.dates import WorkingCalendar
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.holidays import NATIONS, HolidayRules, OneOffs, rule_holidays
from cowork_desktop.paths import resource
from cowork_desktop.services.calendar import load_calendar

PUBLISHED = Path(__file__).parent.parent / "fixtures" / "bank_holidays_published_2024_2028.toml"
YEARS = range(2024, 2029)


@pytest.fixture(scope="module")
def published() -> dict[str, set[date]]:
    data = tomllib.loads(PUBLISHED.read_text(encoding="utf-8"))
    return {nation: set(data[nation]["dates"]) for nation in NATIONS}


@pytest.mark.parametrize("nation", NATIONS)
@pytest.mark.parametrize("year", YEARS)
def test_rules_and_one_offs_give_the_published_list(
    published: dict[str, set[date]], nation: str, year: int
) -> None:
    cal = load_calendar(nation)
    assert cal.rules is not None
    assert cal.rules.for_year(year) == {d for d in published[nation] if d.year == year}


def days(isoformat: str) -> set[date]:
    """The dates written ``YYYY-MM-DD``, separated by spaces."""
    return {date.fromisoformat(d) for d in isoformat.split()}


def test_shipped_one_offs_are_few_and_known_until_2028() -> None:
    data = tomllib.loads(resource("bank_holidays.toml").read_text(encoding="utf-8"))
    assert data["one_offs_known_until"] == 2028
    assert "GOV.UK" in data["source"]
    for nation in NATIONS:
        added, removed = data[nation]["added"], data[nation]["removed"]
        assert all(type(d) is date for d in added + removed), nation
        assert len(added) + len(removed) < 20, nation  # only what the rules cannot know


def test_england_and_wales_2026() -> None:
    # Boxing Day on a Saturday: substitute Monday 28 December
    assert rule_holidays("england-and-wales", 2026) == days(
        "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28"
    )


def test_christmas_on_a_saturday_and_on_a_sunday() -> None:
    # 2027: Christmas Saturday, Boxing Day Sunday -> Monday 27, Tuesday 28 (GOV.UK lists both)
    assert {date(2027, 12, 27), date(2027, 12, 28)} <= rule_holidays("england-and-wales", 2027)
    # 2022: Christmas Sunday -> Boxing Day Monday 26, Christmas substitute Tuesday 27 (GOV.UK)
    assert {date(2022, 12, 26), date(2022, 12, 27)} <= rule_holidays("england-and-wales", 2022)
    # 2032 (worked by hand): Christmas Saturday, Boxing Day Sunday -> 27 and 28
    assert {date(2032, 12, 27), date(2032, 12, 28)} <= rule_holidays("england-and-wales", 2032)
    assert date(2032, 12, 25) not in rule_holidays("england-and-wales", 2032)


def test_scotland_rules() -> None:
    sc = rule_holidays("scotland", 2026)
    assert date(2026, 4, 6) not in sc  # no Easter Monday in Scotland
    assert date(2026, 8, 3) in sc  # first Monday in August
    assert date(2026, 1, 2) in sc
    assert date(2026, 11, 30) in sc  # St Andrew's Day
    assert date(2024, 12, 2) in rule_holidays("scotland", 2024)  # St Andrew's on a Saturday: Monday
    assert date(2027, 1, 4) in rule_holidays("scotland", 2027)  # 2 January on a Saturday: Monday
    assert {date(2028, 1, 3), date(2028, 1, 4)} <= rule_holidays("scotland", 2028)  # 1 and 2 Jan at a weekend
    assert date(2005, 11, 30) not in rule_holidays("scotland", 2005)  # before the 2007 Act


def test_northern_ireland_rules() -> None:
    ni = rule_holidays("northern-ireland", 2026)
    assert date(2026, 3, 17) in ni  # St Patrick's Day
    assert date(2026, 7, 13) in ni  # Battle of the Boyne on a Sunday: substitute Monday
    assert date(2024, 3, 18) in rule_holidays("northern-ireland", 2024)  # St Patrick's on a Sunday
    for year in range(2000, 2101):
        assert rule_holidays("england-and-wales", year) <= rule_holidays("northern-ireland", year), year


@pytest.mark.parametrize("year", range(2000, 2101))
def test_every_year_every_nation(year: int) -> None:
    good_friday = easter(year) - timedelta(days=2)
    easter_monday = easter(year) + timedelta(days=1)
    counts = {"england-and-wales": 8, "scotland": 9 if year >= 2007 else 8, "northern-ireland": 10}
    for nation in NATIONS:
        days = rule_holidays(nation, year)
        assert all(d.weekday() < 5 for d in days), (nation, year)
        assert all(d.year == year for d in days), (nation, year)  # substitutes never cross into January
        assert len(days) == counts[nation], (nation, year)
        assert good_friday in days
        assert (easter_monday in days) is (nation != "scotland")


def test_hand_checked_later_years() -> None:
    # 2029: Easter Sunday 1 April; Christmas Tuesday, Boxing Day Wednesday
    assert rule_holidays("england-and-wales", 2029) == days(
        "2029-01-01 2029-03-30 2029-04-02 2029-05-07 2029-05-28 2029-08-27 2029-12-25 2029-12-26"
    )
    # 2033: New Year's Day a Saturday -> Monday 3 January; Easter Sunday 17 April
    ew = rule_holidays("england-and-wales", 2033)
    assert date(2033, 1, 3) in ew and date(2033, 1, 1) not in ew
    assert {date(2033, 4, 15), date(2033, 4, 18)} <= ew
    # 2034 Scotland: 1 January a Sunday -> 2 January Monday is itself a holiday, so New Year's moves to Tuesday 3rd
    assert {date(2034, 1, 2), date(2034, 1, 3)} <= rule_holidays("scotland", 2034)


def test_working_days_never_run_out() -> None:
    """The issue's example: one working day after 24 Dec 2029 used to be Christmas Day."""
    cal = load_calendar("england-and-wales")
    assert cal.add_working_days(date(2029, 12, 24), 1) == date(2029, 12, 27)
    # 2099: Thursday 24; Christmas Friday; Boxing Day Saturday -> Monday 28; so Tuesday 29
    assert cal.add_working_days(date(2099, 12, 24), 1) == date(2099, 12, 29)


def test_one_offs_apply_and_the_note_is_said_after_the_known_year() -> None:
    cal = load_calendar("england-and-wales")
    assert not cal.is_working_day(date(2023, 5, 8))  # coronation
    assert cal.is_working_day(date(2022, 5, 30))  # spring bank holiday moved to 2 June
    assert not cal.is_working_day(date(2022, 6, 2))
    assert cal.note(date(2028, 12, 31)) is None
    note = cal.note(date(2029, 1, 1))
    assert note is not None and "2028" in note and "\n" not in note
    assert WorkingCalendar().note(date(2040, 1, 1)) is None  # a calendar without rules says nothing


def test_an_older_full_list_still_works(tmp_path: Path) -> None:
    """A user's updated copy in the old shape (every date listed) keeps its exact dates, and the rules go on."""
    old = tmp_path / "bank_holidays.toml"
    old.write_text(PUBLISHED.read_text(encoding="utf-8"), encoding="utf-8")
    cal = load_calendar("scotland", old)
    assert not cal.is_working_day(date(2026, 6, 15))  # the one-off in the old list
    assert not cal.is_working_day(date(2031, 12, 25))  # rules beyond the list
    assert cal.note(date(2028, 6, 1)) is None and cal.note(date(2029, 1, 2)) is not None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[scotland]\nadded = ['2026-01-01']\n", "added = \\[YYYY-MM-DD"),
        ("[scotland]\nremoved = 3\n", "removed = \\[YYYY-MM-DD"),
        ("one_offs_known_until = 'soon'\n[scotland]\n", "must be a year"),
        ("[england-and-wales]\n", "no \\[scotland\\] table"),
        ("not toml = = =", "cannot read"),
    ],
)
def test_a_bad_file_is_one_line(tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "bank_holidays.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(CoworkError, match=message) as info:
        load_calendar("scotland", bad)
    assert "\n" not in str(info.value)


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    big = tmp_path / "bank_holidays.toml"
    big.write_text("# " + "x" * 300_000 + "\n[scotland]\nadded = []\n", encoding="utf-8")
    with pytest.raises(CoworkError, match="too large"):
        load_calendar("scotland", big)


def test_one_offs_relative_to_rules() -> None:
    listed = set(rule_holidays("england-and-wales", 2023)) | {date(2023, 5, 8)}
    assert OneOffs.relative_to_rules("england-and-wales", listed) == OneOffs(frozenset({date(2023, 5, 8)}))
    rules = HolidayRules("england-and-wales", OneOffs(removed=frozenset({date(2023, 12, 25)})))
    assert date(2023, 12, 25) not in rules and date(2023, 12, 26) in rules
    with pytest.raises(ValueError, match="unknown nation"):
        HolidayRules("wessex")


def test_cowork_due_says_once_when_the_dates_pass_the_known_one_offs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cowork_desktop.cli import main

    db = str(tmp_path / "team.db")
    assert main(["init", "--db", db]) == 0
    capsys.readouterr()
    assert main(["due", "--db", db, "--on", "2028-12-01"]) == 0
    assert capsys.readouterr().err == ""  # the days coming up are still in 2028
    assert main(["due", "--db", db, "--on", "2028-12-20", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["items"] == []  # the JSON stays clean
    assert err.count("\n") == 1 and "after 2028" in err and "usual rules" in err
