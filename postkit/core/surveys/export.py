"""Exporting a post's submitted survey responses for headquarters, as .xlsx or CSV.

The .xlsx file ("postkit-survey-export/1") has three sheets:

`responses`
    Row 1 is the header; each further row is one submitted response of the post, in the order
    they were submitted. The columns are `_uuid` (the response's id, stable across exports),
    `_submitted_at` (text, ISO 8601 UTC such as `2026-03-15T10:04:05Z`), `_language` (the code
    the respondent answered in), `_anonymous` (1 or 0), `_respondent` (the name given by a
    respondent who chose not to be anonymous; empty otherwise), then one column per question in
    form order, named by the question's name (notes and groups have none). A `select_multiple`
    question has the space-separated choice names in column `name`, followed by one column
    `name/choice` per choice of its list holding 1 or 0 (all empty when it was not answered).
    Dates are date cells, integers and decimals number cells, choice names and other text are
    text cells (a choice name such as `4` stays text) and never formulas; an unanswered or
    hidden question is an empty cell. An anonymous response carries no name of a respondent,
    user or device.
one sheet per repeat (only in an export of a form with repeats)
    As KoboToolbox exports repeats: the sheet is named after the repeat (see
    `repeat_sheet_names`) and has a row per instance, with a column per question asked in the
    repeat itself (a nested repeat has its own sheet), then `_index` (the instance's row
    number in this sheet, from 1), `_parent_index` (the `_index` of the row it belongs to),
    `_parent_table_name` (that row's sheet: `responses` or the outer repeat's sheet) and
    `_submission__uuid` (the response's `_uuid`). The responses sheet then leaves out the
    questions inside repeats and ends with an `_index` column of its own. Cells are written
    as in the responses sheet.
`audit` (only in an export of a form with an `audit` question)
    The events of every response's audit, as ODK Central's export merges the audit.csv files:
    `_submission__uuid` (the response's `_uuid`), then audit.csv's own columns `event`,
    `node` (the question's path, /data/group/name, with [n] for a repeat instance), `start`
    and `end` (milliseconds since the epoch, number cells). The responses sheet's audit
    column holds `audit.csv` where a response has one, as KoboToolbox and ODK Central name
    the attached log there. The sheet is `audit` unless a repeat's sheet has that name.
`labels`
    One row per question (`name`, `type` as in the XLSForm such as `select_one agree5`,
    `choice` empty, `group` the enclosing groups as `outer/inner`, then `label::<code>` for each
    language of the form), each select question followed by one row per choice of its list
    (`type` = `choice`, `choice` = the choice name).
`meta`
    A `key`, `value` header, then one row per key: `format`, `form_id`, `version`,
    `form_title`, `form_sha256` (of the form's workbook), `languages` (codes separated by
    spaces), `post`, `exported_at` (ISO 8601 UTC), `responses` (the number of rows), `sha256`
    (see below) and `postkit_version`. All values are text except `responses`. An export of a
    form with repeats adds `repeats` (the repeat sheets' names, separated by spaces) and, per
    repeat sheet, `sha256:<sheet>`: the digest below of that sheet. One with an audit sheet
    adds `audit` (its sheet's name) and its `sha256:<sheet>`.

The CSV export is the responses sheet alone; a form with repeats adds a CSV per repeat sheet
beside it (`out.csv`, `out-visit.csv`, as ODK Briefcase names them), with the sheet's columns,
and an audit sheet a CSV the same way (`out-audit.csv`).

The `sha256` in `meta` is `responses_digest(header, rows)` of the responses sheet as any reader
gets it back: the header is row 1, the rows are rows 2 onwards with as many cells as the header
(missing cells empty, rows whose cells are all empty left out). Each cell becomes a JSON value:

- empty cell or empty text → null;
- text → the string, with `\\r\\n` and `\\r` written as `\\n`;
- a number → rounded to 15 significant digits (`float('%.15g' % x)`); an integral value
  below 10^15 in size as a JSON integer, any other as the shortest decimal that reads back as
  the same double (Python's `repr`, JSON's usual form); true/false as 1/0;
- a date, or a date-time at midnight → `"YYYY-MM-DD"`; another date-time → its ISO 8601 text.

The digest is the lower-case hex SHA-256 of the UTF-8 bytes of `json.dumps([header, rows],
ensure_ascii=False, separators=(",", ":"))`. The cells are written with exactly these values,
so reading the sheet back with openpyxl (or another reader) and recomputing gives the same
digest, and any edited cell changes it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit import __version__
from postkit.core.csv_files import csv_writer
from postkit.core.db.base import utc_now
from postkit.core.files import atomic_output
from postkit.core.receipt_format import iso_utc
from postkit.core.spreadsheet_digest import canonical_number, canonical_value
from postkit.core.spreadsheet_safety import xlsx_text_cell
from postkit.core.surveys.forms import Form, Group, Item, Question
from postkit.core.surveys.models import SurveyResponseRow
from postkit.core.surveys.receipts import record_sent_export
from postkit.core.surveys.service import (
    SUBMITTED,
    decode_answers,
    get_form,
    load_definition,
    profile_answers,
)

EXPORT_FORMAT = "postkit-survey-export/1"
RESPONSES_SHEET = "responses"
LABELS_SHEET = "labels"
META_SHEET = "meta"
META_COLUMNS = ("_uuid", "_submitted_at", "_language", "_anonymous", "_respondent")
INDEX_COLUMN = "_index"
REPEAT_COLUMNS = ("_index", "_parent_index", "_parent_table_name", "_submission__uuid")
REPEATS_KEY = "repeats"
AUDIT_KEY = "audit"
AUDIT_COLUMNS = ("_submission__uuid", "event", "node", "start", "end")
# What the responses sheet's audit column says, as KoboToolbox and ODK Central write it.
AUDIT_FILE = "audit.csv"
SHEET_DIGEST_PREFIX = "sha256:"
_SHEET_TITLE_LENGTH = 31  # Excel's limit
CHOICE_SEPARATOR = "/"
# Excel counts days from 1900 and gets 1900-02-29 wrong; earlier dates go out as text.
_FIRST_DATE_CELL = date(1900, 3, 1)


@dataclass(frozen=True)
class RepeatTable:
    """A repeat's sheet as values: a row per instance, tied to its parent row."""

    repeat: str
    sheet: str
    header: list[str]
    rows: list[list[object]]

    @property
    def digest(self) -> str:
        return responses_digest(self.header, self.rows)


