"""Makes one small post database per schema revision: `post_<revision>.sqlite3`.

Each file is made by upgrading an empty database to that revision with the app's own
migrations, then inserting a few rows as a post of that time could have stored them: an
activity with sectors, themes (and links from 0002), a screened support request with its
decision, checklist answers and a match (0003), a survey form and a submitted response (0004),
a good practice with a use (0005), a post user (0007). Only the tables and columns the revision
has are written, so the same rows below serve every revision.

tests/core/test_migration_fixtures.py opens a copy of each file through the app's open path
(upgrading it to head) and checks every row read back through the services. It fails when a
revision has no file here: after adding a migration, add rows for its new tables or columns
to `_rows` below (if it has any) and run

    PYTHONPATH=. .venv/bin/python tests/data/databases/make_fixtures.py

which writes the missing files (existing ones are kept: they stand for databases already in
use; pass --all to remake every file). Run by hand, never by the tests.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys
from pathlib import Path

from sqlalchemy import inspect

from postkit.core.companies.validation import lookup_keys

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
FORM_FILE = ROOT / "tests" / "data" / "xlsforms" / "plain_form.xlsx"

CREATED = "2021-03-05 10:00:00.000000"
UPDATED = "2021-03-06 11:30:00.000000"
DECIDED = "2021-04-01 09:15:00.000000"


def _rows() -> dict[str, list[dict[str, object]]]:
    """Every table's rows, with every column any revision has (a revision writes its own)."""
    audit = {
        "created_at": CREATED,
        "created_by": "Ana Quispe",
        "updated_at": UPDATED,
        "updated_by": "Ana Quispe",
    }
    workbook = FORM_FILE.read_bytes()

    return {
        "post_profile": [
            {"id": 1, "post_name": "Embassy Lima", "countries": "PE", "user_name": "Ana Quispe"}
            | audit
        ],
        "activities": [
            {
                "id": 3,
                "uuid": "0b9c6f1e-3c1a-4c7e-9a57-5d2f4a6b8c01",
                "post_name": "Embassy Lima",
                "core_task": 2,
                "title": "Seminar on living wage for cocoa exporters",
                "start_date": "2021-03-04",
                "end_date": "2021-03-05",
                "activity_type": "seminar_event",
                "description": "Two days with exporters, unions and a benchmark organisation.",
                "country": "PE",
                "partners": "Solidaridad; MVO Nederland",
                "companies_reached": 12,
                "unnamed_companies": 12,
                "status": "done",
                "participants_women": 20,
                "participants_men": 15,
                "participants_other": 1,
                "outcome": "Three exporters start a wage-gap study.",
                "follow_up": "Visit in June.",
            }
            | audit,
            {
                "id": 8,
                "uuid": "0b9c6f1e-3c1a-4c7e-9a57-5d2f4a6b8c02",
                "post_name": "Embassy Lima",
                "core_task": 3,
                "title": "Advice to a Dutch coffee roaster on child labour",
                "start_date": "2021-05-10",
                "end_date": None,
                "activity_type": "company_advice",
                "description": "",
                "country": None,
                "partners": "",
                "companies_reached": 1,
                "unnamed_companies": 0,
                "status": "done",
                "participants_women": 0,
                "participants_men": 0,
                "participants_other": 0,
                "outcome": "",
                "follow_up": "",
            }
            | audit,
        ],
        "companies": [
            {
                "id": 1,
                "uuid": "c0a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b",
                "name": "Koffiebranderij De Boon B.V.",
                "normalized_name": "koffiebranderij de boon",
                "trade_names": "De Boon",
                "kvk_number": "90000002",
                "foreign_registration": "",
                "sector": "coffee_tea",
                "country": "NL",
                "employees": 40,
                "turnover_eur": 9000000,
                "balance_sheet_eur": None,
                "operates_internationally": 1,
                "website": "https://example.org/deboon",
                "notes": "",
                "merged_into_id": None,
                "merged_at": None,
            }
            | audit
        ],
        # What a 0015 post stores beside each company for lookup-as-you-type.
        "company_lookup_keys": [
            {"id": number, "company_id": 1, "kind": kind, "key": key}
            for number, (kind, key) in enumerate(
                lookup_keys("Koffiebranderij De Boon B.V.", ("De Boon",)), start=1
            )
        ],
        "company_contacts": [
            {
                "id": 1,
                "company_id": 1,
                "position": 0,
                "name": "Joost Verbeek",
                "role": "Sourcing manager",
                "email": "joost@example.org",
                "phone": "",
            }
        ],
        "activity_companies": [{"activity_id": 8, "company_id": 1}],
        "activity_themes": [
            {"activity_id": 3, "code": "living_wage"},
            {"activity_id": 3, "code": "freedom_of_association"},
            {"activity_id": 8, "code": "child_labour"},
        ],
        "activity_sectors": [
            {"activity_id": 3, "code": "agriculture_food"},
        ],
        "activity_links": [
            {"id": 1, "activity_id": 3, "position": 0, "url": "https://example.org/seminar"},
            {"id": 2, "activity_id": 3, "position": 1, "url": "https://example.org/report"},
        ],
        "sanctions_lists": [
            {
                "id": 1,
                "file_name": "sample-eu-fsf.xml",
                "sha256": "f" * 64,
                "entry_count": 1,
                "list_date": "2021-02-20",
                "imported_at": CREATED,
                "imported_by": "Ana Quispe",
                "source": "eu-fsf",
            }
        ],
        "support_requests": [
            {
                "id": 5,
                "uuid": "5e0c3d7a-8b4f-4f0e-a2a1-0c9d8e7f6a55",
                "company_id": None,
                "company_name": "Groenveld Water Technologies B.V.",
                "kvk_number": "90000001",
                "company_country": "NL",
                "company_sector": "water_management",
                "employees": 85,
                "turnover_eur": 14000000,
                "balance_sheet_eur": 6500000,
                "directors": "Maria Jansen\nOlga Scherbakova",
                "support_kind": "matchmaking",
                "operating_country": "PE",
                "operating_sector": "water_management",
                "requested_on": "2021-03-01",
                "needed_by": "2021-04-15",
                "handled_by": "Ana Quispe",
                "description": "Matchmaking with water utilities in Arequipa.",
                "status": "decided",
                "outcome": "support_with_conditions",
                "rationale": "No red flags; the supply chain is mapped for the first tier only.",
                "conditions": "Map the second tier before the mission.",
                "conditions_due": "2021-06-30",
                "follow_up_on": "2021-07-15",
                "decided_at": DECIDED,
                "decided_by": "Ana Quispe",
                "screened_list_id": 1,
                "screened_at": UPDATED,
                "matcher_version": "2",
                "match_threshold": 70.0,
            }
            | audit,
        ],
        "checklist_answers": [
            {
                "request_id": 5,
                "item": "imvo_declaration",
                "answer": "yes",
                "note": "Signed declaration received by e-mail.",
                "links": "https://example.org/declaration",
                "updated_at": UPDATED,
                "updated_by": "Ana Quispe",
            }
        ],
        "follow_ups": [
            {
                "id": 1,
                "uuid": "f0110000-0000-4000-8000-000000000001",
                "kind": "condition",
                "request_id": 5,
                "activity_id": None,
                "company_id": None,
                "description": "Map the second tier before the mission.",
                "due_on": "2021-06-30",
                "owner": "Ana Quispe",
                "status": "open",
                "status_note": "",
                "status_changed_at": None,
                "status_changed_by": "",
            }
            | audit
        ],
        "sanctions_matches": [
            {
                "id": 1,
                "request_id": 5,
                "list_id": 1,
                "subject": "Olga Scherbakova",
                "subject_kind": "director",
                "entry_id": "pk-sample-007",
                "entry_name": "Olga Nikolayevna Shcherbatkina",
                "entry_schema": "Person",
                "entry_details": json.dumps(
                    {"id": "pk-sample-007", "name": "Olga Nikolayevna Shcherbatkina"}
                ),
                "score": 87.5,
                "matched_name": "Olga Scherbatkina",
                "explanation": "token 'olga' = 'olga'\ntoken 'scherbakova' ~ 'scherbatkina'",
                "judgement": "dismissed",
                "judged_by": "Ana Quispe",
                "judged_at": UPDATED,
                "judgement_note": "Different person: born in 1988, the listed one in 1969.",
            }
        ],
        "survey_forms": [
            {
                "id": 1,
                "form_id": "plain_form",
                "version": "1",
                "title": json.dumps({"default": "plain_form"}),
                "default_language": "default",
                "file_name": FORM_FILE.name,
                "sha256": hashlib.sha256(workbook).hexdigest(),
                "workbook": workbook,
                "imported_at": CREATED,
                "imported_by": "Ana Quispe",
            }
        ],
        "survey_responses": [
            {
                "id": 4,
                "uuid": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6",
                "form_pk": 1,
                "status": "submitted",
                "is_anonymous": 0,
                "respondent": "Chidi Peeters",
                "post_name": "Embassy Lima",
                "language": "default",
                "answers": json.dumps({"name": "Chidi Peeters", "age": 41}),
                "page": 0,
                "started_at": CREATED,
                "updated_at": UPDATED,
                "submitted_at": UPDATED,
            }
        ],
        "practices": [
            {
                "id": 2,
                "uuid": "84dd8e0a-dc93-558c-bebb-bd1ac8735d01",
                "version": "49b10a81-85a6-47ea-bd10-1767e0b30561",
                "lineage": "[]",
                "title": "One living wage benchmark for the Peruvian cocoa sector",
                "core_tasks": "2,5",
                "post_name": "Embassy Lima",
                "country": "PE",
                "year": 2021,
                "summary": "Growers and Dutch buyers agreed on **one** benchmark.",
                "context": "Buyers each asked for a different wage figure.",
                "what_was_done": "Three round tables with a neutral facilitator.",
                "what_worked": "Meeting at a farm.",
                "what_did_not": "A launch planned too early.",
                "lessons": "Let the sector own the benchmark.",
                "contact": "lim-ea@example.org",
                "language": "en",
                "status": "published",
                "source_activity_uuid": "0b9c6f1e-3c1a-4c7e-9a57-5d2f4a6b8c01",
            }
            | audit,
        ],
        "practice_themes": [{"practice_id": 2, "code": "living_wage"}],
        "practice_sectors": [{"practice_id": 2, "code": "agriculture_food"}],
        "practice_companies": [{"practice_id": 2, "company_id": 1}],
        "practice_uses": [
            {
                "id": 1,
                "practice_id": 2,
                "post_name": "Embassy Nairobi",
                "user_name": "Hanna Tesfaye",
                "note": "Used for the tea round table.",
                "marked_at": UPDATED,
            }
        ],
        "post_users": [
            {"id": 1, "name": "Ana Quispe", "is_active": 1, "created_at": CREATED},
            {"id": 2, "name": "Luis Paredes", "is_active": 0, "created_at": CREATED},
        ],
        # The annual return's narrative of a year (0016), as the post wrote it.
        "return_narratives": [
            {
                "id": 1,
                "year": 2020,
                "results": "Two sector round tables; a risk scan of the fisheries sector.",
                "obstacles": "Travel was restricted for most of the year.",
                "plans": "",
            }
            | audit
        ],
        # Headquarters' own list of posts (0014), as imported from an edited spreadsheet.
        "hq_posts": [
            {
                "id": 1,
                "position": 1,
                "code": "embassy-nairobi",
                "nl": "Ambassade Nairobi",
                "en": "Embassy Nairobi",
                "kind": "embassy",
                "country": "KE",
                "region": "africa",
                "city_nl": "Nairobi",
                "city_en": "Nairobi",
                "business": "medium",
                "source": "posts.xlsx",
                "imported_at": CREATED,
            }
        ],
        # The annual returns headquarters holds (0016): Nairobi's of 2025, and a refused file.
        "hq_received_returns": [
            {
                "id": 1,
                "file_name": "return-nairobi-2025.xlsx",
                "file_sha256": "a" * 64,
                "post_name": "Embassy Nairobi",
                "year": 2025,
                "status": "accepted",
                "reason": "",
                "received_at": CREATED,
            },
            {
                "id": 2,
                "file_name": "broken.xlsx",
                "file_sha256": "b" * 64,
                "post_name": "",
                "year": None,
                "status": "refused",
                "reason": "not a readable .xlsx workbook",
                "received_at": CREATED,
            },
        ],
        "hq_returns": [
            {
                "id": 1,
                "post_key": "embassy-nairobi",
                "post_name": "Embassy Nairobi",
                "post_code": "embassy-nairobi",
                "year": 2025,
                "written_at": "2026-01-10T09:00:00+00:00",
                "content_sha256": "c" * 64,
                "file_name": "return-nairobi-2025.xlsx",
                "postkit_version": "0.16.0",
                "schema_version": "0015",
                "figures": '{"tasks": [[3, "year", 4, 1, 0, 6, 5, 1, 7, 9, 0]], '
                '"themes": [[3, "living_wage", 4]], "sectors": [], "countries": [["KE", 4]]}',
                "screening": "{}",
                "practices": "[]",
                "narrative": '{"results": "Tea round table held."}',
                "received_at": CREATED,
            },
        ],
    }


