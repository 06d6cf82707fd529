"""The one writer of every file the app creates: whole or not at all, private (0600), and never over an
existing file unless the caller says ``replace=True``.

Why here, at the top of the package beside :mod:`cowork_desktop.paths`, outside the import-linter layers: the
files the app writes are made at three levels, exports and calendars in ``services/``, signing certificates in
``export/`` and backups in ``store/``. ``export`` and ``store`` sit below ``services`` in the layers, so a writer
in ``services/`` could not be used by them, and ``domain/`` holds rules, not file I/O. Like ``paths``, this module
imports only the standard library and :mod:`cowork_desktop.domain.errors` (never a layer above), so every layer
(and the ``cowork`` command) may import it without a cycle. No Qt.

Two ways in, one rule: bytes in memory go through :func:`write_atomic`; a file another writer fills by its
name (a database copy SQLite makes, a restored backup) is made with :func:`create_private_file` and named with
:func:`put_in_place`.

What must never be written over (a database, a backup, a certificate) is decided above it, in
:func:`cowork_desktop.services.files.check_target`, which can look inside a file with the store's help.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from cowork_desktop.domain.errors import CoworkError

#: files and folders the app creates are its user's only
FILE_MODE = 0o600
FOLDER_MODE = 0o700


class OutputExists(CoworkError):
    """The file is there already and replacing it was not asked for; nothing was written."""

    def __init__(self, path: Path, message: str | None = None) -> None:
        self.path = Path(path)
        super().__init__(message or f"{path} already exists; choose another name or replace it")


def os_reason(exc: OSError) -> str:
    """A few words for an operating-system error, for a one-line message."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, NotADirectoryError | FileExistsError):
        return "not a folder"
    if isinstance(exc, FileNotFoundError):
        return "no such folder"
    return (exc.strerror or str(exc)).lower()


def sync_to_disk(path: Path) -> None:
    """Flush a file, or a folder (which makes a rename in it durable, where the system allows opening a folder:
    not on Windows), to the disk. Never raises: a flush that cannot be done is left to the system."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _put_new(tmp: Path, path: Path) -> None:
    """Give the finished temporary file the name ``path``, which must not exist (FileExistsError if it does,
    even if it appeared a moment ago: never a check-then-write race)."""
    try:
        os.link(tmp, path)  # atomic, and fails if the name is taken (a dangling symlink included)
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # a file system without hard links (FAT, some network shares): reserve the name instead
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)  # FileExistsError if taken
    os.close(fd)
    try:
        os.replace(tmp, path)  # over the empty placeholder made just now, which is ours
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def write_atomic(path: str | os.PathLike[str], data: bytes, *, replace: bool = False) -> Path:
    """Write ``data`` to ``path``: first to a temporary file (mode 0600) in the same folder, flushed to disk,
    then given its name, so the file is never seen half-written.

    An existing ``path`` is refused (:class:`OutputExists`) unless ``replace`` is true; then it is replaced in
    one step (a symbolic link is replaced, never followed). A folder is always refused, never written into.
    The folder must exist. On any failure the temporary file is removed and :class:`CoworkError` says why in
    one line. Returns the path written."""
    path = Path(path)
    folder = path.parent
    if path.is_dir():
        raise CoworkError(f"cannot write {path}: it is a folder")
    if not replace and os.path.lexists(path):
        raise OutputExists(path)
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise CoworkError(f"cannot write to {folder}: {os_reason(exc)}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.is_dir():  # it may have become one while the data was written
            raise IsADirectoryError(path)
        if replace:
            os.replace(tmp, path)
        else:
            _put_new(tmp, path)
    except FileExistsError:
        raise OutputExists(path) from None
    except IsADirectoryError:
        raise CoworkError(f"cannot write {path}: it is a folder") from None
    except OSError as exc:
        raise CoworkError(f"cannot write to {folder}: {os_reason(exc)}") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    sync_to_disk(folder)
    return path


def create_private_file(path: str | os.PathLike[str]) -> Path:
    """A new, empty file at ``path``, private (0600) from its first byte, whatever the umask; FileExistsError if
    the name is taken (never a check-then-create race). For a file another writer then fills by name (SQLite's
    backup API, a copy): :func:`put_in_place` gives it its final name."""
    path = Path(path)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return path


def put_in_place(finished: str | os.PathLike[str], target: str | os.PathLike[str]) -> Path:
    """Give a finished temporary file (in ``target``'s folder, made with :func:`create_private_file`) the name
    ``target`` in one step, replacing what is there, flushed to disk before and after, so ``target`` is either
    the old file or the whole new one, never half of it. OSError as the system gives it (the caller says what
    was not done)."""
    finished, target = Path(finished), Path(target)
    sync_to_disk(finished)
    os.replace(finished, target)
    sync_to_disk(target.parent)
    return target


#: on Windows, who keeps full control of a folder the app makes (besides the user): the operating system itself
#: (``S-1-5-18``, LocalSystem), which backup and anti-malware agents run as; nobody else, and nothing inherited
WINDOWS_SYSTEM_SID = "*S-1-5-18"


def windows_user() -> str | None:
    """The signed-in Windows user as icacls names them (``DOMAIN\\user``, or ``user``); None when unknown."""
    user = os.environ.get("USERNAME")
    if not user:
        return None
    domain = os.environ.get("USERDOMAIN")
    return f"{domain}\\{user}" if domain else user


def restrict_to_user(folder: str | os.PathLike[str], *, platform: str | None = None) -> bool:
    """On Windows, where a mode of 0700 does nothing, make ``folder`` the user's only with an access list: no
    permission inherited from above (a shared or redirected parent), full control for the user and the system,
    and what is made in it inherits that. Elsewhere the mode already does this: nothing to do. False (and the
    folder as it was) when the access list could not be set: the app goes on, as on a file system without
    ACLs. (Run with ``icacls``, which every Windows has: no extra package.)"""
    if (platform or sys.platform) != "win32":
        return True
    user = windows_user()
    if user is None:
        return False
    import subprocess

    command = [
        "icacls",
        os.fspath(folder),
        "/inheritance:r",
        "/grant:r",
        f"{user}:(OI)(CI)F",
        "/grant:r",
        f"{WINDOWS_SYSTEM_SID}:(OI)(CI)F",
        "/Q",
    ]
    try:
        done = subprocess.run(command, capture_output=True, check=False, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def make_private_folders(folder: str | os.PathLike[str]) -> list[Path]:
    """Create ``folder`` and any missing folders above it, each with mode 0700 (whatever the umask; on Windows,
    an access list to the same effect: :func:`restrict_to_user`). Folders that exist already are left as they
    are. Returns the folders created, outermost first (so a caller that fails later can remove them, innermost
    first). CoworkError, with nothing left behind, when it cannot. The one way the app makes a folder."""
    folder = Path(folder)
    missing: list[Path] = []
    probe = folder
    while not os.path.lexists(probe) and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    if not probe.is_dir():
        raise CoworkError(f"cannot write to {folder}: {probe} is not a folder")
    created: list[Path] = []
    try:
        for step in reversed(missing):
            try:
                os.mkdir(step, FOLDER_MODE)
            except FileExistsError:
                if step.is_dir():  # made meanwhile by someone else: theirs, not ours
                    continue
                raise
            created.append(step)
            os.chmod(step, FOLDER_MODE)
            restrict_to_user(step)
    except OSError as exc:
        for step in reversed(created):
            with contextlib.suppress(OSError):
                step.rmdir()
        raise CoworkError(f"cannot write to {folder}: {os_reason(exc)}") from None
    return created
