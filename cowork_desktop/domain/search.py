"""Search across the text of records (issue 15): what a manager types, made into an SQLite FTS5 query that cannot
fail, and what a hit shows. Plain Python: the index is the store's (migration m011), the use case the service's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

#: how many hits a search shows at most (the newest first); the count says how many there were
SEARCH_LIMIT = 200
#: the count stops here: "more than 10,000 records" says enough, and counting every record of a word that is in
#: all of them costs more than the search
COUNT_LIMIT = 10_000
#: the last word typed is also looked for as the start of a longer word once it has this many characters (a
#: shorter start of Latin letters matches most of a service's words, and costs a large index a second); a word
#: in another script is, whatever its length
PREFIX_FROM = 3


def match_expression(text: str) -> str | None:
    """The FTS5 query for what was typed: every word must be in the record, the last one also as the start of a
    longer word once it has :data:`PREFIX_FROM` characters (so results come as the manager types: "hous" finds
    "housing"; a shorter last word after others is left out until it has them, one on its own is a word). Each word is a quoted phrase,
    which FTS5 cuts into words as it cut the records (any script: "प्रिया", "王小明"), so its own syntax (AND, OR,
    NOT, NEAR, quotes, ``*``, ``-``, ``:``, brackets) is searched as text and a query never fails. Words with no
    letter or digit are left out. None when nothing searchable was typed."""
    words = [w for w in text.split() if any(ch.isalnum() for ch in w)]
    if not words:
        return None
    last = words[-1]
    prefix = len(last) >= PREFIX_FROM or not last.isascii()  # two Chinese characters say a lot
    if not prefix and len(words) > 1:
        words = words[:-1]  # still being typed ("joint visits d"): the words before it, until it says more
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if prefix:
        quoted[-1] += "*"
    return " ".join(quoted)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A record whose text matched: where it is (the case by reference only) and the matching words in context,
    marked with [ ]."""

    record_id: int
    case_id: int
    case_reference: str
    coallocation_id: int
    kind: str  # a RecordKind value
    kind_label: str
    status: str  # a RecordStatus value
    meeting_date: date
    superseded: bool
    snippet: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "case_id": self.case_id,
            "case_reference": self.case_reference,
            "coallocation_id": self.coallocation_id,
            "kind": self.kind,
            "status": self.status,
            "meeting_date": self.meeting_date.isoformat(),
            "superseded": self.superseded,
            "snippet": self.snippet,
        }


@dataclass(frozen=True, slots=True)
class SearchResult:
    """What a search found: the newest hits (at most ``limit``) and how many records matched in all (counted up
    to :data:`COUNT_LIMIT`: ``total`` is one more when there were more)."""

    text: str
    hits: tuple[SearchHit, ...]
    total: int

    @property
    def summary(self) -> str:
        if not self.text.strip():
            return "Type a word to search the records."
        if not self.total:
            return f"No record mentions “{self.text.strip()}”."
        shown = len(self.hits)
        records = "record" if self.total == 1 else "records"
        found = f"More than {COUNT_LIMIT:,}" if self.total > COUNT_LIMIT else f"{self.total:,}"
        if shown < self.total:
            return f"{found} {records} found; the newest {shown:,} are shown."
        return f"{found} {records} found, the newest first."
