"""The reads behind the screens: what is due (the dashboard, the case page) and the team view and development
log (insights), each one statement whatever the number of cases. The rules stay in ``domain/``."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from cowork_desktop.domain.due import (
    DUE_FACTS_VERSION,
    ActionSummary,
    CoAllocationState,
    DueFacts,
    RecordFacts,
    RecordSummary,
    due_facts_of,
)
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.forms import FormDefinition
from cowork_desktop.domain.models import RecordKind, RecordStatus, Role
from cowork_desktop.store import derived, form_snapshots
from cowork_desktop.store.rows import ACTIVE_ON, CURRENT_ACTION, NOT_SUPERSEDED
from cowork_desktop.store.search import SearchQueries


def _active(
    on: date | None, case_id: int | None, ids: tuple[int, int] | None, only: Sequence[int] | None
) -> tuple[str, dict[str, Any]]:
    """The ``active`` CTE of the co-allocations active on ``on`` (every one when None; one case's; with an id in
    ``ids`` (first, last); with one of the ids ``only``) and its parameters."""
    first, last = ids if ids is not None else (None, None)
    params: dict[str, Any] = {
        "on": on.isoformat() if on else None,
        "case_id": case_id,
        "first": first,
        "last": last,
    }
    if only is not None:
        params["only"] = json.dumps(list(only))
    return (
        f"WITH active AS (SELECT id FROM coallocations WHERE {ACTIVE_ON if on else 'true'}"
        + (" AND case_id = :case_id" if case_id is not None else "")
        + (" AND id BETWEEN :first AND :last" if ids is not None else "")
        + (" AND id IN (SELECT value FROM json_each(:only))" if only is not None else "")
        + ")"
    ), params


class DueQueries(SearchQueries):
    # -- what is due ------------------------------------------------------------------------------
    def coallocation_states(
        self,
        on: date | None,
        case_id: int | None = None,
        *,
        ids: tuple[int, int] | None = None,
        only: Sequence[int] | None = None,
    ) -> list[CoAllocationState]:
        """Snapshots of co-allocations active on ``on`` (None: every one), for the due rules (an ended one was
        handed over in its closing MDR).

        Each snapshot holds the co-allocation's signed, current (not superseded) records and its open actions.
        (The screens read what the rules need of them as the due facts kept per co-allocation:
        :meth:`due_states`.)
        With ``ids`` (first, last) only the co-allocations with an id in that range; with ``only``, those with one
        of these ids (a view reckoning again, in steps, the co-allocations whose :meth:`coallocation_marks`
        moved).
        """
        active, params = _active(on, case_id, ids, only)
        conn = self.db.conn
        fromiso = date.fromisoformat
        states = {state.coallocation_id: state for state, _mark, _facts in self._headers(active, params)}
        if not states:
            return []
        signed = (
            "SELECT r.id, r.coallocation_id, r.kind, r.status, r.meeting_date, r.next_review_date,"
            " r.discussion_rrule, r.supervision_rrule, r.issues_flagged, r.linked_record_id"
        )
        current = f"r.status = 'signed' AND {NOT_SUPERSEDED}"
        sql = (
            f"{active} {signed} FROM active CROSS JOIN records r ON r.coallocation_id = active.id"
            f" WHERE {current} ORDER BY r.id"
        )
        kinds = {k.value: k for k in RecordKind}
        signed_status = RecordStatus.SIGNED
        no_facts = RecordFacts()  # frozen: one for every record without any
        for (
            rid,
            ca_id,
            kind,
            status,
            meeting,
            next_review,
            discussion,
            supervision,
            flagged,
            linked,
        ) in conn.execute(sql, params):
            state = states.get(ca_id)
            if state is None:
                continue
            if next_review or discussion or supervision or flagged:
                facts = RecordFacts(
                    fromiso(next_review) if next_review else None,
                    discussion,
                    supervision,
                    tuple(x for x in flagged.split(",") if x) if flagged else (),
                )
            else:
                facts = no_facts  # most records (discussions, resolutions) agree no date or frequency
            state.records.append(
                RecordSummary(
                    rid,
                    kinds[kind],
                    signed_status if status == "signed" else RecordStatus(status),
                    fromiso(meeting),
                    facts,
                    linked,
                )
            )
        self._add_open_actions(active, params, states)
        return list(states.values())

    def _headers(
        self, active: str, params: dict[str, Any], *, kept: bool = False, drift: bool = True
    ) -> list[tuple[CoAllocationState, int, DueFacts | None]]:
        """The active co-allocations (no records, no actions yet) in id order; with ``kept``, each with its mark
        and its kept :class:`DueFacts` (None unless kept at that mark by this version of the rules)."""
        fromiso = date.fromisoformat
        found = []
        with_kept = ", coalesce(m.mark, 0), f.mark, f.version, f.facts" if kept else ", 0, NULL, NULL, NULL"
        joins = (
            " LEFT JOIN coallocation_marks m ON m.coallocation_id = ca.id"
            " LEFT JOIN due_facts f ON f.coallocation_id = ca.id"
            if kept
            else ""
        )
        for (
            ca_id,
            case,
            reference,
            start,
            end,
            n1,
            n2,
            mark,
            kept_mark,
            version,
            facts,
        ) in self.db.conn.execute(
            f"{active} SELECT ca.id, ca.case_id, c.reference, ca.start_date, ca.end_date, w1.name, w2.name"
            f"{with_kept} FROM active JOIN coallocations ca ON ca.id = active.id JOIN cases c ON c.id = ca.case_id"
            f" JOIN workers w1 ON w1.id = ca.worker1_id JOIN workers w2 ON w2.id = ca.worker2_id{joins}"
            " ORDER BY ca.id",
            params,
        ):
            state = CoAllocationState(
                ca_id, case, reference, fromiso(start), fromiso(end) if end else None, (n1, n2)
            )
            due_facts = None
            if kept_mark == mark and version == DUE_FACTS_VERSION:
                try:
                    due_facts = DueFacts.from_json(json.loads(facts), drift=drift)
                except (ValueError, TypeError, KeyError, IndexError):
                    due_facts = None  # unreadable: reckoned again from the records
            found.append((state, int(mark), due_facts))
        return found

    def _add_open_actions(
        self, active: str, params: dict[str, Any], states: dict[int, CoAllocationState]
    ) -> None:
        """Each state's open actions (agreed in a signed record, current), in id order."""
        fromiso = date.fromisoformat
        for aid, description, due_date, done_date, ca_id, owner in self.db.conn.execute(
            f"{active} SELECT a.id, a.description, a.due_date, a.done_date, r.coallocation_id, w.name"
            " FROM active CROSS JOIN records r ON r.coallocation_id = active.id"
            " CROSS JOIN actions a ON a.record_id = r.id LEFT JOIN workers w ON w.id = a.owner_worker_id"
            f" WHERE r.status = 'signed' AND a.done_date IS NULL AND {CURRENT_ACTION} ORDER BY a.id",
            params,
        ):
            state = states.get(ca_id)
            if state is not None:
                state.actions.append(
                    ActionSummary(
                        aid,
                        description,
                        fromiso(due_date) if due_date else None,
                        fromiso(done_date) if done_date else None,
                        owner or "",
                    )
                )

    def due_states(
        self, on: date, case_id: int | None = None, *, only: Sequence[int] | None = None, drift: bool = False
    ) -> list[tuple[CoAllocationState, int, DueFacts | None]]:
        """What the due rules need of the co-allocations active on ``on`` (one case's, or those with one of the
        ids ``only``), in id order, in one statement: each snapshot (no records, no actions), its mark, and the
        :class:`DueFacts` kept for it (its open actions among them) (None where none are kept at its current mark: the caller reckons those
        from :meth:`coallocation_states` and keeps them with :meth:`keep_due_facts`)."""
        active, params = _active(on, case_id, None, only)
        return self._headers(active, params, kept=True, drift=drift)

    def keep_due_facts(self, facts: Sequence[tuple[int, int, DueFacts]]) -> bool:
        """Keep ``(co-allocation id, mark, facts)``: each only while the co-allocation's mark is still the one
        read before its records were (a write since then moved it, and the facts would be stale). Derived, not
        evidence: nothing is audited, and a store that cannot write (read-only, its protections missing, busy)
        keeps nothing (returns False) and the facts are reckoned again next time."""
        if not facts:
            return True
        rows = json.dumps(
            [[ca, mark, json.dumps(f.as_json(), separators=(",", ":"))] for ca, mark, f in facts]
        )
        if self.read_only is not None:
            return False
        conn = self.db.conn
        try:
            (synchronous,) = conn.execute("PRAGMA synchronous").fetchone()
        except sqlite3.Error:
            return False
        try:
            # derived, so not synced to disk at this commit (WAL: a crash may lose it, never harm the file; the
            # next synced commit carries it): a refresh after a change keeps its co-allocation's facts for ~1 ms,
            # not the tens of milliseconds of a synced commit
            conn.execute("PRAGMA synchronous = NORMAL")
            with self.tx() as db:
                db.conn.execute(
                    "INSERT INTO due_facts (coallocation_id, mark, version, facts)"
                    " SELECT j.value ->> 0, j.value ->> 1, :version, j.value ->> 2 FROM json_each(:rows) j"
                    " WHERE coalesce((SELECT mark FROM coallocation_marks WHERE coallocation_id = j.value ->> 0), 0)"
                    " = j.value ->> 1"
                    " ON CONFLICT (coallocation_id) DO UPDATE SET mark = excluded.mark,"
                    " version = excluded.version, facts = excluded.facts",
                    {"rows": rows, "version": DUE_FACTS_VERSION},
                )
        except (CoworkError, sqlite3.Error):
            return False
        finally:
            with contextlib.suppress(sqlite3.Error):
                conn.execute(f"PRAGMA synchronous = {int(synchronous)}")
        return True

    # -- the screens: reads for the dashboard, the case list and the case page (issue 14) --------------------
    def coallocation_marks(self, on: date) -> dict[int, int]:
        """The mark of every co-allocation active on ``on``: a random number that migration m009's triggers set anew
        whenever anything reckoned from that co-allocation changes (0 while nothing has since it was added)."""
        return {
            int(ca_id): int(mark)
            for ca_id, mark in self.db.conn.execute(
                "SELECT ca.id, coalesce(m.mark, 0) FROM coallocations ca"
                f" LEFT JOIN coallocation_marks m ON m.coallocation_id = ca.id WHERE {ACTIVE_ON}",
                {"on": on.isoformat()},
            )
        }

    # == insights: the team view and the development log, read set-based ==============================
    # One statement each whatever the number of cases (issue 14): what the views show, computed in SQL from the
    # indexes (records_due, actions_record, records_case), answers read with json_extract only where a view
    # needs them. The rules stay in domain.insights; these return plain rows.

    def form_definitions(self) -> dict[tuple[str, int], FormDefinition]:
        """Every stored form version, read in one statement."""
        return {
            (form_id, version): form_snapshots.definition(text, form_id, version)
            for form_id, version, text in self.db.conn.execute(
                "SELECT form_id, version, definition FROM form_versions"
            )
        }

    def promise_tallies(
        self, on: date, *, by_case: bool = True
    ) -> tuple[list[tuple[str, list[int]]], dict[int | None, list[int]]]:
        """The team's promises on ``on``: per case (by reference, in reference order; empty unless ``by_case``)
        and per owner worker id (None: actions with no owner), each as the counts of the four outcomes, of every
        action agreed in a signed, current record dated on or before ``on`` (carried actions with the amendment
        that carries them). A case or owner with no such action is left out.

        The outcomes follow :func:`cowork_desktop.domain.insights.action_outcome`, in the order of
        :data:`~cowork_desktop.domain.insights.OUTCOME_ORDER`: done on time, done late, not done, not yet due. A
        done date after ``on`` is not known yet. An action done after its due date was done late when a current
        signed record of the case dated strictly between the two found it not done.

        Read from the tallies kept beside the records (:mod:`cowork_desktop.store.derived`), whatever the number
        of cases: the tallies of eventual outcomes, less the facts not settled by ``on``, plus those facts
        counted as they stood on ``on``. Only the unsettled facts (an index range: the actions still open and not
        yet overdue, and anything dated after ``on``) are read one by one."""
        conn = self.db.conn
        known = "CASE WHEN done_date <= :on THEN done_date END"
        unsettled = conn.execute(
            "SELECT case_id, owner_worker_id, outcome, CASE WHEN agreed_on > :on THEN NULL"
            "  WHEN due IS NULL THEN CASE WHEN done IS NOT NULL THEN 0 ELSE 3 END"
            "  WHEN done IS NOT NULL THEN late WHEN due < :on THEN 2 ELSE 3 END"
            f" FROM (SELECT *, due_date AS due, {known} AS done FROM promise_facts WHERE settled_on > :on)",
            {"on": on.isoformat()},
        ).fetchall()
        owners: dict[int | None, list[int]] = {}
        for owner, outcome, n in conn.execute("SELECT owner_worker_id, outcome, n FROM promise_owner_tally"):
            owners.setdefault(owner, [0, 0, 0, 0])[outcome] += n
        cases: dict[int, list[int]] = {}
        for case_id, owner, eventual, then in unsettled:
            owners.setdefault(owner, [0, 0, 0, 0])[eventual] -= 1
            if by_case:
                cases.setdefault(case_id, [0, 0, 0, 0])[eventual] -= 1
            if then is not None:
                owners[owner][then] += 1
                if by_case:
                    cases[case_id][then] += 1
        found: list[tuple[str, list[int]]] = []
        if by_case:
            for reference, case_id, *counts in conn.execute(
                "SELECT c.reference, t.case_id, t.on_time, t.late, t.not_done, t.not_yet_due"
                " FROM promise_case_tally t JOIN cases c ON c.id = t.case_id ORDER BY c.reference"
            ):
                change = cases.get(case_id)
                if change is not None:
                    counts = [a + b for a, b in zip(counts, change, strict=True)]
                if any(counts):
                    found.append((reference, counts))
        return found, {k: v for k, v in owners.items() if any(v)}

    def derived_problems(self) -> list[str]:
        """Where the promises, the due facts and the search index kept beside the records differ from what the
        records give (one line each; empty when they agree): see :mod:`cowork_desktop.store.derived`,
        :meth:`due_states` and :mod:`cowork_desktop.store.search`."""
        return derived.problems(self.db.conn) + self._due_facts_problems() + self.search_index_problems()

    def _due_facts_problems(self) -> list[str]:
        """The due facts kept at a co-allocation's current mark that differ from those its records give (kept
        at an older mark, they are never read: they are made again)."""
        kept: dict[int, DueFacts | None] = {}
        active, params = _active(None, None, None, None)
        for state, _mark, facts in self._headers(active, params, kept=True):
            kept[state.coallocation_id] = facts
        wanted = [ca for ca, facts in kept.items() if facts is not None]
        if not wanted:
            return []
        off = sum(
            1
            for state in self.coallocation_states(None, only=wanted)
            if due_facts_of(state) != kept[state.coallocation_id]
        )
        if not off:
            return []
        return [
            f"the due facts kept differ from the signed records in {off} co-allocation(s): made again by "
            "cowork check --repair"
        ]

    def rebuild_derived(self) -> None:
        """Make the promises and the search index kept beside the records again from the records, and let the
        due facts go (made again on first use), in one audited transaction."""
        with self.tx() as db:
            derived.rebuild(db.conn)
            db.conn.execute("DELETE FROM due_facts")
            self.rebuild_search_index()
            self.audit("rebuild", "promise_facts", None)

    def worker_coallocations(self, worker_id: int) -> list[tuple[int, dict[int, Role], int, list[str]]]:
        """``(co-allocation id, {worker id: role} of its two workers, lead worker id, reasons)`` of every
        co-allocation ``worker_id`` is one of the two workers of, in one statement."""
        return [
            (ca_id, {w1: Role(r1), w2: Role(r2)}, lead, list(json.loads(reasons)))
            for ca_id, w1, r1, w2, r2, lead, reasons in self.db.conn.execute(
                "SELECT ca.id, ca.worker1_id, w1.role, ca.worker2_id, w2.role, ca.lead_worker_id, ca.reasons"
                " FROM coallocations ca JOIN workers w1 ON w1.id = ca.worker1_id"
                " JOIN workers w2 ON w2.id = ca.worker2_id"
                " WHERE ca.worker1_id = :w UNION SELECT ca.id, ca.worker1_id, w1.role, ca.worker2_id, w2.role,"
                " ca.lead_worker_id, ca.reasons FROM coallocations ca JOIN workers w1 ON w1.id = ca.worker1_id"
                " JOIN workers w2 ON w2.id = ca.worker2_id WHERE ca.worker2_id = :w ORDER BY 1",
                {"w": worker_id},
            )
        ]

    def learning_answers(
        self,
        coallocation_ids: Sequence[int],
        questions: Sequence[tuple[str, int, int, str]],
        since: date | None = None,
        until: date | None = None,
    ) -> list[tuple[date, str, str, int, RecordKind, str, str]]:
        """``(meeting date, case reference, children's initials, record id, kind, question id, answer)`` for the
        text answers of the ``questions`` (form id, version, position in the form, question id) in the signed,
        current records of these co-allocations dated in ``[since, until]``; meeting date, record and position
        order. Only those answers are read from each record (json_extract), never the whole record."""
        if not coallocation_ids or not questions:
            return []
        forms = " UNION ALL ".join(f"SELECT :f{n}, :v{n}, :n{n}, :q{n}" for n in range(len(questions)))
        params: dict[str, Any] = {"ids": json.dumps(list(coallocation_ids))}
        for n, (form_id, version, position, qid) in enumerate(questions):
            params.update({f"f{n}": form_id, f"v{n}": version, f"n{n}": position, f"q{n}": qid})
        period = ""
        if since is not None:
            period += " AND r.meeting_date >= :since"
            params["since"] = since.isoformat()
        if until is not None:
            period += " AND r.meeting_date <= :until"
            params["until"] = until.isoformat()
        kinds = {k.value: k for k in RecordKind}
        fromiso = date.fromisoformat
        # "->" gives the answer's JSON text, as written: a string's starts with a quote, and only it is parsed
        return [
            (fromiso(meeting), reference, initials, rid, kinds[kind], qid, json.loads(value))
            for meeting, reference, initials, rid, kind, qid, value in self.db.conn.execute(
                f"WITH q(form_id, version, position, qid) AS ({forms})"
                " SELECT r.meeting_date, c.reference, c.children_initials, r.id, r.kind, q.qid,"
                " r.answers -> ('$.\"' || q.qid || '\"')"
                " FROM json_each(:ids) i CROSS JOIN records r INDEXED BY records_due"
                " ON r.coallocation_id = i.value AND r.status = 'signed'"
                " CROSS JOIN q ON q.form_id = r.form_id AND q.version = r.form_version"
                " JOIN cases c ON c.id = r.case_id"
                f" WHERE {NOT_SUPERSEDED}{period}"
                " ORDER BY r.meeting_date, r.id, q.position",
                params,
            )
            if value is not None and value.startswith('"')
        ]
