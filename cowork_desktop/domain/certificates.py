"""What a signing certificate must be to sign (and to verify) a case note: the policy, in one place.

The facts are read from the certificate by the export layer (:func:`cowork_desktop.export.signing.certificate_facts`);
the rules here are plain Python so the CLI, the GUI, signing and verification all apply the same ones:

* valid at the moment of signing (not before its start, not after its end);
* strong enough: RSA of at least 2048 bits, elliptic curves of at least 256 bits (P-256, P-384, P-521),
  signed with SHA-256 or stronger;
* meant for signing: when the certificate limits its key usage, digital signature or non-repudiation is among
  the uses (no key-usage extension means no limit, as RFC 5280 says);
* in the name of the person the record says signed it (:func:`cowork_desktop.domain.names.same_name`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cowork_desktop.domain.names import same_name

MIN_RSA_BITS = 2048
MIN_EC_BITS = 256
#: digests accepted for the certificate's own signature and the document signature
STRONG_DIGESTS = frozenset({"sha256", "sha384", "sha512", "sha3_256", "sha3_384", "sha3_512"})
SIGNING_USAGES = frozenset({"digital_signature", "non_repudiation"})


@dataclass(frozen=True)
class CertificateFacts:
    """What the policy reads from a certificate (see the module docstring)."""

    fingerprint: str  # SHA-256 of the DER certificate, lower-case hex
    subject: str  # RFC 4514 text
    common_name: str
    issuer: str
    serial: str  # hex
    not_before: datetime  # aware, UTC
    not_after: datetime
    key_type: str  # "rsa", "ec", "ed25519", "ed448", "dsa", or another name
    key_bits: int
    #: the digest the issuer signed the certificate with ("sha256"), None when it cannot be told
    signature_digest: str | None
    #: the key usages the certificate allows; None when it does not limit them
    key_usage: frozenset[str] | None
    self_signed: bool
    is_ca: bool = False

    @property
    def short_fingerprint(self) -> str:
        """The first 16 hex digits in pairs (``ab:cd:...``): enough for a person to compare by eye."""
        head = self.fingerprint[:16].upper()
        return ":".join(head[i : i + 2] for i in range(0, len(head), 2))


def format_fingerprint(fingerprint: str) -> str:
    """A whole SHA-256 fingerprint as colon-separated pairs of upper-case hex digits."""
    text = fingerprint.replace(":", "").upper()
    return ":".join(text[i : i + 2] for i in range(0, len(text), 2))


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed (any case, with or without colons or spaces) as stored: lower-case hex."""
    return "".join(c for c in text.lower() if c in "0123456789abcdef")


def validity_problems(facts: CertificateFacts, at: datetime) -> list[str]:
    """Whether the certificate was valid at ``at`` (an aware datetime)."""
    if at < facts.not_before:
        return [
            f"the certificate of {facts.common_name or facts.subject} is not valid until "
            f"{facts.not_before:%d %b %Y %H:%M} UTC"
        ]
    if at > facts.not_after:
        return [
            f"the certificate of {facts.common_name or facts.subject} expired on {facts.not_after:%d %b %Y} "
            "(make or import a new one)"
        ]
    return []


def strength_problems(facts: CertificateFacts) -> list[str]:
    """Whether the key, the certificate's own signature and its key usage are fit for signing records."""
    problems = []
    if facts.key_type == "rsa" and facts.key_bits < MIN_RSA_BITS:
        problems.append(
            f"the certificate's RSA key has {facts.key_bits} bits; at least {MIN_RSA_BITS} are needed"
        )
    elif facts.key_type == "ec" and facts.key_bits < MIN_EC_BITS:
        problems.append(
            f"the certificate's elliptic-curve key has {facts.key_bits} bits; at least {MIN_EC_BITS} are needed"
        )
    elif facts.key_type not in ("rsa", "ec", "ed25519", "ed448"):
        problems.append(f"the certificate's {facts.key_type.upper()} key is not accepted for signing")
    digest = (facts.signature_digest or "").lower()
    if digest and digest not in STRONG_DIGESTS:
        problems.append(f"the certificate is signed with {digest.upper()}, weaker than SHA-256")
    if facts.key_usage is not None and not facts.key_usage & SIGNING_USAGES:
        allowed = ", ".join(sorted(facts.key_usage)) or "nothing"
        problems.append(
            "the certificate's key usage does not allow signing "
            f"(it allows {allowed.replace('_', ' ')}; digital signature or non-repudiation is needed)"
        )
    return problems


def signing_problems(facts: CertificateFacts, at: datetime) -> list[str]:
    """Everything that stops this certificate signing at ``at``: validity and strength."""
    return [*validity_problems(facts, at), *strength_problems(facts)]


def name_problem(facts: CertificateFacts, manager_name: str) -> str | None:
    """The certificate must be in the name of the manager who signed the record."""
    if not manager_name.strip():
        return None
    if same_name(facts.common_name, manager_name):
        return None
    return (
        f"the certificate is in the name of {facts.common_name or '(no name)'}, "
        f"but the record was signed by the manager {manager_name}"
    )
