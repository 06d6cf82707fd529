"""Workers and cases: the people who co-work and the cases they co-work on (and the case search)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cowork_desktop.domain.errors import NotFoundError, ValidationError
from cowork_desktop.domain.models import Case, CaseStatus, PlanType, Role, Worker
from cowork_desktop.domain.names import name_key
from cowork_desktop.store.base import StoreBase
from cowork_desktop.store.rows import from_row, now_utc

# they are written (plain SQL, no Python per row); a row written without one (by plain SQL) is keyed as it is
# read. The co-allocations of the (few) matching workers come by the worker indexes: reading every co-allocation
# to look at its workers' names scanned the whole table, twice per search. Each takes the search key once per ?.
_CASE_KEY = "CASE c.search_key WHEN '' THEN cowork_key(c.reference) ELSE c.search_key END"
_MATCHING_WORKERS = (
    "SELECT w.id FROM workers w"
    " WHERE instr(CASE w.search_key WHEN '' THEN cowork_key(w.name) ELSE w.search_key END, ?) > 0"
)
_COWORKERS_CASES = (
    f"SELECT ca.case_id FROM coallocations ca WHERE ca.worker1_id IN ({_MATCHING_WORKERS})"
    f" UNION SELECT ca.case_id FROM coallocations ca WHERE ca.worker2_id IN ({_MATCHING_WORKERS})"
)


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list: only what that screen shows."""

    id: int
    reference: str
    plan_type: str
    status: str
    children_count: int
    workers: str
    lead: str
    start_date: str | None
    coallocation_ended: bool


