"""The meeting wizard driven as a user would: open it, answer, go on, sign (shared by the gui tests)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from cowork_desktop.domain import dates
from cowork_desktop.domain.forms import QuestionKind
from cowork_desktop.domain.models import (
    Case,
    CoAllocation,
    PlanType,
    Reason,
    RecordKind,
    RecordStatus,
    Role,
    Worker,
)
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.wizard import MeetingWizard, open_meeting
from cowork_desktop.ui.wizard.pages import FormPage, SignOffPage
from cowork_desktop.ui.wizard.questions import (
    ActionReviewAnswer,
    ActionsAnswer,
    ChoiceAnswer,
    ChoiceCombo,
    DateAnswer,
    RecurrenceAnswer,
    ResponsibilitiesAnswer,
    TextAnswer,
    WorkerAnswer,
    WorkersAnswer,
    _RadioAnswer,
)
from cowork_desktop.ui.wizard.readback import ReadBackPage

TODAY = dates.today()  # the day the run pinned (tests/conftest.py)


def wizard_for(qtbot: QtBot, ws: Workspace, ca_id: int, kind: RecordKind, **kw: Any) -> MeetingWizard:
    wizard = open_meeting(ws, ca_id, kind, **kw)
    qtbot.addWidget(wizard)
    # focus is checked with wizard.focusWidget(): the window's focus child, active window or not (another
    # test's window may keep the activation on the offscreen platform)
    wizard.activateWindow()
    return wizard


def page(wizard: MeetingWizard) -> FormPage:
    current = wizard.currentPage()
    assert isinstance(current, FormPage), current
    return current


def shown(row: QWidget) -> bool:
    return not row.isHidden()


def label_text(parent: QWidget, name: str) -> str:
    """The text of the label called ``name`` inside ``parent``."""
    label = parent.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def type_text(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    """Type like a user; QTest.keyClicks takes Latin-1 only, so other letters are inserted as an IME would."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))


def set_answer(qtbot: QtBot, wizard: MeetingWizard, qid: str, value: Any) -> None:
    """Answer one question through its real widget, as a user would."""
    widget = wizard.widgets[qid]
    if isinstance(widget, ChoiceAnswer):
        widget = widget.inner
    if isinstance(widget, TextAnswer):
        widget.edit.clear()
        qtbot.keyClicks(widget.edit, value)
    elif isinstance(widget, _RadioAnswer):
        click(qtbot, widget.button_for(value))
    elif isinstance(widget, (ChoiceCombo, WorkerAnswer)):
        widget.combo.setCurrentIndex(widget.combo.findData(value))
    elif isinstance(widget, WorkersAnswer):
        for wid, box in widget.boxes.items():
            if box.isChecked() != (wid in value):
                click(qtbot, box)
    elif isinstance(widget, DateAnswer):
        if widget.set_box is not None and not widget.set_box.isChecked():
            click(qtbot, widget.set_box)
        widget.edit.setDate(value)
    elif isinstance(widget, RecurrenceAnswer):
        every, unit = value
        widget.spin.setValue(every)
        widget.unit.setCurrentIndex(widget.unit.findData(unit))
    elif isinstance(widget, ResponsibilitiesAnswer):
        for task, lead in value.items():
            click(qtbot, widget.radios[task][lead])
    elif isinstance(widget, ActionsAnswer):
        for description, owner, due in value:
            click(qtbot, widget.add_button)
            row = widget.rows[-1]
            qtbot.keyClicks(row.description, description)
            row.owner.setCurrentIndex(row.owner.findData(owner))
            row.due.setDate(due)
    elif isinstance(widget, ActionReviewAnswer):
        for action_id, done in value.items():
            _group, radios, note = widget.items[str(action_id)]
            click(qtbot, radios[0 if done == "yes" else 1])
            qtbot.keyClicks(note, "checked in supervision")
    else:  # pragma: no cover
        raise AssertionError(f"no driver for {type(widget)}")


def fill_page(qtbot: QtBot, wizard: MeetingWizard, answers: dict[str, Any]) -> None:
    """Give the visible questions of the current page an answer: the ones given, else a sensible one."""
    current = page(wizard)
    first_worker = wizard.env.coworkers[0].id
    for qid, row in current.rows.items():
        if not shown(row):
            continue
        q = row.question
        if q.kind == QuestionKind.RESPONSIBILITIES and q.required:
            widget = wizard.widgets[qid]
            assert isinstance(widget, ResponsibilitiesAnswer)
            click(qtbot, widget.fill_buttons[0])
        if qid in answers:
            set_answer(qtbot, wizard, qid, answers[qid])
        elif not q.required:
            continue
        elif q.kind == QuestionKind.TEXT:
            set_answer(qtbot, wizard, qid, f"Answer to {qid}.")
        elif q.kind == QuestionKind.YES_NO:
            set_answer(qtbot, wizard, qid, "no" if q.follow_ups else "yes")
        elif q.kind == QuestionKind.CHOICE:
            set_answer(qtbot, wizard, qid, q.choices[0])
        elif q.kind == QuestionKind.WORKER:
            set_answer(qtbot, wizard, qid, first_worker)
        elif q.kind == QuestionKind.ACTIONS:
            set_answer(qtbot, wizard, qid, [("Agreed step", first_worker, TODAY + timedelta(days=10))])


