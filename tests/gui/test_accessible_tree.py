"""Every main page, dialog and wizard page, as a screen reader and a keyboard user meet it (issue 15): no control a
user acts on is announced by its role alone, and Tab from the first control reaches every control shown without
being held inside one (a list, a text box). Read in-process from Qt's accessibility interfaces
(tests/helpers/a11y.py); the AT-SPI walk of the running app is tests/gui/test_atspi.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from helpers.a11y import tab_walk, trapped, unnamed_controls
from helpers.wizard import fill_page, go_next, signed_initial, wizard_for
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.models import RecordKind, RecordStatus, Role
from cowork_desktop.services import demo
from cowork_desktop.services.plan import build_plan
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui import accessibility
from cowork_desktop.ui.main_window import MainWindow
from cowork_desktop.ui.wizard.pages import FormPage

DAY = date(2026, 11, 23)


def _check(qtbot: QtBot, root: QWidget, what: str) -> None:
    root.show()
    qtbot.waitExposed(root)
    QApplication.processEvents()
    assert unnamed_controls(root) == [], what
    walked, missed = tab_walk(root)
    assert missed == [], (what, [w.objectName() or type(w).__name__ for w in missed])
    held = trapped(walked)
    assert held is None, (what, held.objectName() or type(held).__name__ if held else None)


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace) -> MainWindow:
    accessibility.install()
    demo.load_demo(ws, DAY)
    main = MainWindow(ws)
    qtbot.addWidget(main)
    main.resize(1280, 860)
    return main


@pytest.mark.parametrize("page", ["dashboard", "cases", "workers", "service", "case", "worker"])
def test_every_main_page(qtbot: QtBot, window: MainWindow, ws: Workspace, page: str) -> None:
    if page == "case":
        case = ws.store.find_case("CR-2026-0103")
        assert case.id is not None
        window.show_case(case.id)
    elif page == "worker":  # a student's: their development log too, once read (off the GUI thread)
        student = next(w for w in ws.store.list_workers() if w.role == Role.STUDENT)
        window.show_worker(student.id or 0)
        shown = window._page("worker_page")
        qtbot.waitUntil(lambda: getattr(shown, "log", None) is not None, timeout=10_000)
    else:
        window.go(page)
    _check(qtbot, window, page)


def _dialogs(ws: Workspace, tmp: Path) -> dict[str, Callable[[], QDialog]]:
    from cowork_desktop.ui.certificate_dialog import CertificateDialog
    from cowork_desktop.ui.dialogs import CaseDialog, CoAllocationDialog, WorkerDialog
    from cowork_desktop.ui.export_dialog import ExportDialog
    from cowork_desktop.ui.plan_print import PlanPrintDialog
    from cowork_desktop.ui.search_dialog import SearchDialog
    from cowork_desktop.ui.security import ChangePassphraseDialog, NewDatabaseDialog, PassphraseDialog
    from cowork_desktop.ui.settings_dialog import SettingsDialog
    from cowork_desktop.ui.verify_dialog import VerifyDialog
    from cowork_desktop.ui.wizard.record_view import AmendReasonDialog

    store = ws.store
    signed, case_id = next(
        (r.id, r.case_id)
        for c in store.list_cases()
        for r in store.records_for_case(c.id)
        if r.status == RecordStatus.SIGNED and r.kind == RecordKind.INITIAL_MEETING
    )
    assert signed is not None
    return {
        "worker": lambda: WorkerDialog(store),
        "case": lambda: CaseDialog(store),
        "co-allocation": lambda: CoAllocationDialog(store, case_id, today=DAY),
        "settings": lambda: SettingsDialog(ws),
        "verify": lambda: VerifyDialog(ws),
        "certificate": lambda: CertificateDialog(ws),
        "export": lambda: ExportDialog(ws, signed),
        "plan": lambda: PlanPrintDialog(build_plan(ws, signed), store=store),
        "new database": lambda: NewDatabaseDialog(tmp / "new.db"),
        "passphrase": lambda: PassphraseDialog(tmp / "enc.db"),
        "change passphrase": lambda: ChangePassphraseDialog(store),
        "amendment reason": lambda: AmendReasonDialog(),
        "search": lambda: SearchDialog(ws),
    }


DIALOGS = [
    "worker",
    "case",
    "co-allocation",
    "settings",
    "verify",
    "certificate",
    "export",
    "plan",
    "new database",
    "passphrase",
    "change passphrase",
    "amendment reason",
    "search",
]


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog(qtbot: QtBot, ws: Workspace, tmp_path: Path, name: str) -> None:
    accessibility.install()
    demo.load_demo(ws, DAY)
    dialog = _dialogs(ws, tmp_path)[name]()
    qtbot.addWidget(dialog)
    _check(qtbot, dialog, name)


def test_the_dialogs_listed_are_every_dialog(ws: Workspace, tmp_path: Path) -> None:
    """Each QDialog of the app is in the list above (one made only for a moment, a message box, is Qt's)."""
    import inspect

    from PySide6.QtWidgets import QDialog as Dialog

    import cowork_desktop.ui as ui_package

    demo.load_demo(ws, DAY)
    listed = {type(make()).__name__ for make in _dialogs(ws, tmp_path).values()}
    made_here = set()
    for module in Path(ui_package.__file__).parent.rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        made_here |= {
            line.split("class ")[1].split("(")[0]
            for line in text.splitlines()
            if line.startswith("class ") and ("(QDialog)" in line or "(_FormDialog)" in line)
        }
    assert inspect.isclass(Dialog)
    # the help text is read-only (test_help.py walks it); _FormDialog is the base of three listed
    not_walked = made_here - listed - {"HelpDialog", "_FormDialog"}
    assert not_walked == set()


@pytest.mark.parametrize("kind", list(RecordKind))
def test_every_wizard_page(qtbot: QtBot, ws: Workspace, coworked: dict[str, int], kind: RecordKind) -> None:
    accessibility.install()
    if kind != RecordKind.INITIAL_MEETING:
        signed_initial(qtbot, ws, coworked)  # the other meetings follow an initial meeting
    wizard = wizard_for(qtbot, ws, coworked["coallocation"], kind)
    seen = []
    while True:
        current = wizard.currentPage()
        seen.append(current.objectName() or type(current).__name__)
        _check(qtbot, wizard, f"{kind.value}: {seen[-1]}")
        if not isinstance(current, FormPage):
            break
        fill_page(qtbot, wizard, {})
        go_next(wizard)
    assert len(seen) >= 3, seen  # the form's pages, then the read-back
    wizard.reject()


def test_a_table_exposes_only_the_columns_it_shows(qtbot: QtBot, window: MainWindow, ws: Workspace) -> None:
    """A screen reader reads the columns a table shows, no hidden one: the case's own page has no "Case"
    column, and what is coming up no "Severity"."""
    from PySide6.QtGui import QAccessible

    def headers(table: QWidget) -> list[str]:
        iface = QAccessible.queryAccessibleInterface(table)
        assert iface is not None
        return [
            iface.child(i).text(QAccessible.Text.Name)
            for i in range(iface.childCount())
            if iface.child(i).role() == QAccessible.Role.ColumnHeader
        ]

    window.show()
    case = ws.store.list_cases()[0]
    window.show_case(case.id or 0)
    page = window._page("case_page")
    assert headers(page.due_table) == ["Severity", "What", "Due"]  # type: ignore[attr-defined]
    assert headers(page.coming_table) == ["What", "Due"]  # type: ignore[attr-defined]
    window.go("dashboard")
    dashboard = window._page("dashboard")
    assert headers(dashboard.table) == ["Severity", "Case", "What", "Due"]  # type: ignore[attr-defined]
    assert headers(dashboard.coming_table) == ["Case", "What", "Due"]  # type: ignore[attr-defined]
