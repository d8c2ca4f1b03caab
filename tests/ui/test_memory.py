"""What the libraries keep for the GUI process and it never uses again (ui/memory.py)."""

from __future__ import annotations

import linecache
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from smpanel_desktop.ui.memory import forget_module_sources


def test_modules_imported_later_leave_no_source_text_and_pyside_answers_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature = sys.modules["shibokensupport.feature"]  # PySide6's __feature__ check
    (tmp_path / "smp_uses_qt.py").write_text("from PySide6 import QtCore\nVALUE = 1\n")
    (tmp_path / "smp_plain.py").write_text("VALUE = 2\n" * 50)
    monkeypatch.syspath_prepend(str(tmp_path))
    forget_module_sources()
    forget_module_sources()  # once is enough: the check is not wrapped twice
    assert linecache.cache == {}
    for name in ("smp_uses_qt", "smp_plain"):
        module = __import__(name)  # as an import statement does: PySide6 checks it there
        monkeypatch.delitem(sys.modules, name)
        if name not in feature.pyside_feature_dict:  # (once in a full run the check was not
            feature.feature_imported(module)  # reached from here: PySide6's own call, then)
    assert not [f for f in linecache.cache if "smp_" in f]
    assert feature.pyside_feature_dict["smp_uses_qt"] == 0  # what PySide6 decides is unchanged
    assert feature.pyside_feature_dict["smp_plain"] == -1
    assert linecache.getline(str(tmp_path / "smp_plain.py"), 3) == "VALUE = 2\n"


PROBE = """
import sys
from smpanel_desktop.ui.memory import fixed_malloc_threshold

def rss():
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmRSS:")) // 1024

if sys.argv[1] == "fixed":
    assert fixed_malloc_threshold()
big = b"x" * (24 << 20)  # freed: glibc's own threshold would rise to 24 MB
del big
blocks = [b"y" * (300 << 10) for _ in range(160)]  # 48 MB of big blocks, touched
kept = blocks[1::2]
full = rss()
del blocks  # half of them freed, between blocks still used
print(full - rss())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_big_blocks_freed_go_back_to_the_system() -> None:
    script = textwrap.dedent(PROBE)

    def released(mode: str) -> int:
        done = subprocess.run([sys.executable, "-c", script, mode], capture_output=True,
                              text=True, check=True)  # fmt: skip
        return int(done.stdout)

    assert released("fixed") >= 20  # of the 24 MB freed
