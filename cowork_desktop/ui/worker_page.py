"""One worker: their details and, for a less experienced worker, the development log.

The log is the learning recorded in the signed records of the co-worked cases where the worker is the less
experienced one (:func:`cowork_desktop.services.insights.development_log`), shown by Professional Capabilities
Framework domain and over time (by month). "Export development log..." writes the PDF for an ASYE or placement
portfolio. Cases are named by reference only; the children's initials are removed from the entries.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain import dates
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.insights import LearningEntry
from cowork_desktop.domain.models import Worker
from cowork_desktop.services import cases, documents, files, insights
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui import recent
from cowork_desktop.ui.insights_views import ReadLoad, read_finished, read_off_thread
from cowork_desktop.ui.widgets import (
    busy_bar,
    button,
    confirm_replace,
    fmt_date,
    hint_label,
    text_label,
    title_label,
    title_row,
    wrapped_label,
)

if TYPE_CHECKING:  # the signing stack (pyHanko) loads only when a log is exported
    from cowork_desktop.services.signing_keys import Signer

NOT_A_LEARNER = (
    "The development log applies to students, ASYEs and less experienced workers: the co-worker who is not the "
    "lead where development of a less experienced worker is a reason for co-working. {name} has no learning "
    "recorded as the less experienced worker."
)
TREE_HEADERS = ("Date", "Case", "Record", "Learning")


def _month_title(key: str) -> str:
    """``"2026-11"`` -> ``"November 2026"``."""
    return date.fromisoformat(f"{key}-01").strftime("%B %Y")


@dataclass(frozen=True)
class LogGroup:
    """One line of a log tree (a PCF domain, or a month) and the entries under it, with their text as shown."""

    title: str
    entries: tuple[LearningEntry, ...]
    texts: tuple[str, ...]


_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class LogView:
    """A worker's development log and its two trees' groups, made off the GUI thread (no Qt in it)."""

    log: insights.DevelopmentLog
    by_domain: list[LogGroup]
    by_month: list[LogGroup]


def log_view(ws: Workspace, worker_id: int) -> LogView:
    """The development log of ``worker_id`` grouped by PCF domain and by month, each entry's text as shown."""
    log = insights.development_log(ws, worker_id)
    titles = {d.id: d.title for d in log.domains}

    def shown(e: LearningEntry) -> str:
        domains = ", ".join(titles.get(d, d) for d in e.domains) or "not linked to a domain yet"
        return f"{e.text}  ({domains})"

    return LogView(
        log,
        [LogGroup(g.title, g.entries, tuple(e.text for e in g.entries)) for g in log.by_domain()],
        [
            LogGroup(_month_title(month), entries, tuple(shown(e) for e in entries))
            for month, entries in log.over_time()
        ],
    )


class LogTreeModel(QAbstractItemModel):
    """Groups and their entries, two levels, each line's text made only when a view asks for it (a learner of a
    large service has tens of thousands of entries: a widget item each took seconds to make)."""

    def __init__(self, last: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = (*TREE_HEADERS[:-1], last)
        self.groups: list[LogGroup] = []
        self._days: dict[date, str] = {}
        self._bold: QFont | None = None
        self._muted: QBrush | None = None

    def set_groups(self, groups: list[LogGroup], bold: QFont, muted: QBrush) -> None:
        self.beginResetModel()
        self.groups = groups
        self._bold, self._muted = bold, muted
        self.endResetModel()

    @property
    def entry_count(self) -> int:
        return sum(len(g.entries) for g in self.groups)

    # the internal id of an entry's index is its group's row + 1; a group's is 0
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < len(self.headers):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.groups) else QModelIndex()
        group = parent.row()
        if parent.internalId() != 0 or row >= len(self.groups[group].entries):
            return QModelIndex()
        return self.createIndex(row, column, group + 1)

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return bool(self.groups)
        return parent.internalId() == 0 and parent.column() == 0 and bool(self.groups[parent.row()].entries)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()].entries)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if index.internalId() == 0:
            group = self.groups[index.row()]
            if col != 0:
                return None
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{group.title} ({len(group.entries)})"
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.ForegroundRole and not group.entries:
                return self._muted
            return None
        group = self.groups[int(index.internalId()) - 1]
        row = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole) or (
            role == Qt.ItemDataRole.ToolTipRole and col == len(self.headers) - 1
        ):
            e = group.entries[row]
            if col == 0:
                day = self._days.get(e.meeting_date)
                if day is None:
                    day = self._days[e.meeting_date] = fmt_date(e.meeting_date)
                return day
            if col == 1:
                return e.case_reference
            if col == 2:
                return e.record_label
            return group.texts[row]
        return None


