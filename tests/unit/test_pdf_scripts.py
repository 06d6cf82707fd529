"""Every script a record may hold prints, in order, and stays searchable; what cannot print is named before
signing. Real PDFs, read back with pdftotext (poppler) and pdfium; drawn with pdftoppm for the eye.

Text comparison: pdftotext wraps right-to-left runs in bidi embedding controls (U+202A-U+202E), which are
dropped, and whitespace is collapsed; nothing is NFC/NFKC-normalised. A line mixing Arabic and English is
compared word by word in order: pdftotext reorders the neutral punctuation next to a right-to-left run (here the
opening parenthesis) by its own rules.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pikepdf
import pytest

from cowork_desktop.export import fonts, model
from cowork_desktop.export.model import Amendment, CaseNote, NoteSection, QuestionAnswer, SignatureBlock
from cowork_desktop.export.pdf import SIGNATURE_FIELD, page_texts, render_case_note
from cowork_desktop.export.pdfa import pdfa_problems
from cowork_desktop.export.sample import sample_case_note
from cowork_desktop.services.printing import describe, unprintable_characters, unprintable_in_answers

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="needs poppler-utils (pdftotext, pdftoppm)",
)

HEBREW = "דנה לוי מדברת עברית בבית"
ARABIC_MIXED = "عائشة خان (ASYE newly qualified)"
ARABIC = "تتحدث الأم العربية واللغة الإنجليزية"
BENGALI = "রবীন্দ্রনাথ ঠাকুর স্কুলে যায়"
DEVANAGARI = "प्रिया शर्मा हिन्दी बोलती है"
GURMUKHI = "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਪੰਜਾਬੀ ਬੋਲਦਾ ਹੈ"
CHINESE = "王小明说普通话，也会说粤语。"
EMOJI = "Happy at school 👍😀 ❤ ☺"
SCRIPTS = {
    "hebrew": HEBREW,
    "arabic_mixed": ARABIC_MIXED,
    "arabic": ARABIC,
    "bengali": BENGALI,
    "devanagari": DEVANAGARI,
    "gurmukhi": GURMUKHI,
    "chinese": CHINESE,
    "emoji": EMOJI,
}
NAMES = ("דנה לוי", "রবীন্দ্রনাথ ঠাকুর", "प्रिया शर्मा", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "王小明")

_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f"))


def clean(text: str) -> str:
    return " ".join(text.translate(_BIDI_CONTROLS).split())


def pdf_text(pdf: bytes, tmp_path: Path, page: int | None = None) -> str:
    path = tmp_path / "scripts.pdf"
    path.write_bytes(pdf)
    pages = ["-f", str(page), "-l", str(page)] if page else []
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def page_count(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def assert_in_order(expected: list[str], found: list[str]) -> None:
    """``expected`` appears in ``found`` as a contiguous run of words."""
    n = len(expected)
    assert any(found[i : i + n] == expected for i in range(len(found) - n + 1)), (expected, found)


def notdef_uses(pdf: bytes) -> list[str]:
    """Text-showing operators that draw glyph 0 (.notdef) of an embedded TrueType subset: reportlab encodes
    a character its font lacks as code 0."""
    found = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages, start=1):
            for instruction in pikepdf.parse_content_stream(page):
                if not isinstance(instruction, pikepdf.ContentStreamInstruction):
                    continue
                operands, operator = instruction.operands, str(instruction.operator)
                if operator == "Tj":
                    strings = [bytes(operands[0])]
                elif operator == "TJ":
                    strings = [bytes(o) for o in operands[0] if isinstance(o, pikepdf.String)]
                else:
                    continue
                if any(b"\x00" in s for s in strings):
                    found.append(f"page {number}")
    return found


def multi_script_note(**changes: object) -> CaseNote:
    note = sample_case_note()
    section = NoteSection(
        "Languages and names",
        tuple(QuestionAnswer(f"In {key.replace('_', ' ')}", text) for key, text in SCRIPTS.items()),
    )
    present = (*note.present, *(model.Attendee(name, "Family member") for name in NAMES))
    signed = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
    signature = SignatureBlock("דנה לוי", "Social worker", "typed", signed, "אני מסכימה.")
    return dataclasses.replace(
        note,
        present=present,
        sections=(section, *note.sections),
        signatures=(*note.signatures, signature),
        **changes,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def scripts_pdf() -> bytes:
    return render_case_note(multi_script_note())


@pytest.fixture(scope="module")
def scripts_text(scripts_pdf: bytes, tmp_path_factory: pytest.TempPathFactory) -> str:
    return clean(pdf_text(scripts_pdf, tmp_path_factory.mktemp("scripts")))


@pytest.mark.parametrize("key", [k for k in SCRIPTS if k != "arabic_mixed"])
def test_every_script_reads_back_as_typed(scripts_text: str, key: str) -> None:
    """Logical order, letters not presentation forms or private-use codes, emoji as themselves."""
    assert SCRIPTS[key] in scripts_text


def test_arabic_mixed_with_english_reads_back_in_order(scripts_text: str) -> None:
    assert_in_order(words(ARABIC_MIXED), words(scripts_text))
    assert "ASYE newly qualified)" in scripts_text


def test_names_in_tables_and_signatures_read_back(scripts_text: str) -> None:
    for name in NAMES:
        assert name in scripts_text
    assert "Family member" in scripts_text
    assert_in_order(words("אני מסכימה."), words(scripts_text))  # the full stop may move: it is neutral


def test_no_replacement_characters_no_notdef_and_pdfa(scripts_pdf: bytes, scripts_text: str) -> None:
    assert "\ufffd" not in scripts_text
    assert notdef_uses(scripts_pdf) == []
    assert pdfa_problems(scripts_pdf) == []


def test_pikepdf_validator_approves_the_multi_script_draft() -> None:
    pytest.importorskip("jsonschema", reason="pikepdf.pdfa needs pikepdf[pdfa] (jsonschema, referencing)")
    import pikepdf.pdfa

    pdf = render_case_note(multi_script_note(status="draft"))
    report = pikepdf.pdfa.validate_written(io.BytesIO(pdf), "3b")
    assert report.passed, report.findings


def test_pdfium_reads_the_scripts_too(scripts_pdf: bytes) -> None:
    """pdfium (the verifier's text layer) honours the marked-content text of shaped runs."""
    text = clean(" ".join(page_texts(scripts_pdf)))
    for key in ("bengali", "devanagari", "gurmukhi", "chinese", "emoji"):
        assert SCRIPTS[key] in text, key
    for word in words(HEBREW) + words(ARABIC):
        assert word in text or word[::-1] in text  # pdfium keeps right-to-left words in visual order


def test_the_fonts_are_subset(scripts_pdf: bytes) -> None:
    plain = render_case_note(sample_case_note())
    print(f"\nmulti-script note: {len(scripts_pdf):,} bytes; plain note: {len(plain):,} bytes")
    assert len(plain) < 120_000
    assert len(scripts_pdf) < 400_000  # the CJK font alone is 5 MB, Symbola 3 MB


@pytest.mark.slow  # a fresh interpreter
def test_the_same_note_prints_the_same_text_in_a_fresh_process(scripts_pdf: bytes, tmp_path: Path) -> None:
    """`cowork verify` compares a signed file's page text with a fresh render, maybe in another process: the
    codes reportlab gives shaped glyphs depend on what the process printed before, the text must not."""
    out = tmp_path / "fresh.pdf"
    code = (
        "import sys; sys.path.insert(0, sys.argv[2]);"
        "from test_pdf_scripts import multi_script_note;"
        "from cowork_desktop.export.pdf import render_case_note;"
        "open(sys.argv[1], 'wb').write(render_case_note(multi_script_note()))"
    )
    subprocess.run([sys.executable, "-c", code, str(out), str(Path(__file__).parent)], check=True)
    # and this process printed other scripts before, in another order
    render_case_note(dataclasses.replace(multi_script_note(), sections=multi_script_note().sections[::-1]))
    assert (
        page_texts(out.read_bytes())
        == page_texts(scripts_pdf)
        == page_texts(render_case_note(multi_script_note()))
    )


# ------------------------------------------------------------------------------------------------ pictures


def test_each_page_draws_without_boxes(scripts_pdf: bytes, tmp_path: Path) -> None:
    """The pages render (pdftoppm -r 80); tests/unit/test_pdf_scripts.py's author looked at them. Kept as
    files under the test's temporary folder for a second look."""
    path = tmp_path / "scripts.pdf"
    path.write_bytes(scripts_pdf)
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(path), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == page_count(scripts_pdf)
    assert all(p.stat().st_size > 10_000 for p in pngs)


# --------------------------------------------------------------------------------------- unprintable rule


def test_nothing_in_these_scripts_is_unprintable() -> None:
    for text in (*SCRIPTS.values(), *NAMES):
        assert unprintable_characters(text) == [], text
    # spaces, line breaks, tabs, joiners, variation selectors and bidi marks need no glyph
    assert unprintable_characters("a\tb\nc\u200dd\ufe0f\u200e\u00a0") == []


def test_characters_no_font_has_are_named() -> None:
    assert unprintable_characters("ok \U0010fffd") == ["U+10FFFD"]
    assert unprintable_characters("Linear B 𐀀𐀀 and \ue000") == [
        "𐀀 U+10000 LINEAR B SYLLABLE B008 A",
        "U+E000",
    ]
    assert describe("🧿") == "🧿 U+1F9FF NAZAR AMULET"


def test_unprintable_in_answers_walks_nested_answers() -> None:
    answers = {
        "names": "Zoë and דנה",
        "rows": [{"task": "Visit 𐀀", "lead": 3}, {"task": "Call"}],
        "nested": {"a": ["fine", ("\U0010fffd",)]},
        "count": 4,
        "none": None,
    }
    assert unprintable_in_answers(answers) == {
        "rows": ["𐀀 U+10000 LINEAR B SYLLABLE B008 A"],
        "nested": ["U+10FFFD"],
    }


def test_what_cannot_print_prints_as_replacement_characters(tmp_path: Path) -> None:
    note = sample_case_note()
    extra = NoteSection("Notes", (QuestionAnswer("Comment", "Agreed 𐀀 by \U0010fffd and 👍"),))
    pdf = render_case_note(dataclasses.replace(note, sections=(*note.sections, extra)))
    assert pdfa_problems(pdf) == [] and notdef_uses(pdf) == []
    assert "Agreed \ufffd by \ufffd and 👍" in clean(pdf_text(pdf, tmp_path))


def test_the_renderer_and_the_rule_agree() -> None:
    covered = fonts.covered_code_points()
    assert ord("ਗ") in covered and ord("王") in covered and ord("👍") in covered
    assert 0x10FFFD not in covered and 0xE000 not in covered


# ---------------------------------------------------------------------------------------------- layout


def test_a_long_answer_starts_right_after_its_prompt(tmp_path: Path) -> None:
    sentence = "The family was seen at home and the child spoke about school and friends. "
    answer = (sentence * (20_000 // len(sentence) + 1))[:20_000]
    note = sample_case_note()
    long_section = NoteSection("Observations", (QuestionAnswer("What was observed?", answer),))
    pdf = render_case_note(dataclasses.replace(note, sections=(long_section, *note.sections)))
    first = clean(pdf_text(pdf, tmp_path, 1))
    assert "What was observed?" in first
    after_prompt = first.split("What was observed?", 1)[1].strip()
    # page 1 is filled with the answer: far more than its first line
    assert after_prompt.startswith(sentence.strip()[:40])
    assert after_prompt.count("The family was seen") >= 8
    text = clean(pdf_text(pdf, tmp_path))
    assert text.count("friends") == answer.count("friends")
    assert pdfa_problems(pdf) == []


@pytest.mark.parametrize("sentences", [0, 20, 34, 40, 46, 52, 58, 64])
def test_the_signature_box_never_stands_alone(sentences: int, tmp_path: Path) -> None:
    """Whatever the length, the page of the digital signature box also shows the last signature."""
    note = sample_case_note()
    filler = NoteSection(
        "Notes", (QuestionAnswer("Notes", "Words to fill the page, line after line. " * sentences),)
    )
    pdf = render_case_note(dataclasses.replace(note, sections=(*note.sections, filler)))
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        (field,) = doc.Root.AcroForm.Fields
        assert str(field.T) == SIGNATURE_FIELD
        page = next(n for n, p in enumerate(doc.pages, start=1) if p.obj.objgen == field.P.objgen)
    text = clean(pdf_text(pdf, tmp_path, page))
    assert "Digital signature of this file" in text
    assert "Signed (typed signature)" in text  # the last signature is on the same page


# ----------------------------------------------------------------------------------- what the model says


def test_superseded_band_on_every_page(tmp_path: Path) -> None:
    note = sample_case_note(responsibility_rows=60)
    superseded = model.Supersession(version=3, record_id=57, signed_on=date(2026, 12, 4))
    pdf = render_case_note(dataclasses.replace(note, superseded_by=superseded))
    pages = page_count(pdf)
    assert pages >= 3
    band = "SUPERSEDED by version 3 (record 57), signed on 4 December 2026: not the current record"
    for page in range(1, pages + 1):
        assert band in clean(pdf_text(pdf, tmp_path, page)), page
    assert "Signed; superseded by version 3" in clean(pdf_text(pdf, tmp_path, 1))
    assert pdfa_problems(pdf) == []


def test_display_number_in_footer_and_facts_but_the_real_id_in_metadata(tmp_path: Path) -> None:
    note = dataclasses.replace(sample_case_note(), record_id=4, record_number=1, version=2)
    pdf = render_case_note(note)
    text = clean(pdf_text(pdf, tmp_path))
    assert "Record 1, version 2 (signed)" in text
    assert "Record 1, version 2" in text and "Record 4," not in text
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert str(doc.docinfo["/CoworkRecordId"]) == "4"
        assert "record 4 version 2" in str(doc.docinfo["/Keywords"])


def test_amendment_and_resolution_are_printed(tmp_path: Path) -> None:
    amendment = Amendment(1, "Corrected the due date of an action", 1, date(2026, 10, 3))
    resolution = model.Resolution(
        9, 1, "Review of co-working", date(2026, 10, 3), ("Disagreement between the co-workers", "Workload")
    )
    note = dataclasses.replace(
        sample_case_note(), record_id=4, record_number=1, amendment=amendment, resolves=resolution
    )
    text = clean(pdf_text(render_case_note(note), tmp_path))
    assert (
        "This is version 2 of record 1; it amends version 1 (record 1), signed on 3 October 2026. "
        "Reason: Corrected the due date of an action." in text
    )
    assert (
        "This MDR resolves disagreement between the co-workers and workload found at the review of co-working "
        "of 3 October 2026 (record 9, version 1)." in text
    )
    # what the model does not know is left out
    bare = dataclasses.replace(sample_case_note(), amendment=Amendment(1, ""))
    assert "This is version 2 of record 42; it amends version 1. Reason: not given." in clean(
        pdf_text(render_case_note(bare), tmp_path)
    )


# ---------------------------------------------------------------------------------------------- the stamp


def test_the_stamp_prints_hebrew_and_replaces_what_it_cannot_shape(tmp_path: Path) -> None:
    from cowork_desktop.export.signing import (
        _stamp_param,
        create_certificate,
        load_signer,
        sign_pdf,
        verify_pdf,
    )

    assert "\ufffd" not in _stamp_param("דנה לוי") and "\ufffd" not in _stamp_param(ARABIC_MIXED)
    assert _stamp_param("王小明 Shah") == "\ufffd\ufffd\ufffd Shah"  # no CJK in the stamp font
    cert = create_certificate("דנה לוי", "Northshire", tmp_path / "c.p12", b"pass")
    signer = load_signer(cert, b"pass")
    signed = sign_pdf(
        render_case_note(sample_case_note()),
        signer,
        signer_name="דנה לוי",
        reason="Agreed",
        location="Office",
    )
    assert verify_pdf(signed).ok and pdfa_problems(signed) == []
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    last = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-f", str(page_count(signed)), str(path), "-"],
        capture_output=True,
        check=True,
    )
    text = clean(last.stdout.decode("utf-8"))
    assert "Digitally signed by" in text and "\ufffd" not in text
    assert_in_order(words("דנה לוי"), words(text))
