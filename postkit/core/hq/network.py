"""The network picture: the posts' annual returns held at headquarters and aggregated.

`collect_returns` reads return files (`returns.format.read_returns_tables`: the post's own reader
and all its checks, without building the records) into the database: one return per post
and year, found by the list of posts (hq_posts) by code or name. A newer return of the same post
and year (by its `written_at`) replaces the held one; the same content again changes nothing; an
older one is received but not counted (its receipt says why) and undoes nothing. Every file is
recorded in `hq_received_returns`, a refused one with its reason. One run is one transaction:
a cancel (the progress callback raises CancelledError) or an error leaves the database as it was.

`network_picture` aggregates the held returns of a year against the list of posts: the share of
reporting posts active on each core task, activities and unique companies per core task, region,
theme and amount of Dutch business, the year against the year before, the posts without activity
on a core task and the posts missing. Unique companies are each post's own count summed: a return
names no company, so a company two posts supported counts at both.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple

import orjson
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.db.base import utc_now
from postkit.core.db.rows import in_batches
from postkit.core.hq.models import NetworkReturnRow, ReceivedReturnRow
from postkit.core.hq.posts import hq_posts
from postkit.core.hq.workers import die_with, map_sharing_work, worker_count
from postkit.core.reference import Post, PostList, post_name_key
from postkit.core.returns.format import (
    CORE_TASKS,
    CORE_TASKS_COLUMNS,
    CORE_TASKS_SHEET,
    COUNTRIES_SHEET,
    NARRATIVE_SHEET,
    PERIODS,
    PRACTICES_SHEET,
    SCREENING_COLUMNS,
    SCREENING_SHEET,
    SECTORS_SHEET,
    THEMES_SHEET,
    ReturnRejected,
    ReturnTables,
    practice_tasks,
    read_returns_tables,
)
from postkit.core.returns.records import AnnualReturn

Progress = Callable[[int, int], None]
ADDED, REPLACED, UNCHANGED, OUTDATED = "added", "replaced", "unchanged", "outdated"
OUTDATED_REASON = "not counted: a newer return of this post and year is held"
NO_BUSINESS = ""  # a permanent representation, or a post not on the list
TASK_FIGURES = CORE_TASKS_COLUMNS[2:]  # a core task's figures, as the held JSON lists them
_TASK_VALUES = attrgetter(*TASK_FIGURES)
# Where the figures the picture adds up stand in a held core_tasks row (TASK_FIGURES follow
# the core task and the period).
_QUARTER = {period: index for index, period in enumerate(PERIODS[:4])}
_DONE, _PLANNED, _UNIQUE, _WOMEN, _MEN, _OTHER = (
    2 + TASK_FIGURES.index(name)
    for name in ("activities_done", "activities_planned", "unique_companies",
                 "participants_women", "participants_men", "participants_other")
)  # fmt: skip


@dataclass(frozen=True)
class RefusedReturn:
    """A file left out, and why."""

    path: Path
    reason: str
    post: str = ""
    year: int | None = None


@dataclass(frozen=True)
class AcceptedReturn:
    """A return taken in, and what it did to the held one of its post and year."""

    path: Path
    post: str
    year: int
    outcome: str  # ADDED, REPLACED, UNCHANGED or OUTDATED


class StoredReturn(NamedTuple):
    """A read return as headquarters stores it: its meta facts and the stored JSON texts.

    What a reading worker sends back instead of the AnnualReturn: a few strings pickle and
    unpickle at once, a tree of records cost the parent a fifth of the run (it unpickles alone).
    """

    path: Path
    file_sha256: str
    sha256: str
    post: str
    post_code: str
    year: int
    postkit_version: str
    schema_version: str
    written_at: str
    figures: str
    screening: str
    practices: str
    narrative: str


def stored_return(read: AnnualReturn | ReturnTables) -> StoredReturn:
    """`read` as it is stored: the one place the held JSON is made, from the sheets' rows
    (a return read elsewhere as records gives its rows back first)."""
    tables = read.tables if isinstance(read, ReturnTables) else _tables_of(read)
    meta = read.meta if isinstance(read, ReturnTables) else vars(read)
    narrative = {str(section): str(text or "") for section, text in tables[NARRATIVE_SHEET]}
    return StoredReturn(
        read.path, read.file_sha256, str(meta["sha256"]), str(meta["post"]),
        str(meta.get("post_code") or ""), int(meta["year"]), str(meta["postkit_version"]),  # type: ignore[call-overload]
        str(meta["schema_version"]), str(meta["written_at"]), _figures_json(tables),
        _screening_json(tables[SCREENING_SHEET]), _practices_json(tables[PRACTICES_SHEET]),
        json.dumps(narrative, ensure_ascii=False),
    )  # fmt: skip


def _tables_of(read: AnnualReturn) -> dict[str, list[list[object]]]:
    """A return's records as the rows of its sheets, as `ReturnTables` holds them."""
    return {
        CORE_TASKS_SHEET: [
            [line.core_task, line.period, *_TASK_VALUES(line)] for line in read.core_tasks
        ],
        THEMES_SHEET: [[row.core_task, row.code, row.activities] for row in read.themes],
        SECTORS_SHEET: [[row.core_task, row.code, row.activities] for row in read.sectors],
        COUNTRIES_SHEET: [[row.code, row.activities] for row in read.countries],
        SCREENING_SHEET: [
            [row.period, row.requests_received, row.requests_decided, *row.outcomes.values(),
             row.conditions_agreed, row.conditions_met, row.conditions_not_met,
             row.conditions_dropped, row.conditions_open]
            for row in read.screening
        ],
        PRACTICES_SHEET: [
            [entry.title, entry.summary, " ".join(map(str, entry.core_tasks)),
             " ".join(entry.themes), entry.language]
            for entry in read.practices
        ],
        NARRATIVE_SHEET: list(map(list, read.narrative.items())),
    }  # fmt: skip


