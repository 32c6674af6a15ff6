"""Activity status in the UI: the editor's field, the list's column and filter, and the
follow-up lines an activity plans, with their due date and owner."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from postkit.core.activities.columns import LIST_COLUMNS
from postkit.core.db import Database
from postkit.core.followups.service import follow_ups
from postkit.ui.actions import ActionId
from postkit.ui.main_window import MainWindow
from tests.ui.test_activity_log import _add, _open_new_editor, _settle, _titles

STATUS = [column.name for column in LIST_COLUMNS].index("status")


def test_a_new_activity_dated_ahead_is_planned_until_the_user_picks(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = _open_new_editor(window)
    assert editor.status.currentData() == "done"
    editor.start_date.setDate(QDate.currentDate().addDays(30))
    assert editor.status.currentData() == "planned"
    editor.status.setCurrentIndex(editor.status.findData("cancelled"))
    editor.status.activated.emit(editor.status.currentIndex())
    editor.start_date.setDate(QDate.currentDate().addDays(60))
    assert editor.status.currentData() == "cancelled"
    editor.reject()


def test_status_shows_in_the_list_and_filters_it(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    _add(database, title="Done seminar")
    _add(database, title="Planned mission", status="planned")
    window.activities_page.reload()
    _settle(window)
    page = window.activities_page
    model = page.model
    assert model.headerData(STATUS, Qt.Orientation.Horizontal) == "Status"
    shown = {model.index(row, 2).data(): model.index(row, STATUS).data() for row in range(2)}
    assert shown == {"Done seminar": "Done", "Planned mission": "Planned"}

    page.status.setCurrentIndex(page.status.findData("planned"))
    assert _titles(window) == ["Planned mission"]
    window.actions[ActionId.CLEAR_FILTERS].trigger()
    assert len(_titles(window)) == 2


def test_follow_up_lines_with_a_due_date_become_follow_up_actions(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    editor = _open_new_editor(window)
    editor.core_task.setCurrentIndex(editor.core_task.findData(3))
    qtbot.keyClicks(editor.title_edit, "Matchmaking day")
    editor.tabs.setCurrentIndex(3)
    qtbot.keyClicks(editor.follow_up, "Send the slides")
    qtbot.keyClick(editor.follow_up, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.follow_up, "Thank the hosts")
    table = editor.actions_table
    assert table.isVisibleTo(editor) and table.rowCount() == 2
    due = date.today() + timedelta(days=10)
    qtbot.keyClicks(table.due_edit(0), due.isoformat())
    qtbot.keyClicks(table.owner_edit(0), "Anna")
    assert editor.ok_button.isEnabled()
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    _settle(window)

    with database.session() as session:
        found = follow_ups(session)
    # The line without a due date stays text of the activity only.
    assert [(f.data.kind, f.data.description, f.data.due_on, f.data.owner) for f in found] == [
        ("action", "Send the slides", due, "Anna")
    ]
    assert found[0].source_title == "Matchmaking day"
