"""Opening a database: engine, connection settings, schema check and the files folder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from postkit.core.db.encryption import DatabaseKey, cipher_dbapi, opening, unlock
from postkit.core.db.locking import READ_ONLY, LockWait, acquire, lock_wait
from postkit.core.errors import DatabaseError
from postkit.core.paths import default_database_path, files_dir_for, user_data_dir
from postkit.core.sealed_files import file_key, forget_key, remember_key, remove_left_behind


def database_url(path_or_url: str | Path | None) -> str:
    """A SQLAlchemy URL for a file path, a URL, or None (the user's default database)."""
    if path_or_url is None:
        path_or_url = default_database_path()
    text = str(path_or_url)
    if "://" in text:
        try:
            make_url(text)
        except ArgumentError as exc:
            raise DatabaseError(f"not a valid database URL: {text}") from exc
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL mode is written into the file: only a new or a postkit database is switched, so a
    # foreign database that opening refuses is left exactly as it was.
    tables = {
        name for (name,) in cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if not tables or "alembic_version" in tables:
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _begin_with_the_write_lock(engine: Engine, wait: LockWait) -> None:
    """Every transaction starts holding the write lock (SQLAlchemy's pysqlite recipe).

    A run that reads and then writes would otherwise find, at its first write, that another
    process wrote in between: SQLite then refuses at once ("database is locked"), or the two
    act on the same state (two seeds taking the same ids).
    """
    where = engine.url.database or str(engine.url)

    def no_implicit_begin(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    def begin(connection: Connection) -> None:
        driver_connection = connection.connection.driver_connection
        if connection.get_execution_options().get(READ_ONLY):
            driver_connection.execute("BEGIN")
            return
        acquire(driver_connection, "BEGIN IMMEDIATE", where, wait)

    event.listen(engine, "connect", no_implicit_begin)
    event.listen(engine, "begin", begin)


@dataclass(frozen=True)
class Database:
    """An open database and the folder its attached files are copied into."""

    engine: Engine
    files_dir: Path
    make_session: sessionmaker[Session]
    key: DatabaseKey | None = field(default=None, repr=False, compare=False)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def is_protected(self) -> bool:
        """Whether the database file is encrypted with a passphrase."""
        return self.key is not None

    @property
    def passphrase(self) -> str | None:
        return self.key.passphrase if self.key is not None else None

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.make_session() as session:
            yield session

    def close_connections(self) -> None:
        """Close the pooled connections (before the file is changed underneath); the
        database stays usable and reconnects when next used."""
        self.engine.dispose()

    def dispose(self) -> None:
        """Done with the database: close its connections and forget its file key."""
        if self.key is not None:
            forget_key(self.files_dir)
        self.engine.dispose()


# The databases a headless run opened, closed when it ends (see `closed_at_end`).
_opened_in_run: ContextVar[list[Database] | None] = ContextVar("_opened_in_run", default=None)


@contextmanager
def closed_at_end() -> Iterator[None]:
    """Every database opened within this block is closed when it ends, so that a later step
    (a restore in the same process) does not find the file still held open."""
    opened: list[Database] = []
    token = _opened_in_run.set(opened)
    try:
        yield
    finally:
        _opened_in_run.reset(token)
        for database in opened:
            database.dispose()


def connect(path_or_url: str | Path | None, passphrase: str | None = None) -> Database:
    """Create the engine for a database without touching its schema.

    A protected (encrypted) SQLite file needs its passphrase, which is checked before the
    file is opened for writing; a wrong one raises WrongPassphraseError and changes nothing.
    """
    url = make_url(database_url(path_or_url))
    key = None
    if url.get_backend_name() == "sqlite" and url.database:
        db_file = Path(url.database)
        key = unlock(db_file, passphrase)
        try:
            db_file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"cannot create the folder {db_file.parent}: {exc}") from exc
        files_dir = files_dir_for(db_file)
    else:
        if passphrase is not None:
            raise DatabaseError("a passphrase protects only a SQLite database file")
        files_dir = user_data_dir() / "files"
    try:
        engine = create_engine(url, module=cipher_dbapi()) if key else create_engine(url)
    except (ArgumentError, ImportError) as exc:
        raise DatabaseError(f"cannot use the database {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        if key is not None:
            # First of all listeners: SQLCipher needs the key before anything reads the file.
            event.listen(engine, "connect", key.apply, insert=True)
        event.listen(engine, "connect", _configure_sqlite)
        wait = lock_wait()
        if wait is not None:
            _begin_with_the_write_lock(engine, wait)
    database = Database(engine, files_dir, sessionmaker(engine, expire_on_commit=False), key)
    opened = _opened_in_run.get()
    if opened is not None:
        opened.append(database)
    return database


def _backup_before_upgrade(engine: Engine, revision: str) -> None:
    """An older post database is copied aside before its schema changes."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return
    from postkit.core.db.backup import backup_database

    engine.dispose()  # let the backup read a quiet database
    backup_database(Path(engine.url.database), f"before-upgrade-{revision}")


def open_database(path_or_url: str | Path | None, passphrase: str | None = None) -> Database:
    """Connect and bring the schema up to date (creating it on a new database)."""
    from postkit.core.db.migrate import ensure_schema

    database = connect(path_or_url, passphrase)
    try:
        if database.key is not None and database.engine.url.database:
            with opening(Path(database.engine.url.database), database.key):
                ensure_schema(database.engine, _backup_before_upgrade)
            remember_key(database.files_dir, file_key(database.files_dir, database.key.passphrase))
            # Plain copies opened for viewers by a postkit that crashed go before work starts.
            remove_left_behind()
        else:
            ensure_schema(database.engine, _backup_before_upgrade)
    except Exception:
        database.engine.dispose()  # its file key, if any, was not remembered
        raise
    return database
