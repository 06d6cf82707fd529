"""The ``cowork`` command's entry point: the parser (each command group adds its own commands), the dispatch,
and the error handling.

Every error the user can act on is printed to stderr as one line starting ``cowork: error:`` (exit 2 for a
usage error, 1 otherwise), never as a traceback; an unexpected one goes to the log (``COWORK_DEBUG=1`` shows
it).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from cowork_desktop import __version__, logs
from cowork_desktop.cli import (
    certs,
    check,
    common,
    database,
    forms,
    records,
    reports,
    retention,
    service,
    settings,
    team,
)
from cowork_desktop.domain.errors import CoworkError, DamagedDatabase
from cowork_desktop.services.database import damage_met, latest_backup

#: set to 1 to see the traceback of an unexpected error (for bug reports)
DEBUG_ENV = "COWORK_DEBUG"


def build_parser() -> argparse.ArgumentParser:
    parser = common.Parser(
        prog=common.PROG,
        description="Set up and supervise co-worked cases, from the command line (no window needed).",
    )
    parser.add_argument("--version", action="version", version=f"{common.PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=common.Parser)

    database.register(sub)
    retention.register(sub)
    settings.register(sub)
    team.register(sub)
    forms.register(sub)
    certs.register(sub)
    check.register(sub)
    records.register(sub)
    reports.register(sub)
    service.register(sub)
    common.finish_help(parser)
    return parser


def _fail(message: str, status: int, err: TextIO) -> int:
    err.write(common.ERROR_PREFIX + common.one_line(message) + "\n")
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
    if not hasattr(args, "db"):
        return None
    return damage_met(exc, common.db_path(args), _env_passphrase(args))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``cowork`` command; returns the exit status (0 when all went well)."""
    _relaxed_streams()
    logs.configure("cli", list(argv) if argv is not None else sys.argv[1:])
    out, err = sys.stdout, sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except common.UsageError as exc:
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
        if getattr(args, "command", None) == "service":
            return _fail(
                "choose what to do with the service, for example 'cowork service init --url URL'", 2, err
            )
        if getattr(args, "command", None) == "passphrase":
            return _fail(
                "choose what to do with the passphrase, for example 'cowork passphrase change'", 2, err
            )
        parser.print_help(out)
        return 2
    try:
        return func(args, out)
    except common.UsageError as exc:
        return _fail(str(exc), 2, err)
    except DamagedDatabase as exc:
        if exc.backup is None and exc.path is not None:  # refused before a write: name the latest good backup
            exc = latest_backup(exc, Path(str(exc.path)), _env_passphrase(args))
        return _fail(str(exc), 1, err)
    except CoworkError as exc:
        return _fail(str(exc), 1, err)
    except BrokenPipeError:  # the reader went away (e.g. `cowork due | head`): not an error worth a message
        _silence_stdout()
        return 1
    except (ValueError, OSError) as exc:
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
        damaged = _damage_met(args, exc)  # the last net: the store translates what it meets itself
        if damaged is not None:
            return _fail(str(damaged), 1, err)
        if os.environ.get(DEBUG_ENV):
            raise
        path = logs.log_exception(type(exc), exc, exc.__traceback__)
        return _fail(f"unexpected {type(exc).__name__}: {exc} (details are in {path})", 1, err)
