"""What the main window offers the parts it owns (help, security, the integrity banner, the backups), so they
need not import ``ui.main_window``, which imports them: no cycle between them.

:class:`HostWindow` is the main window's base class; ``ui.main_window.MainWindow`` fills it in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMainWindow

from cowork_desktop.services.changes import Changes
from cowork_desktop.services.sessions import Workspace


class HostWindow(QMainWindow):
    """The main window as its helpers see it."""

    ws: Workspace
    #: the background backups (``ui.backup_runner.BackupRunner``), None when there are none this session
    backups: Any
    #: the pages give way to the lock screen
    locked: bool

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what shows what changed."""
        raise NotImplementedError

    def close_wizards(self) -> bool:
        """Close every open meeting; False when one could not save its answers and the manager chose to stay."""
        raise NotImplementedError

    def finish_backups(self) -> None:
        """A last backup if anything changed, then the background backups stop."""
        raise NotImplementedError

    def reopen(self, path: Path, passphrase: str | None = None) -> bool:
        """Open ``path`` again in this window (after a restore), or say why not."""
        raise NotImplementedError

    def start_integrity_check(self, passphrase: str | None) -> None:
        """``cowork check`` on a thread of its own; the banner shows what it finds."""
        raise NotImplementedError

    def lock(self) -> None:
        """Hide every record behind the lock screen."""
        raise NotImplementedError

    def about(self) -> None:
        """Help ▸ About."""
        raise NotImplementedError
