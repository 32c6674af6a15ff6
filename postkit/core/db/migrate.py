"""Schema migrations with Alembic, shipped inside the package (no alembic.ini needed)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from postkit.core.errors import DatabaseError
from postkit.core.revision import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config


def _alembic_config(engine: Engine | None) -> Config:
    from alembic.config import Config

    config = Config()
    script_location = resources.files("postkit.core.db") / "migrations"
    config.set_main_option("script_location", str(script_location))
    if engine is not None:
        # ConfigParser reads % as interpolation: a socket path (%2F) or password must be escaped.
        url = engine.url.render_as_string(hide_password=False)
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def is_known_revision(revision: str) -> bool:
    """Whether this postkit has the migration `revision` (else a newer postkit wrote it)."""
    if revision == HEAD_REVISION:
        return True
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(None))
    return revision in {rev.revision for rev in script.walk_revisions()}


def newer_schema_message(revision: str) -> str:
    return (
        f"the database was written by a newer version of postkit (schema {revision}); "
        "update postkit to open it"
    )


def known_revisions(engine: Engine) -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(engine))
    return {rev.revision for rev in script.walk_revisions()}


def script_head(engine: Engine) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config(engine)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or None for a database without postkit's schema."""
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot read the database at {engine.url}: {exc.orig or exc}") from exc


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to `revision` in one transaction."""
    from alembic import command

    config = _alembic_config(engine)
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        driver = connection.connection.driver_connection
        if sqlite:
            # A batch migration rebuilds a SQLite table (copy, drop, rename); with foreign keys
            # on, dropping the old table cascades to its children and deletes their rows. The
            # pragma only takes effect outside a transaction, so it goes before the begin.
            driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise DatabaseError(
                            f"upgrading {engine.url.database} would leave rows pointing at "
                            f"nothing ({broken[0][0]} → {broken[0][2]}); nothing was changed"
                        )
        finally:
            if sqlite:
                driver.execute("PRAGMA foreign_keys=ON")


def ensure_schema(
    engine: Engine, before_upgrade: Callable[[Engine, str], None] | None = None
) -> str:
    """Create or upgrade the schema; refuse a database made by a newer postkit.

    `before_upgrade(engine, revision)` runs before an older schema is upgraded (the database
    module backs the file up there; this module does not import the backups, which read it).
    """
    revision = current_revision(engine)
    if revision == HEAD_REVISION:
        return revision
    if revision is None:
        with engine.connect() as connection:
            foreign_tables = [
                name for name in inspect(connection).get_table_names() if name != "alembic_version"
            ]
        if foreign_tables:
            raise DatabaseError(
                f"{engine.url.database or engine.url} holds tables that are not postkit's "
                f"({', '.join(sorted(foreign_tables)[:3])}…); choose another database"
            )
    elif revision not in known_revisions(engine):
        raise DatabaseError(newer_schema_message(revision))
    elif before_upgrade is not None:
        before_upgrade(engine, revision)
    upgrade(engine)
    return HEAD_REVISION
