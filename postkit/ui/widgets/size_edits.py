"""A company's size as people know it: employees, turnover and balance sheet total, each one
empty while unknown. The company editor and the screening request dialog both ask it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from postkit.ui.widgets.amount_edit import AmountEdit


class SizeEdits(QObject):
    """The three figures' edits, made in `parent`, right-aligned, 'unknown' while empty; the
    form lays them out."""

    def __init__(self, parent: QWidget, max_employees: int) -> None:
        super().__init__(parent)
        self.employees = AmountEdit(parent, max_employees)
        self.turnover = AmountEdit(parent)
        self.balance_sheet = AmountEdit(parent)
        for edit, placeholder in (
            (self.employees, self.tr("unknown")),
            (self.turnover, self.tr("EUR, unknown")),
            (self.balance_sheet, self.tr("EUR, unknown")),
        ):
            edit.setPlaceholderText(placeholder)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)

    @property
    def edits(self) -> tuple[AmountEdit, AmountEdit, AmountEdit]:
        return self.employees, self.turnover, self.balance_sheet

    def set_values(self, employees: int | None, turnover: int | None, balance: int | None) -> None:
        self.employees.set_value(employees)
        self.turnover.set_value(turnover)
        self.balance_sheet.set_value(balance)

    def values(self) -> tuple[int | None, int | None, int | None]:
        """Employees, turnover and balance sheet total; None where unknown or not a number."""
        return self.employees.value(), self.turnover.value(), self.balance_sheet.value()

    def is_valid(self) -> bool:
        """Every figure empty (unknown) or a whole number within range."""
        return all(edit.is_valid() for edit in self.edits)
