"""Pausing Python's cycle collector through work that makes many objects and no cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Collecting or summarising survey exports makes some hundred thousand lists, tuples
    and dicts and no reference cycle; the cycle collector would walk them over and over as
    they are made (a fifth of summarising, and now and then a full pass of 100 ms while
    collecting), to free nothing. Objects are still freed as their last reference goes; the
    collector runs again afterwards as usual. The switch is the process's, so a pause in
    one thread pauses it for all: keep the paused work bounded."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