@dataclass(frozen=True)
class ResponseTable:
    """The responses sheet as values: what the .xlsx and the CSV hold, and what is hashed."""

    form: Form
    header: list[str]
    rows: list[list[object]]
    repeats: tuple[RepeatTable, ...] = ()
    audit: RepeatTable | None = None  # its `repeat` is the audit question's name

    @property
    def digest(self) -> str:
        return responses_digest(self.header, self.rows)


def export_responses_xlsx(
    session: Session,
    form_pk: int,
    path: str | os.PathLike[str],
    post_name: str,
    region: str | None = None,
) -> int:
    """Write the form version's submitted responses to an .xlsx export; return how many.

    `post_name` and `region` come from the post profile (profile.post_region).
    """
    table = response_table(session, form_pk, post_name, region)
    info = get_form(session, form_pk)
    exported_at = utc_now()
    meta = [
        ("format", EXPORT_FORMAT),
        ("form_id", info.form_id),
        ("version", info.version),
        ("form_title", info.title_in(table.form.default_language)),
        ("form_sha256", info.sha256),
        ("languages", " ".join(table.form.languages)),
        ("post", post_name),
        ("exported_at", iso_utc(exported_at)),
        ("responses", len(table.rows)),
        ("sha256", table.digest),
        ("postkit_version", __version__),
    ]
    if table.repeats:
        meta.append((REPEATS_KEY, " ".join(repeat.sheet for repeat in table.repeats)))
        meta.extend((SHEET_DIGEST_PREFIX + repeat.sheet, repeat.digest) for repeat in table.repeats)
    if table.audit is not None:
        meta.append((AUDIT_KEY, table.audit.sheet))
        meta.append((SHEET_DIGEST_PREFIX + table.audit.sheet, table.audit.digest))
    with atomic_output(Path(path)) as temp:
        write_workbook(temp, table, meta)
        file_sha256 = hashlib.sha256(temp.read_bytes()).hexdigest()
    # Only the .xlsx goes to headquarters, so only it is kept to be matched with a receipt.
    record_sent_export(
        session,
        path,
        file_sha256,
        info.form_id,
        info.version,
        post_name,
        len(table.rows),
        exported_at,
    )
    return len(table.rows)


