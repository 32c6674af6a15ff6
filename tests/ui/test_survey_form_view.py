from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from postkit.core.surveys.engine import FormSession
from postkit.core.surveys.forms import Form
from postkit.core.surveys.xlsform import load_form
from postkit.ui.overrides import override
from postkit.ui.surveys import form_view as form_view_module
from postkit.ui.surveys.form_view import REVIEW_ROWS_PER_TURN, FormView, ReviewRow
from postkit.ui.surveys.inputs import (
    AcknowledgeInput,
    DateInput,
    DecimalInput,
    IntegerInput,
    LikertInput,
    MultilineInput,
    SelectMultipleInput,
    SelectOneInput,
    TextInput,
)

HEADER = (
    "type",
    "name",
    "label::Nederlands (nl)",
    "label::English (en)",
    "hint::Nederlands (nl)",
    "hint::English (en)",
    "required",
    "relevant",
    "constraint",
    "constraint_message::Nederlands (nl)",
    "constraint_message::English (en)",
    "appearance",
    "calculation",
)


def _row(kind: str, name: str, nl: str = "", en: str = "", **columns: str) -> tuple[str, ...]:
    cells = {"type": kind, "name": name, "label::Nederlands (nl)": nl, "label::English (en)": en}
    cells.update({key.replace("__", "::"): value for key, value in columns.items()})
    return tuple(cells.get(header, "") for header in HEADER)


SURVEY = [
    _row("begin group", "about", "Over u", "About you", appearance="field-list"),
    _row("text", "name", "Naam", "Name", required="yes", **{"hint__Nederlands (nl)": "Voluit"}),
    _row("select_one role", "role", "Uw rol", "Your role", required="yes"),
    _row(
        "text",
        "role_other",
        "Welke andere rol?",
        "Which other role?",
        required="yes",
        relevant="${role} = 'other'",
    ),
    _row(
        "integer",
        "years",
        "Hoeveel jaar?",
        "How many years?",
        constraint=". >= 0 and . <= 40",
        **{
            "constraint_message__Nederlands (nl)": "Tussen 0 en 40 jaar",
            "constraint_message__English (en)": "Between 0 and 40 years",
        },
    ),
    _row("decimal", "fte", "Aantal fte", "Number of FTE"),
    _row("date", "since", "Sinds wanneer?", "Since when?"),
    _row("end group", ""),
    _row("begin group", "opinion", "Oordeel", "Opinion", appearance="field-list"),
    _row("note", "intro", "U koos ${n_tools} instrumenten.", "You chose ${n_tools} tools."),
    _row("select_one agree5", "clear", "De richtlijnen zijn duidelijk", "Clear", required="yes"),
    _row("select_multiple tools", "tools", "Welke instrumenten?", "Which tools?"),
    _row("text", "comments", "Opmerkingen", "Comments", appearance="multiline"),
    _row("acknowledge", "consent", "Ik ga akkoord", "I agree", required="yes"),
    _row("calculate", "n_tools", calculation="count-selected(${tools})"),
    _row("end group", ""),
]
CHOICES = [
    ("list_name", "name", "label::Nederlands (nl)", "label::English (en)"),
    ("role", "head", "Hoofd van de post", "Head of post"),
    ("role", "rbc", "IMVO-contactpersoon", "RBC focal point"),
    ("role", "other", "Anders", "Other"),
    *[
        ("agree5", str(n), nl, en)
        for n, nl, en in (
            (1, "Helemaal oneens", "Strongly disagree"),
            (2, "Oneens", "Disagree"),
            (3, "Neutraal", "Neutral"),
            (4, "Eens", "Agree"),
            (5, "Helemaal eens", "Strongly agree"),
        )
    ],
    ("tools", "toolkit", "IMVO-toolkit", "RBC toolkit"),
    ("tools", "scan", "Risicoscan", "Risk scan"),
]
SETTINGS = [
    ("form_id", "form_title", "version", "default_language"),
    ("mini", "Mini-enquête", "1", "Nederlands (nl)"),
]


