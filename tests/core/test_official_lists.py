"""Reading the EU, UN and Dutch lists (and OpenSanctions' CSV), told apart by their content."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from postkit.core.errors import PostkitError
from postkit.core.paths import resources_dir
from postkit.core.screening.list_formats import ListSource, read_sanctions_list

SAMPLES = resources_dir() / "sanctions"
EU = SAMPLES / "sample-eu-fsf.xml"
UN = SAMPLES / "sample-un-consolidated.xml"
NL = SAMPLES / "sample-nl-terrorism.xlsx"
CSV = SAMPLES / "sample-targets.simple.csv"


def test_the_eu_sample_reads_with_its_regulations_and_dates() -> None:
    listing = read_sanctions_list(EU)

    assert listing.source == ListSource.EU
    assert listing.published_on == "2026-11-20"
    assert listing.sha256 == hashlib.sha256(EU.read_bytes()).hexdigest()
    person = next(entry for entry in listing.entries if entry.id == "EU.9001.02")
    assert person.schema == "Person"
    assert person.name == "Yaroslav Petrovich Fiktivov"
    assert "Ярослав Петрович Фиктивов" in person.aliases
    assert person.birth_date == ("1968-09-21",)
    assert person.countries == ("ru",)
    assert person.program_ids == ("SAMPLE-RUS",)
    assert person.sanctions[0] == "Regulation 2099/101 (OJ L 901, fictional) of 2024-03-15"
    assert person.first_seen == "2024-03-15"
    assert person.last_change == "2025-06-02"
    company = next(entry for entry in listing.entries if entry.id == "EU.9001.01")
    assert company.schema == "Organization"


def test_the_un_sample_reads_individuals_and_entities_with_their_reference_numbers() -> None:
    listing = read_sanctions_list(UN)

    assert listing.source == ListSource.UN
    assert listing.published_on == "2026-11-18"
    by_id = {entry.id: entry for entry in listing.entries}
    assert set(by_id) == {"SQi.901", "SKi.044", "SKe.071"}
    person = by_id["SKi.044"]
    assert person.name == "LIN HAOXIANG"
    assert person.aliases == ("Lin Hao-Hsiang", "Haoxiang Lin")
    assert person.birth_date == ("1983-12-02",)
    assert person.countries == ("cn",)
    assert person.program_ids == ("SAMPLE-DPRK",)
    assert person.first_seen == "2019-08-30" and person.last_change == "2024-07-01"
    assert by_id["SQi.901"].aliases[-1] == "كريم الفبريكاني"
    assert by_id["SKe.071"].schema == "Organization"


def test_the_dutch_sample_reads_from_its_header_row_with_dutch_dates() -> None:
    listing = read_sanctions_list(NL)

    assert listing.source == ListSource.NL
    assert listing.published_on == "2026-11-16"
    first = listing.entries[0]
    assert first.name == "Dirk Jan Verzonnen"
    assert first.birth_date == ("1985-05-03",)
    assert first.first_seen == "2019-02-12"
    assert "Stcrt 99001" in first.sanctions[0]
    assert first.id.startswith("NL-")
    # The same person keeps the same reference in the next version of the list.
    assert read_sanctions_list(NL).entries[0].id == first.id


@pytest.mark.parametrize(
    ("sample", "source"),
    [
        (EU, ListSource.EU),
        (UN, ListSource.UN),
        (NL, ListSource.NL),
        (CSV, ListSource.OPENSANCTIONS),
    ],
)
def test_the_format_is_recognised_by_content_not_by_file_name(
    tmp_path: Path, sample: Path, source: ListSource
) -> None:
    renamed = shutil.copy(sample, tmp_path / "download.txt")

    assert read_sanctions_list(renamed).source == source


def _refusal(path: Path) -> str:
    with pytest.raises(PostkitError) as raised:
        read_sanctions_list(path)
    message = str(raised.value)
    assert message.startswith(path.name) and "\n" not in message
    return message


def test_xml_with_entities_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "laughs.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        "<CONSOLIDATED_LIST><INDIVIDUALS/>&lol2;</CONSOLIDATED_LIST>"
    )
    assert "DTD or entities" in _refusal(path)


def test_truncated_xml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    path.write_bytes(EU.read_bytes()[:1500])
    assert "not well-formed XML" in _refusal(path)


def test_xml_of_another_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text("<rss><channel/></rss>")
    assert "its root is rss" in _refusal(path)


def test_an_eu_entity_of_unknown_kind_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "eu.xml"
    path.write_text(EU.read_text().replace('code="enterprise"', 'code="vessel"', 1))
    assert "EU.9001.01" in _refusal(path) and "vessel" in _refusal(path)


def test_a_un_entry_without_reference_number_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "un.xml"
    path.write_text(UN.read_text().replace("<REFERENCE_NUMBER>SKi.044</REFERENCE_NUMBER>", ""))
    assert "INDIVIDUAL 2: no REFERENCE_NUMBER" in _refusal(path)


def test_a_spreadsheet_that_is_not_the_dutch_list_is_refused(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.append(["Company", "Country"])
    path = tmp_path / "other.xlsx"
    workbook.save(path)
    assert "not the Dutch national terrorism sanctions list" in _refusal(path)


def test_a_dutch_row_with_a_listing_date_that_is_no_date_is_refused(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Achternaam", "Voornamen", "Geboortedatum", "Datum ministeriële regeling"])
    sheet.append(["Verzonnen", "Dirk", "03-05-1985", "soon"])
    path = tmp_path / "nl.xlsx"
    workbook.save(path)
    assert "row 2: the listing date 'soon' is not a date" in _refusal(path)


def test_a_zip_bomb_spreadsheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (120 * 1024 * 1024))
    assert "zip bomb" in _refusal(path)


def test_an_eu_organisation_is_of_the_countries_of_its_addresses() -> None:
    """An enterprise has no citizenship; its addresses say where it is, so that the screened
    company's country can raise or lower its score."""
    listing = read_sanctions_list(EU)

    by_id = {entry.id: entry for entry in listing.entries}
    assert by_id["EU.9001.01"].countries == ("ru",)
    assert by_id["EU.9003.05"].countries == ("by",)
    assert by_id["EU.9001.02"].countries == ("ru",)  # a person: citizenship only


def test_a_un_organisation_is_of_the_countries_of_its_addresses() -> None:
    """A UN ENTITY has no NATIONALITY; its ENTITY_ADDRESS's COUNTRY says where it is, as the
    EU enterprise's address does. An individual's address is no nationality."""
    listing = read_sanctions_list(UN)

    by_id = {entry.id: entry for entry in listing.entries}
    assert by_id["SKe.071"].countries == ("ru",)
    assert by_id["SKi.044"].countries == ("cn",)
