"""What the protocol cares about most, gathered from the store: is co-working happening as agreed (cadence, drift,
promises kept, partnership over time) and is the less experienced worker learning (the development log)?

The rules are the pure functions of :mod:`cowork_desktop.domain.insights`; this module only reads the signed,
current records (a record replaced by a signed amendment no longer counts) and hands them over. Cases are named by
reference only, never a child. No Qt: the case page, the dashboard and the ``cowork`` command all call these.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cowork_desktop.domain import dates
from cowork_desktop.domain.cadence import Cadence
from cowork_desktop.domain.due import ActionSummary, CoAllocationState, RecordSummary, extract_facts
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.forms import FormDefinition
from cowork_desktop.domain.insights import (
    ActionFact,
    DomainGroup,
    Drift,
    LadderPoint,
    LearningEntry,
    PcfDomain,
    Promises,
    action_outcome,
    discussion_cadence,
    drift_for,
    group_by_domain,
    group_by_month,
    ladder_trend,
    not_done_verdicts,
    promises,
    promises_from_tallies,
    redact_initials,
    sort_by_drift,
    split_entries,
    supervision_cadence,
    tag_entry,
)
from cowork_desktop.domain.models import Action, Case, CoAllocation, Record, RecordStatus, learner_ids
from cowork_desktop.domain.records import superseded_ids
from cowork_desktop.export.model import DEFAULT_PROTECTIVE_MARKING
from cowork_desktop.forms.pcf import default_pcf_file, load_pcf_domains
from cowork_desktop.services.evidence import (
    DEVELOPMENT_LOG,
    SETTING_MARKING,
    SETTING_ORGANISATION,
    audit_signed_export,
    check_signer,
    embedded_evidence,
)
from cowork_desktop.services.reckoned import Reckoned
from cowork_desktop.services.sessions import Workspace, due_inputs
from cowork_desktop.store.opening import open_read_only

if TYPE_CHECKING:
    from cowork_desktop.export.devlog_pdf import DevLogDocument
    from cowork_desktop.export.signing import Signer

# The PDF side (reportlab, pikepdf, pyHanko) is imported where a log is printed:
# the dashboard and case page use this module at start-up and must not pay for it.

# ------------------------------------------------------------------------------------------------ reading


class _Forms:
    """Stored form snapshots, read once each."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._cache: dict[tuple[str, int], FormDefinition] = {}

    def of(self, record: Record) -> FormDefinition:
        key = (record.form_id, record.form_version)
        if key not in self._cache:
            self._cache[key] = self.ws.store.form_definition(*key)
        return self._cache[key]


def current_signed(records: Iterable[Record]) -> list[Record]:
    """Signed records not replaced by a signed amendment, in meeting order."""
    records = list(records)
    replaced = superseded_ids(records)
    return sorted(
        (r for r in records if r.status == RecordStatus.SIGNED and r.id not in replaced),
        key=lambda r: (r.meeting_date, r.id or 0),
    )


def _state(
    ws: Workspace,
    forms: _Forms,
    case: Case,
    ca: CoAllocation,
    records: Sequence[Record],
    actions: dict[int, list[Action]],
) -> CoAllocationState:
    """The due rules' snapshot of one co-allocation (any co-allocation, ended ones included)."""
    assert ca.id is not None and case.id is not None
    names = tuple(ws.store.get_worker(w).name for w in ca.worker_ids)
    state = CoAllocationState(
        ca.id, case.id, case.reference, ca.start_date, ca.end_date, (names[0], names[1])
    )
    for r in records:
        if r.coallocation_id != ca.id or r.id is None:
            continue
        state.records.append(
            RecordSummary(
                r.id,
                r.kind,
                r.status,
                r.meeting_date,
                extract_facts(forms.of(r), r.answers),
                r.linked_record_id,
            )
        )
        for a in actions.get(r.id, []):
            if a.done_date is None and a.id is not None:
                state.actions.append(ActionSummary(a.id, a.description, a.due_date, a.done_date))
    return state


