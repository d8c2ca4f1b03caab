"""Paste order ids placed elsewhere (web panel, another tool) to track them here."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

MAX_IMPORT = 10_000
_TOKEN = re.compile(r"[^\s,;]+")


def parse_order_ids(text: str) -> tuple[list[int], list[str]]:
    """Ids separated by spaces, commas, semicolons or lines -> (unique ids in order, bad tokens)."""
    ids: list[int] = []
    seen: set[int] = set()
    bad: list[str] = []
    for token in _TOKEN.findall(text):
        token = token.lstrip("#")
        if token.isascii() and token.isdigit() and 0 < int(token) < 2**63:
            value = int(token)
            if value not in seen:
                seen.add(value)
                ids.append(value)
        else:
            bad.append(token)
    return ids, bad


class ImportOrdersDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importOrdersDialog")
        self.setWindowTitle(self.tr("Import orders"))
        self.resize(460, 320)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Paste the panel's order ids (separated by commas, spaces or lines)."))
        )
        self.text = QPlainTextEdit()
        self.text.setObjectName("importOrderIds")
        self.text.setPlaceholderText(self.tr("23501, 23502\n23510"))
        layout.addWidget(self.text, 1)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._update)
        self._update()

    def ids(self) -> list[int]:
        return parse_order_ids(self.text.toPlainText())[0]

    def _update(self) -> None:
        ids, bad = parse_order_ids(self.text.toPlainText())
        parts = [self.tr("%Ln order id(s)", "", len(ids))]
        if bad:
            parts.append(
                self.tr("not ids (ignored): ") + ", ".join(bad[:5]) + ("…" if len(bad) > 5 else "")
            )
        if len(ids) > MAX_IMPORT:
            parts.append(self.tr("at most %Ln at a time", "", MAX_IMPORT))
        self.summary.setText("; ".join(parts))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(0 < len(ids) <= MAX_IMPORT)
