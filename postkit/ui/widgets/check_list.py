"""A compact list of checkable reference items with a filter box, for multi-select fields."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.reference import ReferenceList


class CheckList(QWidget):
    """Checkable items keyed by code; `changed` fires when the checked set changes."""

    changed = Signal()

    def __init__(self, items: ReferenceList, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(self.tr("Filter…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._apply_filter)
        self.list = QListWidget(self)
        self.list.setUniformItemSizes(True)
        for item in items.items:
            entry = QListWidgetItem(item.label(language), self.list)
            entry.setData(Qt.ItemDataRole.UserRole, item.code)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.list)

    def set_name(self, name: str) -> None:
        """Names the list and its filter for a screen reader (a form's label names only the
        composite widget, which a screen reader does not announce)."""
        name = name.replace("&", "").rstrip(": ")
        self.list.setAccessibleName(name)
        self.filter_box.setAccessibleName(self.tr("Filter {0}").format(name))

    def _entries(self) -> Iterable[QListWidgetItem]:
        return (self.list.item(row) for row in range(self.list.count()))

    def checked_codes(self) -> tuple[str, ...]:
        return tuple(
            entry.data(Qt.ItemDataRole.UserRole)
            for entry in self._entries()
            if entry.checkState() == Qt.CheckState.Checked
        )

    def set_checked_codes(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        for entry in self._entries():
            state = entry.data(Qt.ItemDataRole.UserRole) in wanted
            entry.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)

    def _apply_filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for entry in self._entries():
            entry.setHidden(bool(needle) and needle not in entry.text().casefold())


class ThemesAndSectors(QWidget):
    """The themes and the sectors of a record side by side (activities and practices)."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.themes = CheckList(reference.themes(), language, self)
        self.sectors = CheckList(reference.sectors(), language, self)
        grid = QGridLayout(self)
        themes_label = QLabel(self.tr("Themes"), self)
        sectors_label = QLabel(self.tr("Sectors"), self)
        self.themes.set_name(themes_label.text())
        self.sectors.set_name(sectors_label.text())
        grid.addWidget(themes_label, 0, 0)
        grid.addWidget(sectors_label, 0, 1)
        grid.addWidget(self.themes, 1, 0)
        grid.addWidget(self.sectors, 1, 1)
