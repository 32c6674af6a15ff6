"""The official sanctions lists, read from the files their publishers put out.

Four formats, told apart by what the file holds, never by its name:

- the EU Financial Sanctions Files XML (root `export` in the namespace
  `http://eu.europa.ec/fpi/fsd/export`, one `sanctionEntity` per listed person or entity);
- the UN Security Council consolidated list XML (`CONSOLIDATED_LIST` with `INDIVIDUALS`
  and `ENTITIES`);
- the Dutch national terrorism sanctions list (Nationale sanctielijst terrorisme), a
  spreadsheet (.xlsx or .ods) with a header row of surname, first names, alias, date and
  place of birth, nationality and date of the ministerial decision;
- OpenSanctions' `targets.simple.csv` (see `sanctions`).

Each is read into the same `SanctionsEntry`: the list's own reference as `id`, the
regulation (EU), list (UN) or ministerial decision (NL) in `sanctions`, the programme in
`program_ids`, the listing date in `first_seen` and the latest amendment in `last_change`.
XML is parsed with defusedxml (no DTD, no entities), every file within a size limit, and a
file postkit cannot use is refused whole, with one line naming the file and what is wrong.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeElementTree
from defusedxml.common import DefusedXmlException

from postkit.core import reference
from postkit.core.errors import PostkitError
from postkit.core.screening.sanctions import SanctionsEntry, SanctionsList, read_sanctions_csv
from postkit.core.untrusted import (
    CALAMINE_CELL_ERRORS,
    ZIP_ERRORS,
    UntrustedFileError,
    XlsxLimits,
    cell_error_reason,
    check_xlsx_package,
    declared_encoding,
)

MAX_LIST_BYTES = 200 * 1024 * 1024  # the full EU file is ~25 MB, the UN one ~3 MB
MAX_SHEET_BYTES = 20 * 1024 * 1024
MAX_SHEET_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_SHEET_MEMBERS = 200
MAX_SHEET_ROWS = 20_000  # the Dutch list has a few hundred rows
_SHEET_LIMITS = XlsxLimits(
    max_members=MAX_SHEET_MEMBERS,
    max_unpacked_bytes=MAX_SHEET_UNPACKED_BYTES,
    max_rows=MAX_SHEET_ROWS,
    max_columns=1_000,
    max_cells=5_000_000,
)
MAX_ENTRIES = 2_000_000
_HEADER_SEARCH_ROWS = 30

EU_NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"
_EU = f"{{{EU_NAMESPACE}}}"


class ListSource(StrEnum):
    """Who publishes a list; one list of each source is current at a time."""

    EU = "eu-fsf"
    UN = "un-sc"
    NL = "nl-terrorism"
    OPENSANCTIONS = "opensanctions"


SOURCE_LABELS = {
    ListSource.EU: "EU Financial Sanctions Files",
    ListSource.UN: "UN Security Council consolidated list",
    ListSource.NL: "Nationale sanctielijst terrorisme",
    ListSource.OPENSANCTIONS: "OpenSanctions targets.simple.csv",
}


def read_sanctions_list(path: Path | str) -> SanctionsList:
    """Read a list file in any of the four formats, recognised by its content."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_LIST_BYTES:
            raise PostkitError(
                f"{path.name}: the file is {size / 1024 / 1024:.0f} MB, over the "
                f"{MAX_LIST_BYTES // (1024 * 1024)} MB a sanctions list may be"
            )
        with path.open("rb") as file:
            head = file.read(4096)
    except OSError as error:
        raise PostkitError(f"{path.name}: cannot be read ({error.strerror or error})") from error
    if head.startswith(b"PK"):
        return _read_spreadsheet(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise PostkitError(f"{path.name}: an old Excel .xls workbook; save it as .xlsx")
    if _looks_like_xml(head):
        return _read_xml(path)
    return read_sanctions_csv(path)


def file_sha256(path: Path | str) -> str:
    """The SHA-256 of a file, which identifies a list version; read in chunks."""
    path = Path(path)
    digest = hashlib.sha256()
    try:
        with path.open("rb") as file:
            while chunk := file.read(1 << 20):
                digest.update(chunk)
    except OSError as error:
        raise PostkitError(f"{path.name}: cannot be read ({error.strerror or error})") from error
    return digest.hexdigest()


def _looks_like_xml(head: bytes) -> bool:
    for bom in (b"\xef\xbb\xbf",):
        if head.startswith(bom):
            head = head[len(bom) :]
    return head.lstrip().startswith(b"<")


def _file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# XML ------------------------------------------------------------------------------------


def _read_xml(path: Path) -> SanctionsList:
    data = path.read_bytes()
    try:
        root = SafeElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise PostkitError(
            f"{path.name}: the XML carries a DTD or entities, which a sanctions list never has"
        ) from error
    except SafeElementTree.ParseError as error:
        raise PostkitError(f"{path.name}: not well-formed XML ({error})") from error
    except (LookupError, ValueError) as error:  # expat asking Python for an unknown encoding
        encoding = declared_encoding(data, error)
        raise PostkitError(
            f"{path.name}: XML in an encoding postkit cannot read ({encoding})"
        ) from error
    if root.tag == f"{_EU}export":
        source, published, entries = ListSource.EU, _eu_published(root), _eu_entries(path, root)
    elif root.tag == "CONSOLIDATED_LIST":
        source, published = ListSource.UN, _iso_date(root.get("dateGenerated", ""))
        entries = _un_entries(path, root)
    else:
        raise PostkitError(
            f"{path.name}: an XML file, but neither the EU Financial Sanctions Files "
            f"(root export in {EU_NAMESPACE}) nor the UN consolidated list "
            f"(root CONSOLIDATED_LIST); its root is {_local(root.tag)}"
        )
    return SanctionsList(
        entries=_unique(path, entries),
        file_name=path.name,
        sha256=_file_sha256(data),
        source=source.value,
        published_on=published,
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _unique(path: Path, entries: Iterator[SanctionsEntry]) -> tuple[SanctionsEntry, ...]:
    seen: set[str] = set()
    result = []
    for entry in entries:
        if entry.id in seen:
            raise PostkitError(f"{path.name}: reference {entry.id!r} is listed twice")
        seen.add(entry.id)
        result.append(entry)
        if len(result) > MAX_ENTRIES:
            raise PostkitError(f"{path.name}: more than {MAX_ENTRIES} entries")
    return tuple(result)


def _iso_date(text: str) -> str:
    """The date part of an ISO date or date-time ("2026-05-02T10:00:00+02:00" → 2026-05-02)."""
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", text or "")
    return match.group(1) if match else ""


def _texts(values: Iterator[str | None]) -> tuple[str, ...]:
    """Non-empty values, stripped, each once, in order."""
    result: dict[str, None] = {}
    for value in values:
        value = " ".join((value or "").split())
        if value:
            result.setdefault(value, None)
    return tuple(result)


def _country_code(text: str) -> str:
    """An ISO code for a country name where postkit knows the name; the text otherwise."""
    text = " ".join(text.split())
    if len(text) == 2 and text.isalpha():
        return text.lower()
    code = _country_codes().get(text.casefold())
    return code.lower() if code else text


_COUNTRY_CODES: dict[str, str] = {}


def _country_codes() -> dict[str, str]:
    if not _COUNTRY_CODES:
        for code in reference.countries().codes:
            for language in ("en", "nl"):
                _COUNTRY_CODES[reference.countries().label(code, language).casefold()] = code
        _COUNTRY_CODES.update({"russian federation": "RU", "united kingdom": "GB"})
    return _COUNTRY_CODES


# EU Financial Sanctions Files ------------------------------------------------------------

_EU_SCHEMAS = {"person": "Person", "enterprise": "Organization"}


def _eu_published(root: Element) -> str:
    return _iso_date(root.get("generationDate", ""))


def _eu_entries(path: Path, root: Element) -> Iterator[SanctionsEntry]:
    for number, node in enumerate(root.iter(f"{_EU}sanctionEntity"), start=1):
        where = f"{path.name}, sanctionEntity {number}"
        reference_number = (node.get("euReferenceNumber") or "").strip()
        if not reference_number:
            logical_id = (node.get("logicalId") or "").strip()
            if not logical_id:
                raise PostkitError(f"{where}: no euReferenceNumber and no logicalId")
            reference_number = f"EU logicalId {logical_id}"
        subject = node.find(f"{_EU}subjectType")
        code = subject.get("code", "") if subject is not None else ""
        schema = _EU_SCHEMAS.get(code)
        if schema is None:
            raise PostkitError(f"{where} ({reference_number}): unknown subjectType {code!r}")
        names = _texts(_eu_name(alias) for alias in node.iter(f"{_EU}nameAlias"))
        if not names:
            raise PostkitError(f"{where} ({reference_number}): no nameAlias with a name")
        regulations = list(node.iter(f"{_EU}regulation"))
        published = sorted(
            filter(None, (_iso_date(reg.get("publicationDate", "")) for reg in regulations))
        )
        listed = _iso_date(node.get("designationDate", "")) or (published[0] if published else "")
        yield SanctionsEntry(
            id=reference_number,
            schema=schema,
            name=names[0],
            aliases=names[1:],
            birth_date=_texts(
                birth.get("birthdate") or birth.get("year")
                for birth in node.iter(f"{_EU}birthdate")
            ),
            countries=_texts(
                _country_code(place.get("countryIso2Code") or "")
                for place in _eu_country_places(node, schema)
                if place.get("countryIso2Code") not in (None, "", "00")
            ),
            addresses=_texts(_eu_address(address) for address in node.iter(f"{_EU}address")),
            identifiers=_texts(
                ident.get("number") or ident.get("latinNumber")
                for ident in node.iter(f"{_EU}identification")
            ),
            sanctions=_texts(_eu_regulation(reg) for reg in regulations),
            program_ids=_texts(reg.get("programme") for reg in regulations),
            dataset=(SOURCE_LABELS[ListSource.EU],),
            first_seen=listed,
            last_change=published[-1] if published else "",
        )


def _eu_country_places(node: Element, schema: str) -> Iterator[Element]:
    """Where a person's countries come from (citizenship) or an organisation's (its addresses:
    it has no citizenship, and a screened company's country is compared with them)."""
    yield from node.iter(f"{_EU}citizenship")
    if schema != "Person":
        yield from node.iter(f"{_EU}address")


def _eu_name(alias: Element) -> str:
    whole = alias.get("wholeName") or ""
    if whole.strip():
        return whole
    parts = (alias.get(key) or "" for key in ("firstName", "middleName", "lastName"))
    return " ".join(part.strip() for part in parts if part.strip())


def _eu_address(address: Element) -> str:
    keys = ("street", "poBox", "zipCode", "city", "region", "countryDescription")
    parts = [(address.get(key) or "").strip() for key in keys]
    return ", ".join(part for part in parts if part and part != "UNKNOWN")


def _eu_regulation(regulation: Element) -> str:
    title = (regulation.get("numberTitle") or "").strip()
    published = _iso_date(regulation.get("publicationDate", ""))
    kind = (regulation.get("regulationType") or "").strip()
    label = f"{kind.capitalize()} {title}".strip() if kind and title else title
    return f"{label} of {published}" if label and published else label


# UN Security Council consolidated list ---------------------------------------------------

_UN_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")


def _un_entries(path: Path, root: Element) -> Iterator[SanctionsEntry]:
    groups = (
        ("INDIVIDUALS/INDIVIDUAL", "INDIVIDUAL", "Person"),
        ("ENTITIES/ENTITY", "ENTITY", "Organization"),
    )
    for search, kind, schema in groups:
        for number, node in enumerate(root.findall(search), start=1):
            where = f"{path.name}, {kind} {number}"
            reference_number = (node.findtext("REFERENCE_NUMBER") or "").strip()
            if not reference_number:
                raise PostkitError(f"{where}: no REFERENCE_NUMBER")
            name = " ".join(
                " ".join((node.findtext(part) or "").split()) for part in _UN_NAME_PARTS
            ).strip()
            name = " ".join(name.split())
            if not name:
                raise PostkitError(f"{where} ({reference_number}): no FIRST_NAME")
            aliases = _texts(
                chain_text
                for alias in node.findall(f"{kind}_ALIAS")
                for chain_text in (alias.findtext("ALIAS_NAME") or "").split("; ")
            )
            original = _texts([node.findtext("NAME_ORIGINAL_SCRIPT")])
            list_type = (node.findtext("UN_LIST_TYPE") or "").strip()
            updated = sorted(
                filter(
                    None, (_iso_date(v.text or "") for v in node.findall("LAST_DAY_UPDATED/VALUE"))
                )
            )
            listed = _iso_date(node.findtext("LISTED_ON") or "")
            yield SanctionsEntry(
                id=reference_number,
                schema=schema,
                name=name,
                aliases=tuple(alias for alias in (*aliases, *original) if alias != name),
                birth_date=_texts(
                    birth.findtext("DATE") or birth.findtext("YEAR")
                    for birth in node.findall("INDIVIDUAL_DATE_OF_BIRTH")
                ),
                countries=_texts(
                    _country_code(value.text or "") for value in _un_country_values(node, kind)
                ),
                addresses=_texts(
                    _un_address(address) for address in node.findall(f"{kind}_ADDRESS")
                ),
                identifiers=_texts(
                    document.findtext("NUMBER") for document in node.findall("INDIVIDUAL_DOCUMENT")
                ),
                sanctions=(f"UN Security Council, {list_type} sanctions list",)
                if list_type
                else (),
                program_ids=(list_type,) if list_type else (),
                dataset=(SOURCE_LABELS[ListSource.UN],),
                first_seen=listed,
                last_change=updated[-1] if updated else listed,
            )


def _un_country_values(node: Element, kind: str) -> Iterator[Element]:
    """Where an individual's countries come from (nationality) or an entity's (the countries
    of its addresses: it has no nationality), as for the EU's list."""
    yield from node.findall("NATIONALITY/VALUE")
    if kind == "ENTITY":
        yield from node.findall("ENTITY_ADDRESS/COUNTRY")


def _un_address(address: Element) -> str:
    parts = [
        " ".join((address.findtext(key) or "").split())
        for key in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
    ]
    return ", ".join(part for part in parts if part)


# Dutch national terrorism sanctions list ------------------------------------------------

# Header texts as published, in English and in Dutch, by the field they fill.
_NL_COLUMNS: dict[str, tuple[str, ...]] = {
    "surname": ("surname", "achternaam"),
    "first_names": (
        "first name(s)",
        "first name",
        "first names",
        "voornaam",
        "voornamen",
        "voornaam/voornamen",
    ),
    "alias": ("alias", "aliassen"),
    "birth_date": ("date of birth", "geboortedatum"),
    "birth_place": ("place of birth", "geboorteplaats"),
    "nationality": ("nationality", "nationaliteit"),
    "listed_on": (
        "date of ministerial decision",
        "datum ministeriële regeling",
        "datum ministerieel besluit",
        "date of listing",
        "datum plaatsing",
    ),
    "notification": ("link official notification", "officiële bekendmaking", "bekendmaking"),
}
_NL_REQUIRED = ("surname", "first_names", "listed_on")
_DATE_IN_TEXT = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})|(\d{4})-(\d{2})-(\d{2})")


