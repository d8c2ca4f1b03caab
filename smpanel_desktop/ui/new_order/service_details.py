"""What the chosen service is: type, rate per 1000, min and max, flags and description."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from smpanel_desktop.api.models import Service
from smpanel_desktop.core.orders.fields import PACKAGE_TYPES, canonical_type
from smpanel_desktop.ui.widgets.formatting import format_count, format_money
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP


def _yes_no(flag: bool) -> str:
    return QCoreApplication.translate("ServiceDetails", "yes" if flag else "no")


_YES_NO = (QT_TRANSLATE_NOOP("ServiceDetails", "yes"), QT_TRANSLATE_NOOP("ServiceDetails", "no"))


class ServiceDetails(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Service"), parent)
        self.setObjectName("orderDetails")
        form = QFormLayout(self)
        self._labels: dict[str, QLabel] = {}
        for key, title in (
            ("name", self.tr("Name:")),
            ("category", self.tr("Category:")),
            ("type", self.tr("Type:")),
            ("rate", self.tr("Rate per 1000:")),
            ("limits", self.tr("Min / max:")),
            ("flags", self.tr("Refill / cancel / drip-feed:")),
            ("description", self.tr("Description:")),
        ):
            label = QLabel()
            label.setObjectName(f"orderDetail_{key}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # panel texts: never rendered as HTML
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(title, label)
            self._labels[key] = label
        self.show_service(None, "")

    def text(self, key: str) -> str:
        return self._labels[key].text()

    def show_service(self, service: Service | None, currency: str) -> None:
        if service is None:
            self.setTitle(self.tr("Service: none chosen"))
            for label in self._labels.values():
                label.setText("—")
            return
        self.setTitle(
            self.tr("Service {id}").format(id=service.id)
        )  # the name can be long: it wraps in its row
        self._labels["name"].setText(service.name)
        self._labels["category"].setText(service.category or "—")
        self._labels["type"].setText(service.type or "—")
        rate = format_money(service.rate, currency)
        if canonical_type(service.type) in PACKAGE_TYPES:  # one package, not a rate per 1000
            rate = self.tr("{price} per package").format(price=rate)
        self._labels["rate"].setText(rate)
        self._labels["limits"].setText(f"{format_count(service.min)} / {format_count(service.max)}")
        self._labels["flags"].setText(
            self.tr("refill {refill} · cancel {cancel} · drip-feed {dripfeed}").format(
                refill=_yes_no(service.refill),
                cancel=_yes_no(service.cancel),
                dripfeed=_yes_no(service.dripfeed),
            )
        )
        self._labels["description"].setText(service.description or "—")
