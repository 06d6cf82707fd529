"""Is the database still the evidence it was? ``cowork check``, the check at start-up and before every export.

* **Protections:** every table, index and trigger the migrations install is there with their SQL
  (:mod:`cowork_desktop.store.schema`); a missing or altered trigger is named.
* **Signed records:** each one's content hash is recomputed from its rows (answers, signatures, actions, frame,
  the stored form definition: :func:`cowork_desktop.domain.records.canonical_content`) and compared with the
  stored hash and with the hash its signing entry in the audit log recorded. A signed record that is gone without
  a retention purge is named too.
* **The audit chain:** every entry's hash is recomputed and each must follow the one before
  (:func:`cowork_desktop.domain.audit.walk_chain`); every chain head the manager signed at an export must still be
  in the chain, and its signature must check with a certificate the database knows.

Someone with the file and its passphrase can still change rows and recompute every hash; without the manager's
key they cannot sign the rewritten chain's heads, and every signed PDF and every backup keeps the old head as a
witness (see ``cowork verify --db``). No Qt.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cowork_desktop.domain.audit import GENESIS, ChainWalk, Entry, hash_of, head_message, walk_chain
from cowork_desktop.domain.errors import ProtectionsMissing, TamperedRecord
from cowork_desktop.domain.pulled import PULL_ACTION, history_problems, pull_digest
from cowork_desktop.domain.records import content_hash
from cowork_desktop.store.backup import Backup
from cowork_desktop.store.base import AuditRef
from cowork_desktop.store.repos.records import SignedInputs
from cowork_desktop.store.schema import SchemaProblem
from cowork_desktop.store.store import Store

#: the audit entry m004 wrote when it started the chain: records signed after it use canonical content 2
CHAIN_START_ACTION = ("chain", "audit_log")
#: how often :func:`check_store` reports progress (records or entries)
PROGRESS_EVERY = 2000

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Finding:
    """One problem, as one line naming what is at fault."""

    message: str
    record_id: int | None = None
    audit_id: int | None = None

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class CheckReport:
    path: Path
    signed_records: int
    audit_entries: int
    heads: int
    findings: tuple[Finding, ...]
    protections: tuple[SchemaProblem, ...] = field(default=())
    #: the last entry of the chain as walked, when the chain walked whole
    walked: AuditRef | None = None
    #: signed records pulled from the service (another manager's history), checked too
    pulled_records: int = 0

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def summary(self) -> str:
        if self.ok:
            pulled = f", and {self.pulled_records} pulled signed records" if self.pulled_records else ""
            return (
                f"all {self.signed_records} signed records and {self.audit_entries} audit entries check"
                f" ({self.heads} signed chain heads){pulled}"
            )
        return (
            f"{len(self.findings)} problem(s) in {self.path}: {self.signed_records} signed records and "
            f"{self.audit_entries} audit entries read"
        )

    @property
    def tampered_records(self) -> set[int]:
        return {f.record_id for f in self.findings if f.record_id is not None}

    @property
    def protections_missing(self) -> bool:
        return bool(self.protections)

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "database": str(self.path),
            "signed_records": self.signed_records,
            "audit_entries": self.audit_entries,
            "signed_heads": self.heads,
            "pulled_records": self.pulled_records,
            "findings": [
                {"message": f.message, "record_id": f.record_id, "audit_id": f.audit_id}
                for f in self.findings
            ],
            "protections_missing": [p.name for p in self.protections],
        }


# -------------------------------------------------------------------------------------------- pieces


def _detail(entry: Entry) -> dict[str, Any]:
    try:
        value = json.loads(entry.detail)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _record_label(inputs: SignedInputs) -> str:
    r = inputs.record
    return f"record {r.id} ({inputs.case_reference}, {r.kind.label}, version {r.version})"


def chain_start(store: Store) -> int:
    """The id of the entry that started the audit chain in a database made before it (0 in a database made
    with it: every entry is chained from the first). Records signed and exports made after it must use
    canonical content 2 and have a signed chain head."""
    found = store.entries_of(*CHAIN_START_ACTION)
    return found[0].id if found else 0


def lock_entries(store: Store) -> dict[int, Entry]:
    """Each signed record's signing ("lock") entry in the audit log, by record id (the last one)."""
    return {e.entity_id: e for e in store.entries_of("lock", "record") if e.entity_id is not None}


