"""Read and validate XLSForm workbooks (sheets `survey`, `choices`, `settings`) into a Form.

postkit supports a clear subset of XLSForm (see `surveys/README.md`); everything else, and every
mistake in a form, becomes a Problem that names the sheet, the spreadsheet row and the column.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from postkit.core.errors import PostkitError
from postkit.core.surveys.expressions import Expression, ExpressionError, parse
from postkit.core.surveys.forms import Choice, Form, Group, Item, Question, Texts
from postkit.core.untrusted import UntrustedFileError, XlsxLimits, check_xlsx_package

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

SIMPLE_TYPES = frozenset({"text", "integer", "decimal", "date", "note", "acknowledge", "calculate"})
FORM_SHEETS = ("survey", "choices", "settings")
SELECT_TYPES = frozenset({"select_one", "select_multiple"})
BEGIN_GROUP = frozenset({"begin group", "begin_group"})
END_GROUP = frozenset({"end group", "end_group"})
TRANSLATABLE = frozenset({"label", "hint", "required_message", "constraint_message"})
EXPRESSION_COLUMNS = ("relevant", "constraint", "calculation", "choice_filter")
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
    """Read and validate an XLSForm workbook held in memory (as stored in the database)."""
    form, problems = validate_form_bytes(data)
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
    return validate_form_bytes(data)


def validate_form_bytes(data: bytes) -> tuple[Form | None, list[Problem]]:
    """As validate_form, for the bytes of a workbook."""
    if len(data) > MAX_FILE_BYTES:
        return None, [_too_big(len(data))]
    refusal = _refusal(data)
    if refusal is not None:
        return None, [Problem(None, None, None, refusal)]
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            titles = {title.strip().lower(): title for title in workbook.sheetnames}
            sheets = {
                key: _read_sheet(key, workbook[titles[key]]) for key in FORM_SHEETS if key in titles
            }
        finally:
            workbook.close()
    # What a damaged workbook raises inside openpyxl; SyntaxError covers both XML parsers' errors.
    except (
        zipfile.BadZipFile,
        InvalidFileException,
        KeyError,
        ValueError,
        OSError,
        SyntaxError,
    ) as error:
        message = f"the workbook cannot be read as .xlsx ({error})"
        return None, [Problem(None, None, None, message)]
    reader = _FormReader(sheets)
    form = reader.read()
    problems = sorted(reader.problems, key=lambda p: (_SHEET_ORDER.get(p.sheet, 9), p.row or 0))
    return (None, problems) if problems else (form, [])


def check_form(path: Path | str) -> str:
    """The line `postkit survey validate` prints for a valid form; raise FormError otherwise."""
    form = load_form(path)
    return f"ok {form.form_id} {form.version} {len(form.questions())} questions"


def language_of(suffix: str) -> tuple[str, str]:
    """The code and name of a column's language: 'English (en)' -> ('en', 'English')."""
    suffix = suffix.strip()
    match = _LANGUAGE.fullmatch(suffix)
    if match:
        return match["code"].strip(), match["name"] or match["code"].strip()
    return suffix, suffix


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
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile:
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
            column, _, suffix = header.partition("::")
            if column == base and suffix and index < len(cells) and cells[index]:
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


