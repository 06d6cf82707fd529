"""Export records as case-note PDFs (signed with the manager's certificate, or marked DRAFT) and verify them.

A record is printed from the form version it was captured with (the stored snapshot, never today's file): only
the questions that were shown for its answers, each answer resolved for a reader (worker ids become names,
dates "23 Nov 2026", rules "Every 2 weeks"). The case is named by its reference only, never a child.

Files are written atomically (a temporary file in the same folder, then renamed), so a failed export never
leaves a half-written PDF behind; each export is recorded in the audit log. No Qt.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

from cowork_desktop import paths
from cowork_desktop.domain.dates import describe_rrule
from cowork_desktop.domain.errors import CoworkError, NotFoundError
from cowork_desktop.domain.forms import FormDefinition, Question, QuestionKind, is_empty
from cowork_desktop.domain.models import (
    Action,
    CoAllocation,
    Record,
    RecordStatus,
    Role,
    Signature,
    Worker,
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
    ResponsibilitiesTable,
    ResponsibilityRow,
    SectionItem,
    SignatureBlock,
)
from cowork_desktop.export.pdf import (
    INFO_RECORD_ID,
    INFO_RECORD_VERSION,
    case_note_filename,
    format_short_date,
    render_case_note,
)
from cowork_desktop.export.signing import (
    DEFAULT_STAMP_TEXT,
    Signer,
    VerifyResult,
    create_certificate,
    sign_pdf,
    verify_pdf,
)
from cowork_desktop.services.files import os_reason as _reason
from cowork_desktop.services.files import write_atomic
from cowork_desktop.services.sessions import Workspace, context_for, form_for
from cowork_desktop.services.settings import logo_problem
from cowork_desktop.store.db import Store

NOT_ANSWERED = "Not answered"
NOT_SET = "Not set"
#: the manager's own signing certificate, in the user's data folder
CERTIFICATE_FILENAME = "manager-signing.p12"
#: settings read for every case note
SETTING_ORGANISATION = "organisation"
SETTING_MARKING = "protective_marking"
SETTING_LOGO = "logo_path"
SETTING_MANAGER = "manager_name"


# ------------------------------------------------------------------------------------------- certificates


def default_certificate_path() -> Path:
    """Where the manager's certificate lives: ``manager-signing.p12`` in the data folder."""
    return paths.data_dir() / CERTIFICATE_FILENAME


def ensure_certificate(name: str, org: str, passphrase: bytes, path: Path | None = None) -> Path:
    """The manager's certificate, created (self-signed, passphrase-protected, mode 0600) on first use."""
    target = path or default_certificate_path()
    if target.exists():
        return target
    return create_certificate(name, org, target, passphrase)


# ------------------------------------------------------------------------------------------- display values


def _worker_name(worker_id: Any, workers: Mapping[int, Worker]) -> str:
    if worker_id is None or worker_id == "":
        return NOT_SET
    worker = workers.get(worker_id) if isinstance(worker_id, int) else None
    return worker.name if worker is not None else f"Unknown worker ({worker_id})"


def _parse_day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _workers_of(ws: Workspace) -> dict[int, Worker]:
    return {w.id: w for w in ws.store.list_workers() if w.id is not None}


def _case_actions(ws: Workspace, ca: CoAllocation) -> dict[int, Action]:
    """Every action agreed in a record of the co-allocation's case, by id (what an action review refers to)."""
    found: dict[int, Action] = {}
    for record in ws.store.records_for_case(ca.case_id):
        if record.id is None:
            continue
        for action in ws.store.actions_for_record(record.id):
            if action.id is not None:
                found[action.id] = action
    return found


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
        day = _parse_day(value)
        return format_short_date(day) if day is not None else str(value)
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
            ActionRow(description, _worker_name(item.get("owner"), names), _parse_day(item.get("due")))
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
    """The conditions as they were when the record was made. Whether there were earlier actions to review is
    read from the record itself once it is signed (today's open actions are not those of that meeting)."""
    context = context_for(ws, ca)
    review = next((q for q in form.questions if q.kind == QuestionKind.ACTION_REVIEW), None)
    if review is not None and record.status != RecordStatus.DRAFT:
        context["has_previous_actions"] = not is_empty(record.answers.get(review.id))
    return context


