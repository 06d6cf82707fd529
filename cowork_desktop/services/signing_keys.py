"""The signing keys unlocked in this session, and the manager's certificate file.

The session's keys (:data:`SIGNERS`) are held in memory only, by certificate file, so each passphrase is asked
once; never written anywhere, and dropped when the app exits, locks (:func:`forget_all`) or a test says so.
pyHanko is imported only when a key is loaded or made (never at start-up).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cowork_desktop.export.signing import Signer as Signer


class SignerCache:
    """The signing keys unlocked in this session, by certificate file: each passphrase is asked once."""

    def __init__(self) -> None:
        self._signers: dict[Path, Signer] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _key(path: Path | str) -> Path:
        return Path(path).expanduser().resolve()

    def get(self, path: Path | str) -> Signer | None:
        with self._lock:
            return self._signers.get(self._key(path))

    def put(self, path: Path | str, signer: Signer) -> Signer:
        with self._lock:
            self._signers[self._key(path)] = signer
        return signer

    def unlock(self, path: Path | str, passphrase: str) -> Signer:
        """Load the key with its passphrase (CoworkError if it does not open) and keep it for the session."""
        return self.put(path, load_signer(path, passphrase))

    def forget(self, path: Path | str) -> None:
        with self._lock:
            self._signers.pop(self._key(path), None)

    def clear(self) -> None:
        with self._lock:
            self._signers.clear()

    def __len__(self) -> int:
        return len(self._signers)


#: the session's unlocked signing keys
SIGNERS = SignerCache()


def forget_all() -> None:
    """Every unlocked key goes (the app locked): signing again asks for the passphrase."""
    SIGNERS.clear()


def load_signer(path: Path | str, passphrase: str | bytes) -> Signer:
    """The key in the PKCS#12 file ``path`` (CoworkError when it does not open, or may not sign)."""
    from cowork_desktop.export.signing import load_signer as load

    return load(path, passphrase.encode("utf-8") if isinstance(passphrase, str) else passphrase)


def create_certificate(
    name: str, organisation: str, path: Path, passphrase: bytes, *, overwrite: bool = False
) -> None:
    """A new self-signed signing certificate for ``name``, written to ``path`` (owner-only), protected by
    ``passphrase``; an existing file is replaced only with ``overwrite``."""
    from cowork_desktop.export.signing import create_certificate as create

    create(name, organisation, path, passphrase, overwrite=overwrite)


def public_certificate_path(p12_path: str | os.PathLike[str]) -> Path:
    """Where the public part of the certificate is kept beside it (``.crt``)."""
    from cowork_desktop.export.signing import public_certificate_path as public

    return public(p12_path)


def certificate_pem(der: bytes) -> bytes:
    """The certificate as PEM text (for the ``.crt`` beside the key)."""
    from cowork_desktop.export.certs import certificate_pem as pem

    return pem(der)


_warm_started = False


def warm_stamp_font() -> None:
    """Build the signature stamp's font in the background, once per process (~0.2 s), so the first signature
    does not wait for it."""
    global _warm_started
    if _warm_started:
        return
    _warm_started = True
    from cowork_desktop.export.signing import stamp_font_bytes

    threading.Thread(target=stamp_font_bytes, args=(False,), name="stamp-font", daemon=True).start()
