"""The benchmark suite: each figure timed against a baseline measured in the same run, printed as JSON lines.

``python -m benchmarks --cases 1000,10000,40000`` (``make bench``): per size, the cached generated database
(:func:`benchmarks.generate.cached_database`) is copied once into a temporary folder (so writes made by a run
never reach the cache; the copy is deleted at the end), every figure prints one JSON line, and after the last
size a plain-text table (figures by sizes) is printed.

Each figure and its baseline run interleaved (app, baseline, app, baseline...), ``--runs`` times (default 5;
the case filter: 3 search terms a run, the draft save: 4 keystrokes a run), or fewer for a slow figure once it
has spent its time budget (``runs`` in each line says how many). In-process GUI figures drive the real widgets
on the offscreen Qt platform and include the repaint; start-up, time to interactive and peak memory run fresh
processes (:mod:`benchmarks.fresh`, :mod:`benchmarks.probe`), as do the ``cowork`` commands.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks import baselines, fresh, service
from benchmarks.core import (
    BUDGET_S,
    FIRST_NAMES,
    ISSUE_NAMES,
    NAMES,
    STARTUP_MAX_RATIO,
    TARGET_RSS_MB,
    TARGETS_MS,
    Context,
    Line,
    after_first,
    interleave,
    ms,
    skipped_line,
    timed,
    timing_line,
)
from benchmarks.generate import cached_database, generate
from benchmarks.probe import team_view_ready
from benchmarks.report import table

__all__ = [
    "ISSUE_NAMES",
    "NAMES",
    "STARTUP_MAX_RATIO",
    "TARGETS_MS",
    "TARGET_RSS_MB",
    "main",
    "run",
]

DEFAULT_SIZES = (1000, 10_000, 40_000)
#: names figures had before issue 14
ALIASES = {"export_one": "export_per_pdf"}
EXPORT_CASES = 100
#: export_100_cases runs at this size only, unless asked for by name (--only export_100_cases)
EXPORT_100_AT = 10_000
EXPORT_BUDGET_S = 300.0
CASE_PAGE_RECORDS = 40
PDF_PAGES = 3
WINDOW = (1280, 800)
#: a view filled off the GUI thread must be ready within this
READY_TIMEOUT_S = 900.0


def _wait(ctx: Context, ready: Callable[[], bool]) -> None:
    """Process events until ``ready()`` (a view filled by a worker thread says so when it is done)."""
    app = ctx.app()
    deadline = time.perf_counter() + READY_TIMEOUT_S
    app.processEvents()
    while not ready():
        if time.perf_counter() > deadline:
            raise TimeoutError("the view was not filled in time")
        time.sleep(0.0005)
        app.processEvents()


def _drop(ctx: Context, page: Any) -> None:
    page.hide()
    page.deleteLater()
    ctx.paint()


# ------------------------------------------------------------------------------------------------- screens


def _plain_case_list(ctx: Context, search: str = "") -> None:
    from cowork_desktop.ui.case_list import PAGE_SIZE

    conn = ctx.plain()
    where = baselines.FILTER_WHERE if search else ""
    params = {"q": f"%{search}%"} if search else {}
    conn.execute(f"SELECT count(*) FROM cases c {where}", params).fetchone()
    conn.execute(baselines.CASE_LIST_SQL.format(where=where, limit=PAGE_SIZE), params).fetchall()


def bench_case_list_load(ctx: Context) -> Line:
    ctx.app()
    from cowork_desktop.ui.case_list import CaseListPage

    store = ctx.ws().store

    def load(_n: int) -> float:
        started = time.perf_counter()
        page = CaseListPage(store)
        page.resize(1100, 700)
        page.show()
        ctx.paint()
        elapsed = ms(time.perf_counter() - started)
        _drop(ctx, page)
        return elapsed

    samples, baseline = interleave(load, lambda _n: timed(lambda: _plain_case_list(ctx)), ctx.runs)
    return timing_line(
        "case_list_load",
        ctx.cases,
        samples,
        baseline,
        "new case list page (count + first page of rows) shown and painted; baseline: the same rows by plain "
        "sqlite3, interleaved",
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

    def keystroke(n: int) -> float:
        page.search_edit.blockSignals(True)
        page.search_edit.setText(terms[n % len(terms)])
        page.search_edit.blockSignals(False)
        started = time.perf_counter()
        page.apply_search()  # what a keystroke runs once the typing pause (debounce) has passed
        ctx.paint()
        elapsed = ms(time.perf_counter() - started)
        page.search_edit.setText("")
        page.apply_search()
        ctx.paint()
        return elapsed

    samples, baseline = interleave(
        keystroke,
        lambda n: timed(lambda: _plain_case_list(ctx, terms[n % len(terms)])),
        ctx.runs * len(terms),
    )
    _drop(ctx, page)
    return timing_line(
        "case_filter",
        ctx.cases,
        samples,
        baseline,
        f"search applied (count + first page) and repainted, terms {terms} in turn; baseline: the same rows by "
        "plain sqlite3 LIKE, interleaved",
    )


def bench_dashboard(ctx: Context) -> Line:
    ctx.app()
    from cowork_desktop.services import sessions
    from cowork_desktop.ui.dashboard import DashboardPage

    ws = ctx.ws()
    page = DashboardPage(ws, on=ctx.on)
    page.resize(*WINDOW)
    page.show()
    ctx.paint()
    steps: list[float] = []
    record_id = _active_draft(ctx)
    answers = dict(ws.store.get_record(record_id).answers)
    revision = [ws.store.get_record(record_id).revision]
    reckoned: list[int] = []

    def refresh(n: int) -> float:
        # a change first, as between two looks at the dashboard (a meeting's draft saved, not timed); then a
        # dashboard that reads a large service's items in steps (painting between them, attribute ``reading``
        # set meanwhile) is timed until all are shown; its longest step is said beside
        note = dict(answers, bench_note=f"typed {n + 2}")
        revision[0] = sessions.save_draft(ws, record_id, note, based_on=revision[0]).value
        began = started = time.perf_counter()
        page.refresh()
        ctx.paint()
        steps.append(ms(time.perf_counter() - started))
        while getattr(page, "reading", None) is not None:
            started = time.perf_counter()
            ctx.paint()
            steps.append(ms(time.perf_counter() - started))
        elapsed = ms(time.perf_counter() - began)
        reckoned.append(getattr(getattr(page, "memo", None), "reckoned", -1))
        return elapsed

    if hasattr(page, "memo"):
        page.memo = sessions.DueMemo()  # the first refresh of a session reckons every co-allocation
    first = refresh(-1)
    conn = ctx.plain()
    day = {"on": ctx.on.isoformat()}
    samples, baseline = interleave(
        refresh,
        lambda _n: timed(lambda: conn.execute(baselines.DASHBOARD_SQL, day).fetchall()),
        ctx.runs,
    )
    items = len(page.items)
    _drop(ctx, page)
    return timing_line(
        "dashboard",
        ctx.cases,
        samples,
        baseline,
        "DashboardPage.refresh after a change (a draft of an active co-allocation saved through "
        "sessions.save_draft, not timed): due items for every active co-allocation on one day, and what is "
        f"coming up, until every item is shown, and its repaint ({max(reckoned[1:] or [0])} co-allocation(s) "
        "reckoned again, the others' items kept from the last refresh as their marks had not moved); first_ms: "
        f"the first refresh of the session, every co-allocation reckoned ({first} ms); longest_step_ms: the "
        "longest the GUI thread was busy in one go meanwhile; baseline: plain sqlite3 read of the signed "
        "records of the active co-allocations, interleaved",
        items=items,
        first_ms=first,
        reckoned=max(reckoned[1:] or [0]),
        longest_step_ms=max(steps) if steps else None,
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
    conn = ctx.plain()

    def show(n: int) -> float:
        started = time.perf_counter()
        page.show_case(cases[n % len(cases)])
        ctx.paint()
        return ms(time.perf_counter() - started)

    def plain(n: int) -> float:
        case_id = cases[n % len(cases)]
        started = time.perf_counter()
        conn.execute("SELECT * FROM cases WHERE id = ?", [case_id]).fetchall()
        conn.execute("SELECT * FROM coallocations WHERE case_id = ?", [case_id]).fetchall()
        conn.execute(
            "SELECT * FROM records WHERE case_id = ? ORDER BY meeting_date, id", [case_id]
        ).fetchall()
        return ms(time.perf_counter() - started)

    samples, baseline = interleave(show, plain, ctx.runs * 2)
    shown = page.records_model.rowCount()
    _drop(ctx, page)
    return timing_line(
        "case_page",
        ctx.cases,
        samples,
        baseline,
        f"case page opened on two cases of about {CASE_PAGE_RECORDS} records in turn, and painted; baseline: "
        "plain sqlite3 read of the case, its co-allocations and its records, interleaved; target: flat "
        "across sizes (50 ms)",
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
    record = sessions.start_record(ctx.ws(), ca, RecordKind.REFLECTIVE_DISCUSSION, ctx.on).value
    assert record.id is not None
    return record.id


def bench_draft_save(ctx: Context) -> Line:
    from cowork_desktop.services import sessions

    ws = ctx.ws()
    record_id = _draft_record(ctx)
    answers = dict(ws.store.get_record(record_id).answers)
    text_key = next((k for k, v in answers.items() if isinstance(v, str) and len(v) > 20), "bench_note")
    typed = str(answers.get(text_key, ""))
    revision = [ws.store.get_record(record_id).revision]
    conn = ctx.plain()

    def save(n: int) -> float:
        current = dict(answers, **{text_key: typed + "x" * (n + 1)})
        started = time.perf_counter()
        revision[0] = sessions.save_draft(ws, record_id, current, based_on=revision[0]).value
        return ms(time.perf_counter() - started)

    def plain(n: int) -> float:
        # the plain UPDATE changes the row under the app's feet: the app's next save names its new revision
        text = json.dumps(dict(answers, **{text_key: typed + "y" * (n + 1)}), ensure_ascii=False)
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        cur = conn.execute("UPDATE records SET answers = ? WHERE id = ?", [text, record_id])
        conn.execute("COMMIT")
        elapsed = ms(time.perf_counter() - started)
        assert cur.rowcount == 1
        return elapsed

    samples, baseline = interleave(save, plain, max(ctx.runs * 4, 5))
    return timing_line(
        "draft_save",
        ctx.cases,
        samples,
        baseline,
        "sessions.save_draft of a draft's answers (one more character typed), committed with synchronous=FULL; "
        "baseline: a plain sqlite3 UPDATE of the answers, committed the same way, interleaved; target: flat "
        "across sizes (10 ms)",
    )


# ------------------------------------------------------------------------------------------------- insights


def _plain_reads(ctx: Context, sqls: Sequence[str], params: dict[str, Any]) -> Callable[[int], float]:
    conn = ctx.plain()

    def read(_n: int) -> float:
        started = time.perf_counter()
        for sql in sqls:
            conn.execute(sql, params).fetchall()
        return ms(time.perf_counter() - started)

    return read


def _active_draft(ctx: Context) -> int:
    """A draft record of a co-allocation active on the day (one is started when there is none)."""
    from cowork_desktop.domain.models import RecordKind
    from cowork_desktop.services import sessions
    from cowork_desktop.store.rows import ACTIVE_ON

    conn, on = ctx.plain(), {"on": ctx.on.isoformat()}
    found = conn.execute(
        "SELECT r.id FROM records r JOIN coallocations ca ON ca.id = r.coallocation_id"
        f" WHERE r.status = 'draft' AND {ACTIVE_ON} ORDER BY r.id LIMIT 1",
        on,
    ).fetchone()
    if found is not None:
        return int(found[0])
    ca = conn.execute(
        f"SELECT id FROM coallocations WHERE {ACTIVE_ON} ORDER BY id DESC LIMIT 1", on
    ).fetchone()
    record = sessions.start_record(ctx.ws(), int(ca[0]), RecordKind.REFLECTIVE_DISCUSSION, ctx.on).value
    assert record.id is not None
    return record.id


def bench_team_view(ctx: Context) -> Line:
    """The dashboard's "Team view" tab opened as the manager opens it after a change: a draft of an active
    co-allocation saved, then drift and promises computed, shown and painted (waiting for a worker thread if the
    view fills off the GUI thread)."""
    ctx.app()
    from cowork_desktop.services import sessions
    from cowork_desktop.ui.dashboard import DashboardPage

    ws = ctx.ws()
    page = DashboardPage(ws, on=ctx.on)
    page.resize(*WINDOW)
    page.show()
    ctx.paint()
    view, tabs = page.team_view, page.tabs
    record_id = _active_draft(ctx)
    answers = dict(ws.store.get_record(record_id).answers)
    revision = [ws.store.get_record(record_id).revision]
    reckoned: list[int] = []

    def open_view(n: int) -> float:
        tabs.setCurrentIndex(0)
        ctx.paint()
        # a change, as the manager makes one between two looks at the team view: a meeting's draft saved
        note = dict(answers, bench_note=f"typed {n + 2}")
        revision[0] = sessions.save_draft(ws, record_id, note, based_on=revision[0]).value
        view.mark_stale()  # hidden: refreshed when next shown, as after any change
        view.kept = None  # so that a view filled by a worker thread is seen to be filled again
        started = time.perf_counter()
        tabs.setCurrentWidget(view)
        _wait(ctx, lambda: team_view_ready(view))
        ctx.paint()
        elapsed = ms(time.perf_counter() - started)
        reckoned.append(view.memo.reckoned)
        return elapsed

    first = open_view(-1)
    samples, baseline, slow = after_first(
        first, open_view, _plain_reads(ctx, baselines.TEAM_VIEW_SQL, {"on": ctx.on.isoformat()}), ctx.runs
    )
    drifts, workers = len(view.drifts), view.workers_model.rowCount()
    _drop(ctx, page)
    return timing_line(
        "team_view",
        ctx.cases,
        samples,
        baseline,
        f"the dashboard's Team view tab opened again after a change (a draft of an active co-allocation saved "
        f"through sessions.save_draft) until drift ({drifts} active co-allocations; {max(reckoned[1:] or [0])} "
        f"reckoned again, the others' kept from the last opening as their marks had not moved) and promises "
        f"({workers} workers) are shown and painted, after the first opening of the session ({first} ms, every "
        f"co-allocation reckoned){slow}; baseline: plain sqlite3 reads of the same rows (the active "
        "co-allocations, their signed records' facts and open actions; every action of a signed record with "
        "its record's date and case; not the records' answers), interleaved",
        first_ms=first,
        rows=drifts,
        reckoned=max(reckoned[1:] or [0]),
    )


def _devlog_worker(ctx: Context) -> tuple[int, str, int]:
    """The student or ASYE in the most co-allocations (else anyone in the most)."""
    for roles in ("WHERE w.role IN ('student', 'asye')", ""):
        row = (
            ctx.plain()
            .execute(
                "SELECT w.id, w.name, count(*) AS n FROM workers w JOIN coallocations ca"
                f" ON w.id IN (ca.worker1_id, ca.worker2_id) {roles} GROUP BY w.id ORDER BY n DESC, w.id LIMIT 1"
            )
            .fetchone()
        )
        if row is not None:
            return int(row[0]), str(row[1]), int(row[2])
    raise RuntimeError("no worker is in a co-allocation")


def bench_devlog(ctx: Context) -> Line:
    """A learner's worker page opened: their development log computed, shown by domain and over time, painted."""
    ctx.app()
    from cowork_desktop.services import insights
    from cowork_desktop.ui.worker_page import WorkerPage

    ws = ctx.ws()
    worker_id, _name, allocations = _devlog_worker(ctx)
    page = WorkerPage(ws, today=ctx.on)
    page.resize(*WINDOW)
    page.show()
    ctx.paint()

    def open_log(_n: int) -> float:
        page.log = None
        started = time.perf_counter()
        page.show_worker(worker_id)
        _wait(ctx, lambda: page.log is not None)
        ctx.paint()
        return ms(time.perf_counter() - started)

    first = open_log(-1)
    samples, baseline, slow = after_first(
        first, open_log, _plain_reads(ctx, baselines.DEVLOG_SQL, {"worker": worker_id}), ctx.runs
    )
    entries = len(page.log.entries) if page.log is not None else None
    # the service call alone, when that costs little beside the run's budget
    service = timed(lambda: insights.development_log(ws, worker_id)) if first < BUDGET_S * 1000 / 10 else None
    _drop(ctx, page)
    return timing_line(
        "devlog",
        ctx.cases,
        samples,
        baseline,
        f"the worker page of the student or ASYE in the most co-allocations ({allocations}) opened: "
        f"services.insights.development_log ({entries} entries; alone: {service} ms, null when slow) shown "
        "by domain and "
        f"over time and painted, after the first opening ({first} ms){slow}; baseline: plain sqlite3 read of the "
        "signed records (with their answers) of that worker's co-allocations, interleaved",
        first_ms=first,
        service_ms=service,
        entries=entries,
    )