def _read_spreadsheet(path: Path) -> SanctionsList:
    from python_calamine import CalamineError, CalamineWorkbook  # only for spreadsheets

    data = path.read_bytes()
    if len(data) > MAX_SHEET_BYTES:
        raise PostkitError(
            f"{path.name}: the spreadsheet is over the {MAX_SHEET_BYTES // (1024 * 1024)} MB "
            "a national list may be"
        )
    _check_package(path, data)
    rows: list[list[object]] = []
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        try:
            sheet = workbook.get_sheet_by_index(0)
            for row in sheet.iter_rows():
                rows.append(list(row))
                if len(rows) > MAX_SHEET_ROWS:
                    raise PostkitError(
                        f"{path.name}: more than {MAX_SHEET_ROWS} rows; the national list has "
                        "a few hundred"
                    )
        finally:
            workbook.close()
    except (CalamineError, *CALAMINE_CELL_ERRORS) as error:
        raise PostkitError(
            f"{path.name}: the spreadsheet cannot be read ({cell_error_reason(error)})"
        ) from error
    header_at, columns = _nl_header(path, rows)
    published = ""
    for row in rows[:header_at]:
        for cell in row:
            published = published or _nl_date(cell)
    entries = _unique(path, _nl_entries(path, rows, header_at, columns))
    if not published:
        published = max((entry.first_seen for entry in entries), default="")
    return SanctionsList(
        entries=entries,
        file_name=path.name,
        sha256=_file_sha256(data),
        source=ListSource.NL.value,
        published_on=published,
    )


