"""The app's link to its service: the address in Settings ▸ Service checked, and a publish that can be stopped
between batches (the window's background publishing, ``ui.publish_runner``). No Qt.

psycopg is imported only when an address is checked or a publish runs, never when the app starts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from cowork_desktop.domain.errors import CoworkError, ServiceError

if TYPE_CHECKING:
    from cowork_desktop.services.publish import PublishReport
    from cowork_desktop.store.store import Store


#: when the window publishes by itself (Settings ▸ Service, "publish when reachable"): a little after it opens
#: (not in the way of the start-up's own work), a little after a signing (signings in a row go together), then
#: every half hour (the cases' current state changes too), every five minutes while the service cannot be reached
AFTER_START_S = 20.0
AFTER_SIGNING_S = 15.0
AGAIN_MINUTES = 30.0
UNREACHABLE_MINUTES = 5.0


class PublishStopped(CoworkError):
    """A background publish was stopped between two batches (the app is closing): what was sent is whole."""


def url_problem(text: str) -> str:
    """What is wrong with a service address as typed ('' when it is usable, or left empty: no service)."""
    url = text.strip()
    if not url:
        return ""
    from cowork_desktop.service_store.connection import check_url

    try:
        check_url(url)
    except ServiceError as exc:
        message = str(exc)
        if "password" in message:
            return (
                "Leave the password out of the address: the app reads it from ~/.pgpass, PGPASSWORD "
                "or a service file, as psql does."
            )
        return f"This is not a PostgreSQL address: {message}"
    return ""


def where(url: str) -> str:
    """The server and database an address names, for the status bar (never the password: it has none)."""
    from cowork_desktop.service_store.connection import where as named

    try:
        return named(url)
    except ServiceError:
        return url


def publish_stoppable(
    source: Store, url: str, stop: Callable[[], bool], *, batch_size: int | None = None
) -> PublishReport:
    """:func:`cowork_desktop.services.publish.publish` from ``source`` (a connection of its own, on a thread of
    its own), stopped between batches once ``stop()`` is true: each batch is its own transaction, so the service
    keeps whole batches and the next publish sends the rest. Raises :class:`PublishStopped` when stopped,
    :class:`ServiceError` when the service cannot be reached or refuses."""
    from cowork_desktop.services.publish import BATCH, publish

    if stop():
        raise PublishStopped("the publish was stopped before it began")

    def after_batch(sent: int) -> None:
        if stop():
            raise PublishStopped(f"the publish was stopped after {sent} signed record(s)")

    return publish(source, url, batch_size=batch_size or BATCH, after_batch=after_batch)
