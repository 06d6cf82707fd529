"""The store as issue 16 shaped it: migrations atomic through one helper, the triggers' refusals tagged and mapped
through one table, one open co-allocation per case held by a unique index, real old databases upgraded to exactly
a new database's schema, no sqlite3 error leaving the store, and no import cycle inside it."""

from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import grimp
import pytest
from helpers.cases import two_workers_and_a_case
from sqlite_utils import Database

from cowork_desktop.domain.errors import LockedRecordError, StoreError, UniqueConflict, ValidationError
from cowork_desktop.domain.models import ONE_OPEN_COALLOCATION, Case, CoAllocation, Reason, Role, Worker
from cowork_desktop.store import derived
from cowork_desktop.store import migrations as migrations_module
from cowork_desktop.store.migrations import known_migration_names, migrations
from cowork_desktop.store.opening import open_store
from cowork_desktop.store.refusals import PREFIX, REFUSALS
from cowork_desktop.store.schema import expected_schema, read_schema
from cowork_desktop.store.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
#: real databases made by earlier versions (see tests/fixtures/README.md)
OLD_DATABASES = {
    "m003": FIXTURES / "legacy" / "legacy.db",
    "m006": FIXTURES / "m006" / "m006.db",
}


def _objects(conn: sqlite3.Connection) -> dict[str, tuple[str, str, str]]:
    return {n: (o.type, o.table, o.normal_sql) for n, o in read_schema(conn).items()}


def _applied(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]


# -- migrations: one helper, atomic ------------------------------------------------------------------------------


def test_known_migration_names_are_the_applied_ones_in_order() -> None:
    conn = sqlite3.connect(":memory:")
    migrations.apply(Database(conn))
    assert _applied(conn) == known_migration_names()
    assert [
        m.name for m in migrations.pending(Database(sqlite3.connect(":memory:")))
    ] == known_migration_names()


def test_the_first_migration_failing_half_way_leaves_an_empty_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """m001 ran ``executescript()``, which commits first: its tables stayed when a later statement failed."""
    broken = migrations_module.M001_SCHEMA + "\nCREATE TABLE workers (id INTEGER PRIMARY KEY);\n"
    monkeypatch.setattr(migrations_module, "M001_SCHEMA", broken)
    conn = sqlite3.connect(tmp_path / "new.db")
    with pytest.raises(sqlite3.OperationalError, match="already exists"):
        migrations.apply(Database(conn))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables <= {"_sqlite_migrations"}  # nothing of m001 was applied
    assert _applied(conn) == []


def test_a_migration_failing_half_way_leaves_the_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = sqlite3.connect(tmp_path / "old.db")
    db = Database(conn)
    last = known_migration_names()[-1]
    migrations.apply(db, stop_before=last)
    before = _objects(conn)
    # the last migration, with a statement that fails after the others have run
    script = migrations_module.M012_PULLED_HISTORY
    monkeypatch.setattr(
        migrations_module, "M012_PULLED_HISTORY", script + "\nDROP TRIGGER no_such_trigger;\n"
    )
    with pytest.raises(sqlite3.OperationalError, match="no such trigger"):
        migrations.apply(db)
    assert _applied(conn) == known_migration_names()[:-1]
    assert _objects(conn) == before  # not one table or index of it left made


# -- the triggers' refusals --------------------------------------------------------------------------------------


def test_every_trigger_refuses_with_a_code_of_the_one_table() -> None:
    used = set()
    for obj in expected_schema().values():
        kept_by_triggers = (
            *derived.TRIGGER_NAMES,
            *migrations_module.MARK_TRIGGERS,
            *migrations_module.SEARCH_TRIGGERS,
        )
        if obj.type != "trigger" or obj.name in kept_by_triggers:
            continue  # (the promises, the marks and the search index are kept by triggers that refuse nothing)
        found = re.search(r"RAISE\(ABORT, '([^']*)'\)", obj.sql)
        assert found, obj.name
        tag = re.fullmatch(rf"{PREFIX}(E\d{{3}}) (.+)", found.group(1))
        assert tag, f"{obj.name}: untagged refusal {found.group(1)!r}"
        code, text = tag.groups()
        assert REFUSALS[code].message == text, obj.name
        used.add(code)
    assert used == set(REFUSALS)  # no code in the table that no trigger raises


def test_a_refused_write_says_the_same_one_line(store: Store) -> None:
    store.set_setting("theme", "dark")  # an audit entry to refuse to delete
    with pytest.raises(LockedRecordError) as refused, store.tx():
        store.db.execute("DELETE FROM audit_log")
    assert str(refused.value) == "the audit log is append-only"


# -- one open co-allocation per case -----------------------------------------------------------------------------


@pytest.fixture
def case_with_two(store: Store) -> tuple[Store, CoAllocation, CoAllocation]:
    """Case CR-2026-0300: co-allocation 1 ended on 2026-06-30, co-allocation 2 open since 2026-07-01."""
    daniel, priya = Worker("Daniel Mensah", Role.SOCIAL_WORKER), Worker("Priya Raman", Role.ASYE)
    a, b, case = two_workers_and_a_case(store, daniel, priya, Case("CR-2026-0300"))
    assert a.id and b.id and case.id
    first = store.add_coallocation(
        CoAllocation(case.id, a.id, b.id, a.id, date(2026, 1, 5), [Reason.DEVELOPMENT])
    )
    first.end_date, first.end_reason = date(2026, 6, 30), "handed over"
    first = store.update_coallocation(first)
    second = store.add_coallocation(
        CoAllocation(case.id, a.id, b.id, b.id, date(2026, 7, 1), [Reason.DEVELOPMENT])
    )
    return store, first, second


