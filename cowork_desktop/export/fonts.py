"""Fonts for the exported case notes: finding them, registering them with reportlab, and shaping Arabic script.

Noto Sans covers Latin (with every diacritic a name in these teams is likely to carry), Greek and Cyrillic;
Noto Naskh Arabic covers Arabic and Urdu. The fonts are looked for in the app's ``resources/fonts`` folder first
(a packaged build ships them there), then in Debian's ``fonts-noto-core`` folder.

reportlab does not shape Arabic script, so :func:`shape_text` does it before the text reaches a Paragraph: each
line containing Arabic letters is reshaped into presentation forms (``arabic_reshaper``) and put into visual
order (``python-bidi``), and every Arabic-script run is wrapped in ``<font name="NotoNaskhArabic">``.
Limitation: the reordering is per source line, so a long right-to-left paragraph that reportlab wraps over
several lines reads in the wrong line order. Names and short answers, the realistic content, are unaffected.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cowork_desktop import paths
from cowork_desktop.domain.errors import CoworkError

SYSTEM_FONT_DIR = Path("/usr/share/fonts/truetype/noto")

#: reportlab names of the registered fonts
SANS = "NotoSans"
SANS_BOLD = "NotoSans-Bold"
SANS_ITALIC = "NotoSans-Italic"
SANS_BOLD_ITALIC = "NotoSans-BoldItalic"
ARABIC = "NotoNaskhArabic"
ARABIC_BOLD = "NotoNaskhArabic-Bold"


@dataclass(frozen=True)
class _FontSpec:
    name: str
    file: str
    required: bool
    #: the font registered in its place when the file is missing (optional fonts only)
    fallback: str = ""


_FONTS = (
    _FontSpec(SANS, "NotoSans-Regular.ttf", required=True),
    _FontSpec(SANS_BOLD, "NotoSans-Bold.ttf", required=True),
    _FontSpec(SANS_ITALIC, "NotoSans-Italic.ttf", required=False, fallback=SANS),
    _FontSpec(SANS_BOLD_ITALIC, "NotoSans-BoldItalic.ttf", required=False, fallback=SANS_BOLD),
    _FontSpec(ARABIC, "NotoNaskhArabic-Regular.ttf", required=True),
    _FontSpec(ARABIC_BOLD, "NotoNaskhArabic-Bold.ttf", required=False, fallback=ARABIC),
)

_lock = threading.Lock()
_registered = False


def font_dirs() -> list[Path]:
    """The folders searched for fonts, in order: the app's resources/fonts (if present), then the system's."""
    dirs: list[Path] = []
    try:
        bundled = paths.resource("fonts")
    except FileNotFoundError:
        bundled = None
    if bundled is not None and bundled.is_dir():
        dirs.append(bundled)
    dirs.append(SYSTEM_FONT_DIR)
    return dirs


def find_font(filename: str, dirs: Sequence[Path] | None = None) -> Path:
    """The path of a font file, e.g. ``"NotoSans-Regular.ttf"``; CoworkError naming the folders if absent."""
    searched = list(dirs) if dirs is not None else font_dirs()
    for folder in searched:
        candidate = folder / filename
        if candidate.is_file():
            return candidate
    where = ", ".join(str(d) for d in searched)
    raise CoworkError(
        f"Cannot find the font {filename} (looked in {where}). "
        "Install the Noto fonts (Debian: fonts-noto-core) or put the file in resources/fonts."
    )


def register_fonts() -> None:
    """Register the Noto fonts with reportlab (once per process; later calls do nothing)."""
    global _registered
    with _lock:
        if _registered:
            return
        dirs = font_dirs()
        found: dict[str, Path] = {}
        for spec in _FONTS:
            try:
                found[spec.name] = find_font(spec.file, dirs)
            except CoworkError:
                if spec.required:
                    raise
        for spec in _FONTS:
            if spec.name in found:
                # shapable=False: Arabic is shaped by shape_text; reportlab must not shape it again.
                font = TTFont(spec.name, str(found[spec.name]), shapable=False)
            else:
                font = TTFont(spec.name, str(found[spec.fallback]), shapable=False)
            pdfmetrics.registerFont(font)
        for family, bold in ((SANS, SANS_BOLD), (ARABIC, ARABIC_BOLD)):
            italic = SANS_ITALIC if family == SANS else ARABIC
            bold_italic = SANS_BOLD_ITALIC if family == SANS else ARABIC_BOLD
            addMapping(family, 0, 0, family)
            addMapping(family, 1, 0, bold)
            addMapping(family, 0, 1, italic)
            addMapping(family, 1, 1, bold_italic)
        _registered = True


# Arabic letters, supplements, extended-A and both presentation-form blocks (what arabic_reshaper produces).
_ARABIC_CHARS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_RE = re.compile(f"[{_ARABIC_CHARS}]")
# A run of Arabic-script words: spaces between two Arabic words stay inside the run.
_ARABIC_RUN_RE = re.compile(f"[{_ARABIC_CHARS}]+(?:[ \u00a0]+[{_ARABIC_CHARS}]+)*")


def has_arabic(text: str) -> bool:
    return _ARABIC_RE.search(text) is not None


def visual_line(line: str) -> str:
    """One line of text ready for a renderer that neither shapes nor reorders: Arabic reshaped, visual order."""
    if not has_arabic(line):
        return line
    shaped: str = arabic_reshaper.reshape(line)
    return str(get_display(shaped))


REPLACEMENT_CHARACTER = "\ufffd"
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


@cache
def _coverage(font_name: str) -> frozenset[int]:
    register_fonts()
    face = pdfmetrics.getFont(font_name).face
    return frozenset(face.charToGlyph)


def printable(text: str, font_name: str = SANS) -> str:
    """``text`` with every character the font lacks replaced by U+FFFD (and control characters by spaces).

    A missing glyph would otherwise print as an invisible or boxed .notdef glyph, which PDF/A also forbids;
    the replacement character shows the reader that something could not be printed (the database keeps the
    original text).
    """
    covered = _coverage(font_name)
    text = _CONTROL_RE.sub(" ", text)
    return "".join(c if ord(c) in covered or c == " " else REPLACEMENT_CHARACTER for c in text)


def shape_text(
    text: str, arabic_font: str = ARABIC, latin_font: str = SANS, arabic_size: float | None = None
) -> str:
    """reportlab Paragraph markup for plain ``text``: XML-escaped, Arabic shaped and in its own font.

    Line breaks become ``<br/>``. Text without Arabic script is only escaped. Characters the fonts lack become
    U+FFFD (see :func:`printable`). ``latin_font`` and ``arabic_font`` are the fonts the paragraph uses (e.g.
    the bold pair in a bold paragraph), for that check and for the Arabic runs; ``arabic_size`` sets the Arabic
    runs' point size (Naskh looks small beside Noto Sans at the same size).
    """
    size = f' size="{arabic_size:g}"' if arabic_size else ""
    lines = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if not has_arabic(line):
            lines.append(escape(printable(line, latin_font)))
            continue
        visual = visual_line(line)
        out: list[str] = []
        pos = 0
        for match in _ARABIC_RUN_RE.finditer(visual):
            out.append(escape(printable(visual[pos : match.start()], latin_font)))
            run = escape(printable(match.group(), arabic_font))
            out.append(f'<font name="{arabic_font}"{size}>{run}</font>')
            pos = match.end()
        out.append(escape(printable(visual[pos:], latin_font)))
        lines.append("".join(out))
    return "<br/>".join(lines)
