"""The Service page: the service report in the app (issue 17, "Oversight"), read-only.

What the service's login of Settings ▸ Service sees: every team for a head of service, the manager's own team
otherwise (the server's row-level security decides). The figures are
:func:`cowork_desktop.services.service_report.service_report`'s, the same as ``cowork service report`` prints and
reckoned by this app's own rules, with this database's working days and initial-meeting deadline. They are read
from the server on a thread of their own (a large service's take a while: a bar moves meanwhile), when the page is
first shown and when asked again; never on the GUI thread, never written anywhere.
"""

from __future__ import annotations

import contextlib
import threading
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTableView, QWidget

from cowork_desktop.domain import dates
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.services import settings as model
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.widgets import (
    ModelIndex,
    RowsTableModel,
    busy_bar,
    button,
    date_edit,
    from_qdate,
    hint_label,
    list_table,
    page_layout,
    text_label,
)

if TYPE_CHECKING:
    from cowork_desktop.services.service_report import ServiceReport


class FiguresModel(RowsTableModel[tuple[str, str, list[str]]]):
    """One row per figure: its heading, then its value for each team and for the whole service."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers: tuple[str, ...] = ()

    def show_report(self, report: ServiceReport | None) -> None:
        from cowork_desktop.services.service_report import FIGURES, columns, shown

        self.beginResetModel()
        if report is None:
            self.headers, self._rows = (), []
        else:
            found = columns(report)
            self.headers = ("Figure", *(name for name, _f in found))
            self._rows = [
                (key, heading, [shown(key, get(f)) for _n, f in found]) for key, heading, get in FIGURES
            ]
        self.endResetModel()

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def cell(self, row: tuple[str, str, list[str]], col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            _key, heading, values = row
            return heading if col == 0 else values[col - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ServicePage(QWidget):
    """The service's figures by team, on a day, as the login of Settings ▸ Service sees them."""

    #: the report, or the one-line reason it could not be read (from the reading thread)
    read_done = Signal(object)
    #: what this page shows comes from the server, not from this database's changes
    DEPENDS_ON: frozenset[str] = frozenset()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("servicePage")
        self.ws = ws
        self.report: ServiceReport | None = None
        self.error = ""
        self.reading: threading.Thread | None = None
        self._again = False
        self.read_button = button(
            self.tr("&Read the figures"),
            "readServiceFigures",
            self.tr("Read the figures from the service"),
            clicked=self.read,
        )
        layout = page_layout(self, self.tr("Service"), self.read_button)
        layout.addWidget(
            hint_label(
                self.tr(
                    "The co-working of every team your service login sees (a head of service: every team), "
                    "from what each manager last published, counted by this app's own rules. Read-only."
                )
            )
        )
        row = QHBoxLayout()
        on_label = QLabel(self.tr("O&n:"))
        self.on_edit = date_edit("serviceDay", dates.today(), accessible_name=self.tr("On"))
        on_label.setBuddy(self.on_edit)
        self.on_edit.dateChanged.connect(lambda _d: self.read())
        self.progress = busy_bar("serviceProgress", self.tr("Reading the service's figures"))
        self.status = text_label("serviceStatus")
        row.addWidget(on_label)
        row.addWidget(self.on_edit)
        row.addWidget(self.progress)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        self.model = FiguresModel(self)
        self.table: QTableView = list_table(self.tr("The service's figures"), "serviceFigures")
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)
        self.read_done.connect(self._shown)
        self._first = True

    @property
    def url(self) -> str:
        try:
            return model.load(self.ws.store).service_url
        except CoworkError:  # the database was closed meanwhile
            return ""

    @property
    def on(self) -> date:
        return from_qdate(self.on_edit.date())

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.first_look()

    def first_look(self) -> None:
        """Read when first shown; then when asked (a large service's figures take a while)."""
        if self._first:
            self._first = False
            self.read()

    def refresh(self) -> None:
        """The main window's refresh: the settings may have changed (another service); read again."""
        if not self._first:
            self.read()

    def arrival(self) -> QWidget:
        return self.read_button

    def read(self) -> None:
        url = self.url
        if not url:
            self.model.show_report(None)
            self.status.setText(
                self.tr(
                    "No service is set up: set its address in File ▸ Settings ▸ Service to see its figures."
                )
            )
            return
        if self.reading is not None and self.reading.is_alive():
            self._again = True
            return
        self.progress.show()
        self.read_button.setEnabled(False)
        self.status.setText(self.tr("Reading the figures from the service…"))
        on, days, calendar = self.on, self.ws.initial_meeting_days, self.ws.calendar
        self.reading = threading.Thread(
            target=self._read, args=(url, on, days, calendar), name="service-report", daemon=True
        )
        self.reading.start()

    def _read(self, url: str, on: date, days: int, calendar: Any) -> None:
        try:
            from cowork_desktop.services.service_report import service_report

            result: object = service_report(url, on, initial_days=days, calendar=calendar)
        except Exception as exc:  # said on the page, never in the way
            result = str(exc) or type(exc).__name__
        with contextlib.suppress(RuntimeError):  # the page was closed meanwhile
            self.read_done.emit(result)

    def _shown(self, result: object) -> None:
        self.progress.hide()
        self.read_button.setEnabled(True)
        if isinstance(result, str):
            self.error = result
            self.status.setText(self.tr("Could not read the figures: %1").replace("%1", result))
        else:
            self.error = ""
            self.report = result  # type: ignore[assignment]
            self.model.show_report(self.report)
            self.table.resizeColumnsToContents()
            assert self.report is not None
            who = (
                self.tr("every team (a head of service's login)")
                if self.report.head
                else self.tr("your team (a manager's login)")
            )
            self.status.setText(
                self.tr("On %1, as %2 sees it: %3. Read at %4.")
                .replace("%1", self.report.on.strftime("%d %b %Y"))
                .replace("%2", self.report.login)
                .replace("%3", who)
                .replace("%4", datetime.now().strftime("%H:%M"))
            )
        if self._again:
            self._again = False
            self.read()
