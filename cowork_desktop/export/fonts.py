"""Fonts and text for the exported PDFs: which font draws each character, shaping, right-to-left order, lines.

**Fonts.** Noto Sans draws Latin, Greek and Cyrillic (the body font, with bold and italics); fallback fonts draw the
other scripts: Noto Naskh Arabic (Arabic, Urdu, Persian), Noto Sans Hebrew, the Noto Sans fonts of the Indian and
South-East Asian scripts, Ethiopic, Armenian and Georgian (all Debian ``fonts-noto-core``), WenQuanYi Micro Hei for
Chinese, Japanese and Korean (``fonts-wqy-microhei``), Noto Sans Symbols and Symbola for symbols and emoji
(``fonts-symbola``), and DejaVu Sans last (``fonts-dejavu-core``). Only TrueType outlines: reportlab embeds
nothing else (Noto Sans CJK and Noto Color Emoji cannot be used). The fonts are looked for in the app's
``resources/fonts`` folder first (a packaged build ships them there), then in Debian's folders; only Noto Sans
and Noto Naskh Arabic are required, a missing optional font only makes its characters unprintable. reportlab
embeds the subset of glyphs a PDF uses.

**The rule for what cannot be printed** (:func:`unprintable`): a character is printable when a registered font
has a glyph for it, or when it needs none (white space, line breaks, tabs and other control characters, and
invisible format characters such as zero-width joiners, variation selectors and bidirectional marks). Private-use
characters never are: no font gives them a meaning a reader would share. The renderer replaces every unprintable
character with U+FFFD (never a .notdef box, which PDF/A forbids too): ``services.printing`` asks the same rule
before signing.

**Text.** :class:`TextBlock` is the paragraph flowable of the PDFs and :func:`draw_line` draws one line on a
canvas (headers, footers). A paragraph is split into lines at the hard line breaks; each hard line is a bidi
paragraph whose base direction is right-to-left when most of its letters are (Hebrew, Arabic script), else
left-to-right (English sentences with a name in Arabic stay left-to-right). Embedding levels come from the Unicode
bidi algorithm (python-bidi's reference implementation); each character gets the first font that has it (spaces,
punctuation, digits and marks keep their neighbour's font); lines break at spaces and between CJK characters;
each line is reordered for display (rule L2) and every run of one font and direction is shaped with HarfBuzz
(reportlab's ``uharfbuzz``) and drawn with reportlab's glyph positioning.

reportlab's own paragraph shaping is not used: its right-to-left ordering needs ``rlbidi``, which is not on PyPI,
and its text layer maps contextual glyphs to private-use code points and non-BMP characters (emoji) to broken
ToUnicode entries, so the PDF's text would not be searchable. Here the text stays searchable: left-to-right runs
that needed shaping (Indian scripts reorder vowel signs; conjuncts have no code point) are wrapped in marked
content carrying their text as typed (``/ActualText``), and :func:`fix_text_maps` rewrites each font's ToUnicode map
so that every glyph reads as the characters it stands for (Arabic joining forms as their letters, not as
presentation forms; emoji as themselves). Right-to-left runs carry no ActualText: text extractors (poppler,
pdfium) reorder right-to-left glyphs themselves from their positions.
"""

from __future__ import annotations

import io
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pikepdf
import uharfbuzz
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr, TTFont
from reportlab.platypus import Flowable

from cowork_desktop import paths
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.export.pdfa import values_of

#: where Debian puts the fonts (the packages are in packaging/debian-packages.txt)
SYSTEM_FONT_DIR = Path("/usr/share/fonts/truetype/noto")
SYSTEM_FONT_DIRS = (
    SYSTEM_FONT_DIR,
    Path("/usr/share/fonts/truetype/wqy"),
    Path("/usr/share/fonts/truetype/ancient-scripts"),
    Path("/usr/share/fonts/truetype/dejavu"),
)

#: reportlab names of the body fonts (the families' regular names are in :data:`FAMILIES`)
SANS = "NotoSans"
SANS_BOLD = "NotoSans-Bold"
SANS_ITALIC = "NotoSans-Italic"
SANS_BOLD_ITALIC = "NotoSans-BoldItalic"
ARABIC = "NotoNaskhArabic"
ARABIC_BOLD = "NotoNaskhArabic-Bold"

REPLACEMENT_CHARACTER = "\ufffd"


