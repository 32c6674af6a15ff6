"""Journey: a practice promoted from an activity travels to a second post and back.

Embassy Testland promotes an activity to a good practice, completes it in the editor and
exports it; Embassy Lima imports it, edits it and exports it back; meanwhile Testland edited
it too, so importing Lima's file shows the conflict, and the officer resolves it. Then what was
filed (the practice at both posts and both exchange files) is read against what was typed, and
the colleague's name, e-mail address and phone number never left Testland.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.db import Database
from postkit.core.db.database import connect
from postkit.core.practices.records import PUBLISHED, PracticeRecord
from postkit.core.practices.service import get_practice_by_uuid, list_practices
from postkit.core.profile import PostProfile, save_profile
from postkit.ui.main_window import MainWindow
from postkit.ui.practices.editor import PracticeDialog
from postkit.ui.practices.page import PracticesPage
from postkit.ui.practices.sharing import ConflictDialog, ExportDialog, ImportSummaryDialog
from tests.conftest import TEST_PROFILE
from tests.journeys.conftest import (
    EventLoopWatch,
    answering,
    click_button,
    menu_command,
    open_main_window,
    pick_files,
    type_file_name,
)

LIMA = PostProfile("Embassy Lima", ("PE",), "Lucía Quispe")
ACTIVITY_TITLE = "Due diligence clinic for Dutch flower growers in Naivasha"
ACTIVITY_DESCRIPTION = "Twelve growers worked through the OECD steps with a local union."
ACTIVITY_OUTCOME = "Five growers mapped their labour risks within a month."

SUMMARY = "A half-day clinic where growers mapped their own labour risks with a union."
CONTEXT = "Growers asked the post for help; call the trade desk on +254 20 4288 000 first."
LESSONS = "- Invite the union from the start\n- Ask Wanjiru Kamau for the growers' list"
CONTACT = "Wanjiru Kamau, trade adviser, wanjiru.kamau@minbuza.nl"
WHAT_DID_NOT = "Attendance dropped during the rainy season."

LIMA_SUMMARY = (
    "A half-day clinic on labour risks, run with a union; repeated in Lima for asparagus."
)
LIMA_LESSON = "- Translate the OECD steps into Spanish beforehand"


@pytest.fixture
def lima_database(template_database: Path, tmp_path: Path) -> Iterator[Database]:
    """The second post's own database, with its own profile."""
    path = tmp_path / "lima" / "postkit.sqlite3"
    path.parent.mkdir()
    shutil.copy(template_database, path)
    database = connect(path)
    with database.session() as session:
        save_profile(session, LIMA)
    yield database
    database.dispose()


def _seed_activity(database: Database) -> None:
    """Setup, before the window opens: the activity the officer will promote."""
    with database.session() as session:
        create_activity(
            session,
            ActivityInput(
                core_task=3,
                title=ACTIVITY_TITLE,
                start_date=date(2026, 3, 12),
                activity_type="training",
                description=ACTIVITY_DESCRIPTION,
                country="KE",
                sectors=("floriculture",),
                themes=("due_diligence", "freedom_of_association"),
                outcome=ACTIVITY_OUTCOME,
                post_name=TEST_PROFILE.post_name,
            ),
            TEST_PROFILE.user_name,
        )


def _type_into(qtbot: QtBot, edit: QPlainTextEdit, text: str, *, replace: bool) -> None:
    """Type `text` as keys (Return between lines), replacing the box's text or after it."""
    edit.setFocus()
    if replace:
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
    else:
        edit.moveCursor(QTextCursor.MoveOperation.End)
    for index, line in enumerate(text.split("\n")):
        if index:
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.keyClicks(edit, line)


def _editor(qtbot: QtBot, page: PracticesPage) -> PracticeDialog:
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
    assert page.editor is not None
    return page.editor


def _save(qtbot: QtBot, page: PracticesPage, dialog: PracticeDialog) -> None:
    assert dialog.ok_button.isEnabled(), dialog.error_label.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor is None)
    page.runner.wait_idle()  # saved and shown in the list


