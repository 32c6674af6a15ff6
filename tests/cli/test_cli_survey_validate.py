from __future__ import annotations

from pathlib import Path

import pytest

from postkit.cli import main
from tests.core.test_xlsform import EVALUATION, INTERVIEW, write_form


@pytest.mark.parametrize(
    ("form", "line"),
    [
        (EVALUATION, "ok imvo_guidelines_evaluation 2026120502 48 questions"),
        (INTERVIEW, "ok imvo_interview_guide 2026120502 19 questions"),
    ],
)
def test_a_shipped_form_validates(
    form: Path, line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["survey", "validate", str(form)]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == line
    assert captured.err == ""


def test_each_problem_is_printed_on_its_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = write_form(
        tmp_path / "broken.xlsx",
        [
            ["osm", "building", "Building"],
            ["text", "b", "B", "${nope} = 1"],
            ["begin group", "page", "Page"],
        ],
    )
    assert main(["survey", "validate", str(form)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    assert captured.err.splitlines() == [
        f"postkit: error: {form} is not a valid survey form (3 problems):",
        "sheet survey, row 2, column A (type): "
        "osm (OpenStreetMap) questions are not supported by postkit",
        "sheet survey, row 3, column D (relevant): "
        "${nope} does not refer to a question of this form",
        "sheet survey, row 4, column A (type): group 'page' is never closed with 'end group'",
    ]


def test_a_file_that_is_not_a_workbook_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = tmp_path / "form.xlsx"
    form.write_text("type,name,label\n")
    assert main(["survey", "validate", str(form)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"postkit: error: {form} is not a valid survey form (1 problem):",
        "this is not an .xlsx workbook",
    ]


def test_a_missing_file_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    form = tmp_path / "nowhere.xlsx"
    assert main(["survey", "validate", str(form)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"postkit: error: {form} is not a valid survey form (1 problem):"
    assert lines[1].startswith("cannot read the file: ")


def test_a_corpus_form_counts_only_the_questions_a_respondent_answers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    form = Path(__file__).resolve().parents[1] / "data" / "xlsforms" / "kobo_due_diligence.xlsx"
    assert main(["survey", "validate", str(form)]) == 0
    # 23 fields less 6 metadata (start, end, today, deviceid, username, audit) and a note.
    assert capsys.readouterr().out.strip() == "ok due_diligence 2027010101 15 questions"


def test_survey_import_adds_the_form_once_per_form_id_and_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from postkit.core.db import open_database
    from postkit.core.surveys.service import list_forms

    db = tmp_path / "post.sqlite3"
    form = write_form(tmp_path / "thematic survey.xlsx", [["text", "a", "A"]], settings=None)
    for _ in range(2):
        assert main(["--db", str(db), "survey", "import", str(form)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(set(lines)) == 1 and lines[0].startswith("imported thematic_survey sha256-")
    with open_database(db).session() as session:
        imported = [info for info in list_forms(session) if info.form_id == "thematic_survey"]
    assert len(imported) == 1
    changed = write_form(tmp_path / "thematic survey.xlsx", [["text", "a", "B"]], settings=None)
    assert main(["--db", str(db), "survey", "import", str(changed)]) == 0
    with open_database(db).session() as session:
        versions = {
            info.version for info in list_forms(session) if info.form_id == "thematic_survey"
        }
    assert len(versions) == 2


def test_survey_export_to_csv_names_the_file_of_each_repeat(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = Path(__file__).resolve().parents[1] / "data" / "xlsforms" / "kobo_company_visits.xlsx"
    db = str(tmp_path / "post.sqlite3")
    assert main(["--db", db, "survey", "import", str(form)]) == 0
    out = tmp_path / "visits.csv"
    export = ["--db", db, "survey", "export", "company_visits", str(out), "--post", "Testland"]
    assert main(export) == 0
    said = capsys.readouterr().out.splitlines()[-1]
    visit, contact = tmp_path / "visits-visit.csv", tmp_path / "visits-contact.csv"
    assert said == f"repeats, one file each: {visit}, {contact}"
    assert '"_parent_table_name"' in visit.read_text(encoding="utf-8-sig")
    assert contact.exists()
