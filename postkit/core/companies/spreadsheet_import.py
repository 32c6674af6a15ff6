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

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core import reference, spreadsheet_import
from postkit.core.companies.models import CompanyRow
from postkit.core.companies.records import CompanyData, ContactData
from postkit.core.companies.validation import normalize_kvk, normalized_name, validate_company
from postkit.core.errors import ValidationError
from postkit.core.import_layouts import remember_mapping
from postkit.core.spreadsheet_import import (
    CellError,
    ImportField,
    ImportPlan,
    ImportSummary,
    RowError,
    RowReader,
    Table,
    import_file,
    plan_rows,
    shorten,
    split_names,
    table_mapping,
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


class CompanyImportPlan(ImportPlan[PlannedCompany]):
    """What importing the sheet with this mapping would do."""


def initial_mapping(session: Session, table: Table) -> tuple[dict[str, str], bool]:
    """The mapping remembered for this layout, else one suggested from its headers."""
    return spreadsheet_import.initial_mapping(session, table, LAYOUT_KIND, FIELDS)


def plan_company_import(
    session: Session,
    table: Table,
    mapping: dict[str, str],
    locale: str,
    value_choices: dict[tuple[str, str], str] | None = None,
) -> CompanyImportPlan:
    """Read every row with `mapping` in `locale`; duplicates by KvK number and by name."""
    mapping = table_mapping(table, mapping, FIELDS)
    reader = _RowReader(table, mapping, locale, value_choices or {})
    rows = plan_rows(table, reader.read, _keys, _existing(session))
    return CompanyImportPlan(table, mapping, locale, rows, reader.unknown_values())


def apply_company_import(
    session: Session, plan: CompanyImportPlan, actor: str, store: CompanyStore
) -> ImportSummary:
    """Store every company to add through `store` and remember the mapping; refused
    (PostkitError, nothing stored) while any row has an error."""
    summary = plan.summary_to_store()
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
    return import_file(
        session,
        path,
        LAYOUT_KIND,
        FIELDS,
        plan_company_import,
        lambda plan: apply_company_import(session, plan, actor, store),
        dry_run=dry_run,
        locale=locale,
    )


def _keys(row: PlannedCompany) -> list[Hashable]:
    """The same KvK number, or the same name once case, accents and legal forms are left out."""
    assert row.data is not None
    keys: list[Hashable] = [("name", normalized_name(row.data.name))]
    if row.data.kvk_number:
        keys.append(("kvk", row.data.kvk_number))
    return keys


def _existing(session: Session) -> set[Hashable]:
    rows = session.execute(
        select(CompanyRow.kvk_number, CompanyRow.normalized_name).where(
            CompanyRow.merged_into_id.is_(None)
        )
    ).all()
    return {("kvk", kvk) for kvk, _ in rows if kvk} | {("name", name) for _, name in rows if name}


class _RowReader(RowReader):
    fields = FIELDS
    lists = {"sector": reference.sectors, "country": reference.countries}

    def read(self, number: int, cells: Sequence[object]) -> PlannedCompany:
        row = self.row(number, cells)
        if row.is_empty:
            return PlannedCompany(number, None, errors=row.errors)
        for name in (*_TEXTS, *_CONTACT):
            row.read(name, self.cells.text)
        row.read("trade_names", lambda c: tuple(split_names(self.cells.text(c))))
        row.read("kvk_number", self._kvk)
        for name in _AMOUNTS:
            row.read(name, self.cells.whole_number)
        row.read("operates_internationally", self._yes_no)
        values = row.values
        for name in ("sector", "country"):
            values[name] = row.code(name, row.cell(name))
        row.require("name")
        if row.errors:
            return PlannedCompany(number, None, errors=row.errors)
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
            return PlannedCompany(number, None, errors=row.error(name, error.reason))
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
