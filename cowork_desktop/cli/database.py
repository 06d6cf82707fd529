"""``cowork demo``, ``init``, ``backup``, ``restore`` and ``passphrase change``: making, copying and protecting the
database file.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from cowork_desktop.cli import common
from cowork_desktop.domain import dates
from cowork_desktop.domain.backups import restore_summary
from cowork_desktop.domain.errors import PassphraseRequired, StoreError
from cowork_desktop.services import backups, database, sessions
from cowork_desktop.services.database import Store


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``demo``, ``init``, ``backup``, ``restore`` and ``passphrase change`` to the ``cowork`` command."""
    p = common.add_command(
        sub, "demo", "create (or top up) a database of fictional demo data showing every state", cmd_demo
    )
    common.add_db(p)
    common.add_encrypt(p)
    common.add_forms(p)
    p.add_argument(
        "--today",
        type=common.day_arg,
        metavar="YYYY-MM-DD",
        help="the day the demo is built around (default: today)",
    )

    p = common.add_command(sub, "init", "create an empty database", cmd_init)
    common.add_db(p)
    common.add_encrypt(p)

    p = common.add_command(
        sub, "backup", "take a checked backup of the database (online, never a file copy)", cmd_backup
    )
    common.add_db(p)
    p.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="the backup file, or a folder for it (default: the backup folder, in the rotation)",
    )

    p = common.add_command(
        sub,
        "restore",
        "put a backup in place of the database (the current file is kept aside, never overwritten)",
        cmd_restore,
    )
    common.add_db(p, None)
    p.add_argument("--from", dest="source", type=Path, required=True, metavar="FILE", help="the backup file")
    p.add_argument(
        "--force",
        action="store_true",
        help="restore even another database's backup, or one that removes or adds encryption",
    )
    common.add_db_passphrase(p)

    pass_sub = common.add_group(sub, "passphrase", "an encrypted database's passphrase")
    change = common.add_command(
        pass_sub, "change", "change the passphrase (re-encrypts the database)", cmd_passphrase_change
    )
    common.add_db(change)
    change.add_argument(
        "--new-passphrase-env",
        metavar="VAR",
        help="read the new passphrase from this environment variable (default: ask twice, on a terminal)",
    )


def _is_new(path: Path) -> bool:
    return not path.exists() or (path.is_file() and path.stat().st_size == 0)


def _create(args: argparse.Namespace, path: Path) -> Store:
    """Open or create the database for ``init``/``demo``; a new one is encrypted with --encrypt."""
    if args.encrypt:
        database.require_encryption()
        if _is_new(path):
            return database.open_database(path, common.ask_db_passphrase(args, path, new=True), create=True)
        if not database.is_encrypted(path):
            raise StoreError(
                f"{path}: this database already exists without encryption; --encrypt is only for a new one"
            )
    return common.open_db(args, path, create=True)


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    path = common.db_path(args)
    today = args.today or dates.today()
    with _create(args, path) as store:
        from cowork_desktop.services.demo import load_demo

        ws = sessions.Workspace.open(store, args.forms)
        summary = load_demo(ws, today)
        encrypted = store.encrypted
    what = "Encrypted demo database" if encrypted else "Demo database"
    out.write(f"{what} {path} (built around {today.isoformat()}): {summary.describe()}.\n")
    out.write("Every person and case in it is fictional.\n")
    return 0


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    path = common.db_path(args)
    if path.exists():
        raise StoreError(f"{path}: a database file already exists here; use it, or choose another --db")
    with _create(args, path) as store:
        encrypted = store.encrypted
    what = "an encrypted" if encrypted else "an empty"
    out.write(f"Created {what} database at {path}\n")
    return 0


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    with common.open_existing(args) as store:
        if args.out is not None:
            target = backups.backup_to_file(store, args.out)
        else:
            target = backups.take(store, backups.MANUAL).path
        encrypted = store.encrypted
    note = ", encrypted with the database's passphrase" if encrypted else ""
    out.write(f"Backed up {store.path} to {target} (integrity checked{note})\n")
    return 0


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    path = common.db_path(args)
    source: Path = args.source
    passphrase = None
    if database.is_encrypted(source):
        if not getattr(args, "db_passphrase_env", None) and not common.stdin_is_tty():
            raise PassphraseRequired(
                f"{source}: this backup is encrypted: give its passphrase (--passphrase-env VAR)"
            )
        passphrase = common.ask_db_passphrase(args, source)
    facts = backups.plan_restore(path, source, passphrase)  # checks the backup, says what it would do
    aside = backups.restore(path, source, passphrase, held=None, force=args.force)
    out.write(f"Restored {source} to {path}\n")
    for line in restore_summary(facts, datetime.now(UTC)):
        out.write(f"{line}\n")
    for reason in facts.confirm:
        out.write(f"Restored with --force: {reason}.\n")
    if aside is not None:
        out.write(f"The database it replaced was kept as {aside}\n")
    return 0


def cmd_passphrase_change(args: argparse.Namespace, out: TextIO) -> int:
    path = common.db_path(args)
    if not database.is_encrypted(path):
        raise StoreError(f"{path}: this database is not encrypted, so it has no passphrase to change")
    current = common.ask_db_passphrase(args, path)
    with database.open_database(path, current, create=False) as store:
        new = common.ask_passphrase(
            args,
            "New passphrase: ",
            confirm=True,
            attr="new_passphrase_env",
            flag="--new-passphrase-env",
            refused="the passphrase was not changed",
        ).decode("utf-8")
        database.change_passphrase(store, current, new)
    out.write(f"Changed the passphrase of {path}; backups taken before keep the old one\n")
    return 0
