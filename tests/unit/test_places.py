"""A database on a network share or in a cloud-synced folder is said when it opens (issue 15)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from cowork_desktop.cli import main
from cowork_desktop.services import places

MOUNTS = """\
/dev/vda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//fileserver/team /mnt/team cifs rw,vers=3.0 0 0
server:/export/home /home/shared nfs4 rw 0 0
/dev/vdb1 /mnt/team/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "found"),
    [
        (
            PureWindowsPath(r"C:\Users\amara\OneDrive - Northbrook Borough Council\Documents\team.db"),
            "OneDrive",
        ),
        (PureWindowsPath(r"C:\Users\amara\OneDrive\team.db"), "OneDrive"),
        (PurePosixPath("/Users/amara/Library/CloudStorage/Dropbox/team.db"), "a cloud storage folder"),
        (PurePosixPath("/Users/amara/Library/Mobile Documents/com~apple~CloudDocs/team.db"), "iCloud Drive"),
        (PurePosixPath("/home/amara/Dropbox/cowork/team.db"), "Dropbox"),
        (PurePosixPath("/home/amara/cowork/team.db"), None),
        (PurePosixPath("/home/amara/OneDrive.db"), None),  # the file's own name is not a folder
    ],
)
def test_cloud_folders_by_their_names(path: Path, found: str | None) -> None:
    assert places.cloud_service(path) == found


def test_network_shares_by_their_mount() -> None:
    assert places.network_filesystem(Path("/mnt/team/cases/team.db"), MOUNTS) == "cifs"
    assert places.network_filesystem(Path("/home/shared/team.db"), MOUNTS) == "nfs4"
    assert (
        places.network_filesystem(Path("/mnt/team/local/team.db"), MOUNTS) is None
    )  # a local disk mounted inside
    assert places.network_filesystem(Path("/home/amara/team.db"), MOUNTS) is None
    assert places.network_filesystem(Path(r"\\fileserver\team\team.db"), MOUNTS) == "a network share"
    problem = places.place_problem(Path("/mnt/team/cases/team.db"), mounts=MOUNTS)
    assert problem is not None and "network share (cifs)" in problem and "\n" not in problem


def test_opening_a_database_in_a_synced_folder_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    synced = tmp_path / "OneDrive - Northbrook Borough Council" / "team.db"
    synced.parent.mkdir()
    assert main(["init", "--db", str(synced)]) == 0
    err = capsys.readouterr().err
    assert "OneDrive keeps in sync" in err and err.count("\n") == 1
    plain = tmp_path / "local" / "team.db"
    plain.parent.mkdir()
    assert main(["init", "--db", str(plain)]) == 0
    assert capsys.readouterr().err == ""
