"""The fields that describe a panel (name, endpoint, masked key) with a "Test connection" check.

Shared by the welcome dialog and the panels dialog.  The test fetches the balance through the
worker thread; the key is only ever in the masked field and in the client's memory.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from smpanel_desktop.api.endpoint import validate_endpoint
from smpanel_desktop.api.errors import ApiError
from smpanel_desktop.api.models import Balance
from smpanel_desktop.secrets import KeyStore
from smpanel_desktop.store.models import Panel
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.session import check_balance
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.formatting import format_money
from smpanel_desktop.ui.widgets.named import named
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from smpanel_desktop.store.store import Store

DEFAULT_ENDPOINT = "https://smpanel.net/api/v2"


def name_from_endpoint(endpoint: str) -> str:
    """A default panel name: the endpoint's host (``smpanel.net``)."""
    host = urlsplit(endpoint.strip()).netloc
    return host.removeprefix("www.") or QCoreApplication.translate("PanelForm", "My panel")


def add_panel(store: Store, keys: KeyStore, name: str, endpoint: str, key: str) -> Panel:
    """Key first, then the panel row (worker side); neither is kept when the other fails."""
    if store.panel(name) is not None:
        text = QT_TRANSLATE_NOOP(
            "PanelForm", 'A panel named "{name}" already exists: choose another name.'
        )
        raise ValueError(QCoreApplication.translate("PanelForm", text).format(name=name))
    keys.set(name, key)
    try:
        return store.add_panel(name, endpoint)
    except ValueError:
        keys.delete(name)
        raise


class PanelForm(QWidget):
    tested = Signal(bool)  # the connection test ended: ok?

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.name = named(QLineEdit(), "panelName")
        self.name.setPlaceholderText(name_from_endpoint(DEFAULT_ENDPOINT))
        self.endpoint = named(QLineEdit(DEFAULT_ENDPOINT), "panelEndpoint")
        self.endpoint.setToolTip(
            self.tr("The panel's API v2 address (see the API page of your panel)")
        )
        self.key = named(QLineEdit(), "panelKey")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(self.tr("Paste the API key from your panel's account page"))
        self.test_button = named(QPushButton(self.tr("&Test connection")), "panelTest")
        self.result = named(QLabel(), "panelTestResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)  # the panel's words, never HTML
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.test_button)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("API endpoint"), self.endpoint)
        form.addRow(self.tr("API key"), key_row)
        form.addRow("", self.result)
        self.test_button.clicked.connect(self.test_connection)
        self.endpoint.textChanged.connect(self._endpoint_changed)

    @Slot(str)
    def _endpoint_changed(self, text: str) -> None:
        self.name.setPlaceholderText(name_from_endpoint(text))

    def values(self) -> tuple[str, str, str]:
        """(name, endpoint, key) as entered; the name defaults to the endpoint's host."""
        endpoint = self.endpoint.text().strip()
        name = " ".join(self.name.text().split()) or name_from_endpoint(endpoint)
        return name, endpoint, self.key.text().strip()

    def problem(self) -> str | None:
        """What stops the panel from being saved or tested, or None."""
        _name, endpoint, key = self.values()
        if not endpoint:
            return self.tr("Enter the panel's API endpoint.")
        try:
            validate_endpoint(endpoint)
        except ApiError as exc:
            return str(exc)
        if not key:
            return self.tr("Enter the API key.")
        return None

    def save(
        self,
        keys: KeyStore,
        on_saved: Callable[[Panel], None],
        on_failed: Callable[[BaseException], None],
    ) -> bool:
        """Store the key in the keyring, then the panel in the store, on the worker; then
        ``on_saved(panel)`` or ``on_failed(error)`` on the GUI thread.  False (and nothing
        started) when the input is not usable: ``problem()`` says why.

        The errors: ``ValueError`` (with the text to show) when the name is taken,
        ``KeyStoreUnavailable`` when there is no keyring: then nothing was stored.
        """
        if self.problem():
            return False
        name, endpoint, key = self.values()
        task = partial(add_panel, self.ctx.store, keys, name, validate_endpoint(endpoint), key)
        self.ctx.run(task, on_saved, on_failed, owner=self)
        return True

    @Slot()
    def test_connection(self) -> None:
        problem = self.problem()
        if problem:
            self._show(problem, ok=False)
            return
        _name, endpoint, key = self.values()
        self.test_button.setEnabled(False)
        self._show(self.tr("Connecting…"), ok=None)

        fetch = partial(check_balance, endpoint, key, self.ctx.inflight)

        # dropped when the dialog was closed while the test ran
        self.ctx.run(fetch, self._tested, self._test_failed, owner=self)

    def _tested(self, balance: Balance) -> None:
        self.test_button.setEnabled(True)
        balance_text = format_money(balance.amount, balance.currency)
        self._show(self.tr("Connected. Balance: {balance}").format(balance=balance_text), True)
        self.tested.emit(True)

    def _test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        text = (
            str(exc)
            if isinstance(exc, ApiError)
            else self.tr("Unexpected error: {kind}").format(kind=type(exc).__name__)
        )
        self._show(self.tr("Connection failed: {error}").format(error=text), ok=False)
        self.tested.emit(False)

    def _show(self, text: str, ok: bool | None) -> None:
        style.tint(self.result, {True: style.OK, False: style.ERROR, None: None}[ok])
        self.result.setText(text)