def recomputed_hash(inputs: SignedInputs, canon: int) -> str:
    return content_hash(
        inputs.record, inputs.case_reference, inputs.signatures, inputs.actions, inputs.form_sha256, canon
    )


def _record_findings(inputs: SignedInputs, lock: Entry | None, start_id: int) -> list[Finding]:
    record = inputs.record
    label = _record_label(inputs)
    rid = record.id
    if lock is None:
        return [Finding(f"{label}: its signing is not in the audit log", rid)]
    detail = _detail(lock)
    canon = detail.get("canon", 1)
    if not isinstance(canon, int) or canon not in (1, 2):
        return [
            Finding(f"{label}: its signing entry (audit entry {lock.id}) names no known content rule", rid)
        ]
    out = []
    if lock.id > start_id and canon < 2:
        out.append(Finding(f"{label}: signed after the audit chain began but with the old content rule", rid))
    if not inputs.form_sha256:
        out.append(
            Finding(f"{label}: its form version {record.form_id} v{record.form_version} is not stored", rid)
        )
    recomputed = recomputed_hash(inputs, canon)
    if recomputed != record.content_hash:
        out.append(
            Finding(
                f"{label}: its content was changed after signing (the answers, signatures, actions or form no "
                "longer give its content hash)",
                rid,
            )
        )
    if detail.get("content_hash") != record.content_hash:
        out.append(
            Finding(
                f"{label}: its content hash differs from the one recorded when it was signed "
                f"(audit entry {lock.id})",
                rid,
                lock.id,
            )
        )
    return out


def _form_findings(store: Store) -> list[Finding]:
    return [
        Finding(
            f"form version {form_id} v{version} was changed after records used it (its definition no longer "
            "gives its SHA-256)"
        )
        for (form_id, version), (actual, stored) in sorted(store.form_digests().items())
        if actual != stored
    ]


def _missing_records(store: Store, locks: dict[int, Entry], present: set[int]) -> list[Finding]:
    """Signed records (they have a signing entry) that are gone, unless a retention purge took them."""
    gone = [rid for rid in locks if rid not in present]
    if not gone:
        return []
    still = {
        int(r[0])
        for r in store.db.conn.execute(
            f"SELECT id FROM records WHERE id IN ({','.join('?' * len(gone))})", gone
        )
    }
    gone = [rid for rid in gone if rid not in still]
    if not gone:
        return []
    purged_records: set[int] = set()
    purged_cas: set[int] = set()
    purged_cases: set[int] = set()
    for entry in store.entries_of("purge", "coallocation"):
        detail = _detail(entry)
        purged_records.update(x for x in detail.get("record_ids", []) if isinstance(x, int))
        if entry.entity_id is not None:
            purged_cas.add(entry.entity_id)
        if isinstance(detail.get("case_id"), int):
            purged_cases.add(detail["case_id"])
    created = {e.entity_id: _detail(e).get("case_id") for e in store.entries_of("create", "record")}
    out = []
    for rid in sorted(gone):
        detail = _detail(locks[rid])
        if (
            rid in purged_records
            or detail.get("coallocation_id") in purged_cas
            or (not detail.get("coallocation_id") and created.get(rid) in purged_cases)
        ):
            continue
        out.append(
            Finding(
                f"record {rid} was signed (audit entry {locks[rid].id}) but is no longer in the database, and no "
                "retention purge removed it",
                rid,
                locks[rid].id,
            )
        )
    return out


