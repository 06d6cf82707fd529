"""Records and what belongs to them: the form versions they were captured with, their signatures and their agreed
actions, and the signing that locks them."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from cowork_desktop.domain.due import RecordFacts
from cowork_desktop.domain.errors import (
    LockedRecordError,
    NotFoundError,
    StaleDraft,
    StoreError,
    UniqueConflict,
)
from cowork_desktop.domain.forms import FormDefinition
from cowork_desktop.domain.models import Action, Record, RecordKind, RecordStatus, Signature
from cowork_desktop.store import derived, form_snapshots
from cowork_desktop.store.repos.coallocations import CoAllocationRepository
from cowork_desktop.store.rows import CURRENT_ACTION, from_row, now_utc, readable, to_datetime, to_day, to_iso


@dataclass(frozen=True)
class SignedInputs:
    """What a signed record's canonical content is computed from (see :meth:`Store.signed_inputs`)."""

    record: Record
    case_reference: str
    signatures: tuple[Signature, ...]
    actions: tuple[Action, ...]
    form_sha256: str


class RecordRepository(CoAllocationRepository):
    # -- form versions ----------------------------------------------------------------------------
    def ensure_form_version(self, form: FormDefinition) -> None:
        """Snapshot a form version the first time a record uses it; refuse a changed file with the same version."""
        definition, digest = form_snapshots.snapshot(form)
        row = self._one(
            "SELECT sha256 FROM form_versions WHERE form_id = ? AND version = ?", [form.id, form.version]
        )
        if row is not None:
            if row["sha256"] != digest:
                raise StoreError(
                    f"form '{form.id}' version {form.version} ({form.source_file}) differs from the version "
                    "already used by records: give the changed form a new version number"
                )
            return
        with self.tx():
            self.db.execute(
                "INSERT INTO form_versions (form_id, version, definition, sha256, first_used_at)"
                " VALUES (?,?,?,?,?)",
                [form.id, form.version, definition, digest, now_utc().isoformat()],
            )
            self.audit("snapshot", "form_version", form.version, form_id=form.id, sha256=digest)

    def form_definition(self, form_id: str, version: int) -> FormDefinition:
        row = self._one(
            "SELECT definition FROM form_versions WHERE form_id = ? AND version = ?", [form_id, version]
        )
        if row is None:
            raise NotFoundError(f"form '{form_id}' version {version} is not in this database")
        return form_snapshots.definition(row["definition"], form_id, version)

    def form_digests(self) -> dict[tuple[str, int], tuple[str, str]]:
        """Each stored form version's SHA-256, as recomputed from its definition and as stored beside it."""
        return {
            (form_id, version): (form_snapshots.digest(definition), stored)
            for form_id, version, definition, stored in self.db.conn.execute(
                "SELECT form_id, version, definition, sha256 FROM form_versions"
            )
        }

    # -- records ----------------------------------------------------------------------------------
    @staticmethod
    def _record(row: dict[str, Any]) -> Record:
        return from_row(
            Record,
            row,
            kind=RecordKind(row["kind"]),
            meeting_date=date.fromisoformat(row["meeting_date"]),
            answers=json.loads(row["answers"]),
            status=RecordStatus(row["status"]),
            signed_frame=json.loads(row["signed_frame"]) if row.get("signed_frame") else {},
            created_at=to_datetime(row["created_at"]),
            updated_at=to_datetime(row["updated_at"]),
            signed_at=to_datetime(row["signed_at"]),
            revision=int(row.get("revision") or 0),
        )

    def create_record(self, record: Record, form: FormDefinition) -> Record:
        self.get_coallocation(record.coallocation_id)
        self.ensure_form_version(form)
        stamp = now_utc().isoformat()
        with self._one_draft(record), self.tx():
            cur = self.db.execute(
                "INSERT INTO records (case_id, coallocation_id, kind, form_id, form_version, title, meeting_date,"
                " answers, status, version, supersedes_id, amendment_reason, linked_record_id, created_at,"
                " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    record.case_id,
                    record.coallocation_id,
                    record.kind.value,
                    form.id,
                    form.version,
                    record.title,
                    record.meeting_date.isoformat(),
                    json.dumps(record.answers, ensure_ascii=False),
                    RecordStatus.DRAFT.value,
                    record.version,
                    record.supersedes_id,
                    record.amendment_reason,
                    record.linked_record_id,
                    stamp,
                    stamp,
                ],
            )
            record_id = int(cur.lastrowid or 0)
            self.audit(
                "create",
                "record",
                record_id,
                kind=record.kind.value,
                case_id=record.case_id,
                version=record.version,
                supersedes=record.supersedes_id,
            )
        return self.get_record(record_id)

    @contextmanager
    def _one_draft(self, record: Record) -> Iterator[None]:
        """The unique indexes' refusal, in words: another window started the same draft a moment ago."""
        try:
            yield
        except UniqueConflict as exc:
            if exc.constraint == "records.supersedes_id":
                raise StoreError(
                    f"record {record.supersedes_id} is already being amended (in another window?); "
                    "open that amendment from the case page"
                ) from None
            if exc.constraint.startswith("records.coallocation_id"):
                raise StoreError(
                    f"a draft {record.kind.label.lower()} of this co-working was started in another window; "
                    "open it from the case page"
                ) from None
            raise

    def get_record(self, record_id: int) -> Record:
        return self._record(self._by_id("records", "record", record_id))

    def record_status(self, record_id: int) -> RecordStatus:
        row = self.db.conn.execute("SELECT status FROM records WHERE id = ?", [record_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no record with id {record_id}")
        return RecordStatus(row[0])

    def records_for_case(self, case_id: int) -> list[Record]:
        return [
            self._record(r)
            for r in self.db.query(
                "SELECT * FROM records WHERE case_id = ? ORDER BY meeting_date, id", [case_id]
            )
        ]

    def draft_for(self, coallocation_id: int, kind: RecordKind) -> Record | None:
        row = self._one(
            "SELECT * FROM records WHERE coallocation_id = ? AND kind = ? AND status <> 'signed' "
            "AND supersedes_id IS NULL AND set_aside_at IS NULL ORDER BY id DESC LIMIT 1",
            [coallocation_id, kind.value],
        )
        return self._record(row) if row else None

    def link_record(self, record_id: int, linked_record_id: int) -> None:
        """Link a draft to the record it follows up (an issue-resolution MDR to the review it resolves)."""
        with self.tx():
            self.db.execute(
                "UPDATE records SET linked_record_id = ?, updated_at = ?, revision = revision + 1"
                " WHERE id = ? AND status <> 'signed'",
                [linked_record_id, now_utc().isoformat(), record_id],
            )
            self.audit("link", "record", record_id, linked_record_id=linked_record_id)

    def save_answers(
        self,
        record_id: int,
        answers: dict[str, Any],
        meeting_date: date | None = None,
        facts: RecordFacts | None = None,
        *,
        based_on: int,
    ) -> int:
        """The draft save while typing: one small UPDATE in its own transaction (audited as 'draft saved').

        ``based_on`` is the revision the answers were typed over: when another window has saved since,
        :class:`StaleDraft` and nothing is written. Returns the draft's new revision."""
        row = self._one("SELECT status, revision FROM records WHERE id = ?", [record_id])
        if row is None:
            raise NotFoundError(f"no record with id {record_id}")
        if row["status"] == RecordStatus.SIGNED.value:
            raise LockedRecordError("record is signed and locked: make an amendment instead")
        text = json.dumps(answers, ensure_ascii=False)
        f = facts or RecordFacts()
        with self.tx():
            cur = self.db.execute(
                "UPDATE records SET answers = ?, meeting_date = coalesce(?, meeting_date), next_review_date = ?,"
                " discussion_rrule = ?, supervision_rrule = ?, issues_flagged = ?, updated_at = ?,"
                " revision = revision + 1 WHERE id = ? AND revision = ? AND status <> 'signed'",
                [
                    text,
                    to_iso(meeting_date),
                    to_iso(f.next_review_date),
                    f.discussion_rrule,
                    f.supervision_rrule,
                    ",".join(f.issues_flagged),
                    now_utc().isoformat(),
                    record_id,
                    based_on,
                ],
            )
            if cur.rowcount != 1:
                now = self._one("SELECT status FROM records WHERE id = ?", [record_id])
                if now is not None and now["status"] == RecordStatus.SIGNED.value:
                    raise LockedRecordError("record is signed and locked: make an amendment instead")
                raise StaleDraft("this draft was changed in another window; nothing was saved here")
            self.audit("draft_saved", "record", record_id)
        return based_on + 1

    def set_record_status(self, record_id: int, status: RecordStatus) -> None:
        """Move between draft and awaiting signatures (signing uses :meth:`sign_record`)."""
        if status == RecordStatus.SIGNED:
            raise ValueError("use sign_record")
        with self.tx():
            if status == RecordStatus.DRAFT:
                self.db.execute("DELETE FROM signatures WHERE record_id = ?", [record_id])
            self.db.execute(
                "UPDATE records SET status = ?, updated_at = ?, revision = revision + 1 WHERE id = ?",
                [status.value, now_utc().isoformat(), record_id],
            )
            self.audit("status", "record", record_id, status=status.value)

    def discard_draft(self, record_id: int) -> None:
        record = self.get_record(record_id)
        if record.is_locked:
            raise LockedRecordError("record is signed and locked: it cannot be deleted")
        with self.tx():
            self.db.execute("DELETE FROM signatures WHERE record_id = ?", [record_id])
            self.db.execute("DELETE FROM actions WHERE record_id = ?", [record_id])
            self.db.execute("DELETE FROM records WHERE id = ?", [record_id])
            self.audit("discard", "record", record_id, kind=record.kind.value, case_id=record.case_id)

    def add_signature(self, sig: Signature) -> Signature:
        with self.tx():
            cur = self.db.execute(
                "INSERT INTO signatures (record_id, worker_id, signer_name, signer_role, method, statement,"
                " strokes, image_png, signed_at) VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    sig.record_id,
                    sig.worker_id,
                    sig.signer_name,
                    sig.signer_role,
                    sig.method,
                    sig.statement,
                    json.dumps(sig.strokes),
                    sig.image_png,
                    sig.signed_at.isoformat(),
                ],
            )
            sig_id = int(cur.lastrowid or 0)
            self.audit(
                "sign",
                "record",
                sig.record_id,
                signer=sig.signer_name,
                role=sig.signer_role,
                method=sig.method,
            )
        sig.id = sig_id
        return sig

    def signatures_for(self, record_id: int) -> list[Signature]:
        return [
            Signature(
                record_id=r["record_id"],
                signer_name=r["signer_name"],
                signer_role=r["signer_role"],
                method=r["method"],
                statement=r["statement"],
                signed_at=datetime.fromisoformat(r["signed_at"]),
                worker_id=r["worker_id"],
                strokes=json.loads(r["strokes"]),
                image_png=r["image_png"],
                id=r["id"],
            )
            for r in self.db.query("SELECT * FROM signatures WHERE record_id = ? ORDER BY id", [record_id])
        ]

    def finalise_record(
        self,
        record_id: int,
        content_hash: str,
        facts: RecordFacts,
        actions: list[Action],
        completed: list[tuple[int, date]],
        canon: int = 2,
        frame: dict[str, Any] | None = None,
        carried: Sequence[int] = (),
        ends: tuple[date, str] | None = None,
    ) -> Record:
        """Lock the record: write its agreed actions, mark earlier actions done, set status signed. One transaction.

        The lock's audit entry keeps the content hash and the version of the canonical content it was computed
        with (``canon``), so ``cowork check`` recomputes it the same way. ``carried``: actions of the version it
        amends that it keeps as they are (their identity and completion stay). ``ends``: a closing record ends
        its co-allocation on that day, for that reason, in the same transaction."""
        signed_at = now_utc().isoformat()
        record = self.get_record(record_id)
        coallocation_id = record.coallocation_id
        with self.tx():
            self.db.execute("DELETE FROM actions WHERE record_id = ?", [record_id])
            self.db.execute("DELETE FROM action_carries WHERE record_id = ?", [record_id])
            for action_id in carried:
                self.db.execute(
                    "INSERT INTO action_carries (record_id, action_id) VALUES (?, ?)", [record_id, action_id]
                )
            for action in actions:
                self.db.execute(
                    "INSERT INTO actions (record_id, description, owner_worker_id, due_date) VALUES (?,?,?,?)",
                    [record_id, action.description, action.owner_worker_id, to_iso(action.due_date)],
                )
            for action_id, done_on in completed:
                self.db.execute(
                    "UPDATE actions SET done_date = ?, done_in_record_id = ? WHERE id = ? "
                    "AND done_date IS NULL",
                    [done_on.isoformat(), record_id, action_id],
                )
            self.db.execute(
                "UPDATE records SET status = 'signed', content_hash = ?, signed_frame = ?, next_review_date = ?,"
                " discussion_rrule = ?, supervision_rrule = ?, issues_flagged = ?, signed_at = ?, updated_at = ?"
                " WHERE id = ?",
                [
                    content_hash,
                    json.dumps(frame, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
                    if frame
                    else "",
                    to_iso(facts.next_review_date),
                    facts.discussion_rrule,
                    facts.supervision_rrule,
                    ",".join(facts.issues_flagged),
                    signed_at,
                    signed_at,
                    record_id,
                ],
            )
            self.audit(
                "lock",
                "record",
                record_id,
                content_hash=content_hash,
                canon=canon,
                coallocation_id=coallocation_id,
                actions=len(actions),
                carried=list(carried),
                completed=[a for a, _ in completed],
            )
            # what the team's promises count: this case's, and the case of any action it marked done
            done_in = [a for a, _ in completed]
            derived.refresh(
                self.db.conn,
                [record.case_id]
                + [
                    int(row[0])
                    for row in self.db.conn.execute(
                        "SELECT DISTINCT r.case_id FROM actions a JOIN records r ON r.id = a.record_id"
                        " WHERE a.id IN (SELECT value FROM json_each(?))",
                        [json.dumps(done_in)],
                    )
                ],
            )
            if ends is not None:
                end_day, reason = ends
                self.db.execute(
                    "UPDATE coallocations SET end_date = ?, end_reason = ?, updated_at = ? WHERE id = ?",
                    [end_day.isoformat(), reason, signed_at, coallocation_id],
                )
                self.audit(
                    "end",
                    "coallocation",
                    coallocation_id,
                    on=end_day.isoformat(),
                    reason=reason,
                    closing_record=record_id,
                )
        return self.get_record(record_id)

    # -- signed content, as the checks read it --------------------------------------------------------
    def signed_hashes(self) -> dict[int, str]:
        """Every signed record's content hash as stored, by id (what a publish compares with the service's)."""
        return {
            int(rid): str(digest)
            for rid, digest in self.db.conn.execute(
                "SELECT id, content_hash FROM records WHERE status = 'signed'"
            )
        }

    def signed_inputs(self, record_ids: Sequence[int] | None = None) -> Iterator[SignedInputs]:
        """Everything a signed record's canonical content is computed from, record by record (id order):
        the record, its case reference, signatures and agreed actions, and its form definition's SHA-256
        recomputed from the stored text. ``record_ids`` limits it to those records (signed or not)."""
        conn = self.db.conn
        digests = {key: actual for key, (actual, _stored) in self.form_digests().items()}
        if record_ids is None:
            which, params = "r.status = 'signed'", []
            references = dict(conn.execute("SELECT id, reference FROM cases").fetchall())
        else:
            which = "r.id IN (SELECT value FROM json_each(?))"  # any number of ids (no variable per id)
            params = [json.dumps([int(i) for i in record_ids])]
            references = dict(
                conn.execute(
                    f"SELECT c.id, c.reference FROM cases c JOIN records r ON r.case_id = c.id WHERE {which}",
                    params,
                ).fetchall()
            )
        record_rows = self.db.query(f"SELECT r.* FROM records r WHERE {which} ORDER BY r.id", params)
        sig_rows = conn.execute(
            "SELECT s.record_id, s.worker_id, s.signer_name, s.signer_role, s.method, s.statement, s.image_png,"
            f" s.signed_at, s.id FROM records r JOIN signatures s ON s.record_id = r.id WHERE {which}"
            " ORDER BY s.record_id, s.id",
            params,
        )
        action_rows = conn.execute(
            "SELECT x.record_id, a.description, a.owner_worker_id, a.due_date, a.done_date, a.id FROM ("
            f" SELECT a.record_id AS record_id, a.id AS action_id FROM records r JOIN actions a"
            f" ON a.record_id = r.id WHERE {which}"
            f" UNION ALL SELECT c.record_id, c.action_id FROM records r JOIN action_carries c"
            f" ON c.record_id = r.id WHERE {which}"
            ") x JOIN actions a ON a.id = x.action_id ORDER BY x.record_id, a.id",
            params + params,
        )
        next_sig = next(sig_rows, None)
        next_action = next(action_rows, None)
        for row in record_rows:
            record = self._record(readable(row))
            rid = record.id
            signatures: list[Signature] = []
            while next_sig is not None and next_sig[0] <= rid:
                if next_sig[0] == rid:
                    r_id, worker, name, role, method, statement, image, at, sig_id = next_sig
                    signatures.append(
                        Signature(
                            r_id,
                            name,
                            role,
                            method,
                            statement,
                            datetime.fromisoformat(at),
                            worker,
                            image_png=image,
                            id=sig_id,
                        )
                    )
                next_sig = next(sig_rows, None)
            actions: list[Action] = []
            while next_action is not None and next_action[0] <= rid:
                if next_action[0] == rid:
                    r_id, description, owner, due, done, action_id = next_action
                    actions.append(Action(description, owner, to_day(due), to_day(done), r_id, action_id))
                next_action = next(action_rows, None)
            yield SignedInputs(
                record,
                str(references.get(record.case_id, "")),
                tuple(signatures),
                tuple(actions),
                digests.get((record.form_id, record.form_version), ""),
            )

    def count_signed_records(self) -> int:
        return int(self.db.conn.execute("SELECT count(*) FROM records WHERE status = 'signed'").fetchone()[0])

    # -- actions ----------------------------------------------------------------------------------
    @staticmethod
    def _action(row: dict[str, Any]) -> Action:
        return from_row(Action, row, due_date=to_day(row["due_date"]), done_date=to_day(row["done_date"]))

    def record_actions(self, record_id: int) -> list[Action]:
        """The actions a record agreed: its own rows and those it carried from the version it amends."""
        return [
            self._action(r)
            for r in self.db.query(
                "SELECT * FROM actions WHERE record_id = ? OR id IN"
                " (SELECT action_id FROM action_carries WHERE record_id = ?) ORDER BY id",
                [record_id, record_id],
            )
        ]

    def record_number(self, record_id: int) -> int:
        """The number people know a record by, whatever its version: the id of its first version."""
        current = record_id
        for _ in range(1000):  # a chain of amendments, each superseding one before
            row = self.db.conn.execute("SELECT supersedes_id FROM records WHERE id = ?", [current]).fetchone()
            if row is None or row[0] is None:
                return current
            current = int(row[0])
        return current

    def actions_for_record(self, record_id: int) -> list[Action]:
        return [
            self._action(r)
            for r in self.db.query("SELECT * FROM actions WHERE record_id = ? ORDER BY id", [record_id])
        ]

    def action_owners_for_case(self, case_id: int) -> set[int]:
        """The workers who own an action agreed in any record of the case."""
        return {
            int(r[0])
            for r in self.db.conn.execute(
                "SELECT DISTINCT a.owner_worker_id FROM records r JOIN actions a ON a.record_id = r.id"
                " WHERE r.case_id = ? AND a.owner_worker_id IS NOT NULL",
                [case_id],
            )
        }

    def open_actions(self, coallocation_id: int) -> list[Action]:
        """Actions agreed in signed records of a co-allocation that are not yet done.

        Driven from the co-allocation's records (the records_due index), then each record's actions
        (actions_record): never from the service-wide open-actions index, which reads every open action."""
        return [
            self._action(r)
            for r in self.db.query(
                "SELECT a.* FROM records r INDEXED BY records_due CROSS JOIN actions a INDEXED BY actions_record"
                " ON a.record_id = r.id WHERE r.coallocation_id = ? AND r.status = 'signed'"
                f" AND a.done_date IS NULL AND {CURRENT_ACTION} ORDER BY a.due_date, a.id",
                [coallocation_id],
            )
        ]
