"""The post's year at a glance: activities per core task and quarter, reach, gender and themes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QLocale, QRectF, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.activities.listing import activity_years
from postkit.core.activities.statistics import CORE_TASKS, YearSummary, year_summary
from postkit.core.followups.figures import ScreeningYear, screening_year
from postkit.ui.ops import Changes, Runner
from postkit.ui.overrides import override
from postkit.ui.widgets.bar_chart import BarChart, is_dark, mix, series_color

# Okabe-Ito indices: quarters take the first four colours, the genders the next three, so the
# two charts side by side never use one colour for two meanings.
_QUARTER_COLORS = (0, 1, 2, 3)
_GENDER_COLORS = (4, 5, 6)
_WARNING = QColor("#E69F00")
_CONTENT_MARGIN = 24
_CARD_MARGIN = 16
_TILE_SPACING = 12
_CHART_SPACING = 14
_POSITIVE = QColor("#009E73")


def _scaled_font(widget: QWidget, factor: float, weight: QFont.Weight | None = None) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    if weight is not None:
        font.setWeight(weight)
    return font


class _Card(QFrame):
    """A rounded panel on the base colour: the frame of every tile and chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setForegroundRole(QPalette.ColorRole.Text)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        border = mix(base, palette.color(QPalette.ColorRole.Text), 0.14)
        painter.setPen(QPen(border, 1))
        painter.setBrush(base)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)


