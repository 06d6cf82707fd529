"""Rules about a record's life: who must sign, what its content hash covers."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from cowork_desktop.domain.models import Record, Signature

AGREEMENT_STATEMENT = "I agree this is an accurate record"


def content_hash(record: Record, case_reference: str, signatures: Sequence[Signature]) -> str:
    """SHA-256 over the canonical JSON of what was agreed and who signed it (embedded in the PDF, kept in the DB)."""
    payload: dict[str, Any] = {
        "record_id": record.id,
        "case_reference": case_reference,
        "kind": record.kind.value,
        "form": [record.form_id, record.form_version],
        "meeting_date": record.meeting_date.isoformat(),
        "version": record.version,
        "supersedes_id": record.supersedes_id,
        "amendment_reason": record.amendment_reason,
        "answers": record.answers,
        "signatures": [
            {
                "name": s.signer_name,
                "role": s.signer_role,
                "method": s.method,
                "statement": s.statement,
                "signed_at": s.signed_at.isoformat(),
                "image_sha256": hashlib.sha256(s.image_png).hexdigest() if s.image_png else None,
            }
            for s in signatures
        ],
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def missing_signers(required_worker_ids: Sequence[int], signatures: Sequence[Signature]) -> list[int]:
    signed = {s.worker_id for s in signatures}
    return [w for w in required_worker_ids if w not in signed]
