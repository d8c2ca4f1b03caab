"""New Order's quick row: the favourite star of the chosen service, the presets menu (place
from a preset in two clicks: *Presets*, then its name) and the way to the Mass order view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QMenu, QPushButton, QToolButton, QWidget

from smpanel_desktop.api.models import Service
from smpanel_desktop.store.favourites import Preset
from smpanel_desktop.ui.favourites import Favourites
from smpanel_desktop.ui.widgets.named import named

STAR_ON, STAR_OFF = "★", "☆"


class QuickBar(QWidget):
    presetChosen = Signal(object)  # Preset: fill the form from it (and ask to place it)
    presetSaved = Signal(str)  # the form was saved as a preset with this name
    massOrderRequested = Signal()

    def __init__(
        self,
        favourites: Favourites,
        values: Callable[[], dict[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        """``values()``: the form's texts now (what a preset saves with the service)."""
        super().__init__(parent)
        self.favourites = favourites
        self._values = values
        self.service: Service | None = None
        self.name_dialog: QInputDialog | None = None
        self.star = named(QToolButton(), "newOrderFavourite")
        self.star.setCheckable(True)
        self.star.setEnabled(False)
        self.presets = named(QToolButton(), "newOrderPresets")
        self.presets.setText(self.tr("Presets"))
        self.presets.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = named(QMenu(self), "newOrderPresetsMenu")
        self.presets.setMenu(self.menu)
        self.mass = named(QPushButton(self.tr("Mass order…")), "newOrderMassOrder")
        self.mass.setToolTip(self.tr("Place many orders at once from a list"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.star, self.presets, self.mass):
            layout.addWidget(widget)
        self.star.clicked.connect(self._star_clicked)
        self.mass.clicked.connect(self.massOrderRequested)
        self.menu.aboutToShow.connect(self.fill_menu)
        favourites.changed.connect(self._show_star)
        self._show_star()

    def set_service(self, service: Service | None) -> None:
        self.service = service
        self._show_star()

    @Slot()
    def _show_star(self) -> None:
        on = self.service is not None and self.favourites.is_favourite(self.service.id)
        self.star.setEnabled(self.service is not None)
        self.star.setChecked(on)
        self.star.setText(STAR_ON if on else STAR_OFF)
        self.star.setToolTip(
            self.tr("Remove from favourites") if on else self.tr("Add to favourites")
        )

    @Slot(bool)
    def _star_clicked(self, checked: bool) -> None:
        if self.service is not None:
            self.favourites.set_favourite(self.service.id, checked)

    @Slot()
    def fill_menu(self) -> None:
        """The presets of this panel, then saving and deleting (built when the menu opens)."""
        menu = self.menu
        menu.clear()
        for preset in self.favourites.presets:
            action = menu.addAction(preset.name)
            action.triggered.connect(lambda _=False, p=preset: self.presetChosen.emit(p))
        if not self.favourites.presets:
            menu.addAction(self.tr("No presets yet")).setEnabled(False)
        menu.addSeparator()
        save = menu.addAction(self.tr("Save as preset…"))
        save.setEnabled(self.service is not None)
        save.triggered.connect(self.ask_name)
        delete = menu.addMenu(self.tr("Delete preset"))
        delete.setEnabled(bool(self.favourites.presets))
        for preset in self.favourites.presets:
            action = delete.addAction(preset.name)
            action.triggered.connect(lambda _=False, p=preset: self._delete(p))

    def _delete(self, preset: Preset) -> None:
        self.favourites.delete_preset(preset)

    @Slot()
    def ask_name(self) -> QInputDialog:
        """The preset's name (``name_dialog``, window-modal, no nested event loop)."""
        dialog = QInputDialog(self)
        dialog.setObjectName("presetNameDialog")
        dialog.setWindowTitle(self.tr("Save as preset"))
        dialog.setLabelText(self.tr("Name of the preset (service and filled fields):"))
        if self.service is not None:
            dialog.setTextValue(self.service.name[:60])
        self.name_dialog = dialog
        dialog.textValueSelected.connect(self._named)
        dialog.open()
        return dialog

    @Slot(str)
    def _named(self, name: str) -> None:
        self.name_dialog = None
        if name.strip() and self.service is not None:
            self.favourites.save_preset(name.strip(), self.service.id, self._values())
            self.presetSaved.emit(name.strip())
