"""An import-linter contract type of postkit's own: no module imports itself through others.

import-linter's `acyclic_siblings` finds cycles between packages, which flags
`postkit.core.db` (its models module imports every feature's models, and the features import
its base) though no module is in a circle. This one works on modules: it finds every set of
modules inside `containers` that import each other round in a circle (a strongly connected
component of the import graph), imports inside functions included, since grimp reads those too.
Registered in pyproject.toml's `[tool.importlinter]` as `acyclic_modules`.
"""

from __future__ import annotations

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


def module_cycles(graph: ImportGraph, containers: list[str]) -> list[list[str]]:
    """The circles of imports among the modules in `containers`, each as its sorted modules."""
    inside = {
        module
        for module in graph.modules
        if any(module == name or module.startswith(name + ".") for name in containers)
    }
    edges = {
        module: sorted(graph.find_modules_directly_imported_by(module) & inside)
        for module in inside
    }
    # Tarjan's algorithm, without recursion: a deep import chain must not hit Python's limit.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    for root in sorted(inside):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            module, position = work.pop()
            if position == 0:
                index[module] = low[module] = len(index)
                stack.append(module)
                on_stack.add(module)
            targets = edges[module]
            if position < len(targets):
                work.append((module, position + 1))
                target = targets[position]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[module] = min(low[module], index[target])
                continue
            if low[module] == index[module]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == module:
                        break
                if len(component) > 1 or module in edges[module]:
                    cycles.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
    return sorted(cycles)


class AcyclicModulesContract(Contract):
    """No circle of imports among the modules of `containers`."""

    type_name = "acyclic_modules"
    containers = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        cycles = module_cycles(graph, list(self.containers))  # type: ignore[call-overload]
        found = []
        for cycle in cycles:
            members = set(cycle)
            found.append(
                [
                    (
                        importer,
                        imported,
                        [
                            d["line_number"]
                            for d in graph.get_import_details(importer=importer, imported=imported)
                        ],
                    )
                    for importer in cycle
                    for imported in sorted(graph.find_modules_directly_imported_by(importer))
                    if imported in members
                ]
            )
        return ContractCheck(kept=not cycles, metadata={"cycles": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for imports in check.metadata["cycles"]:
            output.print_error("These modules import each other in a circle:", bold=True)
            output.new_line()
            for importer, imported, lines in imports:
                where = ", ".join(f"l.{line}" for line in lines)
                output.indent_cursor()
                output.print_error(f"{importer} -> {imported} ({where})", bold=False)
            output.new_line()
