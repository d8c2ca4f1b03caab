"""The sandbox's controllable clock (simulated epoch seconds)."""

from __future__ import annotations

import threading
import time


class SimClock:
    """Real time times ``time_scale`` (60 = a real second is a simulated minute) plus whatever
    ``advance`` added.  Thread-safe; never goes back."""

    def __init__(self, time_scale: float = 1.0, start: float | None = None) -> None:
        self.time_scale = float(time_scale)
        self._lock = threading.Lock()
        self._base = time.time() if start is None else float(start)
        self._mono = time.monotonic()
        self._offset = 0.0

    def now(self) -> float:
        with self._lock:
            return self._base + (time.monotonic() - self._mono) * self.time_scale + self._offset

    def advance(self, seconds: float) -> float:
        """Move simulated time forward (a negative value is ignored); returns the new ``now()``."""
        with self._lock:
            self._offset += max(0.0, float(seconds))
        return self.now()
