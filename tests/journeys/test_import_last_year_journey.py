"""Journey: an officer brings in last year's activity list, kept by hand in Excel with Dutch
headers, through File ▸ Import from Excel; checks the columns and the preview, leaves the
company names out, imports, and finds every row in the exported list as the sheet had it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from postkit.core.activities.export import COLUMNS
from postkit.ui.activities.import_dialog import ActivityImportDialog
from postkit.ui.main_window import MainWindow
from tests.journeys.conftest import EventLoopWatch, answering, menu_command, type_file_name

SHEET = Path(__file__).parent.parent / "data" / "activiteiten_2025_nairobi.xlsx"


def _import_without_company_names(qtbot: QtBot) -> object:
    """Answer the import dialog: wait for the preview, set the company names column to
    '(not imported)', and press Import once the rows are checked again."""

    def handler(dialog: QWidget) -> None:
        assert isinstance(dialog, ActivityImportDialog)
        qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.is_busy, timeout=20000)
        assert dialog.summary_label.text() == "6 to add, 0 already present, 0 with errors"
        names = dialog.mapping_box("Namen bedrijven")
        names.setFocus()
        QTest.keyClick(names, Qt.Key.Key_Home)  # the first choice: (not imported)
        qtbot.waitUntil(lambda: names.currentData() == "" and not dialog.is_busy, timeout=20000)
        qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20000)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    return handler


def test_last_years_dutch_sheet_is_imported_and_exported_as_it_was_kept(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path, event_loop_watch: EventLoopWatch
) -> None:
    window = main_window
    with answering(qtbot, type_file_name(SHEET), _import_without_company_names(qtbot)):
        menu_command(window, "File", "Import from Excel…")
    qtbot.waitUntil(lambda: window.runner.is_idle, timeout=20000)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=20000)
    assert "Imported 6 activities from activiteiten_2025_nairobi.xlsx" in (
        window.statusBar().currentMessage()
    )

    exported = tmp_path / "activities.xlsx"
    with answering(qtbot, type_file_name(exported)):
        menu_command(window, "File", "Export list to Excel…")
    qtbot.waitUntil(lambda: window.runner.is_idle and exported.exists(), timeout=20000)

    with event_loop_watch.paused():
        header = [column.en for column in COLUMNS]
        rows = [
            dict(zip(header, row, strict=True))
            for row in load_workbook(exported)["activities"].iter_rows(min_row=2, values_only=True)
        ]
        kept = list(load_workbook(SHEET).active.iter_rows(min_row=4, values_only=True))
    # The sheet's rows among the post's (over demo data the list holds those too).
    rows = [row for row in rows if row["title"] in {line[2] for line in kept}]
    assert len(rows) == len(kept) == 6
    by_title = {row["title"]: row for row in rows}
    assert sorted(by_title) == sorted(row[2] for row in kept)
    seminar = by_title["Seminar leefbaar loon in de sierteelt"]
    assert seminar["start date"] == datetime(2025, 4, 15)
    assert (seminar["core task"], seminar["type"], seminar["country"]) == (
        2,
        "Seminar or event",
        "Kenya",
    )
    assert (seminar["sectors"], seminar["themes"]) == ("Floriculture", "Gender; Living wage")
    assert (
        seminar["companies reached"],
        seminar["women"],
        seminar["men"],
        seminar["other/unknown"],
    ) == (
        12,
        18,
        14,
        1,
    )
    assert seminar["partners"] == "Kenya Flower Council"
    assert seminar["post"] == "Embassy Testland"
    dialogue = by_title["Dialoog met het ministerie van Arbeid over vakbondsvrijheid"]
    assert dialogue["start date"] == datetime(2025, 5, 12)  # typed as '12 mei 2025'
    assert dialogue["core task"] == 5
    newsletter = by_title["Nieuwsbrief: CSDDD stand van zaken"]
    assert newsletter["companies reached"] == 1250  # typed as '1.250'
    assert newsletter["description"] == "Verstuurd aan 1.250 abonnees"
    advice = by_title["Adviesgesprek kinderarbeid in de koffieketen"]
    assert (advice["start date"], advice["type"]) == (datetime(2025, 6, 3), "Company advice")
