"""The views of an aggregated summary: responses per post and region, the Likert items, and the
survey as the letter reads it."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from enum import Enum

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.hq.letter import LetterReading, QualityShares, Share
from postkit.core.hq.summary import Distribution, LikertItem, Summary
from postkit.core.surveys.measures import ALL_QUALITIES
from postkit.ui.overrides import override
from postkit.ui.widgets.bar_chart import OKABE_ITO, BarChart, wrap_label
from postkit.ui.widgets.tones import follow_scheme, set_tone, tone_color

_SORT = Qt.ItemDataRole.UserRole + 1
_KIND = Qt.ItemDataRole.UserRole + 2
POSTED = "post"
MISSING = "missing"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def label_in(texts: Mapping[str, str] | None, language: str) -> str:
    """A form text in `language`, else English, else any language it has."""
    if not texts:
        return ""
    return texts.get(language) or texts.get("en") or next(iter(texts.values()), "")


def percent_text(share: float | None) -> str:
    """A share as a whole percentage in the user's locale; a dash when nobody answered."""
    if share is None:
        return "—"
    locale = QLocale()
    return locale.toString(round(share * 100)) + locale.percent()


def mean_text(mean: float | None) -> str:
    return "—" if mean is None else QLocale().toString(mean, "f", 2)


def export_time_text(iso: str) -> str:
    """An export's UTC ISO moment as the user's clock and language write it."""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


class SortableItem(QTreeWidgetItem):
    """A row that sorts each column by the key stored under _SORT (numbers as numbers)."""

    @override
    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        column = tree.sortColumn() if tree is not None else 0
        mine, theirs = self.data(column, _SORT), other.data(column, _SORT)
        if mine is not None and theirs is not None:
            return bool(mine < theirs)
        return super().__lt__(other)


def make_tree(parent: QWidget, name: str, headers: Sequence[str]) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setAccessibleName(name)
    tree.setHeaderLabels(list(headers))
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setStyleSheet("QTreeView::item { padding: 3px 8px 3px 0; }")
    return tree


def section_title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


