"""Oversight across a service (``cowork service report``, issue 17): per team and for the whole service, on a day,
the figures a head of service asks for, reckoned from what the managers published, by the laptop's own rules.

Nothing is counted here by a rule of its own: the published records (their canonical content, as signed), the
co-allocations, workers, agreed actions and their completions are turned into the domain's inputs, exactly as the
laptop's store gives them (:class:`~cowork_desktop.domain.due.CoAllocationState` with its signed, current records
and open actions), and the laptop's functions run on them: :func:`~cowork_desktop.domain.due.due_facts_of`,
:func:`~cowork_desktop.domain.due.due_items_for` (initial meetings, reviews, urgent issues),
:func:`~cowork_desktop.domain.insights.drift_for` (drift into parallel working),
:func:`~cowork_desktop.domain.insights.action_outcome` (promises kept),
:func:`~cowork_desktop.domain.models.learner_ids` and :func:`~cowork_desktop.domain.insights.split_entries`
(learners' development entries), working days from :class:`~cowork_desktop.domain.dates.WorkingCalendar`. So the
report's figures for a team equal that team's laptop's ``cowork due``, ``drift`` and ``promises`` on the same day
(docs/decisions.md, "Issue 17: the service report", says what each figure counts).

Read-only, and as the login given: row-level security decides which teams it sees (a manager's login its own
team, a head of service's every team). Imported only when the command runs (psycopg loads with it). A page of the
app can call :func:`service_report` and show the :class:`ServiceReport` it returns (plain data, no Qt).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cowork_desktop.domain.dates import WorkingCalendar
from cowork_desktop.domain.due import (
    ActionSummary,
    CoAllocationState,
    DueItem,
    RecordSummary,
    Severity,
    due_facts_of,
    due_items_for,
    extract_facts,
)
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.forms import FormDefinition
from cowork_desktop.domain.insights import (
    DriftBand,
    Outcome,
    PromiseTally,
    action_outcome,
    drift_for,
    not_done_verdicts,
    promise_tally,
    split_entries,
)
from cowork_desktop.domain.models import RecordKind, RecordStatus, Role, active_on, learner_ids
from cowork_desktop.domain.settings import NUMBERS
from cowork_desktop.service_store.connection import where
from cowork_desktop.service_store.reporting import CHUNK, ActionRow, CoallocationRow, RecordRow, ServiceReader
from cowork_desktop.services.calendar import load_calendar
from cowork_desktop.store import form_snapshots

#: the working days within which the initial MDR is expected, unless asked otherwise (the laptop's default)
DEFAULT_INITIAL_DAYS = NUMBERS["initial_meeting_days"].default
#: the bank holidays reckoned with, unless asked otherwise (the laptop's default)
DEFAULT_NATION = "england-and-wales"

__all__ = [
    "DEFAULT_INITIAL_DAYS",
    "DEFAULT_NATION",
    "FIGURES",
    "Figures",
    "ServiceReport",
    "columns",
    "service_report",
    "shown",
    "where",
]


@dataclass(frozen=True)
class Figures:
    """One team's figures on a day (``team`` None: the whole service's, every team the login sees)."""

    team: str | None
    #: cases with a co-allocation active on the day, and those co-allocations
    coworked_cases: int = 0
    active_coallocations: int = 0
    #: initial MDRs of every co-allocation started by the day: held within N working days of the start, held
    #: later, not held and past that deadline, not held and not due yet (left out of the share)
    initial_within: int = 0
    initial_late: int = 0
    initial_not_held: int = 0
    initial_not_yet_due: int = 0
    #: of the active co-allocations: the initial meeting overdue today (the due list's overdue initial meetings)
    initial_overdue_now: int = 0
    #: of the active co-allocations with a next review date: those not overdue, and those overdue (the due list)
    reviews_on_time: int = 0
    reviews_overdue: int = 0
    #: joint supervisions agreed and not recorded (the drift's "for information" count), summed
    supervisions_missed: int = 0
    #: urgent issues open (reviews that flagged an issue no linked issue-resolution MDR has resolved) and their
    #: ages in days, oldest first
    urgent_ages: tuple[int, ...] = ()
    #: active co-allocations by drift band, and the drift scores' sum
    drifting: int = 0
    watch: int = 0
    on_track: int = 0
    drift_score_total: int = 0
    #: agreed actions as known on the day (done on time, late, not done, not yet due)
    promises: PromiseTally = field(default_factory=PromiseTally)
    #: learners with at least one development entry by the day, and the entries
    learners: int = 0
    development_entries: int = 0

    @property
    def initial_counted(self) -> int:
        return self.initial_within + self.initial_late + self.initial_not_held

    @property
    def initial_share_within(self) -> float | None:
        return self.initial_within / self.initial_counted if self.initial_counted else None

    @property
    def reviews_expected(self) -> int:
        return self.reviews_on_time + self.reviews_overdue

    @property
    def reviews_share_on_time(self) -> float | None:
        return self.reviews_on_time / self.reviews_expected if self.reviews_expected else None

    @property
    def urgent_open(self) -> int:
        return len(self.urgent_ages)

    @property
    def urgent_oldest_days(self) -> int | None:
        return self.urgent_ages[0] if self.urgent_ages else None

    @property
    def urgent_median_days(self) -> float | None:
        return statistics.median(self.urgent_ages) if self.urgent_ages else None

    def as_dict(self) -> dict[str, Any]:
        def share(value: float | None) -> float | None:
            return round(value, 4) if value is not None else None

        return {
            "team": self.team,
            "coworked_cases": self.coworked_cases,
            "active_coallocations": self.active_coallocations,
            "initial_mdr": {
                "within": self.initial_within,
                "late": self.initial_late,
                "not_held": self.initial_not_held,
                "not_yet_due": self.initial_not_yet_due,
                "counted": self.initial_counted,
                "share_within": share(self.initial_share_within),
                "overdue_now": self.initial_overdue_now,
            },
            "reviews": {
                "expected": self.reviews_expected,
                "on_time": self.reviews_on_time,
                "overdue": self.reviews_overdue,
                "share_on_time": share(self.reviews_share_on_time),
                "supervisions_missed": self.supervisions_missed,
            },
            "urgent_issues": {
                "open": self.urgent_open,
                "oldest_days": self.urgent_oldest_days,
                "median_days": self.urgent_median_days,
            },
            "drift": {
                "drifting": self.drifting,
                "watch": self.watch,
                "on_track": self.on_track,
                "score_total": self.drift_score_total,
            },
            "promises": self.promises.as_dict(),
            "development": {"learners": self.learners, "entries": self.development_entries},
        }


@dataclass(frozen=True)
class ServiceReport:
    """The report on a day: one :class:`Figures` per team the login sees (by name), and the service's."""

    on: date
    login: str
    head: bool
    initial_days: int
    nation: str
    teams: tuple[Figures, ...]
    service: Figures

    def as_dict(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "login": self.login,
            "head_of_service": self.head,
            "initial_mdr_working_days": self.initial_days,
            "nation": self.nation,
            "teams": [t.as_dict() for t in self.teams],
            "service": self.service.as_dict(),
        }


