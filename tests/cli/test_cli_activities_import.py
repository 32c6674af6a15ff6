from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from postkit.cli import main
from postkit.core.activities.demo import seed_demo
from postkit.core.activities.models import Activity
from postkit.core.db import Database, open_database

FIXTURE = Path(__file__).parent.parent / "data" / "activiteiten_2025_nairobi.xlsx"


def _count(location: Path) -> int:
    database = open_database(location)
    try:
        with database.session() as session:
            return session.scalar(select(func.count()).select_from(Activity)) or 0
    finally:
        database.dispose()


def test_dry_run_prints_the_summary_and_adds_nothing(
    database: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "db" / "postkit.sqlite3")
    code = main(["--db", db, "activities", "import", str(FIXTURE), "--dry-run"])
    assert code == 0
    assert capsys.readouterr().out == "6 to add, 0 already present, 0 with errors\n"
    assert _count(Path(db)) == 0


def test_import_adds_the_sheet_and_a_second_run_finds_it_present(
    database: Database,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "db" / "postkit.sqlite3")
    assert main(["--db", db, "activities", "import", str(FIXTURE)]) == 0
    assert main(["--db", db, "activities", "import", str(FIXTURE)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "6 to add, 0 already present, 0 with errors",
        "0 to add, 6 already present, 0 with errors",
    ]
    assert _count(Path(db)) == 6


def test_a_row_with_an_error_exits_1_naming_row_and_column_and_adds_nothing(
    database: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Datum", "Kerntaak", "Activiteit", "Soort", "Sector"])
    sheet.append(["15-04-2025", 2, "Goed", "Training", "Cacao"])
    sheet.append(["15-04-2025", 2, "Onbekende sector", "Training", "Tuinbouw"])
    path = tmp_path / "lijst.xlsx"
    workbook.save(path)
    db = str(tmp_path / "db" / "postkit.sqlite3")
    assert main(["--db", db, "activities", "import", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "1 to add, 0 already present, 1 with errors\n"
    assert captured.err.splitlines() == [
        "postkit: error: lijst.xlsx: 1 row(s) with errors, nothing added",
        "lijst.xlsx: row 3, column 'Sector': unknown sectors: 'Tuinbouw'",
        "lijst.xlsx: unknown sectors in column 'Sector': 'Tuinbouw' (rows 3)",
    ]
    assert _count(Path(db)) == 0


def test_a_hostile_file_is_refused_in_one_line(
    database: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bom.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    db = str(tmp_path / "db" / "postkit.sqlite3")
    assert main(["--db", db, "activities", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("postkit: error: bom.xlsx: not an Excel workbook")
    assert len(err.strip().splitlines()) == 1


def test_export_then_import_into_an_empty_database_then_export_gives_the_same_cells(
    database: Database, tmp_path: Path
) -> None:
    with database.session() as session:
        seed_demo(session, activities=40, today=date(2026, 6, 30))
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    empty = tmp_path / "empty.sqlite3"
    assert (
        main(["--db", str(tmp_path / "db" / "postkit.sqlite3"), "activities", "export", str(first)])
        == 0
    )
    assert main(["--db", str(empty), "activities", "import", str(first)]) == 0
    assert main(["--db", str(empty), "activities", "export", str(second)]) == 0
    assert _cells(second) == _cells(first)


def _cells(path: Path) -> list[tuple[object, ...]]:
    return list(load_workbook(path).active.iter_rows(values_only=True))
