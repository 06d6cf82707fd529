"""The figures measured in fresh processes: start-up, time to interactive and peak memory (benchmarks.probe), and
the ``cowork`` commands, each run interleaved with its baseline (app, baseline, app, baseline...)."""

from __future__ import annotations

import compileall
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import Any

from benchmarks import baselines
from benchmarks.core import (
    ROOT,
    STARTUP_MAX_RATIO,
    TARGET_STALL_MS,
    Context,
    Line,
    interleave,
    median,
    memory_line,
    ms,
    timing_line,
)

#: the app's heartbeats are watched until this long after the process started (the issue's "first 5 s")
WATCH_MS = 5000
PROBE_TIMEOUT_S = 900
PROBE_BUDGET_S = 150.0
#: at least this many start-up runs, whatever they cost
PROBE_MIN_RUNS = 3
#: the team view is opened (for peak_rss) in the first run, and in the next ones while they took less than this
TEAM_BUDGET_S = 60.0
#: a command stops taking runs once it has spent this long
CLI_BUDGET_S = 60.0

_compiled = False


def compile_bytecode() -> None:
    """Compile the app's and the benchmarks' bytecode once, where the fresh processes will read it: a shell with
    PYTHONDONTWRITEBYTECODE set would otherwise make every start compile every module again (~70 ms)."""
    global _compiled
    if not _compiled:
        for package in ("cowork_desktop", "benchmarks"):
            compileall.compile_dir(ROOT / package, quiet=1)
        _compiled = True


def _env(ctx: Context, **extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COWORK_DATA_DIR=str(ctx.data_dir()))
    env.update(extra)
    return env


# ------------------------------------------------------------------------------------------------- probes


def _probe(ctx: Context, args: Sequence[str]) -> tuple[dict[str, dict[str, Any]], str]:
    """Start ``python -m benchmarks.probe ARGS``; its events by name (times in ms since it was started)."""
    env = _env(ctx)
    env["COWORK_BENCH_T0"] = repr(time.monotonic())
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.probe", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
        text=True,
    )
    try:
        out, err = proc.communicate(timeout=PROBE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        err += f"\ntimed out after {PROBE_TIMEOUT_S} s"
    events: dict[str, dict[str, Any]] = {}
    for text in out.splitlines():
        if text.startswith("{"):
            event = json.loads(text)
            events[str(event.get("event"))] = event
    problem = "" if "paint" in events else (err.strip().splitlines() or ["no output"])[-1]
    return events, problem


def probe_results(ctx: Context) -> dict[str, Any]:
    """The start-up runs, made once per size and shared by startup, startup_interactive and peak_rss: per run,
    the app (first paint, heartbeats, then the team view if peak_rss is wanted), a bare window and the
    bare window with the dashboard's rows in a table."""
    if ctx.probes is not None:
        return ctx.probes
    compile_bytecode()
    wanted = set(ctx.only) or {"startup", "startup_interactive", "peak_rss"}
    team = "peak_rss" in wanted
    table = "startup_interactive" in wanted
    found: dict[str, Any] = {
        k: []
        for k in (
            "paint",
            "interactive",
            "max_stall",
            "stalls_over_100ms",
            "rss_paint",
            "rss_team",
            "team_open",
            "bare_paint",
            "bare_rss",
            "table_paint",
            "table_interactive",
            "rows",
            "stalls",
        )
    }
    errors: list[str] = []
    backups = ctx.db.parent / "backups"

    def app(n: int) -> float | None:
        shutil.rmtree(backups, ignore_errors=True)  # each start is the day's first: its backup is due
        with_team = team and (n == 0 or sum(found["team_open"]) < TEAM_BUDGET_S * 1000)
        args = ["app", str(ctx.db), "--watch-ms", str(WATCH_MS)] + (["--team"] if with_team else [])
        events, problem = _probe(ctx, args)
        if problem:
            errors.append(f"app: {problem}")
            return None
        paint, ready = events["paint"], events.get("interactive")
        found["paint"].append(paint["ms"])
        found["rss_paint"].append(paint["rss_mb"])
        found["rows"].append(paint.get("rows"))
        if ready is not None:
            found["interactive"].append(ready["ms"])
            found["max_stall"].append(ready["max_stall_ms"])
            found["stalls_over_100ms"].append(ready["stalls_over_100ms"])
            found["stalls"].append(ready["stalls"])
        opened = events.get("team_view")
        if with_team and opened is not None and opened.get("open_ms") is not None:
            found["team_open"].append(opened["open_ms"])
            found["rss_team"].append(opened["rss_mb"])
        elif with_team:
            errors.append(f"team view: {(opened or {}).get('error', 'no report')}")
        return float(paint["ms"])

    def bases(_n: int) -> float | None:
        events, problem = _probe(ctx, ["bare", "--paint-only"])
        if problem:
            errors.append(f"bare: {problem}")
        else:
            found["bare_paint"].append(events["paint"]["ms"])
            found["bare_rss"].append(events["paint"]["rss_mb"])
        if table:
            events, problem = _probe(ctx, ["table", str(ctx.db), ctx.on.isoformat()])
            if problem or "interactive" not in events:
                errors.append(f"table: {problem or 'no interactive report'}")
            else:
                found["table_paint"].append(events["paint"]["ms"])
                found["table_interactive"].append(events["interactive"]["ms"])
        return None

    interleave(app, bases, max(ctx.runs, PROBE_MIN_RUNS), budget_s=PROBE_BUDGET_S, min_runs=PROBE_MIN_RUNS)
    found["errors"] = errors
    ctx.probes = found
    return found


def _failed(found: dict[str, Any]) -> str:
    errors = found["errors"]
    return f"; {len(errors)} probe(s) failed, e.g. {errors[0]}" if errors else ""


def bench_startup(ctx: Context) -> Line:
    found = probe_results(ctx)
    return timing_line(
        "startup",
        ctx.cases,
        found["paint"],
        found["bare_paint"],
        "fresh process (cowork_desktop.app.main, offscreen) from its start to the first paint of the main "
        f"window with the dashboard's rows in it (rows: {found['rows'][:1]}); the daily backup due, bytecode "
        f"compiled; baseline: a bare QMainWindow of the same size, interleaved; target: <= {STARTUP_MAX_RATIO}x "
        "the baseline" + _failed(found),
        target_ratio=STARTUP_MAX_RATIO,
    )


def bench_startup_interactive(ctx: Context) -> Line:
    found = probe_results(ctx)
    stall = median(found["max_stall"])
    worst = max(found["max_stall"]) if found["max_stall"] else None
    return timing_line(
        "startup_interactive",
        ctx.cases,
        found["interactive"],
        found["table_interactive"],
        "fresh process from its start until its GUI thread is free: after the first paint a 10 ms timer beats; "
        "a gap over 50 ms between beats is a stall; watched until 5 s after the start and 1 s after the last "
        "stall; the figure is the end of the last stall (no stall: the first beat after the paint); so every "
        "start-up task queued in those seconds (page check, daily backup, evidence check, first reads) has run. "
        "max_stall_ms: the longest stall starting in the first 5 s (median over runs; target <= 100 ms). "
        "Baseline: the same for a bare QMainWindow with the dashboard's rows read by plain sqlite3 in a "
        f"QTableView, interleaved{_failed(found)}",
        max_stall_ms=stall,
        worst_stall_ms=worst,
        stall_target_ms=TARGET_STALL_MS,
        stall_meets_target=None if worst is None else worst <= TARGET_STALL_MS,
        stalls_over_100ms=median(found["stalls_over_100ms"]),
        longest_stalls=found["stalls"][0] if found["stalls"] else [],
        first_paint_ms=median(found["paint"]),
    )


def bench_peak_rss(ctx: Context) -> Line:
    found = probe_results(ctx)
    return memory_line(
        "peak_rss",
        ctx.cases,
        found["rss_team"],
        found["bare_rss"],
        "peak resident memory (VmHWM) of a fresh app process once its dashboard's Team view tab (drift and "
        "promises) has been opened, filled and repainted, after the start-up watch (in the first start-up "
        f"run, and the next ones while those openings took less than {TEAM_BUDGET_S:.0f} s); baseline: a bare "
        f"QMainWindow's at its first paint{_failed(found)}",
        at_first_paint_mb=median(found["rss_paint"]),
        team_view_open_ms=median(found["team_open"]),
    )


# ------------------------------------------------------------------------------------------------ commands

CLI = "import sys; from cowork_desktop.cli import main; sys.exit(main())"
COMMANDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "cli_due": ("due", baselines.DUE_SQL),
    "cli_drift": ("drift", baselines.DRIFT_SQL),
    "cli_promises": ("promises", baselines.PROMISES_SQL),
}


