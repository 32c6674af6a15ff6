"""Opening a post's survey export safely and checking it before headquarters counts it.

An export comes from outside (e-mail, a share), so it is treated as hostile until checked:

- the file must be a zip with `xl/workbook.xml`, at most 20 MB, at most 100 members, and unpack
  (by its zip headers) to at most 100 MB; a member that inflates past the size its header
  declares is refused when it is read;
- links to other workbooks (`xl/externalLinks/`, external relationships of the workbook) are
  refused, never followed; the package parts are parsed with defusedxml, and no XML part may
  carry a DTD (no entity expansion, no external entities); a worksheet may address no cell
  beyond a bounded area (the guard every importer shares: `postkit.core.untrusted`);
- the cells are read with python-calamine (Rust; it evaluates no formula and fetches nothing),
  the fastest .xlsx reader on PyPI, so headquarters reads 150 exports in well under a second.

Then the content is checked against the expected form: format, form_id and version; the meta
sheet's `sha256` against `export.responses_digest` of the responses as read; the columns the
form's export has; each select value inside the form's choices; response UUIDs well formed and
unique in the file. A form with repeats has a sheet per repeat (as KoboToolbox exports them),
each checked the same way against its `sha256:<sheet>` in the meta sheet, and each row's
`_parent_index` must name a row of its parent sheet. Any failure raises ExportRejected with the
reason in one sentence.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import orjson
from python_calamine import CalamineError, CalamineWorkbook

from postkit.core.errors import PostkitError
from postkit.core.surveys.export import (
    CHOICE_SEPARATOR,
    EXPORT_FORMAT,
    INDEX_COLUMN,
    LABELS_SHEET,
    META_COLUMNS,
    META_SHEET,
    REPEAT_COLUMNS,
    RESPONSES_SHEET,
    SHEET_DIGEST_PREFIX,
    canonical_value,
    column_names,
    repeat_questions,
    repeat_sheet_names,
)
from postkit.core.surveys.forms import Form
from postkit.core.untrusted import (
    CALAMINE_CELL_ERRORS,
    UntrustedFileError,
    XlsxLimits,
    cell_error_reason,
    check_xlsx_package,
)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 100
MAX_RESPONSES = 100_000
MAX_PROBLEMS_NAMED = 3  # a refusal names the first few bad cells, not thousands
_UUID_TEXT = re.compile(r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", re.IGNORECASE)
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_LIMITS = XlsxLimits(max_members=MAX_MEMBERS, max_unpacked_bytes=MAX_UNPACKED_BYTES)
_EMPTY = frozenset({None, ""})

# Whether a non-empty cell's canonical value is allowed in its column.
_Check = Callable[[object], bool]


class ExportRejected(PostkitError):
    """A file is not a sound export of the expected survey; `reason` says why."""

    def __init__(self, path: Path, reason: str, post: str = "") -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason
        self.post = post  # the post named in the meta sheet, when it could be read


@dataclass(frozen=True)
class PostExport:
    """A checked export: who sent it, of which form, and its responses as canonical values."""

    path: Path
    file_sha256: str
    post: str
    form_id: str
    version: str
    exported_at: str
    header: tuple[str, ...]
    rows: list[list[object]]  # each cell as export.canonical_value gives it (None when empty)
    # Each row as the JSON object headquarters stores: column -> value, empty cells and the
    # 1/0 `question/choice` columns left out (the question's own column names the same
    # choices); made where the file is read, which may be a reading process of its own. A
    # repeat's instances are under the repeat's name: a list of such objects.
    values_json: tuple[str, ...]
    # Each repeat's sheet by the repeat's name: its header and rows, as canonical values.
    repeats: dict[str, tuple[tuple[str, ...], list[list[object]]]] = field(default_factory=dict)

    def records(self) -> list[dict[str, object]]:
        """Each response as column -> value, empty cells left out."""
        header = self.header
        return [
            {name: value for name, value in zip(header, row, strict=True) if value is not None}
            for row in self.rows
        ]

    def column(self, name: str) -> list[object]:
        index = self.header.index(name)
        return [row[index] for row in self.rows]


def read_export(path: str | os.PathLike[str], form: Form) -> PostExport:
    """Open, check and read one post export of `form`; raise ExportRejected saying why not."""
    return ExportReader(form).read(path)


def read_form_of(path: str | os.PathLike[str]) -> tuple[str, str, str]:
    """The form_id, version and title an export's meta sheet names, so headquarters knows
    which form to check it against; raise ExportRejected when the file cannot tell."""
    path = Path(path)
    data = _read_bytes(path)
    _check_package(path, data, (META_SHEET,))
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        try:
            if META_SHEET not in workbook.sheet_names:
                raise ExportRejected(path, f"not a postkit survey export: no sheet {META_SHEET}")
            rows = workbook.get_sheet_by_name(META_SHEET).to_python(skip_empty_area=False)
        finally:
            workbook.close()
    except (CalamineError, *CALAMINE_CELL_ERRORS) as error:
        raise ExportRejected(
            path, f"the workbook cannot be read ({cell_error_reason(error)})"
        ) from error
    meta = _meta(path, rows)
    if meta.get("format") != EXPORT_FORMAT:
        raise ExportRejected(
            path,
            f"not a postkit survey export (format {meta.get('format') or 'missing'}, "
            f"expected {EXPORT_FORMAT})",
        )
    form_id = str(meta.get("form_id") or "")
    if not form_id:
        raise ExportRejected(path, "the meta sheet names no form_id")
    return form_id, str(meta.get("version") or ""), str(meta.get("form_title") or "")


class ExportReader:
    """Reads exports of one form; what the form allows in each column is worked out once."""

    def __init__(self, form: Form) -> None:
        self.form = form
        self.columns = export_columns(form)
        self.rules = _column_rules(form)
        self.sheets = repeat_sheet_names(form)

    def read(self, path: str | os.PathLike[str]) -> PostExport:
        """Open, check and read one export; raise ExportRejected saying why not."""
        path = Path(path)
        data = _read_bytes(path)
        _check_package(path, data, (META_SHEET, RESPONSES_SHEET, *self.sheets.values()))
        meta, cells, repeat_cells = self._sheets(path, data)
        try:
            export = self._checked(path, data, meta, cells)
            if self.sheets:
                export = self._with_repeats(path, export, meta, repeat_cells)
            return export
        except ExportRejected as error:
            error.post = str(meta["post"])
            raise

    def _checked(
        self, path: Path, data: bytes, meta: dict[str, object], cells: list[list[object]]
    ) -> PostExport:
        header, rows = _responses(path, cells)
        if not _digest_matches(header, rows, str(meta["sha256"])):
            raise ExportRejected(
                path,
                # A checksum finds damage and careless edits; it is no signature, so the
                # refusal claims no more than that.
                "the checksum does not match: the responses differ from the SHA-256 in the "
                "meta sheet (the file was damaged or edited after the export)",
            )
        if _integer(meta.get("responses")) != len(rows):
            raise ExportRejected(
                path,
                f"the meta sheet counts {meta.get('responses')} responses; "
                f"the responses sheet has {len(rows)}",
            )
        self._check_columns(path, header)
        self._check_values(path, header, rows)
        dumps = _json_text
        kept = [index for index, name in enumerate(header) if CHOICE_SEPARATOR not in name]
        values_json = tuple(
            dumps({header[i]: row[i] for i in kept if row[i] is not None}) for row in rows
        )
        return PostExport(
            path=path,
            file_sha256=hashlib.sha256(data).hexdigest(),
            post=str(meta["post"]),
            form_id=str(meta["form_id"]),
            version=str(meta["version"]),
            exported_at=str(meta.get("exported_at") or ""),
            header=tuple(header),
            rows=rows,
            values_json=values_json,
        )

    def _with_repeats(
        self,
        path: Path,
        export: PostExport,
        meta: dict[str, object],
        repeat_cells: dict[str, list[list[object]]],
    ) -> PostExport:
        """The export with its repeat sheets checked and nested into each response's JSON."""
        tables: dict[str, tuple[tuple[str, ...], list[list[object]]]] = {}
        # (sheet, _index) -> the object its child rows go into.
        objects: dict[tuple[str, int], dict[str, object]] = {}
        values = [orjson.loads(text) for text in export.values_json]
        index_at = export.header.index(INDEX_COLUMN)
        for row, value in zip(export.rows, values, strict=True):
            number = _integer(row[index_at])
            if number is None or (RESPONSES_SHEET, number) in objects:
                raise ExportRejected(path, f"the responses sheet has a bad {INDEX_COLUMN}")
            objects[(RESPONSES_SHEET, number)] = value
        for repeat in self.form.repeats():
            sheet = self.sheets[repeat.name]
            header, rows = _responses(path, repeat_cells[sheet], sheet)
            expected = str(meta.get(SHEET_DIGEST_PREFIX + sheet) or "")
            if not _digest_matches(header, rows, expected):
                raise ExportRejected(
                    path,
                    f"sheet {sheet} does not match the SHA-256 in the meta sheet: "
                    "the file was changed after the post exported it",
                )
            columns = [*column_names(self.form, repeat_questions(self.form, repeat.name))]
            self._check_columns(path, header, [*columns, *REPEAT_COLUMNS], sheet)
            self._check_values(path, header, rows, sheet)
            at = {name: header.index(name) for name in REPEAT_COLUMNS}
            kept = [
                i
                for i, name in enumerate(header)
                if name in columns and CHOICE_SEPARATOR not in name
            ]
            for number, row in enumerate(rows, 2):
                parent = (str(row[at["_parent_table_name"]]), _integer(row[at["_parent_index"]]))
                owner = objects.get(parent)  # type: ignore[arg-type]
                index = _integer(row[at["_index"]])
                if owner is None or index is None or (sheet, index) in objects:
                    raise ExportRejected(
                        path,
                        f"sheet {sheet}, row {number}: its _index or parent row is not in the file",
                    )
                instance = {header[i]: row[i] for i in kept if row[i] is not None}
                objects[(sheet, index)] = instance
                instances = owner.setdefault(repeat.name, [])
                assert isinstance(instances, list)
                instances.append(instance)
            tables[repeat.name] = (tuple(header), rows)
        return replace(
            export,
            values_json=tuple(_json_text(value) for value in values),
            repeats=tables,
        )

    def _sheets(
        self, path: Path, data: bytes
    ) -> tuple[dict[str, object], list[list[object]], dict[str, list[list[object]]]]:
        """The meta sheet (checked against the form), the cells of the responses sheet and of
        each repeat's sheet."""
        try:
            workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
            try:
                names = workbook.sheet_names
                missing = [
                    name
                    for name in (RESPONSES_SHEET, *self.sheets.values(), LABELS_SHEET, META_SHEET)
                    if name not in names
                ]
                if missing:
                    raise ExportRejected(
                        path, f"not a postkit survey export: no sheet {', '.join(missing)}"
                    )
                meta_sheet = workbook.get_sheet_by_name(META_SHEET)
                meta = _meta(path, meta_sheet.to_python(skip_empty_area=False))
                _check_meta(path, meta, self.form)
                responses = workbook.get_sheet_by_name(RESPONSES_SHEET)
                repeats = {
                    sheet: workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
                    for sheet in self.sheets.values()
                }
                return meta, responses.to_python(skip_empty_area=False), repeats
            finally:
                workbook.close()
        except (CalamineError, *CALAMINE_CELL_ERRORS) as error:
            raise ExportRejected(
                path, f"the workbook cannot be read ({cell_error_reason(error)})"
            ) from error

    def _check_columns(
        self,
        path: Path,
        header: list[str],
        columns: Sequence[str] | None = None,
        sheet: str = RESPONSES_SHEET,
    ) -> None:
        seen: set[str] = set()
        for name in header:
            if name in seen:
                raise ExportRejected(path, f"the {sheet} sheet has column {name} twice")
            seen.add(name)
        missing = [
            name for name in (self.columns if columns is None else columns) if name not in seen
        ]
        if missing:
            shown = ", ".join(missing[:5])
            if len(missing) > 5:
                shown += f" and {len(missing) - 5} more"
            plural = "s" if len(missing) > 1 else ""
            raise ExportRejected(path, f"the {sheet} sheet lacks column{plural} {shown}")

    def _check_values(
        self, path: Path, header: list[str], rows: list[list[object]], sheet: str = ""
    ) -> None:
        """Each column's distinct values against its rule; the first bad cells are named."""
        problems: list[tuple[int, int, str]] = []
        columns = list(zip(*rows, strict=True)) if rows else []
        for index, values in enumerate(columns):
            rule = self.rules.get(header[index])
            if rule is None:
                continue
            is_allowed, expected = rule
            bad = {value for value in set(values) if value is not None and not is_allowed(value)}
            if bad:
                number = next(n for n, value in enumerate(values, 2) if value in bad)
                problems.append(
                    (
                        number,
                        index,
                        f"{f'sheet {sheet}, ' if sheet else ''}row {number}, "
                        f"column {header[index]}: "
                        f"{values[number - 2]!r} is not {expected}",
                    )
                )
        if problems:
            problems.sort()
            raise ExportRejected(
                path, "; ".join(text for _n, _i, text in problems[:MAX_PROBLEMS_NAMED])
            )
        if sheet:
            return  # a repeat's rows are tied to their response by _parent_index
        uuids = columns[header.index("_uuid")] if columns else ()
        if None in uuids:
            raise ExportRejected(path, f"row {uuids.index(None) + 2} has no response UUID")
        if len(set(uuids)) != len(uuids):
            first_row: dict[object, int] = {}
            for number, value in enumerate(uuids, 2):
                if value in first_row:
                    raise ExportRejected(
                        path,
                        f"response {value} appears twice (rows {first_row[value]} and {number})",
                    )
                first_row[value] = number


