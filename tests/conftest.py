from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from postkit.core.db import Database, open_database
from postkit.core.db.database import connect
from postkit.core.paths import DATA_DIR_ENV_VAR, DB_ENV_VAR
from postkit.core.profile import PostProfile, save_profile

TEST_PROFILE = PostProfile("Embassy Testland", ("KE",), "Tess Tester")
BUILD_ENV_VAR = "POSTKIT_TEST_BUILD"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the slow PyInstaller build tests unless POSTKIT_TEST_BUILD=1 asks for them."""
    if os.environ.get(BUILD_ENV_VAR) == "1":
        return
    build_tests = [item for item in items if item.get_closest_marker("build")]
    if build_tests:
        config.hook.pytest_deselected(items=build_tests)
        items[:] = [item for item in items if not item.get_closest_marker("build")]


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's real data folder or database."""
    monkeypatch.setenv(DATA_DIR_ENV_VAR, str(tmp_path / "user-data"))
    monkeypatch.delenv(DB_ENV_VAR, raising=False)


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with a profile, made once and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = open_database(path)
    with database.session() as session:
        save_profile(session, TEST_PROFILE)
    database.dispose()
    return path


@pytest.fixture
def database(template_database: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "db" / "postkit.sqlite3"
    path.parent.mkdir()
    shutil.copy(template_database, path)
    database = connect(path)
    yield database
    database.dispose()


@pytest.fixture
def session(database: Database):  # type: ignore[no-untyped-def]
    with database.session() as session:
        yield session