@dataclass(frozen=True)
class Family:
    """A font family in the fallback chain: its files (bold and italics where it has them) and how it prints."""

    name: str  # the reportlab name of the regular face; the others add -Bold, -Italic, -BoldItalic
    regular: str
    bold: str = ""
    italic: str = ""
    bold_italic: str = ""
    required: bool = False
    index: int = 0  # the font's index in a .ttc collection
    scale: float = 1.0  # point size relative to the body text (Naskh looks small beside Noto Sans)
    shaped: bool = False  # its script needs HarfBuzz (joining, conjuncts, vowel signs that move)


def _noto(script: str, *, shaped: bool = True, bold: bool = True) -> Family:
    return Family(
        f"NotoSans{script}",
        f"NotoSans{script}-Regular.ttf",
        f"NotoSans{script}-Bold.ttf" if bold else "",
        shaped=shaped,
    )


#: the fallback chain, in order: a character is drawn with the first family that has it
FAMILIES: tuple[Family, ...] = (
    Family(
        SANS,
        "NotoSans-Regular.ttf",
        "NotoSans-Bold.ttf",
        "NotoSans-Italic.ttf",
        "NotoSans-BoldItalic.ttf",
        required=True,
    ),
    Family(
        ARABIC,
        "NotoNaskhArabic-Regular.ttf",
        "NotoNaskhArabic-Bold.ttf",
        required=True,
        scale=1.15,
        shaped=True,
    ),
    _noto("Hebrew"),
    _noto("Devanagari"),
    _noto("Bengali"),
    _noto("Gurmukhi"),
    _noto("Gujarati"),
    _noto("Oriya"),
    _noto("Tamil"),
    _noto("Telugu"),
    _noto("Kannada"),
    _noto("Malayalam"),
    _noto("Sinhala"),
    _noto("Thai"),
    _noto("Lao"),
    _noto("Khmer"),
    _noto("Myanmar"),
    _noto("Thaana"),
    _noto("Syriac", bold=False),
    _noto("Ethiopic", shaped=False),
    _noto("Armenian", shaped=False),
    _noto("Georgian", shaped=False),
    Family("WenQuanYiMicroHei", "wqy-microhei.ttc"),
    _noto("Symbols2", shaped=False, bold=False),
    _noto("Symbols", shaped=False),
    _noto("Math", shaped=False, bold=False),
    Family("Symbola", "Symbola_hint.ttf"),
    Family("DejaVuSans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
)

_VARIANTS = ("", "-Bold", "-Italic", "-BoldItalic")


@dataclass(frozen=True)
class _Face:
    name: str  # reportlab name
    family: Family
    path: Path
    #: the code points the font has a glyph for, as the file says (reportlab later adds private-use codes)
    coverage: frozenset[int]


@dataclass
class _Registry:
    faces: dict[str, _Face] = field(default_factory=dict)
    #: per variant ("", "-Bold", ...), the faces to try in order
    chains: dict[str, tuple[_Face, ...]] = field(default_factory=dict)
    #: every code point some registered font draws
    coverage: frozenset[int] = frozenset()
    #: a font program's PDF name (without the subset tag) -> its face, for fix_text_maps
    by_pdf_name: dict[str, _Face] = field(default_factory=dict)


_lock = threading.Lock()
_registry: _Registry | None = None


def font_dirs() -> list[Path]:
    """The folders searched for fonts, in order: the app's resources/fonts (if present), then the system's."""
    dirs: list[Path] = []
    try:
        bundled = paths.resource("fonts")
    except FileNotFoundError:
        bundled = None
    if bundled is not None and bundled.is_dir():
        dirs.append(bundled)
    dirs.extend(SYSTEM_FONT_DIRS)
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


def _is_private_use(cp: int) -> bool:
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000


def _build_registry() -> _Registry:
    dirs = font_dirs()
    reg = _Registry()
    for family in FAMILIES:
        files = (family.regular, family.bold, family.italic, family.bold_italic)
        for variant, filename in zip(_VARIANTS, files, strict=True):
            if not filename:
                continue
            try:
                path = find_font(filename, dirs)
            except CoworkError:
                if family.required and variant == "":
                    raise
                continue
            name = family.name + variant
            font = TTFont(name, str(path), subfontIndex=family.index, shapable=True)
            pdfmetrics.registerFont(font)
            covered = frozenset(cp for cp in font.face.charToGlyph if cp >= 0x20 and not _is_private_use(cp))
            face = _Face(name, family, path, covered)
            reg.faces[name] = face
            pdf_name = (font.face.name + font.face.subfontNameX).decode("latin-1")
            reg.by_pdf_name[pdf_name] = face
    if SANS_BOLD not in reg.faces:
        raise CoworkError(
            f"Cannot find the font NotoSans-Bold.ttf (looked in {', '.join(str(d) for d in dirs)}). "
            "Install the Noto fonts (Debian: fonts-noto-core) or put the file in resources/fonts."
        )
    for variant in _VARIANTS:
        chain: list[_Face] = []
        for family in FAMILIES:
            # the variant if the family has it, else the nearest: bold for bold italic, regular otherwise
            candidates = [variant, "-Bold" if "Bold" in variant else "", ""]
            found = next((f for c in candidates if (f := reg.faces.get(family.name + c)) is not None), None)
            if found is not None:
                chain.append(found)
        reg.chains[variant] = tuple(chain)
    reg.coverage = frozenset().union(*(f.coverage for f in reg.faces.values()))
    return reg


def _reg() -> _Registry:
    global _registry
    with _lock:
        if _registry is None:
            _registry = _build_registry()
        return _registry


def register_fonts() -> None:
    """Register the fonts with reportlab (once per process; later calls do nothing)."""
    _reg()


def _variant(font_name: str) -> str:
    for suffix in ("-BoldItalic", "-Bold", "-Italic"):
        if font_name.endswith(suffix):
            return suffix
    return ""


# -------------------------------------------------------------------------------------------- printability


#: characters that need no glyph: they are laid out (line breaks, spaces) or invisible
def _needs_no_glyph(ch: str) -> bool:
    category = unicodedata.category(ch)
    if category in ("Cc", "Zl", "Zp", "Zs", "Cf"):
        return True
    cp = ord(ch)
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF  # variation selectors


@lru_cache(maxsize=4096)
def _char_printable(ch: str) -> bool:
    cp = ord(ch)
    if _is_private_use(cp) or 0xD800 <= cp <= 0xDFFF or unicodedata.category(ch) == "Cn":
        return False
    return cp in _reg().coverage or _needs_no_glyph(ch)


def covered_code_points() -> frozenset[int]:
    """Every code point some registered font has a glyph for (private-use ones excepted)."""
    return _reg().coverage


def unprintable(text: str) -> list[str]:
    """The distinct characters of ``text`` that no font can draw, in order of first appearance."""
    seen: dict[str, None] = {}
    for ch in text:
        if ch not in seen and not _char_printable(ch):
            seen[ch] = None
    return list(seen)


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str, font_name: str = SANS) -> str:
    """``text`` with every character no font can draw replaced by U+FFFD (and control characters, tabs
    included, by spaces). ``font_name`` is accepted for compatibility: the whole fallback chain is used."""
    text = _CONTROL_RE.sub(" ", text.replace("\t", " "))
    return "".join(c if _char_printable(c) else REPLACEMENT_CHARACTER for c in text)


