from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from postkit.core.activities.listing import activity_ids
from postkit.core.activities.records import ActivityFilter
from postkit.core.activities.service import get_activity
from postkit.core.db import open_database
from postkit.core.db.database import connect
from postkit.core.db.migrate import HEAD_REVISION, current_revision, script_head, upgrade
from postkit.core.errors import DatabaseError


def test_head_revision_constant_matches_the_migration_scripts(tmp_path: Path) -> None:
    database = connect(tmp_path / "a.sqlite3")
    assert script_head(database.engine) == HEAD_REVISION


def test_database_made_by_the_first_migration_upgrades_with_its_data(tmp_path: Path) -> None:
    database = connect(tmp_path / "old.sqlite3")
    upgrade(database.engine, "0001")
    assert current_revision(database.engine) == "0001"
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO activities (id, uuid, post_name, core_task, title, start_date, "
                "activity_type, description, country, partners, companies_reached, "
                "participants_women, participants_men, participants_other, outcome, follow_up, "
                "created_at, created_by, updated_at, updated_by) "
                "VALUES (7, 'u-7', 'Embassy Lima', 2, "
                "'Seminar on living wage', '2020-03-04', 'seminar_event', 'Cocoa exporters', 'PE', "
                "'Solidaridad', 12, 20, 15, 1, 'ok', '', '2020-03-05 10:00:00', 'Ana', "
                "'2020-03-05 10:00:00', 'Ana')"
            )
        )
        connection.execute(text("INSERT INTO activity_themes VALUES (7, 'living_wage')"))
    database.dispose()

    upgraded = open_database(tmp_path / "old.sqlite3")
    assert current_revision(upgraded.engine) == HEAD_REVISION
    with upgraded.session() as session:
        record = get_activity(session, 7)
        assert record.uuid == "u-7"
        assert record.data.title == "Seminar on living wage"
        assert record.data.start_date == date(2020, 3, 4)
        assert record.data.themes == ("living_wage",)
        assert record.data.participants_total == 36
        assert record.created_by == "Ana"
        # The search index added by 0002 was filled from the existing rows.
        assert activity_ids(session, ActivityFilter(text="solidarid")) == [7]


def test_database_of_a_newer_postkit_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    open_database(path).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="newer version of postkit"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(DatabaseError, match="not postkit's"):
        open_database(path)


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    database = open_database(tmp_path / "p.sqlite3")
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_activities_stored_without_a_post_get_the_profiles_post_on_upgrade(
    tmp_path: Path,
) -> None:
    database = connect(tmp_path / "old.sqlite3")
    upgrade(database.engine, "0007")
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO post_profile (id, post_name, countries, user_name, created_at, "
                "created_by, updated_at, updated_by) VALUES (1, 'Embassy Nairobi', 'KE,SO', "
                "'Ana', '2020-03-05 10:00:00', 'Ana', '2020-03-05 10:00:00', 'Ana')"
            )
        )
        for activity_id, post in ((1, ""), (2, "Ambassade Lima")):
            connection.execute(
                text(
                    "INSERT INTO activities (id, uuid, post_name, core_task, title, start_date, "
                    "activity_type, description, partners, companies_reached, "
                    "participants_women, participants_men, participants_other, outcome, "
                    "follow_up, created_at, created_by, updated_at, updated_by) "
                    "VALUES (:id, :uuid, :post, 2, 'Seminar', '2020-03-04', 'seminar_event', "
                    "'', '', 0, 0, 0, 0, '', '', '2020-03-05 10:00:00', 'Ana', "
                    "'2020-03-05 10:00:00', 'Ana')"
                ),
                {"id": activity_id, "uuid": f"u-{activity_id}", "post": post},
            )
    database.dispose()

    upgraded = open_database(tmp_path / "old.sqlite3")
    with upgraded.session() as session:
        assert get_activity(session, 1).data.post_name == "Embassy Nairobi"
        assert get_activity(session, 2).data.post_name == "Ambassade Lima"
        assert activity_ids(session, ActivityFilter(post_name="Embassy Nairobi")) == [1]
    upgraded.dispose()


