from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from postkit.core.activities.demo import seed_demo
from postkit.core.activities.export import export_activities_xlsx
from postkit.core.activities.models import Activity
from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity, get_activity
from postkit.core.activities.spreadsheet_import import (
    apply_activity_import,
    import_activities,
    initial_mapping,
    plan_activity_import,
    read_activity_table,
    sheet_locale,
)
from postkit.core.companies.models import CompanyRow
from postkit.core.db import Database, open_database
from postkit.core.errors import CancelledError, PostkitError
from postkit.core.profile import save_profile
from tests.conftest import TEST_PROFILE

FIXTURE = Path(__file__).parent.parent / "data" / "activiteiten_2025_nairobi.xlsx"
HEADERS = ["Datum", "Kerntaak", "Activiteit", "Soort", "Aantal bedrijven"]


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Activity)) or 0


def _sheet(path: Path, headers: list[str], *rows: list[object]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _companies() -> tuple[dict[str, int], object]:
    """A stand-in for the register's find-or-create: one company per distinct name."""
    made: dict[str, int] = {}

    def resolve(session: Session, name: str, actor: str) -> int:
        if name not in made:
            row = CompanyRow(name=name, created_by=actor, updated_by=actor)
            session.add(row)
            session.flush()
            made[name] = row.id
        return made[name]

    return made, resolve


def _plan(session: Session, path: Path, locale: str | None = None):  # type: ignore[no-untyped-def]
    table = read_activity_table(path)
    mapping, _ = initial_mapping(session, table)
    return plan_activity_import(session, table, mapping, locale or sheet_locale(table))


def test_the_posts_own_dutch_sheet_maps_itself_and_reads_every_row(session: Session) -> None:
    table = read_activity_table(FIXTURE)
    mapping, remembered = initial_mapping(session, table)
    assert not remembered
    assert sheet_locale(table) == "nl"
    assert mapping["Datum"] == "start_date"
    assert mapping["Activiteit"] == "title"
    assert mapping["Soort activiteit"] == "activity_type"
    assert mapping["Namen bedrijven"] == "company_names"
    assert mapping["Totaal"] == ""  # a formula column the import leaves alone
    plan = plan_activity_import(session, table, mapping, "nl")
    assert plan.summary.line == "6 to add, 0 already present, 0 with errors"
    by_row = {row.row: row.data for row in plan.rows}
    # The title row and the blank row above the headers are skipped: data starts at row 4.
    assert sorted(by_row) == [4, 5, 6, 7, 8, 9]
    seminar = by_row[5]
    assert seminar is not None
    assert seminar.start_date == date(2025, 4, 15)
    assert (seminar.core_task, seminar.activity_type, seminar.country) == (2, "seminar_event", "KE")
    assert seminar.sectors == ("floriculture",)
    assert seminar.themes == ("gender", "living_wage")
    # 12 companies reached, two of them named: the other ten stay a bare number.
    assert seminar.unnamed_companies == 10
    assert by_row[6].start_date == date(2025, 6, 3)  # type: ignore[union-attr]
    assert by_row[6].activity_type == "company_advice"  # type: ignore[union-attr]
    assert by_row[8].start_date == date(2025, 5, 12)  # '12 mei 2025'  # type: ignore[union-attr]
    assert by_row[9].unnamed_companies == 1250  # '1.250' in Dutch  # type: ignore[union-attr]
    assert by_row[7].sectors == ("agriculture_food", "fruit_vegetables")  # type: ignore[union-attr]


def test_importing_stores_all_rows_links_named_companies_and_remembers_the_layout(
    session: Session,
) -> None:
    made, resolve = _companies()
    plan = import_activities(session, FIXTURE, "Tess", resolve_company=resolve)  # type: ignore[arg-type]
    assert plan.summary.line == "6 to add, 0 already present, 0 with errors"
    assert _count(session) == 6
    assert sorted(made) == ["Bloemenkwekerij Naivasha B.V.", "Rosa Export Ltd"]
    seminar = session.scalar(select(Activity).where(Activity.title.like("Seminar leefbaar%")))
    assert seminar is not None
    record = get_activity(session, seminar.id)
    assert record.data.company_ids == (1, 2)
    assert record.data.post_name == TEST_PROFILE.post_name
    assert record.created_by == "Tess"
    _, remembered = initial_mapping(session, read_activity_table(FIXTURE))
    assert remembered


def test_importing_the_same_sheet_again_adds_nothing(session: Session) -> None:
    _made, resolve = _companies()
    import_activities(session, FIXTURE, "Tess", resolve_company=resolve)  # type: ignore[arg-type]
    again = import_activities(session, FIXTURE, "Tess", resolve_company=resolve)  # type: ignore[arg-type]
    assert again.summary.line == "0 to add, 6 already present, 0 with errors"
    assert _count(session) == 6


def test_an_activity_with_the_same_title_date_and_core_task_is_already_present(
    session: Session, tmp_path: Path
) -> None:
    create_activity(
        session,
        ActivityInput(2, "Seminar leefbaar loon", date(2025, 4, 15), "seminar_event"),
        "Tess",
    )
    path = _sheet(
        tmp_path / "s.xlsx",
        HEADERS,
        ["15-04-2025", 2, "  seminar LEEFBAAR loon ", "Seminar of evenement", 3],
        ["15-04-2025", 3, "Seminar leefbaar loon", "Seminar of evenement", 3],  # other task
        ["16-04-2025", 2, "Seminar leefbaar loon", "Seminar of evenement", 3],  # other day
        ["16-04-2025", 2, "Seminar leefbaar loon", "Seminar of evenement", 3],  # twice in file
    )
    assert _plan(session, path).summary.line == "2 to add, 2 already present, 0 with errors"


def test_a_row_with_an_error_names_row_and_column_and_nothing_is_added(
    session: Session, tmp_path: Path
) -> None:
    path = _sheet(
        tmp_path / "s.xlsx",
        HEADERS,
        ["15-04-2025", 2, "Goed", "Training", 3],
        ["31-02-2025", 2, "Verkeerde datum", "Training", 3],
        ["15-04-2025", 7, "Verkeerde kerntaak", "Training", "drie"],
    )
    plan = import_activities(session, path, "Tess")
    assert plan.summary.line == "1 to add, 0 already present, 2 with errors"
    messages = [str(error) for error in plan.errors]
    assert messages == [
        "row 3, column 'Datum': not a date: '31-02-2025'",
        "row 4, column 'Kerntaak': not one of the five core tasks: '7'",
        "row 4, column 'Aantal bedrijven': not a number: 'drie'",
    ]
    assert _count(session) == 0
    with pytest.raises(PostkitError, match=r"2 row.*nothing imported.*row 3, column 'Datum'"):
        apply_activity_import(session, plan, "Tess")
    assert _count(session) == 0


def test_unknown_values_are_listed_with_their_rows_and_a_chosen_code_resolves_them(
    session: Session, tmp_path: Path
) -> None:
    path = _sheet(
        tmp_path / "s.xlsx",
        [*HEADERS, "Sector", "Land"],
        ["15-04-2025", 2, "Een", "Training", 3, "Tuinbouw", "Kenia"],
        ["16-04-2025", 2, "Twee", "Werkbezoek", 3, "Tuinbouw; Cacao", "Kenya"],
        ["17-04-2025", 2, "Drie", "Training", 3, "", "Narnia"],
    )
    plan = _plan(session, path)
    assert [(u.field, u.column, u.text, u.rows) for u in plan.unknown] == [
        ("activity_type", "Soort", "Werkbezoek", (3,)),
        ("country", "Land", "Narnia", (4,)),
        ("sectors", "Sector", "Tuinbouw", (2, 3)),
    ]
    assert plan.summary.with_errors == 3
    table = read_activity_table(path)
    choices = {
        ("sectors", "Tuinbouw"): "fruit_vegetables",
        ("activity_type", "Werkbezoek"): "meeting",
        ("country", "Narnia"): "KE",
    }
    chosen = plan_activity_import(session, table, plan.mapping, "nl", choices)
    assert chosen.summary.line == "3 to add, 0 already present, 0 with errors"
    assert chosen.rows[1].data.sectors == ("cocoa", "fruit_vegetables")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("cell", "locale", "expected"),
    [
        ("15-04-2025", "en", date(2025, 4, 15)),  # dashes: Dutch whatever the locale
        ("15/4/2025", "en", date(2025, 4, 15)),  # only one reading
        ("4/5/2025", "nl", date(2025, 5, 4)),
        ("4/5/2025", "en", date(2025, 4, 5)),
        ("2025-04-15", "nl", date(2025, 4, 15)),
        ("15 april 2025", "en", date(2025, 4, 15)),
        ("April 15, 2025", "nl", date(2025, 4, 15)),
        ("3 okt. 2025", "nl", date(2025, 10, 3)),
        (date(2025, 4, 15), "en", date(2025, 4, 15)),  # an Excel date cell
        (45762, "nl", date(2025, 4, 15)),  # a date cell formatted as a number
    ],
)
def test_dates_are_read_in_the_locale(
    session: Session, tmp_path: Path, cell: object, locale: str, expected: date
) -> None:
    path = _sheet(tmp_path / "s.xlsx", HEADERS, [cell, 2, "Een", "Training", 0])
    plan = _plan(session, path, locale)
    assert plan.rows[0].data is not None, plan.errors
    assert plan.rows[0].data.start_date == expected


