from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from postkit.core.errors import PostkitError
from postkit.ui.ops import run_job


def test_job_runs_off_the_gui_thread_and_hands_back_its_result(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    results: list[object] = []
    gui_thread = threading.get_ident()

    def work(progress):  # type: ignore[no-untyped-def]
        progress(1, 2)
        return threading.get_ident()

    job = run_job(parent, "working", work, results.append)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert results and results[0] != gui_thread


def test_cancel_stops_the_work_and_reports_nothing(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    steps: list[int] = []
    successes: list[object] = []
    failures: list[BaseException] = []

    def work(progress):  # type: ignore[no-untyped-def]
        for step in range(10_000):
            started.set()
            progress(step, 10_000)
            steps.append(step)
            threading.Event().wait(0.001)
        return "finished"

    job = run_job(parent, "long", work, successes.append, failures.append)
    assert started.wait(5)
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.dialog.canceled.emit()  # what the dialog's Cancel button sends
    assert successes == [] and failures == []
    assert len(steps) < 10_000


def test_errors_reach_the_failure_handler(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    failures: list[BaseException] = []

    def work(_progress):  # type: ignore[no-untyped-def]
        raise PostkitError("export.xlsx: the disk is full")

    job = run_job(parent, "failing", work, lambda _r: None, failures.append)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert [str(f) for f in failures] == ["export.xlsx: the disk is full"]
