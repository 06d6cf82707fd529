"""The app's log file: what went wrong, for a bug report, and never what the user wrote.

:func:`configure` is called once at the start of each process (the desktop app, the ``cowork`` command): a
rotating file (:data:`MAX_BYTES` x :data:`BACKUPS`) in the platform's log folder, or ``$COWORK_DATA_DIR/logs``
when that is set; the folder is 0700 and the files 0600. The app's own loggers (``cowork_desktop.*``) write
from INFO, libraries (pyHanko, fontTools, PIL, ...) from WARNING, and nothing goes to the terminal.

The rule for callers: **log ids, record kinds and error classes; never answers, names, notes or passphrases.**
``log.info("record %s signed (%s)", record.id, record.kind)`` is right; logging a record, an answer or an
exception's message built from user text is not. :class:`PrivacyFilter` is a safety net under that rule, not a
licence to log data: every record that reaches the file is first cut to :data:`MAX_SCAN_CHARS`, then stripped
of passphrases (the value of any environment variable whose name ends with PASSPHRASE or PASSWORD, any named by
a ``--...-env`` option, any given to :func:`protect_value`) and of what looks like an e-mail address, a phone
number, a postcode, an NHS number or a date of birth (:func:`cowork_desktop.domain.privacy.scan`), put on one
line and cut to :data:`MAX_MESSAGE_CHARS`. A library's warning keeps its exception's class and (redacted)
message but not its traceback; an error of the app's own (:func:`log_exception`) keeps its full traceback,
which is code, with each exception's message redacted the same way.

Headless (no Qt): the desktop app shows :func:`excepthook_message` in its own message box.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
import threading
import time
import traceback
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from io import TextIOWrapper
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs

from cowork_desktop import paths
from cowork_desktop.atomic import make_private_folders
from cowork_desktop.domain import privacy
from cowork_desktop.domain.errors import CoworkError

LOG_NAME = "cowork.log"
#: rotate at 1 MB and keep 5 old files: weeks of warnings, a few MB on disk at most
MAX_BYTES = 1_000_000
BACKUPS = 5
#: a message (and each exception's message) is cut to this after redaction
MAX_MESSAGE_CHARS = 500
#: only this much of a message is looked at (redacted, then cut to MAX_MESSAGE_CHARS)
MAX_SCAN_CHARS = 20_000
#: a whole traceback is cut to this (a deep recursion's is already shortened by Python)
MAX_TRACEBACK_CHARS = 50_000
#: values shorter than this are not treated as secrets (a passphrase has at least 8 characters)
MIN_SECRET_CHARS = 4
APP_LOGGERS = ("cowork_desktop",)
#: set to WARNING explicitly (others inherit WARNING from the root logger)
LIBRARY_LOGGERS = (
    "pyhanko",
    "pyhanko_certvalidator",
    "fontTools",
    "PIL",
    "pikepdf",
    "reportlab",
    "pypdfium2",
    "sqlite_utils",
    "asyncio",
    "urllib3",
)
SECRET_ENV_SUFFIXES = ("PASSPHRASE", "PASSWORD")
FORMAT = "%(asctime)s %(levelname)s %(kind)s[%(process)d] %(name)s: %(message)s"
REDACTED_SECRET = "[passphrase]"

#: control characters other than tab and newline: shown escaped, so the log is safe to print on a terminal
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_OPEN_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
_ENV_OPTION = re.compile(r"^--[a-z][a-z0-9-]*-env$")
_lock = threading.RLock()
_state: dict[str, Any] = {}
_protected_names: set[str] = set()
_protected_values: set[str] = set()


# ------------------------------------------------------------------------------------------------- where


def log_dir() -> Path:
    """``$COWORK_DATA_DIR/logs`` when that is set (tests, portable installs), else the platform's log folder."""
    override = os.environ.get("COWORK_DATA_DIR")
    if override:
        return Path(override) / "logs"
    return Path(platformdirs.user_log_dir(paths.APP_NAME, paths.APP_AUTHOR))


def log_path() -> Path:
    """The log file: the one :func:`configure` opened, else where it would open it now."""
    configured = _state.get("path")
    return configured if isinstance(configured, Path) else log_dir() / LOG_NAME


# ----------------------------------------------------------------------------------------------- secrets


def protect_env(*names: str) -> None:
    """Treat the values of these environment variables as secrets (read when each record is written)."""
    with _lock:
        _protected_names.update(n for n in names if n)


def protect_value(value: str | bytes) -> None:
    """Treat this value (a passphrase typed in a dialog) as a secret for the rest of the process. It is kept in
    memory only, as the passphrase itself already is while it is used."""
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
    if len(text) >= MIN_SECRET_CHARS:
        with _lock:
            _protected_values.add(text)


