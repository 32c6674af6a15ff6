"""Production code never depends on demo data: only demo modules and the demo commands import
a demo module (`demo.py`, `demo_*.py`), so real posts are never judged by the demo's."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "postkit"
# (module, function) that may import a demo module, each for a demo only.
ALLOWED = {
    ("postkit.cli", "_run_demo_seed"): "postkit demo seed",
    ("postkit.cli", "_run_demo_exports"): "postkit demo exports",
    ("postkit.cli", "_run_demo_returns"): "postkit demo returns",
    ("postkit.cli", "_open_app"): "postkit --demo: the app on a fresh demo database",
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_demo_module(name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    return last == "demo" or last.startswith("demo_")


def demo_imports(source: str, module: str) -> list[tuple[str, str, int]]:
    """(function or '<module>', the demo module imported, line) for each demo import."""
    found: list[tuple[str, str, int]] = []
    package = module.rsplit(".", 1)[0]

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = child.name
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:  # relative: from the package the module is in
                    base = ".".join(
                        [*package.split(".")[: len(package.split(".")) - child.level + 1], base]
                    ).strip(".")
                names = [base, *(f"{base}.{alias.name}" for alias in child.names)]
            else:
                names = []
            for name in names:
                if name.startswith("postkit") and any(
                    is_demo_module(".".join(name.split(".")[: end + 1]))
                    for end in range(len(name.split(".")))
                ):
                    found.append((inner, name, child.lineno))
                    break
            visit(child, inner)

    visit(ast.parse(source), "<module>")
    return found


def test_no_production_module_imports_a_demo_module() -> None:
    offences = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        if is_demo_module(module):
            continue
        for function, imported, line in demo_imports(path.read_text(encoding="utf-8"), module):
            if (module, function) not in ALLOWED:
                offences.append(f"{path.relative_to(PACKAGE.parent)}:{line} {function} {imported}")
    assert offences == []


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        (
            "from postkit.core.activities.demo import DEMO_POSTS",
            "postkit.core.hq.summary",
            "postkit.core.activities.demo",
        ),
        ("from postkit.core.surveys.demo import X", "postkit.ui.hq.page", "postkit.core.surveys"),
        ("import postkit.core.hq.demo_exports", "postkit.x", "postkit.core.hq.demo_exports"),
        ("from postkit.core import demo", "postkit.x", "postkit.core"),
        ("from ..surveys import demo", "postkit.core.hq.summary", "postkit.core.surveys"),
        ("def f():\n    from .demo import seed\n", "postkit.core.hq.forms", "postkit.core.hq"),
    ],
)
def test_every_way_of_importing_a_demo_module_is_seen(
    source: str, module: str, expected: str
) -> None:
    found = demo_imports(source, module)
    assert len(found) == 1 and found[0][1].startswith(expected)


def test_other_imports_are_not_taken_for_demo_ones() -> None:
    source = "from postkit.core.demography import x\nimport postkit.core.reference\n"
    assert demo_imports(source, "postkit.core.hq.summary") == []


def test_the_allowed_places_still_exist() -> None:
    """An allowance for a function that is gone would let a new one in under its name."""
    for module, function in ALLOWED:
        path = PACKAGE.parent / (module.replace(".", "/") + ".py")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        assert function in names, (module, function)
