"""The activity list as a Qt table model: ids for the whole filter, rows loaded page by page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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

from postkit.core import reference
from postkit.core.activities.listing import SortKey, activity_ids, activity_rows
from postkit.core.activities.records import ActivityFilter, ActivityRow
from postkit.core.db import Database
from postkit.ui.overrides import override

PAGE_SIZE = 100
_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActivityTableModel", text)


@dataclass(frozen=True)
class Column:
    sort_key: SortKey
    title: str
    display: Callable[[ActivityRow, str], Any]
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def _date_text(row: ActivityRow, _language: str) -> str:
    locale = QLocale()
    text = locale.toString(row.start_date, QLocale.FormatType.ShortFormat)
    if row.end_date and row.end_date != row.start_date:
        text += " – " + locale.toString(row.end_date, QLocale.FormatType.ShortFormat)
    return text


def _core_task_text(row: ActivityRow, language: str) -> str:
    return f"{row.core_task} · {reference.core_task_label(row.core_task, language, short=True)}"


def _type_text(row: ActivityRow, language: str) -> str:
    return reference.activity_types().label(row.activity_type, language)


def _country_text(row: ActivityRow, language: str) -> str:
    return reference.countries().label(row.country, language)


def _updated_text(row: ActivityRow, _language: str) -> str:
    return QLocale().toString(row.updated_at.astimezone(), QLocale.FormatType.ShortFormat)


_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

COLUMNS = (
    Column(SortKey.DATE, QT_TRANSLATE_NOOP("ActivityTableModel", "Date"), _date_text),
    Column(
        SortKey.CORE_TASK, QT_TRANSLATE_NOOP("ActivityTableModel", "Core task"), _core_task_text
    ),
    Column(SortKey.TITLE, QT_TRANSLATE_NOOP("ActivityTableModel", "Title"), lambda r, _: r.title),
    Column(SortKey.TYPE, QT_TRANSLATE_NOOP("ActivityTableModel", "Type"), _type_text),
    Column(SortKey.COUNTRY, QT_TRANSLATE_NOOP("ActivityTableModel", "Country"), _country_text),
    Column(
        SortKey.COMPANIES,
        QT_TRANSLATE_NOOP("ActivityTableModel", "Companies"),
        lambda r, _: r.companies_reached,
        _RIGHT,
    ),
    Column(
        SortKey.PARTICIPANTS,
        QT_TRANSLATE_NOOP("ActivityTableModel", "Participants"),
        lambda r, _: r.participants,
        _RIGHT,
    ),
    Column(SortKey.UPDATED, QT_TRANSLATE_NOOP("ActivityTableModel", "Last changed"), _updated_text),
)

ActivityIdRole = Qt.ItemDataRole.UserRole + 1


class ActivityTableModel(QAbstractTableModel):
    """Keeps only the ids of the matching activities; a row's columns load when it is shown."""

    def __init__(
        self,
        database: Database,
        language: str = "en",
        parent: Any = None,
        activity_filter: ActivityFilter | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._language = language
        self._filter = activity_filter or ActivityFilter()
        self._sort = SortKey.DATE
        self._descending = True
        self._ids: list[int] = []
        self._rows: dict[int, ActivityRow] = {}
        # Display values per id, formatted once when first shown: painting asks often.
        self._display: dict[int, tuple[Any, ...]] = {}
        self.reload()

    # -- what the view asks --------------------------------------------------------------

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            column = COLUMNS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return _tr(column.title)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return column.alignment
        return None

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ActivityIdRole:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        if role == Qt.ItemDataRole.ToolTipRole and column.sort_key is not SortKey.TITLE:
            return None
        values = self._values(index.row())
        return None if values is None else values[index.column()]

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key, descending = COLUMNS[column].sort_key, order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return  # the view re-applies the order it shows (on enabling sorting, say)
        self._sort, self._descending = key, descending
        self.reload()

    # -- what the page asks --------------------------------------------------------------

    @property
    def activity_filter(self) -> ActivityFilter:
        return self._filter

    def set_filter(self, flt: ActivityFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.reload()

    def set_language(self, language: str) -> None:
        self._language = language
        self._display.clear()
        self._notify_all_changed()

    def reload(self) -> None:
        """Query the ids again (after a filter, sort or data change)."""
        self.beginResetModel()
        with self._database.session() as session:
            self._ids = activity_ids(session, self._filter, self._sort, self._descending)
        self._rows.clear()
        self._display.clear()
        self.endResetModel()

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, activity_id: int) -> int | None:
        try:
            return self._ids.index(activity_id)
        except ValueError:
            return None

    @property
    def cached_rows(self) -> int:
        return len(self._rows)

    def _values(self, position: int) -> tuple[Any, ...] | None:
        activity_id = self._ids[position]
        values = self._display.get(activity_id)
        if values is None:
            row = self._rows.get(activity_id)
            if row is None:
                self._load_page(position)
                row = self._rows.get(activity_id)
                if row is None:
                    return None
            values = tuple(column.display(row, self._language) for column in COLUMNS)
            self._display[activity_id] = values
        return values

    def _load_page(self, position: int) -> None:
        start = (position // PAGE_SIZE) * PAGE_SIZE
        page = self._ids[start : start + PAGE_SIZE]
        with self._database.session() as session:
            self._rows.update(activity_rows(session, page))

    def _notify_all_changed(self) -> None:
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )
