"""The main window: navigation on the left (Dashboard, Cases, Workers), pages on the right, and the menus.

It wires the pages together and opens the meeting wizards (``cowork_desktop.ui.wizard``, imported when first
needed) when the case page asks for one. What a change touched (a ``services.changes.Changes``, from a dialog, a
page or a wizard) goes to :meth:`MainWindow.apply_changes`, which refreshes only the pages that show it (each
page's ``DEPENDS_ON``).
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop import __version__
from cowork_desktop.domain import dates
from cowork_desktop.domain.errors import CoworkError, DamagedDatabase, HeldElsewhere, ReadOnlyDatabase
from cowork_desktop.domain.models import RecordKind
from cowork_desktop.services import backups, cases, database, signing_keys
from cowork_desktop.services import settings as settings_model
from cowork_desktop.services.changes import NOTHING, Changes
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui import accessibility, help, keys, recent, security, theme
from cowork_desktop.ui.dashboard import DashboardPage
from cowork_desktop.ui.dialogs import CaseDialog, CoAllocationDialog, WorkerDialog
from cowork_desktop.ui.host import HostWindow
from cowork_desktop.ui.widgets import RoomyItemDelegate, button, hint_label, title_label

if (
    TYPE_CHECKING
):  # imported when first shown (see MainWindow._page): the first paint needs the dashboard only
    from cowork_desktop.ui.case_list import CaseListPage
    from cowork_desktop.ui.case_page import CasePage
    from cowork_desktop.ui.worker_page import WorkerPage
    from cowork_desktop.ui.workers import WorkersPage

APP_TITLE = "cowork-desktop"
WIZARD_MISSING = "The meeting wizard is not available in this build."
NAV_PAGES = ("dashboard", "cases", "workers", "service")
NAV_LABELS = {"dashboard": "Dashboard", "cases": "Cases", "workers": "Workers", "service": "Service"}


class WelcomePanel(QWidget):
    """Shown instead of the dashboard while the database has no cases and no workers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        outer.addStretch(1)
        card = QFrame()
        card.setProperty("role", "panel")
        card.setMaximumWidth(720)
        column = QVBoxLayout(card)
        column.setContentsMargins(32, 28, 32, 28)
        column.setSpacing(14)
        column.addWidget(title_label(self.tr("Welcome to cowork-desktop")))
        column.addWidget(
            hint_label(
                self.tr(
                    "Set up co-worked cases, record the initial meeting with both co-workers, and keep "
                    "reviews, reflective discussions and agreed actions on track. Everything stays on "
                    "this computer."
                )
            )
        )
        empty = QLabel(
            self.tr(
                "This database is empty. Start by adding the workers in your team, or look around "
                "with demo data first (fictional cases and people, clearly marked DEMO DATA)."
            )
        )
        empty.setWordWrap(True)
        column.addWidget(empty)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.add_worker_button = button(
            self.tr("&Add a worker…"), "welcomeAddWorker", self.tr("Add a worker")
        )
        self.demo_button = button(
            self.tr("Load &demo data"),
            "welcomeLoadDemo",
            self.tr("Load demo data"),
            self.tr("Adds fictional cases and workers so you can try every screen."),
        )
        self.add_worker_button.setDefault(True)
        row.addWidget(self.add_worker_button)
        row.addWidget(self.demo_button)
        row.addStretch(1)
        column.addLayout(row)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(card, 3)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)


