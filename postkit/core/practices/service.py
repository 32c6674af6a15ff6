"""The good-practices library: writing, versioning, searching, using, and receiving practices
from other posts.

Every local edit gives a practice a new `version` and adds the old one to its `lineage`, so
when a practice comes back from another post we can tell a newer version (ours is in its
lineage), an older one (its version is in ours) and a conflicting one (neither).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from enum import StrEnum
from pathlib import Path

from sqlalchemy import (
    Float,
    Integer,
    Select,
    column,
    delete,
    func,
    literal,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.activities.models import Activity
from postkit.core.attachments import AttachmentRecord, store_attachment
from postkit.core.db.base import new_uuid, utc_now
from postkit.core.db.rows import get_row
from postkit.core.errors import NotFoundError, PostkitError, ValidationError
from postkit.core.full_text import fts_query
from postkit.core.practices.models import (
    PracticeAttachmentRow,
    PracticeCompanyRow,
    PracticeConflictRow,
    PracticeRow,
    PracticeSectorRow,
    PracticeThemeRow,
    PracticeUseRow,
)
from postkit.core.practices.privacy import kept_personal_data
from postkit.core.practices.records import (
    DRAFT,
    TEXT_FIELDS,
    ConflictRecord,
    PracticeFilter,
    PracticeInput,
    PracticeListRow,
    PracticeRecord,
    PracticeUse,
    SharedPractice,
    SkipReason,
)
from postkit.core.practices.validation import (
    POST_NAME_MAX,
    TITLE_MAX,
    normalised,
    validate_practice,
)
from postkit.core.profile import load_profile

MAX_LINEAGE = 100
EXCERPT_LENGTH = 220
_SEARCHED = (
    "title",
    "summary",
    "context",
    "what_was_done",
    "what_worked",
    "what_did_not",
    "lessons",
)
# bm25 column weights, in the order of practice_search's columns: a hit in the title counts most.
_WEIGHTS = "10.0, 4.0, 1.0, 1.0, 1.0, 1.0, 2.0"
_WORD = re.compile(r"\w+", re.UNICODE)
_MARKUP = re.compile(r"(\*\*|__|[*_`#>])|^\s*(?:[-+]|\d+[.)])\s+", re.MULTILINE)


class Received(StrEnum):
    """What receiving a practice from another post does."""

    ADDED = "added"
    UPDATED = "updated"
    SKIPPED = "skipped"
    CONFLICT = "conflict"


# --- conversion ---------------------------------------------------------------


def merged_lineage(*parts: Iterable[str]) -> tuple[str, ...]:
    """The versions of all parts in order, each once, at most MAX_LINEAGE (the newest)."""
    merged = tuple(dict.fromkeys(version for part in parts for version in part))
    return merged[-MAX_LINEAGE:]


def _lineage(row: PracticeRow) -> tuple[str, ...]:
    return tuple(json.loads(row.lineage or "[]"))


def _input_of(row: PracticeRow) -> PracticeInput:
    return PracticeInput(
        title=row.title,
        core_tasks=_tasks(row.core_tasks),
        post_name=row.post_name,
        country=row.country,
        year=row.year,
        **{name: getattr(row, name) for name in TEXT_FIELDS},
        language=row.language,
        status=row.status,
        themes=tuple(sorted(t.code for t in row.themes)),
        sectors=tuple(sorted(s.code for s in row.sectors)),
        company_ids=tuple(sorted(c.company_id for c in row.companies)),
    )


def _tasks(stored: str) -> tuple[int, ...]:
    return tuple(int(task) for task in stored.split(",") if task)


def _apply_input(row: PracticeRow, data: PracticeInput) -> None:
    row.title = data.title
    row.core_tasks = ",".join(str(task) for task in data.core_tasks)
    row.post_name = data.post_name
    row.country = data.country
    row.year = data.year
    for name in TEXT_FIELDS:
        setattr(row, name, getattr(data, name))
    row.language = data.language
    row.status = data.status
    row.themes = [PracticeThemeRow(code=code) for code in data.themes]
    row.sectors = [PracticeSectorRow(code=code) for code in data.sectors]
    row.companies = [
        PracticeCompanyRow(company_id=company) for company in dict.fromkeys(data.company_ids)
    ]


def to_record(session: Session, row: PracticeRow) -> PracticeRecord:
    uses = session.scalars(
        select(PracticeUseRow)
        .where(PracticeUseRow.practice_id == row.id)
        .order_by(PracticeUseRow.marked_at, PracticeUseRow.id)
    ).all()
    return PracticeRecord(
        id=row.id,
        uuid=row.uuid,
        version=row.version,
        data=_input_of(row),
        lineage=_lineage(row),
        attachments=tuple(a.record() for a in row.attachments),
        uses=tuple(PracticeUse(u.post_name, u.user_name, u.note, u.marked_at) for u in uses),
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        source_activity_uuid=row.source_activity_uuid,
        company_names=_company_names(session, row.id),
    )


# The register's table, read by name: a practice links to a company by id only, so practices
# import nothing of the register (see the architecture contract); exports need just the name.
_COMPANIES = table("companies", column("id"), column("name"), column("merged_into_id"))


def _check_companies(session: Session, company_ids: tuple[int, ...]) -> None:
    if not company_ids:
        return
    known = set(
        session.scalars(
            select(_COMPANIES.c.id).where(
                _COMPANIES.c.id.in_(company_ids), _COMPANIES.c.merged_into_id.is_(None)
            )
        )
    )
    for company_id in company_ids:
        if company_id not in known:
            raise ValidationError("company_ids", f"company {company_id} is not in the register")


def _company_names(session: Session, practice_id: int) -> tuple[str, ...]:
    names = session.scalars(
        select(_COMPANIES.c.name)
        .join(PracticeCompanyRow, PracticeCompanyRow.company_id == _COMPANIES.c.id)
        .where(PracticeCompanyRow.practice_id == practice_id)
        .order_by(_COMPANIES.c.name)
    )
    return tuple(names)


def _get(session: Session, practice_id: int) -> PracticeRow:
    return get_row(
        session, PracticeRow, practice_id, f"good practice {practice_id} no longer exists"
    )


def _by_uuid(session: Session, practice_uuid: str) -> PracticeRow | None:
    return session.scalars(select(PracticeRow).where(PracticeRow.uuid == practice_uuid)).first()


def _new_version(row: PracticeRow, actor: str) -> None:
    """Mark a local edit: the current version joins the lineage and a new one takes its place."""
    row.lineage = json.dumps(merged_lineage(_lineage(row), [row.version]))
    row.version = new_uuid()
    row.updated_at = utc_now()
    row.updated_by = actor


# --- writing ---------------------------------------------------------------------------------


def get_practice(session: Session, practice_id: int) -> PracticeRecord:
    return to_record(session, _get(session, practice_id))


def write_practices_booklet(
    session: Session,
    practice_ids: Sequence[int],
    path: str | Path,
    language: str = "en",
    title: str | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Read the practices (telling `progress` how many so far) and write them as a PDF
    booklet at `path`, which is returned. A job's work: it names no reportlab, so whoever
    hands it on need not load it."""
    from postkit.core.practices.booklet import write_booklet

    records = []
    for done, practice_id in enumerate(practice_ids):
        if progress is not None:
            progress(done, len(practice_ids))
        records.append(get_practice(session, practice_id))
    write_booklet(records, path, language, title)
    return Path(path)


