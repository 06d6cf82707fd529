"""Privacy by design: spot, as the manager types, things a supervision record should not hold.

A record is about the co-working arrangement and the decisions made; it is filed on the child's case, which is
known here by its reference and the children's initials only. Identifiers and contact details (a postcode, a
phone number, an e-mail address, an NHS number, a date of birth) belong in the case management system.
:func:`scan` finds them so the app can say so gently; it never blocks a save and never changes the text.

Plain Python (``re``), no Qt: the same check serves the dialogs, the wizard and tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: scanning stops here: a pasted novel is still checked at its start, and typing stays fast
MAX_SCAN = 200_000

MINIMISE = "Keep to what the decision needs (data minimisation)"

MESSAGES = {
    "email": f"This looks like an e-mail address. Contact details belong in the case management system. {MINIMISE}.",
    "nhs_number": f"This looks like an NHS number. The case reference identifies the child here. {MINIMISE}.",
    "date_of_birth": f"This looks like a date of birth. The case reference identifies the child here. {MINIMISE}.",
    "phone": f"This looks like a phone number. Contact details belong in the case management system. {MINIMISE}.",
    "postcode": f"This looks like a postcode. Addresses belong in the case management system. {MINIMISE}.",
}
LABELS = {
    "email": "an e-mail address",
    "nhs_number": "an NHS number",
    "date_of_birth": "a date of birth",
    "phone": "a phone number",
    "postcode": "a postcode",
}


@dataclass(frozen=True)
class Finding:
    kind: str  # a key of MESSAGES
    excerpt: str  # exactly text[start:end]
    start: int
    end: int
    message: str


_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}\b"
)
_NHS = re.compile(r"(?<![\d\w])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d\w])")
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE = (
    r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
    r"|\d{4}-\d{1,2}-\d{1,2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
_DOB = re.compile(
    rf"\b(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s*date|birthday|born(?:\s+on)?)\s*(?:is\s+|was\s+|[:\-–]\s*)?"
    rf"(?P<date>{_DATE})(?!\d)",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,5}\)?(?:[\s-]?\d){5,8}(?![\d\w])"
    r"|(?<![\w+])\+(?!44)\d{1,3}(?:[\s-]?\d){7,12}(?![\d\w])"
)
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?:GIR\s?0AA|[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def nhs_check_digit_ok(digits: str) -> bool:
    """The NHS number check (modulus 11): weights 10..2 on the first nine digits; 11 - remainder is the tenth
    (11 counts as 0; 10 means no valid number)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _phone_digits_ok(match: str) -> bool:
    digits = re.sub(r"\D", "", match)
    if match.lstrip().startswith("+44"):
        digits = "0" + digits[2:].lstrip("0")
        return 10 <= len(digits) <= 11
    if match.lstrip().startswith("+"):
        return 8 <= len(digits) <= 15
    return 10 <= len(digits) <= 11 and digits.startswith("0") and not digits.startswith("00")


def scan(text: str) -> list[Finding]:
    """Every likely identifier or contact detail in ``text``, in order, none overlapping another.

    Never raises, whatever the text (control characters, right-to-left text, emoji, very long input).
    """
    if not text:
        return []
    body = text[:MAX_SCAN]
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        found.append(Finding(kind, body[start:end], start, end, MESSAGES[kind]))

    for m in _EMAIL.finditer(body):
        add("email", m.start(), m.end())
    for m in _NHS.finditer(body):
        if nhs_check_digit_ok("".join(m.groups())):
            add("nhs_number", m.start(), m.end())
    for m in _DOB.finditer(body):
        add("date_of_birth", m.start("date"), m.end("date"))
    for m in _PHONE.finditer(body):
        if _phone_digits_ok(m.group()):
            add("phone", m.start(), m.end())
    for m in _POSTCODE.finditer(body):
        add("postcode", m.start(), m.end())
    found.sort(key=lambda f: (f.start, f.end))
    return found


def summary(findings: list[Finding]) -> str:
    """One gentle sentence for the findings of one field ("" when there are none)."""
    if not findings:
        return ""
    kinds: list[str] = []
    for f in findings:
        if f.kind not in kinds:
            kinds.append(f.kind)
    if len(kinds) == 1:
        return findings[0].message
    names = [LABELS[k] for k in kinds]
    listed = ", ".join(names[:-1]) + " and " + names[-1]
    return (
        f"This looks like it holds {listed}. Identifiers and contact details belong in the case management "
        f"system; the case reference identifies the child here. {MINIMISE}."
    )
