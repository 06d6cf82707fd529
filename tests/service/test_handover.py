"""Handover and pull on a real PostgreSQL server: manager A (team north) publishes the demo, a head of service hands
one case over to manager B (team south), B pulls it into a fresh database and goes on with it there.

What must hold: every signed record of the case arrives (count and content hashes) and checks there (``cowork
check``); the pulled rows cannot be changed on B's laptop; a second pull adds nothing; B publishes new records on
the case and A can no longer write to it; the handover is audited on the server and cannot be changed; only a
head of service hands over, and a login pulls only what it may read; a published row tampered with on the server
is refused at the pull, nothing written.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psycopg
import pytest
from helpers.cli import assert_one_line_error, run
from helpers.demo import copy_database
from helpers.files import rows
from helpers.pg import Service, add_login, login

from cowork_desktop.domain.models import CoAllocation, Reason, RecordKind, Role, Worker
from cowork_desktop.services import sessions
from cowork_desktop.services.demo import demo_answers
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store

pytestmark = pytest.mark.slow  # a PostgreSQL server

PULLED = (
    "pulled_records",
    "pulled_signatures",
    "pulled_actions",
    "pulled_completions",
    "pulled_audit",
    "pulled_certificates",
    "pulled_handovers",
    "pulled_cases",
)


@dataclass
class Scene:
    service: Service
    laptop: Path  # manager A's database (the demo)
    a: str  # manager of the team north
    b: str  # manager of the team south
    head: str
    case: str  # the case handed over
    hashes: set[str]  # its signed records' content hashes on A's laptop


def as_login(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("PGPASSWORD", f"pw-{name}")


def signed_hashes_of(db: Path, reference: str) -> set[str]:
    return {
        str(r[0])
        for r in rows(
            db,
            "SELECT r.content_hash FROM records r JOIN cases c ON c.id = r.case_id"
            " WHERE c.reference = ? AND r.status = 'signed'",
            [reference],
        )
    }


def pull_cli(
    capsys: pytest.CaptureFixture[str], scene: Scene, name: str, db: Path, case: str | None = None
) -> tuple[int, dict[str, object], str]:
    code, out, err = run(
        capsys, "pull", "--case", case or scene.case, "--db", db, "--url", scene.service.url(name), "--json"
    )
    return code, json.loads(out) if out else {}, err


def fresh_db(capsys: pytest.CaptureFixture[str], path: Path) -> Path:
    code, _, err = run(capsys, "init", "--db", path)
    assert (code, err) == (0, ""), err
    return path


def count_rows(db: Path) -> dict[str, int]:
    return {t: int(rows(db, f"SELECT count(*) FROM {t}")[0][0]) for t in (*PULLED, "audit_log", "cases")}


@pytest.fixture
def scene(
    initialised: Service,
    demo_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Scene:
    """A publishes the demo; the head of service hands A's busiest case (most signed records) over to B."""
    laptop = copy_database(demo_template, tmp_path / "a" / "cowork.db")
    a = add_login(initialised, capsys, monkeypatch, team="north")
    b = add_login(initialised, capsys, monkeypatch, team="south")
    head = add_login(initialised, capsys, monkeypatch, head=True)
    as_login(monkeypatch, a)
    code, out, err = run(capsys, "publish", "--db", laptop, "--url", initialised.url(a))
    assert (code, err) == (0, ""), err
    case = str(
        rows(
            laptop,
            "SELECT c.reference FROM records r JOIN cases c ON c.id = r.case_id WHERE r.status = 'signed'"
            " GROUP BY c.id ORDER BY count(*) DESC, c.reference LIMIT 1",
        )[0][0]
    )
    as_login(monkeypatch, head)
    code, out, err = run(
        capsys, "service", "handover", "--case", case, "--to", b, "--url", initialised.url(head)
    )
    assert (code, err) == (0, ""), err
    assert f"case {case} handed over from {a} (team north) to {b} (team south) by {head}" in out
    as_login(monkeypatch, b)
    return Scene(initialised, laptop, a, b, head, case, signed_hashes_of(laptop, case))


