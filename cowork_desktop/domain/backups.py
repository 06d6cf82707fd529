"""What backups and restores mean to the manager, in words, and when a backup is due. Plain Python: no SQL, no Qt.

The store takes and checks the files (``store/backup.py``); this module holds the rules both the app and the
``cowork`` command follow, so they say the same thing:

- a checked backup after every signing, at most one every :data:`AFTER_SIGNING_MINUTES` (:func:`wait_after_signing`);
- before a restore, the backup's age in words and what the database has that the backup does not
  (:class:`RestoreFacts`, :func:`restore_summary`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

#: after a signing, a backup is taken at most this often (the one due meanwhile waits for the interval's end)
AFTER_SIGNING_MINUTES = 5


def wait_after_signing(last_taken: datetime | None, now: datetime) -> timedelta:
    """How long the backup due after a signing waits: none when the last backup is older than the interval."""
    if last_taken is None:
        return timedelta(0)
    left = last_taken + timedelta(minutes=AFTER_SIGNING_MINUTES) - now
    return max(left, timedelta(0))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def age_in_words(age: timedelta) -> str:
    """ "less than a minute", "12 minutes", "3 hours", "2 days", "5 weeks", "4 months", "2 years"."""
    seconds = max(0, int(age.total_seconds()))
    minutes, hours, days = seconds // 60, seconds // 3600, seconds // 86400
    if minutes < 1:
        return "less than a minute"
    if hours < 1:
        return _plural(minutes, "minute")
    if days < 1:
        return _plural(hours, "hour")
    if days < 14:
        return _plural(days, "day")
    if days < 61:
        return _plural(days // 7, "week")
    if days < 730:
        return _plural(days // 30, "month")
    return _plural(days // 365, "year")


@dataclass(frozen=True)
class RestoreFacts:
    """What a restore would do, found before it is done."""

    backup_name: str
    taken_at: datetime | None  # aware
    #: signed records and drafts in the database now that the backup does not have (or has an older copy of)
    newer_signed: int = 0
    newer_drafts: int = 0
    #: the database now could not be read (damaged, or its passphrase is another): what it has is unknown
    database_unread: bool = False
    #: why the restore needs to be confirmed (another database's backup; encryption removed or added)
    confirm: list[str] = field(default_factory=list)


def restore_summary(facts: RestoreFacts, now: datetime) -> list[str]:
    """The lines said before a restore: the backup's age, then what would not be in it."""
    lines = []
    if facts.taken_at is not None:
        local = facts.taken_at.astimezone()
        lines.append(
            f"The backup {facts.backup_name} was taken {age_in_words(now - facts.taken_at)} ago "
            f"({local.day} {local:%b %Y %H:%M})."
        )
    else:
        lines.append(f"When the backup {facts.backup_name} was taken is not known.")
    if facts.database_unread:
        lines.append(
            "The database now could not be read, so what it holds that the backup lacks is not known."
        )
    elif facts.newer_signed or facts.newer_drafts:
        parts = []
        if facts.newer_signed:
            parts.append(_plural(facts.newer_signed, "signed record"))
        if facts.newer_drafts:
            parts.append(_plural(facts.newer_drafts, "draft"))
        lines.append(
            f"{' and '.join(parts)} saved since {'is' if facts.newer_signed + facts.newer_drafts == 1 else 'are'} "
            "not in it; they stay in the file kept aside."
        )
    else:
        lines.append("Everything signed or drafted in the database now is in the backup.")
    return lines
