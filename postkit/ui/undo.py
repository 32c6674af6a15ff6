"""Wraps postkit.core's undoable commands for Qt's undo stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from postkit.core.db import Database
from postkit.core.errors import PostkitError


class CoreCommand(Protocol):
    def apply(self, session: Session) -> list[int]: ...
    def revert(self, session: Session) -> list[int]: ...


class DatabaseUndoCommand(QUndoCommand):
    """Runs a core command; the first redo is skipped because `perform` already applied it."""

    def __init__(
        self,
        text: str,
        command: CoreCommand,
        database: Database,
        on_changed: Callable[[list[int], bool], None],
        on_error: Callable[[PostkitError], None],
    ) -> None:
        super().__init__(text)
        self._command = command
        self._database = database
        self._on_changed = on_changed
        self._on_error = on_error
        self._applied = False

    def perform(self) -> list[int]:
        """Apply now, raising PostkitError to the caller (so nothing is pushed on failure)."""
        with self._database.session() as session:
            ids = self._command.apply(session)
        self._applied = True
        self._on_changed(ids, False)
        return ids

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._run(self._command.apply, reverted=False)

    def undo(self) -> None:
        self._run(self._command.revert, reverted=True)

    def _run(self, step: Callable[[Session], list[int]], reverted: bool) -> None:
        try:
            with self._database.session() as session:
                ids = step(session)
        except PostkitError as error:
            self.setObsolete(True)
            self._on_error(error)
            return
        self._on_changed(ids, reverted)