@pytest.mark.parametrize(
    ("cell", "locale", "expected"),
    [
        ("1.234", "nl", 1234),
        ("1,234", "en", 1234),
        ("1 234", "nl", 1234),
        (12.0, "en", 12),
        ("1.234", "en", "not a whole number: '1.234'"),
        ("1,5", "nl", "not a whole number: '1,5'"),
        ("1.23.4", "nl", "not a number: '1.23.4'"),
        ("-3", "nl", "must be 0 or more: '-3'"),
    ],
)
def test_numbers_are_read_in_the_locale(
    session: Session, tmp_path: Path, cell: object, locale: str, expected: int | str
) -> None:
    path = _sheet(tmp_path / "s.xlsx", HEADERS, ["15-04-2025", 2, "Een", "Training", cell])
    plan = _plan(session, path, locale)
    if isinstance(expected, int):
        assert plan.rows[0].data is not None, plan.errors
        assert plan.rows[0].data.unnamed_companies == expected
    else:
        assert [error.message for error in plan.errors] == [expected]


def test_a_remembered_mapping_wins_over_the_suggestion(session: Session, tmp_path: Path) -> None:
    headers = ["Wanneer", "KT", "Wat", "Vorm", "Opmerking"]
    path = _sheet(tmp_path / "s.xlsx", headers, ["15-04-2025", 2, "Een", "Training", "x"])
    table = read_activity_table(path)
    suggested, remembered = initial_mapping(session, table)
    assert not remembered
    assert suggested["Wanneer"] == ""  # no synonym: the user maps it once
    mapping = suggested | {"Wanneer": "start_date", "Wat": "title", "Opmerking": "outcome"}
    plan = plan_activity_import(session, table, mapping, "nl")
    apply_activity_import(session, plan, "Tess")
    # Same layout, other case and spacing in a new file: mapped as the user did.
    other = _sheet(
        tmp_path / "t.xlsx",
        ["wanneer", "KT ", "Wat", "Vorm", "Opmerking"],
        ["16-04-2025", 2, "Twee", "Training", "y"],
    )
    recalled, remembered = initial_mapping(session, read_activity_table(other))
    assert remembered
    assert recalled["wanneer"] == "start_date"
    assert recalled["Opmerking"] == "outcome"