def _open_card(qtbot: QtBot, window: MainWindow, title: str) -> PracticesPage:
    """Go to Good practices and open the practice titled `title` by double-clicking its card
    (the post may have others)."""
    window.show_module("practices")
    page = window.practices_page
    page.show_library()
    page.runner.wait_idle()
    rows = [row for row in range(page.model.rowCount()) if page.model.row_at(row).title == title]
    assert len(rows) == 1, f"{len(rows)} cards titled {title!r}"
    index = page.model.index(rows[0], 0)
    page.cards.scrollTo(index)  # as a person scrolls to it
    rect = page.cards.visualRect(index)
    qtbot.mouseClick(page.cards.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.cards.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.is_reading)
    return page


def _export(qtbot: QtBot, window: MainWindow, path: Path, seen: dict[str, object]) -> None:
    """Practices ▸ Export the selected practice, personal data left out, to `path`."""

    def export_dialog(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportDialog)
        assert dialog.selected_button.isChecked()
        assert not dialog.keep_personal_data.isChecked()
        seen["left out"] = dialog.removal_lines()
        click_button("Export…")(dialog)

    page = window.practices_page
    with answering(qtbot, export_dialog, type_file_name(path)):
        menu_command(window, "Practices", "Export good practices…")
    qtbot.waitUntil(lambda: page.job is None and page.last_export is not None, timeout=15000)
    page.runner.wait_idle()
    assert page.last_export == (path, 1)


def _import(qtbot: QtBot, window: MainWindow, path: Path, *then: object) -> list[str]:
    """Practices ▸ Import `path`; returns the summary dialog's headline and sections."""
    shown: list[str] = []

    def summary(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportSummaryDialog)
        shown.extend([dialog.headline.text(), dialog.details.text()])
        button = "Resolve conflicts…" if dialog.resolve_button is not None else "Close"
        click_button(button)(dialog)

    with answering(qtbot, pick_files([path]), summary, *then, timeout_ms=15000):  # type: ignore[arg-type]
        menu_command(window, "Practices", "Import good practices…")
    qtbot.waitUntil(lambda: window.practices_page.job is None)
    window.runner.wait_idle()
    return shown


def _exported(path: Path) -> tuple[dict[str, object], list[dict[str, object]]]:
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        practices = json.loads(archive.read("practices.json"))
    return manifest, practices


def _stored(database: Database, uuid: str) -> PracticeRecord:
    with database.session() as session:
        return get_practice_by_uuid(session, uuid)


def _personal_data_in(text: str) -> list[str]:
    return [
        found
        for found in ("Wanjiru", "Kamau", "minbuza.nl", "4288", TEST_PROFILE.user_name)
        if found in text
    ]


