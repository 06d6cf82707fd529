"""The service's side of publishing: what it already has, and the writes, each unit in one transaction.

Signed records and everything about them are inserted ``ON CONFLICT DO NOTHING`` keyed by content (a second
publish inserts nothing); the current state of the cases, co-allocations and workers is upserted, and a row that
has not changed is not written. The team of every row is the login's own (``team_of(current_user)``), which the
row-level security policies check again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import psycopg

from cowork_desktop.domain.errors import ServiceError
from cowork_desktop.service_store.connection import connect, translate


@dataclass(frozen=True)
class PublishedRecord:
    """One signed record as the service keeps it."""

    content_hash: str
    local_id: int
    case_reference: str
    coallocation_id: int
    kind: str
    meeting_date: str
    version: int
    supersedes_id: int | None
    form_id: str
    form_version: int
    canon: int
    content: str  # the canonical JSON the hash is of
    signed_at: str | None
    signatures: Sequence[dict[str, Any]] = field(default=())
    actions: Sequence[dict[str, Any]] = field(default=())
    audit: Sequence[dict[str, Any]] = field(default=())


def _changed(table: str, key: Sequence[str], columns: Sequence[str]) -> str:
    """An upsert that writes only when the row differs. The team is compared too: a row of another team is
    always written, so its row-level security policy refuses it (a conflict nobody may update is an error)."""
    names = [*key, *columns]
    columns = ["team", *columns]
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns)
    differs = f"({', '.join(f'{table}.{c}' for c in columns)}) IS DISTINCT FROM ({', '.join(f'EXCLUDED.{c}' for c in columns)})"
    return (
        f"INSERT INTO {table} (team, {', '.join(names)}) VALUES (%s, {', '.join(['%s'] * len(names))})"
        f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates} WHERE {differs}"
    )


CASES = _changed(
    "cases",
    ["reference"],
    ["source", "local_id", "children_count", "children_initials", "plan_type", "status", "updated_at"],
)
WORKERS = _changed("workers", ["source", "local_id"], ["name", "role", "worker_team", "active", "updated_at"])
COALLOCATIONS = _changed(
    "coallocations",
    ["source", "local_id"],
    [
        "case_reference",
        "worker1_id",
        "worker2_id",
        "lead_worker_id",
        "start_date",
        "end_date",
        "end_reason",
        "reasons",
        "updated_at",
    ],
)


class ServiceWriter:
    """One connection to the service with a manager's login."""

    def __init__(self, url: str) -> None:
        self.conn = connect(url)
        row = self._run("SELECT team_of(current_user), is_head(current_user)").fetchone()
        self.team: str | None = str(row[0]) if row and row[0] is not None else None
        if self.team is None:
            head = bool(row and row[1])
            self.close()
            raise ServiceError(
                "this login reads the service and writes nothing (head of service)"
                if head
                else "this login is not a manager of a team on the service (cowork service user add)"
            )
        #: rows inserted or changed, by table, over this connection's life
        self.written: dict[str, int] = {}

    def close(self) -> None:
        self.conn.close()

    def _run(self, query: str, params: Sequence[Any] | None = None) -> psycopg.Cursor[tuple[Any, ...]]:
        try:
            return self.conn.execute(query.encode(), params)
        except psycopg.Error as exc:
            raise translate(exc) from None

    def _counted(self, table: str, count: int) -> int:
        """``count`` rows of ``table`` inserted or changed: added to what this run wrote."""
        if count > 0:
            self.written[table] = self.written.get(table, 0) + count
        return count

    def _many(self, table: str, query: str, rows: Sequence[Sequence[Any]]) -> int:
        if not rows:
            return 0
        try:
            with self.conn.cursor() as cur:
                cur.executemany(query.encode(), rows, returning=False)
                count = cur.rowcount
        except psycopg.Error as exc:
            raise translate(exc) from None
        return self._counted(table, count)

    def _append(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
        """Insert ``rows`` into an append-only ``table`` (``ON CONFLICT DO NOTHING``) in two statements whatever
        their number: COPY into a temporary table of the same columns, then one INSERT ... SELECT, so that the
        policies, triggers and constraints check every row as they would an INSERT of each (a row-by-row
        INSERT costs a round of the protocol per row: 125 microseconds, 2 minutes for a 10,000-case laptop's
        first publish). Inside the caller's transaction; the staging rows go at its end."""
        if not rows:
            return 0
        names = ", ".join(columns)
        stage = f"stage_{table}"
        try:
            with self.conn.cursor() as cur:
                cur.execute(
                    f"CREATE TEMP TABLE IF NOT EXISTS {stage} (LIKE {table} INCLUDING DEFAULTS)"
                    " ON COMMIT DELETE ROWS".encode()
                )
                cur.execute(f"TRUNCATE {stage}".encode())
                with cur.copy(f"COPY {stage} ({names}) FROM STDIN".encode()) as copy:
                    for row in rows:
                        copy.write_row(row)
                cur.execute(
                    f"INSERT INTO {table} ({names}) SELECT {names} FROM {stage} ON CONFLICT DO NOTHING".encode()
                )
                count = cur.rowcount
        except psycopg.Error as exc:
            raise translate(exc) from None
        return self._counted(table, count)

    def handed_away(self) -> dict[str, tuple[str, str, str]]:
        """The cases this login's team handed over and no longer holds: by reference, the manager and team
        that received them last (as far as this team may see) and when; none on a service whose schema
        predates handovers (service migration m003: ``cowork service init`` applies it)."""
        if self._run("SELECT to_regclass('handovers')").fetchone() in (None, (None,)):
            return {}
        found = self._run(
            "SELECT DISTINCT ON (case_reference) case_reference, to_manager, to_team, handed_over_at::date::text"
            " FROM handovers ORDER BY case_reference, id DESC"
        )
        return {str(r[0]): (str(r[1]), str(r[2]), str(r[3])) for r in found if r[2] != self.team}

    def published_hashes(self, source: str) -> set[str]:
        """The content hashes of the records the service already has from this laptop's database."""
        return {str(r[0]) for r in self._run("SELECT content_hash FROM records WHERE source = %s", [source])}

    def put_current_state(
        self,
        source: str,
        rows: dict[str, list[dict[str, Any]]],
        certificates: Sequence[Sequence[Any]],
    ) -> None:
        """Form versions, certificates, workers, cases and co-allocations, in one transaction."""
        team = self.team
        try:
            with self.conn.transaction():
                self._many(
                    "form_versions",
                    "INSERT INTO form_versions (form_id, version, definition, sha256) VALUES (%s, %s, %s, %s)"
                    " ON CONFLICT DO NOTHING",
                    [
                        (f["form_id"], f["version"], f["definition"], f["sha256"])
                        for f in rows["form_versions"]
                    ],
                )
                self._check_forms(rows["form_versions"])
                self._many(
                    "certificates",
                    "INSERT INTO certificates (fingerprint, subject, common_name, issuer, serial, not_before,"
                    " not_after, der) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                    certificates,
                )
                self._many(
                    "workers",
                    WORKERS,
                    [
                        (
                            team,
                            source,
                            w["id"],
                            w["name"],
                            w["role"],
                            w["team"],
                            bool(w["active"]),
                            w["updated_at"],
                        )
                        for w in rows["workers"]
                    ],
                )
                self._many(
                    "cases",
                    CASES,
                    [
                        (team, c["reference"], source, c["id"], c["children_count"], c["children_initials"],
                         c["plan_type"], c["status"], c["updated_at"])
                        for c in rows["cases"]
                    ],
                )  # fmt: skip
                self._many(
                    "coallocations",
                    COALLOCATIONS,
                    [
                        (team, source, ca["id"], ca["case_reference"], ca["worker1_id"], ca["worker2_id"],
                         ca["lead_worker_id"], ca["start_date"], ca["end_date"], ca["end_reason"],
                         ca["reasons"], ca["updated_at"])
                        for ca in rows["coallocations"]
                    ],
                )  # fmt: skip
        except psycopg.Error as exc:
            raise translate(exc) from None

    def _check_forms(self, forms: Sequence[dict[str, Any]]) -> None:
        held = {
            (str(r[0]), int(r[1])): str(r[2])
            for r in self._run("SELECT form_id, version, sha256 FROM form_versions")
        }
        for f in forms:
            if held.get((f["form_id"], f["version"])) != f["sha256"]:
                raise ServiceError(
                    f"the service holds another form {f['form_id']} v{f['version']} than this database: "
                    "nothing published"
                )

    def put_records(self, source: str, records: Sequence[PublishedRecord]) -> None:
        """A batch of signed records with their signatures, actions and audit entries, in one transaction."""
        team = self.team
        try:
            with self.conn.transaction():
                inserted = self._append(
                    "records",
                    ("content_hash", "team", "source", "local_id", "case_reference", "coallocation_id", "kind",
                     "meeting_date", "version", "supersedes_id", "form_id", "form_version", "canon", "content",
                     "signed_at"),
                    [
                        (r.content_hash, team, source, r.local_id, r.case_reference, r.coallocation_id, r.kind,
                         r.meeting_date, r.version, r.supersedes_id, r.form_id, r.form_version, r.canon,
                         r.content, r.signed_at)
                        for r in records
                    ],
                )  # fmt: skip
                if inserted != len(
                    records
                ):  # the service has some under another team (out of this login's sight)
                    raise ServiceError(
                        f"{len(records) - inserted} of these signed records are already on the service under "
                        "another team: nothing of this batch was published (a handover moves a case)"
                    )
                self._append(
                    "signatures",
                    ("record_hash", "position", "team", "worker_id", "signer_name", "signer_role", "method",
                     "statement", "image_png", "signed_at"),
                    [
                        (r.content_hash, n, team, s["worker_id"], s["signer_name"], s["signer_role"], s["method"],
                         s["statement"], s["image_png"], s["signed_at"])
                        for r in records
                        for n, s in enumerate(r.signatures, start=1)
                    ],
                )  # fmt: skip
                self._append(
                    "actions",
                    ("record_hash", "local_id", "team", "description", "owner_worker_id", "due_date"),
                    [
                        (r.content_hash, a["id"], team, a["description"], a["owner_worker_id"], a["due_date"])
                        for r in records
                        for a in r.actions
                    ],
                )
                self._append(
                    "audit",
                    ("source", "id", "team", "record_hash", "at", "actor", "action", "entity", "entity_id",
                     "detail", "prev_hash", "hash"),
                    [
                        (source, e["id"], team, r.content_hash, e["at"], e["actor"], e["action"], e["entity"],
                         e["entity_id"], e["detail"], e["prev_hash"], e["hash"])
                        for r in records
                        for e in r.audit
                    ],
                )  # fmt: skip
        except psycopg.Error as exc:
            raise translate(exc) from None

    def put_completions(self, source: str, completions: Sequence[tuple[Any, ...]]) -> None:
        """Agreed actions done since their record was signed: (action id, record hash, done date, done in)."""
        try:
            with self.conn.transaction():
                self._append(
                    "action_completions",
                    ("source", "action_id", "team", "record_hash", "done_date", "done_in_record_id"),
                    [(source, c[0], self.team, c[1], c[2], c[3]) for c in completions],
                )
        except psycopg.Error as exc:
            raise translate(exc) from None
