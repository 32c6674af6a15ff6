"""A response's post is the post whose database holds it: the export takes post and region from
the post profile, holds every submitted response, and says beforehand what it leaves out."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from postkit.core.errors import PostkitError, ValidationError
from postkit.core.profile import PostProfile, post_region
from postkit.core.reference import regions as reference_regions
from postkit.core.surveys.demo import (
    EVALUATION_FORM_ID,
    demo_answers,
    make_respondent,
    post_profile,
)
from postkit.core.surveys.engine import FormSession
from postkit.core.surveys.export import export_responses_xlsx
from postkit.core.surveys.export_plan import OTHER_VERSION, plan_export
from postkit.core.surveys.receipts import list_sent_exports
from postkit.core.surveys.service import (
    DRAFT,
    REGION_QUESTION,
    ensure_shipped_forms,
    find_form,
    get_response,
    import_form,
    load_definition,
    profile_answers,
    start_response,
    submit_response,
)
from postkit.core.surveys.xlsform import FormError, check_form, load_form
from tests.core.test_survey_engine import SETTINGS, TODAY, write_form
from tests.core.test_survey_export import _submit

POST = "Embassy Nairobi"
KENYA = PostProfile(POST, ("KE", "SO"), "Tess Tester")


def _evaluation(session: Session) -> int:
    ensure_shipped_forms(session, "Tess Tester")
    return find_form(session, EVALUATION_FORM_ID).id


def _submit_evaluation(
    session: Session, form_pk: int, stored_post: str, typed_post: str, index: int
) -> str:
    """Submit a complete response as the demo answers it; return its UUID."""
    form = load_definition(session, form_pk)
    rng = random.Random(f"export-post:{index}")
    respondent = make_respondent(rng, index)
    answers = demo_answers(form, post_profile(typed_post), respondent, rng, TODAY)
    draft = start_response(session, form_pk, stored_post, "en", anonymous=True)
    submit_response(session, draft.id, answers, today=TODAY)
    return draft.uuid


def _responses(path: Path) -> list[dict[str, object]]:
    workbook = load_workbook(path, read_only=True)
    rows = list(workbook["responses"].iter_rows(values_only=True))
    workbook.close()
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_every_submitted_response_in_the_posts_database_is_exported(
    session: Session, tmp_path: Path
) -> None:
    # Stored under the post's earlier name, or typed as another post: all are this post's.
    form_pk = _evaluation(session)
    uuids = [
        _submit_evaluation(session, form_pk, "Embassy Nairobi", "Embassy Nairobi", 0),
        _submit_evaluation(session, form_pk, "Netherlands Embassy Nairobi", "Nairobi", 1),
        _submit_evaluation(session, form_pk, "Embassy Nairobi", "Ambassade Hanoi", 2),
    ]
    path = tmp_path / "out.xlsx"
    count = export_responses_xlsx(session, form_pk, path, POST, post_region(KENYA))
    records = _responses(path)
    assert count == 3
    assert sorted(str(r["_uuid"]) for r in records) == sorted(uuids)
    assert {r["post"] for r in records} == {POST}
    assert {r["region"] for r in records} == {"africa"}


def test_the_plan_counts_the_export_and_names_what_it_leaves_out(
    session: Session, tmp_path: Path
) -> None:
    older = import_form(session, write_form(tmp_path / "v1.xlsx"), "Tess Tester").id
    newer_settings = SETTINGS | {"version": "2026031502"}
    newer = import_form(
        session, write_form(tmp_path / "v2.xlsx", settings=newer_settings), "Tess Tester"
    ).id
    old_uuid = get_response(session, _submit(session, older)).uuid
    _submit(session, newer)
    _submit(session, newer, post="Embassy Elsewhere")
    draft = start_response(session, newer, POST, "en", anonymous=False, respondent="Ann Vos")
    start_response(session, older, POST, "en", anonymous=True)  # the old version's own draft

    plan = plan_export(session, newer)

    assert (plan.form_id, plan.version, plan.responses) == ("engine_test", "2026031502", 2)
    assert [(d.uuid, d.respondent) for d in plan.drafts] == [(draft.uuid, "Ann Vos")]
    assert plan.other_versions == {"2026031501": 1}
    assert [item.uuid for item in plan.left_out if item.reason == OTHER_VERSION] == [old_uuid]
    assert {item.reason for item in plan.left_out} == {DRAFT, OTHER_VERSION}
    assert export_responses_xlsx(session, newer, tmp_path / "out.xlsx", POST) == plan.responses


def test_post_and_region_are_filled_from_the_profile_and_cannot_be_changed(
    session: Session,
) -> None:
    form_pk = _evaluation(session)
    form = load_definition(session, form_pk)
    fixed = profile_answers(form, POST, post_region(KENYA))
    assert fixed == {"post": POST, "region": "africa"}

    draft = start_response(session, form_pk, POST, "nl", anonymous=True, region="africa")
    record = get_response(session, draft.id)
    assert (record.answers["post"], record.answers["region"]) == (POST, "africa")

    filling = FormSession(form, record.answers, language="nl", fixed=fixed)
    assert filling.is_fixed("post") and filling.is_fixed("region")
    assert not filling.is_fixed("role")
    with pytest.raises(ValidationError, match="profiel van de post"):
        filling.set_answer("post", "Ambassade Hanoi")
    assert filling.value("post") == POST

    rng = random.Random("fixed")
    hanoi = post_profile("Ambassade Hanoi")
    answers = demo_answers(form, hanoi, make_respondent(rng, 0), rng, TODAY)
    answers |= {"post": "Ambassade Hanoi", "region": "asia_oceania"}
    submit_response(session, draft.id, answers, today=TODAY, fixed=fixed)
    stored = get_response(session, draft.id).answers
    assert (stored["post"], stored["region"]) == (POST, "africa")


def test_a_region_the_profile_cannot_give_is_left_for_the_respondent(session: Session) -> None:
    form = load_definition(session, _evaluation(session))
    unknown = PostProfile(POST, ("XX",), "Tess Tester")
    assert post_region(unknown) is None
    assert profile_answers(form, POST, post_region(unknown)) == {"post": POST}


def test_the_region_is_that_of_the_first_country_the_reference_list_knows() -> None:
    assert post_region(PostProfile(POST, ("XX", "VN", "KE"), "Tess Tester")) == "asia"
    assert post_region(PostProfile(POST, ("AU",), "Tess Tester")) == "oceania"


def test_every_reference_region_fills_exactly_one_region_choice_of_the_shipped_form(
    session: Session,
) -> None:
    form = load_definition(session, _evaluation(session))
    region = next(q for q in form.fields() if q.name == REGION_QUESTION)
    post = next(q for q in form.fields() if q.name == "post")
    assert region.read_only and post.read_only
    names = {choice.name for choice in form.choices(region)}
    for code in reference_regions().codes:
        filled = profile_answers(form, POST, code)["region"]
        assert filled in names, code


def test_read_only_is_yes_or_no(tmp_path: Path) -> None:
    header = ["type", "name", "label", "read_only"]
    rows = [
        {"type": "text", "name": "a", "label": "A", "read_only": "yes"},
        {"type": "text", "name": "b", "label": "B", "read_only": "no"},
        {"type": "text", "name": "c", "label": "C", "read_only": "maybe"},
    ]
    settings = {"form_id": "ro", "version": "1"}
    path = write_form(tmp_path / "ro.xlsx", rows, [], settings, header, ["list_name", "name"])
    with pytest.raises(FormError, match="read_only is 'maybe': write yes or no"):
        check_form(path)
    rows.pop()
    form = load_form(write_form(path, rows, [], settings, header, ["list_name", "name"]))
    assert [q.read_only for q in form.fields()] == [True, False]


def test_an_export_is_recorded_as_sent_only_once_its_file_is_written(
    session: Session, tmp_path: Path
) -> None:
    form_pk = _evaluation(session)
    _submit_evaluation(session, form_pk, POST, POST, 0)
    with pytest.raises(PostkitError, match="cannot write"):
        export_responses_xlsx(session, form_pk, tmp_path / "missing" / "out.xlsx", POST)
    assert list_sent_exports(session) == []
    written = tmp_path / "out.xlsx"
    export_responses_xlsx(session, form_pk, written, POST, "africa")
    [sent] = list_sent_exports(session)
    assert (sent.file_name, sent.responses, sent.status) == ("out.xlsx", 1, "")
    assert sent.file_sha256 == hashlib.sha256(written.read_bytes()).hexdigest()