def _actions_of(ws: Workspace, records: Iterable[Record]) -> dict[int, list[Action]]:
    """What each record agreed: its own actions and those an amendment carried from the version before."""
    return {r.id: ws.store.record_actions(r.id) for r in records if r.id is not None}


def _initial_deadline(ws: Workspace, start: date) -> date:
    return ws.calendar.add_working_days(start, ws.initial_meeting_days)


# ---------------------------------------------------------------------------------------------- the case page


@dataclass(frozen=True)
class CaseInsights:
    """Everything the case page shows about the case's current (or latest) co-allocation, on a day."""

    case_id: int
    case_reference: str
    on: date
    coallocation_id: int | None = None
    #: agreed reflective case discussions against those held (None: no frequency agreed yet)
    discussions: Cadence | None = None
    #: agreed joint supervision against the reviews held
    supervision: Cadence | None = None
    #: None when the co-allocation has ended (drift is about working arrangements still in place)
    drift: Drift | None = None
    promises: Promises = field(default_factory=Promises)
    ladder: tuple[LadderPoint, ...] = ()
    #: the ladder's rungs, lowest first, for the chart's axis
    ladder_rungs: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "case_reference": self.case_reference,
            "on": self.on.isoformat(),
            "discussions": self.discussions.as_dict() if self.discussions else None,
            "supervision": self.supervision.as_dict() if self.supervision else None,
            "drift": self.drift.as_dict() if self.drift else None,
            "promises": self.promises.total.as_dict(),
            "ladder": [
                {"date": p.meeting_date.isoformat(), "rung": p.rung, "label": p.label} for p in self.ladder
            ],
        }


def case_insights(ws: Workspace, case_id: int, on: date) -> CaseInsights:
    """Cadence, drift, promises kept and the partnership trend of a case's latest co-allocation on ``on``."""
    store = ws.store
    case = store.get_case(case_id)
    allocations = [ca for ca in store.coallocations_for_case(case_id) if ca.start_date <= on]
    forms = _Forms(ws)
    records = current_signed(store.records_for_case(case_id))
    actions = _actions_of(ws, records)
    kept = _promises(ws, forms, case, records, actions, on)
    rungs, ladder = _ladder(forms, records)
    if not allocations:
        return CaseInsights(case_id, case.reference, on, promises=kept, ladder_rungs=rungs)
    ca = allocations[-1]
    assert ca.id is not None
    state = _state(ws, forms, case, ca, records, actions)
    active = ca.is_active(on)
    return CaseInsights(
        case_id,
        case.reference,
        on,
        ca.id,
        discussion_cadence(state, on),
        supervision_cadence(state, on),
        drift_for(state, on, _initial_deadline(ws, ca.start_date)) if active else None,
        kept,
        tuple(p for p in ladder if p.record_id in {r.id for r in records if r.coallocation_id == ca.id}),
        rungs,
    )


def partnership_trend(ws: Workspace, case_id: int) -> tuple[tuple[str, ...], list[LadderPoint]]:
    """The ladder's rungs (lowest first) and the rung of each signed review of the case, oldest first."""
    return _ladder(_Forms(ws), current_signed(ws.store.records_for_case(case_id)))


def _ladder(forms: _Forms, records: Sequence[Record]) -> tuple[tuple[str, ...], list[LadderPoint]]:
    rungs: tuple[str, ...] = ()
    answers: list[tuple[date, int, str]] = []
    for r in records:
        form = forms.of(r)
        q = form.find_role("partnership_ladder")
        if q is None or r.id is None:
            continue
        if len(q.choices) > len(rungs):
            rungs = q.choices
        value = r.answers.get(q.id)
        if isinstance(value, str):
            answers.append((r.meeting_date, r.id, value))
    return rungs, ladder_trend(answers, rungs)


# --------------------------------------------------------------------------------------------- the team view


