"""A throwaway PostgreSQL cluster, for the service tests and the service benchmarks: made in a temporary folder with
``initdb`` (as the ``postgres`` user when run as root: initdb refuses root), started on 127.0.0.1 on a free port
with its unix socket in that folder, and stopped (``pg_ctl stop -m fast``) at the end. No PostgreSQL binaries is a
failure with a clear message, not a skip: ``make test`` installs them (packaging/debian-packages.txt).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

#: where Debian puts the server binaries (not on PATH); a PATH with initdb on it wins
DEBIAN_BINS = "/usr/lib/postgresql/*/bin"
SUPERUSER = "cowork_admin"


@dataclass(frozen=True)
class Cluster:
    host: str
    port: int
    socket_dir: Path
    data_dir: Path

    def url(self, user: str = SUPERUSER, dbname: str = "postgres") -> str:
        """A libpq URL without a password (the tests give it in PGPASSWORD when the login needs one): over TCP on
        loopback, except the superuser's, through the unix socket in the cluster's private folder (the only way
        it may log in, without a password)."""
        if user == SUPERUSER:
            return f"postgresql://{user}@/{dbname}?host={self.socket_dir}&port={self.port}"
        return f"postgresql://{user}@{self.host}:{self.port}/{dbname}"


def server_bin() -> Path:
    """The folder holding initdb and pg_ctl; fails the test run when there is none."""
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    found = sorted(glob.glob(DEBIAN_BINS), key=lambda p: int(Path(p).parent.name or 0), reverse=True)
    for folder in found:
        if (Path(folder) / "initdb").exists():
            return Path(folder)
    raise RuntimeError(
        "the service tests need a PostgreSQL server: install the Debian package 'postgresql' "
        "(make test does: packaging/debian-packages.txt)"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(argv: list[str], what: str, log: Path | None = None) -> None:
    """Run a server command; its failure names it, with its output (and the server's log)."""
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        logged = log.read_text(errors="replace") if log is not None and log.exists() else ""
        raise RuntimeError(f"{what} failed ({done.returncode}): {done.stderr.strip()} {logged.strip()}")


def _as_owner(argv: list[str], owner: str | None) -> list[str]:
    return ["runuser", "-u", owner, "--", *argv] if owner else argv


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    """A running cluster in a new temporary folder (directly in the system's, so the ``postgres`` user can reach
    it), stopped and removed at the end."""
    bin_dir = server_bin()
    owner = "postgres" if os.geteuid() == 0 else None
    with tempfile.TemporaryDirectory(prefix="cowork-pg-") as made:
        yield from _run_cluster(bin_dir, Path(made), owner)


def _owned(paths: list[Path], owner: str | None) -> None:
    """Give ``paths`` to ``owner`` (initdb and the server run as it when the tests run as root)."""
    if not owner:
        return
    try:
        entry = pwd.getpwnam(owner)
    except KeyError:
        raise RuntimeError(
            "initdb refuses to run as root, and there is no 'postgres' user to run it as: install the Debian "
            "package 'postgresql' (it makes the user), or run the tests as another user"
        ) from None
    for path in paths:
        os.chown(path, entry.pw_uid, entry.pw_gid)


def _initdb(bin_dir: Path, folder: Path, owner: str | None) -> None:
    """A new cluster in ``folder``/data, its sockets in ``folder``/sockets; only the superuser (through the
    socket) without a password."""
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir(exist_ok=True)
    _owned([folder, sockets], owner)
    _run(
        _as_owner(
            [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
             "--locale=C.UTF-8", "--no-sync"],
            owner,
        ),
        "initdb",
    )  # fmt: skip
    # the superuser only through the socket in this private folder; every other login with a password (scram),
    # as a council's server would ask
    (data / "pg_hba.conf").write_text(
        f"local all {SUPERUSER} trust\nlocal all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n"
    )


def _run_cluster(
    bin_dir: Path, folder: Path, owner: str | None, *, made: bool = False
) -> Generator[Cluster, None, None]:
    """Start the cluster in ``folder`` (made there first unless ``made``), yield it, stop it."""
    data, sockets = folder / "data", folder / "sockets"
    if not made:
        _initdb(bin_dir, folder, owner)
    port = free_port()
    options = (
        f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
        " -c full_page_writes=off -c password_encryption=scram-sha-256"
    )
    ctl = str(bin_dir / "pg_ctl")
    log = folder / "server.log"
    _run(
        _as_owner([ctl, "-D", str(data), "-o", options, "-l", str(log), "-w", "start"], owner),
        "pg_ctl start",
        log,
    )
    try:
        yield Cluster("127.0.0.1", port, sockets, data)
    finally:
        subprocess.run(
            _as_owner([ctl, "-D", str(data), "-m", "fast", "-w", "stop"], owner),
            check=False, capture_output=True, text=True,
        )  # fmt: skip


#: in a kept cluster's folder: written once what the caller put in it is complete (see :func:`kept_cluster`)
KEPT_MARK = "complete.json"


@contextlib.contextmanager
def kept_cluster(folder: Path) -> Iterator[tuple[Cluster, bool]]:
    """A cluster kept in ``folder`` between runs (the service benchmarks' published services, which take
    minutes to publish): started as it was left when ``folder`` holds :data:`KEPT_MARK`, else made anew there
    (a folder left without the mark, by a run cut off, is removed first). Yields the running cluster and whether
    it was kept; the caller writes the mark once it has filled a new one. Stopped at the end, never removed.
    A folder kept across a server upgrade is not reused: its PostgreSQL major version is part of the mark."""
    bin_dir = server_bin()
    owner = "postgres" if os.geteuid() == 0 else None
    kept = (folder / KEPT_MARK).exists() and (folder / "data" / "PG_VERSION").exists()
    if not kept:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    runner = _run_cluster(bin_dir, folder, owner, made=kept)
    cluster = next(runner)
    try:
        yield cluster, kept
    finally:
        runner.close()
