"""Hostile answers: every entry of the corpus (tests/reliability/hostile_corpus.py), served by a
real panel on loopback, through the use cases the CLI and the GUI run (client, parsers, SQLite
store), then through ``smpanel`` itself, then a subset through the real main window.

Each gives a typed error or a safe parse: nothing but an ``ApiError`` escapes, a write is sent
once and its row ends placed/rejected/unknown (never left ``submitting``), what is stored reads
back, the CLI exits with a documented code and a short message, never a traceback.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import fields, is_dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hostile_corpus import CORPUS, ORDER, OTHER, REFILL, SCRIPT, Bad
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.errors import (
    ApiError,
    PanelError,
    RateLimitedError,
    UnknownOutcomeError,
)
from smpanel_desktop.api.parse import parse_service
from smpanel_desktop.cli.main import main
from smpanel_desktop.core.catalog import refresh_catalog
from smpanel_desktop.core.placing import place_order
from smpanel_desktop.core.refills_cancels import cancel_orders, refresh_refills, request_refills
from smpanel_desktop.core.refreshing import refresh_orders
from smpanel_desktop.paths import db_path
from smpanel_desktop.sandbox.server import SandboxPanel
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store

pytestmark = pytest.mark.reliability

KEY = "hostile-corpus-key-0123456789"
SQLITE_MAX = 2**63 - 1
MESSAGE_LIMIT = 2_000  # characters of a message a user is shown: a sentence, not a page
WRITES = {"add", "refill", "cancel"}


class World:
    def __init__(self, sandbox: SandboxPanel, store: Store, client: PanelClient, panel: Panel):
        self.sandbox, self.store, self.client, self.panel = sandbox, store, client, panel
        self.service = parse_service(sandbox.find_service("Default"))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One panel for the whole corpus: two real orders (23501, 23502), tracked."""
    folder = tmp_path_factory.mktemp("hostile")
    with SandboxPanel(services=300, seed=7, key=KEY, balance=Decimal(10**6)) as sandbox:
        assert sandbox.place_orders(2) == [ORDER, OTHER]
        store = Store(folder / "store.sqlite3")
        client = PanelClient(sandbox.url, KEY, timeout=10, read_retries=1, backoff_factor=0.01)
        panel = store.add_panel("P", sandbox.url, "USD")
        for order in (ORDER, OTHER):
            store.import_order(panel.id, order)
        try:
            yield World(sandbox, store, client, panel)
        finally:
            client.close()
            store.close()
            assert sandbox.errors == []


