"""Digital signatures on exported case notes: certificates, PAdES signing with a visible stamp, verification.

* :func:`create_certificate` makes a self-signed RSA 3072 certificate in a PKCS#12 file (mode 0600). RSA, not
  ECDSA: pyHanko marks an ECDSA-signed file as PDF 2.0, which breaks PDF/A-2.
* :func:`load_signer` reads the key once; the returned :class:`Signer` is reused for every signature and keeps
  the stamp font ready, so each signature after the first costs tens of milliseconds, not hundreds.
* :func:`sign_pdf` appends a PAdES baseline signature as an incremental update (the PDF/A bytes before it are
  untouched), with a visible stamp in the note's ``ManagerSignature`` field on its last page.
* :func:`verify_pdf` checks the signature with pyHanko: intact, cryptographically valid, covering the whole file
  (anything appended after signing fails, thanks to pyHanko's difference analysis), trusted (only against the
  certificates the caller trusts: a self-signed certificate is "not trusted" otherwise), and returns the record's
  content hash as it was when signed, for comparison with the database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import secrets
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from cowork_desktop import logs
from cowork_desktop.atomic import OutputExists, make_private_folders, write_atomic
from cowork_desktop.domain.certificates import CertificateFacts, signing_problems
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.export import fonts
from cowork_desktop.export.certs import certificate_facts
from cowork_desktop.export.layout import MARGIN_X
from cowork_desktop.export.pdf import (
    INFO_CONTENT_HASH,
    INFO_RECORD_ID,
    INFO_RECORD_VERSION,
    SIGNATURE_FIELD,
)
from cowork_desktop.export.pdfa import EVIDENCE_FILENAME

RSA_KEY_BITS = 3072
#: space reserved in the file for the CMS signature (an RSA 3072 signature with its certificate needs ~2 KB).
#: Fixed so pyHanko does not sign a dummy document first to measure it.
SIGNATURE_BYTES_RESERVED = 8192

DEFAULT_STAMP_TEXT = (
    "Digitally signed by %(signer_name)s\nDate: %(ts)s\nReason: %(reason)s\nLocation: %(location)s"
)
STAMP_FONT_SIZE = 9
STAMP_TIME_FORMAT = "%d %B %Y, %H:%M %Z"
#: where the stamp goes when the PDF has no empty field of the requested name (points, on the last page)
FALLBACK_STAMP_BOX = (int(MARGIN_X), 75, int(MARGIN_X) + 270, 150)

# Characters the stamp font carries: Latin (with extensions), Greek, Cyrillic, punctuation, Hebrew, and for the
# Arabic variant Arabic with the presentation forms that arabic_reshaper produces. pyHanko shapes the whole stamp
# with one script, so scripts whose shaping moves or joins letters without presentation forms (the Indian
# scripts, Thai...) cannot be printed there and show as U+FFFD. Chinese, Japanese and Korean would need a font
# subset per stamp text (see stamp_font_bytes).
_LATIN_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0x24F),
    (0x370, 0x3FF),
    (0x400, 0x52F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x206F),
    (0x20AC, 0x20AC),
    (0xFFFD, 0xFFFD),  # stands in for characters the font lacks
)
_HEBREW_RANGES = ((0x591, 0x5F4), (0xFB1D, 0xFB4F))
_ARABIC_RANGES = ((0x600, 0x6FF), (0x750, 0x77F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


# ------------------------------------------------------------------------------------------- certificates


def create_certificate(
    name: str,
    org: str,
    out_path: str | os.PathLike[str],
    passphrase: bytes,
    years: int = 5,
    *,
    overwrite: bool = False,
) -> Path:
    """Create a self-signed signing certificate and its RSA key, saved as a passphrase-protected PKCS#12 file.

    The file is written with mode 0600 to a temporary file and moved into place, so it is never half-written.
    An existing file is refused unless ``overwrite`` is true. Returns the path.
    """
    path = Path(out_path)
    if not name.strip():
        raise CoworkError("Enter the name to put on the certificate.")
    if not passphrase:
        raise CoworkError("Choose a passphrase to protect the certificate.")
    if not 1 <= years <= 30:
        raise CoworkError("A certificate can last between 1 and 30 years.")
    if path.exists() and not overwrite:
        raise CoworkError(f"{path} already exists; choose another file or replace it explicitly.")

    key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_KEY_BITS)
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, name.strip())]
    if org.strip():
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org.strip()))
    subject = x509.Name(attributes)
    now = dt.datetime.now(dt.UTC)
    public_key = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # nonRepudiation
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        name=name.strip().encode("utf-8"),
        key=key,
        cert=cert,
        cas=None,
        encryption_algorithm=serialization.BestAvailableEncryption(passphrase),
    )
    _write_private_file(path, data, overwrite=overwrite)
    _write_private_file(
        public_certificate_path(path), cert.public_bytes(serialization.Encoding.PEM), overwrite=True
    )
    return path


def public_certificate_path(p12_path: str | os.PathLike[str]) -> Path:
    """Where the public certificate of ``F.p12`` is written for colleagues: ``F.crt`` (PEM) beside it."""
    return Path(p12_path).with_suffix(".crt")


def _write_private_file(path: Path, data: bytes, *, overwrite: bool) -> None:
    """Through the app's one writer (mode 0600, never half a file; an existing file only with ``overwrite``),
    into a folder made 0700 if missing."""
    make_private_folders(path.parent)
    try:
        write_atomic(path, data, replace=overwrite)
    except OutputExists:
        raise OutputExists(
            path, f"{path} already exists; choose another file or replace it explicitly."
        ) from None


# ------------------------------------------------------------------------------------------------ the stamp


def _subset_font(path: Path, ranges: Sequence[tuple[int, int]]) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(path))
    options = subset.Options()
    # No layout tables: text is pre-shaped (Arabic) or needs none (names are NFC-normalised), and without GSUB
    # and GPOS pyHanko's per-signature subsetting of this font is ~10x faster.
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF"]
    options.notdef_outline = True
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for low, high in ranges for c in range(low, high + 1)])
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _merged(parts: Sequence[bytes]) -> bytes:
    from fontTools.merge import Merger

    merged = Merger().merge([io.BytesIO(p) for p in parts])
    out = io.BytesIO()
    merged.save(out)
    return out.getvalue()


_stamp_fonts: dict[bool, bytes] = {}
_stamp_lock = threading.Lock()


def stamp_font_bytes(with_arabic: bool) -> bytes:
    """The stamp font, built once per process: Noto Sans (reduced to the scripts names use) merged with Noto
    Sans Hebrew (when installed), and with Noto Naskh Arabic when ``with_arabic`` (built only when a stamp
    needs it; ~0.5 s)."""
    with _stamp_lock:
        found = _stamp_fonts.get(with_arabic)
        if found is None:
            found = _stamp_fonts[with_arabic] = _build_stamp_font(with_arabic)
        return found


def preload_stamp_font(with_arabic: bool, font: bytes) -> None:
    """Use ``font``, the :func:`stamp_font_bytes` another process built, rather than build it here (a signing
    worker process: ~0.35 s saved)."""
    with _stamp_lock:
        _stamp_fonts.setdefault(with_arabic, font)


def _build_stamp_font(with_arabic: bool) -> bytes:
    parts = [_subset_font(fonts.find_font("NotoSans-Regular.ttf"), _LATIN_RANGES)]
    with contextlib.suppress(CoworkError):  # an optional font: without it Hebrew prints as U+FFFD
        parts.append(_subset_font(fonts.find_font("NotoSansHebrew-Regular.ttf"), _HEBREW_RANGES))
    if with_arabic:
        parts.append(_subset_font(fonts.find_font("NotoNaskhArabic-Regular.ttf"), _ARABIC_RANGES))
    return parts[0] if len(parts) == 1 else _merged(parts)


@cache
def stamp_font_coverage(with_arabic: bool) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    cmap = TTFont(io.BytesIO(stamp_font_bytes(with_arabic))).getBestCmap()
    return frozenset(cmap)


@dataclass(frozen=True)
class _CachedFontFactory(FontEngineFactory):
    """Like pyHanko's GlyphAccumulatorFactory, but from font bytes held in memory (no file read, no parse of
    the full Noto Sans per signature). Text arrives in display order (see _stamp_param), hence LTR."""

    font_bytes: bytes
    font_size: int = STAMP_FONT_SIZE

    def create_font_engine(self, writer: BasePdfFileWriter, obj_stream: Any = None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs:
            obj_stream = writer.prepare_object_stream()  # type: ignore[no-untyped-call]
        return GlyphAccumulator(
            writer=writer,
            font_handle=io.BytesIO(self.font_bytes),
            font_size=self.font_size,
            ot_script_tag="latn",
            writing_direction="ltr",
            obj_stream=obj_stream,
        )


# ------------------------------------------------------------------------------------------------ signing


_PYCA_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}


class _LoadedKeySigner(signers.SimpleSigner):
    """pyHanko's SimpleSigner re-parses (and re-validates) the private key on every signature, ~120 ms for an
    RSA 3072 key. This one keeps the parsed key."""

    def __init__(
        self, key: rsa.RSAPrivateKey, cert: x509.Certificate, others: Sequence[x509.Certificate]
    ) -> None:
        key_info = asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        store = SimpleCertificateStore()  # type: ignore[no-untyped-call]
        store.register_multiple([_to_asn1(c) for c in others])
        super().__init__(signing_cert=_to_asn1(cert), signing_key=key_info, cert_registry=store)
        self._key = key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        hash_class = _PYCA_HASHES.get(digest_algorithm.lower())
        if mechanism == "rsassa_pkcs1v15" and hash_class is not None:
            return self._key.sign(data, PKCS1v15(), hash_class())
        return super().sign_raw(data, digest_algorithm)


def _to_asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


class Signer:
    """A loaded signing key and certificate, reused for every signature (see :func:`load_signer`)."""

    def __init__(self, cms_signer: signers.SimpleSigner, source: Path) -> None:
        self._cms = cms_signer
        self.source = source
        self._lock = threading.Lock()
        self._factories: dict[bool, _CachedFontFactory] = {}
        self._facts: CertificateFacts | None = None

    @property
    def certificate(self) -> asn1_x509.Certificate:
        cert = self._cms.signing_cert
        assert cert is not None
        return cert

    @property
    def common_name(self) -> str:
        return _common_name(self.certificate)

    @property
    def facts(self) -> CertificateFacts:
        if self._facts is None:
            self._facts = certificate_facts(self.certificate)
        return self._facts

    @property
    def fingerprint(self) -> str:
        return self.facts.fingerprint

    def signing_problems(self, at: dt.datetime | None = None) -> list[str]:
        """Why this certificate may not sign now (expired, not yet valid, weak, not for signing): the policy
        of :mod:`cowork_desktop.domain.certificates`."""
        return signing_problems(self.facts, at or dt.datetime.now(dt.UTC))

    def sign_bytes(self, message: bytes) -> bytes:
        """The key's signature of ``message`` (RSA PKCS#1 v1.5, SHA-256): e.g. an audit chain head."""
        key = getattr(self._cms, "_key", None)
        if not isinstance(key, rsa.RSAPrivateKey):  # pragma: no cover - load_signer only makes RSA signers
            raise CoworkError("this certificate's key cannot sign here")
        return key.sign(message, PKCS1v15(), hashes.SHA256())

    @property
    def certificate_der(self) -> bytes:
        """The certificate (DER), e.g. to keep as a trusted certificate for :func:`verify_pdf`."""
        data: bytes = self.certificate.dump()
        return data

    def warm_up(self, with_arabic: bool = False) -> None:
        """Build the stamp font now (~0.2 s; ~0.5 s more with Arabic) rather than in the first signature,
        e.g. from a worker thread while the user reviews the note."""
        self.font_factory(False)
        if with_arabic:
            self.font_factory(True)

    def font_factory(self, with_arabic: bool) -> _CachedFontFactory:
        with self._lock:
            factory = self._factories.get(with_arabic)
            if factory is None:
                factory = _CachedFontFactory(stamp_font_bytes(with_arabic))
                self._factories[with_arabic] = factory
            return factory

    @property
    def cms_signer(self) -> signers.SimpleSigner:
        return self._cms

    def for_worker(self) -> tuple[bytes, bytes]:
        """The key and certificate as a PKCS#12 blob locked with a passphrase made for it (random, used once),
        for a worker process to load with :func:`load_signer_data`. Both travel only through the pipe to that
        process: nothing is written to a file or put on a command line."""
        key = getattr(self._cms, "_key", None)
        if not isinstance(key, rsa.RSAPrivateKey):  # pragma: no cover - load_signer only makes RSA signers
            raise CoworkError("this certificate's key cannot sign here")
        passphrase = secrets.token_urlsafe(32).encode("ascii")
        chain = [
            x509.load_der_x509_certificate(c.dump())
            for c in self._cms.cert_registry
            if c.dump() != self.certificate_der
        ]
        data = pkcs12.serialize_key_and_certificates(
            None,
            key,
            x509.load_der_x509_certificate(self.certificate_der),
            chain or None,
            serialization.BestAvailableEncryption(passphrase),
        )
        return data, passphrase


