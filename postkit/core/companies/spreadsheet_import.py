"""Bringing a list of companies into the register: a post's own relations sheet (.xlsx or CSV).

The same steps as the activities import (`postkit.core.spreadsheet_import`): columns mapped
from the headers and remembered per layout, cells read in the sheet's locale, sector and
country matched to the reference lists, every row checked as the editor checks it. A company
already in the register (the same KvK number, or the same name once case, accents and legal
forms are left out) or twice in the sheet is counted as present, not added again. Nothing is
stored while any row is wrong.

Storing is the register's business: the caller passes `store`, which adds the companies in
one transaction (the register's `add_companies`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.companies.models import CompanyRow
from postkit.core.companies.records import CompanyData, ContactData
from postkit.core.companies.validation import normalize_kvk, normalized_name, validate_company
from postkit.core.errors import PostkitError, ValidationError
from postkit.core.import_layouts import recall_mapping, remember_mapping
from postkit.core.spreadsheet_import import (
    CellError,
    CellReader,
    ImportField,
    ImportSummary,
    ReferenceMatcher,
    RowError,
    Table,
    UnknownValue,
    checked_mapping,
    guess_locale,
    read_table,
    shorten,
    suggest_mapping,
    words,
)

LAYOUT_KIND = "companies"
# (session, companies, actor) -> their ids; one transaction, all or none.
CompanyStore = Callable[[Session, list[CompanyData], str], list[int]]

FIELDS: tuple[ImportField, ...] = (
    ImportField("name", "name", "naam", ("bedrijfsnaam", "bedrijf", "organisatie", "company",
                "company name", "organisation", "organization", "statutaire naam"), True),
    ImportField("trade_names", "trade names", "handelsnamen",
                ("handelsnaam", "trade name", "ook bekend als", "also known as")),
    ImportField("kvk_number", "KvK number", "KvK-nummer",
                ("kvk", "kvk nr", "kvk nummer", "kamer van koophandel", "coc number",
                 "chamber of commerce", "coc")),
    ImportField("foreign_registration", "foreign registration", "buitenlandse registratie",
                ("registratienummer", "registration number", "company number")),
    ImportField("sector", "sector", "sector", ("branche", "industry")),
    ImportField("country", "country", "land", ("vestigingsland", "country of registration")),
    ImportField("employees", "employees", "medewerkers",
                ("aantal medewerkers", "werknemers", "aantal werknemers", "fte", "staff",
                 "number of employees")),
    ImportField("turnover_eur", "turnover (EUR)", "omzet (EUR)",
                ("omzet", "jaaromzet", "turnover", "omzet eur", "turnover eur", "revenue")),
    ImportField("balance_sheet_eur", "balance sheet total (EUR)", "balanstotaal (EUR)",
                ("balanstotaal", "balance sheet", "balance sheet total", "balans")),
    ImportField("operates_internationally", "operates internationally", "internationaal actief",
                ("internationaal", "international", "internationally active")),
    ImportField("website", "website", "website", ("site", "url", "web", "internet")),
    ImportField("notes", "notes", "notities", ("opmerkingen", "toelichting", "remarks",
                                               "comments")),
    ImportField("contact_name", "contact person", "contactpersoon",
                ("contact", "naam contactpersoon", "contact name")),
    ImportField("contact_role", "contact role", "functie contactpersoon",
                ("functie", "rol", "role", "position", "job title")),
    ImportField("contact_email", "contact e-mail", "e-mail contactpersoon",
                ("e-mail", "email", "e-mailadres", "mail", "email address")),
    ImportField("contact_phone", "contact phone", "telefoon contactpersoon",
                ("telefoon", "telefoonnummer", "tel", "phone", "mobiel", "mobile")),
)  # fmt: skip
_FIELD = {item.name: item for item in FIELDS}
_TRUE = {"ja", "j", "yes", "y", "true", "waar", "x", "1"}
_FALSE = {"nee", "n", "no", "false", "onwaar", "0"}
_AMOUNTS = ("employees", "turnover_eur", "balance_sheet_eur")
_TEXTS = ("name", "foreign_registration", "website", "notes")
_CONTACT = ("contact_name", "contact_role", "contact_email", "contact_phone")


@dataclass(frozen=True)
class PlannedCompany:
    """One row of the sheet as it would be stored, or why it cannot be."""

    row: int
    data: CompanyData | None
    is_present: bool = False
    errors: tuple[RowError, ...] = ()


@dataclass(frozen=True)
class CompanyImportPlan:
    table: Table
    mapping: dict[str, str]
    locale: str
    rows: tuple[PlannedCompany, ...]
    unknown: tuple[UnknownValue, ...] = field(default=())

    @property
    def errors(self) -> tuple[RowError, ...]:
        return tuple(error for row in self.rows for error in row.errors)

    @property
    def summary(self) -> ImportSummary:
        bad = sum(1 for row in self.rows if row.errors)
        present = sum(1 for row in self.rows if row.is_present and not row.errors)
        return ImportSummary(
            len(self.rows) - bad - present, present, bad, self.errors, self.unknown
        )


def initial_mapping(session: Session, table: Table) -> tuple[dict[str, str], bool]:
    """The mapping remembered for this layout, else one suggested from its headers."""
    remembered = recall_mapping(session, LAYOUT_KIND, table.headers)
    if remembered is not None:
        by_words = {words(header): name for header, name in remembered.items()}
        return {header: by_words.get(words(header), "") for header in table.headers}, True
    return suggest_mapping(table.headers, FIELDS), False


def plan_company_import(
    session: Session,
    table: Table,
    mapping: dict[str, str],
    locale: str,
    value_choices: dict[tuple[str, str], str] | None = None,
) -> CompanyImportPlan:
    """Read every row with `mapping` in `locale`; duplicates by KvK number and by name."""
    try:
        mapping = checked_mapping(mapping, table.headers, FIELDS)
    except PostkitError as error:
        raise PostkitError(f"{table.file_name}: {error}") from None
    reader = _RowReader(table, mapping, locale, value_choices or {})
    kvks, names = _existing(session)
    planned: list[PlannedCompany] = []
    for index, cells in enumerate(table.rows):
        row = reader.read(table.row_number(index), cells)
        if row.data is not None and not row.errors:
            name = normalized_name(row.data.name)
            kvk = row.data.kvk_number
            present = (kvk is not None and kvk in kvks) or name in names
            row = PlannedCompany(row.row, row.data, is_present=present)
            names.add(name)
            if kvk:
                kvks.add(kvk)
        planned.append(row)
    return CompanyImportPlan(table, mapping, locale, tuple(planned), reader.unknown_values())


def apply_company_import(
    session: Session, plan: CompanyImportPlan, actor: str, store: CompanyStore
) -> ImportSummary:
    """Store every company to add through `store` and remember the mapping; refused
    (PostkitError, nothing stored) while any row has an error."""
    summary = plan.summary
    if summary.with_errors:
        raise PostkitError(
            f"{plan.table.file_name}: {summary.with_errors} row(s) with errors, nothing "
            f"imported; first: {plan.errors[0]}"
        )
    companies = [row.data for row in plan.rows if row.data is not None and not row.is_present]
    # Remembered first: the store commits, and with it the layout.
    remember_mapping(session, LAYOUT_KIND, plan.table.headers, plan.mapping, actor)
    try:
        store(session, companies, actor)
    except BaseException:
        session.rollback()
        raise
    session.commit()
    return summary


def import_companies(
    session: Session,
    path: Path,
    actor: str,
    store: CompanyStore,
    *,
    dry_run: bool = False,
    locale: str | None = None,
) -> CompanyImportPlan:
    """Read, plan and (unless dry or wrong) store: the command's whole import."""
    table = read_table(path)
    mapping, _ = initial_mapping(session, table)
    plan = plan_company_import(
        session, table, mapping, locale or guess_locale(table.headers, FIELDS)
    )
    if not dry_run and not plan.summary.with_errors:
        apply_company_import(session, plan, actor, store)
    return plan


