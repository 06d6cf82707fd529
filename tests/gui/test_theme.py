"""The theme: light, dark and high-contrast palettes, following the system's light or dark, text scaling that
never compounds, and the saved choice."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from cowork_desktop.domain.due import Severity
from cowork_desktop.ui import theme
from cowork_desktop.ui.wizard.style import contrast


def test_high_contrast_palette_is_black_white_and_yellow(qapp: QApplication) -> None:
    theme.apply_theme(qapp, True, 1.0)
    palette = qapp.palette()
    assert palette.color(QPalette.ColorRole.Window).name() == "#000000"
    assert palette.color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    assert palette.color(QPalette.ColorRole.Highlight).name() == "#ffff00"
    assert theme.colors().high_contrast
    assert "#ffff00" in qapp.styleSheet()  # the yellow focus frame


def test_normal_palette_and_severity_colours_differ_from_high_contrast(qapp: QApplication) -> None:
    theme.apply_theme(qapp, False, 1.0)
    assert qapp.palette().color(QPalette.ColorRole.Window).name() != "#000000"
    normal = theme.colors().severity[Severity.URGENT]
    theme.apply_theme(qapp, True, 1.0)
    assert theme.colors().severity[Severity.URGENT] != normal


def test_text_scale_is_relative_to_the_base_size_and_does_not_compound(qapp: QApplication) -> None:
    base = theme.base_point_size(qapp)
    assert base >= theme.MIN_BASE_POINT_SIZE
    theme.apply_theme(qapp, False, 1.5)
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.5)
    theme.apply_theme(qapp, False, 1.25)
    theme.apply_theme(qapp, False, 1.25)
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.25)
    theme.apply_theme(qapp, False, 1.0)
    assert qapp.font().pointSizeF() == pytest.approx(base)


def test_odd_scales_snap_to_the_offered_ones(qapp: QApplication) -> None:
    theme.apply_theme(qapp, False, 1.4)
    assert theme.current_theme(qapp).text_scale == 1.5


def test_the_choice_is_saved_and_restored(qapp: QApplication) -> None:
    theme.apply_theme(qapp, True, 1.25)
    assert theme.saved_theme() == theme.ThemeSettings(True, 1.25)
    theme.apply_theme(qapp, False, 1.0, persist=False)
    restored = theme.apply_saved_theme(qapp)
    assert restored == theme.ThemeSettings(True, 1.25)
    assert theme.colors().high_contrast


def test_nothing_saved_means_the_normal_theme(qapp: QApplication) -> None:
    assert theme.saved_theme() == theme.ThemeSettings(False, 1.0)


# -- dark -------------------------------------------------------------------------------------------------------


def test_the_dark_palette_is_chosen_when_asked_for_and_remembered(qapp: QApplication) -> None:
    theme.apply_theme(qapp, False, 1.0, appearance="dark")
    assert theme.colors() is theme.DARK and theme.colors().dark
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == theme.DARK_WINDOW
    assert qapp.palette().color(QPalette.ColorRole.WindowText).name() == theme.DARK_TEXT
    assert theme.colors().panel in qapp.styleSheet()
    assert "QCheckBox::indicator" in qapp.styleSheet() and "check-dark.svg" in qapp.styleSheet()
    assert theme.current_theme(qapp).appearance == "dark"
    assert theme.saved_theme() == theme.ThemeSettings(False, 1.0, "dark")
    theme.apply_theme(qapp, False, 1.0, appearance="light")
    assert theme.colors() is theme.NORMAL
    theme.apply_theme(qapp, False, 1.0, persist=False)
    assert theme.apply_saved_theme(qapp).appearance == "light"


def test_following_the_system_is_dark_only_when_the_system_is_dark() -> None:
    dark, light, unknown = Qt.ColorScheme.Dark, Qt.ColorScheme.Light, Qt.ColorScheme.Unknown
    assert theme.wants_dark("system", dark)
    assert not theme.wants_dark("system", light)
    assert not theme.wants_dark("system", unknown)
    assert theme.wants_dark("dark", light) and not theme.wants_dark("light", dark)
    assert not theme.wants_dark("nonsense", unknown)  # an unknown choice follows the system
    assert theme.choose_colors(False, "system", dark) is theme.DARK
    assert theme.choose_colors(False, "system", light) is theme.NORMAL
    # high contrast is its own choice and wins over dark
    assert theme.choose_colors(True, "dark", dark) is theme.HIGH_CONTRAST


def test_a_system_switch_to_dark_is_followed_only_when_following_the_system(qapp: QApplication) -> None:
    theme.apply_theme(qapp, False, 1.25, persist=False, appearance="system", scheme=Qt.ColorScheme.Light)
    assert theme.colors() is theme.NORMAL
    theme._system_scheme_changed(Qt.ColorScheme.Dark)  # what styleHints().colorSchemeChanged calls
    assert theme.colors() is theme.DARK
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == theme.DARK_WINDOW
    assert theme.current_theme(qapp) == theme.ThemeSettings(False, 1.25, "system")
    theme._system_scheme_changed(Qt.ColorScheme.Light)
    assert theme.colors() is theme.NORMAL
    theme.apply_theme(qapp, False, 1.0, persist=False, appearance="light")
    theme._system_scheme_changed(Qt.ColorScheme.Dark)
    assert theme.colors() is theme.NORMAL  # a fixed choice stays
    theme.apply_theme(qapp, True, 1.0, persist=False, appearance="system", scheme=Qt.ColorScheme.Light)
    theme._system_scheme_changed(Qt.ColorScheme.Dark)
    assert theme.colors() is theme.HIGH_CONTRAST


def test_every_theme_change_is_announced(qapp: QApplication) -> None:
    seen: list[bool] = []

    def note() -> None:
        seen.append(True)

    theme.notifier().changed.connect(note)
    try:
        theme.apply_theme(qapp, False, 1.0, persist=False, appearance="dark")
    finally:
        theme.notifier().changed.disconnect(note)
    assert seen == [True]


def _contrast(a: str, b: str) -> float:
    return contrast(QColor(a), QColor(b))


def test_the_dark_colours_are_readable(qapp: QApplication) -> None:
    """WCAG AA: text, hints and errors at least 4.5:1 on every dark surface they are shown on; the severity
    cells, the banner and the navigation too. Every ThemeColors field is checked, so a new one needs a dark
    variant that passes."""
    d = theme.DARK
    palette = theme.dark_palette()
    window = palette.color(QPalette.ColorRole.Window).name()
    base = palette.color(QPalette.ColorRole.Base).name()
    alternate = palette.color(QPalette.ColorRole.AlternateBase).name()
    button = palette.color(QPalette.ColorRole.Button).name()
    surfaces = (window, base, alternate, d.panel)
    checked: set[str] = {"high_contrast", "dark"}
    for name in ("error", "hint", "accent", "nav_text"):
        for surface in surfaces:
            assert _contrast(getattr(d, name), surface) >= 4.5, (name, surface)
        checked.add(name)
    for role_text, on in (
        (QPalette.ColorRole.Text, base),
        (QPalette.ColorRole.WindowText, window),
        (QPalette.ColorRole.ButtonText, button),
        (QPalette.ColorRole.PlaceholderText, base),
        (QPalette.ColorRole.Link, base),
    ):
        assert _contrast(palette.color(role_text).name(), on) >= 4.5, role_text
    highlight = palette.color(QPalette.ColorRole.Highlight).name()
    assert _contrast(palette.color(QPalette.ColorRole.HighlightedText).name(), highlight) >= 4.5
    for severity, (bg, fg) in d.severity.items():
        assert _contrast(fg, bg) >= 4.5, severity
        assert _contrast(fg, theme.NORMAL.severity[severity][0]) < 4.5  # a dark variant, not the light one
    checked.add("severity")
    assert _contrast(d.nav_text, d.sidebar) >= 4.5 and _contrast(d.nav_text, d.nav_hover) >= 4.5
    assert _contrast(d.nav_selected_text, d.nav_selected) >= 4.5
    assert _contrast(d.banner_text, d.banner) >= 4.5
    checked |= {"sidebar", "nav_hover", "nav_selected", "nav_selected_text", "banner", "banner_text"}
    # the surfaces are dark, their borders visible on them
    for name in ("panel", "sidebar", "nav_hover", "banner"):
        assert _contrast(getattr(d, name), "#000000") < 4.0, name
    assert _contrast(d.panel_border, d.panel) >= 1.3
    # check boxes and radio buttons (Fusion's own outline vanishes on dark grey): 3:1 for controls
    assert _contrast(theme.DARK_OUTLINE, window) >= 3 and _contrast(theme.DARK_OUTLINE, base) >= 3
    checked |= {"panel", "panel_border"}
    assert checked == {f.name for f in dataclasses.fields(theme.ThemeColors)}
