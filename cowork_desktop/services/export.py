"""Export records as case-note PDFs (signed with the manager's certificate, or marked DRAFT) and verify them.

A record is printed from the form version it was captured with (the stored snapshot, never today's file): only
the questions that were shown for its answers, each answer resolved for a reader (worker ids become names,
dates "23 Nov 2026", rules "Every 2 weeks"). The case is named by its reference only, never a child.

Files are written atomically (a temporary file in the same folder, then renamed), so a failed export never
leaves a half-written PDF behind; each export is recorded in the audit log. No Qt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from cowork_desktop import paths
from cowork_desktop.domain.certificates import (
    format_fingerprint,
    strength_problems,
    validity_problems,
)
from cowork_desktop.domain.certificates import name_problem as certificate_name_problem
from cowork_desktop.domain.dates import day_or_none, describe_rrule, long_date, short_date
from cowork_desktop.domain.due import issue_words
from cowork_desktop.domain.errors import CoworkError, NotFoundError
from cowork_desktop.domain.forms import FormDefinition, Question, QuestionKind, is_empty
from cowork_desktop.domain.models import (
    Action,
    Case,
    CoAllocation,
    Record,
    RecordKind,
    RecordStatus,
    Role,
    Signature,
    Worker,
)
from cowork_desktop.domain.passphrases import new_passphrase_problem
from cowork_desktop.domain.pulled import PulledRecord
from cowork_desktop.domain.records import (
    CANON_VERSION,
    canonical_content,
    content_differences,
    hash_content,
    manager_signature,
    signed_amendment,
)
from cowork_desktop.export.model import (
    DEFAULT_PROTECTIVE_MARKING,
    ActionRow,
    ActionsTable,
    Amendment,
    Attendee,
    CaseNote,
    NoteSection,
    QuestionAnswer,
    Resolution,
    ResponsibilitiesTable,
    ResponsibilityRow,
    SectionItem,
    SignatureBlock,
    Supersession,
)
from cowork_desktop.export.pdf import (
    case_note_filename,
    page_texts,
    render_case_note,
    text_difference,
)
from cowork_desktop.export.pool import SignJob, default_jobs, sign_note
from cowork_desktop.export.signing import (
    DEFAULT_STAMP_TEXT,
    Signer,
    VerifyResult,
    create_certificate,
    evidence_json,
    verify_pdf,
)
from cowork_desktop.export.signing import MAX_VERIFY_BYTES as MAX_VERIFY_BYTES  # the UI's limit too
from cowork_desktop.services.evidence import CASE_NOTE as CASE_NOTE
from cowork_desktop.services.evidence import DEVELOPMENT_LOG as DEVELOPMENT_LOG
from cowork_desktop.services.evidence import EVIDENCE_FORMAT as EVIDENCE_FORMAT
from cowork_desktop.services.evidence import EVIDENCE_VERSION as EVIDENCE_VERSION
from cowork_desktop.services.evidence import SETTING_MARKING as SETTING_MARKING
from cowork_desktop.services.evidence import SETTING_ORGANISATION as SETTING_ORGANISATION
from cowork_desktop.services.evidence import audit_exports, embedded_evidence
from cowork_desktop.services.evidence import audit_signed_export as audit_signed_export
from cowork_desktop.services.evidence import check_signer as check_signer
from cowork_desktop.services.evidence import known_certificates as known_certificates
from cowork_desktop.services.evidence import register_certificate as register_certificate
from cowork_desktop.services.files import (
    check_target,
    make_private_folders,
    read_limited,
    write_output,
)
from cowork_desktop.services.sessions import Workspace, context_for, form_for, record_facts
from cowork_desktop.services.settings import logo_problem
from cowork_desktop.store.store import Store

NOT_ANSWERED = "Not answered"
NOT_SET = "Not set"
#: the manager's own signing certificate, in the user's data folder
CERTIFICATE_FILENAME = "manager-signing.p12"
#: settings read for every case note
SETTING_LOGO = "logo_path"
SETTING_MANAGER = "manager_name"


# ------------------------------------------------------------------------------------------- certificates


def default_certificate_path() -> Path:
    """Where the manager's certificate lives: ``manager-signing.p12`` in the data folder."""
    return paths.data_dir() / CERTIFICATE_FILENAME


def ensure_certificate(name: str, org: str, passphrase: bytes, path: Path | None = None) -> Path:
    """The manager's certificate, created (self-signed, passphrase-protected, mode 0600, in a folder made 0700)
    on first use. A new certificate's passphrase must pass :func:`new_passphrase_problem`; an existing
    certificate is returned as it is."""
    target = path or default_certificate_path()
    if target.exists():
        return target
    problem = new_passphrase_problem(passphrase.decode("utf-8", errors="replace"))
    if problem is not None:
        raise CoworkError(f"{problem} No certificate was created.")
    return create_certificate(name, org, target, passphrase)


# ------------------------------------------------------------------------------------------- display values


def _worker_name(worker_id: Any, workers: Mapping[int, Worker]) -> str:
    if worker_id is None or worker_id == "":
        return NOT_SET
    worker = workers.get(worker_id) if isinstance(worker_id, int) else None
    return worker.name if worker is not None else f"Unknown worker ({worker_id})"


class _Reads:
    """What case notes read that many records share: the workers, each case and its records, the actions agreed
    in a case, the settings. One for each note; one for a whole export of many records (which writes nothing
    until every note is made, so what it read stays true)."""

    def __init__(self, ws: Workspace) -> None:
        self.store = ws.store
        self._workers: list[Worker] | None = None
        self._cases: dict[int, Case] = {}
        self._records: dict[int, list[Record]] = {}
        self._actions: dict[int, dict[int, Action]] = {}
        self._settings: dict[str, str | None] = {}
        self._rendering: Rendering | None = None

    def workers(self) -> list[Worker]:
        if self._workers is None:
            self._workers = self.store.list_workers()
        return self._workers

    def case(self, case_id: int) -> Case:
        if case_id not in self._cases:
            self._cases[case_id] = self.store.get_case(case_id)
        return self._cases[case_id]

    def case_records(self, case_id: int) -> list[Record]:
        if case_id not in self._records:
            self._records[case_id] = self.store.records_for_case(case_id)
        return self._records[case_id]

    def case_actions(self, case_id: int) -> dict[int, Action]:
        """Every action agreed in a record of the case, by id (what an action review refers to)."""
        if case_id not in self._actions:
            found: dict[int, Action] = {}
            for record in self.case_records(case_id):
                if record.id is None:
                    continue
                for action in self.store.actions_for_record(record.id):
                    if action.id is not None:
                        found[action.id] = action
            self._actions[case_id] = found
        return self._actions[case_id]

    def setting(self, key: str) -> str | None:
        if key not in self._settings:
            self._settings[key] = self.store.get_setting(key)
        return self._settings[key]

    def rendering(self) -> Rendering:
        """The settings' rendering (organisation, marking, demo, the logo's size), read once."""
        if self._rendering is None:
            self._rendering = _rendering(self)
        return self._rendering


def _workers_of(
    ws: Workspace, record: Record | None = None, reads: _Reads | None = None
) -> dict[int, Worker]:
    """Workers by id: for a signed record, named as they were when it was signed (its frame)."""
    workers = {w.id: w for w in (reads or _Reads(ws)).workers() if w.id is not None}
    if record is not None and record.status == RecordStatus.SIGNED:
        people = record.signed_frame.get("people")
        for key, person in people.items() if isinstance(people, dict) else []:
            try:
                worker_id, role = int(key), Role(person["role"])
            except (ValueError, KeyError, TypeError):
                continue
            workers[worker_id] = Worker(str(person.get("name", "")), role, id=worker_id)
    return workers


