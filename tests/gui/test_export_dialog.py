"""Export signed PDF / Print draft PDF, the first-use certificate dialog and the PDF preview: real widgets, a real
demo database, a real certificate in a temporary folder, and the files checked with verify_file and pdftotext."""

from __future__ import annotations

import datetime
import io
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from helpers.certs import make_p12
from helpers.demo import demo_workspace, manager_certificate, workspace_copy
from helpers.modal import answer_questions
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.certificates import format_fingerprint
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.models import Record, RecordStatus
from cowork_desktop.domain.passphrases import new_passphrase_problem
from cowork_desktop.export.signing import load_signer, public_certificate_path
from cowork_desktop.services import documents, export, signing_keys
from cowork_desktop.services.demo import DEMO_ORGANISATION, MANAGER_NAME
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.services.signing_keys import SIGNERS, SignerCache
from cowork_desktop.ui import export_dialog as export_module
from cowork_desktop.ui.certificate_dialog import CertificateDialog
from cowork_desktop.ui.export_dialog import ExportDialog
from cowork_desktop.ui.pdf_preview import DEFAULT_ZOOM, PdfPreview

PASSPHRASE = "correct horse battery"
TODAY = date(2026, 11, 23)

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)"
)


# -- fixtures --------------------------------------------------------------------------------------------------
@dataclass
class Template:
    db: Path
    certificate: Path


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """The demo database and a certificate, made once; each test works on its own copies."""
    folder = tmp_path_factory.mktemp("export-template")
    with demo_workspace(folder / "demo.db"):
        pass  # closed: copied for each test
    cert = manager_certificate(folder, PASSPHRASE.encode(), DEMO_ORGANISATION)
    return Template(folder / "demo.db", cert)


@pytest.fixture
def demo_ws(template: Template, tmp_path: Path) -> Iterator[Workspace]:
    with workspace_copy(template.db, tmp_path / "demo.db") as ws:
        yield ws


@pytest.fixture
def certificate(template: Template, tmp_path: Path) -> Path:
    path = tmp_path / "cert" / "manager-signing.p12"
    path.parent.mkdir()
    shutil.copy(template.certificate, path)
    return path


def records(ws: Workspace, *statuses: RecordStatus) -> list[Record]:
    return [
        r for c in ws.store.list_cases() for r in ws.store.records_for_case(c.id or 0) if r.status in statuses
    ]


def signed_id(ws: Workspace, n: int = 0) -> int:
    record_id = records(ws, RecordStatus.SIGNED)[n].id
    assert record_id is not None
    return record_id


def draft_id(ws: Workspace) -> int:
    record_id = records(ws, RecordStatus.DRAFT, RecordStatus.AWAITING_SIGNATURES)[0].id
    assert record_id is not None
    return record_id


