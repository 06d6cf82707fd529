"""What a screen reader and a keyboard user meet in a window, read in-process from Qt's own accessibility
interfaces (what the AT-SPI bridge hands to Orca; tests/gui/test_atspi.py checks the bridge itself end to end)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDateTimeEdit, QRadioButton, QWidget

#: the roles a user acts on: each must say what it does
INTERACTIVE = {
    QAccessible.Role.PushButton,
    QAccessible.Role.CheckBox,
    QAccessible.Role.RadioButton,
    QAccessible.Role.ComboBox,
    QAccessible.Role.EditableText,
    QAccessible.Role.SpinBox,
    QAccessible.Role.Slider,
    QAccessible.Role.PageTab,
    QAccessible.Role.ButtonMenu,
    QAccessible.Role.ButtonDropDown,
    QAccessible.Role.Link,
}


def _describe(iface: QAccessibleInterface) -> str:
    obj = iface.object()
    name = obj.objectName() if obj is not None else ""
    kind = type(obj).__name__ if obj is not None else "?"
    return f"{iface.role().name} {kind}#{name}"


def unnamed_controls(root: QWidget) -> list[str]:
    """The controls under ``root`` (shown or not) that a screen reader would announce by their role alone."""
    found: list[str] = []
    stack = [QAccessible.queryAccessibleInterface(root)]
    seen = 0
    while stack and seen < 20_000:
        iface = stack.pop()
        seen += 1
        if iface is None or not iface.isValid():
            continue
        if iface.role() in INTERACTIVE and not iface.text(QAccessible.Text.Name).strip():
            found.append(_describe(iface))
        stack.extend(iface.child(i) for i in range(iface.childCount()))
    return found


def tab_stops(root: QWidget) -> list[QWidget]:
    """The controls under ``root`` a Tab should reach: shown, enabled and taking the focus from Tab."""
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and (not isinstance(w, QAbstractButton) or w.isVisible())
    ]


def tab_walk(root: QWidget, first: QWidget | None = None) -> tuple[list[QWidget], list[QWidget]]:
    """Press Tab from ``first`` (else the first stop) until the focus comes back to where it started or twice as
    many presses as there are stops were made: (the controls focused in turn, the stops never reached)."""
    stops = tab_stops(root)
    start = first or (stops[0] if stops else root)
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    walked: list[QWidget] = []
    for _ in range(2 * len(stops) + 2):
        current = QApplication.focusWidget()
        if current is None:
            break
        QTest.keyClick(current, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is None:
            break
        walked.append(focused)
        if focused is start:
            break
    reached = set(walked) | {start}
    groups = {_radio_group(w) for w in reached} - {None}
    missed = [
        w
        for w in stops
        if w not in reached
        and not any(w.isAncestorOf(r) for r in reached)
        and _radio_group(w) not in groups  # Tab stops once in a group of choices; the arrows move in it
    ]
    return walked, missed


def _radio_group(widget: QWidget) -> object | None:
    """The group of choices a radio button belongs to (its button group, else its parent), or None."""
    if not isinstance(widget, QRadioButton):
        return None
    return widget.group() or (widget.parentWidget() if widget.autoExclusive() else widget)


def _tabs_inside(widget: QWidget) -> int:
    """How many Tabs a widget may keep in a row: a date moves through its day, month and year first (as a
    browser's date field does); any other control lets the next Tab go."""
    return widget.sectionCount() if isinstance(widget, QDateTimeEdit) else 1


def trapped(walked: list[QWidget]) -> QWidget | None:
    """A widget that kept the focus for more Tabs in a row than :func:`_tabs_inside` allows, else None."""
    run = 1
    for before, after in pairwise(walked):
        run = run + 1 if after is before else 1
        if run > _tabs_inside(after):
            return after
    return None
