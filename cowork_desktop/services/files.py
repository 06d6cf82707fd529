"""Writing files the user keeps (PDFs, calendars): whole or not at all, never over a file by surprise, never over
a database, a backup or a certificate; with one-line reasons. No Qt.

The writing itself is :func:`cowork_desktop.atomic.write_atomic` (re-exported here), the app's one writer.
:func:`check_target` is the rule every output goes through first: :func:`protected_file` (refused always, even
when the user asked to replace the file), a folder (refused), an existing file (refused unless ``replace``).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from cowork_desktop.atomic import OutputExists as OutputExists
from cowork_desktop.atomic import make_private_folders as make_private_folders
from cowork_desktop.atomic import os_reason as os_reason
from cowork_desktop.atomic import write_atomic as write_atomic
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.store import crypto

if TYPE_CHECKING:
    from cowork_desktop.store.store import Store

#: the companions SQLite keeps beside a database while it is open or after a crash
_SIDECARS = {"-wal": "write-ahead log", "-shm": "shared-memory index", "-journal": "rollback journal"}
_WAL_MAGIC = (bytes.fromhex("377f0682"), bytes.fromhex("377f0683"))
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
#: store/backup.py names its backups <stem>[-<identity>]-<UTC time>-<kind>[-n].db (any kind, including ones added
#: later), and writes one first as .<name>.partial
_BACKUP_NAME = re.compile(r"^.+-\d{8}T\d{6}Z-[a-z]+(?:-[a-z]+)*(?:-\d+)?\.db(?:\.partial)?$", re.IGNORECASE)
_BACKUP_FOLDER_NAME = "backups"
_CERTIFICATE_SUFFIXES = (".p12", ".pfx")
#: a PKCS#12 file is a few kilobytes; larger files are not read to find out
_MAX_PKCS12_BYTES = 1 << 20


class ProtectedFile(CoworkError):
    """The target is a database, a backup or a certificate: never written over, even when asked to."""


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _head(path: Path, size: int = 100) -> tuple[bytes, int] | None:
    """The first bytes and the size of a regular file (following a symbolic link); None when there is none."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None
        with path.open("rb") as handle:
            return handle.read(size), info.st_size
    except OSError:
        return None


def _database_kind(header: bytes, size: int) -> str | None:
    kind = crypto.classify(header, size)
    if kind == "sqlite":
        return "an SQLite database (a cowork database or a copy of one)"
    if kind in ("encrypted", "encrypted-damaged"):
        return "an encrypted cowork database (SQLCipher), or looks like one"
    if header.startswith(_WAL_MAGIC):
        return "an SQLite write-ahead log"
    if header.startswith(_JOURNAL_MAGIC):
        return "an SQLite rollback journal"
    return None


def _is_database(path: Path) -> bool:
    head = _head(path)
    return head is not None and crypto.classify(*head) in ("sqlite", "encrypted", "encrypted-damaged")


def is_pkcs12(path: Path) -> bool:
    """Whether the file holds a PKCS#12 bundle (a certificate with its private key), whatever its name."""
    head = _head(path, 4)
    if head is None or not head[0].startswith(b"\x30") or head[1] > _MAX_PKCS12_BYTES:
        return False
    from asn1crypto import pkcs12

    try:
        pfx = pkcs12.Pfx.load(path.read_bytes(), strict=False)
        return bool(
            pfx["version"].native == "v3"
            and pfx["auth_safe"]["content_type"].native in ("data", "signed_data")
        )
    except Exception:  # any parse error: not a PKCS#12 file
        return False


def _backup_folders(store: Store | None) -> list[Path]:
    if store is None:
        return []
    from cowork_desktop.store import backup

    found = [backup.default_folder(store.path)]
    with contextlib.suppress(Exception):  # a closed or damaged store: its default folder still counts
        found.append(backup.folder_for(store))
    return found


