"""Bank holidays from the data file (``resources/bank_holidays.toml`` or the user's updated copy)."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from cowork_desktop import paths
from cowork_desktop.domain.dates import NATIONS, WorkingCalendar
from cowork_desktop.domain.errors import CoworkError


def bank_holidays_file() -> Path:
    """The user's updated copy in the data folder wins over the shipped one."""
    user_copy = paths.data_dir() / "bank_holidays.toml"
    return user_copy if user_copy.exists() else paths.resource("bank_holidays.toml")


def load_calendar(nation: str = "england-and-wales", file: Path | None = None) -> WorkingCalendar:
    if nation not in NATIONS:
        raise CoworkError(f"unknown nation '{nation}' (choose one of {', '.join(NATIONS)})")
    path = file or bank_holidays_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CoworkError(f"{path}: cannot read the bank holidays ({exc})") from None
    table = data.get(nation)
    dates = table.get("dates") if isinstance(table, dict) else None
    if not isinstance(dates, list) or not all(isinstance(d, date) for d in dates):
        raise CoworkError(f"{path}: [{nation}] needs 'dates = [YYYY-MM-DD, ...]'")
    return WorkingCalendar.from_dates(dates)
