"""Slow work in a child process of its own, so that the app's interpreter stays free.

Python runs one thread at a time. A report written on a worker thread takes the interpreter
from the GUI thread for most of its run: with ten times the demo data the window did not
turn for 150-550 ms at a time while reportlab, openpyxl or SQLAlchemy worked on a thread,
the GUI thread itself idle (its own CPU time over such a stall: 1-2 ms). A job run here
shares nothing with the app but the database: the child opens its own connection, runs
`work(session, progress)`, commits, and sends the result back.

The child is forked from a fork server (a clean process started once, postkit's core
imported in it), never from the app itself, whose Qt threads a fork would copy half-way;
where there is no fork server (Windows) it is spawned. `work` therefore crosses a process
boundary: a module-level function, or a `functools.partial` of one with plain arguments.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from postkit.core.errors import CancelledError, PostkitError

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from sqlalchemy.orm import Session

    from postkit.core.db import Database

T = TypeVar("T")
Progress = Callable[[int, int], None]
SessionWork = Callable[["Session", Progress], T]

# What the fork server imports once, so that each job's child starts with it loaded.
_PRELOAD = [
    "postkit.core.processes",
    "postkit.core.db.database",
    "postkit.core.db.models",
    "sqlalchemy.orm",
]
# A child sends progress at most this often (a loop may report every row).
_PROGRESS_SECONDS = 0.05
# A cancelled child that does not stop at its next progress report is ended after this.
_CANCEL_GRACE_SECONDS = 2.0
_POLL_SECONDS = 0.05

_PROGRESS, _DONE, _FAILED, _CANCEL = "progress", "done", "failed", "cancel"
_ENV = "POSTKIT_"


@dataclass(frozen=True)
class DatabaseAddress:
    """What a child needs to open the app's database itself (its key stays in memory)."""

    url: str
    passphrase: str | None = field(default=None, repr=False)
    files_dir: Path | None = None
    file_key: bytes | None = field(default=None, repr=False)

    @classmethod
    def of(cls, database: Database) -> DatabaseAddress:
        from postkit.core.sealed_files import key_for

        return cls(
            url=database.engine.url.render_as_string(hide_password=False),
            passphrase=database.passphrase,
            files_dir=database.files_dir,
            file_key=key_for(database.files_dir) if database.is_protected else None,
        )


@dataclass(frozen=True)
class SessionCall(Generic[T]):
    """`function(session, *args, **kwargs)` as a job's work, in a form that crosses to the
    child process; `with_progress` passes the job's progress as the `progress` keyword.

    `function` may be named "package.module:function": the module is then imported in the
    child only, so that naming the work does not load, on the GUI thread, what only the
    work needs (reportlab, openpyxl)."""

    function: Callable[..., T] | str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    with_progress: bool = False

    def __call__(self, session: Session, progress: Progress) -> T:
        function = _resolved(self.function)
        if self.with_progress:
            return function(session, *self.args, progress=progress, **self.kwargs)
        return function(session, *self.args, **self.kwargs)

    @property
    def name(self) -> str:
        """The function's name, as `function` names it."""
        if isinstance(self.function, str):
            return self.function.rpartition(":")[2]
        return getattr(self.function, "__name__", repr(self.function))


def _resolved(function: Callable[..., T] | str) -> Callable[..., T]:
    if not isinstance(function, str):
        return function
    module, _, name = function.partition(":")
    found = getattr(importlib.import_module(module), name)
    return found  # type: ignore[no-any-return]


def session_call(function: Callable[..., T] | str, /, *args: Any, **kwargs: Any) -> SessionCall[T]:
    """A job's work calling `function(session, *args, **kwargs)`."""
    return SessionCall(function, args, kwargs)


def session_call_with_progress(
    function: Callable[..., T] | str, /, *args: Any, **kwargs: Any
) -> SessionCall[T]:
    """A job's work calling `function(session, *args, progress=progress, **kwargs)`."""
    return SessionCall(function, args, kwargs, with_progress=True)