def _env_names_from_argv(argv: Iterable[str]) -> list[str]:
    """The variables named by ``--passphrase-env VAR``, ``--db-passphrase-env=VAR`` and the like."""
    names: list[str] = []
    words = list(argv)
    for n, word in enumerate(words):
        option, equals, value = word.partition("=")
        if not _ENV_OPTION.match(option):
            continue
        if equals:
            names.append(value)
        elif n + 1 < len(words):
            names.append(words[n + 1])
    return names


def _secrets() -> list[str]:
    found: set[str] = set(_protected_values)
    for name, value in os.environ.items():
        if name.upper().endswith(SECRET_ENV_SUFFIXES) or name in _protected_names:
            found.add(value)
    variants: set[str] = set()
    for value in found:
        if len(value) < MIN_SECRET_CHARS:
            continue
        variants.add(value)
        variants.add(repr(value)[1:-1])  # as it appears inside a repr() of a str ...
        variants.add(repr(value.encode("utf-8", "replace"))[2:-1])  # ... or of bytes
    return sorted((v for v in variants if len(v) >= MIN_SECRET_CHARS), key=len, reverse=True)


# ------------------------------------------------------------------------------------------------ redact


def redact(text: str, *, limit: int | None = MAX_MESSAGE_CHARS, one_line: bool = True) -> str:
    """``text`` without passphrases or likely identifiers and contact details, on one line, at most ``limit``
    characters (``None``: not cut beyond :data:`MAX_TRACEBACK_CHARS`). Never raises."""
    try:
        body = str(text)[: MAX_SCAN_CHARS if limit is not None else MAX_TRACEBACK_CHARS]
        for secret in _secrets():
            body = body.replace(secret, REDACTED_SECRET)
        for finding in reversed(privacy.scan(body)):
            body = body[: finding.start] + f"[{finding.kind}]" + body[finding.end :]
        if one_line:
            body = " ".join(body.split())
        body = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", body)
        if limit is not None and len(body) > limit:
            body = body[:limit] + f"[... {len(body) - limit} more characters]"
        return body
    except Exception:  # a log line must never raise: say nothing rather than something unsafe
        return "[message not logged]"


def _redact_exception_messages(te: traceback.TracebackException) -> None:
    seen: set[int] = set()
    stack = [te]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        text = getattr(current, "_str", None)  # the exception's message, as format() prints it
        if isinstance(text, str):
            setattr(current, "_str", redact(text))  # noqa: B010
        notes = getattr(current, "__notes__", None)
        if isinstance(notes, list):
            setattr(current, "__notes__", [redact(str(n)) for n in notes])  # noqa: B010
        for linked in (current.__cause__, current.__context__):
            if linked is not None:
                stack.append(linked)
        stack.extend(getattr(current, "exceptions", None) or [])


def format_exception(
    exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
) -> str:
    """The full traceback (code: files, lines, functions), each exception's message redacted."""
    try:
        error = exc if exc is not None else (exc_type or Exception)()
        te = traceback.TracebackException(type(error), error, tb, compact=True, max_group_width=15)
        _redact_exception_messages(te)
        text = "".join(te.format()).rstrip("\n")
        return redact(text, limit=None, one_line=False)
    except Exception:
        return f"{getattr(exc_type, '__name__', 'Exception')} (the traceback could not be formatted)"


def _is_app(name: str) -> bool:
    return any(name == a or name.startswith(a + ".") for a in APP_LOGGERS)


class PrivacyFilter(logging.Filter):
    """Installed on the log's handler by :func:`configure`: rewrites each record in place (see the module's
    docstring) and always lets it through."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_cowork_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # bad arguments for the format: the format itself is code
            message = f"{record.msg!s} (arguments did not fit)"
        exc_info = record.exc_info
        if exc_info and exc_info[1] is not None and not _is_app(record.name):
            # a library's warning about a file it could not check: the class and message, not the traceback
            message += f" ({type(exc_info[1]).__name__}: {redact(str(exc_info[1]), limit=200)})"
            record.exc_info = None
            record.exc_text = None
        elif exc_info and exc_info[0] is not None:
            record.exc_text = format_exception(*exc_info)
        elif record.exc_text:
            record.exc_text = redact(record.exc_text, limit=None, one_line=False)
        record.msg = redact(message)
        record.args = None
        setattr(record, "_cowork_redacted", True)  # noqa: B010
        return True


# --------------------------------------------------------------------------------------------- the file


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Each file it opens (the first and after each rotation) is created 0600; a failed write is dropped
    silently (a log that cannot be written must never reach the terminal or stop the app)."""

    def _open(self) -> TextIOWrapper:
        path = Path(self.baseFilename)
        _private_folder(path.parent)
        fd = os.open(path, _OPEN_FLAGS, 0o600)
        return open(fd, "a", encoding="utf-8", errors="backslashreplace")

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def _private_folder(folder: Path) -> None:
    make_private_folders(folder)
    if os.name == "posix":
        os.chmod(folder, 0o700)


