"""A case's signed history pulled from the service into another manager's database (``cowork pull``), and what
proves it there.

The history keeps the identities of the laptop that signed it (its database's identity, ``source``, and its
record, co-allocation, worker and action ids, ``origin_*``): they are part of each record's canonical content,
so they are never renumbered into the receiving database's own ids. What proves a pulled record, at the pull and
again in ``cowork check``:

* its canonical content (the exact JSON the signing laptop hashed) gives its content hash, and says the same as
  the record's columns (its id, case, kind, date, version, form);
* its signatures and agreed actions are those the content names (the drawn image by its SHA-256), and its form
  version's definition gives the SHA-256 the content names;
* its signing ("lock") entry from the signing laptop's audit chain is there, its hash is that of its content
  and its previous hash, and it names the record's content hash; every other entry pulled with it checks the
  same way (a pulled laptop's chain is not whole here: only each record's own entries travel);
* every certificate pulled has the fingerprint of its DER;
* and every row pulled is covered by the digest its pull recorded in the receiving database's own audit chain
  (:func:`pull_digest`), so a row changed afterwards (a completion, a handover, a published time) is named too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass, field
from typing import Any

from cowork_desktop.domain.audit import entry_hash
from cowork_desktop.domain.records import canonical_json

#: the action of the receiving database's audit entry that records a pull (entity ``case``)
PULL_ACTION = "pull"
#: the entry written right after a pull's rows: the pull's entry is then no longer the last, so no row can be
#: added under it (the tables' triggers take rows only right after a pull's entry)
PULL_END_ACTION = "pulled"


@dataclass(frozen=True)
class PulledRecord:
    content_hash: str
    source: str  # the signing laptop's database identity
    origin_id: int  # the record's id there (its content's record_id)
    case_reference: str
    coallocation_origin_id: int
    kind: str
    meeting_date: str
    version: int
    supersedes_origin_id: int | None
    form_id: str
    form_version: int
    canon: int
    content: str  # the canonical JSON the hash is of
    signed_at: str | None
    team: str  # the team that published it
    published_by: str
    published_at: str


@dataclass(frozen=True)
class PulledSignature:
    record_hash: str
    position: int
    worker_origin_id: int | None
    signer_name: str
    signer_role: str
    method: str
    statement: str
    image_png: bytes | None
    signed_at: str


@dataclass(frozen=True)
class PulledAction:
    record_hash: str
    origin_id: int
    description: str
    owner_origin_id: int | None
    due_date: str | None


@dataclass(frozen=True)
class PulledCompletion:
    source: str
    action_origin_id: int
    record_hash: str
    done_date: str
    done_in_origin_id: int | None


@dataclass(frozen=True)
class PulledAuditEntry:
    source: str
    origin_id: int
    record_hash: str
    at: str
    actor: str
    action: str
    entity: str
    entity_id: int | None
    detail: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class PulledCertificate:
    fingerprint: str
    subject: str
    common_name: str
    issuer: str
    serial: str
    not_before: str
    not_after: str
    der: bytes


@dataclass(frozen=True)
class PulledForm:
    form_id: str
    version: int
    definition: str
    sha256: str


@dataclass(frozen=True)
class PulledHandover:
    id: int
    case_reference: str
    from_team: str
    from_manager: str
    to_team: str
    to_manager: str
    handed_over_by: str
    handed_over_at: str


@dataclass(frozen=True)
class PulledCase:
    """What the service holds about one case, as a login may read it."""

    reference: str
    team: str  # the team that holds it now
    children_count: int
    children_initials: str
    plan_type: str
    status: str
    records: tuple[PulledRecord, ...] = ()
    signatures: tuple[PulledSignature, ...] = ()
    actions: tuple[PulledAction, ...] = ()
    completions: tuple[PulledCompletion, ...] = ()
    audit: tuple[PulledAuditEntry, ...] = ()
    certificates: tuple[PulledCertificate, ...] = ()
    forms: tuple[PulledForm, ...] = ()
    handovers: tuple[PulledHandover, ...] = ()


@dataclass
class History:
    """Pulled rows, as one pull brings them or as the database keeps them (the same shape either way)."""

    records: list[PulledRecord] = field(default_factory=list)
    signatures: list[PulledSignature] = field(default_factory=list)
    actions: list[PulledAction] = field(default_factory=list)
    completions: list[PulledCompletion] = field(default_factory=list)
    audit: list[PulledAuditEntry] = field(default_factory=list)
    certificates: list[PulledCertificate] = field(default_factory=list)
    handovers: list[PulledHandover] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.records,
                self.signatures,
                self.actions,
                self.completions,
                self.audit,
                self.certificates,
                self.handovers,
            )
        )


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _plain(row: object) -> list[Any]:
    """A row as JSON values: bytes by their SHA-256."""
    return [sha256_hex(v) if isinstance(v, bytes) else v for v in astuple(row)]  # type: ignore[call-overload]


def pull_digest(history: History) -> str:
    """SHA-256 over every row of one pull, in a fixed order (what the pull's audit entry keeps, and ``cowork
    check`` recomputes from the rows kept)."""
    parts = {
        name: sorted((_plain(row) for row in rows), key=canonical_json)
        for name, rows in (
            ("records", history.records),
            ("signatures", history.signatures),
            ("actions", history.actions),
            ("completions", history.completions),
            ("audit", history.audit),
            ("certificates", history.certificates),
            ("handovers", history.handovers),
        )
    }
    return sha256_hex(canonical_json(parts).encode("utf-8"))


def _label(record: PulledRecord) -> str:
    return (
        f"pulled record {record.origin_id} of case {record.case_reference} ({record.kind}, version "
        f"{record.version}, published by the team {record.team})"
    )


def audit_entry_problem(entry: PulledAuditEntry) -> str | None:
    """Why a pulled audit entry does not check (its hash is not that of its content and previous hash), or None."""
    digest = entry_hash(
        entry.prev_hash, entry.origin_id, entry.at, entry.actor, entry.action, entry.entity, entry.entity_id,
        entry.detail,
    )  # fmt: skip
    if digest != entry.hash:
        return (
            f"pulled audit entry {entry.origin_id} (about the record {entry.record_hash[:12]}) was changed: its "
            "content does not match its hash"
        )
    return None


def certificate_problem(cert: PulledCertificate) -> str | None:
    if sha256_hex(cert.der) != cert.fingerprint:
        return f"pulled certificate {cert.fingerprint[:16]}... does not have the fingerprint of its DER"
    return None


def _signature_dicts(signatures: Sequence[PulledSignature], canon: int) -> list[dict[str, Any]]:
    out = []
    for s in sorted(signatures, key=lambda s: s.position):
        one: dict[str, Any] = {
            "name": s.signer_name,
            "role": s.signer_role,
            "method": s.method,
            "statement": s.statement,
            "signed_at": s.signed_at,
            "image_sha256": sha256_hex(s.image_png) if s.image_png else None,
        }
        if canon >= 2:
            one["worker_id"] = s.worker_origin_id
        out.append(one)
    return out


def _action_dicts(actions: Sequence[PulledAction]) -> list[dict[str, Any]]:
    return sorted(
        (
            {"description": a.description, "owner_worker_id": a.owner_origin_id, "due_date": a.due_date}
            for a in actions
        ),
        key=canonical_json,
    )


def _detail(entry: PulledAuditEntry) -> Mapping[str, Any]:
    try:
        value = json.loads(entry.detail)
    except ValueError:
        return {}
    return value if isinstance(value, Mapping) else {}


def record_problems(
    record: PulledRecord,
    signatures: Sequence[PulledSignature],
    actions: Sequence[PulledAction],
    audit: Sequence[PulledAuditEntry],
    form_sha256: str | None,
) -> list[str]:
    """Why a pulled record does not prove itself (see the module docstring), one sentence each; [] when it does.
    ``form_sha256``: the SHA-256 of its form version's stored definition, recomputed (None when not stored)."""
    label = _label(record)
    if sha256_hex(record.content.encode("utf-8")) != record.content_hash:
        return [
            f"{label}: its content does not give its content hash (it was changed after it was published)"
        ]
    try:
        content = json.loads(record.content)
    except ValueError:
        return [f"{label}: its content is not JSON"]
    if not isinstance(content, dict) or canonical_json(content) != record.content:
        return [f"{label}: its content is not canonical JSON"]
    out = []
    form = content.get("form")
    expected: dict[str, Any] = {
        "record_id": record.origin_id,
        "case_reference": record.case_reference,
        "kind": record.kind,
        "meeting_date": record.meeting_date,
        "version": record.version,
        "supersedes_id": record.supersedes_origin_id,
    }
    if record.canon >= 2:
        expected["coallocation_id"] = record.coallocation_origin_id
        found_form = (form.get("id"), form.get("version")) if isinstance(form, Mapping) else (None, None)
    else:
        found_form = tuple(form) if isinstance(form, list) and len(form) == 2 else (None, None)
    differs = sorted(key for key, value in expected.items() if content.get(key) != value)
    if found_form != (record.form_id, record.form_version):
        differs.append("form")
    if content.get("canon", 1) != record.canon:
        differs.append("canon")
    if differs:
        out.append(f"{label}: its content says otherwise than its columns ({', '.join(differs)})")
    if content.get("signatures") != _signature_dicts(signatures, record.canon):
        out.append(f"{label}: its signatures are not those its content names")
    if record.canon >= 2:
        if content.get("actions") != _action_dicts(actions):
            out.append(f"{label}: its agreed actions are not those its content names")
        named = form.get("sha256") if isinstance(form, Mapping) else None
        if form_sha256 is None:
            out.append(f"{label}: its form version {record.form_id} v{record.form_version} is not stored")
        elif named != form_sha256:
            out.append(
                f"{label}: its form version {record.form_id} v{record.form_version} is not the one it was "
                "signed with"
            )
    locks = [
        e for e in audit if e.action == "lock" and e.entity == "record" and e.entity_id == record.origin_id
    ]
    if not locks:
        out.append(f"{label}: its signing entry from the audit log did not come with it")
    elif not any(_detail(e).get("content_hash") == record.content_hash for e in locks):
        out.append(f"{label}: its signing entry names another content hash")
    out.extend(p for e in audit if (p := audit_entry_problem(e)) is not None)
    return out


