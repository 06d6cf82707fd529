"""Alt+letter shortcuts are unique on every page: each page of the five meeting wizards (their conditional pages
and questions shown, through the read-back, the signatures and the "signed" page) and each page of the first-run
welcome. A letter doing two things on one page (Alt+N for "Your name" and Next) is a trap for keyboard users.

The mnemonics are collected as Qt reads them (``QKeySequence.mnemonic``): the texts of the buttons, check boxes
and radio buttons shown on the page, of the labels that have a buddy (a label's "&" is a shortcut only then),
of group boxes, and of the wizard's own buttons shown with the page (Back, Next, Commit, Finish, Cancel).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

from helpers.cases import two_workers_and_a_case
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget, QWizard
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.forms import Question, QuestionKind
from cowork_desktop.domain.models import Case, CoAllocation, PlanType, Reason, RecordKind, Role, Worker
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.first_run import FirstRunWizard
from cowork_desktop.ui.wizard import MeetingWizard, open_meeting
from cowork_desktop.ui.wizard.pages import FormPage, SignOffPage
from cowork_desktop.ui.wizard.questions import (
    ActionReviewAnswer,
    ActionsAnswer,
    ChoiceAnswer,
    ChoiceCombo,
    DateAnswer,
    ResponsibilitiesAnswer,
    TextAnswer,
    WorkerAnswer,
    _RadioAnswer,
)
from cowork_desktop.ui.wizard.readback import ReadBackPage

WIZARD_BUTTONS = (
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.CommitButton,
    QWizard.WizardButton.FinishButton,
    QWizard.WizardButton.CancelButton,
    QWizard.WizardButton.HelpButton,
)
MANAGER = "Amara Okafor"


# -- collecting ------------------------------------------------------------------------------------
def mnemonic(text: str) -> str:
    """The Alt+letter a text gives ("" for none), as Qt reads it ("&&" is a plain "&")."""
    return QKeySequence.mnemonic(text).toString(QKeySequence.SequenceFormat.PortableText)


def page_mnemonics(wizard: QWizard) -> dict[str, list[str]]:
    """Each Alt+letter of the current page, with the texts that use it."""
    page = wizard.currentPage()
    assert page is not None
    found: dict[str, list[str]] = defaultdict(list)
    for which in WIZARD_BUTTONS:
        button = wizard.button(which)
        if button is not None and button.isVisibleTo(wizard) and mnemonic(button.text()):
            found[mnemonic(button.text())].append(f"wizard button {button.text()!r}")
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            text = widget.text()  # a label's "&" is a shortcut only with a buddy
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        key = mnemonic(text)
        if key:
            found[key].append(f"{type(widget).__name__} {text!r}")
    return found


def check_page(wizard: QWizard, where: str, seen: list[str]) -> None:
    page = wizard.currentPage()
    name = f"{where} / {page.objectName()}"
    clashes = {key: texts for key, texts in page_mnemonics(wizard).items() if len(texts) > 1}
    assert not clashes, f"{name}: the same Alt+letter does two things: {clashes}"
    seen.append(name)


# -- the meeting wizards ---------------------------------------------------------------------------
def revealing_value(wizard: MeetingWizard, q: Question, options: list[str]) -> str:
    """The answer that shows the most other questions (a condition names it), else the first option."""
    counts: Counter[str] = Counter()
    for section in wizard.env.form.sections:
        for cond in [section.show_if, *(x.show_if for x in section.questions)]:
            if cond is not None and cond.question == q.id:
                counts.update(cond.values)
    return counts.most_common(1)[0][0] if counts else options[0]


def answer_everything(wizard: MeetingWizard) -> None:
    """Answer every question shown on the page (again, as answers show more), choosing what shows the most."""
    current = wizard.currentPage()
    assert isinstance(current, FormPage)
    first_worker = wizard.env.coworkers[0].id
    done: set[str] = set()
    for _ in range(4):
        for qid, row in current.rows.items():
            if row.isHidden() or qid in done:
                continue
            done.add(qid)
            widget: Any = wizard.widgets[qid]
            q = row.question
            if isinstance(widget, ChoiceAnswer):
                widget = widget.inner
            if isinstance(widget, TextAnswer):
                widget.edit.setPlainText(f"Answer to {qid}.")
            elif isinstance(widget, _RadioAnswer):
                widget.button_for(revealing_value(wizard, q, widget.values)).setChecked(True)
            elif isinstance(widget, ChoiceCombo):
                choice = revealing_value(wizard, q, list(q.choices))
                widget.combo.setCurrentIndex(widget.combo.findData(choice))
            elif isinstance(widget, WorkerAnswer):
                widget.combo.setCurrentIndex(widget.combo.findData(first_worker))
            elif isinstance(widget, DateAnswer):
                if widget.set_box is not None:
                    widget.set_box.setChecked(True)
            elif isinstance(widget, ResponsibilitiesAnswer):
                widget.lead_all(first_worker)
                widget.new_task.setText("Life story work")  # an added task: its row has a "Remove" button
                widget.add_task_button.click()
                widget.lead_all(first_worker)
            elif isinstance(widget, ActionsAnswer):
                widget.add_button.click()
                widget.rows[-1].description.setText("Agreed step")
                widget.rows[-1].owner.setCurrentIndex(widget.rows[-1].owner.findData(first_worker))
            elif isinstance(widget, ActionReviewAnswer):
                for _group, radios, _note in widget.items.values():
                    radios[0].setChecked(True)
            elif q.kind not in (QuestionKind.WORKERS, QuestionKind.RECURRENCE, QuestionKind.INFO):
                raise AssertionError(f"no answer for {qid} ({q.kind})")


def walk_meeting(qtbot: QtBot, ws: Workspace, ca_id: int, kind: RecordKind, seen: list[str]) -> MeetingWizard:
    wizard = open_meeting(ws, ca_id, kind)
    qtbot.addWidget(wizard)
    where = kind.value
    while isinstance(wizard.currentPage(), FormPage):
        check_page(wizard, where, seen)
        answer_everything(wizard)
        check_page(wizard, where, seen)  # with the questions the answers showed
        page = wizard.currentPage()
        assert isinstance(page, FormPage)
        wizard.next()
        problems = {k: r.message() for k, r in page.rows.items() if r.message()}
        assert wizard.currentPage() is not page, f"{where}: stuck on {page.objectName()}: {problems}"
    assert isinstance(wizard.currentPage(), ReadBackPage)
    check_page(wizard, where, seen)
    wizard.next()
    sign = wizard.currentPage()
    assert isinstance(sign, SignOffPage)
    while sign.current not in (None, SignOffPage.MANAGER):
        check_page(wizard, where, seen)
        worker = ws.store.get_worker(sign.current)
        sign.name.setText(worker.name)
        sign.agree.setChecked(True)
        sign.sign_button.click()
        assert not sign.error.message(), sign.error.message()
    check_page(wizard, where, seen)  # the manager's turn: other texts
    sign.name.setText(MANAGER)
    sign.agree.setChecked(True)
    with qtbot.waitSignal(wizard.record_signed, timeout=3000):
        sign.sign_button.click()
    assert wizard.currentId() == wizard.done_id
    check_page(wizard, where, seen)
    return wizard


def test_every_meeting_wizard_page_has_unique_mnemonics(qtbot: QtBot, ws: Workspace) -> None:
    s = ws.store
    team = "Assessment Team 2"
    experienced, student, case = two_workers_and_a_case(
        s,
        Worker("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER, team),
        Worker("Łukasz Wiśniewski", Role.STUDENT, team),
        Case("CR-300001", 1, "", PlanType.CHILD_PROTECTION),
    )
    assert experienced.id and student.id and case.id
    # a learner and a safety risk: every conditional page and note of the forms is shown
    ca = s.add_coallocation(
        CoAllocation(
            case.id,
            experienced.id,
            student.id,
            experienced.id,
            date(2026, 11, 2),
            [Reason.DEVELOPMENT, Reason.SAFETY],
        )
    )
    assert ca.id
    seen: list[str] = []
    # the initial meeting first (the review then has actions to review), the closing last (it ends the co-working)
    order = [
        RecordKind.INITIAL_MEETING,
        RecordKind.REVIEW,
        RecordKind.REFLECTIVE_DISCUSSION,
        RecordKind.ISSUE_RESOLUTION,
        RecordKind.CLOSING,
    ]
    assert set(order) == set(RecordKind)
    for kind in order:
        wizard = walk_meeting(qtbot, ws, ca.id, kind, seen)
        if kind == RecordKind.REVIEW:
            assert "page_actions" in " ".join(seen)  # the actions agreed before were reviewed
            assert wizard.done_page.follow_buttons  # the urgent follow-ups are on its last page
        wizard.close()
    pages = {name.split(" / ")[1] for name in seen}
    assert {"page_learning_plan", "page_safety", "page_readback", "page_sign", "page_done"} <= pages


# -- the first-run welcome -------------------------------------------------------------------------
def test_every_first_run_page_has_unique_mnemonics(qtbot: QtBot, ws: Workspace) -> None:
    wizard = FirstRunWizard(ws)
    qtbot.addWidget(wizard)
    wizard.show()
    seen: list[str] = []
    check_page(wizard, "first run", seen)  # welcome
    wizard.next()
    check_page(wizard, "first run", seen)  # about you
    assert "Alt+N" in page_mnemonics(wizard)  # Next keeps its letter
    wizard.you.name.setText(MANAGER)
    wizard.you.team.setText("Assessment Team 2")
    wizard.you.organisation.setText("Walsall Children's Services")
    wizard.next()
    check_page(wizard, "first run", seen)  # your data
    wizard.next()
    check_page(wizard, "first run", seen)  # certificate: create
    wizard.certificate.dialog.import_choice.setChecked(True)
    check_page(wizard, "first run / import", seen)  # certificate: import
    wizard.certificate.dialog.create_choice.setChecked(True)
    wizard.certificate.later.setChecked(True)
    wizard.next()
    check_page(wizard, "first run", seen)  # how to start
    keys = page_mnemonics(wizard)
    assert keys["Alt+S"] == ["wizard button '&Start'"]  # Alt+S starts, and does nothing else
    assert len(seen) == 6
