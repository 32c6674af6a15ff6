"""Plain values the screening services take and return; nothing here touches the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NamedTuple


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Outcome(StrEnum):
    SUPPORT = "support"
    SUPPORT_WITH_CONDITIONS = "support_with_conditions"
    DECLINE = "decline"
    REFER_TO_HQ = "refer_to_hq"


class Status(StrEnum):
    OPEN = "open"
    DECIDED = "decided"


class Judgement(StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class DirectorDetails(NamedTuple):
    """What is known of a director beside the name; the sanctions screening weighs it."""

    name: str
    birth_date: str = ""  # ISO: a year, a year and month, or a day
    nationality: str = ""  # a country code


@dataclass(frozen=True)
class RequestInput:
    """What the officer records about a company's request for support."""

    company_name: str
    support_kind: str
    requested_on: date
    kvk_number: str = ""
    company_country: str | None = None
    company_sector: str | None = None
    employees: int | None = None
    turnover_eur: int | None = None
    balance_sheet_eur: int | None = None
    directors: tuple[str, ...] = ()
    operating_country: str | None = None
    operating_sector: str | None = None
    needed_by: date | None = None
    handled_by: str = ""
    description: str = ""
    # Of the directors something is known of (date of birth, nationality), in their order.
    director_details: tuple[DirectorDetails, ...] = ()
    # The register's company the request is about; company_name and the figures above stay the
    # snapshot of what was screened, whatever the register says later.
    company_id: int | None = None

    def details_of(self, director: str) -> DirectorDetails:
        """What is known of one director (nothing but the name when nothing is)."""
        return next(
            (d for d in self.director_details if d.name == director), DirectorDetails(director)
        )


@dataclass(frozen=True)
class EvidenceFile:
    item: str
    file_name: str
    stored_name: str
    sha256: str
    size_bytes: int
    added_at: datetime


@dataclass(frozen=True)
class ChecklistAnswer:
    item: str
    answer: Answer = Answer.UNKNOWN
    note: str = ""
    links: tuple[str, ...] = ()
    evidence: tuple[EvidenceFile, ...] = ()
    updated_at: datetime | None = None
    updated_by: str = ""


@dataclass(frozen=True)
class SanctionsListInfo:
    """One imported version of a list; `list_date` is the date its publisher gave it."""

    id: int
    file_name: str
    sha256: str
    entry_count: int
    list_date: str
    imported_at: datetime
    imported_by: str
    source: str = "opensanctions"
    rescreened_at: datetime | None = None

    def age_days(self, today: date) -> int:
        """Days since the list was published (since it was imported when it gives no date)."""
        try:
            published = date.fromisoformat(self.list_date[:10])
        except ValueError:
            published = self.imported_at.astimezone().date()
        return (today - published).days

    def is_older_than(self, days: int, today: date) -> bool:
        return self.age_days(today) > days


@dataclass(frozen=True)
class MatchRecord:
    """A candidate from the sanctions list for a screened name, and how it was judged."""

    id: int
    subject: str
    subject_kind: str  # "company" or "director"
    entry_id: str
    entry_name: str
    entry_schema: str
    entry_details: dict[str, Any]
    score: float
    matched_name: str
    explanation: tuple[str, ...]
    judgement: Judgement = Judgement.OPEN
    judged_by: str = ""
    judged_at: datetime | None = None
    judgement_note: str = ""
    list_id: int | None = None
    list_source: str = ""  # a ListSource value; "" when the list is gone
    list_date: str = ""
    # The list version a re-screening found the entry removed from; None while it is listed.
    delisted_list_id: int | None = None
    delisted_on: str = ""  # the date of that list version; "" while listed

    @property
    def is_delisted(self) -> bool:
        return self.delisted_list_id is not None

    @property
    def is_to_judge(self) -> bool:
        """Open and still listed. Once the list no longer holds the entry there is nothing
        left to judge it against: it stops blocking the decision but stays on the record."""
        return self.judgement is Judgement.OPEN and not self.is_delisted

    @property
    def regulations(self) -> tuple[str, ...]:
        """The regulation (EU), list (UN) or decision (NL) the entry is listed under."""
        return tuple(self.entry_details.get("sanctions", ()))

    @property
    def programmes(self) -> tuple[str, ...]:
        return tuple(self.entry_details.get("program_ids", ()))

    @property
    def listed_on(self) -> str:
        """The date the entry was put on the list, as the list gives it ("" when it does not)."""
        return str(self.entry_details.get("first_seen", ""))[:10]


@dataclass(frozen=True)
class Decision:
    """The officer's decision; `open_steps` are the checklist items open when it was taken.

    Deciding with open steps needs `open_steps_reason`; the service fills `open_steps`.
    """

    outcome: Outcome
    rationale: str
    conditions: str = ""
    conditions_due: date | None = None
    follow_up_on: date | None = None
    open_steps: tuple[str, ...] = ()
    open_steps_reason: str = ""


@dataclass(frozen=True)
class ConditionLine:
    """A condition agreed in the decision, as followed up: due date, owner and status
    ("open", "met", "not_met", "dropped"); the follow-up feature reads them for the record."""

    text: str
    due_on: date | None
    owner: str = ""
    status: str = "open"
    status_note: str = ""


