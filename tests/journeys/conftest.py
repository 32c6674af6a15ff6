"""What every journey needs: the real main window, dialogs answered through their widgets, and
a watch on how long the GUI thread was kept from its event loop.

A journey drives the window as a person does (keys, clicks, menus) and answers each dialog the
app opens by finding it on screen and using its widgets: a file dialog gets a typed file name,
a message box a clicked button. No service is called in the middle; the test reads what was
filed (PDF text, workbooks) only at the end.
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QSettings,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.profile import PostProfile
from postkit.ui.app import lighten_pyside_import_check
from postkit.ui.collection import pause_collection, resume_collection, stop_collecting_as_app
from postkit.ui.i18n import apply_locale, install_translators
from postkit.ui.main_window import MainWindow
from postkit.ui.settings import Settings
from tests.closed_windows import destroy_closed_windows
from tests.conftest import TEST_PROFILE

# The longest block per journey, printed at the end of the run (a later issue sets a limit).
LONGEST_BLOCKS: dict[str, float] = {}

# POSTKIT_JOURNEY_DATA=10 runs every journey over ten times the demo data (activities, survey
# responses, screened requests) in the post's database; unset, a journey starts from an empty post.
DATA_SCALE_ENV_VAR = "POSTKIT_JOURNEY_DATA"
# POSTKIT_JOURNEY_STALLS=MS samples the GUI thread: where it was whenever its event loop had not
# turned for MS milliseconds (1 means STALL_MS), printed per journey at the end of the run (to
# find what blocks it).
STALLS_ENV_VAR = "POSTKIT_JOURNEY_STALLS"
STALL_MS = 100
SAMPLES_PER_STALL = 6  # one every half threshold while it lasts: where its time goes
# Per journey: (how long the loop had not turned, the GUI thread's stack then).
STALL_STACKS: dict[str, list[tuple[float, str]]] = {}


def data_scale() -> int:
    value = os.environ.get(DATA_SCALE_ENV_VAR, "").strip()
    return int(value) if value else 0


@pytest.fixture(scope="session")
def template_database(template_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The post's database every journey copies; with POSTKIT_JOURNEY_DATA=n, holding n times
    the demo data of the post (seeded once per run, before any watch starts)."""
    scale = data_scale()
    if not scale:
        return template_database
    from sqlalchemy import update

    from postkit.core.activities.demo import seed_demo
    from postkit.core.activities.models import Activity
    from postkit.core.db import open_database
    from postkit.core.demo_seed import DEMO_RESPONDENTS
    from postkit.core.practices.demo import seed_practices_demo
    from postkit.core.screening.demo import seed_screening_demo
    from postkit.core.surveys.demo import seed_survey_demo

    path = tmp_path_factory.mktemp("scaled") / "template.sqlite3"
    shutil.copy(template_database, path)
    database = open_database(path)
    with database.session() as session:
        seed_demo(session, activities=600 * scale)
        # The demo's activities are another post's; the journey's post is to show them.
        session.execute(update(Activity).values(post_name=TEST_PROFILE.post_name))
        session.commit()
        for _ in range(scale):
            seed_screening_demo(session, database.files_dir, actor=TEST_PROFILE.user_name)
        seed_survey_demo(
            session, [TEST_PROFILE.post_name], respondents_per_post=DEMO_RESPONDENTS * scale
        )
        seed_practices_demo(session, database.files_dir)
    database.dispose()
    # The demo's attached files stay beside this template (the copies do not open them).
    return path


