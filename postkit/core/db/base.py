"""The declarative base every postkit table derives from."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, MetaData, Select, String, TypeDecorator, select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints let Alembic alter SQLite tables in batch mode.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_uuid() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Stores timestamps as naive UTC and hands them back timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class AuditMixin:
    """Who created and last changed a record, and when."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    created_by: Mapped[str] = mapped_column(String(120), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(120), default="")


class CodeTag:
    """A row that tags its owner with a code of a reference list (a theme, a sector).

    Mix in before `Base` and declare the owner's `owner_key(..., primary_key=True)`: the owner
    and the code together are the key, and the code is indexed so the owners with a code are
    found without a scan.
    """

    code: Mapped[str] = mapped_column(String(60), primary_key=True, index=True)

    @classmethod
    def owners_with(cls, code: str) -> Select[tuple[int]]:
        """The ids of the owners tagged `code`, for `Owner.id.in_(...)` in a filter."""
        table = cls.__table__  # type: ignore[attr-defined]
        (owner,) = (column for column in table.primary_key.columns if column.name != "code")
        return select(owner).where(table.c.code == code)


def owner_key(owner_table: str, *, primary_key: bool = False) -> Mapped[int]:
    """The column of a child row naming the row it belongs to (`<owner_table>.id`).

    The child is deleted with its owner (ON DELETE CASCADE). As part of a composite primary
    key (a tag row such as `activity_themes`) it needs no index of its own; otherwise it is
    indexed, since the owner's children are read by it.
    """
    return mapped_column(
        ForeignKey(f"{owner_table}.id", ondelete="CASCADE"),
        primary_key=primary_key,
        index=not primary_key,
    )


def owned_rows(order_by: str | None = None) -> Any:
    """A one-to-many of child rows that live and die with their owner.

    Loaded with the owner in one extra query (selectin) so nothing lazy reaches the UI;
    removed from the list means deleted; the database's cascade deletes them with the owner.
    `order_by` is written as SQLAlchemy takes it ("ActivityLink.position").
    """
    options: dict[str, Any] = {}
    if order_by is not None:
        options["order_by"] = order_by
    return relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin", **options
    )
