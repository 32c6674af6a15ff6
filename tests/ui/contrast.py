"""WCAG 2.1 contrast, computed as the standard defines it, and measured on drawn widgets."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

AA_TEXT = 4.5
AA_LARGE_TEXT = 3.0  # 18 pt, or 14 pt bold
AA_NON_TEXT = 3.0  # icons and the parts of controls (WCAG 1.4.11)


def relative_luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast_ratio(one: QColor, other: QColor) -> float:
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def over(color: QColor, background: QColor) -> QColor:
    """`color` as seen over `background` (placeholder text is half-transparent black)."""
    alpha = color.alphaF()
    return QColor.fromRgbF(
        color.redF() * alpha + background.redF() * (1 - alpha),
        color.greenF() * alpha + background.greenF() * (1 - alpha),
        color.blueF() * alpha + background.blueF() * (1 - alpha),
    )


def _drawn_colors(widget: QWidget) -> Counter[int]:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    counts: Counter[int] = Counter()
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            counts[image.pixel(x, y)] += 1
    return counts


def drawn_background(widget: QWidget) -> QColor:
    """The colour most of a drawn widget shows: what its text stands on."""
    return QColor.fromRgb(_drawn_colors(widget).most_common(1)[0][0])


def drawn_text_contrast(widget: QWidget) -> float:
    """The contrast of a widget's text as drawn: its commonest colour is the background, the
    colour furthest from it the text's core (antialiased edges lie between the two)."""
    counts = _drawn_colors(widget)
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    return max(contrast_ratio(QColor.fromRgb(rgb), background) for rgb in counts)
