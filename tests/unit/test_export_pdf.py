"""Case-note PDFs: content, layout across pages, metadata and the PDF/A-2b essentials. No Qt."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.models import RecordKind
from cowork_desktop.export import fonts, model
from cowork_desktop.export.model import DEMO_MARKING, ActionsTable, CaseNote, NoteSection, QuestionAnswer
from cowork_desktop.export.pdf import (
    INFO_CONTENT_HASH,
    SIGNATURE_FIELD,
    case_note_filename,
    document_title,
    render_case_note,
)
from cowork_desktop.export.pdfa import pdfa_problems
from cowork_desktop.export.sample import ASYE, MANAGER, PRACTITIONER, STUDENT, sample_case_note

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")

_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f"))


def normalise(text: str) -> str:
    """Compare text as a reader would: compatibility forms folded (Arabic presentation forms become letters),
    bidi controls dropped, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_BIDI_CONTROLS).split())


def pdf_text(pdf: bytes, tmp_path: Path, first: int | None = None, last: int | None = None) -> str:
    path = tmp_path / "note.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-enc", "UTF-8"]
    if first is not None:
        args += ["-f", str(first), "-l", str(last or first)]
    result = subprocess.run([*args, str(path), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def page_count(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


@pytest.fixture(scope="module")
def long_note() -> CaseNote:
    # 60 responsibility rows: the table cannot fit on one page
    return sample_case_note(responsibility_rows=60)


@pytest.fixture(scope="module")
def long_pdf(long_note: CaseNote) -> bytes:
    return render_case_note(long_note)


def test_every_prompt_and_answer_is_printed(long_note: CaseNote, long_pdf: bytes, tmp_path: Path) -> None:
    text = normalise(pdf_text(long_pdf, tmp_path))
    for section in long_note.sections:
        assert normalise(section.title) in text
        for item in section.items:
            if isinstance(item, QuestionAnswer):
                assert normalise(item.prompt) in text
                expected = normalise(item.answer) if item.answer.strip() else "Not answered"
                if fonts.has_arabic(item.answer):
                    # pdftotext moves neutral punctuation around a right-to-left run: check word by word
                    for word in re.findall(r"[A-Za-z]+|[\u0600-\u06ff]+", item.answer):
                        assert word in text
                else:
                    assert expected in text
            elif isinstance(item, model.ResponsibilitiesTable):
                for row in item.rows:
                    assert normalise(row.task) in text
            elif isinstance(item, ActionsTable):
                for action in item.rows:
                    assert normalise(action.description) in text


def test_non_latin_names_come_out_as_text(long_note: CaseNote, long_pdf: bytes, tmp_path: Path) -> None:
    text = normalise(pdf_text(long_pdf, tmp_path, 1))
    for name in (MANAGER, PRACTITIONER, ASYE, STUDENT, "Ольга Иванова"):
        assert normalise(name) in text, name
    for attendee in long_note.present:
        assert normalise(attendee.role) in text


def test_responsibilities_table_spans_pages_with_its_header_repeated(long_pdf: bytes, tmp_path: Path) -> None:
    pages = page_count(long_pdf)
    assert pages >= 3
    first = normalise(pdf_text(long_pdf, tmp_path, 1))
    second = normalise(pdf_text(long_pdf, tmp_path, 2))
    for header in ("Task", "Lead worker", "Joint or sole"):
        assert header in first
        assert header in second
    # the second page holds table rows (a later repeat of the tasks), not only the header
    assert "Liaison with school and health (5)" in second


def test_header_and_footer_on_every_page(long_note: CaseNote, long_pdf: bytes, tmp_path: Path) -> None:
    pages = page_count(long_pdf)
    for page in range(1, pages + 1):
        text = normalise(pdf_text(long_pdf, tmp_path, page))
        assert text.count("OFFICIAL-SENSITIVE") == 2  # top and bottom
        assert "Northshire County Council - Children's Services" in text
        assert "Case CR-1234" in text
        assert f"Page {page} of {pages}" in text
        assert "Record 42, version 2 (signed)" in text
        assert text.count(DEMO_MARKING) == 2


def test_record_details_amendment_signatures_and_hash(
    long_note: CaseNote, long_pdf: bytes, tmp_path: Path
) -> None:
    text = normalise(pdf_text(long_pdf, tmp_path))
    assert "Initial co-working meeting (MDR)" in text
    assert "23 November 2026" in text
    assert "This is version 2 of record 42; it amends version 1." in text
    assert "Reason: Corrected the due date of an action." in text
    assert "Signed (drawn signature) on 23 November 2026 at 10:15 UTC" in text
    assert "Signed (typed signature) on 23 November 2026 at 10:20 UTC" in text
    assert long_note.content_hash in text.replace(" ", "")


def test_metadata_names_the_case_never_a_person(long_note: CaseNote, long_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(long_pdf)) as pdf:
        info = {str(k): str(v) for k, v in pdf.docinfo.items()}
        xmp = bytes(pdf.Root.Metadata.read_bytes()).decode("utf-8")
    assert (
        info["/Title"] == document_title(long_note) == "Case note CR-1234: Initial co-working meeting (MDR)"
    )
    assert "CR-1234" in info["/Keywords"]
    assert info["/Subject"].startswith("Initial co-working meeting (MDR)")
    assert info[INFO_CONTENT_HASH] == long_note.content_hash
    people = [a.name for a in long_note.present] + [s.name for s in long_note.signatures]
    for value in [*info.values(), xmp]:
        for name in people:
            assert name not in value


def test_metadata_never_carries_a_childs_name_from_an_answer(tmp_path: Path) -> None:
    note = sample_case_note()
    talkative = NoteSection(
        "Notes", (QuestionAnswer("Who was discussed?", "Kacper (aged 7) and his sister."),)
    )
    note = dataclasses.replace(note, sections=(*note.sections, talkative))
    pdf = render_case_note(note)
    assert "Kacper" in pdf_text(pdf, tmp_path)  # printed in the note...
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        metadata = " ".join(str(v) for v in doc.docinfo.values()) + doc.Root.Metadata.read_bytes().decode()
    assert "Kacper" not in metadata  # ...but never in the metadata


def test_signed_note_passes_the_pdfa_checks_and_ends_with_an_empty_signature_field(long_pdf: bytes) -> None:
    assert pdfa_problems(long_pdf) == []
    with pikepdf.open(io.BytesIO(long_pdf)) as pdf:
        assert pdf.pdf_version == "1.7"
        assert pdf.open_metadata().pdfa_status == "3B"
        (field,) = pdf.Root.AcroForm.Fields
        assert str(field.T) == SIGNATURE_FIELD
        assert str(field.FT) == "/Sig"
        assert "/V" not in field  # not signed yet
        last_page = pdf.pages[-1].obj
        assert field.P.objgen == last_page.objgen
        assert any(a.objgen == field.objgen for a in last_page.Annots)


WATERMARK_SIZE = 150  # the font size of the DRAFT watermark


def watermarked_pages(pdf: bytes) -> list[bool]:
    """Per page, whether the DRAFT watermark is drawn (pdftotext skips diagonal text, so look at the drawing
    operators: a rotation followed by text at the watermark's size)."""
    found = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            sizes = [
                float(instruction.operands[1])
                for instruction in pikepdf.parse_content_stream(page)
                if str(instruction.operator) == "Tf"
            ]
            found.append(WATERMARK_SIZE in sizes)
    return found


def test_draft_has_watermark_on_every_page_and_no_signature_field(tmp_path: Path) -> None:
    pdf = render_case_note(sample_case_note(status="draft", demo=False, responsibility_rows=60))
    assert pdfa_problems(pdf) == []
    pages = page_count(pdf)
    for page in range(1, pages + 1):
        text = normalise(pdf_text(pdf, tmp_path, page))
        assert "Record 42, version 2 (DRAFT)" in text
        assert DEMO_MARKING not in text
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert "/AcroForm" not in doc.Root
    assert watermarked_pages(pdf) == [True] * pages


def test_signed_note_has_no_watermark(long_pdf: bytes) -> None:
    assert not any(watermarked_pages(long_pdf))


def test_pdfa_check_finds_what_plain_reportlab_output_lacks() -> None:
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(72, 72, "Helvetica is not embedded")
    canvas.save()
    problems = " | ".join(pdfa_problems(out.getvalue()))
    assert "Helvetica is not embedded" in problems
    assert "no XMP metadata" in problems
    assert "no PDF/A output intent" in problems


def test_pdfa_check_finds_info_and_xmp_that_disagree(long_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(long_pdf)) as pdf:
        pdf.docinfo[pikepdf.Name.Title] = "Something else"
        out = io.BytesIO()
        pdf.save(out)
    assert "Title differs between the information dictionary and XMP" in pdfa_problems(out.getvalue())


def test_pdfa_validator_from_pikepdf_approves_the_draft_note_as_pdfa_3b() -> None:
    """pikepdf's allow-list PDF/A validator, when its optional dependencies are installed (pikepdf[pdfa]).
    It does not check interactive forms, so it gets the draft (no signature field)."""
    pytest.importorskip("jsonschema", reason="pikepdf.pdfa needs pikepdf[pdfa] (jsonschema, referencing)")
    import pikepdf.pdfa

    pdf = render_case_note(sample_case_note(status="draft"))
    report = pikepdf.pdfa.validate_written(io.BytesIO(pdf), "3b")
    assert report.passed, report.findings
    # with the record's evidence embedded as a PDF/A-3 associated file, as a signed note carries it
    with_evidence = render_case_note(sample_case_note(status="draft"), b'{"content": {}}')
    report = pikepdf.pdfa.validate_written(io.BytesIO(with_evidence), "3b")
    assert report.passed, report.findings
    assert pdfa_problems(with_evidence) == []
    # the same file claiming PDF/A-2 is refused: part 2 allows no such attachment
    assert not pikepdf.pdfa.validate_written(io.BytesIO(with_evidence), "2b").passed


def test_unreadable_drawn_signature_is_a_clear_error() -> None:
    note = sample_case_note()
    broken = model.SignatureBlock(
        MANAGER, "Team manager", "drawn", note.signatures[0].signed_at, "", b"not a png"
    )
    with pytest.raises(CoworkError, match=f"drawn signature of {MANAGER} cannot be read"):
        render_case_note(dataclasses.replace(note, signatures=(broken,)))


def test_status_must_be_signed_or_draft() -> None:
    with pytest.raises(ValueError, match="status"):
        dataclasses.replace(sample_case_note(), status="final")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("reference", "kind", "expected"),
    [
        ("CR-1234", RecordKind.INITIAL_MEETING, "CR-1234_initial_meeting_2026-11-23.pdf"),
        ("CR/12/34", "issue_resolution", "CR-12-34_issue_resolution_2026-11-23.pdf"),
        ("..\\..\\etc", "review", "etc_review_2026-11-23.pdf"),
        ("CON", "closing", "case-CON_closing_2026-11-23.pdf"),
        ("", "Initial co-working meeting (MDR)", "case_initial_co_working_meeting_mdr_2026-11-23.pdf"),
        ("Zoë:1", "review", "Zoe-1_review_2026-11-23.pdf"),
    ],
)
def test_case_note_filename_is_filesystem_safe(reference: str, kind: str, expected: str) -> None:
    name = case_note_filename(reference, kind, date(2026, 11, 23))
    assert name == expected
    assert re.fullmatch(r"[A-Za-z0-9._-]+", name)


def test_text_is_printed_as_it_is_never_as_markup(tmp_path: Path) -> None:
    note = sample_case_note()
    extra = NoteSection("Notes", (QuestionAnswer("Comment <b>", "Tom & <Jerry> <br/> &amp; <font name=x>"),))
    pdf = render_case_note(dataclasses.replace(note, sections=(*note.sections, extra)))
    text = normalise(pdf_text(pdf, tmp_path))
    assert "Comment <b>" in text
    assert "Tom & <Jerry> <br/> &amp; <font name=x>" in text


def test_layout_breaks_lines_at_spaces_and_between_ideographs() -> None:
    lines = fonts.layout("one two three four five six seven", fonts.SANS, 10, 60)
    texts = [line.source.text[line.start : line.end] for line in lines]
    assert len(texts) > 1 and " ".join(texts) == "one two three four five six seven"
    chinese = fonts.layout("王小明说普通话也会说粤语" * 3, fonts.SANS, 10, 60)
    assert len(chinese) > 1 and all(line.width <= 60 for line in chinese)
    # an unbreakable word wider than the line is cut, never lost
    long_word = "x" * 200
    cut = fonts.layout(long_word, fonts.SANS, 10, 100)
    assert "".join(line.source.text[line.start : line.end] for line in cut) == long_word
    assert all(line.width <= 100 for line in cut)


def test_characters_the_fonts_lack_print_as_replacement_characters(tmp_path: Path) -> None:
    """A missing glyph would print as .notdef (invisible or a box), which PDF/A forbids too."""
    assert fonts.printable("Agreed 🧿	𐀀 \U0010fffd") == "Agreed \ufffd \ufffd \ufffd"
    note = sample_case_note()
    extra = NoteSection("Notes", (QuestionAnswer("Comment", "Agreed 🧿 by 𐀀 and प्रिया 👍"),))
    pdf = render_case_note(dataclasses.replace(note, sections=(*note.sections, extra)))
    assert pdfa_problems(pdf) == []
    text = pdf_text(pdf, tmp_path)
    assert "Agreed \ufffd by \ufffd and प्रिया 👍" in text
    assert "🧿" not in text


def test_missing_font_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CoworkError, match=r"Cannot find the font NotoSans-Regular\.ttf.*fonts-noto-core"):
        fonts.find_font("NotoSans-Regular.ttf", [tmp_path])
