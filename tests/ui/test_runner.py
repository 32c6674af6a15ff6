"""The database runner: every UI call to the database runs off the GUI thread, in order."""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.orm import Session

from postkit.core.db import Database
from postkit.core.errors import PostkitError
from postkit.core.processes import session_call_with_progress
from postkit.ui.ops import Changes, Runner


@pytest.fixture
def runner(qtbot: QtBot, database: Database) -> Iterator[Runner]:
    runner = Runner(database)
    yield runner
    runner.close()


_INSERT_USER = (
    "insert into post_users (name, is_active, created_at) values ('{name}', 1, '2026-01-01')"
)


def _count_profiles(session: Session) -> int:
    return int(session.execute(text("select count(*) from post_users")).scalar_one())


def test_a_query_runs_off_the_gui_thread_and_answers_on_it(runner: Runner) -> None:
    gui_thread = threading.get_ident()
    answers: list[tuple[int, int]] = []

    runner.query(
        lambda session: threading.get_ident(),
        lambda worker: answers.append((worker, threading.get_ident())),
    )
    assert runner.wait_idle(5000)
    [(worker, callback)] = answers
    assert worker != gui_thread
    assert callback == gui_thread


def test_a_read_asked_after_a_write_sees_it_and_the_write_announces_its_changes(
    qtbot: QtBot, runner: Runner
) -> None:
    announced: list[Changes] = []
    counts: list[int] = []
    runner.changed.connect(announced.append)
    runner.query(_count_profiles, counts.append)
    runner.write(
        lambda session: session.execute(text(_INSERT_USER.format(name="Ada"))),
        changes=Changes.of("users", ids=[7]),
    )
    runner.query(_count_profiles, counts.append)
    assert runner.wait_idle(5000)
    assert counts[1] == counts[0] + 1
    assert announced == [Changes(frozenset({"users"}), (7,), None)]


def test_a_failed_write_is_rolled_back_and_reported_to_its_handler(runner: Runner) -> None:
    def insert_then_fail(session: Session) -> None:
        session.execute(text(_INSERT_USER.format(name="Bea")))
        raise PostkitError("the name is taken")

    errors: list[BaseException] = []
    announced: list[Changes] = []
    runner.changed.connect(announced.append)
    counts: list[int] = []
    runner.query(_count_profiles, counts.append)
    runner.write(insert_then_fail, changes=Changes.of("users"), failed=errors.append)
    runner.query(_count_profiles, counts.append)
    assert runner.wait_idle(5000)
    assert [str(error) for error in errors] == ["the name is taken"]
    assert counts[0] == counts[1]
    assert announced == []


def test_a_newer_query_with_the_same_key_supersedes_a_pending_one(runner: Runner) -> None:
    gate = threading.Event()
    answers: list[str] = []
    runner.query(lambda session: gate.wait(5), lambda _: None)  # holds the worker
    runner.query(lambda session: "first", answers.append, key="list")
    runner.query(lambda session: "second", answers.append, key="list")
    gate.set()
    assert runner.wait_idle(5000)
    assert answers == ["second"]


def test_an_answer_for_a_closed_widget_is_dropped(qtbot: QtBot, runner: Runner) -> None:
    gate = threading.Event()
    owner = QWidget()
    answers: list[object] = []
    runner.query(lambda session: gate.wait(5), answers.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _is_valid(owner), timeout=2000)
    gate.set()
    assert runner.wait_idle(5000)
    assert answers == []


def test_idle_changes_are_signalled_once_per_busy_stretch(qtbot: QtBot, runner: Runner) -> None:
    states: list[bool] = []
    runner.idle_changed.connect(states.append)
    runner.query(lambda session: 1, lambda _: None)
    runner.query(lambda session: 2, lambda _: None)
    assert runner.wait_idle(5000)
    assert states == [False, True]


def _is_valid(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_waiting_for_idle_includes_what_an_answer_asks_next(qtbot: QtBot, runner: Runner) -> None:
    answers: list[int] = []

    def ask_again(first: int) -> None:
        answers.append(first)
        runner.query(lambda session: first + 1, answers.append)  # a page reloading

    runner.query(lambda session: 1, ask_again)
    assert runner.wait_idle(5000)
    assert answers == [1, 2]


# -- slow jobs in a process of their own ---------------------------------------------------


def _burn(session: Session, progress: Callable[[int, int], None], seconds: float) -> int:
    """Pure Python for `seconds`: on a thread it would hold the interpreter throughout."""
    end, turns = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        turns += sum(range(200))
        progress(1, 2)
    session.execute(text(_INSERT_USER.format(name="From the child")))
    return os.getpid()


def test_a_process_job_leaves_the_gui_thread_free_and_announces_its_changes(
    qtbot: QtBot, runner: Runner
) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    answers: list[int] = []
    announced: list[Changes] = []
    runner.changed.connect(announced.append)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    runner.process_job(
        owner,
        "Burning",
        session_call_with_progress(_burn, seconds=1.5),
        answers.append,
        changes=Changes.of("users"),
    )
    assert runner.wait_idle(20000)
    timer.stop()
    assert answers and answers[0] != os.getpid()
    assert [changes.kinds for changes in announced] == [frozenset({"users"})]
    # The loop turned throughout: no gap near the job's 1.5 s (a thread would leave one).
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert len(ticks) > 50 and max(gaps) < 0.5, max(gaps)
    answered: list[int] = []
    runner.query(_count_profiles, answered.append)
    assert runner.wait_idle(5000) and answered[0] >= 1


def test_a_process_job_whose_child_asks_before_the_job_is_handed_back_runs(
    qtbot: QtBot, runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The job's thread starts, and its child asks whether it is cancelled, before
    `process_job` has the job to hand back (a busy machine): the job runs as any other."""
    owner = QWidget()
    qtbot.addWidget(owner)
    start = Runner.job

    def job_done_before_it_is_handed_back(self: Runner, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        job = start(self, *args, **kwargs)  # type: ignore[arg-type]
        assert job.wait(20000)
        return job

    monkeypatch.setattr(Runner, "job", job_done_before_it_is_handed_back)
    results: list[object] = []
    runner.process_job(
        owner,
        "Burning",
        session_call_with_progress(_burn, seconds=0.3),
        results.append,
        failed=results.append,
    )
    assert runner.wait_idle(10000)
    assert len(results) == 1 and not isinstance(results[0], BaseException), results


def test_a_cancelled_process_job_reports_nothing(qtbot: QtBot, runner: Runner) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    results: list[object] = []
    job = runner.process_job(
        owner,
        "Burning",
        session_call_with_progress(_burn, seconds=30),
        results.append,
        failed=results.append,
    )
    qtbot.wait(300)
    job.cancel()
    assert runner.wait_idle(10000)
    assert results == []
