"""Search across the text of records: the FTS5 index of migration m011 (``record_search``, over the view
``record_search_text``, kept by triggers on every write). What a query means is :mod:`cowork_desktop.domain.search`'s;
this reads the index, checks it and makes it again."""

from __future__ import annotations

import sqlite3
from datetime import date

from cowork_desktop.domain.models import RecordKind
from cowork_desktop.domain.search import SearchHit
from cowork_desktop.store.base import StoreBase

#: how the index marks the matching words in a hit's snippet, and how many words of context it keeps
SNIPPET = ("[", "]", "…", 16)


class SearchQueries(StoreBase):
    def search_records(self, match: str, limit: int, count_limit: int) -> tuple[list[SearchHit], int]:
        """The records whose text matches the FTS5 query ``match`` (see
        :func:`cowork_desktop.domain.search.match_expression`), the newest first, at most ``limit``, and how many
        matched in all, counted up to ``count_limit`` (one more: there were more). Two statements whatever the
        number of records. Newest first, not by relevance (bm25): the index gives its entries newest first and
        stops at ``limit``, where ranking needs every match scored (1.4 s for a word in most of a 40,000-case
        service's records, against 35 ms)."""
        conn = self.db.conn
        (total,) = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM record_search WHERE record_search MATCH :m LIMIT :n)",
            {"m": match, "n": count_limit + 1},
        ).fetchone()
        if not total:
            return [], 0
        opened, closed, ellipsis, words = SNIPPET
        hits = []
        for rid, case_id, reference, ca_id, kind, status, meeting, superseded, snippet in conn.execute(
            "WITH found AS (SELECT rowid AS id,"
            " snippet(record_search, 0, :o, :c, :e, :w) AS snippet FROM record_search"
            " WHERE record_search MATCH :m ORDER BY rowid DESC LIMIT :limit)"
            " SELECT r.id, r.case_id, c.reference, r.coallocation_id, r.kind, r.status, r.meeting_date,"
            " EXISTS (SELECT 1 FROM records n WHERE n.supersedes_id = r.id AND n.status = 'signed'),"
            " found.snippet FROM found JOIN records r ON r.id = found.id JOIN cases c ON c.id = r.case_id"
            " ORDER BY r.id DESC",
            {"m": match, "o": opened, "c": closed, "e": ellipsis, "w": words, "limit": limit},
        ):
            kind_value = RecordKind(kind)
            hits.append(
                SearchHit(
                    rid,
                    case_id,
                    reference,
                    ca_id,
                    kind_value.value,
                    kind_value.label,
                    status,
                    date.fromisoformat(meeting),
                    bool(superseded),
                    " ".join(str(snippet or "").split()),
                )
            )
        return hits, int(total)

    def search_index_problems(self) -> list[str]:
        """Where the search index is not sound (one line; empty when it is): FTS5's own check of its structure,
        and a record with no entry in it (or an entry with no record)."""
        conn = self.db.conn
        try:
            self._walk_search_index()
        except sqlite3.DatabaseError as exc:
            return [f"the search index is damaged ({exc}): made again by cowork check --repair"]
        (missing,) = conn.execute(
            "SELECT (SELECT count(*) FROM records) - (SELECT count(*) FROM record_search_docsize)"
        ).fetchone()
        if missing:
            return [
                f"the search index holds {abs(missing)} record(s) {'too few' if missing > 0 else 'too many'}: "
                "made again by cowork check --repair"
            ]
        return []

    def _walk_search_index(self) -> None:
        """FTS5's own check of the index's structure (an INSERT that writes nothing), or, on a connection that
        cannot write (the start-up check reads only), a walk of every term and every entry of the index through
        an ``fts5vocab`` table in the connection's temporary schema: a damaged page fails either way."""
        conn = self.db.conn
        opened = not conn.in_transaction  # the check is an INSERT: sqlite3 would begin a transaction for it
        try:
            conn.execute("INSERT INTO record_search (record_search) VALUES ('integrity-check')")
            return
        except sqlite3.OperationalError as exc:
            if "readonly" not in str(exc).replace("-", "").replace(" ", ""):
                raise
        finally:
            if opened and conn.in_transaction:
                conn.rollback()  # it wrote nothing; no lock is kept
        # such a connection is read-only at the file (``mode=ro``), and ``query_only`` on top: lifted only while
        # the vocabulary table is made and dropped in the connection's own temporary schema, never the file's
        (query_only,) = conn.execute("PRAGMA query_only").fetchone()
        conn.execute("PRAGMA query_only = 0")
        try:
            conn.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.record_search_terms"
                " USING fts5vocab(main, record_search, instance)"
            )
            conn.execute("PRAGMA query_only = 1")
            conn.execute("SELECT count(*), count(DISTINCT doc) FROM temp.record_search_terms").fetchone()
        finally:
            conn.execute("PRAGMA query_only = 0")
            conn.execute("DROP TABLE IF EXISTS temp.record_search_terms")
            conn.execute(f"PRAGMA query_only = {int(query_only)}")

    def rebuild_search_index(self) -> None:
        """Make the search index again from every record (in the caller's transaction)."""
        conn = self.db.conn
        conn.execute("INSERT INTO record_search (record_search) VALUES ('delete-all')")
        conn.execute("INSERT INTO record_search (rowid, text) SELECT id, text FROM record_search_text")
