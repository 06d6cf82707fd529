"""Encryption at rest (SQLCipher through sqlcipher3): what plain SQLite sees, what a wrong or missing passphrase
says, that nothing is modified on a refusal, re-keying, encrypted backups, and the ``cowork`` commands."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from helpers.cli import assert_one_line_error, run
from helpers.files import sha256

from cowork_desktop.domain.errors import (
    DamagedDatabase,
    EncryptionUnavailable,
    LockedRecordError,
    PassphraseRequired,
    StoreError,
    WrongPassphrase,
)
from cowork_desktop.domain.models import Case, Role, Worker
from cowork_desktop.store import backup, crypto
from cowork_desktop.store.opening import open_store

PASSPHRASE = "correct horse 'battery' staple — ünïcode"


@pytest.fixture
def encrypted_db(tmp_path: Path) -> Path:
    path = tmp_path / "secret.db"
    with open_store(path, passphrase=PASSPHRASE, actor="test") as s:
        s.add_worker(Worker("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER))
        s.add_case(Case("CR-2026-0900", 1, "AB"))
    return path


def test_sqlcipher_works_here() -> None:
    assert crypto.unavailable_reason() is None
    assert crypto.available()


def test_plain_sqlite_cannot_read_an_encrypted_database(encrypted_db: Path) -> None:
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(encrypted_db).execute("select * from sqlite_master")
    data = encrypted_db.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    for secret in (b"CR-2026-0900", "Zoë".encode(), PASSPHRASE.encode()):
        assert secret not in data
    assert crypto.is_encrypted(encrypted_db) and crypto.file_kind(encrypted_db) == "encrypted"
    assert stat.S_IMODE(os.stat(encrypted_db).st_mode) == 0o600


def test_it_opens_with_the_passphrase_with_the_same_pragmas(encrypted_db: Path, tmp_path: Path) -> None:
    plain = open_store(tmp_path / "plain.db")
    secret = open_store(encrypted_db, passphrase=PASSPHRASE, create=False)
    try:
        assert secret.encrypted and not plain.encrypted
        assert [w.name for w in secret.list_workers()] == ["Zoë Ó Súilleabháin"]
        for pragma in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout"):
            a = plain.db.execute(f"PRAGMA {pragma}").fetchone()[0]
            b = secret.db.execute(f"PRAGMA {pragma}").fetchone()[0]
            assert a == b, pragma
        assert secret.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert secret.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        plain.close()
        secret.close()


def test_no_passphrase_is_a_clear_refusal_and_nothing_changes(encrypted_db: Path) -> None:
    before = sha256(encrypted_db)
    for create in (True, False):
        with pytest.raises(
            PassphraseRequired, match="this database is encrypted: give its passphrase"
        ) as info:
            open_store(encrypted_db, create=create)
        assert str(encrypted_db) in str(info.value) and "\n" not in str(info.value)
    assert sha256(encrypted_db) == before


@pytest.mark.parametrize(
    "wrong", ["wrong", PASSPHRASE.upper(), PASSPHRASE + " ", "'; DROP TABLE workers; --"]
)
def test_a_wrong_passphrase_is_a_clear_refusal_and_nothing_changes(encrypted_db: Path, wrong: str) -> None:
    before = sha256(encrypted_db)
    with pytest.raises(WrongPassphrase, match="wrong passphrase for") as info:
        open_store(encrypted_db, passphrase=wrong)
    assert str(info.value) == f"wrong passphrase for {encrypted_db}"
    assert sha256(encrypted_db) == before


def test_garbage_with_a_passphrase_says_not_a_cowork_database_or_wrong_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"Name,Role\nZo\xc3\xab,senior\n" * 50)
    before = sha256(path)
    with pytest.raises(DamagedDatabase, match="not a cowork database, or the passphrase is wrong"):
        open_store(path, passphrase=PASSPHRASE)
    with pytest.raises(DamagedDatabase, match="not an SQLite database"):
        open_store(path)
    assert sha256(path) == before


def test_a_cut_short_encrypted_file_is_damaged_not_a_wrong_passphrase(encrypted_db: Path) -> None:
    data = encrypted_db.read_bytes()
    encrypted_db.write_bytes(data[: len(data) - 100])
    before = sha256(encrypted_db)
    for passphrase in (None, PASSPHRASE):
        with pytest.raises(DamagedDatabase, match="damaged"):
            open_store(encrypted_db, passphrase=passphrase)
    assert sha256(encrypted_db) == before


def test_bad_passphrases_are_refused_before_anything(tmp_path: Path) -> None:
    for bad in ("", "nul\x00inside"):
        with pytest.raises(StoreError):
            open_store(tmp_path / "x.db", passphrase=bad)
    assert not (tmp_path / "x.db").exists()


def test_a_passphrase_for_a_plain_database_is_not_needed(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    open_store(path).close()
    with open_store(path, passphrase="anything") as s:
        assert not s.encrypted


def test_locking_triggers_raise_sqlite3_errors_on_an_encrypted_database(encrypted_db: Path) -> None:
    """sqlcipher3's own exception classes are translated, so `except sqlite3.Error` works on both kinds."""
    with open_store(encrypted_db, passphrase=PASSPHRASE) as s:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            s.db.execute("DELETE FROM audit_log")
        s.db.conn.rollback()
        with pytest.raises(sqlite3.OperationalError, match="no such table"):
            list(s.db.query("SELECT * FROM nowhere"))
        with pytest.raises(LockedRecordError, match="append-only"), s.tx():
            s.db.execute("UPDATE audit_log SET actor = 'x'")
        assert len(s.audit_entries()) >= 2