def reader(ws: Workspace) -> Workspace | None:
    """The same workspace on a second, read-only connection to its database, for a view computed off the GUI
    thread (the caller closes its store when done). None when no second connection can be opened here: an
    encrypted database (its passphrase is not kept once open) or one that cannot be opened again."""
    if ws.store.encrypted:
        return None
    try:
        store = open_read_only(ws.store.path, actor=ws.store.actor)
    except CoworkError:
        return None
    return Workspace(store, ws.forms, ws.calendar)


@dataclass(frozen=True)
class TeamFigures:
    """What the team view shows on a day: every active co-allocation's drift and the team's promises."""

    on: date
    drifts: list[Drift]
    promises: Promises


#: the team view's drift of each co-allocation, kept between its refreshes (services/reckoned.py)
DriftMemo = Reckoned[Drift]


def team_figures(ws: Workspace, on: date, memo: DriftMemo | None = None) -> TeamFigures:
    """The team view's figures: :func:`team_drift` and the team's promises by worker (:func:`team_promises`):
    a few statements whatever the number of cases."""
    return TeamFigures(on, team_drift(ws, on, memo), team_promises(ws, on, by_case=False))


def team_drift(ws: Workspace, on: date, memo: DriftMemo | None = None) -> list[Drift]:
    """Every co-allocation active on ``on``, furthest drifted first: a few statements whatever the number of cases
    (the due facts kept per co-allocation, :func:`~cowork_desktop.services.sessions.due_inputs`; the setting read
    once), each initial-meeting deadline reckoned once per start date. With a ``memo`` (a view's), only the co-allocations
    whose mark moved since it was filled are read and reckoned again."""
    days = ws.initial_meeting_days
    deadlines: dict[date, date] = {}

    def deadline(start: date) -> date:
        if start not in deadlines:
            deadlines[start] = ws.calendar.add_working_days(start, days)
        return deadlines[start]

    memo = memo if memo is not None else DriftMemo()
    marks = ws.store.coallocation_marks(on)
    stale = memo.stale((on, days, id(ws.calendar), str(ws.store.path)), marks)
    if stale:
        for state, facts in due_inputs(ws, on, only=stale, drift=True):
            memo.keep(
                state.coallocation_id,
                marks[state.coallocation_id],
                drift_for(state, on, deadline(state.start_date), facts),
            )
    return sort_by_drift(memo.current(marks))


def coallocation_drift(ws: Workspace, coallocation_id: int, on: date) -> Drift | None:
    """One co-allocation's drift on ``on`` (None when it is not active that day)."""
    ca = ws.store.get_coallocation(coallocation_id)
    states = [s for s in ws.store.coallocation_states(on, ca.case_id) if s.coallocation_id == ca.id]
    return drift_for(states[0], on, _initial_deadline(ws, ca.start_date)) if states else None


def _not_done_verdicts(forms: _Forms, records: Sequence[Record]) -> dict[int, list[date]]:
    """For each action id, the dates of the records whose action review found it not done."""

    def review(r: Record) -> Any:
        q = forms.of(r).find_role("action_review")
        return r.answers.get(q.id) if q is not None else None

    return not_done_verdicts((r.meeting_date, review(r)) for r in records)


def _action_facts(
    forms: _Forms, case: Case, records: Sequence[Record], actions: dict[int, list[Action]], on: date
) -> list[ActionFact]:
    verdicts = _not_done_verdicts(forms, records)
    facts = []
    for r in records:
        if r.meeting_date > on or r.id is None:
            continue
        for a in actions.get(r.id, []):
            if a.id is None:
                continue
            outcome = action_outcome(a.due_date, a.done_date, on, verdicts.get(a.id, ()))
            facts.append(
                ActionFact(
                    a.id, a.description, case.reference, a.owner_worker_id, a.due_date, a.done_date, outcome
                )
            )
    return facts


def _promises(
    ws: Workspace,
    forms: _Forms,
    case: Case,
    records: Sequence[Record],
    actions: dict[int, list[Action]],
    on: date,
) -> Promises:
    return promises(_action_facts(forms, case, records, actions, on))