@dataclass
class _Tally:
    """What one team's figures are made of, added up co-allocation by co-allocation."""

    cases: set[str] = field(default_factory=set)
    active: int = 0
    initial: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("within", "late", "not_held", "not_yet_due", "overdue_now"), 0)
    )
    reviews_on_time: int = 0
    reviews_overdue: int = 0
    supervisions_missed: int = 0
    urgent_ages: list[int] = field(default_factory=list)
    bands: dict[DriftBand, int] = field(default_factory=lambda: dict.fromkeys(DriftBand, 0))
    score: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    entries: dict[tuple[str, int], int] = field(default_factory=dict)  # (source, worker id) -> entries

    def add(self, other: _Tally) -> None:
        self.cases |= other.cases
        self.active += other.active
        for k, v in other.initial.items():
            self.initial[k] += v
        self.reviews_on_time += other.reviews_on_time
        self.reviews_overdue += other.reviews_overdue
        self.supervisions_missed += other.supervisions_missed
        self.urgent_ages += other.urgent_ages
        for band, n in other.bands.items():
            self.bands[band] += n
        self.score += other.score
        self.outcomes += other.outcomes
        for key, n in other.entries.items():
            self.entries[key] = self.entries.get(key, 0) + n

    def figures(self, team: str | None) -> Figures:
        i = self.initial
        return Figures(
            team,
            len(self.cases),
            self.active,
            i["within"],
            i["late"],
            i["not_held"],
            i["not_yet_due"],
            i["overdue_now"],
            self.reviews_on_time,
            self.reviews_overdue,
            self.supervisions_missed,
            tuple(sorted(self.urgent_ages, reverse=True)),
            self.bands[DriftBand.DRIFTING],
            self.bands[DriftBand.WATCH],
            self.bands[DriftBand.ON_TRACK],
            self.score,
            promise_tally(self.outcomes),
            sum(1 for n in self.entries.values() if n),
            sum(self.entries.values()),
        )


