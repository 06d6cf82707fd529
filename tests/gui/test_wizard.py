"""The meeting wizards, driven with real widgets on a real store: every form from start to a signed record."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pytest
from helpers.wizard import (
    TODAY,
    add_case,
    click,
    complete_pages,
    fill_page,
    first_page_widget,
    go_next,
    label_text,
    page,
    set_answer,
    shown,
    sign_all,
    signed_initial,
    type_text,
    wizard_for,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.dates import interval
from cowork_desktop.domain.due import Severity
from cowork_desktop.domain.errors import StoreError
from cowork_desktop.domain.forms import QuestionKind
from cowork_desktop.domain.models import (
    Reason,
    RecordKind,
    RecordStatus,
    Role,
)
from cowork_desktop.export.model import ResponsibilitiesTable
from cowork_desktop.services import insights, sessions
from cowork_desktop.services.export import build_case_note
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.wizard import MeetingWizard, RecordView, open_record, style
from cowork_desktop.ui.wizard.pages import FormPage, SectionPage, SignOffPage, StartPage
from cowork_desktop.ui.wizard.questions import (
    ActionReviewAnswer,
    ActionsAnswer,
    RecurrenceAnswer,
    ResponsibilitiesAnswer,
    TextAnswer,
    WorkersAnswer,
    YesNoAnswer,
)
from cowork_desktop.ui.wizard.readback import ReadBackPage, note_lines


# -- the five wizards ------------------------------------------------------------------------------
def test_initial_meeting_with_a_student_to_signed(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.INITIAL_MEETING)
    assert wizard.isVisible() and not wizard.isModal()
    assert label_text(page(wizard), "caseReference") == "Case CR-100234"
    go_next(wizard)  # both co-workers are ticked as present to begin with
    assert page(wizard).key == "responsibilities"
    fill_page(qtbot, wizard, {"responsibilities": {"Visits": coworked["experienced"]}})
    # every task got a lead from "leads all", Visits then moved to the experienced worker
    value = wizard.answers["responsibilities"]
    assert value["Visits"]["lead"] == coworked["experienced"]
    go_next(wizard)
    fill_page(
        qtbot, wizard, {"discussion_frequency": (1, "week"), "discussion_recorder": coworked["student"]}
    )
    assert wizard.answers["discussion_frequency"] == "FREQ=WEEKLY"
    go_next(wizard)
    go_next(wizard)  # supervision: monthly by default
    # the learning plan is shown because one co-worker is a student
    assert page(wizard).key == "learning_plan"
    until = page(wizard).rows["experienced_leads_until"]
    assert not shown(until)
    set_answer(qtbot, wizard, "experienced_leads_first", "yes")
    assert shown(until)  # appears live
    set_answer(qtbot, wizard, "experienced_leads_first", "no")
    assert not shown(until)
    set_answer(qtbot, wizard, "experienced_leads_first", "yes")
    set_answer(qtbot, wizard, "learning_opportunities", "Chairing meetings with support.")
    go_next(wizard)
    seen = complete_pages(
        qtbot,
        wizard,
        {"actions": [("Joint home visit", coworked["experienced"], TODAY + timedelta(days=7))]},
    )
    assert seen == ["safety", "cover", "mdr"]
    mdr_next = TODAY + interval("FREQ=MONTHLY")
    record = ws.store.get_record(wizard.record_id)
    assert record.status == RecordStatus.AWAITING_SIGNATURES
    assert record.answers["next_review_date"] == mdr_next.isoformat()  # proposed from monthly supervision
    assert "_page" not in record.answers
    sign_all(qtbot, wizard)
    record = ws.store.get_record(wizard.record_id)
    assert record.is_locked and record.content_hash
    assert record.answers["learning_opportunities"] == "Chairing meetings with support."
    sigs = ws.store.signatures_for(wizard.record_id)
    assert [s.method for s in sigs] == ["drawn", "typed", "typed"]
    assert sigs[0].image_png and sigs[0].image_png.startswith(b"\x89PNG")
    assert sigs[-1].worker_id is None and sigs[-1].signer_name == "Amara Okafor"
    assert ws.store.get_setting("manager_name") == "Amara Okafor"
    assert [a.description for a in ws.store.actions_for_record(wizard.record_id)] == ["Joint home visit"]
    assert wizard.done_page.print_button.isVisibleTo(wizard.done_page)
    assert not wizard.done_page.follow_buttons


def test_initial_meeting_with_two_social_workers_has_no_learning_plan(qtbot: QtBot, ws: Workspace) -> None:
    ids = add_case(ws, "CR-200001", (Role.SOCIAL_WORKER, Role.SOCIAL_WORKER), [Reason.COMPLEXITY])
    wizard = wizard_for(qtbot, ws, ids["coallocation"], RecordKind.INITIAL_MEETING)
    seen = complete_pages(qtbot, wizard)
    assert "learning_plan" not in seen
    assert seen == ["_start", "responsibilities", "communication", "supervision", "safety", "cover", "mdr"]
    sign_all(qtbot, wizard, draw_first=False)
    assert "learning_opportunities" not in ws.store.get_record(wizard.record_id).answers


def test_review_knows_the_history_and_urgent_issues_need_an_mdr(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    initial = signed_initial(qtbot, ws, coworked)
    open_action = ws.store.open_actions(coworked["coallocation"])[0]
    review = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.REVIEW)
    go_next(review)
    first = page(review)
    assert first.key == "plan_progress"
    panel = first.findChild(QWidget, "lastArrangement")
    assert panel is not None
    who = label_text(first, "arrangementResponsibilities")
    assert "Visits: Zoë Ó Súilleabháin" in who and "Completing reports: Łukasz Wiśniewski" in who
    freq = label_text(first, "arrangementFrequencies")
    assert "every 2 weeks, recorded by Łukasz Wiśniewski" in freq and "monthly" in freq
    fill_page(qtbot, review, {})
    go_next(review)
    issues = page(review)
    assert issues.key == "issues"
    assert issues.notices() == []
    fill_page(qtbot, review, {"disagreements": "yes"})
    notice = issues.rows["disagreements"].notice
    assert issues.notices() == [notice]  # right under the answer that demands it
    assert "Urgent" in notice.text() and "Disagreements must be addressed urgently" in notice.text()
    assert shown(issues.rows["disagreements_detail"])
    set_answer(qtbot, review, "disagreements_detail", "Who leads the core group.")
    go_next(review)
    fill_page(qtbot, review, {})  # learner development
    go_next(review)
    fill_page(qtbot, review, {"partnership_ladder": "Co-operation"})
    go_next(review)
    actions_page = page(review)
    reviewing = review.widgets["action_review"]
    assert isinstance(reviewing, ActionReviewAnswer)
    assert list(reviewing.items) == [str(open_action.id)]
    fill_page(qtbot, review, {"action_review": {open_action.id: "yes"}})
    assert actions_page.key == "actions"
    go_next(review)
    # the next review is proposed from the agreed (monthly) supervision
    fill_page(qtbot, review, {})
    assert review.answers["next_review_date"] == (TODAY + interval("FREQ=MONTHLY")).isoformat()
    go_next(review)
    sign_all(qtbot, review)
    review_id = review.record_id
    assert ws.store.open_actions(coworked["coallocation"]) == []  # the action reviewed as done is done

    urgent = [i for i in sessions.due(ws, TODAY) if i.severity == Severity.URGENT]
    assert [(i.kind, i.record_id) for i in urgent] == [("issue_resolution", review_id)]
    button = review.done_page.follow_buttons["issue_resolution"]
    assert button.text() == "Start issue-resolution MDR now"
    click(qtbot, button)
    mdr = review.follow_up_wizard
    assert mdr is not None
    qtbot.addWidget(mdr)
    assert mdr.env.record.kind == RecordKind.ISSUE_RESOLUTION
    assert mdr.env.record.linked_record_id == review_id
    complete_pages(qtbot, mdr, {"issue_type": "Disagreement between co-workers"})
    # still urgent until the MDR is signed
    assert any(i.severity == Severity.URGENT for i in sessions.due(ws, TODAY))
    sign_all(qtbot, mdr, draw_first=False)
    assert not any(i.severity == Severity.URGENT for i in sessions.due(ws, TODAY))
    assert initial.env.record.status == RecordStatus.SIGNED


def test_reflective_discussion_to_signed(qtbot: QtBot, ws: Workspace, coworked: dict[str, int]) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION)
    seen = complete_pages(
        qtbot,
        wizard,
        {
            "prompted_by": "After a visit",
            "learning": "How to hold a difficult conversation with a parent.",
        },
    )
    # the participants question moved to the start page; the rest of its section is one page
    assert seen == ["_start", "discussion"]
    sign_all(qtbot, wizard)
    answers = ws.store.get_record(wizard.record_id).answers
    assert answers["prompted_by"] == "After a visit"
    assert answers["learning"].startswith("How to hold")
    assert not wizard.done_page.print_button.isVisibleTo(wizard.done_page)


def test_a_typed_signature_that_is_not_the_signers_name_is_refused(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    """At "Now signing: Zoë Ó Súilleabháin", typing another name is refused with the expected name shown;
    nothing is stored; the right name (any case or spacing) signs, and is stored as recorded."""
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION)
    complete_pages(qtbot, wizard, {"prompted_by": "After a visit", "learning": "Planning a visit."})
    sign = wizard.currentPage()
    assert isinstance(sign, SignOffPage)
    assert sign.current is not None
    worker = ws.store.get_worker(sign.current)
    assert f"Now signing: {worker.name}" in sign.now.text()
    type_text(qtbot, sign.name, "Zoe O Suilleabhain")
    click(qtbot, sign.agree)
    click(qtbot, sign.sign_button)
    assert sign.error.isVisibleTo(sign) and f"type {worker.name} (as recorded)" in sign.error.text()
    assert ws.store.signatures_for(wizard.record_id) == []
    assert sign.current == worker.id  # still this signer's turn
    sign.name.clear()
    type_text(qtbot, sign.name, "  " + worker.name.upper() + " ")
    assert sign.agree.isChecked()  # still ticked after the refusal
    click(qtbot, sign.sign_button)
    (stored,) = ws.store.signatures_for(wizard.record_id)
    assert stored.signer_name == worker.name and stored.method == "typed"
    assert f"Signed: {worker.name} (typed)" in sign.status.text()
    # the manager: the name in the settings, once set
    ws.store.set_setting("manager_name", "Amara Okafor")
    assert sign.current is not None
    student = ws.store.get_worker(sign.current)
    type_text(qtbot, sign.name, student.name)
    click(qtbot, sign.agree)
    click(qtbot, sign.sign_button)
    assert sign.current == SignOffPage.MANAGER
    sign.name.clear()
    type_text(qtbot, sign.name, "Amara Okafur")
    if not sign.agree.isChecked():
        click(qtbot, sign.agree)
    click(qtbot, sign.sign_button)
    assert "type Amara Okafor (as recorded)" in sign.error.text()
    assert ws.store.get_record(wizard.record_id).status != RecordStatus.SIGNED


def test_closing_to_signed(qtbot: QtBot, ws: Workspace, coworked: dict[str, int]) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.CLOSING)
    seen = complete_pages(qtbot, wizard, {"end_reason": "Student placement ends"})
    assert seen == ["_start", "ending", "handover", "mdr"]
    assert shown(wizard.rows["learning_summary"])  # a student co-worker
    sign_all(qtbot, wizard)
    record = ws.store.get_record(wizard.record_id)
    assert record.answers["end_reason"] == "Student placement ends"
    assert record.answers["learning_summary"] == "Answer to learning_summary."


def test_issue_resolution_started_on_its_own_to_signed(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.ISSUE_RESOLUTION)
    seen = complete_pages(qtbot, wizard, {"issue_type": "Delay"})
    assert seen == ["_start", "issue", "mdr"]
    sign_all(qtbot, wizard, draw_first=False)
    assert [a.description for a in ws.store.actions_for_record(wizard.record_id)] == ["Agreed step"]


# -- checking, keyboard, accessibility ------------------------------------------------------------
def test_required_answers_are_shown_next_to_the_field(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.INITIAL_MEETING)
    start = page(wizard)
    participants = wizard.widgets["participants"]
    assert isinstance(participants, WorkersAnswer)
    for box in participants.boxes.values():
        click(qtbot, box)  # nobody ticked
    wizard.next()
    assert wizard.currentId() == wizard.start_id
    row = start.rows["participants"]
    assert row.error.isVisible() and row.error.text() == "This question needs an answer."
    assert row.error.parent() is row  # next to its field, not in a dialog
    assert wizard.focusWidget() is participants.focus_target()
    assert "Problem: This question needs an answer." in participants.focus_target().accessibleDescription()
    click(qtbot, next(iter(participants.boxes.values())))
    assert not row.error.isVisible()  # cleared as soon as it is answered
    go_next(wizard)

    wizard.next()  # responsibilities not given
    resp = page(wizard).rows["responsibilities"]
    assert page(wizard).key == "responsibilities"
    assert resp.error.isVisible() and resp.error.text() == "This question needs an answer."
    responsibilities = wizard.widgets["responsibilities"]
    assert isinstance(responsibilities, ResponsibilitiesAnswer)
    click(qtbot, responsibilities.radios["Visits"][coworked["student"]])
    wizard.next()
    assert page(wizard).key == "responsibilities"
    assert resp.error.text().startswith("Give each task one lead: Completing reports, Assessments")
    assert wizard.focusWidget() is wizard.widgets["responsibilities"].focus_target()


def test_ready_to_sign_jumps_back_to_the_problem(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.INITIAL_MEETING)
    while page(wizard).key != "mdr":
        fill_page(qtbot, wizard, {})
        go_next(wizard)
    assert wizard.button(wizard.WizardButton.NextButton).text() == "&Ready to sign"
    cover = wizard.widgets["absence_cover"]
    assert isinstance(cover, TextAnswer)
    cover.edit.clear()  # an earlier page's answer removed
    fill_page(qtbot, wizard, {})
    wizard.next()
    assert page(wizard).key == "cover"
    assert page(wizard).rows["absence_cover"].message() == "This question needs an answer."
    assert ws.store.get_record(wizard.record_id).status == RecordStatus.DRAFT


def tab_to(qtbot: QtBot, wizard: MeetingWizard, target: QWidget, limit: int = 80) -> None:
    for _ in range(limit):
        if wizard.focusWidget() is target:
            return
        focus = wizard.focusWidget() or wizard
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName()} (at {wizard.focusWidget()})")


def press_next(qtbot: QtBot, wizard: MeetingWizard) -> None:
    """Next with the keyboard: Tab to the button, then Return (Return in a field never moves on)."""
    tab_to(qtbot, wizard, wizard.button(wizard.WizardButton.NextButton))
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)


def test_a_review_page_with_the_keyboard_only(qtbot: QtBot, ws: Workspace, coworked: dict[str, int]) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.REVIEW)
    # start page: Next moves on (both co-workers are ticked)
    participants = wizard.widgets["participants"]
    participants.focus_target().setFocus()
    press_next(qtbot, wizard)
    assert page(wizard).key == "plan_progress"
    for qid in ("plan_progressing", "proactive_information_sharing", "proactive_tasks", "proactive_outcomes"):
        widget = wizard.widgets[qid]
        assert isinstance(widget, YesNoAnswer)
        tab_to(qtbot, wizard, widget.button_for("yes"))
        qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Space)
        assert wizard.answers[qid] == "yes"
        if qid == "plan_progressing":
            text = wizard.widgets["plan_progress_detail"]
            assert isinstance(text, TextAnswer)
            tab_to(qtbot, wizard, text.edit)
            qtbot.keyClicks(text.edit, "The child protection plan is on track.")
            qtbot.keyClick(text.edit, Qt.Key.Key_Tab)  # Tab leaves the text box
            assert wizard.focusWidget() is not text.edit
    press_next(qtbot, wizard)
    assert page(wizard).key == "issues"
    assert wizard.answers["plan_progress_detail"] == "The child protection plan is on track."


def test_every_field_is_named_for_screen_readers(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    signed_initial(qtbot, ws, coworked)  # so the review lists an action to review
    for kind in RecordKind:
        wizard = wizard_for(qtbot, ws, coworked["coallocation"], kind)
        for qid, widget in wizard.widgets.items():
            q = widget.question
            assert widget.accessibleName() == style.prompt_text(q.prompt, q.required)  # as the screen says it
            assert ("(required)" in widget.accessibleName()) == q.required
            for control, _name in widget.controls():
                assert control.accessibleName(), (kind, qid, control)
                if q.guidance:
                    assert control.accessibleDescription(), (kind, qid, control)
            if q.kind != QuestionKind.INFO:
                assert wizard.rows[qid].prompt.buddy() is widget.focus_target()
        wizard.reject()


# -- nothing typed is lost -------------------------------------------------------------------------
def test_the_draft_is_saved_while_typing(qtbot: QtBot, ws: Workspace, coworked: dict[str, int]) -> None:
    wizard, analysis = first_page_widget(
        qtbot, ws, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION, "analysis", TextAnswer
    )
    with qtbot.waitSignal(wizard.record_changed, timeout=3000) as blocker:
        qtbot.keyClicks(analysis.edit, "Mother was calmer today")
        assert ws.store.get_record(wizard.record_id).answers.get("analysis") is None  # not on every key
    assert blocker.args == [wizard.record_id]
    qtbot.wait(100)
    qtbot.keyClicks(analysis.edit, "; father absent.")
    qtbot.wait(2000)
    stored = ws.store.get_record(wizard.record_id).answers
    assert stored["analysis"] == "Mother was calmer today; father absent."
    assert stored["_page"] == "discussion"


def test_reopening_resumes_on_the_saved_page(qtbot: QtBot, ws: Workspace, coworked: dict[str, int]) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.INITIAL_MEETING)
    for _ in range(3):
        fill_page(qtbot, wizard, {})
        go_next(wizard)
    assert page(wizard).key == "supervision"
    set_answer(qtbot, wizard, "supervision_frequency", (3, "week"))
    wizard.close()  # saves at once
    assert ws.store.get_record(wizard.record_id).answers["supervision_frequency"] == "FREQ=WEEKLY;INTERVAL=3"

    again = open_record(ws, wizard.record_id)
    assert isinstance(again, MeetingWizard)
    qtbot.addWidget(again)
    assert page(again).key == "supervision"
    spin = again.widgets["supervision_frequency"]
    assert isinstance(spin, RecurrenceAnswer)
    assert (spin.spin.value(), spin.unit.currentData(), spin.unit.currentText()) == (3, "week", "weeks")
    again.back()
    assert page(again).key == "communication"  # the earlier pages are there to go back to
    # and open_meeting finds the same draft
    third = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.INITIAL_MEETING)
    assert third.record_id == wizard.record_id


def test_a_failed_save_keeps_the_answers_and_retries(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION)
    go_next(wizard)
    real = sessions.save_draft
    calls: list[int] = []

    def refuse(*args: Any, **kw: Any) -> None:
        calls.append(1)
        raise StoreError("cowork.db: the database is read-only; nothing was saved")

    monkeypatch.setattr(sessions, "save_draft", refuse)
    set_answer(qtbot, wizard, "analysis", "Written while the disk was read-only")
    qtbot.waitUntil(lambda: bool(calls), timeout=3000)
    bar = page(wizard).save_bar
    assert bar.isVisible()
    assert bar.text().startswith("Not saved yet: cowork.db: the database is read-only")
    assert "Your answers are kept and will be saved when possible" in bar.text()
    assert wizard.answers["analysis"] == "Written while the disk was read-only"
    monkeypatch.setattr(sessions, "save_draft", real)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=4000)
    assert ws.store.get_record(wizard.record_id).answers["analysis"] == "Written while the disk was read-only"


# -- signed records: amendment, locking ------------------------------------------------------------
def test_an_amendment_is_a_new_version_and_both_stay_readable(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    first = signed_initial(qtbot, ws, coworked)
    later = TODAY + timedelta(days=30)  # the agreed action has fallen due, not done
    promises_before = insights.case_promises(ws, coworked["case"], later).total
    view = open_record(ws, first.record_id)
    assert isinstance(view, RecordView)
    qtbot.addWidget(view)
    assert view.version_note.text() == "Version 1"
    assert view.amend_button.isEnabled() and view.print_button.isVisibleTo(view)
    assert "Book the first joint visit" in view.text.toPlainText()

    amendment = view.amend("The first review date was agreed as two weeks, not a month.")
    assert amendment is not None
    qtbot.addWidget(amendment)
    v2 = amendment.env.record
    assert (v2.version, v2.supersedes_id, v2.status) == (2, first.record_id, RecordStatus.DRAFT)
    assert label_text(amendment, "amendmentNote").endswith("two weeks, not a month.")
    assert view.superseded_note.text() == "An amendment (version 2) is being prepared"
    assert not view.amend_button.isEnabled()
    # the amendment starts from the signed answers
    assert amendment.answers["learning_opportunities"].startswith("Direct work")
    while page(amendment).key != "mdr":
        go_next(amendment)
    set_answer(qtbot, amendment, "next_review_date", TODAY + timedelta(days=14))
    go_next(amendment)
    sign_all(qtbot, amendment, draw_first=False)

    old = RecordView(ws, first.record_id)
    new = open_record(ws, amendment.record_id)
    qtbot.addWidget(old)
    qtbot.addWidget(new)
    assert isinstance(new, RecordView)
    assert old.superseded_note.text() == "Superseded by version 2"
    assert new.version_note.text() == (
        "Version 2, amends version 1: The first review date was agreed as two weeks, not a month."
    )
    assert new.superseded_note.isHidden()
    assert (TODAY + timedelta(days=14)).strftime("%d %b %Y") in new.text.toPlainText()
    assert ws.store.get_record(first.record_id).status == RecordStatus.SIGNED
    # the superseded version's facts no longer count, and its actions are not doubled: an action the amendment
    # keeps unchanged keeps its identity (and history) from the version that agreed it
    open_now = ws.store.open_actions(coworked["coallocation"])
    assert [(a.description, a.record_id) for a in open_now] == [
        ("Book the first joint visit", first.record_id)
    ]
    states = ws.store.coallocation_states(TODAY)
    assert [r.id for r in states[0].records] == [amendment.record_id]
    # and "promises kept" does not move for a correction that left the actions alone
    assert insights.case_promises(ws, coworked["case"], later).total == promises_before


def test_amend_asks_for_the_reason(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = signed_initial(qtbot, ws, coworked)
    view = RecordView(ws, first.record_id)
    qtbot.addWidget(view)
    from cowork_desktop.ui.wizard import record_view

    monkeypatch.setattr(record_view.AmendReasonDialog, "ask", classmethod(lambda cls, parent=None: None))
    assert view.start_amendment() is None  # cancelled: nothing made
    assert all(r.supersedes_id is None for r in ws.store.records_for_case(coworked["case"]))
    monkeypatch.setattr(record_view.AmendReasonDialog, "ask", classmethod(lambda cls, parent=None: "Typo"))
    wizard = view.start_amendment()
    assert wizard is not None
    qtbot.addWidget(wizard)
    assert wizard.env.record.amendment_reason == "Typo"


def test_the_store_refuses_sql_changes_to_a_signed_record(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    wizard = signed_initial(qtbot, ws, coworked)
    rid = wizard.record_id
    with pytest.raises(sqlite3.IntegrityError, match="signed and locked"):
        ws.store.db.execute("UPDATE records SET answers = '{}' WHERE id = ?", [rid])
    with pytest.raises(sqlite3.IntegrityError, match="signed and locked"):
        ws.store.db.execute("DELETE FROM records WHERE id = ?", [rid])
    with pytest.raises(sqlite3.IntegrityError):
        ws.store.db.execute("DELETE FROM signatures WHERE record_id = ?", [rid])
    assert ws.store.get_record(rid).answers["learning_opportunities"].startswith("Direct work")


def test_open_record_resumes_a_record_awaiting_signatures(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION)
    complete_pages(qtbot, wizard)
    sign = wizard.currentPage()
    assert isinstance(sign, SignOffPage)
    type_text(qtbot, sign.name, "Zoë Ó Súilleabháin")
    click(qtbot, sign.agree)
    click(qtbot, sign.sign_button)
    wizard.close()  # closing keeps the signatures collected so far
    assert ws.store.get_record(wizard.record_id).status == RecordStatus.AWAITING_SIGNATURES
    again = open_record(ws, wizard.record_id)
    assert isinstance(again, MeetingWizard)
    qtbot.addWidget(again)
    resumed = again.currentPage()
    assert isinstance(resumed, SignOffPage)
    assert resumed.current == coworked["student"]
    assert "Signed: Zoë Ó Súilleabháin (typed)" in resumed.status.text()
    # back to the read-back keeps the record ready to sign and the signature made
    again.back()
    assert isinstance(again.currentPage(), ReadBackPage)
    assert ws.store.get_record(wizard.record_id).status == RecordStatus.AWAITING_SIGNATURES
    assert len(ws.store.signatures_for(wizard.record_id)) == 1
    # going back to change an answer returns the record to draft (and clears the signatures)
    again.back()
    assert isinstance(again.currentPage(), SectionPage)
    assert ws.store.get_record(wizard.record_id).status == RecordStatus.DRAFT
    assert ws.store.signatures_for(wizard.record_id) == []


def test_a_text_answer_warns_gently_about_personal_details(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION)
    text = next(w for w in wizard.findChildren(TextAnswer))
    guidance = text.edit.accessibleDescription()
    text.edit.setPlainText("Mum said to ring her on 07700 900123 after school.")
    text.privacy.check_now()
    assert "phone" in text.privacy.message().lower()
    assert text.edit.accessibleDescription().startswith(guidance)
    text.edit.setPlainText("Visit went well.")
    text.privacy.check_now()
    assert text.privacy.message() == "" and text.edit.accessibleDescription() == guidance
    assert text.value() == "Visit went well."


# -- the meeting as people hold it ----------------------------------------------------------------
def geometry(widgets: Sequence[QWidget], wizard: MeetingWizard) -> list[tuple[int, int, int, int]]:
    """Where each control is laid out on its page (after the layouts have settled; scrolling to a problem moves
    the view, not the controls on the page)."""
    QApplication.processEvents()
    content = page(wizard).content
    found = []
    for w in widgets:
        top_left = w.mapTo(content, QPoint(0, 0))
        found.append((top_left.x(), top_left.y(), w.width(), w.height()))
    return found


def test_a_task_added_in_the_meeting_is_kept_and_signed(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    wizard, resp = first_page_widget(
        qtbot,
        ws,
        coworked["coallocation"],
        RecordKind.INITIAL_MEETING,
        "responsibilities",
        ResponsibilitiesAnswer,
    )
    assert "Chronology" in resp.tasks()  # the form's own list
    click(qtbot, resp.fill_buttons[0])  # the experienced worker leads every task of the form
    # typed, and added with Return (which stays on the page)
    qtbot.keyClicks(resp.new_task, "Life story work")
    qtbot.keyClick(resp.new_task, Qt.Key.Key_Return)
    assert page(wizard).key == "responsibilities"
    assert resp.added == ["Life story work"] and resp.new_task.text() == ""
    student_leads = resp.radios["Life story work"][coworked["student"]]
    assert wizard.focusWidget() is resp.radios["Life story work"][coworked["experienced"]]  # on to its lead
    assert student_leads.accessibleName() == "Life story work: Łukasz Wiśniewski leads"
    assert resp.joint["Life story work"].accessibleName() == "Life story work: joint"
    remove = resp.remove_buttons["Life story work"]
    assert remove.accessibleName() == "Remove the task Life story work"
    assert wizard.answers["responsibilities"]["Life story work"] == {"lead": None, "joint": False}
    click(qtbot, student_leads)
    # a form task again, in any case, is refused next to the field
    qtbot.keyClicks(resp.new_task, "visits")
    click(qtbot, resp.add_task_button)
    assert resp.task_message.message() == "'Visits' is listed already."
    assert resp.added == ["Life story work"]
    # another added, then removed with its button (by the keyboard: Return on the focused button)
    resp.new_task.clear()
    qtbot.keyClicks(resp.new_task, "Court bundle")
    click(qtbot, resp.add_task_button)
    assert resp.task_message.message() == ""
    assert "Court bundle" in wizard.answers["responsibilities"]
    resp.remove_buttons["Court bundle"].setFocus()
    qtbot.keyClick(resp.remove_buttons["Court bundle"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Court bundle" not in resp.radios, timeout=1000)
    assert resp.added == ["Life story work"]
    assert "Court bundle" not in wizard.answers["responsibilities"]
    assert wizard.focusWidget() is remove  # the focus stays among the added tasks
    # Tab reaches every new control
    tab_to(qtbot, wizard, resp.new_task, limit=120)
    go_next(wizard)
    complete_pages(qtbot, wizard)
    sign_all(qtbot, wizard, draw_first=False)
    stored = ws.store.get_record(wizard.record_id).answers["responsibilities"]
    assert stored["Life story work"] == {"lead": coworked["student"], "joint": False}
    assert stored["Chronology"]["lead"] == coworked["experienced"]
    table = next(
        item
        for section in build_case_note(ws, wizard.record_id).sections
        for item in section.items
        if isinstance(item, ResponsibilitiesTable)
    )
    assert ("Life story work", "Łukasz Wiśniewski") in [(r.task, r.lead) for r in table.rows]


def test_a_task_added_comes_back_with_the_draft(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.CLOSING)
    while page(wizard).key != "handover":
        fill_page(qtbot, wizard, {"end_reason": "Student placement ends"})
        go_next(wizard)
    resp = wizard.widgets["responsibilities"]
    assert isinstance(resp, ResponsibilitiesAnswer)
    resp.new_task.setText("  Life   story work ")
    click(qtbot, resp.add_task_button)
    assert resp.added == ["Life story work"]  # spaces tidied
    wizard.close()
    again = open_record(ws, wizard.record_id)
    assert isinstance(again, MeetingWizard)
    qtbot.addWidget(again)
    reopened = again.widgets["responsibilities"]
    assert isinstance(reopened, ResponsibilitiesAnswer)
    assert reopened.added == ["Life story work"]
    # required: the added task needs its lead like the form's tasks
    for task in reopened.question.tasks:
        click(qtbot, reopened.radios[task][coworked["experienced"]])
    again.next()
    assert page(again).rows["responsibilities"].message() == "Give each task one lead: Life story work."
    click(qtbot, reopened.radios["Life story work"][coworked["student"]])
    fill_page(qtbot, again, {})
    go_next(again)


def test_the_read_back_shows_the_record_as_it_will_print(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.INITIAL_MEETING)
    while isinstance(wizard.currentPage(), FormPage):
        fill_page(
            qtbot,
            wizard,
            {"actions": [("Book the first joint visit", coworked["student"], TODAY + timedelta(days=7))]},
        )
        go_next(wizard)
    readback = wizard.currentPage()
    assert isinstance(readback, ReadBackPage)
    assert ws.store.get_record(wizard.record_id).status == RecordStatus.AWAITING_SIGNATURES
    assert readback.instruction.text() == "Read the record with everyone present, then go on to sign."
    assert wizard.button(wizard.WizardButton.NextButton).text() == "&Go on to sign"
    text = " ".join(readback.text().split())
    note = build_case_note(ws, wizard.record_id)
    for line in note_lines(note):  # every prompt, answer and table cell, in the PDF's words
        assert " ".join(line.split()) in text, line
    assert "Who leads on each task?" in text and "Chronology" in text and "Joint or sole" in text
    assert "Book the first joint visit" in text and "Draft (not signed)" in text
    # one scrolling text: no scroll area inside the page
    assert readback.findChildren(QScrollArea) == []
    assert readback.findChildren(QAbstractScrollArea) == [readback.view]
    # the statement is still ticked by each signer on the next page
    go_next(wizard)
    sign = wizard.currentPage()
    assert isinstance(sign, SignOffPage)
    assert sign.agree.text().replace("&", "") == "I agree this is an accurate record"
    # back to the read-back: still ready to sign; back again: a draft, to change an answer
    wizard.back()
    assert wizard.currentPage() is readback
    assert ws.store.get_record(wizard.record_id).status == RecordStatus.AWAITING_SIGNATURES
    wizard.back()
    assert page(wizard).key == "mdr"
    assert ws.store.get_record(wizard.record_id).status == RecordStatus.DRAFT


def test_co_workers_sign_in_any_order_and_the_manager_last(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION)
    complete_pages(qtbot, wizard, {"prompted_by": "After a visit", "learning": "Planning a visit."})
    sign = wizard.currentPage()
    assert isinstance(sign, SignOffPage)
    student, experienced = coworked["student"], coworked["experienced"]
    manager = sign.choices[SignOffPage.MANAGER]
    assert not manager.isEnabled()  # the manager signs last
    # the student first
    click(qtbot, sign.choices[student])
    assert sign.current == student and sign.choices[student].isChecked()
    assert sign.now.text() == "Now signing: Łukasz Wiśniewski, Student social worker"
    assert sign.sign_button.accessibleName() == "Sign as Łukasz Wiśniewski"
    click(qtbot, manager)  # not yet
    assert sign.current == student
    type_text(qtbot, sign.name, "Łukasz Wiśniewski")
    click(qtbot, sign.agree)
    click(qtbot, sign.sign_button)
    assert not sign.error.message()
    assert not sign.choices[student].isEnabled()
    assert sign.choices[student].text().endswith(": signed")
    assert sign.current == experienced and not manager.isEnabled()
    assert "Signed: Łukasz Wiśniewski (typed)." in sign.status.text()
    # then the experienced worker
    type_text(qtbot, sign.name, "Zoë Ó Súilleabháin")
    click(qtbot, sign.agree)
    click(qtbot, sign.sign_button)
    # then the manager, chosen now
    assert manager.isEnabled() and manager.isChecked() and sign.current == SignOffPage.MANAGER
    sign.name.clear()
    qtbot.keyClicks(sign.name, "Amara Okafor")
    click(qtbot, sign.agree)
    with qtbot.waitSignal(wizard.record_signed, timeout=2000):
        click(qtbot, sign.sign_button)
    signatures = ws.store.signatures_for(wizard.record_id)
    assert [s.worker_id for s in signatures] == [student, experienced, None]
    assert wizard.currentId() == wizard.done_id


def test_page_x_of_y_counts_the_pages_shown(qtbot: QtBot, ws: Workspace, coworked: dict[str, int]) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.INITIAL_MEETING)
    # start, 7 sections (the learning plan: a student), read-back, signatures
    assert wizard.currentPage().subTitle() == "Page 1 of 10"
    go_next(wizard)
    assert wizard.currentPage().subTitle() == "Page 2 of 10"
    # a condition changes: the learning plan page goes, and the count follows at once
    wizard.env.context["has_learner"] = False
    wizard._refresh()
    assert wizard.currentPage().subTitle() == "Page 2 of 9"
    wizard.env.context["has_learner"] = True
    wizard._refresh()
    assert wizard.page_number() == (2, 10)
    complete_pages(qtbot, wizard)
    assert wizard.currentPage().subTitle() == "Page 10 of 10"
    wizard.back()
    assert wizard.currentPage().subTitle() == "Page 9 of 10"  # the read-back
    other = add_case(ws, "CR-200002", (Role.SOCIAL_WORKER, Role.SOCIAL_WORKER), [Reason.COMPLEXITY])
    no_learner = wizard_for(qtbot, ws, other["coallocation"], RecordKind.INITIAL_MEETING)
    assert no_learner.currentPage().subTitle() == "Page 1 of 9"


def test_a_message_does_not_move_the_controls(qtbot: QtBot, ws: Workspace, coworked: dict[str, int]) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.INITIAL_MEETING)
    start = page(wizard)
    participants = wizard.widgets["participants"]
    assert isinstance(participants, WorkersAnswer)
    boxes = list(participants.boxes.values())
    assert isinstance(start, StartPage)
    controls: list[QWidget] = [*boxes, start.meeting_date]
    for box in boxes:
        click(qtbot, box)  # nobody ticked
    before = geometry(controls, wizard)
    wizard.next()
    assert start.rows["participants"].message() == "This question needs an answer."
    assert geometry(controls, wizard) == before  # the message took the line kept for it
    click(qtbot, boxes[0])
    assert start.rows["participants"].message() == ""
    assert geometry(controls, wizard) == before  # and leaving keeps it: nothing jumps under the pointer
    click(qtbot, boxes[1])
    go_next(wizard)
    resp = wizard.widgets["responsibilities"]
    assert isinstance(resp, ResponsibilitiesAnswer)
    radios = [r for task in resp.tasks() for r in resp.radios[task].values()]
    before = geometry(radios, wizard)
    wizard.next()
    assert page(wizard).rows["responsibilities"].message() == "This question needs an answer."
    assert geometry(radios, wizard) == before
    click(qtbot, radios[0])
    assert geometry(radios, wizard) == before


def test_return_in_a_field_never_leaves_the_page(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.INITIAL_MEETING)
    start = page(wizard)
    assert isinstance(start, StartPage)
    date_field = start.meeting_date
    date_field.setFocus()
    for _ in range(3):  # pressed again and again, as when "confirming" a field
        qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    assert wizard.currentId() == wizard.start_id
    assert all(not row.message() for row in start.rows.values())
    assert wizard.focusWidget() is not date_field  # on to another field, as Tab would
    # on the last page Return does not press "Ready to sign"
    while page(wizard).key != "mdr":
        fill_page(qtbot, wizard, {})
        go_next(wizard)
    actions = wizard.widgets["actions"]
    assert isinstance(actions, ActionsAnswer)
    click(qtbot, actions.add_button)
    description = actions.rows[-1].description
    assert wizard.focusWidget() is description
    qtbot.keyClicks(description, "Joint visit")
    qtbot.keyClick(description, Qt.Key.Key_Return)
    assert wizard.focusWidget() is actions.rows[-1].owner  # the next field of the action
    actions.rows[-1].owner.setCurrentIndex(1)
    assert page(wizard).key == "mdr"
    assert all(not row.message() for row in page(wizard).rows.values())
    assert ws.store.get_record(wizard.record_id).status == RecordStatus.DRAFT
    # the wizard's own button still takes Return when it has the focus
    next_button = wizard.button(wizard.WizardButton.NextButton)
    assert next_button.text() == "&Ready to sign"
    fill_page(qtbot, wizard, {})
    press_next(qtbot, wizard)
    readback = wizard.currentPage()
    assert isinstance(readback, ReadBackPage)
    # after a page's last field Return does nothing: it never walks on to Back or "Go on to sign"
    readback.view.setFocus()
    for _ in range(3):
        qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    assert wizard.currentPage() is readback and wizard.focusWidget() is readback.view
    assert ws.store.get_record(wizard.record_id).status == RecordStatus.AWAITING_SIGNATURES
