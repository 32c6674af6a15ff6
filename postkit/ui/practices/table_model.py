"""The practices that match the filter, as a list model for the cards and a table model over it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from postkit.core.practices.records import PracticeFilter, PracticeListRow
from postkit.core.practices.service import list_practices
from postkit.ui.ops import Runner
from postkit.ui.overrides import override
from postkit.ui.practices.labels import core_task_short, country_label, status_label

_Index = QModelIndex | QPersistentModelIndex

PracticeRole = Qt.ItemDataRole.UserRole + 1
PracticeIdRole = Qt.ItemDataRole.UserRole + 2


class PracticeListModel(QAbstractListModel):
    """The ranked rows `list_practices` returns for the filter; a library holds hundreds, not
    millions, so all rows are kept. They are read off the GUI thread: `loaded` fires once the
    rows asked for last are in (an older answer still on its way is dropped)."""

    loaded = Signal()

    def __init__(self, runner: Runner, language: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._language = language
        self._filter = PracticeFilter()
        self._rows: list[PracticeListRow] = []
        self._key = f"practice-list-{id(self)}"
        self.reload()

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.excerpt or None
        if role == PracticeRole:
            return row
        if role == PracticeIdRole:
            return row.id
        return None

    @property
    def practice_filter(self) -> PracticeFilter:
        return self._filter

    @property
    def language(self) -> str:
        return self._language

    def set_filter(self, flt: PracticeFilter, then: Callable[[], None] | None = None) -> None:
        if flt != self._filter:
            self._filter = flt
            self.reload(then)

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Read the rows for the filter again; `then` runs once they are shown."""
        flt = self._filter

        def shown(rows: list[PracticeListRow]) -> None:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            if then is not None:
                then()
            self.loaded.emit()

        self._runner.query(
            lambda session: list(list_practices(session, flt)), shown, owner=self, key=self._key
        )

    def rows(self) -> list[PracticeListRow]:
        return list(self._rows)

    def ids(self) -> list[int]:
        return [row.id for row in self._rows]

    def row_at(self, position: int) -> PracticeListRow:
        return self._rows[position]

    def id_at(self, position: int) -> int:
        return self._rows[position].id

    def row_of(self, practice_id: int) -> int | None:
        for position, row in enumerate(self._rows):
            if row.id == practice_id:
                return position
        return None


def _tr(text: str) -> str:
    return QCoreApplication.translate("PracticeTableModel", text)


@dataclass(frozen=True)
class Column:
    title: str
    display: Callable[[PracticeListRow, str], Any]
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("PracticeTableModel", "Title"), lambda r, _: r.title),
    Column(
        QT_TRANSLATE_NOOP("PracticeTableModel", "Core tasks"),
        lambda r, lang: ", ".join(core_task_short(task, lang) for task in r.core_tasks),
    ),
    Column(QT_TRANSLATE_NOOP("PracticeTableModel", "Post"), lambda r, _: r.post_name),
    Column(
        QT_TRANSLATE_NOOP("PracticeTableModel", "Country"),
        lambda r, lang: country_label(r.country, lang),
    ),
    Column(
        QT_TRANSLATE_NOOP("PracticeTableModel", "Year"),
        lambda r, _: r.year or "",
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    ),
    Column(QT_TRANSLATE_NOOP("PracticeTableModel", "Language"), lambda r, _: r.language.upper()),
    Column(QT_TRANSLATE_NOOP("PracticeTableModel", "Status"), lambda r, _: status_label(r.status)),
    Column(
        QT_TRANSLATE_NOOP("PracticeTableModel", "Used by"),
        lambda r, _: r.uses,
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    ),
)


class PracticeTableModel(QAbstractTableModel):
    """The same rows in columns, for the list view; follows the list model's resets."""

    def __init__(self, source: PracticeListModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.source = source
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self.endResetModel)

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.source.rowCount()

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
        if not index.isValid() or not 0 <= index.row() < self.source.rowCount():
            return None
        row = self.source.row_at(index.row())
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row, self.source.language)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return row.excerpt or None
        if role == PracticeRole:
            return row
        if role == PracticeIdRole:
            return row.id
        return None
