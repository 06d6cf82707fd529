"""Run in a fresh process by the benchmarks: start, wait for the first paint of the main window, report, exit.

``python -m benchmarks.probe app DB``  starts cowork-desktop on DB through :func:`cowork_desktop.app.main`;
``python -m benchmarks.probe bare``    shows a bare PySide6 ``QMainWindow`` of the same size (the baseline).

When the main window (or a widget in it) gets its first paint event, a zero-delay timer runs after that paint
completes, prints one JSON line ``{"rss_mb": ...}`` (peak resident memory so far, VmHWM) and exits
at once (the parent times the process from its start to that line). Nothing else is imported before the app's
own start-up code runs.
"""

from __future__ import annotations

import json
import os
import resource
import sys

WINDOW_SIZE = (1280, 800)


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


def _report() -> None:
    rss_mb = peak_rss_mb()
    sys.stdout.write(json.dumps({"rss_mb": round(rss_mb, 1)}) + "\n")
    sys.stdout.flush()
    os._exit(0)


def _first_paint_filter() -> object:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and isinstance(watched.window(), QMainWindow)
            ):
                app = QApplication.instance()
                if app is not None:
                    app.removeEventFilter(self)
                QTimer.singleShot(0, _report)
            return False

    return FirstPaint()


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else "bare"
    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication([sys.argv[0]])
        watcher = _first_paint_filter()
        app.installEventFilter(watcher)  # type: ignore[arg-type]
        window = QMainWindow()
        window.resize(*WINDOW_SIZE)
        window.show()
        return app.exec()
    if mode == "app":
        from cowork_desktop import app as cowork_app

        qapp = cowork_app._application()
        watcher = _first_paint_filter()
        qapp.installEventFilter(watcher)  # type: ignore[arg-type]
        return cowork_app.main(["--db", argv[1]])
    raise SystemExit(f"unknown probe {mode!r}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