def history_problems(history: History, form_digests: Mapping[tuple[str, int], str]) -> list[str]:
    """Every record of ``history`` checked with its own rows (:func:`record_problems`), every certificate, and
    every row tied to a record that is there. ``form_digests``: each stored form version's SHA-256, recomputed."""
    by_hash: dict[str, tuple[list[PulledSignature], list[PulledAction], list[PulledAuditEntry]]] = {
        r.content_hash: ([], [], []) for r in history.records
    }
    out: list[str] = []
    loose: set[str] = set()

    def parts(record_hash: str) -> tuple[list[PulledSignature], list[PulledAction], list[PulledAuditEntry]]:
        found = by_hash.get(record_hash)
        if found is None:
            loose.add(record_hash)
            return ([], [], [])
        return found

    for s in history.signatures:
        parts(s.record_hash)[0].append(s)
    for a in history.actions:
        parts(a.record_hash)[1].append(a)
    for e in history.audit:
        parts(e.record_hash)[2].append(e)
    for c in history.completions:
        parts(c.record_hash)
    for record in history.records:
        sigs, acts, entries = by_hash[record.content_hash]
        out.extend(
            record_problems(
                record, sigs, acts, entries, form_digests.get((record.form_id, record.form_version))
            )
        )
    out.extend(p for c in history.certificates if (p := certificate_problem(c)) is not None)
    out.extend(
        f"pulled rows name a record {digest[:12]}... that was not pulled with them"
        for digest in sorted(loose)
    )
    return out


def manager_names(history: History | Iterable[PulledSignature], manager_role: str) -> set[str]:
    """The names of the managers who signed (no worker id, the manager's role)."""
    signatures = history.signatures if isinstance(history, History) else history
    return {s.signer_name for s in signatures if s.worker_origin_id is None and s.signer_role == manager_role}


def named_fingerprints(entries: Iterable[PulledAuditEntry]) -> set[str]:
    """The certificates the entries name (a signed export's entry names its signer's fingerprint)."""
    out = set()
    for entry in entries:
        value = _detail(entry).get("fingerprint")
        if isinstance(value, str) and len(value) == 64:
            out.add(value)
    return out
