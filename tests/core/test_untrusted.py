"""The guard every importer reads outside files through: hostile JSON and workbooks."""

from __future__ import annotations

import io
import json
import random
import re
import zipfile
from pathlib import Path

import pytest

from postkit.core.errors import PostkitError
from postkit.core.hq.demo_exports import write_demo_exports
from postkit.core.hq.reading import ExportRejected, read_export
from postkit.core.practices.exchange import ExchangeFileError, read_exchange_file
from postkit.core.screening.risk import import_risk_table
from postkit.core.surveys.receipts import ReceiptError, read_receipt
from postkit.core.surveys.service import shipped_surveys_dir
from postkit.core.surveys.xlsform import load_form, validate_form
from postkit.core.untrusted import (
    MAX_JSON_DEPTH,
    UntrustedFileError,
    XlsxFormulas,
    XlsxLimits,
    _has_formula,
    _is_plain_small_sheet,
    _worksheet_is_small,
    check_xlsx_package,
    first_sheet_cells,
    load_json,
)
from tests.faults.hostile_files import hostile_contents, zipped

DEEP = b"[" * 10_000 + b"]" * 10_000
RECEIPT = {
    "format": "postkit-survey-receipt/1",
    "issued_at": "2026-03-15T10:04:05Z",
    "post": "Embassy Testland",
    "files": [],
}


def _deep_receipt() -> bytes:
    return json.dumps(RECEIPT).encode()[:-1] + b', "extra": ' + DEEP + b"}"


def _huge_number_receipt() -> bytes:
    return json.dumps(RECEIPT).encode()[:-1] + b', "extra": ' + b"9" * 5000 + b"}"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (DEEP, f"nested more than {MAX_JSON_DEPTH} levels deep"),
        (b'{"a": ' * 100 + b"1" + b"}" * 100, f"nested more than {MAX_JSON_DEPTH} levels deep"),
        (b"[" + b"9" * 5000 + b"]", "holds a number of 5000 characters (at most 40)"),
        (b"[1." + b"5" * 100 + b"]", "holds a number of 102 characters (at most 40)"),
        (b"[NaN]", "holds NaN, which JSON does not allow"),
        (b"[1, 2", "not valid JSON (line 1, column 6: Expecting ',' delimiter)"),
        ("[1]".encode("utf-16"), "UTF-16 text; save it as UTF-8"),
        (b"[\xff]", "not UTF-8 text (byte 1)"),
        (b'["a\\ud800"]', "holds half a character (\\ud800, a lone surrogate), which is not text"),
        (
            b'{"\\udfff": 1}',
            "holds half a character (\\udfff, a lone surrogate), which is not text",
        ),
        (
            b'["\\ude00\\ud83d"]',
            "holds half a character (\\ude00, a lone surrogate), which is not text",
        ),
    ],
)
def test_hostile_json_is_refused_with_one_sentence(data: bytes, reason: str) -> None:
    with pytest.raises(UntrustedFileError) as raised:
        load_json(data)
    assert raised.value.reason == reason


