"""The upcoming reviews, joint supervisions and case discussions of a case, or of the team, as an iCalendar file.

Written by hand to RFC 5545 (no new dependency): CRLF line endings, lines folded at 75 octets (never inside a UTF-8
character), TEXT values escaped (``\\``, ``;``, ``,`` and newlines). Every event is an all-day event
(``DTSTART;VALUE=DATE``) marked free (``TRANSP:TRANSPARENT``), so importing it into Outlook blocks no one's diary.

* one event per active co-allocation for its next review (the date agreed at the latest initial meeting or review,
  or that meeting plus the agreed supervision interval, as the due list reckons it);
* one recurring event per agreed frequency (reflective case discussions, joint supervision) with the agreed RRULE
  as it is stored, starting (DTSTART) on the day of the initial meeting that agreed it; a co-allocation with an end
  date gets ``UNTIL`` added when the rule has no end of its own;
* once a co-allocation has ended, its events again with the same UIDs, ``STATUS:CANCELLED`` and a higher SEQUENCE,
  so a calendar that imported them drops them (a case's file: every ended co-allocation of the case; the team's:
  those ended in the last :data:`CANCEL_WINDOW_DAYS` days).

SUMMARY names the case by its reference only (``CR-2026-0101: joint supervision (co-working)``): never a child.
Workers' names go in the DESCRIPTION only when asked for. Each event's UID is stable (case reference,
co-allocation and item), so importing a newer file updates the events; SEQUENCE is the id of the record that set
the date or rule, which only grows.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from cowork_desktop import __version__
from cowork_desktop.domain.dates import describe_rrule, parse_rrule_safe
from cowork_desktop.domain.due import CoAllocationState, agreed_rules
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.insights import next_review
from cowork_desktop.services.files import check_target, write_output
from cowork_desktop.services.sessions import Workspace

PRODID = f"-//cowork-desktop//Co-working calendar {__version__}//EN"
UID_DOMAIN = "cowork-desktop"
LINE_OCTETS = 75
#: how long after a co-allocation ends the team's calendar still carries its cancellations (a manager who imports
#: the team file now and then still has the old events dropped)
CANCEL_WINDOW_DAYS = 365


@dataclass(frozen=True)
class CalendarItem:
    """One VEVENT: an all-day event on ``start``, recurring when ``rrule`` is set."""

    uid: str
    summary: str
    start: date
    description: str = ""
    rrule: str = ""
    sequence: int = 0
    kind: str = ""  # "review", "discussion" or "supervision"
    case_reference: str = ""
    cancelled: bool = False  # the co-working has ended: calendars drop the event


# -------------------------------------------------------------------------------------------------- format


def escape_text(value: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon, comma and newlines escaped."""
    out = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return out.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded so no physical line exceeds 75 octets (CRLF added)."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return data + b"\r\n"
    parts: list[bytes] = []
    current = b""
    limit = LINE_OCTETS
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            parts.append(current)
            current = b""
            limit = LINE_OCTETS - 1  # continuation lines start with a space
        current += encoded
    parts.append(current)
    return b"\r\n ".join(parts) + b"\r\n"


def _day(value: date) -> str:
    return f"{value:%Y%m%d}"


def _stamp(value: datetime) -> str:
    return f"{value.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def render_ics(items: Sequence[CalendarItem], *, stamp: datetime | None = None, name: str = "") -> bytes:
    """The VCALENDAR with one VEVENT per item."""
    now = stamp or datetime.now(UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for item in items:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(item.uid)}",
            f"DTSTAMP:{_stamp(now)}",
            f"SEQUENCE:{item.sequence}",
            f"DTSTART;VALUE=DATE:{_day(item.start)}",
            f"DTEND;VALUE=DATE:{_day(item.start + timedelta(days=1))}",
        ]
        if item.rrule:
            lines.append(f"RRULE:{item.rrule}")
        if item.cancelled:
            lines.append("STATUS:CANCELLED")
        lines.append(f"SUMMARY:{escape_text(item.summary)}")
        if item.description:
            lines.append(f"DESCRIPTION:{escape_text(item.description)}")
        lines += ["CATEGORIES:Co-working", "TRANSP:TRANSPARENT", "CLASS:CONFIDENTIAL", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines)


# ---------------------------------------------------------------------------------------------- the items


