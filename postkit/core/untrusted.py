"""Reading files that come from outside (e-mail, a share, a USB stick): JSON and .xlsx packages.

Every importer of postkit reads its JSON and its workbooks through here, so a hostile file meets
the same limits wherever it is opened:

- JSON (`load_json`): at most MAX_JSON_DEPTH levels of nesting (the json module recurses and
  would raise RecursionError), numbers of at most MAX_NUMBER_CHARS characters (Python refuses
  to convert integers past 4,300 digits with a ValueError; nothing postkit reads needs more
  than a count or a year), no NaN or Infinity;
- .xlsx (`check_xlsx_package`; `first_sheet_cells` checks and then reads the first sheet
  with calamine, which evaluates no formula and fetches nothing): a zip with
  `xl/workbook.xml`, a bounded number of members, unpacking (by its headers, and again while
  read) to a bounded size; no links to other files; package parts parsed with expat (no tree
  built) refusing a DTD as defusedxml does, and no DTD anywhere (no entity expansion, no
  external entities); and the cells a worksheet addresses kept inside a bounded area, because
  readers fill the gaps between addressed cells: one cell at row 1,000,000,000 makes openpyxl
  yield a billion blank rows and makes calamine allocate terabytes and abort the process.
  The area is read from every way XML and the readers allow an address to be written: a
  prefixed element (`<x:c>`), the address anywhere among the attributes, in single quotes,
  with spaces around `=`, written twice (calamine takes the last), in lower case; and of
  every part a sheet's relationship names, wherever it is and however its name is cased.
  The workbook is xl/workbook.xml (calamine reads no other; openpyxl would read another
  that [Content_Types].xml names, so a package naming one is refused), and no two parts
  share a name. The parts are those zipfile lists (read quickly for the plain layout,
  core/zip_directory.py); a package part that passed is not parsed again byte for byte.

Failures raise UntrustedFileError with the reason in one sentence; the importer names the file.
"""

from __future__ import annotations

import html
import io
import json
import posixpath
import re
import struct
import xml.parsers.expat
import zipfile
import zlib
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import methodcaller
from typing import Any

from postkit.core.errors import PostkitError
from postkit.core.zip_directory import ZipEntry, zip_entries

MAX_JSON_DEPTH = 64
MAX_NUMBER_CHARS = 40  # a 128-bit integer has 39 digits; a float's shortest text fits in 25
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = re.compile(rb"[^\[\]{}]+")
_INNERMOST = re.compile(rb"\[\]|\{\}")