def test_json_within_the_limits_reads_as_the_json_module_reads_it() -> None:
    text = '\ufeff{"a": [[["[{not a bracket}]"]]], "n": -12, "x": 1.5e3, "t": true, "z": null}'
    assert load_json(text.encode("utf-8")) == json.loads(text[1:])
    nested = b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH
    assert load_json(nested) == json.loads(nested)
    # A character outside the BMP escaped as its surrogate pair, and a backslash before "ud800"
    assert load_json(b'["\\ud83d\\ude00", "\\\\ud800"]') == ["\U0001f600", "\\ud800"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (_deep_receipt(), "nested more than 64 levels deep"),
        (_huge_number_receipt(), "holds a number of 5000 characters"),
    ],
)
def test_a_hostile_receipt_is_refused_not_a_crash(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "receipt.postkit-receipt.json"
    path.write_bytes(data)
    with pytest.raises(ReceiptError, match=reason):
        read_receipt(path)


@pytest.mark.parametrize("manifest", [DEEP, b'{"format_version": ' + b"1" * 5000 + b"}"])
def test_a_hostile_exchange_manifest_is_refused_not_a_crash(
    tmp_path: Path, manifest: bytes
) -> None:
    path = tmp_path / "practices.postkit"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", manifest)
    with (
        pytest.raises(ExchangeFileError, match=r"manifest\.json: (nested|holds a number)"),
        read_exchange_file(path),
    ):
        pass


def _xlsx_with_sheet(tmp_path: Path, content: str) -> Path:
    path = tmp_path / f"{content}.xlsx"
    path.write_bytes(hostile_contents()[content]())
    return path


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("zip-bomb-xlsx", "unpacks to 300 MB, over the 100 MB limit"),
        ("zip-bomb-lying-header", "sheet1.xml cannot be unpacked"),
        ("sparse-cells-xlsx", "addresses row 1,000,000,000"),
        ("billion-blank-rows-xlsx", "addresses row 1,000,000,000"),
        ("xxe-in-xlsx", "carries a DTD or entities"),
        ("billion-laughs-in-xlsx", "carries a DTD or entities"),
    ],
)
def test_a_hostile_risk_workbook_is_refused_by_the_shared_guard(
    session, tmp_path: Path, content: str, reason: str
) -> None:  # type: ignore[no-untyped-def]
    path = _xlsx_with_sheet(tmp_path, content)
    with pytest.raises(PostkitError, match=rf"^{content}\.xlsx: not an Excel workbook.*{reason}"):
        import_risk_table(session, path, "country", "Tess Tester")


def test_a_risk_workbook_with_formulas_imports_their_text_never_their_result(
    session, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = _xlsx_with_sheet(tmp_path, "formula-cells-xlsx")
    with pytest.raises(PostkitError, match=r"no column code, level"):
        import_risk_table(session, path, "country", "Tess Tester")


@pytest.mark.parametrize("content", ["sparse-cells-xlsx", "billion-blank-rows-xlsx"])
def test_a_form_whose_rows_never_end_is_refused(tmp_path: Path, content: str) -> None:
    form, problems = validate_form(_xlsx_with_sheet(tmp_path, content))
    assert form is None
    assert [problem.message for problem in problems] == [
        "the workbook cannot be read as .xlsx (xl/worksheets/sheet1.xml addresses row "
        "1,000,000,000; at most 100,000 rows are read)"
    ]


def test_an_export_with_one_far_away_cell_is_refused_before_calamine_fills_the_gap(
    tmp_path: Path,
) -> None:
    """calamine allocates the whole area between A1 and the farthest cell: terabytes here,
    which aborts the process (no exception to catch)."""
    [export] = write_demo_exports(tmp_path / "exports", posts=1, responses=2)
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    target = tmp_path / "far.xlsx"
    with zipfile.ZipFile(export) as source, zipfile.ZipFile(target, "w") as copy:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename.startswith("xl/worksheets/") and b"</sheetData>" in data:
                data = data.replace(b"</sheetData>", far + b"</sheetData>")
            copy.writestr(entry, data)
    form = load_form(shipped_surveys_dir() / "imvo_guidelines_evaluation.xlsx")
    with pytest.raises(ExportRejected, match=r"spans 1,048,576 rows by 16,384 columns"):
        read_export(target, form)


def test_cells_written_without_an_address_count_towards_the_area() -> None:
    rows = "<row/>" * 50 + "<row><c/><c/><c/></row>"
    sheet = hostile_contents()["sparse-cells-xlsx"]()
    with zipfile.ZipFile(io.BytesIO(sheet)) as source:
        members = {name: source.read(name) for name in source.namelist()}
    members["xl/worksheets/sheet1.xml"] = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    ).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    check_xlsx_package(buffer.getvalue(), XlsxLimits(max_rows=51))
    with pytest.raises(UntrustedFileError, match="addresses row 51"):
        check_xlsx_package(buffer.getvalue(), XlsxLimits(max_rows=50))
    with pytest.raises(UntrustedFileError, match="spans 51 rows by 3 columns"):
        check_xlsx_package(buffer.getvalue(), XlsxLimits(max_cells=152))


