"""A line edit for a whole number that may be unknown, written with thousands separators."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

# Group separators people type: the locale's, and the common others (1.000.000, 1,000,000,
# 1 000 000, 1'000'000); a decimal part is not accepted.
_SEPARATORS = re.compile(r"[ .,'\u00a0\u202f]")


class AmountEdit(QLineEdit):
    """Empty means unknown; `value()` is None then, or when the text is not a whole number.

    The text is reformatted with the locale's separators when editing finishes.
    """

    value_changed = Signal()

    def __init__(self, parent: QWidget | None = None, maximum: int = 10**15) -> None:
        super().__init__(parent)
        self._maximum = maximum
        self.setClearButtonEnabled(True)
        self.textChanged.connect(self.value_changed)
        self.editingFinished.connect(self._reformat)

    def value(self) -> int | None:
        return parse_amount(self.text(), self._maximum)

    def is_valid(self) -> bool:
        """Empty (unknown) or a whole number within range."""
        return not self.text().strip() or self.value() is not None

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else format_amount(value))

    def _reformat(self) -> None:
        value = self.value()
        if value is not None:
            formatted = format_amount(value)
            if formatted != self.text():
                self.setText(formatted)


def parse_amount(text: str, maximum: int = 10**15) -> int | None:
    """`text` as a whole number ≥ 0 with optional group separators; None if it is not one.

    Groups after a separator must have three digits, so "1.5" (a decimal) is refused rather
    than read as fifteen.
    """
    groups = _SEPARATORS.split(text.strip())
    if not all(group.isascii() and group.isdigit() for group in groups):
        return None
    if len(groups) > 1 and (len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    value = int("".join(groups))
    return value if value <= maximum else None


def format_amount(value: int) -> str:
    locale = QLocale()
    return locale.toString(value)
