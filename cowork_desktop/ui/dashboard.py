"""The dashboard: what is urgent, overdue and due soon across every co-worked case, on a chosen day."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain import dates
from cowork_desktop.domain.due import DueItem, Severity
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.services import sessions
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.insights_views import TeamView
from cowork_desktop.ui.widgets import (
    MARK_ROLES,
    SeverityRowsModel,
    date_edit,
    fmt_date,
    from_qdate,
    hint_label,
    list_table,
    page_layout,
    show_model,
    title_label,
    to_qdate,
)

SEVERITY_LABELS = {
    Severity.URGENT: "Urgent",
    Severity.OVERDUE: "Overdue",
    Severity.DUE: "Due soon",
    Severity.COMING: "Coming up",
}
# a shape as well as a colour and a word: readable in greyscale and high contrast
SEVERITY_MARKS = {Severity.URGENT: "▲", Severity.OVERDUE: "●", Severity.DUE: "○", Severity.COMING: "◇"}
KIND_LABELS = {
    "initial_meeting": "Initial meeting",
    "review": "Review",
    "reflective_discussion": "Reflective discussion",
    "issue_resolution": "Issue resolution",
    "action": "Agreed action",
    "supervision": "Joint supervision",
}

_Index = QModelIndex | QPersistentModelIndex
#: rows of the dashboard table are this many lines of text tall (a long message wraps to a second line)
ROW_TEXT_LINES = 2
ROW_PADDING = 10
#: rows looked at to size a column to its contents (Qt's default, 1000, is slow with thousands of rows)
COLUMN_SIZE_PRECISION = 100
#: Qt's "no maximum" for a widget's size
QWIDGETSIZE_MAX = 16777215


def counts_text(items: list[DueItem]) -> str:
    """``"3 urgent, 12 overdue, 4 due soon"``."""
    n = Counter(i.severity for i in items)
    return f"{n[Severity.URGENT]} urgent, {n[Severity.OVERDUE]} overdue, {n[Severity.DUE]} due soon"


class DueItemsModel(SeverityRowsModel[DueItem]):
    """Due items, one a row. ``shown``: the columns a table shows (the ``COL_*``, in that order; all of them by
    default): a column a table does not show is left out of the model, not hidden in the view, where a screen
    reader would still read it (a case's own page has no "Case" column)."""

    COL_SEVERITY, COL_CASE, COL_WHAT, COL_DUE = range(4)
    ALL_HEADERS = ("Severity", "Case", "What", "Due")
    ItemRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None, shown: Sequence[int] | None = None) -> None:
        super().__init__(parent)
        self.shown = tuple(shown) if shown is not None else tuple(range(len(self.ALL_HEADERS)))
        self.HEADERS = tuple(self.ALL_HEADERS[c] for c in self.shown)

    def column(self, logical: int) -> int:
        """Where the column ``logical`` (a ``COL_*``) is in this model."""
        return self.shown.index(logical)

    def item(self, row: int) -> DueItem:
        return self._rows[row]

    def rows(self) -> list[DueItem]:
        return list(self._rows)

    def cell(self, item: DueItem, col: int, role: int) -> Any:
        return self._cell(item, self.shown[col], role)

    def _cell(self, item: DueItem, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_SEVERITY:
                return f"{SEVERITY_MARKS[item.severity]}  {SEVERITY_LABELS[item.severity]}"
            if col == self.COL_CASE:
                return item.case_reference
            if col == self.COL_WHAT:
                return item.message
            if col == self.COL_DUE:
                return fmt_date(item.due_date, "—")
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_WHAT:
            return item.message
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == self.COL_SEVERITY:
                return SEVERITY_LABELS[item.severity]
            return self._cell(item, col, Qt.ItemDataRole.DisplayRole)
        if col == self.COL_SEVERITY and role in MARK_ROLES:
            return self.marked(item.severity, role)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == self.ItemRole:
            return item
        return None


#: what coming up shows: no severity (nothing is late yet)
COMING_COLUMNS = (DueItemsModel.COL_CASE, DueItemsModel.COL_WHAT, DueItemsModel.COL_DUE)


class DashboardPage(QWidget):
    """Counts at the top, the due items in a table, and an "as on" date (today by default)."""

    case_opened = Signal(int)
    #: what this page shows (``services.changes.KINDS``): the main window refreshes it when one changes
    DEPENDS_ON = frozenset({"cases", "coallocations", "records", "settings", "worker_details"})

    def __init__(self, ws: Workspace, parent: QWidget | None = None, on: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self.ws = ws
        self.items: list[DueItem] = []
        self.coming: list[DueItem] = []
        #: what is due, being read in steps (a large service's); None once read
        self.reading: sessions.DueAndComing | None = None
        #: each active co-allocation's items as last reckoned: a refresh reckons again only those that changed
        self.memo = sessions.DueMemo()
        self._next_step = QTimer(self)
        self._next_step.setSingleShot(True)
        self._next_step.setInterval(0)  # as soon as the window has painted and answered what is waiting
        self._next_step.timeout.connect(self._read_step)

        as_on = QLabel(self.tr("&As on:"))
        self.date_edit = date_edit(
            "dashboardDate", on or dates.today(), accessible_name=self.tr("As on date")
        )
        as_on.setBuddy(self.date_edit)
        layout = page_layout(self, self.tr("What needs doing"), as_on, self.date_edit)

        # the due items in a first tab; the team view (drift, promises kept) in a second
        due_page = QWidget()
        due_layout = QVBoxLayout(due_page)
        due_layout.setContentsMargins(10, 10, 10, 6)
        due_layout.setSpacing(12)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("dashboardCounts")
        self.counts_label.setProperty("role", "counts")
        self.counts_label.setAccessibleName(self.tr("Counts"))
        counts_row = QHBoxLayout()
        counts_row.addWidget(self.counts_label, 1)
        self.progress = QProgressBar()
        self.progress.setObjectName("dashboardProgress")
        self.progress.setAccessibleName(self.tr("Reading what is due"))
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        counts_row.addWidget(self.progress)
        due_layout.addLayout(counts_row)
        due_layout.addWidget(
            hint_label(self.tr("Double-click a line, or select it and press Enter, to open the case."))
        )

        self.model = DueItemsModel(self)
        self.table = list_table(self.tr("Due and overdue items"), "dashboardTable")
        header = show_model(self.table, self.model, DueItemsModel.COL_WHAT)
        # Column widths from the rows in view (not from every row), and rows of one height with room for a
        # wrapped message: sizing each of thousands of rows to its contents took seconds on a large service.
        header.setResizeContentsPrecision(COLUMN_SIZE_PRECISION)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_row_height()
        # activated: double-click or Enter (double-click also emits doubleClicked: connect only one)
        self.table.activated.connect(self._open_index)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("dashboardEmpty")
        self.empty_label.setProperty("role", "subtitle")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        due_layout.addWidget(self.stack, 3)

        # what is coming in the next days (setting coming_up_days): the first review, the agreed discussions...
        self.coming_title = title_label("", "subtitle")
        self.coming_title.setObjectName("comingUpTitle")
        due_layout.addWidget(self.coming_title)
        self.coming_model = DueItemsModel(self, COMING_COLUMNS)
        self.coming_table = list_table(self.tr("Coming up"), "comingUpTable")
        coming_header = show_model(
            self.coming_table, self.coming_model, self.coming_model.column(DueItemsModel.COL_WHAT)
        )
        coming_header.setResizeContentsPrecision(COLUMN_SIZE_PRECISION)
        self.coming_table.activated.connect(self._open_coming)
        self.nothing_coming = hint_label("")
        self.nothing_coming.setObjectName("nothingComingUp")
        due_layout.addWidget(self.coming_table, 2)
        due_layout.addWidget(self.nothing_coming)
        self.team_view = TeamView(ws, on=on)
        self.team_view.case_opened.connect(self.case_opened)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dashboardTabs")
        self.tabs.addTab(due_page, self.tr("&Due and coming up"))
        self.tabs.addTab(self.team_view, self.tr("Team view: drift and &promises"))
        layout.addWidget(self.tabs, 1)

        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        self.refresh()

    def _fit_row_height(self) -> None:
        lines = self.table.fontMetrics().lineSpacing() * ROW_TEXT_LINES
        self.table.verticalHeader().setDefaultSectionSize(lines + ROW_PADDING)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_row_height()

    @property
    def on(self) -> date:
        return from_qdate(self.date_edit.date())

    def set_date(self, on: date) -> None:
        self.date_edit.setDate(to_qdate(on))

    def refresh(self) -> None:
        """Read what is due and coming up on the chosen day: at once on a small service; a large one's in steps
        (:class:`~cowork_desktop.services.sessions.DueAndComing`), the window painting and answering between
        them, a progress bar showing how far, and the lists shown when all is read. A refresh while reading
        starts again from the new day."""
        self._next_step.stop()
        self.reading = sessions.DueAndComing(self.ws, self.on, memo=self.memo)
        self.team_view.set_date(self.on)  # filled when its tab is shown
        self._read_step()

    def _read_step(self) -> None:
        reading = self.reading
        if reading is None:
            return
        if reading.fraction == 1.0 and not self.progress.isHidden():
            # read and in order in the step before: the lists are shown in a step of their own
            self.reading = None
            self.progress.hide()
            self._show(*reading.result())
            return
        try:
            done = reading.advance()
        except CoworkError:
            self.reading = None  # the database was closed meanwhile (another one opened, or a restore)
            self.progress.hide()
            return
        if not done or not self.progress.isHidden():
            self.progress.setValue(round(reading.fraction * 100))
            if self.progress.isHidden():
                self.progress.show()
                self.counts_label.setText(
                    self.tr("Reading what is due on %1…").replace("%1", fmt_date(self.on))
                )
            self._next_step.start()
            return
        self.reading = None
        self.progress.hide()
        self._show(*reading.result())

    def _show(self, items: list[DueItem], coming: list[DueItem]) -> None:
        self.items, self.coming = items, coming
        self.model.set_rows(self.items)
        self.counts_label.setText(counts_text(self.items))
        # with nothing due, the empty note takes only its own lines and what is coming up gets the room
        self.stack.setMaximumHeight(
            QWIDGETSIZE_MAX if self.items else self.empty_label.sizeHint().height() * 3
        )
        if self.items:
            self.stack.setCurrentWidget(self.table)
        else:
            self.empty_label.setText(
                self.tr("Nothing is due or overdue on %1.").replace("%1", fmt_date(self.on))
                + "\n"
                + self.tr(
                    "Initial meetings, reviews, reflective discussions and agreed actions appear here when due."
                )
            )
            self.stack.setCurrentWidget(self.empty_label)
        self.coming_model.set_rows(self.coming)
        days = self.ws.coming_up_days
        self.coming_title.setText(
            self.tr("Coming up in the next %1 days (%2)")
            .replace("%1", str(days))
            .replace("%2", str(len(self.coming)))
        )
        self.coming_table.setVisible(bool(self.coming))
        self.nothing_coming.setText(
            self.tr("Nothing is expected in the next %1 days.").replace("%1", str(days))
        )
        self.nothing_coming.setVisible(not self.coming)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(self.model.item(index.row()).case_id)

    def _open_coming(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(self.coming_model.item(index.row()).case_id)
