"""Setting up the service: the roles, the schema and its migrations (``cowork service init``), and one login per
manager or head of service (``cowork service user add``). Run with an administrator's login (a superuser, or a
role with CREATEROLE that may own the schema); the managers never need one.

Roles are the cluster's: ``cowork_owner`` (owns the schema, logs in never), ``cowork_manager`` and
``cowork_head`` (group roles: each login is a member of one). One service per PostgreSQL cluster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import psycopg
from psycopg import sql

from cowork_desktop.domain.errors import ServiceError
from cowork_desktop.service_store.connection import connect, translating
from cowork_desktop.service_store.migrations import HEAD, MANAGER, MIGRATIONS, OWNER, SCHEMA

#: a login role's name: plain lower-case letters, digits and underscores (no quoting surprises in psql or pg_hba)
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
#: serialises two `service init` runs (pg_advisory_xact_lock key)
MIGRATION_LOCK = 0x636F776B


@dataclass(frozen=True)
class InitReport:
    applied: tuple[str, ...]
    roles_made: tuple[str, ...]


def _role_exists(conn: psycopg.Connection[tuple[object, ...]], name: str) -> bool:
    return conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone() is not None


def applied_migrations(conn: psycopg.Connection[tuple[object, ...]]) -> list[int]:
    found = conn.execute("SELECT to_regclass(%s)", [f"{SCHEMA}.schema_migrations"]).fetchone()
    if found is None or found[0] is None:
        return []
    return [
        int(str(r[0])) for r in conn.execute(f"SELECT version FROM {SCHEMA}.schema_migrations ORDER BY 1")
    ]


def migrate(conn: psycopg.Connection[tuple[object, ...]]) -> list[str]:
    """Apply the migrations not yet applied, each in one transaction with its row, as the schema owner."""
    done: list[str] = []
    for step in MIGRATIONS:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATION_LOCK])
            conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(OWNER)))
            conn.execute(f"SET LOCAL search_path = {SCHEMA}, pg_catalog")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL,"
                " applied_at timestamptz NOT NULL DEFAULT now())"
            )
            if step.number in applied_migrations(conn):
                continue
            conn.execute(step.sql.encode())
            conn.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", [step.number, step.name]
            )
            done.append(step.name)
    return done


def init_service(url: str) -> InitReport:
    """Make the roles (when missing), the schema owned by ``cowork_owner``, and apply the migrations. Running it
    again applies only new migrations."""
    conn = connect(url)
    try:
        with translating():
            made = []
            with conn.transaction():
                for role in (OWNER, MANAGER, HEAD):
                    if not _role_exists(conn, role):
                        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
                        made.append(role)
                me = str(conn.execute("SELECT current_user").fetchone()[0])  # type: ignore[index]
                is_member = conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", [me, OWNER]).fetchone()
                if not (is_member and is_member[0]):
                    conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(OWNER), sql.Identifier(me)))
                conn.execute(
                    sql.SQL("CREATE SCHEMA IF NOT EXISTS {} AUTHORIZATION {}").format(
                        sql.Identifier(SCHEMA), sql.Identifier(OWNER)
                    )
                )
                conn.execute(sql.SQL("REVOKE ALL ON SCHEMA {} FROM PUBLIC").format(sql.Identifier(SCHEMA)))
            applied = migrate(conn)
    finally:
        conn.close()
    return InitReport(tuple(applied), tuple(made))


def add_user(url: str, name: str, team: str | None, *, head: bool, password: str) -> None:
    """A login role for a manager of ``team`` (member of ``cowork_manager``) or a head of service (member of
    ``cowork_head``), with its row in ``managers``. The password goes to the server already hashed
    (SCRAM-SHA-256, by libpq), so it is in no statement the server could log."""
    if not ROLE_NAME.fullmatch(name):
        raise ServiceError(
            f"{name!r} is not a login name the service takes: lower-case letters, digits and '_', "
            "starting with a letter"
        )
    if not head and not (team and team.strip()):
        raise ServiceError("a manager needs a team (--team TEAM)")
    if not password:
        raise ServiceError("the new login needs a password")
    conn = connect(url)
    try:
        with translating():
            if not applied_migrations(conn):
                raise ServiceError("the service has no schema yet: run 'cowork service init' first")
            if _role_exists(conn, name):
                raise ServiceError(f"the login {name} already exists")
            verifier = conn.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
            with conn.transaction():
                conn.execute(
                    sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                        sql.Identifier(name),
                        sql.Literal(verifier.decode()),
                        sql.Identifier(HEAD if head else MANAGER),
                    )
                )
                conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(OWNER)))
                if team:
                    conn.execute(
                        f"INSERT INTO {SCHEMA}.teams (name) VALUES (%s) ON CONFLICT DO NOTHING",
                        [team.strip()],
                    )
                conn.execute(
                    f"INSERT INTO {SCHEMA}.managers (role_name, team, head) VALUES (%s, %s, %s)",
                    [name, team.strip() if team else None, head],
                )
    finally:
        conn.close()
