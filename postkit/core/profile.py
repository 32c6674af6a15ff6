"""The post's profile: which post this database belongs to and who is using it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, String, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from postkit.core.db.base import AuditMixin, Base, utc_now
from postkit.core.errors import ValidationError
from postkit.core.reference import countries as reference_countries


class PostProfileRow(AuditMixin, Base):
    __tablename__ = "post_profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_name: Mapped[str] = mapped_column(String(200))
    countries: Mapped[str] = mapped_column(String(400), default="")
    user_name: Mapped[str] = mapped_column(String(120))


@dataclass(frozen=True)
class PostProfile:
    post_name: str
    countries: tuple[str, ...]
    user_name: str


_PROFILE_ID = 1


def post_region(profile: PostProfile) -> str | None:
    """The region (a code of resources/reference/regions.json) of the post's first country of
    accreditation that the reference list knows; None when it knows none of them."""
    known = reference_countries()
    for code in profile.countries:
        country = known.get(code)
        if country is not None and country.extra.get("region"):
            return country.extra["region"]
    return None


def load_profile(session: Session) -> PostProfile | None:
    """The profile, or None when the post has not filled it in yet (first run)."""
    row = session.get(PostProfileRow, _PROFILE_ID)
    if row is None:
        return None
    countries = tuple(code for code in row.countries.split(",") if code)
    return PostProfile(row.post_name, countries, row.user_name)


def save_profile(session: Session, profile: PostProfile) -> PostProfile:
    """Validate and store the profile, replacing the earlier one."""
    post_name = profile.post_name.strip()
    user_name = profile.user_name.strip()
    if not post_name:
        raise ValidationError("post_name", "the post's name is required")
    if not user_name:
        raise ValidationError("user_name", "your name is required")
    countries = tuple(dict.fromkeys(code.strip().upper() for code in profile.countries if code))
    if not countries:
        raise ValidationError("countries", "at least one country of accreditation is required")
    row = session.get(PostProfileRow, _PROFILE_ID)
    now = utc_now()
    if row is None:
        row = PostProfileRow(id=_PROFILE_ID, created_by=user_name, created_at=now)
        session.add(row)
    elif row.post_name != post_name:
        _rename_post_activities(session, row.post_name, post_name)
    row.post_name = post_name
    row.countries = ",".join(countries)
    row.user_name = user_name
    row.updated_by = user_name
    row.updated_at = now
    session.commit()
    return PostProfile(post_name, countries, user_name)


def _rename_post_activities(session: Session, old_name: str, new_name: str) -> None:
    """A renamed post keeps its activities: reports and lists select them by the post's name.

    When activities of `new_name` exist already, the database holds that other post's work
    (headquarters) and the profile now points at it: nothing is relabelled.
    """
    from postkit.core.activities.models import Activity

    if session.scalar(select(Activity.id).where(Activity.post_name == new_name).limit(1)):
        return
    session.execute(
        update(Activity).where(Activity.post_name == old_name).values(post_name=new_name)
    )