_ARABIC_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def has_arabic(text: str) -> bool:
    return _ARABIC_RE.search(text) is not None


def has_rtl(text: str) -> bool:
    """Whether ``text`` has a right-to-left letter (Hebrew, Arabic script, Syriac, Thaana...)."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


# ----------------------------------------------------------------------------------------------- bidi


_EXPLICIT = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def _base_level(line: str) -> int:
    """1 (right-to-left) when most of the line's letters are right-to-left, else 0."""
    rtl = ltr = 0
    for c in line:
        kind = unicodedata.bidirectional(c)
        if kind in ("R", "AL"):
            rtl += 1
        elif kind == "L":
            ltr += 1
    return 1 if rtl > ltr else 0


def _levels(line: str, base: int) -> list[int]:
    """The resolved embedding level of each character (explicit embeddings are not supported: the caller
    removes them). Characters the algorithm drops (rule X9) take their neighbour's level."""
    if base == 0 and not any(unicodedata.bidirectional(c) in ("R", "AL", "AN") for c in line):
        return [0] * len(line)
    from bidi import algorithm

    storage: dict[str, Any] = algorithm.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    algorithm.get_embedding_levels(line, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage, False)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    levels: list[int | None] = [None] * len(line)
    for char in storage["chars"]:
        levels[char["index"]] = char["level"]
    out: list[int] = []
    previous = base
    for level in levels:
        previous = previous if level is None else level
        out.append(previous)
    return out


def _visual_order(levels: Sequence[int]) -> list[int]:
    """Rule L2: the order in which items with these levels are displayed, left to right."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    odd = [lv for lv in levels if lv % 2]
    if not odd:
        return order
    lowest_odd = min(odd)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


# ---------------------------------------------------------------------------------------- font choice


def _is_neutral(ch: str) -> bool:
    """Characters that take their neighbours' font when it has them: spaces, punctuation, digits, marks."""
    return unicodedata.category(ch)[0] in "ZPMC" or unicodedata.category(ch) in ("Nd", "Sk", "Sm", "Sc")


