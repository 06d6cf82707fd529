"""Every setting in one place: its key, its default, where it lives, and how a typed value is checked. No Qt.

Two homes:

* **the database** (``settings`` table) for what belongs to the records and travels with them: the manager's
  name, team and organisation, the protective marking, the working-days rule (``nation``), the initial-meeting
  deadline, the forms folder, the PDF logo, backups, the idle lock, retention and the service the signed records
  are published to. Each change is audited by the
  store.
* **this computer** (QSettings, written by the UI) for per-machine look and feel: theme, text size, window
  geometry, the last database. This module only names and checks them; ``ui/settings_dialog.py`` reads and writes
  them.

The keys are the ones the other layers already read (``services.export``, ``services.sessions``,
``store.backup``, ``ui.security``, ``services.retention``): one name per setting.

:func:`validate` takes the raw text of each field (as typed) and gives back either a :class:`Settings` or a
``{field: message}`` dict, written for the person typing; :func:`save` writes only what changed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

from cowork_desktop import paths
from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.holidays import NATIONS
from cowork_desktop.domain.names import name_problem
from cowork_desktop.domain.settings import NUMBERS, number_problem
from cowork_desktop.forms.loader import load_forms
from cowork_desktop.services.calendar import load_calendar
from cowork_desktop.services.changes import Changes, Done
from cowork_desktop.services.service_link import url_problem
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store import backup
from cowork_desktop.store.store import Store

Where = Literal["database", "machine"]

MARKINGS = ("OFFICIAL", "OFFICIAL-SENSITIVE")
DEFAULT_MARKING = "OFFICIAL-SENSITIVE"
MAX_MARKING = 40
MAX_NAME = 120
MAX_LOGO_BYTES = 1024 * 1024
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
THEME_MODES = ("system", "light", "dark")
TEXT_SCALES = (1.0, 1.25, 1.5)
NATION_LABELS = {
    "england-and-wales": "England and Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
}
#: QSettings keys (the theme's are those ``ui.theme`` already uses)
MACHINE_KEYS = {
    "theme_mode": "theme/mode",
    "high_contrast": "theme/high_contrast",
    "text_scale": "theme/text_scale",
}
GEOMETRY_KEY = "window/{name}/geometry"


@dataclass(frozen=True)
class Settings:
    """Every setting with its default. ``WHERE`` says where each one lives."""

    # the records (database)
    manager_name: str = ""
    team: str = ""
    organisation: str = ""
    protective_marking: str = DEFAULT_MARKING
    nation: str = "england-and-wales"
    initial_meeting_days: int = NUMBERS["initial_meeting_days"].default
    coming_up_days: int = NUMBERS["coming_up_days"].default
    forms_dir: str = ""
    logo_path: str = ""
    backup_folder: str = ""
    backup_keep_daily: int = NUMBERS["backup_keep_daily"].default
    backup_keep_weekly: int = NUMBERS["backup_keep_weekly"].default
    idle_lock_minutes: int = NUMBERS["idle_lock_minutes"].default
    retention_months: int = NUMBERS["retention_months"].default  # 0: off
    service_url: str = ""  # the service's PostgreSQL address, without a password; empty: no service
    publish_when_reachable: bool = True  # publish in the background whenever the service answers
    # this computer (QSettings)
    theme_mode: str = "system"
    high_contrast: bool = False
    text_scale: float = 1.0


_MACHINE = ("theme_mode", "high_contrast", "text_scale")
WHERE: dict[str, Where] = {
    f.name: ("machine" if f.name in _MACHINE else "database") for f in fields(Settings)
}
DATABASE_FIELDS = tuple(k for k, v in WHERE.items() if v == "database")
MACHINE_FIELDS = tuple(k for k, v in WHERE.items() if v == "machine")
DEFAULTS = Settings()


def _bool(text: str) -> bool:
    return text.strip().lower() in ("1", "true", "yes", "on")


def _as_text(settings: Settings, name: str) -> str:
    value = getattr(settings, name)
    if isinstance(value, bool):
        return "true" if value else "false"
    if name == "retention_months" and value == 0:
        return ""
    return str(value)


def as_texts(settings: Settings) -> dict[str, str]:
    """Each setting as the text a field shows (and :func:`validate` takes back)."""
    return {f.name: _as_text(settings, f.name) for f in fields(Settings)}


def load(store: Store, machine: Mapping[str, Any] | None = None) -> Settings:
    """The settings now: the database's, then the machine's (``{field: value}`` read from QSettings).

    A stored value that no longer passes the checks (edited by hand, an old version) is replaced by the default,
    so loading never fails; the settings dialog shows what is in use.
    """
    raw = as_texts(DEFAULTS)
    for name in DATABASE_FIELDS:
        value = store.get_setting(name)
        if value is not None and value.strip():
            raw[name] = value
    for name, value in (machine or {}).items():
        if name in MACHINE_FIELDS and value is not None:
            raw[name] = str(value)
    checked, errors = validate(raw, check_files=False)
    if checked is None:
        defaults = as_texts(DEFAULTS)
        checked, _ = validate(raw | {k: defaults[k] for k in errors}, check_files=False)
    return checked or DEFAULTS


# ------------------------------------------------------------------------------------------------- checks


def marking_problem(text: str) -> str:
    mark = text.strip()
    if not mark:
        return "Choose a protective marking: OFFICIAL, OFFICIAL-SENSITIVE, or your organisation's own."
    if mark.upper() in MARKINGS:
        return ""
    if len(mark) > MAX_MARKING:
        return f"A marking of your own can be up to {MAX_MARKING} characters (this one has {len(mark)})."
    if not all(ch.isprintable() for ch in mark):
        return "The marking cannot contain control characters."
    return ""


def _chosen_path(text: str) -> Path | None:
    """The path typed into a setting, or None when it was left empty (meaning: none)."""
    return Path(text.strip()).expanduser() if text.strip() else None


def logo_problem(text: str) -> str:
    path = _chosen_path(text)
    if path is None:
        return ""
    if path.suffix.lower() not in LOGO_SUFFIXES:
        return "The logo must be a PNG or JPEG picture (.png, .jpg or .jpeg)."
    if not path.is_file():
        return f"There is no file at {path}."
    size = path.stat().st_size
    if size > MAX_LOGO_BYTES:
        return f"The logo is {size / 1024 / 1024:.1f} MB: use a picture under 1 MB."
    head = path.read_bytes()[:8]
    if not (head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff")):
        return "This file is not a PNG or JPEG picture, whatever its name says."
    return ""


def forms_problem(text: str) -> str:
    folder = _chosen_path(text)
    if folder is None:
        return ""
    try:
        load_forms(folder)
    except CoworkError as exc:
        return f"These forms cannot be used: {exc}"
    except OSError as exc:
        return f"Cannot read {folder}: {exc.strerror or exc}"
    return ""


def folder_problem(text: str) -> str:
    if not text.strip():
        return ""
    folder = Path(text.strip()).expanduser()
    if folder.exists() and not folder.is_dir():
        return f"{folder} is a file, not a folder."
    parent = folder if folder.exists() else next((p for p in folder.parents if p.exists()), None)
    if parent is None or not parent.is_dir():
        return f"Cannot create {folder}."
    if not os.access(parent, os.W_OK):
        return f"You cannot write to {parent}: choose a folder of your own."
    return ""


def _name(text: str, key: str, label: str, errors: dict[str, str], required: bool) -> str:
    value = text.strip()
    if required and not value:
        errors[key] = f"Enter {label}."
    elif len(value) > MAX_NAME:
        errors[key] = f"Keep {label} under {MAX_NAME} characters."
    elif any(not ch.isprintable() for ch in value):
        errors[key] = f"{label[0].upper()}{label[1:]} cannot contain control characters."
    return value


def validate(
    raw: Mapping[str, str], *, check_files: bool = True, require_name: bool = False
) -> tuple[Settings | None, dict[str, str]]:
    """Check the typed text of each field. ``(settings, {})`` when all is well, ``(None, messages)`` otherwise.

    Fields missing from ``raw`` keep their defaults. ``check_files`` also opens the forms folder and the logo
    (off when loading, so a moved file never stops the app from starting).
    """
    values = as_texts(DEFAULTS) | {k: v for k, v in raw.items() if k in WHERE}
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    out["manager_name"] = _name(values["manager_name"], "manager_name", "your name", errors, require_name)
    if problem := name_problem(out["manager_name"], "Your name"):  # the name as it signs: nothing hidden
        errors["manager_name"] = problem
    out["team"] = _name(values["team"], "team", "the team's name", errors, False)
    out["organisation"] = _name(values["organisation"], "organisation", "the organisation", errors, False)
    problem = marking_problem(values["protective_marking"])
    if problem:
        errors["protective_marking"] = problem
    mark = values["protective_marking"].strip()
    out["protective_marking"] = mark.upper() if mark.upper() in MARKINGS else mark
    nation = values["nation"].strip()
    if nation not in NATIONS:
        errors["nation"] = "Choose England and Wales, Scotland or Northern Ireland."
    out["nation"] = nation
    out["forms_dir"] = values["forms_dir"].strip()
    out["logo_path"] = values["logo_path"].strip()
    out["backup_folder"] = values["backup_folder"].strip()
    if check_files:
        for key, check in (
            ("forms_dir", forms_problem),
            ("logo_path", logo_problem),
            ("backup_folder", folder_problem),
        ):
            problem = check(values[key])
            if problem:
                errors[key] = problem
    for key in NUMBERS:  # the numbered settings: one rule (domain.settings), the same for the CLI and the app
        out[key], problem = number_problem(key, values[key])
        if problem:
            errors[key] = problem
    mode = values["theme_mode"].strip().lower()
    if mode not in THEME_MODES:
        errors["theme_mode"] = "Choose to follow the system, light or dark."
    out["theme_mode"] = mode
    out["high_contrast"] = _bool(values["high_contrast"])
    try:
        scale = float(values["text_scale"])
    except ValueError:
        scale = 0.0
    if not any(abs(scale - s) < 0.01 for s in TEXT_SCALES):
        errors["text_scale"] = "Choose a text size of 100%, 125% or 150%."
    out["text_scale"] = scale
    out["service_url"] = values["service_url"].strip()
    if check_files and (problem := url_problem(out["service_url"])):  # psycopg parses it: not when loading
        errors["service_url"] = problem
    out["publish_when_reachable"] = _bool(values["publish_when_reachable"])
    if errors:
        return None, errors
    return Settings(**out), {}


# ------------------------------------------------------------------------------------------------- saving


def save(store: Store, settings: Settings) -> Done[list[str]]:
    """Write the database settings that differ from what is stored; return their keys (``Done.value``) and the
    change (settings, when any key changed: names on records, the calendar, the thresholds).

    The backup folder goes through ``store.backup.set_folder`` (which creates it and remembers it outside the
    database, for a damaged file).
    """
    before = load(store)
    changed: list[str] = []
    for name in DATABASE_FIELDS:
        new = _as_text(settings, name)
        if new == _as_text(before, name):
            continue
        if name == "backup_folder":
            backup.set_folder(store, Path(new) if new else None)
        else:
            store.set_setting(name, new)
        changed.append(name)
    return Done(changed, Changes(settings=bool(changed)))


def set_from_text(store: Store, key: str, text: str) -> str:
    """One database setting as typed (``cowork settings --set KEY=VALUE``), checked by the rules the settings
    dialog uses and written the way it writes; returns the value now in use. Raises :class:`CoworkError` with
    the dialog's message when the value is refused (nothing is written)."""
    if WHERE.get(key) != "database":
        raise CoworkError(f"unknown setting '{key}'")
    current = as_texts(load(store))
    checked, errors = validate(current | {key: text}, check_files=False)
    problem = errors.get(key) or _file_problem(key, text)
    if problem or checked is None:
        raise CoworkError(f"{key}: {problem or next(iter(errors.values()))}")
    save(store, checked)
    return _as_text(load(store), key)


