"""The everyday screens on a large service: the dashboard reads what is due in steps, the window answering between
them; the case page reads one case's rows by index."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers.query_plans import full_scans, plan, traced
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.models import Case, CoAllocation, PlanType, Reason, Role, Worker
from cowork_desktop.services import sessions
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store
from cowork_desktop.ui.case_page import CasePage
from cowork_desktop.ui.dashboard import DashboardPage

START = date(2026, 11, 2)


@pytest.fixture
def service(ws: Workspace) -> Workspace:
    """Eleven co-allocations, each waiting for its initial meeting (fictional people and references)."""
    s = ws.store
    a = s.add_worker(Worker("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER))
    b = s.add_worker(Worker("Anna Berg", Role.STUDENT))
    assert a.id and b.id
    for n in range(11):
        case = s.add_case(Case(f"CR-3{n:02d}", 1, "", PlanType.CHILD_IN_NEED))
        assert case.id
        s.add_coallocation(CoAllocation(case.id, a.id, b.id, a.id, START.replace(day=2 + n), [Reason.COVER]))
    return ws


def test_a_large_service_is_read_in_steps_and_shows_the_same_items(
    qtbot: QtBot, service: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sessions, "DASHBOARD_STEP", 3)  # eleven co-allocations: four steps, then the order
    on = date(2026, 11, 16)
    page = DashboardPage(service, on=on)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    # the first step is read at once; the window paints before the rest
    assert page.reading is not None and 0 < page.reading.fraction < 1
    assert not page.progress.isHidden() and "Reading what is due on 16 Nov 2026" in page.counts_label.text()
    qtbot.waitUntil(lambda: page.reading is None, timeout=5000)
    assert page.progress.isHidden()
    due, coming = sessions.due_and_coming(service, on)
    assert page.items == due and page.coming == coming and len(due) == 11
    assert page.model.rowCount() == 11 and page.counts_label.text() == "0 urgent, 7 overdue, 4 due soon"

    # a new day while reading: the reading starts again for that day, and only its items are shown
    page.set_date(date(2026, 11, 10))
    assert page.reading is not None and page.reading.on == date(2026, 11, 10)
    page.set_date(on)
    qtbot.waitUntil(lambda: page.reading is None, timeout=5000)
    assert page.items == due


def test_a_small_service_is_read_at_once(qtbot: QtBot, service: Workspace) -> None:
    page = DashboardPage(service, on=date(2026, 11, 16))
    qtbot.addWidget(page)
    assert page.reading is None and page.progress.isHidden() and len(page.items) == 11


def test_the_case_page_reads_one_case_by_index_whatever_the_size_of_the_service(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from benchmarks.generate import generate

    path = tmp_path / "service.db"
    generate(path, cases=60, seed=4, anchor=date(2026, 11, 23))
    with open_store(path) as store:
        ws = Workspace.open(store)
        case_id = store.db.conn.execute(
            "SELECT case_id FROM records GROUP BY case_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        page = CasePage(ws, on=date(2026, 11, 23))
        qtbot.addWidget(page)
        statements = traced(store)
        page.show_case(case_id)
        store.db.conn.set_trace_callback(None)
        reads = [sql for sql in statements if sql.lstrip().startswith(("SELECT", "WITH"))]
        assert page.records_model.rowCount() > 10 and len(reads) < 20
        aliases = {"ca": "coallocations", "r": "records", "a": "actions", "n": "records", "k": "records"}
        for sql in reads:
            steps = plan(store.db.conn, sql)
            assert full_scans(steps, aliases) == [], (sql, steps)