def _is_attached(ch: str) -> bool:
    """Combining marks and invisible joiners belong with the character before them."""
    return unicodedata.category(ch) in ("Mn", "Mc", "Me", "Cf") or 0xFE00 <= ord(ch) <= 0xFE0F


def _assign_faces(line: str, chain: Sequence[_Face]) -> list[_Face]:
    def first(cp: int) -> _Face:
        for face in chain:
            if cp in face.coverage:
                return face
        return chain[0]  # only for characters that need no glyph

    faces: list[_Face | None] = [None] * len(line)
    for i, ch in enumerate(line):
        if not _is_neutral(ch):
            faces[i] = first(ord(ch))
    # neutrals: the previous strong character's font if it has them, else the next one's, else the first
    previous: _Face | None = None
    for i, ch in enumerate(line):
        face = faces[i]
        if face is not None:
            previous = face
            continue
        cp = ord(ch)
        if _is_attached(ch) and i > 0:
            faces[i] = faces[i - 1]
            continue
        if previous is not None and (cp in previous.coverage or _needs_no_glyph(ch)):
            faces[i] = previous
            continue
        following = next((f for f in faces[i + 1 :] if f is not None), None)
        if following is not None and (cp in following.coverage or _needs_no_glyph(ch)):
            faces[i] = following
        else:
            faces[i] = first(cp)
        previous = faces[i]
    return [f if f is not None else chain[0] for f in faces]


# -------------------------------------------------------------------------------------------- shaping


@dataclass(frozen=True)
class _Shaped:
    text: Any  # str or reportlab ShapedStr, ready for the font
    width: float  # in 1/1000 of the point size
    shaped: bool


_HB_FONTS: dict[str, Any] = {}
_shape_lock = threading.Lock()
_LATIN_FEATURES = {"liga": False, "dlig": False, "clig": False}


def _hb_font(name: str) -> Any:
    font = _HB_FONTS.get(name)
    if font is None:
        ttf = pdfmetrics.getFont(name)
        font = ttf.hbFont()  # also gives ttf its hbAddPrivate
        _HB_FONTS[name] = font
    return font


def _for_font(text: str, face: _Face) -> str:
    """``text`` with the spaces the font lacks as plain spaces, and characters it lacks that need no glyph
    (joiners, marks of direction, variation selectors) kept only for shaping, which removes them."""
    out = []
    for ch in text:
        if ord(ch) in face.coverage or (_is_attached(ch) and _needs_no_glyph(ch)):
            out.append(ch)
        elif unicodedata.category(ch) == "Zs":
            out.append(" ")
    return "".join(out)


@lru_cache(maxsize=8192)
def _shape(text: str, face_name: str, rtl: bool, force: bool) -> _Shaped:
    """``text`` (one font, one direction, logical order) ready to draw: plain when it needs no shaping, else
    HarfBuzz glyphs in display order as a reportlab ShapedStr (contextual glyphs get private-use codes)."""
    face = _reg().faces[face_name]
    ttf = pdfmetrics.getFont(face_name)
    text = _for_font(text, face)
    needs = force or rtl or any(_is_attached(c) for c in text)
    if not needs:
        return _Shaped(text, pdfmetrics.stringWidth(text, face_name, 1000), False)
    with _shape_lock:
        hb_font = _hb_font(face_name)
        buf = uharfbuzz.Buffer()
        buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
        buf.flags = (
            uharfbuzz.BufferFlags.REMOVE_DEFAULT_IGNORABLES
            | uharfbuzz.BufferFlags.DO_NOT_INSERT_DOTTED_CIRCLE
        )
        buf.add_str(text)
        buf.direction = "rtl" if rtl else "ltr"
        buf.guess_segment_properties()
        features = _LATIN_FEATURES if str(buf.script or "") in ("Latn", "Grek", "Cyrl") else None
        uharfbuzz.shape(hb_font, buf, features)
        chars: list[str] = []
        data: list[Any] = []
        glyph_to_char = ttf.face.glyphToChar
        widths = ttf.face.charWidths
        total = 0.0
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
            gid = info.codepoint
            if gid == 0:  # .notdef: never drawn (the font was chosen for having these characters)
                continue
            found = glyph_to_char.get(gid)
            if found:
                typed = ord(text[info.cluster]) if info.cluster < len(text) else -1
                code = typed if typed in found else found[0]
            else:
                name = hb_font.glyph_to_string(gid)
                code = ttf.hbAddPrivate(name, gid, ttf.pdfScale(hb_font.get_glyph_h_advance(gid)))
            chars.append(chr(code))
            x_advance = ttf.pdfScale(pos.x_advance)
            total += x_advance
            data.append(
                ShapeData(
                    info.cluster,
                    x_advance,
                    ttf.pdfScale(pos.y_advance),
                    ttf.pdfScale(pos.x_offset),
                    ttf.pdfScale(pos.y_offset),
                    widths.get(code, x_advance),
                )
            )
    if not chars:
        return _Shaped("", 0.0, False)
    return _Shaped(ShapedStr("".join(chars), shapeData=data), total, True)


