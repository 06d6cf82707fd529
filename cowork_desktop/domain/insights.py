"""Is co-working happening as agreed, and is the less experienced worker learning? Pure functions over plain data.

Everything here can be checked by hand (``docs/decisions.md``, "Insights", gives the same rules in prose):

* **Learning** (the development log): each answer of a question with role ``learning`` is split into entries, one
  per line or bullet, each tagged with the Professional Capabilities Framework (PCF) domains whose keywords start a
  word in it (:func:`suggest_domains`), unless the entry names its domains itself: ``[PCF: Knowledge; values]``.
* **Cadence**: the dates an agreed RRULE expects after the initial meeting, each matched to a held record within
  half the interval either side (:func:`cadence`). A date whose window has closed unmatched is *missed*.
* **Drift** towards parallel working (:func:`drift_score`):
  ``score = 2 x discussions missed + whole weeks the review is overdue + 3 x reviews that flagged an issue
  + actions overdue + 5 if the initial meeting itself is overdue``.
* **Promises kept** (:func:`action_outcome`, :func:`promise_tally`): the share of agreed actions done on time among
  those that have fallen due.
* **Partnership over time** (:func:`ladder_trend`): the partnership-ladder rung (0 = Conflict ... 8 = Full
  partnership) of each review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Any

from cowork_desktop.domain.cadence import Cadence, CadenceStatus, agreed_cadence, missed_on
from cowork_desktop.domain.dates import (
    after_interval,
)
from cowork_desktop.domain.due import (
    CoAllocationState,
    DueFacts,
    RecordSummary,
    agreed_rules,
    due_facts_of,
)
from cowork_desktop.domain.models import RecordKind, RecordStatus, action_overdue

# ------------------------------------------------------------------------------------------------- learning


@dataclass(frozen=True)
class PcfDomain:
    """One domain of the Professional Capabilities Framework, from ``forms/_pcf_domains.toml``."""

    id: str
    title: str
    description: str = ""
    #: lower-case words or phrases; each suggests the domain when it starts a word of an entry
    keywords: tuple[str, ...] = ()


_BULLET_RE = re.compile(r"^\s*(?:[-*\u2022\u2023\u25e6\u2013\u2014]+|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
_EXPLICIT_RE = re.compile(r"\[\s*PCF\s*:\s*([^\]]*)\]", re.IGNORECASE)


def split_entries(text: str) -> list[str]:
    """The entries of a learning answer: one per non-empty line, with any bullet or list number removed."""
    found = []
    for line in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        entry = _BULLET_RE.sub("", line).strip()
        if entry:
            found.append(entry)
    return found


def _keyword_source(keyword: str) -> str:
    return r"\s+".join(re.escape(w) for w in keyword.split())


@lru_cache(maxsize=64)
def _domain_re(keywords: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for a domain's keywords: it matches where any of them starts a word (compiled once)."""
    if not keywords:
        return None
    return re.compile(r"(?<![\w'])(?:" + "|".join(_keyword_source(k) for k in keywords) + ")", re.IGNORECASE)


@lru_cache(maxsize=64)
def _first_words(keywords: tuple[str, ...]) -> tuple[str, ...] | None:
    """The lower-case first word of each keyword, when every keyword is ASCII words (else None): in ASCII text
    a keyword can only start a word where its first word is in the lower-cased text."""
    words = [k.split() for k in keywords]
    if not all(w and k.isascii() for w, k in zip(words, keywords, strict=True)):
        return None
    return tuple(sorted({w[0].lower() for w in words}))


def suggest_domains(text: str, domains: Sequence[PcfDomain]) -> tuple[str, ...]:
    """The ids of the domains (in the file's order) with a keyword starting a word of ``text``."""
    lower = text.lower() if text.isascii() else None
    found = []
    for d in domains:
        pattern = _domain_re(d.keywords)
        if pattern is None:
            continue
        firsts = _first_words(d.keywords) if lower is not None else None
        if firsts is not None and lower is not None and not any(w in lower for w in firsts):
            continue  # none of its keywords is in the text at all: no need to look for word starts
        if pattern.search(text):
            found.append(d.id)
    return tuple(found)


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def explicit_domains(text: str, domains: Sequence[PcfDomain]) -> tuple[tuple[str, ...], str] | None:
    """Domains named in the entry itself (``[PCF: knowledge; Values and ethics]``, by id or title, separated by
    ``;`` or ``,``) and the text without the tag; None when the entry names none. Unknown names are ignored."""
    match = _EXPLICIT_RE.search(text)
    if match is None:
        return None
    names = {_norm(n) for n in re.split(r"[;,]", match.group(1)) if n.strip()}
    chosen = tuple(d.id for d in domains if _norm(d.id) in names or _norm(d.title) in names)
    rest = (text[: match.start()] + text[match.end() :]).strip()
    return chosen, re.sub(r"\s{2,}", " ", rest)


