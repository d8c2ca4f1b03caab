"""The services cache: one catalog per panel, replaced atomically with its fetch time."""

from __future__ import annotations

import json
import marshal
import operator
from collections.abc import Sequence
from decimal import Decimal
from sys import intern
from typing import Any

from smpanel_desktop.api.dialects import service_type
from smpanel_desktop.api.models import Service
from smpanel_desktop.bulk import fast_factory, gc_paused
from smpanel_desktop.store.base import StoreBase

_make_service = fast_factory(Service)


class ServicesCache(StoreBase):
    """The cached catalog of each panel.

    The catalog last saved or loaded is remembered with its panel and fetch time: loading that
    one again (the catalog refresh compares each fetch with the cached one, which the app has
    just loaded to show it) hands out the same services instead of decoding a second copy of
    50,000.  A cache written since by anyone else has another fetch time and is decoded."""

    _last_catalog: tuple[int, float, tuple[Service, ...]] | None = None

    def save_services(self, panel_id: int, services: Sequence[Service], fetched_at: float) -> None:
        """Replace the panel's cached catalog in one statement: readers see old or new.

        The very services last saved or loaded, in the same order (a refresh that found the
        catalog unchanged: the client hands out the known services), only move the fetch time:
        encoding and writing 50,000 services again cost ~20 MB beside the catalog for the same
        bytes.  Only while the row still holds that catalog's fetch time (nobody wrote since)."""
        last = self._last_catalog
        if last is not None and last[0] == panel_id and _same(last[2], services):
            with self._tx(durable=False) as conn:  # pragma: no mutate
                moved = conn.execute(
                    "UPDATE catalogs SET fetched_at = ? WHERE panel_id = ? AND fetched_at = ?",
                    (fetched_at, panel_id, last[1]),
                ).rowcount
            if moved:
                self._last_catalog = (panel_id, fetched_at, last[2])
                return
        with gc_paused():  # 50,000 services: GC rescans took longer than the encoding
            body = _MAGIC + marshal.dumps(_columns(services), _MARSHAL_VERSION)
        self._last_catalog = None
        # durable=False: a cache, fetched again if a power cut undoes it
        with self._tx(durable=False) as conn:  # pragma: no mutate
            conn.execute(
                "INSERT OR REPLACE INTO catalogs (panel_id, fetched_at, body) VALUES (?, ?, ?)",
                (panel_id, fetched_at, body),
            )
        if all(service_type(t) == t for t in {s.type for s in services}):  # loads as saved
            self._last_catalog = (panel_id, fetched_at, tuple(services))

    def load_services(self, panel_id: int) -> tuple[list[Service], float | None]:
        """The cached catalog in the panel's order and its fetch time; ``([], None)`` if none."""
        last = self._last_catalog
        if (
            last is not None
            and last[0] == panel_id
            and self.services_fetched_at(panel_id) == last[1]
        ):
            return list(last[2]), last[1]
        row = (
            self._conn()
            .execute("SELECT fetched_at, body FROM catalogs WHERE panel_id = ?", (panel_id,))
            .fetchone()
        )
        if row is None:
            return [], None
        body = row[1]
        with gc_paused():
            if isinstance(body, bytes):
                data = _unmarshal(body)
                if data is None:  # written by another Python: as if nothing were cached
                    return [], None
            else:  # JSON text, written by earlier versions
                data = json.loads(body)
            out = _from_columns(data) if isinstance(data, dict) else _from_rows(data)
        self._last_catalog = (panel_id, float(row[0]), tuple(out))
        return out, float(row[0])

    def services_fetched_at(self, panel_id: int) -> float | None:
        """When the cached catalog was fetched, without loading it."""
        row = (
            self._conn()
            .execute("SELECT fetched_at FROM catalogs WHERE panel_id = ?", (panel_id,))
            .fetchone()
        )
        return float(row[0]) if row else None


def _same(known: tuple[Service, ...], services: Sequence[Service]) -> bool:
    return len(known) == len(services) and all(map(operator.is_, known, services))


# The cache body holds one list per field ("columns"), each distinct type, category and
# description stored once in "texts" and referred to by index (real catalogs repeat them in
# blocks), so loaded services share those strings.  It is encoded with ``marshal`` (plain
# lists, ints and strings only; the bytes Python itself uses for its .pyc files): encoding
# 20,000 services as JSON text took ~40 ms, with marshal ~15 ms.  The body is our own output
# in the user's private database, never the panel's bytes; a body an other Python cannot read
# counts as no cache (the catalog is fetched again).  JSON bodies of earlier versions (columns,
# or one list per service) are still read.  Names are interned: a tracked order's service name
# is then the very string of its service (store/rows.py interns them too), not a second copy
# (50,000 names with emoji take 4 bytes a character: ~20 MB a copy).

_FORMAT = 2  # pragma: no mutate
_MAGIC = b"smpanel-catalog-marshal-4\n"
_MARSHAL_VERSION = 4  # pragma: no mutate


def _unmarshal(body: bytes) -> dict[str, Any] | None:
    if not body.startswith(_MAGIC):
        return None
    try:
        data = marshal.loads(body[len(_MAGIC) :])
    except (ValueError, EOFError, TypeError):
        return None
    return data if isinstance(data, dict) and data.get("format") == _FORMAT else None


def _columns(services: Sequence[Service]) -> dict[str, Any]:
    texts: dict[str, int] = {}
    ref = texts.setdefault
    return {
        "format": _FORMAT,
        "id": [s.id for s in services],
        "name": [s.name for s in services],
        "type": [ref(s.type, len(texts)) for s in services],
        "category": [ref(s.category, len(texts)) for s in services],
        "rate": [str(s.rate) for s in services],
        "min": [s.min for s in services],
        "max": [s.max for s in services],
        "flags": [s.refill | s.cancel << 1 | s.dripfeed << 2 for s in services],
        "description": [ref(s.description, len(texts)) for s in services],
        "texts": list(texts),
    }


def _from_columns(data: dict[str, Any]) -> list[Service]:
    texts: list[str] = data["texts"]
    rates: dict[str, Decimal] = {}  # real catalogs repeat rates: parse each text once
    # a cache written before type names were normalised ("default"): read them as the protocol's
    types = {t: service_type(texts[t]) for t in set(data["type"])}
    make = _make_service
    out = []
    for i, n, t, c, r, lo, hi, f, d in zip(
        data["id"], data["name"], data["type"], data["category"], data["rate"], data["min"],
        data["max"], data["flags"], data["description"], strict=True,  # pragma: no mutate
    ):  # fmt: skip
        rate = rates.get(r)
        if rate is None:
            rate = rates[r] = Decimal(r)
        out.append(make(i, intern(n), types[t], texts[c], rate, lo, hi, f & 1 == 1, f & 2 == 2,
                        f & 4 == 4, texts[d]))  # fmt: skip
    return out


def _from_rows(rows: list[list[Any]]) -> list[Service]:
    rates: dict[str, Decimal] = {}
    make = _make_service
    out = []
    for i, n, t, c, r, lo, hi, rf, cn, dr, d in rows:
        rate = rates.get(r)
        if rate is None:
            rate = rates[r] = Decimal(r)
        out.append(make(i, intern(n), service_type(t), c, rate, lo, hi, rf == 1, cn == 1, dr == 1,
                        d))  # fmt: skip
    return out
