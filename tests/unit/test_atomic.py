"""The app's one file writer (cowork_desktop.atomic): a file filled by another writer is private from its first
byte and takes its name in one step."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cowork_desktop.atomic import create_private_file, put_in_place


def test_a_private_file_is_0600_whatever_the_umask_and_never_over_another(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        made = create_private_file(tmp_path / "copy.partial")
    finally:
        os.umask(old)
    assert made.read_bytes() == b""
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        create_private_file(made)


def test_a_finished_file_replaces_the_target_whole(tmp_path: Path) -> None:
    target = tmp_path / "cowork.db"
    target.write_bytes(b"old")
    finished = create_private_file(tmp_path / ".cowork.db.partial")
    finished.write_bytes(b"new")
    assert put_in_place(finished, target) == target
    assert target.read_bytes() == b"new" and not finished.exists()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
