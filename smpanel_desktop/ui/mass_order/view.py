"""The Mass order view: paste lines (or import a file), each checked as you type (off the GUI
thread; the newest text wins), placed one at a time on the ``orders`` lane with a progress bar;
Stop ends after the current line.  Submit is enabled only for a checked batch the options allow,
and stays disabled from the confirmation until the batch ends."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smpanel_desktop.core.mass.sending import BatchResult, LineResult
from smpanel_desktop.store.models import UNKNOWN
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.mass_order import tasks, texts
from smpanel_desktop.ui.mass_order.model import MassPreviewModel, preview_table
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.named import named
from smpanel_desktop.workers.task_runner import ORDERS_LANE

CHECK_DELAY_MS = 150  # after the last keystroke


def _label(name: str) -> QLabel:
    label = named(QLabel(), name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # panel texts are never HTML
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class MassOrderView(QWidget):
    """Contract: ``MassOrderView(ctx)``; ``set_text``, ``import_file(path)``, ``submit()``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.checked: tasks.Checked | None = None
        self.confirm_box: QMessageBox | None = None
        self.last_result: BatchResult | None = None
        self._generation = 0
        self._progress: tasks.SendProgress | None = None
        self._sent_text = ""

        self.text = named(QPlainTextEdit(), "massOrderText")
        self.text.setPlaceholderText(
            self.tr("One order a line: service|link|quantity or service|quantity|link\n# comment")
        )
        self.import_button = named(QPushButton(self.tr("Import file…")), "massOrderImport")
        self.model = MassPreviewModel(self)
        self.preview = named(preview_table(self.model), "massOrderPreview")
        self.skip_invalid = named(QCheckBox(self.tr("Skip invalid lines")), "massOrderSkipInvalid")
        self.allow_duplicates = named(
            QCheckBox(self.tr("Allow lines whose service and link already have an open order")),
            "massOrderAllowDuplicates",
        )
        self.total, self.result = (_label(name) for name in ("massOrderTotal", "massOrderResult"))
        self.progress = named(QProgressBar(), "massOrderProgress")
        self.progress.hide()
        self.stop_button = named(QPushButton(self.tr("Stop")), "massOrderStop")
        self.stop_button.setToolTip(self.tr("Stop after the current line"))
        self.stop_button.hide()
        self.submit_button = named(QPushButton(), "massOrderSubmit")
        self._timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._build()

        self._timer.timeout.connect(self.check_now)
        self.text.textChanged.connect(self._timer.start)
        self.import_button.clicked.connect(self._choose_file)
        self.skip_invalid.toggled.connect(self._update_state)
        self.allow_duplicates.toggled.connect(self._update_state)
        self.submit_button.clicked.connect(self.submit)
        self.stop_button.clicked.connect(self.stop)
        for signal in (ctx.catalogChanged, ctx.ordersChanged, ctx.balanceChanged, ctx.panelChanged):
            signal.connect(lambda *_: self._timer.start())
        self._update_state()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Paste the orders, or import a .txt, .csv or .xlsx file:")), 1)
        top.addWidget(self.import_button)
        options = QHBoxLayout()
        options.addWidget(self.skip_invalid)
        options.addWidget(self.allow_duplicates)
        options.addStretch(1)
        bottom = QHBoxLayout()
        texts = QVBoxLayout()
        texts.addWidget(self.total)
        texts.addWidget(self.progress)
        texts.addWidget(self.result)
        bottom.addLayout(texts, 1)
        bottom.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignTop)
        bottom.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.preview, 2)
        layout.addLayout(options)
        layout.addLayout(bottom)

    # -- input ------------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        self.text.setPlainText(text)

    @Slot()
    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a mass order"), "",
            self.tr("Orders (*.txt *.csv *.xlsx);;All files (*)"),
        )  # fmt: skip
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Read the file off the GUI thread; its lines replace the text."""
        self.result.setText(self.tr("Reading the file…"))

        def done(text: str) -> None:
            self.result.clear()
            self.set_text(text)

        def failed(exc: BaseException) -> None:
            self.result.setText(self.tr("The file cannot be imported: %1").replace("%1", str(exc)))

        self.ctx.run(tasks.import_task(path), done, failed, lane=tasks.CHECK_LANE)

    # -- checking ---------------------------------------------------------------------------

    @property
    def sending(self) -> bool:
        return self._progress is not None

    @Slot()
    def check_now(self) -> None:
        """Check the current text in the background; the newest result wins (a hidden view
        checks when it is shown again)."""
        self._timer.stop()
        if not self.isVisible():
            self.checked = None
            self._update_state()
            return
        self._generation += 1
        ctx = self.ctx
        store = ctx.store if ctx.store_is_open else None
        balance = ctx.balance.amount if ctx.balance is not None else None
        task = tasks.check_task(
            self._generation, self.text.toPlainText(), ctx.services_by_id, store,
            ctx.panel, balance, ctx.currency,
        )  # fmt: skip
        self._update_state()
        ctx.run(task, self._on_checked, self._on_check_failed, lane=tasks.CHECK_LANE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.checked is None or not self.current:
            self._timer.start()

    def _on_checked(self, checked: tasks.Checked) -> None:
        if checked.generation != self._generation or self.sending:
            return
        self.checked = checked
        self.model.set_batch(checked.batch)
        done = self.last_result
        if done is not None and self.text.toPlainText() == self._sent_text:
            for result in done.results:  # the results stay beside the lines they were for
                self.model.set_result(result)
        self._update_state()

    def _on_check_failed(self, exc: BaseException) -> None:
        self.total.setText(self.tr("The lines could not be checked: %1").replace("%1", str(exc)))

    @property
    def current(self) -> bool:
        """The shown check is of the text as it is now."""
        return (
            self.checked is not None
            and self.checked.generation == self._generation
            and not self._timer.isActive()
        )

    def refusals(self) -> list[str]:
        if self.checked is None:
            return []
        return self.checked.batch.refusals(
            skip_invalid=self.skip_invalid.isChecked(),
            allow_duplicate_links=self.allow_duplicates.isChecked(),
        )

    @Slot()
    def _update_state(self) -> None:
        checked = self.checked
        count = len(checked.batch.valid_lines) if checked is not None else 0
        self.submit_button.setText(self.tr("Place %n order(s)…", "", count))
        ready = self.current and count > 0 and not self.refusals() and not self.sending
        self.submit_button.setEnabled(ready and self.ctx.client is not None)
        if checked is None or self.sending:
            return
        batch = checked.batch
        self.total.setText(texts.summary(checked))
        problem = batch.invalid or batch.flagged or batch.over_balance
        style.tint(
            self.total, style.ERROR if self.refusals() else style.WARNING if problem else None
        )

    # -- sending ----------------------------------------------------------------------------

    def submit(self) -> None:
        """Ask for confirmation (``confirm_box``), then send the checked batch once."""
        checked = self.checked
        if checked is None or not self.submit_button.isEnabled():
            return
        text = texts.confirmation(checked)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Mass order"), text, parent=self)
        box.setObjectName("massOrderConfirm")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm_box = box
        panel = self.ctx.panel
        self.submit_button.setEnabled(False)
        box.finished.connect(lambda _code: self._on_confirmed(box, checked, panel))
        box.open()

    def _on_confirmed(self, box: QMessageBox, checked: tasks.Checked, panel: object) -> None:
        if self.confirm_box is not box:
            return
        self.confirm_box = None
        box.deleteLater()
        ctx = self.ctx
        yes = box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes
        if not yes or ctx.panel != panel or ctx.client is None or ctx.panel is None:
            if yes:
                self.result.setText(self.tr("The panel was switched: nothing was sent."))
            self._update_state()
            return
        self._sent_text, self.last_result = self.text.toPlainText(), None
        progress = self._progress = tasks.SendProgress(self)
        progress.lineDone.connect(self._on_line)
        task = tasks.send_task(
            ctx.store, ctx.client, ctx.panel, checked.batch, self.skip_invalid.isChecked(), progress
        )
        self.progress.setRange(0, len(checked.batch.valid_lines))
        self.progress.setValue(0)
        self.progress.show()
        self.stop_button.show()
        self.stop_button.setEnabled(True)
        self.text.setReadOnly(True)
        self.import_button.setEnabled(False)
        self.result.setText(self.tr("Placing the orders…"))
        self._update_state()
        ctx.run(task, self._on_sent, self._on_send_failed, lane=ORDERS_LANE)

    @Slot()
    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop.set()
            self.stop_button.setEnabled(False)
            self.result.setText(self.tr("Stopping after the current line…"))

    def _on_line(self, done: int, total: int, result: LineResult) -> None:
        self.model.set_result(result)
        self.progress.setValue(done)

    def _finish(self) -> None:
        self._progress = None
        self.progress.hide()
        self.stop_button.hide()
        self.text.setReadOnly(False)
        self.import_button.setEnabled(True)
        self.ctx.ordersChanged.emit()  # also checks the text again: now "already placed"
        self.ctx.refresh_balance()

    def _on_sent(self, outcome: BatchResult) -> None:
        self.last_result = outcome
        for result in outcome.results:
            self.model.set_result(result)
        self._finish()
        text = texts.outcome(outcome)
        self.result.setText(text)
        style.tint(self.result, style.ATTENTION if outcome.count(UNKNOWN) else None)

    def _on_send_failed(self, exc: BaseException) -> None:
        self._finish()
        self.result.setText(
            self.tr(
                "The batch ended with an error (%1): check Orders before sending it again."
            ).replace("%1", str(exc))
        )
        style.tint(self.result, style.ERROR)