def test_a_decision_made_before_0009_upgrades_with_no_open_steps_recorded(
    tmp_path: Path,
) -> None:
    from postkit.core.screening.service import get_request

    database = connect(tmp_path / "old.sqlite3")
    upgrade(database.engine, "0007")
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO support_requests (id, uuid, company_name, kvk_number, directors, "
                "support_kind, requested_on, handled_by, description, status, outcome, "
                "rationale, conditions, decided_at, decided_by, matcher_version, created_at, "
                "created_by, updated_at, updated_by) VALUES (3, 'r-3', 'Delta B.V.', '', '', "
                "'matchmaking', '2026-02-01', 'Ana', '', 'decided', 'support', 'Fine.', '', "
                "'2026-02-03 10:00:00', 'Ana', '', '2026-02-01 10:00:00', 'Ana', "
                "'2026-02-03 10:00:00', 'Ana')"
            )
        )
    database.dispose()

    upgraded = open_database(tmp_path / "old.sqlite3")
    assert current_revision(upgraded.engine) == HEAD_REVISION
    with upgraded.session() as session:
        decision = get_request(session, 3).decision
        assert decision is not None
        assert decision.rationale == "Fine."
        assert (decision.open_steps, decision.open_steps_reason) == ((), "")


def test_lists_stored_twice_before_0010_are_merged_on_upgrade(tmp_path: Path) -> None:
    database = connect(tmp_path / "old.sqlite3")
    upgrade(database.engine, "0009")
    with database.engine.begin() as connection:
        for list_id in (1, 2):
            connection.execute(
                text(
                    "INSERT INTO sanctions_lists (id, file_name, sha256, entry_count, list_date, "
                    "imported_at, imported_by) VALUES (:id, 'targets.csv', 'abc', 1, '', "
                    "'2026-01-01 10:00:00', 'Ana')"
                ),
                {"id": list_id},
            )
            connection.execute(
                text(
                    "INSERT INTO sanctions_entries (list_id, entry_id, schema, name, aliases, "
                    "birth_date, countries, addresses, identifiers, sanctions, program_ids, "
                    "dataset, first_seen, last_seen, last_change) VALUES (:id, 'x-1', 'Person', "
                    "'Ana Fictie', '', '', '', '', '', '', '', '', '', '', '')"
                ),
                {"id": list_id},
            )
    database.dispose()

    upgraded = open_database(tmp_path / "old.sqlite3")
    with upgraded.session() as session:
        from postkit.core.screening.sanctions_store import current_lists

        (listing,) = current_lists(session)
        assert (listing.id, listing.source, listing.rescreened_at is not None) == (
            1,
            "opensanctions",
            True,
        )
        assert session.execute(text("SELECT COUNT(*) FROM sanctions_entries")).scalar() == 1
    upgraded.dispose()


def test_requests_and_candidates_stored_before_0012_upgrade_undelisted_without_director_details(
    tmp_path: Path,
) -> None:
    from postkit.core.screening.service import get_request

    database = connect(tmp_path / "old.sqlite3")
    upgrade(database.engine, "0011")
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO support_requests (id, uuid, company_name, kvk_number, directors, "
                "support_kind, requested_on, handled_by, description, status, rationale, "
                "conditions, decided_by, matcher_version, open_steps, open_steps_reason, "
                "created_at, created_by, updated_at, updated_by) VALUES (4, 'r-4', 'Delta B.V.', "
                "'', 'Ana Fictie', 'matchmaking', '2026-02-01', 'Ana', '', 'open', '', '', '', "
                "'2', '', '', '2026-02-01 10:00:00', 'Ana', '2026-02-01 10:00:00', 'Ana')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO sanctions_matches (request_id, subject, subject_kind, entry_id, "
                "entry_name, entry_schema, entry_details, score, matched_name, explanation, "
                "judgement, judged_by, judgement_note) VALUES (4, 'Ana Fictie', 'director', "
                "'x-1', 'Ana Fictie', 'Person', '', 100, 'Ana Fictie', '', 'open', '', '')"
            )
        )
    database.dispose()

    upgraded = open_database(tmp_path / "old.sqlite3")
    assert current_revision(upgraded.engine) == HEAD_REVISION
    with upgraded.session() as session:
        record = get_request(session, 4)
        assert record.data.directors == ("Ana Fictie",)
        assert record.data.director_details == ()
        (match,) = record.matches
        assert not match.is_delisted
    indexes = {index["name"] for index in inspect(upgraded.engine).get_indexes("sanctions_entries")}
    assert "ix_sanctions_entries_list_id_entry_id" in indexes
    upgraded.dispose()


def test_the_migrations_build_exactly_the_schema_the_models_declare(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from postkit.core.db.models import metadata

    database = connect(tmp_path / "head.sqlite3")
    upgrade(database.engine)
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": _not_full_text_search}
        )
        differences = compare_metadata(context, metadata)
    assert differences == []