def _tree(name: str, object_name: str, last: str) -> QTreeView:
    tree = QTreeView()
    tree.setTabKeyNavigation(False)  # Tab leaves the tree; arrows move inside it
    tree.setObjectName(object_name)
    tree.setAccessibleName(name)
    tree.setModel(LogTreeModel(last, tree))
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = tree.header()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(TREE_HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
    header.setResizeContentsPrecision(0)  # fitted to the lines in view, not to thousands of entries
    return tree


class WorkerPage(QWidget):
    back_requested = Signal()
    #: what this page shows (``services.changes.KINDS``): the main window refreshes it when one changes
    DEPENDS_ON = frozenset({"worker_details", "coallocations", "records"})

    #: up to this many entries in a tree, its groups are open and each line wraps its text; more, and the groups
    #: (with their counts) open when asked, their lines one line high (the full entry in its tooltip)
    LONG_LOG = 500

    def __init__(self, ws: Workspace, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workerPage")
        self.ws = ws
        self._today = today
        self.worker: Worker | None = None
        self.log: insights.DevelopmentLog | None = None
        self._load: ReadLoad | None = None
        self._again = False  # asked again while a log was being read: read once more when it is done

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 18)
        layout.setSpacing(10)
        nav = QHBoxLayout()
        self.back_button = button(
            self.tr("← All workers"), "backToWorkersButton", self.tr("Back to all workers")
        )
        self.back_button.setFlat(True)
        self.back_button.clicked.connect(self.back_requested)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        self.export_button = button(
            self.tr("E&xport development log…"),
            "exportDevlogButton",
            self.tr("Export development log"),
            self.tr("A PDF of the learning by PCF domain, for an ASYE or placement portfolio."),
            clicked=self.export_log,
        )
        nav.addWidget(self.export_button)
        layout.addLayout(nav)

        self.title = title_label("")
        self.title.setObjectName("workerTitle")
        self.details = text_label("workerDetails")
        layout.addWidget(self.title)
        layout.addWidget(self.details)

        # while the log is read off the GUI thread
        self.progress = busy_bar("devlogProgress", self.tr("Reading the development log"))
        layout.addLayout(title_row(self.tr("Development log"), self.progress, role="subtitle"))
        self.log_summary = wrapped_label("devlogSummary")
        layout.addWidget(self.log_summary)
        self.log_hint = hint_label(
            self.tr(
                "Learning recorded in signed records of co-worked cases, linked to the Professional Capabilities "
                "Framework by keywords (or by a [PCF: …] tag in the entry). Cases are named by reference; "
                "children's initials are removed."
            )
        )
        layout.addWidget(self.log_hint)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("devlogTabs")
        self.domain_tree = _tree("Development log by PCF domain", "devlogByDomain", "Learning")
        self.time_tree = _tree("Development log over time", "devlogOverTime", "Learning (PCF domains)")
        self.tabs.addTab(self.domain_tree, self.tr("By PCF &domain"))
        self.tabs.addTab(self.time_tree, self.tr("Over t&ime"))
        layout.addWidget(self.tabs, 1)
        self.not_learner = hint_label("")
        self.not_learner.setObjectName("devlogNotApplicable")
        layout.addWidget(self.not_learner)
        layout.addStretch(0)

    @property
    def today(self) -> date:
        return self._today or dates.today()

    # -- loading ------------------------------------------------------------------------------------
    def arrival(self) -> QWidget:
        """Where the focus goes when the worker's page opens: their development log (a learner's), else the way
        back."""
        return self.tabs if self.tabs.isVisibleTo(self) else self.back_button

    def show_worker(self, worker_id: int) -> None:
        self.worker = cases.worker(self.ws.store, worker_id)
        self.refresh()

    @property
    def loading(self) -> bool:
        return self._load is not None

    def refresh(self) -> None:
        """The worker's details now, and their development log read off the GUI thread (a learner of a large
        service has thousands of entries), with a progress indicator."""
        if self.worker is None or self.worker.id is None:
            return
        w = self.worker = cases.worker(self.ws.store, self.worker.id)
        assert w.id is not None
        self.title.setText(w.name)
        active = "active" if w.active else "left or on leave"
        self.details.setText(f"{w.role.label}  ·  {w.team or 'no team recorded'}  ·  {active}")
        if self._load is not None:
            self._again = True
            return
        worker_id = w.id
        self.log = None
        self.export_button.setEnabled(False)
        self._load = read_off_thread(self.ws, lambda ws: log_view(ws, worker_id), self._loaded)
        if self._load is None:
            self._show_log(log_view(self.ws, worker_id))
            return
        self.progress.show()
        self.log_summary.setText(f"Reading the development log of {w.name}…")

    def _loaded(self, result: object) -> None:
        if not read_finished(self):
            return
        if isinstance(result, LogView):
            if self.worker is not None and result.log.worker_id == self.worker.id:
                self._show_log(result)
        else:
            self.log_summary.setText(f"The development log could not be read: {result}")

    def _show_log(self, view: LogView) -> None:
        log = view.log
        w = self.worker
        assert w is not None
        self.log = log
        applies = bool(log.entries) or w.role.is_learner
        for widget in (self.log_summary, self.log_hint, self.tabs):
            widget.setVisible(applies)
        self.export_button.setVisible(applies)
        self.not_learner.setVisible(not applies)
        self.not_learner.setText(NOT_A_LEARNER.format(name=w.name))
        if not applies:
            self._clear_trees()
            return
        if log.entries:
            start, end = log.period
            cases = ", ".join(log.case_references)
            self.log_summary.setText(
                f"{len(log.entries)} {'entry' if len(log.entries) == 1 else 'entries'} from "
                f"{len(log.case_references)} {'case' if len(log.case_references) == 1 else 'cases'} "
                f"({cases}), {fmt_date(start)} to {fmt_date(end)}."
            )
        else:
            self.log_summary.setText(
                f"No learning recorded yet for {w.name}. It appears here once a signed record of a co-worked "
                "case notes learning opportunities or development."
            )
        self.export_button.setEnabled(bool(log.entries))
        self._fill_groups(view)

    @staticmethod
    def _fill(tree: QTreeView, groups: list[LogGroup]) -> None:
        """Show the groups, open (a long log's closed, see :data:`LONG_LOG`)."""
        model = tree.model()
        assert isinstance(model, LogTreeModel)
        bold = QFont(tree.font())
        bold.setBold(True)
        muted = QBrush(tree.palette().color(QPalette.ColorRole.PlaceholderText))
        long_log = sum(len(g.entries) for g in groups) > WorkerPage.LONG_LOG
        tree.setUniformRowHeights(long_log)
        model.set_groups(groups, bold, muted)
        for row in range(len(groups)):
            tree.setFirstColumnSpanned(row, QModelIndex(), True)
        if not long_log:  # laying out every line of a long log takes seconds: its groups open when asked
            tree.expandToDepth(0)

    def _fill_groups(self, view: LogView) -> None:
        self._fill(self.domain_tree, view.by_domain)
        self._fill(self.time_tree, view.by_month)

    def _clear_trees(self) -> None:
        for tree in (self.domain_tree, self.time_tree):
            model = tree.model()
            assert isinstance(model, LogTreeModel)
            model.set_groups([], QFont(), QBrush())

    def domain_groups(self) -> dict[str, list[str]]:
        """The by-domain tree as text: group title -> the entries' case references (for tests)."""
        model = self.domain_tree.model()
        found: dict[str, list[str]] = {}
        for row in range(model.rowCount()):
            top = model.index(row, 0)
            found[str(top.data())] = [str(model.index(n, 1, top).data()) for n in range(model.rowCount(top))]
        return found

    def month_counts(self) -> list[int]:
        """How many entries each month of the over-time tree holds, oldest first (for tests)."""
        model = self.time_tree.model()
        return [model.rowCount(model.index(row, 0)) for row in range(model.rowCount())]

    # -- export -------------------------------------------------------------------------------------
    def export_log(self) -> Path | None:
        if self.worker is None or self.worker.id is None:
            return None
        suggested = recent.in_last_folder(documents.devlog_filename(self.worker.name, self.today))
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export development log"),
            str(suggested),
            self.tr("PDF files (*.pdf);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # asked below, for the name actually written
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        replace = self.may_write(target, Path(path))
        if replace is None:
            return None
        signer = self.signing_key()
        if signer is None:
            return None
        try:
            written, log = insights.export_development_log(
                self.ws, self.worker.id, target, today=self.today, signer=signer, replace=replace
            )
        except (CoworkError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Cannot export the development log"), str(exc))
            return None
        QMessageBox.information(
            self,
            self.tr("Development log exported"),
            f"Saved {len(log.entries)} entries to {written}, signed with your certificate (Tools, Verify a "
            "signed PDF checks it).\n\nCases are named by reference and children's initials removed, but free "
            "text can still name a child: read it before sharing.",
        )
        recent.remember_folder(written.parent)
        return written

    def may_write(self, target: Path, chosen: Path | None = None) -> bool | None:
        """Whether ``target`` may be written: False (a new file), True (the manager agreed to replace it) or
        None (refused, with a message, or not to be replaced). The database, a backup or a certificate is
        never written over; nor is one ``chosen`` in the save dialog saved beside it with ``.pdf`` added."""
        title = self.tr("Cannot export the development log")
        problem = files.protected_file(chosen or target, self.ws.store) or files.protected_file(
            target, self.ws.store
        )
        if problem is not None:
            QMessageBox.warning(self, title, f"{problem}: the app never writes over it. Choose another file.")
            return None
        if target.is_dir():
            QMessageBox.warning(self, title, f"{target} is a folder: choose a file name.")
            return None
        if not os.path.lexists(target):
            return False
        return True if confirm_replace(self, target) else None

    def signing_key(self) -> Signer | None:
        """The manager's signing key, as for a signed case note: from this session, or unlocked now with its
        passphrase (or the certificate set up first). None when the manager cancels or it does not open."""
        from cowork_desktop.services.export import default_certificate_path
        from cowork_desktop.services.signing_keys import SIGNERS
        from cowork_desktop.ui.certificate_dialog import CertificateDialog, is_wrong_passphrase

        path = default_certificate_path()
        signer = SIGNERS.get(path)
        if signer is not None:
            return signer
        if not path.is_file():
            dialog = CertificateDialog(self.ws, path, self)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.signer is not None:
                return SIGNERS.put(path, dialog.signer)
            return None
        text, ok = QInputDialog.getText(
            self,
            self.tr("Sign the development log"),
            self.tr(
                "The log is signed like a case note. Passphrase of your signing certificate (%1):"
            ).replace("%1", path.name),
            QLineEdit.EchoMode.Password,
        )
        if not ok or not text:
            return None
        try:
            return SIGNERS.unlock(path, text)
        except CoworkError as exc:
            message = (
                self.tr("Wrong passphrase: it does not open your certificate. Nothing was saved.")
                if is_wrong_passphrase(exc)
                else str(exc)
            )
            QMessageBox.warning(self, self.tr("Cannot sign the development log"), message)
            return None
