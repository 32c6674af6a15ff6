"""Importing the pages not shown yet in the background, once the first page has what it shows.

The first visit to a module then does not wait for its code to import on the GUI thread. A
moment after the runner is quiet, so the first page's rows paint before the imports share the
interpreter with it; not a fixed time after start (1.5 s was), which a person going to
screening at once beat.

The imports share the interpreter with the GUI thread, and every call Qt makes into Python
waits for it: importing while a person types made the window's turns long (a journey's
stalls sampled the preload importing). So the preload gives way: before each module it
loads, it waits while the window's event loop has not turned lately (`GivingWay`), unless
the GUI thread waits for an import the preload holds.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.abc
import sys
import threading
import time
from collections.abc import Callable, Sequence
from importlib import _bootstrap  # type: ignore[attr-defined]
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from postkit.ui.collection import freeze_imported

if TYPE_CHECKING:
    from postkit.ui.ops import Runner

PRELOAD_AFTER_MS = 250
TURN_EVERY_MS = 10  # how often the loop notes that it turns while the preload runs
BUSY_S = 0.03  # not turned for this long: the GUI thread is busy, the preload waits
WAIT_AT_MOST_S = 0.5  # per module: a window busy for longer does not hold the preload up


def import_quietly(names: list[str]) -> None:
    """Import `names` (on a worker thread); a failing one fails again, visibly, when used.
    Then keep the imported code out of later garbage collections, and start the fork server
    slow jobs' processes come from (core/processes.py), so the first job does not start it."""
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # reported where the page is built, on the GUI thread
            continue
    freeze_imported()
    from postkit.core.processes import warm_up

    with contextlib.suppress(OSError):  # the first job tries again, and reports what fails
        warm_up()


class GivingWay(importlib.abc.MetaPathFinder):
    """Finds nothing; before each module `thread` loads, waits (up to WAIT_AT_MOST_S) while
    the GUI thread's event loop last turned (`last_turn`) more than BUSY_S ago."""

    def __init__(self, last_turn: Callable[[], float]) -> None:
        self.thread: threading.Thread | None = None
        self._last_turn = last_turn
        self._gui_thread = threading.main_thread().ident

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if threading.current_thread() is self.thread:
            give_up = time.monotonic() + WAIT_AT_MOST_S
            while (
                time.monotonic() - self._last_turn() > BUSY_S
                and not self._gui_waits_for_an_import()
                and time.monotonic() < give_up
            ):
                time.sleep(0.005)
        return None

    def _gui_waits_for_an_import(self) -> bool:
        # The import system's own note of who waits for a module's lock: the lock of the
        # module asked for (and its packages') is held while this waits, and a GUI thread
        # waiting for it does not turn its loop. Unknown (another Python): assume it does.
        blocking_on = getattr(_bootstrap, "_blocking_on", None)
        return blocking_on is None or bool(blocking_on.get(self._gui_thread))


class _LoopTurns(QObject):
    """When the GUI thread's event loop last turned, noted by a timer until `thread` ends."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.last = time.monotonic()
        self.thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TURN_EVERY_MS)
        self._timer.timeout.connect(self._turned)
        self._timer.start()

    def _turned(self) -> None:
        self.last = time.monotonic()
        if self.thread is not None and not self.thread.is_alive():
            self._timer.stop()


def _import_giving_way(names: list[str], giving_way: GivingWay) -> None:
    sys.meta_path.insert(0, giving_way)
    try:
        import_quietly(names)
    finally:
        sys.meta_path.remove(giving_way)


class PagePreloader(QObject):
    """Imports the modules `unbuilt()` names on a worker thread once `runner` is quiet."""

    def __init__(self, runner: Runner, unbuilt: Callable[[], list[str]], parent: QObject) -> None:
        super().__init__(parent)
        self._runner = runner
        self._unbuilt = unbuilt

    def start(self) -> None:
        QTimer.singleShot(PRELOAD_AFTER_MS, self._preload)

    def _preload(self) -> None:
        runner = self._runner
        if not runner.is_idle:

            def when_idle(idle: bool) -> None:
                if idle:
                    runner.idle_changed.disconnect(when_idle)
                    self.start()

            runner.idle_changed.connect(when_idle)
            return
        turns = _LoopTurns(self)
        giving_way = GivingWay(lambda: turns.last)
        thread = threading.Thread(
            target=_import_giving_way,
            args=(self._unbuilt(), giving_way),
            name="postkit-preload",
            daemon=True,
        )
        giving_way.thread = turns.thread = thread
        thread.start()
