"""Two small charts for the co-working health of a case, painted with QPainter (no chart library).

* :class:`CadenceTimeline`: agreed dates against held dates, one row per agreed frequency (case discussions, joint
  supervision). Agreed dates are ticks, held ones filled circles, missed ones crosses and pending ones hollow
  circles: a shape for each, not only a colour, and a legend underneath. A dashed line marks the day looked at.
* :class:`LadderTrend`: the partnership-ladder rung (0 = Conflict ... 8 = Full partnership) of each review as a
  line with points.

Both take their colours from the theme in use (so they follow high contrast), give a tooltip for each point, and
describe themselves in words for screen readers (``accessibleDescription``, the same text as :meth:`summary`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from cowork_desktop.domain import dates
from cowork_desktop.domain.cadence import Cadence, CadenceStatus
from cowork_desktop.domain.insights import LadderPoint
from cowork_desktop.ui import theme
from cowork_desktop.ui.widgets import fmt_date


def short_date(day: date) -> str:
    """``3 Nov`` (the summaries' format; the tooltips give the year)."""
    return f"{day.day} {day:%b}"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def cadence_summary(c: Cadence | None, noun: str = "discussions") -> str:
    """``"6 of 8 agreed discussions held; 2 missed: 3 Nov, 17 Nov; 1 not yet due (1 Dec)"``.

    ``noun`` is plural ("discussions", "joint supervisions"). Counts come from the cadence's points: held and missed
    are the agreed dates that have fallen due; a pending one's window is still open.
    """
    if c is None:
        return f"No frequency of {noun} agreed yet."
    settled = c.held_count + c.missed_count
    if settled:
        text = f"{c.held_count} of {settled} agreed {noun} held"
    else:
        text = f"No agreed {noun} have fallen due yet"
    if c.missed_count:
        text += f"; {c.missed_count} missed: " + ", ".join(short_date(d) for d in c.missed)
    pending = [p.expected for p in c.points if p.status == CadenceStatus.PENDING]
    if pending:
        text += f"; {len(pending)} not yet due ({', '.join(short_date(d) for d in pending)})"
    if c.extra_held:
        text += f"; {len(c.extra_held)} more held besides"
    return text + "."


@dataclass(frozen=True)
class ChartColors:
    text: QColor
    muted: QColor
    grid: QColor
    background: QColor
    border: QColor
    held: QColor
    missed: QColor
    line: QColor


def chart_colors(widget: QWidget) -> ChartColors:
    """The theme's colours: in high contrast white on black, yellow for the line and the misses."""
    c = theme.colors()
    palette = widget.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    if c.high_contrast:
        return ChartColors(
            text=text,
            muted=QColor("#ffffff"),
            grid=QColor("#8c8c8c"),
            background=QColor("#000000"),
            border=QColor("#ffffff"),
            held=QColor("#ffffff"),
            missed=QColor(c.error),
            line=QColor(c.accent),
        )
    return ChartColors(
        text=text,
        muted=QColor(c.hint),
        grid=QColor(c.panel_border),
        background=palette.color(QPalette.ColorRole.Base),
        border=QColor(c.panel_border),
        held=QColor(c.accent),
        missed=QColor(c.error),
        line=QColor(c.accent),
    )


def _paint_frame(p: QPainter, rect: QRectF, colors: ChartColors) -> None:
    p.setPen(QPen(colors.border, 1))
    p.setBrush(colors.background)
    p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)


# -------------------------------------------------------------------------------------------- marks (shapes)