_PROLOG_BYTES = 4096  # a DTD stands before the root element, near the start of a part
_CHUNK = 1 << 16
_EXTERNAL_LINKS = "xl/externalLinks/"
_RELATIONSHIP = "http://schemas.openxmlformats.org/package/2006/relationships Relationship"
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature … file name length, extra field length
_PACKAGE_PARTS = ("[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels")
# The other parts the cell readers parse; the rest (theme, document properties) nobody reads.
_READ_PARTS = ("xl/worksheets/", "xl/sharedStrings", "xl/styles", "xl/worksheets/_rels/")
_WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.xml")
# Addresses as the exact count reads them, found with findall so the scan runs in C (a Python
# step per cell made reading headquarters' exports 3x slower): every attribute named r, on
# any element, however written (` r="A1"`, `\tr = 'a1'`, `x:r="A1"`), its letters and its
# digits. calamine reads lower-case letters, and a cell's last r where it has two; taking
# every r found, text that merely looks like one included, can only make the area larger.
_ADDRESS = re.compile(rb"""r(?<![\w.-]r)\s*=\s*["']\s*([A-Za-z]{0,8})0*+([0-9]{0,14})(&?)""")
# Letters and digits bounded: eight letters or fourteen digits are past the limits already
# (and int() refuses 4,300 digits). Zeros lead no address calamine reads: it takes
# `A0000000000000020000000` as row 20,000,000. The third group: a character reference
# (`r="&#66;2"`): calamine refuses it, but openpyxl (which reads forms) decodes it to B2.
_MAX_LETTERS = 7
_COLUMN_ORDER = methodcaller("rjust", _MAX_LETTERS + 1)  # b"  A" < b" AB" < b"XFD", in C
# Cell and row tags counted by prefix, as a bytes.count does it fast: `<c` counts the few
# <col> and <cfRule> too, and `<row` a <rowBreaks>, which only makes the estimate of cells
# without an address a little larger than it is. A tag with its address first counts as
# addressed; one with the address after another attribute, or after a tab, as without one.
# Prefixed tags (calamine reads `<x:c>` as `<c>`) are counted where `_PREFIXED` finds one.
_PREFIXED_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(c|row)(\s+r\s*=|[\s>/])")
_SHEET_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sheet(\s[^>]*)?/?>")
# Every attribute named id (`r:id`, whatever the prefix; not `sheetId`): the sheets' ids,
# with any other the part holds, when every sheet is checked.
# These patterns start with a literal, which re finds fast (a lookbehind first was tried at
# every position: 15x slower).
_ID = re.compile(rb"""id(?<=[\s:]id)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CONTENT_TYPE_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:Override|Default)(\s[^>]*)?/?>")
_ATTRIBUTE = re.compile(rb"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_MAX_CARRY = 1 << 20  # a worksheet has a '>' every few bytes; past this, scan what there is
# A formula element, with or without a namespace prefix: <f>, <f t="shared" …/>, <x:f>.
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
_DECLARED_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")


# What zipfile raises on opening a damaged archive, or one that needs what it cannot do: a
# zip version past 6.3 in a central directory raises NotImplementedError (found by
# mutating workbooks at random: an importer catching BadZipFile alone crashed on it).
ZIP_ERRORS = (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError)

# What python-calamine raises, besides its CalamineError, on a cell it cannot give as a Python
# value: a number in a date or duration format past what datetime or timedelta holds raises
# OverflowError (found by mutating workbooks: it crashed every importer reading cells).
CALAMINE_CELL_ERRORS = (OverflowError, ValueError, IndexError)


def cell_error_reason(error: Exception) -> str:
    """What to say of an error python-calamine raised while giving a workbook's cells."""
    if isinstance(error, OverflowError):
        return f"a date or duration cell is out of range: {error}"
    return str(error)


class UntrustedFileError(PostkitError):
    """A file from outside that postkit refuses to read; `reason` says why in one sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class XlsxFormulas(UntrustedFileError):
    """A sound package whose worksheet holds a formula, where the limits allow none; raised
    only once every other check has passed, so the importer can say it its own way."""


# --- JSON -------------------------------------------------------------------------------------


def load_json(
    data: bytes | str,
    *,
    max_depth: int = MAX_JSON_DEPTH,
    max_number_chars: int = MAX_NUMBER_CHARS,
) -> Any:
    """Parse JSON text (UTF-8 bytes, a BOM allowed) within the limits; UntrustedFileError if not."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    _check_depth(data, max_depth)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UntrustedFileError(_not_utf8(data, error)) from error

    def number(kind: type) -> Any:
        def parse(token: str) -> object:
            if len(token) > max_number_chars:
                raise UntrustedFileError(
                    f"holds a number of {len(token)} characters (at most {max_number_chars})"
                )
            return kind(token)

        return parse

    def constant(token: str) -> object:
        raise UntrustedFileError(f"holds {token}, which JSON does not allow")

    try:
        value = json.loads(
            text, parse_int=number(int), parse_float=number(float), parse_constant=constant
        )
    except json.JSONDecodeError as error:
        raise UntrustedFileError(
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from error
    except RecursionError as error:  # the depth check makes this unreachable; kept as a fence
        raise UntrustedFileError(f"nested more than {max_depth} levels deep") from error
    if _SURROGATE_ESCAPE.search(text):
        _check_whole_characters(value)
    return value


# A \u escape of a surrogate (D800-DFFF): a pair of them is one character, json.loads joins
# them; one alone decodes to half a character, which no database or file can hold (it
# passed every check, then SQLite raised UnicodeEncodeError storing it).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _check_whole_characters(value: Any) -> None:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        half = ord(error.object[error.start])
        raise UntrustedFileError(
            f"holds half a character (\\u{half:04x}, a lone surrogate), which is not text"
        ) from error


def _check_depth(data: bytes, max_depth: int) -> None:
    """Refuse nesting deeper than `max_depth` before the recursive parser sees it.

    Strings are blanked (their brackets do not count), then the innermost pairs are removed
    once per level, each pass in C; what is left after `max_depth` passes nests deeper, or does
    not pair up at all (which the parser then reports as invalid JSON).
    """
    brackets = _NOT_BRACKETS.sub(b"", _STRINGS.sub(b'""', data))
    for _level in range(max_depth):
        if not brackets:
            return
        shorter = _INNERMOST.sub(b"", brackets)
        if len(shorter) == len(brackets):
            return  # brackets that do not pair: not JSON, which json.loads says better
        brackets = shorter
    if brackets and len(_INNERMOST.sub(b"", brackets)) < len(brackets):
        raise UntrustedFileError(f"nested more than {max_depth} levels deep")


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 text; save it as UTF-8"
    return f"not UTF-8 text (byte {error.start})"


# --- .xlsx packages ---------------------------------------------------------------------------


@dataclass(frozen=True)
class XlsxLimits:
    """What a workbook of one kind may be; the defaults fit any table postkit imports."""

    max_members: int = 100
    max_unpacked_bytes: int = 100 * 1024 * 1024
    max_rows: int = 1_048_576  # Excel's own limit
    max_columns: int = 16_384
    max_cells: int = 20_000_000  # the area a reader fills in, blank cells included
    # Whether a worksheet may hold formulas. The readers evaluate none (they see the cached
    # value, or nothing); a format of values only refuses them (XlsxFormulas).
    formulas: bool = True


def check_xlsx_package(
    data: bytes, limits: XlsxLimits | None = None, sheets: Collection[str] | None = None
) -> None:
    """Refuse anything but a plain, bounded .xlsx package; UntrustedFileError saying why.

    `sheets` names the worksheets the caller reads (calamine reads a sheet when asked for
    it by name, no other): only those are held to the limits, the others only to carry no
    DTD. None holds every worksheet to them. A worksheet is the part its relationship names,
    wherever in the package that is, as well as every part in xl/worksheets/."""
    limits = limits or XlsxLimits()
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UntrustedFileError(
            "an old Excel .xls workbook (or an encrypted one); save it as .xlsx"
        )
    if not data.startswith(b"PK"):
        raise UntrustedFileError("not an .xlsx workbook")
    entries = package_parts(data)
    names = {entry.filename for entry in entries}
    if "xl/workbook.xml" not in names:
        if "content.xml" in names:
            raise UntrustedFileError("an OpenDocument spreadsheet (.ods); save it as .xlsx")
        raise UntrustedFileError("a zip file but not an .xlsx workbook")
    if len(entries) > limits.max_members:
        raise UntrustedFileError(
            f"the workbook has {len(entries)} parts; at most {limits.max_members} are read"
        )
    if len(names) < len(entries):
        # Which of the two a reader takes is its own affair; the checks below see each
        # part by its name once.
        twice = next(
            name for name, count in Counter(e.filename for e in entries).items() if count > 1
        )
        raise UntrustedFileError(f"the workbook holds two parts named {twice}")
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > limits.max_unpacked_bytes:
        raise UntrustedFileError(
            f"the workbook unpacks to {unpacked / 1024 / 1024:.0f} MB, over the "
            f"{limits.max_unpacked_bytes // (1024 * 1024)} MB limit (a zip bomb?)"
        )
    links = sorted(name for name in names if name.startswith(_EXTERNAL_LINKS))
    if links:
        raise UntrustedFileError(
            f"the workbook links to other workbooks ({links[0]}); postkit does not follow "
            "external links"
        )
    # The package parts first: the workbook and its relationships say which parts the
    # sheets are.
    package = _Package(wants_names=sheets is not None)
    by_name = {entry.filename: entry for entry in entries}
    for part in _PACKAGE_PARTS:
        if part in by_name:
            package.add(_checked_package_part(data, by_name[part], package.wants_names))
    worksheets = package.worksheets(names, sheets)
    formulas = [
        entry.filename
        for entry in entries
        if entry.filename not in _PACKAGE_PARTS
        and (entry.filename in worksheets or entry.filename.startswith(_READ_PARTS))
        and _check_part(data, entry, limits, is_read_sheet=entry.filename in worksheets)
    ]
    if formulas:
        raise XlsxFormulas(f"{formulas[0]} holds formulas")


def package_parts(data: bytes) -> list[ZipEntry]:
    """The zip's parts as zipfile lists them (read quickly for the plain layout);
    UntrustedFileError when it is no zip zipfile can read."""
    entries = zip_entries(data)
    if entries is not None:
        return entries
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [ZipEntry.of(info) for info in archive.infolist()]
    except NotImplementedError as error:
        raise UntrustedFileError(f"not an .xlsx workbook postkit can unpack ({error})") from error
    except ZIP_ERRORS as error:
        raise UntrustedFileError("not an .xlsx workbook (a damaged zip file)") from error


def first_sheet_cells(
    data: bytes,
    name: str,
    limits: XlsxLimits,
    refusal: str = "not an Excel workbook that can be read",
) -> list[list[object]]:
    """The cells of the first sheet of the workbook `data` (the file `name`), once it has met
    `limits`; PostkitError saying "<name>: <refusal> (<why>)" when it cannot be read."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        check_xlsx_package(data, limits)
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        try:
            return workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
        finally:
            workbook.close()
    except UntrustedFileError as error:
        raise PostkitError(f"{name}: {refusal} ({error.reason})") from error
    except (CalamineError, *CALAMINE_CELL_ERRORS) as error:
        raise PostkitError(f"{name}: {refusal} ({cell_error_reason(error)})") from error


class _Package:
    """What the workbook's relationships name (each one's target by its id) and what the
    workbook part says of its sheets: each one's name and the ids of its relationship
    (every attribute named id, whatever its prefix)."""

    def __init__(self, *, wants_names: bool) -> None:
        self.wants_names = wants_names
        self.sheets: list[tuple[str, list[str]]] = []
        self.ids: list[str] = []  # of every attribute named id in the workbook part
        self.targets: dict[str, list[str]] = {}

    def add(self, part: _Package) -> None:
        """Take in what one package part says (each part is read once)."""
        for id_, targets in part.targets.items():
            self.targets.setdefault(id_, []).extend(targets)
        self.ids.extend(part.ids)
        self.sheets.extend(part.sheets)

    def worksheets(self, names: set[str], wanted: Collection[str] | None) -> set[str]:
        """The parts read as worksheets: those the sheets `wanted` name, by name as Excel
        compares them (ignoring case). When `wanted` is None, one is not found or names no
        part, or a name is written with a character reference: every part in xl/worksheets/
        and every part an id in the workbook part names (every relationship's target when
        an id is written with a reference). A sheet's relationship may name any part
        (calamine reads `/payload.xml` as a sheet when told to)."""
        # A name or id with a character reference reads otherwise than it is written here
        # (`m&#101;ta` is calamine's "meta"): then every sheet, and every target, counts.
        is_encoded = any("&" in sheet for sheet, _ in self.sheets)
        # calamine finds a part whatever the case of its name (`/PAYLOAD.XML` names
        # payload.xml): the parts by their names in one case.
        folded_names: dict[str, list[str]] = {}
        for name in names:
            folded_names.setdefault(name.casefold(), []).append(name)
        if wanted is not None and not is_encoded:
            folded = {name.casefold() for name in wanted}
            found: set[str] = set()
            seen: set[str] = set()
            for sheet, ids in self.sheets:
                if sheet.casefold() in folded:
                    parts = {part for id_ in ids for part in self._parts(id_, folded_names)}
                    if not parts:
                        break
                    found |= parts
                    seen.add(sheet.casefold())
            else:
                if seen == folded:
                    return found
        everything = {name for name in names if _WORKSHEET.fullmatch(name)}
        ids = list(self.targets) if any("&" in id_ for id_ in self.ids) else self.ids
        return everything.union(*(self._parts(id_, folded_names) for id_ in ids))

    def _parts(self, id_: str, names: dict[str, list[str]]) -> set[str]:
        parts: set[str] = set()
        for target in self.targets.get(id_, ()):
            for candidate in _target_parts(target):
                parts.update(names.get(candidate, ()))
        return parts


@lru_cache(maxsize=256)
def _target_parts(target: str) -> frozenset[str]:
    """The parts a relationship's `target` may name: relative to xl/ or from the package's
    root, with `..` and `.` resolved or not, backslashes read as slashes or not, whichever
    a reader does; in one case. (Targets repeat from workbook to workbook: worked out once.)"""
    return frozenset(
        part.casefold()
        for written in {target, target.replace("\\", "/")}
        for candidate in (written.lstrip("/"), f"xl/{written.lstrip('/')}")
        for part in (candidate, posixpath.normpath(candidate))
    )


def _checked_package_part(data: bytes, entry: ZipEntry, wants_names: bool) -> _Package:
    """What a package part that passed its check says of the package (its local header is
    checked every time; a small part is checked once per content, `_small_package_part`)."""
    name = entry.filename
    if entry.compress_size <= _REMEMBERED_PART_BYTES and _is_small_part(entry):
        packed = bytes(_packed(data, entry))
        return _small_package_part(
            name, entry.compress_type, entry.file_size, entry.CRC, packed, wants_names
        )
    try:
        text = b"".join(_chunks(data, entry))
    except zlib.error as error:
        raise UntrustedFileError(f"{name} cannot be unpacked ({error})") from error
    return _package_part(name, text, wants_names)


# Package parts are checked once per name and exact packed bytes: postkit writes the same
# content types, workbook and relationships into every return and export, and headquarters
# checks 150 at a time (150 returns' check: 53 -> 41 ms). Only a part that passed is kept
# (a refusal is an exception, which the cache never holds); what it says is shared, so
# nobody changes it (`_Package.add` copies it).
_REMEMBERED_PART_BYTES = 8 * 1024


@lru_cache(maxsize=64)
def _small_package_part(
    name: str, compress_type: int, size: int, crc: int, packed: bytes, wants_names: bool
) -> _Package:
    try:
        text = _unpacked(name, packed, compress_type, size, crc)
    except zlib.error as error:
        raise UntrustedFileError(f"{name} cannot be unpacked ({error})") from error
    return _package_part(name, text, wants_names)


def _package_part(name: str, text: bytes, wants_names: bool) -> _Package:
    found = _Package(wants_names=wants_names)
    _check_package_xml(name, text, is_relationships=name.endswith(".rels"), package=found)
    return found


def _check_part(data: bytes, entry: ZipEntry, limits: XlsxLimits, *, is_read_sheet: bool) -> bool:
    """Check one part; whether it is a worksheet holding a formula the limits refuse."""
    name = entry.filename
    try:
        if is_read_sheet and _is_small_part(entry):
            whole = _whole(data, entry)
            if _is_plain_small_sheet(name, whole, limits):
                return False
            if not _worksheet_is_small(name, (whole,), limits):
                _check_worksheet(name, (whole,), limits)
            return not limits.formulas and _has_formula(whole)
        if is_read_sheet:
            # The formula search sees the part whole (a tag cut in two is not missed), from
            # the pieces the area check unpacks anyway: no second unpacking of a small sheet.
            pieces: list[bytes] = []
            chunks = _chunks(data, entry)
            if not limits.formulas:
                chunks = _kept(chunks, pieces)
            if not _worksheet_is_small(name, chunks, limits):
                _check_worksheet(name, _chunks(data, entry), limits)
                if not limits.formulas:
                    pieces = list(_chunks(data, entry))
            return not limits.formulas and _has_formula(b"".join(pieces))
        prolog = next(iter(_chunks(data, entry, _PROLOG_BYTES, whole=False)), b"")
    except zlib.error as error:
        raise UntrustedFileError(f"{name} cannot be unpacked ({error})") from error
    _check_prolog(name, prolog[:_PROLOG_BYTES])
    return False


def _is_plain_small_sheet(name: str, whole: bytes, limits: XlsxLimits) -> bool:
    """Whether one search of a small worksheet finds nothing that makes its area large and,
    where the limits refuse formulas, no formula either: `_worksheet_is_small` and
    `_has_formula` in one pass over the part for the usual sheet (headquarters reads 150
    returns of eight sheets at a time). When it finds something, the caller looks again
    with each of the two, which say which it was."""
    _check_prolog(name, whole[:_PROLOG_BYTES])
    return not _is_unusual(whole, limits, formulas_too=not limits.formulas)


def _has_formula(xml: bytes) -> bool:
    # Every formula element holds `<f` (or `:f`, prefixed): two scans for a literal, far
    # quicker than the pattern, pass most sheets; the pattern looks at the rest.
    return (b"<f" in xml or b":f" in xml) and _FORMULA.search(xml) is not None


def _kept(chunks: Iterable[bytes], pieces: list[bytes]) -> Iterator[bytes]:
    for chunk in chunks:
        pieces.append(chunk)
        yield chunk


def _check_package_xml(
    name: str, text: bytes, *, is_relationships: bool, package: _Package | None = None
) -> None:
    """Parse a package part with expat as defusedxml would (no DTD, no entities), building
    no tree: a well-formedness check, and for relationships a look at each one's mode.
    `package` gathers the workbook's sheets and relationships' targets."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")

    def refuse(*_args: object) -> None:
        raise UntrustedFileError(f"{name} carries a DTD or entities; postkit refuses them")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    if is_relationships:

        def relationship(tag: str, attributes: dict[str, str]) -> None:
            if tag == _RELATIONSHIP and attributes.get("TargetMode") == "External":
                raise UntrustedFileError(
                    f"the workbook links to an outside file ({attributes.get('Target')}); "
                    "postkit does not follow external links"
                )
            if package is not None and "Id" in attributes and "Target" in attributes:
                package.targets.setdefault(attributes["Id"], []).append(attributes["Target"])

        parser.StartElementHandler = relationship
    try:
        parser.Parse(text, True)
    except xml.parsers.expat.ExpatError as error:
        raise UntrustedFileError(f"{name} is not well-formed XML ({error})") from error
    except (LookupError, ValueError) as error:
        # expat asks Python for an encoding it does not know itself: `rot13`, `utf-7` or a
        # made-up name raise these from the codec lookup (found by mutating workbooks).
        raise UntrustedFileError(
            f"{name} is in an encoding postkit cannot read ({declared_encoding(text, error)}); "
            ".xlsx parts are UTF-8 or UTF-16"
        ) from error
    if name == "[Content_Types].xml":
        _check_workbook_part_named(text)
    if package is not None and name == "xl/workbook.xml":
        package.ids = [
            (double or single).decode("utf-8", "replace") for double, single in _ID.findall(text)
        ]
        if package.wants_names:
            package.sheets = _sheets_of(text)


