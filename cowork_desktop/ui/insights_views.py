"""Is co-working happening as agreed? The case page's "Co-working health" tab and the dashboard's team view.

* :class:`CaseInsightsPanel`: agreed against held dates (a timeline), how far the case has drifted towards
  parallel working and why (in words), promises kept (the share of agreed actions done on time, with the ones late
  or not done listed) and the partnership ladder over successive reviews; "Export calendar (.ics)...".
* :class:`TeamView`: every active co-allocation, furthest drifted first, with the parts of its score; promises
  kept per worker; "Export calendar (.ics)..." for the whole team.

The figures come from :mod:`cowork_desktop.services.insights` (the rules are in ``docs/decisions.md``, "Insights").
Both are filled when first shown (and again when shown after a change), so a page that is never looked at costs
nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, ClassVar, Protocol

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QThread, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain import dates
from cowork_desktop.domain.cadence import Cadence
from cowork_desktop.domain.due import Severity
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.insights import (
    DRIFT_WEIGHTS,
    DRIFTING_FROM,
    ActionFact,
    Drift,
    DriftBand,
    Outcome,
    Promises,
    PromiseTally,
)
from cowork_desktop.services import cases, files, insights
from cowork_desktop.services.calendar_export import export_calendar
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui import recent
from cowork_desktop.ui.charts import CadenceTimeline, LadderTrend, cadence_summary
from cowork_desktop.ui.widgets import (
    MARK_ROLES,
    SeverityRowsModel,
    busy_bar,
    button,
    confirm_replace,
    fmt_date,
    hint_label,
    list_table,
    scroll_area,
    show_model,
    text_label,
    title_label,
    title_row,
)

_Index = QModelIndex | QPersistentModelIndex

BAND_LABELS = {
    DriftBand.DRIFTING: "Drifting",
    DriftBand.WATCH: "Watch",
    DriftBand.ON_TRACK: "On track",
}
BAND_WORDS = {
    DriftBand.DRIFTING: "Drifting into parallel working",
    DriftBand.WATCH: "Watch: some signs of drift",
    DriftBand.ON_TRACK: "On track: co-working as agreed",
}
# a shape as well as a colour and a word, as on the dashboard
BAND_MARKS = {DriftBand.DRIFTING: "▲", DriftBand.WATCH: "●", DriftBand.ON_TRACK: "○"}
BAND_SEVERITY = {DriftBand.DRIFTING: Severity.URGENT, DriftBand.WATCH: Severity.OVERDUE}


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


# ------------------------------------------------------------------------------------------------- in words


def promises_text(tally: PromiseTally) -> str:
    """``"7 of 10 actions done on time (70%)"``; the actions not yet due are left out."""
    if not tally.counted:
        return "No agreed action has fallen due yet."
    share = round(100 * tally.on_time / tally.counted)
    noun = "action" if tally.counted == 1 else "actions"
    return f"{tally.on_time} of {tally.counted} {noun} done on time ({share}%)"


def promises_short(tally: PromiseTally) -> str:
    """``"2 of 3 (67%)"``, or a dash when none has fallen due."""
    if not tally.counted:
        return "—"
    return f"{tally.on_time} of {tally.counted} ({round(100 * tally.on_time / tally.counted)}%)"


def _points_each(what: str, count: int, weight: int) -> str:
    """``"<what> (3 points each: 6)"``: a part of the drift score that counts each occurrence."""
    return f"{what} ({weight} points each: {weight * count})"


def drift_parts(d: Drift) -> list[str]:
    """Each part of the drift score in words, with its points (see ``domain.insights.drift_score``)."""
    w = DRIFT_WEIGHTS
    parts: list[str] = []
    if d.initial_meeting_overdue:
        parts.append(
            f"the initial meeting is overdue: no co-working plan agreed ({w['initial_meeting_overdue']} points)"
        )
    if d.discussions_missed:
        missed = f"{_plural(d.discussions_missed, 'agreed case discussion')} missed"
        parts.append(_points_each(missed, d.discussions_missed, w["discussions_missed"]))
    if d.review_overdue_days:
        weeks = d.review_overdue_weeks
        if weeks:
            parts.append(
                f"the review is {_plural(d.review_overdue_days, 'day')} overdue "
                f"({_plural(weeks, 'whole week')}: {_plural(weeks * w['review_overdue_weeks'], 'point')})"
            )
        else:
            parts.append(
                f"the review is {_plural(d.review_overdue_days, 'day')} overdue (no points until a whole week)"
            )
    if d.flagged_reviews:
        flagged = (
            f"{_plural(d.flagged_reviews, 'review')} flagged delays, disagreements or uncertainty about roles"
        )
        parts.append(_points_each(flagged, d.flagged_reviews, w["flagged_reviews"]))
    if d.actions_overdue:
        parts.append(
            f"{_plural(d.actions_overdue, 'agreed action')} past due and not done "
            f"({_plural(d.actions_overdue * w['actions_overdue'], 'point')})"
        )
    return parts


def drift_reasons(d: Drift) -> str:
    """Why the score is what it is, in words."""
    parts = drift_parts(d)
    if parts:
        text = f"Why: {'; '.join(parts)}."
    else:
        text = "No discussions missed, no review overdue, no issues flagged, no actions overdue."
    if d.supervisions_missed:
        text += (
            f" Also {_plural(d.supervisions_missed, 'joint supervision')} missed "
            "(not scored: an overdue review already counts)."
        )
    return text


def drift_text(d: Drift) -> str:
    """The band, the score and why, in a sentence or two."""
    return f"{BAND_WORDS[d.band]} (score {d.score}; {DRIFTING_FROM} or more is drifting). {drift_reasons(d)}"


def isolate(text: str) -> str:
    """``text`` as a bidi isolate, so a right-to-left name does not reorder the sentence around it."""
    return f"\u2068{text}\u2069"


def owner_name(worker_id: int | None, names: dict[int, str]) -> str:
    if worker_id is None or worker_id not in names:
        return "no owner named"
    return isolate(names[worker_id])


def outcome_line(a: ActionFact, names: dict[int, str]) -> str:
    owner = owner_name(a.owner_worker_id, names)
    due = f"due {fmt_date(a.due)}" if a.due else "no due date"
    done = f", done {fmt_date(a.done)}" if a.done and a.outcome == Outcome.LATE else ""
    return f"{a.outcome.value.capitalize()}: {a.description} ({due}{done}; {owner})"


# ------------------------------------------------------------------------------------------------ calendar


def export_calendar_file(
    parent: QWidget, ws: Workspace, on: date, case_id: int | None = None, reference: str = ""
) -> Path | None:
    """Ask where to save, then write the .ics (one case, or the team with ``case_id`` None)."""
    stem = f"co-working-{reference}" if reference else "co-working-team"
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("InsightsViews", "Export calendar"),
        recent.in_last_folder(f"{stem}.ics"),
        QCoreApplication.translate("InsightsViews", "iCalendar files (*.ics);;All files (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite,  # asked below, for the name actually written
    )
    if not path:
        return None
    chosen = target = Path(path)
    if target.suffix.lower() != ".ics":
        target = target.with_name(target.name + ".ics")
    cannot = QCoreApplication.translate("InsightsViews", "Cannot export the calendar")
    # the file picked (the database, say) is refused by name, not quietly saved beside it with .ics added
    problem = files.protected_file(chosen, ws.store) or files.protected_file(target, ws.store)
    if problem is not None:
        QMessageBox.warning(parent, cannot, f"{problem}: the app never writes over it. Choose another file.")
        return None
    replace = False
    if os.path.lexists(target) and not target.is_dir():
        if not confirm_replace(parent, target):
            return None
        replace = True
    try:
        items = export_calendar(ws, target, on, case_id, replace=replace)
    except (CoworkError, OSError) as exc:
        QMessageBox.warning(parent, cannot, str(exc))
        return None
    recent.remember_folder(target.parent)
    live = sum(1 for i in items if not i.cancelled)
    ended = len(items) - live
    cancelled = f" (and cancelled {ended} of ended co-working, so calendars drop them)" if ended else ""
    QMessageBox.information(
        parent,
        QCoreApplication.translate("InsightsViews", "Calendar exported"),
        f"Saved {_plural(live, 'event')}{cancelled} to {target}.\n\n"
        "Import the file into Outlook or another calendar; importing a newer file updates the events. "
        "Cases are named by reference only.",
    )
    return target


# ---------------------------------------------------------------------------------------------- case panel


def _section(layout: QVBoxLayout, head: str | QHBoxLayout, *items: QWidget) -> None:
    """A panel at the end of ``layout``: its title (or ``head``, a row of its own), then ``items`` one under
    another."""
    frame = QFrame()
    frame.setProperty("role", "panel")
    column = QVBoxLayout(frame)
    column.setContentsMargins(14, 10, 14, 12)
    column.setSpacing(6)
    if isinstance(head, str):
        column.addWidget(title_label(head, "subtitle"))
    else:
        column.addLayout(head)
    for item in items:
        column.addWidget(item)
    layout.addWidget(frame)


class CaseInsightsPanel(QWidget):
    """The co-working health of one case on a day (its latest co-allocation, promises across all of them)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, scrolls: bool = True) -> None:
        """``scrolls``: the panel scrolls on its own; False inside a page that scrolls already (the case page),
        so there is never a scroll area inside a scroll area."""
        super().__init__(parent)
        self.setObjectName("caseInsightsPanel")
        self.ws = ws
        self.case_id: int | None = None
        self.on = dates.today()
        self.view: insights.CaseInsights | None = None
        self._stale = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        body.setObjectName("caseInsightsBody")
        if scrolls:
            scroll = scroll_area(across=True)
            outer.addWidget(scroll)
            scroll.setWidget(body)
        else:
            outer.addWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(12)

        # drift: the band is the section's title
        head = QHBoxLayout()
        self.band_label = title_label("", "subtitle")
        self.band_label.setObjectName("driftBand")
        self.band_label.setWordWrap(False)
        head.addWidget(self.band_label)
        head.addStretch(1)
        self.calendar_button = button(
            self.tr("Export calendar (.ics)…"),
            "caseCalendarButton",
            self.tr("Export calendar for this case"),
            self.tr("The next review and the agreed discussions and joint supervision, as calendar events."),
            clicked=self.export_calendar,
        )
        head.addWidget(self.calendar_button)
        self.drift_label = text_label("driftText")
        _section(layout, head, self.drift_label)

        self.timeline = CadenceTimeline()
        self.cadence_label = text_label("cadenceText")
        _section(layout, self.tr("Agreed dates and held dates"), self.timeline, self.cadence_label)

        self.promises_label = text_label("promisesText")
        self.promises_label.setProperty("role", "counts")
        self.promises_workers = text_label("promisesByWorker")
        self.promises_details = text_label("promisesDetails")
        promises_hint = hint_label(
            self.tr(
                "An action is done on time when a record confirmed it by its due date, or at the first look "
                "after it fell due; late when a record had found it not done first. Actions not yet due are "
                "left out."
            )
        )
        _section(
            layout,
            self.tr("Promises kept"),
            self.promises_label,
            self.promises_workers,
            self.promises_details,
            promises_hint,
        )

        self.ladder = LadderTrend()
        self.ladder_label = text_label("ladderText")
        _section(layout, self.tr("Partnership over time"), self.ladder, self.ladder_label)
        layout.addStretch(1)

    # -- loading ------------------------------------------------------------------------------------
    def set_case(self, case_id: int, on: date) -> None:
        """Show this case on this day: now if the panel is visible, else when it is next shown."""
        self.case_id = case_id
        self.on = on
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        if self.case_id is None:
            return
        view = insights.case_insights(self.ws, self.case_id, self.on)
        self.view = view
        names = {w.id: w.name for w in cases.workers(self.ws.store) if w.id is not None}
        # drift
        if view.drift is not None:
            d = view.drift
            self.band_label.setText(f"{BAND_MARKS[d.band]}  {BAND_WORDS[d.band]} — score {d.score}")
            # read as the screen says it, without the band's mark (a shape for the eye, not a word)
            self.band_label.setAccessibleName(f"{BAND_WORDS[d.band]} — score {d.score}")
            self.drift_label.setText(
                f"Drift towards parallel working: {DRIFTING_FROM} or more is drifting, 1 to 4 watch. "
                + drift_reasons(d)
            )
        elif view.coallocation_id is not None:
            self.band_label.setText(self.tr("Co-working has ended"))
            self.band_label.setAccessibleName(self.band_label.text())
            self.drift_label.setText(
                self.tr("Drift is reckoned for co-working still in place; the history is below.")
            )
        else:
            self.band_label.setText(self.tr("Not co-allocated"))
            self.band_label.setAccessibleName(self.band_label.text())
            self.drift_label.setText(
                self.tr("Nothing to show until the case is co-allocated to two workers.")
            )
        self.calendar_button.setEnabled(view.drift is not None)
        # cadence
        rows = [
            ("Case discussions", "discussions", view.discussions),
            ("Joint supervision", "joint supervisions", view.supervision),
        ]
        self.timeline.set_cadences(rows, self.on)
        self.timeline.setVisible(view.coallocation_id is not None)
        if view.coallocation_id is None:
            self.cadence_label.setText(self.tr("No co-allocation yet."))
        else:
            lines = [f"{label} ({c.description if c else 'not agreed'}): " for label, _n, c in rows]
            texts = [self._cadence_line(c, noun) for _l, noun, c in rows]
            self.cadence_label.setText("\n".join(a + b for a, b in zip(lines, texts, strict=True)))
        # promises
        self._show_promises(view.promises, names)
        # ladder
        self.ladder.set_points(view.ladder, view.ladder_rungs)
        self.ladder_label.setText(self.ladder.summary())

    @staticmethod
    def _cadence_line(c: Cadence | None, noun: str) -> str:
        text = cadence_summary(c, noun)
        if c is not None and c.next_expected is not None:
            text += f" Next agreed: {fmt_date(c.next_expected)}."
        return text

    def _show_promises(self, kept: Promises, names: dict[int, str]) -> None:
        tally = kept.total
        self.promises_label.setText(promises_text(tally))
        later = f"{_plural(tally.not_yet_due, 'more action')} not yet due." if tally.not_yet_due else ""
        workers = [
            f"{owner_name(w, names)}: {promises_short(t)}" for w, t in kept.by_worker.items() if t.counted
        ]
        text = ("By worker: " + "; ".join(workers) + ". ") if workers else ""
        self.promises_workers.setText((text + later).strip())
        self.promises_workers.setVisible(bool(text or later))
        missed = [a for a in kept.actions if a.outcome in (Outcome.LATE, Outcome.NOT_DONE)]
        self.promises_details.setText("\n".join("• " + outcome_line(a, names) for a in missed))
        self.promises_details.setVisible(bool(missed))

    def export_calendar(self) -> Path | None:
        if self.case_id is None:
            return None
        reference = self.view.case_reference if self.view else ""
        return export_calendar_file(self, self.ws, self.on, self.case_id, reference)


