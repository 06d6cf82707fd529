"""A worker's development log as an A4 PDF/A-3b: evidence for an ASYE or placement portfolio.

The learning recorded in co-worked cases, grouped by the domains of the Professional Capabilities Framework, with
the date, case reference and record type of each entry, and a chronological summary. Cases are named by their
reference only, never a child; the document metadata names the worker, the organisation and the case references,
nothing else. Every page carries the protective marking (top and bottom) and, for demo data, the demo marking.

Shares the case note's page, fonts, styles and tables (:mod:`.layout`, :mod:`.fonts`) and its PDF/A conversion
(:mod:`.pdfa`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

import pikepdf
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, PageTemplate, Spacer, TableStyle

from cowork_desktop.domain.dates import long_date, short_date
from cowork_desktop.domain.insights import DomainGroup, LearningEntry, PcfDomain
from cowork_desktop.export import fonts, layout
from cowork_desktop.export.model import DEFAULT_PROTECTIVE_MARKING
from cowork_desktop.export.pdfa import EVIDENCE_FILENAME, attach_evidence, convert_to_pdfa, save_pdfa

TITLE = "Development log"


@dataclass(frozen=True)
class DevLogDocument:
    """What the development log prints, already gathered (see ``services.insights.development_log``)."""

    worker_name: str
    worker_role: str
    domains: tuple[PcfDomain, ...]
    groups: tuple[DomainGroup, ...]
    entries: tuple[LearningEntry, ...]
    organisation: str = ""
    team: str = ""
    period_start: date | None = None
    period_end: date | None = None
    demo: bool = False
    protective_marking: str = DEFAULT_PROTECTIVE_MARKING
    #: when the PDF was produced (PDF creation date, and printed); None: now
    generated_at: datetime | None = None
    producer: str = field(default="cowork-desktop")

    @property
    def case_references(self) -> tuple[str, ...]:
        return tuple(sorted({e.case_reference for e in self.entries}))


def _period(doc: DevLogDocument) -> str:
    if doc.period_start is None and doc.period_end is None:
        return "No learning recorded yet"
    start = long_date(doc.period_start) if doc.period_start else "the start"
    end = long_date(doc.period_end) if doc.period_end else "today"
    return f"{start} to {end}"


def _page_decorator(doc: DevLogDocument) -> Callable[[Canvas, BaseDocTemplate], None]:
    marking = doc.protective_marking.strip()
    who = f"{TITLE}: {doc.worker_name}"

    def decorate(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        top = layout.PAGE_HEIGHT - 9 * mm
        layout.draw_marking(canvas, top, marking)
        layout.draw_head_lines(canvas, top, doc.organisation, who, demo=doc.demo)
        layout.draw_footer(canvas, "Case references only: no child is named in this log", marking)
        canvas.restoreState()

    return decorate


# ---------------------------------------------------------------------------------------------- content


def _facts(doc: DevLogDocument, s: layout.Styles, width: float) -> list[Flowable]:
    refs = doc.case_references
    rows = [
        ("Worker", doc.worker_name),
        ("Role", doc.worker_role),
        *((("Team", doc.team),) if doc.team.strip() else ()),
        ("Period", _period(doc)),
        ("Co-worked cases", ", ".join(refs) if refs else "None yet"),
        ("Learning entries", str(len(doc.entries))),
        ("Produced", long_date((doc.generated_at or datetime.now()).date())),
    ]
    data = [[layout.paragraph(label, s.cell_head), layout.paragraph(value, s.cell)] for label, value in rows]
    table = layout.grid_table(data, (40 * mm, width - 40 * mm), header=False)
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), layout.HEADER_FILL)]))
    return [table]


def _about(s: layout.Styles) -> Flowable:
    return layout.paragraph(
        "The learning recorded for this worker in signed co-working records: the learning opportunities agreed in "
        "initial meetings, what reviews said about their development, reflective case discussions and closing "
        "summaries. Each entry is linked to the Professional Capabilities Framework (PCF) domains its words "
        "suggest, or to the domains it names itself. Cases are named by their reference only.",
        s.notice,
    )


def _summary(doc: DevLogDocument, s: layout.Styles, width: float) -> list[Flowable]:
    rows = [[layout.paragraph(h, s.cell_head) for h in ("PCF domain", "Entries", "First", "Latest")]]
    for g in doc.groups:
        first = short_date(g.first) if g.first else "-"
        latest = short_date(g.latest) if g.latest else "-"
        rows.append(
            [
                layout.paragraph(g.title, s.cell),
                layout.paragraph(str(len(g.entries)), s.cell),
                layout.paragraph(first, s.cell),
                layout.paragraph(latest, s.cell),
            ]
        )
    return [
        CondPageBreak(layout.MIN_SPACE),
        layout.paragraph("Summary by domain", s.h2_free),
        layout.grid_table(rows, [width * f for f in (0.52, 0.14, 0.17, 0.17)]),
    ]


def _entry_rows(entries: Sequence[LearningEntry], s: layout.Styles) -> list[list[Flowable]]:
    rows = [[layout.paragraph(h, s.cell_head) for h in ("Date", "Case", "Record", "Learning")]]
    for e in entries:
        rows.append(
            [
                layout.paragraph(short_date(e.meeting_date), s.cell),
                layout.paragraph(e.case_reference, s.cell),
                layout.paragraph(e.record_label, s.cell),
                layout.paragraph(
                    e.text + ("" if not e.explicit else " (domains named in the record)"), s.cell
                ),
            ]
        )
    return rows


_ENTRY_WIDTHS = (0.14, 0.16, 0.22, 0.48)


def _domain_section(n: int, group: DomainGroup, s: layout.Styles, width: float) -> list[Flowable]:
    heading = f"{n}. {group.title}" if group.domain is not None else group.title
    out: list[Flowable] = [CondPageBreak(layout.MIN_SPACE), layout.paragraph(heading, s.h2)]
    description = (
        group.domain.description
        if group.domain is not None
        else (
            "Entries whose words match no domain's keywords: name the domains in the record, e.g. [PCF: Knowledge]."
        )
    )
    if description:
        out.append(layout.paragraph(description, s.small))
        out.append(Spacer(1, 3))
    if not group.entries:
        return [*out, layout.paragraph("No learning recorded in this domain yet.", s.empty)]
    return [
        *out,
        layout.grid_table(_entry_rows(group.entries, s), [width * f for f in _ENTRY_WIDTHS]),
        Spacer(1, 4),
    ]


def _over_time(doc: DevLogDocument, s: layout.Styles, width: float) -> list[Flowable]:
    titles = {d.id: d.title for d in doc.domains}
    rows = [[layout.paragraph(h, s.cell_head) for h in ("Date", "Case", "Record", "PCF domains")]]
    for e in doc.entries:
        named = ", ".join(titles[t] for t in e.domains if t in titles) or "Not linked yet"
        rows.append(
            [
                layout.paragraph(short_date(e.meeting_date), s.cell),
                layout.paragraph(e.case_reference, s.cell),
                layout.paragraph(e.record_label, s.cell),
                layout.paragraph(named, s.cell),
            ]
        )
    return [
        CondPageBreak(layout.MIN_SPACE),
        layout.paragraph("Over time", s.h2),
        layout.paragraph("Every entry, oldest first, with the domains it is linked to.", s.small),
        Spacer(1, 3),
        layout.grid_table(rows, [width * f for f in _ENTRY_WIDTHS]),
    ]


def _story(doc: DevLogDocument, width: float) -> list[Flowable]:
    s = layout.make_styles()
    # the name on a line of its own: a right-to-left name beside English text would be reordered around it
    story: list[Flowable] = [layout.paragraph(TITLE, s.title), layout.paragraph(doc.worker_name, s.subtitle)]
    story.extend(_facts(doc, s, width))
    story.append(_about(s))
    if not doc.entries:
        story.append(
            layout.paragraph(
                "No learning has been recorded for this worker in signed co-working records yet.", s.empty
            )
        )
        return story
    story.extend(_summary(doc, s, width))
    n = 0
    for group in doc.groups:
        if group.domain is not None:
            n += 1
        story.extend(_domain_section(n, group, s, width))
    story.extend(_over_time(doc, s, width))
    return story


# ---------------------------------------------------------------------------------------------- the file


def document_title(doc: DevLogDocument) -> str:
    return f"{TITLE}: {doc.worker_name}"


def render_devlog(doc: DevLogDocument, evidence: bytes | None = None) -> bytes:
    """The development log as PDF/A-3b bytes; ``evidence`` (JSON) is embedded as for a case note."""
    fonts.register_fonts()
    buffer = io.BytesIO()
    refs = doc.case_references
    template, top, bottom = layout.a4_template(
        buffer,
        demo=doc.demo,
        title=document_title(doc),
        author=doc.organisation,
        subject="Professional Capabilities Framework evidence from co-worked cases",
        keywords="development log; PCF" + (f"; cases {', '.join(refs)}" if refs else ""),
        creator=doc.producer,
    )
    frame = layout.body_frame(top, bottom)
    template.addPageTemplates([PageTemplate(id="devlog", frames=[frame], onPage=_page_decorator(doc))])
    template.build(_story(doc, frame._aW), canvasmaker=layout.NumberedCanvas)
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        created = doc.generated_at or datetime.now().astimezone()
        fonts.fix_text_maps(pdf)
        convert_to_pdfa(pdf, created=created)
        if evidence is not None:
            attach_evidence(
                pdf,
                EVIDENCE_FILENAME,
                evidence,
                "What this signed development log vouches for (entries and the records they come from)",
                created,
            )
        return save_pdfa(pdf)


#: letters that have no decomposition into an ASCII letter and an accent
_LATIN = str.maketrans(
    {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ß": "ss", "Æ": "AE", "æ": "ae"}
)


def devlog_filename(worker_name: str, on: date) -> str:
    """``development-log_Mei-Lin-Chen_2026-11-23.pdf`` (letters without accents; a safe fallback for others)."""
    name = (
        re.sub(r"[^A-Za-z0-9]+", "-", layout.ascii_text(worker_name.translate(_LATIN))).strip("-")[:60]
        or "worker"
    )
    return f"development-log_{name}_{on.isoformat()}.pdf"
