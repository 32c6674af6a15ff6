"""Headquarters' list of posts, kept in its database and edited as a spreadsheet.

Until headquarters imports a list, the shipped one serves (resources/reference/posts.json); the
survey's summary and the network picture both take the list from `hq_posts`, so their "posts
missing" agree. `export_posts` writes the list in use as .xlsx or .csv with the columns of
`POST_COLUMNS`; headquarters edits it (adds a post, corrects a
region, rates a country's Dutch business) and `import_posts` replaces the stored list with it,
all or nothing: a file with any wrong row changes nothing and every problem is named by row,
column and field. The list gives "posts missing" and each post's region and amount of Dutch
business for the breakdowns.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.csv_files import csv_writer, open_csv
from postkit.core.errors import PostkitError
from postkit.core.files import atomic_output
from postkit.core.hq.models import HqPostRow
from postkit.core.reference import POST_KINDS, Post, PostList, default_business, post_name_key
from postkit.core.untrusted import XlsxLimits, first_sheet_cells

POST_COLUMNS = (
    "code", "nl", "en", "kind", "country", "region", "city_nl", "city_en", "dutch_business",
)  # fmt: skip
REQUIRED = POST_COLUMNS[:-1]
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_POSTS = 2_000  # the network has some 150
MAX_PROBLEMS_SHOWN = 50
_LIMITS = XlsxLimits(max_rows=MAX_POSTS + 10, max_columns=100)


class PostListError(PostkitError):
    """A list of posts that cannot be imported; `problems` names each row, column and field."""

    def __init__(self, path: Path, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        shown = self.problems[:MAX_PROBLEMS_SHOWN]
        more = count - len(shown)
        lines = [
            f"{path.name}: not imported, the list of posts is unchanged "
            f"({count} problem{'' if count == 1 else 's'}):",
            *shown,
        ]
        if more:
            lines.append(f"… and {more} more")
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class PostsImport:
    """What an import changed, by post code."""

    path: Path
    posts: int
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]


def hq_posts(session: Session) -> PostList:
    """The posts headquarters works with: its imported list, else the shipped one."""
    rows = session.scalars(select(HqPostRow).order_by(HqPostRow.position)).all()
    if not rows:
        return reference.posts()
    posts = tuple(
        Post(row.code, row.nl, row.en, row.kind, row.country, row.region, row.city_nl,
             row.city_en, row.business)
        for row in rows
    )  # fmt: skip
    return PostList(Path(f"headquarters database (imported from {rows[0].source})"), posts)


def import_posts(session: Session, path: str | os.PathLike[str]) -> PostsImport:
    """Replace the stored list of posts by the file's, or change nothing (PostListError)."""
    path = Path(path)
    posts = read_posts_file(path)
    before = {post.code: post for post in hq_posts(session).posts}
    session.execute(delete(HqPostRow))
    session.add_all(
        HqPostRow(
            position=position,
            code=post.code,
            nl=post.nl,
            en=post.en,
            kind=post.kind,
            country=post.country,
            region=post.region,
            city_nl=post.city_nl,
            city_en=post.city_en,
            business=post.business,
            source=path.name[:400],
        )
        for position, post in enumerate(posts, 1)
    )
    session.commit()
    after = {post.code: post for post in posts}
    return PostsImport(
        path,
        len(posts),
        tuple(code for code in after if code not in before),
        tuple(code for code in before if code not in after),
        tuple(code for code in after if code in before and before[code] != after[code]),
    )


def export_posts(posts: PostList, path: str | os.PathLike[str]) -> Path:
    """Write the posts as .xlsx, or as .csv when `path` ends so, to edit and import again."""
    path = Path(path)
    rows = [
        [post.code, post.nl, post.en, post.kind, post.country, post.region, post.city_nl,
         post.city_en, post.business]
        for post in posts.posts
    ]  # fmt: skip
    with atomic_output(path) as temp:
        if path.suffix.lower() == ".csv":
            with temp.open("w", encoding="utf-8", newline="") as file:
                writer = csv_writer(file)
                writer.writerow(POST_COLUMNS)
                writer.writerows(rows)
        else:
            workbook = Workbook()
            sheet = workbook.active
            assert sheet is not None
            sheet.title = "posts"
            sheet.append(list(POST_COLUMNS))
            for row in rows:
                sheet.append(row)
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            sheet.freeze_panes = "A2"
            for index, width in enumerate((34, 44, 44, 24, 8, 26, 18, 18, 14), 1):
                sheet.column_dimensions[get_column_letter(index)].width = width
            workbook.save(temp)
    return path


