"""The one rule for a new passphrase, for a database and for a signing certificate alike.

The passphrase is what stands between a lost laptop and children's records: SQLCipher derives the database's key
from it (PBKDF2), and the signing certificate's private key, which vouches for every signed case note, is
encrypted with it. Nobody can recover it and nothing else protects the file, so a passphrase that can be guessed
in a few tries ("a", a space, "aaaaaaaa") protects nothing. The rule applies only when a passphrase is chosen
(``cowork init --encrypt``, ``cowork demo --encrypt``, ``cowork passphrase change``, ``cowork cert new`` and the
app's dialogs); an existing database or certificate always opens with the passphrase it has, whatever it is.
"""

from __future__ import annotations

#: the fewest characters a new passphrase may have
MIN_LENGTH = 8


def new_passphrase_problem(passphrase: str) -> str | None:
    """Why ``passphrase`` may not protect a new database or certificate (one sentence), or None when it may.

    It needs at least :data:`MIN_LENGTH` characters; it may not be only spaces (or other white space) or one
    character repeated; and it may not hold a NUL character, which SQLCipher cannot take (the key would be cut
    short there)."""
    if "\x00" in passphrase:
        return "The passphrase cannot contain a NUL character."
    if len(passphrase) < MIN_LENGTH:
        return f"The passphrase needs at least {MIN_LENGTH} characters (a few words you will remember work well)."
    if not passphrase.strip():
        return "The passphrase cannot be only spaces: use a few words you will remember."
    if len(set(passphrase)) == 1:
        return "The passphrase cannot be one character repeated: use a few words you will remember."
    return None
