"""The SQLite store on real database files: how it opens, what it refuses, and what it will never change."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from helpers.cases import coallocate
from helpers.files import refused_unchanged, sha256
from helpers.records import MEETING, signed_initial_meeting

from cowork_desktop.domain import models
from cowork_desktop.domain.errors import DamagedDatabase, LockedRecordError, StoreError, ValidationError
from cowork_desktop.domain.models import Case, CoAllocation, Reason, RecordKind, RecordStatus, Role, Worker
from cowork_desktop.forms import definition_from_dict, definition_to_dict
from cowork_desktop.services import sessions
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.migrations import known_migration_names
from cowork_desktop.store.opening import open_store
from cowork_desktop.store.store import Store


def make_db(path: Path) -> None:
    """A real cowork database with a few rows, closed (so the write-ahead log is folded into the file)."""
    with open_store(path, actor="setup") as s:
        coallocate(
            s,
            Worker("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER),
            Worker("عائشة خان", Role.ASYE),
            Case("CR-2026-0500", 1, "AB"),
        )
    assert not Path(f"{path}-wal").exists()


# -- opening ------------------------------------------------------------------------------------------------


def test_new_file_is_private(new_store: Store, db_path: Path) -> None:
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600


def test_write_ahead_log_and_foreign_keys_are_on(new_store: Store) -> None:
    store = new_store
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        store.db.execute(
            "INSERT INTO coallocations (case_id, worker1_id, worker2_id, lead_worker_id, start_date,"
            " created_at, updated_at) VALUES (999, 998, 997, 998, '2026-01-01', 'x', 'x')"
        )
    store.db.conn.rollback()


def test_schema_version_is_recorded(new_store: Store) -> None:
    store = new_store
    names = [
        r["name"] for r in store.db.query("SELECT name FROM _sqlite_migrations WHERE migration_set='cowork'")
    ]
    assert names == known_migration_names()
    assert store.schema_version() == len(known_migration_names()) >= 1


def test_reopening_is_harmless(db_path: Path) -> None:
    make_db(db_path)
    with open_store(db_path, create=False) as first:
        before = first.schema_version()
        workers = first.list_workers()
    with open_store(db_path, create=False) as again:
        assert again.schema_version() == before
        assert again.list_workers() == workers
        rows = list(again.db.query("SELECT count(*) AS n FROM _sqlite_migrations"))
        assert rows[0]["n"] == len(known_migration_names())


def test_missing_file_is_not_created_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    with pytest.raises(StoreError, match="no database here"):
        open_store(path, create=False)
    assert not path.exists()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        open_store(tmp_path)


# -- refusing files it must not touch ---------------------------------------------------------------------


def test_newer_schema_is_refused_and_left_alone(db_path: Path) -> None:
    make_db(db_path)
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('cowork', 'm999_future', '2030-01-01 00:00:00+00:00')"
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    refused_unchanged(db_path, "newer version")


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"Name,Role\nZo\xc3\xab,senior\n" * 50)


def _truncated(path: Path) -> None:
    make_db(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _short_header(path: Path) -> None:
    make_db(path)
    path.write_bytes(path.read_bytes()[:60])


def _corrupt_page(path: Path) -> None:
    """Scribble over the page holding the workers table (its b-tree root)."""
    make_db(path)
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'workers'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))


def _other_program(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_not_sqlite, "not an SQLite database"),
        (_truncated, "damaged"),
        (_short_header, "damaged"),
        (_other_program, "another program"),
    ],
    ids=["not-sqlite", "truncated", "short-header", "other-program"],
)
def test_bad_files_are_refused_and_left_byte_identical(
    db_path: Path, spoil: Callable[[Path], None], message: str
) -> None:
    spoil(db_path)
    for create in (True, False):
        assert str(db_path) in str(refused_unchanged(db_path, message, create=create))


def test_a_damaged_page_is_refused_before_anything_is_written(db_path: Path) -> None:
    """Opening reads the header and schema only (the full page check is not paid on every open): a damaged page
    elsewhere is caught by the page check before the first write, or when asked for, and nothing is written."""
    _corrupt_page(db_path)
    before = sha256(db_path)
    with pytest.raises(DamagedDatabase, match="damaged"):
        open_store(db_path, check_pages=True)
    with open_store(db_path) as store:
        assert not store.pages_checked
        with pytest.raises(DamagedDatabase, match="nothing was saved"):
            store.set_setting("manager_name", "Amara Okafor")
        with pytest.raises(DamagedDatabase, match="damaged"):
            store.check_pages()
    assert sha256(db_path) == before


# -- validation ---------------------------------------------------------------------------------------------


def test_bad_workers_are_refused_with_messages(store: Store) -> None:
    with pytest.raises(ValidationError) as info:
        store.add_worker(Worker("   ", Role.SOCIAL_WORKER))
    assert info.value.errors == {"name": "Enter the worker's name."}
    with pytest.raises(ValidationError) as info:
        store.add_worker(Worker("x" * 121, Role.SOCIAL_WORKER))
    assert "120" in info.value.errors["name"]
    assert store.list_workers() == []


def test_duplicate_case_reference_is_refused(store: Store) -> None:
    store.add_case(Case("CR-2026-0101", 1, "AB"))
    for reference in ("CR-2026-0101", "cr-2026-0101", " CR-2026-0101 "):
        with pytest.raises(ValidationError) as info:
            store.add_case(Case(reference, 1, "CD"))
        assert "already exists" in info.value.errors["reference"]
    assert store.count_cases() == 1


@pytest.mark.parametrize("reference", ["Jane Smith", "Mohammed Ali 2016", "x", ""])
def test_a_name_like_reference_is_refused(store: Store, reference: str) -> None:
    with pytest.raises(ValidationError) as info:
        store.add_case(Case(reference, 1))
    message = info.value.errors["reference"]
    assert "reference" in message
    if reference:
        assert "never a child's name" in message


def test_names_are_refused_as_initials(store: Store) -> None:
    with pytest.raises(ValidationError) as info:
        store.add_case(Case("CR-2026-0102", 1, "Jane"))
    assert "Initials only" in info.value.errors["children_initials"]
    assert store.add_case(Case("CR-2026-0102", 2, "AB, CD")).children_initials == "AB, CD"


def test_bad_coallocations_are_refused(store: Store) -> None:
    a = store.add_worker(Worker("Daniel Mensah", Role.SOCIAL_WORKER))
    b = store.add_worker(Worker("Priya Raman", Role.ASYE))
    c = store.add_worker(Worker("Gareth Llewelyn", Role.SOCIAL_WORKER))
    case = store.add_case(Case("CR-2026-0103"))
    assert a.id and b.id and c.id and case.id
    start = date(2026, 11, 2)

    with pytest.raises(ValidationError) as info:
        store.add_coallocation(CoAllocation(case.id, a.id, a.id, a.id, start, [Reason.COMPLEXITY]))
    assert info.value.errors["worker2_id"] == "Choose two different workers."

    with pytest.raises(ValidationError) as info:
        store.add_coallocation(CoAllocation(case.id, a.id, b.id, c.id, start, [Reason.COMPLEXITY]))
    assert info.value.errors["lead_worker_id"] == "The lead worker must be one of the two co-workers."

    with pytest.raises(ValidationError) as info:
        store.add_coallocation(CoAllocation(case.id, a.id, b.id, a.id, start, []))
    assert "reason" in info.value.errors["reasons"]

    with pytest.raises(ValidationError) as info:
        store.add_coallocation(CoAllocation(case.id, a.id, 9999, a.id, start, [Reason.COMPLEXITY]))
    assert "existing worker" in info.value.errors["worker2_id"]

    store.add_coallocation(CoAllocation(case.id, a.id, b.id, a.id, start, [Reason.DEVELOPMENT]))
    with pytest.raises(ValidationError) as info:
        store.add_coallocation(CoAllocation(case.id, a.id, c.id, a.id, start, [Reason.COMPLEXITY]))
    assert "already has an active co-allocation" in info.value.errors["case_id"]


def test_the_schema_refuses_what_validation_refuses(store: Store) -> None:
    """Plain SQL cannot sneak in a co-allocation with the same worker twice or an outside lead."""
    a = store.add_worker(Worker("Daniel Mensah", Role.SOCIAL_WORKER))
    b = store.add_worker(Worker("Priya Raman", Role.ASYE))
    case = store.add_case(Case("CR-2026-0104"))
    sql = (
        "INSERT INTO coallocations (case_id, worker1_id, worker2_id, lead_worker_id, start_date, created_at,"
        " updated_at) VALUES (?,?,?,?,'2026-11-02','x','x')"
    )
    for workers in ((a.id, a.id, a.id), (a.id, b.id, 12345)):
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            store.db.execute(sql, [case.id, *workers])
        store.db.conn.rollback()


# -- signed means final -------------------------------------------------------------------------------------


def _refused_by_sql(store: Store, sql: str, params: list[object], message: str) -> None:
    with pytest.raises(sqlite3.IntegrityError, match=message):
        store.db.execute(sql, params)
    store.db.conn.rollback()  # the refused statement leaves Python's implicit transaction open


def test_plain_sql_cannot_change_a_signed_record(ws: Workspace, coworked: dict[str, int]) -> None:
    record = signed_initial_meeting(ws, coworked)
    store = ws.store
    rid = record.id
    assert rid is not None and record.status == RecordStatus.SIGNED
    _refused_by_sql(store, "UPDATE records SET answers = '{}' WHERE id = ?", [rid], "signed and locked")
    _refused_by_sql(store, "UPDATE records SET status = 'draft' WHERE id = ?", [rid], "signed and locked")
    _refused_by_sql(store, "DELETE FROM records WHERE id = ?", [rid], "cannot be deleted")
    assert store.get_record(rid) == record


def test_plain_sql_cannot_change_signatures(ws: Workspace, coworked: dict[str, int]) -> None:
    record = signed_initial_meeting(ws, coworked)
    store = ws.store
    rid = record.id
    signatures = store.signatures_for(rid or 0)
    assert len(signatures) == 3
    _refused_by_sql(store, "UPDATE signatures SET signer_name = 'Someone else'", [], "cannot be changed")
    _refused_by_sql(store, "DELETE FROM signatures WHERE record_id = ?", [rid], "cannot be deleted")
    _refused_by_sql(
        store,
        "INSERT INTO signatures (record_id, signer_name, signer_role, method, statement, signed_at)"
        " VALUES (?, 'Late', 'x', 'typed', 'x', '2026-11-05T10:00:00+00:00')",
        [rid],
        "only to a record awaiting signatures",
    )
    assert store.signatures_for(rid or 0) == signatures


def test_plain_sql_cannot_change_agreed_actions_except_recording_done_once(
    ws: Workspace, coworked: dict[str, int]
) -> None:
    record = signed_initial_meeting(ws, coworked)
    store = ws.store
    actions = store.actions_for_record(record.id or 0)
    assert len(actions) == 2
    aid = actions[0].id
    msg = "cannot be changed"
    _refused_by_sql(store, "UPDATE actions SET description = 'Nothing' WHERE id = ?", [aid], msg)
    _refused_by_sql(store, "UPDATE actions SET due_date = '2030-01-01' WHERE id = ?", [aid], msg)
    _refused_by_sql(store, "UPDATE actions SET owner_worker_id = NULL WHERE id = ?", [aid], msg)
    _refused_by_sql(store, "DELETE FROM actions WHERE id = ?", [aid], "cannot be deleted")
    _refused_by_sql(
        store,
        "INSERT INTO actions (record_id, description) VALUES (?, 'One more')",
        [record.id],
        "cannot take more actions",
    )
    # recording that an action was done is allowed, once
    with store.tx():
        store.db.execute("UPDATE actions SET done_date = '2026-11-20' WHERE id = ?", [aid])
    _refused_by_sql(store, "UPDATE actions SET done_date = '2026-11-21' WHERE id = ?", [aid], msg)
    _refused_by_sql(store, "UPDATE actions SET done_date = NULL WHERE id = ?", [aid], msg)
    assert store.actions_for_record(record.id or 0)[0].done_date == date(2026, 11, 20)


def test_plain_sql_cannot_change_the_audit_log(ws: Workspace, coworked: dict[str, int]) -> None:
    store = ws.store
    entries = store.audit_entries()
    assert entries
    _refused_by_sql(store, "UPDATE audit_log SET actor = 'nobody'", [], "append-only")
    _refused_by_sql(store, "DELETE FROM audit_log", [], "append-only")
    assert store.audit_entries() == entries


def test_store_methods_refuse_a_signed_record(ws: Workspace, coworked: dict[str, int]) -> None:
    record = signed_initial_meeting(ws, coworked)
    store = ws.store
    rid = record.id or 0
    with pytest.raises(LockedRecordError):
        store.save_answers(rid, {}, based_on=store.get_record(rid).revision)
    with pytest.raises(LockedRecordError):
        store.discard_draft(rid)
    with pytest.raises(LockedRecordError):
        store.set_record_status(rid, RecordStatus.DRAFT)
    with pytest.raises(LockedRecordError):
        store.set_record_status(rid, RecordStatus.AWAITING_SIGNATURES)
    with pytest.raises(LockedRecordError):
        store.finalise_record(rid, "0" * 64, sessions.record_facts(ws, record), [], [])
    with pytest.raises(LockedRecordError):
        store.finalise_record(
            rid,
            record.content_hash,
            sessions.record_facts(ws, record),
            [models.Action("More", None, None)],
            [],
        )
    assert store.get_record(rid) == record
    assert store.signatures_for(rid) and len(store.actions_for_record(rid)) == 2


def test_a_draft_can_be_discarded_with_its_signatures(ws: Workspace, coworked: dict[str, int]) -> None:
    record = sessions.start_record(
        ws, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION, MEETING
    ).value
    ws.store.discard_draft(record.id or 0)
    assert ws.store.records_for_case(coworked["case"]) == []


# -- audit --------------------------------------------------------------------------------------------------


def test_every_write_adds_an_audit_entry(ws: Workspace) -> None:
    store = ws.store

    def audited(action: Callable[[], object]) -> list[dict[str, object]]:
        before = len(store.audit_entries())
        action()
        after = store.audit_entries()
        assert len(after) > before, action
        assert all(e["actor"] == "test-manager" for e in after[before:])
        return after[before:]

    made = coallocate(
        store,
        Worker("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER),
        Worker("Mei Lin Chen", Role.STUDENT),
        Case("CR-2026-0105", 1, "AB", models.PlanType.CHILD_PROTECTION),
    )
    w1, w2, case, ca = made.experienced, made.learner, made.case, made.coallocation
    assert w2.id
    entries = store.audit_entries()
    assert [(e["action"], e["entity"]) for e in entries] == [
        ("create", "worker"),
        ("create", "worker"),
        ("create", "case"),
        ("create", "coallocation"),
    ]
    w1.team = "Assessment Team 2"
    audited(lambda: store.update_worker(w1))
    case.plan_type = models.PlanType.LOOKED_AFTER
    audited(lambda: store.update_case(case))
    ca.lead_worker_id = w2.id
    audited(lambda: store.update_coallocation(ca))
    audited(lambda: store.set_setting("nation", "scotland"))
    created: list[models.Record] = []
    audited(
        lambda: created.append(
            sessions.start_record(ws, ca.id or 0, RecordKind.INITIAL_MEETING, MEETING).value
        )
    )
    rid = created[0].id or 0
    audited(
        lambda: (
            sessions.save_draft(
                ws, rid, {"participants": [w1.id]}, based_on=ws.store.get_record(rid).revision
            ).value
        )
    )
    audited(lambda: store.set_record_status(rid, RecordStatus.AWAITING_SIGNATURES))
    audited(lambda: store.set_record_status(rid, RecordStatus.DRAFT))
    audited(lambda: store.discard_draft(rid))


# -- form versions ------------------------------------------------------------------------------------------


def test_a_changed_form_with_the_same_version_is_refused(ws: Workspace) -> None:
    form = ws.forms.for_kind("review")
    ws.store.ensure_form_version(form)
    ws.store.ensure_form_version(form)  # the same definition again is fine
    data = definition_to_dict(form)
    data["title"] = data["title"] + " (edited)"
    changed = definition_from_dict(data, "edited/review.toml")
    with pytest.raises(StoreError, match="new version number") as info:
        ws.store.ensure_form_version(changed)
    assert "edited/review.toml" in str(info.value)
    data["version"] = form.version + 1
    ws.store.ensure_form_version(definition_from_dict(data, "edited/review.toml"))
    assert definition_to_dict(ws.store.form_definition(form.id, form.version)) == definition_to_dict(form)
    assert ws.store.form_definition(form.id, form.version + 1).title.endswith("(edited)")
    _refused_by_sql(ws.store, "UPDATE form_versions SET definition = '{}'", [], "cannot change")