def declared_encoding(xml: bytes, error: Exception) -> str:
    """The encoding an XML declaration names, to say which one cannot be read (else what
    the codec lookup said, `error`)."""
    declared = _DECLARED_ENCODING.search(xml[:200])
    return declared.group(1).decode("ascii", "replace")[:40] if declared else str(error)


def _check_workbook_part_named(content_types: bytes) -> None:
    """Refuse a workbook part other than xl/workbook.xml: calamine reads that one, but
    openpyxl (which reads forms) reads the part [Content_Types].xml names, and from there
    sheets this guard would never have looked at."""
    for attributes in _CONTENT_TYPE_ELEMENT.findall(content_types):
        if b".main+xml" not in attributes and b"&" not in attributes:
            continue  # not a workbook's content type, however written
        values = {
            local: html.unescape(value.decode("utf-8", "replace"))
            for local, value in _attributes(attributes)
        }
        part = values.get(b"PartName")
        if values.get(b"ContentType", "").endswith(".main+xml") and part != "/xl/workbook.xml":
            raise UntrustedFileError(
                f"[Content_Types].xml names {part or values.get(b'Extension')} as the "
                "workbook; postkit reads only xl/workbook.xml"
            )


def _sheets_of(workbook: bytes) -> list[tuple[str, list[str]]]:
    """Each <sheet>'s name and the values of its attributes named id, as written (a name
    or id written with a character reference is not found, and every worksheet is then
    checked). Read with a pattern once expat found the part well-formed, without a DTD:
    an expat handler for every element cost more than the rest of the part's check."""
    sheets = []
    for attributes in _SHEET_ELEMENT.findall(workbook):
        name, ids = "", []
        for local, value in _attributes(attributes):
            if local == b"name":
                name = value.decode("utf-8", "replace")
            elif local == b"id":
                ids.append(value.decode("utf-8", "replace"))
        sheets.append((name, ids))
    return sheets


