"""Journey: the post's relations with one company, from last year's sheet to the annual report.

The officer imports last year's activity sheet (File ▸ Import from Excel, the company names
kept), links the imported trade mission to a company created with the picker, logs an advice
to the same company (picked from the register), records its request for support (picked from
the register), decides "support with conditions" with a condition due this month, marks the
condition met in the follow-up view, then opens the company's page and writes the annual
report. What was filed is read back as a person reads it: the company page's timeline and
follow-up, and the PDF's unique-companies figures, which must move by what was entered.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QInputDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from postkit.core.screening.records import Outcome
from postkit.ui.actions import ActionId
from postkit.ui.activities.editor import ActivityDialog
from postkit.ui.activities.import_dialog import ActivityImportDialog
from postkit.ui.main_window import MainWindow
from postkit.ui.screening.page import DECISION_TAB, ScreeningPage
from postkit.ui.widgets.company_picker import CompanyPicker
from tests.journeys.conftest import (
    EventLoopWatch,
    answering,
    choose_item,
    click_button,
    menu_command,
    type_file_name,
    type_text,
)
from tests.pdf_text import pdf_lines

SHEET = Path(__file__).parent.parent / "data" / "activiteiten_2025_nairobi.xlsx"
YEAR = 2025
COMPANY = "Kericho Tea Estates B.V."
MISSION = "Handelsmissie agrofood: IMVO-voorwaarden toegepast"  # core task 4, 12-09-2025
ADVICE = "Advice to Kericho Tea Estates on child labour among pickers"
ADVICE_DAY = date(YEAR, 10, 1)
CONDITION = "Share the grievance mechanism for pickers"
OWNER = "Piet Planner"
RATIONALE = "Known grower; one gap in how pickers can complain."
# The companies the sheet names; new to any post's register.
SHEET_COMPANIES = ("Bloemenkwekerij Naivasha B.V.", "Rosa Export Ltd")
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _settled(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.runner.is_idle, timeout=20000)


def _back_in(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=20000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _type(edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, text)


def _pick(combo: QComboBox, typed: str) -> None:
    combo.setFocus()
    QTest.keyClicks(combo, typed)
    assert typed.lower() in combo.currentText().lower(), combo.currentText()


def _choose_in_picker(qtbot: QtBot, window: MainWindow, picker: CompanyPicker, line: str) -> None:
    """Type the company's name in the picker, then take the drop-down's line `line` with the
    arrow keys and Enter."""
    picker.window().activateWindow()
    qtbot.waitUntil(picker.window().isActiveWindow)
    _type(picker.search, COMPANY)
    _settled(qtbot, window)
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    lines = [picker.hits.item(row).text() for row in range(picker.hits.rowCount())]
    assert line in lines, lines
    for _ in range(lines.index(line) + 1):
        QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    _settled(qtbot, window)


def _import_the_sheet(qtbot: QtBot) -> object:
    """Answer the import dialog: every column as guessed (the company names kept)."""

    def handler(dialog: QWidget) -> None:
        assert isinstance(dialog, ActivityImportDialog)
        qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.is_busy, timeout=20000)
        assert dialog.summary_label.text() == "6 to add, 0 already present, 0 with errors"
        assert dialog.mapping_box("Namen bedrijven").currentData() == "company_names"
        qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20000)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    return handler


def _write_report(qtbot: QtBot, window: MainWindow, path: Path) -> bool:
    """Write the annual report of YEAR to `path`; False when the year is not offered (a post
    with nothing in it yet), and the dialog cancelled."""
    window.actions[ActionId.SHOW_ACTIVITIES].trigger()
    _back_in(qtbot, window)
    offered: list[bool] = []
    save_path = type_file_name(path)
    saving = QTimer()
    saving.setInterval(20)

    def answer_the_file_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and dialog.isVisible():
            saving.stop()
            save_path(dialog)

    saving.timeout.connect(answer_the_file_dialog)

    def year(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        offered.append(str(YEAR) in dialog.comboBoxItems())
        if offered[0]:
            saving.start()  # the file dialog follows the year's
            choose_item(str(YEAR))(dialog)
        else:
            click_button("Cancel")(dialog)

    with answering(qtbot, year):
        QTest.keyClick(window.activities_page.table, Qt.Key.Key_R, CTRL_SHIFT)
    qtbot.waitUntil(lambda: bool(offered))
    if offered[0]:
        qtbot.waitUntil(lambda: window.runner.is_idle and path.exists(), timeout=30000)
    _back_in(qtbot, window)
    return offered[0]


def _shown_day(day: date) -> str:
    """A date as the app shows it (the locale's short format)."""
    return QLocale().toString(QDate(day), QLocale.FormatType.ShortFormat)


def _figure(text: str) -> int:
    return int(text.replace(",", ""))


def _companies_in_report(path: Path) -> dict[str, object]:
    """The annual report's unique-companies figures: the summary sentence's total, the note's
    named and unnamed, and the table's figure per core task."""
    lines = pdf_lines(path)
    text = " ".join(lines)
    if f"No activities were recorded in {YEAR}." in text:
        return {"total": 0, "named": 0, "unnamed": 0, "per_task": {}}
    total = re.search(
        rf"In {YEAR} the post recorded (?:one activity|[\d,]+ activities), reaching "
        r"(one company|[\d,]+ companies)",
        text,
    )
    note = re.search(
        rf"however many activities reached it \(([\d,]+) in {YEAR}\), plus the companies "
        r"activities counted without naming them \(([\d,]+)\)",
        text,
    )
    assert total and note, text[:3000]
    # The table per core task: its label (wrapped or not), activities, "planned / done",
    # unique companies, participants; the first such rows, before any later table.
    per_task: dict[int, int] = {}
    table = lines[lines.index("Participants") :]
    task = None
    for at, line in enumerate(table):
        label = re.match(r"([1-5])\. ", line)
        if label and int(label.group(1)) not in per_task:
            task = int(label.group(1))
        elif task is not None and re.fullmatch(r"[\d,]+ / [\d,]+", line):
            per_task[task] = _figure(table[at + 1])
            task = None
        if len(per_task) == 5:
            break
    reached = total.group(1)
    return {
        "total": 1 if reached.startswith("one") else _figure(reached.split()[0]),
        "named": _figure(note.group(1)),
        "unnamed": _figure(note.group(2)),
        "per_task": per_task,
    }


def _link_the_mission(qtbot: QtBot, window: MainWindow) -> None:
    """Find the imported trade mission, open it with Enter, create the company in its picker."""
    window.actions[ActionId.SHOW_ACTIVITIES].trigger()
    page = window.activities_page
    QTest.keyClick(page.table, Qt.Key.Key_F, CTRL)
    QTest.keyClicks(page.search, "Handelsmissie agrofood")
    _settled(qtbot, window)

    def titles() -> list[str]:
        return [page.model.index(row, 2).data() for row in range(page.model.rowCount())]

    qtbot.waitUntil(lambda: MISSION in titles(), timeout=20000)
    page.table.setFocus()
    index = page.model.index(titles().index(MISSION), 2)
    page.table.scrollTo(index)
    QTest.mouseClick(
        page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center()
    )
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.modules["activities"].editor is not None)
    editor = window.modules["activities"].editor
    assert isinstance(editor, ActivityDialog) and editor.title_edit.text() == MISSION
    _settled(qtbot, window)
    editor.tabs.setCurrentIndex(2)
    assert editor.company_picker is not None
    _choose_in_picker(qtbot, window, editor.company_picker, f"Create new company “{COMPANY}”")
    assert editor.company_picker.names() == [COMPANY]
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.modules["activities"].editor is None, timeout=20000)
    _settled(qtbot, window)
    _back_in(qtbot, window)
    page.search.selectAll()
    QTest.keyClick(page.search, Qt.Key.Key_Backspace)
    _settled(qtbot, window)