def export_responses_csv(
    session: Session,
    form_pk: int,
    path: str | os.PathLike[str],
    post_name: str,
    region: str | None = None,
) -> int:
    """Write the responses sheet as UTF-8 CSV with a BOM (so Excel reads the accents).

    A form with repeats also gets one CSV per repeat beside it, named as ODK Briefcase names
    them (`out.csv`, `out-<sheet>.csv`, see `repeat_csv_paths`) and holding the columns of the
    repeat's sheet in the .xlsx (`_index`, `_parent_index`, `_parent_table_name`,
    `_submission__uuid`): a single CSV cannot hold the instances, and leaving them out would
    drop answers without a word.
    """
    table = response_table(session, form_pk, post_name, region)
    path = Path(path)
    _write_csv(path, table.header, table.rows)
    paths = repeat_csv_paths(path, table.form)
    for repeat in table.repeats:
        _write_csv(paths[repeat.repeat], repeat.header, repeat.rows)
    if table.audit is not None:
        _write_csv(audit_csv_path(path, table.form), table.audit.header, table.audit.rows)
    return len(table.rows)


def audit_csv_path(path: str | os.PathLike[str], form: Form) -> Path:
    """The CSV of the audit sheet beside the main `path`: `<stem>-audit.csv`."""
    path = Path(path)
    return path.with_name(f"{path.stem}-{audit_sheet_name(form)}{path.suffix}")


def written_audit_csv_path(path: str | os.PathLike[str], form: Form) -> Path | None:
    """The audit's CSV that `export_responses_csv` writes beside `path`; None when the form
    has no audit question (and no file is written)."""
    if not any(question.type == "audit" for question in question_columns(form)):
        return None
    return audit_csv_path(path, form)


def audit_sheet_name(form: Form) -> str:
    """The audit's sheet: `audit`, or `audit_2` … when a repeat's sheet is named so."""
    taken = {RESPONSES_SHEET, LABELS_SHEET, META_SHEET}
    taken |= {sheet.lower() for sheet in repeat_sheet_names(form).values()}
    title, number = AUDIT_KEY, 1
    while title in taken:
        number += 1
        title = f"{AUDIT_KEY}_{number}"
    return title


def _audit_rows(uuid: str, log: object) -> list[list[object]]:
    """A response's audit.csv as rows of the audit sheet (its header line left out)."""
    rows: list[list[object]] = []
    for line in str(log).splitlines()[1:]:
        event, node, start, end = ([*line.split(",", 3), "", "", ""])[:4]
        rows.append([uuid, _text(event), _text(node), _audit_time(start), _audit_time(end)])
    return rows


def _audit_time(text: str) -> object:
    # Milliseconds since the epoch; an older postkit wrote ISO times, kept as text.
    text = text.strip()
    return int(text) if text.isdigit() else _text(text)


def repeat_csv_paths(path: str | os.PathLike[str], form: Form) -> dict[str, Path]:
    """The CSV file of each repeat beside the main `path`: `<stem>-<repeat's sheet>.csv`."""
    path = Path(path)
    return {
        repeat: path.with_name(f"{path.stem}-{sheet}{path.suffix}")
        for repeat, sheet in repeat_sheet_names(form).items()
    }


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with atomic_output(path) as temp, temp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv_writer(f)
        writer.writerow(header)
        writer.writerows([_csv_text(value) for value in row] for row in rows)


def response_table(
    session: Session, form_pk: int, post_name: str, region: str | None = None
) -> ResponseTable:
    """The header and rows of the responses sheet: every submitted response to the version."""
    form = load_definition(session, form_pk)
    from_profile = profile_answers(form, post_name, region)
    columns = question_columns(form)
    header = [*META_COLUMNS, *column_names(form, columns)]
    repeats = form.repeats()
    if repeats:
        header.append(INDEX_COLUMN)
    sheets = repeat_sheet_names(form)
    repeat_rows: dict[str, list[list[object]]] = {repeat.name: [] for repeat in repeats}
    statement = (
        select(SurveyResponseRow)
        .where(
            SurveyResponseRow.form_pk == form_pk,
            SurveyResponseRow.status == SUBMITTED,
        )
        .order_by(SurveyResponseRow.submitted_at, SurveyResponseRow.id)
    )
    audits = [q.name for q in columns if q.type == "audit"]
    audit_rows: list[list[object]] = []
    rows: list[list[object]] = []
    for response in session.scalars(statement):
        answers = decode_answers(form, response.answers) | from_profile
        row: list[object] = [
            response.uuid,
            iso_utc(response.submitted_at) if response.submitted_at else None,
            response.language or None,
            1 if response.is_anonymous else 0,
            None if response.is_anonymous else _text(response.respondent),
        ]
        for question in columns:
            value = answers.get(question.name)
            if question.name in audits and value:
                audit_rows.extend(_audit_rows(response.uuid, value))
                value = AUDIT_FILE
            row.extend(answer_cells(form, question, value))
        if repeats:
            row.append(len(rows) + 1)
            _add_instances(
                form,
                form.items,
                answers,
                (RESPONSES_SHEET, len(rows) + 1),
                response.uuid,
                sheets,
                repeat_rows,
            )
        rows.append(row)
    tables = tuple(
        RepeatTable(
            repeat.name,
            sheets[repeat.name],
            [*column_names(form, repeat_questions(form, repeat.name)), *REPEAT_COLUMNS],
            repeat_rows[repeat.name],
        )
        for repeat in repeats
    )
    audit = None
    if audits:
        audit = RepeatTable(audits[0], audit_sheet_name(form), list(AUDIT_COLUMNS), audit_rows)
    return ResponseTable(form, header, rows, tables, audit)


