from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from postkit.core.errors import ValidationError
from postkit.core.surveys.engine import FormSession, Progress
from postkit.core.surveys.forms import Form
from postkit.core.surveys.xlsform import load_form

TODAY = date(2026, 3, 15)
EN, NL = "label::English (en)", "label::Nederlands (nl)"

SURVEY_HEADER = [
    "type",
    "name",
    EN,
    NL,
    "hint::English (en)",
    "hint::Nederlands (nl)",
    "required",
    "required_message::English (en)",
    "relevant",
    "constraint",
    "constraint_message::English (en)",
    "constraint_message::Nederlands (nl)",
    "calculation",
    "default",
    "choice_filter",
    "appearance",
]
SURVEY = [
    {"type": "note", "name": "intro", EN: "Welcome", NL: "Welkom"},
    {
        "type": "begin group",
        "name": "about",
        EN: "About you",
        NL: "Over u",
        "appearance": "field-list",
    },
    {
        "type": "select_one role",
        "name": "role",
        EN: "Your role",
        NL: "Uw rol",
        "hint::English (en)": "Pick one",
        "required": "yes",
        "required_message::English (en)": "Tell us your role.",
    },
    {
        "type": "text",
        "name": "role_other",
        EN: "Which role?",
        "required": "yes",
        "relevant": "${role} = 'other'",
    },
    {
        "type": "integer",
        "name": "years",
        EN: "Years at the post",
        NL: "Jaren op de post",
        "constraint": ". >= 0 and . <= 60",
        "constraint_message::English (en)": "Between 0 and 60",
        "constraint_message::Nederlands (nl)": "Tussen 0 en 60",
        "default": "2",
    },
    {"type": "decimal", "name": "share", EN: "Share of time", NL: "Deel van de tijd"},
    {
        "type": "date",
        "name": "visited",
        EN: "Last visit",
        NL: "Laatste bezoek",
        "constraint": ". <= today()",
    },
    {"type": "end group"},
    {
        "type": "begin group",
        "name": "tasks",
        EN: "Tasks",
        NL: "Taken",
        "relevant": "${role} != 'intern'",
        "appearance": "field-list",
    },
    {"type": "select_multiple task", "name": "done", EN: "Tasks done", NL: "Gedane taken"},
    {"type": "calculate", "name": "n_done", "calculation": "count-selected(${done})"},
    {
        "type": "select_one task",
        "name": "main",
        EN: "Main task",
        NL: "Hoofdtaak",
        "choice_filter": "selected(${done}, name)",
    },
    {"type": "begin group", "name": "more", EN: "More", "relevant": "${n_done} > 1"},
    {"type": "text", "name": "why", EN: "Why several?", NL: "Waarom meer?", "required": "yes"},
    {"type": "end group"},
    {"type": "end group"},
    {"type": "select_one region", "name": "region", EN: "Region", NL: "Regio"},
    {
        "type": "select_one country",
        "name": "country",
        EN: "Country",
        NL: "Land",
        "choice_filter": "region = ${region}",
    },
    {"type": "acknowledge", "name": "consent", EN: "I agree", NL: "Akkoord", "required": "yes"},
    {"type": "calculate", "name": "score", "calculation": "${years} * 2 + ${share}"},
]
CHOICES_HEADER = ["list_name", "name", EN, NL, "region"]
CHOICES = [
    ("role", "ambassador", "Ambassador", "Ambassadeur", None),
    ("role", "officer", "Trade officer", "Handelsmedewerker", None),
    ("role", "intern", "Intern", "Stagiair", None),
    ("role", "other", "Other", "Anders", None),
    ("task", "t1", "Knowledge", "Kennis", None),
    ("task", "t2", "Information", "Informatie", None),
    ("task", "t3", "Advice", "Advies", None),
    ("region", "africa", "Africa", "Afrika", None),
    ("region", "asia", "Asia", "Azië", None),
    ("country", "KE", "Kenya", "Kenia", "africa"),
    ("country", "GH", "Ghana", "Ghana", "africa"),
    ("country", "VN", "Vietnam", "Vietnam", "asia"),
]
SETTINGS = {
    "form_id": "engine_test",
    "form_title": "Engine test",
    "version": "2026031501",
    "default_language": "English (en)",
}


