"""Collecting exports into the headquarters store, on SQLite and (when set up) PostgreSQL."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from postkit.core.db import Database
from postkit.core.errors import CancelledError
from postkit.core.hq.demo_exports import write_demo_exports
from postkit.core.hq.models import CollectedResponseRow, ReceivedExportRow
from postkit.core.hq.service import collect_exports
from postkit.core.hq.summary import Summary, build_summary, write_summary_xlsx
from postkit.core.surveys.export import responses_digest
from postkit.core.surveys.forms import Form
from postkit.core.surveys.service import shipped_surveys_dir
from postkit.core.surveys.xlsform import load_form


@pytest.fixture(scope="module")
def form() -> Form:
    return load_form(shipped_surveys_dir() / "imvo_guidelines_evaluation.xlsx")


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_demo_exports(tmp_path_factory.mktemp("exports"), posts=5, responses=8)


def _count(database: Database, row: type) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(row)) or 0


def _bad_files(folder: Path, good: Path) -> dict[str, Path]:
    folder.mkdir()
    (folder / "notes.xlsx").write_text("not a workbook")
    forged = folder / "forged.xlsx"
    workbook = load_workbook(good)
    sheet = workbook["responses"]
    column = [cell.value for cell in sheet[1]].index("user_overall") + 1
    sheet.cell(2, column).value = "1" if sheet.cell(2, column).value != "1" else "5"
    workbook.save(forged)
    return {"notes": folder / "notes.xlsx", "forged": forged}


def test_bad_files_are_listed_and_left_out_while_the_rest_aggregates(
    hq_database: Database, form: Form, exports: list[Path], tmp_path: Path
) -> None:
    bad = _bad_files(tmp_path / "bad", exports[0])
    with hq_database.session() as session:
        report = collect_exports(session, [*exports[1:], tmp_path / "bad"], form)
    refused = {refusal.path.name: refusal.reason for refusal in report.refused}
    assert refused == {
        "notes.xlsx": "not an .xlsx workbook",
        "forged.xlsx": "the checksum does not match: the responses differ from the SHA-256 "
        "in the meta sheet (the file was damaged or edited after the export)",
    }
    assert [refusal.post for refusal in report.refused if refusal.path == bad["forged"]] == [
        report_post(exports[0], form)
    ]
    assert report.added == 4 * 8 and report.has_refusals
    assert _count(hq_database, CollectedResponseRow) == 32
    with hq_database.session() as session:
        statuses = sorted(session.scalars(select(ReceivedExportRow.status)))
        summary = build_summary(session, form)
    assert statuses == ["accepted"] * 4 + ["refused"] * 2
    # The post whose only file was refused is missing; the four counted are not.
    assert report_post(exports[0], form) in summary.missing_posts
    assert not {report_post(path, form) for path in exports[1:]} & set(summary.missing_posts)
    assert {receipt.file for receipt in summary.refused_files} == {str(p) for p in bad.values()}


def _comments(summary: Summary) -> list[str]:
    return [a.text for q in summary.open_questions if q.name == "comments" for a in q.answers]


def report_post(path: Path, form: Form) -> str:
    from postkit.core.hq.reading import read_export

    return read_export(path, form).post


def test_reimporting_the_same_export_changes_nothing(
    hq_database: Database, form: Form, exports: list[Path]
) -> None:
    with hq_database.session() as session:
        first = collect_exports(session, exports, form)
        second = collect_exports(session, exports, form)
        summary = build_summary(session, form)
    assert (first.added, first.unchanged) == (40, 0)
    assert (second.added, second.unchanged, second.replaced) == (0, 40, 0)
    assert _count(hq_database, CollectedResponseRow) == 40
    assert summary.responses == 40
    assert [post.responses for post in summary.posts] == [8] * 5


def _newer_export(source: Path, target: Path) -> tuple[Path, str]:
    """The same post's export a day later, with the first response's comment changed."""
    workbook = load_workbook(source)
    sheet = workbook["responses"]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(2, header.index("comments") + 1).value = "Changed my mind: shorter, please."
    changed_uuid = sheet.cell(2, 1).value
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    for row in workbook["meta"].iter_rows(min_row=2):
        if row[0].value == "sha256":
            row[1].value = responses_digest(rows[0], rows[1:])
        if row[0].value == "exported_at":
            row[1].value = "2026-07-01T09:00:00Z"
    workbook.save(target)
    return target, str(changed_uuid)


def test_a_newer_export_replaces_changed_responses_and_says_so(
    hq_database: Database, form: Form, exports: list[Path], tmp_path: Path
) -> None:
    newer, changed_uuid = _newer_export(exports[2], tmp_path / "newer.xlsx")
    with hq_database.session() as session:
        collect_exports(session, exports, form)
        report = collect_exports(session, [newer], form)
        again_old = collect_exports(session, [exports[2]], form)
        summary = build_summary(session, form)
    assert (report.added, report.replaced, report.unchanged) == (0, 1, 7)
    assert [replaced.uuid for replaced in report.replaced_responses] == [changed_uuid]
    # Reading the older file again keeps the newer answer and does not count twice.
    assert (again_old.replaced, again_old.outdated, again_old.unchanged) == (0, 1, 7)
    assert summary.responses == 40
    assert "Changed my mind: shorter, please." in _comments(summary)


def test_a_cancel_leaves_the_store_as_it_was(
    hq_database: Database, form: Form, exports: list[Path]
) -> None:
    def cancel_after_two(done: int, total: int) -> None:
        if done == 2:
            raise CancelledError()

    with hq_database.session() as session, pytest.raises(CancelledError):
        collect_exports(session, exports, form, progress=cancel_after_two)
    assert _count(hq_database, CollectedResponseRow) == 0
    assert _count(hq_database, ReceivedExportRow) == 0


def test_files_in_folders_are_found_recursively_and_progress_is_reported(
    hq_database: Database, form: Form, exports: list[Path], tmp_path: Path
) -> None:
    nested = tmp_path / "inbox" / "week 27"
    nested.mkdir(parents=True)
    for path in exports[:3]:
        shutil.copy(path, nested / path.name)
    (nested / "~$lockfile.xlsx").write_text("")
    calls: list[tuple[int, int]] = []
    with hq_database.session() as session:
        report = collect_exports(
            session, [tmp_path / "inbox"], form, progress=lambda *c: calls.append(c)
        )
    assert report.files == 3 and not report.refused
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_the_summary_workbook_has_a_posts_sheet_with_responses(
    hq_database: Database, form: Form, exports: list[Path], tmp_path: Path
) -> None:
    with hq_database.session() as session:
        collect_exports(session, exports, form)
        summary = build_summary(session, form)
    out = tmp_path / "summary.xlsx"
    write_summary_xlsx(summary, out)
    workbook = load_workbook(out, read_only=True)
    for name in ("posts", "likert", "likert_by_region", "likert_by_business", "selects",
                 "open_answers", "missing_posts", "refused_files"):  # fmt: skip
        assert name in workbook.sheetnames
    rows = list(workbook["posts"].iter_rows(values_only=True))
    header = list(rows[0])
    assert "responses" in header
    counts = {row[0]: row[header.index("responses")] for row in rows[1:]}
    assert counts == {post.post: 8 for post in summary.posts}
    assert all(isinstance(value, int) for value in counts.values())
    likert = list(workbook["likert"].iter_rows(values_only=True))
    share = likert[0].index("share_agreeing")
    assert all(isinstance(row[share], float) for row in likert[1:])
    workbook.close()


def test_an_older_and_a_newer_export_in_one_run_keep_the_newer_answers(
    hq_database: Database, form: Form, exports: list[Path], tmp_path: Path
) -> None:
    newer, _uuid = _newer_export(exports[2], tmp_path / "newer.xlsx")
    with hq_database.session() as session:
        report = collect_exports(session, [newer, exports[2]], form)
        summary = build_summary(session, form)
    assert (report.added, report.outdated, report.unchanged) == (8, 1, 7)
    assert summary.responses == 8
    assert "Changed my mind: shorter, please." in _comments(summary)


def test_stored_responses_read_back_as_they_were_written(
    hq_database: Database, form: Form, exports: list[Path]
) -> None:
    with hq_database.session() as session:
        report = collect_exports(session, exports[:2], form)
        rows = session.execute(
            select(CollectedResponseRow, ReceivedExportRow).join(
                ReceivedExportRow, CollectedResponseRow.export_id == ReceivedExportRow.id
            )
        ).all()

    assert len(rows) == report.added > 0
    for response, receipt in rows:
        assert response.received_at == receipt.received_at
        assert response.received_at.utcoffset() is not None
        assert (response.post_name, response.form_id) == (receipt.post_name, form.form_id)
        assert json.loads(response.values)["_uuid"] == response.uuid


def test_only_the_time_of_receipt_needs_converting_when_stored_on_sqlite() -> None:
    # The SQLite inserts pass every other value to the driver as it is.
    from sqlalchemy.dialects import sqlite

    from postkit.core.hq.service import _RECEIPT_COLUMNS, _RESPONSE_COLUMNS

    dialect = sqlite.dialect()
    for row, columns in (
        (CollectedResponseRow, _RESPONSE_COLUMNS),
        (ReceivedExportRow, _RECEIPT_COLUMNS),
    ):
        table = row.__table__
        converting = {
            column.name
            for column in table.columns
            if column.type.bind_processor(dialect) is not None
        }
        assert converting == {"received_at"}
        assert set(columns) | {"id", "received_at"} == {c.name for c in table.columns}


def test_the_summary_from_the_answers_just_read_equals_one_read_from_the_store(
    hq_database: Database,
    form: Form,
    exports: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from postkit.core.hq import summary as summary_module

    newer, _changed_uuid = _newer_export(exports[2], tmp_path / "newer.xlsx")
    parsed: list[str] = []
    real_loads = summary_module.orjson.loads

    def counting_loads(text: str) -> object:
        parsed.append(text)
        return real_loads(text)

    with hq_database.session() as session:
        collect_exports(session, exports[:3], form)  # stored before: read from the store
        session.commit()
        monkeypatch.setattr(summary_module.orjson, "loads", counting_loads)
        # newer replaces one response of exports[2]; exports[2] itself is outdated or
        # unchanged; exports[3] and exports[4] are new; exports[3] twice in one run
        report, fast = summary_module.collect_and_summarise(
            session, [newer, exports[2], exports[3], exports[3], exports[4]], form
        )
        parsed_fast = len(parsed)
        slow = build_summary(session, form)

    assert (report.added, report.replaced, report.outdated) == (16, 1, 1)
    assert report.answers is None  # not kept past the summary
    assert parsed_fast == 3 * 8 - 1  # the stored responses the run did not replace
    assert len(parsed) == parsed_fast + 5 * 8  # read from the store: every response
    assert replace(fast, built_at=slow.built_at) == slow
    assert fast.responses == 5 * 8
    assert "Changed my mind: shorter, please." in _comments(fast)


def test_a_response_missing_from_the_answers_kept_is_read_from_the_store(
    hq_database: Database, form: Form, exports: list[Path]
) -> None:
    from postkit.core.hq.service import StoredAnswers
    from postkit.core.hq.summary import summary_columns

    with hq_database.session() as session:
        report = collect_exports(session, exports[:2], form, answers_of=summary_columns(form))
        assert report.answers is not None
        by_export = {key: dict(value) for key, value in report.answers.by_export.items()}
        first = next(iter(by_export))
        del by_export[first][next(iter(by_export[first]))]
        partial = StoredAnswers(report.answers.columns, by_export)
        other_columns = StoredAnswers(report.answers.columns[1:], report.answers.by_export)
        summaries = [
            build_summary(session, form, stored_answers=answers)
            for answers in (partial, other_columns, None)
        ]
    built_at = summaries[-1].built_at
    assert [replace(summary, built_at=built_at) for summary in summaries] == [summaries[-1]] * 3
    assert summaries[0].responses == 2 * 8
