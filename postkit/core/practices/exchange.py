"""The `.postkit` exchange file that carries good practices between offline posts.

A zip holding `manifest.json` (format, format version, exporting post, time, and the SHA-256
of every other member), `practices.json` (a list of practices with their version history)
and the attached files as `attachments/<sha256>/<file name>`.

A file from elsewhere is untrusted. Reading one checks every member name before reading any
content, bounds the number of members and the bytes they unpack to (from the headers and
again while reading), checks every member against the manifest, and checks practices.json
field by field. Nothing is ever extracted by a name taken from the file. Only then is the file
applied, in one transaction: a bad file is reported and nothing from it is imported.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.attachments import readable_attachment, store_attachment
from postkit.core.db.base import utc_now
from postkit.core.errors import PostkitError, ValidationError
from postkit.core.files import atomic_output
from postkit.core.practices.models import PracticeRow
from postkit.core.practices.privacy import (
    STAFF_FIELD,
    PersonalDataKind,
    Removal,
    is_post_name,
    remove_personal_data,
)
from postkit.core.practices.records import (
    LANGUAGES,
    PUBLISHED,
    STATUSES,
    TEXT_FIELDS,
    FailedFile,
    ImportSummary,
    PracticeRecord,
    SharedAttachment,
    SharedPractice,
    SkippedPractice,
    SkipReason,
)
from postkit.core.practices.service import (
    Received,
    classify_incoming,
    get_practice,
    receive_practice,
)
from postkit.core.practices.validation import POST_NAME_MAX, TITLE_MAX, YEARS, validate_practice
from postkit.core.profile import load_profile
from postkit.core.untrusted import UntrustedFileError, load_json

FORMAT = "postkit-practices"
FORMAT_VERSION = 1
SUFFIX = ".postkit"
MANIFEST = "manifest.json"
PRACTICES = "practices.json"
ATTACHMENTS = "attachments/"

MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_JSON_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 10_000
# Deflate rarely shrinks real documents more than 20 times; bombs shrink a thousandfold.
MAX_RATIO = 100
RATIO_CHECKED_FROM = 1024 * 1024
_CHUNK = 1 << 16

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_ATTACHMENT_MEMBER = re.compile(r"^attachments/([0-9a-f]{64})/([^/]+)$")
_DRIVE = re.compile(r"^[A-Za-z]:")
_NOT_IN_NAMES = set('\\:*?"<>|') | {chr(code) for code in range(32)}


class ExchangeFileError(PostkitError):
    """An exchange file that cannot be imported; names the file and the problem."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


@dataclass(frozen=True)
class ExchangeFile:
    """A checked exchange file; the attachments wait in a temporary folder."""

    path: Path
    exporting_post: str
    exported_at: datetime
    practices: tuple[SharedPractice, ...]
    attachment_files: dict[str, Path]  # member path -> temporary copy


# --- export ----------------------------------------------------------------------------------


def export_practices(
    session: Session,
    files_dir: Path,
    path: str | os.PathLike[str],
    practice_ids: Sequence[int] | None = None,
    exporting_post: str | None = None,
    *,
    include_drafts: bool = False,
    keep_personal_data: bool = False,
    removals: list[Removal] | None = None,
) -> int:
    """Write practices to an exchange file at `path`, replacing it only once complete.

    Without `practice_ids`, every published practice (and the drafts too with
    `include_drafts`). `exporting_post` defaults to the post in the profile. Contact names,
    e-mail addresses and phone numbers are left out unless `keep_personal_data`; what was
    left out is added to `removals` when given. Returns how many practices were written.
    """
    records = _export_records(session, practice_ids, include_drafts)
    if exporting_post is None:
        profile = load_profile(session)
        exporting_post = profile.post_name if profile else ""
    shared = [shared_practice(record) for record in records]
    if not keep_personal_data:
        for index, practice in enumerate(shared):
            shared[index], removed = _without_personal_data(practice, exporting_post)
            if removals is not None:
                removals.extend(removed)
    with atomic_output(Path(path)) as temp:
        _write_zip(temp, files_dir, records, shared, exporting_post)
    return len(records)


def personal_data_in_export(
    session: Session, practice_ids: Sequence[int] | None = None, *, include_drafts: bool = False
) -> tuple[Removal, ...]:
    """What `export_practices` would leave out of these practices to keep personal data in."""
    return tuple(
        removal
        for record in _export_records(session, practice_ids, include_drafts)
        for removal in _without_personal_data(shared_practice(record), "")[1]
    )


