"""What cannot be printed: the one rule the app asks before it signs a record.

A character can be printed when one of the PDF fonts has a glyph for it, or when it needs none (spaces, line
breaks, tabs, zero-width joiners, variation selectors, bidirectional marks). Private-use characters never can.
The rule itself lives beside the fonts (:func:`cowork_desktop.export.fonts.unprintable`), because the renderer
applies the same rule when it prints U+FFFD in place of such a character; this module is what the rest of the
app calls, and describes what it finds for people.

The covered code points are read once per process from the fonts' character maps (the first call registers
the fonts: about 0.3 s); after that a check is a set look-up per character.

Each character found is described as ``"🧿 U+1F9FF NAZAR AMULET"``: the character itself (so the user can find
it in what they typed), its code point and its Unicode name (``"U+10FFFD"`` alone when it has no name, as for
private-use characters).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from cowork_desktop.export import fonts


def describe(char: str) -> str:
    """``"🧿 U+1F9FF NAZAR AMULET"``; without the name when Unicode gives none, and without the character
    itself when it would not show (a control or format character)."""
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    shown = char if unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn") else ""
    return " ".join(part for part in (shown, code, name) if part)


def unprintable_characters(text: str) -> list[str]:
    """The distinct characters of ``text`` that no font can print, described (see :func:`describe`), in the
    order they first appear; [] when everything prints."""
    return [describe(c) for c in fonts.unprintable(text)]


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):  # e.g. a table row: its values print, its keys are field names
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _texts(item)


def unprintable_in_answers(answers: Mapping[str, Any]) -> dict[str, list[str]]:
    """Per question id, the characters its answer holds that cannot be printed (see
    :func:`unprintable_characters`); answers that print completely are left out. Walks nested answers (lists,
    dicts such as table rows: their values); numbers, booleans and None hold nothing."""
    found: dict[str, list[str]] = {}
    for question, value in answers.items():
        text = "\n".join(_texts(value))
        missing = unprintable_characters(text)
        if missing:
            found[question] = missing
    return found
