"""Reading many files in forked worker processes, in order, each worker ending with its parent.

Survey exports and annual returns are both read this way at headquarters.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import select
import signal
import struct
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
    work: Callable[[Sequence[Item]], list[Result]],
    items: Sequence[Item],
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
    chunk: int = 4,
    middle: int = 1,
) -> Iterator[Result]:
    """`work` over `items` in chunks, in this process and `workers` forked ones, results in
    the items' order; the workers are stopped when the caller stops early or fails. `work`
    takes a chunk of items and gives their results in order (one call per chunk lets it
    work on the chunk's items stage by stage); chunks hold `chunk` items, `middle` in the
    middle third (`_cuts`).

    The workers take chunks from the front while this process takes them from the back, each
    chunk one nobody has taken yet: no core waits for the workers to start, and a worker
    slowed by other work on its core simply reads less. `work` runs here as it is; only
    `initializer` is left to the workers. An error `work` raises in a worker is raised
    here at its chunk's turn; a worker that ends before sending what it took raises
    BrokenProcessPool.

    The chunks are shared through a counter in shared memory, each worker sending its
    results down a pipe of its own, so no thread of this process has to hand out the work:
    a process pool's handing thread waits for the interpreter lock while this process reads,
    which left the worker idle for a third of the time (measured: 35-54 ms of 150 returns'
    ~180 ms of reading, against ~3 ms this way).
    """
    chunks = [items[start:end] for start, end in _cuts(len(items), chunk, middle)]
    if workers < 1 or len(chunks) < 2:
        for part in chunks:
            yield from work(part)
        return
    team = _Team(len(chunks))
    try:
        for _ in range(min(workers, len(chunks) - 1)):
            try:
                team.fork(lambda index: work(chunks[index]), initializer, initargs)
            except OSError:  # no more processes allowed: those started and this one read
                break
        done: dict[int, tuple[bool, Any]] = {}
        turn = 0
        while turn < len(chunks):
            team.receive(done, wait=False)
            while turn in done:
                succeeded, outcome = done.pop(turn)
                if not succeeded:
                    raise outcome
                yield from outcome
                turn += 1
            if turn == len(chunks):
                break
            index = team.take_from_back()
            if index is not None:
                done[index] = (True, work(chunks[index]))
            elif not team.receive(done, wait=True):
                raise BrokenProcessPool("a worker process ended before it sent what it read")
        team.finish()
    finally:
        team.stop()


class _Team:
    """Forked workers sharing chunks numbered 0 .. count-1 with this process."""

    def __init__(self, count: int) -> None:
        context = multiprocessing.get_context("fork")
        self._lock = context.Lock()
        self._ends = context.RawArray(ctypes.c_long, [0, count])  # next at the front, back end
        self._pipes: dict[int, bytearray] = {}  # read end -> the bytes of a message begun
        self._pids: list[int] = []

    def fork(
        self,
        work: Callable[[int], list[Any]],
        initializer: Callable[..., None],
        initargs: tuple[Any, ...],
    ) -> None:
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            raise
        if pid == 0:  # the worker: never returns
            code = 1
            try:
                os.close(read_end)
                for other in self._pipes:
                    os.close(other)
                initializer(*initargs)
                self._work(work, write_end)
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        os.set_blocking(read_end, False)
        self._pids.append(pid)
        self._pipes[read_end] = bytearray()

    def _work(self, work: Callable[[int], list[Any]], write_end: int) -> None:
        while (index := self._take(front=True)) is not None:
            try:
                message = pickle.dumps((index, True, work(index)), pickle.HIGHEST_PROTOCOL)
            except BaseException as error:  # raised in the parent at this chunk's turn
                message = pickle.dumps((index, False, _sendable(error)), pickle.HIGHEST_PROTOCOL)
            view = memoryview(_HEADER.pack(len(message)) + message)
            while view:
                view = view[os.write(write_end, view) :]

    def take_from_back(self) -> int | None:
        return self._take(front=False)

    def _take(self, *, front: bool) -> int | None:
        # A worker killed while it held the lock (a few instructions long) would hold it
        # for ever: this process gives up instead of waiting for ever.
        if not self._lock.acquire(timeout=_LOCK_SECONDS):
            raise BrokenProcessPool("a worker process ended while taking its share of the work")
        try:
            start, end = self._ends
            if start >= end:
                return None
            if front:
                self._ends[0] = start + 1
                return start
            self._ends[1] = end - 1
            return end - 1
        finally:
            self._lock.release()

    def receive(self, done: dict[int, tuple[bool, Any]], *, wait: bool) -> bool:
        """Add what the workers have sent to `done`, waiting for something when `wait`;
        False when every worker has ended and there is nothing more to receive."""
        if not self._pipes:
            return False
        ready = select.select(list(self._pipes), [], [], None if wait else 0)[0]
        for read_end in ready:
            pending = self._pipes[read_end]
            try:
                data = os.read(read_end, 1 << 20)
            except BlockingIOError:
                continue
            if not data:
                os.close(read_end)
                del self._pipes[read_end]
                continue
            pending += data
            while len(pending) >= _HEADER.size:
                size = _HEADER.unpack_from(pending)[0]
                if len(pending) < _HEADER.size + size:
                    break
                index, succeeded, outcome = pickle.loads(
                    pending[_HEADER.size : _HEADER.size + size]
                )
                del pending[: _HEADER.size + size]
                done[index] = (succeeded, outcome)
        return True

    def finish(self) -> None:
        """Wait for the workers, which end once no chunk is left."""
        for pid in self._pids:
            os.waitpid(pid, 0)
        self._pids.clear()

    def stop(self) -> None:
        """End the workers at once (the caller stopped early or failed) and close the pipes."""
        for pid in self._pids:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self._pids.clear()
        for read_end in self._pipes:
            os.close(read_end)
        self._pipes.clear()


_HEADER = struct.Struct("<Q")  # the size of the pickled message that follows
_LOCK_SECONDS = 10.0


def _sendable(error: BaseException) -> BaseException:
    """`error` if it survives pickling, else a RuntimeError saying what it was."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _cuts(count: int, size: int, middle: int = 1) -> list[tuple[int, int]]:
    """Chunks of `size` items at both ends and of `middle` in the middle third, where the
    workers and this process meet: the last chunks a worker holds once this process runs
    out of chunks are short, so this process hardly waits (with chunks of 4 throughout,
    ~15 ms of 150 returns' reading)."""
    third = (count // 3, count - count // 3)
    cuts, start = [], 0
    while start < count:
        step = middle if third[0] <= start < third[1] else size
        end = min(start + step, count, third[0] if start < third[0] else count)
        cuts.append((start, end))
        start = end
    return cuts
