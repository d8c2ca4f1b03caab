"""Services tab, watchers' part, against the real sandbox: a catalog fetch that finds a repriced,
a removed and a new service shows "Changes (3)", a used service's change is pointed out."""

from __future__ import annotations

from decimal import Decimal

from order_helpers import good_values
from orders_fixtures import OrderEnv
from pytestqt.qtbot import QtBot

from smpanel_desktop.core.catalog import refresh_catalog
from smpanel_desktop.core.placing import place_order
from smpanel_desktop.ui.services.tab import ServicesTab
from smpanel_desktop.ui.watch.changes import CatalogChangesView


def test_changes_button_and_view(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    refresh_catalog(env.store, env.client, env.panel)  # the previous fetch
    used = env.service("Default", refill=True)
    place_order(env.store, env.client, env.panel, used, good_values(used))
    tab = ServicesTab(env.ctx)
    qtbot.addWidget(tab)
    tab.show()
    button = tab.changes
    qtbot.waitUntil(lambda: button.text() == "Changes (0)")
    assert not button.isEnabled()

    wire = [dict(w) for w in env.sandbox.catalog]
    other = next(w for w in wire if int(w["service"]) != used.id)
    for w in wire:
        if int(w["service"]) == used.id:
            w["rate"] = str(Decimal(str(w["rate"])) + 1)
    added = dict(wire[0], service=777_001, name="New one")
    env.sandbox.set_catalog([w for w in wire if w is not other] + [added])
    env.ctx.refresh_catalog()
    qtbot.waitUntil(lambda: button.text() == "Changes (3)", timeout=10_000)
    assert button.isEnabled() and button.toolTip().startswith("1 change")
    assert "bold" in button.styleSheet()

    button.click()
    view = button.view
    assert isinstance(view, CatalogChangesView) and view.isVisible()
    assert view.table.rowCount() == 3
    first = [view.table.item(0, c).text() for c in range(6)]
    assert first[1] == "★" and first[2] == str(used.id) and first[3] == "price"
    view.only_used.setChecked(True)
    assert view.table.rowCount() == 1
    kinds = {c.change for c in view.recent.changes}
    assert kinds == {"rate", "removed", "added"}


def test_refill_window_is_set_per_service(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    tab = ServicesTab(env.ctx)
    qtbot.addWidget(tab)
    tab.show()
    service = env.service("Default", refill=True)
    qtbot.waitUntil(lambda: tab.select_service(service.id))
    button = tab.refill_window
    assert button.isEnabled()
    button.click()
    qtbot.waitUntil(lambda: button.dialog is not None and button.dialog.isVisible())
    dialog = button.dialog
    assert dialog is not None
    assert "From the service name" in dialog.kind.currentText()
    assert not dialog.days.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("days"))
    dialog.days.setValue(45)
    with qtbot.waitSignal(env.ctx.ordersChanged, timeout=5000):
        dialog.accept()
    assert env.store.refill_windows(env.panel.id) == {service.id: "45"}
    button.click()
    qtbot.waitUntil(lambda: button.dialog is not dialog and button.dialog is not None)
    again = button.dialog
    assert again is not None and again.chosen() == "45"  # the setting is shown next time
    again.kind.setCurrentIndex(0)
    with qtbot.waitSignal(env.ctx.ordersChanged, timeout=5000):
        again.accept()
    assert env.store.refill_windows(env.panel.id) == {}
