"""Insights: the rules on small hand-made inputs, a small case built through the real sessions, and the demo data.

Every expected figure below is worked out by hand in the comments (from the fixture, or from the demo's
definition in ``services/demo.py``), not read back from the code under test.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers.records import draft_amendment_of_the_initial_meeting, signed_by_everyone
from helpers.small_case import ON

from cowork_desktop.domain.cadence import CadenceStatus, cadence, tolerance_days
from cowork_desktop.domain.dates import WorkingCalendar
from cowork_desktop.domain.due import CoAllocationState, RecordFacts, RecordSummary, due_items_for
from cowork_desktop.domain.errors import FormError
from cowork_desktop.domain.insights import (
    DriftBand,
    Outcome,
    PcfDomain,
    action_outcome,
    discussion_cadence,
    drift_for,
    drift_score,
    explicit_domains,
    ladder_trend,
    missed_sentence,
    redact_initials,
    split_entries,
    suggest_domains,
)
from cowork_desktop.domain.models import Reason, RecordKind, RecordStatus, Role, learner_ids
from cowork_desktop.forms.loader import load_forms
from cowork_desktop.forms.pcf import default_pcf_file, domains_from_dict, load_pcf_domains
from cowork_desktop.services import insights
from cowork_desktop.services.sessions import Workspace

D = date.fromisoformat
PCF = load_pcf_domains()


# ------------------------------------------------------------------------------------------- PCF data file


def test_the_shipped_file_has_the_nine_domains_in_order() -> None:
    assert [d.title for d in PCF] == [
        "Professionalism",
        "Values and ethics",
        "Diversity and equality",
        "Rights, justice and economic wellbeing",
        "Knowledge",
        "Critical reflection and analysis",
        "Skills and interventions",
        "Contexts and organisations",
        "Professional leadership",
    ]
    assert all(d.description and d.keywords for d in PCF)
    assert default_pcf_file().name == "_pcf_domains.toml"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"version": 1, "domains": []}, "at least one"),
        ({"domains": [{"id": "a", "title": "A"}]}, "version"),
        ({"version": 1, "domains": [{"id": "Bad Id", "title": "A"}]}, "lower_case"),
        ({"version": 1, "domains": [{"id": "a", "title": "A", "colour": "red"}]}, "unknown key colour"),
        ({"version": 1, "domains": [{"id": "a", "title": "A"}, {"id": "a", "title": "B"}]}, "duplicate id"),
        ({"version": 1, "domains": [{"id": "a", "title": "A", "keywords": ["x", "X"]}]}, "twice"),
        ({"version": 1, "domains": [{"id": "a", "title": ""}]}, "title"),
    ],
)
def test_a_bad_pcf_file_is_one_clear_error(data: dict[str, Any], words: str) -> None:
    with pytest.raises(FormError, match=words) as caught:
        domains_from_dict(data, "team/_pcf_domains.toml")
    assert str(caught.value).startswith("team/_pcf_domains.toml")


def test_an_unreadable_pcf_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "_pcf_domains.toml"
    bad.write_text("version = [", encoding="utf-8")
    with pytest.raises(FormError, match="not valid TOML"):
        load_pcf_domains(bad)
    with pytest.raises(FormError, match="cannot read"):
        load_pcf_domains(tmp_path / "missing.toml")


# ------------------------------------------------------------------------------------------- learning rules


def test_entries_are_lines_without_bullets() -> None:
    text = (
        "- Chaired the core group\n\n* Led a home visit\n2. Presented to court\n• Wrote the assessment\nPlain"
    )
    assert split_entries(text) == [
        "Chaired the core group",
        "Led a home visit",
        "Presented to court",
        "Wrote the assessment",
        "Plain",
    ]


def ids(*titles: str) -> tuple[str, ...]:
    by_title = {d.title: d.id for d in PCF}
    return tuple(by_title[t] for t in titles)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Observed the experienced worker chairing a meeting",
            ("Skills and interventions", "Professional leadership"),
        ),
        ("Led a home visit with support", ("Skills and interventions",)),
        ("Leads a home visit with support", ("Skills and interventions", "Professional leadership")),
        (
            "Presented to court under supervision",
            ("Professionalism", "Knowledge", "Skills and interventions", "Professional leadership"),
        ),
        ("Wrote an assessment with the co-worker", ("Skills and interventions",)),
        ("Reflected on the family's culture", ("Diversity and equality", "Critical reflection and analysis")),
        ("Nothing that matches", ()),
    ],
)
def test_keywords_suggest_domains_at_the_start_of_words(text: str, expected: tuple[str, ...]) -> None:
    # "Led" does not start with "lead"; "supervision" is Professionalism; "presented to" is leadership
    assert suggest_domains(text, PCF) == ids(*expected)


def _one_keyword_at_a_time(text: str, domains: Sequence[PcfDomain]) -> tuple[str, ...]:
    """The rule as written: a domain's keyword (its words separated by any spaces) starts a word of the text."""

    def starts_a_word(keyword: str) -> bool:
        words = r"\s+".join(re.escape(w) for w in keyword.split())
        return re.search(r"(?<![\w'])" + words, text, re.IGNORECASE) is not None

    return tuple(d.id for d in domains if any(starts_a_word(k) for k in d.keywords))


