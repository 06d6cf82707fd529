"""Copy as text (issue 15): a signed record as plain text for the case management system, with the PDF's content
and headings, the case by reference only; refused for a record whose evidence does not check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers.demo import copy_database
from helpers.tamper import change_signed_answer

from cowork_desktop.cli import main
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.models import RecordStatus
from cowork_desktop.export.pdf import page_texts, render_case_note
from cowork_desktop.services import export
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store


def _signed_and_draft(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        signed = conn.execute(
            "SELECT id FROM records WHERE status = 'signed' ORDER BY id LIMIT 1"
        ).fetchone()[0]
        draft = conn.execute("SELECT id FROM records WHERE status = 'draft' ORDER BY id LIMIT 1").fetchone()[
            0
        ]
    finally:
        conn.close()
    return int(signed), int(draft)


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    return copy_database(demo_template, tmp_path / "demo.db")


def test_the_text_says_what_the_pdf_says_in_the_same_order(demo_db: Path) -> None:
    signed, _ = _signed_and_draft(demo_db)
    with open_store(demo_db) as store:
        ws = Workspace.open(store)
        text = export.record_text(ws, signed)
        note = export.build_case_note(ws, signed)
        case = store.get_case(store.get_record(signed).case_id)
    pdf_text = " ".join(" ".join(page_texts(render_case_note(note))).split())
    headings = ["Present", *(s.title for s in note.sections), "Signatures"]
    at = [text.index(f"\n{h}\n") for h in headings]
    assert at == sorted(at)  # the PDF's order
    assert all(h in pdf_text for h in headings)
    for section in note.sections:
        for item in section.items:
            prompt = getattr(item, "prompt", "")
            if prompt:
                assert prompt in text
    assert case.reference in text and note.content_hash in text
    assert "the signed PDF is the record" in text
    for initials in case.children_initials.replace(",", " ").split():
        assert f" {initials} " not in text and f"\n{initials}\n" not in text
    assert "\t" not in text and text.endswith("\n") and "\n\n\n" not in text


def test_a_draft_only_when_asked_and_marked(demo_db: Path) -> None:
    _, draft = _signed_and_draft(demo_db)
    with open_store(demo_db) as store:
        ws = Workspace.open(store)
        with pytest.raises(CoworkError, match="--draft"):
            export.record_text(ws, draft)
        text = export.record_text(ws, draft, draft=True)
    assert "DRAFT: not signed, not a record" in text and "the signed PDF is the record" not in text


def test_cowork_export_format_text(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    signed, _ = _signed_and_draft(demo_db)
    out = tmp_path / "note.txt"

    def export_text(*what: object, out: Path = out) -> int:
        """``cowork export --db demo_db *what --format text --out out``: its exit code."""
        return main(["export", "--db", str(demo_db), *map(str, what), "--format", "text", "--out", str(out)])

    assert export_text("--record", signed) == 0
    assert "Copied record" in capsys.readouterr().out
    assert (out.stat().st_mode & 0o777) == 0o600
    with open_store(demo_db) as store:
        assert out.read_text(encoding="utf-8") == export.record_text(Workspace.open(store), signed)
        assert store.get_record(signed).status == RecordStatus.SIGNED
        entries = [e for e in store.chain_entries() if e.action == "export_text"]
    assert [e.entity_id for e in entries] == [signed]
    # a second copy over it only with --force; never over the database
    kept, database = out.read_bytes(), demo_db.read_bytes()
    assert export_text("--record", signed) == 1
    assert export_text("--record", signed, out=demo_db) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "already exists" in err and "never writes over it" in err  # one line each
    assert out.read_bytes() == kept and demo_db.read_bytes() == database  # nothing lost, nothing changed
    assert export_text("--case", "CR-2026-0104", "--all", out=tmp_path) == 2


def test_an_altered_record_is_not_copied(demo_db: Path) -> None:
    signed, _ = _signed_and_draft(demo_db)
    change_signed_answer(demo_db, signed)
    with open_store(demo_db) as store, pytest.raises(CoworkError):
        export.record_text(Workspace.open(store), signed)
