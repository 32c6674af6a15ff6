"""The dashboard's unique companies, planned against done, and core task 4 per quarter."""

from __future__ import annotations

from datetime import date

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.db import Database
from postkit.core.followups.records import FollowUpInput
from postkit.core.followups.service import decide_with_conditions
from postkit.core.screening.records import Decision, Outcome, RequestInput
from postkit.core.screening.service import create_request
from tests.core.test_activity_figures import _company
from tests.ui.test_dashboard import _close_runners, make_page  # noqa: F401

THIS_YEAR = date.today().year


def test_companies_tile_counts_each_company_once_and_charts_planned_and_screening(
    qtbot, database: Database
) -> None:
    with database.session() as session:
        a, b = _company(session, "Alfa"), _company(session, "Bravo")
        for task, day, companies, unnamed, status in (
            (3, date(THIS_YEAR, 1, 5), (a, b), 2, "done"),
            (3, date(THIS_YEAR, 2, 5), (a,), 1, "done"),
            (1, date(THIS_YEAR, 3, 5), (b,), 9, "planned"),
        ):
            data = ActivityInput(
                task,
                f"A{day}",
                day,
                "meeting",
                unnamed_companies=unnamed,
                company_ids=companies,
                status=status,
            )
            create_activity(session, data, "Tess")
        request = create_request(
            session,
            RequestInput("Zuidwind", "trade_mission", requested_on=date(THIS_YEAR, 1, 9)),
            "Tess",
        ).id
        decide_with_conditions(
            session,
            request,
            Decision(Outcome.SUPPORT_WITH_CONDITIONS, "Gaps", open_steps_reason="Now"),
            [FollowUpInput("condition", "Audit", date(THIS_YEAR, 12, 1))],
            "Tess",
        )

    page = make_page(qtbot, database)

    assert page.companies_tile.value_label.text() == "5"
    assert page.companies_tile.detail_label.text() == "2 named, 3 unnamed"
    assert page.status_chart.series == (
        ("Planned", (1, 0, 0, 0, 0)),
        ("Done", (0, 0, 2, 0, 0)),
        ("Cancelled", (0, 0, 0, 0, 0)),
    )
    series = dict(page.screening_chart.series)
    assert page.screening_chart.categories == ("Q1", "Q2", "Q3", "Q4")
    assert series["Requests received"] == (1, 0, 0, 0)
    assert sum(series["Decided"]) == 1
    assert sum(series["Conditions agreed"]) == 1
    assert series["Conditions met"] == (0, 0, 0, 0)