def write_form(
    path: Path,
    survey: Sequence[dict[str, str]] = SURVEY,
    choices: Sequence[Sequence[str | None]] = CHOICES,
    settings: dict[str, str] = SETTINGS,
    survey_header: Sequence[str] = SURVEY_HEADER,
    choices_header: Sequence[str] = CHOICES_HEADER,
) -> Path:
    """Write an XLSForm workbook from rows given as dicts (survey) and tuples (choices)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "survey"
    sheet.append(list(survey_header))
    for row in survey:
        sheet.append([row.get(header) for header in survey_header])
    choices_sheet = workbook.create_sheet("choices")
    choices_sheet.append(list(choices_header))
    for choice in choices:
        choices_sheet.append(list(choice))
    settings_sheet = workbook.create_sheet("settings")
    settings_sheet.append(list(settings))
    settings_sheet.append(list(settings.values()))
    workbook.save(path)
    return path


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> Form:
    return load_form(write_form(tmp_path_factory.mktemp("form") / "engine_test.xlsx"))


def _session(form: Form, language: str | None = None, **answers: object) -> FormSession:
    session = FormSession(form, language=language, today=TODAY)
    for name, value in answers.items():
        session.set_answer(name, value)
    return session


def test_top_level_groups_and_loose_questions_are_pages_and_calculates_are_not(form: Form) -> None:
    pages = FormSession(form, today=TODAY).pages()
    assert [page.name for page in pages] == [
        "intro",
        "about",
        "tasks",
        "region",
        "country",
        "consent",
    ]
    assert pages[1].group is not None and pages[1].group.name == "about"
    assert pages[0].group is None


def test_a_plain_group_shows_one_question_per_page_as_odk_collect_does(tmp_path: Path) -> None:
    survey = [
        {"type": "begin group", "name": "plain", EN: "Plain", NL: "Gewoon"},
        {"type": "text", "name": "q1", EN: "One"},
        {"type": "text", "name": "q2", EN: "Two", "relevant": "${q1} = 'x'"},
        {"type": "calculate", "name": "c", "calculation": "1"},
        {"type": "begin group", "name": "inner", EN: "Inner", "appearance": "field-list"},
        {"type": "text", "name": "q3", EN: "Three"},
        {"type": "text", "name": "q4", EN: "Four"},
        {"type": "end group"},
        {"type": "end group"},
        {"type": "begin group", "name": "grid", EN: "Grid", "appearance": "table-list"},
        {"type": "text", "name": "q5", EN: "Five"},
        {"type": "end group"},
    ]
    form = load_form(write_form(tmp_path / "f.xlsx", survey=survey))
    session = FormSession(form, language="en", today=TODAY)
    pages = session.pages()
    assert [page.name for page in pages] == ["q1", "q2", "inner", "grid"]
    assert [session.label(page) for page in pages] == ["Plain", "Plain", "Inner", "Grid"]
    assert session.page_of("q4") == pages[2]
    assert session.page_of("plain") == pages[0]
    assert session.page_of("c") is None
    assert pages[1] not in session.visible_pages()
    session.set_answer("q1", "x")
    assert pages[1] in session.visible_pages()


def test_a_table_list_group_keeps_its_label_and_gets_no_header_question(tmp_path: Path) -> None:
    survey = [
        {"type": "begin group", "name": "grid", EN: "Rate", "appearance": "table-list"},
        {"type": "select_one role", "name": "r1", EN: "First"},
        {"type": "select_one role", "name": "r2", EN: "Second"},
        {"type": "end group"},
    ]
    form = load_form(write_form(tmp_path / "f.xlsx", survey=survey))
    [group] = form.groups()
    assert group.appearance == "table-list"
    assert form.text(group.label, "en") == "Rate"
    assert [item.name for item in group.items] == ["r1", "r2"]
    assert [question.appearance for question in form.questions()] == ["", ""]


def test_a_question_is_shown_only_when_its_relevant_holds(form: Form) -> None:
    session = _session(form, role="officer")
    assert not session.visible("role_other")
    session.set_answer("role", "other")
    assert session.visible("role_other")


def test_a_hidden_group_hides_everything_in_it_and_its_page(form: Form) -> None:
    session = _session(form, role="intern")
    tasks_page = session.pages()[2]
    assert not session.visible(tasks_page)
    assert not session.visible("done")
    assert not session.visible("why")
    assert tasks_page not in session.visible_pages()


def test_a_nested_group_follows_a_calculate(form: Form) -> None:
    session = _session(form, role="officer", done=("t1",))
    assert session.value("n_done") == 1
    assert not session.visible("why")
    session.set_answer("done", "t1 t3")
    assert session.value("n_done") == 2
    assert session.visible("more") and session.visible("why")


def test_required_questions_are_reported_only_when_shown(form: Form) -> None:
    session = _session(form)
    errors = session.errors()
    assert errors["role"] == "Tell us your role."
    assert errors["consent"] == "This question is required."
    assert "role_other" not in errors  # hidden
    assert "why" not in errors
    session.set_answer("role", "other")
    assert session.errors()["role_other"] == "This question is required."


def test_the_default_required_message_is_in_the_session_language(form: Form) -> None:
    session = _session(form, language="nl")
    assert session.errors()["consent"] == "Deze vraag is verplicht."
    # A message the form gives only in English is shown in English.
    assert session.errors()["role"] == "Tell us your role."


def test_errors_of_one_page(form: Form) -> None:
    session = _session(form, role="officer", done=("t1", "t2"))
    assert set(session.errors(1)) == set()
    assert set(session.errors(session.pages()[2])) == {"why"}
    assert set(session.errors(5)) == {"consent"}


def test_a_constraint_uses_the_answer_as_dot_and_its_message(form: Form) -> None:
    session = _session(form, years=61)
    assert session.errors()["years"] == "Between 0 and 60"
    session.language = "nl"
    assert session.errors()["years"] == "Tussen 0 en 60"
    session.set_answer("years", 60)
    assert "years" not in session.errors()


def test_a_constraint_without_a_message_gets_the_default_one(form: Form) -> None:
    session = _session(form, visited=date(2026, 3, 16))
    assert session.errors()["visited"] == "This answer is not allowed."
    session.set_answer("visited", TODAY)
    assert "visited" not in session.errors()


def test_answers_are_converted_to_the_question_type(form: Form) -> None:
    session = _session(
        form,
        years="12",
        share="0,25",
        visited="2026-01-02",
        role="officer",
        done=["t3", "t1"],
        consent=True,
        region="asia",
    )
    assert session.value("years") == 12
    assert session.value("share") == 0.25
    assert session.value("visited") == date(2026, 1, 2)
    assert session.value("done") == ("t1", "t3")  # in the order of the list
    assert session.value("consent") == "OK"
    session.set_answer("share", 3)
    assert session.value("share") == 3.0 and isinstance(session.value("share"), float)
    session.set_answer("years", 7.0)
    assert session.value("years") == 7 and isinstance(session.value("years"), int)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("years", "twelve", "Enter a whole number."),
        ("years", 1.5, "Enter a whole number."),
        ("share", "much", "Enter a number."),
        ("share", "nan", "Enter a number."),
        ("visited", "15-03-2026", "Enter a date as YYYY-MM-DD."),
        ("role", "chef", "'chef' is not one of the options."),
        ("done", "t1 t9", "'t9' is not one of the options."),
    ],
)
def test_a_value_that_does_not_fit_the_type_is_refused(
    form: Form, name: str, value: object, message: str
) -> None:
    session = _session(form)
    with pytest.raises(ValidationError) as raised:
        session.set_answer(name, value)
    assert raised.value.field == name
    assert raised.value.reason == message


def test_empty_input_clears_an_answer(form: Form) -> None:
    session = _session(form, role="officer", done=("t1",), consent=True)
    for name, empty in (("role", ""), ("done", ()), ("consent", False), ("years", None)):
        session.set_answer(name, empty)
        assert session.value(name) is None


def test_notes_and_calculates_cannot_be_answered(form: Form) -> None:
    session = _session(form)
    with pytest.raises(ValueError, match="calculate"):
        session.set_answer("score", 3)
    with pytest.raises(KeyError):
        session.set_answer("nonexistent", 3)


def test_calculates_follow_the_answers(form: Form) -> None:
    session = _session(form, years=3, share=0.5)
    assert session.value("score") == 6.5
    session.set_answer("share", 1)
    assert session.value("score") == 7
    session.set_answer("share", None)
    assert session.value("score") is None  # NaN: nothing to compute with


def test_choice_filter_narrows_the_choices(form: Form) -> None:
    session = _session(form)
    assert [c.name for c in session.choices("country")] == []
    session.set_answer("region", "africa")
    assert [c.name for c in session.choices("country")] == ["KE", "GH"]
    session.set_answer("done", ("t2", "t3"))
    assert [c.name for c in session.choices("main")] == ["t2", "t3"]


def test_an_answer_the_filter_no_longer_offers_is_an_error(form: Form) -> None:
    session = _session(form, region="africa", country="KE")
    assert "country" not in session.errors()
    session.set_answer("region", "asia")
    assert session.value("country") == "KE"  # kept, so switching back restores it
    assert session.errors()["country"] == "Choose one of the options shown."


def test_defaults_fill_a_new_session_but_not_a_resumed_one(form: Form) -> None:
    assert FormSession(form, today=TODAY).value("years") == 2
    assert FormSession(form, answers={}, today=TODAY).value("years") is None


def test_hidden_answers_are_kept_in_the_draft_but_not_stored(form: Form) -> None:
    session = _session(form, role="other", role_other="Consul", done=("t1", "t2"), why="x", share=0)
    session.set_answer("role", "intern")
    assert session.answers()["role_other"] == "Consul"
    assert session.answers()["done"] == ("t1", "t2")
    stored = session.answers_for_storage()
    assert "role_other" not in stored
    assert "done" not in stored and "why" not in stored and "n_done" not in stored
    assert stored["role"] == "intern"
    assert stored["score"] == 4  # calculates are stored


def test_a_hidden_answer_counts_as_unanswered_in_expressions(form: Form) -> None:
    session = _session(form, role="officer", done=("t1", "t2", "t3"))
    assert session.value("n_done") == 3
    session.set_answer("role", "intern")
    assert session.value("n_done") is None


def test_a_session_resumes_from_stored_answers(form: Form) -> None:
    stored = {"role": "officer", "done": ["t1", "t2"], "visited": "2026-01-02", "unknown": 1}
    session = FormSession(form, answers=stored, today=TODAY)
    assert session.value("done") == ("t1", "t2")
    assert session.value("visited") == date(2026, 1, 2)
    assert session.value("n_done") == 2
    assert session.visible("why")


def test_labels_and_hints_follow_the_language_with_fallback(form: Form) -> None:
    session = _session(form, language="nl")
    role = session.question("role")
    assert session.label(role) == "Uw rol"
    assert session.hint(role) == "Pick one"  # no Dutch hint: the default language
    assert session.label(session.question("role_other")) == "Which role?"
    assert session.label(session.choices(role)[0]) == "Ambassadeur"
    assert session.label(session.pages()[1]) == "Over u"
    session.language = "en"
    assert session.label(role) == "Your role"
    session.language = "fr"
    assert session.label(role) == "Your role"


def test_progress_counts_pages_done_among_those_shown(form: Form) -> None:
    session = _session(form)
    assert session.progress() == Progress(0, 6)
    session.set_answer("role", "intern")
    # The tasks page is hidden; the about page is answered without errors.
    assert session.progress() == Progress(1, 5)
    # The intro page, all notes, is done once the respondent is past it.
    assert session.progress(current_page=2) == Progress(2, 5)
    session.set_answer("region", "asia")
    session.set_answer("consent", True)
    assert session.progress(current_page=5) == Progress(5, 5)
    assert session.progress(current_page=5).fraction == 1.0
    assert session.errors() == {}


def test_labels_show_earlier_answers(tmp_path: Path) -> None:
    survey = [
        {"type": "text", "name": "who", EN: "Name"},
        {"type": "select_one role", "name": "role", EN: "Role of ${who}"},
        {"type": "text", "name": "why", EN: "Why ${role}?"},
    ]
    form = load_form(write_form(tmp_path / "f.xlsx", survey=survey))
    session = _session(form, who="Ann", role="officer")
    assert session.label(session.question("role")) == "Role of Ann"
    assert session.label(session.question("why")) == "Why Trade officer?"


def test_required_can_be_an_expression(tmp_path: Path) -> None:
    survey = [
        {"type": "integer", "name": "n", EN: "How many?"},
        {"type": "text", "name": "names", EN: "Names", "required": "${n} > 0"},
    ]
    form = load_form(write_form(tmp_path / "f.xlsx", survey=survey))
    session = _session(form, n=0)
    assert "names" not in session.errors()
    session.set_answer("n", 2)
    assert session.errors() == {"names": "This question is required."}


def test_the_page_of_a_question_is_its_top_level_group(form: Form) -> None:
    session = _session(form)
    page = session.page_of("why")
    assert page is not None and page.index == 2 and page.name == "tasks"
    assert session.page_of("consent") == session.pages()[5]
    assert session.page_of("score") is None  # a calculate outside any group is on no page


def test_setting_several_answers_sets_none_if_one_does_not_fit(form: Form) -> None:
    session = _session(form)
    with pytest.raises(ValidationError):
        session.set_answers({"role": "officer", "years": "many"})
    assert session.value("role") is None
    session.set_answers({"role": "other", "role_other": "Consul", "done": "t1 t2"})
    assert session.visible("role_other") and session.value("n_done") == 2


def test_choice_name_gives_the_label_in_the_session_language(tmp_path: Path) -> None:
    survey = [
        {"type": "select_one role", "name": "role", EN: "Role"},
        {
            "type": "calculate",
            "name": "role_label",
            "calculation": "jr:choice-name(${role}, '${role}')",
        },
        {"type": "note", "name": "shown", EN: "You are ${role_label}"},
    ]
    form = load_form(write_form(tmp_path / "f.xlsx", survey=survey))
    session = _session(form, "nl", role="officer")
    assert session.value("role_label") == "Handelsmedewerker"
    session.language = "en"
    session.set_answer("role", "intern")
    assert session.value("role_label") == "Intern"
    assert session.label(session.question("shown")) == "You are Intern"


def test_a_date_orders_only_against_dates_as_in_odk_collect(tmp_path: Path) -> None:
    # ODK Collect compares numbers: a date's text is not one, so the first never shows.
    survey = [
        {"type": "date", "name": "visit", EN: "Visit"},
        {"type": "note", "name": "text_literal", EN: "a", "relevant": "${visit} > '2024-01-01'"},
        {
            "type": "note",
            "name": "date_literal",
            EN: "b",
            "relevant": "${visit} > date('2024-01-01')",
        },
    ]
    form = load_form(write_form(tmp_path / "f.xlsx", survey=survey))
    session = _session(form, visit="2024-06-01")
    assert not session.visible("text_literal")
    assert session.visible("date_literal")


def test_a_calculate_of_uuid_or_now_keeps_its_first_value(tmp_path: Path) -> None:
    # ODK Collect computes a calculate that depends on no answer when the form opens, not on
    # every change; recomputing would also keep the session from ever settling.
    survey = [
        {"type": "text", "name": "who", EN: "Name"},
        {"type": "calculate", "name": "key", "calculation": "uuid()"},
        {"type": "calculate", "name": "opened", "calculation": "now()"},
    ]
    form = load_form(write_form(tmp_path / "f.xlsx", survey=survey))
    session = _session(form)
    key, opened = session.value("key"), session.value("opened")
    assert isinstance(key, str) and len(key) == 36 and opened is not None
    session.set_answer("who", "Ann")
    assert session.value("key") == key and session.value("opened") == opened


def test_format_date_names_months_and_days_in_the_language_answered(tmp_path: Path) -> None:
    """JavaRosa names them in the device's locale; postkit in the response's form language."""
    survey = [
        {"type": "date", "name": "visit", EN: "Visit", NL: "Bezoek"},
        {"type": "calculate", "name": "when", "calculation": "format-date(${visit}, '%a %e %b')"},
        {
            "type": "note",
            "name": "said",
            EN: "On ${when}",
            NL: "Op ${when}",
            "relevant": "${visit} != ''",
        },
    ]
    form = load_form(write_form(tmp_path / "dates.xlsx", survey))
    for language, said in (("en", "On Fri 15 Mar"), ("nl", "Op vr 15 mrt.")):
        session = FormSession(form, language=language, today=TODAY)
        session.set_answer("visit", date(2024, 3, 15))
        assert session.value("when") == said.split(" ", 1)[1]
        assert session.label(session.question("said")) == said
    session.language = "en"  # changed while answering: the calculation follows
    assert session.value("when") == "Fri 15 Mar"
