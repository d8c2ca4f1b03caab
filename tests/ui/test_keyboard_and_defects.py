"""The keyboard-only user and the defects a first try on a small screen found: shortcuts,
Enter on a service row and in the order form, Tab out of tables, the confirmation with every
field of its type, cost hints, fields that never move, the first window on a small screen, no
display."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from order_helpers import fill, good_values, set_field
from orders_fixtures import OrderEnv
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from smpanel_desktop.app import display_problem
from smpanel_desktop.ui.new_order.tab import NewOrderTab
from smpanel_desktop.ui.widgets.screen_fit import clamp_to_screen, fit_to_screen


def shown(qtbot: QtBot, widget: QWidget) -> None:
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=5_000)


def demo(qtbot: QtBot, make_gui: Any, wait_idle: Any) -> Any:
    gui = make_gui(demo=True)
    qtbot.waitUntil(lambda: len(gui.ctx.services) == 3000, timeout=30_000)
    wait_idle(gui)
    return gui


def test_window_shortcuts(qtbot: QtBot, make_gui: Any, wait_idle: Any) -> None:
    gui = demo(qtbot, make_gui, wait_idle)
    window = gui.window
    window.activateWindow()
    for index in range(4):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == index
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.findChild(QLineEdit, "servicesSearch")
    with qtbot.waitSignal(gui.ctx.catalogBusy, timeout=5_000):  # the catalog is fetched again
        qtbot.keyClick(window, Qt.Key.Key_F5)
    wait_idle(gui)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.new_order_tab
    picker = window.new_order_tab.picker
    assert QApplication.focusWidget() in (picker, picker.search)
    dialog = window.menus.keyboard_shortcuts()
    texts = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "Ctrl+F" in texts and "F5" in texts and "Ctrl+N" in texts
    dialog.close()


def test_enter_on_a_service_row_opens_new_order_and_tab_leaves_the_table(
    qtbot: QtBot, make_gui: Any, wait_idle: Any
) -> None:
    gui = demo(qtbot, make_gui, wait_idle)
    window = gui.window
    table = window.findChild(QTableView, "servicesTable")
    table.setFocus()
    table.selectRow(3)
    wanted = window.services_tab.selected_service()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.new_order_tab
    assert window.new_order_tab.service == wanted
    window.tabs.setCurrentIndex(0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table  # Tab moved on instead of to the next cell


def test_enter_in_the_form_submits_through_the_confirmation(
    qtbot: QtBot, make_gui: Any, wait_idle: Any
) -> None:
    gui = demo(qtbot, make_gui, wait_idle)
    tab = gui.window.new_order_tab
    gui.window.tabs.setCurrentWidget(tab)
    service = next(s for s in gui.ctx.services if s.type == "Default")
    tab.select_service(service)
    fill(tab, good_values(service))
    link = tab.findChild(QWidget, "field_link")
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Return)
    assert tab.confirm_dialog is not None  # asked first: nothing is sent before the answer
    # while the confirmation is open nothing is being placed, and the button does not say so
    assert "Placing" not in tab.submit_button.text()
    tab.confirm_dialog.reject()


def test_an_invalid_form_says_so_and_drops_the_old_result(
    qtbot: QtBot, order_env: OrderEnv
) -> None:
    tab = NewOrderTab(order_env.ctx)
    qtbot.addWidget(tab)
    shown(qtbot, tab)
    tab.select_service(order_env.service("Default"))
    tab.result.setText("Order placed: id 123. It is tracked in Orders.")
    tab.submit()
    assert tab.confirm_dialog is None
    assert tab.result.text() == ""
    assert "nothing was sent" in tab.error.text()
    assert QApplication.focusWidget() is tab.findChild(QWidget, "field_link")


def _confirmation_rows(tab: NewOrderTab) -> dict[str, str]:
    dialog = tab.confirm_dialog
    assert dialog is not None
    form = dialog.layout().itemAt(0).layout()
    out = {}
    titles = []
    for row in range(form.rowCount()):
        title = form.itemAt(row, form.ItemRole.LabelRole).widget()
        value = form.itemAt(row, form.ItemRole.FieldRole).widget()
        titles.append(title.text())
        out[value.objectName()] = value.text()
    tab.confirm_labels = titles  # type: ignore[attr-defined]
    dialog.reject()
    return out


def test_the_confirmation_shows_every_field_of_the_type(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    tab = NewOrderTab(env.ctx)
    qtbot.addWidget(tab)
    tab.show()
    for kind, expected in (
        ("Poll", ["Answer number"]),
        ("Custom Comments", ["3 lines:"]),
        ("Subscriptions", ["Username", "Min per post", "Max per post", "New posts"]),
    ):
        service = env.service(kind)
        tab.select_service(service)
        values = good_values(service)
        if kind == "Custom Comments":
            values["comments"] = "one\ntwo\nthree"
        if kind == "Subscriptions":
            values["posts"] = "10"
        fill(tab, values)
        tab.submit()
        rows = _confirmation_rows(tab)
        shown = " | ".join(rows.values())
        titles = " | ".join(tab.confirm_labels)
        for part in expected:
            assert part in shown or part in titles, (kind, part, rows, titles)
        if kind == "Subscriptions":
            assert rows["confirmCost"] not in ("", "unknown")  # the range from min/max × posts
            assert "–" in rows["confirmCost"]


def test_cost_hints_fit_the_type(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    tab = NewOrderTab(env.ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.select_service(env.service("Custom Comments"))
    assert "quantity" not in tab.cost.text()
    assert "comments" in tab.cost.text()
    service = env.service("Subscriptions")
    tab.select_service(service)
    fill(tab, {"min": "100", "max": "200", "posts": "5"})
    low = service.rate * 100 * 5 / 1000
    assert "–" in tab.cost.text() and "5 posts" in tab.cost.text()
    assert str(low.normalize()).split(".")[0] in tab.cost.text().replace(",", "")


def test_messages_and_drip_feed_never_move_the_fields(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    tab = NewOrderTab(env.ctx)
    qtbot.addWidget(tab)
    tab.resize(1000, 800)
    tab.show()
    tab.select_service(env.service("Default", dripfeed=True))
    quantity = tab.findChild(QWidget, "field_quantity")
    link = tab.findChild(QWidget, "field_link")
    qtbot.wait(10)
    before = quantity.mapTo(tab, quantity.rect().topLeft())
    x_before = link.mapTo(tab, link.rect().topLeft()).x()
    set_field(tab, "link", "not a link")  # an inline message under the link
    qtbot.wait(10)
    assert tab.form.message_for("link")
    assert quantity.mapTo(tab, quantity.rect().topLeft()) == before
    assert tab.form.dripfeed is not None
    tab.form.dripfeed.setChecked(True)  # "Interval (minutes)" is the longest label
    qtbot.wait(10)
    assert link.mapTo(tab, link.rect().topLeft()).x() == x_before


def test_the_first_window_fits_a_small_screen(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    screen = QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    fit_to_screen(window, 5000, 5000)
    assert window.width() <= area.width() * 0.9 + 1 and window.height() <= area.height() * 0.9 + 1
    window.setGeometry(QRect(area.right() - 100, area.bottom() - 50, 3000, 2000))  # saved elsewhere
    clamp_to_screen(window)
    assert area.contains(window.geometry())


def test_without_a_display_the_app_says_so() -> None:
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    if sys.platform.startswith("linux"):
        assert "display" in (display_problem({}) or "")
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env.pop("QT_QPA_PLATFORM", None)
        run = subprocess.run(
            [sys.executable, "-m", "smpanel_desktop", "--demo"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 2
        assert "no display found" in run.stderr and "xcb" not in run.stderr


def test_typing_an_id_lists_that_id_first(qtbot: QtBot) -> None:
    from decimal import Decimal

    from smpanel_desktop.api.models import Service
    from smpanel_desktop.ui.new_order.service_picker import ServicePicker

    def svc(sid: int) -> Service:
        return Service(id=sid, name=f"S{sid}", type="Default", category="C", rate=Decimal(1),
                       min=1, max=10)  # fmt: skip

    picker = ServicePicker()
    qtbot.addWidget(picker)
    picker.show()
    picker.set_services([svc(5698), svc(15690), svc(569), svc(5690), svc(7)])
    picker.search.setFocus()
    qtbot.keyClicks(picker.search, "569")
    completer = picker.completer()
    shown = [completer.completionModel().index(r, 0).data() for r in range(3)]
    assert shown[0].startswith("569 —")
    assert shown[1].startswith(("5698 —", "5690 —"))
    picker.search.clear()
    qtbot.keyClicks(picker.search, "S7")
    assert completer.completionModel().index(0, 0).data().startswith("7 —")


def test_a_picker_never_shown_makes_its_labels_when_first_needed(qtbot: QtBot) -> None:
    from decimal import Decimal

    from smpanel_desktop.api.models import Service
    from smpanel_desktop.ui.new_order.service_picker import ServicePicker

    def svc(sid: int, rate: int = 1) -> Service:
        return Service(id=sid, name=f"S{sid}", type="Default", category="C",
                       rate=Decimal(rate), min=1, max=10)  # fmt: skip

    picker = ServicePicker()
    qtbot.addWidget(picker)
    chosen: list[Service | None] = []
    picker.serviceChosen.connect(chosen.append)
    picker.set_services([svc(1), svc(2)])
    assert picker.count() == 0 and picker.current_service() is None  # hidden: no labels yet
    picker.select_service(svc(2))  # a service requested: the labels are made
    assert picker.count() == 2 and picker.currentText().startswith("2 —")
    again = ServicePicker()
    qtbot.addWidget(again)
    again.serviceChosen.connect(chosen.append)
    again.set_services([svc(1), svc(2)])
    again.set_services([svc(2, rate=3), svc(3)])  # a refresh while hidden, nothing chosen
    assert again.count() == 0 and chosen == [svc(2)]
    again.show()
    assert [again.itemText(r)[:3] for r in range(again.count())] == ["2 —", "3 —"]
    assert again.currentIndex() == -1 and chosen == [svc(2)]
    picker.set_services([svc(2, rate=3), svc(3)])  # once made, kept up to date as before
    assert picker.count() == 2 and chosen == [svc(2), svc(2, rate=3)]


def test_a_long_status_message_ends_at_a_word_never_mid_word(qtbot: QtBot) -> None:
    from smpanel_desktop.ui.widgets.labels import StatusLine

    line = StatusLine()
    qtbot.addWidget(line)
    line.resize(260, 20)
    line.show()
    text = "Catalog refresh failed: the panel did not answer within thirty seconds, retrying"
    line.show_message(text)
    shown = line.text()
    assert shown.endswith(" …") and text.startswith(shown[:-2])
    assert text.split(" ")[len(shown[:-2].split(" ")) - 1] == shown[:-2].split(" ")[-1]  # whole
    assert line.fontMetrics().horizontalAdvance(shown) <= line.width()
    assert line.toolTip() == text
    line.resize(2000, 20)
    assert line.text() == text
