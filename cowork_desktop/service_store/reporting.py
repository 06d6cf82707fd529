"""The service's side of ``cowork service report``: read, as the login (row-level security decides which teams it
sees; a head of service sees every team), what the laptop's rules need, in one read-only snapshot. No rule here:
:mod:`cowork_desktop.services.service_report` builds the domain's inputs from these rows and runs the laptop's
own rules on them.

From each published record only what the rules read of its answers is sent back: the answers to the questions
named (``answer_keys``) from the parsed answers the server keeps beside the signed content (migration m004), so
the report moves kilobytes per case, not the whole signed text. Cases are read in chunks (``chunk``), each chunk's records and actions together, so a
service of any size is reckoned in bounded memory.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import psycopg

from cowork_desktop.domain.errors import ServiceError
from cowork_desktop.service_store.connection import connect, translate

#: cases per chunk read (their records and actions in two statements)
CHUNK = 2000


@dataclass(frozen=True, slots=True)
class CoallocationRow:
    team: str
    source: str
    local_id: int
    case_reference: str
    case_local_id: int
    worker1_id: int
    worker2_id: int
    lead_worker_id: int
    start_date: date
    end_date: date | None
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WorkerRow:
    source: str
    local_id: int
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class RecordRow:
    """A published record: its columns, and of its canonical content only the linked record and the answers
    to the questions asked for."""

    source: str
    local_id: int
    case_reference: str
    coallocation_id: int
    kind: str
    meeting_date: date
    supersedes_id: int | None
    form_id: str
    form_version: int
    linked_record_id: int | None
    answers: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ActionRow:
    """An action agreed in a published record (carried ones listed with the amendment that carries them), with
    the day it was done (None: not done, as far as the service knows)."""

    source: str
    record_id: int
    case_reference: str
    local_id: int
    description: str
    owner_worker_id: int | None
    due_date: date | None
    done_date: date | None


@dataclass(frozen=True)
class Chunk:
    """Some cases' records and actions."""

    references: list[str]
    records: list[RecordRow]
    actions: list[ActionRow]


class ServiceReader:
    """One read-only snapshot of the service as a login (``REPEATABLE READ``: every figure from the same rows)."""

    def __init__(self, url: str) -> None:
        self.conn = connect(url)
        try:
            # autocommit: the one transaction is this explicit one, ended when the connection closes
            self._run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            row = self._run("SELECT current_user, team_of(current_user), is_head(current_user)").fetchone()
        except BaseException:
            self.conn.close()
            raise
        assert row is not None
        self.login = str(row[0])
        self.team: str | None = str(row[1]) if row[1] is not None else None
        self.head = bool(row[2])
        if self.team is None and not self.head:
            self.close()
            raise ServiceError(
                "this login is neither a team's manager nor a head of service here (cowork service user add)"
            )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> ServiceReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self, query: str, params: Sequence[Any] | dict[str, Any] | None = None) -> psycopg.Cursor[Any]:
        try:
            return self.conn.execute(query.encode(), params)
        except psycopg.Error as exc:
            raise translate(exc) from None

    def teams(self) -> list[str]:
        """The teams this login sees: its own, or (a head of service) every team the service has."""
        if not self.head:
            return [self.team] if self.team else []
        return [str(r[0]) for r in self._run("SELECT name FROM teams ORDER BY name")]

    def forms(self) -> dict[tuple[str, int], str]:
        """Every form version's definition (JSON text), by (form id, version)."""
        return {
            (str(f), int(v)): str(d)
            for f, v, d in self._run("SELECT form_id, version, definition FROM form_versions")
        }

    def workers(self) -> list[WorkerRow]:
        return [
            WorkerRow(str(s), int(i), str(n), str(r))
            for s, i, n, r in self._run("SELECT source::text, local_id, name, role FROM workers")
        ]

    def coallocations(self) -> list[CoallocationRow]:
        """Every co-allocation this login sees, with its case's id on the laptop, in case and id order."""
        return [
            CoallocationRow(
                str(row[0]), str(row[1]), int(row[2]), str(row[3]), int(row[4]), int(row[5]), int(row[6]),
                int(row[7]), row[8], row[9], tuple(str(x) for x in row[10] or ()),
            )
            for row in self._run(
                "SELECT ca.team, ca.source::text, ca.local_id, ca.case_reference, c.local_id, ca.worker1_id,"
                " ca.worker2_id, ca.lead_worker_id, ca.start_date, ca.end_date, ca.reasons"
                " FROM coallocations ca JOIN cases c ON c.reference = ca.case_reference"
                " ORDER BY ca.case_reference, ca.source, ca.local_id"
            )
        ]  # fmt: skip

    def chunks(
        self, references: Sequence[str], answer_keys: Sequence[str], chunk: int = CHUNK
    ) -> Iterator[Chunk]:
        """The records and actions of the cases ``references``, ``chunk`` cases at a time."""
        keys = sorted(set(answer_keys))
        for start in range(0, len(references), chunk):
            part = list(references[start : start + chunk])
            yield Chunk(part, self._records(part, keys), self._actions(part))

    def _records(self, references: list[str], keys: list[str]) -> list[RecordRow]:
        rows = self._run(
            "SELECT r.source::text, r.local_id, r.case_reference, r.coallocation_id, r.kind, r.meeting_date,"
            " r.supersedes_id, r.form_id, r.form_version, r.linked_record_id,"
            " (SELECT jsonb_object_agg(a.key, a.value) FROM jsonb_each(r.answers) a WHERE a.key = ANY(%(keys)s))"
            " FROM records r"
            " WHERE r.case_reference = ANY(%(refs)s)",
            {"keys": keys, "refs": references},
        ).fetchall()  # in one call: iterating a cursor checks its result again for each row (13 s at 40k)
        return [
            RecordRow(
                str(s), int(i), str(ref), int(ca), str(k), day, sup, str(f), int(v), linked, answers or {}
            )
            for s, i, ref, ca, k, day, sup, f, v, linked, answers in rows
        ]

    def _actions(self, references: list[str]) -> list[ActionRow]:
        # each completion by its key (a correlated look-up): a join hashed every completion of the service once
        # per chunk (1,000,000 rows at 40,000 cases, 1.5 s a chunk)
        rows = self._run(
            "SELECT r.source::text, r.local_id, r.case_reference, a.local_id, a.description, a.owner_worker_id,"
            " a.due_date, (SELECT d.done_date FROM action_completions d WHERE d.source = r.source"
            " AND d.action_id = a.local_id) FROM records r JOIN actions a ON a.record_hash = r.content_hash"
            " WHERE r.case_reference = ANY(%(refs)s)",
            {"refs": references},
        )
        return [
            ActionRow(str(s), int(r), str(ref), int(a), str(t), o, due, done)
            for s, r, ref, a, t, o, due, done in rows
        ]

    def baseline(self) -> list[tuple[str, str, int]]:
        """One aggregate statement over the same rows (the benchmark's baseline): records by team and kind."""
        return [
            (str(t), str(k), int(n))
            for t, k, n in self._run(
                "SELECT team, kind, count(*) FROM records GROUP BY team, kind ORDER BY 1, 2"
            )
        ]
