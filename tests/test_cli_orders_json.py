"""``smpanel orders --json`` into a pipe (cli/orders_sql.py: SQLite writes the JSON) prints the same
bytes as the values' way (``output.dump_json([output.order_json(o) ...])``), whatever the rows
hold: unicode, quotes and control characters, NULLs, every money spelling, odd times, damaged
or unusual parameters."""

from __future__ import annotations

import argparse
import io
import itertools
import json
import sqlite3
import subprocess
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest

from smpanel_desktop.cli import orders, orders_sql, output
from smpanel_desktop.store import db as db_module
from smpanel_desktop.store import models, schema
from smpanel_desktop.store.panels import CURRENT_PANEL
from smpanel_desktop.store.rows import order_filter
from smpanel_desktop.store.store import Store

COLUMNS = (
    'panel_id, "order", service_id, service_name, service_type, params, link, quantity, runs, '
    "charge, currency, status, state, start_count, remains, created_at, updated_at, "
    "last_checked_at, last_error"
)
NOW = 1_764_633_600.25


def row(panel: int, n: int, **values: Any) -> dict[str, Any]:
    link = values.get("link", f"https://instagram.com/p/B{n:05d}x")
    quantity = values.get("quantity", 100 + n)
    base = {
        "panel_id": panel, "order": 9_000_000 + n, "service_id": 1000 + n % 7,
        "service_name": "Instagram Likes ♻️ 30 Days | Fast 🚀", "service_type": "Default",
        "params": json.dumps({"link": link, "quantity": str(quantity)}, separators=(",", ":"),
                             ensure_ascii=False),
        "link": link, "quantity": quantity, "runs": None, "charge": "0.498", "currency": "USD",
        "status": "In progress", "state": "placed", "start_count": 0, "remains": 50,
        "created_at": NOW - n * 30.5, "updated_at": NOW, "last_checked_at": NOW - n,
        "last_error": None,
    }  # fmt: skip
    base.update(values)
    return base


def insert(db: Path, rows: list[dict[str, Any]]) -> None:
    conn = sqlite3.connect(db)
    with conn:
        conn.executemany(
            f"INSERT INTO orders ({COLUMNS}) VALUES ({','.join('?' * 19)})",
            [tuple(r[c.strip().strip('"')] for c in COLUMNS.split(",")) for r in rows],
        )
    conn.close()


def both(db: Path, panel: int, **filters: Any) -> tuple[str, str]:
    """(the values' JSON, the SQL's JSON) of the same listing."""
    with Store(db) as store:
        old = json.dumps(
            [output.order_json(o) for o in store.orders(panel, **filters)], ensure_ascii=False
        )
    conn = sqlite3.connect(db)
    buffer = io.BytesIO()
    where, args = order_filter(panel, **filters)
    orders.write_orders(conn, where, args, buffer)
    conn.close()
    return old, buffer.getvalue().decode("utf-8")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "smpanel.sqlite3"
    with Store(path) as store:
        store.add_panel("main", "https://panel.example/api/v2", "USD")
        store.add_panel("other", "https://other.example/api/v2", "EUR")
    return path


def test_the_names_written_out_are_the_stores() -> None:
    assert orders.ORDER_STATES == models.ORDER_STATES
    assert (orders.SUBMITTING, orders.UNKNOWN) == (models.SUBMITTING, models.UNKNOWN)
    assert orders.CURRENT_PANEL == CURRENT_PANEL
    assert orders.SCHEMA_VERSION == db_module.SCHEMA_VERSION  # add a migration: raise it too
    assert orders.BUSY_TIMEOUT_S * 1000 == db_module.BUSY_TIMEOUT_MS
    assert schema.PLACED == models.PLACED
    assert [key for key, *_ in orders_sql.FIELDS] == list(output.order_json(_any_order()))


def _any_order() -> models.TrackedOrder:
    return models.TrackedOrder(1, 1, None, 2, "s", "Default", {})


TRICKY_TEXT = [
    'quote " and backslash \\ and slash /', "tab\tnew\nline\r\x00nul\x01\x1f\x7f del",
    "\u2028 line sep \u2029", "日本語のサービス", "emoji 🚀🔥 ♻️", "", " spaced ",
    '{"link":"x","quantity":"1"}', ",\":\"", "é (NFC) e\u0301 (NFD)",
]  # fmt: skip


