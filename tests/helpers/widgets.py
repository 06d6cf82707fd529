"""Widgets put on screen in the gui tests (offscreen), as a user would see them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def shown(qtbot: QtBot, widget: QWidget, width: int = 1200, height: int = 800) -> QWidget:
    """``widget`` kept by ``qtbot``, resized, shown and exposed."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
