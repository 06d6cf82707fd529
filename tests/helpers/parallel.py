"""Run pytest as two shards side by side (``--shard=1/2`` and ``--shard=2/2``, see ``helpers/shards.py``), then
print each one's output; the exit status is the worst of theirs. ``make unit`` uses it: on two cores it halves
the wall-clock time. ``COWORK_TEST_JOBS`` sets the number of shards (1: a plain pytest run)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile


def main(argv: list[str]) -> int:
    jobs = int(os.environ.get("COWORK_TEST_JOBS") or min(2, os.cpu_count() or 1))
    command = [sys.executable, "-m", "pytest", *argv]
    if jobs <= 1:
        return subprocess.call(command)
    codes = []
    with contextlib.ExitStack() as stack:
        runs = []
        for index in range(1, jobs + 1):
            out = stack.enter_context(tempfile.TemporaryFile(mode="w+", encoding="utf-8"))
            shard = [*command, f"--shard={index}/{jobs}"]
            runs.append((subprocess.Popen(shard, stdout=out, stderr=subprocess.STDOUT), out))
        for index, (process, out) in enumerate(runs, start=1):
            codes.append(process.wait())
            out.seek(0)
            sys.stdout.write(f"---- shard {index}/{jobs} (exit status {codes[-1]})\n{out.read()}")
    # pytest's 5 (nothing collected) in one shard is no failure when another ran tests.
    failures = [code for code in codes if code not in (0, 5)]
    return max(failures) if failures else (5 if all(code == 5 for code in codes) else 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