def test_text_fields_null_fields_and_unicode_match(db: Path) -> None:
    rows = []
    for n, text in enumerate(TRICKY_TEXT):
        rows.append(row(1, n, service_name=text, link=text, status=text or None,
                        last_error=text, currency=None if n % 2 else text))  # fmt: skip
    rows.append(row(1, 50, order=None, status=None, charge=None, currency=None, start_count=None,
                    remains=None, quantity=None, runs=3, state="unknown", last_checked_at=None,
                    last_error="lost"))  # fmt: skip
    insert(db, rows)
    old, new = both(db, 1)
    assert new == old and len(json.loads(new)) == len(rows)


def test_states_and_currencies_json_must_escape_match(db: Path) -> None:
    """The common row prints its state and currency as they are: only ours, and three capitals."""
    odd = ['a"b', "back\\slash", "tab\t", "日本", "placed ", "", "usd", "US", "USDT", "U$D", 'U"D']
    ours = orders.ORDER_STATES
    insert(db, [row(1, n, state=text) for n, text in enumerate(odd)]
           + [row(1, 20 + n, currency=text) for n, text in enumerate(odd)]
           + [row(1, 40 + n, state=state) for n, state in enumerate(ours)])  # fmt: skip
    old, new = both(db, 1)
    assert new == old and len(json.loads(new)) == 2 * len(odd) + len(ours)


MONEY = ["0", "0.0", "00", "05", "5", "5.", ".5", "0.50", "1.46500000", "12345678901234567890.1",
         "1E-7", "0E-8", "1e3", "-1.5", "-0", "+2", " 7 ", "NaN", "-Infinity", "٣"]  # fmt: skip


def test_every_money_spelling_matches(db: Path) -> None:
    insert(db, [row(1, n, charge=text) for n, text in enumerate(MONEY)])
    old, new = both(db, 1)
    assert new == old
    charges = [o["charge"] for o in json.loads(new)]
    assert charges == [output.money(Decimal(t)) for t in MONEY]
    assert charges[:10] == ["0", "0.0", "0", "5", "5", "5", "0.5", "0.50", "1.46500000",
                            "12345678901234567890.1"]  # fmt: skip


def test_short_money_texts_match_decimals_plain_format(db: Path) -> None:
    """Every text up to 4 characters of ``0 1 . - E`` that Decimal reads: the SQL copies only
    the ones ``format(Decimal(t), "f")`` gives back unchanged."""
    texts = []
    for size in range(1, 5):
        for chars in itertools.product("01.-E", repeat=size):
            text = "".join(chars)
            try:
                Decimal(text)
            except InvalidOperation:
                continue
            texts.append(text)
    insert(db, [row(1, n, charge=text) for n, text in enumerate(texts)])
    old, new = both(db, 1)
    assert new == old


TIMES = [0.0, 0.9999, 59.99999999, NOW, NOW + 0.9995, 253402300799.9, 253402300800.0, 1e12,
         -0.5, -86400.0]  # fmt: skip


def test_times_match_time_gmtime(db: Path) -> None:
    """Past year 9999 only for ``last_checked_at``: the store's spend trigger needs a day."""
    insert(db, [row(1, n, created_at=t if t < 253402300800 else NOW, last_checked_at=t)
                for n, t in enumerate(TIMES)])  # fmt: skip
    old, new = both(db, 1)
    assert new == old


PARAMS = [
    '{"link":"https://x.com/p","quantity":"100"}',  # not the row's link: Python's way
    '{"link":"%s","quantity":"%s"}',  # the row's, stored form: the SQL's way
    '{"link": "%s", "quantity": "%s"}',  # spaced: Python's way
    '{"quantity":"%s","link":"%s"}',
    '{"link":"%s","quantity":"%s","runs":"3","interval":"10"}',
    '{"comments":"one\\ntwo \\"q\\" 🚀","link":"x"}',
    '{"dripfeed_parent": 123}',
    "{}", "[]", "null", "5", '"text"', "not json", "", '{"a":1.0,"b":1e5,"c":-0,"d":NaN}',
    '{"a":{"b":[1,2,{"c":null}]}}', '{"k":"v","k":"w"}', '{"\\u00e9":"\\u00e9\\/"}',
    '{"link":"%s","quantity":"%s"} ',
]  # fmt: skip


