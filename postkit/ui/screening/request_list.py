"""The list of support requests: the table, a search box and a status filter."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from postkit.core.screening import service
from postkit.core.screening.records import RequestRow, Status
from postkit.ui.ops import Runner
from postkit.ui.screening.table_model import HIDDEN_COLUMNS, RequestTableModel
from postkit.ui.widgets.table_view import empty_state_label, offer_column_choice, record_table

# Cells measured per column: the widest texts in the table's font (a bold column's order of
# widths is the same but for near ties).
_MEASURED = 8


class RequestList(QWidget):
    """The table with its search box and status filter.

    The rows are read through `runner`, off the GUI thread. `current_changed` carries the
    selected request's id (None when nothing is selected); `reloaded` fires once the rows of
    a `reload` are shown.
    """

    current_changed = Signal(object)
    filter_changed = Signal()
    reloaded = Signal()

    def __init__(self, runner: Runner, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._total = 0
        self._select_after: int | None = None
        self._content_widths: dict[int, int] = {}
        self.model = RequestTableModel(language, self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search company, director or handler"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search support requests"))
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Status filter"))
        self.status.addItem(self.tr("All requests"), None)
        self.status.addItem(self.tr("Open"), Status.OPEN)
        self.status.addItem(self.tr("Decided"), Status.DECIDED)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status)

        self.table = record_table(
            self,
            self.model,
            self.tr("Support requests"),
            single_selection=True,
            row_padding=12,
            widths=dict(enumerate((190, 150, 82, 124, 110, 82, 60))),
            stretch=0,
        )
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(48)
        for column in HIDDEN_COLUMNS:
            header.setSectionHidden(column, True)
        offer_column_choice(self.table, keep=0)  # the company always stays
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)

        self.empty_label = empty_state_label(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.stack)

        self.search.textChanged.connect(self._filter_edited)
        self.status.currentIndexChanged.connect(self._filter_edited)

    # -- public ------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """Query again, keeping the selection (or moving it to `select_id`)."""
        if select_id is not None:
            # Kept apart: a later reload supersedes this one's query, not where it goes.
            self._select_after = select_id
        status, text, is_filtered = self.status.currentData(), self.search.text(), self.is_filtered

        def read(session: Session) -> tuple[list[RequestRow], int]:
            rows = service.list_requests(session, status, text)
            total = len(service.list_requests(session)) if is_filtered else len(rows)
            return rows, total

        self.runner.query(read, self._show_rows, owner=self, key=f"request-list-{id(self)}")

    def _show_rows(self, answer: tuple[list[RequestRow], int]) -> None:
        rows, self._total = answer
        keep = self._select_after if self._select_after is not None else self.current_id()
        self._select_after = None
        self.model.set_rows(rows)
        self._update_empty_state()
        self.fit_columns()
        self.select(keep)
        self.reloaded.emit()

    def fit_columns(self) -> None:
        """Each column as wide as its widest text (the company takes the room left)."""
        self._content_widths.clear()
        header = self.table.horizontalHeader()
        for column in range(1, self.model.columnCount()):
            if not header.isSectionHidden(column):
                header.resizeSection(
                    column, max(self._content_width(column), header.sectionSizeHint(column))
                )

    def preferred_width(self) -> int:
        """The width that shows every column whole, companies up to a sensible length."""
        header = self.table.horizontalHeader()
        others = sum(
            header.sectionSize(column)
            for column in range(1, self.model.columnCount())
            if not header.isSectionHidden(column)
        )
        company = max(self._content_width(0), header.sectionSizeHint(0))
        company = min(company, self.fontMetrics().averageCharWidth() * 34)
        scroll_bar = self.table.verticalScrollBar().sizeHint().width()
        return others + company + scroll_bar + 2 * self.table.frameWidth() + 4

    def _content_width(self, column: int) -> int:
        """The width of `column`'s widest cell, as Qt measures a cell, kept until the rows
        change (the page asks at every resize).

        Qt's own resizeColumnToContents and sizeHintForColumn read up to a thousand rows
        through the model's Python `data()` on the GUI thread (~110 ms on a post with many
        requests). Measured here on the rows whose text is widest in the table's font: one
        per distinct text (dates, statuses and handlers repeat), the widest few of those.
        """
        if column in self._content_widths:
            return self._content_widths[column]
        metrics = self.table.fontMetrics()
        first_of: dict[str, int] = {}
        for position, row in enumerate(self.model.shown_rows()):
            first_of.setdefault(str(self.model.display(row, column)), position)
        widest = sorted(first_of, key=metrics.horizontalAdvance, reverse=True)[:_MEASURED]
        delegate = self.table.itemDelegate()
        option = QStyleOptionViewItem()
        option.initFrom(self.table)
        option.font = self.table.font()
        option.widget = self.table
        grid = 1 if self.table.showGrid() else 0
        width = max(
            (
                delegate.sizeHint(option, self.model.index(first_of[text], column)).width()
                for text in widest
            ),
            default=-grid,
        )
        self._content_widths[column] = width + grid
        return width + grid

    def current_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        selected = self.table.selectionModel().selectedRows()
        if not index.isValid() or not selected:
            return None
        return self.model.id_at(index.row())

    def select(self, request_id: int | None) -> None:
        row = self.model.row_of(request_id) if request_id is not None else None
        selection = self.table.selectionModel()
        if row is None:
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            self.current_changed.emit(None)
            return
        index = self.model.index(row, 0)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    @property
    def is_filtered(self) -> bool:
        return bool(self.search.text().strip()) or self.status.currentData() is not None

    @property
    def total_count(self) -> int:
        """Requests in the database, whatever the filter shows."""
        return self._total

    def clear_filters(self) -> None:
        self.status.blockSignals(True)
        self.status.setCurrentIndex(0)
        self.status.blockSignals(False)
        self.search.clear()
        self.reload()

    # -- internals ---------------------------------------------------------------------

    def _filter_edited(self) -> None:
        self.reload()
        self.filter_changed.emit()

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(self.model.id_at(current.row()) if current.isValid() else None)

    def _update_empty_state(self) -> None:
        if self.model.rowCount() > 0:
            self.stack.setCurrentWidget(self.table)
            return
        if self.is_filtered and self._total:
            text = self.tr(
                "<h3>No request matches</h3><p>Change the search or the status filter.</p>"
            )
        else:
            text = self.tr(
                "<h3>No support requests yet</h3><p>When a company asks the post for support, "
                "record it with <b>New request</b> (Ctrl+Shift+N) and screen it here.</p>"
            )
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)
