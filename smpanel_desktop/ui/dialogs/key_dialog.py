"""Panel ▸ Set API key…: see the stored key masked, replace it or delete it.

Every keyring call (read, save, delete) runs on the worker; the dialog shows the outcome when it
comes back (and drops it when the dialog was closed meanwhile).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

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
        self.setWindowTitle(f"API key for {panel.name}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.current = named(QLabel(), "keyCurrent")
        self.storage = named(QLabel(), "keyStorage")
        self.storage.setWordWrap(True)
        self.key = named(QLineEdit(), "keyInput")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText("Paste the new key")
        self.message = named(QLabel(), "keyMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = named(QPushButton("Save key"), "keySave")
        self.save_button.setDefault(True)
        self.delete_button = named(QPushButton("Delete key"), "keyDelete")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.key.textChanged.connect(lambda text: self.save_button.setEnabled(bool(text.strip())))
        form = QFormLayout(self)
        form.addRow("Panel", QLabel(f"{panel.name}  ({panel.endpoint})"))
        form.addRow("Stored key", self.current)
        form.addRow("", self.storage)
        form.addRow("New key", self.key)
        form.addRow("", self.message)
        form.addRow(buttons)
        self.setMinimumWidth(480)
        self.save_button.setEnabled(False)
        self._show_current()

    def _work(
        self, fn: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Any], None]
    ) -> None:
        self.session.ctx.run(fn, done, failed, owner=self)

    def _show_current(self) -> None:
        """Read the stored key on the worker, then show it masked."""
        keys, name = self.keys, self.panel.name

        def read() -> tuple[str | None, str]:
            try:
                return keys.get(name), self.tr("Kept in: {place}").format(place=keys.backend_name())
            except KeyStoreError as exc:
                return None, str(exc)

        self._work(read, self._show_stored, self._failed)

    def _show_stored(self, found: tuple[str | None, str]) -> None:
        stored, where = found
        self.current.setText(mask(stored) if stored else self.tr("No key stored"))
        if self.session.key_from_env:
            where += "\n" + self.tr("SMPANEL_API_KEY is set: it is used instead of the stored key.")
        self.storage.setText(where)
        self.delete_button.setEnabled(bool(stored))

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(bool(self.key.text().strip()))
        if isinstance(exc, KeyStoreUnavailable):
            dialog = KeyringUnavailableDialog(self.keys, str(exc), self)
            dialog.memoryOnlyChosen.connect(self.save)
            dialog.open()
        else:
            self.message.setText(str(exc))

    @Slot()
    def save(self) -> bool:
        """Save the typed key (on the worker); False when there is nothing to save."""
        key = self.key.text().strip()
        if not key:
            return False
        self.save_button.setEnabled(False)
        self._work(partial(self.keys.set, self.panel.name, key), self._saved, self._failed)
        return True

    def _saved(self, _none: object) -> None:
        self.key.clear()
        self.message.setText(self.tr("Key saved."))
        self._show_current()
        self.keyChanged.emit()

    @Slot()
    def delete(self) -> None:
        """Delete the stored key (on the worker)."""

        def failed(exc: BaseException) -> None:
            self.message.setText(self.tr("Could not delete the key: {error}").format(error=exc))

        self._work(partial(self.keys.delete, self.panel.name), self._deleted, failed)

    def _deleted(self, _none: object) -> None:
        self.message.setText(self.tr("Key deleted."))
        self._show_current()
        self.keyChanged.emit()
