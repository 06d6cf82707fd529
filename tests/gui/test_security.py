"""The GUI side of security: the passphrase at start, the first-run choice, the idle lock, backups and restore from
the File menu, changing the passphrase, recovery from a damaged file, and the privacy note in the case dialog."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.modal import confirm_restore, ensure_event_loops_run, when_modal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cowork_desktop import app as app_module
from cowork_desktop import paths
from cowork_desktop.domain.models import Case, Role, Worker
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store import backup, crypto
from cowork_desktop.store.opening import open_store
from cowork_desktop.store.store import Store
from cowork_desktop.ui import security
from cowork_desktop.ui.dialogs import CaseDialog
from cowork_desktop.ui.main_window import MainWindow
from cowork_desktop.ui.privacy import PrivacyHint

PASSPHRASE = "a passphrase for the tests"


@pytest.fixture(autouse=True)
def _event_loops_run(qapp: QApplication) -> None:
    ensure_event_loops_run()


def _capture(
    monkeypatch: pytest.MonkeyPatch, name: str, answer: Any = QMessageBox.StandardButton.Ok
) -> list[str]:
    shown: list[str] = []

    def fake(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        shown.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, name, staticmethod(fake))
    return shown


def type_and_accept(text: str) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, security.PassphraseDialog), dialog
        dialog.edit.setText(text)
        dialog.accept()

    return act


def encrypted_db(path: Path) -> Path:
    with open_store(path, passphrase=PASSPHRASE) as s:
        s.add_worker(Worker("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER))
        s.add_case(Case("CR-2026-0800", 1, "AB"))
    return path


# -- start-up ------------------------------------------------------------------------------------------------------


def test_the_app_opens_an_encrypted_database_with_its_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    db = encrypted_db(tmp_path / "secret.db")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db).execute("select * from sqlite_master")
    when_modal(type_and_accept(PASSPHRASE))
    assert app_module.main(["--db", str(db), "--quit-after", "200"]) == 0


def test_a_wrong_passphrase_is_asked_again_then_accepted(qtbot: QtBot, tmp_path: Path) -> None:
    db = encrypted_db(tmp_path / "secret.db")
    errors: list[str] = []

    def wrong_then_right(dialog: QWidget) -> None:
        assert isinstance(dialog, security.PassphraseDialog)
        dialog.edit.setText("not the passphrase")
        dialog.accept()

        def second(again: QWidget) -> None:
            assert isinstance(again, security.PassphraseDialog)
            errors.append(again.error.text())
            type_and_accept(PASSPHRASE)(again)

        when_modal(second)

    when_modal(wrong_then_right)
    assert app_module.main(["--db", str(db), "--quit-after", "200"]) == 0
    assert errors and "Wrong passphrase" in errors[0] and "2 tries left" in errors[0]


def test_three_wrong_passphrases_say_so_and_open_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _capture(monkeypatch, "critical")
    db = encrypted_db(tmp_path / "secret.db")
    before = db.read_bytes()
    monkeypatch.setattr(security, "TRIES", 3)
    answers = ["one", "two", "three"]

    def wrong(dialog: QWidget) -> None:
        type_and_accept(answers.pop(0))(dialog)
        if answers:
            when_modal(wrong)

    when_modal(wrong)
    assert app_module.main(["--db", str(db), "--quit-after", "200"]) == 1
    assert len(shown) == 1 and "Wrong passphrase" in shown[0] and "\n" not in shown[0]
    assert db.read_bytes() == before


def test_first_run_recommends_a_passphrase(qtbot: QtBot) -> None:
    target = paths.default_db_path()
    assert not target.exists()

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, security.NewDatabaseDialog)
        assert dialog.encrypt_radio.isChecked()  # the default
        dialog.first.setText(PASSPHRASE)
        dialog.second.setText("something else")
        dialog._check()
        assert dialog.isVisible() and "not the same" in dialog.error.text()
        dialog.second.setText(PASSPHRASE)
        dialog._check()

    when_modal(choose)
    assert app_module.main(["--quit-after", "200"]) == 0
    assert crypto.is_encrypted(target)
    with open_store(target, passphrase=PASSPHRASE):
        pass


def test_first_run_no_encryption_is_an_explicit_choice(qtbot: QtBot) -> None:
    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, security.NewDatabaseDialog)
        dialog.plain_radio.setChecked(True)
        assert not dialog.first.isEnabled()
        dialog._check()

    when_modal(choose)
    assert app_module.main(["--quit-after", "200"]) == 0
    assert not crypto.is_encrypted(paths.default_db_path())


def test_when_encryption_does_not_work_the_first_run_says_so(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crypto, "unavailable_reason", lambda: "no SQLCipher here")
    dialog = security.NewDatabaseDialog(tmp_path / "x.db")
    qtbot.addWidget(dialog)
    assert not dialog.encrypt_radio.isEnabled() and dialog.plain_radio.isChecked()
    assert "no SQLCipher here" in dialog.unavailable.text()
    assert dialog.passphrase() is None


def test_a_damaged_database_offers_its_latest_backup(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "team.db"
    with open_store(db) as s:
        s.add_worker(Worker("Priya Raman", Role.ASYE))
        good = backup.take(s).path
    damaged = b"SQLite format 3\x00" + b"\xff" * 4000
    db.write_bytes(damaged)
    seen: list[str] = []

    def restore(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text() + " " + box.informativeText())
        [button] = [b for b in box.findChildren(QPushButton) if "Restore" in b.text()]
        button.click()

    when_modal(restore)
    assert app_module.main(["--db", str(db), "--quit-after", "200"]) == 0
    assert "damaged" in seen[0] and good.name in seen[0]
    kept = next(tmp_path.glob("team.db.before-restore-*"))
    assert kept.read_bytes() == damaged  # the damaged file, kept unchanged
    with open_store(db, create=False) as s:
        assert [w.name for w in s.list_workers()] == ["Priya Raman"]


# -- the main window: lock, backups, passphrase ----------------------------------------------------------------------


@pytest.fixture
def secret_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    store = open_store(encrypted_db(tmp_path / "secret.db"), passphrase=PASSPHRASE)
    window = MainWindow(Workspace.open(store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window.idle_lock is not None:
        window.idle_lock.stop()
    window.ws.store.close()


def _all_text(widget: QWidget) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(w.text() for w in widget.findChildren(QLabel) if w.isVisible())


def test_the_idle_lock_hides_every_record_until_the_passphrase(
    qtbot: QtBot, secret_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = secret_window
    window.go("cases")
    qtbot.waitUntil(
        lambda: (
            "CR-2026-0800"
            in " ".join(
                str(window.case_list.model.index(r, 0).data())
                for r in range(window.case_list.model.rowCount())
            )
        )
    )
    other = QWidget()  # stands for an open wizard window
    other.setWindowTitle("wizard")
    qtbot.addWidget(other)
    other.show()
    monkeypatch.setattr(security, "idle_minutes", lambda _store: 0.005)  # 300 ms
    window.start_idle_lock()
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    assert isinstance(window.centralWidget(), security.LockScreen)
    assert not other.isVisible()
    assert not window.menuBar().isEnabled()
    assert "CR-2026-0800" not in _all_text(window)
    screen = window.centralWidget()
    assert isinstance(screen, security.LockScreen)
    screen.edit.setText("wrong")
    assert not screen.try_unlock()
    assert window.locked and "Wrong passphrase" in screen.error.text()
    screen.edit.setText(PASSPHRASE)
    assert screen.try_unlock()
    assert not window.locked and other.isVisible() and window.menuBar().isEnabled()
    assert window.centralWidget() is not screen


def test_input_keeps_the_lock_away(qtbot: QtBot, secret_window: MainWindow) -> None:
    window = secret_window
    lock = security.IdleLock(window, 0.01)  # 600 ms
    window.idle_lock = lock
    for _ in range(8):
        qtbot.wait(150)
        qtbot.keyClick(window, "a")
    assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=3000)


def test_a_plain_database_has_no_lock(qtbot: QtBot, ws: Workspace) -> None:
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.start_idle_lock()
    assert window.idle_lock is None and not window.lock_action.isEnabled()
    window.lock()
    assert not window.locked


def test_lock_now_from_the_file_menu(qtbot: QtBot, secret_window: MainWindow) -> None:
    secret_window.start_idle_lock()
    assert secret_window.lock_action.isEnabled()
    secret_window.lock_action.trigger()
    assert secret_window.locked


def test_locking_forgets_the_unlocked_signing_keys(qtbot: QtBot, secret_window: MainWindow) -> None:
    from cowork_desktop.services import signing_keys

    signing_keys.SIGNERS.put("/tmp/manager.p12", object())  # type: ignore[arg-type]
    secret_window.start_idle_lock()
    secret_window.lock()
    assert len(signing_keys.SIGNERS) == 0


def test_back_up_now_and_restore(
    qtbot: QtBot, secret_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = secret_window
    info = _capture(monkeypatch, "information")
    window.backup_action.trigger()
    made = backup.list_backups(window.ws.store.path)
    assert len(made) == 1 and "Backed up and checked" in info[0]
    window.ws.store.add_worker(Worker("Added Later", Role.SOCIAL_WORKER))
    asked: list[str] = []

    def passphrase_then_confirm(dialog: QWidget) -> None:
        type_and_accept(PASSPHRASE)(dialog)
        when_modal(confirm_restore(asked))

    when_modal(passphrase_then_confirm)
    assert security.restore_backup(window, made[0].path)
    assert asked[0].startswith(f"The backup {made[0].path.name} was taken less than a minute ago (")
    assert "Everything signed or drafted in the database now is in the backup." in asked[0]
    assert [w.name for w in window.ws.store.list_workers()] == ["Zoë Ó Súilleabháin"]
    assert "kept as" in info[-1]
    assert window.ws.store.encrypted


def test_change_the_passphrase(qtbot: QtBot, secret_window: MainWindow) -> None:
    store: Store = secret_window.ws.store
    dialog = security.ChangePassphraseDialog(store, secret_window)
    qtbot.addWidget(dialog)
    dialog.current.setText("wrong one")
    dialog.first.setText("new passphrase here")
    dialog.second.setText("new passphrase here")
    dialog._change()
    assert "current passphrase is wrong" in dialog.error.text()
    dialog.current.setText(PASSPHRASE)
    dialog.second.setText("short")
    dialog._change()
    assert "not the same" in dialog.error.text()
    dialog.second.setText("new passphrase here")
    dialog._change()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert crypto.passphrase_opens(store.path, "new passphrase here")
    assert not crypto.passphrase_opens(store.path, PASSPHRASE)


def test_first_run_dialog_fields(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = security.NewDatabaseDialog(tmp_path / "x.db")
    qtbot.addWidget(dialog)
    radios = dialog.findChildren(QRadioButton)
    assert {r.text() for r in radios} == {
        "Protect this database with a passphrase (recommended)",
        "No encryption",
    }
    fields = [e for e in dialog.findChildren(QLineEdit) if e.echoMode() == QLineEdit.EchoMode.Password]
    assert len(fields) == 2
    dialog.first.setText("short")
    dialog.second.setText("short")
    dialog._check()
    assert "at least 8" in dialog.error.text()


@pytest.mark.parametrize(
    "weak",
    ["a", " ", " " * 10, "aaaaaaaaaa", "long pass\x00phrase"],
    ids=["one character", "a single space", "only spaces", "one character repeated", "NUL"],
)
def test_the_dialogs_apply_the_one_passphrase_rule_with_the_cli_s_words(
    qtbot: QtBot,
    tmp_path: Path,
    weak: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cowork_desktop.cli import main
    from cowork_desktop.domain.passphrases import new_passphrase_problem

    rule = new_passphrase_problem(weak)
    assert rule is not None
    assert security.new_passphrase_problem(weak, weak) == rule
    dialog = security.NewDatabaseDialog(tmp_path / "x.db")
    qtbot.addWidget(dialog)
    dialog.first.setText(weak)
    dialog.second.setText(weak)
    dialog._check()
    assert dialog.error.text() == rule and dialog.result() != QDialog.DialogCode.Accepted
    # the cowork command refuses it with the same sentence (an environment variable cannot hold a NUL)
    if "\x00" not in weak and crypto.available():
        monkeypatch.setenv("WEAK_PASS", weak)
        assert (
            main(["init", "--db", str(tmp_path / "x.db"), "--encrypt", "--passphrase-env", "WEAK_PASS"]) == 1
        )
        assert rule.rstrip(".") in capsys.readouterr().err
        assert not (tmp_path / "x.db").exists()
    assert security.new_passphrase_problem(PASSPHRASE, PASSPHRASE) == ""
    assert (
        security.new_passphrase_problem(PASSPHRASE, PASSPHRASE + "!")
        == "The two passphrases are not the same."
    )


# -- privacy --------------------------------------------------------------------------------------------------------


def test_the_case_dialog_warns_gently_about_identifiers(qtbot: QtBot, store: Store) -> None:
    dialog = CaseDialog(store)
    qtbot.addWidget(dialog)
    hint = dialog.privacy_hints["reference"]
    dialog.reference_edit.setText("SW1A 1AA")
    hint.check_now()
    assert "postcode" in hint.message() and "data minimisation" in hint.message()
    dialog.reference_edit.setText("CR-2026-0102")
    hint.check_now()
    assert hint.message() == ""


def test_privacy_hint_watches_a_text_box(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    edit = QPlainTextEdit()
    hint = PrivacyHint().watch(edit)
    qtbot.addWidget(edit)
    qtbot.addWidget(hint)
    edit.setPlainText("Call mum on 07700 900123, DOB 01/02/2015")
    qtbot.waitUntil(lambda: bool(hint.message()), timeout=2000)
    assert "a phone number" in hint.message() and "a date of birth" in hint.message()
    assert edit.accessibleDescription() == hint.message()
