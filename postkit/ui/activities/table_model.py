"""The activity list as a Qt table model: ids for the whole filter, rows loaded page by page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QModelIndex, QObject, Qt

from postkit.core import reference
from postkit.core.activities.columns import LIST_COLUMNS, ActivityColumn, Kind
from postkit.core.activities.records import ActivityFilter
from postkit.ui.ops import Runner
from postkit.ui.overrides import override
from postkit.ui.widgets.table_model import PAGE_SIZE, CachedTableModel, IdRole, Index

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from postkit.core.activities.first_screen import FirstScreen

__all__ = ["COLUMNS", "FIRST_SORT", "PAGE_SIZE", "ActivityIdRole", "ActivityTableModel"]

COLUMNS: tuple[ActivityColumn, ...] = LIST_COLUMNS
# The list starts sorted by its first column (the date), newest first.
FIRST_SORT = COLUMNS[0].name
ActivityIdRole = IdRole

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# Where each column's values start in a row read by `activity_values` (DATES reads two).
_STARTS = tuple(sum(len(column.select) for column in COLUMNS[:i]) for i in range(len(COLUMNS)))
_TITLE = [column.name for column in COLUMNS].index("title")
_ALIGNMENTS = tuple(_RIGHT if column.is_numeric else _LEFT for column in COLUMNS)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ID = int(ActivityIdRole)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _ID})

Values = tuple[object, ...]


def _formatter(column: ActivityColumn, language: str) -> Callable[[Values, int], Any]:
    """How the list shows a column's value (its kind says how)."""
    locale = QLocale()
    short = QLocale.FormatType.ShortFormat
    kind = column.kind
    # Many activities share a date: each is formatted once (QLocale's conversion is slow).
    texts: dict[date, str] = {}

    def day_text(day: object) -> str:
        if not isinstance(day, date):
            return ""
        text = texts.get(day)
        if text is None:
            text = texts[day] = locale.toString(day, short)
        return text

    if kind is Kind.DATES:

        def dates(values: Values, at: int) -> str:
            start, end = values[at], values[at + 1]
            text = day_text(start)
            if isinstance(end, date) and end != start:
                text += " – " + day_text(end)
            return text

        return dates
    if kind is Kind.DATE:
        return lambda values, at: day_text(values[at])
    if kind is Kind.DATETIME:
        return lambda values, at: (
            locale.toString(values[at].astimezone(), short)
            if isinstance(values[at], datetime)
            else ""
        )
    if kind is Kind.CORE_TASK:
        return lambda values, at: (
            f"{values[at]} · {reference.core_task_label(values[at], language, short=True)}"
        )
    if kind is Kind.CODE and column.reference:
        items = getattr(reference, column.reference)()
        return lambda values, at: items.label(values[at], language)
    if kind is Kind.NUMBER:
        return lambda values, at: values[at]
    return lambda values, at: "" if values[at] is None else str(values[at])


class ActivityTableModel(CachedTableModel[Values]):
    """Keeps only the ids of the matching activities; a row's columns load when it is shown."""

    def __init__(
        self,
        runner: Runner,
        language: str = "en",
        parent: QObject | None = None,
        activity_filter: ActivityFilter | None = None,
        first: FirstScreen | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._language = language
        self._filter = activity_filter or ActivityFilter()
        self._sort: str = FIRST_SORT
        self._descending = True
        self._formatters = self._make_formatters()
        if first is not None:
            # Read at start-up before the runner existed, the way `reload` reads.
            self.show_first(first.ids, first.rows)
        else:
            self.reload()

    # -- what the view asks --------------------------------------------------------------

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            column = COLUMNS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.header(self._language, short=True)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _ALIGNMENTS[section]
        return None

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting asks this for every role of every cell shown: roles the list does not
        # answer are turned away first, with plain ints (enum comparisons cost more).
        role = int(role)
        if role not in _ROLES:
            return None
        position = index.row()
        if not 0 <= position < len(self._ids) or not index.isValid():
            return None
        if role == _ALIGNMENT:
            return _ALIGNMENTS[index.column()]
        if role == _ID:
            return self._ids[position]
        if role == _TOOLTIP and index.column() != _TITLE:
            return None
        return self.cell(position, index.column())

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key, descending = COLUMNS[column].name, order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return  # the view re-applies the order it shows (on enabling sorting, say)
        self._sort, self._descending = key, descending
        self.reload()

    # -- what the page asks --------------------------------------------------------------

    @property
    def activity_filter(self) -> ActivityFilter:
        return self._filter

    def set_filter(self, flt: ActivityFilter) -> bool:
        """Filter the list; False when the filter is the one shown (nothing is asked)."""
        if flt == self._filter:
            return False
        self._filter = flt
        self.reload()
        return True

    def set_language(self, language: str) -> None:
        self._language = language
        self._formatters = self._make_formatters()
        self.forget_display()

    # -- reading and showing -------------------------------------------------------------

    @override
    def ids_reader(self) -> Callable[[Session], list[int]]:
        flt, sort, descending = self._filter, self._sort, self._descending

        def read_ids(session: Session) -> list[int]:
            # Imported by the runner's thread: the first screen shows before SQLAlchemy loads.
            from postkit.core.activities.listing import activity_ids

            return activity_ids(session, flt, sort, descending)

        return read_ids

    @override
    def rows_reader(self) -> Callable[[Session, Sequence[int]], dict[int, Values]]:
        return _read_rows

    @override
    def display(self, row: Values, column: int) -> Any:
        return self._formatters[column](row, _STARTS[column])

    def _make_formatters(self) -> list[Callable[[Values, int], Any]]:
        return [_formatter(column, self._language) for column in COLUMNS]


def _read_rows(session: Session, ids: Sequence[int]) -> dict[int, Values]:
    from postkit.core.activities.listing import activity_values

    return activity_values(session, ids, COLUMNS)
