"""Lay out a :class:`~cowork_desktop.export.model.CaseNote` as an A4 PDF/A-3b case note (reportlab platypus).

Every page carries a header (protective marking at the top, organisation, case reference), a footer (record id
and version, "Page X of Y", protective marking at the bottom), the demo marking for demo data and a "DRAFT"
watermark for drafts. A signed note ends with an empty signature field, ``ManagerSignature``, on its last page:
:func:`cowork_desktop.export.signing.sign_pdf` puts the visible digital signature there.

The document metadata (title, author, subject, keywords) is built from the case reference, the record type and
the organisation only: never a child's name.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import pikepdf
from PIL import Image as PILImage
from PIL import ImageOps
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from cowork_desktop.domain.dates import long_datetime, short_date
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.export import fonts
from cowork_desktop.export.layout import (
    DEMO_BAND,
    DEMO_RED,
    HEADER_FILL,
    HEADER_HEIGHT,
    INK,
    MARGIN_X,
    MIN_SPACE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    TABLE_FONT,
    NumberedCanvas,
    Styles,
    a4_template,
    ascii_text,
    body_frame,
    draw_footer,
    draw_head_lines,
    draw_marking,
    grid_table,
    make_styles,
    paragraph,
)

# what other modules read from here (the wizard's read-back, the tests)
from cowork_desktop.export.model import (
    ActionsTable,
    CaseNote,
    NoteSection,
    QuestionAnswer,
    ResponsibilitiesTable,
    SignatureBlock,
)
from cowork_desktop.export.pdfa import EVIDENCE_FILENAME, attach_evidence, convert_to_pdfa, save_pdfa
from cowork_desktop.export.wording import amendment_text, note_facts, resolution_text, superseded_text

#: the empty signature field a signed note ends with; sign_pdf fills it
SIGNATURE_FIELD = "ManagerSignature"
#: custom document-information keys (the content hash lets a reader compare the PDF with the database)
INFO_CONTENT_HASH = "/CoworkContentHash"
INFO_RECORD_ID = "/CoworkRecordId"
INFO_RECORD_VERSION = "/CoworkRecordVersion"

#: the band that says, on every page, that a later version has replaced this one
SUPERSEDED_BAND = 11 * mm
SIGNATURE_SLOT_HEIGHT = 26 * mm
SIGNATURE_SLOT_WIDTH = 95 * mm
#: the organisation's logo, at the top left of the first page (aspect kept)
LOGO_MAX_HEIGHT = 18 * mm
LOGO_MAX_WIDTH = 70 * mm
LOGO_MIN_WIDTH = 25 * mm
LOGO_TOP = 5 * mm  # below the top edge of the page
LOGO_GAP = 5.5 * mm  # from the logo's bottom to the baseline of the header line under it
#: a larger logo is reduced to this resolution at its printed size
LOGO_DPI = 300
#: the header line (organisation, case reference): its baseline below the top edge of the page
_HEADER_LINE = 16 * mm

#: an answer starts on the page of its prompt when at least this many of its lines fit there
_FIRST_LINES = 3

_SUPERSEDED_FILL = colors.HexColor("#fbe9eb")
_WATERMARK = colors.HexColor("#e3e3e3")


# ------------------------------------------------------------------------------------------------ styles


# ------------------------------------------------------------------------------------------- page furniture


def _top_margin(note: CaseNote) -> float:
    """The height above the text on a page (without a logo): header, demo marking, superseded band."""
    return float(
        HEADER_HEIGHT + (DEMO_BAND if note.demo else 0) + (SUPERSEDED_BAND if note.superseded_by else 0)
    )


def _page_decorator(
    note: CaseNote, logo: Image | None = None, drop: float = 0.0
) -> Callable[[Canvas, BaseDocTemplate], None]:
    """The header, footer and markings of a page; ``logo`` (the first page's) is drawn at the top left and the
    header's lines moved ``drop`` lower to make room for it."""
    marking = note.protective_marking.strip()
    status = "signed" if note.status == "signed" else "DRAFT"
    footer = f"Record {note.display_number}, version {note.version} ({status})"
    band = superseded_text(note.superseded_by) if note.superseded_by else ""

    def decorate(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        if note.is_draft:
            canvas.saveState()
            canvas.setFillColor(_WATERMARK)
            canvas.setFont(fonts.SANS_BOLD, 150)
            canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            canvas.rotate(50)
            canvas.drawCentredString(0, -50, "DRAFT")
            canvas.restoreState()
        top = PAGE_HEIGHT - 9 * mm
        draw_marking(canvas, top, marking)
        if logo is not None:
            logo.drawOn(canvas, MARGIN_X, PAGE_HEIGHT - LOGO_TOP - logo.drawHeight)
        top -= drop  # the lines below the logo
        draw_head_lines(canvas, top, note.organisation, f"Case {note.case_reference}", demo=note.demo)
        if band:
            # a filled band right above the text, on every page
            band_top = PAGE_HEIGHT - drop - _top_margin(note) + SUPERSEDED_BAND - 0.5 * mm
            height = SUPERSEDED_BAND - 3.5 * mm
            canvas.setFillColor(_SUPERSEDED_FILL)
            canvas.setStrokeColor(DEMO_RED)
            canvas.setLineWidth(0.8)
            canvas.rect(MARGIN_X, band_top - height, PAGE_WIDTH - 2 * MARGIN_X, height, stroke=1, fill=1)
            canvas.setFillColor(DEMO_RED)
            fonts.draw_line(
                canvas, PAGE_WIDTH / 2, band_top - height + 2.3 * mm, band, fonts.SANS_BOLD, 9.5, "centre"
            )
            canvas.setFillColor(INK)
        draw_footer(canvas, footer, marking)
        canvas.restoreState()

    return decorate


@dataclass
class _SlotPosition:
    page: int  # 1-based
    rect: tuple[float, float, float, float]


class _SignatureSlot(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Reserves the space for the visible digital signature and records where it landed."""

    def __init__(self, width: float, height: float, found: list[_SlotPosition]) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self._found = found

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        self._found.append(_SlotPosition(self.canv.getPageNumber(), (x, y, x + self.width, y + self.height)))


# ------------------------------------------------------------------------------------------------ content


def _facts(note: CaseNote, s: Styles, width: float) -> list[Flowable]:
    data = [[paragraph(label, s.cell_head), paragraph(value, s.cell)] for label, value in note_facts(note)]
    table = grid_table(data, (40 * mm, width - 40 * mm), header=False)
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), HEADER_FILL)]))
    return [table]


def _present(note: CaseNote, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(MIN_SPACE), paragraph("Present", s.h2_free)]
    if not note.present:
        return [*out, paragraph("No one is recorded as present.", s.empty)]
    rows = [[paragraph("Name", s.cell_head), paragraph("Role", s.cell_head)]]
    rows += [[paragraph(a.name, s.cell), paragraph(a.role, s.cell)] for a in note.present]
    return [*out, grid_table(rows, (width * 0.5, width * 0.5))]


def _responsibilities(item: ResponsibilitiesTable, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [paragraph(item.prompt, s.prompt_free)] if item.prompt else []
    if not item.rows:
        return [*out, paragraph("No responsibilities recorded.", s.empty)]
    rows = [
        [
            paragraph("Task", s.cell_head),
            paragraph("Lead worker", s.cell_head),
            paragraph("Joint or sole", s.cell_head),
        ]
    ]
    rows += [
        [
            paragraph(r.task, s.cell),
            paragraph(r.lead, s.cell),
            paragraph("Joint" if r.joint else "Sole", s.cell),
        ]
        for r in item.rows
    ]
    return [*out, grid_table(rows, (width * 0.55, width * 0.28, width * 0.17)), Spacer(1, 4)]


def _actions(item: ActionsTable, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [paragraph(item.prompt, s.prompt_free)] if item.prompt else []
    if not item.rows:
        return [*out, paragraph("No actions recorded.", s.empty)]
    # "Done" only when some action has been reviewed: newly agreed actions have nothing to show there.
    reviewed = any(r.done is not None for r in item.rows)
    headers = ("Action", "Owner", "Due", "Done") if reviewed else ("Action", "Owner", "Due")
    rows = [[paragraph(h, s.cell_head) for h in headers]]
    for r in item.rows:
        due = short_date(r.due) if r.due else ""
        cells = [paragraph(r.description, s.cell), paragraph(r.owner, s.cell), paragraph(due, s.cell)]
        if reviewed:
            cells.append(paragraph("" if r.done is None else ("Yes" if r.done else "No"), s.cell))
        rows.append(cells)
    shares = (0.52, 0.24, 0.14, 0.10) if reviewed else (0.58, 0.26, 0.16)
    return [*out, grid_table(rows, [width * f for f in shares]), Spacer(1, 4)]


def _start_height(flowables: Sequence[Flowable], width: float, first_lines: int = _FIRST_LINES) -> float:
    """The room these flowables need to start on the same page: all of them, the last one only its first
    lines (a long answer may then run on to the next page)."""
    total = 0.0
    for n, flowable in enumerate(flowables):
        _w, height = flowable.wrap(width, PAGE_HEIGHT)
        if n == len(flowables) - 1 and isinstance(flowable, fonts.TextBlock):
            height = min(height, first_lines * flowable.style.leading + 2 * flowable._pad())
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _keep_start(flowables: Sequence[Flowable], width: float, at_least: float = 0.0) -> list[Flowable]:
    """``flowables`` after a page break unless the page still has room for all but the last, and the first
    lines of the last: a heading or prompt is never alone at the bottom of a page, and a long answer starts
    right after its prompt (reportlab's "keep with next" would move the whole answer to the next page)."""
    return [CondPageBreak(max(at_least, _start_height(flowables, width))), *flowables]


def _answer(item: QuestionAnswer, s: Styles) -> Flowable:
    if item.answer.strip():
        return paragraph(item.answer.strip(), s.body)
    return paragraph("Not answered", s.empty)


def _section(section: NoteSection, s: Styles, width: float) -> list[Flowable]:
    if not section.items:
        return []
    # A heading or prompt before a table starts a page only when the page has little room left
    # (MIN_SPACE): keeping it with the whole table would push a long table to the next page.
    heading = paragraph(section.title, s.h2)
    first = section.items[0]
    out: list[Flowable] = []
    if isinstance(first, QuestionAnswer):
        out.extend(
            _keep_start([heading, paragraph(first.prompt, s.prompt), _answer(first, s)], width, MIN_SPACE)
        )
    else:
        out.extend([CondPageBreak(MIN_SPACE), heading])
    for n, item in enumerate(section.items):
        if isinstance(item, QuestionAnswer):
            if n:
                out.extend(_keep_start([paragraph(item.prompt, s.prompt), _answer(item, s)], width))
            continue
        if n:
            out.append(CondPageBreak(MIN_SPACE))
        if isinstance(item, ResponsibilitiesTable):
            out.extend(_responsibilities(item, s, width))
        else:
            out.extend(_actions(item, s, width))
    return out


def _flat_image(
    data: bytes, max_width: float, max_height: float, unreadable: str, *, max_dpi: int | None = None
) -> Image:
    """A picture (PNG or JPEG) flattened onto white (no transparency mask in the PDF, as PDF/A wants), turned
    upright by its EXIF orientation and scaled to fit ``max_width`` x ``max_height`` with its aspect kept.

    ``max_dpi`` reduces a picture much larger than its printed size (never enlarges one); ``unreadable`` is the
    message of the :class:`CoworkError` raised when the bytes are not a picture.
    """
    try:
        with PILImage.open(io.BytesIO(data)) as source:
            source.load()
            rgba = (ImageOps.exif_transpose(source) or source).convert("RGBA")
    except (OSError, ValueError, PILImage.DecompressionBombError) as exc:
        raise CoworkError(unreadable) from exc
    flat = PILImage.new("RGB", rgba.size, "white")
    flat.paste(rgba, mask=rgba.getchannel("A"))
    px_w, px_h = flat.size
    scale = min(max_width / px_w, max_height / px_h)
    if max_dpi is not None:
        needed = (max(1, round(px_w * scale / 72 * max_dpi)), max(1, round(px_h * scale / 72 * max_dpi)))
        if needed[0] < px_w and needed[1] < px_h:
            flat = flat.resize(needed, PILImage.Resampling.LANCZOS)
    buffer = io.BytesIO()
    flat.save(buffer, format="PNG")
    buffer.seek(0)
    return Image(buffer, width=px_w * scale, height=px_h * scale, hAlign="LEFT")


def _signature_image(png: bytes, signer: str, max_width: float, max_height: float) -> Image:
    """The drawn signature flattened onto white, scaled to fit."""
    return _flat_image(
        png, max_width, max_height, f"The drawn signature of {signer} cannot be read as an image."
    )


def _logo_image(note: CaseNote) -> Image | None:
    """The organisation's logo for the first page: at most 18 mm high, and clear of the protective marking."""
    if not note.logo_png:
        return None
    marking = note.protective_marking.strip()
    marking_w = fonts.line_width(marking, fonts.SANS_BOLD, 10) if marking else 0.0
    room = PAGE_WIDTH / 2 - marking_w / 2 - 4 * mm - MARGIN_X
    max_width = max(LOGO_MIN_WIDTH, min(LOGO_MAX_WIDTH, room))
    return _flat_image(
        note.logo_png,
        max_width,
        LOGO_MAX_HEIGHT,
        "The logo (Settings, Records & PDFs) cannot be read as a picture: choose another PNG or JPEG, or none.",
        max_dpi=LOGO_DPI,
    )


def _logo_drop(logo: Image | None) -> float:
    """How much lower the header's lines and the text start on the first page, to make room for the logo."""
    if logo is None:
        return 0.0
    return float(max(0.0, LOGO_TOP + logo.drawHeight + LOGO_GAP - _HEADER_LINE))


def _signature(sig: SignatureBlock, s: Styles, width: float) -> Table:
    image_w, image_h = 62 * mm, 22 * mm
    how = "drawn signature" if sig.method == "drawn" else f"{sig.method} signature"
    details: list[Flowable] = [
        paragraph(sig.name, s.cell_head),
        paragraph(sig.role, s.cell),
        paragraph(f"Signed ({how}) on {long_datetime(sig.signed_at)}", s.cell),
    ]
    if sig.statement.strip():
        details.append(paragraph(sig.statement.strip(), s.small))
    if sig.image_png:
        picture: Flowable = _signature_image(sig.image_png, sig.name, image_w, image_h)
    else:
        picture = paragraph(sig.name, s.typed)
    table = Table([[picture, details]], colWidths=[image_w + 8, width - image_w - 8], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *TABLE_FONT,
                ("BOX", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _story(note: CaseNote, slot_found: list[_SlotPosition], width: float) -> list[Flowable]:
    s = make_styles()
    story: list[Flowable] = [paragraph(note.display_title, s.title)]
    if note.display_title != note.record_kind:
        story.append(paragraph(note.record_kind, s.subtitle))
    else:
        story.append(Spacer(1, 4))
    if note.resolves is not None:
        story.append(paragraph(resolution_text(note.resolves), s.notice))
    if note.amendment is not None:
        story.append(paragraph(amendment_text(note, note.amendment), s.notice))
    story.extend(_facts(note, s, width))
    story.extend(_present(note, s, width))
    for section in note.sections:
        story.extend(_section(section, s, width))

    # The last signature, the content hash and the digital signature slot stay together on the last page (and
    # the heading with the first signature): nothing is left alone on a page of its own.
    signatures: list[Flowable] = []
    for sig in note.signatures:
        signatures.extend([_signature(sig, s, width), Spacer(1, 5)])
    if not signatures:
        signatures = [paragraph("Not signed yet.", s.empty)]
    closing: list[Flowable] = []
    if note.content_hash:
        closing.extend([Spacer(1, 3), paragraph(f"Content hash of the record: {note.content_hash}", s.small)])
    if note.status == "signed":
        closing.append(Spacer(1, 6))
        closing.append(paragraph("Digital signature of this file:", s.small))
        closing.append(_SignatureSlot(SIGNATURE_SLOT_WIDTH, SIGNATURE_SLOT_HEIGHT, slot_found))
    heading = paragraph("Signatures", s.h2_free)
    story.append(CondPageBreak(MIN_SPACE))
    if len(signatures) <= 2:  # one signature (and its spacer) or "Not signed yet."
        story.append(KeepTogether([heading, *signatures, *closing]))
    else:
        story.append(KeepTogether([heading, *signatures[:2]]))
        story.extend(signatures[2:-2])
        story.append(KeepTogether([*signatures[-2:], *closing]))
    return story


# ------------------------------------------------------------------------------------------------ the file


def document_title(note: CaseNote) -> str:
    return f"Case note {note.case_reference}: {note.display_title}"


def _add_signature_field(pdf: pikepdf.Pdf, slot: _SlotPosition) -> None:
    """An empty signature field over the reserved space, with an (empty) appearance as PDF/A requires."""
    page = pdf.pages[slot.page - 1]
    x1, y1, x2, y2 = (round(v, 2) for v in slot.rect)
    appearance = pdf.make_stream(
        b"",
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Form,
        BBox=pikepdf.Array([0, 0, round(x2 - x1, 2), round(y2 - y1, 2)]),
        Resources=pikepdf.Dictionary(),
    )
    widget = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Widget,
            FT=pikepdf.Name.Sig,
            T=pikepdf.String(SIGNATURE_FIELD),
            Rect=pikepdf.Array([x1, y1, x2, y2]),
            F=4,  # Print
            P=page.obj,
            AP=pikepdf.Dictionary(N=appearance),
        )
    )
    annots = page.obj.get(pikepdf.Name.Annots)
    if isinstance(annots, pikepdf.Array):
        annots.append(widget)
    else:
        page.obj[pikepdf.Name.Annots] = pikepdf.Array([widget])
    pdf.Root[pikepdf.Name.AcroForm] = pikepdf.Dictionary(Fields=pikepdf.Array([widget]))


def render_case_note(doc: CaseNote, evidence: bytes | None = None) -> bytes:
    """The case note as PDF/A-3b bytes, ready to be signed with :func:`~.signing.sign_pdf`.

    ``evidence`` (JSON bytes: the record's canonical content, see ``services.export``) is embedded as the
    associated file :data:`EVIDENCE_FILENAME`, so a verifier can read back exactly what was signed."""
    fonts.register_fonts()
    buffer = io.BytesIO()
    template, top, bottom = a4_template(
        buffer,
        demo=doc.demo,
        title=document_title(doc),
        author=doc.organisation,
        subject=f"{doc.record_kind}, meeting of {doc.meeting_date.isoformat()}",
        keywords=f"case {doc.case_reference}; record {doc.record_id} version {doc.version}",
        creator=doc.producer,
        extra_top=SUPERSEDED_BAND if doc.superseded_by else 0.0,
    )
    frame = body_frame(top, bottom)
    templates = [PageTemplate(id="note", frames=[frame], onPage=_page_decorator(doc))]
    logo = _logo_image(doc)
    if logo is not None:  # the first page's header is taller, to hold the logo above its lines
        drop = _logo_drop(logo)
        first = body_frame(top + drop, bottom, "first")
        templates.insert(
            0,
            PageTemplate(
                id="first",
                frames=[first],
                onPage=_page_decorator(doc, logo, drop),
                autoNextPageTemplate="note",
            ),
        )
    template.addPageTemplates(templates)
    slots: list[_SlotPosition] = []
    template.build(_story(doc, slots, frame._aW), canvasmaker=NumberedCanvas)

    extra = {INFO_RECORD_ID: str(doc.record_id), INFO_RECORD_VERSION: str(doc.version)}
    if doc.content_hash:
        extra[INFO_CONTENT_HASH] = doc.content_hash
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        fonts.fix_text_maps(pdf)
        if slots:
            _add_signature_field(pdf, slots[-1])
        created = doc.generated_at or datetime.now().astimezone()
        convert_to_pdfa(pdf, created=created, extra_info=extra)
        if evidence is not None:
            attach_evidence(
                pdf,
                EVIDENCE_FILENAME,
                evidence,
                "The signed record's canonical content (answers, signatures, actions), as cowork-desktop "
                "verifies it",
                created,
            )
        return save_pdfa(pdf)


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page as a reader's text layer gives it (pdfium; annotations such as the signature's
    visible stamp are not page text)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        texts = []
        for page in doc:
            text_page = page.get_textpage()
            try:
                texts.append(text_page.get_text_bounded())
            finally:
                text_page.close()
                page.close()
        return texts
    finally:
        doc.close()


def text_difference(found: Sequence[str], expected: Sequence[str]) -> str | None:
    """Where the pages ``found`` first read differently from ``expected`` (one phrase), or None."""
    if len(found) != len(expected):
        return f"the file has {len(found)} page(s) where the record prints on {len(expected)}"
    for number, (a, b) in enumerate(zip(found, expected, strict=True), start=1):
        if a == b:
            continue
        lines_a, lines_b = a.splitlines(), b.splitlines()
        for line_a, line_b in zip([*lines_a, ""], [*lines_b, ""], strict=False):
            if line_a != line_b:
                shown = " ".join(line_a.split())[:80]
                wanted = " ".join(line_b.split())[:80]
                return f'page {number} reads "{shown}" where the record reads "{wanted}"'
        return f"page {number} differs"
    return None


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


def case_note_filename(case_reference: str, kind: str, meeting_date: date) -> str:
    """A filesystem-safe file name, e.g. ``CR-1234_initial_meeting_2026-11-23.pdf``.

    ``kind`` is a record kind's value (``"initial_meeting"``) or any label; unsafe characters (``/``, spaces,
    accents, ``..``) are replaced so the name is valid on Windows, macOS and Linux.
    """
    ref = _UNSAFE.sub("-", ascii_text(case_reference.strip())).strip(".-_")[:40] or "case"
    if ref.lower() in _WINDOWS_RESERVED:
        ref = f"case-{ref}"
    kind_part = re.sub(r"[^a-z0-9]+", "_", ascii_text(str(kind)).lower()).strip("_")[:40] or "record"
    return f"{ref}_{kind_part}_{meeting_date.isoformat()}.pdf"