def _attributes(element: bytes) -> Iterator[tuple[bytes, bytes]]:
    """An element's attributes (the text after its name), each as its local name (any
    prefix dropped) and its value as written."""
    for key, double, single in _ATTRIBUTE.findall(element):
        yield key.rpartition(b":")[2], double or single


def _check_prolog(name: str, prolog: bytes) -> None:
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        raise UntrustedFileError(f"{name} carries a DTD or entities; postkit refuses them")


def _chunks(
    data: bytes, entry: ZipEntry, size: int = _CHUNK, *, whole: bool = True
) -> Iterator[bytes]:
    """The part's bytes in chunks of at most `size`, unpacked straight from the package's bytes
    (no file object per part: zipfile's took a third of the check's time), refused when it
    inflates past its declared size; read `whole`, its CRC-32 is checked as zipfile would."""
    name = entry.filename
    packed = _packed(data, entry)
    pieces = (
        _inflated(packed, size)
        if entry.compress_type == zipfile.ZIP_DEFLATED
        else (bytes(packed[offset : offset + size]) for offset in range(0, len(packed), size))
    )
    seen = crc = 0
    for chunk in pieces:
        seen += len(chunk)
        if seen > entry.file_size:
            raise UntrustedFileError(
                f"{name} cannot be unpacked: it unpacks past the size its zip header "
                "declares (a zip bomb?)"
            )
        if whole:
            crc = zlib.crc32(chunk, crc)
        yield chunk
    if whole and (seen != entry.file_size or crc != entry.CRC):
        raise UntrustedFileError(f"{name} cannot be unpacked (Bad CRC-32 or size)")


