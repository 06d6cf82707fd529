"""Look and feel: a calm light or dark palette, or a high-contrast one (black, white, yellow focus), and text scaling.

The API is shared with the meeting wizards; keep it stable:

* ``apply_theme(app, high_contrast, text_scale, appearance=...)`` applies (and by default remembers) the choice;
  ``appearance`` is ``"light"``, ``"dark"`` or ``"system"`` (follow the platform's colour scheme, and follow it
  again when it changes). High contrast is a choice of its own and wins over dark;
* ``saved_theme()`` / ``apply_saved_theme(app)`` read it back from QSettings("cowork", "cowork-desktop");
* ``colors()`` gives the colours of the theme in use (error text, severity cells) for code that paints;
* ``notifier().changed`` is emitted after every change, so every view of the choice (the View menu's ticks, the
  settings dialog) follows one source of truth: what was applied last.

Fonts are scaled from the platform's base size, recorded once, so switching scale never compounds.
Widgets mark their role with a dynamic property (``role="title"``, ``"subtitle"``, ``"hint"``) or the
objectName ``fieldError``; the application style sheet below gives each its size and colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from cowork_desktop import paths
from cowork_desktop.domain.due import Severity

SETTINGS_ORG = "cowork"
SETTINGS_APP = "cowork-desktop"
TEXT_SCALES = (1.0, 1.25, 1.5)
#: "system" follows the platform's light or dark colour scheme
APPEARANCES = ("system", "light", "dark")
#: the smallest base size used: the platform default (often 9 pt) is small for a meeting-room screen
MIN_BASE_POINT_SIZE = 10.5
_BASE_SIZE_PROPERTY = "cowork_base_point_size"


@dataclass(frozen=True)
class ThemeColors:
    high_contrast: bool
    error: str
    hint: str
    accent: str
    # severity -> (background, foreground)
    severity: dict[Severity, tuple[str, str]]
    panel: str
    panel_border: str
    sidebar: str
    nav_text: str
    nav_selected: str
    nav_selected_text: str
    nav_hover: str
    banner: str
    banner_text: str
    #: light text on a dark background (the dark theme, and high contrast)
    dark: bool = False


NORMAL = ThemeColors(
    high_contrast=False,
    error="#b3261e",
    hint="#4a5561",
    accent="#1f5f99",
    severity={
        Severity.URGENT: ("#fbe0de", "#8c1d18"),
        Severity.OVERDUE: ("#fdefd3", "#6b4100"),
        Severity.DUE: ("#e2edf9", "#17497d"),
        Severity.COMING: ("#eef1f4", "#2b3640"),
    },
    panel="#ffffff",
    panel_border="#d5dbe1",
    sidebar="#e6ebf0",
    nav_text="#1b1f24",
    nav_selected="#1f5f99",
    nav_selected_text="#ffffff",
    nav_hover="#d6dee6",
    banner="#fdefd3",
    banner_text="#5c3800",
)

HIGH_CONTRAST = ThemeColors(
    high_contrast=True,
    error="#ffff00",
    hint="#ffffff",
    accent="#ffff00",
    severity={
        Severity.URGENT: ("#ffff00", "#000000"),
        Severity.OVERDUE: ("#000000", "#ffff00"),
        Severity.DUE: ("#000000", "#ffffff"),
        Severity.COMING: ("#000000", "#ffffff"),
    },
    panel="#000000",
    panel_border="#ffffff",
    sidebar="#000000",
    nav_text="#ffffff",
    nav_selected="#ffff00",
    nav_selected_text="#000000",
    nav_hover="#333333",
    banner="#ffff00",
    banner_text="#000000",
    dark=True,
)

#: calm dark greys; every text colour is at least 4.5:1 on the window, the panels and the fields (WCAG AA),
#: most above 6:1 (``tests/gui/test_theme.py`` checks them)
DARK = ThemeColors(
    high_contrast=False,
    error="#ff8f85",
    hint="#a9b3bd",
    accent="#7cb4f0",
    severity={
        Severity.URGENT: ("#4d1f1b", "#ffb4ab"),
        Severity.OVERDUE: ("#42300c", "#ffd285"),
        Severity.DUE: ("#1b3350", "#a9cff7"),
        Severity.COMING: ("#272c32", "#d5dbe1"),
    },
    panel="#272c32",
    panel_border="#3d444c",
    sidebar="#1a1d21",
    nav_text="#e6e9ec",
    nav_selected="#2b65a3",
    nav_selected_text="#ffffff",
    nav_hover="#2c3239",
    banner="#42300c",
    banner_text="#ffd285",
    dark=True,
)
#: the dark palette's surfaces (text colours are checked against each)
DARK_WINDOW = "#202428"
DARK_BASE = "#181b1f"
DARK_TEXT = "#e6e9ec"
#: outlines of check boxes and radio buttons (3:1 on the window and the fields, as WCAG asks of controls)
DARK_OUTLINE = "#8a939c"

_current = NORMAL


@dataclass(frozen=True)
class ThemeSettings:
    high_contrast: bool = False
    text_scale: float = 1.0
    appearance: str = "system"


class ThemeNotifier(QObject):
    """Emits ``changed`` after a theme is applied (the main window's View menu re-ticks itself)."""

    changed = Signal()


_notifier: ThemeNotifier | None = None
_FOLLOWING_PROPERTY = "cowork_listens_to_color_scheme"


def notifier() -> ThemeNotifier:
    """The one notifier (created when first asked for)."""
    global _notifier
    if _notifier is None:
        _notifier = ThemeNotifier()
    return _notifier


def colors() -> ThemeColors:
    """The colours of the theme in use."""
    return _current


def qsettings() -> QSettings:
    """This computer's settings for the app (theme, windows, recent databases and folders): one place to open them."""
    return QSettings(SETTINGS_ORG, SETTINGS_APP)


def _nearest_scale(value: float) -> float:
    return min(TEXT_SCALES, key=lambda s: abs(s - value))


def _appearance(value: object) -> str:
    text = str(value).strip().lower()
    return text if text in APPEARANCES else "system"


def saved_theme() -> ThemeSettings:
    s = qsettings()
    high = str(s.value("theme/high_contrast", "false")).lower() in ("true", "1")
    try:
        scale = float(str(s.value("theme/text_scale", "1.0")))
    except ValueError:
        scale = 1.0
    return ThemeSettings(high, _nearest_scale(scale), _appearance(s.value("theme/mode", "system")))


def save_theme(settings: ThemeSettings) -> None:
    s = qsettings()
    s.setValue("theme/high_contrast", "true" if settings.high_contrast else "false")
    s.setValue("theme/text_scale", str(settings.text_scale))
    s.setValue("theme/mode", _appearance(settings.appearance))
    s.sync()


def system_color_scheme() -> Qt.ColorScheme:
    """The platform's colour scheme now (``Unknown`` where the platform does not say, e.g. offscreen)."""
    if QGuiApplication.instance() is None:
        return Qt.ColorScheme.Unknown
    return QGuiApplication.styleHints().colorScheme()


def wants_dark(appearance: str, scheme: Qt.ColorScheme | None = None) -> bool:
    """Whether ``appearance`` means the dark palette; ``scheme`` is the system's (read now when None).

    ``"dark"`` and ``"light"`` are fixed; ``"system"`` is dark only when the platform says dark.
    """
    chosen = _appearance(appearance)
    if chosen != "system":
        return chosen == "dark"
    found = system_color_scheme() if scheme is None else scheme
    return found == Qt.ColorScheme.Dark


def choose_colors(high_contrast: bool, appearance: str, scheme: Qt.ColorScheme | None = None) -> ThemeColors:
    """High contrast wins over dark; then the appearance (and, when following it, the system's scheme)."""
    if high_contrast:
        return HIGH_CONTRAST
    return DARK if wants_dark(appearance, scheme) else NORMAL


def normal_palette() -> QPalette:
    p = QPalette()
    window = QColor("#f3f5f7")
    text = QColor("#1b1f24")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#f6f8fa"))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor("#e9edf1"))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#1f5f99"))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#66707a"))
        p.setColor(group, QPalette.ColorRole.Link, QColor("#1f5f99"))
        p.setColor(group, QPalette.ColorRole.Mid, QColor("#c3cad1"))
    disabled = QColor("#7d858d")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor("#eef1f4"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor("#f3f5f7"))
    return p


def dark_palette() -> QPalette:
    p = QPalette()
    window = QColor(DARK_WINDOW)
    text = QColor(DARK_TEXT)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, QColor(DARK_BASE))
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#1e2226"))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor("#2f353c"))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.BrightText, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#2b65a3"))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, QColor("#2f353c"))
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#959fa9"))
        p.setColor(group, QPalette.ColorRole.Link, QColor("#8cbdf2"))
        p.setColor(group, QPalette.ColorRole.LinkVisited, QColor("#c3a6f0"))
        # Fusion draws bevels, frames and check-box outlines from these: without them they come out black
        p.setColor(group, QPalette.ColorRole.Light, QColor("#4a525b"))
        p.setColor(group, QPalette.ColorRole.Midlight, QColor("#3d444c"))
        p.setColor(group, QPalette.ColorRole.Mid, QColor("#4a525b"))
        p.setColor(group, QPalette.ColorRole.Dark, QColor("#121417"))
        p.setColor(group, QPalette.ColorRole.Shadow, QColor("#0b0c0e"))
    disabled = QColor("#80888f")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor("#282d33"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor("#1d2024"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor("#3d444c"))
    return p


def high_contrast_palette() -> QPalette:
    p = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        for role in (
            QPalette.ColorRole.Window,
            QPalette.ColorRole.Base,
            QPalette.ColorRole.AlternateBase,
            QPalette.ColorRole.Button,
            QPalette.ColorRole.ToolTipBase,
        ):
            p.setColor(group, role, black)
        for role in (
            QPalette.ColorRole.WindowText,
            QPalette.ColorRole.Text,
            QPalette.ColorRole.ButtonText,
            QPalette.ColorRole.ToolTipText,
            QPalette.ColorRole.BrightText,
            QPalette.ColorRole.Mid,
            QPalette.ColorRole.Light,
        ):
            p.setColor(group, role, white)
        p.setColor(group, QPalette.ColorRole.Highlight, yellow)
        p.setColor(group, QPalette.ColorRole.HighlightedText, black)
        p.setColor(group, QPalette.ColorRole.Link, yellow)
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#d0d0d0"))
    # disabled stays readable on black (about 7:1) but visibly different from enabled text
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#a6a6a6"))
    return p


def _style_sheet(c: ThemeColors, base_pt: float) -> str:
    title = round(base_pt * 1.6, 1)
    subtitle = round(base_pt * 1.2, 1)
    sheet = f"""
QLabel[role="title"] {{ font-size: {title}pt; font-weight: 600; }}
QLabel[role="subtitle"] {{ font-size: {subtitle}pt; font-weight: 600; }}
QLabel[role="hint"] {{ color: {c.hint}; }}
QLabel[role="counts"] {{ font-size: {subtitle}pt; }}
QLabel#fieldError, QLabel[role="error"] {{ color: {c.error}; font-weight: 600; }}
QFrame[role="panel"] {{ background: {c.panel}; border: 1px solid {c.panel_border}; border-radius: 6px; }}
QLabel#demoBanner {{ background: {c.banner}; color: {c.banner_text}; font-weight: 600; padding: 6px 24px; }}
QFrame#integrityBanner {{ background: {c.panel}; border: 2px solid {c.error}; border-width: 2px 0; }}
QFrame#sidebar {{ background: {c.sidebar}; border-right: 1px solid {c.panel_border}; }}
QListWidget#navigation {{ border: none; background: transparent; outline: none; }}
QListWidget#navigation::item {{ padding: 9px 12px; margin: 1px 0; border-radius: 4px; color: {c.nav_text}; }}
QListWidget#navigation::item:selected {{ background: {c.nav_selected}; color: {c.nav_selected_text}; }}
QListWidget#navigation::item:hover:!selected {{ background: {c.nav_hover}; }}
QListWidget#navigation:focus {{ border: 2px solid {c.accent}; border-radius: 4px; }}
"""
    if not c.high_contrast:
        # a focus indicator of at least 2 px in every theme (WCAG 2.2, 2.4.11 and 2.4.13): Fusion draws 1 px
        sheet += f"""
QPushButton {{ padding: 5px 14px; }}
QPushButton:focus {{ border: 2px solid {c.accent}; border-radius: 4px; padding: 3px 12px; }}
QLineEdit:focus, QSpinBox:focus, QDateEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QTextEdit:focus,
QTableView:focus, QTreeView:focus, QListView:focus, QTextBrowser:focus {{ border: 2px solid {c.accent}; }}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {c.accent}; border-radius: 3px; }}
"""
    if c.dark and not c.high_contrast:
        # Fusion outlines check boxes and radio buttons with a darker shade of the window: invisible on dark grey
        tick = paths.resource("icons", "check-dark.svg").as_posix()
        sheet += f"""
QCheckBox::indicator, QRadioButton::indicator {{ width: 14px; height: 14px; border: 1px solid {DARK_OUTLINE};
              background: {DARK_BASE}; }}
QCheckBox::indicator {{ border-radius: 3px; }}
QRadioButton::indicator {{ border-radius: 8px; }}
QCheckBox::indicator:checked {{ background: {c.accent}; border-color: {c.accent}; image: url("{tick}"); }}
QRadioButton::indicator:checked {{ border-color: {c.accent}; background: qradialgradient(cx:0.5, cy:0.5,
              radius:0.5, fx:0.5, fy:0.5, stop:0 {c.accent}, stop:0.5 {c.accent}, stop:0.6 {DARK_BASE}); }}
QCheckBox::indicator:hover, QRadioButton::indicator:hover,
QCheckBox::indicator:focus, QRadioButton::indicator:focus {{ border: 1px solid {c.accent}; }}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{ border-color: #4a525b; background: #1d2024; }}
"""
    if c.high_contrast:
        sheet += """
QPushButton { background: #000000; color: #ffffff; border: 2px solid #ffffff; border-radius: 4px;
              padding: 5px 14px; }
QPushButton:disabled { color: #a6a6a6; border: 2px dashed #a6a6a6; }
QPushButton:focus, QPushButton:hover { border: 3px solid #ffff00; }
QLineEdit, QSpinBox, QDateEdit, QComboBox, QPlainTextEdit, QTextEdit {
              border: 2px solid #ffffff; padding: 3px; background: #000000; color: #ffffff; }
QLineEdit:focus, QSpinBox:focus, QDateEdit:focus, QComboBox:focus, QPlainTextEdit:focus,
QTextEdit:focus, QTableView:focus, QListView:focus, QListWidget:focus { border: 3px solid #ffff00; }
QCheckBox:focus, QRadioButton:focus { color: #ffff00; }
QCheckBox::indicator { width: 14px; height: 14px; border: 2px solid #ffffff; background: #000000; }
QCheckBox::indicator:checked { background: #ffff00; border: 2px solid #ffffff; }
QCheckBox::indicator:focus { border: 2px solid #ffff00; }
QRadioButton::indicator { width: 14px; height: 14px; border: 2px solid #ffffff; border-radius: 9px;
              background: #000000; }
QRadioButton::indicator:checked { background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
              stop:0 #ffff00, stop:0.55 #ffff00, stop:0.6 #000000); }
QRadioButton::indicator:focus { border: 2px solid #ffff00; }
QScrollBar:vertical { background: #000000; border: 1px solid #ffffff; width: 16px; }
QScrollBar::handle:vertical { background: #ffffff; min-height: 32px; margin: 2px; }
QScrollBar:horizontal { background: #000000; border: 1px solid #ffffff; height: 16px; }
QScrollBar::handle:horizontal { background: #ffffff; min-width: 32px; margin: 2px; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
QTableView { gridline-color: #ffffff; border: 2px solid #ffffff; }
QHeaderView::section { background: #000000; color: #ffffff; border: 1px solid #ffffff; padding: 4px; }
"""
    return sheet


def base_point_size(app: QApplication) -> float:
    """The unscaled text size, recorded the first time a theme is applied."""
    recorded = app.property(_BASE_SIZE_PROPERTY)
    if isinstance(recorded, (int, float)) and recorded > 0:
        return float(recorded)
    size = app.font().pointSizeF()
    base = max(size if size > 0 else MIN_BASE_POINT_SIZE, MIN_BASE_POINT_SIZE)
    app.setProperty(_BASE_SIZE_PROPERTY, base)
    return base


def _palette_for(c: ThemeColors) -> QPalette:
    if c.high_contrast:
        return high_contrast_palette()
    return dark_palette() if c.dark else normal_palette()


def apply_theme(
    app: QApplication,
    high_contrast: bool,
    text_scale: float,
    *,
    persist: bool = True,
    appearance: str = "system",
    scheme: Qt.ColorScheme | None = None,
) -> None:
    """Apply the palette (Fusion style), the text scale (1.0, 1.25 or 1.5) and the style sheet.

    ``appearance`` is ``"light"``, ``"dark"`` or ``"system"``; with ``"system"`` the theme is applied again when
    the platform switches between light and dark (``scheme``: the system's scheme, read now when None).
    High contrast wins over dark.
    """
    global _current
    scale = _nearest_scale(text_scale)
    chosen = _appearance(appearance)
    _current = choose_colors(high_contrast, chosen, scheme)
    base = base_point_size(app)
    if app.style().name().lower() != "fusion":
        # only once: re-creating the app style while a QWizard with its own wizard style is open crashes Qt 6.11
        app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(_palette_for(_current))
    font = QFont(app.font())
    font.setPointSizeF(base * scale)
    app.setFont(font)
    app.setStyleSheet(_style_sheet(_current, base * scale))
    app.setProperty("cowork_high_contrast", high_contrast)
    app.setProperty("cowork_text_scale", scale)
    app.setProperty("cowork_appearance", chosen)
    app.setProperty("cowork_dark", _current.dark)
    _follow_system(app)
    if persist:
        save_theme(ThemeSettings(high_contrast, scale, chosen))
    notifier().changed.emit()


def _follow_system(app: QApplication) -> None:
    """Listen (once per application) to the platform's light/dark switch; the handler acts only while the
    appearance is "system"."""
    if not app.property(_FOLLOWING_PROPERTY):
        app.styleHints().colorSchemeChanged.connect(_system_scheme_changed)
        app.setProperty(_FOLLOWING_PROPERTY, True)


def _system_scheme_changed(scheme: Qt.ColorScheme) -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication) or app.property("cowork_appearance") != "system":
        return
    now = current_theme(app)
    if choose_colors(now.high_contrast, "system", scheme) is _current:
        return  # nothing to change (e.g. high contrast is on)
    apply_theme(app, now.high_contrast, now.text_scale, persist=False, appearance="system", scheme=scheme)


def current_theme(app: QApplication) -> ThemeSettings:
    """What is applied now (falls back to the saved choice before any theme was applied)."""
    scale = app.property("cowork_text_scale")
    high = app.property("cowork_high_contrast")
    if isinstance(scale, float) and isinstance(high, bool):
        return ThemeSettings(high, scale, _appearance(app.property("cowork_appearance")))
    return saved_theme()


def apply_saved_theme(app: QApplication) -> ThemeSettings:
    chosen = saved_theme()
    apply_theme(app, chosen.high_contrast, chosen.text_scale, persist=False, appearance=chosen.appearance)
    return chosen
