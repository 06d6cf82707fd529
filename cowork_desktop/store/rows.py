"""What every part of the store shares: the clock, the date columns' conversions, and the SQL fragments that
say which signed records and actions are current."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import fields
from datetime import UTC, date, datetime
from typing import Any, TypeVar, cast

#: A signed record replaced by a signed amendment no longer counts (its actions and facts are the amendment's).
NOT_SUPERSEDED = "NOT EXISTS (SELECT 1 FROM records n WHERE n.supersedes_id = r.id AND n.status = 'signed')"
#: An action ``a`` of record ``r`` is current when ``r`` is, or when a current signed amendment carries it.
CURRENT_ACTION = (
    f"({NOT_SUPERSEDED} OR EXISTS (SELECT 1 FROM action_carries c JOIN records k ON k.id = c.record_id"
    " WHERE c.action_id = a.id AND k.status = 'signed' AND NOT EXISTS (SELECT 1 FROM records n2"
    " WHERE n2.supersedes_id = k.id AND n2.status = 'signed')))"
)

#: A co-allocation active on the day ``:on`` (a named parameter), as :func:`cowork_desktop.domain.models.active_on`
#: says: from its start to its end date, both included. (An *open* one has no end date: one per case, m007.)
ACTIVE_ON = "start_date <= :on AND (end_date IS NULL OR end_date >= :on)"


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def to_iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def to_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def to_datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


#: stands in for a JSON column that no longer parses (a check then names the record, rather than stopping)
UNREADABLE = "\u0000unreadable"


def readable(row: dict[str, Any]) -> dict[str, Any]:
    """A records row whose JSON columns parse; one that does not keeps its text under :data:`UNREADABLE`."""
    out = dict(row)
    for column in ("answers", "signed_frame"):
        text = out.get(column)
        if not text:
            continue
        try:
            json.loads(text)
        except ValueError:
            out[column] = json.dumps({UNREADABLE: text})
    return out


T = TypeVar("T")


def from_row(cls: type[T], row: Mapping[str, Any], **converted: Any) -> T:
    """A dataclass from a table's row: each field from the column of its name, or as ``converted`` gives it
    (the enums, dates and JSON a column holds as text)."""
    names = [f.name for f in fields(cast(Any, cls)) if f.init and f.name not in converted]
    return cls(**{name: row[name] for name in names}, **converted)