# ------------------------------------------------------------------------------------------------- PDFs


def _note(ctx: Context) -> tuple[Any, str]:
    """A 3-page case note built from a generated record by services.export.build_case_note."""
    from cowork_desktop.export.pdf import render_case_note
    from cowork_desktop.services.export import build_case_note

    rows = ctx.plain().execute(
        "SELECT id FROM records WHERE status = 'signed' AND kind = 'initial_meeting' "
        "ORDER BY length(answers) DESC, id LIMIT 20"
    )
    note, pages, record_id = None, 0, 0
    for (record_id,) in rows:
        note = build_case_note(ctx.ws(), record_id)
        pages = _page_count(render_case_note(note))
        if pages >= PDF_PAGES:
            break
    assert note is not None
    return note, f"record {record_id} via services.export.build_case_note ({pages} pages)"


def _page_count(pdf: bytes) -> int:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


def bench_pdf_generate(ctx: Context) -> Line:
    from cowork_desktop.export.pdf import render_case_note

    note, source = _note(ctx)
    ctx._pdf = render_case_note(note)  # fonts registered once per process, as in the app
    samples, _ = interleave(lambda _n: timed(lambda: render_case_note(note)), None, ctx.runs)
    return timing_line("pdf_generate", ctx.cases, samples, (), f"render_case_note (PDF/A-3b) of {source}")


