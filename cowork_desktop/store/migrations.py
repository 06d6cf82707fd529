"""The schema, as a numbered, forward-only list of migrations. Never edit one that has shipped: add another.

Signed records, their signatures and the audit log are protected by triggers, so no path (the app, the CLI or
plain SQL) can change or delete them; the one exception is the audited retention purge (m003, see
``services/retention.py``).
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from sqlite_utils import Database, Migrations

from cowork_desktop.domain.audit import GENESIS, entry_hash
from cowork_desktop.domain.errors import StoreError
from cowork_desktop.domain.names import name_key
from cowork_desktop.store import derived
from cowork_desktop.store.refusals import PREFIX, REFUSALS

migrations = Migrations("cowork")

#: every migration's name, in order (what :func:`known_migration_names` answers, without sqlite-utils' internals)
_NAMES: list[str] = []

_Step = TypeVar("_Step", bound=Callable[[Database], None])


def migration(step: _Step) -> _Step:
    """Register a migration (its function's name is its name). sqlite-utils runs it inside one transaction with the
    record of it having been applied: its statements must run through :func:`run_script` (or ``db.execute``),
    never ``executescript()``, which commits first."""
    _NAMES.append(step.__name__)
    return migrations()(step)


def run_script(db: Database, script: str) -> None:
    """Run a script's statements one by one inside the migration's transaction (``executescript`` would commit
    the transaction first, and a failure half-way would leave half a migration applied)."""
    for statement in statements(script):
        db.execute(statement)


M001_SCHEMA = """
CREATE TABLE workers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role TEXT NOT NULL CHECK (role IN ('student','asye','social_worker','senior_practitioner','team_manager')),
    team TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX workers_name ON workers(name);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE COLLATE NOCASE,
    children_count INTEGER NOT NULL DEFAULT 1 CHECK (children_count BETWEEN 1 AND 20),
    children_initials TEXT NOT NULL DEFAULT '',
    plan_type TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed','transferred')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE coallocations (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    worker1_id INTEGER NOT NULL REFERENCES workers(id),
    worker2_id INTEGER NOT NULL REFERENCES workers(id),
    lead_worker_id INTEGER NOT NULL REFERENCES workers(id),
    start_date TEXT NOT NULL,
    end_date TEXT,
    end_reason TEXT NOT NULL DEFAULT '',
    reasons TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (worker1_id <> worker2_id),
    CHECK (lead_worker_id IN (worker1_id, worker2_id)),
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX coallocations_case ON coallocations(case_id);
CREATE INDEX coallocations_worker1 ON coallocations(worker1_id);
CREATE INDEX coallocations_worker2 ON coallocations(worker2_id);

-- A snapshot of every form version a record was captured with, so old records read correctly forever.
CREATE TABLE form_versions (
    form_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    first_used_at TEXT NOT NULL,
    PRIMARY KEY (form_id, version)
);

CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    coallocation_id INTEGER NOT NULL REFERENCES coallocations(id),
    kind TEXT NOT NULL CHECK (kind IN
        ('initial_meeting','review','reflective_discussion','issue_resolution','closing')),
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    meeting_date TEXT NOT NULL,
    answers TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','awaiting_signatures','signed')),
    version INTEGER NOT NULL DEFAULT 1,
    supersedes_id INTEGER REFERENCES records(id),
    amendment_reason TEXT NOT NULL DEFAULT '',
    linked_record_id INTEGER REFERENCES records(id),
    content_hash TEXT NOT NULL DEFAULT '',
    next_review_date TEXT,
    discussion_rrule TEXT NOT NULL DEFAULT '',
    supervision_rrule TEXT NOT NULL DEFAULT '',
    issues_flagged TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    signed_at TEXT,
    FOREIGN KEY (form_id, form_version) REFERENCES form_versions(form_id, version)
);
CREATE INDEX records_case ON records(case_id, meeting_date);
CREATE INDEX records_coallocation ON records(coallocation_id, kind, status);
CREATE INDEX records_supersedes ON records(supersedes_id);

CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES records(id),
    description TEXT NOT NULL,
    owner_worker_id INTEGER REFERENCES workers(id),
    due_date TEXT,
    done_date TEXT,
    done_in_record_id INTEGER REFERENCES records(id)
);
CREATE INDEX actions_record ON actions(record_id);
CREATE INDEX actions_open ON actions(done_date, due_date);

CREATE TABLE signatures (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES records(id),
    worker_id INTEGER REFERENCES workers(id),
    signer_name TEXT NOT NULL,
    signer_role TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('drawn','typed')),
    statement TEXT NOT NULL,
    strokes TEXT NOT NULL DEFAULT '[]',
    image_png BLOB,
    signed_at TEXT NOT NULL
);
CREATE INDEX signatures_record ON signatures(record_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Signed means final: enforced here, not only in the app.
CREATE TRIGGER records_signed_no_update BEFORE UPDATE ON records
WHEN OLD.status = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'record is signed and locked: make an amendment instead');
END;
CREATE TRIGGER records_signed_no_delete BEFORE DELETE ON records
WHEN OLD.status = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'record is signed and locked: it cannot be deleted');
END;
CREATE TRIGGER records_insert_signed BEFORE INSERT ON records
WHEN NEW.status = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'a record is signed only after its signatures are added');
END;
CREATE TRIGGER records_sign_needs_signatures BEFORE UPDATE OF status ON records
WHEN NEW.status = 'signed' AND (SELECT count(*) FROM signatures WHERE record_id = NEW.id) = 0
BEGIN
    SELECT RAISE(ABORT, 'a record needs signatures before it is signed');
