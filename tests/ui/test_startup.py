from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from postkit.core.db import Database, open_database
from postkit.core.profile import PostProfile, load_profile
from postkit.ui import dialogs
from postkit.ui.app import Startup
from postkit.ui.main_window import MainWindow
from postkit.ui.profile_dialog import ProfileDialog
from postkit.ui.settings import Settings


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