@dataclass(frozen=True)
class ReturnsReport:
    """What one run did, file by file."""

    accepted: tuple[AcceptedReturn, ...]
    refused: tuple[RefusedReturn, ...]

    def count(self, outcome: str) -> int:
        return sum(1 for item in self.accepted if item.outcome == outcome)


@dataclass(frozen=True)
class TaskLine:
    """The network's figures of one core task in a year."""

    core_task: int
    posts_reporting: int
    posts_active: int
    activities: int
    planned: int
    unique_companies: int
    participants: tuple[int, int, int]  # women, men, other
    quarters: tuple[int, int, int, int]

    @property
    def share_active(self) -> float:
        return self.posts_active / self.posts_reporting if self.posts_reporting else 0.0


@dataclass(frozen=True)
class GroupLine:
    """One core task's figures among the posts of a group (a region or an amount of business)."""

    group: str
    core_task: int
    posts_reporting: int
    posts_active: int
    activities: int
    unique_companies: int

    @property
    def share_active(self) -> float:
        return self.posts_active / self.posts_reporting if self.posts_reporting else 0.0

    @property
    def activities_per_post(self) -> float:
        return self.activities / self.posts_reporting if self.posts_reporting else 0.0


@dataclass(frozen=True)
class CodeLine:
    """Done activities on a theme or sector, per core task 1–5, and in all."""

    code: str
    by_task: tuple[int, int, int, int, int]
    posts: int

    @property
    def activities(self) -> int:
        return sum(self.by_task)


@dataclass(frozen=True)
class Comparison:
    """One core task this year against the year before (None: no return held that year)."""

    core_task: int
    activities: int
    activities_before: int | None
    posts_active: int
    posts_active_before: int | None
    unique_companies: int
    unique_companies_before: int | None