def export_columns(form: Form) -> list[str]:
    """The columns of the responses sheet an export of `form` has, in order."""
    questions = [
        question
        for question in form.fields()
        if question.type != "note" and not form.repeat_path(question.name)
    ]
    columns = [*META_COLUMNS, *column_names(form, questions)]
    if form.repeats():
        columns.append(INDEX_COLUMN)
    return columns


# The package


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ExportRejected(
                path,
                f"the file is {size / 1024 / 1024:.1f} MB, over the "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB an export may be",
            )
        return path.read_bytes()
    except OSError as error:
        raise ExportRejected(path, f"cannot read the file: {error.strerror or error}") from error


def _check_package(path: Path, data: bytes, sheets: Collection[str]) -> None:
    """Refuse anything but a plain, bounded .xlsx package without links to other files;
    the worksheets read (`sheets`) within the limits. The labels sheet, 40% of an export's
    cells, is for people: headquarters never reads it, so it is not unpacked whole."""
    try:
        check_xlsx_package(data, _LIMITS, sheets)
    except UntrustedFileError as error:
        raise ExportRejected(path, error.reason) from error


# The sheets


def _meta(path: Path, rows: list[list[object]]) -> dict[str, object]:
    if not rows or [_plain(cell) for cell in rows[0][:2]] != ["key", "value"]:
        raise ExportRejected(path, "not a postkit survey export: the meta sheet has no key/value")
    meta: dict[str, object] = {}
    for row in rows[1:]:
        if len(row) >= 2 and isinstance(row[0], str) and row[0]:
            meta[row[0]] = _plain(row[1])
    return meta