@pytest.mark.parametrize(
    "text",
    [
        "Chaired the CORE\tGROUP and the core\ngroup",
        "Chaired the coregroup",
        "Worked with the family\u2019s culture and the family's culture",
        "The worker's reflection; o'reflection",
        "\u212anowledge of the law (a Kelvin sign for the K)",
        "A ſupervision (a long s) and a supervision",
        "Zoë Ó Súilleabháin modelled Analysis of risk",
        "",
        "no match at all here",
    ],
)
def test_domains_are_suggested_as_the_rule_says_whatever_the_text(text: str) -> None:
    """The keyword patterns are compiled once a domain, and a text none of a domain's keywords appears in is not
    searched: the same domains as the rule checked one keyword at a time, in any script or case."""
    custom = (*PCF, PcfDomain("odd", "Odd", keywords=("ſupervision", "core   group", "\u212anowledge")))
    assert suggest_domains(text, custom) == _one_keyword_at_a_time(text, custom)


def test_an_entry_can_name_its_domains() -> None:
    found = explicit_domains("Present to court [PCF: Knowledge; skills_and_interventions, nonsense]", PCF)
    assert found is not None
    chosen, rest = found
    assert chosen == ids("Knowledge", "Skills and interventions") and rest == "Present to court"
    assert explicit_domains("No tag here", PCF) is None


def test_childrens_initials_are_removed() -> None:
    assert redact_initials("Visited AB and CD; ABC stays", "AB, CD") == (
        "Visited [initials removed] and [initials removed]; ABC stays"
    )
    assert redact_initials("Visited AB", "") == "Visited AB"


def test_who_is_the_less_experienced_worker() -> None:
    assert learner_ids({1: Role.SENIOR_PRACTITIONER, 2: Role.STUDENT}, 1) == (2,)
    assert learner_ids({1: Role.ASYE, 2: Role.STUDENT}, 1) == (1, 2)
    assert learner_ids({1: Role.SOCIAL_WORKER, 2: Role.SOCIAL_WORKER}, 1, [Reason.COMPLEXITY]) == ()
    assert learner_ids({1: Role.SOCIAL_WORKER, 2: Role.SOCIAL_WORKER}, 1, [Reason.DEVELOPMENT]) == (2,)


# -------------------------------------------------------------------------------------------------- cadence


