"""The service figures (issue 17), on a throwaway PostgreSQL cluster (:mod:`benchmarks.pg`) on this machine:

* ``publish_10k``: the first ``cowork publish`` of the 10,000-case database to an empty service, as a manager's
  login (every signed record checked, then sent with its signatures, actions and audit entries, in batches), and
  (``idle_ms``) a second publish that finds everything there. Baselines: a plain ``COPY`` of the same rows, read
  by plain sqlite3, into tables with no constraint, trigger or policy (``baseline_ms``); and the one query an idle
  publish cannot do without, the service's hashes from this database (``idle_baseline_ms``).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.core import Context, Line, interleave, median, ms, skipped_line, timed, timing_line

#: the size publish_10k runs at (elsewhere its line says so, unless it is the only figure asked for)
PUBLISH_AT = 10_000
#: idle re-publishes timed at most (each is seconds)
IDLE_RUNS = 3
LOGIN, TEAM, PASSWORD = "bench_manager", "Bench Team", "pw-bench-manager"
HEAD, HEAD_PASSWORD = "bench_head", "pw-bench-head"
#: the size service_report_40k runs at
REPORT_AT = 40_000
#: reports timed at most (each is many seconds), and the time they may take together
REPORT_RUNS = 3
REPORT_BUDGET_S = 300.0

#: the laptop's rows a publish sends, as a plain read gives them (the COPY baseline)
PLAIN_ROWS = {
    "records": "SELECT * FROM records WHERE status = 'signed'",
    "signatures": "SELECT s.* FROM signatures s JOIN records r ON r.id = s.record_id WHERE r.status = 'signed'",
    "actions": "SELECT a.* FROM actions a JOIN records r ON r.id = a.record_id WHERE r.status = 'signed'",
    "audit_log": "SELECT * FROM audit_log WHERE entity = 'record'",
}


@contextmanager
def _password(value: str) -> Iterator[None]:
    """The login's password where libpq reads it (PGPASSWORD), for the publishes only."""
    before = os.environ.get("PGPASSWORD")
    os.environ["PGPASSWORD"] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PGPASSWORD", None)
        else:
            os.environ["PGPASSWORD"] = before


