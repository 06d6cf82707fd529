"""Small shared widgets: a field with its error message underneath, titles, hints, date helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    SignalInstance,
)
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain.due import Severity
from cowork_desktop.services.settings import MARKINGS, NATION_LABELS
from cowork_desktop.ui import theme

ModelIndex = QModelIndex | QPersistentModelIndex


Row = TypeVar("Row")


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    """A flat table of ``_rows`` with one column per entry of ``HEADERS`` (the class sets them).

    Subclasses add their column constants and :meth:`cell` (what a row shows in a column), and where the rows are
    shown in another order or with something kept alongside, :meth:`_arrange`; the rows, counts, headers and the
    lookup of an index's row live here once."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self._rows = self._arrange(rows)
        self.endResetModel()

    def _arrange(self, rows: Iterable[Row]) -> list[Row]:
        """The rows as shown (here: as given), anything kept alongside them made again."""
        return list(rows)

    def data(self, index: ModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def cell(self, row: Row, col: int, role: int) -> Any:  # pragma: no cover - overridden
        """What ``row`` shows in column ``col`` for ``role`` (None: nothing)."""
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


#: the roles a cell marked with a severity answers (its colours, in bold)
MARK_ROLES = frozenset(
    {Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole}
)


class SeverityRowsModel(RowsTableModel[Row]):
    """Rows with a cell marked by a severity (the theme's colours for it, in bold): the brushes and the font are
    made once per reset, not once per cell painted (a dashboard can hold thousands of rows), and again after
    a reset (the theme may have changed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bold: QFont | None = None
        self._brushes: dict[Severity, tuple[QBrush, QBrush]] = {}

    def _arrange(self, rows: Iterable[Row]) -> list[Row]:
        self._bold = None
        self._brushes = {}
        return list(rows)

    def marked(self, severity: Severity | None, role: int) -> Any:
        """What a cell marked with ``severity`` (None: no colours, bold only) answers for ``role`` (one of
        :data:`MARK_ROLES`)."""
        if role == Qt.ItemDataRole.FontRole:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        if severity is None:
            return None
        brushes = self._brushes.get(severity)
        if brushes is None:
            bg, fg = theme.colors().severity[severity]
            brushes = self._brushes[severity] = (QBrush(QColor(bg)), QBrush(QColor(fg)))
        return brushes[0] if role == Qt.ItemDataRole.BackgroundRole else brushes[1]


def list_table(
    accessible_name: str, object_name: str, view: QTableView | None = None, *, rows_fit_contents: bool = False
) -> QTableView:
    """A read-only list of rows: whole-row single selection, alternating rows, no grid, no row numbers.

    ``rows_fit_contents`` sizes each row to its wrapped text: for short lists only (it measures every row)."""
    t = view if view is not None else QTableView()
    t.setObjectName(object_name)
    t.setAccessibleName(accessible_name)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setTabKeyNavigation(False)  # Tab leaves the list (arrows move between rows), never trapped cell by cell
    t.setAlternatingRowColors(True)
    t.setShowGrid(False)
    t.setWordWrap(True)
    t.verticalHeader().hide()
    if rows_fit_contents:
        t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return t


def show_model(table: QTableView, model: QAbstractItemModel, stretch: int) -> QHeaderView:
    """Show ``model`` in ``table``: every column as wide as its contents, column ``stretch`` taking the room left.
    The table's header, for more settings."""
    table.setModel(model)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return header


DATE_FORMAT = "%d %b %Y"
QT_DATE_FORMAT = "dd MMM yyyy"


def fmt_date(value: date | str | None, empty: str = "") -> str:
    """``02 Nov 2026`` (the format the due messages use), from a date or an ISO string."""
    if value is None or value == "":
        return empty
    if isinstance(value, str):
        try:
            return date.fromisoformat(value).strftime(DATE_FORMAT)
        except ValueError:
            return value
    return value.strftime(DATE_FORMAT)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _plain(label_text: str) -> str:
    return label_text.replace("&", "").rstrip(":").strip()


def set_role(widget: QWidget, role: str) -> None:
    """Mark a widget's role for the theme's style sheet, and restyle it now."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def title_label(text: str, role: str = "title") -> QLabel:
    """A page or section title; its size comes from the theme's style sheet, and a screen reader is told it is a
    heading (ui/accessibility.py). The role is set before the text: while a screen reader listens, Qt makes the
    label's accessible interface as soon as it has text, and keeps it."""
    label = QLabel()
    label.setProperty("role", role)
    label.setText(text)
    label.setWordWrap(True)
    return label


def title_row(title: str, *widgets: QWidget, role: str = "title", wrap: bool = True) -> QHBoxLayout:
    """A title at the left (``role``: "title" or "subtitle"; ``wrap``: it may take several lines), the
    ``widgets`` at the right."""
    row = QHBoxLayout()
    label = title_label(title, role)
    label.setWordWrap(wrap)
    row.addWidget(label)
    row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    return row


def page_layout(page: QWidget, title: str, *top: QWidget) -> QVBoxLayout:
    """A main-window page's column: its title at the top left, the ``top`` widgets (its buttons) at the right."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 20, 24, 20)
    layout.setSpacing(12)
    layout.addLayout(title_row(title, *top))
    return layout


def scroll_area(object_name: str = "", *, across: bool = False) -> QScrollArea:
    """A frameless area that scrolls its widget (the caller sets it) up and down, and with ``across`` also from
    side to side when it is wider (else it is fitted to the width)."""
    area = QScrollArea()
    if object_name:
        area.setObjectName(object_name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if not across:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def with_button(field: QWidget, button: QPushButton, *, top: bool = False) -> QWidget:
    """``field`` taking the width, ``button`` at its right (``top``: level with the field's first line)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field, 1)
    if top:
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    else:
        layout.addWidget(button)
    return row


def dialog_buttons(dialog: QDialog, accept: Callable[[], object], *, save: bool = False) -> QDialogButtonBox:
    """OK (``save``: Save) and Cancel: the first runs ``accept`` (which closes the dialog when it is done), the
    other rejects ``dialog``."""
    first = QDialogButtonBox.StandardButton.Save if save else QDialogButtonBox.StandardButton.Ok
    buttons = QDialogButtonBox(first | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def busy_bar(object_name: str, accessible_name: str) -> QProgressBar:
    """A small bar that moves while something is read off the GUI thread; hidden until then."""
    bar = QProgressBar()
    bar.setObjectName(object_name)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumWidth(160)
    bar.setAccessibleName(accessible_name)
    bar.hide()
    return bar


def wrapped_label(object_name: str, text: str = "") -> QLabel:
    """A label whose text wraps at the width it is given."""
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    return label


def text_label(object_name: str) -> QLabel:
    """A label for text that is filled in later: wrapped, and selectable to copy."""
    label = wrapped_label(object_name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def button(
    text: str,
    object_name: str,
    accessible_name: str = "",
    tip: str = "",
    *,
    clicked: Callable[..., object] | SignalInstance | None = None,
) -> QPushButton:
    """A push button (its accessible name: ``accessible_name``, else its text without the mnemonic), running
    ``clicked`` when it is pressed."""
    b = QPushButton(text)
    b.setObjectName(object_name)
    b.setAccessibleName(accessible_name or _plain(text))
    if tip:
        b.setToolTip(tip)
        b.setAccessibleDescription(tip)
    if clicked is not None:
        b.clicked.connect(clicked)
    return b


def line_edit(
    object_name: str,
    placeholder: str = "",
    *,
    text: str = "",
    max_length: int = 0,
    accessible_name: str = "",
    clear_name: str = "",
) -> QLineEdit:
    """A one-line text field (``max_length``: at most so many characters; 0, Qt's own limit). With
    ``clear_name``, a button in it empties it, named so (Qt's own has no name)."""
    edit = QLineEdit(text)
    edit.setObjectName(object_name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    if max_length:
        edit.setMaxLength(max_length)
    if accessible_name:
        edit.setAccessibleName(accessible_name)
    if clear_name:
        edit.setClearButtonEnabled(True)
        for clear in edit.findChildren(QToolButton):
            clear.setAccessibleName(clear_name)
    return edit


def date_edit(object_name: str, day: date, *, accessible_name: str = "") -> QDateEdit:
    """A day, typed or chosen on a calendar that pops up, shown as ``02 Nov 2026``."""
    edit = QDateEdit(to_qdate(day))
    if object_name:
        edit.setObjectName(object_name)
    if accessible_name:
        edit.setAccessibleName(accessible_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(QT_DATE_FORMAT)
    return edit


def combo(
    object_name: str, items: Iterable[tuple[str, Any]] = (), *, accessible_name: str = "", fit: bool = False
) -> QComboBox:
    """A drop-down list of ``items`` (label, value); ``fit``: as wide as its longest label."""
    c = QComboBox()
    c.setObjectName(object_name)
    if accessible_name:
        c.setAccessibleName(accessible_name)
    if fit:
        c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    for label, value in items:
        c.addItem(label, value)
    return c


def marking_combo(text: str | None = None) -> QComboBox:
    """The protective marking: one of the usual ones, or the organisation's own typed in."""
    c = combo(
        "protective_marking", accessible_name=QCoreApplication.translate("Settings", "Protective marking")
    )
    c.setEditable(True)
    line = c.lineEdit()
    assert line is not None
    line.setAccessibleName(c.accessibleName())  # its text field is a control of its own to a screen reader
    c.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    c.addItems(list(MARKINGS))
    if text is not None:
        c.setEditText(text)
    return c


def nation_combo(tr: Callable[[str], str]) -> QComboBox:
    """Whose bank holidays working days skip, its labels translated by ``tr`` (the caller's)."""
    return combo("nation", ((tr(label), key) for key, label in NATION_LABELS.items()))


def radio_choices(owner: QWidget, *choices: QRadioButton) -> QButtonGroup:
    """Choices of which one is taken: ids 0, 1, … in order, the first taken to begin with."""
    group = QButtonGroup(owner)
    for i, choice in enumerate(choices):
        group.addButton(choice, i)
    choices[0].setChecked(True)
    return group


def tab_order(*widgets: QWidget) -> None:
    """Tab moves through ``widgets`` in this order."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)


class FieldError(QLabel):
    """The message shown under one field; hidden while there is nothing to say."""

    def __init__(self, field_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setAccessibleName(f"{field_name}: problem")
        self.hide()

    def set_error(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def message(self) -> str:
        """The message shown now ("" when the field is fine)."""
        return "" if self.isHidden() else self.text()


class FormFields:
    """Labelled fields in a QFormLayout, each with a hint and an error label under it, keyed by field name.

    The keys are the dataclass/store field names (``reference``, ``worker1_id``...), so the
    ``ValidationError.errors`` dict maps straight onto the labels.
    """

    def __init__(self, form: QFormLayout) -> None:
        self.form = form
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}
        self.labels: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}

    @classmethod
    def new_form(cls, parent: QWidget | None = None, *, wrap: bool = True) -> FormFields:
        """Fields in a new form (on ``parent``, if given) whose fields take the width their labels leave;
        ``wrap``: a row too narrow for both puts its field under its label."""
        form = QFormLayout(parent) if parent is not None else QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        if wrap:
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return cls(form)

    def add(
        self,
        key: str,
        label_text: str,
        field: QWidget,
        *,
        hint: str = "",
        focus: QWidget | None = None,
    ) -> FieldError:
        """Add a row; ``focus`` is the widget the label's mnemonic moves to (default: ``field``)."""
        name = _plain(label_text)
        label = QLabel(label_text)
        target = focus or field
        label.setBuddy(target)
        if not target.accessibleName():
            target.setAccessibleName(name)
        box = QWidget()
        box.setObjectName(f"{key}Row")
        # the row spans the whole field column, so a hint or an error under a narrow field (a combo box) wraps
        # at the form's width instead of being squeezed to the field's width and clipped
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        if isinstance(field, QComboBox | QAbstractSpinBox):  # choices and numbers keep their natural width
            column.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            column.addWidget(field)
        if hint:
            column.addWidget(hint_label(hint))
        error = FieldError(name)
        column.addWidget(error)
        self.form.addRow(label, box)
        self.fields[key] = target
        self.errors[key] = error
        self.labels[key] = label
        self.rows[key] = box
        return error

    def clear(self) -> None:
        for key, error in self.errors.items():
            error.set_error("")
            self.fields[key].setAccessibleDescription("")

    def show(self, errors: dict[str, str]) -> dict[str, str]:
        """Show each message under its field and focus the first; return the messages with no field."""
        self.clear()
        unplaced: dict[str, str] = {}
        for key, message in errors.items():
            if key in self.errors:
                self.errors[key].set_error(message)
                self.fields[key].setAccessibleDescription(message)
            else:
                unplaced[key] = message
        # focus the first field in the form's order that has a problem
        first = next((self.fields[k] for k in self.fields if k in errors), None)
        if first is not None:
            first.setFocus()
        return unplaced


class RoomyItemDelegate(QStyledItemDelegate):
    """Taller rows (for the navigation list): room proportional to the text size, so it scales with it."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        height = option.fontMetrics.height()
        return QSize(size.width(), max(size.height(), int(height * 2.3)))


class CompactTableView(QTableView):
    """A short table that is only as tall as its rows (up to ``max_rows``), re-fitted when they re-wrap."""

    def __init__(self, max_rows: int = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_rows = max_rows
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        height = 2 * self.frameWidth()
        if not self.horizontalHeader().isHidden():
            height += self.horizontalHeader().sizeHint().height()
        height += sum(self.rowHeight(r) for r in range(min(rows, self.max_rows)))
        if rows > self.max_rows:
            height += self.horizontalScrollBar().sizeHint().height()
        return QSize(super().sizeHint().width(), max(height, 32))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def refit(self) -> None:
        self.resizeRowsToContents()
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.refit()


def confirm_replace(parent: QWidget | None, path: Path) -> bool:
    """Before a file the user chose is replaced: ask, naming it (No is the default). True to replace it."""
    from cowork_desktop.services import files

    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Widgets", "Replace the file?"),
        files.replace_question(path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
