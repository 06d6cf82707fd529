"""A page's or section's title is a heading to a screen reader (ui/accessibility.py), whenever it is made."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from cowork_desktop.services.sessions import Workspace
from cowork_desktop.ui import accessibility
from cowork_desktop.ui.widgets import title_label


def test_titles_are_headings_and_other_labels_are_not(qtbot: QtBot) -> None:
    accessibility.install()
    title, section, plain = title_label("Cases"), title_label("Coming up", "subtitle"), QLabel("Search:")
    for label in (title, section, plain):
        qtbot.addWidget(label)
    assert accessibility.role_of(title) == QAccessible.Role.Heading
    assert accessibility.role_of(section) == QAccessible.Role.Heading
    assert accessibility.role_of(plain) != QAccessible.Role.Heading
    iface = QAccessible.queryAccessibleInterface(title)
    assert iface is not None and iface.text(QAccessible.Text.Name) == "Cases"


def test_a_chart_is_an_image_with_its_text_equivalent(qtbot: QtBot) -> None:
    from cowork_desktop.ui.charts import LadderTrend

    accessibility.install()
    chart = LadderTrend()
    qtbot.addWidget(chart)
    chart.set_points([], ("Conflict", "Full partnership"))  # as the case page fills it
    chart.show()
    iface = QAccessible.queryAccessibleInterface(chart)
    assert iface is not None and iface.role() == QAccessible.Role.Graphic
    assert iface.text(QAccessible.Text.Name) == "Partnership over time"
    assert iface.text(QAccessible.Text.Description) == chart.summary()
    assert "partnership ladder" in chart.summary()  # in words, even with nothing to draw yet


def test_the_drift_heading_is_read_as_the_screen_says_it(qtbot: QtBot, ws: Workspace) -> None:
    """ "Drifting into parallel working — score 11" on screen is what a screen reader reads, without its mark."""
    from datetime import date

    from cowork_desktop.services import demo
    from cowork_desktop.ui.insights_views import BAND_MARKS, BAND_WORDS, CaseInsightsPanel

    accessibility.install()
    demo.load_demo(ws, date(2026, 11, 23))
    view = CaseInsightsPanel(ws)
    qtbot.addWidget(view)
    view.on = date(2026, 11, 23)
    for case in ws.store.list_cases():
        view.case_id = case.id
        view.refresh()
        iface = QAccessible.queryAccessibleInterface(view.band_label)
        assert iface is not None
        name = iface.text(QAccessible.Text.Name)
        assert name and name in view.band_label.text(), (name, view.band_label.text())
        assert not any(name.startswith(mark) for mark in BAND_MARKS.values())
        if view.view is not None and view.view.drift is not None:
            assert name.startswith(BAND_WORDS[view.view.drift.band])
