"""The list of support requests: a small table model, a search box and a status filter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from postkit.core.screening.records import Outcome, RequestRow, Status
from postkit.ui.overrides import override
from postkit.ui.screening import labels
from postkit.ui.screening.colors import OUTCOME_COLORS
from postkit.ui.widgets.colors import WARNING

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def _tr(text: str) -> str:
    return QCoreApplication.translate("RequestTableModel", text)


def _date(value: date | None) -> str:
    return QLocale().toString(value, QLocale.FormatType.ShortFormat) if value else ""


def _status_text(row: RequestRow, language: str) -> str:
    if row.status is Status.DECIDED and row.outcome is not None:
        return labels.outcome_label(row.outcome, language)
    return labels.status_label(row.status)


@dataclass(frozen=True)
class Column:
    title: str
    display: Callable[[RequestRow, str], Any]
    sort_key: Callable[[RequestRow], Any]
    alignment: Qt.AlignmentFlag = _LEFT


COLUMNS = (
    Column(
        QT_TRANSLATE_NOOP("RequestTableModel", "Company"),
        lambda r, _: r.company_name,
        lambda r: r.company_name.casefold(),
    ),
    Column(
        QT_TRANSLATE_NOOP("RequestTableModel", "Support"),
        lambda r, lang: labels.support_kind_label(r.support_kind, lang),
        lambda r: r.support_kind,
    ),
    Column(
        QT_TRANSLATE_NOOP("RequestTableModel", "Requested"),
        lambda r, _: _date(r.requested_on),
        lambda r: r.requested_on,
    ),
    Column(
        QT_TRANSLATE_NOOP("RequestTableModel", "Status"),
        _status_text,
        lambda r: (r.status is Status.DECIDED, str(r.outcome or "")),
    ),
    Column(
        QT_TRANSLATE_NOOP("RequestTableModel", "Handled by"),
        lambda r, _: r.handled_by,
        lambda r: r.handled_by.casefold(),
    ),
    Column(
        QT_TRANSLATE_NOOP("RequestTableModel", "Follow-up"),
        lambda r, _: _date(r.follow_up_on),
        lambda r: r.follow_up_on or date.max,
    ),
    Column(
        QT_TRANSLATE_NOOP("RequestTableModel", "To judge"),
        lambda r, _: r.open_matches if r.open_matches else "",
        lambda r: r.open_matches,
        _RIGHT,
    ),
)
SUPPORT_COLUMN = 1
STATUS_COLUMN = 3
HANDLED_BY_COLUMN = 4
FOLLOW_UP_COLUMN = 5
CANDIDATES_COLUMN = 6
# Shown in the request's heading; the header's menu brings them into the list.
HIDDEN_COLUMNS = (SUPPORT_COLUMN, HANDLED_BY_COLUMN)

RequestIdRole = Qt.ItemDataRole.UserRole + 1


class RequestTableModel(QAbstractTableModel):
    """Rows of `list_requests`; a post has tens or hundreds of requests, so all are kept."""

    def __init__(self, language: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self._language = language
        self._rows: list[RequestRow] = []
        self._sort_column = 2
        self._descending = True
        self._today = date.today()

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return _tr(COLUMNS[section].title)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return COLUMNS[section].alignment
        return None

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[column].display(row, self._language)
        if role == RequestIdRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return COLUMNS[column].alignment
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.FontRole and column in (STATUS_COLUMN, CANDIDATES_COLUMN):
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _foreground(self, row: RequestRow, column: int) -> QColor | None:
        if column == STATUS_COLUMN and row.outcome is not None:
            return QColor(OUTCOME_COLORS[row.outcome])
        if column == CANDIDATES_COLUMN and row.open_matches:
            return QColor(WARNING)
        if column == FOLLOW_UP_COLUMN and self._is_follow_up_due(row):
            return QColor(WARNING)
        return None

    def _tooltip(self, row: RequestRow, column: int) -> str | None:
        if column == STATUS_COLUMN and row.outcome is not None:
            return labels.outcome_label(row.outcome, self._language)
        if column == CANDIDATES_COLUMN and row.open_matches:
            return QCoreApplication.translate(
                "RequestTableModel", "Sanctions candidates still to judge: {0}"
            ).format(row.open_matches)
        if column == FOLLOW_UP_COLUMN and self._is_follow_up_due(row):
            return QCoreApplication.translate("RequestTableModel", "The follow-up is due")
        if column == 0:
            return row.company_name
        return None

    def _is_follow_up_due(self, row: RequestRow) -> bool:
        return (
            row.outcome is Outcome.SUPPORT_WITH_CONDITIONS
            and row.follow_up_on is not None
            and row.follow_up_on <= self._today
        )

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self._sort_rows()
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        key = COLUMNS[self._sort_column].sort_key
        # The id breaks ties so equal keys keep a stable, newest-first order.
        self._rows.sort(key=lambda r: (key(r), r.id), reverse=self._descending)

    # -- what the list asks ------------------------------------------------------------

    def set_rows(self, rows: list[RequestRow], today: date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today or date.today()
        self._sort_rows()
        self.endResetModel()

    def id_at(self, row: int) -> int:
        return self._rows[row].id

    def row_at(self, row: int) -> RequestRow:
        return self._rows[row]

    def row_of(self, request_id: int) -> int | None:
        for position, row in enumerate(self._rows):
            if row.id == request_id:
                return position
        return None


class RequestList(QWidget):
    """The table with its search box and status filter.

    `load` is called with (status, text) and returns the rows; `current_changed` carries the
    selected request's id (None when nothing is selected).
    """

    current_changed = Signal(object)
    filter_changed = Signal()

    def __init__(
        self,
        load: Callable[[Status | None, str], list[RequestRow]],
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._total = 0
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

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Support requests"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((190, 150, 82, 124, 110, 82, 60)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        for column in HIDDEN_COLUMNS:
            header.setSectionHidden(column, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._choose_columns)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)

        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setMargin(16)
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
        keep = select_id if select_id is not None else self.current_id()
        self.model.set_rows(self._load(self.status.currentData(), self.search.text()))
        if self.is_filtered:
            self._total = len(self._load(None, ""))
        else:
            self._total = self.model.rowCount()
        self._update_empty_state()
        self.fit_columns()
        self.select(keep)

    def fit_columns(self) -> None:
        """Each column as wide as its widest text (the company takes the room left)."""
        header = self.table.horizontalHeader()
        for column in range(1, self.model.columnCount()):
            if not header.isSectionHidden(column):
                self.table.resizeColumnToContents(column)

    def preferred_width(self) -> int:
        """The width that shows every column whole, companies up to a sensible length."""
        header = self.table.horizontalHeader()
        others = sum(
            header.sectionSize(column)
            for column in range(1, self.model.columnCount())
            if not header.isSectionHidden(column)
        )
        company = max(self.table.sizeHintForColumn(0), header.sectionSizeHint(0))
        company = min(company, self.fontMetrics().averageCharWidth() * 34)
        scroll_bar = self.table.verticalScrollBar().sizeHint().width()
        return others + company + scroll_bar + 2 * self.table.frameWidth() + 4

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

    def _choose_columns(self, position: QPoint) -> None:
        """Let the user show or hide columns (the company always stays)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column in range(1, self.model.columnCount()):
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(
                lambda visible, c=column: header.setSectionHidden(c, not visible)
            )
        menu.exec(header.mapToGlobal(position))

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
