"""Modal dialogs and event loops in the gui tests: act on the next modal dialog as a user would, and make sure
Qt's event loops run again after the app's own main() has ended."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget


def ensure_event_loops_run() -> None:
    """After app.main() ran to its end, Qt's "quit now" flag makes every later event loop return at once; entering
    the application loop again clears it (as tests/gui/test_wizard.py does)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    QApplication.processEvents()
    loop = QEventLoop()
    QTimer.singleShot(20, loop.quit)
    started = time.monotonic()
    loop.exec()
    if time.monotonic() - started < 0.015:
        QTimer.singleShot(0, app.quit)
        app.exec()


def when_modal(action: Callable[[QWidget], None], *, tries: int = 100) -> None:
    """Run ``action`` on the next modal dialog, as a user would (from a timer, while it is open)."""

    def attempt(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            if left:
                QTimer.singleShot(30, lambda: attempt(left - 1))
            return
        action(widget)

    QTimer.singleShot(30, lambda: attempt(tries))


def confirm_restore(asked: list[str]) -> Callable[[QWidget], None]:
    """An action for :func:`when_modal`: on the question "restore this backup?", note its informative text in
    ``asked`` and press its Restore button."""

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "restoreQuestion"
        asked.append(box.informativeText())
        button = box.findChild(QPushButton, "restoreButton")
        assert button is not None
        button.click()

    return confirm


def answer_questions(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    """Stands in for ``QMessageBox.question``: records each question's text and gives ``answer``."""
    asked: list[str] = []

    def fake(_parent: Any, _title: str, text: str, *_args: Any, **_kw: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(fake))
    return asked
