"""The architecture contract (pyproject.toml, [tool.importlinter]) holds, checked in the test run
as `.ci/run` checks it with `lint-imports`: layers cli → ui → core, core without Qt, core's
features independent but for the declared imports, no circle of imports inside core, and the
UI's features independent of each other, sharing only through postkit.ui.widgets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

from tests.import_contracts import module_cycles

ROOT = Path(__file__).resolve().parents[1]


def test_the_architecture_contracts_hold() -> None:
    # In its own process: lint-imports configures logging with dictConfig, which disables every
    # logger already created, so later tests reading the app's warnings (caplog) saw nothing.
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _package(folder: Path, name: str, modules: dict[str, str]) -> grimp.ImportGraph:
    package = folder / name
    package.mkdir()
    (package / "__init__.py").write_text("")
    for module, source in modules.items():
        (package / f"{module}.py").write_text(source)
    sys.path.insert(0, str(folder))
    try:
        return grimp.build_graph(name, cache_dir=None)
    finally:
        sys.path.remove(str(folder))


def test_a_circle_closed_by_an_import_inside_a_function_is_found(tmp_path: Path) -> None:
    graph = _package(
        tmp_path,
        "circled",
        {
            "a": "from circled import b\n",
            "b": "def f():\n    from circled.c import x\n",
            "c": "from circled import a\nx = 1\n",
            "d": "from circled import a\n",
        },
    )
    assert module_cycles(graph, ["circled"]) == [["circled.a", "circled.b", "circled.c"]]


def test_imports_without_a_circle_pass(tmp_path: Path) -> None:
    graph = _package(
        tmp_path,
        "layered",
        {"a": "from layered import b, c\n", "b": "from layered import c\n", "c": "x = 1\n"},
    )
    assert module_cycles(graph, ["layered"]) == []
