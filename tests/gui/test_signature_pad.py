"""The signature pad: strokes from a mouse drag, normalised 0..1, painted, cleared and exported as a PNG."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from cowork_desktop.ui.signature_pad import SignaturePad


def drag(qtbot: QtBot, pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for p in points[1:-1]:
        qtbot.mouseMove(pad, QPoint(*p))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def make_pad(qtbot: QtBot) -> SignaturePad:
    pad = SignaturePad()
    pad.resize(400, 150)
    qtbot.addWidget(pad)
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def test_a_drag_makes_a_stroke_of_normalised_points(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    assert pad.is_empty()
    with qtbot.waitSignal(pad.strokes_changed):
        drag(qtbot, pad, [(40, 30), (120, 60), (200, 90), (360, 120)])
    strokes = pad.strokes()
    assert len(strokes) == 1
    stroke = strokes[0]
    assert len(stroke) == 4
    assert stroke[0] == (0.1, 0.2)
    assert stroke[-1] == (0.9, 0.8)
    assert all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in stroke)
    drag(qtbot, pad, [(50, 100), (80, 100)])
    assert len(pad.strokes()) == 2
    # moving without a button pressed draws nothing
    qtbot.mouseMove(pad, QPoint(10, 10))
    assert sum(len(s) for s in pad.strokes()) == 6


def test_strokes_are_clamped_to_the_box(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    drag(qtbot, pad, [(200, 75), (600, 300)])
    assert pad.strokes()[0][-1] == (1.0, 1.0)


def test_png_export_and_painting(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    drag(qtbot, pad, [(40, 75), (200, 40), (360, 110)])
    png = pad.to_png(300, 100)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(png)
    assert (image.width(), image.height()) == (300, 100)
    dark = sum(
        1 for x in range(0, 300, 3) for y in range(0, 100, 3) if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 10  # ink was drawn
    shot = pad.grab()  # paintEvent runs without error, painter ended
    assert not shot.isNull()


def test_clear_and_replay(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    drag(qtbot, pad, [(40, 75), (200, 40)])
    saved = pad.strokes()
    with qtbot.waitSignal(pad.strokes_changed):
        pad.clear()
    assert pad.is_empty() and pad.strokes() == []
    empty = QImage.fromData(pad.to_png(60, 20))
    assert all(empty.pixelColor(x, y).lightness() > 250 for x in range(60) for y in range(20))
    pad.set_strokes(saved)
    assert pad.strokes() == saved


def test_keyboard_users_tab_past_the_pad(qtbot: QtBot) -> None:
    box = QWidget()
    layout = QVBoxLayout(box)
    before, pad, after = QLineEdit(), SignaturePad(), QLineEdit()
    for w in (before, pad, after):
        layout.addWidget(w)
    qtbot.addWidget(box)
    box.show()
    # the focus chain after the first field goes straight to the second: the pad never takes the focus
    nxt = before.nextInFocusChain()
    while nxt is not None and not (nxt.focusPolicy() & Qt.FocusPolicy.TabFocus):
        nxt = nxt.nextInFocusChain()
    assert nxt is after
    assert pad.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert pad.accessibleName() and "type" in pad.accessibleDescription()
