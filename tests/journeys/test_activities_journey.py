"""Journey: an officer logs three activities, edits one, deletes one and takes it back, finds one,
exports the list and writes the annual report; what was filed says what was typed.

The post may hold activities already (POSTKIT_JOURNEY_DATA): the journey finds its own by the
titles it typed, and compares counts and the report's totals with what the window and a report
written at the start showed."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from postkit.core.activities.export import COLUMNS
from postkit.ui.activities.editor import ActivityDialog
from postkit.ui.main_window import MainWindow
from postkit.ui.widgets.check_list import CheckList
from tests.journeys.conftest import (
    EventLoopWatch,
    answering,
    choose_item,
    click_button,
    type_file_name,
)
from tests.pdf_text import pdf_lines

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

# Titles no other activity of the post has (the demo's say "Dialogue with the ministry of labour
# on {theme}"), so what the journey filed is found by them.
SEMINAR = "Seminar on living wage for Naivasha flower exporters"
ADVICE = "Advice to a Dutch tea company on child labour in Kericho"
DIALOGUE = "Dialogue with the ministry of labour in Hargeisa on gender"
DIALOGUE_EDITED = "Dialogue with the ministry of labour in Hargeisa on gender equality"
JOURNEY_TITLES = (SEMINAR, ADVICE, DIALOGUE, DIALOGUE_EDITED)


def _press(
    widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(widget, key, modifiers)


def _back_in(qtbot: QtBot, window: MainWindow) -> None:
    """After a dialog closed the window is active again (the window manager's part offscreen)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _pick(combo: QComboBox, typed: str) -> None:
    """Choose an item of a drop-down list as a person does with the keyboard: focus, type."""
    combo.setFocus()
    QTest.keyClicks(combo, typed)
    assert combo.currentText().lower().startswith(typed.lower()) or typed in combo.currentText()


def _type(edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, text)


def _count(box: QSpinBox, value: int) -> None:
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, str(value))
    assert box.value() == value


def _check(check_list: CheckList, label: str) -> None:
    """Filter the list by the label's words, then tick the one entry left with the space bar."""
    _type(check_list.filter_box, label)
    visible = [
        check_list.list.item(row)
        for row in range(check_list.list.count())
        if not check_list.list.item(row).isHidden()
    ]
    assert [item.text() for item in visible] == [label]
    check_list.list.setFocus()
    check_list.list.setCurrentItem(visible[0])
    _press(check_list.list, Qt.Key.Key_Space)
    assert visible[0].checkState() == Qt.CheckState.Checked


def _new_activity(qtbot: QtBot, window: MainWindow, fill) -> None:  # type: ignore[no-untyped-def]
    _press(window.activities_page.table, Qt.Key.Key_N, CTRL)
    editor = window.modules["activities"].editor
    assert isinstance(editor, ActivityDialog) and editor.isVisible()
    fill(editor)
    assert editor.ok_button.isEnabled(), editor.error_label.text()
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.isVisible())
    _settled(qtbot, window)
    _back_in(qtbot, window)


