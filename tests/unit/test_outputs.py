"""No output overwrites anything by surprise: ``cowork export``, ``devlog`` and ``calendar`` refuse an existing
file unless ``--force``, and never write over a database (the open one, any SQLite or SQLCipher file, their
``-wal``/``-shm``/``-journal``), a backup or a certificate, not even with ``--force``. All on real files.

Also the app's one writer (:mod:`cowork_desktop.atomic`): whole or nothing, 0600 files, 0700 folders, no temporary
file left behind, never into a folder."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from helpers.cli import assert_one_line_error, run

from cowork_desktop import atomic
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.models import RecordKind, RecordStatus
from cowork_desktop.export.signing import create_certificate, load_signer
from cowork_desktop.services import files
from cowork_desktop.services.demo import MANAGER_NAME, load_demo
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store import backup, crypto
from cowork_desktop.store.opening import open_store

PASSPHRASE = "a long demo passphrase"
ENV = "COWORK_TEST_PASSPHRASE"
TODAY = "2026-11-23"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def temporary_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith((".part", ".tmp"))]


@dataclass(frozen=True)
class Demo:
    db: Path
    cert: Path
    signed: int
    draft: int
    records: int


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    folder = tmp_path_factory.mktemp("outputs")
    db = folder / "demo.db"
    with open_store(db) as store:
        load_demo(Workspace.open(store), date.fromisoformat(TODAY))
        found = [r for c in store.list_cases() for r in store.records_for_case(c.id)]
    signed = next(r.id for r in found if r.status == RecordStatus.SIGNED and r.kind == RecordKind.REVIEW)
    draft = next(r.id for r in found if r.status == RecordStatus.DRAFT)
    assert signed is not None and draft is not None
    cert = create_certificate(MANAGER_NAME, "Northshire", folder / "manager.p12", PASSPHRASE.encode())
    return Demo(db, cert, signed, draft, len(found))


@pytest.fixture
def demo(template: Demo, tmp_path: Path) -> Demo:
    """A copy of the demo database and certificate of its own for each test: a test that fails must not take
    the others' database with it."""
    work = tmp_path / "work"
    work.mkdir()
    db = work / "cowork.db"
    shutil.copy(template.db, db)
    cert = work / "manager.p12"
    shutil.copy(template.cert, cert)
    return Demo(db, cert, template.signed, template.draft, template.records)


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(ENV, PASSPHRASE)
    yield


@pytest.fixture
def umask_022() -> Iterator[None]:
    """A usual umask, so a mode of 0700/0600 shows the app set it (not the umask)."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def export_record(
    capsys: pytest.CaptureFixture[str], demo: Demo, out: Path, *extra: str
) -> tuple[int, str, str]:
    return run(
        capsys, "export", "--db", demo.db, "--record", demo.signed, "--out", out, "--cert", demo.cert,
        "--passphrase-env", ENV, *extra,
    )  # fmt: skip


def assert_database_intact(demo: Demo, before: bytes) -> None:
    assert demo.db.read_bytes()[:16] == crypto.SQLITE_HEADER
    with open_store(demo.db) as store:
        found = [r for c in store.list_cases() for r in store.records_for_case(c.id)]
        assert len(found) == demo.records
        assert store.get_record(demo.signed).status == RecordStatus.SIGNED
    assert len(demo.db.read_bytes()) >= len(before) // 2  # still the database, not a PDF


# ------------------------------------------------------------------------------------- the database


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_export_onto_the_database_is_refused_and_it_still_opens(
    demo: Demo, capsys: pytest.CaptureFixture[str], env: None, force: list[str]
) -> None:
    """The attack: ``cowork export --db x.db --record 1 --out x.db`` used to replace the database with a PDF."""
    before = demo.db.read_bytes()
    code, out, err = export_record(capsys, demo, demo.db, *force)
    assert (code, out) == (1, "")
    assert_one_line_error(err, str(demo.db), "is the open cowork database", "never writes over it")
    if force:
        assert "--force never overrides this" in err
    code, _, err = run(
        capsys, "export", "--db", demo.db, "--record", demo.draft, "--out", demo.db, "--draft", *force
    )
    assert code == 1
    assert_one_line_error(err, "is the open cowork database")
    assert_database_intact(demo, before)
    assert temporary_files(demo.db.parent) == []


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_export_onto_the_database_s_companions_is_refused_even_with_force(
    demo: Demo, capsys: pytest.CaptureFixture[str], env: None, suffix: str
) -> None:
    companion = demo.db.with_name(demo.db.name + suffix)
    code, _, err = export_record(capsys, demo, companion, "--force")
    assert code == 1
    assert_one_line_error(err, str(companion), f"of the database {demo.db.name}")
    assert not companion.exists() or companion.read_bytes()[:4] != b"%PDF"
    assert_database_intact(demo, demo.db.read_bytes())


def test_export_onto_another_database_is_refused_by_its_content(
    demo: Demo, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    """Whatever its name: a copy of a database called ``notes.pdf`` is still children's records."""
    disguised = demo.db.parent / "notes.pdf"
    shutil.copy(demo.db, disguised)
    before = disguised.read_bytes()
    code, _, err = export_record(capsys, demo, disguised, "--force")
    assert code == 1
    assert_one_line_error(err, str(disguised), "is an SQLite database")
    assert disguised.read_bytes() == before


