"""Each table module can be used alone: the tables its foreign keys name are in the metadata
once it is imported. The command line and the start-up path import only what they need, and a
flush of a table whose key names an unknown table fails (NoReferencedTableError)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TABLE_MODULES = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts)
    for path in (ROOT / "postkit" / "core").rglob("models.py")
    if "migrations" not in path.parts and path.parent.name != "db"
)

CHECK = """
import importlib, sys
module = importlib.import_module(sys.argv[1])
from postkit.core.db.base import Base
for table in Base.metadata.sorted_tables:
    for key in table.foreign_keys:
        key.column  # resolves the key; raises NoReferencedTableError when its table is unknown
"""


def test_the_table_modules_are_found() -> None:
    assert "postkit.core.screening.models" in TABLE_MODULES
    assert "postkit.core.followups.models" in TABLE_MODULES


@pytest.mark.parametrize("module", TABLE_MODULES)
def test_a_table_module_imported_alone_resolves_its_foreign_keys(module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK, module],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
