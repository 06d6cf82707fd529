"""The numbered settings' one rule: their defaults, their bounds and how a typed or stored value is read.

Every layer that reads one of these numbers goes through here: the settings dialog and ``cowork settings --set``
(through ``services.settings``), the idle lock, the backup rotation (``store.backup``) and retention. A value
outside its bounds is refused when it is typed, and read as the default when it was stored some other way (by
hand, or by an older version), so the dialog always shows what the app uses. Plain Python: no Qt, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

from cowork_desktop.domain.due import COMING_UP_DAYS


@dataclass(frozen=True)
class Bounds:
    """A whole number from ``low`` to ``high``; ``what`` names it in a message ("the idle minutes before the
    lock"); ``off`` means an empty value or 0 turns the setting off (read as 0)."""

    low: int
    high: int
    default: int
    what: str
    off: bool = False


NUMBERS: dict[str, Bounds] = {
    "initial_meeting_days": Bounds(1, 30, 5, "the working days for the initial meeting"),
    "coming_up_days": Bounds(1, 90, COMING_UP_DAYS, "the days ahead for what is coming up"),
    "backup_keep_daily": Bounds(0, 365, 7, "the daily backups to keep"),
    "backup_keep_weekly": Bounds(0, 520, 4, "the weekly backups to keep"),
    "idle_lock_minutes": Bounds(1, 240, 10, "the idle minutes before the lock"),
    "retention_months": Bounds(1, 1200, 0, "the retention period in months", off=True),
}


def number_problem(key: str, text: str) -> tuple[int, str]:
    """``(value, "")`` for a typed value of the numbered setting ``key`` within its bounds, else ``(0, message)``
    written for the person typing."""
    bounds = NUMBERS[key]
    text = text.strip()
    if bounds.off and text in ("", "0"):
        return 0, ""
    try:
        number = int(text)
    except ValueError:
        return 0, f"Give {bounds.what} as a whole number from {bounds.low} to {bounds.high}."
    if not bounds.low <= number <= bounds.high:
        return 0, f"Give {bounds.what} from {bounds.low} to {bounds.high}."
    return number, ""


def stored_number(key: str, text: str | None) -> int:
    """The value the app uses for a stored setting: the stored one when it is within the bounds, else the
    default (nothing stored, or stored out of bounds by hand or by an older version)."""
    if text is None or not text.strip():
        return NUMBERS[key].default
    value, problem = number_problem(key, text)
    return NUMBERS[key].default if problem else value
