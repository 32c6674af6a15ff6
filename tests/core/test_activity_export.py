from __future__ import annotations

import tempfile
import zipfile
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.orm import Session

from postkit.core.activities.demo import seed_demo
from postkit.core.activities.export import COLUMNS, export_activities_xlsx
from postkit.core.activities.listing import activity_ids
from postkit.core.activities.records import ActivityFilter, ActivityInput
from postkit.core.activities.service import create_activity, get_activity
from postkit.core.errors import CancelledError, PostkitError

SEMINAR = ActivityInput(
    core_task=2,
    title="Seminar on living wage for cocoa exporters",
    start_date=date(2025, 5, 14),
    end_date=date(2025, 5, 15),
    activity_type="seminar_event",
    country="CI",
    sectors=("cocoa", "agriculture_food"),
    themes=("child_labour", "living_wage"),
    partners="Solidaridad; Fairtrade",
    unnamed_companies=9,
    participants_women=14,
    participants_men=11,
    participants_other=1,
    outcome="Two exporters asked for a follow-up.",
    follow_up="Send the risk scan.",
    links=("https://www.oecd.org/", "https://www.imvoconvenanten.nl/"),
    post_name="Embassy Abidjan",
)
HEADER = [column.en for column in COLUMNS]


def _letter(header: str) -> str:
    """The sheet column of an (English) header: tests name columns, not positions."""
    return get_column_letter(HEADER.index(header) + 1)


SEED_DAY = date(2026, 6, 30)


def _add(session: Session, **changes: object) -> int:
    data = replace(SEMINAR, **changes)  # type: ignore[arg-type]
    return create_activity(session, data, "Tess").id


def _sheet(path: Path) -> Worksheet:
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["activities"]
    return workbook["activities"]


def _records(sheet: Worksheet) -> list[dict[str, object]]:
    rows = sheet.iter_rows(min_row=2, values_only=True)
    return [dict(zip(HEADER, row, strict=True)) for row in rows]


def test_header_is_bold_frozen_filtered_and_the_columns_have_widths(
    session: Session, tmp_path: Path
) -> None:
    _add(session)
    _add(session, title="Second")
    out = tmp_path / "activities.xlsx"
    assert export_activities_xlsx(session, out) == 2
    sheet = _sheet(out)
    assert [cell.value for cell in sheet[1]] == HEADER
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(COLUMNS))}3"
    assert sheet.column_dimensions["A"].width == COLUMNS[0].width
    assert sheet.column_dimensions[_letter("title")].width == COLUMNS[HEADER.index("title")].width


def test_cells_are_typed_and_labelled(session: Session, tmp_path: Path) -> None:
    record = get_activity(session, _add(session))
    out = tmp_path / "activities.xlsx"
    export_activities_xlsx(session, out)
    sheet = _sheet(out)
    [row] = _records(sheet)
    assert row["uuid"] == record.uuid
    assert row["post"] == "Embassy Abidjan"
    assert row["core task"] == 2 and isinstance(row["core task"], int)
    assert row["core task label"] == "Raising IMVO awareness among businesses"
    assert row["start date"] == datetime(2025, 5, 14)
    assert row["end date"] == datetime(2025, 5, 15)
    assert row["type"] == "Seminar or event"
    assert row["country"] == "Côte d'Ivoire"
    assert row["sectors"] == "Agriculture and food; Cocoa"
    assert row["themes"] == "Child labour; Living wage"
    assert row["links"] == "https://www.oecd.org/ https://www.imvoconvenanten.nl/"
    counts = ["companies reached", "women", "men", "other/unknown", "participants total"]
    assert [row[name] for name in counts] == [9, 14, 11, 1, 26]
    assert all(type(row[name]) is int for name in counts)
    assert row["created by"] == row["updated by"] == "Tess"
    assert record.created_at is not None
    created = row["created at"]
    assert isinstance(created, datetime) and created.tzinfo is None
    stored_utc = record.created_at.astimezone(UTC).replace(tzinfo=None)
    # To the nearest second (see export._to_second).
    assert abs(created - stored_utc) <= timedelta(milliseconds=500)
    assert created.microsecond == 0
    start_cell, end_cell = sheet[_letter("start date") + "2"], sheet[_letter("end date") + "2"]
    assert start_cell.is_date and start_cell.number_format == "yyyy-mm-dd"
    assert end_cell.is_date and end_cell.number_format == "yyyy-mm-dd"
    assert sheet[_letter("created at") + "2"].is_date