# ------------------------------------------------------------------------------------------------ lines


@dataclass(frozen=True)
class _Run:
    start: int
    end: int
    face: _Face
    level: int


@dataclass
class _HardLine:
    """One line of the source text (a bidi paragraph), its fonts and levels."""

    text: str
    base: int
    faces: list[_Face]
    levels: list[int]


@dataclass(frozen=True)
class Line:
    """One printed line: a part of a hard line and its width in points."""

    source: _HardLine
    start: int
    end: int  # trailing spaces excluded
    width: float


_NO_BREAK_SPACES = frozenset("\u00a0\u202f\u2007\u2060\ufeff")
_CLOSING = frozenset(
    "、。，．：；？！）」』】〉》〕］｝・ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.!?:;)]}’”"
)
_OPENING = frozenset("（「『【〈《〔［｛([{‘“")


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x2E80 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFFEF or 0x20000 <= cp <= 0x3FFFF
    ) and not (0x3130 <= cp <= 0x318F)


def _is_space(ch: str) -> bool:
    return ch not in _NO_BREAK_SPACES and (ch == " " or unicodedata.category(ch) == "Zs")


def _break_between(before: str, after: str) -> bool:
    """A line may break between two characters that are not spaces: next to an ideograph or kana, except
    before closing punctuation or a mark, or after opening punctuation."""
    if not (_is_cjk(before) or _is_cjk(after)):
        return False
    return after not in _CLOSING and before not in _OPENING and not _is_attached(after)


def _segments(text: str) -> Iterator[tuple[int, int, int]]:
    """The units a line may not break inside: (start, end of the word, end with the spaces after it)."""
    n = len(text)
    i = 0
    while i < n:
        j = i
        while j < n and not _is_space(text[j]):
            j += 1
            if j < n and not _is_space(text[j]) and _break_between(text[j - 1], text[j]):
                break
        word_end = j
        while j < n and _is_space(text[j]):
            j += 1
        yield i, word_end, j
        i = j


def _runs(source: _HardLine, start: int, end: int) -> list[_Run]:
    runs: list[_Run] = []
    i = start
    while i < end:
        face, level = source.faces[i], source.levels[i]
        j = i + 1
        while j < end and source.faces[j] is face and source.levels[j] == level:
            j += 1
        runs.append(_Run(i, j, face, level))
        i = j
    return runs


def _run_width(source: _HardLine, run: _Run, size: float) -> float:
    text = source.text[run.start : run.end]
    shaped = _shape(text, run.face.name, run.level % 2 == 1, run.face.family.shaped)
    return shaped.width * size * run.face.family.scale / 1000


def _width(source: _HardLine, start: int, end: int, size: float) -> float:
    return sum(_run_width(source, run, size) for run in _runs(source, start, end))


def _cut_points(text: str, start: int, end: int) -> Iterator[int]:
    """Where an over-long word may be cut: never before a mark or joiner, nor after a virama or joiner."""
    for i in range(start + 1, end):
        ch, before = text[i], text[i - 1]
        if _is_attached(ch) or before in "\u200d\u200c" or unicodedata.name(before, "").endswith("VIRAMA"):
            continue
        if 0xDC00 <= ord(ch) <= 0xDFFF:
            continue
        yield i


def _hard_line(text: str, variant: str) -> _HardLine:
    chain = _reg().chains[variant]
    base = _base_level(text)
    return _HardLine(text, base, _assign_faces(text, chain), _levels(text, base))