def _file_problem(key: str, text: str) -> str:
    """The checks :func:`validate` makes only with ``check_files``, for one setting set from the command line."""
    if key == "backup_folder":
        return folder_problem(text)
    if key == "service_url":
        return url_problem(text)
    return ""


#: the database settings ``cowork settings`` lists and ``--set`` changes, each with its line of help
DESCRIPTIONS: dict[str, str] = {
    "manager_name": "the team manager's name, as it appears on every record",
    "team": "the team's name on the records",
    "organisation": "the council or organisation on the records",
    "protective_marking": "the marking at the top of every page",
    "nation": "whose bank holidays the working days skip",
    "initial_meeting_days": "working days from co-allocation to the initial meeting",
    "coming_up_days": "days ahead the dashboard shows as coming up",
    "forms_dir": "a folder of the team's own forms",
    "logo_path": "a PNG or JPEG logo for the records",
    "backup_folder": "where backups go",
    "backup_keep_daily": "how many days' backups to keep",
    "backup_keep_weekly": "how many weeks' backups to keep",
    "idle_lock_minutes": "minutes without input before the app locks itself (encrypted databases)",
    "retention_months": "purge ended co-allocations this many months after the last export",
    "service_url": "the service's PostgreSQL address the app publishes to, without a password; empty: none",
    "publish_when_reachable": "publish the signed records in the background whenever the service answers",
}


