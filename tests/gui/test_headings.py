"""A page's or section's title is a heading to a screen reader (ui/accessibility.py), whenever it is made."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from cowork_desktop.ui import accessibility
from cowork_desktop.ui.widgets import title_label


def test_titles_are_headings_and_other_labels_are_not(qtbot: QtBot) -> None:
    accessibility.install()
    title, section, plain = title_label("Cases"), title_label("Coming up", "subtitle"), QLabel("Search:")
    for label in (title, section, plain):
        qtbot.addWidget(label)
    assert accessibility.role_of(title) == QAccessible.Role.Heading
    assert accessibility.role_of(section) == QAccessible.Role.Heading
    assert accessibility.role_of(plain) != QAccessible.Role.Heading
    iface = QAccessible.queryAccessibleInterface(title)
    assert iface is not None and iface.text(QAccessible.Text.Name) == "Cases"
