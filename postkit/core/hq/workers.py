"""Reading many files in forked worker processes, in order, each worker ending with its parent.

Survey exports and annual returns are both read this way at headquarters.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from postkit.core.processes import die_with

__all__ = ["die_with", "map_in_workers", "map_sharing_work", "worker_count"]

Item = TypeVar("Item")
Result = TypeVar("Result")

# Fewer files than this are read in this process: starting workers costs more than it saves.
PARALLEL_FROM_FILES = 16


def worker_count(files: int) -> int:
    if files < PARALLEL_FROM_FILES:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if threading.current_thread() is not threading.main_thread():
        return 1
    if multiprocessing.current_process().daemon:
        # A job's process of its own (core/processes.py) may have none of its own: it reads
        # alone, and the app's interpreter stays free whichever way.
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def map_in_workers(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    count: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
) -> Iterator[Result]:
    """`function` over `items` in `count` forked workers, results in the items' order; the
    workers are stopped (queued work cancelled) when the caller stops early or fails."""
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        count, mp_context=context, initializer=initializer, initargs=initargs
    ) as pool:
        try:
            chunk = max(1, min(8, len(items) // (count * 4)))
            yield from pool.map(function, items, chunksize=chunk)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def map_sharing_work(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
    chunk: int = 4,
) -> Iterator[Result]:
    """`function` over `items` in this process and `workers` forked ones, results in the
    items' order; the workers are stopped (queued work cancelled) when the caller stops early
    or fails.

    The workers take chunks from the front while this process takes them from the back, each
    chunk a worker has not started yet: no core waits for the workers to start, and a worker
    slowed by other work on its core simply reads less. `function` runs here as it is; only
    `initializer` is left to the workers.
    """
    chunks = [items[start:end] for start, end in _cuts(len(items), chunk)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=initializer, initargs=initargs
    ) as pool:
        try:
            futures = [pool.submit(_mapped, function, part) for part in chunks]
            here: list[list[Result]] = []  # the chunks read here, from the last one back
            front, back = 0, len(chunks)
            while front < back:
                while front < back and futures[front].done():
                    yield from futures[front].result()
                    front += 1
                if front == back or not futures[back - 1].cancel():
                    break  # the workers have every chunk left: wait for them
                back -= 1
                here.append(_mapped(function, chunks[back]))
            for future in futures[front:back]:
                yield from future.result()
            for results in reversed(here):
                yield from results
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _cuts(count: int, size: int) -> list[tuple[int, int]]:
    """Chunks of `size` items at both ends and of one in the middle third, where the workers
    and this process meet: the last chunks a worker holds once this process runs out of
    chunks are short, so this process hardly waits (with chunks of 4 throughout, ~15 ms of
    150 returns' reading)."""
    middle = (count // 3, count - count // 3)
    cuts, start = [], 0
    while start < count:
        step = 1 if middle[0] <= start < middle[1] else size
        end = min(start + step, count, middle[0] if start < middle[0] else count)
        cuts.append((start, end))
        start = end
    return cuts


def _mapped(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    return [function(item) for item in items]
