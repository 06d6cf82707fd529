"""The theme: normal and high-contrast palettes, text scaling that never compounds, and the saved choice."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from cowork_desktop.domain.due import Severity
from cowork_desktop.ui import theme


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
