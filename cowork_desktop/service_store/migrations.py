"""The service's schema in PostgreSQL, as a numbered, forward-only list of migrations (never edit one that has
shipped: add another). Each runs in one transaction with its row in ``schema_migrations``, as the schema owner
(``cowork_owner``), so the tables belong to a role nobody logs in as.

Published signed records, their signatures and actions, the completions of those actions, form versions,
certificates and audit entries are append-only: PL/pgSQL triggers refuse UPDATE, DELETE and TRUNCATE for every
role, the owner's included, and the login roles are granted only SELECT and INSERT on them. A record's content hash
is recomputed on insert from the canonical JSON it carries (the same bytes the laptop hashed).

Row-level security (FORCE, so the owner is held to it too): a manager's login sees and writes only its team's rows,
its team read from ``managers`` by ``current_user``; a head-of-service login reads every team and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA = "cowork"
OWNER = "cowork_owner"
MANAGER = "cowork_manager"
HEAD = "cowork_head"


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: str


#: the tables whose rows belong to one team (row-level security on each)
TEAM_TABLES = (
    "cases",
    "workers",
    "coallocations",
    "records",
    "signatures",
    "actions",
    "action_completions",
    "audit",
)
#: current state, replaced by each publish (a manager's login may update its own team's rows)
CURRENT_STATE = ("cases", "workers", "coallocations")
#: never changed or deleted once written
APPEND_ONLY = (
    "records",
    "signatures",
    "actions",
    "action_completions",
    "audit",
    "form_versions",
    "certificates",
)


def _append_only_triggers() -> str:
    out = []
    for table in APPEND_ONLY:
        out.append(
            f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table}"
            " FOR EACH ROW EXECUTE FUNCTION refuse_change();"
        )
        out.append(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();"
        )
    return "\n".join(out)


def _policies() -> str:
    out = []
    for table in TEAM_TABLES:
        out.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;")
        out.append(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;")
        out.append(
            f"CREATE POLICY {table}_read ON {table} FOR SELECT TO {MANAGER}, {HEAD}"
            " USING (team = team_of(current_user) OR is_head(current_user));"
        )
        out.append(
            f"CREATE POLICY {table}_write ON {table} FOR INSERT TO {MANAGER} WITH CHECK (team = team_of(current_user));"
        )
        verbs = "SELECT, INSERT"
        if table in CURRENT_STATE:
            out.append(
                f"CREATE POLICY {table}_update ON {table} FOR UPDATE TO {MANAGER}"
                " USING (team = team_of(current_user)) WITH CHECK (team = team_of(current_user));"
            )
            verbs += ", UPDATE"
        out.append(f"GRANT {verbs} ON {table} TO {MANAGER};")
        out.append(f"GRANT SELECT ON {table} TO {HEAD};")
    return "\n".join(out)


M001_SCHEMA = f"""
CREATE TABLE teams (
    name text PRIMARY KEY CHECK (length(btrim(name)) > 0)
);

-- One row per login role: its team (none for a head of service) and whether it is a head of service.
CREATE TABLE managers (
    role_name text PRIMARY KEY,
    team text REFERENCES teams(name),
    head boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (head OR team IS NOT NULL)
);

-- A login's team (NULL for a head of service or a stranger), and whether it is a head of service. The policies
-- call them with current_user (inside a SECURITY DEFINER function current_user is the owner); they read managers
-- as its owner, whatever the caller may read.
CREATE FUNCTION team_of(login name) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = {SCHEMA}, pg_temp
AS $$ SELECT team FROM managers WHERE role_name = login AND NOT head $$;
CREATE FUNCTION is_head(login name) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = {SCHEMA}, pg_temp
AS $$ SELECT coalesce((SELECT head FROM managers WHERE role_name = login), false) $$;

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'cowork: % is append-only: published rows are never changed or deleted', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END $$;

