"""CSV files as Excel writes them in a Dutch or English locale, and as other tools do."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from postkit.core.csv_files import (
    UTF8,
    WINDOWS_1252,
    csv_cell,
    csv_layout,
    csv_writer,
    iso_date_text,
    open_csv,
)
from postkit.core.errors import PostkitError


@pytest.mark.parametrize(
    ("content", "encoding", "delimiter"),
    [
        ("naam,plaats\r\nJosé,Bogotá\r\n".encode("cp1252"), WINDOWS_1252, ","),
        ("naam;plaats\r\nJosé;Bogotá\r\n".encode("cp1252"), WINDOWS_1252, ";"),
        ("\ufeffnaam;plaats\r\nJosé;Bogotá\r\n".encode(), UTF8, ";"),
        ("naam\tplaats\nJosé\tBogotá\n".encode(), UTF8, "\t"),
        (b"naam\nJose\n", UTF8, ","),
    ],
    ids=["excel-english", "excel-dutch", "excel-csv-utf8", "tabs", "one-column"],
)
def test_the_layout_is_read_from_the_bytes_and_the_header(
    tmp_path: Path, content: bytes, encoding: str, delimiter: str
) -> None:
    path = tmp_path / "table.csv"
    path.write_bytes(content)

    layout = csv_layout(path)
    assert (layout.encoding, layout.delimiter) == (encoding, delimiter)
    with open_csv(path) as rows:
        cells = list(rows)
    assert cells[-1][0] in ("José", "Jose")
    if len(cells[0]) == 2:
        assert cells == [["naam", "plaats"], ["José", "Bogotá"]]


def test_a_header_with_quoted_commas_still_splits_on_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text('"code, ISO";level;note\nKE;high;"a, b"\n', encoding="utf-8")

    assert csv_layout(path).delimiter == ";"


def test_bytes_that_are_no_text_in_windows_1252_name_the_row(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_bytes(b"a;b\r\n1;2\r\n3;\x81\r\n")  # 0x81 is unassigned in Windows-1252

    expected = r"^table\.csv, row 3: neither UTF-8 nor Windows-1252"
    with pytest.raises(PostkitError, match=expected), open_csv(path) as rows:
        list(rows)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("25-11-2026", "2026-11-25"),
        ("5-1-2023 9:05", "2023-01-05T09:05:00"),
        ("05-01-2023 09:05:30", "2023-01-05T09:05:30"),
        ("2026-11-25", "2026-11-25"),
        ("2026-11-25T10:00:00", "2026-11-25T10:00:00"),
        ("1972", "1972"),
        ("31-13-2020", "31-13-2020"),
        ("11/25/2026", "11/25/2026"),
    ],
)
def test_dutch_excel_dates_become_iso_and_the_rest_stays(text: str, iso: str) -> None:
    assert iso_date_text(text) == iso


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("-2", "'-2"),  # text: typed, not validated as a number
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\n=1", "'\n=1"),
        ("a=1", "a=1"),
        ("'quoted", "'quoted"),
        (-2, -2),
        (-0.5, -0.5),
        (True, "True"),
        (None, ""),
    ],
)
def test_a_csv_cell_starting_like_a_formula_gets_a_single_quote(
    value: object, cell: object
) -> None:
    assert csv_cell(value) == cell


def test_the_csv_writer_quotes_text_whole_and_leaves_numbers_bare() -> None:
    buffer = io.StringIO()
    csv_writer(buffer).writerow(["a;=cmd", '"q"', -3, 1.5, None])
    assert buffer.getvalue() == '"a;=cmd","""q""",-3,1.5,""\r\n'


def test_a_utf16_csv_is_refused_naming_its_encoding(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("\ufeffid,schema,name\nx1,Person,Jan\n".encode("utf-16-le"))
    with pytest.raises(PostkitError, match=r"^list\.csv: the file is UTF-16 text.*CSV UTF-8"):
        csv_layout(path)


def test_a_file_of_nul_bytes_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "zeros.csv"
    with path.open("wb") as file:
        file.truncate(400 << 20)  # sparse: nothing to write, much to read
    with pytest.raises(PostkitError, match=r"^zeros\.csv: row 1 holds a NUL byte"):
        csv_layout(path)


def test_a_line_longer_than_a_megabyte_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("id,name\n" + "x" * (2 << 20) + "\n", encoding="utf-8")
    with (
        pytest.raises(PostkitError, match=r"^long\.csv, line 2: over 1 MB without a line break"),
        open_csv(path) as rows,
    ):
        list(rows)