END;
CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures
BEGIN
    SELECT RAISE(ABORT, 'signatures cannot be changed');
END;
CREATE TRIGGER signatures_no_delete_signed BEFORE DELETE ON signatures
WHEN (SELECT status FROM records WHERE id = OLD.record_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signatures of a signed record cannot be deleted');
END;
CREATE TRIGGER signatures_insert_awaiting BEFORE INSERT ON signatures
WHEN (SELECT status FROM records WHERE id = NEW.record_id) IS NOT 'awaiting_signatures'
BEGIN
    SELECT RAISE(ABORT, 'signatures are added only to a record awaiting signatures');
END;
CREATE TRIGGER records_awaiting_answers_frozen BEFORE UPDATE OF answers ON records
WHEN OLD.status = 'awaiting_signatures' AND NEW.status = 'awaiting_signatures' AND NEW.answers IS NOT OLD.answers
BEGIN
    SELECT RAISE(ABORT, 'answers are frozen while signatures are collected: return the record to draft first');
END;
-- Actions of a signed record: only their completion (done_date, done_in_record_id) may be recorded, once.
CREATE TRIGGER actions_signed_no_update BEFORE UPDATE ON actions
WHEN (SELECT status FROM records WHERE id = OLD.record_id) = 'signed'
 AND (NEW.record_id IS NOT OLD.record_id OR NEW.description IS NOT OLD.description
      OR NEW.owner_worker_id IS NOT OLD.owner_worker_id OR NEW.due_date IS NOT OLD.due_date
      OR OLD.done_date IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'actions agreed in a signed record cannot be changed');
END;
CREATE TRIGGER actions_signed_no_delete BEFORE DELETE ON actions
WHEN (SELECT status FROM records WHERE id = OLD.record_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'actions agreed in a signed record cannot be deleted');
END;
CREATE TRIGGER actions_signed_no_insert BEFORE INSERT ON actions
WHEN (SELECT status FROM records WHERE id = NEW.record_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'a signed record cannot take more actions');
END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER form_versions_no_update BEFORE UPDATE ON form_versions
BEGIN
    SELECT RAISE(ABORT, 'a stored form version cannot change');
END;
"""


@migration
def m001_initial(db: Database) -> None:
    run_script(db, M001_SCHEMA)


M002_DUE_INDEX = """
-- The dashboard reads what is due from these columns of the signed records of the active co-allocations: a
-- covering index answers that from the index alone, without reading each record's answers (kilobytes each).
CREATE INDEX IF NOT EXISTS records_due ON records(coallocation_id, status, kind, meeting_date,
    next_review_date, discussion_rrule, supervision_rrule, issues_flagged, linked_record_id);
"""


@migration
def m002_due_index(db: Database) -> None:
    run_script(db, M002_DUE_INDEX)


M003_PURGE_PATH = """
-- Retention: the one deliberate path that may delete a signed record, its signatures and its actions. The purge
-- (services/retention.py) first writes its audit entry, then authorises the ended co-allocation here, deletes,
-- and removes the authorisation, all in one transaction. Without an authorisation the triggers refuse as before.
CREATE TABLE purge_authorisations (
    coallocation_id INTEGER PRIMARY KEY,
    audit_id INTEGER NOT NULL,
    authorised_at TEXT NOT NULL
);
CREATE TRIGGER purge_only_ended BEFORE INSERT ON purge_authorisations
WHEN (SELECT end_date FROM coallocations WHERE id = NEW.coallocation_id) IS NULL
BEGIN
    SELECT RAISE(ABORT, 'only an ended co-allocation can be purged');
END;
CREATE TRIGGER purge_only_audited BEFORE INSERT ON purge_authorisations
WHEN NOT EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.audit_id AND id = (SELECT max(id) FROM audit_log)
                 AND action = 'purge' AND entity = 'coallocation' AND entity_id = NEW.coallocation_id)
BEGIN
    SELECT RAISE(ABORT, 'a purge is authorised only right after its audit entry');
END;

DROP TRIGGER records_signed_no_delete;
CREATE TRIGGER records_signed_no_delete BEFORE DELETE ON records
WHEN OLD.status = 'signed'
 AND NOT EXISTS (SELECT 1 FROM purge_authorisations p WHERE p.coallocation_id = OLD.coallocation_id)
BEGIN
    SELECT RAISE(ABORT, 'record is signed and locked: it cannot be deleted');
END;
DROP TRIGGER signatures_no_delete_signed;
CREATE TRIGGER signatures_no_delete_signed BEFORE DELETE ON signatures
WHEN (SELECT status FROM records WHERE id = OLD.record_id) = 'signed'
 AND NOT EXISTS (SELECT 1 FROM purge_authorisations p JOIN records r ON r.coallocation_id = p.coallocation_id
                 WHERE r.id = OLD.record_id)