-- The current state of each laptop's cases, co-allocations and workers (replaced at each publish).
-- source: the laptop database's identity; local_id: the row's id there.
CREATE TABLE cases (
    reference text PRIMARY KEY,
    team text NOT NULL REFERENCES teams(name),
    source uuid NOT NULL,
    local_id bigint NOT NULL,
    children_count integer NOT NULL CHECK (children_count BETWEEN 1 AND 20),
    children_initials text NOT NULL DEFAULT '',
    plan_type text NOT NULL,
    status text NOT NULL,
    updated_at text NOT NULL,
    published_by text NOT NULL DEFAULT current_user,
    published_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_team ON cases(team);

CREATE TABLE workers (
    source uuid NOT NULL,
    local_id bigint NOT NULL,
    team text NOT NULL REFERENCES teams(name),
    name text NOT NULL,
    role text NOT NULL,
    worker_team text NOT NULL DEFAULT '',
    active boolean NOT NULL,
    updated_at text NOT NULL,
    PRIMARY KEY (source, local_id)
);
CREATE INDEX workers_team ON workers(team);

CREATE TABLE coallocations (
    source uuid NOT NULL,
    local_id bigint NOT NULL,
    team text NOT NULL REFERENCES teams(name),
    case_reference text NOT NULL REFERENCES cases(reference),
    worker1_id bigint NOT NULL,
    worker2_id bigint NOT NULL,
    lead_worker_id bigint NOT NULL,
    start_date date NOT NULL,
    end_date date,
    end_reason text NOT NULL DEFAULT '',
    reasons jsonb NOT NULL DEFAULT '[]',
    updated_at text NOT NULL,
    PRIMARY KEY (source, local_id),
    FOREIGN KEY (source, worker1_id) REFERENCES workers(source, local_id),
    FOREIGN KEY (source, worker2_id) REFERENCES workers(source, local_id)
);
CREATE INDEX coallocations_team ON coallocations(team);
CREATE INDEX coallocations_case ON coallocations(case_reference);

-- Append-only from here down.
CREATE TABLE form_versions (
    form_id text NOT NULL,
    version integer NOT NULL,
    definition text NOT NULL,
    sha256 text NOT NULL CHECK (length(sha256) = 64),
    PRIMARY KEY (form_id, version)
);

CREATE TABLE certificates (
    fingerprint text PRIMARY KEY CHECK (length(fingerprint) = 64),
    subject text NOT NULL,
    common_name text NOT NULL DEFAULT '',
    issuer text NOT NULL,
    serial text NOT NULL,
    not_before text NOT NULL,
    not_after text NOT NULL,
    der bytea NOT NULL,
    CHECK (encode(sha256(der), 'hex') = fingerprint)
);

-- A signed record as it was signed: its canonical content (the exact JSON the laptop hashed) and that hash.
CREATE TABLE records (
    content_hash text PRIMARY KEY CHECK (content_hash ~ '^[0-9a-f]{{64}}$'),
    team text NOT NULL REFERENCES teams(name),
    source uuid NOT NULL,
    local_id bigint NOT NULL,
    case_reference text NOT NULL REFERENCES cases(reference),
    coallocation_id bigint NOT NULL,
    kind text NOT NULL,
    meeting_date date NOT NULL,
    version integer NOT NULL,
    supersedes_id bigint,
    form_id text NOT NULL,
    form_version integer NOT NULL,
    canon integer NOT NULL CHECK (canon IN (1, 2)),
    content text NOT NULL,
    signed_at text,
    published_by text NOT NULL DEFAULT current_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source, local_id),
    FOREIGN KEY (form_id, form_version) REFERENCES form_versions(form_id, version)
);
CREATE INDEX records_team ON records(team);
CREATE INDEX records_case ON records(case_reference);

-- The hash is the content's: recomputed here, whoever inserts.
CREATE FUNCTION records_check_hash() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF encode(sha256(convert_to(NEW.content, 'UTF8')), 'hex') IS DISTINCT FROM NEW.content_hash THEN
        RAISE EXCEPTION 'cowork: record % of %: its content does not give its content hash',
            NEW.local_id, NEW.case_reference USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER records_hash BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION records_check_hash();

CREATE TABLE signatures (
    record_hash text NOT NULL REFERENCES records(content_hash),
    position integer NOT NULL,
    team text NOT NULL REFERENCES teams(name),
    worker_id bigint,
    signer_name text NOT NULL,
    signer_role text NOT NULL,
    method text NOT NULL,
    statement text NOT NULL,
    image_png bytea,
    signed_at text NOT NULL,
    PRIMARY KEY (record_hash, position)
);
CREATE INDEX signatures_team ON signatures(team);

-- The actions agreed in a signed record (carried ones included), as they were signed.
CREATE TABLE actions (
    record_hash text NOT NULL REFERENCES records(content_hash),
    local_id bigint NOT NULL,
    team text NOT NULL REFERENCES teams(name),
    description text NOT NULL,
    owner_worker_id bigint,
    due_date date,
    PRIMARY KEY (record_hash, local_id)
);
CREATE INDEX actions_team ON actions(team);

-- An agreed action done (once), after its record was signed.
CREATE TABLE action_completions (
    source uuid NOT NULL,
    action_id bigint NOT NULL,
    team text NOT NULL REFERENCES teams(name),
    record_hash text NOT NULL REFERENCES records(content_hash),
    done_date date NOT NULL,
    done_in_record_id bigint,
    PRIMARY KEY (source, action_id)
);
CREATE INDEX action_completions_team ON action_completions(team);

