"""One widget per question kind, in a registry keyed by :class:`QuestionKind`.

Each widget edits one answer in the shape documented in :mod:`cowork_desktop.domain.forms`: ``value()``
returns it (None when unanswered), ``set_value()`` shows a stored one, ``changed`` fires on every edit.
A new kind of question needs one class here and nothing else in the wizard.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from itertools import pairwise
from typing import Any, ClassVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.domain.dates import day_or_none, make_rrule, split_rrule
from cowork_desktop.domain.forms import (
    MAX_TASK_NAME,
    MAX_TEXT_ANSWER,
    TEXT_COUNTER_FROM,
    Question,
    QuestionKind,
    task_name_problem,
)
from cowork_desktop.services.plan import fmt_day
from cowork_desktop.ui.privacy import PrivacyHint
from cowork_desktop.ui.widgets import date_edit, to_qdate
from cowork_desktop.ui.widgets import from_qdate as from_qdate  # re-exported: wizard.py imports it from here
from cowork_desktop.ui.wizard import style
from cowork_desktop.ui.wizard.env import WizardEnv
from cowork_desktop.ui.wizard.keys import literal
from cowork_desktop.ui.wizard.style import error_label, hint_label


def make_date_edit(day: date) -> QDateEdit:
    edit = date_edit("", day)
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setMaximumDate(QDate(2100, 12, 31))
    edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    edit.setMinimumWidth(150)
    return edit


class QuestionWidget(QWidget):
    """Base of the answer widgets: subclasses build their controls and read/write one answer."""

    changed = Signal()
    kind: ClassVar[QuestionKind]

    def __init__(
        self, question: Question, env: WizardEnv, answers: dict[str, Any], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.question = question
        self.env = env
        self.setObjectName(f"answer_{question.id}")
        self._loading = False
        self.build(answers)
        self.set_accessible(self.shown_prompt, question.guidance)

    # subclasses -----------------------------------------------------------------------------------
    def build(self, answers: dict[str, Any]) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        """The control that takes the focus when this answer needs attention."""
        return self

    @property
    def shown_prompt(self) -> str:
        """The prompt as the screen shows it ("(required)" after it when it must be answered)."""
        return style.prompt_text(self.question.prompt, self.question.required)

    def controls(self) -> list[tuple[QWidget, str]]:
        """Each interactive control with the name it is announced by (the prompt as shown, or prompt: option)."""
        return [(self.focus_target(), self.shown_prompt)]

    # shared ---------------------------------------------------------------------------------------
    def load(self, value: Any) -> None:
        self._loading = True
        try:
            self.set_value(value)
        finally:
            self._loading = False

    def _emit(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def set_accessible(self, name: str, description: str) -> None:
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        for control, control_name in self.controls():
            control.setAccessibleName(control_name)
            control.setAccessibleDescription(description)


QUESTION_WIDGETS: dict[QuestionKind, type[QuestionWidget]] = {}


def register(kind: QuestionKind) -> Callable[[type[QuestionWidget]], type[QuestionWidget]]:
    def decorate(cls: type[QuestionWidget]) -> type[QuestionWidget]:
        cls.kind = kind
        QUESTION_WIDGETS[kind] = cls
        return cls

    return decorate


def create_widget(question: Question, env: WizardEnv, answers: dict[str, Any]) -> QuestionWidget:
    cls = QUESTION_WIDGETS[question.kind]
    widget = cls(question, env, answers)
    if question.id in answers:
        widget.load(answers[question.id])
    return widget


def _column(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    return layout


def _button_value(group: QButtonGroup, values: list[str]) -> str | None:
    checked = group.checkedId()
    return values[checked] if 0 <= checked < len(values) else None


def _check_button(group: QButtonGroup, values: list[str], value: Any) -> None:
    group.setExclusive(False)
    for button in group.buttons():
        button.setChecked(False)
    group.setExclusive(True)
    if value in values:
        button = group.button(values.index(value))
        if button is not None:
            button.setChecked(True)


@register(QuestionKind.TEXT)
class TextAnswer(QuestionWidget):
    def build(self, answers: dict[str, Any]) -> None:
        layout = _column(self)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName(f"text_{self.question.id}")
        self.edit.setTabChangesFocus(True)  # Tab leaves the box: keyboard users are never trapped
        # five lines: room to write without turning an MDR page into a long scroll (more text scrolls)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 5 + 14)
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.edit.textChanged.connect(self._limit)
        self.edit.textChanged.connect(self._emit)
        layout.addWidget(self.edit)
        # near the limit, how many characters are left; at it, typing stops there (never refused at signing)
        self.counter = QLabel()
        self.counter.setObjectName(f"counter_{self.question.id}")
        self.counter.hide()
        layout.addWidget(self.counter)
        self.privacy = PrivacyHint(self)  # a gentle note when the text looks like it holds personal details
        layout.addWidget(self.privacy)
        self.privacy.watch(self.edit)

    def _limit(self) -> None:
        text = self.edit.toPlainText()
        if len(text) > MAX_TEXT_ANSWER:
            cursor = QTextCursor(self.edit.document())
            cursor.setPosition(MAX_TEXT_ANSWER)
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()  # an edit of its own: Ctrl+Z brings the cut text back
            self.edit.moveCursor(QTextCursor.MoveOperation.End)
            text = self.edit.toPlainText()
        if len(text) >= MAX_TEXT_ANSWER * TEXT_COUNTER_FROM:
            left = MAX_TEXT_ANSWER - len(text)
            self.counter.setText(
                self.tr("%1 of %2 characters: %3 left")
                .replace("%1", f"{len(text):,}")
                .replace("%2", f"{MAX_TEXT_ANSWER:,}")
                .replace("%3", f"{left:,}")
                if left
                else self.tr(
                    "The answer is at its limit of %1 characters: shorten it, or go on in another answer."
                ).replace("%1", f"{MAX_TEXT_ANSWER:,}")
            )
            self.counter.setAccessibleName(self.counter.text())
            self.counter.show()
        else:
            self.counter.hide()

    def value(self) -> Any:
        return self.edit.toPlainText() or None

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText(str(value) if value is not None else "")

    def focus_target(self) -> QWidget:
        return self.edit


class _RadioAnswer(QuestionWidget):
    """Radio buttons for a fixed list of values (yes/no, or a short list of choices)."""

    horizontal = False

    def options(self) -> list[tuple[str, str]]:
        raise NotImplementedError

    def build(self, answers: dict[str, Any]) -> None:
        layout: QHBoxLayout | QVBoxLayout = QHBoxLayout(self) if self.horizontal else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(18 if self.horizontal else 4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.values = [v for v, _ in self.options()]
        self.buttons: list[QRadioButton] = []
        self.labels = [label for _, label in self.options()]
        for n, label in enumerate(self.labels):
            button = QRadioButton(literal(label))
            button.setObjectName(f"radio_{self.question.id}_{n}")
            self.group.addButton(button, n)
            layout.addWidget(button)
            self.buttons.append(button)
        if self.horizontal:
            layout.addStretch(1)
        self.group.idToggled.connect(lambda _id, on: self._emit() if on else None)

    def value(self) -> Any:
        return _button_value(self.group, self.values)

    def set_value(self, value: Any) -> None:
        _check_button(self.group, self.values, value)

    def focus_target(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked if checked is not None else self.buttons[0]

    def controls(self) -> list[tuple[QWidget, str]]:
        return [
            (b, f"{self.shown_prompt}: {label}") for b, label in zip(self.buttons, self.labels, strict=True)
        ]

    def button_for(self, value: str) -> QRadioButton:
        return self.buttons[self.values.index(value)]


@register(QuestionKind.YES_NO)
class YesNoAnswer(_RadioAnswer):
    horizontal = True

    def options(self) -> list[tuple[str, str]]:
        return [("yes", "Yes"), ("no", "No")]


class ChoiceRadios(_RadioAnswer):
    def options(self) -> list[tuple[str, str]]:
        return [(c, c) for c in self.question.choices]


class _ComboAnswer(QuestionWidget):
    """One of a list in a combo box, after a placeholder that stands for no answer yet."""

    OBJECT_PREFIX = "combo"

    def placeholder(self) -> str:  # pragma: no cover - overridden
        return ""

    def items(self) -> list[tuple[str, Any]]:  # pragma: no cover - overridden
        """(label, value) of each choice, in order."""
        return []

    def build(self, answers: dict[str, Any]) -> None:
        layout = _column(self)
        self.combo = QComboBox()
        self.combo.setObjectName(f"{self.OBJECT_PREFIX}_{self.question.id}")
        self.combo.addItem(self.placeholder(), None)
        for label, value in self.items():
            self.combo.addItem(label, value)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.currentIndexChanged.connect(self._emit)
        layout.addWidget(self.combo, 0, Qt.AlignmentFlag.AlignLeft)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(value)))

    def focus_target(self) -> QWidget:
        return self.combo


class ChoiceCombo(_ComboAnswer):
    PLACEHOLDER = "Choose..."

    def placeholder(self) -> str:
        return self.PLACEHOLDER

    def items(self) -> list[tuple[str, Any]]:
        return [(choice, choice) for choice in self.question.choices]


@register(QuestionKind.CHOICE)
class ChoiceAnswer(QuestionWidget):
    """Radio buttons for up to five choices, a combo box for more."""

    MAX_RADIOS = 5

    def build(self, answers: dict[str, Any]) -> None:
        layout = _column(self)
        inner_cls = ChoiceRadios if len(self.question.choices) <= self.MAX_RADIOS else ChoiceCombo
        self.inner: QuestionWidget = inner_cls(self.question, self.env, answers)
        self.inner.changed.connect(self._emit)
        layout.addWidget(self.inner)

    def value(self) -> Any:
        return self.inner.value()

    def set_value(self, value: Any) -> None:
        self.inner.load(value)

    def focus_target(self) -> QWidget:
        return self.inner.focus_target()

    def controls(self) -> list[tuple[QWidget, str]]:
        return self.inner.controls()


@register(QuestionKind.DATE)
class DateAnswer(QuestionWidget):
    """A date with a calendar pop-up. A required date always holds one (proposed, e.g. the next review from
    the supervision frequency); an optional one is set only once "Set a date" is ticked."""

    def build(self, answers: dict[str, Any]) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.optional = not self.question.required
        self.proposed = self.env.proposed_date(self.question, answers, self.env.meeting_date)
        self.set_box: QCheckBox | None = None
        if self.optional:
            self.set_box = QCheckBox(self.tr("Set a date"))
            self.set_box.setObjectName(f"setdate_{self.question.id}")
            self.set_box.toggled.connect(self._toggled)
            layout.addWidget(self.set_box)
        self.edit = make_date_edit(self.proposed)
        self.edit.setObjectName(f"date_{self.question.id}")
        self.edit.setEnabled(not self.optional)
        self.edit.dateChanged.connect(self._emit)
        layout.addWidget(self.edit)
        layout.addStretch(1)

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        if on:
            self.edit.setFocus()
        self._emit()

    def repropose(self, answers: dict[str, Any]) -> bool:
        """Propose again from the answers as they are now (the supervision frequency agreed on an earlier page
        of the same record). The date follows only while it is still the earlier proposal: a date the manager
        chose stays. True when it moved."""
        new = self.env.proposed_date(self.question, answers, self.env.meeting_date)
        follows = self.value() in (None, self.proposed.isoformat())
        self.proposed = new
        if follows and not self.optional and from_qdate(self.edit.date()) != new:
            self.edit.setDate(to_qdate(new))  # emits: the answer follows
            return True
        return False

    def value(self) -> Any:
        if self.set_box is not None and not self.set_box.isChecked():
            return None
        return from_qdate(self.edit.date()).isoformat()

    def set_value(self, value: Any) -> None:
        day = day_or_none(value)
        if self.set_box is not None:
            self.set_box.setChecked(day is not None)
            self.edit.setEnabled(day is not None)
        self.edit.setDate(to_qdate(day or self.proposed))

    def focus_target(self) -> QWidget:
        if self.set_box is not None and not self.set_box.isChecked():
            return self.set_box
        return self.edit

    def controls(self) -> list[tuple[QWidget, str]]:
        found: list[tuple[QWidget, str]] = [(self.edit, self.shown_prompt)]
        if self.set_box is not None:
            found.insert(0, (self.set_box, f"{self.shown_prompt}: set a date"))
        return found


@register(QuestionKind.WORKER)
class WorkerAnswer(_ComboAnswer):
    """One of the co-workers (and nobody else)."""

    OBJECT_PREFIX = "worker"

    def placeholder(self) -> str:
        return self.tr("Choose a co-worker...")

    def items(self) -> list[tuple[str, Any]]:
        return [(self.env.worker_label(worker), worker.id) for worker in self.env.coworkers]


@register(QuestionKind.WORKERS)
class WorkersAnswer(QuestionWidget):
    def build(self, answers: dict[str, Any]) -> None:
        layout = _column(self)
        self.boxes: dict[int, QCheckBox] = {}
        for worker in self.env.coworkers:
            assert worker.id is not None
            box = QCheckBox(literal(self.env.worker_label(worker)))
            box.setObjectName(f"worker_{self.question.id}_{worker.id}")
            box.toggled.connect(self._emit)
            layout.addWidget(box)
            self.boxes[worker.id] = box

    def value(self) -> Any:
        return [wid for wid, box in self.boxes.items() if box.isChecked()] or None

    def set_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for wid, box in self.boxes.items():
            box.setChecked(wid in chosen)

    def focus_target(self) -> QWidget:
        return next(iter(self.boxes.values()))

    def controls(self) -> list[tuple[QWidget, str]]:
        labels = {w.id: self.env.worker_label(w) for w in self.env.coworkers}
        return [(b, f"{self.shown_prompt}: {labels[wid]}") for wid, b in self.boxes.items()]


@register(QuestionKind.RECURRENCE)
class RecurrenceAnswer(QuestionWidget):
    """ "every [N] [weeks/months]", stored as an RRULE (domain.dates.make_rrule)."""

    UNITS: ClassVar[list[str]] = ["week", "month"]

    def build(self, answers: dict[str, Any]) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        every = QLabel(self.tr("Every"))
        self.spin = QSpinBox()
        self.spin.setObjectName(f"every_{self.question.id}")
        self.spin.setRange(1, 52)
        self.spin.setMinimumWidth(self.spin.fontMetrics().horizontalAdvance("52") + 48)
        self.unit = QComboBox()
        self.unit.setObjectName(f"unit_{self.question.id}")
        for unit in self.UNITS:
            self.unit.addItem(unit + "s", unit)
        every.setBuddy(self.spin)
        layout.addWidget(every)
        layout.addWidget(self.spin)
        layout.addWidget(self.unit)
        layout.addStretch(1)
        self.spin.valueChanged.connect(self._relabel)
        self.spin.valueChanged.connect(self._emit)
        self.unit.currentIndexChanged.connect(self._emit)
        # what it shows before it is answered is what it proposes (the form's default, else the rule in force)
        self.load(self.env.proposed_rule(self.question) or None)

    def _relabel(self, *_args: object) -> None:
        plural = self.spin.value() != 1
        for i in range(self.unit.count()):
            unit = str(self.unit.itemData(i))
            self.unit.setItemText(i, unit + ("s" if plural else ""))

    def value(self) -> Any:
        return make_rrule(self.spin.value(), str(self.unit.currentData()))

    def set_value(self, value: Any) -> None:
        split = split_rrule(value) if isinstance(value, str) and value else None
        every, unit = split if split else (1, "month")
        if self.unit.findData(unit) < 0:  # a rule made elsewhere (days, years): show it as it is
            self.unit.addItem(unit, unit)
        self.spin.setValue(max(1, min(52, every)))
        self.unit.setCurrentIndex(self.unit.findData(unit))
        self._relabel()

    def focus_target(self) -> QWidget:
        return self.spin

    def controls(self) -> list[tuple[QWidget, str]]:
        return [
            (self.spin, f"{self.shown_prompt}: every how many"),
            (self.unit, f"{self.shown_prompt}: weeks or months"),
        ]


class TaskNameEdit(QLineEdit):
    """The name of a task to add: Return adds it (and goes no further: never the wizard's Next)."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


@register(QuestionKind.RESPONSIBILITIES)
class ResponsibilitiesAnswer(QuestionWidget):
    """Tasks x co-workers: one lead per task (radio buttons in a row), and a "Joint" box per task.

    The form lists the team's tasks; the meeting can add its own ("Add a task": a row with the same lead and
    joint choices and a "Remove" button), kept in the same answer after the form's tasks."""

    def build(self, answers: dict[str, Any]) -> None:
        outer = _column(self)
        shortcuts = QHBoxLayout()
        shortcuts.addWidget(QLabel(self.tr("Quick fill:")))
        self.fill_buttons: list[QPushButton] = []
        self.fill_names: dict[QPushButton, str] = {}
        for worker in self.env.coworkers:
            name = self.tr("%1 leads all").replace("%1", worker.name)
            b = QPushButton(literal(name))
            b.setObjectName(f"leadall_{worker.id}")
            b.setAutoDefault(False)
            b.clicked.connect(lambda _=False, wid=worker.id: self.lead_all(wid))
            shortcuts.addWidget(b)
            self.fill_buttons.append(b)
            self.fill_names[b] = name
        shortcuts.addStretch(1)
        outer.addLayout(shortcuts)

        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(6)
        header_task = QLabel(self.tr("Task"))
        header_task.setStyleSheet("font-weight: 600;")
        self.grid.addWidget(header_task, 0, 0)
        for col, worker in enumerate(self.env.coworkers, start=1):
            head = QLabel(f"{worker.name}\n{worker.role.label}")
            head.setStyleSheet("font-weight: 600;")
            self.grid.addWidget(head, 0, col)
        self.joint_column = len(self.env.coworkers) + 1
        joint_head = QLabel(self.tr("Joint"))
        joint_head.setStyleSheet("font-weight: 600;")
        self.grid.addWidget(joint_head, 0, self.joint_column)
        self.groups: dict[str, QButtonGroup] = {}
        self.radios: dict[str, dict[int, QRadioButton]] = {}
        self.joint: dict[str, QCheckBox] = {}
        self.task_labels: dict[str, QLabel] = {}
        #: the tasks the meeting added (after the form's), in order, and the button that removes each
        self.added: list[str] = []
        self.remove_buttons: dict[str, QPushButton] = {}
        self._row_widgets: dict[str, list[QWidget]] = {}
        self._last_row = 0
        for task in self.question.tasks:
            self._add_row(task, added=False)
        self.grid.setColumnStretch(0, 1)
        outer.addLayout(self.grid)

        add_line = QHBoxLayout()
        add_line.setSpacing(8)
        self.new_task_label = QLabel(self.tr("New &task:"))
        self.new_task = TaskNameEdit()
        self.new_task.setObjectName(f"newTask_{self.question.id}")
        self.new_task.setPlaceholderText(self.tr("A task of your own, e.g. Life story work"))
        self.new_task.setMaxLength(MAX_TASK_NAME)
        self.new_task_label.setBuddy(self.new_task)
        self.add_task_button = QPushButton(self.tr("Add a task"))
        self.add_task_button.setObjectName(f"addTask_{self.question.id}")
        self.add_task_button.setAutoDefault(False)
        add_line.addWidget(self.new_task_label)
        add_line.addWidget(self.new_task, 1)
        add_line.addWidget(self.add_task_button)
        # its message above it (a line kept for it): seen with the field at the bottom of the page
        self.task_message = error_label()
        self.task_message.setObjectName("taskError")
        self.task_message.setAccessibleName(self.tr("New task: problem"))
        outer.addWidget(self.task_message)
        outer.addLayout(add_line)
        self.add_task_button.clicked.connect(self.add_typed_task)
        self.new_task.submitted.connect(self.add_typed_task)
        self._relink()

    # -- rows -------------------------------------------------------------------------------------
    def tasks(self) -> list[str]:
        """Every task shown: the form's, then those added."""
        return [*self.question.tasks, *self.added]

    def _add_row(self, task: str, added: bool) -> None:
        self._last_row += 1
        row = self._last_row
        label = QLabel(task)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.grid.addWidget(label, row, 0)
        widgets: list[QWidget] = [label]
        group = QButtonGroup(self)
        group.setExclusive(True)
        self.groups[task] = group
        self.radios[task] = {}
        description = self.question.guidance
        for col, worker in enumerate(self.env.coworkers, start=1):
            assert worker.id is not None
            radio = QRadioButton(self.tr("leads"))
            radio.setObjectName(f"lead_{row}_{worker.id}")
            radio.setAccessibleName(f"{task}: {worker.name} leads")
            radio.setAccessibleDescription(description)
            group.addButton(radio, worker.id)
            self.grid.addWidget(radio, row, col)
            self.radios[task][worker.id] = radio
            widgets.append(radio)
        group.idToggled.connect(lambda _id, on: self._emit() if on else None)
        joint = QCheckBox(self.tr("joint"))
        joint.setObjectName(f"joint_{row}")
        joint.setAccessibleName(f"{task}: joint")
        joint.setAccessibleDescription(description)
        joint.toggled.connect(self._emit)
        self.grid.addWidget(joint, row, self.joint_column)
        self.joint[task] = joint
        widgets.append(joint)
        self.task_labels[task] = label
        if added:
            remove = QPushButton(self.tr("Remove"))
            remove.setObjectName(f"removeTask_{row}")
            remove.setAutoDefault(False)
            remove.setAccessibleName(self.tr("Remove the task %1").replace("%1", task))
            remove.setAccessibleDescription(
                self.tr("Added in this meeting; removing it removes its lead too.")
            )
            remove.clicked.connect(lambda _=False, t=task: self.remove_task(t))
            self.grid.addWidget(remove, row, self.joint_column + 1)
            self.remove_buttons[task] = remove
            self.added.append(task)
            widgets.append(remove)
        self._row_widgets[task] = widgets

    def _drop_row(self, task: str) -> None:
        for widget in self._row_widgets.pop(task, []):
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        group = self.groups.pop(task, None)
        if group is not None:
            group.deleteLater()
        self.radios.pop(task, None)
        self.joint.pop(task, None)
        self.task_labels.pop(task, None)
        self.remove_buttons.pop(task, None)
        if task in self.added:
            self.added.remove(task)

    def _relink(self) -> None:
        """Tab order: the quick-fill buttons, then row by row (lead radios, joint, Remove), then adding a task."""
        chain: list[QWidget] = [*self.fill_buttons]
        for task in self.tasks():
            chain.extend(self.radios[task].values())
            chain.append(self.joint[task])
            if task in self.remove_buttons:
                chain.append(self.remove_buttons[task])
        chain.extend([self.new_task, self.add_task_button])
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def add_typed_task(self) -> str | None:
        """Add the task named in "New task" (the problem next to it instead, when the name will not do)."""
        name = " ".join(self.new_task.text().split())
        problem = task_name_problem(name, self.tasks())
        if problem:
            self.task_message.show_message(problem)
            self.new_task.setAccessibleDescription(f"{self.tr('Problem:')} {problem}")
            self.new_task.setFocus()
            return None
        self.task_message.show_message("")
        self.new_task.setAccessibleDescription(self.question.guidance)
        self.new_task.clear()
        self.add_task(name)
        next(iter(self.radios[name].values())).setFocus()  # on to choosing its lead
        return name

    def add_task(self, name: str) -> None:
        """A task of the meeting's own, after the others (no check: see :meth:`add_typed_task`)."""
        if name in self.radios:
            return
        self._add_row(name, added=True)
        if self.isVisible():
            for widget in self._row_widgets[name]:
                widget.show()  # now, not when the layout gets round to it: its lead radio takes the focus
        self._relink()
        self._emit()

    def remove_task(self, task: str) -> None:
        if task not in self.added:
            return
        index = self.added.index(task)
        rest = [t for t in self.added if t != task]
        target: QWidget = self.remove_buttons[rest[min(index, len(rest) - 1)]] if rest else self.new_task
        target.setFocus()  # before the focused button goes
        self._drop_row(task)
        self._relink()
        self._emit()

    # -- the answer -------------------------------------------------------------------------------
    def lead_all(self, worker_id: int | None) -> None:
        if worker_id is None:
            return
        self._loading = True
        try:
            for task in self.tasks():
                self.radios[task][worker_id].setChecked(True)
        finally:
            self._loading = False
        self.changed.emit()

    def value(self) -> Any:
        found: dict[str, Any] = {}
        for task in self.tasks():
            lead = self.groups[task].checkedId()
            joint = self.joint[task].isChecked()
            if lead != -1 or joint or task in self.added:  # an added task is kept, lead or not
                found[task] = {"lead": lead if lead != -1 else None, "joint": joint}
        return found or None

    def set_value(self, value: Any) -> None:
        data = value if isinstance(value, dict) else {}
        for task in [t for t in self.added if t not in data]:
            self._drop_row(task)
        for task in data:
            if isinstance(task, str) and task.strip() and task not in self.radios:
                self._add_row(task, added=True)
        for task in self.tasks():
            entry = data.get(task) if isinstance(data.get(task), dict) else {}
            group = self.groups[task]
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
            lead = entry.get("lead") if entry else None
            if isinstance(lead, int) and lead in self.radios[task]:
                self.radios[task][lead].setChecked(True)
            self.joint[task].setChecked(bool(entry.get("joint")) if entry else False)
        self._relink()

    def focus_target(self) -> QWidget:
        for task in self.tasks():
            if self.groups[task].checkedId() == -1:
                return next(iter(self.radios[task].values()))
        return next(iter(self.radios[self.tasks()[0]].values()))

    def controls(self) -> list[tuple[QWidget, str]]:
        found: list[tuple[QWidget, str]] = []
        names = {w.id: w.name for w in self.env.coworkers}
        for task in self.tasks():
            for wid, radio in self.radios[task].items():
                found.append((radio, f"{task}: {names[wid]} leads"))
            found.append((self.joint[task], f"{task}: joint"))
            if task in self.remove_buttons:
                found.append((self.remove_buttons[task], self.tr("Remove the task %1").replace("%1", task)))
        for b in self.fill_buttons:
            found.append((b, self.fill_names[b]))
        found.append((self.new_task, self.tr("Name of a task to add")))
        found.append((self.add_task_button, self.tr("Add a task")))
        return found


class ActionRow(QWidget):
    removed = Signal(object)
    changed = Signal()

    def __init__(self, owner: ActionsAnswer, number: int, default_due: date) -> None:
        super().__init__()
        self.setObjectName(f"actionRow_{number}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.description = QLineEdit()
        self.description.setObjectName("actionDescription")
        self.description.setPlaceholderText(self.tr("What will be done"))
        self.owner = QComboBox()
        self.owner.setObjectName("actionOwner")
        self.owner.addItem(self.tr("Who?"), None)
        for worker in owner.env.coworkers:
            self.owner.addItem(worker.name, worker.id)
        self.due = make_date_edit(default_due)
        self.due.setObjectName("actionDue")
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setObjectName("actionRemove")
        self.remove.setAutoDefault(False)
        layout.addWidget(self.description, 1)
        layout.addWidget(self.owner)
        layout.addWidget(QLabel(self.tr("by")))
        layout.addWidget(self.due)
        layout.addWidget(self.remove)
        self.description.textChanged.connect(self.changed)
        self.owner.currentIndexChanged.connect(self.changed)
        self.due.dateChanged.connect(self.changed)
        self.remove.clicked.connect(lambda: self.removed.emit(self))
        self.renumber(number)

    def renumber(self, number: int) -> None:
        self.description.setAccessibleName(f"Action {number}: what will be done")
        self.owner.setAccessibleName(f"Action {number}: who will do it")
        self.due.setAccessibleName(f"Action {number}: due date")
        self.remove.setAccessibleName(f"Remove action {number}")

    def value(self) -> dict[str, Any]:
        return {
            "description": self.description.text(),
            "owner": self.owner.currentData(),
            "due": from_qdate(self.due.date()).isoformat(),
        }

    def set_value(self, item: dict[str, Any]) -> None:
        self.description.setText(str(item.get("description", "")))
        self.owner.setCurrentIndex(max(0, self.owner.findData(item.get("owner"))))
        day = day_or_none(item.get("due"))
        if day is not None:
            self.due.setDate(to_qdate(day))


@register(QuestionKind.ACTIONS)
class ActionsAnswer(QuestionWidget):
    """An editable list of actions: description, owner (one of the co-workers), due date; Add and Remove."""

    def build(self, answers: dict[str, Any]) -> None:
        self.layout_ = _column(self)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(4)
        self.layout_.addLayout(self.rows_box)
        self.empty = hint_label(self.tr("No actions yet."))
        self.layout_.addWidget(self.empty)
        self.add_button = QPushButton(self.tr("Add action"))
        self.add_button.setObjectName(f"addAction_{self.question.id}")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        self.layout_.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.rows: list[ActionRow] = []

    def add_row(self, item: dict[str, Any] | None = None, focus: bool = False) -> ActionRow:
        row = ActionRow(self, len(self.rows) + 1, self.env.meeting_date + timedelta(days=14))
        row.set_value(item or {})
        row.changed.connect(self._emit)
        row.removed.connect(self.remove_row)
        self.rows_box.addWidget(row)
        if self.isVisible():
            row.show()  # now, not when the layout gets round to it: Return and Tab go through its fields
        self.rows.append(row)
        self._relink()
        if focus:
            row.description.setFocus()
        if item is None:
            self._emit()
        return row

    def remove_row(self, row: object) -> None:
        if not isinstance(row, ActionRow) or row not in self.rows:
            return
        index = self.rows.index(row)
        self.rows.remove(row)
        self.rows_box.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._relink()
        target: QWidget = (
            self.rows[min(index, len(self.rows) - 1)].description if self.rows else self.add_button
        )
        target.setFocus()
        self._emit()

    def _relink(self) -> None:
        for n, row in enumerate(self.rows, start=1):
            row.renumber(n)
        self.empty.setVisible(not self.rows)

    def value(self) -> Any:
        return [row.value() for row in self.rows] or None

    def set_value(self, value: Any) -> None:
        for row in list(self.rows):
            self.rows_box.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for item in value if isinstance(value, list) else []:
            if isinstance(item, dict):
                self.add_row(item)
        self._relink()

    def focus_target(self) -> QWidget:
        for row in self.rows:
            v = row.value()
            if not v["description"].strip():
                return row.description
            if v["owner"] is None:
                return row.owner
        return self.rows[0].description if self.rows else self.add_button

    def controls(self) -> list[tuple[QWidget, str]]:
        return [(self.add_button, f"{self.shown_prompt}: add an action")]


@register(QuestionKind.ACTION_REVIEW)
class ActionReviewAnswer(QuestionWidget):
    """For each action agreed before and still open: "Done?" yes/no and a note. People do what they promise."""

    def build(self, answers: dict[str, Any]) -> None:
        layout = _column(self)
        layout.setSpacing(10)
        self.items: dict[str, tuple[QButtonGroup, list[QRadioButton], QLineEdit]] = {}
        ids = self.env.review_action_ids(answers, self.question)
        if not ids:
            layout.addWidget(hint_label(self.tr("No actions were open from earlier meetings.")))
        today = self.env.meeting_date
        for action_id in ids:
            action = self.env.actions[action_id]
            owner = self.env.names.get(action.owner_worker_id or -1, "no owner")
            late = " - overdue" if action.due_date and action.due_date < today else ""
            box = QWidget()
            box.setObjectName(f"reviewAction_{action_id}")
            col = _column(box)
            title = QLabel(
                f"{action.description}\n{owner}, due {fmt_day(action.due_date) or 'no date'}{late}"
            )
            title.setWordWrap(True)
            title.setStyleSheet("font-weight: 600;")
            col.addWidget(title)
            line = QHBoxLayout()
            line.addWidget(QLabel(self.tr("Done?")))
            group = QButtonGroup(box)
            radios = []
            for n, text in enumerate(("Yes", "No")):
                radio = QRadioButton(text)
                radio.setObjectName(f"done_{action_id}_{'yes' if n == 0 else 'no'}")
                radio.setAccessibleName(f"{action.description}: done? {text}")
                group.addButton(radio, n)
                line.addWidget(radio)
                radios.append(radio)
            note = QLineEdit()
            note.setObjectName(f"note_{action_id}")
            note.setPlaceholderText(self.tr("Note (what happened, new date)"))
            note.setAccessibleName(f"{action.description}: note")
            line.addWidget(note, 1)
            col.addLayout(line)
            group.idToggled.connect(lambda _id, on: self._emit() if on else None)
            note.textChanged.connect(self._emit)
            layout.addWidget(box)
            self.items[str(action_id)] = (group, radios, note)

    def value(self) -> Any:
        found: dict[str, Any] = {}
        for key, (group, _radios, note) in self.items.items():
            done = ("yes", "no")[group.checkedId()] if group.checkedId() in (0, 1) else None
            if done or note.text():
                found[key] = {"done": done, "note": note.text()}
        return found or None

    def set_value(self, value: Any) -> None:
        data = value if isinstance(value, dict) else {}
        for key, (group, _radios, note) in self.items.items():
            entry = data.get(key) if isinstance(data.get(key), dict) else {}
            _check_button(group, ["yes", "no"], entry.get("done") if entry else None)
            note.setText(str(entry.get("note", "")) if entry else "")

    def focus_target(self) -> QWidget:
        for group, radios, _note in self.items.values():
            if group.checkedId() == -1:
                return radios[0]
        return next(iter(self.items.values()))[1][0] if self.items else self

    def controls(self) -> list[tuple[QWidget, str]]:
        return [(r, r.accessibleName()) for _g, radios, _n in self.items.values() for r in radios]

    def set_accessible(self, name: str, description: str) -> None:
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        for _group, radios, note in self.items.values():
            for r in [*radios, note]:
                r.setAccessibleDescription(description)


@register(QuestionKind.INFO)
class InfoAnswer(QuestionWidget):
    """No answer: the prompt and guidance are shown by the row; nothing to edit."""

    def build(self, answers: dict[str, Any]) -> None:
        _column(self)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def value(self) -> Any:
        return None

    def set_value(self, value: Any) -> None:
        return None

    def controls(self) -> list[tuple[QWidget, str]]:
        return []


def all_buttons(widget: QWidget) -> list[QAbstractButton]:
    return widget.findChildren(QAbstractButton)
