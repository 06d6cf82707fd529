"""Which tests are ``gui``: those that need Qt, found from what they use rather than from the folder they sit in.

A test is ``gui`` when it uses a fixture that makes a ``QApplication`` (``qtbot``, ``qapp``, or any fixture that
depends on one of them), when its module imports Qt at the top (PySide6, pytest-qt, ``cowork_desktop.ui`` or
``cowork_desktop.app``), or when its own body imports Qt. What a helper imports at run time is caught by the
check in ``tests/conftest.py`` instead: a test not marked ``gui`` that loads Qt fails.
"""

from __future__ import annotations

import ast
import functools
import itertools
import re
from pathlib import Path

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
