"""What New Order says about an order before it is sent: the confirmation's rows (every field
the service type takes, not only link and quantity) and the cost line when no exact cost can be
computed yet (lines to count, a subscription's range)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QObject

from smpanel_desktop.api.models import Balance, Service
from smpanel_desktop.core.orders.fields import COUNTED_LINES, canonical_type, fields_for
from smpanel_desktop.core.orders.params import total_quantity
from smpanel_desktop.core.orders.values import split_lines
from smpanel_desktop.ui.new_order.confirm_dialog import OrderSummary
from smpanel_desktop.ui.new_order.field_texts import field_text
from smpanel_desktop.ui.widgets.formatting import format_int, format_money

SHOWN_LINES = 5  # of a list field (comments, usernames) in the confirmation
_OWN_ROWS = {"link", "quantity", "runs", "interval"}


class OrderTexts(QObject):
    """Texts of New Order built from a service and its values (a QObject for plural forms)."""

    def summary(
        self,
        service: Service,
        params: dict[str, str],
        cost: Decimal | None,
        currency: str,
        balance: Balance | None,
    ) -> OrderSummary:
        over_balance = balance is not None and cost is not None and cost > balance.amount
        total = total_quantity(service, params)
        runs = params.get("runs", "")
        extra: list[tuple[str, str]] = []
        for spec in fields_for(service):
            value = params.get(spec.name, "").strip()
            if spec.name in _OWN_ROWS or not value:
                continue
            if spec.kind == "lines":
                lines = split_lines(value)
                shown = "\n".join(lines[:SHOWN_LINES])
                more = len(lines) - SHOWN_LINES
                if more > 0:
                    shown += "\n" + self.tr("… and %Ln more", "", more)
                value = self.tr("%Ln line(s):", "", len(lines)) + "\n" + shown
            extra.append((field_text(spec.label), value))
        if cost is None and canonical_type(service.type) == "Subscriptions":
            cost_text = self.subscription_range(service, params, currency) or ""
        else:
            cost_text = format_money(cost, currency, trim=True) if cost is not None else ""
        return OrderSummary(
            service=f"{service.id} — {service.name} ({service.type})",
            link=params.get("link", params.get("username", "")),
            quantity=format_int(total) if total else params.get("quantity", ""),
            runs=runs
            and self.tr("{runs} every {interval} min").format(
                runs=runs, interval=params.get("interval", "")
            ),
            cost=cost_text,
            warning=self.tr("This costs more than your last known balance.")
            if over_balance
            else "",
            extra=tuple(extra),
        )

    def over_balance(self, balance: Balance) -> str:
        return self.tr("This costs more than your last known balance ({balance}).").format(
            balance=format_money(balance.amount, balance.currency)
        )

    def submit_text(self, sending: bool) -> str:
        """The submit button: "Placing order…" only once the order is sent."""
        return self.tr("Placing order…") if sending else self.tr("&Place order…")

    def prefilled(self, order: int | None, local_id: int) -> str:
        source = str(order) if order else self.tr("#{id} (local)").format(id=local_id)
        return self.tr("Pre-filled from order {order}.").format(order=source)

    def placed(self, order: int | None) -> str:
        return self.tr("Order placed: id {order}. It is tracked in Orders.").format(order=order)

    def cost_detail(self, total: int | None, values: dict[str, str], dripfeed: bool) -> str:
        """What the cost is of: `` (quantity 3,000)`` or `` (1,000 × 3 runs = 3,000)``."""
        runs = values.get("runs", "")
        if dripfeed and runs.isascii() and runs.isdecimal() and total:
            return self.tr(" ({each} × {runs} runs = {total})").format(
                each=format_int(int(values.get("quantity") or 0)),
                runs=format_int(int(runs)),
                total=format_int(total),
            )
        if total and total > 1:
            return self.tr(" (quantity {quantity})").format(quantity=format_int(total))
        return ""

    def cost_hint(self, service: Service, values: dict[str, str], currency: str) -> str:
        """The cost line while no cost can be computed: what to fill in to see it."""
        kind = canonical_type(service.type)
        if kind == "Subscriptions":
            ranged = self.subscription_range(service, values, currency)
            if ranged:
                return self.tr("Cost: {range}").format(range=ranged)
            return self.tr(
                "Cost: per post delivered, {rate} per 1000 (fill in New posts to see a range)"
            ).format(rate=format_money(service.rate, currency))
        if kind in COUNTED_LINES:
            spec = next((s for s in fields_for(service) if s.name == COUNTED_LINES[kind]), None)
            what = field_text(spec.label) if spec is not None else COUNTED_LINES[kind]
            return self.tr("Cost: enter the {field} (one a line) to see the cost").format(
                field=what.lower()
            )
        return self.tr("Cost: enter a quantity to see the cost")

    def subscription_range(
        self, service: Service, values: dict[str, str], currency: str
    ) -> str | None:
        """min × posts … max × posts at the service's rate, when all three are numbers."""
        numbers = [values.get(name, "").strip() for name in ("min", "max", "posts")]
        if not all(n.isascii() and n.isdecimal() for n in numbers):
            return None
        low, high, posts = (int(n) for n in numbers)
        cheapest = service.rate * low * posts / 1000
        dearest = service.rate * max(low, high) * posts / 1000
        return self.tr("{low} – {high} ({posts} posts × {min}–{max} each)").format(
            low=format_money(cheapest, currency, trim=True),
            high=format_money(dearest, currency, trim=True),
            posts=format_int(posts),
            min=format_int(low),
            max=format_int(high),
        )