BEGIN
    SELECT RAISE(ABORT, 'signatures of a signed record cannot be deleted');
END;
DROP TRIGGER actions_signed_no_delete;
CREATE TRIGGER actions_signed_no_delete BEFORE DELETE ON actions
WHEN (SELECT status FROM records WHERE id = OLD.record_id) = 'signed'
 AND NOT EXISTS (SELECT 1 FROM purge_authorisations p JOIN records r ON r.coallocation_id = p.coallocation_id
                 WHERE r.id = OLD.record_id)
BEGIN
    SELECT RAISE(ABORT, 'actions agreed in a signed record cannot be deleted');
END;
"""


def statements(script: str) -> list[str]:
    """Split a script into whole statements (triggers included); comment lines between statements are left out."""
    found: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        if not pending.strip() and (not line.strip() or line.lstrip().startswith("--")):
            pending = ""
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    if pending.strip():
        found.append(pending.strip())
    return found


@migration
def m003_purge_path(db: Database) -> None:
    run_script(db, M003_PURGE_PATH)


M004_EVIDENCE = """
-- Signing certificates this database knows: recorded when the manager creates or imports one, and when one is
-- first used to sign. A certificate known here is how `cowork verify --db` tells the manager's own from another
-- certificate with the same name. Never changed or deleted.
CREATE TABLE certificates (
    fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
    subject TEXT NOT NULL,
    common_name TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL,
    serial TEXT NOT NULL,
    not_before TEXT NOT NULL,
    not_after TEXT NOT NULL,
    der BLOB NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('created', 'imported', 'signed')),
    added_at TEXT NOT NULL
);
CREATE TRIGGER certificates_no_update BEFORE UPDATE ON certificates
BEGIN
    SELECT RAISE(ABORT, 'a known certificate cannot be changed');
END;
CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates
BEGIN
    SELECT RAISE(ABORT, 'a known certificate cannot be deleted');
END;

-- What a signed record's display depended on when it was signed (the conditions that chose its questions, and the
-- names and roles of the workers it refers to), so its PDF reads the same for ever (domain/records.py).
ALTER TABLE records ADD COLUMN signed_frame TEXT NOT NULL DEFAULT '';

-- The audit log becomes a hash chain (domain/audit.py): each entry keeps the previous entry's hash and its own.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';

-- Chain heads signed with the manager's key at each signed export: a rewritten chain cannot pass without the key.
CREATE TABLE audit_heads (
    id INTEGER PRIMARY KEY,
    audit_id INTEGER NOT NULL REFERENCES audit_log(id),
    head_hash TEXT NOT NULL CHECK (length(head_hash) = 64),
    fingerprint TEXT NOT NULL REFERENCES certificates(fingerprint),
    signature BLOB NOT NULL,
    signed_at TEXT NOT NULL
);
CREATE INDEX audit_heads_audit ON audit_heads(audit_id);
CREATE TRIGGER audit_heads_no_update BEFORE UPDATE ON audit_heads
BEGIN
    SELECT RAISE(ABORT, 'a signed chain head cannot be changed');
END;
CREATE TRIGGER audit_heads_no_delete BEFORE DELETE ON audit_heads
BEGIN
    SELECT RAISE(ABORT, 'a signed chain head cannot be deleted');
END;
"""

#: the append-only trigger of m001, re-created as it was after the existing entries are chained
_AUDIT_NO_UPDATE = """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END"""

M004_CHAIN_TRIGGER = f"""
-- Every new entry follows the last one: its id is the next number and its prev_hash the last entry's hash (SQLite
-- cannot compute SHA-256 here; `cowork check` recomputes every hash).
CREATE TRIGGER audit_chained BEFORE INSERT ON audit_log
WHEN NEW.id IS NOT coalesce((SELECT max(id) FROM audit_log), 0) + 1
  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '{GENESIS}')
  OR length(NEW.hash) <> 64
BEGIN
    SELECT RAISE(ABORT, 'the audit log is a hash chain: a new entry must follow the last one');
END;
"""


@migration
def m004_evidence(db: Database) -> None:
    run_script(db, M004_EVIDENCE)
    conn = db.conn
    conn.execute("DROP TRIGGER audit_no_update")
    prev = GENESIS
    last_id = 0
    batch: list[tuple[str, str, int]] = []
    rows = conn.execute(
        "SELECT id, at, actor, action, entity, entity_id, detail FROM audit_log ORDER BY id"
    ).fetchall()
    for entry_id, at, actor, action, entity, entity_id, detail in rows:
        digest = entry_hash(prev, entry_id, at, actor, action, entity, entity_id, detail)
        batch.append((prev, digest, entry_id))
        prev, last_id = digest, entry_id
    conn.executemany("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", batch)
    conn.execute(_AUDIT_NO_UPDATE)
    run_script(db, M004_CHAIN_TRIGGER)
    if not rows:
        return  # a new database: its log is chained from its first entry
    # the chain's first own entry, after the entries chained here: records signed later use canonical content 2
    entry_id = last_id + 1
    at = datetime.now(UTC).replace(microsecond=0).isoformat()
    detail = json.dumps({"chained_entries": len(rows), "migration": "m004_evidence"}, sort_keys=True)
    digest = entry_hash(prev, entry_id, at, "cowork-desktop", "chain", "audit_log", None, detail)
    conn.execute(
        "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, detail, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [entry_id, at, "cowork-desktop", "chain", "audit_log", None, detail, prev, digest],
    )


M005_CARRIED_ACTIONS = """
-- An amendment keeps the actions it does not change: they are carried into it, with their identity and their
-- completion, instead of being copied as new open actions. Only the actions it adds or changes are new rows.
CREATE TABLE action_carries (
    record_id INTEGER NOT NULL REFERENCES records(id),
    action_id INTEGER NOT NULL REFERENCES actions(id),
    PRIMARY KEY (record_id, action_id)
);
CREATE INDEX action_carries_action ON action_carries(action_id);
CREATE TRIGGER action_carries_no_update BEFORE UPDATE ON action_carries
BEGIN
    SELECT RAISE(ABORT, 'actions carried into a record cannot be changed');