def _without_personal_data(
    practice: SharedPractice, exporting_post: str
) -> tuple[SharedPractice, tuple[Removal, ...]]:
    """The practice without personal data in its texts, and with the post's name for the
    people at the post who created and last changed it; and what was left out.

    A post's name there stays: a practice received from another post goes on under the name
    of the post that made it."""
    data, removed = remove_personal_data(practice.data, practice.uuid)

    def is_person(name: str) -> bool:
        return (
            bool(name.strip())
            and name not in (exporting_post, practice.data.post_name)
            and not is_post_name(name)
        )

    users = [
        Removal(practice.uuid, practice.data.title, STAFF_FIELD, PersonalDataKind.USER, name)
        for name in dict.fromkeys((practice.created_by, practice.updated_by))
        if is_person(name)
    ]
    shared = replace(
        practice,
        data=data,
        created_by=exporting_post if is_person(practice.created_by) else practice.created_by,
        updated_by=exporting_post if is_person(practice.updated_by) else practice.updated_by,
    )
    return shared, (*removed, *users)


def _export_records(
    session: Session, practice_ids: Sequence[int] | None, include_drafts: bool
) -> list[PracticeRecord]:
    if practice_ids is None:
        statement = select(PracticeRow.id).order_by(PracticeRow.id)
        if not include_drafts:
            statement = statement.where(PracticeRow.status == PUBLISHED)
        practice_ids = list(session.scalars(statement))
    return [get_practice(session, practice_id) for practice_id in dict.fromkeys(practice_ids)]


def shared_practice(record: PracticeRecord) -> SharedPractice:
    """A stored practice as it goes into an exchange file: the companies involved by name only
    (the register's ids mean nothing elsewhere, and its contacts never leave the post)."""
    return SharedPractice(
        uuid=record.uuid,
        version=record.version,
        lineage=record.lineage,
        data=replace(record.data, company_ids=()),
        company_names=record.company_names,
        created_at=record.created_at or utc_now(),
        created_by=record.created_by,
        updated_at=record.updated_at or utc_now(),
        updated_by=record.updated_by,
        source_activity_uuid=record.source_activity_uuid,
        attachments=tuple(
            SharedAttachment(
                a.file_name, a.sha256, a.size_bytes, f"{ATTACHMENTS}{a.sha256}/{a.file_name}"
            )
            for a in record.attachments
        ),
    )


def _write_zip(
    target: Path,
    files_dir: Path,
    records: Sequence[PracticeRecord],
    shared: Sequence[SharedPractice],
    exporting_post: str,
) -> None:
    members: dict[str, str] = {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        content = json.dumps(
            [practice.to_json() for practice in shared], ensure_ascii=False, indent=1
        ).encode("utf-8")
        archive.writestr(PRACTICES, content)
        members[PRACTICES] = hashlib.sha256(content).hexdigest()
        for record, practice in zip(records, shared, strict=True):
            for stored, listed in zip(record.attachments, practice.attachments, strict=True):
                if listed.path in members:
                    continue
                source = readable_attachment(files_dir, stored)
                members[listed.path] = _copy_into(archive, source, listed.path)
                if members[listed.path] != stored.sha256:
                    raise PostkitError(
                        f"{source}: the attached file of “{record.data.title}” has changed "
                        "since it was attached"
                    )
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "exporting_post": exporting_post,
            "exported_at": utc_now().isoformat(timespec="seconds"),
            "members": members,
        }
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))


def _copy_into(archive: zipfile.ZipFile, source: Path, member: str) -> str:
    digest = hashlib.sha256()
    try:
        with source.open("rb") as handle, archive.open(member, "w", force_zip64=True) as out:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
    except FileNotFoundError as exc:
        raise PostkitError(f"{source}: an attached file is missing from the files folder") from exc
    return digest.hexdigest()


# --- import ----------------------------------------------------------------------------------


