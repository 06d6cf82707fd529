"""Frequencies as RRULEs, and working days that skip weekends and bank holidays (dates worked out by hand)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr

from cowork_desktop.domain.dates import (
    DATE_MAX,
    DATE_MIN,
    WorkingCalendar,
    after_interval,
    date_problem,
    describe_rrule,
    interval,
    make_rrule,
    next_occurrence,
    occurrences,
    occurrences_after,
    parse_day,
    parse_rrule_safe,
    split_rrule,
)
from cowork_desktop.services.calendar import load_calendar

# England and Wales, Christmas 2026: Friday 25 December, and Monday 28 December for Boxing Day (a Saturday).
CHRISTMAS_2026 = WorkingCalendar.from_dates([date(2026, 12, 25), date(2026, 12, 28), date(2027, 1, 1)])
# Easter 2027: Good Friday 26 March, Easter Monday 29 March.
EASTER_2027 = WorkingCalendar.from_dates([date(2027, 3, 26), date(2027, 3, 29)])


@pytest.mark.parametrize(
    ("every", "unit", "rule"),
    [
        (1, "day", "FREQ=DAILY"),
        (2, "week", "FREQ=WEEKLY;INTERVAL=2"),
        (1, "month", "FREQ=MONTHLY"),
        (6, "week", "FREQ=WEEKLY;INTERVAL=6"),
        (1, "year", "FREQ=YEARLY"),
    ],
)
def test_make_and_split_round_trip(every: int, unit: str, rule: str) -> None:
    assert make_rrule(every, unit) == rule
    assert split_rrule(rule) == (every, unit)
    assert parse_rrule_safe(rule) is not None


@pytest.mark.parametrize(("every", "unit"), [(0, "week"), (53, "week"), (2, "fortnight"), (1, "hour")])
def test_make_rrule_refuses_nonsense(every: int, unit: str) -> None:
    with pytest.raises(ValueError):
        make_rrule(every, unit)


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("freq=weekly;interval=3", (3, "week")),
        ("FREQ=MONTHLY;BYMONTHDAY=1", (1, "month")),
        ("FREQ=HOURLY", None),
        ("FREQ=WEEKLY;INTERVAL=two", None),
        ("", None),
        ("nonsense", None),
    ],
)
def test_split_rrule(rule: str, expected: tuple[int, str] | None) -> None:
    assert split_rrule(rule) == expected


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("FREQ=WEEKLY;INTERVAL=2", "every 2 weeks"),
        ("FREQ=WEEKLY", "weekly"),
        ("FREQ=MONTHLY", "monthly"),
        ("FREQ=MONTHLY;INTERVAL=3", "every 3 months"),
        ("FREQ=DAILY", "daily"),
        ("", "not set"),
        ("FREQ=HOURLY", "FREQ=HOURLY"),
    ],
)
def test_describe_rrule(rule: str, text: str) -> None:
    assert describe_rrule(rule) == text


@pytest.mark.parametrize(
    "rule", ["", "   ", "FREQ=FORTNIGHTLY", "not a rule", "FREQ=WEEKLY;" + "X" * 300, None, 7]
)
def test_parse_rrule_safe_refuses_without_raising(rule: object) -> None:
    assert parse_rrule_safe(rule) is None


def test_occurrences_every_two_weeks() -> None:
    rule = "FREQ=WEEKLY;INTERVAL=2"
    assert occurrences(rule, date(2026, 11, 2), date(2026, 12, 1)) == [
        date(2026, 11, 2),
        date(2026, 11, 16),
        date(2026, 11, 30),
    ]
    assert occurrences(rule, date(2026, 11, 2), date(2026, 11, 29)) == [date(2026, 11, 2), date(2026, 11, 16)]
    assert occurrences(rule, date(2026, 11, 2), date(2026, 11, 1)) == []


def test_occurrences_monthly_skip_short_months() -> None:
    """RFC 5545: a monthly rule from the 31st has no date in months without a 31st."""
    assert occurrences("FREQ=MONTHLY", date(2026, 1, 31), date(2026, 6, 1)) == [
        date(2026, 1, 31),
        date(2026, 3, 31),
        date(2026, 5, 31),
    ]
    assert next_occurrence("FREQ=MONTHLY", date(2026, 1, 31), date(2026, 1, 31)) == date(2026, 3, 31)


def test_next_occurrence() -> None:
    rule = "FREQ=WEEKLY;INTERVAL=2"
    start = date(2026, 11, 2)
    assert next_occurrence(rule, start, date(2026, 11, 2)) == date(2026, 11, 16)
    assert next_occurrence(rule, start, date(2026, 11, 15)) == date(2026, 11, 16)
    assert next_occurrence(rule, start, date(2026, 11, 16)) == date(2026, 11, 30)
    assert next_occurrence("FREQ=WEEKLY;COUNT=1", start, start) is None


def test_interval() -> None:
    assert interval("FREQ=WEEKLY;INTERVAL=2") == relativedelta(weeks=2)
    assert interval("FREQ=MONTHLY") == relativedelta(months=1)
    assert date(2026, 1, 31) + interval("FREQ=MONTHLY") == date(2026, 2, 28)
    assert interval("FREQ=HOURLY") == relativedelta(months=1)  # an unusual rule: assume monthly


def test_working_days_skip_weekends() -> None:
    cal = WorkingCalendar()
    friday = date(2026, 11, 20)
    assert not cal.is_working_day(date(2026, 11, 21)) and not cal.is_working_day(date(2026, 11, 22))
    assert cal.add_working_days(friday, 1) == date(2026, 11, 23)
    assert cal.add_working_days(friday, 5) == date(2026, 11, 27)
    assert cal.add_working_days(friday, 0) == friday
    assert cal.working_days_between(friday, date(2026, 11, 27)) == 5
    assert cal.working_days_between(friday, friday) == 0
    assert cal.working_days_between(date(2026, 11, 27), friday) == 0


def test_working_days_over_the_christmas_bank_holiday_weekend() -> None:
    cal = CHRISTMAS_2026
    thursday = date(2026, 12, 24)
    # Fri 25 (holiday), Sat 26, Sun 27, Mon 28 (Boxing Day substitute): next working day is Tue 29
    assert cal.add_working_days(thursday, 1) == date(2026, 12, 29)
    # Tue 29 (1), Wed 30 (2), Thu 31 (3), Fri 1 Jan (holiday), Mon 4 (4), Tue 5 (5)
    assert cal.add_working_days(thursday, 5) == date(2027, 1, 5)
    assert cal.working_days_between(thursday, date(2027, 1, 5)) == 5
    assert cal.working_days_between(thursday, date(2026, 12, 28)) == 0


def test_working_days_over_easter() -> None:
    # Mon 22 March 2027 + 5 working days: 23, 24, 25, (26 Good Friday, 27-28, 29 Easter Monday), 30, 31
    assert EASTER_2027.add_working_days(date(2027, 3, 22), 5) == date(2027, 3, 31)


def test_shipped_calendar_knows_christmas_2026() -> None:
    cal = load_calendar("england-and-wales")
    assert cal.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)
    scotland = load_calendar("scotland")
    assert not scotland.is_working_day(date(2027, 1, 4))  # 2 January (a Saturday) moves to Monday 4th


def test_parse_day() -> None:
    assert parse_day("2026-11-23") == date(2026, 11, 23)
    assert parse_day(" 2026-11-23\n") == date(2026, 11, 23)


@pytest.mark.parametrize("text", ["23/11/2026", "2026-13-01", "2026-02-30", "tomorrow", "", "x\ny" * 500])
def test_parse_day_gives_a_message_to_act_on(text: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD") as info:
        parse_day(text)
    assert "\n" not in str(info.value)
    assert len(str(info.value)) < 120


@pytest.mark.parametrize("text", ["2000-01-01", "2100-12-31", " 2000-01-01 "])
def test_parse_day_accepts_the_ends_of_the_range(text: str) -> None:
    assert DATE_MIN <= parse_day(text) <= DATE_MAX


@pytest.mark.parametrize("text", ["1999-12-31", "2101-01-01", "9999-12-31", "0001-01-01"])
def test_parse_day_refuses_dates_outside_the_range_in_one_sentence(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_day(text)
    message = str(info.value)
    assert message == (
        f"{text} is outside the dates this app works with: use a date from 2000-01-01 to 2100-12-31"
    )
    assert "\n" not in message


def test_date_problem_is_the_one_check() -> None:
    assert (date(2000, 1, 1), date(2100, 12, 31)) == (DATE_MIN, DATE_MAX)
    assert date_problem(DATE_MIN) is None and date_problem(DATE_MAX) is None
    assert date_problem(date(2026, 11, 23)) is None
    assert date_problem(DATE_MIN - timedelta(days=1)) is not None
    assert "2000-01-01 to 2100-12-31" in (date_problem(date.max) or "")
    # the range leaves room: a year and a few working days after the last date never overflow
    assert CHRISTMAS_2026.add_working_days(DATE_MAX + relativedelta(years=1), 30) < date.max


@pytest.mark.parametrize(
    ("rule", "start"),
    [
        ("FREQ=WEEKLY;INTERVAL=2", date(2024, 1, 3)),
        ("FREQ=WEEKLY", date(2025, 12, 29)),
        ("FREQ=DAILY;INTERVAL=10", date(2023, 5, 1)),
        ("FREQ=MONTHLY", date(2022, 1, 15)),
        ("FREQ=MONTHLY;INTERVAL=3", date(2021, 3, 28)),
        ("FREQ=MONTHLY", date(2024, 1, 31)),  # a day not every month has: no date in a month without it
        ("FREQ=MONTHLY;INTERVAL=2", date(2023, 8, 30)),
        ("FREQ=MONTHLY;INTERVAL=2", date(2023, 12, 30)),
        ("FREQ=MONTHLY;INTERVAL=5", date(2024, 1, 29)),
        ("FREQ=YEARLY", date(2024, 2, 29)),  # only in leap years
        ("FREQ=YEARLY;INTERVAL=2", date(2022, 6, 1)),
        ("FREQ=WEEKLY;BYDAY=MO,TH", date(2026, 1, 5)),  # not a simple rule: the rule's own walk
    ],
)
def test_occurrences_after_gives_the_rules_own_dates_without_walking_from_the_start(
    rule: str, start: date
) -> None:
    for after in (
        start - timedelta(days=3),  # an agreement starting after the day asked about
        start,
        start + timedelta(days=1),
        date(2026, 11, 30),
        date(2026, 12, 1),
    ):
        for days in (1, 14, 120, 1200):
            until = after + timedelta(days=days)
            expected = [d for d in occurrences(rule, start, until) if d > after]
            assert occurrences_after(rule, start, after, until) == expected, (rule, after, days)
        # the next date by arithmetic too: the one the rule's own walk finds
        walked = rrulestr(rule, dtstart=datetime.combine(start, time())).after(
            datetime.combine(after, time())
        )
        assert walked is not None and next_occurrence(rule, start, after) == walked.date(), (rule, after)


def test_after_interval_is_the_day_plus_the_interval() -> None:
    rules = ("FREQ=DAILY;INTERVAL=3", "FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY", "FREQ=MONTHLY;INTERVAL=5")
    day = date(2023, 12, 1)
    while day < date(2025, 3, 10):  # every day of a year and a leap year: month ends, 29 February
        for rule in (*rules, "FREQ=YEARLY", "FREQ=WEEKLY;BYDAY=MO", "not a rule"):
            assert after_interval(day, rule) == day + interval(rule), (day, rule)
        day += timedelta(days=1)


def test_one_clock_pinned_for_a_whole_run() -> None:
    """The app reckons today by domain.dates.today(): the calendar's day unless pinned (the suite pins the day
    it started, tests/conftest.py); pinning another day moves every "today" with it, and None lets go."""
    from datetime import date as real_date

    from cowork_desktop.domain import dates as clock

    pinned = clock.today()
    try:
        clock.pin_today(real_date(2031, 2, 28))
        assert clock.today() == real_date(2031, 2, 28)
        clock.pin_today(None)
        assert clock.today() == real_date.today()
    finally:
        clock.pin_today(pinned)
