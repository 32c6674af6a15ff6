from __future__ import annotations

import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, event

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.db import Database, open_database
from postkit.core.profile import PostProfile, load_profile
from postkit.ui import dialogs
from postkit.ui.app import Startup, lighten_pyside_import_check
from postkit.ui.main_window import MainWindow
from postkit.ui.profile_dialog import ProfileDialog
from postkit.ui.settings import Settings

TRAINING = ActivityInput(
    core_task=1,
    title="Staff training on due diligence",
    start_date=date(2025, 2, 10),
    activity_type="training",
)


def _window(qtbot: QtBot, settings_store: QSettings) -> MainWindow:
    window = MainWindow(Settings(settings_store))
    qtbot.addWidget(window)
    window.show()
    return window


def test_window_shows_first_and_attaches_the_database_when_open(
    qtbot: QtBot, database: Database, settings_store: QSettings
) -> None:
    window = _window(qtbot, settings_store)
    startup = Startup(window, str(database.engine.url.database), None, False)
    startup.start()
    assert not window.is_attached
    assert window.pages.currentWidget() is window.loading_label
    qtbot.waitUntil(lambda: window.is_attached, timeout=15000)
    assert "Embassy Testland" in window.windowTitle()
    assert window.pages.currentWidget() is window.activities_page


def test_first_run_asks_for_the_profile_and_keeps_it(
    qtbot: QtBot, tmp_path: Path, settings_store: QSettings
) -> None:
    window = _window(qtbot, settings_store)
    path = tmp_path / "first-run.sqlite3"

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ProfileDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.post_name.setText("Embassy Hanoi")
        dialog.user_name.setText("Linh")
        dialog.countries.set_checked_codes(["VN"])
        dialog.ok_button.click()

    QTimer.singleShot(20, answer)
    Startup(window, str(path), None, False).start()
    qtbot.waitUntil(lambda: window.is_attached, timeout=15000)
    with open_database(path).session() as session:
        assert load_profile(session) == PostProfile("Embassy Hanoi", ("VN",), "Linh")


def test_a_database_that_cannot_be_opened_is_reported(
    qtbot: QtBot, tmp_path: Path, settings_store: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    reported: list[BaseException] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, error: reported.append(error))
    window = _window(qtbot, settings_store)
    startup = Startup(window, str(broken), None, False)
    startup.start()
    qtbot.waitUntil(lambda: bool(reported), timeout=15000)
    assert startup.exit_code == 1
    assert "cannot read the database" in str(reported[0])
    assert broken.read_bytes() == b"this is not a database" * 100


def test_start_up_reads_the_database_off_the_gui_thread(
    qtbot: QtBot, database: Database, settings_store: QSettings
) -> None:
    """Profile, users and the first page's rows are all read by workers: the window answers
    input while the database opens."""
    with database.session() as session:
        create_activity(session, TRAINING, "Tess")
    gui = threading.get_ident()
    on_gui: list[str] = []

    def record(_connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.get_ident() == gui:
            on_gui.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        window = _window(qtbot, settings_store)
        Startup(window, str(database.engine.url.database), None, False).start()
        qtbot.waitUntil(lambda: window.is_attached, timeout=15000)
        window.runner.wait_idle()
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    model = window.activities_page.model
    assert model.rowCount() == 1
    assert TRAINING.title in [model.index(0, c).data() for c in range(model.columnCount())]
    assert on_gui == []


def test_the_lighter_pyside_import_check_answers_as_pysides_own() -> None:
    feature = sys.modules["shibokensupport.feature"]
    before = feature._mod_uses_pyside
    # PySide6's own check, also when an earlier test opened a window as the app does.
    own = getattr(before, "upstream", before)
    feature._mod_uses_pyside = own
    lighten_pyside_import_check()
    try:
        lighter = feature._mod_uses_pyside
        assert lighter is not own
        modules = [m for m in list(sys.modules.values()) if m is not None]
        answers = {m.__name__: own(m) for m in modules}
        assert {m.__name__: lighter(m) for m in modules} == answers
        assert answers["postkit.ui.main_window"] and not answers["postkit.core.db.database"]
    finally:
        feature._mod_uses_pyside = before
