"""The refill manager: which tracked orders can be refilled now, and refilling them.

An order is eligible when its status is Completed, its service allows refill (the catalog's
flag, and the window not "No Refill"), it is inside the guarantee window (counted from when it
was seen Completed; the window from the per-service setting, else the service name; none
stated = eligible, the panel decides), no refill of it is pending or in progress, and its last
refill request (accepted or refused) is at least 24 h old: panels refuse, and some ban, refill
spam.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from smpanel_desktop.api.batching import unique
from smpanel_desktop.api.errors import UnknownOutcomeError
from smpanel_desktop.api.models import RefillResult, Service, is_final_refill_status
from smpanel_desktop.core.panel_client import Client
from smpanel_desktop.core.refills_cancels import request_refills
from smpanel_desktop.core.watch.guarantee import UNSTATED, Guarantee, parse_guarantee
from smpanel_desktop.store.models import PLACED, Panel, Refill, TrackedOrder
from smpanel_desktop.store.store import Store

REFILL_COOLDOWN = 24 * 3600.0
"""Seconds between two refill requests of one order."""
STATUS_FRESH = 120.0
"""Seconds a stored status counts as current for ``stale_work`` (refresh polls every 60 s)."""
LOST_REFILL = "outcome unknown: the answer was lost and the panel may have acted on it"


@dataclass(frozen=True, slots=True)
class Eligibility:
    order: TrackedOrder
    eligible: bool
    reason: str
    """Why not (English, for the CLI and logs); "" when eligible."""
    guarantee: Guarantee
    completed_at: float | None = None


def window_of(service: Service | None, override: str | None) -> Guarantee:
    """The service's refill window: the user's setting, else what its name says."""
    if override:
        try:
            return Guarantee.from_text(override)
        except ValueError:
            pass
    return parse_guarantee(service.name if service is not None else "")


def check_order(
    order: TrackedOrder,
    service: Service | None,
    refills: Sequence[Refill],
    *,
    now: float,
    completed_at: float | None,
    override: str | None = None,
) -> Eligibility:
    """Whether ``order`` can be refilled now (``refills``: its refill requests)."""
    if order.state != PLACED or order.order is None:
        return Eligibility(order, False, "not placed", UNSTATED, completed_at)
    if (order.status or "").strip().casefold() != "completed":  # most orders: leave early
        reason = f"status is {order.status or 'not known yet'}"
        return Eligibility(order, False, reason, UNSTATED, completed_at)
    window = window_of(service, override)

    def no(reason: str) -> Eligibility:
        return Eligibility(order, False, reason, window, completed_at)

    if service is None:
        return no("service not in the panel's catalog")
    if not service.refill:
        return no("the service has no refill")
    if window.kind == "none":
        return no("the service says No Refill")
    since = completed_at if completed_at is not None else order.updated_at or order.created_at
    if not window.covers(since, now):
        return no(f"outside the {window.days}-day guarantee")
    for r in refills:
        if r.refill is not None and not is_final_refill_status(r.status):
            return no(f"refill {r.refill} is {r.status or 'pending'}")
    last = max((r.created_at for r in refills), default=None)
    if last is not None and now - last < REFILL_COOLDOWN:
        hours = (REFILL_COOLDOWN - (now - last)) / 3600
        return no(f"refill requested less than 24 h ago (again in {hours:.0f} h)")
    return Eligibility(order, True, "", window, completed_at)


def eligibility(
    store: Store,
    panel: Panel,
    services: Sequence[Service] | Mapping[int, Service],
    *,
    now: float | None = None,
    orders: Sequence[TrackedOrder] | None = None,
) -> list[Eligibility]:
    """``check_order`` for each tracked order of the panel (or ``orders``), newest first."""
    now = time.time() if now is None else now
    by_id = services if isinstance(services, Mapping) else {s.id: s for s in services}
    tracked = store.orders(panel.id) if orders is None else orders
    refills: dict[int, list[Refill]] = {}
    for r in store.panel_refills(panel.id):
        refills.setdefault(r.order_local_id, []).append(r)
    completed = store.completed_times(panel.id)
    windows = store.refill_windows(panel.id)
    return [
        check_order(
            o,
            by_id.get(o.service_id),
            refills.get(o.id, ()),
            now=now,
            completed_at=completed.get(o.id),
            override=windows.get(o.service_id),
        )
        for o in tracked
    ]


def eligible_orders(
    store: Store, panel: Panel, services: Sequence[Service], *, now: float | None = None
) -> list[TrackedOrder]:
    """The tracked orders that can be refilled now, newest first."""
    return [e.order for e in eligibility(store, panel, services, now=now) if e.eligible]


def refill_eligible(
    store: Store, client: Client, panel: Panel, orders: Sequence[TrackedOrder]
) -> list[RefillResult]:
    """Request refills of ``orders`` (in batches, never retried).  Each answer is recorded (a
    refill id, or the panel's refusal); ids whose answer was lost are recorded as refused with
    ``LOST_REFILL`` before the error is re-raised, so the next run does not ask again within
    24 h."""
    ids = unique(o.order for o in orders if o.order is not None)
    try:
        return request_refills(store, client, panel, ids)
    except UnknownOutcomeError as exc:
        by_order = {o.order: o for o in orders}
        for oid in exc.unknown_ids:
            tracked = by_order.get(oid)
            if tracked is not None:
                store.refill_failed(tracked.id, LOST_REFILL)
        raise


def stale_work(
    store: Store, panel: Panel, *, now: float | None = None
) -> tuple[list[int], list[int]]:
    """What must be read before deciding eligibility, and nothing more (no extra load on the
    panel): the panel ids of open orders whose status is older than ``STATUS_FRESH`` (or was
    never read), and the refill ids of pending refills asked at least 24 h ago (a younger
    one keeps its order ineligible whatever its status)."""
    now = time.time() if now is None else now
    orders = [
        o.order
        for o in store.open_orders(panel.id)
        if o.order is not None
        and (o.last_checked_at is None or now - o.last_checked_at > STATUS_FRESH)
    ]
    refills = [
        r.refill
        for r in store.open_refills(panel.id)
        if r.refill is not None and now - r.created_at >= REFILL_COOLDOWN
    ]
    return orders, refills