END;
CREATE TRIGGER action_carries_signed_no_insert BEFORE INSERT ON action_carries
WHEN (SELECT status FROM records WHERE id = NEW.record_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'a signed record cannot take more actions');
END;
CREATE TRIGGER action_carries_signed_no_delete BEFORE DELETE ON action_carries
WHEN (SELECT status FROM records WHERE id = OLD.record_id) = 'signed'
 AND NOT EXISTS (SELECT 1 FROM purge_authorisations p JOIN records r ON r.coallocation_id = p.coallocation_id
                 WHERE r.id = OLD.record_id)
BEGIN
    SELECT RAISE(ABORT, 'actions carried into a signed record cannot be deleted');
END;
"""


@migration
def m005_carried_actions(db: Database) -> None:
    run_script(db, M005_CARRIED_ACTIONS)


M006_IDENTITY = """
-- Every database has an identity, made when it is created (here, for an existing one) and never changed: it is
-- carried inside and in the name of every backup, so backups of two databases with the same file name never mix.
CREATE TABLE database_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    uuid TEXT NOT NULL CHECK (length(uuid) = 36),
    created_at TEXT NOT NULL
);
CREATE TRIGGER database_identity_no_update BEFORE UPDATE ON database_identity
BEGIN
    SELECT RAISE(ABORT, 'a database keeps its identity');
END;
CREATE TRIGGER database_identity_no_delete BEFORE DELETE ON database_identity
BEGIN
    SELECT RAISE(ABORT, 'a database keeps its identity');
END;
-- A draft names the revision a save was based on: a save from an older revision (another window) is refused.
ALTER TABLE records ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
-- A second draft of the same meeting made before this rule (two windows) is kept, set aside, never deleted.
ALTER TABLE records ADD COLUMN set_aside_at TEXT;
-- What a search compares: the reference and the name case-folded (domain.names.name_key), kept as they are
-- written so a search reads plain columns.
ALTER TABLE cases ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
ALTER TABLE workers ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
"""

M006_ONE_DRAFT = """
-- One draft per kind per co-allocation (amendments apart), and one amendment per signed record.
CREATE UNIQUE INDEX records_one_draft ON records(coallocation_id, kind)
    WHERE status <> 'signed' AND supersedes_id IS NULL AND set_aside_at IS NULL;
CREATE UNIQUE INDEX records_one_amendment ON records(supersedes_id)
    WHERE supersedes_id IS NOT NULL AND set_aside_at IS NULL;
