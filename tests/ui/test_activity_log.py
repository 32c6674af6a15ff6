from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from postkit.core.activities.demo import seed_demo
from postkit.core.activities.listing import activity_ids, count_activities
from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity, get_activity
from postkit.core.attachments import attachment_path
from postkit.core.db import Database, open_database
from postkit.ui import database_commands as database_commands_module
from postkit.ui.actions import ActionId
from postkit.ui.activities import commands as activity_commands_module
from postkit.ui.activities.editor import ActivityDialog
from postkit.ui.activities.table_model import PAGE_SIZE, ActivityTableModel
from postkit.ui.main_window import MainWindow
from postkit.ui.ops import Runner
from postkit.ui.settings import Settings
from tests.closed_windows import destroy_closed_windows
from tests.conftest import TEST_PROFILE
from tests.ui.threads import functions_of, process_jobs

TRAINING = ActivityInput(
    core_task=1,
    title="Staff training on due diligence",
    start_date=date(2025, 2, 10),
    activity_type="training",
    partners="MVO Nederland",
)


def _add(database: Database, **changes: object) -> int:
    with database.session() as session:
        return create_activity(session, replace(TRAINING, **changes), "Tess").id  # type: ignore[arg-type]


def _settle(window: MainWindow) -> None:
    """Let the runner answer what the last action asked (reads and writes run off the GUI
    thread)."""
    assert window.runner is not None and window.runner.wait_idle()


def _open_new_editor(window: MainWindow) -> ActivityDialog:
    window.actions[ActionId.NEW_ACTIVITY].trigger()
    assert window.modules["activities"].editor is not None
    return window.modules["activities"].editor


def _titles(window: MainWindow) -> list[str]:
    model = window.activities_page.model
    _settle(window)
    titles = [model.index(row, 2).data() for row in range(model.rowCount())]
    if None in titles:  # rows past the first page are read when first asked for
        _settle(window)
        titles = [model.index(row, 2).data() for row in range(model.rowCount())]
    return titles


@pytest.fixture
def runner(qapp: object, database: Database) -> Iterator[Runner]:
    runner = Runner(database)
    yield runner
    runner.close()


