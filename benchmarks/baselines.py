"""The plain SQL of the baselines: what each screen or command has to read, read by ``sqlite3`` alone.

Each figure is printed beside its baseline measured in the same run (interleaved: app, baseline, app...), so the
ratio says how far the app is from the cost of reading the rows it shows. Parameters: ``:on`` (an ISO day),
``:worker`` (a worker id), ``:q`` (a ``LIKE`` pattern).
"""

from __future__ import annotations

#: the active co-allocations on a day
ACTIVE = (
    "WITH active AS (SELECT id FROM coallocations WHERE start_date <= :on"
    " AND (end_date IS NULL OR end_date >= :on))"
)

#: the dashboard: the signed records of the active co-allocations (the fact columns the due rules read)
DASHBOARD_SQL = f"""
    {ACTIVE}
    SELECT r.coallocation_id, r.id, r.kind, r.meeting_date, r.next_review_date, r.discussion_rrule,
           r.supervision_rrule, r.issues_flagged, r.linked_record_id
    FROM active a CROSS JOIN records r ON r.coallocation_id = a.id WHERE r.status = 'signed'
"""

#: drift (the team view's upper table, ``cowork drift``): the active co-allocations with their case and workers,
#: their signed records' fact columns and their open actions
DRIFT_SQL = (
    DASHBOARD_SQL,
    f"""
    {ACTIVE}
    SELECT ca.id, c.reference, ca.start_date, ca.end_date, w1.name, w2.name
    FROM active JOIN coallocations ca ON ca.id = active.id JOIN cases c ON c.id = ca.case_id
    JOIN workers w1 ON w1.id = ca.worker1_id JOIN workers w2 ON w2.id = ca.worker2_id
    """,
    f"""
    {ACTIVE}
    SELECT a.id, a.due_date, r.coallocation_id, a.owner_worker_id
    FROM active CROSS JOIN records r ON r.coallocation_id = active.id CROSS JOIN actions a ON a.record_id = r.id
    WHERE r.status = 'signed' AND a.done_date IS NULL
    """,
)

#: promises kept (the team view's lower table, ``cowork promises``): one JOIN of every action agreed in a signed
#: record with its record's date and its case (not the records' answers, where the "not done" verdicts are)
PROMISES_SQL = (
    """
    SELECT a.id, a.owner_worker_id, a.due_date, a.done_date, r.meeting_date, c.reference
    FROM actions a JOIN records r ON r.id = a.record_id JOIN cases c ON c.id = r.case_id
    WHERE r.status = 'signed' AND r.meeting_date <= :on
    """,
)

#: the team view: drift and promises
TEAM_VIEW_SQL = DRIFT_SQL + PROMISES_SQL

#: one worker's development log: the signed records (with their answers) of the co-allocations they are in
DEVLOG_SQL = (
    """
    SELECT r.id, r.meeting_date, r.kind, r.form_id, r.form_version, r.answers, c.reference, c.children_initials
    FROM coallocations ca JOIN records r ON r.coallocation_id = ca.id JOIN cases c ON c.id = ca.case_id
    WHERE (ca.worker1_id = :worker OR ca.worker2_id = :worker) AND r.status = 'signed'
    """,
)

#: the due list (``cowork due``)
DUE_SQL = (DASHBOARD_SQL,)

CASE_LIST_SQL = """
    SELECT c.id, c.reference, c.plan_type, c.status, c.children_count,
           w1.name, w2.name, wl.name, ca.start_date, ca.end_date
    FROM cases c
    LEFT JOIN coallocations ca ON ca.id = (SELECT max(id) FROM coallocations WHERE case_id = c.id)
    LEFT JOIN workers w1 ON w1.id = ca.worker1_id
    LEFT JOIN workers w2 ON w2.id = ca.worker2_id
    LEFT JOIN workers wl ON wl.id = ca.lead_worker_id
    {where}
    ORDER BY c.reference LIMIT {limit}
"""
FILTER_WHERE = (
    "WHERE c.reference LIKE :q OR c.id IN (SELECT x.case_id FROM coallocations x JOIN workers w "
    "ON w.id IN (x.worker1_id, x.worker2_id) WHERE w.name LIKE :q)"
)

#: a fresh ``python -c`` that imports sqlite3 and reads the rows a command reads (argv: DB DAY, then the SQL)
CLI_SCRIPT = (
    "import sqlite3, sys\n"
    "conn = sqlite3.connect(sys.argv[1])\n"
    "n = sum(len(conn.execute(sql, {'on': sys.argv[2]}).fetchall()) for sql in sys.argv[3:])\n"
    "print(n)\n"
)