def _case_actions(ws: Workspace, ca: CoAllocation) -> dict[int, Action]:
    """Every action agreed in a record of the co-allocation's case, by id (what an action review refers to)."""
    return _Reads(ws).case_actions(ca.case_id)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def format_answer(
    question: Question,
    value: Any,
    ws: Workspace,
    ca: CoAllocation,
    *,
    workers: Mapping[int, Worker] | None = None,
    actions: Mapping[int, Action] | None = None,
) -> str | ResponsibilitiesTable | ActionsTable:
    """An answer as a reader sees it: text, or a table for responsibilities, actions and action reviews.

    ``workers`` and ``actions`` (by id) save the look-ups when formatting many answers; ``ca`` is the record's
    co-allocation (an action review refers to actions agreed earlier in its case). Tables carry the prompt.
    """
    names = workers if workers is not None else _workers_of(ws)
    kind = question.kind
    if kind == QuestionKind.RESPONSIBILITIES:
        return _responsibilities(question, value, names)
    if kind == QuestionKind.ACTIONS:
        return _actions(question, value, names)
    if kind == QuestionKind.ACTION_REVIEW:
        known = actions if actions is not None else _case_actions(ws, ca)
        return _action_review(question, value, names, known)
    if kind == QuestionKind.INFO:
        return question.guidance.strip()
    if is_empty(value):
        return NOT_ANSWERED
    if kind == QuestionKind.YES_NO:
        return {"yes": "Yes", "no": "No"}.get(str(value), str(value))
    if kind == QuestionKind.DATE:
        day = day_or_none(value)
        return long_date(day) if day is not None else str(value)  # "3 October 2026": dates in text
    if kind == QuestionKind.WORKER:
        return _worker_name(value, names)
    if kind == QuestionKind.WORKERS:
        items = value if isinstance(value, list) else [value]
        lines = []
        for worker_id in items:
            worker = names.get(worker_id) if isinstance(worker_id, int) else None
            lines.append(f"{worker.name} ({worker.role.label})" if worker else _worker_name(worker_id, names))
        return "\n".join(lines)
    if kind == QuestionKind.RECURRENCE:
        return _capitalised(describe_rrule(str(value)))
    return str(value).strip()


def _responsibilities(question: Question, value: Any, names: Mapping[int, Worker]) -> ResponsibilitiesTable:
    entries: Mapping[str, Any] = value if isinstance(value, dict) else {}
    tasks = [*question.tasks, *(t for t in entries if t not in question.tasks)]
    rows = []
    for task in tasks:
        entry = entries.get(task)
        if not isinstance(entry, dict):
            if task in entries or entries:
                rows.append(ResponsibilityRow(task, NOT_SET, joint=False))
            continue
        rows.append(ResponsibilityRow(task, _worker_name(entry.get("lead"), names), bool(entry.get("joint"))))
    return ResponsibilitiesTable(tuple(rows), question.prompt)


def _actions(question: Question, value: Any, names: Mapping[int, Worker]) -> ActionsTable:
    rows = []
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict):
            continue
        description = str(item.get("description", "")).strip() or "(no description)"
        rows.append(
            ActionRow(description, _worker_name(item.get("owner"), names), day_or_none(item.get("due")))
        )
    return ActionsTable(tuple(rows), question.prompt)


def _action_review(
    question: Question, value: Any, names: Mapping[int, Worker], known: Mapping[int, Action]
) -> ActionsTable:
    rows = []
    verdicts: Mapping[str, Any] = value if isinstance(value, dict) else {}
    for key, verdict in verdicts.items():
        try:
            action = known.get(int(key))
        except ValueError:
            action = None
        description = action.description if action else f"Action {key} (no longer in the database)"
        note = str(verdict.get("note", "")).strip() if isinstance(verdict, dict) else ""
        if note:
            description = f"{description}\nNote: {note}"
        done_value = verdict.get("done") if isinstance(verdict, dict) else None
        done = None if done_value not in ("yes", "no") else done_value == "yes"
        owner = _worker_name(action.owner_worker_id, names) if action else NOT_SET
        rows.append(ActionRow(description, owner, action.due_date if action else None, done))
    return ActionsTable(tuple(rows), question.prompt)


def _item(
    question: Question,
    value: Any,
    ws: Workspace,
    ca: CoAllocation,
    workers: Mapping[int, Worker],
    actions: Mapping[int, Action],
) -> SectionItem:
    shown = format_answer(question, value, ws, ca, workers=workers, actions=actions)
    if isinstance(shown, ResponsibilitiesTable | ActionsTable):
        return shown
    if question.kind != QuestionKind.INFO and is_empty(value):
        shown = ""  # the PDF prints "Not answered" in its own (muted) style
    return QuestionAnswer(question.prompt, shown)


def _context(ws: Workspace, form: FormDefinition, record: Record, ca: CoAllocation) -> dict[str, bool]:
    """The conditions as they were when the record was made: a signed record's own frame; for a record signed
    before frames were kept, today's, with whether there were earlier actions to review read from the record
    itself (today's open actions are not those of that meeting)."""
    framed = record.signed_frame.get("context") if record.status == RecordStatus.SIGNED else None
    if isinstance(framed, dict):
        return {str(k): bool(v) for k, v in framed.items()}
    context = context_for(ws, ca)
    review = next((q for q in form.questions if q.kind == QuestionKind.ACTION_REVIEW), None)
    if review is not None and record.status != RecordStatus.DRAFT:
        context["has_previous_actions"] = not is_empty(record.answers.get(review.id))
    return context


def _sections(
    ws: Workspace,
    form: FormDefinition,
    record: Record,
    ca: CoAllocation,
    workers: Mapping[int, Worker],
    reads: _Reads,
) -> tuple[NoteSection, ...]:
    context = _context(ws, form, record, ca)
    actions = reads.case_actions(ca.case_id)
    sections = []
    for section in form.sections:
        if not section.is_shown(record.answers, context):
            continue
        items = tuple(
            _item(q, record.answers.get(q.id), ws, ca, workers, actions)
            for q in section.questions
            if q.is_shown(record.answers, context) and q.role != "participants"  # printed as "Present"
        )
        if items:
            sections.append(NoteSection(section.title, items))
    return tuple(sections)


def _present(
    ws: Workspace,
    form: FormDefinition,
    record: Record,
    ca: CoAllocation,
    workers: Mapping[int, Worker],
    signatures: Sequence[Signature],
    reads: _Reads,
) -> tuple[Attendee, ...]:
    """Who took part, from the record: the co-workers ticked in its participants question (else both), and the
    manager when the kind of meeting is one the manager holds."""
    question = form.find_role("participants")
    chosen = record.answers.get(question.id) if question else None
    ids = [w for w in chosen if isinstance(w, int)] if isinstance(chosen, list) and chosen else ca.worker_ids
    present = [
        Attendee(workers[w].name, workers[w].role.label) if w in workers else Attendee(f"Worker {w}", "")
        for w in ids
    ]
    manager = manager_signature(signatures, Role.TEAM_MANAGER.label)
    manager_name = manager.signer_name if manager else (reads.setting(SETTING_MANAGER) or "").strip()
    if record.kind.manager_present and manager_name and all(a.name != manager_name for a in present):
        present.append(Attendee(manager_name, Role.TEAM_MANAGER.label))
    return tuple(present)


def logo_bytes(store: Store, setting: str | None = None) -> bytes | None:
    """The picture of the ``logo_path`` setting (or ``setting``, its value read already), when it is (still) a
    PNG or JPEG under 1 MB; None otherwise.

    A logo moved or replaced since it was chosen is left off rather than stopping an export.
    """
    text = ((store.get_setting(SETTING_LOGO) if setting is None else setting) or "").strip()
    if not text or logo_problem(text):
        return None
    try:
        return Path(text).expanduser().read_bytes()
    except OSError:
        return None


