"""CI runs the same property examples every time; a developer's run explores."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _profile(env: dict[str, str]) -> str:
    code = (
        "import sys; sys.path.insert(0, 'tests'); import conftest; from hypothesis import settings;"
        "d = settings.default; print(d.derandomize, d.database is None)"
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**clean, **env}, capture_output=True,
        text=True, timeout=60, check=True,
    )  # fmt: skip
    return done.stdout.strip()


def test_ci_and_make_test_are_derandomized_and_local_runs_explore() -> None:
    assert _profile({"CI": "true"}) == "True True"
    assert _profile({"HYPOTHESIS_PROFILE": "ci"}) == "True True"  # what `make test` sets
    assert _profile({}) == "False False"
