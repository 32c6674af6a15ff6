"""A bar chart drawn with QPainter (PySide6 Essentials has no QtCharts): grouped, stacked or
horizontal bars with a round-numbered axis, a legend and tooltips."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from postkit.ui.overrides import override

# Okabe & Ito's palette stays distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442")

_MAX_LABEL_LINES = 2


def is_dark(palette: QPalette) -> bool:
    """Whether the palette draws light text on a dark background."""
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def series_color(index: int, palette: QPalette) -> QColor:
    """The colour of series `index`, lifted a little on dark backgrounds to keep its contrast."""
    color = QColor(OKABE_ITO[index % len(OKABE_ITO)])
    return color.lighter(125) if is_dark(palette) else color


def mix(a: QColor, b: QColor, towards_b: float) -> QColor:
    """`a` moved the fraction `towards_b` of the way to `b`."""

    def channel(x: float, y: float) -> float:
        return x + (y - x) * towards_b

    return QColor.fromRgbF(
        channel(a.redF(), b.redF()), channel(a.greenF(), b.greenF()), channel(a.blueF(), b.blueF())
    )


def nice_ticks(maximum: int, intervals: int = 4) -> list[int]:
    """Whole axis values from 0 to at least `maximum` in steps of 1, 2 or 5 × 10ⁿ."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / intervals
    magnitude = 10 ** max(0, math.floor(math.log10(raw)))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    top = math.ceil(maximum / step) * step
    return list(range(0, top + 1, step))


def wrap_label(text: str, metrics: QFontMetricsF, width: float, max_lines: int = 2) -> list[str]:
    """`text` broken at spaces and after hyphens into at most `max_lines` lines, each elided to
    `width` (a single long word is elided rather than clipped)."""
    lines: list[str] = []
    current = ""
    for piece in (p for p in re.split(r"(?<=-)|\s+", text) if p):
        joiner = "" if not current or current.endswith("-") else " "
        if current and metrics.horizontalAdvance(current + joiner + piece) > width:
            lines.append(current)
            current = piece
        else:
            current += joiner + piece
    lines.append(current)
    if len(lines) > max_lines:
        lines[max_lines - 1 :] = [" ".join(lines[max_lines - 1 :])]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


@dataclass(frozen=True, eq=False)
class Bar:
    """One drawn bar: which series and category it shows, its value and where it is."""

    series: int
    category: int
    value: int
    rect: QRectF
    hit: QRectF


@dataclass(frozen=True)
class _Geometry:
    plot: QRectF
    ticks: list[int]
    bars: list[Bar]
    label_rects: list[QRectF]
    legend: list[tuple[QRectF, QRectF, str]]


