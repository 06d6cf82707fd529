"""The ``cowork`` command: demo data, what is due, the case and worker lists, and form checks, without a window.

Imports no Qt, so it starts fast and runs headless. Every error the user can act on is printed to stderr as one
line starting ``cowork: error:`` (exit 2 for a usage error, 1 otherwise), never as a traceback. Only ``demo`` and
``init`` create a database; every other command refuses a path with no database.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO

from cowork_desktop import __version__, paths
from cowork_desktop.domain.dates import parse_day
from cowork_desktop.domain.due import DueItem, Severity
from cowork_desktop.domain.errors import CoworkError, StoreError
from cowork_desktop.domain.models import PlanType
from cowork_desktop.forms import load_forms
from cowork_desktop.services import sessions
from cowork_desktop.services.demo import load_demo
from cowork_desktop.store.db import Store, open_store

PROG = "cowork"
ERROR_PREFIX = f"{PROG}: error: "
#: set to 1 to see the traceback of an unexpected error (for bug reports)
DEBUG_ENV = "COWORK_DEBUG"


class UsageError(Exception):
    """A mistake in the command line (exit status 2, as argparse uses)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line naming the help to read, not the whole usage text."""

    def error(self, message: str) -> NoReturn:
        hint = f" (see '{self.prog} --help')"
        raise UsageError(f"{message}{hint}")


def _day_arg(text: str) -> date:
    try:
        return parse_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="the database file (default: cowork.db in the user's data folder)",
    )


def _add_forms(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--forms", type=Path, metavar="DIR", help="a folder of form files to use instead of the shipped forms"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Set up and supervise co-worked cases, from the command line (no window needed).",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser(
        "demo", help="create (or top up) a database of fictional demo data showing every state"
    )
    _add_db(p)
    _add_forms(p)
    p.add_argument(
        "--today",
        type=_day_arg,
        metavar="YYYY-MM-DD",
        help="the day the demo is built around (default: today)",
    )
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("init", help="create an empty database")
    _add_db(p)
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("cases", help="list the cases and their co-workers")
    _add_db(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument(
        "--search", default="", metavar="TEXT", help="only cases whose reference or worker matches"
    )
    p.set_defaults(func=cmd_cases)

    p = sub.add_parser("due", help="list what is due, overdue or urgent")
    _add_db(p)
    _add_forms(p)
    p.add_argument("--on", type=_day_arg, metavar="YYYY-MM-DD", help="the day to look at (default: today)")
    p.add_argument("--json", action="store_true", help="print JSON instead of one line per item")
    p.add_argument("--case", metavar="REF", help="only this case reference")
    p.set_defaults(func=cmd_due)

    p = sub.add_parser("workers", help="list the workers")
    _add_db(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_workers)

    p = sub.add_parser("forms", help="work with form files")
    forms_sub = p.add_subparsers(dest="forms_command", metavar="ACTION", parser_class=_Parser)
    check = forms_sub.add_parser("check", help="check a folder of form files (default: the shipped forms)")
    check.add_argument("dir", nargs="?", type=Path, metavar="DIR", help="the folder of *.toml form files")
    check.set_defaults(func=cmd_forms_check)
    return parser


# -- helpers -------------------------------------------------------------------------------------------------


def _db_path(args: argparse.Namespace) -> Path:
    value = getattr(args, "db", None)
    return Path(value) if value is not None else paths.default_db_path()


def _open_existing(args: argparse.Namespace) -> Store:
    return open_store(_db_path(args), create=False)


def _print_json(data: Any, out: TextIO) -> None:
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out.write(line(headers) + "\n")
    out.write(line(["-" * w for w in widths]) + "\n")
    for row in rows:
        out.write(line(row) + "\n")


def _plan_label(value: str) -> str:
    try:
        return PlanType(value).label
    except ValueError:
        return value


# -- commands ------------------------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    path = _db_path(args)
    today = args.today or date.today()
    with open_store(path, create=True) as store:
        ws = sessions.Workspace.open(store, args.forms)
        summary = load_demo(ws, today)
    out.write(f"Demo database {path} (built around {today.isoformat()}): {summary.describe()}.\n")
    out.write("Every person and case in it is fictional.\n")
    return 0


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    path = _db_path(args)
    if path.exists():
        raise StoreError(f"{path}: a database file already exists here; use it, or choose another --db")
    with open_store(path, create=True):
        pass
    out.write(f"Created an empty database at {path}\n")
    return 0


def cmd_cases(args: argparse.Namespace, out: TextIO) -> int:
    with _open_existing(args) as store:
        names = {w.id: w.name for w in store.list_workers()}
        total = store.count_cases(args.search)
        found: list[dict[str, Any]] = []
        for row in store.list_cases(args.search, limit=max(total, 1)):
            allocations = store.coallocations_for_case(row.id)
            latest = allocations[-1] if allocations else None
            found.append(
                {
                    "reference": row.reference,
                    "plan_type": row.plan_type,
                    "status": row.status,
                    "children_count": row.children_count,
                    "co_workers": [names.get(w, "") for w in latest.worker_ids] if latest else [],
                    "lead": names.get(latest.lead_worker_id, "") if latest else "",
                    "start_date": latest.start_date.isoformat() if latest else None,
                    "end_date": latest.end_date.isoformat() if latest and latest.end_date else None,
                }
            )
    if args.json:
        _print_json(found, out)
        return 0
    if not found:
        out.write("No cases match.\n" if args.search else "No cases yet.\n")
        return 0
    rows = [
        [
            c["reference"],
            _plan_label(c["plan_type"]),
            c["status"] + (" (co-working ended)" if c["end_date"] else ""),
            " & ".join(c["co_workers"]),
            c["lead"],
        ]
        for c in found
    ]
    _table(["Reference", "Plan", "Status", "Co-workers", "Lead"], rows, out)
    return 0


def _due_line(item: DueItem) -> str:
    when = item.due_date.isoformat() if item.due_date else "-"
    return f"{item.severity.value.upper():<8} {when:<10}  {item.case_reference:<14} {item.message}"


def cmd_due(args: argparse.Namespace, out: TextIO) -> int:
    on = args.on or date.today()
    with _open_existing(args) as store:
        case_id = store.find_case(args.case).id if args.case else None
        ws = sessions.Workspace.open(store, args.forms)
        items = sessions.due(ws, on, case_id)
    if args.json:
        _print_json([i.as_dict() for i in items], out)
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
    with _open_existing(args) as store:
        workers = store.list_workers()
    if args.json:
        _print_json(
            [
                {"id": w.id, "name": w.name, "role": w.role.value, "team": w.team, "active": w.active}
                for w in workers
            ],
            out,
        )
        return 0
    if not workers:
        out.write("No workers yet.\n")
        return 0
    rows = [[w.name, w.role.label, w.team, "active" if w.active else "inactive"] for w in workers]
    _table(["Name", "Role", "Team", "Status"], rows, out)
    return 0


def cmd_forms_check(args: argparse.Namespace, out: TextIO) -> int:
    folder = args.dir if args.dir is not None else paths.forms_dir()
    forms = load_forms(folder)
    ids = sorted(f.id for f in forms)
    out.write(f"{len(ids)} forms OK: {', '.join(ids)}\n")
    return 0


# -- entry point ---------------------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(str(text).split()) or "unknown error"


def _fail(message: str, status: int, err: TextIO) -> int:
    err.write(ERROR_PREFIX + _one_line(message) + "\n")
    err.flush()
    return status


def _relaxed_streams() -> None:
    """A console that cannot show a character (e.g. Arabic on a legacy code page) gets a '?', not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if reconfigure is not None and encoding != "utf8":
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``cowork`` command; returns the exit status (0 when all went well)."""
    _relaxed_streams()
    out, err = sys.stdout, sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except UsageError as exc:
        return _fail(str(exc), 2, err)
    except SystemExit as exc:  # --help and --version exit here, with status 0
        return exc.code if isinstance(exc.code, int) else 0
    func: Callable[[argparse.Namespace, TextIO], int] | None = getattr(args, "func", None)
    if func is None:
        if getattr(args, "command", None) == "forms":
            return _fail("choose what to do with the forms, for example 'cowork forms check'", 2, err)
        parser.print_help(out)
        return 2
    try:
        return func(args, out)
    except CoworkError as exc:
        return _fail(str(exc), 1, err)
    except BrokenPipeError:  # the reader went away (e.g. `cowork due | head`): not an error worth a message
        _silence_stdout()
        return 1
    except (ValueError, sqlite3.Error, OSError) as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        return _fail(str(exc), 1, err)
    except KeyboardInterrupt:
        return _fail("interrupted", 130, err)
    except Exception as exc:  # never a traceback for the user; COWORK_DEBUG=1 shows it
        if os.environ.get(DEBUG_ENV):
            raise
        return _fail(f"unexpected {type(exc).__name__}: {exc} (set {DEBUG_ENV}=1 for details)", 1, err)


if __name__ == "__main__":
    raise SystemExit(main())
