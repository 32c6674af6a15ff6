from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity, get_activity
from postkit.core.db import Database
from postkit.core.users import add_user, list_users
from postkit.ui.actions import ActionId
from postkit.ui.app import Startup
from postkit.ui.main_window import MainWindow
from postkit.ui.ops import Runner
from postkit.ui.settings import Settings
from postkit.ui.users_dialog import UserPickDialog, UsersDialog
from tests.conftest import TEST_PROFILE

AMINA = "Amina Odhiambo"


def _pick(monkeypatch: pytest.MonkeyPatch, name: str) -> list[list[str]]:
    """Answer the "Who is working?" dialog with `name`; returns the names it offered."""
    offered: list[list[str]] = []

    def exec_(dialog: UserPickDialog) -> int:
        names = [dialog.list.item(row).text() for row in range(dialog.list.count())]
        offered.append(names)
        dialog.list.setCurrentRow(names.index(name))
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(UserPickDialog, "exec", exec_)
    return offered


def _add_users(database: Database, *names: str) -> None:
    with database.session() as session:
        for name in names:
            add_user(session, name)


def test_switching_user_makes_new_records_name_the_person(
    window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_users(database, TEST_PROFILE.user_name, AMINA)
    with database.session() as session:
        original = create_activity(
            session,
            ActivityInput(
                core_task=1,
                title="Training",
                start_date=date(2025, 2, 10),
                activity_type="training",
            ),
            TEST_PROFILE.user_name,
        ).id
    assert window.actor == TEST_PROFILE.user_name
    offered = _pick(monkeypatch, AMINA)
    window.actions[ActionId.SWITCH_USER].trigger()
    assert window.runner is not None and window.runner.wait_idle()
    assert offered == [[AMINA, TEST_PROFILE.user_name]]
    assert window.actor == AMINA
    assert window.profile == TEST_PROFILE  # the post's profile itself is unchanged
    assert AMINA in window.profile_label.text()
    assert window.screening_page.actor == AMINA
    assert window.surveys_page.actor == AMINA

    window.activities_page.reload(select_ids=[original])
    assert window.runner.wait_idle()  # the list reads off the GUI thread
    window.actions[ActionId.DUPLICATE_ACTIVITY].trigger()
    assert window.runner.wait_idle()
    [copy_id] = [i for i in window.activities_page.selected_ids() if i != original]
    with database.session() as session:
        assert get_activity(session, copy_id).created_by == AMINA


def test_startup_asks_who_is_working_when_the_post_has_several_users(
    qtbot: QtBot,
    database: Database,
    settings_store: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _add_users(database, TEST_PROFILE.user_name, AMINA)
    offered = _pick(monkeypatch, AMINA)
    window = MainWindow(Settings(settings_store))
    qtbot.addWidget(window)
    window.show()
    Startup(window, str(database.engine.url.database), None, False).start()
    qtbot.waitUntil(lambda: window.is_attached, timeout=15000)
    assert offered == [[AMINA, TEST_PROFILE.user_name]]
    assert window.actor == AMINA
    assert window.profile == TEST_PROFILE


def test_the_first_start_puts_the_profiles_user_in_the_list_without_asking(
    qtbot: QtBot,
    database: Database,
    settings_store: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offered = _pick(monkeypatch, TEST_PROFILE.user_name)
    window = MainWindow(Settings(settings_store))
    qtbot.addWidget(window)
    window.show()
    Startup(window, str(database.engine.url.database), None, False).start()
    qtbot.waitUntil(lambda: window.is_attached, timeout=15000)
    assert offered == []
    assert window.actor == TEST_PROFILE.user_name
    with database.session() as session:
        assert [user.name for user in list_users(session)] == [TEST_PROFILE.user_name]


def test_the_users_dialog_adds_renames_and_deactivates(
    qtbot: QtBot, database: Database, runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = UsersDialog(runner)
    qtbot.addWidget(dialog)
    runner.wait_idle()
    assert dialog.list.count() == 0 and not dialog.add_button.isEnabled()
    qtbot.keyClicks(dialog.name, AMINA)
    dialog.add_button.click()
    runner.wait_idle()
    qtbot.keyClicks(dialog.name, "amina odhiambo")
    assert "in the list already" in dialog.error_label.text()
    assert not dialog.add_button.isEnabled()
    dialog.name.setText(TEST_PROFILE.user_name)
    dialog.add_button.click()
    runner.wait_idle()
    assert [dialog.list.item(row).text() for row in range(2)] == [AMINA, TEST_PROFILE.user_name]

    dialog.list.setCurrentRow(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("Amina O. Odhiambo", True))
    dialog.rename_button.click()
    runner.wait_idle()
    dialog.list.setCurrentRow(0)
    dialog.active_button.click()
    runner.wait_idle()
    assert dialog.list.item(0).text() == "Amina O. Odhiambo (left the post)"
    assert dialog.active_button.text() == "&Reactivate"
    dialog.list.setCurrentRow(1)
    assert not dialog.active_button.isEnabled()  # the last active user stays
    with database.session() as session:
        assert [user.name for user in list_users(session)] == [TEST_PROFILE.user_name]
    dialog.list.setCurrentRow(0)
    dialog.active_button.click()
    runner.wait_idle()
    with database.session() as session:
        assert len(list_users(session)) == 2
