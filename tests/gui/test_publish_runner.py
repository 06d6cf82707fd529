"""Publishing from the app (Settings ▸ Service, "publish when reachable") to a real PostgreSQL server: in the
background on a thread of its own, said in the status bar, tried again later when the service cannot be reached,
stopped between batches when the app closes (the next publish completes it), and an address with a password
refused before anything is saved.
"""

from __future__ import annotations

import threading
from pathlib import Path

import psycopg
import pytest
from helpers.files import rows
from helpers.pg import Service, add_login, initialised, laptop, manager, pg_cluster, pg_database
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from benchmarks.pg import free_port
from cowork_desktop.services import backups, service_link
from cowork_desktop.services import publish as publish_module
from cowork_desktop.services import settings as model
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store
from cowork_desktop.ui.main_window import MainWindow
from cowork_desktop.ui.settings_dialog import SettingsDialog

__all__ = [
    "initialised",
    "laptop",
    "manager",
    "pg_cluster",
    "pg_database",
]  # the service's fixtures, for this module

pytestmark = pytest.mark.slow  # a PostgreSQL server


@pytest.fixture
def soon(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's first publish a moment after it opens, not 20 s."""
    monkeypatch.setattr(service_link, "AFTER_START_S", 0.05)


def window_on(qtbot: QtBot, path: Path, url: str) -> MainWindow:
    store = open_store(path)
    if url:
        model.set_from_text(store, "service_url", url)
    window = MainWindow(Workspace.open(store))
    qtbot.addWidget(window)
    window.start_backups(backups.open_source(store, None))
    return window


def server_hashes(service: Service) -> set[str]:
    with psycopg.connect(service.admin_url) as admin:
        return {str(r[0]) for r in admin.execute("SELECT content_hash FROM cowork.records")}


def local_hashes(path: Path) -> set[str]:
    return {str(r[0]) for r in rows(path, "SELECT content_hash FROM records WHERE status = 'signed'")}


def test_the_window_publishes_in_the_background_and_says_so(
    qtbot: QtBot,
    initialised: Service,
    manager: str,
    laptop: Path,
    soon: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[str] = []
    real = publish_module.publish

    def watched(*args: object, **kwargs: object) -> publish_module.PublishReport:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(publish_module, "publish", watched)
    window = window_on(qtbot, laptop, initialised.url(manager))
    runner = window.publisher
    assert runner is not None and window.publish_action.isEnabled()
    qtbot.waitUntil(lambda: runner.last is not None, timeout=60000)
    assert threads == ["publish"]  # never the GUI thread
    assert isinstance(runner.last, publish_module.PublishReport) and runner.last.ok
    assert runner.label.text().startswith("Service: published at ")
    assert f"{len(local_hashes(laptop))} signed record(s) sent now" in runner.label.toolTip()
    assert server_hashes(initialised) == local_hashes(laptop)
    # the next one is in half an hour (the cases' current state changes too)
    assert runner.timer.isActive() and runner.timer.remainingTime() > 29 * 60_000
    # a signing asks for one a little later; "Publish now" goes at once and sends nothing new
    window._record_signed(0)
    assert runner.timer.remainingTime() <= service_link.AFTER_SIGNING_S * 1000 + 1_000  # a coarse timer
    runner.last = None
    window.publish_action.trigger()
    qtbot.waitUntil(lambda: runner.last is not None, timeout=60000)
    assert isinstance(runner.last, publish_module.PublishReport) and runner.last.sent == 0
    window.finish_backups()
    assert window.publisher is None


def test_an_unreachable_service_is_said_and_tried_again_while_work_goes_on(
    qtbot: QtBot, laptop: Path, soon: None
) -> None:
    url = f"postgresql://nobody@127.0.0.1:{free_port()}/cowork"  # nothing listens there
    window = window_on(qtbot, laptop, url)
    runner = window.publisher
    assert runner is not None
    qtbot.waitUntil(lambda: runner.last is not None, timeout=30000)
    assert isinstance(runner.last, str) and "cannot reach the service" in runner.last
    assert "Service: not published at " in runner.label.text() and "trying again at" in runner.label.text()
    assert runner.label.toolTip() == runner.last  # the reason, one line
    assert runner.timer.isActive() and 4 * 60_000 < runner.timer.remainingTime() <= 5 * 60_000 + 1_000
    # offline work goes on: the store writes as ever
    window.ws.store.set_setting("team", "Still working")
    window.finish_backups()


def test_no_address_no_publishing_and_the_menu_says_where_to_set_it(qtbot: QtBot, laptop: Path) -> None:
    window = window_on(qtbot, laptop, "")
    runner = window.publisher
    assert runner is not None and not runner.timer.isActive() and runner.label.isHidden()
    assert not window.publish_action.isEnabled()
    assert "Settings ▸ Service" in window.publish_action.statusTip()
    window.finish_backups()


def test_settings_refuse_an_address_with_a_password_and_a_saved_one_starts_publishing(
    qtbot: QtBot, laptop: Path, soon: None
) -> None:
    window = window_on(qtbot, laptop, "")
    dialog = SettingsDialog(window.ws, parent=window)
    qtbot.addWidget(dialog)
    url = dialog.fields["service_url"]
    url.setText("postgresql://alice:secret@db.council.example/cowork")  # type: ignore[attr-defined]
    assert not dialog.submit()
    assert "Leave the password out" in dialog.messages()["service_url"]
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Ser&vice"
    assert window.ws.store.get_setting("service_url") in (None, "")
    url.setText("postgresql://alice@127.0.0.1:1/cowork")  # type: ignore[attr-defined]
    assert dialog.submit()
    window.apply_changes(dialog.changes)
    runner = window.publisher
    assert runner is not None and runner.url == "postgresql://alice@127.0.0.1:1/cowork"
    assert window.publish_action.isEnabled() and runner.label.text() == "Service: publishing soon"
    # publishing by hand only: nothing is scheduled
    model.set_from_text(window.ws.store, "publish_when_reachable", "false")
    window.apply_changes(dialog.changes)
    assert not runner.timer.isActive() and "by hand" in runner.label.text()
    window.finish_backups()


def test_a_publish_stopped_between_batches_keeps_whole_batches_and_the_next_completes_it(
    initialised: Service, manager: str, laptop: Path
) -> None:
    url = initialised.url(manager)
    source = open_store(laptop)
    asked: list[int] = []

    def stop_after_first_batch() -> bool:  # asked once before starting, then after each batch
        asked.append(1)
        return len(asked) > 1

    with pytest.raises(service_link.PublishStopped, match="after 5 signed record"):
        service_link.publish_stoppable(source, url, stop_after_first_batch, batch_size=5)
    assert len(server_hashes(initialised)) == 5
    with pytest.raises(service_link.PublishStopped, match="before it began"):
        service_link.publish_stoppable(source, url, lambda: True)
    assert len(server_hashes(initialised)) == 5
    report = service_link.publish_stoppable(source, url, lambda: False)
    assert report.already == 5 and report.sent == len(local_hashes(laptop)) - 5
    assert server_hashes(initialised) == local_hashes(laptop)
    source.close()


# -- the Service page ----------------------------------------------------------------------------------------------


def test_the_service_page_shows_the_reports_figures_as_the_head_of_service_sees_them(
    qtbot: QtBot,
    initialised: Service,
    manager: str,
    laptop: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cowork_desktop.services import service_report as report_module
    from cowork_desktop.ui.main_window import NAV_PAGES
    from cowork_desktop.ui.service_page import ServicePage

    source = open_store(laptop)
    service_link.publish_stoppable(source, initialised.url(manager), lambda: False)
    source.close()
    head = add_login(initialised, capsys, monkeypatch, head=True)
    monkeypatch.setenv("PGPASSWORD", f"pw-{head}")
    threads: list[str] = []
    real = report_module.service_report

    def watched(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(report_module, "service_report", watched)
    window = window_on(qtbot, laptop, initialised.url(head))
    item = window.nav.item(NAV_PAGES.index("service"))
    assert not item.isHidden() and item.text() == "Service" and window.service_action.isEnabled()
    window.service_action.trigger()
    page = window.current_page()
    assert isinstance(page, ServicePage)
    qtbot.waitUntil(lambda: page.report is not None or bool(page.error), timeout=60000)
    assert page.error == "" and threads == ["service-report"]  # never the GUI thread
    assert page.report is not None and page.report.head and page.progress.isHidden()
    expected = real(
        initialised.url(head),
        page.on,
        initial_days=window.ws.initial_meeting_days,
        calendar=window.ws.calendar,
    )
    found = report_module.columns(expected)
    assert [
        page.model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(page.model.columnCount())
    ] == ["Figure", *(n for n, _f in found)]
    assert [n for n, _f in found] == ["north", "Whole service"]
    for row, (key, heading, get) in enumerate(report_module.FIGURES):
        shown = [page.model.index(row, c).data() for c in range(page.model.columnCount())]
        assert shown == [heading, *(report_module.shown(key, get(f)) for _n, f in found)]
    assert f"as {head} sees it: every team" in page.status.text()
    window.finish_backups()


def test_without_a_service_the_page_is_out_of_the_list_and_says_where_to_set_one(
    qtbot: QtBot, laptop: Path
) -> None:
    from cowork_desktop.ui.main_window import NAV_PAGES

    window = window_on(qtbot, laptop, "")
    assert window.nav.item(NAV_PAGES.index("service")).isHidden() and not window.service_action.isEnabled()
    window.go("service")
    page = window.current_page()
    assert "Settings ▸ Service" in page.status.text()  # type: ignore[union-attr]
    window.finish_backups()


def test_a_service_that_cannot_be_reached_is_said_on_the_page(qtbot: QtBot, laptop: Path) -> None:
    window = window_on(qtbot, laptop, f"postgresql://nobody@127.0.0.1:{free_port()}/cowork")
    window.go("service")
    page = window.current_page()
    qtbot.waitUntil(lambda: bool(page.error), timeout=30000)  # type: ignore[union-attr]
    assert page.status.text().startswith("Could not read the figures: cannot reach the service")  # type: ignore[union-attr]
    assert page.read_button.isEnabled() and page.model.rowCount() == 0  # type: ignore[union-attr]
    window.finish_backups()
