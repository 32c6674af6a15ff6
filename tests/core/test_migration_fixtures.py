"""Every schema revision's post database (tests/data/databases) opens in today's postkit with
all of its rows intact, read back through the services.

The fixtures are made by tests/data/databases/make_fixtures.py, one per migration: a revision
without one fails here, so a new migration comes with a database of its time.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from postkit.core.activities.listing import activity_ids
from postkit.core.activities.records import ActivityFilter
from postkit.core.activities.service import get_activity
from postkit.core.companies.service import get_company, lookup_companies
from postkit.core.db import Database, open_database
from postkit.core.db.migrate import HEAD_REVISION, current_revision
from postkit.core.hq.network import held_years, year_totals
from postkit.core.hq.posts import hq_posts
from postkit.core.practices.service import get_practice
from postkit.core.profile import load_profile
from postkit.core.returns.service import get_narrative
from postkit.core.screening.service import get_request
from postkit.core.surveys.service import get_form, get_response
from postkit.core.users import list_users

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "data" / "databases"
VERSIONS = ROOT / "postkit" / "core" / "db" / "migrations" / "versions"


def _revisions() -> list[str]:
    return sorted(path.name.split("_", 1)[0] for path in VERSIONS.glob("[0-9][0-9][0-9][0-9]_*.py"))


def _fixture(revision: str) -> Path:
    return FIXTURES / f"post_{revision}.sqlite3"


def _raw(path: Path) -> dict[str, list[dict[str, object]]]:
    """Every table's rows as the fixture holds them, before any upgrade."""
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'"
            )
        ]
        return {
            table: [dict(row) for row in connection.execute(f'SELECT * FROM "{table}"')]
            for table in tables
        }
    finally:
        connection.close()


def _day(text: object) -> date | None:
    return None if text is None else date.fromisoformat(str(text))


def _moment(text: object) -> datetime | None:
    return None if text is None else datetime.fromisoformat(str(text))


