"""The .ics export, read back with an independent parser (the ``icalendar`` package) and checked byte by byte."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers.records import signed_by_everyone

from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.models import RecordKind
from cowork_desktop.services import calendar_export, sessions
from cowork_desktop.services.calendar_export import CalendarItem, escape_text, fold, render_ics
from cowork_desktop.services.demo import DEMO_WORKERS, demo_answers
from cowork_desktop.services.sessions import Workspace

icalendar = pytest.importorskip("icalendar")

TODAY = date(2026, 11, 23)
STAMP = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def events(data: bytes) -> list[Any]:
    cal = icalendar.Calendar.from_ical(data)
    return [c for c in cal.walk("VEVENT")]


def same_rule(event: Any, rule: str) -> bool:
    """The event's RRULE, as parsed by icalendar, is the rule given (icalendar may reorder its parts)."""
    parsed = event["RRULE"]
    return bool(parsed == icalendar.vRecur.from_ical(rule)) and set(
        parsed.to_ical().decode().split(";")
    ) == set(rule.split(";"))


def test_team_calendar_parses_and_round_trips_rrules(demo_ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "team.ics"
    items = calendar_export.export_calendar(demo_ws, out, TODAY, stamp=STAMP)
    data = out.read_bytes()
    found = events(data)
    assert len(found) == len(items)
    # the demo's signed initial meetings on active co-allocations: 0103 0104 0105 0106 0107 0108 0109 0112 (8),
    # each with a next review and two agreed frequencies: 24 events, 16 recurring; and the ended co-allocation of
    # 0110 (closed in the demo) sent again as 3 cancelled events, so calendars that imported them drop them
    live = [i for i in items if not i.cancelled]
    assert len(live) == 24 and sum(1 for i in live if i.rrule) == 16
    assert {i.case_reference for i in items if i.cancelled} == {"CR-2026-0110"} and len(items) == 27
    by_uid = {str(e["UID"]): e for e in found}
    for item in items:
        event = by_uid[item.uid]
        assert str(event["SUMMARY"]) == item.summary
        assert event.decoded("DTSTART") == item.start
        assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert event.decoded("DTEND") == item.start + timedelta(days=1)
        assert int(event["SEQUENCE"]) == item.sequence
        if item.rrule:
            assert same_rule(event, item.rrule)
        else:
            assert "RRULE" not in event
    # agreed frequencies as stored: every 2 weeks and monthly, from the initial meeting
    ref = "CR-2026-0105"
    discussion = by_uid[f"{ref}-ca5-discussion@cowork-desktop"]
    assert same_rule(discussion, "FREQ=WEEKLY;INTERVAL=2")
    assert discussion.decoded("DTSTART") == TODAY - timedelta(days=60)
    assert str(discussion["SUMMARY"]) == f"{ref}: reflective case discussion (co-working)"
    supervision = by_uid[f"{ref}-ca5-supervision@cowork-desktop"]
    assert same_rule(supervision, "FREQ=MONTHLY")
    assert str(supervision["SUMMARY"]) == f"{ref}: joint supervision (co-working)"
    review = by_uid[f"{ref}-ca5-review@cowork-desktop"]
    assert review.decoded("DTSTART") == TODAY - timedelta(days=18)  # first review, 6 weeks on: overdue
    # the same instances as the agreed rule, expanded by dateutil from the parsed event
    from dateutil.rrule import rrulestr

    start = datetime.combine(discussion.decoded("DTSTART"), datetime.min.time())
    expanded = rrulestr(discussion["RRULE"].to_ical().decode(), dtstart=start)
    assert [d.date() for d in expanded[:3]] == [TODAY - timedelta(days=60 - 14 * n) for n in range(3)]


def test_rfc5545_lines(demo_ws: Workspace) -> None:
    data = render_ics(calendar_export.calendar_items(demo_ws, TODAY, include_workers=True), stamp=STAMP)
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # long descriptions were folded
    for line in lines:
        line.decode("utf-8")  # never folded inside a UTF-8 character
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-1] == b"END:VCALENDAR"
    assert b"DTSTAMP:20261123T093000Z" in data
    assert b"PRODID:" in data and b"VERSION:2.0" in data


