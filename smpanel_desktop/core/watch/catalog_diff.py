"""Catalog changes: each fetch of a panel's catalog compared with the previous one.

``diff_catalogs(old, new)`` lists new services, removed services, rate changes (old -> new),
min/max and refill/cancel/drip-feed changes, one ``CatalogChange`` per changed field.  Names,
categories, types and descriptions are not compared (panels rewrite them often, and a renamed
service is still the one the user ordered).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from smpanel_desktop.api.models import Service
from smpanel_desktop.store.store import Store
from smpanel_desktop.store.watch import CatalogChange

ADDED, REMOVED, RATE = "added", "removed", "rate"
FIELDS = ("min", "max", "refill", "cancel", "dripfeed")
KINDS = (ADDED, REMOVED, RATE, *FIELDS)


def _rate(s: Service) -> str:
    return format(s.rate, "f")


def _fields(s: Service) -> tuple[object, ...]:
    return (s.rate, s.min, s.max, s.refill, s.cancel, s.dripfeed)


def diff_catalogs(old: Sequence[Service], new: Sequence[Service]) -> list[CatalogChange]:
    """What changed from ``old`` to ``new``: removed first, then changed, then added (each in
    catalog order)."""
    before = {s.id: s for s in old}
    after = {s.id for s in new}
    out = [CatalogChange(s.id, s.name, REMOVED, _rate(s), None) for s in old if s.id not in after]
    added = []
    for s in new:
        was = before.get(s.id)
        if was is None:
            added.append(CatalogChange(s.id, s.name, ADDED, None, _rate(s)))
            continue
        if _fields(was) == _fields(s):
            continue
        if was.rate != s.rate:
            out.append(CatalogChange(s.id, s.name, RATE, _rate(was), _rate(s)))
        for name in FIELDS:
            a, b = getattr(was, name), getattr(s, name)
            if a != b:
                out.append(CatalogChange(s.id, s.name, name, a, b))
    return out + added


def record_catalog_changes(
    store: Store,
    panel_id: int,
    previous: Sequence[Service],
    previous_at: float | None,
    services: Sequence[Service],
    fetched_at: float,
) -> list[CatalogChange]:
    """Compare a fetch with the previous one of the panel and store the changes at
    ``fetched_at``.  The first fetch of a panel (``previous_at`` None) has nothing to compare;
    neither has an empty side (a panel that answered an empty list for once is not a panel
    that removed, then added back, every service)."""
    if previous_at is None or not previous or not services:
        return []
    changes = diff_catalogs(previous, services)
    if changes:
        store.record_catalog_changes(panel_id, fetched_at, changes)
    return [CatalogChange(c.service, c.name, c.change, c.old, c.new, fetched_at) for c in changes]


def changes_in_use(
    store: Store, panel_id: int, since: float, starred: Iterable[int] = ()
) -> list[CatalogChange]:
    """The panel's services repriced or removed since ``since`` that the user ordered from or
    starred (what the notifications announce and the Overview alerts), newest first."""
    changes = [
        c for c in store.catalog_changes(panel_id, since=since) if c.change in (RATE, REMOVED)
    ]
    if not changes:  # most of the time: no need to read which services are in use
        return []
    used = store.used_services(panel_id) | set(starred)
    return [c for c in changes if c.service in used]
