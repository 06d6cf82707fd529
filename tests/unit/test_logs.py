"""The log file: private (0700 folder, 0600 files), configured once, silent on the terminal, and free of
passphrases and of what looks like an identifier or contact detail; unexpected errors keep their traceback."""

from __future__ import annotations

import logging
import os
import stat
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from cowork_desktop import logs

POSIX = os.name == "posix"


@pytest.fixture(autouse=True)
def _fresh_logging() -> Iterator[None]:
    logs.unconfigure()
    yield
    logs.unconfigure()


def data_dir() -> Path:
    return Path(os.environ["COWORK_DATA_DIR"])


def read(path: Path) -> str:
    logs.flush()
    return path.read_text(encoding="utf-8")


def our_handlers() -> list[logging.Handler]:
    return [
        h for h in logging.getLogger().handlers if any(isinstance(f, logs.PrivacyFilter) for f in h.filters)
    ]


def test_the_log_is_created_private_in_the_data_folder() -> None:
    path = logs.configure("cli", [])
    assert path == data_dir() / "logs" / "cowork.log" == logs.log_path()
    assert path.is_file()
    if POSIX:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.skipif(not POSIX, reason="file modes are POSIX")
def test_an_existing_log_with_wider_rights_is_made_private() -> None:
    folder = data_dir() / "logs"
    folder.mkdir(mode=0o755)
    (folder / "cowork.log").write_text("old\n", encoding="utf-8")
    os.chmod(folder / "cowork.log", 0o644)
    path = logs.configure("gui", [])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert read(path).startswith("old\n")  # appended to, not replaced


def test_configure_is_idempotent() -> None:
    first = logs.configure("cli", [])
    handlers = list(logging.getLogger().handlers)
    assert len(our_handlers()) == 1
    assert logs.configure("gui", []) == first
    assert logging.getLogger().handlers == handlers
    logging.getLogger("cowork_desktop.test").info("once")
    assert read(first).count("once") == 1


def test_levels_app_info_libraries_warning() -> None:
    path = logs.configure("cli", [])
    logging.getLogger("cowork_desktop.services.x").info("app info %s", 1)
    logging.getLogger("cowork_desktop.services.x").debug("app debug")
    logging.getLogger("pyhanko.sign").info("library info")
    logging.getLogger("somelib").info("unknown library info")
    logging.getLogger("pyhanko.sign").warning("library warning")
    text = read(path)
    assert "app info 1" in text and "library warning" in text
    assert "app debug" not in text and "library info" not in text
    assert " INFO cli[" in text


def test_unconfigure_restores_the_levels() -> None:
    before = (logging.getLogger().level, logging.getLogger("cowork_desktop").level)
    logs.configure("cli", [])
    logs.unconfigure()
    assert (logging.getLogger().level, logging.getLogger("cowork_desktop").level) == before
    assert our_handlers() == []


def test_nothing_reaches_the_terminal(capfd: pytest.CaptureFixture[str]) -> None:
    path = logs.configure("cli", [])
    logging.getLogger("cowork_desktop.x").error("app error")
    logging.getLogger("pyhanko_certvalidator").warning("a weak key")
    logging.getLogger("fontTools.subset").error("a library error")
    logging.getLogger().critical("root critical")
    try:
        raise ValueError("broken")
    except ValueError:
        logging.getLogger("pyhanko").warning("with a traceback", exc_info=True)
        logs.log_exception(*sys.exc_info())
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        logging.captureWarnings(True)  # catch_warnings restored showwarning: as configure() leaves it
        warnings.warn("a library's warning", UserWarning, stacklevel=1)
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
    text = read(path)
    for words in ("app error", "a weak key", "a library error", "root critical", "a library's warning"):
        assert words in text


def test_a_library_warning_keeps_the_class_not_the_traceback() -> None:
    path = logs.configure("cli", [])
    try:
        raise KeyError("missing entry")
    except KeyError:
        logging.getLogger("pyhanko").warning("cannot check", exc_info=True)
    text = read(path)
    assert "cannot check (KeyError: 'missing entry')" in text
    assert "Traceback" not in text


def test_a_passphrase_from_the_environment_is_redacted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COWORK_DB_PASSPHRASE", "correct horse battery staple")
    monkeypatch.setenv("TEAM_KEY", "blue-kettle-orchard")  # named by --passphrase-env only
    path = logs.configure("cli", ["export", "--passphrase-env", "TEAM_KEY"])
    log = logging.getLogger("cowork_desktop.test")
    log.warning("opened with %s", "correct horse battery staple")
    log.warning("certificate key %r", b"blue-kettle-orchard")
    log.warning("in the message itself: blue-kettle-orchard!")
    text = read(path)
    assert "correct horse" not in text and "blue-kettle" not in text
    assert text.count(logs.REDACTED_SECRET) == 3


def test_a_passphrase_option_with_equals_is_protected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWKEY", "orange-lantern-7")
    path = logs.configure("cli", ["passphrase", "change", "--new-passphrase-env=NEWKEY"])
    logging.getLogger("cowork_desktop.x").warning("value orange-lantern-7")
    assert "orange-lantern-7" not in read(path)


