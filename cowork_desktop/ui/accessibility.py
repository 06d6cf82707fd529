"""What a screen reader is told beyond Qt's defaults: a page's or section's title is a heading (so that heading
navigation, H in Orca and NVDA, moves between them), not a plain label; a chart is an image, named, whose
description is its text equivalent (every point, in words), not an unnamed "filler". Installed once the
QApplication exists (:func:`install`): Qt consults the factories installed last first, and QtWidgets installs its
own when the application starts."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QWidget

#: the ``role`` property (the theme's) of the labels that title a page or a section (ui/widgets.title_label)
HEADING_ROLES = ("title", "subtitle")
#: the ``role`` property of a chart (ui/charts.py): an image to a screen reader
CHART_ROLE = "chart"


class _Heading(QAccessibleWidget):
    """A title label, exposed with the Heading role and named by its text."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)
        self.label = label

    def text(self, which: QAccessible.Text) -> str:
        if which == QAccessible.Text.Name:
            return self.label.accessibleName() or self.label.text()
        return super().text(which)


class _Image(QAccessibleWidget):
    """A chart, exposed as an image: its accessible name and description (the chart's text equivalent) are the
    widget's own."""

    def __init__(self, chart: QWidget) -> None:
        super().__init__(chart, QAccessible.Role.Graphic)


def _factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QLabel) and obj.property("role") in HEADING_ROLES:
        return _Heading(obj)
    if isinstance(obj, QWidget) and obj.property("role") == CHART_ROLE:
        return _Image(obj)
    return None


_installed = False


def install() -> None:
    """Expose the app's titles as headings (once a process; after the QApplication is made)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def role_of(widget: QObject) -> QAccessible.Role:
    """The role a screen reader is told for ``widget`` (for tests)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.role() if iface is not None else QAccessible.Role.NoRole
