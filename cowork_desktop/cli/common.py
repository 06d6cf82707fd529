"""What every ``cowork`` command shares: the usage error, the parser class, the options (``--db`` and its
passphrase variable, ``--forms``, ``--encrypt``, ``--force``, ``--passphrase-env``), opening the database, asking
for a passphrase (never from the command line) and loading the signing certificate.

Public names only: the command modules import these, never each other's private helpers. No Qt, and nothing
heavy at import time (the PDF and signing stack is imported inside :func:`signer_from_args`).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from cowork_desktop import paths
from cowork_desktop.domain.dates import parse_day
from cowork_desktop.domain.errors import CoworkError, PassphraseRequired
from cowork_desktop.domain.passphrases import new_passphrase_problem
from cowork_desktop.services import database, files
from cowork_desktop.services.database import Store

if TYPE_CHECKING:
    from cowork_desktop.services.signing_keys import Signer


PROG = "cowork"
ERROR_PREFIX = f"{PROG}: error: "


class UsageError(Exception):
    """A mistake in the command line (exit status 2, as argparse uses)."""


class Parser(argparse.ArgumentParser):
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


def day_arg(text: str) -> date:
    try:
        return parse_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


#: what runs a command: its arguments and where to write; its exit status
Command = Callable[[argparse.Namespace, TextIO], int]


def add_command(
    sub: argparse._SubParsersAction[Any], name: str, help: str, func: Command
) -> argparse.ArgumentParser:
    """The command ``name``, run by ``func``. It takes no abbreviated option: "--passphrase SECRET" must never be
    taken for --passphrase-env."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help, allow_abbrev=False)
    parser.set_defaults(func=func)
    return parser


class Formatter(argparse.HelpFormatter):
    """Help text wrapped as argparse wraps it, but the epilog (example, exit status, environment: see
    :mod:`cowork_desktop.cli.help`) kept as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "".join(indent + line for line in text.splitlines(keepends=True))


def finish_help(parser: argparse.ArgumentParser) -> None:
    """Give every command's ``--help`` its epilog (:func:`cowork_desktop.cli.help.epilog`), once every command and
    its options are added: whether it prints JSON is read from its options."""
    from cowork_desktop.cli import help as epilogs

    if parser.prog == PROG:
        parser.epilog, parser.formatter_class = epilogs.general(), Formatter
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                if any(isinstance(a, argparse._SubParsersAction) for a in command._actions):
                    finish_help(command)
                else:
                    has_json = any("--json" in a.option_strings for a in command._actions)
                    command.epilog = epilogs.epilog(command.prog, has_json)
                    command.formatter_class = Formatter


def add_group(sub: argparse._SubParsersAction[Any], name: str, help: str) -> argparse._SubParsersAction[Any]:
    """The command ``name`` that groups actions (``cowork NAME ACTION``): the place to add them, the chosen one
    in ``NAME_command``."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help)
    return parser.add_subparsers(dest=f"{name}_command", metavar="ACTION", parser_class=Parser)


def add_json(parser: argparse.ArgumentParser, instead_of: str = "text") -> None:
    parser.add_argument("--json", action="store_true", help=f"print JSON instead of {instead_of}")


def add_day(parser: argparse.ArgumentParser, help: str = "the day to look at (default: today)") -> None:
    """``--on YYYY-MM-DD``: the day a command looks at."""
    parser.add_argument("--on", type=day_arg, metavar="YYYY-MM-DD", help=help)


def add_db(parser: argparse.ArgumentParser, passphrase_flag: str | None = "--passphrase-env") -> None:
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="the database file (default: cowork.db in the user's data folder)",
    )
    if passphrase_flag:
        add_db_passphrase(parser, passphrase_flag)


def add_db_passphrase(parser: argparse.ArgumentParser, flag: str = "--passphrase-env") -> None:
    parser.add_argument(
        flag,
        dest="db_passphrase_env",
        metavar="VAR",
        help="an encrypted database's passphrase: read from this environment variable "
        "(default: ask, on a terminal)",
    )
    parser.set_defaults(db_passphrase_flag=flag)


def add_forms(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--forms", type=Path, metavar="DIR", help="a folder of form files to use instead of the shipped forms"
    )


def add_encrypt(parser: argparse.ArgumentParser) -> None:
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


def add_passphrase_env(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-env",
        metavar="VAR",
        help="read the certificate's passphrase from this environment variable (default: ask, on a terminal)",
    )


def add_signer(parser: argparse.ArgumentParser, what: str = "the signing certificate") -> None:
    """``--cert`` and ``--passphrase-env``: the certificate :func:`signer_from_args` loads, and its passphrase."""
    parser.add_argument(
        "--cert",
        type=Path,
        metavar="FILE.p12",
        help=f"{what} (default: manager-signing.p12 in the user's data folder)",
    )
    add_passphrase_env(parser)


def db_path(args: argparse.Namespace) -> Path:
    value = getattr(args, "db", None)
    return Path(value) if value is not None else paths.default_db_path()


def ask_db_passphrase(args: argparse.Namespace, path: Path, *, new: bool = False) -> str:
    """The database passphrase from the variable named by its flag, else typed on a terminal (twice if new)."""
    prompt = f"Passphrase for the new database {path}: " if new else f"Passphrase for {path}: "
    flag = getattr(args, "db_passphrase_flag", "--passphrase-env")
    value = ask_passphrase(
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


def open_db(args: argparse.Namespace, path: Path | None = None, *, create: bool = False) -> Store:
    """Open a database, plain or encrypted: an encrypted one takes the passphrase from the variable named by
    --passphrase-env (or --db-passphrase-env), else asks on a terminal; never from the command line."""
    path = path if path is not None else db_path(args)
    flag = getattr(args, "db_passphrase_flag", "--passphrase-env")
    given = getattr(args, "db_passphrase_env", None)
    passphrase = ask_db_passphrase(args, path) if given and database.is_encrypted(path) else None
    try:
        return _noted(database.open_database(path, passphrase, create=create))
    except PassphraseRequired:
        if not stdin_is_tty():
            raise PassphraseRequired(
                f"{path}: this database is encrypted: give its passphrase ({flag} VAR)"
            ) from None
    return _noted(database.open_database(path, ask_db_passphrase(args, path), create=create))


def _noted(store: Store) -> Store:
    """What opening the database changed (its permissions tightened) is said on stderr, one line each."""
    for note in store.notes:
        sys.stderr.write(f"{PROG}: {one_line(note)}\n")
    store.notes = []
    return store


def open_existing(args: argparse.Namespace) -> Store:
    return open_db(args, create=False)


def one_line(text: str) -> str:
    return " ".join(str(text).split()) or "unknown error"


def stdin_is_tty() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):
        return False


def ask_passphrase(
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
    if not stdin_is_tty():
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


def signer_from_args(args: argparse.Namespace) -> Signer:
    from cowork_desktop.services import export
    from cowork_desktop.services.signing_keys import load_signer

    path = args.cert if args.cert is not None else export.default_certificate_path()
    if not path.exists():
        hint = "" if args.cert is not None else " (create one with 'cowork cert new' or give --cert FILE.p12)"
        raise CoworkError(f"certificate file not found: {path}{hint}")
    return load_signer(path, ask_passphrase(args, f"Passphrase for {path}: "))
