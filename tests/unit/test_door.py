"""Services are the only door: ui/ and app.py never import store/, export/ or sqlite3 (counting imports inside
functions and under TYPE_CHECKING), the ui modules import each other without a cycle, and the use cases the GUI
calls (cases and people, opening a database, the rules the wizard shares) say what they changed."""

from __future__ import annotations

import ast
from datetime import date
from functools import cache
from pathlib import Path

import grimp
import pytest

import cowork_desktop
from cowork_desktop.domain import models
from cowork_desktop.domain.errors import DamagedDatabase, StoreError, ValidationError
from cowork_desktop.domain.forms import QuestionKind, answers_shown
from cowork_desktop.domain.models import Case, PlanType, Record, RecordKind, RecordStatus, Role, Worker
from cowork_desktop.domain.records import FUTURE_MEETING, meeting_date_problem
from cowork_desktop.services import cases, database, sessions
from cowork_desktop.services.changes import KINDS, Changes
from cowork_desktop.services.demo import demo_answers
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.store import Store

PACKAGE = Path(cowork_desktop.__file__).parent
FORBIDDEN = ("cowork_desktop.store", "cowork_desktop.export")


@cache
def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("cowork_desktop")


def _front_modules() -> list[str]:
    graph = _graph()
    return sorted(m for m in graph.modules if m.startswith("cowork_desktop.ui") or m == "cowork_desktop.app")


def test_ui_and_app_import_neither_store_nor_export() -> None:
    graph = _graph()
    found = {
        (module, imported)
        for module in _front_modules()
        for imported in graph.find_modules_directly_imported_by(module)
        if imported.startswith(FORBIDDEN)
    }
    assert found == set()


def test_ui_and_app_never_import_sqlite3() -> None:
    """Not at the top, not inside a function, not under TYPE_CHECKING: the ui sees the app's errors only."""
    sources = [*sorted((PACKAGE / "ui").rglob("*.py")), PACKAGE / "app.py"]
    found = []
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [
                f"{path.name}: {name}" for name in names if name.split(".")[0] in ("sqlite3", "sqlcipher3")
            ]
    assert found == []


# -- change objects -------------------------------------------------------------------------------------------


def test_a_change_touches_the_views_that_show_it() -> None:
    shows_cases = frozenset({"cases", "coallocations"})
    assert Changes(cases=True).touches(shows_cases)
    assert not Changes(workers=True).touches(shows_cases)
    assert Changes.everything().touches(frozenset({"workers"}))
    assert Changes.everything().kinds == KINDS
    assert not Changes() and Changes(records=True)
    with pytest.raises(ValueError, match="unknown kinds"):
        Changes().touches(frozenset({"pages"}))


def test_changes_add_up() -> None:
    both = Changes(cases=True, case_ids=frozenset({1})) | Changes(records=True, case_ids=frozenset({2}))
    assert both.kinds == {"cases", "records"} and both.case_ids == {1, 2}


# -- cases and people -----------------------------------------------------------------------------------------


def test_a_new_worker_changes_the_workers_only(store: Store) -> None:
    saved = cases.save_worker(store, Worker("Noor Haddad", Role.SOCIAL_WORKER))
    assert saved.changes.kinds == {"workers"} and saved.changes.worker_ids == {saved.id}
    renamed = cases.save_worker(store, Worker("Noor Haddad-Ali", Role.SOCIAL_WORKER, id=saved.id))
    assert renamed.changes.kinds == {"workers", "worker_details"}
    assert cases.worker(store, saved.id).name == "Noor Haddad-Ali"


def test_cases_and_co_allocations_are_saved_through_the_service(store: Store) -> None:
    a = cases.save_worker(store, Worker("Noor Haddad", Role.SOCIAL_WORKER)).value
    b = cases.save_worker(store, Worker("Tomasz Nowak", Role.STUDENT)).value
    assert a.id is not None and b.id is not None
    case = cases.save_case(store, Case("CR-1", 1, "", PlanType.CHILD_IN_NEED))
    assert case.changes.kinds == {"cases"} and case.changes.case_ids == {case.id}
    ca = cases.save_coallocation(
        store, models.CoAllocation(case.id, a.id, b.id, a.id, date(2026, 11, 2), [models.Reason.DEVELOPMENT])
    )
    assert ca.changes.kinds == {"coallocations"} and ca.changes.case_ids == {case.id}
    assert cases.coallocation(store, ca.id).case_id == case.id
    assert [row.reference for row in cases.case_rows(store)] == ["CR-1"] and cases.count_cases(store) == 1
    assert cases.find_case(store, "CR-1").id == case.id and not cases.is_empty(store)


