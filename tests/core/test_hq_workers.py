"""Sharing reading between this process and forked workers (core/hq/workers.py)."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures.process import BrokenProcessPool

import pytest

from postkit.core.hq.workers import die_with, map_sharing_work

PARENT = os.getpid()


def _each(function):  # type: ignore[no-untyped-def]
    """A chunk's work: `function` of each of its items."""
    return lambda items: [function(item) for item in items]


def _slow_pid(item: int) -> tuple[int, int]:
    time.sleep(0.02)  # long enough that every worker takes some chunks
    return item, os.getpid()


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_several_workers_and_this_process_read_every_item_once_in_order() -> None:
    results = list(map_sharing_work(_each(_slow_pid), list(range(60)), 3, die_with, (PARENT,)))

    assert [item for item, _ in results] == list(range(60))
    readers = {pid for _, pid in results}
    assert PARENT in readers and len(readers) == 4
    assert all(_gone(pid) for pid in readers - {PARENT})


def test_the_workers_start_with_the_initializer() -> None:
    def mark(value: str) -> None:
        os.environ["POSTKIT_TEST_WORKER"] = value

    def read(item: int) -> tuple[int, str]:
        time.sleep(0.02)
        return os.getpid(), os.environ.get("POSTKIT_TEST_WORKER", "")

    results = list(map_sharing_work(_each(read), list(range(30)), 1, mark, ("started",)))

    assert {mark for pid, mark in results if pid != PARENT} == {"started"}
    assert {mark for pid, mark in results if pid == PARENT} == {""}


def _failing_at_zero(item: int) -> int:
    time.sleep(0.02)
    if item == 0:
        raise ValueError(f"item {item} cannot be read (in {os.getpid()})")
    return item


def test_an_error_in_a_worker_is_raised_here_at_its_turn() -> None:
    # The workers take chunks from the front: item 0 is read by a worker, never here.
    with pytest.raises(ValueError, match="item 0 cannot be read") as raised:
        list(map_sharing_work(_each(_failing_at_zero), list(range(40)), 1, die_with, (PARENT,)))
    assert f"(in {PARENT})" not in str(raised.value)


class _Unpicklable(Exception):
    def __init__(self, item: int, lock: object) -> None:
        super().__init__(f"item {item}")
        self.lock = lock


def _unpicklable_error(item: int) -> int:
    time.sleep(0.02)
    if item == 0:
        raise _Unpicklable(item, threading.Lock())
    return item


def test_an_error_that_cannot_be_sent_is_named() -> None:
    with pytest.raises(RuntimeError, match="_Unpicklable: item 0"):
        list(map_sharing_work(_each(_unpicklable_error), list(range(40)), 1, die_with, (PARENT,)))


def _dying_at_zero(item: int) -> int:
    time.sleep(0.02)
    if item == 0 and os.getpid() != PARENT:
        os._exit(3)  # a crash in a worker: nothing sent
    return item


def test_a_worker_that_dies_raises_instead_of_waiting_for_ever() -> None:
    with pytest.raises(BrokenProcessPool, match="ended before it sent"):
        list(map_sharing_work(_each(_dying_at_zero), list(range(40)), 1, die_with, (PARENT,)))


def test_stopping_early_ends_the_workers_at_once() -> None:
    results = map_sharing_work(_each(_slow_pid), list(range(200)), 2, die_with, (PARENT,))
    first = next(results)
    started = time.perf_counter()
    results.close()

    assert first[0] == 0 and first[1] != PARENT
    assert time.perf_counter() - started < 1.0  # 200 items take 2 s: they were not read
    assert _gone(first[1])


def _failing_here(item: int) -> tuple[int, int]:
    time.sleep(0.02)
    if os.getpid() == PARENT:
        raise OSError("this process cannot read")
    return item, os.getpid()


def test_an_error_here_ends_the_workers() -> None:
    readers: list[int] = []
    results = map_sharing_work(_each(_failing_here), list(range(40)), 1, die_with, (PARENT,))
    with pytest.raises(OSError, match="this process cannot read"):
        for _, pid in results:
            readers.append(pid)

    assert all(_gone(pid) for pid in readers)


def test_a_machine_that_allows_no_more_processes_reads_here_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from postkit.core.hq import workers

    def refuse() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(workers.os, "fork", refuse)
    results = list(map_sharing_work(_each(_slow_pid), list(range(20)), 2, die_with, (PARENT,)))

    assert results == [(item, PARENT) for item in range(20)]


@pytest.mark.parametrize(("count", "workers"), [(0, 1), (1, 1), (10, 0)])
def test_what_needs_no_worker_is_read_here_alone(count: int, workers: int) -> None:
    items = list(range(count))
    results = list(map_sharing_work(_each(_slow_pid), items, workers, die_with, (PARENT,)))

    assert [item for item, _ in results] == list(range(count))
    assert {pid for _, pid in results} <= {PARENT}


def test_a_share_held_by_a_worker_killed_midway_fails_instead_of_waiting_for_ever(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from postkit.core.hq import workers

    monkeypatch.setattr(workers, "_LOCK_SECONDS", 0.1)
    team = workers._Team(4)
    team._lock.acquire()  # as a worker killed while taking a chunk leaves it

    with pytest.raises(BrokenProcessPool, match="ended while taking its share"):
        team.take_from_back()
    team._lock.release()
    assert team.take_from_back() == 3


def test_each_chunk_is_worked_on_whole_in_one_call() -> None:
    def chunk_of(items: list[int]) -> list[tuple[int, int, int]]:
        time.sleep(0.02)
        return [(item, len(items), os.getpid()) for item in items]

    results = list(map_sharing_work(chunk_of, list(range(60)), 1, die_with, (PARENT,), 8, 2))

    assert [item for item, _, _ in results] == list(range(60))
    assert [size for _, size, _ in results[:8]] == [8] * 8  # the first chunk: a worker's
    assert {size for item, size, _ in results if 20 <= item < 40} == {2}
    assert len({pid for _, _, pid in results}) == 2