@dataclass(frozen=True)
class YearTotals:
    """A held year at a glance: posts reporting and done activities per core task."""

    year: int
    posts_reporting: int
    activities: tuple[int, int, int, int, int]


@dataclass(frozen=True)
class HeldReturn:
    """A post's return as the picture counts it, with the post's place on the list."""

    post_key: str
    post: str
    region: str
    business: str
    is_listed: bool


@dataclass(frozen=True)
class NetworkPicture:
    """What the posts' returns of `year` say together."""

    year: int
    posts_listed: int
    returns: tuple[HeldReturn, ...]
    tasks: tuple[TaskLine, ...]
    regions: tuple[GroupLine, ...]
    business: tuple[GroupLine, ...]
    themes: tuple[CodeLine, ...]
    sectors: tuple[CodeLine, ...]
    compared: tuple[Comparison, ...]
    returns_before: int
    inactive: dict[int, tuple[str, ...]]  # core task -> posts with no done activity
    missing: tuple[Post, ...]
    years: tuple[YearTotals, ...]
    screening: dict[str, int]  # the year's screening figures, all posts together
    refused: tuple[RefusedReturn, ...] = field(default=())

    @property
    def posts_reporting(self) -> int:
        return len(self.returns)

    @property
    def unlisted(self) -> tuple[str, ...]:
        return tuple(item.post for item in self.returns if not item.is_listed)


def find_return_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files named, and the .xlsx files in the folders named (not their subfolders)."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(
                sorted(
                    child
                    for child in path.iterdir()
                    if child.suffix.lower() == ".xlsx"
                    and not child.name.startswith("~$")
                    and child.is_file()
                )
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def collect_returns(
    session: Session,
    paths: Iterable[str | os.PathLike[str]],
    progress: Progress | None = None,
) -> ReturnsReport:
    """Read each file and hold its return; commits once at the end (see the module's note)."""
    files = find_return_files(paths)
    posts = hq_posts(session)
    read: list[StoredReturn] = []
    received: list[dict[str, object]] = []
    outcomes: list[tuple[Path, StoredReturn | RefusedReturn]] = []
    results = _read_all(files)
    try:
        for done, (path, file_sha256, result) in enumerate(results, 1):
            outcomes.append((path, result))
            if isinstance(result, StoredReturn):
                read.append(result)
                status, post, year, reason = "accepted", result.post, result.year, ""
            else:
                status, post, year, reason = "refused", result.post, result.year, result.reason
            received.append({
                "file_name": path.name[:400], "file_sha256": file_sha256, "post_name": post[:200],
                "year": year, "status": status, "reason": reason, "received_at": utc_now(),
            })  # fmt: skip
            if progress is not None:
                progress(done, len(files))
        outcome = iter(hold_returns(session, read, posts))
        accepted: list[AcceptedReturn] = []
        for row, (path, result) in zip(received, outcomes, strict=True):
            if isinstance(result, StoredReturn):
                accepted.append(AcceptedReturn(path, result.post, result.year, next(outcome)))
                if accepted[-1].outcome == OUTDATED:  # received, not counted: a receipt says so
                    row["reason"] = OUTDATED_REASON
        session.connection().execute(insert(ReceivedReturnRow.__table__), received)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        results.close()  # on a cancel, stops the reading processes at once
    refused = tuple(result for _, result in outcomes if isinstance(result, RefusedReturn))
    return ReturnsReport(tuple(accepted), refused)


def post_key(
    posts: PostList, name: str, code: str, by_code: dict[str, Post] | None = None
) -> tuple[str, Post | None]:
    """The key a post's returns are held under: its code on the list, else its name's key."""
    if by_code is None:
        by_code = {post.code: post for post in posts.posts}
    post = by_code.get(code) if code else None
    post = post or posts.find(name)
    return (post.code, post) if post else (f"name:{post_name_key(name)}", None)


def hold_returns(
    session: Session, returns: Sequence[AnnualReturn | StoredReturn], posts: PostList
) -> list[str]:
    """Hold each return as its post's return of its year, unless the held one (or one earlier
    in `returns`) is newer or the same; the outcome of each, in order. Batched statements."""
    reads = [read if isinstance(read, StoredReturn) else stored_return(read) for read in returns]
    by_code = {post.code: post for post in posts.posts}
    keys = [post_key(posts, read.post, read.post_code, by_code) for read in reads]
    table = NetworkReturnRow.__table__
    held: dict[tuple[str, int], tuple[int | None, str, str]] = {}  # -> id, written_at, sha
    names = sorted({key for key, _ in keys})
    for batch in in_batches(names):
        rows = session.execute(
            select(NetworkReturnRow.id, NetworkReturnRow.post_key, NetworkReturnRow.year,
                   NetworkReturnRow.written_at, NetworkReturnRow.content_sha256)
            .where(NetworkReturnRow.post_key.in_(batch))
        )  # fmt: skip
        for row in rows:
            held[row.post_key, row.year] = (row.id, row.written_at, row.content_sha256)
    outcomes: list[str] = []
    pending: dict[tuple[str, int], int] = {}  # (post key, year) -> index in reads
    replaced: list[int] = []
    for index, (read, (key, _)) in enumerate(zip(reads, keys, strict=True)):
        slot = (key, read.year)
        earlier = held.get(slot)
        if earlier is not None:
            if earlier[2] == read.sha256:
                outcomes.append(UNCHANGED)
                continue
            if earlier[1] > read.written_at:
                outcomes.append(OUTDATED)
                continue
            if earlier[0] is not None:
                replaced.append(earlier[0])
        outcomes.append(ADDED if earlier is None else REPLACED)
        held[slot] = (None, read.written_at, read.sha256)
        pending[slot] = index
    for ids in in_batches(replaced):
        session.execute(delete(NetworkReturnRow).where(NetworkReturnRow.id.in_(ids)))
    if not pending:
        return outcomes
    connection = session.connection()
    stored = [(reads[index], keys[index]) for index in pending.values()]
    now = utc_now()
    return_rows = [
        {
            "post_key": key,
            "post_name": (post.en if post else read.post)[:200],
            "post_code": post.code if post else read.post_code[:100],
            "year": read.year,
            "written_at": read.written_at[:40],
            "content_sha256": read.sha256,
            "file_name": read.path.name[:400],
            "postkit_version": read.postkit_version[:40],
            "schema_version": read.schema_version[:40],
            "figures": read.figures,
            "screening": read.screening,
            "practices": read.practices,
            "narrative": read.narrative,
            "received_at": now,
        }
        for read, (key, post) in stored
    ]
    connection.execute(insert(table), return_rows)
    return outcomes


def _read_all(files: Sequence[Path]) -> Iterator[tuple[Path, str, StoredReturn | RefusedReturn]]:
    """Each file, its SHA-256 and its return or refusal, in order; read in batches
    (`read_returns_tables`) by this process and worker processes together when there are
    enough files (`worker_count`).

    This process reads too (`map_sharing_work`), so workers never leave a core idle: measured
    on 2 cores with 150 returns, this process and one worker read them in 0.8x the time of
    this process alone with the other core busy (0.65x with another process on each core),
    where two workers with this process waiting took 1.25x under such load. So the load
    average no longer decides; the workers send back the stored form (`StoredReturn`).
    Batches of 8, of 2 where this process and the worker meet: with one worker, 150 returns
    were read in 87 ms one by one and in 79-80 ms so (best of 11 and of 15, alternated;
    batches of 4 to 12 and of 1 to 3 in the middle all came within 5 ms of it).
    """
    count = worker_count(len(files))
    if count == 1:
        for start in range(0, len(files), _BATCH):
            yield from _read_batch(files[start : start + _BATCH])
        return
    yield from map_sharing_work(
        _read_batch, files, count - 1, die_with, (os.getpid(),), _BATCH, _MEETING_BATCH
    )