def tag_entry(text: str, domains: Sequence[PcfDomain]) -> tuple[str, tuple[str, ...], bool]:
    """(text to show, domain ids, whether the domains were named explicitly) for one entry."""
    explicit = explicit_domains(text, domains)
    if explicit is not None:
        chosen, rest = explicit
        return rest, chosen, True
    return text, suggest_domains(text, domains), False


@lru_cache(maxsize=8192)
def _initials_tokens(initials: str) -> tuple[str, ...]:
    """The distinct words of a case's recorded initials (one entry per case: a learner's log may span
    thousands of cases in a large service, so the cache holds many)."""
    return tuple(sorted({t for t in re.split(r"[\s,]+", initials.strip()) if t}))


@lru_cache(maxsize=1024)
def _initials_re(tokens: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(t) for t in tokens) + r")(?![\w])")


def redact_initials(text: str, initials: str) -> str:
    """``text`` with each of the children's recorded initials (a whole word in capitals) replaced. The pattern
    is made only for a text holding one of them (most entries hold none)."""
    tokens = _initials_tokens(initials)
    if not tokens or not any(t in text for t in tokens):  # none of them is in it: nothing to replace
        return text
    return _initials_re(tokens).sub("[initials removed]", text)


@dataclass(frozen=True)
class LearningEntry:
    """One piece of learning recorded for a worker in a signed record: case reference only, never a child."""

    meeting_date: date
    case_reference: str
    record_id: int
    record_kind: str  # a RecordKind value
    record_label: str  # e.g. "Review of co-working"
    question_id: str
    text: str
    domains: tuple[str, ...]
    explicit: bool = False


@dataclass(frozen=True)
class DomainGroup:
    """The entries of one domain, oldest first; ``domain`` None holds the entries no keyword matched."""

    domain: PcfDomain | None
    entries: tuple[LearningEntry, ...]

    @property
    def title(self) -> str:
        return self.domain.title if self.domain is not None else "Not linked to a domain yet"

    @property
    def first(self) -> date | None:
        return self.entries[0].meeting_date if self.entries else None

    @property
    def latest(self) -> date | None:
        return self.entries[-1].meeting_date if self.entries else None


def _entry_order(e: LearningEntry) -> tuple[date, str, int, str]:
    return (e.meeting_date, e.case_reference, e.record_id, e.question_id)


def group_by_domain(entries: Iterable[LearningEntry], domains: Sequence[PcfDomain]) -> list[DomainGroup]:
    """Every domain (in the file's order, empty ones included), then the untagged entries if there are any.

    An entry tagged with several domains appears under each of them.
    """
    ordered = sorted(entries, key=_entry_order)
    groups = [DomainGroup(d, tuple(e for e in ordered if d.id in e.domains)) for d in domains]
    known = {d.id for d in domains}
    untagged = tuple(e for e in ordered if not any(t in known for t in e.domains))
    if untagged:
        groups.append(DomainGroup(None, untagged))
    return groups


def group_by_month(entries: Iterable[LearningEntry]) -> list[tuple[str, tuple[LearningEntry, ...]]]:
    """The entries over time: ``("2026-11", entries)`` per calendar month that has any, oldest first."""
    months: dict[str, list[LearningEntry]] = {}
    for e in sorted(entries, key=_entry_order):
        months.setdefault(f"{e.meeting_date:%Y-%m}", []).append(e)
    return [(m, tuple(es)) for m, es in months.items()]


# ---------------------------------------------------------------------------------------------------- drift

DRIFT_WEIGHTS = {
    "discussions_missed": 2,
    "review_overdue_weeks": 1,
    "flagged_reviews": 3,
    "actions_overdue": 1,
    "initial_meeting_overdue": 5,
}
#: a score at or above this is "drifting into parallel working"; above 0 and below it, "watch"
DRIFTING_FROM = 5


class DriftBand(StrEnum):
    ON_TRACK = "on track"
    WATCH = "watch"
    DRIFTING = "drifting"