class SaveAs:
    """Stands in for QFileDialog.getSaveFileName: returns the given path and counts the calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, path: Path | None) -> None:
        self.path = path
        self.calls: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self)

    def __call__(
        self, _parent: Any, _caption: str, start: str = "", *_args: Any, **_kw: Any
    ) -> tuple[str, str]:
        self.calls.append(start)
        return (str(self.path) if self.path else "", "PDF files (*.pdf)")


def open_dialog(qtbot: QtBot, ws: Workspace, record_id: int, cert: Path) -> ExportDialog:
    dialog = ExportDialog(ws, record_id, certificate_path=cert)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def page_count(data: bytes) -> int:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


# -- export: a signed record -----------------------------------------------------------------------------------
def test_the_preview_shows_every_page_of_the_note(
    qtbot: QtBot, demo_ws: Workspace, certificate: Path
) -> None:
    record_id = signed_id(demo_ws)
    dialog = open_dialog(qtbot, demo_ws, record_id, certificate)
    expected = page_count(documents.render_case_note(export.build_case_note(demo_ws, record_id)))
    assert dialog.preview.page_count() == expected >= 1
    qtbot.waitUntil(lambda: 0 in dialog.preview.rendered_pages())
    assert dialog.preview.page_label.text().startswith(f"Page 1 of {expected}")
    assert dialog.save_button.isVisible() and not dialog.draft_button.isVisible()
    assert dialog.passphrase_row.isVisible()
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password


def test_save_with_the_right_passphrase_writes_a_signed_pdf_that_verifies(
    qtbot: QtBot, demo_ws: Workspace, certificate: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_id = signed_id(demo_ws)
    out = tmp_path / "out" / "note.pdf"
    out.parent.mkdir()
    save_as = SaveAs(monkeypatch, out)
    dialog = open_dialog(qtbot, demo_ws, record_id, certificate)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.saved_path == out and out.is_file()
    assert save_as.calls[0].endswith(export.record_filename(demo_ws, demo_ws.store.get_record(record_id)))
    report = export.verify_file(demo_ws, out)
    assert report.ok(require_database=True)
    assert report.result.signer_name == MANAGER_NAME
    text = dialog.result_label.text()
    assert f"✓ Signed by {MANAGER_NAME} at " in text
    assert "valid: intact, covers the whole file and matches the record in this database." in text
    assert dialog.passphrase.text() == ""  # never kept in the field
    assert not dialog.passphrase_row.isVisible()
    assert dialog.preview.pdf_bytes() == out.read_bytes()  # the preview shows the signed file now
    audit = [e for e in demo_ws.store.audit_entries("record", record_id) if e["action"] == "export"]
    assert len(audit) == 1 and str(out) in audit[0]["detail"] and PASSPHRASE not in str(audit)


def test_a_wrong_passphrase_is_said_next_to_the_field_and_nothing_is_written(
    qtbot: QtBot, demo_ws: Workspace, certificate: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    save_as = SaveAs(monkeypatch, out_dir / "note.pdf")
    dialog = open_dialog(qtbot, demo_ws, signed_id(demo_ws), certificate)
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert "Wrong passphrase" in dialog.passphrase_error.message()
    assert save_as.calls == [] and leftovers(out_dir) == []
    assert dialog.passphrase.text() == "" and len(SIGNERS) == 0
    # retry with the right one
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    assert dialog.passphrase_error.message() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (out_dir / "note.pdf").is_file()


def test_an_empty_passphrase_asks_for_it(
    qtbot: QtBot, demo_ws: Workspace, certificate: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_as = SaveAs(monkeypatch, tmp_path / "note.pdf")
    dialog = open_dialog(qtbot, demo_ws, signed_id(demo_ws), certificate)
    assert dialog.save_signed() is None
    assert "Enter the passphrase" in dialog.passphrase_error.message()
    assert save_as.calls == []


def test_the_passphrase_is_asked_once_per_session(
    qtbot: QtBot, demo_ws: Workspace, certificate: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[Path] = []
    real = signing_keys.load_signer

    def counting(path: Path, passphrase: str | bytes) -> Any:
        loads.append(Path(path))
        return real(path, passphrase)

    monkeypatch.setattr(signing_keys, "load_signer", counting)
    SaveAs(monkeypatch, tmp_path / "first.pdf")
    first = open_dialog(qtbot, demo_ws, signed_id(demo_ws, 0), certificate)
    qtbot.keyClicks(first.passphrase, PASSPHRASE)
    assert first.save_signed() == tmp_path / "first.pdf"
    first.close()

    SaveAs(monkeypatch, tmp_path / "second.pdf")
    second = open_dialog(qtbot, demo_ws, signed_id(demo_ws, 1), certificate)
    assert not second.passphrase_row.isVisible()
    assert "unlocked for this session" in second.certificate_label.text()
    assert second.save_signed() == tmp_path / "second.pdf"  # no passphrase typed
    assert len(loads) == 1
    assert export.verify_file(demo_ws, tmp_path / "second.pdf").ok(require_database=True)


def test_an_unwritable_folder_gives_one_message_and_writes_nothing(
    qtbot: QtBot, demo_ws: Workspace, certificate: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "out" / "a-file"
    blocker.parent.mkdir()
    blocker.write_text("not a folder")
    SaveAs(monkeypatch, blocker / "note.pdf")  # a folder under a regular file: even root cannot write there
    dialog = open_dialog(qtbot, demo_ws, signed_id(demo_ws), certificate)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    assert dialog.save_signed() is None
    message = dialog.error.message()
    assert message.startswith("Not saved: cannot write to") and message.endswith("Nothing was written.")
    assert message.count("Not saved") == 1
    assert leftovers(tmp_path / "out") == [blocker]
    assert not dialog.result_label.isVisible()


def _choose_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))


def test_the_whole_case_is_exported_off_the_gui_thread_with_progress(
    qtbot: QtBot, demo_ws: Workspace, certificate: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_id = signed_id(demo_ws)
    reference = demo_ws.store.get_case(demo_ws.store.get_record(record_id).case_id).reference
    _choose_folder(monkeypatch, tmp_path)
    dialog = open_dialog(qtbot, demo_ws, record_id, certificate)
    assert dialog.case_button.isVisible()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    shown: list[tuple[int, int]] = []
    runner = dialog.save_case()
    assert runner is not None and runner.dialog.isVisible() and not dialog.case_button.isEnabled()
    runner.progressed.connect(lambda done, total: shown.append((done, total)))
    qtbot.waitUntil(lambda: runner.result is not None, timeout=60000)

    written = runner.result
    assert isinstance(written, list) and written
    folder = tmp_path / export.case_folder_name(reference)
    assert sorted(written) == sorted(folder.iterdir())
    assert len(written) == len(export.signed_records(demo_ws, reference))
    assert shown and shown[-1] == (len(written), len(written)) and runner.dialog.maximum() == len(written)
    assert export.verify_file(demo_ws, written[-1]).ok(require_database=True)
    assert f"Saved {len(written)} signed PDF(s) of case {reference}" in dialog.result_label.text()
    assert not runner.dialog.isVisible() and dialog.case_button.isEnabled()


def test_cancelling_the_whole_case_keeps_no_file(
    qtbot: QtBot, demo_ws: Workspace, certificate: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    _choose_folder(monkeypatch, out)
    start = export_module.CaseExport.start

    def cancel_at_once(runner: export_module.CaseExport) -> None:
        start(runner)
        cancel = runner.dialog.findChild(QPushButton)  # the progress dialog's Cancel button
        assert cancel is not None
        cancel.click()

    monkeypatch.setattr(export_module.CaseExport, "start", cancel_at_once)
    dialog = open_dialog(qtbot, demo_ws, signed_id(demo_ws), certificate)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    before = len(demo_ws.store.entries_of("export", "record"))
    runner = dialog.save_case()
    assert runner is not None
    qtbot.waitUntil(lambda: runner.result is not None, timeout=60000)
    assert isinstance(runner.result, export.ExportCancelled)
    assert leftovers(out) == [] and dialog.error.message() == "Cancelled: no file was kept."
    assert len(demo_ws.store.entries_of("export", "record")) == before


def test_replacing_a_file_is_asked_by_name_first(
    qtbot: QtBot, demo_ws: Workspace, certificate: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out" / "note.pdf"
    out.parent.mkdir()
    out.write_bytes(b"%PDF an earlier export")
    SaveAs(monkeypatch, out.with_suffix(""))  # the name typed without .pdf: asked about note.pdf, as written
    dialog = open_dialog(qtbot, demo_ws, signed_id(demo_ws), certificate)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.No)
    assert dialog.save_signed() is None
    assert asked == [f"note.pdf already exists in {out.parent}. Replace it? The file there now will be lost."]
    assert out.read_bytes() == b"%PDF an earlier export" and leftovers(out.parent) == [out]

    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    assert dialog.save_signed() == out
    assert len(asked) == 1
    assert export.verify_file(demo_ws, out).ok(require_database=True)
    assert out.stat().st_mode & 0o777 == 0o600 and leftovers(out.parent) == [out]


def test_the_database_is_never_written_over(
    qtbot: QtBot, demo_ws: Workspace, certificate: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = demo_ws.store.path
    before = db.read_bytes()
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog = open_dialog(qtbot, demo_ws, draft_id(demo_ws), certificate)
    # picked in the save dialog: refused by name, not quietly saved as demo.db.pdf beside it
    SaveAs(monkeypatch, db)
    assert dialog.save_draft() is None
    assert "is the open cowork database" in dialog.error.message()
    assert not Path(f"{db}.pdf").exists()
    # a copy of it, by content, whatever its name; and the certificate
    disguised = tmp_path / "copy.pdf"
    shutil.copy(db, disguised)
    for target, what in ((disguised, "is an SQLite database"), (certificate, "signing certificate")):
        kept = target.read_bytes()
        SaveAs(monkeypatch, target)
        assert dialog.save_draft() is None
        assert what in dialog.error.message() and "never writes over it" in dialog.error.message()
        assert target.read_bytes() == kept
    assert asked == [] and dialog.saved_path is None
    assert db.read_bytes()[:16] == before[:16]
    assert len(records(demo_ws, RecordStatus.SIGNED)) > 0  # the database still answers


def test_without_a_certificate_the_first_use_dialog_opens_and_cancelling_it_writes_nothing(
    qtbot: QtBot, demo_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "none" / "manager-signing.p12"
    save_as = SaveAs(monkeypatch, tmp_path / "note.pdf")
    opened: list[CertificateDialog] = []

    def cancel(self: CertificateDialog) -> int:
        opened.append(self)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(CertificateDialog, "exec", cancel)
    dialog = open_dialog(qtbot, demo_ws, signed_id(demo_ws), missing)
    assert dialog.setup_button.isVisible() and not dialog.passphrase_row.isVisible()
    assert dialog.save_signed() is None
    assert len(opened) == 1 and opened[0].path == missing
    assert "No signing certificate" in dialog.error.message()
    assert save_as.calls == [] and not (tmp_path / "note.pdf").exists()


def test_creating_the_certificate_on_first_use_then_saving_asks_no_passphrase_again(
    qtbot: QtBot, demo_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data" / "manager-signing.p12"

    def create(self: CertificateDialog) -> int:
        self.new_passphrase.setText("a long passphrase")
        self.repeat_passphrase.setText("a long passphrase")
        self.submit()  # made: its fingerprint is shown
        self.ok_button.click()  # Done
        return self.result()

    monkeypatch.setattr(CertificateDialog, "exec", create)
    SaveAs(monkeypatch, tmp_path / "note.pdf")
    demo_ws.store.set_setting("manager_name", "Amara Okafor")
    dialog = open_dialog(qtbot, demo_ws, signed_id(demo_ws), path)
    assert dialog.save_signed() == tmp_path / "note.pdf"
    assert path.stat().st_mode & 0o777 == 0o600
    report = export.verify_file(demo_ws, tmp_path / "note.pdf")
    assert report.ok(require_database=True) and report.result.signer_name == "Amara Okafor"
    assert SIGNERS.get(path) is not None


def test_the_default_certificate_path_is_in_the_test_data_folder(
    qtbot: QtBot, demo_ws: Workspace, tmp_path: Path
) -> None:
    dialog = ExportDialog(demo_ws, signed_id(demo_ws))
    qtbot.addWidget(dialog)
    assert dialog.certificate_path == export.default_certificate_path()
    assert "No signing certificate yet" in dialog.certificate_label.text()


# -- export: a record not signed yet -----------------------------------------------------------------------------
@needs_poppler
def test_a_draft_offers_only_print_draft_and_the_pdf_says_draft(
    qtbot: QtBot, demo_ws: Workspace, certificate: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_as = SaveAs(monkeypatch, tmp_path / "draft")  # ".pdf" is added
    dialog = open_dialog(qtbot, demo_ws, draft_id(demo_ws), certificate)
    assert dialog.draft_button.isVisible()
    assert not dialog.save_button.isVisible() and not dialog.certificate_box.isVisible()
    assert "Only a signed record can be exported as signed" in dialog.draft_note.text()
    assert dialog.preview.page_count() >= 1
    assert dialog.save_signed() is None and "not signed" in dialog.error.message()

    qtbot.mouseClick(dialog.draft_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "draft.pdf"
    assert dialog.saved_path == out and out.is_file()
    assert save_as.calls[-1].endswith("_DRAFT.pdf")
    assert "DRAFT" in pdf_text(out)
    assert "marked DRAFT" in dialog.result_label.text()
    with pytest.raises(CoworkError, match="no digital signature"):
        export.verify_file(demo_ws, out)


def test_the_record_view_offers_export_and_opens_the_dialog(
    qtbot: QtBot, demo_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cowork_desktop.ui.wizard import RecordView

    view = RecordView(demo_ws, signed_id(demo_ws))
    qtbot.addWidget(view)
    assert view.export_button.text() == "Export signed PDF..."
    view.export_button.click()
    dialog = view.export_dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible() and dialog.signed
    dialog.close()

    draft = RecordView(demo_ws, draft_id(demo_ws))
    qtbot.addWidget(draft)
    assert draft.export_button.text() == "Print draft PDF..."


def test_the_signed_wizard_page_offers_export(qtbot: QtBot, demo_ws: Workspace) -> None:
    from cowork_desktop.ui.wizard import MeetingWizard

    wizard = MeetingWizard(demo_ws, signed_id(demo_ws))
    qtbot.addWidget(wizard)
    assert wizard.done_page.export_button.text() == "Export signed PDF..."
    dialog = wizard.export_pdf()
    assert isinstance(dialog, ExportDialog) and dialog.signed
    dialog.close()


# -- the session's keys ------------------------------------------------------------------------------------------
def test_the_signer_cache_keeps_one_key_per_certificate(certificate: Path) -> None:
    cache = SignerCache()
    assert cache.get(certificate) is None
    with pytest.raises(CoworkError, match="Wrong passphrase"):
        cache.unlock(certificate, "wrong")
    signer = cache.unlock(certificate, PASSPHRASE)
    assert cache.get(certificate.parent / ".." / certificate.parent.name / certificate.name) is signer
    cache.forget(certificate)
    assert cache.get(certificate) is None and len(cache) == 0


# -- the certificate dialog --------------------------------------------------------------------------------------
def cert_dialog(qtbot: QtBot, ws: Workspace | None, path: Path) -> CertificateDialog:
    dialog = CertificateDialog(ws, path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_create_prefills_name_and_organisation_and_checks_the_passphrase(
    qtbot: QtBot, demo_ws: Workspace, tmp_path: Path
) -> None:
    demo_ws.store.set_setting("manager_name", "Amara Okafor")
    path = tmp_path / "data" / "manager-signing.p12"
    dialog = cert_dialog(qtbot, demo_ws, path)
    assert dialog.name_edit.text() == "Amara Okafor"
    assert dialog.org_edit.text() == DEMO_ORGANISATION
    assert str(path) in dialog.path_label.text()
    assert dialog.ok_button.text() == "Create certificate"

    qtbot.keyClicks(dialog.new_passphrase, "short")
    qtbot.keyClicks(dialog.repeat_passphrase, "short")
    dialog.submit()
    assert "at least 8 characters" in dialog.create_fields.errors["passphrase"].message()
    assert not path.exists() and dialog.result() != QDialog.DialogCode.Accepted
    # the app's one rule, word for word (as `cowork cert new` says it)
    for weak in (" " * 10, "z" * 10):
        dialog.new_passphrase.setText(weak)
        dialog.repeat_passphrase.setText(weak)
        dialog.submit()
        assert dialog.create_fields.errors["passphrase"].message() == new_passphrase_problem(weak)
        assert not path.exists()

    dialog.new_passphrase.setText("a long passphrase")
    dialog.repeat_passphrase.setText("a long passphrase!")
    dialog.submit()
    assert dialog.create_fields.errors["passphrase"].message() == ""
    assert "different" in dialog.create_fields.errors["repeat"].message()
    assert not path.exists()

    dialog.name_edit.clear()
    dialog.submit()
    assert "Enter your name" in dialog.create_fields.errors["name"].message()

    dialog.name_edit.setText("Amara Okafor")
    dialog.new_passphrase.setText("a long passphrase")
    dialog.repeat_passphrase.setText("a long passphrase")
    dialog.submit()
    assert dialog.done_page.isVisible() and dialog.ok_button.text() == "Done"
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_signer(path, b"a long passphrase").common_name == "Amara Okafor"
    assert dialog.signer is not None and dialog.signer.common_name == "Amara Okafor"
    assert dialog.new_passphrase.text() == "" and dialog.repeat_passphrase.text() == ""


def test_import_checks_the_passphrase_and_copies_the_file_privately(
    qtbot: QtBot, certificate: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "data" / "manager-signing.p12"
    dialog = cert_dialog(qtbot, None, target)
    dialog.import_choice.click()
    assert dialog.pages[CertificateDialog.IMPORT].isVisible()
    assert not dialog.pages[CertificateDialog.CREATE].isVisible()
    assert dialog.ok_button.text() == "Import certificate"

    dialog.submit()
    assert "Choose the certificate file" in dialog.import_fields.errors["file"].message()
    assert "Enter the passphrase" in dialog.import_fields.errors["passphrase"].message()

    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda *_a, **_k: (str(certificate), "Certificate files (*.p12 *.pfx)"),
    )
    dialog.browse_button.click()
    assert dialog.file_edit.text() == str(certificate)
    qtbot.keyClicks(dialog.import_passphrase, "not it")
    dialog.submit()
    assert "Wrong passphrase" in dialog.import_fields.errors["passphrase"].message()
    assert not target.exists() and dialog.import_passphrase.text() == ""

    qtbot.keyClicks(dialog.import_passphrase, PASSPHRASE)
    dialog.submit()
    assert dialog.done_page.isVisible()
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert target.read_bytes() == certificate.read_bytes()
    assert target.stat().st_mode & 0o777 == 0o600
    assert dialog.signer is not None and dialog.signer.source == target
    # its public part is beside it, for colleagues, as for a created certificate
    public = public_certificate_path(target)
    public_der = x509.load_pem_x509_certificate(public.read_bytes()).public_bytes(serialization.Encoding.DER)
    assert public_der == dialog.signer.certificate_der
    assert dialog.public_label.text() == str(public)


def test_a_created_certificate_is_recorded_in_the_database_and_its_fingerprint_shown(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "data" / "manager-signing.p12"
    dialog = cert_dialog(qtbot, ws, path)
    dialog.name_edit.setText("Amara Okafor")
    qtbot.keyClicks(dialog.new_passphrase, "a long passphrase")
    qtbot.keyClicks(dialog.repeat_passphrase, "a long passphrase")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    signer = dialog.signer
    assert signer is not None
    known = export.known_certificates(ws)
    assert [(c.fingerprint, c.source, c.common_name) for c in known] == [
        (signer.fingerprint, "created", "Amara Okafor")
    ]
    assert "Recorded as known to this database" in dialog.registered_note.text()
    # what to give colleagues: the whole fingerprint, and where the public certificate is
    assert dialog.done_page.isVisible() and not dialog.pages[CertificateDialog.CREATE].isVisible()
    shown = dialog.fingerprint_label.text()
    assert shown.replace("\n", ":") == format_fingerprint(signer.fingerprint)
    assert dialog.fingerprint_label.accessibleName() == "SHA-256 fingerprint"
    public = public_certificate_path(path)
    assert public.is_file() and dialog.public_label.text() == str(public)
    dialog.copy_fingerprint_button.click()
    assert QApplication.clipboard().text() == format_fingerprint(signer.fingerprint)
    assert not dialog.cancel_button.isVisible()
    dialog.reject()  # Esc once it is made: done, not cancelled
    assert dialog.result() == QDialog.DialogCode.Accepted


def expired_p12(path: Path, passphrase: bytes, name: str = "Amara Okafor") -> Path:
    """A PKCS#12 file whose certificate (RSA 3072, SHA-256, no key usage) expired yesterday."""
    now = datetime.datetime.now(datetime.UTC)
    return make_p12(
        path,
        name,
        passphrase,
        not_before=now - datetime.timedelta(days=730),
        not_after=now - datetime.timedelta(days=1),
        key_usage=None,
    )


