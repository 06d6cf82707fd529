"""The evidence check at start-up: ``cowork check`` on a thread of its own, just after the first paint, and a
banner when something does not check.

The check (:func:`cowork_desktop.services.integrity.check_database`) runs in a process of its own
(:mod:`cowork_desktop.services.check_process`) with its own read-only connection, so the window stays usable while
it reads every signed record and the audit chain. When it finds a problem the banner
names it (all of them under "Details…"), says what it means, and offers the ways out: restore the latest backup
that checks (looked for on the same thread), and, when only triggers or indexes are missing, put them back. A
database whose protections are missing refuses every save until then (``Store.tx``), so the banner explains the
refusals the manager would otherwise meet one by one.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.services import database
from cowork_desktop.services.backups import Backup
from cowork_desktop.services.check_process import check_in_process
from cowork_desktop.services.database import AuditRef
from cowork_desktop.services.integrity import CheckReport
from cowork_desktop.ui.widgets import wrapped_label

if TYPE_CHECKING:
    from cowork_desktop.ui.host import HostWindow


class _Result:
    def __init__(
        self,
        report: CheckReport | None,
        backup: Backup | None,
        error: str = "",
        walked: AuditRef | None = None,
    ) -> None:
        self.report = report
        self.backup = backup
        self.error = error
        #: the chain's head as far as the check walked it and found it whole
        self.walked = walked


class IntegrityCheck(QObject):
    """Runs the check on a daemon thread; ``finished`` is delivered on the GUI thread."""

    finished = Signal(object)

    def __init__(self, path: Path, passphrase: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._passphrase = passphrase
        self.worker: threading.Thread | None = None

    def start(self) -> None:
        self.worker = threading.Thread(target=self._run, name="evidence-check", daemon=True)
        self.worker.start()

    def _run(self) -> None:
        passphrase, self._passphrase = self._passphrase, None  # held only until the check has opened the file
        try:
            # in a process of its own (services.check_process): this thread only waits for its answer
            report, found = check_in_process(self.path, passphrase)
            result = _Result(report, found, walked=report.walked)
        except Exception as exc:  # the check must never take the app down: say it could not run
            result = _Result(None, None, str(exc) or type(exc).__name__)
        with contextlib.suppress(RuntimeError):  # the window closed while the check ran: nobody to tell
            self.finished.emit(result)


class IntegrityBanner(QFrame):
    """What failed, in words, with the ways out. Hidden while the database checks."""

    def __init__(self) -> None:
        super().__init__()
        self.report: CheckReport | None = None
        self.backup: Backup | None = None
        self.setObjectName("integrityBanner")
        self.setAccessibleName(self.tr("The database does not check"))
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 8, 24, 8)
        column.setSpacing(4)
        self.title = QLabel(
            self.tr("✗ This database does not check: a signed record or its audit log was changed")
        )
        self.title.setObjectName("integrityTitle")
        self.title.setProperty("role", "error")
        self.title.setWordWrap(True)
        column.addWidget(self.title)
        self.text = wrapped_label("integrityText")
        column.addWidget(self.text)
        buttons = QHBoxLayout()
        self.details_button = QPushButton(self.tr("&Details…"))
        self.details_button.setObjectName("integrityDetails")
        self.details_button.clicked.connect(self.show_details)
        self.restore_button = QPushButton(self.tr("&Restore the latest backup that checks…"))
        self.restore_button.setObjectName("integrityRestore")
        self.restore_button.clicked.connect(self.restore)
        self.repair_button = QPushButton(self.tr("Put the &protections back"))
        self.repair_button.setObjectName("integrityRepair")
        self.repair_button.clicked.connect(self.repair)
        for button in (self.details_button, self.restore_button, self.repair_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.hide()

    def main_window(self) -> HostWindow:
        """The window the banner is in (not held: a reference would keep a closed window's wrapper alive)."""
        window = self.window()
        assert hasattr(window, "start_integrity_check")
        return window  # type: ignore[return-value]

    def show_result(self, result: _Result) -> None:
        window = self.main_window()
        if result.report is None:
            window.statusBar().showMessage(f"The evidence check could not run: {result.error}", 15000)
            self.hide()
            return
        report = result.report
        self.report, self.backup = report, result.backup
        if report.ok:
            self.hide()
            window.statusBar().showMessage(f"Checked: {report.summary}.", 10000)
            return
        first = report.findings[0].message
        more = len(report.findings) - 1
        lines = [first[:1].upper() + first[1:] + (f" (and {more} more)." if more else ".")]
        if report.protections_missing:
            lines.append(
                "Its protections are missing, so nothing can be saved to it until they are put back or a backup "
                "is restored."
            )
        lines.append("A record that does not check is never exported as signed.")
        if result.backup is not None:
            taken = result.backup.taken_at.astimezone()
            lines.append(
                f"The latest backup that checks was taken on {taken:%d %b %Y at %H:%M} ({result.backup.path.name}): "
                "anything saved since is only in this file, which a restore keeps."
            )
        else:
            lines.append("No backup of this database checks.")
        window.statusBar().showMessage(
            f"The evidence check found {len(report.findings)} problem(s): see the banner above.", 0
        )
        self.text.setText(" ".join(lines))
        self.restore_button.setVisible(result.backup is not None)
        repairable = report.protections_missing and all(
            p.repairable or p.kind == "unexpected" for p in report.protections
        )
        self.repair_button.setVisible(repairable)
        self.show()

    def show_details(self) -> None:
        if self.report is None:
            return
        box = QMessageBox(self)
        box.setObjectName("integrityDetailsBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("What does not check"))
        box.setText(self.report.summary)
        box.setDetailedText("\n".join(f"✗ {f.message}" for f in self.report.findings))
        box.setInformativeText(
            self.tr(
                "Someone changed the database outside cowork-desktop, or the file was damaged. Keep this file for "
                "an investigation: a restore keeps it beside the restored one. The command 'cowork check' lists "
                "the same problems."
            )
        )
        box.exec()

    def restore(self) -> bool:
        if self.backup is None:
            return False
        from cowork_desktop.ui.security import restore_backup

        done = restore_backup(self.main_window(), self.backup.path)
        if done:
            self.hide()
        return done

    def repair(self) -> list[str]:
        try:
            done = database.restore_protections(self.main_window().ws.store)
        except CoworkError as exc:
            QMessageBox.warning(self, self.tr("Put the protections back"), str(exc))
            return []
        self.main_window().start_integrity_check(
            None
        )  # a plain database: an encrypted one is checked by the app
        QMessageBox.information(
            self,
            self.tr("Put the protections back"),
            "Done, and written to the audit log:\n" + "\n".join(f"• {d}" for d in done),
        )
        return done