class PostsView(QWidget):
    """Responses per post, the posts expected but missing, and responses per region."""

    POST, REGION, BUSINESS, RESPONSES, EXPORTED = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = make_tree(
            self,
            self.tr("Responses per post"),
            [
                self.tr("Post"),
                self.tr("Region"),
                _two_lines(self.tr("Dutch business")),
                self.tr("Responses"),
                self.tr("Latest export"),
            ],
        )
        header = self.table.header()
        # Every column as wide as its texts.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSortingEnabled(True)
        follow_scheme(self.table, self._color_missing)
        self.missing_label = QLabel(self)
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextFormat(Qt.TextFormat.RichText)

        self.region_chart = BarChart(self, horizontal=True)
        self.region_chart.setAccessibleName(self.tr("Responses per region"))
        self.region_chart.setMinimumWidth(240)
        chart_box = QWidget(self)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(8, 0, 0, 0)
        chart_layout.addWidget(section_title(self.tr("Responses per region"), chart_box))
        chart_layout.addWidget(self.region_chart)
        chart_layout.addStretch()

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.missing_label)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(chart_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([920, 250])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter)

    def set_summary(self, summary: Summary, language: str) -> None:
        self.table.setSortingEnabled(False)
        self.table.clear()
        for post in summary.posts:
            item = SortableItem(
                [
                    post.post,
                    summary.region_label(post.region, language),
                    summary.business_label(post.business, language),
                    QLocale().toString(post.responses),
                    export_time_text(post.exported_at),
                ]
            )
            item.setData(self.POST, _KIND, POSTED)
            item.setData(self.POST, _SORT, post.post.casefold())
            item.setData(self.RESPONSES, _SORT, post.responses)
            item.setData(self.EXPORTED, _SORT, post.exported_at)
            item.setTextAlignment(self.RESPONSES, _RIGHT)
            self.table.addTopLevelItem(item)
        listed = summary.post_list or reference.posts()
        for name in summary.missing_posts:
            post = listed.find(name)
            item = SortableItem(
                [
                    post.label(language) if post else name,
                    # Blank, not the list's region: the summary's regions may be the survey's own.
                    "",
                    "",
                    QLocale().toString(0),
                    self.tr("none counted"),
                ]
            )
            item.setData(self.POST, _KIND, MISSING)
            item.setData(self.POST, _SORT, item.text(self.POST).casefold())
            item.setData(self.RESPONSES, _SORT, 0)
            item.setData(self.EXPORTED, _SORT, "")
            item.setTextAlignment(self.RESPONSES, _RIGHT)
            tip = self.tr("No response of this post could be counted")
            for column in range(self.table.columnCount()):
                item.setToolTip(column, tip)
            self.table.addTopLevelItem(item)
        self._color_missing()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.POST, Qt.SortOrder.AscendingOrder)
        expected = len(summary.posts) + len(summary.missing_posts)
        if summary.missing_posts:
            self.missing_label.setText(
                self.tr(
                    "<b>%n of {0} expected posts have no response counted</b> (listed in red "
                    "below).",
                    "",
                    len(summary.missing_posts),
                ).format(QLocale().toString(expected))
            )
            set_tone(self.missing_label, "danger")
        else:
            self.missing_label.setText(self.tr("No expected post is missing."))
            set_tone(self.missing_label, "muted")
        self.region_chart.set_data(
            [summary.region_label(region.region, language) for region in summary.regions],
            [(self.tr("Responses"), [region.responses for region in summary.regions])],
        )
        self.region_chart.setMinimumWidth(_width_for_labels(self.region_chart))
        self.region_chart.setMinimumHeight(self.region_chart.sizeHint().height())

    def _color_missing(self) -> None:
        """The missing posts in the danger tone of the scheme shown."""
        brush = QBrush(tone_color("danger"))
        for row in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(row)
            if item.data(self.POST, _KIND) == MISSING:
                for column in range(self.table.columnCount()):
                    item.setForeground(column, brush)

    def post_names(self, kind: str = POSTED) -> list[str]:
        """The posts listed, in table order: those counted, or the missing ones."""
        items = (self.table.topLevelItem(row) for row in range(self.table.topLevelItemCount()))
        return [item.text(self.POST) for item in items if item.data(self.POST, _KIND) == kind]


def _width_for_labels(chart: BarChart) -> int:
    """The width at which a horizontal chart shows every category on at most two lines
    without "…" ("Latijns-Amerika en Caribisch gebied" with large system text): its labels
    take at most half the chart (see BarChart), so twice the widest line it needs, and the
    chart's 8 px of margin."""
    metrics = QFontMetricsF(chart.font())
    line = 0
    for text in chart.categories:
        whole = text.replace(" ", "")
        narrow, wide = 1, math.ceil(metrics.horizontalAdvance(text)) + 1
        while narrow < wide:  # the narrowest width whose two lines cut nothing
            middle = (narrow + wide) // 2
            shown = "".join(wrap_label(text, metrics, middle, 2)).replace(" ", "")
            narrow, wide = (narrow, middle) if shown == whole else (middle + 1, wide)
        line = max(line, wide)
    return max(240, 2 * (line + 2) + 8)


def _two_lines(label: str) -> str:
    """A long group name over two lines (split at the space nearest its middle), so the
    columns of a breakdown stay narrow and their headings whole."""
    if " " not in label or len(label) < 16:
        return label
    spaces = [index for index, char in enumerate(label) if char == " "]
    middle = min(spaces, key=lambda index: abs(index - len(label) / 2))
    return f"{label[:middle]}\n{label[middle + 1 :]}"


class Breakdown(Enum):
    OVERALL = "overall"
    REGION = "region"
    BUSINESS = "business"