def import_practices(
    session: Session, files_dir: Path, paths: Iterable[str | os.PathLike[str]]
) -> ImportSummary:
    """Import exchange files, each all or nothing; a bad file is listed in `failed`.

    A practice not known here is added; a newer version replaces ours; the same or an older
    version changes nothing; a version edited independently of ours is kept as a conflict for
    the user to resolve (ours stays as it is until then).
    """
    added: list[tuple[str, str]] = []
    updated: list[tuple[str, str]] = []
    skipped: list[SkippedPractice] = []
    conflicts: list[tuple[str, str]] = []
    failed: list[FailedFile] = []
    for path in paths:
        try:
            with read_exchange_file(path) as exchange:
                outcomes = _apply(session, files_dir, exchange)
        except PostkitError as exc:
            problem = exc.problem if isinstance(exc, ExchangeFileError) else str(exc)
            failed.append(FailedFile(str(path), problem))
            continue
        for practice, (outcome, reason) in outcomes:
            pair = (practice.uuid, practice.data.title)
            if outcome is Received.ADDED:
                added.append(pair)
            elif outcome is Received.UPDATED:
                updated.append(pair)
            elif outcome is Received.CONFLICT:
                conflicts.append(pair)
            else:
                assert reason is not None
                skipped.append(SkippedPractice(practice.uuid, practice.data.title, reason))
    return ImportSummary(
        tuple(added), tuple(updated), tuple(skipped), tuple(conflicts), tuple(failed)
    )


def _apply(
    session: Session, files_dir: Path, exchange: ExchangeFile
) -> list[tuple[SharedPractice, tuple[Received, SkipReason | None]]]:
    outcomes = []
    try:
        for practice in exchange.practices:
            outcome, _reason = classify_incoming(session, practice)
            if outcome is not Received.SKIPPED:
                practice = _with_stored_attachments(files_dir, exchange, practice)
            result = receive_practice(
                session, practice, exchange.exporting_post, exchange.path.name
            )
            outcomes.append((practice, result))
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return outcomes


def _with_stored_attachments(
    files_dir: Path, exchange: ExchangeFile, practice: SharedPractice
) -> SharedPractice:
    stored = []
    for attachment in practice.attachments:
        record = store_attachment(files_dir, exchange.attachment_files[attachment.path])
        stored.append(replace(attachment, stored_name=record.stored_name))
    return replace(practice, attachments=tuple(stored))


@contextmanager
def read_exchange_file(path: str | os.PathLike[str]) -> Iterator[ExchangeFile]:
    """Open and check an exchange file; raises ExchangeFileError naming what is wrong.

    The attached files are copied to a temporary folder (under names chosen here) that is
    removed when the block ends.
    """
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="postkit-import-") as folder:
        try:
            with zipfile.ZipFile(path) as archive:
                exchange = _read(path, archive, Path(folder))
        except FileNotFoundError as exc:
            raise ExchangeFileError(path, "no such file") from exc
        except IsADirectoryError as exc:
            raise ExchangeFileError(path, "a folder, not an exchange file") from exc
        except zipfile.BadZipFile as exc:
            raise ExchangeFileError(
                path, f"not a .postkit exchange file, or truncated or damaged ({exc})"
            ) from exc
        except (zlib.error, EOFError) as exc:
            raise ExchangeFileError(path, f"damaged: a member cannot be unpacked ({exc})") from exc
        except NotImplementedError as exc:
            raise ExchangeFileError(path, f"packed in a way postkit cannot read ({exc})") from exc
        except OSError as exc:
            raise ExchangeFileError(path, f"cannot be read ({exc.strerror or exc})") from exc
        yield exchange