class _Tile(_Card):
    """One key figure: a caption, a large value and a line of detail."""

    def __init__(self, caption: str, accent: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._accent = accent
        self.caption_label = QLabel(caption, self)
        self.value_label = QLabel("0", self)
        self.detail_label = QLabel(self)
        self.value_label.setFont(_scaled_font(self, 1.9, QFont.Weight.DemiBold))
        self.caption_label.setFont(_scaled_font(self, 0.95, QFont.Weight.DemiBold))
        self.detail_label.setFont(_scaled_font(self, 0.9))
        if accent is not None:
            self.caption_label.setIndent(16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(2)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.detail_label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(caption)

    def set_figure(self, value: str, detail: str) -> None:
        self.value_label.setText(value)
        self.detail_label.setText(detail)
        self.setAccessibleDescription(f"{value}, {detail}")

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._accent is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(series_color(self._accent, self.palette()))
        caption = self.caption_label.geometry()
        painter.drawRoundedRect(
            QRectF(caption.left() + 1, caption.center().y() - 4.5, 10, 10), 2, 2
        )


class _ChartCard(_Card):
    """A titled card around a chart."""

    def __init__(self, title: str, chart: BarChart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(title, self)
        self.title_label.setFont(_scaled_font(self, 1.05, QFont.Weight.DemiBold))
        self.chart = chart
        chart.setParent(self)
        chart.setBackgroundRole(QPalette.ColorRole.Base)
        chart.setForegroundRole(QPalette.ColorRole.Text)
        chart.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(_CARD_MARGIN, 12, _CARD_MARGIN, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addWidget(chart, 1)


class _Notice(QFrame):
    """A tinted banner: amber when a core task had no activity, green when all five had."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.is_warning = False
        self.title_label = QLabel(self)
        self.title_label.setFont(_scaled_font(self, 1.0, QFont.Weight.DemiBold))
        self.title_label.setWordWrap(True)
        self.body_label = QLabel(self)
        self.body_label.setWordWrap(True)
        self.body_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 14, 10)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.body_label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def show_message(self, title: str, body: str, is_warning: bool) -> None:
        self.is_warning = is_warning
        self.title_label.setText(title)
        self.body_label.setText(body)
        self.body_label.setVisible(bool(body))
        self.setAccessibleName(title)
        self.setAccessibleDescription(body)
        self.update()

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window)
        accent = _WARNING if self.is_warning else _POSITIVE
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(mix(base, accent, 0.55), 1))
        painter.setBrush(mix(base, accent, 0.22 if is_dark(palette) else 0.14))
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawRoundedRect(QRectF(rect.left(), rect.top(), 5, rect.height()), 2.5, 2.5)


class DashboardPage(QWidget):
    """Key figures and charts of one year's activities; `refresh()` reloads them."""

    year_changed = Signal(int)

    loaded = Signal()

    def __init__(
        self,
        runner: Runner,
        language: str = "en",
        parent: QWidget | None = None,
        post_name: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self._is_loading = False
        self._language = language
        # The post whose figures are shown (a database may hold several); None: all.
        self._post_name = post_name
        self._year = date.today().year
        self._summary: YearSummary | None = None
        self._screening: ScreeningYear | None = None
        self._has_activities = False
        self._muted: list[QLabel] = []
        self.setLocale(
            QLocale(QLocale.Language.Dutch if language == "nl" else QLocale.Language.English)
        )
        self._build()
        self._apply_colours()
        self.stack.setCurrentWidget(self.loading_label)
        runner.changed.connect(self._data_changed)
        self.refresh()

    # -- public -------------------------------------------------------------------------------

    @property
    def year(self) -> int:
        return self._year

    @property
    def summary(self) -> YearSummary | None:
        """The figures on display, from the last refresh."""
        return self._summary

    @property
    def has_activities(self) -> bool:
        return self._has_activities

    def set_year(self, year: int) -> None:
        """Show the figures of `year`."""
        if year == self._year:
            return
        self._year = year
        self.refresh()
        self.year_changed.emit(year)

    def set_post(self, post_name: str | None) -> None:
        """Show `post_name`'s figures from now on (after the profile changed)."""
        if post_name != self._post_name:
            self._post_name = post_name
            self.refresh()

    @property
    def is_loading(self) -> bool:
        """Whether figures are being read; `loaded` follows when they are shown."""
        return self._is_loading

    def refresh(self) -> None:
        """Reload the figures off the GUI thread; call after activities change."""
        year, post_name = self._year, self._post_name

        def read(session: Session) -> tuple[list[int], YearSummary, ScreeningYear]:
            years = activity_years(session, post_name)
            summary = year_summary(session, year, post_name=post_name)
            return years, summary, screening_year(session, year)

        self._is_loading = True
        self.runner.query(read, self._figures_arrived, owner=self, key=f"dashboard-{id(self)}")

    def _data_changed(self, changes: Changes) -> None:
        if changes.touches("activities", "profile", "requests", "follow_ups"):
            self.refresh()

    def _figures_arrived(self, answer: tuple[list[int], YearSummary, ScreeningYear]) -> None:
        years, summary, screening = answer
        self._is_loading = False
        self._has_activities = bool(years)
        self._summary = summary
        self._screening = screening
        self._fill_years(years)
        self._show(summary)
        self.loaded.emit()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = QLabel(self.tr("Dashboard"), self)
        self.title_label.setFont(_scaled_font(self, 1.6, QFont.Weight.DemiBold))
        self.subtitle_label = self._muted_label()
        self.year_label = QLabel(self.tr("&Year:"), self)
        self.year_combo = QComboBox(self)
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_combo.setAccessibleName(self.tr("Year"))
        self.year_combo.currentIndexChanged.connect(self._on_year_chosen)
        self.year_label.setBuddy(self.year_combo)

        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title_label)
        titles.addWidget(self.subtitle_label)
        header = QHBoxLayout()
        header.setContentsMargins(24, 16, 24, 6)
        header.addLayout(titles)
        header.addStretch(1)
        header.addWidget(self.year_label)
        header.addSpacing(6)
        header.addWidget(self.year_combo)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_content())
        self.stack.addWidget(self._build_empty_state())
        self.loading_label = self._muted_label()
        self.loading_label.setText(self.tr("Loading the figures…"))
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)

    def _build_content(self) -> QScrollArea:
        content = QWidget()
        self.notice = _Notice(content)

        self.activities_tile = _Tile(self.tr("Activities"), parent=content)
        self.companies_tile = _Tile(self.tr("Unique companies reached"), parent=content)
        self.participants_tile = _Tile(self.tr("Participants"), parent=content)
        self.women_tile = _Tile(self.tr("Women"), _GENDER_COLORS[0], content)
        self.men_tile = _Tile(self.tr("Men"), _GENDER_COLORS[1], content)
        self.other_tile = _Tile(self.tr("Other"), _GENDER_COLORS[2], content)
        for tile in self._tiles():
            self._muted.extend((tile.caption_label, tile.detail_label))
        self.tile_grid = QGridLayout()
        self.tile_grid.setSpacing(_TILE_SPACING)

        self.quarter_chart = BarChart(colors=_QUARTER_COLORS, show_values=True)
        self.quarter_chart.set_empty_text(self.tr("No activities in this year"))
        self.gender_chart = BarChart(colors=_GENDER_COLORS)
        self.gender_chart.set_empty_text(self.tr("No participants recorded in this year"))
        self.themes_chart = BarChart(horizontal=True)
        self.themes_chart.set_empty_text(self.tr("No themes recorded in this year"))
        self.companies_chart = BarChart(show_values=True)
        self.companies_chart.set_empty_text(self.tr("No companies reached in this year"))
        self.status_chart = BarChart(colors=(2, 0, 6), show_values=True)
        self.status_chart.set_empty_text(self.tr("No activities in this year"))
        self.screening_chart = BarChart(colors=(0, 1, 2, 3), show_values=True)
        self.screening_chart.set_empty_text(
            self.tr("No requests for support screened in this year")
        )
        self._chart_cards = (
            _ChartCard(self.tr("Activities per core task and quarter"), self.quarter_chart),
            _ChartCard(self.tr("Participants per core task by gender"), self.gender_chart),
            _ChartCard(self.tr("Themes most worked on"), self.themes_chart),
            _ChartCard(self.tr("Unique companies reached per core task"), self.companies_chart),
            _ChartCard(self.tr("Planned against done per core task"), self.status_chart),
            _ChartCard(self.tr("Core task 4 per quarter: screening"), self.screening_chart),
        )
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(_CHART_SPACING)
        self._columns = (0, 0)
        self._reflow()

        layout = QVBoxLayout(content)
        layout.setContentsMargins(_CONTENT_MARGIN, 10, _CONTENT_MARGIN, 24)
        layout.setSpacing(14)
        layout.addWidget(self.notice)
        layout.addLayout(self.tile_grid)
        layout.addLayout(self.chart_grid, 1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        column = QWidget(page)
        column.setMaximumWidth(480)
        self.empty_title = QLabel(self.tr("No activities yet"), column)
        self.empty_title.setFont(_scaled_font(self, 1.4, QFont.Weight.DemiBold))
        self.empty_body = self._muted_label(column)
        self.empty_body.setText(
            self.tr(
                "Once your post logs IMVO activities, this dashboard shows them per core task "
                "and quarter, with the Dutch companies and participants they reached."
            )
        )
        self.empty_body.setWordWrap(True)
        texts = QVBoxLayout(column)
        texts.setSpacing(8)
        for label in (self.empty_title, self.empty_body):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            texts.addWidget(label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _muted_label(self, parent: QWidget | None = None) -> QLabel:
        label = QLabel(parent or self)
        self._muted.append(label)
        return label

    def _tiles(self) -> tuple[_Tile, ...]:
        return (
            self.activities_tile,
            self.companies_tile,
            self.participants_tile,
            self.women_tile,
            self.men_tile,
            self.other_tile,
        )

    def _reflow(self) -> None:
        """Six tiles and two chart columns in a wide window, fewer as it narrows or as the
        text grows (large system text): never so many that the page scrolls sideways or a
        chart cuts a core task's name."""
        width = self.width()
        room = (
            width
            - 2 * _CONTENT_MARGIN
            - self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        )
        tiles = [tile.minimumSizeHint().width() for tile in self._tiles()]

        def tiles_need(columns: int) -> int:
            # Each grid column is as wide as its widest tile.
            widest = [max(tiles[column::columns]) for column in range(columns)]
            return sum(widest) + (columns - 1) * _TILE_SPACING

        tile_columns = next(
            (
                columns
                for columns, least in ((6, 1020), (3, 560))
                if width >= least and tiles_need(columns) <= room
            ),
            2,
        )
        chart_width = max(
            max(card.minimumSizeHint().width(), card.chart.minimum_width() + 2 * _CARD_MARGIN)
            for card in self._chart_cards
        )
        chart_columns = 2 if width >= 900 and 2 * chart_width + _CHART_SPACING <= room else 1
        if (tile_columns, chart_columns) == self._columns:
            return
        self._columns = (tile_columns, chart_columns)
        for index, tile in enumerate(self._tiles()):
            self.tile_grid.removeWidget(tile)
            self.tile_grid.addWidget(tile, index // tile_columns, index % tile_columns)
        for column in range(6):
            self.tile_grid.setColumnStretch(column, 1 if column < tile_columns else 0)
        for index, card in enumerate(self._chart_cards):
            self.chart_grid.removeWidget(card)
            self.chart_grid.addWidget(card, index // chart_columns, index % chart_columns)
        # Two equal columns: the narrower one ran the core tasks' names into "Bewustwor…".
        self.chart_grid.setColumnStretch(0, 1)
        self.chart_grid.setColumnStretch(1, 1 if chart_columns == 2 else 0)
        for row in range(len(self._chart_cards)):
            self.chart_grid.setRowStretch(
                row, 1 if row < len(self._chart_cards) // chart_columns else 0
            )

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _apply_colours(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = mix(text, palette.color(QPalette.ColorRole.Base), 0.4)
        for label in self._muted:
            own = label.palette()
            # Labels on cards draw with the Text role they inherit from the card.
            own.setColor(QPalette.ColorRole.WindowText, muted)
            own.setColor(QPalette.ColorRole.Text, muted)
            label.setPalette(own)

    @override
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colours()
        elif event.type() == QEvent.Type.FontChange:
            self._reflow()

    # -- showing ------------------------------------------------------------------------------

    def _fill_years(self, years: list[int]) -> None:
        options = sorted({*years, date.today().year, self._year}, reverse=True)
        with QSignalBlocker(self.year_combo):
            self.year_combo.clear()
            for year in options:
                self.year_combo.addItem(str(year), year)
            self.year_combo.setCurrentIndex(options.index(self._year))

    def _on_year_chosen(self, index: int) -> None:
        year = self.year_combo.itemData(index)
        if year is not None:
            self.set_year(int(year))

    def _number(self, value: int) -> str:
        return self.locale().toString(value)

    def _show(self, summary: YearSummary) -> None:
        self.year_label.setVisible(self._has_activities)
        self.year_combo.setVisible(self._has_activities)
        self.subtitle_label.setText(
            self.tr("Activities that started in {year}").format(year=summary.year)
            if self._has_activities
            else ""
        )
        self.subtitle_label.setVisible(self._has_activities)
        self.stack.setCurrentIndex(0 if self._has_activities else 1)
        self._show_notice(summary)
        self._show_tiles(summary)
        self._show_charts(summary)
        # New figures and labels may need another arrangement.
        self._reflow()

    def _show_notice(self, summary: YearSummary) -> None:
        missing = summary.tasks_without_activity
        if not missing:
            self.notice.show_message(
                self.tr("All five core tasks had activity in {year}").format(year=summary.year),
                "",
                is_warning=False,
            )
            return
        if len(missing) == 1:
            title = self.tr("No activity in {year} for one core task")
        elif len(missing) == len(CORE_TASKS):
            title = self.tr("No activity in {year} for any of the five core tasks")
        else:
            title = self.tr("No activity in {year} for {count} core tasks")
        title = title.format(year=summary.year, count=len(missing))
        body = "\n".join(
            self.tr("Core task {number}: {label}").format(
                number=task, label=reference.core_task_label(task, self._language)
            )
            for task in missing
        )
        self.notice.show_message(title, body, is_warning=True)

    def _share(self, part: int, whole: int) -> str:
        if whole == 0:
            return self.tr("No participants recorded")
        return self.tr("{percent}% of participants").format(percent=round(100 * part / whole))

    def _show_tiles(self, summary: YearSummary) -> None:
        covered = len(CORE_TASKS) - len(summary.tasks_without_activity)
        self.activities_tile.set_figure(
            self._number(summary.activities),
            self.tr("{covered} of {total} core tasks covered").format(
                covered=covered, total=len(CORE_TASKS)
            ),
        )
        companies = summary.companies
        self.companies_tile.set_figure(
            self._number(summary.companies_reached),
            self.tr("{named} named, {unnamed} unnamed").format(
                named=self._number(companies.named), unnamed=self._number(companies.unnamed)
            ),
        )
        people = summary.participants
        average = (
            self.tr("{average} per activity on average").format(
                average=self.locale().toString(people.total / summary.activities, "f", 1)
            )
            if summary.activities
            else self.tr("No activities in this year")
        )
        self.participants_tile.set_figure(self._number(people.total), average)
        self.women_tile.set_figure(
            self._number(people.women), self._share(people.women, people.total)
        )
        self.men_tile.set_figure(self._number(people.men), self._share(people.men, people.total))
        self.other_tile.set_figure(
            self._number(people.other), self._share(people.other, people.total)
        )

    def _show_charts(self, summary: YearSummary) -> None:
        tasks = [reference.core_task_label(task, self._language, short=True) for task in CORE_TASKS]
        quarters = (self.tr("Q1"), self.tr("Q2"), self.tr("Q3"), self.tr("Q4"))
        self.quarter_chart.set_data(
            tasks,
            [
                (name, [summary.per_task_quarter[task][quarter] for task in CORE_TASKS])
                for quarter, name in enumerate(quarters)
            ],
        )
        per_task = summary.participants_per_task
        self.gender_chart.set_data(
            tasks,
            [
                (self.tr("Women"), [per_task[task].women for task in CORE_TASKS]),
                (self.tr("Men"), [per_task[task].men for task in CORE_TASKS]),
                (self.tr("Other"), [per_task[task].other for task in CORE_TASKS]),
            ],
            stacked=True,
        )
        themes = reference.themes()
        self.themes_chart.set_data(
            [themes.label(code, self._language) for code, _count in summary.top_themes],
            [(self.tr("Activities"), [count for _code, count in summary.top_themes])],
        )
        self.companies_chart.set_data(
            tasks,
            [(self.tr("Companies"), [summary.companies_per_task[task] for task in CORE_TASKS])],
        )
        statuses = summary.statuses_per_task
        self.status_chart.set_data(
            tasks,
            [
                (self.tr("Planned"), [statuses[task].planned for task in CORE_TASKS]),
                (self.tr("Done"), [statuses[task].done for task in CORE_TASKS]),
                (self.tr("Cancelled"), [statuses[task].cancelled for task in CORE_TASKS]),
            ],
        )
        screening = self._screening
        if screening is None or screening.is_empty:
            self.screening_chart.set_data([], [])
        else:
            quarters_of = screening.quarters
            self.screening_chart.set_data(
                list(quarters),
                [
                    (self.tr("Requests received"), [q.received for q in quarters_of]),
                    (self.tr("Decided"), [q.decided for q in quarters_of]),
                    (self.tr("Conditions agreed"), [q.conditions_agreed for q in quarters_of]),
                    (self.tr("Conditions met"), [q.conditions_met for q in quarters_of]),
                ],
            )
