"""``cowork forms check``: check a folder of form files (default: the shipped forms)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from cowork_desktop import paths
from cowork_desktop.cli.common import add_group
from cowork_desktop.forms.checks import check_forms_folder


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``forms check`` to the ``cowork`` command."""
    forms_sub = add_group(sub, "forms", "work with form files")
    check = forms_sub.add_parser("check", help="check a folder of form files (default: the shipped forms)")
    check.add_argument("dir", nargs="?", type=Path, metavar="DIR", help="the folder of *.toml form files")
    check.set_defaults(func=cmd_forms_check)


def cmd_forms_check(args: argparse.Namespace, out: TextIO) -> int:
    folder = args.dir if args.dir is not None else paths.forms_dir()
    forms = check_forms_folder(folder)  # every form, and every other data file in the folder
    ids = sorted(f.id for f in forms)
    out.write(f"{len(ids)} forms OK: {', '.join(ids)}\n")
    return 0
