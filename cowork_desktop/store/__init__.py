"""The local SQLite store (sqlite-utils): open, migrations, repositories. No Qt."""

from cowork_desktop.store.db import Store, open_store

__all__ = ["Store", "open_store"]