def _cross(p: QPainter, centre: QPointF, r: float, color: QColor) -> None:
    p.setPen(QPen(color, 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(centre.x() - r, centre.y() - r), QPointF(centre.x() + r, centre.y() + r))
    p.drawLine(QPointF(centre.x() - r, centre.y() + r), QPointF(centre.x() + r, centre.y() - r))


def _dot(p: QPainter, centre: QPointF, r: float, color: QColor, filled: bool = True) -> None:
    p.setPen(QPen(color, 2))
    p.setBrush(color if filled else Qt.BrushStyle.NoBrush)
    p.drawEllipse(centre, r, r)
    p.setBrush(Qt.BrushStyle.NoBrush)


def _tick(p: QPainter, x: float, y: float, half: float, color: QColor) -> None:
    p.setPen(QPen(color, 1.6))
    p.drawLine(QPointF(x, y - half), QPointF(x, y + half))


@dataclass(frozen=True)
class Mark:
    """One thing painted that has a tooltip: ``kind`` is held, missed, pending, extra or rung."""

    kind: str
    day: date
    rect: QRectF
    tooltip: str


class _Chart(QWidget):
    """Shared: marks with tooltips, the accessible summary, repaint on palette or font change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty(
            "role", "chart"
        )  # an image to a screen reader (ui/accessibility.py), before its name
        self._marks: list[Mark] = []
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader can reach it and read the description

    def marks(self) -> list[Mark]:
        """What was painted last, with its tooltip (laid out now if not painted yet)."""
        self._layout()
        return list(self._marks)

    def _layout(self) -> None:  # pragma: no cover - overridden
        self._marks = []

    def summary(self) -> str:  # pragma: no cover - overridden
        return ""

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            colors = chart_colors(self)
            _paint_frame(p, QRectF(self.rect()), colors)
            self._paint(p, colors)
        finally:
            p.end()

    def _paint(self, p: QPainter, colors: ChartColors) -> None:  # pragma: no cover - overridden
        """The chart inside its frame."""

    def _update_description(self) -> None:
        text = self.summary()
        self.setAccessibleDescription(text)
        self.setToolTip("")  # tooltips are per point; the whole text is below the chart
        self.updateGeometry()
        self.update()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            self._layout()
            pos = QPointF(e.pos())
            for m in self._marks:
                if m.rect.adjusted(-4, -4, 4, 4).contains(pos):
                    QToolTip.showText(e.globalPos(), m.tooltip, self)
                    return True
            QToolTip.hideText()
            e.ignore()
            return True
        if e.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
            self.update()
        return super().event(e)


# ------------------------------------------------------------------------------------------ cadence timeline

_STATUS_WORDS = {
    CadenceStatus.HELD: "held",
    CadenceStatus.MISSED: "missed",
    CadenceStatus.PENDING: "not yet due",
}


class CadenceTimeline(_Chart):
    """Agreed dates against held dates: one row per cadence (label, Cadence or None), on a shared date axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cadenceTimeline")
        self.setAccessibleName(self.tr("Agreed and held dates"))
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.rows: list[tuple[str, str, Cadence | None]] = []
        self.on: date = dates.today()
        self._legend_rows = 1

    def set_cadences(self, rows: Sequence[tuple[str, str, Cadence | None]], on: date) -> None:
        """``rows``: (label, plural noun for the summary, cadence or None when no frequency was agreed)."""
        self.rows = list(rows)
        self.on = on
        self._update_description()

    def summary(self) -> str:
        if not self.rows:
            return "No co-working to show."
        return " ".join(f"{label}: {cadence_summary(c, noun)}" for label, noun, c in self.rows)

    # -- geometry ---------------------------------------------------------------------------------------
    def _metrics(self) -> tuple[QFontMetrics, float, float]:
        fm = self.fontMetrics()
        row_h = max(fm.height() * 2.4, 34.0)
        label_w = max((fm.horizontalAdvance(label) for label, _n, _c in self.rows), default=0) + 28
        return fm, row_h, float(label_w)

    def _legend_items(self) -> list[tuple[str, str]]:
        return [
            ("tick", "Agreed date (when held on another day)"),
            ("held", "Held"),
            ("missed", "Missed"),
            ("pending", "Not yet due"),
            ("today", "Today" if self.on == dates.today() else f"As on {fmt_date(self.on)}"),
        ]

    def _legend_layout(self, width: float) -> list[list[tuple[str, str, float]]]:
        fm = self.fontMetrics()
        lines: list[list[tuple[str, str, float]]] = [[]]
        x = 14.0
        for kind, text in self._legend_items():
            w = 26 + fm.horizontalAdvance(text) + 18
            if lines[-1] and x + w > width - 10:
                lines.append([])
                x = 14.0
            lines[-1].append((kind, text, x))
            x += w
        return lines

    def _height_for(self, width: float) -> int:
        fm, row_h, _label_w = self._metrics()
        rows = max(len(self.rows), 1)
        legend = len(self._legend_layout(width))
        top = fm.height() + 10  # the "today" label
        axis = fm.height() + 12
        return int(top + rows * row_h + axis + legend * (fm.height() + 8) + 14)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height_for(float(width))

    def sizeHint(self) -> QSize:
        return QSize(620, self._height_for(620))

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self._height_for(320))

    def _span(self) -> tuple[date, date]:
        days: list[date] = [self.on]
        for _label, _noun, c in self.rows:
            if c is None:
                continue
            days.append(c.anchor)
            days.extend(p.expected for p in c.points)
            days.extend(p.held for p in c.points if p.held is not None)
            days.extend(c.extra_held)
        start, end = min(days), max(days)
        pad = max((end - start).days // 20, 3)
        return start - timedelta(days=pad), end + timedelta(days=pad)

    def _plot(self) -> tuple[QRectF, date, date]:
        fm, row_h, label_w = self._metrics()
        top = fm.height() + 10
        plot = QRectF(label_w, top, max(self.width() - label_w - 22, 40), max(len(self.rows), 1) * row_h)
        start, end = self._span()
        return plot, start, end

    def _x(self, day: date, plot: QRectF, start: date, end: date) -> float:
        span = max((end - start).days, 1)
        return plot.left() + (day - start).days / span * plot.width()

    def _layout(self) -> None:
        self._marks = []
        if not self.rows:
            return
        _fm, row_h, _label_w = self._metrics()
        plot, start, end = self._plot()
        r = 6.0
        for n, (label, _noun, c) in enumerate(self.rows):
            if c is None:
                continue
            y = plot.top() + (n + 0.5) * row_h
            for p in c.points:
                x = self._x(p.expected, plot, start, end)
                agreed = f"{label}: agreed for {fmt_date(p.expected)}"
                if p.status == CadenceStatus.HELD and p.held is not None:
                    hx = self._x(p.held, plot, start, end)
                    tip = f"{agreed}, held on {fmt_date(p.held)}"
                    self._marks.append(Mark("held", p.held, QRectF(hx - r, y - r, 2 * r, 2 * r), tip))
                elif p.status == CadenceStatus.MISSED:
                    tip = f"{agreed}: missed (none held within {c.tolerance_days} days either side)"
                    self._marks.append(Mark("missed", p.expected, QRectF(x - r, y - r, 2 * r, 2 * r), tip))
                else:
                    tip = f"{agreed}: not yet due (can be held until {fmt_date(p.expected + timedelta(days=c.tolerance_days))})"
                    self._marks.append(Mark("pending", p.expected, QRectF(x - r, y - r, 2 * r, 2 * r), tip))
            for h in c.extra_held:
                hx = self._x(h, plot, start, end)
                tip = f"{label}: held on {fmt_date(h)} (besides the agreed dates)"
                self._marks.append(Mark("extra", h, QRectF(hx - r, y - r, 2 * r, 2 * r), tip))

    # -- painting -------------------------------------------------------------------------------------------
    def _paint(self, p: QPainter, colors: ChartColors) -> None:
        fm, row_h, _label_w = self._metrics()
        if not self.rows:
            p.setPen(colors.muted)
            p.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, "No co-working to show.")
            return
        self._layout()
        plot, start, end = self._plot()
        # month grid and axis labels
        p.setPen(QPen(colors.grid, 1))
        month = date(start.year, start.month, 1)
        axis_y = plot.bottom() + 4
        last_label_right = -1.0
        first = True
        while month <= end:
            if month >= start:
                x = self._x(month, plot, start, end)
                p.setPen(QPen(colors.grid, 1))
                p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
                text = f"{month:%b %Y}" if first or month.month == 1 else f"{month:%b}"
                w = fm.horizontalAdvance(text)
                if x - w / 2 > last_label_right + 6 and x + w / 2 <= self.width() - 4:
                    p.setPen(colors.muted)
                    p.drawText(QPointF(x - w / 2, axis_y + fm.ascent()), text)
                    last_label_right = x + w / 2
                    first = False
            month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        # rows
        for n, (label, _noun, c) in enumerate(self.rows):
            y = plot.top() + (n + 0.5) * row_h
            p.setPen(colors.text)
            p.drawText(
                QRectF(12, y - row_h / 2, plot.left() - 20, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )
            if c is None:
                p.setPen(colors.muted)
                p.drawText(
                    QRectF(plot.left(), y - row_h / 2, plot.width(), row_h),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    "No frequency agreed",
                )
                continue
            x0 = self._x(max(c.anchor, start), plot, start, end)
            x1 = self._x(min(c.until, end), plot, start, end)
            p.setPen(QPen(colors.muted, 1.2))
            p.drawLine(QPointF(x0, y), QPointF(x1, y))
            for point in c.points:
                x = self._x(point.expected, plot, start, end)
                if point.status == CadenceStatus.HELD and point.held is not None:
                    _tick(p, x, y, 11, colors.text)  # a miss or a pending date is drawn on its agreed date
                    hx = self._x(point.held, plot, start, end)
                    if abs(hx - x) > 1:
                        p.setPen(QPen(colors.held, 1.4, Qt.PenStyle.DotLine))
                        p.drawLine(QPointF(x, y - 9), QPointF(hx, y - 9))
                    _dot(p, QPointF(hx, y), 5.5, colors.held)
                elif point.status == CadenceStatus.MISSED:
                    _cross(p, QPointF(x, y), 6, colors.missed)
                else:
                    p.setBrush(colors.background)
                    _dot(p, QPointF(x, y), 5.5, colors.text, filled=False)
            for h in c.extra_held:
                _dot(p, QPointF(self._x(h, plot, start, end), y), 5.5, colors.held)
        # the day looked at
        tx = self._x(self.on, plot, start, end)
        p.setPen(QPen(colors.text, 1.4, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(tx, plot.top() - 2), QPointF(tx, plot.bottom()))
        today = "Today" if self.on == dates.today() else fmt_date(self.on)
        w = fm.horizontalAdvance(today)
        lx = min(max(tx - w / 2, plot.left()), self.width() - w - 6)
        p.setPen(colors.text)
        p.drawText(QPointF(lx, plot.top() - 6), today)
        # legend
        legend_top = axis_y + fm.height() + 10
        for line_no, line in enumerate(self._legend_layout(float(self.width()))):
            ly = legend_top + line_no * (fm.height() + 8) + fm.height() / 2
            for kind, text, x in line:
                centre = QPointF(x + 9, ly)
                if kind == "tick":
                    _tick(p, centre.x(), ly, 8, colors.text)
                elif kind == "held":
                    _dot(p, centre, 5, colors.held)
                elif kind == "missed":
                    _cross(p, centre, 5, colors.missed)
                elif kind == "pending":
                    _dot(p, centre, 5, colors.text, filled=False)
                else:
                    p.setPen(QPen(colors.text, 1.4, Qt.PenStyle.DashLine))
                    p.drawLine(QPointF(centre.x(), ly - 8), QPointF(centre.x(), ly + 8))
                p.setPen(colors.text)
                p.drawText(QPointF(x + 24, ly + fm.ascent() / 2 - 1), text)


# --------------------------------------------------------------------------------------------- ladder trend


class LadderTrend(_Chart):
    """The partnership-ladder rung of each review, oldest first, as a line with points."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ladderTrend")
        self.setAccessibleName(self.tr("Partnership over time"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.points: list[LadderPoint] = []
        self.rungs: tuple[str, ...] = ()

    def set_points(self, points: Sequence[LadderPoint], rungs: Sequence[str]) -> None:
        self.points = sorted(points, key=lambda pt: (pt.meeting_date, pt.record_id))
        self.rungs = tuple(rungs)
        self._update_description()

    def _rung_count(self) -> int:
        return max(len(self.rungs), max((pt.rung for pt in self.points), default=0) + 1, 2)

    def _rung_label(self, n: int) -> str:
        return self.rungs[n] if n < len(self.rungs) else str(n)

    def summary(self) -> str:
        if not self.points:
            return "No review has answered the partnership ladder yet."
        top = self._rung_count() - 1
        parts = "; ".join(
            f"{fmt_date(pt.meeting_date)}: {pt.label} ({pt.rung} of {top})" for pt in self.points
        )
        reviews = _plural(len(self.points), "review")
        trend = ""
        if len(self.points) > 1:
            change = self.points[-1].rung - self.points[0].rung
            if change > 0:
                trend = f" Up {_plural(change, 'rung')} since the first."
            elif change < 0:
                trend = f" Down {_plural(-change, 'rung')} since the first."
            else:
                trend = " No change since the first."
        return f"Partnership ladder over {reviews}: {parts}.{trend}"

    def _metrics(self) -> tuple[QFontMetrics, float, float]:
        fm = self.fontMetrics()
        step = fm.height() * 1.15
        label_w = max(
            (fm.horizontalAdvance(self._rung_label(n)) for n in range(self._rung_count())), default=0
        )
        return fm, step, float(label_w + 26)

    def sizeHint(self) -> QSize:
        fm, step, label_w = self._metrics()
        return QSize(int(label_w + 420), int(step * (self._rung_count() - 1) + fm.height() * 3 + 26))

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(int(self._metrics()[2] + 160), hint.height())

    def _plot(self) -> QRectF:
        fm, step, label_w = self._metrics()
        top = fm.height() * 0.5 + 12
        return QRectF(label_w, top, max(self.width() - label_w - 34, 40), step * (self._rung_count() - 1))

    def _xs(self, plot: QRectF) -> list[float]:
        if not self.points:
            return []
        if len(self.points) == 1:
            return [plot.center().x()]
        start, end = self.points[0].meeting_date, self.points[-1].meeting_date
        span = max((end - start).days, 1)
        inner = plot.adjusted(40, 0, -40, 0)
        return [inner.left() + (pt.meeting_date - start).days / span * inner.width() for pt in self.points]

    def _y(self, rung: int, plot: QRectF) -> float:
        top = self._rung_count() - 1
        return plot.bottom() - rung / top * plot.height()

    def _layout(self) -> None:
        plot = self._plot()
        r = 6.0
        top = self._rung_count() - 1
        self._marks = [
            Mark(
                "rung",
                pt.meeting_date,
                QRectF(x - r, self._y(pt.rung, plot) - r, 2 * r, 2 * r),
                f"Review of {fmt_date(pt.meeting_date)}: {pt.label} (rung {pt.rung} of {top})",
            )
            for pt, x in zip(self.points, self._xs(plot), strict=True)
        ]

    def _paint(self, p: QPainter, colors: ChartColors) -> None:
        fm, _step, _label_w = self._metrics()
        plot = self._plot()
        for n in range(self._rung_count()):
            y = self._y(n, plot)
            p.setPen(QPen(colors.grid, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(colors.text if n in (0, self._rung_count() - 1) else colors.muted)
            p.drawText(
                QRectF(8, y - fm.height() / 2, plot.left() - 16, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self._rung_label(n),
            )
        if not self.points:
            p.setPen(colors.muted)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No review has answered the ladder yet")
            return
        self._layout()
        centres = [m.rect.center() for m in self._marks]
        p.setPen(QPen(colors.line, 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for a, b in pairwise(centres):
            p.drawLine(a, b)
        last_right = -1.0
        for m, c in zip(self._marks, centres, strict=True):
            p.setPen(QPen(colors.background, 2))
            p.setBrush(colors.line)
            p.drawEllipse(c, 6.5, 6.5)
            text = fmt_date(m.day)
            w = fm.horizontalAdvance(text)
            x = min(max(c.x() - w / 2, plot.left()), self.width() - w - 12)
            if x > last_right + 8:
                p.setPen(colors.muted)
                p.drawText(QPointF(x, plot.bottom() + fm.height() + 8), text)
                last_right = x + w
