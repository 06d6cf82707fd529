"""Co-allocations: two workers on one case, from a start date to an end date."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import Any

from cowork_desktop.domain.errors import NotFoundError, UniqueConflict, ValidationError
from cowork_desktop.domain.models import ONE_OPEN_COALLOCATION, CoAllocation, Reason
from cowork_desktop.store.repos.people import PeopleRepository
from cowork_desktop.store.rows import from_row, now_utc, to_day, to_iso


def _written(ca: CoAllocation) -> list[Any]:
    """What an insert and an update both write of a co-allocation, in the order of their columns: the workers,
    the lead, the dates, the end reason and the reasons."""
    return [
        ca.worker1_id,
        ca.worker2_id,
        ca.lead_worker_id,
        ca.start_date.isoformat(),
        to_iso(ca.end_date),
        ca.end_reason,
        json.dumps([r.value for r in ca.reasons]),
    ]


class CoAllocationRepository(PeopleRepository):
    # -- co-allocations ---------------------------------------------------------------------------
    @staticmethod
    def _coallocation(row: dict[str, Any]) -> CoAllocation:
        return from_row(
            CoAllocation,
            row,
            start_date=date.fromisoformat(row["start_date"]),
            reasons=[Reason(r) for r in json.loads(row["reasons"])],
            end_date=to_day(row["end_date"]),
        )

    def add_coallocation(self, ca: CoAllocation) -> CoAllocation:
        errors = ca.validate()
        for field_name in ("worker1_id", "worker2_id"):
            if field_name not in errors and not self._one(
                "SELECT id FROM workers WHERE id = ?", [getattr(ca, field_name)]
            ):
                errors[field_name] = "Choose an existing worker."
        self.get_case(ca.case_id)
        errors |= ca.open_clash(self.coallocations_for_case(ca.case_id))
        if errors:
            raise ValidationError(errors)
        stamp = now_utc().isoformat()
        with self._one_open(), self.tx():
            cur = self.db.execute(
                "INSERT INTO coallocations (case_id, worker1_id, worker2_id, lead_worker_id, start_date, end_date,"
                " end_reason, reasons, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [
                    ca.case_id,
                    *_written(ca),
                    stamp,
                    stamp,
                ],
            )
            ca_id = int(cur.lastrowid or 0)
            self.audit(
                "create",
                "coallocation",
                ca_id,
                case_id=ca.case_id,
                workers=[ca.worker1_id, ca.worker2_id],
                lead=ca.lead_worker_id,
            )
        return self.get_coallocation(ca_id)

    def update_coallocation(self, ca: CoAllocation) -> CoAllocation:
        if ca.id is None:
            raise NotFoundError("co-allocation has no id")
        before = self.get_coallocation(ca.id)
        errors = ca.validate() | replace(ca, case_id=before.case_id).open_clash(
            self.coallocations_for_case(before.case_id)
        )
        if errors:
            raise ValidationError(errors)
        with self._one_open(), self.tx():
            self.db.execute(
                "UPDATE coallocations SET worker1_id=?, worker2_id=?, lead_worker_id=?, start_date=?, end_date=?,"
                " end_reason=?, reasons=?, updated_at=? WHERE id=?",
                [
                    *_written(ca),
                    now_utc().isoformat(),
                    ca.id,
                ],
            )
            self.audit(
                "update",
                "coallocation",
                ca.id,
                before={"lead": before.lead_worker_id, "end_date": to_iso(before.end_date)},
                after={"lead": ca.lead_worker_id, "end_date": to_iso(ca.end_date)},
            )
        return self.get_coallocation(ca.id)

    @contextmanager
    def _one_open(self) -> Iterator[None]:
        """The unique index ``coallocations_one_open``'s refusal (another window added or re-opened one a moment
        ago), in the words of :meth:`CoAllocation.open_clash`."""
        try:
            yield
        except UniqueConflict as exc:
            if exc.constraint == "coallocations.case_id":
                raise ValidationError({"case_id": ONE_OPEN_COALLOCATION}) from None
            raise

    def get_coallocation(self, ca_id: int) -> CoAllocation:
        return self._coallocation(self._by_id("coallocations", "co-allocation", ca_id))

    def coallocations_for_case(self, case_id: int) -> list[CoAllocation]:
        return [
            self._coallocation(r)
            for r in self.db.query(
                "SELECT * FROM coallocations WHERE case_id = ? ORDER BY start_date, id", [case_id]
            )
        ]

    def latest_coallocations(self) -> dict[int, CoAllocation]:
        """Every case's latest co-allocation (as :meth:`coallocations_for_case`'s last), by case id: one query."""
        rows = self.db.query(
            "SELECT * FROM coallocations ca WHERE ca.id = (SELECT id FROM coallocations"
            " WHERE case_id = ca.case_id ORDER BY start_date DESC, id DESC LIMIT 1)"
        )
        return {r["case_id"]: self._coallocation(r) for r in rows}