def test_parameters_match_whatever_their_form(db: Path) -> None:
    rows = []
    for n, form in enumerate(PARAMS):
        template = row(1, n)
        if form.count("%s") == 2:
            values = (template["quantity"], template["link"]) if form.find("quantity") < form.find(
                "link") else (template["link"], template["quantity"])  # fmt: skip
            form = form % values
        rows.append(row(1, n, params=form))
    rows.append(row(1, 90, link='a"b\\c\n', quantity=7))  # stored by json.dumps: escapes
    rows.append(row(1, 91, link="x", params='{"link":"x","quantity":"7"}', quantity=None))
    insert(db, rows)
    old, new = both(db, 1)
    assert new == old


def test_a_listing_of_many_chunks_is_one_array(db: Path) -> None:
    """Written ``WRITE_CHUNK`` orders at a time: the chunks joined as one listing, none lost."""
    count = orders.WRITE_CHUNK * 2 + 7
    insert(db, [row(1, n) for n in range(count)] + [row(2, 1)])
    old, new = both(db, 1)
    assert new == old and len(json.loads(new)) == count
    buffer = io.BytesIO()
    conn = sqlite3.connect(db)
    assert orders.write_orders(conn, "panel_id = 1", [], buffer) == count
    conn.close()


def test_filters_and_panels_match(db: Path) -> None:
    statuses = ["Pending", "Completed", "Canceled", "cancelled ", "Partial", None]
    insert(db, [row(1 + n % 2, n, status=statuses[n % 6], link=f"https://x/{n}%_")
                for n in range(60)])  # fmt: skip
    for panel in (1, 2):
        for filters in ({}, {"status": "canceled"}, {"status": "COMPLETED"}, {"state": "placed"},
                        {"search": "%_"}, {"search": "x/1"}, {"search": "9000003"}):  # fmt: skip
            old, new = both(db, panel, **filters)
            assert new == old, filters


def _args(**values: Any) -> argparse.Namespace:
    base = {"api_url": None, "panel": None, "data_dir": None, "status": None, "search": None}
    return argparse.Namespace(**{**base, **values})


def test_the_panel_is_the_sessions(db: Path) -> None:
    conn = sqlite3.connect(db)
    assert orders._stored_panel(conn, None) is None  # two panels, none current: Session explains
    assert orders._stored_panel(conn, "  other ") == 2
    assert orders._stored_panel(conn, "demo") is None  # created by the Session
    conn.execute("INSERT INTO settings VALUES (?, 'other')", (CURRENT_PANEL,))
    conn.commit()
    assert orders._stored_panel(conn, None) == 2
    assert orders._stored_panel(conn, "main") == 1


def test_a_listing_by_state_ignores_search() -> None:
    assert orders.listing(_args(status=" Not Placed ", search="x")) == (None, "not_placed", None)
    assert orders.listing(_args(status=" Completed ", search="x")) == ("Completed", None, "x")


def test_the_piped_command_prints_the_values_json(db: Path, tmp_path: Path) -> None:
    """A real process into a pipe (the SQL), against the Session's way in-process."""
    insert(db, [row(1, n) for n in range(30)] + [row(1, 40, service_name='名前 "q"')])
    with Store(db) as store:
        store.set_setting(CURRENT_PANEL, "main")
        expected = json.dumps([output.order_json(o) for o in store.orders(1)], ensure_ascii=False)
    done = subprocess.run(
        [sys.executable, "-m", "smpanel_desktop.cli", "--data-dir", str(tmp_path), "orders",
         "--json"], capture_output=True, check=True, timeout=60,
    )  # fmt: skip
    assert done.stdout.decode("utf-8") == expected + "\n" and done.stderr == b""


def test_a_submitting_order_goes_the_sessions_way(db: Path, tmp_path: Path) -> None:
    """recover_interrupted turns an old ``submitting`` row unknown: the Session's work."""
    insert(db, [row(1, 1, state="submitting", order=None, created_at=NOW - 3600)])
    done = subprocess.run(
        [sys.executable, "-m", "smpanel_desktop.cli", "--data-dir", str(tmp_path), "--panel",
         "main", "orders", "--json"], capture_output=True, check=True, timeout=60,
    )  # fmt: skip
    assert json.loads(done.stdout)[0]["state"] == "unknown"


def test_a_newer_schema_goes_the_sessions_way(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The reader does not migrate: a file from a newer app is refused as by the Store."""
    from smpanel_desktop.cli.main import main
    from smpanel_desktop.store.db import SCHEMA_VERSION

    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    assert main(["--data-dir", str(tmp_path), "--panel", "main", "orders", "--json"]) == 2
    assert "newer than this app" in capsys.readouterr().err