#: the roles of the questions whose answers the rules read: extract_facts' (next review, the two frequencies),
#: the action review (promises kept) and learning (development entries). The report reads only these answers
#: of each record (and those of questions with an urgent follow-up): a test checks that extract_facts gives
#: the same facts from them as from every answer
RULE_ROLES = frozenset(
    ("next_review_date", "discussion_frequency", "supervision_frequency", "action_review", "learning")
)


def answer_keys(forms: Iterable[FormDefinition]) -> set[str]:
    """The questions whose answers the rules read: those of :data:`RULE_ROLES` and every question with an
    urgent follow-up (the issues a review flags, :func:`~cowork_desktop.domain.due.extract_facts`)."""
    return {
        q.id
        for f in forms
        for q in f.questions
        if q.role in RULE_ROLES or any(fu.urgent for fu in q.follow_ups)
    }


class _Reckoner:
    """The laptop's rules over the service's rows, case by case."""

    def __init__(
        self,
        on: date,
        calendar: WorkingCalendar,
        initial_days: int,
        forms: dict[tuple[str, int], FormDefinition],
        workers: dict[tuple[str, int], tuple[str, str]],
    ) -> None:
        self.on = on
        self.calendar = calendar
        self.initial_days = initial_days
        self.forms = forms
        self.workers = workers  # (source, id) -> (name, role)
        self.deadlines: dict[date, date] = {}
        self.learning = {k: [q.id for q in f.questions if q.role == "learning"] for k, f in forms.items()}
        self.reviewing = {
            k: (q.id if (q := f.find_role("action_review")) else None) for k, f in forms.items()
        }

    def deadline(self, start: date) -> date:
        """The initial meeting's deadline: N working days after the co-allocation (as the due list reckons it)."""
        if start not in self.deadlines:
            self.deadlines[start] = self.calendar.add_working_days(start, self.initial_days)
        return self.deadlines[start]

    def case(
        self,
        coallocations: Sequence[CoallocationRow],
        records: Sequence[RecordRow],
        actions: Sequence[ActionRow],
        tally: _Tally,
    ) -> None:
        """Add one case's figures to ``tally``."""
        on = self.on
        # signed, current records (every published record is signed; one superseded by an amendment is not)
        replaced = {(r.source, r.supersedes_id) for r in records if r.supersedes_id is not None}
        current = sorted(
            (r for r in records if (r.source, r.local_id) not in replaced),
            key=lambda r: (r.meeting_date, r.local_id),
        )
        current_ids = {(r.source, r.local_id) for r in current}
        # the actions current records agreed (a carried action is listed by the amendment that carries it)
        agreed: dict[tuple[str, int], ActionRow] = {}
        for a in actions:
            if (a.source, a.record_id) in current_ids:
                agreed.setdefault((a.source, a.local_id), a)
        self._promises(current, agreed.values(), tally)
        for ca in coallocations:
            mine = [r for r in current if r.source == ca.source and r.coallocation_id == ca.local_id]
            self._initial(ca, mine, tally)
            self._learning(ca, mine, tally)
            if active_on(ca.start_date, ca.end_date, on):
                self._active(ca, mine, [a for a in agreed.values() if a.source == ca.source], tally)

    def _initial(self, ca: CoallocationRow, records: Sequence[RecordRow], tally: _Tally) -> None:
        if ca.start_date > self.on:
            return
        deadline = self.deadline(ca.start_date)
        held = [
            r.meeting_date
            for r in records
            if r.kind == RecordKind.INITIAL_MEETING and r.meeting_date <= self.on
        ]
        if held:
            tally.initial["within" if min(held) <= deadline else "late"] += 1
        else:
            tally.initial["not_held" if self.on > deadline else "not_yet_due"] += 1

    def _active(
        self, ca: CoallocationRow, records: Sequence[RecordRow], actions: Iterable[ActionRow], tally: _Tally
    ) -> None:
        on = self.on
        names = (self._name(ca.source, ca.worker1_id), self._name(ca.source, ca.worker2_id))
        state = CoAllocationState(
            ca.local_id, ca.case_local_id, ca.case_reference, ca.start_date, ca.end_date, names
        )
        ids = {r.local_id for r in records}
        for r in records:
            form = self.forms[(r.form_id, r.form_version)]
            state.records.append(
                RecordSummary(
                    r.local_id,
                    RecordKind(r.kind),
                    RecordStatus.SIGNED,
                    r.meeting_date,
                    extract_facts(form, r.answers),
                    r.linked_record_id,
                )
            )
        for a in sorted(actions, key=lambda a: a.local_id):
            if a.record_id in ids and a.done_date is None:
                owner = self._name(ca.source, a.owner_worker_id) if a.owner_worker_id is not None else ""
                state.actions.append(ActionSummary(a.local_id, a.description, a.due_date, None, owner))
        facts = due_facts_of(state)
        items = due_items_for(state, on, self.calendar, self.initial_days, facts=facts)
        drift = drift_for(state, on, self.deadline(ca.start_date), facts)
        tally.cases.add(ca.case_reference)
        tally.active += 1
        tally.initial["overdue_now"] += _count(items, "initial_meeting", Severity.OVERDUE)
        overdue = _count(items, "review", Severity.OVERDUE)
        tally.reviews_overdue += overdue
        if facts.next_review is not None:
            tally.reviews_on_time += 1 - overdue
        tally.urgent_ages += [
            (on - i.due_date).days for i in items if i.severity == Severity.URGENT and i.due_date is not None
        ]
        tally.supervisions_missed += drift.supervisions_missed
        tally.bands[drift.band] += 1
        tally.score += drift.score

    def _promises(self, current: Sequence[RecordRow], agreed: Iterable[ActionRow], tally: _Tally) -> None:
        """As the laptop's promises kept: every action agreed in a current record dated by the day, its outcome
        known on the day, late when a current record of the case between its due and done dates found it not
        done (action ids are a laptop's: verdicts are read per source)."""
        verdicts: dict[str, dict[int, list[date]]] = {}
        for source in {r.source for r in current}:
            verdicts[source] = not_done_verdicts(
                (r.meeting_date, self._answer(r, self.reviewing)) for r in current if r.source == source
            )
        dated = {(r.source, r.local_id): r.meeting_date for r in current}
        for a in agreed:
            if dated[(a.source, a.record_id)] > self.on:
                continue
            found = verdicts.get(a.source, {}).get(a.local_id, ())
            tally.outcomes.append(action_outcome(a.due_date, a.done_date, self.on, found))

    def _learning(self, ca: CoallocationRow, records: Sequence[RecordRow], tally: _Tally) -> None:
        """The development log's entries by the day: each line of a learning answer in the co-allocation's
        records, counted for each of its learners (who is a learner: the laptop's one rule)."""
        roles = {w: Role(self.workers[(ca.source, w)][1]) for w in (ca.worker1_id, ca.worker2_id)}
        learners = learner_ids(roles, ca.lead_worker_id, ca.reasons)
        if not learners:
            return
        entries = 0
        for r in records:
            if r.meeting_date > self.on:
                continue
            for qid in self.learning.get((r.form_id, r.form_version), ()):
                value = r.answers.get(qid)
                if isinstance(value, str):
                    entries += len(split_entries(value))
        for w in learners:
            key = (ca.source, w)
            tally.entries[key] = tally.entries.get(key, 0) + entries

    @staticmethod
    def _answer(r: RecordRow, questions: dict[tuple[str, int], str | None]) -> Any:
        qid = questions.get((r.form_id, r.form_version))
        return r.answers.get(qid) if qid is not None else None

    def _name(self, source: str, worker_id: int | None) -> str:
        if worker_id is None:
            return ""
        return self.workers.get((source, worker_id), ("", ""))[0]


