"""Journey with the keyboard alone: an officer logs an activity, records an IMVO request and
answers a step of its checklist, then starts a survey response and answers a few questions.
Only key presses reach the window (no mouse event, no button clicked in code); what was filed
is read back from the post's database: what the journey made, found by what it typed, beside
whatever the post held before (POSTKIT_JOURNEY_DATA)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from postkit.core.activities.service import get_activity
from postkit.core.db import Database
from postkit.core.screening.records import Answer
from postkit.core.screening.service import get_request
from postkit.core.surveys.service import get_response, open_drafts
from postkit.ui.activities.editor import ActivityDialog
from postkit.ui.main_window import MainWindow
from postkit.ui.surveys.dialogs import StartResponseDialog
from tests.journeys.conftest import EventLoopWatch, answering

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TITLE = "Round table on living wage with flower growers"
COMPANY = "Keyboard Flowers B.V."
NOTE = "Checked in the trade register on the phone"


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def _key(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(_focus(), key, modifiers)


def _type(text: str) -> None:
    QTest.keyClicks(_focus(), text)


def _back_in(qtbot: QtBot, window: MainWindow) -> None:
    """After a dialog closed the window is active again (the window manager's part offscreen)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def _start_anonymously(dialog: QWidget) -> None:
    """The start dialog by keys: Alt+A for anonymous, Enter starts."""
    assert isinstance(dialog, StartResponseDialog)
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_A, ALT)
    assert dialog.anonymous.isChecked()
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)


def _row_of(window: MainWindow, watch: EventLoopWatch, title: str) -> int | None:
    """The activity list's row with `title` (reading the rows is the test's own work)."""
    model = window.activities_page.model
    for _ in range(2):  # rows past the first page are read when first asked for
        assert window.runner.wait_idle()
        with watch.paused():
            titles = [model.index(row, 2).data() for row in range(model.rowCount())]
        if None not in titles:
            break
    return titles.index(title) if title in titles else None


def _tab(times: int = 1) -> None:
    for _ in range(times):
        _key(Qt.Key.Key_Tab)


