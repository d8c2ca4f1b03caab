"""Turkish and English through Qt's own tools: complete .ts sources, fresh .qm files, the app in
Turkish (tabs, menus, buttons, statuses, number formats), the language choice and its menu."""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from smpanel_desktop.app import DesktopApp, parse_args
from smpanel_desktop.core.orders import fields as order_fields
from smpanel_desktop.store.models import UNKNOWN, TrackedOrder
from smpanel_desktop.ui import language
from smpanel_desktop.ui.new_order.field_texts import FIELD_TEXTS
from smpanel_desktop.ui.orders.columns import COL_STATUS
from smpanel_desktop.ui.orders.model import OrdersModel
from smpanel_desktop.ui.settings import UiSettings
from smpanel_desktop.ui.widgets.formatting import format_money, format_time

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # noqa: E402  (packaging/translations.py)

PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%L?n|<[^>]+>")


def messages(code: str) -> list[ET.Element]:
    return list(ET.parse(translations.ts_file(code)).getroot().iter("message"))


@pytest.fixture
def in_language(qtbot: QtBot) -> Iterator[Any]:
    """``start(code)``: the app on the demo panel with ``--lang code``; English again after."""
    made: list[DesktopApp] = []

    def start(code: str, *extra: str) -> DesktopApp:
        gui = DesktopApp(parse_args(["--demo", "--lang", code, *extra]))
        made.append(gui)
        qtbot.addWidget(gui.window)
        gui.start()
        qtbot.waitExposed(gui.window)
        qtbot.waitUntil(lambda: bool(gui.ctx.services), timeout=20_000)
        return gui

    yield start
    for gui in made:
        for widget in QApplication.topLevelWidgets():
            if widget.parentWidget() is gui.window:
                widget.close()
        gui.window.close()
        gui.shutdown()
    language.apply("en")


@pytest.mark.parametrize("code", sorted(translations.LANGUAGES))
def test_every_text_is_translated_and_none_is_obsolete(code: str) -> None:
    found = messages(code)
    assert len(found) > 300
    bad = []
    for message in found:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if kind in ("unfinished", "obsolete", "vanished") or not all(forms):
            bad.append(f"{kind or 'empty'}: {source}")
            continue
        wanted = sorted(p for p in PLACEHOLDER.findall(source) if not p.startswith("%"))
        for form in forms:
            if sorted(p for p in PLACEHOLDER.findall(form) if not p.startswith("%")) != wanted:
                bad.append(f"placeholders differ: {source!r} -> {form!r}")
    assert not bad, "\n".join(bad)


def test_the_ts_sources_and_qm_files_are_up_to_date() -> None:
    """A new tr() text not yet in the .ts files (run ``make translations``), or a .qm older
    than its .ts, fails here."""
    assert translations.check() == []


def test_every_order_field_label_and_help_can_be_translated() -> None:
    texts = set(FIELD_TEXTS)
    for specs in order_fields.FIELDS_BY_TYPE.values():
        for spec in specs:
            assert spec.label in texts
            assert not spec.help or spec.help in texts


def test_language_choice_order() -> None:
    assert language.choose("tr_TR.UTF-8", "en") == "tr"
    assert language.choose(None, "tr") == "tr"
    assert language.choose("xx", "") == language.system_language()
    assert language.normalize("TR-tr") == "tr"
    assert language.normalize("de") is None


def test_the_app_in_turkish(in_language: Any) -> None:
    gui = in_language("tr")
    window = gui.window
    tabs = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert tabs == ["Servisler", "Yeni Sipariş", "Siparişler", "Bakiye", "Genel Bakış"]
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["Dosya", "Panel", "Görünüm", "Siparişler", "Bildirimler", "Yardım"]
    assert window.findChild(QPushButton, "servicesRefresh").text().replace("&", "") == "Yenile"
    assert window.findChild(QPushButton, "orderSubmit").text().replace("&", "") == "Sipariş ver…"
    # Turkish number formats: 3.000 services, money 1.234,56
    count = window.findChild(QLabel, "servicesCount").text()
    assert count == "3.000 / 3.000 servis"
    assert format_money(Decimal("1234.56"), "TRY") == "1.234,56 TRY"
    assert QLocale().toString(1234.5, "f", 2) == "1.234,50"
    assert window.connection_label.text() == "● DEMO panel (yerleşik deneme ortamı)"
    assert format_time(86400 * 3).count(".") == 2  # an older date as 4.01.1970 00:00


def test_qt_own_dialog_buttons_are_turkish_too(in_language: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    in_language("tr")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "İptal"


_ids = iter(range(1, 1000))


def _order(status: str | None, state: str = "placed") -> TrackedOrder:
    return TrackedOrder(next(_ids), 1, 10, 5, "Likes", "Default", {}, status=status, state=state)


def test_known_statuses_are_translated_with_the_panels_text_as_tooltip(in_language: Any) -> None:
    in_language("tr")
    model = OrdersModel()
    model.set_orders(
        [
            _order("In progress"),
            _order("Completed"),
            _order("Partial"),
            _order("Canceled"),
            _order("Pending"),
            _order("Awaiting moderation"),
            _order(None, UNKNOWN),
        ]
    )
    shown = [model.data(model.index(r, COL_STATUS)) for r in range(model.rowCount())]
    assert shown == [
        "İşlemde",
        "Tamamlandı",
        "Kısmi",
        "İptal edildi",
        "Beklemede",
        "Awaiting moderation",  # unknown to us: as the panel wrote it
        "Bilinmiyor",
    ]
    tooltip = Qt.ItemDataRole.ToolTipRole
    assert model.data(model.index(0, COL_STATUS), tooltip) == "Panelde: In progress"
    assert model.data(model.index(5, COL_STATUS), tooltip) is None


def test_english_plurals_have_their_own_forms(in_language: Any) -> None:
    gui = in_language("en")
    actions = gui.window.orders_tab.order_actions
    assert actions.tr("Copied %n link(s).", "", 1) == "Copied 1 link."
    assert actions.tr("Copied %n link(s).", "", 3) == "Copied 3 links."


def test_view_language_menu_saves_the_choice_for_the_next_start(in_language: Any) -> None:
    gui = in_language("en")
    menus = gui.window.menus.view_menu
    turkish = gui.window.findChild(type(menus.language_menu.actions()[0]), "language_tr")
    assert turkish is not None
    turkish.trigger()
    assert UiSettings().language() == "tr"
    assert "next start" in gui.window.statusBar().currentMessage()
    gui.window.close()
    gui.shutdown()
    language.apply("en")
    args = argparse.Namespace(api_url=None, data_dir=None, demo=True)  # no --lang: the saved one
    again = DesktopApp(args)
    try:
        assert again.language == "tr"
        assert again.window.tabs.tabText(0).replace("&", "") == "Servisler"
    finally:
        again.window.close()
        again.shutdown()


def test_no_plural_text_is_hidden_from_lupdate() -> None:
    """lupdate reads plural forms only from ``tr()`` calls: a counted text given to
    ``QCoreApplication.translate(context, text, disambiguation, n)`` never reaches the .ts files,
    so it shows "3 order(s)" in English and stays English in Turkish.  Such texts belong in
    ui/widgets/plurals.py."""
    import ast
    from pathlib import Path

    ui = Path(__file__).resolve().parents[2] / "smpanel_desktop" / "ui"
    hidden = []
    for path in ui.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "translate"
                and len(node.args) >= 4
                and isinstance(node.args[1], ast.Constant)
            ):
                hidden.append(f"{path.name}:{node.lineno}: {node.args[1].value}")
    assert not hidden, hidden
