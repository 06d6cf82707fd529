"""The ``cowork`` report commands: ``devlog``, ``calendar``, ``drift`` and ``promises``.

They follow the other commands' conventions (:mod:`cowork_desktop.cli.common`): ``--db`` with ``--passphrase-env``
for an encrypted database, one-line ``cowork: error: ...`` messages (raised as CoworkError or UsageError, printed
by :func:`cowork_desktop.cli.run.main`), JSON with ``--json``. Cases are named by reference only.

The services each command uses are imported by that command: ``cowork due`` (which builds this parser too) does
not pay for the insights or the calendar.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from cowork_desktop.cli import common
from cowork_desktop.cli.output import print_json, table
from cowork_desktop.domain import dates
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.services import sessions

if TYPE_CHECKING:
    from cowork_desktop.domain.insights import Drift, PromiseTally


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the report commands to the ``cowork`` command's subparsers."""
    p = common.add_command(
        sub,
        "devlog",
        "export a worker's development log (learning by PCF domain) as a PDF for a portfolio",
        cmd_devlog,
    )
    common.add_db(p, "--db-passphrase-env")
    p.add_argument(
        "--worker", required=True, metavar="NAME", help="the worker's name, as in 'cowork workers'"
    )
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE.pdf",
        help="the PDF file (a folder: the usual name in it)",
    )
    p.add_argument(
        "--from", dest="since", type=common.day_arg, metavar="YYYY-MM-DD", help="only learning from"
    )
    p.add_argument(
        "--to", dest="until", type=common.day_arg, metavar="YYYY-MM-DD", help="only learning up to"
    )
    common.add_signer(p, "the manager's signing certificate")
    p.add_argument(
        "--unsigned",
        action="store_true",
        help="an unsigned copy (not portfolio evidence: it cannot be verified)",
    )
    common.add_force(p)

    p = common.add_command(
        sub,
        "calendar",
        "export the reviews, joint supervisions and case discussions as an iCalendar (.ics) file",
        cmd_calendar,
    )
    common.add_db(p)
    p.add_argument("--case", metavar="REF", help="only this case reference (default: the whole team)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.ics", help="the calendar file")
    p.add_argument(
        "--include-workers",
        action="store_true",
        help="name the co-workers in each event's description (default: case references only)",
    )
    common.add_day(p, "co-working active on this day (default: today)")
    common.add_force(p)

    p = common.add_command(
        sub,
        "drift",
        "the team view: co-allocations drifting into parallel working, furthest first",
        cmd_drift,
    )
    common.add_db(p)
    common.add_day(p)
    common.add_json(p, "a table")

    p = common.add_command(
        sub,
        "promises",
        "promises kept: the share of agreed actions done on time, per case and per worker",
        cmd_promises,
    )
    common.add_db(p)
    p.add_argument("--case", metavar="REF", help="only this case reference (default: every case)")
    common.add_day(p)
    common.add_json(p, "tables")