def _plain_copy(ctx: Context, conn: Any) -> float:
    """Read the rows a publish sends with plain sqlite3 and COPY them into bare tables; the seconds it took."""
    plain = sqlite3.connect(ctx.db)
    started = time.perf_counter()
    try:
        with conn.cursor() as cur:
            for table, sql in PLAIN_ROWS.items():
                rows = plain.execute(sql)
                names = [d[0] for d in rows.description]
                cur.execute(f"CREATE TABLE copy_{table} ({', '.join(f'{n} text' for n in names)})")
                with cur.copy(f"COPY copy_{table} FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row([None if v is None else str(v) for v in row])
    finally:
        plain.close()
    return time.perf_counter() - started


def bench_publish_10k(ctx: Context) -> Line:
    if ctx.cases != PUBLISH_AT and tuple(ctx.only) != ("publish_10k",):
        return skipped_line(
            "publish_10k",
            ctx.cases,
            f"run at {PUBLISH_AT:,} cases only (minutes); `--only publish_10k` alone runs it at this size",
        )
    import psycopg

    from benchmarks.pg import throwaway_cluster
    from cowork_desktop.services import publish, service_admin

    ws = ctx.ws()
    with throwaway_cluster() as cluster:
        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE cowork_bench")
            conn.execute("CREATE DATABASE cowork_bench_copy")
        admin = cluster.url(dbname="cowork_bench")
        service_admin.init_service(admin)
        service_admin.add_user(admin, LOGIN, TEAM, head=False, password=PASSWORD)
        url = cluster.url(LOGIN, "cowork_bench")
        with _password(PASSWORD):
            started = time.perf_counter()
            first = publish.publish(ws.store, url)
            first_ms = ms(time.perf_counter() - started)
            idle: list[float] = []
            idle_sent = []
            for _ in range(max(1, min(ctx.runs, IDLE_RUNS))):
                started = time.perf_counter()
                again = publish.publish(ws.store, url)
                idle.append(ms(time.perf_counter() - started))
                idle_sent.append(again.sent)
        with psycopg.connect(cluster.url(dbname="cowork_bench_copy"), autocommit=True) as conn:
            base_ms = ms(_plain_copy(ctx, conn))
        with psycopg.connect(admin, autocommit=True) as conn:
            source = str(ws.store.identity())
            started = time.perf_counter()
            held = conn.execute(
                "SELECT content_hash FROM cowork.records WHERE source = %s", [source]
            ).fetchall()
            idle_base_ms = ms(time.perf_counter() - started)
    return timing_line(
        "publish_10k",
        ctx.cases,
        [first_ms],
        [base_ms],
        f"the first `cowork publish` of this database to an empty service on a throwaway PostgreSQL cluster on "
        f"this machine, as a manager's login: {first.sent:,} signed records checked and sent with their "
        "signatures, actions and audit entries (batches of 200, a transaction each); baseline: a plain COPY of the "
        "same laptop rows (records, signatures, actions, record audit entries) into bare tables. idle_ms: a second "
        f"publish that finds every record there ({idle_sent} sent); its baseline the service's hashes of this "
        f"database in one query ({len(held):,} rows)",
        idle_ms=median(idle),
        idle_baseline_ms=idle_base_ms,
        sent=first.sent,
        refused=len(first.refused),
        written=first.written,
    )


def _service_key(ctx: Context) -> str:
    """What names a kept service: the database's identity (a generated database has its own), how many signed
    records it has, and the service's migrations (a new one makes a new service)."""
    import hashlib

    from cowork_desktop.service_store.migrations import MIGRATIONS

    store = ctx.ws().store
    signed = len(store.signed_hashes())
    schema = hashlib.sha256("|".join(m.name for m in MIGRATIONS).encode()).hexdigest()[:8]
    return f"cowork-bench-service-{ctx.cases}c-{str(store.identity())[:8]}-{signed}r-{schema}"


def _kept_before(folder: Path) -> Path | None:
    """A kept service of the same database and records under an older list of service migrations (the key's last
    part), when ``folder`` itself is not kept: upgrading it with ``cowork service init`` (forward-only migrations)
    takes seconds, publishing the records again most of a quarter of an hour at 40,000 cases."""
    from benchmarks.pg import KEPT_MARK

    if (folder / KEPT_MARK).exists():
        return None
    stem = folder.name.rsplit("-", 1)[0]
    found = sorted(
        (p for p in folder.parent.glob(f"{stem}-*") if p != folder and (p / KEPT_MARK).exists()),
        key=lambda p: p.stat().st_mtime,
    )
    return found[-1] if found else None


def bench_service_report_40k(ctx: Context) -> Line:
    if ctx.cases != REPORT_AT and tuple(ctx.only) != ("service_report_40k",):
        return skipped_line(
            "service_report_40k",
            ctx.cases,
            f"run at {REPORT_AT:,} cases only (publishing it takes minutes, once); `--only service_report_40k` "
            "alone runs it at this size",
        )
    import json

    import psycopg

    from benchmarks.generate import cache_dir
    from benchmarks.pg import KEPT_MARK, kept_cluster
    from cowork_desktop.service_store.reporting import ServiceReader
    from cowork_desktop.services import publish, service_admin
    from cowork_desktop.services.service_report import service_report

    ws = ctx.ws()
    folder = cache_dir() / _service_key(ctx)
    older = _kept_before(folder)
    if (
        older is not None
    ):  # the same records published under older service migrations: upgraded, as a council's
        older.rename(folder)
    with kept_cluster(folder) as (cluster, kept):
        url = cluster.url(HEAD, "cowork_bench")
        publish_ms = None
        if kept and older is not None:
            service_admin.init_service(cluster.url(dbname="cowork_bench"))  # the migrations it lacks, forward
        if not kept:
            with psycopg.connect(cluster.url(), autocommit=True) as conn:
                conn.execute("CREATE DATABASE cowork_bench")
            admin = cluster.url(dbname="cowork_bench")
            service_admin.init_service(admin)
            service_admin.add_user(admin, LOGIN, TEAM, head=False, password=PASSWORD)
            service_admin.add_user(admin, HEAD, None, head=True, password=HEAD_PASSWORD)
            with _password(PASSWORD):
                started = time.perf_counter()
                sent = publish.publish(ws.store, cluster.url(LOGIN, "cowork_bench"))
                publish_ms = ms(time.perf_counter() - started)
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute("VACUUM ANALYZE")
            (folder / KEPT_MARK).write_text(
                json.dumps({"sent": sent.sent, "refused": len(sent.refused), "publish_ms": publish_ms})
            )
        made = json.loads((folder / KEPT_MARK).read_text())
        found: list[object] = []

        def app(_n: int) -> float:
            started = time.perf_counter()
            found.append(service_report(url, ctx.on))
            return ms(time.perf_counter() - started)

        def baseline(_n: int) -> float:
            def count() -> None:
                with ServiceReader(url) as reader:
                    found.append(reader.baseline())

            return timed(count)

        with _password(HEAD_PASSWORD):
            samples, base = interleave(
                app, baseline, max(1, min(ctx.runs, REPORT_RUNS)), budget_s=REPORT_BUDGET_S
            )
    report = next(r for r in found if not isinstance(r, list))
    counted = next(r for r in found if isinstance(r, list))
    service = report.service  # type: ignore[attr-defined]
    return timing_line(
        "service_report_40k",
        ctx.cases,
        samples,
        base,
        f"`cowork service report`'s figures (services.service_report.service_report, as the command's --json) "
        f"on {ctx.on.isoformat()} for the whole database published to a service on a PostgreSQL cluster on this "
        "machine, as a head of service's login: one read-only snapshot, the cases read 2,000 at a time (each "
        "record's answers that the rules read, its actions and their completions), the laptop's rules run on "
        "them; baseline: one aggregate statement as the same login (the records counted by team and kind, "
        f"{sum(n for _t, _k, n in counted):,} records), connection included in both. The published service is "
        "kept in the bench cache folder (publishing it is not timed here; publish_ms says what it took, "
        "null when kept from an earlier run)",
        kept=kept,
        publish_ms=publish_ms,
        published=made.get("sent"),
        active_coallocations=service.active_coallocations,
        urgent_open=service.urgent_open,
        drifting=service.drifting,
        promises_counted=service.promises.counted,
    )