def case_promises(ws: Workspace, case_id: int, on: date) -> Promises:
    """Promises kept in one case (every co-allocation), per worker and in total, as known on ``on``."""
    case = ws.store.get_case(case_id)
    records = current_signed(ws.store.records_for_case(case_id))
    return _promises(ws, _Forms(ws), case, records, _actions_of(ws, records), on)


def team_promises(ws: Workspace, on: date, *, by_case: bool = True) -> Promises:
    """Promises kept across every case, per case and per worker (``by_worker`` is keyed by worker id), as known
    on ``on``, from the tally the store keeps as records are signed: a few statements whatever the number of
    cases (see :meth:`~cowork_desktop.store.store.Store.promise_tallies`). A whole service agrees a million
    actions, so the team's promises hold the tallies only (``actions`` is empty; a case's, from
    :func:`case_promises`, lists them). With ``by_case`` False (the team view) ``by_case`` is empty too."""
    cases, workers = ws.store.promise_tallies(on, by_case=by_case)
    return promises_from_tallies(cases, workers.items())


# ------------------------------------------------------------------------------------------ development log


def load_domains(ws: Workspace | None = None) -> tuple[PcfDomain, ...]:
    """The PCF domains beside the forms in use (a team's own folder may carry its own), else the shipped ones."""
    return load_pcf_domains(default_pcf_file(ws.forms.folder if ws is not None else None))


@dataclass(frozen=True)
class DevelopmentLog:
    """The learning recorded for one worker across the co-worked cases where they are the less experienced worker."""

    worker_id: int
    worker_name: str
    role_label: str
    team: str
    domains: tuple[PcfDomain, ...]
    entries: tuple[LearningEntry, ...]
    #: the period asked for (None: from the first entry / to the last)
    since: date | None = None
    until: date | None = None

    @property
    def case_references(self) -> tuple[str, ...]:
        return tuple(sorted({e.case_reference for e in self.entries}))

    @property
    def period(self) -> tuple[date | None, date | None]:
        first = self.since or (self.entries[0].meeting_date if self.entries else None)
        last = self.until or (self.entries[-1].meeting_date if self.entries else None)
        return first, last

    def by_domain(self) -> list[DomainGroup]:
        """:class:`~cowork_desktop.domain.insights.DomainGroup` per domain, in the framework's order."""
        return group_by_domain(self.entries, self.domains)

    def over_time(self) -> list[tuple[str, tuple[LearningEntry, ...]]]:
        return group_by_month(self.entries)


def development_log(
    ws: Workspace,
    worker_id: int,
    *,
    since: date | None = None,
    until: date | None = None,
    domains: Sequence[PcfDomain] | None = None,
) -> DevelopmentLog:
    """The learning recorded for ``worker_id`` (oldest first) in the signed, current records of every
    co-allocation in which they are the less experienced worker (see :func:`~.domain.models.learner_ids`).

    Each answer of a question with role ``learning`` becomes one entry per line, tagged with PCF domains. The
    children's recorded initials are removed from the text; cases are named by reference only.
    """
    store = ws.store
    worker = store.get_worker(worker_id)
    chosen = tuple(domains) if domains is not None else load_domains(ws)
    mine = [
        ca_id
        for ca_id, roles, lead, reasons in store.worker_coallocations(worker_id)
        if worker_id in learner_ids(roles, lead, reasons)
    ]
    forms = sorted(store.form_definitions().items()) if mine else []
    questions = [
        (form_id, version, position, q.id)
        for (form_id, version), form in forms
        for position, q in enumerate(form.questions)
        if q.role == "learning"
    ]
    entries: list[LearningEntry] = []
    tagged: dict[str, tuple[str, tuple[str, ...], bool]] = {}  # a line written twice is tagged once
    for meeting, reference, initials, record_id, kind, question_id, value in store.learning_answers(
        mine, questions, since, until
    ):
        for line in split_entries(value):
            shown = redact_initials(line, initials)
            found = tagged.get(shown)
            if found is None:
                found = tagged[shown] = tag_entry(shown, chosen)
            text, tags, explicit = found
            entries.append(
                LearningEntry(
                    meeting, reference, record_id, kind.value, kind.label, question_id, text, tags, explicit
                )
            )
    entries.sort(key=lambda e: (e.meeting_date, e.case_reference, e.record_id, e.question_id))
    return DevelopmentLog(
        worker_id, worker.name, worker.role.label, worker.team, chosen, tuple(entries), since, until
    )


