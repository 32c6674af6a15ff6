"""The shared table model: ids once, rows a page at a time, all read through the runner."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from sqlalchemy.orm import Session

from postkit.core.db import Database
from postkit.ui.ops import Runner
from postkit.ui.widgets.table_model import PAGE_SIZE, CachedTableModel


class _Numbers(CachedTableModel[str]):
    """Ids 1..count; a row is its id spelled out. Records on which thread each read ran."""

    def __init__(self, runner: Runner, count: int) -> None:
        super().__init__(runner)
        self.count = count
        self.read_threads: list[threading.Thread] = []
        self.pages_read: list[list[int]] = []

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Any, role: int = 0) -> Any:
        return self.cell(index.row(), index.column()) if role == 0 else None

    def ids_reader(self) -> Callable[[Session], list[int]]:
        count = self.count

        def read(_session: Session) -> list[int]:
            self.read_threads.append(threading.current_thread())
            return list(range(1, count + 1))

        return read

    def rows_reader(self) -> Callable[[Session, Sequence[int]], dict[int, str]]:
        def read(_session: Session, ids: Sequence[int]) -> dict[int, str]:
            self.read_threads.append(threading.current_thread())
            self.pages_read.append(list(ids))
            return {i: f"row {i}" for i in ids}

        return read

    def display(self, row: str, column: int) -> Any:
        return row


@pytest.fixture
def runner(qapp: Any, database: Database) -> Iterator[Runner]:
    runner = Runner(database)
    yield runner
    runner.close()


def test_ids_and_the_first_page_arrive_in_one_answer_off_the_gui_thread(runner: Runner) -> None:
    model = _Numbers(runner, 250)
    model.reload()
    assert model.rowCount() == 0 and not model.has_loaded
    assert runner.wait_idle()
    assert model.rowCount() == 250 and model.has_loaded
    assert model.cached_rows == PAGE_SIZE
    assert model.index(0, 0).data() == "row 1"
    assert threading.main_thread() not in model.read_threads


def test_a_row_past_the_first_page_is_read_once_when_first_shown(runner: Runner) -> None:
    model = _Numbers(runner, 250)
    model.reload()
    assert runner.wait_idle()
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    assert model.index(230, 0).data() is None
    assert model.index(240, 0).data() is None  # same page: asked once
    assert runner.wait_idle()
    assert model.index(230, 0).data() == "row 231"
    assert model.pages_read[-1] == list(range(201, 251))
    assert len(model.pages_read) == 2
    assert changed == [(200, 249)]


def test_pages_asked_while_a_read_waits_are_read_together_and_change_once(
    runner: Runner,
) -> None:
    """Every row asked at once (a scroll to the end, a reader of the whole list) is one read
    and one answer, not one a page: each answer waited for the interpreter the next read held."""
    model = _Numbers(runner, 1000)
    model.reload()
    assert runner.wait_idle()
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    gate = threading.Event()
    runner.query(lambda _session: gate.wait(10), lambda _answer: None)  # the runner is busy
    assert all(model.index(row, 0).data() is None for row in range(PAGE_SIZE, 1000))
    gate.set()
    assert runner.wait_idle()
    assert [i for page in model.pages_read[1:] for i in page] == list(range(PAGE_SIZE + 1, 1001))
    assert all(len(page) <= 500 for page in model.pages_read)  # within every database's limit
    assert changed == [(PAGE_SIZE, 999)]
    assert model.index(999, 0).data() == "row 1000"


def test_a_page_asked_before_a_reload_is_not_cached_after_it(runner: Runner) -> None:
    model = _Numbers(runner, 250)
    model.reload()
    assert runner.wait_idle()
    assert model.index(150, 0).data() is None  # page 2 asked
    model.count = 120
    model.reload()  # answered after the page: the page belongs to the old list
    assert runner.wait_idle()
    assert model.rowCount() == 120
    assert model.cached_rows == PAGE_SIZE  # only the new list's first page


def test_two_quick_reloads_show_the_second_answer_only(runner: Runner) -> None:
    model = _Numbers(runner, 10)
    loads: list[int] = []
    model.loaded.connect(lambda: loads.append(model.rowCount()))
    model.reload()
    model.count = 5
    model.reload()
    assert runner.wait_idle()
    assert loads == [5]
