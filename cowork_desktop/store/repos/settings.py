"""The database's settings and the signing certificates it knows."""

from __future__ import annotations

from dataclasses import dataclass

from cowork_desktop.store.base import StoreBase
from cowork_desktop.store.rows import now_utc

_CERT_COLUMNS = (
    "fingerprint, subject, common_name, issuer, serial, not_before, not_after, der, source, added_at"
)


@dataclass(frozen=True)
class KnownCertificate:
    """A signing certificate the database knows (see migration m004)."""

    fingerprint: str
    subject: str
    common_name: str
    issuer: str
    serial: str
    not_before: str
    not_after: str
    der: bytes
    source: str  # created, imported, signed
    added_at: str = ""


class SettingsRepository(StoreBase):
    # -- certificates -----------------------------------------------------------------------------
    def add_certificate(self, cert: KnownCertificate) -> bool:
        """Remember a signing certificate (audited); False when it was already known."""
        if self.get_certificate(cert.fingerprint) is not None:
            return False
        with self.tx():
            self.db.execute(
                "INSERT INTO certificates (fingerprint, subject, common_name, issuer, serial, not_before,"
                " not_after, der, source, added_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [
                    cert.fingerprint,
                    cert.subject,
                    cert.common_name,
                    cert.issuer,
                    cert.serial,
                    cert.not_before,
                    cert.not_after,
                    cert.der,
                    cert.source,
                    cert.added_at or now_utc().isoformat(),
                ],
            )
            self.audit(
                "add",
                "certificate",
                None,
                fingerprint=cert.fingerprint,
                subject=cert.subject,
                source=cert.source,
            )
        return True

    def get_certificate(self, fingerprint: str) -> KnownCertificate | None:
        row = self.db.conn.execute(
            f"SELECT {_CERT_COLUMNS} FROM certificates WHERE fingerprint = ?", [fingerprint]
        ).fetchone()
        return KnownCertificate(*row) if row else None

    def list_certificates(self) -> list[KnownCertificate]:
        return [
            KnownCertificate(*row)
            for row in self.db.conn.execute(f"SELECT {_CERT_COLUMNS} FROM certificates ORDER BY added_at")
        ]

    # -- settings ---------------------------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self._one("SELECT value FROM settings WHERE key = ?", [key])
        return str(row["value"]) if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.tx():
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            self.audit("set", "setting", None, key=key, value=value)