def read_posts_file(path: Path) -> tuple[Post, ...]:
    """The posts of an .xlsx or .csv list, every row checked; PostListError with each problem.
    A .json list in the shipped file's layout is read too: the own copy that `postkit survey
    posts --copy` once made in the user data folder is imported so."""
    if path.suffix.lower() == ".json":
        return reference.load_posts(path).posts
    rows = list(_rows(path))
    if not rows or not any(rows[0]):
        raise PostListError(path, ["row 1: the header row is missing"])
    header = [cell.strip().lower() for cell in rows[0]]
    columns = {name: header.index(name) for name in POST_COLUMNS if name in header}
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise PostListError(
            path,
            [f"row 1: no column {', '.join(missing)} (the columns: {', '.join(POST_COLUMNS)})"],
        )
    body = [(number, row) for number, row in enumerate(rows[1:], 2) if any(c.strip() for c in row)]
    if len(body) > MAX_POSTS:
        raise PostListError(path, [f"over {MAX_POSTS} posts; that is not a list of posts"])
    checker = _Checker(columns)
    posts = [post for number, row in body if (post := checker.post(number, row)) is not None]
    if not body:
        checker.problems.append("the file lists no posts")
    if checker.problems:
        raise PostListError(path, checker.problems)
    return tuple(posts)


class _Checker:
    """Checks rows one by one, remembering what earlier rows said, collecting every problem."""

    def __init__(self, columns: dict[str, int]) -> None:
        self.columns = columns
        self.problems: list[str] = []
        self.codes: dict[str, int] = {}
        self.names: dict[str, int] = {}
        self.business: dict[str, tuple[str, int]] = {}  # country -> (level, row)
        self.countries, self.regions = reference.countries(), reference.regions()
        self.levels = reference.business_levels()

    def where(self, number: int, field: str) -> str:
        if field not in self.columns:
            return f"row {number} ({field})"
        return f"row {number}, column {get_column_letter(self.columns[field] + 1)} ({field})"

    def post(self, number: int, row: Sequence[str]) -> Post | None:
        values = {
            field: row[index].strip() if index < len(row) else ""
            for field, index in self.columns.items()
        }
        problems_before = len(self.problems)
        for field in REQUIRED:
            if not values[field]:
                self.problems.append(f"{self.where(number, field)}: empty")
        kind, country = values["kind"], values["country"].upper()
        region = values["region"]
        if kind and kind not in POST_KINDS:
            self.problems.append(
                f"{self.where(number, 'kind')}: {kind} is not one of {', '.join(POST_KINDS)}"
            )
        if country and country not in self.countries:
            self.problems.append(
                f"{self.where(number, 'country')}: {values['country']} is not an ISO country "
                "code postkit knows"
            )
        if region and region not in self.regions:
            self.problems.append(
                f"{self.where(number, 'region')}: {region} is not one of "
                f"{', '.join(self.regions.codes)}"
            )
        business = self._level(values.get("dutch_business", ""))
        if business is None:
            self.problems.append(
                f"{self.where(number, 'dutch_business')}: {values['dutch_business']} is not one "
                f"of {', '.join(self.levels.codes)} (or empty: the country's)"
            )
        self._check_unique(number, values)
        if len(self.problems) > problems_before:
            return None
        if not business:
            business = default_business(kind, country)
        if kind != "permanent_representation" and business:
            self._check_country(number, country, business)
        return Post(
            values["code"], values["nl"], values["en"], kind, country, region,
            values["city_nl"], values["city_en"], business,
        )  # fmt: skip

    def _level(self, text: str) -> str | None:
        """The level code a cell names (its code or its label in either language)."""
        if not text:
            return ""
        wanted = text.casefold()
        for item in self.levels.items:
            if wanted in (item.code, item.nl.casefold(), item.en.casefold()):
                return item.code
        return None

    def _check_unique(self, number: int, values: dict[str, str]) -> None:
        if code := values["code"]:
            first = self.codes.setdefault(code, number)
            if first != number:
                self.problems.append(
                    f"{self.where(number, 'code')}: {code} is also the code on row {first}"
                )
        for field in ("nl", "en"):
            if not values[field]:
                continue
            first = self.names.setdefault(post_name_key(values[field]), number)
            if first != number:
                self.problems.append(
                    f"{self.where(number, field)}: {values[field]} names the post on row "
                    f"{first} too"
                )

    def _check_country(self, number: int, country: str, business: str) -> None:
        """The amount of Dutch business is the country's: its posts say the same."""
        level, first = self.business.setdefault(country, (business, number))
        if level != business:
            name = self.countries.label(country)
            self.problems.append(
                f"{self.where(number, 'dutch_business')}: {business}, but row {first} rates "
                f"{name} {level}; a country has one amount of Dutch business"
            )


def _rows(path: Path) -> Iterator[list[str]]:
    """The file's rows as text cells: an .xlsx's first sheet, or a CSV in its own layout."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise PostkitError(f"cannot read {path}: {error.strerror or error}") from error
    if size > MAX_FILE_BYTES:
        raise PostkitError(f"{path.name}: over {MAX_FILE_BYTES // 2**20} MB; not a list of posts")
    if path.suffix.lower() == ".csv":
        try:
            with open_csv(path) as rows:
                yield from rows
        except OSError as error:
            raise PostkitError(f"cannot read {path}: {error.strerror or error}") from error
        return
    refusal = "not an .xlsx or .csv list of posts"
    cells = first_sheet_cells(path.read_bytes(), path.name, _LIMITS, refusal)
    for row in cells:
        yield ["" if value is None else str(value) for value in row]
