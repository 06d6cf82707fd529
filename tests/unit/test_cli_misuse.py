"""The ``cowork`` command, misused: each refusal is one line, and nothing is lost or changed.

Restores while the app holds the database, of another database's backup, from a folder; a database left readable
by others; a missing database beside the file a restore kept; dates far outside the app's range; a read-only
folder (run as an unprivileged user when the tests run as root, since root can write anywhere); the log.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers.cli import run
from helpers.demo import copy_database
from helpers.files import sha256

from cowork_desktop.domain.models import Role, Worker
from cowork_desktop.store import backup
from cowork_desktop.store.opening import open_store


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    return copy_database(demo_template, tmp_path / "team" / "cowork.db")  # `cowork demo --today 2026-11-23`


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from cowork_desktop.store.owner import OwnerLock
    lock = OwnerLock.acquire(Path(sys.argv[1]), program="cowork-desktop")
    print("held", flush=True)
    time.sleep(60)
    """
)


@pytest.fixture
def app_holds(demo_db: Path) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(demo_db)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield proc
    proc.kill()
    proc.wait()
    proc.stdout.close()


def test_restore_while_the_app_holds_the_database_is_refused(
    demo_db: Path, app_holds: subprocess.Popen[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "backup", "--db", demo_db)  # other commands still work beside the app (WAL)
    assert code == 0
    (taken,) = backup.list_backups(demo_db)
    before = sha256(demo_db)
    code, out, err = run(capsys, "restore", "--db", demo_db, "--from", taken.path)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert f"is open in cowork-desktop (process {app_holds.pid}, since " in err
    assert "close it there before restoring a backup; nothing was changed" in err
    assert sha256(demo_db) == before and not list(demo_db.parent.glob("*.before-restore-*"))


def test_passphrase_change_is_refused_while_the_app_holds_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cowork_desktop.store import crypto

    if crypto.unavailable_reason() is not None:
        pytest.skip("SQLCipher is not available here")
    db = tmp_path / "secret.db"
    monkeypatch.setenv("OLD_PASS", "an old passphrase here")
    monkeypatch.setenv("NEW_PASS", "a new passphrase here")
    assert run(capsys, "init", "--db", db, "--encrypt", "--passphrase-env", "OLD_PASS")[0] == 0
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        code, out, err = run(
            capsys,
            "passphrase",
            "change",
            "--db",
            db,
            "--passphrase-env",
            "OLD_PASS",
            "--new-passphrase-env",
            "NEW_PASS",
        )
        assert code == 1 and out == "" and err.count("\n") == 1
        assert "close it there before changing the passphrase; nothing was changed" in err
    finally:
        proc.kill()
        proc.wait()
        assert proc.stdout is not None
        proc.stdout.close()
    assert crypto.passphrase_opens(db, "an old passphrase here")


def test_restore_of_another_databases_backup_needs_force(
    tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other" / "cowork.db"
    other.parent.mkdir()
    with open_store(other, actor="test") as s:
        s.add_worker(Worker("Someone else's worker", Role.ASYE))
        theirs = backup.take(s, backup.MANUAL)
    before = sha256(demo_db)
    code, out, err = run(capsys, "restore", "--db", demo_db, "--from", theirs.path)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert f"{theirs.path.name} is a backup of another database ({other.resolve()}), not of {demo_db}" in err
    assert "nothing was restored (--force restores it anyway)" in err
    assert sha256(demo_db) == before
    code, out, err = run(capsys, "restore", "--db", demo_db, "--from", theirs.path, "--force")
    assert code == 0 and err == ""
    assert "Restored with --force: " in out and "is a backup of another database" in out
    with open_store(demo_db) as s:
        assert [w.name for w in s.list_workers()] == ["Someone else's worker"]


def test_restore_says_how_old_the_backup_is_and_what_it_lacks(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(demo_db) as s:
        taken = backup.take(s, backup.MANUAL, now=datetime.now(UTC) - timedelta(days=3))
        drafts = s.db.execute("SELECT count(*) FROM records WHERE status <> 'signed'").fetchone()[0]
        s.add_worker(Worker("Added after the backup", Role.ASYE))
    code, out, err = run(capsys, "restore", "--db", demo_db, "--from", taken.path)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == f"Restored {taken.path} to {demo_db}"
    assert lines[1].startswith(f"The backup {taken.path.name} was taken 3 days ago (")
    assert lines[2] == "Everything signed or drafted in the database now is in the backup."
    assert lines[3].startswith("The database it replaced was kept as ") and drafts >= 1


def test_restore_from_a_folder_is_one_sentence(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = demo_db.parent / "backups"
    folder.mkdir(exist_ok=True)
    code, out, err = run(capsys, "restore", "--db", demo_db, "--from", folder)
    assert code == 1 and out == ""
    assert err == f"cowork: error: {folder} is a folder: give one backup file in it (the names end in .db)\n"


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_a_database_readable_by_others_is_tightened_with_a_note(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.chmod(demo_db, 0o644)
    code, out, err = run(capsys, "cases", "--db", demo_db)
    assert code == 0 and "CR-2026-0101" in out
    assert err == (
        f"cowork: {demo_db} could be read by other users of this computer (mode 644); it is now yours only (600)\n"
    )
    assert stat.S_IMODE(demo_db.stat().st_mode) == 0o600


def test_a_missing_database_beside_the_kept_file_is_never_made_empty(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "backup", "--db", demo_db)[0] == 0
    (taken,) = backup.list_backups(demo_db)
    assert run(capsys, "restore", "--db", demo_db, "--from", taken.path)[0] == 0
    demo_db.unlink()
    for command in (["cases"], ["demo"], ["init"]):
        code, _out, err = run(capsys, *command, "--db", demo_db)
        assert code == 1 and err.count("\n") == 1, (command, err)
        assert "beside it is the database a restore moved aside" in err or "already exists" in err
        assert not demo_db.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["drift", "--on", "9999-12-31"],
        ["due", "--on", "1899-01-01"],
        ["retention", "--on", "9999-12-31"],
    ],
)
def test_dates_outside_the_range_are_one_line(
    demo_db: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    before = sha256(demo_db)
    code, out, err = run(capsys, argv[0], "--db", demo_db, *argv[1:])
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "outside the dates this app works with: use a date from 2000-01-01 to 2100-12-31" in err
    assert "Overflow" not in err and sha256(demo_db) == before


def test_an_unexpected_error_is_in_the_log_not_on_screen(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cowork_desktop.cli import team

    def broken(*_a: object, **_k: object) -> int:
        raise ZeroDivisionError("a bug, with passphrase correct horse in it")

    monkeypatch.setenv("SECRET_PASSPHRASE", "correct horse")
    monkeypatch.setattr(team, "cmd_cases", broken)  # the parser is built by main(): it takes this one
    code, _out, err = run(capsys, "cases", "--db", demo_db)
    log = Path(os.environ["COWORK_DATA_DIR"]) / "logs" / "cowork.log"
    assert code == 1 and err.count("\n") == 1 and f"(details are in {log})" in err
    text = log.read_text(encoding="utf-8")
    assert "ZeroDivisionError" in text and "correct horse" not in text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


# -- a read-only folder ---------------------------------------------------------------------------------------------

NOBODY = 65534


def _as_unprivileged(*argv: str, data: Path) -> subprocess.CompletedProcess[str]:
    """Run ``cowork`` as a user without write access (root writes anywhere, so the tests drop to 'nobody')."""
    env = {**os.environ, "COWORK_DATA_DIR": str(data), "HOME": str(data)}
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv")
        prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    return subprocess.run(
        [*prefix, sys.executable, "-m", "cowork_desktop.cli", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def open_tmp() -> Iterator[Path]:
    """A folder another user can reach (pytest's own are under a 0700 folder of root's)."""
    with tempfile.TemporaryDirectory(prefix="cowork-ro-") as name:
        os.chmod(name, 0o755)
        yield Path(name)


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_a_read_only_folder_reads_and_refuses_writes_in_one_line(
    open_tmp: Path, demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tmp_path = open_tmp
    folder = tmp_path / "readonly"
    folder.mkdir()
    db = folder / "cowork.db"
    shutil.copyfile(demo_db, db)  # a closed database: no -wal beside it
    data = tmp_path / "nobody-data"
    data.mkdir()
    for path in (folder, db, data):
        if os.geteuid() == 0:
            os.chown(path, NOBODY, NOBODY)
    os.chmod(db, 0o400)
    os.chmod(folder, 0o500)
    before = sha256(db)
    try:
        listed = _as_unprivileged("cases", "--db", str(db), data=data)
        assert listed.returncode == 0, listed.stderr
        assert "CR-2026-0101" in listed.stdout and listed.stderr == ""
        refused = _as_unprivileged("settings", "--db", str(db), "--set", "idle_lock_minutes=5", data=data)
        assert refused.returncode == 1 and refused.stderr.count("\n") == 1, refused.stderr
        assert refused.stderr == (
            f"cowork: error: {db}: the database cannot be written here (its folder {folder} is read-only here); "
            "nothing was saved\n"
        )
        assert "unable to open database file" not in refused.stderr
    finally:
        os.chmod(folder, 0o700)
        os.chmod(db, 0o600)
    assert sha256(db) == before and sorted(p.name for p in folder.iterdir()) == ["cowork.db"]
