from __future__ import annotations

import csv
import hashlib
from collections.abc import Sequence
from pathlib import Path

import pytest

from postkit.core.errors import PostkitError
from postkit.core.paths import resources_dir
from postkit.core.screening.sanctions import SanctionsEntry, read_sanctions_csv

COLUMNS = (
    "id", "schema", "name", "aliases", "birth_date", "countries", "addresses", "identifiers",
    "sanctions", "phones", "emails", "program_ids", "dataset", "first_seen", "last_seen",
    "last_change",
)  # fmt: skip
SAMPLE = resources_dir() / "sanctions" / "sample-targets.simple.csv"


def write_csv(
    path: Path, header: Sequence[str], rows: list[list[str]], encoding: str = "utf-8"
) -> Path:
    with path.open("w", newline="", encoding=encoding) as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def row(**values: str) -> list[str]:
    return [values.get(column, "") for column in COLUMNS]


def test_the_shipped_sample_reads_with_every_field() -> None:
    listing = read_sanctions_csv(SAMPLE)

    assert listing.file_name == "sample-targets.simple.csv"
    assert listing.sha256 == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    assert listing.entry_count == len(listing.entries) == 41
    assert {entry.schema for entry in listing.entries} == {
        "Person",
        "Company",
        "Organization",
        "Vessel",
    }
    first = listing.entries[0]
    assert first == SanctionsEntry(
        id="pk-sample-001",
        schema="Person",
        name="Yevgeny Borisovich Kvasnikov",
        aliases=("Evgeniy Kvasnikov", "Jewgeni Kwasnikow", "Евгений Борисович Квасников"),
        birth_date=("1961-04-02",),
        countries=("ru",),
        sanctions=("Fictional sample regime SAMPLE-RU (not a real sanction)",),
        program_ids=("SAMPLE-RU",),
        dataset=("postkit fictional sample",),
        first_seen="2024-01-15T09:00:00",
        last_seen="2025-06-30T09:00:00",
        last_change="2025-03-01T09:00:00",
    )
    assert first.names[0] == first.name and first.names[1:] == first.aliases


def test_multi_valued_cells_are_split_on_semicolons_and_trimmed(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "targets.csv",
        COLUMNS,
        [row(id="a", schema="Person", name="A", aliases=" One ; Two;;", birth_date="1970;1971")],
    )

    (entry,) = read_sanctions_csv(path).entries

    assert entry.aliases == ("One", "Two")
    assert entry.birth_date == ("1970", "1971")
    assert entry.countries == ()


def test_columns_are_read_by_header_name_in_any_order(tmp_path: Path) -> None:
    header = ["name", "countries", "ID", " schema ", "aliases", "last_change"]
    path = write_csv(
        tmp_path / "targets.csv",
        header,
        [["Acme Example Trading B.V.", "nl;de", "x-1", "Company", "Acme", "2025-01-01"]],
    )

    (entry,) = read_sanctions_csv(path).entries

    assert entry.id == "x-1"
    assert entry.schema == "Company"
    assert entry.name == "Acme Example Trading B.V."
    assert entry.countries == ("nl", "de")
    assert entry.aliases == ("Acme",)
    assert entry.last_change == "2025-01-01"


def test_an_older_file_without_program_ids_reads(tmp_path: Path) -> None:
    header = [column for column in COLUMNS if column != "program_ids"]
    values = row(id="old-1", schema="Vessel", name="Lady Fictiva", identifiers="IMO0000043")
    del values[COLUMNS.index("program_ids")]
    path = write_csv(tmp_path / "targets.csv", header, [values])

    (entry,) = read_sanctions_csv(path).entries

    assert entry.program_ids == ()
    assert entry.identifiers == ("IMO0000043",)


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "targets.csv",
        COLUMNS,
        [row(id="bom-1", schema="Person", name="Sørina Ødegaardsen")],
        encoding="utf-8-sig",
    )

    (entry,) = read_sanctions_csv(path).entries

    assert entry.id == "bom-1"
    assert entry.name == "Sørina Ødegaardsen"


def test_blank_lines_are_skipped_but_still_counted_as_rows(tmp_path: Path) -> None:
    path = tmp_path / "targets.csv"
    path.write_text("id,schema,name\na,Person,A\n\nb,Person,\n", encoding="utf-8")

    with pytest.raises(PostkitError, match=r"^targets\.csv, row 4: no name$"):
        read_sanctions_csv(path)


def test_utf8_text_with_a_damaged_byte_names_the_row(tmp_path: Path) -> None:
    rows = [row(id=f"id-{i}", schema="Person", name=f"Name {i}") for i in range(20)]
    rows[3][2] = "Zoë Ñúñez"  # real UTF-8 first, so the bad byte later is damage
    path = write_csv(tmp_path / "targets.csv", COLUMNS, rows)
    lines = path.read_bytes().split(b"\n")
    lines[16] = lines[16].replace(b"Name 15", "Namé 15".encode("latin-1"))
    path.write_bytes(b"\n".join(lines))

    with pytest.raises(PostkitError, match=r"^targets\.csv, row 17: not UTF-8 text$"):
        read_sanctions_csv(path)


