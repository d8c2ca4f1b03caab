"""The Mass order view against the sandbox: a live preview with problems marked, the total
against the balance, a confirmation, one request per line with a progress bar, Stop, the same
batch again asked for, and a lost answer shown as unknown."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from orders_fixtures import OrderEnv
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
)
from pytestqt.qtbot import QtBot

from smpanel_desktop.store.models import PLACED, UNKNOWN
from smpanel_desktop.ui.mass_order.model import COL_PROBLEM, COL_RESULT
from smpanel_desktop.ui.mass_order.view import CHECK_DELAY_MS, MassOrderView
from smpanel_desktop.ui.widgets import style


def lines(env: OrderEnv) -> str:
    d, p = env.service("Default"), env.service("Package")
    return (
        f"# both formats\n{d.id} | https://instagram.com/p/a | {d.min}\n\n"
        f"{d.id}|{d.min + 3}|instagram.com/p/b\n{p.id}|t.me/somechannel\n"
    )


def view_for(qtbot: QtBot, env: OrderEnv, text: str) -> MassOrderView:
    view = MassOrderView(env.ctx)
    qtbot.addWidget(view)
    view.show()
    view.findChild(QPlainTextEdit, "massOrderText").setPlainText(text)
    qtbot.waitUntil(lambda: view.current, timeout=5_000)
    return view


def confirm(qtbot: QtBot, view: MassOrderView, answer: QMessageBox.StandardButton) -> str:
    submit = view.findChild(QPushButton, "massOrderSubmit")
    assert submit.isEnabled()
    qtbot.mouseClick(submit, Qt.MouseButton.LeftButton)
    box = view.confirm_box
    assert box is not None and not submit.isEnabled()
    text = box.text()
    qtbot.mouseClick(box.button(answer), Qt.MouseButton.LeftButton)
    return text


def cell(view: MassOrderView, row: int, column: int) -> str:
    return str(view.model.index(row, column).data())


def test_preview_marks_problems_and_the_total_is_exact(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    d, p = env.service("Default"), env.service("Package")
    comments = env.service("Custom Comments")
    text = lines(env) + f"{comments.id}|instagram.com/p/c|10\n{d.id}|instagram.com/p/x|1\n"
    view = view_for(qtbot, env, text)
    table = view.findChild(QTableView, "massOrderPreview")
    assert table.model().rowCount() == 5
    assert "needs Comments" in cell(view, 3, COL_PROBLEM)
    assert cell(view, 4, COL_PROBLEM) == f"quantity: At least {d.min}"
    bad = view.model.index(3, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert bad == style.color(style.ERROR)
    total = d.rate * d.min / 1000 + d.rate * (d.min + 3) / 1000 + p.rate
    label = view.findChild(QLabel, "massOrderTotal")
    assert f"{total.normalize():f}" in label.text().replace(",", "")
    assert "2 invalid lines" in label.text() and "balance 1,000.00 USD" in label.text()
    submit = view.findChild(QPushButton, "massOrderSubmit")
    assert not submit.isEnabled() and submit.text() == "Place 3 orders…"
    view.skip_invalid.setChecked(True)
    assert submit.isEnabled()
    assert env.sandbox.requests_for("add") == 0


def test_placing_then_the_same_batch_again_needs_a_second_yes(
    qtbot: QtBot, order_env: OrderEnv
) -> None:
    env = order_env
    env.sandbox.faults.add("latency", action="add", seconds=0.2)
    view = view_for(qtbot, env, lines(env))
    assert "Place 3 orders for" in confirm(qtbot, view, QMessageBox.StandardButton.Yes)
    progress = view.findChild(QProgressBar, "massOrderProgress")
    assert progress.isVisible() and progress.maximum() == 3
    assert view.text.isReadOnly()
    qtbot.waitUntil(lambda: view.last_result is not None, timeout=10_000)
    assert [r.state for r in view.last_result.results] == [PLACED] * 3
    assert not progress.isVisible()
    assert cell(view, 0, COL_RESULT).startswith("Order ")
    assert "3 placed" in view.result.text()
    assert env.sandbox.requests_for("add") == 3 and env.store.count_orders() == 3
    # the same batch again: the view says so, and the confirmation asks again
    qtbot.waitUntil(lambda: view.current and view.checked.previous is not None, timeout=5_000)
    assert "already placed on" in view.total.text()
    assert cell(view, 2, COL_RESULT).startswith("Order ")  # the results stay after the check
    text = confirm(qtbot, view, QMessageBox.StandardButton.Cancel)
    assert "already placed" in text and "Place it again?" in text
    assert env.sandbox.requests_for("add") == 3
    confirm(qtbot, view, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: not view.sending, timeout=10_000)
    assert env.sandbox.requests_for("add") == 6


def test_stop_ends_after_the_current_line_and_a_lost_answer_is_unknown(
    qtbot: QtBot, order_env: OrderEnv
) -> None:
    env = order_env
    env.sandbox.faults.add("drop_after_accept", action="add", count=1)
    env.sandbox.faults.add("latency", action="add", seconds=0.3)
    view = view_for(qtbot, env, lines(env))
    confirm(qtbot, view, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: view.model.results[0] is not None, timeout=10_000)
    view.findChild(QPushButton, "massOrderStop").click()
    qtbot.waitUntil(lambda: view.last_result is not None, timeout=10_000)
    states = [r.state for r in view.last_result.results]
    assert states[0] == UNKNOWN and "not_sent" in states
    assert env.sandbox.requests_for("add") <= 2
    assert "MAY have been placed" in view.result.text()
    assert "Unknown" in cell(view, 0, COL_RESULT)


def test_a_hidden_view_checks_nothing_until_shown_again(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    view = view_for(qtbot, env, lines(env))
    view.hide()
    view.set_text(lines(env) + "# one more comment\n")
    qtbot.wait(CHECK_DELAY_MS * 2)
    assert view.checked is None and not view.submit_button.isEnabled()
    view.show()
    qtbot.waitUntil(lambda: view.current, timeout=5_000)
    assert view.submit_button.isEnabled()


def test_a_batch_over_the_balance_cannot_be_placed(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    env.sandbox.set_balance(Decimal("0.01"))
    env.ctx.set_balance(env.client.balance())
    view = view_for(qtbot, env, lines(env))
    assert "more than the balance" in view.total.text()
    assert not view.submit_button.isEnabled()


def test_import_a_csv_file(qtbot: QtBot, order_env: OrderEnv, tmp_path: Path) -> None:
    env = order_env
    d = env.service("Default")
    path = tmp_path / "orders.csv"
    path.write_text(f"service,link,quantity\n{d.id},instagram.com/p/q,{d.min}\n")
    view = MassOrderView(env.ctx)
    qtbot.addWidget(view)
    view.show()
    view.import_file(str(path))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.current, timeout=5_000)
    assert view.text.toPlainText() == f"{d.id}|instagram.com/p/q|{d.min}\n"
    assert view.submit_button.isEnabled()
