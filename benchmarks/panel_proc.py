"""The sandbox panel in a process of its own, for the benchmarks (``common.PanelProcess``).

Prints one JSON line ``{"url", "key", "ids"}`` (``ids``: the ``--orders`` orders placed on it),
then answers commands read from stdin, one per line: ``count ACTION`` (requests of ACTION served
so far) and ``clear`` (forget them).  Stops at the end of stdin.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal

from smpanel_desktop.sandbox.server import SandboxPanel


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before each answer")
    parser.add_argument("--orders", type=int, default=0, help="orders to place at start")
    args = parser.parse_args()
    panel = SandboxPanel(
        services=args.services, seed=args.seed, balance=Decimal(10) ** 9, latency=args.latency
    )
    with panel:
        ids = panel.place_orders(args.orders) if args.orders else []
        print(json.dumps({"url": panel.url, "key": panel.key, "ids": ids}), flush=True)
        for command in sys.stdin:
            word, _, arg = command.strip().partition(" ")
            if word == "count":
                print(panel.requests_for(arg), flush=True)
            elif word == "clear":
                panel.clear_log()
                print("ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