class _FormReader:
    def __init__(self, sheets: dict[str, _Sheet]) -> None:
        self.sheets = sheets
        self.problems: list[Problem] = []
        self.names: dict[str, int] = {}
        self.checks: list[_Check] = []
        self.outputs: list[tuple[int, str, str]] = []  # (row, header, text) of labels and hints
        self.selects: list[Question] = []
        self.default_language = DEFAULT_LANGUAGE
        self.languages: dict[str, str] = {}

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
        choice_lists = self._choices(choices_sheet) if choices_sheet else {}
        items = self._survey(survey)
        self._check_references(survey)
        self._check_selects(survey, choices_sheet, choice_lists)
        self._check_cycles(survey)
        if self.problems:
            return None
        return Form(
            form_id=settings.form_id,
            title=settings.title,
            version=settings.version,
            default_language=self.default_language,
            languages=tuple(self.languages),
            items=tuple(items),
            choice_lists=choice_lists,
            language_names=self.languages,
        )

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
        settings = _Settings()
        if sheet is None:
            message = "the workbook has no 'settings' sheet with form_id and version"
            self.add(Problem(None, None, None, message))
            return settings
        row, cells = sheet.rows[0] if sheet.rows else (2, ())
        for header, limit in (("form_id", MAX_FORM_ID_LENGTH), ("version", MAX_VERSION_LENGTH)):
            value = sheet.value(cells, header)
            if header not in sheet.columns:
                self.add(Problem("settings", 1, None, f"the settings need a '{header}'", header))
            elif not value:
                self.add(sheet.problem(row, header, f"{header} is empty"))
            elif len(value) > limit or any(char.isspace() for char in value):
                message = f"{header} '{value}' has spaces or is over {limit} characters"
                self.add(sheet.problem(row, header, message))
            setattr(settings, header, value)
        if language := sheet.value(cells, "default_language"):
            self.default_language = language_of(language)[0]
            settings.default_language_cell = (row, language)
        settings.title = sheet.texts(cells, "form_title", DEFAULT_LANGUAGE)
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
            self.add(
                sheet.problem(
                    group.row, "type", f"group '{group.name}' is never closed with 'end group'"
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
        if keyword in END_GROUP:
            if not stack:
                self.add(sheet.problem(row, "type", "'end group' without a 'begin group'"))
                return None
            group = stack.pop()
            return Group(
                group.name,
                group.label,
                group.relevant,
                group.appearance,
                tuple(group.items),
                group.row,
            )
        kind, list_name = self._type(sheet, row, type_text)
        if kind is None:
            return None
        name = self._name(sheet, row, cells)
        label = sheet.texts(cells, "label", self.default_language)
        appearance = sheet.value(cells, "appearance")
        relevant = self._expression(sheet, row, cells, "relevant", name)
        for header in ("label", "hint"):
            for text in sheet.texts(cells, header, self.default_language).values():
                self.outputs.append((row, header, text))
        if keyword in BEGIN_GROUP:
            stack.append(_OpenGroup(name, label, relevant, appearance, row))
            return None
        if not label and kind != "calculate":
            self.add(sheet.problem(row, "label", f"question '{name}' has no label"))
        constraint = self._expression(sheet, row, cells, "constraint", name)
        calculation = self._expression(sheet, row, cells, "calculation", name)
        choice_filter = self._expression(sheet, row, cells, "choice_filter", name)
        if kind == "calculate" and calculation is None and not sheet.value(cells, "calculation"):
            self.add(sheet.problem(row, "calculation", f"calculate '{name}' has no calculation"))
        if kind != "calculate" and calculation is not None:
            self.add(
                sheet.problem(row, "calculation", "only a calculate question takes a calculation")
            )
        if choice_filter is not None and kind not in SELECT_TYPES:
            self.add(
                sheet.problem(row, "choice_filter", "only select questions take a choice_filter")
            )
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
        if question.is_select:
            self.selects.append(question)
        return question

    def _type(self, sheet: _Sheet, row: int, type_text: str) -> tuple[str | None, str | None]:
        words = type_text.split()
        keyword = words[0].lower()
        if type_text.lower() in BEGIN_GROUP:
            return "group", None
        if keyword in SELECT_TYPES:
            if len(words) == 1:
                self.add(
                    sheet.problem(row, "type", f"write '{keyword} LIST', naming a choice list")
                )
                return None, None
            if len(words) > 2:
                if words[2].lower() == "or_other":
                    message = (
                        "'or_other' is not supported by postkit: add an 'other' choice and a text "
                        "question shown when it is selected"
                    )
                else:
                    message = f"type '{type_text}' is not supported by postkit"
                self.add(sheet.problem(row, "type", message))
                return None, None
            return keyword, words[1]
        if len(words) == 1 and keyword in SIMPLE_TYPES:
            return keyword, None
        self.add(sheet.problem(row, "type", f"type '{type_text}' is not supported by postkit"))
        return None, None

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
        message = None
        if kind == "decimal" and re.fullmatch(r"-?\d+,\d+", text):
            # Excel in a Dutch locale writes a decimal number kept as text with a comma.
            text = text.replace(",", ".")
        if kind == "integer" and not re.fullmatch(r"-?\d+", text):
            message = "a whole number"
        elif kind == "decimal" and not re.fullmatch(r"-?(\d+(\.\d*)?|\.\d+)", text):
            message = "a number"
        elif kind == "date":
            try:
                date.fromisoformat(text)
            except ValueError:
                message = "a date written yyyy-mm-dd"
        elif kind in ("note", "calculate", "acknowledge"):
            message = "empty: a " + kind + " takes no default"
        if message is not None:
            self.add(sheet.problem(row, "default", f"default '{text}' must be {message}"))
        return text

    # checks that need the whole form

    def _check_references(self, survey: _Sheet) -> None:
        for check in self.checks:
            for name in sorted(check.expression.names()):
                if name not in self.names:
                    self.add(
                        survey.problem(
                            check.row,
                            check.header,
                            f"${{{name}}} does not refer to a question of this form",
                        )
                    )
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