def test_cadence_matches_held_dates_within_less_than_half_an_interval() -> None:
    # every 2 weeks from Monday 5 Jan 2026: expected 19 Jan, 2 Feb, 16 Feb, 2 Mar; tolerance (14 - 1) // 2 = 6 days
    held = [D("2026-01-20"), D("2026-01-22"), D("2026-02-20"), D("2025-12-01")]
    c = cadence("FREQ=WEEKLY;INTERVAL=2", D("2026-01-05"), held, D("2026-03-10"))
    assert c is not None and c.tolerance_days == 6
    assert [(p.expected, p.status, p.held) for p in c.points] == [
        (D("2026-01-19"), CadenceStatus.HELD, D("2026-01-20")),  # nearest of 20 and 22 Jan
        (D("2026-02-02"), CadenceStatus.MISSED, None),  # 22 Jan is 11 days away; window closed 8 Feb
        (D("2026-02-16"), CadenceStatus.HELD, D("2026-02-20")),
        (D("2026-03-02"), CadenceStatus.MISSED, None),  # window closed 8 Mar, before 10 Mar
    ]
    assert c.extra_held == (D("2026-01-22"),)  # 1 Dec 2025 is before the initial meeting: ignored
    assert (c.held_count, c.missed_count, c.pending_count, c.share_held) == (2, 2, 0, 0.5)
    assert c.next_expected == D("2026-03-16") and c.description == "every 2 weeks"

    # looked at on 5 Mar, the 2 Mar window (to 8 Mar) is still open: pending, not missed
    earlier = cadence("FREQ=WEEKLY;INTERVAL=2", D("2026-01-05"), held, D("2026-03-05"))
    assert earlier is not None and earlier.points[-1].status == CadenceStatus.PENDING


def test_cadence_tolerance_and_end() -> None:
    assert tolerance_days("FREQ=MONTHLY", D("2026-01-31")) == 13  # 31 Jan + 1 month = 28 Feb: 28 days
    assert tolerance_days("FREQ=MONTHLY", D("2026-03-01")) == 15  # 31 days
    assert tolerance_days("FREQ=WEEKLY;INTERVAL=2", D("2026-03-01")) == 6
    assert tolerance_days("FREQ=WEEKLY", D("2026-03-01")) == 3
    # ended on 20 Jan: nothing expected after it
    c = cadence("FREQ=WEEKLY", D("2026-01-05"), [], D("2026-03-01"), end=D("2026-01-20"))
    assert c is not None and [p.expected for p in c.points] == [D("2026-01-12"), D("2026-01-19")]
    assert cadence("not a rule", D("2026-01-05"), [], D("2026-03-01")) is None


# ------------------------------------------------------------------------------------------ drift, promises


def test_drift_score_formula() -> None:
    assert drift_score(0, 0, 0, 0) == 0
    assert drift_score(3, 18, 0, 0) == 2 * 3 + 2  # 18 days: 2 whole weeks
    assert drift_score(1, 6, 2, 4, initial_meeting_overdue=True) == 2 + 0 + 6 + 4 + 5


# looked at on 10 Apr 2026
@pytest.mark.parametrize(
    ("due", "done", "not_done_on", "expected"),
    [
        ("2026-03-10", "2026-03-09", [], Outcome.ON_TIME),
        # confirmed at the first look after it fell due
        ("2026-03-10", "2026-03-24", [], Outcome.ON_TIME),
        # a record dated after the due date had found it not done
        ("2026-03-10", "2026-04-07", ["2026-03-24"], Outcome.LATE),
        # "not done" before it was due is fair
        ("2026-03-10", "2026-04-07", ["2026-03-03"], Outcome.ON_TIME),
        ("2026-03-10", None, [], Outcome.NOT_DONE),
        ("2026-04-30", None, [], Outcome.NOT_YET_DUE),
        # done after the day looked at: not known yet
        ("2026-03-10", "2026-04-20", [], Outcome.NOT_DONE),
    ],
)
def test_action_outcome(due: str, done: str | None, not_done_on: list[str], expected: Outcome) -> None:
    on = D("2026-04-10")
    assert action_outcome(D(due), D(done) if done else None, on, [D(v) for v in not_done_on]) == expected


def test_ladder_trend_uses_the_choices_order() -> None:
    rungs = ("Conflict", "Competition", "Co-existence", "Compliance", "Co-operation")
    points = ladder_trend(
        [(D("2026-02-01"), 7, "Co-operation"), (D("2026-01-01"), 3, "Conflict"), (D("2026-03-01"), 9, "?")],
        rungs,
    )
    assert [(p.meeting_date, p.rung, p.label) for p in points] == [
        (D("2026-01-01"), 0, "Conflict"),
        (D("2026-02-01"), 4, "Co-operation"),
    ]


