"""A date field that is typed like text (in the locale's format or ISO) and may stay empty.

QDateEdit cannot be empty: an optional date needs a fake minimum shown as special text, which
typing then appends to, and a disabled field shows its minimum (01/01/2000). This field is a
line edit instead: it is empty until a date is typed or picked, Ctrl+A selects, and the
calendar (the button in the field, or Alt+Down) is a helper that opens on the field's date.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QCheckBox, QLineEdit, QVBoxLayout, QWidget

from postkit.ui.icons import icon
from postkit.ui.overrides import override

ISO_FORMAT = "yyyy-MM-dd"
# A two-digit year below this is read as 20xx, at or above it as 19xx.
_CENTURY_PIVOT = 70


def display_format(locale: QLocale | None = None) -> str:
    """The locale's short date format with a four-digit year (dd-MM-yyyy in Dutch)."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def parse_date(text: str, locale: QLocale | None = None) -> QDate:
    """The date in `text`, typed as ISO or in the locale's day/month order; invalid if neither.

    Accepts any of - / . as separator, days and months without leading zeros, two-digit
    years, and the digits alone (15042027).
    """
    text = text.strip()
    if not text:
        return QDate()
    iso = QDate.fromString(text, ISO_FORMAT)
    if iso.isValid():
        return iso
    pattern = display_format(locale)
    order = [part[0] for part in re.findall(r"d+|M+|y+", pattern)]
    if sorted(order) != ["M", "d", "y"]:
        order = ["d", "M", "y"]
    if text.isdigit() and len(text) in (6, 8):
        widths = {"d": 2, "M": 2, "y": len(text) - 4}
        parts, start = [], 0
        for field in order:
            parts.append(text[start : start + widths[field]])
            start += widths[field]
    else:
        parts = re.split(r"\s*[-/.]\s*", text)
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        return QDate()
    fields = dict(zip(order, (int(part) for part in parts), strict=True))
    year = fields["y"]
    if len(parts[order.index("y")]) <= 2:
        year += 2000 if year < _CENTURY_PIVOT else 1900
    return QDate(year, fields["M"], fields["d"])


class _CalendarPopup(QWidget):
    picked = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(False)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)

    def _pick(self, day: QDate) -> None:
        self.picked.emit(day)
        self.close()


class DateEdit(QLineEdit):
    """A date typed or picked; `date()` is an invalid QDate while the field is empty or unreadable.

    Signals `dateChanged(QDate)` whenever the date it reads changes, as QDateEdit does.
    """

    dateChanged = Signal(QDate)

    def __init__(self, parent: QWidget | None = None, placeholder: str | None = None) -> None:
        super().__init__(parent)
        self._date = QDate()
        self._popup: _CalendarPopup | None = None
        self.setPlaceholderText(
            placeholder
            if placeholder is not None
            else self.tr("e.g. {0}").format(self.format_date(QDate(2027, 4, 15)))
        )
        self.setToolTip(
            self.tr("Type the date as {0} or {1}, or pick it from the calendar (Alt+Down)").format(
                self.format_date(QDate(2027, 4, 15)), "2027-04-15"
            )
        )
        self.calendar_action = self.addAction(
            icon("calendar-month-outline"), QLineEdit.ActionPosition.TrailingPosition
        )
        self.calendar_action.setToolTip(self.tr("Pick from the calendar"))
        # The button in the field shows only an icon: a screen reader reads the action's text.
        self.calendar_action.setText(self.calendar_action.toolTip())
        self.calendar_action.triggered.connect(self.show_calendar)
        self.textEdited.connect(self._read_text)
        self.editingFinished.connect(self._tidy_text)
        # Wide enough for the placeholder and the button, as a QDateEdit would be.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.placeholderText()) + 48)

    # -- QDateEdit's interface, so forms read it the same way --------------------------

    def date(self) -> QDate:
        return QDate(self._date)

    def setDate(self, value: QDate | date | None) -> None:
        day = QDate(value) if value is not None else QDate()
        self.setText(self.format_date(day) if day.isValid() else "")
        self._set_date(day)

    # -- optional dates -----------------------------------------------------------------

    def value(self) -> date | None:
        """The date, or None while the field is empty or does not read as a date."""
        return self._date.toPython() if self._date.isValid() else None  # type: ignore[return-value]

    def set_value(self, value: date | None) -> None:
        self.setDate(value)

    def clear_date(self) -> None:
        self.setDate(None)

    @property
    def is_empty(self) -> bool:
        return not self.text().strip()

    @property
    def is_readable(self) -> bool:
        """False when text was typed that is not a date (the form should say so)."""
        return self.is_empty or self._date.isValid()

    def format_date(self, day: QDate) -> str:
        return QLocale().toString(day, display_format())

    # -- the calendar -------------------------------------------------------------------

    def show_calendar(self) -> None:
        """Open the calendar on the field's date (today when it has none)."""
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.picked.connect(self._pick)
        calendar = self._popup.calendar
        day = self._date if self._date.isValid() else QDate.currentDate()
        calendar.setSelectedDate(day)
        calendar.setCurrentPage(day.year(), day.month())
        self._popup.adjustSize()
        self._popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self._popup.show()
        calendar.setFocus()

    @property
    def calendar(self) -> QCalendarWidget | None:
        return self._popup.calendar if self._popup is not None else None

    def _pick(self, day: QDate) -> None:
        self.setDate(day)
        self.setFocus()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        opens = (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ) or event.key() == Qt.Key.Key_F4
        if opens:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    # -- typing -------------------------------------------------------------------------

    def _read_text(self, text: str) -> None:
        self._set_date(parse_date(text))

    def _tidy_text(self) -> None:
        if self._date.isValid():
            self.setText(self.format_date(self._date))

    def _set_date(self, day: QDate) -> None:
        readable = not self.text().strip() or day.isValid()
        self.setProperty("unreadable", not readable)
        self.setAccessibleDescription("" if readable else self.tr("Not a date"))
        if day != self._date:
            self._date = day
            self.dateChanged.emit(QDate(day))


class OptionalDate(QObject):
    """A tick box that turns an optional date on: the date a thing lasts until or is needed
    by, kept after the date it starts from (an end date, a deadline)."""

    def __init__(self, check: QCheckBox, edit: DateEdit, start: DateEdit, days_after: int) -> None:
        super().__init__(check)
        self.check = check
        self.edit = edit
        self._start = start
        self._days_after = days_after
        edit.setEnabled(check.isChecked())
        edit.setAccessibleName(check.text().replace("&", ""))
        check.toggled.connect(edit.setEnabled)
        check.toggled.connect(self._follow_start)

    def value(self) -> date | None:
        """The date typed when ticked; None when not ticked."""
        return self.edit.value() if self.check.isChecked() else None

    def _follow_start(self, checked: bool) -> None:
        # Ticked, the date starts where it can be right rather than before the start.
        if checked and self.edit.date() < self._start.date():
            self.edit.setDate(self._start.date().addDays(self._days_after))
