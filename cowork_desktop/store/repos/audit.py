"""Reading the audit chain and keeping its signed heads (an entry is appended by :meth:`StoreBase.audit`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cowork_desktop.domain.audit import GENESIS
from cowork_desktop.domain.audit import Entry as AuditEntry
from cowork_desktop.store.base import ENTRY_COLUMNS, AuditRef, StoreBase
from cowork_desktop.store.rows import now_utc


@dataclass(frozen=True)
class AuditHead:
    id: int
    audit_id: int
    head_hash: str
    fingerprint: str
    signature: bytes
    signed_at: str


class AuditRepository(StoreBase):
    def chain_head(self) -> AuditRef:
        """The last audit entry's id and hash (id 0 and the genesis hash for an empty log)."""
        last = self.db.conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        return AuditRef(int(last[0]), str(last[1])) if last else AuditRef(0, GENESIS)

    def audit_entry(self, entry_id: int) -> AuditEntry | None:
        row = self.db.conn.execute(
            f"SELECT {ENTRY_COLUMNS} FROM audit_log WHERE id = ?", [entry_id]
        ).fetchone()
        return AuditEntry(*row) if row else None

    def chain_entries(self, after_id: int = 0) -> Iterator[AuditEntry]:
        """Every audit entry after ``after_id``, in id order, as the chain check reads them."""
        for row in self.db.conn.execute(
            f"SELECT {ENTRY_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id", [after_id]
        ):
            yield AuditEntry(*row)

    def entries_of(self, action: str, entity: str, entity_id: int | None = None) -> list[AuditEntry]:
        """The audit entries of one kind (``export`` of a ``record``, say), oldest first."""
        sql = f"SELECT {ENTRY_COLUMNS} FROM audit_log WHERE action = ? AND entity = ?"
        params: list[Any] = [action, entity]
        if entity_id is not None:
            sql += " AND entity_id = ?"
            params.append(entity_id)
        return [AuditEntry(*row) for row in self.db.conn.execute(sql + " ORDER BY id", params)]

    def add_audit_head(self, audit_id: int, head_hash: str, fingerprint: str, signature: bytes) -> None:
        """Keep a chain head signed with the manager's key (inside the caller's transaction)."""
        self.db.execute(
            "INSERT INTO audit_heads (audit_id, head_hash, fingerprint, signature, signed_at) VALUES (?,?,?,?,?)",
            [audit_id, head_hash, fingerprint, signature, now_utc().isoformat()],
        )

    def audit_heads(self) -> list[AuditHead]:
        return [
            AuditHead(*row)
            for row in self.db.conn.execute(
                "SELECT id, audit_id, head_hash, fingerprint, signature, signed_at FROM audit_heads ORDER BY id"
            )
        ]

    # -- audit ------------------------------------------------------------------------------------
    def audit_entries(self, entity: str | None = None, entity_id: int | None = None) -> list[dict[str, Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if entity is not None:
            clauses.append("entity = ?")
            params.append(entity)
        if entity_id is not None:
            clauses.append("entity_id = ?")
            params.append(entity_id)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return list(self.db.query(f"SELECT * FROM audit_log {where} ORDER BY id", params))
