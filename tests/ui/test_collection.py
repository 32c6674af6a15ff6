"""The garbage collector as the app runs it (postkit/ui/collection.py): start-up's objects and
the pages' code imported after it are kept out of later collections, which otherwise walked
them all on every full pass (50-250 ms stalls of the window)."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from postkit.core import processes
from postkit.ui import preload

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
