"""Writing files the user keeps (PDFs, calendars): whole or not at all, with one-line reasons. No Qt."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cowork_desktop.domain.errors import CoworkError


def os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, NotADirectoryError | FileExistsError):
        return "not a folder"
    if isinstance(exc, FileNotFoundError):
        return "no such folder"
    return (exc.strerror or str(exc)).lower()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place: never half a file."""
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise CoworkError(f"cannot write to {folder}: {os_reason(exc)}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except IsADirectoryError:
        raise CoworkError(f"cannot write {path}: it is a folder") from None
    except OSError as exc:
        raise CoworkError(f"cannot write to {folder}: {os_reason(exc)}") from None
    finally:
        tmp.unlink(missing_ok=True)


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
