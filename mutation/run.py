"""``make mutate``: mutation testing (cosmic-ray) of the rules that protect money and keys.

Each scope is one module of api/, store/, core/, secrets.py or the CLI's exit-code mapping with
the test files that cover it (test selection per module keeps a mutant's run to seconds).  The
tree is copied to a scratch folder first: cosmic-ray writes each mutant into the source file it
tests, and the working tree must never hold one.  Two scopes run at a time, the biggest
first; a bytecode cache and fast_first.py's test order keep each mutant's run short.  The report
(``build/mutation/report.md``, one ``.sqlite`` session per scope beside it) lists the score per
module and every survivor; survivors that are equivalent are explained in docs/mutation.md.

    python mutation/run.py                      # every scope (40 min on 2 shared cores)
    python mutation/run.py --only parse,orders  # scopes whose name contains one of these
    python mutation/run.py --list               # the scopes and their tests
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BIN = Path(PY).parent

# module -> the test files that cover it (fast ones: no GUI, no 10,000-order kill loops).  With
# -x a mutant's run stops at its first failing test, so the file that killed most of the
# module's mutants in the last run comes first (the module's own, or test_money_rules.py where
# that one killed more: api/convert.py, api/transport.py, store/rows.py, core/placing.py), the
# slowest (test_cli.py's real processes, test_api_convert_fast.py) last: a survivor runs them all
SCOPES: dict[str, list[str]] = {
    "api/convert.py": [
        "test_money_rules.py",
        "test_api_parse.py",
        "test_answer_rules.py",
        "test_api_convert_fast.py",
    ],
    "api/parse.py": ["test_api_parse.py", "test_answer_rules.py", "test_money_rules.py"],
    "api/parse_actions.py": ["test_api_parse.py", "test_answer_rules.py", "test_api_client.py"],
    "api/error_texts.py": ["test_answer_rules.py", "test_api_faults.py", "test_api_parse.py"],
    "api/endpoint.py": ["test_answer_rules.py", "test_api_client.py"],
    "api/errors.py": ["test_api_parse.py", "test_api_faults.py"],
    "api/retries.py": ["test_answer_rules.py", "test_api_faults.py"],
    "api/transport.py": [
        "test_money_rules.py",
        "test_api_faults.py",
        "test_answer_rules.py",
        "test_api_client.py",
        "test_write_connections.py",
    ],
    "api/client.py": ["test_answer_rules.py", "test_api_client.py", "test_api_faults.py"],
    "api/batching.py": ["test_api_client.py", "test_tracking.py"],
    "store/orders.py": ["test_store.py", "test_tracking.py", "test_money_rules.py"],
    "store/order_queries.py": ["test_store.py", "test_tracking.py", "test_money_rules.py"],
    "store/base.py": ["test_store.py", "test_money_rules.py"],
    "store/rows.py": ["test_money_rules.py", "test_store.py"],
    "store/refills.py": ["test_store.py", "test_tracking.py"],
    "store/db.py": ["test_store.py"],
    "store/services_cache.py": [
        "test_store.py",
        "test_store_cache_format.py",
        "test_money_rules.py",
    ],
    "store/panels.py": ["test_store.py", "test_cli.py"],
    "core/placing.py": ["test_money_rules.py", "test_tracking.py"],
    "core/refreshing.py": ["test_tracking.py"],
    "core/refills_cancels.py": ["test_refill_rules.py", "test_tracking.py"],
    "core/catalog.py": ["test_catalog_age.py", "test_tracking.py"],
    "core/orders/values.py": ["test_order_types.py", "test_money_rules.py"],
    "core/orders/validation.py": ["test_order_types.py", "test_money_rules.py"],
    "core/orders/params.py": ["test_order_types.py", "test_money_rules.py"],
    "secrets.py": ["test_secrets.py", "test_key_rules.py"],
    "cli/main.py": [  # test_mass_order.py: the one command that reads args.json without getattr
        "test_cli_parser.py",  # the parser of the named command alone reads as the whole one
        "test_cli_exit_codes.py",
        "test_money_rules.py",
        "test_cli.py",
        "test_mass_order.py",
    ],
    "cli/failures.py": ["test_cli_exit_codes.py", "test_cli.py", "test_money_rules.py"],
}

# Operators left out: bitwise/shift/power/modulo swaps (no such arithmetic in these rules; they
# multiplied the count by 3), decorator removal (@dataclass, @overload: the module no longer
# imports), the variable replacer/inserter (thousands of mutants, mostly type errors), ``-x`` to
# ``~x`` / ``not x``.  Comparisons: the sufficient set of relational replacements (each of
# the others is killed by any test that kills these; Kaminski, Ammann, Offutt 2011) and the
# identity/membership flips; ``is None`` -> ``== None`` would only be an equivalent mutant.
_COMPARISONS = ("Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn")
_SUFFICIENT = {
    ("Lt", "LtE"), ("Lt", "NotEq"), ("LtE", "Lt"), ("LtE", "Eq"), ("Gt", "GtE"),
    ("Gt", "NotEq"), ("GtE", "Gt"), ("GtE", "Eq"), ("Eq", "LtE"), ("Eq", "GtE"),
    ("Eq", "NotEq"), ("NotEq", "Lt"), ("NotEq", "Gt"), ("NotEq", "Eq"),
    ("Is", "IsNot"), ("IsNot", "Is"), ("In", "NotIn"), ("NotIn", "In"),
}  # fmt: skip
EXCLUDED_OPERATORS = [
    r"core/ReplaceBinaryOperator_.*_(Pow|RShift|LShift|BitOr|BitAnd|BitXor|Mod|FloorDiv)$",
    r"core/ReplaceBinaryOperator_(Pow|RShift|LShift|BitOr|BitAnd|BitXor|Mod|FloorDiv)_.*",
    r"core/RemoveDecorator",
    r"core/VariableReplacer",
    r"core/VariableInserter",
    r"core/ReplaceUnaryOperator_USub_(Invert|Not)$",
    *(
        f"core/ReplaceComparisonOperator_{a}_{b}$"
        for a in _COMPARISONS
        for b in _COMPARISONS
        if a != b and (a, b) not in _SUFFICIENT
    ),
]
TIMEOUT = 120.0  # seconds per mutant (a hang is a kill: cosmic-ray counts it as one)


def test_command(module: str) -> str:
    """The scope's tests, stopping at the first failure, likeliest killers first."""
    files = " ".join(f"tests/{t}" for t in SCOPES[module])
    return f"{PY} -m pytest -x -q -p no:cacheprovider -p mutation.fast_first --timeout=60 {files}"


