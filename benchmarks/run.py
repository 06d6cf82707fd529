"""The benchmark suite: each figure timed against a baseline measured in the same run, printed as JSON lines.

Every figure is the median of at least 5 runs (export_100_cases: 3, it takes minutes); each line carries
``runs``. In-process GUI figures drive the real widgets on the offscreen Qt platform; start-up and peak memory
run in fresh processes (:mod:`benchmarks.probe`). The database is a copy of the cached generated one
(:func:`benchmarks.generate.cached_database`), so writes made by a run never reach the cache.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.generate import DEFAULT_CASES, cached_database, generate

NAMES = (
    "startup",
    "case_list_load",
    "case_filter",
    "dashboard",
    "case_page",
    "draft_save",
    "pdf_generate",
    "pdf_sign",
    "export_100_cases",
    "export_one",
    "evidence_check",
    "peak_rss",
)
TARGETS_MS: dict[str, float | None] = {
    "startup": 1500.0,
    "case_list_load": 150.0,
    "case_filter": 50.0,
    "dashboard": 150.0,
    "case_page": 50.0,
    "draft_save": 10.0,
    "pdf_generate": 200.0,
    "pdf_sign": 200.0,
    "export_100_cases": None,
    "export_one": None,
    "evidence_check": None,
}
STARTUP_MAX_RATIO = 2.0
TARGET_RSS_MB = 300.0
EXPORT_CASES = 100
CASE_PAGE_RECORDS = 40
PDF_PAGES = 3

Line = dict[str, Any]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _median(samples: Sequence[float]) -> float | None:
    return round(statistics.median(samples), 2) if samples else None


def timing_line(
    name: str,
    samples: Sequence[float],
    baseline: Sequence[float] = (),
    note: str = "",
    **extra: Any,
) -> Line:
    median = _median(samples)
    base = _median(baseline)
    ratio = round(median / base, 2) if median is not None and base else None
    target = TARGETS_MS.get(name)
    meets: bool | None = None
    if target is not None and median is not None:
        meets = median < target
        if name == "startup":
            meets = meets and ratio is not None and ratio < STARTUP_MAX_RATIO
    line: Line = {
        "name": name,
        "median_ms": median,
        "baseline_ms": base,
        "ratio": ratio,
        "target_ms": target,
        "meets_target": meets,
        "runs": len(samples),
    }
    line.update(extra)
    if note:
        line["note"] = note
    return line


# ------------------------------------------------------------------------------------------------- context


@dataclass
class Context:
    """The working copy of the database and what the in-process benchmarks share (opened lazily)."""

    db: Path
    runs: int
    tmp: Path
    on: date = field(default_factory=date.today)
    _ws: Any = None
    _app: Any = None
    _plain: sqlite3.Connection | None = None
    _signer: Any = None
    _pdf: bytes | None = None

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
            from cowork_desktop.store.db import open_store

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

    def close(self) -> None:
        if self._ws is not None:
            self._ws.store.close()
        if self._plain is not None:
            self._plain.close()


def _quiet_offscreen_warnings() -> None:
    """Drop the offscreen platform's "does not support propagateSizeHints()" line (once per window shown)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: Any, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(f"{message}\n")

    qInstallMessageHandler(handler)


def _time(fn: Callable[[], Any], runs: int, before: Callable[[int], Any] | None = None) -> list[float]:
    samples = []
    for n in range(runs):
        if before is not None:
            before(n)
        started = time.perf_counter()
        fn()
        samples.append(_ms(time.perf_counter() - started))
    return samples


# ------------------------------------------------------------------------------------------------- start-up


