"""Working days: the bank-holiday rules (domain) with the one-off changes from the data file.

The data file is ``resources/bank_holidays.toml``, or the user's updated copy in the data folder.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from cowork_desktop import paths
from cowork_desktop.domain.dates import WorkingCalendar
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.holidays import NATIONS, HolidayRules, one_offs_from_data

#: a bank-holiday file is a few kilobytes; anything much larger is not one (read no further)
MAX_FILE_BYTES = 256 * 1024


def bank_holidays_file() -> Path:
    """The user's updated copy in the data folder wins over the shipped one."""
    user_copy = paths.data_dir() / "bank_holidays.toml"
    return user_copy if user_copy.exists() else paths.resource("bank_holidays.toml")


def load_calendar(nation: str = "england-and-wales", file: Path | None = None) -> WorkingCalendar:
    """The working-days calendar of ``nation``: its rules for any year, with the file's one-off changes."""
    if nation not in NATIONS:
        raise CoworkError(f"unknown nation '{nation}' (choose one of {', '.join(NATIONS)})")
    path = file or bank_holidays_file()
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise CoworkError(
                f"{path}: too large for a bank holidays file (over {MAX_FILE_BYTES // 1024} KB)"
            )
        data = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CoworkError(f"{path}: cannot read the bank holidays ({exc})") from None
    table = data.get(nation)
    if not isinstance(table, dict):
        raise CoworkError(f"{path}: no [{nation}] table")
    try:
        one_offs = one_offs_from_data(nation, table)
    except ValueError as exc:
        raise CoworkError(f"{path}: {exc}") from None
    known = data.get("one_offs_known_until")
    if known is None and "dates" in table:  # an older copy listing every date: known as far as it lists
        known = max((d.year for d in table["dates"]), default=None)
    if known is not None and (type(known) is not int or not 1971 <= known <= 9999):
        raise CoworkError(f"{path}: 'one_offs_known_until' must be a year, for example 2028")
    return WorkingCalendar.for_nation(HolidayRules(nation, one_offs, known))
