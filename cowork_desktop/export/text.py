"""A case note as plain text, for the council's case management system (Mosaic, LCS, Eclipse), where case notes
are often pasted as text.

The same :class:`~cowork_desktop.export.model.CaseNote` the PDF is laid out from, with the same headings in the
same order and the same wording for amendments, resolutions and supersession; tables become one line per row.
Plain text that pastes cleanly: no tabs, no page furniture, lines as the answers were typed. The case is named by
its reference only, as on the PDF. The signed PDF stays the record: the text says so at its end.
"""

from __future__ import annotations

from cowork_desktop.domain.dates import long_date, long_datetime, short_date
from cowork_desktop.export import model
from cowork_desktop.export.wording import amendment_text, note_facts, resolution_text, superseded_text

RULE = "=" * 72


def _heading(text: str) -> list[str]:
    return ["", text, "-" * min(len(text), 72)]


def _answer_lines(item: model.QuestionAnswer) -> list[str]:
    answer = item.answer.strip()
    return [item.prompt, *(answer.splitlines() if answer else ["Not answered"]), ""]


def _responsibility_lines(item: model.ResponsibilitiesTable) -> list[str]:
    lines = [item.prompt] if item.prompt else []
    if not item.rows:
        return [*lines, "No responsibilities recorded.", ""]
    lines += [f"- {r.task}: {r.lead} ({'joint' if r.joint else 'sole'})" for r in item.rows]
    return [*lines, ""]


def _action_lines(item: model.ActionsTable) -> list[str]:
    lines = [item.prompt] if item.prompt else []
    if not item.rows:
        return [*lines, "No actions recorded.", ""]
    for r in item.rows:
        due = f", due {short_date(r.due)}" if r.due else ""
        done = "" if r.done is None else ("; done" if r.done else "; not done")
        lines.append(f"- {r.description} ({r.owner}{due}{done})")
    return [*lines, ""]


def _section_lines(section: model.NoteSection) -> list[str]:
    lines = _heading(section.title)
    for item in section.items:
        if isinstance(item, model.ResponsibilitiesTable):
            lines += _responsibility_lines(item)
        elif isinstance(item, model.ActionsTable):
            lines += _action_lines(item)
        else:
            lines += _answer_lines(item)
    return lines


def _signature_line(sig: model.SignatureBlock) -> str:
    how = "drawn" if sig.method == "drawn" else "typed"
    return f"- {sig.name}, {sig.role}: signed ({how}) on {long_datetime(sig.signed_at)}"


def case_note_text(note: model.CaseNote) -> str:
    """The case note as plain text (``\\n`` line ends, ending with one)."""
    lines = [note.protective_marking, RULE]
    if note.demo:
        lines += [model.DEMO_MARKING, RULE]
    if note.superseded_by is not None:
        lines += [superseded_text(note.superseded_by), RULE]
    if note.is_draft:
        lines += ["DRAFT: not signed, not a record", RULE]
    lines += [note.organisation] if note.organisation else []
    lines.append(note.display_title)
    if note.display_title != note.record_kind:
        lines.append(note.record_kind)
    if note.resolves is not None:
        lines += ["", resolution_text(note.resolves)]
    if note.amendment is not None:
        lines += ["", *amendment_text(note, note.amendment).splitlines()]
    lines.append("")
    lines += [f"{label}: {value}" for label, value in note_facts(note)]
    lines += _heading("Present")
    lines += [f"- {a.name}, {a.role}" for a in note.present] or ["No one is recorded as present."]
    for section in note.sections:
        lines += _section_lines(section)
    lines += _heading("Signatures")
    lines += [_signature_line(s) for s in note.signatures] or ["Not signed yet."]
    if note.signatures and note.signatures[0].statement.strip():
        lines += ["", " ".join(note.signatures[0].statement.split())]
    if note.content_hash:
        lines += ["", f"Content hash of the record: {note.content_hash}"]
    if note.status == "signed":
        lines += [
            "",
            f"A copy as text of the signed record {note.display_number}, version {note.version}, of the meeting "
            f"on {long_date(note.meeting_date)}: the signed PDF is the record.",
        ]
    lines += [RULE, note.protective_marking]
    kept: list[str] = []
    for line in (line.rstrip() for line in lines):
        if line or (kept and kept[-1]):  # one blank line between parts, never two
            kept.append(line)
    return "\n".join(kept) + "\n"
