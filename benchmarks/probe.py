"""Run in a fresh process by the benchmarks: start, watch the first seconds of the GUI thread, report, exit.

``python -m benchmarks.probe app DB [--team] [--watch-ms N]``  cowork-desktop on DB through
:func:`cowork_desktop.app.main`, as a user starts it;
``python -m benchmarks.probe bare [--paint-only]``  a bare PySide6 ``QMainWindow`` of the same size (the start-up baseline);
``python -m benchmarks.probe table DB DAY``  the same bare window, plus one plain sqlite3 read of the dashboard's rows
shown in a ``QTableView`` (the baseline of the time to interactive).

The parent passes its ``time.monotonic()`` taken just before it started this process in ``COWORK_BENCH_T0``
(CLOCK_MONOTONIC is one clock for every process of the machine), and every time reported is in ms since then.
One JSON line is printed per event:

``{"event": "paint", "ms": ..., "rss_mb": ..., "rows": ...}``
    the first paint of the main window with real data: a paint event of a widget in the ``QMainWindow`` once
    the dashboard's table has rows (``rows``; a window without a dashboard: the first paint), reported from a
    zero-delay timer, i.e. once that paint has completed. If no paint with data comes within
    :data:`DATA_WAIT_MS` of the first paint, the first paint is reported with ``"rows": 0``.
``{"event": "interactive", "ms": ..., "max_stall_ms": ..., "stalls": [...], ...}``
    when the GUI thread became free: from the first paint, a timer beats every :data:`HEARTBEAT_MS` ms; a gap
    of more than :data:`STALL_MS` ms between two beats is a stall (the thread was busy). The watch lasts until
    ``--watch-ms`` after the process started and at least :data:`QUIET_MS` ms after the end of the last stall
    (at most :data:`MAX_WATCH_MS`). ``ms`` is the end of the last stall seen, or the first beat after the
    paint when there was none: every start-up task queued in those seconds (page check, backup, first reads)
    has run by then, and the thread answers within :data:`STALL_MS` ms.
``{"event": "team_view", "open_ms": ..., "rss_mb": ...}`` (``app --team``)
    the dashboard's "Team view" tab opened and filled (drift and promises), repainted; ``rss_mb`` is the peak
    resident memory (VmHWM) of the process with it open.

With ``--paint-only`` the process exits after the first event. Then the process exits at once (``os._exit``). Nothing but the standard library is imported before the app's
own start-up code runs.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from typing import Any

WINDOW_SIZE = (1280, 800)
T0_ENV = "COWORK_BENCH_T0"
HEARTBEAT_MS = 10
#: a gap longer than this between two heartbeats is a stall of the GUI thread
STALL_MS = 50
#: the watch goes on this long after the last stall
QUIET_MS = 1000
#: and stops here whatever happens
MAX_WATCH_MS = 60_000
#: a paint with data must come this long after the first paint (else the first paint is reported)
DATA_WAIT_MS = 30_000
#: the team view must be filled within this
TEAM_VIEW_TIMEOUT_MS = 600_000
#: a stall is reported in ``max_stall_ms`` when it starts within this of the process start (the issue's 5 s)
EARLY_MS = 5000

_T0 = float(os.environ.get(T0_ENV) or time.monotonic())


def now_ms() -> float:
    return (time.monotonic() - _T0) * 1000


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not getrusage's ru_maxrss: on Linux a child keeps the
    ru_maxrss of the parent it was forked from (the benchmark runner), VmHWM starts again at exec."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _say(**event: Any) -> None:
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


def _row_count(window: Any) -> int | None:
    """Rows in the main window's dashboard table (None: no dashboard, e.g. the bare window)."""
    dashboard = getattr(window, "dashboard", None)
    model = getattr(dashboard, "model", None) if dashboard is not None else None
    if model is None:
        model = getattr(window, "bench_model", None)
    return int(model.rowCount()) if model is not None else None


def team_view_ready(view: Any) -> bool:
    """The team view has its drift and promises (``kept`` set) and says it is not loading any more."""
    if getattr(view, "kept", None) is None:
        return False
    for flag in ("loading", "busy", "is_loading", "is_busy"):
        value = getattr(view, flag, None)
        if callable(value):
            value = value()
        if isinstance(value, bool) and value:
            return False
    return True


