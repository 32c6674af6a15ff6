from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.ui.main_window import MainWindow
from postkit.ui.ops import Runner
from postkit.ui.settings import Settings
from tests.closed_windows import destroy_closed_windows
from tests.conftest import TEST_PROFILE

_collect = gc.collect  # the real one, kept: a test of the app's collector patches gc.collect


@pytest.fixture(autouse=True)
def _collecting_on_the_gui_thread_only() -> Iterator[None]:
    """No collection while the test runs, one on this (the GUI) thread after it, as the app
    collects (postkit/ui/collection.py): left automatic, the collector ran on a runner's
    database thread and destroyed a reference cycle holding a Qt object there, which
    crashed the test run (a segmentation fault in `activity_values`, on a fresh clone).
    What the test made is young: the two young generations hold it (0.4 s over the 496 UI
    tests, where a full collection after each took 150 ms)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        _collect(1)
        if was_enabled:
            gc.enable()


@pytest.fixture(autouse=True)
def _no_window_left_alive() -> Iterator[None]:
    """The windows a test closed are destroyed when it ends, not in the next test (where an
    earlier window's page preloader answered for the new window's)."""
    yield
    destroy_closed_windows()


@pytest.fixture(autouse=True)
def _no_dialog_left_open() -> Iterator[None]:
    """Close a modal dialog a test left open: the app builds hidden parts of a page only
    while no dialog is open (widgets/later.py), so one left open by an earlier test held
    the next one's checklist back for ever."""
    yield
    for _ in range(10):
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        dialog.close()
        if dialog.isVisible():
            dialog.hide()


@pytest.fixture
def settings_store(tmp_path: Path) -> QSettings:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("ui/language", "en")
    return store


@pytest.fixture
def runner(qtbot: QtBot, database: Database) -> Iterator[Runner]:
    """The database runner a page takes (the window makes its own), stopped after the test."""
    database_runner = Runner(database)
    yield database_runner
    database_runner.close()


@pytest.fixture
def window(qtbot: QtBot, database: Database, settings_store: QSettings) -> Iterator[MainWindow]:
    main_window = MainWindow(Settings(settings_store))
    main_window.attach(database, TEST_PROFILE)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    yield main_window
    if main_window.runner is not None:
        main_window.runner.wait_idle()
