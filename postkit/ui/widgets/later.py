"""Work a page does in the background on the GUI thread, in turns of the event loop that a
person is not using."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

# How often work waiting for a dialog to close looks again.
RETRY_MS = 100


def in_a_free_turn(receiver: QObject, work: Callable[[], None], delay_ms: int = 0) -> None:
    """Run `work` on a later turn of the event loop (after `delay_ms`), once no modal dialog
    is open; never once `receiver` is deleted.

    Building a page's hidden parts while a person answers a dialog shares the dialog's turns
    with it: a file dialog opened at once on the screening page showed while the page built
    its checklist (77 ms in one turn over ten times the demo data).
    """

    def attempt() -> None:
        if QApplication.activeModalWidget() is not None:
            QTimer.singleShot(RETRY_MS, receiver, attempt)
            return
        work()

    QTimer.singleShot(delay_ms, receiver, attempt)
