"""Journey: the post writes its annual return for headquarters.

The post's log holds last year's activities. The officer chooses File ▸ Write annual return…,
picks the year, writes the narrative (results, obstacles, plans), and saves the file. What was
filed is read back with openpyxl and with headquarters' reader: the figures of the log, the
narrative as typed, no user name. The next time, the narrative typed before is offered again
and the file dialog opens where the last return went.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.db import Database
from postkit.core.returns.format import read_return
from postkit.core.returns.service import write_return
from postkit.ui.main_window import MainWindow
from tests.journeys.conftest import (
    EventLoopWatch,
    answering,
    choose_item,
    click_button,
    menu_command,
    open_main_window,
)

YEAR = date.today().year - 1
RESULTS = "Two round tables on living wages; a risk scan of the flower sector."
OBSTACLES = "Elections slowed the dialogue with the ministry."


def _log(database: Database) -> None:
    """Last year's log: three activities done under core task 2, one planned under task 5."""
    with database.session() as session:
        for month, task, status in (
            (2, 2, "done"),
            (5, 2, "done"),
            (8, 2, "done"),
            (11, 5, "planned"),
        ):
            data = ActivityInput(
                task,
                f"Round table {month}",
                date(YEAR, month, 3),
                "meeting",
                unnamed_companies=4,
                participants_women=5,
                participants_men=3,
                status=status,
            )
            create_activity(session, data, "Tess Tester")


def write_narrative(results: str, obstacles: str, seen: list[str]) -> object:
    """A handler that records the narrative offered, types results and obstacles, clicks Next."""

    def handler(dialog: QWidget) -> None:
        boxes = {box.objectName(): box for box in dialog.findChildren(QPlainTextEdit)}
        seen.append(boxes["narrative-results"].toPlainText())
        for name, text in (("narrative-results", results), ("narrative-obstacles", obstacles)):
            boxes[name].clear()
            QTest.keyClicks(boxes[name], text)
        click_button("Next…")(dialog)

    return handler


def save_in_folder_offered(name: str, offered: list[Path]) -> object:
    """A handler that notes the folder the file dialog opens in, then saves as `name` there."""

    def handler(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        offered.append(Path(dialog.directory().absolutePath()))
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None
        edit.setText(name)
        QTest.keyClick(edit, Qt.Key.Key_Return)

    return handler


def _write(qtbot: QtBot, window: MainWindow, handlers: list[object]) -> None:
    commands = window.modules["activities"].commands
    with answering(qtbot, *handlers):  # type: ignore[arg-type]
        menu_command(window, "File", "Write annual return…")
    qtbot.waitUntil(lambda: commands.job is None and window.runner.is_idle, timeout=30000)


def _year_rows(database: Database, path: Path) -> dict[int, tuple[int, ...]]:
    """Each core task's year row of a return written by the core before the journey."""
    with database.session() as session:
        write_return(session, YEAR, path)
    rows = openpyxl.load_workbook(path)["core_tasks"].iter_rows(min_row=2, values_only=True)
    return {int(row[0]): tuple(row[2:]) for row in rows if row[1] == "year"}


def _grown(row: tuple[object, ...], before: dict[int, tuple[int, ...]]) -> tuple[int, ...]:
    return tuple(int(now) - was for now, was in zip(row[2:], before[int(row[0])], strict=True))


def test_the_post_writes_its_annual_return(
    qtbot: QtBot,
    database: Database,
    journey_settings,  # type: ignore[no-untyped-def]
    event_loop_watch: EventLoopWatch,
    tmp_path: Path,
) -> None:
    # On a post with activities already (POSTKIT_JOURNEY_DATA) the figures grow by what the
    # journey logs: the year as it stood before is the baseline.
    with event_loop_watch.paused():  # the test's own baseline, before the app opens
        before = _year_rows(database, tmp_path / "before.xlsx")
        _log(database)
    window = open_main_window(qtbot, database, journey_settings)
    folder = tmp_path / "to-hq"
    folder.mkdir()
    out = folder / "return.xlsx"
    seen: list[str] = []
    _write(
        qtbot,
        window,
        [
            choose_item(str(YEAR)),
            write_narrative(RESULTS, OBSTACLES, seen),
            save_in_folder_offered(str(out), []),
        ],
    )
    qtbot.waitUntil(out.exists, timeout=30000)
    assert "Annual return written to" in window.statusBar().currentMessage()

    with event_loop_watch.paused():
        workbook = openpyxl.load_workbook(out)
        rows = list(workbook["core_tasks"].iter_rows(min_row=2, values_only=True))
        task_2 = _grown(next(row for row in rows if row[:2] == (2, "year")), before)
        task_5 = _grown(next(row for row in rows if row[:2] == (5, "year")), before)
        assert task_2 == (3, 0, 0, 12, 0, 12, 15, 9, 0)
        assert task_5[:3] == (0, 1, 0)
        narrative = dict(workbook["narrative"].iter_rows(min_row=2, values_only=True))
        assert narrative == {"results": RESULTS, "obstacles": OBSTACLES}
        cells = " ".join(
            str(cell)
            for sheet in workbook
            for row in sheet.iter_rows(values_only=True)
            for cell in row
        )
        assert "Tess" not in cells
        read = read_return(out)
        assert (read.post, read.year) == ("Embassy Testland", YEAR)

    # Again: the narrative typed before is offered, the file dialog opens in the same folder.
    offered: list[Path] = []
    _write(
        qtbot,
        window,
        [
            choose_item(str(YEAR)),
            write_narrative(RESULTS, "", seen),
            save_in_folder_offered("second.xlsx", offered),
        ],
    )
    assert seen == ["", RESULTS]
    assert offered == [folder]
    qtbot.waitUntil((folder / "second.xlsx").exists, timeout=30000)
    assert read_return(folder / "second.xlsx").narrative == {"results": RESULTS}
