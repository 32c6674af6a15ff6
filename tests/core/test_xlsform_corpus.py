"""The XLSForm corpus in tests/data/xlsforms: forms written as KoboToolbox and the XLSForm
documentation write them load, convert with pyxform itself, run and export."""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pyxform.builder import create_survey_from_xls
from sqlalchemy.orm import Session

from postkit.core.errors import ValidationError
from postkit.core.hq.reading import read_export
from postkit.core.surveys.engine import FormSession
from postkit.core.surveys.export import export_responses_csv, export_responses_xlsx
from postkit.core.surveys.forms import Question
from postkit.core.surveys.service import (
    import_form,
    list_responses,
    session_metadata,
    start_response,
    submit_response,
)
from postkit.core.surveys.xlsform import load_form

CORPUS = Path(__file__).resolve().parents[1] / "data" / "xlsforms"
KOBO = CORPUS / "kobo_due_diligence.xlsx"
NEW_TYPES = CORPUS / "all_new_types.xlsx"
PLAIN = CORPUS / "plain_form.xlsx"
NOW = datetime(2027, 3, 1, 9, 30).astimezone()
AUDIT_HEADER = ("_submission__uuid", "event", "node", "start", "end")


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_forms", CORPUS / "make_forms.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_forms"] = module
    spec.loader.exec_module(module)
    return module


def _cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return {sheet.title: list(sheet.values) for sheet in workbook.worksheets}
    finally:
        workbook.close()


def test_the_corpus_is_what_its_generator_writes(tmp_path: Path) -> None:
    generator = _generator()
    for name, sheets in generator.FORMS.items():
        written = generator.write(tmp_path / name, sheets)
        assert _cells(written) == _cells(CORPUS / name), name


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.xlsx")), ids=lambda path: path.stem)
def test_each_corpus_form_loads_and_the_reference_converts_it(path: Path) -> None:
    form = load_form(path)
    xml = create_survey_from_xls(str(path)).to_xml(validate=False)
    assert f'id="{form.form_id}"' in xml
    assert form.questions()


def test_kobo_style_languages_aliases_and_settings_follow_the_reference() -> None:
    form = load_form(KOBO)
    assert (form.form_id, form.version, form.default_language) == (
        "due_diligence",
        "2027010101",
        "en",
    )
    assert form.languages == ("en", "nl")
    assert form.title == {"en": "Due diligence"}
    assert form.style == "pages"
    types = {question.name: question.type for question in form.fields()}
    assert types["role"] == "select_one"  # select one from roles
    assert types["country"] == "select_one"  # select1 countries
    assert types["tools"] == "select_multiple"  # select all that apply from tools
    assert types["phone"] == types["email_address"] == "text"  # phone number, string
    assert types["companies"] == "integer"  # int
    assert [types[name] for name in ("start", "end", "today", "deviceid", "username")] == [
        "start",
        "end",
        "today",
        "deviceid",
        "username",
    ]
    assert types["audit"] == "audit"
    banner = form.find("banner")
    assert isinstance(banner, Question) and banner.media == {"image": {"en": "logo.png"}}


def test_smart_quotes_in_an_expression_read_as_straight_quotes() -> None:
    form = load_form(KOBO)
    session = FormSession(form, now=NOW)
    session.set_answers({"companies": 0, "role": "staff"})
    assert session.visible("tools_note")
    session.set_answer("role", "head")
    assert not session.visible("tools_note")


def test_or_other_offers_other_and_asks_what_it_is() -> None:
    session = FormSession(load_form(KOBO), now=NOW)
    assert not session.visible("region_other")
    session.set_answer("region", "other")
    assert session.visible("region_other")
    assert session.label(session.question("region_other")) == "Specify other."


def test_metadata_is_filled_in_without_being_shown() -> None:
    form = load_form(KOBO)
    session = FormSession(
        form, now=NOW, today=date(2027, 3, 1), metadata={"username": "Tess", "deviceid": "d-1"}
    )
    assert session.value("start") == NOW.isoformat(timespec="seconds")
    assert session.value("today") == "2027-03-01"
    assert (session.value("username"), session.value("deviceid")) == ("Tess", "d-1")
    assert session.value("end") is None
    assert all(page.items[0].name not in {"start", "end", "audit"} for page in session.pages())
    session.focus("role", NOW)
    session.focus("region", NOW)
    session.finish(NOW)
    assert session.value("end") == NOW.isoformat(timespec="seconds")
    log = str(session.value("audit")).splitlines()
    assert log[0] == "event,node,start,end"
    assert [line.split(",")[:2] for line in log[1:]] == [
        ["question", "/data/about/role"],
        ["question", "/data/about/region"],
        ["form finalize", ""],
    ]


