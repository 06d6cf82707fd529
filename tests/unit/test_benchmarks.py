"""The benchmark code runs on a tiny generated database (the real benchmarks are `make bench`, not `make test`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from benchmarks import fresh
from benchmarks import run as bench
from benchmarks.generate import cached_database, generate
from benchmarks.report import table
from cowork_desktop.domain.due import extract_facts
from cowork_desktop.services import integrity
from cowork_desktop.services.sessions import Workspace, form_for
from cowork_desktop.store.opening import open_store

pytestmark = pytest.mark.slow  # benchmark code, not the app; `make bench` is the real run

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def tiny_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "tiny.db"
    summary = generate(path, cases=30, seed=3, anchor=TODAY)
    assert summary["cases"] == 30
    assert summary["workers"] == 60
    assert summary["records"] > 30 * 5
    return path


def test_generated_records_are_as_the_app_would_store_them(tiny_db: Path) -> None:
    with open_store(tiny_db) as store:
        ws = Workspace.open(store)
        ids = [r["id"] for r in store.db.query("SELECT id FROM records ORDER BY id")]
        assert ids
        for record_id in ids[::7]:
            record = store.get_record(record_id)
            facts = extract_facts(form_for(ws, record), record.answers)
            row = store.db.execute(
                "SELECT next_review_date, discussion_rrule, supervision_rrule, issues_flagged FROM records"
                " WHERE id = ?",
                [record_id],
            ).fetchone()
            assert row == (
                facts.next_review_date.isoformat() if facts.next_review_date else None,
                facts.discussion_rrule,
                facts.supervision_rrule,
                ",".join(facts.issues_flagged),
            )
        # every signed record, the audit chain and the protections check as the app's own would
        report = integrity.check_store(store)
        assert report.ok, report.findings[:3]
        assert report.signed_records > 0 and report.audit_entries > report.signed_records


def test_the_cache_reuses_a_generated_database(tmp_path: Path) -> None:
    first, summary = cached_database(5, seed=2, anchor=TODAY, folder=tmp_path)
    again, cached = cached_database(5, seed=2, anchor=TODAY, folder=tmp_path)
    assert first == again and not summary["cached"] and cached["cached"]
    assert sqlite3.connect(first).execute("SELECT count(*) FROM cases").fetchone()[0] == 5


QUICK = ("dashboard", "case_filter", "case_page", "draft_save", "team_view", "devlog", "export_100_cases")


def _check_timing_line(line: dict[str, Any], cases: int) -> None:
    assert line["cases"] == cases
    assert {"median_ms", "baseline_ms", "ratio", "target_ms", "meets_target", "runs", "note"} <= set(line)
    assert line["note"]
    if line["median_ms"] is None:  # not run at this size: the note says why
        assert line["runs"] == 0 and line["meets_target"] is None
        return
    assert line["median_ms"] > 0 and line["runs"] >= 1, line
    assert line["meets_target"] == (line["median_ms"] < line["target_ms"]), line
    assert line["baseline_ms"] > 0, line  # every figure here has a baseline, measured in the same run
    assert line["ratio"] == pytest.approx(line["median_ms"] / line["baseline_ms"], rel=0.02)


@pytest.mark.gui  # the quick figures include the app's windows
def test_the_quick_figures_print_a_line_each_beside_their_baselines(
    tiny_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = bench.run(tiny_db, runs=1, on=TODAY, only=QUICK, emit=lambda line: print(json.dumps(line)))
    printed = [json.loads(text) for text in capsys.readouterr().out.splitlines()]
    assert printed == lines
    assert [line["name"] for line in printed] == list(QUICK)  # in the issue's order
    by_name = {line["name"]: line for line in printed}
    for line in printed:
        _check_timing_line(line, 30)
    # export_100_cases runs only at 10,000 cases unless asked for alone
    assert by_name["export_100_cases"]["median_ms"] is None
    assert "10,000 cases" in by_name["export_100_cases"]["note"]
    assert by_name["team_view"]["rows"] > 0 and by_name["devlog"]["entries"] > 0
    assert by_name["team_view"]["first_ms"] > 0 and by_name["devlog"]["service_ms"] > 0


def test_start_up_interactive_and_peak_memory_come_from_fresh_processes(
    tiny_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fresh, "WATCH_MS", 0)  # the app's heartbeats: 1 s after the last stall only
    monkeypatch.setattr(fresh, "PROBE_MIN_RUNS", 1)
    lines = bench.run(tiny_db, runs=1, on=TODAY, only=("startup", "startup_interactive", "peak_rss"))
    startup, interactive, memory = lines
    assert [line["name"] for line in lines] == ["startup", "startup_interactive", "peak_rss"]
    assert startup["runs"] == 1 and startup["median_ms"] > startup["baseline_ms"] > 0, startup
    assert startup["target_ms"] == pytest.approx(startup["baseline_ms"] * bench.STARTUP_MAX_RATIO, rel=0.01)
    assert "rows: [" in startup["note"] and "rows: [0]" not in startup["note"]  # painted with data
    # interactive: after the first paint, measured from the same process start
    assert interactive["median_ms"] >= interactive["first_paint_ms"] > 0
    assert interactive["baseline_ms"] > 0 and interactive["max_stall_ms"] >= 0
    assert isinstance(interactive["stall_meets_target"], bool)
    assert memory["peak_rss_mb"] > memory["baseline_mb"] > 0 and memory["target_mb"] == bench.TARGET_RSS_MB
    assert memory["team_view_open_ms"] > 0 and memory["at_first_paint_mb"] > 0
    assert "failed" not in startup["note"] + interactive["note"] + memory["note"]


def test_a_command_is_timed_as_a_fresh_process_beside_a_plain_read(tiny_db: Path) -> None:
    (line,) = bench.run(tiny_db, runs=1, on=TODAY, only=("cli_drift",))
    _check_timing_line(line, 30)
    assert line["items"] > 0 and "failed" not in line["note"]


def test_main_prints_json_lines_per_size_then_a_table(
    tiny_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        bench.main(
            ["--db", str(tiny_db), "--runs", "1", "--only", "draft_save", "--only", "export_100_cases"]
        )
        == 0
    )
    out = capsys.readouterr().out
    json_lines = [json.loads(text) for text in out.splitlines() if text.startswith("{")]
    assert [line["name"] for line in json_lines] == ["draft_save", "export_100_cases"]
    text = out.split("\n\n", 1)[1]
    assert "30 cases" in text and "draft_save" in text and "export_100_cases" in text
    assert "(baseline, ratio)" in text


def test_the_table_marks_a_missed_target() -> None:
    lines = [
        {
            "name": "dashboard",
            "cases": 1000,
            "median_ms": 20.0,
            "baseline_ms": 10.0,
            "ratio": 2.0,
            "target_ms": 100.0,
            "meets_target": True,
        },
        {
            "name": "dashboard",
            "cases": 40000,
            "median_ms": 500.0,
            "baseline_ms": 50.0,
            "ratio": 10.0,
            "target_ms": 100.0,
            "meets_target": False,
        },
        {
            "name": "peak_rss",
            "cases": 40000,
            "peak_rss_mb": 492.0,
            "baseline_mb": 52.0,
            "ratio": 9.46,
            "target_mb": 200.0,
            "meets_target": False,
        },
    ]
    text = table(lines)
    dashboard = next(row for row in text.splitlines() if row.startswith("dashboard"))
    assert "20.0 (10.0, 2.0x)" in dashboard and "500 (50.0, 10.0x) !" in dashboard and "< 100 ms" in dashboard
    memory = next(row for row in text.splitlines() if row.startswith("peak_rss"))
    assert "492 (52.0, 9.46x) !" in memory and "< 200 MB" in memory
    assert text.index("dashboard") < text.index("peak_rss") and "40,000 cases" in text


def test_export_cases_gets_its_arguments_whatever_its_parameters_are_named(tmp_path: Path) -> None:
    seen: dict[str, Any] = {}

    def export_cases(
        ws: object,
        references: list[str],
        out_dir: Path,
        *,
        cert_path: Path,
        passphrase: bytes,
        processes: int | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        seen.update(ws=ws, references=references, out_dir=out_dir, cert=cert_path, passphrase=passphrase)
        seen["processes"] = processes
        if progress is not None:
            progress(1, 2)
        return 2

    calls: list[tuple[Any, ...]] = []
    args, kwargs, said = bench.export_cases_arguments(
        export_cases,
        "WS",
        [(1, "CR-1"), (2, "CR-2")],
        tmp_path,
        "SIGNER",
        tmp_path / "c.p12",
        lambda *a: calls.append(a),
    )
    assert export_cases(*args, **kwargs) == 2 and calls == [(1, 2)]
    assert seen == {
        "ws": "WS",
        "references": ["CR-1", "CR-2"],
        "out_dir": tmp_path,
        "cert": tmp_path / "c.p12",
        "passphrase": b"bench",
        "processes": None,  # left to its default: the number of processes the app uses
    }
    assert "processes: its default" in said

    def unknown(ws: object, flavour: str) -> None:
        raise AssertionError("not called")

    with pytest.raises(TypeError, match="flavour"):
        bench.export_cases_arguments(unknown, "WS", [], tmp_path, "SIGNER", tmp_path, print)