def test_a_passphrase_typed_in_a_dialog_can_be_protected() -> None:
    path = logs.configure("gui", [])
    logs.protect_value("purple-mountain-3")
    logging.getLogger("cowork_desktop.x").warning("typed purple-mountain-3")
    assert "purple-mountain" not in read(path)


@pytest.mark.parametrize(
    ("detail", "kind"),
    [
        ("jane.doe@example.org", "email"),
        ("020 7946 0018", "phone"),
        ("SW1A 1AA", "postcode"),
        ("943 476 5919", "nhs_number"),
    ],
)
def test_identifiers_and_contact_details_are_redacted(detail: str, kind: str) -> None:
    path = logs.configure("cli", [])
    logging.getLogger("cowork_desktop.x").info("record 12 holds %s here", detail)
    text = read(path)
    assert detail not in text
    assert f"record 12 holds [{kind}] here" in text


def test_a_long_message_is_cut_and_put_on_one_line() -> None:
    path = logs.configure("cli", [])
    logging.getLogger("cowork_desktop.x").info("start\nsecond line " + "y" * 5_000)
    line = next(ln for ln in read(path).splitlines() if "start" in ln)
    assert "start second line" in line
    assert len(line) < logs.MAX_MESSAGE_CHARS + 200
    assert "more characters]" in line


def test_an_exception_is_logged_with_its_traceback_and_class() -> None:
    def inner() -> None:
        raise RuntimeError("failed for jane.doe@example.org")

    try:
        inner()
    except RuntimeError:
        returned = logs.log_exception(*sys.exc_info())  # configures the log when nothing has
    assert returned == logs.log_path() == data_dir() / "logs" / "cowork.log"
    text = read(returned)
    assert "ERROR" in text and "unexpected RuntimeError" in text
    assert "Traceback (most recent call last):" in text
    assert (
        'in inner\n    raise RuntimeError("failed for jane.doe@example.org")' not in text
    )  # source line: redacted too
    assert "in inner" in text
    assert "RuntimeError: failed for [email]" in text
    assert "jane.doe" not in text


def test_a_chained_exception_keeps_both_classes_and_redacts_both_messages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CERT_PASSPHRASE", "silver-river-42")
    try:
        try:
            raise KeyError("silver-river-42")
        except KeyError as exc:
            raise ValueError("SW1A 1AA " + "z" * 5_000) from exc
    except ValueError:
        path = logs.log_exception(*sys.exc_info())
    text = read(path)
    assert "KeyError: '[passphrase]'" in text
    assert "ValueError: [postcode] zzz" in text
    assert "direct cause" in text
    assert "silver-river" not in text and "SW1A" not in text
    assert "z" * (logs.MAX_MESSAGE_CHARS + 1) not in text


def test_the_message_for_the_user_names_the_log() -> None:
    path = data_dir() / "logs" / "cowork.log"
    assert logs.excepthook_message(path) == (
        f"Something went wrong. Nothing you saved was lost. Details are in {path}."
    )


def test_rotated_files_stay_private(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.configure("cli", [])
    log = logging.getLogger("cowork_desktop.x")
    for n in range(100):
        log.info("entry %d %s", n, "w" * 100)
    logs.flush()
    rotated = sorted(path.parent.glob("cowork.log*"))
    assert len(rotated) == logs.BACKUPS + 1
    if POSIX:
        assert {stat.S_IMODE(p.stat().st_mode) for p in rotated} == {0o600}


def test_library_logs_go_to_the_file_even_when_not_configured(capfd: pytest.CaptureFixture[str]) -> None:
    """What export/signing.py needs around a verification when used as a library (no configure())."""
    assert not logs.is_configured()
    with logs.to_log_file("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger("pyhanko.sign.validation").warning("appended overlay for jane.doe@example.org")
    assert logging.getLogger("pyhanko").propagate
    assert capfd.readouterr() == ("", "")
    text = logs.log_path().read_text(encoding="utf-8")
    assert "appended overlay for [email]" in text
    if POSIX:
        assert stat.S_IMODE(logs.log_path().stat().st_mode) == 0o600


def test_an_unwritable_log_folder_is_silent(capfd: pytest.CaptureFixture[str]) -> None:
    (data_dir() / "logs").write_text("a file where the folder should be", encoding="utf-8")
    path = logs.configure("cli", [])
    logging.getLogger("cowork_desktop.x").error("nowhere to go")
    try:
        raise ValueError("x")
    except ValueError:
        assert logs.log_exception(*sys.exc_info()) == path
    assert capfd.readouterr() == ("", "")


def test_redact_never_raises() -> None:
    class Hostile:
        def __str__(self) -> str:
            raise RuntimeError("no")

    assert logs.redact(Hostile()) == "[message not logged]"  # type: ignore[arg-type]
    assert logs.redact("\u202eevil\x00 \x1b[31mtext") == "\u202eevil\\x00 \\x1b[31mtext"
