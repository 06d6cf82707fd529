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


#: the tables whose rows belong to a signed record (by its content hash)
RECORD_PARTS = ("signatures", "actions", "action_completions", "audit")


def _handover() -> str:
    """m003: a case passes to another manager with its whole published history (issue 17, "Handover").

    * ``handovers``: who handed which case over, when, from which manager and team to which; append-only, and
      written only by ``hand_over``, a SECURITY DEFINER function that only a head of service may run (it
      records the login, ``session_user``: inside the function ``current_user`` is the schema's owner).
    * **The case's holder is the team of its ``cases`` row**: ``hand_over`` moves it to the receiving manager's
      team. The published rows keep the team that published them (they are never changed).
    * **The holder's team reads the case's whole history:** records and co-allocations of a case it holds, and the
      signatures, actions, completions and audit entries of those records, whichever team published them.
    * **Only the holder's team writes to a case:** a record, a co-allocation, or a signature, action, completion
      or audit entry of a record, goes in only when its case is held by the login's team (before m003 only the
      row's own team column was checked, so a manager could attach an audit entry to another team's record).
      A team that handed a case over keeps reading what it published itself (its own rows) and nothing after.
    """
    team = "(SELECT team_of(current_user))"
    head = "(SELECT is_head(current_user))"
    held = f"SELECT reference FROM cases WHERE team = {team}"
    # writes: a look-up per row by the primary keys (a write checks few rows, and a set per statement would be
    # built for every upsert of a publish's executemany)
    case_held = f"EXISTS (SELECT 1 FROM cases c WHERE c.reference = case_reference AND c.team = {team})"
    record_held = (
        "EXISTS (SELECT 1 FROM records r JOIN cases c ON c.reference = r.case_reference"
        f" WHERE r.content_hash = record_hash AND c.team = {team})"
    )
    out = [
        f"""
CREATE TABLE handovers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_reference text NOT NULL REFERENCES cases(reference),
    from_team text NOT NULL REFERENCES teams(name),
    from_manager text NOT NULL,
    to_team text NOT NULL REFERENCES teams(name),
    to_manager text NOT NULL REFERENCES managers(role_name),
    handed_over_by text NOT NULL,
    handed_over_at timestamptz NOT NULL DEFAULT now(),
    CHECK (from_manager <> to_manager)
);
CREATE INDEX handovers_case ON handovers(case_reference);
CREATE TRIGGER handovers_no_change BEFORE UPDATE OR DELETE ON handovers
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER handovers_no_truncate BEFORE TRUNCATE ON handovers
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
ALTER TABLE handovers ENABLE ROW LEVEL SECURITY;
ALTER TABLE handovers FORCE ROW LEVEL SECURITY;
-- a manager reads the handovers of their team's cases, either way; a head of service reads them all
CREATE POLICY handovers_read ON handovers FOR SELECT TO {MANAGER}, {HEAD}
    USING (from_team = {team} OR to_team = {team} OR {head});
CREATE POLICY handovers_owner ON handovers TO {OWNER} USING (true) WITH CHECK (true);
GRANT SELECT ON handovers TO {MANAGER}, {HEAD};

-- hand_over runs as the owner: it reads the case and its records, and moves the case to its new team
CREATE POLICY cases_owner_read ON cases FOR SELECT TO {OWNER} USING (true);
CREATE POLICY cases_owner_handover ON cases FOR UPDATE TO {OWNER} USING (true) WITH CHECK (true);
CREATE POLICY records_owner_read ON records FOR SELECT TO {OWNER} USING (true);

CREATE FUNCTION hand_over(case_ref text, to_login text) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {SCHEMA}, pg_temp
AS $$
DECLARE
    caller text := session_user;
    held_by_team text;
    held_by text;
    receiving_team text;
    receiving_head boolean;
    made bigint;
BEGIN
    IF NOT is_head(caller) THEN
        RAISE EXCEPTION 'only a head of service hands a case over (% is not one)', caller
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT team INTO held_by_team FROM cases WHERE reference = case_ref FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no case % is published on the service', case_ref USING ERRCODE = 'no_data_found';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM records WHERE case_reference = case_ref) THEN
        RAISE EXCEPTION 'case % has no published signed records: there is no history to hand over', case_ref
            USING ERRCODE = 'no_data_found';
    END IF;
    SELECT team, head INTO receiving_team, receiving_head FROM managers WHERE role_name = to_login;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no manager % on the service (cowork service user add)', to_login
            USING ERRCODE = 'no_data_found';
    END IF;
    IF receiving_head THEN
        RAISE EXCEPTION '% is a head of service, not the manager of a team: a case passes to a manager', to_login
            USING ERRCODE = 'check_violation';
    END IF;
    held_by := coalesce(
        (SELECT h.to_manager FROM handovers h WHERE h.case_reference = case_ref ORDER BY h.id DESC LIMIT 1),
        (SELECT published_by FROM cases WHERE reference = case_ref));
    IF held_by = to_login THEN
        RAISE EXCEPTION 'case % is already held by %', case_ref, to_login USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO handovers (case_reference, from_team, from_manager, to_team, to_manager, handed_over_by)
        VALUES (case_ref, held_by_team, held_by, receiving_team, to_login, caller) RETURNING id INTO made;
    UPDATE cases SET team = receiving_team WHERE reference = case_ref;
    RETURN made;
END $$;
REVOKE ALL ON FUNCTION hand_over(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hand_over(text, text) TO {HEAD};
""",
        f"ALTER POLICY records_read ON records USING (team = {team} OR {head} OR case_reference IN ({held}));",
        f"ALTER POLICY records_write ON records WITH CHECK (team = {team} AND {case_held});",
        f"ALTER POLICY coallocations_read ON coallocations"
        f" USING (team = {team} OR {head} OR case_reference IN ({held}));",
        f"ALTER POLICY coallocations_write ON coallocations WITH CHECK (team = {team} AND {case_held});",
        f"ALTER POLICY coallocations_update ON coallocations USING (team = {team})"
        f" WITH CHECK (team = {team} AND {case_held});",
    ]
    for table in RECORD_PARTS:
        out.append(
            f"ALTER POLICY {table}_read ON {table} USING (team = {team} OR {head} OR record_hash IN"
            f" (SELECT r.content_hash FROM records r WHERE r.case_reference IN ({held})));"
        )
        out.append(f"ALTER POLICY {table}_write ON {table} WITH CHECK (team = {team} AND {record_held});")
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
    Migration(3, "m003_handover", _handover()),
    Migration(4, "m004_record_answers", M004_RECORD_ANSWERS),
)
