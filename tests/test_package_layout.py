"""Each module one job, no hidden cycles (issue 22): the package imports at the top of each
module, and its import graph has no cycle, so the order a reader meets the modules in
(``scobook.errors`` -> ``scobook.paths`` -> ``scobook.reading`` -> loaders -> pages) is real."""

import ast

from conftest import ROOT


def _modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted((ROOT / "scobook").rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found[name] = ast.parse(path.read_text(encoding="utf-8"))
    return found


def test_the_package_imports_itself_only_at_the_top_of_a_module():
    local = [f"{name}:{node.lineno} from {node.module}" for name, tree in _modules().items()
             for node in ast.walk(tree)
             if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("scobook") and node not in tree.body]
    assert local == []


def test_the_package_has_no_import_cycle():
    modules = _modules()
    graph = {name: {node.module for node in tree.body if isinstance(node, ast.ImportFrom)
                    and node.module in modules and node.module != name} for name, tree in modules.items()}
    done, path = set(), []

    def visit(name):
        if name in path:
            raise AssertionError("import cycle: " + " -> ".join(path[path.index(name):] + [name]))
        if name in done:
            return
        path.append(name)
        for target in sorted(graph[name]):
            visit(target)
        path.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)
    assert "scobook.palette" in graph and not graph["scobook.palette"]  # the palette depends on nothing