def _check_meta(path: Path, meta: dict[str, object], form: Form) -> None:
    if meta.get("format") != EXPORT_FORMAT:
        raise ExportRejected(
            path,
            f"not a postkit survey export (format {meta.get('format') or 'missing'}, "
            f"expected {EXPORT_FORMAT})",
        )
    if meta.get("form_id") != form.form_id:
        raise ExportRejected(
            path,
            f"an export of another survey ({meta.get('form_id') or 'no form_id'}), "
            f"not {form.form_id}",
        )
    if str(meta.get("version") or "") != form.version:
        raise ExportRejected(
            path,
            f"an export of version {meta.get('version') or '(none)'} of {form.form_id}; "
            f"expected version {form.version}",
        )
    for key in ("post", "sha256"):
        if not isinstance(meta.get(key), str):
            raise ExportRejected(path, f"the meta sheet has no {key}")


def _responses(
    path: Path, cells: list[list[object]], sheet: str = RESPONSES_SHEET
) -> tuple[list[str], list[list[object]]]:
    if not cells:
        raise ExportRejected(path, f"the {sheet} sheet is empty (no header row)")
    header = [_plain(cell) for cell in cells[0]]
    while header and header[-1] is None:
        header.pop()
    if any(not isinstance(name, str) for name in header):
        raise ExportRejected(path, f"the {sheet} sheet has a column without a name")
    width = len(header)
    if len(cells) - 1 > MAX_RESPONSES:
        raise ExportRejected(path, f"more than {MAX_RESPONSES} responses in one export")
    rows = []
    for number, raw in enumerate(cells[1:], 2):
        try:
            row = _canonical_row(raw, width)
        except TypeError:  # a kind of cell no export holds (a time of day, a duration)
            raise ExportRejected(path, _odd_cell(header, raw, number)) from None
        if any(cell is not None for cell in row):
            rows.append(row)
    return header, rows  # type: ignore[return-value]


