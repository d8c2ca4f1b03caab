"""Bundle size and start-up time of smpanel-desktop against a hello-world PySide6 window.

    .venv/bin/python benchmarks/bench_bundle.py [--app-dist dist/smpanel-desktop] [--runs 7]

Builds a one-folder hello-world bundle with the app's exclude policy (packaging/bundle_policy.py)
and, unless ``--app-dist`` names an existing build, the app itself; then starts each bundle
offscreen ``--runs`` times (after one warm-up) and takes the median time from process start to
the first paint of the main window.  Both print ``SMPANEL_FIRST_SHOWN <epoch>`` at that moment
(the app through ``selftest.arm_exit_after_show`` when ``SMPANEL_EXIT_AFTER_SHOW=1``) and quit.
The app starts against a sandbox panel with ``SMPANEL_API_KEY`` set, so no dialog comes first.
The process CPU time until that paint is printed too: on a busy machine it is steadier than wall
time.
Targets: size <= 1.2x and start <= 1.5x the hello-world.  Exit 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import HELLO, start_time

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "bench-bundle"
RESULTS = ROOT / "benchmarks" / "results" / "bundle.json"
SIZE_TARGET, START_TARGET = 1.2, 1.5

HELLO_SPEC = """
import sys
sys.path.insert(0, {packaging!r})
from bundle_policy import EXCLUDES, EXE_OPTIONS
a = Analysis([{script!r}], excludes=EXCLUDES)
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="hello", **EXE_OPTIONS)
coll = COLLECT(exe, a.binaries, a.datas, name="hello", upx=False, strip=False)
"""


def pyinstaller(spec: Path, dist: Path, work: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(spec)],
        cwd=ROOT, check=True,
    )  # fmt: skip
    return time.perf_counter() - started


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def executable(folder: Path, name: str) -> Path:
    return folder / (f"{name}.exe" if sys.platform == "win32" else name)


def median_start(exe: Path, args: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    start_time([str(exe), *args], env)  # warm-up: page cache, font cache
    samples = [start_time([str(exe), *args], env) for _ in range(runs)]
    return statistics.median(w for w, _ in samples), statistics.median(c for _, c in samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app-dist", type=Path, help="an existing app bundle folder to measure")
    parser.add_argument("--runs", type=int, default=7)
    opts = parser.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "hello.py").write_text(HELLO)
    spec = WORK / "hello.spec"
    spec.write_text(
        HELLO_SPEC.format(packaging=str(ROOT / "packaging"), script=str(WORK / "hello.py"))
    )
    build_hello = pyinstaller(spec, WORK / "dist", WORK / "work-hello")
    hello_dir = WORK / "dist" / "hello"
    build_app = None
    app_dir = opts.app_dist
    if app_dir is None or not app_dir.is_dir():
        build_app = pyinstaller(
            ROOT / "packaging" / "smpanel-desktop.spec", WORK / "dist", WORK / "work-app"
        )
        app_dir = WORK / "dist" / "smpanel-desktop"

    from smpanel_desktop.sandbox.server import SandboxPanel

    with tempfile.TemporaryDirectory() as scratch, SandboxPanel(services=3000, seed=1) as panel:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SMPANEL_EXIT_AFTER_SHOW="1")
        env.update(
            SMPANEL_DATA_DIR=f"{scratch}/data",
            SMPANEL_CONFIG_DIR=f"{scratch}/config",
            SMPANEL_LOG_DIR=f"{scratch}/logs",
            SMPANEL_API_KEY=panel.key,
        )
        hello_start = median_start(executable(hello_dir, "hello"), [], env, opts.runs)
        app_args = ["--api-url", panel.url]
        app_start = median_start(executable(app_dir, "smpanel-desktop"), app_args, env, opts.runs)

    hello_size, app_size = folder_size(hello_dir), folder_size(app_dir)
    (hello_wall, hello_cpu), (app_wall, app_cpu) = hello_start, app_start
    size_ratio, start_ratio = app_size / hello_size, app_wall / hello_wall
    rows = [
        ("bundle size (MB)", hello_size / 1e6, app_size / 1e6, SIZE_TARGET),
        ("start to first paint (s)", hello_wall, app_wall, START_TARGET),
        ("  CPU time until then (s)", hello_cpu, app_cpu, START_TARGET),
    ]
    print(f"\n{'figure':<26}{'hello-world':>12}{'smpanel':>12}{'ratio':>8}{'target':>9}")
    for name, hello, app, target in rows:
        verdict = "ok" if app / hello <= target else "MISSED"
        print(
            f"{name:<26}{hello:>12.3f}{app:>12.3f}{app / hello:>8.2f}{'<= ' + str(target):>9}"
            f"  {verdict}"
        )
    builds = f"hello {build_hello:.1f} s" + (f", app {build_app:.1f} s" if build_app else "")
    print(f"(median of {opts.runs} offscreen starts after a warm-up; builds: {builds})")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "hello_size_bytes": hello_size,
                "app_size_bytes": app_size,
                "hello_start_s": hello_wall,
                "app_start_s": app_wall,
                "hello_start_cpu_s": hello_cpu,
                "app_start_cpu_s": app_cpu,
                "size_ratio": size_ratio,
                "start_ratio": start_ratio,
                "runs": opts.runs,
            },
            indent=2,
        )
    )
    return 0 if size_ratio <= SIZE_TARGET and start_ratio <= START_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
