"""Enter presses the focused button everywhere (issue 15: keyboard-only users).

Qt presses a focused push button with Enter only inside a dialog (its "auto default"); in the main window and
the meeting wizard's pages Enter did nothing and only Space worked, which keyboard users do not expect. One
application-wide filter makes Enter and Return click the focused button, check box or radio button wherever it
is; inside a dialog Qt's own handling stays (the filter leaves those alone).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QDialog, QPushButton, QRadioButton

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterPressesButtons(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in _ENTER or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if not isinstance(watched, QAbstractButton) or not watched.isEnabled() or not watched.hasFocus():
            return False
        if isinstance(watched, QCheckBox | QRadioButton):
            return False
        if isinstance(watched, QPushButton) and isinstance(watched.window(), QDialog):
            return False  # a dialog's own default-button handling
        watched.animateClick()
        return True


_installed: list[EnterPressesButtons] = []


def install(app: QApplication) -> None:
    """Once per application."""
    if not _installed:
        handler = EnterPressesButtons(app)
        app.installEventFilter(handler)
        _installed.append(handler)
