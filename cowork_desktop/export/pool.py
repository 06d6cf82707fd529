"""Render and sign case notes in worker processes, to use every core when many records are exported.

The parent (``services.export.export_cases``) reads and checks each record in the database and hands a worker
what to print: the :class:`~cowork_desktop.export.model.CaseNote`, the evidence to embed and the stamp's words
(:class:`SignJob`). A worker renders the PDF/A and signs it, and sends the bytes back: it never opens the
database (an encrypted one needs no passphrase here) and writes nothing. Each worker loads the signing key and
builds the fonts and the stamp font once, in :func:`start_worker`; the key reaches it through the pool's pipe
(:meth:`~cowork_desktop.export.signing.Signer.for_worker`), never a file or a command line.

Workers are started with ``spawn`` (a fresh interpreter): forking a process that runs Qt threads is unsafe.
No Qt.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from cowork_desktop.export.model import CaseNote
from cowork_desktop.export.pdf import render_case_note
from cowork_desktop.export.signing import (
    Signer,
    load_signer_data,
    preload_stamp_font,
    sign_pdf,
    stamp_font_bytes,
)

_signer: Signer | None = None


@dataclass(frozen=True)
class SignJob:
    """One case note to render and sign (what :func:`sign_note` needs, all of it plain data)."""

    key: int
    note: CaseNote
    evidence: bytes
    signer_name: str
    reason: str
    location: str
    stamp_text: str


def sign_note(job: SignJob, signer: Signer) -> bytes:
    """The case note rendered (PDF/A-3b, the evidence embedded) and signed: the serial export's very steps."""
    pdf = render_case_note(job.note, job.evidence)
    return sign_pdf(
        pdf,
        signer,
        signer_name=job.signer_name,
        reason=job.reason,
        location=job.location,
        stamp_text=job.stamp_text,
    )


def start_worker(p12: bytes, passphrase: bytes, source: str, stamp_font: bytes) -> None:
    """A worker's initializer: the key loaded, the fonts registered and the stamp font (the parent's) ready,
    once."""
    global _signer
    from cowork_desktop.export import fonts

    preload_stamp_font(False, stamp_font)
    _signer = load_signer_data(p12, passphrase, Path(source))
    _signer.warm_up()
    fonts.register_fonts()


def run_job(job: SignJob) -> tuple[int, bytes]:
    """In a worker: ``(job.key, the signed PDF)``."""
    assert _signer is not None, "start_worker did not run"
    return job.key, sign_note(job, _signer)


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def signing_pool(signer: Signer, jobs: int) -> ProcessPoolExecutor:
    """``jobs`` worker processes, each holding ``signer``'s key (see the module docstring)."""
    p12, passphrase = signer.for_worker()
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=start_worker,
        initargs=(p12, passphrase, str(signer.source), stamp_font_bytes(False)),
    )
