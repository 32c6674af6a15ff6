"""The network picture: the posts' annual returns held at headquarters and aggregated.

`collect_returns` reads return files (returns_reading) into the database: one return per post
and year, found by the list of posts (hq_posts) by code or name. A newer return of the same post
and year (by its `written_at`) replaces the held one; the same content again changes nothing; an
older one is recorded as outdated and undoes nothing. Every file is recorded in
`hq_received_returns`, a refused one with its reason. One run is one transaction: a cancel (the
progress callback raises CancelledError) or an error leaves the database as it was.

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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from postkit.core.hq.models import (
    NetworkCountRow,
    NetworkReturnRow,
    NetworkTaskRow,
    ReceivedReturnRow,
)
from postkit.core.hq.posts import hq_posts
from postkit.core.hq.returns_reading import (
    CORE_TASKS,
    TASK_FIGURES,
    ReturnFile,
    ReturnRefused,
    read_return_file,
)
from postkit.core.reference import Post, PostList, post_name_key

Progress = Callable[[int, int], None]
ADDED, REPLACED, UNCHANGED, OUTDATED = "added", "replaced", "unchanged", "outdated"
NO_BUSINESS = ""  # a permanent representation, or a post not on the list


@dataclass(frozen=True)
class RefusedReturn:
    """A file left out, and why."""

    path: Path
    reason: str
    post: str = ""


@dataclass(frozen=True)
class AcceptedReturn:
    """A return taken in, and what it did to the held one of its post and year."""

    path: Path
    post: str
    year: int
    outcome: str  # ADDED, REPLACED, UNCHANGED or OUTDATED


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
    accepted: list[AcceptedReturn] = []
    refused: list[RefusedReturn] = []
    try:
        for done, path in enumerate(files, 1):
            try:
                read = read_return_file(path)
            except ReturnRefused as error:
                refused.append(RefusedReturn(path, error.reason, error.post))
                _record(session, path, error.post, error.year, "refused", error.reason)
            else:
                outcome = hold_return(session, read, posts)
                accepted.append(AcceptedReturn(path, read.post, read.year, outcome))
                status = OUTDATED if outcome == OUTDATED else "accepted"
                _record(session, path, read.post, read.year, status, "")
            if progress is not None:
                progress(done, len(files))
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return ReturnsReport(tuple(accepted), tuple(refused))


def post_key(posts: PostList, name: str, code: str) -> tuple[str, Post | None]:
    """The key a post's returns are held under: its code on the list, else its name's key."""
    by_code = {post.code: post for post in posts.posts}
    post = by_code.get(code) if code else None
    post = post or posts.find(name)
    return (post.code, post) if post else (f"name:{post_name_key(name)}", None)


def hold_return(session: Session, read: ReturnFile, posts: PostList) -> str:
    """Hold `read` as its post's return of its year, unless the held one is newer or the same."""
    key, post = post_key(posts, read.post, read.post_code)
    held = session.execute(
        select(NetworkReturnRow.id, NetworkReturnRow.written_at, NetworkReturnRow.content_sha256)
        .where(NetworkReturnRow.post_key == key, NetworkReturnRow.year == read.year)
    ).one_or_none()  # fmt: skip
    if held is not None:
        if held.content_sha256 == read.sha256:
            return UNCHANGED
        if held.written_at > read.written_at:
            return OUTDATED
        session.execute(delete(NetworkTaskRow).where(NetworkTaskRow.return_id == held.id))
        session.execute(delete(NetworkCountRow).where(NetworkCountRow.return_id == held.id))
        session.execute(delete(NetworkReturnRow).where(NetworkReturnRow.id == held.id))
    return_id = session.execute(
        insert(NetworkReturnRow)
        .values(
            post_key=key,
            post_name=(post.en if post else read.post)[:200],
            post_code=post.code if post else read.post_code[:100],
            year=read.year,
            written_at=read.written_at[:40],
            content_sha256=read.sha256,
            file_name=read.path.name[:400],
            postkit_version=read.postkit_version[:40],
            schema_version=read.schema_version[:40],
            screening=json.dumps(read.screening),
            practices=json.dumps(list(read.practices), ensure_ascii=False),
            narrative=json.dumps(read.narrative, ensure_ascii=False),
        )
        .returning(NetworkReturnRow.id)
    ).scalar_one()
    task_rows = [
        {"return_id": return_id, "core_task": line.core_task, "period": line.period}
        | {name: getattr(line, name) for name in TASK_FIGURES}
        for line in read.tasks
    ]
    count_rows = [
        {"return_id": return_id, "kind": kind, "core_task": task, "code": code[:60],
         "activities": activities}
        for kind, lines in (("theme", read.themes), ("sector", read.sectors))
        for task, code, activities in lines
    ] + [
        {"return_id": return_id, "kind": "country", "core_task": 0, "code": code[:60],
         "activities": activities}
        for code, activities in read.countries
    ]  # fmt: skip
    session.execute(insert(NetworkTaskRow), task_rows)
    if count_rows:
        session.execute(insert(NetworkCountRow), count_rows)
    return REPLACED if held is not None else ADDED


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
    returns = {
        row.id: row
        for row in session.execute(
            select(NetworkReturnRow.id, NetworkReturnRow.post_key, NetworkReturnRow.post_name,
                   NetworkReturnRow.year, NetworkReturnRow.screening)
            .where(NetworkReturnRow.year.in_((year, year - 1)))
        )
    }  # fmt: skip
    held: dict[int, HeldReturn] = {}
    for row in returns.values():
        post = listed.get(row.post_key)
        held[row.id] = HeldReturn(
            row.post_key,
            post.en if post else row.post_name,
            post.region if post else "",
            post.business if post else NO_BUSINESS,
            post is not None,
        )
    this_year = [rid for rid, row in returns.items() if row.year == year]
    before = [rid for rid, row in returns.items() if row.year == year - 1]
    # (return, core task) -> done activities, unique companies, planned, participants, quarters
    figures: dict[tuple[int, int], dict[str, object]] = {}
    columns = (NetworkTaskRow.return_id, NetworkTaskRow.core_task, NetworkTaskRow.period,
               NetworkTaskRow.activities_done, NetworkTaskRow.activities_planned,
               NetworkTaskRow.unique_companies, NetworkTaskRow.participants_women,
               NetworkTaskRow.participants_men, NetworkTaskRow.participants_other)  # fmt: skip
    for row in session.execute(
        select(*columns).where(NetworkTaskRow.return_id.in_(list(returns)))
    ):  # fmt: skip
        entry = figures.setdefault((row.return_id, row.core_task), {"quarters": [0, 0, 0, 0]})
        if row.period == "year":
            entry |= {
                "done": row.activities_done, "planned": row.activities_planned,
                "unique": row.unique_companies,
                "participants": (row.participants_women, row.participants_men,
                                 row.participants_other),
            }  # fmt: skip
        else:
            entry["quarters"][int(row.period[1]) - 1] = row.activities_done  # type: ignore[index]

    def figure(rid: int, task: int, name: str) -> int:
        return int(figures.get((rid, task), {}).get(name, 0))  # type: ignore[call-overload]

    tasks = tuple(_task_line(task, this_year, figures) for task in CORE_TASKS)
    regions = _groups(this_year, held, figures, lambda item: item.region)
    business = _groups(this_year, held, figures, lambda item: item.business)
    compared = tuple(
        Comparison(
            task,
            sum(figure(rid, task, "done") for rid in this_year),
            sum(figure(rid, task, "done") for rid in before) if before else None,
            sum(1 for rid in this_year if figure(rid, task, "done") > 0),
            sum(1 for rid in before if figure(rid, task, "done") > 0) if before else None,
            sum(figure(rid, task, "unique") for rid in this_year),
            sum(figure(rid, task, "unique") for rid in before) if before else None,
        )
        for task in CORE_TASKS
    )
    ordered = sorted(this_year, key=lambda rid: held[rid].post.casefold())
    inactive = {
        task: tuple(held[rid].post for rid in ordered if figure(rid, task, "done") == 0)
        for task in CORE_TASKS
    }
    reported = {held[rid].post_key for rid in this_year}
    screening: dict[str, int] = defaultdict(int)
    for rid in this_year:
        for name, value in json.loads(returns[rid].screening).get("year", {}).items():
            screening[name] += int(value)
    return NetworkPicture(
        year=year,
        posts_listed=len(posts.posts),
        returns=tuple(held[rid] for rid in ordered),
        tasks=tasks,
        regions=regions,
        business=business,
        themes=_codes(session, "theme", this_year),
        sectors=_codes(session, "sector", this_year),
        compared=compared,
        returns_before=len(before),
        inactive=inactive,
        missing=tuple(post for post in posts.posts if post.code not in reported),
        years=year_totals(session),
        screening=dict(screening),
        refused=tuple(refused),
    )


