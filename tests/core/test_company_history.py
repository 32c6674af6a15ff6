from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.companies.history import company_history, usage_counts
from postkit.core.companies.records import CompanyData
from postkit.core.companies.service import create_company, merge_companies
from postkit.core.followups.models import FollowUpRow
from postkit.core.practices.records import PracticeInput
from postkit.core.practices.service import create_practice
from postkit.core.screening.records import Decision, Outcome, RequestInput
from postkit.core.screening.service import create_request, decide


def _company(session: Session, name: str) -> int:
    return create_company(session, CompanyData(name=name), "Ana").id


def _activity(session: Session, title: str, on: date, companies: tuple[int, ...]) -> int:
    data = ActivityInput(
        core_task=2,
        title=title,
        start_date=on,
        activity_type="company_advice",
        company_ids=companies,
    )
    return create_activity(session, data, "Ana").id


def test_the_history_lists_everything_done_with_the_company_in_time_order(
    session: Session,
) -> None:
    company = _company(session, "Rosa Flowers Ltd")
    other = _company(session, "Kenya Blooms")
    seminar = _activity(session, "RBC seminar for growers", date(2026, 2, 10), (company, other))
    _activity(session, "Not this company", date(2026, 2, 11), (other,))
    request = create_request(
        session,
        RequestInput(
            company_name="Rosa Flowers",
            support_kind="trade_mission",
            requested_on=date(2026, 3, 1),
            company_id=company,
        ),
        "Ana",
    ).id
    decide(
        session,
        request,
        Decision(Outcome.SUPPORT, "No red flags found.", open_steps_reason="Checked by phone"),
        "Ana",
    )
    for follow_up in (
        FollowUpRow(kind="condition", request_id=request, description="Share the plan"),
        FollowUpRow(kind="action", activity_id=seminar, description="Send the slides"),
        FollowUpRow(kind="action", company_id=company, description="Visit the farm"),
    ):
        follow_up.due_on = date(2099, 9, 1)
        session.add(follow_up)
    session.commit()
    practice = create_practice(
        session,
        PracticeInput(title="Growers compare wages", core_tasks=(3,), company_ids=(company,)),
        "Ana",
    ).id

    history = company_history(session, company)
    kinds = [(entry.kind, entry.ref_id) for entry in history]
    assert kinds[:3] == [("activity", seminar), ("request", request), ("decision", request)]
    assert ("practice", practice) in kinds
    assert [e.title for e in history if e.kind == "follow_up"] == [
        "Share the plan",
        "Send the slides",
        "Visit the farm",
    ]
    assert [entry.on for entry in history] == sorted(entry.on for entry in history)
    assert history[0].title == "RBC seminar for growers"
    assert history[2].title == "support"
    assert company_history(session, other)[0].ref_id == seminar
    assert len(company_history(session, other)) == 3  # two activities, the seminar's follow-up


def test_usage_counts_activities_and_screenings_per_visible_company(session: Session) -> None:
    company = _company(session, "Rosa Flowers Ltd")
    duplicate = _company(session, "Rosa Flowers")
    idle = _company(session, "Kenya Blooms")
    _activity(session, "Seminar", date(2026, 2, 10), (company,))
    _activity(session, "Advice", date(2026, 2, 12), (company, duplicate))
    create_request(
        session,
        RequestInput(
            company_name="Rosa Flowers",
            support_kind="trade_mission",
            requested_on=date(2026, 3, 1),
            company_id=duplicate,
        ),
        "Ana",
    )
    assert usage_counts(session) == {company: (2, 0), duplicate: (1, 1), idle: (0, 0)}
    merge_companies(session, company, duplicate, "Ana")
    assert usage_counts(session) == {company: (2, 1), idle: (0, 0)}
