"""When Python's garbage collector may run in the app: never over what lives as long as it.

A full collection walks every object the collector tracks, holding the interpreter whichever
thread starts it: over what start-up and the pages' code make (modules, classes, Qt's enums,
SQLAlchemy's and the models' constructs) one took 50-250 ms, a stall of the window each time.
So the app collects nothing while it starts (`pause_collection`), freezes what start-up made
once a person can work (`resume_collection`), and freezes again once the other pages' code
has been imported in the background (`freeze_imported`): later passes walk only what the
person's work makes. A frozen object is never collected; what start-up leaves as garbage is
small and made once.

Nor does the collector run on any thread but the GUI thread (`GuiThreadCollector`): left
automatic, whichever thread allocates past its threshold collects, and a reference cycle
holding a Qt object is then destroyed on that thread, where Qt objects may not be destroyed.

Tests that open windows leave the collector alone unless they ask to collect as the app does
(the journeys, whose stalls are measured).
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer

_as_app = False  # whether this process collects as the app does (freezing long-lived objects)


def pause_collection() -> None:
    """No collection while the app starts: start-up makes hundreds of thousands of objects
    that live as long as the app, and the collector's ~150 passes over them took 6-10% of
    the time to the list. `resume_collection` follows."""
    global _as_app
    _as_app = True
    gc.disable()


def resume_collection() -> None:
    """Collect again, what start-up made frozen first (kept out of every later pass): on the
    GUI thread (`GuiThreadCollector`) while the app runs, as Python does once it has ended."""
    global _collector
    if gc.isenabled() or (_collector is not None and _collector.is_collecting):
        return
    gc.freeze()
    app = QCoreApplication.instance()
    if app is None:
        gc.enable()
        return
    if _collector is None:
        _collector = GuiThreadCollector(app)
    _collector.start()


def end_collection_as_app() -> None:
    """The app has ended: the interpreter collects again, on whichever thread allocates."""
    if _collector is not None and _collector.is_collecting:
        _collector.stop()
    elif not gc.isenabled():
        gc.freeze()
        gc.enable()


def freeze_imported() -> None:
    """Keep what exists now, the pages' code imported after start, out of later passes (in
    the app, or a process collecting as it does)."""
    if _as_app:
        gc.freeze()


def stop_collecting_as_app() -> None:
    """Leave the collector as Python has it (what was frozen stays frozen); for tests."""
    global _as_app
    _as_app = False
    if _collector is not None:
        _collector.stop()


class GuiThreadCollector(QObject):
    """Python's cycle collector run by a timer on the GUI thread, never by another thread.

    Automatic, the collector runs in whichever thread allocates past its threshold: the
    runner's, the preloading one. A cycle holding a Qt object collected there destroys the
    object off the GUI thread, which Qt does not allow (in the journeys a sampling thread
    collected one whose disconnect waited for the interpreter the GUI thread held while it
    connected: both waited for ever). So automatic collection is off, and this collects in
    the turns of a timer, each generation when the interpreter's thresholds say it would,
    a full collection (which walks every unfrozen object) at most every FULL_EVERY_S.
    """

    INTERVAL_MS = 200
    FULL_EVERY_S = 10.0

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._last_full = time.monotonic()

    @property
    def is_collecting(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Hand collection back to the interpreter (the app has ended; tests)."""
        self._timer.stop()
        gc.enable()

    def collect_due(self) -> int | None:
        """Collect the oldest generation past its threshold, as an allocation would have;
        the generation collected, or None when none was due."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return None
        generation = max(g for g in range(3) if g == 0 or counts[g] > thresholds[g])
        if generation == 2:
            if time.monotonic() - self._last_full < self.FULL_EVERY_S:
                generation = 1
            else:
                self._last_full = time.monotonic()
        gc.collect(generation)
        return generation


_collector: GuiThreadCollector | None = None
