"""Panel ▸ Manage panels…: the stored panels; open, add, remove, set a key."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smpanel_desktop.core.demo import is_demo
from smpanel_desktop.secrets import KeyStore, KeyStoreError, KeyStoreUnavailable
from smpanel_desktop.store.models import Panel
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.dialogs.key_dialog import KeyDialog
from smpanel_desktop.ui.dialogs.keyring_dialog import KeyringUnavailableDialog
from smpanel_desktop.ui.dialogs.panel_form import PanelForm
from smpanel_desktop.ui.session import PanelSession
from smpanel_desktop.ui.widgets.named import named

if TYPE_CHECKING:
    from smpanel_desktop.store.store import Store


class PanelsDialog(QDialog):
    def __init__(self, ctx: AppContext, session: PanelSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.setObjectName("panelsDialog")
        self.setWindowTitle(self.tr("Panels"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumSize(640, 480)

        self.list = named(QListWidget(), "panelsList")
        self.open_button = named(QPushButton(self.tr("&Open")), "panelsOpen")
        self.key_button = named(QPushButton(self.tr("API &key…")), "panelsKey")
        self.remove_button = named(QPushButton(self.tr("&Remove")), "panelsRemove")
        side = QVBoxLayout()
        for button in (self.open_button, self.key_button, self.remove_button):
            button.setAutoDefault(False)
            side.addWidget(button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(side)

        self.form = PanelForm(ctx)
        self.add_button = named(QPushButton(self.tr("&Add panel")), "panelsAdd")
        self.message = named(QLabel(), "panelsMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        add_box = QGroupBox(self.tr("Add a panel"))
        add_layout = QVBoxLayout(add_box)
        add_layout.addWidget(self.form)
        add_row = QHBoxLayout()
        add_row.addWidget(self.message, 1)
        add_row.addWidget(self.add_button)
        add_layout.addLayout(add_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(add_box)
        layout.addWidget(buttons)

        self.list.currentItemChanged.connect(self._selection_changed)
        self.list.itemDoubleClicked.connect(self.open_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.key_button.clicked.connect(self.set_key)
        self.remove_button.clicked.connect(self.remove_selected)
        self.add_button.clicked.connect(self.add)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        current = self.ctx.panel.id if self.ctx.panel else None
        for panel in self.ctx.store.panels():
            label = panel.name + (
                self.tr("  (demo)") if is_demo(panel) else f"  —  {panel.endpoint}"
            )
            if panel.id == current:
                label += self.tr("  ✓ open")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, panel.id)
            self.list.addItem(item)
            if panel.id == current:
                self.list.setCurrentItem(item)
        self._selection_changed()

    def selected(self) -> Panel | None:
        item = self.list.currentItem()
        return (
            None
            if item is None
            else self.ctx.store.panel_by_id(item.data(Qt.ItemDataRole.UserRole))
        )

    @Slot()
    def _selection_changed(self) -> None:
        panel = self.selected()
        self.open_button.setEnabled(panel is not None)
        self.remove_button.setEnabled(panel is not None)
        self.key_button.setEnabled(panel is not None and not is_demo(panel))

    @Slot()
    def open_selected(self) -> None:
        panel = self.selected()
        if panel is not None:
            self.session.open(panel)
            self.accept()

    @Slot()
    def set_key(self) -> KeyDialog | None:
        panel = self.selected()
        if panel is None or is_demo(panel):
            return None
        dialog = KeyDialog(self.session, panel, self)
        if self.ctx.panel is not None and panel.id == self.ctx.panel.id:
            dialog.keyChanged.connect(self.session.reopen)
        dialog.open()
        return dialog

    @Slot()
    def remove_selected(self, confirmed: bool = False) -> None:
        panel = self.selected()
        if panel is None:
            return
        if not confirmed:
            answer = QMessageBox.question(
                self,
                self.tr("Remove panel"),
                self.tr(
                    'Remove "{panel}", its cached services and its API key from this computer?'
                ).format(panel=panel.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        keys = None if is_demo(panel) else self.session.keys
        task = partial(remove_panel, self.ctx.store, keys, panel.name)
        self.ctx.run(task, partial(self._removed, panel), self._remove_failed, owner=self)

    def _remove_failed(self, exc: BaseException) -> None:  # it has tracked orders: kept
        self.message.setText(str(exc))

    def _removed(self, panel: Panel, outcome: tuple[str, list[Panel]]) -> None:
        key_problem, remaining = outcome
        if key_problem:
            self.message.setText(
                self.tr('Removed "{name}", but not its key: {error}').format(
                    name=panel.name, error=key_problem
                )
            )
        else:
            self.message.setText(self.tr('Removed "{name}".').format(name=panel.name))
        if self.ctx.panel is not None and self.ctx.panel.id == panel.id:
            if remaining:
                self.session.open(remaining[0])
            else:
                self.session.open_demo()
        self.reload()

    @Slot()
    def add(self) -> None:
        """Store the new panel and its key (on the worker)."""
        if not self.form.save(self.session.keys, self._added, self._add_failed):
            self.message.setText(self.form.problem() or "")

    def _added(self, panel: Panel) -> None:
        self.form.key.clear()
        self.form.name.clear()
        self.message.setText(self.tr('Added "{name}".').format(name=panel.name))
        self.reload()

    def _add_failed(self, exc: BaseException) -> None:
        if isinstance(exc, KeyStoreUnavailable):
            dialog = KeyringUnavailableDialog(self.session.keys, str(exc), self)
            dialog.memoryOnlyChosen.connect(self.add)
            dialog.open()
        else:
            self.message.setText(str(exc))


def remove_panel(store: Store, keys: KeyStore | None, name: str) -> tuple[str, list[Panel]]:
    """Worker side: the panel row (``ValueError`` when it has tracked orders: kept), then its
    key; returns what went wrong with the key ('' when nothing) and the panels left."""
    store.remove_panel(name)
    problem = ""
    if keys is not None:
        try:
            keys.delete(name)
        except KeyStoreError as exc:
            problem = str(exc)
    return problem, store.panels()
