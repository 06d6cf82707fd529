"""The co-working health views built from the demo data: the team view, the case panel, the charts, the worker page
and the calendar and development-log exports.

The demo is loaded with today = 2026-11-23 (as in ``tests/unit/test_insights.py``); every figure below is worked
out by hand from ``services/demo.py`` (see the docstrings there and in the unit tests), not read back from the code.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
from helpers.modal import answer_questions
from helpers.widgets import shown as _shown
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.cadence import CadenceStatus
from cowork_desktop.domain.insights import LadderPoint
from cowork_desktop.domain.models import RecordKind, RecordStatus
from cowork_desktop.export.signing import create_certificate
from cowork_desktop.services import export
from cowork_desktop.services.demo import MANAGER_NAME
from cowork_desktop.services.export import default_certificate_path
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.services.signing_keys import SIGNERS
from cowork_desktop.ui import theme
from cowork_desktop.ui.case_page import CasePage
from cowork_desktop.ui.charts import CadenceTimeline, LadderTrend, cadence_summary
from cowork_desktop.ui.dashboard import DashboardPage
from cowork_desktop.ui.insights_views import CaseInsightsPanel, DriftModel, TeamView, promises_text
from cowork_desktop.ui.main_window import MainWindow
from cowork_desktop.ui.worker_page import WorkerPage
from cowork_desktop.ui.workers import WorkersPage

TODAY = date(2026, 11, 23)


def T(days: int) -> date:
    return TODAY + timedelta(days=days)


@pytest.fixture(scope="module")
def demo(demo_ws: Workspace) -> Workspace:
    return demo_ws  # the demo around TODAY (helpers.demo)


def _reckoned(qtbot: QtBot, view: TeamView | WorkerPage) -> None:
    """The team view and the development log are read off the GUI thread: wait until they are shown."""
    qtbot.waitUntil(lambda: not view.loading, timeout=10000)


def _case_id(ws: Workspace, reference: str) -> int:
    case_id = ws.store.find_case(reference).id
    assert case_id is not None
    return case_id


def _worker_id(ws: Workspace, name: str) -> int:
    worker_id = ws.store.find_worker(name).id
    assert worker_id is not None
    return worker_id


def _no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def fake(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", staticmethod(fake))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake))
    return shown


def _refused_over_the_open_database(
    monkeypatch: pytest.MonkeyPatch,
    demo: Workspace,
    export: Callable[[], object],
    shown: list[str],
    suffix: str,
) -> None:
    """The open database picked in the save dialog: ``export()`` refuses, and saves nothing beside it either."""
    _save_as(monkeypatch, demo.store.path)
    assert export() is None
    assert "is the open cowork database" in shown[-1] and not Path(f"{demo.store.path}{suffix}").exists()


def _disguised_database(monkeypatch: pytest.MonkeyPatch, demo: Workspace, target: Path) -> tuple[Path, bytes]:
    """A copy of the database at ``target`` (a name that is not a database's), picked in the save dialog; the
    copy and its bytes."""
    shutil.copy(demo.store.path, target)
    _save_as(monkeypatch, target)
    return target, target.read_bytes()


def _worker_page(qtbot: QtBot, demo: Workspace, name: str) -> WorkerPage:
    """The worker page on TODAY, shown, the worker called ``name`` chosen and their log reckoned."""
    page = WorkerPage(demo, today=TODAY)
    _shown(qtbot, page)
    page.show_worker(_worker_id(demo, name))
    _reckoned(qtbot, page)
    return page


def _save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    suggested: list[str] = []

    def fake(_parent: Any, _caption: str, directory: str = "", *args: Any, **kwargs: Any) -> tuple[str, str]:
        suggested.append(directory)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return suggested


# ------------------------------------------------------------------------------------------------ team view

#: by hand (tests/unit/test_insights.py, test_demo_team_drift): 2 D + floor(R / 7) + 3 F + A + 5 N
EXPECTED_DRIFT = [
    ("CR-2026-0107", 11, "▲  Drifting", 4, 0, 1, 0),  # D=4, F=1
    ("CR-2026-0105", 8, "▲  Drifting", 3, 18, 0, 0),  # D=3, review 18 days overdue: 2 weeks
    ("CR-2026-0106", 7, "▲  Drifting", 2, 0, 1, 0),  # D=2, F=1
    ("CR-2026-0102", 5, "▲  Drifting", 0, 0, 0, 0),  # the initial meeting is overdue: 5
    ("CR-2026-0109", 5, "▲  Drifting", 2, 0, 0, 1),  # D=2, one action overdue
    ("CR-2026-0104", 2, "●  Watch", 1, 0, 0, 0),
    ("CR-2026-0108", 2, "●  Watch", 1, 0, 0, 0),
    ("CR-2026-0101", 0, "○  On track", 0, 0, 0, 0),
    ("CR-2026-0103", 0, "○  On track", 0, 0, 0, 0),
    ("CR-2026-0111", 0, "○  On track", 0, 0, 0, 0),
    ("CR-2026-0112", 0, "○  On track", 0, 0, 0, 0),
]


def test_team_view_sorts_by_drift_with_the_hand_computed_scores(qtbot: QtBot, demo: Workspace) -> None:
    page = DashboardPage(demo, on=TODAY)
    _shown(qtbot, page)
    view = page.team_view
    assert view.model.rowCount() == 0  # filled only when its tab is shown
    page.tabs.setCurrentWidget(view)
    assert view.loading and view.progress.isVisible()  # off the GUI thread, with a progress indicator
    _reckoned(qtbot, view)
    assert not view.progress.isVisible()
    m = view.model
    cols = (
        DriftModel.COL_CASE,
        DriftModel.COL_SCORE,
        DriftModel.COL_BAND,
        DriftModel.COL_DISCUSSIONS,
        DriftModel.COL_REVIEW,
        DriftModel.COL_FLAGGED,
        DriftModel.COL_ACTIONS,
    )
    rows = [tuple(m.index(r, c).data() for c in cols) for r in range(m.rowCount())]
    assert rows == [tuple(str(v) if isinstance(v, int) else v for v in row) for row in EXPECTED_DRIFT]
    assert (
        view.counts_label.text()
        == "5 drifting, 2 to watch, 4 on track — 11 active co-allocations on 23 Nov 2026"
    )
    # the reasons in words; 0110 (ended ten days ago) is not in the team view
    why = {m.index(r, 0).data(): m.index(r, DriftModel.COL_WHY).data() for r in range(m.rowCount())}
    assert why["CR-2026-0102"].startswith("The initial meeting is overdue")
    assert "4 agreed case discussions missed (2 points each: 8)" in why["CR-2026-0107"]
    assert "18 days overdue (2 whole weeks: 2 points)" in why["CR-2026-0105"]
    assert why["CR-2026-0112"] == "Co-working as agreed"
    assert "CR-2026-0110" not in why
    # the band is a word and a shape, and coloured
    band = m.index(0, DriftModel.COL_BAND)
    assert band.data(Qt.ItemDataRole.AccessibleTextRole) == "Drifting into parallel working"
    assert band.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "Daniel Mensah" in m.index(2, DriftModel.COL_WORKERS).data()  # 0106: Daniel and Tomás


def test_team_view_promises_per_worker(qtbot: QtBot, demo: Workspace) -> None:
    """By hand (test_demo_promises): Daniel 2 of 3, Tomás 2 of 2, Siobhán 1 of 1, Aisha 1 of 1, Łukasz 0 of 1,
    Mei Lin 1 of 2; team 7 of 10. The other workers own only actions not yet due."""
    view = TeamView(demo, on=TODAY)
    _shown(qtbot, view)
    _reckoned(qtbot, view)
    kept = {row[0]: row[-1] for row in view.worker_rows()}
    assert {name: share for name, share in kept.items() if share != "—"} == {
        "Daniel Mensah": "2 of 3 (67%)",
        "Tomás García-Núñez": "2 of 2 (100%)",
        "Siobhán Nic Giolla Phádraig": "1 of 1 (100%)",
        "عائشة خان": "1 of 1 (100%)",
        "Łukasz Wiśniewski": "0 of 1 (0%)",
        "Mei Lin Chen": "1 of 2 (50%)",
    }
    daniel = next(r for r in view.worker_rows() if r[0] == "Daniel Mensah")
    assert daniel[1:4] == ("2", "0", "1")  # on time, late, not done: 0110's review action never reviewed
    assert view.total_label.text() == "Team: 7 of 10 actions done on time (70%)"


def test_a_line_of_the_team_view_opens_its_case(qtbot: QtBot, demo: Workspace) -> None:
    page = DashboardPage(demo, on=TODAY)
    _shown(qtbot, page)
    page.tabs.setCurrentWidget(page.team_view)
    _reckoned(qtbot, page.team_view)
    with qtbot.waitSignal(page.case_opened, timeout=2000) as blocker:
        page.team_view.table.activated.emit(page.team_view.model.index(0, 0))
    assert blocker.args == [_case_id(demo, "CR-2026-0107")]


def test_changing_the_dashboard_date_refreshes_the_team_view(qtbot: QtBot, demo: Workspace) -> None:
    page = DashboardPage(demo, on=TODAY)
    _shown(qtbot, page)
    page.tabs.setCurrentWidget(page.team_view)
    # two weeks on, 0107 has missed one more discussion (T+14 - 7 > window) and the score only grows
    page.set_date(T(14))
    _reckoned(qtbot, page.team_view)
    assert page.team_view.on == T(14)
    assert int(page.team_view.model.index(0, DriftModel.COL_SCORE).data()) > 11


# ------------------------------------------------------------------------------------------------ case panel


def _panel(qtbot: QtBot, ws: Workspace, reference: str) -> CaseInsightsPanel:
    page = CasePage(ws, on=TODAY)
    _shown(qtbot, page, 1200, 900)
    page.show_case(_case_id(ws, reference))
    assert page.health.view is None  # nothing computed until the tab is shown
    page.tabs.setCurrentWidget(page.health)
    assert page.health.view is not None
    return page.health


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        # by hand (test_demo_promises): 0109 one done, one found not done; 0110 2 of 4; 0107 both on time
        ("CR-2026-0109", "1 of 2 actions done on time (50%)"),
        ("CR-2026-0110", "2 of 4 actions done on time (50%)"),
        ("CR-2026-0107", "2 of 2 actions done on time (100%)"),
        ("CR-2026-0101", "No agreed action has fallen due yet."),
    ],
)
def test_case_panel_promises(qtbot: QtBot, demo: Workspace, reference: str, expected: str) -> None:
    panel = _panel(qtbot, demo, reference)
    assert panel.promises_label.text() == expected


def test_case_panel_lists_the_actions_not_done(qtbot: QtBot, demo: Workspace) -> None:
    panel = _panel(qtbot, demo, "CR-2026-0109")
    lines = panel.promises_details.text().splitlines()
    assert len(lines) == 1 and lines[0].startswith("• Not done: ")
    assert "Łukasz Wiśniewski" in lines[0]  # the second action's owner (owners alternate)
    assert not panel.promises_details.isHidden()


def test_case_panel_drift_in_words(qtbot: QtBot, demo: Workspace) -> None:
    panel = _panel(qtbot, demo, "CR-2026-0107")
    assert panel.band_label.text() == "▲  Drifting into parallel working — score 11"
    text = panel.drift_label.text()
    assert "4 agreed case discussions missed (2 points each: 8)" in text
    assert "1 review flagged delays, disagreements or uncertainty about roles (3 points each: 3)" in text
    ended = _panel(qtbot, demo, "CR-2026-0110")
    assert ended.band_label.text() == "Co-working has ended"
    assert not ended.calendar_button.isEnabled()


def test_cadence_timeline_summary_matches_the_points(qtbot: QtBot, demo: Workspace) -> None:
    """0107 (test_demo_case_page): discussions expected T-56, -42, -28, -14 missed and T held on T-3."""
    panel = _panel(qtbot, demo, "CR-2026-0107")
    view = panel.view
    assert view is not None and view.discussions is not None
    assert [p.status for p in view.discussions.points] == [CadenceStatus.MISSED] * 4 + [CadenceStatus.HELD]
    assert cadence_summary(view.discussions) == (
        "1 of 5 agreed discussions held; 4 missed: 28 Sep, 12 Oct, 26 Oct, 9 Nov."
    )
    timeline = panel.timeline
    description = timeline.accessibleDescription()
    assert description.startswith(
        "Case discussions: 1 of 5 agreed discussions held; 4 missed: 28 Sep, 12 Oct, 26 Oct, 9 Nov."
    )
    assert f"Joint supervision: {cadence_summary(view.supervision, 'joint supervisions')}" in description
    marks = [m for m in timeline.marks() if "Case discussions" in m.tooltip]
    assert [(m.kind, m.day) for m in marks] == [
        ("missed", T(-56)),
        ("missed", T(-42)),
        ("missed", T(-28)),
        ("missed", T(-14)),
        ("held", T(-3)),
    ]
    assert marks[-1].tooltip == "Case discussions: agreed for 23 Nov 2026, held on 20 Nov 2026"
    # the marks lie inside the widget, left to right in date order
    xs = [m.rect.center().x() for m in marks]
    assert xs == sorted(xs) and xs[0] > 0 and xs[-1] < timeline.width()


def test_cadence_summary_counts_pending_and_extra() -> None:
    from cowork_desktop.domain.cadence import cadence

    c = cadence("FREQ=WEEKLY;INTERVAL=2", date(2026, 11, 2), [date(2026, 11, 15), date(2026, 11, 20)], TODAY)
    assert c is not None
    # expected 16 Nov (held 15 Nov), 30 Nov is after the day: none pending; 20 Nov is an extra
    assert cadence_summary(c) == "1 of 1 agreed discussions held; 1 more held besides."
    early = cadence("FREQ=WEEKLY;INTERVAL=2", date(2026, 11, 2), [], date(2026, 11, 18))
    assert early is not None
    assert cadence_summary(early) == "No agreed discussions have fallen due yet; 1 not yet due (16 Nov)."
    assert cadence_summary(None) == "No frequency of discussions agreed yet."


def test_ladder_trend_has_one_point_per_review(qtbot: QtBot, demo: Workspace) -> None:
    for reference in ("CR-2026-0107", "CR-2026-0106", "CR-2026-0104"):
        panel = _panel(qtbot, demo, reference)
        case_id = _case_id(demo, reference)
        reviews = [
            r
            for r in demo.store.records_for_case(case_id)
            if r.kind == RecordKind.REVIEW and r.status == RecordStatus.SIGNED
        ]
        assert len(panel.ladder.marks()) == len(reviews), reference
    # 0107: one review on T-28 answered "Collaboration", rung 6 of 0..8
    panel = _panel(qtbot, demo, "CR-2026-0107")
    assert [(m.day, m.tooltip) for m in panel.ladder.marks()] == [
        (T(-28), "Review of 26 Oct 2026: Collaboration (rung 6 of 8)")
    ]
    assert panel.ladder.accessibleDescription() == (
        "Partnership ladder over 1 review: 26 Oct 2026: Collaboration (6 of 8)."
    )


def test_ladder_trend_draws_a_rising_line(qtbot: QtBot) -> None:
    rungs = ("Conflict", "Competition", "Co-existence", "Compliance", "Co-operation", "Co-ordination",
             "Collaboration", "Co-ownership", "Full partnership")  # fmt: skip
    chart = LadderTrend()
    _shown(qtbot, chart, 600, 260)
    points = [
        LadderPoint(date(2026, 9, 1), 1, 3, "Compliance"),
        LadderPoint(date(2026, 10, 1), 2, 5, "Co-ordination"),
        LadderPoint(date(2026, 11, 1), 3, 6, "Collaboration"),
    ]
    chart.set_points(points, rungs)
    centres = [m.rect.center() for m in chart.marks()]
    assert len(centres) == 3
    assert centres[0].x() < centres[1].x() < centres[2].x()
    assert centres[0].y() > centres[1].y() > centres[2].y()  # higher rung, higher on the screen
    assert chart.accessibleDescription().endswith("Up 3 rungs since the first.")
    assert not chart.grab().isNull()


def test_charts_paint_in_high_contrast(qtbot: QtBot, qapp: QApplication, demo: Workspace) -> None:
    theme.apply_theme(qapp, True, 1.5, persist=False)
    panel = _panel(qtbot, demo, "CR-2026-0105")
    image = panel.timeline.grab().toImage()
    assert image.pixelColor(3, image.height() // 2).name() == "#000000"
    assert panel.timeline.heightForWidth(400) >= panel.timeline.heightForWidth(1000)
    empty = CadenceTimeline()
    _shown(qtbot, empty, 400, 120)
    assert empty.summary() == "No co-working to show." and not empty.grab().isNull()


# ------------------------------------------------------------------------------------------------- calendar


def test_case_and_team_calendar_export(
    qtbot: QtBot, demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _no_message_boxes(monkeypatch)
    panel = _panel(qtbot, demo, "CR-2026-0107")
    target = tmp_path / "case"  # the .ics suffix is added
    suggested = _save_as(monkeypatch, target)
    written = panel.export_calendar()
    assert written == tmp_path / "case.ics" and suggested[0].endswith("co-working-CR-2026-0107.ics")
    cal = icalendar.Calendar.from_ical(written.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert events and all(str(e["SUMMARY"]).startswith("CR-2026-0107") for e in events)
    assert "Saved" in shown[-1]

    view = TeamView(demo, on=TODAY)
    _shown(qtbot, view)
    _reckoned(qtbot, view)
    team = tmp_path / "team.ics"
    _save_as(monkeypatch, team)
    assert view.export_calendar() == team
    found = list(icalendar.Calendar.from_ical(team.read_bytes()).walk("VEVENT"))
    refs = {str(e["SUMMARY"]).split(":")[0] for e in found if e.get("STATUS") != "CANCELLED"}
    assert {"CR-2026-0107", "CR-2026-0105", "CR-2026-0112"} <= refs
    assert "CR-2026-0110" not in refs  # ended: its events are sent again as cancelled, so calendars drop them
    assert {str(e["SUMMARY"]).split(":")[0] for e in found if e.get("STATUS") == "CANCELLED"} == {
        "CR-2026-0110"
    }
    assert "cancelled 3 of ended co-working" in shown[-1]


def test_calendar_export_cancelled_writes_nothing(
    qtbot: QtBot, demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    view = TeamView(demo, on=TODAY)
    _shown(qtbot, view)
    _reckoned(qtbot, view)
    assert view.export_calendar() is None


def test_calendar_export_asks_before_replacing_a_file(
    qtbot: QtBot, demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _no_message_boxes(monkeypatch)
    view = TeamView(demo, on=TODAY)
    _shown(qtbot, view)
    _reckoned(qtbot, view)
    target = tmp_path / "team.ics"
    target.write_bytes(b"an older calendar")
    _save_as(monkeypatch, tmp_path / "team")  # the name actually written gets .ics: asked about by that name
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.No)
    assert view.export_calendar() is None
    assert asked == [f"team.ics already exists in {tmp_path}. Replace it? The file there now will be lost."]
    assert target.read_bytes() == b"an older calendar"
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    assert view.export_calendar() == target
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR") and target.stat().st_mode & 0o777 == 0o600
    assert len(asked) == 1 and "Saved" in shown[-1]


def test_calendar_export_never_writes_over_the_database(
    qtbot: QtBot, demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _no_message_boxes(monkeypatch)
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    view = TeamView(demo, on=TODAY)
    _shown(qtbot, view)
    _reckoned(qtbot, view)
    _refused_over_the_open_database(monkeypatch, demo, view.export_calendar, shown, ".ics")
    # any database, by content: a copy named .ics
    disguised, before = _disguised_database(monkeypatch, demo, tmp_path / "old.ics")
    assert view.export_calendar() is None
    assert asked == [] and "is an SQLite database" in shown[-1] and "never writes over it" in shown[-1]
    assert disguised.read_bytes() == before


# ---------------------------------------------------------------------------------------------- worker page


def test_worker_page_shows_a_students_log_by_domain_and_over_time(qtbot: QtBot, demo: Workspace) -> None:
    """Mei Lin (test_demo_development_logs): 5 entries from 0110 and 0105; skills 5, leadership 3,
    professionalism 2, contexts 2, critical reflection 1, knowledge 0."""
    page = WorkerPage(demo, today=TODAY)
    _shown(qtbot, page)
    page.show_worker(_worker_id(demo, "Mei Lin Chen"))
    assert page.title.text() == "Mei Lin Chen"
    assert page.loading and page.progress.isVisible()  # off the GUI thread, with a progress indicator
    _reckoned(qtbot, page)
    assert not page.progress.isVisible()
    assert page.details.text().startswith("Student social worker")
    groups = page.domain_groups()
    assert len(groups["Skills and interventions (5)"]) == 5
    assert len(groups["Professional leadership (3)"]) == 3
    assert len(groups["Professionalism (2)"]) == 2
    assert len(groups["Contexts and organisations (2)"]) == 2
    assert len(groups["Critical reflection and analysis (1)"]) == 1
    assert groups["Knowledge (0)"] == []
    assert set(groups["Skills and interventions (5)"]) == {"CR-2026-0105", "CR-2026-0110"}
    assert page.log_summary.text().startswith("5 entries from 2 cases (CR-2026-0105, CR-2026-0110)")
    # over time: one group per month with entries, oldest first, 5 entries in all
    counts = page.month_counts()
    assert sum(counts) == 5 and all(counts)
    assert page.not_learner.isHidden() and page.export_button.isEnabled()


def test_worker_page_for_an_experienced_worker_explains_the_log(qtbot: QtBot, demo: Workspace) -> None:
    page = _worker_page(qtbot, demo, "Daniel Mensah")
    assert not page.not_learner.isHidden()
    assert "applies to students, ASYEs and less experienced workers" in page.not_learner.text()
    assert page.tabs.isHidden() and page.export_button.isHidden()


def test_development_log_export_writes_a_pdf(
    qtbot: QtBot, demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _no_message_boxes(monkeypatch)
    page = _worker_page(qtbot, demo, "Priya Raman")
    target = tmp_path / "priya.pdf"
    suggested = _save_as(monkeypatch, target)
    # signed like a case note: the manager's certificate, unlocked with its passphrase when first needed
    cert = create_certificate(MANAGER_NAME, "Northshire", default_certificate_path(), b"a long passphrase")
    asked: list[str] = []

    def passphrase(*args: object, **kwargs: object) -> tuple[str, bool]:
        asked.append(str(args[2]))
        return ("a long passphrase", True)

    monkeypatch.setattr(QInputDialog, "getText", passphrase)
    try:
        assert page.export_log() == target
    finally:
        SIGNERS.clear()
    assert asked and cert.name in asked[0]
    report = export.verify_file(demo, target)
    assert report.verdict == export.Verdict.VALID and report.document == "development log", report.findings
    assert suggested[0].endswith("development-log_Priya-Raman_2026-11-23.pdf")
    assert target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Priya Raman" in text and "CR-2026-0103" in text and "CR-2026-0108" in text
    assert "Saved 2 entries" in shown[-1] and "signed with your certificate" in shown[-1]


def test_development_log_export_asks_before_replacing_and_never_writes_over_the_database(
    qtbot: QtBot, demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _no_message_boxes(monkeypatch)
    page = _worker_page(qtbot, demo, "Priya Raman")
    signing: list[bool] = []
    monkeypatch.setattr(page, "signing_key", lambda: signing.append(True))  # never reached: refused first
    _refused_over_the_open_database(monkeypatch, demo, page.export_log, shown, ".pdf")
    # any database, by content: a copy named .pdf
    disguised, before = _disguised_database(monkeypatch, demo, tmp_path / "records.pdf")
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    assert page.export_log() is None
    assert asked == [] and signing == []
    assert "is an SQLite database" in shown[-1] and "never writes over it" in shown[-1]
    assert disguised.read_bytes() == before

    target = tmp_path / "log.pdf"
    target.write_bytes(b"%PDF an older log")
    _save_as(monkeypatch, target)
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.No)
    assert page.export_log() is None
    assert asked == [f"log.pdf already exists in {tmp_path}. Replace it? The file there now will be lost."]
    assert signing == [] and target.read_bytes() == b"%PDF an older log"


def test_workers_list_opens_the_worker_page(qtbot: QtBot, demo: Workspace) -> None:
    window = MainWindow(demo)
    _shown(qtbot, window, 1280, 800)
    window.go("workers")
    page: WorkersPage = window.workers_page
    row = next(r for r in range(page.model.rowCount()) if page.model.worker(r).name == "Łukasz Wiśniewski")
    assert not page.open_button.isEnabled()
    page.table.selectRow(row)
    assert page.open_button.isEnabled()
    page.open_button.click()
    assert window.current_page() is window.worker_page
    assert window.worker_page.title.text() == "Łukasz Wiśniewski"
    _reckoned(qtbot, window.worker_page)
    # test_demo_development_logs: three entries, all from 0109
    assert window.worker_page.log is not None
    assert [e.case_reference for e in window.worker_page.log.entries] == ["CR-2026-0109"] * 3
    window.worker_page.back_button.click()
    assert window.current_page() is window.workers_page
    # Enter / double-click opens too
    window.workers_page.table.activated.emit(page.model.index(row, 0))
    assert window.current_page() is window.worker_page


def test_promises_text_wording() -> None:
    from cowork_desktop.domain.insights import PromiseTally, promises

    assert promises_text(PromiseTally(7, 0, 3, 2)) == "7 of 10 actions done on time (70%)"
    assert promises_text(PromiseTally(1, 0, 0, 0)) == "1 of 1 action done on time (100%)"
    assert promises([]).total.counted == 0


def test_a_long_development_log_opens_its_groups_when_asked(
    qtbot: QtBot, demo: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past LONG_LOG entries the groups start closed (laying out tens of thousands of lines takes seconds) and
    each line is one line high, the whole entry in its tooltip. Mei Lin: 5 entries, 5 under Skills."""
    monkeypatch.setattr(WorkerPage, "LONG_LOG", 2)
    page = _worker_page(qtbot, demo, "Mei Lin Chen")
    tree = page.domain_tree
    model = tree.model()
    assert tree.uniformRowHeights()
    skills = next(
        model.index(r, 0)
        for r in range(model.rowCount())
        if str(model.index(r, 0).data()) == "Skills and interventions (5)"
    )
    assert not tree.isExpanded(skills)
    tree.expand(skills)
    assert tree.isExpanded(skills) and model.rowCount(skills) == 5
    entry = model.index(0, 3, skills)
    assert entry.data(Qt.ItemDataRole.ToolTipRole) == entry.data() and entry.data()
    assert page.month_counts() and sum(page.month_counts()) == 5


def test_a_long_team_view_keeps_its_rows_two_lines_high(
    qtbot: QtBot, demo: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past FIT_ROWS co-allocations the rows are not each measured to fit their text (seconds for thousands):
    two lines high, the reasons in full in the tooltip."""
    monkeypatch.setattr(TeamView, "FIT_ROWS", 3)
    view = TeamView(demo, on=TODAY)
    _shown(qtbot, view)
    _reckoned(qtbot, view)
    rows = view.table.verticalHeader()
    assert view.model.rowCount() == 11
    assert rows.sectionResizeMode(0) == rows.ResizeMode.Fixed
    assert rows.sectionSize(0) >= 2 * view.table.fontMetrics().lineSpacing()
    why = view.model.index(0, DriftModel.COL_WHY)
    assert "4 agreed case discussions missed" in why.data(Qt.ItemDataRole.ToolTipRole)