def test_log_screen_and_survey_with_the_keyboard_alone(
    qtbot: QtBot, main_window: MainWindow, database: Database, event_loop_watch: EventLoopWatch
) -> None:
    window = main_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    page = window.activities_page
    assert window.runner.wait_idle()
    before = page.model.rowCount()
    assert _row_of(window, event_loop_watch, TITLE) is None

    # Log an activity: Ctrl+N, the title, Shift+Tab to the core task, Enter saves.
    _key(Qt.Key.Key_N, CTRL)
    editor = window.modules["activities"].editor
    assert isinstance(editor, ActivityDialog)
    qtbot.waitUntil(lambda: _focus() is editor.title_edit)
    _type(TITLE)
    _key(Qt.Key.Key_Tab, SHIFT)
    assert _focus() is editor.core_task
    _type("2")
    _tab(4)
    assert _focus() is editor.activity_type
    _type("Seminar")
    activity_type = editor.activity_type.currentData()
    _key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible())
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1)
    _back_in(qtbot, window)
    row = _row_of(window, event_loop_watch, TITLE)
    assert row is not None
    with database.session() as session, event_loop_watch.paused():
        activity = get_activity(session, page.model.id_at(row))
    assert (activity.data.title, activity.data.core_task) == (TITLE, 2)
    assert activity.data.activity_type == activity_type == "seminar_event"

    # Record an IMVO request: Ctrl+3, Ctrl+Shift+N, the fields in Tab order, Enter.
    _key(Qt.Key.Key_3, CTRL)
    screening = window.screening_page
    qtbot.waitUntil(screening.isVisible)
    _key(Qt.Key.Key_N, CTRL | SHIFT)
    qtbot.waitUntil(lambda: screening.dialog is not None and screening.dialog.isVisible())
    dialog = screening.dialog
    qtbot.waitUntil(lambda: _focus() is dialog.company_name)
    _type(COMPANY)
    _tab()
    _type("90001234")
    _tab(3)
    assert _focus() is dialog.directors
    _type("Jan Bakker")
    _tab()
    _type("45")
    _tab(3)
    assert _focus() is dialog.support_kind
    _type("Place")
    kind = dialog.support_kind.currentData()
    assert kind == "trade_mission"
    _key(Qt.Key.Key_Return)
    # The page shows the request just recorded (on a post with requests, another was shown).
    qtbot.waitUntil(
        lambda: (
            screening.current_record is not None
            and screening.current_record.data.company_name == COMPANY
        )
    )
    _back_in(qtbot, window)
    record_id = screening.current_record.id

    # Its checklist: Alt+K opens the tab, 1 answers the step shown "yes", Alt+Right goes on.
    _key(Qt.Key.Key_K, ALT)
    checklist = screening.checklist
    qtbot.waitUntil(checklist.isVisible)
    first = checklist.current_step
    assert first.isAncestorOf(_focus()), "the keyboard is on the step shown"
    _key(Qt.Key.Key_1)
    assert first.chosen_answer() is Answer.YES
    _tab()
    assert _focus() is first.note
    _type(NOTE)
    _key(Qt.Key.Key_Right, ALT)
    qtbot.waitUntil(lambda: checklist.current_step is not first)
    qtbot.waitUntil(lambda: window.runner.is_idle)  # the answer is stored off the GUI thread
    with database.session() as session, event_loop_watch.paused():
        request = get_request(session, record_id)
    assert (request.data.company_name, request.data.kvk_number) == (COMPANY, "90001234")
    assert request.data.support_kind == kind
    assert request.answers[first.item.code].answer is Answer.YES
    assert request.answers[first.item.code].note == NOTE

    # A survey response: Ctrl+5, Tab to the list of surveys, Alt+S starts one.
    _key(Qt.Key.Key_5, CTRL)
    surveys = window.surveys_page
    qtbot.waitUntil(surveys.isVisible)
    qtbot.waitUntil(lambda: surveys.selected_form() is not None)
    form_pk = surveys.selected_form().id
    with database.session() as session, event_loop_watch.paused():
        drafts_before = {draft.id for draft in open_drafts(session, form_pk)}
    with answering(qtbot, _start_anonymously):
        _key(Qt.Key.Key_T, ALT)
    window.runner.wait_idle()  # the response starts off the GUI thread
    view = surveys.view
    assert view is not None
    _back_in(qtbot, window)
    # A button's Alt+letter presses it as a click that takes a moment to show.
    _key(Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: view.current_page() == 1)
    # About you: Tab past the language and Close to the first role, Down and Space pick the
    # next one,
    # Tab to the years, Tab to the business activity, Space picks it; Alt+C saves and closes.
    _tab(2)
    assert isinstance(_focus(), QRadioButton)
    _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Space)
    role = _focus()
    assert isinstance(role, QRadioButton) and role.isChecked()
    _tab()
    assert isinstance(_focus(), QLineEdit)
    _type("4")
    _tab()
    activity = _focus()
    assert isinstance(activity, QRadioButton)
    _key(Qt.Key.Key_Space)
    assert activity.isChecked()
    assert (role.text(), activity.text()) == ("Deputy head of mission", "Low")
    assert surveys.selected_form().id == form_pk
    _key(Qt.Key.Key_C, ALT)
    qtbot.waitUntil(lambda: surveys.view is None)
    window.runner.wait_idle()  # the draft is saved off the GUI thread
    with database.session() as session, event_loop_watch.paused():
        (draft,) = [d for d in open_drafts(session, form_pk) if d.id not in drafts_before]
        answers = get_response(session, draft.id).answers
    assert {name: answers.get(name) for name in ("role", "years_imvo", "business_activity")} == {
        "role": "deputy",
        "years_imvo": 4,
        "business_activity": "low",
    }
