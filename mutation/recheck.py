"""``make mutate-recheck``: run the survivors of the last ``make mutate`` again,
against the tests as they are now (minutes, not the whole run's hour).

Each survivor's diff (kept in its scope's cosmic-ray session, ``build/mutation/<scope>.sqlite``)
is applied to a scratch copy of the current tree and the scope's tests run (``SCOPES`` in
run.py, as they are now).  A survivor whose lines are no longer in the module cannot be tried
(the code changed since: run that scope again with ``--only``).  The report
(``build/mutation/recheck.md``) gives the score with the rechecked kills counted and lists the
mutants still alive.

    python mutation/recheck.py                 # every scope with a session
    python mutation/recheck.py --only parse    # some
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import run  # mutation/run.py

KILLED, ALIVE, GONE = "killed now", "alive", "gone"


def _blocks(diff: str) -> tuple[str, str, str]:
    """(module path, old text, new text) of cosmic-ray's one-hunk diff."""
    lines = diff.splitlines()
    path = next(x for x in lines if x.startswith("+++ "))[len("+++ b/") :]
    start = next(i for i, x in enumerate(lines) if x.startswith("@@")) + 1
    old, new = [], []
    for line in lines[start:]:
        if line.startswith("\\"):  # "\ No newline at end of file"
            continue
        if line.startswith(("-", " ")) or line == "":
            old.append(line[1:])
        if line.startswith(("+", " ")) or line == "":
            new.append(line[1:])
    return path, "\n".join(old) + "\n", "\n".join(new) + "\n"


def _survivors(session: Path) -> tuple[dict[str, int], list[tuple[str, str]]]:
    conn = sqlite3.connect(session)
    try:
        rows = conn.execute("SELECT test_outcome, worker_outcome, job_id, diff FROM work_results")
        counts = {"killed": 0, "survived": 0}
        alive = []
        for test, worker, job, diff in rows:
            if str(worker).upper() == "SKIPPED":
                continue
            if str(test).upper() == "KILLED":
                counts["killed"] += 1
            elif str(test).upper() == "SURVIVED":
                counts["survived"] += 1
                alive.append((job, diff))
        return counts, alive
    finally:
        conn.close()


def recheck(module: str, tree: Path, session: Path) -> tuple[dict[str, int], list[tuple[str, str]]]:
    counts, alive = _survivors(session)
    command = run.test_command(module).split()
    env = run.test_env(tree, tree.parent)  # the baseline fills the bytecode cache
    outcome = {KILLED: 0, ALIVE: 0, GONE: 0}
    run.baseline(module, tree, env)
    mutant_env = {**env, "PYTHONDONTWRITEBYTECODE": "1"}  # read the cache, never write a mutant
    left = []
    for _job, diff in alive:
        path, old, new = _blocks(diff)
        target = tree / path
        original = target.read_text(encoding="utf-8")
        if original.count(old) != 1:
            outcome[GONE] += 1
            left.append((GONE, diff))
            continue
        target.write_text(original.replace(old, new), encoding="utf-8")
        try:
            done = subprocess.run(command, cwd=tree, env=mutant_env, capture_output=True,
                                  timeout=run.TIMEOUT)  # fmt: skip
            killed = done.returncode != 0
        except subprocess.TimeoutExpired:
            killed = True  # a hang is a kill, as in cosmic-ray
        finally:
            target.write_text(original, encoding="utf-8")
        outcome[KILLED if killed else ALIVE] += 1
        if not killed:
            left.append((ALIVE, diff))
    return {**counts, **outcome}, left


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated parts of scope names")
    parser.add_argument("--out", default=str(run.ROOT / "build" / "mutation"))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    report_dir = Path(args.out).resolve()
    scopes = list(run.SCOPES)
    if args.only:
        parts = [p.strip() for p in args.only.split(",") if p.strip()]
        scopes = [s for s in scopes if any(p in s for p in parts)]
    work = report_dir / "recheck-trees"
    shutil.rmtree(work, ignore_errors=True)
    run._copy_tree(work / "_snapshot")
    started = time.monotonic()
    lines = ["| module | run: killed | run: survived | recheck: killed | alive | gone | score |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    alive_out: list[str] = []
    total_k = total_s = 0

    def one(module: str) -> tuple[dict[str, int], list[tuple[str, str]]] | None:
        session = report_dir / f"{module.replace('/', '.').removesuffix('.py')}.sqlite"
        if not session.exists():
            return None
        tree = work / module.replace("/", ".")
        shutil.copytree(work / "_snapshot", tree)
        return recheck(module, tree, session)

    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(zip(scopes, pool.map(one, scopes), strict=True))
    for module, result in results:
        if result is None:
            continue
        c, left = result
        killed = c["killed"] + c[KILLED]
        counted = killed + c[ALIVE]
        total_k, total_s = total_k + killed, total_s + c[ALIVE]
        score = killed / max(1, counted)
        lines.append(f"| {module} | {c['killed']} | {c['survived']} | {c[KILLED]} | {c[ALIVE]} "
                     f"| {c[GONE]} | {score:.1%} |")  # fmt: skip
        print(lines[-1], flush=True)
        for kind, diff in left:
            alive_out += [f"### {module} ({kind})", "", "```", diff.strip(), "```", ""]
    shutil.rmtree(work, ignore_errors=True)
    score = total_k / max(1, total_k + total_s)
    head = (f"Recheck of the survivors in {(time.monotonic() - started) / 60:.1f} min: score "
            f"{score:.1%} ({total_k} killed, {total_s} alive; 'gone': lines no longer in the "
            "module, not counted; run those scopes again).")  # fmt: skip
    alive_head = "## Alive, or gone (no longer in the code)"
    text = "\n".join(["# Mutation recheck", "", head, "", *lines, "", alive_head, "", *alive_out])
    (report_dir / "recheck.md").write_text(text + "\n", encoding="utf-8")
    print(head)
    return 0


if __name__ == "__main__":
    sys.exit(main())