@pytest.mark.slow  # over 0.7 s; make test runs it
def test_changing_the_passphrase_rekeys_the_database(encrypted_db: Path) -> None:
    new = "a much longer new passphrase"
    with open_store(encrypted_db, passphrase=PASSPHRASE) as s:
        with pytest.raises(WrongPassphrase):
            crypto.change_passphrase(s, "not it", new)
        crypto.change_passphrase(s, PASSPHRASE, new)
        s.add_worker(Worker("Priya Raman", Role.ASYE))
        entries = [e for e in s.audit_entries() if e["action"] == "rekey"]
        assert len(entries) == 1
        assert PASSPHRASE not in entries[0]["detail"] and new not in entries[0]["detail"]
    with pytest.raises(WrongPassphrase):
        open_store(encrypted_db, passphrase=PASSPHRASE)
    with open_store(encrypted_db, passphrase=new) as s:
        assert len(s.list_workers()) == 2
        settings = " ".join(str(r["value"]) for r in s.db.query("SELECT value FROM settings"))
        assert new not in settings and PASSPHRASE not in settings


def test_a_plain_database_has_no_passphrase_to_change(tmp_path: Path) -> None:
    with open_store(tmp_path / "plain.db") as s, pytest.raises(StoreError, match="not encrypted"):
        crypto.change_passphrase(s, "x", "y")


def test_backups_of_an_encrypted_database_are_encrypted(encrypted_db: Path) -> None:
    with open_store(encrypted_db, passphrase=PASSPHRASE) as s:
        taken = backup.take(s)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(taken.path).execute("select * from sqlite_master")
    assert crypto.is_encrypted(taken.path)
    assert backup.verify(taken.path, PASSPHRASE) is True
    with pytest.raises(PassphraseRequired):
        backup.verify(taken.path)
    with pytest.raises(WrongPassphrase):
        backup.verify(taken.path, "wrong")
    with open_store(taken.path, passphrase=PASSPHRASE, create=False) as copy:
        assert [c.reference for c in copy.list_cases()] == ["CR-2026-0900"]


def test_when_sqlcipher_is_unavailable_it_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "unavailable_reason", lambda: "the sqlcipher3 module is not installed")
    path = tmp_path / "new.db"
    with pytest.raises(EncryptionUnavailable, match="encryption is not available on this computer"):
        open_store(path, passphrase=PASSPHRASE)
    assert not path.exists()
    open_store(path).close()  # the unencrypted store still works


# -- the cowork command ------------------------------------------------------------------------------------------


@pytest.mark.slow  # the whole demo, encrypted
def test_cli_init_and_demo_encrypted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COWORK_TEST_PASS", PASSPHRASE)
    path = tmp_path / "enc.db"
    code, out, err = run(
        capsys, "init", "--db", str(path), "--encrypt", "--passphrase-env", "COWORK_TEST_PASS"
    )
    assert (code, err) == (0, "") and "encrypted" in out
    assert crypto.is_encrypted(path)
    code, out, err = run(
        capsys,
        "demo",
        "--db",
        str(path),
        "--encrypt",
        "--passphrase-env",
        "COWORK_TEST_PASS",
        "--today",
        "2026-11-23",
    )
    assert (code, err) == (0, "") and "Encrypted demo database" in out
    demo2 = tmp_path / "demo2.db"
    code, out, err = run(
        capsys, "demo", "--db", str(demo2), "--encrypt", "--passphrase-env", "COWORK_TEST_PASS"
    )
    assert code == 0 and crypto.is_encrypted(demo2)
    code, out, err = run(capsys, "cases", "--db", str(path), "--passphrase-env", "COWORK_TEST_PASS")
    assert code == 0 and "CR-2026-0101" in out
    code, out, err = run(capsys, "due", "--db", str(path), "--passphrase-env", "COWORK_TEST_PASS", "--json")
    assert code == 0 and json.loads(out)["command"] == "due"


