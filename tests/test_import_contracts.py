"""The architecture contract (pyproject.toml, [tool.importlinter]) holds, checked in the test run
as `.ci/run` checks it with `lint-imports`: layers cli → ui → core, core without Qt, core's
features independent but for the declared imports, and no circle of imports inside core."""

from __future__ import annotations

import sys
from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

from tests.import_contracts import module_cycles

ROOT = Path(__file__).resolve().parents[1]


def test_the_architecture_contracts_hold(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    status = lint_imports(no_cache=True, no_logo=True)
    report = capsys.readouterr().out
    assert status == 0, report


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
