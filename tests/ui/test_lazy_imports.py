"""What the pages import when they are built on the GUI thread: not the heavy readers and
writers (pyxform, openpyxl, reportlab), which only the workers that read or write files need."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.db import Database

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


# Not needed to show the activity list: Alembic (the database is up to date), the file
# readers and writers, core's text catalogs, the other modules' pages and models.
NOT_AT_START = (
    "alembic",
    *HEAVY,
    "babel",
    "pypdf",
    "postkit.core.db.models",
    "postkit.ui.activities.dashboard",
    *(f"postkit.core.{feature}.models" for feature in ("hq", "practices", "screening", "surveys")),
    *(f"postkit.ui.{feature}.page" for feature in ("hq", "practices", "screening", "surveys")),
)


def _start_app(database: Database, tmp_path: Path, then: str, before: str = "") -> list[str]:
    """Start the app over `database` until its list is ready (as the start-up benchmark does),
    after the Python lines `before` and then the lines `then`; returns the lines printed
    after the start-up markers."""
    code = (
        "import gc, sys\n"
        f"{before}\n"
        "from postkit.cli import main\n"
        f"code = main(['--db', {str(database.engine.url.database)!r}, '--report-startup'])\n"
        f"{then}\n"
        "raise SystemExit(code)\n"
    )
    home = str(tmp_path / "home")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": home,
        "XDG_CONFIG_HOME": home,
        "POSTKIT_DATA_DIR": home,
    }
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    # The list read its rows (the runner went idle) before the window closed.
    assert lines[:2] == ["shown-idle", "ready-idle"]
    return lines[2:]


def test_the_started_app_shows_its_list_without_loading_what_the_list_does_not_need(
    database: Database, tmp_path: Path
) -> None:
    then = f"print(','.join(m for m in {NOT_AT_START!r} if m in sys.modules))"
    assert _start_app(database, tmp_path, then) == [""]


def test_the_app_starts_without_collecting_garbage_and_collects_once_its_list_is_ready(
    database: Database, tmp_path: Path
) -> None:
    # Without the pause the start ran some 170 collections; the few left are the CLI's import
    # before the pause and the closing after the list was ready.
    then = "print(gc.isenabled(), gc.get_freeze_count() > 0, gc.get_stats()[0]['collections'])"
    enabled, frozen, collections = _start_app(database, tmp_path, then)[0].split()
    assert (enabled, frozen) == ("True", "True")
    assert int(collections) < 40


# Start-up's first screen (core.activities.first_screen): the list's rows read with sqlite3.
AT_FIRST_ROWS = """
from postkit.ui import app
seen = []
report_ready = app.Startup._report_ready
def ready(self):
    model = self.window.pages.currentWidget().model
    seen.append(("sqlalchemy" in sys.modules, model.rowCount(), model.cell(0, 2)))
    report_ready(self)
app.Startup._report_ready = ready
"""


def test_the_list_shows_its_first_rows_before_sqlalchemy_is_imported(
    database: Database, tmp_path: Path
) -> None:
    with database.session() as session:
        for title in ("Seminar on living wages", "Staff training on due diligence"):
            data = ActivityInput(1, title, date(2025, 2, 10), "training")
            create_activity(session, data, "Tess")
    then = "print(*seen[0], sep='|')"
    assert _start_app(database, tmp_path, then, AT_FIRST_ROWS) == [
        "False|2|Staff training on due diligence"
    ]
