"""Panel ▸ Set API key…: see the stored key masked, replace it (checked with the panel first:
a key the panel refuses is not saved, unless "Save anyway") or delete it.

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

from smpanel_desktop.api.errors import InvalidKeyError
from smpanel_desktop.secrets import KeyStoreError, KeyStoreUnavailable, mask
from smpanel_desktop.store.models import Panel
from smpanel_desktop.ui.dialogs.keyring_dialog import KeyringUnavailableDialog
from smpanel_desktop.ui.session import PanelSession, check_balance
from smpanel_desktop.ui.widgets import style
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
        self.save_button = named(QPushButton(self.tr("&Save key")), "keySave")
        self.save_button.setDefault(True)
        self.delete_button = named(QPushButton(self.tr("&Delete key")), "keyDelete")
        self.anyway_button = named(QPushButton(self.tr("Save &anyway")), "keySaveAnyway")
        self.anyway_button.hide()  # offered when the panel refused the key or could not be asked
        buttons.addButton(self.anyway_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.anyway_button.clicked.connect(lambda: self.save(check=False))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save())  # not clicked(bool) as `check`
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
            dialog.memoryOnlyChosen.connect(lambda: self.save(check=False))
            dialog.open()
        else:
            self.message.setText(str(exc))

    @Slot()
    def save(self, check: bool = True) -> bool:
        """Check the typed key with the panel (a balance call), then save it, both on the
        worker; ``check=False`` saves at once.  False when there is nothing to save."""
        key = self.key.text().strip()
        if not key:
            return False
        self.save_button.setEnabled(False)
        self.anyway_button.hide()
        style.tint(self.message, None)
        if check:
            self.message.setText(self.tr("Checking the key with the panel…"))
            self._work(
                partial(check_balance, self.panel.endpoint, key, self.session.ctx.inflight),
                lambda _balance: self._store(key),
                lambda exc: self._refused(key, exc),
            )
            return True
        self._store(key)
        return True

    def _store(self, key: str) -> None:
        if self.key.text().strip() != key:
            self.save_button.setEnabled(bool(self.key.text().strip()))
            return  # another key was typed meanwhile
        self._work(partial(self.keys.set, self.panel.name, key), self._saved, self._failed)

    def _refused(self, key: str, exc: BaseException) -> None:
        self.save_button.setEnabled(bool(self.key.text().strip()))
        if self.key.text().strip() != key:
            return
        self.anyway_button.show()
        style.tint(self.message, style.ERROR)
        if isinstance(exc, InvalidKeyError):
            text = self.tr("The panel refused this key: {error}. It was not saved.")
        else:
            text = self.tr("The key could not be checked: {error}. It was not saved.")
        self.message.setText(text.format(error=exc))

    def _saved(self, _none: object) -> None:
        self.key.clear()
        style.tint(self.message, None)
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
