"""The installed ``cowork`` console script, run as a real process with no terminal and stdin closed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from helpers.processes import run_process

COWORK = Path(sys.executable).parent / ("cowork.exe" if os.name == "nt" else "cowork")

pytestmark = [
    pytest.mark.skipif(
        not COWORK.exists(), reason=f"the cowork console script is not installed ({COWORK}): pip install -e ."
    ),
    pytest.mark.slow,  # a fresh interpreter per command
]


def cowork(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return run_process([COWORK, *args], env=env, timeout=120)


def test_demo_then_due_json(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    made = cowork("demo", "--db", str(db))
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""
    again = cowork("demo", "--db", str(db))
    assert again.returncode == 0 and "0 demo case(s) added" in again.stdout

    due = cowork("due", "--db", str(db), "--json")
    assert due.returncode == 0, due.stderr
    items = json.loads(due.stdout)["items"]
    severities = Counter(i["severity"] for i in items)
    assert severities["urgent"] >= 1 and severities["overdue"] >= 1
    assert items[0]["severity"] == "urgent"

    cases = cowork("cases", "--db", str(db), "--json")
    assert cases.returncode == 0 and len(json.loads(cases.stdout)["cases"]) >= 10


def test_version() -> None:
    done = cowork("--version")
    assert done.returncode == 0 and done.stdout.startswith("cowork ")


def test_corrupt_db_is_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    assert cowork("demo", "--db", str(db)).returncode == 0
    data = bytearray(db.read_bytes())
    data[4096 * 2 : 4096 * 5] = b"\xde\xad" * (4096 * 3 // 2)
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    done = cowork("due", "--db", str(db), "--json")
    assert done.returncode != 0
    assert done.stdout == ""
    assert done.stderr.startswith("cowork: error:")
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
    assert db.read_bytes() == before


def test_missing_db_is_one_line_error(tmp_path: Path) -> None:
    done = cowork("cases", "--db", str(tmp_path / "none.db"))
    assert done.returncode == 1
    assert done.stderr.startswith("cowork: error:") and done.stderr.count("\n") == 1
    assert not (tmp_path / "none.db").exists()
