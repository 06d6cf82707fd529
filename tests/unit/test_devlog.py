"""The development-log PDF: what it says (pdftotext), what it must never say, and PDF/A."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pikepdf
import pytest

from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.export.devlog_pdf import devlog_filename, render_devlog
from cowork_desktop.export.pdfa import pdfa_problems
from cowork_desktop.services import insights
from cowork_desktop.services.sessions import Workspace

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")

TODAY = date(2026, 11, 23)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "log.pdf"
    path.write_bytes(data)
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def mei(demo_ws: Workspace) -> tuple[insights.DevelopmentLog, bytes]:
    worker = demo_ws.store.find_worker("Mei Lin Chen")
    assert worker.id is not None
    log = insights.development_log(demo_ws, worker.id)
    return log, render_devlog(insights.devlog_document(demo_ws, log))


def test_the_log_shows_domains_cases_and_record_types(
    mei: tuple[insights.DevelopmentLog, bytes], tmp_path: Path
) -> None:
    log, pdf = mei
    text = pdf_text(pdf, tmp_path)
    flat = " ".join(text.split())
    for title in (d.title for d in log.domains):
        assert title in flat
    assert "CR-2026-0105" in text and "CR-2026-0110" in text
    for label in ("Initial co-working meeting (MDR)", "Review of co-working", "Closing MDR"):
        assert label in flat
    assert "Reflective case discussion" in flat
    assert "Mei Lin Chen" in text and "Student social worker" in text
    assert "31 July 2026 to 17 November 2026" in flat  # T-115 to T-6
    assert "Now plans and leads visits with confidence" in flat
    assert "OFFICIAL-SENSITIVE" in text and "DEMO DATA - NOT A REAL RECORD" in text


def test_no_child_details(
    demo_ws: Workspace, mei: tuple[insights.DevelopmentLog, bytes], tmp_path: Path
) -> None:
    _, pdf = mei
    text = pdf_text(pdf, tmp_path)
    with pikepdf.open(__import__("io").BytesIO(pdf)) as doc:
        meta = " ".join(str(v) for v in doc.docinfo.values())
    for row in demo_ws.store.list_cases():
        initials = demo_ws.store.get_case(row.id).children_initials
        for token in re.split(r"[\s,]+", initials):
            if token:
                assert not re.search(rf"\b{token}\b", text), token
                assert not re.search(rf"\b{token}\b", meta), token
    assert "Mei Lin Chen" in meta and "CR-2026-0105" in meta
    assert "children_initials" not in text


def test_pdfa_and_filename(mei: tuple[insights.DevelopmentLog, bytes]) -> None:
    _, pdf = mei
    assert pdfa_problems(pdf) == []
    assert devlog_filename("Łukasz Wiśniewski", TODAY) == "development-log_Lukasz-Wisniewski_2026-11-23.pdf"
    assert devlog_filename("عائشة خان", TODAY) == "development-log_worker_2026-11-23.pdf"


def test_arabic_name_and_export(demo_ws: Workspace, tmp_path: Path) -> None:
    worker = demo_ws.store.find_worker("عائشة خان")
    assert worker.id is not None
    path, log = insights.export_development_log(demo_ws, worker.id, tmp_path, today=TODAY)
    assert path.name == "development-log_worker_2026-11-23.pdf" and len(log.entries) == 3
    pdf = path.read_bytes()
    assert pdfa_problems(pdf) == []
    text = pdf_text(pdf, tmp_path)
    assert "CR-2026-0107" in text and "\ufffd" not in text
    assert demo_ws.store.audit_entries("worker", worker.id)[-1]["action"] == "export_devlog"


def test_an_existing_log_is_replaced_only_when_asked(demo_ws: Workspace, tmp_path: Path) -> None:
    worker = demo_ws.store.find_worker("عائشة خان")
    assert worker.id is not None
    out = tmp_path / "development-log_worker_2026-11-23.pdf"
    out.write_bytes(b"%PDF an older log")
    with pytest.raises(CoworkError, match="already exists"):
        insights.export_development_log(demo_ws, worker.id, tmp_path, today=TODAY)  # the usual name in it
    assert out.read_bytes() == b"%PDF an older log"
    path, _ = insights.export_development_log(demo_ws, worker.id, tmp_path, today=TODAY, replace=True)
    assert path == out and pdfa_problems(out.read_bytes()) == [] and out.stat().st_mode & 0o777 == 0o600
    with pytest.raises(CoworkError, match="is the open cowork database"):
        insights.export_development_log(demo_ws, worker.id, demo_ws.store.path, replace=True)


def test_an_empty_log_still_prints(demo_ws: Workspace, tmp_path: Path) -> None:
    worker = demo_ws.store.find_worker("Daniel Mensah")
    assert worker.id is not None
    log = insights.development_log(demo_ws, worker.id)
    pdf = render_devlog(insights.devlog_document(demo_ws, log))
    assert "No learning has been recorded" in " ".join(pdf_text(pdf, tmp_path).split())
    assert pdfa_problems(pdf) == []
