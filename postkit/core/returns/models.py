"""The post's own words in its annual return, kept per year."""

from __future__ import annotations

from sqlalchemy import Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from postkit.core.db.base import AuditMixin, Base


class ReturnNarrativeRow(AuditMixin, Base):
    """Results, obstacles and plans of one year, as the post wrote them for headquarters."""

    __tablename__ = "return_narratives"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    results: Mapped[str] = mapped_column(Text, default="")
    obstacles: Mapped[str] = mapped_column(Text, default="")
    plans: Mapped[str] = mapped_column(Text, default="")
