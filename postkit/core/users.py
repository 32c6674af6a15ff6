"""Local user names: each person at the post picks their name, so records name a person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Boolean, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from postkit.core.db.base import Base, UTCDateTime, utc_now
from postkit.core.db.rows import get_row
from postkit.core.errors import ValidationError

NAME_LENGTH = 120  # the width of post_users.name


class PostUserRow(Base):
    __tablename__ = "post_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


@dataclass(frozen=True)
class PostUser:
    id: int
    name: str
    is_active: bool


def _record(row: PostUserRow) -> PostUser:
    return PostUser(row.id, row.name, row.is_active)


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("name", "a user's name is required")
    if len(cleaned) > NAME_LENGTH:
        raise ValidationError("name", f"a user's name has at most {NAME_LENGTH} characters")
    return cleaned


def _same_name(session: Session, name: str, except_id: int | None = None) -> PostUserRow | None:
    rows = session.scalars(select(PostUserRow)).all()
    return next(
        (row for row in rows if row.name.casefold() == name.casefold() and row.id != except_id),
        None,
    )


def list_users(session: Session, include_inactive: bool = False) -> list[PostUser]:
    """The people at the post, by name; the deactivated ones only when asked for."""
    query = select(PostUserRow)
    if not include_inactive:
        query = query.where(PostUserRow.is_active.is_(True))
    rows = session.scalars(query).all()
    return sorted((_record(row) for row in rows), key=lambda user: user.name.casefold())


def add_user(session: Session, name: str) -> PostUser:
    """Add a person; a deactivated one of the same name comes back instead."""
    name = _clean_name(name)
    row = _same_name(session, name)
    if row is not None:
        if row.is_active:
            raise ValidationError("name", f"{row.name} is in the list already")
        row.is_active = True
    else:
        row = PostUserRow(name=name, is_active=True, created_at=utc_now())
        session.add(row)
    session.commit()
    return _record(row)


def ensure_user(session: Session, name: str) -> PostUser:
    """The active user of that name, added (or reactivated) when missing."""
    name = _clean_name(name)
    row = _same_name(session, name)
    if row is not None and row.is_active:
        return _record(row)
    return add_user(session, name)


def rename_user(session: Session, user_id: int, name: str) -> PostUser:
    """Correct a person's name; records they made keep the name they were made under."""
    name = _clean_name(name)
    row = get_row(session, PostUserRow, user_id, f"user {user_id} does not exist")
    if _same_name(session, name, except_id=user_id) is not None:
        raise ValidationError("name", f"{name} is in the list already")
    row.name = name
    session.commit()
    return _record(row)


def set_user_active(session: Session, user_id: int, is_active: bool) -> PostUser:
    """Deactivate someone who left the post (their name stays on their records), or undo it."""
    row = get_row(session, PostUserRow, user_id, f"user {user_id} does not exist")
    if not is_active and row.is_active:
        others = session.scalars(
            select(PostUserRow).where(PostUserRow.is_active.is_(True), PostUserRow.id != user_id)
        ).first()
        if others is None:
            raise ValidationError("name", "the last active user cannot be deactivated")
    row.is_active = is_active
    session.commit()
    return _record(row)


def deactivate_user(session: Session, user_id: int) -> PostUser:
    return set_user_active(session, user_id, False)


def users_at_start(session: Session, profile_user: str) -> list[PostUser]:
    """The active users to pick from at start; the very first start adds the profile's user."""
    if session.scalars(select(PostUserRow.id)).first() is None:
        add_user(session, profile_user)
    return list_users(session)