def _common_name(cert: asn1_x509.Certificate) -> str:
    subject = cert.subject.native
    return str(subject.get("common_name", "")) if isinstance(subject, dict) else ""


def load_signer(p12_path: str | os.PathLike[str], passphrase: bytes) -> Signer:
    """Load the key and certificate from a PKCS#12 file, once. CoworkError if missing, unreadable or locked."""
    path = Path(p12_path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CoworkError(f"Certificate file not found: {path}") from None
    except OSError as exc:
        raise CoworkError(f"Cannot read the certificate file {path}: {exc.strerror or exc}") from None
    return load_signer_data(data, passphrase, path)


def load_signer_data(data: bytes, passphrase: bytes, path: Path) -> Signer:
    """:func:`load_signer` from the PKCS#12 bytes (``path`` names where they came from, for messages)."""
    try:
        key, cert, _others = pkcs12.load_key_and_certificates(data, passphrase or None)
    except ValueError:
        if not _looks_like_pkcs12(data):
            raise CoworkError(f"{path} is not a PKCS#12 certificate file (.p12 / .pfx).") from None
        raise CoworkError(f"Wrong passphrase for {path}") from None
    if key is None or cert is None:
        raise CoworkError(f"{path} does not hold both a private key and its certificate.")
    if not isinstance(key, rsa.RSAPrivateKey):
        # pyHanko would declare an ECDSA/EdDSA-signed file PDF 2.0, which PDF/A-2 forbids.
        raise CoworkError(
            f"{path} holds a {type(key).__name__} key; only RSA keys can sign PDF/A case notes."
        )
    return Signer(_LoadedKeySigner(key, cert, _others), path)


def _looks_like_pkcs12(data: bytes) -> bool:
    try:
        pfx = asn1_pkcs12.Pfx.load(data)
        pfx["auth_safe"]["content_type"].native  # noqa: B018 (forces parsing)
    except (ValueError, TypeError, KeyError):
        return False
    return True


def _visual(line: str) -> str:
    """One line in display order for the stamp's left-to-right engine: right-to-left runs reversed (rule L2)
    and Arabic in its presentation forms (the stamp font has no layout tables). Left-to-right base unless most
    letters are right-to-left, as in the note itself (see fonts)."""
    if not fonts.has_rtl(line):
        return line
    import arabic_reshaper
    from bidi import get_display

    shaped = str(arabic_reshaper.reshape(line)) if fonts.has_arabic(line) else line
    base = (
        "R"
        if sum(fonts.has_rtl(c) for c in line) > sum(c.isalpha() and not fonts.has_rtl(c) for c in line)
        else "L"
    )
    return str(get_display(shaped, base_dir=base))


def _stamp_param(text: str, limit: int = 90) -> str:
    """One line for the stamp: NFC (precomposed letters: the stamp font has no mark positioning), shortened,
    right-to-left text in display order (Arabic shaped), and characters the stamp font lacks replaced by U+FFFD
    (never .notdef)."""
    one_line = " ".join(unicodedata.normalize("NFC", text).split())
    if len(one_line) > limit:
        one_line = one_line[: limit - 1] + "…"
    visual = _visual(one_line)
    covered = stamp_font_coverage(fonts.has_arabic(visual))
    return "".join(c if ord(c) in covered else fonts.REPLACEMENT_CHARACTER for c in visual)


def sign_pdf(
    pdf_bytes: bytes,
    signer: Signer,
    *,
    signer_name: str,
    reason: str,
    location: str,
    field_name: str = SIGNATURE_FIELD,
    stamp_text: str = DEFAULT_STAMP_TEXT,
    certify: bool = True,
) -> bytes:
    """Sign ``pdf_bytes`` (PAdES baseline B, SHA-256) as an incremental update and return the signed file.

    The signature certifies the document with DocMDP permission 1 (no changes) unless ``certify`` is False.
    Refused (CoworkError) when the certificate may not sign now: expired, not yet valid, weak or not for signing.

    The visible stamp fills the empty field ``field_name`` (a signed case note ends with one); without such a
    field a new one is made at :data:`FALLBACK_STAMP_BOX` on the last page. ``stamp_text`` is a %-template
    with ``signer_name``, ``reason``, ``location`` and ``ts`` (the signing time, as in the signature).
    """
    problems = signer.signing_problems()
    if problems:
        raise CoworkError(f"cannot sign with {signer.source.name}: {problems[0]}")
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    except Exception as exc:  # pyHanko raises several error types for unreadable input
        raise CoworkError(f"The PDF cannot be read for signing: {exc}") from exc
    existing = list(fields.enumerate_sig_fields(writer, with_name=field_name))
    if existing and existing[0][1] is not None:
        raise CoworkError(f"The PDF is already signed in the field {field_name}.")
    new_field = (
        None
        if existing
        else fields.SigFieldSpec(sig_field_name=field_name, on_page=-1, box=FALLBACK_STAMP_BOX)
    )
    params = {
        "signer_name": _stamp_param(signer_name),
        "reason": _stamp_param(reason),
        "location": _stamp_param(location),
    }
    try:
        shown = stamp_text % {**params, "ts": ""}  # pyHanko fills in ts: the signing time it signs with
    except (KeyError, ValueError, TypeError) as exc:
        raise CoworkError(f"The stamp text is not a valid template: {exc}") from exc
    style = TextStampStyle(
        stamp_text=stamp_text,
        text_box_style=TextBoxStyle(
            font=signer.font_factory(fonts.has_arabic(shown)), font_size=STAMP_FONT_SIZE, leading=12
        ),
        border_width=1,
        background=None,
        timestamp_format=STAMP_TIME_FORMAT,
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        name=signer_name,
        # a certification signature allowing no change at all: readers flag any later form filling,
        # annotation or page change (DocMDP, ISO 32000-1 12.8.2.2)
        certify=certify,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
    )
    pdf_signer = signers.PdfSigner(
        meta, signer=signer.cms_signer, stamp_style=style, new_field_spec=new_field
    )
    try:
        output = pdf_signer.sign_pdf(
            writer, bytes_reserved=SIGNATURE_BYTES_RESERVED, appearance_text_params=params
        )
    except Exception as exc:  # SigningError, PdfWriteError, ...: one line for the user
        raise CoworkError(f"Signing failed: {exc}") from exc
    data: bytes = output.getvalue()
    return data


# ------------------------------------------------------------------------------------------- verification

#: a case note is well under 1 MB; a file larger than this is refused before it is parsed
MAX_VERIFY_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class VerifyResult:
    """What the signature itself says (see :func:`verify_pdf`); the services decide what it proves."""

    signer_name: str  # the certificate's common name
    signing_time: dt.datetime | None  # as claimed by the signer (no timestamp authority offline)
    intact: bool  # the signed bytes hash to the signed digest
    valid: bool  # the signature over that digest checks out
    covers_whole_file: bool  # nothing was appended after signing
    trusted: bool  # the certificate chains to one of the trust roots the caller gave
    content_hash: str | None  # the record's content hash in the signed revision
    field_name: str
    modification: str  # "none" or what the difference analysis found after the signed revision
    signature_count: int
    problems: tuple[str, ...]
    certificate: CertificateFacts | None = None
    certificate_der: bytes = b""
    #: a certification signature (DocMDP), and the changes it allows (1: none)
    certified: bool = False
    docmdp_permission: int | None = None
    #: the embedded record evidence (JSON bytes) as it was signed; None when the file carries none
    evidence: bytes | None = None
    digest_algorithm: str = ""
    #: the record id and version in the document information as it was signed (files without evidence)
    record_id: int | None = None
    record_version: int | None = None

    @property
    def ok(self) -> bool:
        """Intact, valid and covering the whole file (trust and the record are judged by the caller)."""
        return self.intact and self.valid and self.covers_whole_file


def _load_trusted(certificates: Sequence[bytes | asn1_x509.Certificate]) -> list[asn1_x509.Certificate]:
    loaded = []
    for cert in certificates:
        if isinstance(cert, asn1_x509.Certificate):
            loaded.append(cert)
            continue
        der = cert
        if cert.lstrip().startswith(b"-----BEGIN"):
            der = x509.load_pem_x509_certificate(cert).public_bytes(serialization.Encoding.DER)
        loaded.append(asn1_x509.Certificate.load(der))
    return loaded


def _info_value(info: generic.PdfObject | None, key: str) -> str | None:
    if not isinstance(info, generic.DictionaryObject) or key not in info:
        return None
    return str(info[key])


def _resolved(history: Any, value: generic.PdfObject) -> generic.PdfObject:
    if isinstance(value, generic.IndirectObject):
        resolved: generic.PdfObject = history.get_object(value.reference)
        return resolved
    return value


def _entry(history: Any, obj: generic.PdfObject, *keys: str) -> generic.PdfObject | None:
    """``obj[key][key]…`` as it was in ``history`` (each step resolved); None where a step is not a dictionary
    holding the next key."""
    for key in keys:
        if not isinstance(obj, generic.DictionaryObject) or key not in obj:
            return None
        obj = _resolved(history, obj.raw_get(key))
    return obj


def _signed_info(reader: PdfFileReader, revision: int) -> generic.PdfObject | None:
    """The document information dictionary as it was in ``revision`` (not as later updates left it)."""
    history = reader.get_historical_resolver(revision)
    trailer = history.trailer_view
    if "/Info" not in trailer:
        return None
    return _resolved(history, trailer.raw_get("/Info"))


def _signed_evidence(reader: PdfFileReader, revision: int) -> bytes | None:
    """The embedded file :data:`EVIDENCE_FILENAME` as it was in ``revision``; None when there is none."""
    history = reader.get_historical_resolver(revision)
    root = _resolved(history, history.trailer_view.raw_get("/Root"))
    pairs = _entry(history, root, "/Names", "/EmbeddedFiles", "/Names")
    if not isinstance(pairs, generic.ArrayObject):
        return None
    for i in range(0, len(pairs) - 1, 2):
        if str(_resolved(history, pairs[i])) != EVIDENCE_FILENAME:
            continue
        stream = _entry(history, _resolved(history, pairs[i + 1]), "/EF", "/F")
        if not isinstance(stream, generic.StreamObject):
            return None
        data: bytes = stream.data
        return data
    return None


def _docmdp(embedded: Any) -> tuple[bool, int | None]:
    try:
        level = embedded.docmdp_level
    except Exception:  # a malformed reference dictionary: treated as not certified
        return False, None
    if level is None:
        return False, None
    return True, int(level.value)


def verify_pdf(
    pdf_bytes: bytes,
    trusted_certificates: Sequence[bytes | asn1_x509.Certificate] = (),
) -> VerifyResult:
    """Check the (first) signature of a signed case note. CoworkError if the file is unreadable or unsigned.

    ``trusted_certificates`` (DER or PEM bytes, or asn1crypto certificates) are the trust roots: the managers'
    certificates the database knows and the user's trust list (a colleague's certificate or an organisation's
    CA). Path validation runs at the signing time the signature claims; no network is used.
    """
    if len(pdf_bytes) > MAX_VERIFY_BYTES:
        raise CoworkError(
            f"the file is {len(pdf_bytes) / 1e6:.0f} MB, larger than any case note "
            f"(limit {MAX_VERIFY_BYTES // (1024 * 1024)} MB): not checked"
        )
    # pyHanko and its validator log warnings (with tracebacks) for files that fail: an appended overlay, an added
    # annotation, an untrusted certificate. The outcome is in the result; the messages go to the app's log only.
    with logs.to_log_file("pyhanko", "pyhanko_certvalidator"):
        return _verify(pdf_bytes, trusted_certificates)


def _verify(pdf_bytes: bytes, trusted_certificates: Sequence[bytes | asn1_x509.Certificate]) -> VerifyResult:
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        signatures = list(reader.embedded_regular_signatures)
    except Exception as exc:  # a damaged file can fail in many ways inside the parser
        raise CoworkError(f"The file cannot be read as a PDF: {_one_line(exc)}") from None
    if not signatures:
        raise CoworkError("The file has no digital signature.")
    embedded = signatures[0]
    try:
        claimed = embedded.self_reported_timestamp
    except Exception:
        claimed = None
    try:
        context = ValidationContext(
            trust_roots=_load_trusted(trusted_certificates),
            allow_fetching=False,
            revocation_mode="soft-fail",
            moment=claimed if claimed is not None else None,
        )
        status = validate_pdf_signature(embedded, signer_validation_context=context)
    except Exception as exc:  # malformed CMS data and the like
        raise CoworkError(f"The signature cannot be checked: {_one_line(exc)}") from None

    problems: list[str] = []
    if not status.intact:
        problems.append("The file was changed after signing: the signed content does not match.")
    if not status.valid:
        problems.append("The signature value is not valid for this certificate.")
    coverage = status.coverage
    covers_whole = coverage == SignatureCoverageLevel.ENTIRE_FILE
    level = status.modification_level
    modification = "none" if covers_whole else (level.name.lower() if level is not None else "unknown")
    if not covers_whole:
        what = {
            "form_filling": "form filling or a signature",
            "annotations": "annotations",
            "lta_updates": "validation data",
        }.get(modification, "changes")
        problems.append(
            f"The file was changed after it was signed ({what} added): the signature does not cover the "
            "whole file."
        )
    if len(signatures) > 1:
        problems.append(f"The file has {len(signatures)} signatures; only the first was checked.")

    numbers: list[int | None] = [None, None]
    try:
        info = _signed_info(reader, embedded.signed_revision)
        content_hash = _info_value(info, INFO_CONTENT_HASH)
        for i, key in enumerate((INFO_RECORD_ID, INFO_RECORD_VERSION)):
            value = _info_value(info, key)
            numbers[i] = int(value) if value is not None and value.isdigit() else None
        current = reader.trailer_view.get("/Info")
        current_hash = _info_value(current.get_object() if current is not None else None, INFO_CONTENT_HASH)
    except Exception:  # an unreadable info dictionary only means no hash to report
        content_hash = current_hash = None
    if current_hash != content_hash:
        problems.append("The content hash in the file was changed after signing.")
    try:
        evidence = _signed_evidence(reader, embedded.signed_revision)
    except Exception:  # an unreadable name tree only means no evidence to read
        evidence = None
    certified, permission = _docmdp(embedded)
    cert = status.signing_cert
    facts = certificate_facts(cert) if cert is not None else None
    return VerifyResult(
        signer_name=_common_name(cert) if cert is not None else "",
        signing_time=status.signer_reported_dt,
        intact=bool(status.intact),
        valid=bool(status.valid),
        covers_whole_file=covers_whole,
        trusted=bool(status.trusted),
        content_hash=content_hash,
        field_name=str(embedded.field_name),
        modification=modification,
        signature_count=len(signatures),
        problems=tuple(problems),
        certificate=facts,
        certificate_der=cert.dump() if cert is not None else b"",
        certified=certified,
        docmdp_permission=permission,
        evidence=evidence,
        digest_algorithm=str(getattr(status, "md_algorithm", "") or ""),
        record_id=numbers[0],
        record_version=numbers[1],
    )


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def evidence_json(data: bytes | None) -> dict[str, Any] | None:
    """The embedded evidence parsed (None when absent or not a JSON object)."""
    if not data:
        return None
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return value if isinstance(value, dict) else None
