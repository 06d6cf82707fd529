"""Changes made to a signed PDF after signing, as a PDF editor would append them (an incremental update)."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter


def appended(signed: bytes, edit: Callable[[IncrementalPdfFileWriter], None]) -> bytes:
    """``signed`` with what ``edit`` writes appended as one incremental update."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    edit(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def first_page(writer: IncrementalPdfFileWriter) -> generic.DictionaryObject:
    page: generic.DictionaryObject = writer.root["/Pages"]["/Kids"][0].get_object()
    return page


def add_to_first_page(
    writer: IncrementalPdfFileWriter, annotation: generic.PdfObject
) -> generic.IndirectObject:
    """``annotation`` added to the first page's annotations; its reference."""
    page = first_page(writer)
    ref = writer.add_object(annotation)
    annots = page.get("/Annots", generic.ArrayObject())
    annots.append(ref)
    page[generic.NameObject("/Annots")] = annots
    writer.update_container(page)
    return ref


def annotation(
    subtype: str, rect: tuple[int, int, int, int], entries: Mapping[str, generic.PdfObject]
) -> generic.DictionaryObject:
    """A printed annotation (``/F 4``) of ``subtype`` at ``rect``, with ``entries`` (keyed by their names as
    strings, "/Contents")."""
    names: dict[str, generic.PdfObject] = {
        "/Type": generic.NameObject("/Annot"),
        "/Subtype": generic.NameObject(subtype),
        "/Rect": generic.ArrayObject([generic.NumberObject(n) for n in rect]),
        "/F": generic.NumberObject(4),
        **entries,
    }
    return generic.DictionaryObject({generic.NameObject(k): v for k, v in names.items()})


def add_note(writer: IncrementalPdfFileWriter) -> None:
    """A text note ("added later") on the first page."""
    add_to_first_page(
        writer, annotation("/Text", (50, 50, 70, 70), {"/Contents": generic.TextStringObject("added later")})
    )
