"""Records that prove themselves: each protection attacked as an attacker would, on real database files and real
signed PDFs, checked with the app's own commands and with independent tools (pdfsig, pyHanko's validator, qpdf).

Each attack must fail safely: one line, no traceback, nothing written or changed; each genuine file still passes.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pikepdf
import pytest
from helpers.certs import make_p12
from helpers.cli import assert_one_line_error, run
from helpers.files import rows
from helpers.pdf_edits import add_to_first_page, annotation, appended
from helpers.tamper import change_signed_answer, sql, trigger_sql
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from cowork_desktop.cli import main
from cowork_desktop.domain.audit import entry_hash
from cowork_desktop.domain.errors import ValidationError
from cowork_desktop.domain.models import RecordKind, RecordStatus, Role, Worker
from cowork_desktop.export.signing import Signer, create_certificate, load_signer
from cowork_desktop.services import export, integrity, sessions, trust
from cowork_desktop.services.demo import MANAGER_NAME, load_demo
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store

pytestmark = pytest.mark.skipif(
    shutil.which("pdfsig") is None or shutil.which("qpdf") is None,
    reason="needs poppler-utils (pdfsig) and qpdf",
)

TODAY = date(2026, 11, 23)
PASSPHRASE = "a long test passphrase"
ENV = "COWORK_TEST_CERT_PASSPHRASE"


# ------------------------------------------------------------------------------------------------ helpers


def assert_quiet(err: str) -> None:
    """Nothing from pyHanko's loggers (or any traceback) on stderr."""
    assert err == "", err


