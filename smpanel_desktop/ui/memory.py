"""Memory the libraries keep for the GUI process that it never uses again: ``keep_small()``,
called once the window shows, before the tabs' imports and the data.

- PySide6 reads the source of every module imported after it.  Its ``__feature__`` support
  (``shibokensupport.feature``, inside the shiboken6 binary) asks of each new module whether
  its source mentions PySide6 (``_mod_uses_pyside``, through ``inspect.getsource``), and the
  text stays in ``linecache`` for the rest of the run: every line of every module the app
  imports, ~100,000 lines or 10 MB.  ``forget_module_sources()`` empties that cache and makes
  the check leave it as it found it; its answers (so PySide's behaviour) do not change, and
  ``linecache`` reads a file again when a traceback needs its lines.  A PySide without that
  check is left alone.
- glibc's malloc raises its mmap threshold to the size of each big block freed (up to 32 MB):
  after the first catalog answer (16 MB of text) is freed, the next big blocks — the text of
  the next answer, the lists of 100,000 orders — come from the heap, and what they leave when
  freed stays in the process (~20 MB at the end of a start-up with 50,000 services).
  ``fixed_malloc_threshold()`` keeps the threshold at glibc's default, 128 KiB: blocks that
  big are mapped and unmapped, handed back to the system when freed.  Elsewhere: nothing.
"""

from __future__ import annotations

import linecache
import sys
from collections.abc import Callable
from types import ModuleType

_FORGETS = "_smpanel_forgets_sources"
_M_MMAP_THRESHOLD = -3  # glibc's malloc.h
MMAP_THRESHOLD = 128 * 1024


def keep_small() -> None:
    forget_module_sources()
    fixed_malloc_threshold()


def forget_module_sources() -> None:
    """Empty ``linecache`` and keep PySide6's check of later imports from filling it."""
    linecache.clearcache()
    feature = sys.modules.get("shibokensupport.feature")
    check: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(check) or getattr(check, _FORGETS, False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        before = set(linecache.cache)
        try:
            return check(module)
        finally:
            for name in set(linecache.cache) - before:
                linecache.cache.pop(name, None)

    setattr(uses_pyside, _FORGETS, True)
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]


def fixed_malloc_threshold() -> bool:
    """Set glibc's mmap threshold (which stops its growth); False where there is no glibc."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # pragma: no cover - a libc without mallopt
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
