"""The package's shape: layers without upward imports, no import cycle, a domain that neither reads files nor renders."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "partracker"
LAYERS = ("language", "domain", "reading", "outputs", "tools")
"""Bottom to top: a module may import its own layer and the layers below it, never one above."""


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module → the partracker modules it imports anywhere in its body (functions included)."""
    modules = {module_name(p, package): p for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                submodules = {f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in modules}
                # "from package import module" imports the module; the package's __init__ only holds a docstring.
                found |= submodules or {node.module}
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def external_imports(module: str) -> set[str]:
    path = next(p for p in PACKAGE.rglob("*.py") if module_name(p) == module)
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module if node.module.startswith("partracker") else node.module.split(".")[0])
    return found


def layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_module_sits_in_a_layer() -> None:
    loose = [m for m in imports() if layer(m) is None and m not in ("partracker", "partracker.__main__")]
    assert loose == []


def upward(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(module, what it imports) for every import of a higher layer."""
    return sorted((m, i) for m, found in graph.items() for i in found if layer(m) is not None and layer(i) is not None and layer(i) > layer(m))  # type: ignore[operator]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle found by a depth-first walk, as the modules around it."""
    found: list[list[str]] = []
    done: set[str] = set()

    def visit(node: str, stack: list[str]) -> None:
        if node in stack:
            found.append(stack[stack.index(node):] + [node])
            return
        if node in done:
            return
        for nxt in sorted(graph.get(node, ())):
            visit(nxt, stack + [node])
        done.add(node)

    for module in sorted(graph):
        visit(module, [])
    return found


def test_no_module_imports_a_layer_above_its_own() -> None:
    assert upward(imports()) == []


def test_no_import_cycle() -> None:
    assert cycles(imports()) == []


def test_the_domain_neither_reads_files_nor_renders() -> None:
    for module in ("partracker.domain.model", "partracker.domain.schedule", "partracker.domain.progress", "partracker.domain.duties", "partracker.domain.periods"):
        found = external_imports(module)
        assert not {m for m in found if m.startswith(("partracker.reading", "partracker.outputs", "partracker.tools"))}, module
        assert not found & {"mkdocs", "jinja2", "markupsafe", "yaml", "jsonschema", "pathlib", "os", "subprocess"}, module


def test_the_checker_sees_an_upward_import_and_a_cycle(tmp_path: Path) -> None:
    # The gate fails on a deliberately bad package: domain importing outputs, which imports it back.
    bad = tmp_path / "partracker"
    for sub in ("domain", "outputs"):
        (bad / sub).mkdir(parents=True)
        (bad / sub / "__init__.py").write_text("")
    (bad / "__init__.py").write_text("")
    (bad / "domain" / "model.py").write_text("def f():\n    from partracker.outputs import pages\n")
    (bad / "outputs" / "pages.py").write_text("from partracker.domain import model\n")
    graph = imports(bad)
    assert upward(graph) == [("partracker.domain.model", "partracker.outputs.pages")]
    assert cycles(graph) == [["partracker.domain.model", "partracker.outputs.pages", "partracker.domain.model"]]
