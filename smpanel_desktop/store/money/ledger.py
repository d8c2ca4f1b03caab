"""Money across panels: balance history, exchange rates, linked services, resale, spend sums.

Every balance fetch is kept (``record_balance``); exchange rates are the user's, with the date
they were entered; a link puts services of different panels in one group ("the same service");
a resale price per order or a markup per panel gives profit (summed in spend.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from smpanel_desktop.store.base import StoreBase


@dataclass(frozen=True, slots=True)
class BalancePoint:
    panel_id: int
    amount: Decimal
    currency: str
    fetched_at: float


@dataclass(frozen=True, slots=True)
class ExchangeRate:
    from_currency: str
    to_currency: str
    rate: Decimal
    """1 ``from_currency`` = ``rate`` ``to_currency``."""
    set_on: str
    """The date (YYYY-MM-DD) the user entered it."""


def _money(text: str, what: str) -> Decimal:
    try:
        value = Decimal(str(text).strip().replace(",", "."))
    except InvalidOperation:
        raise ValueError(f"{what} is not a number: {text!r}.") from None
    if not value.is_finite():
        raise ValueError(f"{what} is not a number: {text!r}.")
    return value


def _currency(text: str) -> str:
    code = text.strip().upper()
    if not code or not code.isalnum() or len(code) > 10:
        raise ValueError(f"Not a currency code: {text!r}.")
    return code


class LedgerStore(StoreBase):
    """Balance history, exchange rates, service links, resale prices and markups."""

    # -- balances ----------------------------------------------------------------------------

    def record_balance(self, panel_id: int, amount: Decimal, currency: str, at: float) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO balance_history (panel_id, amount, currency, fetched_at) "
                "VALUES (?, ?, ?, ?)",
                (panel_id, str(amount), currency or "", at),
            )

    def balance_history(
        self, panel_id: int | None = None, since: float | None = None
    ) -> list[BalancePoint]:
        """Recorded balances, oldest first."""
        sql = "SELECT panel_id, amount, currency, fetched_at FROM balance_history WHERE 1"
        args: list[object] = []
        if panel_id is not None:
            sql += " AND panel_id = ?"
            args.append(panel_id)
        if since is not None:
            sql += " AND fetched_at >= ?"
            args.append(since)
        rows = self._conn().execute(sql + " ORDER BY fetched_at, id", args)
        return [BalancePoint(p, Decimal(a), c, t) for p, a, c, t in rows]

    def latest_balances(self) -> dict[int, BalancePoint]:
        """The last recorded balance of each panel."""
        rows = self._conn().execute(
            "SELECT panel_id, amount, currency, max(fetched_at) FROM balance_history "
            "GROUP BY panel_id"
        )
        return {p: BalancePoint(p, Decimal(a), c, t) for p, a, c, t in rows}

    # -- exchange rates ----------------------------------------------------------------------

    def set_exchange_rate(self, from_currency: str, to_currency: str, rate: str | Decimal,
                          set_on: str) -> ExchangeRate:  # fmt: skip
        """Store ``1 from = rate to`` (and nothing else: the inverse is derived when used)."""
        src, dst = _currency(from_currency), _currency(to_currency)
        if src == dst:
            raise ValueError("An exchange rate needs two different currencies.")
        value = _money(str(rate), "The exchange rate")
        if value <= 0:
            raise ValueError("The exchange rate must be above 0.")
        with self._tx() as conn:
            conn.execute("DELETE FROM exchange_rates WHERE from_currency = ? AND to_currency = ?",
                         (dst, src))  # fmt: skip
            conn.execute(
                "INSERT OR REPLACE INTO exchange_rates VALUES (?, ?, ?, ?)",
                (src, dst, str(value), set_on),
            )
        return ExchangeRate(src, dst, value, set_on)

    def delete_exchange_rate(self, from_currency: str, to_currency: str) -> None:
        pair = (_currency(from_currency), _currency(to_currency))
        with self._tx() as conn:
            conn.execute(
                "DELETE FROM exchange_rates WHERE (from_currency = ?1 AND to_currency = ?2) "
                "OR (from_currency = ?2 AND to_currency = ?1)",
                pair,
            )

    def exchange_rates(self) -> list[ExchangeRate]:
        rows = self._conn().execute("SELECT * FROM exchange_rates ORDER BY 1, 2")
        return [ExchangeRate(a, b, Decimal(r), d) for a, b, r, d in rows]

    # -- services marked as the same ---------------------------------------------------------

    def link_services(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        """Mark service ``a`` = (panel id, service id) and ``b`` as the same (groups merge)."""
        if a[0] == b[0]:
            raise ValueError("Linked services must be on two different panels.")
        for panel_id, _ in (a, b):
            self._require_panel(panel_id)
        with self._tx() as conn:
            groups = {g for (g,) in conn.execute(
                "SELECT link_group FROM service_links WHERE (panel_id = ? AND service_id = ?) "
                "OR (panel_id = ? AND service_id = ?)", (*a, *b))}  # fmt: skip
            if groups:
                group = min(groups)
            else:
                (top,) = conn.execute("SELECT coalesce(max(link_group), 0) FROM service_links")
                group = int(top[0]) + 1
            conn.executemany(
                "UPDATE service_links SET link_group = ? WHERE link_group = ?",
                [(group, g) for g in groups if g != group],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO service_links VALUES (?, ?, ?)",
                [(*a, group), (*b, group)],
            )

    def unlink_service(self, panel_id: int, service_id: int) -> None:
        with self._tx() as conn:
            conn.execute(
                "DELETE FROM service_links WHERE panel_id = ? AND service_id = ?",
                (panel_id, service_id),
            )
            conn.execute(  # a group of one links nothing
                "DELETE FROM service_links WHERE link_group IN (SELECT link_group FROM "
                "service_links GROUP BY link_group HAVING count(*) < 2)"
            )

    def service_links(self) -> list[frozenset[tuple[int, int]]]:
        """Each group of services marked as the same: {(panel id, service id), ...}."""
        groups: dict[int, set[tuple[int, int]]] = {}
        rows = self._conn().execute("SELECT panel_id, service_id, link_group FROM service_links")
        for panel_id, service_id, group in rows:
            groups.setdefault(group, set()).add((panel_id, service_id))
        return [frozenset(g) for g in groups.values() if len(g) > 1]

    # -- resale and markup -------------------------------------------------------------------

    def set_resale_price(self, local_id: int, price: str | Decimal | None) -> None:
        """What the order was resold for (in its currency); None removes it."""
        self._require_order(local_id)
        with self._tx() as conn:
            if price is None:
                conn.execute("DELETE FROM resale_prices WHERE order_local_id = ?", (local_id,))
                return
            value = _money(str(price), "The resale price")
            if value < 0:
                raise ValueError("The resale price cannot be negative.")
            conn.execute("INSERT OR REPLACE INTO resale_prices VALUES (?, ?)",
                         (local_id, str(value)))  # fmt: skip

    def resale_prices(self) -> dict[int, Decimal]:
        rows = self._conn().execute("SELECT order_local_id, price FROM resale_prices")
        return {i: Decimal(p) for i, p in rows}

    def _set_panel_money(self, panel_id: int, column: str, value: Decimal | None) -> None:
        self._require_panel(panel_id)
        with self._tx() as conn:
            conn.execute("INSERT OR IGNORE INTO panel_money (panel_id) VALUES (?)", (panel_id,))
            conn.execute(f"UPDATE panel_money SET {column} = ? WHERE panel_id = ?",
                         (None if value is None else str(value), panel_id))  # fmt: skip

    def set_markup(self, panel_id: int, percent: str | Decimal | None) -> None:
        """The default markup (percent over the charge) for orders without a resale price."""
        value = None if percent is None else _money(str(percent), "The markup")
        self._set_panel_money(panel_id, "markup_percent", value)

    def set_low_balance(self, panel_id: int, amount: str | Decimal | None) -> None:
        """Warn when the panel's balance is below ``amount``; None: the default rule."""
        value = None if amount is None else _money(str(amount), "The low-balance level")
        self._set_panel_money(panel_id, "low_balance", value)

    def panel_money(self) -> dict[int, tuple[Decimal | None, Decimal | None]]:
        """Per panel: (markup percent, low-balance level)."""
        rows = self._conn().execute("SELECT panel_id, markup_percent, low_balance FROM panel_money")
        return {p: (None if m is None else Decimal(m), None if lo is None else Decimal(lo))
                for p, m, lo in rows}  # fmt: skip
