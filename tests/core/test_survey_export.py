from __future__ import annotations

import csv
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from postkit.core.errors import PostkitError
from postkit.core.surveys.demo import EVALUATION_FORM_ID, seed_survey_demo
from postkit.core.surveys.export import (
    EXPORT_FORMAT,
    export_responses_csv,
    export_responses_xlsx,
    responses_digest,
)
from postkit.core.surveys.service import (
    find_form,
    import_form,
    start_response,
    submit_response,
)
from tests.core.test_survey_engine import TODAY, write_form

POST = "Embassy Testland"
FORMULA = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def form_pk(session: Session, tmp_path: Path) -> int:
    return import_form(session, write_form(tmp_path / "engine_test.xlsx"), "Tess Tester").id


def _submit(
    session: Session,
    form_pk: int,
    post: str = POST,
    anonymous: bool = True,
    respondent: str = "",
    language: str = "en",
    **changes: object,
) -> int:
    answers: dict[str, object] = {
        "role": "other",
        "role_other": "Consul",
        "years": 4,
        "share": 0.1 + 0.2,
        "visited": date(2026, 2, 1),
        "done": ("t1", "t3"),
        "why": "Two tasks",
        "region": "africa",
        "country": "KE",
        "consent": "OK",
    }
    answers.update(changes)
    draft = start_response(session, form_pk, post, language, anonymous, respondent)
    submit_response(session, draft.id, answers, today=TODAY)
    return draft.id


def _read(path: Path) -> tuple[list[str], list[list[object]], dict[str, object]]:
    """The responses header and rows and the meta as headquarters would read them."""
    workbook = load_workbook(path, read_only=True)
    assert workbook.sheetnames == ["responses", "labels", "meta"]
    rows = [list(row) for row in workbook["responses"].iter_rows(values_only=True)]
    meta_rows = list(workbook["meta"].iter_rows(values_only=True))
    workbook.close()
    assert meta_rows[0] == ("key", "value")
    return [str(h) for h in rows[0]], rows[1:], {k: v for k, v in meta_rows[1:]}


def _records(header: list[str], rows: list[list[object]]) -> list[dict[str, object]]:
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_the_responses_sheet_has_one_column_per_question_and_per_choice(
    session: Session, form_pk: int, tmp_path: Path
) -> None:
    _submit(session, form_pk)
    assert export_responses_xlsx(session, form_pk, tmp_path / "out.xlsx", POST) == 1
    header, rows, _ = _read(tmp_path / "out.xlsx")
    assert header == [
        "_uuid",
        "_submitted_at",
        "_language",
        "_anonymous",
        "_respondent",
        "role",
        "role_other",
        "years",
        "share",
        "visited",
        "done",
        "done/t1",
        "done/t2",
        "done/t3",
        "n_done",
        "main",
        "why",
        "region",
        "country",
        "consent",
        "score",
    ]
    [record] = _records(header, rows)
    assert record["done"] == "t1 t3"
    assert (record["done/t1"], record["done/t2"], record["done/t3"]) == (1, 0, 1)
    assert record["role"] == "other" and record["role_other"] == "Consul"
    assert record["n_done"] == 2 and record["why"] == "Two tasks"
    assert record["consent"] == "OK" and record["main"] is None
    assert record["_language"] == "en" and record["_anonymous"] == 1


def test_cells_are_typed(session: Session, form_pk: int, tmp_path: Path) -> None:
    _submit(session, form_pk)
    export_responses_xlsx(session, form_pk, tmp_path / "out.xlsx", POST)
    header, rows, _ = _read(tmp_path / "out.xlsx")
    [record] = _records(header, rows)
    assert record["visited"] == datetime(2026, 2, 1)  # a date cell
    assert record["years"] == 4 and isinstance(record["years"], int)
    assert record["share"] == 0.3 and isinstance(record["share"], float)
    assert record["score"] == 8.3
    submitted = record["_submitted_at"]
    assert isinstance(submitted, str) and submitted.endswith("Z")
    assert datetime.fromisoformat(submitted).date() <= date.today()
    sheet = load_workbook(tmp_path / "out.xlsx")["responses"]
    visited = sheet.cell(2, header.index("visited") + 1)
    assert visited.is_date and visited.number_format == "yyyy-mm-dd"


def test_text_that_looks_like_a_formula_stays_text(
    session: Session, form_pk: int, tmp_path: Path
) -> None:
    _submit(session, form_pk, role_other=FORMULA, why="-1+2\r\nline two", respondent="@me")
    export_responses_xlsx(session, form_pk, tmp_path / "out.xlsx", POST)
    header, rows, _ = _read(tmp_path / "out.xlsx")
    [record] = _records(header, rows)
    assert record["role_other"] == FORMULA
    assert record["why"] == "-1+2\nline two"
    with zipfile.ZipFile(tmp_path / "out.xlsx") as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name)
    sheet = load_workbook(tmp_path / "out.xlsx")["responses"]
    assert sheet.cell(2, header.index("role_other") + 1).data_type == "s"


