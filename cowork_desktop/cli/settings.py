"""``cowork settings``: show or change a database's settings, with the dialog's rules and bounds
(:mod:`cowork_desktop.services.settings`).
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from cowork_desktop.cli.common import (
    UsageError,
    add_db,
    open_existing,
)
from cowork_desktop.services import backups
from cowork_desktop.services.database import Store

SETTINGS = {
    "idle_lock_minutes": "minutes without input before the app locks itself (encrypted databases; default 10)",
    "backup_folder": "where backups go (default: backups/ beside the database)",
    "backup_keep_daily": "how many days' backups to keep (default 7)",
    "backup_keep_weekly": "how many weeks' backups to keep (default 4)",
    "retention_months": "purge ended co-allocations this many months after the last export (default: off)",
}


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``settings`` to the ``cowork`` command."""
    p = sub.add_parser("settings", help="show or change the settings of a database", allow_abbrev=False)
    add_db(p)
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=f"change a setting ({', '.join(SETTINGS)}); an empty VALUE restores the default",
    )
    p.set_defaults(func=cmd_settings)


def _set_setting(store: Store, key: str, value: str) -> None:
    """The dialog's rules and bounds (``services.settings``), so what is set here is what the app shows and uses."""
    if key not in SETTINGS:
        raise UsageError(f"unknown setting '{key}' (one of: {', '.join(SETTINGS)})")
    from cowork_desktop.services import settings

    settings.set_from_text(store, key, value)


def cmd_settings(args: argparse.Namespace, out: TextIO) -> int:
    with open_existing(args) as store:
        for item in args.set:
            key, sep, value = item.partition("=")
            if not sep:
                raise UsageError(f"--set takes KEY=VALUE, not '{item}'")
            _set_setting(store, key.strip(), value.strip())
        values = {key: store.get_setting(key) or "" for key in SETTINGS}
        folder = backups.folder_for(store)
    width = max(len(k) for k in SETTINGS)
    for key, value in values.items():
        shown = value or ("(default: " + (str(folder) if key == "backup_folder" else "see help") + ")")
        out.write(f"{key:<{width}}  {shown}\n")
    return 0