def year_totals(session: Session) -> tuple[YearTotals, ...]:
    """Every held year, oldest first: posts reporting and done activities per core task."""
    posts: dict[int, int] = defaultdict(int)
    for year in session.scalars(select(NetworkReturnRow.year)):
        posts[year] += 1
    activities: dict[int, list[int]] = defaultdict(lambda: [0] * len(CORE_TASKS))
    rows = session.execute(
        select(NetworkReturnRow.year, NetworkTaskRow.core_task, NetworkTaskRow.activities_done)
        .join(NetworkTaskRow, NetworkTaskRow.return_id == NetworkReturnRow.id)
        .where(NetworkTaskRow.period == "year")
    )  # fmt: skip
    for year, task, done in rows:
        activities[year][task - 1] += done
    return tuple(
        YearTotals(year, posts[year], tuple(activities[year]))  # type: ignore[arg-type]
        for year in sorted(posts)
    )


def _task_line(
    task: int, rids: Sequence[int], figures: dict[tuple[int, int], dict[str, object]]
) -> TaskLine:
    entries = [figures.get((rid, task), {}) for rid in rids]
    done = [int(entry.get("done", 0)) for entry in entries]  # type: ignore[call-overload]
    participants = [entry.get("participants", (0, 0, 0)) for entry in entries]
    quarters = [entry.get("quarters", [0, 0, 0, 0]) for entry in entries]
    return TaskLine(
        core_task=task,
        posts_reporting=len(rids),
        posts_active=sum(1 for count in done if count > 0),
        activities=sum(done),
        planned=sum(int(entry.get("planned", 0)) for entry in entries),  # type: ignore[call-overload]
        unique_companies=sum(int(entry.get("unique", 0)) for entry in entries),  # type: ignore[call-overload]
        participants=tuple(sum(p[i] for p in participants) for i in range(3)),  # type: ignore[arg-type,index]
        quarters=tuple(sum(q[i] for q in quarters) for i in range(4)),  # type: ignore[arg-type,index]
    )


