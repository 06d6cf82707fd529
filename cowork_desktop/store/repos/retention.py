"""What retention (``services/retention.py``) reads to find the co-allocations due for purging, and the purge
itself: the one deliberate path that deletes signed records. The rules (when one is due) stay in the service."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cowork_desktop.domain.models import RecordStatus
from cowork_desktop.store import derived
from cowork_desktop.store.base import StoreBase
from cowork_desktop.store.rows import now_utc


@dataclass(frozen=True)
class EndedCoAllocation:
    id: int
    case_id: int
    case_reference: str
    end_date: date


@dataclass(frozen=True)
class Purge:
    """One co-allocation to purge, and what its audit entry keeps besides the record ids (read here)."""

    coallocation_id: int
    case_id: int
    whole_case: bool  # the case goes too, when nothing else of it remains
    detail: dict[str, Any] = field(default_factory=dict)


class RetentionRepository(StoreBase):
    def ended_coallocations(self, on: date) -> list[EndedCoAllocation]:
        """The co-allocations ended on or before ``on``, by end date."""
        return [
            EndedCoAllocation(int(ca_id), int(case_id), str(reference), date.fromisoformat(end))
            for ca_id, case_id, end, reference in self.db.conn.execute(
                "SELECT ca.id, ca.case_id, ca.end_date, c.reference FROM coallocations ca"
                " JOIN cases c ON c.id = ca.case_id"
                " WHERE ca.end_date IS NOT NULL AND ca.end_date <= ? ORDER BY ca.end_date, ca.id",
                [on.isoformat()],
            )
        ]

    def record_statuses(self, coallocation_id: int) -> list[tuple[int, RecordStatus]]:
        """``(record id, status)`` of every record of a co-allocation."""
        return [
            (int(rid), RecordStatus(status))
            for rid, status in self.db.conn.execute(
                "SELECT id, status FROM records WHERE coallocation_id = ? ORDER BY id", [coallocation_id]
            )
        ]

    def record_exports(self, record_ids: Sequence[int]) -> list[tuple[int, str, dict[str, Any]]]:
        """``(record id, at, detail)`` of every audited export of these records (a detail that does not parse
        reads as empty)."""
        if not record_ids:
            return []
        marks = ",".join("?" * len(record_ids))
        found: list[tuple[int, str, dict[str, Any]]] = []
        for entity_id, at, text in self.db.conn.execute(
            "SELECT entity_id, at, detail FROM audit_log WHERE action = 'export' AND entity = 'record'"
            f" AND entity_id IN ({marks})",
            list(record_ids),
        ):
            try:
                detail = json.loads(text)
            except ValueError:
                detail = {}
            found.append((int(entity_id), str(at), detail if isinstance(detail, dict) else {}))
        return found

    def referred_from_outside(self, coallocation_id: int, record_ids: Sequence[int]) -> bool:
        """An action of another record was marked done in one of these records, or a record of another
        co-allocation links to or amends one of them."""
        if not record_ids:
            return False
        marks = ",".join("?" * len(record_ids))
        ids = list(record_ids)
        row = self.db.conn.execute(
            f"SELECT 1 FROM actions WHERE done_in_record_id IN ({marks}) AND record_id NOT IN ({marks})"
            f" UNION ALL SELECT 1 FROM records WHERE (linked_record_id IN ({marks})"
            f" OR supersedes_id IN ({marks})) AND coallocation_id <> ? LIMIT 1",
            [*ids, *ids, *ids, *ids, coallocation_id],
        ).fetchone()
        return row is not None

    def case_has_other_coallocations(self, case_id: int, coallocation_id: int) -> bool:
        row = self.db.conn.execute(
            "SELECT 1 FROM coallocations WHERE case_id = ? AND id <> ? LIMIT 1", [case_id, coallocation_id]
        ).fetchone()
        return row is not None

    def purge_coallocations(self, purges: Sequence[Purge]) -> None:
        """Delete each co-allocation with its records, signatures and actions (and its case when ``whole_case``
        and nothing else of it remains), in one transaction. Each is audited first (``purge``, with its record
        ids), then authorised in ``purge_authorisations`` (the triggers let only an ended co-allocation,
        authorised right after its audit entry, go), deleted, and the authorisation withdrawn."""
        with self.tx() as db:
            for p in purges:
                ca = p.coallocation_id
                record_ids = [
                    int(r[0]) for r in db.execute("SELECT id FROM records WHERE coallocation_id = ?", [ca])
                ]
                entry = self.audit(
                    "purge",
                    "coallocation",
                    ca,
                    case_id=p.case_id,
                    whole_case=p.whole_case,
                    record_ids=record_ids,
                    **p.detail,
                )
                db.execute(
                    "INSERT INTO purge_authorisations (coallocation_id, audit_id, authorised_at) VALUES (?, ?, ?)",
                    [ca, entry.id, now_utc().isoformat()],
                )
                in_set = "SELECT id FROM records WHERE coallocation_id = ?"
                db.execute(f"DELETE FROM signatures WHERE record_id IN ({in_set})", [ca])
                db.execute(f"DELETE FROM action_carries WHERE record_id IN ({in_set})", [ca])
                db.execute(f"DELETE FROM actions WHERE record_id IN ({in_set})", [ca])
                db.execute("DELETE FROM records WHERE coallocation_id = ?", [ca])
                db.execute("DELETE FROM purge_authorisations WHERE coallocation_id = ?", [ca])
                db.execute("DELETE FROM coallocations WHERE id = ?", [ca])
                if p.whole_case:
                    db.execute(
                        "DELETE FROM cases WHERE id = ? AND NOT EXISTS"
                        " (SELECT 1 FROM coallocations WHERE case_id = ?)",
                        [p.case_id, p.case_id],
                    )
            # what the team's promises count, without the purged records' actions
            derived.refresh(db.conn, [p.case_id for p in purges])
