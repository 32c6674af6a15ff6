"""Appearances in the form view, and the form view's layout, driven through the real widgets."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from postkit.core.surveys.engine import FormSession
from postkit.core.surveys.forms import Form
from postkit.core.surveys.xlsform import load_form
from postkit.ui.surveys.appearances import LikertRow
from postkit.ui.surveys.form_view import FormView
from tests.ui.test_survey_form_view import write_form


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Form:
    return load_form(write_form(tmp_path_factory.mktemp("forms") / "mini.xlsx"))


def _show(qtbot: QtBot, form: Form, language: str = "en") -> FormView:
    view = FormView(FormSession(form, language=language))
    qtbot.addWidget(view)
    view.resize(900, 760)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitActive(view)
    return view


def _click(qtbot: QtBot, button: QWidget) -> None:
    """Click a radio button or check box on its indicator, where a person clicks."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _where(widget: QWidget, view: QWidget) -> QPoint:
    return widget.mapTo(view, QPoint(0, 0))


def test_answering_moves_nothing_so_a_second_click_lands_where_aimed(
    qtbot: QtBot, mini: Form
) -> None:
    view = _show(qtbot, mini)
    role = view.cards["role"].input
    before = {name: _where(button, view) for name, button in role.buttons.items()}  # type: ignore[union-attr]
    height = view.cards["role"].height()
    _click(qtbot, role.button("head"))  # type: ignore[union-attr]
    qtbot.wait(20)
    assert role.clear_button.isVisible()  # type: ignore[union-attr]
    after = {name: _where(button, view) for name, button in role.buttons.items()}  # type: ignore[union-attr]
    assert after == before
    assert view.cards["role"].height() == height


def _write(path: Path, survey: list[dict[str, str]], choices: list[tuple[str, ...]]) -> Path:
    header = ["type", "name", "label", "appearance", "relevant", "required"]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "survey"
    sheet.append(header)
    for row in survey:
        sheet.append([row.get(column, "") for column in header])
    choice_sheet = workbook.create_sheet("choices")
    choice_sheet.append(["list_name", "name", "label"])
    for choice in choices:
        choice_sheet.append(list(choice))
    workbook.save(path)
    return path


AGREE = [("agree", str(n), text) for n, text in enumerate(("No", "Hardly", "So-so", "Yes"), 1)]
COLOURS = [("colour", name, name.title()) for name in ("red", "green", "blue")]
SURVEY = [
    {"type": "begin group", "name": "rate", "label": "Rate", "appearance": "field-list"},
    {"type": "note", "name": "rate_note", "label": "How far do you agree?"},
    {"type": "select_one agree", "name": "s1", "label": "First", "appearance": "likert"},
    {"type": "select_one agree", "name": "s2", "label": "Second", "appearance": "likert"},
    {"type": "select_one agree", "name": "s3", "label": "Third", "appearance": "likert",
     "relevant": "${s1} != '1'"},
    {"type": "text", "name": "why", "label": "Why?", "appearance": "multiline"},
    {"type": "end group"},
    {"type": "begin group", "name": "pick", "label": "Pick"},
    {"type": "select_one colour", "name": "colour", "label": "Colour", "appearance": "minimal"},
    {"type": "select_one colour", "name": "fast", "label": "Fast", "appearance": "quick"},
    {"type": "select_multiple colour", "name": "many", "label": "Many",
     "appearance": "horizontal"},
    {"type": "select_multiple colour", "name": "few", "label": "Few", "appearance": "minimal"},
    {"type": "end group"},
    {"type": "begin group", "name": "grid", "label": "Grid", "appearance": "table-list"},
    {"type": "select_one agree", "name": "g1", "label": "Row one"},
    {"type": "select_one agree", "name": "g2", "label": "Row two"},
    {"type": "end group"},
]  # fmt: skip


@pytest.fixture(scope="module")
def appearances(tmp_path_factory: pytest.TempPathFactory) -> Form:
    path = tmp_path_factory.mktemp("forms") / "appearances.xlsx"
    return load_form(_write(path, SURVEY, AGREE + COLOURS))


def test_likert_items_on_one_list_are_one_table_answered_by_keyboard(
    qtbot: QtBot, appearances: Form
) -> None:
    view = _show(qtbot, appearances)
    [table] = [t for t in view.tables if view._page_index(t.rows[0].name) == 0]
    assert [row.name for row in table.rows] == ["s1", "s2", "s3"]
    assert [label.text() for label in table.headers.values()] == ["No", "Hardly", "So-so", "Yes"]
    first = view.cards["s1"].input
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Right)  # nothing chosen: the first point
    assert view.session.value("s1") == "1"
    assert view.cards["s3"].isHidden()  # skip logic on a table row
    qtbot.keyClick(first, Qt.Key.Key_Right)
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert view.session.value("s1") == "3"
    assert not view.cards["s3"].isHidden()
    qtbot.keyClick(first, Qt.Key.Key_Left)
    assert view.session.value("s1") == "2"
    qtbot.keyClick(first, Qt.Key.Key_Down)
    second = view.cards["s2"].input
    assert view.focusWidget() is second
    qtbot.keyClick(second, Qt.Key.Key_4)  # a number key chooses and goes on
    assert view.session.value("s2") == "4"
    assert view.focusWidget() is view.cards["s3"].input
    qtbot.keyClick(view.cards["s3"].input, Qt.Key.Key_Up)
    qtbot.keyClick(second, Qt.Key.Key_Delete)
    assert view.session.value("s2") is None
    _click(qtbot, view.cards["s3"].input.button("1"))  # type: ignore[union-attr]
    assert view.session.value("s3") == "1"
    # 'Clear answer' has its full width on every row, in the header's column too.
    clear = view.cards["s3"].input.clear_button  # type: ignore[union-attr]
    assert clear.isVisible() and clear.width() >= clear.sizeHint().width()
    # The rows line up under the header's columns.
    header = table.headers["3"]
    centre = header.mapTo(view, header.rect().center()).x()
    radio = view.cards["s2"].input.button("3")  # type: ignore[union-attr]
    assert abs(radio.mapTo(view, radio.rect().center()).x() - centre) <= 2


