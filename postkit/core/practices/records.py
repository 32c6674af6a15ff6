"""Plain values the good-practice services take and return; nothing here touches the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from postkit.core.attachments import AttachmentRecord

DRAFT = "draft"
PUBLISHED = "published"
STATUSES = (DRAFT, PUBLISHED)
LANGUAGES = ("nl", "en")

TEXT_FIELDS = (
    "summary",
    "context",
    "what_was_done",
    "what_worked",
    "what_did_not",
    "lessons",
    "contact",
)


@dataclass(frozen=True)
class PracticeInput:
    """What a user fills in for a good practice."""

    title: str
    core_tasks: tuple[int, ...]
    post_name: str = ""
    country: str | None = None
    year: int | None = None
    summary: str = ""
    context: str = ""
    what_was_done: str = ""
    what_worked: str = ""
    what_did_not: str = ""
    lessons: str = ""
    contact: str = ""
    language: str = "en"
    status: str = DRAFT
    themes: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    # The register's companies involved: ids of this post's register, so they never travel;
    # an exchange file carries the companies' names instead (SharedPractice.company_names).
    company_ids: tuple[int, ...] = ()

    @property
    def is_published(self) -> bool:
        return self.status == PUBLISHED


@dataclass(frozen=True)
class PracticeUse:
    """A post marked the practice as useful."""

    post_name: str
    user_name: str
    note: str
    marked_at: datetime


@dataclass(frozen=True)
class PracticeRecord:
    """A practice as stored, with its version history and audit trail."""

    id: int
    uuid: str
    version: str
    data: PracticeInput
    lineage: tuple[str, ...] = ()
    attachments: tuple[AttachmentRecord, ...] = ()
    uses: tuple[PracticeUse, ...] = ()
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""
    source_activity_uuid: str | None = None
    # The names of the companies in data.company_ids, in name order: what an export shows.
    company_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class PracticeListRow:
    """One card or list line: only what the library view shows."""

    id: int
    uuid: str
    title: str
    excerpt: str
    core_tasks: tuple[int, ...]
    post_name: str
    country: str | None
    year: int | None
    language: str
    status: str
    themes: tuple[str, ...]
    uses: int
    updated_at: datetime


@dataclass(frozen=True)
class PracticeFilter:
    """Which practices to show; empty fields filter nothing. `region` is a regions.json code."""

    core_task: int | None = None
    theme: str | None = None
    sector: str | None = None
    region: str | None = None
    language: str | None = None
    status: str | None = None
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return self == PracticeFilter()


@dataclass(frozen=True)
class SharedAttachment:
    """An attached file as listed in an exchange file; `stored_name` once it is in the files
    folder."""

    file_name: str
    sha256: str
    size: int
    path: str
    stored_name: str = ""


@dataclass(frozen=True)
class SharedPractice:
    """A practice as it travels between posts: its content and the version history that
    decides whether it is new, newer, older or in conflict."""

    uuid: str
    version: str
    lineage: tuple[str, ...]
    data: PracticeInput
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    source_activity_uuid: str | None = None
    attachments: tuple[SharedAttachment, ...] = ()
    # The companies involved, by name only: never their ids, contacts or other register data.
    company_names: tuple[str, ...] = ()

    def to_json(self, with_stored_names: bool = False) -> dict[str, Any]:
        """The practice as an object of practices.json (the exchange file's format)."""
        data = self.data
        attachments = []
        for attachment in self.attachments:
            entry: dict[str, Any] = {
                "file_name": attachment.file_name,
                "sha256": attachment.sha256,
                "size": attachment.size,
                "path": attachment.path,
            }
            if with_stored_names:
                entry["stored_name"] = attachment.stored_name
            attachments.append(entry)
        return {
            "uuid": self.uuid,
            "version": self.version,
            "lineage": list(self.lineage),
            "title": data.title,
            "core_tasks": list(data.core_tasks),
            "post_name": data.post_name,
            "country": data.country,
            "year": data.year,
            **{name: getattr(data, name) for name in TEXT_FIELDS},
            "language": data.language,
            "status": data.status,
            "themes": list(data.themes),
            "sectors": list(data.sectors),
            "companies": list(self.company_names),
            "source_activity_uuid": self.source_activity_uuid,
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
            "updated_at": self.updated_at.isoformat(),
            "updated_by": self.updated_by,
            "attachments": attachments,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> SharedPractice:
        """Read an object `to_json` wrote; untrusted input is checked by the exchange first."""
        data = PracticeInput(
            title=raw["title"],
            core_tasks=tuple(raw["core_tasks"]),
            post_name=raw["post_name"],
            country=raw["country"],
            year=raw["year"],
            **{name: raw[name] for name in TEXT_FIELDS},
            language=raw["language"],
            status=raw["status"],
            themes=tuple(raw["themes"]),
            sectors=tuple(raw["sectors"]),
        )
        attachments = tuple(
            SharedAttachment(
                a["file_name"], a["sha256"], a["size"], a["path"], a.get("stored_name", "")
            )
            for a in raw["attachments"]
        )
        return cls(
            uuid=raw["uuid"],
            version=raw["version"],
            lineage=tuple(raw["lineage"]),
            data=data,
            created_at=datetime.fromisoformat(raw["created_at"]),
            created_by=raw["created_by"],
            updated_at=datetime.fromisoformat(raw["updated_at"]),
            updated_by=raw["updated_by"],
            source_activity_uuid=raw["source_activity_uuid"],
            attachments=attachments,
            # Files written before the register have no companies.
            company_names=tuple(raw.get("companies", ())),
        )


class SkipReason(StrEnum):
    """Why an imported practice changed nothing; the UI translates, the CLI prints the value."""

    SAME_VERSION = "already have this version"
    NEWER_LOCALLY = "already have a newer version"
    SAME_CONTENT = "same content as the local version"
    CONFLICT_PENDING = "this conflicting version is already waiting for a choice"


@dataclass(frozen=True)
class SkippedPractice:
    uuid: str
    title: str
    reason: SkipReason


@dataclass(frozen=True)
class FailedFile:
    """An exchange file nothing was imported from, and why."""

    path: str
    problem: str


@dataclass(frozen=True)
class ImportSummary:
    """What an import did, practice by practice. `conflicts` and `added`/`updated` hold
    (uuid, title) pairs."""

    added: tuple[tuple[str, str], ...] = ()
    updated: tuple[tuple[str, str], ...] = ()
    skipped: tuple[SkippedPractice, ...] = ()
    conflicts: tuple[tuple[str, str], ...] = ()
    failed: tuple[FailedFile, ...] = ()

    @property
    def changed_anything(self) -> bool:
        return bool(self.added or self.updated or self.conflicts)


@dataclass(frozen=True)
class ConflictRecord:
    """A local practice and an imported version edited independently of it; `incoming` is
    that version as taking it would file it (this post's personal data kept where the other
    post only left it out)."""

    id: int
    local: PracticeRecord
    incoming: PracticeInput
    incoming_version: str
    incoming_updated_at: datetime
    incoming_updated_by: str
    incoming_attachments: tuple[AttachmentRecord, ...]
    source_post: str
    source_file: str
    received_at: datetime
