"""Collecting the exports of many posts into headquarters' database, never counting twice.

Every file is checked (see reading); a refused one is listed with its reason, stored in
`hq_received_exports` as refused and left out. An accepted one is stored as received, and its
responses are upserted by UUID: a new UUID is added; one already stored with the same values
is unchanged; one with other values replaces the stored one and is reported as replaced,
unless the stored one came from a newer export of that post (then the newer is kept and the
response is reported as outdated), so reading an old file after a new one undoes nothing.

A response is stored as its export row (column -> value) without the empty cells and the 1/0
`question/choice` columns, which repeat what the question's own column says.

One run is one transaction: a cancel or an error leaves the database as it was. The statements
are SQLAlchemy Core in batches, the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import repeat
from operator import itemgetter
from pathlib import Path

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from postkit.core.cycles import cycle_collector_paused
from postkit.core.db.base import utc_now
from postkit.core.db.rows import BATCH, in_batches
from postkit.core.hq.models import CollectedResponseRow, ReceivedExportRow
from postkit.core.hq.reading import ExportReader, ExportRejected, PostExport
from postkit.core.hq.workers import die_with, map_in_workers, worker_count
from postkit.core.surveys.forms import Form

ACCEPTED = "accepted"
REFUSED = "refused"
# Reading is parallel only where it pays: enough files, and a fork-able main thread (a worker
# thread of the app, next to Qt's threads, reads in its own process instead of forking it).
# A response as it waits to be stored, in this order; the time of receipt is the run's.
_RESPONSE_COLUMNS = (
    *("uuid", "form_id", "version", "post_name", "submitted_at", "language", "values"),
    "export_id",
)
_ResponseValues = tuple[str, str, str, str, str, str, str, int]
_RECEIPT_COLUMNS = (
    *("file_name", "file_sha256", "post_name", "form_id", "version", "exported_at"),
    *("response_count", "status", "reason"),
)
_REPLACED_COLUMNS = (*_RESPONSE_COLUMNS[1:], "received_at")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RefusedFile:
    """A file left out, and why."""

    path: Path
    reason: str
    post: str = ""  # when the meta sheet could be read


@dataclass(frozen=True)
class AcceptedFile:
    """A file taken in, and what its responses did to the store."""

    path: Path
    post: str
    exported_at: str
    responses: int
    added: int
    replaced: int
    unchanged: int
    outdated: int


@dataclass(frozen=True)
class ReplacedResponse:
    """A response whose values changed since an earlier export of the post."""

    uuid: str
    post: str
    path: Path


@dataclass(frozen=True)
class CollectReport:
    """What one collect run did, file by file."""

    accepted: tuple[AcceptedFile, ...]
    refused: tuple[RefusedFile, ...]
    replaced_responses: tuple[ReplacedResponse, ...] = field(default=())
    # The answers asked for with `answers_of`, of the responses this run stored.
    answers: StoredAnswers | None = field(default=None, repr=False, compare=False)

    @property
    def files(self) -> int:
        return len(self.accepted) + len(self.refused)

    @property
    def added(self) -> int:
        return sum(file.added for file in self.accepted)

    @property
    def replaced(self) -> int:
        return sum(file.replaced for file in self.accepted)

    @property
    def unchanged(self) -> int:
        return sum(file.unchanged for file in self.accepted)

    @property
    def outdated(self) -> int:
        return sum(file.outdated for file in self.accepted)

    @property
    def has_refusals(self) -> bool:
        return bool(self.refused)


@dataclass(frozen=True)
class StoredAnswers:
    """The answers to `columns` of the responses one run stored, by receipt and UUID.

    The reading processes pick them from the rows they read anyway, so a summary built in
    the same transaction right after the run takes them from here instead of reading and
    parsing the stored JSON again. They hold for a response whose `export_id` is the
    receipt's: the run stored that response's values from that file.
    """

    columns: tuple[str, ...]
    by_export: dict[int, dict[str, tuple[object, ...]]]


def skipped_files(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The files under the folders in `paths` that `find_export_files` does not read (not
    .xlsx), each relative to its folder, so that none is left out without a word."""
    skipped = []
    for entry in paths:
        folder = Path(entry)
        if not folder.is_dir():
            continue
        for candidate in sorted(folder.rglob("*")):
            relative = candidate.relative_to(folder)
            if any(part.startswith((".", "~$")) for part in relative.parts):
                continue  # hidden files and Excel's lock files are nobody's exports
            if candidate.is_file() and not candidate.match("*.xlsx"):  # as rglob matches
                skipped.append(relative.as_posix())
    return skipped


