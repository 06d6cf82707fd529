"""``cowork export`` (signed case-note PDFs) and ``cowork verify`` (check one).

The PDF and signing stack is imported inside these commands, never at start-up
(tests/unit/test_cli_imports.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from cowork_desktop.cli import common
from cowork_desktop.cli.output import print_json
from cowork_desktop.domain.certificates import format_fingerprint
from cowork_desktop.domain.dates import long_datetime
from cowork_desktop.domain.models import RecordStatus
from cowork_desktop.services import sessions


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``export`` and ``verify`` to the ``cowork`` command."""
    p = common.add_command(
        sub, "export", "export records as case-note PDFs, signed with the manager's certificate", cmd_export
    )
    common.add_db(p, "--db-passphrase-env")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--record", type=int, metavar="ID", help="the record to export")
    which.add_argument(
        "--case",
        metavar="REF",
        action="append",
        help="a case reference (with --all); repeat it to export several cases, each into a folder of --out",
    )
    p.add_argument("--all", action="store_true", help="with --case: every signed record of the case")
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="PATH",
        help="the PDF file (a folder: the usual file name in it); with --case, the folder (made if missing)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        default=None,
        help="with --case: processes that render and sign (default: one per core for many records)",
    )
    common.add_signer(p)
    p.add_argument(
        "--draft", action="store_true", help="allow a record not yet signed: printed marked DRAFT, unsigned"
    )
    p.add_argument(
        "--format",
        choices=("pdf", "text"),
        default="pdf",
        help="pdf (default): the signed case note; text: the same content as plain text to paste into the case "
        "management system (--record only; no certificate needed)",
    )
    common.add_force(p)

    p = common.add_command(
        sub, "verify", "check a signed case-note PDF (and, with --db, the record it shows)", cmd_verify
    )
    p.add_argument("file", type=Path, metavar="FILE.pdf", help="the signed PDF")
    p.add_argument(
        "--db", type=Path, metavar="PATH", help="also check the file matches the record in this database"
    )
    common.add_db_passphrase(p)
    common.add_json(p)


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import export

    if args.case is not None and not args.all:
        raise common.UsageError("--case needs --all (every signed record of the case)")
    if args.all and args.case is None:
        raise common.UsageError("--all goes with --case REF")
    if args.case is not None and args.draft:
        raise common.UsageError("--draft exports one record: use --record ID")
    if args.case is not None and args.out.suffix.lower() == ".pdf" and not args.out.is_dir():
        raise common.UsageError(
            f"--out {args.out}: --case REF --all writes one PDF per record into a folder; give a folder "
            f"(e.g. --out {args.out.with_suffix('')}), made if missing"
        )
    if args.jobs is not None and args.jobs < 1:
        raise common.UsageError("--jobs takes a number of processes, 1 or more")
    if args.format == "text":
        if args.record is None:
            raise common.UsageError("--format text copies one record: use --record ID")
        with common.open_existing(args) as store, common.refusals(args):
            ws = sessions.Workspace.open(store)
            path = export.export_record_text(ws, args.record, args.out, draft=args.draft, replace=args.force)
        out.write(f"Copied record {args.record} as text to {path}\n")
        return 0
    with common.open_existing(args) as store, common.refusals(args):
        ws = sessions.Workspace.open(store)
        if args.case is not None:
            cases = list(dict.fromkeys(args.case))
            # every file checked before the passphrase is asked for
            planned = export.planned_files(ws, cases, args.out, replace=args.force)
            jobs = args.jobs if args.jobs is not None else export.automatic_jobs(len(planned))
            written = export.export_cases(
                ws,
                cases,
                args.out,
                common.signer_from_args(args),
                replace=args.force,
                jobs=jobs,
                progress=_export_progress(sys.stderr),
            )
            for path in written:
                out.write(f"{path}\n")
            which = f"case {cases[0]}" if len(cases) == 1 else f"{len(cases)} cases"
            out.write(f"Exported {len(written)} signed record(s) of {which} to {args.out}\n")
            return 0
        signed = store.record_status(args.record) == RecordStatus.SIGNED
        if not signed and not args.draft:
            export.render_record(ws, args.record)  # refuses with the reason, before asking for a passphrase
        target = export.output_path(ws, args.record, args.out, replace=args.force)
        signer = common.signer_from_args(args) if signed else None
        path = export.export_record(
            ws, args.record, target, signer=signer, draft=args.draft, replace=args.force
        )
    what = "signed" if signed else "DRAFT, unsigned"
    out.write(f"Exported record {args.record} ({what}) to {path}\n")
    return 0


def _export_progress(err: TextIO) -> Callable[[int, int], None] | None:
    """``cowork export --case``'s progress on stderr, one line redrawn, at a terminal only (the final count
    is on stdout)."""
    if not err.isatty():
        return None

    def show(done: int, total: int) -> None:
        err.write(f"\rSigned {done} of {total} PDFs" + ("\n" if done == total else ""))
        err.flush()

    return show


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "NO"


def cmd_verify(args: argparse.Namespace, out: TextIO) -> int:
    """Exit 0: valid (proven); 1: not valid; 3: intact, but the signer is not known here; 4: valid, but a later
    signed version supersedes it."""
    from cowork_desktop.services import export

    if args.db is not None:
        with common.open_db(args, args.db) as store:
            report = export.verify_file(sessions.Workspace.open(store), args.file)
    else:
        report = export.verify_file(None, args.file)
    if args.json:
        print_json("verify", report.as_dict(), out)
        return report.exit_status
    result = report.result
    when = long_datetime(result.signing_time) if result.signing_time else "not stated"
    record = (
        f"{report.record_id}, version {report.record_version}"
        + (f" ({report.case_reference})" if report.case_reference else "")
        if report.record_id is not None
        else ("a development log" if report.document == export.DEVELOPMENT_LOG else "not stated")
    )
    facts = result.certificate
    lines = [
        ("File", str(report.path)),
        ("Signed by", result.signer_name or "(no name in the certificate)"),
        ("Certificate", f"SHA-256 {format_fingerprint(facts.fingerprint)[:47]}..." if facts else "none"),
        ("Trust", report.trust_note),
        ("Signed on", when),
        ("Intact", _yes_no(result.intact and result.valid)),
        ("Covers whole file", _yes_no(result.covers_whole_file)),
        (
            "Certified",
            "yes (no changes allowed)" if result.certified and result.docmdp_permission == 1 else "no",
        ),
        ("Record", record),
        ("Database", report.database_note),
    ]
    for label, value in lines:
        out.write(f"{label + ':':<19} {value}\n")
    for finding in report.findings:
        out.write(f"problem: {finding}\n")
    for note in report.notes:
        out.write(f"note: {note}\n")
    if report.verdict == export.Verdict.VALID:
        out.write("Result: valid\n")
    elif report.verdict == export.Verdict.SUPERSEDED:
        assert report.superseded_by is not None
        record_id, version = report.superseded_by
        out.write(
            f"Result: valid, but superseded by version {version} (record {record_id}): not the current record\n"
        )
    elif report.verdict == export.Verdict.SIGNER_NOT_KNOWN:
        out.write(
            "Result: intact, signer not known here (give --db with the manager's database, or trust the "
            "signer's certificate: cowork trust add FILE)\n"
        )
    else:
        out.write(f"Result: NOT VALID ({len(report.findings)} problem(s) above)\n")
    return report.exit_status
