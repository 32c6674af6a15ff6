"""Framing pieces the screening tabs share: a rounded card and a tinted notice."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from postkit.ui.screening.colors import tint


class Card(QFrame):
    """A rounded panel on the base colour with a title."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(
            "QFrame#card { background: palette(base); border: 1px solid palette(midlight);"
            " border-radius: 8px; }"
        )
        self.title_label = QLabel(title, self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.08)
        font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(font)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 14)
        self.body.setSpacing(8)
        self.body.addWidget(self.title_label)


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