def find_export_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files to read: each file as given, and every *.xlsx under each folder, sorted.

    A file named directly is read whatever its extension (and refused if it is no export);
    in folders, Excel's lock files (~$…) and hidden files are skipped.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            candidates = sorted(
                candidate
                for candidate in path.rglob("*.xlsx")
                if candidate.is_file() and not candidate.name.startswith(("~$", "."))
            )
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def collect_exports(
    session: Session,
    paths: Iterable[str | os.PathLike[str]],
    form: Form,
    progress: Progress | None = None,
    workers: int | None = None,
    answers_of: Sequence[str] = (),
) -> CollectReport:
    """Check and store every export under `paths` (files or folders); report each file.

    `progress(done, total)` is called after each file and may raise CancelledError, which
    rolls the whole run back. `workers` reading processes (None: as the machine allows).
    The report keeps the stored responses' answers to the columns `answers_of`, if any.
    """
    files = find_export_files(paths)
    total = len(files)
    columns = tuple(answers_of)
    store = _Store(session, columns)
    accepted: list[AcceptedFile] = []
    refused: list[RefusedFile] = []
    replaced: list[ReplacedResponse] = []
    with cycle_collector_paused():  # the reading processes, forked here, pause it too
        results = _read_all(files, form, columns, workers)  # reads nothing until iterated
        try:
            if progress:
                progress(0, total)
            for done, (path, result) in enumerate(results, 1):
                if isinstance(result, _Received):
                    outcome, changed = store.add_export(result)
                    accepted.append(outcome)
                    replaced.extend(ReplacedResponse(uuid, result.post, path) for uuid in changed)
                else:
                    store.add_refusal(result)
                    refused.append(result)
                if progress:
                    progress(done, total)
            store.flush()
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            results.close()  # on a cancel, stops the reading processes at once
    answers = StoredAnswers(columns, store.answers) if columns else None
    return CollectReport(tuple(accepted), tuple(refused), tuple(replaced), answers)


# Reading


@dataclass(frozen=True)
class _Received:
    """What the store needs of a checked export: small, so a reading process sends it fast."""

    path: Path
    file_sha256: str
    post: str
    form_id: str
    version: str
    exported_at: str
    uuids: tuple[str, ...]
    submitted_at: tuple[str, ...]
    languages: tuple[str, ...]
    values_json: tuple[str, ...]
    answers: tuple[tuple[object, ...], ...]  # of each row, to the columns asked for

    @classmethod
    def of(cls, export: PostExport, columns: Sequence[str]) -> _Received:
        def texts(column: str) -> tuple[str, ...]:
            return tuple(str(value or "") for value in export.column(column))

        return cls(
            path=export.path,
            file_sha256=export.file_sha256,
            post=export.post,
            form_id=export.form_id,
            version=export.version,
            exported_at=export.exported_at,
            uuids=texts("_uuid"),
            submitted_at=texts("_submitted_at"),
            languages=texts("_language"),
            values_json=export.values_json,
            answers=_answers(export, columns),
        )


def _answers(export: PostExport, columns: Sequence[str]) -> tuple[tuple[object, ...], ...]:
    """Each row's values in `columns` (None for a column the export lacks)."""
    if not columns:
        return ()
    index = {name: position for position, name in enumerate(export.header)}
    missing = len(export.header)  # the None added at the end of each row
    pick = itemgetter(*(index.get(name, missing) for name in columns), missing)
    return tuple(pick((*row, None))[:-1] for row in export.rows)


def _read_all(
    files: Sequence[Path], form: Form, columns: Sequence[str], workers: int | None
) -> Iterator[tuple[Path, _Received | RefusedFile]]:
    """Each file with its checked export or the reason it is refused, in the order given."""
    count = worker_count(len(files)) if workers is None else max(1, workers)
    if count == 1:
        reader = ExportReader(form)
        for path in files:
            yield path, _read_one(reader, path, columns)
        return
    # Forked workers inherit the form and need nothing pickled but paths and results.
    results = map_in_workers(
        _read_in_worker, files, count, _start_worker, (form, columns, os.getpid())
    )
    yield from zip(files, results, strict=True)