@dataclass(frozen=True)
class Drift:
    """How far one co-allocation has drifted towards parallel working on a day (see :func:`drift_score`)."""

    coallocation_id: int
    case_id: int
    case_reference: str
    discussions_missed: int = 0
    review_overdue_days: int = 0
    flagged_reviews: int = 0
    actions_overdue: int = 0
    initial_meeting_overdue: bool = False
    #: for information, not in the score (an overdue review already counts)
    supervisions_missed: int = 0
    worker_names: tuple[str, ...] = ()

    @property
    def review_overdue_weeks(self) -> int:
        return self.review_overdue_days // 7

    @property
    def score(self) -> int:
        return drift_score(
            self.discussions_missed,
            self.review_overdue_days,
            self.flagged_reviews,
            self.actions_overdue,
            self.initial_meeting_overdue,
        )

    @property
    def band(self) -> DriftBand:
        if self.score >= DRIFTING_FROM:
            return DriftBand.DRIFTING
        return DriftBand.WATCH if self.score > 0 else DriftBand.ON_TRACK

    def as_dict(self) -> dict[str, Any]:
        return {
            "coallocation_id": self.coallocation_id,
            "case_id": self.case_id,
            "case_reference": self.case_reference,
            "score": self.score,
            "band": self.band.value,
            "discussions_missed": self.discussions_missed,
            "review_overdue_days": self.review_overdue_days,
            "flagged_reviews": self.flagged_reviews,
            "actions_overdue": self.actions_overdue,
            "initial_meeting_overdue": self.initial_meeting_overdue,
            "supervisions_missed": self.supervisions_missed,
        }


