"""PDF/A-3b conversion of reportlab's output, the record's embedded evidence, and a structural check of the result.

PDF/A-3b, not 2b: part 3 is part 2 plus one thing, associated files of any type (ISO 19005-3, 6.8). A signed case
note carries the record's canonical content as an embedded JSON file (:func:`attach_evidence`, relationship
/Data), so a verifier reads back exactly what was signed; ZUGFeRD/Factur-X invoices use PDF/A-3 the same way and
every PDF/A validator (veraPDF included) accepts it. Part 2 allows only PDF/A files as attachments.

reportlab has no PDF/A mode, so :func:`convert_to_pdfa` finishes the job on an open :class:`pikepdf.Pdf`:
it writes XMP metadata declaring ``pdfaid:part=3`` / ``pdfaid:conformance=B`` (kept in step with the document
information dictionary), installs an sRGB output intent, and drops entries PDF/A does not allow. Fonts are
already embedded because the case note only uses the registered Noto TrueType fonts (never a standard 14 font).
This must happen BEFORE signing: any full rewrite of a signed PDF breaks the signature.

:func:`pdfa_problems` is NOT a PDF/A validator. veraPDF (the reference validator) is not available here, so this
structural check of the essentials is what we have: the PDF/A identification in XMP, an output intent, every font
embedded, no encryption, no JavaScript or other forbidden actions, annotations printable with appearances.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from functools import cache

import pikepdf
from pikepdf import Dictionary, Name, Pdf
from pikepdf.models import metadata as _xmp
from pikepdf.models.metadata import DateConverter, PdfMetadata, decode_pdf_date

PDFA_PART = "3"
PDFA_CONFORMANCE = "B"
SRGB_IDENTIFIER = "sRGB IEC61966-2.1"

# pikepdf 9+ has the mapping at module level; 8.x (the newest with wheels for macOS 13 on Apple silicon) on the class
_DOCINFO_MAPPING = getattr(_xmp, "DOCINFO_MAPPING", None) or PdfMetadata.DOCINFO_MAPPING


def values_of(obj: pikepdf.Object) -> list[pikepdf.Object]:
    """A dictionary's (or stream dictionary's) values: pikepdf 8 has no ``.values()``, 9 and later do."""
    return [obj[key] for key in obj.keys()]  # noqa: SIM118 (a Stream is not iterable in every pikepdf)


# Document information entries kept (each has an XMP equivalent pikepdf keeps in step). /Producer is left out on
# purpose: when pyHanko signs, it sets the XMP producer to "pyHanko x.y" but only appends that to an existing
# information-dictionary producer, so the two would disagree (PDF/A wants them equal). Without one, pyHanko
# writes the same value to both.
_SYNCED_INFO_KEYS = (
    "/Title",
    "/Author",
    "/Subject",
    "/Keywords",
    "/Creator",
    "/CreationDate",
    "/ModDate",
)

# Actions PDF/A-2 and -3 forbid (ISO 19005-2, 6.5.1).
_FORBIDDEN_ACTIONS = frozenset(
    {"/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/Hide", "/SetOCGState", "/Rendition"}
    | {"/Trans", "/GoTo3DView", "/JavaScript"}
)

#: the embedded file that carries what a signed PDF vouches for (a PDF/A-3 associated file: attach_evidence)
EVIDENCE_FILENAME = "cowork-record.json"


@cache
def srgb_icc_profile() -> bytes:
    """An sRGB ICC profile, made by LittleCMS through Pillow (no profile file to ship)."""
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    data: bytes = profile.tobytes()
    return data


def _pdf_date(value: datetime) -> str:
    stamp = value.strftime("D:%Y%m%d%H%M%S")
    offset = value.utcoffset()
    if offset is None:
        return stamp
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return stamp + "Z"
    sign = "+" if minutes > 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{stamp}{sign}{hours:02d}'{mins:02d}'"


def convert_to_pdfa(
    pdf: Pdf,
    *,
    created: datetime | None = None,
    extra_info: Mapping[str, str] | None = None,
) -> None:
    """Make an open document PDF/A-3b in memory (the caller saves it).

    ``created`` sets the creation and modification dates; ``extra_info`` adds custom document information
    entries (e.g. ``{"/CoworkContentHash": "..."}``). Custom entries go in the information dictionary only:
    a custom XMP property would need a PDF/A extension schema.
    """
    info = pdf.docinfo
    if created is not None:
        stamp = _pdf_date(created)
        info[Name.CreationDate] = pikepdf.String(stamp)
        info[Name.ModDate] = pikepdf.String(stamp)
    # Drop the rest: /Producer (see _SYNCED_INFO_KEYS) and /Trapped, which has no counterpart in the XMP; and
    # empty entries (e.g. no organisation for /Author), which XMP would not repeat.
    for key in list(info.keys()):
        if key not in _SYNCED_INFO_KEYS or not str(info[key]).strip():
            del info[key]
    synced = {key: str(info[key]) for key in _SYNCED_INFO_KEYS if key in info}

    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
        meta.load_from_docinfo(synced, raise_failure=True)
        meta["pdfaid:part"] = PDFA_PART
        meta["pdfaid:conformance"] = PDFA_CONFORMANCE

    for key, value in (extra_info or {}).items():
        pdf.docinfo[Name(key)] = pikepdf.String(value)

    for page in pdf.pages:
        # reportlab writes an empty page transition (/Trans) on every page: presentation furniture, dropped.
        if Name.Trans in page.obj:
            del page.obj[Name.Trans]

    icc = pdf.make_stream(srgb_icc_profile())
    icc[Name.N] = 3
    intent = Dictionary(
        Type=Name.OutputIntent,
        S=Name.GTS_PDFA1,
        OutputConditionIdentifier=pikepdf.String(SRGB_IDENTIFIER),
        Info=pikepdf.String(SRGB_IDENTIFIER),
        DestOutputProfile=icc,
    )
    pdf.Root[Name.OutputIntents] = pikepdf.Array([pdf.make_indirect(intent)])


def attach_evidence(pdf: Pdf, filename: str, data: bytes, description: str, when: datetime) -> None:
    """Embed ``data`` (JSON) as a PDF/A-3 associated file of the document: a file specification with /F and
    /UF, /AFRelationship /Data and a description, in the catalog's /AF array and the /EmbeddedFiles name tree;
    the stream names its MIME type (application/json) and its size and modification date."""
    stamp = pikepdf.String(_pdf_date(when))
    stream = pdf.make_stream(data)
    stream[Name.Type] = Name.EmbeddedFile
    stream[Name.Subtype] = Name("/application/json")
    stream[Name.Params] = Dictionary(Size=len(data), ModDate=stamp, CreationDate=stamp)
    spec = pdf.make_indirect(
        Dictionary(
            Type=Name.Filespec,
            F=pikepdf.String(filename),
            UF=pikepdf.String(filename),
            Desc=pikepdf.String(description),
            AFRelationship=Name.Data,
            EF=Dictionary(F=stream, UF=stream),
        )
    )
    names = pdf.Root.get(Name.Names)
    if not isinstance(names, Dictionary):
        names = Dictionary()
        pdf.Root[Name.Names] = names
    names[Name.EmbeddedFiles] = Dictionary(Names=pikepdf.Array([pikepdf.String(filename), spec]))
    pdf.Root[Name.AF] = pikepdf.Array([spec])


def save_pdfa(pdf: Pdf) -> bytes:
    """Save a converted document. No object streams: the file stays simple to inspect and to sign."""
    out = io.BytesIO()
    pdf.save(
        out,
        object_stream_mode=pikepdf.ObjectStreamMode.disable,
        fix_metadata_version=False,
        force_version="1.7",
    )
    return out.getvalue()


# --------------------------------------------------------------------------------------------- the check


def _walk(obj: pikepdf.Object, seen: set[tuple[int, int]]) -> Iterator[pikepdf.Object]:
    """Every dictionary and stream reachable from ``obj``, each once."""
    stack = [obj]
    while stack:
        current = stack.pop()
        if not isinstance(current, pikepdf.Object):
            continue  # pikepdf hands back numbers, booleans and names' values as Python objects
        if current.is_indirect:
            key = current.objgen
            if key in seen:
                continue
            seen.add(key)
        if isinstance(current, pikepdf.Array):
            stack.extend(current)
        elif isinstance(current, Dictionary | pikepdf.Stream):
            yield current
            stack.extend(values_of(current))


def _font_problems(font: pikepdf.Object) -> list[str]:
    subtype = str(font.get(Name.Subtype, ""))
    name = str(font.get(Name.BaseFont, "(unnamed)"))
    if subtype == "/Type3":
        return []
    if subtype == "/Type0":
        descendants = font.get(Name.DescendantFonts)
        if not isinstance(descendants, pikepdf.Array) or len(descendants) != 1:
            return [f"font {name}: Type0 font without one descendant font"]
        font = descendants[0]
    descriptor = font.get(Name.FontDescriptor)
    if not isinstance(descriptor, Dictionary):
        return [f"font {name} is not embedded (no font descriptor)"]
    if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
        return [f"font {name} is not embedded"]
    return []


def pdfa_problems(pdf_bytes: bytes) -> list[str]:
    """Structural PDF/A-3b essentials that ``pdf_bytes`` misses (empty: none found).

    Not a full validator (see the module docstring): it checks the PDF version, the XMP identification
    (part 2, conformance B), that the metadata stream is unfiltered, an output intent with an ICC profile,
    the trailer ID, no encryption, every font embedded, no JavaScript or forbidden actions, embedded files only
    as PDF/A-3 associated files, and that every annotation prints and has an appearance.
    """
    problems: list[str] = []
    header = re.match(rb"%PDF-(\d)\.(\d)", pdf_bytes[:16])
    if header is None:
        return ["not a PDF file (no %PDF- header)"]
    if (int(header.group(1)), int(header.group(2))) > (1, 7):
        problems.append(f"PDF version {header.group(1).decode()}.{header.group(2).decode()} is above 1.7")
    try:
        pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    except pikepdf.PasswordError:
        return ["the file is encrypted"]
    except pikepdf.PdfError as exc:
        return [f"the file cannot be read: {exc}"]
    with pdf:
        if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
            problems.append("the file is encrypted")
        if "/ID" not in pdf.trailer:
            problems.append("the trailer has no file identifier (/ID)")
        version = pdf.pdf_version
        if tuple(int(p) for p in version.split(".")) > (1, 7):
            problems.append(f"the document declares PDF version {version}, above 1.7")

        root = pdf.Root
        metadata = root.get(Name.Metadata)
        if not isinstance(metadata, pikepdf.Stream):
            problems.append("no XMP metadata stream in the catalog")
        else:
            if "/Filter" in metadata:
                problems.append("the XMP metadata stream is filtered (compressed)")
            meta = pdf.open_metadata()
            part = str(meta.get("pdfaid:part", ""))
            conformance = str(meta.get("pdfaid:conformance", ""))
            if part != PDFA_PART or conformance.upper() != PDFA_CONFORMANCE:
                problems.append(
                    f"XMP declares pdfaid:part={part or '-'} conformance={conformance or '-'}, not 3/B"
                )
            problems.extend(_info_xmp_mismatches(pdf, meta))

        intents = root.get(Name.OutputIntents)
        pdfa_intents = [
            oi
            for oi in (intents if isinstance(intents, pikepdf.Array) else [])
            if isinstance(oi, Dictionary) and oi.get(Name.S) == Name.GTS_PDFA1
        ]
        if not pdfa_intents:
            problems.append("no PDF/A output intent (/GTS_PDFA1)")
        elif not isinstance(pdfa_intents[0].get(Name.DestOutputProfile), pikepdf.Stream):
            problems.append("the output intent has no ICC profile")

        names = root.get(Name.Names)
        if isinstance(names, Dictionary):
            if "/JavaScript" in names:
                problems.append("document-level JavaScript (/Names /JavaScript)")
            files = names.get(Name.EmbeddedFiles)
            if isinstance(files, Dictionary):
                problems.extend(_embedded_file_problems(root, files))
        acroform = root.get(Name.AcroForm)
        if isinstance(acroform, Dictionary) and bool(acroform.get(Name.NeedAppearances, False)):
            problems.append("the form sets /NeedAppearances true")

        seen: set[tuple[int, int]] = set()
        font_ids: set[tuple[int, int]] = set()
        for obj in _walk(root, seen):
            if "/JS" in obj:
                problems.append("JavaScript (/JS) found")
            obj_type = obj.get(Name.Type)
            action = obj.get(Name.S)
            if action is not None and str(action) in _FORBIDDEN_ACTIONS and obj_type in (None, Name.Action):
                problems.append(f"forbidden action {action}")
            if "/AA" in obj:
                problems.append("additional actions (/AA) found")
            if obj_type == Name.Font and (not obj.is_indirect or obj.objgen not in font_ids):
                if obj.is_indirect:
                    font_ids.add(obj.objgen)
                problems.extend(_font_problems(obj))
            if obj_type == Name.Annot or (
                "/Subtype" in obj and "/Rect" in obj and str(obj.get(Name.Subtype)) == "/Widget"
            ):
                problems.extend(_annotation_problems(obj))
        for page_number, page in enumerate(pdf.pages, start=1):
            # Fonts used by a page are always reachable from the catalog, but be explicit about pages.
            for font in values_of(page.resources.get(Name.Font, Dictionary())):
                if font.is_indirect and font.objgen in font_ids:
                    continue
                problems.extend(f"page {page_number}: {p}" for p in _font_problems(font))
    return list(dict.fromkeys(problems))


def _same_date(a: str, b: str) -> bool:
    try:
        return decode_pdf_date(a) == decode_pdf_date(b)
    except ValueError:
        return a == b


def _info_xmp_mismatches(pdf: Pdf, meta: PdfMetadata) -> list[str]:
    """Entries of the document information dictionary that XMP does not repeat exactly (PDF/A wants both)."""
    if pdf.trailer.get(Name.Info) is None:
        return []
    info = pdf.docinfo
    problems = []
    for mapping in _DOCINFO_MAPPING:
        info_value = info.get(mapping.name)
        xmp_value = meta.get(f"{{{mapping.ns}}}{mapping.key}")
        if info_value is None and xmp_value is None:
            continue
        if info_value is None or xmp_value is None:
            where = "XMP" if info_value is None else "the information dictionary"
            problems.append(f"{mapping.name[1:]} is only in {where}, not in both")
            continue
        expected = mapping.converter.docinfo_from_xmp(xmp_value) if mapping.converter else str(xmp_value)
        if mapping.converter is DateConverter:
            same = expected is not None and _same_date(str(info_value), expected)
        else:
            same = str(info_value) == expected
        if not same:
            problems.append(f"{str(mapping.name)[1:]} differs between the information dictionary and XMP")
    return problems


def _annotation_problems(annot: pikepdf.Object) -> list[str]:
    subtype = str(annot.get(Name.Subtype, ""))
    if subtype in ("/Popup",):
        return []
    problems: list[str] = []
    flags = int(annot.get(Name.F, 0))
    if not flags & 4 or flags & (1 | 2 | 32):
        problems.append(f"annotation {subtype} is not set to print (or is hidden)")
    if subtype != "/Link":
        appearance = annot.get(Name.AP)
        if not isinstance(appearance, Dictionary) or "/N" not in appearance:
            problems.append(f"annotation {subtype} has no normal appearance")
    return problems


def _embedded_file_problems(root: pikepdf.Object, tree: pikepdf.Object) -> list[str]:
    """PDF/A-3 (6.8): each embedded file is an associated file (listed in /AF, with /AFRelationship), its
    specification has /F and /UF, and its stream names a MIME type and its modification date."""
    problems = []
    associated = root.get(Name.AF)
    listed = {
        spec.objgen
        for spec in (associated if isinstance(associated, pikepdf.Array) else [])
        if spec.is_indirect
    }
    pairs = tree.get(Name.Names)
    if not isinstance(pairs, pikepdf.Array):
        return ["the /EmbeddedFiles name tree has no /Names array"]
    for i in range(0, len(pairs) - 1, 2):
        name, spec = str(pairs[i]), pairs[i + 1]
        if not isinstance(spec, Dictionary):
            problems.append(f"embedded file {name}: no file specification")
            continue
        if not spec.is_indirect or spec.objgen not in listed:
            problems.append(f"embedded file {name} is not an associated file (not in the catalog's /AF)")
        if Name.AFRelationship not in spec:
            problems.append(f"embedded file {name} has no /AFRelationship")
        if Name.F not in spec or Name.UF not in spec:
            problems.append(f"embedded file {name}'s specification lacks /F or /UF")
        ef = spec.get(Name.EF)
        stream = ef.get(Name.F) if isinstance(ef, Dictionary) else None
        if not isinstance(stream, pikepdf.Stream):
            problems.append(f"embedded file {name} has no embedded stream")
            continue
        if Name.Subtype not in stream:
            problems.append(f"embedded file {name} names no MIME type (/Subtype)")
        params = stream.get(Name.Params)
        if not isinstance(params, Dictionary) or Name.ModDate not in params:
            problems.append(f"embedded file {name} has no modification date (/Params /ModDate)")
    return problems