def _sections(
    ws: Workspace, form: FormDefinition, record: Record, ca: CoAllocation, workers: Mapping[int, Worker]
) -> tuple[NoteSection, ...]:
    context = _context(ws, form, record, ca)
    actions = _case_actions(ws, ca)
    sections = []
    for section in form.sections:
        if not section.is_shown(record.answers, context):
            continue
        items = tuple(
            _item(q, record.answers.get(q.id), ws, ca, workers, actions)
            for q in section.questions
            if q.is_shown(record.answers, context)
        )
        if items:
            sections.append(NoteSection(section.title, items))
    return tuple(sections)


def _manager_signature(signatures: Sequence[Signature]) -> Signature | None:
    return next(
        (s for s in signatures if s.worker_id is None and s.signer_role == Role.TEAM_MANAGER.label), None
    )


def _present(
    ws: Workspace,
    form: FormDefinition,
    record: Record,
    ca: CoAllocation,
    workers: Mapping[int, Worker],
    signatures: Sequence[Signature],
) -> tuple[Attendee, ...]:
    """The co-workers who took part (the participants question, else both co-workers) and the manager."""
    question = form.find_role("participants")
    chosen = record.answers.get(question.id) if question else None
    ids = [w for w in chosen if isinstance(w, int)] if isinstance(chosen, list) and chosen else ca.worker_ids
    present = [
        Attendee(workers[w].name, workers[w].role.label) if w in workers else Attendee(f"Worker {w}", "")
        for w in ids
    ]
    manager = _manager_signature(signatures)
    manager_name = manager.signer_name if manager else (ws.store.get_setting(SETTING_MANAGER) or "").strip()
    if manager_name and all(a.name != manager_name for a in present):
        present.append(Attendee(manager_name, Role.TEAM_MANAGER.label))
    return tuple(present)


def logo_bytes(store: Store) -> bytes | None:
    """The picture of the ``logo_path`` setting, when it is (still) a PNG or JPEG under 1 MB; None otherwise.

    A logo moved or replaced since it was chosen is left off rather than stopping an export.
    """
    text = (store.get_setting(SETTING_LOGO) or "").strip()
    if not text or logo_problem(text):
        return None
    try:
        return Path(text).expanduser().read_bytes()
    except OSError:
        return None


def build_case_note(
    ws: Workspace, record_id: int, *, organisation: str | None = None, marking: str | None = None
) -> CaseNote:
    """The record as a :class:`CaseNote` ready to render: display values, from the stored form snapshot.

    ``organisation`` and ``marking`` default to the settings ``organisation`` and ``protective_marking``
    (the marking defaults to OFFICIAL-SENSITIVE); the logo is the setting ``logo_path``'s picture, if valid.
    """
    store = ws.store
    record = store.get_record(record_id)
    case = store.get_case(record.case_id)
    ca = store.get_coallocation(record.coallocation_id)
    form = form_for(ws, record)
    workers = _workers_of(ws)
    signatures = store.signatures_for(record_id)
    amendment = None
    if record.supersedes_id is not None:
        try:
            earlier = store.get_record(record.supersedes_id).version
        except NotFoundError:
            earlier = max(record.version - 1, 1)
        amendment = Amendment(earlier, record.amendment_reason)
    org = organisation if organisation is not None else store.get_setting(SETTING_ORGANISATION) or ""
    mark = marking if marking is not None else store.get_setting(SETTING_MARKING) or ""
    return CaseNote(
        organisation=org.strip(),
        case_reference=case.reference,
        record_kind=record.kind.label,
        meeting_date=record.meeting_date,
        record_id=record_id,
        version=record.version,
        title=record.title if record.title != record.kind.label else "",
        status="signed" if record.status == RecordStatus.SIGNED else "draft",
        demo=store.get_setting("demo") == "1",
        protective_marking=mark.strip() or DEFAULT_PROTECTIVE_MARKING,
        present=_present(ws, form, record, ca, workers, signatures),
        sections=_sections(ws, form, record, ca, workers),
        signatures=tuple(
            SignatureBlock(s.signer_name, s.signer_role, s.method, s.signed_at, s.statement, s.image_png)
            for s in signatures
        ),
        content_hash=record.content_hash if record.status == RecordStatus.SIGNED else "",
        amendment=amendment,
        logo_png=logo_bytes(store),
    )


# ------------------------------------------------------------------------------------------------- files


def record_filename(ws: Workspace, record: Record) -> str:
    """``CR-2026-0103_initial_meeting_2026-11-13.pdf``; a version after the first adds ``_v2``."""
    case = ws.store.get_case(record.case_id)
    name = case_note_filename(case.reference, record.kind.value, record.meeting_date)
    if record.version > 1:
        name = f"{name.removesuffix('.pdf')}_v{record.version}.pdf"
    return name