def _private_file(path: Path) -> None:
    fd = os.open(path, _OPEN_FLAGS, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)  # it may have been made by hand, or by an older version, with wider rights


def _make_handler(path: Path, kind: str, *, create: bool = True) -> logging.Handler:
    """The rotating 0600 file with the privacy filter, or, if the folder cannot be written, a handler that
    drops everything (so that nothing falls back to the terminal). ``create``: make the folder and the (empty)
    file now, else at the first record."""
    handler: logging.Handler
    try:
        if create:
            _private_folder(path.parent)
            _private_file(path)
        handler = _PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except (OSError, CoworkError):
        handler = logging.NullHandler()
    formatter = logging.Formatter(FORMAT, datefmt="%Y-%m-%dT%H:%M:%SZ", defaults={"kind": kind})
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    handler.setLevel(logging.INFO)
    handler.addFilter(PrivacyFilter())
    return handler


def configure(kind: str, argv: Sequence[str] | None = None) -> Path:
    """Send this process's logging to the log file (once: a second call changes nothing) and return its path.

    ``kind`` ("gui", "cli") labels each line. The variables named by ``--...-env`` options in ``argv``
    (default ``sys.argv``) are treated as secrets, as are those whose names end with PASSPHRASE or PASSWORD.
    """
    with _lock:
        protect_env(*_env_names_from_argv(sys.argv[1:] if argv is None else argv))
        configured = _state.get("path")
        if isinstance(configured, Path):
            return configured
        label = re.sub(r"[^a-z0-9_-]", "", kind.lower())[:16] or "app"
        path = log_dir() / LOG_NAME
        handler = _make_handler(path, label)
        root = logging.getLogger()
        levels = {name: logging.getLogger(name).level for name in (*APP_LOGGERS, *LIBRARY_LOGGERS)}
        _state.update(path=path, handler=handler, root_level=root.level, levels=levels)
        root.addHandler(handler)
        root.setLevel(logging.WARNING)
        for name in APP_LOGGERS:
            logging.getLogger(name).setLevel(logging.INFO)
        for name in LIBRARY_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
        logging.captureWarnings(True)  # warnings.warn() from a library: to the log, not the terminal
        return path


def is_configured() -> bool:
    return "path" in _state


def unconfigure() -> None:
    """Undo :func:`configure` (tests; a clean shutdown): the handler closed, the levels as they were."""
    with _lock:
        if "path" not in _state:
            return
        handler: logging.Handler = _state["handler"]
        root = logging.getLogger()
        root.removeHandler(handler)
        handler.close()
        root.setLevel(_state["root_level"])
        for name, level in _state["levels"].items():
            logging.getLogger(name).setLevel(level)
        logging.captureWarnings(False)
        _state.clear()
        _protected_names.clear()
        _protected_values.clear()


def flush() -> None:
    handler = _state.get("handler")
    if isinstance(handler, logging.Handler):
        handler.flush()


@contextmanager
def to_log_file(*names: str) -> Iterator[None]:
    """While inside, the named (library) loggers write to the log file and never to the terminal, whether or
    not :func:`configure` was called (a library use of the package, a test): the replacement for
    ``export/signing.py``'s own file. When the log is configured their records simply reach it."""
    if is_configured():
        yield
        return
    handler = _make_handler(log_path(), "lib", create=False)
    handler.setLevel(logging.WARNING)
    saved = []
    for name in names:
        logger = logging.getLogger(name)
        saved.append((logger, logger.propagate))
        logger.addHandler(handler)
        logger.propagate = False
    try:
        yield
    finally:
        for logger, propagate in saved:
            logger.removeHandler(handler)
            logger.propagate = propagate
        handler.close()


# ------------------------------------------------------------------------------------------- the unexpected


def log_exception(
    exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
) -> Path:
    """Write an unexpected error, with its full traceback and class, to the log; return the log's path.

    Usable as (part of) ``sys.excepthook``; configures the log first if nothing has. Never raises.
    """
    try:
        path = configure("app") if not is_configured() else log_path()
        error = exc if exc is not None else (exc_type or Exception)()
        logging.getLogger("cowork_desktop.unexpected").error(
            "unexpected %s", type(error).__name__, exc_info=(type(error), error, tb)
        )
        flush()
        return path
    except Exception:
        return log_path()


def excepthook_message(path: Path) -> str:
    """What the user is told about an unexpected error (one sentence each: what happened, the data, where)."""
    return f"Something went wrong. Nothing you saved was lost. Details are in {path}."
