"""Exporting records as case-note PDFs: every record kind of the demo, rendered from the stored form, signed with
the manager's certificate, checked with pdftotext, pyHanko and pdfsig. Real files and tools, no mocks, no Qt."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from helpers.demo import demo_workspace, manager_certificate

from cowork_desktop.domain.dates import long_date, short_date
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.forms import QuestionKind
from cowork_desktop.domain.models import Record, RecordKind, RecordStatus
from cowork_desktop.export import fonts
from cowork_desktop.export.model import ActionsTable, CaseNote, QuestionAnswer, ResponsibilitiesTable
from cowork_desktop.export.pdfa import pdfa_problems
from cowork_desktop.export.signing import Signer, load_signer, verify_pdf
from cowork_desktop.services import export, files
from cowork_desktop.services.demo import DEMO_ORGANISATION, DEMO_WORKERS, MANAGER_NAME, load_demo
from cowork_desktop.services.sessions import Workspace, form_for
from cowork_desktop.store.opening import open_store

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfsig") is None,
    reason="needs poppler-utils (pdftotext, pdfsig)",
)

TODAY = date(2026, 11, 23)
PASSPHRASE = b"demo passphrase"
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f"))


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_BIDI_CONTROLS).split())


def pdf_text(path: Path) -> str:
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return normalise(result.stdout.decode("utf-8"))


def assert_printed(value: str, text: str) -> None:
    """Each line of ``value`` is in the text (a long one by a distinctive prefix). pdftotext moves neutral
    punctuation around a right-to-left run, so a line with Arabic is checked word by word."""
    for line in value.splitlines() or [value]:
        if fonts.has_arabic(line):
            for word in re.findall(r"[A-Za-z]+|[\u0600-\u06ff]+", line):
                assert word in text, (word, line)
        else:
            assert normalise(line)[:80] in text, line


def pdfsig(path: Path) -> str:
    # pdfsig exits 0 whatever it finds: read its text
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout


@dataclass
class Demo:
    ws: Workspace
    signer: Signer
    folder: Path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("export")
    with demo_workspace(folder / "demo.db") as ws:
        cert = manager_certificate(folder, PASSPHRASE, "Northshire County Council")
        yield Demo(ws, load_signer(cert, PASSPHRASE), folder)


def _richest(ws: Workspace, records: list[Record]) -> Record:
    """The record with the most answers (e.g. the review that also reviews earlier actions)."""
    return max(records, key=lambda r: (len(r.answers), bool(r.answers.get("action_review")), -(r.id or 0)))


@pytest.fixture(scope="module")
def exported(demo: Demo) -> dict[RecordKind, tuple[Record, Path]]:
    """One signed PDF per record kind in the demo."""
    ws = demo.ws
    out = demo.folder / "by_kind"
    out.mkdir()
    signed = [
        r
        for c in ws.store.list_cases()
        for r in ws.store.records_for_case(c.id)
        if r.status == RecordStatus.SIGNED
    ]
    found = {}
    for kind in RecordKind:
        record = _richest(ws, [r for r in signed if r.kind == kind])
        assert record.id is not None
        found[kind] = (record, export.export_record(ws, record.id, out, signer=demo.signer))
    return found


def test_the_demo_has_every_record_kind_signed(exported: dict[RecordKind, tuple[Record, Path]]) -> None:
    assert set(exported) == set(RecordKind)


@pytest.mark.parametrize("kind", list(RecordKind))
def test_every_question_and_answer_is_printed(
    demo: Demo, exported: dict[RecordKind, tuple[Record, Path]], kind: RecordKind
) -> None:
    record, path = exported[kind]
    assert record.id is not None
    ws = demo.ws
    text = pdf_text(path)
    case = ws.store.get_case(record.case_id)
    assert case.reference in text
    assert "OFFICIAL-SENSITIVE" in text
    assert "DEMO DATA - NOT A REAL RECORD" in text
    assert normalise(kind.label) in text
    assert f"Record {record.id}, version {record.version} (signed)" in text
    pages = len(pikepdf.open(path).pages)
    assert f"Page {pages} of {pages}" in text

    # the questions shown are those of the stored form for these answers: every answered one is printed
    form = form_for(ws, record)
    for question in form.questions:
        if question.id in record.answers and question.role != "participants":
            assert normalise(question.prompt) in text, question.id
    # who took part is the "Present" table (not repeated as a question), the manager only where they attend
    assert "Who took part in this meeting?" not in text and "Present" in text

    note = export.build_case_note(ws, record.id)
    checked = 0
    for section in note.sections:
        assert normalise(section.title) in text
        for item in section.items:
            assert normalise(item.prompt) in text
            if isinstance(item, QuestionAnswer):
                assert_printed(item.answer or "Not answered", text)
            elif isinstance(item, ResponsibilitiesTable):
                for row in item.rows:
                    assert_printed(row.task, text)
                    assert_printed(row.lead, text)
            elif isinstance(item, ActionsTable):
                for action in item.rows:
                    assert_printed(action.description, text)
                    assert_printed(action.owner, text)
                    assert action.due is None or short_date(action.due) in text
            checked += 1
    assert checked >= 5
    for attendee in note.present:
        assert_printed(attendee.name, text)
        assert_printed(attendee.role, text)
    for sig in note.signatures:
        assert_printed(sig.name, text)
    assert note.content_hash == record.content_hash and record.content_hash in text


def test_answers_are_written_for_people(demo: Demo, exported: dict[RecordKind, tuple[Record, Path]]) -> None:
    record, path = exported[RecordKind.INITIAL_MEETING]
    assert record.id is not None
    text = pdf_text(path)
    note = export.build_case_note(demo.ws, record.id)
    answers = {i.prompt: i.answer for s in note.sections for i in s.items if isinstance(i, QuestionAnswer)}
    form = form_for(demo.ws, record)
    for question in form.questions:
        value = record.answers.get(question.id)
        if value is None:
            continue
        shown = answers.get(question.prompt)
        if question.kind == QuestionKind.YES_NO:
            assert shown == {"yes": "Yes", "no": "No"}[value]
        elif question.kind == QuestionKind.DATE:
            assert shown == long_date(date.fromisoformat(value))  # e.g. "23 November 2026"
            assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", shown)
        elif question.kind == QuestionKind.RECURRENCE:
            assert shown in ("Every 2 weeks", "Monthly", "Weekly") or (shown or "").startswith("Every ")
        elif question.kind == QuestionKind.WORKER:
            assert shown == demo.ws.store.get_worker(value).name
        elif question.kind == QuestionKind.WORKERS and question.role != "participants":
            workers = [demo.ws.store.get_worker(w) for w in value]
            assert shown == "\n".join(f"{w.name} ({w.role.label})" for w in workers)
        elif question.role == "participants":  # who took part: the "Present" table, by name and role
            workers = [demo.ws.store.get_worker(w) for w in value]
            assert [(a.name, a.role) for a in note.present][: len(workers)] == [
                (w.name, w.role.label) for w in workers
            ]
    assert "FREQ=" not in text  # rules are never printed raw


def test_an_action_review_shows_the_reviewed_actions(demo: Demo) -> None:
    """The review that checked earlier actions lists them with done yes/no and the notes, even though the
    actions it reviewed are no longer open today."""
    ws = demo.ws
    case = ws.store.find_case("CR-2026-0109")
    assert case.id is not None
    review = next(r for r in ws.store.records_for_case(case.id) if r.kind == RecordKind.REVIEW)
    assert review.id is not None and review.answers.get("action_review")
    note = export.build_case_note(ws, review.id)
    tables = [i for s in note.sections for i in s.items if isinstance(i, ActionsTable)]
    reviewed = next(t for t in tables if any(r.done is not None for r in t.rows))
    assert sorted((r.done for r in reviewed.rows), key=bool) == [False, True]
    assert any("Note: Not done yet: carried forward." in r.description for r in reviewed.rows)
    assert all(r.due is not None and r.owner != "Not set" for r in reviewed.rows)


def test_signature_is_valid_for_pyhanko_and_pdfsig(exported: dict[RecordKind, tuple[Record, Path]]) -> None:
    for record, path in exported.values():
        result = verify_pdf(path.read_bytes())
        assert result.ok and result.intact and result.valid and result.covers_whole_file, path
        assert result.signer_name == MANAGER_NAME
        assert result.content_hash == record.content_hash
        report = pdfsig(path)
        assert "Signature is Valid." in report, report
        assert "Total document signed" in report, report


def test_exported_pdfs_keep_pdfa(exported: dict[RecordKind, tuple[Record, Path]]) -> None:
    for _, path in exported.values():
        assert pdfa_problems(path.read_bytes()) == [], path


def test_metadata_names_the_case_and_record_type_but_no_one(
    demo: Demo, exported: dict[RecordKind, tuple[Record, Path]]
) -> None:
    names = [normalise(n) for n, _ in DEMO_WORKERS]
    for record, path in exported.values():
        reference = demo.ws.store.get_case(record.case_id).reference
        with pikepdf.open(path) as pdf:
            info = {k: normalise(str(v)) for k, v in pdf.docinfo.items()}
            with pdf.open_metadata() as xmp:
                xmp_text = normalise(" ".join(str(v) for _, v in xmp.items()))
        assert reference in info["/Title"]
        assert normalise(record.kind.label) in info["/Subject"]
        metadata = " ".join(info.values()) + " " + xmp_text
        for name in names:
            assert name not in metadata, (path, name)


def test_file_names_use_reference_kind_and_date(
    demo: Demo, exported: dict[RecordKind, tuple[Record, Path]]
) -> None:
    for record, path in exported.values():
        reference = demo.ws.store.get_case(record.case_id).reference
        assert path.name == f"{reference}_{record.kind.value}_{record.meeting_date.isoformat()}.pdf"


def test_export_case_includes_superseded_versions_without_collisions(demo: Demo) -> None:
    ws = demo.ws
    out = demo.folder / "case-0103"
    written = export.export_case(ws, "CR-2026-0103", out, demo.signer)
    names = sorted(p.name for p in written)
    date_part = "2026-11-13"
    assert names == [
        f"CR-2026-0103_initial_meeting_{date_part}.pdf",
        f"CR-2026-0103_initial_meeting_{date_part}_v2.pdf",
    ]
    assert sorted(p.name for p in out.iterdir()) == names  # nothing else (no temporary files)
    amended = pdf_text(out / names[1])
    assert "it amends version 1" in amended and "Corrected who records the case discussions" in amended
    for path in written:
        assert verify_pdf(path.read_bytes()).ok


def test_export_case_skips_records_not_yet_signed(demo: Demo) -> None:
    ws = demo.ws
    case = ws.store.find_case("CR-2026-0112")
    assert case.id is not None
    records = ws.store.records_for_case(case.id)
    assert any(r.status == RecordStatus.AWAITING_SIGNATURES for r in records)
    written = export.export_case(ws, "CR-2026-0112", demo.folder / "case-0112", demo.signer)
    assert len(written) == sum(1 for r in records if r.status == RecordStatus.SIGNED) == 2
    with pytest.raises(CoworkError, match="CR-2026-0111 has no signed records"):
        export.export_case(ws, "CR-2026-0111", demo.folder / "case-0111", demo.signer)
    assert not (demo.folder / "case-0111").exists()


def _unsigned(ws: Workspace, status: RecordStatus) -> Record:
    return next(
        r for c in ws.store.list_cases() for r in ws.store.records_for_case(c.id) if r.status == status
    )


def test_a_draft_is_only_printed_marked_draft(demo: Demo) -> None:
    ws = demo.ws
    out = demo.folder / "drafts"
    out.mkdir()
    for status in (RecordStatus.DRAFT, RecordStatus.AWAITING_SIGNATURES):
        record = _unsigned(ws, status)
        assert record.id is not None
        with pytest.raises(CoworkError, match=rf"record {record.id} is .*use --draft"):
            export.export_record(ws, record.id, out, signer=demo.signer)
        assert list(out.iterdir()) == []
        path = export.export_record(ws, record.id, out, draft=True)
        text = pdf_text(path)
        assert "DRAFT" in text and f"Record {record.id}, version 1 (DRAFT)" in text
        with pytest.raises(CoworkError, match="no digital signature"):
            verify_pdf(path.read_bytes())
        assert "Content hash of the record" not in text
        path.unlink()


def test_a_signed_record_needs_the_certificate(
    demo: Demo, exported: dict[RecordKind, tuple[Record, Path]]
) -> None:
    record, _ = exported[RecordKind.REVIEW]
    assert record.id is not None
    out = demo.folder / "nosigner"
    out.mkdir()
    with pytest.raises(CoworkError, match="certificate"):
        export.export_record(demo.ws, record.id, out)
    assert list(out.iterdir()) == []


def _unwritable_folder(tmp_path: Path) -> Path:
    """A folder nothing can be written to: read-only, or (as root, whom chmod does not stop) under a file."""
    if os.geteuid() == 0:
        blocker = tmp_path / "file.txt"
        blocker.write_text("a file, not a folder\n", encoding="utf-8")
        return blocker / "out"
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    return folder


def test_an_unwritable_folder_is_one_clear_error(
    demo: Demo, exported: dict[RecordKind, tuple[Record, Path]], tmp_path: Path
) -> None:
    record, _ = exported[RecordKind.REVIEW]
    assert record.id is not None
    folder = _unwritable_folder(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    try:
        with pytest.raises(CoworkError, match=rf"^cannot write to {re.escape(str(folder))}"):
            export.export_record(demo.ws, record.id, folder / "note.pdf", signer=demo.signer)
        with pytest.raises(CoworkError, match="cannot write to"):
            export.export_case(demo.ws, "CR-2026-0103", folder, demo.signer)
        with pytest.raises(CoworkError, match=r"cannot write to .*: permission denied|not a folder"):
            files.write_atomic(folder / "x.pdf", b"%PDF")
    finally:
        if folder.is_dir():
            folder.chmod(0o700)
    assert sorted(tmp_path.rglob("*")) == before  # nothing written, not even a temporary file


def test_exports_are_in_the_audit_log(demo: Demo, exported: dict[RecordKind, tuple[Record, Path]]) -> None:
    for record, path in exported.values():
        entries = [e for e in demo.ws.store.audit_entries("record", record.id) if e["action"] == "export"]
        assert entries and str(path) in entries[0]["detail"]


def test_verify_file_compares_with_the_database(
    demo: Demo, exported: dict[RecordKind, tuple[Record, Path]], tmp_path: Path
) -> None:
    record, path = exported[RecordKind.CLOSING]
    report = export.verify_file(demo.ws, path)
    assert report.matches_database is True and report.ok(require_database=True), report.findings
    assert report.verdict == export.Verdict.VALID and report.trust_basis == "database"
    assert report.exported_from_database is True
    assert report.record_id == record.id and report.record_version == 1
    assert report.result.certificate is not None and report.result.certificate.self_signed
    # without the database, and with an empty trust list, the signer is not known here: never "valid"
    alone = export.verify_file(None, path)
    assert alone.matches_database is None and not alone.ok() and alone.findings == ()
    assert alone.verdict == export.Verdict.SIGNER_NOT_KNOWN and alone.exit_status == 3

    # the same demo built a day later: same record ids, different records
    other = open_store(tmp_path / "other.db")
    try:
        ws = Workspace.open(other)
        load_demo(ws, date(2026, 11, 24))
        mismatch = export.verify_file(ws, path)
        assert mismatch.matches_database is False and not mismatch.ok()
        assert any("differs from record" in p for p in mismatch.problems), mismatch.problems
        assert mismatch.result.ok  # the file itself is fine
    finally:
        other.close()


def test_verify_notes_a_superseded_version(demo: Demo) -> None:
    out = demo.folder / "case-0103"
    if not out.exists():
        export.export_case(demo.ws, "CR-2026-0103", out, demo.signer)
    report = export.verify_file(demo.ws, out / "CR-2026-0103_initial_meeting_2026-11-13.pdf")
    assert report.matches_database is True and "superseded by version 2" in report.database_note
    assert report.verdict == export.Verdict.SUPERSEDED and report.exit_status == 4 and report.ok()
    assert report.as_dict()["result"] == "superseded"
    # exported after version 2 was signed, version 1 says so on every page
    text_pages = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(out / "CR-2026-0103_initial_meeting_2026-11-13.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\f")
    pages = [normalise(p) for p in text_pages if p.strip()]
    assert pages and all("SUPERSEDED by version 2" in p for p in pages), pages[0][:300]


def test_build_case_note_uses_the_settings(
    demo: Demo, exported: dict[RecordKind, tuple[Record, Path]]
) -> None:
    record, _ = exported[RecordKind.REFLECTIVE_DISCUSSION]
    assert record.id is not None
    note: CaseNote = export.build_case_note(demo.ws, record.id)
    assert note.protective_marking == "OFFICIAL-SENSITIVE" and note.demo and note.status == "signed"
    assert note.organisation == DEMO_ORGANISATION
    note = export.build_case_note(demo.ws, record.id, organisation="Northshire", marking="OFFICIAL")
    assert (note.organisation, note.protective_marking) == ("Northshire", "OFFICIAL")
    # a reflective discussion is the co-workers' own: the manager signs it off but was not present
    assert not any(a.role == "Team manager" for a in note.present)
    record, _ = exported[RecordKind.REVIEW]
    assert record.id is not None
    note = export.build_case_note(demo.ws, record.id)
    assert any(a.name == MANAGER_NAME and a.role == "Team manager" for a in note.present)


def test_ensure_certificate_creates_it_once(tmp_path: Path) -> None:
    assert export.default_certificate_path().name == "manager-signing.p12"
    path = tmp_path / "mine.p12"
    # a new certificate's passphrase follows the one rule; nothing is created without it
    with pytest.raises(CoworkError, match="at least 8 characters"):
        export.ensure_certificate("Amara Okafor", "Northshire", b"pw", path)
    assert not path.exists()
    assert export.ensure_certificate("Amara Okafor", "Northshire", b"a long passphrase", path) == path
    before = path.read_bytes()
    # an existing certificate is used as it is, whatever passphrase is given
    assert export.ensure_certificate("Someone Else", "Org", b"x", path) == path
    assert path.read_bytes() == before
    assert load_signer(path, b"a long passphrase").common_name == "Amara Okafor"
    created = export.ensure_certificate("Amara Okafor", "Northshire", b"a long passphrase")
    assert created == export.default_certificate_path() and created.exists()


def test_first_export_is_quick_enough(demo: Demo, exported: dict[RecordKind, tuple[Record, Path]]) -> None:
    """One record renders and signs in well under a second once the key is loaded."""
    import time

    record, _ = exported[RecordKind.INITIAL_MEETING]
    assert record.id is not None
    out = demo.folder / "timing"
    out.mkdir()
    start = time.perf_counter()
    export.export_record(demo.ws, record.id, out, signer=demo.signer)
    assert time.perf_counter() - start < 2.0
    with pikepdf.open(io.BytesIO(next(out.iterdir()).read_bytes())) as pdf:
        assert len(pdf.pages) >= 2