def test_no_children_and_workers_only_when_asked(demo_ws: Workspace) -> None:
    plain = render_ics(calendar_export.calendar_items(demo_ws, TODAY), stamp=STAMP)
    text = icalendar.Calendar.from_ical(plain).to_ical().decode("utf-8")
    unfolded = plain.replace(b"\r\n ", b"").decode("utf-8")
    for case in (demo_ws.store.get_case(r.id) for r in demo_ws.store.list_cases()):
        for initials in case.children_initials.replace(",", " ").split():
            assert f" {initials} " not in unfolded and f":{initials}" not in unfolded
    for name, _ in DEMO_WORKERS:
        assert name not in unfolded and name not in text
    for event in events(plain):
        summary = str(event["SUMMARY"])
        assert summary.startswith("CR-2026-01")
        assert summary.endswith(("(co-working)", ": review of co-working"))
    named = render_ics(calendar_export.calendar_items(demo_ws, TODAY, include_workers=True), stamp=STAMP)
    descriptions = [str(e["DESCRIPTION"]) for e in events(named)]
    assert any("Zoë Ó Súilleabháin and Mei Lin Chen" in d for d in descriptions)
    assert all(not any(n in str(e["SUMMARY"]) for n, _ in DEMO_WORKERS) for e in events(named))


def test_one_case_and_stable_uids(demo_ws: Workspace, tmp_path: Path) -> None:
    case = demo_ws.store.find_case("CR-2026-0109")
    first = calendar_export.export_calendar(demo_ws, tmp_path / "a.ics", TODAY, case.id, stamp=STAMP)
    later = datetime(2026, 12, 1, tzinfo=UTC)
    again = calendar_export.export_calendar(demo_ws, tmp_path / "b.ics", TODAY, case.id, stamp=later)
    assert {i.case_reference for i in first} == {"CR-2026-0109"} and len(first) == 3
    assert [i.uid for i in first] == [i.uid for i in again]
    assert (tmp_path / "a.ics").read_bytes() != (tmp_path / "b.ics").read_bytes()  # only DTSTAMP differs
    entries = demo_ws.store.audit_entries("case", case.id)
    assert entries[-1]["action"] == "export_calendar"
    # a case with no signed initial meeting has nothing to put in a calendar
    empty = demo_ws.store.find_case("CR-2026-0102")
    with pytest.raises(CoworkError, match="nothing to put in a calendar"):
        calendar_export.export_calendar(demo_ws, tmp_path / "c.ics", TODAY, empty.id)
    assert not (tmp_path / "c.ics").exists()


def test_an_existing_file_is_replaced_only_when_asked(demo_ws: Workspace, tmp_path: Path) -> None:
    case = demo_ws.store.find_case("CR-2026-0109")
    out = tmp_path / "case.ics"
    out.write_bytes(b"an older calendar")
    with pytest.raises(CoworkError, match="already exists"):
        calendar_export.export_calendar(demo_ws, out, TODAY, case.id, stamp=STAMP)
    assert out.read_bytes() == b"an older calendar"
    calendar_export.export_calendar(demo_ws, out, TODAY, case.id, stamp=STAMP, replace=True)
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR") and out.stat().st_mode & 0o777 == 0o600
    # never the open database, even when asked to replace
    with pytest.raises(CoworkError, match="is the open cowork database"):
        calendar_export.export_calendar(demo_ws, demo_ws.store.path, TODAY, case.id, replace=True)
    assert demo_ws.store.path.read_bytes()[:16] == b"SQLite format 3\x00"


def test_escaping_and_folding_by_hand() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "DESCRIPTION:" + "é" * 40  # 12 + 80 octets; "é" is 2 octets, never split: 12 + 31 x 2 = 74
    folded = fold(line)
    parts = folded.split(b"\r\n")[:-1]
    assert [len(p) for p in parts] == [74, 19] and parts[1].startswith(b" ")
    assert b"".join([parts[0], parts[1][1:]]).decode("utf-8") == line
    item = CalendarItem("x@y", "Ref: a, b; c", date(2027, 1, 4), "line one\nline two", "FREQ=WEEKLY;COUNT=3")
    event = events(render_ics([item], stamp=STAMP))[0]
    assert str(event["SUMMARY"]) == "Ref: a, b; c" and str(event["DESCRIPTION"]) == "line one\nline two"
    assert same_rule(event, "FREQ=WEEKLY;COUNT=3")


