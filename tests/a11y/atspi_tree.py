"""Walk a running program's accessibility tree as a screen reader does, over AT-SPI (run with Debian's python3 and
its ``pyatspi``: the project's virtual environment has no GObject bindings).

``python3 tests/a11y/atspi_tree.py APP_NAME [--wait SECONDS] [--visit-pages]`` prints one JSON object: every
accessible object of the application named APP_NAME (its role, name, description, states and path of child
indexes) as it starts and, with ``--visit-pages``, on each page its main window's page list selects in turn, and
``unnamed``: the interactive controls (buttons, fields, boxes, tabs, menu items...) with no accessible name,
which a screen reader would announce as "button" and nothing more. Exit 0 when there are none, 1 when there are,
3 when the application is not on the bus within the wait. Used by ``tests/gui/test_atspi.py``.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import pyatspi

#: the roles a user acts on: each must say what it does
INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "entry",
    "password text",
    "spin button",
    "slider",
    "page tab",
    "menu item",
    "check menu item",
    "radio menu item",
    "link",
    "date editor",
}


def _find(name: str, wait: float) -> Any:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == name:
                return app
        time.sleep(0.25)
    return None


def walk(node: Any, path: tuple[int, ...] = ()) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    try:
        states = node.getState()
        entry = {
            "path": list(path),
            "role": node.getRoleName(),
            "name": node.name or "",
            "description": node.description or "",
            "showing": states.contains(pyatspi.STATE_SHOWING),
            "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
            "required": states.contains(pyatspi.STATE_REQUIRED),
        }
    except Exception:  # an object gone while walked
        return found
    found.append(entry)
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            found.extend(walk(child, (*path, i)))
    return found


def _pages_list(app: Any) -> Any:
    """The main window's list of pages (the first list whose items are selectable), or None."""
    stack = [app]
    while stack:
        node = stack.pop(0)
        try:
            if node.getRoleName() == "list" and node.childCount:
                node.querySelection()
                return node
            stack.extend(node.getChildAtIndex(i) for i in range(node.childCount))
        except Exception:
            continue
    return None


def main(argv: list[str]) -> int:
    name = argv[0]
    wait = float(argv[argv.index("--wait") + 1]) if "--wait" in argv else 20.0
    app = _find(name, wait)
    if app is None:
        print(json.dumps({"error": f"{name} is not on the accessibility bus"}))
        return 3
    pages: dict[str, list[dict[str, object]]] = {"(start)": walk(app)}
    if "--visit-pages" in argv:
        found = _pages_list(app)
        for i in range(found.childCount if found is not None else 0):
            item = found.getChildAtIndex(i)
            title = item.name
            found.querySelection().selectChild(i)  # as a user picks a page in the list
            try:
                action = item.queryAction()
                names = [action.getName(k) for k in range(action.nActions)]
                for wanted in ("activate", "click", "press", "toggle"):
                    if wanted in names:
                        action.doAction(names.index(wanted))
                        break
            except NotImplementedError:
                pass
            time.sleep(1.5)
            pages[title] = walk(app)
    unnamed = [
        {**n, "page": page}
        for page, nodes in pages.items()
        for n in nodes
        if n["role"] in INTERACTIVE and not str(n["name"]).strip()
    ]
    print(json.dumps({"pages": pages, "unnamed": unnamed}, ensure_ascii=False))
    return 1 if unnamed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