def test_a_table_row_is_reviewed_as_any_question(qtbot: QtBot, appearances: Form) -> None:
    view = _show(qtbot, appearances)
    view.cards["s1"].input.button("4").click()  # type: ignore[union-attr]
    view.show_review()
    assert view.review_rows["s1"].answer.text() == "Yes"
    assert view.review_rows["s1"].question.text() == "First"


def test_a_multiline_text_is_a_box_of_several_lines(qtbot: QtBot, appearances: Form) -> None:
    view = _show(qtbot, appearances)
    edit = view.cards["why"].input.edit  # type: ignore[union-attr]
    qtbot.keyClicks(edit, "one")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "two")
    assert view.session.value("why") == "one\ntwo"
    assert edit.height() > 3 * edit.fontMetrics().lineSpacing()


def test_a_field_list_group_is_one_page_and_a_plain_group_one_question_a_page(
    qtbot: QtBot, appearances: Form
) -> None:
    view = _show(qtbot, appearances)
    on_first = [name for name in view.cards if view._page_index(name) == 0]
    assert on_first == ["rate_note", "s1", "s2", "s3", "why"]
    assert all(view.cards[name].isVisible() for name in ("s1", "s2", "why"))
    assert view.next_page()
    assert view._page_views[view.current_page()].title.text() == "Pick"
    shown = [name for name, card in view.cards.items() if card.isVisible()]
    assert shown == ["colour"]


def test_minimal_is_a_drop_down(qtbot: QtBot, appearances: Form) -> None:
    view = _show(qtbot, appearances)
    view.next_page()
    combo = view.cards["colour"].input.combo  # type: ignore[union-attr]
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["Red", "Green", "Blue"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert view.session.value("colour") == "green"
    combo.setCurrentIndex(0)
    assert view.session.value("colour") is None


def test_minimal_select_multiple_is_a_compact_drop_down_of_check_boxes(
    qtbot: QtBot, appearances: Form
) -> None:
    """As ODK Collect shows it: one line with the chosen labels, a list to tick opening below."""
    view = _show(qtbot, appearances)
    view.show_page(view._page_index("few"))
    answer = view.cards["few"].input
    button, menu = answer.button, answer.menu  # type: ignore[union-attr]
    assert button.text() == "Choose…" and not menu.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(menu.isVisible)
    actions = menu.actions()
    assert [action.text() for action in actions] == ["Red", "Green", "Blue"]
    # Ticking keeps the list open, so several choices are made in one go.
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(actions[2]).center())
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(actions[0]).center())
    assert menu.isVisible()
    assert view.session.value("few") == ("red", "blue")  # in list order
    assert button.text() == "Red, Blue"
    # By keyboard: arrows move, Space ticks without closing, Escape closes.
    menu.setActiveAction(actions[0])
    qtbot.keyClick(menu, Qt.Key.Key_Space)
    assert view.session.value("few") == ("blue",) and menu.isVisible()
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert button.text() == "Blue"
    view.show_review()
    assert view.review_rows["few"].answer.text() == "Blue"


def test_quick_goes_on_once_a_choice_is_made(qtbot: QtBot, appearances: Form) -> None:
    view = _show(qtbot, appearances)
    view.next_page()
    view.next_page()
    page = view.current_page()
    assert view.cards["fast"].isVisible()
    _click(qtbot, view.cards["fast"].input.button("blue"))  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: view.current_page() != page)
    assert view.session.value("fast") == "blue"
    assert view.cards["many"].isVisible()


def test_horizontal_puts_the_choices_side_by_side(qtbot: QtBot, appearances: Form) -> None:
    view = _show(qtbot, appearances)
    view.show_page(view._page_index("many"))
    boxes = list(view.cards["many"].input.buttons.values())  # type: ignore[union-attr]
    assert len({box.mapTo(view, QPoint(0, 0)).y() for box in boxes}) == 1


def test_a_table_list_group_is_a_table_of_its_selects(qtbot: QtBot, appearances: Form) -> None:
    view = _show(qtbot, appearances)
    view.show_page(view._page_index("g1"))
    [table] = [t for t in view.tables if t.rows[0].name == "g1"]
    assert [row.name for row in table.rows] == ["g1", "g2"]
    assert isinstance(view.cards["g2"], LikertRow) and table.isVisible()