# ------------------------------------------------------------------------- a small case, through the sessions


def test_small_case_cadence_drift_and_ladder(ws: Workspace, small: dict[str, int]) -> None:
    view = insights.case_insights(ws, small["case"], ON)
    d = view.discussions
    # weekly from 2 Nov, tolerance 3 days: 9 Nov (held 10th), 16 (missed), 23 (held 24th), 30 Nov, 7, 14, 21,
    # 28 Dec (5 missed), 4 Jan (window to 7 Jan still open on 6 Jan: pending): 2 held, 6 missed, 1 pending
    assert d is not None and d.tolerance_days == 3
    assert [p.held for p in d.points if p.held] == [D("2026-11-10"), D("2026-11-24")]
    assert (d.held_count, d.missed_count, d.pending_count) == (2, 6, 1)
    assert d.missed[:2] == (D("2026-11-16"), D("2026-11-30"))
    s = view.supervision
    # every 4 weeks from 2 Nov: 30 Nov and 28 Dec, both held by the reviews of those days
    assert s is not None and (s.held_count, s.missed_count, s.next_expected) == (2, 0, D("2027-01-25"))
    drift = view.drift
    # 2 x 6 missed + 0 weeks overdue (next review 25 Jan) + 3 x 1 flagged review + 0 actions overdue = 15
    assert drift is not None
    assert (
        drift.discussions_missed,
        drift.review_overdue_days,
        drift.flagged_reviews,
        drift.actions_overdue,
    ) == (
        6,
        0,
        1,
        0,
    )
    assert drift.score == 15 and drift.band == DriftBand.DRIFTING
    assert [(p.meeting_date, p.rung, p.label) for p in view.ladder] == [
        (D("2026-11-30"), 2, "Co-existence"),
        (D("2026-12-28"), 6, "Collaboration"),
    ]
    assert len(view.ladder_rungs) == 9 and view.ladder_rungs[-1] == "Full partnership"
    assert insights.partnership_trend(ws, small["case"])[1] == list(view.ladder)


def test_small_case_promises(ws: Workspace, small: dict[str, int]) -> None:
    kept = insights.case_promises(ws, small["case"], ON)
    # A1 (Zoë) done 30 Nov: on time (nothing found it not done after 9 Nov). A2 (Łukasz) due 16 Nov: the 30 Nov
    # review found it not done, done 28 Dec: late. A3 (Łukasz) and A4 (Zoë) done 28 Dec: on time.
    assert (kept.total.on_time, kept.total.late, kept.total.not_done, kept.total.not_yet_due) == (3, 1, 0, 0)
    assert kept.total.share_kept == 0.75
    zoe, lukasz = kept.by_worker[small["experienced"]], kept.by_worker[small["student"]]
    assert (zoe.on_time, zoe.counted, lukasz.on_time, lukasz.late) == (2, 2, 1, 1)
    assert lukasz.share_kept == 0.5
    # looked at on 20 Nov: A1 done (on time), A2 due 16 Nov and still open: not done; nothing else agreed yet
    early = insights.case_promises(ws, small["case"], D("2026-11-20")).total
    assert (early.on_time, early.late, early.not_done, early.not_yet_due) == (0, 0, 2, 0)


