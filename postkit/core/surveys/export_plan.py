"""What an export of a survey version will hold, told before the file is written.

Kept apart from export.py so the page can ask without loading openpyxl.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core.surveys.models import SurveyFormRow, SurveyResponseRow
from postkit.core.surveys.service import DRAFT, SUBMITTED, get_form


@dataclass(frozen=True)
class LeftOutResponse:
    """A response of the form that an export of one version does not hold, and why."""

    uuid: str
    reason: str  # DRAFT: not submitted yet; OTHER_VERSION: answers another version of the form
    version: str
    respondent: str  # empty when anonymous
    started_at: datetime


OTHER_VERSION = "other_version"


@dataclass(frozen=True)
class ExportPlan:
    """What an export of a form version will hold, said before the file is written."""

    form_id: str
    version: str
    responses: int
    left_out: tuple[LeftOutResponse, ...]

    @property
    def drafts(self) -> tuple[LeftOutResponse, ...]:
        return tuple(item for item in self.left_out if item.reason == DRAFT)

    @property
    def other_versions(self) -> dict[str, int]:
        """Submitted responses to other versions of the form, counted per version."""
        counts: dict[str, int] = {}
        for item in self.left_out:
            if item.reason == OTHER_VERSION:
                counts[item.version] = counts.get(item.version, 0) + 1
        return counts


def plan_export(session: Session, form_pk: int) -> ExportPlan:
    """How many responses an export of this form version holds, and which are left out why."""
    info = get_form(session, form_pk)
    rows = session.execute(
        select(SurveyResponseRow, SurveyFormRow.id, SurveyFormRow.version)
        .join(SurveyFormRow, SurveyFormRow.id == SurveyResponseRow.form_pk)
        .where(SurveyFormRow.form_id == info.form_id)
        .order_by(SurveyResponseRow.started_at, SurveyResponseRow.id)
    )
    count = 0
    left_out: list[LeftOutResponse] = []
    for response, pk, version in rows:
        if pk == form_pk and response.status == SUBMITTED:
            count += 1
            continue
        if pk == form_pk:
            reason = DRAFT
        elif response.status == SUBMITTED:
            reason = OTHER_VERSION
        else:
            continue  # another version's draft is that version's business
        respondent = "" if response.is_anonymous else response.respondent
        left_out.append(
            LeftOutResponse(response.uuid, reason, version, respondent, response.started_at)
        )
    return ExportPlan(info.form_id, info.version, count, tuple(left_out))
