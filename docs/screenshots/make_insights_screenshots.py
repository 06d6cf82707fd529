"""Render the co-working health views from the demo data, in the normal and the high-contrast theme.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_insights_screenshots.py [--out DIR]

Writes case-health.png (CR-2026-0107's "Co-working health" tab, its whole content; case-health-window.png is the
window around it), team-view.png (the dashboard's team view) and
worker-devlog.png (a student's development log), and the same with ``-high-contrast``, from a throw-away database
with the demo loaded for today. With ``--pdf`` it also writes the student's development-log PDF next to them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from cowork_desktop.services import insights  # noqa: E402
from cowork_desktop.services.demo import load_demo  # noqa: E402
from cowork_desktop.services.sessions import Workspace  # noqa: E402
from cowork_desktop.store.opening import open_store  # noqa: E402
from cowork_desktop.ui import theme  # noqa: E402
from cowork_desktop.ui.main_window import MainWindow  # noqa: E402

CASE = "CR-2026-0107"
STUDENT = "Mei Lin Chen"


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    parser.add_argument("--pdf", action="store_true", help="also write the student's development log PDF")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "demo.db", actor="screenshots")
        ws = Workspace.open(store)
        load_demo(ws, date.today())
        for high_contrast, suffix in ((False, ""), (True, "-high-contrast")):
            theme.apply_theme(app, high_contrast, 1.0, persist=False)
            window = MainWindow(ws)
            window.resize(1366, 850)
            window.show()
            settle(app)
            window.show_case(ws.store.find_case(CASE).id or 0)
            window.case_page.tabs.setCurrentWidget(window.case_page.health)
            settle(app)
            # the tab's whole content (on a 850-pixel-high window the tab itself shows part of it and scrolls)
            body = window.case_page.health.findChild(QWidget, "caseInsightsBody")
            assert body is not None
            body.grab().save(str(args.out / f"case-health{suffix}.png"))
            window.grab().save(str(args.out / f"case-health-window{suffix}.png"))
            window.go("dashboard")
            window.dashboard.tabs.setCurrentWidget(window.dashboard.team_view)
            settle(app)
            window.grab().save(str(args.out / f"team-view{suffix}.png"))
            window.show_worker(ws.store.find_worker(STUDENT).id or 0)
            settle(app)
            window.grab().save(str(args.out / f"worker-devlog{suffix}.png"))
            window.close()
            window.deleteLater()
            settle(app)
        if args.pdf:
            insights.export_development_log(ws, ws.store.find_worker(STUDENT).id or 0, args.out)
        store.close()


if __name__ == "__main__":
    main()
