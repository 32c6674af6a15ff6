"""The cycle collector pauses for bounded work and comes back as it was."""

from __future__ import annotations

import gc

import pytest

from postkit.core.cycles import cycle_collector_paused


def test_the_collector_pauses_inside_and_runs_again_after_even_on_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), cycle_collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_paused_before_stays_paused() -> None:
    gc.disable()
    try:
        with cycle_collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
