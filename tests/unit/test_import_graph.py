"""No import cycle between modules (issue 16): a module never imports, directly or through others, a module
that imports it back.

The graph is grimp's (the library import-linter uses), which counts every import: at the top of a module,
inside a function, and under ``if TYPE_CHECKING``. A cycle is a strongly connected component of more than one
module; each package below is checked for a cycle that takes in any of its modules (one across packages shows
under both). A package joins :data:`PACKAGES` once its cycles are gone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import grimp
import pytest

ROOT = "cowork_desktop"
#: every package, and the top-level modules (app, paths, atomic, logs, ...) as one group
PACKAGES = ["cli", "domain", "export", "forms", "services", "store", "ui", "ui.wizard"]


def cycles(imports: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for start in sorted(imports):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(imports[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(imports.get(target, ()))))
                    break
                if target in on_stack:
                    low[module] = min(low[module], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[module])
                if low[module] == index[module]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == module:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


@pytest.fixture(scope="module")
def all_cycles() -> list[list[str]]:
    graph = grimp.build_graph(ROOT, cache_dir=None)
    return cycles({m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules})


def test_the_cycle_finder_finds_a_cycle_and_nothing_else() -> None:
    imports = {"a": ["b"], "b": ["c"], "c": ["a", "d"], "d": ["e"], "e": [], "f": ["f"]}
    assert cycles(imports) == [["a", "b", "c"]]


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_of_the_package_is_in_an_import_cycle(package: str, all_cycles: list[list[str]]) -> None:
    prefix = f"{ROOT}.{package}"
    mine = [c for c in all_cycles if any(m == prefix or m.startswith(prefix + ".") for m in c)]
    assert mine == [], f"import cycles through {prefix}: " + "; ".join(" <-> ".join(c) for c in mine)


def test_no_cycle_anywhere(all_cycles: list[list[str]]) -> None:
    """The whole package, top-level modules included: no strongly connected component of more than one module."""
    assert all_cycles == [], "; ".join(" <-> ".join(c) for c in all_cycles)
