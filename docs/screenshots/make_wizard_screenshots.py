"""Render every page of every meeting wizard, in the normal and the high-contrast theme, to PNG files.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_wizard_screenshots.py [--scale 1.0]

Writes docs/screenshots/wizard/<form>-<page>-<theme>.png from a throw-away database of fictional people (one
case, a senior practitioner and a student, co-worked for development and safety). Pages are shown answered,
as a manager would see them just before moving on; a few extra shots show the states worth checking by eye
(required-answer messages, the urgent notice, the signatures, "signed and locked").
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from cowork_desktop.domain.forms import QuestionKind  # noqa: E402
from cowork_desktop.domain.models import (  # noqa: E402
    Case,
    CoAllocation,
    PlanType,
    Reason,
    RecordKind,
    Role,
    Worker,
)
from cowork_desktop.services.sessions import Workspace  # noqa: E402
from cowork_desktop.store.opening import open_store  # noqa: E402
from cowork_desktop.ui.wizard import MeetingWizard, open_meeting  # noqa: E402
from cowork_desktop.ui.wizard.pages import FormPage, SignOffPage  # noqa: E402

OUT = Path(__file__).resolve().parent / "wizard"
TODAY = date.today()

TEXTS = {
    "discussion_recording": "A 'discussion with colleague' case note on the child's record within two working days.",
    "learner_contribution": "Łukasz drafts the chronology and the genogram; Zoë reviews them with him.",
    "learning_opportunities": "Direct work with the children; co-chairing the core group from January.",
    "absence_cover": "The other co-worker covers visits; the manager covers chairing meetings.",
    "decision": "The case is co-allocated to Zoë and Łukasz on the terms set out in this record.",
    "childs_voice": "The older child said she wants 'one person who remembers what I said'.",
    "disagreements_detail": "The co-workers disagree about who chairs the next core group.",
    "analysis": "Mother was calmer and more open than last time; the younger child stayed close to her.",
    "issue_description": "The co-workers disagreed about who chairs the core group, and the meeting slipped.",
    "effect_on_child": "The family heard two messages about the date of the meeting.",
    "handover": "Zoë keeps the case: the chronology and the core group minutes are handed over by Friday.",
}


def answer_for(wizard: MeetingWizard, qid: str, overrides: dict[str, Any]) -> Any:
    q = wizard.env.form.question(qid)
    workers = [w.id for w in wizard.env.coworkers]
    if qid in overrides:
        return overrides[qid]
    if q.kind == QuestionKind.TEXT:
        return TEXTS.get(qid, "Recorded in the meeting." if q.required else None)
    if q.kind == QuestionKind.YES_NO:
        return "no" if q.follow_ups else "yes"
    if q.kind == QuestionKind.CHOICE:
        return q.choices[0] if q.required else None
    if q.kind == QuestionKind.WORKER:
        return workers[0]
    if q.kind == QuestionKind.RESPONSIBILITIES:
        return {
            t: {"lead": workers[i % 2 if i < 4 else 0], "joint": t == "Visits"} for i, t in enumerate(q.tasks)
        }
    if q.kind == QuestionKind.ACTIONS:
        return [
            {
                "description": "Book the first joint home visit",
                "owner": workers[1],
                "due": str(TODAY + timedelta(7)),
            },
            {
                "description": "Share the chronology draft",
                "owner": workers[0],
                "due": str(TODAY + timedelta(14)),
            },
        ]
    if q.kind == QuestionKind.ACTION_REVIEW:
        return {key: {"done": "yes", "note": "Done on time"} for key in wizard.env.review_action_ids({}, q)}
    return wizard.answers.get(qid)


def fill(wizard: MeetingWizard, overrides: dict[str, Any]) -> None:
    current = wizard.currentPage()
    assert isinstance(current, FormPage)
    for qid, row in current.rows.items():
        if row.isHidden():
            continue
        value = answer_for(wizard, qid, overrides)
        if value is None:
            continue
        row.widget.load(value)
        wizard._answer_changed(qid)


def shoot(app: QApplication, wizard: MeetingWizard, form: str, page: str, theme: str) -> None:
    app.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    wizard.grab().save(str(OUT / f"{form}-{page}-{theme}.png"))


def run_wizard(
    app: QApplication,
    ws: Workspace,
    ca_id: int,
    kind: RecordKind,
    theme: str,
    overrides: dict[str, Any] | None = None,
    errors_on: str | None = None,
) -> MeetingWizard:
    overrides = overrides or {}
    wizard = open_meeting(ws, ca_id, kind)
    form = wizard.env.form.id
    while isinstance(wizard.currentPage(), FormPage):
        page = wizard.currentPage()
        assert isinstance(page, FormPage)
        key = page.key.strip("_")
        if key == errors_on:
            wizard.next()  # nothing answered yet: the messages next to the fields
            shoot(app, wizard, form, f"{key}-errors", theme)
        fill(wizard, overrides)
        shoot(app, wizard, form, key, theme)
        before = wizard.currentId()
        wizard.next()
        if wizard.currentId() == before:
            raise SystemExit(f"{form}: stuck on {key}: {wizard.page_errors(page)}")
    sign = wizard.currentPage()
    assert isinstance(sign, SignOffPage)
    sign.pad.set_strokes([[(0.08, 0.6), (0.15, 0.35), (0.22, 0.62), (0.3, 0.4), (0.42, 0.58), (0.55, 0.45)]])
    shoot(app, wizard, form, "sign", theme)
    while sign.current is not None and sign.current != SignOffPage.MANAGER:
        name = ws.store.get_worker(sign.current).name
        assert wizard.add_signature(sign.current, name, "typed", [], None) is None
        sign.refresh()
    shoot(app, wizard, form, "sign-manager", theme)
    assert wizard.add_signature(SignOffPage.MANAGER, "Amara Okafor", "typed", [], None) is None
    sign.refresh()
    wizard.next()
    shoot(app, wizard, form, "done", theme)
    wizard.close()
    return wizard


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="text scale (1.0, 1.25, 1.5)")
    parser.add_argument(
        "--themes",
        nargs="+",
        choices=("normal", "high-contrast", "dark"),
        default=["normal", "high-contrast"],
        help="the themes to shoot (default: normal and high-contrast)",
    )
    parser.add_argument(
        "--forms", nargs="+", default=None, help="only these record kinds, e.g. initial_meeting"
    )
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    from cowork_desktop.ui import theme as ui_theme

    wanted = set(args.forms or [k.value for k in RecordKind])
    for theme in args.themes:
        appearance = "dark" if theme == "dark" else "light"
        ui_theme.apply_theme(app, theme == "high-contrast", args.scale, persist=False, appearance=appearance)
        suffix = theme if args.scale == 1.0 else f"{theme}-x{args.scale}"
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(Path(tmp) / "shots.db", actor="screenshots")
            ws = Workspace.open(store)
            sw = store.add_worker(Worker("Zoë Ó Súilleabháin", Role.SENIOR_PRACTITIONER, "Assessment Team 2"))
            st = store.add_worker(Worker("Łukasz Wiśniewski", Role.STUDENT, "Assessment Team 2"))
            case = store.add_case(Case("CR-100234", 2, "AB, CD", PlanType.CHILD_PROTECTION))
            assert sw.id and st.id and case.id
            ca = store.add_coallocation(
                CoAllocation(
                    case.id, sw.id, st.id, sw.id, date(2026, 11, 2), [Reason.DEVELOPMENT, Reason.SAFETY]
                )
            )
            assert ca.id
            if RecordKind.INITIAL_MEETING.value in wanted:
                run_wizard(app, ws, ca.id, RecordKind.INITIAL_MEETING, suffix, errors_on="responsibilities")
            if RecordKind.REVIEW.value in wanted:
                run_wizard(
                    app,
                    ws,
                    ca.id,
                    RecordKind.REVIEW,
                    suffix,
                    {
                        "disagreements": "yes",
                        "partnership_ladder": "Co-operation",
                        "decision": "Continue as agreed",
                    },
                    errors_on="issues",
                )
            if RecordKind.REFLECTIVE_DISCUSSION.value in wanted:
                run_wizard(
                    app, ws, ca.id, RecordKind.REFLECTIVE_DISCUSSION, suffix, {"prompted_by": "After a visit"}
                )
            if RecordKind.ISSUE_RESOLUTION.value in wanted:
                run_wizard(
                    app,
                    ws,
                    ca.id,
                    RecordKind.ISSUE_RESOLUTION,
                    suffix,
                    {"issue_type": "Disagreement between co-workers"},
                )
            if RecordKind.CLOSING.value in wanted:
                run_wizard(
                    app, ws, ca.id, RecordKind.CLOSING, suffix, {"end_reason": "Student placement ends"}
                )
            store.close()
    print(f"written to {OUT}")


if __name__ == "__main__":
    main()