def get_practice_by_uuid(session: Session, practice_uuid: str) -> PracticeRecord:
    row = _by_uuid(session, practice_uuid)
    if row is None:
        raise NotFoundError(f"no good practice with UUID {practice_uuid}")
    return to_record(session, row)


def create_practice(
    session: Session,
    data: PracticeInput,
    actor: str,
    attachments: Iterable[AttachmentRecord] = (),
    *,
    practice_uuid: str | None = None,
    source_activity_uuid: str | None = None,
) -> PracticeRecord:
    """Validate and store a new practice."""
    data = normalised(data)
    validate_practice(data)
    _check_companies(session, data.company_ids)
    if practice_uuid and _by_uuid(session, practice_uuid) is not None:
        raise PostkitError(f"a good practice with UUID {practice_uuid} already exists")
    now = utc_now()
    row = PracticeRow(
        uuid=practice_uuid or new_uuid(),
        version=new_uuid(),
        lineage="[]",
        source_activity_uuid=source_activity_uuid,
        created_at=now,
        created_by=actor,
        updated_at=now,
        updated_by=actor,
    )
    _apply_input(row, data)
    row.attachments = [PracticeAttachmentRow.from_record(a) for a in attachments]
    session.add(row)
    session.commit()
    return to_record(session, row)