def test_a_missing_required_column_names_the_field(session: Session, tmp_path: Path) -> None:
    path = _sheet(tmp_path / "s.xlsx", ["Datum", "Activiteit", "Soort"], ["15-04-2025", "a", "b"])
    with pytest.raises(PostkitError, match=r"s\.xlsx: no column gives the core task"):
        _plan(session, path)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_an_export_imported_into_an_empty_database_gives_the_same_list_back(
    session: Session, tmp_path: Path, language: str
) -> None:
    seed_demo(session, activities=120, today=date(2026, 6, 30))
    first = tmp_path / "first.xlsx"
    export_activities_xlsx(session, first, language=language)
    empty = open_database(tmp_path / "empty.sqlite3")
    try:
        with empty.session() as other:
            save_profile(other, replace(TEST_PROFILE, post_name="Another post"))
            plan = import_activities(other, first, "Someone else")
            assert plan.summary.line == "120 to add, 0 already present, 0 with errors"
            second = tmp_path / "second.xlsx"
            export_activities_xlsx(other, second, language=language)
    finally:
        empty.dispose()
    assert _cells(second) == _cells(first)


def _cells(path: Path) -> list[list[object]]:
    return [list(row) for row in load_workbook(path).active.iter_rows(values_only=True)]


def test_hostile_or_malformed_files_are_refused_in_one_line(
    session: Session, tmp_path: Path
) -> None:
    old_excel = tmp_path / "oud.xlsx"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    with pytest.raises(PostkitError, match=r"oud\.xlsx: .*old Excel \.xls"):
        read_activity_table(old_excel)
    text = tmp_path / "tekst.xlsx"
    text.write_text("not a workbook")
    with pytest.raises(PostkitError, match=r"tekst\.xlsx: not an Excel workbook"):
        read_activity_table(text)
    pdf = tmp_path / "lijst.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(PostkitError, match=r"lijst\.pdf: not an \.xlsx workbook or a \.csv"):
        read_activity_table(pdf)
    empty = _sheet(tmp_path / "leeg.xlsx", [])
    with pytest.raises(PostkitError, match=r"leeg\.xlsx: the sheet is empty"):
        read_activity_table(empty)


