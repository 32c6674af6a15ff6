"""The garbage collector as the app runs it (postkit/ui/collection.py): start-up's objects and
the pages' code imported after it are kept out of later collections, which otherwise walked
them all on every full pass (50-250 ms stalls of the window)."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from postkit.core import processes
from postkit.ui import collection, preload

AS_THE_APP = """
import gc, sys
from postkit.core import processes
from postkit.ui import collection, preload
processes.warm_up = lambda: None  # no fork server for this check
collection.pause_collection()
start_up = [object() for _ in range(3)]  # stand-ins for what start-up makes
print(gc.isenabled())
collection.resume_collection()
after_start = gc.get_freeze_count()
print(gc.isenabled(), after_start >= 3, gc.is_tracked(start_up), start_up in gc.get_objects())
preload.import_quietly(["postkit.ui.screening.page"])
page = sys.modules["postkit.ui.screening.page"]
print(gc.get_freeze_count() > after_start, vars(page) in gc.get_objects())
"""


def test_what_start_up_and_the_preload_made_is_kept_out_of_later_collections() -> None:
    done = subprocess.run(
        [sys.executable, "-c", AS_THE_APP], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "True", "True", "False", "True", "False"]


def test_a_process_not_collecting_as_the_app_freezes_nothing_when_pages_preload(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Tests open windows by the hundred: a freeze per window would keep their garbage forever.
    monkeypatch.setattr(processes, "warm_up", lambda: None)
    frozen = gc.get_freeze_count()
    preload.import_quietly(["postkit.ui.screening.page"])
    assert gc.get_freeze_count() == frozen


class _Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def gui_thread_collector(qapp: QApplication) -> Iterator[collection.GuiThreadCollector]:
    collector = collection.GuiThreadCollector(qapp)
    was_enabled = gc.isenabled()
    collector.start()
    try:
        yield collector
    finally:
        collector.stop()
        collector.deleteLater()
        if not was_enabled:
            gc.disable()


def test_garbage_another_thread_makes_is_collected_on_the_gui_thread_only(
    qtbot: QtBot, gui_thread_collector: collection.GuiThreadCollector
) -> None:
    collected_on: list[int] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collected_on.append(threading.get_ident())

    kept: list[weakref.ref[_Cycle]] = []

    def make_garbage() -> None:
        for _ in range(20_000):  # past every generation's threshold, many times over
            kept.append(weakref.ref(_Cycle()))

    gc.callbacks.append(note)
    try:
        worker = threading.Thread(target=make_garbage)
        worker.start()
        worker.join()
        assert not collected_on, "nothing is collected on the thread that made the garbage"
        qtbot.waitUntil(lambda: all(ref() is None for ref in kept), timeout=5000)
    finally:
        gc.callbacks.remove(note)
    assert collected_on and set(collected_on) == {threading.main_thread().ident}
    assert not gc.isenabled()


@pytest.mark.parametrize(
    ("counts", "due"),
    [((100, 0, 0), []), ((800, 3, 0), [0]), ((800, 11, 0), [1]), ((800, 11, 11), [2, 1])],
)
def test_each_generation_is_collected_when_the_interpreter_would_a_full_pass_at_most_so_often(
    monkeypatch: pytest.MonkeyPatch,
    gui_thread_collector: collection.GuiThreadCollector,
    counts: tuple[int, int, int],
    due: list[int],
) -> None:
    collected: list[int] = []
    monkeypatch.setattr(collection.gc, "get_count", lambda: counts)
    monkeypatch.setattr(collection.gc, "get_threshold", lambda: (700, 10, 10))
    monkeypatch.setattr(collection.gc, "collect", collected.append)
    monkeypatch.setattr(gui_thread_collector, "_last_full", -1e9)

    for _ in due or [None]:
        gui_thread_collector.collect_due()

    assert collected == due  # a second full pass so soon after one collects the middle one


def test_the_app_collects_on_its_gui_thread_while_it_runs_and_hands_back_when_it_ends(
    qapp: QApplication,
) -> None:
    collection.pause_collection()
    try:
        collection.resume_collection()
        assert not gc.isenabled()
        assert collection._collector is not None and collection._collector.is_collecting
    finally:
        collection.end_collection_as_app()
        collection.stop_collecting_as_app()
    assert gc.isenabled()
    assert not collection._collector.is_collecting