def _read_one(reader: ExportReader, path: Path, columns: Sequence[str]) -> _Received | RefusedFile:
    try:
        return _Received.of(reader.read(path), columns)
    except ExportRejected as error:
        return RefusedFile(path, error.reason, error.post)


_worker_reader: ExportReader | None = None
_worker_columns: Sequence[str] = ()


def _start_worker(form: Form, columns: Sequence[str], parent: int) -> None:
    global _worker_reader, _worker_columns
    die_with(parent)
    _worker_reader = ExportReader(form)
    _worker_columns = columns


def _read_in_worker(path: Path) -> _Received | RefusedFile:
    assert _worker_reader is not None
    return _read_one(_worker_reader, path, _worker_columns)


# Storing


class _Store:
    """Writes receipts and responses with Core statements inside the caller's transaction."""

    def __init__(self, session: Session, columns: Sequence[str]) -> None:
        self.session = session
        self.columns = columns
        self.answers: dict[int, dict[str, tuple[object, ...]]] = {}
        self.exports = ReceivedExportRow.__table__
        self.responses = CollectedResponseRow.__table__
        self.now = utc_now()
        # New responses wait here and go in by the batch; what is stored is known by UUID,
        # so a file with only new responses costs no query.
        self.pending: list[_ResponseValues] = []
        self.pending_uuids: set[str] = set()
        self.known_uuids: set[str] | None = None

    def flush(self) -> None:
        """Insert the waiting new responses."""
        if self.pending and self.on_sqlite:
            self._insert_on_sqlite(self.pending)
        else:
            for batch in in_batches(self.pending):
                self.session.execute(
                    insert(self.responses),
                    [
                        {**dict(zip(_RESPONSE_COLUMNS, row, strict=True)), "received_at": self.now}
                        for row in batch
                    ],
                )
        if self.known_uuids is not None:
            self.known_uuids |= self.pending_uuids
        self.pending.clear()
        self.pending_uuids.clear()

    # On SQLite the rows go to the driver as plain tuples: SQLAlchemy's handling of each
    # statement's parameters took a fifth of storing 6,000 responses, and ten times what
    # the driver needs for a receipt. The time of receipt, the same for every row of a run,
    # goes through its column's bind processor and the driver's adapter once, as they
    # would apply them; no other column of either table converts its values (a test checks).

    @cached_property
    def on_sqlite(self) -> bool:
        return self.session.get_bind().dialect.name == "sqlite"

    @cached_property
    def _received_on_sqlite(self) -> object:
        dialect = self.session.get_bind().dialect
        processor = self.responses.c.received_at.type.bind_processor(dialect)
        received = processor(self.now) if processor is not None else self.now
        adapt = sqlite3.adapters.get((type(received), sqlite3.PrepareProtocol))
        return adapt(received) if adapt is not None else received

    def _driver_insert(self, table: Table, columns: Sequence[str]) -> str:
        quote = self.session.get_bind().dialect.identifier_preparer.quote
        return (
            f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, columns))}) "
            f"VALUES ({', '.join('?' * len(columns))})"
        )

    def _insert_on_sqlite(self, rows: list[_ResponseValues]) -> None:
        statement = self._driver_insert(self.responses, (*_RESPONSE_COLUMNS, "received_at"))
        constant = (self._received_on_sqlite,)
        self.session.connection().exec_driver_sql(statement, [row + constant for row in rows])

    def _insert_receipt(self, receipt: tuple[object, ...]) -> int:
        """Store a receipt (the values of _RECEIPT_COLUMNS); its id."""
        if self.on_sqlite:
            statement = self._driver_insert(self.exports, (*_RECEIPT_COLUMNS, "received_at"))
            result = self.session.connection().exec_driver_sql(
                statement, (*receipt, self._received_on_sqlite)
            )
            assert result.lastrowid is not None
            return result.lastrowid
        values = {**dict(zip(_RECEIPT_COLUMNS, receipt, strict=True)), "received_at": self.now}
        return self.session.execute(
            insert(self.exports).returning(self.exports.c.id), values
        ).scalar_one()

    def add_refusal(self, refused: RefusedFile) -> None:
        post = refused.post[:200]
        self._insert_receipt(
            (_file_name(refused.path), "", post, "", "", "", 0, REFUSED, refused.reason)
        )

    def add_export(self, export: _Received) -> tuple[AcceptedFile, list[str]]:
        """Store the receipt and upsert its responses; return the outcome and replaced UUIDs."""
        post = export.post[:200]
        export_id = self._insert_receipt(
            (
                _file_name(export.path),
                export.file_sha256,
                post,
                export.form_id,
                export.version,
                export.exported_at,
                len(export.uuids),
                ACCEPTED,
                "",
            )
        )
        uuids = export.uuids
        if not self.pending_uuids.isdisjoint(uuids):
            self.flush()  # the same response in two files of one run: compare with the first
        if self.known_uuids is None:
            self.known_uuids = set(self.session.scalars(select(self.responses.c.uuid)))
        seen = [response_uuid for response_uuid in uuids if response_uuid in self.known_uuids]
        stored = self._stored(seen) if seen else {}
        new: list[_ResponseValues] = []
        changed: list[_ResponseValues] = []
        unchanged = outdated = 0
        for row in zip(
            uuids,
            repeat(export.form_id),
            repeat(export.version),
            repeat(post),
            export.submitted_at,
            export.languages,
            export.values_json,
            repeat(export_id),
        ):
            earlier = stored.get(row[0])
            if earlier is None:
                new.append(row)
            elif _same(earlier, row):
                unchanged += 1
            elif earlier.exported_at > export.exported_at:
                outdated += 1
            else:
                changed.append(row)
        self.pending.extend(new)
        self.pending_uuids.update(row[0] for row in new)
        if len(self.pending) >= BATCH:
            self.flush()
        if changed:
            self._replace(changed)
        if self.columns and (new or changed):
            self.answers[export_id] = dict(zip(uuids, export.answers, strict=True))
        outcome = AcceptedFile(
            path=export.path,
            post=export.post,
            exported_at=export.exported_at,
            responses=len(uuids),
            added=len(new),
            replaced=len(changed),
            unchanged=unchanged,
            outdated=outdated,
        )
        return outcome, [row[0] for row in changed]

    def _stored(self, uuids: list[str]) -> dict[str, _StoredResponse]:
        responses, exports = self.responses, self.exports
        stored: dict[str, _StoredResponse] = {}
        for batch in in_batches(uuids):
            statement = (
                select(
                    responses.c.uuid,
                    responses.c.form_id,
                    responses.c.version,
                    responses.c.post_name,
                    responses.c["values"],
                    exports.c.exported_at,
                )
                .select_from(responses.outerjoin(exports, responses.c.export_id == exports.c.id))
                .where(responses.c.uuid.in_(batch))
            )
            for uuid, form_id, version, post, values, exported_at in self.session.execute(
                statement
            ):
                stored[uuid] = _StoredResponse(form_id, version, post, values, exported_at or "")
        return stored

    def _replace(self, rows: list[_ResponseValues]) -> None:
        responses = self.responses
        statement = (
            update(responses)
            .where(responses.c.uuid == bindparam("p_uuid"))
            .values({name: bindparam(f"p_{name}") for name in _REPLACED_COLUMNS})
        )
        parameters = [
            {
                **{f"p_{name}": value for name, value in zip(_RESPONSE_COLUMNS, row, strict=True)},
                "p_received_at": self.now,
            }
            for row in rows
        ]
        for batch in in_batches(parameters):
            self.session.execute(statement, batch)


@dataclass(frozen=True)
class _StoredResponse:
    form_id: str
    version: str
    post: str
    values: str
    exported_at: str


def _same(earlier: _StoredResponse, row: _ResponseValues) -> bool:
    _uuid, form_id, version, post, _submitted_at, _language, values, _export_id = row
    if (earlier.form_id, earlier.version, earlier.post) != (form_id, version, post):
        return False
    return earlier.values == values or json.loads(earlier.values) == json.loads(values)


def _file_name(path: Path) -> str:
    text = str(path)
    return text if len(text) <= 400 else "…" + text[-399:]