_BATCH = 8
_MEETING_BATCH = 2


def _read_batch(paths: Sequence[Path]) -> list[tuple[Path, str, StoredReturn | RefusedReturn]]:
    """Each file as `_read_all` gives it: every check of read_return, no records built; the
    SHA-256 of the bytes read, or of a refused file read again in chunks (it may be huge)."""
    results: list[tuple[Path, str, StoredReturn | RefusedReturn]] = []
    for path, read in zip(paths, read_returns_tables(paths), strict=True):
        if isinstance(read, ReturnRejected):
            refusal = RefusedReturn(path, read.reason, read.post, read.year)
            results.append((path, _file_sha256(path), refusal))
        else:
            results.append((path, read.file_sha256, stored_return(read)))
    return results


def read_returns(
    session: Session,
    folders: Sequence[str | os.PathLike[str]],
    year: int,
    progress: Progress | None = None,
) -> tuple[ReturnsReport, NetworkPicture]:
    """Hold the returns in `folders` (see `collect_returns`), then the picture of `year`:
    one job's work, in a process of its own."""
    report = collect_returns(session, folders, progress)
    return report, network_picture(session, year, report.refused)


def newest_picture(session: Session) -> NetworkPicture | None:
    """The picture of the newest year of which returns are held (None: none held)."""
    years = held_years(session)
    return network_picture(session, years[0]) if years else None


def held_years(session: Session) -> list[int]:
    """The years of which headquarters holds returns, newest first."""
    return list(
        session.scalars(
            select(NetworkReturnRow.year).distinct().order_by(NetworkReturnRow.year.desc())
        )
    )


def network_picture(
    session: Session, year: int, refused: Sequence[RefusedReturn] = ()
) -> NetworkPicture:
    """The held returns of `year` aggregated against the list of posts (see the module's note)."""
    posts = hq_posts(session)
    listed = {post.code: post for post in posts.posts}
    returns = session.execute(
        select(NetworkReturnRow.post_key, NetworkReturnRow.post_name, NetworkReturnRow.year,
               NetworkReturnRow.figures, NetworkReturnRow.screening)
        .where(NetworkReturnRow.year.in_((year, year - 1)))
    ).all()  # fmt: skip
    held: list[HeldReturn] = []
    for row in returns:
        post = listed.get(row.post_key)
        held.append(
            HeldReturn(
                row.post_key,
                post.en if post else row.post_name,
                post.region if post else "",
                post.business if post else NO_BUSINESS,
                post is not None,
            )
        )
    parsed = [orjson.loads(row.figures) for row in returns]
    figures: dict[tuple[int, int], _TaskFigures] = {}
    for index, content in enumerate(parsed):
        for task, task_figures in _TaskFigures.per_task(content["tasks"]).items():
            figures[index, task] = task_figures
    ordered = sorted(
        (index for index, row in enumerate(returns) if row.year == year),
        key=lambda index: held[index].post.casefold(),
    )
    before = [index for index, row in enumerate(returns) if row.year == year - 1]

    def done(rids: Sequence[int], task: int) -> list[int]:
        return [figures[rid, task].done for rid in rids]

    compared = tuple(
        Comparison(
            task,
            sum(done(ordered, task)),
            sum(done(before, task)) if before else None,
            sum(1 for count in done(ordered, task) if count > 0),
            sum(1 for count in done(before, task) if count > 0) if before else None,
            sum(figures[rid, task].unique for rid in ordered),
            sum(figures[rid, task].unique for rid in before) if before else None,
        )
        for task in CORE_TASKS
    )
    screening: dict[str, int] = defaultdict(int)
    for index in ordered:
        for name, value in orjson.loads(returns[index].screening).get("year", {}).items():
            screening[name] += int(value)
    reported = {held[index].post_key for index in ordered}
    return NetworkPicture(
        year=year,
        posts_listed=len(posts.posts),
        returns=tuple(held[index] for index in ordered),
        tasks=tuple(_task_line(task, ordered, figures) for task in CORE_TASKS),
        regions=_groups(ordered, held, figures, lambda item: item.region, reference.regions()),
        business=_groups(
            ordered, held, figures, lambda item: item.business, reference.business_levels()
        ),
        themes=_codes([parsed[index]["themes"] for index in ordered]),
        sectors=_codes([parsed[index]["sectors"] for index in ordered]),
        compared=compared,
        returns_before=len(before),
        inactive={
            task: tuple(held[rid].post for rid in ordered if figures[rid, task].done == 0)
            for task in CORE_TASKS
        },
        missing=tuple(post for post in posts.posts if post.code not in reported),
        years=year_totals(session, _by_year(returns, parsed)),
        screening=dict(screening),
        refused=tuple(refused),
    )


