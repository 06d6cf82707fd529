"""GUI-test plumbing shared by every file in tests/gui. Every test here uses ``qapp`` (through the autouse fixture
below), so every one is marked gui. Qt is imported inside the fixture: a run without the gui tests (``make
unit``) still reads this file, and must not load Qt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def _forget_signing_keys() -> None:
    from cowork_desktop.services import signing_keys

    signing_keys.forget_all()


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """Per test: QSettings in a temporary folder, no signing key unlocked by another test, and afterwards every
    window deleted and the normal theme back.

    The windows are deleted *before* the theme is reset: pytest-qt only closes them and calls deleteLater(), and
    a closed wizard still waiting for deletion when the app-wide style sheet changed crashed Qt 6.11 offscreen
    (inside ``QApplication.setStyleSheet``)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings

    from cowork_desktop.ui import theme

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    _forget_signing_keys()
    yield
    _forget_signing_keys()
    from cowork_desktop.ui.wizard import wizard as wizard_module

    for window in list(wizard_module._open_windows):
        wizard_module.forget(window)
        try:
            window.close()
            window.deleteLater()
        except RuntimeError:  # already deleted by Qt
            continue
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    theme.apply_theme(qapp, False, 1.0, persist=False)
