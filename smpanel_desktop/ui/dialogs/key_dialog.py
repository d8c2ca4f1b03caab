"""Panel ▸ Set API key…: see the stored key masked, replace it or delete it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from smpanel_desktop.secrets import KeyStoreError, KeyStoreUnavailable, mask
from smpanel_desktop.store.models import Panel
from smpanel_desktop.ui.dialogs.keyring_dialog import KeyringUnavailableDialog
from smpanel_desktop.ui.session import PanelSession
from smpanel_desktop.ui.widgets.named import named


class KeyDialog(QDialog):
    keyChanged = Signal()  # a key was saved or deleted

    def __init__(self, session: PanelSession, panel: Panel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.keys = session.keys
        self.panel = panel
        self.setObjectName("keyDialog")
        self.setWindowTitle(self.tr("API key for {panel}").format(panel=panel.name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.current = named(QLabel(), "keyCurrent")
        self.storage = named(QLabel(), "keyStorage")
        self.storage.setWordWrap(True)
        self.key = named(QLineEdit(), "keyInput")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(self.tr("Paste the new key"))
        self.message = named(QLabel(), "keyMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = named(QPushButton(self.tr("Save key")), "keySave")
        self.save_button.setDefault(True)
        self.delete_button = named(QPushButton(self.tr("Delete key")), "keyDelete")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.key.textChanged.connect(lambda text: self.save_button.setEnabled(bool(text.strip())))
        form = QFormLayout(self)
        form.addRow(self.tr("Panel"), QLabel(f"{panel.name}  ({panel.endpoint})"))
        form.addRow(self.tr("Stored key"), self.current)
        form.addRow("", self.storage)
        form.addRow(self.tr("New key"), self.key)
        form.addRow("", self.message)
        form.addRow(buttons)
        self.setMinimumWidth(480)
        self.save_button.setEnabled(False)
        self._show_current()

    def _show_current(self) -> None:
        try:
            stored = self.keys.get(self.panel.name)
            where = self.tr("Kept in: {place}").format(place=self.keys.backend_name())
        except KeyStoreError as exc:
            stored, where = None, str(exc)
        self.current.setText(mask(stored) if stored else self.tr("No key stored"))
        if self.session.key_from_env:
            where += "\n" + self.tr("SMPANEL_API_KEY is set: it is used instead of the stored key.")
        self.storage.setText(where)
        self.delete_button.setEnabled(bool(stored))

    @Slot()
    def save(self) -> bool:
        key = self.key.text().strip()
        if not key:
            return False
        try:
            self.keys.set(self.panel.name, key)
        except KeyStoreUnavailable as exc:
            dialog = KeyringUnavailableDialog(self.keys, str(exc), self)
            dialog.memoryOnlyChosen.connect(self.save)
            dialog.open()
            return False
        except (KeyStoreError, ValueError) as exc:
            self.message.setText(str(exc))
            return False
        self.key.clear()
        self.message.setText(self.tr("Key saved."))
        self._show_current()
        self.keyChanged.emit()
        return True

    @Slot()
    def delete(self) -> None:
        try:
            self.keys.delete(self.panel.name)
        except KeyStoreError as exc:
            self.message.setText(self.tr("Could not delete the key: {error}").format(error=exc))
            return
        self.message.setText(self.tr("Key deleted."))
        self._show_current()
        self.keyChanged.emit()