def _p12(ctx: Context) -> Path:
    return ctx.tmp / "bench.p12"


def _signer(ctx: Context) -> Any:
    if ctx._signer is None:
        from cowork_desktop.export.signing import create_certificate, load_signer

        row = (
            ctx.plain()
            .execute("SELECT signer_name FROM signatures WHERE worker_id IS NULL LIMIT 1")
            .fetchone()
        )
        manager = row[0] if row else "Bench Manager"  # the certificate is the generated records' manager's
        p12 = create_certificate(manager, "Bench Council", _p12(ctx), b"bench")
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

    samples, _ = interleave(lambda _n: timed(sign), None, ctx.runs)
    return timing_line(
        "pdf_sign",
        ctx.cases,
        samples,
        (),
        "sign_pdf (PAdES certification, RSA 3072) with a Signer loaded once and its stamp font warmed up",
    )


def bench_export_per_pdf(ctx: Context) -> Line:
    """One signed record exported as the app does it (its evidence checked, canonical content embedded, signed
    and certified, the audit chain's head signed); baseline: the same note built, rendered and signed alone."""
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
    first = timed(lambda: export_record(ws, record_id, out / "first.pdf", signer=signer))

    def plain() -> None:
        note = build_case_note(ws, record_id)
        sign_pdf(render_case_note(note), signer, signer_name="B", reason="R", location="L")

    samples, baseline = interleave(
        lambda n: timed(lambda: export_record(ws, record_id, out / f"again-{n}.pdf", signer=signer)),
        lambda _n: timed(plain),
        ctx.runs,
    )
    shutil.rmtree(out, ignore_errors=True)
    return timing_line(
        "export_per_pdf",
        ctx.cases,
        samples,
        baseline,
        "services.export.export_record of one signed record (evidence checked, canonical content embedded, "
        f"certified, the chain head signed), after the first of the session ({first} ms: it may walk the "
        "audit chain); baseline: build_case_note + render + sign of the same record, interleaved",
        first_ms=first,
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


def export_cases_arguments(
    fn: Callable[..., Any],
    ws: Any,
    cases: Sequence[tuple[int, str]],
    out: Path,
    signer: Any,
    p12: Path,
    progress: Callable[..., None],
) -> tuple[list[Any], dict[str, Any], str]:
    """The arguments for ``services.export.export_cases`` whatever the names of its parameters (it was being
    written while this was): the workspace, the cases (references, or ids), the folder, the signer or the
    certificate file and its passphrase, and a progress callback; the number of processes is left to its
    default (the app's). Returns (args, kwargs, what was said). TypeError when a required parameter is not
    understood."""
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    said: list[str] = []
    for name, param in inspect.signature(fn).parameters.items():
        key = name.lower()
        annotation = str(param.annotation)
        value: Any
        if key in ("ws", "workspace"):
            value = ws
        elif "id" in key.split("_") and "case" in key:
            value = [c for c, _r in cases]
        elif "ref" in key or key in ("cases", "case_list"):
            value = [r for _c, r in cases]
        elif key == "signer":
            value = signer
        elif "pass" in key or "password" in key:
            value = "bench" if "str" in annotation and "bytes" not in annotation else b"bench"
        elif "cert" in key or "p12" in key or "key" in key:
            value = p12
        elif "out" in key or "dir" in key or "folder" in key or "dest" in key or "target" in key:
            value = out
        elif key in ("processes", "workers", "jobs", "max_workers", "pool_size", "cores"):
            said.append(f"{name}: its default")  # what the app and the command use
            continue
        elif "progress" in key or key in ("on_done", "callback", "report"):
            value = progress
            said.append(f"{name}=callback")
        elif param.default is not inspect.Parameter.empty or param.kind in (
            inspect.Parameter.VAR_POSITIONAL,
            inspect.Parameter.VAR_KEYWORD,
        ):
            continue
        else:
            raise TypeError(f"export_cases: parameter {name!r} not understood by the benchmark")
        if param.kind is inspect.Parameter.POSITIONAL_ONLY:
            args.append(value)
        else:
            kwargs[name] = value
    return args, kwargs, ", ".join(said)


def _jobs(export: Any, pdfs: int) -> str:
    """How many processes export_cases uses by default for ``pdfs`` files, if it says."""
    for name in ("automatic_jobs", "default_jobs"):
        fn = getattr(export, name, None)
        if callable(fn):
            try:
                return f"{fn(pdfs) if name == 'automatic_jobs' else fn()} process(es)"
            except TypeError:
                continue
    return "processes: not said"


def bench_export_100_cases(ctx: Context) -> Line:
    from cowork_desktop.services import export

    cases = _export_cases(ctx)
    signer = _signer(ctx)
    ws = ctx.ws()
    records = (
        ctx.plain()
        .execute(
            f"SELECT count(*) FROM records WHERE status = 'signed' AND case_id IN ({','.join('?' * len(cases))})",
            [c for c, _r in cases],
        )
        .fetchone()[0]
    )
    export_cases: Callable[..., Any] | None = getattr(export, "export_cases", None)
    progress_calls = [0]

    def progress(*_args: Any, **_kwargs: Any) -> None:
        progress_calls[0] += 1

    how = [""]
    problems: list[str] = []

    def export_all(n: int) -> float:
        out = ctx.tmp / f"export-{n}"
        started = time.perf_counter()
        done = False
        if export_cases is not None and not problems:
            try:
                args, kwargs, said = export_cases_arguments(
                    export_cases, ws, cases, out, signer, _p12(ctx), progress
                )
            except TypeError as exc:
                problems.append(str(exc))
            else:
                export_cases(*args, **kwargs)
                jobs = _jobs(export, records)
                how[0] = f"services.export.export_cases ({said}; {jobs}, {os.cpu_count()} cores)"
                done = True
        if not done:
            for _case_id, reference in cases:
                export.export_case(ws, reference, out / reference, signer)
            how[0] = "services.export.export_case per case, in this process (no export_cases)"
            if problems:
                how[0] += f"; export_cases could not be called: {problems[0]}"
        elapsed = ms(time.perf_counter() - started)
        shutil.rmtree(out, ignore_errors=True)
        return elapsed

    samples, _ = interleave(export_all, None, min(ctx.runs, 3), budget_s=EXPORT_BUDGET_S)
    per_pdf = round(samples[0] / records, 2) if samples and records else None
    return timing_line(
        "export_100_cases",
        ctx.cases,
        samples,
        (),
        f"every signed record of {len(cases)} cases spread over the database ({records} PDFs) exported with "
        f"{how[0]}; no baseline (export_per_pdf has one); target < 60 s at 10,000 cases",
        records=records,
        per_pdf_ms=per_pdf,
        progress_calls=progress_calls[0],
    )


def bench_evidence_check(ctx: Context) -> Line:
    """``cowork check``: every signed record's hash recomputed from its rows, the audit chain walked, the
    protections compared; baseline: a plain sqlite3 read of the same rows (no hashing)."""
    from cowork_desktop.services import integrity

    ws = ctx.ws()
    report: list[Any] = []
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

    samples, baseline = interleave(
        lambda _n: timed(lambda: report.append(integrity.check_store(ws.store))),
        lambda _n: timed(plain),
        min(ctx.runs, 3),
        budget_s=60.0,
    )
    found = report[0]
    return timing_line(
        "evidence_check",
        ctx.cases,
        samples,
        baseline,
        f"integrity.check_store: {found.signed_records} signed records, {found.audit_entries} audit entries, "
        f"ok={found.ok}; baseline: plain sqlite3 read of the same rows, interleaved",
        signed_records=found.signed_records,
        audit_entries=found.audit_entries,
    )


# ------------------------------------------------------------------------------------------------- the run


def bench_due_facts_made(ctx: Context) -> Line:
    """The one-off cost of a database that has no due facts kept yet (one upgraded to m010, or restored from a
    backup made before it): the first reading makes and keeps those of every active co-allocation. Baseline: the
    same co-allocations read from their records (what every first reading of a day did before)."""
    from cowork_desktop.services import sessions

    ws = ctx.ws()
    with ws.store.tx() as db:
        db.conn.execute("DELETE FROM due_facts")
    started = time.perf_counter()
    made = sessions.due_inputs(ws, ctx.on)
    elapsed = ms(time.perf_counter() - started)
    base = timed(lambda: ws.store.coallocation_states(ctx.on))
    return timing_line(
        "due_facts_made",
        ctx.cases,
        [elapsed],
        [base],
        f"once per database: the due facts of its {len(made):,} active co-allocations made from their records "
        "and kept (the first start after the upgrade to m010); every other figure reads them kept, as the app "
        "does from then on; baseline: the same records read (store.coallocation_states), the first reading of "
        "every day before",
    )


BENCHMARKS: dict[str, Callable[[Context], Line]] = {
    "due_facts_made": bench_due_facts_made,
    "startup": fresh.bench_startup,
    "startup_interactive": fresh.bench_startup_interactive,
    "dashboard": bench_dashboard,
    "case_filter": bench_case_filter,
    "case_page": bench_case_page,
    "draft_save": bench_draft_save,
    "team_view": bench_team_view,
    "devlog": bench_devlog,
    "export_per_pdf": bench_export_per_pdf,
    "export_100_cases": bench_export_100_cases,
    "cli_due": lambda ctx: fresh.bench_cli(ctx, "cli_due"),
    "cli_drift": lambda ctx: fresh.bench_cli(ctx, "cli_drift"),
    "cli_promises": lambda ctx: fresh.bench_cli(ctx, "cli_promises"),
    "peak_rss": fresh.bench_peak_rss,
    "case_list_load": bench_case_list_load,
    "pdf_generate": bench_pdf_generate,
    "pdf_sign": bench_pdf_sign,
    "evidence_check": bench_evidence_check,
    "publish_10k": service.bench_publish_10k,
    "service_report_40k": service.bench_service_report_40k,
}
assert tuple(BENCHMARKS) == NAMES


def _count_cases(db: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])
    finally:
        conn.close()


