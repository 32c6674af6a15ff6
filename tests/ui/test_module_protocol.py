"""The module protocol: each module owns its actions, their enabled-state and its toolbar; a
new module registers a command in one place and the window picks it up everywhere."""

from __future__ import annotations

import threading
from enum import Enum, auto
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.ui.actions import ActionId, Actions, ActionSpec
from postkit.ui.main_window import COMMAND_SETS, MODULES, MainWindow
from postkit.ui.module import Commands, Module, ModuleContext, action
from postkit.ui.settings import Settings
from tests.conftest import TEST_PROFILE


def _menu(window: MainWindow, title: str) -> list[QAction]:
    [menu] = [m.menu() for m in window.menuBar().actions() if m.text() == title]
    return menu.actions()


def test_every_module_action_is_off_until_the_database_is_open(
    qtbot: QtBot, database: Database, settings_store: QSettings
) -> None:
    window = MainWindow(Settings(settings_store))
    qtbot.addWidget(window)
    for commands in window.modules.values():
        for declared in commands.declared():
            always = commands.name == "app" or declared.id is ActionId.PREFERENCES
            assert window.actions[declared.id].isEnabled() == always, declared.id
    window.attach(database, TEST_PROFILE)
    assert window.actions[ActionId.NEW_ACTIVITY].isEnabled()
    assert window.actions[ActionId.NEW_REQUEST].isEnabled()
    window.runner.wait_idle()


def test_screening_enables_its_request_actions_from_the_request_shown(
    window: MainWindow,
) -> None:
    window.show_module("screening")
    assert window.screening_page.current_record is None
    assert window.actions[ActionId.NEW_REQUEST].isEnabled()
    assert not window.actions[ActionId.EDIT_REQUEST].isEnabled()
    assert not window.actions[ActionId.PRINT_DECISION_RECORD].isEnabled()


def test_headquarters_enables_aggregate_once_it_has_files(
    window: MainWindow, tmp_path: Path
) -> None:
    from postkit.core.hq.demo_exports import write_demo_exports

    window.show_module("hq")
    assert not window.actions[ActionId.HQ_AGGREGATE].isEnabled()
    assert not window.actions[ActionId.HQ_SAVE_SUMMARY].isEnabled()
    window.hq_page.add_paths(write_demo_exports(tmp_path, posts=1, responses=1))
    assert window.actions[ActionId.HQ_AGGREGATE].isEnabled()
    assert not window.actions[ActionId.HQ_SAVE_SUMMARY].isEnabled()


def test_promote_is_on_only_with_one_activity_selected_in_the_log(
    window: MainWindow, database: Database
) -> None:
    from datetime import date

    from postkit.core.activities.records import ActivityInput
    from postkit.core.activities.service import create_activity

    with database.session() as session:
        activity = create_activity(
            session,
            ActivityInput(
                core_task=1, title="T", start_date=date(2025, 1, 6), activity_type="training"
            ),
            "Tess",
        ).id
    promote = window.actions[ActionId.PROMOTE_ACTIVITY]
    window.activities_page.reload(select_ids=[])
    assert window.runner.wait_idle()
    assert not promote.isEnabled()
    window.activities_page.select_ids([activity])
    assert window.runner.wait_idle()
    assert promote.isEnabled()
    window.show_module("dashboard")
    assert not promote.isEnabled()


def test_only_the_module_shown_builds_its_page_at_start(
    qtbot: QtBot, database: Database, settings_store: QSettings
) -> None:
    window = MainWindow(Settings(settings_store))
    qtbot.addWidget(window)
    window.attach(database, TEST_PROFILE)
    built = [m.name for m in window.page_modules if m.page is not None]
    assert built == ["activities"]
    window.show_module("screening")
    assert window.modules["screening"].page is window.pages.currentWidget()
    assert window.modules["surveys"].page is None
    window.runner.wait_idle()


def test_an_action_of_a_module_not_yet_shown_builds_its_page_then_runs(
    qtbot: QtBot,
    database: Database,
    settings_store: QSettings,
) -> None:
    sets = (*COMMAND_SETS[:2], FakeModule, *COMMAND_SETS[2:])
    window = MainWindow(Settings(settings_store), command_sets=sets)
    qtbot.addWidget(window)
    window.attach(database, TEST_PROFILE)
    fake = window.modules["fake"]
    assert isinstance(fake, FakeModule)
    assert fake.page is None
    ping = window.actions[FakeAction.PING]
    assert ping.isEnabled()
    ping.trigger()
    assert fake.pings == 1
    assert window.pages.currentWidget() is fake.page
    window.runner.wait_idle()


