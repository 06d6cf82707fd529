"""``cowork cert new``, ``cowork export`` and ``cowork verify`` in-process, on real files: signed PDFs checked
with pdfsig, tampering detected, and one clear line for each failure with nothing written half-way."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from helpers.cli import assert_one_line_error, assert_refused, run
from helpers.pdf_edits import add_note, appended

from cowork_desktop.cli import main
from cowork_desktop.domain.models import RecordKind, RecordStatus
from cowork_desktop.export.signing import create_certificate, load_signer
from cowork_desktop.services import export
from cowork_desktop.services.demo import MANAGER_NAME, load_demo
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfsig") is None,
    reason="needs poppler-utils (pdftotext, pdfsig)",
)

PASSPHRASE = "a long demo passphrase"
ENV = "COWORK_TEST_PASSPHRASE"

Arg = str | int | Path  # what the tests pass on the command line; helpers.cli.run turns each into a str


@dataclass(frozen=True)
class Demo:
    db: Path
    cert: Path
    folder: Path
    records: dict[str, int]  # "signed_review", "draft", "awaiting", "initial"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    folder = tmp_path_factory.mktemp("cli-export")
    db = folder / "demo.db"
    with open_store(db) as store:
        ws = Workspace.open(store)
        load_demo(ws, date(2026, 11, 23))
        records = [r for c in store.list_cases() for r in store.records_for_case(c.id)]
    signed = [r for r in records if r.status == RecordStatus.SIGNED]

    def first(kind: RecordKind) -> int:
        return next(r.id for r in signed if r.kind == kind and r.id is not None)

    found = {
        "review": first(RecordKind.REVIEW),
        "initial": first(RecordKind.INITIAL_MEETING),
        "draft": next(r.id for r in records if r.status == RecordStatus.DRAFT and r.id),
        "awaiting": next(r.id for r in records if r.status == RecordStatus.AWAITING_SIGNATURES and r.id),
    }
    cert = create_certificate(MANAGER_NAME, "Northshire", folder / "manager.p12", PASSPHRASE.encode())
    return Demo(db, cert, folder, found)


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(ENV, PASSPHRASE)
    yield


@pytest.fixture(scope="module")
def signed_review(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("signed") / "review.pdf"
    os.environ[ENV] = PASSPHRASE
    try:
        code = main(
            [
                "export",
                "--db",
                str(demo.db),
                "--record",
                str(demo.records["review"]),
                "--out",
                str(out),
                "--cert",
                str(demo.cert),
                "--passphrase-env",
                ENV,
            ]
        )
    finally:
        del os.environ[ENV]
    assert code == 0 and out.exists()
    return out


def verify(capsys: pytest.CaptureFixture[str], path: Path, *extra: Arg) -> tuple[int, str, str]:
    return run(capsys, "verify", path, *extra)


# --------------------------------------------------------------------------------------------- cert new


def test_cert_new_with_a_passphrase_variable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    path = tmp_path / "mine.p12"
    code, out, err = run(
        capsys,
        "cert",
        "new",
        "--name",
        "Amara Okafor",
        "--org",
        "Northshire",
        "--out",
        path,
        "--passphrase-env",
        ENV,
    )
    assert (code, err) == (0, "")
    assert "Amara Okafor (Northshire)" in out and str(path) in out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_signer(path, PASSPHRASE.encode()).common_name == "Amara Okafor"
    before = path.read_bytes()
    code, _, err = run(capsys, "cert", "new", "--name", "Other", "--out", path, "--passphrase-env", ENV)
    assert code == 1
    assert_one_line_error(err, "already exists", "--force")
    assert path.read_bytes() == before
    code, _, err = run(
        capsys, "cert", "new", "--name", "Other", "--out", path, "--passphrase-env", ENV, "--force"
    )
    assert (code, err) == (0, "")
    assert load_signer(path, PASSPHRASE.encode()).common_name == "Other"


def test_cert_new_defaults_to_the_data_folder(capsys: pytest.CaptureFixture[str], env: None) -> None:
    code, _, err = run(capsys, "cert", "new", "--name", "Amara Okafor", "--passphrase-env", ENV)
    assert (code, err) == (0, "")
    assert export.default_certificate_path().exists()


def test_cert_new_without_a_passphrase_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mine.p12"
    # stdin is not a terminal under pytest: no prompt, one line
    code, out, err = run(capsys, "cert", "new", "--name", "A", "--out", path)
    assert (code, out) == (1, "")
    assert_one_line_error(err, "no passphrase", "--passphrase-env")
    monkeypatch.setenv(ENV, "")
    code, _, err = run(capsys, "cert", "new", "--name", "A", "--out", path, "--passphrase-env", ENV)
    assert code == 1
    assert_one_line_error(err, ENV, "not set or is empty")
    monkeypatch.delenv(ENV)
    code, _, err = run(capsys, "cert", "new", "--name", "A", "--out", path, "--passphrase-env", ENV)
    assert code == 1
    assert_one_line_error(err, ENV)
    assert list(tmp_path.iterdir()) == []


def test_a_passphrase_is_never_an_argument(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argvs: list[list[Arg]] = [
        ["cert", "new", "--name", "A", "--out", tmp_path / "x.p12", "--passphrase", "secret"],
        ["export", "--record", "1", "--out", tmp_path / "x.pdf", "--passphrase", "secret"],
    ]
    for argv in argvs:
        assert_refused(capsys, 2, argv, "--passphrase")
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------------------------------ export


def test_export_one_record_signed_and_verified(
    demo: Demo, signed_review: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = verify(capsys, signed_review, "--db", demo.db)
    assert (code, err) == (0, "")
    assert f"Signed by:          {MANAGER_NAME}" in out
    assert "Intact:             yes" in out and "Covers whole file:  yes" in out
    assert "Trust:              known to this database (first used to sign on " in out
    assert "Certified:          yes (no changes allowed)" in out
    assert f"matches record {demo.records['review']}, version 1" in out
    assert out.endswith("Result: valid\n")
    report = subprocess.run(
        ["pdfsig", str(signed_review)], capture_output=True, text=True, check=False
    ).stdout
    assert "Signature is Valid." in report and "Total document signed" in report

    # without the database the signature is intact, but nothing here knows the signer: exit 3, never "valid"
    code, out, _ = verify(capsys, signed_review, "--json")
    data = json.loads(out)
    assert code == 3 and data["result"] == "signer not known here" and data["findings"] == []
    assert data["record"]["id"] == demo.records["review"] and data["record"]["matches_database"] is None
    assert data["signer"]["name"] == MANAGER_NAME and data["signer"]["trusted_by"] is None
    assert len(data["signer"]["fingerprint"]) == 64 and data["signature"]["certified"] is True
    code, out, _ = verify(capsys, signed_review, "--db", demo.db, "--json")
    data = json.loads(out)
    assert code == 0 and data["result"] == "valid" and data["signer"]["trusted_by"] == "database"
    assert data["record"]["matches_database"] is True and data["record"]["exported_from_database"] is True


def test_export_into_a_folder_uses_the_usual_name(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    code, out, err = run(
        capsys, "export", "--db", demo.db, "--record", demo.records["initial"], "--out", tmp_path,
        "--cert", demo.cert, "--passphrase-env", ENV,
    )  # fmt: skip
    assert (code, err) == (0, "")
    (path,) = tmp_path.iterdir()
    assert path.name.startswith("CR-2026-") and "_initial_meeting_" in path.name and str(path) in out


@pytest.mark.slow  # over 0.7 s; make test runs it
def test_export_a_whole_case_with_the_default_certificate(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    # a second certificate in the manager's name: signs only once it is recorded as known to the database
    code, _, err = run(capsys, "cert", "new", "--name", MANAGER_NAME, "--passphrase-env", ENV)
    assert (code, err) == (0, "")
    code, _, err = run(
        capsys, "export", "--db", demo.db, "--case", "CR-2026-0107", "--all", "--out", tmp_path / "no",
        "--passphrase-env", ENV,
    )  # fmt: skip
    assert code == 1
    assert_one_line_error(err, "this database knows another certificate for", "cowork cert add")
    assert not (tmp_path / "no").exists()
    crt = export.default_certificate_path().with_suffix(".crt")
    assert run(capsys, "cert", "add", crt, "--db", demo.db)[0] == 0
    out_dir = tmp_path / "case"
    code, out, err = run(
        capsys,
        "export",
        "--db",
        demo.db,
        "--case",
        "CR-2026-0107",
        "--all",
        "--out",
        out_dir,
        "--passphrase-env",
        ENV,
    )
    assert (code, err) == (0, "")
    files = sorted(out_dir.iterdir())
    assert len(files) == 4 and "Exported 4 signed record(s) of case CR-2026-0107" in out
    kinds = {f.name.split("_", 1)[1].rsplit("_", 1)[0] for f in files}
    assert kinds == {"initial_meeting", "review", "issue_resolution", "reflective_discussion"}
    for path in files:
        code, out, _ = verify(capsys, path, "--db", demo.db)
        assert code == 0, out


@pytest.mark.slow  # a process pool
def test_export_several_cases_with_worker_processes(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    out_dir = tmp_path / "cases"
    code, out, err = run(
        capsys, "export", "--db", demo.db, "--case", "CR-2026-0107", "--case", "CR-2026-0103", "--all",
        "--out", out_dir, "--cert", demo.cert, "--passphrase-env", ENV, "--jobs", "2",
    )  # fmt: skip
    assert (code, err) == (0, "")  # no progress line when stderr is not a terminal: the count is on stdout
    files = sorted(out_dir.rglob("*.pdf"))
    assert {f.parent.name for f in files} == {"CR-2026-0107", "CR-2026-0103"}
    assert f"Exported {len(files)} signed record(s) of 2 cases to {out_dir}" in out
    assert all(str(f) in out for f in files)
    for path in files[:: max(1, len(files) // 3)]:
        code, out, _ = verify(capsys, path, "--db", demo.db)
        assert code in (0, 4), out  # valid (4: valid, superseded by a later version)
    code, _, err = run(
        capsys, "export", "--db", demo.db, "--case", "CR-2026-0107", "--all", "--out", out_dir / "x",
        "--cert", demo.cert, "--passphrase-env", ENV, "--jobs", "0",
    )  # fmt: skip
    assert code == 2 and "--jobs" in err and not (out_dir / "x").exists()


def test_wrong_passphrase_is_one_line_and_writes_nothing(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, "not the passphrase")
    code, out, err = run(
        capsys, "export", "--db", demo.db, "--record", demo.records["review"], "--out", tmp_path / "x.pdf",
        "--cert", demo.cert, "--passphrase-env", ENV,
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert_one_line_error(err, "Wrong passphrase", str(demo.cert))
    assert list(tmp_path.iterdir()) == []


def test_missing_certificate_is_one_line_naming_it(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    missing = tmp_path / "nowhere.p12"
    code, _, err = run(
        capsys, "export", "--db", demo.db, "--record", demo.records["review"], "--out", tmp_path / "x.pdf",
        "--cert", missing, "--passphrase-env", ENV,
    )  # fmt: skip
    assert code == 1
    assert_one_line_error(err, "certificate file not found", str(missing))
    # no --cert and no certificate in the data folder yet
    code, _, err = run(
        capsys, "export", "--db", demo.db, "--record", demo.records["review"], "--out", tmp_path / "x.pdf",
        "--passphrase-env", ENV,
    )  # fmt: skip
    assert code == 1
    assert_one_line_error(err, str(export.default_certificate_path()), "cowork cert new")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("which", "state"), [("draft", "a draft"), ("awaiting", "awaiting signatures")])
def test_a_record_not_signed_is_refused_then_printed_as_draft(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], which: str, state: str
) -> None:
    record = demo.records[which]
    target = tmp_path / "note.pdf"
    # refused before any passphrase is needed
    code, out, err = run(capsys, "export", "--db", demo.db, "--record", record, "--out", target)
    assert (code, out) == (1, "")
    assert_one_line_error(err, f"record {record} is {state}", "--draft")
    assert list(tmp_path.iterdir()) == []

    code, out, err = run(capsys, "export", "--db", demo.db, "--record", record, "--out", target, "--draft")
    assert (code, err) == (0, "")
    assert "DRAFT, unsigned" in out
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "DRAFT" in text and f"Record {record}, version 1 (DRAFT)" in text
    code, _, err = verify(capsys, target)
    assert code == 1
    assert_one_line_error(err, "no digital signature")


def test_unwritable_output_folder_is_one_line(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    if os.geteuid() == 0:  # root writes through chmod: use a path under a regular file instead
        blocker = tmp_path / "file.txt"
        blocker.write_text("a file\n", encoding="utf-8")
        folder = blocker / "out"
    else:
        folder = tmp_path / "readonly"
        folder.mkdir()
        folder.chmod(0o500)
    before = sorted(tmp_path.rglob("*"))
    try:
        argvs: list[list[Arg]] = [
            ["--record", demo.records["review"], "--out", folder / "x.pdf"],
            ["--case", "CR-2026-0107", "--all", "--out", folder],
        ]
        for argv in argvs:
            code, out, err = run(
                capsys, "export", "--db", demo.db, *argv, "--cert", demo.cert, "--passphrase-env", ENV
            )
            assert (code, out) == (1, ""), argv
            assert_one_line_error(err, "cannot write to")
    finally:
        if folder.is_dir():
            folder.chmod(0o700)
    assert sorted(tmp_path.rglob("*")) == before


def test_export_usage_errors(demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argvs: list[list[Arg]] = [
        ["--case", "CR-2026-0107", "--out", tmp_path],
        ["--all", "--out", tmp_path],
        ["--record", "1", "--case", "CR-2026-0107", "--all", "--out", tmp_path],
        ["--case", "CR-2026-0107", "--all", "--draft", "--out", tmp_path],
        ["--out", tmp_path],
    ]
    for argv in argvs:
        code, _, err = run(capsys, "export", "--db", demo.db, *argv)
        assert code == 2, argv
        assert_one_line_error(err)
    code, _, err = run(capsys, "export", "--db", demo.db, "--record", "9999", "--out", tmp_path)
    assert code == 1
    assert_one_line_error(err, "no record with id 9999")
    code, _, err = run(
        capsys, "export", "--db", demo.db, "--case", "CR-2026-0111", "--all", "--out", tmp_path
    )
    assert code == 1
    assert_one_line_error(err, "CR-2026-0111 has no signed records")
    assert_refused(capsys, 2, ["cert"], "cowork cert new")
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------------------------- tampering


def test_a_changed_byte_is_not_intact(
    signed_review: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = signed_review.read_bytes()
    at = data.index(b"CR-2026-")  # the case reference in the metadata: inside the signed bytes
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(data[:at] + b"CR-2027-" + data[at + 8 :])
    code, out, err = verify(capsys, tampered)
    assert (code, err) == (1, "")
    assert "Intact:             NO" in out
    assert "problem: The file was changed after signing" in out
    assert "Result: NOT VALID" in out


def test_a_change_appended_after_signing_is_reported(
    demo: Demo, signed_review: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(appended(signed_review.read_bytes(), add_note))  # an annotation added after signing
    code, out, err = verify(capsys, changed, "--db", demo.db)
    assert (code, err) == (1, "")
    assert "Intact:             yes" in out and "Covers whole file:  NO" in out
    assert "problem: The file was changed after it was signed" in out
    assert "Result: NOT VALID" in out
    report = subprocess.run(["pdfsig", str(changed)], capture_output=True, text=True, check=False).stdout
    assert "Total document signed" not in report


def test_a_file_from_another_database_does_not_match(
    signed_review: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.db"
    with open_store(other) as store:
        load_demo(Workspace.open(store), date(2026, 11, 24))  # same ids, different records
    code, out, err = verify(capsys, signed_review, "--db", other)
    assert (code, err) == (1, "")
    assert "problem: The file's record differs from record" in out
    assert "is not one exported from" in out and "is not one" in out
    assert "Result: NOT VALID" in out
    code, out, _ = verify(capsys, signed_review, "--db", other, "--json")
    data = json.loads(out)
    assert code == 1 and data["record"]["matches_database"] is False
    assert data["record"]["exported_from_database"] is False and data["result"] == "not valid"


def test_verify_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = verify(capsys, tmp_path / "missing.pdf")
    assert code == 1
    assert_one_line_error(err, "no such file")
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf")
    code, _, err = verify(capsys, junk)
    assert code == 1
    assert_one_line_error(err, "cannot be read as a PDF")