@dataclass(frozen=True)
class Rendering:
    """What a case note's look depends on beyond the record: the organisation and protective marking it is
    printed under, the demo marking, and the size of the logo (pixels; the picture itself is not needed to
    re-check the text). Embedded in a signed PDF so a verifier can print the record again the same way."""

    organisation: str
    marking: str
    demo: bool
    logo_size: tuple[int, int] | None = None
    #: a later signed version, as it was when the file was made (printed on every page)
    superseded: Supersession | None = None

    def as_dict(self) -> dict[str, Any]:
        later = self.superseded
        return {
            "organisation": self.organisation,
            "protective_marking": self.marking,
            "demo": self.demo,
            "logo_size": list(self.logo_size) if self.logo_size else None,
            "superseded_by": (
                {
                    "version": later.version,
                    "record_id": later.record_id,
                    "signed_on": later.signed_on.isoformat(),
                }
                if later
                else None
            ),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Rendering:
        size = data.get("logo_size")
        logo = (int(size[0]), int(size[1])) if isinstance(size, list) and len(size) == 2 else None
        later = data.get("superseded_by")
        superseded = None
        if isinstance(later, Mapping):
            try:
                superseded = Supersession(
                    int(later["version"]),
                    int(later["record_id"]),
                    date.fromisoformat(str(later["signed_on"])),
                )
            except (KeyError, ValueError, TypeError):
                superseded = None
        return cls(
            str(data.get("organisation", "")),
            str(data.get("protective_marking", "")),
            bool(data.get("demo")),
            logo,
            superseded,
        )


def _png_size(data: bytes | None) -> tuple[int, int] | None:
    if not data:
        return None
    from PIL import Image as PILImage

    try:
        with PILImage.open(io.BytesIO(data)) as image:
            return int(image.width), int(image.height)
    except Exception:  # a logo that cannot be read is left off the page anyway
        return None


def _blank_png(size: tuple[int, int]) -> bytes:
    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.new("RGB", size, "white").save(out, "PNG")
    return out.getvalue()


def current_rendering(ws: Workspace) -> Rendering:
    return _rendering(_Reads(ws))


def _rendering(reads: _Reads) -> Rendering:
    return Rendering(
        (reads.setting(SETTING_ORGANISATION) or "").strip(),
        (reads.setting(SETTING_MARKING) or "").strip() or DEFAULT_PROTECTIVE_MARKING,
        reads.setting("demo") == "1",
        _png_size(logo_bytes(reads.store, reads.setting(SETTING_LOGO) or "")),
    )


def build_case_note(
    ws: Workspace,
    record_id: int,
    *,
    organisation: str | None = None,
    marking: str | None = None,
    rendering: Rendering | None = None,
    reads: _Reads | None = None,
) -> CaseNote:
    """The record as a :class:`CaseNote` ready to render: display values, from the stored form snapshot and,
    for a signed record, its frame (the workers' names and the conditions as they were when it was signed).

    ``organisation`` and ``marking`` default to the settings ``organisation`` and ``protective_marking``
    (the marking defaults to OFFICIAL-SENSITIVE); the logo is the setting ``logo_path``'s picture, if valid.
    ``rendering`` (a verifier printing the record again) replaces all three, with a blank logo of its size.
    ``reads`` shares what many notes read (an export of many records).
    """
    store = ws.store
    reads = reads or _Reads(ws)
    record = store.get_record(record_id)
    case = reads.case(record.case_id)
    ca = store.get_coallocation(record.coallocation_id)
    form = form_for(ws, record)
    workers = _workers_of(ws, record, reads)
    signatures = store.signatures_for(record_id)
    amendment = None
    if record.supersedes_id is not None:
        try:
            earlier = store.get_record(record.supersedes_id)
            amendment = Amendment(
                earlier.version,
                record.amendment_reason,
                earlier.id,
                earlier.signed_at.date() if earlier.signed_at else None,
            )
        except NotFoundError:
            amendment = Amendment(max(record.version - 1, 1), record.amendment_reason)
    if rendering is not None:
        org, mark, demo = rendering.organisation, rendering.marking, rendering.demo
        logo = _blank_png(rendering.logo_size) if rendering.logo_size else None
        superseded = rendering.superseded
    else:
        org = organisation if organisation is not None else reads.setting(SETTING_ORGANISATION) or ""
        mark = marking if marking is not None else reads.setting(SETTING_MARKING) or ""
        demo = reads.setting("demo") == "1"
        logo = logo_bytes(store, reads.setting(SETTING_LOGO) or "")
        superseded = superseded_by(ws, record, reads)
    return CaseNote(
        organisation=org.strip(),
        case_reference=case.reference,
        record_kind=record.kind.label,
        meeting_date=record.meeting_date,
        record_id=record_id,
        version=record.version,
        title=record.title if record.title != record.kind.label else "",
        status="signed" if record.status == RecordStatus.SIGNED else "draft",
        demo=demo,
        protective_marking=mark.strip() or DEFAULT_PROTECTIVE_MARKING,
        present=_present(ws, form, record, ca, workers, signatures, reads),
        sections=_sections(ws, form, record, ca, workers, reads),
        signatures=tuple(
            SignatureBlock(s.signer_name, s.signer_role, s.method, s.signed_at, s.statement, s.image_png)
            for s in signatures
        ),
        content_hash=record.content_hash if record.status == RecordStatus.SIGNED else "",
        amendment=amendment,
        superseded_by=superseded,
        resolves=_resolves(ws, record),
        record_number=store.record_number(record_id),
        logo_png=logo,
    )


def superseded_by(ws: Workspace, record: Record, reads: _Reads | None = None) -> Supersession | None:
    """The signed version that replaces this record, if any (the latest in the chain of amendments)."""
    if record.id is None or record.status != RecordStatus.SIGNED:
        return None
    found: Record | None = None
    current = record.id
    case_records = (reads or _Reads(ws)).case_records(record.case_id)
    for _ in range(1000):
        newer = signed_amendment(current, case_records)
        if newer is None or newer.id is None:
            break
        found, current = newer, newer.id
    if found is None or found.id is None:
        return None
    signed_on = found.signed_at.date() if found.signed_at else found.meeting_date
    return Supersession(found.version, found.id, signed_on)


def _resolves(ws: Workspace, record: Record) -> Resolution | None:
    """For an issue-resolution MDR linked to a review: that review, and the issues it flagged."""
    if record.kind != RecordKind.ISSUE_RESOLUTION or record.linked_record_id is None:
        return None
    try:
        linked = ws.store.get_record(record.linked_record_id)
    except NotFoundError:
        return None
    assert linked.id is not None
    flagged = record_facts(ws, linked).issues_flagged
    return Resolution(
        ws.store.record_number(linked.id),
        linked.version,
        linked.kind.label,
        linked.meeting_date,
        tuple(issue_words([i]) for i in flagged),
    )


# ------------------------------------------------------------------------------------------------- files


def record_filename(ws: Workspace, record: Record, reads: _Reads | None = None) -> str:
    """``CR-2026-0103_initial_meeting_2026-11-13.pdf``; a version after the first adds ``_v2``."""
    case = (reads or _Reads(ws)).case(record.case_id)
    name = case_note_filename(case.reference, record.kind.value, record.meeting_date)
    if record.version > 1:
        name = f"{name.removesuffix('.pdf')}_v{record.version}.pdf"
    return name


def output_path(
    ws: Workspace, record_id: int, out_path: str | os.PathLike[str], *, replace: bool = False
) -> Path:
    """The file an export of the record writes: ``out_path``, or the usual file name inside it when it is a
    folder. Checked before any work is done (:func:`cowork_desktop.services.files.check_target`): CoworkError
    when its folder is missing or is not a folder, when it is the database, a backup or a certificate (even with
    ``replace``), and :class:`~cowork_desktop.services.files.OutputExists` when it exists, unless ``replace``."""
    out = Path(out_path)
    if out.is_dir():
        out = out / record_filename(ws, ws.store.get_record(record_id))
    return check_target(out, replace=replace, store=ws.store)


def record_text(ws: Workspace, record_id: int, *, draft: bool = False) -> str:
    """The record as plain text for the case management system (:func:`cowork_desktop.export.text.case_note_text`):
    the same content and headings as its PDF, the case by reference only. A signed record only when its evidence
    checks (:func:`integrity.require_intact`); one not signed yet only with ``draft`` (marked DRAFT)."""
    from cowork_desktop.export.text import case_note_text
    from cowork_desktop.services import integrity

    status = ws.store.record_status(record_id)
    if status == RecordStatus.SIGNED:
        integrity.require_intact(ws.store, record_id)
    elif not draft:
        state = "awaiting signatures" if status == RecordStatus.AWAITING_SIGNATURES else "a draft"
        raise CoworkError(
            f"record {record_id} is {state}: only a signed record is copied as the record; "
            "use --draft to copy it marked DRAFT"
        )
    return case_note_text(build_case_note(ws, record_id))


def export_record_text(
    ws: Workspace,
    record_id: int,
    out_path: str | os.PathLike[str],
    *,
    draft: bool = False,
    replace: bool = False,
) -> Path:
    """Write :func:`record_text` to ``out_path`` (UTF-8, owner-only, atomically; a folder: the usual file name
    with ``.txt``) and note it in the audit log. The same checks on the target as a PDF export."""
    out = Path(out_path)
    if out.is_dir():
        out = out / Path(record_filename(ws, ws.store.get_record(record_id))).with_suffix(".txt").name
    check_target(out, replace=replace, store=ws.store)
    text = record_text(ws, record_id, draft=draft)
    write_output(out, text.encode("utf-8"), replace=replace, store=ws.store)
    with ws.store.tx():
        ws.store.audit("export_text", "record", record_id, file=str(out))
    return out


#: ``--case REF --all --out`` takes a folder; a name like this one is a file name given by mistake
_FILE_SUFFIX = ".pdf"


def check_output_folder(
    out_dir: str | os.PathLike[str],
    ws: Workspace | None = None,
    case_reference: str | None = None,
    *,
    replace: bool = False,
) -> Path:
    """The folder an export of a whole case writes to: an existing folder, or one that can be made. A path
    ending in ``.pdf`` that is not a folder is refused: a case exports several files. With ``ws`` and
    ``case_reference``, every file the export would write there is checked too
    (:func:`cowork_desktop.services.files.check_target`), before any work is done."""
    folder = Path(out_dir)
    if folder.suffix.lower() == _FILE_SUFFIX and not folder.is_dir():
        raise CoworkError(
            f"{folder}: a whole case is exported into a folder, one PDF per record; give a folder "
            f"(e.g. {folder.with_suffix('')}), made if missing"
        )
    if folder.exists() and not folder.is_dir():
        raise CoworkError(f"cannot write to {folder}: not a folder")
    parent = next((p for p in folder.parents if p.exists()), None)
    if not folder.exists() and parent is not None and not parent.is_dir():
        raise CoworkError(f"cannot write to {folder}: {parent} is not a folder")
    if ws is not None and case_reference is not None and folder.is_dir():
        for name in _unique_names(ws, signed_records(ws, case_reference)):
            check_target(folder / name, replace=replace, store=ws.store)
    return folder


def _signing_reason(note: CaseNote) -> str:
    # short: a longer line makes pyHanko shrink the whole stamp's text
    return f"Signed record of the meeting on {short_date(note.meeting_date)}"


#: the stamp without a "Location" line when no organisation is set
_STAMP_WITHOUT_LOCATION = "Digitally signed by %(signer_name)s\nDate: %(ts)s\nReason: %(reason)s"


def lock_canon(ws: Workspace, record_id: int) -> int:
    """The version of the canonical content the record was signed with (its signing entry says)."""
    found = ws.store.entries_of("lock", "record", record_id)
    entry = found[-1] if found else None
    if entry is None:
        return CANON_VERSION
    try:
        canon = json.loads(entry.detail).get("canon", 1)
    except (ValueError, AttributeError):
        return 1
    return canon if isinstance(canon, int) else 1


def record_content(ws: Workspace, record_id: int) -> dict[str, Any]:
    """The signed record's canonical content, computed from its rows now (never the stored hash column)."""
    found = list(ws.store.signed_inputs([record_id]))
    if not found:
        raise NotFoundError(f"no record with id {record_id}")
    i = found[0]
    return canonical_content(
        i.record, i.case_reference, i.signatures, i.actions, i.form_sha256, lock_canon(ws, record_id)
    )


def _signing_job(ws: Workspace, record: Record, signer: Signer, reads: _Reads, key: int = 0) -> SignJob:
    """What a signed record's PDF is made of, once the record has checked: the certificate checked for it
    (:func:`check_signer`), the note from the record's rows (its frame, the rendering settings and whether a
    later version supersedes it), the canonical content and the audit chain's head to embed, the stamp's
    words. Reads only (but for recording a certificate the first time it signs)."""
    assert record.id is not None
    manager = manager_signature(ws.store.signatures_for(record.id), Role.TEAM_MANAGER.label)
    check_signer(ws, signer, manager.signer_name if manager else "")
    rendering = dataclasses.replace(reads.rendering(), superseded=superseded_by(ws, record, reads))
    note = build_case_note(ws, record.id, rendering=rendering, reads=reads)
    content = record_content(ws, record.id)
    evidence = embedded_evidence(CASE_NOTE, content, rendering.as_dict(), ws.store.chain_head())
    return SignJob(
        key,
        note,
        evidence,
        signer_name=signer.common_name or "Team manager",
        reason=_signing_reason(note),
        location=note.organisation,
        stamp_text=DEFAULT_STAMP_TEXT if note.organisation else _STAMP_WITHOUT_LOCATION,
    )


def render_record(
    ws: Workspace, record_id: int, *, signer: Signer | None = None, draft: bool = False
) -> tuple[Record, bytes]:
    """The record's PDF: a signed record signed with ``signer``; a draft only with ``draft`` (marked DRAFT).

    A signed record is exported only when its evidence checks (:func:`integrity.require_intact`) and the
    certificate may sign it (:func:`check_signer`); the PDF carries the record's canonical content and the
    audit chain's head, and the signature certifies it (no later change allowed)."""
    from cowork_desktop.services import integrity

    if ws.store.record_status(record_id) == RecordStatus.SIGNED and signer is not None:
        integrity.require_intact(ws.store, record_id)  # first: a record that does not check is not even read
    record = ws.store.get_record(record_id)
    signed = record.status == RecordStatus.SIGNED
    if not signed and not draft:
        state = "awaiting signatures" if record.status == RecordStatus.AWAITING_SIGNATURES else "a draft"
        raise CoworkError(
            f"record {record_id} is {state}: only a signed record is exported as signed; "
            "use --draft to print it marked DRAFT, unsigned"
        )
    if signed and signer is None:
        raise CoworkError(f"record {record_id} is signed: its PDF needs the manager's certificate to sign it")
    if not signed:
        return record, render_case_note(build_case_note(ws, record_id))
    assert signer is not None
    return record, sign_note(_signing_job(ws, record, signer, _Reads(ws)), signer)


def _export_detail(record: Record, out: Path, sha256: str, signer: Signer | None) -> dict[str, Any]:
    signed = record.status == RecordStatus.SIGNED
    return {
        "file": str(out),
        "signed": signed,
        "version": record.version,
        "sha256": sha256,
        "certificate": signer.common_name if signer and signed else None,
        "fingerprint": signer.fingerprint if signer and signed else None,
    }


def _audit_export(ws: Workspace, record: Record, out: Path, pdf: bytes, signer: Signer | None) -> None:
    assert record.id is not None
    signed = record.status == RecordStatus.SIGNED
    detail = _export_detail(record, out, hashlib.sha256(pdf).hexdigest(), signer)
    audit_signed_export(ws, signer if signed else None, "export", "record", record.id, **detail)


def export_record(
    ws: Workspace,
    record_id: int,
    out_path: str | os.PathLike[str],
    *,
    signer: Signer | None = None,
    draft: bool = False,
    replace: bool = False,
) -> Path:
    """Export one record to ``out_path`` (a file, or an existing folder to put the usual file name in).

    A signed record is always exported signed (``signer`` required); a draft or a record awaiting signatures
    only with ``draft=True``, unsigned and marked DRAFT. An existing file is replaced only with ``replace``;
    the database, a backup or a certificate never (see :func:`output_path`). Returns the file written.
    """
    out = output_path(ws, record_id, out_path, replace=replace)
    record, pdf = render_record(ws, record_id, signer=signer, draft=draft)
    write_output(out, pdf, replace=replace, store=ws.store)
    _audit_export(ws, record, out, pdf, signer)
    return out


def signed_records(ws: Workspace, case_reference: str) -> list[Record]:
    """Every signed record of the case, superseded versions included, in meeting order."""
    case = ws.store.find_case(case_reference)
    assert case.id is not None
    return [r for r in ws.store.records_for_case(case.id) if r.status == RecordStatus.SIGNED]


def _unique_names(ws: Workspace, records: Sequence[Record], reads: _Reads | None = None) -> list[str]:
    reads = reads or _Reads(ws)
    names = [record_filename(ws, r, reads) for r in records]
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return [
        f"{n.removesuffix('.pdf')}_record{r.id}.pdf" if counts[n] > 1 else n
        for n, r in zip(names, records, strict=True)
    ]


def export_case(
    ws: Workspace,
    case_reference: str,
    out_dir: str | os.PathLike[str],
    signer: Signer,
    *,
    replace: bool = False,
    progress: ExportProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Every signed record of the case as a signed PDF in ``out_dir`` (made if missing, mode 0700). All or
    nothing: every target is checked first (an existing file is refused unless ``replace``; the database, a
    backup or a certificate always), every PDF is made, and if one cannot be made or written the ones already
    made by this export are removed (a file it replaced keeps the new PDF: the old one cannot come back).
    Serial, in this process; :func:`export_cases` uses every core."""
    plan = _plan(ws, [(case_reference, Path(out_dir))], replace)
    return _export_planned(ws, plan, signer, replace=replace, jobs=1, progress=progress, cancelled=cancelled)


# ---------------------------------------------------------------------------------------- exporting many

#: ``progress(done, total)``: PDFs written so far, of how many
ExportProgress = Callable[[int, int], None]


class ExportCancelled(CoworkError):
    """The export was cancelled: nothing it made is left (see :func:`export_cases`)."""


class RecordNotExported(CoworkError):
    """A record of an export of many could not be exported: names the case and the record; nothing is left."""

    def __init__(self, reference: str, record_id: int | None, reason: str) -> None:
        self.reference = reference
        self.record_id = record_id
        super().__init__(f"case {reference}, record {record_id}: {reason}")


@dataclass(frozen=True)
class _Target:
    reference: str
    record: Record
    path: Path


def case_folder_name(case_reference: str) -> str:
    """The folder a case's PDFs go to when several cases are exported: its reference, made safe as a name."""
    return case_note_filename(case_reference, "x", date(2000, 1, 1)).split("_x_")[0]


def _plan(ws: Workspace, cases: Sequence[tuple[str, Path]], replace: bool) -> list[_Target]:
    """Every file an export of these cases (reference, folder) writes, checked before any work is done."""
    reads = _Reads(ws)
    plan: list[_Target] = []
    for reference, folder in cases:
        records = signed_records(ws, reference)
        if not records:
            raise CoworkError(f"case {reference} has no signed records to export")
        check_output_folder(folder, ws, reference, replace=replace)
        for record, name in zip(records, _unique_names(ws, records, reads), strict=True):
            plan.append(_Target(reference, record, folder / name))
    paths = [t.path for t in plan]
    if len(set(paths)) != len(paths):
        twice = next(p for p in paths if paths.count(p) > 1)
        raise CoworkError(
            f"two records would be written to {twice}: export those cases into separate folders"
        )
    return plan


#: fewer PDFs than this are made here: starting worker processes (~2 s each, fonts and key loaded) would cost
#: more than it saves
POOL_MIN_PDFS = 64


def automatic_jobs(pdfs: int) -> int:
    """How many processes :func:`export_cases` uses by default for ``pdfs`` files: one per core, when there are
    enough of them to be worth starting; else 1 (made in this process)."""
    return default_jobs() if pdfs >= POOL_MIN_PDFS else 1


def _case_folders(references: Sequence[str], out_dir: str | os.PathLike[str]) -> list[tuple[str, Path]]:
    wanted = list(dict.fromkeys(references))
    if not wanted:
        raise CoworkError("no case to export")
    folder = Path(out_dir)
    return [(r, folder if len(wanted) == 1 else folder / case_folder_name(r)) for r in wanted]


def planned_files(
    ws: Workspace, references: Sequence[str], out_dir: str | os.PathLike[str], *, replace: bool = False
) -> list[Path]:
    """The files :func:`export_cases` would write, every one checked (see :func:`check_output_folder`): to
    refuse before a passphrase is asked for."""
    return [t.path for t in _plan(ws, _case_folders(references, out_dir), replace)]


def export_cases(
    ws: Workspace,
    references: Sequence[str],
    out_dir: str | os.PathLike[str],
    signer: Signer,
    *,
    replace: bool = False,
    jobs: int | None = None,
    progress: ExportProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Every signed record of these cases as signed PDFs, using every core: one case's into ``out_dir`` itself,
    several cases' each into ``out_dir/REFERENCE``. Returns the files written, case by case in meeting order.

    The same files and checks as :func:`export_case` one case after another, made by ``jobs`` worker processes
    (default: :func:`automatic_jobs`; 1 makes them here). This process checks every target first, then the protections
    and the audit chain once, then each record (its content against its hash, its signing entry, the
    certificate) as it hands the record's note to a worker, which renders and signs it
    (:mod:`cowork_desktop.export.pool`; workers never open the database, so an encrypted one needs nothing more).
    Files are written as they come (each atomically); the audit entries, each with its signed chain head, are
    written at the end in one transaction. All or nothing: when a record fails (:class:`RecordNotExported`,
    naming the case and the record) or ``cancelled()`` turns true (:class:`ExportCancelled`), every file this
    export made is removed, with the folders it made, and nothing is audited. ``progress(done, total)`` is
    called as each file is written (and with 0 first)."""
    plan = _plan(ws, _case_folders(references, out_dir), replace)
    if jobs is None:
        jobs = automatic_jobs(len(plan))
    return _export_planned(
        ws,
        plan,
        signer,
        replace=replace,
        jobs=jobs,
        progress=progress,
        cancelled=cancelled,
        name_failures=True,
    )


def _export_planned(
    ws: Workspace,
    plan: Sequence[_Target],
    signer: Signer,
    *,
    replace: bool,
    jobs: int | None,
    progress: ExportProgress | None,
    cancelled: Callable[[], bool] | None,
    name_failures: bool = False,
) -> list[Path]:
    from cowork_desktop.services import integrity

    store = ws.store
    check = integrity.require_intact_many(
        store
    )  # the protections and the chain, once, before anything is made
    reads = _Reads(ws)
    total = len(plan)
    workers = min(jobs or 1, total)
    made_folders: list[Path] = []
    new: list[Path] = []
    hashes: dict[int, str] = {}

    def job(n: int) -> SignJob:
        target = plan[n]
        assert target.record.id is not None
        if cancelled is not None and cancelled():
            raise ExportCancelled("export cancelled: nothing was kept")
        try:
            check(target.record.id)
            return _signing_job(ws, target.record, signer, reads, n)
        except CoworkError as exc:
            raise _named(exc, target, name_failures) from exc

    def write(n: int, pdf: bytes) -> None:
        target = plan[n]
        existed = os.path.lexists(target.path)
        try:
            write_output(target.path, pdf, replace=replace, store=store)
        except CoworkError as exc:
            raise _named(exc, target, name_failures) from exc
        if not existed:
            new.append(target.path)
        hashes[n] = hashlib.sha256(pdf).hexdigest()
        if progress is not None:
            progress(len(hashes), total)

    try:
        for target_folder in dict.fromkeys(t.path.parent for t in plan):
            made_folders.extend(make_private_folders(target_folder))
        if progress is not None:
            progress(0, total)
        if workers <= 1:
            for n in range(total):
                write(n, sign_note(job(n), signer))
        else:
            _run_pool(signer, workers, total, job, write, plan, name_failures)
        if cancelled is not None and cancelled():
            raise ExportCancelled("export cancelled: nothing was kept")
        audit_exports(
            ws,
            signer,
            [
                ("export", "record", t.record.id or 0, _export_detail(t.record, t.path, hashes[n], signer))
                for n, t in enumerate(plan)
            ],
        )
    except BaseException:
        for path in new:
            path.unlink(missing_ok=True)
        for made in reversed(made_folders):
            with contextlib.suppress(OSError):
                made.rmdir()
        raise
    return [t.path for t in plan]


def _named(exc: CoworkError, target: _Target, name_failures: bool) -> CoworkError:
    if not name_failures or isinstance(exc, ExportCancelled | RecordNotExported):
        return exc
    return RecordNotExported(target.reference, target.record.id, str(exc))


def _run_pool(
    signer: Signer,
    workers: int,
    total: int,
    job: Callable[[int], SignJob],
    write: Callable[[int, bytes], None],
    plan: Sequence[_Target],
    name_failures: bool,
) -> None:
    """Keep ``workers`` processes busy: a few notes ahead of them (memory stays flat), each PDF written as it
    comes back. On any failure the work not started is dropped and the pool shut down."""
    from concurrent.futures import FIRST_COMPLETED, Future, wait
    from concurrent.futures.process import BrokenProcessPool

    from cowork_desktop.export.pool import run_job, signing_pool

    ahead = workers * 3
    pool = signing_pool(signer, workers)
    try:
        pending: dict[Future[tuple[int, bytes]], int] = {}
        following = 0
        while following < total or pending:
            while following < total and len(pending) < ahead:
                pending[pool.submit(run_job, job(following))] = following
                following += 1
            done, _running = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=pending.__getitem__):
                n = pending.pop(future)
                try:
                    key, pdf = future.result()
                except CoworkError as exc:
                    raise _named(exc, plan[n], name_failures) from exc
                except BrokenProcessPool as exc:
                    raise _named(
                        CoworkError(f"a worker process stopped ({exc})"), plan[n], name_failures
                    ) from exc
                write(key, pdf)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ------------------------------------------------------------------------------------------- verification


class Verdict(StrEnum):
    """What ``cowork verify`` concludes, with its exit status (:data:`VERDICT_EXIT`)."""

    VALID = "valid"
    NOT_VALID = "not valid"
    SIGNER_NOT_KNOWN = "signer not known here"
    #: valid, but a later signed version of the record replaces it (known with --db)
    SUPERSEDED = "superseded"


#: exit statuses of ``cowork verify`` (2 is a usage error, as for every command)
VERDICT_EXIT = {Verdict.VALID: 0, Verdict.NOT_VALID: 1, Verdict.SIGNER_NOT_KNOWN: 3, Verdict.SUPERSEDED: 4}


@dataclass(frozen=True)
class VerifyReport:
    """A signed PDF checked: what its signature proves, and (given a database) whether it is that database's
    record, exported from it. ``verdict`` is valid only when every check that applies passes and the signer is
    known to the database, in the trust list, or issued by a CA in it."""

    path: Path
    sha256: str
    result: VerifyResult
    verdict: Verdict
    document: str  # "case note", "development log", or "unknown"
    record_id: int | None
    record_version: int | None
    case_reference: str | None
    #: how the signer is trusted: "database", "exported", "trust list", "organisation CA", or None
    trust_basis: str | None
    trust_note: str
    #: what stops the file being valid, one line each
    findings: tuple[str, ...]
    #: worth knowing, but not a failure (an earlier version's file, a certificate expired since signing)
    notes: tuple[str, ...] = ()
    #: True: the file is the record in the database; False: it is not; None: not checked
    matches_database: bool | None = None
    #: True: the audit log records exporting this very file; False: it does not; None: not checked
    exported_from_database: bool | None = None
    database_note: str = "not checked (no database given)"
    superseded_by: tuple[int, int] | None = None  # (record id, version) of a signed amendment

    @property
    def problems(self) -> tuple[str, ...]:
        return self.findings

    @property
    def exit_status(self) -> int:
        return VERDICT_EXIT[self.verdict]

    def ok(self, require_database: bool = False) -> bool:
        """The file is proven genuine (valid, or valid but superseded by a later version)."""
        proven = self.verdict in (Verdict.VALID, Verdict.SUPERSEDED)
        return proven and (self.matches_database is True or not require_database)

    def as_dict(self) -> dict[str, Any]:
        """The stable shape of ``cowork verify --json`` (see the README)."""
        result = self.result
        facts = result.certificate
        return {
            "result": self.verdict.value,
            "file": str(self.path),
            "sha256": self.sha256,
            "document": self.document,
            "signer": {
                "name": result.signer_name,
                "fingerprint": facts.fingerprint if facts else None,
                "subject": facts.subject if facts else None,
                "issuer": facts.issuer if facts else None,
                "valid_from": facts.not_before.isoformat() if facts else None,
                "valid_to": facts.not_after.isoformat() if facts else None,
                "trusted_by": self.trust_basis,
                "trust": self.trust_note,
            },
            "signing_time": result.signing_time.isoformat() if result.signing_time else None,
            "signature": {
                "intact": result.intact and result.valid,
                "covers_whole_file": result.covers_whole_file,
                "certified": result.certified,
                "modification": result.modification,
            },
            "record": {
                "id": self.record_id,
                "version": self.record_version,
                "case_reference": self.case_reference,
                "content_hash": result.content_hash,
                "matches_database": self.matches_database,
                "exported_from_database": self.exported_from_database,
                "database": self.database_note,
                "superseded_by": (
                    {"id": self.superseded_by[0], "version": self.superseded_by[1]}
                    if self.superseded_by
                    else None
                ),
            },
            "findings": list(self.findings),
            "notes": list(self.notes),
        }


def dt_now() -> datetime:
    return datetime.now(UTC)


def _read_for_verify(path: Path) -> bytes:
    size = path.stat().st_size if path.is_file() else 0
    return read_limited(
        path,
        MAX_VERIFY_BYTES,
        "a PDF",
        f"the file is {size / 1e6:.0f} MB, larger than any case note "
        f"(limit {MAX_VERIFY_BYTES // (1024 * 1024)} MB): not checked",
    )


def _manager_of(content: Mapping[str, Any] | None) -> str | None:
    if not isinstance(content, Mapping):
        return None
    for sig in content.get("signatures", []) or []:
        if (
            isinstance(sig, Mapping)
            and sig.get("role") == Role.TEAM_MANAGER.label
            and not sig.get("worker_id")
        ):
            return str(sig.get("name", ""))
    return None


def _visible_text_problem(ws: Workspace, record_id: int, rendering: Rendering, pdf: bytes) -> str | None:
    """The first place the file's pages read differently from the record printed again from the database."""
    fresh = render_case_note(build_case_note(ws, record_id, rendering=rendering))
    return text_difference(page_texts(pdf), page_texts(fresh))


@dataclass
class _Checks:
    findings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: what cannot be proven here (not a fault of the file): the verdict is at best "signer not known here"
    unproven: list[str] = field(default_factory=list)


def _certificate_checks(result: VerifyResult, manager: str | None, checks: _Checks) -> None:
    facts = result.certificate
    if facts is None:
        checks.findings.append("The signature carries no certificate.")
        return
    at = result.signing_time or dt_now()
    for problem in validity_problems(facts, at):
        checks.findings.append(f"At signing time, {problem}.")
    for problem in strength_problems(facts):
        checks.findings.append(f"The certificate is not fit for signing records: {problem}.")
    if not validity_problems(facts, at) and validity_problems(facts, dt_now()):
        checks.notes.append(
            f"The certificate has expired since (on {facts.not_after:%d %b %Y}); it was valid when the file was "
            "signed."
        )
    if manager is None:  # an earlier version's file, without its database: cannot be proven here
        checks.unproven.append(
            "The file does not say whose record it is (an earlier version's file): give its database (--db) to "
            "check the signer is the record's manager."
        )
    elif (mismatch := certificate_name_problem(facts, manager)) is not None:
        checks.findings.append(f"The signer is not the record's manager: {mismatch}.")


def _signature_notes(result: VerifyResult, evidence: Mapping[str, Any] | None, checks: _Checks) -> None:
    if not result.certified:
        checks.notes.append(
            "An approval signature, not a certification: exported by an earlier version, readers would allow "
            "form filling after it (this check found none)."
        )
    elif result.docmdp_permission != 1:
        checks.findings.append(
            f"The signature certifies the file but allows later changes (DocMDP permission "
            f"{result.docmdp_permission}); cowork-desktop certifies with no changes allowed."
        )
    if evidence is None:
        if result.evidence is not None:
            checks.findings.append("The file's embedded record cannot be read.")
        else:
            checks.notes.append("The file carries no embedded record (exported by an earlier version).")
        return
    content = evidence.get("content")
    if evidence.get("format") != EVIDENCE_FORMAT or not isinstance(content, Mapping):
        checks.findings.append("The file's embedded record is not one cowork-desktop made.")
        return
    digest = hash_content(content)
    if digest != evidence.get("content_hash") or (
        result.content_hash is not None and digest != result.content_hash
    ):
        checks.findings.append(
            "The file's embedded record does not give the content hash the file was signed with."
        )


def verify_file(ws: Workspace | None, pdf_path: str | os.PathLike[str]) -> VerifyReport:
    """Check a signed PDF (a case note or a development log) and, with a workspace, that it is that database's
    record, exported from it. CoworkError (one line) when the file cannot be read or carries no signature."""
    from cowork_desktop.services import trust

    path = Path(pdf_path)
    data = _read_for_verify(path)
    sha = hashlib.sha256(data).hexdigest()
    trusted = trust.trusted()
    known = {c.fingerprint: c for c in ws.store.list_certificates()} if ws is not None else {}
    # a note of a record pulled from the service is signed by a certificate that came with it
    came = {c.fingerprint: c for c in ws.store.pulled_certificates()} if ws is not None else {}
    roots = [t.der for t in trusted] + [c.der for c in known.values()] + [c.der for c in came.values()]
    result = verify_pdf(data, roots)
    evidence = evidence_json(result.evidence)
    content = evidence.get("content") if evidence else None
    document = str(evidence.get("document", CASE_NOTE)) if evidence else CASE_NOTE
    checks = _Checks(list(result.problems))
    _signature_notes(result, evidence, checks)

    record_id = content.get("record_id") if isinstance(content, Mapping) else None
    record_version = content.get("version") if isinstance(content, Mapping) else None
    if record_id is None:
        record_id, record_version = result.record_id, result.record_version
    case_reference = content.get("case_reference") if isinstance(content, Mapping) else None
    manager = _manager_of(content) if document == CASE_NOTE else (evidence or {}).get("manager")

    db = _DatabaseFindings()
    pulled = _pulled_record(ws, content) if ws is not None and document == CASE_NOTE else None
    if ws is not None:
        if pulled is not None:
            db = _check_against_pulled(ws, pulled, evidence, sha)
        elif document == DEVELOPMENT_LOG and evidence is not None:
            db = _check_devlog_against(ws, evidence, data, sha)
        else:
            db = _check_against(
                ws,
                record_id if isinstance(record_id, int) else None,
                evidence,
                data,
                sha,
                result.content_hash,
            )
        if manager is None:
            manager = db.manager
        checks.findings.extend(db.findings)
    _certificate_checks(result, manager, checks)

    facts = result.certificate
    basis, trust_note = None, "not known here"
    if facts is not None:
        in_list = {t.facts.fingerprint: t for t in trusted}
        if facts.fingerprint in known:
            cert = known[facts.fingerprint]
            how = {"created": "created", "imported": "imported", "signed": "first used to sign"}.get(
                cert.source, cert.source
            )
            basis, trust_note = "database", f"known to this database ({how} on {cert.added_at[:10]})"
        elif pulled is not None and facts.fingerprint in came:
            basis = "pulled"
            trust_note = (
                f"came from the service with case {pulled.case_reference}, pulled into this database (the team "
                f"{pulled.team} published it)"
            )
        elif facts.fingerprint in in_list:
            basis, trust_note = "trust list", f"in your trust list ({in_list[facts.fingerprint].path.name})"
        elif result.trusted:
            basis, trust_note = "organisation CA", f"issued by {facts.issuer}, a CA in your trust list"
        elif db.exported:
            basis, trust_note = "exported", "this very file is recorded as exported from this database"
        elif facts.self_signed:
            trust_note = "self-signed, and not known here: not in this database nor in your trust list"
        else:
            trust_note = f"issued by {facts.issuer}, which is not in your trust list"

    if ws is not None and facts is not None and basis not in ("database", "exported", "pulled"):
        checks.findings.append(
            f"The signer's certificate (SHA-256 {format_fingerprint(facts.fingerprint)[:23]}...) is not one "
            f"{ws.store.path} knows, and the file is not recorded as exported from it."
        )
    if not result.ok or checks.findings:
        verdict = Verdict.NOT_VALID
    elif basis is None or checks.unproven:
        verdict = Verdict.SIGNER_NOT_KNOWN
    elif db.superseded_by is not None:
        verdict = Verdict.SUPERSEDED
    else:
        verdict = Verdict.VALID
    return VerifyReport(
        path=path,
        sha256=sha,
        result=result,
        verdict=verdict,
        document=document if evidence else (CASE_NOTE if record_id is not None else "unknown"),
        record_id=record_id if isinstance(record_id, int) else None,
        record_version=record_version if isinstance(record_version, int) else None,
        case_reference=str(case_reference) if case_reference else db.case_reference,
        trust_basis=basis,
        trust_note=trust_note,
        findings=tuple(dict.fromkeys(checks.findings)),
        notes=tuple(dict.fromkeys([*checks.unproven, *checks.notes, *db.notes])),
        matches_database=db.matches,
        exported_from_database=db.exported,
        database_note=db.note,
        superseded_by=db.superseded_by,
    )


@dataclass
class _DatabaseFindings:
    matches: bool | None = None
    exported: bool | None = None
    note: str = "not checked (no database given)"
    findings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    manager: str | None = None
    case_reference: str | None = None
    superseded_by: tuple[int, int] | None = None


def _witness_problem(ws: Workspace, evidence: Mapping[str, Any] | None) -> str | None:
    witness = evidence.get("witness") if evidence else None
    if not isinstance(witness, Mapping):
        return None
    audit_id, head = witness.get("audit_id"), witness.get("hash")
    if not isinstance(audit_id, int) or audit_id == 0:
        return None
    entry = ws.store.audit_entry(audit_id)
    if entry is None or entry.hash != head:
        return (
            f"This database's audit log is not the one this file saw when it was exported: entry {audit_id} "
            f"{'is gone' if entry is None else 'has another hash'} (the log was rewritten, or this is another "
            "database)."
        )
    return None


def _exported(ws: Workspace, action: str, entity: str, entity_id: int | None, sha: str) -> bool:
    for entry in ws.store.entries_of(action, entity, entity_id):
        try:
            if json.loads(entry.detail).get("sha256") == sha:
                return True
        except (ValueError, AttributeError):
            continue
    return False


def _pulled_record(ws: Workspace, content: object) -> PulledRecord | None:
    """The pulled record (history from the service) whose content the file carries, if any."""
    if not isinstance(content, Mapping):
        return None
    return ws.store.pulled_record(hash_content(content))


def _check_against_pulled(
    ws: Workspace, record: PulledRecord, evidence: Mapping[str, Any] | None, sha: str
) -> _DatabaseFindings:
    """A case note of a record another manager signed and this database pulled from the service: the file's
    record is that record (its content, so its hash), which still proves itself here, and is not superseded
    by a later pulled version. Its pages are not printed again (this database does not hold the signing
    laptop's rows to print them from); the signature covers them."""
    from cowork_desktop.domain.pulled import manager_names, record_problems

    where = ws.store.path
    out = _DatabaseFindings(note="", case_reference=record.case_reference)
    history = ws.store.pulled_history(reference=record.case_reference)
    digests = {key: actual for key, (actual, _stored) in ws.store.form_digests().items()}
    mine = [s for s in history.signatures if s.record_hash == record.content_hash]
    problems = record_problems(
        record,
        mine,
        [a for a in history.actions if a.record_hash == record.content_hash],
        [e for e in history.audit if e.record_hash == record.content_hash],
        digests.get((record.form_id, record.form_version)),
    )
    out.findings.extend(f"In {where}: {p}." for p in problems)
    out.manager = next(iter(sorted(manager_names(mine, Role.TEAM_MANAGER.label))), None)
    out.exported = any(
        e.action == "export" and _detail_sha(e.detail) == sha
        for e in history.audit
        if e.record_hash == record.content_hash
    )
    out.notes.append(
        f"A record pulled from the service (signed on another manager's laptop, published by the team "
        f"{record.team}): its pages were not printed again here; its content and hash are the pulled record's."
    )
    newer = [
        r for r in history.records if r.source == record.source and r.supersedes_origin_id == record.origin_id
    ]
    if newer:
        out.superseded_by = (newer[-1].origin_id, newer[-1].version)
    out.matches = not out.findings
    out.note = (
        f"matches record {record.origin_id}, version {record.version}, of case {record.case_reference}, pulled "
        f"into {where}"
        if out.matches
        else f"does not match the record pulled into {where}"
    )
    return out


def _detail_sha(detail: str) -> object:
    try:
        value = json.loads(detail)
    except ValueError:
        return None
    return value.get("sha256") if isinstance(value, dict) else None


def _check_against(
    ws: Workspace,
    record_id: int | None,
    evidence: Mapping[str, Any] | None,
    pdf: bytes,
    sha: str,
    signed_hash: str | None,
) -> _DatabaseFindings:
    from cowork_desktop.services.integrity import check_record

    out = _DatabaseFindings(note="")
    where = ws.store.path
    if record_id is None:
        out.note = "not checked: the file names no record"
        out.findings.append("The file names no record to compare with the database.")
        return out
    try:
        record = ws.store.get_record(record_id)
    except NotFoundError:
        out.matches, out.note = False, f"no record {record_id} in {where}"
        out.findings.append(f"There is no record {record_id} in {where}.")
        return out
    case = ws.store.get_case(record.case_id)
    out.case_reference = case.reference
    manager = manager_signature(ws.store.signatures_for(record_id), Role.TEAM_MANAGER.label)
    out.manager = manager.signer_name if manager else None
    if record.status != RecordStatus.SIGNED:
        out.matches, out.note = False, "does not match"
        out.findings.append(f"Record {record_id} in {where} is not signed: nothing to compare the file with.")
        return out
    stored = [str(f) for f in check_record(ws.store, record_id)]
    out.findings.extend(f"In {where}: {f}." for f in stored)
    content = evidence.get("content") if evidence else None
    if isinstance(content, Mapping):
        expected = record_content(ws, record_id)
        differences = content_differences(expected, content)
        if differences:
            shown = ", ".join(differences[:4]) + (
                f" and {len(differences) - 4} more" if len(differences) > 4 else ""
            )
            out.findings.append(
                f"The file's record differs from record {record_id} in {where} ({shown}): it is not the record "
                "kept in this database."
            )
        else:
            rendering = evidence.get("rendering") if evidence else None
            problem = _visible_text_problem(
                ws, record_id, Rendering.from_dict(rendering if isinstance(rendering, Mapping) else {}), pdf
            )
            if problem:
                out.findings.append(f"The file's pages do not read as record {record_id} does: {problem}.")
    elif signed_hash != record.content_hash:  # an earlier version's file: only its content hash to compare
        out.findings.append(
            f"The content hash does not match record {record_id} in {where}: the file is not the record "
            "kept in this database."
        )
    witness = _witness_problem(ws, evidence)
    if witness:
        out.findings.append(witness)
    out.exported = _exported(ws, "export", "record", record_id, sha)
    if not out.exported:
        out.findings.append(
            f"This file is not one exported from {where}: its SHA-256 is not in the audit log."
        )
    out.matches = not out.findings
    newer = signed_amendment(record_id, ws.store.records_for_case(record.case_id))
    if newer is not None and newer.id is not None:
        out.superseded_by = (newer.id, newer.version)
    if out.matches:
        out.note = f"matches record {record_id}, version {record.version}, in {where}"
        if out.superseded_by:
            out.note += f" (superseded by version {out.superseded_by[1]}, record {out.superseded_by[0]})"
    else:
        out.note = f"does not match record {record_id} in {where}"
    return out


def _check_devlog_against(
    ws: Workspace, evidence: Mapping[str, Any], pdf: bytes, sha: str
) -> _DatabaseFindings:
    """A signed development log against the database: every record it draws on still checks and has the hash
    the log holds, the entries are those the database gives for those records, its pages read the same, and
    the audit log records exporting this very file."""
    from cowork_desktop.services.insights import rendered_devlog_again
    from cowork_desktop.services.integrity import check_record
    from cowork_desktop.services.sessions import SETTING_MANAGER_NAME

    out = _DatabaseFindings(note="")
    where = ws.store.path
    content = evidence.get("content")
    if not isinstance(content, Mapping):
        out.findings.append("The file's embedded log cannot be read.")
        return out
    out.manager = (ws.store.get_setting(SETTING_MANAGER_NAME) or "").strip() or None
    worker_id = content.get("worker_id")
    for key, digest in sorted((content.get("records") or {}).items()):
        try:
            record = ws.store.get_record(int(key))
        except (NotFoundError, ValueError):
            out.findings.append(f"Record {key}, which the log draws on, is not in {where}.")
            continue
        if record.content_hash != digest:
            out.findings.append(f"Record {key} in {where} is not the one the log was made from.")
        out.findings.extend(f"In {where}: {f}." for f in check_record(ws.store, int(key)))
    try:
        again, fresh = rendered_devlog_again(ws, dict(evidence))
    except (CoworkError, ValueError, TypeError) as exc:
        out.findings.append(f"The log cannot be made again from {where}: {exc}")
    else:
        differences = content_differences(again, content)
        if differences:
            out.findings.append(
                f"The file's log differs from what {where} gives ({', '.join(differences[:4])})."
            )
        elif (problem := text_difference(page_texts(pdf), page_texts(fresh))) is not None:
            out.findings.append(f"The file's pages do not read as the log does: {problem}.")
    witness = _witness_problem(ws, evidence)
    if witness:
        out.findings.append(witness)
    out.exported = _exported(
        ws, "export_devlog", "worker", worker_id if isinstance(worker_id, int) else None, sha
    )
    if not out.exported:
        out.findings.append(
            f"This file is not one exported from {where}: its SHA-256 is not in the audit log."
        )
    out.matches = not out.findings
    name = content.get("worker_name", "")
    out.note = (
        f"matches the development log of {name} in {where}" if out.matches else f"does not match {where}"
    )
    return out