class LikertView(QWidget):
    """The Likert items: share agreeing, count and mean, overall or per region or business,
    as a table and as a bar chart of the share agreeing."""

    NUMBER, ITEM, ANSWERED, AGREE, SHARE, MEAN = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._summary: Summary | None = None
        self._language = "en"

        self.group_combo = QComboBox(self)
        self.group_combo.setAccessibleName(self.tr("Items"))
        self.group_combo.currentIndexChanged.connect(self._show)
        self.breakdown_combo = QComboBox(self)
        self.breakdown_combo.setAccessibleName(self.tr("Break down by"))
        self.breakdown_combo.addItem(self.tr("No breakdown (all posts)"), Breakdown.OVERALL)
        self.breakdown_combo.addItem(self.tr("Region"), Breakdown.REGION)
        self.breakdown_combo.addItem(self.tr("Amount of Dutch business"), Breakdown.BUSINESS)
        self.breakdown_combo.currentIndexChanged.connect(self._show)
        note = QLabel(
            self.tr("Agreeing: 4 or 5 on the 5-point scale, of those who answered the item."),
            self,
        )
        note.setStyleSheet("color: palette(placeholder-text);")
        note.setWordWrap(True)
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        items_label = QLabel(self.tr("&Items:"), self)
        items_label.setBuddy(self.group_combo)
        breakdown_label = QLabel(self.tr("&Break down by:"), self)
        breakdown_label.setBuddy(self.breakdown_combo)
        controls.addWidget(items_label)
        controls.addWidget(self.group_combo)
        controls.addSpacing(16)
        controls.addWidget(breakdown_label)
        controls.addWidget(self.breakdown_combo)
        controls.addSpacing(16)
        controls.addWidget(note, 1)

        self.table = make_tree(self, self.tr("Likert items"), [])
        self.table.setIndentation(0)
        self.table.setWordWrap(False)
        self.table.viewport().installEventFilter(self)

        self.overall_chart = BarChart(self, horizontal=True, show_values=True, percent=True)
        self.overall_chart.setAccessibleName(self.tr("Share agreeing per item"))
        # Items as rows and groups as bars side by side: a long form grows the chart
        # downwards, never sideways.
        self.breakdown_chart = BarChart(self, horizontal=True, show_values=False, percent=True)
        self.breakdown_chart.setAccessibleName(self.tr("Share agreeing per item and group"))
        self.chart_title = section_title("", self)
        self._chart: BarChart = self.overall_chart
        # Not a QStackedWidget: its minimum size would be the tallest and the widest chart's.
        charts = QWidget(self)
        charts_layout = QVBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        charts_layout.addWidget(self.overall_chart)
        charts_layout.addWidget(self.breakdown_chart)
        self.breakdown_chart.hide()
        self.chart_scroll = QScrollArea(self)
        self.chart_scroll.setWidgetResizable(True)
        # The charts fit the width they are given; only a tall breakdown scrolls (downwards).
        self.chart_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.chart_scroll.setWidget(charts)
        chart_box = QWidget(self)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 6, 0, 0)
        chart_layout.addWidget(self.chart_title)
        chart_layout.addWidget(self.chart_scroll, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(chart_box)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.splitter, 1)

    @property
    def chart(self) -> BarChart:
        """The chart being shown."""
        return self._chart

    @property
    def breakdown(self) -> Breakdown:
        return self.breakdown_combo.currentData()  # type: ignore[no-any-return]

    def set_breakdown(self, breakdown: Breakdown) -> None:
        self.breakdown_combo.setCurrentIndex(self.breakdown_combo.findData(breakdown))

    def set_group(self, group: str | None) -> None:
        """Show the items of one top-level group (its name), or all with None."""
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(group)))

    def set_summary(self, summary: Summary, language: str) -> None:
        self._summary = summary
        self._language = language
        keep = self.group_combo.currentData()
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("All items"), None)
        groups: dict[str, str] = {}
        for item in summary.likert:
            groups.setdefault(item.group, label_in(item.group_label, language) or item.group)
        for name, text in groups.items():
            self.group_combo.addItem(text, name)
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(keep)))
        self.group_combo.blockSignals(False)
        self._show()

    # -- showing ---------------------------------------------------------------------------

    def _items(self) -> list[tuple[int, LikertItem]]:
        """The items shown, each with its number in the form (1, 2, …)."""
        if self._summary is None:
            return []
        group = self.group_combo.currentData()
        return [
            (number, item)
            for number, item in enumerate(self._summary.likert, 1)
            if group is None or item.group == group
        ]

    def _subgroups(self) -> list[tuple[str, str]]:
        """The (code, label) of each column of the breakdown, in the form's order."""
        summary, breakdown = self._summary, self.breakdown
        if summary is None or breakdown is Breakdown.OVERALL:
            return []
        if breakdown is Breakdown.REGION:
            codes: list[str] = [region.region for region in summary.regions]
            return [(code, summary.region_label(code, self._language)) for code in codes]
        codes = []
        for item in summary.likert:
            codes.extend(code for code in item.by_business if code not in codes)
        return [(code, summary.business_label(code, self._language)) for code in codes]

    def _figures(self, item: LikertItem, code: str) -> Distribution:
        by = item.by_region if self.breakdown is Breakdown.REGION else item.by_business
        return by.get(code, Distribution((0, 0, 0, 0, 0)))

    def _show(self) -> None:
        items = self._items()
        subgroups = self._subgroups()
        self._fill_table(items, subgroups)
        if subgroups:
            self._fill_breakdown_chart(items, subgroups)
        else:
            self._fill_overall_chart(items)

    def _fill_table(
        self, items: list[tuple[int, LikertItem]], subgroups: list[tuple[str, str]]
    ) -> None:
        table = self.table
        table.clear()
        headers = [
            self.tr("#"),
            self.tr("Item"),
            self.tr("Answered"),
            self.tr("Agree"),
            self.tr("Share agreeing"),
            self.tr("Mean (1–5)"),
        ]
        table.setHeaderLabels(headers + [_two_lines(label) for _code, label in subgroups])
        for column, (_code, label) in enumerate(subgroups, len(headers)):
            table.headerItem().setToolTip(
                column, self.tr("Share agreeing among the posts of {0}").format(label)
            )
        tint = QColor(OKABE_ITO[2])
        group = None
        for number, item in items:
            if item.group != group:
                group = item.group
                heading = QTreeWidgetItem(["", label_in(item.group_label, self._language)])
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = QFont(table.font())
                font.setWeight(QFont.Weight.DemiBold)
                heading.setFont(1, font)
                table.addTopLevelItem(heading)
            figures = item.overall
            label = label_in(item.label, self._language)
            row = QTreeWidgetItem(
                [
                    str(number),
                    label,
                    QLocale().toString(figures.answered),
                    QLocale().toString(figures.agree),
                    percent_text(figures.share_agreeing),
                    mean_text(figures.mean),
                ]
                + [percent_text(self._figures(item, code).share_agreeing) for code, _ in subgroups]
            )
            row.setToolTip(self.ITEM, f"{label}\n({item.name})")
            for column in range(self.ANSWERED, len(headers) + len(subgroups)):
                row.setTextAlignment(column, _RIGHT)
            row.setTextAlignment(self.NUMBER, _RIGHT)
            for column, (code, sub_label) in enumerate(subgroups, len(headers)):
                sub = self._figures(item, code)
                row.setToolTip(
                    column,
                    self.tr("{group}: {agree} of {answered} agree").format(
                        group=sub_label, agree=sub.agree, answered=sub.answered
                    ),
                )
                if sub.share_agreeing is not None:
                    shade = QColor(tint)
                    shade.setAlphaF(0.08 + 0.5 * sub.share_agreeing**2)
                    row.setBackground(column, QBrush(shade))
            table.addTopLevelItem(row)
        header = table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The Item column takes what the figures leave, but not less than some words of
        # the item: with large text and a breakdown the table scrolls sideways instead.
        header.setSectionResizeMode(self.ITEM, QHeaderView.ResizeMode.Interactive)
        # Squeezed by a wide breakdown, the stretching Item column keeps its heading whole.
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        header.setMinimumSectionSize(
            max(40, header.fontMetrics().horizontalAdvance(headers[self.ITEM]) + margin + 2)
        )
        # Not elided: Qt elides a two-line heading as one line ("Asia and O…") though each
        # line fits; every heading has its width above.
        header.setTextElideMode(Qt.TextElideMode.ElideNone)

        self._fit_item_column()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_item_column()
        return False

    def _fit_item_column(self) -> None:
        header = self.table.header()
        if header.count() <= self.ITEM:
            return
        others = sum(
            header.sectionSize(column) for column in range(header.count()) if column != self.ITEM
        )
        least = 24 * header.fontMetrics().averageCharWidth()
        header.resizeSection(self.ITEM, max(least, self.table.viewport().width() - others))

    def _fill_overall_chart(self, items: list[tuple[int, LikertItem]]) -> None:
        self.chart_title.setText(self.tr("Share agreeing per item in %, all posts"))
        chart = self.overall_chart
        chart.set_data(
            [f"{number}  {label_in(item.label, self._language)}" for number, item in items],
            [(self.tr("Share agreeing"), [_whole_percent(item.overall) for _n, item in items])],
        )
        chart.setMinimumSize(0, chart.sizeHint().height())
        self._show_chart(chart)

    def _fill_breakdown_chart(
        self, items: list[tuple[int, LikertItem]], subgroups: list[tuple[str, str]]
    ) -> None:
        if self.breakdown is Breakdown.REGION:
            title = self.tr("Share agreeing in % per item (by number) and region")
        else:
            title = self.tr("Share agreeing in % per item (by number) and amount of Dutch business")
        self.chart_title.setText(title)
        chart = self.breakdown_chart
        chart.set_data(
            [str(number) for number, _item in items],
            [
                (label, [_whole_percent(self._figures(item, code)) for _n, item in items])
                for code, label in subgroups
            ],
        )
        height = len(items) * (len(subgroups) * 9 + 14) + 60
        chart.setMinimumSize(0, max(220, height))
        self._show_chart(chart)

    def _show_chart(self, chart: BarChart) -> None:
        self._chart = chart
        for each in (self.overall_chart, self.breakdown_chart):
            each.setVisible(each is chart)


