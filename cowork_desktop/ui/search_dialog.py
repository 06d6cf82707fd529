"""Search the records (Cases ▸ Search records…, Ctrl+Shift+F): the words typed, found in every record's title,
amendment reason and written answers, the newest first, each with its case (by reference), date, kind and status and the
words in context. Enter or a double click opens the record's case. Results come as the manager types (a quarter
of a second after the last key)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.search import SearchHit, SearchResult, match_expression
from cowork_desktop.services import search
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.insights_views import ReadLoad, read_finished, read_off_thread
from cowork_desktop.ui.widgets import (
    RowsTableModel,
    busy_bar,
    button,
    fmt_date,
    line_edit,
    list_table,
    show_model,
    title_label,
    wrapped_label,
)

#: how long after the last key the search runs (ms)
TYPING_PAUSE_MS = 250


class HitsModel(RowsTableModel[SearchHit]):
    HEADERS = ("Case", "Date", "Record", "Status", "Where the words are")
    CASE, DATE, RECORD, STATUS, SNIPPET = range(5)

    def cell(self, row: SearchHit, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.CASE:
                return row.case_reference
            if col == self.DATE:
                return fmt_date(row.meeting_date)
            if col == self.RECORD:
                return row.kind_label
            if col == self.STATUS:
                return "Superseded" if row.superseded else row.status.replace("_", " ").capitalize()
            return row.snippet
        if role == Qt.ItemDataRole.ToolTipRole and col == self.SNIPPET:
            return row.snippet
        return None

    def hit(self, row: int) -> SearchHit:
        return self._rows[row]


class _ResultsTable(QTableView):
    """The hits: Enter opens the case of the one selected (Tab leaves, the arrows move)."""

    opened = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.opened.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class SearchDialog(QDialog):
    """Type words, see the records that have them; open one's case."""

    #: a case to show (the main window shows it)
    open_case = Signal(int)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.found = SearchResult("", (), 0)
        self.setWindowTitle(self.tr("Search records"))
        self.setObjectName("search_dialog")
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Search the text of every record"), role="subtitle"))
        self.words = line_edit(
            "search_words",
            self.tr("Words to find, e.g. housing officer"),
            accessible_name=self.tr("Words to find"),
            clear_name=self.tr("Clear the words"),
        )
        prompt = QLabel(self.tr("&Words to find:"))
        prompt.setBuddy(self.words)
        layout.addWidget(prompt)
        layout.addWidget(self.words)
        self.summary = wrapped_label("search_summary")
        self.summary.setAccessibleName(self.tr("Search result"))
        # shown while a search runs off the GUI thread (a word in most of a large service's records: ~0.4 s)
        self.progress = busy_bar("search_progress", self.tr("Searching"))
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.progress)
        layout.addLayout(summary_row)
        self.model = HitsModel(self)
        self.table = list_table(self.tr("Records found"), "search_results", _ResultsTable())
        show_model(self.table, self.model, HitsModel.SNIPPET)
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox()
        self.open_button = button(self.tr("&Open the case"), "search_open", clicked=self._open_current)
        self.open_button.setEnabled(False)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        for (
            b
        ) in buttons.buttons():  # Enter belongs to the words (search) and the results (open), never a button
            if isinstance(b, QPushButton):
                b.setAutoDefault(False)
                b.setDefault(False)
        layout.addWidget(buttons)

        self._load: ReadLoad | None = None
        self._again = False  # typed again while a search ran: search once more when it is done
        self._to_results = False  # Enter was pressed in the words: go to the results when they come
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.run_search)
        self.words.textChanged.connect(lambda _t: self.timer.start())
        self.words.returnPressed.connect(self._enter_in_words)
        self.table.doubleClicked.connect(self._open_index)
        assert isinstance(self.table, _ResultsTable)
        self.table.opened.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.open_button.setEnabled(current.isValid())
        )
        self.run_search()
        self.words.setFocus()

    @property
    def searching(self) -> bool:
        return self._load is not None

    def run_search(self) -> None:
        """Search for what is typed now, on a second, read-only connection off the GUI thread (here, when none can
        be opened: an encrypted database); the first hit is selected (so Enter in the table opens it)."""
        self.timer.stop()
        if self._load is not None:
            self._again = True
            return
        text = self.words.text()
        if match_expression(text) is None:  # nothing to look for: said at once, no second connection
            self._show(search.search(self.ws, text))
            return
        self._load = read_off_thread(self.ws, lambda ws: search.search(ws, text), self._searched)
        if self._load is None:
            try:
                self._show(search.search(self.ws, text))
            except CoworkError as exc:
                self._show(exc)
            return
        self.progress.show()

    def _searched(self, result: object) -> None:
        if read_finished(self):
            self._show(result)

    def _show(self, result: object) -> None:
        if isinstance(result, SearchResult):
            self.found = result
            self.summary.setText(result.summary)
        else:
            self.found = SearchResult(self.words.text(), (), 0)
            self.summary.setText(str(result))
        self.model.set_rows(self.found.hits)
        if self.found.hits:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.open_button.setEnabled(bool(self.found.hits))
        if self._to_results and self.found.hits:
            self.table.setFocus()
        self._to_results = False

    def refresh(self) -> None:  # (OffThreadView: a search asked again while one ran)
        self.run_search()

    def _enter_in_words(self) -> None:
        """Enter in the words: search now, then go to the results (Enter again opens the first one's case)."""
        self._to_results = True
        self.run_search()

    def _open_current(self) -> None:
        self._open_index(self.table.currentIndex())

    def _open_index(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.isValid():
            return
        self.open_case.emit(self.model.hit(index.row()).case_id)


def open_search_dialog(ws: Workspace, parent: QWidget, show_case: Any) -> SearchDialog:
    """The search dialog, shown (not modal: the case opens behind it and the search stays), opening cases with
    ``show_case(case_id)``."""
    dialog = SearchDialog(ws, parent)
    dialog.open_case.connect(show_case)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
