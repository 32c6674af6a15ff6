"""A sentence on a tinted band with a coloured edge, for what a page wants noticed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from postkit.ui.widgets.colors import tint


class Notice(QLabel):
    """A sentence on a tinted band with a coloured edge; hidden while it has no text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setWordWrap(True)
        self.hide()

    def show_text(self, text: str, color: str) -> None:
        self.setText(text)
        self.setStyleSheet(
            f"QLabel#notice {{ background: {tint(color, 0.88)}; color: palette(text);"
            f" border-left: 4px solid {color}; border-radius: 3px; padding: 7px 10px; }}"
        )
        self.setVisible(bool(text))
