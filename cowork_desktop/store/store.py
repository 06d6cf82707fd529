"""The store: one connection to one database, its tables as repositories by aggregate and the screens' reads.

:class:`Store` composes them; each lives in its own module (``store/repos/``, ``store/queries.py``) on the shared
plumbing of :class:`~cowork_desktop.store.base.StoreBase` (the connection, the one transaction, the audit entry).
Opening a database is ``store/opening.py``.

No ``sqlite3`` error leaves a store method: each becomes one of the app's own errors (``store/refusals.py``), so no
caller above the store catches ``sqlite3.Error``.
"""

from __future__ import annotations

import functools
import inspect
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from cowork_desktop.store.base import StoreBase
from cowork_desktop.store.queries import DueQueries
from cowork_desktop.store.refusals import translate
from cowork_desktop.store.repos.audit import AuditRepository
from cowork_desktop.store.repos.publishing import PublishingRepository
from cowork_desktop.store.repos.pulled import PulledRepository
from cowork_desktop.store.repos.records import RecordRepository
from cowork_desktop.store.repos.retention import RetentionRepository
from cowork_desktop.store.repos.settings import SettingsRepository

_Cls = TypeVar("_Cls", bound=type[StoreBase])

#: already translate their own errors (``tx`` yields to its caller's block)
_UNWRAPPED = frozenset({"tx"})


def _translated(method: Callable[..., Any]) -> Callable[..., Any]:
    """``method`` with any ``sqlite3`` error it raises (or, for a generator, raises while it is read) translated."""
    if inspect.isgeneratorfunction(method):

        @functools.wraps(method)
        def reading(self: StoreBase, *args: Any, **kwargs: Any) -> Iterator[Any]:
            try:
                yield from method(self, *args, **kwargs)
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from None

        return reading

    @functools.wraps(method)
    def calling(self: StoreBase, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from None

    return calling


def translating_errors(cls: _Cls) -> _Cls:
    """Every public method of ``cls`` (its repositories' included) translates ``sqlite3`` errors."""
    for klass in cls.__mro__:
        for name, value in vars(klass).items():
            if name.startswith("_") or name in _UNWRAPPED or name in vars(cls):
                continue
            if inspect.isfunction(value):
                setattr(cls, name, _translated(value))
    return cls


@translating_errors
class Store(
    RecordRepository,
    AuditRepository,
    SettingsRepository,
    RetentionRepository,
    PublishingRepository,
    PulledRepository,
    DueQueries,
):
    """Every table's reads and writes (each write in one transaction with its audit entry)."""