def test_a_formula_cell_is_not_run_and_formula_text_stays_text(
    session: Session, tmp_path: Path
) -> None:
    path = _sheet(
        tmp_path / "s.xlsx",
        [*HEADERS, "Resultaat"],
        ["15-04-2025", 2, '=HYPERLINK("http://x")', "Training", "=1+2", '=cmd|"/c calc"!A1'],
    )
    plan = _plan(session, path)
    # openpyxl stores '=...' as formulas without a cached value: they read as empty cells.
    assert plan.rows[0].errors[0].column == "Activiteit"
    assert plan.rows[0].errors[0].message == "empty; a value is required"


def test_a_csv_in_the_dutch_excel_layout_is_read(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "lijst.csv"
    path.write_bytes(
        "Datum;Kerntaak;Activiteit;Soort;Aantal bedrijven\r\n"
        "15-04-2025;2;Café-overleg;Bijeenkomst;1.200\r\n".encode("cp1252")
    )
    plan = _plan(session, path)
    assert plan.rows[0].data is not None, plan.errors
    assert plan.rows[0].data.title == "Café-overleg"
    assert plan.rows[0].data.unnamed_companies == 1200


def test_a_large_sheet_is_planned_with_progress(database: Database, tmp_path: Path) -> None:
    rows = [
        [f"{1 + i % 28}-04-2025", 1 + i % 5, f"Activiteit {i}", "Training", i] for i in range(3000)
    ]
    path = _sheet(tmp_path / "groot.xlsx", HEADERS, *rows)
    seen: list[tuple[int, int]] = []
    with database.session() as session:
        table = read_activity_table(path)
        mapping, _ = initial_mapping(session, table)
        plan = plan_activity_import(
            session, table, mapping, "nl", progress=lambda d, t: seen.append((d, t))
        )
        assert plan.summary.to_add == 3000
        apply_activity_import(session, plan, "Tess")
        assert _count(session) == 3000
    assert seen[-1] == (3000, 3000)


def test_company_names_without_a_register_to_link_them_add_nothing(session: Session) -> None:
    table = read_activity_table(FIXTURE)
    mapping, _ = initial_mapping(session, table)
    plan = plan_activity_import(session, table, mapping, "nl")
    with pytest.raises(PostkitError, match="names companies, but no company register"):
        apply_activity_import(session, plan, "Tess", resolve_company=None)
    assert _count(session) == 0


def test_an_import_cancelled_halfway_adds_nothing(session: Session, tmp_path: Path) -> None:
    rows = [[f"{1 + i % 28}-04-2025", 1, f"Activiteit {i}", "Training", 0] for i in range(1200)]
    path = _sheet(tmp_path / "groot.xlsx", HEADERS, *rows)
    plan = _plan(session, path)

    def cancel(done: int, _total: int) -> None:
        if done >= 500:
            raise CancelledError()

    with pytest.raises(CancelledError):
        apply_activity_import(session, plan, "Tess", progress=cancel)
    assert _count(session) == 0
    _, remembered = initial_mapping(session, read_activity_table(path))
    assert not remembered


def test_a_sheet_past_the_row_limit_is_refused(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from postkit.core import spreadsheet_import

    monkeypatch.setattr(spreadsheet_import, "MAX_ROWS", 3)
    rows = [["15-04-2025", 2, f"Een {i}", "Training", 0] for i in range(4)]
    path = tmp_path / "lijst.csv"
    path.write_text("\n".join(";".join(map(str, row)) for row in [HEADERS, *rows]))
    with pytest.raises(PostkitError, match=r"lijst\.csv: the sheet has more than 3 rows"):
        read_activity_table(path)


def test_companies_the_sheet_names_are_not_kept_when_the_activities_fail(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import func, select

    from postkit.core.activities import spreadsheet_import
    from postkit.core.companies.models import CompanyRow
    from postkit.core.companies.service import find_or_create_company

    table = read_activity_table(FIXTURE)
    mapping, _ = initial_mapping(session, table)
    plan = plan_activity_import(session, table, mapping, "nl")
    assert any(row.company_names for row in plan.rows)
    made = spreadsheet_import._new_activity
    calls = []

    def fail_on_the_second(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return made(*args, **kwargs)

    monkeypatch.setattr(spreadsheet_import, "_new_activity", fail_on_the_second)
    with pytest.raises(OSError):
        apply_activity_import(
            session,
            plan,
            "Tess",
            resolve_company=lambda s, name, actor: find_or_create_company(
                s, name, actor, commit=False
            ),
        )
    assert _count(session) == 0
    assert session.scalar(select(func.count()).select_from(CompanyRow)) == 0


def _activity(title: str) -> ActivityInput:
    return ActivityInput(3, title, date(2025, 6, 3), "company_advice", unnamed_companies=2)


def _links(session: Session) -> dict[str, set[str]]:
    """Per activity (by uuid), the names of the register's companies it reached."""
    from postkit.core.activities.models import ActivityCompany

    rows = session.execute(
        select(Activity.uuid, CompanyRow.name)
        .join(ActivityCompany, ActivityCompany.activity_id == Activity.id)
        .join(CompanyRow, CompanyRow.id == ActivityCompany.company_id)
    ).all()
    links: dict[str, set[str]] = {}
    for uuid, name in rows:
        links.setdefault(uuid, set()).add(name)
    return links


@pytest.mark.parametrize("language", ["en", "nl"])
def test_an_export_imported_into_an_empty_database_keeps_the_named_companies(
    session: Session, tmp_path: Path, language: str
) -> None:
    from postkit.core.companies.service import find_or_create_company

    tulip, rose = (
        find_or_create_company(session, name, "Tess") for name in ("Tulip B.V.", "Rosa Ltd")
    )
    both = create_activity(
        session, replace(_activity("Seminar on living wage"), company_ids=(tulip, rose)), "Tess"
    )
    create_activity(
        session, replace(_activity("Advice on child labour"), company_ids=(rose,)), "Tess"
    )
    create_activity(session, _activity("Staff training"), "Tess")
    exported = tmp_path / "export.xlsx"
    export_activities_xlsx(session, exported, language=language)
    header = next(load_workbook(exported).active.iter_rows(max_row=1, values_only=True))
    named = "companies (named)" if language == "en" else "bedrijven (bij naam)"
    row = {
        cells[header.index("title" if language == "en" else "titel")]: cells[header.index(named)]
        for cells in load_workbook(exported).active.iter_rows(min_row=2, values_only=True)
    }
    assert row["Seminar on living wage"] == "Rosa Ltd; Tulip B.V."
    assert row["Staff training"] is None
    assert get_activity(session, both.id).data.company_ids == tuple(sorted((tulip, rose)))
    empty = open_database(tmp_path / "empty.sqlite3")
    try:
        with empty.session() as other:
            plan = import_activities(
                other,
                exported,
                "Someone else",
                resolve_company=lambda s, name, actor: find_or_create_company(
                    s, name, actor, commit=False
                ),
            )
            assert plan.summary.line == "3 to add, 0 already present, 0 with errors"
            assert _links(other) == _links(session)
            assert len(_links(other)) == 2
            again = tmp_path / "again.xlsx"
            export_activities_xlsx(other, again, language=language)
    finally:
        empty.dispose()
    # The bare counts stay as they were: an export's count is of the companies not named.
    assert _cells(again) == _cells(exported)
