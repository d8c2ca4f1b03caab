"""A pseudo-locale run: every text 40% longer and accented, the app at the size it gets on a
1366x768 screen; every tab and dialog is shown and no label, button or tab may be clipped."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from smpanel_desktop.ui import language

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "smpanel_desktop" / "resources" / "translations" / "smpanel_desktop_en.ts"
KEEP = re.compile(r"(\{[a-z_]+\}|%L?n|<[^>]+>|&[a-z]+;|&(?=\w)|\n)")
ACCENTS = str.maketrans("aeiouycnsgAEIOUYCNSG", "àéîöûÿçñşğÀÉÎÖÛŸÇÑŞĞ")
SCREEN = (1366, 768)  # the window gets 90% of it


def pseudo(text: str) -> str:
    """Accented and 40% longer; placeholders, tags and mnemonics kept as they are."""
    if not text:
        return text
    parts = KEEP.split(text)
    out = "".join(p if KEEP.fullmatch(p) else p.translate(ACCENTS) for p in parts)
    visible = sum(len(p) for p in parts if not KEEP.fullmatch(p))
    return out + "·" * max(1, round(visible * 0.4)) if visible else out


@pytest.fixture(scope="module")
def pseudo_qm(tmp_path_factory: Any) -> Path:
    tree = ET.parse(TS)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        forms = list(translation.iter("numerusform"))
        for element in forms or [translation]:
            element.text = pseudo(element.text or "")
    folder = tmp_path_factory.mktemp("pseudo")
    ts = folder / "pseudo.ts"
    tree.write(ts, encoding="utf-8")
    qm = folder / "pseudo.qm"
    lrelease = str(Path(__import__("sys").executable).with_name("pyside6-lrelease"))
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@pytest.fixture(autouse=True)
def english_afterwards() -> Any:
    yield
    language.apply("en")


def clipped(root: QWidget) -> list[str]:
    """Visible labels, buttons and tab bars of ``root`` smaller than their text needs."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel) and widget.text() and not widget.pixmap():
            if widget.wordWrap():
                if widget.height() + 1 < widget.heightForWidth(widget.width()):
                    found.append(f"{name}: wrapped text needs more height: {widget.text()[:40]}")
            elif widget.width() + 1 < widget.sizeHint().width():
                found.append(f"{name}: {widget.width()} < {widget.sizeHint().width()}: "
                             f"{widget.text()[:40]}")  # fmt: skip
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.width() + 1 < widget.sizeHint().width():
                found.append(f"{name}: {widget.width()} < {widget.sizeHint().width()}: "
                             f"{widget.text()[:40]}")  # fmt: skip
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.tabRect(i).width() + 1 < widget.tabSizeHint(i).width():
                    found.append(f"tab {widget.tabText(i)[:30]} clipped")
    return found


def _visit(qtbot: QtBot, widget: QWidget, fits: tuple[int, int] | None = None) -> list[str]:
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    problems = clipped(widget)
    # Qt never squeezes a layout below its minimum: a window that needs more than the screen
    # grows past it instead, and its edge is what gets cut off.
    need = widget.minimumSizeHint()
    limit = fits or (int(SCREEN[0] * 0.9), int(SCREEN[1] * 0.9))
    if need.width() > limit[0] or need.height() > limit[1]:
        problems.append(f"needs {need.width()}x{need.height()}, more than {limit[0]}x{limit[1]}")
    return problems


@pytest.mark.parametrize("texts", ["pseudo", "tr"])
def test_nothing_is_clipped_with_40_percent_longer_texts(
    qtbot: QtBot, make_gui: Any, wait_idle: Any, pseudo_qm: Path, monkeypatch: Any, texts: str
) -> None:
    """Every text 40% longer (and, for real, in Turkish)."""
    if texts == "pseudo":
        monkeypatch.setattr(language, "translation_file", lambda _code: str(pseudo_qm))
    else:
        monkeypatch.setattr(language, "system_language", lambda: "tr")
    gui = make_gui(demo=True, start=False)
    window = gui.window
    window.resize(int(SCREEN[0] * 0.9), int(SCREEN[1] * 0.9))
    gui.start()
    qtbot.waitUntil(lambda: len(gui.ctx.services) == 3000, timeout=30_000)
    wait_idle(gui)
    if gui.welcome is not None:
        gui.welcome.close()
    mark = "·" if texts == "pseudo" else "Servis"
    assert mark in window.tabs.tabText(0)
    problems: list[str] = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        problems += [f"tab {index}: {p}" for p in _visit(qtbot, window)]
    service = next(s for s in gui.ctx.services if s.type == "Default")
    tab = window.new_order_tab
    window.tabs.setCurrentWidget(tab)
    tab.select_service(service)
    tab.submit()  # the empty form: every message shown
    problems += [f"new order: {p}" for p in _visit(qtbot, window)]

    panels = window.manage_panels()
    panels.form.endpoint.setText("http://panel.example.com/api/v2")  # the http:// warning
    panels.form.key.setText("k")
    panels.form.test_connection()
    assert panels.form.result.text()
    dialogs: list[QDialog] = [panels, window.menus.keyboard_shortcuts()]
    from smpanel_desktop.ui.dialogs.key_dialog import KeyDialog
    from smpanel_desktop.ui.dialogs.welcome_dialog import WelcomeDialog
    from smpanel_desktop.ui.orders.import_dialog import ImportOrdersDialog

    dialogs.append(KeyDialog(gui.session, gui.ctx.panel, window))
    dialogs.append(ImportOrdersDialog(window))
    dialogs.append(WelcomeDialog(gui.ctx, gui.session, window))
    welcome_form = WelcomeDialog(gui.ctx, gui.session, window)
    welcome_form.show_form()
    welcome_form.form.endpoint.setText("http://panel.example.com/api/v2")  # the http:// warning
    welcome_form.form.key.setText("k")
    welcome_form.save()
    assert welcome_form.error.text() or welcome_form.form.result.text()
    dialogs.append(welcome_form)
    for dialog in dialogs:
        problems += [f"{dialog.objectName()}: {p}" for p in _visit(qtbot, dialog)]
        dialog.close()
    assert not problems, "\n".join(problems)


def test_the_check_sees_a_clipped_button_and_label(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QHBoxLayout, QPushButton

    box = QWidget()
    qtbot.addWidget(box)
    row = QHBoxLayout(box)
    button = QPushButton(pseudo("Place order…"))
    button.setFixedWidth(30)
    label = QLabel(pseudo("Last refresh: never"))
    label.setFixedWidth(20)
    row.addWidget(button)
    row.addWidget(label)
    box.show()
    qtbot.waitExposed(box)
    assert len(clipped(box)) == 2
    assert pseudo("Cost: {amount}").startswith("Çöşt: {amount}")