def test_a_resumed_response_keeps_its_start() -> None:
    form = load_form(KOBO)
    first = FormSession(form, now=NOW)
    later = FormSession(form, first.answers(), now=datetime(2027, 3, 2, 8, 0).astimezone())
    assert later.value("start") == first.value("start")


def test_a_calculation_sets_an_asked_question_and_a_trigger_only_on_change() -> None:
    session = FormSession(load_form(KOBO), now=NOW)
    session.set_answer("companies", 4)
    assert session.value("companies_twice") == 8
    assert session.value("estimate") == 5
    session.set_answer("estimate", 7)  # the respondent corrects it
    session.set_answer("tools_note", "x")
    assert session.value("estimate") == 7
    session.set_answer("companies", 5)
    assert session.value("estimate") == 6


def test_dynamic_and_read_only_defaults() -> None:
    form = load_form(KOBO)
    session = FormSession(form, today=date(2027, 3, 1), now=NOW)
    assert session.value("visit") == date(2027, 3, 1)
    assert session.value("post") == "Testland"
    post = form.find("post")
    assert isinstance(post, Question) and post.read_only
    # ${companies} + 3 with no companies yet: nothing; ODK computes it once, on opening.
    assert session.value("staff") is None


def test_instance_name_titles_the_response() -> None:
    session = FormSession(load_form(KOBO), now=NOW)
    session.set_answers({"role": "head", "region": "africa", "country": "kenya"})
    assert session.instance_title() == "head - kenya"


def test_single_colon_languages_and_id_string_without_version() -> None:
    form = load_form(NEW_TYPES)
    assert form.form_id == "new_types"
    assert form.version.startswith("sha256-")
    assert form.languages == ("English", "Français")
    rank = form.find("priorities")
    assert isinstance(rank, Question)
    assert rank.hint == {"English": "Most important first"}


@pytest.mark.parametrize(
    ("name", "typed", "stored"),
    [
        ("meeting_time", "9:05", "09:05"),
        ("sent_at", "2027-03-01 14:30", "2027-03-01T14:30"),
        ("satisfaction", "6", 6),
        ("priorities", "climate land wages", ("climate", "land", "wages")),
        ("office", "52.08 4.31", "52.08 4.31 0 0"),
        ("route", "52 4; 53 5", "52 4 0 0;53 5 0 0"),
        ("site", "52 4; 53 5; 52 5", "52 4 0 0;53 5 0 0;52 5 0 0;52 4 0 0"),
        (
            "photo",
            "site.jpg (sha256:2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881)",
            "site.jpg (sha256:2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881)",
        ),
        ("badge", "NL-1234", "NL-1234"),
    ],
)
def test_each_new_type_stores_its_answer(name: str, typed: str, stored: object) -> None:
    session = FormSession(load_form(NEW_TYPES), now=NOW)
    session.set_answer(name, typed)
    assert session.value(name) == stored


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("meeting_time", "25:00"),
        ("sent_at", "tomorrow"),
        ("satisfaction", "5"),  # not a step of 0, 2, … 10
        ("satisfaction", "12"),
        ("priorities", "climate land"),  # a rank orders every choice
        ("office", "95 4"),
        ("route", "52 4"),
    ],
)
def test_a_new_type_refuses_what_does_not_fit(name: str, typed: str) -> None:
    session = FormSession(load_form(NEW_TYPES), now=NOW)
    with pytest.raises(ValidationError):
        session.set_answer(name, typed)


def test_a_form_without_settings_and_with_an_empty_choices_sheet() -> None:
    form = load_form(PLAIN)
    assert (form.form_id, form.choice_lists) == ("plain_form", {})
    session = FormSession(form, now=NOW)
    session.set_answers({"name": "Ada", "age": 3})
    assert session.visible("thanks")
    assert session.label(session.question("thanks")) == "Thank you, Ada"


