"""Signing exported case notes: certificates, PAdES signatures with a visible stamp, and verification. No Qt."""

from __future__ import annotations

import io
import shutil
import stat
import statistics
import subprocess
import time
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pikepdf
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from helpers.certs import make_p12
from helpers.pdf_edits import add_note, appended
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.export.pdf import INFO_CONTENT_HASH, render_case_note
from cowork_desktop.export.pdfa import pdfa_problems
from cowork_desktop.export.sample import ASYE, MANAGER, sample_case_note
from cowork_desktop.export.signing import (
    Signer,
    create_certificate,
    load_signer,
    sign_pdf,
    verify_pdf,
)

PASSPHRASE = b"correct horse battery staple"
CONTENT_HASH = sample_case_note().content_hash


def fold(text: str) -> str:
    controls = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f"))
    return " ".join(unicodedata.normalize("NFKC", text).translate(controls).split())


@pytest.fixture(scope="module")
def cert_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("certs") / "manager.p12"
    return create_certificate(MANAGER, "Northshire County Council", path, PASSPHRASE)


@pytest.fixture(scope="module")
def signer(cert_path: Path) -> Signer:
    return load_signer(cert_path, PASSPHRASE)


@pytest.fixture(scope="module")
def unsigned_pdf() -> bytes:
    return render_case_note(sample_case_note(responsibility_rows=30))


@pytest.fixture(scope="module")
def signed_pdf(unsigned_pdf: bytes, signer: Signer) -> bytes:
    return sign_pdf(
        unsigned_pdf,
        signer,
        signer_name=MANAGER,
        reason="Record agreed at the meeting",
        location="Northshire",
    )


# ------------------------------------------------------------------------------------------- certificates


def test_certificate_is_rsa_3072_for_signing_and_private(cert_path: Path) -> None:
    assert stat.S_IMODE(cert_path.stat().st_mode) == 0o600
    key, cert, _ = pkcs12.load_key_and_certificates(cert_path.read_bytes(), PASSPHRASE)
    assert isinstance(key, rsa.RSAPrivateKey)
    assert key.key_size == 3072
    assert cert is not None
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == MANAGER
    assert cert.issuer == cert.subject  # self-signed
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature
    assert usage.content_commitment  # nonRepudiation
    assert not usage.key_cert_sign
    lifetime = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert timedelta(days=5 * 365) <= lifetime <= timedelta(days=5 * 366)
    assert not list(cert_path.parent.glob(".*.tmp"))  # no temporary file left behind


def test_certificate_is_never_overwritten_unless_asked(cert_path: Path, tmp_path: Path) -> None:
    before = cert_path.read_bytes()
    with pytest.raises(CoworkError, match="already exists"):
        create_certificate("Someone Else", "Org", cert_path, b"other")
    assert cert_path.read_bytes() == before

    path = tmp_path / "replace.p12"
    path.write_bytes(b"old")
    create_certificate("Łukasz Wiśniewski", "Org", path, b"new", years=1, overwrite=True)
    assert load_signer(path, b"new").common_name == "Łukasz Wiśniewski"


def test_certificate_needs_a_passphrase(tmp_path: Path) -> None:
    with pytest.raises(CoworkError, match="passphrase"):
        create_certificate(MANAGER, "Org", tmp_path / "x.p12", b"")
    assert not (tmp_path / "x.p12").exists()


def test_wrong_passphrase_is_a_clear_error(cert_path: Path) -> None:
    with pytest.raises(CoworkError, match=f"^Wrong passphrase for {cert_path}$"):
        load_signer(cert_path, b"not the passphrase")


def test_missing_or_foreign_certificate_file_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.p12"
    with pytest.raises(CoworkError, match=f"Certificate file not found: {missing}"):
        load_signer(missing, PASSPHRASE)
    junk = tmp_path / "junk.p12"
    junk.write_bytes(b"this is not a certificate")
    with pytest.raises(CoworkError, match="is not a PKCS#12 certificate file"):
        load_signer(junk, PASSPHRASE)


