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
