from __future__ import annotations

import importlib.util
import re
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from postkit.core.surveys.engine import FormSession
from postkit.core.surveys.forms import Group, Question
from postkit.core.surveys.service import shipped_surveys_dir
from postkit.core.surveys.xlsform import (
    MAX_FILE_BYTES,
    FormError,
    Problem,
    check_form,
    language_of,
    load_form,
    load_form_bytes,
    validate_form,
)

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"
EVALUATION = SURVEYS / "imvo_guidelines_evaluation.xlsx"
INTERVIEW = SURVEYS / "imvo_interview_guide.xlsx"

Rows = list[list[object]]
SETTINGS: Rows = [["form_id", "version"], ["test_form", "2026010101"]]
CHOICES: Rows = [
    ["list_name", "name", "label"],
    ["yes_no", "yes", "Yes"],
    ["yes_no", "no", "No"],
]
SURVEY_HEADER = ["type", "name", "label", "relevant", "constraint", "calculation", "required"]


def write_form(
    path: Path,
    survey: Rows,
    choices: Rows | None = CHOICES,
    settings: Rows | None = SETTINGS,
    extra_sheets: dict[str, Rows] | None = None,
) -> Path:
    """An XLSForm workbook with these rows; survey rows are under SURVEY_HEADER unless they
    start with their own header (a first row whose first cell is 'type')."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "survey"
    if not survey or survey[0][:1] != ["type"]:
        survey = [SURVEY_HEADER, *survey]
    for row in survey:
        sheet.append(row)
    for title, rows in {"choices": choices, "settings": settings, **(extra_sheets or {})}.items():
        if rows is None:
            continue
        other = workbook.create_sheet(title)
        for row in rows:
            other.append(row)
    workbook.save(path)
    return path


def problems_of(path: Path) -> list[Problem]:
    form, problems = validate_form(path)
    assert form is None
    assert problems
    return problems


def only_problem(path: Path) -> Problem:
    problems = problems_of(path)
    assert len(problems) == 1, problems
    return problems[0]


@pytest.fixture
def form_path(tmp_path: Path) -> Path:
    return tmp_path / "form.xlsx"


# The shipped forms


def test_the_evaluation_survey_is_valid_and_bilingual() -> None:
    form = load_form(EVALUATION)
    assert form.form_id == "imvo_guidelines_evaluation"
    assert form.version == "2026120502"
    assert form.languages == ("nl", "en")
    assert form.language_names == {"nl": "Nederlands", "en": "English"}
    assert form.default_language == "en"
    assert form.title["nl"] == "Evaluatie van de IMVO-richtlijnen voor posten"
    assert [group.name for group in form.groups()] == [
        "intro",
        "about_you",
        "activity",
        "clarity",
        "workability",
        "user_friendliness",
        "tools",
        "actions",
        "support",
        "closing",
    ]
    assert all(isinstance(item, Group) for item in form.items)
    assert len(form.questions()) == 48
    types = [question.type for question in form.fields()]
    assert types.count("calculate") == 1
    assert types.count("acknowledge") == 1
    assert types.count("select_multiple") == 3
    for question in form.fields():
        if question.type != "calculate":
            assert question.label.keys() == {"nl", "en"}, question.name


def test_the_evaluation_survey_asks_likert_items_overall_and_per_core_task() -> None:
    form = load_form(EVALUATION)
    for aspect in ("clarity", "work", "user"):
        for task in range(1, 6):
            question = form.find(f"{aspect}_task{task}")
            assert isinstance(question, Question)
            assert question.list_name == "agree5"
        overall = form.find(f"{aspect}_overall")
        assert isinstance(overall, Question) and overall.required is True
    assert [choice.name for choice in form.choice_lists["agree5"]] == ["1", "2", "3", "4", "5"]
    support = [choice.name for choice in form.choice_lists["support"]]
    assert "examples_other_posts" in support


def test_the_evaluation_survey_leaves_anonymity_to_the_start_of_a_response() -> None:
    form = load_form(EVALUATION)
    # Asked once, when the response starts: the form asks neither anonymity nor a name.
    assert form.find("anonymous") is None and form.find("respondent_name") is None
    email = form.find("contact_email")
    assert isinstance(email, Question)
    assert email.relevant is not None and email.relevant.names() == {"interview"}
    assert email.constraint is not None and email.constraint.uses_current()
    assert email.constraint_message["nl"].startswith("Vul een geldig e-mailadres")


def test_the_evaluation_surveys_likert_items_are_tables() -> None:
    form = load_form(EVALUATION)
    likert = [q for q in form.questions() if q.list_name in ("agree5", "activity5")]
    assert len(likert) == 32  # 5 activity items; overall, 4 AGREE II and 5 per core task x 3
    assert all(q.appearance == "likert" for q in likert)


def test_the_interview_guide_is_valid_and_bilingual() -> None:
    form = load_form(INTERVIEW)
    assert form.form_id == "imvo_interview_guide"
    assert form.languages == ("nl", "en")
    assert [group.name for group in form.groups()] == ["interview", "topics", "quotes", "follow_up"]
    assert len(form.questions()) == 19
    assert form.find("interview_date").type == "date"  # type: ignore[union-attr]


def test_check_form_gives_the_line_the_cli_prints() -> None:
    assert check_form(EVALUATION) == "ok imvo_guidelines_evaluation 2026120502 48 questions"
    assert check_form(INTERVIEW) == "ok imvo_interview_guide 2026120502 19 questions"


def sheet_values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    workbook = load_workbook(path, read_only=True)
    values = {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook}
    workbook.close()
    return values


def test_the_shipped_forms_are_what_their_generator_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location("build_forms", SURVEYS / "src" / "build_forms.py")
    assert spec is not None and spec.loader is not None
    build_forms = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "build_forms", build_forms)  # dataclasses look it up
    spec.loader.exec_module(build_forms)
    for shipped, source in (
        (EVALUATION, build_forms.evaluation_survey),
        (INTERVIEW, build_forms.interview_guide),
    ):
        rebuilt = tmp_path / shipped.name
        build_forms.write_form(rebuilt, *source())
        assert sheet_values(rebuilt) == sheet_values(shipped), f"run {spec.origin}"


# The model


def test_a_small_form_becomes_nested_groups_questions_and_choices(form_path: Path) -> None:
    write_form(
        form_path,
        [
            ["begin group", "page", "Page"],
            ["select_one yes_no", "likes", "Do you like it?", "", "", "", "yes"],
            ["begin_group", "inner", "Inner", "${likes} = 'yes'"],
            ["integer", "age", "Age", "", ". > 0"],
            ["note", "thanks", "Thanks, ${age}"],
            ["calculate", "double", "", "", "", "${age} * 2"],
            ["acknowledge", "ok", "OK?"],
            ["end_group"],
            ["end group"],
        ],
    )
    form = load_form(form_path)
    assert [question.name for question in form.questions()] == ["likes", "age", "ok"]
    assert [question.name for question in form.fields()] == [
        "likes",
        "age",
        "thanks",
        "double",
        "ok",
    ]
    page = form.items[0]
    assert isinstance(page, Group) and page.row == 2
    inner = page.items[1]
    assert isinstance(inner, Group)
    assert inner.relevant is not None and inner.relevant.names() == {"likes"}
    likes = form.find("likes")
    assert isinstance(likes, Question)
    assert likes.required is True and likes.row == 3 and likes.list_name == "yes_no"
    assert [choice.name for choice in form.choices(likes)] == ["yes", "no"]
    assert form.find("nothing") is None
    assert form.languages == ("default",)
    assert form.title == {"default": "test_form"}


def test_languages_come_from_the_code_in_parentheses_else_the_whole_suffix(
    form_path: Path,
) -> None:
    write_form(
        form_path,
        [
            [
                "type",
                "name",
                "label",
                "label::Nederlands (nl)",
                "label::Deutsch",
                "hint::English (en)",
            ],
            ["text", "a", "A", "Een", "Ein", "Type A"],
        ],
        settings=[["form_id", "version", "default_language"], ["f", "1", "English (en)"]],
    )
    form = load_form(form_path)
    assert form.default_language == "en"
    assert form.languages == ("nl", "Deutsch", "en")
    question = form.fields()[0]
    assert question.label == {"en": "A", "nl": "Een", "Deutsch": "Ein"}
    assert question.hint == {"en": "Type A"}
    assert form.text(question.label, "nl") == "Een"
    assert form.text(question.label, "fr") == "A"
    assert language_of("English (en)") == ("en", "English")
    assert language_of("en") == ("en", "en")


def test_the_first_language_is_the_default_when_the_settings_name_none(form_path: Path) -> None:
    write_form(
        form_path,
        [
            ["type", "name", "label::Nederlands (nl)", "label::English (en)"],
            ["text", "a", "Een", "A"],
        ],
        choices=None,
    )
    form = load_form(form_path)
    assert form.default_language == "nl"
    assert form.languages == ("nl", "en")


def test_spreadsheet_numbers_and_booleans_are_read_as_text(form_path: Path) -> None:
    write_form(
        form_path,
        [["select_one scale", "score", "Score", "", "", "", True]],
        choices=[["list_name", "name", "label"], ["scale", 1, "One"], ["scale", 2.0, "Two"]],
        settings=[["form_id", "version"], ["f", 2026010101]],
    )
    form = load_form(form_path)
    assert form.version == "2026010101"
    assert [choice.name for choice in form.choice_lists["scale"]] == ["1", "2"]
    assert form.fields()[0].required is True


def test_unknown_columns_and_sheets_are_ignored(form_path: Path) -> None:
    write_form(
        form_path,
        [
            ["type", "name", "label", "media::image", "bind::odk:length"],
            ["text", "a", "A", "x", "y"],
        ],
        extra_sheets={"notes": [["anything"]]},
    )
    assert load_form(form_path).fields()[0].name == "a"


def test_choice_columns_are_kept_for_a_choice_filter(form_path: Path) -> None:
    write_form(
        form_path,
        [
            ["type", "name", "label", "choice_filter"],
            ["select_one region", "region", "Region"],
            ["select_one country", "country", "Country", "region = ${region}"],
        ],
        choices=[
            ["list_name", "name", "label", "region"],
            ["region", "africa", "Africa"],
            ["country", "ke", "Kenya", "africa"],
        ],
    )
    form = load_form(form_path)
    country = form.find("country")
    assert isinstance(country, Question) and country.choice_filter is not None
    assert country.choice_filter.columns() == {"region"}
    assert form.choice_lists["country"][0].extra == {"region": "africa"}


def test_required_may_be_an_expression_kept_as_text(form_path: Path) -> None:
    write_form(
        form_path,
        [
            ["select_one yes_no", "q1", "Q1", "", "", "", "no"],
            ["text", "q2", "Q2", "", "", "", "${q1} = 'yes'"],
            ["text", "q3", "Q3", "", "", "", "TRUE"],
            ["text", "q4", "Q4", "", "", "", 0],
        ],
    )
    assert [question.required for question in load_form(form_path).fields()] == [
        False,
        "${q1} = 'yes'",
        True,
        False,
    ]


# Files that are not forms


def test_a_file_that_is_not_a_workbook_is_refused(form_path: Path) -> None:
    form_path.write_text("type,name,label\ntext,a,A\n")
    problem = only_problem(form_path)
    assert (problem.sheet, problem.row, problem.column) == (None, None, None)
    assert problem.message == "this is not an .xlsx workbook"


def test_an_old_xls_workbook_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "form.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    assert "save it as .xlsx" in only_problem(path).message


def test_a_zip_that_is_not_a_workbook_is_refused(form_path: Path) -> None:
    with zipfile.ZipFile(form_path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert only_problem(form_path).message == "this is a zip file but not an .xlsx workbook"


def test_a_damaged_workbook_is_a_problem_not_a_crash(form_path: Path) -> None:
    with zipfile.ZipFile(form_path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<not closed")
    assert "cannot be read as .xlsx" in only_problem(form_path).message


def test_a_damaged_sheet_is_a_problem_not_a_crash(form_path: Path, tmp_path: Path) -> None:
    good = write_form(tmp_path / "good.xlsx", [["text", "a", "A"]])
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(form_path, "w") as target:
        for entry in source.infolist():
            damaged = entry.filename == "xl/worksheets/sheet1.xml"
            target.writestr(entry, b"<worksheet><sheetData><row" if damaged else source.read(entry))
    assert "cannot be read as .xlsx" in only_problem(form_path).message


@pytest.mark.parametrize(
    ("part", "pattern", "replacement"),
    [
        ("xl/workbook.xml", rb'sheetId="\d+"', b'sheetId="true"'),  # openpyxl: TypeError
        ("xl/worksheets/sheet1.xml", rb'bottom="[^"]*"', b'bottom=""'),
        ("xl/styles.xml", rb'(<cellStyle [^>]*xfId=")\d+"', rb'\g<1>99"'),  # IndexError
    ],
)
def test_a_damaged_attribute_is_a_problem_not_a_crash(
    form_path: Path, part: str, pattern: bytes, replacement: bytes
) -> None:
    """Found by mutating the shipped form at random: openpyxl raised TypeError and
    IndexError, which escaped the form check."""
    shipped = shipped_surveys_dir() / "imvo_guidelines_evaluation.xlsx"
    with zipfile.ZipFile(shipped) as source, zipfile.ZipFile(form_path, "w") as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == part:
                content, count = re.subn(pattern, replacement, content, count=1)
                assert count == 1
            target.writestr(entry, content)
    assert "cannot be read as .xlsx" in only_problem(form_path).message


def test_a_file_over_20_mb_is_refused_unread(form_path: Path) -> None:
    with form_path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)
    assert only_problem(form_path).message == "the file is 20.0 MB, over the 20 MB a form may be"


def test_a_missing_file_is_a_problem(tmp_path: Path) -> None:
    assert only_problem(tmp_path / "nowhere.xlsx").message.startswith("cannot read the file")


def test_an_empty_workbook_lacks_the_survey_and_the_settings(form_path: Path) -> None:
    Workbook().save(form_path)
    assert [problem.message for problem in problems_of(form_path)] == [
        "the workbook has no 'survey' sheet",
    ]


def test_a_survey_without_rows_has_no_questions(form_path: Path) -> None:
    write_form(form_path, [])
    problem = only_problem(form_path)
    assert (problem.sheet, problem.message) == ("survey", "the survey sheet has no questions")


def test_load_form_raises_form_error_with_one_line_per_problem(form_path: Path) -> None:
    write_form(form_path, [["osm", "where", "Where?"], ["text", "a b", "A"]])
    with pytest.raises(FormError) as caught:
        load_form(form_path)
    assert len(caught.value.problems) == 2
    assert str(caught.value).splitlines() == [
        f"{form_path} is not a valid survey form (2 problems):",
        "sheet survey, row 2, column A (type): osm (OpenStreetMap) questions are not supported "
        "by postkit",
        "sheet survey, row 3, column B (name): name 'a b' must start with a letter or '_' and "
        "hold only letters, digits, '_', '-' and '.'",
    ]


def test_a_workbook_in_memory_loads_like_a_file(form_path: Path) -> None:
    assert load_form_bytes(EVALUATION.read_bytes()).form_id == "imvo_guidelines_evaluation"
    with pytest.raises(FormError):
        load_form_bytes(b"not a workbook", "upload.xlsx")


# One rule each


@pytest.mark.parametrize(
    "type_text",
    ["start-geopoint", "background-audio", "xml-external", "geopoints", "text area"],
)
def test_an_unsupported_type_is_named_with_its_cell(form_path: Path, type_text: str) -> None:
    write_form(form_path, [["text", "a", "A"], [type_text, "b", "B"]])
    problem = only_problem(form_path)
    assert (problem.sheet, problem.row, problem.column, problem.header) == (
        "survey",
        3,
        "A",
        "type",
    )
    assert problem.message == f"type '{type_text}' is not supported by postkit"


@pytest.mark.parametrize(
    ("type_text", "message"),
    [
        ("begin loop", "'begin loop' (a repeat over a choice list) is not supported"),
        ("osm", "osm (OpenStreetMap) questions are not supported by postkit"),
        ("include", "'include' of another form is not supported by postkit"),
        ("select_one_from_file x.csv", "external choice lists"),
        ("select_one_external yes_no", "external choice lists"),
    ],
)
def test_what_postkit_does_not_run_is_refused_with_a_reason(
    form_path: Path, type_text: str, message: str
) -> None:
    write_form(form_path, [["text", "a", "A"], [type_text, "b", "B"]])
    problem = only_problem(form_path)
    assert (problem.sheet, problem.row, problem.column) == ("survey", 3, "A")
    assert problem.message.startswith(message)


@pytest.mark.parametrize(
    ("column", "text", "message"),
    [
        ("relevant", "pulldata('fruits', 'name', 'key', 'x') = 'a'", "pulldata() is not"),
        ("relevant", "/data/a = 'x'", "paths such as /data/x are not supported"),
        ("calculation", "concat(/data/a, 'x')", "paths such as /data/x are not supported"),
    ],
)
def test_pulldata_and_absolute_paths_are_refused_with_their_cell(
    form_path: Path, column: str, text: str, message: str
) -> None:
    cells = {"relevant": [text], "calculation": ["", "", text]}[column]
    write_form(form_path, [["text", "a", "A"], ["text", "b", "B", *cells]])
    problem = only_problem(form_path)
    assert (problem.row, problem.header) == (3, column)
    assert problem.message.startswith(message)


def test_a_division_is_not_taken_for_a_path(form_path: Path) -> None:
    write_form(form_path, [["integer", "a", "A"], ["calculate", "c", "", "", "", "${a} div 2"]])
    assert load_form(form_path).find("c") is not None


def test_or_other_adds_the_other_choice_and_its_text_question(form_path: Path) -> None:
    write_form(form_path, [["select_one yes_no or_other", "a", "A"]])
    form = load_form(form_path)
    question = form.find("a")
    assert isinstance(question, Question)
    assert [choice.name for choice in form.choices(question)] == ["yes", "no", "other"]
    other = form.find("a_other")
    assert isinstance(other, Question) and other.type == "text"
    assert other.relevant is not None and other.relevant.names() == {"a"}


def test_a_select_needs_a_list_name(form_path: Path) -> None:
    write_form(form_path, [["select_multiple", "a", "A"]])
    assert only_problem(form_path).message == "write 'select_multiple LIST', naming a choice list"


def test_a_select_needs_an_existing_list(form_path: Path) -> None:
    write_form(form_path, [["text", "a", "A"], ["select_one colours", "b", "B"]])
    problem = only_problem(form_path)
    assert (problem.sheet, problem.row, problem.column) == ("survey", 3, "A")
    assert problem.message == "list 'colours' is not on the choices sheet"


def test_a_select_without_a_choices_sheet(form_path: Path) -> None:
    write_form(form_path, [["select_one yes_no", "a", "A"]], choices=None)
    assert only_problem(form_path).message == (
        "list 'yes_no' is not on the workbook, which has no choices sheet"
    )


@pytest.mark.parametrize("name", ["1st", "a b", "é?", "-a"])
def test_a_name_starts_with_a_letter_or_underscore_and_has_no_odd_characters(
    form_path: Path, name: str
) -> None:
    write_form(form_path, [["text", name, "A"]])
    problem = only_problem(form_path)
    assert (problem.sheet, problem.row, problem.column, problem.header) == (
        "survey",
        2,
        "B",
        "name",
    )
    assert problem.message.startswith(f"name '{name}' must start with a letter or '_'")


def test_names_with_letters_digits_and_punctuation_are_accepted(form_path: Path) -> None:
    write_form(form_path, [["text", "_a1.b-c", "A"], ["text", "één", "B"]])
    assert [q.name for q in load_form(form_path).fields()] == ["_a1.b-c", "één"]


def test_a_name_is_used_once(form_path: Path) -> None:
    write_form(
        form_path,
        [["begin group", "a", "Group"], ["text", "b", "B"], ["text", "a", "A"], ["end group"]],
    )
    problem = only_problem(form_path)
    assert (problem.row, problem.column) == (4, "B")
    assert problem.message == "name 'a' is already used on row 2"


def test_a_question_needs_a_name(form_path: Path) -> None:
    write_form(form_path, [["text", "", "A"]])
    problem = only_problem(form_path)
    assert (problem.row, problem.column, problem.message) == (2, "B", "the name is empty")


def test_a_row_with_a_name_needs_a_type(form_path: Path) -> None:
    write_form(form_path, [["text", "a", "A"], ["", "b", "B"]])
    problem = only_problem(form_path)
    assert (problem.row, problem.column) == (3, "A")
    assert problem.message == "the row has a name but no type"


def test_rows_are_numbered_as_in_the_spreadsheet_despite_blank_rows(form_path: Path) -> None:
    write_form(form_path, [["text", "a", "A"], [], [None, None], ["text", "b", ""]])
    problem = only_problem(form_path)
    assert (problem.row, problem.column) == (5, "C")


def test_a_question_that_shows_needs_a_label(form_path: Path) -> None:
    write_form(form_path, [["note", "n", ""], ["calculate", "c", "", "", "", "1 + 1"]])
    problem = only_problem(form_path)
    assert (problem.sheet, problem.row, problem.column, problem.header) == (
        "survey",
        2,
        "C",
        "label",
    )
    assert problem.message == "question 'n' has no label"


def test_a_label_in_one_language_is_enough(form_path: Path) -> None:
    write_form(
        form_path,
        [["type", "name", "label::Nederlands (nl)", "label::English (en)"], ["text", "a", "", "A"]],
    )
    assert load_form(form_path).fields()[0].label == {"en": "A"}


def test_a_form_without_a_label_column_names_the_missing_column(form_path: Path) -> None:
    write_form(form_path, [["type", "name"], ["text", "a"]])
    problem = only_problem(form_path)
    assert (problem.column, problem.header) == (None, "label")
    assert str(problem) == "sheet survey, row 2, column label: question 'a' has no label"


def test_an_end_group_needs_a_begin_group(form_path: Path) -> None:
    write_form(form_path, [["text", "a", "A"], ["end group"]])
    problem = only_problem(form_path)
    assert (problem.row, problem.column) == (3, "A")
    assert problem.message == "'end group' without a 'begin group'"


def test_a_begin_group_needs_an_end_group(form_path: Path) -> None:
    write_form(
        form_path,
        [
            ["begin group", "outer", "O"],
            ["begin group", "inner", "I"],
            ["text", "a", "A"],
            ["end group"],
        ],
    )
    problem = only_problem(form_path)
    assert (problem.row, problem.column) == (2, "A")
    assert problem.message == "group 'outer' is never closed with 'end group'"


@pytest.mark.parametrize(
    ("column", "letter", "text"),
    [
        ("relevant", "D", "${missing} = 'yes'"),
        ("constraint", "E", ". < ${missing}"),
        ("required", "G", "${missing} = 'yes'"),
    ],
)
def test_a_reference_names_a_question_of_the_form(
    form_path: Path, column: str, letter: str, text: str
) -> None:
    cells = {"relevant": "", "constraint": "", "calculation": "", "required": ""}
    cells[column] = text
    write_form(form_path, [["integer", "a", "A", *cells.values()]])
    problem = only_problem(form_path)
    assert (problem.row, problem.column, problem.header) == (2, letter, column)
    assert problem.message == "${missing} does not refer to a question of this form"


def test_a_calculation_may_refer_forward(form_path: Path) -> None:
    write_form(form_path, [["calculate", "c", "", "", "", "${b} + 1"], ["integer", "b", "B"]])
    assert load_form(form_path).find("c") is not None


def test_a_reference_in_a_label_names_a_question_of_the_form(form_path: Path) -> None:
    write_form(form_path, [["note", "n", "You said ${nope}"]])
    problem = only_problem(form_path)
    assert (problem.row, problem.column) == (2, "C")
    assert problem.message == "${nope} does not refer to a question of this form"


def test_a_malformed_expression_is_reported_with_its_position(form_path: Path) -> None:
    write_form(form_path, [["integer", "a", "A"], ["text", "b", "B", "${a} > > 3"]])
    problem = only_problem(form_path)
    assert (problem.sheet, problem.row, problem.column, problem.header) == (
        "survey",
        3,
        "D",
        "relevant",
    )
    assert problem.message == "relevant '${a} > > 3': unexpected '>' at character 8"


def test_python_is_never_evaluated(form_path: Path) -> None:
    write_form(form_path, [["calculate", "c", "", "", "", "__import__('os').getcwd()"]])
    assert "unknown function '__import__'" in only_problem(form_path).message


def test_a_calculate_needs_a_calculation(form_path: Path) -> None:
    write_form(form_path, [["calculate", "c", ""]])
    problem = only_problem(form_path)
    assert (problem.row, problem.column, problem.header) == (2, "F", "calculation")
    assert problem.message == "calculate 'c' has no calculation"


def test_an_asked_question_may_take_a_calculation(form_path: Path) -> None:
    write_form(form_path, [["integer", "a", "A", "", "", "1 + 1"]])
    question = load_form(form_path).find("a")
    assert isinstance(question, Question)
    assert question.calculation is not None and question.is_calculated


def test_a_calculation_cannot_depend_on_itself(form_path: Path) -> None:
    write_form(
        form_path,
        [["calculate", "x", "", "", "", "${y} + 1"], ["calculate", "y", "", "", "", "${x} * 2"]],
    )
    problem = only_problem(form_path)
    assert problem.header == "calculation"
    assert problem.message == "the calculation depends on itself: ${x} → ${y} → ${x}"


@pytest.mark.parametrize(
    ("column", "letter"), [("relevant", "D"), ("calculation", "F"), ("required", "G")]
)
def test_the_current_answer_dot_is_only_for_a_constraint(
    form_path: Path, column: str, letter: str
) -> None:
    cells = {"relevant": "", "constraint": ". > 1", "calculation": "", "required": ""}
    cells[column] = ". > 1"
    kind = "calculate" if column == "calculation" else "integer"
    write_form(form_path, [[kind, "a", "A", *cells.values()]])
    problem = only_problem(form_path)
    assert (problem.row, problem.column, problem.header) == (2, letter, column)
    assert problem.message == "'.' (this question's answer) can be used only in a constraint"


@pytest.mark.parametrize("value", ["maybe", "Y"])
def test_required_is_yes_or_no_or_an_expression(form_path: Path, value: str) -> None:
    write_form(form_path, [["text", "a", "A", "", "", "", value]])
    problem = only_problem(form_path)
    assert (problem.row, problem.column, problem.header) == (2, "G", "required")
    assert problem.message == f"required is '{value}': write yes or no, or an expression"


def test_a_required_expression_must_parse(form_path: Path) -> None:
    write_form(form_path, [["text", "a", "A"], ["text", "b", "B", "", "", "", "${a} ="]])
    problem = only_problem(form_path)
    assert (problem.row, problem.column) == (3, "G")
    assert problem.message == (
        "required '${a} =' is not yes, no or an expression: "
        "unexpected end of the expression at character 7"
    )


def test_an_invalid_regular_expression_is_found_before_the_form_runs(form_path: Path) -> None:
    write_form(form_path, [["text", "a", "A", "", "regex(., '[a-z')"]])
    problem = only_problem(form_path)
    assert (problem.row, problem.column) == (2, "E")
    assert problem.message == (
        "constraint 'regex(., '[a-z')': invalid regular expression: unterminated character set "
        "at character 10"
    )


def test_choice_names_are_unique_within_a_list(form_path: Path) -> None:
    write_form(
        form_path,
        [["select_one colour", "c", "Colour"]],
        choices=[
            ["list_name", "name", "label"],
            ["colour", "red", "Red"],
            ["size", "red", "Red size"],
            ["colour", "red", "Also red"],
        ],
    )
    problem = only_problem(form_path)
    assert (problem.sheet, problem.row, problem.column, problem.header) == (
        "choices",
        4,
        "B",
        "name",
    )
    assert problem.message == "choice 'red' appears twice in list 'colour' (first on row 2)"


def test_choice_names_of_a_select_multiple_have_no_spaces(form_path: Path) -> None:
    choices = [
        ["list_name", "name", "label"],
        ["colour", "dark red", "Dark red"],
        ["colour", "blue", "Blue"],
    ]
    write_form(form_path, [["select_one colour", "one", "One"]], choices=choices)
    assert load_form(form_path).choice_lists["colour"][0].name == "dark red"
    write_form(form_path, [["select_multiple colour", "many", "Many"]], choices=choices)
    problem = only_problem(form_path)
    assert (problem.sheet, problem.row, problem.column) == ("choices", 2, "B")
    assert problem.message.startswith(
        "choice name 'dark red' has a space; list 'colour' is used by select_multiple 'many' "
        "(survey row 2)"
    )


def test_a_choice_needs_a_label(form_path: Path) -> None:
    write_form(
        form_path,
        [["select_one yes_no", "a", "A"]],
        choices=[["list_name", "name", "label"], ["yes_no", "yes", "Yes"], ["yes_no", "no"]],
    )
    problem = only_problem(form_path)
    assert (problem.sheet, problem.row, problem.column) == ("choices", 3, "C")
    assert problem.message == "choice 'no' of list 'yes_no' has no label"


def test_a_choice_needs_a_list_name(form_path: Path) -> None:
    write_form(
        form_path, [["text", "a", "A"]], choices=[["list_name", "name", "label"], ["", "x", "X"]]
    )
    problem = only_problem(form_path)
    assert (problem.sheet, problem.row, problem.column) == ("choices", 2, "A")
    assert problem.message == "choice 'x' has no list_name"


def test_a_choice_filter_uses_columns_of_its_list(form_path: Path) -> None:
    write_form(
        form_path,
        [
            ["type", "name", "label", "choice_filter"],
            ["select_one yes_no", "a", "A", "colour = 'red'"],
        ],
    )
    problem = only_problem(form_path)
    assert (problem.row, problem.column) == (2, "D")
    assert problem.message == "'colour' is not a column of list 'yes_no'"


@pytest.mark.parametrize(
    ("kind", "default", "message"),
    [
        ("integer", "1.5", "default '1.5' must be a whole number"),
        ("date", "25-11-2026", "default '25-11-2026' must be a date written yyyy-mm-dd"),
        ("select_one yes_no", "maybe", "default 'maybe' is not a choice of list 'yes_no'"),
        (
            "select_multiple yes_no",
            "yes perhaps",
            "default 'perhaps' is not a choice of list 'yes_no'",
        ),
    ],
)
def test_a_default_fits_its_question(
    form_path: Path, kind: str, default: str, message: str
) -> None:
    write_form(form_path, [["type", "name", "label", "default"], [kind, "a", "A", default]])
    problem = only_problem(form_path)
    assert (problem.row, problem.column, problem.header) == (2, "D", "default")
    assert problem.message == message


@pytest.mark.parametrize(
    ("kind", "cell", "default"),
    [
        ("decimal", "2,5", "2.5"),  # Excel in a Dutch locale, a number kept as text
        ("decimal", "2.5", "2.5"),  # English locale, kept as text
        ("decimal", 2.5, "2.5"),  # a number cell, either locale
        ("integer", 3.0, "3"),  # a whole number cell
        ("integer", "3", "3"),
        ("date", datetime(2026, 11, 25), "2026-11-25"),  # a date cell, either locale
        ("date", date(2026, 11, 25), "2026-11-25"),
        ("date", "2026-11-25", "2026-11-25"),  # ISO text
    ],
    ids=[
        "decimal-comma-text",
        "decimal-point-text",
        "decimal-number-cell",
        "integer-number-cell",
        "integer-text",
        "date-time-cell",
        "date-cell",
        "date-iso-text",
    ],
)
def test_a_default_is_read_as_excel_writes_it_in_either_locale(
    form_path: Path, kind: str, cell: object, default: str
) -> None:
    write_form(form_path, [["type", "name", "label", "default"], [kind, "a", "A", cell]])

    assert load_form(form_path).fields()[0].default == default


def test_a_column_appears_once(form_path: Path) -> None:
    write_form(form_path, [["type", "name", "label", "label"], ["text", "a", "A", "B"]])
    problem = only_problem(form_path)
    assert (problem.sheet, problem.row, problem.column) == ("survey", 1, "D")
    assert problem.message == "column 'label' appears twice (also column C)"


def test_without_a_version_the_content_hash_tells_versions_apart(form_path: Path) -> None:
    write_form(form_path, [["text", "a", "A"]], settings=[["form_id", "form_title"], ["f", "F"]])
    first = load_form(form_path)
    assert load_form(form_path).version == first.version
    write_form(form_path, [["text", "a", "Another"]], settings=[["form_id"], ["f"]])
    second = load_form(form_path)
    assert (first.form_id, second.form_id) == ("f", "f")
    assert first.version != second.version
    assert len(first.version) <= 40


def test_id_string_is_the_old_name_of_form_id(form_path: Path) -> None:
    write_form(form_path, [["text", "a", "A"]], settings=[["id_string", "version"], ["old", "3"]])
    form = load_form(form_path)
    assert (form.form_id, form.version) == ("old", "3")


def test_a_form_id_has_no_spaces(form_path: Path) -> None:
    write_form(form_path, [["text", "a", "A"]], settings=[["form_id", "version"], ["my form", "1"]])
    problem = only_problem(form_path)
    assert (problem.sheet, problem.row, problem.column) == ("settings", 2, "A")
    assert problem.message == "form_id 'my form' has spaces or is over 100 characters"


def test_without_settings_the_form_id_is_the_file_name(tmp_path: Path) -> None:
    path = write_form(tmp_path / "due diligence 2027.xlsx", [["text", "a", "A"]], settings=None)
    form = load_form(path)
    assert form.form_id == "due_diligence_2027"
    assert form.version.startswith("sha256-")
    assert load_form_bytes(path.read_bytes(), path.name).form_id == "due_diligence_2027"


def test_the_default_language_is_a_language_of_the_form(form_path: Path) -> None:
    write_form(
        form_path,
        [["type", "name", "label::Nederlands (nl)"], ["text", "a", "A"]],
        choices=None,
        settings=[["form_id", "version", "default_language"], ["f", "1", "Français (fr)"]],
    )
    problem = only_problem(form_path)
    assert (problem.sheet, problem.row, problem.column) == ("settings", 2, "C")
    assert problem.message == "default_language 'Français (fr)' is not a language of the form (nl)"


def test_every_problem_of_a_form_is_reported_in_sheet_order(form_path: Path) -> None:
    write_form(
        form_path,
        [["osm", "g", "G"], ["text", "t", ""]],
        choices=[["list_name", "name", "label"], ["l", "a", "A"], ["l", "a", "A"]],
        settings=[["form_id"], ["f g"]],
    )
    assert [(p.sheet, p.row) for p in problems_of(form_path)] == [
        ("settings", 2),
        ("survey", 2),
        ("survey", 3),
        ("choices", 3),
    ]


def test_what_the_reference_parser_refuses_names_its_cell(form_path: Path) -> None:
    write_form(
        form_path,
        [["type", "name", "label", "parameters"], ["text", "a", "A"], ["range", "r", "R", "x=1"]],
    )
    problem = only_problem(form_path)
    assert (problem.sheet, problem.row, problem.column, problem.header) == (
        "survey",
        3,
        "D",
        "parameters",
    )
    assert problem.message.startswith("pyxform: ")
    assert "'x'" in problem.message


@pytest.mark.parametrize(("relevant", "shown"), [("yes", True), ("no", False), ("FALSE", False)])
def test_relevant_may_be_written_yes_or_no(form_path: Path, relevant: str, shown: bool) -> None:
    write_form(form_path, [["text", "a", "A", relevant]])
    session = FormSession(load_form(form_path))
    assert session.visible("a") is shown


def test_a_choice_filter_reads_an_extra_column_of_the_choices(form_path: Path) -> None:
    write_form(
        form_path,
        [["select_one regions", "region", "Region"], ["select_one countries", "c", "C"]],
        choices=[
            ["list_name", "name", "label", "region"],
            ["regions", "africa", "Africa"],
            ["regions", "asia", "Asia"],
            ["countries", "kenya", "Kenya", "africa"],
            ["countries", "india", "India", "asia"],
        ],
    )
    with_filter = load_workbook(form_path)
    with_filter["survey"]["H1"] = "choice_filter"
    with_filter["survey"]["H3"] = "region=${region}"
    with_filter.save(form_path)
    session = FormSession(load_form(form_path))
    session.set_answer("region", "asia")
    assert [choice.name for choice in session.choices("c")] == ["india"]


@pytest.mark.parametrize(
    "header", ["image", "media::image", "image::English (en)", "media::image::English (en)"]
)
def test_a_row_whose_only_label_is_an_image_is_labelled_in_each_spelling(
    tmp_path: Path, header: str
) -> None:
    """pyxform reads `media::image` (with or without a language) as the `image` column."""
    path = write_form(
        tmp_path / "banner.xlsx",
        [["type", "name", header], ["note", "banner", "logo.png"], ["text", "name", ""]],
    )
    form, problems = validate_form(path)
    assert form is None
    assert [(p.row, p.message) for p in problems] == [(3, "question 'name' has no label")]
    survey = [["type", "name", header], ["note", "banner", "logo.png"]]
    path = write_form(tmp_path / "banner.xlsx", survey)
    form = load_form(path)
    banner = form.find("banner")
    assert isinstance(banner, Question)
    assert list(banner.media) == ["image"] and "logo.png" in banner.media["image"].values()


def test_a_search_appearance_is_refused_as_an_external_choice_list(form_path: Path) -> None:
    """search('file') fills a select from a CSV attached to the form, as select_one_from_file
    does: postkit has no such file to read, so it says so instead of showing the sheet's."""
    write_form(
        form_path,
        [
            ["type", "name", "label", "appearance"],
            ["select_one yes_no", "a", "A", "minimal search('fruits')"],
        ],
    )
    problem = only_problem(form_path)
    assert (problem.row, problem.header) == (2, "appearance")
    assert problem.message.startswith("search() appearances are not supported by postkit")
