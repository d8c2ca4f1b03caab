"""The whole app, driven through the stable object names: order from the Services tab's
selection, watch it in Orders, as automation and accessibility tools do."""

from __future__ import annotations

from typing import Any

import pytest
from order_helpers import LINK
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView, QTabWidget
from pytestqt.qtbot import QtBot

from smpanel_desktop.ui.new_order.tab import NewOrderTab


def test_order_through_object_names(
    qtbot: QtBot, sandbox: Any, make_gui: Any, wait_idle: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
    gui = make_gui(api_url=sandbox.url)
    window = gui.window
    qtbot.waitUntil(lambda: len(gui.ctx.services) > 0, timeout=20_000)
    wait_idle(gui)
    tabs = window.findChild(QTabWidget, "mainTabs")
    service = next(s for s in gui.ctx.services if s.type == "Default")
    gui.ctx.orderServiceRequested.emit(service)  # what the Services tab's "Order…" does
    new_order = tabs.currentWidget()
    assert isinstance(new_order, NewOrderTab)
    assert str(service.id) in window.findChild(QComboBox, "orderService").currentText()
    window.findChild(QLineEdit, "field_link").setText(LINK)
    quantity = window.findChild(QLineEdit, "field_quantity")
    quantity.setText("0")
    assert "At least" in new_order.form.message_for("quantity")
    quantity.setText(str(service.min))
    assert gui.ctx.currency in window.findChild(QLabel, "orderCost").text()
    qtbot.mouseClick(window.findChild(QPushButton, "orderSubmit"), Qt.MouseButton.LeftButton)
    assert new_order.confirm_dialog is not None
    new_order.confirm_dialog.accept()
    qtbot.waitUntil(lambda: sandbox.order_count() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: "Order placed" in window.findChild(QLabel, "orderResult").text())
    assert window.findChild(QLabel, "orderError").text() == ""
    other = next(s for s in gui.ctx.services if s.id != service.id)
    new_order.select_service(other)  # the placed order's message does not stay with another one
    assert window.findChild(QLabel, "orderResult").text() == ""

    tabs.setCurrentIndex(2)
    table = window.findChild(QTableView, "ordersTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=10_000)
    (order_id,) = sandbox.orders
    assert table.model().index(0, 1).data() == str(order_id)
    qtbot.mouseClick(window.findChild(QPushButton, "ordersRefresh"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.model().index(0, 10).data() == "Pending", timeout=10_000)
    status = window.findChild(QComboBox, "ordersStatusFilter")
    status.setCurrentIndex(status.findText("Completed"))
    assert table.model().rowCount() == 0
