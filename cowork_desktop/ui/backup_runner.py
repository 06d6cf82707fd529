"""The app's backups off the GUI thread: the day's first at start-up, after every signing (at most one every few
minutes) and at exit.

A signing asks for a backup (:meth:`BackupRunner.after_signing`). When the last backup of this database is older
than ``domain.backups.AFTER_SIGNING_MINUTES`` one starts at once, on a thread of its own that reads through a
second connection (``services.backups.open_source``); otherwise one is scheduled for the end of the interval, so
a morning of six signings leaves the last of them in a backup a few minutes later at most. When the app closes,
:meth:`BackupRunner.at_exit` waits for a running backup and takes one more if anything changed since the last
(the window has gone by then; the lock on the database is released only afterwards). Whatever fails is said in
the status bar, never in the way: the database itself is never touched by a backup.
"""

from __future__ import annotations

import contextlib
import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from cowork_desktop.domain.backups import wait_after_signing
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.services import backups
from cowork_desktop.services.database import Store

if TYPE_CHECKING:
    from cowork_desktop.ui.host import HostWindow


class BackupRunner(QObject):
    """One database's background backups. ``finished`` carries the Backup taken, or the error's text."""

    finished = Signal(object)

    def __init__(self, window: HostWindow, source: Store | None) -> None:
        super().__init__(window)  # the window is its parent (never kept in an attribute: no reference cycle)
        self.source = source
        #: held while a thread reads through ``source``: the backups and the background publishing take turns
        self.source_lock = threading.Lock()
        self.worker: threading.Thread | None = None
        self.pending = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.start(backups.SIGNED))
        try:
            self.last_taken = backups.last_taken(window.ws.store)
        except (CoworkError, OSError):
            self.last_taken = None
        self.backed_up_head = self._head()
        self.finished.connect(self._done)

    @property
    def window(self) -> HostWindow:
        return self.parent()  # type: ignore[return-value]

    def _head(self) -> int:
        try:
            return self.window.ws.store.chain_head().id
        except Exception:  # a closed store: nothing more to back up
            return -1

    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.is_alive()

    def after_signing(self) -> None:
        """A record was signed: back up now, or at the end of the interval since the last backup."""
        if self.source is None:
            return
        if self.running:
            self.pending = True
            return
        wait = wait_after_signing(self.last_taken, datetime.now(UTC))
        if wait.total_seconds() <= 0:
            self.start(backups.SIGNED)
        elif not self.timer.isActive():
            self.timer.start(int(wait.total_seconds() * 1000) + 1)

    def start_daily(self) -> None:
        """The start-up backup, when this database has none from today."""
        try:
            due = backups.daily_due(self.window.ws.store)
        except (CoworkError, OSError) as exc:
            self.window.statusBar().showMessage(
                self.tr("Today's backup could not be taken: %1").replace("%1", str(exc))
            )
            return
        if due:
            self.start(backups.DAILY)

    def note_taken(self, taken: backups.Backup) -> None:
        """A backup taken on the GUI thread (Back up now): it counts as the last one."""
        self.last_taken = taken.taken_at
        self.backed_up_head = self._head()

    def start(self, kind: str) -> None:
        if self.source is None or self.running:
            self.pending = self.pending or self.running
            return
        self.pending = False
        head = self._head()
        self.worker = threading.Thread(
            target=self._run, args=(kind, head), name=f"backup-{kind}", daemon=False
        )
        self.worker.start()

    def _run(self, kind: str, head: int) -> None:
        assert self.source is not None
        try:
            with self.source_lock:
                result: object = (backups.take(self.source, kind), head)
        except Exception as exc:  # a backup must never take the app down: say it could not be taken
            result = str(exc) or type(exc).__name__
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.finished.emit(result)

    def _done(self, result: object) -> None:
        bar = self.window.statusBar()
        if isinstance(result, tuple):
            taken, head = result
            self.last_taken = taken.taken_at
            self.backed_up_head = max(self.backed_up_head, head)
            with contextlib.suppress(CoworkError, Exception):
                backups.record(self.window.ws.store, taken)
                self.backed_up_head = max(self.backed_up_head, self._head())  # its own audit entry
            bar.showMessage(self.tr("Backed up and checked: %1").replace("%1", str(taken.path)), 8000)
        else:
            bar.showMessage(self.tr("A backup could not be taken: %1").replace("%1", str(result)))
        if self.pending:
            self.pending = False
            self.after_signing()

    def at_exit(self) -> None:
        """Wait for a running backup; take one more when anything changed since the last. Then close the source."""
        self.timer.stop()
        if self.worker is not None:
            self.worker.join()
        try:
            if self.source is not None and self._head() > self.backed_up_head:
                worker = threading.Thread(target=self._exit_backup, name="backup-exit", daemon=False)
                worker.start()
                worker.join()
        finally:
            self.close()

    def _exit_backup(self) -> None:
        assert self.source is not None
        with contextlib.suppress(Exception), self.source_lock:  # nobody is left to tell: the next start's
            backups.take(self.source, backups.EXIT)  # backup covers it

    def close(self) -> None:
        self.timer.stop()
        if self.worker is not None and self.worker.is_alive():
            self.worker.join()
        if self.source is not None:
            with contextlib.suppress(Exception), self.source_lock:  # a publish reading through it ends first
                self.source.close()
            self.source = None
