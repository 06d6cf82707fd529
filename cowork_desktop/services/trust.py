"""The user's trust list: certificates whose signatures ``cowork verify`` accepts without a database.

A colleague's public certificate (the ``.crt`` that ``cowork cert new`` writes beside their ``.p12``), or an
organisation's CA certificate that issues the managers' certificates. Kept as one PEM file per certificate,
named by its SHA-256 fingerprint, in ``trusted-certificates/`` in the user's data folder (``COWORK_DATA_DIR``
moves it); the folder is 0700 and each file 0600. No Qt.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cowork_desktop import paths
from cowork_desktop.domain.certificates import CertificateFacts, normalise_fingerprint
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.services.files import make_private_folders, os_reason, read_limited, write_atomic

TRUST_FOLDER = "trusted-certificates"
#: a certificate file is a few kilobytes; anything much larger is not one
MAX_CERTIFICATE_BYTES = 256 * 1024


@dataclass(frozen=True)
class Trusted:
    facts: CertificateFacts
    der: bytes
    path: Path


def folder() -> Path:
    return paths.data_dir() / TRUST_FOLDER


def _read(path: Path) -> tuple[bytes, CertificateFacts]:
    from cowork_desktop.export.certs import read_certificate

    data = read_limited(path, MAX_CERTIFICATE_BYTES, "a certificate", "too large to be a certificate")
    return read_certificate(data, str(path))


def read_certificate_file(path: str | os.PathLike[str]) -> tuple[bytes, CertificateFacts]:
    """A .pem, .crt or .cer certificate file: its DER and facts (CoworkError with one line otherwise)."""
    return _read(Path(path))


def trusted() -> list[Trusted]:
    """Every certificate in the trust list (unreadable files are skipped)."""
    found = []
    where = folder()
    if not where.is_dir():
        return []
    for path in sorted(where.glob("*.pem")):
        try:
            der, facts = _read(path)
        except CoworkError:
            continue
        found.append(Trusted(facts, der, path))
    return found


def add(path: str | os.PathLike[str]) -> tuple[Trusted, bool]:
    """Trust the certificate in ``path``. Returns it and whether it is new (False: it was already trusted)."""
    from cowork_desktop.export.certs import certificate_pem

    der, facts = read_certificate_file(path)
    where = folder()
    target = where / f"{facts.fingerprint}.pem"
    if target.exists():
        return Trusted(facts, der, target), False
    make_private_folders(where)
    write_atomic(target, certificate_pem(der))
    return Trusted(facts, der, target), True


def find(fingerprint: str) -> Trusted:
    """The trusted certificate whose fingerprint is, or starts with, ``fingerprint`` (at least 8 hex digits)."""
    wanted = normalise_fingerprint(fingerprint)
    if len(wanted) < 8:
        raise CoworkError("give at least the first 8 hex digits of the fingerprint (see 'cowork trust list')")
    matches = [t for t in trusted() if t.facts.fingerprint.startswith(wanted)]
    if not matches:
        raise CoworkError(f"no trusted certificate has the fingerprint {fingerprint}")
    if len(matches) > 1:
        raise CoworkError(f"{len(matches)} trusted certificates start with {fingerprint}: give more digits")
    return matches[0]


def remove(fingerprint: str) -> Trusted:
    """Stop trusting a certificate (its file is deleted). Returns what was removed."""
    found = find(fingerprint)
    try:
        found.path.unlink()
    except OSError as exc:
        raise CoworkError(f"cannot remove {found.path}: {os_reason(exc)}") from None
    return found


def roots() -> list[bytes]:
    """The trust list as DER certificates (trust roots for verification)."""
    return [t.der for t in trusted()]