def test_env(tree: Path, work: Path) -> dict[str, str]:
    """The environment of a scope's test runs, with one bytecode cache for the whole run.

    Without it every mutant's pytest compiled every module again — the sources, the test files
    and hypothesis, with pytest's assertion rewriting — about 0.9 s of its 1.8 s start-up.  The
    baseline run (bytecode writes on) fills the cache; the mutants' runs only read it: cosmic-ray
    (and recheck.py) set ``PYTHONDONTWRITEBYTECODE=1`` for them.  A mutated module never has a
    cached copy that matches it: its cached bytecode is the original's, stamped with the
    snapshot's modification time, and every mutant (and the restored original) is written later,
    so Python compiles that one module from its source each time.
    """
    env = {**os.environ, "PYTHONPATH": str(tree), "QT_QPA_PLATFORM": "offscreen",
           "HYPOTHESIS_PROFILE": "ci", "PYTHONPYCACHEPREFIX": str(work / "_pycache"),
           "MUTATION_DURATIONS": str(tree / "test-durations.json"),
           "MUTATION_KILLERS": str(tree / "test-killers.txt")}  # fmt: skip
    env.pop("CI", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _config(module: str) -> str:
    command = test_command(module)
    excluded = ", ".join(json.dumps(e) for e in EXCLUDED_OPERATORS)
    return (
        "[cosmic-ray]\n"
        f'module-path = "smpanel_desktop/{module}"\n'
        f"timeout = {TIMEOUT}\n"
        "excluded-modules = []\n"
        f"test-command = {json.dumps(command)}\n\n"
        "[cosmic-ray.distributor]\n"
        'name = "local"\n\n'
        "[cosmic-ray.filters.operators-filter]\n"
        f"exclude-operators = [{excluded}]\n"
    )


def _copy_tree(dest: Path) -> None:
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
        text=True, check=True,
    ).stdout.split()  # fmt: skip
    for name in files:  # what the tests read too (docs/architecture.md, README.md ...)
        if not name.startswith(("build/", "dist/", "docs/screenshots/", "benchmarks/results/")):
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if (ROOT / name).is_file():
                shutil.copy2(ROOT / name, target)


def _counts(session: Path) -> dict[str, int]:
    """killed / survived / incompetent (the mutant did not run: import error ...) / total."""
    import sqlite3

    conn = sqlite3.connect(session)
    try:
        rows = conn.execute(
            "SELECT r.test_outcome, r.worker_outcome FROM work_results r"
        ).fetchall()
        total = conn.execute("SELECT count(*) FROM work_items").fetchone()[0]
    finally:
        conn.close()
    out = {"killed": 0, "survived": 0, "incompetent": 0, "total": int(total)}
    for test_outcome, worker_outcome in rows:
        if str(worker_outcome).upper() == "SKIPPED":
            out["total"] -= 1
        elif str(test_outcome).upper() == "KILLED":
            out["killed"] += 1
        elif str(test_outcome).upper() == "SURVIVED":
            out["survived"] += 1
        else:
            out["incompetent"] += 1
    return out