# ------------------------------------------------------------------------------------------------ team view


class DriftModel(SeverityRowsModel[Drift]):
    (
        COL_CASE,
        COL_WORKERS,
        COL_SCORE,
        COL_BAND,
        COL_DISCUSSIONS,
        COL_REVIEW,
        COL_FLAGGED,
        COL_ACTIONS,
        COL_WHY,
    ) = range(9)
    HEADERS = (
        "Case",
        "Co-workers",
        "Score",
        "Band",
        "Discussions\nmissed",
        "Review overdue\n(days)",
        "Issues\nflagged",
        "Actions\nnot done",
        "Why",
    )
    DriftRole = Qt.ItemDataRole.UserRole + 1

    def drift(self, row: int) -> Drift:
        return self._rows[row]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.AccessibleTextRole:
            return self.HEADERS[section].replace("\n", " ")
        return super().headerData(section, orientation, role)

    def _display(self, d: Drift, col: int) -> str:
        if col == self.COL_CASE:
            return d.case_reference
        if col == self.COL_WORKERS:
            return "\n".join(d.worker_names)
        if col == self.COL_SCORE:
            return str(d.score)
        if col == self.COL_BAND:
            return f"{BAND_MARKS[d.band]}  {BAND_LABELS[d.band]}"
        if col == self.COL_DISCUSSIONS:
            return str(d.discussions_missed)
        if col == self.COL_REVIEW:
            return str(d.review_overdue_days)
        if col == self.COL_FLAGGED:
            return str(d.flagged_reviews)
        if col == self.COL_ACTIONS:
            return str(d.actions_overdue)
        if col == self.COL_WHY:
            parts = drift_parts(d)
            return "; ".join(parts).capitalize() if parts else "Co-working as agreed"
        return ""

    def cell(self, d: Drift, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(d, col)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == self.COL_BAND:
                return BAND_WORDS[d.band]
            return self._display(d, col).replace("\n", ", ")
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.COL_BAND, self.COL_SCORE, self.COL_WHY):
            return drift_text(d)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self.COL_SCORE <= col <= self.COL_ACTIONS and col != self.COL_BAND:
                return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if col == self.COL_BAND and role in MARK_ROLES:
            return self.marked(BAND_SEVERITY.get(d.band), role)
        if role == self.DriftRole:
            return d
        return None