def test_an_end_date_ends_the_recurrence(ws: Workspace, coworked: dict[str, int]) -> None:
    ca_id = coworked["coallocation"]
    ca = ws.store.get_coallocation(ca_id)
    record = sessions.start_record(ws, ca_id, RecordKind.INITIAL_MEETING, date(2026, 11, 2)).value
    assert record.id is not None
    form = sessions.form_for(ws, record)
    answers = demo_answers(form, ca, sessions.context_for(ws, ca), date(2026, 11, 2), {"actions": []})
    sessions.save_draft(ws, record.id, answers, based_on=ws.store.get_record(record.id).revision)
    signed_by_everyone(ws, record.id, "Amara Okafor")
    ca = ws.store.get_coallocation(coworked["coallocation"])
    ca.end_date = date(2027, 3, 31)
    ws.store.update_coallocation(ca)
    items = calendar_export.calendar_items(ws, date(2026, 12, 1))
    rules = {i.kind: i.rrule for i in items}
    assert rules == {
        "review": "",
        "discussion": "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270331",
        "supervision": "FREQ=MONTHLY;UNTIL=20270331",
    }
    parsed = events(render_ics(items, stamp=STAMP))
    recurring = [e for e in parsed if "RRULE" in e]
    assert len(recurring) == 2
    assert same_rule(recurring[0], "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270331")
    assert same_rule(recurring[1], "FREQ=MONTHLY;UNTIL=20270331")


def test_an_ended_co_working_cancels_the_events_it_sent(demo_ws: Workspace, tmp_path: Path) -> None:
    """Issue 15: the events a calendar imported while the co-working ran are dropped once it has ended (the same
    UIDs, STATUS:CANCELLED, a higher SEQUENCE); read back with two independent parsers (icalendar and vobject)."""
    vobject = pytest.importorskip("vobject")
    case = demo_ws.store.find_case("CR-2026-0110")  # closed ten days before TODAY in the demo
    assert case.id is not None
    before, after = tmp_path / "before.ics", tmp_path / "after.ics"
    calendar_export.export_calendar(demo_ws, before, TODAY - timedelta(days=20), case.id, stamp=STAMP)
    calendar_export.export_calendar(demo_ws, after, TODAY, case.id, stamp=STAMP)

    def read(path: Path) -> dict[str, tuple[str, int, bool]]:
        by_icalendar = {
            str(e["UID"]): (str(e.get("STATUS", "")), int(e["SEQUENCE"]), "RRULE" in e)
            for e in events(path.read_bytes())
        }
        parsed = vobject.readOne(path.read_text(encoding="utf-8"))
        by_vobject = {
            e.uid.value: (
                e.status.value if hasattr(e, "status") else "",
                int(e.sequence.value),
                hasattr(e, "rrule"),
            )
            for e in parsed.vevent_list
        }
        assert by_icalendar == by_vobject
        return by_icalendar

    sent, cancelled = read(before), read(after)
    assert len(sent) == 3 and set(sent) == set(cancelled)  # review, discussion, supervision: the same UIDs
    for uid, (status, sequence, recurring) in sent.items():
        assert status == ""
        assert cancelled[uid][0] == "CANCELLED"
        assert cancelled[uid][1] > sequence
        assert cancelled[uid][2] == recurring
    # the team's file carries the cancellation too; an active case's events are untouched
    team = calendar_export.calendar_items(demo_ws, TODAY)
    assert {i.uid for i in team if i.cancelled} == set(cancelled)
    # a year and more after the end the team's file no longer carries it; the case's own file still does
    later = TODAY + timedelta(days=calendar_export.CANCEL_WINDOW_DAYS + 1)
    assert not any(i.cancelled for i in calendar_export.calendar_items(demo_ws, later))
    assert all(i.cancelled for i in calendar_export.calendar_items(demo_ws, later, case.id))