def test_small_case_development_log(ws: Workspace, small: dict[str, int]) -> None:
    log = insights.development_log(ws, small["student"])
    assert [(e.meeting_date.isoformat(), e.record_kind, e.text) for e in log.entries] == [
        ("2026-11-02", "initial_meeting", "Observe Zoë chairing the core group"),
        ("2026-11-02", "initial_meeting", "Lead a home visit with support"),
        ("2026-11-02", "initial_meeting", "Present to court under supervision"),
        ("2026-11-10", "reflective_discussion", "Reflected on how [initials removed] responded to challenge"),
        ("2026-11-24", "reflective_discussion", "Learned how the Children Act 1989 thresholds apply"),
        ("2026-11-30", "review", "Wrote the assessment with the co-worker"),
        ("2026-12-28", "review", "Growing in confidence; now contributes to analysis in the assessment."),
    ]
    assert {e.case_reference for e in log.entries} == {"CR-100234"}
    assert [e.explicit for e in log.entries].count(True) == 1
    counts = {g.title: len(g.entries) for g in log.by_domain()}
    # by hand from the keywords: chair/core group/chair; home visit/lead; [explicit] Knowledge+Skills;
    # reflect+challeng; children act+threshold; wrote+assessment; confiden+analys+assessment
    assert counts == {
        "Professionalism": 1,
        "Values and ethics": 0,
        "Diversity and equality": 0,
        "Rights, justice and economic wellbeing": 0,
        "Knowledge": 2,
        "Critical reflection and analysis": 2,
        "Skills and interventions": 6,
        "Contexts and organisations": 1,
        "Professional leadership": 2,
    }
    assert log.period == (D("2026-11-02"), D("2026-12-28"))
    assert [m for m, _ in log.over_time()] == ["2026-11", "2026-12"]
    # the experienced worker is not the learner here: nothing
    assert insights.development_log(ws, small["experienced"]).entries == ()
    # a period
    part = insights.development_log(ws, small["student"], since=D("2026-11-20"), until=D("2026-11-30"))
    assert [e.meeting_date for e in part.entries] == [D("2026-11-24"), D("2026-11-30")]


def test_an_amended_record_counts_once(ws: Workspace, small: dict[str, int]) -> None:
    amended = draft_amendment_of_the_initial_meeting(ws, small["case"])
    assert amended.id is not None
    signed_by_everyone(ws, amended.id)
    texts = [
        e.text
        for e in insights.development_log(ws, small["student"]).entries
        if e.record_kind == "initial_meeting"
    ]
    assert texts == ["Chair the core group with support"]


# ------------------------------------------------------------------------------------------------ the demo

TODAY = D("2026-11-23")


def test_demo_team_drift(demo_ws: Workspace) -> None:
    """By hand from services/demo.py, T = today; discussions every 2 weeks (tolerance 7), first review 6 weeks on.

    0107: initial T-70, discussion T-3 -> expected T-56, -42, -28, -14 missed, T held: D=4; its review flagged a
          delay: F=1; 2x4 + 3 = 11.
    0105: initial T-60, discussion T-6 -> T-46, -32, -18 missed, T-4 held: D=3; first review due T-18: 18 days,
          2 weeks: 6 + 2 = 8.
    0106: initial T-50, discussion T-4 -> T-36, -22 missed, T-8 held: D=2; review flagged a disagreement: 4 + 3 = 7.
    0102: no initial meeting 21 days after co-allocation: 5.
    0109: initial T-45, discussion T-5 -> T-31, -17 missed, T-3 held: D=2; one action (due T-17) not done: 4+1 = 5.
    0104: initial T-39, discussion T-5 -> T-25 missed, T-11 held: 2.  0108: initial T-30 -> T-16 missed: 2.
    0101, 0103, 0111, 0112: 0.  0110 ended ten days ago: not in the team view.
    """
    found = [(d.case_reference, d.score) for d in insights.team_drift(demo_ws, TODAY)]
    assert found == [
        ("CR-2026-0107", 11),
        ("CR-2026-0105", 8),
        ("CR-2026-0106", 7),
        ("CR-2026-0102", 5),
        ("CR-2026-0109", 5),
        ("CR-2026-0104", 2),
        ("CR-2026-0108", 2),
        ("CR-2026-0101", 0),
        ("CR-2026-0103", 0),
        ("CR-2026-0111", 0),
        ("CR-2026-0112", 0),
    ]
    by_ref = {d.case_reference: d for d in insights.team_drift(demo_ws, TODAY)}
    assert by_ref["CR-2026-0105"].review_overdue_days == 18
    assert by_ref["CR-2026-0102"].initial_meeting_overdue
    assert by_ref["CR-2026-0109"].actions_overdue == 1
    assert (
        by_ref["CR-2026-0112"].band == DriftBand.ON_TRACK and by_ref["CR-2026-0104"].band == DriftBand.WATCH
    )
    ca = demo_ws.store.coallocations_for_case(demo_ws.store.find_case("CR-2026-0107").id or 0)[0]
    assert ca.id is not None
    one = insights.coallocation_drift(demo_ws, ca.id, TODAY)
    assert one is not None and one.score == 11


