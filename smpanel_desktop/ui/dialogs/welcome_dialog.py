"""First start: add your panel, or keep exploring the built-in demo panel.

Decision: on a first start the window already shows the demo panel (so ``make run`` on a fresh
machine lands on something that works), and this dialog sits on top of it.  Its default button
(Enter, or closing the dialog) keeps the demo; "Add my panel" shows the panel form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smpanel_desktop.secrets import KeyStoreUnavailable
from smpanel_desktop.store.models import Panel
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.dialogs.keyring_dialog import KeyringUnavailableDialog
from smpanel_desktop.ui.dialogs.panel_form import PanelForm
from smpanel_desktop.ui.session import PanelSession
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.named import named
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

INTRO = QT_TRANSLATE_NOOP(
    "WelcomeDialog",
    "<h2>Welcome to SMPanel Desktop</h2>"
    "<p>Browse a panel's services, place orders of every type and track them, with your API key "
    "kept in the system keyring.</p>"
    "<p>Connect the panel you use with its API key, or try everything on the built-in "
    "<b>demo panel</b>: a simulated panel on this computer, no account and no money needed.</p>",
)


class WelcomeDialog(QDialog):
    """Closing it (or "Try the demo panel") keeps the demo panel the window already shows."""

    panelAdded = Signal(object)  # Panel

    def __init__(self, ctx: AppContext, session: PanelSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(560)
        self.pages = QStackedWidget()

        intro = QWidget()
        text = named(QLabel(self.tr(INTRO)), "welcomeText")
        text.setWordWrap(True)
        self.demo_button = named(QPushButton(self.tr("&Try the demo panel")), "welcomeDemo")
        self.demo_button.setDefault(True)
        self.demo_button.setAutoDefault(True)
        self.add_button = named(QPushButton(self.tr("&Add my panel…")), "welcomeAdd")
        self.add_button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        row.addWidget(self.demo_button)
        box = QVBoxLayout(intro)
        box.addWidget(text)
        box.addStretch(1)
        box.addLayout(row)

        add = QWidget()
        self.form = PanelForm(ctx)
        self.error = named(QLabel(), "welcomeError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        style.tint(self.error, style.ERROR)
        self.back_button = named(QPushButton(self.tr("&Back")), "welcomeBack")
        self.back_button.setAutoDefault(False)
        self.save_button = named(QPushButton(self.tr("&Save and open")), "welcomeSave")
        row2 = QHBoxLayout()
        row2.addWidget(self.back_button)
        row2.addStretch(1)
        row2.addWidget(self.save_button)
        box2 = QVBoxLayout(add)
        box2.addWidget(QLabel(self.tr("<h3>Add your panel</h3>")))
        box2.addWidget(self.form)
        box2.addWidget(self.error)
        box2.addStretch(1)
        box2.addLayout(row2)

        self.pages.addWidget(intro)
        self.pages.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.demo_button.clicked.connect(self.choose_demo)
        self.add_button.clicked.connect(self.show_form)
        self.back_button.clicked.connect(lambda: self._page(0))
        self.save_button.clicked.connect(self.save)

    def _page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        (self.demo_button if index == 0 else self.save_button).setDefault(True)

    @Slot()
    def show_form(self) -> None:
        self._page(1)
        self.form.key.setFocus()

    @Slot()
    def choose_demo(self) -> None:
        self.reject()

    @Slot()
    def save(self) -> None:
        """Store the panel and its key (on the worker), then open it."""
        if not self.form.save(self.session.keys, self._saved, self._save_failed):
            self.error.setText(self.form.problem() or "")

    def _saved(self, panel: Panel) -> None:
        self.accept()
        self.panelAdded.emit(panel)

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, KeyStoreUnavailable):
            dialog = KeyringUnavailableDialog(self.session.keys, str(exc), self)
            dialog.memoryOnlyChosen.connect(self.save)
            dialog.open()
        else:
            self.error.setText(str(exc))