def test_a_corpus_form_is_imported_answered_and_exported(session: Session, tmp_path: Path) -> None:
    info = import_form(session, KOBO, "Tess Tester")
    assert (info.form_id, info.version) == ("due_diligence", "2027010101")
    metadata = session_metadata("Tess Tester")
    draft = start_response(session, info.id, "Embassy Testland", "en", True, metadata=metadata)
    answers = {
        "role": "staff",
        "region": "other",
        "region_other": "Oceania",
        "companies": 2,
        "tools": ("oecd",),
        "consent": "OK",
    }
    submit_response(session, draft.id, answers, metadata=metadata)
    path = tmp_path / "export.xlsx"
    assert export_responses_xlsx(session, info.id, path, "Embassy Testland") == 1
    workbook = load_workbook(path, read_only=True)
    try:
        rows = list(workbook.worksheets[0].values)
    finally:
        workbook.close()
    header, row = rows[0], rows[1]
    record = dict(zip(header, row, strict=False))
    assert record["username"] == "Tess Tester"
    assert str(record["deviceid"]).startswith("postkit:")
    assert record["start"] and record["end"]
    assert (record["region"], record["region_other"]) == ("other", "Oceania")
    assert record["companies_twice"] == 4


def test_instance_name_titles_each_response_in_the_list(session: Session) -> None:
    info = import_form(session, KOBO, "Tess Tester")
    draft = start_response(session, info.id, "Embassy Testland", "en", True)
    answers = {"role": "head", "region": "asia", "country": "india", "companies": 1}
    submit_response(session, draft.id, answers)
    assert [response.title for response in list_responses(session, info.id)] == ["head - india"]