def test_demo_case_page(demo_ws: Workspace) -> None:
    case = demo_ws.store.find_case("CR-2026-0107")
    assert case.id is not None
    view = insights.case_insights(demo_ws, case.id, TODAY)
    d = view.discussions
    assert d is not None
    assert [(p.expected, p.status) for p in d.points] == [
        (TODAY - timedelta(days=56), CadenceStatus.MISSED),
        (TODAY - timedelta(days=42), CadenceStatus.MISSED),
        (TODAY - timedelta(days=28), CadenceStatus.MISSED),
        (TODAY - timedelta(days=14), CadenceStatus.MISSED),
        (TODAY, CadenceStatus.HELD),
    ]
    assert d.points[-1].held == TODAY - timedelta(days=3)
    # one review (T-28), answered "Collaboration" (POSITIVE_REVIEW): rung 6
    assert [(p.meeting_date, p.rung) for p in view.ladder] == [(TODAY - timedelta(days=28), 6)]
    # ended co-working still has its cadence, but no drift
    ended = demo_ws.store.find_case("CR-2026-0110")
    assert ended.id is not None
    past = insights.case_insights(demo_ws, ended.id, TODAY)
    assert past.drift is None and past.discussions is not None


def test_demo_promises(demo_ws: Workspace) -> None:
    """By hand: initial-meeting actions fall due 2 and 4 weeks after it; a review marks the open ones done.

    0106: 2 done at the review (on time). 0107: 2 done at the review (on time). 0109: 1 done, 1 found not done
    and still open: 1 of 2. 0110: initial's 2 done at the review; the review's 2 (due T-59, T-45) never reviewed
    (co-working closed): 2 of 4. Everything else is not yet due. Team: 7 of 10.
    """
    kept = insights.team_promises(demo_ws, TODAY)
    shares = {ref: (t.on_time, t.counted) for ref, t in kept.by_case.items() if t.counted}
    assert shares == {
        "CR-2026-0106": (2, 2),
        "CR-2026-0107": (2, 2),
        "CR-2026-0109": (1, 2),
        "CR-2026-0110": (2, 4),
    }
    assert (kept.total.on_time, kept.total.not_done, kept.total.late) == (7, 3, 0)
    names = {w.id: w.name for w in demo_ws.store.list_workers()}
    workers = {
        names[w]: (t.on_time, t.counted) for w, t in kept.by_worker.items() if w is not None and t.counted
    }
    # owners alternate experienced, other: 0106 Daniel/Tomás, 0107 Siobhán/Aisha, 0109 Tomás/Łukasz,
    # 0110 Daniel/Mei Lin (twice)
    assert workers == {
        "Daniel Mensah": (2, 3),
        "Tomás García-Núñez": (2, 2),
        "Siobhán Nic Giolla Phádraig": (1, 1),
        "عائشة خان": (1, 1),
        "Łukasz Wiśniewski": (0, 1),
        "Mei Lin Chen": (1, 2),
    }


def test_demo_development_logs(demo_ws: Workspace) -> None:
    """Learners: Priya (0103, 0108: initial meetings), Mei Lin (0105: initial + discussion; 0110: initial, review,
    closing), Łukasz (0109: initial, review, discussion), Aisha (0107: initial, review, discussion). 0103's first
    version was amended: counted once."""
    expected = {
        "Priya Raman": ["CR-2026-0108", "CR-2026-0103"],
        "Mei Lin Chen": ["CR-2026-0110", "CR-2026-0110", "CR-2026-0105", "CR-2026-0110", "CR-2026-0105"],
        "Łukasz Wiśniewski": ["CR-2026-0109"] * 3,
        "عائشة خان": ["CR-2026-0107"] * 3,
        "Zoë Ó Súilleabháin": [],
        "Daniel Mensah": [],
    }
    for name, refs in expected.items():
        worker = demo_ws.store.find_worker(name)
        assert worker.id is not None
        log = insights.development_log(demo_ws, worker.id)
        assert [e.case_reference for e in log.entries] == refs, name
    mei = insights.development_log(demo_ws, demo_ws.store.find_worker("Mei Lin Chen").id or 0)
    assert [e.record_kind for e in mei.entries] == [
        "initial_meeting",
        "review",
        "initial_meeting",
        "closing",
        "reflective_discussion",
    ]
    groups = {g.title: len(g.entries) for g in mei.by_domain()}
    # the demo's sentences: initial (skills, contexts, leadership), review (professionalism, critical, skills),
    # closing (professionalism, skills, leadership), discussion (skills)
    assert (
        groups["Skills and interventions"],
        groups["Professional leadership"],
        groups["Professionalism"],
    ) == (5, 3, 2)
    assert (
        groups["Contexts and organisations"],
        groups["Critical reflection and analysis"],
        groups["Knowledge"],
    ) == (
        2,
        1,
        0,
    )


