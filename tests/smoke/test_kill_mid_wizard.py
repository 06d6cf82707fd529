"""Nothing typed is lost: kill the app (SIGKILL) after the autosave, reopen, and the answer is there."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.models import RecordKind
from cowork_desktop.services.sessions import Workspace

# a child process typing into the wizard, killed: a few seconds
pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"), pytest.mark.slow]

TYPED = "Zoë covers visits; Łukasz covers recording"  # not only Latin-1: inserted, as an input method would

SCRIPT = r"""
import sys
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest

app = QApplication([])
from cowork_desktop.domain.models import RecordKind
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.store.opening import open_store
from cowork_desktop.ui.wizard import open_meeting

store = open_store(sys.argv[1], actor="kill-test")
ws = Workspace.open(store)
wizard = open_meeting(ws, int(sys.argv[2]), RecordKind.INITIAL_MEETING)
wizard.next()  # the responsibilities page
wizard.widgets["responsibilities"].lead_all(int(sys.argv[3]))
wizard.next()  # communication
edit = wizard.widgets["discussion_recording"].edit
QTest.keyClicks(edit, "Typed then killed. ")
edit.insertPlainText(sys.argv[4])
QTest.qWait(2500)  # past the 1.5 s autosave
print("TYPED", wizard.currentPage().key, flush=True)
while True:
    QTest.qWait(1000)
"""


def test_an_answer_survives_a_kill(
    qtbot: QtBot, ws: Workspace, coworked: dict[str, int], db_path: Path
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            SCRIPT,
            str(db_path),
            str(coworked["coallocation"]),
            str(coworked["experienced"]),
            TYPED,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    ) as proc:
        try:
            deadline = time.monotonic() + 60
            line = ""
            assert proc.stdout is not None and proc.stderr is not None
            while time.monotonic() < deadline:
                line = proc.stdout.readline()
                if line.startswith("TYPED") or not line:
                    break
            if not line.startswith("TYPED"):
                proc.kill()
                pytest.fail(f"the wizard process did not get there: {proc.stderr.read()}")
            assert line.split()[1] == "communication"
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    draft = ws.store.draft_for(coworked["coallocation"], RecordKind.INITIAL_MEETING)
    assert draft is not None and draft.id is not None
    assert draft.answers["discussion_recording"] == "Typed then killed. " + TYPED
    assert draft.answers["_page"] == "communication"

    from cowork_desktop.ui.wizard import MeetingWizard, open_record

    wizard = open_record(ws, draft.id)
    assert isinstance(wizard, MeetingWizard)
    qtbot.addWidget(wizard)
    assert wizard.currentPage().key == "communication"  # type: ignore[attr-defined]
    answer = wizard.widgets["discussion_recording"]
    assert answer.edit.toPlainText() == "Typed then killed. " + TYPED  # type: ignore[attr-defined]