def test_ecdsa_certificate_is_refused(tmp_path: Path) -> None:
    """pyHanko would mark an ECDSA-signed file as PDF 2.0, breaking PDF/A-2."""
    path = make_p12(
        tmp_path / "ec.p12", "EC User", b"pw", key=ec.generate_private_key(ec.SECP256R1()), key_usage=None
    )
    with pytest.raises(CoworkError, match="only RSA keys"):
        load_signer(path, b"pw")


# ------------------------------------------------------------------------------------------------ signing


def test_signature_is_valid_intact_and_covers_the_whole_file(signed_pdf: bytes, signer: Signer) -> None:
    result = verify_pdf(signed_pdf)
    assert result.ok
    assert result.intact
    assert result.valid
    assert result.covers_whole_file
    assert result.modification == "none"
    assert result.problems == ()
    assert result.signer_name == MANAGER
    assert result.field_name == "ManagerSignature"
    assert result.signature_count == 1
    assert result.content_hash == CONTENT_HASH
    assert result.signing_time is not None
    assert abs(datetime.now(UTC) - result.signing_time) < timedelta(minutes=5)
    assert not result.trusted  # self-signed, and the caller trusts nothing
    assert verify_pdf(signed_pdf, trusted_certificates=[signer.certificate_der]).trusted


def test_signing_is_an_incremental_update_that_keeps_pdfa(unsigned_pdf: bytes, signed_pdf: bytes) -> None:
    assert signed_pdf.startswith(unsigned_pdf)  # the PDF/A bytes are untouched
    assert pdfa_problems(signed_pdf) == []
    with pikepdf.open(io.BytesIO(signed_pdf)) as pdf:
        assert pdf.pdf_version == "1.7"  # RSA: no PDF 2.0 extension
        assert pdf.open_metadata().pdfa_status == "3B"
        assert str(pdf.docinfo[pikepdf.Name(INFO_CONTENT_HASH)]) == CONTENT_HASH
        sig = pdf.Root.AcroForm.Fields[0].V
        assert sig.SubFilter == pikepdf.Name("/ETSI.CAdES.detached")  # PAdES


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="needs poppler-utils (pdfsig)")
def test_pdfsig_agrees(signed_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed_pdf)
    # pdfsig exits 0 whatever it finds: read its text
    report = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout
    assert "Signature is Valid." in report
    assert "Total document signed" in report
    assert "Signature Type: ETSI.CAdES.detached" in report
    # self-signed: poppler does not know the issuer; that is expected
    assert "Certificate issuer is unknown" in report or "not trusted" in report.lower()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")
@pytest.mark.parametrize("name", [MANAGER, "Łukasz Wiśniewski", "Ольга Иванова", ASYE])
def test_visible_stamp_on_the_last_page_shows_the_name(
    unsigned_pdf: bytes, signer: Signer, name: str, tmp_path: Path
) -> None:
    signed = sign_pdf(unsigned_pdf, signer, signer_name=name, reason="Record agreed", location="Northshire")
    with pikepdf.open(io.BytesIO(signed)) as pdf:
        pages = len(pdf.pages)
        widget = pdf.Root.AcroForm.Fields[0]
        assert widget.P.objgen == pdf.pages[-1].obj.objgen
        x1, y1, x2, y2 = (float(v) for v in widget.Rect)
        assert x2 - x1 > 200 and y2 - y1 > 60  # visible, not a zero-size field
        fonts = widget.AP.N.Resources.Font
        (font,) = fonts.values()
        descriptor = font.DescendantFonts[0].FontDescriptor
        assert "/FontFile2" in descriptor  # the stamp font is embedded
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    last = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-f", str(pages), "-l", str(pages), str(path), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    assert f"Digitally signed by {fold(name)}" in fold(last) or (
        "Digitally signed by" in last and fold(name) in fold(last)
    )
    assert "Reason: Record agreed" in last
    assert verify_pdf(signed).ok


