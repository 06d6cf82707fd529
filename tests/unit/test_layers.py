"""Only ui/ and app.py may import Qt: everything else (and the ``cowork`` command) must run headless."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

HEADLESS_PACKAGES = [
    "cowork_desktop.domain",
    "cowork_desktop.store",
    "cowork_desktop.forms",
    "cowork_desktop.services",
    "cowork_desktop.export",
    "cowork_desktop.cli",
]
HEADLESS_MODULES = [
    "cowork_desktop",
    "cowork_desktop.paths",
    "cowork_desktop.atomic",
    "cowork_desktop.logs",
]

PROBE = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys

    imported = []
    for name in {modules!r}:
        importlib.import_module(name)
        imported.append(name)
    for package in {packages!r}:
        module = importlib.import_module(package)
        imported.append(package)
        for info in pkgutil.walk_packages(module.__path__, package + "."):
            if info.name.endswith(".__main__"):  # runs the command when imported
                continue
            importlib.import_module(info.name)
            imported.append(info.name)
    qt = sorted(m for m in sys.modules if m == "PySide6" or m.startswith("PySide6."))
    print(json.dumps({{"imported": imported, "qt": qt}}))
    """
)


@pytest.mark.slow  # over 0.7 s; make test runs it
def test_headless_modules_do_not_import_qt() -> None:
    code = PROBE.format(modules=HEADLESS_MODULES, packages=HEADLESS_PACKAGES)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["qt"] == [], "PySide6 imported by a headless module"
    imported = set(result["imported"])
    for expected in (
        "cowork_desktop.cli",
        "cowork_desktop.services.demo",
        "cowork_desktop.services.sessions",
        "cowork_desktop.store.store",
        "cowork_desktop.cli.records",
        "cowork_desktop.domain.due",
        "cowork_desktop.forms.loader",
    ):
        assert expected in imported


def test_the_cli_starts_without_qt() -> None:
    code = "import sys; from cowork_desktop.cli import main; rc = main(['--version']); assert 'PySide6' not in sys.modules; sys.exit(rc)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("cowork ")
