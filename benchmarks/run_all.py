"""``make bench``: the app against the limits of this machine, each figure beside a reference
measured in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py [--only 1,4] [--markdown]

Prints one table (figure, ours, reference, ratio, target, pass/miss) and writes it as JSON to
``benchmarks/results/bench-<UTC time>.json`` and ``benchmarks/results/latest.json``.  Rows (the
issue's numbering): 1 catalog parse / cache write / table load, 2 filter keystroke, 3 sort,
4 refreshing 10,000 orders through the GUI, 5 cold start, 6 CLI start, 7 peak memory,
8 scrolling (2 also has keystroke to pixels: the filter until its frame is painted).
9 a 1,000-line mass order checked and previewed, 10 the Overview, the price comparison and the
spend ledger, 11 the PyInstaller bundle's start (built first when dist/ has none or a stale one).
Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import ROOT, Row

RESULTS = ROOT / "benchmarks" / "results"


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    digits = 0 if abs(value) >= 100 or unit in ("req", "mods") else 1
    text = f"{value:,.{digits}f}"
    return f"{text} {unit}".strip()


def verdict(row: Row) -> str:
    return {True: "pass", False: "MISS", None: "—"}[row.ok]


def cells(row: Row) -> list[str]:
    ref = f"{fmt(row.reference, row.unit)} ({row.ref_name})" if row.reference is not None else "—"
    ratio = "—" if row.ratio is None else f"{row.ratio:.2f}×"
    return [f"{row.row}", row.figure, fmt(row.ours, row.unit), ref, ratio, row.target, verdict(row)]


HEADER = ["#", "figure", "ours", "reference", "ratio", "target", "result"]


def text_table(rows: list[Row]) -> str:
    table = [HEADER] + [cells(r) for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    right = {2, 4}
    out = []
    for line in table:
        padded = (
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        )
        out.append("  ".join(padded).rstrip())
    out.insert(1, "-" * max(len(o) for o in out))
    return "\n".join(out)


def markdown_table(rows: list[Row]) -> str:
    out = ["| " + " | ".join(HEADER) + " |", "|" + "|".join(["---"] * len(HEADER)) + "|"]
    for row in rows:
        line = cells(row)
        line[1] = line[1].strip()
        out.append("| " + " | ".join(line) + " |")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="1,2,3,4,5,6,7,8,9,10,11", help="rows to run, e.g. 1,4")
    parser.add_argument("--markdown", action="store_true", help="print a markdown table too")
    opts = parser.parse_args()
    wanted = {int(x) for x in opts.only.split(",") if x.strip()}

    from PySide6.QtWidgets import QApplication
    from rows_bundle import bundle_rows
    from rows_catalog import catalog_rows
    from rows_frames import keystroke_rows
    from rows_mass import mass_rows
    from rows_money import money_rows
    from rows_process import rss_rows, start_rows
    from rows_refresh import refresh_rows

    app = QApplication.instance() or QApplication(sys.argv[:1])
    started = time.perf_counter()
    rows: list[Row] = []
    steps = [({1, 2, 3}, catalog_rows, "catalog, filter, sort"),
             ({2, 8}, keystroke_rows, "keystroke to pixels, page down"),
             ({4}, refresh_rows, "refresh"),
             ({5, 6}, start_rows, "GUI and CLI start"), ({7}, rss_rows, "memory"),
             ({9}, mass_rows, "mass order"),
             ({10}, money_rows, "overview, comparison, ledger"),
             ({11}, bundle_rows, "bundle start")]  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="smpanel-bench-") as tmp:
        for numbers, step, name in steps:
            if numbers & wanted:
                t0 = time.perf_counter()
                print(f"measuring {name}…", file=sys.stderr, flush=True)
                rows += [r for r in step(Path(tmp)) if r.row in wanted]
                print(f"  ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
    del app
    elapsed = time.perf_counter() - started
    rows.sort(key=lambda r: r.row)
    print(text_table(rows))
    if opts.markdown:
        print()
        print(markdown_table(rows))
    missed = [r.figure.strip() for r in rows if r.ok is False]
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    load = os.getloadavg()
    report = {
        "when": stamp,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "load_average": load},
        "seconds": round(elapsed, 1),
        "rows": [r.as_dict() for r in rows],
        "missed": missed,
    }  # fmt: skip
    RESULTS.mkdir(parents=True, exist_ok=True)
    for name in (f"bench-{stamp}.json", "latest.json"):
        (RESULTS / name).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\n{len(rows)} figures in {elapsed:.0f} s (load average {load[0]:.1f} on "
          f"{os.cpu_count()} CPUs); written to {RESULTS / 'latest.json'}")  # fmt: skip
    if missed:
        print("MISSED: " + "; ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