def _naive(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(tzinfo=None)


def _triggers(database: Database) -> set[str]:
    with database.engine.connect() as connection:
        return set(
            connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            .scalars()
            .all()
        )


def _codes(rows: list[dict[str, object]], key: str, owner: object) -> set[object]:
    return {row["code"] for row in rows if row[key] == owner}


def test_every_migration_has_a_fixture_database() -> None:
    missing = [revision for revision in _revisions() if not _fixture(revision).exists()]
    assert not missing, (
        f"no fixture database for revision(s) {', '.join(missing)}: add rows for the new "
        "tables/columns to tests/data/databases/make_fixtures.py and run it"
    )


@pytest.mark.parametrize("revision", [r for r in _revisions() if _fixture(r).exists()])
def test_a_post_database_of_each_revision_upgrades_with_every_row(
    revision: str, tmp_path: Path
) -> None:
    path = tmp_path / "post.sqlite3"
    shutil.copy(_fixture(revision), path)
    raw = _raw(path)
    assert raw["alembic_version"] == [{"version_num": revision}]
    assert raw["activities"], "the fixture holds no activity"

    database = open_database(path)
    try:
        assert current_revision(database.engine) == HEAD_REVISION
        # Every trigger a new database has (full-text search, the append-only log) survived
        # the upgrade: a batch rebuild of a table on SQLite drops the triggers on it.
        fresh = open_database(tmp_path / "fresh.sqlite3")
        assert _triggers(database) == _triggers(fresh)
        fresh.dispose()
        with database.session() as session:
            profile = load_profile(session)
            assert profile is not None
            (stored,) = raw["post_profile"]
            assert (profile.post_name, profile.user_name) == (
                stored["post_name"],
                stored["user_name"],
            )
            assert ",".join(profile.countries) == stored["countries"]
            if "post_users" in raw:
                assert {(user.name, user.is_active) for user in list_users(session, True)} == {
                    (row["name"], bool(row["is_active"])) for row in raw["post_users"]
                }
            if "hq_posts" in raw:
                assert [(p.code, p.region, p.business) for p in hq_posts(session).posts] == [
                    (row["code"], row["region"], row["business"]) for row in raw["hq_posts"]
                ]
            if "hq_returns" in raw:
                years = {int(row["year"]) for row in raw["hq_returns"]}  # type: ignore[call-overload]
                assert set(held_years(session)) == years
                totals = {item.year: item for item in year_totals(session)}
                for row in raw["hq_returns"]:
                    tasks = json.loads(str(row["figures"]))["tasks"]
                    done = sum(task[2] for task in tasks if task[1] == "year")
                    assert sum(totals[int(row["year"])].activities) == done  # type: ignore[call-overload]

            for row in raw.get("return_narratives", []):
                narrative = get_narrative(session, int(row["year"]))  # type: ignore[arg-type]
                assert narrative.sections() == {
                    "results": row["results"],
                    "obstacles": row["obstacles"],
                    "plans": row["plans"],
                }

            for row in raw["activities"]:
                record = get_activity(session, int(row["id"]))  # type: ignore[arg-type]
                data = record.data
                assert record.uuid == row["uuid"]
                assert (data.title, data.core_task, data.activity_type) == (
                    row["title"],
                    row["core_task"],
                    row["activity_type"],
                )
                assert (data.start_date, data.end_date) == (
                    _day(row["start_date"]),
                    _day(row["end_date"]),
                )
                assert (data.post_name, data.country, data.partners) == (
                    row["post_name"],
                    row["country"],
                    row["partners"],
                )
                assert (data.description, data.outcome, data.follow_up) == (
                    row["description"],
                    row["outcome"],
                    row["follow_up"],
                )
                assert (
                    data.unnamed_companies,
                    data.participants_women,
                    data.participants_men,
                    data.participants_other,
                ) == (
                    # Before 0013 the typed count of companies reached; it stays as unnamed.
                    row.get("unnamed_companies", row.get("companies_reached")),
                    row["participants_women"],
                    row["participants_men"],
                    row["participants_other"],
                )
                assert data.status == row.get("status", "done")
                assert set(data.company_ids) == {
                    link["company_id"]
                    for link in raw.get("activity_companies", [])
                    if link["activity_id"] == row["id"]
                }
                assert set(data.themes) == _codes(raw["activity_themes"], "activity_id", row["id"])
                assert set(data.sectors) == _codes(
                    raw["activity_sectors"], "activity_id", row["id"]
                )
                links = sorted(
                    (
                        link
                        for link in raw.get("activity_links", [])
                        if link["activity_id"] == row["id"]
                    ),
                    key=lambda link: link["position"],  # type: ignore[arg-type,return-value]
                )
                assert list(data.links) == [link["url"] for link in links]
                assert (record.created_by, record.updated_by) == (
                    row["created_by"],
                    row["updated_by"],
                )
                assert _naive(record.created_at) == _moment(row["created_at"])
                # Full-text search still finds it.
                word = str(row["title"]).split()[-1]
                assert record.id in activity_ids(session, ActivityFilter(text=word))

            for row in raw.get("support_requests", []):
                request = get_request(session, int(row["id"]))  # type: ignore[arg-type]
                asked = request.data
                assert (request.uuid, asked.company_name, asked.kvk_number) == (
                    row["uuid"],
                    row["company_name"],
                    row["kvk_number"],
                )
                assert asked.directors == tuple(str(row["directors"]).splitlines())
                assert (asked.support_kind, asked.requested_on, asked.needed_by) == (
                    row["support_kind"],
                    _day(row["requested_on"]),
                    _day(row["needed_by"]),
                )
                assert (asked.employees, asked.turnover_eur, asked.operating_country) == (
                    row["employees"],
                    row["turnover_eur"],
                    row["operating_country"],
                )
                assert request.status.value == row["status"]
                assert request.decision is not None
                assert (
                    request.decision.outcome.value,
                    request.decision.rationale,
                    request.decision.conditions,
                    request.decision.conditions_due,
                ) == (
                    row["outcome"],
                    row["rationale"],
                    row["conditions"],
                    _day(row["conditions_due"]),
                )
                assert request.decided_by == row["decided_by"]
                assert _naive(request.decided_at) == _moment(row["decided_at"])
                answers = [a for a in raw["checklist_answers"] if a["request_id"] == row["id"]]
                assert answers
                for answer in answers:
                    filed = request.answer(str(answer["item"]))
                    assert (filed.answer.value, filed.note) == (answer["answer"], answer["note"])
                    assert filed.links == tuple(str(answer["links"]).split())
                if row["screened_list_id"] is not None:
                    assert [info.id for info in request.screened_lists] == [row["screened_list_id"]]
                matches = [m for m in raw["sanctions_matches"] if m["request_id"] == row["id"]]
                assert [
                    (m.subject, m.entry_name, m.score, m.judgement.value, m.judgement_note)
                    for m in request.matches
                ] == [
                    (m["subject"], m["entry_name"], m["score"], m["judgement"], m["judgement_note"])
                    for m in matches
                ]
                assert [m.list_id for m in request.matches] == [m["list_id"] for m in matches]

            for row in raw.get("companies", []):
                company = get_company(session, int(row["id"]))  # type: ignore[arg-type]
                # Lookup-as-you-type finds it, whichever revision stored it.
                assert company.id in {
                    line.id for line in lookup_companies(session, str(row["name"])[:4])
                }
                assert (company.uuid, company.data.name, company.data.kvk_number) == (
                    row["uuid"],
                    row["name"],
                    row["kvk_number"],
                )
                assert [contact.name for contact in company.data.contacts] == [
                    contact["name"]
                    for contact in raw["company_contacts"]
                    if contact["company_id"] == row["id"]
                ]
            # Conditions agreed before 0013 are followed up after the upgrade; at 0013 and later
            # the fixture holds its follow-ups itself.
            with database.engine.connect() as connection:
                followed = connection.exec_driver_sql(
                    "SELECT request_id, description, due_on, status FROM follow_ups"
                ).all()
            expected = [
                (row["id"], row["conditions"], row["conditions_due"], "open")
                for row in raw.get("support_requests", [])
                if row["conditions"] and row["decided_at"]
            ]
            assert [tuple(row) for row in followed] == expected

            for row in raw.get("survey_forms", []):
                form = get_form(session, int(row["id"]))  # type: ignore[arg-type]
                assert (form.form_id, form.version, form.sha256) == (
                    row["form_id"],
                    row["version"],
                    row["sha256"],
                )
            for row in raw.get("survey_responses", []):
                response = get_response(session, int(row["id"]))  # type: ignore[arg-type]
                assert (response.uuid, response.status, response.respondent) == (
                    row["uuid"],
                    row["status"],
                    row["respondent"],
                )
                assert (response.post_name, response.form_pk) == (row["post_name"], row["form_pk"])
                assert dict(response.answers) == json.loads(str(row["answers"]))

            for row in raw.get("practices", []):
                practice = get_practice(session, int(row["id"]))  # type: ignore[arg-type]
                shared = practice.data
                assert (practice.uuid, practice.version) == (row["uuid"], row["version"])
                assert (shared.title, shared.summary, shared.lessons, shared.status) == (
                    row["title"],
                    row["summary"],
                    row["lessons"],
                    row["status"],
                )
                assert shared.core_tasks == tuple(
                    int(task) for task in str(row["core_tasks"]).split(",")
                )
                assert (shared.post_name, shared.country, shared.year) == (
                    row["post_name"],
                    row["country"],
                    row["year"],
                )
                assert set(shared.themes) == _codes(
                    raw["practice_themes"], "practice_id", row["id"]
                )
                assert set(shared.sectors) == _codes(
                    raw["practice_sectors"], "practice_id", row["id"]
                )
                assert practice.source_activity_uuid == row["source_activity_uuid"]
                uses = [use for use in raw["practice_uses"] if use["practice_id"] == row["id"]]
                assert [(use.post_name, use.user_name, use.note) for use in practice.uses] == [
                    (use["post_name"], use["user_name"], use["note"]) for use in uses
                ]
    finally:
        database.dispose()
