"""Programs run as a child process by the tests, as from a desktop launcher: no terminal, stdin closed."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path


def run_process(
    argv: Sequence[str | Path], *, env: Mapping[str, str], timeout: float, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``argv`` run to its end (at most ``timeout`` seconds) with ``env`` and stdin closed; its output captured
    as UTF-8 text; its exit code not checked."""
    return subprocess.run(
        [str(a) for a in argv],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