def update_practice(
    session: Session,
    practice_id: int,
    data: PracticeInput,
    actor: str,
    attachments: Iterable[AttachmentRecord] | None = None,
) -> PracticeRecord:
    """Validate and store new values as one new version; `attachments`, when given, replaces
    the attached files. Saving unchanged values changes nothing."""
    data = normalised(data)
    validate_practice(data)
    row = _get(session, practice_id)
    if data.company_ids != _input_of(row).company_ids:
        _check_companies(session, data.company_ids)
    files = None if attachments is None else list(attachments)
    same_files = files is None or [a.stored_name for a in files] == [
        a.stored_name for a in row.attachments
    ]
    if _input_of(row) == data and same_files:
        return to_record(session, row)
    _apply_input(row, data)
    if files is not None and not same_files:
        row.attachments = [PracticeAttachmentRow.from_record(a) for a in files]
    _new_version(row, actor)
    session.commit()
    return to_record(session, row)


def delete_practice(session: Session, practice_id: int) -> PracticeRecord:
    """Delete a practice and any conflict waiting on it; returns what was deleted.

    Attached files stay in the files folder: they are content-addressed and may be shared.
    """
    row = _get(session, practice_id)
    snapshot = to_record(session, row)
    session.execute(
        delete(PracticeConflictRow).where(PracticeConflictRow.practice_uuid == row.uuid)
    )
    session.delete(row)
    session.commit()
    return snapshot


def promote_activity(
    session: Session, activity_id: int, actor: str, language: str = "en"
) -> PracticeRecord:
    """A draft practice made from an activity, linked back to it.

    An activity promoted before gives the practice made then, so promoting twice makes no copy.
    """
    activity = get_row(session, Activity, activity_id, f"activity {activity_id} no longer exists")
    existing = session.scalars(
        select(PracticeRow).where(PracticeRow.source_activity_uuid == activity.uuid)
    ).first()
    if existing is not None:
        return to_record(session, existing)
    profile = load_profile(session)
    data = PracticeInput(
        title=activity.title[:TITLE_MAX],
        core_tasks=(activity.core_task,),
        post_name=activity.post_name or (profile.post_name if profile else ""),
        country=activity.country,
        year=activity.start_date.year,
        what_was_done=activity.description,
        what_worked=activity.outcome,
        language=language,
        status=DRAFT,
        themes=tuple(t.code for t in activity.themes),
        sectors=tuple(s.code for s in activity.sectors),
    )
    attachments = [a.record() for a in activity.attachments]
    return create_practice(session, data, actor, attachments, source_activity_uuid=activity.uuid)


def add_attachment(
    session: Session, files_dir: Path, practice_id: int, source: Path, actor: str
) -> PracticeRecord:
    """Copy a file into the files folder and attach it, as a new version of the practice."""
    row = _get(session, practice_id)
    record = store_attachment(files_dir, source)
    if any(a.stored_name == record.stored_name for a in row.attachments):
        return to_record(session, row)
    row.attachments.append(PracticeAttachmentRow.from_record(record))
    _new_version(row, actor)
    session.commit()
    return to_record(session, row)


def remove_attachment(
    session: Session, practice_id: int, stored_name: str, actor: str
) -> PracticeRecord:
    """Detach a file (it stays in the files folder, which is content-addressed)."""
    row = _get(session, practice_id)
    remaining = [a for a in row.attachments if a.stored_name != stored_name]
    if len(remaining) == len(row.attachments):
        raise NotFoundError(f"the file {stored_name} is not attached to this practice")
    row.attachments = remaining
    _new_version(row, actor)
    session.commit()
    return to_record(session, row)


