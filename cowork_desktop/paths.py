"""The one place that finds forms/, resources/ and the user's data folder.

Works in a source checkout (forms/ beside the package), an installed wheel (the build maps them into
``cowork_desktop/_data``) and a PyInstaller bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "cowork-desktop"
APP_AUTHOR = "cowork"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    found = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / name)
    found.append(_PACKAGE_DIR / "_data" / name)
    found.append(_PACKAGE_DIR.parent / name)
    return found


def _locate(name: str) -> Path:
    for path in _candidates(name):
        if path.is_dir():
            return path
    tried = ", ".join(str(p) for p in _candidates(name))
    raise FileNotFoundError(f"cannot find the {name}/ folder (looked in {tried})")


def forms_dir() -> Path:
    """The forms shipped with the app (a team may point the app at its own with --forms)."""
    return _locate("forms")


def resources_dir() -> Path:
    return _locate("resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """The user's data folder; COWORK_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("COWORK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return path


def default_db_path() -> Path:
    return data_dir() / "cowork.db"
