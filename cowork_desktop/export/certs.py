"""Certificates without the PDF stack: their facts for the signing policy, reading .pem/.crt/.cer files, and raw
signatures (an audit chain head). Only ``cryptography`` is imported, so checks and the trust list stay light.
"""

from __future__ import annotations

import hashlib

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.x509.oid import NameOID

from cowork_desktop.domain.certificates import CertificateFacts
from cowork_desktop.domain.errors import CoworkError

_DIGEST_NAMES = {
    "sha1": "sha1",
    "md5": "md5",
    "sha224": "sha224",
    "sha256": "sha256",
    "sha384": "sha384",
    "sha512": "sha512",
    "sha3-256": "sha3_256",
    "sha3-384": "sha3_384",
    "sha3-512": "sha3_512",
}


def certificate_facts(cert: x509.Certificate | asn1_x509.Certificate | bytes) -> CertificateFacts:
    """What the policy in :mod:`cowork_desktop.domain.certificates` reads, from a certificate (DER bytes, or a
    cryptography / asn1crypto certificate)."""
    if isinstance(cert, asn1_x509.Certificate):
        cert = x509.load_der_x509_certificate(cert.dump())
    elif isinstance(cert, bytes):
        cert = x509.load_der_x509_certificate(cert)
    der = cert.public_bytes(serialization.Encoding.DER)
    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        key_type, bits = "rsa", key.key_size
    elif isinstance(key, ec.EllipticCurvePublicKey):
        key_type, bits = "ec", key.curve.key_size
    elif isinstance(key, ed25519.Ed25519PublicKey):
        key_type, bits = "ed25519", 256
    elif isinstance(key, ed448.Ed448PublicKey):
        key_type, bits = "ed448", 456
    elif isinstance(key, dsa.DSAPublicKey):
        key_type, bits = "dsa", key.key_size
    else:
        key_type, bits = type(key).__name__.lower(), 0
    try:
        algorithm = cert.signature_hash_algorithm
        digest = _DIGEST_NAMES.get(algorithm.name, algorithm.name) if algorithm is not None else None
    except Exception:  # an algorithm cryptography does not know
        digest = "unknown"
    usage: frozenset[str] | None
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        usage = frozenset(
            name
            for name, on in (
                ("digital_signature", ku.digital_signature),
                ("non_repudiation", ku.content_commitment),
                ("key_encipherment", ku.key_encipherment),
                ("data_encipherment", ku.data_encipherment),
                ("key_agreement", ku.key_agreement),
                ("key_cert_sign", ku.key_cert_sign),
                ("crl_sign", ku.crl_sign),
            )
            if on
        )
    except x509.ExtensionNotFound:
        usage = None
    try:
        is_ca = bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        is_ca = False
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return CertificateFacts(
        fingerprint=hashlib.sha256(der).hexdigest(),
        subject=cert.subject.rfc4514_string(),
        common_name=str(names[0].value) if names else "",
        issuer=cert.issuer.rfc4514_string(),
        serial=format(cert.serial_number, "x"),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        key_type=key_type,
        key_bits=bits,
        signature_digest=digest,
        key_usage=usage,
        self_signed=cert.issuer == cert.subject,
        is_ca=is_ca,
    )


def read_certificate(data: bytes, source: str = "the file") -> tuple[bytes, CertificateFacts]:
    """A certificate from PEM or DER bytes (a .pem, .crt or .cer file): its DER and facts. CoworkError when
    the bytes are not one certificate."""
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            cert = x509.load_pem_x509_certificate(data)
        else:
            cert = x509.load_der_x509_certificate(data)
    except ValueError:
        raise CoworkError(
            f"{source} is not a certificate (a .pem, .crt or .cer file holding one X.509 certificate)"
        ) from None
    return cert.public_bytes(serialization.Encoding.DER), certificate_facts(cert)


def certificate_pem(der: bytes) -> bytes:
    return x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)


def verify_raw(cert_der: bytes, message: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is the certificate's key's signature of ``message`` (RSA PKCS#1 v1.5 or ECDSA, with
    SHA-256), as :meth:`Signer.sign_bytes` makes it."""
    try:
        key = x509.load_der_x509_certificate(cert_der).public_key()
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, message, PKCS1v15(), hashes.SHA256())
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, message, ec.ECDSA(hashes.SHA256()))
        else:
            return False
    except (InvalidSignature, ValueError):
        return False
    return True
