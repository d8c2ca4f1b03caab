"""The store's schema, as migrations: ``MIGRATIONS[i]`` takes a database from version ``i`` to
``i + 1`` (db.py applies them).  Add a step at the end; never edit a released one.
"""

from __future__ import annotations

from collections.abc import Sequence

from smpanel_desktop.api.dialects import FINAL_ORDER_STATUSES
from smpanel_desktop.store.money import days

_V1 = (
    """CREATE TABLE panels (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        endpoint TEXT NOT NULL,
        currency TEXT,
        created_at REAL NOT NULL
    )""",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # The services cache: one row per panel, the catalog as compact JSON (measured faster to
    # save and load than one row per service; replacing one row is atomic by construction).
    """CREATE TABLE catalogs (
        panel_id INTEGER PRIMARY KEY REFERENCES panels(id) ON DELETE CASCADE,
        fetched_at REAL NOT NULL,
        body TEXT NOT NULL
    )""",
    """CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        "order" INTEGER,
        service_id INTEGER NOT NULL,
        service_name TEXT NOT NULL,
        service_type TEXT NOT NULL,
        params TEXT NOT NULL,
        link TEXT NOT NULL DEFAULT '',
        quantity INTEGER,
        runs INTEGER,
        charge TEXT,
        currency TEXT,
        status TEXT,
        state TEXT NOT NULL,
        start_count INTEGER,
        remains INTEGER,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        last_checked_at REAL,
        last_error TEXT
    )""",
    'CREATE UNIQUE INDEX orders_panel_order ON orders(panel_id, "order") WHERE "order" IS NOT NULL',
    """CREATE TABLE status_history (
        id INTEGER PRIMARY KEY,
        order_local_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        old_status TEXT,
        new_status TEXT,
        changed_at REAL NOT NULL
    )""",
    """CREATE TABLE refills (
        id INTEGER PRIMARY KEY,
        order_local_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        refill INTEGER,
        status TEXT,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        last_checked_at REAL,
        last_error TEXT
    )""",
)

_V2 = (
    # Indexes the repository's queries need (newest-first listing per panel, open orders,
    # history and refills per order, refill status lookups).
    "CREATE INDEX orders_panel_created ON orders(panel_id, created_at DESC, id DESC)",
    "CREATE INDEX orders_created ON orders(created_at DESC, id DESC)",
    "CREATE INDEX orders_panel_state ON orders(panel_id, state)",
    "CREATE INDEX status_history_order ON status_history(order_local_id, changed_at)",
    "CREATE INDEX refills_order ON refills(order_local_id)",
    "CREATE INDEX refills_refill ON refills(refill) WHERE refill IS NOT NULL",
)

_WATCH = (
    # Watchers (store/watch.py): when an order's remains (or status) last moved, kept by a
    # trigger so every writer of statuses feeds it; catalog changes per fetch; the refill
    # window set per service; events already announced (never twice, across restarts).
    """CREATE TABLE order_progress (
        order_local_id INTEGER PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
        remains INTEGER,
        moved_at REAL NOT NULL
    )""",
    """CREATE TRIGGER order_progress_moved AFTER UPDATE OF remains, status ON orders
    WHEN new.remains IS NOT old.remains OR new.status IS NOT old.status
    BEGIN
        INSERT OR REPLACE INTO order_progress (order_local_id, remains, moved_at)
        VALUES (new.id, new.remains, coalesce(new.last_checked_at, new.updated_at));
    END""",
    """CREATE TABLE catalog_changes (
        id INTEGER PRIMARY KEY,
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        detected_at REAL NOT NULL,
        service_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        change TEXT NOT NULL,
        old TEXT,
        new TEXT
    )""",
    "CREATE INDEX catalog_changes_panel ON catalog_changes(panel_id, detected_at)",
    """CREATE TABLE service_guarantees (
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        service_id INTEGER NOT NULL,
        window TEXT NOT NULL,
        PRIMARY KEY (panel_id, service_id)
    )""",
    """CREATE TABLE announced_events (
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        announced_at REAL NOT NULL,
        PRIMARY KEY (panel_id, key)
    )""",
)

_DRIPFEED = (
    # Drip-feed parents' runs and child order ids as the panel reports them (store/dripfeed.py).
    """CREATE TABLE dripfeed_runs (
        parent_local_id INTEGER PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
        runs INTEGER,
        children TEXT NOT NULL DEFAULT '',
        updated_at REAL NOT NULL
    )""",
)

_MASS_ORDERS = (
    # Mass orders (store/batches.py, favourites.py): each batch's normalised content (its
    # fingerprint finds the same batch again) and the order rows of its lines; favourite
    # services; New Order presets.
    """CREATE TABLE mass_batches (
        id INTEGER PRIMARY KEY,
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL,
        content TEXT NOT NULL,
        lines INTEGER NOT NULL,
        created_at REAL NOT NULL,
        finished_at REAL
    )""",
    "CREATE INDEX mass_batches_fingerprint ON mass_batches(panel_id, fingerprint)",
    """CREATE TABLE mass_batch_orders (
        batch_id INTEGER NOT NULL REFERENCES mass_batches(id) ON DELETE CASCADE,
        line INTEGER NOT NULL,
        order_local_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        PRIMARY KEY (batch_id, order_local_id)
    )""",
    """CREATE TABLE favourites (
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        service_id INTEGER NOT NULL,
        created_at REAL NOT NULL,
        PRIMARY KEY (panel_id, service_id)
    )""",
    """CREATE TABLE presets (
        id INTEGER PRIMARY KEY,
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        name TEXT NOT NULL COLLATE NOCASE,
        service_id INTEGER NOT NULL,
        fields TEXT NOT NULL,
        updated_at REAL NOT NULL,
        UNIQUE (panel_id, name)
    )""",
)