def _log_the_advice(qtbot: QtBot, window: MainWindow) -> None:
    """A new activity of last year, the company picked from the register."""
    QTest.keyClick(window.activities_page.table, Qt.Key.Key_N, CTRL)
    editor = window.modules["activities"].editor
    assert isinstance(editor, ActivityDialog) and editor.isVisible()
    _pick(editor.core_task, "3")
    _type(editor.title_edit, ADVICE)
    editor.start_date.setFocus()
    editor.start_date.selectAll()
    QTest.keyClicks(editor.start_date, ADVICE_DAY.isoformat())
    _pick(editor.activity_type, "Company")
    _pick(editor.country, "Kenya")
    editor.tabs.setCurrentIndex(2)
    assert editor.company_picker is not None
    _choose_in_picker(qtbot, window, editor.company_picker, COMPANY)
    assert editor.company_picker.names() == [COMPANY]
    assert editor.ok_button.isEnabled(), editor.error_label.text()
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.modules["activities"].editor is None, timeout=20000)
    _settled(qtbot, window)
    _back_in(qtbot, window)


def _record_and_decide(qtbot: QtBot, window: MainWindow, due: date) -> None:
    window.actions[ActionId.SHOW_SCREENING].trigger()
    page: ScreeningPage = window.screening_page
    QTest.keyClick(window, Qt.Key.Key_N, CTRL_SHIFT)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog is not None and dialog.company_picker is not None
    _choose_in_picker(qtbot, window, dialog.company_picker, COMPANY)
    qtbot.waitUntil(lambda: dialog.company_name.text() == COMPANY)
    dialog_company = dialog.company_id
    assert dialog_company is not None
    assert not dialog.earlier_box.isVisible()  # its first request
    _pick(dialog.support_kind, "Place on a trade mission")
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # The new request is shown once recorded (over demo data another is shown before).
    qtbot.waitUntil(
        lambda: (
            page.current_record is not None and page.current_record.data.company_name == COMPANY
        ),
        timeout=20000,
    )
    _settled(qtbot, window)
    assert page.current_record.data.company_id == dialog_company
    page.tabs.setCurrentIndex(DECISION_TAB)
    decision = page.decision
    button = decision.outcome_buttons[Outcome.SUPPORT_WITH_CONDITIONS]
    qtbot.waitUntil(button.isEnabled)
    button.click()
    QTest.keyClicks(decision.rationale, RATIONALE)
    QTest.keyClicks(decision.conditions, CONDITION)
    QTest.keyClicks(decision.conditions_due, due.isoformat())
    QTest.keyClicks(decision.follow_up_on, due.isoformat())
    owner = decision.conditions_table.owner_edit(0)
    owner.selectAll()
    QTest.keyClicks(owner, OWNER)
    assert decision.decide_button.isEnabled(), decision.decide_notice.text()
    with answering(qtbot, type_text("The mission leaves on Monday.", "Decide anyway")):
        qtbot.mouseClick(decision.decide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.current_record is not None and page.current_record.is_decided)
    _settled(qtbot, window)


