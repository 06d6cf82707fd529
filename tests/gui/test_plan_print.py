"""Print agreed plan: services.plan builds it from a signed record, ui.plan_print writes a PDF a worker can read."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers.forms import SHIPPED_TASKS as TASKS
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.errors import CoworkError
from cowork_desktop.domain.models import RecordKind
from cowork_desktop.services import sessions
from cowork_desktop.services.plan import build_plan
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.plan_print import PlanPrintDialog, plan_html, save_plan_pdf

MEETING = date(2026, 11, 5)


def sign(ws: Workspace, record_id: int, answers: dict[str, Any], signers: list[int]) -> None:
    sessions.save_draft(ws, record_id, answers, based_on=ws.store.get_record(record_id).revision)
    sessions.ready_for_signatures(ws, record_id)
    for wid in signers:
        name = ws.store.get_worker(wid).name  # a typed signature is the signer's recorded name
        sessions.add_signature(ws, record_id, worker_id=wid, name=name, role="Worker", method="typed")
    sessions.sign_off(ws, record_id, manager_name="Amara Okafor")


def signed_initial(ws: Workspace, c: dict[str, int]) -> int:
    record = sessions.start_record(
        ws, c["coallocation"], RecordKind.INITIAL_MEETING, meeting_date=MEETING
    ).value
    assert record.id
    answers = dict(record.answers)
    answers.update(
        responsibilities={
            t: {"lead": c["experienced"] if i % 2 == 0 else c["student"], "joint": t == "Visits"}
            for i, t in enumerate(TASKS)
        },
        discussion_recorder=c["student"],
        discussion_recording="A discussion with colleague case note within two days.",
        absence_cover="The other co-worker, with the manager.",
        decision="Co-allocated on these terms.",
        childs_voice="The children want one worker they know.",
        next_review_date="2026-12-03",
        learning_opportunities="Chairing the core group with support.",
        actions=[{"description": "Book the first joint visit", "owner": c["student"], "due": "2026-11-12"}],
    )
    sign(ws, record.id, answers, [c["experienced"], c["student"]])
    return record.id


def pdf_text(path: Path) -> str:
    assert shutil.which("pdftotext"), "poppler-utils is needed"
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def test_the_initial_meeting_plan_as_a_pdf(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int], tmp_path: Path
) -> None:
    record_id = signed_initial(ws, coworked)
    plan = build_plan(ws, record_id)
    assert plan.case_reference == "CR-100234"
    assert [t.task for t in plan.responsibilities] == list(TASKS)
    assert plan.responsibilities[0].lead == "Zoë Ó Súilleabháin" and plan.responsibilities[0].joint
    assert plan.discussion_frequency == "every 2 weeks"
    assert plan.discussion_recorder == "Łukasz Wiśniewski"
    assert plan.supervision_frequency == "monthly"
    assert plan.next_review_date == date(2026, 12, 3)
    path = save_plan_pdf(plan, tmp_path / "plan.pdf")
    assert path.read_bytes().startswith(b"%PDF")
    text = pdf_text(path)
    flat = " ".join(text.split())
    assert "CR-100234" in flat
    for task in TASKS:
        assert task in flat, task
    assert "03 Dec 2026" in flat
    assert "Book the first joint visit" in flat and "12 Nov 2026" in flat
    assert "every 2 weeks" in flat and "monthly" in flat
    assert "Chairing the core group with support." in flat
    assert "Zoë Ó Súilleabháin" in flat and "Łukasz Wiśniewski" in flat
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert any(line.split()[-1] in ("1", "2") for line in pages.splitlines() if line.startswith("Pages:"))
    # the case reference only: the children's initials are not printed either
    assert "AB, CD" not in flat


def test_a_review_plan_uses_the_arrangement_agreed_before(ws: Workspace, coworked: dict[str, int]) -> None:
    signed_initial(ws, coworked)
    action = ws.store.open_actions(coworked["coallocation"])[0]
    review = sessions.start_record(
        ws, coworked["coallocation"], RecordKind.REVIEW, meeting_date=date(2026, 12, 3)
    ).value
    assert review.id
    answers = dict(review.answers)
    answers |= {
        "plan_progressing": "yes",
        "proactive_information_sharing": "yes",
        "proactive_tasks": "yes",
        "proactive_outcomes": "yes",
        "delays": "no",
        "disagreements": "no",
        "role_uncertainty": "no",
        "learner_development": "Growing in confidence.",
        "partnership_ladder": "Collaboration",
        "action_review": {str(action.id): {"done": "no", "note": "Family away"}},
        "actions": [
            {
                "description": "Joint visit after the holiday",
                "owner": coworked["experienced"],
                "due": "2026-12-17",
            }
        ],
        "decision": "Continue as agreed",
        "next_review_date": "2027-01-07",
    }
    sign(ws, review.id, answers, [coworked["experienced"], coworked["student"]])
    plan = build_plan(ws, review.id)
    assert plan.responsibilities[0].task == "Visits"
    assert plan.responsibilities_source.startswith(
        "As agreed in the Initial co-working meeting (MDR) of 05 Nov 2026"
    )
    assert plan.next_review_date == date(2027, 1, 7)
    assert [(a.description, a.carried_forward) for a in plan.actions] == [
        ("Joint visit after the holiday", False),
        ("Book the first joint visit", True),
    ]
    assert plan.decision == "Continue as agreed"
    assert (
        "How has the less experienced worker developed against the learning plan?",
        "Growing in confidence.",
    ) in plan.learning
    html = plan_html(plan)
    assert "carried forward" in html and "CR-100234" in html


def test_only_signed_meetings_and_reviews_have_a_plan(ws: Workspace, coworked: dict[str, int]) -> None:
    draft = sessions.start_record(ws, coworked["coallocation"], RecordKind.INITIAL_MEETING).value
    discussion = sessions.start_record(ws, coworked["coallocation"], RecordKind.REFLECTIVE_DISCUSSION).value
    assert draft.id and discussion.id
    with pytest.raises(CoworkError, match="once the record is signed"):
        build_plan(ws, draft.id)
    with pytest.raises(CoworkError, match="initial meeting or a review"):
        build_plan(ws, discussion.id)


def test_the_dialog_saves_a_pdf_and_offers_the_printer(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PlanPrintDialog(build_plan(ws, signed_initial(ws, coworked)))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "CR-100234" in dialog.preview.toPlainText()
    target = tmp_path / "chosen name"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    dialog.pdf_button.click()
    saved = tmp_path / "chosen name.pdf"
    assert saved.exists() and "CR-100234" in pdf_text(saved)
    assert dialog.status.text() == f"Saved {saved}"

    def cancel_print_dialog() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QPrintDialog) and w.isVisible():
                w.reject()

    QTimer.singleShot(200, cancel_print_dialog)
    assert dialog.print_() is False


def test_the_dialog_asks_before_replacing_and_never_writes_over_the_database(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answers: list[QMessageBox.StandardButton] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    dialog = PlanPrintDialog(build_plan(ws, signed_initial(ws, coworked)), store=ws.store)
    qtbot.addWidget(dialog)

    out = tmp_path / "out"
    out.mkdir()
    target = out / "plan.pdf"
    target.write_bytes(b"%PDF an older plan")
    answers.append(QMessageBox.StandardButton.No)
    assert dialog.save_pdf(out / "plan") is None  # .pdf added: asked about plan.pdf, as written
    assert asked == [f"plan.pdf already exists in {out}. Replace it? The file there now will be lost."]
    assert target.read_bytes() == b"%PDF an older plan" and "kept as it is" in dialog.status.text()
    answers.append(QMessageBox.StandardButton.Yes)
    assert dialog.save_pdf(target) == target
    assert "CR-100234" in pdf_text(target) and target.stat().st_mode & 0o777 == 0o600
    assert list(out.iterdir()) == [target]  # no temporary file left

    # the open database, picked in the save dialog: refused by name (not saved as cowork.pdf beside it)
    db = ws.store.path
    asked.clear()
    assert dialog.save_pdf(db) is None
    assert "is the open cowork database" in dialog.status.text() and not db.with_suffix(".pdf").exists()
    # any database by content, and a certificate by name, whatever the dialog's answer would be
    disguised = out / "copy.pdf"
    shutil.copy(db, disguised)
    certificate = out / "manager.pfx"
    certificate.write_bytes(b"not checked: a .pfx is a certificate by its name")
    for path, what in ((disguised, "is an SQLite database"), (certificate, "signing certificate")):
        kept = path.read_bytes()
        assert dialog.save_pdf(path) is None
        assert what in dialog.status.text() and path.read_bytes() == kept
    assert asked == []
    with pytest.raises(CoworkError, match="is the open cowork database"):
        save_plan_pdf(dialog.plan, db, replace=True, store=ws.store)
    assert db.read_bytes()[:16] == b"SQLite format 3\x00"


def test_save_dialogs_start_in_the_folder_chosen_last(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: never the program's folder or the working directory (the plan's dialog was given a bare name):
    the folder the user chose last, else Documents."""
    from cowork_desktop.ui import recent

    offered: list[str] = []
    chosen = tmp_path / "team folder"
    chosen.mkdir()

    def save_as(_parent: Any, _caption: str, directory: str = "", *_a: Any, **_k: Any) -> tuple[str, str]:
        offered.append(directory)
        return str(chosen / f"plan-{len(offered)}.pdf"), ""  # a new file each time: nothing to confirm

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    dialog = PlanPrintDialog(build_plan(ws, signed_initial(ws, coworked)))
    qtbot.addWidget(dialog)
    dialog.pdf_button.click()
    first = Path(offered[0])
    assert first.is_absolute() and first.name.startswith("agreed-plan-")  # a folder with it, not a bare name
    assert recent.last_folder() == chosen  # remembered
    dialog.pdf_button.click()
    assert Path(offered[1]).parent == chosen  # the next dialog starts there