def test_a_pull_brings_every_signed_record_and_it_checks(
    scene: Scene, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = fresh_db(capsys, tmp_path / "b" / "cowork.db")
    assert len(scene.hashes) >= 3

    code, report, err = pull_cli(capsys, scene, scene.b, fresh)
    assert (code, err) == (0, ""), err
    assert report["case_made"] is True and report["holder_team"] == "south"
    assert report["pulled"] == len(scene.hashes) == report["on_service"] and report["already_pulled"] == 0
    # every signed record, by its content hash, exactly as A's laptop holds it
    pulled = {str(r[0]) for r in rows(fresh, "SELECT content_hash FROM pulled_records")}
    assert pulled == scene.hashes
    # ... with its signatures and agreed actions as A's laptop has them
    a_sigs = rows(
        scene.laptop,
        "SELECT count(*) FROM signatures s JOIN records r ON r.id = s.record_id JOIN cases c ON c.id = r.case_id"
        " WHERE c.reference = ? AND r.status = 'signed'",
        [scene.case],
    )[0][0]
    assert rows(fresh, "SELECT count(*) FROM pulled_signatures")[0][0] == a_sigs
    # the case is there to go on with; the pull is in B's own audit chain, with every record it brought
    assert rows(fresh, "SELECT reference FROM cases") == [(scene.case,)]
    entry = rows(fresh, "SELECT id, detail FROM audit_log WHERE action = 'pull'")
    assert len(entry) == 1 and entry[0][0] == report["audit_entry"]
    assert sorted(json.loads(entry[0][1])["records"]) == sorted(scene.hashes)
    assert rows(fresh, "SELECT DISTINCT pull_id FROM pulled_records") == [(entry[0][0],)]

    code, out, err = run(capsys, "check", "--db", fresh)
    assert (code, err) == (0, ""), out
    assert out.startswith("OK: ") and f"{len(scene.hashes)} pulled signed records" in out
    code, out, err = run(capsys, "check", "--db", fresh, "--json")
    assert code == 0 and json.loads(out)["pulled_records"] == len(scene.hashes)

    # a second pull adds nothing: no row, no audit entry
    before = count_rows(fresh)
    code, again, err = pull_cli(capsys, scene, scene.b, fresh)
    assert (code, err) == (0, ""), err
    assert again["pulled"] == 0 and again["already_pulled"] == len(scene.hashes)
    assert again["audit_entry"] is None and again["added"] == {} and again["case_made"] is False
    assert count_rows(fresh) == before


def test_the_handover_is_audited_on_the_server_and_cannot_be_changed(scene: Scene) -> None:
    with psycopg.connect(scene.service.admin_url, options="-c search_path=cowork", autocommit=True) as admin:
        found = admin.execute(
            "SELECT case_reference, from_team, from_manager, to_team, to_manager, handed_over_by,"
            " handed_over_at IS NOT NULL FROM handovers"
        ).fetchall()
        assert found == [(scene.case, "north", scene.a, "south", scene.b, scene.head, True)]
        assert admin.execute("SELECT team FROM cases WHERE reference = %s", [scene.case]).fetchone() == (
            "south",
        )
        # not even the server's superuser changes or deletes it with plain SQL
        for statement in (
            "UPDATE handovers SET to_manager = from_manager",
            "DELETE FROM handovers",
            "TRUNCATE handovers",
        ):
            with pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="append-only"):
                admin.execute(statement)
    # the logins hold no write on it at all
    for name in (scene.a, scene.b, scene.head):
        with login(scene.service, name) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO handovers (case_reference, from_team, from_manager, to_team, to_manager,"
                " handed_over_by) VALUES (%s, 'south', 'x', 'north', %s, 'x')",
                [scene.case, scene.a],
            )


