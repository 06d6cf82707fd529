"""Signed means final, in the database itself: every forbidden change, tried with plain SQL on a plain and on an
encrypted database, is refused by a trigger and leaves the rows exactly as they were. Amendments are new versions.
The only way to delete a signed record is the retention purge, which needs an audited authorisation."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.cases import coallocate
from helpers.demo import copy_database
from helpers.records import MEETING, signed_initial_meeting

from cowork_desktop.domain.models import Case, Record, RecordKind, RecordStatus, Role, Worker
from cowork_desktop.services import sessions
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store


# Encrypted, every statement again (a key derived per test): in the full run; `make unit` has the triggers on an
# encrypted database once, in test_encryption.py.
@pytest.fixture(scope="module", params=["plain", pytest.param("encrypted", marks=pytest.mark.slow)])
def signed_template(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str | None, int]:
    """A database with one signed record (its file, passphrase and record id), made once per kind."""
    passphrase = "locking test passphrase" if request.param == "encrypted" else None
    path = tmp_path_factory.mktemp(f"locked-{request.param}") / "locked.db"
    store = open_store(path, actor="test-manager", passphrase=passphrase)
    ws = Workspace.open(store)
    made = coallocate(
        store,
        Worker("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER),
        Worker("Łukasz Wiśniewski", Role.STUDENT),
        Case("CR-100234", 2, "AB, CD"),
    )
    store.add_worker(Worker("Amara Okafor", Role.TEAM_MANAGER))
    assert made.coallocation.id and made.experienced.id
    record = signed_initial_meeting(
        ws, {"coallocation": made.coallocation.id, "experienced": made.experienced.id}
    )
    store.close()
    assert record.id is not None
    return path, passphrase, record.id


@pytest.fixture
def signed(
    signed_template: tuple[Path, str | None, int], tmp_path: Path
) -> Iterator[tuple[Workspace, Record]]:
    """A copy of the signed template (plain, then encrypted), open."""
    template, passphrase, record_id = signed_template
    path = copy_database(template, tmp_path / "locked.db")
    store = open_store(path, create=False, actor="test-manager", passphrase=passphrase)
    ws = Workspace.open(store)
    yield ws, store.get_record(record_id)
    store.close()


def snapshot(ws: Workspace) -> dict[str, list[dict[str, Any]]]:
    return {
        table: list(ws.store.db.query(f"SELECT * FROM {table} ORDER BY rowid"))
        for table in ("records", "signatures", "actions", "audit_log", "form_versions")
    }


FORBIDDEN = [
    ("UPDATE records SET answers = '{}' WHERE id = :rid", "signed and locked"),
    ("UPDATE records SET status = 'draft' WHERE id = :rid", "signed and locked"),
    ("UPDATE records SET content_hash = 'x' WHERE id = :rid", "signed and locked"),
    ("UPDATE records SET meeting_date = '2020-01-01' WHERE id = :rid", "signed and locked"),
    ("DELETE FROM records WHERE id = :rid", "cannot be deleted"),
    ("DELETE FROM records", "cannot be deleted"),
    ("UPDATE signatures SET signer_name = 'Someone else' WHERE record_id = :rid", "cannot be changed"),
    ("UPDATE signatures SET signed_at = '2020-01-01' WHERE record_id = :rid", "cannot be changed"),
    ("DELETE FROM signatures WHERE record_id = :rid", "cannot be deleted"),
    (
        "INSERT INTO signatures (record_id, signer_name, signer_role, method, statement, signed_at)"
        " VALUES (:rid, 'Late', 'x', 'typed', 'x', '2026-11-05T10:00:00+00:00')",
        "only to a record awaiting signatures",
    ),
    ("UPDATE actions SET description = 'Nothing' WHERE record_id = :rid", "cannot be changed"),
    ("UPDATE actions SET due_date = '2030-01-01' WHERE record_id = :rid", "cannot be changed"),
    ("UPDATE actions SET record_id = NULL WHERE record_id = :rid", "cannot be changed"),
    ("DELETE FROM actions WHERE record_id = :rid", "cannot be deleted"),
    ("INSERT INTO actions (record_id, description) VALUES (:rid, 'One more')", "cannot take more actions"),
    ("UPDATE audit_log SET actor = 'nobody'", "append-only"),
    ("UPDATE audit_log SET detail = '{}' WHERE id = 1", "append-only"),
    ("DELETE FROM audit_log", "append-only"),
    ("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)", "append-only"),
    ("UPDATE form_versions SET definition = '{}'", "cannot change"),
    ("UPDATE form_versions SET version = version + 1", "cannot change"),
    (
        "INSERT INTO records (case_id, coallocation_id, kind, form_id, form_version, meeting_date, status,"
        " created_at, updated_at) SELECT case_id, coallocation_id, kind, form_id, form_version, meeting_date,"
        " 'signed', created_at, updated_at FROM records WHERE id = :rid",
        "signed only after",
    ),
    # the purge authorisation is not a back door: it needs an ended co-allocation and its audit entry
    (
        "INSERT INTO purge_authorisations (coallocation_id, audit_id, authorised_at)"
        " SELECT coallocation_id, (SELECT max(id) FROM audit_log), 'now' FROM records WHERE id = :rid",
        "only an ended co-allocation|only right after its audit entry",
    ),
]


@pytest.mark.parametrize(("sql", "message"), FORBIDDEN, ids=[f"{n:02d}" for n in range(len(FORBIDDEN))])
def test_plain_sql_cannot_change_what_is_signed(
    signed: tuple[Workspace, Record], sql: str, message: str
) -> None:
    ws, record = signed
    before = snapshot(ws)
    with pytest.raises(sqlite3.IntegrityError, match=message):
        ws.store.db.execute(sql, {"rid": record.id})
    ws.store.db.conn.rollback()
    assert snapshot(ws) == before


def test_a_script_cannot_slip_a_change_through(signed: tuple[Workspace, Record]) -> None:
    """Several statements in one script: the refused one aborts, and rolling back leaves nothing changed."""
    ws, record = signed
    before = snapshot(ws)
    with pytest.raises(sqlite3.IntegrityError):
        ws.store.db.conn.executescript(
            f"BEGIN; UPDATE settings SET value = 'x'; DELETE FROM signatures WHERE record_id = {record.id}; COMMIT;"
        )
    ws.store.db.conn.rollback()
    assert snapshot(ws) == before


def test_a_draft_can_still_be_changed_and_discarded(signed: tuple[Workspace, Record]) -> None:
    """The triggers are precise: they do not get in the way of drafts."""
    ws, record = signed
    draft = sessions.start_record(ws, record.coallocation_id, RecordKind.REFLECTIVE_DISCUSSION, MEETING).value
    with ws.store.tx():
        ws.store.db.execute("UPDATE records SET title = 'Changed' WHERE id = ?", [draft.id])
    ws.store.discard_draft(draft.id or 0)
    assert all(r.id != draft.id for r in ws.store.records_for_case(record.case_id))


def test_an_amendment_is_a_new_version_and_the_original_stays(signed: tuple[Workspace, Record]) -> None:
    ws, record = signed
    before = snapshot(ws)["records"]
    amended = sessions.amend(ws, record.id or 0, "The meeting date was typed wrongly.").value
    assert (
        amended.version == 2 and amended.supersedes_id == record.id and amended.status == RecordStatus.DRAFT
    )
    after = {r["id"]: r for r in snapshot(ws)["records"]}
    assert after[record.id] == before[0]
    with pytest.raises(sqlite3.IntegrityError, match="signed and locked"):
        ws.store.db.execute("UPDATE records SET supersedes_id = NULL WHERE id = ?", [record.id])
    ws.store.db.conn.rollback()