def _not_full_text_search(name: str | None, kind: str, _parents: object) -> bool:
    # The FTS5 tables (and their shadow tables) are made by the migrations' own SQL on purpose.
    return not (kind == "table" and name is not None and "_search" in name)


def test_before_0013_typed_company_counts_stay_as_unnamed_and_agreed_conditions_are_followed_up(
    tmp_path: Path,
) -> None:
    database = connect(tmp_path / "old.sqlite3")
    upgrade(database.engine, "0012")
    with database.engine.begin() as connection:
        for activity_id, start in ((1, "2020-03-04"), (2, "2999-01-01")):
            connection.execute(
                text(
                    "INSERT INTO activities (id, uuid, post_name, core_task, title, start_date, "
                    "activity_type, description, partners, companies_reached, "
                    "participants_women, participants_men, participants_other, outcome, "
                    "follow_up, created_at, created_by, updated_at, updated_by) VALUES "
                    f"({activity_id}, 'u-{activity_id}', 'Embassy Lima', 2, 'Seminar', "
                    f"'{start}', 'seminar_event', '', '', 12, 0, 0, 0, '', '', "
                    "'2020-03-05 10:00:00', 'Ana', '2020-03-05 10:00:00', 'Ana')"
                )
            )
        connection.execute(text("INSERT INTO activity_themes VALUES (1, 'living_wage')"))
        connection.execute(
            text(
                "INSERT INTO support_requests (id, uuid, company_name, kvk_number, directors, "
                "director_details, support_kind, requested_on, handled_by, description, status, "
                "outcome, rationale, conditions, conditions_due, decided_at, decided_by, "
                "matcher_version, open_steps, open_steps_reason, created_at, created_by, "
                "updated_at, updated_by) VALUES (4, 'r-4', 'Delta B.V.', '', '', '', "
                "'matchmaking', '2026-02-01', 'Ana', '', 'decided', 'support_with_conditions', "
                "'ok', '- Share the supplier audit\n\n- Sign the IMVO declaration', "
                "'2026-06-30', '2026-02-03 09:00:00', 'Bram', '2', '', '', "
                "'2026-02-01 10:00:00', 'Ana', '2026-02-01 10:00:00', 'Ana')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO checklist_answers (request_id, item, answer, note, links, "
                "updated_at, updated_by) VALUES (4, 'declaration', 'yes', '', '', "
                "'2026-02-01 10:00:00', 'Ana')"
            )
        )
    database.dispose()

    upgraded = open_database(tmp_path / "old.sqlite3")
    with upgraded.engine.connect() as connection:
        activities = connection.execute(
            text("SELECT id, unnamed_companies, status FROM activities ORDER BY id")
        ).all()
        themes = connection.execute(text("SELECT code FROM activity_themes")).scalars().all()
        answers = connection.execute(text("SELECT item FROM checklist_answers")).scalars().all()
        follow_ups = connection.execute(
            text(
                "SELECT kind, request_id, description, due_on, owner, status FROM follow_ups "
                "ORDER BY id"
            )
        ).all()
    assert [tuple(row) for row in activities] == [(1, 12, "done"), (2, 12, "planned")]
    assert themes == ["living_wage"]
    assert answers == ["declaration"]
    with upgraded.session() as session:
        # The full-text search triggers on activities survived the upgrade.
        assert sorted(activity_ids(session, ActivityFilter(text="seminar"))) == [1, 2]
    assert [tuple(row) for row in follow_ups] == [
        ("condition", 4, "Share the supplier audit", "2026-06-30", "Ana", "open"),
        ("condition", 4, "Sign the IMVO declaration", "2026-06-30", "Ana", "open"),
    ]
    upgraded.dispose()


def test_companies_stored_before_0015_get_their_lookup_keys(tmp_path: Path) -> None:
    from postkit.core.companies.service import lookup_companies

    database = connect(tmp_path / "old.sqlite3")
    upgrade(database.engine, "0014")
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO companies (id, uuid, name, normalized_name, trade_names, "
                "foreign_registration, operates_internationally, website, notes, created_at, "
                "created_by, updated_at, updated_by) VALUES (1, 'u1', 'Groenveld Water B.V.', "
                "'groenveld water', 'GWT', '', 0, '', '', '2026-01-01', 'a', '2026-01-01', 'a')"
            )
        )
    database.dispose()
    upgraded = open_database(tmp_path / "old.sqlite3")
    with upgraded.session() as session:
        assert [line.id for line in lookup_companies(session, "water")] == [1]
        assert [line.id for line in lookup_companies(session, "gwt")] == [1]
    upgraded.dispose()