def _read(path: Path, archive: zipfile.ZipFile, folder: Path) -> ExchangeFile:
    def bad(problem: str) -> ExchangeFileError:
        return ExchangeFileError(path, problem)

    infos = archive.infolist()
    _check_names(infos, bad)
    _check_sizes(infos, bad)
    by_name = {info.filename: info for info in infos}
    if MANIFEST not in by_name:
        raise bad(f"no {MANIFEST}: not a .postkit exchange file")
    manifest_bytes = _read_member(archive, by_name[MANIFEST], bad, limit=MAX_JSON_BYTES)
    manifest = _parse_json(manifest_bytes, MANIFEST, bad)
    exporting_post, exported_at, members = _check_manifest(manifest, bad)
    unlisted = sorted(set(by_name) - set(members) - {MANIFEST})
    if unlisted:
        raise bad(f"the member {unlisted[0]} is not listed in the manifest")
    missing = sorted(set(members) - set(by_name))
    if missing:
        raise bad(f"the manifest lists {missing[0]}, which is not in the file")
    if PRACTICES not in members:
        raise bad(f"no {PRACTICES} in the file")

    budget = _Budget(MAX_TOTAL_BYTES - len(manifest_bytes))
    practices_bytes = b""
    attachment_files: dict[str, Path] = {}
    sizes: dict[str, int] = {}
    for index, (name, expected) in enumerate(sorted(members.items())):
        info = by_name[name]
        digest = hashlib.sha256()
        if name == PRACTICES:
            practices_bytes = _read_member(archive, info, bad, MAX_JSON_BYTES, budget)
            digest.update(practices_bytes)
            sizes[name] = len(practices_bytes)
        else:
            match = _ATTACHMENT_MEMBER.match(name)
            if match is None:
                raise bad(f"unexpected member {name}")
            # A name of our own for the folder; the file keeps its (checked) name because
            # store_attachment files it under the name it has.
            target = folder / str(index) / match.group(2)
            target.parent.mkdir()
            with target.open("wb") as out:
                sizes[name] = _stream_member(archive, info, bad, budget, digest.update, out)
            attachment_files[name] = target
            if match.group(1) != expected:
                raise bad(f"{name} is filed under a different SHA-256 than the manifest gives")
        if digest.hexdigest() != expected:
            raise bad(f"{name} does not match its SHA-256 in the manifest (changed or damaged)")

    raw_practices = _parse_json(practices_bytes, PRACTICES, bad)
    practices = _check_practices(raw_practices, members, sizes, bad)
    return ExchangeFile(path, exporting_post, exported_at, practices, attachment_files)


def _check_names(infos: Sequence[zipfile.ZipInfo], bad: Callable[[str], Exception]) -> None:
    """Refuse names that could escape a folder or mean something else on another system."""
    if len(infos) > MAX_MEMBERS:
        raise bad(f"more than {MAX_MEMBERS} members")
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        # zipfile turns backslashes into slashes on Windows only; look at the raw name too.
        raw = getattr(info, "orig_filename", name)
        if not name or name.startswith("/") or raw.startswith(("/", "\\")):
            raise bad(f"unsafe member name {raw!r}: absolute path")
        if _DRIVE.match(name) or _DRIVE.match(raw):
            raise bad(f"unsafe member name {raw!r}: drive letter")
        if "\\" in raw:
            raise bad(f"unsafe member name {raw!r}: backslash")
        parts = name.split("/")
        if ".." in parts or "." in parts:
            raise bad(f"unsafe member name {raw!r}: '..' or '.' in the path")
        if any(not part or len(part) > 255 for part in parts):
            raise bad(f"unsafe member name {raw!r}: empty or overlong part")
        if any(char in _NOT_IN_NAMES for char in name):
            raise bad(f"unsafe member name {raw!r}: character not allowed in file names")
        if name in seen:
            raise bad(f"the member {name} occurs twice")
        seen.add(name)


def _check_sizes(infos: Sequence[zipfile.ZipInfo], bad: Callable[[str], Exception]) -> None:
    """The zip-bomb checks the headers allow; _Budget enforces them again while reading."""
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_BYTES:
        raise bad(f"unpacks to {_size(total)}, more than the {_size(MAX_TOTAL_BYTES)} allowed")
    for info in infos:
        if info.file_size > RATIO_CHECKED_FROM and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise bad(f"the member {info.filename} is compressed suspiciously much (zip bomb?)")


def _size(count: int) -> str:
    return f"{count / 2**20:.0f} MB" if count >= 2**20 else f"{count / 2**10:.0f} kB"


class _Budget:
    """The bytes still allowed to be unpacked from one file."""

    def __init__(self, remaining: int) -> None:
        self.remaining = remaining

    def spend(self, count: int, bad: Callable[[str], Exception]) -> None:
        self.remaining -= count
        if self.remaining < 0:
            raise bad(f"unpacks to more than the {_size(MAX_TOTAL_BYTES)} allowed (zip bomb?)")


def _stream_member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    bad: Callable[[str], Exception],
    budget: _Budget,
    digest: Callable[[bytes], object],
    out: IO[bytes],
    limit: int | None = None,
) -> int:
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if size > info.file_size or (limit is not None and size > limit):
                    raise bad(f"{info.filename} unpacks to more than its header says (zip bomb?)")
                budget.spend(len(chunk), bad)
                digest(chunk)
                out.write(chunk)
    except RuntimeError as exc:  # zipfile's word for an encrypted member
        raise bad(f"{info.filename} cannot be read ({exc})") from exc
    return size


