"""When Python's garbage collector may run in the app: never over what lives as long as it.

A full collection walks every object the collector tracks, holding the interpreter whichever
thread starts it: over what start-up and the pages' code make (modules, classes, Qt's enums,
SQLAlchemy's and the models' constructs) one took 50-250 ms, a stall of the window each time.
So the app collects nothing while it starts (`pause_collection`), freezes what start-up made
once a person can work (`resume_collection`), and freezes again once the other pages' code
has been imported in the background (`freeze_imported`): later passes walk only what the
person's work makes. A frozen object is never collected; what start-up leaves as garbage is
small and made once.

Tests that open windows leave the collector alone unless they ask to collect as the app does
(the journeys, whose stalls are measured).
"""

from __future__ import annotations

import gc

_as_app = False  # whether this process collects as the app does (freezing long-lived objects)


def pause_collection() -> None:
    """No collection while the app starts: start-up makes hundreds of thousands of objects
    that live as long as the app, and the collector's ~150 passes over them took 6-10% of
    the time to the list. `resume_collection` follows."""
    global _as_app
    _as_app = True
    gc.disable()


def resume_collection() -> None:
    """Collect again, what start-up made frozen first (kept out of every later pass)."""
    if not gc.isenabled():
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