def _mark_met(qtbot: QtBot, window: MainWindow, due: date) -> None:
    QTest.keyClick(window, Qt.Key.Key_8, CTRL)
    assert window.current_module == "followups"
    page = window.followups_page
    _settled(qtbot, window)

    def mine() -> int | None:
        for row in range(page.model.rowCount()):
            line = page.model.row_at(row)
            if line.data.description == CONDITION:
                return row
        return None

    qtbot.waitUntil(lambda: mine() is not None, timeout=20000)
    row = mine()
    assert row is not None
    line = page.model.row_at(row)
    assert (line.company_name, line.data.owner, line.data.due_on) == (COMPANY, OWNER, due)
    assert page.model.index(row, 1).data() == "Open"
    page.table.scrollTo(page.model.index(row, 3))
    QTest.mouseClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.table.visualRect(page.model.index(row, 3)).center(),
    )
    assert window.actions[ActionId.FOLLOW_UP_MET].isEnabled()
    window.actions[ActionId.FOLLOW_UP_MET].trigger()
    qtbot.waitUntil(lambda: mine() is not None and page.model.index(mine(), 1).data() == "Met")
    _settled(qtbot, window)


def _company_page(qtbot: QtBot, window: MainWindow) -> tuple[list[tuple[str, ...]], object]:
    QTest.keyClick(window, Qt.Key.Key_7, CTRL)
    assert window.current_module == "companies"
    page = window.modules["companies"].page
    QTest.keyClick(page.table, Qt.Key.Key_F, CTRL)
    assert page.search.hasFocus()
    QTest.keyClicks(page.search, COMPANY)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=20000)
    _settled(qtbot, window)
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.history.shows_company, timeout=20000)
    _settled(qtbot, window)
    assert page.history.title.text() == COMPANY
    return page.history.history_lines(), page.history


