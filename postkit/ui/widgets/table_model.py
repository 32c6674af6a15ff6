"""A table model over many database records: the ids of the whole list, rows loaded in pages.

Anki's browser model in shape: a reload asks the database once for the ids in display order
(with the first page of rows), painting asks only for the rows it shows, a page at a time
(pages asked while a read waits join it), and every answer is cached, so `data()` never
waits for the database. All reading runs through the runner off the GUI thread; until a
row's page arrives its cells are empty.

A subclass says how to read (`read_ids`, `read_rows`: plain functions of a session, given
everything they need, because they run on the runner's thread) and how to show a row
(`columnCount`, `headerData`, `display`).

`RowTableModel` below is for the small lists, read whole: rows kept in memory, columns
declared once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from postkit.ui.ops import Runner
from postkit.ui.overrides import override

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1

PAGE_SIZE = 100
_UNSET = object()  # a cell not formatted yet


class CachedTableModel(QAbstractTableModel, Generic[Row]):
    """Holds the ids of every record in the list and a cache of the rows shown so far.

    Emits `loaded` when a reload's ids (and first page) have arrived and `rows_loaded` when
    a later page has.
    """

    loaded = Signal()
    rows_loaded = Signal()

    def __init__(self, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._ids: list[int] = []
        self._positions: dict[int, int] | None = None
        self._rows: dict[int, Row] = {}
        # Display values per id and column, formatted when first shown: painting asks often.
        self._display: dict[int, list[Any]] = {}
        self._pages_asked: set[int] = set()
        # Pages asked and not yet taken by a read: the read on its way takes them all.
        self._pages_wanted: list[_WantedPage] = []
        self._wanted_lock = threading.Lock()
        # Bumped by each reload, so a page asked before it is not cached after it.
        self._generation = 0
        self._is_loading = False
        self._has_loaded = False
        self._key = f"{type(self).__name__}-{id(self)}"

    # -- what a subclass gives -----------------------------------------------------------

    def ids_reader(self) -> Callable[[Session], list[int]]:
        """A function reading the ids in display order for the current filter and sort."""
        raise NotImplementedError

    def rows_reader(self) -> Callable[[Session, Sequence[int]], dict[int, Row]]:
        """A function reading the rows of some ids, keyed by id."""
        raise NotImplementedError

    def display(self, row: Row, column: int) -> Any:
        """The display value of a cell (asked once per cell until a reset)."""
        raise NotImplementedError

    # -- what the view asks --------------------------------------------------------------

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def cell(self, position: int, column: int) -> Any:
        """The display value at `position`, `column`; None (and asked for) until loaded."""
        record_id = self._ids[position]
        cells = self._display.get(record_id)
        if cells is None:
            if record_id not in self._rows:
                self._ask_page(position)
                return None
            cells = self._display[record_id] = [_UNSET] * self.columnCount()
        value = cells[column]
        if value is _UNSET:
            value = cells[column] = self.display(self._rows[record_id], column)
        return value

    # -- what the page asks --------------------------------------------------------------

    @property
    def is_loading(self) -> bool:
        """Whether a reload is on its way (the list shows what it had until it arrives)."""
        return self._is_loading

    @property
    def has_loaded(self) -> bool:
        """Whether any ids have arrived yet (before, the list is still loading, not empty)."""
        return self._has_loaded

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    @property
    def cached_rows(self) -> int:
        return len(self._rows)

    def show_first(self, ids: list[int], first_rows: dict[int, Row]) -> None:
        """Show ids and first rows read before the runner could (start-up's first screen),
        as if a reload had answered them."""
        self._ids_arrived((ids, first_rows))

    def reload(self) -> None:
        """Ask for the ids again (after a filter, sort or data change); `loaded` follows."""
        self._is_loading = True
        read_ids, read_rows = self.ids_reader(), self.rows_reader()

        def read(session: Session) -> tuple[list[int], dict[int, Row]]:
            ids = read_ids(session)
            # The first page in the same trip: the list is ready with rows in one answer.
            return ids, read_rows(session, ids[:PAGE_SIZE])

        self.runner.query(read, self._ids_arrived, owner=self, key=self._key)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, record_id: int) -> int | None:
        if self._positions is None:
            self._positions = {value: position for position, value in enumerate(self._ids)}
        return self._positions.get(record_id)

    def forget_display(self) -> None:
        """Format every row again (after the language changed)."""
        self._display.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1)
            )

    # -- inside --------------------------------------------------------------------------

    def _ids_arrived(self, answer: tuple[list[int], dict[int, Row]]) -> None:
        ids, first_rows = answer
        self.beginResetModel()
        self._generation += 1
        self._ids = ids
        self._positions = None
        self._rows = dict(first_rows)
        self._display.clear()
        self._pages_asked = {0} if first_rows else set()
        with self._wanted_lock:
            self._pages_wanted.clear()
        self._is_loading = False
        self._has_loaded = True
        self.endResetModel()
        self.loaded.emit()

    def _ask_page(self, position: int) -> None:
        """Have the page of `position` read. Pages asked while a read is still queued join
        it: a scroll to the end, or every row asked for, is one read and one answer, not
        one a page (each answer waited for the interpreter while the next page was read,
        and the answers came in one turn of the window: 59 pages, a 50-120 ms stall)."""
        page = position // PAGE_SIZE
        if page in self._pages_asked or self._is_loading:
            return
        self._pages_asked.add(page)
        wanted = _WantedPage(
            self._generation, page, self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        )
        with self._wanted_lock:
            self._pages_wanted.append(wanted)
            if len(self._pages_wanted) > 1:
                return  # the read on its way has not taken the pages yet: it takes this too
        read_rows, taken = self.rows_reader(), self._take_wanted

        def read(session: Session) -> tuple[list[_WantedPage], dict[int, Row]]:
            # Here, not at the top: the list shows its first rows before SQLAlchemy loads.
            from postkit.core.db.rows import in_batches

            pages = taken()
            rows: dict[int, Row] = {}
            for ids in in_batches([i for page in pages for i in page.ids]):
                rows.update(read_rows(session, ids))
            return pages, rows

        self.runner.query(read, self._rows_arrived, owner=self)

    def _take_wanted(self) -> list[_WantedPage]:
        """The pages asked so far, handed to the read that runs now (the runner's thread)."""
        with self._wanted_lock:
            pages, self._pages_wanted = self._pages_wanted, []
        return pages

    def _rows_arrived(self, answer: tuple[list[_WantedPage], dict[int, Row]]) -> None:
        pages, rows = answer
        pages = [page for page in pages if page.generation == self._generation]
        if not pages:
            return  # asked before a reload: the rows belong to the old list
        self._rows.update(rows)
        last_column = self.columnCount() - 1
        for first, last in _spans(sorted(page.number for page in pages), len(self._ids)):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
        self.rows_loaded.emit()


class _WantedPage(NamedTuple):
    generation: int  # the reload it belongs to
    number: int
    ids: list[int]


def _spans(pages: Sequence[int], rows: int) -> list[tuple[int, int]]:
    """The rows of sorted page numbers as (first, last) spans, neighbouring pages joined."""
    spans: list[tuple[int, int]] = []
    for page in pages:
        first, last = page * PAGE_SIZE, min((page + 1) * PAGE_SIZE, rows) - 1
        if last < first:
            continue
        if spans and spans[-1][1] + 1 == first:
            spans[-1] = (spans[-1][0], last)
        else:
            spans.append((first, last))
    return spans


# -- small lists, kept whole -------------------------------------------------------------

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class HasId(Protocol):
    @property
    def id(self) -> int: ...


Item = TypeVar("Item", bound=HasId)


@dataclass(frozen=True)
class Column(Generic[Item]):
    """One column of a `RowTableModel`: its title (marked with QT_TRANSLATE_NOOP in the
    model's `context`), the cell's text of a row in a language, and how to sort by it."""

    title: str
    display: Callable[[Item, str], Any]
    sort_key: Callable[[Item], Any] | None = None
    alignment: Qt.AlignmentFlag = LEFT


class RowTableModel(QAbstractTableModel, Generic[Item]):
    """A table of rows kept whole in memory (a list of tens or hundreds), in declared columns.

    A subclass names its `columns` and the translation `context` of their titles; it answers
    roles beyond text, alignment and id in `role_data`, and a cell that needs more than the
    row in `display`.
    """

    context: str
    columns: tuple[Column[Item], ...]
    id_role: int = IdRole

    def __init__(self, language: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._rows: list[Item] = []

    def shown_rows(self) -> Sequence[Item]:
        """The rows in display order (a model over another model's rows overrides this)."""
        return self._rows

    def display(self, row: Item, column: int) -> Any:
        return self.columns[column].display(row, self.language)

    def role_data(self, row: Item, column: int, role: int) -> Any:
        return None

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown_rows())

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate(self.context, self.columns[section].title)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return self.columns[section].alignment
        return None

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rows = self.shown_rows()
        if not index.isValid() or not 0 <= index.row() < len(rows):
            return None
        row, column = rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.columns[column].alignment
        if role == self.id_role:
            return row.id
        return self.role_data(row, column, role)

    def set_rows(self, rows: Sequence[Item]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, position: int) -> Item:
        return self.shown_rows()[position]

    def id_at(self, position: int) -> int:
        return self.shown_rows()[position].id

    def ids(self) -> list[int]:
        return [row.id for row in self.shown_rows()]

    def row_of(self, record_id: int) -> int | None:
        for position, row in enumerate(self.shown_rows()):
            if row.id == record_id:
                return position
        return None


class SortedRowTableModel(RowTableModel[Item]):
    """A `RowTableModel` the view sorts by any column with a `sort_key` (ties: newest id)."""

    def __init__(
        self,
        language: str = "en",
        parent: QObject | None = None,
        *,
        sort_column: int = 0,
        descending: bool = False,
    ) -> None:
        super().__init__(language, parent)
        self._sort_column = sort_column
        self._descending = descending

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].sort_key is None:
            return
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self._sort_rows()
        self.layoutChanged.emit()

    @override
    def set_rows(self, rows: Sequence[Item]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    def _sort_rows(self) -> None:
        key = self.columns[self._sort_column].sort_key
        if key is not None:
            self._rows.sort(key=lambda r: (key(r), r.id), reverse=self._descending)
