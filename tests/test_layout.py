"""The house rules of the package layout (docs/architecture.md, "Layout rules").

No folder holds more than 15 modules, no module has more than 300 lines, and no two modules
import each other, directly or around a cycle (imports under ``if TYPE_CHECKING:`` aside).
``api/``, ``store/`` and ``core/`` import no Qt.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "smpanel_desktop"
MAX_MODULES_PER_FOLDER = 15
MAX_LINES_PER_MODULE = 300


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        out[".".join(parts)] = path
    return out


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(module: str, path: Path, known: set[str]) -> set[str]:
    """The project modules ``module`` imports at run time (function-level imports included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    up = package.split(".")
                    up = up[: len(up) - child.level + 1]
                    base = ".".join([*up, base] if base else up)
                found.add(base)
                found.update(f"{base}.{a.name}" for a in child.names)
            visit(child)

    visit(tree)
    return {m for m in found if m in known and m != module}


def test_no_folder_holds_more_than_15_modules() -> None:
    per_folder: dict[Path, int] = defaultdict(int)
    for path in PACKAGE.rglob("*.py"):
        if path.name != "__init__.py":
            per_folder[path.parent] += 1
    crowded = {str(p.relative_to(PACKAGE.parent)): n for p, n in per_folder.items()}
    crowded = {p: n for p, n in crowded.items() if n > MAX_MODULES_PER_FOLDER}
    assert not crowded, crowded


def test_no_module_is_longer_than_300_lines() -> None:
    long = {
        str(p.relative_to(PACKAGE.parent)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES_PER_MODULE
    }
    assert not long, long


def test_no_import_cycle() -> None:
    modules = _modules()
    known = set(modules)
    graph = {m: _imports(m, p, known) for m, p in modules.items()}
    # a package's __init__ importing its own submodule is not a cycle worth naming
    for m in graph:
        graph[m] = {d for d in graph[m] if not (d.startswith(m + ".") or m.startswith(d + "."))}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                cycles.append([*stack[stack.index(dep) :], dep])
            elif dep not in state:
                walk(dep)
        stack.pop()
        state[node] = 2

    for m in sorted(graph):
        if m not in state:
            walk(m)
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_the_core_imports_no_qt() -> None:
    modules = _modules()
    offenders = []
    for name, path in modules.items():
        if name.split(".")[1:2] not in (["api"], ["store"], ["core"], ["cli"]):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            if any(n.split(".")[0] in {"PySide6", "shiboken6"} for n in names):
                offenders.append(name)
    assert not offenders, offenders


def test_the_cli_is_a_package() -> None:
    assert (PACKAGE / "cli" / "__init__.py").is_file()
    assert not list(PACKAGE.glob("cli*.py"))
