"""Reading CSV files as Excel writes them, in a Dutch or an English locale, and as tools do.

Excel saves "CSV" with the list separator of the Windows locale: a semicolon where the decimal
separator is a comma (Dutch), a comma elsewhere (English); and unless the user picks "CSV
UTF-8", in the Windows code page, which is Windows-1252 for both. Other tools write UTF-8
with commas, or tabs. A reader here takes all of these: the encoding is found from the bytes
(UTF-8, with or without its byte-order mark, else Windows-1252) and the delimiter from the
header line.

Dates in a CSV saved by Excel are text in the locale's short form; `iso_date_text` turns the
Dutch form (day-month-year with dashes, the only unambiguous one) into ISO 8601.

Every CSV postkit writes goes through `csv_writer`, which neutralises formulas as OWASP's
"CSV Injection" page says: a text cell starting with = + - @ tab, carriage return or line feed
gets a single quote in front (a spreadsheet then shows it as text), and every text cell is
quoted whole, its quotes doubled, so a spreadsheet that splits at another separator (Excel in
a Dutch locale splits at ';') cannot start a new cell inside it. Numbers postkit itself
validated (int and float values, not text) are written as they are: -0.5 holds no formula,
and a spreadsheet should still add it up.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from postkit.core.errors import PostkitError
from postkit.core.spreadsheet_safety import FORMULA_TRIGGERS

DELIMITERS = (",", ";", "\t")
UTF8 = "utf-8-sig"  # reads UTF-8 with or without the byte-order mark Excel puts first
WINDOWS_1252 = "cp1252"
_CHUNK = 1 << 20
_SNIFF_BYTES = 4096
# Longest first: UTF-32's little-endian mark begins with UTF-16's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
# A row of a sanctions list or a risk table is a few kB; a megabyte without a line break is no
# CSV, and reading on to the next one would hold all of it in memory.
MAX_LINE_CHARS = 1 << 20
_DUTCH_DATE = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


@dataclass(frozen=True)
class CsvLayout:
    """How a CSV file is written: its text encoding and the character between its cells."""

    encoding: str
    delimiter: str

    @property
    def description(self) -> str:
        names = {",": "commas", ";": "semicolons", "\t": "tabs"}
        encoding = "UTF-8" if self.encoding == UTF8 else "Windows-1252"
        return f"{encoding}, {names[self.delimiter]}"


def csv_layout(path: Path) -> CsvLayout:
    """The encoding and delimiter of the CSV file at `path`.

    OSError when it cannot be read; PostkitError when it is UTF-8 with a damaged byte.
    """
    encoding = _encoding(path)
    with path.open(encoding=encoding, errors="replace", newline="") as file:
        header = file.readline(MAX_LINE_CHARS)
    return CsvLayout(encoding, _delimiter(header))


@contextmanager
def open_csv(path: Path) -> Iterator[Iterator[list[str]]]:
    """A csv.reader over the file in its own layout.

    Bytes that are not text in the found encoding raise PostkitError naming the row.
    """
    layout = csv_layout(path)
    with path.open(encoding=layout.encoding, newline="") as file:
        reader = csv.reader(_bounded_lines(file, path.name), delimiter=layout.delimiter)
        try:
            yield reader
        except UnicodeDecodeError as error:
            row = _first_undecodable_line(path, layout.encoding)
            raise PostkitError(
                f"{path.name}, row {row}: neither UTF-8 nor Windows-1252 text"
            ) from error


class SafeCsvWriter:
    """A csv.writer whose cells cannot be formulas (see the module's note)."""

    def __init__(self, file: IO[str], delimiter: str = ",") -> None:
        # QUOTE_NONNUMERIC quotes every cell but int and float ones.
        self._writer = csv.writer(file, delimiter=delimiter, quoting=csv.QUOTE_NONNUMERIC)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([csv_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(file: IO[str], delimiter: str = ",") -> SafeCsvWriter:
    """The writer for every CSV postkit writes: no cell of it is a live formula."""
    return SafeCsvWriter(file, delimiter)


def csv_cell(value: object) -> str | int | float:
    """A cell as written: an int or float as it is, anything else as text, a single quote
    put in front when the text starts like a formula; None is an empty cell."""
    if value is None:
        return ""
    if type(value) in (int, float):
        return value  # type: ignore[return-value]
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


def iso_date_text(text: str) -> str:
    """`text` with a Dutch Excel date (25-11-2026, 25-11-2026 14:30) written as ISO 8601.

    Anything else, ISO text included, comes back as it was.
    """
    match = _DUTCH_DATE.fullmatch(text.strip())
    if match is None:
        return text
    day, month, year, hours, minutes, seconds = match.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return text
    iso = f"{year}-{int(month):02d}-{int(day):02d}"
    if hours is not None:
        iso += f"T{int(hours):02d}:{minutes}:{seconds or '00'}"
    return iso


def _encoding(path: Path) -> str:
    """UTF-8 when every byte is; Windows-1252 when the text is ASCII but for bytes UTF-8
    cannot read (as Excel writes "CSV" on Windows). UTF-8 text with a damaged byte further on
    is refused, naming its row, rather than read as Windows-1252 gibberish."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines = 0
    saw_utf8 = False
    with path.open("rb") as file:
        _refuse_wide_text(path, file.read(_SNIFF_BYTES))
        file.seek(0)
        while True:
            chunk = file.read(_CHUNK)
            if b"\x00" in chunk:
                raise PostkitError(f"{path.name}: {_not_text(chunk, lines)}")
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                if not saw_utf8 and chunk[: error.start].isascii():
                    return WINDOWS_1252
                row = lines + chunk.count(b"\n", 0, max(0, error.start)) + 1
                raise PostkitError(f"{path.name}, row {row}: not UTF-8 text") from error
            if not chunk:
                return UTF8
            saw_utf8 = saw_utf8 or not chunk.isascii()
            lines += chunk.count(b"\n")


def _refuse_wide_text(path: Path, start: bytes) -> None:
    """Refuse UTF-16 and UTF-32 text (Excel's "Unicode Text", some exports) naming it: read
    as UTF-8 or Windows-1252 its NUL bytes would make every header look missing."""
    marked = [name for bom, name in _WIDE_BOMS if start.startswith(bom)]
    if marked:
        name = marked[0]
    elif start.count(0) < len(start) // 4 or not start.strip(b"\x00"):
        # A stray NUL is damage, not an encoding; nothing but NULs is no text at all.
        return
    else:
        # Without a byte-order mark: ASCII text in UTF-16 has every other byte NUL.
        name = "UTF-32" if b"\x00\x00\x00" in start else "UTF-16"
    raise PostkitError(
        f"{path.name}: the file is {name} text, which postkit does not read; "
        "save it as CSV UTF-8 (or CSV) and import that"
    )


def _bounded_lines(file: IO[str], name: str) -> Iterator[str]:
    """The file's lines, refused (PostkitError) at one longer than MAX_LINE_CHARS."""
    number = 0
    while line := file.readline(MAX_LINE_CHARS + 1):
        number += 1
        if len(line) > MAX_LINE_CHARS:
            raise PostkitError(
                f"{name}, line {number}: over {MAX_LINE_CHARS // 2**20} MB without a line "
                "break; not a CSV table"
            )
        yield line


def _not_text(chunk: bytes, lines: int) -> str:
    """Why bytes with a NUL in them are no CSV that Excel or a tool saves as text."""
    if lines == 0 and chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 text; save it as CSV UTF-8 (or CSV) and import that"
    row = lines + chunk.count(b"\n", 0, chunk.index(b"\x00")) + 1
    return f"row {row} holds a NUL byte: not a text file (UTF-16 without a byte-order mark?)"


def _first_undecodable_line(path: Path, encoding: str) -> int:
    """The line holding the first bytes that are no text in `encoding` (read once it failed)."""
    with path.open("rb") as file:
        for number, line in enumerate(file, start=1):
            try:
                line.decode(encoding)
            except UnicodeDecodeError:
                return number
    return 1


def _delimiter(header: str) -> str:
    """The candidate that splits the header line into the most cells (a comma on a tie)."""
    line = header.rstrip("\r\n")
    best, most = ",", 1
    for delimiter in DELIMITERS:
        cells = len(next(csv.reader([line], delimiter=delimiter), []))
        if cells > most:
            best, most = delimiter, cells
    return best