def test_every_submitted_response_is_exported_and_drafts_are_not(
    session: Session, form_pk: int, tmp_path: Path
) -> None:
    first = _submit(session, form_pk, years=1)
    _submit(session, form_pk, post="Embassy Elsewhere", years=2)  # the post's earlier name
    start_response(session, form_pk, POST, "en", anonymous=True)  # a draft
    second = _submit(session, form_pk, years=3, language="nl")
    assert export_responses_xlsx(session, form_pk, tmp_path / "out.xlsx", POST) == 3
    header, rows, meta = _read(tmp_path / "out.xlsx")
    records = _records(header, rows)
    assert [r["years"] for r in records] == [1, 2, 3]
    assert [r["_language"] for r in records] == ["en", "en", "nl"]
    assert len({r["_uuid"] for r in records}) == 3
    assert first != second and meta["responses"] == 3 and meta["post"] == POST


def test_an_anonymous_response_carries_no_name(
    session: Session, form_pk: int, tmp_path: Path
) -> None:
    _submit(session, form_pk, anonymous=True, respondent="Anonymous Annie")
    _submit(session, form_pk, anonymous=False, respondent="Named Nick")
    export_responses_xlsx(session, form_pk, tmp_path / "out.xlsx", POST)
    header, rows, _ = _read(tmp_path / "out.xlsx")
    anonymous, named = _records(header, rows)
    assert anonymous["_anonymous"] == 1 and anonymous["_respondent"] is None
    assert named["_anonymous"] == 0 and named["_respondent"] == "Named Nick"
    workbook = load_workbook(tmp_path / "out.xlsx", read_only=True)
    everything = {
        str(value)
        for sheet in workbook
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    }
    workbook.close()
    assert "Anonymous Annie" not in everything
    assert not any("Tess" in value for value in everything)  # who imported the form


