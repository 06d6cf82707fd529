"""One owner at a time: the lock the app holds on the database it has open.

The lock is a small file beside the database (``cowork.db.lock``) that the owner keeps open and locked with the
operating system's own lock (``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows). The system releases that
lock when the process ends in any way, crash included, so a lock file left behind by a crash is simply unlocked:
stale, and taken over by the next owner. While it is held, the file says who holds it (program, process, computer,
since when), for the message another window shows.

- The app takes it when it opens a database; a second window on the same database is told who has it and may open
  it read-only.
- ``restore``, ``passphrase change`` and ``retention --purge`` take it for as long as they run (:func:`sole`), so
  they are refused while the app has the database open, and the app cannot open it while they run.
- Other commands do not take it: SQLite's write-ahead log lets them write beside the app, and a draft save names
  the revision it was based on (``Store.save_answers``).

Where the operating system cannot lock (some network shares), the file's content decides: held when the process it
names is running on this computer.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cowork_desktop.domain.errors import HeldElsewhere, ReadOnlyDatabase

SUFFIX = ".lock"
#: Windows locks this byte (beyond the content, so the content can still be read by others)
_LOCK_AT = 1 << 20
_BUSY = {errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, getattr(errno, "EDEADLK", errno.EAGAIN)}

if sys.platform == "win32":  # pragma: no cover - exercised on Windows
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, _LOCK_AT, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCK_AT, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


@dataclass(frozen=True)
class Holder:
    """Who holds a database: as its lock file says."""

    program: str
    pid: int
    host: str
    since: datetime | None  # UTC

    def describe(self) -> str:
        """E.g. "cowork-desktop (process 4242 on laptop-7, since 2 Dec 2026 10:42)"."""
        where = f"process {self.pid}" if self.pid else "a process"
        if self.host and self.host != socket.gethostname():
            where += f" on {self.host}"
        if self.since is not None:
            local = self.since.astimezone()
            where += f", since {local.day} {local:%b %Y %H:%M}"
        return f"{self.program or 'another program'} ({where})"

    def as_dict(self) -> dict[str, object]:
        return {
            "program": self.program,
            "pid": self.pid,
            "host": self.host,
            "since": self.since.isoformat() if self.since else None,
        }


def lock_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + SUFFIX)


def _parse(raw: bytes) -> Holder | None:
    if not raw.strip():
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
        since = datetime.fromisoformat(data["since"]) if data.get("since") else None
        return Holder(str(data.get("program", "")), int(data.get("pid", 0)), str(data.get("host", "")), since)
    except (ValueError, KeyError, TypeError, AttributeError):
        return Holder("another program", 0, "", None)


def _read(fd: int) -> Holder | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return _parse(os.read(fd, 4096))
    except OSError:
        return None


def _running_here(found: Holder) -> bool:
    """For a lock the system could not lock: is the process it names running on this computer?"""
    if found.host != socket.gethostname() or found.pid <= 0:
        return False
    if found.pid == os.getpid():
        return True
    try:
        os.kill(found.pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists (another user's): treat it as running
    return True


def _held_message(db_path: Path, found: Holder | None, doing: str) -> str:
    who = found.describe() if found is not None else "another window"
    return f"{db_path} is open in {who}: {doing}"


class OwnerLock:
    """The lock on one database, held from :meth:`acquire` until :meth:`release` (or the process ends)."""

    def __init__(self, db_path: Path, fd: int, holder: Holder, *, took_over: Holder | None = None) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self.holder = holder
        #: the holder named by a stale lock file this one replaced (the app had crashed), if any
        self.took_over = took_over
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def covers(self, db_path: Path) -> bool:
        return self.held and _same_path(self.db_path, Path(db_path))

    @classmethod
    def acquire(cls, db_path: Path, program: str = "cowork-desktop") -> OwnerLock:
        """Take the lock. :class:`HeldElsewhere` (naming the holder) when another process or window has it;
        :class:`ReadOnlyDatabase` when no lock file can be written beside the database."""
        db_path = Path(db_path)
        path = lock_path(db_path)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0)
        for _attempt in range(5):
            try:
                fd = os.open(path, flags, 0o600)
            except OSError as exc:
                raise ReadOnlyDatabase(
                    f"{db_path}: cannot write beside the database ({exc.strerror or exc}); it can only be read here"
                ) from None
            previous = _read(fd)
            try:
                _lock(fd)
            except OSError as exc:
                if exc.errno in _BUSY or isinstance(exc, PermissionError):
                    os.close(fd)
                    raise HeldElsewhere(
                        _held_message(db_path, previous, "close it there first"), previous
                    ) from None
                # this file system cannot lock: the content decides
                if previous is not None and _running_here(previous) and previous.pid != os.getpid():
                    os.close(fd)
                    raise HeldElsewhere(
                        _held_message(db_path, previous, "close it there first"), previous
                    ) from None
            if os.name != "nt" and not _same_file(fd, path):
                # the previous owner removed the file between our open and our lock: start again
                with contextlib.suppress(OSError):
                    _unlock(fd)
                os.close(fd)
                continue
            me = Holder(program, os.getpid(), socket.gethostname(), datetime.now(UTC).replace(microsecond=0))
            try:
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, json.dumps(me.as_dict()).encode("utf-8"))
                os.fsync(fd)
            except OSError:
                pass  # the lock is what matters; the note of who holds it is a courtesy
            with contextlib.suppress(OSError):
                os.chmod(path, 0o600)
            return cls(db_path, fd, me, took_over=previous)
        raise HeldElsewhere(_held_message(db_path, None, "close it there first"))  # pragma: no cover

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if os.name != "nt":
            with contextlib.suppress(OSError):
                if _same_file(fd, self.path):
                    self.path.unlink()
        with contextlib.suppress(OSError):
            _unlock(fd)
        with contextlib.suppress(OSError):
            os.close(fd)
        if os.name == "nt":  # pragma: no cover
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> OwnerLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except OSError:
        return False


def _same_path(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a.absolute() == b.absolute()


def holder(db_path: Path) -> Holder | None:
    """Who holds the database now (None: nobody, or only a stale lock file left by a crash). Changes nothing."""
    path = lock_path(Path(db_path))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        found = _read(fd)
        if os.name == "nt":  # pragma: no cover - a read-only handle cannot probe the lock there
            return found if found is not None and _running_here(found) else None
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in _BUSY:
                return found or Holder("another window", 0, "", None)
            return found if found is not None and _running_here(found) else None
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


@contextmanager
def sole(db_path: Path, doing: str, held: OwnerLock | None = None) -> Iterator[OwnerLock | None]:
    """Hold the database alone while ``doing`` (e.g. "restoring a backup"): refused with :class:`HeldElsewhere`
    ("… is open in cowork-desktop (process …): close it there before restoring a backup; nothing was changed")
    while the app or another command has it. ``held``: the caller's own lock, which already makes it the owner."""
    if held is not None and held.covers(db_path):
        yield held
        return
    try:
        lock = OwnerLock.acquire(db_path, program=f"cowork ({doing})")
    except HeldElsewhere as exc:
        raise HeldElsewhere(
            _held_message(Path(db_path), exc.holder, f"close it there before {doing}; nothing was changed")
            if isinstance(exc.holder, Holder) or exc.holder is None
            else str(exc),
            exc.holder,
        ) from None
    except ReadOnlyDatabase:
        if Path(db_path).exists():
            raise
        yield None  # no database (and no folder to write in): nothing to hold
        return
    try:
        yield lock
    finally:
        lock.release()
