"""A new user's first ten minutes, driven through the real widgets offscreen, one screenshot per step.

Run from the repository root (it starts from an empty data folder, /tmp/newuser unless COWORK_DATA_DIR is set):

    rm -rf /tmp/newuser && COWORK_DATA_DIR=/tmp/newuser QT_QPA_PLATFORM=offscreen \\
        .venv/bin/python docs/screenshots/first-run/walkthrough.py

First start (a new encrypted database) → the welcome wizard → two workers → a case → the co-allocation → the
initial meeting wizard → signatures → the signed PDF from the export dialog. The test helpers in
tests/gui/test_wizard.py answer the meeting's questions the way a user would (clicks and typing).
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COWORK_DATA_DIR", "/tmp/newuser")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "gui")]

from PySide6.QtCore import QPoint, QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QCheckBox, QWidget  # noqa: E402

PASSPHRASE = "a long walk in the park"
CERT_PASSPHRASE = "signing is for managers"
shots: list[Path] = []


class Bot:
    """Just enough of pytest-qt's QtBot for the wizard helpers."""

    def mouseClick(self, w: QWidget, button: Any, pos: QPoint | None = None) -> None:
        QTest.mouseClick(w, button, Qt.KeyboardModifier.NoModifier, pos or w.rect().center())

    def keyClicks(self, w: QWidget, text: str) -> None:
        QTest.keyClicks(w, text)

    def mousePress(self, w: QWidget, button: Any, pos: QPoint) -> None:
        QTest.mousePress(w, button, Qt.KeyboardModifier.NoModifier, pos)

    def mouseMove(self, w: QWidget, pos: QPoint) -> None:
        QTest.mouseMove(w, pos)

    def mouseRelease(self, w: QWidget, button: Any, pos: QPoint) -> None:
        QTest.mouseRelease(w, button, Qt.KeyboardModifier.NoModifier, pos)

    @contextmanager
    def waitSignal(self, *_a: Any, **_k: Any) -> Any:
        yield
        QApplication.processEvents()


def shot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    target = HERE / f"{len(shots) + 1:02d}-{name}.png"
    widget.grab().save(str(target), "PNG")
    shots.append(target)
    print(target.relative_to(ROOT))