def go_next(wizard: MeetingWizard) -> None:
    before = wizard.currentId()
    wizard.next()
    errors = (
        {k: r.message() for k, r in page(wizard).rows.items() if r.message()}
        if wizard.currentId() == before
        else {}
    )
    assert wizard.currentId() != before, f"stuck on {wizard.currentPage().objectName()}: {errors}"


def complete_pages(qtbot: QtBot, wizard: MeetingWizard, answers: dict[str, Any] | None = None) -> list[str]:
    """Answer every page up to the signatures, through the read-back; return the keys of the pages seen."""
    seen = []
    answers = answers or {}
    while isinstance(wizard.currentPage(), FormPage):
        seen.append(page(wizard).key)
        fill_page(qtbot, wizard, answers)
        go_next(wizard)
    assert isinstance(wizard.currentPage(), ReadBackPage)  # read with everyone present, then on to sign
    go_next(wizard)
    assert isinstance(wizard.currentPage(), SignOffPage)
    return seen


def sign_all(
    qtbot: QtBot, wizard: MeetingWizard, manager: str = "Amara Okafor", draw_first: bool = True
) -> None:
    if isinstance(wizard.currentPage(), ReadBackPage):
        go_next(wizard)  # read back with everyone present: on to sign
    sign = wizard.currentPage()
    assert isinstance(sign, SignOffPage)
    n = 0
    while sign.current is not None and sign.current != SignOffPage.MANAGER:
        if draw_first and n == 0:
            pad = sign.pad
            qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 60))
            for x in range(30, 200, 20):
                qtbot.mouseMove(pad, QPoint(x, 60 + (x % 40)))
            qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(210, 70))
        else:
            worker = wizard.ws.store.get_worker(sign.current)
            type_text(qtbot, sign.name, worker.name)
        click(qtbot, sign.agree)
        click(qtbot, sign.sign_button)
        assert not sign.error.isVisible() or not sign.error.text(), sign.error.text()
        n += 1
    assert sign.current == SignOffPage.MANAGER
    sign.name.clear()
    qtbot.keyClicks(sign.name, manager)
    click(qtbot, sign.agree)
    with qtbot.waitSignal(wizard.record_signed, timeout=2000):
        click(qtbot, sign.sign_button)
    assert wizard.currentId() == wizard.done_id
    assert wizard.env.record.status == RecordStatus.SIGNED


def add_case(ws: Workspace, ref: str, roles: tuple[Role, Role], reasons: list[Reason]) -> dict[str, int]:
    s = ws.store
    a = s.add_worker(Worker(f"Worker A {ref}", roles[0], "Team 1"))
    b = s.add_worker(Worker(f"Worker B {ref}", roles[1], "Team 1"))
    case = s.add_case(Case(ref, 1, "", PlanType.CHILD_IN_NEED))
    assert a.id and b.id and case.id
    ca = s.add_coallocation(CoAllocation(case.id, a.id, b.id, a.id, date(2026, 11, 2), reasons))
    assert ca.id
    return {"a": a.id, "b": b.id, "case": case.id, "coallocation": ca.id}


def signed_initial(qtbot: QtBot, ws: Workspace, coworked: dict[str, int]) -> MeetingWizard:
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.INITIAL_MEETING)
    complete_pages(
        qtbot,
        wizard,
        {
            "responsibilities": {
                "Visits": coworked["experienced"],
                "Completing reports": coworked["student"],
            },
            "discussion_recorder": coworked["student"],
            "actions": [("Book the first joint visit", coworked["student"], TODAY + timedelta(days=7))],
            "learning_opportunities": "Direct work with the children, chairing the core group.",
        },
    )
    sign_all(qtbot, wizard)
    return wizard


W = TypeVar("W", bound=QWidget)


def first_page_widget(
    qtbot: QtBot, ws: Workspace, ca_id: int, kind: RecordKind, qid: str, cls: type[W]
) -> tuple[MeetingWizard, W]:
    """A new ``kind`` meeting open in the wizard, on its first page of questions, and the answer widget of
    question ``qid`` there (a ``cls``)."""
    wizard = wizard_for(qtbot, ws, ca_id, kind)
    go_next(wizard)
    widget = wizard.widgets[qid]
    assert isinstance(widget, cls), widget
    return wizard, widget
