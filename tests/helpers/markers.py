"""Which tests are ``gui``: those that need Qt, found from what they use rather than from the folder they sit in.

A test is ``gui`` when it uses a fixture that makes a ``QApplication`` (``qtbot``, ``qapp``, or any fixture that
depends on one of them), when its module imports Qt at the top (PySide6, pytest-qt, ``cowork_desktop.ui`` or
``cowork_desktop.app``), or when its own body imports Qt. What a helper imports at run time is caught by the
checks below instead: a test not marked ``gui`` that loads Qt fails, and so does a run that deselects the gui
tests yet loaded Qt. This module is a pytest plugin (``pytest_plugins`` in tests/conftest.py).
"""

from __future__ import annotations

import ast
import functools
import itertools
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from _pytest.mark.expression import Expression

#: Fixtures that create (or need) the QApplication; a fixture depending on one of them is in a test's closure too.
QT_FIXTURES = frozenset({"qtbot", "qapp", "qtmodeltester"})
#: Modules whose import means Qt is loaded.
QT_MODULES = ("PySide6", "shiboken6", "pytestqt", "cowork_desktop.ui", "cowork_desktop.app")
#: What the run-time check looks for in ``sys.modules`` (a few names: looked up for every test).
QT_SENTINELS = ("PySide6", "PySide6.QtWidgets", "cowork_desktop.ui", "cowork_desktop.app")


def is_qt_module(name: str) -> bool:
    return any(name == m or name.startswith(m + ".") for m in QT_MODULES)


def _imports_qt(node: ast.AST) -> bool:
    if isinstance(node, ast.Import):
        return any(is_qt_module(alias.name) for alias in node.names)
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        if is_qt_module(node.module):
            return True
        return node.module == "cowork_desktop" and any(a.name in ("ui", "app") for a in node.names)
    return False


@functools.cache
def qt_imports(path: Path) -> tuple[bool, frozenset[str]]:
    """Whether the module at ``path`` imports Qt at its top level (outside functions, ``TYPE_CHECKING`` blocks
    excepted), and the qualified names of the functions whose own body imports Qt."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return False, frozenset()
    at_top = False
    functions: set[str] = set()

    def visit(body: list[ast.stmt], prefix: str, in_function: str | None) -> None:
        nonlocal at_top
        for stmt in body:
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
                name = in_function or prefix + stmt.name
                if any(_imports_qt(n) for n in ast.walk(stmt)):
                    functions.add(name)
                continue
            if isinstance(stmt, ast.ClassDef):
                visit(stmt.body, prefix + stmt.name + ".", in_function)
                continue
            if isinstance(stmt, ast.If) and "TYPE_CHECKING" in ast.unparse(stmt.test):
                continue
            if in_function is None and any(_imports_qt(n) for n in ast.walk(stmt)):
                at_top = True

    visit(tree.body, "", None)
    return at_top, frozenset(functions)


def needs_qt(path: Path, qualname: str | None, fixturenames: list[str]) -> bool:
    """True when a test (its module file, its function's qualified name, its fixture closure) needs Qt."""
    if QT_FIXTURES.intersection(fixturenames):
        return True
    at_top, functions = qt_imports(path)
    return at_top or (qualname is not None and qualname in functions)


def deselects_gui(markexpr: str) -> bool:
    """True when ``-m markexpr`` deselects every ``gui`` test, whatever other markers it has (``not gui``,
    ``not gui and not slow``); False for an empty expression or one a gui test can pass (``slow``, ``gui``)."""
    if not markexpr.strip():
        return False
    try:
        expression = Expression.compile(markexpr)
    except SyntaxError:
        return False  # pytest reports the bad expression itself
    others = sorted(set(re.findall(r"[A-Za-z_][\w.]*", markexpr)) - {"and", "or", "not", "gui"})
    if len(others) > 10:
        return False  # too many to try: collect everything, the markers still select
    for values in itertools.product((False, True), repeat=len(others)):
        marks = dict(zip(others, values, strict=True), gui=True)

        def matcher(name: str, /, **kwargs: object) -> bool:
            return marks.get(name, False)  # noqa: B023 - evaluated at once, inside the loop

        if expression.evaluate(matcher):
            return False
    return True


# -- the plugin -----------------------------------------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """``make unit`` runs with pytest-qt disabled (``-p no:pytest-qt``: the plugin imports Qt when it starts).
    Its settings in pyproject.toml are then declared here, unused, so ``--strict-config`` still passes."""
    if not pluginmanager.has_plugin("pytest-qt"):
        unused = "a pytest-qt setting; pytest-qt is disabled in this run"
        parser.addini("qt_api", unused)
        parser.addini("qt_log_level_fail", unused)
        parser.addini("qt_log_ignore", unused, type="linelist")


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """When ``-m`` deselects every gui test, a test file that imports Qt at its top is not even imported: a
    ``not gui`` run must not load Qt."""
    if (
        collection_path.suffix == ".py"
        and collection_path.name.startswith("test_")
        and deselects_gui(config.getoption("markexpr") or "")
        and qt_imports(collection_path)[0]
    ):
        return True
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``gui`` for every test that needs Qt (helpers/markers.py says how that is found), wherever it sits."""
    for item in items:
        function = getattr(item, "function", None)
        qualname = getattr(function, "__qualname__", None)
        if needs_qt(item.path, qualname, list(getattr(item, "fixturenames", ()))):
            item.add_marker(pytest.mark.gui)


def pytest_sessionstart(session: pytest.Session) -> None:
    session.stash[_QT_BEFORE] = _qt_loaded()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A run that deselects the gui tests must not have loaded Qt (pytest-qt loads it when it is enabled; then
    only the app's own Qt modules are checked): else a test that needs Qt is not marked gui."""
    if not deselects_gui(session.config.getoption("markexpr") or ""):
        return
    before: set[str] = session.stash[_QT_BEFORE]
    loaded = sorted(_qt_loaded() - before)
    if loaded:
        session.config.get_terminal_writer().line(
            f"\nERROR: this run deselects the gui tests, yet Qt was loaded ({', '.join(loaded)}): "
            "a test that needs Qt is not marked gui",
            red=True,
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_QT_BEFORE = pytest.StashKey[set[str]]()


def _qt_loaded() -> set[str]:
    return {name for name in QT_SENTINELS if name in sys.modules}


@pytest.fixture(autouse=True)
def _qt_only_in_gui_tests(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test not marked gui that loads Qt (through a helper, say) fails: mark it gui, or keep Qt out of it."""
    if request.node.get_closest_marker("gui") is not None:
        yield
        return
    before = _qt_loaded()
    yield
    loaded = sorted(_qt_loaded() - before)
    if loaded:
        pytest.fail(f"this test is not marked gui, yet it loaded Qt ({', '.join(loaded)})", pytrace=False)
