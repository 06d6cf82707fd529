"""Publishing to the service in the background ("publish when reachable", Settings ▸ Service): never in the way of
offline work.

With a service address set and publishing on, a publish starts a little after the window opens, a little after
each signing, and again every so often (sooner after the service could not be reached), so a laptop that was
offline catches up by itself when it is back on the council's network. Each runs on a thread of its own through
the backups' second connection (the two take turns: ``BackupRunner.source_lock``), and says how it went in a
label at the right of the status bar: published, not reachable (and when it tries again), or records refused
because they fail the checks. File ▸ Publish to the service now starts one at once. When the app closes, a
publish stops after its current batch (each batch is its own transaction, so the next one completes it).
"""

from __future__ import annotations

import contextlib
import threading
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.services import service_link
from cowork_desktop.services import settings as model
from cowork_desktop.services.service_link import PublishStopped, publish_stoppable, where

if TYPE_CHECKING:
    from cowork_desktop.services.publish import PublishReport
    from cowork_desktop.ui.host import HostWindow

#: how long closing the app waits for a publish to stop after its current batch
STOP_WAIT_S = 30.0


class PublishRunner(QObject):
    """One window's background publishing. ``finished`` carries the PublishReport, or the error's text."""

    finished = Signal(object)

    def __init__(self, window: HostWindow) -> None:
        super().__init__(window)  # the window is its parent (never kept in an attribute: no reference cycle)
        self.url = ""
        self.automatic = False
        self.worker: threading.Thread | None = None
        self.pending = False
        self.stopping = threading.Event()
        self.last: PublishReport | str | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.publish_now)
        self.label = QLabel()
        self.label.setObjectName("serviceStatus")
        self.label.setAccessibleName(self.tr("Service"))
        window.statusBar().addPermanentWidget(self.label)
        self.finished.connect(self._done)
        self.configure()

    @property
    def window(self) -> HostWindow:
        return self.parent()  # type: ignore[return-value]

    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.is_alive()

    def _show(self, text: str, tip: str = "") -> None:
        self.label.setText(text)
        self.label.setToolTip(tip)
        self.label.setAccessibleDescription(tip or text)
        self.label.setVisible(bool(text))

    def configure(self) -> None:
        """Read the service settings again (at start, and after Settings saved): publish soon when they ask."""
        try:
            chosen = model.load(self.window.ws.store)
        except CoworkError:
            return
        changed = (chosen.service_url, chosen.publish_when_reachable) != (self.url, self.automatic)
        self.url, self.automatic = chosen.service_url, chosen.publish_when_reachable
        if not self.url:
            self.timer.stop()
            self._show("")
            return
        if not changed:
            return
        if self.automatic:
            self._show(self.tr("Service: publishing soon"), where(self.url))
            self.schedule(service_link.AFTER_START_S)
        else:
            self.timer.stop()
            self._show(
                self.tr("Service: publishing by hand (File ▸ Publish to the service now)"), where(self.url)
            )

    def schedule(self, seconds: float) -> None:
        """A publish in ``seconds`` (sooner if one is already due sooner)."""
        if not self.url or self.stopping.is_set():
            return
        wanted = int(seconds * 1000)
        if self.timer.isActive() and self.timer.remainingTime() <= wanted:
            return
        self.timer.start(wanted)

    def after_signing(self) -> None:
        """A record was signed: publish it a little later (signings in a row go together)."""
        if self.automatic:
            self.schedule(service_link.AFTER_SIGNING_S)

    def publish_now(self) -> None:
        source = getattr(self.window.backups, "source", None)
        if not self.url or source is None or self.stopping.is_set():
            return
        if self.running:
            self.pending = True
            return
        self.timer.stop()
        self.pending = False
        self._show(self.tr("Service: publishing…"), where(self.url))
        lock: threading.Lock = self.window.backups.source_lock
        self.worker = threading.Thread(
            target=self._run, args=(source, lock, self.url), name="publish", daemon=True
        )
        self.worker.start()

    def _run(self, source: object, lock: threading.Lock, url: str) -> None:
        try:
            with lock:
                result: object = publish_stoppable(source, url, self.stopping.is_set)  # type: ignore[arg-type]
        except PublishStopped:
            return  # the app is closing: nobody to tell
        except Exception as exc:  # publishing must never take the app down: say it could not
            result = str(exc) or type(exc).__name__
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.finished.emit(result)

    def _done(self, result: object) -> None:
        self.last = result  # type: ignore[assignment]
        now = datetime.now().strftime("%H:%M")
        bar = self.window.statusBar()
        if isinstance(result, str):
            again = service_link.UNREACHABLE_MINUTES
            at = (datetime.now() + timedelta(minutes=again)).strftime("%H:%M")
            self._show(
                self.tr("Service: not published at %1, trying again at %2")
                .replace("%1", now)
                .replace("%2", at),
                result,
            )
            bar.showMessage(self.tr("Not published: %1").replace("%1", result), 10000)
        else:
            report: PublishReport = result  # type: ignore[assignment]
            again = service_link.AGAIN_MINUTES
            if report.refused:
                self._show(
                    self.tr(
                        "Service: %n record(s) not published, they fail the checks", "", len(report.refused)
                    ),
                    "\n".join(str(f) for f in report.refused),
                )
            else:
                self._show(
                    self.tr("Service: published at %1").replace("%1", now),
                    self.tr("%1: %2 signed record(s) sent now, %3 there before")
                    .replace("%1", where(self.url))
                    .replace("%2", str(report.sent))
                    .replace("%3", str(report.already)),
                )
            if report.sent:
                bar.showMessage(
                    self.tr("Published %n signed record(s) to the service", "", report.sent), 8000
                )
        if self.pending:
            self.pending = False
            self.schedule(service_link.AFTER_SIGNING_S)
        elif self.automatic:
            self.schedule(again * 60)

    def stop(self) -> None:
        """The app (or this database) is closing: no more publishing; a running one stops after its batch."""
        self.stopping.set()
        self.timer.stop()
        if self.worker is not None and self.worker.is_alive():
            self.worker.join(STOP_WAIT_S)