def _whole_percent(figures: Distribution) -> int:
    share = figures.share_agreeing
    return 0 if share is None else round(share * 100)


class LetterBreakdown(Enum):
    OVERALL = "overall"
    REGION = "region"
    BUSINESS = "business"
    ROLE = "role"


class LetterView(QWidget):
    """The survey as the Minister's letter reads it: the guidelines found clear, workable and
    user-friendly together beside each apart, by region, business or role, and the share
    active on each core task by the amount of Dutch business (core/hq/letter.py)."""

    QUALITY, ANSWERED, AGREEING, SHARE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._summary: Summary | None = None
        self._language = "en"
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.breakdown_combo = QComboBox(self)
        self.breakdown_combo.setAccessibleName(self.tr("Break down by"))
        self.breakdown_combo.addItem(
            self.tr("No breakdown (all respondents)"), LetterBreakdown.OVERALL
        )
        self.breakdown_combo.addItem(self.tr("Region"), LetterBreakdown.REGION)
        self.breakdown_combo.addItem(self.tr("Amount of Dutch business"), LetterBreakdown.BUSINESS)
        self.breakdown_combo.addItem(self.tr("Role"), LetterBreakdown.ROLE)
        self.breakdown_combo.currentIndexChanged.connect(self._show)
        breakdown_label = QLabel(self.tr("Break &down by:"), self)
        breakdown_label.setBuddy(self.breakdown_combo)
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(breakdown_label)
        controls.addWidget(self.breakdown_combo)
        controls.addStretch()
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.qualities_table = make_tree(
            self, self.tr("The guidelines as the letter reads them"), []
        )
        self.qualities_chart = BarChart(self, horizontal=True, percent=True)
        self.qualities_chart.setAccessibleName(self.tr("Share agreeing per quality"))
        self.activity_title = section_title(
            self.tr("Active on each core task, by amount of Dutch business"), self
        )
        self.activity_table = make_tree(self, self.tr("Activity per core task"), [])
        self.activity_note = QLabel(self)
        self.activity_note.setWordWrap(True)
        self.activity_note.setStyleSheet("color: palette(placeholder-text);")

        top = QWidget(self)
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.qualities_table, 3)
        top_layout.addWidget(self.qualities_chart, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.headline)
        layout.addLayout(controls)
        layout.addWidget(top, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.activity_title)
        layout.addWidget(self.activity_table, 1)
        layout.addWidget(self.activity_note)

    @property
    def breakdown(self) -> LetterBreakdown:
        return LetterBreakdown(self.breakdown_combo.currentData().value)

    def set_breakdown(self, breakdown: LetterBreakdown) -> None:
        self.breakdown_combo.setCurrentIndex(self.breakdown_combo.findData(breakdown))

    def set_summary(self, summary: Summary, language: str) -> None:
        self._summary, self._language = summary, language
        self._show()

    def quality_label(self, measure: str) -> str:
        labels = {
            "clarity": self.tr("Clear"),
            "workability": self.tr("Workable"),
            "user_friendliness": self.tr("User-friendly"),
            ALL_QUALITIES: self.tr("Clear, workable and user-friendly together"),
        }
        return labels.get(measure, measure)

    def _show(self) -> None:
        summary = self._summary
        letter = summary.letter if summary is not None else None
        qualities = letter.qualities if letter is not None else ()
        if summary is None or letter is None:
            self.headline.setText(
                self.tr(
                    "This survey marks no questions for the letter's reading: mark them in the "
                    "form's postkit::measure column (surveys/README.md says how)."
                )
            )
        elif letter.all_three is not None:
            together = letter.all_three.overall
            self.headline.setText(
                self.tr(
                    "<b>{share} found the guidelines clear, workable and user-friendly "
                    "together</b> ({agreeing} of the {answered} who answered all three)."
                ).format(
                    share=percent_text(together.share),
                    agreeing=QLocale().toString(together.agreeing),
                    answered=QLocale().toString(together.answered),
                )
            )
        else:
            self.headline.setText(
                self.tr(
                    "The form marks not all three of clarity, workability and user-friendliness."
                )
            )
        self._fill_qualities(summary, qualities)
        self._fill_activity(summary, letter)

    def _groups(self, summary: Summary, quality: QualityShares) -> list[tuple[str, str, Share]]:
        """(code, label, share) of each group of the chosen breakdown."""
        breakdown = self.breakdown
        if breakdown is LetterBreakdown.OVERALL:
            return []
        shares, label = {
            LetterBreakdown.REGION: (quality.by_region, summary.region_label),
            LetterBreakdown.BUSINESS: (quality.by_business, summary.business_label),
            LetterBreakdown.ROLE: (quality.by_role, summary.role_label),
        }[breakdown]
        return [(code, label(code, self._language), share) for code, share in shares.items()]

    def _fill_qualities(self, summary: Summary | None, qualities: Sequence[QualityShares]) -> None:
        table = self.qualities_table
        table.clear()
        groups = self._groups(summary, qualities[0]) if summary and qualities else []
        headers = [
            self.tr("Guidelines found"),
            self.tr("Answered"),
            self.tr("Agreeing"),
            self.tr("Share agreeing"),
        ]
        table.setHeaderLabels(headers + [_two_lines(label) for _code, label, _share in groups])
        for quality in qualities:
            shares = (
                [share for _code, _label, share in self._groups(summary, quality)]
                if summary
                else []
            )
            row = QTreeWidgetItem(
                [
                    self.quality_label(quality.measure),
                    QLocale().toString(quality.overall.answered),
                    QLocale().toString(quality.overall.agreeing),
                    percent_text(quality.overall.share),
                ]
                + [percent_text(share.share) for share in shares]
            )
            for column, share in enumerate(shares, len(headers)):
                row.setToolTip(
                    column,
                    self.tr("{agreeing} of {answered} agree").format(
                        agreeing=QLocale().toString(share.agreeing),
                        answered=QLocale().toString(share.answered),
                    ),
                )
            row.setToolTip(self.QUALITY, ", ".join(quality.items))
            if quality.measure == ALL_QUALITIES:
                font = QFont(table.font())
                font.setWeight(QFont.Weight.DemiBold)
                for column in range(len(headers) + len(shares)):
                    row.setFont(column, font)
            for column in range(self.ANSWERED, len(headers) + len(shares)):
                row.setTextAlignment(column, _RIGHT)
            table.addTopLevelItem(row)
        _fit_columns(table, stretch_first=False)
        labels = [self.quality_label(quality.measure) for quality in qualities]
        if groups and summary is not None:
            series = [
                (label, [_whole(self._groups(summary, q)[index][2].share) for q in qualities])
                for index, (_code, label, _share) in enumerate(groups)
            ]
        else:
            series = [(self.tr("Share agreeing"), [_whole(q.overall.share) for q in qualities])]
        self.qualities_chart.set_data(labels, series)
        self.note.setText(
            self.tr(
                "Agreeing: 4 or 5 on the item marked for each quality, of those who answered it. "
                "Together: of those who answered all three; a respondent who skipped one of the "
                "three is left out."
            )
        )

    def _fill_activity(self, summary: Summary | None, letter: LetterReading | None) -> None:
        table = self.activity_table
        table.clear()
        tasks = letter.activity if letter is not None else ()
        visible = bool(tasks) and summary is not None
        for widget in (self.activity_title, self.activity_table, self.activity_note):
            widget.setVisible(visible)
        if not visible or summary is None:
            return
        codes = list(tasks[0].by_business)
        table.setHeaderLabels(
            [self.tr("Core task"), self.tr("All posts")]
            + [_two_lines(summary.business_label(code, self._language)) for code in codes]
        )
        for task in tasks:
            figures = [task.overall, *(task.by_business[code] for code in codes)]
            row = QTreeWidgetItem(
                [label_in(task.label, self._language) or task.name]
                + [percent_text(counts.share_active) for counts in figures]
            )
            for column, counts in enumerate(figures, 1):
                row.setTextAlignment(column, _RIGHT)
                row.setToolTip(
                    column,
                    self.tr("{active} of {answered} active").format(
                        active=QLocale().toString(counts.active),
                        answered=QLocale().toString(counts.answered),
                    ),
                )
            table.addTopLevelItem(row)
        _fit_columns(table)
        choices = dict(tasks[0].choices)
        active = ", ".join(
            label_in(choices.get(name), self._language) or name for name in tasks[0].active_choices
        )
        self.activity_note.setText(
            self.tr("Share of respondents answering one of: {0}; of those who answered.").format(
                active
            )
        )


def _whole(share: float | None) -> int:
    return 0 if share is None else round(share * 100)


def _fit_columns(table: QTreeWidget, stretch_first: bool = True) -> None:
    """Every column as wide as its contents, the first taking the room left if asked."""
    header = table.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch_first:
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