def pdfsig(path: Path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout


def pyhanko_validate(path: Path, trust_root: Path) -> subprocess.CompletedProcess[str]:
    tool = Path(sys.executable).with_name("pyhanko")
    return subprocess.run(
        [str(tool), "sign", "validate", "--trust-replace", "--trust", str(trust_root), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


@dataclass
class Demo:
    db: Path
    cert: Path
    folder: Path
    records: dict[RecordKind, int]  # one signed, current record of each kind
    files: dict[RecordKind, Path]  # each exported, signed


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("evidence")
    db = folder / "real.db"
    cert = create_certificate(MANAGER_NAME, "Northshire", folder / "manager.p12", PASSPHRASE.encode())
    signer = load_signer(cert, PASSPHRASE.encode())
    records: dict[RecordKind, int] = {}
    files: dict[RecordKind, Path] = {}
    with open_store(db, actor="test-manager") as store:
        ws = Workspace.open(store)
        load_demo(ws, TODAY)
        for case in store.list_cases():
            for r in store.records_for_case(case.id):
                newer = [x for x in store.records_for_case(case.id) if x.supersedes_id == r.id]
                if r.status == RecordStatus.SIGNED and not newer and r.id is not None:
                    records.setdefault(r.kind, r.id)
        for kind, record_id in records.items():
            files[kind] = export.export_record(ws, record_id, folder / f"{kind.value}.pdf", signer=signer)
    yield Demo(db, cert, folder, records, files)


@pytest.fixture
def copy(demo: Demo, tmp_path: Path) -> Path:
    """A copy of the real database, as an attacker gets one (any backup will do)."""
    target = tmp_path / "copy.db"
    shutil.copy2(demo.db, target)
    return target


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, PASSPHRASE)


# ------------------------------------------------------------------------------------ genuine files pass


@pytest.mark.slow  # every independent reader, on every kind of record
def test_genuine_files_pass_every_independent_check(demo: Demo, capsys: pytest.CaptureFixture[str]) -> None:
    assert set(demo.files) == set(RecordKind)  # every kind of meeting, signed and exported
    trust_root = demo.cert.with_suffix(".crt")
    for kind, path in demo.files.items():
        report = pdfsig(path)
        assert "Signature is Valid." in report and "Total document signed" in report, (kind, report)
        validated = pyhanko_validate(path, trust_root)
        assert validated.returncode == 0, (kind, validated.stdout, validated.stderr)
        assert "INTACT:TRUSTED,UNTOUCHED" in validated.stdout, validated.stdout
        assert (
            subprocess.run(["qpdf", "--check", str(path)], capture_output=True, check=False).returncode == 0
        )
        code, out, err = run(capsys, "verify", path, "--db", demo.db)
        assert (code, err) == (0, ""), out
        assert out.endswith("Result: valid\n")
        assert "Certified:          yes (no changes allowed)" in out


def test_the_pdf_carries_the_record_it_shows(demo: Demo) -> None:
    path = demo.files[RecordKind.CLOSING]
    listed = subprocess.run(["pdfdetach", "-list", str(path)], capture_output=True, text=True, check=True)
    assert "cowork-record.json" in listed.stdout
    with pikepdf.open(path) as pdf:
        (spec,) = pdf.Root.AF
        payload = json.loads(spec.EF.F.read_bytes())
        assert pdf.open_metadata().pdfa_status == "3B" and str(spec.AFRelationship) == "/Data"
    assert payload["format"] == "cowork-desktop evidence" and payload["document"] == "case note"
    content = payload["content"]
    assert content["record_id"] == demo.records[RecordKind.CLOSING] and content["canon"] == 2
    assert {"answers", "signatures", "actions", "form", "frame"} <= set(content)
    assert payload["witness"]["audit_id"] > 0 and len(payload["witness"]["hash"]) == 64


def test_check_passes_on_the_demo_and_after_every_kind_of_meeting(
    demo: Demo, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "check", "--db", demo.db)
    assert (code, err) == (0, "")
    assert out.startswith("OK: all ") and "signed records and" in out and "audit entries check" in out
    assert f"({len(demo.files)} signed chain heads)" in out
    code, out, _ = run(capsys, "check", "--db", demo.db, "--json")
    data = json.loads(out)
    assert code == 0 and data["ok"] and data["findings"] == [] and data["signed_heads"] == len(demo.files)


# ------------------------------------------------------------------------------------------ impersonation


def test_impersonation_from_a_copied_database_fails_with_and_without_the_database(
    demo: Demo, copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    # a second self-signed certificate with the manager's name, made by someone with a copy of the database
    code, _, err = run(
        capsys,
        "cert",
        "new",
        "--name",
        MANAGER_NAME,
        "--out",
        tmp_path / "forged.p12",
        "--passphrase-env",
        ENV,
    )
    assert (code, err) == (0, "")
    record = demo.records[RecordKind.INITIAL_MEETING]
    forged = tmp_path / "forged.pdf"
    # the copy knows the manager's real certificate: a second one in that name is refused until recorded...
    code, _, err = run(
        capsys, "export", "--db", copy, "--record", record, "--out", forged,
        "--cert", tmp_path / "forged.p12", "--passphrase-env", ENV,
    )  # fmt: skip
    assert code == 1 and not forged.exists()
    assert_one_line_error(err, "knows another certificate for", MANAGER_NAME)
    # ...which the attacker does, in their copy
    assert run(capsys, "cert", "add", tmp_path / "forged.crt", "--db", copy)[0] == 0
    code, _, err = run(
        capsys, "export", "--db", copy, "--record", record, "--out", forged,
        "--cert", tmp_path / "forged.p12", "--passphrase-env", ENV,
    )  # fmt: skip
    assert (code, err) == (0, "")

    # against the real database: not the manager's certificate, not exported from it
    code, out, err = run(capsys, "verify", forged, "--db", demo.db)
    assert code == 1 and "Result: NOT VALID" in out
    assert_quiet(err)
    assert "is not one" in out and "knows" in out  # the certificate
    assert "not one exported from" in out  # the file's SHA-256
    # without a database: intact, but the signer is not known here (exit 3), never "valid"
    code, out, err = run(capsys, "verify", forged)
    assert code == 3 and "Result: intact, signer not known here" in out
    assert_quiet(err)
    # the genuine file, without a database, is the same until its certificate is trusted
    genuine = demo.files[RecordKind.INITIAL_MEETING]
    assert run(capsys, "verify", genuine)[0] == 3
    code, out, _ = run(capsys, "trust", "add", demo.cert.with_suffix(".crt"))
    assert code == 0 and out.startswith("Trusted: ")
    code, out, _ = run(capsys, "verify", genuine)
    assert code == 0 and "in your trust list" in out and out.endswith("Result: valid\n")
    assert run(capsys, "verify", forged)[0] == 3  # trusting the right certificate does not trust the forgery
    code, out, _ = run(capsys, "trust", "list", "--json")
    (listed,) = json.loads(out)["certificates"]
    fingerprint = listed["fingerprint"]
    assert stat.S_IMODE(Path(listed["file"]).stat().st_mode) == 0o600
    assert run(capsys, "trust", "remove", fingerprint[:12])[0] == 0
    assert run(capsys, "verify", genuine)[0] == 3


def test_trust_list_refuses_what_is_not_a_certificate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.crt"
    junk.write_text("not a certificate\n", encoding="utf-8")
    code, _, err = run(capsys, "trust", "add", junk)
    assert code == 1
    assert_one_line_error(err, "is not a certificate")
    assert trust.trusted() == []
    code, _, err = run(capsys, "trust", "remove", "abc")
    assert code == 1
    assert_one_line_error(err, "at least the first 8 hex digits")


# -------------------------------------------------------------------------------------- certificate policy

BAD_CERTIFICATES = {
    "expired": (
        {
            "not_before": datetime.now(UTC) - timedelta(days=400),
            "not_after": datetime.now(UTC) - timedelta(days=2),
        },
        "expired on",
    ),
    "not yet valid": ({"not_before": datetime.now(UTC) + timedelta(days=30)}, "not valid until"),
    "RSA-1024": ({"bits": 1024}, "1024 bits"),
    "wrong key usage": ({"key_usage": "encipherment"}, "key usage does not allow signing"),
}


@pytest.mark.slow  # a certificate made, a note signed and read by every reader, per kind
@pytest.mark.parametrize("kind", list(BAD_CERTIFICATES))
def test_a_bad_certificate_is_refused_at_signing_and_fails_at_verify(
    demo: Demo,
    copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    env: None,
    kind: str,
) -> None:
    options, words = BAD_CERTIFICATES[kind]
    bad = make_p12(tmp_path / "bad.p12", MANAGER_NAME, PASSPHRASE.encode(), **options)  # type: ignore[arg-type]
    record = demo.records[RecordKind.REVIEW]
    target = tmp_path / "note.pdf"
    before = copy.read_bytes()
    code, out, err = run(
        capsys, "export", "--db", copy, "--record", record, "--out", target, "--cert", bad, "--passphrase-env", ENV
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert_one_line_error(err, "cannot sign with bad.p12", words)
    assert not target.exists() and copy.read_bytes() == before

    # an attacker's own tools sign regardless: verify fails, with the reason and nothing on stderr
    monkeypatch.setattr(Signer, "signing_problems", lambda self, at=None: [])
    with open_store(copy) as store:
        ws = Workspace.open(store)
        sql_free = load_signer(bad, PASSPHRASE.encode())
        sql_free_ok = export.known_certificates(ws)
        assert sql_free_ok  # the copy knows the real certificate...
        # ...so the attacker records theirs first, then signs
        export.register_certificate(ws, sql_free.certificate_der, "imported")
        export.export_record(ws, record, target, signer=sql_free)
    monkeypatch.undo()
    code, out, err = run(capsys, "verify", target)
    assert code == 1 and "Result: NOT VALID" in out
    assert words in out
    assert_quiet(err)
    code, out, err = run(capsys, "verify", target, "--db", copy)
    assert code == 1 and words in out
    assert_quiet(err)


def test_a_certificate_in_another_name_cannot_sign_the_managers_records(
    demo: Demo, copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    other = make_p12(tmp_path / "other.p12", "Someone Else", PASSPHRASE.encode())
    code, _, err = run(
        capsys, "export", "--db", copy, "--record", demo.records[RecordKind.REVIEW], "--out", tmp_path / "x.pdf",
        "--cert", other, "--passphrase-env", ENV,
    )  # fmt: skip
    assert code == 1
    assert_one_line_error(err, "in the name of Someone Else", f"signed by the manager {MANAGER_NAME}")


# ------------------------------------------------------------------------------ content changed in a copy


def test_content_changed_with_the_trigger_dropped_and_recreated(
    demo: Demo,
    copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    env: None,
) -> None:
    record = demo.records[RecordKind.CLOSING]
    change_signed_answer(copy, record)

    # cowork check names the record
    code, out, err = run(capsys, "check", "--db", copy)
    assert (code, err) == (1, "")
    problems = [line for line in out.splitlines() if line.startswith("problem: ")]
    assert len(problems) == 1 and f"record {record} (" in problems[0]
    assert "changed after signing" in problems[0]
    assert out.splitlines()[-1].startswith("NOT OK: 1 problem(s)")

    # export refuses, with the real certificate too, writing nothing
    target = tmp_path / "altered.pdf"
    code, out, err = run(
        capsys, "export", "--db", copy, "--record", record, "--out", target,
        "--cert", demo.cert, "--passphrase-env", ENV,
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert_one_line_error(err, "not exported", f"record {record}", "changed after signing")
    assert not target.exists()

    # made anyway (the check bypassed, the manager's own key): verify against the real database fails
    monkeypatch.setattr(integrity, "require_intact", lambda store, record_id: None)
    with open_store(copy) as store:
        export.export_record(
            Workspace.open(store), record, target, signer=load_signer(demo.cert, PASSPHRASE.encode())
        )
    monkeypatch.undo()
    code, out, err = run(capsys, "verify", target, "--db", demo.db)
    assert code == 1 and "Result: NOT VALID" in out
    assert "differs from record" in out and "answers." in out
    assert_quiet(err)


def test_the_visible_text_must_be_the_record(
    demo: Demo,
    copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file whose embedded record is the database's but whose pages say something else (made with the
    manager's key by someone who printed other text) fails against the database."""
    import dataclasses

    from cowork_desktop.export import pool

    record = demo.records[RecordKind.REVIEW]
    original = pool.render_case_note  # type: ignore[attr-defined]  # the serial export and the workers both render in export.pool.sign_note

    def render_other_text(note, evidence=None):  # type: ignore[no-untyped-def]
        return original(dataclasses.replace(note, case_reference=note.case_reference + "X"), evidence)

    monkeypatch.setattr(pool, "render_case_note", render_other_text)
    target = tmp_path / "other-text.pdf"
    with open_store(copy) as store:
        signer = load_signer(demo.cert, PASSPHRASE.encode())
        export.export_record(Workspace.open(store), record, target, signer=signer)
    monkeypatch.undo()
    code, out, _ = run(capsys, "verify", target, "--db", copy)
    assert code == 1 and "pages do not read as record" in out and "CR-2026-" in out


# ------------------------------------------------------------------------------------------ the audit log


def _entry_ids(path: Path, action: str) -> list[int]:
    return [r[0] for r in rows(path, "SELECT id FROM audit_log WHERE action = ? ORDER BY id", [action])]


def test_an_audit_row_deleted_is_named(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    victim = _entry_ids(copy, "sign")[3]
    again = trigger_sql(copy, "audit_no_delete")
    sql(copy, "DROP TRIGGER audit_no_delete", f"DELETE FROM audit_log WHERE id = {victim}", again)
    code, out, _ = run(capsys, "check", "--db", copy)
    assert code == 1
    assert f"problem: audit entry {victim} missing (deleted)" in out
    assert f"audit entry {victim + 1} does not follow entry {victim - 1}" in out


def test_an_audit_row_edited_is_named(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    victim = _entry_ids(copy, "lock")[2]
    again = trigger_sql(copy, "audit_no_update")
    sql(
        copy,
        "DROP TRIGGER audit_no_update",
        f"UPDATE audit_log SET actor = 'someone else' WHERE id = {victim}",
        again,
    )
    code, out, _ = run(capsys, "check", "--db", copy)
    assert code == 1
    assert f"problem: audit entry {victim} (lock record" in out and "was changed" in out


def test_an_audit_row_inserted_is_named(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # in the middle: every later entry moved up one to make room, with the chain trigger dropped
    at = _entry_ids(copy, "sign")[1]
    chained = trigger_sql(copy, "audit_chained")
    no_update = trigger_sql(copy, "audit_no_update")
    sql(
        copy,
        "DROP TRIGGER audit_chained",
        "DROP TRIGGER audit_no_update",
        f"UPDATE audit_log SET id = -id WHERE id >= {at}",
        "UPDATE audit_log SET id = -id + 1 WHERE id < 0",
        f"INSERT INTO audit_log (id, at, actor, action, entity, entity_id, detail, prev_hash, hash)"
        f" SELECT {at}, at, actor, 'purge', entity, entity_id, detail, prev_hash, hash FROM audit_log WHERE id = {at + 1}",
        chained,
        no_update,
    )
    code, out, _ = run(capsys, "check", "--db", copy)
    assert code == 1
    assert f"problem: audit entry {at} (purge" in out and "was changed" in out
    assert f"audit entry {at + 1} does not follow entry {at}" in out


def test_an_audit_row_appended_without_the_chain_is_refused_then_named(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    insert = (
        "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, detail, prev_hash, hash)"
        " SELECT max(id) + 1, '2026-01-01T00:00:00+00:00', 'x', 'export', 'record', 1, '{}', '', ''"
        " FROM audit_log"
    )
    with pytest.raises(sqlite3.IntegrityError, match="hash chain"):
        sql(copy, insert)
    chained = trigger_sql(copy, "audit_chained")
    sql(copy, "DROP TRIGGER audit_chained", insert, chained)
    code, out, _ = run(capsys, "check", "--db", copy)
    assert code == 1 and "does not follow entry" in out and "was changed" in out


def test_a_rewritten_chain_without_the_key_is_detected(
    demo: Demo, copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Edit an early entry, then recompute every later hash so the chain itself is whole again: the heads the
    manager signed at each export no longer match, and every exported PDF's witness disagrees."""
    victim = _entry_ids(copy, "create")[5]
    conn = sqlite3.connect(copy)
    try:
        no_update = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_no_update'").fetchone()[0]
        with conn:
            conn.execute("DROP TRIGGER audit_no_update")
            conn.execute("UPDATE audit_log SET actor = 'rewritten' WHERE id = ?", [victim])
            rows = conn.execute(
                "SELECT id, at, actor, action, entity, entity_id, detail FROM audit_log WHERE id >= ? ORDER BY id",
                [victim],
            ).fetchall()
            prev = conn.execute("SELECT hash FROM audit_log WHERE id = ?", [victim - 1]).fetchone()[0]
            for row in rows:
                digest = entry_hash(prev, *row)
                conn.execute(
                    "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", [prev, digest, row[0]]
                )
                prev = digest
            conn.execute(no_update)
    finally:
        conn.close()
    code, out, _ = run(capsys, "check", "--db", copy)
    assert code == 1
    problems = [line for line in out.splitlines() if line.startswith("problem: ")]
    assert problems and all("the audit log was rewritten" in p for p in problems)
    with open_store(demo.db) as store:
        heads = len(store.audit_heads())
    assert len(problems) == heads >= len(demo.files)  # one per signed head
    assert "does not follow" not in out  # the chain itself is whole: only the signed heads tell
    # and an exported file, checked against the rewritten database, says so too
    code, out, _ = run(capsys, "verify", demo.files[RecordKind.REVIEW], "--db", copy)
    assert code == 1 and "audit log is not the one this file saw" in out

    # removing the signed heads as well leaves exports without their heads: named too
    again = trigger_sql(copy, "audit_heads_no_delete")
    sql(copy, "DROP TRIGGER audit_heads_no_delete", "DELETE FROM audit_heads", again)
    code, out, _ = run(capsys, "check", "--db", copy)
    assert code == 1 and "its signed chain head is missing" in out


def test_a_missing_trigger_blocks_writing_with_a_way_out(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sql(copy, "DROP TRIGGER signatures_no_update")
    code, out, err = run(capsys, "settings", "--db", copy, "--set", "idle_lock_minutes=15")
    assert code == 1
    assert_one_line_error(
        err, "signatures_no_update is missing", "nothing was saved", "cowork check --repair"
    )
    code, out, _ = run(capsys, "check", "--db", copy, "--repair")
    assert code == 0, out
    assert "repaired: restored the trigger signatures_no_update" in out
    assert run(capsys, "settings", "--db", copy, "--set", "idle_lock_minutes=15")[0] == 0
    # a trigger re-created with other SQL (made harmless) is named, and repaired the same way
    sql(
        copy,
        "DROP TRIGGER records_signed_no_update",
        "CREATE TRIGGER records_signed_no_update BEFORE UPDATE ON records WHEN 0 BEGIN SELECT 1; END",
    )
    code, out, _ = run(capsys, "check", "--db", copy)
    assert code == 1 and "trigger records_signed_no_update differs" in out
    assert run(capsys, "check", "--db", copy, "--repair")[0] == 0
    with open_store(copy) as store:
        entries = store.entries_of("restore_protections", "schema")
    assert len(entries) == 2


@pytest.mark.slow  # over 0.7 s; make test runs it
def test_retention_purge_needs_an_intact_chain(
    demo: Demo, copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cowork_desktop.services import retention

    with open_store(copy) as store:
        ws = Workspace.open(store)
        signer = load_signer(demo.cert, PASSPHRASE.encode())
        for case in store.list_cases():  # every signed record on the child's file, so some are due a purge
            if export.signed_records(ws, case.reference):
                export.export_case(ws, case.reference, copy.parent / case.reference, signer)
        retention.set_retention_months(ws, 1)
        assert retention.retention_candidates(ws, date(2099, 1, 1))
    victim = _entry_ids(copy, "create")[1]
    again = trigger_sql(copy, "audit_no_update")
    sql(copy, "DROP TRIGGER audit_no_update", f"UPDATE audit_log SET actor = 'x' WHERE id = {victim}", again)
    before = copy.read_bytes()
    code, _, err = run(capsys, "retention", "--db", copy, "--purge", "--yes")  # the chain is checked first
    assert code == 1
    assert_one_line_error(err, f"audit entry {victim}", "nothing was deleted")
    assert copy.read_bytes() == before


# ----------------------------------------------------------------------------- a change after signing


def _add_filled_field(signed: bytes) -> bytes:
    """A form field added and filled after signing, painting a white box over the first page's "Present"
    table, as an editor would append it."""

    def fill(writer: IncrementalPdfFileWriter) -> None:
        box = generic.StreamObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/XObject"),
                generic.NameObject("/Subtype"): generic.NameObject("/Form"),
                generic.NameObject("/BBox"): generic.ArrayObject(
                    [generic.NumberObject(n) for n in (0, 0, 500, 200)]
                ),
            },
            stream_data=b"1 g 0 0 500 200 re f",
        )
        field = annotation(
            "/Widget",
            (50, 400, 550, 600),
            {
                "/FT": generic.NameObject("/Tx"),
                "/T": generic.TextStringObject("later"),
                "/V": generic.TextStringObject("filled in later"),
                "/AP": generic.DictionaryObject({generic.NameObject("/N"): writer.add_object(box)}),
            },
        )
        ref = add_to_first_page(writer, field)
        form = writer.root["/AcroForm"]
        form["/Fields"].append(ref)
        writer.update_container(form)

    return appended(signed, fill)


def test_a_form_field_filled_after_signing_is_flagged_by_every_reader(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changed = tmp_path / "filled.pdf"
    changed.write_bytes(_add_filled_field(demo.files[RecordKind.INITIAL_MEETING].read_bytes()))
    assert "Not total document signed" in pdfsig(changed)
    validated = pyhanko_validate(changed, demo.cert.with_suffix(".crt"))
    assert validated.returncode != 0 and "ILLEGAL_MODIFICATIONS" in validated.stdout, validated.stdout
    code, out, err = run(capsys, "verify", changed, "--db", demo.db)
    assert code == 1 and "The file was changed after it was signed" in out
    assert_quiet(err)


def test_verify_refuses_a_huge_file_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(60 * 1024 * 1024)
    code, out, err = run(capsys, "verify", huge)
    assert (code, out) == (1, "")
    assert_one_line_error(err, "larger than any case note", "limit 50 MB")


@pytest.mark.slow
def test_library_warnings_go_to_the_log_not_the_terminal(demo: Demo, tmp_path: Path) -> None:
    """In a subprocess, as a user runs it: pyHanko logs warnings with tracebacks for a changed file."""
    changed = tmp_path / "filled.pdf"
    changed.write_bytes(_add_filled_field(demo.files[RecordKind.REVIEW].read_bytes()))
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "cowork_desktop.cli", "verify", str(changed)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COWORK_DATA_DIR": str(data)},
    )
    assert result.returncode == 1 and "NOT VALID" in result.stdout
    assert result.stderr == ""
    log = data / "logs" / "cowork.log"
    if log.exists():  # written only when a library had something to say
        assert stat.S_IMODE(log.stat().st_mode) == 0o600
        assert "Traceback" not in log.read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------ typed names


def test_a_typed_signature_must_be_the_signers_name(ws: Workspace, coworked: dict[str, int]) -> None:
    store = ws.store
    tom = store.add_worker(Worker("Tom Reid", Role.SOCIAL_WORKER, "Team 1"))
    assert tom.id is not None
    record = sessions.start_record(ws, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION).value
    assert record.id is not None
    from test_sessions import answers_for

    sessions.save_draft(
        ws, record.id, answers_for(ws, coworked, record), based_on=ws.store.get_record(record.id).revision
    )
    sessions.ready_for_signatures(ws, record.id)
    experienced = store.get_worker(coworked["experienced"])
    with pytest.raises(ValidationError) as refused:
        sessions.add_signature(
            ws, record.id, worker_id=experienced.id, name="Zoe O Suilleabhain", role="x", method="typed"
        )
    assert experienced.name in str(refused.value)
    assert store.signatures_for(record.id) == []
    # the same name, whatever the case, spacing or Unicode composition: stored as recorded
    typed = "  zoe\u0308  ó súilleabháin ".upper()
    signature = sessions.add_signature(
        ws, record.id, worker_id=experienced.id, name=typed, role="x", method="typed"
    ).value
    assert signature.signer_name == experienced.name
    # the manager: the name in the settings (set at the first signing)
    store.set_setting("manager_name", "Amara Okafor")
    student = store.get_worker(coworked["student"])
    sessions.add_signature(ws, record.id, worker_id=student.id, name=student.name, role="x", method="typed")
    with pytest.raises(ValidationError, match="type Amara Okafor"):
        sessions.sign_off(ws, record.id, manager_name="Amara Okafur")
    assert sessions.sign_off(ws, record.id, manager_name="amara okafor").value.status == RecordStatus.SIGNED


@pytest.mark.parametrize("hidden", ["\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\u2800", "\u3164"])
def test_names_refuse_hidden_characters(ws: Workspace, hidden: str) -> None:
    with pytest.raises(ValidationError, match="invisible or direction-changing"):
        ws.store.add_worker(Worker(f"Tom{hidden} Reid", Role.SOCIAL_WORKER))
    from cowork_desktop.services.settings import validate

    settings, errors = validate({"manager_name": f"Amara{hidden} Okafor"}, check_files=False)
    assert settings is None and "invisible" in errors["manager_name"]
    code = main(["cert", "new", "--name", f"Amara{hidden} Okafor", "--out", "/nonexistent/x.p12"])
    assert code == 1


def test_the_demo_database_checks_and_every_kind_is_signed(ws: Workspace) -> None:
    load_demo(ws, TODAY)
    report = integrity.check_store(ws.store)
    assert report.ok, report.findings
    kinds = {r.kind for c in ws.store.list_cases() for r in ws.store.records_for_case(c.id) if r.is_locked}
    assert kinds == set(RecordKind)
