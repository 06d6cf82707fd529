"""Misuse in the app: two windows on one draft, a second window on the same database, a restore that says what
it would do, and the backups taken after signing and at exit. Real widgets offscreen, real database files."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers.modal import ensure_event_loops_run, when_modal
from helpers.wizard import go_next, page, set_answer, signed_initial, wizard_for
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from cowork_desktop import app as app_module
from cowork_desktop.domain.models import RecordKind, Role, Worker
from cowork_desktop.services import backups
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store import backup
from cowork_desktop.store.opening import open_store
from cowork_desktop.ui import security
from cowork_desktop.ui.main_window import MainWindow
from cowork_desktop.ui.wizard import MeetingWizard
from cowork_desktop.ui.wizard.wizard import STALE_WARNING


@pytest.fixture(autouse=True)
def _event_loops_run(qapp: QApplication) -> None:
    ensure_event_loops_run()


# -- two windows on one draft -----------------------------------------------------------------------------------


@contextlib.contextmanager
def two_windows(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> Iterator[tuple[MeetingWizard, MeetingWizard]]:
    """A new reflective discussion open in a wizard on ``ws`` and in a second on another connection ("second
    window"); that connection closed afterwards."""
    other = Workspace.open(open_store(ws.store.path, actor="second window"))
    try:
        first = wizard_for(qtbot, ws, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION)
        second = MeetingWizard(other, first.record_id)
        qtbot.addWidget(second)
        yield first, second
    finally:
        other.store.close()


def test_a_stale_window_cannot_save_over_the_other_and_keeps_what_was_typed(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    with two_windows(qtbot, ws, coworked) as (first, second):
        for w in (first, second):
            go_next(w)
        set_answer(qtbot, first, "analysis", "Typed in the first window")
        assert first.save_now()
        set_answer(qtbot, second, "analysis", "Typed later in the second window")
        assert not second.save_now()
        bar = page(second).save_bar
        assert second.stale and bar.isVisibleTo(second) and bar.text() == STALE_WARNING
        assert second.answers["analysis"] == "Typed later in the second window"  # still on screen
        assert ws.store.get_record(first.record_id).answers["analysis"] == "Typed in the first window"
        assert not second.timer.isActive()  # no autosave retries over the other window's answers

        # closing asks: keep these answers (they replace the other window's) or close without them
        def keep_mine(box: QWidget) -> None:
            assert isinstance(box, QMessageBox) and box.objectName() == "unsavedBox"
            assert "changed in another window" in box.text()
            keep = next(b for b in box.buttons() if b.text() == "&Keep my answers")
            keep.click()

        when_modal(keep_mine)
        second.reject()
        assert not second.isVisible()
        saved = ws.store.get_record(first.record_id).answers
        assert saved["analysis"] == "Typed later in the second window"


def test_closing_with_answers_that_could_not_be_saved_asks_first(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    with two_windows(qtbot, ws, coworked) as (first, second):
        go_next(first)
        go_next(second)
        set_answer(qtbot, first, "analysis", "The first window's")
        assert first.save_now()
        set_answer(qtbot, second, "analysis", "The second window's")

        def stay(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            next(b for b in box.buttons() if b.text() == "&Stay here").click()

        when_modal(stay)
        second.show()
        assert not second.close()  # the manager chose to stay: nothing lost, nothing written
        assert second.isVisible() and second.answers["analysis"] == "The second window's"

        def discard(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            next(b for b in box.buttons() if b.text() == "&Close without saving").click()

        when_modal(discard)
        assert second.close()
        assert ws.store.get_record(first.record_id).answers["analysis"] == "The first window's"


# -- a second window on the same database ---------------------------------------------------------------------------

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from cowork_desktop.store.owner import OwnerLock
    lock = OwnerLock.acquire(Path(sys.argv[1]), program="cowork-desktop")
    print("held", flush=True)
    time.sleep(60)
    """
)


def test_a_second_window_is_told_who_has_the_database_and_opens_it_read_only(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "team.db"
    with open_store(db, actor="test") as s:
        s.add_worker(Worker("Kept worker", Role.SOCIAL_WORKER))
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    seen: dict[str, Any] = {}
    made: list[MainWindow] = []
    real_show = MainWindow.show

    def remember(self: MainWindow) -> None:
        made.append(self)
        real_show(self)

    monkeypatch.setattr(MainWindow, "show", remember)

    def read_only(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        next(b for b in box.buttons() if b.text() == "Open &read-only").click()

    when_modal(read_only)
    try:
        assert app_module.main(["--db", str(db), "--quit-after", "700"]) == 0
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
    assert seen["text"].startswith(f"{db} is open in cowork-desktop (process {proc.pid}, since ")
    window = made[0]
    assert window.windowTitle() == "team.db (read-only) — cowork-desktop"
    assert window.read_only_banner.text().startswith(
        f"Read-only: it is open in cowork-desktop (process {proc.pid}, since "
    )
    assert window.backups is None  # a read-only window takes no backups
    # nothing that would write is offered: adding, backing up, restoring, re-keying, the settings
    for writes in (
        window.new_case_action,
        window.new_coallocation_action,
        window.new_worker_action,
        window.backup_action,
        window.restore_action,
        window.change_passphrase_action,
        window.settings_action,
    ):
        assert not writes.isEnabled(), writes.text()
    assert window.open_action.isEnabled() and window.verify_pdf_action.isEnabled()
    assert not backup.list_backups(db)
    with open_store(db) as s:
        assert [w.name for w in s.list_workers()] == ["Kept worker"]


# -- restore says what it would do --------------------------------------------------------------------------------


def test_restore_says_the_backups_age_and_what_is_not_in_it(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.ws.store.owner = backups.take_ownership(ws.store.path)
    try:
        taken = backup.take(ws.store, backup.MANUAL, now=datetime.now(UTC) - timedelta(hours=2))
        signed_initial(qtbot, ws, coworked).close()
        seen: list[str] = []

        def cancel(box: QWidget) -> None:
            assert isinstance(box, QMessageBox) and box.objectName() == "restoreQuestion"
            seen.append(f"{box.text()}\n{box.informativeText()}")
            next(b for b in box.buttons() if b.text() == "Cancel").click()

        when_modal(cancel)
        assert not security.restore_backup(window, taken.path)
        assert seen[0].startswith(f"Replace the database with the backup {taken.path.name}?\nThe backup ")
        assert "was taken 2 hours ago" in seen[0]
        assert "1 signed record saved since is not in it; they stay in the file kept aside." in seen[0]
        assert window.ws.store.count_signed_records() == 1  # nothing was changed

        shown: list[str] = []
        monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: shown.append(a[2])))

        def restore(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            button = box.findChild(QPushButton, "restoreButton")
            assert button is not None
            button.click()

        when_modal(restore)
        assert security.restore_backup(window, taken.path)
        assert window.ws.store.count_signed_records() == 0 and "kept as" in shown[-1]
        assert window.ws.store.owner is not None and window.ws.store.owner.held  # still this window's
    finally:
        window.release_database()
        window.ws.store.close()


# -- backups after signing and at exit ------------------------------------------------------------------------------


def test_a_backup_follows_a_signing_and_the_exit_at_most_every_few_minutes(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int]
) -> None:
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.start_backups(backups.open_source(ws.store, None))
    runner = window.backups
    assert runner is not None and runner.last_taken is None
    wizard = signed_initial(qtbot, ws, coworked)  # not opened through the window: tell it as the window would
    window._record_signed(wizard.record_id)
    qtbot.waitUntil(lambda: not runner.running and runner.last_taken is not None, timeout=10000)
    (after_signing,) = backup.list_backups(ws.store.path)
    assert after_signing.kind == "signed" and backup.read_identity(after_signing.path) == ws.store.identity()
    conn_check = open_store(after_signing.path, create=False)
    assert conn_check.count_signed_records() == 1
    conn_check.close()
    # a second signing a minute later: the backup waits for the end of the interval, it is not skipped
    window._record_signed(0)
    assert runner.timer.isActive() and 3 * 60_000 < runner.timer.remainingTime() <= 5 * 60_000 + 1_000
    assert len(backup.list_backups(ws.store.path)) == 1
    ws.store.add_worker(Worker("Added before closing", Role.ASYE))
    window.finish_backups()  # at exit: something changed since the last backup
    kinds = sorted(b.kind for b in backup.list_backups(ws.store.path))
    assert kinds == ["exit", "signed"]
    assert window.backups is None


def test_nothing_changed_no_backup_at_exit(qtbot: QtBot, ws: Workspace, coworked: dict[str, int]) -> None:
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.start_backups(backups.open_source(ws.store, None))
    window.finish_backups()
    assert backup.list_backups(ws.store.path) == []
    assert os.path.exists(ws.store.path)


# -- hostile forms ---------------------------------------------------------------------------------------------------


def test_a_deep_form_file_is_one_line_naming_the_file_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _p, _t, text, *a, **k: shown.append(text))
    )
    forms = tmp_path / "forms"
    forms.mkdir()
    deep = forms / "review.toml"
    deep.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    db = tmp_path / "team.db"
    with open_store(db, actor="test") as s:
        s.add_worker(Worker("Kept worker", Role.SOCIAL_WORKER))
    before = db.read_bytes()
    assert app_module.main(["--db", str(db), "--forms", str(forms), "--quit-after", "200"]) == 1
    assert len(shown) == 1 and "\n" not in shown[0]
    assert shown[0].startswith(str(deep)) and "nested too deeply" in shown[0]
    assert "RecursionError" not in shown[0] and "Traceback" not in shown[0]
    assert db.read_bytes() == before and not (tmp_path / "team.db.lock").exists()
