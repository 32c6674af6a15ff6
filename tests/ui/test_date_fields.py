"""Every date field is typed like text, in the locale's format or ISO, with the calendar as help."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QCheckBox, QWidget
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.screening.records import Outcome, RequestInput
from postkit.core.screening.service import create_request
from postkit.ui.activities.editor import ActivityDialog
from postkit.ui.i18n import apply_locale
from postkit.ui.ops import Runner
from postkit.ui.screening.decision_panel import DecisionPanel
from postkit.ui.screening.editor import RequestDialog
from postkit.ui.screening.page import ScreeningPage
from postkit.ui.widgets.date_edit import DateEdit, OptionalDate
from tests.conftest import TEST_PROFILE

REQUEST = RequestInput(
    company_name="Tulip Trading B.V.", support_kind="trade_mission", requested_on=date(2025, 5, 1)
)


@pytest.fixture
def dutch() -> Iterator[None]:
    previous = QLocale()
    apply_locale("nl")
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def british() -> Iterator[None]:
    previous = QLocale()
    apply_locale("en")
    yield
    QLocale.setDefault(previous)


def _shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


@pytest.fixture
def decision_panel(qtbot: QtBot, database: Database, runner: Runner) -> Iterator[DecisionPanel]:
    """The decision tab of a request that is not decided, with conditions chosen."""
    with database.session() as session:
        request_id = create_request(session, REQUEST, "Tess").id
    page = ScreeningPage(runner, TEST_PROFILE, QLocale().name()[:2])
    _shown(qtbot, page)
    page.resize(1200, 800)
    page.reload(request_id)
    assert page.runner.wait_idle()
    page.show_tab(3)
    panel = page.decision
    panel.outcome_buttons[Outcome.SUPPORT_WITH_CONDITIONS].click()
    assert panel.conditions_due.isVisible()
    yield panel
    if page.job is not None:
        page.job.wait()


def _retype(qtbot: QtBot, field: QWidget, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def test_a_decision_date_is_typed_in_the_dutch_format(
    qtbot: QtBot, dutch: None, decision_panel: DecisionPanel
) -> None:
    panel = decision_panel
    field = panel.conditions_due
    assert field.value() is None
    qtbot.keyClicks(field, "15-04-2027")
    assert field.value() == date(2027, 4, 15)
    assert field.text() == "15-04-2027"  # no "Choose a date…" in front of what was typed


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2027-04-15", date(2027, 4, 15)),
        ("15042027", date(2027, 4, 15)),
        ("15/4/27", date(2027, 4, 15)),
        ("1.2.2026", date(2026, 2, 1)),
    ],
)
def test_iso_and_the_locales_variants_are_read(
    qtbot: QtBot, dutch: None, decision_panel: DecisionPanel, typed: str, expected: date
) -> None:
    panel = decision_panel
    qtbot.keyClicks(panel.follow_up_on, typed)
    assert panel.follow_up_on.value() == expected


def test_ctrl_a_selects_the_date_and_typing_replaces_it(
    qtbot: QtBot, british: None, decision_panel: DecisionPanel
) -> None:
    panel = decision_panel
    field = panel.follow_up_on
    field.set_value(date(2026, 1, 2))
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert field.selectedText() == field.text() != ""
    qtbot.keyClicks(field, "31/12/2026")
    assert field.value() == date(2026, 12, 31)


def test_the_calendar_opens_on_the_fields_date(
    qtbot: QtBot, british: None, decision_panel: DecisionPanel
) -> None:
    panel = decision_panel
    field = panel.conditions_due
    field.set_value(date(2029, 7, 4))
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendar
    assert calendar is not None and calendar.isVisible()
    assert (calendar.yearShown(), calendar.monthShown()) == (2029, 7)
    assert calendar.selectedDate() == QDate(2029, 7, 4)
    calendar.clicked.emit(QDate(2029, 7, 20))
    assert field.value() == date(2029, 7, 20)
    assert not calendar.isVisible()


def test_text_that_is_no_date_is_said_and_blocks_the_decision(
    qtbot: QtBot, british: None, decision_panel: DecisionPanel
) -> None:
    panel = decision_panel
    qtbot.keyClicks(panel.conditions_due, "next week")
    assert panel.conditions_due.value() is None
    assert not panel.conditions_due.is_readable
    panel.rationale.setPlainText("Serious plan.")
    panel.conditions.setPlainText("A gender analysis.")
    panel.follow_up_on.set_value(date(2030, 1, 1))
    assert not panel.decide_button.isEnabled()
    assert "Type the date as" in panel.due_error.text()


def test_the_activity_dates_are_typed_and_the_unused_end_date_is_empty(
    qtbot: QtBot, tmp_path: Path, dutch: None
) -> None:
    dialog = _shown(qtbot, ActivityDialog(tmp_path, "nl"))
    assert not dialog.end_date.isEnabled()
    assert "2000" not in dialog.end_date.text()
    _retype(qtbot, dialog.start_date, "2026-03-09")
    assert dialog.activity_input().start_date == date(2026, 3, 9)
    dialog.has_end_date.setChecked(True)
    _retype(qtbot, dialog.end_date, "11-3-2026")
    assert dialog.activity_input().end_date == date(2026, 3, 11)


def test_the_request_dates_are_typed(qtbot: QtBot, dutch: None) -> None:
    dialog = _shown(qtbot, RequestDialog(language="nl"))
    assert "2000" not in dialog.needed_by.text()
    _retype(qtbot, dialog.requested_on, "02-05-2026")
    dialog.has_needed_by.setChecked(True)
    _retype(qtbot, dialog.needed_by, "2026-06-01")
    data = dialog.request_input()
    assert (data.requested_on, data.needed_by) == (date(2026, 5, 2), date(2026, 6, 1))


def test_an_unreadable_start_date_blocks_saving_and_says_why(
    qtbot: QtBot, tmp_path: Path, british: None
) -> None:
    dialog = _shown(qtbot, ActivityDialog(tmp_path, "en"))
    dialog.core_task.setCurrentIndex(0)
    dialog.title_edit.setText("Seminar")
    assert dialog.ok_button.isEnabled()
    _retype(qtbot, dialog.start_date, "31/02/2026")
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_label.text() == ""  # not while the user is still typing
    qtbot.keyClick(dialog.start_date, Qt.Key.Key_Tab)
    assert "date" in dialog.error_label.text()


def test_a_new_activity_shows_no_error_before_input_and_one_when_a_field_is_left(
    qtbot: QtBot, tmp_path: Path, british: None
) -> None:
    dialog = _shown(qtbot, ActivityDialog(tmp_path, "en"))
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_label.text() == ""
    dialog.title_edit.setFocus()
    qtbot.keyClicks(dialog.title_edit, "x")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Tab)
    assert dialog.error_label.text() == "Give the activity a title."
    dialog.accept()  # Save says what else is missing
    assert "core task" in dialog.error_label.text()


def test_the_participants_total_stands_on_its_labels_line(
    qtbot: QtBot, tmp_path: Path, british: None
) -> None:
    dialog = _shown(qtbot, ActivityDialog(tmp_path, "en"))
    dialog.resize(800, 900)
    dialog.tabs.setCurrentIndex(2)
    qtbot.waitUntil(dialog.participants_total.isVisible)
    form = dialog.participants_total.parentWidget().layout()
    label = form.labelForField(dialog.participants_total)
    total = dialog.participants_total
    label_line = label.mapTo(dialog, label.rect().topLeft()).y() + label.fontMetrics().ascent()
    text_top = total.mapTo(dialog, total.contentsRect().topLeft()).y()
    text_height = total.fontMetrics().height()
    # Where the total's text is drawn inside its (maybe tall) label, as the alignment puts it.
    if total.alignment() & Qt.AlignmentFlag.AlignVCenter:
        text_top += (total.contentsRect().height() - text_height) // 2
    assert abs((text_top + total.fontMetrics().ascent()) - label_line) <= 4


def test_an_optional_date_is_none_until_ticked_and_then_follows_its_start(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    start, until = DateEdit(parent), DateEdit(parent, placeholder="")
    check = QCheckBox("Lasted until", parent)
    optional = OptionalDate(check, until, start, days_after=2)
    start.set_value(date(2027, 4, 15))
    until.set_value(date(2027, 4, 1))
    assert optional.value() is None
    assert not until.isEnabled()
    assert until.accessibleName() == "Lasted until"

    check.setChecked(True)

    assert until.isEnabled()
    assert optional.value() == date(2027, 4, 17), "a date before the start moves after it"
    until.set_value(date(2027, 5, 1))
    assert optional.value() == date(2027, 5, 1)
    check.setChecked(False)
    assert optional.value() is None