"""


def pending_identity(conn: sqlite3.Connection) -> str:
    """The identity the identity migration will give this connection's database: made (and kept for this
    connection) before it exists, so the backup taken before the migration already carries it in its name."""
    try:
        row = conn.execute("SELECT uuid FROM database_identity WHERE id = 1").fetchone()
    except sqlite3.OperationalError:
        row = None
    if row:
        return str(row[0])
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS pending_identity (uuid TEXT NOT NULL)")
    found = conn.execute("SELECT uuid FROM temp.pending_identity").fetchone()
    if found:
        return str(found[0])
    made = str(uuid.uuid4())
    outside = not conn.in_transaction
    conn.execute("INSERT INTO temp.pending_identity (uuid) VALUES (?)", [made])
    if outside:
        conn.commit()  # never leave a transaction open around the migrations (they would be rolled back)
    return made


@migration
def m006_identity(db: Database) -> None:
    run_script(db, M006_IDENTITY)
    conn = db.conn
    stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
    conn.execute(
        "INSERT INTO database_identity (id, uuid, created_at) VALUES (1, ?, ?)",
        [pending_identity(conn), stamp],
    )
    conn.execute("DROP TABLE IF EXISTS temp.pending_identity")
    conn.executemany(
        "UPDATE cases SET search_key = ? WHERE id = ?",
        [(name_key(ref), i) for i, ref in conn.execute("SELECT id, reference FROM cases").fetchall()],
    )
    conn.executemany(
        "UPDATE workers SET search_key = ? WHERE id = ?",
        [(name_key(name), i) for i, name in conn.execute("SELECT id, name FROM workers").fetchall()],
    )
    # drafts made twice by two windows before this rule: the newest stays the draft, the others are set aside
    doubles = conn.execute(
        "SELECT id FROM records r WHERE status <> 'signed' AND supersedes_id IS NULL AND EXISTS ("
        " SELECT 1 FROM records n WHERE n.coallocation_id = r.coallocation_id AND n.kind = r.kind"
        " AND n.status <> 'signed' AND n.supersedes_id IS NULL AND n.id > r.id)"
        " UNION SELECT id FROM records r WHERE status <> 'signed' AND supersedes_id IS NOT NULL AND EXISTS ("
        " SELECT 1 FROM records n WHERE n.supersedes_id = r.supersedes_id AND n.id <> r.id"
        " AND (n.status = 'signed' OR n.id > r.id))"
    ).fetchall()
    for (record_id,) in doubles:
        conn.execute(
            "UPDATE records SET set_aside_at = ?, title = title || ' (a second draft, set aside)' WHERE id = ?",
            [stamp, record_id],
        )
    run_script(db, M006_ONE_DRAFT)


M007_ONE_OPEN_COALLOCATION = """
-- A case has at most one open co-allocation (no end date recorded: domain.models.CoAllocation.is_open): the store
-- checks it when one is added or re-opened, and this index holds it for every path, plain SQL included.
CREATE UNIQUE INDEX coallocations_one_open ON coallocations(case_id) WHERE end_date IS NULL;
"""


@migration
def m007_one_open_coallocation(db: Database) -> None:
    """Refused (StoreError, nothing applied: the database stays as it was) while a case has two open
    co-allocations, made before the rule held for every path: which one ended, and when, is for a person to say."""
    doubles = db.conn.execute(
        "SELECT c.reference, count(*) FROM coallocations ca JOIN cases c ON c.id = ca.case_id"
        " WHERE ca.end_date IS NULL GROUP BY ca.case_id HAVING count(*) > 1 ORDER BY c.reference"
    ).fetchall()
    if doubles:
        reference, count = doubles[0]
        more = f" (and {len(doubles) - 1} more case(s))" if len(doubles) > 1 else ""
        raise StoreError(
            f"case {reference} has {count} co-allocations without an end date{more}, and a case can have only one: "
            "give all but one an end date with the version of cowork-desktop that made them, then open it here "
            "again (nothing was changed)"
        )
    run_script(db, M007_ONE_OPEN_COALLOCATION)


_RAISE = re.compile(r"RAISE\(ABORT, '([^']*)'\)")
_CODE_OF = {refusal.message: code for code, refusal in REFUSALS.items()}


def _tagged(trigger: str) -> str:
    """A trigger's SQL with its refusal tagged: ``RAISE(ABORT, 'message')`` becomes ``RAISE(ABORT, 'cowork:E<code>
    message')``, the code that of the message in the one table of refusals (a message not in it is a KeyError on
    import: the table's texts are history too, change one with a new migration)."""
    return _RAISE.sub(
        lambda found: f"RAISE(ABORT, '{PREFIX}{_CODE_OF[found.group(1)]} {found.group(1)}')", trigger
    )


def _retagged(*scripts: str) -> str:
    """A script that drops every trigger the scripts leave (the last one made of each name, in the order SQLite
    keeps them: made last, listed last) and makes it again with its refusal tagged, its SQL otherwise unchanged."""
    latest: dict[str, str] = {}
    for script in scripts:
        for statement in statements(script):
            found = re.match(r"CREATE TRIGGER (\w+)", statement)
            if found:
                latest.pop(found.group(1), None)
                latest[found.group(1)] = statement.removesuffix(";")
    return "".join(f"DROP TRIGGER {name};\n{_tagged(sql)};\n" for name, sql in latest.items())


#: every trigger of m001-m006 re-created with its refusal tagged ``cowork:E<code>``: the store maps the code to an
#: error and its one line through one table (``store/refusals.py``), instead of matching the messages' words
M008_TAGGED_REFUSALS = _retagged(
    M001_SCHEMA,
    M003_PURGE_PATH,
    M004_EVIDENCE,
    _AUDIT_NO_UPDATE,
    M004_CHAIN_TRIGGER,
    M005_CARRIED_ACTIONS,
    M006_IDENTITY,
)


@migration
def m008_tagged_refusals(db: Database) -> None:
    run_script(db, M008_TAGGED_REFUSALS)