def _prepare(text: str) -> list[str]:
    """The hard lines of ``text``: CR LF and separators as line breaks, controls as spaces, explicit bidi
    embeddings dropped (the algorithm used does not support them), unprintable characters as U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.translate(_EXPLICIT)
    return [printable(line) for line in text.split("\n")]


@lru_cache(maxsize=65536)
def _char_width(ch: str, face_name: str) -> float:
    face = _reg().faces[face_name]
    return float(pdfmetrics.stringWidth(_for_font(ch, face), face_name, 1000)) * face.family.scale


def _cut(source: _HardLine, start: int, end: int, size: float, width: float) -> list[tuple[int, int]]:
    """An unbreakable piece wider than ``width`` cut into pieces that fit (estimated from each character's
    width, then checked), never inside a cluster."""
    text = source.text
    pieces: list[tuple[int, int]] = []
    piece_start = start
    estimate = 0.0
    last_cut: int | None = None
    points = [*_cut_points(text, start, end), end]
    i = start
    for point in points:
        estimate += sum(_char_width(text[k], source.faces[k].name) for k in range(i, point)) * size / 1000
        i = point
        if estimate > width and last_cut is not None and point != end:
            cut = last_cut
            while _width(source, piece_start, cut, size) > width:
                earlier = [c for c in points if piece_start < c < cut]
                if not earlier:
                    break
                cut = earlier[-1]
            pieces.append((piece_start, cut))
            piece_start = cut
            estimate = (
                sum(_char_width(text[k], source.faces[k].name) for k in range(cut, point)) * size / 1000
            )
        last_cut = point
    pieces.append((piece_start, end))
    return pieces


def layout(text: str, font_name: str, size: float, width: float) -> list[Line]:
    """``text`` broken into lines no wider than ``width`` points (an unbreakable piece wider than that is cut)."""
    lines: list[Line] = []
    variant = _variant(font_name)

    def line(source: _HardLine, start: int, end: int) -> Line:
        return Line(source, start, end, _width(source, start, end, size))

    for raw in _prepare(text):
        source = _hard_line(raw, variant)
        if not raw.strip():
            lines.append(Line(source, 0, 0, 0.0))
            continue
        current: int | None = None  # where the line being filled starts
        current_end = 0
        current_width = 0.0  # with the spaces after its last word
        for start, word_end, end in _segments(raw):
            word = _width(source, start, word_end, size)
            spaces = _width(source, word_end, end, size) if end > word_end else 0.0
            if current is not None and current_width + word <= width + 0.01:
                current_end = word_end
                current_width += word + spaces
                continue
            if current is not None:
                lines.append(line(source, current, current_end))
            if word > width:
                *full, (start, _) = _cut(source, start, word_end, size, width)
                lines.extend(line(source, a, b) for a, b in full)
                word = _width(source, start, word_end, size)
            current, current_end, current_width = start, word_end, word + spaces
        if current is not None:
            lines.append(line(source, current, current_end))
    return lines


def _actual_text(text: str) -> str:
    data = ("\ufeff" + text).encode("utf-16-be").hex().upper()
    return f"/Span <</ActualText <{data}>>> BDC"


def draw_pieces(canvas: Any, x: float, y: float, line: Line, size: float) -> None:
    """Draw ``line`` starting at ``x`` (its left edge) on the baseline ``y``, in the canvas's fill colour."""
    source = line.source
    runs = _runs(source, line.start, line.end)
    order = _visual_order([run.level for run in runs])
    for index in order:
        run = runs[index]
        text = source.text[run.start : run.end]
        rtl = run.level % 2 == 1
        shaped = _shape(text, run.face.name, rtl, run.face.family.shaped)
        run_size = size * run.face.family.scale
        width = shaped.width * run_size / 1000
        if shaped.text:
            marked = shaped.shaped and not rtl
            if marked:
                canvas.addLiteral(_actual_text(text))
            obj = canvas.beginText(x, y)
            obj.setFont(run.face.name, run_size)
            obj.textOut(shaped.text)
            canvas.drawText(obj)
            if marked:
                canvas.addLiteral("EMC")
        x += width


def draw_line(
    canvas: Any, x: float, y: float, text: str, font_name: str, size: float, align: str = "left"
) -> float:
    """Draw ``text`` as one line (line breaks become spaces) at ``x`` (its left edge, centre or right edge as
    ``align`` says) on the baseline ``y``, with font fallback, shaping and right-to-left order. Its width."""
    register_fonts()
    lines = layout(" ".join(text.splitlines()), font_name, size, float("inf"))
    if not lines:
        return 0.0
    line = lines[0]
    if align == "right":
        x -= line.width
    elif align == "centre":
        x -= line.width / 2
    draw_pieces(canvas, x, y, line, size)
    return line.width


def line_width(text: str, font_name: str, size: float) -> float:
    """The width :func:`draw_line` gives ``text``, in points."""
    register_fonts()
    lines = layout(" ".join(text.splitlines()), font_name, size, float("inf"))
    return lines[0].width if lines else 0.0


# ------------------------------------------------------------------------------------------ the flowable


