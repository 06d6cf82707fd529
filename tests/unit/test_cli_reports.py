"""``cowork devlog``, ``calendar``, ``drift`` and ``promises`` on a real demo database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.cli import assert_one_line_error, run
from helpers.demo import copy_database

from cowork_desktop.services.demo import MANAGER_NAME

TODAY = "2026-11-23"


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    return copy_database(demo_template, tmp_path / "demo.db")  # what `cowork demo --today TODAY` made


def test_drift_table_and_json(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "drift", "--db", str(demo_db), "--on", TODAY)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["Case", "Score", "State"]
    assert lines[2].split()[:3] == ["CR-2026-0107", "11", "drifting"]
    assert "initial meeting overdue" in out and "5 drifting" in out
    code, out, _ = run(capsys, "drift", "--db", str(demo_db), "--on", TODAY, "--json")
    data = json.loads(out)
    assert code == 0 and (data["schema"], data["command"], data["on"]) == (1, "drift", TODAY)
    assert [(c["case_reference"], c["score"]) for c in data["coallocations"]][:3] == [
        ("CR-2026-0107", 11),
        ("CR-2026-0105", 8),
        ("CR-2026-0106", 7),
    ]


def test_promises(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "promises", "--db", str(demo_db), "--on", TODAY)
    assert (code, err) == (0, "")
    assert "7 of 10 action(s)" in out and "(70%)" in out
    assert any(line.split()[:2] == ["CR-2026-0109", "50%"] for line in out.splitlines())
    code, out, _ = run(
        capsys, "promises", "--db", str(demo_db), "--on", TODAY, "--case", "CR-2026-0110", "--json"
    )
    data = json.loads(out)
    assert code == 0 and data["total"]["on_time"] == 2 and data["total"]["not_done"] == 2
    assert (data["schema"], data["command"], data["case"]) == (1, "promises", "CR-2026-0110")
    # workers are objects with their id and name (two people may share a name), cases a named list
    [mei] = [w for w in data["workers"] if w["name"] == "Mei Lin Chen"]
    assert isinstance(mei["id"], int) and mei["share_kept"] == 0.5
    assert [c["reference"] for c in data["cases"]] == ["CR-2026-0110"]
    code, _, err = run(capsys, "promises", "--db", str(demo_db), "--case", "CR-9999")
    assert code == 1
    assert_one_line_error(err, "CR-9999")


def test_calendar(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "team.ics"
    code, out, err = run(capsys, "calendar", "--db", str(demo_db), "--on", TODAY, "--out", str(out_file))
    assert (code, err) == (0, "")
    assert "24 event(s) (16 recurring) for 8 case(s)" in out
    data = out_file.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and b"Mei Lin" not in data
    one = tmp_path / "one.ics"
    code, out, _ = run(
        capsys,
        "calendar",
        "--db",
        str(demo_db),
        "--on",
        TODAY,
        "--case",
        "CR-2026-0105",
        "--out",
        str(one),
        "--include-workers",
    )
    assert code == 0 and "3 event(s)" in out
    assert "Mei Lin Chen" in one.read_bytes().replace(b"\r\n ", b"").decode("utf-8")
    code, _, err = run(
        capsys,
        "calendar",
        "--db",
        str(demo_db),
        "--case",
        "CR-2026-0101",
        "--on",
        TODAY,
        "--out",
        str(tmp_path / "x.ics"),
    )
    assert code == 1
    assert_one_line_error(err, "CR-2026-0101", "nothing to put in a calendar")
    code, _, err = run(capsys, "calendar", "--db", str(demo_db), "--out", str(tmp_path / "x.txt"))
    assert code == 2
    assert_one_line_error(err, ".ics")


def test_devlog(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "mei.pdf"
    monkeypatch.setenv("CERT_PASSPHRASE", "a long test passphrase")
    code, _, err = run(capsys, "cert", "new", "--name", MANAGER_NAME, "--passphrase-env", "CERT_PASSPHRASE")
    assert (code, err) == (0, "")
    code, out, err = run(
        capsys, "devlog", "--db", str(demo_db), "--worker", "Mei Lin Chen", "--out", str(pdf),
        "--passphrase-env", "CERT_PASSPHRASE",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "5 learning entries; cases CR-2026-0105, CR-2026-0110), signed," in out
    assert pdf.read_bytes().startswith(b"%PDF-")
    # portfolio evidence: verified like a case note, against the database it came from
    code, out, err = run(capsys, "verify", str(pdf), "--db", str(demo_db))
    assert (code, err) == (0, ""), out
    assert "Record:             a development log" in out and out.endswith("Result: valid\n")
    code, out, _ = run(
        capsys,
        "devlog",
        "--db",
        str(demo_db),
        "--worker",
        "mei lin chen",
        "--out",
        str(tmp_path),
        "--from",
        "2026-11-01",
        "--unsigned",
    )
    assert code == 0 and "2 learning entries" in out and "unsigned" in out
    code, _, err = run(capsys, "devlog", "--db", str(demo_db), "--worker", "Daniel Mensah", "--out", str(pdf))
    assert code == 1
    assert_one_line_error(err, "no learning is recorded for Daniel Mensah")
    code, _, err = run(capsys, "devlog", "--db", str(demo_db), "--worker", "Nobody", "--out", str(pdf))
    assert code == 1
    assert_one_line_error(err, "Nobody")
    code, _, err = run(
        capsys,
        "devlog",
        "--db",
        str(demo_db),
        "--worker",
        "Mei Lin Chen",
        "--out",
        str(pdf),
        "--from",
        "2026-12-01",
        "--to",
        "2026-11-01",
    )
    assert code == 2
    assert_one_line_error(err, "--from")
    code, _, err = run(
        capsys, "devlog", "--db", str(tmp_path / "none.db"), "--worker", "X", "--out", str(pdf)
    )
    assert code == 1
    assert_one_line_error(err, "no database")
    assert not (tmp_path / "none.db").exists()


def test_help_lists_the_report_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("devlog", "calendar", "drift", "promises"):
        assert command in out
