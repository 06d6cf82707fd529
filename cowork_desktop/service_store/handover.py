"""The service's side of a handover (``cowork service handover``) and of a pull (``cowork pull``).

A handover is one call of ``hand_over(case, manager)`` (service migration m003), a SECURITY DEFINER function only
a head of service may run: it checks the case and the manager, records the handover (append-only) and moves the
case to the receiving manager's team, in one transaction. A pull reads, as the receiving manager's login and in
one read-only snapshot, what the policies let that login read of one case: its published records, their
signatures, actions, completions and audit entries, the form versions they use, the certificates that signed
their notes, and the case's handovers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import psycopg

from cowork_desktop.domain.errors import ServiceError
from cowork_desktop.domain.pulled import (
    PulledAction,
    PulledAuditEntry,
    PulledCase,
    PulledCertificate,
    PulledCompletion,
    PulledForm,
    PulledHandover,
    PulledRecord,
    PulledSignature,
    manager_names,
    named_fingerprints,
)
from cowork_desktop.service_store.connection import connect, translate


def _text(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _opt(value: object) -> str | None:
    return None if value is None else _text(value)


def _int(value: object) -> int:
    return int(str(value))


def _opt_int(value: object) -> int | None:
    return None if value is None else int(str(value))


def _bytes(value: object) -> bytes | None:
    if value is None:
        return None
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    raise ServiceError(f"the service sent {type(value).__name__} where bytes were expected")


def _handover(row: Sequence[Any]) -> PulledHandover:
    return PulledHandover(
        int(row[0]),
        str(row[1]),
        str(row[2]),
        str(row[3]),
        str(row[4]),
        str(row[5]),
        str(row[6]),
        _text(row[7]),
    )


_HANDOVER_COLUMNS = (
    "id, case_reference, from_team, from_manager, to_team, to_manager, handed_over_by, handed_over_at"
)


def _refusal(exc: psycopg.Error) -> ServiceError:
    """The function's own refusals as they are (one line); anything else as the service's refusal."""
    if isinstance(
        exc, psycopg.errors.RaiseException | psycopg.errors.NoDataFound | psycopg.errors.CheckViolation
    ):
        return ServiceError(str(exc).strip().splitlines()[0])
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return ServiceError(
            f"this login may not hand a case over (only a head of service may): {exc}".splitlines()[0]
        )
    return translate(exc)


def hand_over(url: str, case_reference: str, to_manager: str) -> PulledHandover:
    """Hand the case over to ``to_manager`` (a head of service's login). Refusals: one line (ServiceError)."""
    conn = connect(url)
    try:
        try:
            row = conn.execute("SELECT is_head(current_user), team_of(current_user)").fetchone()
            if not (row and row[0]):
                raise ServiceError(
                    "only a head of service hands a case over"
                    + (f" (this login is a manager of the team {row[1]})" if row and row[1] else "")
                )
            with conn.transaction():
                made = conn.execute("SELECT hand_over(%s, %s)", [case_reference, to_manager]).fetchone()
                assert made is not None
                found = conn.execute(
                    f"SELECT {_HANDOVER_COLUMNS} FROM handovers WHERE id = %s", [made[0]]
                ).fetchone()
        except psycopg.Error as exc:
            raise _refusal(exc) from None
        assert found is not None
        return _handover(found)
    finally:
        conn.close()


def read_case(url: str, case_reference: str, manager_role: str) -> tuple[PulledCase, str]:
    """Everything the login may read of one case (see the module docstring), and the login's team ('' for a
    head of service). ServiceError (one line) when the login may read no such case."""
    conn = connect(url)
    try:
        try:
            with conn.transaction():
                conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                return _read(conn, case_reference, manager_role)
        except psycopg.Error as exc:
            raise translate(exc) from None
    finally:
        conn.close()


def _read(
    conn: psycopg.Connection[tuple[object, ...]], case_reference: str, manager_role: str
) -> tuple[PulledCase, str]:
    who = conn.execute("SELECT team_of(current_user), is_head(current_user)").fetchone()
    team = str(who[0]) if who and who[0] is not None else ""
    if not team and not (who and who[1]):
        raise ServiceError("this login is not a manager of a team on the service (cowork service user add)")
    case = conn.execute(
        "SELECT reference, team, children_count, children_initials, plan_type, status FROM cases"
        " WHERE reference = %s",
        [case_reference],
    ).fetchone()
    if case is None:
        raise ServiceError(
            f"the service has no case {case_reference} that this login may read (a case is pulled by the "
            "manager it was handed over to: cowork service handover)"
        )
    records = tuple(
        _record(r)
        for r in conn.execute(
            "SELECT content_hash, source, local_id, case_reference, coallocation_id, kind, meeting_date, version,"
            " supersedes_id, form_id, form_version, canon, content, signed_at, team, published_by, published_at"
            " FROM records WHERE case_reference = %s ORDER BY meeting_date, source, local_id",
            [case_reference],
        )
    )
    params = [[r.content_hash for r in records]]
    signatures = tuple(
        PulledSignature(
            str(r[0]), _int(r[1]), _opt_int(r[2]), str(r[3]), str(r[4]), str(r[5]), str(r[6]), _bytes(r[7]),
            str(r[8]),
        )
        for r in conn.execute(
            "SELECT record_hash, position, worker_id, signer_name, signer_role, method, statement, image_png,"
            " signed_at FROM signatures WHERE record_hash = ANY(%s) ORDER BY record_hash, position",
            params,
        )
    )  # fmt: skip
    actions = tuple(
        PulledAction(str(r[0]), _int(r[1]), str(r[2]), _opt_int(r[3]), _opt(r[4]))
        for r in conn.execute(
            "SELECT record_hash, local_id, description, owner_worker_id, due_date FROM actions"
            " WHERE record_hash = ANY(%s) ORDER BY record_hash, local_id",
            params,
        )
    )
    completions = tuple(
        PulledCompletion(str(r[0]), _int(r[1]), str(r[2]), _text(r[3]), _opt_int(r[4]))
        for r in conn.execute(
            "SELECT source, action_id, record_hash, done_date, done_in_record_id FROM action_completions"
            " WHERE record_hash = ANY(%s) ORDER BY source, action_id",
            params,
        )
    )
    audit = tuple(
        PulledAuditEntry(
            str(r[0]), _int(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]), str(r[6]), _opt_int(r[7]),
            str(r[8]), str(r[9]), str(r[10]),
        )
        for r in conn.execute(
            "SELECT source, id, record_hash, at, actor, action, entity, entity_id, detail, prev_hash, hash"
            " FROM audit WHERE record_hash = ANY(%s) ORDER BY source, id",
            params,
        )
    )  # fmt: skip
    keys = sorted({(r.form_id, r.form_version) for r in records})
    forms = tuple(
        PulledForm(str(r[0]), int(str(r[1])), str(r[2]), str(r[3]))
        for r in conn.execute(
            "SELECT form_id, version, definition, sha256 FROM form_versions"
            " WHERE (form_id, version) IN (SELECT * FROM unnest(%s::text[], %s::int[])) ORDER BY 1, 2",
            [[k[0] for k in keys], [k[1] for k in keys]],
        )
    )
    # the certificates of the case: those its audit entries name (signed exports), and those in the name of a
    # manager who signed its records
    fingerprints = named_fingerprints(audit)
    managers = manager_names(signatures, manager_role)
    certificates = tuple(
        PulledCertificate(
            str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]), str(r[6]), _bytes(r[7]) or b""
        )
        for r in conn.execute(
            "SELECT fingerprint, subject, common_name, issuer, serial, not_before, not_after, der FROM certificates"
            " WHERE fingerprint = ANY(%s) OR common_name = ANY(%s) ORDER BY fingerprint",
            [sorted(fingerprints), sorted(managers)],
        )
    )  # fmt: skip
    handovers = tuple(
        _handover(r)
        for r in conn.execute(
            f"SELECT {_HANDOVER_COLUMNS} FROM handovers WHERE case_reference = %s ORDER BY id",
            [case_reference],
        )
    )
    pulled = PulledCase(
        str(case[0]), str(case[1]), _int(case[2]), str(case[3]), str(case[4]), str(case[5]),
        records, signatures, actions, completions, audit, certificates, forms, handovers,
    )  # fmt: skip
    return pulled, team


def _record(r: Sequence[Any]) -> PulledRecord:
    return PulledRecord(
        str(r[0]), str(r[1]), _int(r[2]), str(r[3]), _int(r[4]), str(r[5]), _text(r[6]), _int(r[7]),
        _opt_int(r[8]), str(r[9]), _int(r[10]), _int(r[11]), str(r[12]), _opt(r[13]), str(r[14]), str(r[15]),
        _text(r[16]),
    )  # fmt: skip