def _check_package(path: Path, data: bytes) -> None:
    """A plain, bounded .xlsx or .ods package: no zip bomb, no DTD in its XML."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS as error:
        raise PostkitError(f"{path.name}: a damaged zip file, not a spreadsheet") from error
    with archive:
        entries = archive.infolist()
        names = {entry.filename for entry in entries}
        if "xl/workbook.xml" not in names and "content.xml" not in names:
            raise PostkitError(f"{path.name}: a zip file but not an .xlsx or .ods spreadsheet")
        if len(entries) > MAX_SHEET_MEMBERS:
            raise PostkitError(f"{path.name}: the spreadsheet has {len(entries)} parts")
        if "xl/workbook.xml" in names:
            # The worksheet's area too: calamine aborts the process on a sparse-cell bomb.
            try:
                check_xlsx_package(data, _SHEET_LIMITS)
            except UntrustedFileError as error:
                raise PostkitError(f"{path.name}: {error.reason}") from error
        unpacked = sum(entry.file_size for entry in entries)
        if unpacked > MAX_SHEET_UNPACKED_BYTES:
            raise PostkitError(
                f"{path.name}: the spreadsheet unpacks to {unpacked / 1024 / 1024:.0f} MB, over "
                f"the {MAX_SHEET_UNPACKED_BYTES // (1024 * 1024)} MB limit (a zip bomb?)"
            )
        for entry in entries:
            if not entry.filename.endswith((".xml", ".rels")):
                continue
            try:
                with archive.open(entry) as member:
                    prolog = member.read(4096)
            except (*ZIP_ERRORS, OSError) as error:  # ValueError: a header before the start
                raise PostkitError(
                    f"{path.name}: {entry.filename} cannot be unpacked ({error})"
                ) from error
            if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                raise PostkitError(
                    f"{path.name}: {entry.filename} carries a DTD or entities, which a "
                    "spreadsheet never has"
                )


def _cell(value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value if value is not None else "").split())


def _nl_date(value: object) -> str:
    if isinstance(value, (date, datetime)):
        return _cell(value)
    match = _DATE_IN_TEXT.search(_cell(value))
    if not match:
        return ""
    if match.group(4):
        year, month, day = match.group(4, 5, 6)
    else:
        day, month, year = match.group(1, 2, 3)
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""


def _header_key(text: str) -> str:
    # "Date of Birth(DD-MM-JJJJ)": the format hint is not part of the name.
    return re.sub(r"\s*\(.*?\)\s*$", "", text.strip().casefold()).strip()


def _nl_header(path: Path, rows: list[list[object]]) -> tuple[int, dict[str, int]]:
    for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        titles = [_header_key(_cell(cell)) for cell in row]
        columns: dict[str, int] = {}
        for field, names in _NL_COLUMNS.items():
            for position, title in enumerate(titles):
                if title in names or (title and title.split("(")[0].strip() in names):
                    columns.setdefault(field, position)
        if "surname" in columns:
            missing = [field for field in _NL_REQUIRED if field not in columns]
            if missing:
                raise PostkitError(
                    f"{path.name}, row {index + 1}: no column "
                    + ", ".join(_NL_COLUMNS[field][0] for field in missing)
                )
            return index, columns
    raise PostkitError(
        f"{path.name}: a spreadsheet, but not the Dutch national terrorism sanctions list "
        "(no header row with Surname/Achternaam in its first rows)"
    )


def _nl_entries(
    path: Path, rows: list[list[object]], header_at: int, columns: dict[str, int]
) -> Iterator[SanctionsEntry]:
    def value(row: list[object], field: str, convert: Callable[[object], str] = _cell) -> str:
        position = columns.get(field)
        return convert(row[position]) if position is not None and position < len(row) else ""

    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        surname, first_names = value(row, "surname"), value(row, "first_names")
        if not surname and not first_names:
            continue
        listed_text = value(row, "listed_on")
        listed = value(row, "listed_on", _nl_date)
        if listed_text and not listed:
            raise PostkitError(
                f"{path.name}, row {number}: the listing date {listed_text!r} is not a date"
            )
        birth = value(row, "birth_date", _nl_date) or value(row, "birth_date")
        notification = value(row, "notification")
        # The national list has no numbers of its own: the name and date of birth are what
        # stays the same from one version to the next.
        key = "|".join((surname.casefold(), first_names.casefold(), birth))
        identity = "NL-" + hashlib.sha256(key.encode()).hexdigest()[:10].upper()
        place = value(row, "birth_place")
        yield SanctionsEntry(
            id=identity,
            schema="Person" if first_names else "Organization",
            name=f"{first_names} {surname}".strip(),
            aliases=_texts(part for part in re.split(r"[;\n]", value(row, "alias"))),
            birth_date=(birth,) if birth and first_names else (),
            countries=_texts(
                _country_code(part) for part in re.split(r"[;,/]", value(row, "nationality"))
            ),
            addresses=(f"born in {place}",) if place and first_names else (),
            sanctions=(
                f"Sanctieregeling terrorisme 2007, ministerial decision {notification}"
                if notification
                else "Sanctieregeling terrorisme 2007",
            ),
            program_ids=("NL-UNSC1373",),
            dataset=(SOURCE_LABELS[ListSource.NL],),
            first_seen=listed,
            last_change=listed,
        )
