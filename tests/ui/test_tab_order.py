"""Tab goes through the activity editor and the request dialog in the order a person reads them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from postkit.ui.activities.editor import ActivityDialog
from postkit.ui.screening.editor import RequestDialog


def _focus_chain(qtbot: QtBot, start: QWidget) -> list[QWidget]:
    """The widgets Tab visits from `start` until it comes back to it."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    chain = [start]
    for _ in range(80):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is start:
            return chain
        chain.append(widget)
    raise AssertionError("Tab does not come back to where it started")


def _names(widgets: list[QWidget]) -> list[str]:
    return [w.accessibleName() or w.objectName() or type(w).__name__ for w in widgets]


def _show(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()


def _buttons(box: QDialogButtonBox) -> list[QWidget]:
    return [
        box.button(QDialogButtonBox.StandardButton.Ok),
        box.button(QDialogButtonBox.StandardButton.Cancel),
    ]


def test_tab_follows_the_activity_editor_from_top_to_bottom_on_each_tab(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = ActivityDialog(tmp_path, "en")
    _show(qtbot, dialog)
    dialog.core_task.setCurrentIndex(0)
    dialog.title_edit.setText("Seminar on due diligence")
    dialog.has_end_date.setChecked(True)
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    bar = dialog.tabs.tabBar()
    pages = [
        [dialog.core_task, dialog.title_edit, dialog.start_date, dialog.has_end_date,
         dialog.end_date, dialog.activity_type, dialog.status, dialog.country,
         dialog.description],
        [dialog.themes.filter_box, dialog.themes.list,
         dialog.sectors.filter_box, dialog.sectors.list],
        [dialog.partners, dialog.companies, dialog.women, dialog.men, dialog.other],
        [dialog.outcome, dialog.follow_up, dialog.links, dialog.files.list,
         dialog.files.add_button, dialog.files.remove_button],
    ]  # fmt: skip
    dialog.files.remove_button.setEnabled(True)
    for index, fields in enumerate(pages):
        dialog.tabs.setCurrentIndex(index)
        expected = [bar, *fields, *_buttons(dialog.buttons)]
        assert _names(_focus_chain(qtbot, bar)) == _names(expected)
        assert _focus_chain(qtbot, bar) == expected


def test_tab_goes_down_the_request_dialog_left_column_then_the_right(qtbot: QtBot) -> None:
    dialog = RequestDialog("en")
    _show(qtbot, dialog)
    dialog.has_needed_by.setChecked(True)
    dialog.company_name.setText("Groenveld Water Technology B.V.")
    dialog.support_kind.setCurrentIndex(0)
    left = [
        dialog.company_name,
        dialog.kvk_number,
        dialog.company_country,
        dialog.company_sector,
        dialog.directors,
        dialog.employees,
        dialog.turnover,
        dialog.balance_sheet,
    ]
    right = [dialog.support_kind, dialog.operating_country, dialog.operating_sector,
             dialog.requested_on, dialog.has_needed_by, dialog.needed_by, dialog.handled_by,
             dialog.description]  # fmt: skip
    enabled = [b for b in _buttons(dialog.buttons) if b.isEnabled()]
    expected = [*left, *right, *enabled]
    chain = _focus_chain(qtbot, dialog.company_name)
    assert _names(chain) == _names(expected)
    assert chain == expected
