from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from postkit import cli
from postkit.cli import main
from postkit.core.companies.models import CompanyRow
from postkit.core.db import Database, open_database
from tests.core.test_company_spreadsheet_import import GROENVELD, HEADERS, store


def _count(location: Path) -> int:
    database = open_database(location)
    try:
        with database.session() as session:
            return session.scalar(select(func.count()).select_from(CompanyRow)) or 0
    finally:
        database.dispose()


def _sheet(path: Path, *rows: list[object]) -> Path:
    workbook = Workbook()
    workbook.active.append(HEADERS)
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def test_companies_import_prints_the_summary_and_a_second_run_finds_them_present(
    database: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cli, "_store_companies", store)
    db = str(tmp_path / "db" / "postkit.sqlite3")
    other = ["Rosa Export Ltd", "", "", "Sierteelt", "Kenia", *[""] * 10]
    path = _sheet(tmp_path / "relaties.xlsx", GROENVELD, other)
    assert main(["--db", db, "companies", "import", str(path), "--dry-run"]) == 0
    assert _count(Path(db)) == 0
    assert main(["--db", db, "companies", "import", str(path)]) == 0
    assert main(["--db", db, "companies", "import", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "2 to add, 0 already present, 0 with errors",
        "2 to add, 0 already present, 0 with errors",
        "0 to add, 2 already present, 0 with errors",
    ]
    assert _count(Path(db)) == 2


def test_a_row_with_an_error_exits_1_and_stores_nothing(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db" / "postkit.sqlite3")
    wrong = ["Fout B.V.", "123", *[""] * 13]
    path = _sheet(tmp_path / "relaties.xlsx", GROENVELD, wrong)
    assert main(["--db", db, "companies", "import", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "1 to add, 0 already present, 1 with errors\n"
    assert (
        "relaties.xlsx: row 3, column 'KvK-nummer': not a KvK number of 8 digits: '123'"
        in captured.err
    )
    assert _count(Path(db)) == 0