def walk(store: Store, after: AuditRef | None = None, progress: Progress | None = None) -> ChainWalk:
    """Walk the audit chain (from just after ``after``, when given) and remember how far it checks."""
    start = after or AuditRef(0, GENESIS)

    def entries() -> Iterable[Entry]:
        for n, entry in enumerate(store.chain_entries(start.id), start=1):
            if progress is not None and n % PROGRESS_EVERY == 0:
                progress("audit entries", n, 0)
            yield entry

    result = walk_chain(entries(), start.id, start.hash)
    if not result.problems:
        store.verified_chain = AuditRef(result.last_id, result.last_hash)
    return result


def _head_findings(store: Store, start_id: int) -> tuple[int, list[Finding]]:
    from cowork_desktop.export.certs import verify_raw

    heads = store.audit_heads()
    out = []
    certificates = {c.fingerprint: c for c in store.list_certificates()}
    covered = set()
    for head in heads:
        covered.add(head.audit_id)
        entry = store.audit_entry(head.audit_id)
        where = f"chain head {head.id} (signed {head.signed_at[:10]} over audit entry {head.audit_id})"
        if entry is None:
            out.append(Finding(f"{where}: that audit entry is gone", None, head.audit_id))
            continue
        if entry.hash != head.head_hash:
            out.append(
                Finding(
                    f"{where}: the audit log was rewritten: entry {head.audit_id} no longer has the hash the "
                    "manager signed",
                    None,
                    head.audit_id,
                )
            )
        cert = certificates.get(head.fingerprint)
        if cert is None:
            out.append(Finding(f"{where}: signed with a certificate this database does not know", None))
            continue
        if not verify_raw(cert.der, head_message(head.audit_id, head.head_hash), head.signature):
            out.append(Finding(f"{where}: its signature does not check with the manager's certificate", None))
    for entry in store.entries_of("export", "record"):
        if entry.id > start_id and _detail(entry).get("signed") is True and entry.id not in covered:
            out.append(
                Finding(
                    f"audit entry {entry.id} records a signed export of record {entry.entity_id}, but its signed "
                    "chain head is missing",
                    entry.entity_id,
                    entry.id,
                )
            )
    return len(heads), out


def _pulled_findings(store: Store) -> tuple[int, list[Finding]]:
    """The history pulled from the service (``services/handover.py``): every pulled record proves itself
    (:func:`cowork_desktop.domain.pulled.history_problems`), and the rows of each pull are those its audit entry
    recorded (their digest), no more and no fewer."""
    history = store.pulled_history()
    if history.empty:
        return 0, []
    digests = {key: actual for key, (actual, _stored) in store.form_digests().items()}
    out = [Finding(p) for p in history_problems(history, digests)]
    pulls = store.entries_of(PULL_ACTION, "case")
    for entry in pulls:
        if pull_digest(store.pulled_history(pull_id=entry.id)) != _detail(entry).get("digest"):
            out.append(
                Finding(
                    f"the history pulled by audit entry {entry.id} is not what that pull added (a pulled row was "
                    "changed, added or removed since)",
                    None,
                    entry.id,
                )
            )
    for pull_id in sorted(store.pull_ids_in_rows() - {e.id for e in pulls}):
        out.append(Finding(f"pulled rows name audit entry {pull_id}, which is not a pull", None, pull_id))
    return len(history.records), out


# ------------------------------------------------------------------------------------------------ checks


