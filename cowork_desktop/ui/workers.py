"""The workers page: the team's workers (name, role, team, active), with Add, Edit and Open (the worker's page)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from cowork_desktop.domain.models import Worker
from cowork_desktop.services import cases
from cowork_desktop.services.cases import Store
from cowork_desktop.ui.dialogs import WorkerDialog
from cowork_desktop.ui.widgets import RowsTableModel, button, hint_label, list_table, page_layout, show_model

_Index = QModelIndex | QPersistentModelIndex


class WorkersModel(RowsTableModel[Worker]):
    COL_NAME, COL_ROLE, COL_TEAM, COL_ACTIVE = range(4)
    HEADERS = ("Name", "Role", "Team", "Active")

    def worker(self, row: int) -> Worker:
        return self._rows[row]

    def cell(self, w: Worker, col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == self.COL_NAME:
                return w.name
            if col == self.COL_ROLE:
                return w.role.label
            if col == self.COL_TEAM:
                return w.team or "—"
            if col == self.COL_ACTIVE:
                return "Yes" if w.active else "No (left or on leave)"
        return None


class WorkersPage(QWidget):
    workers_changed = Signal(object)  # the Changes a worker's dialog made (this page has shown them)
    #: what this page shows (``services.changes.KINDS``): the main window refreshes it when one changes
    DEPENDS_ON = frozenset({"workers"})
    worker_opened = Signal(int)  # worker id: show the worker's page (details and development log)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workersPage")
        self.store = store
        self.add_button = button(self.tr("&Add worker…"), "addWorkerButton", self.tr("Add worker"))
        self.edit_button = button(self.tr("&Edit worker…"), "editWorkerButton", self.tr("Edit worker"))
        self.open_button = button(
            self.tr("&Open"),
            "openWorkerButton",
            self.tr("Open worker"),
            self.tr("The worker's details and development log."),
        )
        self.add_button.clicked.connect(self.add_worker)
        self.edit_button.clicked.connect(self.edit_selected)
        self.open_button.clicked.connect(self.open_selected)
        layout = page_layout(self, self.tr("Workers"), self.open_button, self.add_button, self.edit_button)

        self.model = WorkersModel(self)
        self.table = list_table(self.tr("Workers"), "workersTable")
        show_model(self.table, self.model, WorkersModel.COL_TEAM)
        # double-click or Enter opens the worker's page
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Workers who have left stay here (their records keep their names): "
                    "mark them inactive so they are not offered for new co-allocations."
                )
            )
        )
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(cases.workers(self.store))
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        self.edit_button.setEnabled(selected)
        self.open_button.setEnabled(selected)

    def add_worker(self) -> int | None:
        dialog = WorkerDialog(self.store, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.workers_changed.emit(dialog.changes)
            return dialog.saved_id
        return None

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_row(rows[0].row())

    def open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            worker_id = self.model.worker(row).id
            if worker_id is not None:
                self.worker_opened.emit(worker_id)

    def edit_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.edit_row(rows[0].row())

    def edit_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        dialog = WorkerDialog(self.store, self.model.worker(row), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.workers_changed.emit(dialog.changes)
