"""Rows 5-7: whole processes — GUI cold start, CLI start, peak memory — against bare ones.

Every figure is a fresh process started the way a user starts it (``python -m smpanel_desktop``,
the ``smpanel`` script of the venv), with private data, config and log folders and the panel's
key in ``SMPANEL_API_KEY``.  The panel is the sandbox in a process of its own with the same
catalog as the cache.  Starts alternate with the reference's, after one warm-up of each (page
cache, font cache); the median is reported.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from common import (
    HELLO,
    ROOT,
    PanelProcess,
    Row,
    make_data_dir,
    median,
    run_time,
    scratch_env,
    services,
    start_time,
)

START_SERVICES, START_ORDERS = 20_000, 10_000
RSS_SERVICES, RSS_ORDERS = 50_000, 100_000
RUNS = 5


def _alternate(cmds: list[list[str]], env: dict[str, str], measure: object) -> list[list[float]]:
    samples: list[list[float]] = [[] for _ in cmds]
    for run in range(RUNS + 1):
        for i, cmd in enumerate(cmds):
            value = measure(cmd, env)  # type: ignore[operator]
            if run:  # the first round warms caches up
                samples[i].append(value)
    return samples


def byte_compile() -> None:
    """Write the package's ``.pyc`` files, as installing the wheel does: with
    ``PYTHONDONTWRITEBYTECODE`` set (as in some shells) and no ``__pycache__`` in the tree, every
    measured start would compile each module it imports, while the references' modules are
    compiled."""
    import compileall

    compileall.compile_dir(str(ROOT / "smpanel_desktop"), quiet=1)


def smpanel_script() -> str:
    script = Path(sys.executable).with_name("smpanel")
    if not script.exists():
        raise RuntimeError(f"{script} is missing: install the package (make test creates it)")
    return str(script)


def qt_modules_imported(cmd: list[str], env: dict[str, str]) -> list[str]:
    """The Qt modules a command imports (``python -X importtime``)."""
    done = subprocess.run([sys.executable, "-X", "importtime", *cmd], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=True)  # fmt: skip
    names = (line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines())
    return sorted({n for n in names if n.split(".")[0] in ("PySide6", "shiboken6")})


def start_rows(tmp: Path) -> list[Row]:
    byte_compile()
    scratch = tmp / "start"
    catalog_services = services(START_SERVICES)
    with PanelProcess(services=START_SERVICES, latency=0.05, orders=START_ORDERS) as panel:
        make_data_dir(scratch / "data", panel.url, catalog_services, panel.ids)
        env = scratch_env(scratch, SMPANEL_API_KEY=panel.key, SMPANEL_EXIT_AFTER_SHOW="1")
        hello = tmp / "hello.py"
        hello.write_text(HELLO)
        app_cmd = [sys.executable, "-m", "smpanel_desktop", "--api-url", panel.url]
        app_s, hello_s = _alternate(
            [app_cmd, [sys.executable, str(hello)]], env, lambda c, e: start_time(c, e)[0]
        )
        rows = [
            Row(5, "cold start to first paint (20k services, 10k orders)", median(app_s) * 1000,
                "ms", median(hello_s) * 1000, "bare QMainWindow", max_ratio=2.0),
        ]  # fmt: skip
        cli = smpanel_script()
        cli_cmds = [[cli, "--help"], [cli, "orders", "--json"], [sys.executable, "-c", "pass"]]
        help_s, orders_s, bare_s = _alternate(cli_cmds, env, run_time)
        qt = sorted(set(qt_modules_imported(cli_cmds[0][:], env))
                    | set(qt_modules_imported(cli_cmds[1][:], env)))  # fmt: skip
        bare = median(bare_s) * 1000
        rows += [
            Row(6, "CLI start: smpanel --help", median(help_s) * 1000, "ms", bare,
                "python -c pass", max_ratio=2.5),
            Row(6, "CLI: smpanel orders --json (10k orders)", median(orders_s) * 1000, "ms",
                bare, "python -c pass", max_ratio=4.0),
            Row(6, "  Qt modules the CLI imports", len(qt), "mods", exact=0,
                note=", ".join(qt[:5])),
        ]  # fmt: skip
    return rows


def rss_rows(tmp: Path) -> list[Row]:
    scratch = tmp / "rss"
    hello = tmp / "hello.py"
    hello.write_text(HELLO)
    env = scratch_env(scratch, BARE_EXIT="rss")
    bare = subprocess.run([sys.executable, str(hello)], env=env, stdout=subprocess.PIPE,
                          text=True, check=True).stdout.split()  # fmt: skip
    bare_kib = int(bare[bare.index("RSS_KIB") + 1])
    catalog_services = services(RSS_SERVICES)
    with PanelProcess(services=RSS_SERVICES, latency=0.05) as panel:
        ids = list(range(10_000_000, 10_000_000 + RSS_ORDERS))
        make_data_dir(scratch / "data", panel.url, catalog_services, ids, open_share=0.1)
        env = scratch_env(scratch, SMPANEL_API_KEY=panel.key)
        probe = Path(__file__).with_name("probe_rss.py")
        out = subprocess.run(
            [sys.executable, str(probe), "--api-url", panel.url,
             "--services", str(RSS_SERVICES), "--orders", str(RSS_ORDERS)],
            env=env, stdout=subprocess.PIPE, text=True, check=True, timeout=150,
        ).stdout.split()  # fmt: skip
    peak, current = (int(v) for v in out[out.index("RSS_KIB") + 1 :][:2])
    return [
        Row(7, "peak RSS, 50k services + 100k orders", peak / 1024, "MB", bare_kib / 1024,
            "bare PySide6 window", limit=250.0),
        Row(7, "  RSS once loaded", current / 1024, "MB", bare_kib / 1024,
            "bare PySide6 window"),
    ]  # fmt: skip
