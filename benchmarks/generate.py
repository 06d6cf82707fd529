"""A realistic fictional database for the benchmarks: years of co-worked cases, fast.

``generate(path, cases=10_000, seed=1)`` opens the file with :func:`cowork_desktop.store.open_store` (so the real
migrations and locking triggers apply), snapshots the shipped forms, then bulk-inserts with ``executemany``, one
transaction per batch of cases:

* about 60 workers (managers, senior practitioners, social workers, ASYEs, students; some inactive);
* ``cases`` cases, each with one co-allocation (about 15% with a second one later); co-allocations start over
  the six years before ``anchor`` (today by default) and last 3 to 15 months, so most are ended (with a closing
  MDR) and about one in eight is active on ``anchor``;
* about 20 records per case: an initial meeting, reviews every six weeks, reflective discussions at the agreed
  frequency, issue-resolution MDRs after reviews that flag delays, disagreements or role uncertainty, a closing
  MDR, and a few amendments (version 2 superseding a signed version 1);
* answers made once per form and context with :func:`cowork_desktop.services.demo.demo_answers`, then given each
  record's dates, workers, actions and completed actions; the fact columns come from
  :func:`cowork_desktop.domain.due.extract_facts` and the content hash from
  :func:`cowork_desktop.domain.records.content_hash`, as the app would store them;
* signatures (two co-workers, then the manager; a few drawn), actions (most done at the next review, some left
  open and overdue), and an audit-log entry for each creation and each lock.

Records are inserted as ``awaiting_signatures``, their actions and signatures added, then set to ``signed``
(the triggers forbid inserting a signed record). Every state the dashboard knows appears: initial meetings due
and overdue, reviews due soon and overdue (co-allocations whose recording stalled), unresolved issues, missing
reflective discussions, overdue actions, drafts and records awaiting signatures.

``cached_database`` keeps one generated file per (cases, seed, anchor day, schema, generator version) in a cache
folder (``$COWORK_BENCH_CACHE``, else ``$XDG_CACHE_HOME/cowork-bench``, else ``/tmp/cowork-bench-cache``).

Command line: ``python -m benchmarks.generate [--scale N] [--seed S] [--out FILE]``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from cowork_desktop import paths
from cowork_desktop.domain.audit import GENESIS, entry_hash
from cowork_desktop.domain.due import extract_facts
from cowork_desktop.domain.forms import FormDefinition, QuestionKind, form_context
from cowork_desktop.domain.models import (
    Action,
    CoAllocation,
    PlanType,
    Reason,
    Record,
    RecordKind,
    RecordStatus,
    Role,
    Signature,
)
from cowork_desktop.domain.names import name_key
from cowork_desktop.domain.records import AGREEMENT_STATEMENT, CANON_VERSION, canonical_json, content_hash
from cowork_desktop.forms.loader import FormSet, definition_to_dict, load_forms
from cowork_desktop.services.demo import TEXT_BANK, demo_answers
from cowork_desktop.store import derived
from cowork_desktop.store.migrations import known_migration_names
from cowork_desktop.store.opening import open_store
from cowork_desktop.store.schema import expected_schema

GENERATOR_VERSION = 2  # 2: content hashes of canonical content 2, a chained audit log
DEFAULT_CASES = 10_000
SPAN_DAYS = 6 * 365
BATCH_CASES = 250
REVIEW_WEEKS = 6
MANAGER_ACTOR = "bench-manager"

FIRST_NAMES = (
    "Amara", "Ben", "Chloe", "Dev", "Efua", "Farah", "Gareth", "Hana", "Imran", "Jade", "Kofi", "Lena",
    "Marek", "Nia", "Oisín", "Priya", "Qasim", "Rhiannon", "Sami", "Tomás", "Uma", "Vikram", "Wen", "Yusuf",
    "Zoë", "Łucja", "Siobhán", "Mei", "Daniel", "Aisha",
)  # fmt: skip
LAST_NAMES = (
    "Okafor", "Mensah", "Raman", "Chen", "Llewelyn", "García", "Wiśniewski", "Khan", "Ó Súilleabháin",
    "Nowak", "Patel", "Hughes", "Adeyemi", "Kowalski", "Murphy", "Begum", "Evans", "Nguyen", "Haddad",
    "Jones", "Campbell", "Ahmed", "Fischer", "Silva", "O'Brien", "Morgan", "Ali", "Davies", "Kaur", "Price",
)  # fmt: skip
#: (role, how many) for the 60 workers
WORKER_MIX = (
    (Role.TEAM_MANAGER, 3),
    (Role.SENIOR_PRACTITIONER, 10),
    (Role.SOCIAL_WORKER, 25),
    (Role.ASYE, 12),
    (Role.STUDENT, 10),
)
DISCUSSION_RULES = (("FREQ=WEEKLY;INTERVAL=2", 14), ("FREQ=WEEKLY;INTERVAL=4", 28), ("FREQ=MONTHLY", 30))
ISSUE_QUESTIONS = ("delays", "disagreements", "role_uncertainty")
ISSUE_TYPES = {
    "delays": "Delay",
    "disagreements": "Disagreement between co-workers",
    "role_uncertainty": "Uncertainty about roles",
}
ACTION_TEXTS = (
    "Book the next joint home visit and tell the family who is coming",
    "Share the updated plan with the school and the health visitor",
    "Draft the assessment section on the children's views",
    "Write up the last core group in the case record",
    "Arrange the interpreter for the next visit",
    "Update the chronology after the strategy meeting",
)
END_REASONS = ("Student placement ends", "Case transferred", "Case closed", "Co-working no longer needed")
#: how many actions each kind of record agrees
ACTIONS_PER_KIND = {
    RecordKind.INITIAL_MEETING: 2,
    RecordKind.REVIEW: 2,
    RecordKind.REFLECTIVE_DISCUSSION: 1,
    RecordKind.ISSUE_RESOLUTION: 2,
    RecordKind.CLOSING: 0,
}


# ----------------------------------------------------------------------------------------------- the cache


def schema_tag() -> str:
    """Changes whenever the schema does (a migration added, or one not yet released changed), so a cached
    database is never reused across schemas."""
    objects = sorted(f"{o.name}:{o.normal_sql}" for o in expected_schema().values())
    return hashlib.sha256("|".join([*known_migration_names(), *objects]).encode()).hexdigest()[:10]


def cache_dir() -> Path:
    override = os.environ.get("COWORK_BENCH_CACHE")
    if override:
        return Path(override)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "cowork-bench" if xdg else Path("/tmp/cowork-bench-cache")


def cached_database(
    cases: int = DEFAULT_CASES,
    seed: int = 1,
    anchor: date | None = None,
    folder: Path | None = None,
) -> tuple[Path, dict[str, Any]]:
    """The generated database for these parameters, made once and kept; returns (path, its summary)."""
    day = anchor or date.today()
    where = folder or cache_dir()
    where.mkdir(parents=True, exist_ok=True)
    stem = f"cowork-bench-{cases}c-s{seed}-{day.isoformat()}-{schema_tag()}-g{GENERATOR_VERSION}"
    db = where / f"{stem}.db"
    summary_file = where / f"{stem}.json"
    if db.exists() and summary_file.exists():
        summary: dict[str, Any] = json.loads(summary_file.read_text())
        summary["cached"] = True
        return db, summary
    tmp = where / f"{stem}.{os.getpid()}.tmp.db"
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    summary = generate(tmp, cases=cases, seed=seed, anchor=day)
    os.replace(tmp, db)
    summary["path"] = str(db)
    summary_file.write_text(json.dumps(summary, indent=1))
    summary["cached"] = False
    return db, summary


# ----------------------------------------------------------------------------------------------- answers


@dataclass
class Template:
    """Answers made once for a form in a context; each record gets its own dates, workers and actions."""

    form: FormDefinition
    answers: dict[str, Any]
    discussion_rrule: str
    supervision_rrule: str
    issues_flagged: tuple[str, ...]
    dynamic: list[tuple[str, QuestionKind, str]] = field(default_factory=list)
    context: dict[str, bool] = field(default_factory=dict)

    def fill(
        self,
        meeting: date,
        w1: int,
        w2: int,
        lead: int,
        actions: Sequence[tuple[str, int, date]],
        completed: Sequence[int],
    ) -> tuple[dict[str, Any], date | None]:
        answers = dict(self.answers)
        next_review: date | None = None
        for qid, kind, role in self.dynamic:
            if kind == QuestionKind.DATE:
                if role == "next_review_date":
                    next_review = meeting + timedelta(weeks=REVIEW_WEEKS)
                    answers[qid] = next_review.isoformat()
                else:
                    answers[qid] = (meeting + timedelta(weeks=2)).isoformat()
            elif kind == QuestionKind.WORKER:
                answers[qid] = lead
            elif kind == QuestionKind.WORKERS:
                answers[qid] = [w1, w2]
            elif kind == QuestionKind.RESPONSIBILITIES:
                answers[qid] = {
                    task: {"lead": lead, "joint": n % 3 == 0} for n, task in enumerate(self.answers[qid])
                }
            elif kind == QuestionKind.ACTIONS:
                answers[qid] = [
                    {"description": text, "owner": owner, "due": due.isoformat()}
                    for text, owner, due in actions
                ]
            elif kind == QuestionKind.ACTION_REVIEW:
                answers[qid] = {str(a): {"done": "yes", "note": "Done."} for a in completed}
        return answers, next_review


class Templates:
    def __init__(self, forms: FormSet, anchor: date) -> None:
        self.forms = forms
        self._made: dict[tuple[Any, ...], Template] = {}
        self.anchor = anchor

    def get(self, kind: RecordKind, learner: bool, variant: Any = None) -> Template:
        key = (kind, learner, variant)
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = self._make(kind, learner, variant)
        return found

    def _make(self, kind: RecordKind, learner: bool, variant: Any) -> Template:
        form = self.forms.for_kind(kind.value)
        reasons = [Reason.DEVELOPMENT.value] if learner else [Reason.COMPLEXITY.value]
        roles = ["social_worker", "student" if learner else "senior_practitioner"]
        context = form_context(roles, reasons, kind == RecordKind.REVIEW)
        ca = CoAllocation(1, 1, 2, 1, self.anchor, [Reason(r) for r in reasons], id=1)
        overrides: dict[str, Any] = {}
        if kind == RecordKind.INITIAL_MEETING:
            overrides["discussion_frequency"] = variant
            overrides["experienced_leads_first"] = "yes"
            overrides["joint_visits"] = "yes"
        elif kind == RecordKind.REVIEW:
            overrides.update(
                plan_progressing="yes",
                proactive_information_sharing="yes",
                proactive_tasks="yes",
                proactive_outcomes="yes",
                partnership_ladder="Collaboration",
                decision="Continue as agreed",
            )
            if variant:
                overrides[variant] = "yes"
                overrides["plan_progressing"] = "no"
                overrides["partnership_ladder"] = "Co-existence"
        elif kind == RecordKind.ISSUE_RESOLUTION:
            overrides["issue_type"] = ISSUE_TYPES.get(str(variant), "Other")
        elif kind == RecordKind.CLOSING:
            overrides["end_reason"] = variant or END_REASONS[0]
        answers = demo_answers(form, ca, context, self.anchor, overrides, experienced_id=1)
        for q in form.questions:  # a little more text than the demo's one sentence, as managers write
            if q.kind == QuestionKind.TEXT and q.id in answers and q.id in TEXT_BANK:
                answers[q.id] = f"{answers[q.id]} {TEXT_BANK[q.id]}"
        facts = extract_facts(form, answers)
        dynamic: list[tuple[str, QuestionKind, str]] = [
            (q.id, q.kind, q.role)
            for q in form.questions
            if q.id in answers
            and q.kind
            in (
                QuestionKind.DATE,
                QuestionKind.WORKER,
                QuestionKind.WORKERS,
                QuestionKind.RESPONSIBILITIES,
                QuestionKind.ACTIONS,
                QuestionKind.ACTION_REVIEW,
            )
        ]
        for qid, kind_, _role in dynamic:
            if kind_ == QuestionKind.RESPONSIBILITIES:
                answers[qid] = list(answers[qid])  # the task names, in order
        return Template(
            form,
            answers,
            facts.discussion_rrule,
            facts.supervision_rrule,
            facts.issues_flagged,
            dynamic,
            context,
        )


# ----------------------------------------------------------------------------------------------- generating


def _weekday(day: date) -> date:
    wd = day.weekday()
    return day + timedelta(days=7 - wd) if wd >= 5 else day


def _stamp(day: date, minute: int = 0) -> str:
    return datetime(day.year, day.month, day.day, 14, 0, tzinfo=UTC).replace(minute=minute % 60).isoformat()


def _png() -> bytes:
    from cowork_desktop.export.sample import drawn_signature_png

    return drawn_signature_png(300, 100)


@dataclass
class _Worker:
    id: int
    name: str
    role: Role


class _Batch:
    def __init__(self) -> None:
        self.cases: list[tuple[Any, ...]] = []
        self.coallocations: list[tuple[Any, ...]] = []
        self.records: list[tuple[Any, ...]] = []
        self.actions: list[tuple[Any, ...]] = []
        self.signatures: list[tuple[Any, ...]] = []
        self.signed: list[tuple[int]] = []
        self.audit: list[tuple[Any, ...]] = []


class _Generator:
    def __init__(self, forms: FormSet, anchor: date, seed: int) -> None:
        self.rng = random.Random(seed)
        self.anchor = anchor
        self.templates = Templates(forms, anchor)
        self.workers: list[_Worker] = []
        self.coworkers: list[_Worker] = []
        self.manager = ""
        self.next_record = 1
        self.next_action = 1
        self.next_signature = 1
        self.next_coallocation = 1
        self.png = _png()
        self.strokes = json.dumps([[(0.1, 0.5), (0.3, 0.2), (0.5, 0.6), (0.8, 0.3)]])
        self.counts = {"drafts": 0, "awaiting_signatures": 0, "amendments": 0, "active_coallocations": 0}
        self._form_sha: dict[tuple[str, int], str] = {}

    def form_sha256(self, form: FormDefinition) -> str:
        """The SHA-256 of the form's stored definition, as the store computes it (Store.form_digests)."""
        key = (form.id, form.version)
        if key not in self._form_sha:
            text = json.dumps(definition_to_dict(form), sort_keys=True, ensure_ascii=False)
            self._form_sha[key] = hashlib.sha256(text.encode()).hexdigest()
        return self._form_sha[key]

    # -- workers and cases -------------------------------------------------------------------------------
    def make_workers(self) -> list[tuple[Any, ...]]:
        rows = []
        names: set[str] = set()
        wid = 0
        for role, how_many in WORKER_MIX:
            for _ in range(how_many):
                while True:
                    name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
                    if name not in names:
                        names.add(name)
                        break
                wid += 1
                worker = _Worker(wid, name, role)
                self.workers.append(worker)
                active = 0 if role == Role.STUDENT and self.rng.random() < 0.4 else 1
                stamp = _stamp(self.anchor - timedelta(days=SPAN_DAYS + 30))
                rows.append(
                    (
                        wid,
                        name,
                        role.value,
                        f"Assessment Team {wid % 4 + 1}",
                        active,
                        stamp,
                        stamp,
                        name_key(name),
                    )
                )
        self.coworkers = [w for w in self.workers if w.role != Role.TEAM_MANAGER]
        self.manager = next(w.name for w in self.workers if w.role == Role.TEAM_MANAGER)
        return rows

    def _pair(self) -> tuple[_Worker, _Worker]:
        a, b = self.rng.sample(self.coworkers, 2)
        if a.role.is_learner and not b.role.is_learner:
            a, b = b, a
        return a, b

    def add_case(self, batch: _Batch, case_id: int) -> None:
        rng = self.rng
        first_start = self.anchor - timedelta(days=rng.randint(1, SPAN_DAYS))
        periods: list[tuple[date, date | None]] = []
        start = first_start
        for n in range(2):
            length = rng.randint(90, 450)
            end: date | None = start + timedelta(days=length)
            assert end is not None
            if end >= self.anchor:
                end = None
            periods.append((start, end))
            if end is None or n == 1 or rng.random() > 0.15:
                break
            start = end + timedelta(days=rng.randint(30, 180))
            if start >= self.anchor:
                break
        all_ended = periods[-1][1] is not None
        status = ("closed" if rng.random() < 0.8 else "transferred") if all_ended else "open"
        children = rng.choice((1, 1, 1, 2, 2, 3, 4))
        initials = ", ".join(
            f"{chr(65 + rng.randrange(26))}{chr(65 + rng.randrange(26))}" for _ in range(children)
        )
        created = _stamp(first_start)
        batch.cases.append(
            (
                case_id,
                f"CR-{100000 + case_id * 7 % 900000:06d}",
                children,
                initials,
                rng.choice(list(PlanType)).value,
                status,
                created,
                created,
                name_key(f"CR-{100000 + case_id * 7 % 900000:06d}"),
            )
        )
        batch.audit.append((created, MANAGER_ACTOR, "create", "case", case_id, "{}"))
        reference = batch.cases[-1][1]
        for start, end in periods:
            self.add_coallocation(batch, case_id, reference, start, end)

    def add_coallocation(
        self, batch: _Batch, case_id: int, reference: str, start: date, end: date | None
    ) -> None:
        rng = self.rng
        ca_id = self.next_coallocation
        self.next_coallocation += 1
        w1, w2 = self._pair()
        learner = w1.role.is_learner or w2.role.is_learner
        reasons = [Reason.DEVELOPMENT.value] if learner else []
        reasons += rng.sample([Reason.COMPLEXITY.value, Reason.SIBLING_GROUP.value, Reason.SAFETY.value], 1)
        end_reason = rng.choice(END_REASONS) if end else ""
        stamp = _stamp(start)
        batch.coallocations.append(
            (
                ca_id,
                case_id,
                w1.id,
                w2.id,
                w1.id,
                start.isoformat(),
                end.isoformat() if end else None,
                end_reason,
                json.dumps(reasons),
                stamp,
                stamp,
            )
        )
        batch.audit.append((stamp, MANAGER_ACTOR, "create", "coallocation", ca_id, "{}"))
        active = end is None
        if active:
            self.counts["active_coallocations"] += 1
        stop = end or self.anchor
        if active and rng.random() < 0.15:  # recording stalled: reviews, discussions and actions go overdue
            stop = self.anchor - timedelta(days=rng.randint(20, 120))
        initial = _weekday(start + timedelta(days=rng.randint(1, 9)))
        if initial > stop or (active and rng.random() < 0.01):
            return  # initial meeting not held yet (due, or overdue)
        timeline = _Timeline(self, batch, case_id, reference, ca_id, w1, w2, learner)
        rule, rule_days = rng.choice(DISCUSSION_RULES)
        timeline.record(RecordKind.INITIAL_MEETING, initial, rule)
        next_review = initial + timedelta(weeks=REVIEW_WEEKS)
        next_discussion = initial + timedelta(days=rule_days + rng.randint(-3, 7))
        while True:
            when = min(next_review, next_discussion)
            if when > stop:
                break
            day = _weekday(when)
            if day > stop:
                break
            if next_review <= next_discussion:
                flag = rng.choice(ISSUE_QUESTIONS) if rng.random() < 0.08 else None
                review_id = timeline.record(RecordKind.REVIEW, day, flag)
                next_review = day + timedelta(weeks=REVIEW_WEEKS) + timedelta(days=rng.randint(-2, 6))
                if flag:
                    fix = _weekday(day + timedelta(days=rng.randint(1, 12)))
                    if fix <= stop:
                        timeline.record(RecordKind.ISSUE_RESOLUTION, fix, flag, linked=review_id)
            else:
                timeline.record(RecordKind.REFLECTIVE_DISCUSSION, day)
                next_discussion = day + timedelta(days=rule_days + rng.randint(-3, 7))
        if end is not None:
            timeline.record(RecordKind.CLOSING, max(end, timeline.last_day), end_reason)
        timeline.finish(active=active and stop == self.anchor)


