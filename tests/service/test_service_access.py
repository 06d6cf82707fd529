"""The service store on a real PostgreSQL server: the schema made by ``cowork service init``, the logins made by
``cowork service user add``, and what the database itself lets each login do (row-level security, privileges,
triggers), tried with plain SQL as each role would.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import psycopg
import pytest
from helpers.cli import run
from helpers.pg import Service, add_login, login

pytestmark = pytest.mark.slow  # a PostgreSQL server

H = "a" * 64


@pytest.fixture
def teams(
    initialised: Service, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[dict[str, str]]:
    """Managers of the teams north and south, a head of service, and one row of each team in every team table
    (written by each manager through their own login)."""
    names = {
        "north": add_login(initialised, capsys, monkeypatch, team="north"),
        "south": add_login(initialised, capsys, monkeypatch, team="south"),
        "head": add_login(initialised, capsys, monkeypatch, head=True),
    }
    with psycopg.connect(initialised.admin_url, autocommit=True) as admin:
        admin.execute("INSERT INTO cowork.form_versions VALUES ('initial', 1, '{}', %s)", [H])
    for team in ("north", "south"):
        with login(initialised, names[team]) as conn:
            write_team_rows(conn, team)
    yield names


def write_team_rows(conn: psycopg.Connection[tuple[object, ...]], team: str) -> None:
    """One case, two workers, a co-allocation, a signed record with its signature and audit entry, written with
    plain SQL through the team manager's own login (the server recomputes the record's hash from its content)."""
    source = "00000000-0000-0000-0000-00000000000" + ("1" if team == "north" else "2")
    content = f'{{"team":"{team}"}}'
    digest = hashlib.sha256(content.encode()).hexdigest()
    with conn.transaction():
        conn.execute(
            "INSERT INTO cases (reference, team, source, local_id, children_count, plan_type, status, updated_at)"
            " VALUES (%s, %s, %s, 1, 1, 'cin', 'open', 'now')",
            [f"REF-{team}", team, source],
        )
        conn.execute(
            "INSERT INTO workers (source, local_id, team, name, role, active, updated_at)"
            " VALUES (%s, 1, %s, 'A', 'social_worker', true, 'now'), (%s, 2, %s, 'B', 'student', true, 'now')",
            [source, team, source, team],
        )
        conn.execute(
            "INSERT INTO coallocations (source, local_id, team, case_reference, worker1_id, worker2_id,"
            " lead_worker_id, start_date, updated_at) VALUES (%s, 1, %s, %s, 1, 2, 1, '2026-01-05', 'now')",
            [source, team, f"REF-{team}"],
        )
        conn.execute(
            "INSERT INTO records (content_hash, team, source, local_id, case_reference, coallocation_id, kind,"
            " meeting_date, version, form_id, form_version, canon, content) VALUES"
            " (%s, %s, %s, 1, %s, 1, 'initial_meeting', '2026-01-06', 1, 'initial', 1, 2, %s)",
            [digest, team, source, f"REF-{team}", content],
        )
        conn.execute(
            "INSERT INTO signatures (record_hash, position, team, signer_name, signer_role, method, statement,"
            " signed_at) VALUES (%s, 1, %s, 'A', 'Social worker', 'typed', 'I agree', 'now')",
            [digest, team],
        )
        conn.execute(
            "INSERT INTO audit (source, id, team, record_hash, at, actor, action, entity, entity_id, detail,"
            " prev_hash, hash) VALUES (%s, 1, %s, %s, 'now', 'M', 'lock', 'record', 1, '{}', '', '')",
            [source, team, digest],
        )


TEAM_TABLES = ("cases", "workers", "coallocations", "records", "signatures", "audit")


def visible(conn: psycopg.Connection[tuple[object, ...]], table: str) -> set[str]:
    return {str(r[0]) for r in conn.execute(f"SELECT team FROM {table}")}


def refused(
    conn: psycopg.Connection[tuple[object, ...]], statement: str, params: list[object] | None = None
) -> str:
    """The server's refusal of ``statement`` (it must refuse, and change nothing)."""
    with pytest.raises(psycopg.Error) as caught:
        conn.execute(statement, params)
    return str(caught.value)


# ------------------------------------------------------------------------------------------------ tests