M009_PROMISE_FACTS = """
-- What the team's promises count, kept beside the records (issue 14; store/derived.py says how): a row per action
-- agreed in a signed, current record, and their counts by eventual outcome: per case, and per owner.
CREATE TABLE promise_facts (
    case_id INTEGER NOT NULL,
    action_id INTEGER NOT NULL,
    owner_worker_id INTEGER,
    agreed_on TEXT NOT NULL,
    due_date TEXT,
    done_date TEXT,
    late INTEGER NOT NULL CHECK (late IN (0, 1)),
    outcome INTEGER NOT NULL CHECK (outcome BETWEEN 0 AND 3),
    settled_on TEXT NOT NULL
);
CREATE INDEX promise_facts_case ON promise_facts(case_id);
CREATE INDEX promise_facts_settled ON promise_facts(settled_on);
CREATE TABLE promise_case_tally (
    case_id INTEGER PRIMARY KEY,
    on_time INTEGER NOT NULL DEFAULT 0,
    late INTEGER NOT NULL DEFAULT 0,
    not_done INTEGER NOT NULL DEFAULT 0,
    not_yet_due INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE promise_owner_tally (
    owner_worker_id INTEGER,
    outcome INTEGER NOT NULL,
    n INTEGER NOT NULL
);
CREATE INDEX promise_owner_tally_key ON promise_owner_tally(owner_worker_id, outcome);

-- A mark per co-allocation, set anew (to a random 64-bit number: a restored backup's later marks cannot repeat those
-- of the file it replaced) by whatever changes what is reckoned from it: its records, their actions and carried
-- actions, the co-allocation itself, its case or one of its two workers.
-- A view that keeps what it reckoned per co-allocation (services.insights.DriftMemo) reckons again only those
-- whose mark has moved. Every path that writes, plain SQL included, moves them.
CREATE TABLE coallocation_marks (
    coallocation_id INTEGER PRIMARY KEY,
    mark INTEGER NOT NULL
);
CREATE TRIGGER mark_record_insert AFTER INSERT ON records BEGIN
    INSERT INTO coallocation_marks (coallocation_id, mark)
        SELECT NEW.coallocation_id, random() WHERE true
        ON CONFLICT (coallocation_id) DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER mark_record_update AFTER UPDATE ON records BEGIN
    INSERT INTO coallocation_marks (coallocation_id, mark)
        SELECT NEW.coallocation_id, random() WHERE true
        ON CONFLICT (coallocation_id) DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER mark_record_delete AFTER DELETE ON records BEGIN
    INSERT INTO coallocation_marks (coallocation_id, mark)
        SELECT OLD.coallocation_id, random() WHERE true
        ON CONFLICT (coallocation_id) DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER mark_action_insert AFTER INSERT ON actions BEGIN
    INSERT INTO coallocation_marks (coallocation_id, mark)
        SELECT (SELECT coallocation_id FROM records WHERE id = NEW.record_id), random() WHERE (SELECT coallocation_id FROM records WHERE id = NEW.record_id) IS NOT NULL
        ON CONFLICT (coallocation_id) DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER mark_action_update AFTER UPDATE ON actions BEGIN
    INSERT INTO coallocation_marks (coallocation_id, mark)
        SELECT (SELECT coallocation_id FROM records WHERE id = NEW.record_id), random() WHERE (SELECT coallocation_id FROM records WHERE id = NEW.record_id) IS NOT NULL
        ON CONFLICT (coallocation_id) DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER mark_action_delete AFTER DELETE ON actions BEGIN
    INSERT INTO coallocation_marks (coallocation_id, mark)
        SELECT (SELECT coallocation_id FROM records WHERE id = OLD.record_id), random() WHERE (SELECT coallocation_id FROM records WHERE id = OLD.record_id) IS NOT NULL
        ON CONFLICT (coallocation_id) DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER mark_carry_insert AFTER INSERT ON action_carries BEGIN
    INSERT INTO coallocation_marks (coallocation_id, mark)
        SELECT (SELECT coallocation_id FROM records WHERE id = NEW.record_id), random() WHERE (SELECT coallocation_id FROM records WHERE id = NEW.record_id) IS NOT NULL
        ON CONFLICT (coallocation_id) DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER mark_carry_delete AFTER DELETE ON action_carries BEGIN
    INSERT INTO coallocation_marks (coallocation_id, mark)
        SELECT (SELECT coallocation_id FROM records WHERE id = OLD.record_id), random() WHERE (SELECT coallocation_id FROM records WHERE id = OLD.record_id) IS NOT NULL
        ON CONFLICT (coallocation_id) DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER mark_coallocation_update AFTER UPDATE ON coallocations BEGIN
    INSERT INTO coallocation_marks (coallocation_id, mark)
        SELECT NEW.id, random() WHERE true
        ON CONFLICT (coallocation_id) DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER mark_case_update AFTER UPDATE ON cases BEGIN
    INSERT INTO coallocation_marks (coallocation_id, mark)
        SELECT ca.id, random() FROM coallocations ca
        WHERE ca.case_id = NEW.id
        ON CONFLICT (coallocation_id) DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER mark_worker_update AFTER UPDATE ON workers BEGIN
    INSERT INTO coallocation_marks (coallocation_id, mark)
        SELECT ca.id, random() FROM coallocations ca
        WHERE NEW.id IN (ca.worker1_id, ca.worker2_id)
        ON CONFLICT (coallocation_id) DO UPDATE SET mark = excluded.mark;
END;
"""


@migration
def m009_promise_facts(db: Database) -> None:
    """The promise facts and their tally, built from the records signed so far (at 40,000 cases, about a million
    actions: seconds, once); the tally's triggers are made last, by :func:`cowork_desktop.store.derived.rebuild`."""
    run_script(db, M009_PROMISE_FACTS)
    derived.rebuild(db.conn)


