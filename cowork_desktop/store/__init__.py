"""The local SQLite store (sqlite-utils): opening and checks, migrations, repositories by aggregate. No Qt."""

from cowork_desktop.store.opening import open_store
from cowork_desktop.store.store import Store

__all__ = ["Store", "open_store"]
