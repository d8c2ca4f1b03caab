"""Screenshots of the desktop app on the demo panel on a 1366×768 screen: every tab and the
first-start dialogs, rendered from the real app (real sandbox, real client, real store in a
temporary folder), in a language and a theme.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots.py
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots.py --lang tr \
        --out docs/screenshots/tr
    ... --theme dark --out docs/screenshots/dark

Writes docs/screenshots/{welcome,welcome-add-panel,services,services-search,new-order,balance,
api-key}.png, then runs the order workflow's script (docs/screenshots_orders.py: New Order per
service type, Orders with mixed statuses), so one command renders every tab.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
import screenshots_orders
from screenshots_orders import settle, wait_until

OUT = Path(__file__).resolve().parent / "screenshots"


def shoot(app: QApplication, widget: QWidget, out: Path, name: str) -> None:
    settle(app)
    path = out / name
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--lang", default="en", help="interface language (en, tr)")
    parser.add_argument("--theme", default="light", help="light or dark")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # a private config folder: no remembered geometry or tab from the user's own runs
        os.environ["SMPANEL_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["SMPANEL_LOG_DIR"] = str(Path(tmp) / "logs")
        os.environ.pop("SMPANEL_API_KEY", None)
        from smpanel_desktop.app import DesktopApp
        from smpanel_desktop.secrets import KeyStore
        from smpanel_desktop.ui.dialogs.key_dialog import KeyDialog

        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        ns = argparse.Namespace(
            api_url=None, data_dir=str(Path(tmp) / "data"), demo=False, lang=args.lang
        )
        gui = DesktopApp(ns, keys=KeyStore(memory_only=True))
        from smpanel_desktop.ui.widgets.theme import apply_theme

        apply_theme(args.theme)
        window = gui.window  # the size it gets on the screen: 90% of it at most
        try:
            gui.start()  # first start: the demo panel, with the welcome dialog on top
            wait_until(app, lambda: len(gui.ctx.services) > 100 and gui.ctx.balance is not None)
            wait_until(app, lambda: not gui.runner.busy)
            welcome = gui.welcome
            assert welcome is not None
            shoot(app, welcome, args.out, "welcome.png")
            welcome.show_form()
            shoot(app, welcome, args.out, "welcome-add-panel.png")
            welcome.choose_demo()

            tabs = window.tabs
            services = window.services_tab
            tabs.setCurrentWidget(services)
            services.table.selectRow(2)
            shoot(app, window, args.out, "services.png")
            services.search.setText("instagram followers")
            services.refill.setChecked(True)
            services.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
            services.table.selectRow(0)
            shoot(app, window, args.out, "services-search.png")

            tabs.setCurrentWidget(window.new_order_tab)
            selected = services.selected_service()
            if selected is not None:
                gui.ctx.orderServiceRequested.emit(selected)
            shoot(app, window, args.out, "new-order.png")
            tabs.setCurrentWidget(window.balance_tab)
            wait_until(app, lambda: not gui.runner.busy)
            shoot(app, window, args.out, "balance.png")
            tabs.setCurrentWidget(window.overview_tab)
            wait_until(app, lambda: not gui.runner.busy)
            shoot(app, window, args.out, "overview.png")

            panel = gui.store.add_panel("smpanel.net", "https://smpanel.net/api/v2")
            gui.keys.set(panel.name, "0f3c9a7e5b2d4c1a8e6f0b9d7c5a3e21")
            dialog = KeyDialog(gui.session, panel, window)
            dialog.show()
            shoot(app, dialog, args.out, "api-key.png")
            dialog.close()
        finally:
            window.close()
            gui.shutdown()
        # New Order per service type and Orders with mixed statuses, same private config folder
        more = ["--out", str(args.out), "--lang", args.lang, "--theme", args.theme]
        return int(screenshots_orders.main(more))


if __name__ == "__main__":
    sys.exit(main())
