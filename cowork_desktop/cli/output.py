"""How the ``cowork`` commands print: JSON (``--json``: one object with a ``schema`` version and named lists,
exactly ``json.dumps(..., ensure_ascii=False, indent=2)``, faster on long lists) and plain-text tables.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, TextIO

#: the version of every ``--json`` document's shape: raised when any command's output changes shape (a field
#: renamed, moved or dropped; a new field keeps it)
SCHEMA = 1


def print_json(command: str, data: dict[str, Any], out: TextIO) -> None:
    """A command's ``--json`` output: one object, ``{"schema": SCHEMA, "command": command, ...data}``, whose
    lists are named (``{"items": [...]}``, never a bare list) and whose people are objects with their id and name
    (never keys: two people may share a name)."""
    out.write(json_text({"schema": SCHEMA, "command": command, **data}) + "\n")


#: the exact types json writes as they are (a subclass, such as an enum, takes json.dumps' own path)
_SCALARS = frozenset({str, int, float, bool, type(None)})


_ONE = json.JSONEncoder(ensure_ascii=False).encode


_MARK = "\x00list"


def _scalar(value: Any) -> bool:
    kind = type(value)
    return kind in _SCALARS and not (kind is str and "\x00" in value)


def _shallow_rows(rows: list[Any]) -> bool | None:
    """None unless every row is a non-empty dict of text keys whose values are scalars or lists of scalars (no
    text holds a NUL); else whether any holds a list. Read with exact types, not isinstance: at 40,000 cases
    ``due --json`` asks this of 24,000 items."""
    lists = False
    for row in rows:
        if type(row) is not dict or not row:
            return None
        for key, item in row.items():
            if type(key) is not str:
                return None
            kind = type(item)
            if kind is str:
                if "\x00" in item:
                    return None
            elif kind is list:
                if not all(_scalar(v) for v in item):
                    return None
                lists = True
            elif kind not in _SCALARS:
                return None
    return lists


def _list_text(items: list[Any], level: int) -> str:
    """A list of scalars at ``level``, as indent=2 writes it."""
    if not items:
        return "[]"
    inner = "\n" + "  " * (level + 1)
    return "[" + inner + ("," + inner).join(_ONE(v) for v in items) + "\n" + "  " * level + "]"


@lru_cache(maxsize=16)
def _flat_encoder(level: int) -> Callable[[Any], str]:
    """json's C encoder, its item separator giving indent=2's layout for a flat dict at ``level``."""
    return json.JSONEncoder(ensure_ascii=False, separators=(",\n" + "  " * (level + 1), ": ")).encode


def _flat_dict(value: Any) -> bool:
    """A non-empty dict of text keys whose values are all scalars (no text holds a NUL)."""
    return (
        type(value) is dict and bool(value) and all(type(k) is str and _scalar(v) for k, v in value.items())
    )


def json_text(data: Any, level: int = 0) -> str:
    """Exactly ``json.dumps(data, ensure_ascii=False, indent=2)``, faster on a long list of shallow dicts (what
    ``due``, ``drift``, ``promises`` and ``cases`` print): given an indent, json encodes in pure Python (0.3 s
    for the 24,000 items of ``due --json`` at 40,000 cases, 1.4 s for ``cases``), while such a list is written
    here by one call of json's C encoder, its separators giving indent=2's layout, each inner list of scalars
    (a case's co-workers) put in its place afterwards."""
    inner = "\n" + "  " * (level + 1)
    close = "\n" + "  " * level
    if _flat_dict(data):  # one call of the C encoder
        return "{" + inner + _flat_encoder(level)(data)[1:-1] + close + "}"
    if isinstance(data, dict) and data and all(isinstance(k, str) for k in data):
        parts = [_ONE(k) + ": " + json_text(v, level + 1) for k, v in data.items()]
        return "{" + inner + ("," + inner).join(parts) + close + "}"
    shallow = _shallow_rows(data) if isinstance(data, list) and data else None
    if shallow is not None:
        lists: list[list[Any]] = []
        if shallow:
            swapped = []
            for (
                d
            ) in data:  # each inner list stands aside, a mark (text holding a NUL: never data) in its place
                row = dict(d)
                for k, v in d.items():
                    if isinstance(v, list):
                        lists.append(v)
                        row[k] = _MARK
                swapped.append(row)
            data = swapped
        # between two dicts the encoder writes "},<newline+indent>{" (a newline inside a JSON string is always
        # escaped, so this is never text), which is where indent=2 closes one dict and opens the next
        deeper = "\n" + "  " * (level + 2)
        encode = json.JSONEncoder(ensure_ascii=False, separators=("," + deeper, ": ")).encode
        text = encode(data)[2:-2].replace("}," + deeper + "{", inner + "}," + inner + "{" + deeper)
        if lists:
            pieces = text.split(_ONE(_MARK))
            text = pieces[0] + "".join(
                _list_text(items, level + 2) + piece for items, piece in zip(lists, pieces[1:], strict=True)
            )
        return "[" + inner + "{" + deeper + text + inner + "}" + close + "]"
    return json.dumps(data, ensure_ascii=False, indent=2).replace("\n", close)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out.write(line(headers) + "\n")
    out.write(line(["-" * w for w in widths]) + "\n")
    for row in rows:
        out.write(line(row) + "\n")