class _Session:
    """What the probe watches in one process: the first paint, the heartbeats, then the team view."""

    def __init__(self, watch_until_ms: float, team: bool, paint_only: bool = False) -> None:
        self.watch_until_ms = watch_until_ms
        self.team = team
        self.paint_only = paint_only
        self.first_paint_ms: float | None = None
        self.painted = False
        self.window: Any = None
        self.stalls: list[tuple[float, float]] = []
        self.first_beat: float | None = None
        self.last_beat = 0.0
        self.timer: Any = None
        self.paint_ms = 0.0

    # -- first paint with data ----------------------------------------------------------------------
    def paint_filter(self) -> Any:
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

        session = self

        class FirstPaint(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if (
                    not session.painted
                    and event.type() == QEvent.Type.Paint
                    and isinstance(watched, QWidget)
                    and isinstance(watched.window(), QMainWindow)
                ):
                    window = watched.window()
                    rows = _row_count(window)
                    if session.first_paint_ms is None:
                        session.first_paint_ms = now_ms()
                        QTimer.singleShot(DATA_WAIT_MS, lambda: session.reported(window, 0))
                    if rows is None or rows > 0:
                        app = QApplication.instance()
                        if app is not None:
                            app.removeEventFilter(self)
                        QTimer.singleShot(0, lambda: session.reported(window, rows))
                return False

        return FirstPaint()

    def reported(self, window: Any, rows: int | None) -> None:
        if self.painted:
            return
        self.painted = True
        self.window = window
        self.paint_ms = now_ms()
        _say(event="paint", ms=round(self.paint_ms, 2), rss_mb=round(peak_rss_mb(), 1), rows=rows)
        if self.paint_only:
            os._exit(0)
        self.start_watch()

    # -- heartbeats ---------------------------------------------------------------------------------
    def start_watch(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.last_beat = self.paint_ms
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self.beat)
        QTimer.singleShot(0, self.beat)
        self.timer.start()

    def beat(self) -> None:
        now = now_ms()
        gap = now - self.last_beat
        self.last_beat = now
        if self.first_beat is None:
            self.first_beat = now
        if gap > STALL_MS:
            self.stalls.append((now - gap, now))
        last_end = self.stalls[-1][1] if self.stalls else self.paint_ms
        if (now >= self.watch_until_ms and now - last_end >= QUIET_MS) or now >= MAX_WATCH_MS:
            self.timer.stop()
            self.interactive(now)

    def interactive(self, watched_ms: float) -> None:
        assert self.first_beat is not None
        ready = self.stalls[-1][1] if self.stalls else self.first_beat
        early = [end - start for start, end in self.stalls if start < EARLY_MS]
        longest = sorted(self.stalls, key=lambda s: s[0] - s[1])[:5]
        _say(
            event="interactive",
            ms=round(ready, 2),
            max_stall_ms=round(max(early), 1) if early else 0.0,
            stalls_over_100ms=sum(1 for d in early if d > 100),
            stalls=[[round(a), round(b - a)] for a, b in longest],
            watched_ms=round(watched_ms),
        )
        if self.team:
            self.open_team_view()
        else:
            os._exit(0)

    # -- the team view ------------------------------------------------------------------------------
    def open_team_view(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QTabWidget, QWidget

        window = self.window
        view = window.findChild(QWidget, "teamView")
        tabs = window.findChild(QTabWidget, "dashboardTabs")
        if view is None or tabs is None:
            _say(event="team_view", open_ms=None, rss_mb=round(peak_rss_mb(), 1), error="no team view found")
            os._exit(0)
        if hasattr(window, "go"):
            window.go("dashboard")
        started = now_ms()
        tabs.setCurrentWidget(view)

        def poll() -> None:
            if team_view_ready(view):
                view.repaint()
                _say(
                    event="team_view",
                    open_ms=round(now_ms() - started, 2),
                    rss_mb=round(peak_rss_mb(), 1),
                    rows=int(view.model.rowCount()) if hasattr(view, "model") else None,
                )
                os._exit(0)
            if now_ms() - started > TEAM_VIEW_TIMEOUT_MS:
                _say(event="team_view", open_ms=None, rss_mb=round(peak_rss_mb(), 1), error="timed out")
                os._exit(0)
            QTimer.singleShot(1, poll)

        QTimer.singleShot(0, poll)


def _bare_window(db: str | None, on: str) -> Any:
    """A bare QMainWindow; with ``db``, the rows the dashboard reads (plain sqlite3) in a QTableView."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
    from PySide6.QtWidgets import QMainWindow, QTableView

    window = QMainWindow()
    window.resize(*WINDOW_SIZE)
    if db is None:
        return window
    import sqlite3

    from benchmarks.baselines import DASHBOARD_SQL

    conn = sqlite3.connect(db)
    rows = conn.execute(DASHBOARD_SQL, {"on": on}).fetchall()
    conn.close()

    class Rows(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else len(rows)

        def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 9

        def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                value = rows[index.row()][index.column()]
                return "" if value is None else str(value)
            return None

    model = Rows(window)
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.bench_model = model  # type: ignore[attr-defined]
    return window


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else "bare"
    team = "--team" in argv
    watch_ms = 0.0
    if "--watch-ms" in argv:
        watch_ms = float(argv[argv.index("--watch-ms") + 1])
    session = _Session(watch_ms, team, paint_only="--paint-only" in argv)
    if mode in ("bare", "table"):
        from PySide6.QtWidgets import QApplication

        app = QApplication([sys.argv[0]])
        watcher = session.paint_filter()
        app.installEventFilter(watcher)
        window = _bare_window(argv[1] if mode == "table" else None, argv[2] if mode == "table" else "")
        window.show()
        return app.exec()
    if mode == "app":
        from cowork_desktop import app as cowork_app

        qapp = cowork_app._application()
        watcher = session.paint_filter()
        qapp.installEventFilter(watcher)
        return cowork_app.main(["--db", argv[1]])
    raise SystemExit(f"unknown probe {mode!r}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