def test_a_worker_the_store_refuses_is_a_validation_error(store: Store) -> None:
    with pytest.raises(ValidationError) as refused:
        cases.save_worker(store, Worker("", Role.SOCIAL_WORKER))
    assert "name" in refused.value.errors


# -- opening a database -------------------------------------------------------------------------------------


def test_open_workspace_gives_the_window_its_store_and_backup_source(tmp_path: Path) -> None:
    opened = database.open_workspace(tmp_path / "new.db", None, lock=None)
    try:
        assert opened.ws.store.path == tmp_path / "new.db" and opened.source is not None
        assert opened.source.read_only is not None
    finally:
        assert opened.source is not None
        opened.source.close()
        opened.ws.store.close()


def test_a_damaged_file_is_one_line_naming_no_backup_when_there_is_none(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(StoreError) as refused:
        database.open_database(bad)
    assert "\n" not in str(refused.value) and "bad.db" in str(refused.value)
    damaged = database.damaged(bad, None, "malformed")
    assert isinstance(damaged, DamagedDatabase) and damaged.backup is None
    with pytest.raises(StoreError):
        database.restore_latest(damaged, bad, None)


# -- the rules the wizard shares --------------------------------------------------------------------------------


def test_a_meeting_is_never_dated_after_today() -> None:
    today = date(2026, 11, 23)
    assert meeting_date_problem(today, today) is None
    assert meeting_date_problem(date(2026, 11, 24), today) == FUTURE_MEETING


def test_only_the_answers_shown_are_kept(ws: Workspace) -> None:
    """A follow-up answered, then hidden again by a later answer, is dropped; so is the wizard's own key."""
    for form in ws.forms:
        shown = {q.id for q in form.visible_questions({}, {}) if q.kind != QuestionKind.INFO}
        hidden = [q for q in form.questions if q.id not in shown and q.kind != QuestionKind.INFO]
        if shown and hidden:
            break
    else:
        pytest.fail("no shipped form hides a question")
    visible = sorted(shown)[0]
    answers = {"_page": "start", visible: "kept", hidden[0].id: "typed before it was hidden"}
    assert answers_shown(form, answers, {}) == {visible: "kept"}


def _complete_draft(ws: Workspace, coworked: dict[str, int], meeting: date) -> Record:
    ca = ws.store.get_coallocation(coworked["coallocation"])
    record = sessions.start_record(ws, coworked["coallocation"], RecordKind.INITIAL_MEETING, meeting).value
    form = sessions.form_for(ws, record)
    answers = demo_answers(
        form, ca, sessions.context_for(ws, ca), meeting, experienced_id=coworked["experienced"]
    )
    hidden = next(q for q in form.questions if q.id not in answers and q.kind != QuestionKind.INFO)
    assert record.id is not None
    answers |= {"_page": "start", hidden.id: "typed before it was hidden"}
    sessions.save_draft(ws, record.id, answers, meeting, based_on=record.revision)
    return ws.store.get_record(record.id)


def test_ready_for_signatures_keeps_only_the_answers_shown(ws: Workspace, coworked: dict[str, int]) -> None:
    meeting = date(2026, 11, 3)
    draft = _complete_draft(ws, coworked, meeting)
    assert draft.id is not None
    ready = sessions.ready_for_signatures(ws, draft.id, today=meeting).value
    form = sessions.form_for(ws, draft)
    ca = ws.store.get_coallocation(coworked["coallocation"])
    assert ready.answers == answers_shown(form, draft.answers, sessions.context_for(ws, ca))
    assert "_page" not in ready.answers and len(ready.answers) == len(draft.answers) - 2


def test_ready_for_signatures_refuses_a_meeting_after_today(ws: Workspace, coworked: dict[str, int]) -> None:
    draft = _complete_draft(ws, coworked, date(2026, 11, 3))
    assert draft.id is not None
    with pytest.raises(ValidationError) as refused:
        sessions.ready_for_signatures(ws, draft.id, today=date(2026, 11, 2))
    assert refused.value.errors == {"meeting_date": FUTURE_MEETING}
    assert ws.store.get_record(draft.id).status == RecordStatus.DRAFT