class PeopleRepository(StoreBase):
    # -- workers ----------------------------------------------------------------------------------
    @staticmethod
    def _worker(row: dict[str, Any]) -> Worker:
        return from_row(Worker, row, role=Role(row["role"]), active=bool(row["active"]))

    def add_worker(self, worker: Worker) -> Worker:
        errors = worker.validate()
        if errors:
            raise ValidationError(errors)
        stamp = now_utc().isoformat()
        with self.tx():
            cur = self.db.execute(
                "INSERT INTO workers (name, role, team, active, created_at, updated_at, search_key)"
                " VALUES (?,?,?,?,?,?,?)",
                [
                    worker.name.strip(),
                    worker.role.value,
                    worker.team.strip(),
                    int(worker.active),
                    stamp,
                    stamp,
                    name_key(worker.name),
                ],
            )
            worker_id = int(cur.lastrowid or 0)
            self.audit("create", "worker", worker_id, name=worker.name.strip(), role=worker.role.value)
        return self.get_worker(worker_id)

    def update_worker(self, worker: Worker) -> Worker:
        if worker.id is None:
            raise NotFoundError("worker has no id")
        errors = worker.validate()
        if errors:
            raise ValidationError(errors)
        before = self.get_worker(worker.id)
        with self.tx():
            self.db.execute(
                "UPDATE workers SET name=?, role=?, team=?, active=?, updated_at=?, search_key=? WHERE id=?",
                [
                    worker.name.strip(),
                    worker.role.value,
                    worker.team.strip(),
                    int(worker.active),
                    now_utc().isoformat(),
                    name_key(worker.name),
                    worker.id,
                ],
            )
            self.audit(
                "update",
                "worker",
                worker.id,
                before=before.__dict__ | {"role": before.role.value},
                after={
                    "name": worker.name,
                    "role": worker.role.value,
                    "team": worker.team,
                    "active": worker.active,
                },
            )
        return self.get_worker(worker.id)

    def get_worker(self, worker_id: int) -> Worker:
        return self._worker(self._by_id("workers", "worker", worker_id))

    def list_workers(self, active_only: bool = False) -> list[Worker]:
        where = "WHERE active = 1" if active_only else ""
        return [self._worker(r) for r in self.db.query(f"SELECT * FROM workers {where} ORDER BY name")]

    def find_worker(self, name: str) -> Worker:
        rows = list(self.db.query("SELECT * FROM workers WHERE name = ? COLLATE NOCASE", [name.strip()]))
        if not rows:
            raise NotFoundError(f"no worker named '{name}'")
        if len(rows) > 1:
            raise NotFoundError(f"more than one worker is named '{name}': use the worker id")
        return self._worker(rows[0])

    # -- cases ------------------------------------------------------------------------------------
    @staticmethod
    def _case(row: dict[str, Any]) -> Case:
        return from_row(Case, row, plan_type=PlanType(row["plan_type"]), status=CaseStatus(row["status"]))

    def add_case(self, case: Case) -> Case:
        errors = case.validate()
        if errors:
            raise ValidationError(errors)
        if self._one("SELECT id FROM cases WHERE reference = ?", [case.reference.strip()]):
            raise ValidationError(
                {"reference": f"A case with reference {case.reference.strip()} already exists."}
            )
        stamp = now_utc().isoformat()
        with self.tx():
            cur = self.db.execute(
                "INSERT INTO cases (reference, children_count, children_initials, plan_type, status, created_at,"
                " updated_at, search_key) VALUES (?,?,?,?,?,?,?,?)",
                [
                    case.reference.strip(),
                    case.children_count,
                    case.children_initials.strip(),
                    case.plan_type.value,
                    case.status.value,
                    stamp,
                    stamp,
                    name_key(case.reference),
                ],
            )
            case_id = int(cur.lastrowid or 0)
            self.audit("create", "case", case_id, reference=case.reference.strip())
        return self.get_case(case_id)

    def update_case(self, case: Case) -> Case:
        if case.id is None:
            raise NotFoundError("case has no id")
        errors = case.validate()
        other = self._one(
            "SELECT id FROM cases WHERE reference = ? AND id <> ?", [case.reference.strip(), case.id]
        )
        if other:
            errors["reference"] = f"A case with reference {case.reference.strip()} already exists."
        if errors:
            raise ValidationError(errors)
        before = self.get_case(case.id)
        with self.tx():
            self.db.execute(
                "UPDATE cases SET reference=?, children_count=?, children_initials=?, plan_type=?, status=?,"
                " updated_at=?, search_key=? WHERE id=?",
                [
                    case.reference.strip(),
                    case.children_count,
                    case.children_initials.strip(),
                    case.plan_type.value,
                    case.status.value,
                    now_utc().isoformat(),
                    name_key(case.reference),
                    case.id,
                ],
            )
            self.audit(
                "update",
                "case",
                case.id,
                before={
                    "reference": before.reference,
                    "plan_type": before.plan_type.value,
                    "status": before.status.value,
                },
                after={
                    "reference": case.reference,
                    "plan_type": case.plan_type.value,
                    "status": case.status.value,
                },
            )
        return self.get_case(case.id)

    def get_case(self, case_id: int) -> Case:
        return self._case(self._by_id("cases", "case", case_id))

    def find_case(self, reference: str) -> Case:
        row = self._one("SELECT * FROM cases WHERE reference = ?", [reference.strip()])
        if row is None:
            raise NotFoundError(f"no case with reference '{reference}'")
        return self._case(row)

    def count_cases(self, search: str = "") -> int:
        key = name_key(search)
        if not key:
            row = self.db.conn.execute("SELECT count(*) FROM cases").fetchone()
        else:
            # the cases whose reference matches, and those of the matching co-workers, counted once each
            row = self.db.conn.execute(
                f"SELECT count(*) FROM (SELECT c.id FROM cases c WHERE instr({_CASE_KEY}, ?) > 0"
                f" UNION {_COWORKERS_CASES})",
                [key, key, key],
            ).fetchone()
        return int(row[0]) if row else 0

    @staticmethod
    def _case_filter(search: str) -> tuple[str, list[Any]]:
        """Cases whose reference, or a co-worker's name, contains the search as typed: literally (``%`` and ``_``
        are characters, never wildcards), whatever the case of any letter ("ZOË" finds "Zoë"), at any length."""
        key = name_key(search)
        if not key:
            return "", []
        return f"WHERE instr({_CASE_KEY}, ?) > 0 OR c.id IN ({_COWORKERS_CASES})", [key, key, key]

    #: a case list row's columns: the case, and its latest co-allocation's workers
    _CASE_ROW = """
            SELECT c.id, c.reference, c.plan_type, c.status, c.children_count,
                   w1.name, w2.name, wl.name, ca.start_date, ca.end_date
            FROM {source}
            LEFT JOIN coallocations ca ON ca.id = (
                SELECT id FROM coallocations WHERE case_id = c.id ORDER BY start_date DESC, id DESC LIMIT 1)
            LEFT JOIN workers w1 ON w1.id = ca.worker1_id
            LEFT JOIN workers w2 ON w2.id = ca.worker2_id
            LEFT JOIN workers wl ON wl.id = ca.lead_worker_id
            {where}
            ORDER BY {order}
    """

    def _case_rows(self, sql: str, params: Sequence[Any]) -> list[CaseRow]:
        return [
            CaseRow(
                cid,
                reference,
                plan_type,
                status,
                children,
                " & ".join(n for n in (w1, w2) if n),
                lead or "",
                start,
                end is not None,
            )
            for cid, reference, plan_type, status, children, w1, w2, lead, start, end in self.db.conn.execute(
                sql, params
            )
        ]

    def list_cases(self, search: str = "", limit: int = 500, offset: int = 0) -> list[CaseRow]:
        """The case list (reference order), with each case's latest co-allocation's workers."""
        where, params = self._case_filter(search)
        sql = self._CASE_ROW.format(source="cases c", where=where, order="c.reference") + " LIMIT ? OFFSET ?"
        return self._case_rows(sql, [*params, limit, offset])

    def matching_case_ids(self, search: str) -> list[int] | None:
        """The ids of the cases the search finds (as :meth:`list_cases` does), in reference order: one pass over
        the cases for the count and every page of a search; None for an empty search (every case)."""
        key = name_key(search)
        if not key:
            return None
        # the matches found as count_cases finds them (a pass over the cases, the co-workers' by index), then
        # put in reference order: a scan in reference order tests every case, however few match
        return [
            row[0]
            for row in self.db.conn.execute(
                f"SELECT c.id FROM (SELECT c.id FROM cases c WHERE instr({_CASE_KEY}, ?) > 0"
                f" UNION {_COWORKERS_CASES}) AS m JOIN cases c ON c.id = m.id ORDER BY c.reference",
                [key, key, key],
            )
        ]

    def case_rows_by_id(self, case_ids: Sequence[int]) -> list[CaseRow]:
        """The case list's rows of these cases, in the order given."""
        if not case_ids:
            return []
        sql = self._CASE_ROW.format(
            source="json_each(?) AS j JOIN cases c ON c.id = j.value", where="", order="j.key"
        )
        return self._case_rows(sql, [json.dumps(list(case_ids))])
