from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.surveys.demo import seed_survey_demo
from postkit.core.surveys.receipts import list_sent_exports
from postkit.core.surveys.service import (
    DRAFT,
    SUBMITTED,
    ResponseInfo,
    ensure_shipped_forms,
    find_form,
    get_response,
    list_responses,
    start_response,
)
from postkit.core.surveys.xlsform import Problem
from postkit.ui.ops import Runner
from postkit.ui.surveys.dialogs import ProblemsDialog, StartChoice, StartResponseDialog
from postkit.ui.surveys.form_view import FormView
from postkit.ui.surveys.page import SurveysPage
from tests.conftest import TEST_PROFILE
from tests.journeys.conftest import answering, click_button
from tests.ui.test_survey_form_view import write_form
from tests.ui.threads import functions_of, process_jobs

EVALUATION = "imvo_guidelines_evaluation"
REAL_CONFIRM_EXPORT = SurveysPage.confirm_export
ABOUT_YOU, ACTIVITY, CLARITY = 1, 2, 3


class Asked:
    """Stands in for the page's questions to the user, answering as the test says."""

    def __init__(self) -> None:
        self.continue_answer: bool | None = True
        self.start_choice: StartChoice | None = StartChoice(True, "", "nl")
        self.drafts_offered: list[tuple[ResponseInfo, bool]] = []
        self.save_path: Path | None = None
        self.open_path: Path | None = None
        self.problems: list[tuple[str, list[Problem]]] = []
        self.confirm_export = True

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def ask_continue(_page, draft, starting):  # type: ignore[no-untyped-def]
            self.drafts_offered.append((draft, starting))
            return self.continue_answer

        monkeypatch.setattr(SurveysPage, "ask_continue_draft", ask_continue)
        monkeypatch.setattr(SurveysPage, "ask_start", lambda _page, _info, _form: self.start_choice)
        monkeypatch.setattr(SurveysPage, "ask_save_path", lambda *_args: self.save_path)
        monkeypatch.setattr(SurveysPage, "confirm_export", lambda *_args: self.confirm_export)
        monkeypatch.setattr(SurveysPage, "ask_open_path", lambda _page: self.open_path)
        monkeypatch.setattr(
            SurveysPage,
            "show_problems",
            lambda _page, name, problems: self.problems.append((name, problems)),
        )


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    answers = Asked()
    answers.install(monkeypatch)
    return answers


@pytest.fixture
def open_page(
    qtbot: QtBot, database: Database, runner: Runner, asked: Asked
) -> Callable[[], SurveysPage]:
    def open_page() -> SurveysPage:
        page = SurveysPage(runner, TEST_PROFILE, "nl")
        qtbot.addWidget(page)
        page.resize(1000, 760)
        page.show()
        qtbot.waitExposed(page)
        qtbot.wait(10)  # the draft is offered once the page shows
        runner.wait_idle()
        return page

    return open_page


def _select_evaluation(page: SurveysPage) -> None:
    form_pk = next(info.id for info in page.forms if info.form_id == EVALUATION)
    page.select_form(form_pk)
    page.runner.wait_idle()  # its responses are read off the GUI thread


def _view(page: SurveysPage) -> FormView:
    assert page.view is not None
    return page.view


def _choose(view: FormView, name: str, choice: str) -> None:
    view.cards[name].input.button(choice).click()  # type: ignore[union-attr]


def _type(qtbot: QtBot, view: FormView, name: str, text: str) -> None:
    edit = view.cards[name].input.edit  # type: ignore[union-attr]
    edit.clear()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:  # QTest types ASCII only
        edit.setText(text)


def _responses(database: Database, status: str | None = None) -> list[ResponseInfo]:
    with database.session() as session:
        form_pk = find_form(session, EVALUATION).id
        return list_responses(session, form_pk, status)


def test_the_shipped_surveys_are_listed_with_their_counts(open_page, asked: Asked) -> None:  # type: ignore[no-untyped-def]
    page = open_page()
    ids = {info.form_id for info in page.forms}
    assert {EVALUATION, "imvo_interview_guide"} <= ids
    # The version a shipped form replaced is imported (for older exports), not listed to fill.
    assert [info.version for info in page.forms if info.form_id == EVALUATION] == ["2026120502"]
    _select_evaluation(page)
    assert page.form_title.text() == "Evaluatie van de IMVO-richtlijnen voor posten"
    assert page.responses_stack.currentWidget() is page.no_responses
    assert page.start_button.isEnabled()
    assert not page.continue_button.isEnabled()
    assert asked.drafts_offered == []  # nothing to continue