def find_worker_id(ws: Workspace, name: str) -> int:
    """The id of the worker called ``name`` (any case); CoworkError when none or several are."""
    worker = ws.store.find_worker(name)
    if worker.id is None:  # pragma: no cover - stored workers always have an id
        raise CoworkError(f"no worker named '{name}'")
    return worker.id


def devlog_document(
    ws: Workspace,
    log: DevelopmentLog,
    *,
    organisation: str | None = None,
    marking: str | None = None,
    generated_at: datetime | None = None,
    demo: bool | None = None,
) -> DevLogDocument:
    """The log ready to print, with the organisation and protective marking from the settings by default."""
    from cowork_desktop.export.devlog_pdf import DevLogDocument

    store = ws.store
    org = organisation if organisation is not None else store.get_setting(SETTING_ORGANISATION) or ""
    mark = marking if marking is not None else store.get_setting(SETTING_MARKING) or ""
    start, end = log.period
    return DevLogDocument(
        worker_name=log.worker_name,
        worker_role=log.role_label,
        domains=log.domains,
        groups=tuple(log.by_domain()),
        entries=log.entries,
        organisation=org.strip(),
        team=log.team,
        period_start=start,
        period_end=end,
        demo=store.get_setting("demo") == "1" if demo is None else demo,
        protective_marking=mark.strip() or DEFAULT_PROTECTIVE_MARKING,
        generated_at=generated_at,
    )


def devlog_content(log: DevelopmentLog, record_hashes: dict[int, str]) -> dict[str, Any]:
    """What a signed development log vouches for: the worker, the period asked for, every entry, and the content
    hash of each signed record the entries come from (each record is itself checkable)."""
    return {
        "worker_id": log.worker_id,
        "worker_name": log.worker_name,
        "role": log.role_label,
        "since": log.since.isoformat() if log.since else None,
        "until": log.until.isoformat() if log.until else None,
        "entries": [
            {
                "meeting_date": e.meeting_date.isoformat(),
                "case_reference": e.case_reference,
                "record_id": e.record_id,
                "question_id": e.question_id,
                "text": e.text,
                "domains": list(e.domains),
            }
            for e in log.entries
        ],
        "records": {str(rid): digest for rid, digest in sorted(record_hashes.items())},
    }


def _record_hashes(ws: Workspace, log: DevelopmentLog) -> dict[int, str]:
    return {rid: ws.store.get_record(rid).content_hash for rid in sorted({e.record_id for e in log.entries})}


def _rendering(doc: DevLogDocument) -> dict[str, Any]:
    return {
        "organisation": doc.organisation,
        "protective_marking": doc.protective_marking,
        "demo": doc.demo,
        "generated_at": doc.generated_at.isoformat() if doc.generated_at else None,
    }


def development_log_path(
    ws: Workspace,
    log: DevelopmentLog,
    out: str | os.PathLike[str],
    *,
    today: date | None = None,
    replace: bool = False,
) -> Path:
    """The file a development log export writes: ``out``, or the usual file name inside it when it is a folder;
    checked before the log is made (:func:`cowork_desktop.services.files.check_target`): never the database, a
    backup or a certificate, and an existing file only with ``replace``."""
    from cowork_desktop.export.devlog_pdf import devlog_filename
    from cowork_desktop.services.files import check_target

    path = Path(out)
    if path.is_dir():
        path = path / devlog_filename(log.worker_name, today or dates.today())
    return check_target(path, replace=replace, store=ws.store)


