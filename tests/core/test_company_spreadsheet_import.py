from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from postkit.core.companies.models import CompanyContactRow, CompanyRow
from postkit.core.companies.records import CompanyData, ContactData
from postkit.core.companies.spreadsheet_import import (
    apply_company_import,
    import_companies,
    initial_mapping,
    plan_company_import,
)
from postkit.core.companies.validation import normalized_name
from postkit.core.errors import PostkitError
from postkit.core.spreadsheet_import import read_table

HEADERS = [
    "Bedrijfsnaam", "KvK-nummer", "Handelsnaam", "Sector", "Land", "Aantal medewerkers",
    "Omzet", "Balanstotaal", "Internationaal actief", "Website", "Contactpersoon", "Functie",
    "E-mail", "Telefoon", "Opmerkingen",
]  # fmt: skip
GROENVELD = [
    "Groenveld Water B.V.", "12 34 56 78", "Groenveld Irrigatie", "Waterbeheer", "Kenia",
    "650", "EUR 45.000.000", "22.500.000", "ja", "https://groenveld.example", "Anna de Vries",
    "MVO-manager", "anna@groenveld.example", "+31 20 123 4567", "Handelsmissie 2025",
]  # fmt: skip


def store(session: Session, companies: list[CompanyData], actor: str) -> list[int]:
    """A stand-in for the register's add_companies: rows in the session, no commit."""
    rows = []
    for data in companies:
        row = CompanyRow(
            name=data.name,
            normalized_name=normalized_name(data.name),
            kvk_number=data.kvk_number,
            created_by=actor,
            updated_by=actor,
        )
        row.contacts = [CompanyContactRow(name=c.name, email=c.email) for c in data.contacts]
        rows.append(row)
    session.add_all(rows)
    session.flush()
    return [row.id for row in rows]


def _sheet(path: Path, headers: list[str], *rows: list[object]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _plan(session: Session, path: Path):  # type: ignore[no-untyped-def]
    table = read_table(path)
    mapping, _ = initial_mapping(session, table)
    return plan_company_import(session, table, mapping, "nl")


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(CompanyRow)) or 0


def test_a_dutch_relations_sheet_becomes_company_records(session: Session, tmp_path: Path) -> None:
    path = _sheet(tmp_path / "relaties.xlsx", HEADERS, GROENVELD)
    plan = _plan(session, path)
    assert plan.summary.line == "1 to add, 0 already present, 0 with errors"
    assert plan.rows[0].data == CompanyData(
        name="Groenveld Water B.V.",
        trade_names=("Groenveld Irrigatie",),
        kvk_number="12345678",
        sector="water_management",
        country="KE",
        employees=650,
        turnover_eur=45_000_000,
        balance_sheet_eur=22_500_000,
        operates_internationally=True,
        website="https://groenveld.example",
        notes="Handelsmissie 2025",
        contacts=(
            ContactData(
                "Anna de Vries", "MVO-manager", "anna@groenveld.example", "+31 20 123 4567"
            ),
        ),
    )


def test_duplicates_by_kvk_number_and_by_normalised_name_are_already_present(
    session: Session, tmp_path: Path
) -> None:
    store(session, [CompanyData("Groenveld Water B.V.", kvk_number="12345678")], "Tess")
    store(session, [CompanyData("Rosa Export Ltd")], "Tess")
    session.commit()
    path = _sheet(
        tmp_path / "relaties.xlsx",
        ["Naam", "KvK"],
        ["Groenveld (andere naam)", "12345678"],  # same KvK
        ["rosa export", ""],  # same name without the legal form
        ["Naivasha Bloemen", ""],
        ["Naivasha Bloemen B.V.", ""],  # twice in the sheet
    )
    assert _plan(session, path).summary.line == "1 to add, 3 already present, 0 with errors"


def test_errors_name_row_and_column_and_nothing_is_stored(session: Session, tmp_path: Path) -> None:
    path = _sheet(
        tmp_path / "relaties.xlsx",
        ["Naam", "KvK", "Land", "Contactpersoon", "E-mail", "Omzet"],
        ["Goed B.V.", "87654321", "Kenia", "", "", "1.000"],
        ["Fout B.V.", "1234", "Narnia", "", "", "veel"],
        ["Mail B.V.", "", "", "Piet", "piet-at-mail", ""],
    )
    plan = import_companies(session, path, "Tess", store)
    assert plan.summary.line == "1 to add, 0 already present, 2 with errors"
    assert [str(error) for error in plan.errors] == [
        "row 3, column 'KvK': not a KvK number of 8 digits: '1234'",
        "row 3, column 'Omzet': not a number: 'veel'",
        "row 3, column 'Land': unknown country: 'Narnia'",
        "row 4, column 'E-mail': 'piet-at-mail' is not an e-mail address",
    ]
    assert [(u.field, u.text, u.rows) for u in plan.unknown] == [("country", "Narnia", (3,))]
    assert _count(session) == 0
    with pytest.raises(PostkitError, match="nothing imported"):
        apply_company_import(session, plan, "Tess", store)
    assert _count(session) == 0


def test_importing_stores_the_companies_and_remembers_the_layout(
    session: Session, tmp_path: Path
) -> None:
    path = _sheet(tmp_path / "r.xlsx", ["Organisatie", "Plaats"], ["Kenya Flower Council", "x"])
    table = read_table(path)
    mapping, remembered = initial_mapping(session, table)
    assert (mapping, remembered) == ({"Organisatie": "name", "Plaats": ""}, False)
    plan = plan_company_import(session, table, mapping | {"Plaats": "notes"}, "nl")
    apply_company_import(session, plan, "Tess", store)
    assert _count(session) == 1
    again = _plan(session, path)
    assert again.mapping == {"Organisatie": "name", "Plaats": "notes"}
    assert again.summary.line == "0 to add, 1 already present, 0 with errors"


def test_a_csv_saved_by_dutch_excel_is_read(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "relaties.csv"
    path.write_bytes(
        "Naam;KvK-nummer;Omzet;Internationaal actief\r\n"
        "Café Noord B.V.;12.345.678;€ 1.250.000;nee\r\n".encode("cp1252")
    )
    plan = _plan(session, path)
    data = plan.rows[0].data
    assert data is not None, plan.errors
    assert (data.name, data.kvk_number, data.turnover_eur) == (
        "Café Noord B.V.",
        "12345678",
        1_250_000,
    )
    assert data.operates_internationally is False


def test_a_sheet_without_a_name_column_is_refused(session: Session, tmp_path: Path) -> None:
    path = _sheet(tmp_path / "r.xlsx", ["Land", "Sector"], ["Kenia", "Cacao"])
    with pytest.raises(PostkitError, match=r"r\.xlsx: no column gives the name"):
        _plan(session, path)
