"""Labels and panels of the wizard pages, styled by the app theme (ui/theme.py) when it is applied.

The theme's style sheet styles widgets by role (``role="hint"``, ``role="title"``, objectName ``fieldError``).
Without a theme (a test, a screenshot) the colours are derived from the application palette, so the pages stay
readable on any palette, high contrast included.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

try:  # the theme module is owned by the main window's team; the wizard works without it
    from cowork_desktop.ui import theme as _theme
except ImportError:  # pragma: no cover - only before ui/theme.py exists
    _theme = None  # type: ignore[assignment]


def _palette() -> QPalette:
    app = QApplication.instance()
    return app.palette() if isinstance(app, QApplication) else QPalette()


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_dark() -> bool:
    return _luminance(_palette().color(QPalette.ColorRole.Window)) < 0.25


def high_contrast() -> bool:
    app = QApplication.instance()
    applied = app.property("cowork_high_contrast") if app is not None else None
    if isinstance(applied, bool):  # ui.theme.apply_theme says which theme is in use
        return applied
    p = _palette()  # no theme applied: a black-and-white palette is a high-contrast one
    return contrast(p.color(QPalette.ColorRole.Window), p.color(QPalette.ColorRole.WindowText)) >= 18


def muted_color() -> str:
    """Guidance text: softer than the text, but never below 4.5:1 against the window."""
    if _theme is not None and high_contrast():
        return _theme.colors().hint
    p = _palette()
    bg, fg = p.color(QPalette.ColorRole.Window), p.color(QPalette.ColorRole.WindowText)
    for mix in (0.72, 0.8, 0.88, 1.0):
        c = QColor.fromRgbF(
            fg.redF() * mix + bg.redF() * (1 - mix),
            fg.greenF() * mix + bg.greenF() * (1 - mix),
            fg.blueF() * mix + bg.blueF() * (1 - mix),
        )
        if contrast(c, bg) >= 4.5:
            return c.name()
    return fg.name()


def error_color() -> str:
    if _theme is not None and high_contrast() == _theme.colors().high_contrast:
        return _theme.colors().error  # the theme in use
    if is_dark():
        return "#ffff00" if high_contrast() else "#ffb4ab"
    return "#b3261e"


def urgent_colors() -> tuple[str, str, str]:
    """(background, text, border) of the urgent notice."""
    if high_contrast():
        return ("#ffff00", "#000000", "#ffff00")
    if is_dark():
        return ("#5c1a16", "#ffffff", "#ffb4ab")
    return ("#fbe0de", "#5f1410", "#b3261e")


def panel_colors() -> tuple[str, str]:
    """(background, border) of an information panel."""
    p = _palette()
    if high_contrast():
        return (p.color(QPalette.ColorRole.Window).name(), p.color(QPalette.ColorRole.WindowText).name())
    return (p.color(QPalette.ColorRole.Base).name(), p.color(QPalette.ColorRole.Mid).name())


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def hint_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {muted_color()};")
    return label


def prompt_text(text: str, required: bool) -> str:
    """A question's prompt as the screen shows it, and as a screen reader names its field: "(required)" after
    the prompt of a question that must be answered."""
    return text + ("  " + QCoreApplication.translate("Wizard", "(required)") if required else "")


def prompt_label(text: str, required: bool, parent: QWidget | None = None) -> QLabel:
    label = QLabel(prompt_text(text, required), parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setFont(scaled_font(label, 1.0, bold=True))
    return label


class MessageLabel(QLabel):
    """A field's message in a place kept for it: a line is reserved while there is nothing to say, and a message
    cleared keeps the room it took (hidden, so screen readers no longer announce it), so the controls never move
    under the pointer when a message appears or goes. Only a message longer than a line makes room for itself.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.hide()

    def _line(self) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().lineSpacing() + margins.top() + margins.bottom() + 2

    def heightForWidth(self, width: int) -> int:
        return max(super().heightForWidth(width), self._line())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self._line()))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self._line()))

    def show_message(self, message: str) -> None:
        """Show ``message``; "" hides it but keeps its text, and so the room it took."""
        if message:
            self.setText(message)
            self.show()
        else:
            self.hide()

    def message(self) -> str:
        return self.text() if not self.isHidden() else ""


def error_label(parent: QWidget | None = None) -> MessageLabel:
    label = MessageLabel(parent)
    label.setObjectName("fieldError")
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {error_color()}; font-weight: 600;")
    return label


def panel(object_name: str, parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName(object_name)
    frame.setProperty("role", "panel")
    bg, border = panel_colors()
    frame.setStyleSheet(
        f"QFrame#{object_name} {{ background: {bg}; border: 1px solid {border}; border-radius: 6px; }}"
    )
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 10, 12, 10)
    layout.setSpacing(6)
    return frame, layout


def high_contrast_indicators() -> str:
    """Radio buttons and check boxes readable on black: Fusion draws their outline from the window colour,
    which leaves a radio button invisible in a black-and-white palette. The app theme (ui/theme.py) styles
    them app-wide; this covers a wizard shown with a high-contrast palette but no theme applied."""
    app = QApplication.instance()
    theme_applied = app is not None and isinstance(app.property("cowork_high_contrast"), bool)
    if theme_applied or not high_contrast():
        return ""
    p = _palette()
    fg = p.color(QPalette.ColorRole.WindowText).name()
    bg = p.color(QPalette.ColorRole.Window).name()
    mark = p.color(QPalette.ColorRole.Highlight).name()
    return (
        f"QRadioButton::indicator {{ width: 14px; height: 14px; border: 2px solid {fg}; border-radius: 9px;"
        f" background: {bg}; }}"
        f" QRadioButton::indicator:checked {{ background: qradialgradient(cx:0.5, cy:0.5, radius:0.5,"
        f" fx:0.5, fy:0.5, stop:0 {mark}, stop:0.55 {mark}, stop:0.6 {bg}, stop:1 {bg}); }}"
        f" QRadioButton::indicator:focus, QCheckBox::indicator:focus {{ border-color: {mark}; }}"
        f" QCheckBox::indicator {{ width: 14px; height: 14px; border: 2px solid {fg}; background: {bg}; }}"
        f" QCheckBox::indicator:checked {{ background: {mark}; }}"
        f" QScrollBar:vertical {{ background: {bg}; border: 1px solid {fg}; width: 16px; }}"
        f" QScrollBar::handle:vertical {{ background: {fg}; min-height: 32px; margin: 2px; }}"
        " QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }"
    )
