"""Slow work run in a child process (core/processes.py): what it returns, reports and raises
comes back to the parent as if it had run there, and the child's writes are committed."""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from postkit.core.activities.listing import count_activities
from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.db import Database, open_database
from postkit.core.db.encryption import protect_database
from postkit.core.errors import CancelledError, PostkitError, ValidationError
from postkit.core.processes import (
    DatabaseAddress,
    Progress,
    run_in_process,
    session_call,
    session_call_with_progress,
)

PASSPHRASE = "a long enough passphrase for a test"


# The work crosses to the child by reference: module-level functions.
def _add_activity(session: Session, title: str) -> tuple[int, int]:
    activity = ActivityInput(
        core_task=2, title=title, start_date=date(2026, 5, 6), activity_type="meeting"
    )
    create_activity(session, activity, "Tess")
    return os.getpid(), count_activities(session)


def _count(session: Session, progress: Progress, steps: int) -> list[int]:
    for step in range(1, steps + 1):
        time.sleep(0.06)  # over the child's progress interval, so that each step is sent
        progress(step, steps)
    return list(range(steps))


def _refuse(session: Session, field: str) -> None:
    raise ValidationError(field, "may not be empty")


def _crash(session: Session) -> None:
    os._exit(3)


def _forever(session: Session, progress: Progress) -> None:
    while True:
        time.sleep(0.02)
        progress(0, 1)


def _ignore_cancel(session: Session) -> None:
    time.sleep(60)


def _data_folder(session: Session) -> str:
    return os.environ["POSTKIT_DATA_DIR"]


def _file(database: Database) -> Path:
    return Path(str(database.engine.url.database))


def test_the_work_runs_in_another_process_and_its_writes_are_committed(
    database: Database,
) -> None:
    pid, count = run_in_process(
        DatabaseAddress.of(database), session_call(_add_activity, "Seminar on living wage")
    )
    assert pid != os.getpid()
    with database.session() as session:
        assert count_activities(session) == count == 1


def test_progress_reaches_the_parent_in_order(database: Database) -> None:
    seen: list[tuple[int, int]] = []
    result = run_in_process(
        DatabaseAddress.of(database),
        session_call_with_progress(_count, steps=4),
        lambda done, total: seen.append((done, total)),
    )
    assert result == [0, 1, 2, 3]
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_an_error_comes_back_with_its_type_and_fields(database: Database) -> None:
    with pytest.raises(ValidationError) as raised:
        run_in_process(DatabaseAddress.of(database), session_call(_refuse, "title"))
    assert raised.value.field == "title"
    assert str(raised.value) == "title: may not be empty"


def test_a_child_that_dies_is_reported_not_awaited(database: Database) -> None:
    with pytest.raises(PostkitError, match=r"ended without an answer.*exit code 3"):
        run_in_process(DatabaseAddress.of(database), session_call(_crash))


def test_cancel_stops_the_child_at_its_next_progress_report(database: Database) -> None:
    asked = time.monotonic() + 0.3
    started = time.monotonic()
    with pytest.raises(CancelledError):
        run_in_process(
            DatabaseAddress.of(database),
            session_call_with_progress(_forever),
            is_cancelled=lambda: time.monotonic() > asked,
        )
    assert time.monotonic() - started < 1.5


def test_a_child_deaf_to_cancel_is_ended(database: Database) -> None:
    asked = time.monotonic() + 0.2
    started = time.monotonic()
    with pytest.raises(CancelledError):
        run_in_process(
            DatabaseAddress.of(database),
            session_call(_ignore_cancel),
            is_cancelled=lambda: time.monotonic() > asked,
        )
    assert time.monotonic() - started < 5


def test_work_that_cannot_cross_to_the_child_is_refused_with_why(database: Database) -> None:
    def local(session: Session, progress: Progress) -> None:
        return None

    with pytest.raises(TypeError, match="module-level function"):
        run_in_process(DatabaseAddress.of(database), local)


def test_the_child_sees_postkits_settings_as_they_are_now(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    address = DatabaseAddress.of(database)
    run_in_process(address, session_call(_data_folder))  # the fork server is running
    monkeypatch.setenv("POSTKIT_DATA_DIR", str(tmp_path / "elsewhere"))
    assert run_in_process(address, session_call(_data_folder)) == str(tmp_path / "elsewhere")


def test_a_protected_database_is_opened_with_the_apps_passphrase(database: Database) -> None:
    path = _file(database)
    database.dispose()
    protect_database(path, PASSPHRASE)
    protected = open_database(path, PASSPHRASE)
    try:
        address = DatabaseAddress.of(protected)
        assert PASSPHRASE not in repr(address)
        _pid, count = run_in_process(address, session_call(_add_activity, "Sealed seminar"))
        assert count == 1
        with protected.session() as session:
            assert count_activities(session) == 1
    finally:
        protected.dispose()


def test_work_named_by_its_module_is_imported_in_the_child_only(database: Database) -> None:
    # Naming the work must not load what only the work needs (reportlab) in the app.
    name = "tests.core.process_work"
    assert name not in sys.modules
    work = session_call(f"{name}:modules_seen", name)
    assert work.name == "modules_seen"
    assert run_in_process(DatabaseAddress.of(database), work) is True
    assert name not in sys.modules
