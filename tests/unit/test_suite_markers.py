"""The suite's markers are true: a test that needs Qt is ``gui`` (found from what it uses), and a run without the
gui tests loads no Qt (``make unit``)."""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest
from helpers.markers import QT_FIXTURES, deselects_gui, is_qt_module

TESTS = Path(__file__).resolve().parents[1]
QT_IMPORT = re.compile(
    r"^\s*(from|import)\s+(PySide6|shiboken6|pytestqt|cowork_desktop\.ui|cowork_desktop\.app)\b", re.M
)


def _qt_names(module: types.ModuleType) -> list[str]:
    """Names in a test module's namespace that are Qt modules, or classes and functions from one."""
    found = []
    for name, value in vars(module).items():
        origin = value.__name__ if isinstance(value, types.ModuleType) else getattr(value, "__module__", None)
        if isinstance(origin, str) and is_qt_module(origin):
            found.append(name)
    return found


def test_no_test_outside_gui_needs_qt(request: pytest.FixtureRequest) -> None:
    """Every test of this run not marked gui: no Qt fixture, no Qt in its module, no Qt import in its body."""
    offenders = []
    for item in request.session.items:
        if item.get_closest_marker("gui") is not None or not isinstance(item, pytest.Function):
            continue
        if QT_FIXTURES.intersection(item.fixturenames):
            offenders.append(f"{item.nodeid}: uses {sorted(QT_FIXTURES.intersection(item.fixturenames))}")
        if names := _qt_names(item.module):
            offenders.append(f"{item.nodeid}: its module holds {names}")
        if QT_IMPORT.search(inspect.getsource(item.function)):
            offenders.append(f"{item.nodeid}: imports Qt")
    assert offenders == []


@pytest.mark.parametrize(
    ("expression", "deselects"),
    [
        ("not gui", True),
        ("not gui and not slow", True),
        ("not (gui or slow)", True),
        ("", False),
        ("gui", False),
        ("slow", False),
        ("slow and not fast", False),
        ("not slow", False),
    ],
)
def test_which_runs_leave_the_gui_tests_out(expression: str, deselects: bool) -> None:
    assert deselects_gui(expression) is deselects


def test_a_run_without_gui_refuses_a_test_that_loads_qt_unmarked(tmp_path: Path) -> None:
    """Qt imported at a module's top: the module is not even collected. Qt loaded by a helper at run time, in a
    test not marked gui: that test fails, and the run fails."""
    (tmp_path / "test_top.py").write_text(
        "from PySide6 import QtCore\n\n\ndef test_qt():\n    assert QtCore\n"
    )
    (tmp_path / "test_helper.py").write_text(
        textwrap.dedent(
            """
            def load_qt():
                import importlib
                importlib.import_module("PySide6.QtWidgets")


            def test_sneaks_qt_in():
                load_qt()


            def test_plain():
                pass
            """
        )
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]))
    pytest_args = [
        "-q",
        "-p",
        "no:pytest-qt",
        "-p",
        "no:cacheprovider",
        "-p",
        "helpers.markers",
        "-m",
        "not gui",
    ]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", *pytest_args, "--rootdir", str(tmp_path), str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "test_sneaks_qt_in" in done.stdout and "not marked gui, yet it loaded Qt" in done.stdout
    # the sneaking test passes, then fails at teardown; test_plain passes; test_top.py is never imported
    assert "2 passed, 1 error" in done.stdout and "test_qt" not in done.stdout
    assert "this run deselects the gui tests, yet Qt was loaded" in done.stdout
