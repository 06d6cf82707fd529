"""The ``cowork`` command: demo data, what is due, the case and worker lists, form checks, signed case-note
exports and their verification, without a window. Passphrases are never taken from the command line.

Imports no Qt, so it starts fast and runs headless. Every error the user can act on is printed to stderr as one
line starting ``cowork: error:`` (exit 2 for a usage error, 1 otherwise), never as a traceback. Only ``demo`` and
``init`` create a database; every other command refuses a path with no database.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from cowork_desktop import __version__, logs, paths
from cowork_desktop.domain import names
from cowork_desktop.domain.backups import restore_summary
from cowork_desktop.domain.certificates import CertificateFacts, format_fingerprint
from cowork_desktop.domain.dates import parse_day
from cowork_desktop.domain.due import DueItem, Severity
from cowork_desktop.domain.errors import CoworkError, DamagedDatabase, PassphraseRequired, StoreError
from cowork_desktop.domain.models import PlanType, RecordStatus
from cowork_desktop.domain.passphrases import new_passphrase_problem
from cowork_desktop.forms.loader import check_forms_folder
from cowork_desktop.services import files, retention, sessions
from cowork_desktop.store import backup, crypto
from cowork_desktop.store.db import Store, damage_found, open_store, with_latest_backup

if TYPE_CHECKING:
    from cowork_desktop.export.signing import Signer

# The PDF and signing stack (reportlab, pyHanko, fontTools, pikepdf, aiohttp: about half a second) is imported
# only by the commands that sign, export or verify (cert, export, verify, devlog), never at start-up:
# tests/test_cli_imports.py runs every other command and checks it is not loaded.

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
        prefix = "unrecognized arguments: "
        if message.startswith(prefix):
            # name the unknown options only: their values may be a passphrase typed by mistake
            words = message[len(prefix) :].split()
            options = [w.split("=", 1)[0] for w in words if w.startswith("-")]
            message = prefix + (" ".join(options) if options else f"{len(words)} value(s)")
            if any("pass" in o for o in options):
                message += " (passphrases are never given on the command line: use --passphrase-env VAR)"
        raise UsageError(f"{message}{hint}")


def _day_arg(text: str) -> date:
    try:
        return parse_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_db(parser: argparse.ArgumentParser, passphrase_flag: str | None = "--passphrase-env") -> None:
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="the database file (default: cowork.db in the user's data folder)",
    )
    if passphrase_flag:
        _add_db_passphrase(parser, passphrase_flag)


def _add_db_passphrase(parser: argparse.ArgumentParser, flag: str = "--passphrase-env") -> None:
    parser.add_argument(
        flag,
        dest="db_passphrase_env",
        metavar="VAR",
        help="an encrypted database's passphrase: read from this environment variable "
        "(default: ask, on a terminal)",
    )
    parser.set_defaults(db_passphrase_flag=flag)


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
        "demo",
        help="create (or top up) a database of fictional demo data showing every state",
        allow_abbrev=False,
    )
    _add_db(p)
    _add_encrypt(p)
    _add_forms(p)
    p.add_argument(
        "--today",
        type=_day_arg,
        metavar="YYYY-MM-DD",
        help="the day the demo is built around (default: today)",
    )
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("init", help="create an empty database", allow_abbrev=False)
    _add_db(p)
    _add_encrypt(p)
    p.set_defaults(func=cmd_init)

    p = sub.add_parser(
        "backup", help="take a checked backup of the database (online, never a file copy)", allow_abbrev=False
    )
    _add_db(p)
    p.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="the backup file, or a folder for it (default: the backup folder, in the rotation)",
    )
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore",
        help="put a backup in place of the database (the current file is kept aside, never overwritten)",
        allow_abbrev=False,
    )
    _add_db(p, None)
    p.add_argument("--from", dest="source", type=Path, required=True, metavar="FILE", help="the backup file")
    p.add_argument(
        "--force",
        action="store_true",
        help="restore even another database's backup, or one that removes or adds encryption",
    )
    _add_db_passphrase(p)
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("passphrase", help="an encrypted database's passphrase")
    pass_sub = p.add_subparsers(dest="passphrase_command", metavar="ACTION", parser_class=_Parser)
    change = pass_sub.add_parser(
        "change", help="change the passphrase (re-encrypts the database)", allow_abbrev=False
    )
    _add_db(change)
    change.add_argument(
        "--new-passphrase-env",
        metavar="VAR",
        help="read the new passphrase from this environment variable (default: ask twice, on a terminal)",
    )
    change.set_defaults(func=cmd_passphrase_change)

    p = sub.add_parser(
        "retention",
        help="list (and with --purge, delete) ended co-allocations past the retention period",
        allow_abbrev=False,
    )
    _add_db(p)
    p.add_argument(
        "--on",
        type=_day_arg,
        metavar="YYYY-MM-DD",
        help="list what would be due on another day (default: today); a purge is always today's",
    )
    p.add_argument(
        "--purge", action="store_true", help="delete what is due today, after a backup (asks to confirm)"
    )
    p.add_argument("--yes", action="store_true", help="with --purge: confirm without asking")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=cmd_retention)

    p = sub.add_parser("settings", help="show or change the settings of a database", allow_abbrev=False)
    _add_db(p)
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=f"change a setting ({', '.join(SETTINGS)}); an empty VALUE restores the default",
    )
    p.set_defaults(func=cmd_settings)

    p = sub.add_parser("cases", help="list the cases and their co-workers", allow_abbrev=False)
    _add_db(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument(
        "--search", default="", metavar="TEXT", help="only cases whose reference or worker matches"
    )
    p.set_defaults(func=cmd_cases)

    p = sub.add_parser("due", help="list what is due, overdue or urgent", allow_abbrev=False)
    _add_db(p)
    _add_forms(p)
    p.add_argument("--on", type=_day_arg, metavar="YYYY-MM-DD", help="the day to look at (default: today)")
    p.add_argument("--json", action="store_true", help="print JSON instead of one line per item")
    p.add_argument("--case", metavar="REF", help="only this case reference")
    p.set_defaults(func=cmd_due)

    p = sub.add_parser("workers", help="list the workers", allow_abbrev=False)
    _add_db(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_workers)

    p = sub.add_parser("forms", help="work with form files")
    forms_sub = p.add_subparsers(dest="forms_command", metavar="ACTION", parser_class=_Parser)
    check = forms_sub.add_parser("check", help="check a folder of form files (default: the shipped forms)")
    check.add_argument("dir", nargs="?", type=Path, metavar="DIR", help="the folder of *.toml form files")
    check.set_defaults(func=cmd_forms_check)

    p = sub.add_parser("cert", help="the manager's signing certificate")
    cert_sub = p.add_subparsers(dest="cert_command", metavar="ACTION", parser_class=_Parser)
    # allow_abbrev=False: "--passphrase SECRET" must not be taken for --passphrase-env
    new = cert_sub.add_parser(
        "new",
        help="create a self-signed signing certificate (PKCS#12, protected by a passphrase)",
        allow_abbrev=False,
    )
    new.add_argument("--name", required=True, metavar="NAME", help="the manager's name, as it will sign")
    new.add_argument("--org", default="", metavar="ORG", help="the organisation")
    new.add_argument(
        "--out",
        type=Path,
        metavar="FILE.p12",
        help="where to save it (default: manager-signing.p12 in the user's data folder)",
    )
    _add_passphrase_env(new)
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="also record the certificate as known to this database (else it is recorded when it first signs)",
    )
    _add_db_passphrase(new, "--db-passphrase-env")
    new.set_defaults(func=cmd_cert_new)
    add = cert_sub.add_parser(
        "add",
        help="record a signing certificate (.crt/.pem/.cer) as known to the database, e.g. a renewed one",
        allow_abbrev=False,
    )
    add.add_argument("file", type=Path, metavar="FILE.crt", help="the public certificate")
    _add_db(add)
    add.set_defaults(func=cmd_cert_add)
    listing = cert_sub.add_parser(
        "list", help="the signing certificates the database knows", allow_abbrev=False
    )
    _add_db(listing)
    listing.add_argument("--json", action="store_true", help="print JSON instead of text")
    listing.set_defaults(func=cmd_cert_list)

    p = sub.add_parser("trust", help="the certificates verify trusts without a database (your trust list)")
    trust_sub = p.add_subparsers(dest="trust_command", metavar="ACTION", parser_class=_Parser)
    t = trust_sub.add_parser(
        "add",
        help="trust a colleague's certificate or an organisation's CA (.crt/.pem/.cer)",
        allow_abbrev=False,
    )
    t.add_argument("file", type=Path, metavar="FILE", help="the certificate file")
    t.set_defaults(func=cmd_trust_add)
    t = trust_sub.add_parser("list", help="the trusted certificates", allow_abbrev=False)
    t.add_argument("--json", action="store_true", help="print JSON instead of text")
    t.set_defaults(func=cmd_trust_list)
    t = trust_sub.add_parser("remove", help="stop trusting a certificate", allow_abbrev=False)
    t.add_argument(
        "fingerprint", metavar="FINGERPRINT", help="its SHA-256 fingerprint (at least 8 hex digits)"
    )
    t.set_defaults(func=cmd_trust_remove)

    p = sub.add_parser(
        "check",
        help="recompute every signed record's hash, the audit chain and its signed heads, and the protections",
        allow_abbrev=False,
    )
    _add_db(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument(
        "--repair",
        action="store_true",
        help="put back missing or altered triggers and indexes (audited); records that do not check stay named",
    )
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "export",
        help="export records as case-note PDFs, signed with the manager's certificate",
        allow_abbrev=False,
    )
    _add_db(p, "--db-passphrase-env")
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
    p.add_argument(
        "--cert",
        type=Path,
        metavar="FILE.p12",
        help="the signing certificate (default: manager-signing.p12 in the user's data folder)",
    )
    _add_passphrase_env(p)
    p.add_argument(
        "--draft", action="store_true", help="allow a record not yet signed: printed marked DRAFT, unsigned"
    )
    add_force(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "verify",
        help="check a signed case-note PDF (and, with --db, the record it shows)",
        allow_abbrev=False,
    )
    p.add_argument("file", type=Path, metavar="FILE.pdf", help="the signed PDF")
    p.add_argument(
        "--db", type=Path, metavar="PATH", help="also check the file matches the record in this database"
    )
    _add_db_passphrase(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=cmd_verify)

    # devlog, calendar, drift, promises: imported here because cli_reports uses this module's helpers
    from cowork_desktop import cli_reports

    cli_reports.register(sub)
    return parser


def _add_encrypt(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encrypt",
        action="store_true",
        help="encrypt a new database with a passphrase (SQLCipher); give it with --passphrase-env VAR or "
        "type it twice on a terminal",
    )


def add_force(parser: argparse.ArgumentParser) -> None:
    """``--force``: replace an existing output file (never a database, a backup or a certificate)."""
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an existing file (never a database, its backups or a certificate)",
    )


@contextlib.contextmanager
def refusals(args: argparse.Namespace) -> Iterator[None]:
    """An output that exists, or must never be written over, as the one line the command line needs."""
    try:
        yield
    except files.OutputExists as exc:
        raise CoworkError(
            f"{exc.path} already exists; add --force to replace it, or choose another name"
        ) from None
    except files.ProtectedFile as exc:
        if getattr(args, "force", False):
            raise CoworkError(f"{exc} (--force never overrides this)") from None
        raise


def _add_passphrase_env(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-env",
        metavar="VAR",
        help="read the certificate's passphrase from this environment variable (default: ask, on a terminal)",
    )


# -- helpers -------------------------------------------------------------------------------------------------


def _db_path(args: argparse.Namespace) -> Path:
    value = getattr(args, "db", None)
    return Path(value) if value is not None else paths.default_db_path()


def _db_passphrase(args: argparse.Namespace, path: Path, *, new: bool = False) -> str:
    """The database passphrase from the variable named by its flag, else typed on a terminal (twice if new)."""
    prompt = f"Passphrase for the new database {path}: " if new else f"Passphrase for {path}: "
    flag = getattr(args, "db_passphrase_flag", "--passphrase-env")
    value = _passphrase(
        args,
        prompt,
        confirm=new,
        attr="db_passphrase_env",
        flag=flag,
        refused="nothing was created" if new else None,
    )
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:  # pragma: no cover - os.environ is text
        raise CoworkError("the passphrase is not valid text") from None


def _open_db(args: argparse.Namespace, path: Path | None = None, *, create: bool = False) -> Store:
    """Open a database, plain or encrypted: an encrypted one takes the passphrase from the variable named by
    --passphrase-env (or --db-passphrase-env), else asks on a terminal; never from the command line."""
    path = path if path is not None else _db_path(args)
    flag = getattr(args, "db_passphrase_flag", "--passphrase-env")
    given = getattr(args, "db_passphrase_env", None)
    passphrase = _db_passphrase(args, path) if given and crypto.is_encrypted(path) else None
    try:
        return _noted(open_store(path, create=create, passphrase=passphrase))
    except PassphraseRequired:
        if not _stdin_is_tty():
            raise PassphraseRequired(
                f"{path}: this database is encrypted: give its passphrase ({flag} VAR)"
            ) from None
    return _noted(open_store(path, create=create, passphrase=_db_passphrase(args, path)))


def _noted(store: Store) -> Store:
    """What opening the database changed (its permissions tightened) is said on stderr, one line each."""
    for note in store.notes:
        sys.stderr.write(f"{PROG}: {_one_line(note)}\n")
    store.notes = []
    return store


def _open_existing(args: argparse.Namespace) -> Store:
    return _open_db(args, create=False)


def _print_json(data: Any, out: TextIO) -> None:
    out.write(json_text(data) + "\n")


_SCALARS = (str, int, float, bool, type(None))
_ONE = json.JSONEncoder(ensure_ascii=False).encode


_MARK = "\x00list"


def _shallow_dict(value: Any) -> bool:
    """A non-empty dict of text keys whose values are scalars or lists of scalars (no text holds a NUL)."""
    if not isinstance(value, dict) or not value:
        return False
    for key, item in value.items():
        if not isinstance(key, str):
            return False
        if isinstance(item, list):
            if not all(isinstance(v, _SCALARS) and not (isinstance(v, str) and "\x00" in v) for v in item):
                return False
        elif not isinstance(item, _SCALARS) or (isinstance(item, str) and "\x00" in item):
            return False
    return True


def _list_text(items: list[Any], level: int) -> str:
    """A list of scalars at ``level``, as indent=2 writes it."""
    if not items:
        return "[]"
    inner = "\n" + "  " * (level + 1)
    return "[" + inner + ("," + inner).join(_ONE(v) for v in items) + "\n" + "  " * level + "]"


def json_text(data: Any, level: int = 0) -> str:
    """Exactly ``json.dumps(data, ensure_ascii=False, indent=2)``, faster on a long list of shallow dicts (what
    ``due``, ``drift``, ``promises`` and ``cases`` print): given an indent, json encodes in pure Python (0.3 s
    for the 24,000 items of ``due --json`` at 40,000 cases, 1.4 s for ``cases``), while such a list is written
    here by one call of json's C encoder, its separators giving indent=2's layout, each inner list of scalars
    (a case's co-workers) put in its place afterwards."""
    inner = "\n" + "  " * (level + 1)
    close = "\n" + "  " * level
    if isinstance(data, dict) and data and all(isinstance(k, str) for k in data):
        parts = [_ONE(k) + ": " + json_text(v, level + 1) for k, v in data.items()]
        return "{" + inner + ("," + inner).join(parts) + close + "}"
    if isinstance(data, list) and data and all(_shallow_dict(v) for v in data):
        lists: list[list[Any]] = []
        if any(isinstance(v, list) for d in data for v in d.values()):
            swapped = []
            for (
                d
            ) in data:  # each inner list stands aside, a mark (text holding a NUL: never data) in its place
                row = dict(d)
                for k, v in d.items():
                    if isinstance(v, list):
                        lists.append(v)
                        row[k] = _MARK
                swapped.append(row)
            data = swapped
        # between two dicts the encoder writes "},<newline+indent>{" (a newline inside a JSON string is always
        # escaped, so this is never text), which is where indent=2 closes one dict and opens the next
        deeper = "\n" + "  " * (level + 2)
        encode = json.JSONEncoder(ensure_ascii=False, separators=("," + deeper, ": ")).encode
        text = encode(data)[2:-2].replace("}," + deeper + "{", inner + "}," + inner + "{" + deeper)
        if lists:
            pieces = text.split(_ONE(_MARK))
            text = pieces[0] + "".join(
                _list_text(items, level + 2) + piece for items, piece in zip(lists, pieces[1:], strict=True)
            )
        return "[" + inner + "{" + deeper + text + inner + "}" + close + "]"
    return json.dumps(data, ensure_ascii=False, indent=2).replace("\n", close)


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


def _is_new(path: Path) -> bool:
    return not path.exists() or (path.is_file() and path.stat().st_size == 0)


def _create(args: argparse.Namespace, path: Path) -> Store:
    """Open or create the database for ``init``/``demo``; a new one is encrypted with --encrypt."""
    if args.encrypt:
        crypto.require_available()
        if _is_new(path):
            return open_store(path, create=True, passphrase=_db_passphrase(args, path, new=True))
        if not crypto.is_encrypted(path):
            raise StoreError(
                f"{path}: this database already exists without encryption; --encrypt is only for a new one"
            )
    return _open_db(args, path, create=True)


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    path = _db_path(args)
    today = args.today or date.today()
    with _create(args, path) as store:
        from cowork_desktop.services.demo import load_demo

        ws = sessions.Workspace.open(store, args.forms)
        summary = load_demo(ws, today)
        encrypted = store.encrypted
    what = "Encrypted demo database" if encrypted else "Demo database"
    out.write(f"{what} {path} (built around {today.isoformat()}): {summary.describe()}.\n")
    out.write("Every person and case in it is fictional.\n")
    return 0


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    path = _db_path(args)
    if path.exists():
        raise StoreError(f"{path}: a database file already exists here; use it, or choose another --db")
    with _create(args, path) as store:
        encrypted = store.encrypted
    what = "an encrypted" if encrypted else "an empty"
    out.write(f"Created {what} database at {path}\n")
    return 0


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    with _open_existing(args) as store:
        if args.out is not None:
            target = backup.backup_to_file(store, args.out)
        else:
            target = backup.take(store, backup.MANUAL).path
        encrypted = store.encrypted
    note = ", encrypted with the database's passphrase" if encrypted else ""
    out.write(f"Backed up {store.path} to {target} (integrity checked{note})\n")
    return 0


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    path = _db_path(args)
    source: Path = args.source
    passphrase = None
    if crypto.is_encrypted(source):
        if not getattr(args, "db_passphrase_env", None) and not _stdin_is_tty():
            raise PassphraseRequired(
                f"{source}: this backup is encrypted: give its passphrase (--passphrase-env VAR)"
            )
        passphrase = _db_passphrase(args, source)
    facts = backup.plan_restore(path, source, passphrase)  # checks the backup, says what it would do
    aside = backup.restore(path, source, passphrase, force=args.force)
    out.write(f"Restored {source} to {path}\n")
    for line in restore_summary(facts, datetime.now(UTC)):
        out.write(f"{line}\n")
    for reason in facts.confirm:
        out.write(f"Restored with --force: {reason}.\n")
    if aside is not None:
        out.write(f"The database it replaced was kept as {aside}\n")
    return 0


def cmd_passphrase_change(args: argparse.Namespace, out: TextIO) -> int:
    path = _db_path(args)
    if not crypto.is_encrypted(path):
        raise StoreError(f"{path}: this database is not encrypted, so it has no passphrase to change")
    current = _db_passphrase(args, path)
    with open_store(path, create=False, passphrase=current) as store:
        new = _passphrase(
            args,
            "New passphrase: ",
            confirm=True,
            attr="new_passphrase_env",
            flag="--new-passphrase-env",
            refused="the passphrase was not changed",
        ).decode("utf-8")
        crypto.change_passphrase(store, current, new)
    out.write(f"Changed the passphrase of {path}; backups taken before keep the old one\n")
    return 0


def cmd_retention(args: argparse.Namespace, out: TextIO) -> int:
    if args.purge and args.on is not None:
        raise UsageError("--on only lists what another day would purge: a purge always uses today's date")
    on = args.on or date.today()
    with _open_existing(args) as store:
        ws = sessions.Workspace.open(store)
        if args.purge:
            retention.require_intact_audit(ws)  # the candidates are read from the audit log: check it first
        months = retention.retention_months(ws)
        candidates = retention.retention_candidates(ws, on)
        if args.json and not args.purge:
            _print_json({"months": months, "candidates": [c.as_dict() for c in candidates]}, out)
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
            if not _stdin_is_tty():
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


SETTINGS = {
    "idle_lock_minutes": "minutes without input before the app locks itself (encrypted databases; default 10)",
    "backup_folder": "where backups go (default: backups/ beside the database)",
    "backup_keep_daily": "how many days' backups to keep (default 7)",
    "backup_keep_weekly": "how many weeks' backups to keep (default 4)",
    "retention_months": "purge ended co-allocations this many months after the last export (default: off)",
}


def _set_setting(store: Store, key: str, value: str) -> None:
    """The dialog's rules and bounds (``services.settings``), so what is set here is what the app shows and uses."""
    if key not in SETTINGS:
        raise UsageError(f"unknown setting '{key}' (one of: {', '.join(SETTINGS)})")
    from cowork_desktop.services import settings

    settings.set_from_text(store, key, value)


def cmd_settings(args: argparse.Namespace, out: TextIO) -> int:
    with _open_existing(args) as store:
        for item in args.set:
            key, sep, value = item.partition("=")
            if not sep:
                raise UsageError(f"--set takes KEY=VALUE, not '{item}'")
            _set_setting(store, key.strip(), value.strip())
        values = {key: store.get_setting(key) or "" for key in SETTINGS}
        folder = backup.folder_for(store)
    width = max(len(k) for k in SETTINGS)
    for key, value in values.items():
        shown = value or ("(default: " + (str(folder) if key == "backup_folder" else "see help") + ")")
        out.write(f"{key:<{width}}  {shown}\n")
    return 0


def cmd_cases(args: argparse.Namespace, out: TextIO) -> int:
    with _open_existing(args) as store:
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
    forms = check_forms_folder(folder)  # every form, and every other data file in the folder
    ids = sorted(f.id for f in forms)
    out.write(f"{len(ids)} forms OK: {', '.join(ids)}\n")
    return 0


def _stdin_is_tty() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):
        return False