def test_init_twice_applies_nothing_new(initialised: Service, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "service", "init", "--url", initialised.admin_url)
    assert (code, err) == (0, "")
    assert "0 migration(s) applied" in out and "applied m001" not in out
    with psycopg.connect(initialised.admin_url) as admin:
        assert admin.execute("SELECT version, name FROM cowork.schema_migrations").fetchall() == [
            (1, "m001_initial"),
            (2, "m002_policies_once_per_statement"),
            (3, "m003_handover"),
            (4, "m004_record_answers"),
        ]
        # each policy asks for the login's team once per statement (a sub-select), not once per row
        quals = admin.execute(
            "SELECT tablename, policyname, coalesce(qual, '') || coalesce(with_check, '') FROM pg_policies"
            " WHERE schemaname = 'cowork'"
        ).fetchall()
        assert len(quals) > 16
        for table, policy, text in quals:
            for look_up in ("team_of", "is_head"):
                calls = text.count(f"{look_up}(CURRENT_USER)")
                assert calls == text.count(f"SELECT cowork.{look_up}(CURRENT_USER)"), (table, policy, text)
        owner = admin.execute(
            "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'cowork'"
        ).fetchall()
        assert owner == [("cowork_owner",)]  # the schema's owner is no login
        login_roles = admin.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE 'cowork\\_%' AND rolcanlogin"
        ).fetchall()
        assert ("cowork_owner",) not in login_roles


def test_a_manager_sees_and_writes_only_their_team(teams: dict[str, str], initialised: Service) -> None:
    with login(initialised, teams["north"]) as north:
        for table in TEAM_TABLES:
            assert visible(north, table) == {"north"}, table
        # writing a row of the other team is refused by the policy, whatever the team column says
        message = refused(
            north,
            "INSERT INTO cases (reference, team, source, local_id, children_count, plan_type, status, updated_at)"
            " VALUES ('REF-X', 'south', gen_random_uuid(), 9, 1, 'cin', 'open', 'now')",
        )
        assert "row-level security" in message
        # the other team's rows cannot be reached to change them: no row matches
        assert north.execute("UPDATE cases SET status = 'closed' WHERE team = 'south'").rowcount == 0
    with psycopg.connect(initialised.admin_url) as admin:
        assert admin.execute("SELECT team, status FROM cowork.cases ORDER BY team").fetchall() == [
            ("north", "open"),
            ("south", "open"),
        ]


def test_moving_a_row_to_another_team_is_refused(teams: dict[str, str], initialised: Service) -> None:
    with login(initialised, teams["north"]) as north:
        assert "row-level security" in refused(north, "UPDATE cases SET team = 'south' WHERE team = 'north'")


def test_a_manager_without_a_managers_row_sees_nothing(initialised: Service, teams: dict[str, str]) -> None:
    """A login in the manager's group role but not in managers (or one that SET ROLEs to the group) has no team."""
    with login(initialised, teams["north"]) as north:
        north.execute("SET ROLE cowork_manager")
        for table in TEAM_TABLES:
            assert visible(north, table) == set(), table


def test_head_of_service_reads_every_team_and_writes_nothing(
    teams: dict[str, str], initialised: Service
) -> None:
    with login(initialised, teams["head"]) as head:
        for table in TEAM_TABLES:
            assert visible(head, table) == {"north", "south"}, table
        assert len(head.execute("SELECT * FROM managers").fetchall()) >= 3
        for statement in (
            "INSERT INTO teams (name) VALUES ('east')",
            "INSERT INTO cases (reference, team, source, local_id, children_count, plan_type, status, updated_at)"
            " VALUES ('REF-H', 'north', gen_random_uuid(), 9, 1, 'cin', 'open', 'now')",
            "UPDATE cases SET status = 'closed'",
            "DELETE FROM audit",
            "UPDATE managers SET head = false",
        ):
            assert "permission denied" in refused(head, statement), statement


def test_a_manager_reads_only_their_own_managers_row(teams: dict[str, str], initialised: Service) -> None:
    with login(initialised, teams["south"]) as south:
        assert south.execute("SELECT role_name, team FROM managers").fetchall() == [(teams["south"], "south")]
        assert "permission denied" in refused(
            south, "INSERT INTO managers (role_name, team) VALUES ('x', 'south')"
        )


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE records SET content = content || ' '",
        "DELETE FROM records",
        "UPDATE signatures SET signer_name = 'X'",
        "DELETE FROM signatures",
        "UPDATE audit SET actor = 'X'",
        "DELETE FROM audit",
        "UPDATE form_versions SET definition = 'x'",
        "DELETE FROM form_versions",
        "TRUNCATE records CASCADE",
    ],
)
def test_published_rows_cannot_change_with_plain_sql(
    teams: dict[str, str], initialised: Service, statement: str
) -> None:
    # as the manager who published them: no privilege (and the trigger behind it)
    with login(initialised, teams["north"]) as north:
        assert "permission denied" in refused(north, statement)
    # as the schema's owner (with the team tables' rows out of its sight, the trigger is met on the superuser
    # below): the form versions it sees are refused by the trigger
    with psycopg.connect(initialised.admin_url, autocommit=True, options="-c search_path=cowork") as admin:
        admin.execute("SET ROLE cowork_owner")
        if "form_versions" in statement or "TRUNCATE" in statement:
            assert "append-only" in refused(admin, statement)
        else:
            assert admin.execute(statement).rowcount == 0  # row-level security (FORCE) hides every row
        admin.execute("RESET ROLE")
        # as the cluster's superuser, who sees every row: the trigger refuses
        assert "append-only" in refused(admin, statement)
        assert admin.execute("SELECT count(*) FROM records").fetchone() == (2,)
        assert admin.execute("SELECT count(*) FROM signatures").fetchone() == (2,)


