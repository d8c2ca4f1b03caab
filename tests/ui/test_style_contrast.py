"""Colours: every role readable (WCAG 4.5:1) on the light and the dark palette, no hex code
outside the style module, and View → Theme switching light/dark with tinted labels following."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from smpanel_desktop.ui.widgets import style, theme

UI = Path(__file__).resolve().parents[2] / "smpanel_desktop" / "ui"
R = QPalette.ColorRole


def luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def restore_theme() -> Iterator[None]:
    yield
    theme.apply_theme("system")


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_role_has_at_least_4_5_to_1_contrast(name: str) -> None:
    palette = theme.light_palette() if name == "light" else theme.dark_palette()
    assert style.is_dark(palette) == (name == "dark")
    low = []
    for role in style.ROLES:
        for background in (R.Window, R.Base, R.AlternateBase):
            ratio = contrast(style.color(role, palette), palette.color(background))
            if ratio < 4.5:
                low.append(f"{role} on {background.name}: {ratio:.2f}")
    text = contrast(palette.color(R.Text), palette.color(R.Base))
    assert text >= 4.5
    assert not low, low


def test_no_colour_is_hard_coded_outside_the_style_modules() -> None:
    hexes = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|\brgb\(")
    found = [
        f"{path.relative_to(UI)}: {m.group()}"
        for path in UI.rglob("*.py")
        if path.name not in ("style.py", "theme.py")
        for m in hexes.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not found, found


def test_view_theme_switches_and_tinted_labels_follow(
    qtbot: QtBot, make_gui: Any, restore_theme: None
) -> None:
    gui = make_gui(demo=True)
    label = QLabel("x")
    qtbot.addWidget(label)
    style.tint(label, style.ERROR)
    light = style.color(style.ERROR, theme.light_palette()).name()
    dark = style.color(style.ERROR, theme.dark_palette()).name()
    gui.window.findChild(type(gui.window.menus.view_menu.theme_group.actions()[0]), "theme_dark")
    gui.window.menus.view_menu.choose_theme("dark")
    assert style.is_dark(QGuiApplication.palette())
    assert dark in label.styleSheet()
    assert gui.settings.theme() == "dark"
    gui.window.menus.view_menu.choose_theme("light")
    assert not style.is_dark(QGuiApplication.palette())
    assert light in label.styleSheet()
