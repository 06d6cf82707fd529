"""What a signed record means, as the dashboard and the case page show it (real widgets, offscreen, real database):
what is coming up after the initial meeting, an ended co-working's buttons and why, the urgent issue's own MDR
(linked and filled in), and records numbered across versions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers.records import MEETING, make_signed, review_with_a_disagreement, sign_by_workers
from helpers.widgets import shown
from PySide6.QtWidgets import QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.models import RecordKind
from cowork_desktop.services import sessions
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.case_page import CasePage, RecordsModel
from cowork_desktop.ui.dashboard import DashboardPage, DueItemsModel
from cowork_desktop.ui.main_window import MainWindow


def _shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    return shown(qtbot, widget, 1100, 900)


def _texts(model: DueItemsModel) -> list[str]:
    return [model.item(row).message for row in range(model.rowCount())]


def test_after_the_initial_meeting_the_dashboard_and_case_page_show_what_is_coming(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int], tmp_path_factory: pytest.TempPathFactory
) -> None:
    make_signed(
        ws,
        coworked,
        RecordKind.INITIAL_MEETING,
        MEETING,
        {"discussion_frequency": "FREQ=WEEKLY;INTERVAL=2", "next_review_date": "2026-11-16"},
    )
    on = MEETING + timedelta(days=1)
    dashboard = DashboardPage(ws, on=on)
    _shown(qtbot, dashboard)
    assert dashboard.coming_table.isVisible() and not dashboard.nothing_coming.isVisible()
    assert dashboard.coming_title.text().startswith("Coming up in the next 14 days")
    coming = _texts(dashboard.coming_model)
    assert any(t.startswith("Review of co-working") for t in coming)
    assert any(t.startswith("Reflective case discussion (agreed: every 2 weeks)") for t in coming)
    qtbot.wait(50)  # let the layout settle before the picture
    dashboard.grab().save(str(tmp_path_factory.getbasetemp() / "dashboard-coming-up.png"))

    page = CasePage(ws, on=on)
    _shown(qtbot, page)
    page.show_case(coworked["case"])
    assert page.coming_table.isVisible() and _texts(page.coming_model) == coming
    qtbot.wait(50)
    page.grab().save(str(tmp_path_factory.getbasetemp() / "case-page-coming-up.png"))


def test_an_ended_co_working_takes_no_new_meeting_and_the_buttons_say_why(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    make_signed(ws, coworked, RecordKind.INITIAL_MEETING, MEETING)
    end_day = MEETING + timedelta(weeks=2)
    make_signed(ws, coworked, RecordKind.CLOSING, end_day, {"end_reason": "Case closed"})
    page = CasePage(ws, on=end_day + timedelta(days=1))
    _shown(qtbot, page)
    page.show_case(coworked["case"])
    for kind in (
        RecordKind.INITIAL_MEETING,
        RecordKind.REVIEW,
        RecordKind.REFLECTIVE_DISCUSSION,
        RecordKind.CLOSING,
    ):
        assert not page.meeting_buttons[kind].isEnabled(), kind
        assert f"ended on {end_day:%d %b %Y} (Case closed)" in page.meeting_buttons[kind].toolTip()
    assert page.meeting_buttons[RecordKind.ISSUE_RESOLUTION].isEnabled()  # an issue left open can be resolved
    assert "takes no new meeting" in page.meeting_hint.text()
    until = page.coallocation_model.item(0, 4).text()
    assert until.startswith(f"{end_day:%d %b %Y}") and "Case closed" in until
    assert page.coallocation_button.text() == "New &co-allocation…"


def test_the_urgent_issue_opens_its_own_mdr_linked_and_filled_in(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    review = review_with_a_disagreement(ws, coworked, "Who visits alone.")
    review_day = MEETING + timedelta(weeks=6)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    page = window.case_page
    page._on = review_day + timedelta(days=1)
    window.show_case(coworked["case"])
    assert page.resolve_button.isVisible() and not page.resolve_button.isEnabled()
    urgent = next(
        r for r in range(page.due_model.rowCount()) if page.due_model.item(r).kind == "issue_resolution"
    )
    page.due_table.selectRow(urgent)
    assert page.resolve_button.isEnabled()
    opened: list[tuple[int, int]] = []
    page.resolution_requested.connect(lambda ca, rid: opened.append((ca, rid)))
    page.resolve_button.click()
    assert opened == [(coworked["coallocation"], review.id)]
    # the main window opened the wizard on a linked, prefilled draft
    draft = ws.store.draft_for(coworked["coallocation"], RecordKind.ISSUE_RESOLUTION)
    assert draft is not None and draft.linked_record_id == review.id
    assert draft.answers["issue_type"] == "Disagreement between co-workers"
    assert draft.answers["issue_description"] == "Who visits alone."
    for widget in list(window._wizards):
        widget.close()

    # the generic button asks which open issue the MDR resolves; "none" starts an unlinked one
    asked: list[list[str]] = []

    def choose(
        _parent: object, _title: str, _label: str, items: list[str], *args: object
    ) -> tuple[str, bool]:
        asked.append(list(items))
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    got: list[tuple[int, int]] = []
    page.resolution_requested.connect(lambda ca, rid: got.append((ca, rid)))
    page.meeting_buttons[RecordKind.ISSUE_RESOLUTION].click()
    assert asked and asked[0][0].startswith(f"Review of {review_day:%d %b %Y}: disagreement")
    assert asked[0][-1] == "None of these: another issue"
    assert got[-1] == (coworked["coallocation"], review.id)
    for widget in list(window._wizards):
        widget.close()


def test_records_are_numbered_across_their_versions(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    first = make_signed(ws, coworked, RecordKind.INITIAL_MEETING, MEETING)
    amended = sessions.amend(ws, first.id or 0, "Corrected a date").value
    sessions.ready_for_signatures(ws, amended.id or 0)
    sign_by_workers(ws, coworked, amended.id or 0)
    sessions.sign_off(ws, amended.id or 0, manager_name="Amara Okafor")
    page = CasePage(ws, on=MEETING + timedelta(days=1))
    _shown(qtbot, page)
    page.show_case(coworked["case"])
    model = page.records_model
    shown = {model.data(model.index(r, RecordsModel.COL_VERSION)) for r in range(model.rowCount())}
    assert shown == {f"{first.id}, version 1", f"{first.id}, version 2"}
    assert date.today()  # the page shows the record's own number, never the amendment's row id


def test_a_record_whose_only_amendment_is_a_draft_is_not_shown_as_amended(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    """Superseded means replaced by a *signed* amendment: a draft amendment leaves the record current."""
    first = make_signed(ws, coworked, RecordKind.INITIAL_MEETING, MEETING)
    draft = sessions.amend(ws, first.id or 0, "Corrected a date").value
    page = CasePage(ws, on=MEETING + timedelta(days=1))
    _shown(qtbot, page)
    page.show_case(coworked["case"])
    model = page.records_model

    def status(record_id: int | None) -> str:
        row = next(r for r in range(model.rowCount()) if model.record(r).id == record_id)
        return str(model.data(model.index(row, RecordsModel.COL_STATUS)))

    assert "(amended)" not in status(first.id)
    assert "(amended)" not in status(draft.id)

    sessions.ready_for_signatures(ws, draft.id or 0)
    sign_by_workers(ws, coworked, draft.id or 0)
    sessions.sign_off(ws, draft.id or 0, manager_name="Amara Okafor")
    page.show_case(coworked["case"])
    assert status(first.id).endswith("(amended)")
    assert "(amended)" not in status(draft.id)