@dataclass(frozen=True)
class RequestRecord:
    id: int
    uuid: str
    data: RequestInput
    status: Status
    decision: Decision | None = None
    decided_at: datetime | None = None
    decided_by: str = ""
    answers: dict[str, ChecklistAnswer] = field(default_factory=dict)
    matches: tuple[MatchRecord, ...] = ()
    screened_list: SanctionsListInfo | None = None  # the first of `screened_lists`
    screened_lists: tuple[SanctionsListInfo, ...] = ()
    screened_at: datetime | None = None
    matcher_version: str = ""
    match_threshold: float | None = None
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""

    def __post_init__(self) -> None:
        # A record made with only `screened_list` (as before several lists) lists that one.
        if self.screened_list is not None and not self.screened_lists:
            object.__setattr__(self, "screened_lists", (self.screened_list,))

    def answer(self, item: str) -> ChecklistAnswer:
        return self.answers.get(item, ChecklistAnswer(item))

    @property
    def is_decided(self) -> bool:
        return self.status is Status.DECIDED


@dataclass(frozen=True)
class ScreeningFinding:
    """What the latest sanctions screening found, set beside the officer's sanctions answer.

    The screening never answers the checklist: the officer reads this and answers, or
    confirms an answer given before the result was known.
    """

    screened_at: datetime
    list_file: str
    confirmed: int
    dismissed: int
    open: int
    found_at: datetime  # when the result took its present form: screened, or last judged
    answer: ChecklistAnswer

    @property
    def candidates(self) -> int:
        return self.confirmed + self.dismissed + self.open

    @property
    def indicated_answer(self) -> Answer | None:
        """The answer the result points to; None while candidates are still to judge."""
        if self.confirmed:
            return Answer.YES
        if self.open:
            return None
        return Answer.NO

    @property
    def is_answered(self) -> bool:
        return self.answer.updated_at is not None and self.answer.answer is not Answer.UNKNOWN

    @property
    def needs_confirmation(self) -> bool:
        """The officer answered before the result was known (and it is now known)."""
        return (
            self.is_answered
            and self.indicated_answer is not None
            and self.answer.updated_at is not None
            and self.answer.updated_at < self.found_at
        )

    @property
    def contradicts_answer(self) -> bool:
        indicated = self.indicated_answer
        return self.is_answered and indicated is not None and indicated is not self.answer.answer


@dataclass(frozen=True)
class RequestRow:
    """One line of the request list."""

    id: int
    company_name: str
    support_kind: str
    requested_on: date
    status: Status
    outcome: Outcome | None
    handled_by: str
    follow_up_on: date | None
    open_matches: int


@dataclass(frozen=True)
class RiskFactor:
    """One reason the risk summary gives, with its weight on the outcome and why."""

    source: str  # a checklist item code, "country", "sector", "size" or "sanctions"
    level: RiskLevel
    explanation: str  # in English
    explanation_nl: str = ""
    weight: str = ""  # why the factor weighs as `level` does, in English
    weight_nl: str = ""

    def explained(self, language: str = "en") -> str:
        """The explanation in `language` (Dutch or English)."""
        return self.explanation_nl if language == "nl" and self.explanation_nl else self.explanation

    def weighed(self, language: str = "en") -> str:
        """Why the factor weighs as it does, in `language` (Dutch or English)."""
        return self.weight_nl if language == "nl" and self.weight_nl else self.weight


@dataclass(frozen=True)
class RiskSummary:
    level: RiskLevel
    factors: tuple[RiskFactor, ...]
    red_flags: tuple[str, ...]  # checklist items or sources that are red flags
    open_items: tuple[str, ...]  # checklist steps still open (see screening.steps)
    advice: str  # one sentence in English; the officer decides
    advice_nl: str = ""
    not_expected: tuple[str, ...] = ()  # due-diligence items not expected of this company

    @property
    def is_complete(self) -> bool:
        """Every step is answered and the names are screened: only then is there advice."""
        return not self.open_items

    def advice_in(self, language: str = "en") -> str:
        return self.advice_nl if language == "nl" and self.advice_nl else self.advice


@dataclass(frozen=True)
class AuditEntry:
    id: int
    request_id: int | None
    at: datetime
    actor: str
    action: str
    details: dict[str, Any]
    previous_hash: str
    entry_hash: str


@dataclass(frozen=True)
class ChainAnchor:
    """The head of the audit log at one moment: how many entries it held and the last one's
    hash. Kept outside the database (printed on decision records, noted from `verify`), it
    shows later whether the log was rewritten or rolled back since."""

    entries: int
    head_hash: str
    source: str = ""  # where the anchor was read from, to name it in a report

    @property
    def text(self) -> str:
        return f"{self.head_hash}:{self.entries}"


@dataclass(frozen=True)
class ChainCheck:
    """The result of verifying the audit log's hash chain (and earlier anchors against it)."""

    entries: int
    broken_at: int | None = None  # id of the first entry that does not fit the chain
    problem: str = ""
    head_hash: str = "0" * 64
    anchors_matched: int = 0
    anchor_problems: tuple[str, ...] = ()

    @property
    def is_intact(self) -> bool:
        return self.broken_at is None and not self.anchor_problems

    @property
    def anchor(self) -> ChainAnchor:
        return ChainAnchor(self.entries, self.head_hash)


@dataclass(frozen=True)
class CompanyRequest:
    """An earlier request of a register company and what was decided: what the request dialog
    shows when the company is picked. `company_name` is the name as screened then."""

    id: int
    company_name: str
    support_kind: str
    requested_on: date
    status: Status
    outcome: Outcome | None
    decided_at: datetime | None
    rationale: str
    conditions: str
