"""The table model of the support requests: a post has tens or hundreds of them, so the rows
are all kept and sorted in memory; the columns are declared once, in `COLUMNS`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from postkit.core.screening.records import Outcome, RequestRow, Status
from postkit.ui.overrides import override
from postkit.ui.screening import labels
from postkit.ui.screening.colors import OUTCOME_TONES
from postkit.ui.widgets.tones import tone_color

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
            return tone_color(OUTCOME_TONES[row.outcome])
        if column == CANDIDATES_COLUMN and row.open_matches:
            return tone_color("warning")
        if column == FOLLOW_UP_COLUMN and self._is_follow_up_due(row):
            return tone_color("warning")
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