def test_answering_in_dutch_closing_midway_and_finishing(
    qtbot: QtBot, open_page, asked: Asked, database: Database
) -> None:  # type: ignore[no-untyped-def]
    page = open_page()
    _select_evaluation(page)
    page.start_new_response()
    page.runner.wait_idle()
    view = _view(page)
    assert view.session.language == "nl"
    assert view._page_views[0].title.text() == "Inleiding"

    # Anonymity was asked when the response started: the form does not ask it again.
    assert [name for name in view.cards if view._page_index(name) == 0] == ["intro_note"]
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.current_page() == ABOUT_YOU

    # Required questions block Next, with the message under each.
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.current_page() == ABOUT_YOU
    assert view.cards["role"].message.text() == "Deze vraag is verplicht."
    _choose(view, "role", "other")
    assert view.cards["role_other"].isVisible()
    _type(qtbot, view, "role_other", "Handelsattaché")
    # Post and region come from the post's profile: shown, not typed.
    assert view.cards["post"].input.edit.text() == TEST_PROFILE.post_name  # type: ignore[union-attr]
    assert not view.cards["post"].input.isEnabled()  # type: ignore[union-attr]
    assert view.cards["region"].input.button("africa").isChecked()  # type: ignore[union-attr]
    assert not view.cards["region"].input.isEnabled()  # type: ignore[union-attr]
    assert view.cards["region"].input.clear_button.isHidden()  # type: ignore[union-attr]
    assert view.cards["post"].hint.text() == "Ingevuld uit het profiel van de post."
    _choose(view, "business_activity", "medium")
    _type(qtbot, view, "years_imvo", "55")
    assert view.cards["years_imvo"].message.isVisible()  # the constraint: 0 to 40 years
    assert not view.next_page()
    _type(qtbot, view, "years_imvo", "4")
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.current_page() == ACTIVITY
    for task, level in zip(range(1, 6), "43215", strict=True):
        _choose(view, f"task{task}_activity", level)
    assert view.cards["active_tasks_note"].title.text().count("2") >= 1  # the calculate shows

    # Close the app mid-way, the last answer given a moment ago.
    page.close()
    page.runner.wait_idle()
    drafts = _responses(database, DRAFT)
    assert len(drafts) == 1 and drafts[0].page == ACTIVITY
    with database.session() as session:
        stored = get_response(session, drafts[0].id).answers
    assert stored["task5_activity"] == "5"
    assert stored["role_other"] == "Handelsattaché"

    # Return: the draft is offered, and opens on the page it was left with its answers.
    page = open_page()
    assert [draft.id for draft, _ in asked.drafts_offered] == [drafts[0].id]
    view = _view(page)
    assert view.current_page() == ACTIVITY
    assert view.cards["task4_activity"].input.button("1").isChecked()  # type: ignore[union-attr]
    view.previous_page()
    assert view.cards["years_imvo"].input.edit.text() == "4"  # type: ignore[union-attr]
    view.next_page()

    # Finish: the overall statements and the questions that must be answered.
    view.next_page()
    assert view.current_page() == CLARITY
    _choose(view, "clarity_overall", "4")
    view.next_page()
    _choose(view, "work_overall", "3")
    view.next_page()
    _choose(view, "user_overall", "4")
    view.next_page()
    _choose(view, "tools_used", "oecd_guidelines")
    _choose(view, "tools_used", "none")
    assert view.cards["tools_used"].message.isVisible()  # 'none' and a tool contradict
    _choose(view, "tools_used", "none")
    view.next_page()
    _choose(view, "actions_taken", "staff_training")
    view.next_page()
    view.next_page()
    _choose(view, "interview", "yes")
    _type(qtbot, view, "contact_email", "anna@")
    assert view.cards["contact_email"].message.isVisible()
    _type(qtbot, view, "contact_email", "anna@minbuza.nl")
    view.cards["confirm"].input.box.click()  # type: ignore[union-attr]
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.is_reviewing
    assert view.review_rows["role_other"].answer.text() == "Handelsattaché"
    assert view.review_rows["task1_activity"].answer.text() != "not answered"
    assert "respondent_name" not in view.review_rows
    qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    page.runner.wait_idle()

    assert page.view is None
    assert page.banner.isVisible() and "submitted" in page.banner.text()
    [response] = _responses(database, SUBMITTED)
    with database.session() as session:
        record = get_response(session, response.id)
    assert record.is_anonymous and record.respondent == ""
    assert record.post_name == TEST_PROFILE.post_name
    assert (record.answers["post"], record.answers["region"]) == (TEST_PROFILE.post_name, "africa")
    assert record.answers["years_imvo"] == 4
    assert record.answers["tools_used"] == ("oecd_guidelines",)
    assert record.answers["active_tasks"] == 2
    item = page.form_list.currentItem()
    assert item.text(2) == "1" and item.text(3) == "0"


