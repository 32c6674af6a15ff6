"""Which thread a function runs on: the tests that hold file writing off the GUI thread."""

from __future__ import annotations

import threading

import pytest


def threads_of(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[object]:
    """Record the thread each call of `module.name` runs on (the call still happens)."""
    threads: list[object] = []
    original = getattr(module, name)

    def recording(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, recording)
    return threads


def process_jobs(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record the work of each job started in a child process (the job still runs there):
    the tests that hold slow work out of the app's process, whose interpreter the GUI
    thread needs."""
    from postkit.core import processes

    works: list[object] = []
    original = processes.JobProcess.__init__

    def recording(self: object, address: object, work: object) -> None:
        works.append(work)
        original(self, address, work)  # type: ignore[arg-type]

    monkeypatch.setattr(processes.JobProcess, "__init__", recording)
    return works


def functions_of(works: list[object]) -> list[str]:
    """The names of the core functions the recorded process jobs called."""
    return [getattr(work, "name", None) or getattr(work, "__name__", "?") for work in works]
