"""The benchmark code runs on a tiny generated database (the real benchmarks are `make bench`, not `make test`)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from benchmarks import run as bench
from benchmarks.generate import cached_database, generate
from cowork_desktop.domain.due import due_items, extract_facts
from cowork_desktop.services import integrity
from cowork_desktop.services.sessions import Workspace, form_for
from cowork_desktop.store.db import open_store

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


def test_the_dashboard_reads_only_what_the_rules_need_and_finds_the_same_items(tiny_db: Path) -> None:
    with open_store(tiny_db) as store:
        ws = Workspace.open(store)
        for days in range(-600, 40, 45):
            on = TODAY + timedelta(days=days)
            full = due_items(store.coallocation_states(on), on, ws.calendar)
            pruned_states = store.coallocation_states(on, due_rules_only=True)
            assert due_items(pruned_states, on, ws.calendar) == full
        assert full  # the generated data has something due on the day it was made for


def test_the_cache_reuses_a_generated_database(tmp_path: Path) -> None:
    first, summary = cached_database(5, seed=2, anchor=TODAY, folder=tmp_path)
    again, cached = cached_database(5, seed=2, anchor=TODAY, folder=tmp_path)
    assert first == again and not summary["cached"] and cached["cached"]
    assert sqlite3.connect(first).execute("SELECT count(*) FROM cases").fetchone()[0] == 5


def test_every_benchmark_runs_and_prints_a_line_per_figure(
    tiny_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench, "EXPORT_CASES", 2)
    lines = bench.run(
        tiny_db,
        runs=1,
        on=TODAY,
        emit=lambda line: print(json.dumps(line)),
    )
    printed = [json.loads(text) for text in capsys.readouterr().out.splitlines()]
    assert printed == lines
    assert [line["name"] for line in printed] == list(bench.NAMES)
    for line in printed:
        if line["name"] == "peak_rss":
            assert line["peak_rss_mb"] > 0 and line["target_mb"] == bench.TARGET_RSS_MB
            continue
        assert line["median_ms"] > 0, line
        assert line["runs"] >= 1
        assert isinstance(line["meets_target"], bool) or line["target_ms"] is None
        if line["baseline_ms"] is not None:
            assert line["ratio"] == pytest.approx(line["median_ms"] / line["baseline_ms"], rel=0.02)
    names_with_baselines = {line["name"] for line in printed if line.get("baseline_ms") is not None}
    assert {"startup", "case_list_load", "case_filter"} <= names_with_baselines
