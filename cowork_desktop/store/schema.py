"""The schema as the migrations give it, and how a database's schema differs from it.

The expected schema is not written down twice: it is what applying every migration to an empty in-memory
database produces (once per process, ~10 ms). A database whose tables, indexes or triggers differ from it (a
trigger dropped, re-created with other SQL, or added) has lost the protections that make signed records final;
:func:`schema_problems` names each difference, and :func:`repair` puts back the missing or altered indexes and
triggers (never tables: a changed table means a backup).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cache

from sqlite_utils import Database

from cowork_desktop.store.migrations import migrations


@dataclass(frozen=True)
class SchemaObject:
    type: str  # table, index, trigger, view
    name: str
    table: str
    sql: str  # as stored

    @property
    def normal_sql(self) -> str:
        return " ".join(self.sql.split())


def read_schema(conn: sqlite3.Connection) -> dict[str, SchemaObject]:
    """The database's own objects by name (SQLite's internal ones left out)."""
    return {
        name: SchemaObject(kind, name, table, sql or "")
        for kind, name, table, sql in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
        if not name.startswith("sqlite_")
    }


@cache
def expected_schema() -> dict[str, SchemaObject]:
    """Every object the migrations create, with its SQL."""
    conn = sqlite3.connect(":memory:")
    try:
        db = Database(conn)
        migrations.apply(db)
        return read_schema(conn)
    finally:
        conn.close()


@dataclass(frozen=True)
class SchemaProblem:
    name: str
    kind: str  # "missing", "changed", "unexpected"
    type: str

    @property
    def message(self) -> str:
        what = f"{self.type} {self.name}"
        if self.kind == "missing":
            return f"the database's {what} is missing"
        if self.kind == "changed":
            return f"the database's {what} differs from the one cowork-desktop installs"
        return f"the database has an unexpected {what}"

    @property
    def repairable(self) -> bool:
        return self.type in ("index", "trigger")


def schema_problems(conn: sqlite3.Connection) -> list[SchemaProblem]:
    """Each table, index and trigger that is missing or differs, and each trigger or view that should not be
    there. Tables and indexes a user added are left alone (they cannot change a row); triggers and views can."""
    expected = expected_schema()
    found = read_schema(conn)
    problems = []
    for name, want in expected.items():
        have = found.get(name)
        if have is None:
            problems.append(SchemaProblem(name, "missing", want.type))
        elif (have.type, have.table, have.normal_sql) != (want.type, want.table, want.normal_sql):
            problems.append(SchemaProblem(name, "changed", want.type))
    for name, have in found.items():
        if name not in expected and have.type in ("trigger", "view"):
            problems.append(SchemaProblem(name, "unexpected", have.type))
    return problems


def repair(conn: sqlite3.Connection, problems: list[SchemaProblem]) -> list[str]:
    """Re-create the missing or altered indexes and triggers and drop unexpected triggers and views, inside the
    caller's transaction. Returns what was done, one phrase each. Tables are not touched."""
    expected = expected_schema()
    done = []
    for problem in problems:
        if problem.kind == "unexpected":
            conn.execute(f'DROP {problem.type.upper()} IF EXISTS "{problem.name}"')
            done.append(f"dropped the unexpected {problem.type} {problem.name}")
            continue
        if not problem.repairable:
            continue
        want = expected[problem.name]
        conn.execute(f'DROP {want.type.upper()} IF EXISTS "{want.name}"')
        conn.execute(want.sql)
        done.append(
            f"{'re-created' if problem.kind == 'changed' else 'restored'} the {want.type} {want.name}"
        )
    return done
