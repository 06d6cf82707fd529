"""``cowork settings``: show or change a database's settings, with the dialog's rules and bounds
(:mod:`cowork_desktop.services.settings`).
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from cowork_desktop.cli import common
from cowork_desktop.services.database import Store


def _keys() -> list[str]:
    from cowork_desktop.services.settings import DESCRIPTIONS

    return list(DESCRIPTIONS)


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``settings`` to the ``cowork`` command."""
    p = common.add_command(sub, "settings", "show or change the settings of a database", cmd_settings)
    common.add_db(p)
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="change a setting (see the list 'cowork settings' prints); an empty VALUE restores the default",
    )


def _set_setting(store: Store, key: str, value: str) -> None:
    """The dialog's rules and bounds (``services.settings``), so what is set here is what the app shows and uses."""
    if key not in _keys():
        raise common.UsageError(f"unknown setting '{key}' (one of: {', '.join(_keys())})")
    from cowork_desktop.services import settings

    settings.set_from_text(store, key, value)


def cmd_settings(args: argparse.Namespace, out: TextIO) -> int:
    with common.open_existing(args) as store:
        for item in args.set:
            key, sep, value = item.partition("=")
            if not sep:
                raise common.UsageError(f"--set takes KEY=VALUE, not '{item}'")
            _set_setting(store, key.strip(), value.strip())
        from cowork_desktop.services.settings import shown

        lines = shown(store)
    width = max(len(line.key) for line in lines)
    for line in lines:
        value = line.value if line.value else "(not set: the default)"
        out.write(f"{line.key:<{width}}  {value}\n")
        out.write(f"{'':<{width}}    {line.description}; default {line.default}; allowed: {line.allowed}\n")
    return 0