def _probe(args: Sequence[str]) -> tuple[float | None, float | None, str]:
    """Start a fresh process; time from its start to its report line (first paint of the main window)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.probe", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = _ms(time.perf_counter() - started)
    _out, err = proc.communicate(timeout=120)
    if not line.strip():
        return None, None, (err.strip().splitlines() or ["no output"])[-1]
    return elapsed, float(json.loads(line)["rss_mb"]), ""


def _probes(ctx: Context, args: Sequence[str], runs: int) -> tuple[list[float], list[float], list[str]]:
    times, rss, errors = [], [], []
    for _ in range(runs):
        elapsed, mb, err = _probe(args)
        if elapsed is None or mb is None:
            errors.append(err)
        else:
            times.append(elapsed)
            rss.append(mb)
    return times, rss, errors


def bench_startup(ctx: Context) -> Line:
    base, _rss, _e = _probes(ctx, ["bare"], ctx.runs)
    app, _rss, errors = _probes(ctx, ["app", str(ctx.db)], ctx.runs)
    note = "process start to the first paint of the main window, offscreen; baseline: a bare QMainWindow"
    if errors:
        note += f"; {len(errors)} run(s) failed: {errors[0]}"
    return timing_line("startup", app, base, note)


def bench_peak_rss(ctx: Context) -> Line:
    runs = max(3, min(ctx.runs, 5))
    _t, base, _e = _probes(ctx, ["bare"], runs)
    _t, rss, errors = _probes(ctx, ["app", str(ctx.db)], runs)
    median = _median(rss)
    line: Line = {
        "name": "peak_rss",
        "peak_rss_mb": median,
        "baseline_mb": _median(base),
        "target_mb": TARGET_RSS_MB,
        "meets_target": median is not None and median < TARGET_RSS_MB,
        "runs": len(rss),
        "note": "peak RSS (VmHWM) of a fresh app process once the dashboard is painted; baseline: a bare QMainWindow",
    }
    if errors:
        line["note"] += f"; {len(errors)} run(s) failed: {errors[0]}"
    return line


# ------------------------------------------------------------------------------------------------- screens

CASE_LIST_BASELINE_SQL = """
    SELECT c.id, c.reference, c.plan_type, c.status, c.children_count,
           w1.name, w2.name, wl.name, ca.start_date, ca.end_date
    FROM cases c
    LEFT JOIN coallocations ca ON ca.id = (SELECT max(id) FROM coallocations WHERE case_id = c.id)
    LEFT JOIN workers w1 ON w1.id = ca.worker1_id
    LEFT JOIN workers w2 ON w2.id = ca.worker2_id
    LEFT JOIN workers wl ON wl.id = ca.lead_worker_id
    {where}
    ORDER BY c.reference LIMIT {limit}
"""
FILTER_WHERE = (
    "WHERE c.reference LIKE :q OR c.id IN (SELECT x.case_id FROM coallocations x JOIN workers w "
    "ON w.id IN (x.worker1_id, x.worker2_id) WHERE w.name LIKE :q)"
)


def _plain_case_list(ctx: Context, search: str = "") -> None:
    conn = ctx.plain()
    where = FILTER_WHERE if search else ""
    params = {"q": f"%{search}%"}
    conn.execute(f"SELECT count(*) FROM cases c {where}", params if search else {}).fetchone()
    from cowork_desktop.ui.case_list import PAGE_SIZE

    sql = CASE_LIST_BASELINE_SQL.format(where=where, limit=PAGE_SIZE)
    conn.execute(sql, params if search else {}).fetchall()


def bench_case_list_load(ctx: Context) -> Line:
    ctx.app()
    from cowork_desktop.ui.case_list import CaseListPage

    store = ctx.ws().store
    pages: list[Any] = []

    def load() -> None:
        page = CaseListPage(store)
        page.resize(1100, 700)
        page.show()
        ctx.paint()
        pages.append(page)

    def drop(_n: int) -> None:
        while pages:
            pages.pop().deleteLater()
        ctx.paint()

    samples = _time(load, ctx.runs, drop)
    drop(0)
    baseline = _time(lambda: _plain_case_list(ctx), ctx.runs)
    return timing_line(
        "case_list_load",
        samples,
        baseline,
        "new case list page (count + first page of rows) shown and painted; baseline: the same rows by plain "
        "sqlite3",
    )


def _filter_terms(ctx: Context) -> list[str]:
    conn = ctx.plain()
    name = conn.execute("SELECT name FROM workers ORDER BY id LIMIT 1 OFFSET 20").fetchone()[0]
    ref = conn.execute("SELECT reference FROM cases ORDER BY id LIMIT 1 OFFSET 7").fetchone()[0]
    return [name.split()[-1][:5], ref[:6], name.split()[0][:3].lower()]


def bench_case_filter(ctx: Context) -> Line:
    ctx.app()
    from cowork_desktop.ui.case_list import CaseListPage

    page = CaseListPage(ctx.ws().store)
    page.resize(1100, 700)
    page.show()
    ctx.paint()
    terms = _filter_terms(ctx)
    samples = []
    for n in range(ctx.runs * len(terms)):
        term = terms[n % len(terms)]
        page.search_edit.blockSignals(True)
        page.search_edit.setText(term)
        page.search_edit.blockSignals(False)
        started = time.perf_counter()
        page.apply_search()  # what a keystroke runs once the typing pause (debounce) has passed
        ctx.paint()
        samples.append(_ms(time.perf_counter() - started))
        page.search_edit.setText("")
        page.apply_search()
        ctx.paint()
    page.deleteLater()
    ctx.paint()
    baseline = []
    for n in range(ctx.runs * len(terms)):
        term = terms[n % len(terms)]
        started = time.perf_counter()
        _plain_case_list(ctx, term)
        baseline.append(_ms(time.perf_counter() - started))
    return timing_line(
        "case_filter",
        samples,
        baseline,
        f"search applied (count + first page) and repainted, terms {terms}; baseline: the same rows by plain "
        "sqlite3",
    )


DASHBOARD_BASELINE_SQL = """
    WITH active AS (SELECT id FROM coallocations WHERE start_date <= :on
                    AND (end_date IS NULL OR end_date >= :on))
    SELECT r.coallocation_id, r.id, r.kind, r.meeting_date, r.next_review_date, r.discussion_rrule,
           r.supervision_rrule, r.issues_flagged, r.linked_record_id
    FROM active a CROSS JOIN records r ON r.coallocation_id = a.id WHERE r.status = 'signed'
