"""The XLSForm corpus in tests/data/xlsforms: forms written as KoboToolbox and the XLSForm
documentation write them load, convert with pyxform itself, run and export."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pyxform.builder import create_survey_from_xls
from sqlalchemy.orm import Session

from postkit.core.errors import ValidationError
from postkit.core.surveys.engine import FormSession
from postkit.core.surveys.export import export_responses_xlsx
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
    session.record_visit("role", NOW)
    session.record_visit("region", NOW)
    session.finish(NOW)
    assert session.value("end") == NOW.isoformat(timespec="seconds")
    log = str(session.value("audit")).splitlines()
    assert log[0] == "event,node,start"
    assert [line.split(",")[1] for line in log[1:]] == ["role", "region"]


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
