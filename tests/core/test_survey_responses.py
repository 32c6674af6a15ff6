from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core.db import Database
from postkit.core.errors import NotFoundError, PostkitError, ValidationError
from postkit.core.surveys.demo import EVALUATION_FORM_ID, seed_survey_demo
from postkit.core.surveys.engine import FormSession
from postkit.core.surveys.models import SurveyFormRow, SurveyResponseRow
from postkit.core.surveys.service import (
    DRAFT,
    SUBMITTED,
    discard_draft,
    encode_answers,
    ensure_shipped_forms,
    find_form,
    get_response,
    import_form,
    list_forms,
    list_responses,
    load_definition,
    open_drafts,
    save_draft,
    shipped_surveys_dir,
    start_response,
    submit_response,
)
from postkit.core.surveys.xlsform import FormError
from tests.core.test_survey_engine import SETTINGS, SURVEY, TODAY, write_form

POST = "Embassy Testland"


@pytest.fixture
def form_file(tmp_path: Path) -> Path:
    return write_form(tmp_path / "engine_test.xlsx")


@pytest.fixture
def form_pk(session: Session, form_file: Path) -> int:
    return import_form(session, form_file, "Tess").id


def _complete_answers() -> dict[str, object]:
    return {
        "role": "officer",
        "years": 4,
        "share": 0.5,
        "visited": date(2026, 2, 1),
        "done": ("t1",),
        "region": "africa",
        "country": "KE",
        "consent": "OK",
    }


def test_importing_a_form_stores_the_workbook(session: Session, form_file: Path) -> None:
    info = import_form(session, form_file, "Tess")
    assert (info.form_id, info.version) == ("engine_test", "2026031501")
    assert info.title_in("en") == "Engine test"
    assert info.imported_by == "Tess" and info.file_name == "engine_test.xlsx"
    row = session.get(SurveyFormRow, info.id)
    assert row is not None and row.workbook == form_file.read_bytes()
    assert [f.id for f in list_forms(session)] == [info.id]


def test_reimporting_the_same_file_changes_nothing(session: Session, form_file: Path) -> None:
    first = import_form(session, form_file, "Tess")
    copy = form_file.with_name("copy.xlsx")
    shutil.copy(form_file, copy)
    assert import_form(session, copy, "Someone else") == first
    assert len(list_forms(session)) == 1


def test_the_same_version_with_other_content_is_refused(session: Session, tmp_path: Path) -> None:
    import_form(session, write_form(tmp_path / "a.xlsx"), "Tess")
    changed = [*SURVEY, {"type": "text", "name": "extra", "label::English (en)": "Extra"}]
    with pytest.raises(PostkitError, match="version 2026031501 is already imported with diff"):
        import_form(session, write_form(tmp_path / "b.xlsx", survey=changed), "Tess")
    newer = write_form(tmp_path / "c.xlsx", survey=changed, settings={**SETTINGS, "version": "2"})
    import_form(session, newer, "Tess")
    assert [f.version for f in list_forms(session)] == ["2026031501", "2"]
    assert find_form(session, "engine_test").version == "2026031501"  # numerically newest
    assert find_form(session, "engine_test", "2").version == "2"


def test_a_broken_form_is_not_imported(session: Session, tmp_path: Path) -> None:
    broken = [{"type": "integer", "name": "n", "label::English (en)": "N", "relevant": "${x} >"}]
    with pytest.raises(FormError):
        import_form(session, write_form(tmp_path / "bad.xlsx", survey=broken), "Tess")
    with pytest.raises(PostkitError, match="cannot read"):
        import_form(session, tmp_path / "missing.xlsx", "Tess")
    assert list_forms(session) == []


def test_the_shipped_forms_are_imported_once(session: Session) -> None:
    folder = shipped_surveys_dir()
    shipped = sorted(p.name for p in [*folder.glob("*.xlsx"), *folder.glob("previous/*.xlsx")])
    assert "imvo_guidelines_evaluation.xlsx" in shipped
    assert "imvo_guidelines_evaluation-2026120501.xlsx" in shipped
    imported = ensure_shipped_forms(session, "postkit")
    assert sorted(info.file_name for info in imported) == shipped
    assert ensure_shipped_forms(session, "postkit") == []
    # The newest version is the one to fill in; the one it replaced stays readable.
    assert find_form(session, EVALUATION_FORM_ID).version == "2026120502"
    assert find_form(session, EVALUATION_FORM_ID, "2026120501").file_name == (
        "imvo_guidelines_evaluation-2026120501.xlsx"
    )


