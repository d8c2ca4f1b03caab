"""pytest plugin of the mutation runs (``-p mutation.fast_first``): quickest tests first.

The first baseline run of a scope (the unmutated tree) records how long each test took, set-up
and tear-down included, in the file ``MUTATION_DURATIONS`` names.  Once that file exists, every
run (the second baseline, which must pass in this order too, then each mutant's) runs the
tests of each file quickest first, the files in the order given on the command line.  With
``-x`` a mutant's run ends at its first failing test, and most mutants are caught by a quick
test about the line they change, not by the property tests and sandbox round trips that
happen to come before it in the file.  Which tests run does not change, only their order.
"""

from __future__ import annotations

import json
import math
import os
from collections import defaultdict
from pathlib import Path

import pytest

_taken: defaultdict[str, float] = defaultdict(float)


def _durations_file() -> Path | None:
    name = os.environ.get("MUTATION_DURATIONS")
    return Path(name) if name else None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    path = _durations_file()
    if path is None or not path.exists():
        return
    taken: dict[str, float] = json.loads(path.read_text(encoding="utf-8"))
    files: dict[str, int] = {}
    for item in items:
        files.setdefault(item.nodeid.split("::")[0], len(files))
    items.sort(key=lambda i: (files[i.nodeid.split("::")[0]], taken.get(i.nodeid, math.inf)))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    _taken[report.nodeid] += report.duration


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    path = _durations_file()
    if path is not None and not path.exists() and exitstatus == 0:
        path.write_text(json.dumps(_taken), encoding="utf-8")
