"""Search across the text of records (issue 15): the words a manager types, found in every record's title,
amendment reason and answers, best first, with the case by reference only."""

from __future__ import annotations

from cowork_desktop.domain.search import COUNT_LIMIT, SEARCH_LIMIT, SearchResult, match_expression
from cowork_desktop.services.sessions import Workspace


def search(ws: Workspace, text: str, limit: int = SEARCH_LIMIT) -> SearchResult:
    """The records whose text has every word of ``text`` (the last one also as the start of a word), the newest
    first, at most ``limit`` of them, with how many matched in all. Nothing typed finds nothing."""
    match = match_expression(text)
    if match is None:
        return SearchResult(text, (), 0)
    hits, total = ws.store.search_records(match, max(1, limit), COUNT_LIMIT)
    return SearchResult(text, tuple(hits), total)
