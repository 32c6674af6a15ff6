"""A small rounded label in a solid colour, for a status or a level that must stand out."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from postkit.ui.overrides import override
from postkit.ui.widgets.bar_chart import mix

_PAD_X, _PAD_Y = 10, 3


_DARK_INK, _LIGHT_INK = QColor("#1f2328"), QColor("#ffffff")


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def _ratio(one: QColor, other: QColor) -> float:
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_pair(fill: QColor) -> tuple[QColor, QColor]:
    """`fill` and the text colour for it, the fill deepened step by step until its text
    reaches WCAG AA (4.5:1): mid-tone fills (Okabe-Ito's green and vermilion) reach it with
    neither white nor dark text."""
    shade = QColor(fill)
    for _step in range(20):
        ink = max((_DARK_INK, _LIGHT_INK), key=lambda each: _ratio(each, shade))
        if _ratio(ink, shade) >= 4.5:
            return shade, ink
        shade = mix(shade, QColor("#000000"), 0.06)
    return shade, _LIGHT_INK


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
        fill, ink = readable_pair(self._color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(ink)
        painter.setFont(self.font())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self._text)
