"""What the chosen service is: type, rate per 1000, min and max, flags and description."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from smpanel_desktop.api.models import Service
from smpanel_desktop.ui.widgets.formatting import format_count, format_money


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


class ServiceDetails(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Service", parent)
        self.setObjectName("orderDetails")
        form = QFormLayout(self)
        self._labels: dict[str, QLabel] = {}
        for key, title in (
            ("name", "Name"),
            ("category", "Category"),
            ("type", "Type"),
            ("rate", "Rate per 1000"),
            ("limits", "Min / max"),
            ("flags", "Refill / cancel / drip-feed"),
            ("description", "Description"),
        ):
            label = QLabel()
            label.setObjectName(f"orderDetail_{key}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # panel texts: never rendered as HTML
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{title}:", label)
            self._labels[key] = label
        self.show_service(None, "")

    def text(self, key: str) -> str:
        return self._labels[key].text()

    def show_service(self, service: Service | None, currency: str) -> None:
        if service is None:
            self.setTitle("Service: none chosen")
            for label in self._labels.values():
                label.setText("—")
            return
        self.setTitle(f"Service {service.id}")  # the name can be long: it wraps in its row
        self._labels["name"].setText(service.name)
        self._labels["category"].setText(service.category or "—")
        self._labels["type"].setText(service.type or "—")
        self._labels["rate"].setText(format_money(service.rate, currency))
        self._labels["limits"].setText(f"{format_count(service.min)} / {format_count(service.max)}")
        self._labels["flags"].setText(
            f"refill {_yes_no(service.refill)} · cancel {_yes_no(service.cancel)} · "
            f"drip-feed {_yes_no(service.dripfeed)}"
        )
        self._labels["description"].setText(service.description or "—")
