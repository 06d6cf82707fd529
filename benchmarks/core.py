"""What every figure shares: its target, the JSON line it prints, interleaved timing, and the run's context."""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

Line = dict[str, Any]

#: Targets of issue 14 (40,000 cases on a 2-core machine; the same targets are shown at every size).
#: ``startup`` has none in ms: its target is a ratio to its baseline (STARTUP_MAX_RATIO).
TARGETS_MS: dict[str, float | None] = {
    "startup": None,
    "startup_interactive": 1000.0,
    "dashboard": 100.0,
    "case_filter": 30.0,
    "case_page": 50.0,  # flat across sizes: what a 40-record case costs at 1,000 cases
    "draft_save": 10.0,  # flat: bounded by the fsync'd commit
    "team_view": 300.0,
    "devlog": 100.0,
    "export_per_pdf": 70.0,
    "export_100_cases": 60_000.0,  # at 10,000 cases (1,687 PDFs)
    "cli_due": 300.0,
    "cli_drift": 300.0,
    "cli_promises": 300.0,
    "case_list_load": 150.0,
    "pdf_generate": 200.0,
    "pdf_sign": 200.0,
    "evidence_check": None,
}
#: figures whose target is met at the target itself ("<="; the others need "<")
AT_MOST = {"startup", "export_per_pdf"}
STARTUP_MAX_RATIO = 2.5
TARGET_RSS_MB = 200.0
#: a GUI-thread stall in the first 5 s must not be longer than this (reported with startup_interactive)
TARGET_STALL_MS = 100.0

#: the figures of issue 14, in this order, then the extra ones kept from before
ISSUE_NAMES = (
    "startup",
    "startup_interactive",
    "dashboard",
    "case_filter",
    "case_page",
    "draft_save",
    "team_view",
    "devlog",
    "export_per_pdf",
    "export_100_cases",
    "cli_due",
    "cli_drift",
    "cli_promises",
    "peak_rss",
)
EXTRA_NAMES = (
    "case_list_load",
    "pdf_generate",
    "pdf_sign",
    "evidence_check",
    "publish_10k",
    "service_report_40k",
)
#: run before the others, whatever is asked for (it leaves the working copy as an installation is after its first
#: start: every active co-allocation's due facts kept); its line is printed when asked for or when nothing is
FIRST_NAMES = ("due_facts_made",)
NAMES = FIRST_NAMES + ISSUE_NAMES + EXTRA_NAMES

#: a slow figure stops taking runs once it has spent this long (and has MIN_RUNS); ``runs`` says how many
BUDGET_S = 90.0
MIN_RUNS = 1

ROOT = Path(__file__).resolve().parent.parent


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def median(samples: Sequence[float]) -> float | None:
    return round(statistics.median(samples), 2) if samples else None


def meets(name: str, value: float | None, target: float | None) -> bool | None:
    if value is None or target is None:
        return None
    return value <= target if name in AT_MOST else value < target


def timing_line(
    name: str,
    cases: int | None,
    samples: Sequence[float],
    baseline: Sequence[float] = (),
    note: str = "",
    **extra: Any,
) -> Line:
    """One figure's JSON line: the median of ``samples`` beside the median of its ``baseline``."""
    value = median(samples)
    base = median(baseline)
    ratio = round(value / base, 2) if value is not None and base else None
    target = TARGETS_MS.get(name)
    if name == "startup" and base is not None:
        target = round(base * STARTUP_MAX_RATIO, 2)
    figures = {"median_ms": value, "baseline_ms": base, "ratio": ratio, "target_ms": target}
    return _line(name, cases, figures, meets(name, value, target), len(samples), note, extra)


def _line(
    name: str,
    cases: int | None,
    figures: dict[str, Any],
    meets_target: bool | None,
    runs: int,
    note: str,
    extra: dict[str, Any],
) -> Line:
    """A JSON line in the order every line has: what, how many cases, the figures, whether they meet the target,
    how many runs, any more, and the note last."""
    return {
        "name": name,
        "cases": cases,
        **figures,
        "meets_target": meets_target,
        "runs": runs,
        **{k: v for k, v in extra.items() if k != "note"},
        "note": note,
    }


