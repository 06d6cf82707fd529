"""``cowork service report`` on a real PostgreSQL server: two teams publish (north: the demo database; south: a
generated one), and each team's figures in the report equal what that team's laptop says of itself with its own
``cowork due``, ``drift`` and ``promises`` (and its development logs) on the same day. A manager's login reports
its own team only; a head of service's every team and the service's total.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import stat
import statistics
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from helpers.cli import assert_one_line_error, run
from helpers.demo import DEMO_DAY, DEMO_TODAY, copy_database
from helpers.pg import Service, add_login, login

from benchmarks.generate import generate
from cowork_desktop.domain import insights as domain_insights
from cowork_desktop.domain.due import extract_facts
from cowork_desktop.service_store import admin
from cowork_desktop.service_store.migrations import MIGRATIONS
from cowork_desktop.services import insights, service_report, sessions
from cowork_desktop.services.calendar import load_calendar
from cowork_desktop.store.opening import open_store

pytestmark = pytest.mark.slow  # a PostgreSQL server


@dataclass(frozen=True)
class Teams:
    service: Service
    north: str  # the logins
    south: str
    head: str
    north_db: Path
    south_db: Path


def publish(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    service: Service,
    login: str,
    db: Path,
) -> None:
    monkeypatch.setenv("PGPASSWORD", f"pw-{login}")
    code, out, err = run(capsys, "publish", "--db", db, "--url", service.url(login), "--json")
    assert (code, err) == (0, ""), err
    assert json.loads(out)["refused"] == []


@pytest.fixture
def teams(
    initialised: Service,
    demo_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Teams:
    north_db = copy_database(demo_template, tmp_path / "north" / "cowork.db")
    south_db = tmp_path / "south.db"
    generate(south_db, cases=120, seed=5, anchor=DEMO_DAY)  # other case references than the demo's
    north = add_login(initialised, capsys, monkeypatch, team="north")
    south = add_login(initialised, capsys, monkeypatch, team="south")
    head = add_login(initialised, capsys, monkeypatch, head=True)
    publish(capsys, monkeypatch, initialised, north, north_db)
    publish(capsys, monkeypatch, initialised, south, south_db)
    monkeypatch.delenv("PGPASSWORD")
    return Teams(initialised, north, south, head, north_db, south_db)


def report(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    teams: Teams,
    login: str,
    *more: object,
    on: str = DEMO_TODAY,
) -> dict[str, Any]:
    monkeypatch.setenv("PGPASSWORD", f"pw-{login}")
    code, out, err = run(
        capsys, "service", "report", "--url", teams.service.url(login), "--on", on, "--json", *more
    )
    assert (code, err) == (0, ""), err
    data: dict[str, Any] = json.loads(out)
    assert (data["schema"], data["command"]) == (1, "service report")
    return data


def laptop_json(
    capsys: pytest.CaptureFixture[str], command: str, db: Path, on: str = DEMO_TODAY
) -> dict[str, Any]:
    code, out, err = run(capsys, command, "--db", db, "--on", on, "--json")
    assert (code, err) == (0, ""), err
    data: dict[str, Any] = json.loads(out)
    return data


def initial_oracle(db: Path, on: date, days: int) -> dict[str, int]:
    """The initial MDRs of the laptop's co-allocations started by ``on``, read with plain sqlite3: held within
    ``days`` working days of the start (the laptop's working calendar), later, not held and past that, not yet
    due (the definition in docs/decisions.md, written again here as the test's oracle)."""
    calendar = load_calendar()
    with sqlite3.connect(db) as conn:
        starts = conn.execute("SELECT id, start_date FROM coallocations").fetchall()
        held = dict(
            conn.execute(
                "SELECT coallocation_id, min(meeting_date) FROM records r WHERE kind = 'initial_meeting'"
                " AND status = 'signed' AND meeting_date <= ? AND NOT EXISTS (SELECT 1 FROM records n"
                " WHERE n.supersedes_id = r.id AND n.status = 'signed') GROUP BY coallocation_id",
                [on.isoformat()],
            ).fetchall()
        )
    found = dict.fromkeys(("within", "late", "not_held", "not_yet_due"), 0)
    for ca, start in starts:
        if date.fromisoformat(start) > on:
            continue
        deadline = calendar.add_working_days(date.fromisoformat(start), days)
        if ca in held:
            found["within" if date.fromisoformat(held[ca]) <= deadline else "late"] += 1
        else:
            found["not_held" if on > deadline else "not_yet_due"] += 1
    return found


def development(db: Path, on: date) -> tuple[int, int, int]:
    """(learners with an entry, entries, active co-allocations with a next review date): every worker's
    development log up to ``on`` and the due facts, as the laptop makes them."""
    store = open_store(db, actor="test")
    try:
        ws = sessions.Workspace.open(store)
        counts = [
            len(insights.development_log(ws, w.id, until=on).entries) for w in store.list_workers() if w.id
        ]
        reviews = sum(1 for _state, facts in sessions.due_inputs(ws, on) if facts.next_review is not None)
    finally:
        store.close()
    return sum(1 for n in counts if n), sum(counts), reviews


def laptop_figures(capsys: pytest.CaptureFixture[str], db: Path, day: str = DEMO_TODAY) -> dict[str, Any]:
    """What the team's laptop says of itself on ``day``, in the report's shape (from its own commands)."""
    on = date.fromisoformat(day)
    due = laptop_json(capsys, "due", db, day)["items"]
    drift = laptop_json(capsys, "drift", db, day)["coallocations"]
    promises = laptop_json(capsys, "promises", db, day)["total"]

    def count(kind: str, severity: str) -> int:
        return sum(1 for i in due if i["kind"] == kind and i["severity"] == severity)

    ages = sorted(
        ((on - date.fromisoformat(i["due_date"])).days for i in due if i["severity"] == "urgent"),
        reverse=True,
    )
    learners, entries, reviews = development(db, on)
    overdue = count("review", "overdue")
    return {
        "coworked_cases": len({d["case_reference"] for d in drift}),
        "active_coallocations": len(drift),
        "initial_overdue_now": count("initial_meeting", "overdue"),
        "reviews": {"expected": reviews, "on_time": reviews - overdue, "overdue": overdue},
        "supervisions_missed": sum(d["supervisions_missed"] for d in drift),
        "urgent_issues": {
            "open": len(ages),
            "oldest_days": ages[0] if ages else None,
            "median_days": statistics.median(ages) if ages else None,
        },
        "drift": {
            "drifting": sum(1 for d in drift if d["band"] == "drifting"),
            "watch": sum(1 for d in drift if d["band"] == "watch"),
            "on_track": sum(1 for d in drift if d["band"] == "on track"),
            "score_total": sum(d["score"] for d in drift),
        },
        "promises": promises,
        "development": {"learners": learners, "entries": entries},
    }


def reported(figures: dict[str, Any]) -> dict[str, Any]:
    """The report's figures for a team, in the shape of :func:`laptop_figures`."""
    return {
        "coworked_cases": figures["coworked_cases"],
        "active_coallocations": figures["active_coallocations"],
        "initial_overdue_now": figures["initial_mdr"]["overdue_now"],
        "reviews": {k: figures["reviews"][k] for k in ("expected", "on_time", "overdue")},
        "supervisions_missed": figures["reviews"]["supervisions_missed"],
        "urgent_issues": figures["urgent_issues"],
        "drift": figures["drift"],
        "promises": figures["promises"],
        "development": figures["development"],
    }


def by_team(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["team"]: t for t in data["teams"]}


def test_each_teams_figures_are_its_laptops_own(
    teams: Teams, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = report(capsys, monkeypatch, teams, teams.head)
    assert data["head_of_service"] is True and data["on"] == DEMO_TODAY
    assert data["initial_mdr_working_days"] == 5
    found = by_team(data)
    assert sorted(found) == ["north", "south"]
    for team, db in (("north", teams.north_db), ("south", teams.south_db)):
        laptop = laptop_figures(capsys, db)
        assert reported(found[team]) == laptop, team
        initial = found[team]["initial_mdr"]
        assert {k: initial[k] for k in ("within", "late", "not_held", "not_yet_due")} == initial_oracle(
            db, DEMO_DAY, 5
        )
    # the demo and the generated service between them show every figure at work (none is trivially zero)
    north, south = found["north"], found["south"]
    assert north["urgent_issues"]["open"] > 0 and north["drift"]["drifting"] > 0
    assert north["initial_mdr"]["overdue_now"] > 0 and north["reviews"]["overdue"] > 0
    assert (
        north["promises"]["on_time"] > 0
        and north["promises"]["not_done"] > 0
        and south["promises"]["counted"] > 0
    )
    assert north["development"]["entries"] > 0 and south["development"]["entries"] > 0
    assert south["initial_mdr"]["within"] > 0 and south["reviews"]["on_time"] > 0
    # the service's total is the teams' sum (medians and learners aside, which are not sums)
    service = data["service"]
    assert service["team"] is None
    for key in ("coworked_cases", "active_coallocations"):
        assert service[key] == north[key] + south[key]
    for group, key in (("drift", "score_total"), ("promises", "on_time"), ("promises", "late"),
                       ("urgent_issues", "open"), ("initial_mdr", "within"), ("development", "entries")):  # fmt: skip
        assert service[group][key] == north[group][key] + south[group][key], (group, key)


def test_another_day_and_another_deadline_agree_with_the_laptop(
    teams: Teams, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A past day, and the initial MDR due within 2 working days: the laptop set to 2 days says the same."""
    day = "2026-10-01"
    monkeypatch.setenv("COWORK_DATA_DIR", str(teams.north_db.parent / "data"))
    code, _out, err = run(capsys, "settings", "--db", teams.north_db, "--set", "initial_meeting_days=2")
    assert (code, err) == (0, ""), err
    data = report(capsys, monkeypatch, teams, teams.north, "--initial-days", "2", on=day)
    assert data["initial_mdr_working_days"] == 2
    north = by_team(data)["north"]
    assert reported(north) == laptop_figures(capsys, teams.north_db, day)
    initial = north["initial_mdr"]
    assert {k: initial[k] for k in ("within", "late", "not_held", "not_yet_due")} == initial_oracle(
        teams.north_db, date.fromisoformat(day), 2
    )


def test_the_report_runs_the_laptops_rules_not_its_own(
    teams: Teams, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Change the drift rule (its weights and the band's threshold) and the laptop's and the service's figures
    move together: a report with a drift rule of its own would keep its old figures, and no longer agree."""
    before = by_team(report(capsys, monkeypatch, teams, teams.head))["north"]["drift"]
    monkeypatch.setitem(domain_insights.DRIFT_WEIGHTS, "flagged_reviews", 40)
    monkeypatch.setitem(domain_insights.DRIFT_WEIGHTS, "actions_overdue", 7)
    monkeypatch.setattr(domain_insights, "DRIFTING_FROM", 60)
    after = by_team(report(capsys, monkeypatch, teams, teams.head))
    for team, db in (("north", teams.north_db), ("south", teams.south_db)):
        assert after[team]["drift"] == laptop_figures(capsys, db)["drift"], team
    assert after["north"]["drift"] != before


def test_a_managers_login_reports_its_team_only(
    teams: Teams, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = report(capsys, monkeypatch, teams, teams.south)
    assert data["head_of_service"] is False and data["login"] == teams.south
    assert [t["team"] for t in data["teams"]] == ["south"]
    south = data["teams"][0]
    assert reported(south) == laptop_figures(capsys, teams.south_db)
    assert {**data["service"], "team": "south"} == south  # the service, as this login sees it: its team


def test_csv_text_and_html(
    teams: Teams, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PGPASSWORD", f"pw-{teams.head}")
    url = teams.service.url(teams.head)
    figures = by_team(report(capsys, monkeypatch, teams, teams.head))

    code, out, err = run(capsys, "service", "report", "--url", url, "--on", DEMO_TODAY, "--csv")
    assert (code, err) == (0, ""), err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["team"] for r in rows] == ["north", "south", ""]
    assert int(rows[0]["urgent_open"]) == figures["north"]["urgent_issues"]["open"]
    assert float(rows[1]["promises_share_kept"]) == figures["south"]["promises"]["share_kept"]
    assert {r["on"] for r in rows} == {DEMO_TODAY}

    code, out, err = run(capsys, "service", "report", "--url", url, "--on", DEMO_TODAY)
    assert (code, err) == (0, ""), err
    assert "Whole service" in out and "Urgent issues open" in out and teams.head in out

    page = tmp_path / "report.html"
    code, out, err = run(capsys, "service", "report", "--url", url, "--on", DEMO_TODAY, "--html", page)
    assert (code, err) == (0, ""), err
    assert str(page) in out
    assert stat.S_IMODE(page.stat().st_mode) == 0o600
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<html lang="en-GB">' in text
    assert "<caption>" in text and text.count('<th scope="col">') == 4 and '<th scope="row">' in text
    assert "<script" not in text and "http" not in text  # self-contained
    # counts only: no case reference, worker or child appears
    with sqlite3.connect(teams.north_db) as conn:
        names = [r[0] for r in conn.execute("SELECT reference FROM cases UNION ALL SELECT name FROM workers")]
        initials = [
            r[0] for r in conn.execute("SELECT children_initials FROM cases WHERE children_initials <> ''")
        ]
    assert names and not [n for n in names if n in text]
    assert initials and not [i for i in initials if f" {i} " in text]

    # an existing file is kept unless --force
    before = page.read_bytes()
    code, _out, err = run(capsys, "service", "report", "--url", url, "--html", page)
    assert code == 1
    assert_one_line_error(err, "exists")
    assert page.read_bytes() == before
    code, _out, err = run(
        capsys, "service", "report", "--url", url, "--on", "2026-10-01", "--html", page, "--force"
    )
    assert (code, err) == (0, ""), err
    assert page.read_bytes() != before


def test_refusals_are_one_line(
    teams: Teams, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    service = teams.service
    # a password in the URL is refused before anything is sent
    host, port = service.cluster.host, service.cluster.port
    code, _out, err = run(
        capsys,
        "service",
        "report",
        "--url",
        f"postgresql://{teams.head}:secret@{host}:{port}/{service.dbname}",
    )
    assert code == 1
    assert_one_line_error(err, "password")
    assert "secret" not in err
    # nothing listens there
    code, _out, err = run(capsys, "service", "report", "--url", "postgresql://nobody@127.0.0.1:1/none")
    assert code == 1
    assert_one_line_error(err, "cannot reach the service")
    # a wrong password
    monkeypatch.setenv("PGPASSWORD", "not-it")
    code, _out, err = run(capsys, "service", "report", "--url", service.url(teams.head))
    assert code == 1
    assert_one_line_error(err, "cannot reach the service")
    # the schema's owner-to-be: the administrator is neither a manager nor a head of service
    code, _out, err = run(capsys, "service", "report", "--url", service.admin_url)
    assert code == 1
    assert_one_line_error(err, "neither a team's manager nor a head of service")
    # a database with no service schema at all
    empty = Service(service.cluster, f"{service.dbname}_empty")
    with psycopg.connect(service.cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {empty.dbname}")
    code, _out, err = run(capsys, "service", "report", "--url", empty.admin_url)
    assert code == 1
    assert_one_line_error(err, "the service refused")
    # the command line's own mistakes
    for argv, words in (
        (["--initial-days", "0"], "--initial-days"),
        (["--json", "--csv"], "not allowed"),
        (["--html", "report.txt"], ".html"),
    ):
        code, _out, err = run(capsys, "service", "report", "--url", service.url(teams.head), *argv)
        assert code == 2, argv
        assert_one_line_error(err, words)


def test_a_service_published_before_m004_reports_the_same_after_it(
    pg_database: Service,
    demo_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """m004 derives each record's answers from its signed content for the records already there, and for those
    published after it; nobody can write them."""
    monkeypatch.setattr(admin, "MIGRATIONS", MIGRATIONS[:2])
    code, out, err = run(capsys, "service", "init", "--url", pg_database.admin_url)
    assert (code, err) == (0, "") and "m004" not in out
    north = add_login(pg_database, capsys, monkeypatch, team="north")
    db = copy_database(demo_template, tmp_path / "north.db")
    publish(capsys, monkeypatch, pg_database, north, db)
    monkeypatch.setattr(admin, "MIGRATIONS", MIGRATIONS)
    code, out, err = run(capsys, "service", "init", "--url", pg_database.admin_url)
    assert (code, err) == (0, "") and "applied m004_record_answers" in out
    teams = Teams(pg_database, north, "", "", db, db)
    assert reported(report(capsys, monkeypatch, teams, north)["teams"][0]) == laptop_figures(capsys, db)
    with psycopg.connect(pg_database.admin_url, options="-c search_path=cowork") as conn:
        differ = conn.execute(
            "SELECT count(*) FILTER (WHERE answers IS DISTINCT FROM content::jsonb -> 'answers'"
            " OR linked_record_id IS DISTINCT FROM (content::jsonb ->> 'linked_record_id')::bigint),"
            " count(*) FILTER (WHERE linked_record_id IS NOT NULL), count(*) FROM records"
        ).fetchone()
    assert differ is not None and differ[0] == 0 and differ[1] > 0 and differ[2] > 10
    with login(pg_database, north) as conn, pytest.raises(psycopg.Error, match="answers"):
        conn.execute(
            "INSERT INTO records (content_hash, team, source, local_id, case_reference, coallocation_id, kind,"
            " meeting_date, version, form_id, form_version, canon, content, answers) SELECT repeat('a', 64),"
            " team, source, local_id + 1000, case_reference, coallocation_id, kind, meeting_date, version,"
            " form_id, form_version, canon, content, '{}' FROM records LIMIT 1"
        )


def test_the_answers_the_report_reads_give_the_facts_all_answers_give(
    demo_template: Path, tmp_path: Path
) -> None:
    """The report reads only some answers of each record (:func:`service_report.answer_keys`): extract_facts
    gives the same facts from them as from every answer, for every signed record of the demo and of a
    generated service."""
    generated = tmp_path / "generated.db"
    generate(generated, cases=60, seed=3, anchor=DEMO_DAY)
    checked = 0
    for db in (demo_template, generated):
        store = open_store(copy_database(db, tmp_path / f"{db.stem}-copy.db"), actor="test")
        try:
            forms = store.form_definitions()
            keys = service_report.answer_keys(forms.values())
            for form_key, answers in (
                ((r["form_id"], r["form_version"]), json.loads(r["answers"]))
                for r in store.db.query(
                    "SELECT form_id, form_version, answers FROM records WHERE status = 'signed'"
                )
            ):
                form = forms[form_key]
                subset = {k: v for k, v in answers.items() if k in keys}
                assert extract_facts(form, subset) == extract_facts(form, answers)
                checked += 1
        finally:
            store.close()
    assert checked > 500
