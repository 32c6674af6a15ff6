"""The register's services: store, read, find and merge companies."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from sqlalchemy import (
    Column,
    Select,
    Table,
    UniqueConstraint,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session, aliased

from postkit.core.companies.models import CompanyContactRow, CompanyLookupKeyRow, CompanyRow
from postkit.core.companies.records import (
    CompanyData,
    CompanyLine,
    CompanyRecord,
    ContactData,
    DroppedLink,
    DuplicatePair,
    MergeUndo,
    MovedLink,
)
from postkit.core.companies.validation import (
    KEY_NAME,
    KEY_TRADE_NAME,
    KEY_WORD,
    lookup_keys,
    normalize_kvk,
    normalized_name,
    size_class,
    validate_company,
)
from postkit.core.db.base import Base, utc_now
from postkit.core.errors import NotFoundError, ValidationError

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
    row.lookup_keys = [
        CompanyLookupKeyRow(kind=kind, key=key)
        for kind, key in lookup_keys(data.name, data.trade_names)
    ]
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


def create_company(
    session: Session, data: CompanyData, actor: str, *, commit: bool = True
) -> CompanyRecord:
    """Store a new company. `commit=False` leaves it to the caller's transaction (an import
    that must add its companies and activities together or not at all)."""
    validate_company(data)
    data = _normalised(data)
    now = utc_now()
    row = CompanyRow(created_at=now, created_by=actor, updated_at=now, updated_by=actor)
    _apply(row, data)
    session.add(row)
    if commit:
        session.commit()
    else:
        session.flush()
    return to_record(row)


def add_companies(session: Session, companies: list[CompanyData], actor: str) -> list[int]:
    """Store many companies in one transaction (an import, the demo register): all or none."""
    now = utc_now()
    rows = []
    for data in companies:
        validate_company(data)
        row = CompanyRow(created_at=now, created_by=actor, updated_at=now, updated_by=actor)
        _apply(row, _normalised(data))
        rows.append(row)
    session.add_all(rows)
    session.commit()
    return [row.id for row in rows]


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


# Above every character a normalised name holds: `key >= typed AND key < typed + _ABOVE` is a
# prefix match SQLite answers from the index (LIKE 'x%' cannot use it: LIKE ignores case).
_ABOVE = chr(0x10FFFF)


def _typed_kvk(text: str) -> str | None:
    digits = re.sub(r"[\s.\-]", "", text)
    return digits[:8] if digits.isdigit() else None


# Built once: a keystroke then only binds its parameters (building the statements cost more
# than running them). Non-correlated, so SQLite reads the few merged records once; filtering on
# `merged_into_id IS NULL` instead made it scan that index rather than the key range.
_MERGED = select(CompanyRow.id).where(CompanyRow.merged_into_id.is_not(None))
_BY_KVK = (
    select(CompanyRow.id)
    .where(
        CompanyRow.kvk_number >= bindparam("low"),
        CompanyRow.kvk_number < bindparam("high"),
        CompanyRow.id.not_in(_MERGED),
    )
    .order_by(CompanyRow.kvk_number)
)
_BY_KEY = (
    select(CompanyLookupKeyRow.company_id)
    .where(
        CompanyLookupKeyRow.kind == bindparam("kind"),
        CompanyLookupKeyRow.key >= bindparam("low"),
        CompanyLookupKeyRow.key < bindparam("high"),
        CompanyLookupKeyRow.company_id.not_in(_MERGED),
    )
    .order_by(CompanyLookupKeyRow.key)
)
_PAGE = bindparam("limit")


def _hit_ids(session: Session, text: str, limit: int | None) -> list[int]:
    """Ids of the companies matching what was typed, best first: KvK number starting with the
    digits typed, then name starting with the text (the exact name first), then trade name, then
    a later word of either. Each tier is one range over an index, read in key order."""
    wanted = normalized_name(text)
    kvk = _typed_kvk(text)
    tiers: list[tuple[Select, dict]] = []
    if kvk:
        tiers.append((_BY_KVK, {"low": kvk, "high": kvk + ":"}))
    if wanted:
        for kind in (KEY_NAME, KEY_TRADE_NAME, KEY_WORD):
            tiers.append((_BY_KEY, {"kind": kind, "low": wanted, "high": wanted + _ABOVE}))
    found: dict[int, None] = {}
    for statement, params in tiers:
        if limit is None:
            found.update(dict.fromkeys(session.scalars(statement, params)))
            continue
        # Earlier tiers' hits may come again: asking `limit` rows always fills the page.
        rows = session.scalars(statement.limit(_PAGE), {**params, "limit": limit})
        found.update(dict.fromkeys(rows))
        if len(found) >= limit:
            break
    ids = list(found)
    return ids if limit is None else ids[:limit]


def lookup_companies(session: Session, text: str, limit: int = 20) -> list[CompanyLine]:
    """Companies whose name, trade name or KvK number starts with what was typed so far (or a
    later word of a name does), best matches first; merged records stay hidden."""
    return company_lines(session, _hit_ids(session, text, limit))


def company_ids(session: Session, text: str = "") -> list[int]:
    """The register in name order, or the lookup's hits in its order: the table model's ids."""
    if text.strip():
        return _hit_ids(session, text, None)
    query = select(CompanyRow.id).where(_visible()).order_by(CompanyRow.normalized_name)
    return list(session.scalars(query))


_LINES = select(
    CompanyRow.id,
    CompanyRow.name,
    CompanyRow.kvk_number,
    CompanyRow.country,
    CompanyRow.sector,
    CompanyRow.employees,
    CompanyRow.turnover_eur,
    CompanyRow.balance_sheet_eur,
    CompanyRow.operates_internationally,
).where(CompanyRow.id.in_(bindparam("ids", expanding=True)))


def company_lines(session: Session, ids: list[int]) -> list[CompanyLine]:
    """The lines for these ids, in the order asked (ids no longer there are left out)."""
    if not ids:
        return []
    # Only the line's columns, not whole rows: a keystroke's lookup reads these 20 times.
    lines = {
        company_id: CompanyLine(
            company_id, name, kvk, country, sector, size_class(employees, turnover, balance, intl)
        )
        for company_id, name, kvk, country, sector, employees, turnover, balance, intl in (
            session.execute(_LINES, {"ids": list(ids)})
        )
    }
    return [lines[i] for i in ids if i in lines]


def find_or_create_company(
    session: Session,
    name: str,
    actor: str,
    kvk_number: str | None = None,
    country: str | None = None,
    sector: str | None = None,
    *,
    commit: bool = True,
) -> int:
    """The register's company with this KvK number or this name, made when there is none
    (committed, unless `commit` is False: see create_company)."""
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
    return create_company(session, data, actor, commit=commit).id


class PickerAccess(NamedTuple):
    """What a company picker of another feature calls, each a function of a session: the
    lookup as typed, the lines of chosen ids, and find-or-create of a typed name."""

    lookup: Callable[[Session, str], list[CompanyLine]]
    lines: Callable[[Session, list[int]], list[CompanyLine]]
    create: Callable[[Session, str], int]


def picker_access(actor: str) -> PickerAccess:
    """The register as an editor's company picker reaches it; a new company is `actor`'s."""
    return PickerAccess(
        lookup_companies,
        company_lines,
        lambda session, name: find_or_create_company(session, name, actor),
    )


def find_duplicates(session: Session) -> list[DuplicatePair]:
    """Pairs of visible records that look like one company: the same KvK number, or the same
    normalised name (one's name may be the other's trade name). Each pair once, KvK first."""
    kept = _visible()
    pairs: dict[tuple[int, int], str] = {}
    same_kvk = (
        select(CompanyRow.kvk_number, func.min(CompanyRow.id))
        .where(kept, CompanyRow.kvk_number.is_not(None))
        .group_by(CompanyRow.kvk_number)
        .having(func.count() > 1)
    )
    for kvk, first in session.execute(same_kvk).all():
        others = session.scalars(
            select(CompanyRow.id).where(kept, CompanyRow.kvk_number == kvk, CompanyRow.id != first)
        )
        for other in others:
            pairs.setdefault((first, other), "kvk")
    one, two = aliased(CompanyLookupKeyRow), aliased(CompanyLookupKeyRow)
    whole = (KEY_NAME, KEY_TRADE_NAME)
    merged = select(CompanyRow.id).where(CompanyRow.merged_into_id.is_not(None))
    same_name = select(one.company_id, two.company_id).where(
        one.kind.in_(whole),
        two.kind.in_(whole),
        # At least one side's own name: two trade names alike are not enough to say.
        or_(one.kind == KEY_NAME, two.kind == KEY_NAME),
        one.key == two.key,
        one.company_id < two.company_id,
        one.company_id.not_in(merged),
        two.company_id.not_in(merged),
    )
    for first, second in session.execute(same_name).all():
        pairs.setdefault((first, second), "name")
    ids = list(dict.fromkeys(i for pair in pairs for i in pair))
    lines: dict[int, CompanyLine] = {}
    # In chunks: SQLite limits the parameters of one statement.
    for start in range(0, len(ids), 5_000):
        lines.update((line.id, line) for line in company_lines(session, ids[start : start + 5_000]))
    found = [DuplicatePair(lines[a], lines[b], reason) for (a, b), reason in pairs.items()]
    return sorted(found, key=lambda p: (p.reason != "kvk", p.first.name.casefold(), p.second.id))


def _company_keys() -> list[tuple[Table, Column]]:
    """Every column that points at companies.id in the schema, but the lookup keys (they belong
    to the record's own name and stay with it). Read from the metadata, so a feature that adds a
    link to the register is re-pointed by a merge without the register knowing it."""
    found = []
    for table in Base.metadata.sorted_tables:
        if table.name == CompanyLookupKeyRow.__tablename__:
            continue
        for column in table.columns:
            if any(fk.column is CompanyRow.__table__.c.id for fk in column.foreign_keys):
                found.append((table, column))
    return found


def _clash_columns(table: Table, column: Column) -> list[list[Column]]:
    """The key column sets (primary key, unique constraints) that hold `column`: re-pointing a
    row in one of them can collide with a row the kept company already has."""
    primary = list(table.primary_key.columns)
    sets = [primary] if column.name in table.primary_key.columns else []
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint) and column.name in constraint.columns:
            sets.append(list(constraint.columns))
    return sets


def merge_companies(session: Session, keep_id: int, merge_id: int, actor: str) -> MergeUndo:
    """Merge `merge_id` into `keep_id`: every link to it (activities, requests, practices,
    follow-ups, contacts...) moves to the kept record, and it stays hidden behind
    `merged_into_id`, so undo_merge can put every link back."""
    if keep_id == merge_id:
        raise ValidationError("merge", "a company cannot be merged into itself")
    keep, merge = _get(session, keep_id), _get(session, merge_id)
    for row in (keep, merge):
        if row.merged_into_id is not None:
            raise ValidationError("merge", f"{row.name} was already merged into another record")
    session.flush()
    moved: list[MovedLink] = []
    dropped: list[DroppedLink] = []
    # Records merged earlier into the one that goes follow it into the kept one (the
    # self-reference companies.merged_into_id is one of the keys).
    for table, column in _company_keys():
        rows = session.execute(select(table).where(column == merge_id)).mappings().all()
        clashes = _clash_columns(table, column)
        for values in rows:
            after = {**values, column.name: keep_id}
            clash = any(
                session.execute(
                    select(func.count())
                    .select_from(table)
                    .where(*(c == after[c.name] for c in columns))
                ).scalar_one()
                for columns in clashes
            )
            row_key = [values[c.name] for c in table.primary_key.columns]
            where = [c == v for c, v in zip(table.primary_key.columns, row_key, strict=True)]
            if clash:
                session.execute(delete(table).where(*where))
                dropped.append(DroppedLink(table.name, tuple(values.items())))
            else:
                session.execute(update(table).where(*where).values({column.name: keep_id}))
                moved.append(
                    MovedLink(
                        table.name,
                        column.name,
                        tuple(after[c.name] for c in table.primary_key.columns),
                    )
                )
    session.expire_all()
    merge = _get(session, merge_id)
    merge.merged_into_id = keep_id
    merge.merged_at = utc_now()
    merge.updated_at = merge.merged_at
    merge.updated_by = actor
    session.commit()
    return MergeUndo(keep_id, merge_id, tuple(moved), tuple(dropped))


def undo_merge(session: Session, undo: MergeUndo, actor: str) -> None:
    """Put back what merge_companies changed: the merged record shows again and every link that
    moved or was dropped points at it again."""
    merge = _get(session, undo.merge_id)
    if merge.merged_into_id != undo.keep_id:
        raise ValidationError("merge", f"{merge.name} is not merged into that record any more")
    tables = Base.metadata.tables
    for link in undo.moved:
        table = tables[link.table]
        where = [c == v for c, v in zip(table.primary_key.columns, link.key, strict=True)]
        session.execute(update(table).where(*where).values({link.column: undo.merge_id}))
    for link in undo.dropped:
        session.execute(insert(tables[link.table]).values(dict(link.values)))
    session.expire_all()
    merge = _get(session, undo.merge_id)
    merge.merged_into_id = None
    merge.merged_at = None
    merge.updated_at = utc_now()
    merge.updated_by = actor
    session.commit()


def find_or_add_company(session: Session, name: str, actor: str) -> int:
    """find_or_create_company inside the caller's transaction: an import that adds the companies
    its sheet names together with its activities, or none of them."""
    return find_or_create_company(session, name, actor, commit=False)
