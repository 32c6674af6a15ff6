"""The demo post's follow-ups: what the post agreed and planned, due around the day it is
seeded, so the follow-up view and the start-up notice have something to show.

The conditions are those of the demo's decision with conditions (core/screening/demo.py): the
decision's text is split into the two things the company agreed to, one due this week, one in
four months. Two actions come from the post's own activities: one overdue, one met.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core.activities.models import Activity
from postkit.core.followups.records import FollowUpInput, FollowUpKind
from postkit.core.followups.service import add_follow_up, set_status
from postkit.core.screening.models import SupportRequestRow


def seed_followups_demo(
    session: Session, request_id: int, actor: str, today: date | None = None
) -> None:
    today = today or date.today()
    request = session.get(SupportRequestRow, request_id)
    company_id = request.company_id if request is not None else None
    condition = FollowUpKind.CONDITION.value
    for description, due in (
        ("Send the first yearly monitoring report of the supplying farms", today + timedelta(3)),
        ("Add a gender analysis to the risk assessment", today + timedelta(120)),
    ):
        add_follow_up(
            session,
            FollowUpInput(condition, description, due, actor, request_id, company_id=company_id),
            actor,
        )

    def latest(activity_type: str) -> int | None:
        return session.scalar(
            select(Activity.id)
            .where(
                Activity.status == "done",
                Activity.activity_type == activity_type,
                Activity.start_date <= today,
            )
            .order_by(Activity.start_date.desc())
            .limit(1)
        )

    seminar, advice = latest("seminar_event"), latest("company_advice")
    action = FollowUpKind.ACTION.value
    if seminar is not None:
        add_follow_up(
            session,
            FollowUpInput(
                action,
                "Share the seminar's presentations with the participants",
                today - timedelta(10),
                actor,
                activity_id=seminar,
            ),
            actor,
        )
    if advice is not None:
        met = add_follow_up(
            session,
            FollowUpInput(
                action,
                "Introduce the company to the IMVO-steunpunt",
                today - timedelta(20),
                actor,
                activity_id=advice,
            ),
            actor,
        )
        set_status(session, met.id, "met", "Introduced by e-mail.", actor)