@pytest.mark.skipif(not crypto.available(), reason="SQLCipher is not available here")
def test_export_onto_an_encrypted_database_is_refused(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    encrypted = tmp_path / "secret.db"
    with open_store(encrypted, passphrase="an encrypted test database"):
        pass
    before = encrypted.read_bytes()
    code, _, err = export_record(capsys, demo, encrypted, "--force")
    assert code == 1
    assert_one_line_error(err, str(encrypted), "encrypted cowork database")
    assert encrypted.read_bytes() == before
    assert files.protected_file(encrypted) is not None


# --------------------------------------------------------------------------------------- a PDF already there


def test_an_existing_pdf_is_kept_without_force_and_replaced_with_it(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    target = tmp_path / "note.pdf"
    target.write_bytes(b"%PDF-1.7 an earlier export\n")
    code, out, err = export_record(capsys, demo, target)
    assert (code, out) == (1, "")
    assert_one_line_error(err, str(target), "already exists", "--force")
    assert target.read_bytes() == b"%PDF-1.7 an earlier export\n"

    code, out, err = export_record(capsys, demo, target, "--force")
    assert (code, err) == (0, "")
    assert str(target) in out
    assert target.read_bytes().startswith(b"%PDF") and len(target.read_bytes()) > 10_000
    assert mode(target) == 0o600
    code, out, _ = run(capsys, "verify", target, "--db", demo.db)
    assert code == 0 and out.endswith("Result: valid\n")
    assert temporary_files(tmp_path) == []


def test_into_a_folder_the_usual_name_is_checked_too(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    code, _, err = export_record(capsys, demo, folder)
    assert (code, err) == (0, "")
    (made,) = folder.iterdir()
    first = made.read_bytes()
    code, _, err = export_record(capsys, demo, folder)
    assert code == 1
    assert_one_line_error(err, str(made), "already exists", "--force")
    assert made.read_bytes() == first


# ----------------------------------------------------------------------------------- backups and certificates


def test_export_onto_a_backup_is_refused_even_with_force(
    demo: Demo, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    with open_store(demo.db) as store:
        taken = backup.take(store, backup.MANUAL).path
    before = taken.read_bytes()
    code, _, err = export_record(capsys, demo, taken, "--force")
    assert code == 1
    assert_one_line_error(err, str(taken), "backup")
    assert taken.read_bytes() == before
    # by its name and place too, before it holds anything: a backup being made, or one cut short
    for name in ("cowork-20261123T101500Z-daily.db", "anything.db"):
        path = taken.parent / name
        path.touch()
        code, _, err = export_record(capsys, demo, path, "--force")
        assert code == 1
        assert_one_line_error(err, str(path), "is a backup of a cowork database")
        assert path.read_bytes() == b""


def test_export_onto_a_certificate_is_refused_even_with_force(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    before = demo.cert.read_bytes()
    code, _, err = export_record(capsys, demo, demo.cert, "--force")
    assert code == 1
    assert_one_line_error(err, str(demo.cert), "signing certificate")
    assert demo.cert.read_bytes() == before
    # by content, whatever the name
    renamed = tmp_path / "keys.pdf"
    shutil.copy(demo.cert, renamed)
    code, _, err = export_record(capsys, demo, renamed, "--force")
    assert code == 1
    assert_one_line_error(err, str(renamed), "signing certificate (PKCS#12")
    assert load_signer(renamed, PASSPHRASE.encode()).common_name == MANAGER_NAME


def test_cert_new_never_replaces_a_database(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    code, _, err = run(
        capsys, "cert", "new", "--name", "A B", "--out", demo.db, "--force", "--passphrase-env", ENV
    )
    assert code == 2
    assert_one_line_error(err, ".p12")
    disguised = tmp_path / "old.p12"
    shutil.copy(demo.db, disguised)
    before = disguised.read_bytes()
    code, _, err = run(
        capsys, "cert", "new", "--name", "A B", "--out", disguised, "--force", "--passphrase-env", ENV
    )
    assert code == 1
    assert_one_line_error(err, str(disguised), "SQLite database")
    assert disguised.read_bytes() == before
    assert not disguised.with_suffix(".crt").exists()


# ------------------------------------------------------------------------------------------ a whole case


def test_a_whole_case_takes_a_folder_not_a_pdf_name(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    target = tmp_path / "case.pdf"
    code, out, err = run(
        capsys, "export", "--db", demo.db, "--case", "CR-2026-0107", "--all", "--out", target,
        "--cert", demo.cert, "--passphrase-env", ENV,
    )  # fmt: skip
    assert (code, out) == (2, "")
    assert_one_line_error(err, str(target), "into a folder", f"--out {tmp_path / 'case'}")
    assert list(tmp_path.iterdir()) == [demo.db.parent]
    # a folder whose name ends in .pdf is still a folder
    (tmp_path / "odd.pdf").mkdir()
    code, _, err = run(
        capsys, "export", "--db", demo.db, "--case", "CR-2026-0107", "--all", "--out", tmp_path / "odd.pdf",
        "--cert", demo.cert, "--passphrase-env", ENV,
    )  # fmt: skip
    assert (code, err) == (0, "")


@pytest.mark.slow  # over 0.7 s; make test runs it
def test_a_whole_case_refuses_existing_files_all_or_nothing(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], env: None, umask_022: None
) -> None:
    folder = tmp_path / "made" / "for" / "case"
    case = ("--case", "CR-2026-0107", "--all")  # every record of the case
    argv = ["export", *case, "--db", demo.db, "--out", folder, "--cert", demo.cert]
    code, _, err = run(capsys, *argv, "--passphrase-env", ENV)
    assert (code, err) == (0, "")
    made = sorted(folder.iterdir())
    assert len(made) == 4
    # the folders it made are private, and so are the files
    for created in (tmp_path / "made", tmp_path / "made" / "for", folder):
        assert mode(created) == 0o700, created
    assert all(mode(p) == 0o600 for p in made)

    # one file there already: refused before anything is signed or written, the others not made
    keep = made[1].read_bytes()
    for path in made:
        if path != made[1]:
            path.unlink()
    code, out, err = run(capsys, *argv, "--passphrase-env", ENV)
    assert (code, out) == (1, "")
    assert_one_line_error(err, str(made[1]), "already exists", "--force")
    assert sorted(folder.iterdir()) == [made[1]] and made[1].read_bytes() == keep

    code, _, err = run(capsys, *argv, "--passphrase-env", ENV, "--force")
    assert (code, err) == (0, "")
    assert sorted(folder.iterdir()) == made and made[1].read_bytes() != keep
    assert temporary_files(tmp_path) == []


# ----------------------------------------------------------------------------------------- devlog, calendar


def test_devlog_onto_an_existing_file(demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "log.pdf"
    target.write_bytes(b"%PDF an older log")
    argv = ["devlog", "--db", demo.db, "--worker", "Mei Lin Chen", "--out", target, "--unsigned"]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "")
    assert_one_line_error(err, str(target), "already exists", "--force")
    assert target.read_bytes() == b"%PDF an older log"
    code, out, err = run(capsys, *argv, "--force")
    assert (code, err) == (0, "")
    assert target.read_bytes().startswith(b"%PDF-") and mode(target) == 0o600

    disguised = tmp_path / "copy.pdf"
    shutil.copy(demo.db, disguised)
    code, _, err = run(
        capsys,
        "devlog",
        "--db",
        demo.db,
        "--worker",
        "Mei Lin Chen",
        "--out",
        disguised,
        "--unsigned",
        "--force",
    )
    assert code == 1
    assert_one_line_error(err, "is an SQLite database", "--force never overrides this")


def test_calendar_onto_an_existing_file(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "team.ics"
    target.write_bytes(b"BEGIN:VCALENDAR\r\nan older calendar\r\n")
    argv = ["calendar", "--db", demo.db, "--on", TODAY, "--out", target]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "")
    assert_one_line_error(err, str(target), "already exists", "--force")
    assert b"an older calendar" in target.read_bytes()
    code, out, err = run(capsys, *argv, "--force")
    assert (code, err) == (0, "")
    assert b"an older calendar" not in target.read_bytes() and mode(target) == 0o600

    disguised = tmp_path / "old.ics"
    shutil.copy(demo.db, disguised)
    before = disguised.read_bytes()
    code, _, err = run(capsys, "calendar", "--db", demo.db, "--on", TODAY, "--out", disguised, "--force")
    assert code == 1
    assert_one_line_error(err, str(disguised), "is an SQLite database")
    assert disguised.read_bytes() == before


def test_the_new_flags_are_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("export", "devlog", "calendar"):
        code, out, _ = run(capsys, command, "--help")
        assert code == 0 and "--force" in out and "never a database" in " ".join(out.split()), command


# -------------------------------------------------------------------------------------------- the one writer


def test_the_writer_refuses_an_existing_file_unless_asked_to_replace(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "out.txt"
    assert atomic.write_atomic(target, b"first") == target
    assert target.read_bytes() == b"first" and mode(target) == 0o600
    with pytest.raises(atomic.OutputExists, match="already exists"):
        atomic.write_atomic(target, b"second")
    assert target.read_bytes() == b"first"
    atomic.write_atomic(target, b"second", replace=True)
    assert target.read_bytes() == b"second" and mode(target) == 0o600
    # a dangling symbolic link is a name taken too
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "nowhere")
    with pytest.raises(atomic.OutputExists):
        atomic.write_atomic(link, b"x")
    assert temporary_files(tmp_path) == []


def test_the_writer_never_writes_into_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    link = tmp_path / "to-folder"
    link.symlink_to(folder, target_is_directory=True)
    for target in (folder, link):
        for replace in (False, True):
            with pytest.raises(CoworkError, match="it is a folder"):
                atomic.write_atomic(target, b"x", replace=replace)
    assert list(folder.iterdir()) == [] and link.is_symlink()
    assert temporary_files(tmp_path) == []


@pytest.mark.parametrize("replace", [False, True])
def test_the_writer_removes_its_temporary_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, replace: bool
) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    monkeypatch.setattr(os, "link", fail)
    target = tmp_path / "out.pdf"
    with pytest.raises(CoworkError, match=f"cannot write to {tmp_path}: no space left on device"):
        atomic.write_atomic(target, b"%PDF", replace=replace)
    assert list(tmp_path.iterdir()) == []


def test_the_writer_without_hard_links_still_never_overwrites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a file system without hard links (FAT, some shares) the name is reserved with O_EXCL instead."""

    def no_links(*_args: object, **_kwargs: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "out.pdf"
    atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and mode(target) == 0o600
    with pytest.raises(atomic.OutputExists):
        atomic.write_atomic(target, b"other")
    assert target.read_bytes() == b"new" and temporary_files(tmp_path) == []


def test_folders_the_app_makes_are_private(tmp_path: Path, umask_022: None) -> None:
    (tmp_path / "there").mkdir(mode=0o755)
    made = atomic.make_private_folders(tmp_path / "there" / "a" / "b")
    assert made == [tmp_path / "there" / "a", tmp_path / "there" / "a" / "b"]
    assert all(mode(p) == 0o700 for p in made)
    assert mode(tmp_path / "there") == 0o755  # not the app's: left as it was
    assert atomic.make_private_folders(tmp_path / "there" / "a" / "b") == []
    (tmp_path / "file").write_text("x")
    with pytest.raises(CoworkError, match="is not a folder"):
        atomic.make_private_folders(tmp_path / "file" / "sub")


def test_a_new_certificate_is_private_in_a_private_folder(tmp_path: Path, umask_022: None) -> None:
    path = create_certificate("A B", "", tmp_path / "keys" / "mine.p12", b"a long passphrase")
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    assert mode(path.with_suffix(".crt")) == 0o600
    with pytest.raises(CoworkError, match="already exists"):
        create_certificate("A B", "", path, b"a long passphrase")
    assert temporary_files(tmp_path) == []


def test_what_is_protected(tmp_path: Path) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("notes")
    assert files.protected_file(plain) is None
    assert files.protected_file(tmp_path / "new.pdf") is None
    wal = tmp_path / "log.bin"
    wal.write_bytes(bytes.fromhex("377f0682") + b"\0" * 60)
    assert "write-ahead log" in (files.protected_file(wal) or "")
    p12 = tmp_path / "blank.pfx"
    p12.write_bytes(b"")
    assert "signing certificate" in (files.protected_file(p12) or "")
    assert files.protected_file(p12, certificates=False) is None
    assert "not a regular file" in (files.protected_file(Path("/dev/null")) or "")
    with pytest.raises(files.ProtectedFile, match="never writes over it"):
        files.check_target(Path("/dev/null"), replace=True)
