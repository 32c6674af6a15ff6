"""Read and validate XLSForm workbooks (sheets `survey`, `choices`, `settings`) into a Form.

Two passes. postkit first reads the cells itself, so that every mistake in a form becomes a Problem
naming the sheet, the spreadsheet row and the column, all of them at once. A form without problems
is then handed to pyxform's `xls2json` layer, the field's reference parser, whose standard form JSON
the Form is built from: aliases, languages, settings and `or_other` follow the reference. What
postkit does not run (external choice lists, pulldata(), osm, …) is refused in the first pass
with a one-line reason.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from pyxform import aliases
from pyxform import constants as pyxform_constants
from pyxform.errors import PyXFormError
from pyxform.question_type_dictionary import QUESTION_TYPE_DICT
from pyxform.xls2json import workbook_to_json
from pyxform.xls2json_backends import DefinitionData

from postkit.core.errors import PostkitError
from postkit.core.surveys.expressions import (
    Expression,
    ExpressionError,
    is_dynamic_default,
    parse,
)
from postkit.core.surveys.forms import (
    METADATA_TYPES,
    UNSHOWN_TYPES,
    Choice,
    Form,
    Group,
    Item,
    Question,
    Texts,
)
from postkit.core.surveys.measures import MEASURE_COLUMN, MEASURES, ONE_QUESTION_EACH
from postkit.core.untrusted import (
    UntrustedFileError,
    XlsxLimits,
    check_xlsx_package,
    package_parts,
)

if TYPE_CHECKING:
    # Private in openpyxl; load_workbook(read_only=True) hands out this class.
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

MAX_FILE_BYTES = 20 * 1024 * 1024
# A small .xlsx can unpack to gigabytes (a zip bomb); real forms unpack to well under a megabyte.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ROWS = 10_000
# openpyxl yields every blank row up to the last addressed one: bound the area it walks.
_LIMITS = XlsxLimits(
    max_unpacked_bytes=MAX_UNPACKED_BYTES, max_rows=100_000, max_columns=1_000, max_cells=5_000_000
)
MAX_FORM_ID_LENGTH = 100  # the survey_forms columns
MAX_VERSION_LENGTH = 40

FORM_SHEETS = ("survey", "choices", "settings")
SELECT_TYPES = frozenset({"select_one", "select_multiple", "rank"})
BEGIN_GROUP = frozenset({"begin group", "begin_group"})
END_GROUP = frozenset({"end group", "end_group"})
BEGIN_REPEAT = frozenset({"begin repeat", "begin_repeat"})
END_REPEAT = frozenset({"end repeat", "end_repeat"})
TRANSLATABLE = frozenset({"label", "hint", "required_message", "constraint_message"})
MEDIA_COLUMNS = frozenset({"image", "big-image", "audio", "video"})
# Columns whose `name:Language` (single colon, the older spelling) means a translation.
TRANSLATED_BASES = TRANSLATABLE | MEDIA_COLUMNS | {"guidance_hint", "media::image"}
EXPRESSION_COLUMNS = ("relevant", "constraint", "calculation", "choice_filter")
# Where typographic quotes, as Word and Excel's autocorrect write them, mean straight quotes.
QUOTED_COLUMNS = (
    *EXPRESSION_COLUMNS,
    "repeat_count",
    "required",
    "default",
    "trigger",
    "read_only",
)
_SMART_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
# The cell column postkit adds to each row it hands to pyxform, to find the row again.
ROW_KEY = "_postkit_row"
# Type words postkit refuses, each with the reason shown to the form's author.
_REFUSED_TYPES = {
    "begin loop": "'begin loop' (a repeat over a choice list) is not supported by postkit",
    "begin_loop": "'begin loop' (a repeat over a choice list) is not supported by postkit",
    "end loop": "'begin loop' (a repeat over a choice list) is not supported by postkit",
    "end_loop": "'begin loop' (a repeat over a choice list) is not supported by postkit",
    "osm": "osm (OpenStreetMap) questions are not supported by postkit",
    "include": "'include' of another form is not supported by postkit",
}
_EXTERNAL_SELECT = re.compile(
    r"(select_one_from_file|select_multiple_from_file|select one from file|"
    r"select multiple from file|select_one_external|select one external)\b"
)
EXTERNAL_MESSAGE = (
    "external choice lists (select_one_from_file, select_one_external) are not supported by "
    "postkit: put the choices on the choices sheet"
)
_PULLDATA = re.compile(r"\bpulldata\s*\(")
# The appearance search('file') fills a select from a CSV attached to the form.
_SEARCH_APPEARANCE = re.compile(r"\bsearch\s*\(")
# An absolute path such as /data/x where ODK would read an instance; postkit reads ${x}.
_ABSOLUTE_PATH = re.compile(r"(^|[\s(,=<>!+*\-\[])/\s*[^\W\d]")
_SELECT_TYPE = re.compile(
    r"(?P<command>"
    + "|".join(re.escape(command) for command in sorted(aliases.select, key=len, reverse=True))
    + r")(?:\s+(?P<list>\S+))?(?:\s+(?P<other>or_other|or specify other|or other))?(?P<rest>.*)",
    re.IGNORECASE,
)
_POSTKIT_SELECTS = {
    pyxform_constants.SELECT_ONE: "select_one",
    pyxform_constants.SELECT_ALL_THAT_APPLY: "select_multiple",
    pyxform_constants.RANK: "rank",
}
# pyxform's type names whose postkit type is not told by their bind and control alone.
_NAMED_TYPES = {
    "note": "note",
    "q note": "note",
    "add note prompt": "note",
    "calculate": "calculate",
    "q calculate": "calculate",
    "add calculate prompt": "calculate",
    "hidden": "hidden",
    "audit": "audit",
    "range": "range",
    "barcode": "barcode",
    "q barcode": "barcode",
    "add barcode prompt": "barcode",
    "trigger": "acknowledge",
}
_UNSUPPORTED_REFERENCE_TYPES = frozenset(
    {
        "osm",
        "select one external",
        "xml-external",
        "csv-external",
        "start-geopoint",
        "background-audio",
        "background-geopoint",
    }
)
_BIND_TYPES = {
    "int": "integer",
    "decimal": "decimal",
    "date": "date",
    "time": "time",
    "dateTime": "datetime",
    "geopoint": "geopoint",
    "geotrace": "geotrace",
    "geoshape": "geoshape",
    "barcode": "barcode",
}
REQUIRED_YES = frozenset({"yes", "true", "1", "true()"})
REQUIRED_NO = frozenset({"no", "false", "0", "false()", ""})
DEFAULT_LANGUAGE = "default"  # the language of plain `label` columns when settings name none

_NAME = re.compile(r"[^\W\d][\w.\-]*")
_LANGUAGE = re.compile(r"(?P<name>.*?)\s*\((?P<code>[^()]+)\)\s*")
_OUTPUT_REFERENCE = re.compile(r"\$\{([^}]*)\}")
_WORD = re.compile(r"[^\W\d][\w\-]*")
_SHEET_ORDER = {None: 0, "settings": 1, "survey": 2, "choices": 3}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a form, where a person editing the workbook can find it."""

    sheet: str | None
    row: int | None
    column: str | None  # the column letter; None when the column is missing
    message: str
    header: str = ""  # the column's header, e.g. "relevant"

    def __str__(self) -> str:
        where: list[str] = []
        if self.sheet:
            where.append(f"sheet {self.sheet}")
        if self.row:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}" + (f" ({self.header})" if self.header else ""))
        elif self.header:
            where.append(f"column {self.header}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class FormError(PostkitError):
    """A workbook is not a survey form postkit can run; `problems` says why, one by one."""

    def __init__(self, problems: list[Problem], source: str = "") -> None:
        self.problems = list(problems)
        self.source = source
        count = len(self.problems)
        head = f"{source} is not" if source else "not"
        lines = [f"{head} a valid survey form ({count} problem{'' if count == 1 else 's'}):"]
        lines.extend(str(problem) for problem in self.problems)
        super().__init__("\n".join(lines))


def load_form(path: Path | str) -> Form:
    """Read and validate an XLSForm file; raise FormError listing every problem."""
    form, problems = validate_form(path)
    if form is None:
        raise FormError(problems, str(path))
    return form


def load_form_bytes(data: bytes, source: str = "") -> Form:
    """Read and validate an XLSForm workbook held in memory (as stored in the database).

    `source` is the file's name: a form whose settings name no form_id takes it from there.
    """
    form, problems = validate_form_bytes(data, source)
    if form is None:
        raise FormError(problems, source)
    return form


def validate_form(path: Path | str) -> tuple[Form | None, list[Problem]]:
    """The form and no problems, or None and every problem found."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [_too_big(size)]
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(None, None, None, f"cannot read the file: {error.strerror or error}")]
    return validate_form_bytes(data, path.name)


def validate_form_bytes(data: bytes, file_name: str = "") -> tuple[Form | None, list[Problem]]:
    """As validate_form, for the bytes of a workbook named `file_name`."""
    if len(data) > MAX_FILE_BYTES:
        return None, [_too_big(len(data))]
    refusal = _refusal(data)
    if refusal is not None:
        return None, [Problem(None, None, None, refusal)]
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet_names = list(workbook.sheetnames)
            titles = {title.strip().lower(): title for title in sheet_names}
            sheets = {
                key: _read_sheet(key, workbook[titles[key]]) for key in FORM_SHEETS if key in titles
            }
            if "survey" not in sheets and len(sheet_names) == 1:
                # pyxform reads the only sheet of a workbook as its survey.
                lone = _read_sheet("survey", workbook[sheet_names[0]])
                if "type" in lone.columns:
                    sheets["survey"] = lone
        finally:
            workbook.close()
    # What a damaged workbook raises inside openpyxl; SyntaxError covers both XML parsers' errors,
    # TypeError an attribute of the wrong kind (sheetId="true"). LookupError covers a missing
    # part (KeyError), a style number past the styles' list (IndexError) and a part declaring
    # an encoding Python has no codec for (the last two found by mutating forms at random).
    except (
        zipfile.BadZipFile,
        InvalidFileException,
        LookupError,
        ValueError,
        TypeError,
        OSError,
        SyntaxError,
    ) as error:
        message = f"the workbook cannot be read as .xlsx ({error})"
        return None, [Problem(None, None, None, message)]
    reader = _FormReader(sheets, file_name, data, sheet_names)
    form = reader.read()
    problems = sorted(reader.problems, key=lambda p: (_SHEET_ORDER.get(p.sheet, 9), p.row or 0))
    return (None, problems) if problems else (form, [])


def check_form(path: Path | str) -> str:
    """The line `postkit survey validate` prints for a valid form; raise FormError otherwise."""
    form = load_form(path)
    # Metadata and hidden questions are answered by postkit, not by a respondent.
    count = sum(1 for question in form.questions() if question.is_shown)
    return f"ok {form.form_id} {form.version} {count} questions"


def language_of(suffix: str) -> tuple[str, str]:
    """The code and name of a column's language: 'English (en)' -> ('en', 'English')."""
    suffix = suffix.strip()
    match = _LANGUAGE.fullmatch(suffix)
    if match:
        return match["code"].strip(), match["name"] or match["code"].strip()
    return suffix, suffix


def postkit_type(type_name: str) -> str | None:
    """The postkit question type of one of pyxform's type names (aliases included), or None."""
    name = aliases._type_alias_map.get(type_name, type_name)
    if name in _UNSUPPORTED_REFERENCE_TYPES:
        return None
    if name in _POSTKIT_SELECTS:
        return _POSTKIT_SELECTS[name]
    if name in _NAMED_TYPES:
        return _NAMED_TYPES[name]
    entry = QUESTION_TYPE_DICT.get(name)
    if entry is None:
        return None
    bind = entry.get("bind", {})
    control = entry.get("control", {})
    preload, parameter = bind.get("jr:preload"), bind.get("jr:preloadParams", "")
    if preload == "timestamp":
        return parameter  # start, end
    if preload == "date":
        return "today"
    if preload == "property":
        kind = parameter.removeprefix("uri:")
        return kind if kind in METADATA_TYPES else None
    if control.get("tag") == "trigger":
        return "acknowledge"
    if bind.get("type") == "binary":
        media = control.get("mediatype", "")
        return next(
            (kind for kind in ("image", "audio", "video") if media.startswith(kind)), "file"
        )
    if bind.get("type") in _BIND_TYPES:
        return _BIND_TYPES[bind["type"]]
    if bind.get("type") == "string" and control.get("tag") == "input":
        return "text"
    return None


def _too_big(size: int) -> Problem:
    limit = MAX_FILE_BYTES // (1024 * 1024)
    message = f"the file is {size / 1024 / 1024:.1f} MB, over the {limit} MB a form may be"
    return Problem(None, None, None, message)


def _refusal(data: bytes) -> str | None:
    """Why these bytes are not an .xlsx workbook postkit will open, or None."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "this is an old Excel .xls workbook (or encrypted); save it as .xlsx"
    if not data.startswith(b"PK"):
        return "this is not an .xlsx workbook"
    try:
        entries = package_parts(data)
    except UntrustedFileError:
        return "this is not an .xlsx workbook (a damaged zip file)"
    names = {entry.filename for entry in entries}
    if "xl/workbook.xml" not in names:
        if "content.xml" in names:
            return "this is an OpenDocument spreadsheet (.ods); save it as .xlsx"
        return "this is a zip file but not an .xlsx workbook"
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        return "the workbook unpacks to more than 100 MB; that is not a survey form"
    try:
        check_xlsx_package(data, _LIMITS)
    except UntrustedFileError as error:
        return f"the workbook cannot be read as .xlsx ({error.reason})"
    return None


# Sheets


@dataclass
class _Sheet:
    """A sheet's header row and data rows, all cells as stripped text."""

    name: str
    columns: dict[str, int]  # normalized header -> 0-based column index
    rows: list[tuple[int, tuple[str, ...]]]  # (spreadsheet row number, cells)
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    is_too_long: bool = False

    def value(self, cells: tuple[str, ...], header: str) -> str:
        index = self.columns.get(header)
        if index is None or index >= len(cells):
            return ""
        return cells[index]

    def letter(self, header: str) -> str | None:
        index = self.columns.get(header)
        return None if index is None else get_column_letter(index + 1)

    def problem(self, row: int | None, header: str, message: str) -> Problem:
        return Problem(self.name, row, self.letter(header), message, header)

    def texts(self, cells: tuple[str, ...], base: str, default_language: str) -> Texts:
        """The values of `base` and its `base::Language (xx)` columns, by language code."""
        texts: Texts = {}
        if plain := self.value(cells, base):
            texts[default_language] = plain
        for header, index in self.columns.items():
            # A base may hold "::" itself (media::image), so the language is what follows it.
            suffix = header.removeprefix(base + "::")
            if suffix != header and suffix and index < len(cells) and cells[index]:
                texts[language_of(suffix)[0]] = cells[index]
        return texts

    def translated(self) -> Iterator[tuple[str, str]]:
        """(column, language suffix) of each translated column, in sheet order."""
        for header in sorted(self.columns, key=self.columns.__getitem__):
            column, _, suffix = header.partition("::")
            if suffix:
                yield column, suffix


def _read_sheet(name: str, worksheet: ReadOnlyWorksheet) -> _Sheet:
    # Files from other tools can state wrong dimensions; read what is there.
    worksheet.reset_dimensions()
    rows = worksheet.iter_rows(min_row=1, min_col=1, values_only=True)
    sheet = _Sheet(name, {}, [])
    for number, values in enumerate(rows, start=1):
        cells = tuple(_text(value) for value in values)
        if number == 1:
            for index, header in enumerate(cells):
                key = _normalized_header(header)
                if not key:
                    continue
                if key in sheet.columns:
                    sheet.duplicates.append((key, index))
                else:
                    sheet.columns[key] = index
        elif any(cells):
            if len(sheet.rows) >= MAX_ROWS:
                sheet.is_too_long = True
                break
            sheet.rows.append((number, cells))
    return sheet


def _normalized_header(text: str) -> str:
    column, separator, suffix = text.partition("::")
    if not separator:
        # The older single-colon spelling of a translation, `label:English`; `jr:count` is not one.
        base, colon, language = text.partition(":")
        if colon and "_".join(base.lower().split()) in TRANSLATED_BASES and language.strip():
            column, separator, suffix = base, "::", language
    column = "_".join(column.lower().split())
    return f"{column}::{suffix.strip()}" if separator else column


def _text(value: object) -> str:
    match value:
        case None:
            return ""
        case bool():
            return "true" if value else "false"
        case float() if value.is_integer():
            return str(int(value))
        case datetime() if value.time() == time(0):
            return value.date().isoformat()
        case datetime() | date() | time():
            return value.isoformat()
    return str(value).strip()


# The form


@dataclass
class _OpenGroup:
    name: str
    label: Texts
    relevant: Expression | None
    appearance: str
    row: int
    items: list[Item] = field(default_factory=list)
    is_repeat: bool = False
    repeat_count: Expression | None = None


@dataclass(frozen=True)
class _Check:
    """An expression whose `${name}` references are checked once every name is known."""

    row: int
    header: str
    owner: str
    expression: Expression


@dataclass
class _Settings:
    form_id: str = ""
    version: str = ""
    title: Texts = field(default_factory=dict)
    default_language_cell: tuple[int, str] | None = None  # (row, text) when the sheet names one
    instance_name: Expression | None = None
    allows_choice_duplicates: bool = False


class _FormReader:
    def __init__(
        self,
        sheets: dict[str, _Sheet],
        file_name: str = "",
        data: bytes = b"",
        sheet_names: list[str] | None = None,
    ) -> None:
        self.sheets = sheets
        self.file_name = file_name
        self.data = data
        self.sheet_names = sheet_names or list(sheets)
        for sheet, columns in (
            (sheets.get("survey"), QUOTED_COLUMNS),
            (sheets.get("settings"), ("instance_name",)),
        ):
            if sheet is not None:
                _straighten_quotes(sheet, columns)
        self.problems: list[Problem] = []
        self.names: dict[str, int] = {}
        self.checks: list[_Check] = []
        self.outputs: list[tuple[int, str, str]] = []  # (row, header, text) of labels and hints
        self.selects: list[Question] = []
        self.default_language = DEFAULT_LANGUAGE
        self.languages: dict[str, str] = {}
        self.triggers: list[tuple[int, str]] = []  # (row, text) of trigger cells
        self.measure_rows: dict[str, int] = {}  # the row of each one-question measure
        self.other_row = 0  # the row of the select being read when it has `or_other`

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def read(self) -> Form | None:
        survey = self.sheets.get("survey")
        choices_sheet = self.sheets.get("choices")
        settings = self._settings()
        if survey is None:
            self.add(Problem(None, None, None, "the workbook has no 'survey' sheet"))
            return None
        self._languages(settings, [sheet for sheet in (survey, choices_sheet) if sheet])
        for sheet in self.sheets.values():
            self._check_layout(sheet)
        self.allows_choice_duplicates = settings.allows_choice_duplicates
        choice_lists = self._choices(choices_sheet) if choices_sheet else {}
        self._survey(survey)
        self._check_references(survey)
        self._check_selects(survey, choices_sheet, choice_lists)
        self._check_cycles(survey)
        if self.problems:
            return None
        reference = self._reference_json(settings)
        if reference is None:
            return None
        return _ReferenceForm(self, settings).form(reference)

    def _reference_json(self, settings: _Settings) -> dict[str, object] | None:
        """The form as pyxform's xls2json layer reads it, or None after adding its problem."""
        book: dict[str, object] = {"sheet_names": self.sheet_names}
        for key, sheet in self.sheets.items():
            rows: list[dict[str, str]] = []
            for number, cells in sheet.rows:
                # Blank rows keep their place, so pyxform's row numbers are the spreadsheet's.
                rows.extend({} for _ in range(number - 2 - len(rows)))
                row = {
                    header: cells[index]
                    for header, index in sheet.columns.items()
                    if index < len(cells) and cells[index]
                }
                if key != "settings":
                    row[ROW_KEY] = str(number)
                rows.append(row)
            book[key] = rows
            book[f"{key}_header"] = [dict.fromkeys([*sheet.columns, ROW_KEY])]
            if key == "settings" and rows:
                rows[0].pop("form_id", None)
                rows[0]["id_string"] = settings.form_id
                book[f"{key}_header"] = [dict.fromkeys(rows[0])]
        try:
            return workbook_to_json(
                DefinitionData(**book),  # type: ignore[arg-type]
                fallback_form_name=settings.form_id,
                warnings=[],
            )
        except PyXFormError as error:
            problem = _reference_problem(str(error))
            sheet = self.sheets.get(problem.sheet or "")
            if sheet is not None and problem.header:
                problem = replace(problem, column=sheet.letter(problem.header))
            self.add(problem)
            return None

    def _content_version(self) -> str:
        """A version for a form whose settings name none: the same file, the same version."""
        return "sha256-" + hashlib.sha256(self.data).hexdigest()[:12]

    def _check_layout(self, sheet: _Sheet) -> None:
        for header, index in sheet.duplicates:
            self.add(
                Problem(
                    sheet.name,
                    1,
                    get_column_letter(index + 1),
                    f"column '{header}' appears twice (also column {sheet.letter(header)})",
                    header,
                )
            )
        if sheet.is_too_long:
            self.add(Problem(sheet.name, None, None, f"the sheet has more than {MAX_ROWS} rows"))

    # settings

    def _settings(self) -> _Settings:
        sheet = self.sheets.get("settings")
        settings = _Settings(form_id=_form_id_of(self.file_name), version=self._content_version())
        if sheet is None:
            settings.title = {DEFAULT_LANGUAGE: settings.form_id}
            return settings
        row, cells = sheet.rows[0] if sheet.rows else (2, ())
        id_header = "form_id" if "form_id" in sheet.columns else "id_string"
        for header, limit in ((id_header, MAX_FORM_ID_LENGTH), ("version", MAX_VERSION_LENGTH)):
            value = sheet.value(cells, header)
            if not value:
                continue  # optional: the file name and the content's hash stand in
            if len(value) > limit or any(char.isspace() for char in value):
                message = f"{header} '{value}' has spaces or is over {limit} characters"
                self.add(sheet.problem(row, header, message))
            setattr(settings, "form_id" if header == id_header else header, value)
        settings.allows_choice_duplicates = (
            sheet.value(cells, "allow_choice_duplicates").lower() in REQUIRED_YES
        )
        if text := sheet.value(cells, "instance_name"):
            try:
                settings.instance_name = parse(text)
            except ExpressionError as error:
                message = f"instance_name '{text}': {error}"
                self.add(sheet.problem(row, "instance_name", message))
            else:
                self.checks.append(_Check(row, "instance_name", "", settings.instance_name))
        if language := sheet.value(cells, "default_language"):
            self.default_language = language_of(language)[0]
            settings.default_language_cell = (row, language)
        settings.title = sheet.texts(cells, "form_title", DEFAULT_LANGUAGE)
        # pyxform refuses a translated form_title (the XForm has one title), so a form that
        # must convert gives its other languages' titles in a column pyxform ignores.
        for language, title in sheet.texts(cells, "postkit::form_title", "").items():
            if language:
                settings.title.setdefault(language, title)
        return settings

    def _languages(self, settings: _Settings, sheets: list[_Sheet]) -> None:
        """Find the form's languages; a plain `label` is in the default language."""
        has_plain = any(
            sheet.value(cells, column)
            for sheet in sheets
            for _, cells in sheet.rows
            for column in TRANSLATABLE
        )
        for sheet in sheets:
            for column, suffix in sheet.translated():
                if column in TRANSLATABLE:
                    code, name = language_of(suffix)
                    self.languages.setdefault(code, name)
        if settings.default_language_cell is None and self.languages and not has_plain:
            self.default_language = next(iter(self.languages))
        if (has_plain or not self.languages) and self.default_language not in self.languages:
            self.languages = {self.default_language: self.default_language} | self.languages
        if settings.default_language_cell and self.default_language not in self.languages:
            row, text = settings.default_language_cell
            known = ", ".join(self.languages)
            message = f"default_language '{text}' is not a language of the form ({known})"
            self.add(self.sheets["settings"].problem(row, "default_language", message))
        if DEFAULT_LANGUAGE in settings.title:
            plain_title = settings.title.pop(DEFAULT_LANGUAGE)
            settings.title.setdefault(self.default_language, plain_title)
        if not settings.title:
            settings.title = {self.default_language: settings.form_id}

    # choices

    def _choices(self, sheet: _Sheet) -> dict[str, tuple[Choice, ...]]:
        missing = [header for header in ("list_name", "name") if header not in sheet.columns]
        for header in missing:
            self.add(Problem("choices", 1, None, f"the choices need a '{header}' column", header))
        if missing:
            return {}
        extra_columns = [
            header
            for header in sheet.columns
            if "::" not in header and header not in TRANSLATABLE | {"list_name", "name"}
        ]
        lists: dict[str, dict[str, Choice]] = {}
        for row, cells in sheet.rows:
            list_name = sheet.value(cells, "list_name")
            name = sheet.value(cells, "name")
            if not list_name and not name:
                continue
            if not list_name:
                self.add(sheet.problem(row, "list_name", f"choice '{name}' has no list_name"))
                continue
            if not name:
                self.add(sheet.problem(row, "name", f"a choice of list '{list_name}' has no name"))
                continue
            label = sheet.texts(cells, "label", self.default_language)
            if not label:
                self.add(
                    sheet.problem(
                        row, "label", f"choice '{name}' of list '{list_name}' has no label"
                    )
                )
            existing = lists.setdefault(list_name, {})
            if name in existing and self.allows_choice_duplicates:
                continue
            if name in existing:
                self.add(
                    sheet.problem(
                        row,
                        "name",
                        f"choice '{name}' appears twice in list '{list_name}' "
                        f"(first on row {existing[name].row})",
                    )
                )
                continue
            extra = {
                column: value for column in extra_columns if (value := sheet.value(cells, column))
            }
            existing[name] = Choice(list_name, name, label, extra, row)
        return {name: tuple(choices.values()) for name, choices in lists.items()}

    # survey

    def _survey(self, sheet: _Sheet) -> list[Item]:
        for header in ("type", "name"):
            if header not in sheet.columns:
                self.add(
                    Problem("survey", 1, None, f"the survey needs a '{header}' column", header)
                )
        if "type" not in sheet.columns:
            return []
        root: list[Item] = []
        stack: list[_OpenGroup] = []
        for row, cells in sheet.rows:
            item = self._row(sheet, row, cells, stack)
            if item is not None:
                (stack[-1].items if stack else root).append(item)
        for group in stack:
            kind, end = ("repeat", "end repeat") if group.is_repeat else ("group", "end group")
            self.add(
                sheet.problem(
                    group.row, "type", f"{kind} '{group.name}' is never closed with '{end}'"
                )
            )
        if not sheet.rows:
            self.add(Problem("survey", None, None, "the survey sheet has no questions"))
        return root

    def _row(
        self, sheet: _Sheet, row: int, cells: tuple[str, ...], stack: list[_OpenGroup]
    ) -> Item | None:
        type_text = " ".join(sheet.value(cells, "type").split())
        keyword = type_text.lower()
        if not type_text:
            if sheet.value(cells, "name"):
                self.add(sheet.problem(row, "type", "the row has a name but no type"))
            return None
        if keyword in END_GROUP | END_REPEAT:
            is_repeat = keyword in END_REPEAT
            begin, end = (
                ("begin repeat", "end repeat") if is_repeat else ("begin group", "end group")
            )
            if not stack:
                self.add(sheet.problem(row, "type", f"'{end}' without a '{begin}'"))
                return None
            if stack[-1].is_repeat != is_repeat:
                opened = "repeat" if stack[-1].is_repeat else "group"
                self.add(
                    sheet.problem(
                        row,
                        "type",
                        f"'{end}' closes {opened} '{stack[-1].name}' (row {stack[-1].row})",
                    )
                )
            group = stack.pop()
            return Group(
                group.name,
                group.label,
                group.relevant,
                group.appearance,
                tuple(group.items),
                group.row,
                is_repeat=group.is_repeat,
                repeat_count=group.repeat_count,
            )
        kind, list_name = self._type(sheet, row, type_text)
        if kind is None:
            return None
        name = self._name(sheet, row, cells)
        label = sheet.texts(cells, "label", self.default_language)
        appearance = sheet.value(cells, "appearance")
        if _SEARCH_APPEARANCE.search(appearance):
            message = (
                "search() appearances are not supported by postkit: they read external CSV "
                "files; put the choices on the choices sheet"
            )
            self.add(sheet.problem(row, "appearance", message))
        relevant = self._expression(sheet, row, cells, "relevant", name)
        for header in ("label", "hint"):
            for text in sheet.texts(cells, header, self.default_language).values():
                self.outputs.append((row, header, text))
        if keyword in BEGIN_GROUP:
            stack.append(_OpenGroup(name, label, relevant, appearance, row))
            return None
        if keyword in BEGIN_REPEAT:
            count = self._expression(sheet, row, cells, "repeat_count", name)
            stack.append(_OpenGroup(name, label, relevant, appearance, row, [], True, count))
            return None
        # A row whose only label is an image (or other media) is labelled.
        has_media = any(
            sheet.texts(cells, column, "") or sheet.texts(cells, f"media::{column}", "")
            for column in MEDIA_COLUMNS
        )
        if not label and not has_media and kind not in UNSHOWN_TYPES:
            self.add(sheet.problem(row, "label", f"question '{name}' has no label"))
        constraint = self._expression(sheet, row, cells, "constraint", name)
        calculation = self._expression(sheet, row, cells, "calculation", name)
        choice_filter = self._expression(sheet, row, cells, "choice_filter", name)
        if kind == "calculate" and calculation is None and not sheet.value(cells, "calculation"):
            self.add(sheet.problem(row, "calculation", f"calculate '{name}' has no calculation"))
        if trigger := sheet.value(cells, "trigger"):
            self.triggers.append((row, trigger))
        if choice_filter is not None and kind not in SELECT_TYPES:
            self.add(
                sheet.problem(row, "choice_filter", "only select questions take a choice_filter")
            )
        self._check_measure(sheet, row, cells, kind)
        question = Question(
            name=name,
            type=kind,
            list_name=list_name,
            label=label,
            hint=sheet.texts(cells, "hint", self.default_language),
            required=self._required(sheet, row, cells, name),
            required_message=sheet.texts(cells, "required_message", self.default_language),
            relevant=relevant,
            constraint=constraint,
            constraint_message=sheet.texts(cells, "constraint_message", self.default_language),
            calculation=calculation,
            default=self._default(sheet, row, cells, kind) or None,
            appearance=appearance,
            choice_filter=choice_filter,
            read_only=self._read_only(sheet, row, cells),
            row=row,
        )
        if question.has_choices:
            self.selects.append(question)
        if self.other_row == row:
            self.names.setdefault(f"{name}_other", row)
        return question

    def _check_measure(self, sheet: _Sheet, row: int, cells: tuple[str, ...], kind: str) -> None:
        """A `postkit::measure` mark is one of the words headquarters reads, on a select_one."""
        mark = sheet.value(cells, MEASURE_COLUMN)
        if not mark:
            return
        if mark not in MEASURES:
            message = f"'{mark}' is not a measure postkit reads; use one of {', '.join(MEASURES)}"
            self.add(sheet.problem(row, MEASURE_COLUMN, message))
        elif kind != "select_one":
            message = f"'{mark}' marks a select_one question, not a {kind}"
            self.add(sheet.problem(row, MEASURE_COLUMN, message))
        elif mark in ONE_QUESTION_EACH:
            first = self.measure_rows.setdefault(mark, row)
            if first != row:
                message = f"'{mark}' marks one question only (also row {first})"
                self.add(sheet.problem(row, MEASURE_COLUMN, message))

    def _type(self, sheet: _Sheet, row: int, type_text: str) -> tuple[str | None, str | None]:
        """The postkit type and choice list of a type cell, with pyxform's aliases."""
        lowered = type_text.lower()
        if lowered in BEGIN_GROUP:
            return "group", None
        if lowered in BEGIN_REPEAT:
            return "repeat", None
        refusal = _REFUSED_TYPES.get(lowered) or _REFUSED_TYPES.get(lowered.split()[0])
        if refusal is None and _EXTERNAL_SELECT.match(lowered):
            refusal = EXTERNAL_MESSAGE
        if refusal is not None:
            self.add(sheet.problem(row, "type", refusal))
            return None, None
        select = _SELECT_TYPE.fullmatch(type_text)
        if select is not None and not select["rest"].strip():
            kind = _POSTKIT_SELECTS.get(aliases.select[select["command"].lower()])
            if kind is None:
                self.add(sheet.problem(row, "type", EXTERNAL_MESSAGE))
                return None, None
            if not select["list"]:
                self.add(
                    sheet.problem(row, "type", f"write '{type_text} LIST', naming a choice list")
                )
                return None, None
            if select["other"]:
                if kind == "rank":
                    self.add(sheet.problem(row, "type", "a rank question takes no 'or_other'"))
                    return None, None
                self.other_row = row
            return kind, select["list"]
        kind = postkit_type(type_text) or postkit_type(lowered)
        if kind is None:
            self.add(sheet.problem(row, "type", f"type '{type_text}' is not supported by postkit"))
        return kind, None

    def _name(self, sheet: _Sheet, row: int, cells: tuple[str, ...]) -> str:
        name = sheet.value(cells, "name")
        if not name:
            self.add(sheet.problem(row, "name", "the name is empty"))
        elif not _NAME.fullmatch(name):
            self.add(
                sheet.problem(
                    row,
                    "name",
                    f"name '{name}' must start with a letter or '_' and hold only letters, "
                    "digits, '_', '-' and '.'",
                )
            )
        elif name in self.names:
            self.add(
                sheet.problem(
                    row, "name", f"name '{name}' is already used on row {self.names[name]}"
                )
            )
        else:
            self.names[name] = row
        return name

    def _expression(
        self, sheet: _Sheet, row: int, cells: tuple[str, ...], header: str, owner: str
    ) -> Expression | None:
        text = sheet.value(cells, header)
        if not text:
            return None
        if header == "relevant" and text.lower() in REQUIRED_YES | REQUIRED_NO:
            text = "true()" if text.lower() in REQUIRED_YES else "false()"
        if (refusal := _expression_refusal(text)) is not None:
            self.add(sheet.problem(row, header, refusal))
            return None
        try:
            expression = parse(text, allow_columns=header == "choice_filter")
        except ExpressionError as error:
            self.add(sheet.problem(row, header, f"{header} '{text}': {error}"))
            return None
        if expression.uses_current() and header != "constraint":
            self.add(
                sheet.problem(
                    row, header, "'.' (this question's answer) can be used only in a constraint"
                )
            )
        self.checks.append(_Check(row, header, owner, expression))
        return expression

    def _read_only(self, sheet: _Sheet, row: int, cells: tuple[str, ...]) -> bool:
        text = sheet.value(cells, "read_only").lower()
        if text in REQUIRED_YES:
            return True
        if text and text not in REQUIRED_NO:
            self.add(sheet.problem(row, "read_only", f"read_only is '{text}': write yes or no"))
        return False

    def _required(self, sheet: _Sheet, row: int, cells: tuple[str, ...], owner: str) -> bool | str:
        text = sheet.value(cells, "required")
        if text.lower() in REQUIRED_YES:
            return True
        if text.lower() in REQUIRED_NO:
            return False
        if _WORD.fullmatch(text):
            self.add(
                sheet.problem(
                    row, "required", f"required is '{text}': write yes or no, or an expression"
                )
            )
            return False
        if (refusal := _expression_refusal(text)) is not None:
            self.add(sheet.problem(row, "required", refusal))
            return False
        try:
            expression = parse(text)
        except ExpressionError as error:
            self.add(
                sheet.problem(
                    row, "required", f"required '{text}' is not yes, no or an expression: {error}"
                )
            )
            return False
        if expression.uses_current():
            self.add(
                sheet.problem(
                    row, "required", "'.' (this question's answer) can be used only in a constraint"
                )
            )
        self.checks.append(_Check(row, "required", owner, expression))
        return text

    def _default(self, sheet: _Sheet, row: int, cells: tuple[str, ...], kind: str) -> str:
        text = sheet.value(cells, "default")
        if not text:
            return ""
        text = literal_default(kind, text)
        message = None
        if kind in ("note", "calculate", "acknowledge") or kind in METADATA_TYPES:
            message = "empty: a " + kind + " takes no default"
        elif is_dynamic_default(text):
            # Computed when the form opens, as ODK Collect does.
            if (refusal := _expression_refusal(text)) is not None:
                self.add(sheet.problem(row, "default", refusal))
                return text
            try:
                expression = parse(text)
            except ExpressionError as error:
                message = f"a value or an expression ({error})"
            else:
                self.checks.append(_Check(row, "default", "", expression))
        elif kind == "integer" and not re.fullmatch(r"-?\d+", text):
            message = "a whole number"
        elif kind in ("decimal", "range") and not re.fullmatch(r"-?(\d+(\.\d*)?|\.\d+)", text):
            message = "a number"
        elif kind == "date":
            try:
                date.fromisoformat(text)
            except ValueError:
                message = "a date written yyyy-mm-dd"
        if message is not None:
            self.add(sheet.problem(row, "default", f"default '{text}' must be {message}"))
        return text

    # checks that need the whole form

    def _check_references(self, survey: _Sheet) -> None:
        for check in self.checks:
            sheet = self.sheets["settings"] if check.header == "instance_name" else survey
            for name in sorted(check.expression.names()):
                if name not in self.names:
                    self.add(
                        sheet.problem(
                            check.row,
                            check.header,
                            f"${{{name}}} does not refer to a question of this form",
                        )
                    )
        for row, text in self.triggers:
            names = _OUTPUT_REFERENCE.findall(text)
            if not names or _OUTPUT_REFERENCE.sub("", text).strip(" ,"):
                message = f"trigger '{text}' must name questions as ${{name}}"
                self.add(survey.problem(row, "trigger", message))
            for name in names:
                if name not in self.names:
                    message = f"${{{name}}} does not refer to a question of this form"
                    self.add(survey.problem(row, "trigger", message))
        for row, header, text in self.outputs:
            for name in _OUTPUT_REFERENCE.findall(text):
                if name not in self.names:
                    self.add(
                        survey.problem(
                            row, header, f"${{{name}}} does not refer to a question of this form"
                        )
                    )

    def _check_selects(
        self,
        survey: _Sheet,
        choices_sheet: _Sheet | None,
        choice_lists: dict[str, tuple[Choice, ...]],
    ) -> None:
        reported: set[tuple[str, int]] = set()
        for question in self.selects:
            assert question.list_name is not None
            row = question.row
            choices = choice_lists.get(question.list_name)
            if choices is None:
                where = "choices sheet" if choices_sheet else "workbook, which has no choices sheet"
                self.add(
                    survey.problem(
                        row, "type", f"list '{question.list_name}' is not on the {where}"
                    )
                )
                continue
            if question.choice_filter is not None:
                columns = set().union(*(choice.extra for choice in choices)) | {"name", "label"}
                for column in sorted(question.choice_filter.columns() - columns):
                    self.add(
                        survey.problem(
                            row,
                            "choice_filter",
                            f"'{column}' is not a column of list '{question.list_name}'",
                        )
                    )
            names = {choice.name for choice in choices}
            if question.default:
                for value in (
                    question.default.split()
                    if question.type == "select_multiple"
                    else [question.default]
                ):
                    if value not in names:
                        self.add(
                            survey.problem(
                                row,
                                "default",
                                f"default '{value}' is not a choice of list '{question.list_name}'",
                            )
                        )
            if question.type != "select_multiple" or choices_sheet is None:
                continue
            for choice in choices:
                if any(char.isspace() for char in choice.name):
                    if (choice.name, choice.row) in reported:
                        continue
                    reported.add((choice.name, choice.row))
                    self.add(
                        choices_sheet.problem(
                            choice.row,
                            "name",
                            f"choice name '{choice.name}' has a space; list "
                            f"'{question.list_name}' is used by select_multiple '{question.name}' "
                            f"(survey row {row}), whose answers are separated by spaces",
                        )
                    )

    def _check_cycles(self, survey: _Sheet) -> None:
        """A calculation that depends on itself, directly or through other calculations."""
        calculations = {
            check.owner: check for check in self.checks if check.header == "calculation"
        }
        state: dict[str, int] = {}  # 1 visiting, 2 done

        def visit(name: str, path: list[str]) -> None:
            state[name] = 1
            for used in sorted(calculations[name].expression.names()):
                if used not in calculations:
                    continue
                if state.get(used) == 1:
                    cycle = [*path[path.index(used) :], used]
                    chain = " → ".join(f"${{{step}}}" for step in cycle)
                    check = calculations[used]
                    self.add(
                        survey.problem(
                            check.row, "calculation", f"the calculation depends on itself: {chain}"
                        )
                    )
                elif used not in state:
                    visit(used, [*path, used])
            state[name] = 2

        for name in calculations:
            if name not in state:
                visit(name, [name])


def literal_default(kind: str, text: str) -> str:
    """A default as the question stores it: Excel in a Dutch locale writes 1,5 for 1.5."""
    if kind == "decimal" and re.fullmatch(r"-?\d+,\d+", text):
        return text.replace(",", ".")
    return text


def _expression_refusal(text: str) -> str | None:
    """Why postkit will not run an expression that the standard allows, or None."""
    if _PULLDATA.search(text):
        return "pulldata() is not supported by postkit: it reads external CSV files"
    if _ABSOLUTE_PATH.search(_STRINGS.sub("''", text)):
        return "paths such as /data/x are not supported by postkit: refer to a question as ${name}"
    return None


_STRINGS = re.compile(r"'[^']*'|\"[^\"]*\"")


def _straighten_quotes(sheet: _Sheet, columns: tuple[str, ...]) -> None:
    indexes = [sheet.columns[column] for column in columns if column in sheet.columns]
    if not indexes:
        return
    for position, (number, cells) in enumerate(sheet.rows):
        if any(index < len(cells) and cells[index] for index in indexes):
            straight = list(cells)
            for index in indexes:
                if index < len(straight):
                    straight[index] = straight[index].translate(_SMART_QUOTES)
            sheet.rows[position] = (number, tuple(straight))


def _form_id_of(file_name: str) -> str:
    """The form_id of a form whose settings name none: its file name, as pyxform takes it."""
    stem = Path(file_name).stem if file_name else ""
    form_id = re.sub(r"\s+", "_", stem.strip())[:MAX_FORM_ID_LENGTH]
    return form_id or "data"


_REFERENCE_ROW = re.compile(r"\[row\s*:\s*(\d+)\]\s*")
_REFERENCE_SHEET = re.compile(r"'(survey|choices|settings)' sheet", re.IGNORECASE)
_REFERENCE_COLUMN = re.compile(r"'([\w:\-]+)' (?:column|value)", re.IGNORECASE)


def _reference_problem(text: str) -> Problem:
    """pyxform's message as a Problem, with the sheet, row and column it names."""
    row_match = _REFERENCE_ROW.search(text)
    row = int(row_match[1]) if row_match else None
    sheet_match = _REFERENCE_SHEET.search(text)
    sheet = sheet_match[1].lower() if sheet_match else ("survey" if row else None)
    column_match = _REFERENCE_COLUMN.search(text)
    header = column_match[1].lower() if column_match else ""
    message = " ".join(_REFERENCE_ROW.sub("", text).split())
    return Problem(sheet, row, None, f"pyxform: {message}", header)


class _ReferenceForm:
    """Builds postkit's Form from pyxform's standard form JSON."""

    def __init__(self, reader: _FormReader, settings: _Settings) -> None:
        self.reader = reader
        self.settings = settings
        self.default_language = reader.default_language

    def form(self, data: dict[str, object]) -> Form:
        choices = data.get("choices") or {}
        assert isinstance(choices, dict)
        children = data.get("children") or []
        assert isinstance(children, list)
        return Form(
            form_id=self.settings.form_id,
            title=self.settings.title,
            version=str(data.get("version") or self.settings.version),
            default_language=self.default_language,
            languages=tuple(self.reader.languages),
            items=tuple(self._items(children)),
            choice_lists={
                name: tuple(self._choice(name, choice) for choice in rows)
                for name, rows in choices.items()
            },
            language_names=self.reader.languages,
            instance_name=self.settings.instance_name,
            style=str(data.get("style") or ""),
        )

    def texts(self, value: object) -> Texts:
        """A label (or hint…) by language code; pyxform keys them by the column's suffix."""
        if isinstance(value, str):
            return {self.default_language: value} if value else {}
        if not isinstance(value, dict):
            return {}
        texts: Texts = {}
        for language, text in value.items():
            code = self.default_language if language == "default" else language_of(language)[0]
            if text and code not in texts:
                texts[code] = str(text)
        return texts

    def _items(self, children: list[dict[str, object]], row: int = 0) -> list[Item]:
        items: list[Item] = []
        for child in children:
            control = child.get("control") or {}
            assert isinstance(control, dict)
            if child.get("type") == "group" and control.get("bodyless"):
                # pyxform's own `meta` group: instanceID and instanceName are its business; an
                # audit is the form's.
                for meta in child.get("children") or []:
                    if meta.get("type") == "audit":
                        items.append(self._question(meta, row))
                continue
            row = int(str(child.get(ROW_KEY) or row))
            if child.get("type") in ("group", "repeat"):
                bind = child.get("bind") or {}
                label, appearance, grandchildren = _undo_table_list(
                    child.get("label"),
                    str(control.get("appearance") or ""),
                    list(child.get("children") or []),
                )
                items.append(
                    Group(
                        name=str(child["name"]),
                        label=self.texts(label),
                        relevant=self._relevant(bind.get("relevant")),
                        appearance=appearance,
                        items=tuple(self._items(grandchildren, row)),
                        row=row,
                        is_repeat=child.get("type") == "repeat",
                        repeat_count=_parsed(control.get("jr:count")),
                    )
                )
            else:
                items.append(self._question(child, row))
        return items

    def _question(self, child: dict[str, object], row: int) -> Question:
        bind = child.get("bind") or {}
        control = child.get("control") or {}
        assert isinstance(bind, dict) and isinstance(control, dict)
        kind = postkit_type(str(child["type"]))
        assert kind is not None, child["type"]  # the first pass refused the others
        is_generated = ROW_KEY not in child
        relevant_text = bind.get("relevant")
        if is_generated and isinstance(relevant_text, str):
            # pyxform writes the `or_other` question's relevance as an XPath step.
            relevant_text = re.sub(r"\.\./([\w.\-]+)", r"${\1}", relevant_text)
        media = child.get("media") or {}
        assert isinstance(media, dict)
        parameters = child.get("parameters") or {}
        assert isinstance(parameters, dict)
        default = child.get("default")
        return Question(
            name=str(child["name"]),
            type=kind,
            list_name=str(child["list_name"]) if kind in SELECT_TYPES else None,
            label=self.texts(child.get("label")),
            hint=self.texts(child.get("hint")),
            required=_required_value(bind.get("required")),
            required_message=self.texts(bind.get("jr:requiredMsg")),
            relevant=self._relevant(relevant_text),
            constraint=_parsed(bind.get("constraint")),
            constraint_message=self.texts(bind.get("jr:constraintMsg")),
            calculation=_parsed(bind.get("calculate")),
            default=literal_default(kind, str(default)) if default else None,
            appearance=str(control.get("appearance") or ""),
            choice_filter=_parsed(child.get("choice_filter"), allow_columns=True),
            read_only=str(bind.get("readonly") or "").lower() in REQUIRED_YES,
            row=row,
            trigger=tuple(str(name) for name in child.get("trigger") or ()),
            parameters={str(key): str(value) for key, value in parameters.items()},
            media={str(kind): self.texts(texts) for kind, texts in media.items()},
            measure=_measure_of(child),
        )

    def _relevant(self, text: object) -> Expression | None:
        if not isinstance(text, str) or not text or text.lower() in REQUIRED_YES:
            return None
        return _parsed("false()" if text.lower() in REQUIRED_NO else text)

    def _choice(self, list_name: str, choice: dict[str, object]) -> Choice:
        extra = {
            str(key): str(value)
            for key, value in choice.items()
            if key not in ("name", "label", "media", ROW_KEY) and isinstance(value, str)
        }
        return Choice(
            list_name,
            str(choice["name"]),
            self.texts(choice.get("label")),
            extra,
            int(str(choice.get(ROW_KEY) or 0)),
        )


# What pyxform generates for a table-list group (see _undo_table_list).
_TABLE_HEADER = "reserved_name_for_field_list_labels_"
_TABLE_LABEL = "generated_table_list_label_"


def _undo_table_list(
    label: object, appearance: str, children: list[dict[str, object]]
) -> tuple[object, str, list[dict[str, object]]]:
    """A `table-list` group as the sheet wrote it.

    pyxform rewrites one for ODK's renderer: the group becomes `field-list`, its label a
    generated note, a header select heads the table and every select gets `list-nolabel`.
    postkit draws the table itself, so the group keeps its label and `table-list`, and the
    header select (which would be a question without an answer) goes.
    """
    generated = (_TABLE_HEADER, _TABLE_LABEL)
    if "field-list" not in appearance.split() or not any(
        str(c.get("name", "")).startswith(generated) for c in children
    ):
        return label, appearance, children
    kept: list[dict[str, object]] = []
    for child in children:
        name = str(child.get("name", ""))
        if name.startswith(_TABLE_HEADER):
            continue
        if name.startswith(_TABLE_LABEL) and child.get("type") == "note":
            label = label or child.get("label")
            continue
        control = child.get("control")
        if isinstance(control, dict) and control.get("appearance") == "list-nolabel":
            child = {**child, "control": {**control, "appearance": ""}}
        kept.append(child)
    rest = [word for word in appearance.split() if word != "field-list"]
    return label, " ".join(["table-list", *rest]), kept


def _parsed(text: object, *, allow_columns: bool = False) -> Expression | None:
    """An expression the first pass has already checked."""
    if not isinstance(text, str) or not text:
        return None
    return parse(text, allow_columns=allow_columns)


def _required_value(text: object) -> bool | str:
    if not isinstance(text, str) or text.lower() in REQUIRED_NO:
        return False
    if text.lower() in REQUIRED_YES:
        return True
    return text


def _measure_of(child: dict[str, object]) -> str:
    """The `postkit::measure` mark, which pyxform hands on as {"postkit": {"measure": ...}}."""
    marks = child.get("postkit")
    mark = marks.get("measure") if isinstance(marks, dict) else None
    return mark if isinstance(mark, str) and mark in MEASURES else ""
