"""Errors the user can act on. Each carries one clear line for the CLI and the GUI."""

from __future__ import annotations


class CoworkError(Exception):
    """Base for every error shown to the user as one line (never a traceback)."""


class NotFoundError(CoworkError):
    pass


class ValidationError(CoworkError):
    """Field-level problems: ``errors`` maps a field name to the message shown next to it."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        summary = "; ".join(f"{field}: {msg}" for field, msg in self.errors.items())
        super().__init__(summary or "invalid input")


class LockedRecordError(CoworkError):
    """A signed record (or its signatures, or the audit log) cannot be changed."""


class StoreError(CoworkError):
    """The database cannot be opened or used (corrupt, newer version, locked, unwritable)."""


class StaleDraft(StoreError):
    """A draft save based on a revision another window has saved over since: refused, nothing written."""


class ReadOnlyDatabase(StoreError):
    """The database was opened read-only (open in another window, or a read-only folder): nothing is written."""


class HeldElsewhere(StoreError):
    """The database is open in another window or program, and what was asked needs it to itself."""

    def __init__(self, message: str, holder: object = None) -> None:
        super().__init__(message)
        self.holder = holder


class PassphraseRequired(StoreError):
    """The database is encrypted and no passphrase was given."""


class WrongPassphrase(StoreError):
    """The passphrase given does not open the encrypted database."""


class EncryptionUnavailable(StoreError):
    """SQLCipher (``sqlcipher3``) cannot be used on this computer."""


class DamagedDatabase(StoreError):
    """The file is damaged or is not a database at all; ``backup`` is the latest good backup found, if any.

    The file itself was not modified.
    """

    def __init__(self, message: str, path: object = None, backup: object = None) -> None:
        super().__init__(message)
        self.path = path
        self.backup = backup


class FormError(CoworkError):
    """A form file is invalid; names the file and the question at fault."""

    def __init__(self, file: str, message: str, question: str | None = None) -> None:
        self.file = file
        self.question = question
        self.detail = message
        where = f"{file}: question '{question}'" if question else file
        super().__init__(f"{where}: {message}")


class ProtectionsMissing(StoreError):
    """The database's protections (triggers, indexes) differ from those the migrations install: nothing is
    written until they are restored (``cowork check --repair``) or a backup that checks is restored."""


class TamperedRecord(CoworkError):
    """A signed record, the audit chain or a signed chain head does not check: it is never exported as signed."""


class UniqueConflict(StoreError):
    """A write refused by one of the database's unique indexes: ``constraint`` names it as SQLite does
    (``table.column``), so the repository that wrote can say what it means in words."""

    def __init__(self, message: str, constraint: str = "") -> None:
        super().__init__(message)
        self.constraint = constraint


class ServiceError(CoworkError):
    """The service (PostgreSQL) could not be reached, refused a login, or refused a write; one line, never the
    password."""
