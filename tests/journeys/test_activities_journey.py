"""Journey: an officer logs three activities, edits one, deletes one and takes it back, finds one,
exports the list and writes the annual report; what was filed says what was typed."""

from __future__ import annotations

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

SEMINAR = "Seminar on living wage for flower exporters"
ADVICE = "Advice to a Dutch tea company on child labour"
DIALOGUE = "Dialogue with the ministry of labour on gender"
DIALOGUE_EDITED = "Dialogue with the ministry of labour on gender equality"


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


def _titles(window: MainWindow) -> list[str]:
    """The list's titles once what the window asked the database has been answered."""
    model = window.activities_page.model
    assert window.runner.wait_idle()
    titles = [model.index(row, 2).data() for row in range(model.rowCount())]
    if None in titles:  # rows past the first page are read when first asked for
        assert window.runner.wait_idle()
        titles = [model.index(row, 2).data() for row in range(model.rowCount())]
    return titles


def _select_row_of(window: MainWindow, title: str) -> None:
    table = window.activities_page.table
    row = _titles(window).index(title)
    rect = table.visualRect(window.activities_page.model.index(row, 2))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.activities_page.selected_ids() == [window.activities_page.model.id_at(row)]


def test_log_edit_undo_a_delete_find_export_and_report(
    qtbot: QtBot, main_window: MainWindow, event_loop_watch: EventLoopWatch, tmp_path: Path
) -> None:
    window = main_window
    table = window.activities_page.table
    year = date.today().year

    # Log three activities through the editor.
    for fill in (_seminar, _advice, _dialogue):
        _new_activity(qtbot, window, fill)
    assert sorted(_titles(window)) == sorted([SEMINAR, ADVICE, DIALOGUE])
    assert window.count_label.text() == "3 activities"

    # Edit one: Enter on its row opens it; change the title and the women participating.
    _back_in(qtbot, window)
    _select_row_of(window, DIALOGUE)
    _press(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.modules["activities"].editor is not None)
    editor = window.modules["activities"].editor
    assert isinstance(editor, ActivityDialog) and editor.title_edit.text() == DIALOGUE
    _type(editor.title_edit, DIALOGUE_EDITED)
    editor.tabs.setCurrentIndex(2)
    _count(editor.women, 7)
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: DIALOGUE_EDITED in _titles(window))
    _back_in(qtbot, window)

    # Delete one, confirm in the dialog, then take it back with Ctrl+Z.
    _select_row_of(window, SEMINAR)
    with answering(qtbot, click_button("Delete")):
        _press(table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: SEMINAR not in _titles(window))
    _settled(qtbot, window)
    assert window.count_label.text() == "2 activities"
    _back_in(qtbot, window)
    _press(table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: SEMINAR in _titles(window))
    _settled(qtbot, window)
    assert window.count_label.text() == "3 activities"

    # Find one by searching.
    _press(table, Qt.Key.Key_F, CTRL)
    search = window.activities_page.search
    assert search.hasFocus()
    QTest.keyClicks(search, "ministry")
    qtbot.waitUntil(lambda: _titles(window) == [DIALOGUE_EDITED])
    assert window.count_label.text() == "1 of 3 activities"
    search.selectAll()
    _press(search, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: len(_titles(window)) == 3)

    # Export the list, then write the annual report.
    workbook_path = tmp_path / "activities.xlsx"
    with answering(qtbot, type_file_name(workbook_path)):
        _press(table, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: window.runner.is_idle and workbook_path.exists(), timeout=20000)
    _back_in(qtbot, window)
    report_path = tmp_path / "annual-report.pdf"
    with answering(qtbot, choose_item(str(year)), type_file_name(report_path)):
        _press(table, Qt.Key.Key_R, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.runner.is_idle and report_path.exists(), timeout=20000)

    with event_loop_watch.paused():
        header = [column.en for column in COLUMNS]
        rows = [
            dict(zip(header, row, strict=True))
            for row in load_workbook(workbook_path)["activities"].iter_rows(
                min_row=2, values_only=True
            )
        ]
        lines = pdf_lines(report_path)
    by_title = {row["title"]: row for row in rows}
    assert sorted(by_title) == sorted([SEMINAR, ADVICE, DIALOGUE_EDITED])
    seminar, advice, dialogue = by_title[SEMINAR], by_title[ADVICE], by_title[DIALOGUE_EDITED]
    assert {row["post"] for row in rows} == {"Embassy Testland"}
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
    assert (
        f"In {year} the post recorded 3 activities, reaching 10 companies and 36 participants."
        in text
    )
    for title in (SEMINAR, ADVICE, DIALOGUE_EDITED):
        assert title in text
    assert DIALOGUE not in text.replace(DIALOGUE_EDITED, "")
    tasks_without = text.split(f"Core tasks without any activity in {year}:")[1]
    assert "1. Building IMVO expertise" in tasks_without
    assert "4. Applying IMVO conditions" in tasks_without
    assert "2. Raising" not in tasks_without.split("Participants by gender")[0]