-- The laptop's audit entries about each published record, with their place in its hash chain.
CREATE TABLE audit (
    source uuid NOT NULL,
    id bigint NOT NULL,
    team text NOT NULL REFERENCES teams(name),
    record_hash text NOT NULL REFERENCES records(content_hash),
    at text NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    entity text NOT NULL,
    entity_id bigint,
    detail text NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL,
    PRIMARY KEY (source, id)
);
CREATE INDEX audit_team ON audit(team);
CREATE INDEX audit_record ON audit(record_hash);

-- A record arrives whole: by the end of its transaction it has its signatures and its signing ("lock") entry.
CREATE FUNCTION records_check_whole() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM signatures WHERE record_hash = NEW.content_hash) THEN
        RAISE EXCEPTION 'cowork: record % of % arrived without its signatures', NEW.local_id, NEW.case_reference
            USING ERRCODE = 'check_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM audit WHERE record_hash = NEW.content_hash AND action = 'lock') THEN
        RAISE EXCEPTION 'cowork: record % of % arrived without its signing entry', NEW.local_id,
            NEW.case_reference USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER records_whole AFTER INSERT ON records DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION records_check_whole();

{_append_only_triggers()}

-- Privileges: the login roles reach the tables only through their group roles, and only as below.
REVOKE ALL ON ALL TABLES IN SCHEMA {SCHEMA} FROM PUBLIC;
REVOKE ALL ON FUNCTION team_of(name), is_head(name), refuse_change(), records_check_hash(), records_check_whole()
    FROM PUBLIC;
GRANT USAGE ON SCHEMA {SCHEMA} TO {MANAGER}, {HEAD};
GRANT EXECUTE ON FUNCTION team_of(name), is_head(name) TO {MANAGER}, {HEAD};
GRANT SELECT ON teams, form_versions, certificates TO {MANAGER}, {HEAD};
GRANT INSERT ON form_versions, certificates TO {MANAGER};
GRANT SELECT ON schema_migrations TO {MANAGER}, {HEAD};

-- A login reads its own managers row; a head of service reads them all.
GRANT SELECT ON managers TO {MANAGER}, {HEAD};
ALTER TABLE managers ENABLE ROW LEVEL SECURITY;
ALTER TABLE managers FORCE ROW LEVEL SECURITY;
CREATE POLICY managers_read ON managers FOR SELECT TO {MANAGER}, {HEAD}
    USING (role_name = current_user OR is_head(current_user));
-- The owner keeps reading and writing managers (the functions above, `cowork service user add`).
CREATE POLICY managers_owner ON managers TO {OWNER} USING (true) WITH CHECK (true);

{_policies()}
"""


def _policies_once_per_statement() -> str:
    """m001's policies with their look-ups as sub-selects: PostgreSQL then asks ``team_of`` and ``is_head`` once
    per statement (an init plan), not once per row (a SECURITY DEFINER function is never inlined): a first
    publish of a 10,000-case service checks a million rows. The same rows pass as before."""
    team = "(SELECT team_of(current_user))"
    head = "(SELECT is_head(current_user))"
    out = []
    for table in TEAM_TABLES:
        out.append(f"ALTER POLICY {table}_read ON {table} USING (team = {team} OR {head});")
        out.append(f"ALTER POLICY {table}_write ON {table} WITH CHECK (team = {team});")
        if table in CURRENT_STATE:
            out.append(
                f"ALTER POLICY {table}_update ON {table} USING (team = {team}) WITH CHECK (team = {team});"
            )
    out.append(f"ALTER POLICY managers_read ON managers USING (role_name = current_user OR {head});")
    return "\n".join(out)


#: m004 (m003 is the handover's): what the report's rules read of each record, derived by the server from the
#: signed content itself (generated columns: nobody inserts or changes them, a publish sends nothing new), kept
#: parsed so that a report reads a record's answers without parsing its whole canonical text again (a head of
#: service's report over 776,000 records: the parse alone was half a minute)
M004_RECORD_ANSWERS = """
ALTER TABLE records
    ADD COLUMN answers jsonb GENERATED ALWAYS AS ((content::jsonb) -> 'answers') STORED,
    ADD COLUMN linked_record_id bigint GENERATED ALWAYS AS (((content::jsonb) ->> 'linked_record_id')::bigint) STORED;
"""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "m001_initial", M001_SCHEMA),
    Migration(2, "m002_policies_once_per_statement", _policies_once_per_statement()),
    Migration(4, "m004_record_answers", M004_RECORD_ANSWERS),
)
