"""One way to run slow work: off the GUI thread, with progress and cancel, errors in one place."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from postkit.core.errors import CancelledError
from postkit.ui.dialogs import show_error

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