def _workbook_with_rows(rows: str) -> bytes:
    sheet = hostile_contents()["sparse-cells-xlsx"]()
    with zipfile.ZipFile(io.BytesIO(sheet)) as source:
        members = {name: source.read(name) for name in source.namelist()}
    members["xl/worksheets/sheet1.xml"] = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    ).encode()
    return zipped(members)


def test_a_large_but_honest_sheet_passes_the_exact_count_the_quick_pass_hands_it_to() -> None:
    rows = "".join(
        f'<row r="{n}"><c r="A{n}"><v>1</v></c><c r="AAA{n}"><v>2</v></c></row>'
        for n in range(1, 20_001)
    )
    data = _workbook_with_rows(rows)
    check_xlsx_package(data)  # 20,000 rows by 703 columns: 14 million cells
    with pytest.raises(UntrustedFileError, match="spans 20,000 rows by 703 columns"):
        check_xlsx_package(data, XlsxLimits(max_cells=10_000_000))


def _plain_workbook() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["code", "level"])
    workbook.active.append(["KE", "high"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _with_part(data: bytes, name: str, replace: bytes) -> bytes:
    """The workbook `data` with its part `name` holding `replace` instead."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            target.writestr(entry, replace if entry.filename == name else source.read(entry))
    return buffer.getvalue()


_RELS = "xl/_rels/workbook.xml.rels"
_EXTERNAL = (
    b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    b'2006/relationships"><Relationship Id="rId9" Target="file:///C:/secret.xlsx" '
    b'TargetMode="External" Type="x"/></Relationships>'
)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            lambda data: _with_part(data, _RELS, _EXTERNAL),
            "the workbook links to an outside file (file:///C:/secret.xlsx)",
        ),
        (
            lambda data: _with_part(data, "xl/workbook.xml", b'<?xml version="1.0"?><workbook'),
            "xl/workbook.xml is not well-formed XML",
        ),
        (
            lambda data: _with_part(
                data,
                "[Content_Types].xml",
                b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "b">]><Types>&a;</Types>',
            ),
            "[Content_Types].xml carries a DTD or entities",
        ),
        (
            # One byte of the first worksheet's packed bytes changed: its CRC-32 no longer holds.
            lambda data: _flip_packed_byte(data, "xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml cannot be unpacked",
        ),
        (
            # The local header names another part than the central directory does.
            lambda data: data.replace(b"xl/worksheets/sheet1.xml", b"xl/worksheets/sheetX.xml", 1),
            "xl/worksheets/sheet1.xml cannot be unpacked (its two zip headers differ)",
        ),
        (
            # The same for a package part, whose content was checked before (remembered).
            lambda data: data.replace(b"xl/workbook.xml", b"xl/workbooX.xml", 1),
            "xl/workbook.xml cannot be unpacked (its two zip headers differ)",
        ),
    ],
)
def test_a_tampered_package_is_refused_saying_which_part(change, reason: str) -> None:  # type: ignore[no-untyped-def]
    data = _plain_workbook()
    check_xlsx_package(data)  # the plain workbook passes

    with pytest.raises(UntrustedFileError) as raised:
        check_xlsx_package(change(data))

    assert raised.value.reason.startswith(reason)


def _flip_packed_byte(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entry = archive.getinfo(name)
    start = entry.header_offset + 30 + len(entry.filename.encode()) + len(entry.extra)
    target = start + entry.compress_size // 2
    return data[:target] + bytes([data[target] ^ 0x01]) + data[target + 1 :]


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("xl/worksheets/sheet1.xml", 2_000),  # unpacked in one piece
        ("xl/workbook.xml", 2_000),
        ("xl/worksheets/sheet1.xml", 300_000),  # unpacked in chunks
    ],
)
def test_a_part_unpacking_past_its_declared_size_is_refused(
    method: int, name: str, size: int
) -> None:
    plain = _with_part(_plain_workbook(), name, b"<worksheet>" + b" " * size + b"</worksheet>")
    data = _declaring(_repacked(plain, method), name, size - 1)

    with pytest.raises(UntrustedFileError) as raised:
        check_xlsx_package(data)

    assert raised.value.reason == (
        f"{name} cannot be unpacked: it unpacks past the size its zip header declares (a zip bomb?)"
    )


def _repacked(data: bytes, method: int) -> bytes:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", method) as target,
    ):
        for entry in source.infolist():
            target.writestr(entry.filename, source.read(entry))
    return buffer.getvalue()


def _declaring(data: bytes, name: str, size: int) -> bytes:
    """`data` with the central directory declaring `size` unpacked bytes for part `name`."""
    entry = data.index(b"PK\x01\x02")
    encoded = name.encode()
    while data[entry + 46 : entry + 46 + len(encoded)] != encoded:
        entry = data.index(b"PK\x01\x02", entry + 4)
    return data[: entry + 24] + size.to_bytes(4, "little") + data[entry + 28 :]


@pytest.mark.parametrize("fill", [b" ", b"0"])
def test_a_part_unpacked_in_chunks_is_read_to_its_last_byte(fill: bytes) -> None:
    """zlib may hold output back when a chunk fills just as the packed bytes run out; the
    check must take it, or an honest workbook fails its size and CRC-32 check (one of
    131,073 bytes of zeros did)."""
    plain = _plain_workbook()
    for size in [*range(65_530, 65_545), *range(131_060, 131_080)]:
        sheet = b"<worksheet><sheetData>" + fill * (size - 46) + b"</sheetData></worksheet>"
        check_xlsx_package(_with_part(plain, "xl/worksheets/sheet1.xml", sheet))


_NO_FORMULAS = XlsxLimits(formulas=False)


@pytest.mark.parametrize(
    "cell",
    [
        b'<c r="A1"><f>1+1</f><v>2</v></c>',
        b'<c r="A1"><x:f t="shared" ref="A1:A2" si="0">1+1</x:f><v>2</v></c>',
        b'<c r="A1"><f/></c>',
    ],
)
@pytest.mark.parametrize("rows", [1, 30_000])  # one chunk; a sheet the quick pass gives up on
def test_limits_without_formulas_refuse_a_formula_in_any_worksheet(cell: bytes, rows: int) -> None:
    plain = _plain_workbook()
    filler = b"".join(
        b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (n, n) for n in range(2, rows + 1)
    )
    sheet = (
        b'<worksheet><sheetData><row r="1">'
        + cell
        + b"</row>"
        + filler
        + b"</sheetData></worksheet>"
    )
    data = _with_part(plain, "xl/worksheets/sheet1.xml", sheet)
    check_xlsx_package(data)  # formulas are allowed by default

    with pytest.raises(XlsxFormulas, match=r"sheet1\.xml holds formulas"):
        check_xlsx_package(data, _NO_FORMULAS)


def test_a_formula_never_hides_a_refusal_of_the_package() -> None:
    sheet = b'<worksheet><sheetData><row r="1"><c r="A1"><f>1</f></c></row>'
    sheet += b'<row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData></worksheet>'
    data = _with_part(_plain_workbook(), "xl/worksheets/sheet1.xml", sheet)

    with pytest.raises(UntrustedFileError) as raised:
        check_xlsx_package(data, _NO_FORMULAS)

    assert not isinstance(raised.value, XlsxFormulas)
    assert "addresses row 2,000,000" in raised.value.reason


def test_values_and_text_that_mention_f_are_no_formulas() -> None:
    sheet = b'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;f&gt; fine'
    sheet += b'</t></is></c><c r="B1"><v>3</v></c></row></sheetData><foo/></worksheet>'
    check_xlsx_package(
        _with_part(_plain_workbook(), "xl/worksheets/sheet1.xml", sheet), _NO_FORMULAS
    )


_FRAGMENTS = (
    b'<row r="1">',
    b"</row>",
    b'<c r="A1"><v>1</v></c>',
    b'<c r="B7" t="n"><v>2</v></c>',
    b'<c r="ZZ99999"><v>1</v></c>',
    b'<c r="AAA1"><v>1</v></c>',
    b'<c r="A1234567"><v>1</v></c>',
    b'<row r="123456789">',
    b"<row>",
    b"<row/>",
    b"<c/>",
    b"<c>",
    b'<c\tr="A1">',
    b'<c  r="A1">',
    b"<c r='A1'>",
    b'<c r="a1">',
    b'<c r="A1" r="B2">',
    b'<c r="A1" t="n" />',
    b'<x:c r="A1">',
    b'<x:row r="1">',
    b"<f>1+1</f>",
    b"<f/>",
    b'<x:f t="shared"/>',
    b"<foo/>",
    b"<cols><col/></cols>",
    b"<is><t>&lt;f&gt; :f x:f</t></is>",
    b"<rowBreaks/>",
    b"<cfRule/>",
    b"<v>3</v>",
)


@pytest.mark.parametrize("limits", [XlsxLimits(formulas=False), XlsxLimits(max_rows=5000)])
def test_the_one_pass_over_a_small_sheet_decides_as_its_two_checks_do(limits: XlsxLimits) -> None:
    """`_is_plain_small_sheet` passes a sheet only where the area's quick pass and the formula
    search would both pass it (anything else goes on to them). It sends on no other sheet
    but one holding `:f` where a formula's prefix could be (text, here), which the formula
    search then passes: one literal search finds both prefixed cells and formulas."""
    chooser = random.Random(17)
    sheets = [b"<worksheet><sheetData>" + fragment for fragment in _FRAGMENTS]
    sheets += [
        b"<worksheet><sheetData>" + b"".join(chooser.choices(_FRAGMENTS, k=chooser.randint(1, 9)))
        for _ in range(3000)
    ]
    plain = 0
    for sheet in sheets:
        both = _worksheet_is_small("sheet1.xml", (sheet,), limits) and (
            limits.formulas or not _has_formula(sheet)
        )
        one_pass = _is_plain_small_sheet("sheet1.xml", sheet, limits)
        assert one_pass == both or (both and not limits.formulas and b":f" in sheet), sheet
        plain += one_pass
    assert 0 < plain < len(sheets)


# --- an address however XML and the readers let it be written ------------------------------

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_FAR_LIMITS = XlsxLimits(max_rows=1000, max_columns=100, max_cells=50_000)


def _sheet_xml(far_row: str) -> bytes:
    """A worksheet of one honest cell and `far_row`, a row written to reach past the limits."""
    return (
        f'<worksheet xmlns="{_MAIN}"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c></row>'
        f"{far_row}</sheetData></worksheet>"
    ).encode()


_FAR_ROWS = {
    "as writers write it": '<row r="2"><c r="B5000"><v>1</v></c></row>',
    "in single quotes": "<row r=\"2\"><c r='B5000'><v>1</v></c></row>",
    "with spaces around =": '<row r="2"><c r = "B5000"><v>1</v></c></row>',
    "after another attribute": '<row r="2"><c t="n" r="B5000"><v>1</v></c></row>',
    "twice, the last far": '<row r="2"><c r="B2" r="B5000"><v>1</v></c></row>',
    "in lower case": '<row r="2"><c r="b5000"><v>1</v></c></row>',
    "on a prefixed cell": f'<row r="2"><x:c xmlns:x="{_MAIN}" r="B5000"><x:v>1</x:v></x:c></row>',
    "on a prefixed row": (
        f'<x:row xmlns:x="{_MAIN}" r="5000"><x:c r="B5000"><x:v>1</x:v></x:c></x:row>'
    ),
    "after a newline": '<row r="2"><c\nr="B5000"><v>1</v></c></row>',
    "on a row in single quotes": "<row r='5000'><c><v>1</v></c></row>",
    "in a column of four letters": '<row r="2"><c r="abcd2"><v>1</v></c></row>',
    # Column 101, one past the limit: the quick pass once took every two-letter column
    # (up to ZZ, 702) as within any limits.
    "in a column of two letters": '<row r="2"><c r="CW2"><v>1</v></c></row>',
}


@pytest.mark.parametrize("far_row", list(_FAR_ROWS.values()), ids=list(_FAR_ROWS))
def test_an_address_past_the_limits_is_refused_however_it_is_written(far_row: str) -> None:
    """calamine reads each of these as a cell past the limits (asked first, so the test
    holds a real attack): the guard must see what calamine sees. Seven of them passed it
    before: the quick pass and the exact count read only ` r="` and an unprefixed tag."""
    from python_calamine import CalamineWorkbook

    data = _with_part(_plain_workbook(), "xl/worksheets/sheet1.xml", _sheet_xml(far_row))
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0)
    assert sheet.height > _FAR_LIMITS.max_rows or sheet.width > _FAR_LIMITS.max_columns
    with pytest.raises(UntrustedFileError, match=r"addresses (row|column) [0-9,]+; at most"):
        check_xlsx_package(data, _FAR_LIMITS)


@pytest.mark.parametrize("far_row", list(_FAR_ROWS.values()), ids=list(_FAR_ROWS))
def test_the_exact_count_sees_an_address_however_it_is_written(far_row: str) -> None:
    """The same rows in a sheet too large for the quick pass (past 64 KB, read in chunks)."""
    filler = "".join(
        f'<row r="{n}">' + "".join(f'<c r="{c}{n}"><v>{n}</v></c>' for c in "ABC") + "</row>"
        for n in range(3, 900)
    )
    sheet = _sheet_xml(filler + far_row)
    assert len(sheet) > 1 << 16
    data = _with_part(_plain_workbook(), "xl/worksheets/sheet1.xml", sheet)
    with pytest.raises(UntrustedFileError, match=r"addresses (row|column) [0-9,]+; at most"):
        check_xlsx_package(data, _FAR_LIMITS)


def test_an_address_written_with_a_character_reference_is_refused() -> None:
    """openpyxl (which reads forms) decodes `&#66;5000` to B5000; the count would not."""
    far = '<row r="2"><c r="&#66;5000"><v>1</v></c></row>'
    data = _with_part(_plain_workbook(), "xl/worksheets/sheet1.xml", _sheet_xml(far))
    with pytest.raises(UntrustedFileError, match="cell address with a character reference"):
        check_xlsx_package(data, _FAR_LIMITS)


def test_a_sheet_written_with_prefixes_and_single_quotes_within_the_limits_is_read() -> None:
    """The Open XML SDK writes `<x:c>`; such a sheet within the limits is no attack."""
    sheet = (
        f"<x:worksheet xmlns:x='{_MAIN}'><x:sheetData><x:row r='1'>"
        "<x:c r='A1' t='inlineStr'><x:is><x:t>code</x:t></x:is></x:c>"
        "<x:c r='B1' t='n'><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>"
    ).encode()
    data = _with_part(_plain_workbook(), "xl/worksheets/sheet1.xml", sheet)
    check_xlsx_package(data, _FAR_LIMITS)
    assert first_sheet_cells(data, "sdk.xlsx", _FAR_LIMITS) == [["code", 7]]


def _rewritten(
    data: bytes, replaced: dict[str, tuple[bytes, bytes]], added: dict[str, bytes]
) -> bytes:
    """The workbook `data` with text replaced in parts (`name: (old, new)`) and parts added."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename in replaced:
                content = content.replace(*replaced[entry.filename])
            copy.writestr(entry.filename, content)
        for name, content in added.items():
            copy.writestr(name, content)
    return buffer.getvalue()


def _with_sheet_elsewhere(data: bytes, target: str, part: str, sheet: bytes) -> bytes:
    """The workbook `data` with its sheet's relationship naming `target`, the part `part`."""
    return _rewritten(data, {_RELS: (b"/xl/worksheets/sheet1.xml", target.encode())}, {part: sheet})


@pytest.mark.parametrize(
    ("target", "part"),
    [
        ("/payload.xml", "payload.xml"),
        ("other/sheet.xml", "xl/other/sheet.xml"),
        ("worksheets\\far.xml", "xl/worksheets\\far.xml"),  # a name with a backslash
        ("/PAYLOAD.XML", "payload.xml"),  # calamine finds a part whatever the case
    ],
)
def test_a_sheet_its_relationship_places_outside_the_worksheets_folder_is_checked(
    target: str, part: str
) -> None:
    """calamine reads the part a sheet's relationship names, wherever it is; the guard
    looked in xl/worksheets/ only."""
    from python_calamine import CalamineWorkbook

    far = _sheet_xml(_FAR_ROWS["as writers write it"])
    data = _with_sheet_elsewhere(_plain_workbook(), target, part, far)
    assert CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).height == 5000
    with pytest.raises(UntrustedFileError, match=re.escape(f"{part} addresses row 5,000")):
        check_xlsx_package(data, _FAR_LIMITS)


def test_a_package_part_checked_before_is_not_parsed_again_and_still_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Returns and exports hold the same content types, workbook and relationships, so each
    is parsed once per content; what a remembered part says still names the sheets."""
    from postkit.core import untrusted

    untrusted._small_package_part.cache_clear()
    parsed: list[str] = []
    parse = untrusted._check_package_xml

    def counted(name: str, *args: object, **keywords: object) -> None:
        parsed.append(name)
        parse(name, *args, **keywords)  # type: ignore[arg-type]

    monkeypatch.setattr(untrusted, "_check_package_xml", counted)
    far = _sheet_xml(_FAR_ROWS["as writers write it"])
    data = _with_sheet_elsewhere(_plain_workbook(), "/payload.xml", "payload.xml", far)
    for _ in range(3):
        with pytest.raises(UntrustedFileError, match=r"payload\.xml addresses row 5,000"):
            check_xlsx_package(data, _FAR_LIMITS)
    assert sorted(parsed) == sorted(["[Content_Types].xml", "xl/workbook.xml", _RELS])
    external = _with_part(data, _RELS, _EXTERNAL)  # another content: parsed, and refused
    with pytest.raises(UntrustedFileError, match="links to an outside file"):
        check_xlsx_package(external, _FAR_LIMITS)
    assert parsed[-1] == _RELS


def _two_sheets(second: bytes) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "read"
    workbook.active.append(["code"])
    workbook.create_sheet("shown").append(["x"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _with_part(buffer.getvalue(), "xl/worksheets/sheet2.xml", second)


def test_only_the_sheets_read_are_held_to_the_limits() -> None:
    """Headquarters reads an export's responses and meta, never its labels: a sheet not
    read is not unpacked whole (its DTD is still looked for); asked for by name, as Excel
    compares names, or when a name is not found, it is held to the limits."""
    data = _two_sheets(_sheet_xml(_FAR_ROWS["as writers write it"]))
    check_xlsx_package(data, _FAR_LIMITS, sheets=("read",))
    for sheets in (None, ("read", "shown"), ("SHOWN",), ("read", "missing")):
        with pytest.raises(UntrustedFileError, match=r"sheet2\.xml addresses row 5,000"):
            check_xlsx_package(data, _FAR_LIMITS, sheets=sheets)
    dtd = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "b">]><worksheet/>'
    with pytest.raises(UntrustedFileError, match=r"sheet2\.xml carries a DTD"):
        check_xlsx_package(_two_sheets(dtd), _FAR_LIMITS, sheets=("read",))


def test_a_sheet_name_with_a_character_reference_holds_every_sheet_to_the_limits() -> None:
    """`r&#101;ad` is "read" to calamine, which then has two sheets of that name; the
    names compared as written would leave the second one out."""
    data = _two_sheets(_sheet_xml(_FAR_ROWS["as writers write it"]))
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        workbook = source.read("xl/workbook.xml")
    data = _with_part(data, "xl/workbook.xml", workbook.replace(b'"shown"', b'"r&#101;ad"'))
    with pytest.raises(UntrustedFileError, match=r"sheet2\.xml addresses row 5,000"):
        check_xlsx_package(data, _FAR_LIMITS, sheets=("read",))


def test_a_workbook_part_elsewhere_is_refused() -> None:
    """openpyxl (which reads forms) reads the workbook [Content_Types].xml names, and the
    sheets its own relationships name; calamine reads xl/workbook.xml alone."""
    from openpyxl import load_workbook

    plain = _plain_workbook()
    with zipfile.ZipFile(io.BytesIO(plain)) as source:
        workbook, rels = source.read("xl/workbook.xml"), source.read(_RELS)
    elsewhere = (b"xl/workbook.xml", b"xl2/workbook.xml")
    data = _rewritten(
        plain,
        {"[Content_Types].xml": elsewhere, "_rels/.rels": elsewhere},
        {
            "xl2/workbook.xml": workbook,
            "xl2/_rels/workbook.xml.rels": rels.replace(
                b"/xl/worksheets/sheet1.xml", b"/xl2/far.xml"
            ),
            "xl2/far.xml": _sheet_xml('<row r="5000"><c r="B5000"><v>1</v></c></row>'),
        },
    )
    rows = load_workbook(io.BytesIO(data), read_only=True).active.iter_rows()
    assert sum(1 for _ in rows) == 5000
    with pytest.raises(UntrustedFileError, match=r"names /xl2/workbook\.xml as the workbook"):
        check_xlsx_package(data, _FAR_LIMITS)


def test_a_package_with_two_parts_of_one_name_is_refused() -> None:
    """Readers differ in which of the two they take; the guard would check one."""
    plain = _plain_workbook()
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(plain)) as source,
        zipfile.ZipFile(buffer, "w") as copy,
        pytest.warns(UserWarning, match="Duplicate name"),
    ):
        for entry in source.infolist():
            copy.writestr(entry.filename, source.read(entry))
        copy.writestr("xl/workbook.xml", b'<?xml version="1.0"?><!DOCTYPE w []><workbook/>')
    with pytest.raises(UntrustedFileError, match=r"two parts named xl/workbook\.xml"):
        check_xlsx_package(buffer.getvalue())


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("rot13-workbook-xlsx", "xl/workbook.xml is in an encoding postkit cannot read (rot13)"),
        ("utf7-content-types-xlsx", "[Content_Types].xml is in an encoding postkit cannot read"),
    ],
)
def test_a_part_in_an_encoding_python_cannot_decode_is_refused_naming_it(
    kind: str, reason: str
) -> None:
    """expat asks Python for the codec of an encoding it does not know; the lookup raised
    LookupError or ValueError out of the guard."""
    with pytest.raises(UntrustedFileError) as raised:
        check_xlsx_package(hostile_contents()[kind]())
    assert raised.value.reason.startswith(reason)
    assert raised.value.reason.endswith(".xlsx parts are UTF-8 or UTF-16")
