"""One way to run work: the database runner for every call the UI makes, and slow jobs
with progress and cancel; all off the GUI thread, errors reported in one place."""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QObject,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from postkit.core.errors import CancelledError
from postkit.ui.dialogs import show_error

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from postkit.core.db import Database
    from postkit.core.processes import SessionWork

T = TypeVar("T")

Progress = Callable[[int, int], None]

PROGRESS_DELAY_MS = 600


class _Worker(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Progress], Any], cancel: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancel = cancel

    def _report(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise CancelledError()
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self._work(self._report)
        except BaseException as exc:  # handed to the GUI thread, which reports it
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


class Job(QObject):
    """A running piece of work; `finished` fires once, after success, failure or cancel."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[Progress], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._on_success = on_success
        self._on_failure = on_failure or (lambda exc: show_error(parent, exc))
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._worker = _Worker(work, self._cancel)
        self._worker.progressed.connect(self._show_progress)
        self._worker.succeeded.connect(self._succeed)
        self._worker.failed.connect(self._fail)
        self._worker.finished.connect(self._worker.deleteLater)

    def start(self) -> Job:
        self._worker.start()
        return self

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, msecs: int = 30000) -> bool:
        return self._worker.wait(msecs)

    def _show_progress(self, done: int, total: int) -> None:
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    def _succeed(self, result: object) -> None:
        self._close()
        self._on_success(result)
        self.finished.emit()

    def _fail(self, error: BaseException) -> None:
        self._close()
        if not isinstance(error, CancelledError):
            self._on_failure(error)
        self.finished.emit()

    def _close(self) -> None:
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()


def run_job(
    parent: QWidget,
    label: str,
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] | None = None,
) -> Job:
    """Run `work(progress)` on a worker thread; `progress` raises CancelledError on cancel."""
    return Job(parent, label, work, on_success, on_failure).start()


# -- the database runner -----------------------------------------------------------------


class Changes(NamedTuple):
    """What a write changed, told to every page so each can refresh what it shows.

    `kinds` names the record kinds ("activities", "requests", "practices", "responses",
    "forms", "hq", "profile", "users"); `origin` is the object that asked for the write, so
    a page can skip refreshing what it has already updated itself.
    """

    kinds: frozenset[str]
    ids: tuple[int, ...] = ()
    origin: object | None = None

    @classmethod
    def of(cls, *kinds: str, ids: Iterable[int] = (), origin: object | None = None) -> Changes:
        return cls(frozenset(kinds), tuple(ids), origin)

    def touches(self, *kinds: str) -> bool:
        return not self.kinds.isdisjoint(kinds)


class _Call(NamedTuple):
    ticket: int
    key: str | None
    run: Callable[[Session], Any]
    write: bool


class _DatabaseThread(QThread):
    """Runs the queued calls one after another, each in its own session."""

    delivered = Signal(int, bool, object)  # ticket, succeeded, result or error

    def __init__(self, database: Database | None) -> None:
        super().__init__()
        self.database = database
        self._calls: queue.SimpleQueue[_Call | None] = queue.SimpleQueue()
        self.skip: Callable[[_Call], bool] = lambda call: False

    def put(self, call: _Call | None) -> None:
        self._calls.put(call)

    def run(self) -> None:
        while (call := self._calls.get()) is not None:
            if self.skip(call):
                self.delivered.emit(call.ticket, False, _SUPERSEDED)
                continue
            try:
                assert self.database is not None
                with self.database.session() as session:
                    result = call.run(session)
                    if call.write:
                        session.commit()
            except BaseException as exc:  # handed to the GUI thread, which reports it
                self.delivered.emit(call.ticket, False, exc)
            else:
                self.delivered.emit(call.ticket, True, result)


class _Superseded:
    """Marks a query whose answer nobody waits for any more (a newer one with its key)."""


_SUPERSEDED = _Superseded()


class _Pending(NamedTuple):
    owner: QObject | None
    done: Callable[[Any], None]
    failed: Callable[[BaseException], None] | None
    changes: Changes | Callable[[Any], Changes] | None
    key: str | None


class Runner(QObject):
    """The one way the UI reaches the database: nothing touches it on the GUI thread.

    `query` reads and `write` changes, each on one worker thread in the order asked (so a
    read asked after a write sees it), handing the result to a callback on the GUI thread;
    a write then announces its `Changes` through `changed`, which pages refresh on. A query
    with a `key` supersedes an earlier one with the same key still pending (a list reloaded
    twice shows the second answer only). A callback whose owner widget is gone is dropped.
    `job` runs slow work (imports, exports, reports) with progress and cancel. Errors end
    in one place: the `failed` callback when given, else a message over the owner.

    A runner made without a database (start-up shows the list before it has opened) keeps
    what it is asked until `open` gives it one.
    """

    changed = Signal(object)  # Changes
    idle_changed = Signal(bool)

    # Whether `process_job` runs its work in a child process; a test that replaces a core
    # function for the work to use sets it False (a child does not see the replacement).
    isolate_jobs = True

    def __init__(self, database: Database | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._tickets = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._latest: dict[str, int] = {}
        self._jobs: set[Job] = set()
        self._thread = _DatabaseThread(database)
        self._thread.skip = self._is_superseded
        self._thread.delivered.connect(self._deliver)
        if database is not None:
            self._thread.start()

    def open(self, database: Database) -> None:
        """Start answering, over `database`, what was asked before it was open."""
        assert self._database is None, "the runner has its database"
        self._database = self._thread.database = database
        self._thread.start()

    @property
    def database(self) -> Database:
        assert self._database is not None, "the runner's database is not open yet"
        return self._database

    @property
    def is_open(self) -> bool:
        """Whether the runner has its database (answers what it is asked)."""
        return self._database is not None

    # -- asking ----------------------------------------------------------------------------

    def query(
        self,
        read: Callable[[Session], T],
        done: Callable[[T], None],
        *,
        owner: QObject | None = None,
        failed: Callable[[BaseException], None] | None = None,
        key: str | None = None,
    ) -> None:
        """Run `read(session)` off the GUI thread, then `done(result)` on it."""
        self._put(read, done, owner, failed, None, key, write=False)

    def write(
        self,
        change: Callable[[Session], T],
        done: Callable[[T], None] | None = None,
        *,
        changes: Changes | Callable[[T], Changes] | None,
        owner: QObject | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run `change(session)` and commit, then `done(result)` and announce `changes`
        (or `changes(result)` when what changed is known only from the result)."""
        self._put(change, done or (lambda _result: None), owner, failed, changes, None, True)

    def job(
        self,
        owner: QWidget,
        label: str,
        work: Callable[[Progress], T],
        done: Callable[[T], None],
        *,
        failed: Callable[[BaseException], None] | None = None,
        changes: Changes | Callable[[T], Changes] | None = None,
    ) -> Job:
        """Run slow `work(progress)` on its own thread with a progress dialog and Cancel."""

        def succeed(result: T) -> None:
            done(result)
            self._announce(changes, result)

        job = Job(owner, label, work, succeed, failed)
        self._jobs.add(job)
        if len(self._jobs) == 1 and not self._pending:
            self.idle_changed.emit(False)
        job.finished.connect(lambda: self._job_finished(job))
        return job.start()

    def session_job(
        self,
        owner: QWidget,
        label: str,
        work: Callable[[Session, Progress], T],
        done: Callable[[T], None],
        *,
        failed: Callable[[BaseException], None] | None = None,
        changes: Changes | Callable[[T], Changes] | None = None,
    ) -> Job:
        """`job` whose `work(session, progress)` gets a session of its own, committed after."""
        database = self.database

        def run(progress: Progress) -> T:
            with database.session() as session:
                result = work(session, progress)
                session.commit()
                return result

        return self.job(owner, label, run, done, failed=failed, changes=changes)

    def process_job(
        self,
        owner: QWidget,
        label: str,
        work: SessionWork[T],
        done: Callable[[T], None],
        *,
        failed: Callable[[BaseException], None] | None = None,
        changes: Changes | Callable[[T], Changes] | None = None,
    ) -> Job:
        """`session_job` in a child process of its own (core/processes.py), for work that
        would hold the interpreter long (writing a report, reading or matching many rows):
        on a thread it would stall the GUI thread, which needs the interpreter to turn.
        `work` must cross to the child: a module-level function or a partial of one."""
        if not self.isolate_jobs:
            return self.session_job(owner, label, work, done, failed=failed, changes=changes)
        from postkit.core.processes import DatabaseAddress, JobProcess

        address = DatabaseAddress.of(self.database)
        jobs: list[Job] = []  # the job, once made: its Cancel is what the child is told

        def run(progress: Progress) -> T:
            # The job's thread starts before `self.job` returns it: until then it is not
            # in `jobs`, and nobody holds it to cancel it (under load the child asked first,
            # and an IndexError failed the job: an import dialog's error box, in a test).
            return JobProcess(address, work).run(
                progress, lambda: bool(jobs) and jobs[0].is_cancelled
            )

        jobs.append(self.job(owner, label, run, done, failed=failed, changes=changes))
        return jobs[0]

    def announce(self, changes: Changes) -> None:
        """Tell the pages about a change made outside `write` (an undo, a restore)."""
        self.changed.emit(changes)

    # -- state -----------------------------------------------------------------------------

    @property
    def is_idle(self) -> bool:
        return not self._pending and not self._jobs

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        """Process events until every call has been answered (closing; tests)."""
        deadline = QDeadlineTimer(timeout_ms)
        while True:
            # An answer's callback may ask again (a page reloading after a write): idle
            # counts only once the events it posted have run too.
            QCoreApplication.processEvents()
            if self.is_idle:
                return True
            if deadline.hasExpired():
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            for job in list(self._jobs):
                job.wait(20)

    def cancel_jobs(self) -> None:
        """Ask every running job to stop (the window closes)."""
        for job in list(self._jobs):
            job.cancel()

    def close(self) -> None:
        """Finish what is queued and stop the worker (before the database is closed)."""
        if self._database is None:
            return  # never opened: what it was asked goes unanswered
        self.wait_idle()
        self._thread.put(None)
        self._thread.wait()

    # -- inside ----------------------------------------------------------------------------

    def _put(
        self,
        run: Callable[[Session], Any],
        done: Callable[[Any], None],
        owner: QObject | None,
        failed: Callable[[BaseException], None] | None,
        changes: Changes | Callable[[Any], Changes] | None,
        key: str | None,
        write: bool,
    ) -> None:
        was_idle = self.is_idle
        ticket = next(self._tickets)
        if key is not None:
            self._latest[key] = ticket
        self._pending[ticket] = _Pending(owner, done, failed, changes, key)
        self._thread.put(_Call(ticket, key, run, write))
        if was_idle:
            self.idle_changed.emit(False)

    def _is_superseded(self, call: _Call) -> bool:
        # Read on the worker thread; a stale answer at worst costs one extra query.
        return call.key is not None and self._latest.get(call.key) != call.ticket

    def _deliver(self, ticket: int, succeeded: bool, result: object) -> None:
        pending = self._pending.pop(ticket)
        if pending.key is not None and self._latest.get(pending.key) == ticket:
            del self._latest[pending.key]
        try:
            if result is _SUPERSEDED or not _alive(pending.owner):
                return
            if pending.key is not None and self._latest.get(pending.key, ticket) != ticket:
                return
            if succeeded:
                pending.done(result)
                self._announce(pending.changes, result)
            else:
                assert isinstance(result, BaseException)
                self._fail(pending, result)
        finally:
            if self.is_idle:
                self.idle_changed.emit(True)

    def _fail(self, pending: _Pending, error: BaseException) -> None:
        if pending.failed is not None:
            pending.failed(error)
        else:
            owner = pending.owner if isinstance(pending.owner, QWidget) else None
            show_error(owner, error)

    def _announce(self, changes: Changes | Callable[[Any], Changes] | None, result: Any) -> None:
        if changes is None:
            return
        self.changed.emit(changes(result) if callable(changes) else changes)

    def _job_finished(self, job: Job) -> None:
        self._jobs.discard(job)
        if self.is_idle:
            self.idle_changed.emit(True)


def _alive(owner: QObject | None) -> bool:
    return owner is None or shiboken6.isValid(owner)