def _count(items: Iterable[DueItem], kind: str, severity: Severity) -> int:
    return sum(1 for i in items if i.kind == kind and i.severity == severity)


def service_report(
    url: str,
    on: date,
    *,
    initial_days: int = DEFAULT_INITIAL_DAYS,
    nation: str = DEFAULT_NATION,
    calendar: WorkingCalendar | None = None,
    chunk: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ServiceReport:
    """The report on ``on`` as the login of ``url`` sees the service (one read-only snapshot). ``initial_days``:
    the working days within which the initial MDR counts as held in time; ``nation``: whose bank holidays are
    not working days (``calendar`` given instead, when the caller has one). ``progress(cases done, cases)``
    after each chunk of cases."""
    bounds = NUMBERS["initial_meeting_days"]
    if not bounds.low <= initial_days <= bounds.high:
        raise CoworkError(f"the initial MDR's working days must be {bounds.low} to {bounds.high}")
    calendar = calendar if calendar is not None else load_calendar(nation)
    with ServiceReader(url) as reader:
        forms = {key: form_snapshots.definition(text, *key) for key, text in reader.forms().items()}
        workers = {(w.source, w.local_id): (w.name, w.role) for w in reader.workers()}
        reckoner = _Reckoner(on, calendar, initial_days, forms, workers)
        coallocations = reader.coallocations()
        by_case: dict[str, list[CoallocationRow]] = {}
        for ca in coallocations:
            by_case.setdefault(ca.case_reference, []).append(ca)
        team_of = {ref: cas[0].team for ref, cas in by_case.items()}
        tallies = {team: _Tally() for team in reader.teams()}
        references = sorted(by_case)
        done = 0
        for part in reader.chunks(references, sorted(answer_keys(forms.values())), chunk or CHUNK):
            records: dict[str, list[RecordRow]] = {}
            for r in part.records:
                records.setdefault(r.case_reference, []).append(r)
            actions: dict[str, list[ActionRow]] = {}
            for a in part.actions:
                actions.setdefault(a.case_reference, []).append(a)
            for ref in part.references:
                tally = tallies.setdefault(team_of[ref], _Tally())
                reckoner.case(by_case[ref], records.get(ref, []), actions.get(ref, []), tally)
            done += len(part.references)
            if progress is not None:
                progress(done, len(references))
        login, head = reader.login, reader.head
    whole = _Tally()
    for tally in tallies.values():
        whole.add(tally)
    return ServiceReport(
        on,
        login,
        head,
        initial_days,
        nation,
        tuple(t.figures(name) for name, t in sorted(tallies.items())),
        whole.figures(None),
    )


def _share(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)}%"