def check_store(store: Store, progress: Progress | None = None) -> CheckReport:
    """Everything ``cowork check`` checks (see the module docstring). Reads only."""
    protections = store.protection_problems(fresh=True)
    findings: list[Finding] = [Finding(p.message) for p in protections]
    findings.extend(_form_findings(store))
    findings.extend(Finding(line) for line in store.derived_problems())
    start_id = chain_start(store)
    locks = lock_entries(store)
    total = store.count_signed_records()
    present: set[int] = set()
    count = 0
    for inputs in store.signed_inputs():
        count += 1
        assert inputs.record.id is not None
        present.add(inputs.record.id)
        findings.extend(_record_findings(inputs, locks.get(inputs.record.id), start_id))
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress("signed records", count, total)
    findings.extend(_missing_records(store, locks, present))
    chain = walk(store, progress=progress)
    findings.extend(Finding(p.message, None, p.entry_id) for p in chain.problems)
    heads, head_findings = _head_findings(store, start_id)
    findings.extend(head_findings)
    pulled, pulled_findings = _pulled_findings(store)
    findings.extend(pulled_findings)
    walked = AuditRef(chain.last_id, chain.last_hash) if not chain.problems else None
    return CheckReport(
        store.path, count, chain.count, heads, tuple(findings), tuple(protections), walked, pulled
    )


def latest_signed_head(store: Store) -> AuditRef | None:
    """The newest chain head the manager signed that still holds: its entry has the hash that was signed, and
    the signature checks with a certificate the database knows. The chain up to it is vouched for by the key."""
    from cowork_desktop.export.certs import verify_raw

    for head in reversed(store.audit_heads()):
        entry = store.audit_entry(head.audit_id)
        cert = store.get_certificate(head.fingerprint)
        if entry is None or entry.hash != head.head_hash or cert is None:
            return None  # a head that no longer holds: walk the whole chain, which names the problem
        if verify_raw(cert.der, head_message(head.audit_id, head.head_hash), head.signature):
            return AuditRef(head.audit_id, head.head_hash)
        return None
    return None


def _entry_findings(store: Store, entry: Entry, what: str) -> list[Finding]:
    """One entry checked in place: its hash is that of its content, and the next entry follows it."""
    out = []
    if hash_of(entry, entry.prev_hash) != entry.hash:
        out.append(
            Finding(f"audit entry {entry.id} ({what}) was changed: its content does not match its hash")
        )
    following = store.audit_entry(entry.id + 1)
    if following is not None and following.prev_hash != entry.hash:
        out.append(Finding(f"audit entry {entry.id + 1} does not follow entry {entry.id} ({what})"))
    return out


def check_record(store: Store, record_id: int) -> list[Finding]:
    """The checks for one signed record, before it is exported: its content against its hash and its signing
    entry (that entry checked in place), the protections, and the audit chain from where it is known to hold (as
    far as this session walked it, else the newest signed head) to its end. The whole chain is walked at
    start-up and by ``cowork check``."""
    findings: list[Finding] = [Finding(p.message) for p in store.protection_problems(fresh=True)]
    findings.extend(record_findings(store, record_id))
    chain = walk(store, store.verified_chain or latest_signed_head(store))
    findings.extend(Finding(p.message, None, p.entry_id) for p in chain.problems)
    return findings


def record_findings(store: Store, record_id: int, start_id: int | None = None) -> list[Finding]:
    """The part of :func:`check_record` about the record alone: its content against its hash and its signing
    entry, that entry checked in place. An export of many records checks the protections and the chain once,
    and this for each record (``start_id``: :func:`chain_start`, read once)."""
    findings: list[Finding] = []
    start = chain_start(store) if start_id is None else start_id
    lock = next(iter(reversed(store.entries_of("lock", "record", record_id))), None)
    for inputs in store.signed_inputs([record_id]):
        findings.extend(_record_findings(inputs, lock, start))
        if lock is not None:
            findings.extend(_entry_findings(store, lock, f"the signing of record {record_id}"))
    return findings


def _require_protected(store: Store, what: str = "exported as signed") -> None:
    problems = store.protection_problems(fresh=True)
    if problems:
        raise ProtectionsMissing(
            f"{store.path}: {problems[0].message}; nothing is {what} until the protections are "
            "restored (cowork check --repair) or a backup that checks is restored"
        )