def test_a_promoted_practice_goes_to_another_post_and_comes_back_with_the_conflict_shown(
    qtbot: QtBot,
    database: Database,
    lima_database: Database,
    journey_settings: QSettings,
    event_loop_watch: EventLoopWatch,
    tmp_path: Path,
) -> None:
    _seed_activity(database)
    with database.session() as session:  # what the post had before (POSTKIT_JOURNEY_DATA)
        practices_before = len(list_practices(session))
    testland = open_main_window(qtbot, database, journey_settings)
    lima_settings = QSettings(str(tmp_path / "lima-settings.ini"), QSettings.Format.IniFormat)
    lima = open_main_window(qtbot, lima_database, lima_settings, profile=LIMA)
    seen: dict[str, object] = {}

    # Testland: select the activity in the log and promote it.
    testland.activateWindow()
    testland.show_module("activities")
    table = testland.activities_page.table
    model = testland.activities_page.model
    for _ in range(2):  # rows past the first page are read when first asked for
        testland.runner.wait_idle()
        with event_loop_watch.paused():  # reading every row is the test's own work
            titles = [model.index(row, 2).data() for row in range(model.rowCount())]
        if None not in titles:
            break
    index = model.index(titles.index(ACTIVITY_TITLE), 1)
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    menu_command(testland, "Practices", "Promote to good practice…")
    page = testland.practices_page
    editor = _editor(qtbot, page)
    assert editor.title_edit.text() == ACTIVITY_TITLE
    assert editor.what_was_done.toPlainText() == ACTIVITY_DESCRIPTION
    assert editor.what_worked.toPlainText() == ACTIVITY_OUTCOME
    _type_into(qtbot, editor.summary, SUMMARY, replace=True)
    editor.tabs.setCurrentIndex(1)
    _type_into(qtbot, editor.context, CONTEXT, replace=True)
    _type_into(qtbot, editor.lessons, LESSONS, replace=True)
    editor.tabs.setCurrentIndex(3)
    _type_into(qtbot, editor.contact, CONTACT, replace=True)
    editor.tabs.setCurrentIndex(0)
    editor.status.setFocus()
    editor.status.setCurrentIndex(editor.status.findData(PUBLISHED))
    _save(qtbot, page, editor)
    assert page.selected_ids(), "the promoted practice stays selected"

    # Testland exports it; the dialog lists the colleague's data it leaves out.
    to_lima = tmp_path / "exchange" / "testland-to-lima.postkit"
    to_lima.parent.mkdir()
    _export(qtbot, testland, to_lima, seen)
    left_out = "\n".join(seen["left out"])  # type: ignore[arg-type]
    for found in ("Wanjiru Kamau", "wanjiru.kamau@minbuza.nl", "+254 20 4288 000"):
        assert found in left_out, f"{found!r} not listed as left out: {left_out}"

    # Lima imports it, edits the summary, adds a lesson and exports it back.
    lima.activateWindow()
    lima.show_module("practices")
    headline, details = _import(qtbot, lima, to_lima)
    assert headline.startswith("1 added"), headline
    assert ACTIVITY_TITLE in details
    lima_page = _open_card(qtbot, lima, ACTIVITY_TITLE)
    assert SUMMARY in lima_page.reader.text.toPlainText()
    qtbot.mouseClick(lima_page.reader.edit_button, Qt.MouseButton.LeftButton)
    editor = _editor(qtbot, lima_page)
    _type_into(qtbot, editor.summary, LIMA_SUMMARY, replace=True)
    editor.tabs.setCurrentIndex(1)
    _type_into(qtbot, editor.lessons, "\n" + LIMA_LESSON, replace=False)
    _save(qtbot, lima_page, editor)
    assert LIMA_SUMMARY in lima_page.reader.text.toPlainText()
    qtbot.keyClick(lima_page.reader.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not lima_page.is_reading)
    to_testland = tmp_path / "exchange" / "lima-to-testland.postkit"
    _export(qtbot, lima, to_testland, seen)

    # Meanwhile Testland wrote down what did not work.
    testland.activateWindow()
    page = _open_card(qtbot, testland, ACTIVITY_TITLE)
    qtbot.mouseClick(page.reader.edit_button, Qt.MouseButton.LeftButton)
    editor = _editor(qtbot, page)
    editor.tabs.setCurrentIndex(1)
    _type_into(qtbot, editor.what_did_not, WHAT_DID_NOT, replace=True)
    _save(qtbot, page, editor)
    qtbot.keyClick(page.reader.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.is_reading)

    # Testland imports Lima's file: the conflict is shown, field by field, and the officer
    # takes Lima's version.
    conflict: dict[str, tuple[str, str]] = {}

    def take_theirs(dialog: QWidget) -> None:
        assert isinstance(dialog, ConflictDialog)
        assert any(
            "edited here and at Embassy Lima" in label.text()
            for label in dialog.findChildren(QLabel)
        )
        for name, (ours, theirs) in dialog.cells.items():
            conflict[name] = (ours.text(), theirs.text())
        conflict["changed"] = tuple(dialog.changed)  # type: ignore[assignment]
        click_button("Take theirs")(dialog)

    headline, details = _import(qtbot, testland, to_testland, take_theirs)
    assert "1 in conflict" in headline, headline
    assert "In conflict: edited here and at the other post" in details
    qtbot.waitUntil(lambda: page.conflict_dialog is None)
    testland.runner.wait_idle()
    assert page.conflicts_pending == 0
    assert not page.resolve_button.isVisible()
    assert conflict["Summary"] == (SUMMARY, LIMA_SUMMARY)
    assert conflict["What did not work"] == (WHAT_DID_NOT, "—")
    assert LIMA_LESSON in conflict["Lessons for other posts"][1]
    # The officer sees what taking Lima's version files: Lima changed neither the contact nor
    # the context, so this post's own text stays and is not shown as a difference.
    assert conflict["Contact"] == (CONTACT, CONTACT)
    assert conflict["Context"] == (CONTEXT, CONTEXT)
    assert set(conflict["changed"]) == {"Summary", "What did not work", "Lessons for other posts"}

    # Having taken Lima's version, the officer types this post's own addition in again.
    page = _open_card(qtbot, testland, ACTIVITY_TITLE)
    qtbot.mouseClick(page.reader.edit_button, Qt.MouseButton.LeftButton)
    editor = _editor(qtbot, page)
    editor.tabs.setCurrentIndex(1)
    _type_into(qtbot, editor.what_did_not, WHAT_DID_NOT, replace=True)
    _save(qtbot, page, editor)
    shown = page.reader.text.toPlainText()

    # What was filed, against what was typed.
    with event_loop_watch.paused():
        _manifest, practices = _exported(to_lima)
        assert len(practices) == 1
        sent = practices[0]
        uuid = str(sent["uuid"])
        at_testland = _stored(database, uuid)
        at_lima = _stored(lima_database, uuid)
        back_manifest, back = _exported(to_testland)
    assert _manifest["exporting_post"] == TEST_PROFILE.post_name
    assert sent["title"] == ACTIVITY_TITLE
    assert sent["summary"] == SUMMARY
    assert sent["what_was_done"] == ACTIVITY_DESCRIPTION
    assert sent["status"] == PUBLISHED
    assert sent["created_by"] == sent["updated_by"] == TEST_PROFILE.post_name
    assert sent["contact"] == "[removed]"
    assert _personal_data_in(json.dumps(sent, ensure_ascii=False)) == []

    assert at_lima.data.summary == LIMA_SUMMARY
    assert at_lima.data.lessons.endswith(LIMA_LESSON)
    assert _personal_data_in(repr(at_lima)) == []
    assert back_manifest["exporting_post"] == LIMA.post_name
    assert back[0]["summary"] == LIMA_SUMMARY
    assert back[0]["created_by"] == TEST_PROFILE.post_name, "made at Testland, not at Lima"
    assert back[0]["updated_by"] == LIMA.post_name
    # Lima's officer was told of the one person in it: Lima's own user, nothing else.
    assert len(seen["left out"]) == 1  # type: ignore[arg-type]
    assert LIMA.user_name in seen["left out"][0]  # type: ignore[index]
    assert LIMA.user_name not in json.dumps(back, ensure_ascii=False)

    filed = at_testland.data
    assert filed.title == ACTIVITY_TITLE
    assert filed.summary == LIMA_SUMMARY
    assert filed.context == CONTEXT
    assert filed.contact == CONTACT
    assert filed.what_was_done == ACTIVITY_DESCRIPTION
    assert filed.what_worked == ACTIVITY_OUTCOME
    assert filed.what_did_not == WHAT_DID_NOT
    assert filed.lessons == LESSONS + "\n" + LIMA_LESSON
    assert filed.status == PUBLISHED
    assert filed.core_tasks == (3,)
    assert filed.country == "KE"
    assert filed.year == 2026
    assert filed.post_name == TEST_PROFILE.post_name
    assert filed.sectors == ("floriculture",)
    assert filed.themes == ("due_diligence", "freedom_of_association")
    assert at_testland.updated_by == TEST_PROFILE.user_name
    for typed in (LIMA_SUMMARY, WHAT_DID_NOT, "Ask Wanjiru Kamau for the growers' list"):
        assert typed in shown
    with database.session() as session:
        assert len(list_practices(session)) == practices_before + 1
    for window in (testland, lima):
        if window.practices_page.job is not None:
            window.practices_page.job.wait()
