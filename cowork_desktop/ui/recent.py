"""What this computer's user chose last, kept in QSettings (this computer only; paths, never what a file holds):
the databases for File ▸ Open recent, and the folder every save and open dialog starts in (not the program's
folder, not the working directory: the folder the user chose last, else Documents).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from cowork_desktop import paths
from cowork_desktop.ui import theme

RECENT_KEY = "database/recent"
LAST_FOLDER_KEY = "export/last_folder"
#: the last resort for a save dialog: a folder of the app's own (made when a file is saved there)
EXPORTS_FOLDER = "exports"
#: how many databases the menu lists
KEEP = 8


def recent() -> list[Path]:
    """The databases opened last, the newest first."""
    value = theme.qsettings().value(RECENT_KEY)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [Path(str(v)) for v in value if str(v).strip()][:KEEP]


def remember(path: Path) -> None:
    """``path`` goes to the top of the list (once)."""
    resolved = path.expanduser().resolve()
    kept = [p for p in recent() if p != resolved]
    s = theme.qsettings()
    s.setValue(RECENT_KEY, [str(p) for p in [resolved, *kept][:KEEP]])
    s.sync()


def clear() -> None:
    s = theme.qsettings()
    s.remove(RECENT_KEY)
    s.sync()


def last_folder() -> Path:
    """Where a save or open dialog starts: the folder chosen last, else Documents, else the data folder's exports."""
    last = theme.qsettings().value(LAST_FOLDER_KEY, "")
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return paths.data_dir() / EXPORTS_FOLDER


def in_last_folder(name: str) -> str:
    """A file name offered in the folder chosen last (what a save dialog is given)."""
    return str(last_folder() / name)


def remember_folder(folder: Path) -> None:
    """The folder of a file the user chose: the next dialog starts there."""
    s = theme.qsettings()
    s.setValue(LAST_FOLDER_KEY, str(folder))
    s.sync()
