"""The case list: every case, fetched lazily in pages, filtered by reference or worker name as you type."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QWidget

from cowork_desktop.domain.models import PlanType
from cowork_desktop.services import cases
from cowork_desktop.services.cases import CaseRow, Store
from cowork_desktop.ui.widgets import (
    RowsTableModel,
    button,
    fmt_date,
    hint_label,
    line_edit,
    list_table,
    page_layout,
)

PAGE_SIZE = 200
SEARCH_DELAY_MS = 150
STATUS_TEXT = {"open": "Open", "closed": "Closed", "transferred": "Transferred"}

_Index = QModelIndex | QPersistentModelIndex


def plan_label(value: str) -> str:
    try:
        return PlanType(value).label
    except ValueError:
        return value


class CaseListModel(RowsTableModel[CaseRow]):
    """Rows from ``services.cases.case_rows`` in pages of ``page_size``; views ask for more as they scroll."""

    COL_REFERENCE, COL_PLAN, COL_STATUS, COL_WORKERS, COL_LEAD, COL_SINCE = range(6)
    HEADERS = ("Reference", "Plan", "Status", "Co-workers", "Lead", "Since")
    CaseIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, store: Store, parent: QWidget | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.store = store
        self.page_size = page_size
        self.search = ""
        #: the cases the search finds, in order (None: no search, every case read by page)
        self._ids: list[int] | None = None
        self._total = cases.count_cases(store)

    # -- loading ------------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[CaseRow], total: int | None = None) -> None:
        rows = list(rows)
        self._total = len(rows) if total is None else total
        super().set_rows(rows)

    def _match(self) -> int:
        """Find the search's cases once (their count, and the pages read by id); the number found."""
        self._ids = cases.matching_case_ids(self.store, self.search)
        return len(self._ids) if self._ids is not None else cases.count_cases(self.store)

    def _page(self, limit: int, offset: int) -> list[CaseRow]:
        if self._ids is None:
            return cases.case_rows(self.store, "", limit, offset)
        return cases.case_rows_by_id(self.store, self._ids[offset : offset + limit])

    def set_search(self, text: str) -> None:
        """Start again from the first page for this search (the view fetches the first page)."""
        self.search = text.strip()
        self.set_rows([], self._match())

    def reload(self) -> None:
        """After a change: keep as many rows loaded as before, so the view keeps its place."""
        loaded = max(len(self._rows), self.page_size)
        total = self._match()
        self.set_rows(self._page(min(loaded, max(total, 1)), 0), total)

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._page(self.page_size, len(self._rows))
        if not page:
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- reading ------------------------------------------------------------------------------------
    def case_row(self, row: int) -> CaseRow:
        return self._rows[row]

    def cell(self, r: CaseRow, col: int, role: int) -> Any:
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            if col == self.COL_REFERENCE:
                return r.reference
            if col == self.COL_PLAN:
                return plan_label(r.plan_type)
            if col == self.COL_STATUS:
                if r.status == "open" and r.coallocation_ended:
                    return "Co-working ended"
                return STATUS_TEXT.get(r.status, r.status)
            if col == self.COL_WORKERS:
                return r.workers or "Not co-allocated"
            if col == self.COL_LEAD:
                return r.lead or "—"
            if col == self.COL_SINCE:
                return fmt_date(r.start_date, "—")
        if role == self.CaseIdRole:
            return r.id
        return None


class CaseListPage(QWidget):
    case_opened = Signal(int)
    new_case_requested = Signal()
    #: what this page shows (``services.changes.KINDS``): the main window refreshes it when one changes
    DEPENDS_ON = frozenset({"cases", "coallocations", "worker_details"})

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseListPage")
        self.store = store
        self.new_button = button(
            self.tr("&New case…"), "newCaseButton", self.tr("New case"), clicked=self.new_case_requested
        )
        layout = page_layout(self, self.tr("Cases"), self.new_button)

        search_row = QHBoxLayout()
        label = QLabel(self.tr("&Search:"))
        self.search_edit = line_edit(
            "caseSearch",
            self.tr("Case reference or worker name"),
            accessible_name=self.tr("Search cases"),
            clear_name=self.tr("Clear the search"),
        )
        label.setBuddy(self.search_edit)
        search_row.addWidget(label)
        search_row.addWidget(self.search_edit, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")
        self.count_label.setProperty("role", "hint")
        search_row.addWidget(self.count_label)
        layout.addLayout(search_row)

        self.model = CaseListModel(store, self)
        self.table = list_table(self.tr("Cases"), "caseTable")
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CaseListModel.COL_WORKERS, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (CaseListModel.COL_REFERENCE, 140),
            (CaseListModel.COL_PLAN, 180),
            (CaseListModel.COL_STATUS, 150),
            (CaseListModel.COL_LEAD, 190),
            (CaseListModel.COL_SINCE, 110),
        ):
            self.table.setColumnWidth(col, width)
        self.table.activated.connect(self._open_index)
        layout.addWidget(self.table, 1)
        layout.addWidget(
            hint_label(self.tr("Double-click a case, or select it and press Enter, to open it."))
        )

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.returnPressed.connect(self._open_first_if_single)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.apply_search()

    def apply_search(self) -> None:
        self._timer.stop()
        self.model.set_search(self.search_edit.text())
        if self.model.canFetchMore():
            self.model.fetchMore()

    def refresh(self) -> None:
        self.model.reload()

    def _update_count(self) -> None:
        total = self.model.total
        if self.model.search:
            self.count_label.setText(
                self.tr("%1 matching").replace("%1", str(total)) if total != 1 else self.tr("1 matching")
            )
        else:
            self.count_label.setText(
                self.tr("%1 cases").replace("%1", str(total)) if total != 1 else self.tr("1 case")
            )

    def _open_first_if_single(self) -> None:
        self.apply_search()
        if self.model.rowCount() == 1:
            self.case_opened.emit(self.model.case_row(0).id)
        elif self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(self.model.case_row(index.row()).id)