def test_cli_refuses_without_or_with_a_wrong_passphrase(
    encrypted_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = sha256(encrypted_db)
    code, out, err = run(capsys, "workers", "--db", str(encrypted_db))
    assert code == 1 and out == ""
    assert_one_line_error(err, "encrypted", "--passphrase-env VAR")
    monkeypatch.setenv("WRONG_PASS", "nope")
    code, _, err = run(capsys, "workers", "--db", str(encrypted_db), "--passphrase-env", "WRONG_PASS")
    assert code == 1
    assert_one_line_error(err, "wrong passphrase for", str(encrypted_db))
    code, _, err = run(capsys, "workers", "--db", str(encrypted_db), "--passphrase-env", "UNSET_VARIABLE_X")
    assert code == 1
    assert_one_line_error(err, "UNSET_VARIABLE_X", "not set")
    # never a passphrase on the command line (no abbreviation of --passphrase-env either)
    code, _, err = run(capsys, "workers", "--db", str(encrypted_db), "--passphrase", PASSPHRASE)
    assert code == 2 and PASSPHRASE not in err
    assert sha256(encrypted_db) == before


def test_cli_init_encrypt_needs_a_passphrase(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.db"
    code, _, err = run(capsys, "init", "--db", str(path), "--encrypt")
    assert code == 1
    assert_one_line_error(err, "--passphrase-env VAR")
    assert not path.exists()


def test_cli_demo_encrypt_refuses_an_existing_plain_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("P", PASSPHRASE)
    path = tmp_path / "plain.db"
    open_store(path).close()
    before = sha256(path)
    code, _, err = run(capsys, "demo", "--db", str(path), "--encrypt", "--passphrase-env", "P")
    assert code == 1
    assert_one_line_error(err, "without encryption")
    assert sha256(path) == before


def test_cli_init_encrypt_when_unavailable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crypto, "unavailable_reason", lambda: "no SQLCipher on this platform")
    monkeypatch.setenv("P", PASSPHRASE)
    code, _, err = run(capsys, "init", "--db", str(tmp_path / "x.db"), "--encrypt", "--passphrase-env", "P")
    assert code == 1
    assert_one_line_error(err, "encryption is not available", "no SQLCipher on this platform")


@pytest.mark.slow  # over 0.7 s; make test runs it
def test_cli_passphrase_change(
    encrypted_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OLD", PASSPHRASE)
    monkeypatch.setenv("NEW", "new passphrase")
    code, out, err = run(
        capsys,
        "passphrase",
        "change",
        "--db",
        str(encrypted_db),
        "--passphrase-env",
        "OLD",
        "--new-passphrase-env",
        "NEW",
    )
    assert (code, err) == (0, "") and "Changed the passphrase" in out
    assert "new passphrase" not in out and PASSPHRASE not in out
    code, out, _ = run(capsys, "workers", "--db", str(encrypted_db), "--passphrase-env", "NEW")
    assert code == 0 and "Zoë" in out
    code, _, err = run(capsys, "workers", "--db", str(encrypted_db), "--passphrase-env", "OLD")
    assert code == 1
    assert_one_line_error(err, "wrong passphrase")
    code, _, err = run(capsys, "passphrase")
    assert code == 2
    assert_one_line_error(err, "passphrase change")


def test_cli_passphrase_change_of_a_plain_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plain.db"
    open_store(path).close()
    code, _, err = run(capsys, "passphrase", "change", "--db", str(path))
    assert code == 1
    assert_one_line_error(err, "not encrypted")


def test_cli_export_takes_the_database_passphrase_separately(
    encrypted_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """export's --passphrase-env is the certificate's: the database's is --db-passphrase-env."""
    code, _, err = run(capsys, "export", "--db", str(encrypted_db), "--record", "1", "--out", "x.pdf")
    assert code == 1
    assert_one_line_error(err, "--db-passphrase-env VAR")
    monkeypatch.setenv("DBPASS", PASSPHRASE)
    code, _, err = run(
        capsys,
        "export",
        "--db",
        str(encrypted_db),
        "--db-passphrase-env",
        "DBPASS",
        "--record",
        "1",
        "--out",
        "x.pdf",
    )
    assert code == 1
    assert_one_line_error(err, "no record with id 1")