"""


def bench_dashboard(ctx: Context) -> Line:
    ctx.app()
    from cowork_desktop.ui.dashboard import DashboardPage

    page = DashboardPage(ctx.ws(), on=ctx.on)
    page.resize(1100, 700)
    page.show()
    ctx.paint()

    steps: list[float] = []

    def refresh() -> None:
        # a large service's due items are read in steps, the window painting between them: the figure is the
        # time until all are shown; the longest step (the longest the window does not answer) is said beside it
        started = time.perf_counter()
        page.refresh()  # the first step, at once (all of it on a small service)
        steps.append(_ms(time.perf_counter() - started))
        while True:
            started = time.perf_counter()
            ctx.paint()  # the next step (one a turn of the event loop), or the paint of the lists
            steps.append(_ms(time.perf_counter() - started))
            if page.reading is None:
                break

    samples = _time(refresh, ctx.runs)
    items = len(page.items)
    page.deleteLater()
    ctx.paint()
    conn = ctx.plain()
    baseline = _time(
        lambda: conn.execute(DASHBOARD_BASELINE_SQL, {"on": ctx.on.isoformat()}).fetchall(), ctx.runs
    )
    return timing_line(
        "dashboard",
        samples,
        baseline,
        "due items for every co-allocation on one day, shown and painted; baseline: plain sqlite3 read of "
        "the signed records of the active co-allocations",
        items=items,
        longest_step_ms=max(steps),
    )


def _case_with_records(ctx: Context, how_many: int) -> list[int]:
    rows = ctx.plain().execute(
        "SELECT case_id, count(*) AS n FROM records GROUP BY case_id ORDER BY abs(n - ?), case_id LIMIT 2",
        [how_many],
    )
    return [r[0] for r in rows]


def bench_case_page(ctx: Context) -> Line:
    ctx.app()
    from cowork_desktop.ui.case_page import CasePage

    cases = _case_with_records(ctx, CASE_PAGE_RECORDS)
    page = CasePage(ctx.ws(), on=ctx.on)
    page.resize(1100, 800)
    page.show()
    ctx.paint()
    samples = []
    for n in range(ctx.runs * 2):
        started = time.perf_counter()
        page.show_case(cases[n % len(cases)])
        ctx.paint()
        samples.append(_ms(time.perf_counter() - started))
    shown = page.records_model.rowCount()
    page.deleteLater()
    ctx.paint()
    conn = ctx.plain()

    def plain() -> None:
        case_id = cases[0]
        conn.execute("SELECT * FROM cases WHERE id = ?", [case_id]).fetchall()
        conn.execute("SELECT * FROM coallocations WHERE case_id = ?", [case_id]).fetchall()
        conn.execute(
            "SELECT * FROM records WHERE case_id = ? ORDER BY meeting_date, id", [case_id]
        ).fetchall()

    baseline = _time(plain, ctx.runs * 2)
    return timing_line(
        "case_page",
        samples,
        baseline,
        "case page opened on a case with about 40 records and painted; baseline: plain sqlite3 read of the "
        "case, its co-allocations and its records",
        records=shown,
    )


def _draft_record(ctx: Context) -> int:
    rows = ctx.plain().execute("SELECT id FROM records WHERE status = 'draft' ORDER BY id LIMIT 1").fetchall()
    if rows:
        return int(rows[0][0])
    from cowork_desktop.domain.models import RecordKind
    from cowork_desktop.services import sessions

    ca = (
        ctx.plain()
        .execute(
            "SELECT id FROM coallocations WHERE end_date IS NULL OR end_date > ? ORDER BY id DESC LIMIT 1",
            [ctx.on.isoformat()],
        )
        .fetchone()[0]
    )
    record = sessions.start_record(ctx.ws(), ca, RecordKind.REFLECTIVE_DISCUSSION, ctx.on)
    assert record.id is not None
    return record.id


def bench_draft_save(ctx: Context) -> Line:
    from cowork_desktop.services import sessions

    ws = ctx.ws()
    record_id = _draft_record(ctx)
    answers = dict(ws.store.get_record(record_id).answers)
    text_key = next((k for k, v in answers.items() if isinstance(v, str) and len(v) > 20), "bench_note")
    typed = str(answers.get(text_key, ""))
    runs = max(ctx.runs * 4, 5)

    revision = [ws.store.get_record(record_id).revision]

    def save_keystroke(n: int) -> Callable[[], None]:
        current = dict(answers, **{text_key: typed + "x" * (n + 1)})

        def save() -> None:
            revision[0] = sessions.save_draft(ws, record_id, current, based_on=revision[0])

        return save

    samples = []
    for n in range(runs):
        fn = save_keystroke(n)
        started = time.perf_counter()
        fn()
        samples.append(_ms(time.perf_counter() - started))
    conn = ctx.plain()
    baseline = []
    for n in range(runs):
        text = json.dumps(dict(answers, **{text_key: typed + "y" * (n + 1)}), ensure_ascii=False)
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        cur = conn.execute("UPDATE records SET answers = ? WHERE id = ?", [text, record_id])
        conn.execute("COMMIT")
        baseline.append(_ms(time.perf_counter() - started))
        assert cur.rowcount == 1
    return timing_line(
        "draft_save",
        samples,
        baseline,
        "sessions.save_draft of a draft's answers (one more character typed), committed with synchronous=FULL; "
        "baseline: a plain sqlite3 UPDATE of the answers, committed the same way",
    )


# ------------------------------------------------------------------------------------------------- PDFs


def _note(ctx: Context) -> tuple[Any, str]:
    """A 3-page case note: from a generated record via services.export if it exists, else the sample note."""
    from cowork_desktop.export.pdf import render_case_note

    build_case_note: Callable[..., Any] | None
    try:
        from cowork_desktop.services.export import build_case_note
    except ImportError:
        build_case_note = None
    if build_case_note is not None:
        rows = ctx.plain().execute(
            "SELECT id FROM records WHERE status = 'signed' AND kind = 'initial_meeting' "
            "ORDER BY length(answers) DESC, id LIMIT 20"
        )
        for (record_id,) in rows:
            note = build_case_note(ctx.ws(), record_id)
            pages = _page_count(render_case_note(note))
            if pages >= PDF_PAGES:
                return note, f"record {record_id} via services.export.build_case_note ({pages} pages)"
    from cowork_desktop.export.sample import sample_case_note

    rows_needed = 7
    while True:
        note = sample_case_note(responsibility_rows=rows_needed)
        pages = _page_count(render_case_note(note))
        if pages >= PDF_PAGES or rows_needed > 200:
            return note, f"export.sample.sample_case_note ({pages} pages)"
        rows_needed += 8


def _page_count(pdf: bytes) -> int:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


def bench_pdf_generate(ctx: Context) -> Line:
    from cowork_desktop.export.pdf import render_case_note

    note, source = _note(ctx)
    render_case_note(note)  # fonts registered once per process, as in the app
    samples = []
    pdf = b""
    for _ in range(ctx.runs):
        started = time.perf_counter()
        pdf = render_case_note(note)
        samples.append(_ms(time.perf_counter() - started))
    ctx._pdf = pdf
    return timing_line("pdf_generate", samples, (), f"render_case_note (PDF/A-3b) of {source}")


def _signer(ctx: Context) -> Any:
    if ctx._signer is None:
        from cowork_desktop.export.signing import create_certificate, load_signer

        row = (
            ctx.plain()
            .execute("SELECT signer_name FROM signatures WHERE worker_id IS NULL LIMIT 1")
            .fetchone()
        )
        manager = row[0] if row else "Bench Manager"  # the certificate is the generated records' manager's
        p12 = create_certificate(manager, "Bench Council", ctx.tmp / "bench.p12", b"bench")
        ctx._signer = load_signer(p12, b"bench")
        ctx._signer.warm_up()
    return ctx._signer


def bench_pdf_sign(ctx: Context) -> Line:
    from cowork_desktop.export.signing import sign_pdf

    if ctx._pdf is None:
        from cowork_desktop.export.pdf import render_case_note

        ctx._pdf = render_case_note(_note(ctx)[0])
    signer = _signer(ctx)
    pdf = ctx._pdf

    def sign() -> None:
        sign_pdf(pdf, signer, signer_name="Bench Manager", reason="Signed record", location="Bench Council")

    samples = _time(sign, ctx.runs)
    return timing_line(
        "pdf_sign",
        samples,
        (),
        "sign_pdf (PAdES, RSA 3072) with a Signer loaded once and its stamp font warmed up",
    )


def _export_cases(ctx: Context) -> list[tuple[int, str]]:
    rows = (
        ctx.plain()
        .execute(
            "SELECT c.id, c.reference FROM cases c WHERE EXISTS (SELECT 1 FROM records r WHERE r.case_id = c.id "
            "AND r.status = 'signed') ORDER BY c.id"
        )
        .fetchall()
    )
    step = max(1, len(rows) // EXPORT_CASES)
    return [(int(r[0]), str(r[1])) for r in rows[::step][:EXPORT_CASES]]


def bench_export(ctx: Context) -> Line:
    runs = max(3, min(ctx.runs, 3))
    cases = _export_cases(ctx)
    signer = _signer(ctx)
    ws = ctx.ws()
    export_case: Callable[..., Any] | None
    try:
        from cowork_desktop.services.export import export_case
    except ImportError:
        export_case = None
    records = (
        ctx.plain()
        .execute(
            f"SELECT count(*) FROM records WHERE status = 'signed' AND case_id IN ({','.join('?' * len(cases))})",
            [c for c, _r in cases],
        )
        .fetchone()[0]
    )
    samples = []
    for n in range(runs):
        out = ctx.tmp / f"export-{n}"
        started = time.perf_counter()
        if export_case is not None:
            for _case_id, reference in cases:
                export_case(ws, reference, out / reference, signer)
            how = "services.export.export_case"
        else:
            _render_and_sign(ctx, cases, out, signer)
            how = "render_case_note + sign_pdf per record (services.export absent)"
        samples.append(_ms(time.perf_counter() - started))
        shutil.rmtree(out, ignore_errors=True)
    return timing_line(
        "export_100_cases",
        samples,
        (),
        f"every signed record of {len(cases)} cases ({records} PDFs) with {how}; {runs} runs (slow)",
        records=records,
    )


def _render_and_sign(ctx: Context, cases: list[tuple[int, str]], out: Path, signer: Any) -> None:
    from cowork_desktop.export.pdf import render_case_note
    from cowork_desktop.export.sample import sample_case_note
    from cowork_desktop.export.signing import sign_pdf

    out.mkdir(parents=True, exist_ok=True)
    for case_id, reference in cases:
        for (record_id,) in ctx.plain().execute(
            "SELECT id FROM records WHERE case_id = ? AND status = 'signed'", [case_id]
        ):
            note = sample_case_note(case_reference=reference)
            pdf = sign_pdf(render_case_note(note), signer, signer_name="B", reason="R", location="L")
            (out / f"{reference}-{record_id}.pdf").write_bytes(pdf)


def bench_export_one(ctx: Context) -> Line:
    """One signed record exported as the app does it (its evidence checked, canonical content embedded, signed
    and certified, the audit chain's head signed); baseline: the same note rendered and signed alone."""
    from cowork_desktop.export.pdf import render_case_note
    from cowork_desktop.export.signing import sign_pdf
    from cowork_desktop.services.export import build_case_note, export_record

    ws = ctx.ws()
    signer = _signer(ctx)
    (record_id,) = (
        ctx.plain()
        .execute(
            "SELECT r.id FROM records r WHERE r.status = 'signed' AND r.kind = 'initial_meeting' ORDER BY r.id"
            " LIMIT 1 OFFSET (SELECT count(*) / 2 FROM records WHERE status = 'signed' AND kind = 'initial_meeting')"
        )
        .fetchone()
    )
    out = ctx.tmp / "one"
    out.mkdir(exist_ok=True)
    started = time.perf_counter()
    export_record(ws, record_id, out / "first.pdf", signer=signer)  # walks the whole audit chain, once
    first = _ms(time.perf_counter() - started)
    samples = _time(lambda: export_record(ws, record_id, out / "again.pdf", signer=signer), ctx.runs)
    baseline = _time(
        lambda: sign_pdf(
            render_case_note(build_case_note(ws, record_id)),
            signer,
            signer_name="B",
            reason="R",
            location="L",
        ),
        ctx.runs,
    )
    return timing_line(
        "export_one",
        samples,
        baseline,
        f"services.export.export_record of one signed record (check, evidence, certification, signed chain head)"
        f" after the first of the session ({first} ms: it walks the whole audit chain); baseline: render + sign",
        first_ms=first,
    )


def bench_evidence_check(ctx: Context) -> Line:
    """``cowork check``: every signed record's hash recomputed from its rows, the audit chain walked, the
    protections compared; baseline: a plain sqlite3 read of the same rows (no hashing)."""
    from cowork_desktop.services import integrity

    ws = ctx.ws()
    runs = max(1, min(ctx.runs, 3))
    report = integrity.check_store(ws.store)
    samples = _time(lambda: integrity.check_store(ws.store), runs)
    conn = ctx.plain()

    def plain() -> None:
        for sql in (
            "SELECT * FROM records WHERE status = 'signed'",
            "SELECT s.* FROM signatures s JOIN records r ON r.id = s.record_id WHERE r.status = 'signed'",
            "SELECT a.* FROM actions a JOIN records r ON r.id = a.record_id WHERE r.status = 'signed'",
            "SELECT * FROM audit_log",
        ):
            for _row in conn.execute(sql):
                pass

    baseline = _time(plain, runs)
    return timing_line(
        "evidence_check",
        samples,
        baseline,
        f"integrity.check_store: {report.signed_records} signed records, {report.audit_entries} audit entries, "
        f"ok={report.ok}; baseline: plain sqlite3 read of the same rows",
        signed_records=report.signed_records,
        audit_entries=report.audit_entries,
    )


BENCHMARKS: dict[str, Callable[[Context], Line]] = {
    "startup": bench_startup,
    "case_list_load": bench_case_list_load,
    "case_filter": bench_case_filter,
    "dashboard": bench_dashboard,
    "case_page": bench_case_page,
    "draft_save": bench_draft_save,
    "pdf_generate": bench_pdf_generate,
    "pdf_sign": bench_pdf_sign,
    "export_100_cases": bench_export,
    "export_one": bench_export_one,
    "evidence_check": bench_evidence_check,
    "peak_rss": bench_peak_rss,
}
SUBPROCESS_BENCHMARKS = ("startup", "peak_rss")


def run(
    db: Path,
    *,
    runs: int = 5,
    only: Sequence[str] = (),
    skip: Sequence[str] = (),
    emit: Callable[[Line], None] | None = None,
    on: date | None = None,
) -> list[Line]:
    """Run the benchmarks (in the order of NAMES) on a working copy of ``db``; returns (and emits) the lines."""
    lines: list[Line] = []
    with tempfile.TemporaryDirectory(prefix="cowork-bench-") as tmp_name:
        tmp = Path(tmp_name)
        work = tmp / "work.db"
        shutil.copyfile(db, work)
        ctx = Context(work, max(1, runs), tmp, on or date.today())
        try:
            for name in NAMES:
                if (only and name not in only) or name in skip:
                    continue
                line = BENCHMARKS[name](ctx)
                lines.append(line)
                if emit is not None:
                    emit(line)
        finally:
            ctx.close()
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description="cowork-desktop benchmarks")
    parser.add_argument("--cases", "--scale", dest="cases", type=int, default=DEFAULT_CASES)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (at least 5 for a real run)")
    parser.add_argument("--only", action="append", choices=NAMES, default=[], help="run only this figure")
    parser.add_argument("--db", type=Path, default=None, help="use this database (copied) instead")
    parser.add_argument("--fresh", action="store_true", help="generate a new database, ignoring the cache")
    args = parser.parse_args(argv)

    if args.db is not None:
        db = args.db
    elif args.fresh:
        folder = Path(tempfile.mkdtemp(prefix="cowork-bench-db-"))
        db = folder / "bench.db"
        summary = generate(db, cases=args.cases, seed=args.seed)
        print(json.dumps({"generated": summary}), file=sys.stderr)
    else:
        db, summary = cached_database(args.cases, args.seed)
        print(json.dumps({"database": summary}), file=sys.stderr)

    def emit(line: Line) -> None:
        print(json.dumps(line, ensure_ascii=False), flush=True)

    run(db, runs=args.runs, only=args.only, emit=emit)
    return 0
