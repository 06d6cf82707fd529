"""``cowork service report``: the service's figures per team and in total, as text, JSON (``--json``), CSV
(``--csv``: a row per team and one for the service) or a self-contained accessible HTML page (``--html FILE``,
written whole and owner-only). Case references only, never a child's name: the report holds counts, no case at all.

The figures are :func:`cowork_desktop.services.service_report.service_report`'s (the laptop's rules); this module
only prints them. psycopg is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import csv
import html
import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from cowork_desktop.cli import common
from cowork_desktop.cli.output import print_json, table
from cowork_desktop.domain import dates
from cowork_desktop.domain.holidays import NATIONS
from cowork_desktop.domain.settings import NUMBERS

if TYPE_CHECKING:
    from cowork_desktop.services.service_report import ServiceReport


def register(
    service: argparse._SubParsersAction[Any], add_url: Callable[[argparse.ArgumentParser], None]
) -> None:
    """``cowork service report``."""
    p = service.add_parser(
        "report",
        help="oversight: per team and for the service, the laptop's figures (initial MDRs, reviews, urgent "
        "issues, drift, promises kept, learners' development) from what was published",
        allow_abbrev=False,
    )
    add_url(p)
    common.add_day(p, "the day reported on (default: today)")
    p.add_argument(
        "--initial-days",
        type=int,
        metavar="N",
        help="the working days after co-allocation within which the initial MDR is due (default: 5, the app's "
        "default setting)",
    )
    p.add_argument(
        "--nation",
        default=NATIONS[0],
        choices=NATIONS,
        help=f"whose bank holidays are not working days (default: {NATIONS[0]})",
    )
    how = p.add_mutually_exclusive_group()
    how.add_argument("--json", action="store_true", help="print JSON instead of a table")
    how.add_argument("--csv", action="store_true", help="print CSV: a row per team, then the service's")
    how.add_argument(
        "--html",
        type=Path,
        metavar="FILE",
        help="write an accessible HTML page (owner-only) instead of a table",
    )
    common.add_force(p)
    p.set_defaults(func=cmd_service_report)


def cmd_service_report(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import files
    from cowork_desktop.services.service_report import DEFAULT_INITIAL_DAYS, service_report

    on = args.on or dates.today()
    target: Path | None = args.html
    if target is not None:
        if target.suffix.lower() not in (".html", ".htm"):
            raise common.UsageError(f"--html {target}: give an .html file name")
        with common.refusals(args):
            files.check_target(target, replace=args.force)  # before the service is asked
    days = args.initial_days if args.initial_days is not None else DEFAULT_INITIAL_DAYS
    bounds = NUMBERS["initial_meeting_days"]
    if not bounds.low <= days <= bounds.high:
        raise common.UsageError(f"--initial-days: give {bounds.low} to {bounds.high} working days")
    report = service_report(args.url, on, initial_days=days, nation=args.nation)
    if args.json:
        print_json("service report", report.as_dict(), out)
    elif args.csv:
        out.write(csv_text(report))
    elif target is not None:
        with common.refusals(args):
            files.write_output(target, html_page(report).encode("utf-8"), replace=args.force)
        out.write(f"Wrote the service report on {on.isoformat()} ({len(report.teams)} team(s)) to {target}\n")
    else:
        _text(report, out)
    return 0


def _scope(report: ServiceReport) -> str:
    who = "a head of service: every team" if report.head else "a team's manager: that team only"
    return (
        f"As {report.login} ({who}), on {report.on.isoformat()}; initial MDR due within {report.initial_days} "
        f"working days of co-allocation ({report.nation} bank holidays)."
    )


def _text(report: ServiceReport, out: TextIO) -> None:
    from cowork_desktop.services.service_report import FIGURES, columns, shown

    out.write(_scope(report) + "\n\n")
    rows = columns(report)
    table(
        ["Figure", *(name for name, _ in rows)],
        [[heading, *(shown(key, get(f)) for _, f in rows)] for key, heading, get in FIGURES],
        out,
    )


def csv_text(report: ServiceReport) -> str:
    """A header, a row per team and one for the service (team empty), the day and the rule's N on each."""
    from cowork_desktop.services.service_report import FIGURES

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["on", "team", "initial_mdr_working_days", *(key for key, _, _ in FIGURES)])
    for f in (*report.teams, report.service):
        values = [get(f) for _, _, get in FIGURES]
        writer.writerow(
            [
                report.on.isoformat(),
                f.team if f.team is not None else "",
                report.initial_days,
                *("" if v is None else round(v, 4) if isinstance(v, float) else v for v in values),
            ]
        )
    return buffer.getvalue()


def html_page(report: ServiceReport) -> str:
    """A self-contained page (no script, no file or address outside it): a table with its caption, column and
    row headings (``scope``), the figures as text; readable by a screen reader cell by cell."""
    from cowork_desktop.services.service_report import FIGURES, columns, shown

    e = html.escape
    rows = columns(report)
    head = "".join(f'<th scope="col">{e(name)}</th>' for name, _ in rows)
    body = "".join(
        f'<tr><th scope="row">{e(heading)}</th>'
        + "".join(f"<td>{e(shown(key, get(f)))}</td>" for _, f in rows)
        + "</tr>\n"
        for key, heading, get in FIGURES
    )
    title = f"Co-working across the service on {report.on.isoformat()}"
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5rem; color: #111; background: #fff; line-height: 1.4; }}
table {{ border-collapse: collapse; }}
caption {{ text-align: left; font-weight: bold; padding-bottom: .5rem; }}
th, td {{ border: 1px solid #555; padding: .3rem .6rem; }}
td {{ text-align: right; }}
th[scope="row"] {{ text-align: left; font-weight: normal; }}
</style>
</head>
<body>
<main>
<h1>{e(title)}</h1>
<p>{e(_scope(report))}</p>
<table>
<caption>Figures per team and for the whole service, reckoned by the app's own rules from the signed records
published (counts only: no case and no person is named)</caption>
<thead><tr><th scope="col">Figure</th>{head}</tr></thead>
<tbody>
{body}</tbody>
</table>
</main>
</body>
</html>
"""
