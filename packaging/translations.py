"""Update the translation sources and build the compiled translations, with Qt's own tools.

    python packaging/translations.py          # lupdate: new texts into the .ts files, then lrelease
    python packaging/translations.py --check  # exit 1 when a .ts or .qm is out of date

The .ts files (smpanel_desktop/resources/translations/) are the sources translators edit (Qt
Linguist, or any text editor); the .qm files built from them are committed too, so a wheel or a
bundle built without the Qt tools still ships them.  tests/ui/test_translations.py fails when a
text of the GUI is missing from a .ts, untranslated, or obsolete, or a .qm is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "smpanel_desktop"
FOLDER = PACKAGE / "resources" / "translations"
LANGUAGES = {"en": "en", "tr": "tr_TR"}  # code: the .ts file's target language


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python, else on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (pip install pyside6)")
    return found


def sources() -> list[str]:
    """Every module with user-visible GUI texts: ui/ and app.py (the CLI stays English)."""
    files = [*sorted((PACKAGE / "ui").rglob("*.py")), PACKAGE / "app.py"]
    return [str(path.relative_to(ROOT)) for path in files]


def ts_file(code: str) -> Path:
    return FOLDER / f"smpanel_desktop_{code}.ts"


def qm_file(code: str) -> Path:
    return FOLDER / f"smpanel_desktop_{code}.qm"


def lupdate(ts: Path, target: str) -> None:
    """Merge the texts found in the sources into ``ts``; texts no longer in them are dropped."""
    command = [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources()]
    command += ["-source-language", "en", "-target-language", target, "-ts", str(ts)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    command = [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)]
    subprocess.run(command, check=True, capture_output=True)


def check() -> list[str]:
    """What is out of date: a .ts lupdate would change, a .qm lrelease would change."""
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for code, target in LANGUAGES.items():
            ts, copy = ts_file(code), Path(tmp) / ts_file(code).name
            shutil.copy(ts, copy)
            lupdate(copy, target)
            if copy.read_bytes() != ts.read_bytes():
                stale.append(f"{ts.name}: run packaging/translations.py (texts changed)")
            qm = Path(tmp) / qm_file(code).name
            lrelease(ts, qm)
            if not qm_file(code).exists() or qm.read_bytes() != qm_file(code).read_bytes():
                stale.append(f"{qm_file(code).name}: run packaging/translations.py")
    return stale


def main(argv: list[str]) -> int:
    if "--check" in argv:
        stale = check()
        print("\n".join(stale) or "translations up to date")
        return 1 if stale else 0
    for code, target in LANGUAGES.items():
        lupdate(ts_file(code), target)
        lrelease(ts_file(code), qm_file(code))
        print(f"{ts_file(code).name} -> {qm_file(code).name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
