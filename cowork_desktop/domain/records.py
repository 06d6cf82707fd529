"""Rules about a record's life: who must sign, and what a signed record's content is (and its hash).

The **canonical content** of a signed record is everything that was agreed and who agreed it: the answers, the
form id, version and the SHA-256 of the stored form definition, the meeting date, the version and what it amends,
the record it resolves, every signature (name, role, method, statement, time, the drawn image's SHA-256), the
actions agreed, and the record's *frame*: what its display depended on when it was signed (the conditions that
chose which questions it shows, and the names and roles of the workers it names), so it reads the same for ever. It is computed from the database rows, embedded in the signed PDF, and hashed: the content hash.

Version 1 of the content (records signed before the hash covered actions and the form definition) is kept so
those records still check; every record signed now uses :data:`CANON_VERSION`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any, ParamSpec

from cowork_desktop.domain.models import Action, Record, RecordStatus, Signature

_P = ParamSpec("_P")

AGREEMENT_STATEMENT = "I agree this is an accurate record"
#: the version of the canonical content that records are signed with now
CANON_VERSION = 2


def canonical_json(value: Any) -> str:
    """The one text of a JSON value: sorted keys, no spaces, UTF-8 as is."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def hash_content(content: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of ``content``."""
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def _signature(s: Signature, *, with_worker: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": s.signer_name,
        "role": s.signer_role,
        "method": s.method,
        "statement": s.statement,
        "signed_at": s.signed_at.isoformat(),
        "image_sha256": hashlib.sha256(s.image_png).hexdigest() if s.image_png else None,
    }
    if with_worker:
        out["worker_id"] = s.worker_id
    return out


def canonical_content(
    record: Record,
    case_reference: str,
    signatures: Sequence[Signature],
    actions: Sequence[Action] = (),
    form_sha256: str = "",
    canon: int = CANON_VERSION,
) -> dict[str, Any]:
    """The record's canonical content (version ``canon``) from its rows; see the module docstring."""
    if canon == 1:
        return {
            "record_id": record.id,
            "case_reference": case_reference,
            "kind": record.kind.value,
            "form": [record.form_id, record.form_version],
            "meeting_date": record.meeting_date.isoformat(),
            "version": record.version,
            "supersedes_id": record.supersedes_id,
            "amendment_reason": record.amendment_reason,
            "answers": record.answers,
            "signatures": [_signature(s, with_worker=False) for s in signatures],
        }
    if canon != CANON_VERSION:
        raise ValueError(f"unknown canonical content version {canon}")
    return {
        "canon": CANON_VERSION,
        "record_id": record.id,
        "case_reference": case_reference,
        "coallocation_id": record.coallocation_id,
        "kind": record.kind.value,
        "title": record.title,
        "form": {"id": record.form_id, "version": record.form_version, "sha256": form_sha256},
        "meeting_date": record.meeting_date.isoformat(),
        "version": record.version,
        "supersedes_id": record.supersedes_id,
        "amendment_reason": record.amendment_reason,
        "linked_record_id": record.linked_record_id,
        "answers": record.answers,
        "frame": record.signed_frame,
        "signatures": [_signature(s, with_worker=True) for s in signatures],
        "actions": sorted(
            (
                {
                    "description": a.description,
                    "owner_worker_id": a.owner_worker_id,
                    "due_date": a.due_date.isoformat() if a.due_date else None,
                }
                for a in actions
            ),
            key=canonical_json,
        ),
    }


def _digest_of(content: Callable[_P, Mapping[str, Any]]) -> Callable[_P, str]:
    """A function of the same parameters as ``content`` that gives the SHA-256 of what it gives."""

    def digest(*args: _P.args, **kwargs: _P.kwargs) -> str:
        return hash_content(content(*args, **kwargs))

    return digest


#: SHA-256 of the record's canonical content, from the parameters of :func:`canonical_content` (embedded in the
#: PDF, kept in the database, chained in the audit log)
content_hash = _digest_of(canonical_content)


def content_differences(expected: Mapping[str, Any], found: Mapping[str, Any], prefix: str = "") -> list[str]:
    """Where two canonical contents differ, as dotted paths (``answers.reason``, ``signatures[1].name``)."""
    out: list[str] = []
    for key in sorted(set(expected) | set(found)):
        path = f"{prefix}{key}"
        a, b = expected.get(key), found.get(key)
        if a == b:
            continue
        if isinstance(a, Mapping) and isinstance(b, Mapping):
            out.extend(content_differences(a, b, f"{path}."))
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            for i, (x, y) in enumerate(zip(a, b, strict=True)):
                if x == y:
                    continue
                if isinstance(x, Mapping) and isinstance(y, Mapping):
                    out.extend(content_differences(x, y, f"{path}[{i}]."))
                else:
                    out.append(f"{path}[{i}]")
        else:
            out.append(path)
    return out


def _action_key(a: Action) -> tuple[str, int | None, str]:
    return (" ".join(a.description.split()), a.owner_worker_id, a.due_date.isoformat() if a.due_date else "")


def carried_actions(earlier: Sequence[Action], agreed: Sequence[Action]) -> tuple[list[int], list[Action]]:
    """What an amendment does to the actions of the version it amends: the ids of those it keeps as they are
    (the same description, owner and due date; each kept once), which keep their identity and completion, and
    the agreed actions that are new (added or changed). An earlier action it does not keep is no longer agreed."""
    pool: dict[tuple[str, int | None, str], list[int]] = {}
    for action in earlier:
        if action.id is not None:
            pool.setdefault(_action_key(action), []).append(action.id)
    kept: list[int] = []
    new: list[Action] = []
    for action in agreed:
        ids = pool.get(_action_key(action))
        if ids:
            kept.append(ids.pop(0))
        else:
            new.append(action)
    return kept, new


def signed_amendment(record_id: int, records: Iterable[Record]) -> Record | None:
    """The signed amendment that supersedes record ``record_id`` among ``records`` (those of its case), if any.

    A record is **superseded** only once an amendment of it is signed: an amendment still a draft or awaiting
    signatures supersedes nothing (the record is still the current one). The store's SQL says the same
    (``store.rows.NOT_SUPERSEDED``: ``status = 'signed'`` on the amending record)."""
    newer = [r for r in records if r.supersedes_id == record_id and r.status == RecordStatus.SIGNED]
    return newer[-1] if newer else None


def superseded_ids(records: Iterable[Record]) -> set[int]:
    """The ids of the records among ``records`` superseded by a signed amendment (see :func:`signed_amendment`)."""
    return {
        r.supersedes_id for r in records if r.supersedes_id is not None and r.status == RecordStatus.SIGNED
    }


def manager_signature(signatures: Sequence[Signature], manager_role: str) -> Signature | None:
    """The manager's signature (no worker id, the manager's role), if the record has one."""
    return next((s for s in signatures if s.worker_id is None and s.signer_role == manager_role), None)


def missing_signers(required_worker_ids: Sequence[int], signatures: Sequence[Signature]) -> list[int]:
    """The required workers who have not signed yet, in the order required."""
    signed = {s.worker_id for s in signatures}
    return [w for w in required_worker_ids if w not in signed]


FUTURE_MEETING = "The meeting date cannot be in the future."


def meeting_date_problem(meeting_date: date, today: date) -> str | None:
    """Why a record cannot go to be signed with ``meeting_date`` (one sentence), or None: a meeting is recorded
    once it has taken place, so its date is never after ``today``."""
    return FUTURE_MEETING if meeting_date > today else None
