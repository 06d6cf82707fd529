"""The app's one file writer (cowork_desktop.atomic): a file filled by another writer is private from its first
byte and takes its name in one step."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from cowork_desktop.atomic import create_private_file, make_private_folders, put_in_place, restrict_to_user


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


# -- Windows: the access list a 0700 mode cannot give there ------------------------------------------------------


def _fake_icacls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exit_code: int = 0) -> Path:
    """An ``icacls`` on PATH that writes down how it was called (each argument on a line) and exits so."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "icacls-calls.txt"
    script = bin_dir / "icacls"
    script.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$@" >> "{calls}"\necho --- >> "{calls}"\nexit {exit_code}\n'
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("USERNAME", "j.bloggs")
    monkeypatch.setenv("USERDOMAIN", "COUNCIL")
    return calls


def test_on_windows_each_folder_made_is_the_users_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _fake_icacls(tmp_path, monkeypatch)
    target = tmp_path / "data" / "cowork" / "backups"
    (tmp_path / "data").mkdir()
    monkeypatch.setattr(sys, "platform", "win32")
    made = make_private_folders(target)
    monkeypatch.undo()
    assert made == [tmp_path / "data" / "cowork", target]
    runs = [block.strip().splitlines() for block in calls.read_text().split("---") if block.strip()]
    assert runs == [
        [
            str(folder),
            "/inheritance:r",  # nothing inherited from a shared or redirected parent
            "/grant:r",
            "COUNCIL\\j.bloggs:(OI)(CI)F",
            "/grant:r",
            "*S-1-5-18:(OI)(CI)F",  # the system (backup and anti-malware agents)
            "/Q",
        ]
        for folder in made
    ]  # and only the folders it made: the existing parent is left as it is


def test_an_access_list_that_cannot_be_set_does_not_stop_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_icacls(tmp_path, monkeypatch, exit_code=5)
    assert restrict_to_user(tmp_path, platform="win32") is False
    monkeypatch.delenv("USERNAME")
    assert restrict_to_user(tmp_path, platform="win32") is False
    assert restrict_to_user(tmp_path, platform="linux") is True  # the 0700 mode does it there
    monkeypatch.setattr(sys, "platform", "win32")
    made = make_private_folders(tmp_path / "still made")
    monkeypatch.undo()
    assert made == [tmp_path / "still made"] and made[0].is_dir()
