"""The services cache: one catalog per panel, replaced atomically with its fetch time."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal

from smpanel_desktop.api.models import Service
from smpanel_desktop.store.base import StoreBase, dumps_json, gc_paused
from smpanel_desktop.store.models import fast_factory

_make_service = fast_factory(Service)


class ServicesCache(StoreBase):
    """The cached catalog of each panel."""

    def save_services(self, panel_id: int, services: Sequence[Service], fetched_at: float) -> None:
        """Replace the panel's cached catalog in one statement: readers see old or new."""
        body = dumps_json(
            [
                (
                    s.id,
                    s.name,
                    s.type,
                    s.category,
                    str(s.rate),
                    s.min,
                    s.max,
                    int(s.refill),
                    int(s.cancel),
                    int(s.dripfeed),
                    s.description,
                )
                for s in services
            ]
        )
        with self._tx() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO catalogs (panel_id, fetched_at, body) VALUES (?, ?, ?)",
                (panel_id, fetched_at, body),
            )

    def load_services(self, panel_id: int) -> tuple[list[Service], float | None]:
        """The cached catalog in the panel's order and its fetch time; ``([], None)`` if none."""
        row = (
            self._conn()
            .execute("SELECT fetched_at, body FROM catalogs WHERE panel_id = ?", (panel_id,))
            .fetchone()
        )
        if row is None:
            return [], None
        rates: dict[str, Decimal] = {}  # real catalogs repeat rates: parse each text once
        make = _make_service
        out = []
        with gc_paused():
            for i, n, t, c, r, lo, hi, rf, cn, dr, d in json.loads(row[1]):
                rate = rates.get(r)
                if rate is None:
                    rate = rates[r] = Decimal(r)
                out.append(make(i, n, t, c, rate, lo, hi, rf == 1, cn == 1, dr == 1, d))
        return out, float(row[0])

    def services_fetched_at(self, panel_id: int) -> float | None:
        """When the cached catalog was fetched, without loading it."""
        row = (
            self._conn()
            .execute("SELECT fetched_at FROM catalogs WHERE panel_id = ?", (panel_id,))
            .fetchone()
        )
        return float(row[0]) if row else None
