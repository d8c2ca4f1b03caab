"""Each mass-order line against the catalog with New Order's rules; cost, total and balance.

A line becomes the form values ``{"link", "quantity"}`` of its service and goes through the same
``validate`` / ``estimate_cost`` as a single order (core/orders/): one set of rules.  A service
whose type needs more than a link and a quantity (comments, usernames ...) is refused with the
fields it needs.  Lines whose service and link already have an open tracked order (or an earlier
line of the batch) are flagged: panels refuse or under-deliver overlapping orders.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from smpanel_desktop.api.models import Service
from smpanel_desktop.core.mass.lines import SEPARATOR, RawLine
from smpanel_desktop.core.orders.fields import fields_for
from smpanel_desktop.core.orders.params import estimate_cost, total_quantity
from smpanel_desktop.core.orders.validation import validate
from smpanel_desktop.store.models import TrackedOrder

_MASS_FIELDS = frozenset({"link", "quantity"})


@dataclass(frozen=True, slots=True)
class CheckedLine:
    number: int
    service_id: int | None
    service: Service | None
    link: str
    quantity: int | None
    """Units delivered; for an invalid line the quantity as typed (None: none, or not a
    whole number)."""
    values: dict[str, str] = field(hash=False)
    """The form values ``place_order`` gets (link, and quantity when the type takes one)."""
    cost: Decimal | None
    problems: tuple[str, ...] = ()
    duplicate: str | None = None
    """Why the line overlaps an open order or an earlier line (needs consent), else None."""

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def problem_text(self) -> str:
        return "; ".join(self.problems)


@dataclass(frozen=True, slots=True)
class Batch:
    lines: tuple[CheckedLine, ...]
    currency: str
    balance: Decimal | None
    """The last known balance (None when unknown)."""

    @property
    def invalid(self) -> list[CheckedLine]:
        return [line for line in self.lines if not line.valid]

    @property
    def flagged(self) -> list[CheckedLine]:
        return [line for line in self.lines if line.valid and line.duplicate]

    @property
    def valid_lines(self) -> list[CheckedLine]:
        return [line for line in self.lines if line.valid]

    @property
    def total(self) -> Decimal:
        """What the valid lines cost together (exact; the panel's currency)."""
        return sum((line.cost or Decimal(0) for line in self.valid_lines), Decimal(0))

    @property
    def over_balance(self) -> bool:
        return self.balance is not None and self.total > self.balance

    def refusals(self, *, skip_invalid: bool, allow_duplicate_links: bool) -> list[str]:
        """Why the batch must not be sent as it is (empty: it may be sent)."""
        reasons: list[str] = []
        if not self.lines:
            reasons.append("No order lines (blank lines and # comments are skipped).")
        for line in self.invalid if not skip_invalid else ():
            reasons.append(f"Line {line.number}: {line.problem_text}")
        if skip_invalid and self.lines and not self.valid_lines:
            reasons.append("No valid line to send.")
        for line in self.flagged if not allow_duplicate_links else ():
            reasons.append(f"Line {line.number}: {line.duplicate}")
        if self.over_balance:
            assert self.balance is not None
            reasons.append(
                f"The batch costs {self.total:f} {self.currency}, more than the balance "
                f"({self.balance:f} {self.currency})."
            )
        return reasons

    def fingerprint(self) -> str:
        """The batch's normalised content (valid lines, order ignored) as a hash."""
        return fingerprint(self.valid_lines)


def normal_link(link: str) -> str:
    """A link as compared for overlaps: no scheme, no ``www.``, no trailing ``/``, the host in
    lower case (paths keep their case: ``/p/AbC`` and ``/p/abc`` are different posts)."""
    text = link.strip()
    scheme, sep, rest = text.partition("://")
    if sep and scheme.lower() in ("http", "https"):
        text = rest
    host, slash, path = text.partition("/")
    host = host.lower()
    if host.startswith("www."):
        host = host[4:]
    return (host + slash + path).rstrip("/")


def normalised(lines: Iterable[CheckedLine]) -> list[str]:
    """``service|link|units`` per line, sorted: the same batch in any format or order."""
    return sorted(
        f"{line.service_id}{SEPARATOR}{line.link.strip()}{SEPARATOR}{line.quantity}"
        for line in lines
    )


def fingerprint(lines: Iterable[CheckedLine]) -> str:
    return hashlib.sha256("\n".join(normalised(lines)).encode()).hexdigest()


def _service_id(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdecimal() and 0 < int(text) < 2**63 else None


def check_line(raw: RawLine, services: Mapping[int, Service]) -> CheckedLine:
    """One line with its problems (the same messages as the New Order form's)."""
    service_id = _service_id(raw.service)
    service = services.get(service_id) if service_id is not None else None
    link, quantity = raw.link, raw.quantity
    problems: list[str] = []
    values: dict[str, str] = {}
    if raw.problem:
        problems.append(raw.problem)
    elif service_id is None:
        problems.append(f"Not a service id: {raw.service!r}")
    elif service is None:
        problems.append(f"Service {service_id} is not in the panel's catalog")
    else:
        specs = fields_for(service)
        names = {spec.name for spec in specs}
        needs = [
            s.label for s in specs if s.required and not s.dripfeed and s.name not in _MASS_FIELDS
        ]
        if needs:
            problems.append(
                f"A {service.type} service needs {', '.join(needs)}: place it from New Order"
            )
        else:
            values["link"] = link
            if "quantity" in names:
                values["quantity"] = quantity
            elif quantity not in ("", "1"):
                problems.append(f"A {service.type} service takes no quantity")
            problems += [f"{p.field}: {p.message}" for p in validate(service, values)]
    cost = estimate_cost(service, values) if service is not None and not problems else None
    units = total_quantity(service, values) if service is not None and not problems else None
    if problems and quantity.isascii() and quantity.isdecimal():
        units = int(quantity)  # shown as typed beside the problem
    return CheckedLine(raw.number, service_id, service, link, units, values, cost, tuple(problems))


def check_batch(
    raw_lines: Sequence[RawLine],
    services: Iterable[Service] | Mapping[int, Service],
    *,
    open_orders: Iterable[TrackedOrder] = (),
    balance: Decimal | None = None,
    currency: str = "",
) -> Batch:
    """Every line checked; valid lines overlapping an open order or an earlier line flagged."""
    by_id: Mapping[int, Service] = (
        services if isinstance(services, Mapping) else {s.id: s for s in services}
    )
    taken: dict[tuple[int, str], str] = {}
    for order in open_orders:
        label = f"order {order.order}" if order.order is not None else f"#{order.id}"
        taken.setdefault((order.service_id, normal_link(order.link)), label)
    lines: list[CheckedLine] = []
    for raw in raw_lines:
        line = check_line(raw, by_id)
        if line.valid and line.service_id is not None:
            key = (line.service_id, normal_link(line.link))
            if key in taken:
                line = _flag(line, taken[key])
            else:
                taken[key] = f"line {line.number}"
        lines.append(line)
    return Batch(tuple(lines), currency, balance)


def _flag(line: CheckedLine, other: str) -> CheckedLine:
    text = f"Same service and link as {other} still open (panels refuse or under-deliver these)"
    if other.startswith("line "):
        text = f"Same service and link as {other}"
    return CheckedLine(
        line.number,
        line.service_id,
        line.service,
        line.link,
        line.quantity,
        line.values,
        line.cost,
        line.problems,
        text,
    )