def write_form(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    for title, rows in (
        ("survey", [HEADER, *SURVEY]),
        ("choices", CHOICES),
        ("settings", SETTINGS),
    ):
        sheet = workbook.active if title == "survey" else workbook.create_sheet(title)
        sheet.title = title
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> Form:
    return load_form(write_form(tmp_path_factory.mktemp("forms") / "mini.xlsx"))


@pytest.fixture(autouse=True)
def dutch_numbers() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    yield
    QLocale.setDefault(before)


class Saves(list[tuple[dict[str, object], int]]):
    def __call__(self, answers: dict[str, object], page: int) -> None:
        self.append((answers, page))


def _view(qtbot: QtBot, form: Form, answers=None, page: int = 0) -> tuple[FormView, Saves]:  # type: ignore[no-untyped-def]
    view = FormView(FormSession(form, answers, language="nl"), page)
    saves = Saves()
    view.draft_changed.connect(saves)
    qtbot.addWidget(view)
    view.resize(900, 760)
    view.show()
    qtbot.waitExposed(view)
    return view, saves


def test_every_question_type_gets_its_widget(qtbot: QtBot, form: Form) -> None:
    view, _ = _view(qtbot, form)
    view.complete()
    kinds = {name: type(card.input) for name, card in view.cards.items()}
    assert kinds == {
        "name": TextInput,
        "role": SelectOneInput,
        "role_other": TextInput,
        "years": IntegerInput,
        "fte": DecimalInput,
        "since": DateInput,
        "intro": type(None),
        "clear": LikertInput,
        "tools": SelectMultipleInput,
        "comments": MultilineInput,
        "consent": AcknowledgeInput,
    }
    assert "n_tools" not in view.cards  # a calculate is never shown
    assert "*" in view.cards["name"].title.text()
    assert "*" not in view.cards["years"].title.text()
    assert view.cards["name"].hint.text() == "Voluit"
    assert view.position_label.text() == "Page 1 of 2"


def test_each_widget_stores_its_answer_as_the_engine_types_it(qtbot: QtBot, form: Form) -> None:
    view, _ = _view(qtbot, form)
    session, cards = view.session, view.cards
    qtbot.keyClicks(cards["name"].input.edit, "Anna de Vries")  # type: ignore[union-attr]
    cards["role"].input.button("rbc").click()  # type: ignore[union-attr]
    qtbot.keyClicks(cards["years"].input.edit, "12")  # type: ignore[union-attr]
    qtbot.keyClicks(cards["fte"].input.edit, "0,5")  # type: ignore[union-attr]
    cards["since"].input.edit.setDate(QDate(2024, 9, 1))  # type: ignore[union-attr]
    assert session.value("name") == "Anna de Vries"
    assert session.value("role") == "rbc"
    assert session.value("years") == 12
    assert session.value("fte") == 0.5
    assert session.value("since") == date(2024, 9, 1)

    assert view.next_page()
    likert = cards["clear"].input
    assert isinstance(likert, LikertInput)
    qtbot.mouseClick(likert.labels["4"], Qt.MouseButton.LeftButton)  # the text picks the point
    cards["tools"].input.button("scan").click()  # type: ignore[union-attr]
    cards["tools"].input.button("toolkit").click()  # type: ignore[union-attr]
    cards["comments"].input.edit.setPlainText("Eerste regel\nTweede regel")  # type: ignore[union-attr]
    cards["consent"].input.box.click()  # type: ignore[union-attr]
    assert session.value("clear") == "4"
    assert session.value("tools") == ("toolkit", "scan")  # in list order
    assert session.value("comments") == "Eerste regel\nTweede regel"
    assert session.value("consent") == "OK"
    assert session.value("n_tools") == 2
    assert cards["intro"].title.text().startswith("U koos 2 instrumenten")  # a live output


def test_empty_inputs_leave_the_question_unanswered(qtbot: QtBot, form: Form) -> None:
    answers = {"years": 3, "fte": 1.25, "since": date(2020, 1, 2), "role": "head"}
    view, _ = _view(qtbot, form, answers)
    cards = view.cards
    assert cards["fte"].input.edit.text() == "1,25"  # type: ignore[union-attr]
    cards["years"].input.edit.clear()  # type: ignore[union-attr]
    cards["fte"].input.edit.clear()  # type: ignore[union-attr]
    date_input = cards["since"].input
    assert isinstance(date_input, DateInput) and date_input.clear_button.isEnabled()
    date_input.clear_button.click()
    assert date_input.edit.text() == "" and date_input.edit.placeholderText() == "not answered"
    role = cards["role"].input
    assert isinstance(role, SelectOneInput) and not role.clear_button.isHidden()
    role.clear_button.click()
    for name in ("years", "fte", "since", "role"):
        assert view.session.value(name) is None, name


def test_the_integer_field_refuses_letters_and_half_typed_numbers_block_next(
    qtbot: QtBot, form: Form
) -> None:
    view, _ = _view(qtbot, form, {"name": "Anna", "role": "head"})
    years = view.cards["years"]
    qtbot.keyClicks(years.input.edit, "1a2")  # type: ignore[union-attr]
    assert years.input.edit.text() == "12"  # type: ignore[union-attr]
    years.input.edit.setText("-")  # type: ignore[union-attr]
    assert view.session.value("years") is None
    assert years.message.text() == "Vul een geheel getal in."
    assert not view.next_page()


def test_skip_logic_shows_and_hides_a_question_as_the_answer_changes(
    qtbot: QtBot, form: Form
) -> None:
    view, _ = _view(qtbot, form)
    other = view.cards["role_other"]
    role = view.cards["role"].input
    assert other.isHidden()
    role.button("other").click()  # type: ignore[union-attr]
    assert other.isVisible()
    role.button("head").click()  # type: ignore[union-attr]
    assert other.isHidden()


def test_required_questions_block_next_and_say_why(qtbot: QtBot, form: Form) -> None:
    view, _ = _view(qtbot, form)
    name = view.cards["name"]
    assert not name.message.isVisible()  # untouched: no message yet
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.current_page() == 0
    assert name.message.isVisible() and name.message.text() == "Deze vraag is verplicht."
    assert view.cards["role"].message.text() == "Deze vraag is verplicht."
    assert name.property("error") is True
    assert not view.cards["years"].message.isVisible()  # optional and empty: fine

    qtbot.keyClicks(name.input.edit, "Anna")  # type: ignore[union-attr]
    assert not name.message.isVisible()
    view.cards["role"].input.button("head").click()  # type: ignore[union-attr]
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.current_page() == 1
    assert view.position_label.text() == "Page 2 of 2"


def test_a_constraint_message_shows_under_the_question_once_touched(
    qtbot: QtBot, form: Form
) -> None:
    view, _ = _view(qtbot, form, {"name": "Anna", "role": "head"})
    years = view.cards["years"]
    qtbot.keyClicks(years.input.edit, "50")  # type: ignore[union-attr]
    assert years.message.isVisible() and years.message.text() == "Tussen 0 en 40 jaar"
    assert not view.next_page()
    years.input.edit.setText("5")  # type: ignore[union-attr]
    assert not years.message.isVisible()
    assert view.next_page()


def test_switching_the_language_relabels_and_keeps_the_answers(qtbot: QtBot, form: Form) -> None:
    view, _ = _view(qtbot, form)
    cards = view.cards
    qtbot.keyClicks(cards["name"].input.edit, "Anna")  # type: ignore[union-attr]
    cards["role"].input.button("other").click()  # type: ignore[union-attr]
    qtbot.keyClicks(cards["years"].input.edit, "99")  # type: ignore[union-attr]
    assert cards["years"].message.text() == "Tussen 0 en 40 jaar"

    view.language.setCurrentIndex(view.language.findData("en"))
    assert view.session.language == "en"
    assert cards["name"].title.text().startswith("Name")
    assert cards["role"].input.button("head").text() == "Head of post"  # type: ignore[union-attr]
    assert cards["years"].message.text() == "Between 0 and 40 years"
    assert view._page_views[0].title.text() == "About you"
    assert cards["name"].input.edit.text() == "Anna"  # type: ignore[union-attr]
    assert cards["role"].input.button("other").isChecked()  # type: ignore[union-attr]
    assert cards["role_other"].isVisible()
    assert view.session.value("role") == "other"

    view.next_page()
    view.complete()  # a page made after the switch is in English too
    assert cards["clear"].input.labels["5"].text() == "Strongly agree"  # type: ignore[union-attr]


def test_the_page_shown_is_made_at_once_and_the_others_as_the_event_loop_turns(
    qtbot: QtBot, form: Form
) -> None:
    # Every card with its inputs was made before the form showed: 40-50 ms of the guidelines
    # survey's opening, a stall of the window. A page made later is as if made at once.
    answers = {"name": "Anna", "role": "rbc", "clear": "2", "tools": ("scan",)}
    view = FormView(FormSession(form, answers, language="nl"), 0)
    qtbot.addWidget(view)
    assert "name" in view.cards and "clear" not in view.cards
    view.set_language("en")  # before the next page is made
    qtbot.waitUntil(lambda: "clear" in view.cards and "tools" in view.cards)
    clear, tools = view.cards["clear"], view.cards["tools"]
    assert clear.input.labels["5"].text() == "Strongly agree"  # type: ignore[union-attr]
    assert clear.input.value() == "2" and tools.input.value() == ("scan",)  # type: ignore[union-attr]
    assert not clear.isVisible()  # made, not shown: the first page is
    qtbot.waitUntil(lambda: view._review_filled)  # the review's rows come after every page
    assert {"name", "clear", "tools"} <= set(view.review_rows)
    view.show_page(view._page_index("clear"))
    assert view.cards["clear"] is clear  # made once


def test_the_review_lists_every_shown_question_and_jumps_back(qtbot: QtBot, form: Form) -> None:
    answers = {"name": "Anna", "role": "rbc", "clear": "2", "tools": ("scan",)}
    view, _ = _view(qtbot, form, answers, page=1)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.current_page() == 1  # the consent is required
    view.cards["consent"].input.box.click()  # type: ignore[union-attr]
    assert view.next_page()
    assert view.is_reviewing and view.position_label.text() == "Review"
    rows = view.review_rows
    assert rows["role_other"].isHidden()  # not relevant, not listed
    assert rows["role"].answer.text() == "IMVO-contactpersoon"
    assert rows["clear"].answer.text() == "Oneens"
    assert rows["tools"].answer.text() == "Risicoscan"
    assert rows["years"].answer.text() == "not answered"
    assert rows["years"].answer.property("missing") is True
    assert view.review_summary.text().startswith("5 of 9 questions answered.")
    assert view.submit_button.isVisible() and view.submit_button.isEnabled()

    qtbot.mouseClick(rows["years"], Qt.MouseButton.LeftButton)
    assert view.current_page() == 0
    assert view.focusWidget() is view.cards["years"].input.edit  # type: ignore[union-attr]


def test_showing_the_review_again_touches_only_the_rows_that_changed(
    qtbot: QtBot, form: Form, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Restyling every row on each visit blocked the window for a quarter of a second on a
    # long form; a row whose texts are the same is left as it is.
    answers = {"name": "Anna", "role": "rbc", "clear": "2", "consent": "OK"}
    view, _ = _view(qtbot, form, answers, page=2)
    assert view.is_reviewing
    rows = [row for row in view.review_rows.values() if not row.isHidden()]
    assert len(rows) >= 8
    changed: list[str] = []
    set_texts = ReviewRow.set_texts

    def counting(row: ReviewRow, *texts: str | None) -> bool:
        if set_texts(row, *texts):  # type: ignore[arg-type]
            changed.append(row.name)
        return True

    monkeypatch.setattr(ReviewRow, "set_texts", counting)
    qtbot.mouseClick(view.review_rows["years"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.cards["years"].input.edit, "12")  # type: ignore[union-attr]
    view.show_review()
    assert view.review_rows["years"].answer.text() == "12"
    assert view.review_rows["years"].answer.property("missing") is False
    assert changed == ["years"]


def test_a_page_change_paints_nothing_before_the_event_loop_turns(qtbot: QtBot, form: Form) -> None:
    # The progress bar repainted at once on a new value, and a repaint paints the whole
    # window (the new page too) inside the click: all of it one block of the GUI thread.
    view, _ = _view(qtbot, form, {"name": "Anna", "role": "rbc"})
    qtbot.wait(50)  # the first paint is done
    painted: list[QObject] = []

    class PaintSpy(QObject):
        @override
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(watched)
            return False

    spy = PaintSpy()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(spy)
    try:
        assert view.next_page()
        assert view.current_page() == 1 and view.progress_bar.value() == 2
        assert painted == []
        qtbot.waitUntil(lambda: view.progress_bar in painted)  # painted when the loop turns
    finally:
        app.removeEventFilter(spy)


def test_a_page_joins_the_window_when_first_shown_and_tab_still_reaches_its_questions(
    qtbot: QtBot, form: Form
) -> None:
    # Every page was made inside the styled form and polished when it showed: a long form took
    # twice as long to open. A page nobody has looked at is now polished when it is shown.
    view, _ = _view(qtbot, form, {"name": "Anna", "role": "rbc"})
    view.complete()  # the second page's questions made, the page not shown
    second = view.cards["clear"].input
    assert second is not None
    assert view.cards["name"].input.testAttribute(Qt.WidgetAttribute.WA_WState_Polished)  # type: ignore[union-attr]
    assert not second.testAttribute(Qt.WidgetAttribute.WA_WState_Polished)
    assert view.next_page()
    qtbot.waitUntil(second.isVisible)
    assert second.testAttribute(Qt.WidgetAttribute.WA_WState_Polished)
    # Tab from the form's top row goes into the page's questions, not past them to its buttons.
    view.close_button.setFocus()
    qtbot.keyClick(view.close_button, Qt.Key.Key_Tab)
    focused = view.focusWidget()
    assert focused is not None and view.cards["clear"].isAncestorOf(focused), focused


def test_submit_hands_over_the_answers_to_store(qtbot: QtBot, form: Form) -> None:
    answers = {"name": "Anna", "role": "rbc", "clear": "2", "consent": "OK", "role_other": "x"}
    view, _ = _view(qtbot, form, answers, page=2)
    assert view.is_reviewing
    with qtbot.waitSignal(view.submit_requested) as submitted:
        qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    stored = submitted.args[0]
    assert stored["name"] == "Anna" and stored["consent"] == "OK"
    assert "role_other" not in stored  # answered once, no longer relevant


def test_the_review_blocks_submit_until_required_answers_are_given(
    qtbot: QtBot, form: Form
) -> None:
    view, _ = _view(qtbot, form, {"name": "Anna", "role": "head"}, page=2)
    assert view.is_reviewing
    assert not view.submit_button.isEnabled()
    assert view.review_rows["clear"].message.text() == "Deze vraag is verplicht."
    assert "before you can submit: 2." in view.review_summary.text()
    qtbot.keyClick(view.review_rows["consent"], Qt.Key.Key_Return)
    assert view.current_page() == 1
    assert view.cards["consent"].message.text() == "Deze vraag is verplicht."


def test_changes_are_saved_after_a_pause_and_at_once_on_a_page_change(
    qtbot: QtBot, form: Form
) -> None:
    view, saves = _view(qtbot, form)
    qtbot.keyClicks(view.cards["name"].input.edit, "Anna")  # type: ignore[union-attr]
    assert saves == []  # typing four letters is one save, later
    qtbot.waitUntil(lambda: len(saves) == 1, timeout=2000)
    assert saves[-1] == ({"name": "Anna"}, 0)

    view.cards["role"].input.button("head").click()  # type: ignore[union-attr]
    view.next_page()
    assert saves[-1] == ({"name": "Anna", "role": "head"}, 1)
    count = len(saves)
    view.cards["comments"].input.edit.setPlainText("Nog iets")  # type: ignore[union-attr]
    view.close()  # closing does not wait for the pause
    assert len(saves) == count + 1
    assert saves[-1] == ({"name": "Anna", "role": "head", "comments": "Nog iets"}, 1)


def test_a_draft_reopens_on_its_page_with_its_answers(qtbot: QtBot, form: Form) -> None:
    answers = {"name": "Anna", "role": "other", "role_other": "Handel", "tools": ("scan",)}
    view, _ = _view(qtbot, form, answers, page=1)
    assert view.current_page() == 1
    assert view.cards["tools"].input.button("scan").isChecked()  # type: ignore[union-attr]
    view.previous_page()
    assert view.cards["role_other"].input.edit.text() == "Handel"  # type: ignore[union-attr]
    assert view.cards["role"].input.button("other").isChecked()  # type: ignore[union-attr]


def test_the_review_of_a_long_form_is_made_a_few_rows_per_turn_before_it_is_asked_for(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Made when first asked for, the review of a 500-question form held the window for
    # half a second, and its rows joining the styled window at once for a fifth more.
    from tests.benchmarks.bench_survey_form import write_form as write_long_form

    write_long_form(tmp_path / "long.xlsx")
    long_form = load_form(tmp_path / "long.xlsx")
    view = FormView(FormSession(long_form, {"staff": 3}))
    qtbot.addWidget(view)
    view.show()
    assert view.review_rows == {}  # the form shows first
    sizes = []
    while not view._review_filled:
        QApplication.processEvents()
        sizes.append(len(view.review_rows))
    steps = [after - before for before, after in zip([0, *sizes], sizes, strict=False)]
    assert len(view.review_rows) > 10 * REVIEW_ROWS_PER_TURN
    assert max(steps) <= REVIEW_ROWS_PER_TURN
    # Each row already in the window, following the top row in the tab order.
    rows = list(view.review_rows.values())
    assert all(view.isAncestorOf(row) for row in rows)
    assert view.close_button.nextInFocusChain() is rows[0]
    assert rows[0].nextInFocusChain() is rows[1]

    made: list[str] = []
    monkeypatch.setattr(form_view_module.ReviewRow, "__init__", lambda *_args: made.append("row"))
    view.show_review()
    assert made == []
    assert view.is_reviewing
    assert view.review_rows["staff"].answer.text() == "3"
