"""``cowork retention``: list (and with ``--purge``, delete) ended co-allocations past the retention period."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from cowork_desktop.cli import common
from cowork_desktop.cli.output import print_json
from cowork_desktop.domain import dates
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.services import retention, sessions


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``retention`` to the ``cowork`` command."""
    p = common.add_command(
        sub,
        "retention",
        "list (and with --purge, delete) ended co-allocations past the retention period",
        cmd_retention,
    )
    common.add_db(p)
    common.add_day(p, "list what would be due on another day (default: today); a purge is always today's")
    p.add_argument(
        "--purge", action="store_true", help="delete what is due today, after a backup (asks to confirm)"
    )
    p.add_argument("--yes", action="store_true", help="with --purge: confirm without asking")
    common.add_json(p)


def cmd_retention(args: argparse.Namespace, out: TextIO) -> int:
    if args.purge and args.on is not None:
        raise common.UsageError(
            "--on only lists what another day would purge: a purge always uses today's date"
        )
    on = args.on or dates.today()
    with common.open_existing(args) as store:
        ws = sessions.Workspace.open(store)
        if args.purge:
            retention.require_intact_audit(ws)  # the candidates are read from the audit log: check it first
        months = retention.retention_months(ws)
        candidates = retention.retention_candidates(ws, on)
        if args.json and not args.purge:
            print_json("retention", {"months": months, "candidates": [c.as_dict() for c in candidates]}, out)
            return 0
        if months is None:
            out.write(
                "Retention is off: nothing is ever purged (set it with 'cowork settings --set retention_months=N').\n"
            )
            return 0
        if not candidates:
            out.write(
                f"Nothing to purge on {on.isoformat()} (retention: {months} months after the last export).\n"
            )
            return 0
        verb = "will be" if args.purge else "would be"
        out.write(
            f"{len(candidates)} ended co-allocation(s) {verb} purged ({months} months after the last export):\n"
        )
        for c in candidates:
            out.write(f"  {c.describe()}\n")
        if not args.purge:
            out.write("Run again with --purge to delete them (an audit entry records each purge).\n")
            return 0
        if not args.yes:
            if not common.stdin_is_tty():
                raise CoworkError(
                    "add --yes to confirm the purge (after reading the list); nothing was deleted"
                )
            out.flush()
            if input("Type 'purge' to delete them for good: ").strip() != "purge":
                out.write("Nothing was deleted.\n")
                return 1
        done = retention.purge(ws, candidates)  # always today's (it checks each candidate again for today)
    out.write(f"Purged {done} co-allocation(s); the audit log records each purge.\n")
    return 0