def excel_csv(listing_path: Path, target: Path, delimiter: str, encoding: str) -> Path:
    """The file as Excel saves it: the locale's list separator, the code page, CRLF line
    ends, and (in the Dutch locale) dates as day-month-year."""
    with listing_path.open(encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source))
    if delimiter == ";":
        for cells in rows[1:]:
            for index, title in enumerate(rows[0]):
                if title in ("birth_date", "first_seen", "last_seen") and cells[index]:
                    cells[index] = ";".join(_dutch_date(part) for part in cells[index].split(";"))
    with target.open("w", encoding=encoding, errors="replace", newline="") as file:
        csv.writer(file, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return target


def _dutch_date(iso: str) -> str:
    if len(iso) < 10:
        return iso  # a year alone stays a year
    day = f"{int(iso[8:10])}-{int(iso[5:7])}-{iso[:4]}"
    return f"{day} {iso[11:16]}" if len(iso) > 10 else day


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(";", "cp1252"), (",", "cp1252"), (";", "utf-8-sig"), ("\t", "utf-8")],
    ids=["excel-dutch", "excel-english", "excel-dutch-csv-utf8", "tab-separated"],
)
def test_a_list_saved_again_by_excel_reads_as_the_original(
    tmp_path: Path, delimiter: str, encoding: str
) -> None:
    latin = [entry for entry in read_sanctions_csv(SAMPLE).entries if _fits_cp1252(entry)]
    original = tmp_path / "original.csv"
    write_csv(original, COLUMNS, [_row_of(entry) for entry in latin])
    resaved = excel_csv(original, tmp_path / "resaved.csv", delimiter, encoding)

    assert read_sanctions_csv(resaved).entries == read_sanctions_csv(original).entries
    assert any("é" in entry.name or "ü" in entry.name for entry in latin)
    assert any(entry.birth_date for entry in latin)


def _fits_cp1252(entry: SanctionsEntry) -> bool:
    try:
        "".join(_row_of(entry)).encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _row_of(entry: SanctionsEntry) -> list[str]:
    values = {
        name: ";".join(value) if isinstance(value, tuple) else value
        for name, value in vars(entry).items()
    }
    return row(**values)


@pytest.mark.parametrize("column", ["id", "schema", "name"])
def test_a_missing_required_column_is_named(tmp_path: Path, column: str) -> None:
    header = [c for c in COLUMNS if c != column]
    path = write_csv(tmp_path / "targets.csv", header, [])

    with pytest.raises(PostkitError, match=rf"^targets\.csv, row 1: no column {column}$"):
        read_sanctions_csv(path)


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "targets.csv"
    path.write_bytes(b"")

    with pytest.raises(PostkitError, match=r"^targets\.csv: the file is empty$"):
        read_sanctions_csv(path)


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (row(id="", schema="Person", name="Nobody"), "no id"),
        (row(id="   ", schema="Person", name="Nobody"), "no id"),
        (row(id="x", schema="Person", name=""), "no name"),
    ],
)
def test_an_entry_without_id_or_name_names_the_row(
    tmp_path: Path, bad_row: list[str], message: str
) -> None:
    rows = [row(id=f"id-{i}", schema="Person", name=f"Name {i}") for i in range(15)]
    path = write_csv(tmp_path / "targets.csv", COLUMNS, [*rows, bad_row])

    with pytest.raises(PostkitError, match=rf"^targets\.csv, row 17: {message}$"):
        read_sanctions_csv(path)


def test_a_duplicate_id_names_both_rows(tmp_path: Path) -> None:
    rows = [
        row(id="dup", schema="Person", name="First"),
        row(id="other", schema="Person", name="Second"),
        row(id="dup", schema="Company", name="Third"),
    ]
    path = write_csv(tmp_path / "targets.csv", COLUMNS, rows)

    with pytest.raises(PostkitError, match=r"^targets\.csv, row 4: id 'dup' is also on row 2$"):
        read_sanctions_csv(path)


def test_a_missing_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(PostkitError, match=r"^absent\.csv: cannot be read"):
        read_sanctions_csv(tmp_path / "absent.csv")


def test_100000_rows_read_as_100000_entries(tmp_path: Path) -> None:
    rows = [
        row(id=f"id-{i}", schema="Person", name=f"Person {i}", aliases=f"Alias {i};Other {i}")
        for i in range(100_000)
    ]
    path = write_csv(tmp_path / "targets.csv", COLUMNS, rows)

    listing = read_sanctions_csv(path)

    assert listing.entry_count == 100_000
    assert listing.entries[-1].aliases == ("Alias 99999", "Other 99999")