def repeat_sheet_names(form: Form) -> dict[str, str]:
    """The sheet of each repeat: its name, cut to Excel's 31 characters and made unique."""
    taken = {RESPONSES_SHEET, LABELS_SHEET, META_SHEET}
    names: dict[str, str] = {}
    for repeat in form.repeats():
        title = repeat.name[:_SHEET_TITLE_LENGTH]
        number = 1
        while title.lower() in taken:
            number += 1
            suffix = f"_{number}"
            title = repeat.name[: _SHEET_TITLE_LENGTH - len(suffix)] + suffix
        taken.add(title.lower())
        names[repeat.name] = title
    return names


def repeat_questions(form: Form, repeat: str) -> list[Question]:
    """The columns of a repeat's sheet: the questions asked in it, not in a nested repeat."""
    return [
        question
        for question in form.fields()
        if question.type != "note" and form.repeat_path(question.name)[-1:] == (repeat,)
    ]


def column_names(form: Form, questions: Iterable[Question]) -> list[str]:
    """The columns of these questions: a select_multiple's `name/choice` flags after its own."""
    names: list[str] = []
    for question in questions:
        names.append(question.name)
        if question.type == "select_multiple":
            names.extend(
                f"{question.name}{CHOICE_SEPARATOR}{choice.name}"
                for choice in form.choices(question)
            )
    return names


def _add_instances(
    form: Form,
    items: Sequence[Item],
    answers: Mapping[str, object],
    parent: tuple[str, int],
    uuid: str,
    sheets: Mapping[str, str],
    tables: dict[str, list[list[object]]],
) -> None:
    """The rows of the repeats among `items`, with those of their nested repeats."""
    for item in items:
        if not isinstance(item, Group):
            continue
        if not item.is_repeat:
            _add_instances(form, item.items, answers, parent, uuid, sheets, tables)
            continue
        instances = answers.get(item.name)
        for instance in instances if isinstance(instances, list) else ():
            if not isinstance(instance, Mapping):
                continue
            rows = tables[item.name]
            index = len(rows) + 1
            row: list[object] = []
            for question in repeat_questions(form, item.name):
                row.extend(answer_cells(form, question, instance.get(question.name)))
            row.extend([index, parent[1], parent[0], uuid])
            rows.append(row)
            _add_instances(
                form, item.items, instance, (sheets[item.name], index), uuid, sheets, tables
            )