def _packed(data: bytes, entry: ZipEntry) -> memoryview:
    """The part's packed bytes, once its local header agrees with the central directory."""
    name = entry.filename
    if entry.flag_bits & 0x1:
        raise UntrustedFileError(f"{name} is encrypted; postkit cannot read it")
    if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise UntrustedFileError(f"{name} is packed in a way postkit cannot read")
    start = entry.header_offset
    if start < 0:  # the directory's offsets reach before the file (zipfile: negative seek)
        raise UntrustedFileError(f"{name} cannot be unpacked (a damaged zip file)")
    header = data[start : start + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise UntrustedFileError(f"{name} cannot be unpacked (a damaged zip file)")
    name_length, extra_length = _LOCAL_HEADER.unpack(header)[-2:]
    start += _LOCAL_HEADER.size
    local_name = data[start : start + name_length]
    # An ASCII name reads the same in both encodings, and decodes without a Python codec.
    encoding = "ascii" if local_name.isascii() else "utf-8" if entry.flag_bits & 0x800 else "cp437"
    if local_name.decode(encoding, "replace") != entry.orig_filename:
        raise UntrustedFileError(f"{name} cannot be unpacked (its two zip headers differ)")
    start += name_length + extra_length
    packed = memoryview(data)[start : start + entry.compress_size]
    if len(packed) < entry.compress_size:
        raise UntrustedFileError(f"{name} cannot be unpacked (the zip file is cut short)")
    return packed


def _is_small_part(entry: ZipEntry) -> bool:
    return entry.file_size <= _CHUNK and entry.compress_size <= _CHUNK


def _whole(data: bytes, entry: ZipEntry) -> bytes:
    """A small part's bytes (`_is_small_part`) in one piece: what `_chunks` yields joined,
    checked the same way, without a generator per part (a workbook has a dozen parts)."""
    packed = _packed(data, entry)
    return _unpacked(entry.filename, packed, entry.compress_type, entry.file_size, entry.CRC)


def _unpacked(
    name: str, packed: bytes | memoryview, compress_type: int, size: int, crc: int
) -> bytes:
    """A small part's packed bytes unpacked whole, refused unless its size and CRC-32 are
    those its zip header declares."""
    if compress_type == zipfile.ZIP_DEFLATED:
        whole = zlib.decompressobj(-15).decompress(packed, size + 1)
    else:
        whole = bytes(packed)
    if len(whole) > size:
        raise UntrustedFileError(
            f"{name} cannot be unpacked: it unpacks past the size its zip header "
            "declares (a zip bomb?)"
        )
    if len(whole) != size or zlib.crc32(whole) != crc:
        raise UntrustedFileError(f"{name} cannot be unpacked (Bad CRC-32 or size)")
    return whole


def _inflated(packed: memoryview, size: int) -> Iterator[bytes]:
    """Raw deflated bytes unpacked in chunks of at most `size`, fed 64 KB at a time (zlib
    copies the input it has not used yet on every call)."""
    inflater = zlib.decompressobj(-15)
    for offset in range(0, len(packed), _CHUNK):
        pending: bytes | memoryview = packed[offset : offset + _CHUNK]
        while pending and not inflater.eof:
            chunk = inflater.decompress(pending, size)
            is_stuck = not chunk and len(inflater.unconsumed_tail) == len(pending)
            pending = inflater.unconsumed_tail
            if chunk:
                yield chunk
            if is_stuck:
                break
    # What zlib holds back when the output reached `size` just as the input ran out.
    while not inflater.eof and (chunk := inflater.decompress(b"", size)):
        yield chunk


def _worksheet_is_small(name: str, chunks: Iterable[bytes], limits: XlsxLimits) -> bool:
    """Whether one quick pass bounds the worksheet's area within `limits`.

    The pass searches (in C, once over the part) for anything that could make the area
    large: a cell in a column of three letters, a row number of more digits than the limits
    allow, a cell or row without an address. An export of a few hundred rows has none, and
    headquarters reads 150 of them in about the time it takes to unpack them. When the
    search finds one (a large sheet, or a hostile one), `_check_worksheet` reads every address.
    """
    carry = b""
    first = True
    for chunk in chunks:
        if first:
            _check_prolog(name, chunk[:_PROLOG_BYTES])
            first = False
        window = carry + chunk
        cut = window.rfind(b">") + 1
        if cut == 0:
            if len(window) >= _MAX_CARRY:
                return False
            carry = window
            continue
        window, carry = window[:cut], window[cut:]
        if _is_unusual(window, limits):
            return False
    return not carry.strip()


@cache
def _unusual_pattern(limits: XlsxLimits, *, formulas_too: bool = False) -> re.Pattern[bytes]:
    """What `_worksheet_is_small` looks for: within two-letter columns (702; one letter, 26
    or fewer, where the limits allow fewer than 702), rows of `digits` digits keep the area
    within the limits. Usual is a cell or row whose first attribute is such an address as
    writers write it (` r="AB123"`, ` r="123"`) followed by attributes none of which is
    another r (calamine would take that one), each written `name="value"` after one space;
    anything else is unusual, and the exact count reads it: a larger address, none, one
    written another way. (`_PREFIXED` finds the prefixed ones.)
    `formulas_too` adds an unprefixed formula element (`<f>`, `<f t="shared"/>`).

    Written with each tag's name once (`<c` then what may follow it): at each `<` the search
    tries two names instead of four alternatives; the quantifiers are possessive, so a
    usual cell is passed without trying its attributes again (old pattern and this one
    alike ~0.38 ms over a headquarters export's 130 KB responses sheet)."""
    if limits.max_columns >= _TWO_LETTER_COLUMNS:
        columns, letters = _TWO_LETTER_COLUMNS, b"[A-Z]{1,2}+"
    else:  # a two-letter column may be past the limit: the exact count decides
        columns = min(limits.max_columns, 26)
        letters = b"[A-%c]" % (64 + columns)
    digits = 1
    while digits < 7 and (10 ** (digits + 1) - 1) * columns <= min(
        limits.max_cells, limits.max_rows * columns
    ):
        digits += 1
    others = rb'(?: (?!r=)[\w:.-]++="[^"]*+")*+ ?/?>'
    formula = rb"|f[\s/>]" if formulas_too else b""
    return re.compile(
        rb'<(?:c(?! r="%s[0-9]{1,%d}+"%s)[\s>/]'
        rb'|row(?! r="[0-9]{1,%d}+"%s)[\s>/]%s)'
        % (letters, digits, others, digits, others, formula)
    )


_TWO_LETTER_COLUMNS = 702  # A to ZZ


# A prefixed cell or row (`<x:c r="A1">`, as the Open XML SDK writes them): calamine reads
# them as any other, so the quick pass hands them to the exact count. Searched apart: a
# pattern that starts with a literal is found fast, where a prefix tried at every `<` made
# the quick pass half as slow again.
_PREFIXED = re.compile(rb":(?:c|row)[\s>/]")
# With a prefixed formula (`<x:f>`) too, where the limits refuse formulas: one search where
# a second search for ":f" took a tenth of the check of 150 returns.
_PREFIXED_OR_FORMULA = re.compile(rb":(?:c|row|f)[\s>/]")


def _is_unusual(window: bytes, limits: XlsxLimits, *, formulas_too: bool = False) -> bool:
    return (
        _unusual_pattern(limits, formulas_too=formulas_too).search(window) is not None
        or (_PREFIXED_OR_FORMULA if formulas_too else _PREFIXED).search(window) is not None
    )


def _check_worksheet(name: str, chunks: Iterable[bytes], limits: XlsxLimits) -> None:
    """Keep the area a reader fills in (from A1 to the farthest addressed cell) bounded."""
    max_row = max_column = 0
    rows = cells = addressed_rows = addressed_cells = 0
    carry = b""
    first = True
    for chunk in chunks:
        if first:
            _check_prolog(name, chunk[:_PROLOG_BYTES])
            first = False
        # Scan up to the chunk's last '>': no address holds one, so none is cut in two.
        window = carry + chunk
        cut = window.rfind(b">") + 1
        if cut == 0 and len(window) < _MAX_CARRY:
            carry = window
            continue
        window, carry = (window[:cut], window[cut:]) if cut else (window, b"")
        addresses = _ADDRESS.findall(window)
        if addresses:
            letters, numbers, references = zip(*addresses, strict=True)
            if b"&" in references:
                raise UntrustedFileError(
                    f"{name} writes a cell address with a character reference; postkit refuses it"
                )
            if any(numbers):
                max_row = max(max_row, max(map(int, filter(None, numbers))))
            joined = b"".join(letters)
            if joined != joined.upper():  # calamine reads b2 as B2
                letters = tuple(map(bytes.upper, letters))
            max_column = max(max_column, _column_number(max(map(_COLUMN_ORDER, letters))))
        if _PREFIXED.search(window):
            for tag, after in _PREFIXED_TAG.findall(window):
                addressed = after[-1:] == b"="
                if tag == b"c":
                    cells += 1
                    addressed_cells += addressed
                else:
                    rows += 1
                    addressed_rows += addressed
        else:
            cells += window.count(b"<c")
            rows += window.count(b"<row")
            addressed_cells += window.count(b"<c r=")
            addressed_rows += window.count(b"<row r=")
    cells += carry.count(b"<c") + carry.count(b":c")  # a tag the part never closes
    rows += carry.count(b"<row") + carry.count(b":row")
    # Rows and cells written without an address (or not first) take the next position.
    if rows > addressed_rows:
        max_row += rows - addressed_rows
    if cells > addressed_cells:
        max_column = max(max_column, cells - addressed_cells)
    if max_row > limits.max_rows:
        raise UntrustedFileError(
            f"{name} addresses row {max_row:,}; at most {limits.max_rows:,} rows are read"
        )
    if max_column > limits.max_columns:
        raise UntrustedFileError(
            f"{name} addresses column {max_column:,}; at most {limits.max_columns:,} are read"
        )
    if max_row * max_column > limits.max_cells:
        raise UntrustedFileError(
            f"{name} spans {max_row:,} rows by {max_column:,} columns; at most "
            f"{limits.max_cells:,} cells are read"
        )


def _column_number(letters: bytes) -> int:
    """The column `letters` name (A is 1; upper case, right-aligned); 0 for none."""
    letters = letters.lstrip()
    if len(letters) > _MAX_LETTERS:
        return 26**_MAX_LETTERS
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number