def memory_line(
    name: str, cases: int | None, samples: Sequence[float], baseline: Sequence[float], note: str, **extra: Any
) -> Line:
    value = median(samples)
    base = median(baseline)
    figures = {
        "peak_rss_mb": value,
        "baseline_mb": base,
        "ratio": round(value / base, 2) if value is not None and base else None,
        "target_mb": TARGET_RSS_MB,
    }
    return _line(name, cases, figures, meets(name, value, TARGET_RSS_MB), len(samples), note, extra)


def skipped_line(name: str, cases: int | None, note: str) -> Line:
    line = timing_line(name, cases, (), (), note)
    line["runs"] = 0
    return line


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return ms(time.perf_counter() - started)


def interleave(
    app: Callable[[int], float | None],
    baseline: Callable[[int], float | None] | None,
    runs: int,
    *,
    budget_s: float = BUDGET_S,
    min_runs: int = MIN_RUNS,
) -> tuple[list[float], list[float]]:
    """Run ``app(n)`` then ``baseline(n)`` (each returns its ms, or None when it failed), ``runs`` times, or
    fewer once ``budget_s`` has gone by and ``min_runs`` app samples are in."""
    samples: list[float] = []
    base: list[float] = []
    started = time.perf_counter()
    for n in range(runs):
        value = app(n)
        if value is not None:
            samples.append(value)
        if baseline is not None:
            value = baseline(n)
            if value is not None:
                base.append(value)
        if time.perf_counter() - started > budget_s and len(samples) >= min_runs:
            break
    return samples, base


def after_first(
    first_ms: float,
    app: Callable[[int], float | None],
    baseline: Callable[[int], float | None],
    runs: int,
) -> tuple[list[float], list[float], str]:
    """The runs after a first (cold) one that took ``first_ms``, within what is left of the budget. When the
    first took half the budget or more, it is the only sample (beside one baseline), and the returned note
    says so; a figure that slow is far from its target either way."""
    if first_ms >= BUDGET_S * 1000 / 2:
        value = baseline(0)
        return [first_ms], [value] if value is not None else [], " (slow: the first opening is the only run)"
    samples, base = interleave(app, baseline, runs, budget_s=BUDGET_S - first_ms / 1000)
    return samples, base, ""


@dataclass
class Context:
    """The working copy of the database and what the benchmarks of one size share (opened lazily)."""

    db: Path
    runs: int
    tmp: Path
    on: date = field(default_factory=date.today)
    cases: int | None = None
    only: tuple[str, ...] = ()
    _ws: Any = None
    _app: Any = None
    _plain: sqlite3.Connection | None = None
    _signer: Any = None
    _pdf: bytes | None = None
    probes: dict[str, Any] | None = None

    def app(self) -> Any:
        if self._app is None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from cowork_desktop import app as cowork_app
            from cowork_desktop.ui.theme import apply_saved_theme

            _quiet_offscreen_warnings()
            self._app = cowork_app._application()
            apply_saved_theme(self._app)
        return self._app

    def ws(self) -> Any:
        if self._ws is None:
            from cowork_desktop.services.sessions import Workspace
            from cowork_desktop.store.opening import open_store

            self._ws = Workspace.open(open_store(self.db, actor="bench-manager"))
        return self._ws

    def plain(self) -> sqlite3.Connection:
        """A plain sqlite3 connection for the baselines (same file, same durability settings)."""
        if self._plain is None:
            self._plain = sqlite3.connect(self.db, isolation_level=None)
            self._plain.execute("PRAGMA synchronous = FULL")
        return self._plain

    def paint(self) -> None:
        self.app().processEvents()

    def data_dir(self) -> Path:
        """The user data folder of the app and commands started by the benchmarks (logs; never the user's)."""
        folder = self.tmp / "data"
        folder.mkdir(exist_ok=True)
        return folder

    def close(self) -> None:
        if self._ws is not None:
            self._ws.store.close()
            self._ws = None
        if self._plain is not None:
            self._plain.close()
            self._plain = None


def _quiet_offscreen_warnings() -> None:
    """Drop the offscreen platform's "does not support propagateSizeHints()" line (once per window shown)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: Any, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(f"{message}\n")

    qInstallMessageHandler(handler)