def test_a_shipped_form_that_cannot_be_imported_does_not_stop_the_others(
    session: Session, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_form(tmp_path / "a_good.xlsx")
    (tmp_path / "b_broken.xlsx").write_bytes(b"not a workbook")
    (tmp_path / "~$a_good.xlsx").write_bytes(b"lock file")
    imported = ensure_shipped_forms(session, "postkit", folder=tmp_path)
    assert [info.file_name for info in imported] == ["a_good.xlsx"]
    assert "b_broken.xlsx" in caplog.text


def test_the_definition_is_loaded_from_the_stored_workbook(
    session: Session, form_file: Path
) -> None:
    info = import_form(session, form_file, "Tess")
    form_file.unlink()
    form = load_definition(session, info.id)
    assert form.form_id == "engine_test"
    assert load_definition(session, info.id) is form  # cached
    with pytest.raises(NotFoundError):
        load_definition(session, info.id + 1)


def test_a_new_response_starts_as_a_draft_with_the_defaults(session: Session, form_pk: int) -> None:
    draft = start_response(session, form_pk, POST, "nl", anonymous=True)
    assert draft.status == DRAFT and draft.language == "nl" and draft.page == 0
    assert get_response(session, draft.id).answers == {"years": 2}
    assert open_drafts(session, form_pk) == [draft]


def test_an_anonymous_response_stores_no_name(session: Session, form_pk: int) -> None:
    draft = start_response(session, form_pk, POST, "en", anonymous=True, respondent="Ann Smit")
    row = session.get(SurveyResponseRow, draft.id)
    assert row is not None and row.respondent == "" and row.is_anonymous
    named = start_response(session, form_pk, POST, "en", anonymous=False, respondent=" Ann  Smit ")
    assert named.respondent == "Ann Smit" and not named.is_anonymous
    with pytest.raises(ValidationError) as raised:
        start_response(session, form_pk, POST, "en", anonymous=False)
    assert raised.value.field == "respondent"


def test_an_unknown_language_falls_back_to_the_default(session: Session, form_pk: int) -> None:
    assert start_response(session, form_pk, POST, "fr", anonymous=True).language == "en"


def test_closing_the_app_loses_nothing_of_a_draft(
    database: Database, session: Session, form_pk: int
) -> None:
    draft = start_response(session, form_pk, POST, "en", anonymous=True)
    form = load_definition(session, form_pk)
    filling = FormSession(form, language="en", today=TODAY)
    filling.set_answer("role", "other")
    filling.set_answer("role_other", "Consul")
    filling.set_answer("visited", date(2026, 1, 5))
    filling.set_answer("done", ("t2", "t1"))
    save_draft(session, draft.id, filling.answers(), page=2)
    session.close()

    with database.session() as reopened:
        [offered] = open_drafts(reopened, form_pk)
        assert offered.id == draft.id and offered.page == 2
        record = get_response(reopened, draft.id)
    assert record.answers == {
        "role": "other",
        "role_other": "Consul",
        "years": 2,
        "visited": date(2026, 1, 5),
        "done": ("t1", "t2"),
    }
    resumed = FormSession(form, record.answers, language=record.language, today=TODAY)
    assert resumed.value("n_done") == 2 and resumed.visible("why")


def test_drafts_store_dates_as_iso_text_and_selections_as_lists(
    session: Session, form_pk: int
) -> None:
    draft = start_response(session, form_pk, POST, "en", anonymous=True)
    save_draft(session, draft.id, {"visited": date(2026, 1, 5), "done": ("t1", "t2")}, page=1)
    row = session.get(SurveyResponseRow, draft.id)
    assert row is not None
    session.refresh(row)
    assert row.answers == '{"visited": "2026-01-05", "done": ["t1", "t2"]}'
    assert encode_answers({"x": "ë"}) == '{"x": "ë"}'


def test_submitting_validates_every_shown_question(session: Session, form_pk: int) -> None:
    draft = start_response(session, form_pk, POST, "en", anonymous=True)
    answers = _complete_answers()
    del answers["role"]
    with pytest.raises(ValidationError) as raised:
        submit_response(session, draft.id, answers, today=TODAY)
    assert (raised.value.field, raised.value.reason) == ("role", "Tell us your role.")
    answers = {**_complete_answers(), "years": 99}
    with pytest.raises(ValidationError, match="years: Between 0 and 60"):
        submit_response(session, draft.id, answers, today=TODAY)
    with pytest.raises(ValidationError, match="share"):
        submit_response(session, draft.id, {**_complete_answers(), "share": "lots"}, today=TODAY)
    assert get_response(session, draft.id).status == DRAFT


def test_the_first_problem_in_form_order_is_named(session: Session, form_pk: int) -> None:
    draft = start_response(session, form_pk, POST, "nl", anonymous=True)
    with pytest.raises(ValidationError) as raised:
        submit_response(session, draft.id, {"years": 99}, today=TODAY)
    assert raised.value.field == "role"


def test_a_submitted_response_keeps_shown_answers_and_calculations(
    session: Session, form_pk: int
) -> None:
    draft = start_response(session, form_pk, POST, "en", anonymous=False, respondent="Ann")
    answers = {**_complete_answers(), "role_other": "hidden, so dropped"}
    submitted = submit_response(session, draft.id, answers, today=TODAY)
    assert submitted.status == SUBMITTED and submitted.submitted_at is not None
    record = get_response(session, draft.id)
    assert "role_other" not in record.answers
    assert record.answers["score"] == 8.5 and record.answers["n_done"] == 1
    assert record.answers["visited"] == date(2026, 2, 1)
    assert open_drafts(session, form_pk) == []
    assert [r.id for r in list_responses(session, form_pk, SUBMITTED)] == [draft.id]
    with pytest.raises(PostkitError, match="already submitted"):
        submit_response(session, draft.id, answers, today=TODAY)
    with pytest.raises(PostkitError, match="already submitted"):
        save_draft(session, draft.id, answers, page=0)
    with pytest.raises(PostkitError, match="already submitted"):
        discard_draft(session, draft.id)


def test_several_respondents_each_submit_their_own_response(session: Session, form_pk: int) -> None:
    first = start_response(session, form_pk, POST, "en", anonymous=True)
    second = start_response(session, form_pk, POST, "nl", anonymous=True)
    submit_response(session, first.id, _complete_answers(), today=TODAY)
    assert [r.id for r in list_responses(session, form_pk, DRAFT)] == [second.id]
    submit_response(session, second.id, {**_complete_answers(), "years": 9}, today=TODAY)
    submitted = list_responses(session, form_pk, SUBMITTED)
    assert len({r.uuid for r in submitted}) == 2


def test_a_discarded_draft_is_gone(session: Session, form_pk: int) -> None:
    draft = start_response(session, form_pk, POST, "en", anonymous=True)
    discard_draft(session, draft.id)
    assert open_drafts(session, form_pk) == []
    with pytest.raises(NotFoundError):
        get_response(session, draft.id)
    with pytest.raises(NotFoundError):
        save_draft(session, draft.id, {}, page=0)


def test_the_demo_fills_the_evaluation_survey_with_valid_varied_responses(
    session: Session,
) -> None:
    posts = ["Embassy Nairobi", "Ambassade Hanoi", "Embassy Bogotá", "Ambassade Nergens"]
    added = seed_survey_demo(session, posts, respondents_per_post=5, today=TODAY)
    assert added == 20
    assert seed_survey_demo(session, posts, respondents_per_post=5, today=TODAY) == 0
    info = find_form(session, EVALUATION_FORM_ID)
    form = load_definition(session, info.id)
    responses = list_responses(session, info.id, SUBMITTED)
    assert len(responses) == 20
    assert {r.post_name for r in responses} == set(posts)
    assert {r.language for r in responses} == {"nl", "en"}
    assert {r.is_anonymous for r in responses} == {True, False}
    agree = total = 0
    for response in responses:
        record = get_response(session, response.id)
        check = FormSession(form, record.answers, language=record.language, today=TODAY)
        assert check.errors() == {}
        if response.is_anonymous:
            assert record.respondent == "" and "respondent_name" not in record.answers
        assert record.submitted_at is not None and record.submitted_at.date() < TODAY
        for item in ("clarity_overall", "work_overall", "user_overall"):
            total += 1
            agree += record.answers[item] in ("4", "5")
    assert 0.65 <= agree / total <= 0.95


def test_the_demo_is_deterministic(database: Database, session: Session) -> None:
    seed_survey_demo(session, ["Embassy Nairobi"], today=TODAY)
    first = session.execute(
        select(SurveyResponseRow.uuid, SurveyResponseRow.answers).order_by(SurveyResponseRow.uuid)
    ).all()
    session.execute(SurveyResponseRow.__table__.delete())
    session.commit()
    seed_survey_demo(session, ["Embassy Nairobi"], today=TODAY)
    again = session.execute(
        select(SurveyResponseRow.uuid, SurveyResponseRow.answers).order_by(SurveyResponseRow.uuid)
    ).all()
    assert first == again and len(first) == 3