def mark_used(
    session: Session, practice_id: int, post_name: str, user_name: str, note: str = ""
) -> PracticeRecord:
    """Record that a post used the practice. Uses stay at this post and make no new version."""
    row = _get(session, practice_id)
    if not post_name.strip():
        raise ValidationError("post_name", "the post's name is required")
    session.add(
        PracticeUseRow(
            practice_id=row.id,
            post_name=post_name.strip()[:POST_NAME_MAX],
            user_name=user_name.strip(),
            note=note.strip(),
            marked_at=utc_now(),
        )
    )
    session.commit()
    return to_record(session, row)


# --- listing and search ----------------------------------------------------------------------


def list_practices(
    session: Session,
    flt: PracticeFilter = PracticeFilter(),  # noqa: B008  (frozen, so sharing is safe)
) -> list[PracticeListRow]:
    """The matching practices: best match first when searching for text, else newest first."""
    uses = (
        select(func.count(PracticeUseRow.id))
        .where(PracticeUseRow.practice_id == PracticeRow.id)
        .scalar_subquery()
    )
    statement = _filtered(
        select(
            PracticeRow.id,
            PracticeRow.uuid,
            PracticeRow.title,
            PracticeRow.summary,
            PracticeRow.core_tasks,
            PracticeRow.post_name,
            PracticeRow.country,
            PracticeRow.year,
            PracticeRow.language,
            PracticeRow.status,
            uses,
            PracticeRow.updated_at,
        ),
        flt,
    )
    newest_first = (PracticeRow.updated_at.desc(), PracticeRow.id.desc())
    query = flt.text.strip()
    if query and session.get_bind().dialect.name == "sqlite":
        match = fts_query(query)
        if match is None:
            return []
        ranked = (
            text(
                f"SELECT rowid AS id, bm25(practice_search, {_WEIGHTS}) AS rank "
                "FROM practice_search WHERE practice_search MATCH :match"
            )
            .bindparams(match=match)
            .columns(id=Integer, rank=Float)
            .subquery()
        )
        statement = statement.join(ranked, ranked.c.id == PracticeRow.id).order_by(
            ranked.c.rank, *newest_first
        )
    else:
        if query:
            statement = _words_anywhere(statement, query)
        statement = statement.order_by(*newest_first)
    rows = session.execute(statement).all()
    themes = _themes_of(session, [row.id for row in rows])
    return [
        PracticeListRow(
            id=row.id,
            uuid=row.uuid,
            title=row.title,
            excerpt=excerpt(row.summary),
            core_tasks=_tasks(row.core_tasks),
            post_name=row.post_name,
            country=row.country,
            year=row.year,
            language=row.language,
            status=row.status,
            themes=themes.get(row.id, ()),
            uses=row[10],
            updated_at=row.updated_at,
        )
        for row in rows
    ]


def _filtered(statement: Select, flt: PracticeFilter) -> Select:  # type: ignore[type-arg]
    if flt.core_task is not None:
        listed = literal(",") + PracticeRow.core_tasks + literal(",")
        statement = statement.where(listed.like(f"%,{int(flt.core_task)},%"))
    if flt.theme:
        statement = statement.where(PracticeRow.id.in_(PracticeThemeRow.owners_with(flt.theme)))
    if flt.sector:
        statement = statement.where(PracticeRow.id.in_(PracticeSectorRow.owners_with(flt.sector)))
    if flt.region:
        countries = [
            item.code
            for item in reference.countries().items
            if item.extra.get("region") == flt.region
        ]
        statement = statement.where(PracticeRow.country.in_(countries))
    if flt.language:
        statement = statement.where(PracticeRow.language == flt.language)
    if flt.status:
        statement = statement.where(PracticeRow.status == flt.status)
    return statement


def _words_anywhere(statement: Select, query: str) -> Select:  # type: ignore[type-arg]
    """Every word in some searched column: the search on databases without FTS5."""
    for word in _WORD.findall(query):
        pattern = f"%{word}%"
        statement = statement.where(
            or_(*(getattr(PracticeRow, column).ilike(pattern) for column in _SEARCHED))
        )
    return statement


