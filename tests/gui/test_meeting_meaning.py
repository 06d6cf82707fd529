"""The real meeting wizards, driven as a manager would (pytest-qt, offscreen, a real database): a signed closing
MDR ends the co-working and the case page refuses new meetings; the MDR started from a review's urgent issue is
linked, filled in, resolves only that issue, and its PDF names the review; an unlinked MDR leaves it urgent;
long answers count down and stop at the limit; characters the PDF cannot print are named before signing."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

from helpers.wizard import (
    TODAY,
    click,
    complete_pages,
    fill_page,
    first_page_widget,
    go_next,
    page,
    set_answer,
    sign_all,
    signed_initial,
    wizard_for,
)
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.due import Severity
from cowork_desktop.domain.forms import MAX_TEXT_ANSWER
from cowork_desktop.domain.models import RecordKind
from cowork_desktop.export.signing import create_certificate, load_signer
from cowork_desktop.services import export, sessions
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.case_page import CasePage
from cowork_desktop.ui.widgets import to_qdate
from cowork_desktop.ui.wizard.questions import TextAnswer
from cowork_desktop.ui.wizard.readback import ReadBackPage


def test_a_signed_closing_mdr_ends_the_co_working_and_the_case_page_refuses_new_meetings(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    signed_initial(qtbot, ws, coworked)
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.CLOSING)
    complete_pages(qtbot, wizard, {"end_reason": "Student placement ends"})
    sign_all(qtbot, wizard)
    ca = ws.store.get_coallocation(coworked["coallocation"])
    assert (ca.end_date, ca.end_reason) == (TODAY, "Student placement ends")
    page_ = CasePage(ws)  # today: the day of the closing meeting, so it has ended
    qtbot.addWidget(page_)
    page_.show_case(coworked["case"])
    for kind in (RecordKind.REVIEW, RecordKind.REFLECTIVE_DISCUSSION, RecordKind.INITIAL_MEETING):
        assert not page_.meeting_buttons[kind].isEnabled()
        assert "Student placement ends" in page_.meeting_buttons[kind].toolTip()
    assert sessions.coming_up(ws, TODAY, coworked["case"]) == []


def _review_with_a_disagreement(qtbot: QtBot, ws: Workspace, coworked: dict[str, int]):  # type: ignore[no-untyped-def]
    signed_initial(qtbot, ws, coworked)
    review = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.REVIEW)
    answers = {"disagreements": "yes", "partnership_ladder": "Co-operation"}
    while page(review).key != "issues":
        fill_page(qtbot, review, answers)
        go_next(review)
    fill_page(qtbot, review, answers)
    set_answer(qtbot, review, "disagreements_detail", "Who leads the core group.")
    complete_pages(qtbot, review, answers)
    sign_all(qtbot, review)
    return review


def test_the_mdr_started_from_the_urgent_issue_is_linked_filled_in_and_named_in_its_pdf(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int], tmp_path: Path
) -> None:
    review = _review_with_a_disagreement(qtbot, ws, coworked)
    review_id = review.record_id
    # an MDR about something else, not linked to this review, leaves it urgent
    other = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.ISSUE_RESOLUTION)
    complete_pages(qtbot, other, {"issue_type": "Delay"})
    sign_all(qtbot, other, draw_first=False)
    urgent = [i for i in sessions.due(ws, TODAY) if i.severity == Severity.URGENT]
    assert [i.record_id for i in urgent] == [review_id]
    assert "unresolved: disagreement between the co-workers" in urgent[0].message

    # started from the review's follow-up: linked, with what the review recorded already filled in
    click(qtbot, review.done_page.follow_buttons["issue_resolution"])
    mdr = review.follow_up_wizard
    assert mdr is not None
    qtbot.addWidget(mdr)
    record = mdr.env.record
    assert record.linked_record_id == review_id
    assert record.answers["issue_type"] == "Disagreement between co-workers"
    assert record.answers["issue_description"] == "Who leads the core group."
    complete_pages(qtbot, mdr, {"issue_description": "Who leads the core group."})
    sign_all(qtbot, mdr, draw_first=False)
    assert not any(i.severity == Severity.URGENT for i in sessions.due(ws, TODAY))

    # its case note names the review it resolves
    cert = create_certificate("Amara Okafor", "Northshire", tmp_path / "m.p12", b"a long passphrase")
    out = export.export_record(
        ws, mdr.record_id, tmp_path / "mdr.pdf", signer=load_signer(cert, b"a long passphrase")
    )
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    number = ws.store.record_number(review_id)
    assert "resolves disagreement between the co-workers" in flat
    assert f"(record {number}, version 1)" in flat


def test_a_long_answer_counts_down_and_stops_at_the_limit(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    wizard, widget = first_page_widget(
        qtbot, ws, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION, "learning", TextAnswer
    )
    widget.edit.setPlainText("a" * 100)
    assert not widget.counter.isVisibleTo(wizard)
    widget.edit.setPlainText("a" * int(MAX_TEXT_ANSWER * 0.9))
    assert widget.counter.isVisibleTo(wizard) and "left" in widget.counter.text()
    widget.edit.setPlainText("b" * (MAX_TEXT_ANSWER + 500))  # a paste beyond the limit: stops at it
    assert len(widget.edit.toPlainText()) == MAX_TEXT_ANSWER
    assert "at its limit" in widget.counter.text()
    wizard.save_now()
    saved = ws.store.get_record(wizard.record_id)
    assert len(saved.answers["learning"]) == MAX_TEXT_ANSWER
    assert "learning" not in sessions.check_complete(ws, saved)  # never refused later, at signing


def test_characters_the_pdf_cannot_print_are_named_before_signing(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION)
    fill_page(qtbot, wizard, {})
    go_next(wizard)
    fill_page(qtbot, wizard, {"prompted_by": "After a visit"})
    learning = wizard.widgets["learning"]
    assert isinstance(learning, TextAnswer)
    learning.edit.setPlainText("Planning a visit \U0010fffd together.")  # pasted: no key types it
    go_next(wizard)  # ready to sign: the read-back
    readback = wizard.currentPage()
    assert isinstance(readback, ReadBackPage)
    assert readback.unprintable.isVisibleTo(wizard)
    text = readback.unprintable.text()
    assert "cannot be printed" in text and "U+10FFFD" in text


def test_the_first_review_is_proposed_from_the_supervision_agreed_in_the_same_record(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    """Every 4 weeks agreed on an earlier page: the first review is proposed 4 weeks after the meeting (not a
    calendar month); a date the manager chose is kept."""
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.INITIAL_MEETING)
    while "supervision_frequency" not in page(wizard).rows:
        fill_page(qtbot, wizard, {})
        go_next(wizard)
    fill_page(qtbot, wizard, {"supervision_frequency": (4, "week")})
    while "next_review_date" not in page(wizard).rows:
        go_next(wizard)
        fill_page(qtbot, wizard, {})
    meeting = wizard.env.meeting_date
    assert wizard.answers["next_review_date"] == (meeting + timedelta(weeks=4)).isoformat()
    # chosen by hand, then the frequency changed: the chosen date stays
    chosen = (meeting + timedelta(days=20)).isoformat()
    set_answer(qtbot, wizard, "next_review_date", to_qdate(date.fromisoformat(chosen)))
    wizard.back()
    while "supervision_frequency" not in page(wizard).rows:
        wizard.back()
    set_answer(qtbot, wizard, "supervision_frequency", (1, "month"))
    while "next_review_date" not in page(wizard).rows:
        go_next(wizard)
    assert wizard.answers["next_review_date"] == chosen
