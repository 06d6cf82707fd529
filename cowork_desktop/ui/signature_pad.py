"""A box to sign in with a mouse, pen or finger.

Strokes are kept as lists of (x, y) points normalised to 0..1 of the box, so they replay at any size and are
stored as they were drawn. Keyboard users do not need the pad: it takes no keyboard focus (Tab goes past it)
and the signing page offers a typed name instead.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

Point = tuple[float, float]
Stroke = list[Point]


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def strokes_to_path(strokes: list[Stroke], width: float, height: float, margin: float = 0.0) -> QPainterPath:
    path = QPainterPath()
    w = width - 2 * margin
    h = height - 2 * margin
    for stroke in strokes:
        if not stroke:
            continue
        x, y = stroke[0]
        path.moveTo(margin + x * w, margin + y * h)
        if len(stroke) == 1:  # a dot
            path.lineTo(margin + x * w + 0.5, margin + y * h + 0.5)
        for x, y in stroke[1:]:
            path.lineTo(margin + x * w, margin + y * h)
    return path


class SignaturePad(QWidget):
    """Records strokes from mouse, pen (tablet) or touch; paints them; exports a PNG."""

    strokes_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self._strokes: list[Stroke] = []
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(320, 130)
        self.setAccessibleName(self.tr("Signature drawing box"))
        self.setAccessibleDescription(
            self.tr("Draw the signature with a mouse, pen or finger. Keyboard users: type the name instead.")
        )

    # -- data -------------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(480, 150)

    def strokes(self) -> list[Stroke]:
        """A copy of the strokes drawn (each at least one point), normalised 0..1."""
        return [list(s) for s in self._strokes if s]

    def set_strokes(self, strokes: list[Stroke]) -> None:
        self._strokes = [[(_clamp(float(x)), _clamp(float(y))) for x, y in s] for s in strokes if s]
        self.update()
        self.strokes_changed.emit()

    def is_empty(self) -> bool:
        return not any(self._strokes)

    def clear(self) -> None:
        self._strokes = []
        self._drawing = False
        self.update()
        self.strokes_changed.emit()

    def to_image(self, width: int = 600, height: int = 200) -> QImage:
        """The signature in black on white, the box's proportions kept by the normalised points."""
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pen = QPen(QColor("black"), max(2.0, height / 70))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.drawPath(strokes_to_path(self._strokes, width, height))
        finally:
            painter.end()
        return image

    def to_png(self, width: int = 600, height: int = 200) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        try:
            self.to_image(width, height).save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; only str works
        finally:
            buffer.close()
        return bytes(data.data())

    # -- input ------------------------------------------------------------------------------------
    def _normalised(self, pos: QPointF) -> Point:
        w = max(1, self.width())
        h = max(1, self.height())
        return (round(_clamp(pos.x() / w), 4), round(_clamp(pos.y() / h), 4))

    def _begin(self, pos: QPointF) -> None:
        self._drawing = True
        self._strokes.append([self._normalised(pos)])
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if not self._drawing or not self._strokes:
            return
        point = self._normalised(pos)
        if self._strokes[-1][-1] != point:
            self._strokes[-1].append(point)
            self.update()

    def _end(self, pos: QPointF | None = None) -> None:
        if not self._drawing:
            return
        if pos is not None:
            self._extend(pos)
        self._drawing = False
        self.strokes_changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing:
            self._extend(event.position())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drawing:
            self._end(event.position())
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd) and isinstance(
            event, QTouchEvent
        ):
            points = event.points()
            if points:
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(pos)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(pos)
                else:
                    self._end(pos)
            event.accept()
            return True
        if kind == QEvent.Type.TouchCancel:
            self._end()
            event.accept()
            return True
        return super().event(event)

    # -- painting ---------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
            border = QPen(palette.color(QPalette.ColorRole.Text), 1.5)
            painter.setPen(border)
            painter.drawRect(rect)
            baseline_y = rect.bottom() - rect.height() * 0.25
            guide = QPen(palette.color(QPalette.ColorRole.PlaceholderText), 1, Qt.PenStyle.DashLine)
            painter.setPen(guide)
            painter.drawLine(QPointF(rect.left() + 16, baseline_y), QPointF(rect.right() - 16, baseline_y))
            if self.is_empty():
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(
                    rect.adjusted(16, 0, -16, -rect.height() * 0.3),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                    self.tr("Sign here"),
                )
            ink = QPen(palette.color(QPalette.ColorRole.Text), 2.5)
            ink.setCapStyle(Qt.PenCapStyle.RoundCap)
            ink.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(ink)
            painter.drawPath(strokes_to_path(self._strokes, self.width(), self.height()))
        finally:
            painter.end()
