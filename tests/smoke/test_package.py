"""The PyInstaller bundle in dist/cowork-desktop/ (built by ``make package``), run as a manager would run it.

Every command runs from a temporary folder with a bare environment (no PYTHONPATH, no virtualenv, no repo on
the path), so a pass shows the bundle carries its own Python, Qt, forms, resources and fonts. Also checks the
Linux desktop metadata (.desktop file, AppStream) and that the version has one source.

The bundle tests are skipped when dist/cowork-desktop/ has not been built; build it with ``make package``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import pytest
from helpers.processes import run_process

import cowork_desktop

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "cowork-desktop"
EXE = ".exe" if os.name == "nt" else ""
CLI = BUNDLE / f"cowork{EXE}"
GUI = BUNDLE / f"cowork-desktop{EXE}"
APP_ID = "io.github.cowork.CoworkDesktop"
DESKTOP_FILE = ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"
PASSPHRASE_VAR = "COWORK_SMOKE_PASSPHRASE"

needs_bundle = pytest.mark.skipif(
    not (CLI.is_file() and GUI.is_file()),
    reason=f"no bundle in {BUNDLE}: build it with `make package`",
)


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment with nothing from this checkout or its virtualenv: only what a desktop session has."""
    env = {
        "PATH": os.pathsep.join(["/usr/bin", "/bin"]) if os.name != "nt" else os.environ.get("PATH", ""),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "COWORK_DATA_DIR": str(home / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    if os.name == "nt":
        env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", r"C:\Windows")
        env["USERPROFILE"] = str(home)
    (home / "runtime").mkdir(mode=0o700, exist_ok=True)
    env.update(extra)
    return env


def run(exe: Path, args: Sequence[str | Path], cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    return run_process([exe, *args], cwd=cwd, env=bare_env(cwd, **extra), timeout=180)


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, f"exit {done.returncode}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bundle")
    db = folder / "d.db"
    out = ok(run(CLI, ["demo", "--db", db], folder))
    assert "12 demo case(s) added" in out
    return db


# ------------------------------------------------------------------------------------------------ bundle


@needs_bundle
def test_bundle_contents() -> None:
    internal = BUNDLE / "_internal"
    for relative in ("forms", "resources", "resources/icons/cowork.svg", "resources/fonts/OFL.txt"):
        assert (internal / relative).exists(), relative
    for font in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoNaskhArabic-Regular.ttf"):
        assert (internal / "resources" / "fonts" / font).is_file(), font
    assert sorted(p.name for p in (internal / "forms").glob("*.toml")) == sorted(
        p.name for p in (ROOT / "forms").glob("*.toml")
    )


@needs_bundle
def test_version_is_the_package_version(tmp_path: Path) -> None:
    out = ok(run(CLI, ["--version"], tmp_path))
    assert out.strip() == f"cowork {cowork_desktop.__version__}", (
        f"{out!r}: the bundle is stale, rebuild it with `make package`"
    )


@needs_bundle
def test_demo_and_due(demo_db: Path) -> None:
    items = json.loads(ok(run(CLI, ["due", "--db", demo_db, "--json"], demo_db.parent)))["items"]
    assert {i["severity"] for i in items} >= {"urgent", "overdue"}
    cases = json.loads(ok(run(CLI, ["cases", "--db", demo_db, "--json"], demo_db.parent)))["cases"]
    assert len(cases) == 12


@needs_bundle
def test_encrypted_database(tmp_path: Path) -> None:
    db = tmp_path / "enc.db"
    secret = {PASSPHRASE_VAR: "a long smoke-test passphrase"}
    ok(run(CLI, ["demo", "--db", db, "--encrypt", "--passphrase-env", PASSPHRASE_VAR], tmp_path, **secret))
    assert not db.read_bytes().startswith(b"SQLite format 3")
    cases = ok(
        run(CLI, ["cases", "--db", db, "--json", "--passphrase-env", PASSPHRASE_VAR], tmp_path, **secret)
    )
    assert len(json.loads(cases)["cases"]) == 12


@needs_bundle
def test_certificate_export_and_verify(demo_db: Path, tmp_path: Path) -> None:
    """Signing pulls in pyHanko, cryptography, pikepdf, reportlab and the fonts: the bundle must carry them."""
    secret = {PASSPHRASE_VAR: "a long smoke-test passphrase"}
    cert = tmp_path / "manager.p12"
    ok(
        run(
            CLI,
            # in the name of the demo's manager, who signed its records (a certificate in another name is refused)
            ["cert", "new", "--name", "Amara Okafor", "--out", cert, "--passphrase-env", PASSPHRASE_VAR],
            tmp_path,
            **secret,
        )
    )
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    # CR-2026-0107 has signed records and a co-worker with an Arabic name (Noto Naskh Arabic)
    args: list[str | Path] = [
        "export",
        "--db",
        demo_db,
        "--case",
        "CR-2026-0107",
        "--all",
        "--out",
        out_dir,
        "--cert",
        cert,
    ]
    ok(run(CLI, [*args, "--passphrase-env", PASSPHRASE_VAR], tmp_path, **secret))
    pdfs = sorted(out_dir.glob("*.pdf"))
    assert pdfs, "nothing exported"
    for pdf in pdfs:
        report = json.loads(ok(run(CLI, ["verify", "--db", demo_db, "--json", pdf], tmp_path)))
        assert (report["schema"], report["command"], report["result"]) == (1, "verify", "valid"), report
        assert report["record"]["matches_database"] is True and report["signer"]["name"] == "Amara Okafor"

    import pikepdf

    fonts: set[str] = set()
    with pikepdf.open(pdfs[0]) as opened:
        for obj in opened.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.Font:
                fonts.add(str(obj.get("/BaseFont", "")))
    assert any("NotoSans" in f for f in fonts), fonts
    assert any("NotoNaskhArabic" in f for f in fonts), fonts


@needs_bundle
@pytest.mark.gui
@pytest.mark.skipif(sys.platform == "darwin", reason="the macOS GUI runs from the .app bundle")
def test_gui_starts_offscreen_and_closes_itself(demo_db: Path, tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    done = run(GUI, ["--db", demo_db, "--quit-after", "1500", "--screenshot", shot], tmp_path)
    ok(done)
    assert shot.is_file() and shot.stat().st_size > 10_000, "the window was not drawn"


# ----------------------------------------------------------------------------------- metadata, version


def test_desktop_file() -> None:
    text = DESKTOP_FILE.read_text(encoding="utf-8")
    assert "Exec=cowork-desktop" in text and f"Icon={APP_ID}" in text
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate not installed (Debian: desktop-file-utils)")
    done = subprocess.run([validate, str(DESKTOP_FILE)], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_appstream_metainfo() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP_FILE.name
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == cowork_desktop.__version__, (
        "add a <release> for the new version to the AppStream metainfo (see docs/packaging.md)"
    )
    appstreamcli = shutil.which("appstreamcli")
    if appstreamcli is None:
        pytest.skip("appstreamcli not installed (Debian: appstream)")
    done = subprocess.run(
        [appstreamcli, "validate", "--no-net", "--pedantic", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_version_has_one_source() -> None:
    """The spec and the installer script take the version from cowork_desktop/__init__.py, never their own."""
    spec = (ROOT / "packaging" / "cowork.spec").read_text(encoding="utf-8")
    assert "__version__" in spec
    iss = (ROOT / "packaging" / "windows" / "cowork.iss").read_text(encoding="utf-8")
    assert re.search(r"^#define\s+AppVersion\s+\"", iss, re.MULTILINE) is None, (
        "the .iss must not pin a version"
    )
    assert "#ifndef AppVersion" in iss


@needs_bundle
@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the throwaway PostgreSQL server is Debian's")
def test_the_bundle_publishes_to_a_postgresql_service(demo_db: Path, tmp_path: Path) -> None:
    """psycopg and its libpq travel in the bundle (issue 17): the bundled `cowork` makes the service's schema,
    a login for a team, and publishes the demo's signed records as that login, on a real PostgreSQL server."""
    import psycopg

    from benchmarks.pg import throwaway_cluster

    with throwaway_cluster() as cluster:
        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE cowork_bundle")
        admin = cluster.url(dbname="cowork_bundle")
        assert "applied m001_initial" in ok(run(CLI, ["service", "init", "--url", admin], tmp_path))
        team = "Assessment Team 2"
        secret = {"BUNDLE_PG_PASSWORD": "pw-bundle-manager"}
        argv = [
            "service",
            "user",
            "add",
            "bundle_manager",
            "--team",
            team,
            "--password-env",
            "BUNDLE_PG_PASSWORD",
        ]
        ok(run(CLI, [*argv, "--url", admin], tmp_path, **secret))
        url = cluster.url("bundle_manager", "cowork_bundle")
        done = run(
            CLI,
            ["publish", "--db", demo_db, "--url", url, "--json"],
            tmp_path,
            PGPASSWORD="pw-bundle-manager",
        )
        report = json.loads(ok(done))
        assert report["schema"] == 1 and report["command"] == "publish"
        assert report["ok"] and report["sent"] > 0 and sum(report["written"].values()) > 0, report