def _existing(session: Session) -> tuple[set[str], set[str]]:
    rows = session.execute(
        select(CompanyRow.kvk_number, CompanyRow.normalized_name).where(
            CompanyRow.merged_into_id.is_(None)
        )
    ).all()
    return {kvk for kvk, _ in rows if kvk}, {name for _, name in rows if name}


class _RowReader:
    def __init__(
        self,
        table: Table,
        mapping: dict[str, str],
        locale: str,
        value_choices: dict[tuple[str, str], str],
    ) -> None:
        self.cells = CellReader(locale)
        self.column = {name: header for header, name in mapping.items() if name}
        self.position = {name: table.headers.index(header) for name, header in self.column.items()}
        self.choices = value_choices
        self.matchers = {
            "sector": ReferenceMatcher(reference.sectors()),
            "country": ReferenceMatcher(reference.countries()),
        }
        self._unknown: dict[tuple[str, str], list[int]] = {}

    def unknown_values(self) -> tuple[UnknownValue, ...]:
        return tuple(
            UnknownValue(name, self.column[name], text, tuple(rows))
            for (name, text), rows in sorted(self._unknown.items())
        )

    def read(self, number: int, cells: Sequence[object]) -> PlannedCompany:
        errors: list[RowError] = []
        values: dict[str, object] = {}

        def cell(name: str) -> object:
            at = self.position.get(name)
            return None if at is None else cells[at]

        def attempt(name: str, read: Callable[[object], object]) -> None:
            if name not in self.column:
                return
            try:
                values[name] = read(cell(name))
            except CellError as error:
                errors.append(RowError(number, self.column[name], str(error)))

        if not any(value not in (None, "") for value in cells):
            return PlannedCompany(number, None, errors=(RowError(number, "", "the row is empty"),))
        for name in (*_TEXTS, *_CONTACT):
            attempt(name, self.cells.text)
        attempt("trade_names", lambda c: tuple(_lines(self.cells.text(c))))
        attempt("kvk_number", self._kvk)
        for name in _AMOUNTS:
            attempt(name, self.cells.whole_number)
        attempt("operates_internationally", self._yes_no)
        for name in ("sector", "country"):
            values[name] = self._code(number, name, cell(name), errors)
        if not values.get("name") and not any(e.column == self.column["name"] for e in errors):
            errors.append(RowError(number, self.column["name"], "empty; a value is required"))
        if errors:
            return PlannedCompany(number, None, errors=tuple(errors))
        contact = ContactData(
            str(values.get("contact_name") or ""),
            str(values.get("contact_role") or ""),
            str(values.get("contact_email") or ""),
            str(values.get("contact_phone") or ""),
        )
        has_contact = any((contact.name, contact.role, contact.email, contact.phone))
        data = CompanyData(
            name=str(values["name"]),
            trade_names=values.get("trade_names") or (),  # type: ignore[arg-type]
            kvk_number=values.get("kvk_number") or None,  # type: ignore[arg-type]
            foreign_registration=str(values.get("foreign_registration") or ""),
            sector=values.get("sector") or None,  # type: ignore[arg-type]
            country=values.get("country") or None,  # type: ignore[arg-type]
            employees=values.get("employees"),  # type: ignore[arg-type]
            turnover_eur=values.get("turnover_eur"),  # type: ignore[arg-type]
            balance_sheet_eur=values.get("balance_sheet_eur"),  # type: ignore[arg-type]
            operates_internationally=bool(values.get("operates_internationally")),
            website=str(values.get("website") or ""),
            notes=str(values.get("notes") or ""),
            contacts=(contact,) if has_contact else (),
        )
        try:
            validate_company(data)
        except ValidationError as error:
            name = "contact_name" if error.field == "contacts" else error.field
            if error.field == "contacts" and contact.email and contact.name:
                name = "contact_email"
            column = self.column.get(name, "")
            return PlannedCompany(number, None, errors=(RowError(number, column, error.reason),))
        return PlannedCompany(number, data)

    def _kvk(self, cell: object) -> str | None:
        text = self.cells.text(cell)
        try:
            return normalize_kvk(text)
        except ValidationError:
            raise CellError(f"not a KvK number of 8 digits: {shorten(text)!r}") from None

    def _yes_no(self, cell: object) -> bool | None:
        if isinstance(cell, bool):
            return cell
        text = words(self.cells.text(cell))
        if not text:
            return None
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise CellError(f"not yes or no: {shorten(self.cells.text(cell))!r}")

    def _code(self, number: int, name: str, cell: object, errors: list[RowError]) -> str | None:
        if name not in self.column:
            return None
        text = self.cells.text(cell)
        if not text:
            return None
        code = self.matchers[name].code(text) or self.choices.get((name, text))
        if code is None:
            self._unknown.setdefault((name, text), []).append(number)
            what = _FIELD[name].en
            errors.append(RowError(number, self.column[name], f"unknown {what}: {shorten(text)!r}"))
        return code


def _lines(text: str) -> list[str]:
    """Trade names in one cell: one per line, or separated by ';'."""
    names = [" ".join(part.split()) for part in text.replace("\n", ";").split(";")]
    return list(dict.fromkeys(name for name in names if name))