def _items(command: str, data: Any) -> int:
    if command == "due":
        return len(data["items"])
    if command == "drift":
        return len(data["coallocations"])
    return len(data.get("cases", []))


def bench_cli(ctx: Context, name: str) -> Line:
    compile_bytecode()
    command, sqls = COMMANDS[name]
    env = _env(ctx)
    day = ctx.on.isoformat()
    app_argv = [sys.executable, "-c", CLI, command, "--db", str(ctx.db), "--on", day, "--json"]
    base_argv = [sys.executable, "-c", baselines.CLI_SCRIPT, str(ctx.db), day, *sqls]
    errors: list[str] = []
    items: list[int] = []
    rows: list[int] = []

    def run(argv: list[str], into: list[int], parse: bool) -> float | None:
        started = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
        elapsed = ms(time.perf_counter() - started)
        if done.returncode != 0:
            errors.append((done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1])
            return None
        into.append(_items(command, json.loads(done.stdout)) if parse else int(done.stdout))
        return elapsed

    samples, base = interleave(
        lambda _n: run(app_argv, items, True),
        lambda _n: run(base_argv, rows, False),
        ctx.runs,
        budget_s=CLI_BUDGET_S,
    )
    note = (
        f"`cowork {command} --db DB --on {day} --json` as a fresh process (python -c calling cowork_desktop.cli"
        ".main, as the console script does), to its exit; baseline: a fresh `python -c` that imports sqlite3 "
        f"and reads the same rows ({rows[0] if rows else '?'} rows), interleaved"
    )
    if errors:
        note += f"; {len(errors)} run(s) failed: {errors[0]}"
    return timing_line(name, ctx.cases, samples, base, note, items=items[0] if items else None)