M010_DUE_FACTS = """
-- What the due rules read of each co-allocation's signed records, kept at the co-allocation's mark (issue 14;
-- domain.due.DueFacts says what, store.queries.DueQueries.due_states how): a day's due list is reckoned from these
-- few dates, and a co-allocation's are made again from its records whenever its mark has moved since. Derived,
-- not evidence: cowork check compares them with the records, and --repair clears them (made again on first use).
CREATE TABLE due_facts (
    coallocation_id INTEGER PRIMARY KEY,
    mark INTEGER NOT NULL,
    version INTEGER NOT NULL,
    facts TEXT NOT NULL
);
-- A co-allocation added (perhaps with the id of one purged) is marked at once, and a purged one's mark and facts go
-- with it: kept facts and a view's memo are never taken for those of another co-allocation with the same id.
CREATE TRIGGER mark_coallocation_insert AFTER INSERT ON coallocations BEGIN
    INSERT INTO coallocation_marks (coallocation_id, mark)
        SELECT NEW.id, random() WHERE true
        ON CONFLICT (coallocation_id) DO UPDATE SET mark = excluded.mark;
    DELETE FROM due_facts WHERE coallocation_id = NEW.id;
END;
CREATE TRIGGER mark_coallocation_delete AFTER DELETE ON coallocations BEGIN
    DELETE FROM coallocation_marks WHERE coallocation_id = OLD.id;
    DELETE FROM due_facts WHERE coallocation_id = OLD.id;
END;
"""


#: the triggers of m009 and m010 that keep the co-allocations' marks (they count, and refuse nothing)
MARK_TRIGGERS = tuple(re.findall(r"CREATE TRIGGER (mark_\w+)", M009_PROMISE_FACTS + M010_DUE_FACTS))


@migration
def m010_due_facts(db: Database) -> None:
    """The kept due facts (empty: each co-allocation's are made on first use) and the marks of co-allocations
    added or purged."""
    run_script(db, M010_DUE_FACTS)


def record_text_sql(row: str) -> str:
    """What the search index holds of a record (``row``: ``r``, ``NEW`` or ``OLD``): its title, amendment reason
    and every text answer a person wrote, a line each (the same expression in the view and in the triggers, so
    that a record's old text can be taken out of the index exactly as it was put in). The values a form stores
    for a choice (``yes``, ``role_uncertainty``: nothing but lower-case letters, digits and ``_``), the
    frequencies (``FREQ=...``) and the dates (``2026-11-23``) are left out: a search shows the words people
    wrote."""
    return (
        f"coalesce({row}.title, '') || char(10) || coalesce({row}.amendment_reason, '') || char(10) || "
        f"coalesce((SELECT group_concat(j.value, char(10)) FROM json_tree(CASE WHEN json_valid({row}.answers) "
        f"THEN {row}.answers ELSE '{{}}' END) j WHERE j.type = 'text' AND j.value GLOB '*[^a-z0-9_]*' "
        "AND j.value NOT GLOB 'FREQ=*' AND j.value NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'), '')"
    )


M011_RECORD_SEARCH = f"""
-- Search across the text of records (issue 15): an FTS5 index over a view of each record's text, kept by triggers on
-- every write (plain SQL included). External content: the text is not stored twice, and under SQLCipher the index is
-- encrypted with the rest of the file. Words are letters, digits and marks of any script (so an Indic name is one
-- word, not cut at its vowel signs). Not evidence: cowork check checks it, and --repair makes it again.
CREATE VIEW record_search_text AS SELECT r.id AS id, {record_text_sql("r")} AS text FROM records r;
CREATE VIRTUAL TABLE record_search USING fts5(
    text, content = 'record_search_text', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);
CREATE TRIGGER search_record_insert AFTER INSERT ON records BEGIN
    INSERT INTO record_search (rowid, text) VALUES (NEW.id, {record_text_sql("NEW")});
END;
CREATE TRIGGER search_record_update AFTER UPDATE OF title, amendment_reason, answers ON records BEGIN
    INSERT INTO record_search (record_search, rowid, text) VALUES ('delete', OLD.id, {record_text_sql("OLD")});
    INSERT INTO record_search (rowid, text) VALUES (NEW.id, {record_text_sql("NEW")});
END;
CREATE TRIGGER search_record_delete AFTER DELETE ON records BEGIN
    INSERT INTO record_search (record_search, rowid, text) VALUES ('delete', OLD.id, {record_text_sql("OLD")});
END;
INSERT INTO record_search (rowid, text) SELECT id, text FROM record_search_text;
"""
#: the triggers of m011 that keep the search index (they index, and refuse nothing)
SEARCH_TRIGGERS = tuple(re.findall(r"CREATE TRIGGER (search_\w+)", M011_RECORD_SEARCH))


@migration
def m011_record_search(db: Database) -> None:
    """The search index over the records' text, filled from the records kept so far (about 5 s at 10,000 cases,
    once)."""
    run_script(db, M011_RECORD_SEARCH)


#: the tables of a case's signed history pulled from the service (m012), each row tied to its pull's audit entry
PULLED_TABLES = (
    "pulled_cases",
    "pulled_records",
    "pulled_signatures",
    "pulled_actions",
    "pulled_completions",
    "pulled_audit",
    "pulled_certificates",
    "pulled_handovers",
)


