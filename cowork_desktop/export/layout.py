"""The A4 page both PDF layouts share: the case note (:mod:`.pdf`) and the development log (:mod:`.devlog_pdf`).

Page size and margins, the header and footer heights and the demo band, the colours, the paragraph styles and
:func:`paragraph` (plain text in every script, shaped, see :mod:`.fonts`), the dates as the documents print them,
the ruled table, the body frame, the A4 document template (metadata and fonts) and the canvas that numbers the
pages "Page X of Y". Each layout builds its own story and page furniture on these; neither imports the other's
private names.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, Table, TableStyle

from cowork_desktop.export import fonts
from cowork_desktop.export.model import DEMO_MARKING

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
HEADER_HEIGHT = 24 * mm
FOOTER_HEIGHT = 20 * mm
DEMO_BAND = 7 * mm
#: a heading starts a new page unless at least this much room is left
MIN_SPACE = 35 * mm

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5a5a5a")
RULE = colors.HexColor("#8c8c8c")
HEADER_FILL = colors.HexColor("#e4e8ee")
DEMO_RED = colors.HexColor("#b00020")


# ------------------------------------------------------------------------------------------------ styles


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    h2_free: ParagraphStyle  # not kept with the next flowable (used before tables)
    prompt: ParagraphStyle
    prompt_free: ParagraphStyle
    typed: ParagraphStyle
    body: ParagraphStyle
    empty: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    small: ParagraphStyle
    notice: ParagraphStyle


def make_styles() -> Styles:
    base = ParagraphStyle("body", fontName=fonts.SANS, fontSize=9.5, leading=13, textColor=INK)
    # No "keep with next" on headings and prompts: reportlab keeps such a chain together as a whole, so a long
    # answer took its prompt (and heading) to the next page and left most of the page blank. _keep_start
    # keeps a prompt with the first lines of its answer instead.
    h2 = ParagraphStyle(
        "h2", base, fontName=fonts.SANS_BOLD, fontSize=12, leading=16, spaceBefore=10, spaceAfter=4
    )
    prompt = ParagraphStyle("prompt", base, fontName=fonts.SANS_BOLD, spaceBefore=5, spaceAfter=1)
    return Styles(
        title=ParagraphStyle("title", base, fontName=fonts.SANS_BOLD, fontSize=17, leading=21, spaceAfter=2),
        subtitle=ParagraphStyle("subtitle", base, fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=6),
        h2=h2,
        h2_free=ParagraphStyle("h2_free", h2),
        prompt=prompt,
        prompt_free=ParagraphStyle("prompt_free", prompt, spaceAfter=3),
        typed=ParagraphStyle("typed", base, fontName=fonts.SANS_ITALIC, fontSize=15, leading=19),
        body=ParagraphStyle("answer", base, spaceAfter=3),
        empty=ParagraphStyle("empty", base, fontName=fonts.SANS_ITALIC, textColor=MUTED, spaceAfter=3),
        cell=ParagraphStyle("cell", base, fontSize=9, leading=12),
        cell_head=ParagraphStyle("cell_head", base, fontName=fonts.SANS_BOLD, fontSize=9, leading=12),
        small=ParagraphStyle("small", base, fontSize=8, leading=10.5, textColor=MUTED),
        notice=ParagraphStyle(
            "notice",
            base,
            borderColor=RULE,
            borderWidth=0.6,
            borderPadding=5,
            backColor=colors.HexColor("#f4f4f4"),
            spaceBefore=4,
            spaceAfter=8,
        ),
    )


#: styles whose right-to-left lines stay left-aligned like the rest of their column (names, labels)
_LEFT_ALIGNED = frozenset({"title", "subtitle", "cell", "cell_head", "typed", "small"})


def paragraph(text: str, style: ParagraphStyle) -> fonts.TextBlock:
    """A paragraph of plain text (never markup): every script, shaped, in order, searchable (see fonts). A
    right-to-left answer aligns to the right; names in tables and titles stay left-aligned."""
    return fonts.TextBlock(text, style, start_aligned=style.name not in _LEFT_ALIGNED)


# Dates: "3 October 2026" wherever a date is part of the text (sentences, notices, the record's facts,
# signatures); "3 Oct 2026" only in the columns of tables that list many rows (actions, the development log).


# ------------------------------------------------------------------------------------------- page furniture


class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """Holds every page until the end so each footer can say "Page X of Y"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.saveState()
            self.setFont(fonts.SANS, 8)
            self.setFillColor(MUTED)
            self.drawRightString(PAGE_WIDTH - MARGIN_X, 12 * mm, f"Page {self._pageNumber} of {total}")
            self.restoreState()
            super().showPage()
        super().save()