def test_domains_come_from_the_forms_folder_in_use(tmp_path: Path, demo_ws: Workspace) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    for form in demo_ws.forms:
        (folder / Path(form.source_file).name).write_bytes(Path(form.source_file).read_bytes())
    (folder / "_pcf_domains.toml").write_text(
        'version = 1\n[[domains]]\nid = "only"\ntitle = "Only"\nkeywords = ["core group"]\n', encoding="utf-8"
    )
    ws = Workspace(demo_ws.store, load_forms(folder), demo_ws.calendar)
    assert insights.load_domains(ws) == (PcfDomain("only", "Only", "", ("core group",)),)


# ----------------------------------------------------------------------------- counting at the boundaries


FIRST_OF_DECEMBER = D("2026-12-01")


def _state_with(*records: RecordSummary, start: date = FIRST_OF_DECEMBER) -> CoAllocationState:
    state = CoAllocationState(1, 1, "CR-2026-0900", start, None, ("A", "B"))
    state.records.extend(records)
    return state


def _signed_summary(
    record_id: int, kind: RecordKind, day: date, discussion: str = "", supervision: str = ""
) -> RecordSummary:
    return RecordSummary(
        record_id, kind, RecordStatus.SIGNED, day, RecordFacts(None, discussion, supervision, ())
    )


FORTNIGHTLY = "FREQ=WEEKLY;INTERVAL=2"


def test_five_weeks_without_a_discussion_against_a_fortnightly_agreement_is_two_missed() -> None:
    state = _state_with(_signed_summary(1, RecordKind.INITIAL_MEETING, D("2026-12-01"), FORTNIGHTLY))
    c = discussion_cadence(state, D("2026-12-01") + timedelta(weeks=5))
    assert c is not None and c.tolerance_days == 6
    assert [(p.expected, p.status) for p in c.points] == [
        (D("2026-12-15"), CadenceStatus.MISSED),
        (D("2026-12-29"), CadenceStatus.MISSED),  # its window (to 4 Jan) closed the day before
    ]
    assert missed_sentence(c, "discussions") == (
        "2 of the 2 discussions due every 2 weeks since 15 Dec 2026 were not recorded."
    )
    drift = drift_for(state, D("2027-01-05"))
    assert drift.discussions_missed == 2


def test_on_the_day_an_expected_discussion_is_not_yet_missed_and_one_held_that_day_counts() -> None:
    meeting = _signed_summary(1, RecordKind.INITIAL_MEETING, D("2026-12-01"), FORTNIGHTLY)
    c = discussion_cadence(_state_with(meeting), D("2026-12-15"))
    assert c is not None and [(p.expected, p.status) for p in c.points] == [
        (D("2026-12-15"), CadenceStatus.PENDING)
    ]
    held = _signed_summary(2, RecordKind.REFLECTIVE_DISCUSSION, D("2026-12-15"))
    c = discussion_cadence(_state_with(meeting, held), D("2026-12-15"))
    assert c is not None and [(p.status, p.held) for p in c.points] == [(CadenceStatus.HELD, D("2026-12-15"))]
    # the last day of the window (6 days after): still pending; the day after: missed
    for on, status in ((D("2026-12-21"), CadenceStatus.PENDING), (D("2026-12-22"), CadenceStatus.MISSED)):
        c = discussion_cadence(_state_with(meeting), on)
        assert c is not None and c.points[0].status == status, on