def _themes_of(session: Session, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    themes: dict[int, list[str]] = {}
    if ids:
        statement = (
            select(PracticeThemeRow.practice_id, PracticeThemeRow.code)
            .where(PracticeThemeRow.practice_id.in_(list(ids)))
            .order_by(PracticeThemeRow.code)
        )
        for practice_id, code in session.execute(statement):
            themes.setdefault(practice_id, []).append(code)
    return {key: tuple(codes) for key, codes in themes.items()}


def excerpt(markdown: str, length: int = EXCERPT_LENGTH) -> str:
    """The start of a Markdown text as plain text on one line, cut at a word."""
    plain = " ".join(_MARKUP.sub("", markdown).split())
    if len(plain) <= length:
        return plain
    return plain[:length].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


# --- receiving practices from other posts ----------------------------------------------------


def classify_incoming(
    session: Session, incoming: SharedPractice
) -> tuple[Received, SkipReason | None]:
    """What receiving `incoming` would do, without doing it."""
    row = _by_uuid(session, incoming.uuid)
    if row is None:
        return Received.ADDED, None
    local_lineage = _lineage(row)
    if incoming.version == row.version:
        return Received.SKIPPED, SkipReason.SAME_VERSION
    if incoming.version in local_lineage:
        return Received.SKIPPED, SkipReason.NEWER_LOCALLY
    if row.version in incoming.lineage:
        return Received.UPDATED, None
    if _same_content(row, incoming):
        return Received.SKIPPED, SkipReason.SAME_CONTENT
    pending = session.scalars(
        select(PracticeConflictRow.incoming).where(
            PracticeConflictRow.practice_uuid == incoming.uuid
        )
    ).all()
    if any(json.loads(stored)["version"] == incoming.version for stored in pending):
        return Received.SKIPPED, SkipReason.CONFLICT_PENDING
    return Received.CONFLICT, None


def receive_practice(
    session: Session,
    incoming: SharedPractice,
    source_post: str = "",
    source_file: str = "",
) -> tuple[Received, SkipReason | None]:
    """Take in a practice from another post (its attachments already stored); no commit, so
    a whole exchange file goes in one transaction."""
    outcome, reason = classify_incoming(session, incoming)
    row = _by_uuid(session, incoming.uuid)
    if outcome is Received.ADDED:
        row = PracticeRow(
            uuid=incoming.uuid,
            created_at=incoming.created_at,
            created_by=incoming.created_by,
        )
        _take_over(row, incoming, incoming.lineage)
        session.add(row)
    elif outcome is Received.UPDATED:
        assert row is not None
        _take_over(row, incoming, incoming.lineage)
    elif outcome is Received.SKIPPED and reason is SkipReason.SAME_CONTENT:
        assert row is not None
        # Both sides hold the same content under different versions (say, both resolved a
        # conflict the same way): remember theirs as ours, so the next exchange settles it.
        row.lineage = json.dumps(
            merged_lineage(incoming.lineage, [incoming.version], _lineage(row))
        )
    elif outcome is Received.CONFLICT:
        session.add(
            PracticeConflictRow(
                practice_uuid=incoming.uuid,
                incoming=json.dumps(incoming.to_json(with_stored_names=True), ensure_ascii=False),
                source_file=source_file[:400],
                source_post=source_post[:200],
                received_at=utc_now(),
            )
        )
    if row is not None:
        session.flush()
        _drop_settled_conflicts(session, row)
    return outcome, reason


def _take_over(row: PracticeRow, incoming: SharedPractice, lineage: Iterable[str]) -> None:
    data = normalised(incoming.data)
    if row.id is not None:
        data = kept_personal_data(_input_of(row), data)
        # Links to this post's register stay: another post's file names companies only.
        data = replace(data, company_ids=_input_of(row).company_ids)
    _apply_input(row, data)
    row.version = incoming.version
    row.lineage = json.dumps(merged_lineage(lineage))
    row.updated_at = incoming.updated_at
    row.updated_by = incoming.updated_by
    row.source_activity_uuid = incoming.source_activity_uuid
    row.attachments = [PracticeAttachmentRow.from_record(a) for a in _stored_attachments(incoming)]


def _stored_attachments(incoming: SharedPractice) -> list[AttachmentRecord]:
    now = utc_now()
    missing = [a.file_name for a in incoming.attachments if not a.stored_name]
    if missing:
        raise PostkitError(f"attachment {missing[0]} of {incoming.data.title} was not stored")
    return [
        AttachmentRecord(a.file_name, a.stored_name, a.sha256, a.size, now)
        for a in incoming.attachments
    ]


def _same_content(row: PracticeRow, incoming: SharedPractice) -> bool:
    local_files = sorted((a.file_name, a.sha256) for a in row.attachments)
    incoming_files = sorted((a.file_name, a.sha256) for a in incoming.attachments)
    # The links to this post's register are not content another post can share.
    local = replace(_input_of(row), company_ids=())
    return local == normalised(incoming.data) and local_files == incoming_files


def _drop_settled_conflicts(session: Session, row: PracticeRow) -> None:
    """Forget conflicts whose incoming version the local practice now descends from."""
    known = {row.version, *_lineage(row)}
    for conflict in session.scalars(
        select(PracticeConflictRow).where(PracticeConflictRow.practice_uuid == row.uuid)
    ):
        if json.loads(conflict.incoming)["version"] in known:
            session.delete(conflict)


# --- conflicts -------------------------------------------------------------------------------


def list_conflicts(session: Session) -> list[ConflictRecord]:
    """The imported versions waiting for a choice, oldest first."""
    conflicts = session.scalars(
        select(PracticeConflictRow).order_by(
            PracticeConflictRow.received_at, PracticeConflictRow.id
        )
    ).all()
    records = []
    for conflict in conflicts:
        row = _by_uuid(session, conflict.practice_uuid)
        if row is not None:
            records.append(_conflict_record(session, conflict, row))
    return records


def get_conflict(session: Session, conflict_id: int) -> ConflictRecord:
    conflict, row = _conflict_and_local(session, conflict_id)
    return _conflict_record(session, conflict, row)


def _conflict_and_local(
    session: Session, conflict_id: int
) -> tuple[PracticeConflictRow, PracticeRow]:
    conflict = session.get(PracticeConflictRow, conflict_id)
    row = None if conflict is None else _by_uuid(session, conflict.practice_uuid)
    if conflict is None or row is None:
        raise NotFoundError(f"conflict {conflict_id} has already been resolved")
    return conflict, row


def _conflict_record(
    session: Session, conflict: PracticeConflictRow, row: PracticeRow
) -> ConflictRecord:
    incoming = SharedPractice.from_json(json.loads(conflict.incoming))
    return ConflictRecord(
        id=conflict.id,
        local=to_record(session, row),
        # What taking theirs files (see _take_over), so the choice shows what it will store.
        incoming=kept_personal_data(_input_of(row), normalised(incoming.data)),
        incoming_version=incoming.version,
        incoming_updated_at=incoming.updated_at,
        incoming_updated_by=incoming.updated_by,
        incoming_attachments=tuple(_stored_attachments(incoming)),
        source_post=conflict.source_post,
        source_file=conflict.source_file,
        received_at=conflict.received_at,
    )


def resolve_conflict(session: Session, conflict_id: int, keep: str, actor: str) -> PracticeRecord:
    """Keep the local or the incoming content, as a new version descending from both, so the
    next exchange carries the choice to the other post instead of a new conflict."""
    if keep not in ("local", "incoming"):
        raise ValueError(f"keep must be 'local' or 'incoming', not {keep!r}")
    conflict, row = _conflict_and_local(session, conflict_id)
    incoming = SharedPractice.from_json(json.loads(conflict.incoming))
    lineage = merged_lineage(_lineage(row), incoming.lineage, [incoming.version], [row.version])
    if keep == "incoming":
        _take_over(row, incoming, lineage)
    else:
        row.lineage = json.dumps(lineage)
    row.version = new_uuid()
    row.updated_at = utc_now()
    row.updated_by = actor
    session.delete(conflict)
    session.flush()
    _drop_settled_conflicts(session, row)
    session.commit()
    return to_record(session, row)
