"""The survey read as the letter reads it: clear, workable and user-friendly together, activity
per core task by the amount of Dutch business, breakdowns by role and region, all checked
against a count by hand on a small set of responses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from postkit.core.db import Database
from postkit.core.hq.models import CollectedResponseRow
from postkit.core.hq.report import write_aggregate_report
from postkit.core.hq.summary import Summary, build_summary, write_summary_xlsx
from postkit.core.surveys.forms import Form
from postkit.core.surveys.service import shipped_surveys_dir
from postkit.core.surveys.xlsform import load_form


@pytest.fixture(scope="module")
def form() -> Form:
    return load_form(shipped_surveys_dir() / "imvo_guidelines_evaluation.xlsx")


# post, region, business, role, clarity, workability, user-friendliness, task 1 activity
RESPONSES = [
    ("Embassy A", "africa", "low", "policy_officer", "5", "4", "4", "4"),  # agrees on all three
    ("Embassy A", "africa", "low", "local_staff", "4", "2", "5", "2"),  # not workable
    ("Embassy A", "africa", "low", "policy_officer", "4", None, "5", "5"),  # skipped workability
    ("Embassy B", "europe", "high", "head_of_mission", "3", "4", "4", "3"),  # neutral on clarity
    ("Embassy B", "europe", "high", "policy_officer", "5", "5", "5", "4"),  # agrees on all three
    ("Embassy B", "europe", "high", None, "4", "4", "4", None),  # agrees, gave no role
]


def _store(database: Database, form: Form) -> None:
    with database.session() as session:
        for number, row in enumerate(RESPONSES):
            post, region, business, role, clarity, work, user, task1 = row
            answers = {
                "region": region,
                "business_activity": business,
                "role": role,
                "clarity_overall": clarity,
                "work_overall": work,
                "user_overall": user,
                "task1_activity": task1,
            }
            uuid = f"00000000-0000-4000-8000-{number:012d}"
            values = {"_uuid": uuid, **{k: v for k, v in answers.items() if v is not None}}
            session.add(
                CollectedResponseRow(
                    uuid=uuid,
                    form_id=form.form_id,
                    version=form.version,
                    post_name=post,
                    values=json.dumps(values),
                )
            )
        session.commit()


@pytest.fixture
def summary(hq_database: Database, form: Form) -> Summary:
    _store(hq_database, form)
    with hq_database.session() as session:
        return build_summary(session, form, expected_posts=["Embassy A", "Embassy B"])


def _figures(shares: dict[str, object]) -> dict[str, tuple[int, int]]:
    return {code: (share.agreeing, share.answered) for code, share in shares.items()}  # type: ignore[attr-defined]


def test_clear_workable_and_user_friendly_together_leaves_out_who_skipped_one(
    summary: Summary,
) -> None:
    assert summary.letter is not None
    qualities = {q.measure: q for q in summary.letter.qualities}
    assert list(qualities) == ["clarity", "workability", "user_friendliness", "all_three"]
    # Clarity: 5 4 4 3 5 4, five of six agree; workability 4 2 - 4 5 4, four of the five
    # who answered; user-friendliness all six.
    assert (qualities["clarity"].overall.agreeing, qualities["clarity"].overall.answered) == (5, 6)
    assert (
        qualities["workability"].overall.agreeing,
        qualities["workability"].overall.answered,
    ) == (4, 5)
    assert qualities["user_friendliness"].overall.share == pytest.approx(1.0)
    # Together: the third respondent skipped workability and is out; of the other five the
    # first, fifth and sixth agree on all three.
    together = summary.letter.all_three
    assert together is not None
    assert (together.overall.agreeing, together.overall.answered) == (3, 5)
    assert together.overall.share == pytest.approx(0.6)
    assert together.items == ("clarity_overall", "work_overall", "user_overall")
    assert _figures(together.by_region) == {"africa": (1, 2), "europe": (2, 3)}
    assert _figures(together.by_business) == {"low": (1, 2), "high": (2, 3)}
    assert _figures(together.by_role) == {
        "head_of_mission": (0, 1),
        "policy_officer": (2, 2),
        "local_staff": (0, 1),
        "unknown": (1, 1),
    }
    assert summary.role_label("policy_officer") == "Economic policy officer"
    assert summary.role_label("unknown", "nl") == "Onbekend"


def test_activity_per_core_task_by_the_amount_of_dutch_business(summary: Summary) -> None:
    assert summary.letter is not None
    tasks = {task.name: task for task in summary.letter.activity}
    assert list(tasks) == [f"task{n}_activity" for n in range(1, 6)]
    task1 = tasks["task1_activity"]
    assert task1.active_choices == ("4", "5")
    assert (task1.overall.counts, task1.overall.active) == ((0, 1, 1, 2, 1), 3)
    low, high = task1.by_business["low"], task1.by_business["high"]
    assert (low.counts, low.active, low.share_active) == ((0, 1, 0, 1, 1), 2, pytest.approx(2 / 3))
    assert (high.counts, high.active, high.share_active) == ((0, 0, 1, 1, 0), 1, 0.5)
    assert tasks["task2_activity"].overall.answered == 0


def test_the_workbook_and_the_report_give_the_letters_figures(
    summary: Summary, tmp_path: Path
) -> None:
    path = tmp_path / "summary.xlsx"
    write_summary_xlsx(summary, path)
    book = load_workbook(path, read_only=True)
    assert book.sheetnames[:13] == [
        "overview", "posts", "regions", "likert", "likert_by_region", "likert_by_business",
        "selects", "open_answers", "repeats", "metadata", "missing_posts", "refused_files",
        "guidelines_reading",
    ]  # fmt: skip
    rows = list(book["guidelines_reading"].iter_rows(values_only=True))
    header = rows[0]
    table = {(r[0], r[1], r[2]): dict(zip(header, r, strict=True)) for r in rows[1:]}
    together = table[("all_three", "overall", "all")]
    assert (together["agreeing"], together["answered"]) == (3, 5)
    assert together["share"] == pytest.approx(0.6)
    assert (table[("all_three", "role", "policy_officer")]["agreeing"]) == 2
    # Workability at the post with little business: the first agrees, the second does not,
    # the third skipped it.
    low_work = table[("workability", "business", "low")]
    assert (low_work["agreeing"], low_work["answered"]) == (1, 2)
    activity = list(book["core_task_activity"].iter_rows(values_only=True))
    head = activity[0]
    found = {(r[0], r[1], r[2]): dict(zip(head, r, strict=False)) for r in activity[1:]}
    low = found[("task1_activity", "business", "low")]
    assert (low["answered"], low["active"], low["n_4"], low["n_5"]) == (3, 2, 1, 1)
    book.close()

    pdf = tmp_path / "report.pdf"
    write_aggregate_report(summary, pdf)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Clear, workable and user-friendly together 60% 3 of 5" in text
    assert "skipped one of the three" in text
    assert "Economic policy officer" in text


def test_any_form_marking_its_questions_is_read_the_same_whatever_their_names(
    hq_database: Database, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    survey = book.active
    assert survey is not None
    survey.title = "survey"
    for row in (
        ["type", "name", "label", "postkit::measure"],
        ["select_one job", "who", "Your job", "role"],
        ["select_one scale", "plain", "Plain words", "clarity"],
        ["select_one scale", "doable", "Doable", "workability"],
        ["select_one scale", "handy", "Handy", "user_friendliness"],
        ["select_one scale", "handy_too", "Handy too", "user_friendliness"],
    ):
        survey.append(row)
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    for name, label in (
        ("sd", "Strongly disagree"), ("d", "Disagree"), ("n", "Neither agree nor disagree"),
        ("a", "Agree"), ("sa", "Strongly agree"),
    ):  # fmt: skip
        choices.append(["scale", name, label])
    choices.append(["job", "clerk", "Clerk"])
    settings = book.create_sheet("settings")
    settings.append(["form_id", "form_title", "version"])
    settings.append(["other_survey", "Another survey", "2026120501"])
    path = tmp_path / "other.xlsx"
    book.save(path)
    other = load_form(path)
    answers = [
        {"who": "clerk", "plain": "a", "doable": "sa", "handy": "a", "handy_too": "sa"},  # all
        {"who": "clerk", "plain": "a", "doable": "a", "handy": "a", "handy_too": "n"},  # not 3
        {"plain": "sa", "doable": "sa", "handy": "sa"},  # skipped one of user-friendliness's
    ]
    with hq_database.session() as session:
        for number, values in enumerate(answers):
            uuid = f"00000000-0000-4000-8000-{number:012d}"
            session.add(
                CollectedResponseRow(
                    uuid=uuid,
                    form_id=other.form_id,
                    version=other.version,
                    post_name="Embassy Nairobi",
                    values=json.dumps({"_uuid": uuid, **values}),
                )
            )
        session.commit()
        summary = build_summary(session, other, expected_posts=["Embassy Nairobi"])
    assert summary.letter is not None
    qualities = {q.measure: q.overall for q in summary.letter.qualities}
    # User-friendliness has two items: agreeing means agreeing on both; the third skipped one.
    assert (qualities["user_friendliness"].agreeing, qualities["user_friendliness"].answered) == (
        1,
        2,
    )
    assert (qualities["all_three"].agreeing, qualities["all_three"].answered) == (1, 2)
    assert summary.letter.all_three is not None
    assert _figures(summary.letter.all_three.by_role) == {"clerk": (1, 2), "unknown": (0, 0)}
    # From the list of posts: Nairobi in Africa, Kenya with a medium amount of Dutch business.
    assert _figures(summary.letter.all_three.by_business) == {"medium": (1, 2)}
    pdf = tmp_path / "report.pdf"
    write_aggregate_report(summary, pdf)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Clear, workable and user-friendly together 50% 1 of 2" in text
    # The region breakdown of the Likert items takes the marked ones, whatever their names.
    region_part = text.split("Share agreeing on the overall items, by region")[1]
    assert "Plain words" in region_part and "Handy too" in region_part


def test_exports_of_the_unmarked_previous_version_are_read_with_the_newest_versions_marks(
    hq_database: Database, tmp_path: Path
) -> None:
    """The released 2026120501 evaluation keeps its bytes and marks nothing: its exports borrow
    the marks of the version headquarters holds after it, for the same names and types."""
    from postkit.core.hq.demo_exports import write_demo_exports
    from postkit.core.hq.forms import form_of
    from postkit.core.hq.summary import collect_and_summarise

    previous = load_form(
        shipped_surveys_dir() / "previous" / "imvo_guidelines_evaluation-2026120501.xlsx"
    )
    assert not any(question.measure for question in previous.fields())
    paths = write_demo_exports(tmp_path / "old", posts=4, responses=10, form=previous)
    with hq_database.session() as session:
        form = form_of(session, previous.form_id, previous.version)
        _report, summary = collect_and_summarise(session, paths, form)
        stored = [
            json.loads(values)
            for values in session.scalars(
                select(CollectedResponseRow.values).where(
                    CollectedResponseRow.version == previous.version
                )
            )
        ]

    letter = summary.letter
    assert letter is not None and letter.marks_from == "2026120502"
    together = letter.all_three
    assert together is not None
    # By hand: who answered all three items, and of them who gave 4 or 5 on each.
    items = ("clarity_overall", "work_overall", "user_overall")
    answered = [answers for answers in stored if all(answers.get(item) for item in items)]
    agreeing = [a for a in answered if all(a[item] in ("4", "5") for item in items)]
    assert (together.overall.agreeing, together.overall.answered) == (
        len(agreeing),
        len(answered),
    )
    assert len(answered) == 40 and 0 < len(agreeing) < 40
    assert [task.name for task in letter.activity] == [f"task{n}_activity" for n in range(1, 6)]

    pdf = tmp_path / "report.pdf"
    write_aggregate_report(summary, pdf)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Clear, workable and user-friendly together" in text
    assert (
        "Version 2026120501 of this survey marks no questions for these figures: they are read "
        "with the marks of version 2026120502" in text
    )