def test_an_action_its_page_turns_off_does_not_run_when_the_page_is_built(
    qtbot: QtBot,
    database: Database,
    settings_store: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(FakeModule, "allowed_at_build", False, raising=False)
    sets = (*COMMAND_SETS[:2], FakeModule, *COMMAND_SETS[2:])
    window = MainWindow(Settings(settings_store), command_sets=sets)
    qtbot.addWidget(window)
    window.attach(database, TEST_PROFILE)
    fake = window.modules["fake"]
    assert isinstance(fake, FakeModule)
    window.actions[FakeAction.PING].trigger()
    assert fake.page is not None
    assert fake.pings == 0
    assert window.current_module == "activities"
    window.runner.wait_idle()


def test_the_window_takes_exchange_files_before_the_practices_page_is_built(
    window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "other-post.postkit"))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    assert window.modules["practices"].page is None, "a drag alone builds nothing"


def test_headquarters_menu_and_toolbar_follow_its_tab_and_run_the_network_commands(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from postkit.core import reference
    from tests.hq_returns_files import write_network_returns
    from tests.pdf_text import pdf_text

    def toolbar() -> list[ActionId]:
        shown = [a for a in window.toolbar.actions() if not a.isSeparator()]
        return [each for a in shown for each in ActionId if window.actions[each] is a]

    folder = tmp_path / "returns"
    write_network_returns(folder, 2025, reference.posts().posts[:4])
    window.show_module("hq")
    page = window.hq_page
    survey = [ActionId.HQ_ADD_FILES, ActionId.HQ_ADD_FOLDER, ActionId.HQ_AGGREGATE,
              ActionId.HQ_SAVE_SUMMARY, ActionId.HQ_SAVE_REPORT]  # fmt: skip
    network = [ActionId.HQ_READ_RETURNS, ActionId.HQ_SAVE_NETWORK_TABLES,
               ActionId.HQ_SAVE_NETWORK_REPORT]  # fmt: skip
    assert toolbar() == survey
    hq_menu = [a.text() for a in _menu(window, "Head&quarters") if not a.isSeparator()]
    assert "Rea&d annual returns…" in hq_menu and "Save net&work report (PDF)…" in hq_menu
    assert not window.actions[ActionId.HQ_SAVE_NETWORK_REPORT].isEnabled()
    view = page.network_view
    monkeypatch.setattr(view, "ask_folder", lambda: folder)

    window.actions[ActionId.HQ_READ_RETURNS].trigger()  # from the menu, on the survey tab

    assert page.is_network_shown and toolbar() == network
    assert view.job is not None and not window.actions[ActionId.HQ_READ_RETURNS].isEnabled()
    with qtbot.waitSignal(view.job.finished, timeout=60000):
        pass
    qtbot.wait(50)  # the tab's first load, queued as it was shown, starts no job of its own
    assert view.job is None
    assert "returns of <b>4</b> of the 150 posts" in view.totals_label.text()
    assert window.actions[ActionId.HQ_SAVE_NETWORK_REPORT].isEnabled()
    monkeypatch.setattr(view, "ask_save_path", lambda *args: tmp_path / "network.pdf")
    window.actions[ActionId.HQ_SAVE_NETWORK_REPORT].trigger()
    assert view.job is not None
    with qtbot.waitSignal(view.job.finished, timeout=60000):
        pass
    assert "Posts missing (146)" in pdf_text(tmp_path / "network.pdf")

    monkeypatch.setattr(page, "ask_folder", lambda: None)  # the question, then cancelled
    window.actions[ActionId.HQ_ADD_FOLDER].trigger()
    assert not page.is_network_shown and toolbar() == survey
    page.page_tabs.setCurrentWidget(view)  # a click on the tab
    assert toolbar() == network
    window.show_module("activities")
    window.show_module("hq")
    assert toolbar() == network  # as the page was left


def test_switching_module_swaps_the_toolbar(window: MainWindow) -> None:
    shown: dict[str, set[QAction]] = {}
    for name in MODULES:
        window.show_module(name)
        shown[name] = {a for a in window.toolbar.actions() if not a.isSeparator()}
        expected = {window.actions[a] for a in window.modules[name].toolbar if a is not None}
        assert shown[name] == expected, name
    assert not shown["activities"] & shown["hq"]
    assert not shown["screening"] & shown["surveys"]


# -- a module of one's own ---------------------------------------------------------------


class FakeAction(Enum):
    SHOW_FAKE = auto()
    PING = auto()


class FakeModule(Module):
    """A module written in one place: its page, its command, its toolbar and enabled-state."""

    name = "fake"
    title = "Fake"
    menu_title = "Fa&ke"
    show_id = FakeAction.SHOW_FAKE
    show_spec = ActionSpec("&Fake", "The fake module", "Ctrl+9")
    toolbar = (FakeAction.PING,)

    def build_page(self, ctx: ModuleContext) -> QLabel:
        self.pings = 0
        self.allowed = getattr(self, "allowed_at_build", True)
        return QLabel("fake page", ctx.window)

    @action(FakeAction.PING, "&Ping", "Ping the fake page", "Ctrl+Alt+9", menu="fake")
    def ping(self) -> None:
        self.pings += 1

    def update_page_actions(self) -> None:
        self.enable(FakeAction.PING, self.allowed)


def test_a_new_module_registers_its_action_in_one_place(
    qtbot: QtBot,
    database: Database,
    settings_store: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sets = (*COMMAND_SETS[:2], FakeModule, *COMMAND_SETS[2:])
    window = MainWindow(Settings(settings_store), command_sets=sets)
    qtbot.addWidget(window)
    ping = window.actions[FakeAction.PING]
    assert not ping.isEnabled()
    window.attach(database, TEST_PROFILE)
    window.show()
    fake = window.modules["fake"]
    assert isinstance(fake, FakeModule)

    assert [a.text() for a in _menu(window, "Fa&ke")] == ["&Ping"]
    assert window.actions[FakeAction.SHOW_FAKE] in _menu(window, "&View")
    assert ("Ping", "Ctrl+Alt+9") in window.actions.shortcut_list()
    window.actions[FakeAction.SHOW_FAKE].trigger()
    assert window.pages.currentWidget() is fake.page
    assert window.current_module == "fake"
    assert [a for a in window.toolbar.actions() if not a.isSeparator()] == [ping]

    window.show_module("activities")
    ping.trigger()
    assert fake.pings == 1
    assert window.current_module == "fake", "a module's command shows its module first"
    fake.allowed = False
    fake.state_changed.emit()
    assert not ping.isEnabled()

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    window.actions[ActionId.SHORTCUTS].trigger()
    assert "Ping" in shown[0]
    window.runner.wait_idle()


def test_an_action_declared_twice_is_refused(qtbot: QtBot) -> None:
    class Twice(Commands):
        name = "twice"

        @action(ActionId.QUIT, "Quit", "Quit")
        def quit(self) -> None: ...

    label = QLabel()
    qtbot.addWidget(label)
    specs = [(d.id, d.spec) for d in Twice.declared()] * 2
    with pytest.raises(ValueError, match="declared twice"):
        Actions(label, specs)


def test_the_other_pages_code_is_imported_off_the_gui_thread_once_the_first_page_has_read(
    qtbot: QtBot, database: Database, settings_store: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Started 1.5 s after the window attached, the preload missed a person who went to
    # screening or headquarters at once: the GUI thread imported their code (~0.3 s each).
    from postkit.ui import preload

    started: list[tuple[threading.Thread, list[str]]] = []
    monkeypatch.setattr(
        preload,
        "import_quietly",
        lambda names: started.append((threading.current_thread(), names)),
    )
    window = MainWindow(Settings(settings_store))
    window.attach(database, TEST_PROFILE)
    qtbot.addWidget(window)
    window.show()
    assert window.runner is not None and window.runner.wait_idle()
    qtbot.waitUntil(lambda: bool(started), timeout=1000)
    thread, names = started[0]
    assert thread is not threading.main_thread()
    assert {"postkit.ui.screening.page", "postkit.ui.hq.page"} <= set(names)


def test_the_preload_starts_the_fork_server_for_slow_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    # Else the first slow job starts it, from the job's thread, forking the whole app.
    from postkit.core import processes
    from postkit.ui import preload

    warmed: list[bool] = []
    monkeypatch.setattr(processes, "warm_up", lambda: warmed.append(True))
    preload.import_quietly(["postkit.ui.screening.page"])
    assert warmed == [True]