def test_importing_an_expired_certificate_is_refused_and_nothing_is_recorded(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    old = expired_p12(tmp_path / "old.p12", PASSPHRASE.encode())
    target = tmp_path / "data" / "manager-signing.p12"
    dialog = cert_dialog(qtbot, ws, target)
    dialog.import_choice.click()
    dialog.file_edit.setText(str(old))
    qtbot.keyClicks(dialog.import_passphrase, PASSPHRASE)
    dialog.submit()
    message = dialog.import_fields.errors["file"].message()
    assert message.startswith("Not imported:") and "expired" in message and "\n" not in message
    assert dialog.file_edit.accessibleDescription() == message  # announced with the field
    assert dialog.signer is None and dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.done_page.isVisible() and dialog.pages[CertificateDialog.IMPORT].isVisible()
    assert not target.exists() and not public_certificate_path(target).exists()
    assert export.known_certificates(ws) == []


def test_import_of_a_file_that_is_not_a_certificate_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    junk = tmp_path / "notes.p12"
    junk.write_bytes(b"hello")
    target = tmp_path / "data" / "manager-signing.p12"
    dialog = cert_dialog(qtbot, None, target)
    dialog.import_choice.click()
    dialog.file_edit.setText(str(junk))
    dialog.import_passphrase.setText("whatever it is")
    dialog.submit()
    assert "not a PKCS#12" in dialog.import_fields.errors["file"].message()
    assert not target.exists()


# -- the preview -------------------------------------------------------------------------------------------------
def long_pdf(pages: int) -> bytes:
    pdf = pikepdf.new()
    for n in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
        pdf.pages[n].Contents = pdf.make_stream(f"BT /F1 40 Tf 100 700 Td (Page {n + 1}) ET".encode())
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_the_preview_renders_lazily_and_zooms_from_the_keyboard(qtbot: QtBot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(700, 600)
    preview.show()
    qtbot.waitExposed(preview)
    assert preview.set_pdf(long_pdf(30))
    assert preview.page_count() == 30
    qtbot.waitUntil(lambda: 0 in preview.rendered_pages())
    assert len(preview.rendered_pages()) < 5  # only the pages near the view
    scroll = preview.scroll_area
    assert scroll.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn

    bar = scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: 29 in preview.rendered_pages())
    assert 0 not in preview.rendered_pages() or len(preview.rendered_pages()) <= 12
    assert preview.page_label.text().startswith("Page 30 of 30")

    image = preview.page_image(0)
    assert image.pixelColor(2, 2).name() == "#ffffff"  # composited on white

    preview.scroll_area.setFocus()
    assert preview.zoom() == DEFAULT_ZOOM
    qtbot.keyClick(preview.scroll_area, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom() > DEFAULT_ZOOM
    qtbot.keyClick(preview.scroll_area, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(preview.scroll_area, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom() < DEFAULT_ZOOM
    qtbot.keyClick(preview.scroll_area, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom() == DEFAULT_ZOOM
    assert preview.zoom_label.text() == f"{round(DEFAULT_ZOOM * 100)}%"
    for _ in range(10):
        preview.zoom_in_button.click()
    assert not preview.zoom_in_button.isEnabled()
    qtbot.wait(50)
    assert scroll.horizontalScrollBar().maximum() > 0  # a page wider than the view can be scrolled to


def test_the_preview_says_when_a_file_is_not_a_pdf(qtbot: QtBot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    assert not preview.set_pdf(b"not a pdf at all")
    assert preview.page_count() == 0
    assert "not a readable PDF" in preview.message.text()
    assert not preview.zoom_in_button.isEnabled()