class EventLoopWatch:
    """Measures how late a fast timer fires: the longest time the GUI thread was blocked."""

    INTERVAL_MS = 5

    def __init__(self, stall_ms: float = 0) -> None:
        self.longest_ms = 0.0
        # With stall_ms, a watchdog thread notes the GUI thread's stack whenever the loop
        # has not turned for that long (what blocks it; it changes no measurement).
        self.stalls: list[tuple[float, str]] = []
        self.stall_ms = stall_ms
        self._last_turn = time.monotonic()
        self._watching = False
        self._watchdog: threading.Thread | None = None
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._paused = 0

    def start(self) -> None:
        self._clock.start()
        self._timer.start()
        if self.stall_ms:
            self._watching = True
            self._gui_thread = threading.get_ident()
            self._watchdog = threading.Thread(target=self._watch, daemon=True)
            self._watchdog.start()

    def stop(self) -> None:
        self._timer.stop()
        self._watching = False
        if self._watchdog is not None:
            self._watchdog.join()

    def _watch(self) -> None:
        sampled, samples = 0.0, 0  # the turn being sampled; how often so far
        while self._watching:
            time.sleep(self.stall_ms / 2000)
            last = self._last_turn
            blocked_ms = (time.monotonic() - last) * 1000
            if self._paused or blocked_ms < self.stall_ms:
                continue
            if last != sampled:
                sampled, samples = last, 0
            if samples >= SAMPLES_PER_STALL:
                continue
            frame = sys._current_frames().get(self._gui_thread)
            if frame is not None:
                samples += 1
                stack = "".join(traceback.format_stack(frame, limit=14))
                # The GUI thread waits for the interpreter while another thread holds it:
                # what the others were doing is often the cause.
                for ident, other in sys._current_frames().items():
                    if ident not in (self._gui_thread, threading.get_ident()):
                        stack += f"  [another thread {ident}]\n"
                        stack += "".join(traceback.format_stack(other, limit=4))
                self.stalls.append((blocked_ms, stack))

    @contextmanager
    def paused(self) -> Iterator[None]:
        """The test's own work (reading a PDF, say) is not the app blocking its thread; nor
        is collecting the garbage it leaves (an exported workbook read with openpyxl left
        300,000 objects whose collection, later in the journey, measured 113 ms)."""
        self._paused += 1
        try:
            yield
        finally:
            gc.collect()
            self._paused -= 1
            self._clock.restart()
            self._last_turn = time.monotonic()

    def _tick(self) -> None:
        self._last_turn = time.monotonic()
        late = self._clock.restart() - self.INTERVAL_MS
        if not self._paused and late > self.longest_ms:
            self.longest_ms = float(late)


def _collecting_as_the_app_does() -> None:
    """The garbage collector as a freshly started app has it (postkit/ui/collection.py):
    earlier tests' garbage gone, what lives now frozen as start-up's objects are, and the
    pages' code frozen once imported. Nothing is unfrozen after: an unfrozen journey's
    objects once crashed a later collection of the test run."""
    gc.collect()
    pause_collection()
    resume_collection()


# QTest's input functions, and whether each takes a string of keys.
_INPUTS = {
    "keyClick": False, "keyPress": False, "keyRelease": False, "keySequence": False,
    "mouseClick": False, "mouseDClick": False, "mousePress": False, "mouseRelease": False,
    "keyClicks": True,
}  # fmt: skip