def start_method() -> str:
    """How children are started here: from the fork server, else spawned (Windows)."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


_context_lock = threading.Lock()
_context: BaseContext | None = None


def _job_context() -> BaseContext:
    global _context
    with _context_lock:
        if _context is None:
            context = multiprocessing.get_context(start_method())
            if start_method() == "forkserver":
                context.set_forkserver_preload(_PRELOAD)
            _context = context
        return _context


def warm_up() -> None:
    """Start the fork server now (it imports postkit's core once), so that the first job
    does not wait for it; call off the GUI thread. Nothing to do where children spawn."""
    context = _job_context()
    if start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
    del context


class JobProcess(Generic[T]):
    """One job's child process, seen from the parent: `run` starts it and waits for its
    answer, handing on its progress and asking it to stop when `is_cancelled` says so."""

    def __init__(self, address: DatabaseAddress, work: SessionWork[T]) -> None:
        context = _job_context()
        self._connection, self._child_end = context.Pipe()
        # The fork server keeps the environment it started with: postkit's own settings
        # (the data folder, say) go with each job as they are now.
        settings = {
            name: value
            for name, value in os.environ.items()
            if name.startswith(_ENV) and "PASSPHRASE" not in name  # a passphrase goes apart
        }
        self._process = context.Process(
            target=_child_main,
            args=(self._child_end, address, work, settings),
            name="postkit-job",
            daemon=True,
        )

    def run(self, progress: Progress, is_cancelled: Callable[[], bool]) -> T:
        try:
            self._process.start()
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            raise TypeError(
                f"a job run in a process needs a module-level function or a partial of one "
                f"with plain arguments ({error})"
            ) from error
        finally:
            self._child_end.close()
        cancel_asked: float | None = None
        try:
            while True:
                if cancel_asked is None and is_cancelled():
                    cancel_asked = time.monotonic()
                    with contextlib.suppress(OSError):
                        self._connection.send((_CANCEL,))
                if cancel_asked is not None and (
                    time.monotonic() - cancel_asked > _CANCEL_GRACE_SECONDS
                ):
                    raise CancelledError()
                if not self._connection.poll(_POLL_SECONDS):
                    # The child may have sent its answer and ended since the poll: read on.
                    if self._process.is_alive() or self._connection.poll(0):
                        continue
                    return self._answer_after_exit()
                try:
                    message = self._connection.recv()
                except EOFError:
                    return self._answer_after_exit()
                if message[0] == _PROGRESS:
                    if not is_cancelled():  # once cancelled, the child's answer is awaited
                        progress(message[1], message[2])
                elif message[0] == _DONE:
                    return message[1]  # type: ignore[no-any-return]
                else:
                    raise message[1]
        finally:
            self._end()

    def _answer_after_exit(self) -> T:
        self._process.join(1.0)
        raise PostkitError(
            f"the job's process ended without an answer (exit code {self._process.exitcode})"
        )

    def _end(self) -> None:
        self._connection.close()
        self._process.join(0.5)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(2.0)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._process.close()


def run_in_process(
    address: DatabaseAddress,
    work: SessionWork[T],
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> T:
    """`work(session, progress)` in a child process over the database at `address`,
    committed there; its result (or its error) here."""
    return JobProcess(address, work).run(progress or (lambda _done, _total: None), is_cancelled)


# -- in the child ----------------------------------------------------------------------------


def _child_main(
    connection: Connection,
    address: DatabaseAddress,
    work: SessionWork[Any],
    settings: dict[str, str],
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is the parent's
    for name in [name for name in os.environ if name.startswith(_ENV)]:
        del os.environ[name]
    os.environ.update(settings)
    # The parent is the fork server where there is one: it ends when the app ends.
    die_with(os.getppid())
    try:
        result = _run_work(connection, address, work)
    except BaseException as error:  # sent to the parent, which reports it
        message: tuple[object, ...] = (_FAILED, _transportable(error))
    else:
        message = (_DONE, result)
    try:
        connection.send(message)
    except (pickle.PicklingError, TypeError, AttributeError) as error:
        connection.send((_FAILED, PostkitError(f"the job's result cannot be sent back ({error})")))
    finally:
        connection.close()


def _run_work(connection: Connection, address: DatabaseAddress, work: SessionWork[T]) -> T:
    from postkit.core.db.database import connect
    from postkit.core.sealed_files import remember_key

    last_sent = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last_sent
        if connection.poll() and connection.recv()[0] == _CANCEL:
            raise CancelledError()
        now = time.monotonic()
        if now - last_sent >= _PROGRESS_SECONDS or done >= total:
            last_sent = now
            connection.send((_PROGRESS, done, total))

    database = connect(address.url, address.passphrase)
    try:
        if address.file_key is not None:
            remember_key(database.files_dir, address.file_key)
        with database.session() as session:
            result = work(session, progress)
            session.commit()
        return result
    finally:
        database.dispose()


def _transportable(error: BaseException) -> BaseException:
    """`error` as the parent can unpickle it: an exception whose constructor takes other
    arguments than its message does not come back from pickle, its message does."""
    notes = "".join(traceback.format_exception(error))
    try:
        copy = pickle.loads(pickle.dumps(error))
        if type(copy) is type(error):
            return error
    except Exception:  # any exception type can fail its own unpickling
        pass
    if isinstance(error, CancelledError):
        return CancelledError()
    if isinstance(error, PostkitError):
        plain = PostkitError(str(error))
    else:
        plain = RuntimeError(f"{type(error).__name__}: {error}")
    plain.add_note(notes)
    return plain


# -- children end with their parent ----------------------------------------------------------

_PR_SET_PDEATHSIG = 1
_PARENT_POLL_SECONDS = 0.5


def die_with(parent: int) -> None:
    """End this child process when its parent ends, however it ends.

    A killed parent never stops its children: a worker would wait on its pipe for ever,
    holding the database and its -wal/-shm open. Linux signals the child itself
    (PR_SET_PDEATHSIG); elsewhere, and should that fail, a thread watches the parent's id.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
