"""Reading tracked orders and their status history; recording status answers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from smpanel_desktop.api.models import StatusResult, is_final_order_status
from smpanel_desktop.store.base import StoreBase
from smpanel_desktop.store.models import StatusChange, TrackedOrder
from smpanel_desktop.store.rows import NEWEST_FIRST, ORDER_COLS, order_filter, query_orders
from smpanel_desktop.store.schema import OPEN_ORDERS_SQL

_CHUNK = 500  # ids per IN (...) query  # pragma: no mutate


def _kept(new: object, old: object) -> bool:
    """Writing ``new`` (None: keep) over ``old`` changes nothing, beyond doubt."""
    return new is None or (type(new) is type(old) and new == old)


class OrderQueries(StoreBase):
    """Order queries, status history and the recording of status answers."""

    def apply_statuses(
        self, panel_id: int, results: Sequence[StatusResult], checked_at: float
    ) -> list[tuple[int, str | None, str | None]]:
        """Record a batch of status answers in one transaction.

        Returns ``(local_id, old_status, new_status)`` for each order whose status text changed
        (also written to the history).  A per-item error is stored as ``last_error``; a
        successful answer clears it.  Results for untracked ids are ignored.  An answer that
        changes no value (the same texts and numbers, of the same types, or none) writes only
        the time checked: the status is not rewritten, so its index and triggers are left alone.
        """
        changes: list[tuple[int, str | None, str | None]] = []
        with self._tx() as conn:
            known: dict[int, tuple[Any, ...]] = {}
            ids = list({r.order for r in results})
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                rows = conn.execute(
                    'SELECT "order", id, status, charge, start_count, remains, currency FROM '
                    f'orders WHERE panel_id = ? AND "order" IN ({",".join("?" * len(chunk))})',
                    (panel_id, *chunk),
                )
                known.update((r[0], r[1:]) for r in rows)
            updates, checked, errors, history = [], [], [], []
            for result in results:
                hit = known.get(result.order)
                if hit is None:
                    continue
                local_id, old = hit[0], hit[1]
                st = result.status
                if st is None:
                    errors.append((result.error or "No status in the answer", checked_at, local_id))
                    continue
                charge = None if st.charge is None else str(st.charge)
                fresh = (charge, st.start_count, st.remains, st.currency)
                same = len(hit) > 2 and type(old) is str and st.status == old  # (not 2nd answer)
                if same and all(map(_kept, fresh, hit[2:])):
                    checked.append((checked_at, local_id))
                    continue
                updates.append(
                    (
                        st.status,
                        charge,
                        st.start_count,
                        st.remains,
                        st.currency,
                        checked_at,
                        local_id,
                    )
                )
                if st.status != old:
                    changes.append((local_id, old, st.status))
                    history.append((local_id, old, st.status, checked_at))
                known[result.order] = (local_id, st.status)  # a second answer: written in full
            conn.executemany(
                # updated_at moves only when a value changed (SET sees the old row).
                "UPDATE orders SET updated_at = CASE WHEN status IS ?1 "
                "AND coalesce(?2, charge) IS charge AND coalesce(?3, start_count) IS start_count "
                "AND coalesce(?4, remains) IS remains THEN updated_at ELSE ?6 END, "
                "status = ?1, charge = coalesce(?2, charge), start_count = coalesce(?3, "
                "start_count), remains = coalesce(?4, remains), currency = coalesce(?5, "
                "currency), last_checked_at = ?6, last_error = NULL WHERE id = ?7",
                updates,
            )
            conn.executemany(
                "UPDATE orders SET last_checked_at = ?, last_error = NULL WHERE id = ?", checked
            )
            conn.executemany(
                "UPDATE orders SET last_error = ?, last_checked_at = ? WHERE id = ?", errors
            )
            conn.executemany(
                "INSERT INTO status_history (order_local_id, old_status, new_status, changed_at) "
                "VALUES (?, ?, ?, ?)",
                history,
            )
        return changes

    # -- orders: queries ---------------------------------------------------------------------

    def orders(
        self,
        panel_id: int | None = None,
        *,  # pragma: no mutate
        status: str | None = None,
        state: str | None = None,
        search: str | None = None,
    ) -> list[TrackedOrder]:
        """Tracked orders, newest first.  ``status`` matches the panel's text ignoring case
        (Canceled = Cancelled); ``search`` is a substring of link, service name, order id or
        service id."""
        where, args = order_filter(panel_id, status=status, state=state, search=search)
        sql = f"SELECT {ORDER_COLS} FROM orders WHERE {where} {NEWEST_FIRST}"
        return query_orders(self._conn(), sql, args)

    def order_by_panel_id(self, panel_id: int, order: int) -> TrackedOrder | None:
        """The tracked order with the panel's id ``order``, or None."""
        found = query_orders(
            self._conn(),
            f'SELECT {ORDER_COLS} FROM orders WHERE panel_id = ? AND "order" = ?',
            (panel_id, order),
        )
        return found[0] if found else None

    def orders_by_panel_ids(self, panel_id: int, orders: Sequence[int]) -> list[TrackedOrder]:
        """The tracked orders with these panel ids (untracked ids skipped), in no set order."""
        conn, found = self._conn(), list[TrackedOrder]()
        for start in range(0, len(orders), _CHUNK):
            chunk = orders[start : start + _CHUNK]
            found += query_orders(
                conn,
                f'SELECT {ORDER_COLS} FROM orders WHERE panel_id = ? AND "order" IN '
                f"({','.join('?' * len(chunk))})",
                (panel_id, *chunk),
            )
        return found

    def open_orders(self, panel_id: int) -> list[TrackedOrder]:
        """Placed orders whose status is not final (worth polling), newest first."""
        found = query_orders(
            self._conn(),
            f"SELECT {ORDER_COLS} FROM orders WHERE panel_id = ? AND {OPEN_ORDERS_SQL} "
            f"{NEWEST_FIRST}",
            (panel_id,),
        )
        return [o for o in found if not is_final_order_status(o.status)]

    def unmoved_open_orders(self, before: float) -> list[tuple[int, str | None, int]]:
        """(panel id, status, how many) of every panel's open orders whose remains or status
        last moved (never seen moving: that were placed) at or before ``before`` (stuck.py)."""
        # the open orders through their partial index, the exact test on the few (panel,
        # status) groups in stuck.py; the progress looked up for open orders only
        rows = self._conn().execute(
            f"SELECT o.panel_id, o.status, count(*) FROM orders o WHERE {OPEN_ORDERS_SQL} AND "
            "coalesce((SELECT p.moved_at FROM order_progress p WHERE p.order_local_id = o.id), "
            "o.created_at) <= ? GROUP BY o.panel_id, o.status",
            (before,),
        )
        return [(int(p), s, int(n)) for p, s, n in rows]

    def open_order_ids(self, panel_id: int) -> list[int]:
        """The panel ids of ``open_orders``, in the same order, without building the orders."""
        return [order for batch in self.open_order_batches(panel_id) for order in batch]

    def open_order_batches(self, panel_id: int, size: int = 100) -> Iterator[list[int]]:
        """``open_order_ids`` in lists of ``size``, each yielded as soon as it is read (a
        refresh sends the first batch while the rest are read).  Read them all before writing
        on this thread: the query is open until the last one."""
        rows = self._conn().execute(
            f'SELECT "order", status FROM orders WHERE panel_id = ? AND {OPEN_ORDERS_SQL} '
            f"{NEWEST_FIRST}",
            (panel_id,),
        )
        batch: list[int] = []
        while page := rows.fetchmany(size):
            batch += [order for order, status in page if not is_final_order_status(status)]
            if len(batch) >= size:  # full lists (a few final ones the loose SQL cut let
                yield batch[:size]  # through were left out)
                batch = batch[size:]
        if batch:
            yield batch

    def status_history(self, local_id: int) -> list[StatusChange]:
        """The order's status changes, oldest first."""
        rows = self._conn().execute(
            "SELECT order_local_id, old_status, new_status, changed_at FROM status_history "
            "WHERE order_local_id = ? ORDER BY changed_at, id",
            (local_id,),
        )
        return [StatusChange(*r) for r in rows]

    def count_orders(
        self,
        panel_id: int | None = None,
        *,  # pragma: no mutate
        state: str | None = None,
    ) -> int:
        """How many orders are tracked (for a panel, in a state)."""
        sql, args = "SELECT count(*) FROM orders WHERE 1", list[Any]()
        if panel_id is not None:
            sql += " AND panel_id = ?"
            args.append(panel_id)
        if state is not None:
            sql += " AND state = ?"
            args.append(state)
        return int(self._conn().execute(sql, args).fetchone()[0])
