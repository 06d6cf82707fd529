"""Search across the text of records (issue 15, migration m011): the index follows every write, plain SQL
included; what a manager types never makes a query fail; any script is found; the index lives inside the
database (encrypted with it); ``cowork check`` finds it damaged or out of step and ``--repair`` makes it again."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.cli import run
from helpers.demo import DEMO_DAY, workspace_copy
from helpers.records import draft_amendment_of_the_initial_meeting

from cowork_desktop.domain.errors import ProtectionsMissing
from cowork_desktop.domain.models import Case, CoAllocation, Reason, RecordKind, Role, Worker
from cowork_desktop.domain.search import match_expression
from cowork_desktop.services import integrity, search, sessions
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_read_only, open_store


@pytest.fixture
def ws(demo_template: Path, tmp_path: Path) -> Iterator[Workspace]:
    with workspace_copy(demo_template, tmp_path / "demo.db") as ws:
        yield ws


def _plain(ws: Workspace, sql: str, *params: object) -> None:
    conn = sqlite3.connect(ws.store.path)
    with conn:
        conn.execute(sql, params)
    conn.close()


def _ids(ws: Workspace, text: str) -> set[int]:
    return {hit.record_id for hit in search.search(ws, text, limit=10_000).hits}


def _records_saying(ws: Workspace, words: str) -> set[int]:
    """The oracle: every record whose title, amendment reason or answers hold each of ``words`` as a word (the
    last as the start of one), case folded."""
    wanted = words.lower().split()
    found = set()
    for rid, text in ws.store.db.conn.execute("SELECT id, text FROM record_search_text"):
        have = set(re.findall(r"\w+", text.lower()))
        if all(w in have for w in wanted[:-1]) and any(h.startswith(wanted[-1]) for h in have):
            found.add(rid)
    return found


def test_what_is_typed_becomes_a_query_that_cannot_fail() -> None:
    assert match_expression("") is None and match_expression("  -- ** ") is None
    assert match_expression("housing") == '"housing"*'
    assert match_expression("duty desk") == '"duty" "desk"*'
    assert match_expression("housing of") == '"housing"'  # a start of two letters: still being typed
    assert match_expression("of") == '"of"'  # on its own: that word
    assert match_expression("王小") == '"王小"*'  # two Chinese characters: a start
    # FTS5's own syntax is searched as text
    assert match_expression('NEAR(a b) OR "x" NOT you*') == '"NEAR(a" "b)" "OR" """x""" "NOT" "you*"*'


def test_a_search_finds_every_record_that_says_it_newest_first_by_reference(ws: Workspace) -> None:
    found = search.search(ws, "colleague case note")
    assert found.total > 0 and found.total == len(found.hits)
    assert {h.record_id for h in found.hits} == _records_saying(ws, "colleague case note")
    hit = found.hits[0]
    assert "[colleague]" in hit.snippet.lower() and "[note]" in hit.snippet.lower()
    assert hit.case_reference == ws.store.get_case(hit.case_id).reference
    assert found.summary.endswith("found, the newest first.")
    assert [h.record_id for h in found.hits] == sorted((h.record_id for h in found.hits), reverse=True)
    # the last word as the start of a longer one, as the manager types
    assert _ids(ws, "collea") == _records_saying(ws, "colleague") != set()
    # at most ``limit``, the count says how many in all
    few = search.search(ws, "colleague", limit=2)
    assert len(few.hits) == 2 and few.total > 2 and "the newest 2 are shown" in few.summary
    assert [h.record_id for h in few.hits] == sorted(_records_saying(ws, "colleague"), reverse=True)[:2]
    assert search.search(ws, "zebra crossing").total == 0
    assert search.search(ws, "").summary == "Type a word to search the records."
    for nasty in ('"', "*", "NEAR(", "a OR", "-x", "col:umn", "(", "^", "AND"):
        search.search(ws, nasty)  # never an FTS5 syntax error


def test_the_index_follows_every_write_plain_sql_included(ws: Workspace) -> None:
    case_id = sessions.due(ws, DEMO_DAY)[0].case_id
    draft = draft_amendment_of_the_initial_meeting(ws, case_id)
    assert draft.id is not None
    sessions.save_draft(
        ws,
        draft.id,
        dict(draft.answers, decision="The family asked for the Gujarati interpreter, Mrs Okonkwo-Lindqvist."),
        based_on=draft.revision,
    )
    assert _ids(ws, "Okonkwo-Lindqvist") == {draft.id}
    assert _ids(ws, "gujarati interp") == {draft.id}
    # another connection changes the text: the index follows
    _plain(
        ws,
        "UPDATE records SET answers = json_set(answers, '$.decision', 'Säkerhet först, प्रिया शर्मा, 王小明') "
        "WHERE id = ?",
        draft.id,
    )
    assert _ids(ws, "Okonkwo") == set()
    assert _ids(ws, "sakerhet") == {draft.id}  # diacritics folded
    assert _ids(ws, "प्रिया") == {draft.id} == _ids(ws, "王小")
    # a draft deleted: gone from the index
    ws.store.discard_draft(draft.id)
    assert _ids(ws, "प्रिया") == set()
    assert ws.store.search_index_problems() == []


def test_the_index_is_inside_the_encrypted_database(tmp_path: Path) -> None:
    path = tmp_path / "enc.db"
    phrase = "a long and fictional passphrase 7"
    with open_store(path, passphrase=phrase, actor="test-manager") as store:
        ws = Workspace.open(store)
        w1 = store.add_worker(Worker("Fictional Lead", Role.SENIOR_PRACTITIONER))
        w2 = store.add_worker(Worker("Fictional Student", Role.STUDENT))
        case = store.add_case(Case("CR-2026-0901"))
        assert case.id is not None and w1.id is not None and w2.id is not None
        ca = store.add_coallocation(
            CoAllocation(case.id, w1.id, w2.id, w1.id, DEMO_DAY, [Reason.DEVELOPMENT])
        )
        assert ca.id is not None
        record = sessions.start_record(ws, ca.id, RecordKind.INITIAL_MEETING, DEMO_DAY).value
        assert record.id is not None
        sessions.save_draft(
            ws, record.id, dict(record.answers, decision="Quokka outreach agreed."), based_on=record.revision
        )
        assert _ids(ws, "quokka outreach") == {record.id}
    raw = path.read_bytes()
    assert b"Quokka" not in raw and b"quokka" not in raw and not raw.startswith(b"SQLite format 3")
    with open_store(path, passphrase=phrase, actor="test-manager") as store:
        assert _ids(Workspace.open(store), "quokk") == {record.id}
        assert store.protection_problems(fresh=True) == []
        assert store.search_index_problems() == []


def test_a_damaged_or_stale_index_is_found_and_made_again(ws: Workspace) -> None:
    """The attacks: the index's rows deleted behind its back, and its shadow data overwritten. A read-only check
    finds each; the repair makes it again from the records."""
    expected = _ids(ws, "colleague case note")
    assert expected
    sound = open_read_only(ws.store.path)  # a sound index checks, on a connection that cannot write too
    try:
        assert sound.search_index_problems() == [] and integrity.check_store(sound).ok
    finally:
        sound.close()
    _plain(ws, "DELETE FROM record_search_docsize WHERE id IN (SELECT id FROM record_search_docsize LIMIT 3)")
    problems = ws.store.search_index_problems()
    assert problems and "search index" in problems[0]
    checker = open_read_only(ws.store.path)
    try:
        report = integrity.check_store(checker)
    finally:
        checker.close()
    assert not report.ok and any("search index" in str(f) for f in report.findings)
    ws.store.rebuild_derived()
    assert ws.store.search_index_problems() == [] and _ids(ws, "colleague case note") == expected

    _plain(ws, "UPDATE record_search_data SET block = zeroblob(length(block)) WHERE id > 10")
    assert ws.store.search_index_problems()
    checker = open_read_only(ws.store.path)  # the start-up check cannot write: it walks the index instead
    try:
        assert checker.search_index_problems()
    finally:
        checker.close()
    ws.store.rebuild_derived()
    assert ws.store.search_index_problems() == [] and _ids(ws, "colleague case note") == expected


def test_an_index_trigger_dropped_stops_every_write_until_it_is_repaired(ws: Workspace) -> None:
    _plain(ws, "DROP TRIGGER search_record_update")
    case_id = sessions.due(ws, DEMO_DAY)[0].case_id
    with pytest.raises(ProtectionsMissing):
        draft_amendment_of_the_initial_meeting(ws, case_id)
    assert any("search_record_update" in line for line in ws.store.restore_protections())
    draft_amendment_of_the_initial_meeting(ws, case_id)


def test_cowork_search_says_where_each_record_is_by_reference(
    ws: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(ws.store.path)
    code, out, err = run(capsys, "search", "--db", db, "colleague", "case", "note", "--limit", "2")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 5 and lines[-1].endswith("the newest 2 are shown.")
    assert "[colleague]" in lines[1] and lines[0].startswith("CR-")
    code, out, err = run(capsys, "search", "--db", db, "colleague", "--json")
    data = json.loads(out)
    assert (code, data["total"]) == (0, len(data["records"])) and data["total"] > 2
    assert set(data["records"][0]) == {
        "record_id",
        "case_id",
        "case_reference",
        "coallocation_id",
        "kind",
        "status",
        "meeting_date",
        "superseded",
        "snippet",
    }
    code, out, err = run(capsys, "search", "--db", db, '"', "--json")
    assert (code, json.loads(out)["total"]) == (0, 0)
