"""The evidence check at start-up, with real widgets offscreen and real database files: it runs on its own thread,
the window stays usable, and a database that does not check gets a banner naming what failed, with the latest
backup that checks and (for missing triggers) a way to put them back."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.files import rows
from helpers.modal import confirm_restore, when_modal
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.errors import ProtectionsMissing
from cowork_desktop.domain.models import RecordStatus
from cowork_desktop.services.demo import load_demo
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store import backup
from cowork_desktop.store.opening import open_store
from cowork_desktop.ui.main_window import MainWindow

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "cowork.db"
    with open_store(path) as store:
        load_demo(Workspace.open(store), TODAY)
        backup.take(store, backup.MANUAL)  # a backup that checks
    return path


def _signed_record(path: Path) -> int:
    return int(rows(path, "SELECT min(id) FROM records WHERE status = 'signed'")[0][0])


def _tamper(path: Path, record_id: int) -> None:
    conn = sqlite3.connect(path)
    try:
        trigger = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'records_signed_no_update'"
        ).fetchone()[0]
        answers = json.loads(
            conn.execute("SELECT answers FROM records WHERE id = ?", [record_id]).fetchone()[0]
        )
        key = next(k for k, v in answers.items() if isinstance(v, str) and v)
        answers[key] = "No further action: the case is closed."
        with conn:
            conn.execute("DROP TRIGGER records_signed_no_update")
            conn.execute("UPDATE records SET answers = ? WHERE id = ?", [json.dumps(answers), record_id])
            conn.execute(trigger)
    finally:
        conn.close()


@pytest.fixture
def window_for(qtbot: QtBot) -> Iterator[Callable[[Path], MainWindow]]:
    opened: list[MainWindow] = []

    def make(path: Path) -> MainWindow:
        ws = Workspace.open(open_store(path))
        window = MainWindow(ws)
        qtbot.addWidget(window)
        window.show()
        opened.append(window)
        return window

    yield make
    for window in opened:
        window.ws.store.close()


def _check(qtbot: QtBot, window: MainWindow) -> None:
    window.start_integrity_check(None)
    with qtbot.waitSignal(window.integrity_check.finished, timeout=20000):
        pass
    qtbot.waitUntil(
        lambda: (
            window.statusBar().currentMessage() != "Checking every signed record and the audit log…"
            or window.integrity_banner.isVisible()
        ),
        timeout=5000,
    )


def test_a_database_that_checks_shows_no_banner(
    qtbot: QtBot, demo_db: Path, window_for: Callable[[Path], MainWindow]
) -> None:
    window = window_for(demo_db)
    _check(qtbot, window)
    assert not window.integrity_banner.isVisible()
    assert window.statusBar().currentMessage().startswith("Checked: all ")


def test_a_changed_record_is_named_with_the_backup_that_checks(
    qtbot: QtBot,
    demo_db: Path,
    window_for: Callable[[Path], MainWindow],
    tmp_path: Path,
) -> None:
    record = _signed_record(demo_db)
    _tamper(demo_db, record)
    window = window_for(demo_db)
    _check(qtbot, window)
    banner = window.integrity_banner
    assert banner.isVisible()
    text = banner.text.text()
    assert f"Record {record} (" in text and "changed after signing" in text
    assert "never exported as signed" in text
    (taken,) = backup.list_backups(demo_db)
    assert "The latest backup that checks was taken on " in text and f"({taken.path.name})" in text
    assert window.statusBar().currentMessage().startswith("The evidence check found 1 problem(s)")
    assert banner.restore_button.isVisible() and not banner.repair_button.isVisible()
    assert banner.accessibleName() == "The database does not check"
    window.grab().save(str(tmp_path.parent / "integrity-banner.png"))

    # restoring it (confirmed) puts the backup in place, keeps the changed file aside, and the banner goes
    asked: list[str] = []
    when_modal(confirm_restore(asked))
    qtbot_monkey = pytest.MonkeyPatch()
    qtbot_monkey.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    try:
        assert banner.restore()
    finally:
        qtbot_monkey.undo()
    assert not banner.isVisible()
    assert asked and " was taken " in asked[0] and "kept beside it" in asked[0]
    assert window.ws.store.get_record(record).status == RecordStatus.SIGNED
    assert list(demo_db.parent.glob("cowork.db.before-restore-*"))


def test_missing_protections_refuse_saving_and_can_be_put_back(
    qtbot: QtBot,
    demo_db: Path,
    window_for: Callable[[Path], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    conn = sqlite3.connect(demo_db)
    with conn:
        conn.execute("DROP TRIGGER signatures_no_update")
    conn.close()
    window = window_for(demo_db)
    _check(qtbot, window)
    banner = window.integrity_banner
    assert banner.isVisible() and banner.repair_button.isVisible()
    assert "nothing can be saved to it" in banner.text.text()
    with pytest.raises(ProtectionsMissing, match="signatures_no_update is missing"):
        window.ws.store.set_setting("team", "Assessment")
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    done = banner.repair()
    assert done == ["restored the trigger signatures_no_update"]
    with qtbot.waitSignal(window.integrity_check.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)
    window.ws.store.set_setting("team", "Assessment")  # saving works again
