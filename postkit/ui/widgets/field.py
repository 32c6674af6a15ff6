"""A form field with the sentence that says what is wrong with it right below (the dialogs
validate as the user types and say so next to the field)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from postkit.ui.widgets.tones import set_tone


class FieldWithError(QWidget):
    """`field` (a widget or a row of them) with its error line below, hidden while empty."""

    def __init__(self, field: QWidget | QHBoxLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if isinstance(field, QWidget):
            layout.addWidget(field)
            self.setFocusProxy(field)  # the row's label (its buddy) then focuses the field
        else:
            layout.addLayout(field)
        self.error = QLabel(self)
        set_tone(self.error, "danger")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def name_fields(self, label: str) -> None:
        """Names the inputs inside for a screen reader: the form's label names this wrapper,
        which a screen reader skips."""
        inputs = (QLineEdit, QPlainTextEdit, QComboBox)
        for edit in self.findChildren(QWidget):
            if isinstance(edit, inputs) and not edit.accessibleName():
                edit.setAccessibleName(label.replace("&", "").rstrip(": "))

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
