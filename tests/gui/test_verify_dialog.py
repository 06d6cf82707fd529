"""Verify a PDF: a good signed case note (valid), a tampered copy and a file from another database (NOT valid,
with their findings), an amended record's earlier version, the same file without a database (signer not
known here, then valid once its certificate is trusted), a draft print, a file that is not a PDF, chosen,
dropped, and from the main window's Tools menu; and the export dialog's line for a file that is not valid."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from helpers.demo import demo_workspace, manager_certificate, workspace_copy
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.models import Record, RecordStatus
from cowork_desktop.export.signing import Signer, load_signer
from cowork_desktop.services import export, trust
from cowork_desktop.services.demo import DEMO_ORGANISATION, MANAGER_NAME, load_demo
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.export_dialog import confirmation
from cowork_desktop.ui.verify_dialog import CHECKS, VerifyDialog

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
    certificate: Path  # the manager's public certificate (.crt), as a colleague would be sent it


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
    with demo_workspace(folder / "demo.db") as ws:
        cert = manager_certificate(folder, PASSPHRASE, DEMO_ORGANISATION)
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
    yield Files(folder / "demo.db", good, tampered, superseded, draft, current.id, cert.with_suffix(".crt"))


@pytest.fixture
def demo_ws(files: Files, tmp_path: Path) -> Iterator[Workspace]:
    with workspace_copy(files.db, tmp_path / "demo.db") as ws:
        yield ws


def dialog_for(qtbot: QtBot, ws: Workspace | None) -> VerifyDialog:
    dialog = VerifyDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def row(dialog: VerifyDialog, key: str) -> str:
    return dialog.rows[key].text().replace("\u200b", "")


def problems(dialog: VerifyDialog) -> list[str]:
    return [label.text().replace("\u200b", "") for label in dialog.problem_labels]


def assert_every_row_is_named(dialog: VerifyDialog) -> None:
    """Every check shown has words for a screen reader that say whether it passed (not only a mark)."""
    for key in CHECKS:
        label = dialog.rows[key]
        if label.isHidden():
            continue
        mark = label.text()[0]
        status = {"✓": "Passed: ", "✗": "Problem: ", "•": "Note: "}[mark]
        assert label.accessibleName().startswith(status), key
    assert dialog.verdict.accessibleName() and dialog.summary.accessibleName()


def test_a_good_file_is_valid_and_matches_the_database(
    qtbot: QtBot, demo_ws: Workspace, files: Files
) -> None:
    dialog = dialog_for(qtbot, demo_ws)
    report = dialog.check_file(files.good)
    assert report is not None and report.verdict == export.Verdict.VALID and report.ok(require_database=True)
    assert dialog.verdict.text() == "✓ Valid"
    summary = dialog.summary.text()
    assert f"Signed by {MANAGER_NAME}, intact, and exactly record {files.signed_id}" in summary
    assert "as kept in demo.db and exported from it" in summary
    facts = report.result.certificate
    assert facts is not None
    assert row(dialog, "signer") == (
        f"• Signed by {MANAGER_NAME}, certificate {facts.short_fingerprint}… (SHA-256)"
    )
    assert "SHA-256 fingerprint" in dialog.rows["signer"].toolTip()
    # the manager's own certificate is self-signed: known to the database, said calmly
    assert row(dialog, "trust").startswith("✓ Signer trusted: known to this database")
    assert "self-signed" in row(dialog, "trust") and "expected" in row(dialog, "trust")
    assert row(dialog, "time").startswith("• Signed on ")
    assert row(dialog, "intact").startswith("✓ Intact")
    assert row(dialog, "coverage").startswith("✓ Covers the whole file")
    assert row(dialog, "certified") == "✓ Certified: no changes are allowed after signing."
    assert row(dialog, "record").startswith(f"• The file is record {files.signed_id}, version ")
    assert report.case_reference and report.case_reference in row(dialog, "record")
    assert row(dialog, "database").startswith("✓ Matches the database")
    assert f"record {files.signed_id}" in row(dialog, "database")
    assert row(dialog, "exported").startswith("✓ Exported from this database")
    assert all(dialog.rows[key].property("role") != "error" for key in CHECKS)
    assert dialog.problems.isHidden() and dialog.notes.isHidden()
    assert_every_row_is_named(dialog)
    assert dialog.preview.page_count() >= 1
    assert str(files.good) in dialog.file_label.text().replace("\u200b", "")


def test_a_tampered_copy_is_not_valid_and_lists_its_findings(
    qtbot: QtBot, demo_ws: Workspace, files: Files
) -> None:
    dialog = dialog_for(qtbot, demo_ws)
    report = dialog.check_file(files.tampered)
    assert report is not None and report.verdict == export.Verdict.NOT_VALID and not report.ok()
    assert dialog.verdict.text() == "✗ NOT valid: do not rely on this file"
    assert dialog.verdict.property("role") == "error"
    assert dialog.summary.text().startswith("It was changed after it was signed.")
    assert row(dialog, "intact").startswith("✗ Not intact")
    assert dialog.rows["intact"].property("role") == "error"
    assert row(dialog, "exported").startswith("✗ Not exported from this database")
    assert not dialog.problems.isHidden()
    assert problems(dialog) == [f"✗ {finding}" for finding in report.findings]
    assert any("changed after signing" in line for line in problems(dialog))
    assert all(label.accessibleName() in report.findings for label in dialog.problem_labels)
    assert_every_row_is_named(dialog)


def test_an_earlier_version_notes_it_was_superseded(qtbot: QtBot, demo_ws: Workspace, files: Files) -> None:
    dialog = dialog_for(qtbot, demo_ws)
    report = dialog.check_file(files.superseded)
    assert report is not None and report.ok(require_database=True)
    assert row(dialog, "database").startswith("✓ Matches the database")
    assert "superseded by version 2" in row(dialog, "database")
    assert report.verdict == export.Verdict.SUPERSEDED
    assert dialog.verdict.text() == "• Valid, but superseded: not the current record"
    assert "A later version corrects it: version 2" in dialog.summary.text()


def test_without_a_database_the_signer_is_not_known_here_and_the_next_step_is_said(
    qtbot: QtBot, files: Files
) -> None:
    dialog = dialog_for(qtbot, None)
    report = dialog.check_file(files.good)
    assert report is not None and report.verdict == export.Verdict.SIGNER_NOT_KNOWN and not report.ok()
    assert dialog.verdict.text() == "• Intact, but the signer is not known here"
    assert dialog.verdict.property("role") != "error"
    summary = dialog.summary.text().replace("\u200b", "")
    assert "open the manager's database" in summary and "cowork trust add FILE.crt" in summary
    assert "Signing and trust" in summary
    facts = report.result.certificate
    assert facts is not None and facts.short_fingerprint in summary  # to compare with the manager
    assert row(dialog, "intact").startswith("✓ Intact")
    assert row(dialog, "trust").startswith("• Signer's certificate: self-signed, and not known here")
    assert row(dialog, "database") == "• Not compared with a database: none is open."
    assert row(dialog, "exported").startswith("• Not checked")
    assert dialog.problems.isHidden()
    assert_every_row_is_named(dialog)


def test_once_the_certificate_is_trusted_the_file_is_valid_without_a_database(
    qtbot: QtBot, files: Files
) -> None:
    trust.add(files.certificate)
    dialog = dialog_for(qtbot, None)
    report = dialog.check_file(files.good)
    assert report is not None and report.verdict == export.Verdict.VALID
    assert report.trust_basis == "trust list"
    assert dialog.verdict.text() == "✓ Valid"
    summary = dialog.summary.text()
    assert f"signed by {MANAGER_NAME}, whose certificate is in your trust list" in summary
    assert "Not compared with a database" in summary
    assert row(dialog, "trust").startswith("✓ Signer trusted: in your trust list")
    assert row(dialog, "database").startswith("• Not compared with a database")
    assert dialog.problems.isHidden()
    assert_every_row_is_named(dialog)
    # the trust note names a file after the whole fingerprint: it wraps, nothing runs past the panel
    width = dialog.checks_box.contentsRect().width()
    assert all(dialog.rows[key].minimumSizeHint().width() <= width for key in CHECKS)


def test_a_file_from_another_database_is_not_valid_and_lists_why(
    qtbot: QtBot, ws: Workspace, files: Files
) -> None:
    load_demo(ws, date(2026, 11, 24))  # same ids, different records
    dialog = dialog_for(qtbot, ws)
    report = dialog.check_file(files.good)
    assert report is not None and report.verdict == export.Verdict.NOT_VALID
    assert report.matches_database is False
    assert dialog.verdict.text() == "✗ NOT valid: do not rely on this file"
    assert "another database, open that one and verify it again" in dialog.summary.text()
    assert row(dialog, "intact").startswith("✓ Intact")  # the signature itself is sound
    assert row(dialog, "trust").startswith("✗ Signer's certificate: self-signed, and not known here")
    assert row(dialog, "database").startswith("✗ Does not match the database")
    assert row(dialog, "exported").startswith("✗ Not exported from this database")
    lines = problems(dialog)
    assert lines == [f"✗ {finding}" for finding in report.findings] and len(lines) >= 3
    assert any("differs from record" in line for line in lines)
    assert any("not one exported from" in line for line in lines)
    assert_every_row_is_named(dialog)
    line = confirmation(report)
    assert line.startswith(f"✗ Signed by {MANAGER_NAME} at ") and "but NOT valid" in line
    assert "does not match the record in this database" in line


def test_a_colleagues_file_is_checked_without_the_open_database_when_the_comparison_is_unticked(
    qtbot: QtBot, ws: Workspace, files: Files
) -> None:
    """A colleague's case note is not in the manager's own database: compared with it, it is not valid; unticked,
    it is checked by its signature and the trust list alone, and valid once the colleague's certificate is
    trusted."""
    load_demo(ws, date(2026, 11, 24))  # another database
    trust.add(files.certificate)
    dialog = dialog_for(qtbot, ws)
    assert dialog.compare_box.isVisible() and dialog.compare_box.isChecked()
    assert ws.store.path.name in dialog.compare_box.text()
    report = dialog.check_file(files.good)
    assert report is not None and report.verdict == export.Verdict.NOT_VALID
    dialog.compare_box.setChecked(False)  # checks the same file again
    assert dialog.report is not None and dialog.report.verdict == export.Verdict.VALID
    assert dialog.verdict.text() == "✓ Valid"
    assert row(dialog, "database").startswith("• Not compared with a database")
    without = dialog_for(qtbot, None)
    assert not without.compare_box.isVisibleTo(without)


def test_notes_are_listed_and_an_approval_signature_has_no_certified_row(
    qtbot: QtBot, demo_ws: Workspace, files: Files, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = export.verify_file(demo_ws, files.good)
    report = dataclasses.replace(
        real,
        result=dataclasses.replace(real.result, certified=False, docmdp_permission=None),
        notes=("An approval signature, not a certification.", "The certificate has expired since."),
    )
    monkeypatch.setattr(export, "verify_file", lambda *_a: report)
    dialog = dialog_for(qtbot, demo_ws)
    dialog.check_file(files.good)
    assert dialog.rows["certified"].isHidden()
    assert not dialog.notes.isHidden() and dialog.problems.isHidden()
    notes = [label.text() for label in dialog.note_labels]
    assert notes == ["• An approval signature, not a certification.", "• The certificate has expired since."]
    dialog.check_file(files.good)  # checked again: the lists are replaced, not added to
    assert len(dialog.note_labels) == 2


def test_the_export_dialog_line_says_why_a_tampered_file_is_not_valid(
    demo_ws: Workspace, files: Files
) -> None:
    line = confirmation(export.verify_file(demo_ws, files.tampered))
    assert line.startswith("✗ ") and "but NOT valid: changed after signing" in line
    good = confirmation(export.verify_file(demo_ws, files.good))
    assert good.startswith(f"✓ Signed by {MANAGER_NAME} at ") and "; valid: " in good


def test_a_draft_print_or_a_non_pdf_cannot_be_verified(
    qtbot: QtBot, demo_ws: Workspace, files: Files, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, demo_ws)
    assert dialog.check_file(files.good) is not None
    assert dialog.check_file(files.draft) is None
    assert dialog.verdict.text() == "✗ This file cannot be verified. The file has no digital signature."
    assert dialog.checks_box.isHidden() and dialog.summary.isHidden() and dialog.problems.isHidden()
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
    assert isinstance(tools, QMenu)
    assert window.verify_pdf_action in tools.actions()
    window.verify_pdf_action.trigger()
    dialog = window.findChild(VerifyDialog)
    assert dialog is not None and dialog.isVisible() and dialog.ws is demo_ws
    dialog.close()