def _number(value: float | int | None) -> str:
    if value is None:
        return "-"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


#: the figures as a report shows them (the CLI's table, CSV and page; the app's Service page): (CSV column,
#: heading, the figure)
FIGURES: list[tuple[str, str, Callable[[Figures], Any]]] = [
    ("coworked_cases", "Co-worked cases", lambda f: f.coworked_cases),
    ("active_coallocations", "Active co-allocations", lambda f: f.active_coallocations),
    ("initial_within", "Initial MDR within N working days", lambda f: f.initial_within),
    ("initial_counted", "Initial MDRs due", lambda f: f.initial_counted),
    ("initial_share_within", "Initial MDR in time", lambda f: f.initial_share_within),
    ("initial_overdue_now", "Initial MDR overdue now", lambda f: f.initial_overdue_now),
    ("reviews_on_time", "Reviews on time", lambda f: f.reviews_on_time),
    ("reviews_overdue", "Reviews overdue", lambda f: f.reviews_overdue),
    ("reviews_share_on_time", "Reviews on time (share)", lambda f: f.reviews_share_on_time),
    ("urgent_open", "Urgent issues open", lambda f: f.urgent_open),
    ("urgent_oldest_days", "Oldest urgent issue (days)", lambda f: f.urgent_oldest_days),
    ("urgent_median_days", "Median age of urgent issues (days)", lambda f: f.urgent_median_days),
    ("drifting", "Drifting into parallel working", lambda f: f.drifting),
    ("watch", "Watch", lambda f: f.watch),
    ("on_track", "On track", lambda f: f.on_track),
    ("promises_on_time", "Actions done on time", lambda f: f.promises.on_time),
    ("promises_late", "Actions done late", lambda f: f.promises.late),
    ("promises_not_done", "Actions not done", lambda f: f.promises.not_done),
    ("promises_counted", "Actions fallen due", lambda f: f.promises.counted),
    ("promises_share_kept", "Promises kept", lambda f: f.promises.share_kept),
    ("learners", "Learners with entries", lambda f: f.learners),
    ("development_entries", "Development entries", lambda f: f.development_entries),
]
#: the shares, shown as percentages
SHARES = {"initial_share_within", "reviews_share_on_time", "promises_share_kept"}


def shown(name: str, value: Any) -> str:
    """A figure as a report shows it: a share as a percentage, a number as a whole or to one place, '-' for none."""
    return _share(value) if name in SHARES else _number(value)


def columns(report: ServiceReport) -> list[tuple[str, Figures]]:
    """The report's columns: each team it sees (by name), then the whole service."""
    return [(f.team or "", f) for f in report.teams] + [("Whole service", report.service)]
