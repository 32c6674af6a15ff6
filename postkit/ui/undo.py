"""Wraps postkit.core's undoable commands for Qt's undo stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from postkit.core.db import Database
from postkit.core.errors import PostkitError
from postkit.ui.ops import Changes, Runner


class CoreCommand(Protocol):
    def apply(self, session: Session) -> list[int]: ...
    def revert(self, session: Session) -> list[int]: ...


class RunnerUndoCommand(QUndoCommand):
    """Runs a core command through the runner; pushed on the stack only once it applied.

    `kind` names the records the command changes (see `Changes`): after each step the
    runner announces them, with the ids the step touched, so pages refresh.
    """

    def __init__(
        self,
        text: str,
        command: CoreCommand,
        runner: Runner,
        kind: str,
        on_error: Callable[[BaseException], None],
        origin: object | None = None,
    ) -> None:
        super().__init__(text)
        self._command = command
        self._runner = runner
        self._kind = kind
        self._on_error = on_error
        self._origin = origin
        self._applied = False

    def perform(self, stack: QUndoStack, failed: Callable[[BaseException], None]) -> None:
        """Apply now and push on `stack` when it worked; on failure nothing is pushed."""

        def applied(_ids: list[int]) -> None:
            self._applied = True
            stack.push(self)

        self._runner.write(
            self._command.apply,
            applied,
            changes=self._changes,
            owner=stack,
            failed=failed,
        )

    def redo(self) -> None:
        if self._applied:  # `perform` applied it; pushing calls redo once more
            self._applied = False
            return
        self._run(self._command.apply)

    def undo(self) -> None:
        self._run(self._command.revert)

    def _run(self, step: Callable[[Session], list[int]]) -> None:
        def fail(error: BaseException) -> None:
            self.setObsolete(True)
            self._on_error(error)

        self._runner.write(step, changes=self._changes, failed=fail)

    def _changes(self, ids: list[int]) -> Changes:
        return Changes.of(self._kind, ids=ids, origin=self._origin)


class DatabaseUndoCommand(QUndoCommand):
    """Runs a core command in a session of its own (the practices library, until it moves to
    the runner: then this class goes); the first redo is skipped, `perform` applied it."""

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
