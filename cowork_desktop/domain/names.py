"""People's names as they sign: one comparison rule, and the characters a name may not carry.

A typed signature is accepted only when it is the signer's name, compared with :func:`name_key` (Unicode NFC,
case folded, spaces collapsed), so "tom  REID" signs as "Tom Reid" but "Tom Reed" does not. A name may not carry
characters that make it display differently from what is stored: bidirectional controls (U+202A-U+202E,
U+2066-U+2069, the marks U+200E/U+200F/U+061C), zero-width and other invisible format characters (Unicode
category Cf), control characters, and the invisible "filler" letters some fonts draw as nothing.
"""

from __future__ import annotations

import unicodedata

#: characters that are not category Cf (or Cc) but draw as nothing, so could hide a difference
_INVISIBLE_LETTERS = frozenset(
    {
        0x115F,  # HANGUL CHOSEONG FILLER
        0x1160,  # HANGUL JUNGSEONG FILLER
        0x3164,  # HANGUL FILLER
        0xFFA0,  # HALFWIDTH HANGUL FILLER
        0x2800,  # BRAILLE PATTERN BLANK
        0x180E,  # MONGOLIAN VOWEL SEPARATOR (Cf in old Unicode versions)
        0x034F,  # COMBINING GRAPHEME JOINER
        *range(0xFE00, 0xFE10),  # variation selectors
        *range(0xE0100, 0xE01F0),  # variation selectors supplement
    }
)
_BIDI_CONTROLS = frozenset({*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C})
#: spaces other than U+0020 that are fine in a name (a no-break space between two parts, say); others are not
_ALLOWED_SPACES = frozenset({" ", "\u00a0"})


def _hidden(text: str) -> str | None:
    for char in text:
        code = ord(char)
        category = unicodedata.category(char)
        if (
            code in _BIDI_CONTROLS
            or code in _INVISIBLE_LETTERS
            or category in ("Cf", "Cc", "Co", "Cs", "Cn", "Zl", "Zp")
            or (category == "Zs" and char not in _ALLOWED_SPACES)
        ):
            return char
    return None


def hidden_character(text: str) -> str | None:
    """The first character of ``text`` that would make it display differently from what is stored, as
    ``U+202E``; None when there is none."""
    char = _hidden(text)
    return None if char is None else f"U+{ord(char):04X}"


def name_problem(name: str, what: str = "A name") -> str | None:
    """Why ``name`` cannot be a person's name here (one sentence), or None when it can."""
    char = _hidden(name)
    if char is None:
        return None
    if unicodedata.category(char) in ("Cc", "Zl", "Zp"):
        return f"{what} cannot contain control characters (such as a tab or line break)."
    return (
        f"{what} cannot contain invisible or direction-changing characters (U+{ord(char):04X}): "
        "the name must read as it is stored."
    )


def clean_name(name: str) -> str:
    """The name as stored: NFC, trimmed, runs of spaces collapsed to one (case kept)."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def name_key(name: str) -> str:
    """What two names are compared by: NFC, case folded, spaces collapsed (then NFC again: folding can
    decompose, e.g. "İ")."""
    folded = unicodedata.normalize("NFC", name).casefold()
    return unicodedata.normalize("NFC", " ".join(folded.split()))


def same_name(typed: str, expected: str) -> bool:
    """Whether ``typed`` is ``expected`` by :func:`name_key` (and carries nothing hidden)."""
    return hidden_character(typed) is None and name_key(typed) == name_key(expected) != ""