class _Timeline:
    """The records of one co-allocation, in meeting order."""

    def __init__(
        self,
        gen: _Generator,
        batch: _Batch,
        case_id: int,
        reference: str,
        ca_id: int,
        w1: _Worker,
        w2: _Worker,
        learner: bool,
    ) -> None:
        self.gen = gen
        self.batch = batch
        self.case_id = case_id
        self.reference = reference
        self.ca_id = ca_id
        self.w1 = w1
        self.w2 = w2
        self.learner = learner
        self.open_actions: list[int] = []  # action ids agreed in signed, current records
        self.rule = ""
        self.supervision = ""
        self.last_day = date.min
        self.pending: list[list[Any]] = []  # records kept back so the last one can stay a draft

    def record(
        self,
        kind: RecordKind,
        day: date,
        variant: Any = None,
        linked: int | None = None,
    ) -> int:
        self._flush()
        gen = self.gen
        record_id = gen.next_record
        gen.next_record += 1
        self.last_day = max(self.last_day, day)
        template = gen.templates.get(kind, self.learner, variant)
        owners = (self.w1.id, self.w2.id)
        how_many = ACTIONS_PER_KIND[kind]
        actions = [
            (
                ACTION_TEXTS[(record_id + n) % len(ACTION_TEXTS)],
                owners[n % 2],
                day + timedelta(weeks=2 * (n + 1)),
            )
            for n in range(how_many)
        ]
        completed: list[int] = []
        if kind == RecordKind.REVIEW and self.open_actions:
            completed = [a for a in self.open_actions if gen.rng.random() < 0.95]
        answers, next_review = template.fill(day, self.w1.id, self.w2.id, self.w1.id, actions, completed)
        self.pending = [[record_id, kind, day, template, answers, next_review, linked, actions, completed]]
        return record_id

    def finish(self, active: bool) -> None:
        """The last record: sometimes still a draft or awaiting signatures on an active co-allocation."""
        status = RecordStatus.SIGNED
        roll = self.gen.rng.random()
        if active and roll < 0.08:
            status = RecordStatus.DRAFT
        elif active and roll < 0.12:
            status = RecordStatus.AWAITING_SIGNATURES
        self._flush(status)

    def _flush(self, status: RecordStatus = RecordStatus.SIGNED) -> None:
        if not self.pending:
            return
        record_id, kind, day, template, answers, next_review, linked, actions, completed = self.pending.pop()
        self._write(record_id, kind, day, template, answers, next_review, linked, actions, completed, status)
        if status == RecordStatus.SIGNED and kind != RecordKind.CLOSING and self.gen.rng.random() < 0.015:
            amended = self.gen.next_record
            self.gen.next_record += 1
            self.gen.counts["amendments"] += 1
            self._write(
                amended,
                kind,
                day,
                template,
                answers,
                next_review,
                linked,
                actions,
                [],
                status,
                supersedes=record_id,
            )

    def _write(
        self,
        record_id: int,
        kind: RecordKind,
        day: date,
        template: Template,
        answers: dict[str, Any],
        next_review: date | None,
        linked: int | None,
        actions: list[tuple[str, int, date]],
        completed: list[int],
        status: RecordStatus,
        supersedes: int | None = None,
    ) -> None:
        gen = self.gen
        batch = self.batch
        form = template.form
        created = _stamp(day)
        version = 2 if supersedes else 1
        reason = "Corrected the due date of an action" if supersedes else ""
        signatures: list[Signature] = []
        signed_at: str | None = None
        if status != RecordStatus.DRAFT:
            signers: list[tuple[int | None, str, str]] = [
                (self.w1.id, self.w1.name, self.w1.role.label),
                (self.w2.id, self.w2.name, self.w2.role.label),
            ]
            if status == RecordStatus.AWAITING_SIGNATURES:
                signers = signers[:1]
            else:
                signers.append((None, gen.manager, Role.TEAM_MANAGER.label))
            for n, (worker_id, name, role) in enumerate(signers):
                manager = worker_id is None
                drawn = manager and gen.rng.random() < 0.05
                moment = datetime(
                    day.year, day.month, day.day, 15, 5 * n + (3 if supersedes else 0), tzinfo=UTC
                )
                signatures.append(
                    Signature(
                        record_id,
                        name,
                        role,
                        "drawn" if drawn else "typed",
                        AGREEMENT_STATEMENT,
                        moment,
                        worker_id,
                        image_png=gen.png if drawn else None,
                    )
                )
        digest = ""
        frame_text = ""
        if status == RecordStatus.SIGNED:
            signed_at = signatures[-1].signed_at.isoformat()
            record = Record(
                self.case_id,
                self.ca_id,
                kind,
                form.id,
                form.version,
                day,
                answers,
                status,
                title=form.mdr_title or form.title,
                version=version,
                supersedes_id=supersedes,
                amendment_reason=reason,
                linked_record_id=linked,
                id=record_id,
            )
            record.signed_frame = {
                "context": template.context,
                "people": {
                    str(w.id): {"name": w.name, "role": w.role.value}
                    for w in sorted((self.w1, self.w2), key=lambda w: w.id)
                },
            }
            agreed = [Action(text, owner, due) for text, owner, due in actions]
            digest = content_hash(
                record, self.reference, signatures, agreed, gen.form_sha256(form), CANON_VERSION
            )
            frame_text = canonical_json(record.signed_frame)
        elif status == RecordStatus.DRAFT:
            gen.counts["drafts"] += 1
        else:
            gen.counts["awaiting_signatures"] += 1
        batch.records.append(
            (
                record_id,
                self.case_id,
                self.ca_id,
                kind.value,
                form.id,
                form.version,
                form.mdr_title or form.title,
                day.isoformat(),
                json.dumps(answers, ensure_ascii=False),
                RecordStatus.DRAFT.value if status == RecordStatus.DRAFT else "awaiting_signatures",
                version,
                supersedes,
                reason,
                linked,
                digest,
                next_review.isoformat() if next_review else None,
                template.discussion_rrule,
                template.supervision_rrule,
                ",".join(template.issues_flagged),
                created,
                signed_at or created,
                signed_at,
                frame_text,
            )
        )
        batch.audit.append((created, MANAGER_ACTOR, "create", "record", record_id, "{}"))
        for s in signatures:
            gen.next_signature += 1
            batch.signatures.append(
                (
                    record_id,
                    s.worker_id,
                    s.signer_name,
                    s.signer_role,
                    s.method,
                    s.statement,
                    gen.strokes if s.method == "drawn" else "[]",
                    s.image_png,
                    s.signed_at.isoformat(),
                )
            )
        if status != RecordStatus.SIGNED:
            return
        batch.signed.append((record_id,))
        batch.audit.append(
            (
                signed_at,
                MANAGER_ACTOR,
                "lock",
                "record",
                record_id,
                json.dumps({"canon": CANON_VERSION, "coallocation_id": self.ca_id, "content_hash": digest}),
            )
        )
        # completed actions were agreed earlier: mark them done in this record
        if completed:
            done = set(completed)
            for row_index in range(len(batch.actions) - 1, -1, -1):
                row = batch.actions[row_index]
                if row[0] in done:
                    batch.actions[row_index] = (*row[:5], day.isoformat(), record_id)
                    done.discard(row[0])
                    if not done:
                        break
            self.open_actions = [a for a in self.open_actions if a not in set(completed)]
        if supersedes is not None:  # the amendment's actions replace those of the version it supersedes
            self.open_actions = self.open_actions[: len(self.open_actions) - len(actions)]
        for text, owner, due in actions:
            action_id = gen.next_action
            gen.next_action += 1
            batch.actions.append((action_id, record_id, text, owner, due.isoformat(), None, None))
            self.open_actions.append(action_id)


