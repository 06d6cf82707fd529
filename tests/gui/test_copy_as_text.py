"""Copy as text on a signed record (issue 15): the clipboard gets what `cowork export --format text` writes."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cowork_desktop.domain.models import RecordStatus
from cowork_desktop.services import demo, export
from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui.wizard import RecordView


def test_copy_as_text_puts_the_record_on_the_clipboard(qtbot: QtBot, ws: Workspace) -> None:
    demo.load_demo(ws, date(2026, 11, 23))
    record = next(
        r
        for row in ws.store.list_cases(limit=100)
        for r in ws.store.records_for_case(row.id)
        if r.status == RecordStatus.SIGNED
    )
    assert record.id is not None
    view = RecordView(ws, record.id)
    qtbot.addWidget(view)
    view.show()
    QApplication.clipboard().clear()
    view.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied == export.record_text(ws, record.id)
    assert ws.store.get_case(record.case_id).reference in copied
    assert view.copy_button.text() == "Copied as text"