def _pulled_triggers() -> str:
    out = []
    for table in PULLED_TABLES:
        out.append(
            f"""CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
BEGIN
    SELECT RAISE(ABORT, 'pulled history cannot be changed');
END;
CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
BEGIN
    SELECT RAISE(ABORT, 'pulled history cannot be deleted');
END;
CREATE TRIGGER {table}_only_by_a_pull BEFORE INSERT ON {table}
WHEN NOT EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.pull_id AND id = (SELECT max(id) FROM audit_log)
                 AND action = 'pull' AND entity = 'case')
BEGIN
    SELECT RAISE(ABORT, 'pulled history is added only by a pull, right after its entry in the audit log');
END;
"""
        )
    return _tagged("".join(out))


M012_PULLED_HISTORY = f"""
-- A case's signed history pulled from the service (issue 17, `cowork pull`): the records another manager's
-- laptop signed and published, kept as they were published (their canonical content, the exact JSON their hash
-- is of, and the ids of the laptop that signed them, which that content names), beside this database's own
-- records and never mixed with them. Read-only history: no row is changed or deleted, and rows are added only
-- by a pull, right after the pull's entry in this database's audit chain, which keeps a digest of every row it
-- added (domain/pulled.py; `cowork check` proves each record and each pull again).
CREATE TABLE pulled_cases (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    reference TEXT NOT NULL COLLATE NOCASE,
    pull_id INTEGER NOT NULL
);
CREATE TABLE pulled_records (
    content_hash TEXT PRIMARY KEY CHECK (length(content_hash) = 64),
    pull_id INTEGER NOT NULL,
    source TEXT NOT NULL,
    origin_id INTEGER NOT NULL,
    case_reference TEXT NOT NULL COLLATE NOCASE,
    coallocation_origin_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    meeting_date TEXT NOT NULL,
    version INTEGER NOT NULL,
    supersedes_origin_id INTEGER,
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    canon INTEGER NOT NULL,
    content TEXT NOT NULL,
    signed_at TEXT,
    team TEXT NOT NULL,
    published_by TEXT NOT NULL,
    published_at TEXT NOT NULL,
    UNIQUE (source, origin_id),
    FOREIGN KEY (form_id, form_version) REFERENCES form_versions(form_id, version)
);
CREATE INDEX pulled_records_case ON pulled_records(case_reference);
CREATE INDEX pulled_records_pull ON pulled_records(pull_id);
CREATE TABLE pulled_signatures (
    record_hash TEXT NOT NULL REFERENCES pulled_records(content_hash),
    position INTEGER NOT NULL,
    pull_id INTEGER NOT NULL,
    worker_origin_id INTEGER,
    signer_name TEXT NOT NULL,
    signer_role TEXT NOT NULL,
    method TEXT NOT NULL,
    statement TEXT NOT NULL,
    image_png BLOB,
    signed_at TEXT NOT NULL,
    PRIMARY KEY (record_hash, position)
);
CREATE INDEX pulled_signatures_pull ON pulled_signatures(pull_id);
CREATE TABLE pulled_actions (
    record_hash TEXT NOT NULL REFERENCES pulled_records(content_hash),
    origin_id INTEGER NOT NULL,
    pull_id INTEGER NOT NULL,
    description TEXT NOT NULL,
    owner_origin_id INTEGER,
    due_date TEXT,
    PRIMARY KEY (record_hash, origin_id)
);
CREATE INDEX pulled_actions_pull ON pulled_actions(pull_id);
CREATE TABLE pulled_completions (
    source TEXT NOT NULL,
    action_origin_id INTEGER NOT NULL,
    pull_id INTEGER NOT NULL,
    record_hash TEXT NOT NULL REFERENCES pulled_records(content_hash),
    done_date TEXT NOT NULL,
    done_in_origin_id INTEGER,
    PRIMARY KEY (source, action_origin_id)
);
CREATE INDEX pulled_completions_pull ON pulled_completions(pull_id);
CREATE TABLE pulled_audit (
    source TEXT NOT NULL,
    origin_id INTEGER NOT NULL,
    pull_id INTEGER NOT NULL,
    record_hash TEXT NOT NULL REFERENCES pulled_records(content_hash),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (source, origin_id)
);
CREATE INDEX pulled_audit_pull ON pulled_audit(pull_id);
CREATE TABLE pulled_certificates (
    fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
    pull_id INTEGER NOT NULL,
    subject TEXT NOT NULL,
    common_name TEXT NOT NULL,
    issuer TEXT NOT NULL,
    serial TEXT NOT NULL,
    not_before TEXT NOT NULL,
    not_after TEXT NOT NULL,
    der BLOB NOT NULL
);
CREATE TABLE pulled_handovers (
    id INTEGER PRIMARY KEY,
    pull_id INTEGER NOT NULL,
    case_reference TEXT NOT NULL COLLATE NOCASE,
    from_team TEXT NOT NULL,
    from_manager TEXT NOT NULL,
    to_team TEXT NOT NULL,
    to_manager TEXT NOT NULL,
    handed_over_by TEXT NOT NULL,
    handed_over_at TEXT NOT NULL
);
{_pulled_triggers()}"""


@migration
def m012_pulled_history(db: Database) -> None:
    """The tables of pulled history (empty until a pull)."""
    run_script(db, M012_PULLED_HISTORY)


def known_migration_names() -> list[str]:
    """Every migration's name, in the order they apply."""
    return list(_NAMES)