def _by_year(
    returns: Sequence[Any], parsed: Sequence[Mapping[str, Any]]
) -> dict[int, list[Mapping[str, Any]]]:
    by_year: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
    for row, content in zip(returns, parsed, strict=True):
        by_year[row.year].append(content)
    return by_year


def year_totals(
    session: Session, known: Mapping[int, Sequence[Mapping[str, Any]]] | None = None
) -> tuple[YearTotals, ...]:
    """Every held year, oldest first: posts reporting and done activities per core task.
    `known` holds years whose returns' figures the caller has parsed already (all of them)."""
    known = known or {}
    query = select(NetworkReturnRow.year, NetworkReturnRow.figures)
    if known:
        query = query.where(NetworkReturnRow.year.not_in(tuple(known)))
    figures = [(year, orjson.loads(content)) for year, content in session.execute(query)]
    figures += [(year, content) for year, contents in known.items() for content in contents]
    posts: dict[int, int] = defaultdict(int)
    activities: dict[int, list[int]] = defaultdict(lambda: [0] * len(CORE_TASKS))
    for year, content in figures:
        posts[year] += 1
        for task, period, done, *_ in content["tasks"]:
            if period == "year":
                activities[year][task - 1] += done
    return tuple(
        YearTotals(year, posts[year], tuple(activities[year]))  # type: ignore[arg-type]
        for year in sorted(posts)
    )


class _TaskFigures(NamedTuple):
    """A return's figures of one core task, as the picture adds them up (a named tuple: the
    picture makes five per return, and a frozen dataclass took twice as long to make)."""

    done: int
    planned: int
    unique: int
    participants: tuple[int, int, int]
    quarters: tuple[int, int, int, int]

    @classmethod
    def per_task(cls, rows: Iterable[Sequence[object]]) -> dict[int, _TaskFigures]:
        """Each core task's figures from a return's held rows (core task, period, figures…),
        in one pass over them; a period missing counts nothing, a row repeated counts as
        the last of its core task and period."""
        years: dict[object, Sequence[object]] = {}
        quarters = {task: [0, 0, 0, 0] for task in CORE_TASKS}
        for row in rows:
            task, period = row[0], row[1]
            if period == "year":
                years[task] = row
            elif (quarter := _QUARTER.get(period)) is not None and task in quarters:  # type: ignore[call-overload]
                quarters[task][quarter] = int(row[_DONE])  # type: ignore[call-overload]
        figures = {}
        for task in CORE_TASKS:
            year = years.get(task)
            if year is None:
                figures[task] = cls(0, 0, 0, (0, 0, 0), tuple(quarters[task]))  # type: ignore[arg-type]
                continue
            figures[task] = cls(
                int(year[_DONE]), int(year[_PLANNED]), int(year[_UNIQUE]),  # type: ignore[call-overload]
                (int(year[_WOMEN]), int(year[_MEN]), int(year[_OTHER])),  # type: ignore[call-overload]
                tuple(quarters[task]),  # type: ignore[arg-type]
            )  # fmt: skip
        return figures


