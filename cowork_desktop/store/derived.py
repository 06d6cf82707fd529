"""What the team's promises count, kept beside the records instead of recomputed from every record (issue 14).

``promise_facts`` holds one row per action agreed in a signed, current record (an action an amendment carries
counts with the amendment): its case, owner, the day it was agreed, due and done dates, whether a current signed
record dated strictly between its due and done dates found it not done (``late``), its *eventual* outcome and
the day from which that outcome holds for good (``settled_on``). ``promise_case_tally`` counts the facts of each
case by eventual outcome (a row per case: what ``cowork promises`` lists), ``promise_owner_tally`` by owner and
eventual outcome (what the team view shows: a few hundred rows); triggers (migration m009) keep both in step
with every fact inserted or deleted.

The store refreshes a case's facts in the transaction that signs one of its records (the only way a record
becomes signed, an action done or a record superseded: :meth:`~cowork_desktop.store.repos.records.
RecordRepository.finalise_record`) and after a purge; m009 built them for the records signed before it.
Promises on a day ``on`` are then the tally, less the facts not settled by ``on`` (few: actions still open and
not yet overdue, and anything dated after ``on``), counted as they stood that day (:mod:`.queries`). The facts
are not evidence: ``cowork check`` compares them with what the records give (:func:`problems`), and
:func:`rebuild` makes them again from the records.

The outcomes are numbered as in :data:`cowork_desktop.domain.insights.OUTCOME_ORDER`: 0 done on time, 1 done
late, 2 not done, 3 not yet due.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from cowork_desktop.store import form_snapshots

COLUMNS = "case_id, action_id, owner_worker_id, agreed_on, due_date, done_date, late, outcome, settled_on"


#: the tally's maintenance (made by m009): a fact inserted counts once, a fact deleted uncounts
#: a fact's outcome added to (``sign`` +) or taken from (-) its case's row of counts
def _case_counts(row: str, sign: str) -> str:
    return ", ".join(f"{c} = {c} {sign} ({row}.outcome = {n})" for n, c in enumerate(OUTCOME_COLUMNS))


OUTCOME_COLUMNS = ("on_time", "late", "not_done", "not_yet_due")

TRIGGERS = (
    f"""CREATE TRIGGER promise_facts_counted AFTER INSERT ON promise_facts BEGIN
    INSERT INTO promise_case_tally (case_id) SELECT NEW.case_id
        WHERE NOT EXISTS (SELECT 1 FROM promise_case_tally WHERE case_id = NEW.case_id);
    UPDATE promise_case_tally SET {_case_counts("NEW", "+")} WHERE case_id = NEW.case_id;
    UPDATE promise_owner_tally SET n = n + 1
        WHERE owner_worker_id IS NEW.owner_worker_id AND outcome = NEW.outcome;
    INSERT INTO promise_owner_tally (owner_worker_id, outcome, n)
        SELECT NEW.owner_worker_id, NEW.outcome, 1 WHERE NOT EXISTS (SELECT 1 FROM promise_owner_tally
        WHERE owner_worker_id IS NEW.owner_worker_id AND outcome = NEW.outcome);
END""",
    f"""CREATE TRIGGER promise_facts_uncounted AFTER DELETE ON promise_facts BEGIN
    UPDATE promise_case_tally SET {_case_counts("OLD", "-")} WHERE case_id = OLD.case_id;
    DELETE FROM promise_case_tally
        WHERE case_id = OLD.case_id AND on_time + late + not_done + not_yet_due <= 0;
    UPDATE promise_owner_tally SET n = n - 1 WHERE owner_worker_id IS OLD.owner_worker_id AND outcome = OLD.outcome;
    DELETE FROM promise_owner_tally WHERE owner_worker_id IS OLD.owner_worker_id AND outcome = OLD.outcome
        AND n <= 0;
