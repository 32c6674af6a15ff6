"""The register as a Qt table model: the ids of the companies that match, rows read by page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, Qt
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.companies.records import SizeClass
from postkit.ui.companies import ops
from postkit.ui.companies.ops import CompanyRow
from postkit.ui.ops import Runner
from postkit.ui.overrides import override
from postkit.ui.widgets.table_model import LEFT, RIGHT, CachedTableModel, IdRole, Index

CONTEXT = "CompanyTableModel"
HEADERS = (
    QT_TRANSLATE_NOOP("CompanyTableModel", "Name"),
    QT_TRANSLATE_NOOP("CompanyTableModel", "KvK"),
    QT_TRANSLATE_NOOP("CompanyTableModel", "Country"),
    QT_TRANSLATE_NOOP("CompanyTableModel", "Sector"),
    QT_TRANSLATE_NOOP("CompanyTableModel", "Size class"),
    QT_TRANSLATE_NOOP("CompanyTableModel", "Activities"),
    QT_TRANSLATE_NOOP("CompanyTableModel", "Screenings"),
)
SIZE_LABELS = {
    SizeClass.LARGE: QT_TRANSLATE_NOOP("CompanyTableModel", "Large, international"),
    SizeClass.SME: QT_TRANSLATE_NOOP("CompanyTableModel", "SME"),
    SizeClass.UNKNOWN: QT_TRANSLATE_NOOP("CompanyTableModel", "Not known"),
}
NAME, KVK, COUNTRY, SECTOR, SIZE, ACTIVITIES, SCREENINGS = range(len(HEADERS))
_ALIGNMENTS = (LEFT,) * 5 + (RIGHT, RIGHT)


def size_label(size: SizeClass) -> str:
    return QCoreApplication.translate(CONTEXT, SIZE_LABELS[size])


class CompanyTableModel(CachedTableModel[CompanyRow]):
    """Keeps the ids of the companies whose name, trade name or KvK number match the text
    typed in the search field; each newer text supersedes a lookup still on its way."""

    def __init__(self, runner: Runner, language: str = "en", parent: QObject | None = None) -> None:
        super().__init__(runner, parent)
        self._language = language
        self._text = ""
        self.reload()

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text.strip() != self._text:
            self._text = text.strip()
            self.reload()

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate(CONTEXT, HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _ALIGNMENTS[section]
        return None

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        position = index.row()
        if not index.isValid() or not 0 <= position < len(self._ids):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(position, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGNMENTS[index.column()]
        if role == IdRole:
            return self._ids[position]
        return None

    @override
    def ids_reader(self) -> Callable[[Session], list[int]]:
        text = self._text
        return lambda session: ops.read_ids(session, text)

    @override
    def rows_reader(self) -> Callable[[Session, Sequence[int]], dict[int, CompanyRow]]:
        return ops.read_rows

    @override
    def display(self, row: CompanyRow, column: int) -> Any:
        line = row.line
        if column == NAME:
            return line.name
        if column == KVK:
            return line.kvk_number or ""
        if column == COUNTRY:
            return reference.countries().label(line.country, self._language) if line.country else ""
        if column == SECTOR:
            return reference.sectors().label(line.sector, self._language) if line.sector else ""
        if column == SIZE:
            return size_label(line.size_class)
        count = row.activities if column == ACTIVITIES else row.screenings
        return "" if count is None else count