# Tables default to Helvetica, a non-embedded standard font PDF/A forbids, even when every cell is a Paragraph.
TABLE_FONT: list[tuple[Any, ...]] = [
    ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
    ("FONTSIZE", (0, 0), (-1, -1), 9),
]


def grid_table(rows: list[list[Any]], widths: Sequence[float], *, header: bool = True) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        *TABLE_FONT,
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
    table.setStyle(TableStyle(style))
    return table


def body_frame(top: float, bottom: float, frame_id: str = "body") -> Frame:
    """The text area of an A4 page between a header ``top`` high and a footer ``bottom`` high."""
    return Frame(
        MARGIN_X,
        bottom,
        PAGE_WIDTH - 2 * MARGIN_X,
        PAGE_HEIGHT - top - bottom,
        id=frame_id,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def a4_template(
    buffer: io.BytesIO,
    *,
    demo: bool,
    title: str,
    author: str,
    subject: str,
    keywords: str,
    creator: str,
    extra_top: float = 0.0,
) -> tuple[BaseDocTemplate, float, float]:
    """The A4 document every PDF of the app uses (embedded Noto, RGB, British English, no child's details in
    its metadata: callers pass case references only), with the header and footer heights it leaves room for
    (``extra_top`` more at the top, e.g. for a band under the header)."""
    top = HEADER_HEIGHT + (DEMO_BAND if demo else 0) + extra_top
    bottom = FOOTER_HEIGHT + (DEMO_BAND if demo else 0)
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author=author,
        subject=subject,
        keywords=keywords,
        creator=creator,
        initialFontName=fonts.SANS,
        enforceColorSpace="rgb",
        lang="en-GB",
    )
    return template, top, bottom


def draw_marking(canvas: Canvas, y: float, marking: str) -> None:
    """The protective marking, centred on the baseline ``y`` (nothing for no marking), in ink."""
    canvas.setFillColor(INK)
    if marking:
        fonts.draw_line(canvas, PAGE_WIDTH / 2, y, marking, fonts.SANS_BOLD, 10, "centre")


def draw_head_lines(canvas: Canvas, top: float, left: str, right: str, *, demo: bool) -> None:
    """The header's lines below ``top``: ``left`` (the organisation) and ``right`` (what the document is about) over
    a rule, and for demo data the demo marking under them and over the footer."""
    fonts.draw_line(canvas, MARGIN_X, top - 7 * mm, left, fonts.SANS, 9)
    fonts.draw_line(canvas, PAGE_WIDTH - MARGIN_X, top - 7 * mm, right, fonts.SANS_BOLD, 9, "right")
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_X, top - 9.5 * mm, PAGE_WIDTH - MARGIN_X, top - 9.5 * mm)
    if demo:
        canvas.setFillColor(DEMO_RED)
        canvas.setFont(fonts.SANS_BOLD, 10)
        canvas.drawCentredString(PAGE_WIDTH / 2, top - 15 * mm, DEMO_MARKING)
        canvas.drawCentredString(PAGE_WIDTH / 2, FOOTER_HEIGHT + 1.5 * mm, DEMO_MARKING)
        canvas.setFillColor(INK)


def draw_footer(canvas: Canvas, text: str, marking: str) -> None:
    """The footer: a rule, ``text`` in small muted type, and the protective marking at the foot of the page."""
    canvas.setStrokeColor(RULE)
    canvas.line(MARGIN_X, 17 * mm, PAGE_WIDTH - MARGIN_X, 17 * mm)
    canvas.setFont(fonts.SANS, 8)
    canvas.setFillColor(MUTED)
    fonts.draw_line(canvas, MARGIN_X, 12 * mm, text, fonts.SANS, 8)
    if marking:
        draw_marking(canvas, 5.5 * mm, marking)


def ascii_text(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
