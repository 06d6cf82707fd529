"""One passphrase rule for every new passphrase (database or certificate), in the app's dialogs and in every
``cowork`` command that sets one; an existing database or certificate opens with whatever passphrase it has."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.cli import assert_one_line_error, run
from helpers.files import sha256

from cowork_desktop.domain.passphrases import MIN_LENGTH, new_passphrase_problem
from cowork_desktop.export.signing import create_certificate, load_signer
from cowork_desktop.store import crypto
from cowork_desktop.store.opening import open_store

GOOD = "correct horse battery"
WEAK = {
    "one character": "a",
    "a single space": " ",
    "seven characters": "abcdefg",
    "only spaces": " " * 12,
    "only white space": " \t \n \t  \u3000 ",
    "one character repeated": "aaaaaaaaaaaa",
    "a NUL character": "a long pass\x00phrase",
}
needs_sqlcipher = pytest.mark.skipif(not crypto.available(), reason="SQLCipher is not available here")


def rule_words(passphrase: str) -> str:
    """The rule's own sentence, as the command line shows it (without its full stop)."""
    problem = new_passphrase_problem(passphrase)
    assert problem is not None
    return problem.rstrip(".")


# -- the rule -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("passphrase", list(WEAK.values()), ids=list(WEAK))
def test_weak_passphrases_are_refused_with_one_sentence(passphrase: str) -> None:
    problem = new_passphrase_problem(passphrase)
    assert problem is not None and problem.endswith(".") and problem.count(". ") == 0 and "\n" not in problem


@pytest.mark.parametrize(
    "passphrase",
    [GOOD, "8 chars!", "aaaaaaab", "  spaced  out  ", "ünïcödé ✓ 🧿", "a long passphrase " * 60],
    ids=["words", "eight characters", "almost repeated", "spaces around words", "unicode", "very long"],
)
def test_good_passphrases_pass(passphrase: str) -> None:
    assert new_passphrase_problem(passphrase) is None


def test_the_reasons_name_what_is_wrong() -> None:
    assert f"at least {MIN_LENGTH} characters" in rule_words("a")
    assert f"at least {MIN_LENGTH} characters" in rule_words(" ")
    assert "only spaces" in rule_words(" " * 10)
    assert "one character repeated" in rule_words("z" * 10)
    assert "NUL" in rule_words("a long pass\x00phrase")


# -- the cowork command -----------------------------------------------------------------------------------------


@needs_sqlcipher
@pytest.mark.parametrize("command", ["init", "demo"])
@pytest.mark.parametrize("weak", ["a", " "], ids=["one character", "a single space"])
def test_a_new_database_with_a_weak_passphrase_is_not_created(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    weak: str,
) -> None:
    monkeypatch.setenv("NEW_PASS", weak)
    path = tmp_path / "new.db"
    code, out, err = run(capsys, command, "--db", path, "--encrypt", "--passphrase-env", "NEW_PASS")
    assert (code, out) == (1, "")
    assert_one_line_error(err, rule_words(weak), "nothing was created")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("weak", ["a", " "], ids=["one character", "a single space"])
def test_cert_new_with_a_weak_passphrase_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, weak: str
) -> None:
    monkeypatch.setenv("CERT_PASS", weak)
    path = tmp_path / "mine.p12"
    code, out, err = run(
        capsys, "cert", "new", "--name", "Amara Okafor", "--out", path, "--passphrase-env", "CERT_PASS"
    )
    assert (code, out) == (1, "")
    assert_one_line_error(err, rule_words(weak), "no certificate was created")
    assert list(tmp_path.iterdir()) == []
    # not over an existing certificate either, even with --force
    monkeypatch.setenv("GOOD_PASS", GOOD)
    assert (
        run(capsys, "cert", "new", "--name", "Amara Okafor", "--out", path, "--passphrase-env", "GOOD_PASS")[
            0
        ]
        == 0
    )
    before = sha256(path)
    code, _, err = run(
        capsys, "cert", "new", "--name", "Someone", "--out", path, "--passphrase-env", "CERT_PASS", "--force"
    )
    assert code == 1
    assert_one_line_error(err, rule_words(weak))
    assert sha256(path) == before and load_signer(path, GOOD.encode()).common_name == "Amara Okafor"


@needs_sqlcipher
@pytest.mark.parametrize("weak", ["a", " "], ids=["one character", "a single space"])
def test_passphrase_change_to_a_weak_one_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, weak: str
) -> None:
    path = tmp_path / "secret.db"
    open_store(path, passphrase=GOOD).close()
    before = sha256(path)
    monkeypatch.setenv("OLD", GOOD)
    monkeypatch.setenv("NEW", weak)
    code, out, err = run(
        capsys, "passphrase", "change", "--db", path, "--passphrase-env", "OLD", "--new-passphrase-env", "NEW"
    )
    assert (code, out) == (1, "")
    assert_one_line_error(err, rule_words(weak), "the passphrase was not changed")
    assert sha256(path) == before
    assert run(capsys, "workers", "--db", path, "--passphrase-env", "OLD")[0] == 0


@pytest.mark.slow  # over 0.7 s; make test runs it
@needs_sqlcipher
def test_an_existing_database_opens_with_whatever_passphrase_it_has(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made before the rule (or by another tool): it still opens, and its passphrase can be changed to a good one
    (the old one is only checked to open it)."""
    path = tmp_path / "old.db"
    open_store(path, passphrase="a").close()
    monkeypatch.setenv("OLD", "a")
    code, _, err = run(capsys, "workers", "--db", path, "--passphrase-env", "OLD")
    assert (code, err) == (0, "")
    monkeypatch.setenv("NEW", GOOD)
    code, _, err = run(
        capsys, "passphrase", "change", "--db", path, "--passphrase-env", "OLD", "--new-passphrase-env", "NEW"
    )
    assert (code, err) == (0, "")
    assert run(capsys, "workers", "--db", path, "--passphrase-env", "NEW")[0] == 0


def test_an_existing_certificate_opens_with_whatever_passphrase_it_has(tmp_path: Path) -> None:
    path = create_certificate("Amara Okafor", "", tmp_path / "old.p12", b"a")
    assert load_signer(path, b"a").common_name == "Amara Okafor"