def assert_safe(value: object, path: str = "value") -> None:
    """A parsed value holds only finite Decimals, ints SQLite can store, and text."""
    if isinstance(value, Decimal):
        assert value.is_finite(), path
    elif isinstance(value, bool) or value is None or isinstance(value, str):
        pass
    elif isinstance(value, int):
        assert -SQLITE_MAX <= value <= SQLITE_MAX, f"{path} = {value}"
    elif isinstance(value, float):
        assert math.isfinite(value), path
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            assert_safe(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for k, item in value.items():
            assert_safe(item, f"{path}[{k!r}]")
    elif isinstance(value, ApiError):  # RefreshSummary.failure: checked by check_error
        pass
    elif is_dataclass(value):
        for f in fields(value):
            assert_safe(getattr(value, f.name), f"{path}.{f.name}")
    else:
        raise AssertionError(f"{path}: unexpected {type(value).__name__}")


def core_call(world: World, action: str) -> Callable[[], object]:
    """What the CLI and the GUI run for ``action`` (client + parsers + store)."""
    s, c, p = world.store, world.client, world.panel
    values = {"link": "https://example.com/p/hostile", "quantity": str(world.service.min)}
    calls: dict[str, Callable[[], object]] = {
        "services": lambda: refresh_catalog(s, c, p),
        "balance": lambda: c.balance(),
        "status": lambda: refresh_orders(s, c, p, ids=[ORDER, OTHER]),
        "refill_status": lambda: refresh_refills(s, c, p, refill_ids=[REFILL]),
        "add": lambda: place_order(s, c, p, world.service, values),
        "refill": lambda: request_refills(s, c, p, [ORDER]),
        "cancel": lambda: cancel_orders(s, c, p, [ORDER]),
    }
    return calls[action]


def check_error(error: BaseException, bad: Bad) -> None:
    kind = type(error).__name__
    assert isinstance(error, ApiError), f"{bad}: {kind}: {str(error)[:300]}"
    text = str(error)
    assert KEY not in text + repr(error)
    assert 0 < len(text) <= MESSAGE_LIMIT, f"{bad}: a {kind} message of {len(text):,} characters"
    if bad.action in WRITES and not isinstance(error, (PanelError, RateLimitedError)):
        assert isinstance(error, UnknownOutcomeError), f"{bad}: {kind}"


@pytest.mark.parametrize("bad", CORPUS, ids=str)
def test_core_gives_a_typed_error_or_a_safe_parse(world: World, bad: Bad, figures: Any) -> None:
    sandbox = world.sandbox
    sent_before = sandbox.requests_for(bad.action)
    rows_before = world.store.count_orders()
    sandbox.faults.add("raw", action=bad.action, **bad.options())
    value: object = None
    error: BaseException | None = None
    try:
        value = core_call(world, bad.action)()
    except Exception as exc:  # the point: nothing but an ApiError may come out
        error = exc
    finally:
        sandbox.faults.clear()
    if error is None:
        error = getattr(value, "failure", None)  # a refresh that stopped early says why
    if error is not None:
        check_error(error, bad)
    if value is not None:
        assert_safe(value)
    outcome = "parsed safely" if error is None else type(error).__name__
    expected = EXPECTED[str(bad)]
    if isinstance(expected, str):  # the error the user is shown
        assert error is not None and type(error).__name__ == expected, f"{bad}: {outcome}"
    else:  # what the user sees of a safe parse
        assert error is None, f"{bad}: {outcome}: {error}"
        expected(world, value)
    if bad.action == "add":
        outcome += f" -> row {world.store.orders(world.panel.id)[0].state}"
    figures("hostile answers (client + parsers + store)", str(bad), outcome)
    if bad.action in WRITES:
        assert sandbox.requests_for(bad.action) == sent_before + 1, "a write was resent"
    if bad.action == "add":
        (row,) = world.store.orders(world.panel.id)[:1]
        assert world.store.count_orders() == rows_before + 1
        assert row.state in ("placed", "rejected", "unknown"), row.state
        assert (row.state == "placed") == (error is None)
    if bad.action == "services" and value is not None:
        cached, _ = world.store.load_services(world.panel.id)
        assert cached == value
    # whatever was stored reads back
    assert_safe(world.store.orders(world.panel.id))
    assert_safe(world.store.refills())


def _services(*wanted: tuple[int, str]) -> Callable[[World, Any], None]:
    def check(world: World, value: Any) -> None:
        assert [(svc.id, svc.name) for svc in value] == list(wanted)

    return check


KEPT = "(as before)"


def _tracked(status: str, errors: int, **values: object) -> Callable[[World, Any], None]:
    """The refresh of ORDER and OTHER: ORDER's stored row (``KEPT``: an error for ORDER, its
    status as it was), and how many per-item errors."""

    def check(world: World, summary: Any) -> None:
        assert (summary.checked, summary.errors, summary.failure) == (2, errors, None)
        row = world.store.order_by_panel_id(world.panel.id, ORDER)
        assert row is not None
        if status is KEPT:
            assert row.last_error, "the answer's problem is shown on the order"
        else:
            assert (row.status, row.last_error) == (status, None)
        for name, want in values.items():
            assert getattr(row, name) == want, (name, getattr(row, name))
        other = world.store.order_by_panel_id(world.panel.id, OTHER)
        assert other is not None and other.last_error  # OTHER is in none of these answers

    return check


def _items(*wanted: tuple[object, ...]) -> Callable[[World, Any], None]:
    def check(world: World, value: Any) -> None:
        assert [tuple(getattr(r, f.name) for f in fields(r)) for r in value] == list(wanted)

    return check


def _balance(world: World, value: Any) -> None:
    assert (value.amount, value.currency) == (Decimal("10.5"), "")


CP1251_AS_UTF8 = "Подписчики ✓".encode("cp1251", "replace").decode("utf-8", "replace")
LOST_ADDS = (  # an add whose answer has no usable order id: it may have been placed
    "order null", "order negative", "order NaN", "order huge", "order 20 digits",
    "order text", "order list", "order fraction", "order true", "html 200", "empty",
)  # fmt: skip
_NO_STATUS = "The panel's answer has an unusable order status: None"
_NO_REFILL_STATUS = "The panel's answer has an unusable refill status: None"
EXPECTED: dict[str, str | Callable[[World, Any], None]] = {
    "services:cloudflare page 503": "UnreadableAnswerError",
    "services:html 200": "UnreadableAnswerError",
    "services:empty": "UnreadableAnswerError",
    "services:truncated": "UnreadableAnswerError",
    "services:object of text": "UnreadableAnswerError",
    "services:a string": "UnreadableAnswerError",
    "services:a number": "UnreadableAnswerError",
    "services:list of nulls": _services(),
    "services:null in every field": _services(),
    "services:negative numbers": _services(),  # a negative rate is no price
    "services:huge numbers": _services(),
    "services:NaN and Infinity": _services(),
    "services:10 MB catalog": _services((7, "Followers")),  # one id many times: the first
    "services:deep nesting": "UnreadableAnswerError",
    "services:strings for numbers": _services(),
    "services:numbers for strings": _services((1, "12345")),
    "services:BOM": _services((1, "Followers")),
    "services:wrong charset": _services((1, CP1251_AS_UTF8)),
    "services:utf-16": "UnreadableAnswerError",
    "services:script tags in names": _services((1, SCRIPT)),  # kept as text, shown as text
    "services:booleans for numbers": _services(),
    "balance:null in every field": "UnreadableAnswerError",
    "balance:NaN": "UnreadableAnswerError",
    "balance:Infinity": "UnreadableAnswerError",
    "balance:huge": "UnreadableAnswerError",
    "balance:a list": "UnreadableAnswerError",
    "balance:nested currency": _balance,
    "balance:error null": "UnreadableAnswerError",
    "balance:error object": "PanelError",
    "balance:10 MB error text": "PanelError",
    "balance:html 500": "UnreadableAnswerError",
    "balance:script error": "PanelError",
    "status:entry null": _tracked(KEPT, 2, last_error="The panel's answer did not mention this id"),
    "status:null in every field": _tracked(KEPT, 2, last_error=_NO_STATUS),
    "status:NaN and negative": _tracked("In progress", 1),
    "status:huge numbers": _tracked("In progress", 1, charge=Decimal("1e29")),
    "status:script status": _tracked(SCRIPT, 1, charge=Decimal("0.5")),
    "status:a list of numbers": "UnreadableAnswerError",
    "status:other ids only": _tracked(KEPT, 2),
    "status:number status": _tracked("12345", 1),
    "status:truncated": "UnreadableAnswerError",
    "status:script error": "PanelError",
    "status:deep nesting": "UnreadableAnswerError",
    "refill_status:null in every field": "UnreadableAnswerError",
    "refill_status:status null": _items((REFILL, None, _NO_REFILL_STATUS)),
    "refill_status:error null": _items((REFILL, None, "Error without a text")),
    "refill_status:a string": "UnreadableAnswerError",
    **{f"add:{name}": "UnknownOutcomeError" for name in LOST_ADDS},
    "add:script error": "PanelError",
    "refill:refill null": _items((ORDER, None, "The panel gave no refill id")),
    "refill:wrong shape": "UnknownOutcomeError",
    "refill:huge refill id": _items((ORDER, None, "The panel gave no refill id")),
    "cancel:cancel maybe": _items((ORDER, False, "The panel gave no answer for this order")),
    "cancel:error null": _items((ORDER, False, "Error without a text")),
    "cancel:empty object": _items((ORDER, False, "The panel's answer did not mention this id")),
    "cancel:null": "UnknownOutcomeError",
}


def test_every_hostile_answer_has_an_expected_outcome() -> None:
    assert sorted(EXPECTED) == sorted(str(bad) for bad in CORPUS)


def cli_command(bad: Bad, service: int, quantity: int) -> list[str]:
    return {
        "services": ["services", "--refresh"],
        "balance": ["balance"],
        "status": ["status", str(ORDER), str(OTHER)],
        "refill_status": ["refill-status", str(REFILL)],
        "add": [
            "add",
            "--service",
            str(service),
            "--link",
            "example.com/p/cli",
            "--quantity",
            str(quantity),
        ],
        "refill": ["refill", str(ORDER)],
        "cancel": ["cancel", str(ORDER)],
    }[bad.action]


@pytest.mark.parametrize("bad", CORPUS, ids=str)
def test_the_cli_exits_with_a_code_and_a_short_message(
    world: World, bad: Bad, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", KEY)
    argv = ["--api-url", world.sandbox.url, "--json"]
    argv += cli_command(bad, world.service.id, world.service.min)
    world.sandbox.faults.add("raw", action=bad.action, **bad.options())
    out, err = io.StringIO(), io.StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(argv)
    finally:
        world.sandbox.faults.clear()
    stdout, stderr = out.getvalue(), err.getvalue()
    assert "Traceback" not in stderr and KEY not in stdout + stderr
    assert code in (0, 1, 3, 4), (code, stderr[:500])
    assert len(stderr) <= MESSAGE_LIMIT, f"{len(stderr):,} characters on stderr: {stderr[:200]}"
    if code == 1 and not stderr:  # per-item errors of a multi answer, in the JSON output
        assert '"error"' in stdout, stdout[:300]
    elif code:
        assert stderr.startswith("smpanel: "), stderr[:300]
    if bad.action == "add" and code == 4:
        assert "MAY HAVE BEEN PLACED" in stderr
    for path in data_dir.rglob("*"):  # nothing the panel said put the key in a file
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path


# --- the GUI: stays up and shows the message ----------------------------------------------------

GUI_CASES = {
    "services:html 200": "Catalog refresh failed",
    "services:deep nesting": "Catalog refresh failed",
    "services:script tags in names": None,
    "balance:NaN": "Could not fetch the balance",
    "balance:10 MB error text": "Could not fetch the balance",
    "status:huge numbers": "Checked 2 open orders",
    "status:script status": "Checked 2 open orders",
    "status:truncated": "Refresh stopped",
    "balance:script error": "Could not fetch the balance",
    "status:script error": "Refresh stopped",
}


@pytest.fixture
def gui_world(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, make_app: Any, qtbot: QtBot
) -> Iterator[tuple[SandboxPanel, Any]]:
    monkeypatch.setenv("SMPANEL_API_KEY", KEY)
    with SandboxPanel(services=300, seed=7, key=KEY) as sandbox:
        sandbox.place_orders(2)
        with Store(db_path(data_dir)) as store:
            panel = store.add_panel("P", sandbox.url, "USD")
            for order in (ORDER, OTHER):
                store.import_order(panel.id, order)
        gui = make_app(sandbox.url)
        qtbot.waitUntil(
            lambda: len(gui.ctx.services) == 300 and not gui.runner.busy, timeout=20_000
        )
        yield sandbox, gui


def rich_labels_showing(window: Any, marker: str) -> list[QLabel]:
    return [
        label
        for label in window.findChildren(QLabel)
        if marker in label.text() and label.textFormat() != Qt.TextFormat.PlainText
    ]


def test_the_window_stays_up_and_shows_each_message(
    gui_world: tuple[SandboxPanel, Any], qtbot: QtBot
) -> None:
    """One window through the whole subset: after each hostile answer it shows the message,
    renders no hostile markup, and recovers when the panel behaves again."""
    sandbox, gui = gui_world
    window = gui.window
    for case, expected in GUI_CASES.items():
        bad = next(b for b in CORPUS if str(b) == case)
        for label in (window.orders_tab.message, window.balance_tab.error):
            label.clear()  # what the last case showed must not pass for this one's message
        window.status_line.show_message("")
        sandbox.faults.add("raw", action=bad.action, **bad.options())
        if bad.action == "services":
            gui.ctx.refresh_catalog()
            shown: Callable[[], str] = lambda: window.status_line.full_text  # noqa: E731
        elif bad.action == "balance":
            window.tabs.setCurrentWidget(window.orders_tab)
            window.tabs.setCurrentWidget(window.balance_tab)  # opening the tab refreshes
            shown = window.balance_tab.error.text
        else:
            window.tabs.setCurrentWidget(window.orders_tab)
            assert window.orders_tab.refresh(), case
            shown = window.orders_tab.message.text
        if expected is None:  # a safe parse: the hostile names are data, shown as plain text
            qtbot.waitUntil(lambda: len(gui.ctx.services) == 1, timeout=20_000)
            assert gui.ctx.services[0].name == SCRIPT
            gui.ctx.orderServiceRequested.emit(gui.ctx.services[0])  # "Order…" on that row
            assert window.tabs.currentWidget() is window.new_order_tab
            assert any(SCRIPT in label.text() for label in window.findChildren(QLabel))
        else:
            qtbot.waitUntil(lambda: expected in shown(), timeout=20_000)  # noqa: B023
            assert len(shown()) <= MESSAGE_LIMIT, case
        qtbot.waitUntil(lambda: not gui.runner.busy, timeout=20_000)
        assert window.isVisible() and not rich_labels_showing(window, "<script"), case
        sandbox.faults.clear()  # the panel behaves again: the same window recovers
        gui.ctx.refresh_catalog()
        qtbot.waitUntil(lambda: len(gui.ctx.services) == 300, timeout=20_000)
    # writes through New Order: a lost answer is an unknown order, a refusal is shown as said
    for case, expected in (
        ("add:order huge", "MAY have been placed"),
        ("add:script error", "The panel refused the order: <script>"),
    ):
        bad = next(b for b in CORPUS if str(b) == case)
        shown_error = place_through_window(qtbot, gui, sandbox, bad)
        assert expected in shown_error, (case, shown_error[:300])
        assert window.isVisible() and not rich_labels_showing(window, "<script"), case
    new_rows = [o for o in gui.store.orders(gui.ctx.panel.id) if o.order is None]
    assert sorted(o.state for o in new_rows) == ["rejected", "unknown"]
    assert sandbox.requests_for("add") == 2
    assert sandbox.errors == []


def place_through_window(qtbot: QtBot, gui: Any, sandbox: SandboxPanel, bad: Bad) -> str:
    """Order a Default service from New Order (fill, submit, confirm) against ``bad``."""
    window, tab = gui.window, gui.window.new_order_tab
    service = next(s for s in gui.ctx.services if s.type == "Default")
    gui.ctx.orderServiceRequested.emit(service)
    window.findChild(QLineEdit, "field_link").setText("https://example.com/p/gui")
    window.findChild(QLineEdit, "field_quantity").setText(str(service.min))
    sandbox.faults.add("raw", action="add", count=1, **bad.options())
    qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    assert tab.confirm_dialog is not None, tab.hint.text()
    tab.confirm_dialog.accept()
    qtbot.waitUntil(lambda: not tab.in_flight, timeout=20_000)
    return str(tab.error.text())