def _settled(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the runner has answered: the save, the list's reload and its count."""
    qtbot.waitUntil(lambda: window.runner.is_idle, timeout=20000)


def _seminar(editor: ActivityDialog) -> None:
    _pick(editor.core_task, "2")
    _type(editor.title_edit, SEMINAR)
    _pick(editor.activity_type, "Seminar")
    _pick(editor.country, "Kenya")
    editor.tabs.setCurrentIndex(1)
    _check(editor.themes, "Living wage")
    _check(editor.sectors, "Floriculture")
    editor.tabs.setCurrentIndex(2)
    _type(editor.partners, "Kenya Flower Council; MVO Nederland")
    _count(editor.companies, 9)
    _count(editor.women, 14)
    _count(editor.men, 11)


def _advice(editor: ActivityDialog) -> None:
    _pick(editor.core_task, "3")
    _type(editor.title_edit, ADVICE)
    _pick(editor.activity_type, "Company")
    _pick(editor.country, "Kenya")
    editor.tabs.setCurrentIndex(1)
    _check(editor.themes, "Child labour")
    _check(editor.sectors, "Coffee and tea")
    editor.tabs.setCurrentIndex(2)
    _count(editor.companies, 1)


def _dialogue(editor: ActivityDialog) -> None:
    _pick(editor.core_task, "5")
    _type(editor.title_edit, DIALOGUE)
    _pick(editor.activity_type, "Stakeholder")
    _pick(editor.country, "Somalia")
    editor.tabs.setCurrentIndex(1)
    _check(editor.themes, "Gender")
    editor.tabs.setCurrentIndex(2)
    _type(editor.partners, "Ministry of Labour; ILO country office")
    _count(editor.women, 6)
    _count(editor.men, 4)


def _titles(window: MainWindow, watch: EventLoopWatch) -> list[str]:
    """The list's titles once what the window asked the database has been answered.

    Reading thousands of rows is the test's own work, not the app keeping its thread.
    """
    model = window.activities_page.model
    assert window.runner.wait_idle()
    with watch.paused():
        titles = [model.index(row, 2).data() for row in range(model.rowCount())]
    if None in titles:  # rows past the first page are read when first asked for
        assert window.runner.wait_idle()
        with watch.paused():
            titles = [model.index(row, 2).data() for row in range(model.rowCount())]
    return titles


def _shown(window: MainWindow) -> int:
    """How many activities the window says the post has ("1,234 activities", "1 of 9 ...")."""
    return int(window.count_label.text().split()[-2].replace(",", ""))


def _mine(window: MainWindow, watch: EventLoopWatch) -> Counter[str]:
    """How often each of the journey's titles is in the list."""
    return Counter(title for title in _titles(window, watch) if title in JOURNEY_TITLES)


def _year_totals(text: str, year: int) -> tuple[int, int, int]:
    """Activities, companies reached and participants the annual report gives for `year`."""
    if f"No activities were recorded in {year}." in text:
        return 0, 0, 0
    found = re.search(
        rf"In {year} the post recorded (one activity|[\d,]+ activities), reaching "
        r"(one company|[\d,]+ companies) and (one participant|[\d,]+ participants)\.",
        text,
    )
    assert found, text[:2000]
    return tuple(  # type: ignore[return-value]
        1 if figure.startswith("one") else int(figure.split()[0].replace(",", ""))
        for figure in found.groups()
    )


def _tasks_without(text: str, year: int) -> set[int]:
    """The core tasks the annual report lists as having no activity in `year`."""
    if f"Every core task had at least one activity in {year}." in text:
        return set()
    section = text.split(f"Core tasks without any activity in {year}:")[1]
    section = section.split("Participants by gender")[0]
    return {int(task) for task in re.findall(r"(?:^|\s)([1-5])\. [A-Z]", section)}


def _write_report(qtbot: QtBot, window: MainWindow, year: int, path: Path) -> None:
    table = window.activities_page.table
    with answering(qtbot, choose_item(str(year)), type_file_name(path)):
        _press(table, Qt.Key.Key_R, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.runner.is_idle and path.exists(), timeout=20000)
    _back_in(qtbot, window)


def _select_row_of(window: MainWindow, watch: EventLoopWatch, title: str) -> None:
    table = window.activities_page.table
    row = _titles(window, watch).index(title)
    index = window.activities_page.model.index(row, 2)
    table.scrollTo(index)  # as a person scrolls to it
    rect = table.visualRect(index)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.activities_page.selected_ids() == [window.activities_page.model.id_at(row)]


def test_log_edit_undo_a_delete_find_export_and_report(
    qtbot: QtBot, main_window: MainWindow, event_loop_watch: EventLoopWatch, tmp_path: Path
) -> None:
    window, watch = main_window, event_loop_watch
    table = window.activities_page.table
    year = date.today().year

    # What the post had before: the list's count and this year's annual report.
    _settled(qtbot, window)
    before = _shown(window)
    assert not _mine(window, watch)
    before_report = tmp_path / "annual-report-before.pdf"
    _write_report(qtbot, window, year, before_report)
    with event_loop_watch.paused():
        before_text = " ".join(pdf_lines(before_report))
    before_totals = _year_totals(before_text, year)
    before_without = _tasks_without(before_text, year)

    # Log three activities through the editor.
    for fill in (_seminar, _advice, _dialogue):
        _new_activity(qtbot, window, fill)
    assert _mine(window, watch) == Counter([SEMINAR, ADVICE, DIALOGUE])
    assert window.count_label.text() == f"{before + 3} activities"

    # Edit one: Enter on its row opens it; change the title and the women participating.
    _back_in(qtbot, window)
    _select_row_of(window, watch, DIALOGUE)
    _press(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.modules["activities"].editor is not None)
    editor = window.modules["activities"].editor
    assert isinstance(editor, ActivityDialog) and editor.title_edit.text() == DIALOGUE
    _type(editor.title_edit, DIALOGUE_EDITED)
    editor.tabs.setCurrentIndex(2)
    _count(editor.women, 7)
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: DIALOGUE_EDITED in _titles(window, watch))
    _back_in(qtbot, window)

    # Delete one, confirm in the dialog, then take it back with Ctrl+Z.
    _select_row_of(window, watch, SEMINAR)
    with answering(qtbot, click_button("Delete")):
        _press(table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: SEMINAR not in _titles(window, watch))
    _settled(qtbot, window)
    assert window.count_label.text() == f"{before + 2} activities"
    _back_in(qtbot, window)
    _press(table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: SEMINAR in _titles(window, watch))
    _settled(qtbot, window)
    assert window.count_label.text() == f"{before + 3} activities"
    assert _mine(window, watch) == Counter([SEMINAR, ADVICE, DIALOGUE_EDITED])

    # Find one by searching.
    _press(table, Qt.Key.Key_F, CTRL)
    search = window.activities_page.search
    assert search.hasFocus()
    QTest.keyClicks(search, "hargeisa")
    qtbot.waitUntil(lambda: _titles(window, watch) == [DIALOGUE_EDITED])
    assert window.count_label.text() == f"1 of {before + 3} activities"
    search.selectAll()
    _press(search, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: len(_titles(window, watch)) == before + 3)

    # Export the list, then write the annual report.
    workbook_path = tmp_path / "activities.xlsx"
    with answering(qtbot, type_file_name(workbook_path)):
        _press(table, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: window.runner.is_idle and workbook_path.exists(), timeout=20000)
    _back_in(qtbot, window)
    report_path = tmp_path / "annual-report.pdf"
    _write_report(qtbot, window, year, report_path)

    with event_loop_watch.paused():
        header = [column.en for column in COLUMNS]
        rows = [
            dict(zip(header, row, strict=True))
            for row in load_workbook(workbook_path)["activities"].iter_rows(
                min_row=2, values_only=True
            )
        ]
        lines = pdf_lines(report_path)
    assert len(rows) == before + 3
    mine = [row for row in rows if row["title"] in JOURNEY_TITLES]
    by_title = {row["title"]: row for row in mine}
    assert len(mine) == 3 and sorted(by_title) == sorted([SEMINAR, ADVICE, DIALOGUE_EDITED])
    seminar, advice, dialogue = by_title[SEMINAR], by_title[ADVICE], by_title[DIALOGUE_EDITED]
    assert {row["post"] for row in mine} == {"Embassy Testland"}
    assert (seminar["core task"], seminar["type"], seminar["country"]) == (
        2,
        "Seminar or event",
        "Kenya",
    )
    assert (seminar["themes"], seminar["sectors"]) == ("Living wage", "Floriculture")
    assert seminar["partners"] == "Kenya Flower Council; MVO Nederland"
    assert (seminar["companies reached"], seminar["women"], seminar["men"]) == (9, 14, 11)
    assert (advice["core task"], advice["type"], advice["companies reached"]) == (
        3,
        "Company advice",
        1,
    )
    assert (dialogue["core task"], dialogue["country"], dialogue["women"], dialogue["men"]) == (
        5,
        "Somalia",
        7,
        4,
    )

    text = " ".join(lines)
    assert f"Annual IMVO report {year}" in lines
    assert "Embassy Testland" in lines
    # The three activities add 3 activities, 9 + 1 companies and 25 + 11 participants.
    activities, companies, participants = before_totals
    assert _year_totals(text, year) == (activities + 3, companies + 10, participants + 36)
    for title in (SEMINAR, ADVICE, DIALOGUE_EDITED):
        assert title in text
    assert DIALOGUE not in text.replace(DIALOGUE_EDITED, "")
    assert _tasks_without(text, year) == before_without - {2, 3, 5}
    if not before_totals[0]:  # on an empty post the report names the tasks left without
        assert before_without == {1, 2, 3, 4, 5}
        assert "1. Building IMVO expertise" in text.split("Participants by gender")[0]
        assert "4. Applying IMVO conditions" in text.split("Participants by gender")[0]
