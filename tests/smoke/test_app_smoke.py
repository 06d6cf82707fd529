"""The GUI as a user starts it: a fresh process, a new database, the first window painted, then it quits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.db_damage import damage_table
from helpers.processes import run_process

# The app runs in a child process: Qt, and a few seconds each.
pytestmark = [pytest.mark.gui, pytest.mark.slow]


def run_app(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``python *argv`` with the app's environment: Qt offscreen, a data folder in ``tmp_path``; at most 60 s."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COWORK_DATA_DIR": str(tmp_path / "data")}
    return run_process([sys.executable, *argv], env=env, timeout=60)


def test_app_starts_on_a_new_database_and_quits_by_itself(tmp_path: Path) -> None:
    db = tmp_path / "smoke.db"
    shot = tmp_path / "shot.png"
    done = run_app(
        tmp_path, "-m", "cowork_desktop", "--db", str(db), "--quit-after", "300", "--screenshot", str(shot)
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert db.exists() and (db.stat().st_mode & 0o777) == 0o600
    assert shot.exists() and shot.stat().st_size > 1000
    assert (shot.stat().st_mode & 0o777) == 0o600  # owner-only, like every file the app writes


def test_start_up_does_not_load_the_pdf_and_signing_libraries(tmp_path: Path) -> None:
    """The first screen needs none of reportlab, pikepdf or pyHanko (about a second of imports): they load
    when a PDF is first made (the first start's welcome, which creates the certificate, is the exception)."""
    from cowork_desktop.store.opening import open_store

    with open_store(tmp_path / "d.db") as store:
        store.set_setting("manager_name", "Amara Okafor")
    script = (
        "import sys\n"
        "from cowork_desktop import app\n"
        f"rc = app.main(['--db', {str(tmp_path / 'd.db')!r}, '--quit-after', '50'])\n"
        "print(rc, sorted(m for m in ('pyhanko', 'reportlab', 'pikepdf') if m in sys.modules))\n"
    )
    done = run_app(tmp_path, "-c", script)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "0 []"


@pytest.mark.parametrize(
    "table",
    [
        "workers",  # read while the first screen is built: caught there
        "audit_log",  # read by nothing on screen: caught by the page check just after the first paint
    ],
)
def test_a_large_file_checked_after_the_first_paint_is_still_refused_unchanged(
    tmp_path: Path, table: str
) -> None:
    """The page check runs just after the first paint, on a thread of its own (start-up speed; every file now,
    whatever its size): a damaged page found then, or while the first screen is built, closes the app with the
    one-line message, and the file is not modified."""
    from cowork_desktop.domain.models import Role, Worker
    from cowork_desktop.store.opening import open_store

    db = tmp_path / "big.db"
    with open_store(db) as store:
        store.set_setting("manager_name", "Amara Okafor")
        store.add_worker(Worker("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER))
    for side in (db.with_name("big.db-wal"), db.with_name("big.db-shm")):
        side.unlink(missing_ok=True)
    damage_table(db, table)
    before = db.read_bytes()
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QMessageBox\n"
        "from cowork_desktop import app\n"
        "def critical(_parent, _title, text, *a, **k):\n"
        "    print('MESSAGE:', text)\n"
        "    return QMessageBox.StandardButton.Ok\n"
        "QMessageBox.critical = staticmethod(critical)\n"
        f"rc = app.main(['--db', {str(db)!r}, '--quit-after', '3000'])\n"
        "print('RC', rc)\n"
    )
    done = run_app(tmp_path, "-c", script)
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[-1] == "RC 1", done.stdout
    messages = [line for line in lines if line.startswith("MESSAGE:")]
    assert len(messages) == 1 and "damaged" in messages[0] and "big.db" in messages[0]
    assert db.read_bytes() == before
