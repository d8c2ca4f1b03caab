"""The services table model: consistent for Qt's model tester, sorted without losing selection."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt

from smpanel_desktop.api.models import Service
from smpanel_desktop.sandbox.catalog import generate_catalog
from smpanel_desktop.ui.services.index import COL_MAX, COL_RATE, Filters
from smpanel_desktop.ui.services.model import ServiceRole, ServicesModel


def catalog(count: int = 200) -> list[Service]:
    _wire, specs = generate_catalog(count, seed=3)
    return [
        Service(
            s.id, s.name, s.type, s.category, s.rate, s.min, s.max, s.refill, s.cancel, s.dripfeed
        )
        for s in specs
    ]


def test_model_passes_qt_model_tester_through_load_filter_and_sort(qtmodeltester: Any) -> None:
    model = ServicesModel()
    qtmodeltester.check(model)
    model.set_services(catalog(), "USD")
    qtmodeltester.check(model)
    model.apply_filters(Filters(text="insta"))
    model.sort(COL_RATE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_services([], "USD")
    qtmodeltester.check(model)


def test_cells_show_rate_with_currency_and_unlimited_max() -> None:
    services = catalog()
    model = ServicesModel()
    model.set_services(services, "EUR")
    model.sort(COL_MAX, Qt.SortOrder.DescendingOrder)
    top = model.index(0, COL_MAX)
    assert model.data(top) == "Unlimited"
    assert model.data(top, ServiceRole).max == 2147483647
    rate = model.data(model.index(0, COL_RATE))
    assert rate.endswith(" EUR")
    assert model.headerData(COL_RATE, Qt.Orientation.Horizontal) == "Rate per 1000"


def test_sorting_keeps_the_selected_service_selected() -> None:
    model = ServicesModel()
    model.set_services(catalog(), "USD")
    selection = QItemSelectionModel(model)
    wanted = model.service_at(17)
    assert wanted is not None
    selection.select(
        model.index(17, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    model.sort(COL_RATE, Qt.SortOrder.AscendingOrder)
    rows = selection.selectedRows()
    assert len(rows) == 1
    assert model.service_at(rows[0].row()) == wanted
    assert rows[0].row() == model.row_of(wanted.id)
