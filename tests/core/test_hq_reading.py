"""Opening post exports safely: every kind of bad file is refused with its reason."""

from __future__ import annotations

import zipfile
from datetime import time, timedelta
from pathlib import Path

import openpyxl
import pytest
from openpyxl import load_workbook

from postkit.core.hq import reading
from postkit.core.hq.demo_exports import write_demo_exports
from postkit.core.hq.reading import ExportRejected, read_export
from postkit.core.surveys.export import canonical_value, responses_digest
from postkit.core.surveys.forms import Form
from postkit.core.surveys.service import shipped_surveys_dir
from postkit.core.surveys.xlsform import load_form

EVALUATION = shipped_surveys_dir() / "imvo_guidelines_evaluation.xlsx"


@pytest.fixture(scope="module")
def form() -> Form:
    return load_form(EVALUATION)


@pytest.fixture(scope="module")
def good_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    return write_demo_exports(folder, posts=1, responses=6)[0]


def _rewrite(source: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """A copy of an export with one cell or sheet changed through openpyxl (digest unchanged)."""
    workbook = load_workbook(source)
    change(workbook)
    workbook.save(target)
    return target


def _with_members(source: Path, target: Path, extra: dict[str, bytes]) -> Path:
    with (
        zipfile.ZipFile(source) as archive,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for entry in archive.infolist():
            copy.writestr(entry, archive.read(entry))
        for name, data in extra.items():
            copy.writestr(name, data)
    return target


def _refusal(path: Path, form: Form) -> str:
    with pytest.raises(ExportRejected) as caught:
        read_export(path, form)
    return caught.value.reason


def test_a_demo_export_reads_back_with_its_post_and_rows(good_export: Path, form: Form) -> None:
    export = read_export(good_export, form)
    assert export.form_id == form.form_id
    assert export.version == form.version
    assert export.post.startswith(("Embassy", "Consulate"))
    assert len(export.rows) == 6
    assert len({row[0] for row in export.rows}) == 6


def test_the_digest_agrees_with_the_export_modules_definition(
    good_export: Path, form: Form
) -> None:
    export = read_export(good_export, form)
    tricky = [["a\r\nb", 4.0, 0.1 + 0.2, "", None, 10**16, 1.5e300]]
    canonical = [[canonical_value(value) for value in tricky[0]]]
    header = ["x", "y", "z", "e", "n", "big", "huge"]
    assert reading._digest(header, canonical) == responses_digest(header, tricky)
    assert reading._digest(list(export.header), export.rows) == responses_digest(
        list(export.header), export.rows
    )


@pytest.mark.parametrize(
    "cell",
    [1e-05, 1.5e300, 10**20, "snow ☃ and \x7f", "line\nbreak", 0.30000000000000004],
    ids=["small-float", "huge-float", "past-64-bits", "unicode", "newline", "long-float"],
)
def test_the_fast_digest_check_accepts_what_the_json_module_wrote(cell: object) -> None:
    header = ["_uuid", "value"]
    rows = [["0b7d5d0e-8a8f-4c83-9d0a-0d8e7f1f2a3b", canonical_value(cell)]]
    written = responses_digest(header, rows)
    assert reading._digest_matches(header, rows, written)
    assert not reading._digest_matches(header, rows, written[::-1])
    assert not reading._digest_matches(header, [[rows[0][0], "changed"]], written)


def test_the_xml_parser_of_openpyxl_is_defused() -> None:
    assert openpyxl.DEFUSEDXML is True


def test_a_file_that_is_not_an_xlsx_is_refused(tmp_path: Path, form: Form) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("just text")
    assert _refusal(path, form) == "not an .xlsx workbook"


@pytest.mark.parametrize("sheet", ["meta", "responses"])
def test_a_duration_past_the_range_of_python_is_refused(
    good_export: Path, tmp_path: Path, form: Form, sheet: str
) -> None:
    """calamine gives a number in a duration format as a timedelta, which raises
    OverflowError past a billion days: it escaped headquarters' reading."""

    def far(workbook) -> None:  # type: ignore[no-untyped-def]
        cell = workbook[sheet].cell(workbook[sheet].max_row + 1, 1, 1e20)
        cell.number_format = "[h]:mm:ss"

    path = _rewrite(good_export, tmp_path / "far.xlsx", far)
    assert _refusal(path, form).startswith("the workbook cannot be read (a date or duration")


def test_an_xlsx_that_is_not_an_export_is_refused(tmp_path: Path, form: Form) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["name", "value"])
    workbook.save(tmp_path / "other.xlsx")
    assert "not a postkit survey export" in _refusal(tmp_path / "other.xlsx", form)


def test_an_export_of_another_survey_or_version_is_refused(
    good_export: Path, tmp_path: Path, form: Form
) -> None:
    def meta(key: str, value: str):  # type: ignore[no-untyped-def]
        def change(workbook) -> None:  # type: ignore[no-untyped-def]
            for row in workbook["meta"].iter_rows(min_row=2):
                if row[0].value == key:
                    row[1].value = value

        return change

    other = _rewrite(good_export, tmp_path / "other.xlsx", meta("form_id", "another_survey"))
    assert "another survey (another_survey)" in _refusal(other, form)
    older = _rewrite(good_export, tmp_path / "older.xlsx", meta("version", "2020010101"))
    assert "version 2020010101" in _refusal(older, form)


def test_an_edited_cell_breaks_the_digest(good_export: Path, tmp_path: Path, form: Form) -> None:
    def edit(workbook) -> None:  # type: ignore[no-untyped-def]
        sheet = workbook["responses"]
        column = [cell.value for cell in sheet[1]].index("clarity_overall") + 1
        sheet.cell(2, column).value = "5" if sheet.cell(2, column).value != "5" else "1"

    edited = _rewrite(good_export, tmp_path / "edited.xlsx", edit)
    reason = _refusal(edited, form)
    # A checksum tells damage or an edit that kept it; it proves nothing about who wrote it.
    assert reason.startswith("the checksum does not match")
    assert "signature" not in reason and "changed after the post" not in reason


def _resealed(source: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """A copy changed through openpyxl whose meta sha256 is recomputed, as a forger would."""

    def change_and_seal(workbook) -> None:  # type: ignore[no-untyped-def]
        change(workbook)
        rows = [list(row) for row in workbook["responses"].iter_rows(values_only=True)]
        digest = responses_digest(rows[0], rows[1:])
        for row in workbook["meta"].iter_rows(min_row=2):
            if row[0].value == "sha256":
                row[1].value = digest

    return _rewrite(source, target, change_and_seal)


def test_missing_columns_are_refused(good_export: Path, tmp_path: Path, form: Form) -> None:
    def drop(workbook) -> None:  # type: ignore[no-untyped-def]
        sheet = workbook["responses"]
        column = [cell.value for cell in sheet[1]].index("work_tools") + 1
        sheet.delete_cols(column)

    path = _resealed(good_export, tmp_path / "dropped.xlsx", drop)
    assert _refusal(path, form) == "the responses sheet lacks column work_tools"


def test_values_outside_the_choices_are_refused(
    good_export: Path, tmp_path: Path, form: Form
) -> None:
    def six(workbook) -> None:  # type: ignore[no-untyped-def]
        sheet = workbook["responses"]
        column = [cell.value for cell in sheet[1]].index("clarity_overall") + 1
        sheet.cell(3, column).value = "6"

    path = _resealed(good_export, tmp_path / "six.xlsx", six)
    reason = _refusal(path, form)
    assert reason.startswith("row 3, column clarity_overall: '6' is not one of the choices")


@pytest.mark.parametrize(
    ("sheet_name", "row", "value", "expected"),
    [
        ("responses", 3, time(10, 30), "row 3, column comments: a time cell (10:30:00)"),
        ("responses", 2, timedelta(hours=30), "row 2, column comments: a timedelta cell"),
        ("responses", 1, time(8, 0), "checksum does not match"),  # a header read as text
        ("meta", 1, time(8, 0), "the meta sheet has no key/value"),
    ],
)
def test_a_time_or_duration_cell_is_refused_not_a_crash(
    good_export: Path,
    tmp_path: Path,
    form: Form,
    sheet_name: str,
    row: int,
    value: object,
    expected: str,
) -> None:
    def odd(workbook) -> None:  # type: ignore[no-untyped-def]
        sheet = workbook[sheet_name]
        column = [cell.value for cell in sheet[1]].index("comments") + 1 if row > 1 else 1
        sheet.cell(row, column).value = value

    path = _rewrite(good_export, tmp_path / "odd.xlsx", odd)
    assert expected in _refusal(path, form)


def test_a_duplicate_response_uuid_is_refused(
    good_export: Path, tmp_path: Path, form: Form
) -> None:
    def twice(workbook) -> None:  # type: ignore[no-untyped-def]
        sheet = workbook["responses"]
        sheet.cell(3, 1).value = sheet.cell(2, 1).value

    path = _resealed(good_export, tmp_path / "twice.xlsx", twice)
    assert "appears twice (rows 2 and 3)" in _refusal(path, form)


def test_an_external_link_member_is_refused_and_not_followed(
    good_export: Path, tmp_path: Path, form: Form
) -> None:
    link = b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    path = _with_members(
        good_export, tmp_path / "linked.xlsx", {"xl/externalLinks/externalLink1.xml": link}
    )
    assert "links to other workbooks (xl/externalLinks/externalLink1.xml)" in _refusal(path, form)


def test_a_part_with_a_dtd_is_refused(good_export: Path, tmp_path: Path, form: Form) -> None:
    source = zipfile.ZipFile(good_export)
    bomb = b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><workbook/>'
    target = tmp_path / "dtd.xlsx"
    with zipfile.ZipFile(target, "w") as copy:
        for entry in source.infolist():
            data = bomb if entry.filename == "xl/workbook.xml" else source.read(entry)
            copy.writestr(entry, data)
    assert "carries a DTD" in _refusal(target, form)


def test_an_archive_that_unpacks_too_large_is_refused(
    good_export: Path, tmp_path: Path, form: Form
) -> None:
    # Zeros deflate a thousandfold: 101 MB unpacked in about 100 KB of zip.
    path = _with_members(
        good_export, tmp_path / "bomb.xlsx", {"xl/media/padding.bin": b"\0" * (101 * 1024 * 1024)}
    )
    assert path.stat().st_size < 2 * 1024 * 1024
    assert "unpacks to 101 MB" in _refusal(path, form)


@pytest.mark.parametrize(
    ("text", "is_uuid"),
    [
        ("0b7d5d0e-8a8f-4c83-9d0a-0d8e7f1f2a3b", True),
        ("0B7D5D0E-8A8F-4C83-9D0A-0D8E7F1F2A3B", True),
        ("0b7d5d0e8a8f4c839d0a0d8e7f1f2a3b", False),
        ("0b7d5d0e8-a8f-4c83-9d0a-0d8e7f1f2a3b", False),
        ("{0b7d5d0e-8a8f-4c83-9d0a-0d8e7f1f2a3b}", False),
        ("0b7d5d0e-8a8f-4c83-9d0a-0d8e7f1f2a3g", False),
        ("0b7d5d0e-8a8f-4c83-9d0a-0d8e7f1f2a3b\n", False),
        (12345, False),
    ],
)
def test_a_response_uuid_is_the_canonical_text_of_one(text: object, is_uuid: bool) -> None:
    assert reading._is_uuid(text) is is_uuid


def test_a_select_multiple_value_must_name_only_choices(form: Form) -> None:
    check, _expected = reading._column_rules(form)["tools_used"]
    choices = [choice.name for choice in form.choices(form.find("tools_used"))]  # type: ignore[arg-type]
    assert check(" ".join(choices[:2])) and check(choices[0])
    assert not check(f"{choices[0]} no_such_choice") and not check(3)