def test_the_server_recomputes_a_records_hash(teams: dict[str, str], initialised: Service) -> None:
    with login(initialised, teams["north"]) as north:
        message = refused(
            north,
            "INSERT INTO records (content_hash, team, source, local_id, case_reference, coallocation_id, kind,"
            " meeting_date, version, form_id, form_version, canon, content) VALUES"
            " (%s, 'north', gen_random_uuid(), 2, 'REF-north', 1, 'review', '2026-02-06', 1, 'initial', 1, 2,"
            ' \'{"answers":"changed"}\')',
            ["9" * 64],
        )
        assert "does not give its content hash" in message


def test_user_add_refuses_what_it_must(
    initialised: Service, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PW", "secret")
    code, _, err = run(
        capsys, "service", "user", "add", "x1", "--password-env", "PW", "--url", initialised.admin_url
    )
    assert code == 2 and "--team" in err

    def add_to_team_t(name: str, *password: str) -> tuple[int, str, str]:
        return run(
            capsys, "service", "user", "add", name, "--team", "t", *password, "--url", initialised.admin_url
        )

    code, _, err = add_to_team_t("Bad-Name", "--password-env", "PW")
    assert code == 1 and "not a login name" in err
    code, _, err = add_to_team_t("x2", "--password-env", "UNSET_VAR")
    assert code == 2 and "UNSET_VAR" in err
    code, _, err = add_to_team_t("x3", "--password", "secret")
    assert code == 2 and "secret" not in err
    # a password in the URL is refused before anything is sent
    url = initialised.admin_url.replace("cowork_admin@", "cowork_admin:secret@")
    code, _, err = run(capsys, "service", "init", "--url", url)
    assert code == 1 and "PGPASSWORD" in err and "secret" not in err


def test_the_password_is_never_in_a_statement(teams: dict[str, str], initialised: Service) -> None:
    """The server holds a SCRAM verifier, made by libpq before the statement was sent."""
    with psycopg.connect(initialised.admin_url) as admin:
        row = admin.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = %s", [teams["north"]]
        ).fetchone()
    assert row is not None and str(row[0]).startswith("SCRAM-SHA-256$")
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(initialised.url(teams["north"]), password="wrong").close()


def test_a_migration_that_fails_half_way_leaves_nothing_of_itself(
    initialised: Service, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each migration runs in one transaction with its row in schema_migrations: a failure half-way (its first
    statement done, its second refused) leaves neither, and the next init applies it whole."""
    from cowork_desktop.service_store import admin, migrations

    last = migrations.MIGRATIONS[-1].number  # numbers may skip one (m003 is the handover's)
    new = last + 1
    broken = migrations.Migration(new, "m_test", "CREATE TABLE half_done (x int); SELECT 1/0;")
    monkeypatch.setattr(admin, "MIGRATIONS", (*migrations.MIGRATIONS, broken))
    code, _, err = run(capsys, "service", "init", "--url", initialised.admin_url)
    assert code == 1 and "division by zero" in err
    with psycopg.connect(initialised.admin_url) as conn:
        assert conn.execute("SELECT max(version) FROM cowork.schema_migrations").fetchall() == [(last,)]
        assert conn.execute("SELECT to_regclass('cowork.half_done')").fetchone() == (None,)
    fixed = migrations.Migration(new, "m_test", "CREATE TABLE half_done (x int);")
    monkeypatch.setattr(admin, "MIGRATIONS", (*migrations.MIGRATIONS, fixed))
    code, out, err = run(capsys, "service", "init", "--url", initialised.admin_url)
    assert (code, err) == (0, "") and "applied m_test" in out
    with psycopg.connect(initialised.admin_url) as conn:
        assert conn.execute("SELECT max(version) FROM cowork.schema_migrations").fetchall() == [(new,)]
        owner = conn.execute("SELECT tableowner FROM pg_tables WHERE tablename = 'half_done'").fetchone()
        assert owner == ("cowork_owner",)


def test_a_record_arrives_whole_or_not_at_all(teams: dict[str, str], initialised: Service) -> None:
    content = '{"alone":true}'
    with login(initialised, teams["north"]) as north:
        with pytest.raises(psycopg.Error, match="arrived without its signatures"), north.transaction():
            north.execute(
                "INSERT INTO records (content_hash, team, source, local_id, case_reference, coallocation_id, kind,"
                " meeting_date, version, form_id, form_version, canon, content) VALUES (%s, 'north',"
                " gen_random_uuid(), 3, 'REF-north', 1, 'review', '2026-02-06', 1, 'initial', 1, 2, %s)",
                [hashlib.sha256(content.encode()).hexdigest(), content],
            )
        assert north.execute("SELECT count(*) FROM records").fetchone() == (1,)
