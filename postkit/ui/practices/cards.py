"""The library's cards: a list view in icon mode whose delegate paints one practice per card."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from postkit.core.practices.records import PracticeListRow
from postkit.ui.overrides import override
from postkit.ui.practices.labels import core_task_short, facts_line, used_by_text
from postkit.ui.practices.table_model import PracticeRole
from postkit.ui.widgets.bar_chart import mix, series_color

_Index = QModelIndex | QPersistentModelIndex

MIN_CARD_WIDTH = 330
_MARGIN = 6  # around each card, so neighbours keep a gap
_PAD = 14
_GAP = 6
_TITLE_LINES = 2
_SUMMARY_LINES = 3
_RADIUS = 8.0
DRAFT_COLOR = "#b45309"


def _scaled(font: QFont, factor: float, weight: QFont.Weight | None = None) -> QFont:
    scaled = QFont(font)
    scaled.setPointSizeF(font.pointSizeF() * factor)
    if weight is not None:
        scaled.setWeight(weight)
    return scaled


def draw_wrapped(painter: QPainter, rect: QRectF, text: str, font: QFont, max_lines: int) -> float:
    """Draw `text` word-wrapped in at most `max_lines` lines, the last one elided; returns the
    height used."""
    metrics = QFontMetricsF(font)
    layout = QTextLayout(text.replace("\n", " "), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[tuple[int, int]] = []
    layout.beginLayout()
    while len(lines) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(rect.width())
        lines.append((line.textStart(), line.textLength()))
    layout.endLayout()
    painter.setFont(font)
    y = rect.top()
    flat = layout.text()
    for number, (start, length) in enumerate(lines):
        chunk = flat[start : start + length]
        if number == len(lines) - 1 and start + length < len(flat):
            chunk = metrics.elidedText(
                flat[start:].strip(), Qt.TextElideMode.ElideRight, rect.width()
            )
        painter.drawText(
            QRectF(rect.left(), y, rect.width(), metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            chunk.rstrip(),
        )
        y += metrics.lineSpacing()
    return y - rect.top()


def draw_chip(
    painter: QPainter,
    left: float,
    top: float,
    text: str,
    color: QColor,
    font: QFont,
    palette: QPalette,
) -> float:
    """A tinted pill with `text` in `color`; returns its width."""
    metrics = QFontMetricsF(font)
    rect = QRectF(left, top, metrics.horizontalAdvance(text) + 16, metrics.height() + 4)
    base = palette.color(QPalette.ColorRole.Base)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(mix(color, base, 0.84))
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    text_color = mix(color, palette.color(QPalette.ColorRole.Text), 0.45)
    painter.setPen(text_color)
    painter.setFont(font)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
    return rect.width()


class PracticeCardDelegate(QStyledItemDelegate):
    """Title, post · country · year, core-task chips, a summary excerpt and how many posts use
    the practice, on a rounded card."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.card_width = MIN_CARD_WIDTH

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        title = _scaled(base, 1.12, QFont.Weight.DemiBold)
        small = _scaled(base, 0.9)
        chip = _scaled(base, 0.85, QFont.Weight.DemiBold)
        return title, small, chip

    def card_height(self, base: QFont) -> int:
        title, small, chip = self._fonts(base)
        body = QFontMetricsF(base)
        height = (
            2 * _PAD
            + _TITLE_LINES * QFontMetricsF(title).lineSpacing()
            + QFontMetricsF(small).lineSpacing()
            + QFontMetricsF(chip).height()
            + 4
            + _SUMMARY_LINES * body.lineSpacing()
            + QFontMetricsF(small).lineSpacing()
            + 4 * _GAP
        )
        return int(height) + 2 * _MARGIN + 2

    @override
    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(self.card_width, self.card_height(option.font))  # type: ignore[attr-defined]

    @override
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        row: PracticeListRow | None = index.data(PracticeRole)
        if row is None:
            return
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        base_font: QFont = option.font  # type: ignore[attr-defined]
        title_font, small_font, chip_font = self._fonts(base_font)
        text_color = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        muted = mix(text_color, base, 0.42)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect).adjusted(  # type: ignore[attr-defined]
            _MARGIN + 0.5, _MARGIN + 0.5, -_MARGIN - 0.5, -_MARGIN - 0.5
        )
        path = QPainterPath()
        path.addRoundedRect(card, _RADIUS, _RADIUS)
        fill = mix(base, highlight, 0.08) if selected else base
        painter.fillPath(path, fill)
        accent = series_color(row.core_tasks[0] - 1 if row.core_tasks else 6, palette)
        painter.save()
        painter.setClipPath(path)
        painter.fillRect(QRectF(card.left(), card.top(), 5, card.height()), accent)
        painter.restore()
        if selected:
            border = QPen(highlight, 2)
        elif hovered:
            border = QPen(mix(palette.color(QPalette.ColorRole.Mid), highlight, 0.5), 1)
        else:
            border = QPen(mix(palette.color(QPalette.ColorRole.Mid), base, 0.45), 1)
        painter.setPen(border)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        if focused and not selected:
            painter.setPen(QPen(highlight, 1, Qt.PenStyle.DotLine))
            painter.drawRoundedRect(card.adjusted(3, 3, -3, -3), _RADIUS - 2, _RADIUS - 2)

        inner = card.adjusted(_PAD + 3, _PAD, -_PAD, -_PAD)
        y = inner.top()
        painter.setPen(text_color)
        title_height = draw_wrapped(
            painter,
            QRectF(inner.left(), y, inner.width(), 1e4),
            row.title,
            title_font,
            _TITLE_LINES,
        )
        y += max(title_height, QFontMetricsF(title_font).lineSpacing()) + _GAP / 2

        painter.setPen(muted)
        painter.setFont(small_font)
        small = QFontMetricsF(small_font)
        meta = facts_line(row.post_name, row.country, row.year, self.language)
        painter.drawText(
            QRectF(inner.left(), y, inner.width(), small.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            small.elidedText(meta, Qt.TextElideMode.ElideRight, inner.width()),
        )
        y += small.lineSpacing() + _GAP

        x = inner.left()
        for task in row.core_tasks:
            text = core_task_short(task, self.language)
            width = QFontMetricsF(chip_font).horizontalAdvance(text) + 16
            if x + width > inner.right():
                break
            x += (
                draw_chip(painter, x, y, text, series_color(task - 1, palette), chip_font, palette)
                + 6
            )
        y += QFontMetricsF(chip_font).height() + 4 + _GAP

        painter.setPen(text_color)
        draw_wrapped(
            painter,
            QRectF(inner.left(), y, inner.width(), 1e4),
            row.excerpt,
            base_font,
            _SUMMARY_LINES,
        )

        footer_top = inner.bottom() - small.height()
        painter.setFont(small_font)
        painter.setPen(muted)
        right = inner.right()
        if row.status != "published":
            draft = self.tr("Draft")
            width = QFontMetricsF(chip_font).horizontalAdvance(draft) + 16
            draw_chip(
                painter,
                right - width,
                footer_top - 2,
                draft,
                QColor(DRAFT_COLOR),
                chip_font,
                palette,
            )
            right -= width + 6
        language = row.language.upper()
        painter.setFont(small_font)
        painter.setPen(muted)
        lang_width = small.horizontalAdvance(language)
        painter.drawText(
            QRectF(right - lang_width, footer_top, lang_width, small.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            language,
        )
        right -= lang_width + 12
        painter.drawText(
            QRectF(inner.left(), footer_top, right - inner.left(), small.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            small.elidedText(
                used_by_text(row.uses), Qt.TextElideMode.ElideRight, right - inner.left()
            ),
        )
        painter.restore()


class CardView(QListView):
    """A grid of cards that widens them to fill each row."""

    def __init__(self, delegate: PracticeCardDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card_delegate = delegate
        self.setItemDelegate(delegate)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setSpacing(0)
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_cards()

    def _fit_cards(self) -> None:
        # The scroll bar's width is always kept free, so showing it never reflows the grid.
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        available = self.width() - 2 * self.frameWidth() - scroll_bar - 2
        columns = max(1, available // MIN_CARD_WIDTH)
        card_width = max(available // columns, MIN_CARD_WIDTH)
        if card_width != self.card_delegate.card_width:
            self.card_delegate.card_width = card_width
            self.scheduleDelayedItemsLayout()
