"""The pages of a meeting wizard: the start page, one page per form section, signatures, and "signed"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from cowork_desktop.domain.forms import FollowUp, Question, QuestionKind, Section
from cowork_desktop.domain.models import RecordKind, RecordStatus
from cowork_desktop.services import cases, sessions
from cowork_desktop.services.plan import fmt_day
from cowork_desktop.ui.signature_pad import SignaturePad
from cowork_desktop.ui.widgets import scroll_area, wrapped_label
from cowork_desktop.ui.wizard import style
from cowork_desktop.ui.wizard.keys import literal
from cowork_desktop.ui.wizard.questions import QuestionWidget, make_date_edit

if TYPE_CHECKING:
    from cowork_desktop.ui.wizard.owner import WizardOwner

START_KEY = "_start"
SIGN_KEY = "_sign"
DONE_KEY = "_done"


class QuestionRow(QWidget):
    """A question: its prompt, the protocol's guidance, the answer widget and (when needed) the message in red."""

    def __init__(self, question: Question, widget: QuestionWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.widget = widget
        self.setObjectName(f"row_{question.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.setSpacing(4)
        if question.kind == QuestionKind.INFO:
            frame, inner = style.panel(f"info_{question.id}")
            prompt = QLabel(question.prompt)
            prompt.setWordWrap(True)
            prompt.setFont(style.scaled_font(prompt, 1.0, bold=True))
            inner.addWidget(prompt)
            if question.guidance:
                inner.addWidget(QLabel(question.guidance, wordWrap=True))
            layout.addWidget(frame)
            self.prompt = prompt
            self.guidance: QLabel | None = None
            self.error = style.error_label()
            self.notice = QLabel()
            self.notice.hide()
            return
        # a prompt has a buddy, so an "&" in it would be a shortcut: the form's text is shown as written
        self.prompt = style.prompt_label(literal(question.prompt), question.required)
        self.prompt.setObjectName(f"prompt_{question.id}")
        self.prompt.setBuddy(widget.focus_target())
        self.guidance_button = None
        if question.guidance:
            # the protocol's guidance as a pop-up: this "?" or F1 on the question (ui.help)
            from cowork_desktop.ui.help import guidance_button

            prompt_row = QHBoxLayout()
            prompt_row.setContentsMargins(0, 0, 0, 0)
            prompt_row.addWidget(self.prompt, 1)
            self.guidance_button = guidance_button(self)
            prompt_row.addWidget(self.guidance_button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(prompt_row)
        else:
            layout.addWidget(self.prompt)
        self.guidance = None
        if question.guidance:
            self.guidance = style.hint_label(question.guidance)
            self.guidance.setObjectName(f"guidance_{question.id}")
            layout.addWidget(self.guidance)
        # the message sits between the guidance and the answer (as GOV.UK does), so it is next to the field
        # even when the field is a tall table; its line is kept for it, so the answer never moves when it comes
        self.error = style.error_label()
        self.error.setObjectName("fieldError")
        self.error.setAccessibleName(f"{question.prompt}: problem")
        layout.addWidget(self.error)
        layout.addWidget(widget)
        # what an answer demands (an urgent issue-resolution MDR...), shown right under the answer given
        self.notice = wrapped_label("urgentNotice")
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        bg, fg, border = style.urgent_colors()
        self.notice.setStyleSheet(
            f"QLabel#urgentNotice {{ background: {bg}; color: {fg}; border: 3px solid {border};"
            " border-radius: 6px; padding: 8px 12px; }"
        )
        self.notice.hide()
        layout.addWidget(self.notice)

    def set_follow_ups(self, found: list[FollowUp]) -> None:
        if not found:
            self.notice.hide()
            self.notice.setText("")
            return
        parts = []
        urgent = [fu for fu in found if fu.urgent]
        if urgent:
            parts.append("<b>" + self.tr("Urgent: this must be addressed now.") + "</b>")
            parts.extend(_esc(fu.message) for fu in urgent)
            parts.append(
                self.tr("After signing this record you can start the issue-resolution MDR straight away.")
            )
        next_step = self.tr("Next step:")
        parts.extend(f"<b>{next_step}</b> {_esc(fu.message)}" for fu in found if not fu.urgent)
        self.notice.setText("<br>".join(parts))
        self.notice.setAccessibleName(self.tr("Urgent") if urgent else self.tr("Next step"))
        self.notice.setAccessibleDescription(" ".join(fu.message for fu in found))
        self.notice.show()

    def set_error(self, message: str) -> None:
        self.error.show_message(message)
        description = self.question.guidance
        if message:
            problem = self.tr("Problem:")
            description = f"{problem} {message} {description}".strip()
        for control, _name in self.widget.controls():
            control.setAccessibleDescription(description)

    def message(self) -> str:
        return self.error.message()


class FormPage(QWizardPage):
    """A page of questions in a scroll area, with the save-warning bar and an optional urgent notice."""

    def __init__(self, owner: WizardOwner, key: str, title: str, guidance: str = "") -> None:
        super().__init__()
        self.owner = owner
        self.key = key
        self.setObjectName(f"page_{key}")
        self.setTitle(title)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        self.save_bar = wrapped_label("saveWarning")
        self.save_bar.setAccessibleName(self.tr("Not saved yet"))
        bg, fg, border = style.urgent_colors()
        self.save_bar.setStyleSheet(
            f"QLabel#saveWarning {{ background: {bg}; color: {fg}; border: 2px solid {border};"
            " border-radius: 4px; padding: 6px 10px; font-weight: 600; }"
        )
        self.save_bar.hide()
        outer.addWidget(self.save_bar)
        self.scroll_area = scroll_area(f"scroll_{key}")
        self.content = QWidget()
        self.content.setObjectName(f"content_{key}")
        self.body = QVBoxLayout(self.content)
        self.body.setContentsMargins(2, 2, 22, 2)
        self.body.setSpacing(6)
        if guidance:
            frame, inner = style.panel(f"guidance_{key}")
            text = wrapped_label("sectionGuidance", guidance)
            text.setTextFormat(Qt.TextFormat.PlainText)
            inner.addWidget(text)
            self.body.addWidget(frame)
        self.rows: dict[str, QuestionRow] = {}
        self.scroll_area.setWidget(self.content)
        outer.addWidget(self.scroll_area, 1)
        self._body_end_added = False

    def add_widget(self, widget: QWidget) -> None:
        self.body.addWidget(widget)

    def add_row(self, row: QuestionRow) -> None:
        self.rows[row.question.id] = row
        self.body.addWidget(row)

    def finish(self) -> None:
        """Push the questions up."""
        self.body.addStretch(1)

    @property
    def question_ids(self) -> list[str]:
        return list(self.rows)

    # -- state ------------------------------------------------------------------------------------
    def refresh(self, answers: dict[str, Any], context: dict[str, bool]) -> None:
        for row in self.rows.values():
            row.setVisible(row.question.is_shown(answers, context))
        self._refresh_notice(answers, context)

    def _refresh_notice(self, answers: dict[str, Any], context: dict[str, bool]) -> None:
        for row in self.rows.values():
            q = row.question
            value = answers.get(q.id)
            shown = q.is_shown(answers, context)
            row.set_follow_ups(
                [fu for fu in q.follow_ups if shown and value is not None and str(value) in fu.when]
            )

    def notices(self) -> list[QLabel]:
        """The follow-up notices shown on this page now."""
        return [row.notice for row in self.rows.values() if not row.notice.isHidden()]

    def is_shown(self) -> bool:
        return True

    def arrival(self) -> QWidget | None:
        """Where the focus goes when the page comes up: its first question shown that takes an answer."""
        for row in self.rows.values():
            if not row.isHidden() and row.widget.question.kind != QuestionKind.INFO:
                return row.widget.focus_target()
        return None

    def arrive(self) -> None:
        """Put the focus on :meth:`arrival` (and scroll to it): a keyboard user types the first answer at once,
        instead of starting from the Next button pressed to get here."""
        target = self.arrival()
        if target is not None and self.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(target)

    def show_errors(self, errors: dict[str, str]) -> QWidget | None:
        """Each message next to its field; the first field with a problem gets the focus."""
        first: QWidget | None = None
        for qid, row in self.rows.items():
            message = errors.get(qid, "")
            row.set_error(message)
            if message and first is None:
                first = row.widget.focus_target()
                self.scroll_area.ensureWidgetVisible(row)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(first)
        return first

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.set_error("")

    def set_save_warning(self, message: str) -> None:
        self.save_bar.setText(message)
        self.save_bar.setVisible(bool(message))

    # -- QWizardPage ------------------------------------------------------------------------------
    def validatePage(self) -> bool:
        return self.owner.validate_page(self)

    def nextId(self) -> int:
        return self.owner.next_page_id(self)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class StartPage(FormPage):
    """Meeting date and who is present, with what the meeting is for."""

    def __init__(self, owner: WizardOwner) -> None:
        env = owner.env
        super().__init__(owner, START_KEY, env.form.title, "")
        frame, inner = style.panel("meetingSummary")
        ref = QLabel(self.tr("Case %1").replace("%1", env.case_reference))
        ref.setObjectName("caseReference")
        ref.setFont(style.scaled_font(ref, 1.15, bold=True))
        inner.addWidget(ref)
        workers = " and ".join(env.worker_label(w) for w in env.coworkers)
        inner.addWidget(QLabel(self.tr("Co-workers: %1").replace("%1", workers), wordWrap=True))
        if env.form.description:
            inner.addWidget(QLabel(" ".join(env.form.description.split()), wordWrap=True))
        record = env.record
        if record.supersedes_id is not None:
            amend = QLabel(
                f"Amendment: version {record.version} of this record, correcting version {record.version - 1}."
                f" Reason: {record.amendment_reason}"
            )
            amend.setObjectName("amendmentNote")
            amend.setWordWrap(True)
            amend.setFont(style.scaled_font(amend, 1.0, bold=True))
            inner.addWidget(amend)
        self.add_widget(frame)
        date_row = QWidget()
        date_row.setObjectName("row_meeting_date")
        col = QVBoxLayout(date_row)
        col.setContentsMargins(0, 4, 0, 8)
        col.setSpacing(4)
        self.date_prompt = style.prompt_label(self.tr("&Date of the meeting"), True)
        col.addWidget(self.date_prompt)
        col.addWidget(
            style.hint_label(self.tr("The day the meeting took place. It cannot be in the future."))
        )
        self.meeting_date: QDateEdit = make_date_edit(record.meeting_date)
        self.meeting_date.setObjectName("meetingDate")
        self.meeting_date.setAccessibleName(self.tr("Date of the meeting"))
        self.meeting_date.setAccessibleDescription(
            self.tr("The day the meeting took place. It cannot be in the future.")
        )
        self.date_prompt.setBuddy(self.meeting_date)
        col.addWidget(self.meeting_date)
        self.date_error = style.error_label()
        col.addWidget(self.date_error)
        self.add_widget(date_row)

    def show_date_error(self, message: str) -> None:
        self.date_error.show_message(message)
        if message:
            self.meeting_date.setFocus()


class SectionPage(FormPage):
    def __init__(self, owner: WizardOwner, section: Section) -> None:
        super().__init__(owner, section.id, section.title, " ".join(section.guidance.split()))
        self.section = section

    def is_shown(self) -> bool:
        env = self.owner.env
        answers = self.owner.answers
        if not self.section.is_shown(answers, env.context):
            return False
        return any(row.question.is_shown(answers, env.context) for row in self.rows.values())


def arrangement_panel(owner: WizardOwner) -> QFrame | None:
    """The arrangement agreed last time (who does what, how often they discuss and meet the manager)."""
    arrangement = owner.env.arrangement
    if arrangement is None:
        return None
    frame, inner = style.panel("lastArrangement")
    frame.setAccessibleName(QCoreApplication.translate("Wizard", "The arrangement agreed last time"))
    head = QLabel(f"Agreed last time: {arrangement.record_title} of {fmt_day(arrangement.meeting_date)}")
    head.setFont(style.scaled_font(head, 1.0, bold=True))
    head.setWordWrap(True)
    inner.addWidget(head)
    lines = [
        f"{t.task}: {t.lead or 'no lead'}{' (joint)' if t.joint else ''}"
        for t in arrangement.responsibilities
    ]
    if lines:
        who = QLabel(
            QCoreApplication.translate("Wizard", "Who does what:")
            + "\n"
            + "\n".join(f"  {line}" for line in lines)
        )
        who.setObjectName("arrangementResponsibilities")
        who.setWordWrap(True)
        inner.addWidget(who)
    freq = []
    if arrangement.discussion_frequency:
        recorder = (
            f", recorded by {arrangement.discussion_recorder}" if arrangement.discussion_recorder else ""
        )
        freq.append(f"Case discussions between the co-workers: {arrangement.discussion_frequency}{recorder}")
    if arrangement.supervision_frequency:
        freq.append(f"Supervision with the manager and both workers: {arrangement.supervision_frequency}")
    if freq:
        label = wrapped_label("arrangementFrequencies", "\n".join(freq))
        inner.addWidget(label)
    return frame


class SignOffPage(QWizardPage):
    """Each co-worker present signs, in any order ("Who is signing now?"), then the manager last; drawn on the
    pad or by typed name. The page scrolls as one (the pad is not a scroll area), so it fits larger text."""

    MANAGER = -1

    def __init__(self, owner: WizardOwner) -> None:
        super().__init__()
        self.owner = owner
        self.key = SIGN_KEY
        self.setObjectName("page_sign")
        self.setTitle(self.tr("Signatures"))
        self.setCommitPage(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = scroll_area("scroll_sign")
        content = QWidget()
        content.setObjectName("content_sign")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(2, 2, 22, 2)
        layout.setSpacing(8)
        intro = style.hint_label(
            self.tr(
                "The co-workers who took part sign in any order, the manager last. Draw the signature in the box "
                "or type the name, and tick the statement. Signing locks the record (a correction is made as an "
                "amendment); going back to change an answer clears the signatures collected so far."
            )
        )
        layout.addWidget(intro)
        self.status = wrapped_label("signStatus")
        layout.addWidget(self.status)
        frame, inner = style.panel("signerPanel")
        self.who_label = QLabel(self.tr("&Who is signing now?"))
        self.who_label.setObjectName("whoIsSigning")
        self.who_label.setFont(style.scaled_font(self.who_label, 1.0, bold=True))
        inner.addWidget(self.who_label)
        self.choice_box = QVBoxLayout()
        self.choice_box.setSpacing(2)
        inner.addLayout(self.choice_box)
        self.choice_group = QButtonGroup(self)
        self.choice_group.setExclusive(True)
        self.choice_group.buttonToggled.connect(self._choice_toggled)
        #: a radio button per person who signs: the co-workers present (by worker id), then the manager
        self.choices: dict[int, QRadioButton] = {}
        self.now = QLabel()
        self.now.setObjectName("nowSigning")
        self.now.setFont(style.scaled_font(self.now, 1.15, bold=True))
        self.now.setWordWrap(True)
        inner.addWidget(self.now)
        self.pad = SignaturePad()
        self.pad.setAccessibleName(self.tr("Signature: draw it here"))
        inner.addWidget(self.pad)
        pad_row = QHBoxLayout()
        self.clear_button = QPushButton(self.tr("&Clear drawing"))
        self.clear_button.setObjectName("clearSignature")
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.pad.clear)
        pad_row.addWidget(self.clear_button)
        pad_row.addStretch(1)
        inner.addLayout(pad_row)
        self.name_label = QLabel()
        self.name_label.setWordWrap(True)
        inner.addWidget(self.name_label)
        self.name = QLineEdit()
        self.name.setObjectName("signName")
        # named before anyone signs too (its label says whose name, once a signer is chosen)
        self.name.setAccessibleName(self.tr("Full name of the person signing"))
        self.name_label.setBuddy(self.name)
        inner.addWidget(self.name)
        self.agree = QCheckBox(self.tr("I &agree this is an accurate record"))
        self.agree.setObjectName("agreeBox")
        self.agree.setAccessibleName(self.tr("I agree this is an accurate record"))
        inner.addWidget(self.agree)
        self.error = style.error_label()
        self.error.setAccessibleName(self.tr("Signature: problem"))
        inner.addWidget(self.error)
        self.sign_button = QPushButton(self.tr("S&ign"))
        self.sign_button.setObjectName("signButton")
        self.sign_button.setAutoDefault(False)
        self.sign_button.clicked.connect(self.sign)
        inner.addWidget(self.sign_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(frame)
        layout.addStretch(1)
        self.scroll_area.setWidget(content)
        outer.addWidget(self.scroll_area, 1)
        self.current: int | None = None
        self._signer_ids: list[int] = []

    # -- state ------------------------------------------------------------------------------------
    def initializePage(self) -> None:
        self.refresh()

    def cleanupPage(self) -> None:
        """Back to the read-back: the record stays ready to sign, and the signatures made so far stay."""

    def isComplete(self) -> bool:
        return self.owner.env.record.status == RecordStatus.SIGNED

    def nextId(self) -> int:
        return self.owner.next_page_id(self)

    def _label(self, signer: int) -> str:
        if signer == self.MANAGER:
            return self.tr("The manager (signs last)")
        worker = cases.worker(self.owner.env.ws.store, signer)
        return f"{worker.name} ({worker.role.label})"

    def _build_choices(self, signers: list[int]) -> None:
        """A radio button per person signing (once, and again only if who took part changed)."""
        if signers == self._signer_ids and self.choices:
            return
        for radio in self.choices.values():
            self.choice_group.removeButton(radio)
            self.choice_box.removeWidget(radio)
            radio.hide()
            radio.deleteLater()
        self.choices = {}
        self._signer_ids = list(signers)
        for signer in [*signers, self.MANAGER]:
            radio = QRadioButton(literal(self._label(signer)))
            radio.setObjectName("signerManager" if signer == self.MANAGER else f"signer_{signer}")
            self.choice_group.addButton(radio)
            self.choice_box.addWidget(radio)
            self.choices[signer] = radio
        self.who_label.setBuddy(next(iter(self.choices.values())))

    def refresh(self) -> None:
        env = self.owner.env
        record = env.record
        if record.id is None:
            return
        signatures = sessions.signatures(env.ws, record.id)
        signed = {s.worker_id: s for s in signatures}
        signers = self.owner.signers()
        self._build_choices(signers)
        parts = []
        pending: list[int] = []
        for wid in signers:
            name = env.names.get(wid, f"worker {wid}")
            if wid in signed:
                parts.append(
                    self.tr("Signed: %1 (%2).").replace("%1", name).replace("%2", signed[wid].method)
                )
            else:
                pending.append(wid)
        manager_signed = any(s.worker_id is None for s in signatures)
        if manager_signed:
            parts.append(self.tr("Signed: the manager."))
        elif pending:
            names = self.tr(" and ").join(env.names.get(w, f"worker {w}") for w in pending)
            parts.append(self.tr("To sign: %1, then the manager.").replace("%1", names))
        else:
            parts.append(self.tr("To sign: the manager."))
        self.status.setText(" ".join(parts))
        locked = record.status == RecordStatus.SIGNED
        for signer, radio in self.choices.items():
            label = self._label(signer)
            if signer == self.MANAGER:
                radio.setEnabled(not pending and not manager_signed and not locked)
                radio.setAccessibleDescription(
                    "" if not pending else self.tr("The manager signs once every co-worker has signed.")
                )
            else:
                done = signer in signed
                radio.setEnabled(not done and not locked)
                if done:
                    label = self.tr("%1: signed").replace("%1", label)
            radio.setText(literal(label))
            radio.setAccessibleName(label)
        self.error.show_message("")
        if locked:
            self.current = None
            self._check(None)
            self.now.setText(self.tr("Signed and locked"))
            for w in (self.pad, self.clear_button, self.name, self.agree, self.sign_button):
                w.setEnabled(False)
            return
        # the one chosen stays chosen until they have signed; then the next still to sign, the manager last
        if self.current is not None and self.current in pending:
            self.choose(self.current)
        else:
            self.choose(pending[0] if pending else self.MANAGER)
        self.completeChanged.emit()

    def _check(self, signer: int | None) -> None:
        blocked = self.choice_group.blockSignals(True)
        try:
            if signer is None:
                self.choice_group.setExclusive(False)
                for radio in self.choices.values():
                    radio.setChecked(False)
                self.choice_group.setExclusive(True)
            else:
                self.choices[signer].setChecked(True)
        finally:
            self.choice_group.blockSignals(blocked)

    def _choice_toggled(self, button: QAbstractButton, checked: bool) -> None:
        if not checked:
            return
        for signer, radio in self.choices.items():
            if radio is button and signer != self.current:
                self.choose(signer)

    def choose(self, signer: int) -> None:
        """Who signs next: a co-worker still to sign (any order), or the manager once they all have. The pad,
        the typed name and the tick start afresh: each person signs for themselves."""
        env = self.owner.env
        self.current = signer
        self._check(signer)
        self.who_label.setBuddy(self.choices[signer])  # Alt+W: to the one chosen, arrows to another
        self.pad.clear()
        self.agree.setChecked(False)
        self.error.show_message("")
        if signer == self.MANAGER:
            manager = sessions.expected_signer_name(env.ws, None)
            self.now.setText(self.tr("Now signing: the manager (last)"))
            self.name_label.setText(
                self.tr("&Type the manager's full name (a typed signature, or the name under a drawn one):")
            )
            self.name.setText(manager)
            self.name.setAccessibleName(self.tr("Manager's name"))
            self.sign_button.setText(self.tr("S&ign as manager and lock the record"))
            self.sign_button.setAccessibleName(self.tr("Sign as manager and lock the record"))
        else:
            worker = cases.worker(env.ws.store, signer)
            self.now.setText(
                self.tr("Now signing: %1, %2").replace("%1", worker.name).replace("%2", worker.role.label)
            )
            self.name_label.setText(
                self.tr("Or &type your full name to sign (%1):").replace("%1", literal(worker.name))
            )
            self.name.setText("")
            self.name.setAccessibleName(self.tr("Typed signature of %1").replace("%1", worker.name))
            self.sign_button.setText(self.tr("S&ign as %1").replace("%1", literal(worker.name)))
            self.sign_button.setAccessibleName(self.tr("Sign as %1").replace("%1", worker.name))
        self.name.setAccessibleDescription(
            self.tr("To sign without drawing, type the name here and tick the statement.")
        )

    # -- signing ----------------------------------------------------------------------------------
    def sign(self) -> None:
        if self.current is None:
            return
        strokes = self.pad.strokes()
        typed = self.name.text().strip()
        if not self.agree.isChecked():
            self._problem(self.tr('Tick "I agree this is an accurate record" to sign.'), self.agree)
            return
        if self.current == self.MANAGER and not typed:
            self._problem(self.tr("Type the manager's name."), self.name)
            return
        if not strokes and not typed:
            self._problem(self.tr("Draw the signature in the box, or type the name instead."), self.name)
            return
        png = self.pad.to_png() if strokes else None
        method = "drawn" if strokes else "typed"
        message = self.owner.add_signature(self.current, typed, method, strokes, png)
        if message:
            self._problem(message, self.name)
            return
        if self.owner.env.record.status == RecordStatus.SIGNED:
            self.refresh()
            self.owner.next()
        else:
            self.refresh()
            self.name.setFocus()

    def _problem(self, message: str, focus: QWidget) -> None:
        self.error.show_message(message)
        focus.setFocus()


class DonePage(QWizardPage):
    """Signed and locked: print the plan, export the signed PDF, start the follow-up record, close."""

    def __init__(self, owner: WizardOwner) -> None:
        super().__init__()
        self.owner = owner
        self.key = DONE_KEY
        self.setObjectName("page_done")
        self.setTitle(self.tr("Signed and locked"))
        self.setFinalPage(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.summary = wrapped_label("signedSummary")
        layout.addWidget(self.summary)
        self.follow_box = QVBoxLayout()
        layout.addLayout(self.follow_box)
        self.print_button = QPushButton(self.tr("Print agreed plan..."))
        self.print_button.setObjectName("printPlan")
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.owner.print_plan)
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.export_button = QPushButton(self.tr("Export signed PDF..."))
        self.export_button.setObjectName("exportPdf")
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.owner.export_pdf)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.follow_buttons: dict[str, QPushButton] = {}

    def initializePage(self) -> None:
        env = self.owner.env
        record = env.record
        self.summary.setText(
            f"The {record.title.lower() or 'record'} of {fmt_day(record.meeting_date)} for case "
            f"{env.case_reference} is signed and locked. A later correction is made as an amendment, and "
            f"both versions stay readable.\nContent fingerprint: {record.content_hash[:16]}"
        )
        self.print_button.setVisible(record.kind in (RecordKind.INITIAL_MEETING, RecordKind.REVIEW))
        while self.follow_box.count():
            item = self.follow_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.follow_buttons = {}
        for fu in self.owner.follow_ups():
            if fu.form in self.follow_buttons:
                continue
            try:
                kind = RecordKind(env.ws.forms.get(fu.form).record_kind)
            except (KeyError, ValueError):
                continue
            notice = QLabel((self.tr("Urgent: ") if fu.urgent else self.tr("Next step: ")) + fu.message)
            notice.setWordWrap(True)
            if fu.urgent:
                bg, fg, border = style.urgent_colors()
                notice.setObjectName("urgentNotice")
                notice.setStyleSheet(
                    f"background: {bg}; color: {fg}; border: 3px solid {border}; border-radius: 6px;"
                    " padding: 10px 12px; font-weight: 600;"
                )
            self.follow_box.addWidget(notice)
            label = (
                self.tr("Start issue-resolution MDR now")
                if kind == RecordKind.ISSUE_RESOLUTION
                else self.tr("Start %1 now").replace("%1", kind.label[0].lower() + kind.label[1:])
            )
            button = QPushButton(label)
            button.setObjectName(f"startFollowUp_{kind.value}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=kind: self.owner.start_follow_up(k))
            self.follow_box.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.follow_buttons[fu.form] = button
        QTimer.singleShot(0, self, self.arrive)  # after QWizard has done with the Sign button

    def arrival(self) -> QWidget:
        """The next thing to do once signed: the meeting a follow-up asks for, else the signed PDF."""
        return next(iter(self.follow_buttons.values()), self.export_button)

    def arrive(self) -> None:
        if self.isVisible():
            self.arrival().setFocus(Qt.FocusReason.OtherFocusReason)