def _view_table(name: str, object_name: str) -> QTableView:
    return list_table(name, object_name, rows_fit_contents=True)


class ReadLoad(QThread):
    """One read (a function of a workspace) run off the GUI thread on its own read-only connection, closed when
    done: the team view's drift and promises, a worker's development log. ``done`` carries what it returned, or
    the CoworkError that stopped it."""

    done = Signal(object)

    #: the loads running: each is kept until it has finished (the view that started it may be closed first)
    running: ClassVar[set[ReadLoad]] = set()

    def __init__(self, ws: Workspace, read: Callable[[Workspace], object]) -> None:
        super().__init__()
        self.ws = ws
        self.read = read
        ReadLoad.running.add(self)
        self.finished.connect(self._forget)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wait)

    def _forget(self) -> None:
        ReadLoad.running.discard(self)
        self.deleteLater()

    def run(self) -> None:
        result: object
        try:
            try:
                result = self.read(self.ws)
            finally:
                self.ws.store.close()
        except CoworkError as exc:
            result = exc
        self.done.emit(result)


def read_off_thread(
    ws: Workspace, read: Callable[[Workspace], object], done: Callable[[object], None]
) -> ReadLoad | None:
    """Start ``read`` on a second, read-only connection off the GUI thread; ``done`` gets its result in the GUI
    thread. None when no second connection can be opened (an encrypted database): the caller reads here."""
    reader = insights.reader(ws)
    if reader is None:
        return None
    load = ReadLoad(reader, read)
    load.done.connect(done)
    load.start()
    return load


