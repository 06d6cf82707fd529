"""Verify a PDF: a good signed case note, a tampered copy, an amended record's earlier version, a draft print, a
file that is not a PDF, with and without a database, chosen, dropped, and from the main window's Tools menu."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.models import Record, RecordStatus
from cowork_desktop.export.signing import Signer, create_certificate, load_signer
from cowork_desktop.services import export
from cowork_desktop.services.demo import DEMO_ORGANISATION, MANAGER_NAME, load_demo
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.db import open_store
from cowork_desktop.ui.verify_dialog import VerifyDialog

PASSPHRASE = b"correct horse battery"
TODAY = date(2026, 11, 23)


@dataclass
class Files:
    db: Path
    good: Path
    tampered: Path
    superseded: Path
    draft: Path
    signed_id: int


def _signed(ws: Workspace) -> list[Record]:
    return [
        r
        for c in ws.store.list_cases()
        for r in ws.store.records_for_case(c.id or 0)
        if r.status == RecordStatus.SIGNED
    ]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Files]:
    """A demo database, and files exported from it: good, tampered (one byte flipped), superseded, draft."""
    folder = tmp_path_factory.mktemp("verify")
    store = open_store(folder / "demo.db", actor="test-manager")
    ws = Workspace.open(store)
    load_demo(ws, TODAY)
    cert = create_certificate(MANAGER_NAME, DEMO_ORGANISATION, folder / "manager.p12", PASSPHRASE)
    signer: Signer = load_signer(cert, PASSPHRASE)
    signed = _signed(ws)
    current = next(r for r in signed if not any(o.supersedes_id == r.id for o in signed))
    older = next(r for r in signed if any(o.supersedes_id == r.id for o in signed))
    assert current.id is not None and older.id is not None
    good = export.export_record(ws, current.id, folder / "good.pdf", signer=signer)
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = folder / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    superseded = export.export_record(ws, older.id, folder / "superseded.pdf", signer=signer)
    draft_record = next(
        r
        for c in ws.store.list_cases()
        for r in ws.store.records_for_case(c.id or 0)
        if r.status != RecordStatus.SIGNED
    )
    assert draft_record.id is not None
    draft = export.export_record(ws, draft_record.id, folder / "draft.pdf", draft=True)
    store.close()
    yield Files(folder / "demo.db", good, tampered, superseded, draft, current.id)


@pytest.fixture
def demo_ws(files: Files, tmp_path: Path) -> Iterator[Workspace]:
    db = tmp_path / "demo.db"
    shutil.copy(files.db, db)
    store = open_store(db, actor="test-manager")
    yield Workspace.open(store)
    store.close()


def dialog_for(qtbot: QtBot, ws: Workspace | None) -> VerifyDialog:
    dialog = VerifyDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def row(dialog: VerifyDialog, key: str) -> str:
    return dialog.rows[key].text()


def test_a_good_file_is_intact_and_matches_the_database(
    qtbot: QtBot, demo_ws: Workspace, files: Files
) -> None:
    dialog = dialog_for(qtbot, demo_ws)
    report = dialog.check_file(files.good)
    assert report is not None and report.ok(require_database=True)
    assert row(dialog, "signer") == f"• Signed by {MANAGER_NAME}"
    assert row(dialog, "time").startswith("• Signed on ")
    assert row(dialog, "intact").startswith("✓ Intact")
    assert row(dialog, "coverage").startswith("✓ Covers the whole file")
    assert "not trusted (self-signed)" in row(dialog, "trust") and "expected" in row(dialog, "trust")
    assert not row(dialog, "trust").startswith("✗")  # calm: not shown as a failure
    assert row(dialog, "database").startswith("✓ Matches the database")
    assert f"record {files.signed_id}" in row(dialog, "database")
    assert dialog.verdict.text().startswith("✓ Genuine")
    assert dialog.problems.isHidden()
    assert dialog.preview.page_count() >= 1
    assert str(files.good) in dialog.file_label.text()


def test_a_tampered_copy_is_not_intact(qtbot: QtBot, demo_ws: Workspace, files: Files) -> None:
    dialog = dialog_for(qtbot, demo_ws)
    report = dialog.check_file(files.tampered)
    assert report is not None and not report.ok()
    assert row(dialog, "intact").startswith("✗ Not intact")
    assert dialog.verdict.text().startswith("✗ Do not rely on this file")
    assert dialog.rows["intact"].property("role") == "error"
    assert not dialog.problems.isHidden() and "changed after signing" in dialog.problems.text()


def test_an_earlier_version_notes_it_was_superseded(qtbot: QtBot, demo_ws: Workspace, files: Files) -> None:
    dialog = dialog_for(qtbot, demo_ws)
    report = dialog.check_file(files.superseded)
    assert report is not None and report.ok(require_database=True)
    assert row(dialog, "database").startswith("✓ Matches the database")
    assert "superseded by version 2" in row(dialog, "database")


def test_without_a_database_the_file_is_checked_but_not_compared(qtbot: QtBot, files: Files) -> None:
    dialog = dialog_for(qtbot, None)
    dialog.check_file(files.good)
    assert row(dialog, "intact").startswith("✓ Intact")
    assert row(dialog, "database").startswith("• Not compared with the database")
    assert "not compared with a database" in dialog.verdict.text()


def test_a_different_database_does_not_match(qtbot: QtBot, ws: Workspace, files: Files) -> None:
    load_demo(ws, date(2026, 11, 24))  # same ids, different records
    dialog = dialog_for(qtbot, ws)
    report = dialog.check_file(files.good)
    assert report is not None and report.matches_database is False
    assert row(dialog, "database").startswith("✗ Does not match the database")
    assert dialog.verdict.text().startswith("✗ Do not rely on this file: it is not the record")


def test_a_draft_print_or_a_non_pdf_cannot_be_verified(
    qtbot: QtBot, demo_ws: Workspace, files: Files, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, demo_ws)
    assert dialog.check_file(files.draft) is None
    assert dialog.verdict.text() == "✗ This file cannot be verified. The file has no digital signature."
    assert dialog.checks_box.isHidden()
    assert dialog.preview.page_count() >= 1  # still shown
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf")
    assert dialog.check_file(junk) is None
    assert dialog.verdict.text().startswith("✗ This file cannot be verified")
    assert dialog.preview.page_count() == 0
    assert dialog.check_file(tmp_path / "missing.pdf") is None
    assert "no such file" in dialog.verdict.text()


def test_choose_and_drop(
    qtbot: QtBot, demo_ws: Workspace, files: Files, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = dialog_for(qtbot, demo_ws)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(files.good), "PDF files (*.pdf)")
    )
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.report is not None and dialog.path == files.good

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files.tampered))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(drop)
    assert dialog.path == files.tampered
    assert row(dialog, "intact").startswith("✗ Not intact")


def test_the_tools_menu_opens_the_verify_dialog(qtbot: QtBot, demo_ws: Workspace) -> None:
    from cowork_desktop.ui.main_window import MainWindow

    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    tools = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Tools")
    assert window.verify_pdf_action in tools.actions()
    window.verify_pdf_action.trigger()
    dialog = window.findChild(VerifyDialog)
    assert dialog is not None and dialog.isVisible() and dialog.ws is demo_ws
    dialog.close()
