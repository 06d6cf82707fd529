"""The ``cowork`` command, run in-process on real database files: its output and its one-line errors."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from helpers.cli import assert_one_line_error, run
from helpers.demo import copy_database
from helpers.files import sha256

from cowork_desktop import __version__, paths
from cowork_desktop.services.demo import DEMO_REFERENCES, DEMO_WORKERS
from cowork_desktop.store.opening import open_store

TODAY = "2026-11-23"


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    return copy_database(demo_template, tmp_path / "demo.db")  # what `cowork demo --today TODAY` made


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"cowork {__version__}\n", "")


def test_help_and_no_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "demo" in out and "due" in out and "forms" in out
    code, out, _ = run(capsys)
    assert code == 2 and "usage:" in out


def test_demo_is_idempotent(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(demo_db, create=False) as store:
        counts = (store.count_cases(), len(store.list_workers()), len(store.audit_entries("record")))
        assert store.get_setting("demo") == "1"
    code, out, err = run(capsys, "demo", "--db", str(demo_db), "--today", TODAY)
    assert (code, err) == (0, "")
    assert "0 demo case(s) added, 12 already present" in out
    with open_store(demo_db, create=False) as store:
        assert (store.count_cases(), len(store.list_workers()), len(store.audit_entries("record"))) == counts
    assert counts[0] == len(DEMO_REFERENCES) >= 10 and counts[1] == len(DEMO_WORKERS) >= 8


def test_demo_tops_up_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "team.db"
    assert run(capsys, "init", "--db", str(path))[0] == 0
    with open_store(path) as store:
        from cowork_desktop.domain.models import Case

        store.add_case(Case("CR-2026-0101", 1, "ZZ"))  # a team's own case with a demo reference is left alone
    code, out, _ = run(capsys, "demo", "--db", str(path), "--today", TODAY)
    assert code == 0 and "11 demo case(s) added, 1 already present" in out
    with open_store(path, create=False) as store:
        assert store.find_case("CR-2026-0101").children_initials == "ZZ"


def test_cases_json(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "cases", "--db", str(demo_db), "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["schema"], data["command"], data["search"]) == (1, "cases", None)
    cases = data["cases"]
    assert [c["reference"] for c in cases] == sorted(DEMO_REFERENCES)
    for case in cases:  # people as objects with their id and name, never keys
        assert len(case["co_workers"]) == 2 and case["lead"] in case["co_workers"]
        assert all(set(w) == {"id", "name"} and isinstance(w["id"], int) for w in case["co_workers"])
        assert set(case) >= {"reference", "plan_type", "status", "co_workers", "lead"}
    assert any("عائشة خان" in [w["name"] for w in c["co_workers"]] for c in cases)
    assert sum(1 for c in cases if c["end_date"]) == 1


def test_cases_table_and_search(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cases", "--db", str(demo_db))
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["Reference", "Plan", "Status", "Co-workers", "Lead"]
    assert len(lines) == 2 + len(DEMO_REFERENCES)
    code, out, _ = run(capsys, "cases", "--db", str(demo_db), "--search", "Wiśniewski", "--json")
    found = json.loads(out)["cases"]
    assert found and all("Łukasz Wiśniewski" in [w["name"] for w in c["co_workers"]] for c in found)
    code, out, _ = run(capsys, "cases", "--db", str(demo_db), "--search", "nobody-at-all")
    assert (code, out) == (0, "No cases match.\n")


def test_due_json_on_the_demo(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "due", "--db", str(demo_db), "--on", TODAY, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["schema"], data["command"], data["on"], data["case"]) == (1, "due", TODAY, None)
    items = data["items"]
    severities = Counter(i["severity"] for i in items)
    assert severities["urgent"] >= 1 and severities["overdue"] >= 4 and severities["due"] >= 2
    assert items[0]["severity"] == "urgent"
    kinds = {(i["kind"], i["severity"]) for i in items}
    assert kinds >= {
        ("issue_resolution", "urgent"),
        ("initial_meeting", "overdue"),
        ("initial_meeting", "due"),
        ("review", "overdue"),
        ("review", "due"),
        ("reflective_discussion", "overdue"),
        ("action", "overdue"),
    }
    assert set(items[0]) == {
        "case_id",
        "case_reference",
        "coallocation_id",
        "kind",
        "severity",
        "due_date",
        "message",
        "record_id",
        "action_id",
    }


def test_due_human_and_by_case(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "due", "--db", str(demo_db), "--on", TODAY)
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("URGENT") and "item(s) on 2026-11-23" in lines[-1]
    severities = [line.split()[0] for line in lines[:-1]]
    assert severities == sorted(severities, key=["URGENT", "OVERDUE", "DUE"].index)
    code, out, _ = run(capsys, "due", "--db", str(demo_db), "--on", TODAY, "--case", "CR-2026-0103", "--json")
    assert (code, json.loads(out)["items"], json.loads(out)["case"]) == (0, [], "CR-2026-0103")
    code, out, _ = run(capsys, "due", "--db", str(demo_db), "--on", TODAY, "--case", "CR-2026-0103")
    assert out == "Nothing due on 2026-11-23.\n"


def test_workers(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "workers", "--db", str(demo_db), "--json")
    workers = json.loads(out)["workers"]
    assert code == 0 and {w["name"] for w in workers} == {name for name, _ in DEMO_WORKERS}
    assert {w["role"] for w in workers} == {
        "student",
        "asye",
        "social_worker",
        "senior_practitioner",
        "team_manager",
    }
    code, out, _ = run(capsys, "workers", "--db", str(demo_db))
    assert code == 0 and "عائشة خان" in out and "Team manager" in out


def test_init_refuses_an_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new.db"
    code, out, _ = run(capsys, "init", "--db", str(path))
    assert code == 0 and path.exists() and str(path) in out
    assert run(capsys, "cases", "--db", str(path)) == (0, "No cases yet.\n", "")
    before = sha256(path)
    code, _, err = run(capsys, "init", "--db", str(path))
    assert code == 1
    assert_one_line_error(err, "already exists", str(path))
    assert sha256(path) == before


def test_default_db_is_in_the_data_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "due")
    assert code == 1
    assert_one_line_error(err, "no database here", str(paths.default_db_path()))
    assert run(capsys, "init")[0] == 0
    assert paths.default_db_path().exists()


def test_forms_check_ok(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "forms", "check")
    assert (code, err) == (0, "")
    assert out.startswith("5 forms OK: ") and "review" in out and "initial_meeting" in out
    code, out, _ = run(capsys, "forms", "check", str(paths.forms_dir()))
    assert code == 0 and "forms OK" in out


def test_forms_check_names_the_broken_file_and_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "forms"
    shutil.copytree(paths.forms_dir(), folder)
    broken = folder / "review.toml"
    broken.write_text(
        broken.read_text(encoding="utf-8")
        + '\n[[sections.questions]]\nid = "how_it_feels"\nprompt = "How does it feel?"\nkind = "feelings"\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "forms", "check", str(folder))
    assert (code, out) == (1, "")
    assert_one_line_error(err, "review.toml", "how_it_feels", "unknown kind 'feelings'")


def test_forms_check_of_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "forms", "check", str(tmp_path / "nowhere"))
    assert code == 1
    assert_one_line_error(err, "not a folder of forms")


@pytest.mark.parametrize("bad", ["2026-13-01", "23/11/2026", "soon"])
def test_bad_date_is_one_line(demo_db: Path, capsys: pytest.CaptureFixture[str], bad: str) -> None:
    code, out, err = run(capsys, "due", "--db", str(demo_db), "--on", bad)
    assert code == 2 and out == ""
    assert_one_line_error(err, "--on", "YYYY-MM-DD")


def test_usage_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["frobnicate"], ["due", "--bogus"], ["forms"], ["demo", "--today", "yesterday"]):
        code, _, err = run(capsys, *argv)
        assert code == 2, argv
        assert_one_line_error(err)


def test_unknown_case_is_one_line(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "due", "--db", str(demo_db), "--case", "CR-1999-0001")
    assert (code, out) == (1, "")
    assert_one_line_error(err, "CR-1999-0001")


def test_missing_db_is_one_line_and_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "missing.db"
    for command in ("cases", "due", "workers"):
        code, out, err = run(capsys, command, "--db", str(path))
        assert (code, out) == (1, ""), command
        assert_one_line_error(err, "no database here", "cowork demo")
    assert list(tmp_path.iterdir()) == []


def test_corrupt_db_is_one_line_and_unchanged(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = bytearray(demo_db.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\x00\xff" * (4096 * 3 // 2)
    demo_db.write_bytes(bytes(data))
    before = sha256(demo_db)
    for argv in (["due"], ["cases", "--json"], ["workers"], ["demo"], ["init"]):
        code, out, err = run(capsys, *argv, "--db", str(demo_db))
        assert (code, out) == (1, ""), argv
        assert_one_line_error(err, str(demo_db))
    assert sha256(demo_db) == before


def test_not_a_database_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n" * 20, encoding="utf-8")
    code, _, err = run(capsys, "due", "--db", str(path))
    assert code == 1
    assert_one_line_error(err, "not a cowork database")


def test_newer_schema_is_one_line(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conn = sqlite3.connect(demo_db)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('cowork', 'm999_future', 'x')"
        )
    conn.close()
    before = sha256(demo_db)
    code, out, err = run(capsys, "due", "--db", str(demo_db), "--json")
    assert (code, out) == (1, "")
    assert_one_line_error(err, "newer version")
    assert sha256(demo_db) == before


def test_demo_today_defaults_to_today(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "today.db"
    code, out, _ = run(capsys, "demo", "--db", str(path))
    assert code == 0 and date.today().isoformat() in out
    code, out, _ = run(capsys, "due", "--db", str(path), "--json")
    assert {"urgent", "overdue", "due"} <= {i["severity"] for i in json.loads(out)["items"]}