class BarChart(QWidget):
    """Bars per category for one or more series; hover a bar for its value."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        horizontal: bool = False,
        show_values: bool | None = None,
        colors: Sequence[int] = (),
        percent: bool = False,
    ) -> None:
        """`colors` picks an Okabe-Ito colour per series by index; series beyond it count on.
        With `percent`, the values are percentages and every label and tooltip says so."""
        super().__init__(parent)
        self._percent = percent
        self._categories: tuple[str, ...] = ()
        self._series: tuple[tuple[str, tuple[int, ...]], ...] = ()
        self._stacked = False
        self._horizontal = horizontal
        self._show_values = horizontal if show_values is None else show_values
        self._colors = tuple(colors)
        self._empty_text = self.tr("No data to show")
        self._hovered: tuple[int, int] | None = None
        self._geometry: _Geometry | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Bar chart"))

    # -- data ---------------------------------------------------------------------------------

    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[tuple[str, Sequence[int]]],
        stacked: bool = False,
    ) -> None:
        """Show `series` (name, one value per category) over `categories`."""
        for name, values in series:
            if len(values) != len(categories):
                raise ValueError(
                    f"series {name!r} has {len(values)} values for {len(categories)} categories"
                )
        self._categories = tuple(categories)
        self._series = tuple((name, tuple(int(v) for v in values)) for name, values in series)
        self._stacked = stacked
        self._hovered = None
        self._invalidate()
        self.updateGeometry()
        self.setAccessibleDescription(self._describe())
        self._grow_for_labels(self.width())

    @property
    def categories(self) -> tuple[str, ...]:
        return self._categories

    @property
    def series(self) -> tuple[tuple[str, tuple[int, ...]], ...]:
        return self._series

    @property
    def is_stacked(self) -> bool:
        return self._stacked

    @property
    def is_horizontal(self) -> bool:
        return self._horizontal

    def color_of(self, series: int) -> QColor:
        """The colour series `series` is drawn in, in the current palette."""
        index = self._colors[series] if series < len(self._colors) else series
        return series_color(index, self.palette())

    @property
    def is_empty(self) -> bool:
        return not any(value for _name, values in self._series for value in values)

    @property
    def empty_text(self) -> str:
        return self._empty_text

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    # -- hit testing --------------------------------------------------------------------------

    def bars(self) -> list[Bar]:
        """The bars as currently laid out, empty when there is nothing to draw."""
        if self.is_empty:
            return []
        return self._layout().bars

    def bar_at(self, pos: QPointF) -> Bar | None:
        """The bar under `pos` (widget coordinates), or None."""
        point = QPointF(pos)
        for bar in self.bars():
            if bar.hit.contains(point):
                return bar
        return None

    def tooltip_text(self, bar: Bar) -> str:
        """What hovering `bar` says: category, series and value."""
        name = self._series[bar.series][0]
        category = self._categories[bar.category]
        value = self._format(bar.value)
        if name:
            text = self.tr("{category} · {series}: {value}").format(
                category=category, series=name, value=value
            )
        else:
            text = self.tr("{category}: {value}").format(category=category, value=value)
        if self._stacked and len(self._series) > 1:
            total = self._format(self._category_total(bar.category))
            text += "\n" + self.tr("Total: {total}").format(total=total)
        return text

    def tooltip_at(self, pos: QPointF) -> str:
        """The tooltip for `pos`, or an empty string when no bar is there."""
        bar = self.bar_at(pos)
        return self.tooltip_text(bar) if bar else ""

    # -- Qt overrides -------------------------------------------------------------------------

    @override
    def sizeHint(self) -> QSize:
        if self._horizontal:
            height = max(150, self._horizontal_height(self._row_height()))
            if self.width() > 0:
                height = max(height, self._height_for_width(self.width()))
            return QSize(420, height)
        return QSize(420, 180)

    @override
    def minimumSizeHint(self) -> QSize:
        if self._horizontal:
            line_height = QFontMetricsF(self.font()).height()
            return QSize(220, max(120, self._horizontal_height(line_height)))
        return QSize(220, 150)

    def minimum_width(self) -> int:
        """The narrowest width at which a vertical chart cuts no word of a category label
        (a horizontal chart wraps its labels instead): what a layout gives it to stay whole."""
        if self._horizontal or not self._categories:
            return self.minimumSizeHint().width()
        small = QFontMetricsF(self._small_font())
        ticks = nice_ticks(self._max_value())
        tick_width = max(small.horizontalAdvance(self._format(t)) for t in ticks)
        word = max(
            small.horizontalAdvance(part) for label in self._categories for part in label.split()
        )
        # The plot area's margins (see _compute_layout) and a label's 2 px each side.
        return math.ceil(2 + tick_width + 8 + len(self._categories) * (word + 6) + 6)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._invalidate()
        super().resizeEvent(event)
        self._grow_for_labels(event.size().width())

    def _grow_for_labels(self, width: int) -> None:
        # Narrower (a window at 150% scale) a long label takes two lines: the rows grow so
        # that it can, instead of ending in "…".
        if self._horizontal and width > 0:
            needed = self._height_for_width(width)
            if needed > self.minimumHeight():
                self.setMinimumHeight(needed)

    def _height_for_width(self, width: int) -> int:
        """A horizontal chart's height at `width` with rows tall enough for their labels."""
        metrics = QFontMetricsF(self.font())
        longest = max((metrics.horizontalAdvance(c) for c in self._categories), default=0.0)
        label_width = min(longest + 2, (width - 8) * 0.5)
        lines = 1 if longest <= label_width else 2
        row = max(self._row_height(), lines * metrics.lineSpacing() + 5)
        return max(150, self._horizontal_height(row))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.PaletteChange,
            QEvent.Type.LocaleChange,
            QEvent.Type.StyleChange,
        ):
            self._invalidate()
            self.updateGeometry()
        super().changeEvent(event)

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        bar = self.bar_at(event.position())
        key = (bar.series, bar.category) if bar else None
        if key != self._hovered:
            self._hovered = key
            self.update()
        if bar is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(
                event.globalPosition().toPoint(),
                self.tooltip_text(bar),
                self,
                bar.hit.toAlignedRect(),
            )
        super().mouseMoveEvent(event)

    @override
    def leaveEvent(self, event: QEvent) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.update()
        super().leaveEvent(event)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        foreground = palette.color(self.foregroundRole())
        background = palette.color(self.backgroundRole())
        muted = mix(foreground, background, 0.4)
        if self.is_empty:
            painter.setPen(muted)
            painter.drawText(
                QRectF(self.rect()).adjusted(12, 12, -12, -12),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self._empty_text,
            )
            return
        geometry = self._layout()
        self._paint_axis(painter, geometry, foreground, background, muted)
        self._paint_bars(painter, geometry, palette, background)
        if self._show_values:
            self._paint_values(painter, geometry, muted)
        self._paint_labels(painter, geometry, foreground)
        self._paint_legend(painter, geometry, foreground)

    # -- layout -------------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._geometry = None
        self.update()

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        return font

    def _format(self, value: int) -> str:
        text = self.locale().toString(value)
        return text + self.locale().percent() if self._percent else text

    def _category_total(self, category: int) -> int:
        return sum(values[category] for _name, values in self._series)

    def _max_value(self) -> int:
        if not self._series:
            return 0
        if self._stacked:
            return max(self._category_total(c) for c in range(len(self._categories)))
        return max(max(values, default=0) for _name, values in self._series)

    def _row_height(self) -> float:
        return QFontMetricsF(self.font()).height() + 5

    def _has_legend(self) -> bool:
        return len(self._series) > 1

    def _horizontal_height(self, row_height: float) -> int:
        small = QFontMetricsF(self._small_font())
        legend = small.height() + 10 if self._has_legend() else 0
        rows = max(1, len(self._categories))
        return math.ceil(rows * row_height + small.height() + 10 + legend)

    def _layout(self) -> _Geometry:
        if self._geometry is None:
            self._geometry = self._compute_layout()
        return self._geometry

    def _compute_layout(self) -> _Geometry:
        area = QRectF(self.rect()).adjusted(2, 4, -6, -2)
        legend, legend_height = self._legend_layout(area)
        area.setTop(area.top() + legend_height)
        ticks = nice_ticks(self._max_value())
        if self._horizontal:
            plot, bars, label_rects = self._horizontal_bars(area, ticks)
        else:
            plot, bars, label_rects = self._vertical_bars(area, ticks)
        return _Geometry(plot, ticks, bars, label_rects, legend)

    def _legend_layout(self, area: QRectF) -> tuple[list[tuple[QRectF, QRectF, str]], float]:
        if not self._has_legend():
            return [], 0.0
        metrics = QFontMetricsF(self._small_font())
        swatch, gap, spacing = 10.0, 6.0, 18.0
        line_height = metrics.height() + 4
        x, y = area.left(), area.top()
        items = []
        for name, _values in self._series:
            width = swatch + gap + metrics.horizontalAdvance(name)
            if x > area.left() and x + width > area.right():
                x, y = area.left(), y + line_height
            middle = y + line_height / 2
            items.append(
                (
                    QRectF(x, middle - swatch / 2, swatch, swatch),
                    QRectF(x + swatch + gap, y, width - swatch - gap + 1, line_height),
                    name,
                )
            )
            x += width + spacing
        return items, y + line_height - area.top() + 8

    def _vertical_bars(
        self, area: QRectF, ticks: list[int]
    ) -> tuple[QRectF, list[Bar], list[QRectF]]:
        small = QFontMetricsF(self._small_font())
        tick_width = max(small.horizontalAdvance(self._format(t)) for t in ticks)
        left = area.left() + tick_width + 8
        count = max(1, len(self._categories))
        slot_width = (area.right() - left) / count
        lines = max(
            (len(wrap_label(c, small, slot_width - 4, _MAX_LABEL_LINES)) for c in self._categories),
            default=1,
        )
        label_height = lines * small.lineSpacing()
        top = area.top() + small.height() / 2 + (small.height() + 2 if self._show_values else 0)
        bottom = area.bottom() - label_height - 6
        plot = QRectF(left, top, area.right() - left, max(1.0, bottom - top))
        scale = plot.height() / ticks[-1]
        bars: list[Bar] = []
        label_rects: list[QRectF] = []
        for category in range(len(self._categories)):
            slot = QRectF(left + category * slot_width, plot.top(), slot_width, plot.height())
            label_rects.append(QRectF(slot.left() + 2, bottom + 6, slot_width - 4, label_height))
            if self._stacked:
                width = min(slot_width * 0.55, 56.0)
                x = slot.center().x() - width / 2
                y = plot.bottom()
                for index, (_name, values) in enumerate(self._series):
                    height = values[category] * scale
                    rect = QRectF(x, y - height, width, height)
                    bars.append(Bar(index, category, values[category], rect, rect))
                    y -= height
            else:
                n = len(self._series)
                gap = 3.0 if n > 1 else 0.0
                width = min((slot_width * 0.78 - gap * (n - 1)) / n, 40.0)
                x = slot.center().x() - (width * n + gap * (n - 1)) / 2
                for index, (_name, values) in enumerate(self._series):
                    height = values[category] * scale
                    rect = QRectF(x, plot.bottom() - height, width, height)
                    hit = QRectF(x - gap / 2, plot.top(), width + gap, plot.height())
                    bars.append(Bar(index, category, values[category], rect, hit))
                    x += width + gap
        return plot, bars, label_rects

    def _horizontal_bars(
        self, area: QRectF, ticks: list[int]
    ) -> tuple[QRectF, list[Bar], list[QRectF]]:
        metrics = QFontMetricsF(self.font())
        small = QFontMetricsF(self._small_font())
        label_width = min(
            max((metrics.horizontalAdvance(c) for c in self._categories), default=0.0) + 2,
            area.width() * 0.5,
        )
        value_width = (
            small.horizontalAdvance(self._format(self._max_value())) + 10
            if self._show_values
            else small.horizontalAdvance(self._format(ticks[-1])) / 2 + 2
        )
        left = area.left() + label_width + 12
        bottom = area.bottom() - small.height() - 6
        plot = QRectF(left, area.top(), max(1.0, area.right() - value_width - left), 0)
        plot.setBottom(max(plot.top() + 1, bottom))
        scale = plot.width() / ticks[-1]
        count = max(1, len(self._categories))
        slot_height = plot.height() / count
        bars: list[Bar] = []
        label_rects: list[QRectF] = []
        for category in range(len(self._categories)):
            top = plot.top() + category * slot_height
            slot = QRectF(plot.left(), top, plot.width(), slot_height)
            label_rects.append(QRectF(area.left(), top, label_width, slot_height))
            grouped = not self._stacked and len(self._series) > 1
            # Side by side, each series keeps a bar thick enough to see and to point at.
            thickness = (
                min(slot_height * 0.8, 9.0 * len(self._series))
                if grouped
                else min(slot_height * 0.62, 22.0)
            )
            if self._stacked:
                x = plot.left()
                y = slot.center().y() - thickness / 2
                for index, (_name, values) in enumerate(self._series):
                    width = values[category] * scale
                    rect = QRectF(x, y, width, thickness)
                    bars.append(Bar(index, category, values[category], rect, rect))
                    x += width
            else:
                n = len(self._series)
                each = thickness / n
                y = slot.center().y() - thickness / 2
                for index, (_name, values) in enumerate(self._series):
                    rect = QRectF(plot.left(), y, values[category] * scale, each)
                    hit = QRectF(area.left(), y, area.width(), each)
                    bars.append(Bar(index, category, values[category], rect, hit))
                    y += each
        return plot, bars, label_rects

    # -- painting -----------------------------------------------------------------------------

    def _paint_axis(
        self,
        painter: QPainter,
        geometry: _Geometry,
        foreground: QColor,
        background: QColor,
        muted: QColor,
    ) -> None:
        plot, ticks = geometry.plot, geometry.ticks
        painter.setFont(self._small_font())
        small = QFontMetricsF(painter.font())
        grid = mix(background, foreground, 0.12)
        axis = mix(background, foreground, 0.35)
        for tick in ticks:
            fraction = tick / ticks[-1]
            label = self._format(tick)
            if self._horizontal:
                x = plot.left() + fraction * plot.width()
                painter.setPen(axis if tick == 0 else grid)
                painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
                width = small.horizontalAdvance(label)
                rect = QRectF(x - width / 2 - 2, plot.bottom() + 4, width + 4, small.height())
                painter.setPen(muted)
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)
            else:
                y = plot.bottom() - fraction * plot.height()
                painter.setPen(axis if tick == 0 else grid)
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
                rect = QRectF(0, y - small.height() / 2, plot.left() - 8, small.height())
                painter.setPen(muted)
                painter.drawText(
                    rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label
                )

    def _paint_bars(
        self, painter: QPainter, geometry: _Geometry, palette: QPalette, background: QColor
    ) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for bar in geometry.bars:
            if bar.value <= 0:
                continue
            color = self.color_of(bar.series)
            if (bar.series, bar.category) == self._hovered:
                color = color.lighter(118) if not is_dark(palette) else color.lighter(112)
            painter.setBrush(color)
            if self._stacked:
                painter.setPen(background)
                painter.drawRect(bar.rect)
                painter.setPen(Qt.PenStyle.NoPen)
            else:
                painter.drawPath(self._rounded_end(bar.rect))

    def _rounded_end(self, rect: QRectF) -> QPainterPath:
        """A bar with its far end rounded and its base square on the axis."""
        radius = min(3.0, rect.width() / 3, rect.height() / 3)
        path = QPainterPath()
        if self._horizontal:
            path.moveTo(rect.left(), rect.top())
            path.lineTo(rect.right() - radius, rect.top())
            path.quadTo(rect.right(), rect.top(), rect.right(), rect.top() + radius)
            path.lineTo(rect.right(), rect.bottom() - radius)
            path.quadTo(rect.right(), rect.bottom(), rect.right() - radius, rect.bottom())
            path.lineTo(rect.left(), rect.bottom())
        else:
            path.moveTo(rect.left(), rect.bottom())
            path.lineTo(rect.left(), rect.top() + radius)
            path.quadTo(rect.left(), rect.top(), rect.left() + radius, rect.top())
            path.lineTo(rect.right() - radius, rect.top())
            path.quadTo(rect.right(), rect.top(), rect.right(), rect.top() + radius)
            path.lineTo(rect.right(), rect.bottom())
        path.closeSubpath()
        return path

    def _paint_values(self, painter: QPainter, geometry: _Geometry, muted: QColor) -> None:
        painter.setFont(self._small_font())
        painter.setPen(muted)
        for target, align, label in self._value_labels(geometry):
            painter.drawText(target, int(align), label)

    def value_labels(self) -> list[str]:
        """The values written at the bars' ends, in drawing order (none without show_values)."""
        if not self._show_values or self.is_empty:
            return []
        return [label for _target, _align, label in self._value_labels(self._layout())]

    def _value_labels(self, geometry: _Geometry) -> list[tuple[QRectF, Qt.AlignmentFlag, str]]:
        small = QFontMetricsF(self._small_font())
        ends: dict[tuple[int, int], tuple[QRectF, int]] = {}
        for bar in geometry.bars:
            key = (bar.category, 0 if self._stacked else bar.series)
            if self._stacked and key in ends:
                previous, total = ends[key]
                ends[key] = (previous.united(bar.rect), total + bar.value)
            else:
                ends[key] = (QRectF(bar.rect), bar.value)
        labels = []
        for rect, value in ends.values():
            if value <= 0:
                continue
            label = self._format(value)
            width = small.horizontalAdvance(label)
            if self._horizontal:
                target = QRectF(rect.right() + 5, rect.top(), width + 4, rect.height())
                align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            else:
                if width > rect.width() + 12:
                    continue
                target = QRectF(
                    rect.center().x() - width / 2 - 6,
                    rect.top() - small.height() - 2,
                    width + 12,
                    small.height(),
                )
                align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
            labels.append((target, align, label))
        return labels

    def _horizontal_label_lines(self, text: str, rect: QRectF, metrics: QFontMetricsF) -> list[str]:
        """A bar's label on one line, or on two where the row is tall enough ("Latijns-Amerika
        en het Caribisch gebied" beside a narrow chart), elided only when even that is short."""
        if metrics.horizontalAdvance(text) <= rect.width():
            return [text]
        max_lines = max(1, min(2, int(rect.height() // metrics.lineSpacing())))
        return wrap_label(text, metrics, rect.width(), max_lines)

    def shown_labels(self) -> list[str]:
        """The category labels as drawn (lines joined by a space): what a reader can see."""
        geometry = self._layout()
        metrics = QFontMetricsF(self.font() if self._horizontal else self._small_font())
        shown = []
        for text, rect in zip(self._categories, geometry.label_rects, strict=True):
            lines = (
                self._horizontal_label_lines(text, rect, metrics)
                if self._horizontal
                else wrap_label(text, metrics, rect.width(), _MAX_LABEL_LINES)
            )
            shown.append(" ".join(lines))
        return shown

    def _paint_labels(self, painter: QPainter, geometry: _Geometry, foreground: QColor) -> None:
        painter.setFont(self.font() if self._horizontal else self._small_font())
        metrics = QFontMetricsF(painter.font())
        painter.setPen(foreground)
        for text, rect in zip(self._categories, geometry.label_rects, strict=True):
            if self._horizontal:
                lines = self._horizontal_label_lines(text, rect, metrics)
                top = rect.center().y() - len(lines) * metrics.lineSpacing() / 2
                for line in lines:
                    line_rect = QRectF(rect.left(), top, rect.width(), metrics.lineSpacing())
                    painter.drawText(line_rect, int(Qt.AlignmentFlag.AlignLeft), line)
                    top += metrics.lineSpacing()
                continue
            top = rect.top()
            for line in wrap_label(text, metrics, rect.width(), _MAX_LABEL_LINES):
                line_rect = QRectF(rect.left(), top, rect.width(), metrics.lineSpacing())
                painter.drawText(line_rect, int(Qt.AlignmentFlag.AlignHCenter), line)
                top += metrics.lineSpacing()

    def _paint_legend(self, painter: QPainter, geometry: _Geometry, foreground: QColor) -> None:
        painter.setFont(self._small_font())
        for index, (swatch, text_rect, name) in enumerate(geometry.legend):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.color_of(index))
            painter.drawRoundedRect(swatch, 2, 2)
            painter.setPen(foreground)
            painter.drawText(
                text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name
            )

    def _describe(self) -> str:
        """The data as a sentence, for screen readers."""
        if self.is_empty:
            return self._empty_text
        parts = []
        for category, label in enumerate(self._categories):
            counts = ", ".join(
                f"{name} {self._format(values[category])}".strip() for name, values in self._series
            )
            parts.append(f"{label}: {counts}")
        return "; ".join(parts)
