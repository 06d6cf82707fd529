"""File ▸ Open recent: the databases this computer's user opened last (kept in QSettings, this computer only).

Paths only, never what a database holds; a file that has gone is shown greyed out, and the list can be cleared.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from cowork_desktop.ui import theme

RECENT_KEY = "database/recent"
#: how many databases the menu lists
KEEP = 8


def _settings() -> QSettings:
    return QSettings(theme.SETTINGS_ORG, theme.SETTINGS_APP)


def recent() -> list[Path]:
    """The databases opened last, the newest first."""
    value = _settings().value(RECENT_KEY)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [Path(str(v)) for v in value if str(v).strip()][:KEEP]


def remember(path: Path) -> None:
    """``path`` goes to the top of the list (once)."""
    resolved = path.expanduser().resolve()
    kept = [p for p in recent() if p != resolved]
    s = _settings()
    s.setValue(RECENT_KEY, [str(p) for p in [resolved, *kept][:KEEP]])
    s.sync()


def clear() -> None:
    s = _settings()
    s.remove(RECENT_KEY)
    s.sync()
