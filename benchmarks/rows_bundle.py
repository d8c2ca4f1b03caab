"""Row 11: the app's PyInstaller bundle from start to first paint, against a hello-world bundle.

Both are one-folder bundles built with the same policy (``packaging/bundle_policy.py``).  The app
bundle is ``dist/smpanel-desktop`` as ``make bundle`` builds it; it is used when it is newer than
everything it is built from (the package, the spec, the policy, the launcher, ``pyproject.toml``),
and built again here the same way otherwise.  The hello-world (``common.HELLO``, a bare
``QMainWindow``) is cached under ``build/bench-bundle/`` and built again when its spec, the policy,
Python, PySide6 or PyInstaller change.  Each start is offscreen against the sandbox panel (in a
process of its own) with private folders, like row 5; starts alternate with the reference's after
one warm-up of each, and the medians are reported: wall time (the target) and the process's CPU
time until the paint (steadier on a busy machine).  ``benchmarks/bench_bundle.py`` prints the same
figures alone.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from common import (
    HELLO,
    ROOT,
    PanelProcess,
    Row,
    make_data_dir,
    median,
    scratch_env,
    services,
    start_time,
)

APP_NAME = "smpanel-desktop"
APP_DIST = ROOT / "dist" / APP_NAME
APP_SPEC = ROOT / "packaging" / f"{APP_NAME}.spec"
APP_WORK = ROOT / "build" / "pyinstaller"  # as `make bundle`
WORK = ROOT / "build" / "bench-bundle"
HELLO_DIST = WORK / "dist" / "hello"
# What the app bundle is built from: newer than the bundle means the bundle is stale.
APP_INPUTS = [ROOT / "smpanel_desktop", APP_SPEC, ROOT / "pyproject.toml"] + [
    ROOT / "packaging" / name for name in ("bundle_policy.py", "launcher.py")
]
START_TARGET = SIZE_TARGET = 1.2  # the target 7; the size target of bench_bundle.py
RUNS = 25  # starts of each, alternating (the host's speed moves within seconds)
SERVICES = 3_000

HELLO_SPEC = """
import sys
sys.path.insert(0, {packaging!r})
from bundle_policy import ANALYSIS_OPTIONS, EXCLUDES, EXE_OPTIONS, keep
a = Analysis([{script!r}], excludes=EXCLUDES, **ANALYSIS_OPTIONS)
a.binaries, a.datas = keep(a.binaries), keep(a.datas)
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="hello", **EXE_OPTIONS)
coll = COLLECT(exe, a.binaries, a.datas, name="hello", upx=False, strip=False)
"""


def pyinstaller_version() -> str:
    try:
        return metadata.version("pyinstaller")
    except metadata.PackageNotFoundError:
        raise RuntimeError(
            "PyInstaller is missing: pip install -e '.[bundle]' (make bench installs it)"
        ) from None


def pyinstaller(spec: Path, dist: Path, work: Path) -> float:
    """Build ``spec`` (seconds taken); ``nice``: a build takes a core for half a minute."""
    pyinstaller_version()
    started = time.perf_counter()
    nice = ["nice", "-n", "10"] if shutil.which("nice") else []
    subprocess.run(
        [*nice, sys.executable, "-m", "PyInstaller", "--noconfirm",
         "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work), str(spec)],
        cwd=ROOT, check=True,
    )  # fmt: skip
    return time.perf_counter() - started


def executable(folder: Path, name: str) -> Path:
    return folder / (f"{name}.exe" if sys.platform == "win32" else name)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def newest_input() -> float:
    """The modification time of the newest file the app bundle is built from."""
    stamps = [0.0]
    for top in APP_INPUTS:
        files = top.rglob("*") if top.is_dir() else [top]
        stamps += (p.stat().st_mtime for p in files if p.is_file() and "__pycache__" not in p.parts)
    return max(stamps)


def app_bundle_is_fresh(folder: Path = APP_DIST) -> bool:
    exe = executable(folder, APP_NAME)
    return exe.is_file() and exe.stat().st_mtime >= newest_input()


def app_bundle() -> tuple[Path, float | None]:
    """``dist/smpanel-desktop``, built first (as ``make bundle`` does) when missing or stale:
    (the folder, the build's seconds or None)."""
    if app_bundle_is_fresh():
        return APP_DIST, None
    print("  building the app bundle (dist/smpanel-desktop)…", file=sys.stderr, flush=True)
    shutil.rmtree(APP_DIST, ignore_errors=True)
    shutil.rmtree(APP_WORK, ignore_errors=True)
    return APP_DIST, pyinstaller(APP_SPEC, APP_DIST.parent, APP_WORK)


def hello_bundle() -> tuple[Path, float | None]:
    """The hello-world bundle under ``build/bench-bundle``, rebuilt when what it is made of
    changed: (the folder, the build's seconds or None)."""
    spec_text = HELLO_SPEC.format(packaging=str(ROOT / "packaging"), script=str(WORK / "hello.py"))
    import PySide6

    versions = [sys.version, PySide6.__version__, pyinstaller_version()]
    policy = (ROOT / "packaging" / "bundle_policy.py").read_text(encoding="utf-8")
    key = hashlib.sha256("\0".join([spec_text, HELLO, policy, *versions]).encode()).hexdigest()
    stamp = WORK / "hello.stamp"
    exe = executable(HELLO_DIST, "hello")
    if exe.is_file() and stamp.is_file() and stamp.read_text() == key:
        return HELLO_DIST, None
    print("  building the hello-world bundle (build/bench-bundle)…", file=sys.stderr, flush=True)
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "hello.py").write_text(HELLO)
    spec = WORK / "hello.spec"
    spec.write_text(spec_text)
    stamp.unlink(missing_ok=True)
    seconds = pyinstaller(spec, WORK / "dist", WORK / "work-hello")
    stamp.write_text(key)
    return HELLO_DIST, seconds


