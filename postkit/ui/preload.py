"""Importing the pages not shown yet in the background, once the first page has what it shows.

The first visit to a module then does not wait for its code to import on the GUI thread. A
moment after the runner is quiet, so the first page's rows paint before the imports share the
interpreter with it; not a fixed time after start (1.5 s was), which a person going to
screening at once beat.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from postkit.ui.collection import freeze_imported

if TYPE_CHECKING:
    from postkit.ui.ops import Runner

PRELOAD_AFTER_MS = 250


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
        threading.Thread(
            target=import_quietly, args=(self._unbuilt(),), name="postkit-preload", daemon=True
        ).start()
