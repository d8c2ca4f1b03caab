"""``python -m smpanel_desktop.sandbox --port N``: the sandbox panel in the foreground."""

from __future__ import annotations

import argparse
import sys

from .server import run_standalone


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="smpanel sandbox", description=__doc__)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--services", type=int, default=3000)
    parser.add_argument("--currency", default="USD")
    parser.add_argument("--key", default="sandbox-key")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-scale", type=float, default=1.0)
    parser.add_argument("--state-file", default=None)
    parser.add_argument("--dialect", choices=("perfectpanel", "smartpanel"), default="perfectpanel")
    args = parser.parse_args(argv)
    return run_standalone(args.port, args.services, args.currency, args.key, args.seed,
                          args.time_scale, state_file=args.state_file,
                          dialect=args.dialect)  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