def drift_score(
    discussions_missed: int,
    review_overdue_days: int,
    flagged_reviews: int,
    actions_overdue: int,
    initial_meeting_overdue: bool = False,
) -> int:
    """``2 D + floor(R / 7) + 3 F + A + 5 N``.

    D: agreed case discussions missed; R: days the review is overdue; F: signed reviews that flagged delays,
    disagreements or uncertainty about roles (each one, resolved or not: repeated issues add up); A: agreed actions
    past their due date and not done; N: 1 when the initial meeting itself is overdue (no plan at all).
    """
    w = DRIFT_WEIGHTS
    return (
        w["discussions_missed"] * discussions_missed
        + w["review_overdue_weeks"] * (max(review_overdue_days, 0) // 7)
        + w["flagged_reviews"] * flagged_reviews
        + w["actions_overdue"] * actions_overdue
        + (w["initial_meeting_overdue"] if initial_meeting_overdue else 0)
    )


def sort_by_drift(drifts: Iterable[Drift]) -> list[Drift]:
    """Furthest drifted first; then by case reference."""
    return sorted(drifts, key=lambda d: (-d.score, d.case_reference, d.coallocation_id))


# ------------------------------------------------------------------------------------------------- promises


class Outcome(StrEnum):
    ON_TIME = "done on time"
    LATE = "done late"
    NOT_DONE = "not done"  # past its due date and still open
    NOT_YET_DUE = "not yet due"


def action_outcome(
    due: date | None, done: date | None, on: date, not_done_on: Iterable[date] = ()
) -> Outcome:
    """Whether an agreed action was kept, as known on ``on``.

    An action is marked done by the record that confirms it, so its done date is that meeting's date, usually after
    the due date. It counts as *done on time* when that date is on or before the due date, or when no record after
    the due date had said it was not done (it was confirmed at the first look after it fell due). It is *done late*
    when a record dated after its due date (``not_done_on``) had found it not done. Still open: *not done* once
    its due date has passed, else *not yet due*. Dates after ``on`` are not known yet.
    """
    if done is not None and done > on:
        done = None
    if due is None:
        return Outcome.ON_TIME if done is not None else Outcome.NOT_YET_DUE
    if done is not None:
        if done <= due:
            return Outcome.ON_TIME
        late = any(due < v < done and v <= on for v in not_done_on)
        return Outcome.LATE if late else Outcome.ON_TIME
    return Outcome.NOT_DONE if due < on else Outcome.NOT_YET_DUE


def not_done_verdicts(reviews: Iterable[tuple[date, Any]]) -> dict[int, list[date]]:
    """For each action id, the dates of the records whose action review found it not done. ``reviews``: each
    record's meeting date and its answer to the question with role ``action_review`` (``{action id: {"done":
    "yes" | "no", ...}}``; any other answer, or a key that is not an id, says nothing)."""
    found: dict[int, list[date]] = {}
    for meeting, value in reviews:
        if not isinstance(value, dict):
            continue
        for action_id, verdict in value.items():
            if isinstance(verdict, dict) and verdict.get("done") == "no":
                try:
                    found.setdefault(int(action_id), []).append(meeting)
                except ValueError:
                    continue
    return found


@dataclass(frozen=True)
class ActionFact:
    """One agreed action, from a signed and current record."""

    action_id: int
    description: str
    case_reference: str
    owner_worker_id: int | None
    due: date | None
    done: date | None
    outcome: Outcome


@dataclass(frozen=True)
class PromiseTally:
    on_time: int = 0
    late: int = 0
    not_done: int = 0
    not_yet_due: int = 0

    @property
    def counted(self) -> int:
        """Actions that have fallen due (the not-yet-due ones are left out)."""
        return self.on_time + self.late + self.not_done

    @property
    def agreed(self) -> int:
        """Every action counted, the not-yet-due ones included."""
        return self.counted + self.not_yet_due

    @property
    def share_kept(self) -> float | None:
        """Done on time / fallen due; None when none has fallen due."""
        return self.on_time / self.counted if self.counted else None

    def as_dict(self) -> dict[str, Any]:
        share = self.share_kept
        return {
            "on_time": self.on_time,
            "late": self.late,
            "not_done": self.not_done,
            "not_yet_due": self.not_yet_due,
            "counted": self.counted,
            "share_kept": round(share, 4) if share is not None else None,
        }


def promise_tally(outcomes: Iterable[Outcome]) -> PromiseTally:
    counts = dict.fromkeys(Outcome, 0)
    for o in outcomes:
        counts[o] += 1
    return PromiseTally(
        counts[Outcome.ON_TIME], counts[Outcome.LATE], counts[Outcome.NOT_DONE], counts[Outcome.NOT_YET_DUE]
    )


@dataclass(frozen=True)
class Promises:
    """Promises kept per case and per worker (by worker id; None: actions with no owner)."""

    by_case: dict[str, PromiseTally] = field(default_factory=dict)
    by_worker: dict[int | None, PromiseTally] = field(default_factory=dict)
    total: PromiseTally = PromiseTally()
    actions: tuple[ActionFact, ...] = ()


def promises(actions: Iterable[ActionFact]) -> Promises:
    facts = tuple(actions)
    cases: dict[str, list[Outcome]] = {}
    workers: dict[int | None, list[Outcome]] = {}
    for a in facts:
        cases.setdefault(a.case_reference, []).append(a.outcome)
        workers.setdefault(a.owner_worker_id, []).append(a.outcome)
    return Promises(
        {k: promise_tally(v) for k, v in sorted(cases.items())},
        {k: promise_tally(v) for k, v in workers.items()},
        promise_tally(a.outcome for a in facts),
        facts,
    )


#: the outcomes in the order a count of them is numbered (:meth:`cowork_desktop.store.store.Store.promise_tallies`
#: reckons :func:`action_outcome` in SQL for a whole service, and numbers them so)
OUTCOME_ORDER = (Outcome.ON_TIME, Outcome.LATE, Outcome.NOT_DONE, Outcome.NOT_YET_DUE)


def promises_from_tallies(
    cases: Iterable[tuple[str, Sequence[int]]], workers: Iterable[tuple[int | None, Sequence[int]]]
) -> Promises:
    """:func:`promises` from counts already made: per case reference and per owner worker id, the number of
    actions of each outcome (in the order of :data:`OUTCOME_ORDER`). The total is the workers' sum (every action
    has one owner, or None). The same tallies, without a fact per action (``actions`` is empty)."""
    by_worker = {owner: PromiseTally(*counts) for owner, counts in workers}
    total = [sum(t) for t in zip(*(astuple(t) for t in by_worker.values()), strict=True)] or [0, 0, 0, 0]
    return Promises(
        {reference: PromiseTally(*counts) for reference, counts in sorted(cases)},
        by_worker,
        PromiseTally(*total),
    )


# ---------------------------------------------------------------------------------------- partnership ladder


@dataclass(frozen=True)
class LadderPoint:
    meeting_date: date
    record_id: int
    rung: int  # 0 = the first choice (Conflict) ... 8 = the last (Full partnership)
    label: str


def ladder_trend(answers: Iterable[tuple[date, int, str]], rungs: Sequence[str]) -> list[LadderPoint]:
    """The rung of each review's partnership-ladder answer, oldest first; answers not on the ladder are skipped.

    ``answers`` are ``(meeting date, record id, answer)``; ``rungs`` the question's choices, lowest first.
    """
    index = {label: n for n, label in enumerate(rungs)}
    points = [LadderPoint(d, rid, index[a], a) for d, rid, a in answers if a in index]
    return sorted(points, key=lambda p: (p.meeting_date, p.record_id))


# ------------------------------------------------------------------------------ from a co-allocation snapshot


def _signed(state: CoAllocationState, *kinds: RecordKind) -> list[RecordSummary]:
    return sorted(
        (r for r in state.records if r.status == RecordStatus.SIGNED and r.kind in kinds),
        key=lambda r: (r.meeting_date, r.id),
    )


def discussion_cadence(state: CoAllocationState, on: date, facts: DueFacts | None = None) -> Cadence | None:
    """Agreed reflective case discussions against the signed reflective-discussion records (``facts``: the
    state's :func:`~cowork_desktop.domain.due.due_facts_of`, when the caller has them)."""
    facts = facts if facts is not None else due_facts_of(state)
    return agreed_cadence(facts.discussion_agreed, facts.discussions_held, on, state.end_date)


def supervision_cadence(state: CoAllocationState, on: date, facts: DueFacts | None = None) -> Cadence | None:
    """Agreed joint supervision against the signed reviews of co-working (made in that supervision)."""
    facts = facts if facts is not None else due_facts_of(state)
    return agreed_cadence(facts.supervision_agreed, facts.reviews_held, on, state.end_date)


def missed_sentence(c: Cadence, noun: str) -> str:
    """The count said with the rule it counts against: "2 of the 3 discussions due every 2 weeks since
    15 Dec 2026 were not recorded" (``noun`` plural: "discussions", "joint supervisions")."""
    settled = [p for p in c.points if p.status != CadenceStatus.PENDING]
    if not settled:
        return f"No {noun} agreed {c.description} have fallen due yet."
    since = settled[0].expected
    if not c.missed_count:
        return f"All {len(settled)} {noun} due {c.description} since {since:%d %b %Y} were recorded."
    return (
        f"{c.missed_count} of the {len(settled)} {noun} due {c.description} since {since:%d %b %Y} "
        "were not recorded."
    )


def next_review(state: CoAllocationState) -> tuple[date, int] | None:
    """The next review date and the id of the record that set it: the next review agreed at the latest initial
    meeting or review, else that meeting plus the agreed supervision interval (as the due list reckons it)."""
    reviews = _signed(state, RecordKind.INITIAL_MEETING, RecordKind.REVIEW)
    if not reviews:
        return None
    last = reviews[-1]
    if last.facts.next_review_date is not None:
        return last.facts.next_review_date, last.id
    supervision = agreed_rules(state.records, "supervision")
    if supervision:
        return after_interval(last.meeting_date, supervision[-1].rule), last.id
    return None


def drift_for(
    state: CoAllocationState,
    on: date,
    initial_meeting_deadline: date | None = None,
    facts: DueFacts | None = None,
) -> Drift:
    """The drift of one co-allocation on ``on`` (``initial_meeting_deadline``: when its initial meeting was due;
    ``facts``: its :func:`~cowork_desktop.domain.due.due_facts_of`, when the caller has them: then its records
    are not read)."""
    facts = facts if facts is not None else due_facts_of(state)
    if not facts.drift_known:
        raise ValueError(
            "drift_for needs the facts read with what the drift reads (due_inputs(..., drift=True))"
        )
    discussions_missed = missed_on(facts.discussion_settled, on)
    if discussions_missed is None:  # a day before what is settled: walked
        discussions = discussion_cadence(state, on, facts)
        discussions_missed = discussions.missed_count if discussions else 0
    supervisions_missed = missed_on(facts.supervision_settled, on)
    if supervisions_missed is None:
        supervision = supervision_cadence(state, on, facts)
        supervisions_missed = supervision.missed_count if supervision else 0
    review = facts.next_review
    overdue = max((on - review).days, 0) if review is not None else 0
    return Drift(
        coallocation_id=state.coallocation_id,
        case_id=state.case_id,
        case_reference=state.case_reference,
        discussions_missed=discussions_missed,
        review_overdue_days=overdue,
        flagged_reviews=facts.flagged_reviews,
        actions_overdue=sum(1 for a in facts.actions if action_overdue(a.due_date, a.done_date, on)),
        initial_meeting_overdue=(
            not facts.has_initial and initial_meeting_deadline is not None and on > initial_meeting_deadline
        ),
        supervisions_missed=supervisions_missed,
        worker_names=tuple(n for n in state.worker_names if n),
    )