def test_re_opening_a_co_allocation_while_another_is_open_is_refused(
    case_with_two: tuple[Store, CoAllocation, CoAllocation],
) -> None:
    store, first, _second = case_with_two
    first.end_date = None
    with pytest.raises(ValidationError) as refused:
        store.update_coallocation(first)
    assert refused.value.errors == {"case_id": ONE_OPEN_COALLOCATION}
    assert store.get_coallocation(first.id or 0).end_date == date(2026, 6, 30)  # nothing written


def test_an_ended_co_allocation_can_still_be_edited_while_another_is_open(
    case_with_two: tuple[Store, CoAllocation, CoAllocation],
) -> None:
    store, first, _second = case_with_two
    first.end_reason = "handed over to the leaving care team"
    assert store.update_coallocation(first).end_reason == "handed over to the leaving care team"


def test_the_index_holds_the_rule_for_plain_sql_too(
    case_with_two: tuple[Store, CoAllocation, CoAllocation],
) -> None:
    store, first, _second = case_with_two
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        store.db.execute("UPDATE coallocations SET end_date = NULL WHERE id = ?", [first.id])
    store.db.conn.rollback()
    with pytest.raises(UniqueConflict), store.tx():  # and through the store, its own error
        store.db.execute("UPDATE coallocations SET end_date = NULL WHERE id = ?", [first.id])


def _at_m006_with_two_open(path: Path) -> None:
    conn = sqlite3.connect(path)
    migrations.apply(Database(conn), stop_before="m007_one_open_coallocation")
    conn.executescript(
        "INSERT INTO workers (id, name, role, created_at, updated_at) VALUES"
        " (1, 'Daniel Mensah', 'social_worker', 'x', 'x'), (2, 'Priya Raman', 'asye', 'x', 'x');"
        "INSERT INTO cases (id, reference, plan_type, created_at, updated_at) VALUES (1, 'CR-2026-0301', 'child_in_need', 'x', 'x');"
        "INSERT INTO coallocations (case_id, worker1_id, worker2_id, lead_worker_id, start_date, created_at,"
        " updated_at) VALUES (1, 1, 2, 1, '2026-01-05', 'x', 'x'), (1, 1, 2, 2, '2026-03-01', 'x', 'x');"
    )
    conn.close()


def test_an_old_database_with_two_open_co_allocations_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _at_m006_with_two_open(path)
    with pytest.raises(StoreError, match=r"case CR-2026-0301 has 2 co-allocations without an end date"):
        open_store(path)
    conn = sqlite3.connect(path)
    assert _applied(conn) == known_migration_names()[:6]  # the version before: its own app still opens it
    conn.execute(
        "UPDATE coallocations SET end_date = '2026-02-28' WHERE id = 1"
    )  # the fix the message asks for
    conn.commit()
    conn.close()
    with open_store(path) as store:
        assert store.schema_version() == len(known_migration_names())


# -- real old databases ------------------------------------------------------------------------------------------


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        tables = ("workers", "cases", "coallocations", "records", "actions", "signatures", "form_versions")
        found = {}
        for t in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({t})")]
            found[t] = conn.execute(f"SELECT {', '.join(columns)} FROM {t} ORDER BY rowid").fetchall()
        found["audit_log"] = conn.execute(
            "SELECT id, at, actor, action, entity, entity_id, detail FROM audit_log ORDER BY id"
        ).fetchall()
        return found
    finally:
        conn.close()


@pytest.mark.parametrize("version", sorted(OLD_DATABASES))
def test_a_real_old_database_upgrades_to_a_new_databases_schema(tmp_path: Path, version: str) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(OLD_DATABASES[version], path)
    before = _rows(path)
    with open_store(path) as store:
        assert store.schema_version() == len(known_migration_names())
        assert store.protection_problems(fresh=True) == []
        upgraded = _objects(store.db.conn)
    fresh = {n: (o.type, o.table, o.normal_sql) for n, o in expected_schema().items()}
    assert upgraded == fresh
    after = _rows(path)
    for table, rows in before.items():
        if table == "audit_log":  # kept as they were; an upgrade from before m004 appends its chain entry
            assert after[table][: len(rows)] == rows
            continue
        width = len(rows[0]) if rows else 0
        assert [r[:width] for r in after[table]] == rows, table  # later migrations add columns after these


# -- no sqlite3 error leaves the store -----------------------------------------------------------------------------


def test_a_closed_store_says_so_in_its_own_words(db_path: Path) -> None:
    store = open_store(db_path)
    store.close()
    with pytest.raises(StoreError):
        store.list_workers()
    with pytest.raises(StoreError):
        list(store.chain_entries())


# -- backups stand below opening ------------------------------------------------------------------------------


def test_backups_never_reach_the_opening_code() -> None:
    """(No cycle at all: tests/unit/test_import_graph.py.)"""
    graph = grimp.build_graph("cowork_desktop")
    assert graph.find_shortest_chain("cowork_desktop.store.backup", "cowork_desktop.store.opening") is None