def _insert(conn: Any, batch: _Batch) -> None:
    conn.executemany("INSERT INTO cases VALUES (?,?,?,?,?,?,?,?,?)", batch.cases)
    conn.executemany(
        "INSERT INTO coallocations (id, case_id, worker1_id, worker2_id, lead_worker_id, start_date, end_date,"
        " end_reason, reasons, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        batch.coallocations,
    )
    conn.executemany(
        "INSERT INTO records (id, case_id, coallocation_id, kind, form_id, form_version, title, meeting_date,"
        " answers, status, version, supersedes_id, amendment_reason, linked_record_id, content_hash,"
        " next_review_date, discussion_rrule, supervision_rrule, issues_flagged, created_at, updated_at,"
        " signed_at, signed_frame) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        batch.records,
    )
    conn.executemany(
        "INSERT INTO actions (id, record_id, description, owner_worker_id, due_date, done_date,"
        " done_in_record_id) VALUES (?,?,?,?,?,?,?)",
        batch.actions,
    )
    conn.executemany(
        "INSERT INTO signatures (record_id, worker_id, signer_name, signer_role, method, statement, strokes,"
        " image_png, signed_at) VALUES (?,?,?,?,?,?,?,?,?)",
        batch.signatures,
    )
    conn.executemany("UPDATE records SET status = 'signed' WHERE id = ?", batch.signed)
    last = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    entry_id, prev = (last[0], last[1]) if last else (0, GENESIS)
    chained = []
    for at, actor, action, entity, entity_id, detail in batch.audit:
        entry_id += 1
        digest = entry_hash(prev, entry_id, at, actor, action, entity, entity_id, detail)
        chained.append((entry_id, at, actor, action, entity, entity_id, detail, prev, digest))
        prev = digest
    conn.executemany(
        "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, detail, prev_hash, hash)"
        " VALUES (?,?,?,?,?,?,?,?,?)",
        chained,
    )


