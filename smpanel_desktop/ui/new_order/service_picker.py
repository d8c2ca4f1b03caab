"""A searchable service picker: an editable combo over the catalog with a contains-completer.

The labels live in a QStringListModel and the completer filters them in C++, so typing stays
fluid on 20,000 services.  Typing a service id and pressing Enter selects it too; while digits
are typed the exact id is listed first, then the ids that start with them (569, then 5690…),
then the other labels that contain them.

The labels are made the first time they are needed (the picker shown, a service selected):
50,000 labels are ~15 MB in Qt and twice that while being made in Python, at each catalog
change of a session that may never open New Order.  Until then the choice is kept in Python.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QListView, QWidget

from smpanel_desktop.api.models import Service


def service_label(service: Service) -> str:
    return f"{service.id} — {service.name} [{service.category}]"


class ServicePicker(QComboBox):
    """``serviceChosen(Service)`` fires when the user (or code) picks a service."""

    serviceChosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderService")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setMinimumContentsLength(40)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        search = self.lineEdit()
        assert search is not None  # editable: the combo has its line edit
        self.search: QLineEdit = search
        self.search.setPlaceholderText(self.tr("Search services by id, name or category…"))
        self._services: list[Service] = []
        self._row_by_id: dict[int, int] = {}
        self._filled = True  # the combo's rows are the labels of self._services
        self._row = -1  # the chosen row while they are not
        self._labels = QStringListModel(self)
        self.setModel(self._labels)
        completer = QCompleter(self._labels, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(15)
        self.setCompleter(completer)
        self._completer = completer
        self._by_id = QStringListModel(self)  # the candidates for a typed id, best first
        for view in (self.view(), completer.popup()):  # 20,000 rows: no per-row size hints
            if isinstance(view, QListView):
                view.setUniformItemSizes(True)
        self.setCurrentIndex(-1)
        self.currentIndexChanged.connect(self._on_index)
        self.search.returnPressed.connect(self._on_return)
        self.search.textEdited.connect(self._rank_for_id)

    def set_services(self, services: list[Service]) -> None:
        """Replace the catalog, keeping the current selection when it still exists."""
        current = self.current_service()
        self._services = list(services)
        self._row_by_id = {s.id: row for row, s in enumerate(self._services)}
        row = self._row_by_id.get(current.id, -1) if current is not None else -1
        if self._labels.rowCount() or self.isVisible():
            self._fill(row)
        else:  # never shown: the labels wait until they are needed (the module's docstring)
            self._filled, self._row = False, row
        new = self.current_service()
        if new != current:
            self.serviceChosen.emit(new)

    def _fill(self, row: int) -> None:
        with QSignalBlocker(self):
            self._labels.setStringList([service_label(s) for s in self._services])
            self.setCurrentIndex(row)
            self.search.setCursorPosition(0)
        self._filled = True

    def showEvent(self, event: QShowEvent) -> None:
        if not self._filled:
            self._fill(self._row)
        super().showEvent(event)

    def current_service(self) -> Service | None:
        row = self.currentIndex() if self._filled else self._row
        if 0 <= row < len(self._services):
            return self._services[row]
        return None

    def select_service(self, service: Service) -> bool:
        """Select ``service`` (by id); a service missing from the catalog is added at the end."""
        if not self._filled:
            self._fill(self._row)
        row = self._row_by_id.get(service.id)
        if row is None:
            self._services.append(service)
            row = len(self._services) - 1
            self._row_by_id[service.id] = row
            self._labels.insertRows(row, 1)
            self._labels.setData(self._labels.index(row), service_label(service))
        elif self._services[row] != service:
            self._services[row] = service
        if self.currentIndex() == row:
            self.search.setCursorPosition(0)
            self.serviceChosen.emit(service)
        else:
            self.setCurrentIndex(row)
        return True

    def _on_index(self, row: int) -> None:
        self.search.setCursorPosition(0)  # long labels: show the id and the name's start
        self.serviceChosen.emit(self.current_service())

    def _rank_for_id(self, text: str) -> None:
        digits = text.strip()
        if not digits.isdigit():
            if self._completer.model() is not self._labels:
                self._completer.setModel(self._labels)
            return
        labels = self._labels.stringList()
        ids = [str(s.id) for s in self._services]
        starting = sorted(
            (i for i, sid in enumerate(ids) if sid.startswith(digits)), key=lambda i: len(ids[i])
        )
        first = set(starting)
        rest = [i for i, label in enumerate(labels) if digits in label and i not in first]
        self._by_id.setStringList([labels[i] for i in starting + rest])
        if self._completer.model() is not self._by_id:
            self._completer.setModel(self._by_id)

    def _on_return(self) -> None:
        text = self.search.text().strip()
        if text.isdigit() and int(text) in self._row_by_id:
            self.setCurrentIndex(self._row_by_id[int(text)])
