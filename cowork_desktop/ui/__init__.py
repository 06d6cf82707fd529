"""The desktop interface: the only package that imports PySide6 (with app.py).

Pages call the store and the services; they never write SQL.
"""

from __future__ import annotations

import sys


def _keep_singletons_alive() -> None:
    """Work around a crash of PySide6 6.12 on Python 3.11.

    Every call of a Qt method that returns nothing (``setText``, ``setVisible``, ``setChecked``...) leaves
    ``None`` with one reference fewer, and a Python override returning a bool to Qt (``isComplete`` when
    ``completeChanged`` is emitted) does the same to ``True``/``False`` (measured with ``sys.getrefcount``:
    exactly one per call). ``None`` starts with about 5,000 references, so after a few thousand calls the
    interpreter aborts with "Fatal Python error: none_dealloc" (or ``bool_dealloc``), in the middle of a
    meeting or at exit. Python 3.12+ makes these objects immortal, which is why the wheels work there. Until the
    wheels are fixed, give them a reference count they cannot run out of, as 3.12 does. CPython < 3.12 only;
    the count is the object's first field (``ob_refcnt``)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < 1 << 40:
            refcount.value += 1 << 40


_keep_singletons_alive()
