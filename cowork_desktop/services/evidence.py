"""What every signed file the app makes shares, case notes (:mod:`.export`) and development logs
(:mod:`.insights`) alike: the settings printed on it, the certificate checked before it is signed, the evidence
it embeds, and the audit entry that records its export (with the chain's head signed).

Below both: ``export`` (which also verifies development logs, so it reads ``insights``) and ``insights`` each
import this module, never each other's private helpers, so there is no cycle between them. Imports nothing of
the PDF and signing stack at start-up (``register_certificate`` reads a certificate with :mod:`..export.certs`
when called), so the ``cowork`` commands that only list certificates stay fast.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from cowork_desktop.domain.audit import head_message
from cowork_desktop.domain.certificates import CertificateFacts, format_fingerprint
from cowork_desktop.domain.certificates import name_problem as certificate_name_problem
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.names import same_name
from cowork_desktop.domain.records import canonical_json, hash_content
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.base import AuditRef
from cowork_desktop.store.repos.settings import KnownCertificate

if TYPE_CHECKING:
    from cowork_desktop.export.signing import Signer

#: settings printed on every signed file (and recorded in its evidence's rendering)
SETTING_ORGANISATION = "organisation"
SETTING_MARKING = "protective_marking"

EVIDENCE_FORMAT = "cowork-desktop evidence"
EVIDENCE_VERSION = 1
CASE_NOTE = "case note"
DEVELOPMENT_LOG = "development log"


def embedded_evidence(
    document: str, content: Mapping[str, Any], rendering: Mapping[str, Any], witness: AuditRef, **extra: Any
) -> bytes:
    """The JSON a signed PDF embeds: what it vouches for (``content`` and its hash), how it was printed
    (``rendering``), and the audit chain's head when it was made (``witness``)."""
    payload = {
        "format": EVIDENCE_FORMAT,
        "version": EVIDENCE_VERSION,
        "document": document,
        "content": content,
        "content_hash": hash_content(content),
        "rendering": rendering,
        # the audit chain's head when the file was made: a later rewrite of the chain shows against it
        "witness": {"audit_id": witness.id, "hash": witness.hash},
        **extra,
    }
    return canonical_json(payload).encode("utf-8")


# ------------------------------------------------------------------------------------ signing certificates


def register_certificate(ws: Workspace, der: bytes, source: str) -> tuple[CertificateFacts, bool]:
    """Make a certificate known to the database (``created``, ``imported``, or ``signed``: first used to
    sign). Returns its facts and whether it is new here. Audited; never removed."""
    from cowork_desktop.export.certs import certificate_facts

    facts = certificate_facts(der)
    added = ws.store.add_certificate(
        KnownCertificate(
            facts.fingerprint,
            facts.subject,
            facts.common_name,
            facts.issuer,
            facts.serial,
            facts.not_before.isoformat(),
            facts.not_after.isoformat(),
            der,
            source,
        )
    )
    return facts, added


def known_certificates(ws: Workspace) -> list[KnownCertificate]:
    """The signing certificates the database knows, oldest first (created, imported, or first used to sign)."""
    return ws.store.list_certificates()


def check_signer(ws: Workspace, signer: Signer, manager_name: str) -> None:
    """Refuse (one line) a certificate that may not sign this database's records now: expired, not yet valid,
    weak or not for signing; not in the name of the record's manager; or a second certificate in the manager's
    name that the database does not know (record it first: ``cowork cert add`` or Settings). A certificate used
    for the first time, when the database knows none in that name, becomes known here."""
    from cowork_desktop.export.signing import public_certificate_path

    problems = signer.signing_problems()
    if problems:
        raise CoworkError(f"cannot sign with {signer.source.name}: {problems[0]}")
    facts = signer.facts
    mismatch = certificate_name_problem(facts, manager_name)
    if mismatch:
        raise CoworkError(f"cannot sign with {signer.source.name}: {mismatch}")
    store = ws.store
    if store.get_certificate(facts.fingerprint) is not None:
        return
    same = [c for c in store.list_certificates() if same_name(c.common_name, facts.common_name)]
    if same:
        raise CoworkError(
            f"cannot sign with {signer.source.name}: this database knows another certificate for "
            f"{facts.common_name} (SHA-256 {format_fingerprint(same[-1].fingerprint)[:23]}...); to sign with this "
            f"one, record it first: cowork cert add {public_certificate_path(signer.source)} --db {store.path}"
        )
    register_certificate(ws, signer.certificate_der, "signed")


# ------------------------------------------------------------------------------------------------ audit


def audit_signed_export(
    ws: Workspace, signer: Signer | None, action: str, entity: str, entity_id: int, **detail: Any
) -> None:
    """The export's audit entry; a signed export also signs the chain's new head with the manager's key and
    keeps that signature (one transaction)."""
    audit_exports(ws, signer, [(action, entity, entity_id, detail)])


def audit_exports(
    ws: Workspace, signer: Signer | None, entries: Sequence[tuple[str, str, int, Mapping[str, Any]]]
) -> None:
    """Audit entries for exports, in one transaction; for a signed export, each entry's head signed and kept."""
    store = ws.store
    walked = store.verified_chain is not None
    ref: AuditRef | None = None
    with store.tx():
        for action, entity, entity_id, detail in entries:
            ref = store.audit(action, entity, entity_id, **detail)
            if signer is not None:
                signature = signer.sign_bytes(head_message(ref.id, ref.hash))
                store.add_audit_head(ref.id, ref.hash, signer.fingerprint, signature)
    if signer is not None:
        store.verified_chain = ref if walked else None
