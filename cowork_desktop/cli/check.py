"""``cowork check``: read every page, recompute every signed record's hash, the audit chain and its signed
heads, and (with ``--repair``) put back missing protections.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from cowork_desktop.cli import common
from cowork_desktop.cli.output import print_json


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``check`` to the ``cowork`` command."""
    p = common.add_command(
        sub,
        "check",
        "recompute every signed record's hash, the audit chain and its signed heads, and the protections",
        cmd_check,
    )
    common.add_db(p)
    common.add_json(p)
    p.add_argument(
        "--repair",
        action="store_true",
        help="put back missing or altered triggers and indexes, and make the promises, due facts and search index kept again from "
        "the signed records (audited); records that do not check stay named",
    )


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import integrity

    with common.open_existing(args) as store:
        store.check_pages()  # every page reads back (opening reads only the header and schema)
        repaired: list[str] = []
        if args.repair:
            repaired = store.restore_protections()
            if store.derived_problems():
                store.rebuild_derived()
                repaired.append("the promises, due facts and search index kept, made again from the records")
        report = integrity.check_store(store)
    if args.json:
        print_json("check", {**report.as_dict(), "repaired": repaired}, out)
        return 0 if report.ok else 1
    for line in repaired:
        out.write(f"repaired: {line}\n")
    for finding in report.findings:
        out.write(f"problem: {finding}\n")
    out.write(("OK: " if report.ok else "NOT OK: ") + report.summary + "\n")
    return 0 if report.ok else 1
