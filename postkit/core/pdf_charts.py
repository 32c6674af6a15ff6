"""What the PDF reports' bar charts share: axes labelled one way, a round top for the scale."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart

from postkit.core.pdf_fonts import REGULAR


def label_axes(
    chart: HorizontalBarChart,
    labels: Sequence[str],
    maximum: float,
    value_label: Callable[[float], str],
    label_size: float = 7.5,
) -> None:
    """Name the bars with `labels`, top to bottom (reportlab draws the first at the bottom),
    right-aligned left of them; the value axis runs from 0 to `maximum` in five steps."""
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = label_size
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, maximum
    chart.valueAxis.valueStep = maximum / 5
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = value_label


def round_up(value: float) -> float:
    """The scale's top: the first of 1, 2, 2.5, 5 or 10 times a power of ten at or above
    `value`."""
    step = 1.0
    while step * 10 < value:
        step *= 10
    for factor in (1, 2, 2.5, 5, 10):
        if value <= step * factor:
            return step * factor
    return step * 10