def protected_file(
    path: str | os.PathLike[str], store: Store | None = None, *, certificates: bool = True
) -> str | None:
    """What the file at ``path`` is, when nothing the app makes may ever be written over it (one line, naming
    the file), else None:

    - the open database (``store``), any SQLite or SQLCipher database (by its first bytes), and the ``-wal``,
      ``-shm`` and ``-journal`` files beside a database, whether they exist at the moment or not;
    - a backup: a name as backups are given (``cowork-20261123T101500Z-daily.db``), or a ``.db`` file in a
      backup folder (``backups/``, or the open database's backup folder);
    - a signing certificate, by name (``.p12``, ``.pfx``) or by content (PKCS#12), unless ``certificates`` is
      False (``cowork cert new --force`` replaces a certificate);
    - a device or other special file.
    """
    path = Path(path)
    name = path.name
    databases = [store.path] if store is not None else []
    if any(_same(path, db) for db in databases):
        return f"{path} is the open cowork database"
    for suffix, what in _SIDECARS.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            base = path.with_name(name[: -len(suffix)])
            if any(_same(base, db) for db in databases) or _is_database(base):
                return f"{path} is the {what} of the database {base.name}"
    folders = _backup_folders(store)
    if _BACKUP_NAME.match(name) or (
        name.lower().endswith(".db")
        and (path.parent.name == _BACKUP_FOLDER_NAME or any(_same(path.parent, f) for f in folders))
    ):
        return f"{path} is a backup of a cowork database"
    try:
        mode: int | None = path.stat().st_mode  # through a symbolic link: what it points to
    except OSError:
        mode = None
    if mode is not None and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return f"{path} is not a regular file (a device, a socket or a pipe)"
    head = _head(path)
    if head is not None:
        kind = _database_kind(*head)
        if kind is not None:
            return f"{path} is {kind}"
    if certificates and path.is_file() and (path.suffix.lower() in _CERTIFICATE_SUFFIXES or is_pkcs12(path)):
        return f"{path} is a signing certificate (PKCS#12, with its private key)"
    return None


def check_target(path: str | os.PathLike[str], *, replace: bool = False, store: Store | None = None) -> Path:
    """Refuse to make ``path``, before any work is done, with one line: a protected file (see
    :func:`protected_file`; even with ``replace``), a folder, a missing folder to put it in, or a file that
    exists already (:class:`OutputExists`) unless ``replace``. Returns the path.

    The writer checks again as it writes (it never writes over a file that appeared meanwhile)."""
    path = Path(path)
    problem = protected_file(path, store)
    if problem is not None:
        raise ProtectedFile(f"{problem}: the app never writes over it; choose another file")
    if path.is_dir():
        raise CoworkError(f"{path} is a folder: give a file name")
    if not path.parent.is_dir():
        reason = "not a folder" if path.parent.exists() else "no such folder"
        raise CoworkError(f"cannot write to {path.parent}: {reason}")
    if not replace and os.path.lexists(path):
        raise OutputExists(path)
    return path


def replace_question(path: str | os.PathLike[str]) -> str:
    """The question the app asks before it replaces a file the user chose (naming it)."""
    path = Path(path)
    return f"{path.name} already exists in {path.parent}. Replace it? The file there now will be lost."


def write_output(
    path: str | os.PathLike[str], data: bytes, *, replace: bool = False, store: Store | None = None
) -> Path:
    """:func:`check_target` again (a moment may have passed since the first check), then the atomic write."""
    check_target(path, replace=replace, store=store)
    return write_atomic(path, data, replace=replace)


def read_limited(path: Path, limit: int, what: str, too_large: str) -> bytes:
    """The bytes of a file the user names (a PDF to verify, a certificate to trust), with one-line errors: no
    such file, a folder, unreadable, or larger than ``limit`` (``too_large``, refused before it is read)."""
    try:
        if path.is_dir():
            raise CoworkError(f"{path}: is a folder, not {what}")
        if path.stat().st_size > limit:
            raise CoworkError(f"{path}: {too_large}")
        return path.read_bytes()
    except FileNotFoundError:
        raise CoworkError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CoworkError(f"{path}: is a folder, not {what}") from None
    except OSError as exc:
        raise CoworkError(f"{path}: cannot read the file ({os_reason(exc)})") from None
