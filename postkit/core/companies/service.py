"""The register's services: store, read, find and merge companies."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from postkit.core.companies.models import CompanyContactRow, CompanyRow
from postkit.core.companies.records import (
    CompanyData,
    CompanyLine,
    CompanyRecord,
    ContactData,
)
from postkit.core.companies.validation import (
    normalize_kvk,
    normalized_name,
    size_class,
    validate_company,
)
from postkit.core.db.base import utc_now
from postkit.core.errors import NotFoundError

_SCALAR_FIELDS = (
    "name",
    "kvk_number",
    "foreign_registration",
    "sector",
    "country",
    "employees",
    "turnover_eur",
    "balance_sheet_eur",
    "operates_internationally",
    "website",
    "notes",
)


def _normalised(data: CompanyData) -> CompanyData:
    return replace(
        data,
        name=" ".join(data.name.split()),
        trade_names=tuple(
            dict.fromkeys(" ".join(t.split()) for t in data.trade_names if t.strip())
        ),
        kvk_number=normalize_kvk(data.kvk_number or ""),
        sector=data.sector or None,
        country=data.country or None,
        website=data.website.strip(),
        contacts=tuple(
            ContactData(c.name.strip(), c.role.strip(), c.email.strip(), c.phone.strip())
            for c in data.contacts
        ),
    )


def _apply(row: CompanyRow, data: CompanyData) -> None:
    for name in _SCALAR_FIELDS:
        setattr(row, name, getattr(data, name))
    row.trade_names = "\n".join(data.trade_names)
    row.normalized_name = normalized_name(data.name)
    row.contacts = [
        CompanyContactRow(position=position, name=c.name, role=c.role, email=c.email, phone=c.phone)
        for position, c in enumerate(data.contacts)
    ]


def _size(row: CompanyRow):
    return size_class(
        row.employees, row.turnover_eur, row.balance_sheet_eur, row.operates_internationally
    )


def to_record(row: CompanyRow) -> CompanyRecord:
    data = CompanyData(
        **{name: getattr(row, name) for name in _SCALAR_FIELDS},
        trade_names=tuple(line for line in row.trade_names.splitlines() if line),
        contacts=tuple(ContactData(c.name, c.role, c.email, c.phone) for c in row.contacts),
    )
    return CompanyRecord(
        id=row.id,
        uuid=row.uuid,
        data=data,
        size_class=_size(row),
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
    )


def to_line(row: CompanyRow) -> CompanyLine:
    return CompanyLine(row.id, row.name, row.kvk_number, row.country, row.sector, _size(row))


def _get(session: Session, company_id: int) -> CompanyRow:
    row = session.get(CompanyRow, company_id)
    if row is None:
        raise NotFoundError(f"company {company_id} does not exist")
    return row


def get_company(session: Session, company_id: int) -> CompanyRecord:
    return to_record(_get(session, company_id))


def create_company(session: Session, data: CompanyData, actor: str) -> CompanyRecord:
    validate_company(data)
    data = _normalised(data)
    now = utc_now()
    row = CompanyRow(created_at=now, created_by=actor, updated_at=now, updated_by=actor)
    _apply(row, data)
    session.add(row)
    session.commit()
    return to_record(row)


def update_company(
    session: Session, company_id: int, data: CompanyData, actor: str
) -> CompanyRecord:
    validate_company(data)
    row = _get(session, company_id)
    _apply(row, _normalised(data))
    row.updated_at = utc_now()
    row.updated_by = actor
    session.commit()
    return to_record(row)


def _visible():
    return CompanyRow.merged_into_id.is_(None)


def lookup_companies(session: Session, text: str, limit: int = 20) -> list[CompanyLine]:
    """Companies whose name, trade name or KvK number matches what was typed so far."""
    wanted = normalized_name(text)
    digits = "".join(char for char in text if char.isdigit())
    conditions = []
    if wanted:
        conditions.append(CompanyRow.normalized_name.like(f"%{wanted}%"))
        conditions.append(CompanyRow.trade_names.ilike(f"%{text.strip()}%"))
    if digits:
        conditions.append(CompanyRow.kvk_number.like(f"{digits}%"))
    if not conditions:
        return []
    rows = session.scalars(
        select(CompanyRow)
        .where(_visible(), or_(*conditions))
        .order_by(CompanyRow.normalized_name)
        .limit(limit)
    ).all()
    return [to_line(row) for row in rows]


def company_ids(session: Session, text: str = "") -> list[int]:
    """The register in name order, or the lookup's hits: the table model's ids."""
    query = select(CompanyRow.id).where(_visible()).order_by(CompanyRow.normalized_name)
    if text.strip():
        wanted = normalized_name(text)
        query = query.where(
            or_(
                CompanyRow.normalized_name.like(f"%{wanted}%"),
                CompanyRow.kvk_number.like(f"{text.strip()}%"),
                CompanyRow.trade_names.ilike(f"%{text.strip()}%"),
            )
        )
    return list(session.scalars(query))


def company_lines(session: Session, ids: list[int]) -> list[CompanyLine]:
    """The lines for these ids, in the order asked (ids no longer there are left out)."""
    rows = {
        row.id: row for row in session.scalars(select(CompanyRow).where(CompanyRow.id.in_(ids)))
    }
    return [to_line(rows[i]) for i in ids if i in rows]


def find_or_create_company(
    session: Session,
    name: str,
    actor: str,
    kvk_number: str | None = None,
    country: str | None = None,
    sector: str | None = None,
) -> int:
    """The register's company with this KvK number or this name, made when there is none."""
    kvk = normalize_kvk(kvk_number or "")
    if kvk is not None:
        found = session.scalar(
            select(CompanyRow.id).where(_visible(), CompanyRow.kvk_number == kvk)
        )
        if found is not None:
            return found
    found = session.scalar(
        select(CompanyRow.id)
        .where(_visible(), CompanyRow.normalized_name == normalized_name(name))
        .order_by(CompanyRow.id)
    )
    if found is not None:
        return found
    data = CompanyData(name=name, kvk_number=kvk, country=country, sector=sector)
    return create_company(session, data, actor).id
