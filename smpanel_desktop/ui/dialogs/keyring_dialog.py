"""Shown when there is no keyring backend: what to install, or keep the key in memory for now.

Never a plaintext file: the only fallback offered is memory, for as long as the app runs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from smpanel_desktop.secrets import KeyStore
from smpanel_desktop.ui.widgets.named import named
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

INSTALL_HELP = QT_TRANSLATE_NOOP(
    "KeyringUnavailableDialog",
    "<p>API keys are kept only in your system's keyring, never in a file, and no keyring "
    "is available right now.</p>"
    "<p><b>To keep keys between runs</b>, install a Secret Service provider and log in again:</p>"
    "<ul>"
    "<li>Debian, Ubuntu, Mint: <code>sudo apt install gnome-keyring</code></li>"
    "<li>Fedora: <code>sudo dnf install gnome-keyring</code></li>"
    "<li>KDE Plasma: enable KWallet (<code>kwalletmanager</code>)</li>"
    "</ul>"
    "<p>Or keep the key <b>in memory only</b>: it is forgotten when the app closes, and you "
    "enter it again next time.</p>",
)


class KeyringUnavailableDialog(QDialog):
    memoryOnlyChosen = Signal()

    def __init__(self, keys: KeyStore, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys = keys
        self.setObjectName("keyringUnavailableDialog")
        self.setWindowTitle(self.tr("No keyring available"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        text = named(QLabel(self.tr(INSTALL_HELP)), "keyringHelp")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail = named(QLabel(self.tr("Details: {reason}").format(reason=reason)), "keyringReason")
        detail.setWordWrap(True)
        detail.setStyleSheet("color: palette(mid);")
        buttons = QDialogButtonBox()
        self.memory_button = buttons.addButton(
            self.tr("Keep in memory for this run"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.memory_button.setObjectName("keyringMemoryOnly")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._memory_only)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(detail)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    @Slot()
    def _memory_only(self) -> None:
        self.keys.enable_memory_only()
        self.accept()
        self.memoryOnlyChosen.emit()
