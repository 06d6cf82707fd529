"""services.settings: one list of settings, their defaults and homes, field-level checks, saving what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from cowork_desktop import paths
from cowork_desktop.domain.models import Role, Worker
from cowork_desktop.services import settings as model
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store import backup
from cowork_desktop.store.store import Store

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_defaults_and_homes_use_the_keys_the_other_layers_read(store: Store) -> None:
    loaded = model.load(store)
    assert loaded == model.DEFAULTS
    assert loaded.protective_marking == "OFFICIAL-SENSITIVE" and loaded.initial_meeting_days == 5
    for key in (
        "manager_name",
        "organisation",
        "protective_marking",
        "nation",
        "initial_meeting_days",
        "forms_dir",
        backup.SETTING_FOLDER,
        backup.SETTING_KEEP_DAILY,
        "idle_lock_minutes",
        "retention_months",
        "team",
        "logo_path",
    ):
        assert model.WHERE[key] == "database", key
    assert set(model.MACHINE_FIELDS) == {"theme_mode", "high_contrast", "text_scale"}


def test_bad_values_get_a_message_each_and_no_settings() -> None:
    checked, errors = model.validate(
        {
            "manager_name": "",
            "protective_marking": "X" * 41,
            "initial_meeting_days": "31",
            "backup_keep_daily": "many",
            "idle_lock_minutes": "0",
            "nation": "wales",
            "text_scale": "2",
            "theme_mode": "purple",
            "retention_months": "-3",
        },
        require_name=True,
    )
    assert checked is None
    assert set(errors) == {
        "manager_name",
        "protective_marking",
        "initial_meeting_days",
        "backup_keep_daily",
        "idle_lock_minutes",
        "nation",
        "text_scale",
        "theme_mode",
        "retention_months",
    }
    assert "40 characters" in errors["protective_marking"]
    assert "1 to 30" in errors["initial_meeting_days"]


@pytest.mark.parametrize("mark", ["OFFICIAL", "official-sensitive", "OFFICIAL-SENSITIVE [PERSONAL]"])
def test_markings_offered_or_custom_up_to_40_characters(mark: str) -> None:
    checked, errors = model.validate({"protective_marking": mark})
    assert checked is not None and not errors
    if mark.upper() in model.MARKINGS:
        assert checked.protective_marking == mark.upper()


def test_forms_folder_must_load(tmp_path: Path) -> None:
    bad = tmp_path / "forms"
    bad.mkdir()
    (bad / "broken.toml").write_text("id = 3\n", encoding="utf-8")
    _c, errors = model.validate({"forms_dir": str(bad)})
    assert "cannot be used" in errors["forms_dir"]
    checked, errors = model.validate({"forms_dir": str(paths.forms_dir())})
    assert checked is not None and not errors


def test_logo_must_be_a_small_png_or_jpeg(tmp_path: Path) -> None:
    good = tmp_path / "logo.png"
    good.write_bytes(PNG)
    assert model.logo_problem(str(good)) == ""
    fake = tmp_path / "fake.png"
    fake.write_text("hello", encoding="utf-8")
    assert "not a PNG" in model.logo_problem(str(fake))
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff\xd8\xff" + b"\x00" * (model.MAX_LOGO_BYTES + 1))
    assert "under 1 MB" in model.logo_problem(str(big))
    assert "PNG or JPEG" in model.logo_problem(str(tmp_path / "logo.gif"))
    assert "no file" in model.logo_problem(str(tmp_path / "missing.png"))


def test_save_writes_only_what_changed_and_load_reads_it_back(store: Store, tmp_path: Path) -> None:
    checked, errors = model.validate(
        model.as_texts(model.DEFAULTS)
        | {"manager_name": "Amara Okafor", "initial_meeting_days": "7", "backup_folder": str(tmp_path / "bk")}
    )
    assert checked is not None, errors
    changed = model.save(store, checked).value
    assert set(changed) == {"manager_name", "initial_meeting_days", "backup_folder"}
    assert store.get_setting("manager_name") == "Amara Okafor"
    assert backup.folder_for(store) == (tmp_path / "bk").resolve()
    assert Workspace.open(store).initial_meeting_days == 7
    assert model.load(store).manager_name == "Amara Okafor"
    assert model.save(store, model.load(store)).value == []


def test_a_bad_stored_value_loads_as_the_default(store: Store) -> None:
    store.set_setting("initial_meeting_days", "lots")
    assert model.load(store).initial_meeting_days == 5


def test_first_run_is_due_for_an_empty_database_without_a_manager(store: Store) -> None:
    assert model.needs_first_run(store)
    store.set_setting("manager_name", "Amara Okafor")
    assert not model.needs_first_run(store)
    store.set_setting("manager_name", "")
    store.add_worker(Worker("Priya Raman", Role.ASYE))
    assert not model.needs_first_run(store)


def test_apply_to_workspace_reloads_the_calendar(ws: Workspace) -> None:
    checked, _ = model.validate({"nation": "scotland"})
    assert checked is not None
    before = ws.calendar
    model.apply_to_workspace(ws, checked)
    assert ws.calendar is not before


# -- one rule for the numbered settings: the CLI, the dialog, the lock, the rotation and the workspace agree ------


def test_the_cli_refuses_what_the_dialog_refuses(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    from cowork_desktop.cli import main

    path = str(store.path)
    store.close()
    for typed in ("idle_lock_minutes=5000", "backup_keep_daily=9000", "retention_months=5000"):
        assert main(["settings", "--db", path, "--set", typed]) == 1, typed
        err = capsys.readouterr().err
        key = typed.split("=")[0]
        _, problem = model.validate({key: typed.split("=")[1]}, check_files=False)
        assert err.count("\n") == 1 and problem[key] in err, (typed, err)  # the dialog's own message
    assert main(["settings", "--db", path, "--set", "idle_lock_minutes=45"]) == 0
    capsys.readouterr()
    from cowork_desktop.store.opening import open_store
    from cowork_desktop.ui import security

    with open_store(Path(path)) as again:
        assert again.get_setting("idle_lock_minutes") == "45"
        assert model.load(again).idle_lock_minutes == 45 == security.idle_minutes(again)


def test_a_service_address_with_a_password_is_refused_by_the_cli_as_by_the_dialog(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    from cowork_desktop.cli import main

    path = str(store.path)
    store.close()
    for typed in ("postgresql://alice:secret@db.example/cowork", "host=db.example password=secret"):
        assert main(["settings", "--db", path, "--set", f"service_url={typed}"]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Leave the password out of the address" in err and "secret" not in err
    assert main(["settings", "--db", path, "--set", "service_url=postgresql://alice@db.example/x y"]) == 1
    assert "not a PostgreSQL address" in capsys.readouterr().err
    url = "postgresql://alice@db.example/cowork?sslmode=verify-full"
    assert main(["settings", "--db", path, "--set", f"service_url={url}"]) == 0
    capsys.readouterr()
    from cowork_desktop.store.opening import open_store

    with open_store(Path(path)) as again:
        assert model.load(again).service_url == url and model.load(again).publish_when_reachable


def test_a_value_stored_out_of_bounds_is_read_as_the_dialog_shows_it(store: Store) -> None:
    """Written by hand or by an older version: every reader uses the default the dialog shows, not the value."""
    from cowork_desktop.services import retention
    from cowork_desktop.ui import security

    for key, value in (
        ("idle_lock_minutes", "5000"),
        ("backup_keep_daily", "9000"),
        ("backup_keep_weekly", "-3"),
        ("initial_meeting_days", "45"),
        ("coming_up_days", "400"),
        ("retention_months", "99999"),
    ):
        store.set_setting(key, value)
    shown = model.load(store)
    assert shown.idle_lock_minutes == 10 == security.idle_minutes(store)
    assert (shown.backup_keep_daily, shown.backup_keep_weekly) == (7, 4) == backup.keep_counts(store)
    ws = Workspace.open(store)
    assert shown.initial_meeting_days == 5 == ws.initial_meeting_days
    assert shown.coming_up_days == 14 == ws.coming_up_days
    assert shown.retention_months == 0 and retention.retention_months(ws) is None


def test_cowork_settings_shows_the_value_in_use_its_default_and_range(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15: every database setting the dialog has, with the value the app uses (not a raw stored one), its
    real default and what is allowed; never "(default: see help)"."""
    from cowork_desktop.cli import main

    with store.tx():
        store.set_setting("idle_lock_minutes", "5000")  # stored out of bounds by hand: the app uses 10
    path = str(store.path)
    store.close()
    assert main(["settings", "--db", path]) == 0
    out = capsys.readouterr().out
    assert "see help" not in out
    shown = {line.split()[0]: line for line in out.splitlines() if line and not line.startswith(" ")}
    assert set(shown) == set(model.DATABASE_FIELDS)
    assert shown["idle_lock_minutes"].split()[1] == "10"
    assert "default 10; allowed: 1 to 240" in out
    assert "default off; allowed: 1 to 1200, or empty for off" in out
    assert f"default {Path(path).parent / 'backups'}" in out
