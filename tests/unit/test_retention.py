"""Retention: off by default; candidates are ended co-allocations whose signed records were all exported N months
ago; the purge is the only path that deletes signed rows, and it is audited."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from helpers.cli import run
from helpers.records import signed_initial_meeting

from cowork_desktop.domain.audit import entry_hash
from cowork_desktop.domain.errors import CoworkError, HeldElsewhere, ValidationError
from cowork_desktop.domain.models import Record
from cowork_desktop.services import retention
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store import backup, owner
from cowork_desktop.store.opening import open_store

EXPORTED_AT = "2026-11-10T10:00:00+00:00"
#: an export long enough ago for a 6-month rule to be due today (a purge always uses the real clock)
LONG_AGO = "2025-01-10T10:00:00+00:00"


def export_audit(ws: Workspace, record: Record, at: str = EXPORTED_AT) -> None:
    """What services.export writes after a signed export (the PDF itself is tested elsewhere)."""
    store = ws.store
    head = store.chain_head()
    detail = '{"signed": true, "version": 1}'
    digest = entry_hash(head.hash, head.id + 1, at, "test", "export", "record", record.id, detail)
    with store.tx():
        store.db.execute(
            "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, detail, prev_hash, hash)"
            " VALUES (?, ?, 'test', 'export', 'record', ?, ?, ?, ?)",
            [head.id + 1, at, record.id, detail, head.hash, digest],
        )


def end(ws: Workspace, coallocation_id: int, on: date = date(2026, 11, 20)) -> None:
    ca = ws.store.get_coallocation(coallocation_id)
    ca.end_date = on
    ca.end_reason = "Co-working ended"
    ws.store.update_coallocation(ca)


@pytest.fixture
def ended(ws: Workspace, coworked: dict[str, int]) -> Record:
    record = signed_initial_meeting(ws, coworked)
    end(ws, coworked["coallocation"])
    export_audit(ws, record)
    return record


@pytest.fixture
def due_today(ws: Workspace, coworked: dict[str, int]) -> Record:
    record = signed_initial_meeting(ws, coworked)
    end(ws, coworked["coallocation"])
    export_audit(ws, record, LONG_AGO)
    retention.set_retention_months(ws, 6)
    return record


def counts(ws: Workspace) -> dict[str, int]:
    return {
        t: ws.store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("cases", "coallocations", "records", "signatures", "actions")
    }


def test_retention_is_off_by_default(ws: Workspace, ended: Record) -> None:
    assert retention.retention_months(ws) is None
    assert retention.retention_candidates(ws, date(2040, 1, 1)) == []


def test_candidates_need_the_months_to_have_passed(ws: Workspace, ended: Record) -> None:
    retention.set_retention_months(ws, 6)
    assert retention.retention_candidates(ws, date(2027, 5, 9)) == []
    [c] = retention.retention_candidates(ws, date(2027, 5, 10))
    assert c.case_reference == "CR-100234" and c.whole_case and c.signed_records == 1
    assert c.purge_from == date(2027, 5, 10)
    assert "CR-100234" in c.describe() and "1 record(s) (1 signed)" in c.describe()


def test_not_a_candidate_while_active_or_not_exported(ws: Workspace, coworked: dict[str, int]) -> None:
    record = signed_initial_meeting(ws, coworked)
    retention.set_retention_months(ws, 1)
    export_audit(ws, record)
    assert retention.retention_candidates(ws, date(2030, 1, 1)) == []  # still active
    end(ws, coworked["coallocation"])
    assert len(retention.retention_candidates(ws, date(2030, 1, 1))) == 1


def test_an_unexported_signed_record_keeps_everything(ws: Workspace, coworked: dict[str, int]) -> None:
    record = signed_initial_meeting(ws, coworked)
    end(ws, coworked["coallocation"])
    retention.set_retention_months(ws, 1)
    assert retention.retention_candidates(ws, date(2040, 1, 1)) == []
    with ws.store.tx():  # a draft (unsigned) export does not count
        ws.store.audit("export", "record", record.id, signed=False)
    assert retention.retention_candidates(ws, date(2040, 1, 1)) == []


def test_the_purge_deletes_everything_of_it_after_a_backup_and_audits_its_dates(
    ws: Workspace, due_today: Record
) -> None:
    candidates = retention.retention_candidates(ws, date.today())
    before = counts(ws)
    assert before["signatures"] == 3 and before["actions"] == 2
    promised = "SELECT (SELECT count(*) FROM promise_facts), (SELECT count(*) FROM promise_case_tally)"
    assert ws.store.db.execute(promised).fetchone() != (0, 0)
    audit_before = ws.store.audit_entries()
    assert retention.purge(ws, candidates) == 1
    assert counts(ws) == {"cases": 0, "coallocations": 0, "records": 0, "signatures": 0, "actions": 0}
    assert ws.store.db.execute(promised).fetchone() == (0, 0)  # nor are its promises counted any more
    assert ws.store.derived_problems() == []
    after = ws.store.audit_entries()
    assert after[: len(audit_before)] == audit_before  # the audit log is untouched, only added to
    [entry] = [e for e in after if e["action"] == "purge"]
    detail = json.loads(entry["detail"])
    assert entry["entity"] == "coallocation" and detail["case_reference"] == "CR-100234"
    assert detail["rule"] == "ended co-working is purged 6 months after its last signed record was exported"
    assert (detail["retention_months"], detail["ended"], detail["last_export"], detail["purge_from"]) == (
        6,
        "2026-11-20",
        LONG_AGO,
        "2025-07-10",
    )
    assert detail["purged_on"] == date.today().isoformat()
    [kept] = backup.list_backups(ws.store.path)
    assert kept.kind == "pre-purge" and detail["backup_before"] == kept.path.name
    with open_store(kept.path, create=False) as copy:  # what was purged is in the backup taken just before
        assert copy.count_signed_records() == 1
    assert ws.store.db.execute("SELECT count(*) FROM purge_authorisations").fetchone()[0] == 0


def test_no_purge_without_a_backup_first(ws: Workspace, due_today: Record, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    ws.store.set_setting(backup.SETTING_FOLDER, str(blocker / "backups"))
    before = counts(ws)
    with pytest.raises(
        CoworkError, match=r"^no backup could be taken before the purge .*; nothing was deleted$"
    ):
        retention.purge(ws, retention.retention_candidates(ws, date.today()))
    assert counts(ws) == before


def test_no_purge_while_the_app_has_the_database(ws: Workspace, due_today: Record) -> None:
    app = owner.OwnerLock.acquire(ws.store.path)
    try:
        before = counts(ws)
        with pytest.raises(HeldElsewhere, match="close it there before purging records; nothing was changed"):
            retention.purge(ws, retention.retention_candidates(ws, date.today()))
        assert counts(ws) == before
        ws.store.owner = app  # the app's own purge (its window holds the database) goes ahead
        assert retention.purge(ws, retention.retention_candidates(ws, date.today())) == 1
    finally:
        app.release()


def test_only_the_purge_path_can_delete(ws: Workspace, ended: Record) -> None:
    db = ws.store.db
    rid = ended.id
    ca = ended.coallocation_id
    # an authorisation without its audit entry just before it is refused
    with pytest.raises(sqlite3.IntegrityError, match="only right after its audit entry"):
        db.execute(
            "INSERT INTO purge_authorisations (coallocation_id, audit_id, authorised_at) VALUES (?, 1, 'now')",
            [ca],
        )
    db.conn.rollback()
    with pytest.raises(sqlite3.IntegrityError, match="cannot be deleted"):
        db.execute("DELETE FROM records WHERE id = ?", [rid])
    db.conn.rollback()
    assert counts(ws)["records"] == 1


def test_a_candidate_listed_for_a_later_day_is_not_purged_today(ws: Workspace, ended: Record) -> None:
    retention.set_retention_months(ws, 6)
    candidates = retention.retention_candidates(ws, date(2027, 6, 1))
    before = counts(ws)
    with pytest.raises(
        CoworkError, match=r"is not due for purging today \(\d{4}-\d\d-\d\d\); nothing was deleted"
    ):
        retention.purge(ws, candidates)
    assert counts(ws) == before and backup.list_backups(ws.store.path) == []


def test_months_are_validated(ws: Workspace) -> None:
    with pytest.raises(ValidationError):
        retention.set_retention_months(ws, 0)
    retention.set_retention_months(ws, None)
    assert retention.retention_months(ws) is None


def test_cli_lists_then_purges_with_confirmation(
    ws: Workspace, ended: Record, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(ws.store.path)
    code, out, _ = run(capsys, "retention", "--db", db, "--on", "2027-06-01")
    assert code == 0 and "off" in out
    ws.store.set_setting(retention.SETTING_MONTHS, "6")
    code, out, _ = run(capsys, "retention", "--db", db, "--on", "2027-06-01")
    assert code == 0 and "CR-100234" in out and "would be purged" in out
    # a purge is today's: --on previews another day, it never dates a purge
    code, _, err = run(capsys, "retention", "--db", db, "--on", "2027-06-01", "--purge", "--yes")
    assert code == 2 and "a purge always uses today's date" in err and err.count("\n") == 1
    code, out, _ = run(capsys, "retention", "--db", db, "--purge", "--yes")
    assert code == 0 and out.startswith("Nothing to purge on ") and counts(ws)["records"] == 1


def test_cli_purges_what_is_due_today_after_confirmation(
    ws: Workspace, due_today: Record, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(ws.store.path)
    code, _, err = run(capsys, "retention", "--db", db, "--purge")
    assert code == 1 and "--yes" in err and err.count("\n") == 1
    assert counts(ws)["records"] == 1
    code, out, err = run(capsys, "retention", "--db", db, "--purge", "--yes")
    assert (code, err) == (0, "") and "Purged 1" in out
    assert counts(ws)["records"] == 0
    assert [b.kind for b in backup.list_backups(ws.store.path)] == ["pre-purge"]