def _refuse(findings: Sequence[Finding], what: str = "exported") -> None:
    if findings:
        more = f" (and {len(findings) - 1} more: run cowork check)" if len(findings) > 1 else ""
        raise TamperedRecord(f"not {what}: {findings[0].message}{more}")


def require_intact(store: Store, record_id: int) -> None:
    """Refuse (one line) to export a record whose evidence does not check, or from an unprotected database."""
    _require_protected(store)
    _refuse(check_record(store, record_id))


def require_intact_many(store: Store) -> Callable[[int], None]:
    """:func:`require_intact` for an export of many records, split where it can be: the protections and the
    audit chain (from where it is known to hold to its end) are checked now, once, as for the first record; the
    function returned checks one record (:func:`record_findings`) and refuses the same way. Nothing is written
    between the two (the export writes its files and audit entries after every record checked)."""
    start = _refuse_unsound(store, "exported")
    return lambda record_id: _refuse(record_findings(store, record_id, start))


def _refuse_unsound(store: Store, what: str) -> int:
    """Refuse an unprotected database or an audit chain that does not walk (from where it is known to hold);
    returns :func:`chain_start`."""
    _require_protected(store, f"{what} as signed" if what == "exported" else what)
    chain = walk(store, store.verified_chain or latest_signed_head(store))
    _refuse([Finding(p.message, None, p.entry_id) for p in chain.problems], what)
    return chain_start(store)


def require_sound(store: Store, what: str) -> None:
    """Refuse (one line) an unprotected database or an audit chain that does not walk: nothing is ``what``."""
    _refuse_unsound(store, what)


@dataclass(frozen=True)
class CheckedRecord:
    """A signed record's inputs, the content rule it was signed with, and what its check found."""

    inputs: SignedInputs
    canon: int
    findings: tuple[Finding, ...]


def checked_signed_records(
    store: Store, what: str = "published"
) -> Callable[[Sequence[int] | None], Iterator[CheckedRecord]]:
    """The signed records with their findings, as ``cowork check`` finds them, for a caller that sets aside the
    records that fail instead of stopping (publishing). Refuses at once (``what``: the verb of the refusal) an
    unprotected database or an audit chain that does not walk (now, not when the records are read); then the
    function returned reads and checks them: every signed record, or those of the ids given (in id order)."""
    start = _refuse_unsound(store, what)

    def checked(record_ids: Sequence[int] | None = None) -> Iterator[CheckedRecord]:
        return _checked(store, start, record_ids)

    return checked


def _checked(store: Store, start: int, record_ids: Sequence[int] | None = None) -> Iterator[CheckedRecord]:
    if record_ids is not None and not record_ids:
        return
    locks = lock_entries(store)
    for inputs in store.signed_inputs(sorted(record_ids) if record_ids is not None else None):
        assert inputs.record.id is not None
        lock = locks.get(inputs.record.id)
        canon = _detail(lock).get("canon", 1) if lock is not None else 1
        found = _record_findings(inputs, lock, start)
        yield CheckedRecord(inputs, canon if isinstance(canon, int) else 1, tuple(found))


def check_database(
    path: Path, passphrase: str | None = None, progress: Progress | None = None
) -> CheckReport:
    """:func:`check_store` on a read-only connection of its own (safe on another thread while the app works)."""
    from cowork_desktop.store.opening import open_read_only

    store = open_read_only(path, passphrase)
    try:
        return check_store(store, progress)
    finally:
        store.close()


def latest_backup_that_checks(db_path: Path, passphrase: str | None = None) -> Backup | None:
    """The newest backup of the database that passes the page check and :func:`check_store` (an encrypted one
    is opened with the database's passphrase). None when there is none."""
    from cowork_desktop.store import backup

    for found in backup.list_backups(Path(db_path)):
        try:
            backup.verify(found.path, passphrase)
            if check_database(found.path, passphrase).ok:
                return found
        except Exception:  # a backup that cannot be read or checked is simply not offered
            continue
    return None