def _passphrase(
    args: argparse.Namespace,
    prompt: str,
    *,
    confirm: bool = False,
    attr: str = "passphrase_env",
    flag: str = "--passphrase-env",
    refused: str | None = None,
) -> bytes:
    """From the variable named by ``flag`` (``args.<attr>``), else a prompt on a terminal; never the command
    line. Used for the certificate's and the database's passphrases alike.

    ``refused`` marks a NEW passphrase (one being chosen): it must pass the one passphrase rule
    (:func:`cowork_desktop.domain.passphrases.new_passphrase_problem`), else CoworkError gives the rule's own
    sentence ending with ``refused`` (what did not happen, e.g. "nothing was created")."""
    var = getattr(args, attr, None)
    if var:
        value = os.environ.get(var, "")
        if not value:
            raise CoworkError(f"no passphrase: the environment variable {var} is not set or is empty")
        _check_new(value, refused)
        return value.encode("utf-8")
    if not _stdin_is_tty():
        raise CoworkError(f"no passphrase: use {flag} VAR (passphrases are never given on the command line)")
    value = getpass.getpass(prompt)
    if not value:
        raise CoworkError("no passphrase given")
    _check_new(value, refused)
    if confirm and getpass.getpass("Repeat the passphrase: ") != value:
        raise CoworkError("the passphrases do not match; nothing was done")
    return value.encode("utf-8")


