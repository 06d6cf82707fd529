"""The evidence check (:func:`cowork_desktop.services.integrity.check_database`) in a process of its own.

At 40,000 cases the check reads every signed record and 1.6 million audit entries for about a minute and a half,
in Python: on a thread of the app it held the interpreter's lock (and its garbage collections paused every
thread) long enough to freeze the window for 0.2-1 s at a time, and its 500 MB stayed in the app. In a process
of its own it uses the other core and its own memory, and the window never waits for it.

The child is ``python -m cowork_desktop.services.check_process`` (it imports no Qt and never runs the app's own
start-up script again); it reads its arguments, the passphrase among them, from its standard input (never a
command line or the environment) and writes its answer to its standard output, both pickled. It ends when the app
has gone without waiting for it. A frozen build (one executable, no interpreter to start) checks on the thread.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from cowork_desktop.services import integrity
from cowork_desktop.services.integrity import CheckReport
from cowork_desktop.store.backup import Backup

Outcome = tuple[CheckReport, Backup | None]


def check_here(path: Path, passphrase: str | None = None) -> Outcome:
    """The evidence check of ``path`` and, when it fails, the latest backup that checks (on this thread)."""
    report = integrity.check_database(path, passphrase)
    found = None if report.ok else integrity.latest_backup_that_checks(path, passphrase)
    return report, found


def check_in_process(path: Path, passphrase: str | None = None) -> Outcome:
    """:func:`check_here` computed in a child process and waited for here (call it from a thread: the wait holds
    no lock). A check that could not run raises RuntimeError with its reason."""
    if getattr(sys, "frozen", False):
        return check_here(path, passphrase)
    child = subprocess.Popen(
        [sys.executable, "-m", __name__],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={k: v for k, v in os.environ.items() if k != "PYTHONSTARTUP"},
    )
    request = pickle.dumps((str(path), passphrase, os.getpid()))
    answer, _ = child.communicate(request)
    try:
        kind, value = pickle.loads(answer)
    except Exception:
        raise RuntimeError(f"the check ended without an answer (exit {child.returncode})") from None
    if kind != "ok":
        raise RuntimeError(str(value))
    report, found = value
    return report, found


def _end_with(parent: int) -> None:
    """In the child: end when the app has gone without waiting for the answer (killed, or crashed)."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def _serve() -> None:
    """The child: arguments in on stdin, the answer out on stdout, both pickled (only ever from the app)."""
    path, passphrase, parent = pickle.loads(sys.stdin.buffer.read())
    threading.Thread(target=_end_with, args=(parent,), daemon=True).start()
    reply: tuple[str, Any]
    try:
        reply = ("ok", check_here(Path(path), passphrase))
    except Exception as exc:  # said by the app: the check could not run
        reply = ("error", str(exc) or type(exc).__name__)
    sys.stdout.buffer.write(pickle.dumps(reply))
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _serve()
