"""Backups and the database's one owner, as the app uses them (the files themselves: ``store/backup.py`` and
``store/owner.py``; what is said and when a backup is due: ``domain/backups.py``).

- :func:`take_ownership`: the app's lock on the database it opens; :func:`open_read_only` for a second window.
- :func:`open_source`: a second connection the app's background backups read from (never the GUI's own, which
  the GUI thread keeps using), opened while the passphrase is at hand.
- :func:`take` (after signing, at exit, Back up now), :func:`last_taken`, :func:`daily_if_due`,
  :func:`folder_for`, :func:`default_folder`.
- :func:`restore_facts` and :func:`restore`: what a restore would do, then doing it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from cowork_desktop.atomic import make_private_folders
from cowork_desktop.domain.backups import RestoreFacts
from cowork_desktop.store import backup, owner
from cowork_desktop.store.backup import Backup as Backup
from cowork_desktop.store.opening import open_backup_source
from cowork_desktop.store.opening import open_read_only as _open_read_only
from cowork_desktop.store.owner import Holder, OwnerLock
from cowork_desktop.store.store import Store

SIGNED = backup.SIGNED
EXIT = backup.EXIT
MANUAL = backup.MANUAL
DAILY = backup.DAILY


def take_ownership(db_path: Path) -> OwnerLock:
    """The app's lock on ``db_path`` (its folder is made if need be). HeldElsewhere (naming the holder) when
    another window or command has it; ReadOnlyDatabase when nothing can be written beside it."""
    db_path = Path(db_path)
    make_private_folders(db_path.parent)
    return OwnerLock.acquire(db_path)


def holder(db_path: Path) -> Holder | None:
    return owner.holder(db_path)


def open_read_only(db_path: Path, passphrase: str | None, why: str) -> Store:
    """The database opened to be read only (a second window): every write is refused, saying ``why``."""
    store = _open_read_only(db_path, passphrase, actor="read-only window")
    store.read_only = why
    return store


def open_source(store: Store, passphrase: str | None) -> Store:
    """A second connection to the open database for backups taken off the GUI thread."""
    return open_backup_source(store.path, passphrase if store.encrypted else None)


def take(source: Store, kind: str) -> Backup:
    """A checked backup (BackupError when it cannot be taken; the database is unchanged)."""
    return backup.take(source, kind)


def folder_for(store: Store) -> Path:
    """Where this database's backups are kept (the setting, else the default beside the data folder)."""
    return backup.folder_for(store)


def default_folder(db_path: Path) -> Path:
    """The backup folder used when none is chosen."""
    return backup.default_folder(db_path)


def last_taken(store: Store) -> datetime | None:
    found = backup.latest(store)
    return found.taken_at if found is not None else None


def daily_due(store: Store) -> bool:
    """No backup of this database from today yet."""
    return backup.is_due_today(store)


def record(store: Store, taken: Backup) -> None:
    """The audit entry of a backup taken through another connection."""
    backup.record(store, taken)


def restore_facts(store: Store, source: Path, passphrase: str | None) -> RestoreFacts:
    """What restoring ``source`` over the open database would do (raises when the backup cannot be restored)."""
    return plan_restore(store.path, source, passphrase)


def plan_restore(db_path: Path, source: Path, passphrase: str | None) -> RestoreFacts:
    """What restoring ``source`` over the database at ``db_path`` would do, found without changing anything (the
    backup is checked in full: raises when it cannot be restored)."""
    return backup.plan_restore(db_path, source, passphrase)


def backup_to_file(store: Store, out: Path) -> Path:
    """A checked copy of the open database in the file ``out`` (the user's choice of place and name)."""
    return backup.backup_to_file(store, out)


def restore(
    db_path: Path, source: Path, passphrase: str | None, *, held: OwnerLock | None, force: bool
) -> Path | None:
    """Restore ``source`` (the caller has closed its store, keeping its lock ``held``). Returns the kept file."""
    return backup.restore(db_path, source, passphrase, force=force, held=held)