def test_a_company_from_last_years_sheet_to_the_annual_report(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path, event_loop_watch: EventLoopWatch
) -> None:
    window = main_window
    today = date.today()
    due = date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
    before_report = tmp_path / "before.pdf"
    before: dict[str, object] = {"total": 0, "named": 0, "unnamed": 0, "per_task": {}}
    if _write_report(qtbot, window, before_report):
        with event_loop_watch.paused():
            before = _companies_in_report(before_report)

    with answering(qtbot, type_file_name(SHEET), _import_the_sheet(qtbot)):
        menu_command(window, "File", "Import from Excel…")
    _settled(qtbot, window)
    _back_in(qtbot, window)
    assert "Imported 6 activities from activiteiten_2025_nairobi.xlsx" in (
        window.statusBar().currentMessage()
    )
    _link_the_mission(qtbot, window)
    _log_the_advice(qtbot, window)
    _record_and_decide(qtbot, window, due)
    _back_in(qtbot, window)
    _mark_met(qtbot, window, due)

    history, view = _company_page(qtbot, window)
    assert view.follow_up_lines() == []  # met: nothing left open
    shown = [(day, what, title, detail.split("\n")[0]) for day, what, title, detail in history]
    assert shown == [
        (_shown_day(date(YEAR, 9, 12)), "Activity", MISSION, "Trade mission; Done"),
        (_shown_day(ADVICE_DAY), "Activity", ADVICE, "Company advice; Done"),
        (_shown_day(today), "Support request", COMPANY, "Place on a trade mission"),
        (_shown_day(today), "Decision", "Support with conditions", RATIONALE),
        (_shown_day(due), "Follow-up", CONDITION, "Met"),
    ]
    assert history[3][3] == f"{RATIONALE}\n{CONDITION}"

    after_report = tmp_path / "after.pdf"
    assert _write_report(qtbot, window, after_report)
    with event_loop_watch.paused():
        after = _companies_in_report(after_report)
    # Named: the sheet's two companies and the one created; unnamed: the sheet's counts less
    # the companies it names (12 - 2, 1 - 1, 9, 0, 0, 1,250); the advice counted none.
    assert after["named"] == before["named"] + 3
    assert after["unnamed"] == before["unnamed"] + 10 + 0 + 9 + 1250
    assert after["total"] == after["named"] + after["unnamed"]
    assert after["total"] == before["total"] + 3 + 1269
    # Core task 3: the sheet's advice (Bloemenkwekerij) and ours (one named each);
    # core task 4: the trade mission's 9 unnamed and the company linked to it.
    per_task_before, per_task_after = before["per_task"], after["per_task"]
    assert per_task_after[3] == per_task_before.get(3, 0) + 2
    assert per_task_after[4] == per_task_before.get(4, 0) + 9 + 1