def output_path(ws: Workspace, record_id: int, out_path: str | os.PathLike[str]) -> Path:
    """The file an export of the record writes: ``out_path``, or the usual file name inside it when it is a
    folder. CoworkError when its folder is missing or is not a folder (checked before any work is done)."""
    out = Path(out_path)
    if out.is_dir():
        out = out / record_filename(ws, ws.store.get_record(record_id))
    if not out.parent.is_dir():
        reason = "not a folder" if out.parent.exists() else "no such folder"
        raise CoworkError(f"cannot write to {out.parent}: {reason}")
    return out


def check_output_folder(out_dir: str | os.PathLike[str]) -> Path:
    """The folder an export of a whole case writes to: an existing folder, or one that can be made."""
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise CoworkError(f"cannot write to {folder}: not a folder")
    parent = next((p for p in folder.parents if p.exists()), None)
    if not folder.exists() and parent is not None and not parent.is_dir():
        raise CoworkError(f"cannot write to {folder}: {parent} is not a folder")
    return folder


def _signing_reason(note: CaseNote) -> str:
    # short: a longer line makes pyHanko shrink the whole stamp's text
    return f"Signed record of the meeting on {format_short_date(note.meeting_date)}"


#: the stamp without a "Location" line when no organisation is set
_STAMP_WITHOUT_LOCATION = "Digitally signed by %(signer_name)s\nDate: %(ts)s\nReason: %(reason)s"


def render_record(
    ws: Workspace, record_id: int, *, signer: Signer | None = None, draft: bool = False
) -> tuple[Record, bytes]:
    """The record's PDF: a signed record signed with ``signer``; a draft only with ``draft`` (marked DRAFT)."""
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
    note = build_case_note(ws, record_id)
    pdf = render_case_note(note)
    if signed:
        assert signer is not None
        pdf = sign_pdf(
            pdf,
            signer,
            signer_name=signer.common_name or "Team manager",
            reason=_signing_reason(note),
            location=note.organisation,
            stamp_text=DEFAULT_STAMP_TEXT if note.organisation else _STAMP_WITHOUT_LOCATION,
        )
    return record, pdf


def _audit_export(ws: Workspace, record: Record, out: Path, pdf: bytes, signer: Signer | None) -> None:
    store = ws.store
    with store.tx():
        store.audit(
            "export",
            "record",
            record.id,
            file=str(out),
            signed=record.status == RecordStatus.SIGNED,
            version=record.version,
            sha256=hashlib.sha256(pdf).hexdigest(),
            certificate=signer.common_name if signer and record.status == RecordStatus.SIGNED else None,
        )


def export_record(
    ws: Workspace,
    record_id: int,
    out_path: str | os.PathLike[str],
    *,
    signer: Signer | None = None,
    draft: bool = False,
) -> Path:
    """Export one record to ``out_path`` (a file, or an existing folder to put the usual file name in).

    A signed record is always exported signed (``signer`` required); a draft or a record awaiting signatures
    only with ``draft=True``, unsigned and marked DRAFT. Returns the file written.
    """
    out = output_path(ws, record_id, out_path)
    record, pdf = render_record(ws, record_id, signer=signer, draft=draft)
    write_atomic(out, pdf)
    _audit_export(ws, record, out, pdf, signer)
    return out


def signed_records(ws: Workspace, case_reference: str) -> list[Record]:
    """Every signed record of the case, superseded versions included, in meeting order."""
    case = ws.store.find_case(case_reference)
    assert case.id is not None
    return [r for r in ws.store.records_for_case(case.id) if r.status == RecordStatus.SIGNED]


def _unique_names(ws: Workspace, records: Sequence[Record]) -> list[str]:
    names = [record_filename(ws, r) for r in records]
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return [
        f"{n.removesuffix('.pdf')}_record{r.id}.pdf" if counts[n] > 1 else n
        for n, r in zip(names, records, strict=True)
    ]


def export_case(
    ws: Workspace, case_reference: str, out_dir: str | os.PathLike[str], signer: Signer
) -> list[Path]:
    """Every signed record of the case as a signed PDF in ``out_dir`` (made if missing). All or nothing: every
    PDF is made first, and if a file cannot be written the ones already written by this export are removed."""
    folder = check_output_folder(out_dir)
    records = signed_records(ws, case_reference)
    if not records:
        raise CoworkError(f"case {case_reference} has no signed records to export")
    made = [render_record(ws, r.id, signer=signer)[1] for r in records if r.id is not None]
    created_folder = not folder.exists()
    if created_folder:
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise CoworkError(f"cannot write to {folder}: {_reason(exc)}") from None
    written: list[Path] = []
    try:
        for name, pdf in zip(_unique_names(ws, records), made, strict=True):
            target = folder / name
            write_atomic(target, pdf)
            written.append(target)
    except CoworkError:
        for path in written:
            path.unlink(missing_ok=True)
        if created_folder:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    for record, path, pdf in zip(records, written, made, strict=True):
        _audit_export(ws, record, path, pdf, signer)
    return written


