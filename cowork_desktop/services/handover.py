"""Handover and pull (issue 17): a case passes to another manager with its whole signed history.

* ``cowork service handover --case REF --to MANAGER`` (:func:`hand_over`): a head of service moves the case to the
  receiving manager's team; the service records who, when, from which manager and team to which (append-only).
* ``cowork pull --case REF`` (:func:`pull`): the receiving manager brings every signed record of the case the
  service holds (with its signatures, actions, completions, audit entries, form versions and the certificates that
  signed its notes) into their own database, as read-only history beside their own records. Everything is checked
  before anything is written (:func:`cowork_desktop.domain.pulled.history_problems`): a record the service no
  longer holds as it was published is refused, and nothing is written. The pull is recorded in the receiving
  database's audit chain, with a digest of every row it added; ``cowork check`` proves the pulled records and each
  pull again. A second pull adds nothing.

The receiving manager then co-allocates the case to their own workers and goes on in a new arrangement: the
history keeps the signing laptop's ids (its content names them), and the new records are this database's own.
Imported only when a service command runs (psycopg loads with it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from cowork_desktop.domain.errors import NotFoundError, ServiceError, TamperedRecord
from cowork_desktop.domain.models import Case, CaseStatus, PlanType, Role
from cowork_desktop.domain.pulled import (
    History,
    PulledCase,
    PulledHandover,
    history_problems,
    pull_digest,
    sha256_hex,
)
from cowork_desktop.service_store import handover as service
from cowork_desktop.service_store.connection import where
from cowork_desktop.services import integrity
from cowork_desktop.store.store import Store

_Row = TypeVar("_Row")


@dataclass
class PullReport:
    case_reference: str
    case_id: int = 0
    case_made: bool = False
    #: signed records of the case on the service (this database's own included)
    on_service: int = 0
    #: of those, this database's own (published from here): not pulled again
    own: int = 0
    #: pulled by an earlier pull
    already: int = 0
    #: pulled now
    pulled: int = 0
    #: rows added now, by kind
    added: dict[str, int] = field(default_factory=dict)
    #: the audit entry of this pull (0 when nothing was new)
    entry_id: int = 0
    holder_team: str = ""
    handovers: list[PulledHandover] = field(default_factory=list)


def hand_over(url: str, case_reference: str, to_manager: str) -> PulledHandover:
    """Hand ``case_reference`` over to the manager ``to_manager`` (a head of service's login; see the module
    docstring). ServiceError, one line, when refused: not a head, no such case or manager, no published
    records, the manager holds it already."""
    return service.hand_over(url, case_reference.strip(), to_manager.strip())


def _case_of(pulled: PulledCase) -> Case:
    try:
        case = Case(
            pulled.reference,
            pulled.children_count,
            pulled.children_initials,
            PlanType(pulled.plan_type),
            CaseStatus(pulled.status),
        )
    except ValueError:
        raise ServiceError(
            f"the service's case {pulled.reference} has a plan type or status this version does not know: "
            "nothing was pulled"
        ) from None
    errors = case.validate()
    if errors:
        raise ServiceError(
            f"the service's case {pulled.reference} cannot be kept here ({next(iter(errors.values()))}): "
            "nothing was pulled"
        )
    return case


def _new(
    rows: Iterable[_Row], key: Callable[[_Row], tuple[Any, ...]], held: set[tuple[Any, ...]]
) -> list[_Row]:
    return [row for row in rows if key(row) not in held]


def _local_case(store: Store, pulled: PulledCase, own: dict[int, str]) -> int | None:
    """The id of this database's case of that reference when it is the service's case (made by a pull, or
    published from here), None when there is none; refused when it is another case with the same reference."""
    linked = store.pulled_case_id(pulled.reference)
    if linked is not None:
        return linked
    try:
        local = store.find_case(pulled.reference)
    except NotFoundError:
        return None
    source = store.identity()
    published_from_here = {r.content_hash for r in pulled.records if r.source == source}
    if published_from_here and published_from_here <= set(own.values()):
        assert local.id is not None
        return local.id
    raise ServiceError(
        f"this database already holds a case {local.reference} of its own, which is not the case "
        f"{pulled.reference} on the service: nothing was pulled (pull it into another database)"
    )


def pull(store: Store, url: str, case_reference: str) -> PullReport:
    """Bring the case's signed history into ``store`` (see the module docstring)."""
    reference = case_reference.strip()
    # an unprotected database or a broken audit chain takes nothing (the pull is recorded in the chain)
    integrity.require_sound(store, "pulled")
    pulled, _team = service.read_case(url, reference, Role.TEAM_MANAGER.label)
    report = PullReport(pulled.reference, holder_team=pulled.team, handovers=list(pulled.handovers))
    report.on_service = len(pulled.records)
    if not pulled.records:
        raise ServiceError(f"the service holds no signed record of case {pulled.reference}: nothing to pull")
    case = _case_of(pulled)
    own = store.own_record_hashes(pulled.reference)
    case_id = _local_case(store, pulled, own)

    # this database's own records (published from here and handed back) are here already, as its own
    mine = set(own.values())
    report.own = sum(1 for r in pulled.records if r.content_hash in mine)
    theirs = History(
        records=[r for r in pulled.records if r.content_hash not in mine],
        signatures=[s for s in pulled.signatures if s.record_hash not in mine],
        actions=[a for a in pulled.actions if a.record_hash not in mine],
        completions=[c for c in pulled.completions if c.record_hash not in mine],
        audit=[e for e in pulled.audit if e.record_hash not in mine],
        certificates=list(pulled.certificates),
        handovers=list(pulled.handovers),
    )

    # the forms: each definition gives its SHA-256, and one this database holds is the same
    local_forms = store.form_digests()
    forms = []
    for form in pulled.forms:
        if sha256_hex(form.definition.encode()) != form.sha256:
            raise TamperedRecord(
                f"not pulled: the service's form version {form.form_id} v{form.version} does not give its "
                "SHA-256 (it was changed on the service); nothing was written"
            )
        here = local_forms.get((form.form_id, form.version))
        if here is None:
            forms.append(form)
        elif here[0] != form.sha256:
            raise ServiceError(
                f"this database holds another form {form.form_id} v{form.version} than the service's: nothing "
                "was pulled"
            )
    digests = {key: actual for key, (actual, _stored) in local_forms.items()}
    digests.update({(f.form_id, f.version): f.sha256 for f in forms})

    # everything is checked before anything is written
    problems = history_problems(theirs, digests)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise TamperedRecord(
            f"not pulled: on the service, {problems[0]}{more}; nothing was written (ask the service's "
            "administrator: the published copy is not what was signed)"
        )

    held = store.pulled_keys(pulled.reference)
    new = History(
        records=_new(theirs.records, lambda r: (r.content_hash,), held["records"]),
        signatures=_new(theirs.signatures, lambda s: (s.record_hash, s.position), held["signatures"]),
        actions=_new(theirs.actions, lambda a: (a.record_hash, a.origin_id), held["actions"]),
        completions=_new(theirs.completions, lambda c: (c.source, c.action_origin_id), held["completions"]),
        audit=_new(theirs.audit, lambda e: (e.source, e.origin_id), held["audit"]),
        certificates=_new(theirs.certificates, lambda c: (c.fingerprint,), held["certificates"]),
        handovers=_new(theirs.handovers, lambda h: (h.id,), held["handovers"]),
    )
    report.already = len(theirs.records) - len(new.records)
    report.pulled = len(new.records)
    added = {
        kind: len(getattr(new, kind))
        for kind in ("records", "signatures", "actions", "completions", "audit", "certificates", "handovers")
    }
    detail = {
        "case_reference": pulled.reference,
        "service": where(url),
        "holder_team": pulled.team,
        "records": sorted(r.content_hash for r in new.records),
        "rows": {k: v for k, v in added.items() if v},
        "forms": [f"{f.form_id} v{f.version}" for f in forms],
        "handovers": [h.id for h in new.handovers],
        "digest": pull_digest(new),
    }
    written = store.write_pull(case, case_id, new, forms, detail)
    report.case_id = written.case_id
    report.case_made = written.case_made
    report.entry_id = written.entry.id if written.entry is not None else 0
    report.added = {k: v for k, v in added.items() if v} if written.entry is not None else {}
    return report
