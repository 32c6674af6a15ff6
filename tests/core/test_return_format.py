"""The annual return's file format: written and read by the same definitions."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from postkit.core.returns.format import (
    CONTENT_SHEETS,
    CORE_TASKS_SHEET,
    FORMAT,
    NARRATIVE_SHEET,
    PERIODS,
    PRACTICES_SHEET,
    SCREENING_COLUMNS,
    SCREENING_SHEET,
    THEMES_SHEET,
    ReturnContent,
    ReturnRejected,
    read_return,
    write_return_file,
)


def sample_content() -> ReturnContent:
    core = []
    for task in (1, 2, 3, 4, 5):
        quarters = [
            [task, f"Q{q}", q if task != 5 else 0, 1, 0, 2, 1, 1, 3, 2, 0] for q in (1, 2, 3, 4)
        ]
        year = [task, "year", *[sum(row[i] for row in quarters) for i in range(2, 11)]]
        year[5:8] = [4, 2, 2]  # unique companies are not additive
        core.extend([*quarters, year])
    screening = [[period, *[1] * (len(SCREENING_COLUMNS) - 1)] for period in PERIODS[:4]]
    screening.append(["year", *[4] * (len(SCREENING_COLUMNS) - 1)])
    return ReturnContent(
        post="Embassy Testland",
        post_code="",
        year=2025,
        schema_version="0015",
        written_at=datetime(2026, 1, 10, 9, 0, tzinfo=UTC),
        sheets={
            CORE_TASKS_SHEET: core,
            THEMES_SHEET: [[2, "gender", 3], [3, "climate", 1]],
            "sectors": [[3, "agri", 2]],
            "countries": [["KE", 7]],
            SCREENING_SHEET: screening,
            "practices": [["A seminar", "=1+1 is text", "2 3", "gender climate", "en"]],
            NARRATIVE_SHEET: [["results", "Much done.\nMore to do."], ["plans", "Go on."]],
        },
    )


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "return.xlsx"
    file_sha = write_return_file(path, sample_content())
    read = read_return(path)
    assert read.file_sha256 == file_sha
    assert (read.post, read.year, read.schema_version) == ("Embassy Testland", 2025, "0015")
    assert read.written_at == "2026-01-10T09:00:00Z"
    assert read.figures(2, "Q3").activities_done == 3
    assert read.figures(5).activities_done == 0
    assert read.active_core_tasks == (1, 2, 3, 4)
    assert read.figures(1).unique_companies == 4
    assert read.screening_of("year").outcomes["decline"] == 4
    assert [(t.core_task, t.code, t.activities) for t in read.themes] == [
        (2, "gender", 3),
        (3, "climate", 1),
    ]
    assert read.practices[0].core_tasks == (2, 3)
    assert read.practices[0].summary == "=1+1 is text"
    assert read.narrative == {"results": "Much done.\nMore to do.", "plans": "Go on."}


def test_written_workbook_has_no_formulas_and_a_meta_sheet(tmp_path: Path) -> None:
    path = tmp_path / "return.xlsx"
    write_return_file(path, sample_content())
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [name for name, _ in CONTENT_SHEETS] + ["meta"]
    meta = {row[0]: row[1] for row in workbook["meta"].iter_rows(min_row=2, values_only=True)}
    assert meta["format"] == FORMAT
    assert meta["year"] == 2025
    assert meta["sheets"] == " ".join(name for name, _ in CONTENT_SHEETS)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)


def test_an_edited_cell_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "return.xlsx"
    write_return_file(path, sample_content())
    workbook = openpyxl.load_workbook(path)
    workbook[CORE_TASKS_SHEET]["G2"] = 9  # named companies of task 1, Q1
    workbook.save(path)
    with pytest.raises(ReturnRejected, match="checksum does not match") as caught:
        read_return(path)
    assert caught.value.post == "Embassy Testland"


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "message"),
    [
        (CORE_TASKS_SHEET, "C2", -1, "activities_done: '-1' is not a whole number"),
        (CORE_TASKS_SHEET, "B2", "Q5", "period: 'Q5' is not one of"),
        (THEMES_SHEET, "B2", "not a code", "theme: 'not a code' is not a code"),
        (NARRATIVE_SHEET, "A2", "wishes", "section: 'wishes' is not results"),
        # Each core task apart: "23" is no core task, though the digits are.
        (PRACTICES_SHEET, "C2", "23", "core_tasks: '23' is not core tasks"),
        (PRACTICES_SHEET, "C2", "2 345", "core_tasks: '2 345' is not core tasks"),
    ],
)
def test_a_bad_cell_is_named(
    tmp_path: Path, sheet: str, cell: str, value: object, message: str
) -> None:
    path = tmp_path / "return.xlsx"
    write_return_file(path, sample_content())
    workbook = openpyxl.load_workbook(path)
    workbook[sheet][cell] = value
    workbook.save(path)
    with pytest.raises(ReturnRejected, match=message):
        read_return(path)


def test_a_missing_row_and_an_uneven_year_are_refused(tmp_path: Path) -> None:
    content = sample_content()
    rows = [list(row) for row in content.sheets[CORE_TASKS_SHEET]]
    missing = ReturnContent(
        **{**content.__dict__, "sheets": {**content.sheets, CORE_TASKS_SHEET: rows[1:]}}
    )
    write_return_file(tmp_path / "a.xlsx", missing)
    with pytest.raises(ReturnRejected, match="no row for core task 1 Q1"):
        read_return(tmp_path / "a.xlsx")
    rows[4][2] += 1  # task 1's year: one activity more than its quarters
    uneven = ReturnContent(
        **{**content.__dict__, "sheets": {**content.sheets, CORE_TASKS_SHEET: rows}}
    )
    write_return_file(tmp_path / "b.xlsx", uneven)
    with pytest.raises(ReturnRejected, match="core task 1: the year's activities_done"):
        read_return(tmp_path / "b.xlsx")


def test_other_files_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.xlsx"
    text.write_text("hello")
    with pytest.raises(ReturnRejected):
        read_return(text)
    other = tmp_path / "other.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "meta"
    workbook["meta"].append(["key", "value"])
    workbook["meta"].append(["format", "postkit-survey-export/1"])
    workbook.save(other)
    with pytest.raises(ReturnRejected, match="not a postkit annual return"):
        read_return(other)
    with pytest.raises(ReturnRejected, match="cannot read the file"):
        read_return(tmp_path / "absent.xlsx")


@pytest.mark.parametrize("sheet", ["meta", NARRATIVE_SHEET])
def test_a_duration_past_the_range_of_python_is_refused(tmp_path: Path, sheet: str) -> None:
    """calamine gives a number in a duration format as a timedelta, which raises
    OverflowError past a billion days: it escaped the reading, and at headquarters ended
    the aggregation of every return with it."""
    path = tmp_path / "return.xlsx"
    write_return_file(path, sample_content())
    workbook = openpyxl.load_workbook(path)
    cell = workbook[sheet].cell(workbook[sheet].max_row + 1, 1, 1e20)
    cell.number_format = "[h]:mm:ss"
    workbook.save(path)
    with pytest.raises(ReturnRejected, match=r"cannot be read \(a date or duration"):
        read_return(path)


def test_a_formula_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "return.xlsx"
    write_return_file(path, sample_content())
    workbook = openpyxl.load_workbook(path)
    workbook[NARRATIVE_SHEET]["B2"] = '=HYPERLINK("http://example.org","Much done.")'
    workbook.save(path)
    with pytest.raises(ReturnRejected, match="a sheet holds formulas"):
        read_return(path)


def _with_a_cell_added(path: Path, hostile: Path, row: bytes) -> Path:
    import zipfile

    with zipfile.ZipFile(path) as source, zipfile.ZipFile(hostile, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", row + b"</sheetData>")
            target.writestr(entry, data)
    return hostile


def test_a_cell_far_away_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "return.xlsx"
    write_return_file(path, sample_content())
    far = b'<row r="999999999"><c r="A999999999" t="n"><v>1</v></c></row>'
    with pytest.raises(ReturnRejected, match="addresses row 999,999,999"):
        read_return(_with_a_cell_added(path, tmp_path / "hostile.xlsx", far))


def test_a_cell_past_the_widest_sheet_is_read_within_64_columns_and_refused_past(
    tmp_path: Path,
) -> None:
    """A cell right of the header is not read, but the reader fills in the area up to it:
    one at ALK20001 made 20 million cells. Within 64 columns such a cell changes nothing."""
    path = tmp_path / "return.xlsx"
    write_return_file(path, sample_content())
    written = read_return(path)
    near = b'<row r="20001"><c r="BL20001" t="n"><v>1</v></c></row>'
    read = read_return(_with_a_cell_added(path, tmp_path / "near.xlsx", near))
    assert replace(read, path=path, file_sha256=written.file_sha256) == written
    far = b'<row r="20001"><c r="BM20001" t="n"><v>1</v></c></row>'
    with pytest.raises(ReturnRejected, match="addresses column 65; at most 64 are read"):
        read_return(_with_a_cell_added(path, tmp_path / "far.xlsx", far))


@pytest.mark.parametrize(
    ("sheet", "cell", "value"),
    [
        (None, None, None),
        (CORE_TASKS_SHEET, "C2", 2.5),
        (CORE_TASKS_SHEET, "C2", True),
        (CORE_TASKS_SHEET, "C2", "1"),
        (CORE_TASKS_SHEET, "A2", 1.5),
        (CORE_TASKS_SHEET, "B2", 1),
        (CORE_TASKS_SHEET, "K27", 10**9),
        (THEMES_SHEET, "B2", "gender "),
        (THEMES_SHEET, "A4", 2),  # a row of only a core task
        (NARRATIVE_SHEET, "B2", "Much done.\r\nMore to do."),
        (NARRATIVE_SHEET, "B2", "x" * 20_001),
        (NARRATIVE_SHEET, "A2", "results\r"),
    ],
)
def test_whole_columns_are_checked_as_cell_by_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sheet: str | None, cell: str, value: object
) -> None:
    """Headquarters checks a column at once when every cell fits; what it reads, or why it
    refuses, is what the check of each cell gives."""
    from postkit.core.returns import format as return_format

    path = tmp_path / "return.xlsx"
    write_return_file(path, sample_content())
    if sheet is not None:
        workbook = openpyxl.load_workbook(path)
        workbook[sheet][cell] = value
        workbook.save(path)

    def outcome() -> object:
        try:
            return read_return(path)
        except ReturnRejected as error:
            return error.reason

    whole = outcome()
    monkeypatch.setattr(return_format, "_FAST", {})
    assert outcome() == whole
    if sheet is None:
        assert not isinstance(whole, str)


def test_text_of_every_kind_reads_back_under_its_checksum(tmp_path: Path) -> None:
    """The reader encodes the digest with orjson, the writer with json.dumps: the same text
    for whatever a post writes (quotes, backslashes, tabs, accents, other scripts, emoji)."""
    content = sample_content()
    awkward = 'Zeg "ja"\\nee\tÉén – 北京 \u2028 € 🙂 </x> \x7f'
    sheets = dict(content.sheets)
    sheets[NARRATIVE_SHEET] = [["results", awkward], ["obstacles", "ß" * 5_000]]
    sheets["practices"] = [[awkward, awkward, "1", "gender", "nl"]]
    path = tmp_path / "return.xlsx"
    write_return_file(path, ReturnContent(**{**vars(content), "sheets": sheets}))

    read = read_return(path)

    assert read.narrative["results"] == awkward
    assert read.practices[0].summary == awkward


@pytest.mark.parametrize(
    ("sheet", "row", "message"),
    [
        (CORE_TASKS_SHEET, 3, "the core_tasks sheet has core task 1 Q4 twice"),
        (SCREENING_SHEET, 4, "the screening sheet has year twice"),
        (THEMES_SHEET, 1, "the themes sheet has core task 3 climate twice"),
        ("sectors", 0, "the sectors sheet has core task 3 agri twice"),
        ("countries", 0, "the countries sheet has KE twice"),
        (NARRATIVE_SHEET, 1, "the narrative sheet has plans twice"),
    ],
)
def test_a_row_given_twice_is_refused_with_the_post_and_year(
    tmp_path: Path, sheet: str, row: int, message: str
) -> None:
    content = sample_content()
    rows = [list(cells) for cells in content.sheets[sheet]]
    rows.append(list(rows[row]))
    path = tmp_path / "twice.xlsx"
    write_return_file(
        path, ReturnContent(**{**vars(content), "sheets": {**content.sheets, sheet: rows}})
    )

    with pytest.raises(ReturnRejected, match=message) as raised:
        read_return(path)

    assert (raised.value.post, raised.value.year) == ("Embassy Testland", 2025)


def test_a_batch_reads_each_file_as_it_is_read_alone(tmp_path: Path) -> None:
    """Files read stage by stage in one batch: each gives what reading it alone gives, a
    refusal at any stage refusing that file only."""
    from postkit.core.returns.format import read_return_tables, read_returns_tables

    sound = [tmp_path / f"sound-{index}.xlsx" for index in range(3)]
    for index, path in enumerate(sound):
        content = sample_content()
        write_return_file(path, ReturnContent(**{**vars(content), "year": 2020 + index}))
    missing = tmp_path / "missing.xlsx"  # refused as it is read
    not_a_zip = tmp_path / "not-a-zip.xlsx"  # refused by the package check
    not_a_zip.write_bytes(b"PK but no zip at all")
    no_meta = tmp_path / "no-meta.xlsx"  # refused as its cells are read
    workbook = openpyxl.Workbook()
    workbook.active.append(["a", "b"])  # type: ignore[union-attr]
    workbook.save(no_meta)
    edited = tmp_path / "edited.xlsx"  # refused by the tables' checks
    write_return_file(edited, sample_content())
    workbook = openpyxl.load_workbook(edited)
    workbook[CORE_TASKS_SHEET]["G2"] = 9
    workbook.save(edited)
    paths = [missing, sound[0], not_a_zip, sound[1], no_meta, edited, sound[2]]

    batch = read_returns_tables(paths)

    assert len(batch) == len(paths)
    for path, read in zip(paths, batch, strict=True):
        if path in sound:
            assert read == read_return_tables(path)
            continue
        assert isinstance(read, ReturnRejected) and read.path == path
        with pytest.raises(ReturnRejected) as alone:
            read_return_tables(path)
        assert (read.reason, read.post, read.year) == (
            alone.value.reason, alone.value.post, alone.value.year,
        )  # fmt: skip
    assert [read.meta["year"] for read in batch if not isinstance(read, ReturnRejected)] == [
        2020, 2021, 2022,
    ]  # fmt: skip
    reasons = [read.reason for read in batch if isinstance(read, ReturnRejected)]
    assert "cannot read the file" in reasons[0] and "checksum" in reasons[3]
    assert batch[5].post == "Embassy Testland"  # type: ignore[union-attr]
