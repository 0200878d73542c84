"""The package's import graph: no cycles, and no function-local imports of newsledger.

Read from the source with ``ast`` (nothing is imported), so a cycle cannot hide behind an
import placed inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "newsledger"
LAZY_ENTRY_POINTS = {"newsledger"}
"""Modules whose function-local import of the pipeline is deliberate: ``import newsledger``
stays light (no spaCy) and ``newsledger.analyze`` loads the pipeline on first use."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, ast.Module]:
    return {_module_name(p): ast.parse(p.read_text(encoding="utf-8"), str(p))
            for p in PACKAGE.rglob("*.py")}


def _imported(node: ast.AST, module: str, known: set[str]) -> list[str]:
    """newsledger modules named by one import statement (``from a import b`` names ``a.b``
    when ``a.b`` is a module, else ``a``)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == "newsledger"]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = node.module or ""
    if node.level:
        package = module.split(".")
        base = ".".join(package[: len(package) - node.level + (module in _packages(known))]
                        + ([base] if base else []))
    if not base.startswith("newsledger"):
        return []
    found = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in known]
    return found or [base]


def _packages(known: set[str]) -> set[str]:
    return {m for m in known if any(k.startswith(m + ".") for k in known)}


def _graph(type_checking: bool = False) -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, tree in modules.items():
        for node in ast.walk(tree):
            graph[module].update(t for t in _imported(node, module, known) if t in known)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return result


def _is_package_init_reexport(module: str, target: str) -> bool:
    """A package ``__init__`` importing its own submodules is not a cycle of concern."""
    return target.startswith(module + ".")


def test_no_import_cycles():
    graph = _graph()
    # a package's __init__ re-exporting its own modules, and those modules importing
    # siblings through the package, would form a trivial cycle: drop the init -> child edges
    pruned = {m: {t for t in ts if not _is_package_init_reexport(m, t)} for m, ts in graph.items()}
    assert _cycles(pruned) == []


def test_no_function_local_imports_of_newsledger():
    offenders = []
    for module, tree in _modules().items():
        if module in LAZY_ENTRY_POINTS:
            continue
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [
                        a.name for a in node.names]
                    if any(n.startswith("newsledger") or (isinstance(node, ast.ImportFrom)
                           and node.level) for n in names):
                        offenders.append(f"{module}:{node.lineno} {ast.unparse(node)}")
    assert offenders == []


def test_the_checker_sees_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