def _groups(
    rids: Sequence[int],
    held: dict[int, HeldReturn],
    figures: dict[tuple[int, int], dict[str, object]],
    group_of: Callable[[HeldReturn], str],
) -> tuple[GroupLine, ...]:
    members: dict[str, list[int]] = defaultdict(list)
    for rid in rids:
        members[group_of(held[rid])].append(rid)
    lines = []
    for group in sorted(members, key=lambda name: (name == "", name)):
        for task in CORE_TASKS:
            line = _task_line(task, members[group], figures)
            lines.append(
                GroupLine(
                    group,
                    task,
                    line.posts_reporting,
                    line.posts_active,
                    line.activities,
                    line.unique_companies,
                )
            )
    return tuple(lines)


def _codes(session: Session, kind: str, rids: Sequence[int]) -> tuple[CodeLine, ...]:
    by_task: dict[str, list[int]] = defaultdict(lambda: [0] * len(CORE_TASKS))
    posts: dict[str, set[int]] = defaultdict(set)
    rows = session.execute(
        select(NetworkCountRow.return_id, NetworkCountRow.core_task, NetworkCountRow.code,
               NetworkCountRow.activities)
        .where(NetworkCountRow.kind == kind, NetworkCountRow.return_id.in_(list(rids)))
    )  # fmt: skip
    for rid, task, code, activities in rows:
        by_task[code][task - 1] += activities
        posts[code].add(rid)
    lines = [
        CodeLine(code, tuple(counts), len(posts[code]))  # type: ignore[arg-type]
        for code, counts in by_task.items()
    ]
    return tuple(sorted(lines, key=lambda line: (-line.activities, line.code)))


def _record(
    session: Session, path: Path, post: str, year: int | None, status: str, reason: str
) -> None:
    session.execute(
        insert(ReceivedReturnRow).values(
            file_name=path.name[:400],
            file_sha256=_file_sha256(path),
            post_name=post[:200],
            year=year,
            status=status,
            reason=reason,
        )
    )


def _file_sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