def generate(
    path: Path | str,
    cases: int = DEFAULT_CASES,
    seed: int = 1,
    anchor: date | None = None,
    forms_dir: Path | None = None,
) -> dict[str, Any]:
    """Make the database at ``path`` (a new file); returns counts and how long it took."""
    started = time.perf_counter()
    day = anchor or date.today()
    path = Path(path)
    if path.exists() and path.stat().st_size:
        raise FileExistsError(f"{path} already exists: generate into a new file")
    forms = load_forms(forms_dir or paths.forms_dir())
    store = open_store(path, actor=MANAGER_ACTOR)
    try:
        for form in forms:
            store.ensure_form_version(form)
        store.set_setting("benchmark_data", "1")
        conn = store.db.conn
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -200000")
        gen = _Generator(forms, day, seed)
        with conn:
            worker_rows = gen.make_workers()
            conn.executemany("INSERT INTO workers VALUES (?,?,?,?,?,?,?,?)", worker_rows)
        # records are bulk-inserted awaiting signatures, then signed: the one-draft rule holds once they are
        # signed, and its index is put back (with the migrations' own SQL) after the load
        one_draft = expected_schema()["records_one_draft"].sql
        conn.execute("DROP INDEX records_one_draft")
        case_id = 0
        while case_id < cases:
            batch = _Batch()
            for _ in range(min(BATCH_CASES, cases - case_id)):
                case_id += 1
                gen.add_case(batch, case_id)
            with conn:
                _insert(conn, batch)
        conn.execute(one_draft)
        with conn:  # what the team's promises count, as the store keeps it when it signs a record one by one
            derived.rebuild(conn)
        conn.execute("PRAGMA synchronous = FULL")
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (
                "workers",
                "cases",
                "coallocations",
                "records",
                "actions",
                "signatures",
                "audit_log",
            )
        }
        counts["signed_records"] = conn.execute(
            "SELECT count(*) FROM records WHERE status = 'signed'"
        ).fetchone()[0]
    finally:
        store.close()
    return {
        "path": str(path),
        "cases_requested": cases,
        "seed": seed,
        "anchor": day.isoformat(),
        **counts,
        **gen.counts,
        "records_per_case": round(counts["records"] / max(counts["cases"], 1), 1),
        "megabytes": round(path.stat().st_size / 1e6, 1),
        "seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--scale", "--cases", dest="cases", type=int, default=DEFAULT_CASES, help="cases")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None, help="a new file (default: the cache)")
    args = parser.parse_args(argv)
    if args.out is not None:
        summary = generate(args.out, cases=args.cases, seed=args.seed)
    else:
        _path, summary = cached_database(args.cases, args.seed)
    out = io.StringIO()
    json.dump(summary, out)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
