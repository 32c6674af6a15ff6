"""The share agreeing and the breakdowns, checked against a count by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from postkit.core.db import Database
from postkit.core.hq.demo_exports import demo_posts, write_demo_exports
from postkit.core.hq.models import CollectedResponseRow
from postkit.core.hq.reading import read_export
from postkit.core.hq.report import write_aggregate_report
from postkit.core.hq.summary import build_summary, is_likert, write_summary_xlsx
from postkit.core.surveys.forms import Form
from postkit.core.surveys.service import shipped_surveys_dir
from postkit.core.surveys.xlsform import load_form


@pytest.fixture(scope="module")
def form() -> Form:
    return load_form(shipped_surveys_dir() / "imvo_guidelines_evaluation.xlsx")


# post, region answered, business answered, clarity_overall (None: not answered), actions
TINY = [
    ("Embassy A", "africa", "low", "5", "imvo_sessions staff_training"),
    ("Embassy A", "africa", "low", "4", "imvo_sessions"),
    ("Embassy A", "europe", "low", "2", "none"),  # a slip: the post's region stays africa
    ("Embassy B", "europe", "high", "3", "eu_cooperation"),
    ("Embassy B", "europe", "high", None, "imvo_sessions"),
    ("Embassy B", "europe", "high", "4", "staff_training"),
]


def _store_tiny_set(database: Database, form: Form) -> None:
    with database.session() as session:
        for number, (post, region, business, clarity, actions) in enumerate(TINY):
            values = {
                "_uuid": f"00000000-0000-4000-8000-{number:012d}",
                "region": region,
                "business_activity": business,
                "actions_taken": actions,
                "comments": f"comment {number}",
                "contact_email": "someone@example.org",
            }
            if clarity is not None:
                values["clarity_overall"] = clarity
            session.add(
                CollectedResponseRow(
                    uuid=values["_uuid"],
                    form_id=form.form_id,
                    version=form.version,
                    post_name=post,
                    values=json.dumps(values),
                )
            )
        session.commit()


def test_the_share_agreeing_equals_a_count_by_hand(hq_database: Database, form: Form) -> None:
    _store_tiny_set(hq_database, form)
    with hq_database.session() as session:
        summary = build_summary(session, form, expected_posts=["Embassy A", "Embassy B", "C"])
    item = next(item for item in summary.likert if item.name == "clarity_overall")
    # Answered: 5, 4, 2, 3, 4 (one left it open); agreeing (4 or 5): 5, 4, 4.
    assert item.overall.counts == (0, 1, 1, 2, 1)
    assert (item.overall.answered, item.overall.agree) == (5, 3)
    assert item.overall.share_agreeing == pytest.approx(3 / 5)
    assert item.overall.mean == pytest.approx((5 + 4 + 2 + 3 + 4) / 5)
    # Embassy A is in Africa (two of its three said so) with little Dutch business: 5, 4, 2.
    assert item.by_region["africa"].share_agreeing == pytest.approx(2 / 3)
    assert item.by_region["europe"].share_agreeing == pytest.approx(1 / 2)
    assert item.by_business["low"].share_agreeing == pytest.approx(2 / 3)
    assert item.by_business["high"].share_agreeing == pytest.approx(1 / 2)
    assert [(p.post, p.region, p.business, p.responses) for p in summary.posts] == [
        ("Embassy A", "africa", "low", 3),
        ("Embassy B", "europe", "high", 3),
    ]
    assert summary.missing_posts == ("C",)
    actions = next(select for select in summary.selects if select.name == "actions_taken")
    counts = {choice.name: (choice.count, choice.share) for choice in actions.choices}
    assert counts["imvo_sessions"] == (3, pytest.approx(3 / 6))
    assert counts["staff_training"] == (2, pytest.approx(2 / 6))
    open_names = {question.name for question in summary.open_questions}
    assert "comments" in open_names and "contact_email" not in open_names


def test_only_agreement_scales_count_as_likert_items(form: Form) -> None:
    likert = [q.name for q in form.questions() if is_likert(form, q)]
    assert "clarity_overall" in likert and "user_task5" in likert
    assert "task1_activity" not in likert  # a 1–5 activity scale, not agreement
    assert len(likert) == 27


def test_the_demo_exports_are_valid_deterministic_and_varied(form: Form, tmp_path: Path) -> None:
    first = write_demo_exports(tmp_path / "a", posts=12, responses=5)
    second = write_demo_exports(tmp_path / "b", posts=12, responses=5)
    assert [path.name for path in first] == [path.name for path in second]
    exports = [read_export(path, form) for path in first]
    assert [export.rows for export in exports] == [read_export(path, form).rows for path in second]
    assert len({post.region for post in demo_posts(12)}) == 6
    assert len({post.business for post in demo_posts(40)}) == 3
    assert len({export.post for export in exports}) == 12


def test_the_demo_exports_come_from_real_posts_answering_with_their_own_region(
    form: Form, tmp_path: Path
) -> None:
    from postkit.core import reference
    from postkit.core.hq.demo_exports import FORM_REGIONS

    exports = [read_export(path, form) for path in write_demo_exports(tmp_path, 20, 3)]
    for export in exports:
        post = reference.posts().find(export.post)
        assert post is not None, export.post
        assert set(export.column("region")) == {FORM_REGIONS[post.region]}, export.post
        assert post.kind != "permanent_representation"  # it does not advise companies
    assert len({export.post for export in exports}) == 20


def test_the_report_has_its_charts_and_the_workbook_its_parts(
    hq_database: Database, form: Form, tmp_path: Path
) -> None:
    from postkit.core.hq.service import collect_exports

    paths = write_demo_exports(tmp_path / "exports", posts=8, responses=6)
    with hq_database.session() as session:
        collect_exports(session, paths, form)
        summary = build_summary(session, form)
    for language in ("en", "nl"):
        pdf = tmp_path / f"report-{language}.pdf"
        write_aggregate_report(summary, pdf, language=language)
        text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert ("share agreeing" if language == "en" else "aandeel eens") in text
        assert "Africa" in text or "Afrika" in text
    write_summary_xlsx(summary, tmp_path / "summary.xlsx")
    assert not list(tmp_path.glob(".*.part"))


def _store_responses(
    database: Database, form: Form, rows: list[tuple[str, dict[str, str]]], first: int = 100
) -> None:
    with database.session() as session:
        for number, (post, answers) in enumerate(rows, first):
            uuid = f"00000000-0000-4000-8000-{number:012d}"
            session.add(
                CollectedResponseRow(
                    uuid=uuid,
                    form_id=form.form_id,
                    version=form.version,
                    post_name=post,
                    values=json.dumps({"_uuid": uuid, **answers}),
                )
            )
        session.commit()


@pytest.fixture(scope="module")
def interview_form() -> Form:
    return load_form(shipped_surveys_dir() / "imvo_interview_guide.xlsx")


def test_a_form_without_a_region_question_takes_the_region_from_the_list_of_posts(
    hq_database: Database, interview_form: Form
) -> None:
    # Real posts, named as a post's profile may name them: any case, spacing, accents.
    _store_responses(
        hq_database,
        interview_form,
        [
            ("Embassy Pretoria", {"interview_mode": "video"}),
            ("  embassy   PRETORIA ", {"interview_mode": "phone"}),
            ("Consulaat-generaal Sao Paulo", {"interview_mode": "video"}),
            ("Ambassade Kopenhagen", {"interview_mode": "in_person"}),
            ("Embassy Testland", {"interview_mode": "video"}),
        ],
    )
    with hq_database.session() as session:
        summary = build_summary(session, interview_form)
    regions = {post.post: post.region for post in summary.posts}
    assert regions == {
        "Embassy Pretoria": "africa",
        "  embassy   PRETORIA ": "africa",
        "Consulaat-generaal Sao Paulo": "latin_america_caribbean",
        "Ambassade Kopenhagen": "europe",
        "Embassy Testland": "unknown",  # no such post: counted, but in no region
    }
    assert {(r.region, r.posts, r.responses) for r in summary.regions} == {
        ("africa", 2, 2),
        ("latin_america_caribbean", 1, 1),
        ("europe", 1, 1),
        ("unknown", 1, 1),
    }
    assert summary.region_label("latin_america_caribbean", "nl") == (
        "Latijns-Amerika en het Caribisch gebied"
    )


def test_headquarters_own_list_of_posts_replaces_the_shipped_one(
    hq_database: Database, interview_form: Form, tmp_path: Path
) -> None:
    from postkit.core.hq.posts import import_posts

    own = tmp_path / "posts.json"  # in the shipped list's layout, as headquarters kept it once
    own.write_text(
        json.dumps(
            [
                {
                    "code": "embassy-testland",
                    "nl": "Ambassade Testland",
                    "en": "Embassy Testland",
                    "kind": "embassy",
                    "country": "FJ",
                    "region": "oceania",
                    "city_nl": "Testland",
                    "city_en": "Testland",
                }
            ]
        ),
        encoding="utf-8",
    )
    _store_responses(
        hq_database,
        interview_form,
        [("Embassy Testland", {"interview_mode": "video"}), ("Embassy Pretoria", {})],
    )
    with hq_database.session() as session:
        import_posts(session, own)
        summary = build_summary(session, interview_form)
    assert {post.post: post.region for post in summary.posts} == {
        "Embassy Testland": "oceania",
        "Embassy Pretoria": "unknown",  # only in the shipped list, which headquarters replaced
    }


# Shares of a select question are of those who answered it: a response that left the question
# open is in no denominator, overall or in a region. Region and business are answered by all.
# post, region, business, clarity_overall, role, actions_taken
WITH_GAPS = [
    ("Embassy Nairobi", "africa", "low", "5", "policy_officer", "imvo_sessions staff_training"),
    ("Embassy Nairobi", "africa", "low", None, None, None),
    ("Embassy Nairobi", "africa", "low", "2", "deputy", "imvo_sessions"),
    ("Embassy Nairobi", "africa", "low", None, "policy_officer", None),
    ("Embassy Berlin", "europe", "high", "4", None, "eu_cooperation"),
    ("Embassy Berlin", "europe", "high", None, None, None),
    ("Embassy Berlin", "europe", "high", None, None, None),
    ("Embassy Berlin", "europe", "high", "1", "policy_officer", "imvo_sessions"),
]


def test_shares_are_of_those_who_answered_overall_and_per_region(
    hq_database: Database, form: Form
) -> None:
    rows = []
    for post, region, business, clarity, role, actions in WITH_GAPS:
        answers = {"region": region, "business_activity": business}
        for name, value in (("clarity_overall", clarity), ("role", role)):
            if value is not None:
                answers[name] = value
        if actions is not None:
            answers["actions_taken"] = actions
        rows.append((post, answers))
    _store_responses(hq_database, form, rows)
    with hq_database.session() as session:
        summary = build_summary(session, form)
    assert summary.responses == 8

    clarity = next(item for item in summary.likert if item.name == "clarity_overall")
    # Answered 4 of 8: 5, 2, 4, 1; agreeing 2.
    assert (clarity.overall.answered, clarity.overall.agree) == (4, 2)
    assert clarity.overall.share_agreeing == 2 / 4
    assert clarity.overall.mean == (5 + 2 + 4 + 1) / 4
    # Nairobi answered 5 and 2 (of four responses), Berlin 4 and 1 (of four).
    assert clarity.by_region["africa"].answered == 2
    assert clarity.by_region["africa"].share_agreeing == 1 / 2
    assert clarity.by_region["europe"].share_agreeing == 1 / 2
    assert clarity.by_business["low"].share_agreeing == 1 / 2
    assert clarity.by_business["high"].mean == (4 + 1) / 2
    # An item nobody answered has no share at all rather than 0 %.
    nobody = next(item for item in summary.likert if item.name == "work_overall")
    assert nobody.overall.answered == 0 and nobody.overall.share_agreeing is None

    selects = {select.name: select for select in summary.selects}
    role = selects["role"]
    assert role.answered == 4
    role_shares = {choice.name: (choice.count, choice.share) for choice in role.choices}
    assert role_shares["policy_officer"] == (3, 3 / 4)
    assert role_shares["deputy"] == (1, 1 / 4)
    assert role_shares["other"] == (0, 0.0)
    actions = selects["actions_taken"]  # select_multiple: shares add up past 100 %
    assert actions.answered == 4
    action_shares = {choice.name: (choice.count, choice.share) for choice in actions.choices}
    assert action_shares["imvo_sessions"] == (3, 3 / 4)
    assert action_shares["staff_training"] == (1, 1 / 4)
    assert action_shares["eu_cooperation"] == (1, 1 / 4)
    assert selects["support_wanted"].answered == 0
    assert all(choice.share is None for choice in selects["support_wanted"].choices)


def test_the_report_gives_shares_of_those_who_answered_and_says_how_many(
    hq_database: Database, form: Form, tmp_path: Path
) -> None:
    test_shares_are_of_those_who_answered_overall_and_per_region(hq_database, form)
    with hq_database.session() as session:
        summary = build_summary(session, form)
    for language, words in (("en", "answered"), ("nl", "beantwoord")):
        pdf = tmp_path / f"report-{language}.pdf"
        write_aggregate_report(summary, pdf, language=language)
        text = " ".join(
            " ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages
        )
        # The role question: 4 of the 8 responses answered it; policy officer 3 of those 4.
        assert f"n {words} = 4 {'of' if language == 'en' else 'van'} 8" in text
        assert "3 75%" in text and "1 25%" in text
        assert "38%" not in text  # 3 of all 8 responses: the wrong denominator
        # The Likert table: clarity overall answered by 4 (0, 1, 1 ... 2 agree, 50 %).
        assert f"n {words}" in text
        assert "4 1 1 0 1 1 2 50%" in text


def test_bilateral_posts_on_headquarters_list_that_sent_nothing_are_missing(
    hq_database: Database, form: Form, tmp_path: Path
) -> None:
    from postkit.core import reference
    from postkit.core.hq.service import collect_exports

    paths = write_demo_exports(tmp_path / "exports", posts=3, responses=2)
    with hq_database.session() as session:
        collect_exports(session, paths, form)
        summary = build_summary(session, form)
    listed = reference.posts().posts
    bilateral = [post for post in listed if post.kind != "permanent_representation"]
    counted = {reference.posts().find(post.post) for post in summary.posts}
    assert len(counted) == 3 and None not in counted
    assert len(summary.missing_posts) == len(bilateral) - 3
    missing = {reference.posts().find(name) for name in summary.missing_posts}
    assert not missing & counted
    assert all(post.kind != "permanent_representation" for post in missing if post)
