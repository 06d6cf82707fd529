"""Retention: purge ended co-allocations N months after their last signed record was exported (default: off).

A co-allocation is a candidate on a day when the setting ``retention_months`` is a positive number, the
co-allocation has ended, every one of its signed records has been exported (the signed PDF is on the child's file),
and ``retention_months`` months have passed since the last of those exports. A co-allocation whose records are
referred to from outside it (an action of another co-allocation marked done in one of them) is not offered.

Signed records are otherwise impossible to delete (database triggers). :func:`purge` is the one deliberate path.
It uses the real clock (never a date given by the caller: a purge cannot be dated into the future), is refused
while the database is open elsewhere (``store/owner.py``), and takes a checked backup first (kind ``pre-purge``:
nothing is deleted when that fails). Then, in one transaction, it writes the audit entry (the rule, the period and
every date the decision rested on, and the backup's name), authorises the co-allocation in ``purge_authorisations`` (the
triggers let that co-allocation's signed rows be deleted, and refuse an authorisation that is not immediately
preceded by its audit entry or names a co-allocation that has not ended), deletes its signatures, actions and
records, the co-allocation, and the case when nothing else of it remains, then withdraws the authorisation.
The audit log itself is append-only and keeps the purge entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dateutil.relativedelta import relativedelta

from cowork_desktop.domain import dates
from cowork_desktop.domain.errors import CoworkError, ValidationError
from cowork_desktop.domain.models import RecordStatus
from cowork_desktop.domain.settings import NUMBERS, number_problem, stored_number
from cowork_desktop.services import integrity
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store import backup, owner
from cowork_desktop.store.repos.retention import Purge

SETTING_MONTHS = "retention_months"


@dataclass(frozen=True)
class PurgeCandidate:
    coallocation_id: int
    case_id: int
    case_reference: str
    end_date: date
    last_export: datetime
    purge_from: date
    records: int
    signed_records: int
    whole_case: bool  # the case goes too: it has no other co-allocation

    def describe(self) -> str:
        what = (
            f"case {self.case_reference}"
            if self.whole_case
            else f"a co-allocation of case {self.case_reference}"
        )
        return (
            f"{what}: co-working ended {self.end_date.isoformat()}, {self.records} record(s) "
            f"({self.signed_records} signed), last exported {self.last_export.date().isoformat()}"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "coallocation_id": self.coallocation_id,
            "case_reference": self.case_reference,
            "end_date": self.end_date.isoformat(),
            "last_export": self.last_export.isoformat(),
            "purge_from": self.purge_from.isoformat(),
            "records": self.records,
            "signed_records": self.signed_records,
            "whole_case": self.whole_case,
        }


def retention_months(ws: Workspace) -> int | None:
    """The setting, or None when retention is off (the default)."""
    months = stored_number(SETTING_MONTHS, ws.store.get_setting(SETTING_MONTHS))
    return months if months > 0 else None


def set_retention_months(ws: Workspace, months: int | None) -> None:
    if months is not None:
        _value, problem = number_problem(SETTING_MONTHS, str(months))
        if problem or months == 0:
            bounds = NUMBERS[SETTING_MONTHS]
            raise ValidationError(
                {
                    SETTING_MONTHS: f"Give a number of months from {bounds.low} to {bounds.high}, or turn retention off."
                }
            )
    ws.store.set_setting(SETTING_MONTHS, str(months) if months else "")


def retention_candidates(ws: Workspace, on: date, months: int | None = None) -> list[PurgeCandidate]:
    """What a purge on ``on`` would remove (nothing while retention is off)."""
    months = months if months is not None else retention_months(ws)
    if not months:
        return []
    store = ws.store
    found: list[PurgeCandidate] = []
    for ca in store.ended_coallocations(on):
        records = store.record_statuses(ca.id)
        signed = [rid for rid, status in records if status == RecordStatus.SIGNED]
        if not signed:
            continue
        exported: dict[int, str] = {}
        for record_id, at, detail in store.record_exports(signed):
            if detail.get("signed") is True:
                exported[record_id] = max(exported.get(record_id, ""), at)
        if set(exported) != set(signed):
            continue  # a signed record not yet on the child's file: keep everything
        last_export = max(datetime.fromisoformat(at) for at in exported.values())
        purge_from = last_export.date() + relativedelta(months=months)
        if on < purge_from:
            continue
        if store.referred_from_outside(ca.id, [rid for rid, _status in records]):
            continue
        found.append(
            PurgeCandidate(
                ca.id,
                ca.case_id,
                ca.case_reference,
                ca.end_date,
                last_export,
                purge_from,
                len(records),
                len(signed),
                not store.case_has_other_coallocations(ca.case_id, ca.id),
            )
        )
    return found


def require_intact_audit(ws: Workspace) -> None:
    """Refuse (CoworkError, nothing deleted) when the audit log does not check: what is due is read from it."""
    chain = integrity.walk(ws.store)
    if chain.problems:
        raise CoworkError(
            f"the audit log does not check ({chain.problems[0].message}): nothing was deleted; "
            "run 'cowork check' and restore a backup that checks"
        )


def purge(ws: Workspace, candidates: list[PurgeCandidate]) -> int:
    """Delete the candidates (see the module docstring), each with its audit entry, in one transaction, after a
    checked backup. Today is the computer's date: each candidate is checked again for it first, and if any is not
    due today nothing is deleted. Returns how many co-allocations were purged.
    """
    if not candidates:
        return 0
    store = ws.store
    today = dates.today()  # the clock, always (never a day asked for)
    months = retention_months(ws)
    with owner.sole(store.path, "purging records", held=store.owner):
        require_intact_audit(ws)
        due_now = {c.coallocation_id for c in retention_candidates(ws, today, months)}
        stale = [c for c in candidates if c.coallocation_id not in due_now]
        if stale:
            raise CoworkError(
                f"{stale[0].describe()} is not due for purging today ({today.isoformat()}); nothing was deleted "
                "(list the candidates again)"
            )
        try:
            taken = backup.take(store, backup.PRE_PURGE)
        except CoworkError as exc:
            raise CoworkError(
                f"no backup could be taken before the purge ({exc}); nothing was deleted"
            ) from None
        _delete(ws, candidates, months, today, taken.path.name)
    return len(candidates)


def _delete(
    ws: Workspace, candidates: list[PurgeCandidate], months: int | None, today: date, kept: str
) -> None:
    ws.store.purge_coallocations(
        [
            Purge(
                c.coallocation_id,
                c.case_id,
                c.whole_case,
                {
                    "case_reference": c.case_reference,
                    "records": c.records,
                    "signed_records": c.signed_records,
                    "rule": f"ended co-working is purged {months} months after its last signed record was exported",
                    "retention_months": months,
                    "ended": c.end_date.isoformat(),
                    "last_export": c.last_export.isoformat(),
                    "purge_from": c.purge_from.isoformat(),
                    "purged_on": today.isoformat(),
                    "backup_before": kept,
                },
            )
            for c in candidates
        ]
    )