def _task_line(
    task: int, rids: Sequence[int], figures: dict[tuple[int, int], _TaskFigures]
) -> TaskLine:
    if not rids:
        return TaskLine(task, 0, 0, 0, 0, 0, (0, 0, 0), (0, 0, 0, 0))
    # Column by column (the line is made for every core task of every group).
    done, planned, unique, participants, quarters = zip(
        *[figures[rid, task] for rid in rids], strict=True
    )
    return TaskLine(
        core_task=task,
        posts_reporting=len(rids),
        posts_active=sum(count > 0 for count in done),
        activities=sum(done),
        planned=sum(planned),
        unique_companies=sum(unique),
        participants=tuple(map(sum, zip(*participants, strict=True))),  # type: ignore[arg-type]
        quarters=tuple(map(sum, zip(*quarters, strict=True))),  # type: ignore[arg-type]
    )


def _groups(
    rids: Sequence[int],
    held: Sequence[HeldReturn],
    figures: dict[tuple[int, int], _TaskFigures],
    group_of: Callable[[HeldReturn], str],
    known: reference.ReferenceList,
) -> tuple[GroupLine, ...]:
    """Each group's lines, in the order of its reference list (posts off the list last)."""
    order = {code: index for index, code in enumerate(known.codes)}
    members: dict[str, list[int]] = defaultdict(list)
    for rid in rids:
        members[group_of(held[rid])].append(rid)
    lines = []
    for group in sorted(members, key=lambda name: (name == "", order.get(name, 0), name)):
        for task in CORE_TASKS:
            line = _task_line(task, members[group], figures)
            lines.append(
                GroupLine(group, task, line.posts_reporting, line.posts_active, line.activities,
                          line.unique_companies)
            )  # fmt: skip
    return tuple(lines)


def _codes(per_return: Sequence[Sequence[Sequence[object]]]) -> tuple[CodeLine, ...]:
    by_task: dict[str, list[int]] = defaultdict(lambda: [0] * len(CORE_TASKS))
    posts: dict[str, int] = defaultdict(int)
    for rows in per_return:
        for code in {str(row[1]) for row in rows}:
            posts[code] += 1
        for task, code, activities in rows:
            by_task[str(code)][int(task) - 1] += int(activities)  # type: ignore[call-overload]
    lines = [
        CodeLine(code, tuple(counts), posts[code])  # type: ignore[arg-type]
        for code, counts in by_task.items()
    ]
    return tuple(sorted(lines, key=lambda line: (-line.activities, line.code)))


def _figures_json(tables: Mapping[str, list[list[object]]]) -> str:
    """The figures held: rows as the return's sheets have them (core task, code, activities)."""
    return orjson.dumps({
        "tasks": tables[CORE_TASKS_SHEET],
        "themes": tables[THEMES_SHEET],
        "sectors": tables[SECTORS_SHEET],
        "countries": tables[COUNTRIES_SHEET],
    }).decode()  # fmt: skip


def _screening_json(rows: list[list[object]]) -> str:
    """Period -> the screening sheet's columns -> number, as the network picture adds them."""
    return orjson.dumps({
        row[0]: dict(zip(SCREENING_COLUMNS[1:], row[1:], strict=True)) for row in rows
    }).decode()  # fmt: skip


def _practices_json(rows: list[list[object]]) -> str:
    return json.dumps(
        [
            {"title": str(title), "summary": str(summary or ""),
             "core_tasks": " ".join(map(str, practice_tasks(tasks))),
             "themes": " ".join(str(themes or "").split()), "language": str(language)}
            for title, summary, tasks, themes, language in rows
        ],
        ensure_ascii=False,
    )  # fmt: skip


def _file_sha256(path: Path) -> str:
    """The file's SHA-256 for its receipt, read in chunks: a refused file may be huge."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as file:
            while chunk := file.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()
