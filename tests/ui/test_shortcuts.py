"""No key does two things: in every module, on this platform and on the ones emulated here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.db import Database
from postkit.ui import actions as actions_module
from postkit.ui.actions import ActionId
from postkit.ui.main_window import MODULES, MainWindow
from postkit.ui.settings import Settings
from tests.conftest import TEST_PROFILE

ACTIVITY = ActivityInput(
    core_task=1, title="Staff training", start_date=date(2025, 2, 10), activity_type="training"
)
Key = QKeySequence.StandardKey
PORTABLE = QKeySequence.SequenceFormat.PortableText

# Bindings Qt's platform themes add to the standard keys postkit uses (qplatformtheme.cpp's
# table: KB_X11 is set for the GNOME and KDE schemes, KB_Mac on macOS). Offscreen tests run
# with the Windows scheme; these let them see what a Linux desktop or a Mac binds as well.
PLATFORM_EXTRAS: dict[str, dict[Key, tuple[str, ...]]] = {
    "x11": {Key.Delete: ("Ctrl+D",), Key.Quit: ("Ctrl+Q",), Key.Redo: ("Ctrl+Shift+Z",)},
    "mac": {
        Key.Delete: ("Meta+D",),
        Key.Quit: ("Ctrl+Q",),
        Key.Preferences: ("Ctrl+,",),
        Key.Redo: ("Ctrl+Shift+Z",),
    },
}


@pytest.fixture
def window_factory(
    qtbot: QtBot, database: Database, settings_store: QSettings
) -> Iterator[Callable[[], MainWindow]]:
    """Builds the main window over a log with one activity (so row actions can be enabled)."""
    with database.session() as session:
        create_activity(session, ACTIVITY, "Tess")
    built: list[MainWindow] = []

    def build() -> MainWindow:
        window = MainWindow(Settings(settings_store))
        window.attach(database, TEST_PROFILE)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.runner.wait_idle()  # the list's row is read off the GUI thread
        built.append(window)
        return window

    yield build
    for window in built:
        if window.runner is not None:
            window.runner.wait_idle()


def _live_shortcuts(window: MainWindow) -> dict[str, list[str]]:
    """Key → the enabled commands a press of it could reach in the window as it stands."""
    reach: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        if not action.isEnabled() or not action.shortcuts():
            continue
        widgets = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        if not any(w is window or w.isVisible() for w in widgets):
            continue
        for key in action.shortcuts():
            reach[key.toString(PORTABLE)].append(action.text())
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if shortcut.isEnabled() and isinstance(parent, QWidget) and parent.isVisible():
            for key in shortcut.keys():  # noqa: SIM118 (QShortcut.keys, not a dict)
                reach[key.toString(PORTABLE)].append(f"QShortcut on {parent.objectName()}")
    return reach


def _assert_no_key_does_two_things(window: MainWindow) -> None:
    for module in MODULES:
        window.show_module(module)
        if module == "activities":
            # With a row selected, edit, duplicate and delete are all enabled.
            window.activities_page.table.selectRow(0)
            assert window.activities_page.selected_ids(), "a row is selected"
        clashes = {key: names for key, names in _live_shortcuts(window).items() if len(names) > 1}
        assert clashes == {}, f"in {module}"


def test_no_two_enabled_actions_share_a_key_in_any_module(
    window_factory: Callable[[], MainWindow],
) -> None:
    _assert_no_key_does_two_things(window_factory())


@pytest.mark.parametrize("platform", sorted(PLATFORM_EXTRAS))
def test_no_key_is_shared_with_another_platforms_standard_keys(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    platform: str,
    window_factory: Callable[[], MainWindow],
) -> None:
    native = actions_module.platform_key_bindings

    def emulated(key: Key) -> list[QKeySequence]:
        extra = [QKeySequence(text) for text in PLATFORM_EXTRAS[platform].get(key, ())]
        return [*native(key), *extra]

    monkeypatch.setattr(actions_module, "platform_key_bindings", emulated)
    window = window_factory()
    assert window.actions[ActionId.DUPLICATE_ACTIVITY].shortcut().toString(PORTABLE) == "Ctrl+D"
    _assert_no_key_does_two_things(window)


def test_the_shortcut_list_names_one_key_per_command_in_the_users_language(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text, *args: shown.append(text)
    )
    window.actions[ActionId.SHORTCUTS].trigger()
    label = QLabel(shown[0])
    rows = dict(window.actions.shortcut_list())
    assert rows["New activity"] == "Ctrl+N"
    assert rows["User guide"] == "F1"
    assert "," not in "".join(rows.values()).replace("Ctrl+,", "")
    assert "Ctrl+N" in label.text()
