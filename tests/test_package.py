"""The package's layout: no module imports one that imports it back, and the CLI reaches the core
only through the API."""

from __future__ import annotations

import ast
from pathlib import Path

import treatycmp

PACKAGE = Path(treatycmp.__file__).parent


def module_name(path: Path) -> str:
    parts = ["treatycmp", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The treatycmp modules *path* imports, at the top or inside functions."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            found.update(f"{target}.{a.name}" for a in node.names)
            found.add(target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {m for m in imports(p) if m in files and m != name} for name, p in files.items()}


def cycle(edges: dict[str, set[str]]) -> list[str]:
    """One import circle, or [] (depth-first search; a package's __init__ counts as its module)."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return []

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_no_module_imports_one_that_imports_it_back() -> None:
    edges = graph()
    assert len(edges) > 50
    assert cycle(edges) == []


def test_the_cycle_search_finds_a_circle() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_the_cli_reaches_the_core_only_through_the_api() -> None:
    core = ("treatycmp.loading", "treatycmp.engine", "treatycmp.names", "treatycmp.sources")
    core += ("treatycmp.checks",)
    used = graph()["treatycmp.cli"]
    assert "treatycmp.api" in used
    assert sorted(m for m in used if m.startswith(core)) == []
