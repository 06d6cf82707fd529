"""A database and a case note made before records proved themselves (tests/fixtures/legacy, made by the app at
commit 36b5daa): the upgrade chains the audit log in place, everything signed before still checks and verifies,
and what is made after is the new kind of evidence."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers.files import rows

from cowork_desktop.domain.models import RecordStatus
from cowork_desktop.export.signing import load_signer
from cowork_desktop.services import export, integrity
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store import backup
from cowork_desktop.store.opening import open_store

LEGACY = Path(__file__).resolve().parent.parent / "fixtures" / "legacy"
PASSPHRASE = b"legacy-passphrase"


@pytest.fixture
def legacy(tmp_path: Path) -> Path:
    for name in ("legacy.db", "legacy-record-5.pdf", "legacy.p12"):
        shutil.copyfile(LEGACY / name, tmp_path / name)
    return tmp_path


def _entries(path: Path) -> int:
    return int(rows(path, "SELECT count(*) FROM audit_log")[0][0])


def test_the_upgrade_chains_the_existing_audit_log_and_everything_checks(legacy: Path) -> None:
    db = legacy / "legacy.db"
    before = _entries(db)
    with open_store(db) as store:
        assert [b.kind for b in backup.list_backups(db)] == ["pre-migration"]  # taken before the upgrade
        (start,) = store.entries_of("chain", "audit_log")
        assert start.id == before + 1 and f'"chained_entries": {before}' in start.detail
        report = integrity.check_store(store)
        assert report.ok, report.findings
        assert report.audit_entries == before + 1 and report.signed_records > 0
        # records signed before keep the content rule they were signed with
        assert all('"canon"' not in e.detail for e in store.entries_of("lock", "record"))


def test_a_case_note_exported_before_still_verifies_against_its_database(legacy: Path) -> None:
    with open_store(legacy / "legacy.db") as store:
        ws = Workspace.open(store)
        report = export.verify_file(ws, legacy / "legacy-record-5.pdf")
        assert report.verdict == export.Verdict.VALID, report.findings
        # the database never knew its certificate, but its audit log records exporting this very file
        assert report.trust_basis == "exported" and report.exported_from_database is True
        assert report.matches_database is True and report.record_id == 5
        notes = " ".join(report.notes)
        assert "approval signature" in notes and "no embedded record" in notes
        assert not report.result.certified
    # without its database an earlier file cannot say whose record it is: at best "signer not known here"
    alone = export.verify_file(None, legacy / "legacy-record-5.pdf")
    assert alone.verdict == export.Verdict.SIGNER_NOT_KNOWN and alone.findings == ()
    assert any("give its database" in n for n in alone.notes)


def test_after_the_upgrade_exports_are_the_new_evidence(legacy: Path) -> None:
    signer = load_signer(legacy / "legacy.p12", PASSPHRASE)
    with open_store(legacy / "legacy.db") as store:
        ws = Workspace.open(store)
        signed = [r for c in store.list_cases() for r in store.records_for_case(c.id) if r.is_locked]
        record = next(r for r in signed if r.id == 5)
        assert (
            record.status == RecordStatus.SIGNED and not record.signed_frame
        )  # signed before frames were kept
        out = export.export_record(ws, 5, legacy / "again.pdf", signer=signer)
        report = export.verify_file(ws, out)
        assert report.verdict == export.Verdict.VALID, report.findings
        assert report.trust_basis == "database" and report.result.certified
        # its certificate became known when it first signed here
        (known,) = export.known_certificates(ws)
        assert known.source == "signed" and known.fingerprint == signer.fingerprint
        assert integrity.check_store(store).ok
