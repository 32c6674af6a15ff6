"""Lines to follow up, one a row, each with its own due date and owner: the conditions of a
screening decision, the follow-up actions of an activity."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from postkit.ui.widgets.date_edit import DateEdit

CONDITION, DUE, OWNER = range(3)


class FollowUpTable(QTableWidget):
    """The lines typed in a text box, one a row; each gets its own due date and owner (they
    start as the defaults given, e.g. a decision's date "to be met by" and the request's
    handler).

    Signals `edited` when a due date or owner changes.
    """

    edited = Signal()

    def __init__(self, what: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([what, self.tr("Due"), self.tr("Owner")])
        self.setAccessibleName(accessible_name)
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(CONDITION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DUE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OWNER, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(OWNER, 140)
        # Rows as tall as the date and owner fields they hold.
        self.verticalHeader().setDefaultSectionSize(QLineEdit().sizeHint().height() + 6)
        # What the officer set per line, kept by its text while the text is edited.
        self._chosen: dict[str, tuple[date | None, str]] = {}
        self._default: tuple[date | None, str] = (None, "")

    def set_lines(self, lines: list[str], default_due: date | None, default_owner: str) -> None:
        """Show `lines`, each with the due date and owner chosen for it or the defaults."""
        old_default = self._default
        self._default = (default_due, default_owner)
        # A row still at the old defaults follows the new ones.
        self._chosen = {
            text: (
                default_due if due == old_default[0] else due,
                default_owner if owner == old_default[1] else owner,
            )
            for text, (due, owner) in self._chosen.items()
        }
        self.setRowCount(len(lines))
        for row, text in enumerate(lines):
            due, owner = self._chosen.get(text, self._default)
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.setItem(row, CONDITION, item)
            due_edit = DateEdit(self)
            due_edit.set_value(due)
            due_edit.setAccessibleName(self.tr("Due date of line {0}").format(row + 1))
            due_edit.dateChanged.connect(lambda _d, r=row: self._keep(r))
            owner_edit = QLineEdit(owner, self)
            owner_edit.setAccessibleName(self.tr("Owner of line {0}").format(row + 1))
            owner_edit.textEdited.connect(lambda _t, r=row: self._keep(r))
            self.setCellWidget(row, DUE, due_edit)
            self.setCellWidget(row, OWNER, owner_edit)
        self.setFixedHeight(
            self.horizontalHeader().sizeHint().height()
            + sum(self.rowHeight(r) for r in range(self.rowCount()))
            + 2 * self.frameWidth()
        )

    def due_edit(self, row: int) -> DateEdit:
        widget = self.cellWidget(row, DUE)
        assert isinstance(widget, DateEdit)
        return widget

    def owner_edit(self, row: int) -> QLineEdit:
        widget = self.cellWidget(row, OWNER)
        assert isinstance(widget, QLineEdit)
        return widget

    def _keep(self, row: int) -> None:
        text = self.item(row, CONDITION).text()
        self._chosen[text] = (self.due_edit(row).value(), self.owner_edit(row).text().strip())
        self.edited.emit()

    def preset(self, chosen: dict[str, tuple[date | None, str]]) -> None:
        """Due dates and owners already chosen for lines (a stored activity's actions)."""
        self._chosen.update(chosen)

    def lines(self) -> list[tuple[str, date | None, str]]:
        """(condition, due date, owner) a row, as shown."""
        return [
            (
                self.item(row, CONDITION).text(),
                self.due_edit(row).value(),
                self.owner_edit(row).text().strip(),
            )
            for row in range(self.rowCount())
        ]

    def all_due_dates_readable(self, required: bool = True) -> bool:
        """Whether every due date typed reads as a date (and, when `required`, is there)."""
        return all(
            self.due_edit(row).is_readable
            and (not required or self.due_edit(row).value() is not None)
            for row in range(self.rowCount())
        )

    def clear_choices(self) -> None:
        self._chosen.clear()
        self._default = (None, "")
        self.setRowCount(0)