def test_labels_follow_the_language(session: Session, tmp_path: Path) -> None:
    _add(session)
    out = tmp_path / "activiteiten.xlsx"
    export_activities_xlsx(session, out, language="nl")
    sheet = _sheet(out)
    assert [cell.value for cell in sheet[1]][:4] == [
        "uuid",
        "post",
        "kerntaak",
        "kerntaak (omschrijving)",
    ]
    assert sheet["I2"].value == "Seminar of evenement"
    assert sheet["J2"].value == "Ivoorkust"
    assert sheet["L2"].value == "Kinderarbeid; Leefbaar loon"


def test_empty_fields_leave_empty_cells(session: Session, tmp_path: Path) -> None:
    _add(session, end_date=None, country=None, sectors=(), themes=(), links=(), outcome="")
    out = tmp_path / "activities.xlsx"
    export_activities_xlsx(session, out)
    [row] = _records(_sheet(out))
    for name in ("end date", "country", "sectors", "themes", "links", "outcome"):
        assert row[name] is None, name


def test_the_filter_and_the_order_are_those_of_the_list(session: Session, tmp_path: Path) -> None:
    seed_demo(session, activities=300, today=SEED_DAY)
    flt = ActivityFilter(year=2025, core_tasks=frozenset({2, 3}))
    out = tmp_path / "activities.xlsx"
    count = export_activities_xlsx(session, out, flt)
    expected = [get_activity(session, i).uuid for i in activity_ids(session, flt)]
    rows = _records(_sheet(out))
    assert 0 < count == len(rows) < 300
    assert [row["uuid"] for row in rows] == expected
    assert {row["core task"] for row in rows} == {2, 3}
    assert all(row["start date"].year == 2025 for row in rows)  # type: ignore[union-attr]


def test_formula_looking_text_is_stored_as_text(session: Session, tmp_path: Path) -> None:
    risky = {
        "title": '=HYPERLINK("http://evil.example","click")',
        "partners": "+31 20 555 0100",
        "outcome": "-2 companies dropped out",
        "follow_up": "@SUM(1+1)*cmd|' /C calc'!A0",
    }
    _add(session, **risky)
    out = tmp_path / "activities.xlsx"
    export_activities_xlsx(session, out)
    sheet = _sheet(out)
    cells = {name: sheet[_letter(name.replace("_", "-")) + "2"] for name in risky}
    for name, cell in cells.items():
        assert cell.value == risky[name]
        assert cell.data_type == "s"
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_control_characters_are_dropped_instead_of_failing(
    session: Session, tmp_path: Path
) -> None:
    _add(session, partners="Solidaridad\x0b Fairtrade\x1f")
    out = tmp_path / "activities.xlsx"
    export_activities_xlsx(session, out)
    assert _sheet(out)["M2"].value == "Solidaridad Fairtrade"


def test_progress_is_reported_per_batch(session: Session, tmp_path: Path) -> None:
    seed_demo(session, activities=2500, today=SEED_DAY)
    calls: list[tuple[int, int]] = []
    count = export_activities_xlsx(
        session, tmp_path / "a.xlsx", progress=lambda done, total: calls.append((done, total))
    )
    assert count == 2500
    assert calls == [(2000, 2500), (2500, 2500)]


def test_an_empty_log_gives_a_header_only(session: Session, tmp_path: Path) -> None:
    out = tmp_path / "empty.xlsx"
    assert export_activities_xlsx(session, out) == 0
    sheet = _sheet(out)
    assert [cell.value for cell in sheet[1]] == HEADER
    assert sheet.max_row == 1


def test_cancelling_leaves_no_file_and_keeps_an_earlier_one(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_demo(session, activities=2500, today=SEED_DAY)
    folder = tmp_path / "out"
    folder.mkdir()
    scratch = tmp_path / "scratch"  # where openpyxl streams the rows before saving
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    def cancel(done: int, total: int) -> None:
        raise CancelledError

    with pytest.raises(CancelledError):
        export_activities_xlsx(session, folder / "new.xlsx", progress=cancel)
    assert list(folder.iterdir()) == []

    earlier = folder / "earlier.xlsx"
    earlier.write_bytes(b"the export of last week")
    with pytest.raises(CancelledError):
        export_activities_xlsx(session, earlier, progress=cancel)
    assert list(folder.iterdir()) == [earlier]
    assert earlier.read_bytes() == b"the export of last week"
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("where", ["missing-folder/out.xlsx", "a-file/out.xlsx", "a-folder"])
def test_an_unwritable_path_is_a_postkit_error_naming_it(
    session: Session, tmp_path: Path, where: str
) -> None:
    _add(session)
    (tmp_path / "a-file").write_text("not a folder")
    (tmp_path / "a-folder").mkdir()
    target = tmp_path / where
    with pytest.raises(PostkitError, match="cannot write") as caught:
        export_activities_xlsx(session, target)
    assert str(target) in str(caught.value)
    assert not list(tmp_path.rglob("*.part"))
