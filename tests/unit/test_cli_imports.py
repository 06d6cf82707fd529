"""The headless ``cowork`` commands start without the PDF and signing stack: pyHanko, reportlab, fontTools, pikepdf
and aiohttp (about half a second to import) load only in the commands that sign, export or verify; psycopg only in
the commands that speak to the service (``service``, ``publish``).

Each command runs in a fresh interpreter through ``cli.main``, which then names the heavy modules it finds in
``sys.modules``. ``verify`` is the control: it does load them, so the probe can see them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cowork_desktop.cli import main

pytestmark = pytest.mark.slow  # each probe is a fresh interpreter

HEAVY = ("pyhanko", "reportlab", "fontTools", "pikepdf", "aiohttp", "psycopg")
MARK = "HEAVY-MODULES: "

PROBE = (
    "import json, sys\n"
    "from cowork_desktop import cli\n"
    "code = cli.main(sys.argv[1:])\n"
    f"heavy = sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))\n"
    f"sys.stderr.write({MARK!r} + json.dumps([code, heavy]) + '\\n')\n"
)


def _run(tmp_path: Path, *argv: str) -> tuple[int, list[str]]:
    env = {**os.environ, "COWORK_DATA_DIR": str(tmp_path / "data"), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in done.stderr.splitlines() if line.startswith(MARK)]
    assert lines, done.stderr
    code, heavy = json.loads(lines[-1][len(MARK) :])
    return code, heavy


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("imports") / "demo.db"
    assert main(["demo", "--db", str(path), "--today", "2026-11-23"]) == 0
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["due", "--json"],
        ["due", "--on", "2026-11-23"],
        ["drift", "--json"],
        ["promises", "--json"],
        ["cases", "--json"],
        ["workers", "--json"],
        ["check"],
        ["settings"],
        ["backup"],
        ["retention"],
        ["cert", "list"],
        ["calendar", "--out", "{tmp}/plan.ics"],
    ],
    ids=lambda argv: "-".join(a for a in argv if not a.startswith(("{", "-"))) or "x",
)
def test_headless_commands_import_no_pdf_or_signing_stack(
    tmp_path: Path, demo: Path, argv: list[str]
) -> None:
    code, heavy = _run(tmp_path, *[a.format(tmp=tmp_path) for a in argv], "--db", str(demo))
    assert code == 0
    assert heavy == [], f"cowork {' '.join(argv)} imported {heavy}"


def test_demo_init_and_the_trust_list_import_no_pdf_or_signing_stack(tmp_path: Path) -> None:
    for argv in (
        ["demo", "--db", str(tmp_path / "d.db")],
        ["init", "--db", str(tmp_path / "i.db")],
        ["trust", "list"],
        ["forms", "check"],
    ):
        assert _run(tmp_path, *argv) == (0, []), argv


def test_verify_loads_the_signing_stack_the_probe_sees_it(tmp_path: Path) -> None:
    """The control: the command that checks a signature does import pyHanko (and fails here: no such file)."""
    code, heavy = _run(tmp_path, "verify", str(tmp_path / "missing.pdf"))
    assert code != 0
    assert "pyhanko" in heavy


def test_publish_loads_psycopg_the_probe_sees_it(tmp_path: Path, demo: Path) -> None:
    """The control for psycopg: publish imports it (and fails here: nothing listens on port 1)."""
    code, heavy = _run(
        tmp_path, "publish", "--db", str(demo), "--url", "postgresql://nobody@127.0.0.1:1/none"
    )
    assert code == 1
    assert "psycopg" in heavy