def main() -> int:
    data = Path(os.environ["COWORK_DATA_DIR"])
    if data.exists() and any(data.iterdir()):
        raise SystemExit(f"{data} is not empty: start from a fresh data folder")
    settings_dir = data / "qsettings"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(settings_dir))
    for old in HERE.glob("[0-9][0-9]-*.png"):
        old.unlink()

    from cowork_desktop import app as app_module
    from cowork_desktop import paths
    from cowork_desktop.domain.models import RecordKind
    from cowork_desktop.services.sessions import Workspace
    from cowork_desktop.store.opening import open_store
    from cowork_desktop.ui import security, theme
    from cowork_desktop.ui.dialogs import CaseDialog, CoAllocationDialog, WorkerDialog
    from cowork_desktop.ui.first_run import offer_first_run
    from cowork_desktop.ui.help import app_icon, install_translator
    from cowork_desktop.ui.main_window import MainWindow

    app = app_module._application()
    install_translator(app)
    app.setWindowIcon(app_icon())
    theme.apply_saved_theme(app)
    bot = Bot()

    # 1. the very first start: where the records will live, and a passphrase
    db_path = paths.default_db_path()
    new_db = security.NewDatabaseDialog(db_path)
    new_db.show()
    new_db.first.setText(PASSPHRASE)
    new_db.second.setText(PASSPHRASE)
    shot(new_db, "new-database")
    new_db._check()
    store = open_store(db_path, passphrase=new_db.passphrase())
    ws = Workspace.open(store)
    window = MainWindow(ws)
    window.show()
    wizard = offer_first_run(window)
    assert wizard is not None, "the welcome should be offered on an empty database"
    wizard.resize(760, 600)

    # 2. the welcome wizard
    shot(wizard, "welcome")
    wizard.next()
    wizard.you.name.setText("Amara Okafor")
    wizard.you.team.setText("Assessment Team 2")
    wizard.you.organisation.setText("Walsall Children's Services")
    shot(wizard, "about-you")
    wizard.next()
    shot(wizard, "your-data")
    wizard.next()
    cert = wizard.certificate.dialog
    cert.new_passphrase.setText(CERT_PASSPHRASE)
    cert.repeat_passphrase.setText(CERT_PASSPHRASE)
    shot(wizard, "signing-certificate")
    wizard.next()
    shot(wizard, "how-to-start")
    wizard.accept()
    QApplication.processEvents()
    shot(window, "empty-main-window")

    # 3. two workers, a case, the co-allocation
    for name, role in (("Zoë Ó Súilleabháin", "senior_practitioner"), ("Łukasz Wiśniewski", "student")):
        dialog = WorkerDialog(window.ws.store, parent=window)
        dialog.show()
        dialog.name_edit.setText(name)
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(role))
        dialog.team_edit.setText("Assessment Team 2")
        shot(dialog, f"add-worker-{role.replace('_', '-')}")
        dialog.save()
    window.refresh_all()
    case_dialog = CaseDialog(window.ws.store, parent=window)
    case_dialog.show()
    case_dialog.reference_edit.setText("CR-2026-0042")
    case_dialog.count_spin.setValue(2)
    case_dialog.initials_edit.setText("AB, CD")
    shot(case_dialog, "new-case")
    case_dialog.save()
    assert case_dialog.saved_id is not None
    window.refresh_all()
    window.show_case(case_dialog.saved_id)
    co = CoAllocationDialog(window.ws.store, case_dialog.saved_id, parent=window)
    co.show()
    workers = window.ws.store.list_workers()
    co.worker1_combo.setCurrentIndex(co.worker1_combo.findData(workers[0].id))
    co.worker2_combo.setCurrentIndex(co.worker2_combo.findData(workers[1].id))
    co.lead_combo.setCurrentIndex(max(0, co.lead_combo.findData(workers[0].id)))
    reason = co.findChild(QCheckBox, "reason_development")
    assert reason is not None
    reason.setChecked(True)
    shot(co, "co-allocate")
    co.save()
    assert co.saved_id is not None
    window.refresh_all()
    window.show_case(case_dialog.saved_id)
    shot(window, "case-page")

    # 4. the initial meeting, signed by everyone
    from test_wizard import complete_pages, sign_all

    meeting = window.open_meeting(co.saved_id, RecordKind.INITIAL_MEETING.value)
    assert meeting is not None
    shot(meeting, "initial-meeting-start")
    meeting.next()
    shot(meeting, "initial-meeting-questions")
    complete_pages(bot, meeting, {"actions": [("Book the first joint visit", workers[1].id, date.today())]})  # type: ignore[arg-type]
    shot(meeting, "signatures")
    sign_all(bot, meeting, manager="Amara Okafor")  # type: ignore[arg-type]
    shot(meeting, "signed")

    # 5. the signed PDF, from the export dialog (the key was unlocked when the certificate was made)
    from cowork_desktop.ui.export_dialog import ExportDialog

    record_id = meeting.record_id
    out = data / "exports"
    out.mkdir(parents=True, exist_ok=True)
    export = ExportDialog(window.ws, record_id, window)
    export.ask_path = lambda _caption, filename: out / filename  # type: ignore[method-assign]
    export.show()
    export.load_preview()
    shot(export, "export-signed-pdf")
    saved = export.save_signed()
    assert saved is not None and saved.exists(), export.error.text()
    QApplication.processEvents()
    shot(export, "exported")
    import pypdfium2

    page = pypdfium2.PdfDocument(str(saved))[0]
    image = page.render(scale=1.2).to_pil()
    target = HERE / f"{len(shots) + 1:02d}-signed-mdr-page-1.png"
    image.save(target)
    shots.append(target)
    print(target.relative_to(ROOT))

    # 6. at 150% text size: nothing cut off
    theme.apply_theme(app, False, 1.5, persist=False)
    window.refresh_all()
    shot(window, "case-page-150")
    meeting2 = window.open_meeting(co.saved_id, RecordKind.REFLECTIVE_DISCUSSION.value)
    if meeting2 is not None:
        meeting2.next()
        shot(meeting2, "wizard-page-150")
        meeting2.close()
    meeting.close()
    window.close()
    print(f"{len(shots)} screenshots; signed PDF: {saved}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