def export_development_log(
    ws: Workspace,
    worker_id: int,
    out: str | os.PathLike[str],
    *,
    since: date | None = None,
    until: date | None = None,
    today: date | None = None,
    signer: Signer | None = None,
    replace: bool = False,
) -> tuple[Path, DevelopmentLog]:
    """Write the worker's development log PDF (atomically; a folder gets the usual file name; an existing file
    is replaced only with ``replace``, see :func:`development_log_path`) and note the export in the audit log.
    Returns the file written and the log.

    With ``signer`` (the manager's certificate) the log is signed and certified like a case note: it carries
    what it vouches for (:func:`devlog_content`) and the audit chain's head, each record it draws on is checked
    first, and ``cowork verify`` checks it the same way."""
    from cowork_desktop.export.devlog_pdf import render_devlog
    from cowork_desktop.services.files import write_output

    log = development_log(ws, worker_id, since=since, until=until)
    path = development_log_path(ws, log, out, today=today, replace=replace)
    pdf = render_devlog(devlog_document(ws, log)) if signer is None else _signed_devlog(ws, log, signer)
    write_output(path, pdf, replace=replace, store=ws.store)
    audit_signed_export(
        ws,
        signer,
        "export_devlog",
        "worker",
        worker_id,
        file=str(path),
        entries=len(log.entries),
        cases=list(log.case_references),
        sha256=hashlib.sha256(pdf).hexdigest(),
        signed=signer is not None,
        fingerprint=signer.fingerprint if signer is not None else None,
    )
    return path, log


def _signed_devlog(ws: Workspace, log: DevelopmentLog, signer: Signer) -> bytes:
    from cowork_desktop.export.devlog_pdf import render_devlog
    from cowork_desktop.export.signing import sign_pdf
    from cowork_desktop.services import integrity
    from cowork_desktop.services.sessions import SETTING_MANAGER_NAME

    manager = (ws.store.get_setting(SETTING_MANAGER_NAME) or "").strip()
    if not manager:
        raise CoworkError(
            "set your name first (Settings, or the first signed record): the log is signed in it"
        )
    hashes = _record_hashes(ws, log)
    for record_id in hashes:
        integrity.require_intact(ws.store, record_id)
    check_signer(ws, signer, manager)
    doc = devlog_document(ws, log, generated_at=datetime.now().astimezone().replace(microsecond=0))
    evidence = embedded_evidence(
        DEVELOPMENT_LOG,
        devlog_content(log, hashes),
        _rendering(doc),
        ws.store.chain_head(),
        manager=manager,
    )
    return sign_pdf(
        render_devlog(doc, evidence),
        signer,
        signer_name=signer.common_name or "Team manager",
        reason=f"Development log of {log.worker_name}, signed by the team manager",
        location=doc.organisation,
    )


def rendered_devlog_again(ws: Workspace, evidence: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """The development log as the database gives it now, for the entries a signed log holds: its content and
    its PDF printed with the signed file's rendering (organisation, marking, date). For verification."""
    from cowork_desktop.export.devlog_pdf import render_devlog

    content = evidence.get("content") or {}
    since = content.get("since")
    until = content.get("until")
    log = development_log(
        ws,
        int(content.get("worker_id", 0)),
        since=date.fromisoformat(since) if since else None,
        until=date.fromisoformat(until) if until else None,
    )
    wanted = {int(k) for k in (content.get("records") or {})}
    entries = tuple(e for e in log.entries if e.record_id in wanted)
    log = DevelopmentLog(
        log.worker_id, log.worker_name, log.role_label, log.team, log.domains, entries, log.since, log.until
    )
    rendering = evidence.get("rendering") or {}
    made = rendering.get("generated_at")
    doc = devlog_document(
        ws,
        log,
        organisation=str(rendering.get("organisation", "")),
        marking=str(rendering.get("protective_marking", "")),
        generated_at=datetime.fromisoformat(made) if made else None,
        demo=bool(rendering.get("demo")),
    )
    return devlog_content(log, _record_hashes(ws, log)), render_devlog(doc)
