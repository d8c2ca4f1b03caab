"""pytest plugin of the mutation runs (``-p mutation.fast_first``): likeliest killers first.

The first baseline run of a scope (the unmutated tree) records how long each test took, set-up
and tear-down included, in the file ``MUTATION_DURATIONS`` names.  Once that file exists, every
run (the second baseline, which must pass in this order too, then each mutant's) takes first
the tests that have already failed against another mutant of the module, most failures first
(they are noted in ``MUTATION_KILLERS``: mutants of one module are mostly caught by the same
few tests), then the rest of each file quickest first, the files in the order given.  With
``-x`` a mutant's run ends at its first failing test, so it no longer waits for the property
tests and sandbox round trips that happen to come before its killer.  Which tests run does
not change, only their order.
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter, defaultdict
from pathlib import Path

import pytest

_taken: defaultdict[str, float] = defaultdict(float)


def _file(variable: str) -> Path | None:
    name = os.environ.get(variable)
    return Path(name) if name else None


def _ordering() -> bool:
    """A run after the first baseline: the tests' times are known."""
    durations = _file("MUTATION_DURATIONS")
    return durations is not None and durations.exists()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    durations, killers = _file("MUTATION_DURATIONS"), _file("MUTATION_KILLERS")
    if durations is None or not durations.exists():
        return
    taken: dict[str, float] = json.loads(durations.read_text(encoding="utf-8"))
    kills = Counter[str]()
    if killers is not None and killers.exists():
        kills.update(killers.read_text(encoding="utf-8").splitlines())
    files: dict[str, int] = {}
    for item in items:
        files.setdefault(item.nodeid.split("::")[0], len(files))

    def key(item: pytest.Item) -> tuple[int, int, float]:
        file = files[item.nodeid.split("::")[0]]
        return (-kills[item.nodeid], file, taken.get(item.nodeid, math.inf))

    items.sort(key=key)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    _taken[report.nodeid] += report.duration
    killers = _file("MUTATION_KILLERS")
    if report.failed and killers is not None and _ordering():
        with killers.open("a", encoding="utf-8") as out:
            out.write(report.nodeid + "\n")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    durations = _file("MUTATION_DURATIONS")
    if durations is not None and not durations.exists() and exitstatus == 0:
        durations.write_text(json.dumps(_taken), encoding="utf-8")
