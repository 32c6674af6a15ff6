"""The post's services run on PostgreSQL (headquarters) as on SQLite: same migrations, same code."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from postkit.core.activities.export import export_activities_xlsx
from postkit.core.activities.listing import SortKey, activity_ids
from postkit.core.activities.records import ActivityFilter, ActivityInput
from postkit.core.activities.service import create_activity, get_activity
from postkit.core.activities.statistics import year_summary
from postkit.core.db import Database
from postkit.core.db.migrate import HEAD_REVISION, current_revision
from postkit.core.screening.audit import verify_chain
from postkit.core.screening.records import Answer, RequestInput
from postkit.core.screening.service import answer_item, create_request

SEMINAR = ActivityInput(
    core_task=2,
    title="Seminar on living wage",
    start_date=date(2025, 5, 14),
    activity_type="seminar_event",
    partners="Solidaridad",
    themes=("living_wage",),
    participants_women=10,
    participants_men=5,
    post_name="Embassy Testland",
)


def test_the_schema_is_at_head(hq_database: Database) -> None:
    assert current_revision(hq_database.engine) == HEAD_REVISION


def test_activities_are_stored_searched_counted_and_exported(
    hq_database: Database, tmp_path: Path
) -> None:
    with hq_database.session() as session:
        first = create_activity(session, SEMINAR, "Tess")
        create_activity(session, replace(SEMINAR, title="Trade mission", partners="RVO"), "Tess")
        assert get_activity(session, first.id).data == SEMINAR
        assert activity_ids(session, ActivityFilter(text="solidaridad")) == [first.id]
        assert len(activity_ids(session, sort=SortKey.TITLE, descending=False)) == 2
        assert year_summary(session, 2025).participants.total == 30
        assert export_activities_xlsx(session, tmp_path / "out.xlsx") == 2


def test_the_screening_log_chains_on_every_backend(hq_database: Database) -> None:
    with hq_database.session() as session:
        request = create_request(
            session,
            RequestInput("Acme Trading B.V.", "trade_mission", date(2026, 1, 5)),
            "Tess",
        )
        answer_item(session, request.id, "imvo_declaration", Answer.YES, actor="Tess")
        check = verify_chain(session)
    assert check.is_intact and check.entries >= 2
