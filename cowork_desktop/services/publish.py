"""Publish the laptop's signed records to the service (``cowork publish``): append-only, keyed by content.

What goes: every signed record the service lacks (its canonical content, the exact JSON its hash is of, with its
signatures, agreed actions and audit entries), the form versions and certificates they need, the completions of
agreed actions, and the current state of the laptop's cases, co-allocations and workers. Drafts and records
awaiting signatures never leave the laptop.

* **Checked first:** the database's protections and its audit chain must hold (else nothing is published), and
  each record must pass ``cowork check``'s record checks; a record that does not is set aside and named, never
  sent (the server recomputes the hash of what it receives, too).
* **Idempotent:** the records the service has from this database (by content hash) are not sent again; the
  inserts are ``ON CONFLICT DO NOTHING`` and an unchanged case is not rewritten, so a second run writes nothing.
* **Resumable:** the current state in one transaction, then the records in batches, each batch in its own
  transaction: a publish cut off half-way leaves whole batches, and the next run sends the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from cowork_desktop.domain.records import canonical_content, canonical_json
from cowork_desktop.service_store.publishing import PublishedRecord, ServiceWriter
from cowork_desktop.services import integrity
from cowork_desktop.store.store import Store

#: signed records per transaction
BATCH = 200


@dataclass
class PublishReport:
    already: int = 0  # signed records the service had
    sent: int = 0  # signed records sent in this run
    refused: list[integrity.Finding] = field(default_factory=list)
    written: dict[str, int] = field(default_factory=dict)  # rows inserted or changed, by table
    team: str = ""
    #: cases of this database handed over to another team: not published (reference, manager, team, day)
    handed_over: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.refused


def _published(checked: integrity.CheckedRecord, audit: list[dict[str, object]]) -> PublishedRecord:
    inputs, record = checked.inputs, checked.inputs.record
    assert record.id is not None
    content = canonical_content(
        record, inputs.case_reference, inputs.signatures, inputs.actions, inputs.form_sha256, checked.canon
    )
    return PublishedRecord(
        content_hash=record.content_hash,
        local_id=record.id,
        case_reference=inputs.case_reference,
        coallocation_id=record.coallocation_id,
        kind=record.kind.value,
        meeting_date=record.meeting_date.isoformat(),
        version=record.version,
        supersedes_id=record.supersedes_id,
        form_id=record.form_id,
        form_version=record.form_version,
        canon=checked.canon,
        content=canonical_json(content),
        signed_at=record.signed_at.isoformat() if record.signed_at else None,
        signatures=[
            {
                "worker_id": s.worker_id,
                "signer_name": s.signer_name,
                "signer_role": s.signer_role,
                "method": s.method,
                "statement": s.statement,
                "image_png": s.image_png,
                "signed_at": s.signed_at.isoformat(),
            }
            for s in inputs.signatures
        ],
        actions=[
            {
                "id": a.id,
                "description": a.description,
                "owner_worker_id": a.owner_worker_id,
                "due_date": a.due_date.isoformat() if a.due_date else None,
            }
            for a in inputs.actions
        ],
        audit=audit,
    )


def _batches(items: Iterable[integrity.CheckedRecord], size: int) -> Iterator[list[integrity.CheckedRecord]]:
    batch: list[integrity.CheckedRecord] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def publish(
    store: Store,
    url: str,
    *,
    batch_size: int = BATCH,
    after_batch: Callable[[int], None] | None = None,
) -> PublishReport:
    """Send what the service lacks (see the module docstring). ``after_batch(n)`` is called after each batch of
    records is committed (n: records sent so far in this run)."""
    source = store.identity()
    report = PublishReport()
    # an unprotected database or a broken audit chain: nothing is sent (the records are checked as they are read)
    checked_records = integrity.checked_signed_records(store, "published")
    writer = ServiceWriter(url)
    try:
        report.team = writer.team or ""
        held = writer.published_hashes(source)
        # a case handed over to another team is that team's now: nothing of it is published from here (the
        # service's policies would refuse it, and with it everything else of this run)
        away = writer.handed_away()
        folded = {ref.casefold() for ref in away}
        rows = store.service_rows()
        mine = {c["reference"] for c in rows["cases"] if c["reference"].casefold() not in folded}
        report.handed_over = sorted(
            (c["reference"], *away[ref])
            for c in rows["cases"]
            for ref in away
            if c["reference"].casefold() == ref.casefold()
        )
        rows["cases"] = [c for c in rows["cases"] if c["reference"] in mine]
        rows["coallocations"] = [ca for ca in rows["coallocations"] if ca["case_reference"] in mine]
        # the records the service has from here were checked when they were sent, and it keeps them as they were:
        # only the others are read and checked (an idle publish reads the hashes, not the records)
        stored = store.signed_hashes()
        every = len(stored)
        if away:
            case_of = store.signed_record_cases()
            stored = {r: d for r, d in stored.items() if case_of.get(r, "").casefold() not in folded}
        unsent = [rid for rid, digest in stored.items() if digest not in held]
        report.already = len(stored) - len(unsent)
        certificates = [
            (c.fingerprint, c.subject, c.common_name, c.issuer, c.serial, c.not_before, c.not_after, c.der)
            for c in store.list_certificates()
        ]
        writer.put_current_state(source, rows, certificates)

        # every signed record the service has or that checks, by id (their actions' completions go too)
        hashes = {rid: digest for rid, digest in stored.items() if digest in held}

        def to_send() -> Iterator[integrity.CheckedRecord]:
            for checked in checked_records(None if len(unsent) == every else unsent):
                record = checked.inputs.record
                if checked.findings:
                    report.refused.extend(checked.findings)
                    continue
                hashes[record.id or 0] = record.content_hash
                yield checked

        for batch in _batches(to_send(), batch_size):
            ids = [c.inputs.record.id for c in batch if c.inputs.record.id is not None]
            audit = store.record_audit_entries(ids)
            writer.put_records(source, [_published(c, audit[c.inputs.record.id or 0]) for c in batch])
            report.sent += len(batch)
            if after_batch is not None:
                after_batch(report.sent)
        writer.put_completions(
            source,
            [
                (c["id"], hashes[c["record_id"]], c["done_date"], c["done_in_record_id"])
                for c in store.action_completions()
                if c["record_id"] in hashes
            ],
        )
        report.written = dict(writer.written)
    finally:
        writer.close()
    return report
