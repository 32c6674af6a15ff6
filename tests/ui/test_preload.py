"""The page preloader gives way to the window: it imports while the event loop turns."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from postkit.ui import preload
from postkit.ui.preload import GivingWay

BUSY_FOR_S = 0.12


def _waited_on_the_preload_thread(giving_way: GivingWay) -> float:
    """Seconds `giving_way` held back one module the preload thread asked for."""
    waited: list[float] = []

    def ask() -> None:
        start = time.monotonic()
        giving_way.find_spec("some.module", None)
        waited.append(time.monotonic() - start)

    giving_way.thread = threading.Thread(target=ask)
    giving_way.thread.start()
    giving_way.thread.join(timeout=5)
    return waited[0]


def _busy_until(turns_again_at: float) -> Callable[[], float]:
    """A loop that last turned a second ago until `turns_again_at`, then turns."""
    last = time.monotonic() - 1.0
    return lambda: last if time.monotonic() < turns_again_at else time.monotonic()


def test_a_module_waits_while_the_window_is_busy_and_loads_once_it_turns() -> None:
    giving_way = GivingWay(_busy_until(time.monotonic() + BUSY_FOR_S))
    waited = _waited_on_the_preload_thread(giving_way)
    assert BUSY_FOR_S - 0.02 <= waited < preload.WAIT_AT_MOST_S


def test_a_module_loads_at_once_while_the_window_turns() -> None:
    assert _waited_on_the_preload_thread(GivingWay(time.monotonic)) < 0.02


def test_a_window_busy_for_long_holds_a_module_back_only_so_long(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(preload, "WAIT_AT_MOST_S", 0.1)
    waited = _waited_on_the_preload_thread(GivingWay(lambda: 0.0))
    assert 0.09 <= waited < 0.5


def test_no_module_waits_when_the_gui_thread_waits_for_an_import_the_preload_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The GUI thread waiting for a module's lock does not turn its loop: waiting for it to
    # turn would hold both up to WAIT_AT_MOST_S per module.
    from importlib import _bootstrap  # type: ignore[attr-defined]

    monkeypatch.setattr(
        _bootstrap, "_blocking_on", {threading.main_thread().ident: object()}, raising=False
    )
    assert _waited_on_the_preload_thread(GivingWay(lambda: 0.0)) < 0.02


def test_other_threads_never_wait() -> None:
    start = time.monotonic()
    GivingWay(lambda: 0.0).find_spec("some.module", None)
    assert time.monotonic() - start < 0.02


def test_the_preload_imports_with_the_window_turning_and_leaves_the_import_system_as_it_was(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    from PySide6.QtCore import QObject

    finders: list[object] = []
    monkeypatch.setattr(preload, "import_quietly", lambda names: finders.extend(sys.meta_path[:1]))

    class IdleRunner(QObject):
        is_idle = True

    parent = QObject()
    preloader = preload.PagePreloader(IdleRunner(), lambda: ["json"], parent)  # type: ignore[arg-type]
    preloader._preload()
    qtbot.waitUntil(lambda: bool(finders))
    assert isinstance(finders[0], GivingWay), "imports went through the finder"
    qtbot.waitUntil(lambda: not any(isinstance(f, GivingWay) for f in sys.meta_path))
