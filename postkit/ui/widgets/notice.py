"""A sentence on a tinted band with a coloured edge, for what a page wants noticed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from postkit.ui.widgets.tones import band_color, follow_scheme


class Notice(QLabel):
    """A sentence on a tinted band with a coloured edge; hidden while it has no text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setWordWrap(True)
        self.hide()

    def show_text(self, text: str, color: str) -> None:
        self.setText(text)
        self._color = color
        # The band follows the scheme: a pale tint behind dark text would hold light text
        # after a switch to dark.
        follow_scheme(self, self._restyle)
        self.setVisible(bool(text))

    def _restyle(self) -> None:
        self.setStyleSheet(
            f"QLabel#notice {{ background: {band_color(self._color)}; color: palette(text);"
            f" border-left: 4px solid {self._color}; border-radius: 3px; padding: 7px 10px; }}"
        )
