"""Destroying the windows earlier tests closed, so none lives on into the next test."""

from __future__ import annotations

from gc import collect as collect_garbage  # the real one, whatever a test patches

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication


def destroy_closed_windows() -> None:
    """Delete now what closed tests left to delete later. pytest-qt closes a test's widgets
    and deletes them later (`deleteLater`): left so, a main window lived on into the next
    test's event loop, where its timers fired (its page preloader answered for the new
    window) and a modal dialog blocked its widgets too."""
    if QApplication.instance() is None:  # a test without Qt
        return
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    collect_garbage()  # a closed window held only by a reference cycle is deleted later too
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