def test_logging_a_new_activity_through_the_dialog(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    editor = _open_new_editor(window)
    assert not editor.ok_button.isEnabled()
    editor.core_task.setCurrentIndex(editor.core_task.findData(2))
    assert not editor.ok_button.isEnabled()
    qtbot.keyClicks(editor.title_edit, "Seminar on living wage")
    editor.activity_type.setCurrentIndex(editor.activity_type.findData("seminar_event"))
    editor.themes.set_checked_codes(["living_wage"])
    editor.women.setValue(12)
    editor.men.setValue(8)
    assert editor.participants_total.text() == "20"
    assert editor.ok_button.isEnabled()
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    _settle(window)

    assert _titles(window) == ["Seminar on living wage"]
    with database.session() as session:
        [new_id] = activity_ids(session)
        record = get_activity(session, new_id)
    assert record.data.core_task == 2
    assert record.data.themes == ("living_wage",)
    assert record.data.participants_total == 20
    assert record.data.country == TEST_PROFILE.countries[0]
    assert record.data.post_name == TEST_PROFILE.post_name
    assert record.created_by == TEST_PROFILE.user_name
    assert window.activities_page.selected_ids() == [new_id]
    assert "1 activities" in window.count_label.text()


def test_an_end_date_before_the_start_blocks_saving(window: MainWindow) -> None:
    editor = _open_new_editor(window)
    editor.core_task.setCurrentIndex(0)
    editor.title_edit.setText("Trade mission")
    editor.start_date.setDate(date(2025, 5, 10))
    editor.has_end_date.setChecked(True)
    editor.end_date.setDate(date(2025, 5, 1))
    assert not editor.ok_button.isEnabled()
    assert "end date" in editor.error_label.text()
    editor.end_date.setDate(date(2025, 5, 12))
    assert editor.ok_button.isEnabled()


def test_closing_the_window_over_an_editor_with_a_field_in_focus_checks_nothing(
    qtbot: QtBot, database: Database, settings_store: QSettings
) -> None:
    # Deleted with the window, the title field (in focus) said it was left after the rest of
    # the editor was gone: its check raised in Qt's event loop as the window closed.
    window = MainWindow(Settings(settings_store))
    window.attach(database, TEST_PROFILE)
    window.show()
    qtbot.waitExposed(window)
    editor = _open_new_editor(window)
    editor.activateWindow()
    editor.title_edit.setFocus()
    qtbot.waitUntil(editor.title_edit.hasFocus)
    qtbot.keyClicks(editor.title_edit, "Trade mission")  # edited: leaving it is reported
    window.close()
    window.deleteLater()
    destroy_closed_windows()  # an error a check raises here fails this test (pytest-qt)
    assert not shiboken6.isValid(editor)


def test_editing_then_undo_and_redo(qtbot: QtBot, window: MainWindow, database: Database) -> None:
    activity_id = _add(database)
    window.activities_page.reload()
    _settle(window)
    table = window.activities_page.table
    rect = table.visualRect(window.activities_page.model.index(0, 2))
    # Qt 6 views open a double-clicked row only after the press that selected it.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _settle(window)
    editor = window.modules["activities"].editor
    assert editor is not None and editor.title_edit.text() == TRAINING.title
    editor.title_edit.setText("Training on the OECD Guidelines")
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    _settle(window)
    assert _titles(window) == ["Training on the OECD Guidelines"]

    window.undo_action.trigger()
    _settle(window)
    assert _titles(window) == [TRAINING.title]
    with database.session() as session:
        assert get_activity(session, activity_id).data == replace(
            TRAINING, post_name=TEST_PROFILE.post_name
        )
    window.redo_action.trigger()
    _settle(window)
    assert _titles(window) == ["Training on the OECD Guidelines"]


def test_delete_asks_first_and_can_be_undone(
    qtbot: QtBot, window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = _add(database, title="Keep me")
    gone = _add(database, title="Delete me", start_date=date(2025, 3, 1))
    window.activities_page.reload(select_ids=[gone])
    _settle(window)
    answers: list[str] = []

    def refuse(_parent, _title, text, _action):  # type: ignore[no-untyped-def]
        answers.append(text)
        return False

    monkeypatch.setattr(activity_commands_module, "confirm", refuse)
    window.actions[ActionId.DELETE_ACTIVITIES].trigger()
    assert "undo" in answers[0]
    assert len(_titles(window)) == 2

    monkeypatch.setattr(activity_commands_module, "confirm", lambda *args: True)
    window.activities_page.table.setFocus()
    qtbot.keyClick(window.activities_page.table, Qt.Key.Key_Delete)
    _settle(window)
    assert _titles(window) == ["Keep me"]
    qtbot.keySequence(window, QKeySequence.StandardKey.Undo)
    _settle(window)
    assert sorted(_titles(window)) == ["Delete me", "Keep me"]
    assert window.activities_page.selected_ids() == [gone]
    with database.session() as session:
        assert {keep, gone} == set(activity_ids(session))


def test_duplicate_creates_a_copy(window: MainWindow, database: Database) -> None:
    original = _add(database)
    window.activities_page.reload(select_ids=[original])
    _settle(window)
    window.actions[ActionId.DUPLICATE_ACTIVITY].trigger()
    _settle(window)
    assert sorted(_titles(window)) == [TRAINING.title, TRAINING.title + " (copy)"]
    assert window.activities_page.selected_ids() != [original]


def test_actions_follow_the_selection(window: MainWindow, database: Database) -> None:
    first, second = _add(database), _add(database, title="Second")
    window.activities_page.reload(select_ids=[])
    _settle(window)
    actions = window.actions
    assert not actions[ActionId.EDIT_ACTIVITY].isEnabled()
    assert not actions[ActionId.DELETE_ACTIVITIES].isEnabled()
    window.activities_page.select_ids([first])
    assert actions[ActionId.EDIT_ACTIVITY].isEnabled()
    window.activities_page.select_ids([first, second])
    assert not actions[ActionId.EDIT_ACTIVITY].isEnabled()
    assert actions[ActionId.DELETE_ACTIVITIES].isEnabled()


def test_search_and_filters_narrow_the_list_and_show_an_empty_state(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    _add(database, title="Cocoa seminar", core_task=2, activity_type="seminar_event")
    _add(
        database,
        title="Textile dialogue",
        core_task=5,
        activity_type="stakeholder_dialogue",
        start_date=date(2024, 11, 3),
        themes=("gender",),
    )
    window.activities_page.reload()
    _settle(window)
    page = window.activities_page
    qtbot.keyClicks(page.search, "cocoa")
    assert _titles(window) == ["Cocoa seminar"]
    assert "1 of 2 activities" in window.count_label.text()
    qtbot.keyClicks(page.search, "zzz")
    assert _titles(window) == []
    assert page.stack.currentWidget() is page.empty_label
    assert "No activity matches" in page.empty_label.text()

    window.actions[ActionId.CLEAR_FILTERS].trigger()
    assert len(_titles(window)) == 2
    page.theme.setCurrentIndex(page.theme.findData("gender"))
    assert _titles(window) == ["Textile dialogue"]
    page.theme.setCurrentIndex(0)
    page.year.setCurrentIndex(page.year.findData(2025))
    assert page.quarter.isEnabled()
    page.quarter.setCurrentIndex(page.quarter.findData(1))
    assert _titles(window) == ["Cocoa seminar"]
    page.quarter.setCurrentIndex(page.quarter.findData(2))
    assert _titles(window) == []


def test_an_empty_log_invites_the_first_activity(window: MainWindow) -> None:
    page = window.activities_page
    _settle(window)
    assert page.stack.currentWidget() is page.empty_label
    assert "No activities yet" in page.empty_label.text()


def test_sorting_by_clicking_the_title_header(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    for title in ("bravo", "Alpha", "charlie"):
        _add(database, title=title)
    window.activities_page.reload()
    _settle(window)
    window.activities_page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert _titles(window) == ["Alpha", "bravo", "charlie"]
    window.activities_page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert _titles(window) == ["charlie", "bravo", "Alpha"]


def test_table_model_passes_the_model_tester(
    qtmodeltester, session: Session, runner: Runner
) -> None:  # type: ignore[no-untyped-def]
    seed_demo(session, activities=150, today=date(2025, 6, 1))
    model = ActivityTableModel(runner)
    assert runner.wait_idle()
    qtmodeltester.check(model)  # asks rows past the first page: they arrive as changes
    assert runner.wait_idle()
    qtmodeltester.check(model)


def test_table_model_loads_only_the_rows_it_shows(session: Session, runner: Runner) -> None:
    seed_demo(session, activities=3000, today=date(2025, 6, 1))
    model = ActivityTableModel(runner)
    assert model.rowCount() == 0  # nothing read on the GUI thread
    assert runner.wait_idle()
    assert model.rowCount() == 3000
    assert model.cached_rows == PAGE_SIZE  # the first page comes with the ids
    assert model.index(0, 2).data()
    assert model.index(2500, 2).data() is None  # asked for, read off the GUI thread
    assert runner.wait_idle()
    assert model.index(2500, 2).data()
    assert model.cached_rows == 2 * PAGE_SIZE


def test_attached_file_is_copied_when_saving(
    qtbot: QtBot, window: MainWindow, database: Database, tmp_path: Path
) -> None:
    source = tmp_path / "minutes.docx"
    source.write_bytes(b"minutes of the meeting")
    editor = _open_new_editor(window)
    editor.core_task.setCurrentIndex(2)
    editor.title_edit.setText("Meeting with the NCP")
    editor.add_files([source])
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    _settle(window)
    with database.session() as session:
        [attachment] = get_activity(session, activity_ids(session)[0]).attachments
    source.unlink()
    assert attachment_path(database.files_dir, attachment).read_bytes() == b"minutes of the meeting"


def test_export_from_the_menu_writes_the_filtered_list(
    qtbot: QtBot,
    window: MainWindow,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _add(database, title='=HYPERLINK("http://evil")')
    _add(database, title="Other", core_task=3, activity_type="company_advice")
    window.activities_page.reload()
    _settle(window)
    page = window.activities_page
    page.core_task.setCurrentIndex(page.core_task.findData(1))
    out = tmp_path / "out" / "export"
    out.parent.mkdir()
    commands = window.modules["activities"].commands
    monkeypatch.setattr(commands, "ask_save_path", lambda *args: out)
    jobs = process_jobs(monkeypatch)
    window.actions[ActionId.EXPORT_ACTIVITIES].trigger()
    assert commands.job is not None
    with qtbot.waitSignal(commands.job.finished, timeout=20000):
        pass
    assert functions_of(jobs) == ["export_activities_xlsx"]  # written in a process of its own
    sheet = openpyxl.load_workbook(out.with_suffix(".xlsx")).active
    assert sheet.max_row == 2
    titles = [cell.value for cell in sheet[2]]
    assert '=HYPERLINK("http://evil")' in titles
    assert "Exported 1 activities" in window.statusBar().currentMessage()


def test_annual_report_from_the_menu(
    qtbot: QtBot,
    window: MainWindow,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _add(database)
    out = tmp_path / "report.pdf"
    commands = window.modules["activities"].commands
    monkeypatch.setattr(commands, "ask_report_year", lambda years: 2025 if 2025 in years else 0)
    monkeypatch.setattr(commands, "ask_save_path", lambda *args: out)
    jobs = process_jobs(monkeypatch)
    window.actions[ActionId.ANNUAL_REPORT].trigger()
    qtbot.waitUntil(lambda: commands.job is not None)  # once the years were read
    with qtbot.waitSignal(commands.job.finished, timeout=30000):
        pass
    assert out.read_bytes().startswith(b"%PDF")
    assert functions_of(jobs) == ["write_annual_report"]  # written in a process of its own


def test_window_remembers_size_and_module(
    qtbot: QtBot, database: Database, settings_store: QSettings
) -> None:
    first = MainWindow(Settings(settings_store))
    first.attach(database, TEST_PROFILE)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 600)
    first.show_module("dashboard")
    first.close()
    second = MainWindow(Settings(settings_store))
    qtbot.addWidget(second)
    second.show()
    assert not second.actions[ActionId.NEW_ACTIVITY].isEnabled()
    second.attach(database, TEST_PROFILE)
    second.show()
    assert second.current_module == "dashboard"
    assert second.pages.currentWidget() is second.dashboard_page
    assert (second.width(), second.height()) == (760, 600)


def test_every_action_has_a_tip_and_the_common_ones_have_keys(window: MainWindow) -> None:
    for action_id in ActionId:
        assert window.actions[action_id].statusTip()
    for action_id in (
        ActionId.NEW_ACTIVITY,
        ActionId.DELETE_ACTIVITIES,
        ActionId.FIND,
        ActionId.EXPORT_ACTIVITIES,
    ):
        assert not window.actions[action_id].shortcut().isEmpty()
    listed = dict(window.actions.shortcut_list())
    assert "New activity" in listed


def test_back_up_and_restore_from_the_file_menu(
    window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands = window.modules["database"]
    backup = commands.back_up()
    assert backup is not None and backup.is_file()
    assert "Backup written" in window.statusBar().currentMessage()
    _add(database, title="Logged after the backup")
    monkeypatch.setattr(commands, "ask_backup_file", lambda: backup)
    monkeypatch.setattr(database_commands_module, "confirm", lambda *args: True)
    monkeypatch.setattr(database_commands_module.QMessageBox, "information", lambda *args: None)
    window.actions[ActionId.RESTORE].trigger()
    assert not window.isVisible()
    restored = open_database(commands.database_file)
    with restored.session() as session:
        assert count_activities(session) == 0


def test_the_screening_module_is_one_click_away(window: MainWindow) -> None:
    window.show_module("screening")
    assert window.pages.currentWidget() is window.screening_page
    assert window.current_module == "screening"
    window.actions[ActionId.FIND].trigger()
    window.show_module("activities")
    assert window.pages.currentWidget() is window.activities_page


def test_every_module_opens_from_its_action(window: MainWindow) -> None:
    for action_id, page in (
        (ActionId.SHOW_SCREENING, window.screening_page),
        (ActionId.SHOW_PRACTICES, window.practices_page),
        (ActionId.SHOW_SURVEYS, window.surveys_page),
        (ActionId.SHOW_DASHBOARD, window.dashboard_page),
        (ActionId.SHOW_ACTIVITIES, window.activities_page),
    ):
        window.actions[action_id].trigger()
        assert window.pages.currentWidget() is page


def test_promoting_an_activity_opens_its_good_practice_draft(
    window: MainWindow, database: Database
) -> None:
    from postkit.core.practices.records import PracticeFilter
    from postkit.core.practices.service import list_practices

    activity = _add(database, title="Living wage dialogue with cocoa buyers")
    window.activities_page.reload(select_ids=[activity])
    _settle(window)
    assert window.actions[ActionId.PROMOTE_ACTIVITY].isEnabled()
    window.actions[ActionId.PROMOTE_ACTIVITY].trigger()
    assert window.pages.currentWidget() is window.practices_page
    window.runner.wait_idle()  # the draft is made off the GUI thread
    with database.session() as session:
        titles = [row.title for row in list_practices(session, PracticeFilter())]
    assert titles == ["Living wage dialogue with cocoa buyers"]


def test_headquarters_writes_a_receipt_for_each_post(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from postkit.core.hq.demo_exports import write_demo_exports

    exports = write_demo_exports(tmp_path / "exports", posts=2, responses=3)
    window.actions[ActionId.SHOW_HQ].trigger()
    assert window.pages.currentWidget() is window.hq_page
    window.hq_page.add_paths(exports)
    assert window.actions[ActionId.HQ_AGGREGATE].isEnabled()
    window.actions[ActionId.HQ_AGGREGATE].trigger()
    assert window.hq_page.job is not None
    with qtbot.waitSignal(window.hq_page.job.finished, timeout=30000):
        pass
    receipts = window.modules["hq"].receipts
    monkeypatch.setattr(receipts, "ask_receipts_folder", lambda: tmp_path / "receipts")
    with qtbot.waitSignal(receipts.receipts_written, timeout=20000) as wrote:
        window.actions[ActionId.HQ_WRITE_RECEIPTS].trigger()
    written = wrote.args[0]
    assert len(written) == 2 and all(path.is_file() for path in written)
    assert "2 receipts" in window.statusBar().currentMessage()


def test_the_list_the_count_and_the_dashboard_show_only_the_profiles_post(
    window: MainWindow, database: Database
) -> None:
    _add(database, title="Ours")
    _add(database, title="Theirs", post_name="Ambassade Lima", start_date=date(2024, 3, 1))
    window.activities_page.reload()
    _settle(window)
    window.dashboard_page.refresh()
    _settle(window)
    assert _titles(window) == ["Ours"]
    assert window.count_label.text() == "1 activities"
    window.dashboard_page.set_year(2024)
    _settle(window)
    assert window.dashboard_page.summary is not None
    assert window.dashboard_page.summary.activities == 0
    window.dashboard_page.set_year(2025)
    _settle(window)
    assert window.dashboard_page.summary is not None
    assert window.dashboard_page.summary.activities == 1


def test_opening_the_list_queries_the_ids_once_and_another_order_once_more(
    qtbot: QtBot, runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from postkit.core.activities import listing
    from postkit.ui.activities.list_page import ActivitiesPage

    queries: list[object] = []

    def counted(*args: object, **kwargs: object) -> list[int]:
        queries.append(args)
        return activity_ids(*args, **kwargs)  # type: ignore[arg-type]

    # The model reads them with listing.activity_ids, imported when it asks.
    monkeypatch.setattr(listing, "activity_ids", counted)
    page = ActivitiesPage(runner)
    qtbot.addWidget(page)
    page.show()
    assert runner.wait_idle()
    assert len(queries) == 1, "100,000 ids are not queried again for the order they are in"

    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert runner.wait_idle()
    assert len(queries) == 2