def _read_member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    bad: Callable[[str], Exception],
    limit: int,
    budget: _Budget | None = None,
) -> bytes:
    if info.file_size > limit:
        raise bad(f"{info.filename} is larger than the {_size(limit)} allowed")
    collected = io.BytesIO()
    budget = budget or _Budget(limit)
    _stream_member(archive, info, bad, budget, lambda _chunk: None, collected, limit)
    return collected.getvalue()


def _parse_json(content: bytes, name: str, bad: Callable[[str], Exception]) -> Any:
    try:
        return load_json(content)
    except UntrustedFileError as exc:
        raise bad(f"{name}: {exc.reason}") from exc


# --- schema ----------------------------------------------------------------------------------


class _SchemaError(Exception):
    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")


def _key(obj: dict[str, Any], key: str, where: str) -> Any:
    if key not in obj:
        raise _SchemaError(f"{where}.{key}" if where else key, "missing")
    return obj[key]


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _SchemaError(where, "expected an object")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _SchemaError(where, "expected a list")
    return value


def _text(value: Any, where: str, max_length: int | None = None, required: bool = False) -> str:
    if not isinstance(value, str):
        raise _SchemaError(where, "expected text")
    if required and not value.strip():
        raise _SchemaError(where, "must not be empty")
    if max_length is not None and len(value) > max_length:
        raise _SchemaError(where, f"at most {max_length} characters")
    return value


