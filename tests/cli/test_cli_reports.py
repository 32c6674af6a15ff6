from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from postkit.cli import main
from postkit.core.activities.demo import seed_demo
from postkit.core.activities.listing import count_activities
from postkit.core.activities.records import ActivityFilter
from postkit.core.db import open_database
from tests.core.test_annual_report import pdf_lines

SEED_DAY = date(2026, 6, 30)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database with 200 demo activities spread over 2023–2026."""
    path = tmp_path / "post.sqlite3"
    database = open_database(path)
    with database.session() as session:
        seed_demo(session, activities=200, today=SEED_DAY)
    database.dispose()
    return path


def _count(db: Path, flt: ActivityFilter) -> int:
    database = open_database(db)
    with database.session() as session:
        count = count_activities(session, flt)
    database.dispose()
    return count


def _one_clean_error_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("postkit: error: ")
    return lines[0]


def test_export_writes_every_activity(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.xlsx"
    assert main(["--db", str(db), "activities", "export", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: 200 activities"
    sheet = load_workbook(out, read_only=True)["activities"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("uuid", "post", "core task")
    assert len(rows) == 201


def test_export_of_one_year_in_dutch(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "2025.xlsx"
    argv = ["--db", str(db), "activities", "export", str(out), "--year", "2025"]
    assert main([*argv, "--language", "nl"]) == 0
    expected = _count(db, ActivityFilter(year=2025))
    assert capsys.readouterr().out.strip() == f"{out}: {expected} activities"
    sheet = load_workbook(out, read_only=True)["activities"]
    header, *rows = sheet.iter_rows(values_only=True)
    assert header[2] == "kerntaak"
    assert 0 < len(rows) == expected < 200
    assert {row[6].year for row in rows} == {2025}  # type: ignore[union-attr]


def test_annual_report_is_written(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "annual-2025.pdf"
    assert main(["--db", str(db), "report", "annual", "--year", "2025", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: annual report 2025"
    assert out.read_bytes().startswith(b"%PDF-")
    lines = pdf_lines(out)
    assert "Annual IMVO report 2025" in lines
    assert "Activities in 2025" in lines


def test_annual_report_in_dutch(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "jaarverslag.pdf"
    argv = ["--db", str(db), "report", "annual", "--year", "2024", str(out), "--language", "nl"]
    assert main(argv) == 0
    assert "IMVO-jaarverslag 2024" in pdf_lines(out)


@pytest.mark.parametrize(
    "command",
    [
        ["activities", "export", "{out}.xlsx"],
        ["report", "annual", "--year", "2025", "{out}.pdf"],
    ],
)
def test_a_missing_output_folder_is_one_error_line_and_exit_1(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    out = tmp_path / "no-such-folder" / "out"
    argv = [part.format(out=out) for part in command]
    assert main(["--db", str(db), *argv]) == 1
    captured = capsys.readouterr()
    line = _one_clean_error_line(captured.err)
    assert "cannot write" in line and str(out) in line
    assert captured.out == ""
    assert not (tmp_path / "no-such-folder").exists()
