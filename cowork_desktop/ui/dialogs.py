"""Dialogs to add and edit workers, cases and co-allocations.

Each dialog checks the dataclass's ``validate()`` and then saves through ``services.cases``; every problem is shown under the
field it belongs to (the store's ``ValidationError.errors`` keys are the field names). Save stays open on error
and nothing is written.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain import dates
from cowork_desktop.domain.errors import CoworkError, NotFoundError, ValidationError
from cowork_desktop.domain.models import Case, CaseStatus, CoAllocation, PlanType, Reason, Role, Worker
from cowork_desktop.services import cases
from cowork_desktop.services.cases import Store
from cowork_desktop.services.changes import Changes, Done
from cowork_desktop.ui.privacy import PrivacyHint
from cowork_desktop.ui.widgets import (
    FormFields,
    combo,
    date_edit,
    dialog_buttons,
    from_qdate,
    hint_label,
    line_edit,
    set_role,
    tab_order,
    to_qdate,
)

STATUS_LABELS: dict[CaseStatus, str] = {
    CaseStatus.OPEN: str(QT_TRANSLATE_NOOP("CaseDialog", "Open")),
    CaseStatus.CLOSED: str(QT_TRANSLATE_NOOP("CaseDialog", "Closed")),
    CaseStatus.TRANSFERRED: str(QT_TRANSLATE_NOOP("CaseDialog", "Transferred")),
}


class _FormDialog(QDialog):
    """A form with an error label under each field and Save/Cancel buttons."""

    saved = Signal(int)  # the id of what was saved
    #: the window title adding one, and editing one (translated in the context of the dialog's class name)
    TITLES: tuple[str, str] = ("", "")

    def __init__(self, store: Store, editing: bool, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName(object_name)
        self.setWindowTitle(QCoreApplication.translate(type(self).__name__, self.TITLES[editing]))
        self.setModal(True)
        self.setMinimumWidth(620)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 18, 20, 14)
        outer.setSpacing(12)
        self.intro = hint_label("")
        self.intro.hide()
        outer.addWidget(self.intro)
        self.general_error = QLabel()
        self.general_error.setObjectName("generalError")
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.setAccessibleName(self.tr("Problem"))
        self.general_error.hide()
        outer.addWidget(self.general_error)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setVerticalSpacing(10)
        self.form.setHorizontalSpacing(14)
        outer.addLayout(self.form)
        outer.addStretch(1)
        self.fields = FormFields(self.form)
        self.buttons = dialog_buttons(self, self.save, save=True)
        self.buttons.setObjectName("dialogButtons")
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setObjectName("saveButton")
        save.setAccessibleName(self.tr("Save"))
        save.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        outer.addWidget(self.buttons)
        self.saved_id: int | None = None
        #: what the save changed (nothing until saved)
        self.changes = Changes()

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def show_errors(self, errors: dict[str, str]) -> None:
        unplaced = self.fields.show(errors)
        text = " ".join(unplaced.values())
        self.general_error.setText(text)
        self.general_error.setVisible(bool(text))
        # wrapped messages need height for the dialog's width: grow to fit them, never clip them
        layout = self.layout()
        if layout is not None:
            layout.activate()
            needed = layout.heightForWidth(self.width()) if layout.hasHeightForWidth() else 0
            self.resize(self.width(), max(self.height(), needed, layout.sizeHint().height()))

    def error_for(self, key: str) -> str:
        """The message shown under ``key`` now ("" if none): used by tests and by screen readers."""
        return self.fields.errors[key].message()

    # subclasses: collect the fields (with UI-only problems) and save them through services.cases
    def _collect(self) -> tuple[object, dict[str, str]]:
        raise NotImplementedError

    def _write(self, obj: object) -> Done[Any]:
        raise NotImplementedError

    def save(self) -> None:
        obj, problems = self._collect()
        validate = getattr(obj, "validate", None)
        errors = {**(validate() if callable(validate) else {}), **problems}
        if errors:
            self.show_errors(errors)
            return
        try:
            saved = self._write(obj)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except CoworkError as exc:
            self.show_errors({"_": str(exc)})
            return
        self.show_errors({})
        self.saved_id = saved.id
        self.changes = saved.changes
        self.saved.emit(saved.id)
        self.accept()


class WorkerDialog(_FormDialog):
    TITLES = (
        str(QT_TRANSLATE_NOOP("WorkerDialog", "Add a worker")),
        str(QT_TRANSLATE_NOOP("WorkerDialog", "Edit worker")),
    )

    def __init__(self, store: Store, worker: Worker | None = None, parent: QWidget | None = None) -> None:
        super().__init__(store, worker is not None, "workerDialog", parent)
        self.worker = worker
        self.name_edit = line_edit("workerName", max_length=200)
        roles = ((role.label, role.value) for role in Role)
        self.role_combo = combo("workerRole", roles, accessible_name=self.tr("Role"), fit=True)
        self.role_combo.setPlaceholderText(self.tr("Choose a role"))
        self.team_edit = line_edit("workerTeam", self.tr("e.g. Assessment Team 2"))
        self.active_check = QCheckBox(self.tr("Active (can be chosen for new co-allocations)"))
        self.active_check.setObjectName("workerActive")
        self.active_check.setAccessibleName(self.tr("Active"))
        self.active_check.setChecked(True)

        self.fields.add("name", self.tr("&Name:"), self.name_edit)
        self.fields.add("role", self.tr("&Role:"), self.role_combo)
        self.fields.add("team", self.tr("&Team:"), self.team_edit)
        self.fields.add("active", self.tr("Stat&us:"), self.active_check)
        if worker is not None:
            self.name_edit.setText(worker.name)
            self.role_combo.setCurrentIndex(self.role_combo.findData(worker.role.value))
            self.team_edit.setText(worker.team)
            self.active_check.setChecked(worker.active)
        else:
            self.role_combo.setCurrentIndex(-1)
        tab_order(self.name_edit, self.role_combo, self.team_edit, self.active_check)
        self.name_edit.setFocus()

    def _collect(self) -> tuple[object, dict[str, str]]:
        problems: dict[str, str] = {}
        data = self.role_combo.currentData()
        role = Role(data) if data else None
        if role is None:
            problems["role"] = self.tr("Choose a role.")
        worker = Worker(
            name=self.name_edit.text(),
            role=role or Role.SOCIAL_WORKER,
            team=self.team_edit.text(),
            active=self.active_check.isChecked(),
            id=self.worker.id if self.worker else None,
        )
        return worker, problems

    def _write(self, obj: object) -> Done[Any]:
        assert isinstance(obj, Worker)
        return cases.save_worker(self.store, obj)


class CaseDialog(_FormDialog):
    TITLES = (
        str(QT_TRANSLATE_NOOP("CaseDialog", "New case")),
        str(QT_TRANSLATE_NOOP("CaseDialog", "Edit case")),
    )

    def __init__(self, store: Store, case: Case | None = None, parent: QWidget | None = None) -> None:
        super().__init__(store, case is not None, "caseDialog", parent)
        self.case = case
        self.set_intro(self.tr("Case reference only — never a child's name. Use initials for the children."))
        self.reference_edit = line_edit("caseReference", max_length=64)
        self.count_spin = QSpinBox()
        self.count_spin.setObjectName("caseChildren")
        self.count_spin.setRange(1, 20)
        self.count_spin.setValue(1)
        self.count_spin.setAccessibleName(self.tr("Number of children"))
        self.initials_edit = line_edit("caseInitials", self.tr("e.g. AB, CD"), max_length=64)
        plans = ((plan.label, plan.value) for plan in PlanType)
        self.plan_combo = combo("casePlan", plans, accessible_name=self.tr("Plan"), fit=True)
        self.plan_combo.setCurrentIndex(self.plan_combo.findData(PlanType.CHILD_IN_NEED.value))
        statuses = (
            (QCoreApplication.translate("CaseDialog", label), s.value) for s, label in STATUS_LABELS.items()
        )
        self.status_combo = combo("caseStatus", statuses, accessible_name=self.tr("Case status"), fit=True)

        self.fields.add(
            "reference",
            self.tr("Case &reference:"),
            self.reference_edit,
            hint=self.tr("From the case management system, e.g. CR-100234."),
        )
        self.fields.add("children_count", self.tr("Number of &children:"), self.count_spin)
        self.fields.add(
            "children_initials",
            self.tr("Children's &initials:"),
            self.initials_edit,
            hint=self.tr("Initials only, in capitals (optional)."),
        )
        self.fields.add("plan_type", self.tr("&Plan:"), self.plan_combo)
        self.fields.add("status", self.tr("&Status:"), self.status_combo)
        # a gentle note (never blocking) if a postcode, phone number, NHS number... is typed where it does not belong
        self.privacy_hints: dict[str, PrivacyHint] = {}
        for key, edit in (("reference", self.reference_edit), ("children_initials", self.initials_edit)):
            hint = PrivacyHint().watch(edit)
            layout = self.fields.rows[key].layout()
            if layout is not None:
                layout.addWidget(hint)
            self.privacy_hints[key] = hint
        if case is not None:
            self.reference_edit.setText(case.reference)
            self.count_spin.setValue(case.children_count)
            self.initials_edit.setText(case.children_initials)
            self.plan_combo.setCurrentIndex(self.plan_combo.findData(case.plan_type.value))
            self.status_combo.setCurrentIndex(self.status_combo.findData(case.status.value))
        else:
            self.form.setRowVisible(self.fields.rows["status"], False)
        tab_order(
            self.reference_edit, self.count_spin, self.initials_edit, self.plan_combo, self.status_combo
        )
        self.reference_edit.setFocus()

    def _collect(self) -> tuple[object, dict[str, str]]:
        case = Case(
            reference=self.reference_edit.text(),
            children_count=self.count_spin.value(),
            children_initials=self.initials_edit.text(),
            plan_type=PlanType(self.plan_combo.currentData()),
            status=CaseStatus(self.status_combo.currentData()),
            id=self.case.id if self.case else None,
        )
        return case, {}

    def _write(self, obj: object) -> Done[Any]:
        assert isinstance(obj, Case)
        return cases.save_case(self.store, obj)


class CoAllocationDialog(_FormDialog):
    """Co-allocate a case to two workers, or edit (and end) a co-allocation."""

    TITLES = (
        str(QT_TRANSLATE_NOOP("CoAllocationDialog", "New co-allocation")),
        str(QT_TRANSLATE_NOOP("CoAllocationDialog", "Edit co-allocation")),
    )

    def __init__(
        self,
        store: Store,
        case_id: int | None = None,
        coallocation: CoAllocation | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(store, coallocation is not None, "coallocationDialog", parent)
        self.coallocation = coallocation
        self.case_id = coallocation.case_id if coallocation else case_id
        today = today or dates.today()

        chosen = set(coallocation.worker_ids) if coallocation else set()
        self.workers = [w for w in cases.workers(store) if w.active or w.id in chosen]
        self._roles = {w.id: w.role for w in self.workers}
        self._names = {w.id: w.name for w in self.workers}

        self.case_edit: QLineEdit | None = None
        if self.case_id is None:
            self.case_edit = line_edit("coallocationCase", self.tr("Type the case reference"))
            refs = [row.reference for row in cases.case_rows(store, limit=5000)]
            completer = QCompleter(refs, self.case_edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.case_edit.setCompleter(completer)
            self.fields.add("case_id", self.tr("&Case:"), self.case_edit)
        else:
            reference = cases.case(store, self.case_id).reference
            set_role(
                self.intro, "subtitle"
            )  # before its text: a heading to a screen reader (ui/accessibility.py)
            self.set_intro(self.tr("Case %1").replace("%1", reference))

        self.worker1_combo = self._worker_combo(self.tr("First co-worker"), "coallocationWorker1")
        self.worker2_combo = self._worker_combo(self.tr("Second co-worker"), "coallocationWorker2")
        self.lead_combo = combo("coallocationLead", accessible_name=self.tr("Lead worker"), fit=True)
        self.lead_combo.setPlaceholderText(self.tr("Choose the two co-workers first"))
        self.start_edit = date_edit("coallocationStart", today)

        self.reason_checks: dict[Reason, QCheckBox] = {}
        reasons_box = QWidget()
        reasons_box.setObjectName("coallocationReasons")
        column = QVBoxLayout(reasons_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        for reason in Reason:
            check = QCheckBox(reason.label)
            check.setObjectName(f"reason_{reason.value}")
            check.setAccessibleName(self.tr("Reason: %1").replace("%1", reason.label))
            column.addWidget(check)
            self.reason_checks[reason] = check

        self.fields.add("worker1_id", self.tr("&First co-worker:"), self.worker1_combo)
        self.fields.add("worker2_id", self.tr("&Second co-worker:"), self.worker2_combo)
        self.fields.add(
            "lead_worker_id",
            self.tr("&Lead:"),
            self.lead_combo,
            hint=self.tr("The experienced worker usually leads at first, to model good practice."),
        )
        self.fields.add("start_date", self.tr("Co-allocated &on:"), self.start_edit)
        first_reason = next(iter(self.reason_checks.values()))
        self.fields.add("reasons", self.tr("&Reasons:"), reasons_box, focus=first_reason)

        self.ended_check: QCheckBox | None = None
        self.end_edit: QDateEdit | None = None
        self.end_reason_edit: QLineEdit | None = None
        if coallocation is not None:
            self.ended_check = QCheckBox(self.tr("Co-working has ended"))
            self.ended_check.setObjectName("coallocationEnded")
            self.ended_check.setAccessibleName(self.tr("Co-working has ended"))
            self.end_edit = date_edit("coallocationEnd", coallocation.end_date or today)
            self.end_reason_edit = line_edit(
                "coallocationEndReason", self.tr("e.g. student placement finished")
            )
            self.fields.add("ended", self.tr("&Ended:"), self.ended_check)
            self.fields.add("end_date", self.tr("&End date:"), self.end_edit)
            self.fields.add("end_reason", self.tr("End reas&on:"), self.end_reason_edit)
            self.ended_check.toggled.connect(self._ended_toggled)
            self.ended_check.setChecked(coallocation.end_date is not None)
            self.end_reason_edit.setText(coallocation.end_reason)
            self._ended_toggled(coallocation.end_date is not None)

        self.worker1_combo.currentIndexChanged.connect(self._workers_changed)
        self.worker2_combo.currentIndexChanged.connect(self._workers_changed)
        if coallocation is not None:
            self.worker1_combo.setCurrentIndex(self.worker1_combo.findData(coallocation.worker1_id))
            self.worker2_combo.setCurrentIndex(self.worker2_combo.findData(coallocation.worker2_id))
            self._workers_changed()
            self.lead_combo.setCurrentIndex(self.lead_combo.findData(coallocation.lead_worker_id))
            self.start_edit.setDate(to_qdate(coallocation.start_date))
            for reason in coallocation.reasons:
                self.reason_checks[reason].setChecked(True)

        order: list[QWidget] = []
        if self.case_edit is not None:
            order.append(self.case_edit)
        order += [self.worker1_combo, self.worker2_combo, self.lead_combo, self.start_edit]
        order += list(self.reason_checks.values())
        if self.ended_check and self.end_edit and self.end_reason_edit:
            order += [self.ended_check, self.end_edit, self.end_reason_edit]
        tab_order(*order)
        order[0].setFocus()

    def _worker_combo(self, name: str, object_name: str) -> QComboBox:
        inactive = " " + self.tr("(inactive)")
        labels = ((f"{w.name} — {w.role.label}{'' if w.active else inactive}", w.id) for w in self.workers)
        chooser = combo(object_name, labels, accessible_name=name, fit=True)
        chooser.setPlaceholderText(self.tr("Choose a worker"))
        chooser.setCurrentIndex(-1)
        return chooser

    def _ended_toggled(self, ended: bool) -> None:
        if self.end_edit is not None and self.end_reason_edit is not None:
            self.end_edit.setEnabled(ended)
            self.end_reason_edit.setEnabled(ended)

    def _workers_changed(self) -> None:
        """The lead can only be one of the two chosen workers."""
        previous = self.lead_combo.currentData()
        chosen = [c.currentData() for c in (self.worker1_combo, self.worker2_combo)]
        chosen = [w for w in chosen if w is not None]
        self.lead_combo.blockSignals(True)
        self.lead_combo.clear()
        for wid in dict.fromkeys(chosen):
            self.lead_combo.addItem(self._names[wid], wid)
        index = self.lead_combo.findData(previous) if previous is not None else -1
        if index < 0 and len(set(chosen)) == 2:
            experienced = [w for w in chosen if not self._roles[w].is_learner]
            if len(experienced) == 1:
                index = self.lead_combo.findData(experienced[0])
        self.lead_combo.setCurrentIndex(index)
        self.lead_combo.setPlaceholderText(
            self.tr("Choose the lead") if chosen else self.tr("Choose the two co-workers first")
        )
        self.lead_combo.blockSignals(False)

    def _collect(self) -> tuple[object, dict[str, str]]:
        problems: dict[str, str] = {}
        case_id = self.case_id
        if self.case_edit is not None:
            text = self.case_edit.text().strip()
            if not text:
                problems["case_id"] = self.tr("Type the reference of the case to co-allocate.")
            else:
                try:
                    case_id = cases.find_case(self.store, text).id
                except NotFoundError:
                    problems["case_id"] = self.tr("There is no case with reference %1.").replace("%1", text)
        w1 = self.worker1_combo.currentData()
        w2 = self.worker2_combo.currentData()
        lead = self.lead_combo.currentData()
        if w1 is None:
            problems["worker1_id"] = self.tr("Choose the first co-worker.")
        if w2 is None:
            problems["worker2_id"] = self.tr("Choose the second co-worker.")
        if lead is None and w1 is not None and w2 is not None:
            problems["lead_worker_id"] = self.tr("Choose which of the two co-workers leads.")
        end_date: date | None = None
        end_reason = ""
        if self.ended_check is not None and self.ended_check.isChecked():
            assert self.end_edit is not None and self.end_reason_edit is not None
            end_date = from_qdate(self.end_edit.date())
            end_reason = self.end_reason_edit.text().strip()
        ca = CoAllocation(
            case_id=case_id or 0,
            worker1_id=w1 if w1 is not None else -1,
            worker2_id=w2 if w2 is not None else -2,
            lead_worker_id=lead if lead is not None else (w1 if w1 is not None else -1),
            start_date=from_qdate(self.start_edit.date()),
            reasons=[r for r, check in self.reason_checks.items() if check.isChecked()],
            end_date=end_date,
            end_reason=end_reason,
            id=self.coallocation.id if self.coallocation else None,
        )
        if w1 is None or w2 is None:
            # the dataclass would add "choose two different workers" to a blank picker: say the simpler thing
            errors = {k: v for k, v in ca.validate().items() if k not in ("worker2_id", "lead_worker_id")}
            return _Checked(ca, errors), problems
        return ca, problems

    def _write(self, obj: object) -> Done[Any]:
        ca = obj.ca if isinstance(obj, _Checked) else obj
        assert isinstance(ca, CoAllocation)
        return cases.save_coallocation(self.store, ca)


class _Checked:
    """A co-allocation with its errors already worked out (so ``save`` does not re-validate it)."""

    def __init__(self, ca: CoAllocation, errors: dict[str, str]) -> None:
        self.ca = ca
        self._errors = errors

    def validate(self) -> dict[str, str]:
        return self._errors


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
