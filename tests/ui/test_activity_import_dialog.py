from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from postkit.core.activities.models import Activity
from postkit.core.db import Database
from postkit.ui.actions import ActionId
from postkit.ui.activities.import_dialog import ActivityImportDialog
from postkit.ui.main_window import MainWindow
from postkit.ui.widgets import save_paths
from tests.ui.threads import functions_of, process_jobs

FIXTURE = Path(__file__).parent.parent / "data" / "activiteiten_2025_nairobi.xlsx"


def _count(database: Database) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(Activity)) or 0


def _open(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path
) -> ActivityImportDialog:
    monkeypatch.setattr(save_paths, "ask_open_path", lambda *args: path)
    commands = window.modules["activities"].commands
    window.actions[ActionId.IMPORT_ACTIVITIES].trigger()
    dialog = commands.import_dialog
    assert isinstance(dialog, ActivityImportDialog)
    qtbot.waitUntil(lambda: dialog.table is not None and not dialog.is_busy, timeout=20000)
    return dialog


def _wait_planned(qtbot: QtBot, dialog: ActivityImportDialog, change) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        change()
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=20000)


def test_the_posts_own_sheet_is_previewed_and_imported_from_the_menu(
    qtbot: QtBot, window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = process_jobs(monkeypatch)
    dialog = _open(qtbot, window, monkeypatch, FIXTURE)
    assert dialog.summary_label.text() == "6 to add, 0 already present, 0 with errors"
    assert dialog.mapping_box("Activiteit").currentData() == "title"
    assert dialog.mapping_box("Totaal").currentData() == ""
    assert dialog.locale_box.currentData() == "nl"
    preview = dialog.preview_table
    titles = [preview.item(row, 4).text() for row in range(preview.rowCount())]
    assert "Seminar leefbaar loon in de sierteelt" in titles
    seminar = titles.index("Seminar leefbaar loon in de sierteelt")
    assert preview.item(seminar, 2).text() == "2025-04-15"
    assert preview.item(seminar, 10).text() == "Bloemenkwekerij Naivasha B.V.; Rosa Export Ltd"
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert window.runner is not None and window.runner.wait_idle()
    assert _count(database) == 6
    assert "Imported 6 activities" in window.statusBar().currentMessage()
    # Each in a process of its own: on a thread they hold the interpreter the GUI needs.
    assert functions_of(jobs) == ["read_activity_import", "apply_activity_import"]
    again = _open(qtbot, window, monkeypatch, FIXTURE)
    assert again.summary_label.text() == "0 to add, 6 already present, 0 with errors"
    assert not again.import_button.isEnabled()
    again.reject()


def test_mapping_a_column_and_choosing_for_an_unknown_value_clears_the_errors(
    qtbot: QtBot,
    window: MainWindow,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Wanneer", "Kerntaak", "Activiteit", "Soort", "Sector"])
    sheet.append(["15-04-2025", 2, "Rondetafel bloemen", "Bijeenkomst", "Tuinbouw"])
    sheet.append(["4/5/2025", 3, "Advies aan kweker", "Bedrijfsadvies", "Sierteelt"])
    path = tmp_path / "eigen.xlsx"
    workbook.save(path)
    jobs = process_jobs(monkeypatch)
    dialog = _open(qtbot, window, monkeypatch, path)
    # No column gives the start date yet: the dialog says so and imports nothing.
    assert "no column gives the start date" in dialog.problem_label.text()
    assert not dialog.import_button.isEnabled()
    box = dialog.mapping_box("Wanneer")
    _wait_planned(qtbot, dialog, lambda: box.setCurrentIndex(box.findData("start_date")))
    assert dialog.summary_label.text() == "1 to add, 0 already present, 1 with errors"
    assert functions_of(jobs) == ["read_activity_import", "plan_activity_import"]
    assert dialog.error_list.item(0).text() == "row 2, column 'Sector': unknown sectors: 'Tuinbouw'"
    assert dialog.unknown_table.item(0, 2).text() == "2"
    assert not dialog.import_button.isEnabled()
    unknown = dialog.unknown_box("Tuinbouw")
    _wait_planned(qtbot, dialog, lambda: unknown.setCurrentIndex(unknown.findData("floriculture")))
    assert dialog.summary_label.text() == "2 to add, 0 already present, 0 with errors"
    # Dutch reading: 4/5/2025 is the fourth of May; English reads it as April 5.
    assert dialog.preview_table.item(1, 2).text() == "2025-05-04"
    english = dialog.locale_box.findData("en")
    _wait_planned(qtbot, dialog, lambda: dialog.locale_box.setCurrentIndex(english))
    assert dialog.preview_table.item(1, 2).text() == "2025-04-05"
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert window.runner is not None and window.runner.wait_idle()
    assert _count(database) == 2


def _large_sheet(path: Path, rows: int) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Datum", "Kerntaak", "Activiteit", "Soort"])
    for i in range(rows):
        sheet.append([f"{1 + i % 28}-03-2025", 1 + i % 5, f"Activiteit {i}", "Training"])
    workbook.save(path)
    return path


def test_cancelling_the_reading_of_a_large_sheet_closes_the_dialog_importing_nothing(
    qtbot: QtBot,
    window: MainWindow,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    path = _large_sheet(tmp_path / "groot.xlsx", 4000)
    monkeypatch.setattr(save_paths, "ask_open_path", lambda *args: path)
    commands = window.modules["activities"].commands
    window.actions[ActionId.IMPORT_ACTIVITIES].trigger()
    dialog = commands.import_dialog
    assert isinstance(dialog, ActivityImportDialog)
    assert dialog.job is not None
    with qtbot.waitSignal(dialog.rejected, timeout=20000):
        dialog.job.cancel()
    assert dialog.table is None
    assert _count(database) == 0
