"""What the post did with a company, for its page, and how often the register's companies were
reached and screened, for its list.

The one place the register reads other features: their tables link to a company by id, and
this module reads those links (declared in the architecture contract, pyproject.toml).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from postkit.core.activities.models import Activity, ActivityCompany
from postkit.core.companies.models import CompanyRow
from postkit.core.companies.records import HistoryEntry
from postkit.core.followups.models import FollowUpRow
from postkit.core.practices.models import PracticeCompanyRow, PracticeRow
from postkit.core.screening.models import SupportRequestRow

# On one day: the request before its decision, and what followed from both after them.
_ORDER = {"activity": 0, "request": 1, "decision": 2, "practice": 3, "follow_up": 4}


def _day(moment: datetime | date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def company_history(session: Session, company_id: int) -> list[HistoryEntry]:
    """Activities that reached the company, its screening requests and their decisions,
    practices naming it and follow-ups of any of these or of the company, in time order."""
    entries: list[HistoryEntry] = []
    activities = session.scalars(
        select(Activity)
        .join(ActivityCompany, ActivityCompany.activity_id == Activity.id)
        .where(ActivityCompany.company_id == company_id)
    ).all()
    for activity in activities:
        entries.append(
            HistoryEntry(
                activity.start_date,
                "activity",
                activity.id,
                activity.title,
                codes=(activity.activity_type, activity.status),
            )
        )
    requests = session.scalars(
        select(SupportRequestRow).where(SupportRequestRow.company_id == company_id)
    ).all()
    for request in requests:
        entries.append(
            HistoryEntry(
                request.requested_on,
                "request",
                request.id,
                request.company_name,
                codes=(request.support_kind,),
            )
        )
        if request.decided_at is not None and request.outcome:
            detail = request.rationale
            if request.conditions:
                detail = f"{detail}\n{request.conditions}".strip()
            entries.append(
                HistoryEntry(
                    _day(request.decided_at),
                    "decision",
                    request.id,
                    request.outcome,
                    detail,
                    codes=(request.outcome,),
                )
            )
    practices = session.scalars(
        select(PracticeRow)
        .join(PracticeCompanyRow, PracticeCompanyRow.practice_id == PracticeRow.id)
        .where(PracticeCompanyRow.company_id == company_id)
    ).all()
    for practice in practices:
        entries.append(
            HistoryEntry(_day(practice.created_at), "practice", practice.id, practice.title)
        )
    follow_ups = session.scalars(
        select(FollowUpRow).where(
            or_(
                FollowUpRow.company_id == company_id,
                FollowUpRow.request_id.in_([r.id for r in requests]),
                FollowUpRow.activity_id.in_([a.id for a in activities]),
            )
        )
    ).all()
    for follow_up in follow_ups:
        entries.append(
            HistoryEntry(
                follow_up.due_on or _day(follow_up.created_at),
                "follow_up",
                follow_up.id,
                follow_up.description,
                codes=(follow_up.status,),
            )
        )
    return sorted(entries, key=lambda e: (e.on, _ORDER[e.kind], e.ref_id))


def usage_counts(session: Session) -> dict[int, tuple[int, int]]:
    """Each visible company's number of activities that reached it and of screening requests."""
    visible = list(
        session.scalars(select(CompanyRow.id).where(CompanyRow.merged_into_id.is_(None)))
    )
    reached = dict(
        session.execute(
            select(ActivityCompany.company_id, func.count()).group_by(ActivityCompany.company_id)
        ).all()
    )
    screened = dict(
        session.execute(
            select(SupportRequestRow.company_id, func.count())
            .where(SupportRequestRow.company_id.is_not(None))
            .group_by(SupportRequestRow.company_id)
        ).all()
    )
    return {company: (reached.get(company, 0), screened.get(company, 0)) for company in visible}
