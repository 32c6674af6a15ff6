"""Start-up's first screenful: the activity list read with sqlite3 before SQLAlchemy loads
shows what the real model shows, and hands over to it without a jump."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from postkit.core.activities.demo import seed_demo
from postkit.core.activities.first_screen import FirstScreen, read_first_screen
from postkit.core.db import open_database
from postkit.core.db.encryption import protect_database
from postkit.core.demo_post import DEMO_PROFILE
from postkit.core.profile import save_profile
from postkit.core.users import add_user
from postkit.ui.activities.table_model import COLUMNS, FIRST_SORT, PAGE_SIZE, ActivityTableModel
from postkit.ui.app import Startup
from postkit.ui.i18n import apply_locale
from postkit.ui.main_window import MainWindow
from postkit.ui.ops import Runner
from postkit.ui.settings import Settings

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole + 1)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo post with more activities than one page, made once."""
    path = tmp_path_factory.mktemp("first-screen") / "demo.sqlite3"
    database = open_database(path)
    with database.session() as session:
        save_profile(session, DEMO_PROFILE)
        seed_demo(session, activities=PAGE_SIZE + 40)
        session.commit()
    database.dispose()
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "post" / "postkit.sqlite3"
    path.parent.mkdir()
    shutil.copy(demo_template, path)
    yield path


def _first(path: Path | str) -> FirstScreen | None:
    return read_first_screen(str(path), COLUMNS, FIRST_SORT, PAGE_SIZE)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_first_screenful_shows_cell_for_cell_what_the_real_model_shows(
    qtbot: QtBot, demo: Path, language: str
) -> None:
    apply_locale(language)
    first = _first(demo)
    assert first is not None and first.post_name == DEMO_PROFILE.post_name
    database = open_database(demo)
    runner = Runner(database)
    try:
        real = ActivityTableModel(runner, language)
        qtbot.waitUntil(lambda: real.has_loaded, timeout=15000)
        fast = ActivityTableModel(Runner(None), language, first=first)
        assert fast.ids == real.ids and len(real.ids) == PAGE_SIZE + 40
        for row in range(PAGE_SIZE):
            for column in range(len(COLUMNS)):
                for role in ROLES:
                    index = (row, column)
                    assert fast.data(fast.index(*index), role) == real.data(
                        real.index(*index), role
                    ), (index, role)
        # Not only looks alike: the values are those SQLAlchemy's types give.
        assert fast.cached_rows == PAGE_SIZE
        assert first.rows == real._rows
    finally:
        runner.close()
        database.dispose()
        apply_locale("en")


def test_a_database_the_first_screen_may_not_read_goes_the_usual_way(
    demo: Path, tmp_path: Path
) -> None:
    assert _first(demo) is not None
    assert _first("postgresql+psycopg://postgres@/postkit") is None
    assert _first(tmp_path / "missing.sqlite3") is None
    assert not (tmp_path / "missing.sqlite3").exists()

    older = tmp_path / "older.sqlite3"
    shutil.copy(demo, older)
    with sqlite3.connect(older) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0012'")
    assert _first(older) is None

    two_users = tmp_path / "two-users.sqlite3"
    shutil.copy(demo, two_users)
    database = open_database(two_users)
    with database.session() as session:
        add_user(session, "Someone Else")
        add_user(session, DEMO_PROFILE.user_name)
        session.commit()
    database.dispose()
    assert _first(two_users) is None  # a person is asked who works before the list shows

    protected = tmp_path / "protected" / "postkit.sqlite3"
    protected.parent.mkdir()
    shutil.copy(demo, protected)
    protect_database(protected, "a long enough passphrase 42")
    assert _first(protected) is None


def _first_screen_shown(qtbot: QtBot, demo: Path, tmp_path: Path) -> tuple[MainWindow, Startup]:
    """A window showing the first screen, its database not yet attached."""
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("ui/language", "en")
    window = MainWindow(Settings(store))
    qtbot.addWidget(window)
    window.resize(1000, 500)
    window.show()
    startup = Startup(window, str(demo), None, False)
    opener = startup._opener
    # Held back, so the test acts on the first screen before the database attaches; the
    # opener waits for it to be shown before it opens the database.
    opener.first_screen.disconnect()
    screens: list[FirstScreen] = []
    opener.first_screen.connect(screens.append)
    startup.start()
    qtbot.waitUntil(lambda: bool(screens), timeout=15000)
    startup._show_first_screen(screens[0])
    assert not window.is_attached
    return window, startup


def test_the_first_screen_hands_over_to_the_opened_database_keeping_selection_and_scroll(
    qtbot: QtBot, demo: Path, tmp_path: Path
) -> None:
    window, startup = _first_screen_shown(qtbot, demo, tmp_path)
    page = window.pages.currentWidget()
    table, model = page.table, page.model
    assert page.stack.currentWidget() is table
    shown_ids = model.ids
    page.select_ids([model.id_at(30)])
    table.scrollTo(model.index(30, 0), table.ScrollHint.PositionAtTop)
    scrolled = table.verticalScrollBar().value()
    assert scrolled > 0

    qtbot.waitUntil(lambda: window.is_attached, timeout=15000)
    window.runner.wait_idle()
    assert window.activities_page is page and page.model is model
    assert window.pages.currentWidget() is page
    assert model.ids == shown_ids
    assert page.selected_ids() == [shown_ids[30]]
    assert table.verticalScrollBar().value() == scrolled
    startup.finish()


def test_a_search_typed_on_the_first_screen_is_applied_once_the_database_opens(
    qtbot: QtBot, demo: Path, tmp_path: Path
) -> None:
    window, startup = _first_screen_shown(qtbot, demo, tmp_path)
    page = window.pages.currentWidget()
    page.search.setText("living income")
    assert page.model.rowCount() == PAGE_SIZE + 40  # shown as it was until the answer
    qtbot.waitUntil(lambda: window.is_attached, timeout=15000)
    window.runner.wait_idle()
    titles = [page.model.cell(row, 2) for row in range(page.model.rowCount())]
    assert titles and len(titles) < PAGE_SIZE + 40
    assert all("living income" in title.lower() for title in titles)
    startup.finish()
