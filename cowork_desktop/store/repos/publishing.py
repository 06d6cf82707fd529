"""What publishing to a service (``services/publish.py``) reads from the laptop's database: the current state of
the cases, co-allocations and workers, the stored form versions, the audit entries of signed records and the
completions of their actions, as plain rows. Reads only; drafts are never read here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cowork_desktop.store.base import StoreBase


class PublishingRepository(StoreBase):
    def service_rows(self) -> dict[str, list[dict[str, Any]]]:
        """The cases, co-allocations, workers and form versions, each table's rows in id order."""
        query = self.db.query
        return {
            "cases": list(
                query(
                    "SELECT id, reference, children_count, children_initials, plan_type, status, updated_at"
                    " FROM cases ORDER BY id"
                )
            ),
            "coallocations": list(
                query(
                    "SELECT ca.id, c.reference AS case_reference, ca.worker1_id, ca.worker2_id,"
                    " ca.lead_worker_id, ca.start_date, ca.end_date, ca.end_reason, ca.reasons, ca.updated_at"
                    " FROM coallocations ca JOIN cases c ON c.id = ca.case_id ORDER BY ca.id"
                )
            ),
            "workers": list(
                query("SELECT id, name, role, team, active, updated_at FROM workers ORDER BY id")
            ),
            "form_versions": list(
                query(
                    "SELECT form_id, version, definition, sha256 FROM form_versions ORDER BY form_id, version"
                )
            ),
        }

    def signed_record_cases(self) -> dict[int, str]:
        """Each signed record's case reference, by record id."""
        return {
            int(i): str(ref)
            for i, ref in self.db.conn.execute(
                "SELECT r.id, c.reference FROM records r JOIN cases c ON c.id = r.case_id WHERE r.status = 'signed'"
            )
        }

    def record_audit_entries(self, record_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
        """Each record's audit entries (entity ``record``), in chain order."""
        out: dict[int, list[dict[str, Any]]] = {rid: [] for rid in record_ids}
        ids = list(record_ids)
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            for row in self.db.query(
                "SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit_log"
                f" WHERE entity = 'record' AND entity_id IN ({','.join('?' * len(part))}) ORDER BY id",
                part,
            ):
                out[int(row["entity_id"])].append(row)
        return out

    def action_completions(self) -> list[dict[str, Any]]:
        """Every agreed action of a signed record that is done: its id, the day and the record it was done in."""
        return list(
            self.db.query(
                "SELECT a.id, a.record_id, a.done_date, a.done_in_record_id FROM actions a"
                " JOIN records r ON r.id = a.record_id"
                " WHERE r.status = 'signed' AND a.done_date IS NOT NULL ORDER BY a.id"
            )
        )
