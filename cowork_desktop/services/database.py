"""Opening a database, switching to another, and restoring a damaged one: one way, for the app, the GUI and the
CLI. Plain functions, no Qt; every refusal is a :class:`CoworkError` with a one-line message.

- :func:`is_encrypted`, :func:`passphrase_opens`, :func:`encryption_unavailable`: what to ask before opening.
- :func:`open_database`: the store (its cheap checks; a damaged file is a :class:`DamagedDatabase` naming its
  latest good backup, if any).
- :func:`open_workspace`: what a window works with: the store under the window's lock (or read-only), the
  workspace (forms, calendar) and the second connection its background backups read from.
- :func:`damaged`, :func:`restore_latest`: a file found damaged later (a page the opening checks did not
  read), and putting its latest good backup in place (the damaged file is kept beside it, never modified).
- :func:`restore_protections`, :func:`change_passphrase`, :func:`create_demo_database`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cowork_desktop.domain import dates
from cowork_desktop.domain.errors import CoworkError, DamagedDatabase, StoreError
from cowork_desktop.services import backups
from cowork_desktop.services.changes import Changes
from cowork_desktop.services.places import place_problem
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store import backup, crypto
from cowork_desktop.store.base import AuditRef as AuditRef
from cowork_desktop.store.opening import damage_found, open_store, with_latest_backup
from cowork_desktop.store.owner import OwnerLock as OwnerLock
from cowork_desktop.store.repos.settings import KnownCertificate as KnownCertificate
from cowork_desktop.store.store import Store as Store


def is_encrypted(path: Path | str) -> bool:
    return crypto.is_encrypted(path)


def passphrase_opens(path: Path, passphrase: str) -> bool:
    return crypto.passphrase_opens(path, passphrase)


def require_encryption() -> None:
    """EncryptionUnavailable (one line saying why) when SQLCipher cannot be used on this computer."""
    crypto.require_available()


def encryption_unavailable() -> str | None:
    """Why SQLCipher cannot be used on this computer (one line), or None when it can."""
    return crypto.unavailable_reason()


def is_demo(store: Store) -> bool:
    """The database holds the fictional demo data (the title and every PDF say so)."""
    return store.get_setting("demo") == "1"


def open_database(path: Path | str, passphrase: str | None = None, *, create: bool = True) -> Store:
    """The store at ``path`` (made when ``create`` and absent), its schema brought up to date. A damaged file
    is a :class:`DamagedDatabase` naming its latest good backup when there is one; StoreError otherwise. A file
    on a network share or in a cloud-synced folder opens with a note saying so (``store.notes``)."""
    store = open_store(path, passphrase=passphrase, create=create)
    problem = place_problem(Path(path))
    if problem is not None:
        store.notes.append(problem)
    return store


@dataclass
class Opened:
    """A database as a window works with it."""

    ws: Workspace
    #: a second connection for the background backups (None: read-only, or it could not be opened)
    source: Store | None


def open_workspace(
    path: Path,
    passphrase: str | None,
    *,
    lock: OwnerLock | None,
    read_only_why: str | None = None,
    forms_dir: Path | None = None,
) -> Opened:
    """Open ``path`` for a window holding ``lock`` (read-only, saying ``read_only_why``, when another window
    holds it), with its forms and calendar, and the connection its backups read from. The lock is not released
    here when this fails: the caller took it, the caller lets it go."""
    if read_only_why is not None:
        store = backups.open_read_only(path, passphrase, read_only_why)
    else:
        store = open_database(path, passphrase)
    store.owner = lock
    try:
        ws = Workspace.open(store, forms_dir)
    except (CoworkError, OSError) as exc:
        store.owner = None
        store.close()
        raise exc if isinstance(exc, CoworkError) else StoreError(str(exc)) from exc
    source: Store | None = None
    if store.read_only is None:
        try:
            source = backups.open_source(store, passphrase)
        except CoworkError:
            source = None  # no background backups this session: Back up now still works
    return Opened(ws, source)


def damaged(path: Path, passphrase: str | None, problem: object) -> DamagedDatabase:
    """The refusal for a file found damaged after it opened (``problem``: what reading it said), naming its
    latest good backup when there is one."""
    found = DamagedDatabase(f"{path}: the database file is damaged ({problem}); restore a backup", path)
    return with_latest_backup(found, path, passphrase)


def damage_met(exc: BaseException, path: Path, passphrase: str | None) -> DamagedDatabase | None:
    """When ``exc`` (met reading the database at ``path``) says the file is damaged: the refusal naming its
    latest good backup. None for any other error (the store translates its own; this is the last net)."""
    return damage_found(exc, path, passphrase)


def latest_backup(exc: DamagedDatabase, path: Path, passphrase: str | None) -> DamagedDatabase:
    """The same refusal, naming the latest good backup of ``path`` (looked for again)."""
    return with_latest_backup(exc, path, passphrase)


def restore_latest(
    exc: DamagedDatabase, path: Path, passphrase: str | None, *, held: OwnerLock | None = None
) -> Path:
    """Put the latest good backup ``exc`` names in place of the damaged ``path`` (kept beside it, unchanged);
    the caller has closed its store and keeps its lock ``held``. Returns the backup restored."""
    if exc.backup is None:
        raise StoreError(str(exc))
    found = Path(str(exc.backup))
    backup.restore(path, found, passphrase, held=held)
    return found


def restore_protections(store: Store) -> list[str]:
    """Put back the triggers and indexes the migrations install (``cowork check --repair``); what was done, one
    line each. Until then a database whose protections are missing refuses every save."""
    return store.restore_protections()


def change_passphrase(store: Store, current: str, new: str) -> Changes:
    """Re-key the open encrypted database (WrongPassphrase when ``current`` is not its passphrase)."""
    crypto.change_passphrase(store, current, new)
    return Changes(audit=True)


def create_demo_database(path: Path, manager_name: str = "", today: date | None = None) -> Path:
    """A separate, unencrypted database of fictional demo data (marked ``demo``: the title and every PDF say
    so), named ``manager_name`` as the manager unless the demo names one."""
    from cowork_desktop.services.cases import set_manager_name_if_unset
    from cowork_desktop.services.demo import load_demo

    with open_database(path) as store:
        load_demo(Workspace.open(store), today or dates.today())
        set_manager_name_if_unset(store, manager_name)
    return path
