"""Worker, case and co-allocation dialogs: messages next to the field, nothing saved on error, saved when good."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

import pytest
from helpers.cases import two_workers_and_a_case
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.models import Case, Reason, Role, Worker
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.store import Store
from cowork_desktop.ui.dialogs import CaseDialog, CoAllocationDialog, WorkerDialog
from cowork_desktop.ui.widgets import to_qdate

DialogT = TypeVar("DialogT", bound=QDialog)


def _show(qtbot: QtBot, dialog: DialogT) -> DialogT:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click_save(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox, "dialogButtons")
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _error_under(dialog: QDialog, key: str) -> str:
    """The message in the error label inside the row of field ``key`` (so it is next to that field)."""
    row = dialog.findChild(QWidget, f"{key}Row")
    assert row is not None, key
    labels = [lbl for lbl in row.findChildren(QLabel) if lbl.objectName() == "fieldError"]
    assert len(labels) == 1
    return labels[0].text() if labels[0].isVisible() else ""


# -- workers ---------------------------------------------------------------------------------------------
def test_worker_dialog_shows_errors_next_to_fields_and_saves_nothing(qtbot: QtBot, store: Store) -> None:
    dialog = _show(qtbot, WorkerDialog(store))
    _click_save(qtbot, dialog)
    assert dialog.isVisible()  # stays open
    assert "name" in _error_under(dialog, "name").lower()
    assert _error_under(dialog, "role") == "Choose a role."
    assert _error_under(dialog, "team") == ""
    assert store.list_workers() == []


def test_worker_dialog_saves_good_input(qtbot: QtBot, store: Store) -> None:
    dialog = WorkerDialog(store)
    _show(qtbot, dialog)
    qtbot.keyClicks(dialog.name_edit, "Amara Okafor")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.TEAM_MANAGER.value))
    qtbot.keyClicks(dialog.team_edit, "Assessment Team 2")
    with qtbot.waitSignal(dialog.saved, timeout=2000) as blocker:
        _click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [saved] = store.list_workers()
    assert (saved.name, saved.role, saved.team, saved.id) == (
        "Amara Okafor",
        Role.TEAM_MANAGER,
        "Assessment Team 2",
        blocker.args[0],
    )


def test_editing_a_worker_updates_it(qtbot: QtBot, store: Store) -> None:
    worker = store.add_worker(Worker("Daniel Mensah", Role.SOCIAL_WORKER))
    dialog = _show(qtbot, WorkerDialog(store, worker))
    dialog.active_check.setChecked(False)
    _click_save(qtbot, dialog)
    assert worker.id is not None
    assert store.get_worker(worker.id).active is False


# -- cases -----------------------------------------------------------------------------------------------
def test_case_dialog_refuses_a_name_and_saves_nothing(qtbot: QtBot, store: Store) -> None:
    dialog = _show(qtbot, CaseDialog(store))
    assert "never a child's name" in dialog.intro.text()
    qtbot.keyClicks(dialog.reference_edit, "Jane Smith")
    qtbot.keyClicks(dialog.initials_edit, "jane")
    before = store.count_cases()
    _click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert "never a child's name" in _error_under(dialog, "reference")
    assert "Initials only" in _error_under(dialog, "children_initials")
    assert dialog.reference_edit.accessibleDescription() == _error_under(dialog, "reference")
    assert store.count_cases() == before == 0


def test_case_dialog_shows_the_stores_duplicate_error_next_to_the_reference(
    qtbot: QtBot, store: Store
) -> None:
    store.add_case(Case("CR-100234"))
    dialog = _show(qtbot, CaseDialog(store))
    qtbot.keyClicks(dialog.reference_edit, "CR-100234")
    _click_save(qtbot, dialog)
    assert "already exists" in _error_under(dialog, "reference")
    assert store.count_cases() == 1


def test_case_dialog_saves_good_input_and_clears_old_errors(qtbot: QtBot, store: Store) -> None:
    dialog = _show(qtbot, CaseDialog(store))
    _click_save(qtbot, dialog)
    assert _error_under(dialog, "reference")
    qtbot.keyClicks(dialog.reference_edit, "CR-2026-0001")
    dialog.count_spin.setValue(2)
    qtbot.keyClicks(dialog.initials_edit, "AB, CD")
    _click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = store.find_case("CR-2026-0001")
    assert (saved.children_count, saved.children_initials) == (2, "AB, CD")


def test_every_field_has_an_accessible_name_and_a_label_buddy(qtbot: QtBot, ws: Workspace) -> None:
    ws.store.add_worker(Worker("A Worker", Role.SOCIAL_WORKER))
    for dialog in (WorkerDialog(ws.store), CaseDialog(ws.store), CoAllocationDialog(ws.store)):
        _show(qtbot, dialog)
        fields = dialog.fields
        for key, widget in fields.fields.items():
            assert widget.accessibleName(), key
            assert fields.labels[key].buddy() is widget, key
            assert "&" in fields.labels[key].text(), key  # a keyboard mnemonic


# -- co-allocations ----------------------------------------------------------------------------------
@pytest.fixture
def two_workers(store: Store) -> tuple[int, int, int]:
    experienced, student, case = two_workers_and_a_case(
        store,
        Worker("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER),
        Worker("Łukasz Wiśniewski", Role.STUDENT),
        Case("CR-300001"),
    )
    assert experienced.id and student.id and case.id
    return experienced.id, student.id, case.id


def test_coallocation_dialog_errors_and_nothing_saved(
    qtbot: QtBot, store: Store, two_workers: tuple[int, int, int]
) -> None:
    experienced, _student, case_id = two_workers
    dialog = _show(qtbot, CoAllocationDialog(store, case_id, today=date(2026, 11, 2)))
    _click_save(qtbot, dialog)
    assert _error_under(dialog, "worker1_id") == "Choose the first co-worker."
    assert _error_under(dialog, "reasons") == "Choose at least one reason for co-working."
    # the same worker twice
    dialog.worker1_combo.setCurrentIndex(dialog.worker1_combo.findData(experienced))
    dialog.worker2_combo.setCurrentIndex(dialog.worker2_combo.findData(experienced))
    dialog.reason_checks[Reason.DEVELOPMENT].setChecked(True)
    _click_save(qtbot, dialog)
    assert _error_under(dialog, "worker2_id") == "Choose two different workers."
    assert _error_under(dialog, "reasons") == ""
    assert dialog.isVisible()
    assert store.coallocations_for_case(case_id) == []


def test_coallocation_lead_is_one_of_the_two_and_defaults_to_the_experienced_worker(
    qtbot: QtBot, store: Store, two_workers: tuple[int, int, int]
) -> None:
    experienced, student, case_id = two_workers
    store.add_worker(Worker("Someone Else", Role.SOCIAL_WORKER))
    dialog = _show(qtbot, CoAllocationDialog(store, case_id))
    assert dialog.lead_combo.count() == 0
    dialog.worker1_combo.setCurrentIndex(dialog.worker1_combo.findData(student))
    dialog.worker2_combo.setCurrentIndex(dialog.worker2_combo.findData(experienced))
    assert {dialog.lead_combo.itemData(i) for i in range(dialog.lead_combo.count())} == {
        experienced,
        student,
    }
    assert dialog.lead_combo.currentData() == experienced


def test_coallocation_dialog_saves_good_input(
    qtbot: QtBot, store: Store, two_workers: tuple[int, int, int]
) -> None:
    experienced, student, case_id = two_workers
    dialog = _show(qtbot, CoAllocationDialog(store, case_id))
    dialog.worker1_combo.setCurrentIndex(dialog.worker1_combo.findData(experienced))
    dialog.worker2_combo.setCurrentIndex(dialog.worker2_combo.findData(student))
    dialog.start_edit.setDate(to_qdate(date(2026, 11, 2)))
    dialog.reason_checks[Reason.DEVELOPMENT].setChecked(True)
    dialog.reason_checks[Reason.COMPLEXITY].setChecked(True)
    _click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [ca] = store.coallocations_for_case(case_id)
    assert (ca.worker1_id, ca.worker2_id, ca.lead_worker_id) == (experienced, student, experienced)
    assert ca.start_date == date(2026, 11, 2)
    assert set(ca.reasons) == {Reason.DEVELOPMENT, Reason.COMPLEXITY}


def test_a_second_active_coallocation_is_refused_with_a_message(
    qtbot: QtBot, store: Store, coworked: dict[str, int]
) -> None:
    dialog = _show(qtbot, CoAllocationDialog(store, coworked["case"]))
    dialog.worker1_combo.setCurrentIndex(dialog.worker1_combo.findData(coworked["experienced"]))
    dialog.worker2_combo.setCurrentIndex(dialog.worker2_combo.findData(coworked["manager"]))
    _click_save(qtbot, dialog)
    # two experienced workers: the manager chooses the lead (no guess)
    assert _error_under(dialog, "lead_worker_id") == "Choose which of the two co-workers leads."
    dialog.lead_combo.setCurrentIndex(dialog.lead_combo.findData(coworked["manager"]))
    dialog.reason_checks[Reason.COVER].setChecked(True)
    _click_save(qtbot, dialog)
    assert "already has an active co-allocation" in dialog.general_error.text()
    assert dialog.general_error.isVisible()
    assert len(store.coallocations_for_case(coworked["case"])) == 1


def test_ending_a_coallocation_before_it_started_is_refused_then_a_good_end_is_saved(
    qtbot: QtBot, store: Store, coworked: dict[str, int]
) -> None:
    ca = store.get_coallocation(coworked["coallocation"])
    dialog = _show(qtbot, CoAllocationDialog(store, coallocation=ca))
    assert dialog.end_edit is not None and dialog.ended_check is not None
    assert dialog.end_reason_edit is not None
    assert not dialog.end_edit.isEnabled()
    dialog.ended_check.setChecked(True)
    dialog.end_edit.setDate(to_qdate(date(2026, 10, 1)))
    _click_save(qtbot, dialog)
    assert _error_under(dialog, "end_date") == "The end date cannot be before the start date."
    assert store.get_coallocation(ca.id or 0).end_date is None
    dialog.end_edit.setDate(to_qdate(date(2027, 3, 31)))
    qtbot.keyClicks(dialog.end_reason_edit, "student placement finished")
    _click_save(qtbot, dialog)
    ended = store.get_coallocation(ca.id or 0)
    assert (ended.end_date, ended.end_reason) == (date(2027, 3, 31), "student placement finished")


def test_coallocation_from_the_menu_asks_for_the_case_reference(
    qtbot: QtBot, store: Store, two_workers: tuple[int, int, int]
) -> None:
    experienced, student, case_id = two_workers
    dialog = _show(qtbot, CoAllocationDialog(store))
    assert dialog.case_edit is not None
    qtbot.keyClicks(dialog.case_edit, "CR-999999")
    dialog.worker1_combo.setCurrentIndex(dialog.worker1_combo.findData(experienced))
    dialog.worker2_combo.setCurrentIndex(dialog.worker2_combo.findData(student))
    dialog.reason_checks[Reason.COVER].setChecked(True)
    _click_save(qtbot, dialog)
    assert _error_under(dialog, "case_id") == "There is no case with reference CR-999999."
    dialog.case_edit.setText("CR-300001")
    _click_save(qtbot, dialog)
    assert len(store.coallocations_for_case(case_id)) == 1