def test_the_old_team_no_longer_writes_to_the_case_and_keeps_only_what_it_published(
    scene: Scene, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with login(scene.service, scene.a) as a:
        # the case is no longer the team's: its row is out of sight, and nothing of the case can be written
        assert a.execute("SELECT count(*) FROM cases WHERE reference = %s", [scene.case]).fetchone() == (0,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            a.execute(
                "INSERT INTO coallocations (source, local_id, team, case_reference, worker1_id, worker2_id,"
                " lead_worker_id, start_date, updated_at)"
                " SELECT source, 999999, 'north', case_reference, worker1_id, worker2_id, lead_worker_id,"
                " start_date, updated_at FROM coallocations WHERE case_reference = %s LIMIT 1",
                [scene.case],
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            a.execute(
                "INSERT INTO audit (source, id, team, record_hash, at, actor, action, entity, entity_id, detail,"
                " prev_hash, hash) SELECT source, 999999, 'north', record_hash, at, actor, 'note', entity,"
                " entity_id, detail, prev_hash, hash FROM audit WHERE record_hash = %s LIMIT 1",
                [next(iter(scene.hashes))],
            )
        # what the team published itself stays readable to it (its own rows); nothing published after
        seen = {
            str(r[0])
            for r in a.execute("SELECT content_hash FROM records WHERE case_reference = %s", [scene.case])
        }
        assert seen == scene.hashes
    # A's next publish leaves the case alone and says so; everything else still goes
    as_login(monkeypatch, scene.a)
    code, out, err = run(capsys, "publish", "--db", scene.laptop, "--url", scene.service.url(scene.a))
    assert (code, err) == (0, ""), err
    assert f"not published: case {scene.case} was handed over to {scene.b} (team south)" in out
    # A may not pull the case now, nor hand it on
    fresh = fresh_db(capsys, tmp_path / "a2" / "cowork.db")
    code, _, err = run(
        capsys, "pull", "--case", scene.case, "--db", fresh, "--url", scene.service.url(scene.a)
    )
    assert code == 1
    assert_one_line_error(err, "no case", scene.case, "may read")
    code, _, err = run(
        capsys,
        "service",
        "handover",
        "--case",
        scene.case,
        "--to",
        scene.a,
        "--url",
        scene.service.url(scene.a),
    )
    assert code == 1
    assert_one_line_error(err, "only a head of service")
    # ... nor by calling the function itself
    with login(scene.service, scene.a) as a, pytest.raises(psycopg.errors.InsufficientPrivilege):
        a.execute("SELECT hand_over(%s, %s)", [scene.case, scene.a])


def _sign_initial_meeting(ws: Workspace, case_id: int, on: date) -> str:
    """B's own co-workers on the case, a new co-allocation and its initial meeting, signed."""
    s = ws.store
    lead = s.add_worker(Worker("Bola Mensah", Role.SENIOR_PRACTITIONER, "South"))
    other = s.add_worker(Worker("Ines Duarte", Role.ASYE, "South"))
    assert lead.id and other.id
    ca = s.add_coallocation(CoAllocation(case_id, lead.id, other.id, lead.id, on, [Reason.COVER]))
    assert ca.id
    record = sessions.start_record(ws, ca.id, RecordKind.INITIAL_MEETING, on).value
    assert record.id is not None
    answers = demo_answers(sessions.form_for(ws, record), ca, sessions.context_for(ws, ca), on)
    sessions.save_draft(ws, record.id, answers, based_on=s.get_record(record.id).revision)
    sessions.ready_for_signatures(ws, record.id)
    for worker in (lead, other):
        sessions.add_signature(
            ws, record.id, worker_id=worker.id, name=worker.name, role=worker.role.label, method="typed"
        )
    return sessions.sign_off(ws, record.id, manager_name="Kofi Boateng").value.content_hash


def test_the_new_manager_goes_on_with_the_case_and_publishes_it(
    scene: Scene, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = fresh_db(capsys, tmp_path / "b" / "cowork.db")
    assert pull_cli(capsys, scene, scene.b, fresh)[0] == 0
    store = open_store(fresh)
    try:
        case = store.find_case(scene.case)
        assert case.id is not None
        new_hash = _sign_initial_meeting(Workspace.open(store), case.id, date(2026, 12, 1))
    finally:
        store.close()
    code, out, err = run(capsys, "check", "--db", fresh)
    assert (code, err) == (0, ""), out
    code, out, err = run(capsys, "publish", "--db", fresh, "--url", scene.service.url(scene.b))
    assert (code, err) == (0, ""), err
    assert (
        "1 signed record(s) sent to the team south" in out
    )  # its own record; the pulled history is not sent
    with psycopg.connect(scene.service.admin_url, options="-c search_path=cowork") as admin:
        assert admin.execute(
            "SELECT team, case_reference FROM records WHERE content_hash = %s", [new_hash]
        ).fetchone() == ("south", scene.case)
    # a second pull brings nothing new: B's own record is B's own
    code, again, err = pull_cli(capsys, scene, scene.b, fresh)
    assert (code, err) == (0, "")
    assert again["pulled"] == 0 and again["own"] == 1 and again["on_service"] == len(scene.hashes) + 1
    # A sees nothing of what B published
    with login(scene.service, scene.a) as a:
        assert a.execute("SELECT count(*) FROM records WHERE content_hash = %s", [new_hash]).fetchone() == (
            0,
        )


def test_pulled_rows_cannot_be_changed_on_the_new_laptop(
    scene: Scene, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = fresh_db(capsys, tmp_path / "b" / "cowork.db")
    assert pull_cli(capsys, scene, scene.b, fresh)[0] == 0
    victim = str(
        rows(fresh, "SELECT record_hash FROM pulled_actions ORDER BY 1 LIMIT 1")[0][0]
    )  # one with actions
    conn = sqlite3.connect(fresh)
    try:
        for statement, refusal in (
            ("UPDATE pulled_records SET content = '{}' WHERE content_hash = ?", "cannot be changed"),
            ("DELETE FROM pulled_records WHERE content_hash = ?", "cannot be deleted"),
            (
                "UPDATE pulled_signatures SET signer_name = 'Someone Else' WHERE record_hash = ?",
                "cannot be changed",
            ),
            ("DELETE FROM pulled_audit WHERE record_hash = ?", "cannot be deleted"),
            ("UPDATE pulled_actions SET due_date = '2030-01-01' WHERE record_hash = ?", "cannot be changed"),
        ):
            with pytest.raises(sqlite3.IntegrityError, match=refusal):
                conn.execute(statement, [victim])
        for statement in ("UPDATE pulled_handovers SET to_manager = 'x'", "DELETE FROM pulled_cases"):
            with pytest.raises(sqlite3.IntegrityError, match="pulled history cannot be"):
                conn.execute(statement)
        # nor can history be added by hand: only a pull, right after its audit entry
        with pytest.raises(sqlite3.IntegrityError, match="only by a pull"):
            conn.execute(
                "INSERT INTO pulled_records SELECT substr(content_hash, 2) || '0', pull_id, source, origin_id + 1000,"
                " case_reference, coallocation_origin_id, kind, meeting_date, version, supersedes_origin_id,"
                " form_id, form_version, canon, content, signed_at, team, published_by, published_at"
                " FROM pulled_records WHERE content_hash = ?",
                [victim],
            )
    finally:
        conn.close()
    assert run(capsys, "check", "--db", fresh)[0] == 0


def test_a_pulled_record_changed_with_its_trigger_dropped_is_named_by_check(
    scene: Scene, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = fresh_db(capsys, tmp_path / "b" / "cowork.db")
    assert pull_cli(capsys, scene, scene.b, fresh)[0] == 0
    victim = sorted(scene.hashes)[0]
    trigger = str(
        rows(fresh, "SELECT sql FROM sqlite_master WHERE name = 'pulled_signatures_no_update'")[0][0]
    )
    conn = sqlite3.connect(fresh)
    try:
        with conn:
            conn.execute("DROP TRIGGER pulled_signatures_no_update")
            conn.execute(
                "UPDATE pulled_signatures SET signer_name = 'Someone Else' WHERE record_hash = ? AND position = 1",
                [victim],
            )
            conn.execute(trigger)
    finally:
        conn.close()
    code, out, _ = run(capsys, "check", "--db", fresh)
    assert code == 1
    assert "its signatures are not those its content names" in out
    assert "is not what that pull added" in out  # the pull's digest names it too


def test_a_record_tampered_with_on_the_server_is_refused_at_the_pull(
    scene: Scene, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An administrator drops the append-only trigger, edits a published record's content and puts it back: the
    pull refuses the case and writes nothing."""
    victim = sorted(scene.hashes)[0]
    with (
        psycopg.connect(scene.service.admin_url, options="-c search_path=cowork", autocommit=True) as admin,
        admin.transaction(),
    ):
        admin.execute("DROP TRIGGER records_no_change ON records")
        admin.execute(
            "UPDATE records SET content = replace(content, '\"version\":', '\"version\": ') WHERE content_hash = %s",
            [victim],
        )
        admin.execute(
            "CREATE TRIGGER records_no_change BEFORE UPDATE OR DELETE ON records"
            " FOR EACH ROW EXECUTE FUNCTION refuse_change()"
        )
    fresh = fresh_db(capsys, tmp_path / "b" / "cowork.db")
    before = count_rows(fresh)
    code, _, err = pull_cli(capsys, scene, scene.b, fresh)
    assert code == 1
    assert_one_line_error(
        err, "not pulled", scene.case, "does not give its content hash", "nothing was written"
    )
    assert count_rows(fresh) == before


def test_a_signature_tampered_with_on_the_server_is_refused_at_the_pull(
    scene: Scene, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = sorted(scene.hashes)[0]
    with (
        psycopg.connect(scene.service.admin_url, options="-c search_path=cowork", autocommit=True) as admin,
        admin.transaction(),
    ):
        admin.execute("DROP TRIGGER signatures_no_change ON signatures")
        admin.execute(
            "UPDATE signatures SET signer_name = 'Someone Else' WHERE record_hash = %s AND position = 1",
            [victim],
        )
        admin.execute(
            "CREATE TRIGGER signatures_no_change BEFORE UPDATE OR DELETE ON signatures"
            " FOR EACH ROW EXECUTE FUNCTION refuse_change()"
        )
    fresh = fresh_db(capsys, tmp_path / "b" / "cowork.db")
    before = count_rows(fresh)
    code, _, err = pull_cli(capsys, scene, scene.b, fresh)
    assert code == 1
    assert_one_line_error(err, "not pulled", "signatures are not those its content names")
    assert count_rows(fresh) == before


def test_handover_refusals(
    scene: Scene, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_login(monkeypatch, scene.head)
    url = scene.service.url(scene.head)
    # a case published with no signed record (the demo has new cases with none yet)
    with psycopg.connect(scene.service.admin_url, options="-c search_path=cowork") as admin:
        bare = admin.execute(
            "SELECT reference FROM cases c WHERE NOT EXISTS (SELECT 1 FROM records r"
            " WHERE r.case_reference = c.reference) ORDER BY 1 LIMIT 1"
        ).fetchone()
    cases: list[tuple[list[str], tuple[str, ...]]] = [
        (["--case", "CR-NO-SUCH", "--to", scene.b], ("no case CR-NO-SUCH",)),
        (["--case", scene.case, "--to", "nobody_here"], ("no manager nobody_here",)),
        (["--case", scene.case, "--to", scene.b], ("already held by", scene.b)),
        (["--case", scene.case, "--to", scene.head], ("head of service", "not the manager of a team")),
    ]
    if bare is not None:
        cases.append((["--case", str(bare[0]), "--to", scene.b], ("no published signed records",)))
    for argv, words in cases:
        code, out, err = run(capsys, "service", "handover", *argv, "--url", url)
        assert code == 1, (argv, out)
        assert_one_line_error(err, *words)
    assert bare is not None, "the demo should publish a case with no signed record"
    with psycopg.connect(scene.service.admin_url, options="-c search_path=cowork") as admin:
        assert admin.execute("SELECT count(*) FROM handovers").fetchone() == (1,)  # the scene's only


def test_a_pull_into_a_database_with_another_case_of_that_reference_is_refused(
    scene: Scene, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = fresh_db(capsys, tmp_path / "b" / "cowork.db")
    store = open_store(other)
    try:
        from cowork_desktop.domain.models import Case

        store.add_case(Case(scene.case.lower()))  # the same reference, whatever its letters' case
    finally:
        store.close()
    before = count_rows(other)
    code, _, err = pull_cli(capsys, scene, scene.b, other)
    assert code == 1
    assert_one_line_error(err, "already holds a case", "nothing was pulled")
    assert count_rows(other) == before


def test_a_signed_note_of_a_pulled_record_verifies_against_the_new_database(
    scene: Scene, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The note A signed and put on the child's file is valid against B's database once B has pulled the case:
    its record is the pulled one and the certificate came with it. Without the pull, it is not B's."""
    from cowork_desktop.services.demo import MANAGER_NAME

    monkeypatch.setenv("CERT_PASSPHRASE", "a long test passphrase")
    cert = tmp_path / "a.p12"
    code, _, err = run(
        capsys, "cert", "new", "--name", MANAGER_NAME, "--org", "Test Council", "--out", cert,
        "--passphrase-env", "CERT_PASSPHRASE", "--db", scene.laptop,
    )  # fmt: skip
    assert (code, err) == (0, ""), err
    record_id = int(
        rows(
            scene.laptop,
            "SELECT max(r.id) FROM records r JOIN cases c ON c.id = r.case_id WHERE c.reference = ?"
            " AND r.status = 'signed' AND NOT EXISTS (SELECT 1 FROM records n WHERE n.supersedes_id = r.id"
            " AND n.status = 'signed')",
            [scene.case],
        )[0][0]
    )
    note = tmp_path / "note.pdf"
    code, _, err = run(
        capsys, "export", "--record", record_id, "--out", note, "--cert", cert,
        "--passphrase-env", "CERT_PASSPHRASE", "--db", scene.laptop,
    )  # fmt: skip
    assert (code, err) == (0, ""), err
    # A's next publish sends the certificate (the case itself is B's now)
    as_login(monkeypatch, scene.a)
    assert run(capsys, "publish", "--db", scene.laptop, "--url", scene.service.url(scene.a))[0] == 0

    fresh = fresh_db(capsys, tmp_path / "b" / "cowork.db")
    code, out, err = run(capsys, "verify", note, "--db", fresh)
    assert code == 1 and "Result: NOT VALID" in out  # not B's record (yet)
    as_login(monkeypatch, scene.b)
    code, _, err = pull_cli(capsys, scene, scene.b, fresh)
    assert (code, err) == (0, ""), err
    assert rows(fresh, "SELECT common_name FROM pulled_certificates") == [(MANAGER_NAME,)]
    code, out, err = run(capsys, "verify", note, "--db", fresh, "--json")
    data = json.loads(out)
    assert (code, err) == (0, ""), out
    assert data["result"] == "valid" and data["signer"]["trusted_by"] == "pulled", data
    assert data["record"]["matches_database"] is True and data["findings"] == []
    # B's own certificates are not A's: the pulled one vouches only for pulled records
    assert rows(fresh, "SELECT count(*) FROM certificates") == [(0,)]


def test_a_service_without_m003_still_takes_a_publish_and_then_upgrades(
    pg_database: Service,
    demo_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A laptop updated before its service: publishing works on a service at m002 (no handovers there yet), and
    `cowork service init` then applies m003 to the published rows."""
    from cowork_desktop.service_store import admin
    from cowork_desktop.service_store.migrations import MIGRATIONS as every

    monkeypatch.setattr(admin, "MIGRATIONS", every[:2])
    code, out, err = run(capsys, "service", "init", "--url", pg_database.admin_url)
    assert (code, err) == (0, "") and "m003" not in out
    monkeypatch.setattr(admin, "MIGRATIONS", every)
    laptop = copy_database(demo_template, tmp_path / "a" / "cowork.db")
    a = add_login(pg_database, capsys, monkeypatch, team="north")
    as_login(monkeypatch, a)
    code, out, err = run(capsys, "publish", "--db", laptop, "--url", pg_database.url(a))
    assert (code, err) == (0, ""), err
    code, out, err = run(capsys, "service", "init", "--url", pg_database.admin_url)
    assert (code, err) == (0, "") and "applied m003_handover" in out
    code, out, err = run(capsys, "publish", "--db", laptop, "--url", pg_database.url(a))
    assert (code, err) == (0, "") and "0 signed record(s) sent" in out