def test_a_draft_without_a_signature_field_gets_one_on_its_last_page(signer: Signer) -> None:
    draft = render_case_note(sample_case_note(status="draft"))
    signed = sign_pdf(draft, signer, signer_name=MANAGER, reason="Check", location="Office")
    assert verify_pdf(signed).ok
    assert pdfa_problems(signed) == []
    with pikepdf.open(io.BytesIO(signed)) as pdf:
        assert pdf.Root.AcroForm.Fields[0].P.objgen == pdf.pages[-1].obj.objgen


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")
def test_a_name_the_stamp_font_cannot_show_still_signs(
    unsigned_pdf: bytes, signer: Signer, tmp_path: Path
) -> None:
    signed = sign_pdf(unsigned_pdf, signer, signer_name="प्रिया Shah", reason="Agreed", location="Office")
    assert verify_pdf(signed).ok
    assert pdfa_problems(signed) == []
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout
    assert "Digitally signed by \ufffd" in text.decode("utf-8")


def test_signing_the_same_field_twice_is_refused(signed_pdf: bytes, signer: Signer) -> None:
    with pytest.raises(CoworkError, match="already signed"):
        sign_pdf(signed_pdf, signer, signer_name=MANAGER, reason="Again", location="Office")


def test_signing_garbage_is_a_clear_error(signer: Signer) -> None:
    with pytest.raises(CoworkError, match="cannot be read"):
        sign_pdf(b"%PDF-1.7 nonsense", signer, signer_name=MANAGER, reason="r", location="l")


def test_signatures_after_the_first_are_fast(unsigned_pdf: bytes, signer: Signer) -> None:
    """The key is parsed once and the stamp font prepared once (a naive set-up spends ~400 ms each time)."""
    signer.warm_up()
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        sign_pdf(unsigned_pdf, signer, signer_name=MANAGER, reason="Timing", location="Office")
        timings.append(time.perf_counter() - start)
    # ~25-40 ms here; the bound leaves room for slow machines but catches re-reading the key or the font.
    assert statistics.median(timings) < 0.2, timings


# ----------------------------------------------------------------------------------------------- tampering


def test_a_changed_byte_breaks_the_signature(signed_pdf: bytes) -> None:
    # change one character of the case reference (uncompressed metadata), well inside the signed byte range
    at = signed_pdf.index(b"CR-1234")
    tampered = signed_pdf[:at] + b"CR-9234" + signed_pdf[at + 7 :]
    result = verify_pdf(tampered)
    assert not result.intact
    assert not result.ok
    assert result.problems


def test_a_flipped_byte_anywhere_never_gives_a_traceback(signed_pdf: bytes) -> None:
    for position in range(100, len(signed_pdf), len(signed_pdf) // 40):
        tampered = bytearray(signed_pdf)
        tampered[position] ^= 0x20
        try:
            result = verify_pdf(bytes(tampered))
        except CoworkError:
            continue
        # either nothing of substance changed (e.g. whitespace in the signature's hex padding) or it shows
        assert result.ok or result.problems


def append_update(signed: bytes, change: str) -> bytes:
    """An incremental update appended after signing, as an editor would write it."""

    def change_content_hash(writer: IncrementalPdfFileWriter) -> None:
        info = writer.trailer["/Info"].get_object()
        info[generic.NameObject(INFO_CONTENT_HASH)] = generic.TextStringObject("0" * 64)
        writer.update_container(info)

    return appended(signed, add_note if change == "annotation" else change_content_hash)


@pytest.mark.parametrize("change", ["annotation", "content hash"])
def test_anything_appended_after_signing_is_reported(signed_pdf: bytes, change: str) -> None:
    modified = append_update(signed_pdf, change)
    assert modified.startswith(signed_pdf)
    result = verify_pdf(modified)
    assert result.intact  # the signed revision itself is untouched...
    assert not result.covers_whole_file  # ...but the file is more than what was signed
    assert not result.ok
    assert result.modification != "none"
    assert any("changed after it was signed" in p for p in result.problems)
    assert result.content_hash == CONTENT_HASH  # as signed, not as appended
    if change == "content hash":
        assert "The content hash in the file was changed after signing." in result.problems


def test_verifying_an_unsigned_or_broken_file_is_a_clear_error(unsigned_pdf: bytes) -> None:
    with pytest.raises(CoworkError, match="no digital signature"):
        verify_pdf(unsigned_pdf)
    with pytest.raises(CoworkError, match="cannot be read as a PDF"):
        verify_pdf(b"not a pdf at all")