@dataclass(frozen=True)
class Shown:
    """One database setting as ``cowork settings`` shows it: the value in use, its default and what is allowed."""

    key: str
    value: str
    default: str
    allowed: str
    description: str


def shown(store: Store) -> list[Shown]:
    """Every database setting with the value the app uses (what the dialog shows), its default and range."""
    now, defaults = as_texts(load(store)), as_texts(DEFAULTS)
    lines = []
    for key in DATABASE_FIELDS:
        bounds = NUMBERS.get(key)
        if bounds is not None:
            allowed = f"{bounds.low} to {bounds.high}" + (", or empty for off" if bounds.off else "")
        elif key == "protective_marking":
            allowed = " or ".join(MARKINGS)
        elif key == "nation":
            allowed = ", ".join(NATIONS)
        elif key == "service_url":
            allowed = "a PostgreSQL URL without a password"
        elif key == "publish_when_reachable":
            allowed = "true or false"
        else:
            allowed = "text" if key in ("manager_name", "team", "organisation") else "a path"
        default = defaults[key]
        if key == "backup_folder":
            default = str(backup.default_folder(store.path))
        elif key == "retention_months" and not default:
            default = "off"
        elif key == "forms_dir":
            default = "the forms shipped with the app"
        elif not default:
            default = "none"
        lines.append(Shown(key, now[key], default, allowed, DESCRIPTIONS[key]))
    return lines


def machine_values(settings: Settings) -> dict[str, str]:
    """The per-machine settings as ``{QSettings key: text}``."""
    return {MACHINE_KEYS[name]: _as_text(settings, name) for name in MACHINE_FIELDS}


def apply_to_workspace(ws: Workspace, settings: Settings, forms_override: Path | None = None) -> None:
    """Reload the forms and the working-days calendar after a change (``--forms`` still wins)."""
    folder = forms_override or (Path(settings.forms_dir).expanduser() if settings.forms_dir else None)
    ws.forms = load_forms(folder or paths.forms_dir())
    ws.calendar = load_calendar(settings.nation)


def with_changes(settings: Settings, **changes: Any) -> Settings:
    return replace(settings, **changes)


def needs_first_run(store: Store) -> bool:
    """The welcome wizard is due: no manager's name yet, no workers and no cases (and not the demo)."""
    if (store.get_setting("manager_name") or "").strip():
        return False
    if store.get_setting("demo") == "1":
        return False
    return store.count_cases() == 0 and not store.list_workers()