END""",
)
TRIGGER_NAMES = ("promise_facts_counted", "promise_facts_uncounted")


def action_review_paths(conn: sqlite3.Connection) -> list[tuple[str, int, str]]:
    """``(form id, version, question id)`` of the ``action_review`` question of every stored form version that
    has one: where a record's answers say an action was not done. (Each stored definition is parsed once a
    process: a record is signed in a few milliseconds, and parsing every form version costs two.)"""
    found = []
    for form_id, version, text in conn.execute(
        "SELECT form_id, version, definition FROM form_versions ORDER BY form_id, version"
    ):
        qid = _review_question(text, form_id, version)
        if qid is not None:
            found.append((str(form_id), int(version), qid))
    return found


@lru_cache(maxsize=64)
def _review_question(text: str, form_id: str, version: int) -> str | None:
    q = form_snapshots.definition(text, form_id, version).find_role("action_review")
    return q.id if q is not None else None


def _facts_select(paths: list[tuple[str, int, str]], params: dict[str, Any], cases: bool) -> str:
    """The facts as the records give them (every case, or those in the JSON array ``:cases``)."""
    forms = " UNION ALL ".join(f"SELECT :f{n}, :v{n}, :q{n}" for n in range(len(paths)))
    for n, (form_id, version, qid) in enumerate(paths):
        params.update({f"f{n}": form_id, f"v{n}": version, f"q{n}": qid})
    which = " AND r.case_id IN (SELECT value FROM json_each(:cases))" if cases else ""

    def current(r: str) -> str:
        """``r`` is not superseded by a signed amendment: for a few cases looked up record by record, for every
        case as one set of the superseded ones."""
        if cases:
            return (
                f"NOT EXISTS (SELECT 1 FROM records n WHERE n.supersedes_id = {r}.id AND n.status = 'signed')"
            )
        return f"{r}.id NOT IN superseded"

    return (
        f"WITH paths(form_id, version, qid) AS ({forms or 'SELECT NULL, NULL, NULL'}),"
        " superseded AS (SELECT supersedes_id FROM records INDEXED BY records_supersedes"
        "  WHERE supersedes_id IS NOT NULL AND status = 'signed'),"
        " cur AS MATERIALIZED (SELECT r.id, r.case_id, r.meeting_date FROM records r"
        f"  WHERE r.status = 'signed' AND {current('r')}{which}),"
        " x AS (SELECT cur.case_id, a.id, a.owner_worker_id AS owner, cur.meeting_date AS agreed,"
        "  a.due_date AS due, a.done_date AS done FROM cur JOIN actions a ON a.record_id = cur.id"
        "  UNION ALL SELECT cur.case_id, a.id, a.owner_worker_id, cur.meeting_date, a.due_date, a.done_date"
        "  FROM cur JOIN action_carries k ON k.record_id = cur.id JOIN actions a ON a.id = k.action_id),"
        " y AS (SELECT x.*, CASE WHEN done IS NOT NULL AND due IS NOT NULL AND done > due AND EXISTS"
        "  (SELECT 1 FROM records v INDEXED BY records_case"
        "   JOIN paths f ON f.form_id = v.form_id AND f.version = v.form_version"
        "   WHERE v.case_id = x.case_id AND v.meeting_date > x.due AND v.meeting_date < x.done"
        f"   AND v.status = 'signed' AND {current('v')}"
        "   AND json_extract(v.answers, '$.\"' || f.qid || '\".\"' || x.id || '\".done') = 'no')"
        "  THEN 1 ELSE 0 END AS late FROM x)"
        " SELECT case_id, id AS action_id, owner AS owner_worker_id, agreed AS agreed_on, due AS due_date,"
        "  done AS done_date, late,"
        "  CASE WHEN due IS NULL THEN CASE WHEN done IS NOT NULL THEN 0 ELSE 3 END"
        "   WHEN done IS NOT NULL THEN late ELSE 2 END AS outcome,"
        "  CASE WHEN done IS NOT NULL THEN max(agreed, done)"
        "   WHEN due IS NOT NULL THEN max(agreed, date(due, '+1 day')) ELSE agreed END AS settled_on"
        " FROM y"
    )


def refresh(conn: sqlite3.Connection, case_ids: Iterable[int]) -> None:
    """Make these cases' facts again from their records (inside the caller's transaction); the triggers move the
    tally with them."""
    wanted = sorted(set(case_ids))
    if not wanted:
        return
    params: dict[str, Any] = {"cases": json.dumps(wanted)}
    conn.execute("DELETE FROM promise_facts WHERE case_id IN (SELECT value FROM json_each(:cases))", params)
    sql = _facts_select(action_review_paths(conn), params, cases=True)
    conn.execute(f"INSERT INTO promise_facts ({COLUMNS}) {sql}", params)


def rebuild(conn: sqlite3.Connection) -> None:
    """Make every fact and the whole tally again from the records (inside the caller's transaction): the facts
    in one statement, the tally counted from them in another, with the tally's triggers dropped meanwhile and
    made again (as m009 made them) before the transaction ends."""
    for name in TRIGGER_NAMES:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    conn.execute("DELETE FROM promise_facts")
    conn.execute("DELETE FROM promise_case_tally")
    conn.execute("DELETE FROM promise_owner_tally")
    params: dict[str, Any] = {}
    sql = _facts_select(action_review_paths(conn), params, cases=False)
    conn.execute(f"INSERT INTO promise_facts ({COLUMNS}) {sql}", params)
    counts = ", ".join(f"sum(outcome = {n})" for n in range(len(OUTCOME_COLUMNS)))
    conn.execute(
        f"INSERT INTO promise_case_tally (case_id, {', '.join(OUTCOME_COLUMNS)})"
        f" SELECT case_id, {counts} FROM promise_facts GROUP BY case_id"
    )
    conn.execute(
        "INSERT INTO promise_owner_tally (owner_worker_id, outcome, n)"
        " SELECT owner_worker_id, outcome, count(*) FROM promise_facts GROUP BY owner_worker_id, outcome"
    )
    for statement in TRIGGERS:
        conn.execute(statement)


def problems(conn: sqlite3.Connection) -> list[str]:
    """Where the facts or the tally differ from what the records give (empty: they agree), one line each. The
    records' facts are computed once and set against the stored ones in one grouping (a row in one and not the
    other, or there a different number of times, is a difference)."""
    params: dict[str, Any] = {}
    sql = _facts_select(action_review_paths(conn), params, cases=False)
    found: list[str] = []
    (off,) = conn.execute(
        f"SELECT count(*) FROM (SELECT {COLUMNS}, sum(s) AS t FROM (SELECT *, 1 AS s FROM ({sql})"
        f" UNION ALL SELECT {COLUMNS}, -1 FROM promise_facts) GROUP BY {COLUMNS} HAVING t <> 0)",
        params,
    ).fetchone()
    if off:
        found.append(
            f"the promises kept differ from the signed records in {off} action(s): made again by "
            "cowork check --repair"
        )
    columns = ", ".join(OUTCOME_COLUMNS)
    counts = ", ".join(f"sum(outcome = {n})" for n in range(len(OUTCOME_COLUMNS)))
    (off,) = conn.execute(
        f"SELECT count(*) FROM (SELECT case_id, {counts} FROM promise_facts GROUP BY case_id"
        f" EXCEPT SELECT case_id, {columns} FROM promise_case_tally)"
    ).fetchone()
    (more,) = conn.execute(
        f"SELECT count(*) FROM (SELECT case_id, {columns} FROM promise_case_tally"
        f" EXCEPT SELECT case_id, {counts} FROM promise_facts GROUP BY case_id)"
    ).fetchone()
    off += more
    (by_owner,) = conn.execute(
        "SELECT count(*) FROM (SELECT owner_worker_id, outcome, sum(n) AS t FROM"
        " (SELECT owner_worker_id, outcome, 1 AS n FROM promise_facts"
        "  UNION ALL SELECT owner_worker_id, outcome, -n FROM promise_owner_tally)"
        " GROUP BY 1, 2 HAVING t <> 0)"
    ).fetchone()
    off += by_owner
    if off:
        found.append(
            f"the promises' tally differs from its actions in {off} row(s): made again by cowork check --repair"
        )
    return found
