"""Start the desktop app: open the store, load the forms, apply the theme, show the main window.

A database or forms problem is shown as one line in a message box and the app exits with 1: never a traceback.
Anything unexpected later is written to the log (``cowork_desktop.logs``) and said in one message box: "Something
went wrong. Nothing you saved was lost. Details are in <log>".

The app holds the database it opens (``store/owner.py``): a second window on the same database is told which
process has it, since when, and may open it read-only.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from cowork_desktop import __version__, logs, paths
from cowork_desktop.atomic import write_atomic
from cowork_desktop.domain.errors import (
    CoworkError,
    DamagedDatabase,
    HeldElsewhere,
    ReadOnlyDatabase,
)
from cowork_desktop.services import backups, database
from cowork_desktop.services.database import Opened, OwnerLock

TITLE = "cowork-desktop"
SCREENSHOT_DELAY_MS = 600
#: the daily backup waits until the window is up, so it never slows the start
BACKUP_DELAY_MS = 1500
#: the page check (every page of the file reads back) starts just after the first paint, on a thread of its own
#: with its own connection; anything written before it has passed waits for it (``Store.tx``). The evidence
#: check (every signed record's hash, the audit chain) follows it, on its own thread too.
PAGE_CHECK_MS = 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The options. Without a console (the Windows GUI build, pythonw), ``--help``, ``--version`` and a usage
    error are shown in a message box instead of being written nowhere."""
    parser = _parser()
    args = list(argv) if argv is not None else None
    if sys.stdout is not None and sys.stderr is not None:
        return parser.parse_args(args)
    said = io.StringIO()
    try:
        with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
            return parser.parse_args(args)
    except SystemExit as exc:
        _application()
        icon = QMessageBox.Icon.Information if not exc.code else QMessageBox.Icon.Critical
        QMessageBox(icon, TITLE, said.getvalue().strip() or TITLE).exec()
        raise


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cowork-desktop", description="Co-working cases, offline.")
    parser.add_argument("--db", type=Path, default=None, help="the database file (default: your data folder)")
    parser.add_argument("--forms", type=Path, default=None, help="a folder of form files to use instead")
    parser.add_argument("--quit-after", type=int, default=None, metavar="MS", help="close after MS ms")
    parser.add_argument(
        "--screenshot", type=Path, default=None, metavar="FILE", help="save a PNG of the window"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _unexpected(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """The excepthook: log it (never answers, names or passphrases) and say so in one message box."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    path = logs.log_exception(kind, exc, tb)
    with contextlib.suppress(Exception):
        _application()
        QMessageBox.critical(QApplication.activeWindow(), TITLE, logs.excepthook_message(path))


def _thread_unexpected(args: threading.ExceptHookArgs) -> None:
    """A background thread's error goes to the log only (the evidence check and backups say their own)."""
    if args.exc_value is not None:
        logs.log_exception(args.exc_type, args.exc_value, args.exc_traceback)


def _offer_read_only(exc: HeldElsewhere) -> bool:
    """The database is open in another window: say who has it, and offer it read-only. True to open it so."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, f"{TITLE}: open elsewhere", str(exc).split(": close it")[0] + "."
    )
    box.setInformativeText(
        "Two windows writing the same records would lose each other's work. Open it read-only here (nothing can be "
        "changed), or quit and use the other window."
    )
    read_only = box.addButton("Open &read-only", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read_only)
    box.exec()
    return box.clickedButton() is read_only


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([sys.argv[0] if sys.argv else TITLE])
    app.setApplicationName(TITLE)
    app.setOrganizationName("cowork")
    app.setApplicationDisplayName(TITLE)
    from cowork_desktop.ui import accessibility

    accessibility.install()  # titles as headings: after the application, whose own factory Qt would ask first
    return app


def _fail(message: str) -> int:
    QMessageBox.critical(None, f"{TITLE}: cannot start", message)
    return 1


def _first_run_passphrase(db_path: Path) -> tuple[bool, str | None]:
    """The default database does not exist yet: passphrase (recommended) or no encryption. (False, _) if cancelled."""
    from cowork_desktop.ui.security import NewDatabaseDialog

    dialog = NewDatabaseDialog(db_path)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False, None
    return True, dialog.passphrase()


def _offer_restore(
    exc: DamagedDatabase, db_path: Path, passphrase: str | None, held: OwnerLock | None = None
) -> bool:
    """Say the file is damaged and offer its latest good backup (``ui.security.offer_restore``)."""
    from cowork_desktop.ui.security import offer_restore

    return offer_restore(None, exc, db_path, passphrase, held, title=TITLE)


def _open(
    db_path: Path,
    passphrase: str | None,
    *,
    held: OwnerLock | None,
    read_only_why: str | None,
    forms: Path | None,
) -> Opened | None:
    """Open the database for the window (the cheap checks: header, schema; the pages are checked after the first
    paint); a damaged file offers its latest good backup (the damaged file is kept, never modified)."""
    try:
        return database.open_workspace(
            db_path, passphrase, lock=held, read_only_why=read_only_why, forms_dir=forms
        )
    except DamagedDatabase as exc:
        if read_only_why is not None:  # another window has it: the restore is that window's to offer
            _fail(str(exc))
            return None
        if not _offer_restore(exc, db_path, passphrase, held):
            return None
        try:
            return database.open_workspace(db_path, passphrase, lock=held, forms_dir=forms)
        except CoworkError as again:
            _fail(str(again))
            return None
    except CoworkError as exc:
        _fail(str(exc))
        return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app. While it runs, anything unexpected is logged and said in one message box (the hooks it
    replaces are put back when it returns)."""
    logs.configure("gui", list(argv) if argv is not None else sys.argv[1:])
    hooks = (sys.excepthook, threading.excepthook)
    sys.excepthook, threading.excepthook = _unexpected, _thread_unexpected
    try:
        return _run(argv)
    finally:
        sys.excepthook, threading.excepthook = hooks


def _run(argv: Sequence[str] | None) -> int:
    args = parse_args(argv)
    app = _application()
    from cowork_desktop.ui.help import app_icon, install_translator

    install_translator(app)
    app.setWindowIcon(app_icon())
    db_path: Path = args.db or paths.default_db_path()

    passphrase: str | None = None
    if args.db is None and not db_path.exists():
        chosen, passphrase = _first_run_passphrase(db_path)
        if not chosen:
            return 0
    elif database.is_encrypted(db_path):
        from cowork_desktop.ui.security import ask_passphrase

        passphrase = ask_passphrase(db_path)
        if passphrase is None:
            return 1
    if passphrase is not None:
        logs.protect_value(passphrase)
    lock: OwnerLock | None = None
    read_only_why: str | None = None
    try:
        lock = backups.take_ownership(db_path)
    except HeldElsewhere as exc:
        if not _offer_read_only(exc):
            return 0
        read_only_why = str(exc).split(": close it")[0].replace(f"{db_path} is ", "it is ", 1)
    except ReadOnlyDatabase:
        pass  # nothing can be written beside it: open_store opens it read-only and says why
    # The page check (quick_check reads every page: about 3 s for 2.4 GB) runs on a thread after the first paint,
    # and anything written waits for it (see page_check_reported below).
    opened = _open(db_path, passphrase, held=lock, read_only_why=read_only_why, forms=args.forms)
    held: list[str | None] = [passphrase]  # only until the page check has reported, for a restore
    for_check: list[str | None] = [passphrase]  # only until the checks have opened their connections
    passphrase = None  # not kept: SQLCipher has the key it needs
    if opened is None:
        if lock is not None:
            lock.release()
        return 1
    ws, source = opened.ws, opened.source
    store = ws.store

    # imported here so a start-up failure above stays cheap and the message box comes up fast
    from cowork_desktop.ui import recent
    from cowork_desktop.ui.main_window import MainWindow
    from cowork_desktop.ui.theme import apply_saved_theme

    apply_saved_theme(app)
    try:
        window = MainWindow(ws, args.forms)
    except DamagedDatabase as damaged:
        # a damaged page read while building the first screen (possible when the page check is deferred)
        store.close()
        if source is not None:
            source.close()
        if lock is not None:
            lock.release()
        found = database.latest_backup(damaged, db_path, held[0])
        restored = _offer_restore(found, db_path, held[0], lock)
        if lock is not None:
            lock.release()
        if restored:
            held[0] = None
            return _run(argv)  # start again on the restored file (checked in full when it opens)
        return 1
    window.start_backups(source)
    window.show()
    recent.remember(db_path)  # File ▸ Open recent
    window.show_store_notes()
    window.start_idle_lock()
    from cowork_desktop.services.settings import needs_first_run

    if needs_first_run(ws.store):  # checked first: the welcome's module (and pyHanko) loads only when due
        from cowork_desktop.ui.first_run import offer_first_run

        offer_first_run(window)  # window-modal over the window: the first start's welcome
    backup_timer = QTimer(window)
    backup_timer.setSingleShot(True)
    backup_timer.timeout.connect(window.start_daily_backup)
    backup_timer.start(BACKUP_DELAY_MS)

    def page_check_reported(exc: DamagedDatabase) -> None:
        """A damaged page: nothing was written (writes wait for the check); offer the latest good backup."""
        path = window.ws.store.path
        passphrase_now = held[0] if path == db_path else None
        held[0] = None
        backup_timer.stop()
        window.hide()
        window.ws.store.close()  # the damaged file stays as it is
        found = database.latest_backup(exc, path, passphrase_now)
        if _offer_restore(found, path, passphrase_now, lock) and window.switch_database(path, passphrase_now):
            window.show()
        else:
            app.exit(1)

    window.database_damaged.connect(page_check_reported)
    window.page_check_done.connect(lambda: held.__setitem__(0, None))

    def start_checks() -> None:
        passphrase_for_check, for_check[0] = for_check[0], None
        window.start_checks(passphrase_for_check)

    QTimer.singleShot(PAGE_CHECK_MS, start_checks)  # after the first paint, each on a thread of its own

    if args.screenshot is not None:
        target: Path = args.screenshot

        def grab() -> None:
            target.parent.mkdir(parents=True, exist_ok=True)
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            window.grab().save(buffer, "PNG")
            write_atomic(
                target, bytes(data.data()), replace=True
            )  # owner-only, like every file the app writes

        QTimer.singleShot(SCREENSHOT_DELAY_MS, grab)
    if args.quit_after is not None:

        def finish() -> None:
            window.close()
            app.quit()

        QTimer.singleShot(max(args.quit_after, SCREENSHOT_DELAY_MS + 100 if args.screenshot else 0), finish)

    try:
        code = app.exec()
    finally:
        backup_timer.stop()
        if window.idle_lock is not None:
            window.idle_lock.stop()
        window.finish_backups()  # the window has gone: a last backup if anything changed, then the lock goes
        window.ws.store.close()
        window.release_database()
        window.deleteLater()
    return int(code)
