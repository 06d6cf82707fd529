"""The app as a screen reader finds it: started in a real X server (Xvfb) inside its own D-Bus session with
accessibility on, its tree walked over AT-SPI by Debian's ``python3`` and ``pyatspi`` (tests/a11y/atspi_tree.py),
as Orca walks it, on every main page picked in turn from the page list. Every control a user acts on has a name,
and the page and section titles are headings.

The tools come from packaging/debian-packages.txt (``make test`` installs them); on a machine that is not Linux
there is no AT-SPI, and the test is skipped."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.demo import copy_database

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform != "linux", reason="AT-SPI is Linux's")]

WALK = Path(__file__).parents[1] / "a11y" / "atspi_tree.py"
SYSTEM_PYTHON = "/usr/bin/python3"


def _tools() -> None:
    missing = [tool for tool in ("dbus-run-session", "xvfb-run") if shutil.which(tool) is None]
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
    if probe.returncode != 0:
        missing.append("python3-pyatspi")
    assert not missing, f"missing {missing}: `make test` installs them (packaging/debian-packages.txt)"


def test_every_control_is_named_and_the_titles_are_headings(tmp_path: Path, demo_template: Path) -> None:
    _tools()
    db = copy_database(demo_template, tmp_path / "demo.db")
    app = Path(sys.executable).with_name("cowork-desktop")
    script = (
        f'"{app}" --db "{db}" >"{tmp_path}/app.log" 2>&1 & APP=$!; '
        f'"{SYSTEM_PYTHON}" "{WALK}" cowork-desktop --wait 60 --visit-pages >"{tmp_path}/tree.json"; '
        "STATUS=$?; kill $APP; wait $APP; exit $STATUS"
    )
    env = {
        **os.environ,
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "COWORK_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "xcb",
    }
    done = subprocess.run(
        ["dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1400x900x24", "bash", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    found = json.loads((tmp_path / "tree.json").read_text() or "{}")
    assert "error" not in found, (found, done.stderr[-2000:], (tmp_path / "app.log").read_text()[-2000:])
    pages = found["pages"]
    assert {"Dashboard", "Cases", "Workers"} <= set(pages), list(pages)
    assert found["unnamed"] == [], found["unnamed"]
    assert done.returncode == 0, done.stderr[-2000:]

    def headings(page: str) -> set[str]:
        return {str(n["name"]) for n in pages[page] if n["role"] == "heading" and n["showing"]}

    assert "What needs doing" in headings("Dashboard")
    assert "Cases" in headings("Cases") and "Workers" in headings("Workers")
    # each page is reached by picking it in the list, and shows its own controls
    assert any(n["name"] == "Search cases" and n["showing"] for n in pages["Cases"])