def _plain(value: object) -> object:
    """A cell of the meta sheet or the header as export.canonical_value gives it; a kind
    of cell neither has (a time of day, a duration) gives its text, which no check accepts."""
    try:
        return canonical_value(value)
    except TypeError:
        return str(value)


def _odd_cell(header: list[str], raw: Sequence[object], number: int) -> str:
    for name, value in zip(header, raw, strict=False):
        try:
            canonical_value(value)
        except TypeError:
            kind = type(value).__name__
            return (
                f"row {number}, column {name}: a {kind} cell ({value}); "
                "an export holds text, numbers and dates"
            )
    return f"row {number} holds a kind of cell an export never has"


def _canonical_row(raw: Sequence[object], width: int) -> list[object]:
    """The cells as export.canonical_value gives them, with a fast path for text and numbers."""
    row = [
        (value or None)
        if type(value) is str and "\r" not in value
        else int(value)
        if type(value) is float and value.is_integer() and -1e15 < value < 1e15
        else canonical_value(value)
        for value in raw[:width]
    ]
    if len(row) < width:
        row.extend([None] * (width - len(row)))
    return row


def _json_text(value: dict[str, object]) -> str:
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError:  # an integer past 64 bits
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _integer(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


# The content


def _column_rules(form: Form) -> dict[str, tuple[_Check, str]]:
    """Per column of the export: what a non-empty value must satisfy, and how to say it."""
    rules: dict[str, tuple[_Check, str]] = {
        "_uuid": (_is_uuid, "a UUID"),
        "_submitted_at": (lambda v: isinstance(v, str), "a date and time"),
        "_language": (lambda v: v in form.languages, f"one of {' '.join(form.languages)}"),
        "_anonymous": (_is_flag, "1 or 0"),
    }
    for question in form.fields():
        names = frozenset(choice.name for choice in form.choices(question))
        listed = _listed(names)
        match question.type:
            case "select_one":
                rules[question.name] = (_in(names), f"one of the choices ({listed})")
            case "select_multiple":
                rules[question.name] = (_all_in(names), f"choices among ({listed})")
                for choice in form.choices(question):
                    column = f"{question.name}{CHOICE_SEPARATOR}{choice.name}"
                    rules[column] = (_is_flag, "1 or 0")
            case "integer":
                rules[question.name] = (lambda v: type(v) is int, "a whole number")
            case "decimal":
                rules[question.name] = (lambda v: type(v) in (int, float), "a number")
    return rules


def _is_flag(value: object) -> bool:
    return type(value) is int and value in (0, 1)


def _digest(header: list[str], rows: list[list[object]]) -> str:
    """export.responses_digest of rows that are canonical already.

    responses_digest canonicalizes every cell; these rows went through canonical_value (which
    gives the same value again when applied twice), so only the hashing is left, and reading
    150 exports does not pay for every cell twice. A test checks both agree.
    """
    payload = [header, rows]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digest_matches(header: list[str], rows: list[list[object]], expected: str) -> bool:
    """Whether the rows hash to `expected`, trying orjson's text of them first.

    orjson writes the same compact UTF-8 text as the json module for nearly every export
    (four times faster); where it does not (a float in exponent form, an integer past 64
    bits) its hash differs and the json module's text decides.
    """
    try:
        fast = hashlib.sha256(orjson.dumps([header, rows])).hexdigest()
    except (orjson.JSONEncodeError, TypeError):
        fast = ""
    return fast == expected or _digest(header, rows) == expected


def _in(names: frozenset[str]) -> _Check:
    return lambda value: value in names


def _all_in(names: frozenset[str]) -> _Check:
    return lambda value: isinstance(value, str) and names.issuperset(value.split())


def _listed(names: frozenset[str]) -> str:
    ordered = sorted(names)
    return ", ".join(ordered[:8]) + (", …" if len(ordered) > 8 else "")


def _is_uuid(value: object) -> bool:
    return isinstance(value, str) and _UUID_TEXT.fullmatch(value) is not None
