"""One case: its reference and plan, its co-allocations, what is due, and its records; start a meeting from here.

The page never opens the meeting wizard itself: it emits ``record_requested(coallocation_id, kind)`` and
``record_opened(record_id)``, and the main window opens the wizard.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain import dates
from cowork_desktop.domain.due import DueItem
from cowork_desktop.domain.errors import NotFoundError
from cowork_desktop.domain.models import Case, CoAllocation, Record, RecordKind, RecordStatus, Worker
from cowork_desktop.domain.records import superseded_ids
from cowork_desktop.services import cases, sessions
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.dashboard import DueItemsModel
from cowork_desktop.ui.dialogs import STATUS_LABELS, CaseDialog, CoAllocationDialog
from cowork_desktop.ui.insights_views import CaseInsightsPanel
from cowork_desktop.ui.widgets import (
    CompactTableView,
    RowsTableModel,
    button,
    fmt_date,
    hint_label,
    list_table,
    scroll_area,
    show_model,
    text_label,
    title_label,
)

RECORD_STATUS_LABELS = {
    RecordStatus.DRAFT: "Draft",
    RecordStatus.AWAITING_SIGNATURES: "Awaiting signatures",
    RecordStatus.SIGNED: "Signed",
}

#: the meeting buttons, in the order of the protocol
MEETING_BUTTONS = (
    (RecordKind.INITIAL_MEETING, "&Initial meeting", "initialMeetingButton"),
    (RecordKind.REVIEW, "Re&view", "reviewButton"),
    (RecordKind.REFLECTIVE_DISCUSSION, "Reflective &discussion", "reflectiveButton"),
    (RecordKind.ISSUE_RESOLUTION, "Iss&ue resolution", "issueButton"),
    (RecordKind.CLOSING, "End co-wor&king (closing MDR)", "closingButton"),
)

_Index = QModelIndex | QPersistentModelIndex


class RecordsModel(RowsTableModel[Record]):
    COL_DATE, COL_TYPE, COL_STATUS, COL_VERSION, COL_TITLE = range(5)
    HEADERS = ("Date", "Type", "Status", "Record", "Title")
    RecordIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._superseded: set[int] = set()
        self._numbers: dict[int, int] = {}

    def _arrange(self, rows: Iterable[Record]) -> list[Record]:
        rows = list(rows)
        self._superseded = superseded_ids(rows)
        # "Record 1, version 2": the number of a record's first version, whatever version this is
        earlier = {r.id: r.supersedes_id for r in rows if r.id is not None}
        self._numbers = {}
        for r in rows:
            number = r.id or 0
            while earlier.get(number) is not None:
                number = earlier[number] or number
            self._numbers[r.id or 0] = number
        return sorted(rows, key=lambda r: (r.meeting_date, r.id or 0))

    def record(self, row: int) -> Record:
        return self._rows[row]

    def cell(self, r: Record, col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == self.COL_DATE:
                return fmt_date(r.meeting_date)
            if col == self.COL_TYPE:
                return r.kind.label
            if col == self.COL_STATUS:
                text = RECORD_STATUS_LABELS[r.status]
                return f"{text} (amended)" if r.id in self._superseded else text
            if col == self.COL_VERSION:
                return f"{self._numbers.get(r.id or 0, r.id)}, version {r.version}"
            if col == self.COL_TITLE:
                return r.title or r.kind.label
        if role == self.RecordIdRole:
            return r.id
        return None


def _table(name: str, object_name: str, compact_rows: int = 0) -> QTableView:
    view = CompactTableView(compact_rows) if compact_rows else None
    return list_table(name, object_name, view, rows_fit_contents=True)


class CasePage(QWidget):
    record_requested = Signal(int, str)  # co-allocation id, RecordKind value
    resolution_requested = Signal(int, int)  # co-allocation id, the review whose issues it resolves
    record_opened = Signal(int)  # record id
    case_changed = Signal(object)  # the Changes made here (the case or its co-allocations edited), shown here
    #: what this page shows (``services.changes.KINDS``): the main window refreshes it when one changes
    DEPENDS_ON = frozenset({"cases", "coallocations", "records", "settings", "worker_details"})
    back_requested = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None, on: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casePage")
        self.ws = ws
        self._on = on
        self.case: Case | None = None
        self.coallocations: list[CoAllocation] = []
        self.active: CoAllocation | None = None
        self.current: CoAllocation | None = None

        # the page scrolls as a whole: with larger text on a laptop screen, nothing is squeezed or cut off
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = scroll_area("casePageScroll")
        content = QWidget()
        scroll.setWidget(content)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 14, 24, 18)
        layout.setSpacing(10)

        nav = QHBoxLayout()
        self.back_button = button(self.tr("← All cases"), "backToCasesButton", self.tr("Back to all cases"))
        self.back_button.setFlat(True)
        self.back_button.clicked.connect(self.back_requested)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        self.edit_case_button = button(
            self.tr("&Edit case…"), "editCaseButton", self.tr("Edit case"), clicked=self.edit_case
        )
        self.coallocation_button = button(
            self.tr("New &co-allocation…"),
            "coallocationButton",
            self.tr("New co-allocation"),
            clicked=self.edit_coallocation,
        )
        nav.addWidget(self.edit_case_button)
        nav.addWidget(self.coallocation_button)
        layout.addLayout(nav)

        self.title = title_label("")
        self.title.setObjectName("caseTitle")
        self.summary = text_label("caseSummary")
        layout.addWidget(self.title)
        layout.addWidget(self.summary)

        # co-allocations
        layout.addWidget(title_label(self.tr("Co-allocation"), "subtitle"))
        self.coallocation_model = QStandardItemModel(0, 5, self)
        self.coallocation_model.setHorizontalHeaderLabels(
            [self.tr("Co-workers"), self.tr("Lead"), self.tr("Reasons"), self.tr("From"), self.tr("Until")]
        )
        self.coallocation_table = _table("Co-allocations", "coallocationTable", compact_rows=3)
        show_model(self.coallocation_table, self.coallocation_model, 2)
        self.coallocation_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.coallocation_table.setAlternatingRowColors(False)
        self.no_coallocation = hint_label("")
        self.no_coallocation.setObjectName("noCoallocation")
        layout.addWidget(self.coallocation_table)
        layout.addWidget(self.no_coallocation)

        # meetings
        meetings = QFrame()
        meetings.setObjectName("meetingButtons")
        meetings.setProperty("role", "panel")
        grid = QGridLayout(meetings)
        grid.setContentsMargins(14, 10, 14, 12)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        per_row = 3  # two rows of buttons: at 150% text five in a row no longer fit and were cut off
        grid.addWidget(title_label(self.tr("Record a meeting"), "subtitle"), 0, 0, 1, per_row)
        self.meeting_buttons: dict[RecordKind, QPushButton] = {}
        for n, (kind, text, object_name) in enumerate(MEETING_BUTTONS):
            b = button(text, object_name, text.replace("&", ""), kind.label)
            b.setMinimumWidth(b.sizeHint().width())  # never squeezed below its text
            b.clicked.connect(lambda _checked=False, k=kind: self._request(k))
            grid.addWidget(b, 1 + n // per_row, n % per_row)
            self.meeting_buttons[kind] = b
        self.meeting_hint = hint_label("")
        grid.addWidget(self.meeting_hint, 3, 0, 1, per_row)
        layout.addWidget(meetings)

        # due for this case
        layout.addWidget(title_label(self.tr("Due for this case"), "subtitle"))
        # the case's own page: no "Case" column (left out of the model, so a screen reader does not read it)
        self.due_model = DueItemsModel(
            self, (DueItemsModel.COL_SEVERITY, DueItemsModel.COL_WHAT, DueItemsModel.COL_DUE)
        )
        self.due_table = _table("Due for this case", "caseDueTable", compact_rows=4)
        show_model(self.due_table, self.due_model, self.due_model.column(DueItemsModel.COL_WHAT))
        self.nothing_due = hint_label(self.tr("Nothing is due for this case."))
        self.nothing_due.setObjectName("caseNothingDue")
        layout.addWidget(self.due_table)
        layout.addWidget(self.nothing_due)
        resolve_row = QHBoxLayout()
        self.resolve_button = button(
            self.tr("Record the issue-resolution MDR for the selected &issue"),
            "resolveIssueButton",
            self.tr("Record the issue-resolution MDR for the selected issue"),
            self.tr("Linked to the review that found the issue, and filled in with what it recorded."),
            clicked=self._resolve_selected,
        )
        resolve_row.addWidget(self.resolve_button)
        resolve_row.addStretch(1)
        layout.addLayout(resolve_row)
        self.due_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        # coming up: the next review, the agreed discussions and supervision, actions due (no scroll of its own)
        self.coming_title = title_label("", "subtitle")
        self.coming_title.setObjectName("caseComingUpTitle")
        layout.addWidget(self.coming_title)
        self.coming_model = DueItemsModel(self, (DueItemsModel.COL_WHAT, DueItemsModel.COL_DUE))
        self.coming_table = _table("Coming up for this case", "caseComingUpTable", compact_rows=4)
        show_model(self.coming_table, self.coming_model, self.coming_model.column(DueItemsModel.COL_WHAT))
        self.nothing_coming = hint_label("")
        self.nothing_coming.setObjectName("caseNothingComingUp")
        layout.addWidget(self.coming_table)
        layout.addWidget(self.nothing_coming)

        # records, and the co-working health (cadence, drift, promises kept, partnership) in a second tab
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.setMinimumHeight(self.fontMetrics().lineSpacing() * 18)  # the records list keeps its rows
        records_page = QWidget()
        records_layout = QVBoxLayout(records_page)
        records_layout.setContentsMargins(10, 10, 10, 6)
        records_head = QHBoxLayout()
        records_head.addWidget(
            hint_label(self.tr("Double-click a record, or select it and press Enter, to open it."))
        )
        records_head.addStretch(1)
        self.open_record_button = button(
            self.tr("&Open record"), "openRecordButton", self.tr("Open record"), clicked=self._open_selected
        )
        records_head.addWidget(self.open_record_button)
        records_layout.addLayout(records_head)
        self.records_model = RecordsModel(self)
        self.records_table = _table("Records", "recordsTable")
        show_model(self.records_table, self.records_model, RecordsModel.COL_TITLE)
        self.records_table.activated.connect(self._open_index)
        self.records_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        records_layout.addWidget(self.records_table, 1)
        self.no_records = hint_label(self.tr("No records yet: start with the initial co-working meeting."))
        self.no_records.setObjectName("noRecords")
        records_layout.addWidget(self.no_records)
        records_layout.addStretch(0)
        self.health = CaseInsightsPanel(ws, scrolls=False)  # the page scrolls: no scroll area inside it
        self.tabs.addTab(records_page, self.tr("&Records"))
        self.tabs.addTab(self.health, self.tr("Co-workin&g health"))
        layout.addWidget(self.tabs, 1)

    # -- loading --------------------------------------------------------------------------------
    @property
    def on(self) -> date:
        return self._on or dates.today()

    @property
    def case_id(self) -> int | None:
        return self.case.id if self.case else None

    def arrival(self) -> QWidget:
        """Where the focus goes when the case opens: the meeting the most urgent item due for this case asks for,
        else the first meeting that can be recorded now (the buttons are in the order meetings come), else the
        way back."""
        usable = [
            (kind, b) for kind, b in self.meeting_buttons.items() if b.isVisibleTo(self) and b.isEnabled()
        ]
        for item in self.due_model.rows():
            for kind, b in usable:
                if item.kind == kind.value:
                    return b
        return usable[0][1] if usable else self.back_button

    def show_case(self, case_id: int) -> None:
        self.case = cases.case(self.ws.store, case_id)
        self.refresh()

    def refresh(self) -> None:
        if self.case is None or self.case.id is None:
            return
        store = self.ws.store
        try:
            self.case = cases.case(store, self.case.id)
        except NotFoundError:
            self.case = None
            return
        case = self.case
        self.title.setText(self.tr("Case %1").replace("%1", case.reference))
        children = (
            self.tr("1 child")
            if case.children_count == 1
            else self.tr("%1 children").replace("%1", str(case.children_count))
        )
        initials = f" ({case.children_initials})" if case.children_initials else ""
        self.summary.setText(
            f"{case.plan_type.label}  ·  {children}{initials}  ·  {STATUS_LABELS[case.status]}"
        )
        workers: dict[int, Worker] = {w.id: w for w in cases.workers(store) if w.id is not None}
        self.coallocations = cases.coallocations_for_case(store, case.id or 0)
        # active: not ended (or ending later); one that starts later still counts, to plan its first meeting
        self.active = next((ca for ca in reversed(self.coallocations) if not ca.has_ended(self.on)), None)
        # the arrangement the meeting buttons act on: the active one, else the latest (ended: they say why not)
        self.current = self.active or (self.coallocations[-1] if self.coallocations else None)
        self._fill_coallocations(workers)
        items, coming = sessions.due_and_coming(self.ws, self.on, case.id)
        self.due_model.set_rows(items)
        self.due_table.setVisible(bool(items))
        self.nothing_due.setVisible(not items)
        self._refit(self.due_table)
        days = self.ws.coming_up_days
        self.coming_title.setText(self.tr("Coming up in the next %1 days").replace("%1", str(days)))
        self.coming_model.set_rows(coming)
        self.coming_table.setVisible(bool(coming))
        self.nothing_coming.setText(
            self.tr("Nothing is expected for this case in the next %1 days.").replace("%1", str(days))
        )
        self.nothing_coming.setVisible(not coming)
        self._refit(self.coming_table)
        records = sessions.records_for_case(self.ws, case.id or 0)
        self.records_model.set_rows(records)
        self.records_table.setVisible(bool(records))
        self.no_records.setVisible(not records)
        self._update_buttons()
        self.health.set_case(case.id or 0, self.on)  # filled when its tab is shown

    def _fill_coallocations(self, workers: dict[int, Worker]) -> None:
        def who(worker_id: int) -> str:
            w = workers.get(worker_id)
            return f"{w.name} — {w.role.label}" if w else f"worker {worker_id}"

        model = self.coallocation_model
        model.removeRows(0, model.rowCount())
        for ca in reversed(self.coallocations):
            lead = workers.get(ca.lead_worker_id)
            until = fmt_date(ca.end_date) if ca.end_date else "Active"
            if ca.end_date and ca.end_reason:
                until += f"\n{ca.end_reason}"
            cells = (
                "\n".join(who(w) for w in ca.worker_ids),
                lead.name if lead else "",
                "\n".join(r.label for r in ca.reasons),
                fmt_date(ca.start_date),
                until,
            )
            items = []
            for text in cells:
                item = QStandardItem(text)
                item.setEditable(False)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                items.append(item)
            model.appendRow(items)
        self.coallocation_table.setVisible(bool(self.coallocations))
        self._refit(self.coallocation_table)
        if not self.coallocations:
            self.no_coallocation.setText(
                self.tr(
                    "This case is not co-allocated yet. Choose “New co-allocation” to name the two co-workers."
                )
            )
        self.no_coallocation.setVisible(not self.coallocations)

    @staticmethod
    def _refit(table: QTableView) -> None:
        if isinstance(table, CompactTableView):
            table.refit()

    def _update_buttons(self) -> None:
        active = self.active is not None
        current = self.current
        refusals: list[str] = []
        for kind, b in self.meeting_buttons.items():
            refusal = current.refuses_new(kind, self.on) if current is not None else None
            b.setEnabled(current is not None and refusal is None)
            b.setToolTip(refusal or kind.label)
            if refusal and refusal not in refusals:
                refusals.append(refusal)
        if current is None:
            self.meeting_hint.setText(
                self.tr("Co-allocate the case to two workers before recording a meeting.")
            )
        elif refusals:
            self.meeting_hint.setText(refusals[0])
        else:
            self.meeting_hint.setText(self.tr("Each button opens the draft of that meeting, or starts one."))
        selected = self._selected_due()
        self.resolve_button.setVisible(any(i.kind == "issue_resolution" for i in self.due_model.rows()))
        self.resolve_button.setEnabled(selected is not None and selected.kind == "issue_resolution")
        self.coallocation_button.setText(
            self.tr("Edit &co-allocation…") if active else self.tr("New &co-allocation…")
        )
        self.coallocation_button.setAccessibleName(
            self.tr("Edit co-allocation") if active else self.tr("New co-allocation")
        )
        has_selection = bool(self.records_table.selectionModel().selectedRows())
        self.open_record_button.setEnabled(has_selection)

    # -- actions --------------------------------------------------------------------------------
    def _request(self, kind: RecordKind) -> None:
        current = self.current
        if current is None or current.id is None:
            return
        if kind == RecordKind.ISSUE_RESOLUTION:
            review = self.choose_issue(current.id)
            if review is False:
                return  # cancelled
            if isinstance(review, int):
                self.resolution_requested.emit(current.id, review)
                return
        self.record_requested.emit(current.id, kind.value)

    def choose_issue(self, coallocation_id: int) -> int | bool | None:
        """Which open issue an issue-resolution MDR resolves: a review's id, None (another issue), or False
        when the manager cancels. Asked only when there are open issues."""
        issues = sessions.open_issues(self.ws, coallocation_id)
        if not issues:
            return None
        none = self.tr("None of these: another issue")
        labels = [i.label for i in issues] + [none]
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("Issue-resolution MDR"),
            self.tr(
                "Which open issue does this MDR resolve? It is linked to that review and filled in from it."
            ),
            labels,
            0,
            False,
        )
        if not ok:
            return False
        return None if chosen == none else issues[labels.index(chosen)].record_id

    def _selected_due(self) -> DueItem | None:
        rows = self.due_table.selectionModel().selectedRows() if self.due_table.selectionModel() else []
        return self.due_model.item(rows[0].row()) if rows else None

    def _resolve_selected(self) -> None:
        item = self._selected_due()
        if item is not None and item.kind == "issue_resolution" and item.record_id is not None:
            self.resolution_requested.emit(item.coallocation_id, item.record_id)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            record_id = self.records_model.record(index.row()).id
            if record_id is not None:
                self.record_opened.emit(record_id)

    def _open_selected(self) -> None:
        rows = self.records_table.selectionModel().selectedRows()
        if rows:
            self._open_index(rows[0])

    def edit_case(self) -> None:
        if self.case is None:
            return
        dialog = CaseDialog(self.ws.store, self.case, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.case_changed.emit(dialog.changes)

    def edit_coallocation(self) -> None:
        if self.case is None or self.case.id is None:
            return
        dialog = CoAllocationDialog(self.ws.store, self.case.id, self.active, self, today=self.on)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.case_changed.emit(dialog.changes)