def cmd_devlog(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import insights

    if args.since and args.until and args.since > args.until:
        raise common.UsageError("--from is after --to")
    target: Path = args.out
    if not target.is_dir() and target.suffix.lower() != ".pdf":
        raise common.UsageError(f"--out {target}: give a .pdf file name (or a folder)")
    with common.open_existing(args) as store, common.refusals(args):
        ws = sessions.Workspace.open(store)
        worker_id = insights.find_worker_id(ws, args.worker)
        log = insights.development_log(ws, worker_id, since=args.since, until=args.until)
        if not log.entries:
            raise CoworkError(
                f"no learning is recorded for {log.worker_name} in signed co-working records"
                + (" in that period" if args.since or args.until else "")
                + " (the log covers cases where they are the student, ASYE or less experienced worker)"
            )
        insights.development_log_path(ws, log, target, replace=args.force)  # before the passphrase is asked
        signer = None if args.unsigned else common.signer_from_args(args)
        path, log = insights.export_development_log(
            ws, worker_id, target, since=args.since, until=args.until, signer=signer, replace=args.force
        )
    refs = ", ".join(log.case_references)
    how = "unsigned" if args.unsigned else "signed"
    out.write(
        f"Exported the development log of {log.worker_name} ({len(log.entries)} learning entries; cases {refs}), "
        f"{how}, to {path}\n"
    )
    return 0


def cmd_calendar(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import calendar_export

    on = args.on or dates.today()
    target: Path = args.out
    if not target.is_dir() and target.suffix.lower() not in (".ics", ".ical", ".ifb", ".icalendar"):
        raise common.UsageError(f"--out {target}: give an .ics file name")
    with common.open_existing(args) as store, common.refusals(args):
        ws = sessions.Workspace.open(store)
        case_id = store.find_case(args.case).id if args.case else None
        items = calendar_export.export_calendar(
            ws, target, on, case_id, include_workers=args.include_workers, replace=args.force
        )
    live = [i for i in items if not i.cancelled]
    ended = [i for i in items if i.cancelled]
    recurring = sum(1 for i in live if i.rrule)
    said = f"Exported {len(live)} event(s) ({recurring} recurring) for {len(calendar_export.case_references(live))} case(s)"
    if ended:
        said += f", and cancelled {len(ended)} of ended co-working ({len(calendar_export.case_references(ended))} case(s))"
    out.write(f"{said} to {target}\n")
    return 0


def cmd_drift(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import insights

    on = args.on or dates.today()
    with common.open_existing(args) as store:
        ws = sessions.Workspace.open(store)
        drifts = insights.team_drift(ws, on)
    if args.json:
        print_json("drift", {"on": on.isoformat(), "coallocations": [d.as_dict() for d in drifts]}, out)
        return 0
    if not drifts:
        out.write(f"No co-working is active on {on.isoformat()}.\n")
        return 0
    rows = [_drift_row(d) for d in drifts]
    table(
        [
            "Case",
            "Score",
            "State",
            "Discussions missed",
            "Review overdue",
            "Issues flagged",
            "Actions overdue",
            "Note",
        ],
        rows,
        out,
    )
    drifting = sum(1 for d in drifts if d.band.value == "drifting")
    out.write(
        f"{len(drifts)} active co-allocation(s) on {on.isoformat()}, {drifting} drifting into parallel working. "
        "Score = 2 x discussions missed + weeks the review is overdue + 3 x reviews that flagged issues "
        "+ actions overdue + 5 if the initial meeting is overdue.\n"
    )
    return 0


def _drift_row(d: Drift) -> list[str]:
    overdue = f"{d.review_overdue_days} day(s)" if d.review_overdue_days else "-"
    return [
        d.case_reference,
        str(d.score),
        d.band.value,
        str(d.discussions_missed),
        overdue,
        str(d.flagged_reviews),
        str(d.actions_overdue),
        "initial meeting overdue" if d.initial_meeting_overdue else "",
    ]


def _share(t: PromiseTally) -> str:
    share = t.share_kept
    return "-" if share is None else f"{round(share * 100)}%"


def _tally_row(name: str, t: PromiseTally) -> list[str]:
    return [name, _share(t), str(t.on_time), str(t.late), str(t.not_done), str(t.not_yet_due)]


_TALLY_HEADERS = ["Done on time", "Done late", "Not done", "Not yet due"]


def _owner_name(worker_id: int | None, names: dict[int | None, str]) -> str:
    return names.get(worker_id, "(no owner)") if worker_id is not None else "(no owner)"


def cmd_promises(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import insights

    on = args.on or dates.today()
    with common.open_existing(args) as store:
        ws = sessions.Workspace.open(store)
        if args.case:
            case_id = store.find_case(args.case).id
            assert case_id is not None
            kept = insights.case_promises(ws, case_id, on)
        else:
            kept = insights.team_promises(ws, on)
        names = {w.id: w.name for w in store.list_workers()}
    by_worker = sorted(
        ((_owner_name(w, names), t) for w, t in kept.by_worker.items()), key=lambda item: item[0].casefold()
    )
    if args.json:
        print_json(
            "promises",
            {
                "on": on.isoformat(),
                "case": args.case,
                "total": kept.total.as_dict(),
                "cases": [{"reference": ref, **t.as_dict()} for ref, t in kept.by_case.items()],
                "workers": [
                    {"id": w, "name": names.get(w, "") if w is not None else "", **t.as_dict()}
                    for w, t in sorted(
                        kept.by_worker.items(), key=lambda item: _owner_name(item[0], names).casefold()
                    )
                ],
            },
            out,
        )
        return 0
    if not kept.total.agreed:
        out.write("No actions have been agreed in signed records yet.\n")
        return 0
    if not args.case:
        table(["Case", "Kept", *_TALLY_HEADERS], [_tally_row(r, t) for r, t in kept.by_case.items()], out)
        out.write("\n")
    table(["Worker", "Kept", *_TALLY_HEADERS], [_tally_row(n, t) for n, t in by_worker], out)
    total = kept.total
    out.write(
        f"\n{total.on_time} of {total.counted} action(s) that have fallen due by {on.isoformat()} were done on time "
        f"({_share(total)}); {total.not_yet_due} not yet due.\n"
    )
    return 0