class TextBlock(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A paragraph of plain text (not markup) in a ParagraphStyle: wraps, splits across pages and prints every
    script. Uses the style's font (its bold and italic variant chooses the fallbacks'), size, leading, colour,
    spacing, indents, alignment, border and background. With ``start_aligned`` a left-aligned style aligns a
    right-to-left line to the right (answers); without it, every line to the left (names in table cells)."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        start_aligned: bool = True,
        _lines: list[Line] | None = None,
        _part: str = "",
    ) -> None:
        super().__init__()
        register_fonts()
        self.text = text
        self.style = style
        self.start_aligned = start_aligned
        self._lines = _lines
        self._fixed = _lines is not None
        self._wrapped_for: float | None = None
        #: "" (whole), or a part of a split block: "first", "mid" or "rest" (no padding, border or space at a cut)
        self._part = _part
        self.width = 0.0
        self.height = 0.0

    def __repr__(self) -> str:
        return f"TextBlock({self.text[:40]!r}...)"

    # padding inside the border
    def _pad(self) -> float:
        s = self.style
        return float(s.borderPadding) if (s.borderWidth and s.borderColor) or s.backColor else 0.0

    def _pads(self) -> tuple[float, float]:
        pad = self._pad()
        top = 0.0 if self._part in ("rest", "mid") else pad
        bottom = 0.0 if self._part in ("first", "mid") else pad
        return top, bottom

    def _text_width(self, avail: float) -> float:
        s = self.style
        return max(1.0, float(avail - s.leftIndent - s.rightIndent - 2 * self._pad()))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if not self._fixed and (self._lines is None or self._wrapped_for != avail_width):
            self._lines = layout(
                self.text, self.style.fontName, self.style.fontSize, self._text_width(avail_width)
            )
            self._wrapped_for = avail_width
        top, bottom = self._pads()
        self.width = avail_width
        self.height = len(self._lines or []) * self.style.leading + top + bottom
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        lines = self._lines or []
        top, _bottom = self._pads()
        fit = min(int((avail_height - top) // self.style.leading), len(lines) - 1)
        # no orphan or widow: at least two lines each side of the cut, or nothing here
        fit = min(fit, len(lines) - 2)
        if fit < 2:
            return []
        keep = self.start_aligned
        first_part = "first" if self._part in ("", "first") else "mid"
        first = TextBlock(self.text, self.style, start_aligned=keep, _lines=lines[:fit], _part=first_part)
        rest = TextBlock(self.text, self.style, start_aligned=keep, _lines=lines[fit:], _part="rest")
        for part in (first, rest):
            part.width = avail_width
        return [first, rest]

    def getSpaceBefore(self) -> float:
        return 0.0 if self._part in ("rest", "mid") else float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return 0.0 if self._part in ("first", "mid") else float(self.style.spaceAfter)

    def draw(self) -> None:
        s = self.style
        canvas = self.canv
        pad = self._pad()
        top, bottom = self._pads()
        if pad:
            x0 = s.leftIndent
            x1 = self.width - s.rightIndent
            canvas.saveState()
            if s.backColor:
                canvas.setFillColor(s.backColor)
                canvas.rect(x0, 0, x1 - x0, self.height, stroke=0, fill=1)
            if s.borderWidth and s.borderColor:
                canvas.setStrokeColor(s.borderColor)
                canvas.setLineWidth(s.borderWidth)
                canvas.line(x0, 0, x0, self.height)
                canvas.line(x1, 0, x1, self.height)
                if top:
                    canvas.line(x0, self.height, x1, self.height)
                if bottom:
                    canvas.line(x0, 0, x1, 0)
            canvas.restoreState()
        canvas.saveState()
        canvas.setFillColor(s.textColor)
        left = s.leftIndent + pad
        avail = self.width - s.leftIndent - s.rightIndent - 2 * pad
        y = self.height - top - s.fontSize
        for line in self._lines or []:
            rtl = line.source.base == 1 and self.start_aligned
            if s.alignment == TA_CENTER:
                x = left + (avail - line.width) / 2
            elif (s.alignment == TA_RIGHT) != rtl:
                x = left + avail - line.width
            else:
                x = left
            draw_pieces(canvas, x, y, line, s.fontSize)
            y -= s.leading
        canvas.restoreState()


# ---------------------------------------------------------------------------------- searchable text layer


def _logical(ch: str) -> str:
    """A glyph's text: presentation forms and compatibility ligatures as the letters they show."""
    cp = ord(ch)
    if 0xFB00 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF:
        return unicodedata.normalize("NFKC", ch)
    return ch


@cache
def _glyph_texts(path: Path, index: int) -> tuple[dict[str, str], list[str]]:
    """What each glyph of a font stands for: its code point, or for a glyph only substitutions reach (a
    joining form, a conjunct, a ligature) the characters it was made from (GSUB single, multiple, alternate,
    ligature and reverse substitutions, followed to a fixed point). With the font's glyph order."""
    from fontTools.ttLib import TTFont as FontFile

    font = FontFile(io.BytesIO(path.read_bytes()), fontNumber=index, lazy=True)
    texts: dict[str, str] = {}
    for cp, glyph in sorted(font.getBestCmap().items()):
        texts.setdefault(glyph, _logical(chr(cp)))
    lookups = []
    if "GSUB" in font and font["GSUB"].table.LookupList is not None:
        lookups = list(font["GSUB"].table.LookupList.Lookup)
    for _ in range(6):
        changed = False

        def learn(glyph: str, text: str) -> None:
            nonlocal changed
            if glyph not in texts:
                texts[glyph] = text
                changed = True

        for lookup in lookups:
            for sub in lookup.SubTable:
                kind = lookup.LookupType
                if kind == 7:
                    kind, sub = sub.ExtensionLookupType, sub.ExtSubTable
                if kind == 1:
                    for source, target in sub.mapping.items():
                        if source in texts:
                            learn(target, texts[source])
                elif kind == 2:
                    for source, targets in sub.mapping.items():
                        if source in texts and targets:
                            learn(targets[0], texts[source])
                            for other in targets[1:]:
                                learn(other, "")
                elif kind == 3:
                    for source, targets in sub.alternates.items():
                        if source in texts:
                            for target in targets:
                                learn(target, texts[source])
                elif kind == 4:
                    for first, ligatures in sub.ligatures.items():
                        for ligature in ligatures:
                            parts = [first, *ligature.Component]
                            if all(p in texts for p in parts):
                                learn(ligature.LigGlyph, "".join(texts[p] for p in parts))
                elif kind == 8:
                    for source, target in zip(sub.Coverage.glyphs, sub.Substitute, strict=False):
                        if source in texts:
                            learn(target, texts[source])
        if not changed:
            break
    order = font.getGlyphOrder()
    font.close()
    return texts, order


def _code_text(face: _Face, code: int) -> str:
    if code == 0:
        return "\x00"
    if _is_private_use(code):  # a glyph reportlab reached by shaping: what it was made from
        ttf = pdfmetrics.getFont(face.name)
        gid = ttf.face.charToGlyph.get(code)
        texts, order = _glyph_texts(face.path, face.family.index)
        if gid is not None and gid < len(order):
            text = texts.get(order[gid])
            if text is not None:
                return text
        return REPLACEMENT_CHARACTER
    return _logical(chr(code))


_BFCHAR_BLOCK_RE = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFCHAR_RE = re.compile(rb"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]+)>")


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper() if text else "0000"


def _to_unicode_cmap(mapping: Sequence[tuple[int, str]], name: str) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        f"/CMapName /{name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<00> <FF>",
        "endcodespacerange",
    ]
    for i in range(0, len(mapping), 100):
        chunk = mapping[i : i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(f"<{code:02X}> <{_utf16_hex(text)}>" for code, text in chunk)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def _fonts_of(pdf: pikepdf.Pdf) -> Iterable[pikepdf.Dictionary]:
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        resources = page.obj.get("/Resources")
        if not isinstance(resources, pikepdf.Dictionary):
            continue
        fonts = resources.get("/Font")
        if not isinstance(fonts, pikepdf.Dictionary):
            continue
        for font in values_of(fonts):
            if isinstance(font, pikepdf.Dictionary) and font.objgen not in seen:
                seen.add(font.objgen)
                yield font


def fix_text_maps(pdf: pikepdf.Pdf) -> None:
    """Rewrite the ToUnicode map of every font reportlab embedded, so that text extraction and search give the
    characters as typed: a code reportlab assigned to a shaped glyph reads as the characters the glyph stands
    for, a presentation form as its letter, and a character beyond U+FFFF (emoji) as itself (reportlab writes
    such a code point as five hex digits, which readers misread)."""
    reg = _reg()
    done: set[tuple[int, int]] = set()
    for font in _fonts_of(pdf):
        stream = font.get("/ToUnicode")
        base = str(font.get("/BaseFont", ""))
        face = reg.by_pdf_name.get(base.lstrip("/").split("+", 1)[-1])
        if face is None or not isinstance(stream, pikepdf.Stream) or stream.objgen in done:
            continue
        done.add(stream.objgen)
        old = stream.read_bytes()
        pairs = [p for block in _BFCHAR_BLOCK_RE.findall(old) for p in _BFCHAR_RE.findall(block)]
        mapping = [(int(c, 16), _code_text(face, int(u, 16))) for c, u in pairs]
        name = base.lstrip("/").replace("+", "-")
        stream.write(_to_unicode_cmap(mapping, name))
