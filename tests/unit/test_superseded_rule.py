"""The one rule for "superseded": replaced by a *signed* amendment (domain/records.py)."""

from __future__ import annotations

from datetime import date

from cowork_desktop.domain.models import Record, RecordKind, RecordStatus
from cowork_desktop.domain.records import signed_amendment, superseded_ids


def _record(id: int, status: RecordStatus, supersedes_id: int | None = None) -> Record:
    return Record(
        case_id=1,
        coallocation_id=1,
        kind=RecordKind.INITIAL_MEETING,
        form_id="initial",
        form_version=1,
        meeting_date=date(2026, 11, 2),
        answers={},
        status=status,
        supersedes_id=supersedes_id,
        id=id,
    )


def test_only_a_signed_amendment_supersedes() -> None:
    original = _record(1, RecordStatus.SIGNED)
    for status in (RecordStatus.DRAFT, RecordStatus.AWAITING_SIGNATURES):
        pending = _record(2, status, supersedes_id=1)
        assert superseded_ids([original, pending]) == set()
        assert signed_amendment(1, [original, pending]) is None
    signed = _record(2, RecordStatus.SIGNED, supersedes_id=1)
    assert superseded_ids([original, signed]) == {1}
    assert signed_amendment(1, [original, signed]) is signed
    assert signed_amendment(2, [original, signed]) is None
