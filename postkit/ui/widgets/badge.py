"""A small rounded label in a solid colour, for a status or a level that must stand out."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from postkit.ui.overrides import override

_PAD_X, _PAD_Y = 10, 3


class Badge(QWidget):
    """Text in a pill; the text colour follows the fill so it stays readable."""

    def __init__(self, parent: QWidget | None = None, *, scale: float = 0.92) -> None:
        super().__init__(parent)
        self._text = ""
        self._color = QColor("#6b7280")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setWeight(QFont.Weight.DemiBold)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_badge(self, text: str, color: QColor | str) -> None:
        self._text = text
        self._color = QColor(color)
        self.setAccessibleName(text)
        self.setVisible(bool(text))
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return self._text

    def color(self) -> QColor:
        return QColor(self._color)

    @override
    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(
            metrics.horizontalAdvance(self._text) + 2 * _PAD_X, metrics.height() + 2 * _PAD_Y
        )

    @override
    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._color)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        # Relative luminance decides between dark and white text (WCAG's contrast idea).
        r, g, b = self._color.redF(), self._color.greenF(), self._color.blueF()
        luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
        painter.setPen(QColor("#1f2328") if luminance > 0.55 else QColor("#ffffff"))
        painter.setFont(self.font())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self._text)
