"""A survey's date question is the shared date field: typed in the locale's format or ISO, empty
when unanswered, Ctrl+A selects what was typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from postkit.ui.surveys.inputs import DateInput
from postkit.ui.widgets.date_edit import DateEdit


def _input(qtbot: QtBot) -> DateInput:
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    widget = DateInput()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_date_is_typed_in_the_locale_format_or_iso(qtbot: QtBot) -> None:
    try:
        widget = _input(qtbot)
        assert isinstance(widget.edit, DateEdit)
        assert widget.value() is None and widget.edit.text() == ""
        assert widget.edit.placeholderText() == "not answered"
        widget.edit.setFocus()
        with qtbot.waitSignal(widget.changed):
            QTest.keyClicks(widget.edit, "15-04-2027")
        assert widget.value() == date(2027, 4, 15)
        QTest.keyClick(widget.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(widget.edit, "2026-01-31")
        assert widget.value() == date(2026, 1, 31)
        assert widget.clear_button.isEnabled()
        widget.clear_button.click()
        assert widget.value() is None and widget.edit.text() == ""
        assert not widget.clear_button.isEnabled()
    finally:
        QLocale.setDefault(QLocale.c())


def test_text_that_is_no_date_is_not_taken_for_one(qtbot: QtBot) -> None:
    try:
        widget = _input(qtbot)
        widget.edit.setFocus()
        QTest.keyClicks(widget.edit, "next week")
        assert widget.value() == "next week"  # the form says the answer is not a date
        widget.set_value(date(2020, 1, 2))
        assert widget.edit.text() == "02-01-2020" and widget.value() == date(2020, 1, 2)
    finally:
        QLocale.setDefault(QLocale.c())
