"""The few message boxes postkit asks, in one place so every error reads the same."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton, QWidget

from postkit.core.errors import PostkitError
from postkit.ui.widgets.tones import set_tone

log = logging.getLogger(__name__)


def error_label(parent: QWidget, text: str = "") -> QLabel:
    """The line under a form that says what is wrong with it, the same in every dialog."""
    label = QLabel(text, parent)
    set_tone(label, "danger", bold=True)
    label.setWordWrap(True)
    return label


class CheckedDialog(QDialog):
    """A dialog that checks its input as the user types: `_validate` (the subclass's) finds
    what is wrong and hands it to `say_problem`; OK is enabled only while nothing is, and
    pressing it checks once more. The subclass makes `error_label` (see `error_label`) and
    `ok_button`."""

    error_label: QLabel
    ok_button: QPushButton

    def _validate(self) -> bool:
        """Check the input and say what is wrong; True when it can be accepted."""
        raise NotImplementedError

    def say_problem(self, problem: str) -> bool:
        """Show `problem` under the form ("" for none) and enable OK only when there is none."""
        self.error_label.setText(problem)
        self.ok_button.setEnabled(not problem)
        return not problem

    def accept(self) -> None:
        if self._validate():
            super().accept()


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    ok = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(ok)
    box.exec()
    return box.clickedButton() is ok


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Tell the user what went wrong; bugs also go to the log with their traceback."""
    if isinstance(error, PostkitError):
        message = str(error)
    else:
        log.error("unexpected error", exc_info=error)
        message = (
            QCoreApplication.translate("Dialogs", "Something went wrong: {0}").format(error)
            if parent
            else str(error)
        )
    QMessageBox.warning(parent, QCoreApplication.translate("Dialogs", "postkit"), message)
