"""Is a database (or its backup folder) somewhere SQLite is not safe: a network share or a cloud-synced folder?

SQLite's write-ahead log needs the file on a local disk: on a network share its locking is unreliable, and a sync
client (OneDrive, Dropbox, iCloud, Google Drive) may upload or restore one file of the three (the database, its
``-wal`` and ``-shm``) while the app writes, which can damage it. Councils' laptops often redirect Documents to
OneDrive, so the app says so, once, when it opens such a database; it does not refuse (the manager may have no
other place), and backups elsewhere still protect the records.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath

#: folder names the sync clients use (Windows, macOS and Linux), compared case-insensitively
CLOUD_FOLDERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud Drive",
    "icloud~com~apple~clouddocs": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "cloudstorage": "a cloud storage folder",
    "box": "Box",
    "box sync": "Box",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "pcloud drive": "pCloud",
}
#: file systems that are a network share (Linux ``/proc/mounts`` types)
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "9p",
        "afpfs",
        "ncpfs",
        "davfs",
        "fuse.sshfs",
        "fuse.rclone",
        "ceph",
    }
)


def cloud_service(path: PurePath) -> str | None:
    """The sync service whose folder holds ``path`` (by the folder names they use), or None."""
    for part in path.parts[:-1]:
        name = part.lower()
        found = CLOUD_FOLDERS.get(name) or next(
            (label for key, label in CLOUD_FOLDERS.items() if name.startswith(f"{key} - ")), None
        )  # "OneDrive - Northbrook Borough Council": the work account's folder
        if found:
            return found
    return None


def network_filesystem(path: Path, mounts: str | None = None) -> str | None:
    """The network file system ``path`` is on (its type, e.g. ``cifs``), or None for a local disk. Windows: a UNC
    path or a drive Windows calls remote; Linux: the mount that holds it (``mounts``: the text of
    ``/proc/mounts``, read when not given)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return "a network share"
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_remote(path)
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    resolved = str(path.resolve())
    best, kind = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind if kind in NETWORK_FILESYSTEMS else None


def _windows_remote(path: Path) -> str | None:  # pragma: no cover - Windows only
    import ctypes

    drive = os.path.splitdrive(str(path.resolve()))[0]
    if not drive:
        return None
    drive_remote = 4
    kind = ctypes.windll.kernel32.GetDriveTypeW(f"{drive}\\")  # type: ignore[attr-defined,unused-ignore]
    return "a network drive" if kind == drive_remote else None


def place_problem(path: Path, what: str = "The database", *, mounts: str | None = None) -> str | None:
    """One line when ``path`` is on a network share or in a cloud-synced folder, else None."""
    network = network_filesystem(path, mounts)
    if network is not None:
        where = network if network.startswith("a ") else f"a network share ({network})"
        return (
            f"{what} {path} is on {where}: keep it on this computer's own disk (SQLite's locking is not safe "
            "over a network), and let backups go to the shared folder instead"
        )
    service = cloud_service(path)
    if service is not None:
        return (
            f"{what} {path} is in a folder {service} keeps in sync: move it to a folder that is not synced "
            "(syncing a database while it is written can damage it); backups may stay in a synced folder"
        )
    return None