def responses_digest(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The SHA-256 of the responses sheet, as defined in this module's docstring."""
    width = len(header)
    canonical_rows = []
    for row in rows:
        cells = [canonical_value(value) for value in list(row)[:width]]
        cells.extend([None] * (width - len(cells)))
        if any(cell is not None for cell in cells):
            canonical_rows.append(cells)
    payload = [[canonical_value(name) for name in header], canonical_rows]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def question_columns(form: Form) -> list[Question]:
    """The responses sheet's questions: those outside repeats (each repeat has a sheet)."""
    return [
        question
        for question in form.fields()
        if question.type != "note" and not form.repeat_path(question.name)
    ]


def answer_cells(form: Form, question: Question, value: object) -> list[object]:
    if question.type == "select_multiple":
        choices = form.choices(question)
        if value is None:
            return [None] * (len(choices) + 1)
        chosen = set(value) if isinstance(value, tuple) else set(str(value).split())
        return [" ".join(value) if isinstance(value, tuple) else _text(str(value))] + [
            1 if choice.name in chosen else 0 for choice in choices
        ]
    return [_value(value)]


def _value(value: object) -> object:
    match value:
        case None:
            return None
        case bool():
            return int(value)
        case int() | float():
            return canonical_number(value)
        case datetime():
            return _value(value.date())
        case date():
            return value if value >= _FIRST_DATE_CELL else value.isoformat()
        case str():
            return _text(value)
        case tuple() | list():
            return _text(" ".join(str(item) for item in value))
    return _text(str(value))


def _text(value: str) -> str | None:
    """Text as written: without characters XML cannot hold, line ends as `\\n`."""
    if ILLEGAL_CHARACTERS_RE.search(value):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return value.replace("\r\n", "\n").replace("\r", "\n") or None


def _csv_text(value: object) -> object:
    """A cell for csv_writer: a date as ISO text; numbers, text and None as they are."""
    return value.isoformat() if isinstance(value, date) else value


# The workbook


def write_workbook(path: Path, table: ResponseTable, meta: list[tuple[str, object]]) -> None:
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    responses = workbook.create_sheet(RESPONSES_SHEET)
    responses.freeze_panes = "B2"
    for index, name in enumerate(table.header, 1):
        width = 38 if name == "_uuid" else min(max(len(name) + 2, 10), 40)
        responses.column_dimensions[get_column_letter(index)].width = width

    def header_cells(sheet: object, names: Sequence[str]) -> list[WriteOnlyCell]:
        cells = []
        for name in names:
            cell = WriteOnlyCell(sheet, name)  # type: ignore[arg-type]
            cell.font = bold
            cells.append(cell)
        return cells

    responses.append(header_cells(responses, table.header))
    for row in table.rows:
        responses.append([_cell(responses, value) for value in row])
    if table.rows:
        last = get_column_letter(len(table.header))
        responses.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"

    for repeat in (*table.repeats, *([table.audit] if table.audit else [])):
        sheet = workbook.create_sheet(repeat.sheet)
        sheet.freeze_panes = "A2"
        sheet.append(header_cells(sheet, repeat.header))
        for row in repeat.rows:
            sheet.append([_cell(sheet, value) for value in row])

    labels = workbook.create_sheet(LABELS_SHEET)
    languages = table.form.languages
    label_header = ["name", "type", "choice", "group", *(f"label::{code}" for code in languages)]
    labels.append(header_cells(labels, label_header))
    for row in _label_rows(table.form):
        labels.append([_cell(labels, value) for value in row])

    meta_sheet = workbook.create_sheet(META_SHEET)
    meta_sheet.column_dimensions["A"].width = 16
    meta_sheet.column_dimensions["B"].width = 66
    meta_sheet.append(header_cells(meta_sheet, ["key", "value"]))
    for key, value in meta:
        meta_sheet.append([key, _cell(meta_sheet, value)])
    workbook.save(path)


def _cell(sheet: object, value: object) -> object:
    """The value as a cell that no spreadsheet takes for a formula."""
    return xlsx_text_cell(sheet, value) if isinstance(value, str) else value


def _label_rows(form: Form) -> list[list[object]]:
    rows: list[list[object]] = []
    languages = form.languages

    def visit(items: Sequence[Item], path: str) -> None:
        for item in items:
            if isinstance(item, Group):
                visit(item.items, f"{path}/{item.name}" if path else item.name)
                continue
            if item.type == "note":
                continue
            kind = f"{item.type} {item.list_name}" if item.list_name else item.type
            texts = [_text(item.label.get(code, "")) for code in languages]
            rows.append([item.name, kind, None, path or None, *texts])
            for choice in form.choices(item):
                texts = [_text(choice.label.get(code, "")) for code in languages]
                rows.append([item.name, "choice", choice.name, path or None, *texts])

    visit(form.items, "")
    return rows


def export_responses_file(
    session: Session,
    form_pk: int,
    path: str | Path,
    post_name: str,
    region: str | None = None,
) -> tuple[int, list[Path], Path | None]:
    """Write the export as its suffix says (.csv, else .xlsx; see surveys/export.py): the
    number of responses, and for a CSV the files written beside it (each repeat's, and the
    audit's or None). A job's work: the window names it by module, so that openpyxl loads
    in the job's process only."""
    path = Path(path)
    if path.suffix.lower() != ".csv":
        return export_responses_xlsx(session, form_pk, path, post_name, region), [], None
    count = export_responses_csv(session, form_pk, path, post_name, region)
    form = load_definition(session, form_pk)
    return count, list(repeat_csv_paths(path, form).values()), written_audit_csv_path(path, form)
