"""``cowork publish`` to a real PostgreSQL server: the demo database's signed records go to the manager's team,
once (a second run inserts nothing), whole after a publish cut off half-way, never a record altered on the
laptop, never a draft.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from helpers.cli import run
from helpers.demo import copy_database
from helpers.files import rows
from helpers.pg import Service, add_login, login
from helpers.tamper import change_signed_answer

from cowork_desktop.domain.errors import ServiceError
from cowork_desktop.services import publish
from cowork_desktop.store.opening import open_store

pytestmark = pytest.mark.slow  # a PostgreSQL server

TABLES = (
    "cases",
    "workers",
    "coallocations",
    "form_versions",
    "certificates",
    "records",
    "signatures",
    "actions",
    "action_completions",
    "audit",
)


def local_signed(path: Path) -> dict[int, str]:
    return dict(rows(path, "SELECT id, content_hash FROM records WHERE status = 'signed'"))


def local_drafts(path: Path) -> int:
    return int(rows(path, "SELECT count(*) FROM records WHERE status <> 'signed'")[0][0])


def counts(service: Service) -> dict[str, int]:
    with psycopg.connect(service.admin_url, options="-c search_path=cowork") as admin:
        return {t: int(admin.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES}  # type: ignore[index]


def server_records(service: Service) -> dict[int, str]:
    with psycopg.connect(service.admin_url) as admin:
        rows = admin.execute("SELECT local_id, content_hash FROM cowork.records").fetchall()
    return {int(str(r[0])): str(r[1]) for r in rows}


def publish_cli(
    capsys: pytest.CaptureFixture[str], service: Service, name: str, db: Path
) -> tuple[int, dict[str, object], str]:
    code, out, err = run(capsys, "publish", "--db", str(db), "--url", service.url(name), "--json")
    return code, json.loads(out) if out else {}, err


def test_publish_sends_every_signed_record_once(
    initialised: Service, manager: str, laptop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signed = local_signed(laptop)
    assert len(signed) > 10 and local_drafts(laptop) > 0  # the demo has both

    code, report, err = publish_cli(capsys, initialised, manager, laptop)
    assert (code, err) == (0, ""), err
    assert report["sent"] == len(signed) and report["already_published"] == 0 and report["team"] == "north"
    assert server_records(initialised) == signed  # every signed record, by its hash; no draft
    first = counts(initialised)
    assert all(first[t] > 0 for t in TABLES if t != "certificates"), (
        first
    )  # the demo signs with no certificate
    with psycopg.connect(initialised.admin_url) as admin:
        xmins = admin.execute("SELECT reference, xmin::text FROM cowork.cases ORDER BY 1").fetchall()
        assert {str(r[0]) for r in admin.execute("SELECT DISTINCT team FROM cowork.records")} == {"north"}
        # the server's rows are what the laptop signed: each content gives its hash, and is the laptop's content
        for content, digest in admin.execute("SELECT content, content_hash FROM cowork.records"):
            assert json.loads(str(content))["record_id"] in signed
            assert signed[json.loads(str(content))["record_id"]] == digest

    # the second run sends nothing and writes nothing (not even an unchanged case)
    code, report, err = publish_cli(capsys, initialised, manager, laptop)
    assert (code, err) == (0, ""), err
    assert report["sent"] == 0 and report["already_published"] == len(signed)
    assert report["written"] == {}
    assert counts(initialised) == first
    with psycopg.connect(initialised.admin_url) as admin:
        assert admin.execute("SELECT reference, xmin::text FROM cowork.cases ORDER BY 1").fetchall() == xmins


def test_text_output_and_a_head_cannot_publish(
    initialised: Service,
    manager: str,
    laptop: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out, err = run(capsys, "publish", "--db", str(laptop), "--url", initialised.url(manager))
    assert (code, err) == (0, "")
    assert out.startswith("OK: ") and "sent to the team north" in out
    head = add_login(initialised, capsys, monkeypatch, head=True)
    monkeypatch.setenv("PGPASSWORD", f"pw-{head}")
    code, out, err = run(capsys, "publish", "--db", str(laptop), "--url", initialised.url(head))
    assert code == 1 and "writes nothing" in err and err.count("\n") == 1
    # a wrong password: one line, no traceback
    monkeypatch.setenv("PGPASSWORD", "wrong")
    code, out, err = run(capsys, "publish", "--db", str(laptop), "--url", initialised.url(manager))
    assert code == 1 and err.startswith("cowork: error: cannot reach the service") and "Traceback" not in err


def test_another_team_cannot_take_over_a_published_case(
    initialised: Service,
    manager: str,
    laptop: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert publish_cli(capsys, initialised, manager, laptop)[0] == 0
    before = counts(initialised)
    south = add_login(initialised, capsys, monkeypatch, team="south")
    monkeypatch.setenv("PGPASSWORD", f"pw-{south}")
    other = copy_database(laptop, tmp_path / "other" / "cowork.db")  # the same case references
    code, _, err = publish_cli(capsys, initialised, south, other)
    assert code == 1 and "row-level security" in err
    assert counts(initialised) == before  # the whole transaction was refused
    with login(initialised, south) as conn:
        assert conn.execute("SELECT count(*) FROM cases").fetchone() == (0,)


def test_a_record_altered_on_the_laptop_is_refused(
    initialised: Service, manager: str, laptop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signed = local_signed(laptop)
    victim = max(signed)
    change_signed_answer(laptop, victim)

    code, report, err = publish_cli(capsys, initialised, manager, laptop)
    assert (code, err) == (1, "")
    refused = report["refused"]
    assert isinstance(refused, list) and [r["record_id"] for r in refused] == [victim]
    assert "changed after signing" in refused[0]["message"]
    published = server_records(initialised)
    assert victim not in published and published == {k: v for k, v in signed.items() if k != victim}
    code, out, err = run(capsys, "publish", "--db", str(laptop), "--url", initialised.url(manager))
    assert code == 1 and f"refused: record {victim} (" in out and out.splitlines()[-1].startswith("NOT OK")


def test_an_unprotected_database_publishes_nothing(
    initialised: Service, manager: str, laptop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(laptop)
    conn.execute("DROP TRIGGER records_signed_no_update")
    conn.close()
    code, _, err = publish_cli(capsys, initialised, manager, laptop)
    assert code == 1 and "records_signed_no_update" in err and "nothing is published" in err
    assert counts(initialised)["records"] == 0 and counts(initialised)["cases"] == 0


class Cut(Exception):
    """The connection dropped (or the process was killed) after a batch."""


def test_a_publish_cut_off_half_way_leaves_whole_batches_and_the_next_run_completes(
    initialised: Service, manager: str, laptop: Path
) -> None:
    signed = local_signed(laptop)

    def cut(sent: int) -> None:
        raise Cut(sent)

    store = open_store(laptop)
    try:
        with pytest.raises(Cut):
            publish.publish(store, initialised.url(manager), batch_size=3, after_batch=cut)
    finally:
        store.close()
    # one whole batch: three records, each with its signatures and audit entries, nothing of the next batch
    with psycopg.connect(initialised.admin_url, options="-c search_path=cowork") as admin:
        assert admin.execute("SELECT count(*) FROM records").fetchone() == (3,)
        assert admin.execute(
            "SELECT count(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM signatures s WHERE s.record_hash ="
            " r.content_hash) OR NOT EXISTS (SELECT 1 FROM audit a WHERE a.record_hash = r.content_hash)"
        ).fetchone() == (0,)
        assert admin.execute(
            "SELECT count(*) FROM signatures s LEFT JOIN records r ON r.content_hash = s.record_hash"
            " WHERE r.content_hash IS NULL"
        ).fetchone() == (0,)

    store = open_store(laptop)
    try:
        report = publish.publish(store, initialised.url(manager), batch_size=3)
    finally:
        store.close()
    assert report.ok and report.already == 3 and report.sent == len(signed) - 3
    assert server_records(initialised) == signed


def test_a_url_with_a_password_is_refused(initialised: Service, manager: str, laptop: Path) -> None:
    store = open_store(laptop)
    try:
        with pytest.raises(ServiceError, match="PGPASSWORD"):
            publish.publish(store, initialised.url(manager).replace("@", ":pw@"))
    finally:
        store.close()


KILLED_MID_BATCH = """
import os, signal, sys
from cowork_desktop.service_store import publishing
from cowork_desktop.services import publish
from cowork_desktop.store.opening import open_store

