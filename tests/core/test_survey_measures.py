"""The `postkit::measure` column: what headquarters reads a question for, on any form."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from pyxform.xls2xform import xls2xform_convert

from postkit.core.surveys.service import shipped_surveys_dir
from postkit.core.surveys.xlsform import FormError, load_form

HEADER = ["type", "name", "label", "postkit::measure"]


def _form(folder: Path, rows: list[list[str | None]]) -> Path:
    workbook = Workbook()
    survey = workbook.active
    assert survey is not None
    survey.title = "survey"
    survey.append(HEADER)
    for row in rows:
        survey.append(row)
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    for point, label in enumerate(
        ("Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"), 1
    ):
        choices.append(["agree5", str(point), label])
    choices.append(["job", "officer", "Officer"])
    choices.append(["job", "head", "Head"])
    settings = workbook.create_sheet("settings")
    settings.append(["form_id", "form_title", "version"])
    settings.append(["marked", "Marked", "2026120501"])
    path = folder / "marked.xlsx"
    workbook.save(path)
    return path


def test_a_marked_question_carries_its_measure_and_pyxform_still_converts_the_form(
    tmp_path: Path,
) -> None:
    path = _form(
        tmp_path,
        [
            ["select_one job", "what_i_do", "Your job", "role"],
            ["select_one agree5", "plain_words", "Plain?", "clarity"],
            ["text", "remarks", "Remarks", None],
        ],
    )
    form = load_form(path)
    assert {q.name: q.measure for q in form.questions()} == {
        "what_i_do": "role",
        "plain_words": "clarity",
        "remarks": "",
    }
    # ODK's converter accepts the column without a warning and keeps it out of the XForm.
    warnings = xls2xform_convert(xlsform_path=str(path), xform_path=str(tmp_path / "f.xml"))
    assert warnings == []
    xform = (tmp_path / "f.xml").read_text(encoding="utf-8")
    assert "plain_words" in xform and "postkit" not in xform and "clarity" not in xform


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [["select_one agree5", "a", "A", "clearness"]],
            "survey, row 2, column D (postkit::measure): 'clearness' is not a measure",
        ),
        (
            [["text", "a", "A", "role"]],
            "row 2, column D (postkit::measure): 'role' marks a select_one question, not a text",
        ),
        (
            [["select_one job", "a", "A", "role"], ["select_one job", "b", "B", "role"]],
            "row 3, column D (postkit::measure): 'role' marks one question only (also row 2)",
        ),
    ],
)
def test_a_wrong_mark_is_refused_naming_row_and_column(
    tmp_path: Path, rows: list[list[str | None]], message: str
) -> None:
    with pytest.raises(FormError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_form(_form(tmp_path, rows))


def test_the_shipped_evaluation_marks_what_the_letter_reports() -> None:
    # A replaced version in surveys/previous/ keeps the bytes it was released with: posts and
    # headquarters hold it by its hash, and a changed file of the same version is refused.
    form = load_form(shipped_surveys_dir() / "imvo_guidelines_evaluation.xlsx")
    marks = {q.name: q.measure for q in form.questions() if q.measure}
    assert marks == {
        "role": "role",
        "region": "region",
        "business_activity": "business_activity",
        **{f"task{n}_activity": "core_task_activity" for n in range(1, 6)},
        "clarity_overall": "clarity",
        "work_overall": "workability",
        "user_overall": "user_friendliness",
    }