def _short(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _with_end(rule: str, end: date | None) -> str:
    if end is None:
        return rule
    keys = {p.split("=", 1)[0].upper() for p in rule.split(";") if "=" in p}
    if "UNTIL" in keys or "COUNT" in keys:
        return rule
    return f"{rule};UNTIL={_day(end)}"


def items_for(state: CoAllocationState, *, include_workers: bool = False) -> list[CalendarItem]:
    """The calendar items of one co-allocation (none before its initial meeting has agreed anything)."""
    ref = state.case_reference
    base = f"{ref}-ca{state.coallocation_id}"
    who = ""
    if include_workers and any(state.worker_names):
        who = "\nCo-workers: " + " and ".join(n for n in state.worker_names if n)
    found: list[CalendarItem] = []
    review = next_review(state)
    if review is not None:
        day, record_id = review
        found.append(
            CalendarItem(
                f"{base}-review@{UID_DOMAIN}",
                f"{ref}: review of co-working",
                day,
                "Review of the co-working arrangement in formal supervision, with the manager and both co-workers."
                + who,
                sequence=record_id,
                kind="review",
                case_reference=ref,
            )
        )
    for kind, which, what, detail in (
        (
            "discussion",
            "discussion",
            "reflective case discussion",
            "Reflective case discussion between the co-workers; record it in a 'discussion with colleague' "
            "case note.",
        ),
        (
            "supervision",
            "supervision",
            "joint supervision",
            "Supervision of the case with the manager and both co-workers attending.",
        ),
    ):
        agreed = agreed_rules(state.records, which)
        if not agreed or parse_rrule_safe(agreed[-1].rule) is None:
            continue
        current = agreed[-1]  # the agreement in force: from the record that made it
        found.append(
            CalendarItem(
                f"{base}-{kind}@{UID_DOMAIN}",
                f"{ref}: {what} (co-working)",
                current.since,
                f"{detail}\nAgreed at the meeting of {_short(current.since)}: {describe_rrule(current.rule)}.{who}",
                rrule=_with_end(current.rule, state.end_date),
                sequence=current.record_id,
                kind=kind,
                case_reference=ref,
            )
        )
    return found


def cancelled_items(state: CoAllocationState, *, include_workers: bool = False) -> list[CalendarItem]:
    """An ended co-allocation's items as it last had them, cancelled: the same UIDs, a higher SEQUENCE (one more
    than any record of it, so more than any SEQUENCE an earlier file gave)."""
    sequence = max((r.id for r in state.records), default=0) + 1
    return [
        dataclasses.replace(i, cancelled=True, sequence=sequence)
        for i in items_for(state, include_workers=include_workers)
    ]


def calendar_items(
    ws: Workspace, on: date, case_id: int | None = None, *, include_workers: bool = False
) -> list[CalendarItem]:
    """The items of every co-allocation active on ``on`` (or of one case's), by case reference, and the
    cancellations of those that have ended (see :func:`cancelled_items`)."""
    states = ws.store.coallocation_states(on, case_id)
    items = [i for s in states for i in items_for(s, include_workers=include_workers)]
    since = on - timedelta(days=CANCEL_WINDOW_DAYS)
    for ended in ws.store.ended_coallocations(on - timedelta(days=1)):
        if case_id is not None and ended.case_id != case_id:
            continue
        if case_id is None and ended.end_date < since:
            continue
        for state in ws.store.coallocation_states(ended.end_date, ended.case_id, ids=(ended.id, ended.id)):
            items += cancelled_items(state, include_workers=include_workers)
    return sorted(items, key=lambda i: (i.case_reference, i.cancelled))


def export_calendar(
    ws: Workspace,
    out: str | os.PathLike[str],
    on: date,
    case_id: int | None = None,
    *,
    include_workers: bool = False,
    stamp: datetime | None = None,
    replace: bool = False,
) -> list[CalendarItem]:
    """Write the .ics file (atomically) and note the export in the audit log; returns the items written. An
    existing file is replaced only with ``replace``; the database, a backup or a certificate never (see
    :func:`cowork_desktop.services.files.check_target`)."""
    path = Path(out)
    if path.is_dir():
        raise CoworkError(f"{path} is a folder: give the calendar file's name (e.g. co-working.ics)")
    check_target(path, replace=replace, store=ws.store)
    items = calendar_items(ws, on, case_id, include_workers=include_workers)
    if case_id is not None:
        ref = ws.store.get_case(case_id).reference
        if not items:
            raise CoworkError(
                f"case {ref} has nothing to put in a calendar on {on.isoformat()}: "
                "no co-working with a signed initial meeting"
            )
        name = f"Co-working {ref}"
    else:
        name = "Co-working (team)"
    data = render_ics(items, stamp=stamp, name=name)
    write_output(path, data, replace=replace, store=ws.store)
    with ws.store.tx():
        ws.store.audit(
            "export_calendar",
            "case" if case_id is not None else "team",
            case_id,
            file=str(path),
            events=len(items),
            include_workers=include_workers,
        )
    return items


def case_references(items: Iterable[CalendarItem]) -> list[str]:
    return sorted({i.case_reference for i in items})