calls = {"records": 0}
original = publishing.ServiceWriter._append

def dying(self, table, columns, rows):
    if table == "records":
        calls["records"] += 1
    count = original(self, table, columns, rows)
    if table == "records" and calls["records"] == 2:  # the second batch's records are in, its signatures not
        os.kill(os.getpid(), signal.SIGKILL)
    return count

publishing.ServiceWriter._append = dying
publish.publish(open_store(sys.argv[1]), sys.argv[2], batch_size=3)
"""


def test_a_publish_killed_inside_a_batch_leaves_the_server_consistent(
    initialised: Service, manager: str, laptop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SIGKILL half-way through a batch's transaction: the server rolls it back; the next run sends the rest."""
    signed = local_signed(laptop)
    done = subprocess.run(
        [sys.executable, "-c", KILLED_MID_BATCH, str(laptop), initialised.url(manager)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert len(server_records(initialised)) == 3  # the first batch, whole; nothing of the second
    code, report, err = publish_cli(capsys, initialised, manager, laptop)
    assert (code, err) == (0, ""), err
    assert report["already_published"] == 3 and report["sent"] == len(signed) - 3
    assert server_records(initialised) == signed


def test_the_certificates_the_laptop_knows_go_with_their_fingerprints(
    initialised: Service,
    manager: str,
    laptop: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CERT_PASSPHRASE", "a long test passphrase")
    code, _, err = run(
        capsys, "cert", "new", "--name", "Test Manager", "--org", "Test Council",
        "--out", str(tmp_path / "m.p12"), "--passphrase-env", "CERT_PASSPHRASE", "--db", str(laptop),
    )  # fmt: skip
    assert (code, err) == (0, ""), err
    assert publish_cli(capsys, initialised, manager, laptop)[0] == 0
    conn = sqlite3.connect(laptop)
    try:
        local = set(conn.execute("SELECT fingerprint, der FROM certificates").fetchall())
    finally:
        conn.close()
    with psycopg.connect(initialised.admin_url) as admin:
        held = {
            (str(f), bytes(d)) for f, d in admin.execute("SELECT fingerprint, der FROM cowork.certificates")
        }
    assert local and held == local


def test_completions_of_published_records_still_go_once_their_records_are_there(
    initialised: Service, manager: str, laptop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A publish that reads only the records the service lacks must still send the completions of actions agreed
    in records it already has (an action done after its record was published): here a first run cut off just
    before the completions, then a run with nothing left to send."""
    from cowork_desktop.service_store.publishing import ServiceWriter

    done_locally = rows(laptop, "SELECT count(*) FROM actions a JOIN records r ON r.id = a.record_id"
                        " WHERE a.done_date IS NOT NULL AND r.status = 'signed'")[0][0]  # fmt: skip
    assert done_locally > 0
    real = ServiceWriter.put_completions

    def cut_before(self: ServiceWriter, *args: object) -> None:
        raise Cut(0)

    monkeypatch.setattr(ServiceWriter, "put_completions", cut_before)
    store = open_store(laptop)
    try:
        with pytest.raises(Cut):
            publish.publish(store, initialised.url(manager))
        assert counts(initialised)["action_completions"] == 0
        monkeypatch.setattr(ServiceWriter, "put_completions", real)
        report = publish.publish(store, initialised.url(manager))
    finally:
        store.close()
    assert report.sent == 0 and report.already == len(local_signed(laptop))
    assert counts(initialised)["action_completions"] > 0