class MainWindow(HostWindow):
    #: the page check found a damaged page (the DamagedDatabase): nothing was written; the app offers a backup
    database_damaged = Signal(object)
    #: the page check has reported (passed, failed or could not run)
    page_check_done = Signal()
    #: (store, error) from the page check's thread, delivered on the GUI thread
    _pages_reported = Signal(object, object)

    def __init__(self, ws: Workspace, forms_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        app = QApplication.instance()
        if isinstance(app, QApplication):
            keys.install(app)  # Enter presses the focused button here too, not only in dialogs
            accessibility.install()  # page and section titles are headings to a screen reader
        self.ws = ws
        self.forms_dir = forms_dir
        self._wizards: list[QWidget] = []
        self.locked = False
        self._lock_screen: QWidget | None = None
        self._pages_widget: QWidget | None = None
        self._hidden_windows: list[QWidget] = []
        self.idle_lock: Any = None
        self._syncing_theme = False
        self.resize(1280, 800)
        self.setMinimumSize(960, 640)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        side = QFrame()
        side.setObjectName("sidebar")
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(10, 16, 10, 10)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Navigation"))
        for key in NAV_PAGES:
            item = QListWidgetItem(NAV_LABELS[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.nav.setItemDelegate(RoomyItemDelegate(self.nav))
        self.nav.setFixedWidth(170)
        self.nav.currentRowChanged.connect(self._nav_changed)
        # a screen reader's "select" (AT-SPI Selection) picks a page as the arrow keys do
        self.nav.itemSelectionChanged.connect(self._nav_selected)
        side_column.addWidget(self.nav)
        row.addWidget(side)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        self.demo_banner = QLabel(
            self.tr(
                "DEMO DATA — every case and person here is fictional. Use File ▸ Open database… for real work."
            )
        )
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setWordWrap(True)
        self.demo_banner.hide()
        right.addWidget(self.demo_banner)
        self.read_only_banner = QLabel()
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setAccessibleName(self.tr("Read-only"))
        self.read_only_banner.setStyleSheet(
            "QLabel#readOnlyBanner { background: palette(highlight); color: palette(highlighted-text);"
            " padding: 8px 24px; font-weight: 600; }"
        )
        self.read_only_banner.hide()
        right.addWidget(self.read_only_banner)
        #: background backups (ui.backup_runner), started by start_backups
        self.backups: Any = None
        #: background publishing to the service (ui.publish_runner), started with the backups
        self.publisher: Any = None
        from cowork_desktop.ui.integrity import IntegrityBanner

        self.integrity_banner = IntegrityBanner()
        right.addWidget(self.integrity_banner)
        self.integrity_check: Any = None
        #: the page check on its thread (store.checks.PageCheck), and what waits for it to pass
        self.page_check: Any = None
        self._after_pages: str | None = None  # the evidence check's passphrase, held only until then
        self._daily_backup_waits = False
        self._pages_reported.connect(self._on_pages_reported)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        right.addWidget(self.stack, 1)
        row.addLayout(right, 1)
        self.setCentralWidget(central)

        self.welcome = WelcomePanel()
        self.welcome.add_worker_button.clicked.connect(self.new_worker)
        self.welcome.demo_button.clicked.connect(self.load_demo)
        self.stack.addWidget(self.welcome)
        self.dashboard: DashboardPage
        #: the pages built so far: the dashboard at once, the others on first use (see _page)
        self._pages: dict[str, QWidget] = {}
        self._build_menus()
        self._build_pages()
        help.decorate_actions(self)
        from cowork_desktop.ui.settings_dialog import restore_geometry

        restore_geometry(self, "mainWindow")

    # -- building ---------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()

        def action(
            text: str, slot: Any, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
        ) -> QAction:
            a = QAction(text, self)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(slot)
            return a

        file_menu = bar.addMenu(self.tr("&File"))
        self.open_action = action(
            self.tr("&Open database…"), self.open_database, QKeySequence.StandardKey.Open
        )
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        file_menu.addSeparator()
        self.backup_action = action(self.tr("&Back up now"), lambda: security.back_up_now(self))
        self.restore_action = action(self.tr("&Restore…"), lambda: security.restore_backup(self))
        self.change_passphrase_action = action(
            self.tr("Change &passphrase…"), lambda: security.change_passphrase(self)
        )
        self.lock_action = action(self.tr("&Lock now"), self.lock, "Ctrl+L")
        for a in (self.backup_action, self.restore_action, self.change_passphrase_action, self.lock_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        self.publish_action = action(self.tr("P&ublish to the service now"), self.publish_now)
        self.publish_action.setObjectName("publishNow")
        file_menu.addAction(self.publish_action)
        self.settings_action = action(self.tr("&Settings…"), self.open_settings, "Ctrl+,")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        self.quit_action = action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        file_menu.addAction(self.quit_action)

        cases_menu = bar.addMenu(self.tr("&Cases"))
        self.new_case_action = action(self.tr("&New case…"), self.new_case, QKeySequence.StandardKey.New)
        self.new_coallocation_action = action(self.tr("New &co-allocation…"), self.new_coallocation)
        cases_menu.addAction(self.new_case_action)
        cases_menu.addAction(self.new_coallocation_action)
        cases_menu.addSeparator()

        def search_records() -> None:
            from cowork_desktop.ui.search_dialog import open_search_dialog  # imported when first used

            kept = getattr(self, "search_dialog", None)
            if kept is not None and kept.isVisible() and kept.ws is self.ws:
                kept.raise_()
                kept.activateWindow()
                kept.words.setFocus()
                kept.words.selectAll()  # typing starts the next search
                return
            if kept is not None:
                kept.close()  # another database since: a search of this one
            self.search_dialog = open_search_dialog(self.ws, self, self.show_case)

        self.search_action = action(self.tr("&Search records…"), search_records, "Ctrl+Shift+F")
        cases_menu.addAction(self.search_action)

        workers_menu = bar.addMenu(self.tr("&Workers"))
        self.new_worker_action = action(self.tr("&New worker…"), self.new_worker)
        workers_menu.addAction(self.new_worker_action)

        view_menu = bar.addMenu(self.tr("&View"))
        for n, key in enumerate(NAV_PAGES, start=1):
            go_to = action(
                self.tr("Go to %1").replace("%1", self.tr(NAV_LABELS[key])),
                lambda _c=False, k=key: self.go(k),
                f"Ctrl+{n}",
            )
            view_menu.addAction(go_to)
        self.service_action = go_to  # the last: enabled once a service's address is set
        view_menu.addSeparator()
        current = theme.current_theme(_app())
        self.high_contrast_action = QAction(self.tr("&High contrast"), self)
        self.high_contrast_action.setCheckable(True)
        self.high_contrast_action.setChecked(current.high_contrast)
        self.high_contrast_action.toggled.connect(lambda _on: self._theme_changed())
        view_menu.addAction(self.high_contrast_action)
        text_menu = view_menu.addMenu(self.tr("&Larger text"))
        self.text_scale_group = QActionGroup(self)
        self.text_scale_group.setExclusive(True)
        self.text_scale_actions: dict[float, QAction] = {}
        for scale, label in zip(
            theme.TEXT_SCALES,
            (self.tr("&Normal (100%)"), self.tr("&Larger (125%)"), self.tr("L&argest (150%)")),
            strict=True,
        ):
            a = QAction(label, self)
            a.setCheckable(True)
            a.setChecked(abs(scale - current.text_scale) < 0.01)
            a.setData(scale)
            a.toggled.connect(self._scale_toggled)
            self.text_scale_group.addAction(a)
            text_menu.addAction(a)
            self.text_scale_actions[scale] = a
        # one source of truth: the ticks show what is applied, whoever changed it (this menu or Settings)
        theme.notifier().changed.connect(self.sync_theme_actions)
        # following the system: the theme is applied again by ui.theme, then the pages repaint their colours
        _app().styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

        def verify_pdf() -> None:
            from cowork_desktop.ui.verify_dialog import open_verify_dialog  # imported when first used

            self.verify_dialog = open_verify_dialog(self.ws, self)

        tools_menu = bar.addMenu(self.tr("&Tools"))
        self.verify_pdf_action = action(self.tr("&Verify a signed PDF…"), verify_pdf)
        tools_menu.addAction(self.verify_pdf_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.help_actions = help.add_help_menu(self, help_menu)

    def _build_pages(self) -> None:
        """(Re)build the pages for the current workspace: the dashboard now, the others when first shown."""
        for old in self._pages.values():
            self.stack.removeWidget(old)
            old.deleteLater()
        self._pages = {}
        self.dashboard = self._page("dashboard")  # type: ignore[assignment]
        self._service_shown()
        self._update_title()
        self.statusBar().showMessage(f"Database: {self.ws.store.path}")
        self.go("dashboard")

    #: the pages, in the order they are refreshed
    PAGE_NAMES = ("dashboard", "case_list", "workers_page", "case_page", "worker_page")

    def _page(self, name: str) -> QWidget:
        """The page ``name``, built (and its signals connected) the first time it is asked for: only what is
        shown is built before the first paint."""
        page = self._pages.get(name)
        if page is not None:
            return page
        if name == "dashboard":
            dashboard = DashboardPage(self.ws)
            dashboard.case_opened.connect(self.show_case)
            page = dashboard
        elif name == "case_list":
            from cowork_desktop.ui.case_list import CaseListPage

            case_list = CaseListPage(self.ws.store)
            case_list.case_opened.connect(self.show_case)
            case_list.new_case_requested.connect(self.new_case)
            page = case_list
        elif name == "workers_page":
            from cowork_desktop.ui.workers import WorkersPage

            workers = WorkersPage(self.ws.store)
            workers.workers_changed.connect(
                lambda changes, w=workers: self.apply_changes(changes, shown_by=w)
            )
            workers.worker_opened.connect(self.show_worker)
            page = workers
        elif name == "worker_page":
            from cowork_desktop.ui.worker_page import WorkerPage

            worker_page = WorkerPage(self.ws)
            worker_page.back_requested.connect(lambda: self.go("workers", arrive=True))
            page = worker_page
        elif name == "service_page":
            from cowork_desktop.ui.service_page import ServicePage

            page = ServicePage(self.ws)
        elif name == "case_page":
            from cowork_desktop.ui.case_page import CasePage

            case_page = CasePage(self.ws)
            case_page.record_requested.connect(self.open_meeting)
            case_page.resolution_requested.connect(self.open_resolution)
            case_page.record_opened.connect(self.open_record)
            case_page.case_changed.connect(
                lambda changes, p=case_page: self.apply_changes(changes, shown_by=p)
            )
            case_page.back_requested.connect(lambda: self.go("cases", arrive=True))
            page = case_page
        else:
            raise KeyError(name)
        self._pages[name] = page
        self.stack.addWidget(page)
        return page

    @property
    def case_list(self) -> CaseListPage:
        return self._page("case_list")  # type: ignore[return-value]

    @property
    def workers_page(self) -> WorkersPage:
        return self._page("workers_page")  # type: ignore[return-value]

    @property
    def case_page(self) -> CasePage:
        return self._page("case_page")  # type: ignore[return-value]

    @property
    def worker_page(self) -> WorkerPage:
        return self._page("worker_page")  # type: ignore[return-value]

    # -- state ------------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return cases.is_empty(self.ws.store)

    def is_demo(self) -> bool:
        return database.is_demo(self.ws.store)

    def _update_title(self) -> None:
        title = f"{self.ws.store.path.name} — {APP_TITLE}"
        demo = self.is_demo()
        if demo:
            title = f"DEMO DATA — {title}"
        why = self.ws.store.read_only
        if why is not None:
            title = f"{self.ws.store.path.name} (read-only) — {APP_TITLE}"
            self.read_only_banner.setText(
                self.tr("Read-only: %1. Nothing can be changed or saved in this window.").replace("%1", why)
            )
        self.read_only_banner.setVisible(why is not None)
        for writes in (
            self.new_case_action,
            self.new_coallocation_action,
            self.new_worker_action,
            self.backup_action,
            self.restore_action,
            self.change_passphrase_action,
            self.settings_action,
        ):  # what would write to the database: not in a read-only window (the owner's window does it)
            writes.setEnabled(why is None)
            writes.setToolTip(self.tr("Read-only in this window") if why is not None else "")
        self.setWindowTitle(title)
        self.demo_banner.setVisible(demo)

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def go(self, key: str, *, arrive: bool = False) -> None:
        """Show a navigation page: ``dashboard`` (the welcome panel while empty), ``cases`` or ``workers``. With
        ``arrive`` (a Back button, not the page list, whose arrow keys must stay in the list) the focus goes to
        the page's first thing to do (:meth:`arrive`)."""
        page = self._page(
            {
                "dashboard": "dashboard",
                "cases": "case_list",
                "workers": "workers_page",
                "service": "service_page",
            }[key]
        )
        if key == "dashboard" and self.is_empty():
            page = self.welcome
        self.stack.setCurrentWidget(page)
        self._select_nav(key)
        first_look = getattr(page, "first_look", None)
        if callable(first_look):
            first_look()
        if arrive:
            self.arrive(page)

    def arrive(self, page: QWidget) -> None:
        """Put the focus on ``page``'s first thing to do: what its ``arrival()`` names, else its first control
        that Tab stops at; a keyboard or screen-reader user starts there, not on the page they left."""
        chosen = getattr(page, "arrival", None)
        target = chosen() if callable(chosen) else None
        if target is None:
            widget = page.nextInFocusChain()
            while widget is not None and widget is not page and page.isAncestorOf(widget):
                shown = widget.isVisibleTo(page) and widget.isEnabled()
                if shown and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    target = widget
                    break
                widget = widget.nextInFocusChain()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _select_nav(self, key: str) -> None:
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(NAV_PAGES.index(key))
        self.nav.blockSignals(False)

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(NAV_PAGES):
            self.go(NAV_PAGES[row])

    def _nav_selected(self) -> None:
        selected = self.nav.selectedItems()
        if selected and self.nav.row(selected[0]) != self.nav.currentRow():
            self.nav.setCurrentRow(self.nav.row(selected[0]))

    def show_case(self, case_id: int) -> None:
        self._show_detail(
            "cases",
            self.case_page,
            lambda: self.case_page.show_case(case_id),
            self.tr("Cannot open the case"),
        )

    def show_worker(self, worker_id: int) -> None:
        self._show_detail(
            "workers",
            self.worker_page,
            lambda: self.worker_page.show_worker(worker_id),
            self.tr("Cannot open the worker"),
        )

    def _show_detail(self, nav: str, page: QWidget, fill: Callable[[], None], cannot: str) -> None:
        """Fill a detail page and bring it up under its navigation entry; what stops it, in a message."""
        try:
            fill()
        except CoworkError as exc:
            QMessageBox.warning(self, cannot, str(exc))
            return
        self.stack.setCurrentWidget(page)
        self._select_nav(nav)
        self.arrive(page)

    def apply_changes(self, changes: Changes, *, shown_by: QWidget | None = None) -> None:
        """Refresh the pages that show what ``changes`` touched (each page's ``DEPENDS_ON``), in
        :attr:`PAGE_NAMES` order; ``shown_by``, the page that made the change, has shown it already. A page not
        built yet reads its data when it is."""
        for name in self.PAGE_NAMES:
            page = self._pages.get(name)
            if page is None or page is shown_by:
                continue
            if changes.touches(page.DEPENDS_ON):  # type: ignore[attr-defined]
                page.refresh()  # type: ignore[attr-defined]
        if changes.settings and self.publisher is not None:  # the service's address, or publishing on or off
            self.publisher.configure()
            self._publish_enabled()
        if changes.settings:
            self._service_shown()
            service = self._pages.get("service_page")
            if service is not None:
                service.refresh()  # type: ignore[attr-defined]
        self._update_title()
        if self.stack.currentWidget() is self.welcome and not self.is_empty():
            self.go("dashboard")

    def refresh_all(self) -> None:
        """Every page reads again (another database, another theme)."""
        self.apply_changes(Changes.everything())

    # -- meetings -----------------------------------------------------------------------------------
    def open_meeting(self, coallocation_id: int, kind: str) -> QWidget | None:
        open_meeting = _wizard_function("open_meeting")
        if open_meeting is None:
            QMessageBox.information(self, self.tr("Meeting wizard"), WIZARD_MISSING)
            return None
        try:
            widget = open_meeting(self.ws, coallocation_id, RecordKind(kind), self)
        except CoworkError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the meeting"), str(exc))
            return None
        return self._watch(widget)

    def open_resolution(self, coallocation_id: int, review_id: int) -> QWidget | None:
        """The issue-resolution MDR for the issues a review found: linked to it and filled in from it."""
        open_meeting = _wizard_function("open_meeting")
        if open_meeting is None:
            QMessageBox.information(self, self.tr("Meeting wizard"), WIZARD_MISSING)
            return None
        try:
            widget = open_meeting(
                self.ws, coallocation_id, RecordKind.ISSUE_RESOLUTION, self, linked_record_id=review_id
            )
        except CoworkError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the meeting"), str(exc))
            return None
        return self._watch(widget)

    def open_record(self, record_id: int) -> QWidget | None:
        open_record = _wizard_function("open_record")
        if open_record is None:
            QMessageBox.information(self, self.tr("Meeting wizard"), WIZARD_MISSING)
            return None
        try:
            widget = open_record(self.ws, record_id, self)
        except CoworkError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the record"), str(exc))
            return None
        return self._watch(widget)

    def _watch(self, widget: QWidget | None) -> QWidget | None:
        """Refresh the pages a wizard's change touches; keep it alive while it is open."""
        if widget is None:
            return None
        described = getattr(widget, "changes_made", None)  # the meeting wizard says what it changed
        signal = getattr(widget, "record_changed", None)
        if described is not None:
            described.connect(self.apply_changes)
        elif signal is not None:
            signal.connect(self._record_changed)
        signed = getattr(widget, "record_signed", None)
        if signed is not None:
            signed.connect(self._record_signed)
        self._wizards.append(widget)
        widget.destroyed.connect(lambda _obj=None, w=widget: self._forget(w))
        self.apply_changes(getattr(widget, "opened", NOTHING))  # a meeting opened may have started its draft
        return widget

    def _forget(self, widget: QObject) -> None:
        self._wizards = [w for w in self._wizards if w is not widget]

    def close_wizards(self) -> bool:
        """Close every open meeting; False when one could not save its answers and the manager chose to stay."""
        return all(widget.close() for widget in list(self._wizards))

    def _record_changed(self, record_id: int = 0) -> None:
        ids = frozenset({record_id}) if record_id else frozenset()
        self.apply_changes(Changes(records=True, record_ids=ids))

    def _record_signed(self, _record_id: int = 0) -> None:
        if self.backups is not None:
            self.backups.after_signing()
        if self.publisher is not None:
            self.publisher.after_signing()

    # -- backups and the one owner ------------------------------------------------------------------------
    def start_backups(self, source: Any) -> None:
        """Background backups through ``source`` (a second connection; None: none this session)."""
        from cowork_desktop.ui.backup_runner import BackupRunner
        from cowork_desktop.ui.publish_runner import PublishRunner

        self.stop_publishing()
        if self.backups is not None:
            self.backups.close()
        self.backups = BackupRunner(self, source) if self.ws.store.read_only is None else None
        # publishing reads through the backups' connection: a read-only window (another owns the file) does not
        self.publisher = PublishRunner(self) if self.backups is not None and source is not None else None
        self._publish_enabled()

    def _service_shown(self) -> None:
        """The Service page is in the page list once a service's address is set (Settings ▸ Service)."""
        try:
            url = settings_model.load(self.ws.store).service_url
        except CoworkError:
            url = ""
        self.nav.item(NAV_PAGES.index("service")).setHidden(not url)
        self.service_action.setEnabled(bool(url))

    def _publish_enabled(self) -> None:
        on = self.publisher is not None and bool(self.publisher.url)
        self.publish_action.setEnabled(on)
        self.publish_action.setStatusTip(
            "" if on else self.tr("Set the service's address in Settings ▸ Service to publish.")
        )

    def publish_now(self) -> None:
        """File ▸ Publish to the service now."""
        if self.publisher is not None:
            self.publisher.publish_now()

    def stop_publishing(self) -> None:
        if self.publisher is not None:
            self.publisher.stop()
            self.statusBar().removeWidget(self.publisher.label)
            self.publisher.label.deleteLater()
            self.publisher.deleteLater()
            self.publisher = None

    def start_daily_backup(self) -> None:
        """The day's first backup, once the page check has passed (never a backup of a damaged file, and not
        reading the whole file twice at once)."""
        if self.page_check is not None and not self.page_check.done:
            self._daily_backup_waits = True
            return
        if self.backups is not None and self.ws.store.pages_checked:
            self.backups.start_daily()

    def finish_backups(self) -> None:
        self.stop_publishing()
        if self.backups is not None:
            self.backups.at_exit()
            self.backups = None

    def release_database(self) -> None:
        """Let go of the lock on the database (the store is closed, or another one replaced it)."""
        lock = self.ws.store.owner
        self.ws.store.owner = None
        if lock is not None:
            lock.release()

    def show_store_notes(self) -> None:
        """What opening the database changed (its permissions tightened), in the status bar and the log."""
        for note in self.ws.store.notes:
            logging.getLogger("cowork_desktop.store").info("opened with a note: %s", note)
            self.statusBar().showMessage(note, 20000)
        self.ws.store.notes = []

    # -- menu actions -------------------------------------------------------------------------------
    def new_case(self) -> None:
        dialog = CaseDialog(self.ws.store, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.apply_changes(dialog.changes)
            self.show_case(dialog.saved_id)

    def new_coallocation(self) -> None:
        shown = self.stack.currentWidget()
        case_id = self.case_page.case_id if shown is self._pages.get("case_page") else None
        dialog = CoAllocationDialog(self.ws.store, case_id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.apply_changes(dialog.changes)
            self.show_case(cases.coallocation(self.ws.store, dialog.saved_id).case_id)

    def new_worker(self) -> None:
        dialog = WorkerDialog(self.ws.store, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_changes(dialog.changes)
            self.go("workers")

    def load_demo(self) -> None:
        try:
            from cowork_desktop.services.demo import load_demo
        except ImportError:
            QMessageBox.information(
                self, self.tr("Demo data"), self.tr("Demo data is not available in this build.")
            )
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            load_demo(self.ws, dates.today())
        except CoworkError as exc:
            QMessageBox.warning(self, self.tr("Demo data"), str(exc))
        finally:
            QApplication.restoreOverrideCursor()
        self.refresh_all()
        self.go("dashboard")

    def open_database(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Open or create a database"),
            str(self.ws.store.path.parent),
            self.tr("cowork databases (*.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.switch_database(Path(path))

    def fill_recent_menu(self) -> None:
        """The databases opened last on this computer (the one open now left out); a file that has gone is
        greyed out; then "Clear the list"."""
        menu = self.recent_menu
        menu.clear()
        here = self.ws.store.path.resolve()
        shown = [p for p in recent.recent() if p != here]
        for number, path in enumerate(shown, start=1):
            shown_path = str(path).replace("&", "&&")  # an & in a folder name is shown, not a mnemonic
            act = menu.addAction(f"&{number} {shown_path}" if number < 10 else shown_path)
            act.setEnabled(path.is_file())
            act.triggered.connect(lambda _checked=False, p=path: self.switch_database(p))
        if not shown:
            menu.addAction(self.tr("No other database yet")).setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear the list"))
        clear.setEnabled(bool(shown))
        clear.triggered.connect(recent.clear)

    def switch_database(self, path: Path, passphrase: str | None = None) -> bool:
        """Open ``path`` in this window instead (or again, after a restore), through ``services.database``. The
        lock moves with it: another window's database is offered read-only; a damaged one offers its latest good
        backup, as at start-up."""
        old = self.ws.store
        same = old.owner is not None and old.owner.covers(path)
        lock = old.owner if same else None
        read_only_why: str | None = None
        try:
            if passphrase is None and database.is_encrypted(path):
                passphrase = security.ask_passphrase(path, self)
                if passphrase is None:
                    return False
            if not same:
                try:
                    lock = backups.take_ownership(path)
                except HeldElsewhere as exc:
                    answer = QMessageBox.question(
                        self,
                        self.tr("Open elsewhere"),
                        str(exc).split(": close it")[0] + ".\n\n" + self.tr("Open it read-only here?"),
                    )
                    if answer != QMessageBox.StandardButton.Yes:
                        return False
                    read_only_why = str(exc).split(": close it")[0].replace(f"{path} is ", "it is ", 1)
                except ReadOnlyDatabase:
                    lock = None
            try:
                opened = database.open_workspace(
                    path, passphrase, lock=lock, read_only_why=read_only_why, forms_dir=self.forms_dir
                )
            except DamagedDatabase as exc:
                if exc.backup is None or read_only_why is not None or same:
                    raise
                if not security.offer_restore(self, exc, path, passphrase, lock):
                    if lock is not None:
                        lock.release()
                    return False
                opened = database.open_workspace(path, passphrase, lock=lock, forms_dir=self.forms_dir)
        except CoworkError as exc:
            if lock is not None and not same:
                lock.release()
            QMessageBox.critical(self, self.tr("Cannot open the database"), str(exc))
            return False
        self.finish_backups()
        self.ws = opened.ws
        self._build_pages()
        with contextlib.suppress(Exception):
            old.close()
        if old.owner is not None and not same:
            old.owner.release()
        old.owner = None
        self.start_backups(opened.source)
        self.show_store_notes()
        self.start_idle_lock()
        self.integrity_banner.hide()
        self.start_checks(passphrase)
        recent.remember(path)
        return True

    def start_checks(self, passphrase: str | None) -> None:
        """The page check (every page of the file reads back), then the evidence check, each on a thread of its
        own with its own connection. Anything saved meanwhile waits for the page check (``Store.tx``); a damaged
        page is said by :attr:`database_damaged`. ``passphrase`` is held only until both have opened the file."""
        store = self.ws.store
        if store.pages_checked or store.read_only is not None:
            self.page_check = None
            self.start_integrity_check(passphrase)
            return
        self._after_pages = passphrase
        self.statusBar().showMessage(self.tr("Checking the database file…"))

        window = weakref.ref(self)  # the check's thread never keeps a closed window alive

        def reported(error: object, checked: object = store) -> None:
            alive = window()
            if alive is not None:
                with contextlib.suppress(RuntimeError):  # the window closed meanwhile: nobody to tell
                    alive._pages_reported.emit(checked, error)

        self.page_check = store.start_page_check(passphrase, reported)

    def _on_pages_reported(self, store: object, error: object) -> None:
        if store is not self.ws.store:
            return  # an earlier database's check
        passphrase, self._after_pages = self._after_pages, None
        daily, self._daily_backup_waits = self._daily_backup_waits, False
        if isinstance(error, DamagedDatabase):
            self.database_damaged.emit(error)
            self.page_check_done.emit()
            return
        if error is not None:  # it could not run: the store checks on its own connection before it writes
            self.statusBar().showMessage(str(error), 15000)
        self.page_check_done.emit()
        self.start_integrity_check(passphrase)
        if daily:
            self.start_daily_backup()

    def start_integrity_check(self, passphrase: str | None) -> None:
        """``cowork check`` on a thread of its own (its own read-only connection); the banner shows what it
        finds. ``passphrase`` (an encrypted database) is held only until that connection is open."""
        from cowork_desktop.ui.integrity import IntegrityCheck

        check = IntegrityCheck(self.ws.store.path, passphrase, self)
        check.finished.connect(self._integrity_checked)
        self.integrity_check = check
        self.statusBar().showMessage(self.tr("Checking every signed record and the audit log…"))
        check.start()

    def _integrity_checked(self, result: Any) -> None:
        if self.sender() is not self.integrity_check:
            return  # an earlier database's check
        report = result.report
        try:
            if report is not None and report.ok and result.walked is not None:
                entry = self.ws.store.audit_entry(result.walked.id)
                if entry is not None and entry.hash == result.walked.hash:
                    self.ws.store.verified_chain = result.walked  # exports walk only what was added since
        except CoworkError:
            return  # the database was closed meanwhile (the app is closing, or it was restored)
        self.integrity_banner.show_result(result)

    def reopen(self, path: Path, passphrase: str | None = None) -> bool:
        """After a restore: the old store is closed already; open the file again (or say why not)."""
        return self.switch_database(path, passphrase)

    # -- the lock ---------------------------------------------------------------------------------------
    def start_idle_lock(self) -> None:
        """Lock after the idle minutes (setting ``idle_lock_minutes``), for an encrypted database only."""
        if self.idle_lock is not None:
            self.idle_lock.stop()
            self.idle_lock = None
        encrypted = self.ws.store.encrypted
        self.lock_action.setEnabled(encrypted)
        self.change_passphrase_action.setEnabled(encrypted)
        if encrypted:
            self.idle_lock = security.IdleLock(self, security.idle_minutes(self.ws.store))

    def lock(self) -> None:
        """Hide every record: the pages give way to a lock screen and every other window is hidden."""
        if self.locked or not self.ws.store.encrypted:
            return
        self.locked = True
        signing_keys.forget_all()  # unlocked signing keys go too: signing again asks for the passphrase
        app = _app()
        self._hidden_windows = [w for w in app.topLevelWidgets() if w is not self and w.isVisible()]
        for w in self._hidden_windows:
            w.hide()
        self._pages_widget = self.takeCentralWidget()
        screen = security.LockScreen(self.ws.store)
        screen.unlocked.connect(self.unlock)
        self._lock_screen = screen
        self.setCentralWidget(screen)
        self.menuBar().setEnabled(False)
        self.demo_banner.hide()
        screen.edit.setFocus()

    def unlock(self) -> None:
        if not self.locked:
            return
        self.locked = False
        if self._pages_widget is not None:
            self.setCentralWidget(self._pages_widget)  # the lock screen is deleted by Qt
        self._pages_widget = None
        self._lock_screen = None
        self.menuBar().setEnabled(True)
        for w in self._hidden_windows:
            w.show()
        self._hidden_windows = []
        self._update_title()
        if self.idle_lock is not None:
            self.idle_lock.timer.start()

    def _scale_toggled(self, on: bool) -> None:
        if on:
            self._theme_changed()

    def _theme_changed(self) -> None:
        if self._syncing_theme:
            return
        checked = self.text_scale_group.checkedAction()
        scale = float(checked.data()) if checked is not None else 1.0
        appearance = theme.current_theme(
            _app()
        ).appearance  # the menu changes contrast and size, not light/dark
        theme.apply_theme(_app(), self.high_contrast_action.isChecked(), scale, appearance=appearance)
        self.refresh_all()

    @Slot(Qt.ColorScheme)
    def _system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if theme.current_theme(_app()).appearance == "system" and not self.locked:
            self.refresh_all()

    @Slot()
    def sync_theme_actions(self) -> None:
        """Tick High contrast and the text size that are applied now (after a change in Settings, say)."""
        current = theme.current_theme(_app())
        self._syncing_theme = (
            True  # the actions' signals stay on (the group tracks its checked action by them)
        )
        try:
            self.high_contrast_action.setChecked(current.high_contrast)
            for scale, a in self.text_scale_actions.items():
                if abs(scale - current.text_scale) < 0.01:
                    a.setChecked(True)
        finally:
            self._syncing_theme = False

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About cowork-desktop"),
            f"<h3>cowork-desktop {__version__}</h3>"
            "<p>Set up and supervise co-worked children's social care cases, offline.</p>"
            f"<p>Database: {self.ws.store.path}</p>",
        )

    def open_settings(self) -> None:
        from cowork_desktop.ui.settings_dialog import open_settings

        open_settings(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        from cowork_desktop.ui.settings_dialog import save_geometry

        if not self.close_wizards():  # a meeting whose answers could not be saved: the manager chose to stay
            event.ignore()
            return
        save_geometry(self, "mainWindow")
        super().closeEvent(event)


def _wizard_function(name: str) -> Callable[..., QWidget | None] | None:
    """``open_meeting``/``open_record`` from the wizard package, imported when first needed (None if absent)."""
    try:
        module = importlib.import_module("cowork_desktop.ui.wizard")
    except ImportError:
        return None
    found = getattr(module, name, None)
    return found if callable(found) else None


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
