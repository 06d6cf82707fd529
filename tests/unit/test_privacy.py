"""The privacy check on free text: what it finds, what it leaves alone, and that nothing makes it fail."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cowork_desktop.domain.privacy import MAX_SCAN, MESSAGES, nhs_check_digit_ok, scan, summary

FAST = settings(max_examples=80, deadline=None)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.excerpt) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mum has moved to SW1A 1AA last week.", [("postcode", "SW1A 1AA")]),
        ("Nan's flat, M1 1AE", [("postcode", "M1 1AE")]),
        ("postcode b12 9zz", [("postcode", "b12 9zz")]),
        ("EC1A1BB", [("postcode", "EC1A1BB")]),
        ("Call dad on 0161 496 0000.", [("phone", "0161 496 0000")]),
        ("mobile 07700 900123", [("phone", "07700 900123")]),
        ("mobile 07700-900-123", [("phone", "07700-900-123")]),
        ("ring +44 7700 900123 after 5", [("phone", "+44 7700 900123")]),
        ("(020) 7946 0018", [("phone", "(020) 7946 0018")]),
        ("worker e-mail: jo.bloggs+case@example.org.uk", [("email", "jo.bloggs+case@example.org.uk")]),
        ("NHS no. 943 476 5919", [("nhs_number", "943 476 5919")]),
        ("NHS 943-476-5919", [("nhs_number", "943-476-5919")]),
        ("9434765919", [("nhs_number", "9434765919")]),
        ("DOB: 12/03/2015", [("date_of_birth", "12/03/2015")]),
        ("d.o.b. 2015-03-12", [("date_of_birth", "2015-03-12")]),
        ("date of birth 12th March 2015", [("date_of_birth", "12th March 2015")]),
        ("born on March 3, 2016", [("date_of_birth", "March 3, 2016")]),
        ("Born 3 Sept 2016", [("date_of_birth", "3 Sept 2016")]),
    ],
)
def test_it_finds(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected
    for f in scan(text):
        assert f.message == MESSAGES[f.kind] and "data minimisation" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Zoë will lead the visits; Łukasz will write them up.",
        "Case CR-100234, review on 23/11/2026 at 10:00.",  # a meeting date is not a date of birth
        "Review due 2026-12-07; supervision every 4 weeks.",
        "9434765918",  # ten digits, wrong NHS check digit
        "1234567890",  # check digit would be 10: never valid
        "Reference 2026/0101, 3 children, initials AB CD",
        "Plan: S47 enquiry; section 17 CIN plan; ICPC within 15 working days",
        "email me@ nowhere",
        "The 2nd of 3 visits",
        "phone 123",
        "مراجعة الحالة مع العاملين",
        "👍 agreed by both co-workers ✅",
    ],
)
def test_it_leaves_alone(text: str) -> None:
    assert scan(text) == []


def test_nhs_check_digit() -> None:
    assert nhs_check_digit_ok("9434765919")
    assert not nhs_check_digit_ok("9434765918")
    assert not nhs_check_digit_ok("943476591")
    assert not nhs_check_digit_ok("94347659x9")


def test_overlaps_are_reported_once_and_in_order() -> None:
    text = "Email a@b.co.uk, NHS 943 476 5919, DOB 01/02/2015, tel 07700 900123, at LS1 4AP."
    found = scan(text)
    assert [f.kind for f in found] == ["email", "nhs_number", "date_of_birth", "phone", "postcode"]
    assert all(text[f.start : f.end] == f.excerpt for f in found)
    assert "an e-mail address" in summary(found) and "a postcode" in summary(found)
    assert summary([]) == ""
    assert summary(found[:1]) == found[0].message


def test_very_long_text_is_scanned_at_its_start_quickly() -> None:
    text = "SW1A 1AA " + ("word " * (MAX_SCAN // 2))
    found = scan(text)
    assert found[0].kind == "postcode"


# -- properties ----------------------------------------------------------------------------------------------------


@FAST
@given(st.text(max_size=2000))
def test_any_text_scans_without_error_and_findings_are_consistent(text: str) -> None:
    found = scan(text)
    last_end = -1
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.excerpt
        assert f.kind in MESSAGES and f.message
        assert f.start >= last_end  # sorted, no overlap
        last_end = f.end


HOSTILE = st.sampled_from(
    [
        "\x00",
        "\u202e",
        "\u200f",
        "\ufeff",
        "'; DROP TABLE records; --",
        "<script>alert(1)</script>",
        "🧒🏽",
        "\r\n",
        "\t",
        "ẞ",
        "%s%n",
    ]
)


@FAST
@given(st.lists(st.one_of(HOSTILE, st.text(max_size=30)), max_size=40))
def test_hostile_fragments_never_break_it(parts: list[str]) -> None:
    text = "".join(parts)
    for f in scan(text):
        assert text[f.start : f.end] == f.excerpt


def _nhs_number(first_nine: str) -> str | None:
    total = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 10:
        return None
    return first_nine + str(0 if check == 11 else check)


WORDS = st.text(alphabet=st.characters(whitelist_categories=("Ll", "Lu"), max_codepoint=0x24F), max_size=20)


@FAST
@given(st.text(alphabet="0123456789", min_size=9, max_size=9), WORDS, WORDS, st.sampled_from(["", " ", "-"]))
def test_every_valid_nhs_number_is_found(first_nine: str, before: str, after: str, sep: str) -> None:
    number = _nhs_number(first_nine)
    if number is None:
        return
    shown = f"{number[:3]}{sep}{number[3:6]}{sep}{number[6:]}"
    text = f"{before} {shown} {after}"
    assert ("nhs_number", shown) in kinds(text)


@FAST
@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_no_invalid_nhs_number_is_reported(digits: str) -> None:
    found = [f for f in scan(f"number {digits} here") if f.kind == "nhs_number"]
    assert bool(found) == nhs_check_digit_ok(digits)


@FAST
@given(
    st.from_regex(r"[a-z][a-z0-9._]{0,15}", fullmatch=True),
    st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True),
    st.sampled_from(["org", "co.uk", "gov.uk", "com", "nhs.net"]),
)
def test_every_plain_email_is_found(user: str, domain: str, tld: str) -> None:
    address = f"{user}@{domain}.{tld}"
    assert ("email", address) in kinds(f"write to {address} today")


@FAST
@given(
    st.sampled_from(["SW1A", "M1", "B12", "LS1", "EH1", "CF10", "BT1", "G2", "NE1", "W1D"]),
    st.integers(0, 9),
    st.sampled_from(["AA", "BB", "DX", "UW", "HJ", "NP"]),
    st.sampled_from([" ", ""]),
)
def test_every_postcode_is_found(outward: str, digit: int, letters: str, space: str) -> None:
    code = f"{outward}{space}{digit}{letters}"
    assert ("postcode", code) in kinds(f"moved to {code}.")


@FAST
@given(WORDS)
def test_letters_alone_are_never_flagged(text: str) -> None:
    assert scan(text) == []
