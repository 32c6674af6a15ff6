"""Headquarters holds the posts' annual returns and aggregates them: figures computed by hand
on three posts' returns against a list of four, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from postkit.core.db import Database
from postkit.core.errors import CancelledError
from postkit.core.hq.models import NetworkReturnRow, ReceivedReturnRow
from postkit.core.hq.network import (
    ADDED,
    OUTDATED,
    OUTDATED_REASON,
    REPLACED,
    UNCHANGED,
    StoredReturn,
    _TaskFigures,
    collect_returns,
    held_years,
    hold_returns,
    network_picture,
)
from postkit.core.hq.network_report import write_network_pdf
from postkit.core.hq.posts import hq_posts, import_posts
from postkit.core.hq.receipts import build_receipts
from postkit.core.hq.workers import die_with, map_in_workers, map_sharing_work
from postkit.core.returns.format import FORMAT, ReturnRejected, read_return
from tests.hq_returns_files import return_sheets, write_return_file
from tests.pdf_text import pdf_text

LIST = "\n".join(
    (
        "code,nl,en,kind,country,region,city_nl,city_en,dutch_business",
        "embassy-nairobi,Ambassade Nairobi,Embassy Nairobi,embassy,KE,africa,Nairobi,Nairobi,"
        "medium",
        "embassy-addis-ababa,Ambassade Addis Abeba,Embassy Addis Ababa,embassy,ET,africa,"
        "Addis Abeba,Addis Ababa,low",
        "embassy-beijing,Ambassade Peking,Embassy Beijing,embassy,CN,asia,Peking,Beijing,high",
        "embassy-lima,Ambassade Lima,Embassy Lima,embassy,PE,latin_america_caribbean,Lima,Lima,"
        "medium",
    )
)


def _returns(folder: Path) -> list[Path]:
    """Three posts' returns of 2026 (Lima sends none) and Nairobi's of 2025."""
    return [
        write_return_file(
            folder / "nairobi-2026.xlsx", "Embassy Nairobi", 2026, post_code="embassy-nairobi",
            done={1: [1, 0, 0, 1], 2: [0, 2, 1, 0], 3: [1, 1, 1, 1]}, companies={2: 5, 3: 3},
            themes={(2, "living_wage"): 3, (3, "living_wage"): 2, (3, "gender"): 2},
        ),
        # Found on the list by its Dutch name: no code in the file.
        write_return_file(
            folder / "addis-2026.xlsx", "Ambassade Addis Abeba", 2026,
            done={1: [1, 0, 0, 0], 5: [0, 0, 2, 0]}, themes={(5, "gender"): 2},
        ),
        write_return_file(
            folder / "beijing-2026.xlsx", "Embassy Beijing", 2026, post_code="embassy-beijing",
            done={2: [2, 0, 0, 0], 3: [3, 3, 0, 0], 4: [1, 1, 1, 0]},
            companies={2: 4, 3: 10, 4: 3}, themes={(3, "living_wage"): 6}, requests=3,
        ),
        write_return_file(
            folder / "nairobi-2025.xlsx", "Embassy Nairobi", 2025, post_code="embassy-nairobi",
            done={3: [1, 0, 0, 0]}, companies={3: 2},
        ),
    ]  # fmt: skip


@pytest.fixture
def list_of_four(hq_database: Database, tmp_path: Path) -> Database:
    (tmp_path / "posts.csv").write_text(LIST, encoding="utf-8")
    with hq_database.session() as session:
        import_posts(session, tmp_path / "posts.csv")
    return hq_database


def test_the_network_figures_are_the_returns_added_up_by_hand(
    list_of_four: Database, tmp_path: Path
) -> None:
    with list_of_four.session() as session:
        report = collect_returns(session, _returns(tmp_path))
        assert [item.outcome for item in report.accepted] == [ADDED] * 4
        picture = network_picture(session, 2026)

    assert picture.posts_listed == 4 and picture.posts_reporting == 3
    tasks = {line.core_task: line for line in picture.tasks}
    assert [(t.posts_active, t.activities, t.unique_companies) for t in picture.tasks] == [
        (2, 3, 0), (2, 5, 9), (2, 10, 13), (1, 3, 3), (1, 2, 0),
    ]  # fmt: skip
    assert tasks[1].share_active == pytest.approx(2 / 3)
    assert tasks[2].quarters == (2, 2, 1, 0)
    assert tasks[3].participants == (20, 30, 0)

    regions = {(line.group, line.core_task): line for line in picture.regions}
    assert (regions["africa", 1].posts_reporting, regions["africa", 1].posts_active) == (2, 2)
    assert (regions["africa", 3].posts_active, regions["africa", 3].activities) == (1, 4)
    assert (regions["asia", 3].activities, regions["asia", 3].unique_companies) == (6, 10)
    # Groups in the reference lists' order: low, medium, high Dutch business.
    assert [line.group for line in picture.business][::5] == ["low", "medium", "high"]
    assert [line.group for line in picture.regions][::5] == ["africa", "asia"]
    business = {(line.group, line.core_task): line for line in picture.business}
    assert (business["high", 4].share_active, business["high", 4].activities) == (1.0, 3)
    assert business["medium", 4].share_active == 0.0
    assert business["medium", 3].activities_per_post == 4.0
    assert (business["low", 5].posts_active, business["low", 5].activities) == (1, 2)

    assert [(t.code, t.by_task, t.activities, t.posts) for t in picture.themes] == [
        ("living_wage", (0, 3, 8, 0, 0), 11, 2),
        ("gender", (0, 0, 2, 0, 2), 4, 2),
    ]
    assert picture.inactive[1] == ("Embassy Beijing",)
    assert picture.inactive[4] == ("Embassy Addis Ababa", "Embassy Nairobi")
    assert picture.inactive[5] == ("Embassy Beijing", "Embassy Nairobi")
    assert [post.code for post in picture.missing] == ["embassy-lima"]
    assert picture.screening["requests_received"] == 3

    compared = {line.core_task: line for line in picture.compared}
    assert picture.returns_before == 1
    assert (compared[3].activities, compared[3].activities_before) == (10, 1)
    assert (compared[3].posts_active, compared[3].posts_active_before) == (2, 1)
    assert (compared[3].unique_companies, compared[3].unique_companies_before) == (13, 2)
    assert (compared[1].activities, compared[1].activities_before) == (3, 0)
    assert [(y.year, y.posts_reporting, y.activities) for y in picture.years] == [
        (2025, 1, (0, 0, 1, 0, 0)),
        (2026, 3, (3, 5, 10, 3, 2)),
    ]


def test_a_returns_figures_per_core_task_are_read_in_one_pass_over_its_rows() -> None:
    # (core task, period, done, planned, cancelled, unique, named, unnamed, women, men, other)
    rows = [
        [1, "Q1", 2, 0, 0, 1, 1, 0, 5, 4, 0],
        [1, "year", 3, 1, 0, 2, 2, 0, 9, 8, 1],
        [1, "Q3", 1, 0, 0, 1, 1, 0, 4, 4, 1],
        [2, "Q2", 4, 0, 0, 3, 3, 0, 0, 0, 0],  # no year row: its quarters count, nothing else
        [3, "year", 1, 0, 0, 1, 1, 0, 1, 1, 0],
        [3, "year", 6, 2, 1, 5, 4, 1, 10, 12, 2],  # repeated: the last counts
        [9, "year", 7, 0, 0, 7, 7, 0, 0, 0, 0],  # no such core task
        [4, "Q5", 7, 0, 0, 7, 7, 0, 0, 0, 0],  # no such period
    ]

    figures = _TaskFigures.per_task(rows)

    assert list(figures) == [1, 2, 3, 4, 5]
    assert figures[1] == (3, 1, 2, (9, 8, 1), (2, 0, 1, 0))
    assert figures[2] == (0, 0, 0, (0, 0, 0), (0, 4, 0, 0))
    assert figures[3] == (6, 2, 5, (10, 12, 2), (0, 0, 0, 0))
    assert figures[4] == figures[5] == (0, 0, 0, (0, 0, 0), (0, 0, 0, 0))


def test_a_year_without_a_year_before_compares_with_nothing(
    list_of_four: Database, tmp_path: Path
) -> None:
    with list_of_four.session() as session:
        collect_returns(session, _returns(tmp_path)[:3])
        picture = network_picture(session, 2026)
    assert picture.returns_before == 0
    assert all(line.activities_before is None for line in picture.compared)


def test_a_newer_return_of_a_post_and_year_replaces_the_held_one_and_an_older_does_not(
    list_of_four: Database, tmp_path: Path
) -> None:
    first = write_return_file(
        tmp_path / "a.xlsx", "Embassy Lima", 2026, written_at="2027-01-10T09:00:00+00:00",
        done={2: [1, 0, 0, 0]},
    )  # fmt: skip
    newer = write_return_file(
        tmp_path / "b.xlsx", "Embassy Lima", 2026, written_at="2027-01-20T09:00:00+00:00",
        done={2: [1, 1, 1, 0]},
    )  # fmt: skip
    with list_of_four.session() as session:
        assert collect_returns(session, [first]).accepted[0].outcome == ADDED
        assert collect_returns(session, [newer]).accepted[0].outcome == REPLACED
        assert collect_returns(session, [first]).accepted[0].outcome == OUTDATED
        assert collect_returns(session, [newer]).accepted[0].outcome == UNCHANGED
        assert session.scalar(select(func.count()).select_from(NetworkReturnRow)) == 1
        picture = network_picture(session, 2026)
        received = session.execute(
            select(ReceivedReturnRow.status, ReceivedReturnRow.reason).order_by(
                ReceivedReturnRow.id
            )
        ).all()
        assert [tuple(row) for row in received] == [
            ("accepted", ""), ("accepted", ""), ("accepted", OUTDATED_REASON), ("accepted", ""),
        ]  # fmt: skip
    assert picture.tasks[1].activities == 3
    assert held_years_of(list_of_four) == [2026]


def held_years_of(database: Database) -> list[int]:
    with database.session() as session:
        return held_years(session)


def test_several_years_are_kept_side_by_side(list_of_four: Database, tmp_path: Path) -> None:
    paths = [
        write_return_file(tmp_path / f"{year}.xlsx", "Embassy Lima", year, done={1: [year - 2020]})
        for year in (2023, 2024, 2025)
    ]
    with list_of_four.session() as session:
        collect_returns(session, paths)
        picture = network_picture(session, 2025)
    assert held_years_of(list_of_four) == [2025, 2024, 2023]
    assert [(y.year, y.activities[0]) for y in picture.years] == [(2023, 3), (2024, 4), (2025, 5)]


def test_refused_files_are_recorded_with_their_reason_and_left_out(
    list_of_four: Database, tmp_path: Path
) -> None:
    changed = write_return_file(tmp_path / "changed.xlsx", "Embassy Lima", 2026, sha256="0" * 64)
    (tmp_path / "notes.xlsx").write_bytes(b"not a workbook")
    sheets = return_sheets(done={1: [1, 0, 0, 0]})
    sheets["core_tasks"][0][2] = "many"
    wrong = write_return_file(tmp_path / "wrong.xlsx", "Embassy Lima", 2026, sheets=sheets)
    far = write_return_file(tmp_path / "far.xlsx", "Embassy Lima", 2026)
    workbook = load_workbook(far)  # a duration past Python's range: calamine cannot give it
    workbook["meta"].cell(20, 2, 1e20).number_format = "[h]:mm:ss"
    workbook.save(far)
    with list_of_four.session() as session:
        report = collect_returns(session, [changed, tmp_path / "notes.xlsx", wrong, far])
        rows = session.execute(
            select(ReceivedReturnRow.file_name, ReceivedReturnRow.status, ReceivedReturnRow.reason)
        ).all()
        assert network_picture(session, 2026).posts_reporting == 0
    reasons = {item.path.name: item.reason for item in report.refused}
    assert "checksum does not match" in reasons["changed.xlsx"]
    assert "a date or duration" in reasons["far.xlsx"]
    assert (
        "core_tasks sheet, row 2, activities_done: 'many' is not a whole number"
        in reasons["wrong.xlsx"]
    )
    assert reasons["notes.xlsx"]
    assert {(name, status) for name, status, _ in rows} == {
        ("changed.xlsx", "refused"), ("notes.xlsx", "refused"), ("wrong.xlsx", "refused"),
        ("far.xlsx", "refused"),
    }  # fmt: skip
    assert (report.refused[0].post, report.refused[0].year) == ("Embassy Lima", 2026)


def test_a_return_from_a_post_not_on_the_list_counts_and_is_named(
    list_of_four: Database, tmp_path: Path
) -> None:
    path = write_return_file(tmp_path / "x.xlsx", "Embassy Atlantis", 2026, done={5: [1, 0, 0, 0]})
    with list_of_four.session() as session:
        collect_returns(session, [path])
        picture = network_picture(session, 2026)
    assert picture.unlisted == ("Embassy Atlantis",)
    assert picture.tasks[4].activities == 1
    assert len(picture.missing) == 4


def test_a_cancelled_run_holds_nothing(list_of_four: Database, tmp_path: Path) -> None:
    paths = _returns(tmp_path)

    def cancel_after_two(done: int, total: int) -> None:
        if done == 2:
            raise CancelledError()

    with list_of_four.session() as session:
        with pytest.raises(CancelledError):
            collect_returns(session, paths, cancel_after_two)
        assert session.scalar(select(func.count()).select_from(NetworkReturnRow)) == 0
        assert session.scalar(select(func.count()).select_from(ReceivedReturnRow)) == 0


def test_a_return_missing_a_core_task_row_is_refused(tmp_path: Path) -> None:
    sheets = return_sheets()
    del sheets["core_tasks"][7]
    path = write_return_file(tmp_path / "short.xlsx", "Embassy Lima", 2026, sheets=sheets)
    with pytest.raises(ReturnRejected, match="no row for core task 2 Q3"):
        read_return(path)


def test_receipts_name_each_return_file_received_with_its_outcome(
    list_of_four: Database, tmp_path: Path
) -> None:
    good = write_return_file(tmp_path / "lima.xlsx", "Embassy Lima", 2026, done={2: [1]})
    changed = write_return_file(tmp_path / "lima-2.xlsx", "Embassy Lima", 2026, sha256="3" * 64)
    with list_of_four.session() as session:
        collect_returns(session, [good, changed])
        batch = build_receipts(session)
    (receipt,) = batch.receipts
    assert receipt.post == "Embassy Lima"
    entries = {entry.file_name: entry for entry in receipt.entries}
    assert entries["lima.xlsx"].file_sha256 == hashlib.sha256(good.read_bytes()).hexdigest()
    assert (entries["lima.xlsx"].status, entries["lima.xlsx"].form_id) == ("accepted", FORMAT)
    assert entries["lima.xlsx"].version == "2026"
    assert entries["lima-2.xlsx"].status == "refused"
    assert "checksum does not match" in entries["lima-2.xlsx"].reason


def test_the_report_wraps_a_refusal_reason_within_the_page(
    list_of_four: Database, tmp_path: Path
) -> None:
    good = write_return_file(tmp_path / "quito.xlsx", "Embassy Lima", 2026, done={2: [1]})
    changed = write_return_file(tmp_path / "lima.xlsx", "Embassy Lima", 2026, sha256="5" * 64)
    with list_of_four.session() as session:
        report = collect_returns(session, [good, changed])
        picture = network_picture(session, 2026, report.refused)
    pdf = write_network_pdf(picture, tmp_path / "network.pdf")

    page = PdfReader(pdf).pages[-1]
    width = float(page.mediabox.width)
    placed: list[tuple[float, str]] = []
    page.extract_text(
        visitor_text=lambda text, cm, tm, *_: placed.append((tm[4] * cm[0] + cm[4], text))
    )
    reason_parts = [(x, text) for x, text in placed if text.strip() and "checksum" in text]
    assert reason_parts, placed
    assert all(0 <= x < width for x, _ in placed if _.strip()), [
        (x, text) for x, text in placed if text.strip() and not 0 <= x < width
    ]


def test_a_year_of_refused_files_only_gets_its_report(
    list_of_four: Database, tmp_path: Path
) -> None:
    changed = write_return_file(tmp_path / "lima.xlsx", "Embassy Lima", 2026, sha256="5" * 64)
    with list_of_four.session() as session:
        report = collect_returns(session, [changed])
        picture = network_picture(session, 2026, report.refused)

    text = pdf_text(write_network_pdf(picture, tmp_path / "network.pdf"))

    assert "0 of the 4 posts on the list sent their annual return for 2026" in text
    assert "Posts missing (4)" in text and "Files refused (1)" in text


@pytest.mark.parametrize("load", [0.2, 1.6, 3.0])
def test_returns_are_read_together_with_a_worker_whatever_the_load(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, load: float
) -> None:
    """This process reads its share too, so a worker leaves no core idle even under load."""
    from postkit.core.hq import network, workers

    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(network.os, "getloadavg", lambda: (load, load, load), raising=False)
    shared: list[int] = []

    def sharing(work, items, count, *_):  # type: ignore[no-untyped-def]
        shared.append(count)
        return iter(work(items))

    monkeypatch.setattr(network, "map_sharing_work", sharing)
    results = list(network._read_all(_returns(tmp_path) * 4))
    assert shared == [1] and len(results) == 16


def _held_rows(session: Session) -> list[tuple[object, ...]]:
    table = NetworkReturnRow.__table__
    columns = [column for column in table.columns if column.name not in ("id", "received_at")]
    return [
        tuple(row)
        for row in session.execute(select(*columns).order_by(table.c.post_key, table.c.year))
    ]


def test_a_return_read_in_a_worker_is_held_as_one_read_here(
    list_of_four: Database, tmp_path: Path
) -> None:
    """Workers send back the stored form of a return, not the return: the rows held from it
    are the rows held from the return read in this process (as the ten-year benchmark holds)."""
    from postkit.core.hq import network

    paths = _returns(tmp_path)
    sheets = return_sheets(done={1: [1, 0, 0, 0]}, narrative={"results": "Één\nregel"})
    sheets["practices"] = [["Titel", "", " 1  3 ", "gender  living_wage", "nl"]]
    paths.append(write_return_file(tmp_path / "lima.xlsx", "Embassy Lima", 2026, sheets=sheets))
    parent = os.getpid()
    alone = [[path] for path in paths]  # a batch of one each, each read in a worker
    batches = map_in_workers(network._read_batch, alone, 2, die_with, (parent,))
    in_workers = [result for batch in batches for result in batch]
    with list_of_four.session() as session:
        posts = hq_posts(session)
        hold_returns(session, [result for _, _, result in in_workers], posts)
        from_workers = _held_rows(session)
        session.rollback()
        hold_returns(session, [read_return(path) for path in paths], posts)
        here = _held_rows(session)
        session.rollback()
    assert all(isinstance(result, StoredReturn) for _, _, result in in_workers)
    assert len(from_workers) == 5 and from_workers == here
    practices = {row[0]: row for row in here}["embassy-lima"]
    assert '"core_tasks": "1 3"' in " ".join(map(str, practices))


def _each_slow_pid(items: list[int]) -> list[tuple[int, int]]:
    time.sleep(0.05 * len(items))  # long enough that the worker starts before this one is done
    return [(item, os.getpid()) for item in items]


def test_reading_is_shared_between_this_process_and_a_worker_in_order() -> None:
    results = list(map_sharing_work(_each_slow_pid, list(range(40)), 1, die_with, (os.getpid(),)))
    assert [item for item, _ in results] == list(range(40))
    readers = {pid for _, pid in results}
    assert os.getpid() in readers and len(readers) == 2


@pytest.mark.parametrize("count", [0, 1, 2, 5, 16, 17, 150, 1501])
def test_the_shared_chunks_take_every_item_once_short_in_the_middle(count: int) -> None:
    from postkit.core.hq.workers import _cuts

    for size, middle in ((4, 1), (8, 2)):
        cuts = _cuts(count, size, middle)
        assert [item for start, end in cuts for item in range(start, end)] == list(range(count))
        meeting = [end - start for start, end in cuts if count // 3 <= start < count - count // 3]
        assert all(length <= middle for length in meeting)
        assert max((end - start for start, end in cuts), default=size) <= size


def test_many_returns_are_read_in_a_jobs_process(list_of_four: Database, tmp_path: Path) -> None:
    """The app reads returns in a job's process of its own, which may have no children of
    its own: it reads them itself, however many."""
    from postkit.core.hq.network import read_returns
    from postkit.core.hq.workers import PARALLEL_FROM_FILES
    from postkit.core.processes import DatabaseAddress, run_in_process, session_call_with_progress

    folder = tmp_path / "returns"
    folder.mkdir()
    for copy in range(PARALLEL_FROM_FILES // 4 + 1):
        for path in _returns(tmp_path / f"copy-{copy}"):
            path.rename(folder / f"{copy}-{path.name}")
    work = session_call_with_progress(read_returns, [folder], 2026)
    report, picture = run_in_process(DatabaseAddress.of(list_of_four), work)
    assert len(report.accepted) == 4 * (PARALLEL_FROM_FILES // 4 + 1) and not report.refused
    assert picture.posts_reporting == 3
    assert held_years_of(list_of_four) == [2026, 2025]