class OffThreadView(Protocol):
    """A view that reads off the GUI thread (:func:`read_off_thread`), one read at a time."""

    _load: ReadLoad | None
    _again: bool  # asked again while a read was running: read once more when it is done
    progress: QProgressBar

    def refresh(self) -> None: ...


def read_finished(view: OffThreadView) -> bool:
    """A view's read has come back: its thread joined, the progress hidden. False when a refresh was asked
    meanwhile: that one is started instead, and the result that came back is not shown."""
    load, view._load = view._load, None
    if load is not None:
        load.wait()
    view.progress.hide()
    if view._again:
        view._again = False
        view.refresh()
        return False
    return True


class TeamView(QWidget):
    """Which co-allocations are drifting into parallel working (furthest first), and promises kept per worker."""

    case_opened = Signal(int)
    #: the figures are shown (after each refresh, whether reckoned here or off the GUI thread)
    loaded = Signal()

    WORKER_HEADERS = ("Worker", "Done on time", "Done late", "Not done", "Not yet due", "Kept on time")
    #: up to this many co-allocations each row fits its wrapped text; more, and rows are two lines high (the
    #: reasons in full in the tooltip): fitting every row measures them all, seconds for thousands
    FIT_ROWS = 200

    def __init__(self, ws: Workspace, parent: QWidget | None = None, on: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamView")
        self.ws = ws
        self.on = on or dates.today()
        self.drifts: list[Drift] = []
        self.kept: Promises | None = None
        #: each co-allocation's drift as last reckoned: a refresh reckons again only those that changed (one
        #: read at a time uses it: see OffThreadView)
        self.memo = insights.DriftMemo()
        self._stale = True
        self._load: ReadLoad | None = None
        self._again = False  # asked again while a load was running: load once more when it is done

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(8)
        # shown while the figures are reckoned off the GUI thread; the window stays responsive meanwhile
        self.progress = busy_bar("teamProgress", self.tr("Reckoning drift and promises"))
        self.calendar_button = button(
            self.tr("Export calendar (.ics)…"),
            "teamCalendarButton",
            self.tr("Export calendar for the team"),
            self.tr("Every active co-allocation's next review, agreed discussions and joint supervision."),
            clicked=self.export_calendar,
        )
        layout.addLayout(
            title_row(
                self.tr("Team view: drifting into parallel working"),
                self.progress,
                self.calendar_button,
                role="subtitle",
                wrap=False,
            )
        )
        self.counts_label = QLabel()
        self.counts_label.setObjectName("teamDriftCounts")
        self.counts_label.setProperty("role", "counts")
        layout.addWidget(self.counts_label)
        layout.addWidget(
            hint_label(
                f"Score = 2 × discussions missed + whole weeks the review is overdue + 3 × reviews that "
                f"flagged an issue + actions overdue + 5 if the initial meeting is overdue. {DRIFTING_FROM} or "
                "more is drifting, 1 to 4 watch. Double-click a line, or select it and press Enter, to open "
                "the case."
            )
        )
        self.model = DriftModel(self)
        self.table = _view_table("Co-allocations by drift", "teamDriftTable")
        header = show_model(self.table, self.model, DriftModel.COL_WHY)
        # a service has thousands of active co-allocations: the columns are fitted to the rows in view
        header.setResizeContentsPrecision(0)
        self.table.activated.connect(self._open_index)
        # the drift table above, promises per worker below; the manager can move the line between them
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("teamSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        workers_box = QWidget()
        workers_layout = QVBoxLayout(workers_box)
        workers_layout.setContentsMargins(0, 8, 0, 0)
        workers_layout.setSpacing(6)
        self.total_label = QLabel()
        self.total_label.setObjectName("teamPromisesTotal")
        workers_layout.addLayout(
            title_row(self.tr("Promises kept per worker"), self.total_label, role="subtitle", wrap=False)
        )
        self.workers_model = QStandardItemModel(0, len(self.WORKER_HEADERS), self)
        self.workers_model.setHorizontalHeaderLabels(list(self.WORKER_HEADERS))
        self.workers_table = _view_table("Promises kept per worker", "teamPromisesTable")
        show_model(self.workers_table, self.workers_model, len(self.WORKER_HEADERS) - 1)
        self.workers_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.workers_table.setWordWrap(False)
        rows = self.workers_table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.workers_table.fontMetrics().lineSpacing() + 12)
        workers_layout.addWidget(self.workers_table, 1)
        self.splitter.addWidget(workers_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

    # -- loading ------------------------------------------------------------------------------------
    def set_date(self, on: date) -> None:
        """Show this day: now if visible, else when next shown."""
        self.on = on
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def mark_stale(self) -> None:
        self.set_date(self.on)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    @property
    def loading(self) -> bool:
        return self._load is not None

    def refresh(self) -> None:
        """Reckon the figures for ``self.on`` on a second, read-only connection off the GUI thread, with a
        progress indicator (or here, when no second connection can be opened: an encrypted database)."""
        self._stale = False
        if self._load is not None:
            self._again = True
            return
        on, memo = self.on, self.memo
        self._load = read_off_thread(self.ws, lambda ws: insights.team_figures(ws, on, memo), self._loaded)
        if self._load is None:
            self._show(insights.team_figures(self.ws, on, memo))
            return
        self.progress.show()
        self.counts_label.setText(f"Reckoning drift and promises on {fmt_date(on)}…")
        self.calendar_button.setEnabled(False)

    def _loaded(self, result: object) -> None:
        if not read_finished(self):
            return
        if isinstance(result, insights.TeamFigures):
            self._show(result)
        else:
            self.counts_label.setText(f"The team view could not be reckoned: {result}")
            self.loaded.emit()

    def _show(self, figures: insights.TeamFigures) -> None:
        self.drifts = figures.drifts
        rows = self.table.verticalHeader()
        if len(self.drifts) <= self.FIT_ROWS:
            rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        else:
            rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            rows.setDefaultSectionSize(2 * self.table.fontMetrics().lineSpacing() + 10)
        self.model.set_rows(self.drifts)
        counts = {band: sum(1 for d in self.drifts if d.band == band) for band in DriftBand}
        self.counts_label.setText(
            f"{counts[DriftBand.DRIFTING]} drifting, {counts[DriftBand.WATCH]} to watch, "
            f"{counts[DriftBand.ON_TRACK]} on track — {_plural(len(self.drifts), 'active co-allocation')} "
            f"on {fmt_date(figures.on)}"
        )
        self.calendar_button.setEnabled(bool(self.drifts))
        self.kept = figures.promises
        self._fill_workers(self.kept)
        self.loaded.emit()

    def wait_loaded(self) -> None:
        """Block until a running load has finished and its figures are shown (closing, and tests)."""
        load = self._load
        if load is None:
            return
        load.wait()
        QCoreApplication.sendPostedEvents(self)
        QCoreApplication.processEvents()

    def _fill_workers(self, kept: Promises) -> None:
        names = {w.id: w.name for w in cases.workers(self.ws.store) if w.id is not None}
        model = self.workers_model
        model.removeRows(0, model.rowCount())
        rows = sorted(
            kept.by_worker.items(),
            key=lambda item: (item[0] is None, names.get(item[0] or 0, "").casefold()),
        )
        for worker_id, t in rows:
            name = names.get(worker_id, "No owner named") if worker_id is not None else "No owner named"
            cells = (
                name,
                str(t.on_time),
                str(t.late),
                str(t.not_done),
                str(t.not_yet_due),
                promises_short(t),
            )
            items = []
            for n, text in enumerate(cells):
                item = QStandardItem(text)
                item.setEditable(False)
                if 0 < n < len(cells) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                items.append(item)
            model.appendRow(items)
        self.total_label.setText(f"Team: {promises_text(kept.total)}")

    def worker_rows(self) -> list[tuple[str, ...]]:
        """The per-worker table as text (for tests and screen readers' sake)."""
        m = self.workers_model
        return [tuple(m.index(r, c).data() for c in range(m.columnCount())) for r in range(m.rowCount())]

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(self.model.drift(index.row()).case_id)

    def export_calendar(self) -> Path | None:
        return export_calendar_file(self, self.ws, self.on)
