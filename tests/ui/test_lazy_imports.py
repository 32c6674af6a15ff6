"""What the pages import when they are built on the GUI thread: not the heavy readers and
writers (pyxform, openpyxl, reportlab), which only the workers that read or write files need."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pyxform", "openpyxl", "reportlab")


def _loaded_after(*modules: str) -> list[str]:
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in modules)
        + f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return [name for name in done.stdout.strip().split(",") if name]


def test_the_window_and_the_activity_list_load_no_file_reader() -> None:
    assert _loaded_after("postkit.ui.main_window", "postkit.ui.activities.list_page") == []


def test_the_survey_and_screening_pages_load_no_file_reader() -> None:
    assert _loaded_after("postkit.ui.surveys.page", "postkit.ui.screening.page") == []
