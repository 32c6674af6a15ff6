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
from postkit.core.surveys.responses import shipped_surveys_dir
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


def test_the_report_has_its_charts_and_the_workbook_its_parts(
    hq_database: Database, form: Form, tmp_path: Path
) -> None:
    from postkit.core.hq.aggregate import collect_exports

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
