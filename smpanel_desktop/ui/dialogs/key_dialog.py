"""Panel ▸ Set API key…: see the stored key masked, replace it (checked with the panel first:
a key the panel refuses is not saved, unless "Save anyway") or delete it."""

from __future__ import annotations

from functools import partial

import shiboken6
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
from smpanel_desktop.ui.session import PanelSession
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
    def save(self, check: bool = True) -> bool:
        """Check the key with the panel (a balance call, on the worker), then store it; with
        ``check=False`` store it at once.  True when the key was stored or the check started."""
        key = self.key.text().strip()
        if not key:
            return False
        self.anyway_button.hide()
        if check:
            self.save_button.setEnabled(False)
            style.tint(self.message, None)
            self.message.setText(self.tr("Checking the key with the panel…"))
            endpoint = self.panel.endpoint
            self.session.ctx.run(
                partial(check_key, endpoint, key),
                lambda _balance: self._checked(key, None),
                lambda exc: self._checked(key, exc),
            )
            return True
        return self._store(key)

    def _checked(self, key: str, exc: BaseException | None) -> None:
        if not shiboken6.isValid(self) or self.key.text().strip() != key:
            return  # closed, or another key typed meanwhile
        self.save_button.setEnabled(True)
        if exc is None:
            self._store(key)
            return
        self.anyway_button.show()
        style.tint(self.message, style.ERROR)
        if isinstance(exc, InvalidKeyError):
            text = self.tr("The panel refused this key: {error}. It was not saved.")
        else:
            text = self.tr("The key could not be checked: {error}. It was not saved.")
        self.message.setText(text.format(error=exc))

    def _store(self, key: str) -> bool:
        try:
            self.keys.set(self.panel.name, key)
        except KeyStoreUnavailable as exc:
            dialog = KeyringUnavailableDialog(self.keys, str(exc), self)
            dialog.memoryOnlyChosen.connect(lambda: self.save(check=False))
            dialog.open()
            return False
        except (KeyStoreError, ValueError) as exc:
            self.message.setText(str(exc))
            return False
        self.key.clear()
        style.tint(self.message, None)
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


def check_key(endpoint: str, key: str) -> object:
    """Ask the panel for the balance with ``key`` (on the worker): raises when it is refused."""
    from smpanel_desktop.ui.session import make_client

    client = make_client(endpoint, key)
    try:
        return client.balance()
    finally:
        client.close()
