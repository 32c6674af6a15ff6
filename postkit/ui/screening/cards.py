"""The rounded card the screening tabs frame their sections in."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from postkit.ui.overrides import override

RADIUS = 8


class Card(QFrame):
    """A rounded panel on the base colour with a title.

    Painted here, not by a style sheet: a sheet on the card put every field inside it under
    Qt's style-sheet style, which polishes and paints each one several times slower (the
    decision form's three cards held the screening page's turns).
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.title_label = QLabel(title, self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.08)
        font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(font)
        self.body = QVBoxLayout(self)
        # The sheet's one-pixel border stood inside its margins: one more on each side.
        self.body.setContentsMargins(17, 13, 17, 15)
        self.body.setSpacing(8)
        self.body.addWidget(self.title_label)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        # The pen's middle on the half pixel: a crisp one-pixel line, as the sheet drew.
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
