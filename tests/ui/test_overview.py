"""The Overview tab against two independent sandbox panels (own keys in the keyring, own
catalogs and balances): balances side by side with their errors, charts fed from the store,
the price comparison with "Order on the cheaper panel", the ledger and its CSV."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from smpanel_desktop.cli.main import main
from smpanel_desktop.paths import db_path
from smpanel_desktop.sandbox.server import SandboxPanel
from smpanel_desktop.secrets import KeyStore
from smpanel_desktop.store.panels import CURRENT_PANEL
from smpanel_desktop.store.store import Store

KEYS = {"alpha": "alpha-gui-key-11111111", "beta": "beta-gui-key-22222222"}


@pytest.fixture
def two_panels(data_dir: Path) -> Iterator[dict[str, SandboxPanel]]:
    panels = {
        "alpha": SandboxPanel(services=300, seed=7, key=KEYS["alpha"], balance=Decimal("500")),
        "beta": SandboxPanel(services=300, seed=8, key=KEYS["beta"], balance=Decimal("800")),
    }
    try:
        for name, sandbox in panels.items():
            sandbox.start()
            assert main(["panels", "add", name, sandbox.url]) == 0
            KeyStore().set(name, KEYS[name])
            ids = sandbox.place_orders(6, quantity=1000)
            assert main(["--panel", name, "import", *map(str, ids)]) == 0
            sandbox.clock.advance(3600)
            assert main(["--panel", name, "refresh"]) == 0
            assert main(["--panel", name, "services", "--json"]) == 0  # cached catalog
        with Store(db_path(data_dir)) as store:
            store.set_setting(CURRENT_PANEL, "alpha")
        yield panels
    finally:
        for sandbox in panels.values():
            sandbox.stop()


def open_overview(qtbot: QtBot, make_gui: Any, wait_idle: Any) -> Any:
    gui = make_gui(keys=KeyStore())
    wait_idle(gui)
    gui.window.tabs.setCurrentWidget(gui.window.overview_tab)
    tab = gui.window.overview_tab
    qtbot.waitUntil(lambda: tab.summary.table.rowCount() == 2 and not tab.summary.fetching,
                    timeout=20_000)  # fmt: skip
    wait_idle(gui)
    return gui, tab


def cell(table: Any, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def test_overview_tab_sits_after_balance(
    qtbot: QtBot, make_gui: Any, wait_idle: Any, two_panels: Any
) -> None:
    gui, _ = open_overview(qtbot, make_gui, wait_idle)
    tabs = gui.window.tabs
    assert [tabs.tabText(i).replace("&", "") for i in range(tabs.count())] == [
        "Services", "New Order", "Orders", "Balance", "Overview"]  # fmt: skip
    assert tabs.widget(4).objectName() == "overviewTab"


def test_balances_side_by_side_then_one_panel_down(
    qtbot: QtBot, make_gui: Any, wait_idle: Any, two_panels: dict[str, SandboxPanel]
) -> None:
    gui, tab = open_overview(qtbot, make_gui, wait_idle)
    table = tab.summary.table
    spent = {n: 0 for n in two_panels}
    for name, sandbox in two_panels.items():
        spent[name] = {"alpha": 500, "beta": 800}[name] - sandbox.balance
    qtbot.waitUntil(lambda: "USD" in cell(table, 1, 1), timeout=10_000)
    rows = {cell(table, r, 0): r for r in range(2)}
    for name, sandbox in two_panels.items():
        r = rows[name]
        assert Decimal(cell(table, r, 1).split()[0].replace(",", "")) == sandbox.balance
        assert cell(table, r, 2)  # the time it was fetched
        assert cell(table, r, 3) == "0"  # every order is final
        assert Decimal(cell(table, r, 4).split()[0]) == spent[name]
    assert two_panels["beta"].requests_for("balance") == 1  # its own key, from the keyring

    spend_chart, outcome_chart, balance_chart = tab.summary.charts
    assert len(balance_chart.chart().series()) == 2
    (bars,) = spend_chart.chart().series()
    totals = {
        b.label().split(" (")[0]: sum(b.at(i) for i in range(b.count())) for b in bars.barSets()
    }
    assert totals == pytest.approx({n: float(v) for n, v in spent.items()})
    (stack,) = outcome_chart.chart().series()
    assert sum(b.at(0) for b in stack.barSets()) == 12  # 6 orders per panel, all final

    two_panels["beta"].stop()
    qtbot.mouseClick(
        gui.window.findChild(QPushButton, "overviewRefresh"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: cell(table, rows["beta"], 1).startswith("error:"), timeout=20_000)
    assert "USD" in cell(table, rows["alpha"], 1)
    assert "beta" in tab.summary.alerts.text() and "alpha" not in tab.summary.alerts.text()
    assert "1 panel did not answer" in tab.summary.status.text()
    wait_idle(gui)


def test_compare_orders_on_the_cheaper_panel(
    qtbot: QtBot, make_gui: Any, wait_idle: Any, two_panels: dict[str, SandboxPanel]
) -> None:
    gui, tab = open_overview(qtbot, make_gui, wait_idle)
    tab.sections.setCurrentWidget(tab.compare)
    page = tab.compare
    with qtbot.waitSignal(page.searched, timeout=10_000):
        page.search.setText("instagram likes")
    rates = [o.service.rate for o in page.offers]
    assert rates == sorted(rates) and {o.panel.name for o in page.offers} == {"alpha", "beta"}
    assert page.results.rowCount() == len(page.offers)
    # choose the cheapest beta service and the alpha one like it: mark them as the same
    beta = next(r for r, o in enumerate(page.offers) if o.panel.name == "beta")
    alpha = next(r for r, o in enumerate(page.offers) if o.panel.name == "alpha" and
                 o.service.rate > page.offers[beta].service.rate)  # fmt: skip
    page.results.selectRow(alpha)
    page.results.setSelectionMode(page.results.SelectionMode.MultiSelection)
    page.results.selectRow(beta)
    assert page.link_button.isEnabled()
    qtbot.mouseClick(page.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gui.ctx.store.service_links() != [], timeout=10_000)
    wait_idle(gui)
    target = page.offers[beta].service
    page.results.clearSelection()
    page.results.selectRow(next(r for r, o in enumerate(page.offers) if o.panel.name == "alpha"
                                and o.service.id == page.offers[alpha].service.id))  # fmt: skip
    qtbot.mouseClick(page.order_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gui.ctx.panel is not None and gui.ctx.panel.name == "beta",
                    timeout=10_000)  # fmt: skip
    qtbot.waitUntil(lambda: gui.window.tabs.currentWidget() is gui.window.new_order_tab,
                    timeout=20_000)  # fmt: skip
    chosen = gui.window.new_order_tab.service
    assert chosen is not None and chosen.id == target.id
    wait_idle(gui)


def test_ledger_by_panel_and_csv_with_bom(
    qtbot: QtBot, make_gui: Any, wait_idle: Any, two_panels: dict[str, SandboxPanel],
    tmp_path: Path,
) -> None:  # fmt: skip
    gui, tab = open_overview(qtbot, make_gui, wait_idle)
    tab.sections.setCurrentWidget(tab.ledger)
    page = tab.ledger
    with qtbot.waitSignal(page.shown, timeout=10_000):
        page.by.setCurrentIndex(page.by.findData("panel"))
    got = {r.key: r.total for r in page.rows}
    assert got == {"alpha": 500 - two_panels["alpha"].balance,
                   "beta": 800 - two_panels["beta"].balance}  # fmt: skip
    path = tmp_path / "ledger.csv"
    page.export_ledger(path)
    qtbot.waitUntil(lambda: "written" in page.message.text(), timeout=10_000)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    page.export_orders(tmp_path / "orders.csv")
    qtbot.waitUntil(lambda: (tmp_path / "orders.csv").exists(), timeout=10_000)
    wait_idle(gui)
    assert (tmp_path / "orders.csv").read_text(encoding="utf-8-sig").count("\n") == 13