def test_the_labels_sheet_names_questions_and_choices_in_every_language(
    session: Session, form_pk: int, tmp_path: Path
) -> None:
    export_responses_xlsx(session, form_pk, tmp_path / "out.xlsx", POST)
    sheet = load_workbook(tmp_path / "out.xlsx", read_only=True)["labels"]
    # A reader may cut a row short where its last cells are empty.
    rows = [(*row, *[None] * (6 - len(row))) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ("name", "type", "choice", "group", "label::en", "label::nl")
    by_key = {(row[0], row[2]): row for row in rows[1:]}
    assert by_key[("role", None)] == (
        "role",
        "select_one role",
        None,
        "about",
        "Your role",
        "Uw rol",
    )
    assert by_key[("done", "t2")] == ("done", "choice", "t2", "tasks", "Information", "Informatie")
    assert by_key[("why", None)][3] == "tasks/more"
    assert by_key[("n_done", None)][1] == "calculate"
    assert ("intro", None) not in by_key  # notes have no column


def test_meta_describes_the_export_and_its_digest_verifies(
    session: Session, form_pk: int, tmp_path: Path
) -> None:
    _submit(session, form_pk, why=FORMULA)
    _submit(session, form_pk, anonymous=False, respondent="Ann", share=1e-7, years=0)
    path = tmp_path / "out.xlsx"
    export_responses_xlsx(session, form_pk, path, POST)
    header, rows, meta = _read(path)
    assert meta["format"] == EXPORT_FORMAT
    assert (meta["form_id"], meta["version"], meta["post"]) == (
        "engine_test",
        "2026031501",
        POST,
    )
    assert meta["responses"] == 2 and meta["languages"] == "en nl"
    exported_at = datetime.fromisoformat(str(meta["exported_at"]))
    assert exported_at.tzinfo is not None
    assert responses_digest(header, rows) == meta["sha256"]


def test_editing_one_cell_changes_the_digest(
    session: Session, form_pk: int, tmp_path: Path
) -> None:
    _submit(session, form_pk)
    path = tmp_path / "out.xlsx"
    export_responses_xlsx(session, form_pk, path, POST)
    workbook = load_workbook(path)
    sheet = workbook["responses"]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(2, header.index("years") + 1).value = 5
    workbook.save(path)
    header, rows, meta = _read(path)
    assert responses_digest(header, rows) != meta["sha256"]


def test_the_digest_does_not_depend_on_how_a_reader_returns_cells() -> None:
    header = ["_uuid", "n", "x", "d", "t"]
    written = [["u1", 3, 0.1 + 0.2, date(2026, 1, 2), "a\r\nb"], ["u2", None, 1e20, None, ""]]
    read_back = [["u1", 3.0, 0.3, datetime(2026, 1, 2), "a\nb"], ["u2", None, 1e20]]
    digest = responses_digest(header, written)
    assert responses_digest(header, read_back) == digest
    assert responses_digest(header, [*read_back, [None] * 5]) == digest  # empty rows
    assert responses_digest(header, [read_back[1], read_back[0]]) != digest
    assert responses_digest(header, [["u1", 4, *written[0][2:]], written[1]]) != digest
    assert len(digest) == 64 and digest == digest.lower()


def test_the_digest_definition_is_canonical_json() -> None:
    import hashlib

    expected = hashlib.sha256(b'[["a","b"],[["x",1]]]').hexdigest()
    assert responses_digest(["a", "b"], [["x", 1.0]]) == expected


def test_the_csv_holds_the_responses_sheet(session: Session, form_pk: int, tmp_path: Path) -> None:
    _submit(session, form_pk, why='Zoë; "quoted", and\nmore')
    assert export_responses_csv(session, form_pk, tmp_path / "out.csv", POST) == 1
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, [row] = rows[0], rows[1:]
    record = dict(zip(header, row, strict=True))
    assert header[:5] == ["_uuid", "_submitted_at", "_language", "_anonymous", "_respondent"]
    assert record["visited"] == "2026-02-01"
    assert record["years"] == "4" and record["share"] == "0.3"
    assert record["done"] == "t1 t3" and record["done/t2"] == "0"
    assert record["why"] == 'Zoë; "quoted", and\nmore'
    assert record["_respondent"] == "" and record["main"] == ""


def test_an_unwritable_folder_leaves_nothing_behind(
    session: Session, form_pk: int, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "out.xlsx"
    with pytest.raises(PostkitError, match="cannot write"):
        export_responses_xlsx(session, form_pk, target, POST)
    assert not target.parent.exists()


def test_an_export_without_responses_still_has_its_header_and_meta(
    session: Session, form_pk: int, tmp_path: Path
) -> None:
    assert export_responses_xlsx(session, form_pk, tmp_path / "out.xlsx", POST) == 0
    header, rows, meta = _read(tmp_path / "out.xlsx")
    assert header[0] == "_uuid" and rows == []
    assert meta["responses"] == 0 and responses_digest(header, rows) == meta["sha256"]


def test_the_demo_exports_of_the_shipped_survey_verify(session: Session, tmp_path: Path) -> None:
    post = "Embassy Nairobi"
    seed_survey_demo(session, [post], respondents_per_post=4, today=TODAY)
    info = find_form(session, EVALUATION_FORM_ID)
    for path in (tmp_path / "first.xlsx", tmp_path / "again.xlsx"):
        assert export_responses_xlsx(session, info.id, path, post, "africa") == 4
        header, rows, meta = _read(path)
        assert responses_digest(header, rows) == meta["sha256"]
        assert meta["form_id"] == EVALUATION_FORM_ID and meta["version"] == info.version
        records = _records(header, rows)
        assert {r["post"] for r in records} == {post}
        assert {r["region"] for r in records} == {"africa"}
        assert all(r["clarity_overall"] in ("1", "2", "3", "4", "5") for r in records)
        for record in records:
            chosen = str(record["tools_used"]).split()
            flags = [name.split("/")[1] for name in header if name.startswith("tools_used/")]
            assert [record[f"tools_used/{f}"] for f in flags] == [int(f in chosen) for f in flags]


# OWASP CSV Injection: a cell that starts with one of these is read as a formula.
INJECTIONS = [
    FORMULA,
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-1+2",
    "-2",
    "=1+1",
    "\t=1+1",
    "\n=1+1",  # a carriage return is stored as a line feed; csv_files' tests cover it
]


@pytest.mark.parametrize("answer", INJECTIONS)
def test_the_csv_writes_a_formula_as_text_with_a_single_quote_in_front(
    session: Session, form_pk: int, tmp_path: Path, answer: str
) -> None:
    _submit(session, form_pk, why=answer, role_other=f"x;{answer}", share=-0.5)
    path = tmp_path / "out.csv"
    export_responses_csv(session, form_pk, path, POST)
    with path.open(encoding="utf-8-sig", newline="") as f:
        header, row = list(csv.reader(f))
    record = dict(zip(header, row, strict=True))
    assert record["why"] == f"'{answer}"
    # Text is quoted whole, so Excel in a locale that splits at ';' starts no cell at '='.
    raw = path.read_text(encoding="utf-8-sig")
    quoted = answer.replace('"', '""')
    assert f'"x;{quoted}"' in raw
    # A number postkit validated stays a number a spreadsheet can add up.
    assert record["share"] == "-0.5" and ",-0.5," in raw
