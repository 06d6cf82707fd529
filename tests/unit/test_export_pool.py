"""Exporting many cases with every core (services.export.export_cases and its worker processes): the same files
and verdicts as the serial export, progress to the end, all or nothing when a record fails or the export is
cancelled, the session's checks made once, and encrypted databases. Real databases, real worker processes."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from helpers.demo import demo_workspace, manager_certificate

from cowork_desktop.domain.models import RecordStatus
from cowork_desktop.export.pdf import page_texts
from cowork_desktop.export.signing import Signer, evidence_json, load_signer
from cowork_desktop.services import export
from cowork_desktop.services.demo import load_demo
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store

pytestmark = pytest.mark.slow  # process pools: a few seconds each

TODAY = date(2026, 11, 23)
PASSPHRASE = b"pool passphrase"
DB_PASSPHRASE = "a database passphrase for the pool"


@dataclass
class Demo:
    ws: Workspace
    signer: Signer
    folder: Path
    cases: list[str]


def _signed_cases(ws: Workspace) -> list[str]:
    return [
        c.reference
        for c in ws.store.list_cases()
        if c.id is not None and any(r.status == RecordStatus.SIGNED for r in ws.store.records_for_case(c.id))
    ]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("pool")
    with demo_workspace(folder / "demo.db") as ws:
        cert = manager_certificate(folder, PASSPHRASE, "Northshire County Council")
        yield Demo(ws, load_signer(cert, PASSPHRASE), folder, _signed_cases(ws))


def _pdfs(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


def _exports(ws: Workspace) -> int:
    return sum(1 for e in ws.store.entries_of("export", "record"))


def test_the_pool_makes_the_files_of_the_serial_export_with_the_same_verdicts(demo: Demo) -> None:
    ws = demo.ws
    cases = demo.cases[:4]
    serial, pooled = demo.folder / "serial", demo.folder / "pooled"
    for reference in cases:
        export.export_case(ws, reference, serial / export.case_folder_name(reference), demo.signer)
    before = _exports(ws)
    written = export.export_cases(ws, cases, pooled, demo.signer, jobs=2)

    names = _pdfs(serial)
    assert names and names == _pdfs(pooled) == sorted(p.relative_to(pooled) for p in written)
    assert _exports(ws) == before + len(names)  # every file audited, in one go
    for name in names:
        one, other = export.verify_file(ws, serial / name), export.verify_file(ws, pooled / name)
        assert one.verdict == other.verdict, (name, one.findings, other.findings)
        assert other.verdict in (export.Verdict.VALID, export.Verdict.SUPERSEDED), other.findings
        assert other.exported_from_database and other.matches_database
        # the same record embedded, the same pages (the stamp, with its signing time, is not page text)
        mine, theirs = evidence_json(one.result.evidence), evidence_json(other.result.evidence)
        assert mine is not None and theirs is not None
        assert mine["content"] == theirs["content"] and mine["rendering"] == theirs["rendering"]
        pages, again = page_texts((serial / name).read_bytes()), page_texts((pooled / name).read_bytes())
        assert pages == again


def test_progress_reaches_every_file_and_no_secret_is_on_a_command_line(demo: Demo) -> None:
    seen: list[tuple[int, int]] = []
    command_lines: list[bytes] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        command_lines.extend(_children_command_lines())

    written = export.export_cases(
        demo.ws, demo.cases[:3], demo.folder / "progress", demo.signer, jobs=2, progress=progress
    )
    total = len(written)
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [d for d, _ in seen] == list(range(total + 1))
    if Path("/proc/self/status").is_file():  # Linux: the workers' command lines can be read
        assert command_lines, "the worker processes were running"
        # the key and its passphrases travel through the pool's pipe: a command line is a few words
        assert all(PASSPHRASE not in line and len(line) < 400 for line in command_lines), command_lines


def _children_command_lines() -> list[bytes]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            parent = next(line for line in status.read_text().splitlines() if line.startswith("PPid:"))
            if int(parent.split()[1]) == os.getpid():
                found.append((status.parent / "cmdline").read_bytes())
        except (OSError, StopIteration, ValueError):
            continue
    return found


def _nothing_left(folder: Path) -> None:
    assert not folder.exists() or _pdfs(folder) == [], _pdfs(folder)


def test_a_record_that_fails_is_named_and_nothing_is_left(demo: Demo, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    with sqlite3.connect(demo.ws.store.path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    cases = demo.cases[:3]
    with open_store(copy, actor="test-manager") as store:
        ws = Workspace.open(store)
        victim = export.signed_records(ws, cases[-1])[-1]
    conn = sqlite3.connect(copy)
    again = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'records_signed_no_update'").fetchone()[
        0
    ]
    with conn:  # the record's content changed behind the app's back, the trigger put back as it was
        conn.execute("DROP TRIGGER records_signed_no_update")
        conn.execute("UPDATE records SET title = 'changed' WHERE id = ?", [victim.id])
        conn.execute(again)
    conn.close()
    with open_store(copy, actor="test-manager") as store:
        ws = Workspace.open(store)
        before = _exports(ws)
        out = tmp_path / "out"
        with pytest.raises(export.RecordNotExported) as raised:
            export.export_cases(ws, cases, out, demo.signer, jobs=2)
        assert raised.value.reference == cases[-1] and raised.value.record_id == victim.id
        assert f"case {cases[-1]}, record {victim.id}: not exported" in str(raised.value)
        assert not out.exists()  # every file it wrote removed, and the folders it made
        assert _exports(ws) == before


def test_cancelling_leaves_nothing(demo: Demo) -> None:
    out = demo.folder / "cancelled"
    before = _exports(demo.ws)
    done: list[int] = []
    with pytest.raises(export.ExportCancelled):
        export.export_cases(
            demo.ws,
            demo.cases,
            out,
            demo.signer,
            jobs=2,
            progress=lambda d, _t: done.append(d),
            cancelled=lambda: len(done) > 3,
        )
    assert max(done) >= 3  # files were written, then removed
    _nothing_left(out)
    assert not out.exists() and _exports(demo.ws) == before


def test_serial_and_pool_check_the_chain_and_the_protections_once(demo: Demo) -> None:
    """The session's checks (the protections, the audit chain) are made once for an export of many records,
    whatever their number; each record's own checks are made for each."""
    statements: list[str] = []

    def count(cases: list[str], folder: str, jobs: int) -> tuple[int, int]:
        statements.clear()
        demo.ws.store.db.conn.set_trace_callback(statements.append)
        try:
            export.export_cases(demo.ws, cases, demo.folder / folder, demo.signer, jobs=jobs)
        finally:
            demo.ws.store.db.conn.set_trace_callback(None)
        walks = sum("FROM audit_log WHERE id >" in s for s in statements)
        schema = sum("FROM sqlite_master" in s for s in statements)
        return walks, schema

    few = count(demo.cases[:1], "once-1", 1)
    many = count(demo.cases[:4], "once-4", 1)
    pooled = count(demo.cases[:4], "once-4p", 2)
    assert few == many == pooled
    assert few[0] == 1


def test_an_encrypted_database_exports_with_the_pool(tmp_path: Path, demo: Demo) -> None:
    pytest.importorskip("sqlcipher3")
    store = open_store(tmp_path / "secret.db", passphrase=DB_PASSPHRASE, actor="test-manager")
    try:
        ws = Workspace.open(store)
        load_demo(ws, TODAY)
        cases = _signed_cases(ws)[:3]
        written = export.export_cases(ws, cases, tmp_path / "out", demo.signer, jobs=2)
        assert len(written) > 3
        for path in written[:: max(1, len(written) // 3)]:
            report = export.verify_file(ws, path)
            assert report.ok(require_database=True), report.findings
    finally:
        store.close()


def test_one_record_is_still_exported_here(demo: Demo, monkeypatch: pytest.MonkeyPatch) -> None:
    """A case with few records, or one record, never starts worker processes."""
    from cowork_desktop.export import pool

    def no_pool(*_args: object) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(pool, "signing_pool", no_pool)
    out = demo.folder / "small"
    assert export.automatic_jobs(3) == 1
    written = export.export_cases(demo.ws, demo.cases[:1], out, demo.signer)
    assert written and all(p.is_file() for p in written)
    shutil.rmtree(out)