def test_a_discussion_moved_past_a_bank_holiday_still_counts() -> None:
    # fortnightly from Fri 11 Dec 2026: due Fri 25 Dec (Christmas Day), held on Tue 29 Dec after the holidays
    meeting = _signed_summary(1, RecordKind.INITIAL_MEETING, D("2026-12-11"), FORTNIGHTLY)
    held = _signed_summary(2, RecordKind.REFLECTIVE_DISCUSSION, D("2026-12-29"))
    c = discussion_cadence(_state_with(meeting, held, start=D("2026-12-10")), D("2027-01-05"))
    assert c is not None and [(p.expected, p.status, p.held) for p in c.points] == [
        (D("2026-12-25"), CadenceStatus.HELD, D("2026-12-29"))
    ]


def test_dates_are_counted_in_days_across_the_clock_changes() -> None:
    # weekly from Mon 16 Mar 2026, across the change to BST (29 Mar) and back (25 Oct): always Mondays
    meeting = _signed_summary(1, RecordKind.INITIAL_MEETING, D("2026-03-16"), "FREQ=WEEKLY")
    held = [
        _signed_summary(2 + i, RecordKind.REFLECTIVE_DISCUSSION, d)
        for i, d in enumerate([D("2026-03-23"), D("2026-03-30"), D("2026-04-06")])
    ]
    c = discussion_cadence(_state_with(meeting, *held, start=D("2026-03-16")), D("2026-04-07"))
    assert c is not None and [(p.expected, p.status) for p in c.points] == [
        (D("2026-03-23"), CadenceStatus.HELD),
        (D("2026-03-30"), CadenceStatus.HELD),
        (D("2026-04-06"), CadenceStatus.HELD),
    ]
    autumn = _signed_summary(1, RecordKind.INITIAL_MEETING, D("2026-10-19"), "FREQ=WEEKLY")
    c = discussion_cadence(_state_with(autumn, start=D("2026-10-19")), D("2026-11-10"))
    assert c is not None and [p.expected.weekday() for p in c.points] == [0, 0, 0]
    assert c.missed_count == 2 and c.pending_count == 1  # 26 Oct, 2 Nov missed; 9 Nov's window is open


def test_an_agreement_changed_by_a_later_review_counts_from_that_review() -> None:
    # fortnightly from 1 Dec; the review of 29 Dec agrees weekly from then on
    meeting = _signed_summary(1, RecordKind.INITIAL_MEETING, D("2026-12-01"), FORTNIGHTLY)
    review = _signed_summary(2, RecordKind.REVIEW, D("2026-12-29"), "FREQ=WEEKLY")
    held = [
        _signed_summary(3, RecordKind.REFLECTIVE_DISCUSSION, D("2026-12-15")),
        _signed_summary(4, RecordKind.REFLECTIVE_DISCUSSION, D("2027-01-12")),
    ]
    c = discussion_cadence(_state_with(meeting, review, *held), D("2027-01-26"))
    assert c is not None and c.rule == "FREQ=WEEKLY" and c.anchor == D("2026-12-29")
    assert [(p.expected, p.status) for p in c.points] == [
        (D("2026-12-15"), CadenceStatus.HELD),  # under the fortnightly agreement
        (D("2027-01-05"), CadenceStatus.MISSED),  # weekly from the review on
        (D("2027-01-12"), CadenceStatus.HELD),
        (D("2027-01-19"), CadenceStatus.MISSED),
        (D("2027-01-26"), CadenceStatus.PENDING),
    ]
    assert missed_sentence(c, "discussions").startswith("2 of the 4 discussions due weekly since 15 Dec 2026")
    # the due list reckons from the agreement in force too: a week after the last discussion held
    found = [
        i
        for i in due_items_for(_state_with(meeting, review, *held), D("2027-01-20"), WorkingCalendar())
        if i.kind == "reflective_discussion"
    ]
    assert [(i.due_date, "weekly" in i.message) for i in found] == [(D("2027-01-19"), True)]
