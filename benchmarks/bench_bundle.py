"""Bundle size and start-up time of smpanel-desktop against a hello-world PySide6 window.

    .venv/bin/python benchmarks/bench_bundle.py [--app-dist dist/smpanel-desktop] [--runs 9]

The figures of ``make bench``'s row 11, alone (``rows_bundle.py`` measures them): a one-folder
hello-world bundle built with the app's exclude policy (``packaging/bundle_policy.py``, cached
under ``build/bench-bundle/``) and the app bundle, ``dist/smpanel-desktop`` (built first when it
is missing or older than its sources), or the folder ``--app-dist`` names, as it is.  Each starts
offscreen ``--runs`` times, alternating, after one warm-up; the medians of the time from process
start to the first paint of the main window are compared.  Both print ``SMPANEL_FIRST_SHOWN
<epoch> <CPU seconds>`` at that moment (the app through ``first_paint.arm_exit_after_show`` when
``SMPANEL_EXIT_AFTER_SHOW=1``) and quit.  The app starts against a sandbox panel with
``SMPANEL_API_KEY`` set, so no dialog comes first.  The process CPU time until that paint is
printed too: on a busy machine it is steadier than wall time.
Targets: size <= 1.2x and start (wall) <= 1.2x the hello-world.  Exit 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from common import ROOT
from rows_bundle import SIZE_TARGET, START_TARGET, measure

RESULTS = ROOT / "benchmarks" / "results" / "bundle.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app-dist", type=Path, help="an app bundle folder to measure as it is")
    parser.add_argument("--runs", type=int, default=9)
    opts = parser.parse_args()
    app_dir = opts.app_dist.resolve() if opts.app_dist else None
    if app_dir is not None and not app_dir.is_dir():
        parser.error(f"{opts.app_dist} is not a folder (make bundle builds dist/smpanel-desktop)")

    with tempfile.TemporaryDirectory(prefix="smpanel-bundle-") as tmp:
        got = measure(Path(tmp), app_dir, opts.runs)
    size_ratio, start_ratio = got.app_size / got.hello_size, got.app_wall / got.hello_wall
    rows = [
        ("bundle size (MB)", got.hello_size / 1e6, got.app_size / 1e6, SIZE_TARGET),
        ("start to first paint (s)", got.hello_wall, got.app_wall, START_TARGET),
        ("  CPU time until then (s)", got.hello_cpu, got.app_cpu, None),
    ]
    print(f"\n{'figure':<26}{'hello-world':>12}{'smpanel':>12}{'ratio':>8}{'target':>9}")
    for name, hello, app, target in rows:
        aim = "—" if target is None else f"<= {target}"
        verdict = "" if target is None else "  ok" if app / hello <= target else "  MISSED"
        print(f"{name:<26}{hello:>12.3f}{app:>12.3f}{app / hello:>8.2f}{aim:>9}{verdict}")
    print(f"(medians of {got.runs} alternating offscreen starts after a warm-up of each"
          + (f"; built for this run: {got.built})" if got.built else ")"))  # fmt: skip
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    figures = asdict(got)
    report = {
        "hello_size_bytes": figures.pop("hello_size"),
        "app_size_bytes": figures.pop("app_size"),
        "hello_start_s": figures.pop("hello_wall"),
        "app_start_s": figures.pop("app_wall"),
        "hello_start_cpu_s": figures.pop("hello_cpu"),
        "app_start_cpu_s": figures.pop("app_cpu"),
        "size_ratio": size_ratio,
        "start_ratio": start_ratio,
        **figures,
    }
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    return 0 if size_ratio <= SIZE_TARGET and start_ratio <= START_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