# ------------------------------------------------------------------------------------------- verification


@dataclass(frozen=True)
class VerifyReport:
    """A signed case note checked: its signature (``result``) and, given a database, the record it shows."""

    path: Path
    result: VerifyResult
    record_id: int | None
    record_version: int | None
    #: True: the embedded content hash is the record's; False: it differs; None: not checked (see note)
    matches_database: bool | None
    database_note: str
    database_problems: tuple[str, ...] = field(default=())
    #: the signing certificate is its own issuer (the app's own certificates are)
    self_signed: bool | None = None

    @property
    def problems(self) -> tuple[str, ...]:
        return (*self.result.problems, *self.database_problems)

    def ok(self, require_database: bool = False) -> bool:
        """Valid, intact, covering the whole file and (when required) matching the database."""
        if not self.result.ok or self.matches_database is False:
            return False
        return self.matches_database is True or not require_database


@dataclass(frozen=True)
class _SignedFacts:
    record_id: int | None = None
    record_version: int | None = None
    self_signed: bool | None = None


def _signed_facts(pdf: bytes) -> _SignedFacts:
    """The record id and version in the document information as it was signed (not as later updates left it),
    and whether the signing certificate is self-signed."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signature = next(iter(reader.embedded_regular_signatures))
        cert = signature.signer_cert
        self_signed = cert is not None and cert.issuer == cert.subject
        history = reader.get_historical_resolver(signature.signed_revision)
        trailer = history.trailer_view
        info: generic.PdfObject | None = trailer.raw_get("/Info") if "/Info" in trailer else None
        if isinstance(info, generic.IndirectObject):
            info = history.get_object(info.reference)
        if not isinstance(info, generic.DictionaryObject):
            return _SignedFacts(self_signed=self_signed)
        values: list[int | None] = []
        for key in (INFO_RECORD_ID, INFO_RECORD_VERSION):
            try:
                values.append(int(str(info[key])) if key in info else None)
            except ValueError:
                values.append(None)
        return _SignedFacts(values[0], values[1], self_signed)
    except Exception:  # an unreadable info dictionary only means no record to compare with
        return _SignedFacts()


def verify_file(ws: Workspace | None, pdf_path: str | os.PathLike[str]) -> VerifyReport:
    """Check a signed case note; with a workspace, also compare it with the record in that database."""
    path = Path(pdf_path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CoworkError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CoworkError(f"{path}: is a folder, not a PDF") from None
    except OSError as exc:
        raise CoworkError(f"{path}: cannot read the file ({_reason(exc)})") from None
    result = verify_pdf(data)
    facts = _signed_facts(data)
    record_id = facts.record_id

    def report(matches: bool | None, note: str, *problems: str) -> VerifyReport:
        return VerifyReport(
            path, result, record_id, facts.record_version, matches, note, problems, facts.self_signed
        )

    if ws is None:
        return report(None, "not checked (no database given)")
    if record_id is None:
        return report(None, "not checked: the file names no record")
    try:
        record = ws.store.get_record(record_id)
    except NotFoundError:
        return report(None, f"not checked: no record {record_id} in {ws.store.path}")
    if not record.content_hash:
        return report(
            False,
            "does not match",
            f"Record {record_id} in {ws.store.path} is not signed: nothing to compare the file with.",
        )
    if result.content_hash is None:
        return report(
            False, "does not match", "The file carries no content hash to compare with the database."
        )
    if result.content_hash != record.content_hash:
        return report(
            False,
            "does not match",
            f"The content hash does not match record {record_id} in {ws.store.path}: "
            "the file is not the record kept in this database.",
        )
    note = f"matches record {record_id}, version {record.version}, in {ws.store.path}"
    newer = [r for r in ws.store.records_for_case(record.case_id) if r.supersedes_id == record_id]
    if newer and newer[-1].status == RecordStatus.SIGNED:
        note += f" (superseded by version {newer[-1].version}, record {newer[-1].id})"
    return report(True, note)
