"""The demo database the CLI tests read: built once per test run by ``cowork demo`` and copied for each test."""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cowork_desktop.export.signing import create_certificate
from cowork_desktop.services.demo import MANAGER_NAME, load_demo
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store

#: The day the demo is built around, as the CLI tests give it (``--today``).
DEMO_TODAY = "2026-11-23"
#: The same day as a date, as the service tests give it to ``load_demo``.
DEMO_DAY = date.fromisoformat(DEMO_TODAY)


def build_demo_database(path: Path, data_dir: Path) -> Path:
    """Run ``cowork demo --db path --today DEMO_TODAY`` in-process, its data folder (log, backup list) in
    ``data_dir``, and check what it says."""
    from cowork_desktop import logs
    from cowork_desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COWORK_DATA_DIR", str(data_dir))
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(["demo", "--db", str(path), "--today", DEMO_TODAY])
        finally:
            logs.unconfigure()
    assert (code, err.getvalue()) == (0, ""), err.getvalue()
    assert "12 demo case(s) added" in out.getvalue() and "fictional" in out.getvalue()
    assert not Path(f"{path}-wal").exists(), (
        "the demo left a write-ahead log: copying the file alone would lose it"
    )
    return path


def copy_database(source: Path, target: Path) -> Path:
    """A copy of a closed database file, private (0600) like one the app makes; ``target``'s folder is made."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(0o600)
    return target


@contextlib.contextmanager
def demo_workspace(path: Path) -> Iterator[Workspace]:
    """The demo loaded around :data:`DEMO_DAY` by ``load_demo`` into a new database at ``path``, open as
    ``test-manager``; closed afterwards."""
    store = open_store(path, actor="test-manager")
    try:
        ws = Workspace.open(store)
        load_demo(ws, DEMO_DAY)
        yield ws
    finally:
        store.close()


@contextlib.contextmanager
def workspace_copy(source: Path, target: Path) -> Iterator[Workspace]:
    """A copy of the closed database ``source`` at ``target``, open as ``test-manager``; closed afterwards."""
    shutil.copy(source, target)
    store = open_store(target, actor="test-manager")
    try:
        yield Workspace.open(store)
    finally:
        store.close()


def manager_certificate(folder: Path, passphrase: bytes, organisation: str) -> Path:
    """The demo's manager's signing certificate, made by the app at ``folder``/manager.p12."""
    return create_certificate(MANAGER_NAME, organisation, folder / "manager.p12", passphrase)
