"""MeetingWizard: a QWizard generated from the record's stored form, that never loses what is typed.

* Pages come from the form snapshot (``services.sessions.form_for``): a start page (meeting date, who is
  present), one page per section whose condition holds, the read-back (the record as it will print, read with
  everyone present), the signatures page (co-workers in any order, the manager last) and the "signed" page.
  Each page says "Page x of y", counted over the pages shown now.
* Every edit restarts a 1.5 s timer that saves the draft; so do page changes, closing and cancelling. The page
  reached is kept in the answers under ``_page`` so reopening resumes there. A failed save leaves the answers
  in memory, shows a warning bar and is retried on the next tick.
* Each save names the draft's revision it was typed over: when another window has saved the same draft since,
  the save is refused (nothing is written over the other window's answers), the answers stay on screen, the bar
  says so, and saving stops until the manager chooses: keep these answers (saved over the other window's) or
  close without them. Closing with answers that could not be saved always asks first.
* Each page is checked with ``services.sessions.check_complete`` before moving on; the messages appear next to
  their fields (in a place kept for them: nothing moves) and the first one gets the focus. Return in a field
  moves to the next field, never to the next page (ui.wizard.keys); Alt+N is Next.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QScrollArea, QWidget, QWizard, QWizardPage

from cowork_desktop.domain import dates
from cowork_desktop.domain.errors import CoworkError, StaleDraft, ValidationError
from cowork_desktop.domain.forms import FollowUp, QuestionKind, answers_shown, is_empty
from cowork_desktop.domain.models import RecordKind, RecordStatus
from cowork_desktop.domain.records import meeting_date_problem
from cowork_desktop.services import cases, sessions
from cowork_desktop.services.changes import NOTHING, Changes
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.wizard import style
from cowork_desktop.ui.wizard.env import PAGE_KEY, WizardEnv
from cowork_desktop.ui.wizard.keys import return_in_page
from cowork_desktop.ui.wizard.pages import (
    DonePage,
    FormPage,
    QuestionRow,
    SectionPage,
    SignOffPage,
    StartPage,
    arrangement_panel,
)
from cowork_desktop.ui.wizard.questions import DateAnswer, QuestionWidget, create_widget, from_qdate
from cowork_desktop.ui.wizard.readback import ReadBackPage

AUTOSAVE_MS = 1500
SAVE_WARNING = "Not saved yet: {error}. Your answers are kept and will be saved when possible."
STALE_WARNING = (
    "Not saved: this draft was changed in another window, and nothing here was written over it. Your answers are "
    "still on screen: Save and close asks whether to keep them or the other window's."
)

#: top-level windows opened without a parent are kept here until they close (Python would collect them)
_open_windows: list[QWidget] = []


def keep_open(widget: QWidget) -> None:
    """Keep a window alive while it is open. A window with a parent (the app's main window) is deleted when
    it closes, so a long session does not pile up closed wizards; one without a parent stays for its caller."""
    if widget not in _open_windows:
        _open_windows.append(widget)
        widget.destroyed.connect(lambda _obj=None, w=widget: forget(w))
    if widget.parentWidget() is not None:
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)


def forget(widget: QWidget) -> None:
    if widget in _open_windows:
        _open_windows.remove(widget)


class MeetingWizard(QWizard):
    record_changed = Signal(int)
    record_signed = Signal(int)
    #: what a save or a signature changed (a ``services.changes.Changes``), for the main window to refresh by
    changes_made = Signal(object)

    def __init__(self, ws: Workspace, record_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.record_id = record_id
        self.env = WizardEnv.load(ws, record_id)
        self.answers: dict[str, Any] = dict(self.env.record.answers)
        self.meeting_date: date = self.env.record.meeting_date
        self.widgets: dict[str, QuestionWidget] = {}
        self.rows: dict[str, QuestionRow] = {}
        self.form_pages: list[FormPage] = []
        self._order: list[int] = []
        self._dirty = False
        #: the draft's revision these answers were typed over (each save names it)
        self.revision = self.env.record.revision
        #: another window saved this draft since: autosave waits for the manager's choice
        self.stale = False
        #: what opening this meeting changed (a draft started: the pages that list records read again)
        self.opened: Changes = NOTHING
        self._resuming = False
        self.closing = False
        self.save_error = ""
        self.plan_dialog: QWidget | None = None
        self.export_dialog: QWidget | None = None
        self.follow_up_wizard: MeetingWizard | None = None

        self.setObjectName("meetingWizard")
        self.setWindowTitle(f"{self.env.form.title} - case {self.env.case_reference}")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        # each of the wizard's buttons has its Alt+letter; nothing on a page uses B, N, S (or C on the last)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("&Save and close"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Close"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Next"))
        self.setStyleSheet(style.high_contrast_indicators())
        self.resize(920, 760)
        self.setMinimumSize(640, 480)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)

        self._build_pages()
        self._refresh()
        from cowork_desktop.ui.help import install_wizard_help

        self.help_shortcut = install_wizard_help(
            self
        )  # F1: the focused question's guidance, else the protocol
        self.currentIdChanged.connect(self._page_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.finished.connect(lambda _r: forget(self))
        saved_page = self.answers.get(PAGE_KEY)
        self._resuming = True
        try:
            self.restart()
        finally:
            self._resuming = False
        self._resume(saved_page if isinstance(saved_page, str) else None)
        self._update_buttons()

    # -- building ---------------------------------------------------------------------------------
    def _add_page(self, page: QWizardPage) -> int:
        page_id = len(self._order)
        self.setPage(page_id, page)
        page.setProperty("page_id", page_id)
        self._order.append(page_id)
        return page_id

    def _row(self, question_id: str) -> QuestionRow:
        q = self.env.form.question(question_id)
        widget = create_widget(q, self.env, self.answers)
        if q.kind == QuestionKind.DATE and q.required and is_empty(self.answers.get(q.id)):
            self.answers[q.id] = widget.value()  # the proposed date is the answer until changed
            self._dirty = self.env.record.status == RecordStatus.DRAFT
        widget.changed.connect(lambda qid=q.id: self._answer_changed(qid))
        row = QuestionRow(q, widget)
        self.widgets[q.id] = widget
        self.rows[q.id] = row
        return row

    def _build_pages(self) -> None:
        form = self.env.form
        participants = form.find_role("participants")
        self.start_page = StartPage(self)
        if participants is not None:
            self.start_page.add_row(self._row(participants.id))
        self.start_page.finish()
        self.start_page.meeting_date.dateChanged.connect(self._date_changed)
        self.start_id = self._add_page(self.start_page)
        self.form_pages.append(self.start_page)
        first = True
        for section in form.sections:
            questions = [q for q in section.questions if participants is None or q.id != participants.id]
            if not questions:
                continue
            page = SectionPage(self, section)
            if first and self.env.record.kind != RecordKind.INITIAL_MEETING:
                panel = arrangement_panel(self)
                if panel is not None:
                    page.add_widget(panel)
            first = False
            for q in questions:
                page.add_row(self._row(q.id))
            page.finish()
            self._add_page(page)
            self.form_pages.append(page)
        self.readback_page = ReadBackPage(self)
        self.readback_id = self._add_page(self.readback_page)
        self.sign_page = SignOffPage(self)
        self.sign_id = self._add_page(self.sign_page)
        self.done_page = DonePage(self)
        self.done_id = self._add_page(self.done_page)

    # -- navigation -------------------------------------------------------------------------------
    def page_id_of(self, page: QWizardPage) -> int:
        value = page.property("page_id")
        return int(value) if value is not None else -1

    def next_page_id(self, page: QWizardPage) -> int:
        current = self.page_id_of(page)
        if current not in self._order:
            return -1
        for page_id in self._order[self._order.index(current) + 1 :]:
            candidate = self.page(page_id)
            if isinstance(candidate, SectionPage) and not candidate.is_shown():
                continue
            return page_id
        return -1

    def path(self) -> list[int]:
        """The pages a user goes through now, in order."""
        found = [self.start_id]
        while found[-1] != -1 and len(found) <= len(self._order):
            found.append(self.next_page_id(self.page(found[-1])))
        return [p for p in found if p != -1]

    def page_for_key(self, key: str) -> int | None:
        for page_id in self._order:
            page = self.page(page_id)
            if getattr(page, "key", None) == key:
                return page_id
        return None

    def goto_page(self, page_id: int) -> None:
        """Move to a page: back through the history, or forward without checking (resuming)."""
        if page_id in self.visitedIds():
            for _ in range(len(self._order) + 1):
                if self.currentId() == page_id:
                    break
                self.back()
            return
        self._resuming = True
        try:
            for _ in range(len(self._order) + 1):
                if self.currentId() == page_id:
                    break
                before = self.currentId()
                self.next()
                if self.currentId() == before:
                    break
        finally:
            self._resuming = False

    def _resume(self, key: str | None) -> None:
        status = self.env.record.status
        if status == RecordStatus.AWAITING_SIGNATURES:
            # the read-back first, unless someone has signed already
            signed = sessions.signatures(self.ws, self.record_id)
            self.goto_page(self.sign_id if signed else self.readback_id)
            return
        target = self.page_for_key(key) if key else None
        if (
            target is None
            or target in (self.readback_id, self.sign_id, self.done_id)
            or target not in self.path()
        ):
            return
        self.goto_page(target)

    def _page_changed(self, page_id: int) -> None:
        page = self.page(page_id)
        if isinstance(page, FormPage):
            for question_id in page.rows:  # a date proposed from answers given on earlier pages
                widget = self.widgets.get(question_id)
                if isinstance(widget, DateAnswer):
                    widget.repropose(self.answers)
        if isinstance(page, FormPage):
            QTimer.singleShot(0, page, page.arrive)  # after QWizard has done with the button that was pressed
        if isinstance(page, FormPage) and not self._resuming:
            if self.answers.get(PAGE_KEY) != page.key:
                self.answers[PAGE_KEY] = page.key
                self._dirty = True
            self.save_now()
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.currentPage()
        if page is self.readback_page:
            text = self.tr("&Go on to sign")
        elif page is not None and self.next_page_id(page) == self.readback_id:
            text = self.tr("&Ready to sign")
        else:
            text = self.tr("&Next")
        self.setButtonText(QWizard.WizardButton.NextButton, text)
        self._update_page_number()

    def page_number(self) -> tuple[int, int]:
        """(x, y) of "Page x of y": the current page among those shown now, up to the signatures; x is 0 once
        signed (the "signed" page is not counted)."""
        path = [p for p in self.path() if p != self.done_id]
        current = self.currentId()
        return (path.index(current) + 1 if current in path else 0, len(path))

    def _update_page_number(self) -> None:
        page = self.currentPage()
        if page is None:
            return
        x, y = self.page_number()
        text = self.tr("Page %1 of %2").replace("%1", str(x)).replace("%2", str(y)) if x else ""
        if page.subTitle() != text:
            page.setSubTitle(text)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        page = self.currentPage()
        area = getattr(page, "scroll_area", None)
        if isinstance(area, QScrollArea) and new is not None:
            content = area.widget()
            if content is not None and content.isAncestorOf(new):
                area.ensureWidgetVisible(new, 20, 40)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Return in a field goes to the next field: never Next, "Ready to sign" or Close (ui.wizard.keys)
        if return_in_page(self, event):
            return
        super().keyPressEvent(event)

    # -- answers ----------------------------------------------------------------------------------
    def _answer_changed(self, question_id: str) -> None:
        value = self.widgets[question_id].value()
        if is_empty(value):
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = value
        row = self.rows.get(question_id)
        if row is not None and row.message():
            row.set_error("")
        self._refresh()
        self._touch()

    def _date_changed(self, qdate: Any) -> None:
        self.meeting_date = from_qdate(qdate)
        self.env.record = replace(self.env.record, meeting_date=self.meeting_date)
        self.start_page.show_date_error("")
        self._touch()

    def _refresh(self) -> None:
        # a required frequency shows a rule from the start: once its question is shown, that is its answer until
        # changed (as a required date's proposed day is); one never shown stays out of the draft
        for q in self.env.form.visible_questions(self.answers, self.env.context):
            widget = self.widgets.get(q.id)
            if (
                q.kind == QuestionKind.RECURRENCE
                and q.required
                and widget is not None
                and is_empty(self.answers.get(q.id))
            ):
                self.answers[q.id] = widget.value()
                self._dirty = self.env.record.status == RecordStatus.DRAFT or self._dirty
        for page in self.form_pages:
            page.refresh(self.answers, self.env.context)
        if hasattr(self, "done_id") and self.currentPage() is not None:
            self._update_buttons()

    def _touch(self) -> None:
        self._dirty = True
        if self.env.record.status == RecordStatus.DRAFT and not self.stale:
            self.timer.start()

    def draft_answers(self) -> dict[str, Any]:
        return dict(self.answers)

    def save_now(self) -> bool:
        """Save the draft if anything changed. False (and the warning bar) when the store refused it."""
        self.timer.stop()
        if self.env.record.status != RecordStatus.DRAFT or not self._dirty:
            return True
        if self.stale:
            return False
        try:
            saved = sessions.save_draft(
                self.ws, self.record_id, self.draft_answers(), self.meeting_date, based_on=self.revision
            )
        except (CoworkError, OSError) as exc:
            self._save_refused(exc)
            if not self.stale:
                self.timer.start()
            return False
        self.revision = saved.value
        self._dirty = False
        self._set_save_warning("")
        self._changed(saved.changes)
        return True

    def _changed(self, changes: Changes) -> None:
        self.record_changed.emit(self.record_id)
        self.changes_made.emit(changes)

    def keep_mine(self) -> bool:
        """The manager's choice after another window changed the draft: these answers become the draft."""
        try:
            latest = sessions.record(self.ws, self.record_id)
        except CoworkError as exc:
            self._save_refused(exc)
            return False
        if latest.status != RecordStatus.DRAFT:
            self._set_save_warning(
                "Not saved: in another window this record went on to signing; close this window and open it again."
            )
            return False
        self.revision = latest.revision
        self.stale = False
        self._dirty = True
        return self.save_now()

    def _save_refused(self, exc: CoworkError | OSError) -> None:
        """Say why the draft was not saved; a draft changed in another window makes this one stale."""
        if isinstance(exc, StaleDraft):
            self.stale = True
            self._set_save_warning(STALE_WARNING)
        else:
            self._set_save_warning(SAVE_WARNING.format(error=str(exc).rstrip(".")))

    def _set_save_warning(self, message: str) -> None:
        self.save_error = message
        for page in self.form_pages:
            page.set_save_warning(message)

    # -- checking ---------------------------------------------------------------------------------
    def page_errors(self, page: FormPage) -> dict[str, str]:
        record = replace(self.env.record, answers=self.answers, meeting_date=self.meeting_date)
        section_ids = {s.id for s in self.env.form.sections if any(q.id in page.rows for q in s.questions)}
        errors: dict[str, str] = {}
        for section_id in section_ids:
            errors.update(sessions.check_complete(self.ws, record, section_id))
        return {k: v for k, v in errors.items() if k in page.rows}

    def validate_page(self, page: FormPage) -> bool:
        if self._resuming:
            return True
        ok = True
        if page is self.start_page:
            problem = meeting_date_problem(self.meeting_date, dates.today())
            self.start_page.show_date_error(problem or "")
            ok = problem is None
        errors = self.page_errors(page)
        page.clear_errors()
        if errors:
            page.show_errors(errors)
            return False
        if not ok:
            return False
        if self.next_page_id(page) == self.readback_id:
            return self.prepare_signatures()
        return True

    def prepare_signatures(self) -> bool:
        """ "Ready to sign": keep only the answers shown, check everything, freeze the answers."""
        kept = answers_shown(self.env.form, self.answers, self.env.context)
        if self.stale:
            self._set_save_warning(STALE_WARNING)
            return False
        try:
            saved = sessions.save_draft(
                self.ws, self.record_id, kept, self.meeting_date, based_on=self.revision
            )
            self.revision = saved.value
            ready = sessions.ready_for_signatures(self.ws, self.record_id, today=dates.today())
            self.env.record = ready.value
            self.revision = self.env.record.revision
        except ValidationError as exc:
            self.jump_to_errors(exc.errors)
            return False
        except (CoworkError, OSError) as exc:
            self._save_refused(exc)
            return False
        self.timer.stop()
        self._dirty = False
        self._set_save_warning("")
        self._changed(saved.changes | ready.changes)
        return True

    def jump_to_errors(self, errors: dict[str, str]) -> None:
        for page in self.form_pages:
            found = {k: v for k, v in errors.items() if k in page.rows}
            if found:
                self.goto_page(self.page_id_of(page))
                page.show_errors(found)
                return
        current = self.currentPage()
        if isinstance(current, FormPage):
            current.set_save_warning("; ".join(errors.values()))

    # -- signatures -------------------------------------------------------------------------------
    def signers(self) -> list[int]:
        return sessions.required_signers(self.ws, self.env.record)

    def back_to_draft(self) -> None:
        if self.env.record.status == RecordStatus.AWAITING_SIGNATURES:
            try:
                self.env.record = sessions.back_to_draft(self.ws, self.record_id).value
            except CoworkError as exc:
                self._save_refused(exc)
                return
            self.revision = self.env.record.revision
            self._dirty = True
            self.save_now()

    def add_signature(
        self,
        signer: int,
        typed: str,
        method: str,
        strokes: list[list[tuple[float, float]]],
        png: bytes | None,
    ) -> str | None:
        """Record one signature (the manager's locks the record). The problem as text, or None."""
        try:
            if signer == SignOffPage.MANAGER:
                signed = sessions.sign_off(
                    self.ws,
                    self.record_id,
                    manager_name=typed,
                    method=method,
                    strokes=strokes or None,
                    image_png=png,
                )
                self.env.record = signed.value
                self.revision = signed.value.revision
                self.timer.stop()
                self._changed(signed.changes)  # what signing changed, as the service says
                self.record_signed.emit(self.record_id)
            else:
                worker = cases.worker(self.ws.store, signer)
                done = sessions.add_signature(
                    self.ws,
                    self.record_id,
                    worker_id=signer,
                    name=typed or worker.name,
                    role=worker.role.label,
                    method=method,
                    strokes=strokes or None,
                    image_png=png,
                )
                self.env.record = sessions.record(self.ws, self.record_id)
                self.revision = self.env.record.revision
                self._changed(done.changes)
        except ValidationError as exc:
            return " ".join(exc.errors.values())
        except CoworkError as exc:
            return str(exc)
        return None

    # -- after signing ----------------------------------------------------------------------------
    def follow_ups(self) -> list[FollowUp]:
        return self.env.form.triggered_follow_ups(self.env.record.answers, self.env.context)

    def start_follow_up(self, kind: RecordKind) -> MeetingWizard:
        assert self.env.ca.id is not None
        wizard = open_meeting(
            self.ws, self.env.ca.id, kind, parent=self.parentWidget(), linked_record_id=self.record_id
        )
        # whoever watches this wizard hears of the new one
        wizard.record_changed.connect(self.record_changed)
        wizard.changes_made.connect(self.changes_made)
        self.follow_up_wizard = wizard
        return wizard

    def print_plan(self) -> QWidget:
        from cowork_desktop.ui.plan_print import show_plan

        self.plan_dialog = show_plan(self.ws, self.record_id, self)
        return self.plan_dialog

    def export_pdf(self) -> QWidget | None:
        from cowork_desktop.ui.export_dialog import open_export_dialog

        self.export_dialog = open_export_dialog(self.ws, self.record_id, self)
        return self.export_dialog

    # -- closing ----------------------------------------------------------------------------------
    def reject(self) -> None:
        # QWizard resets on reject, calling cleanupPage() of every visited page: that must not be taken
        # for "Back" (which returns a record awaiting signatures to draft and clears its signatures)
        if not self.save_now() and not self.may_close_unsaved():
            return
        self.closing = True
        try:
            super().reject()
        finally:
            self.closing = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.closing and not self.save_now() and not self.may_close_unsaved():
            event.ignore()
            return
        super().closeEvent(event)

    def may_close_unsaved(self) -> bool:
        """The answers could not be saved: ask before closing (they would be lost). True to close."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"), "", parent=self)
        box.setObjectName("unsavedBox")
        keep = None
        if self.stale:
            box.setText(
                self.tr(
                    "This draft was changed in another window. Keep the answers in this window (they replace the "
                    "other window's), or close without them (the other window's stay)?"
                )
            )
            keep = box.addButton(self.tr("&Keep my answers"), QMessageBox.ButtonRole.AcceptRole)
        else:
            box.setText(self.save_error or self.tr("Your latest answers could not be saved."))
            box.setInformativeText(self.tr("Close anyway and lose them?"))
        discard = box.addButton(self.tr("&Close without saving"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("&Stay here"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        clicked = box.clickedButton()
        if keep is not None and clicked is keep:
            return self.keep_mine()
        if clicked is discard:
            self._dirty = False
            return True
        return False


def open_meeting(
    ws: Workspace,
    coallocation_id: int,
    kind: RecordKind,
    parent: QWidget | None = None,
    linked_record_id: int | None = None,
) -> MeetingWizard:
    """Start (or resume) the draft of this kind for the co-allocation and show its wizard, non-modally."""
    started = sessions.start_record(ws, coallocation_id, kind, linked_record_id=linked_record_id)
    wizard = MeetingWizard(ws, started.id, parent)
    wizard.opened = started.changes
    keep_open(wizard)
    wizard.show()
    return wizard