def test_a_named_response_in_english_keeps_the_name(
    open_page, asked: Asked, database: Database
) -> None:  # type: ignore[no-untyped-def]
    asked.start_choice = StartChoice(False, "Piet Jansen", "en")
    page = open_page()
    _select_evaluation(page)
    page.start_new_response()
    page.runner.wait_idle()
    view = _view(page)
    assert view.session.language == "en"
    assert view.language.currentData() == "en"
    assert view._page_views[0].title.text() == "Introduction"
    [draft] = _responses(database, DRAFT)
    assert not draft.is_anonymous and draft.respondent == "Piet Jansen"


def test_switching_language_keeps_answers_and_is_remembered(
    qtbot: QtBot, open_page, asked: Asked, database: Database
) -> None:  # type: ignore[no-untyped-def]
    page = open_page()
    _select_evaluation(page)
    page.start_new_response()
    page.runner.wait_idle()
    view = _view(page)
    view.next_page()
    _choose(view, "business_activity", "medium")
    _type(qtbot, view, "years_imvo", "4")
    view.language.setCurrentIndex(view.language.findData("en"))
    assert view.cards["business_activity"].input.button("medium").isChecked()  # type: ignore[union-attr]
    assert view.cards["years_imvo"].input.edit.text() == "4"  # type: ignore[union-attr]
    assert view.cards["business_activity"].input.button("medium").text() == "Medium"  # type: ignore[union-attr]
    page.close_form()
    page.runner.wait_idle()
    [draft] = _responses(database, DRAFT)
    assert draft.language == "en"
    page.continue_draft()
    page.runner.wait_idle()
    assert _view(page).session.language == "en"


def test_starting_again_offers_the_draft_or_a_new_response(
    open_page, asked: Asked, database: Database
) -> None:  # type: ignore[no-untyped-def]
    page = open_page()
    _select_evaluation(page)
    page.start_new_response()
    page.runner.wait_idle()
    first = page.response_id
    page.close_form()
    page.runner.wait_idle()
    assert page.continue_button.isEnabled()

    asked.continue_answer = True
    page.start_new_response()
    page.runner.wait_idle()
    assert asked.drafts_offered[-1][1] is True  # asked while starting
    assert page.response_id == first
    page.close_form()
    page.runner.wait_idle()

    asked.continue_answer = False  # a colleague starts their own
    page.start_new_response()
    page.runner.wait_idle()
    assert page.response_id not in (None, first)
    page.close_form()
    page.runner.wait_idle()
    assert len(_responses(database, DRAFT)) == 2

    asked.continue_answer = None  # cancelled: nothing starts
    page.start_new_response()
    page.runner.wait_idle()
    assert page.view is None


def test_not_now_leaves_the_draft_for_later(open_page, asked: Asked, database: Database) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        ensure_shipped_forms(session)
        form_pk = find_form(session, EVALUATION).id
        start_response(session, form_pk, "Embassy Testland", "nl", anonymous=True)
    asked.continue_answer = False
    page = open_page()
    assert len(asked.drafts_offered) == 1 and asked.drafts_offered[0][1] is False
    assert page.view is None
    _select_evaluation(page)
    page.response_list.setCurrentItem(page.response_list.topLevelItem(0))
    assert page.discard_button.isEnabled()
    page.continue_draft()
    page.runner.wait_idle()
    assert page.view is not None