def revisions() -> list[str]:
    """The migrations' revisions, oldest first (each file's name starts with its revision)."""
    versions = ROOT / "postkit" / "core" / "db" / "migrations" / "versions"
    return sorted(path.name.split("_", 1)[0] for path in versions.glob("[0-9][0-9][0-9][0-9]_*.py"))


def fixture_path(revision: str) -> Path:
    return HERE / f"post_{revision}.sqlite3"


def make(revision: str, path: Path) -> None:
    from postkit.core.db.database import connect
    from postkit.core.db.migrate import upgrade

    path.unlink(missing_ok=True)
    database = connect(path)
    upgrade(database.engine, revision)
    tables = {
        table: {column["name"] for column in inspect(database.engine).get_columns(table)}
        for table in inspect(database.engine).get_table_names()
    }
    database.dispose()
    with sqlite3.connect(path) as connection:
        # The rows are ordered so that every foreign key points at a row already written.
        for table, rows in _rows().items():
            if table not in tables:
                continue
            for row in rows:
                kept = {name: value for name, value in row.items() if name in tables[table]}
                names = ", ".join(f'"{name}"' for name in kept)
                marks = ", ".join("?" for _ in kept)
                connection.execute(
                    f'INSERT INTO "{table}" ({names}) VALUES ({marks})', list(kept.values())
                )
    connection.close()
    # One file, no write-ahead log beside it, as little free space as possible.
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    # Every table and index takes a page at least: small pages keep the file tens of KB.
    with sqlite3.connect(path, isolation_level=None) as connection:
        connection.execute("PRAGMA page_size=512")
        connection.execute("VACUUM")
    connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="remake the files that exist too")
    args = parser.parse_args()
    for revision in revisions():
        path = fixture_path(revision)
        if path.exists() and not args.all:
            continue
        make(revision, path)
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