def run(
    db: Path,
    *,
    runs: int = 5,
    only: Sequence[str] = (),
    skip: Sequence[str] = (),
    emit: Callable[[Line], None] | None = None,
    on: date | None = None,
    cases: int | None = None,
) -> list[Line]:
    """Run the benchmarks (in the order of NAMES) on one working copy of ``db``; returns (and emits) the lines.

    ``export_100_cases`` runs only at EXPORT_100_AT cases unless it is the only figure asked for (elsewhere
    its line says so).
    """
    lines: list[Line] = []
    cases = cases if cases is not None else _count_cases(db)
    with tempfile.TemporaryDirectory(prefix="cowork-bench-") as tmp_name:
        tmp = Path(tmp_name)
        work = tmp / "work.db"
        shutil.copyfile(db, work)  # once per size: every figure of this size works on this copy
        ctx = Context(work, max(1, runs), tmp, on or date.today(), cases, tuple(only))
        try:
            for name in NAMES:
                if name in FIRST_NAMES and name not in skip and only and name not in only:
                    BENCHMARKS[name](ctx)  # run, not printed: the other figures measure what it leaves
                    continue
                if (only and name not in only) or name in skip:
                    continue
                if name == "export_100_cases" and cases != EXPORT_100_AT and tuple(only) != (name,):
                    line = skipped_line(
                        name,
                        cases,
                        f"run at {EXPORT_100_AT:,} cases only (it takes minutes); `--only export_100_cases` alone "
                        "runs it at this size",
                    )
                else:
                    line = BENCHMARKS[name](ctx)
                lines.append(line)
                if emit is not None:
                    emit(line)
        finally:
            ctx.close()
    return lines


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"--cases {text!r}: give numbers separated by commas") from None
    if not sizes or any(n < 1 for n in sizes):
        raise argparse.ArgumentTypeError(f"--cases {text!r}: give at least one positive number")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description="cowork-desktop benchmarks")
    parser.add_argument(
        "--cases",
        "--scale",
        dest="cases",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        metavar="N[,N...]",
        help="database sizes in cases, run in turn (default: 1000,10000,40000)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--runs", type=int, default=5, help="runs per figure (slow ones stop at their budget)"
    )
    parser.add_argument(
        "--only", action="append", choices=NAMES + tuple(ALIASES), default=[], help="run only this figure"
    )
    parser.add_argument("--db", type=Path, default=None, help="use this database (copied) instead")
    parser.add_argument("--fresh", action="store_true", help="generate new databases, ignoring the cache")
    parser.add_argument("--no-table", action="store_true", help="JSON lines only")
    args = parser.parse_args(argv)
    args.only = list(dict.fromkeys(ALIASES.get(name, name) for name in args.only))

    def emit(line: Line) -> None:
        print(json.dumps(line, ensure_ascii=False), flush=True)

    lines: list[Line] = []
    if args.db is not None:
        lines += run(args.db, runs=args.runs, only=args.only, emit=emit)
    for size in [] if args.db is not None else args.cases:
        if args.fresh:
            folder = Path(tempfile.mkdtemp(prefix="cowork-bench-db-"))
            db = folder / "bench.db"
            summary = generate(db, cases=size, seed=args.seed)
            print(json.dumps({"generated": summary}), file=sys.stderr, flush=True)
        else:
            folder = None
            db, summary = cached_database(size, args.seed)
            print(json.dumps({"database": summary}), file=sys.stderr, flush=True)
        try:
            lines += run(db, runs=args.runs, only=args.only, emit=emit, cases=int(summary.get("cases", size)))
        finally:
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
    if not args.no_table and lines:
        print()
        print(table(lines), flush=True)
    return 0
