"""The activity list: filters above a table that stays fast with 100,000 activities."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.activities.columns import Kind
from postkit.core.activities.records import ActivityFilter
from postkit.ui.activities.table_model import COLUMNS, ActivityTableModel
from postkit.ui.ops import Changes, Runner
from postkit.ui.overrides import override
from postkit.ui.widgets.table_view import empty_state_label, offer_column_choice, record_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from postkit.core.activities.first_screen import FirstScreen

_TITLE = [column.name for column in COLUMNS].index("title")


def _combo(parent: QWidget, all_text: str, accessible_name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(all_text, None)
    combo.setAccessibleName(accessible_name)
    # Shares the row's width with the search box and shrinks on small screens; long labels
    # show in full in the open list.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(3)
    return combo


class ActivitiesPage(QWidget):
    """The list and its filters.

    Emits `edit_requested` for a double-clicked row, `selection_changed` for the actions,
    `filter_changed` when the filters narrowed the list and `reloaded` after the data changed.
    """

    edit_requested = Signal(int)
    selection_changed = Signal()
    filter_changed = Signal()
    reloaded = Signal()

    def __init__(
        self,
        runner: Runner,
        language: str = "en",
        parent: QWidget | None = None,
        post_name: str | None = None,
        first: FirstScreen | None = None,
    ):
        super().__init__(parent)
        self.runner = runner
        self._language = language
        # The post whose activities are listed (a database may hold several); None: all.
        self._post_name = post_name
        # What to do when the model's next ids arrive: select these, say the data changed.
        self._pending_selection: list[int] | None = None
        self._pending_reloaded = False
        self.model = ActivityTableModel(
            runner, language, self, ActivityFilter(post_name=post_name), first
        )

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search title, description and partners"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search activities"))
        self.core_task = _combo(self, self.tr("All core tasks"), self.tr("Core task filter"))
        for item in reference.core_tasks().items:
            self.core_task.addItem(
                f"{item.code}. {item.extra.get('short_' + language, '')}", int(item.code)
            )
        self.year = _combo(self, self.tr("All years"), self.tr("Year filter"))
        self.quarter = _combo(self, self.tr("Whole year"), self.tr("Quarter filter"))
        for quarter in range(1, 5):
            self.quarter.addItem(self.tr("Q%n", "", quarter), quarter)
        self.quarter.setEnabled(False)
        self.activity_type = _combo(self, self.tr("All types"), self.tr("Type filter"))
        self.sector = _combo(self, self.tr("All sectors"), self.tr("Sector filter"))
        self.theme = _combo(self, self.tr("All themes"), self.tr("Theme filter"))
        self.status = _combo(self, self.tr("Any status"), self.tr("Status filter"))
        for item in reference.activity_statuses().items:
            self.status.addItem(item.label(language), item.code)
        for combo, items in (
            (self.activity_type, reference.activity_types()),
            (self.sector, reference.sectors()),
            (self.theme, reference.themes()),
        ):
            for item in sorted(items.items, key=lambda i: i.label(language)):
                combo.addItem(item.label(language), item.code)
        self.refresh_years()

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        choices = (
            self.core_task,
            self.year,
            self.quarter,
            self.activity_type,
            self.sector,
            self.theme,
            self.status,
        )
        for combo in choices:
            filters.addWidget(combo, 1)

        self.table = record_table(self, self.model, self.tr("Activities"))
        # The model starts in this order: the indicator says so before sorting is enabled, so
        # enabling it does not query the 100,000 ids again.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        self._fit_columns()
        header.setSectionResizeMode(_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionHidden(len(COLUMNS) - 1, True)
        offer_column_choice(self.table, keep=_TITLE)
        self.table.doubleClicked.connect(
            lambda index: self.edit_requested.emit(self.model.id_at(index.row()))
        )
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.model.modelReset.connect(self.selection_changed)
        self.model.loaded.connect(self._ids_loaded)
        runner.changed.connect(self._data_changed)

        self.empty_label = empty_state_label(self, margin=0)
        self.loading_label = QLabel(self.tr("Loading activities…"), self)
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setAccessibleName(self.tr("Loading activities"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.loading_label)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.stack)

        self.search.textChanged.connect(self.apply_filter)
        for combo in choices:
            combo.currentIndexChanged.connect(self.apply_filter)
        self._update_empty_state()

    # -- filtering ---------------------------------------------------------------------

    def current_filter(self) -> ActivityFilter:
        task = self.core_task.currentData()
        year = self.year.currentData()
        self.quarter.setEnabled(year is not None)
        return ActivityFilter(
            core_tasks=frozenset({task}) if task else frozenset(),
            year=year,
            quarter=self.quarter.currentData() if year is not None else None,
            activity_type=self.activity_type.currentData(),
            sector=self.sector.currentData(),
            theme=self.theme.currentData(),
            status=self.status.currentData(),
            text=self.search.text(),
            post_name=self._post_name,
        )

    def apply_filter(self) -> None:
        """Ask for the list under the current filters; `filter_changed` when it is shown."""
        if not self.model.set_filter(self.current_filter()) and not self.model.is_loading:
            self.filter_changed.emit()

    def set_post(self, post_name: str | None) -> None:
        """List `post_name`'s activities from now on (after the profile changed)."""
        if post_name != self._post_name:
            self._post_name = post_name
            self.refresh_years()
            self.apply_filter()

    def clear_filters(self) -> None:
        for combo in (
            self.core_task,
            self.year,
            self.quarter,
            self.activity_type,
            self.sector,
            self.theme,
            self.status,
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()
        self.apply_filter()

    def refresh_years(self) -> None:
        """Offer the years that have activities (asked off the GUI thread)."""
        post_name = self._post_name

        def read(session: Session) -> list[int]:
            # Imported by the runner's thread: the first screen shows before SQLAlchemy loads.
            from postkit.core.activities.listing import activity_years

            return activity_years(session, post_name)

        self.runner.query(
            read,
            self._show_years,
            owner=self,
            key=f"activity-years-{id(self)}",
        )

    def _show_years(self, years: list[int]) -> None:
        current_year = date.today().year
        if current_year not in years:
            years = sorted({*years, current_year}, reverse=True)
        selected = self.year.currentData()
        self.year.blockSignals(True)
        while self.year.count() > 1:
            self.year.removeItem(1)
        for year in years:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(self.year.findData(selected), 0))
        self.year.blockSignals(False)

    # -- data and selection ------------------------------------------------------------

    def reload(self, select_ids: list[int] | None = None) -> None:
        """Query again after the data changed, keeping or moving the selection."""
        self._pending_selection = select_ids if select_ids is not None else self.selected_ids()
        self._pending_reloaded = True
        self.refresh_years()
        self.model.reload()

    @property
    def is_busy(self) -> bool:
        """Whether the list is still being read (tests and the window wait on `loaded`)."""
        return self.model.is_loading

    def _ids_loaded(self) -> None:
        self._update_empty_state()
        if self._pending_selection is not None:
            self.select_ids(self._pending_selection)
            self._pending_selection = None
        self.filter_changed.emit()
        if self._pending_reloaded:
            self._pending_reloaded = False
            self.reloaded.emit()

    def _data_changed(self, changes: Changes) -> None:
        if changes.origin is not self and changes.touches("activities"):
            self.reload(select_ids=list(changes.ids) or None)

    @property
    def shown_count(self) -> int:
        """How many activities the filters let through."""
        return self.model.rowCount()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.id_at(row) for row in rows]

    def select_ids(self, activity_ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = True
        for activity_id in activity_ids:
            row = self.model.row_of(activity_id)
            if row is None:
                continue
            index = self.model.index(row, 0)
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.select(index, flags)
            if first:
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(index)
                first = False

    def _update_empty_state(self) -> None:
        if not self.model.has_loaded:
            self.stack.setCurrentWidget(self.loading_label)
            return
        if self.model.rowCount() > 0:
            self.stack.setCurrentWidget(self.table)
            return
        if self.model.activity_filter.is_empty:
            text = self.tr(
                "<h3>No activities yet</h3><p>Log what the post does for IMVO with "
                "<b>New activity</b> (Ctrl+N).</p>"
            )
        else:
            text = self.tr(
                "<h3>No activity matches these filters</h3>"
                "<p>Change the search or the filters, or clear them (Ctrl+Shift+L).</p>"
            )
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)

    # -- fitting ---------------------------------------------------------------------------

    def _fit_columns(self) -> None:
        """Column widths from the font: each column's width in characters (columns.py), at
        least its header; the type column as wide as the longest type in this language."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        header_metrics = header.fontMetrics()
        # Digits are the widest common characters (dates, numbers): a column of n of them fits.
        character = max(metrics.averageCharWidth(), metrics.horizontalAdvance("0"))
        cell_margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        # Room for the sort arrow beside a header's text.
        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize) + 12
        for position, column in enumerate(COLUMNS):
            width = max(
                round(column.width * character) + cell_margin,
                header_metrics.horizontalAdvance(column.header(self._language, short=True))
                + indicator,
            )
            if column.kind is Kind.CODE and column.reference == "activity_types":
                width = max(
                    width,
                    *(
                        metrics.horizontalAdvance(item.label(self._language)) + cell_margin + 4
                        for item in reference.activity_types().items
                    ),
                )
            header.resizeSection(position, width)
        # The title stretches into what the others leave: at 125% scale that is less than
        # its heading, unless the heading's width is every section's least.
        title = COLUMNS[_TITLE].header(self._language, short=True)
        header.setMinimumSectionSize(header_metrics.horizontalAdvance(title) + indicator)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)

    @override
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns()