def _arriving_as_a_person_types(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each key and click of the test reaches the app after the event loop turned, as a
    person's input does: QTest delivers them in a row, and a journey typing a sentence or
    clicking through a form in one go measured its own run as one long stall of the app.
    What the app does for each input is measured whole."""
    for name, takes_keys in _INPUTS.items():
        send = getattr(QTest, name)
        if takes_keys:

            def each_key(
                widget: QWidget,
                keys: str,
                *args: object,
                _send: Callable[..., None] = send,
                **kwargs: object,
            ) -> None:
                for key in keys:
                    QApplication.processEvents()
                    _send(widget, key, *args, **kwargs)

            monkeypatch.setattr(QTest, name, staticmethod(each_key))
        else:

            def after_a_turn(
                *args: object, _send: Callable[..., None] = send, **kwargs: object
            ) -> None:
                QApplication.processEvents()
                _send(*args, **kwargs)

            monkeypatch.setattr(QTest, name, staticmethod(after_a_turn))


def _stall_threshold() -> float:
    """The stall length POSTKIT_JOURNEY_STALLS asks stacks of (0: none sampled)."""
    value = os.environ.get(STALLS_ENV_VAR, "").strip()
    if not value:
        return 0
    try:
        threshold = float(value)
    except ValueError as error:
        raise pytest.UsageError(f"{STALLS_ENV_VAR}={value!r}: expected a number of ms") from error
    return STALL_MS if threshold == 1 else max(threshold, 0)


@pytest.fixture
def event_loop_watch(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[EventLoopWatch]:
    watch = EventLoopWatch(stall_ms=_stall_threshold())
    _arriving_as_a_person_types(monkeypatch)
    # The last test's main window, destroyed in this journey's first turns, and blocked by
    # each modal dialog it opened (1,069 widgets alive at the start of the official lists
    # journey), is work the app, with its one window, never does.
    destroy_closed_windows()
    _collecting_as_the_app_does()
    watch.start()
    yield watch
    watch.stop()
    stop_collecting_as_app()
    LONGEST_BLOCKS[request.node.nodeid] = watch.longest_ms
    if watch.stalls:
        STALL_STACKS[request.node.nodeid] = watch.stalls
    request.node.user_properties.append(("gui_thread_longest_block_ms", watch.longest_ms))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not LONGEST_BLOCKS:
        return
    terminalreporter.section("journeys: longest time the GUI thread was blocked")
    for nodeid, longest in sorted(LONGEST_BLOCKS.items()):
        terminalreporter.write_line(f"{longest:8.0f} ms  {nodeid}")
    threshold = _stall_threshold()  # one for the run
    for nodeid, stalls in sorted(STALL_STACKS.items()):
        terminalreporter.section(f"GUI thread stalls ≥ {threshold:.0f} ms: {nodeid}", sep="-")
        for blocked_ms, stack in stalls:
            terminalreporter.write_line(f"-- not turned for {blocked_ms:.0f} ms so far, at:")
            terminalreporter.write_line(stack)


@pytest.fixture
def journey_settings(tmp_path: Path) -> QSettings:
    store = QSettings(str(tmp_path / "journey-settings.ini"), QSettings.Format.IniFormat)
    store.setValue("ui/language", "en")
    return store


def open_main_window(
    qtbot: QtBot,
    database: Database,
    store: QSettings,
    language: str = "en",
    profile: PostProfile = TEST_PROFILE,
) -> MainWindow:
    """The main window over `database`, as the app shows it at start.

    `profile` names the post (another post's window gets its own database, profile and
    settings). In `language` the app's translators are installed as the app installs them,
    and removed with the window.
    """
    store.setValue("ui/language", language)
    app = QApplication.instance()
    lighten_pyside_import_check()  # as the app does before its window
    translators = install_translators(app, language) if language != "en" else []
    window = MainWindow(Settings(store))
    if translators:
        qtbot.addWidget(window, before_close_func=lambda _w: _remove(app, translators))
    window.attach(database, profile)
    if not translators:
        qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # As a person waits for the list to appear: pages read the database off the GUI thread.
    runner = getattr(window, "runner", None)
    if runner is not None:
        assert runner.wait_idle()
    return window


def _remove(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    apply_locale("en")


@pytest.fixture
def main_window(
    qtbot: QtBot,
    database: Database,
    journey_settings: QSettings,
    event_loop_watch: EventLoopWatch,
) -> Iterator[MainWindow]:
    """The real main window over a new post's database (profile: the test post)."""
    window = open_main_window(qtbot, database, journey_settings)
    yield window
    if window.runner is not None:
        window.runner.wait_idle()


def menu_command(window: QMainWindow, menu: str, command: str) -> None:
    """Choose `command` in the menu bar's `menu`, as a click on the menu item does (mnemonic
    '&' and a trailing '…' ignored); fail when it is missing or disabled."""

    def plain(text: str) -> str:
        return text.replace("&", "").removesuffix("…").strip()

    for top in window.menuBar().actions():
        if plain(top.text()) != plain(menu) or top.menu() is None:
            continue
        for action in top.menu().actions():
            if plain(action.text()) == plain(command):
                assert action.isEnabled(), f"{menu} ▸ {command} is disabled"
                action.trigger()
                return
        found = [plain(action.text()) for action in top.menu().actions() if action.text()]
        raise AssertionError(f"no {command!r} in the {menu} menu: {found}")
    raise AssertionError(f"no menu {menu!r}")


# -- answering dialogs through their widgets ---------------------------------------------

DialogHandler = Callable[[QWidget], None]


@contextmanager
def answering(qtbot: QtBot, *handlers: DialogHandler, timeout_ms: int = 10000) -> Iterator[None]:
    """Answer the next modal dialogs, in order, with `handlers`; fail if one never opens.

    Start it before the key or click that opens the dialog: the handlers run from the dialog's
    own event loop, as a person's hands would.
    """
    pending = list(handlers)
    answered: list[QWidget] = []
    errors: list[BaseException] = []

    def poll() -> None:
        if not pending:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible() or dialog in answered:
            return
        answered.append(dialog)
        handler = pending.pop(0)
        try:
            handler(dialog)
        except BaseException as error:  # reported to the test after the dialog closed
            errors.append(error)
            dialog.close()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(poll)
    timer.start()
    try:
        yield
        deadline = time.monotonic() + timeout_ms / 1000
        while pending and time.monotonic() < deadline:
            qtbot.wait(20)
    finally:
        timer.stop()
    if errors:
        raise errors[0]
    assert not pending, f"{len(pending)} expected dialog(s) did not open"


def click_button(text: str) -> DialogHandler:
    """A handler that clicks the dialog's button labelled `text` (mnemonic '&' ignored)."""

    def handler(dialog: QWidget) -> None:
        buttons = dialog.findChildren(QAbstractButton)
        for button in buttons:
            if button.text().replace("&", "") == text and button.isVisible():
                button.click()
                return
        labels = [button.text() for button in buttons if button.isVisible()]
        raise AssertionError(f"no button {text!r} in {type(dialog).__name__}: {labels}")

    return handler


def type_file_name(path: Path) -> DialogHandler:
    """A handler that types `path` into a file dialog and presses Enter."""

    def handler(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), f"expected a file dialog, got {dialog!r}"
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None
        edit.setText(str(path))
        QTest.keyClick(edit, Qt.Key.Key_Return)

    return handler


def pick_files(paths: list[Path]) -> DialogHandler:
    """A handler that selects several files in an open-files dialog."""

    def handler(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), f"expected a file dialog, got {dialog!r}"
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None
        if paths:
            dialog.setDirectory(str(paths[0].parent))
        edit.setText(" ".join(f'"{path.name}"' for path in paths))
        QTest.keyClick(edit, Qt.Key.Key_Return)

    return handler


def choose_folder(path: Path) -> DialogHandler:
    """A handler that goes to folder `path` in a folder dialog and clicks its accept button."""

    def handler(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), f"expected a file dialog, got {dialog!r}"
        dialog.setDirectory(str(path))
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        if edit is not None:
            edit.clear()
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        accept = next(
            button
            for button in box.buttons()
            if box.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole
        )
        accept.click()

    return handler


def choose_item(text: str) -> DialogHandler:
    """A handler that picks `text` in a QInputDialog's list and presses OK."""

    def handler(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog), f"expected an input dialog, got {dialog!r}"
        dialog.setTextValue(text)
        click_button("OK")(dialog)

    return handler


def type_any_script(widget: QWidget, text: str) -> None:
    """Type `text` as a keyboard layout for its script would: key events carrying the text.

    QTest.keyClicks maps each character to a Latin key and aborts on Cyrillic, Arabic or
    Chinese letters; a person typing them sends key events whose text is the letter.
    """
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


def type_text(text: str, button: str = "OK") -> DialogHandler:
    """A handler that types `text` into a dialog's first line edit and clicks `button`."""

    def handler(dialog: QWidget) -> None:
        edit = dialog.findChild(QLineEdit)
        assert edit is not None, f"no line edit in {dialog!r}"
        edit.clear()
        QTest.keyClicks(edit, text)
        click_button(button)(dialog)

    return handler


def type_lines(text: str, button: str = "OK") -> DialogHandler:
    """A handler that types `text` into a dialog's first multi-line box and clicks `button`."""

    def handler(dialog: QWidget) -> None:
        edit = dialog.findChild(QPlainTextEdit)
        assert edit is not None, f"no multi-line box in {dialog!r}"
        edit.clear()
        QTest.keyClicks(edit, text)
        click_button(button)(dialog)

    return handler