@dataclass
class BundleStart:
    """Medians (seconds) of the two bundles' starts, and their sizes (bytes)."""

    app_wall: float
    app_cpu: float
    hello_wall: float
    hello_cpu: float
    app_size: int
    hello_size: int
    runs: int
    built: str  # which bundles this run had to build, and how long that took


def measure(tmp: Path, app_dir: Path | None = None, runs: int = RUNS) -> BundleStart:
    """Both bundles' starts (``app_dir``: another app bundle than ``dist/``'s, as is)."""
    built = []
    if app_dir is None:
        app_dir, app_build = app_bundle()
        if app_build is not None:
            built.append(f"app {app_build:.0f} s")
    hello_dir, hello_build = hello_bundle()
    if hello_build is not None:
        built.append(f"hello-world {hello_build:.0f} s")
    scratch = tmp / "bundle"
    with PanelProcess(services=SERVICES, latency=0.05) as panel:
        make_data_dir(scratch / "data", panel.url, services(SERVICES), [])
        env = scratch_env(scratch, SMPANEL_API_KEY=panel.key, SMPANEL_EXIT_AFTER_SHOW="1")
        cmds = [[str(executable(app_dir, APP_NAME)), "--api-url", panel.url],
                [str(executable(hello_dir, "hello"))]]  # fmt: skip
        samples: list[list[tuple[float, float]]] = [[], []]
        for run in range(runs + 1):
            for i, cmd in enumerate(cmds):
                value = start_time(cmd, env)
                if run:  # the first round warms the page cache and the font cache up
                    samples[i].append(value)
    (app, hello) = ([median([s[k] for s in one]) for k in (0, 1)] for one in samples)
    return BundleStart(app[0], app[1], hello[0], hello[1], folder_size(app_dir),
                       folder_size(hello_dir), runs, ", ".join(built))  # fmt: skip


def bundle_rows(tmp: Path) -> list[Row]:
    got = measure(tmp)
    note = f"built for this run: {got.built}" if got.built else ""
    ref = "hello-world bundle"
    return [
        Row(11, "bundle start to first paint", got.app_wall * 1000, "ms", got.hello_wall * 1000,
            ref, max_ratio=START_TARGET, note=note),
        Row(11, "  CPU time until then", got.app_cpu * 1000, "ms", got.hello_cpu * 1000, ref),
        Row(11, "  bundle size on disk", got.app_size / 1e6, "MB", got.hello_size / 1e6, ref,
            max_ratio=SIZE_TARGET),
    ]  # fmt: skip