def baseline(module: str, tree: Path, env: dict[str, str]) -> None:
    """The unmutated tree must pass, or every mutant would look killed: once in the files'
    order (recording each test's time, fast_first.py), once in the order the mutants get."""
    for _ in range(2):
        done = subprocess.run(test_command(module).split(), cwd=tree, env=env,
                              capture_output=True, text=True)  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"{module}: the tests fail without any mutant:\n"
                               f"{done.stdout[-3000:]}")  # fmt: skip


def run_scope(
    module: str, work: Path, report_dir: Path, *, count_only: bool = False
) -> tuple[str, dict[str, int], str]:
    name = module.replace("/", ".").removesuffix(".py")
    tree = work / name
    shutil.copytree(work / "_snapshot", tree)  # the tree as it was when the run started
    config = tree / "mutation.toml"
    config.write_text(_config(module), encoding="utf-8")
    session = report_dir / f"{name}.sqlite"
    session.unlink(missing_ok=True)
    env = test_env(tree, work)

    def cr(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=tree, env=env, capture_output=True, text=True, check=True)

    if not count_only:
        baseline(module, tree, env)
    cr(str(BIN / "cosmic-ray"), "init", str(config), str(session))
    cr(str(BIN / "cr-filter-operators"), str(session), str(config))
    cr(str(BIN / "cr-filter-pragma"), str(session))
    if count_only:
        return module, _counts(session), ""
    cr(str(BIN / "cosmic-ray"), "exec", str(config), str(session))
    survivors = cr(str(BIN / "cr-report"), "--surviving-only", "--show-diff", str(session)).stdout
    return module, _counts(session), survivors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated parts of scope names")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--count", action="store_true", help="only count the mutants")
    parser.add_argument("--out", default=str(ROOT / "build" / "mutation"))
    args = parser.parse_args(argv)
    scopes = list(SCOPES)
    if args.only:
        parts = [p.strip() for p in args.only.split(",") if p.strip()]
        scopes = [s for s in scopes if any(p in s for p in parts)]
    if args.list:
        for s in scopes:
            print(f"{s:28} {' '.join(SCOPES[s])}")
        return 0
    report_dir = Path(args.out).resolve()  # cosmic-ray runs in the scope's tree: no relative path
    if args.count:  # its sessions apart: counting must not replace the last run's results
        report_dir = report_dir / "count"
    report_dir.mkdir(parents=True, exist_ok=True)
    work = report_dir / "trees"
    shutil.rmtree(work, ignore_errors=True)
    _copy_tree(work / "_snapshot")  # once: edits made while it runs reach no scope
    started = time.monotonic()
    results = []

    def timed(module: str) -> tuple[str, dict[str, int], str, float]:
        begun = time.monotonic()
        out = run_scope(module, work, report_dir, count_only=args.count)
        return (*out, (time.monotonic() - begun) / 60)

    # the biggest modules (most mutants) first, so that no long scope is left running alone
    # on one core at the end; the report keeps the order of SCOPES
    biggest_first = sorted(scopes, key=lambda m: -(ROOT / "smpanel_desktop" / m).stat().st_size)
    with ThreadPoolExecutor(args.jobs) as pool:
        for module, counts, survivors, took in pool.map(timed, biggest_first):
            if args.count:
                print(f"{module:28} {counts['total']:5} mutants to run", flush=True)
                continue
            done = counts["killed"] + counts["survived"] + counts["incompetent"]
            score = counts["killed"] / max(1, counts["killed"] + counts["survived"])
            print(f"{module:28} {counts['killed']:4} killed {counts['survived']:4} survived "
                  f"{counts['incompetent']:3} incompetent  {score:6.1%}  ({done} run, "
                  f"{took:.1f} min)", flush=True)  # fmt: skip
            results.append((module, counts, survivors, took))
    results.sort(key=lambda r: scopes.index(r[0]))
    shutil.rmtree(work, ignore_errors=True)
    minutes = (time.monotonic() - started) / 60
    killed = sum(r[1]["killed"] for r in results)
    survived = sum(r[1]["survived"] for r in results)
    score = killed / max(1, killed + survived)
    lines = [
        "# Mutation report",
        "",
        f"cosmic-ray over {len(results)} scopes in {minutes:.1f} min: {killed} killed, "
        f"{survived} survived, score {score:.1%} (incompetent mutants, which cannot run, "
        "are not counted).",
        "",
        "| module | killed | survived | incompetent | score | minutes |",
        "|---|---|---|---|---|---|",
    ]
    for module, c, _, took in results:
        s = c["killed"] / max(1, c["killed"] + c["survived"])
        row = (module, c["killed"], c["survived"], c["incompetent"], f"{s:.1%}", f"{took:.1f}")
        lines.append("| " + " | ".join(str(v) for v in row) + " |")
    lines += ["", "## Survivors", ""]
    for module, _, survivors, _ in results:
        if survivors.strip():
            lines += [f"### {module}", "", "```", survivors.strip(), "```", ""]
    (report_dir / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"score {score:.1%} ({killed} killed, {survived} survived) in {minutes:.1f} min; "
          f"report: {report_dir / 'report.md'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
