"""The sentences a case note says in words, the same on the PDF and in the text copy (no layout, no reportlab)."""

from __future__ import annotations

from collections.abc import Sequence

from cowork_desktop.domain.dates import long_date
from cowork_desktop.export.model import Amendment, CaseNote, Resolution, Supersession


def _lower_first(label: str) -> str:
    """A label inside a sentence: "Review of co-working" -> "review of co-working" (acronyms kept)."""
    first = label.split(" ", 1)[0]
    if len(first) > 1 and (first.isupper() or any(c.isupper() for c in first[1:])):
        return label
    return label[:1].lower() + label[1:]


def _joined(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def superseded_text(supersession: Supersession) -> str:
    return (
        f"SUPERSEDED by version {supersession.version} (record {supersession.record_id}), "
        f"signed on {long_date(supersession.signed_on)}: not the current record"
    )


def amendment_text(note: CaseNote, amendment: Amendment) -> str:
    which = f"version {amendment.supersedes_version}"
    if amendment.supersedes_record_id is not None:
        which += f" (record {amendment.supersedes_record_id})"
    if amendment.supersedes_signed_on is not None:
        which += f", signed on {long_date(amendment.supersedes_signed_on)}"
    reason = " ".join(amendment.reason.split()) or "not given"
    reason = reason if reason.endswith((".", "!", "?")) else f"{reason}."
    return f"This is version {note.version} of record {note.display_number}; it amends {which}.\nReason: {reason}"


def resolution_text(resolution: Resolution) -> str:
    issues = [_lower_first(" ".join(i.split())) for i in resolution.issues if i.strip()]
    what = _joined(issues) if issues else "the issues"
    return (
        f"This MDR resolves {what} found at the {_lower_first(resolution.record_kind)} of "
        f"{long_date(resolution.meeting_date)} (record {resolution.record_number}, "
        f"version {resolution.version})."
    )


def note_facts(note: CaseNote) -> list[tuple[str, str]]:
    """The facts at the top of a note, as ``(label, value)``: case, type, date, record and version, status."""
    status = "Signed" if note.status == "signed" else "Draft (not signed)"
    if note.superseded_by is not None:
        status += f"; superseded by version {note.superseded_by.version}"
    return [
        ("Case reference", note.case_reference),
        ("Record type", note.record_kind),
        ("Meeting date", long_date(note.meeting_date)),
        ("Record", f"{note.display_number}, version {note.version}"),
        ("Status", status),
    ]