def _check_new(passphrase: str, refused: str | None) -> None:
    """A passphrase being chosen must pass the one rule (the same sentence the app's dialogs show)."""
    if refused is None:
        return
    problem = new_passphrase_problem(passphrase)
    if problem is not None:
        raise CoworkError(f"{problem.rstrip('.')}; {refused}")


#: what ``cowork cert new`` writes: a PKCS#12 file (its public part goes beside it as .crt)
_CERTIFICATE_SUFFIXES = (".p12", ".pfx")


def cmd_cert_new(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.export.signing import create_certificate, load_signer, public_certificate_path
    from cowork_desktop.services import export

    path = args.out if args.out is not None else export.default_certificate_path()
    if path.is_dir():
        raise CoworkError(f"{path} is a folder: give the certificate file's name (e.g. manager.p12)")
    if path.suffix.lower() not in _CERTIFICATE_SUFFIXES:
        raise UsageError(
            f"--out {path}: give a .p12 (or .pfx) file name; its public part goes beside it as .crt"
        )
    public = public_certificate_path(path)
    # --force replaces a certificate, never a database or a backup, nor anything over the public .crt
    for target, certificates in ((path, False), (public, True)):
        problem = files.protected_file(target, certificates=certificates)
        if problem is not None:
            raise CoworkError(f"{problem}: a certificate is never written over it; choose another file")
    if path.exists() and not args.force:
        raise CoworkError(f"{path} already exists; choose another file or add --force to replace it")
    name_problem = names.name_problem(args.name, "The name on the certificate")
    if name_problem:
        raise CoworkError(name_problem)
    store = _open_db(args, args.db) if args.db is not None else None
    try:
        passphrase = _passphrase(
            args, f"Passphrase to protect {path}: ", confirm=True, refused="no certificate was created"
        )
        try:
            create_certificate(args.name, args.org, path, passphrase, overwrite=args.force)
        except OSError as exc:
            raise CoworkError(f"cannot write to {path.parent}: {exc.strerror or exc}") from None
        signer = load_signer(path, passphrase)
        org = f" ({args.org.strip()})" if args.org.strip() else ""
        out.write(f"Created a self-signed signing certificate for {signer.common_name}{org} in {path}\n")
        out.write(
            f"Its public certificate is {public}: give it to colleagues who check your "
            "case notes (cowork trust add FILE)\n"
        )
        out.write(f"SHA-256 fingerprint: {format_fingerprint(signer.fingerprint)}\n")
        if store is not None:
            export.register_certificate(sessions.Workspace.open(store), signer.certificate_der, "created")
            out.write(f"Recorded as known to {store.path}\n")
    finally:
        if store is not None:
            store.close()
    return 0


def cmd_cert_add(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import export, trust

    der, facts = trust.read_certificate_file(args.file)
    with _open_existing(args) as store:
        _, added = export.register_certificate(sessions.Workspace.open(store), der, "imported")
    what = "Recorded" if added else "Already known:"
    out.write(
        f"{what} the certificate of {facts.common_name or facts.subject} "
        f"(SHA-256 {format_fingerprint(facts.fingerprint)}) in {store.path}\n"
    )
    return 0


def cmd_cert_list(args: argparse.Namespace, out: TextIO) -> int:
    with _open_existing(args) as store:
        known = store.list_certificates()
    if args.json:
        _print_json(
            [
                {
                    "fingerprint": c.fingerprint,
                    "subject": c.subject,
                    "issuer": c.issuer,
                    "serial": c.serial,
                    "valid_from": c.not_before,
                    "valid_to": c.not_after,
                    "source": c.source,
                    "added_at": c.added_at,
                }
                for c in known
            ],
            out,
        )
        return 0
    if not known:
        out.write("This database knows no signing certificate yet (one is recorded when it first signs).\n")
        return 0
    for c in known:
        out.write(
            f"{c.common_name or c.subject}: SHA-256 {format_fingerprint(c.fingerprint)}, valid "
            f"{c.not_before[:10]} to {c.not_after[:10]}, {c.source} on {c.added_at[:10]}\n"
        )
    return 0


def _trust_line(facts: CertificateFacts) -> str:
    kind = "CA" if facts.is_ca else ("self-signed" if facts.self_signed else f"issued by {facts.issuer}")
    return (
        f"{facts.common_name or facts.subject} ({kind}): SHA-256 {format_fingerprint(facts.fingerprint)}, "
        f"valid to {facts.not_after:%d %b %Y}"
    )


def cmd_trust_add(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import trust

    found, added = trust.add(args.file)
    out.write(f"{'Trusted' if added else 'Already trusted'}: {_trust_line(found.facts)}\n")
    return 0


def cmd_trust_list(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import trust

    found = trust.trusted()
    if args.json:
        _print_json(
            [
                {
                    "fingerprint": t.facts.fingerprint,
                    "subject": t.facts.subject,
                    "issuer": t.facts.issuer,
                    "ca": t.facts.is_ca,
                    "valid_to": t.facts.not_after.isoformat(),
                    "file": str(t.path),
                }
                for t in found
            ],
            out,
        )
        return 0
    if not found:
        out.write(
            f"Your trust list is empty ({trust.folder()}): add a certificate with 'cowork trust add FILE'.\n"
        )
    for t in found:
        out.write(_trust_line(t.facts) + "\n")
    return 0


def cmd_trust_remove(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import trust

    removed = trust.remove(args.fingerprint)
    out.write(f"No longer trusted: {_trust_line(removed.facts)}\n")
    return 0


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import integrity

    with _open_existing(args) as store:
        store.check_pages()  # every page reads back (opening reads only the header and schema)
        repaired: list[str] = []
        if args.repair:
            repaired = store.restore_protections()
        report = integrity.check_store(store)
    if args.json:
        _print_json({**report.as_dict(), "repaired": repaired}, out)
        return 0 if report.ok else 1
    for line in repaired:
        out.write(f"repaired: {line}\n")
    for finding in report.findings:
        out.write(f"problem: {finding}\n")
    out.write(("OK: " if report.ok else "NOT OK: ") + report.summary + "\n")
    return 0 if report.ok else 1


def _signer(args: argparse.Namespace) -> Signer:
    from cowork_desktop.export.signing import load_signer
    from cowork_desktop.services import export

    path = args.cert if args.cert is not None else export.default_certificate_path()
    if not path.exists():
        hint = "" if args.cert is not None else " (create one with 'cowork cert new' or give --cert FILE.p12)"
        raise CoworkError(f"certificate file not found: {path}{hint}")
    return load_signer(path, _passphrase(args, f"Passphrase for {path}: "))


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from cowork_desktop.services import export

    if args.case is not None and not args.all:
        raise UsageError("--case needs --all (every signed record of the case)")
    if args.all and args.case is None:
        raise UsageError("--all goes with --case REF")
    if args.case is not None and args.draft:
        raise UsageError("--draft exports one record: use --record ID")
    if args.case is not None and args.out.suffix.lower() == ".pdf" and not args.out.is_dir():
        raise UsageError(
            f"--out {args.out}: --case REF --all writes one PDF per record into a folder; give a folder "
            f"(e.g. --out {args.out.with_suffix('')}), made if missing"
        )
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs takes a number of processes, 1 or more")
    with _open_existing(args) as store, refusals(args):
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
                _signer(args),
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
        signer = _signer(args) if signed else None
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
    from cowork_desktop.export.pdf import format_datetime
    from cowork_desktop.services import export

    if args.db is not None:
        with _open_db(args, args.db) as store:
            report = export.verify_file(sessions.Workspace.open(store), args.file)
    else:
        report = export.verify_file(None, args.file)
    if args.json:
        _print_json(report.as_dict(), out)
        return report.exit_status
    result = report.result
    when = format_datetime(result.signing_time) if result.signing_time else "not stated"
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


def _env_passphrase(args: argparse.Namespace) -> str | None:
    """The database passphrase when it was given in a variable (never asked again just to name a backup)."""
    name = getattr(args, "db_passphrase_env", None)
    return os.environ.get(name) if name else None


def _damage_met(args: argparse.Namespace, exc: BaseException) -> DamagedDatabase | None:
    """A damaged page of the command's database met while reading it (opening reads only its header and
    schema; ``cowork check`` reads every page): the one-line refusal naming the latest good backup."""
    if not isinstance(exc, sqlite3.Error) or not hasattr(args, "db"):
        return None
    return damage_found(exc, _db_path(args), _env_passphrase(args))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``cowork`` command; returns the exit status (0 when all went well)."""
    _relaxed_streams()
    logs.configure("cli", list(argv) if argv is not None else sys.argv[1:])
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
        if getattr(args, "command", None) == "cert":
            return _fail("choose what to do with certificates, for example 'cowork cert new'", 2, err)
        if getattr(args, "command", None) == "trust":
            return _fail("choose what to do with the trust list, for example 'cowork trust list'", 2, err)
        if getattr(args, "command", None) == "passphrase":
            return _fail(
                "choose what to do with the passphrase, for example 'cowork passphrase change'", 2, err
            )
        parser.print_help(out)
        return 2
    try:
        return func(args, out)
    except UsageError as exc:
        return _fail(str(exc), 2, err)
    except DamagedDatabase as exc:
        if exc.backup is None and exc.path is not None:  # refused before a write: name the latest good backup
            exc = with_latest_backup(exc, Path(str(exc.path)), _env_passphrase(args))
        return _fail(str(exc), 1, err)
    except CoworkError as exc:
        return _fail(str(exc), 1, err)
    except BrokenPipeError:  # the reader went away (e.g. `cowork due | head`): not an error worth a message
        _silence_stdout()
        return 1
    except (ValueError, sqlite3.Error, OSError) as exc:
        damaged = _damage_met(args, exc)
        if damaged is not None:
            return _fail(str(damaged), 1, err)
        if os.environ.get(DEBUG_ENV):
            raise
        logs.log_exception(type(exc), exc, exc.__traceback__)
        return _fail(str(exc), 1, err)
    except KeyboardInterrupt:
        return _fail("interrupted", 130, err)
    except Exception as exc:  # never a traceback for the user: it is in the log (and COWORK_DEBUG=1 shows it)
        if os.environ.get(DEBUG_ENV):
            raise
        path = logs.log_exception(type(exc), exc, exc.__traceback__)
        return _fail(f"unexpected {type(exc).__name__}: {exc} (details are in {path})", 1, err)


if __name__ == "__main__":
    raise SystemExit(main())
