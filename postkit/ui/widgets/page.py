"""What every module's page has: the runner it works through, the acting post's profile, the
language, the undo stack its changes go to, and the signals the main window listens to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from postkit.ui.dialogs import show_error

if TYPE_CHECKING:
    from postkit.core.profile import PostProfile
    from postkit.ui.ops import Runner


class ModulePage(QWidget):
    """A module's page, built by `build` once the runner, profile, language and undo stack
    are set. Changes that can be taken back go on `undo_stack`: the main window's, so Edit ▸
    Undo takes them back (a page made without one keeps its own).
    Its signals, named alike on every page:

    - `changed`: the page shows data changed (here or elsewhere);
    - `selection_changed`: another record is selected or shown, or none;
    - `state_changed`: something else the module's actions read changed (a job started or
      ended, a form opened or closed);
    - `status_message(text)`: a line for the window's status bar.
    """

    changed = Signal()
    selection_changed = Signal()
    state_changed = Signal()
    status_message = Signal(str)

    def __init__(
        self,
        runner: Runner,
        profile: PostProfile,
        language: str = "en",
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self._profile = profile
        self._language = language
        self.undo_stack = undo_stack or QUndoStack(self)
        self.build()

    def build(self) -> None:
        """Build the page's widgets (runs at the end of the constructor)."""

    def reload(self) -> None:
        """Read again what the page shows."""

    def fail_and_reload(self, error: BaseException) -> None:
        """Say what went wrong, then show the data as it is now (after a failed change)."""
        show_error(self, error)
        self.reload()