def test_discarding_a_draft_asks_first(
    monkeypatch: pytest.MonkeyPatch, open_page, asked: Asked, database: Database
) -> None:  # type: ignore[no-untyped-def]
    from postkit.ui.surveys import page as page_module

    page = open_page()
    _select_evaluation(page)
    page.start_new_response()
    page.runner.wait_idle()
    page.close_form()
    page.runner.wait_idle()
    page.response_list.setCurrentItem(page.response_list.topLevelItem(0))
    monkeypatch.setattr(page_module, "confirm", lambda *_args: False)
    page.discard_selected_draft()
    page.runner.wait_idle()
    assert len(_responses(database, DRAFT)) == 1
    monkeypatch.setattr(page_module, "confirm", lambda *_args: True)
    page.discard_selected_draft()
    page.runner.wait_idle()
    assert _responses(database) == []
    assert page.responses_stack.currentWidget() is page.no_responses


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_writes_the_submitted_responses(
    qtbot: QtBot,
    open_page,
    asked: Asked,
    database: Database,
    tmp_path: Path,
    suffix: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    jobs = process_jobs(monkeypatch)
    page = open_page()
    _select_evaluation(page)
    page.start_new_response()
    page.runner.wait_idle()
    view = _view(page)
    answers = dict(view.session.answers())
    answers.update(
        role="deputy",
        business_activity="low", clarity_overall="5", work_overall="4", user_overall="4",
        tools_used=("risk_scan",), actions_taken=("none",), interview="no", confirm="OK",
        **{f"task{n}_activity": "3" for n in range(1, 6)},
    )  # fmt: skip
    for name, value in answers.items():
        view.session.set_answer(name, value)
    view.show_review()
    assert view.submit()
    page.runner.wait_idle()
    assert page.view is None

    asked.save_path = tmp_path / f"export{suffix}"
    with qtbot.waitSignal(page.status_message, timeout=10000) as message:
        page.export_responses()
        page.runner.wait_idle()
    assert "1 response" in message.args[0]
    assert functions_of(jobs) == ["export_responses_file"]  # written in a process of its own
    if suffix == ".xlsx":
        workbook = openpyxl.load_workbook(asked.save_path, read_only=True)
        rows = list(workbook["responses"].iter_rows(values_only=True))
        assert len(rows) == 2
        header = list(rows[0])
        assert rows[1][header.index("role")] == "deputy"
        workbook.close()
    else:
        with asked.save_path.open(encoding="utf-8-sig") as file:
            rows = list(csv.reader(file))
        assert len(rows) == 2 and "deputy" in rows[1]


def test_the_export_says_what_it_holds_and_leaves_out_before_writing(
    qtbot: QtBot,
    open_page,  # type: ignore[no-untyped-def]
    asked: Asked,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(SurveysPage, "confirm_export", REAL_CONFIRM_EXPORT)
    post = TEST_PROFILE.post_name
    with database.session() as session:
        seed_survey_demo(session, [post, "Embassy Testland (old name)"], respondents_per_post=2)
        form_pk = find_form(session, EVALUATION).id
        start_response(session, form_pk, post, "nl", anonymous=False, respondent="Ann Vos")
    asked.continue_answer = False
    page = open_page()
    _select_evaluation(page)
    asked.save_path = tmp_path / "export.xlsx"
    shown: list[tuple[str, str]] = []

    def read_then(button: str):  # type: ignore[no-untyped-def]
        def handler(dialog) -> None:  # type: ignore[no-untyped-def]
            shown.append((dialog.text(), dialog.informativeText()))
            click_button(button)(dialog)

        return handler

    with answering(qtbot, read_then("Cancel")):
        page.export_responses()
        page.runner.wait_idle()
    text, left_out = shown[0]
    assert "holds 4 submitted response" in text and post in text
    assert "1 draft" in left_out and "not submitted yet: Ann Vos, started" in left_out
    assert not asked.save_path.exists()
    with database.session() as session:
        assert list_sent_exports(session) == []
    assert page.receipts_view.tree.topLevelItemCount() == 0

    with answering(qtbot, read_then("Export…")), qtbot.waitSignal(page.status_message):
        page.export_responses()
        page.runner.wait_idle()
    qtbot.waitUntil(lambda: page.job is None)
    workbook = openpyxl.load_workbook(asked.save_path, read_only=True)
    rows = list(workbook["responses"].iter_rows(values_only=True))
    workbook.close()
    assert len(rows) == 5 and {row[rows[0].index("post")] for row in rows[1:]} == {post}
    item = page.receipts_view.tree.topLevelItem(0)
    assert item.text(4) == "Exported, not yet confirmed by headquarters"


def test_importing_a_broken_form_lists_its_problems(
    qtbot: QtBot, open_page, asked: Asked, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = write_form(tmp_path / "broken.xlsx")
    workbook = openpyxl.load_workbook(path)
    workbook["survey"]["H5"] = "${role} = = 'other'"  # the relevant of role_other
    workbook["survey"]["A7"] = "geolocation"
    workbook.save(path)
    asked.open_path = path
    page = open_page()
    count = len(page.forms)
    page.import_survey()
    page.runner.wait_idle()
    qtbot.waitUntil(lambda: page.job is None, timeout=10000)
    [(name, problems)] = asked.problems
    assert name == "broken.xlsx"
    places = {(p.sheet, p.row, p.column) for p in problems}
    assert ("survey", 5, "H") in places
    assert any(p.row == 7 and "geolocation" in p.message for p in problems)
    assert len(page.forms) == count


def test_importing_a_form_adds_and_selects_it(
    qtbot: QtBot, open_page, asked: Asked, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    asked.open_path = write_form(tmp_path / "mini.xlsx")
    page = open_page()
    with qtbot.waitSignal(page.status_message, timeout=10000) as message:
        page.import_survey()
        page.runner.wait_idle()
    assert "Mini-enquête" in message.args[0]
    assert page.selected_form() is not None and page.selected_form().form_id == "mini"  # type: ignore[union-attr]


def test_the_dialogs_validate_and_list(qtbot: QtBot) -> None:
    dialog = StartResponseDialog("Survey", {"nl": "Nederlands", "en": "English"}, "en")
    qtbot.addWidget(dialog)
    assert dialog.ok_button.isEnabled()
    dialog.named.setChecked(True)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, " Anna ")
    assert dialog.ok_button.isEnabled()
    assert dialog.start_choice() == StartChoice(False, "Anna", "en")

    problems = [Problem("survey", 5, "H", "unexpected '='", "relevant")]
    listing = ProblemsDialog("broken.xlsx", problems)
    qtbot.addWidget(listing)
    cells = [listing.table.item(0, column).text() for column in range(4)]
    assert cells == ["survey", "5", "H (relevant)", "unexpected '='"]


def test_the_form_title_follows_the_language_of_the_questions(open_page, asked: Asked) -> None:  # type: ignore[no-untyped-def]
    asked.start_choice = StartChoice(True, "", "en")
    page = open_page()
    _select_evaluation(page)
    page.start_new_response()
    page.runner.wait_idle()
    view = _view(page)
    assert view.form_title.text() == "Evaluation of the IMVO guidelines for posts"
    view.language.setCurrentIndex(view.language.findData("nl"))
    assert view.form_title.text() == "Evaluatie van de IMVO-richtlijnen voor posten"


def test_a_csv_export_of_a_form_with_repeats_names_the_file_of_each_repeat(
    qtbot: QtBot, open_page, asked: Asked, database: Database, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from postkit.core.surveys.service import import_form, submit_response

    visits = Path(__file__).resolve().parents[1] / "data" / "xlsforms" / "kobo_company_visits.xlsx"
    with database.session() as session:
        info = import_form(session, visits, "Tess Tester")
        draft = start_response(session, info.id, TEST_PROFILE.post_name, "en", anonymous=True)
        visit = {"company": "Acme", "clear": "a", "contact": []}
        answers = {"useful": "a", "visit_count": 1, "visit": [visit]}
        submit_response(session, draft.id, answers)
    page = open_page()
    page.select_form(info.id)
    asked.save_path = tmp_path / "visits.csv"
    with qtbot.waitSignal(page.status_message, timeout=10000) as message:
        page.export_responses()
        page.runner.wait_idle()
    visit, contact = tmp_path / "visits-visit.csv", tmp_path / "visits-contact.csv"
    audit = tmp_path / "visits-audit.csv"
    assert visit.exists() and contact.exists() and audit.exists()
    # The message names the repeats' files and the audit's beside the main one.
    assert message.args[0].endswith(
        f"; each repeat in its own file: {visit}, {contact}; the audit log: {audit}"
    )