def test_the_audit_is_exported_as_odk_and_kobo_export_it(session: Session, tmp_path: Path) -> None:
    """The response's column names its audit.csv, as KoboToolbox and ODK Central do, and an
    `audit` sheet holds every response's events, as ODK Central's merged audit export does."""
    info = import_form(session, KOBO, "Tess Tester")
    draft = start_response(session, info.id, "Embassy Testland", "en", True)
    log = "event,node,start,end\nform start,,1000,\nquestion,/data/about/role,1000,2500"
    answers = {"role": "staff", "region": "asia", "companies": 1, "consent": "OK", "audit": log}
    submitted = submit_response(session, draft.id, answers)
    path = tmp_path / "export.xlsx"
    export_responses_xlsx(session, info.id, path, "Embassy Testland")
    cells = _cells(path)
    header, row = cells["responses"][0], cells["responses"][1]
    assert dict(zip(header, row, strict=True))["audit"] == "audit.csv"
    audit = [(*row, *(None,) * (5 - len(row))) for row in cells["audit"]]  # trailing blanks
    assert audit[:3] == [
        AUDIT_HEADER,
        (submitted.uuid, "form start", None, 1000, None),
        (submitted.uuid, "question", "/data/about/role", 1000, 2500),
    ]
    # Submitting finalizes the response, once.
    assert [row[1] for row in audit[3:]] == ["form finalize"]
    meta = dict(cells["meta"][1:])
    assert meta["audit"] == "audit"
    assert meta["sha256:audit"]
    # Headquarters reads it as any export; the audit is a metadata column it only lists.
    (read,) = read_export(path, load_form(KOBO)).records()
    assert read["audit"] == "audit.csv"
    # The CSV export: the audit sheet's rows in a file beside the responses' own.
    export_responses_csv(session, info.id, tmp_path / "out.csv", "Embassy Testland")
    with (tmp_path / "out-audit.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[:2] == [list(AUDIT_HEADER), [submitted.uuid, "form start", "", "1000", ""]]


# What issue 14 names, each to be written in at least one form of the corpus.
NAMED_FUNCTIONS = (
    "now", "format-date", "format-date-time", "date-time", "decimal-date-time", "pow", "sqrt",
    "exp", "log", "abs", "ceiling", "floor", "max", "min", "jr:choice-name", "once", "uuid",
    "join", "substring-before", "substring-after", "translate", "normalize-space",
    "boolean-from-string", "coalesce", "digest", "position", "indexed-repeat", "sum", "count",
)  # fmt: skip
NAMED_TYPES = (
    "select one from", "select all that apply from", "or_other", "or specify other",
    "phone number", "int", "string", "select1", "start", "end", "today", "deviceid", "username",
    "audit", "phonenumber", "simserial", "email", "time", "dateTime", "range", "rank", "hidden",
    "geopoint", "geotrace", "geoshape", "image", "audio", "video", "file", "barcode",
    "begin repeat", "end repeat", "calculate", "acknowledge", "note",
)  # fmt: skip
NAMED_APPEARANCES = (
    "field-list", "table-list", "likert", "minimal", "horizontal", "multiline", "quick",
)  # fmt: skip
NAMED_COLUMNS = (
    "calculation", "trigger", "default", "read_only", "relevant", "required", "choice_filter",
    "repeat_count", "constraint_message", "required_message", "hint", "parameters", "image",
    "audio", "video", "appearance",
)  # fmt: skip
NAMED_SETTINGS = (
    "form_id", "id_string", "version", "form_title", "default_language", "instance_name",
    "style", "allow_choice_duplicates",
)  # fmt: skip


def _corpus_sheets() -> dict[str, dict[str, list[tuple[object, ...]]]]:
    return {path.name: _cells(path) for path in sorted(CORPUS.glob("*.xlsx"))}


def test_the_corpus_writes_every_function_type_appearance_and_column_the_issue_names() -> None:
    forms = _corpus_sheets()
    surveys = [sheets["survey"] for sheets in forms.values()]
    headers = [str(cell).split(":")[0] for rows in surveys for cell in rows[0] if cell]
    cells = [str(cell) for rows in surveys for row in rows[1:] for cell in row if cell]
    types = [str(row[0]) for rows in surveys for row in rows[1:] if row and row[0]]
    appearances = {
        word
        for rows in surveys
        for row in rows[1:]
        for header, cell in zip(rows[0], row, strict=False)
        if header == "appearance" and cell
        for word in str(cell).split()
    }
    settings = {str(cell) for sheets in forms.values() for cell in sheets.get("settings", [[]])[0]}
    missing = [f"function {name}()" for name in NAMED_FUNCTIONS if not any(
        re.search(rf"(?<![\w:-]){re.escape(name)}\s*\(", cell) for cell in cells
    )]  # fmt: skip
    missing += [f"type {name}" for name in NAMED_TYPES if not any(
        re.search(rf"(^|\s){re.escape(name)}($|\s)", kind) for kind in types
    )]  # fmt: skip
    missing += [f"appearance {name}" for name in NAMED_APPEARANCES if name not in appearances]
    missing += [f"column {name}" for name in NAMED_COLUMNS if name not in headers]
    missing += [f"setting {name}" for name in NAMED_SETTINGS if name not in settings]
    assert not missing, missing


FOLLOW_UP = CORPUS / "kobo_follow_up.xlsx"
# JavaRosa (ODK Collect) has no ceiling() or floor(); postkit computes them as XPath 2 and
# Enketo do (see odk_expression_table.py), so their rows are left out of the oracle's form.
JAVAROSA_LACKS = {"c_ceiling": 1235.0, "c_floor": 1234.0}


@pytest.mark.slow
def test_each_function_of_the_follow_up_form_computes_as_odk_collect_does(tmp_path: Path) -> None:
    """The follow-up form's calculations (every function the issue names) as postkit computes
    them, against JavaRosa's values of the same form converted by pyxform."""
    from pyxform.xls2xform import convert

    from tests.core.test_survey_odk_semantics import _javarosa_value, _run_javarosa_form, agrees

    session = FormSession(load_form(FOLLOW_UP), now=NOW)
    names = [q.name for q in session.form.fields() if q.name.startswith("c_")]
    assert {name: session.value(name) for name in JAVAROSA_LACKS} == JAVAROSA_LACKS
    assert str(session.value("c_now")).startswith(str(datetime.now().year))
    assert re.fullmatch(r"[0-9a-f-]{36}", str(session.value("c_uuid")))
    asked = [name for name in names if name not in {*JAVAROSA_LACKS, "c_now", "c_uuid"}]
    sheets = _generator().FORMS[FOLLOW_UP.name]
    sheets = {
        title: [
            row for row in rows if not (title == "survey" and row[1:2] and row[1] in JAVAROSA_LACKS)
        ]
        for title, rows in sheets.items()
    }
    written = _generator().write(tmp_path / "follow_up.xlsx", sheets)
    xform = convert(str(written), form_name="data").xform
    lines = _run_javarosa_form(
        tmp_path, xform, [f"/data/{name}" for name in asked] + ["ceiling(1.5)", "floor(1.5)"]
    )
    javarosa = dict(zip(asked, map(_javarosa_value, lines), strict=False))
    wrong = {
        name: (session.value(name), javarosa[name])
        for name in asked
        if not agrees(session.value(name), javarosa[name])
    }
    assert not wrong, wrong
    assert all(line.startswith("Error\t") for line in lines[-2:])
