"""A case's signed history pulled from the service (migration m012): kept beside this database's own records,
read-only, each row tied to the audit entry of the pull that added it (see ``domain/pulled.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import astuple, dataclass, fields
from typing import Any

from cowork_desktop.domain.models import Case
from cowork_desktop.domain.names import name_key
from cowork_desktop.domain.pulled import (
    PULL_ACTION,
    PULL_END_ACTION,
    History,
    PulledAction,
    PulledAuditEntry,
    PulledCertificate,
    PulledCompletion,
    PulledForm,
    PulledHandover,
    PulledRecord,
    PulledSignature,
)
from cowork_desktop.store.base import AuditRef, StoreBase
from cowork_desktop.store.rows import now_utc

#: each kind of pulled row: its table and the columns of its dataclass, in order
_TABLES: tuple[tuple[str, str, type], ...] = (
    ("records", "pulled_records", PulledRecord),
    ("signatures", "pulled_signatures", PulledSignature),
    ("actions", "pulled_actions", PulledAction),
    ("completions", "pulled_completions", PulledCompletion),
    ("audit", "pulled_audit", PulledAuditEntry),
    ("certificates", "pulled_certificates", PulledCertificate),
    ("handovers", "pulled_handovers", PulledHandover),
)
#: the key of each kind of row: what makes a second pull of it add nothing
_KEYS = {
    "records": ("content_hash",),
    "signatures": ("record_hash", "position"),
    "actions": ("record_hash", "origin_id"),
    "completions": ("source", "action_origin_id"),
    "audit": ("source", "origin_id"),
    "certificates": ("fingerprint",),
    "handovers": ("id",),
}


def _columns(kind: type) -> list[str]:
    return [f.name for f in fields(kind)]


@dataclass(frozen=True)
class PullWritten:
    case_id: int
    case_made: bool
    entry: AuditRef | None  # None when nothing was new


class PulledRepository(StoreBase):
    def pulled_case_id(self, reference: str) -> int | None:
        """The local case a pull of ``reference`` made or filled, if any."""
        row = self.db.conn.execute(
            "SELECT case_id FROM pulled_cases WHERE reference = ?", [reference]
        ).fetchone()
        return int(row[0]) if row else None

    def pulled_keys(self, reference: str) -> dict[str, set[tuple[Any, ...]]]:
        """The keys of the rows already pulled for a case (certificates: every one pulled)."""
        conn = self.db.conn
        out: dict[str, set[tuple[Any, ...]]] = {}
        for kind, table, _ in _TABLES:
            keys = ", ".join(f"t.{k}" for k in _KEYS[kind])
            if kind == "certificates":
                sql, params = f"SELECT {keys} FROM {table} t", []
            elif kind in ("handovers", "records"):
                sql, params = f"SELECT {keys} FROM {table} t WHERE t.case_reference = ?", [reference]
            else:
                sql = (
                    f"SELECT {keys} FROM {table} t JOIN pulled_records r ON r.content_hash = t.record_hash"
                    " WHERE r.case_reference = ?"
                )
                params = [reference]
            out[kind] = {tuple(row) for row in conn.execute(sql, params)}
        return out

    def own_record_hashes(self, reference: str) -> dict[int, str]:
        """This database's own signed records of a case, by id: their content hashes."""
        return {
            int(i): str(h)
            for i, h in self.db.conn.execute(
                "SELECT r.id, r.content_hash FROM records r JOIN cases c ON c.id = r.case_id"
                " WHERE c.reference = ? AND r.status = 'signed'",
                [reference],
            )
        }

    def write_pull(
        self,
        case: Case,
        case_id: int | None,
        new: History,
        forms: Sequence[PulledForm],
        detail: dict[str, Any],
    ) -> PullWritten:
        """In one transaction: the local case (made when ``case_id`` is None), the pull's entry in the audit chain
        (``detail``), the case's link to what was pulled, the form versions this database lacks and the new rows.
        Nothing at all when nothing is new and the case is there."""
        made = case_id is None
        if not made and new.empty and not forms:
            assert case_id is not None
            return PullWritten(case_id, False, None)
        stamp = now_utc().isoformat()
        with self.tx():
            conn = self.db.conn
            if case_id is None:
                cur = conn.execute(
                    "INSERT INTO cases (reference, children_count, children_initials, plan_type, status,"
                    " created_at, updated_at, search_key) VALUES (?,?,?,?,?,?,?,?)",
                    [case.reference, case.children_count, case.children_initials, case.plan_type.value,
                     case.status.value, stamp, stamp, name_key(case.reference)],
                )  # fmt: skip
                case_id = int(cur.lastrowid or 0)
                self.audit("create", "case", case_id, reference=case.reference, pulled=True)
            entry = self.audit(PULL_ACTION, "case", case_id, **detail)
            if conn.execute("SELECT 1 FROM pulled_cases WHERE case_id = ?", [case_id]).fetchone() is None:
                conn.execute(
                    "INSERT INTO pulled_cases (case_id, reference, pull_id) VALUES (?, ?, ?)",
                    [case_id, case.reference, entry.id],
                )
            conn.executemany(
                "INSERT INTO form_versions (form_id, version, definition, sha256, first_used_at)"
                " VALUES (?, ?, ?, ?, ?)",
                [(f.form_id, f.version, f.definition, f.sha256, stamp) for f in forms],
            )
            for kind, table, row_type in _TABLES:
                rows = getattr(new, kind)
                if not rows:
                    continue
                names = _columns(row_type)
                conn.executemany(
                    f"INSERT INTO {table} (pull_id, {', '.join(names)}) VALUES (?, {', '.join('?' * len(names))})",
                    [(entry.id, *astuple(row)) for row in rows],
                )
            # the pull's end: its entry is no longer the last, so nothing more can be added under it
            self.audit(PULL_END_ACTION, "case", case_id, pull_entry=entry.id)
        return PullWritten(case_id, made, entry)

    def pulled_history(self, pull_id: int | None = None, reference: str | None = None) -> History:
        """The pulled rows: those one pull added, those of one case (by reference), or all."""
        out = History()
        for kind, table, row_type in _TABLES:
            names = _columns(row_type)
            sql = f"SELECT {', '.join('t.' + n for n in names)} FROM {table} t"
            params: list[Any] = []
            if pull_id is not None:
                sql += " WHERE t.pull_id = ?"
                params.append(pull_id)
            elif reference is not None and kind in ("records", "handovers"):
                sql += " WHERE t.case_reference = ?"
                params.append(reference)
            elif reference is not None and kind != "certificates":
                sql += " JOIN pulled_records r ON r.content_hash = t.record_hash WHERE r.case_reference = ?"
                params.append(reference)
            setattr(
                out, kind, [row_type(*row) for row in self.db.conn.execute(sql + " ORDER BY t.rowid", params)]
            )
        return out

    def pull_ids_in_rows(self) -> set[int]:
        """Every pull id a pulled row names."""
        return {
            int(row[0])
            for table in (t for _, t, _ in _TABLES)
            for row in self.db.conn.execute(f"SELECT DISTINCT pull_id FROM {table}")
        } | {int(row[0]) for row in self.db.conn.execute("SELECT DISTINCT pull_id FROM pulled_cases")}

    def pulled_certificates(self) -> list[PulledCertificate]:
        names = _columns(PulledCertificate)
        return [
            PulledCertificate(*row)
            for row in self.db.conn.execute(
                f"SELECT {', '.join(names)} FROM pulled_certificates ORDER BY rowid"
            )
        ]

    def pulled_record(self, content_hash: str) -> PulledRecord | None:
        names = _columns(PulledRecord)
        row = self.db.conn.execute(
            f"SELECT {', '.join(names)} FROM pulled_records WHERE content_hash = ?", [content_hash]
        ).fetchone()
        return PulledRecord(*row) if row else None

    def count_pulled_records(self) -> int:
        return int(self.db.conn.execute("SELECT count(*) FROM pulled_records").fetchone()[0])

    def pulled_records_of(self, reference: str) -> list[PulledRecord]:
        """A case's pulled records, by meeting date."""
        names = _columns(PulledRecord)
        return [
            PulledRecord(*row)
            for row in self.db.conn.execute(
                f"SELECT {', '.join(names)} FROM pulled_records WHERE case_reference = ?"
                " ORDER BY meeting_date, source, origin_id",
                [reference],
            )
        ]
