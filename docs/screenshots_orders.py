"""Screenshots of the order workflow: New Order for four service types and Orders with mixed
statuses, rendered from the real app on the demo panel at 1280×800.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/screenshots_orders.py

Writes docs/screenshots/new-order-*.png and docs/screenshots/orders.png.  Kept apart from the
desktop-app screenshots script; both can run from ``make screenshots``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.errors import ApiError
from smpanel_desktop.api.models import Service
from smpanel_desktop.app import DesktopApp
from smpanel_desktop.core.orders.fields import canonical_type
from smpanel_desktop.core.placing import place_order
from smpanel_desktop.core.refills_cancels import request_refills
from smpanel_desktop.secrets import KeyStore
from smpanel_desktop.ui.widgets.theme import apply_theme

OUT = Path(__file__).resolve().parent / "screenshots"
LINK = "https://instagram.com/p/C8vK2mXoQ1a"


def wait_until(app: QApplication, condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not reach the expected state")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def pick(services: list[Service], type_: str, **flags: bool) -> Service:
    for s in services:
        wanted = all(getattr(s, k) == v for k, v in flags.items())
        if canonical_type(s.type) == type_ and wanted and s.max >= s.min * 2:
            return s
    raise LookupError(type_)


def order_values(service: Service) -> dict[str, str]:
    n = service.min
    if canonical_type(service.type) == "Custom Comments":
        return {"link": LINK, "comments": "\n".join(f"Amazing shot #{i}" for i in range(n))}
    if canonical_type(service.type) == "Poll":
        return {"link": LINK, "quantity": str(n), "answer_number": "2"}
    if canonical_type(service.type) == "Invites from Groups":
        return {"link": LINK, "quantity": str(n), "groups": "travel_lovers\nphoto_daily"}
    if canonical_type(service.type) == "SEO":
        return {"link": LINK, "quantity": str(n), "keywords": "sunset photos\nbeach travel"}
    return {"link": LINK, "quantity": str(n * 3)}


def mixed_orders(gui: DesktopApp) -> None:
    """Orders of several ages and outcomes, placed through the real client on the demo panel."""
    sandbox = gui.session.sandbox
    assert sandbox is not None and gui.ctx.panel is not None
    store, panel, services = gui.store, gui.ctx.panel, gui.ctx.services
    with PanelClient(sandbox.url, sandbox.key) as client:
        plan = [("Default", 3000), ("Poll", 1500), ("Default", 900), ("Custom Comments", 300)]
        plan += [("Default", 60), ("Invites from Groups", 40), ("SEO", 0), ("Default", 0)]
        first = None
        for type_, age in plan:
            service = pick(services, type_, refill=True) if first is None else pick(services, type_)
            placed = place_order(store, client, panel, service, order_values(service))
            first = first or placed
            sandbox.clock.advance(age / 3)
        assert first.order is not None
        request_refills(store, client, panel, [first.order])
        cancel_me = pick(services, "Default", cancel=True)
        placed = place_order(store, client, panel, cancel_me, order_values(cancel_me))
        client.cancel([placed.order or 0])
        sandbox.faults.add("drop_after_accept", action="add", count=1)
        with contextlib.suppress(ApiError):  # recorded as unknown: the Orders tab offers Resolve
            place_order(store, client, panel, pick(services, "Default"), order_values(cancel_me))


def shoot(gui: DesktopApp, app: QApplication, name: str) -> Path:
    settle(app)
    path = Path(app.property("screenshotDir")) / name
    gui.window.grab().save(str(path))
    print(path)
    return path


def new_order(gui: DesktopApp, app: QApplication) -> None:
    tab = gui.window.new_order_tab
    gui.window.tabs.setCurrentWidget(tab)
    services = gui.ctx.services
    drip = pick(services, "Default", dripfeed=True)
    tab.select_service(drip)
    tab.form.set_values({"link": LINK, "quantity": str(drip.min * 10)})
    assert tab.form.dripfeed is not None
    tab.form.dripfeed.setChecked(True)
    tab.form.set_values({"link": LINK, "quantity": str(drip.min * 10), "runs": "5"})
    tab.form.set_values({"interval": "30", "runs": "5"})
    shoot(gui, app, "new-order-default-dripfeed.png")

    comments = next(s for s in services if s.type == "Custom Comments" and s.min <= 4)
    tab.select_service(comments)
    lines = ["Love this! 😍", "Where was this taken?", "", "Great colours", "Follow for more"]
    tab.form.set_values({"link": LINK, "comments": "\n".join(lines)})
    shoot(gui, app, "new-order-custom-comments.png")

    subs = pick(services, "Subscriptions")
    tab.select_service(subs)
    expiry = (dt.date.today() + dt.timedelta(days=30)).strftime("%d/%m/%Y")
    tab.form.set_values(
        {"username": "natgeo", "min": str(subs.min), "max": str(subs.min * 2), "posts": "10"}
    )
    tab.form.set_values({"delay": "30", "expiry": expiry})
    shoot(gui, app, "new-order-subscriptions.png")

    poll = pick(services, "Poll")
    tab.select_service(poll)
    tab.form.set_values({"link": "https://t.me/channel/123", "quantity": "abc"})
    tab.form.set_values({"answer_number": "3"})
    shoot(gui, app, "new-order-poll-validation.png")
    tab.form.set_values({"quantity": str(poll.min * 2)})
    shoot(gui, app, "new-order-poll.png")


def orders(gui: DesktopApp, app: QApplication) -> None:
    tab = gui.window.orders_tab
    mixed_orders(gui)
    gui.window.tabs.setCurrentWidget(tab)
    tab.reload()
    wait_until(app, lambda: tab.model.total >= 10)
    assert tab.refresh()
    wait_until(app, lambda: not tab.refreshing)
    tab.table.selectRow(0)
    shoot(gui, app, "orders.png")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--lang", default="en", help="interface language (en, tr)")
    parser.add_argument("--theme", default="light", help="light or dark")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setProperty("screenshotDir", str(args.out))
    with tempfile.TemporaryDirectory() as tmp:
        # private config and logs: no remembered geometry or tab, nothing left in the user's files
        os.environ.setdefault("SMPANEL_CONFIG_DIR", str(Path(tmp) / "config"))
        os.environ.setdefault("SMPANEL_LOG_DIR", str(Path(tmp) / "logs"))
        os.environ.pop("SMPANEL_API_KEY", None)
        ns = argparse.Namespace(
            api_url=None, data_dir=str(Path(tmp) / "data"), demo=True, lang=args.lang
        )
        gui = DesktopApp(ns, keys=KeyStore(memory_only=True))
        apply_theme(args.theme)  # the window keeps the size it gets: 90% of the screen at most
        gui.start()
        try:
            wait_until(app, lambda: len(gui.ctx.services) > 100 and gui.ctx.balance is not None)
            wait_until(app, lambda: not gui.runner.busy)
            new_order(gui, app)
            orders(gui, app)
        finally:
            gui.window.close()
            gui.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
