"""The organisation's logo on case notes: read from the ``logo_path`` setting, drawn at the top left of the first
page (at most 18 mm high, aspect kept, flattened onto white), and the file stays PDF/A. Real files, no Qt."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image as PILImage
from reportlab.lib.units import mm

from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.export.pdf import LOGO_MAX_HEIGHT, _logo_image, render_case_note
from cowork_desktop.export.pdfa import pdfa_problems
from cowork_desktop.export.sample import sample_case_note
from cowork_desktop.services import export
from cowork_desktop.services.demo import load_demo
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.store import Store

pytestmark = pytest.mark.skipif(
    shutil.which("pdfimages") is None or shutil.which("pdftotext") is None,
    reason="needs poppler-utils (pdfimages, pdftotext)",
)


def picture(fmt: str = "PNG", size: tuple[int, int] = (600, 200), transparent: bool = True) -> bytes:
    """A wide logo: a blue band on a transparent (or white) ground."""
    mode = "RGBA" if transparent and fmt == "PNG" else "RGB"
    image = PILImage.new(mode, size, (0, 0, 0, 0) if mode == "RGBA" else (255, 255, 255))
    image.paste(
        (31, 95, 153) if mode == "RGB" else (31, 95, 153, 255), (10, size[1] // 3, size[0] - 10, size[1] // 2)
    )
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def images(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    """``pdfimages -list``: one row per image (page, num, type, width, height, color, comp, bpc, enc, interp,
    object, ID, x-ppi, y-ppi, size, ratio)."""
    path = tmp_path / "logo.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def first_page_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "text.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", str(path), "-"]
    return subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_a_logo_adds_one_image_on_the_first_page_and_stays_pdfa(fmt: str, tmp_path: Path) -> None:
    note = sample_case_note(status="draft")
    plain = render_case_note(note)
    with_logo = render_case_note(dataclasses.replace(note, logo_png=picture(fmt)))
    before, after = images(plain, tmp_path), images(with_logo, tmp_path)
    assert len(after) == len(before) + 1
    on_first_page = [row for row in after if row[0] == "1"]
    assert len(on_first_page) == len([row for row in before if row[0] == "1"]) + 1
    assert all(row[5] == "rgb" and row[2] == "image" for row in after)  # flattened: no smask, no alpha
    assert pdfa_problems(with_logo) == []
    text = first_page_text(with_logo, tmp_path)
    assert "Northshire County Council" in text and f"Case {note.case_reference}" in text  # the header stays


def test_the_logo_keeps_its_aspect_within_18_mm(tmp_path: Path) -> None:
    note = sample_case_note(status="draft")
    wide = _logo_image(dataclasses.replace(note, logo_png=picture(size=(900, 300))))
    assert wide is not None
    assert wide.drawHeight <= LOGO_MAX_HEIGHT + 0.01
    assert wide.drawWidth / wide.drawHeight == pytest.approx(3.0, rel=0.01)
    tall = _logo_image(dataclasses.replace(note, logo_png=picture(size=(200, 800))))
    assert tall is not None and tall.drawHeight == pytest.approx(18 * mm)
    assert _logo_image(note) is None


def test_a_large_logo_is_reduced_to_its_printed_size(tmp_path: Path) -> None:
    note = dataclasses.replace(
        sample_case_note(status="draft"), logo_png=picture("JPEG", (4000, 1000), transparent=False)
    )
    pdf = render_case_note(note)
    logo = [row for row in images(pdf, tmp_path) if row[0] == "1"]
    width = max(int(row[3]) for row in logo)
    assert width < 1200  # 300 dpi at about 70 mm, not 4000 pixels


def test_a_logo_that_is_not_a_picture_is_a_clear_error() -> None:
    note = dataclasses.replace(sample_case_note(), logo_png=b"\x89PNG\r\n\x1a\nbroken")
    with pytest.raises(CoworkError, match=r"logo .* cannot be read"):
        render_case_note(note)


def test_the_logo_setting_is_read_only_when_it_is_a_picture(store: Store, tmp_path: Path) -> None:
    assert export.logo_bytes(store) is None
    good = tmp_path / "logo.png"
    good.write_bytes(picture())
    store.set_setting("logo_path", str(good))
    assert export.logo_bytes(store) == good.read_bytes()
    fake = tmp_path / "logo.jpg"
    fake.write_text("not a picture")
    store.set_setting("logo_path", str(fake))
    assert export.logo_bytes(store) is None
    store.set_setting("logo_path", str(tmp_path / "moved.png"))
    assert export.logo_bytes(store) is None  # a moved logo is left off, the export goes on


def test_build_case_note_passes_the_logo(ws: Workspace, tmp_path: Path) -> None:
    load_demo(ws, date(2026, 11, 23))
    record = next(r for c in ws.store.list_cases() for r in ws.store.records_for_case(c.id))
    assert record.id is not None
    assert export.build_case_note(ws, record.id).logo_png is None
    logo = tmp_path / "team-logo.jpeg"
    logo.write_bytes(picture("JPEG", transparent=False))
    ws.store.set_setting("logo_path", str(logo))
    note = export.build_case_note(ws, record.id)
    assert note.logo_png == logo.read_bytes()
    pdf = render_case_note(note)
    assert pdfa_problems(pdf) == []
    assert any(row[0] == "1" for row in images(pdf, tmp_path))
    assert re.search(r"Case\s+\S+", first_page_text(pdf, tmp_path))
