"""Background work on the GUI thread waits for turns a person is not using (widgets/later.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from postkit.ui.widgets import later
from postkit.ui.widgets.later import in_a_free_turn


def test_the_work_runs_on_a_later_turn(qtbot: QtBot) -> None:
    receiver = QObject()
    ran: list[str] = []

    in_a_free_turn(receiver, lambda: ran.append("built"))

    assert ran == []  # not at once
    qtbot.waitUntil(lambda: ran == ["built"], timeout=1000)


def test_the_work_waits_while_a_dialog_is_open(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(later, "RETRY_MS", 10)
    receiver = QObject()
    ran: list[str] = []
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    qtbot.waitExposed(dialog)

    in_a_free_turn(receiver, lambda: ran.append("built"))
    qtbot.wait(150)
    assert ran == []  # asked for many times, put off each time
    dialog.close()
    qtbot.waitUntil(lambda: ran == ["built"], timeout=1000)


def test_work_for_a_deleted_receiver_never_runs(qtbot: QtBot) -> None:
    receiver = QObject()
    ran: list[str] = []

    in_a_free_turn(receiver, lambda: ran.append("built"), delay_ms=20)
    receiver.deleteLater()
    qtbot.wait(120)

    assert ran == []