_INEXACT = (
    "instr({0}, 'E') OR instr({0}, 'e') OR abs({0}) >= 10000000 "
    "OR length({0}) - instr({0}, '.') > 8"
)


def _flag_trigger(name: str, event: str, table: str, column: str) -> str:
    new = f"NEW.{column}"
    return (
        f"CREATE TRIGGER {name} AFTER {event} ON {table} WHEN {new} IS NOT NULL AND "
        f"({_INEXACT.format(new)}) BEGIN INSERT OR IGNORE INTO money_flags "
        "VALUES ('inexact_amounts'); END"
    )


_MONEY = (
    # Money (store/money/): every balance fetch, exchange rates the user entered, services of
    # different panels the user marked as the same, resale prices and markups.
    """CREATE TABLE balance_history (
        id INTEGER PRIMARY KEY,
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        amount TEXT NOT NULL,
        currency TEXT NOT NULL,
        fetched_at REAL NOT NULL
    )""",
    "CREATE INDEX balance_history_panel ON balance_history(panel_id, fetched_at)",
    """CREATE TABLE exchange_rates (
        from_currency TEXT NOT NULL,
        to_currency TEXT NOT NULL,
        rate TEXT NOT NULL,
        set_on TEXT NOT NULL,
        PRIMARY KEY (from_currency, to_currency)
    )""",
    """CREATE TABLE service_links (
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        service_id INTEGER NOT NULL,
        link_group INTEGER NOT NULL,
        PRIMARY KEY (panel_id, service_id)
    )""",
    "CREATE INDEX service_links_group ON service_links(link_group)",
    """CREATE TABLE resale_prices (
        order_local_id INTEGER PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
        price TEXT NOT NULL
    )""",
    """CREATE TABLE panel_money (
        panel_id INTEGER PRIMARY KEY REFERENCES panels(id) ON DELETE CASCADE,
        markup_percent TEXT,
        low_balance TEXT
    )""",
    # store/money/spend.py sums money as integers of 10^-8: exact while no amount has more than 8
    # decimals (or an exponent) or reaches 10^7.  These triggers note, once, that one does, so
    # the sums never scan every order to find out (they then take the exact, slower way).
    "CREATE TABLE money_flags (name TEXT PRIMARY KEY)",
    *(
        _flag_trigger(name, event, table, column)
        for name, event, table, column in (
            ("orders_inexact_insert", "INSERT", "orders", "charge"),
            ("orders_inexact_update", "UPDATE OF charge", "orders", "charge"),
            ("resale_inexact_insert", "INSERT", "resale_prices", "price"),
            ("resale_inexact_update", "UPDATE OF price", "resale_prices", "price"),
        )
    ),
    "INSERT OR IGNORE INTO money_flags SELECT 'inexact_amounts' FROM orders WHERE charge IS NOT "
    f"NULL AND ({_INEXACT.format('charge')}) LIMIT 1",
)

_SPEND_DAYS = days.MIGRATION  # spend per local day, kept by triggers (store/money/days.py)

PLACED = "placed"
"""store/models.py's, written out: a migration's text must not follow a constant, and importing
the models (their dataclasses) would cost ``smpanel orders --json`` ~20 ms (a test keeps the
two equal)."""
FINAL_STATUSES_SQL = ", ".join(f"'{s}'" for s in sorted(FINAL_ORDER_STATUSES))
"""The final order statuses, as spelled in answers, for an SQL ``IN (...)``."""
OPEN_ORDERS_SQL = (
    f"state = '{PLACED}' AND \"order\" IS NOT NULL AND (status IS NULL OR lower(trim(status)) "
    f"NOT IN ({FINAL_STATUSES_SQL}))"
)
"""Placed orders whose status is not one of the final ones as spelled (a loose cut: the exact
test, ``is_final_order_status``, is done on what it returns).  The WHERE of the partial index
``orders_open``: a query holding this very text reads the open orders only, not every order
ever placed (the Overview's stuck orders: 12 of its 17 ms of reads over 20,000 orders).  If the
final statuses ever change, a new step must drop and recreate the index with the new text."""

_OPEN_ORDERS = (f"CREATE INDEX orders_open ON orders(panel_id, status) WHERE {OPEN_ORDERS_SQL}",)

# The spend triggers' status tests as OR chains (store/money/days.py, ``status_in``): a step of
# its own, so a database made when they were IN lists gets them; a new one gets them twice.
_SPEND_TRIGGERS = days.REBUILD_TRIGGERS

MIGRATIONS: tuple[Sequence[str], ...] = (
    _V1, _V2, _WATCH, _DRIPFEED, _MASS_ORDERS, _MONEY, _SPEND_DAYS, _OPEN_ORDERS, _SPEND_TRIGGERS,
)  # fmt: skip
"""``MIGRATIONS[i]`` upgrades version ``i`` to ``i + 1``: a list of SQL statements."""
