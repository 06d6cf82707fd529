"""Retention: off by default; candidates are ended co-allocations whose signed records were all exported N months
ago; the purge is the only path that deletes signed rows, and it is audited."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from test_store import signed_initial_meeting

from cowork_desktop.cli import main
from cowork_desktop.domain.audit import entry_hash
from cowork_desktop.domain.errors import CoworkError, ValidationError
from cowork_desktop.domain.models import Record
from cowork_desktop.services import retention
from cowork_desktop.services.sessions import Workspace

EXPORTED_AT = "2026-11-10T10:00:00+00:00"


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


def test_the_purge_deletes_everything_of_it_and_audits(ws: Workspace, ended: Record) -> None:
    retention.set_retention_months(ws, 6)
    on = date(2027, 6, 1)
    candidates = retention.retention_candidates(ws, on)
    before = counts(ws)
    assert before["signatures"] == 3 and before["actions"] == 2
    audit_before = ws.store.audit_entries()
    assert retention.purge(ws, candidates, on=on) == 1
    assert counts(ws) == {"cases": 0, "coallocations": 0, "records": 0, "signatures": 0, "actions": 0}
    after = ws.store.audit_entries()
    assert after[: len(audit_before)] == audit_before  # the audit log is untouched, only added to
    [entry] = [e for e in after if e["action"] == "purge"]
    assert entry["entity"] == "coallocation" and '"case_reference": "CR-100234"' in entry["detail"]
    assert ws.store.db.execute("SELECT count(*) FROM purge_authorisations").fetchone()[0] == 0


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


def test_a_stale_candidate_deletes_nothing(ws: Workspace, ended: Record) -> None:
    retention.set_retention_months(ws, 6)
    candidates = retention.retention_candidates(ws, date(2027, 6, 1))
    before = counts(ws)
    with pytest.raises(CoworkError, match="no longer due"):
        retention.purge(ws, candidates, on=date(2027, 1, 1))
    assert counts(ws) == before


def test_months_are_validated(ws: Workspace) -> None:
    with pytest.raises(ValidationError):
        retention.set_retention_months(ws, 0)
    retention.set_retention_months(ws, None)
    assert retention.retention_months(ws) is None


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_lists_then_purges_with_confirmation(
    ws: Workspace, ended: Record, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(ws.store.path)
    code, out, _ = run(capsys, "retention", "--db", db, "--on", "2027-06-01")
    assert code == 0 and "off" in out
    ws.store.set_setting(retention.SETTING_MONTHS, "6")
    code, out, _ = run(capsys, "retention", "--db", db, "--on", "2027-06-01")
    assert code == 0 and "CR-100234" in out and "would be purged" in out
    code, _, err = run(capsys, "retention", "--db", db, "--on", "2027-06-01", "--purge")
    assert code == 1 and "--yes" in err and err.count("\n") == 1
    assert counts(ws)["records"] == 1
    code, out, err = run(capsys, "retention", "--db", db, "--on", "2027-06-01", "--purge", "--yes")
    assert (code, err) == (0, "") and "Purged 1" in out
    assert counts(ws)["records"] == 0
