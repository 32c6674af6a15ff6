from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from postkit.core.db import Database, open_database
from postkit.core.db.database import connect
from postkit.core.paths import DATA_DIR_ENV_VAR, DB_ENV_VAR
from postkit.core.profile import PostProfile, save_profile

# A user data folder for the whole run, set before any test module is collected: the
# per-test folder (`_isolated_environment`) comes only after module- and session-scoped
# fixtures are set up, and without this they wrote into the user's real folder (an empty
# headquarters list of posts, which then broke `survey posts` outside the tests).
_RUN_DATA_DIR = tempfile.mkdtemp(prefix="postkit-test-user-data-")
os.environ[DATA_DIR_ENV_VAR] = _RUN_DATA_DIR
atexit.register(shutil.rmtree, _RUN_DATA_DIR, ignore_errors=True)

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


POSTGRES_ENV_VAR = "POSTKIT_TEST_POSTGRES_URL"
# The headquarters database tests run on SQLite always, and on PostgreSQL as well when CI (or a
# developer) names a server; without one the postgresql parameter does not exist at all.
HQ_BACKENDS = ["sqlite", *(["postgresql"] if os.environ.get(POSTGRES_ENV_VAR) else [])]


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[Database]:
    """A fresh, migrated PostgreSQL database for this test session, dropped at the end."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    server = make_url(os.environ[POSTGRES_ENV_VAR])
    name = f"postkit_test_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    database = open_database(server.set(database=name).render_as_string(hide_password=False))
    try:
        yield database
    finally:
        database.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=HQ_BACKENDS)
def hq_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty migrated database on each backend: a SQLite copy, or PostgreSQL emptied."""
    if request.param == "sqlite":
        database = request.getfixturevalue("database")
        yield database
        return
    from sqlalchemy import text

    database = request.getfixturevalue("postgres_database")
    with database.engine.begin() as connection:
        tables = connection.execute(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND tablename <> 'alembic_version'"
            )
        ).scalars()
        names = ", ".join(f'"{name}"' for name in tables)
        if names:
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    yield database
