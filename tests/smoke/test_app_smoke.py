"""The GUI as a user starts it: a fresh process, a new database, the first window painted, then it quits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_app_starts_on_a_new_database_and_quits_by_itself(tmp_path: Path) -> None:
    db = tmp_path / "smoke.db"
    shot = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COWORK_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "cowork_desktop",
            "--db",
            str(db),
            "--quit-after",
            "300",
            "--screenshot",
            str(shot),
        ],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert db.exists() and (db.stat().st_mode & 0o777) == 0o600
    assert shot.exists() and shot.stat().st_size > 1000


def test_start_up_does_not_load_the_pdf_and_signing_libraries(tmp_path: Path) -> None:
    """The first screen needs none of reportlab, pikepdf or pyHanko (about a second of imports): they load
    when a PDF is first made (the first start's welcome, which creates the certificate, is the exception)."""
    from cowork_desktop.store.db import open_store

    with open_store(tmp_path / "d.db") as store:
        store.set_setting("manager_name", "Amara Okafor")
    script = (
        "import sys\n"
        "from cowork_desktop import app\n"
        f"rc = app.main(['--db', {str(tmp_path / 'd.db')!r}, '--quit-after', '50'])\n"
        "print(rc, sorted(m for m in ('pyhanko', 'reportlab', 'pikepdf') if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COWORK_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "0 []"
