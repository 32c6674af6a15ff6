"""Repeats in the form view: instances the respondent adds and removes with the keyboard, and
instances a repeat_count sets from an answer."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from postkit.core.surveys.engine import FormSession
from postkit.core.surveys.xlsform import load_form
from postkit.ui.surveys.appearances import LikertRow
from postkit.ui.surveys.form_view import FormView
from postkit.ui.surveys.repeat_view import RepeatSection

VISITS = Path(__file__).resolve().parents[1] / "data" / "xlsforms" / "kobo_company_visits.xlsx"
NOW = datetime(2027, 3, 1, 9, 30).astimezone()


def _view(qtbot: QtBot) -> FormView:
    session = FormSession(load_form(VISITS), now=NOW)
    view = FormView(session, 0)
    qtbot.addWidget(view)
    view.resize(900, 760)
    view.show()
    qtbot.waitExposed(view)
    view.complete()  # every page's questions made, as the turns after the first page make them
    return view


def _type(qtbot: QtBot, view: FormView, key: str, text: str) -> None:
    view.go_to_question(key)
    edit = view.cards[key].input.edit  # type: ignore[union-attr]
    qtbot.keyClicks(edit, text)


def test_the_repeat_count_answer_sets_the_instances_shown(qtbot: QtBot) -> None:
    view = _view(qtbot)
    assert "company@1" not in view.cards
    _type(qtbot, view, "visit_count", "2")
    assert {"company@1", "company@2", "contact_name@2.1"} <= set(view.cards)
    visits = view.repeats["visit"]
    assert [instance.heading.text() for instance in visits.instances] == [
        "Company visit 1 of 2",
        "Company visit 2 of 2",
    ]
    # The form sets how many visits there are: no Add, no Remove.
    assert visits.add_button.isHidden()
    assert all(instance.remove_button.isHidden() for instance in visits.instances)
    assert view.cards["company@2"].label_text == "Company 2"
    _type(qtbot, view, "company@2", "Bolt")
    assert view.session.value("company@2") == "Bolt"
    view.cards["visit_count"].input.edit.clear()  # type: ignore[union-attr]
    qtbot.keyClicks(view.cards["visit_count"].input.edit, "1")  # type: ignore[union-attr]
    assert "company@2" not in view.cards


def test_contacts_are_added_and_removed_from_the_keyboard(qtbot: QtBot) -> None:
    view = _view(qtbot)
    _type(qtbot, view, "visit_count", "1")
    contacts = view.repeats["contact@1"]
    assert isinstance(contacts, RepeatSection)
    _type(qtbot, view, "contact_name@1.1", "Ann")
    # As in ODK Collect, 'add another?' comes after the instance's last question.
    assert not contacts.add_button.isVisible()
    assert view.next_page() and view.cards["signed@1.1"].isVisible()
    assert view.next_page() and not view.cards["signed@1.1"].isVisible()
    assert contacts.add_button.isVisible()
    assert contacts.add_button.text() == "Add another “Contact person”"
    contacts.add_button.setFocus()
    qtbot.keyClick(contacts.add_button, Qt.Key.Key_Space)
    assert view.session.instance_count("contact@1") == 2
    # The new contact's first question is the screen, and the cursor waits in it.
    focused = view.focusWidget()
    assert focused is view.cards["contact_name@1.2"].input.edit  # type: ignore[union-attr]
    assert not view.cards["contact_name@1.1"].isVisible()
    qtbot.keyClicks(focused, "Bob")
    view.go_to_question("contact_name@1.1")
    first = contacts.instances[0]
    assert first.remove_button.accessibleName() == "Remove Contact person 1"
    first.remove_button.setFocus()
    qtbot.keyClick(first.remove_button, Qt.Key.Key_Space)
    assert view.session.instance_count("contact@1") == 1
    assert view.session.value("contact_name@1.1") == "Bob"
    assert view.cards["contact_name@1.1"].input.value() == "Bob"  # type: ignore[union-attr]
    assert "contact_name@1.2" not in view.cards


def test_a_missing_answer_in_an_instance_is_shown_and_reviewed(qtbot: QtBot) -> None:
    view = _view(qtbot)
    _type(qtbot, view, "visit_count", "1")
    view.go_to_question("company@1")
    page = view.current_page()
    assert not view.next_page()
    assert view.current_page() == page
    assert view.cards["company@1"].message.text() == "This question is required."
    view.show_review()
    assert "company@1" in view.review_rows
    assert not view.submit_button.isEnabled()


def _likert_visits(path: Path, appearance: str = "") -> Path:
    header = ["type", "name", "label", "appearance", "repeat_count"]
    survey = [
        ["begin group", "trip", "Trip", appearance],
        ["integer", "visits", "How many visits?"],
        ["begin repeat", "visit", "Visit", "", "${visits}"],
        ["text", "company", "Company"],
        ["select_one agree", "clear", "Clear", "likert"],
        ["select_one agree", "useful", "Useful", "likert"],
        ["end repeat"],
        ["end group"],
    ]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "survey"
    for row in [header, *survey]:
        sheet.append(row)
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    for number, text in enumerate(("No", "Hardly", "So-so", "Yes"), 1):
        choices.append(["agree", str(number), text])
    workbook.save(path)
    return path


def test_a_repeat_in_a_plain_group_is_its_page_with_a_likert_table_per_instance(
    qtbot: QtBot, tmp_path: Path
) -> None:
    view = FormView(FormSession(load_form(_likert_visits(tmp_path / "likert.xlsx")), now=NOW))
    qtbot.addWidget(view)
    view.resize(900, 760)
    view.show()
    qtbot.waitExposed(view)
    _type(qtbot, view, "visits", "2")
    # The group's question was a page of its own; the repeat is the next page, under its title,
    # showing the first visit's first question.
    assert view._page_index("visits") == 0
    assert view.next_page()
    assert view.current_page() == view._page_index("company@2") == 1
    assert view._page_views[1].title.text() == "Visit"
    assert view.cards["company@1"].isVisible() and not view.cards["company@2"].isVisible()
    assert [[row.name for row in table.rows] for table in view.tables] == [
        ["clear@1", "useful@1"],
        ["clear@2", "useful@2"],
    ]
    # A Likert table is one screen of its instance.
    assert view.next_page()
    assert view.cards["clear@1"].isVisible() and view.cards["useful@1"].isVisible()
    view.go_to_question("useful@2")
    row = view.cards["useful@2"]
    assert isinstance(row, LikertRow) and row.isVisible() and view.cards["clear@2"].isVisible()
    assert not view.cards["company@2"].isVisible() and not view.cards["useful@1"].isVisible()
    row.input.setFocus()
    qtbot.keyClick(row.input, Qt.Key.Key_3)
    assert view.session.value("useful@2") == "3"
    assert view.session.value("useful@1") is None
    view.show_page(0)
    view.cards["visits"].input.edit.clear()  # type: ignore[union-attr]
    qtbot.keyClicks(view.cards["visits"].input.edit, "1")  # type: ignore[union-attr]
    assert [[row.name for row in table.rows] for table in view.tables] == [["clear@1", "useful@1"]]
    view.show_review()
    assert "useful@1" in view.review_rows and "useful@2" not in view.review_rows


def test_a_repeat_counted_zero_times_is_skipped_as_odk_collect_skips_it(qtbot: QtBot) -> None:
    view = _view(qtbot)
    repeat_page = view._page_index("visit")
    _type(qtbot, view, "visit_count", "0")
    assert view.session.instance_count("visit") == 0
    assert repeat_page not in [page.index for page in view.session.visible_pages()]
    assert view.next_page()
    assert view.current_page() > repeat_page  # went past it, not onto an empty page
    view.previous_page()
    assert view.current_page() == view._page_index("visit_count")
    # One visit after all: its page is back.
    view.cards["visit_count"].input.edit.clear()  # type: ignore[union-attr]
    qtbot.keyClicks(view.cards["visit_count"].input.edit, "1")  # type: ignore[union-attr]
    assert view.next_page()
    assert view.current_page() == repeat_page


def test_a_repeat_the_respondent_fills_keeps_its_page_without_instances(qtbot: QtBot) -> None:
    """Without a repeat_count the page holds 'Add another …', so it stays with none."""
    view = _view(qtbot)
    _type(qtbot, view, "visit_count", "1")
    view.go_to_question("contact_name@1.1")
    view.repeats["contact@1"].instances[0].remove_button.click()
    assert view.session.instance_count("contact@1") == 0
    assert view.repeats["contact@1"].add_button.isVisible()


def test_a_repeat_counted_zero_times_on_a_field_list_page_leaves_no_empty_heading(
    qtbot: QtBot, tmp_path: Path
) -> None:
    form = load_form(_likert_visits(tmp_path / "trip.xlsx", "field-list"))
    view = FormView(FormSession(form, now=NOW))
    qtbot.addWidget(view)
    view.resize(900, 760)
    view.show()
    qtbot.waitExposed(view)
    edit = view.cards["visits"].input.edit  # type: ignore[union-attr]
    qtbot.keyClicks(edit, "1")
    assert view.repeats["visit"].isVisible()
    edit.clear()
    qtbot.keyClicks(edit, "0")
    assert view.session.instance_count("visit") == 0
    assert view.cards["visits"].isVisible() and not view.repeats["visit"].isVisible()


def _on_screen(view: FormView) -> list[str]:
    """The questions shown on the current screen."""
    page = view.current_page()
    return [
        name
        for name, card in view.cards.items()
        if view._page_index(name) == page and card.isVisible()
    ]


def test_next_and_back_page_through_each_instance_as_odk_collect_does(qtbot: QtBot) -> None:
    view = _view(qtbot)
    _type(qtbot, view, "visit_count", "2")
    assert view.next_page()
    visits = view.repeats["visit"]
    assert _on_screen(view) == ["company@1"]
    assert visits.instances[0].isVisible() and not visits.instances[1].isVisible()
    assert visits.instances[0].heading.text() == "Company visit 1 of 2"
    assert not view.next_page()  # the company is required: the screen stays
    assert view.cards["company@1"].message.text() == "This question is required."
    qtbot.keyClicks(view.cards["company@1"].input.edit, "Acme")  # type: ignore[union-attr]
    seen = []
    while view.next_page() and view.current_page() == view._page_index("visit"):
        seen.append(_on_screen(view) or ["prompt"])
        if seen[-1] == ["clear@2"] or len(seen) > 12:
            break
        if _on_screen(view) == ["company@2"]:
            qtbot.keyClicks(view.cards["company@2"].input.edit, "Bolt")  # type: ignore[union-attr]
        for name in _on_screen(view):
            if name.startswith(("clear@", "contact_name@")):
                view.session.set_answer(name, "sa" if name.startswith("clear") else "Ann")
    # Each question of the first visit a screen, the contact's too, then 'add another contact?';
    # a counted repeat has no prompt of its own, so the second visit follows.
    assert seen == [
        ["clear@1"],
        ["participants@1"],
        ["topics@1"],
        ["contact_name@1.1"],
        ["signed@1.1"],
        ["prompt"],
        ["company@2"],
        ["clear@2"],
    ]
    assert view.repeats["contact@1"].add_button.isHidden()
    # Back skips the prompt, as Collect does, to the last question of the instance before.
    view.go_to_question("company@2")
    view.previous_page()
    assert _on_screen(view) == ["signed@1.1"]
    # Past the last visit's prompt comes the next page; back from it, the last question.
    view.go_to_question("signed@2.1")
    assert view.next_page() and view.repeats["contact@2"].add_button.isVisible()
    assert view.next_page()
    assert view.current_page() > view._page_index("visit")
    view.previous_page()
    assert _on_screen(view) == ["signed@2.1"]


def test_do_not_add_beside_add_another_goes_on_without_a_new_instance(qtbot: QtBot) -> None:
    """ODK Collect's 'add another?' screen has both answers: Add, and Do not add."""
    view = _view(qtbot)
    _type(qtbot, view, "visit_count", "2")
    contacts = view.repeats["contact@1"]
    assert contacts.skip_button.isHidden(), "only the prompt's screen offers it"
    view.go_to_question("signed@1.1")
    assert view.next_page() and contacts.add_button.isVisible()
    assert contacts.skip_button.isVisible()
    assert contacts.skip_button.text() == "Do not add"
    contacts.skip_button.setFocus()
    qtbot.keyClick(contacts.skip_button, Qt.Key.Key_Space)
    assert view.session.instance_count("contact@1") == 1
    assert _on_screen(view) == ["company@2"]
    assert contacts.skip_button.isHidden()


def test_the_position_follows_the_screens_of_a_repeat(qtbot: QtBot) -> None:
    """Each screen of a repeat's page counts, as Collect's progress does: 'Page 3 of 10' is the
    first visit's company, 'Page 9 of 10' its 'add another contact?'."""
    view = _view(qtbot)
    _type(qtbot, view, "visit_count", "1")
    assert view.position_label.text() == "Page 2 of 10"
    assert view.next_page()
    qtbot.keyClicks(view.cards["company@1"].input.edit, "Acme")  # type: ignore[union-attr]
    seen = [(view.position_label.text(), view.progress_bar.value())]
    while view.next_page() and view.current_page() == view._page_index("visit"):
        seen.append((view.position_label.text(), view.progress_bar.value()))
        for name in _on_screen(view):
            if name.startswith(("clear@", "contact_name@")):
                view.session.set_answer(name, "sa" if name.startswith("clear") else "Ann")
    assert seen == [(f"Page {n} of 10", n) for n in range(3, 10)]
    assert view.position_label.text() == "Page 10 of 10"
    assert view.progress_bar.maximum() == 11
    view.previous_page()
    assert view.position_label.text() == "Page 8 of 10", "back skips the prompt"
