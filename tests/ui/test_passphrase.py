from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from postkit.core.activities.listing import count_activities
from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.db import Database, open_database
from postkit.core.db.encryption import WrongPassphraseError, is_protected, protect_database
from postkit.core.sealed_files import key_for
from postkit.ui import database_commands as database_commands_module
from postkit.ui.actions import ActionId
from postkit.ui.app import Startup
from postkit.ui.main_window import MainWindow
from postkit.ui.passphrase_dialog import PassphraseDialog, PassphraseMode
from postkit.ui.settings import Settings
from tests.conftest import TEST_PROFILE

PASSPHRASE = "kilimanjaro at dawn"
NEW_PASSPHRASE = "tsavo-east-2026"


def _protected(database: Database) -> Path:
    with database.session() as session:
        create_activity(
            session,
            ActivityInput(
                core_task=1,
                title="Cobalt workshop",
                start_date=date(2025, 3, 4),
                activity_type="meeting",
            ),
            "Tess",
        )
    database.dispose()
    path = Path(str(database.engine.url.database))
    protect_database(path, PASSPHRASE)
    return path


def _folder_state(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _count(path: Path, passphrase: str) -> int:
    database = open_database(path, passphrase)
    with database.session() as session:
        count = count_activities(session)
    database.dispose()
    return count


def _answer_with(
    monkeypatch: pytest.MonkeyPatch, fill: Callable[[PassphraseDialog], bool]
) -> list[tuple[PassphraseMode, str]]:
    """Stand in for the person at the keyboard: `fill` types, then OK (True) or Cancel."""
    seen: list[tuple[PassphraseMode, str]] = []

    def exec_(dialog: PassphraseDialog) -> int:
        seen.append((dialog.mode, dialog.error_label.text()))
        if fill(dialog):
            dialog.ok_button.click()
        else:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(PassphraseDialog, "exec", exec_)
    return seen


@pytest.fixture
def new_window(qtbot: QtBot, settings_store: QSettings) -> Iterator[MainWindow]:
    window = MainWindow(Settings(settings_store))
    qtbot.addWidget(window)
    window.show()
    yield window
    if window.database is not None:
        window.database.dispose()


def test_startup_asks_for_the_passphrase_and_again_after_a_wrong_one(
    qtbot: QtBot, database: Database, new_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _protected(database)
    before = _folder_state(path.parent)
    typed = iter(["kilimanjaro at dusk", PASSPHRASE])
    after_wrong: list[dict[str, bytes]] = []

    def fill(dialog: PassphraseDialog) -> bool:
        if after_wrong == [] and dialog.error_label.text():
            after_wrong.append(_folder_state(path.parent))
        dialog.current.setText(next(typed))
        return True

    seen = _answer_with(monkeypatch, fill)
    Startup(new_window, str(path), None, False).start()
    qtbot.waitUntil(lambda: new_window.is_attached, timeout=15000)
    assert seen == [
        (PassphraseMode.UNLOCK, ""),
        (PassphraseMode.UNLOCK, "That passphrase is wrong. Try again, or quit."),
    ]
    assert after_wrong == [before]  # the wrong passphrase touched no file
    assert new_window.database is not None and new_window.database.is_protected
    assert "Embassy Testland" in new_window.windowTitle()
    assert new_window.actions[ActionId.CHANGE_PASSPHRASE].isEnabled()
    assert not new_window.actions[ActionId.PROTECT_DATABASE].isEnabled()


def test_quitting_at_the_passphrase_closes_postkit_and_touches_nothing(
    qtbot: QtBot, database: Database, new_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _protected(database)
    before = _folder_state(path.parent)
    _answer_with(monkeypatch, lambda _dialog: False)
    startup = Startup(new_window, str(path), None, False)
    startup.start()
    qtbot.waitUntil(lambda: not new_window.isVisible(), timeout=15000)
    assert not new_window.is_attached
    assert startup.exit_code == 0
    assert _folder_state(path.parent) == before


def test_protecting_from_the_file_menu_encrypts_and_closes(
    window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = window.modules["database"].database_file
    assert path is not None and window.actions[ActionId.PROTECT_DATABASE].isEnabled()
    assert not window.actions[ActionId.CHANGE_PASSPHRASE].isEnabled()

    def fill(dialog: PassphraseDialog) -> bool:
        dialog.new.setText(PASSPHRASE)
        dialog.repeat.setText(PASSPHRASE)
        return True

    assert _answer_with(monkeypatch, fill) is not None
    told: list[str] = []
    monkeypatch.setattr(
        database_commands_module.QMessageBox, "information", lambda *args: told.append(args[2])
    )
    window.actions[ActionId.PROTECT_DATABASE].trigger()
    assert told and "start it again" in told[0]
    assert not window.isVisible()
    assert is_protected(path)
    assert _count(path, PASSPHRASE) == 0


def test_changing_the_passphrase_from_the_file_menu_keeps_the_window_working(
    qtbot: QtBot,
    database: Database,
    new_window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _protected(database)
    new_window.attach(open_database(path, PASSPHRASE), TEST_PROFILE)
    warned: list[str] = []
    monkeypatch.setattr(
        database_commands_module.QMessageBox, "warning", lambda *args: warned.append(args[2])
    )
    current = iter(["not the passphrase", PASSPHRASE])

    def fill(dialog: PassphraseDialog) -> bool:
        dialog.current.setText(next(current))
        dialog.new.setText(NEW_PASSPHRASE)
        dialog.repeat.setText(NEW_PASSPHRASE)
        return True

    seen = _answer_with(monkeypatch, fill)
    new_window.actions[ActionId.CHANGE_PASSPHRASE].trigger()
    assert warned == ["The current passphrase is wrong; nothing was changed."]
    assert _count(path, PASSPHRASE) == 1

    new_window.actions[ActionId.CHANGE_PASSPHRASE].trigger()
    assert [mode for mode, _ in seen] == [PassphraseMode.CHANGE, PassphraseMode.CHANGE]
    assert "passphrase is changed" in new_window.statusBar().currentMessage()
    assert new_window.database is not None
    assert key_for(new_window.database.files_dir) is not None, "attached files are still sealed"
    new_window.activities_page.reload()
    assert new_window.runner.wait_idle()  # the list reads off the GUI thread
    assert new_window.activities_page.model.rowCount() == 1
    backup = new_window.modules["database"].back_up()
    assert backup is not None and is_protected(backup)
    with pytest.raises(WrongPassphraseError):
        open_database(path, PASSPHRASE)
    assert _count(path, NEW_PASSPHRASE) == 1


def test_the_dialog_enables_ok_only_for_a_valid_new_passphrase(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(PassphraseMode.PROTECT)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.new, "short")
    assert "at least 8 characters" in dialog.error_label.text()
    dialog.new.setText(PASSPHRASE)
    qtbot.keyClicks(dialog.repeat, "kilimanjaro")
    assert dialog.error_label.text() == "The two new passphrases differ."
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.repeat, " at dawn")
    assert dialog.ok_button.isEnabled() and dialog.error_label.text() == ""
    assert dialog.new.echoMode() == dialog.new.EchoMode.Password
    dialog.show_text.setChecked(True)
    assert dialog.new.echoMode() == dialog.new.EchoMode.Normal

    change = PassphraseDialog(PassphraseMode.CHANGE)
    qtbot.addWidget(change)
    for field in (change.current, change.new, change.repeat):
        field.setText(PASSPHRASE)
    assert "same as the current" in change.error_label.text()
    assert not change.ok_button.isEnabled()


def test_the_unlock_dialog_shows_why_it_asks_again(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(PassphraseMode.UNLOCK, None, "postkit.sqlite3", "Wrong.")
    qtbot.addWidget(dialog)
    assert "postkit.sqlite3" in dialog.intro.text()
    assert dialog.error_label.text() == "Wrong."
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.current, "x")
    assert dialog.ok_button.isEnabled() and dialog.error_label.text() == ""


def test_changing_the_passphrase_can_replace_the_file_key_and_the_window_keeps_sealing(
    qtbot: QtBot,
    database: Database,
    new_window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from postkit.core.attachments import readable_attachment, store_attachment
    from postkit.core.sealed_files import load_file_key

    path = _protected(database)
    new_window.attach(open_database(path, PASSPHRASE), TEST_PROFILE)
    assert new_window.database is not None
    files_dir = new_window.database.files_dir
    before = load_file_key(files_dir, PASSPHRASE)

    def fill(dialog: PassphraseDialog) -> bool:
        dialog.current.setText(PASSPHRASE)
        dialog.new.setText(NEW_PASSPHRASE)
        dialog.repeat.setText(NEW_PASSPHRASE)
        dialog.rotate.setChecked(True)
        return True

    _answer_with(monkeypatch, fill)
    new_window.actions[ActionId.CHANGE_PASSPHRASE].trigger()

    assert "passphrase is changed" in new_window.statusBar().currentMessage()
    after = load_file_key(files_dir, NEW_PASSPHRASE)
    assert after != before
    assert key_for(files_dir) == after, "files attached from now on are sealed with the new key"
    source = tmp_path / "agenda.txt"
    source.write_bytes(b"Agenda of the cobalt workshop\n")
    stored = store_attachment(files_dir, source)
    assert readable_attachment(files_dir, stored).read_bytes() == source.read_bytes()
