"""``python -m benchmarks.insights [--cases 1000,10000,40000] [--runs 5] [--db FILE]``: the team view's and the
development log's reads, each timed against a plain-SQL baseline run interleaved with it (baseline, figure,
baseline, figure...), with the SQL statements each took. One JSON line per figure.

* ``team_drift``, ``team_promises``, ``team_figures`` (the two: what the team view reckons off the GUI thread),
  baseline: one plain join of every signed record and its actions (reading the action rows);
* ``devlog``: the development log of the learner with the most co-allocations, baseline: the records of their
  co-allocations with one answer each (json_extract);
* ``open_actions``: one co-allocation's open actions (as each export and the wizard ask), per call;
* ``peak_rss``: this process's peak resident memory after all of them (MB).

The database is a copy of the cached generated one (never the cached file itself), or ``--db`` (a copy you made:
it is opened, so -wal/-shm files appear beside it).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.generate import cached_database


def _median_ms(samples: Sequence[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


def _interleaved(
    figure: Callable[[], Any], baseline: Callable[[], Any], runs: int
) -> tuple[list[float], list[float]]:
    samples: list[float] = []
    bases: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        baseline()
        bases.append(time.perf_counter() - started)
        started = time.perf_counter()
        figure()
        samples.append(time.perf_counter() - started)
    return samples, bases


def measure(db: Path, cases: int, runs: int, on: date) -> list[dict[str, Any]]:
    from cowork_desktop.services import insights
    from cowork_desktop.services.sessions import Workspace
    from cowork_desktop.store.opening import open_store

    store = open_store(db, actor="bench-manager", create=False)
    ws = Workspace.open(store)
    plain = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn = store.db.conn
    learner = int(
        conn.execute(
            "SELECT w.id FROM workers w JOIN coallocations ca ON w.id IN (ca.worker1_id, ca.worker2_id)"
            " WHERE w.role IN ('student', 'asye') GROUP BY w.id ORDER BY count(*) DESC, w.id LIMIT 1"
        ).fetchone()[0]
    )
    coallocations = [int(r[0]) for r in conn.execute("SELECT id FROM coallocations ORDER BY id LIMIT 50")]

    def team_baseline() -> None:
        plain.execute(
            "SELECT count(*), sum(a.done_date <= ?) FROM records r INDEXED BY records_due"
            " JOIN actions a ON a.record_id = r.id WHERE r.status = 'signed'",
            [on.isoformat()],
        ).fetchall()

    def devlog_baseline() -> None:
        plain.execute(
            "SELECT r.id, json_extract(r.answers, '$.learning') FROM coallocations ca"
            " JOIN records r ON r.coallocation_id = ca.id WHERE ? IN (ca.worker1_id, ca.worker2_id)",
            [learner],
        ).fetchall()

    def open_actions_baseline() -> None:
        for ca in coallocations:
            plain.execute("SELECT id FROM records WHERE coallocation_id = ?", [ca]).fetchall()

    def open_actions() -> None:
        for ca in coallocations:
            store.open_actions(ca)

    figures: list[tuple[str, Callable[[], Any], Callable[[], Any], int]] = [
        ("team_drift", lambda: insights.team_drift(ws, on), team_baseline, 1),
        ("team_promises", lambda: insights.team_promises(ws, on), team_baseline, 1),
        ("team_figures", lambda: insights.team_figures(ws, on), team_baseline, 1),
        ("devlog", lambda: insights.development_log(ws, learner), devlog_baseline, 1),
        ("open_actions", open_actions, open_actions_baseline, len(coallocations)),
    ]
    lines: list[dict[str, Any]] = []
    statements: list[str] = []
    for name, figure, baseline, calls in figures:
        samples, bases = _interleaved(figure, baseline, runs)
        conn.set_trace_callback(statements.append)
        figure()
        conn.set_trace_callback(None)
        median, base = _median_ms(samples) / calls, _median_ms(bases) / calls
        lines.append(
            {
                "name": name,
                "cases": cases,
                "median_ms": round(median, 3),
                "baseline_ms": round(base, 3),
                "ratio": round(median / base, 2) if base else None,
                "statements": len(statements) // calls,
                "runs": runs,
            }
        )
        statements.clear()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines.append({"name": "peak_rss", "cases": cases, "peak_rss_mb": round(rss, 1)})
    store.close()
    plain.close()
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.insights", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--cases", default="1000,10000,40000", help="comma-separated sizes")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, default=None, help="a copy of a generated database to use as is")
    args = parser.parse_args(argv)
    on = date.today()
    sizes = [int(n) for n in str(args.cases).split(",") if n.strip()]
    for cases in sizes:
        with tempfile.TemporaryDirectory(prefix="cowork-bench-insights-") as tmp:
            if args.db is not None:
                db = args.db
            else:
                cached, summary = cached_database(cases)
                on = date.fromisoformat(summary.get("anchor", on.isoformat()))
                db = Path(tmp) / "bench.db"
                shutil.copyfile(cached, db)
            for line in measure(db, cases, args.runs, on):
                print(json.dumps(line), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
