"""``cowork cases``, ``due``, ``workers`` and ``search``: the team's work, read only, as text or ``--json``."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from cowork_desktop.cli import common
from cowork_desktop.cli.output import print_json, table
from cowork_desktop.domain import dates
from cowork_desktop.domain.due import DueItem, Severity
from cowork_desktop.domain.models import PlanType
from cowork_desktop.domain.search import SEARCH_LIMIT
from cowork_desktop.services import search, sessions


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``cases``, ``due``, ``workers`` and ``search`` to the ``cowork`` command."""
    p = common.add_command(sub, "cases", "list the cases and their co-workers", cmd_cases)
    common.add_db(p)
    common.add_json(p, "a table")
    p.add_argument(
        "--search", default="", metavar="TEXT", help="only cases whose reference or worker matches"
    )

    p = common.add_command(sub, "due", "list what is due, overdue or urgent", cmd_due)
    common.add_db(p)
    common.add_forms(p)
    common.add_day(p)
    common.add_json(p, "one line per item")
    p.add_argument("--case", metavar="REF", help="only this case reference")

    p = common.add_command(sub, "workers", "list the workers", cmd_workers)
    common.add_db(p)
    common.add_json(p, "a table")

    p = common.add_command(sub, "search", "find records by the words in them", cmd_search)
    common.add_db(p)
    common.add_json(p, "a line per record found")
    p.add_argument(
        "words",
        nargs="+",
        metavar="WORD",
        help="every word must be in the record (its title, amendment reason or answers); the last one may be "
        "the start of a word",
    )
    p.add_argument(
        "--limit",
        type=int,
        default=SEARCH_LIMIT,
        metavar="N",
        help=f"show at most N records (default {SEARCH_LIMIT})",
    )


def _plan_label(value: str) -> str:
    try:
        return PlanType(value).label
    except ValueError:
        return value


def cmd_cases(args: argparse.Namespace, out: TextIO) -> int:
    with common.open_existing(args) as store:
        names = {w.id: w.name for w in store.list_workers()}
        total = store.count_cases(args.search)
        found: list[dict[str, Any]] = []
        latest_of = store.latest_coallocations()
        for row in store.list_cases(args.search, limit=max(total, 1)):
            latest = latest_of.get(row.id)
            found.append(
                {
                    "reference": row.reference,
                    "plan_type": row.plan_type,
                    "status": row.status,
                    "children_count": row.children_count,
                    "co_workers": [{"id": w, "name": names.get(w, "")} for w in latest.worker_ids]
                    if latest
                    else [],
                    "lead": {"id": latest.lead_worker_id, "name": names.get(latest.lead_worker_id, "")}
                    if latest
                    else None,
                    "start_date": latest.start_date.isoformat() if latest else None,
                    "end_date": latest.end_date.isoformat() if latest and latest.end_date else None,
                }
            )
    if args.json:
        print_json("cases", {"search": args.search or None, "cases": found}, out)
        return 0
    if not found:
        out.write("No cases match.\n" if args.search else "No cases yet.\n")
        return 0
    rows = [
        [
            c["reference"],
            _plan_label(c["plan_type"]),
            c["status"] + (" (co-working ended)" if c["end_date"] else ""),
            " & ".join(w["name"] for w in c["co_workers"]),
            c["lead"]["name"] if c["lead"] else "",
        ]
        for c in found
    ]
    table(["Reference", "Plan", "Status", "Co-workers", "Lead"], rows, out)
    return 0


def _due_line(item: DueItem) -> str:
    when = item.due_date.isoformat() if item.due_date else "-"
    return f"{item.severity.value.upper():<8} {when:<10}  {item.case_reference:<14} {item.message}"


def cmd_due(args: argparse.Namespace, out: TextIO) -> int:
    on = args.on or dates.today()
    with common.open_existing(args) as store:
        case_id = store.find_case(args.case).id if args.case else None
        ws = sessions.Workspace.open(store, args.forms)
        items = sessions.due(ws, on, case_id)
        note = sessions.calendar_note(ws, on)
    if note is not None:
        sys.stderr.write(f"{common.PROG}: {note}\n")  # said once, beside the output (never inside --json)
    if args.json:
        print_json(
            "due", {"on": on.isoformat(), "case": args.case, "items": [i.as_dict() for i in items]}, out
        )
        return 0
    if not items:
        out.write(f"Nothing due on {on.isoformat()}.\n")
        return 0
    for item in items:
        out.write(_due_line(item) + "\n")
    counts = {s: sum(1 for i in items if i.severity == s) for s in Severity}
    out.write(
        f"{len(items)} item(s) on {on.isoformat()}: "
        + ", ".join(f"{n} {s.value}" for s, n in counts.items() if n)
        + "\n"
    )
    return 0


def cmd_workers(args: argparse.Namespace, out: TextIO) -> int:
    with common.open_existing(args) as store:
        workers = store.list_workers()
    if args.json:
        print_json(
            "workers",
            {
                "workers": [
                    {"id": w.id, "name": w.name, "role": w.role.value, "team": w.team, "active": w.active}
                    for w in workers
                ]
            },
            out,
        )
        return 0
    if not workers:
        out.write("No workers yet.\n")
        return 0
    rows = [[w.name, w.role.label, w.team, "active" if w.active else "inactive"] for w in workers]
    table(["Name", "Role", "Team", "Status"], rows, out)
    return 0


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    text = " ".join(args.words)
    with common.open_existing(args) as store:
        found = search.search(sessions.Workspace.open(store), text, args.limit)
    if args.json:
        print_json(
            "search", {"text": text, "total": found.total, "records": [h.as_dict() for h in found.hits]}, out
        )
        return 0
    for hit in found.hits:
        status = "superseded" if hit.superseded else hit.status.replace("_", " ")
        out.write(
            f"{hit.case_reference:<14} {hit.meeting_date.isoformat()}  record {hit.record_id:<6} "
            f"{hit.kind_label} ({status})\n    {hit.snippet}\n"
        )
    out.write(found.summary + "\n")
    return 0
