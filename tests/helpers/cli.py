"""The ``cowork`` command run in-process, as the CLI tests run it, and what they expect of its errors."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from cowork_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    """``cowork *argv`` (each argument as ``str``): its exit code, what it wrote to stdout and to stderr."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *words: str) -> None:
    """``err`` is one ``cowork: error: ...`` line, no traceback, naming each of ``words``."""
    assert err.startswith("cowork: error: "), err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err, err
    for word in words:
        assert word in err, (word, err)


def assert_refused(capsys: pytest.CaptureFixture[str], code: int, argv: Sequence[object], *words: str) -> str:
    """``cowork *argv`` exits with ``code`` and one ``cowork: error:`` line naming each of ``words``; its stdout."""
    done, out, err = run(capsys, *argv)
    assert done == code, (done, err)
    assert_one_line_error(err, *words)
    return out