def _whole(value: Any, where: str, allowed: range | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _SchemaError(where, "expected a whole number")
    if allowed is not None and value not in allowed:
        raise _SchemaError(where, f"expected a whole number from {allowed[0]} to {allowed[-1]}")
    return value


def _uuid(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _UUID.match(value):
        raise _SchemaError(where, "expected a UUID")
    return value


def _moment(value: Any, where: str) -> datetime:
    text = _text(value, where)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise _SchemaError(where, "expected a date and time with a time zone (ISO 8601)")
    return moment.astimezone(UTC)


def _one_of(value: Any, where: str, allowed: Iterable[str]) -> str:
    allowed = tuple(allowed)
    if value not in allowed:
        raise _SchemaError(where, f"expected one of {', '.join(allowed)}")
    return str(value)


def _codes(value: Any, where: str, known: reference.ReferenceList, kind: str) -> list[str]:
    codes = _list(value, where)
    for index, code in enumerate(codes):
        if not isinstance(code, str) or code not in known:
            raise _SchemaError(f"{where}[{index}]", f"unknown {kind} {code!r}")
    return codes


def _check_manifest(
    raw: Any, bad: Callable[[str], Exception]
) -> tuple[str, datetime, dict[str, str]]:
    try:
        manifest = _object(raw, "the manifest")
        if _key(manifest, "format", "") != FORMAT:
            raise _SchemaError("format", f"expected {FORMAT!r}")
        version = _whole(_key(manifest, "format_version", ""), "format_version")
        if version > FORMAT_VERSION:
            raise bad(
                f"made by a newer postkit (format version {version}; this postkit reads "
                f"version {FORMAT_VERSION}): update postkit to import it"
            )
        if version < 1:
            raise _SchemaError("format_version", "expected 1 or more")
        post = _text(_key(manifest, "exporting_post", ""), "exporting_post")
        exported_at = _moment(_key(manifest, "exported_at", ""), "exported_at")
        members = _object(_key(manifest, "members", ""), "members")
        for name, digest in members.items():
            if not isinstance(digest, str) or not _SHA256.match(digest):
                raise _SchemaError(f"members[{name!r}]", "expected a SHA-256 in hex")
    except _SchemaError as exc:
        raise bad(f"{MANIFEST}: {exc}") from exc
    return post[:POST_NAME_MAX], exported_at, members


def _check_practices(
    raw: Any,
    members: dict[str, str],
    sizes: dict[str, int],
    bad: Callable[[str], Exception],
) -> tuple[SharedPractice, ...]:
    practices = []
    seen: set[str] = set()
    try:
        for index, value in enumerate(_list(raw, "practices")):
            practice = _check_practice(value, f"practices[{index}]", members, sizes)
            if practice.uuid in seen:
                raise _SchemaError(f"practices[{index}].uuid", "occurs twice in the file")
            seen.add(practice.uuid)
            practices.append(practice)
    except _SchemaError as exc:
        raise bad(f"{PRACTICES}: {exc}") from exc
    return tuple(practices)


def _check_practice(
    value: Any, where: str, members: dict[str, str], sizes: dict[str, int]
) -> SharedPractice:
    obj = _object(value, where)

    def field(key: str) -> Any:
        return _key(obj, key, where)

    def at(key: str) -> str:
        return f"{where}.{key}"

    _uuid(field("uuid"), at("uuid"))
    _uuid(field("version"), at("version"))
    for i, version in enumerate(_list(field("lineage"), at("lineage"))):
        _uuid(version, f"{at('lineage')}[{i}]")
    _text(field("title"), at("title"), TITLE_MAX, required=True)
    tasks = _list(field("core_tasks"), at("core_tasks"))
    if not tasks:
        raise _SchemaError(at("core_tasks"), "expected at least one core task")
    for i, task in enumerate(tasks):
        _whole(task, f"{at('core_tasks')}[{i}]", range(1, 6))
    _text(field("post_name"), at("post_name"), POST_NAME_MAX)
    country = field("country")
    # Text first: a list or an object is no key of the countries (a dict raised TypeError).
    if country is not None and (
        not isinstance(country, str) or country not in reference.countries()
    ):
        raise _SchemaError(at("country"), f"unknown country code {country!r}")
    if field("year") is not None:
        _whole(field("year"), at("year"), YEARS)
    for name in TEXT_FIELDS:
        _text(field(name), at(name))
    _one_of(field("language"), at("language"), LANGUAGES)
    _one_of(field("status"), at("status"), STATUSES)
    _codes(field("themes"), at("themes"), reference.themes(), "theme")
    _codes(field("sectors"), at("sectors"), reference.sectors(), "sector")
    # Optional: files written before the register have no companies.
    for i, name in enumerate(_list(obj.get("companies", []), at("companies"))):
        _text(name, f"{at('companies')}[{i}]", 300, required=True)
    if field("source_activity_uuid") is not None:
        _uuid(field("source_activity_uuid"), at("source_activity_uuid"))
    created_at = _moment(field("created_at"), at("created_at"))
    updated_at = _moment(field("updated_at"), at("updated_at"))
    _text(field("created_by"), at("created_by"), 120)
    _text(field("updated_by"), at("updated_by"), 120)
    for i, entry in enumerate(_list(field("attachments"), at("attachments"))):
        _check_attachment(entry, f"{at('attachments')}[{i}]", members, sizes)
    known = {
        key: obj[key]
        for key in (
            *("uuid", "version", "lineage", "title", "core_tasks", "post_name", "country"),
            *("year", *TEXT_FIELDS, "language", "status", "themes", "sectors"),
            *("source_activity_uuid", "created_by", "updated_by"),
        )
    }
    known["attachments"] = [
        {key: entry[key] for key in ("file_name", "sha256", "size", "path")}
        for entry in obj["attachments"]
    ]
    known["companies"] = obj.get("companies", [])
    known["created_at"] = created_at.isoformat()
    known["updated_at"] = updated_at.isoformat()
    practice = SharedPractice.from_json(known)
    try:
        validate_practice(practice.data)
    except ValidationError as exc:
        raise _SchemaError(at(exc.field), exc.reason) from exc
    return practice


def _check_attachment(
    value: Any, where: str, members: dict[str, str], sizes: dict[str, int]
) -> None:
    entry = _object(value, where)
    file_name = _text(_key(entry, "file_name", where), f"{where}.file_name", 255, required=True)
    if "/" in file_name or any(char in _NOT_IN_NAMES for char in file_name):
        raise _SchemaError(f"{where}.file_name", "not a plain file name")
    sha = _text(_key(entry, "sha256", where), f"{where}.sha256")
    if not _SHA256.match(sha):
        raise _SchemaError(f"{where}.sha256", "expected a SHA-256 in hex")
    size = _whole(_key(entry, "size", where), f"{where}.size")
    path = _text(_key(entry, "path", where), f"{where}.path")
    if path != f"{ATTACHMENTS}{sha}/{file_name}":
        raise _SchemaError(f"{where}.path", f"expected {ATTACHMENTS}{sha}/{file_name}")
    if path not in members:
        raise _SchemaError(f"{where}.path", "not in the file")
    if members[path] != sha or sizes.get(path) != size:
        raise _SchemaError(where, "does not match the attached file")
